"""The site's URLs plus one page that fails while holding a patient's record."""

from django.urls import path

from appointments.models import AppointmentRequest
from clinic.urls import urlpatterns as site_urlpatterns


def failing_view(request, pk):
    patient = AppointmentRequest.objects.get(pk=pk)
    name, phone, email = patient.full_name, patient.phone, patient.email
    born = patient.date_of_birth
    raise ValueError(f"could not book {name} ({phone}, {email}), born {born} / {born:%b %d, %Y}")


urlpatterns = [path("failing/<int:pk>/", failing_view), *site_urlpatterns]

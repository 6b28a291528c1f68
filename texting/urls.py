from django.urls import path

from texting import views

app_name = "texting"

urlpatterns = [
    path("inbound/", views.inbound, name="inbound"),
    path("status/", views.status, name="status"),
]

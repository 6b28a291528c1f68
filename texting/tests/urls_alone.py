"""The URLs texting needs when it runs without the appointments app: the admin, its
webhooks, and the site's contact page (texts link to its warning signs)."""

from django.contrib import admin
from django.urls import include, path

from clinic import views

urlpatterns = [
    path("contact/", views.contact, name="contact"),
    path("admin/", admin.site.urls),
    path("sms/", include("texting.urls")),
]

from django.apps import AppConfig


class AppointmentsConfig(AppConfig):
    verbose_name = "Appointment requests"
    name = "appointments"

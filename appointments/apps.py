from django.apps import AppConfig


class AppointmentsConfig(AppConfig):
    verbose_name = "Appointment requests"
    name = "appointments"

    def ready(self):
        from appointments.frontdesk import request_counts
        from clinic import frontdesk

        frontdesk.register_counts(request_counts)

from django.apps import AppConfig


class AppointmentsConfig(AppConfig):
    verbose_name = "Appointment requests"
    name = "appointments"

    def ready(self):
        from appointments.frontdesk import request_counts, requests_for_phones
        from clinic import frontdesk
        from texting import conversations

        frontdesk.register_counts(request_counts)
        conversations.register_related(requests_for_phones)

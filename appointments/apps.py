from django.apps import AppConfig


class AppointmentsConfig(AppConfig):
    verbose_name = "Appointment requests"
    name = "appointments"

    def ready(self):
        from appointments import outbox
        from appointments.frontdesk import request_counts, requests_for_phones
        from clinic import frontdesk
        from texting import conversations

        # Tell the outbox what our messages mean (see texting.registry).
        outbox.kinds_register()
        frontdesk.register_counts(request_counts)
        conversations.register_related(requests_for_phones)

from django.apps import AppConfig


class AppointmentsConfig(AppConfig):
    verbose_name = "Appointment requests"
    name = "appointments"

    def ready(self):
        from appointments import outbox

        # Tell the outbox what our messages mean (see texting.registry).
        outbox.kinds_register()

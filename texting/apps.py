from django.apps import AppConfig


class TextingConfig(AppConfig):
    verbose_name = "Patient texting"
    name = "texting"

    def ready(self):
        from clinic import frontdesk
        from clinic.health import health_check_register
        from texting import kinds
        from texting.frontdesk import reply_counts, urgent_alert
        from texting.health import outbox_health

        kinds.kinds_register()
        health_check_register("outbox", outbox_health)
        frontdesk.register_counts(reply_counts)
        frontdesk.register_alert(urgent_alert)

from django.apps import AppConfig


class TextingConfig(AppConfig):
    verbose_name = "Patient texting"
    name = "texting"

    def ready(self):
        from clinic.health import health_check_register
        from texting.health import outbox_health

        health_check_register("outbox", outbox_health)

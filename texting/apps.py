from django.apps import AppConfig


class TextingConfig(AppConfig):
    verbose_name = "Patient texting"
    name = "texting"

    def ready(self):
        from clinic.health import health_check_register
        from texting import kinds
        from texting.health import outbox_health

        kinds.kinds_register()
        health_check_register("outbox", outbox_health)

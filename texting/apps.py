from django.apps import AppConfig


class TextingConfig(AppConfig):
    verbose_name = "Patient texting"
    name = "texting"

    def ready(self):
        from texting import kinds

        kinds.kinds_register()

from django.apps import AppConfig


class TextingConfig(AppConfig):
    verbose_name = "Patient texting"
    name = "texting"

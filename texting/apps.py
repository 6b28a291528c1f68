from django.apps import AppConfig


class TextingConfig(AppConfig):
    verbose_name = "Patient texting"
    name = "texting"

    def ready(self):
        from clinic import frontdesk
        from texting import kinds
        from texting.frontdesk import reply_counts, urgent_alert

        kinds.kinds_register()
        frontdesk.register_counts(reply_counts)
        frontdesk.register_alert(urgent_alert)

from django.apps import AppConfig


class ClinicConfig(AppConfig):
    name = "clinic"
    verbose_name = "Practice and site"

    def ready(self):
        from clinic import checks, signals  # noqa: F401  (checks registers system checks)
        from clinic.celery import ensure_filesystem_broker_folders

        ensure_filesystem_broker_folders()
        signals.connect()

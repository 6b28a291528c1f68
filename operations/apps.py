from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """Running the practice: heartbeat, backups, retention and the dashboard."""

    name = "operations"
    verbose_name = "Running the practice"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from clinic.health import health_check_register
        from operations.heartbeat import worker_health

        health_check_register("worker", worker_health)

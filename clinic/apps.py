from django.apps import AppConfig
from django.conf import settings


class ClinicConfig(AppConfig):
    name = "clinic"
    verbose_name = "Practice and site"

    def ready(self):
        from clinic import checks, signals  # noqa: F401  (checks registers system checks)
        from clinic.celery import ensure_filesystem_broker_folders

        ensure_filesystem_broker_folders()
        signals.connect()
        # Computed once at startup: gunicorn's workers, forked from the preloaded app,
        # share it (see clinic.caching.release).
        from clinic.caching import release

        release()
        if settings.DEBUG:
            # runserver reloads an edited template without restarting: cache its pages
            # under a new release so the edit shows on the next load.
            from django.utils.autoreload import file_changed

            from clinic.caching import release_renew

            file_changed.connect(release_renew, dispatch_uid="clinic-release-renew")

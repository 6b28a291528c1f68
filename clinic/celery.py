"""The Celery app: Redis as broker when REDIS_URL is set, the filesystem broker if not.

Settings use the CELERY_ namespace in clinic/settings.py (time limits, beat schedule).
Tasks carry ids only; the outbox rows hold the data (see texting/).
"""

import os
from pathlib import Path

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinic.settings")

app = Celery("clinic")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


def ensure_filesystem_broker_folders() -> None:
    """Create the filesystem broker's folders (only used without REDIS_URL)."""
    options = app.conf.broker_transport_options or {}
    for key in ("data_folder_in", "data_folder_out", "processed_folder", "control_folder"):
        if options.get(key):
            Path(options[key]).mkdir(parents=True, exist_ok=True)


@app.on_after_configure.connect
def _prepare_broker(sender, **kwargs) -> None:
    """The web process, the worker and beat all need the folders before they publish."""
    ensure_filesystem_broker_folders()

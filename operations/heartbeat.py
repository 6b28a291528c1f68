"""The worker's heartbeat: beat queues it every minute, a worker writes the time.

A fresh heartbeat proves beat, the broker and a worker all run; /healthz reports it.
"""

import datetime as dt

from django.utils import timezone

from operations.models import Heartbeat

# Beat sends one a minute: five missed in a row means something stopped.
STALE_AFTER = dt.timedelta(minutes=5)


def heartbeat_record(*, name: str = "worker") -> None:
    Heartbeat.objects.update_or_create(name=name, defaults={"at": timezone.now()})


def worker_health() -> dict:
    """ok, stale or never, with the last heartbeat's time and age (one query)."""
    at = Heartbeat.objects.filter(name="worker").values_list("at", flat=True).first()
    if at is None:
        return {"status": "never", "last_heartbeat": None, "age_seconds": None}
    age = timezone.now() - at
    return {
        "status": "ok" if age <= STALE_AFTER else "stale",
        "last_heartbeat": at.isoformat(),
        "age_seconds": int(age.total_seconds()),
    }

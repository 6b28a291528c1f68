"""The outbox's part of /healthz: texts that should have gone and have not."""

from django.db.models import Count, Min
from django.utils import timezone

from texting.models import OutboundMessage


def outbox_health() -> dict:
    """How many texts are overdue and since when (one query)."""
    now = timezone.now()
    found = OutboundMessage.objects.overdue(now).aggregate(count=Count("pk"), oldest=Min("send_at"))
    if not found["count"]:
        return {
            "status": "ok",
            "overdue": 0,
            "oldest_overdue_at": None,
            "oldest_overdue_seconds": 0,
        }
    return {
        "status": "overdue",
        "overdue": found["count"],
        "oldest_overdue_at": found["oldest"].isoformat(),
        "oldest_overdue_seconds": int((now - found["oldest"]).total_seconds()),
    }

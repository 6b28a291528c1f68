"""Replies and texts the front desk should see: counts for the admin's home page and
the banner an urgent unread reply puts on every admin page."""

from __future__ import annotations

from django.db.models import Count, Q
from django.urls import reverse

from clinic.frontdesk import Alert
from clinic.frontdesk import Count as DeskCount


def _inbox() -> str:
    return reverse("admin:texting_inboundmessage_changelist")


def reply_counts() -> list[DeskCount]:
    """Unread and urgent unread replies (one query) and overdue texts (one query)."""
    from texting.models import InboundMessage, OutboundMessage

    counts = InboundMessage.objects.aggregate(
        unread=Count("pk", filter=Q(is_read=False)),
        urgent=Count("pk", filter=Q(is_read=False, is_urgent=True)),
    )
    overdue = OutboundMessage.objects.overdue().count()
    return [
        DeskCount("unread replies", counts["unread"], f"{_inbox()}?is_read__exact=0"),
        DeskCount(
            "urgent replies",
            counts["urgent"],
            f"{_inbox()}?is_read__exact=0&is_urgent__exact=1",
            urgent=True,
        ),
        DeskCount(
            "overdue texts",
            overdue,
            reverse("admin:texting_overduemessage_changelist"),
            urgent=True,
        ),
    ]


def urgent_alert() -> Alert | None:
    """A red banner while any urgent reply is unread: one query."""
    from texting.models import InboundMessage

    count = InboundMessage.objects.filter(is_read=False, is_urgent=True).count()
    if not count:
        return None
    noun = "reply" if count == 1 else "replies"
    return Alert(
        message=f"{count} urgent {noun} from patients not read yet.",
        url=f"{_inbox()}?is_read__exact=0&is_urgent__exact=1",
        link_text="Read now",
    )

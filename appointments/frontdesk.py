"""The requests the front desk should see today, for the admin's home page."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Prefetch, Q
from django.urls import reverse
from django.utils import timezone

from clinic.frontdesk import Count as DeskCount


def request_counts() -> list[DeskCount]:
    """New requests today and everyone waiting for a call: one query."""
    from appointments.models import AppointmentRequest

    requested = Q(status=AppointmentRequest.Status.REQUESTED)
    start = timezone.make_aware(dt.datetime.combine(timezone.localdate(), dt.time.min))
    counts = AppointmentRequest.objects.aggregate(
        new=Count("pk", filter=requested & Q(created_at__gte=start)),
        waiting=Count("pk", filter=requested),
    )
    listing = reverse("admin:appointments_appointmentrequest_changelist")
    return [
        DeskCount("new requests today", counts["new"], f"{listing}?when=new"),
        DeskCount("waiting for a call", counts["waiting"], f"{listing}?when=call"),
    ]


def requests_for_phones(phones: list[str]):
    """The requests made with each phone, newest first: what a conversation belongs to."""
    from appointments.models import AppointmentRequest
    from texting.conversations import Related

    found: dict[str, list[Related]] = {}
    open_states = {AppointmentRequest.Status.REQUESTED, AppointmentRequest.Status.SCHEDULED}
    rows = AppointmentRequest.objects.filter(phone__in=phones).order_by("-created_at")
    rows = rows.select_related("procedure", "day_one_reminder").prefetch_related(
        Prefetch("day_one_reports", to_attr="reports")
    )
    for row in rows:
        found.setdefault(row.phone, []).append(
            Related(
                label=f"{row.reference}, {row.full_name}: {row.get_status_display()}",
                url=row.get_admin_url(),
                name=row.full_name,
                open=row.status in open_states,
                pk=row.pk,
                note=day_one_note(row),
            )
        )
    return found


def day_one_note(row) -> str:
    """Her latest day 1 by text and the window it opens, or the texts she asked for."""
    from appointments.day_one import OPEN, reminder_live

    if row.status not in OPEN:
        return ""
    day = "%a %b %-d"
    reports = getattr(row, "reports", None)
    if reports is None:
        reports = list(row.day_one_reports.all()[:1])
    if reports:
        report = reports[0]
        return (
            f"Day 1 by text: {report.day_one:{day}}. Window {report.window_first:{day}} to "
            f"{report.window_last:{day}}: book from the request, or call her."
        )
    reminder = reminder_live(row, timezone.localdate())
    if reminder is not None:
        return f"Asked for texts near day 1: next period expected {reminder.expected_day:{day}}."
    return ""

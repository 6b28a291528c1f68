"""The practice's figures for a date range, in a fixed number of queries whatever the range.

Three queries: requests (with the time each was first booked, from the status
history), texts (grouped by week and status), replies (with the first time staff
saw each one, from the access log). Everything else is arithmetic on those rows.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import statistics
from collections import Counter, defaultdict

from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Cast, TruncWeek
from django.utils import timezone

from appointments.models import AppointmentRequest
from audit.models import AccessLog
from texting.models import OVERDUE_AFTER, InboundMessage, OutboundMessage

Status = AppointmentRequest.Status
Text = OutboundMessage.Status
SENT = [Text.SENT, Text.DELIVERED]
FAILED = [Text.FAILED, Text.UNDELIVERED, Text.REVIEW]

# Hours from request to booking, and minutes from a reply to a person seeing it.
BOOKING_BUCKETS = [
    (2, "under 2 h"),
    (8, "2–8 h"),
    (24, "8–24 h"),
    (48, "1–2 days"),
    (96, "2–4 days"),
    (None, "over 4 days"),
]
SEEN_BUCKETS = [
    (15, "under 15 min"),
    (60, "15–60 min"),
    (240, "1–4 h"),
    (1440, "4–24 h"),
    (None, "over a day"),
]


@dataclasses.dataclass
class Figures:
    start: dt.date
    end: dt.date
    weeks: list[dt.date]
    exams: list[str]
    requests_by_week: dict[dt.date, Counter]
    requests: int
    booked: int
    booked_in_window: int
    hours_to_booking: list[float]
    outcomes: Counter
    texts_by_week: dict[dt.date, Counter]
    overdue_now: int
    replies_by_week: dict[dt.date, Counter]
    minutes_to_seen: list[float]
    replies_unseen: int

    @property
    def share_in_window(self) -> float | None:
        return self.booked_in_window / self.booked if self.booked else None

    @property
    def median_hours_to_booking(self) -> float | None:
        return statistics.median(self.hours_to_booking) if self.hours_to_booking else None

    @property
    def median_minutes_to_seen(self) -> float | None:
        return statistics.median(self.minutes_to_seen) if self.minutes_to_seen else None


def bucket(values: list[float], buckets) -> list[tuple[str, int]]:
    counts = Counter()
    for value in values:
        for limit, label in buckets:
            if limit is None or value < limit:
                counts[label] += 1
                break
    return [(label, counts[label]) for _, label in buckets]


def _week(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _bounds(start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    first = timezone.make_aware(dt.datetime.combine(start, dt.time.min))
    after = timezone.make_aware(dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min))
    return first, after


def dashboard_figures(*, start: dt.date, end: dt.date, now: dt.datetime | None = None) -> Figures:
    """Requests, bookings, outcomes, texts and replies from `start` to `end` (New York days)."""
    now = now or timezone.now()
    first, after = _bounds(start, end)
    weeks = []
    week = _week(start)
    while week <= end:
        weeks.append(week)
        week += dt.timedelta(days=7)

    booked_at = (
        AppointmentRequest.history.filter(id=OuterRef("pk"), status=Status.SCHEDULED)
        .order_by("history_date")
        .values("history_date")[:1]
    )
    requests = list(
        AppointmentRequest.objects.filter(created_at__gte=first, created_at__lt=after)
        .annotate(booked_at=Subquery(booked_at))
        .values_list(
            "created_at", "procedure__short_name", "status", "window_override_reason", "booked_at"
        )
        .order_by()
    )
    requests_by_week: dict[dt.date, Counter] = defaultdict(Counter)
    outcomes: Counter = Counter()
    hours, booked, in_window = [], 0, 0
    for created, exam, status, override, booked_time in requests:
        requests_by_week[_week(timezone.localdate(created))][exam] += 1
        outcomes[status] += 1
        if booked_time is not None:
            booked += 1
            in_window += not override
            hours.append((booked_time - created).total_seconds() / 3600)
    exams = sorted({exam for _, exam, *_ in requests})

    texts = (
        OutboundMessage.objects.texts()
        .filter(created_at__gte=first, created_at__lt=after)
        .annotate(week=TruncWeek("created_at"))
        .values("week", "status")
        .annotate(
            n=Count("pk"),
            overdue=Count("pk", filter=Q(status=Text.PENDING, send_at__lt=now - OVERDUE_AFTER)),
        )
        .order_by()
    )
    texts_by_week: dict[dt.date, Counter] = defaultdict(Counter)
    overdue_now = 0
    for row in texts:
        kind = "sent" if row["status"] in SENT else "failed" if row["status"] in FAILED else "other"
        texts_by_week[timezone.localdate(row["week"])][kind] += row["n"]
        overdue_now += row["overdue"]

    seen_at = (
        AccessLog.objects.filter(
            records__model="texting.inboundmessage",
            records__object_id=Cast(
                OuterRef("pk"), output_field=AccessLog._meta.get_field("object_id")
            ),
        )
        .order_by("at")
        .values("at")[:1]
    )
    replies = InboundMessage.objects.filter(received_at__gte=first, received_at__lt=after)
    replies_by_week: dict[dt.date, Counter] = defaultdict(Counter)
    minutes, unseen = [], 0
    for received, urgent, seen in replies.annotate(seen_at=Subquery(seen_at)).values_list(
        "received_at", "is_urgent", "seen_at"
    ):
        replies_by_week[_week(timezone.localdate(received))]["urgent" if urgent else "other"] += 1
        if seen is None:
            unseen += 1
        else:
            minutes.append(max((seen - received).total_seconds() / 60, 0))

    return Figures(
        start=start,
        end=end,
        weeks=weeks,
        exams=exams,
        requests_by_week=requests_by_week,
        requests=len(requests),
        booked=booked,
        booked_in_window=in_window,
        hours_to_booking=hours,
        outcomes=outcomes,
        texts_by_week=texts_by_week,
        overdue_now=overdue_now,
        replies_by_week=replies_by_week,
        minutes_to_seen=minutes,
        replies_unseen=unseen,
    )


def figures_rows(f: Figures) -> list[tuple[str, str, str]]:
    """The same figures as (section, item, value) rows: the CSV and the page's tables."""
    rows = [("Range", "from", f.start.isoformat()), ("Range", "to", f.end.isoformat())]
    for week in f.weeks:
        for exam in f.exams:
            rows.append(
                (
                    "Requests per week",
                    f"{week.isoformat()} {exam}",
                    str(f.requests_by_week[week][exam]),
                )
            )
    rows += [
        ("Booking", "requests", str(f.requests)),
        ("Booking", "booked", str(f.booked)),
        ("Booking", "booked inside the window", str(f.booked_in_window)),
        ("Booking", "share booked inside the window", _pct(f.share_in_window)),
        ("Booking", "median hours from request to booking", _num(f.median_hours_to_booking)),
    ]
    rows += [
        ("Time to booking", label, str(n))
        for label, n in bucket(f.hours_to_booking, BOOKING_BUCKETS)
    ]
    for status in Status:
        rows.append(("Outcomes", status.label, str(f.outcomes[status.value])))
    for week in f.weeks:
        counts = f.texts_by_week[week]
        rows.append(("Texts per week", f"{week.isoformat()} sent", str(counts["sent"])))
        rows.append(("Texts per week", f"{week.isoformat()} failed", str(counts["failed"])))
    rows.append(("Texts", "overdue now", str(f.overdue_now)))
    for week in f.weeks:
        counts = f.replies_by_week[week]
        rows.append(("Replies per week", f"{week.isoformat()} urgent", str(counts["urgent"])))
        rows.append(("Replies per week", f"{week.isoformat()} other", str(counts["other"])))
    rows.append(("Replies", "median minutes until staff saw it", _num(f.median_minutes_to_seen)))
    rows.append(("Replies", "not seen yet", str(f.replies_unseen)))
    rows += [
        ("Time until seen", label, str(n)) for label, n in bucket(f.minutes_to_seen, SEEN_BUCKETS)
    ]
    return rows


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}"


def _num(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"

"""Day 1 by text: she texts "1" on her day 1, we answer with a link to pick a time.

Texting recognises the text (`texting.day_one`) and asks us, through the "day_one"
reply event, what to answer. A number with an open request (waiting for a time, or
booked, which covers a waitlist entry) gets a `DayOneReport`: the day becomes her new
first day of the last period, and the answer carries a signed link to the times of
the window it opens, valid until that window's last day. A number we do not know
gets the request page's address and our phone, and nothing of it is stored here.

She can also ask for a text near her next expected day 1 (`reminder_start`), when the
window of her request had passed or was too close: two days before it, and once more
three days after it if she has not texted her day 1 by then. Both go through the
outbox and stop when she books, opts out, texts her day 1 or the request closes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from appointments import booking, cycle, tokens
from appointments.day_one_models import DayOneReminder, DayOneReport
from appointments.models import AppointmentRequest
from appointments.outbox import request_text
from clinic.models import Practice
from texting import bodies, registry, timing
from texting.models import InboundMessage, OutboundMessage
from texting.services import outbox_cancel_pending, outbox_queue, phone_opted_out, text_render

ReqStatus = AppointmentRequest.Status
OPEN = (ReqStatus.REQUESTED, ReqStatus.SCHEDULED)
LINK, CALL, UNKNOWN = "day1_link", "day1_call", "day1_unknown"
REMIND, REMIND_AGAIN = "day1_remind", "day1_remind_2"
# The texts near her expected day 1: this many days before it, and after it.
REMIND_BEFORE = dt.timedelta(days=2)
REMIND_AFTER = dt.timedelta(days=3)
# A window state in which the request form tells her to call or text us on day 1.
TOO_LATE = (cycle.State.PASSED, cycle.State.TOO_CLOSE, cycle.State.CLOSED)


# --- Her text ----------------------------------------------------------------------


def _open_request(phone: str) -> AppointmentRequest | None:
    """Her latest request still waiting for a time or booked."""
    rows = AppointmentRequest.objects.filter(phone=phone, status__in=OPEN)
    return rows.select_related("procedure").order_by("-created_at").first()


def _day_label(day: dt.date, language: str) -> str:
    return bodies.appointment_values(dt.datetime.combine(day, dt.time(12)), language)["date"]


def site_url(name: str, language: str, *args) -> str:
    """The full address of page `name`, in `language` (Spanish under /es/)."""
    with translation.override(language):
        return settings.SITE_URL + reverse(name, args=args)


def link_url(report: DayOneReport, language: str) -> str:
    return site_url("appointments:day_one", language, tokens.day_one_token(report.pk))


def report_create(*, request: AppointmentRequest, day: dt.date, inbound=None) -> DayOneReport:
    """Record her day 1: her request's first day of the last period becomes `day`."""
    practice = Practice.objects.current()
    first, last = cycle.cycle_window(day, practice.window_start_day, practice.window_end_day)
    with transaction.atomic():
        locked = AppointmentRequest.objects.select_for_update().get(pk=request.pk)
        if locked.last_period_start != day:
            locked.last_period_start, locked.cycle_irregular = day, False
            locked._change_reason = "Day 1 by text"
            locked.save(update_fields=["last_period_start", "cycle_irregular", "updated_at"])
        request.last_period_start, request.cycle_irregular = day, False
        report = DayOneReport.objects.create(
            request=request, inbound=inbound, day_one=day, window_first=first, window_last=last
        )
        reminder_end(request=request, why=DayOneReminder.Ended.ANSWERED)
    return report


def bookable_days(report: DayOneReport, config=None) -> list[dt.date]:
    """The open days of the report's window still ahead (lead time applied)."""
    config = config or booking.booking_config()
    calendar = config.clinic_calendar()
    return cycle.open_days(
        report.window_first, report.window_last, calendar=calendar.calendar, today=calendar.today
    )


def talk_first(request: AppointmentRequest, config) -> bool:
    """The front desk talks with her before any time is booked (as for online booking)."""
    if request.pregnancy_possible or request.short_cycle:
        return True
    return not config.rules.self_scheduling or request.procedure_id not in config.timings


def free_times(report: DayOneReport, config) -> list:
    """The free times of the report's window still ahead; her own booking counts as free."""
    request = report.request
    return booking.free_times(
        procedure_id=request.procedure_id,
        days=bookable_days(report, config),
        for_request_id=request.pk,
        config=config,
    )


def booked_outside(request: AppointmentRequest, report: DayOneReport) -> bool:
    """She is booked on a day outside the window her day 1 opens: that time must move."""
    if request.status != ReqStatus.SCHEDULED or request.scheduled_at is None:
        return False
    day = timezone.localtime(request.scheduled_at).date()
    return not report.window_first <= day <= report.window_last


def reply_unknown(inbound: InboundMessage) -> str:
    """Texting's "day_one_unknown" event: the request page and our phone, nothing kept."""
    language = inbound.reply_language
    book_url = site_url("appointments:request", language)
    return text_render(kind=UNKNOWN, values={"book_url": book_url}, language=language)


def reply_day_one(inbound: InboundMessage) -> str | None:
    """Texting's "day_one" event: record her day 1 and answer with her link."""
    found = inbound.day_one
    language = inbound.reply_language
    request = _open_request(inbound.from_phone)
    if request is None:
        return None  # a number we do not know: reply_unknown answers
    inbound.subject_id = request.pk
    report = report_create(request=request, day=found.day, inbound=inbound)
    # Her booked day is now outside her window: the front desk sees it at once.
    inbound.needs_attention = booked_outside(request, report)
    if phone_opted_out(inbound.from_phone):
        inbound.needs_attention = True  # no text may go: the front desk calls her
        return ""
    config = booking.booking_config()
    if talk_first(request, config) or not free_times(report, config):
        inbound.needs_attention = True
        return text_render(kind=CALL, language=language)
    values = {
        "day_one": _day_label(report.day_one, language),
        "last_day": _day_label(report.window_last, language),
        "link": link_url(report, language),
    }
    return text_render(kind=LINK, values=values, language=language)


def report_for_link(pk: int | None, today: dt.date) -> DayOneReport | None:
    """The report behind a day-1 link while it works: her latest, its window not over,
    her request still open and still counting from that day 1 (staff may correct it)."""
    if pk is None:
        return None
    report = (
        DayOneReport.objects.select_related("request__procedure", "request__booking")
        .filter(pk=pk, window_last__gte=today, request__status__in=OPEN)
        .first()
    )
    if report is None or report.request.last_period_start != report.day_one:
        return None
    if report.request.day_one_reports.filter(pk__gt=report.pk).exists():
        return None
    return report


# --- The texts she asked for near her next day 1 -------------------------------------


@dataclass(frozen=True)
class ReminderPlan:
    expected: dt.date  # her next period, expected
    first_at: dt.datetime
    second_at: dt.datetime


def reminder_plan(
    lmp: dt.date, cycle_length: int | None, *, now: dt.datetime, hour: int
) -> ReminderPlan:
    """When the two texts go: `hour` o'clock New York time two days before her next
    expected period and three days after it (cycle length 28 when unknown).

    The expected day is the first one whose first text is not already a day past;
    built from local calendar days, so a DST change does not move the hour.
    """
    length = dt.timedelta(days=cycle_length or cycle.DEFAULT_CYCLE_LENGTH)
    today = now.astimezone(timing.NEW_YORK).date()
    expected = lmp + length
    while expected - REMIND_BEFORE < today:
        expected += length

    def at(day: dt.date) -> dt.datetime:
        return dt.datetime.combine(day, dt.time(hour), tzinfo=timing.NEW_YORK)

    return ReminderPlan(
        expected, max(at(expected - REMIND_BEFORE), now), at(expected + REMIND_AFTER)
    )


def reminder_offer(request: AppointmentRequest, plan: cycle.WindowPlan) -> bool:
    """She may ask for the texts: waiting for a time, her window no use, texts allowed."""
    return (
        request.status == ReqStatus.REQUESTED
        and plan.state in TOO_LATE
        and request.last_period_start is not None
        and not request.cycle_irregular
        and request.sms_consent
        and bool(request.phone)
        and not phone_opted_out(request.phone)
    )


def reminder_live(request: AppointmentRequest, today: dt.date) -> DayOneReminder | None:
    """Her texts near day 1 while they are still to come (not ended, not booked or closed,
    the second one's day not past); None otherwise."""
    reminder = getattr(request, "day_one_reminder", None)
    if reminder is None or not reminder.active or request.status != ReqStatus.REQUESTED:
        return None
    return reminder if today <= reminder.expected_day + REMIND_AFTER else None


def remind_context(appointment: AppointmentRequest, plan) -> dict:
    """What the confirmation and manage pages show about the texts near day 1."""
    reminder = reminder_live(appointment, timezone.localdate())
    live = reminder is not None and not phone_opted_out(appointment.phone)
    return {
        "day_one_reminder": reminder if live else None,
        "day_one_offer": not live and reminder_offer(appointment, plan),
    }


def _key(kind: str, reminder: DayOneReminder) -> str:
    return f"{kind}:{reminder.request_id}:{reminder.expected_day.isoformat()}"


def reminder_start(*, request: AppointmentRequest, plan: cycle.WindowPlan) -> DayOneReminder:
    """Queue the two texts near her next expected day 1 (asked again: the same ones)."""
    if not reminder_offer(request, plan):
        raise ValidationError(_("We cannot send you these texts. Please call us."), code="state")
    now = timezone.now()
    practice = Practice.objects.current()
    when = reminder_plan(
        request.last_period_start, request.cycle_length, now=now, hour=practice.reminder_hour
    )
    with transaction.atomic():
        reminder, _created = DayOneReminder.objects.update_or_create(
            request=request,
            defaults={
                "expected_day": when.expected,
                "cycle_length": request.cycle_length or cycle.DEFAULT_CYCLE_LENGTH,
                "created_at": now,  # her answers count from this request on
                "ended_at": None,
                "ended": "",
            },
        )
        for kind, send_at in ((REMIND, when.first_at), (REMIND_AGAIN, when.second_at)):
            outbox_queue(
                kind=kind,
                key=_key(kind, reminder),
                send_at=send_at,
                subject_id=request.pk,
                to_phone=request.phone,
                render=lambda kind=kind: request_text(kind, request),
            )
    return reminder


def reminder_end(*, request: AppointmentRequest, why: str) -> bool:
    """End her texts near day 1 and cancel those still queued; False if none were on."""
    ended = DayOneReminder.objects.filter(request=request, ended_at__isnull=True).update(
        ended_at=timezone.now(), ended=why
    )
    rows = OutboundMessage.objects.filter(subject_id=request.pk, kind__in=(REMIND, REMIND_AGAIN))
    outbox_cancel_pending(rows, str(DayOneReminder.Ended(why).label))
    return bool(ended)


def reminder_stop_reason(message: OutboundMessage, now: dt.datetime) -> str:
    """Why a text near day 1 must not go any more, or '' if it still should."""
    request = AppointmentRequest.objects.filter(pk=message.subject_id).first()
    reminder = DayOneReminder.objects.filter(request_id=message.subject_id).first()
    if request is None or reminder is None or not reminder.active:
        return "Texts near day 1 ended"
    if not request.sms_consent:
        return "No consent to texts"
    if request.status != ReqStatus.REQUESTED:
        return "Booked, or the request is closed"
    if message.dedupe_key != _key(message.kind, reminder):
        return "Another expected day since"
    return ""  # her day 1 by text ends the reminder itself (report_create)


def kinds_register() -> None:
    from appointments import outbox

    for kind, label in (
        (REMIND, "Text 2 days before her expected day 1"),
        (REMIND_AGAIN, "Text 3 days after her expected day 1"),
    ):
        registry.kind_register(
            registry.MessageKind(
                kind, label, stop_reason=reminder_stop_reason, current_phone=outbox.current_phone
            )
        )
    registry.reply_handler_register("day_one", reply_day_one)
    registry.reply_handler_register("day_one_unknown", reply_unknown)

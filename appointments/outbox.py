"""The texts and emails a request gets, queued in the outbox and registered with it.

The services call the `outbox_on_*` hooks inside their `transaction.atomic()`; each
is safe to call more than once (the dedupe key). `kinds_register` (called from
`AppointmentsConfig.ready`) tells texting, for each kind, when it is no longer
wanted, which number is current and how its email is built; and gives a patient's
"C" its meaning. Texting itself never imports this app.
"""

from __future__ import annotations

import datetime
import enum
import logging

from django.db.models import Q
from django.db.models.signals import post_delete
from django.utils import timezone

from appointments import emails
from appointments.models import AppointmentConfirmation, AppointmentRequest
from clinic.models import Practice
from texting import bodies, limits, registry, timing
from texting.models import InboundMessage, OutboundMessage
from texting.services import (
    outbox_cancel_pending,
    outbox_queue,
    outbox_queue_new,
    outbox_send_soon,
    phone_opted_out,
    text_render,
)

logger = logging.getLogger(__name__)
ReqStatus = AppointmentRequest.Status
EMAIL = OutboundMessage.Channel.EMAIL


class Kind(enum.StrEnum):
    RECEIVED = "received"
    SCHEDULED = "scheduled"
    MOVED = "moved"  # a reschedule after she was told another time
    REMINDER = "reminder"
    FOLLOW_UP = "follow_up"


# --- Texts --------------------------------------------------------------------------


def request_text(kind: str, request: AppointmentRequest, language: str | None = None) -> str:
    """The words of `kind` for this request, in the language she asked in by default."""
    language = language or request.language
    values = {"first_name": bodies.first_name_value(request.first_name, language)}
    if request.scheduled_at:
        values.update(bodies.appointment_values(request.scheduled_at, language))
    return text_render(kind=kind, values=values, language=language)


def _iso(at: datetime.datetime) -> str:
    return at.astimezone(datetime.UTC).isoformat()


def appointment_key(kind: str, request: AppointmentRequest) -> str:
    """The dedupe key of a scheduled/reminder text for the request's current time."""
    return f"{kind}:{request.pk}:{_iso(request.scheduled_at)}"


def request_may_text(request: AppointmentRequest) -> bool:
    return bool(request.sms_consent and request.phone) and not phone_opted_out(request.phone)


def _queue_text(request: AppointmentRequest, kind: str, key: str, send_at) -> None:
    outbox_queue(
        kind=kind,
        key=key,
        send_at=send_at,
        subject_id=request.pk,
        to_phone=request.phone,
        render=lambda: request_text(kind, request),
    )


def _queue_email(request: AppointmentRequest, kind: str, key: str) -> None:
    outbox_queue(kind=kind, key=key, send_at=timezone.now(), subject_id=request.pk, channel=EMAIL)


def _messages(request: AppointmentRequest, *kinds: str):
    rows = OutboundMessage.objects.filter(subject_id=request.pk)
    return rows.filter(kind__in=kinds) if kinds else rows


# The texts a public submission triggers: capped per number per day (texting.limits).
PUBLIC_KINDS = ("received",)


def _within_daily_cap(request: AppointmentRequest) -> bool:
    if limits.public_text_allowed(request.phone, PUBLIC_KINDS):
        return True
    logger.warning("texting: request %s: no received text, daily cap for its number", request.pk)
    return False


def outbox_on_request_created(*, request: AppointmentRequest, self_booked: bool = False) -> None:
    """Queue the 'received' text (only with consent) and the two emails, in one INSERT.

    A patient who booked a time herself (`self_booked`) gets the "scheduled" text and
    email instead, so only the staff notice goes here.
    """
    now = timezone.now()
    kinds = (emails.STAFF_NEW,) if self_booked else (emails.STAFF_NEW, emails.RECEIPT)
    rows = [
        {"kind": kind, "dedupe_key": f"{kind}:{request.pk}", "channel": EMAIL} for kind in kinds
    ]
    if not self_booked and request_may_text(request) and _within_daily_cap(request):
        rows.insert(
            0,
            {
                "kind": Kind.RECEIVED,
                "dedupe_key": f"received:{request.pk}",
                "to_phone": request.phone,
                "body": request_text(Kind.RECEIVED, request),
            },
        )
    outbox_queue_new([{**row, "subject_id": request.pk, "send_at": now} for row in rows])


# The texts that tell her when her visit is: the first booking, then "has moved".
BOOKING_KINDS = (Kind.SCHEDULED, Kind.MOVED)


def outbox_on_scheduled(*, request: AppointmentRequest, public: bool = False) -> None:
    """Queue the 'scheduled' email and texts; cancel those pending for an older time.

    `public`: booked from the public form, so its texts count towards the number's
    daily cap like the "received" text does.
    """
    if request.scheduled_at is None:
        return
    now = timezone.now()
    keep = {
        appointment_key(kind, request) for kind in (*BOOKING_KINDS, Kind.REMINDER, emails.SCHEDULED)
    }
    outbox_cancel_pending(
        _messages(request, *BOOKING_KINDS, Kind.REMINDER, emails.SCHEDULED).exclude(
            dedupe_key__in=keep
        ),
        "Rescheduled",
    )
    _queue_email(request, emails.SCHEDULED, appointment_key(emails.SCHEDULED, request))
    if not request_may_text(request) or request.scheduled_at <= now:
        return
    if public and not limits.public_text_allowed(request.phone, (*PUBLIC_KINDS, Kind.SCHEDULED)):
        logger.warning("texting: request %s: no booked text, daily cap for its number", request.pk)
        return
    told = _messages(request, *BOOKING_KINDS).filter(sent_at__isnull=False)
    # Told of another time before: this text says the visit has moved.
    kind = Kind.MOVED if told.exists() else Kind.SCHEDULED
    key = appointment_key(kind, request)
    told_later = told.exclude(dedupe_key__startswith=key)
    earlier = OutboundMessage.objects.filter(dedupe_key=key, sent_at__isnull=False).first()
    if earlier and told_later.filter(sent_at__gt=earlier.sent_at).exists():
        # The patient was told this time, then another: tell them this time again.
        key = f"{key}:again{told_later.count()}"
    _queue_text(request, kind, key, now)

    practice = Practice.objects.current()
    remind_at = timing.reminder_time(request.scheduled_at, practice.reminder_hour)
    if remind_at <= now:
        if not timing.is_tomorrow(request.scheduled_at, now):
            return
        remind_at = now
    _queue_text(request, Kind.REMINDER, appointment_key(Kind.REMINDER, request), remind_at)


def outbox_on_completed(*, request: AppointmentRequest) -> None:
    """Queue the 'follow_up' text."""
    outbox_cancel_pending(_messages(request, *BOOKING_KINDS, Kind.REMINDER), "Exam completed")
    if not request_may_text(request):
        return
    delay = datetime.timedelta(hours=Practice.objects.current().follow_up_delay_hours)
    send_at = (request.completed_at or timezone.now()) + delay
    _queue_text(request, Kind.FOLLOW_UP, f"follow_up:{request.pk}", send_at)


def outbox_on_cancelled(*, request: AppointmentRequest) -> None:
    """Cancel every pending message to the patient (staff notices still go)."""
    outbox_cancel_pending(
        _messages(request).exclude(kind__in=emails.STAFF_KINDS), "Request cancelled"
    )


# Why a status change cancels messages: a reopened request gets those back.
UNDONE_REASONS = ("Exam completed", "Request cancelled")


def outbox_on_reopened(*, request: AppointmentRequest, since: datetime.datetime) -> None:
    """Undo a status change made at `since`: the follow-up it queued is cancelled, and
    the messages it cancelled go back in the queue (each is checked again before it goes)."""
    mine = _messages(request)
    outbox_cancel_pending(
        mine.filter(kind=Kind.FOLLOW_UP, created_at__gte=since), "Status change undone"
    )
    revived = mine.filter(
        status=OutboundMessage.Status.CANCELLED,
        updated_at__gte=since,
        last_error__in=UNDONE_REASONS,
    ).exclude(kind=Kind.FOLLOW_UP)
    now = timezone.now()
    for message in revived:
        message.status, message.last_error = OutboundMessage.Status.PENDING, ""
        message.send_at = max(message.send_at, now)
        message.save(update_fields=["status", "last_error", "send_at", "updated_at"])
        if message.send_at <= now:
            outbox_send_soon(message.pk)


def outbox_on_staff_event(*, request: AppointmentRequest, kind: str) -> None:
    """Queue a notice to the front desk (the reference and a link, nothing else)."""
    stamp = _iso(request.updated_at or timezone.now())
    _queue_email(request, kind, f"{kind}:{request.pk}:{stamp}")


# --- What texting asks ----------------------------------------------------------------


def _request(message: OutboundMessage) -> AppointmentRequest | None:
    if message.subject_id is None:
        return None
    return AppointmentRequest.objects.filter(pk=message.subject_id).first()


def current_phone(message: OutboundMessage) -> str:
    request = _request(message)
    return request.phone if request is not None else ""


def text_stop_reason(message: OutboundMessage, now: datetime.datetime) -> str:
    """Why a due text of a request must not go any more, or '' if it still should."""
    request = _request(message)
    if request is None:
        return ""
    if not request.sms_consent:
        return "No consent to texts"
    if request.status in (ReqStatus.CANCELLED, ReqStatus.NO_SHOW):
        return "Request cancelled"
    if message.kind in (*BOOKING_KINDS, Kind.REMINDER):
        if request.status != ReqStatus.SCHEDULED or request.scheduled_at is None:
            return "No longer scheduled"
        if not message.dedupe_key.startswith(appointment_key(message.kind, request)):
            return "Appointment time changed"
        if request.scheduled_at <= now:
            return "Appointment time passed"
    if message.kind == Kind.REMINDER:
        # The text says "tomorrow": it goes on the day before or not at all. The date
        # is the one it would go out on, after any quiet-hours deferral.
        send_day = timing.next_allowed(now).astimezone(timing.NEW_YORK).date()
        day_before = timing.day_before(request.scheduled_at)
        if send_day > day_before:
            return "Too late for a day-before reminder"
        if send_day < day_before:
            return "Too early for a day-before reminder"
    if message.kind == Kind.FOLLOW_UP and request.status != ReqStatus.COMPLETED:
        return "Exam not marked completed"
    return ""


def scheduled_email_stop_reason(message: OutboundMessage, now: datetime.datetime) -> str:
    request = _request(message)
    if request is None or request.status != ReqStatus.SCHEDULED:
        return "No longer scheduled"
    if message.dedupe_key != appointment_key(emails.SCHEDULED, request):
        return "Appointment time changed"
    return ""


def _email_builder(build):
    def build_email(message: OutboundMessage):
        request = AppointmentRequest.objects.select_related("procedure").get(pk=message.subject_id)
        return build(request)

    return build_email


def reply_link(inbound: InboundMessage) -> None:
    """A patient's reply belongs to her latest request from that number."""
    latest = AppointmentRequest.objects.filter(phone=inbound.from_phone).order_by("-created_at")
    found = latest.values_list("pk", "language").first()
    # Her language, for texting's automatic answer (texting/inbound.py).
    inbound.subject_id, inbound.request_language = found or (None, None)


def reply_confirm(inbound: InboundMessage) -> str | None:
    """A "C": record that the patient confirms her next visit; None if she has none."""
    visit = (
        AppointmentRequest.objects.filter(
            phone=inbound.from_phone, status=ReqStatus.SCHEDULED, scheduled_at__gt=timezone.now()
        )
        .order_by("scheduled_at")
        .first()
    )
    if visit is None:
        return None
    AppointmentConfirmation.objects.create(
        request=visit, scheduled_at=visit.scheduled_at, inbound=inbound
    )
    inbound.subject_id, inbound.kind = visit.pk, InboundMessage.Kind.CONFIRMATION
    return request_text("reply_confirmed", visit, language=getattr(inbound, "reply_language", None))


def request_links(ids: list[int]) -> dict[int, tuple[str, str]]:
    """Admin links of the requests `ids`, in one query."""
    rows = AppointmentRequest.objects.filter(pk__in=ids).only("pk", "reference")
    return {r.pk: (r.get_admin_url(), r.reference) for r in rows}


def request_search(term: str) -> list[int]:
    """The requests whose reference is `term` (as typed, any case), or a name in it."""
    by_name = Q(first_name__icontains=term) | Q(last_name__icontains=term)
    rows = AppointmentRequest.objects.filter(Q(reference__iexact=term) | by_name)
    return list(rows.values_list("pk", flat=True)[:50])


def request_deleted(sender, instance: AppointmentRequest, **kwargs) -> None:
    """A deleted request takes its messages with it; its patient's replies lose the link."""
    OutboundMessage.objects.filter(subject_id=instance.pk).delete()
    InboundMessage.objects.filter(subject_id=instance.pk).update(subject_id=None)


TEXT_LABELS = {
    Kind.RECEIVED: "Request received",
    Kind.SCHEDULED: "Appointment scheduled",
    Kind.MOVED: "Visit moved (rescheduled)",
    Kind.REMINDER: "Reminder (day before)",
    Kind.FOLLOW_UP: "Follow-up (after the exam)",
}


def kinds_register() -> None:
    MessageKind = registry.MessageKind
    for kind, label in TEXT_LABELS.items():
        registry.kind_register(
            MessageKind(kind, label, stop_reason=text_stop_reason, current_phone=current_phone)
        )
    for kind, label, build in emails.EMAIL_KINDS:
        stop = scheduled_email_stop_reason if kind == emails.SCHEDULED else None
        registry.kind_register(
            MessageKind(
                kind,
                label,
                channel=registry.EMAIL,
                stop_reason=stop,
                build_email=_email_builder(build),
            )
        )
    registry.reply_handler_register("received", reply_link)
    registry.reply_handler_register("confirm", reply_confirm)
    registry.subjects_register(registry.Subjects("request", request_links, request_search))
    post_delete.connect(request_deleted, sender=AppointmentRequest, dispatch_uid="outbox")

"""The outbox: the texts a request should get, written as rows in the caller's transaction.

The appointment services call the four `outbox_on_*` hooks inside their
`transaction.atomic()`; each is safe to call more than once (the dedupe key). The
dispatcher sends due rows exactly once; see `outbox_claim_next`.
"""

import datetime
import logging

import kombu.exceptions
import redis.exceptions
from django.conf import settings
from django.db import connection, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from appointments.models import AppointmentRequest
from clinic.models import Practice
from texting import bodies, limits, timing
from texting.backends import BaseSmsBackend, SmsSendError, get_backend
from texting.models import MessageTemplate, OptOut, OutboundMessage
from texting.practice_values import practice_values

logger = logging.getLogger(__name__)

Kind = OutboundMessage.Kind
Status = OutboundMessage.Status
ReqStatus = AppointmentRequest.Status

# How many due rows one claim looks at (locked together, then released).
CLAIM_BATCH = 20
# Publishing a task to a broker that is down raises one of these; the row is
# already committed, so the beat dispatcher sends it within a minute of recovery.
PUBLISH_ERRORS = (kombu.exceptions.OperationalError, redis.exceptions.RedisError, OSError)


# --- Bodies -------------------------------------------------------------------------


def template_body(kind: str) -> str:
    template = MessageTemplate.objects.filter(kind=kind).first()
    return template.body if template else bodies.DEFAULT_TEMPLATES[kind]


def text_render(
    *, kind: str, request: AppointmentRequest | None = None, practice: Practice | None = None
) -> str:
    """Fill the template of `kind` for this request and practice."""
    practice = practice or Practice.objects.current()
    values = {
        "practice": practice.name,
        "phone": practice.phone,
        "address": practice.address_line,
        **practice_values(practice),
    }
    if request is not None:
        values["first_name"] = bodies.first_name_value(request.first_name)
        if request.scheduled_at:
            values.update(bodies.appointment_values(request.scheduled_at))
    return bodies.render(template_body(kind), values)


def _iso(at: datetime.datetime) -> str:
    return at.astimezone(datetime.UTC).isoformat()


def appointment_key(kind: str, request: AppointmentRequest) -> str:
    """The dedupe key of a scheduled/reminder text for the request's current time."""
    return f"{kind}:{request.pk}:{_iso(request.scheduled_at)}"


# --- Queueing -----------------------------------------------------------------------


def phone_opted_out(phone: str) -> bool:
    return OptOut.objects.filter(phone=phone).exists()


def request_may_text(request: AppointmentRequest) -> bool:
    return bool(request.sms_consent and request.phone) and not phone_opted_out(request.phone)


def _send_soon(message_id: int) -> None:
    """After commit, ask a worker to send now; a down broker only delays the text."""

    def publish():
        from texting.tasks import send_message

        try:
            send_message.delay(message_id)
        except PUBLISH_ERRORS as exc:
            logger.warning(
                "texting: message %s not queued (%s); the dispatcher will send it",
                message_id,
                type(exc).__name__,
            )

    transaction.on_commit(publish, robust=True)


def _queue(
    *, request: AppointmentRequest, kind: str, key: str, send_at: datetime.datetime
) -> OutboundMessage | None:
    """Create the row for `key` once; revive it if it was cancelled. None if already sent."""
    message, created = OutboundMessage.objects.get_or_create(
        dedupe_key=key,
        defaults={
            "request": request,
            "kind": kind,
            "to_phone": request.phone,
            # A callable: the body is rendered only when the row is created.
            "body": lambda: text_render(kind=kind, request=request),
            "send_at": send_at,
        },
    )
    if not created:
        if message.status != Status.CANCELLED:
            return message if message.status == Status.PENDING else None
        # Rescheduled back to a time whose texts were cancelled: queue them again.
        message.status = Status.PENDING
        message.to_phone, message.send_at = request.phone, send_at
        message.body = text_render(kind=kind, request=request)
        message.attempts, message.last_error, message.claimed_at = 0, "", None
        message.save()
    if send_at <= timezone.now():
        _send_soon(message.pk)
    return message


def _cancel_pending(queryset, reason: str) -> int:
    return queryset.filter(status=Status.PENDING).update(
        status=Status.CANCELLED, last_error=reason, updated_at=timezone.now()
    )


def outbox_on_request_created(*, request: AppointmentRequest) -> None:
    """Queue the 'received' text (only with consent, and within the number's daily cap)."""
    if not request_may_text(request):
        return
    if not limits.public_text_allowed(request.phone):
        logger.warning(
            "texting: request %s: no received text, daily cap for its number", request.pk
        )
        return
    _queue(
        request=request,
        kind=Kind.RECEIVED,
        key=f"received:{request.pk}",
        send_at=timezone.now(),
    )


def outbox_on_scheduled(*, request: AppointmentRequest) -> None:
    """Queue 'scheduled' and 'reminder' texts; cancel those pending for an older time."""
    if request.scheduled_at is None:
        return
    now = timezone.now()
    booking_kinds = [Kind.SCHEDULED, Kind.MOVED]
    keep = {appointment_key(k, request) for k in (*booking_kinds, Kind.REMINDER)}
    _cancel_pending(
        OutboundMessage.objects.filter(
            request=request, kind__in=[*booking_kinds, Kind.REMINDER]
        ).exclude(dedupe_key__in=keep),
        "Rescheduled",
    )
    if not request_may_text(request) or request.scheduled_at <= now:
        return
    told = OutboundMessage.objects.filter(
        request=request, kind__in=booking_kinds, sent_at__isnull=False
    )
    # Told of another time before: this text says the visit has moved.
    kind = Kind.MOVED if told.exists() else Kind.SCHEDULED
    key = appointment_key(kind, request)
    told_later = told.exclude(dedupe_key__startswith=key)
    earlier = OutboundMessage.objects.filter(dedupe_key=key, sent_at__isnull=False).first()
    if earlier and told_later.filter(sent_at__gt=earlier.sent_at).exists():
        # The patient was told this time, then another: tell them this time again.
        key = f"{key}:again{told_later.count()}"
    _queue(request=request, kind=kind, key=key, send_at=now)

    practice = Practice.objects.current()
    remind_at = timing.reminder_time(request.scheduled_at, practice.reminder_hour)
    if remind_at <= now:
        if not timing.is_tomorrow(request.scheduled_at, now):
            return
        remind_at = now
    _queue(
        request=request,
        kind=Kind.REMINDER,
        key=appointment_key(Kind.REMINDER, request),
        send_at=remind_at,
    )


def outbox_on_completed(*, request: AppointmentRequest) -> None:
    """Queue the 'follow_up' text."""
    _cancel_pending(
        OutboundMessage.objects.filter(
            request=request, kind__in=[Kind.SCHEDULED, Kind.MOVED, Kind.REMINDER]
        ),
        "Exam completed",
    )
    if not request_may_text(request):
        return
    delay = datetime.timedelta(hours=Practice.objects.current().follow_up_delay_hours)
    _queue(
        request=request,
        kind=Kind.FOLLOW_UP,
        key=f"follow_up:{request.pk}",
        send_at=(request.completed_at or timezone.now()) + delay,
    )


def outbox_on_cancelled(*, request: AppointmentRequest) -> None:
    """Cancel every pending text of the request."""
    _cancel_pending(OutboundMessage.objects.filter(request=request), "Request cancelled")


# Why a status change cancels texts: a reopened request gets those texts back.
UNDONE_REASONS = ("Exam completed", "Request cancelled")


def outbox_on_reopened(*, request: AppointmentRequest, since: datetime.datetime) -> None:
    """Undo a status change made at `since`: the follow-up it queued is cancelled, and
    the texts it cancelled go back in the queue (each is checked again before it goes)."""
    mine = OutboundMessage.objects.filter(request=request)
    _cancel_pending(mine.filter(kind=Kind.FOLLOW_UP, created_at__gte=since), "Status change undone")
    revived = mine.filter(
        status=Status.CANCELLED, updated_at__gte=since, last_error__in=UNDONE_REASONS
    ).exclude(kind=Kind.FOLLOW_UP)
    now = timezone.now()
    for message in revived:
        message.status, message.last_error = Status.PENDING, ""
        message.send_at = max(message.send_at, now)
        message.save(update_fields=["status", "last_error", "send_at", "updated_at"])
        if message.send_at <= now:
            _send_soon(message.pk)


def optout_add(*, phone: str, source: str) -> OptOut:
    """Stop all texts to `phone`: record it and cancel what is pending."""
    opt_out, _ = OptOut.objects.get_or_create(phone=phone, defaults={"source": source})
    _cancel_pending(OutboundMessage.objects.for_phone(phone), "The number opted out")
    return opt_out


def optout_remove(*, phone: str) -> bool:
    """Texts may go to `phone` again (START/UNSTOP). True if it had opted out."""
    deleted, _ = OptOut.objects.filter(phone=phone).delete()
    return bool(deleted)


# --- Sending ------------------------------------------------------------------------


def stop_reason(message: OutboundMessage, now: datetime.datetime) -> str:
    """Why a due text must not go any more, or '' if it still should."""
    request = message.request
    if phone_opted_out(message.to_phone):
        return "The number opted out"
    if request is None or message.kind == Kind.STAFF:
        return ""  # an answer to her own text: only an opt-out stops it
    if not request.sms_consent:
        return "No consent to texts"
    if request.status in (ReqStatus.CANCELLED, ReqStatus.NO_SHOW):
        return "Request cancelled"
    if message.kind in (Kind.SCHEDULED, Kind.MOVED, Kind.REMINDER):
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


def outbox_claim_next(
    *, now: datetime.datetime, message_id: int | None = None
) -> OutboundMessage | None:
    """Claim one due text for sending, or return None when nothing is due.

    Exactly once: due rows are locked (`select_for_update(skip_locked=True)` on
    PostgreSQL, so a second dispatcher takes other rows instead of waiting), checked
    again, and moved from `pending` to `sending` by a conditional UPDATE, which also
    keeps SQLite (no row locks) from sending a row twice. The send itself happens
    after the commit, outside the lock. Rows met on the way that must not go are
    cancelled, and during quiet hours they are deferred to 8 am.
    """
    rows = OutboundMessage.objects.due(now).select_related("request").order_by("send_at", "pk")
    if message_id is not None:
        rows = rows.filter(pk=message_id)
    if connection.features.has_select_for_update_skip_locked:
        rows = rows.select_for_update(skip_locked=True, of=("self",))
    while True:
        with transaction.atomic():
            batch = list(rows[:CLAIM_BATCH])
            if not batch:
                return None
            for message in batch:
                if _claim(message, now):
                    message.refresh_from_db()
                    return message
        # Every row of the batch was cancelled, deferred or taken: look again.


def _claim(message: OutboundMessage, now: datetime.datetime) -> bool:
    """Inside the claim's transaction: cancel, defer, or move the row to `sending`.

    A request's text goes to the request's current phone: staff may have corrected
    the number since the text was queued, so the row follows it before any check.
    """
    pending = OutboundMessage.objects.filter(pk=message.pk, status=Status.PENDING)
    request = message.request
    follows = request is not None and message.kind != Kind.STAFF
    if follows and request.phone and message.to_phone != request.phone:
        pending.update(to_phone=request.phone, updated_at=now)
        message.to_phone = request.phone
    reason = stop_reason(message, now)
    if reason:
        _cancel_pending(pending, reason)
        logger.info("texting: message %s cancelled at send time", message.pk)
        return False
    if timing.is_quiet(now) and not message.quiet_hours_ok:
        pending.update(send_at=timing.next_allowed(now))
        return False
    return bool(pending.update(status=Status.SENDING, claimed_at=now, attempts=F("attempts") + 1))


def status_callback_url() -> str:
    return settings.SITE_URL + reverse("texting:status")


def _record(message: OutboundMessage, **fields) -> None:
    """Write a send result, only if the row is still ours (staff may have acted)."""
    OutboundMessage.objects.filter(pk=message.pk, status=Status.SENDING).update(
        updated_at=timezone.now(), **fields
    )


def outbox_send_claimed(*, message: OutboundMessage, backend: BaseSmsBackend) -> None:
    """Send a claimed row once and record what happened."""
    try:
        sid = backend.send(
            message_id=message.pk,
            to=message.to_phone,
            body=message.body,
            status_callback=status_callback_url(),
        )
    except SmsSendError as exc:
        now = timezone.now()
        if exc.opted_out:
            optout_add(phone=message.to_phone, source=OptOut.Source.TWILIO)
        if exc.maybe_sent:
            # As with a worker that died mid-send: Twilio may have the text already.
            error = (
                f"{exc.detail}. It may have been sent: check Twilio's log, then retry or cancel."
            )
            _record(message, status=Status.REVIEW, last_error=error[:200])
        elif exc.permanent:
            _record(message, status=Status.FAILED, last_error=exc.detail[:200])
        elif message.attempts >= timing.MAX_ATTEMPTS:
            error = f"{exc.detail} (gave up after {message.attempts} tries)"
            _record(message, status=Status.FAILED, last_error=error[:200])
        else:
            _record(
                message,
                status=Status.PENDING,
                send_at=now + timing.retry_delay(message.attempts),
                last_error=exc.detail[:200],
            )
        logger.warning("texting: message %s not sent: %s", message.pk, exc.detail)
        return
    _record(message, status=Status.SENT, twilio_sid=sid, sent_at=timezone.now(), last_error="")
    logger.info("texting: message %s sent", message.pk)


def outbox_flag_stuck(*, now: datetime.datetime) -> int:
    """Mark texts left in `sending` by a dead worker for staff review.

    Decision: never re-send these blindly. The worker may have died after Twilio
    accepted the text and before we recorded it, and Twilio's API has no
    idempotency key, so a retry could text the patient twice. Staff check Twilio's
    log and use "Retry" or "Cancel" in the admin.
    """
    count = OutboundMessage.objects.stuck_sending(now).update(
        status=Status.REVIEW,
        last_error="The worker stopped while sending. Check Twilio's log, then retry or cancel.",
        updated_at=now,
    )
    if count:
        logger.error("texting: %s texts left in sending, marked for review", count)
    return count


def outbox_send_one(*, message_id: int, backend: BaseSmsBackend | None = None) -> bool:
    """Send this text now if it is due and unclaimed. True if it was sent or tried."""
    message = outbox_claim_next(now=timezone.now(), message_id=message_id)
    if message is None:
        return False
    outbox_send_claimed(message=message, backend=backend or get_backend())
    return True


def outbox_dispatch_due(*, backend: BaseSmsBackend | None = None, limit: int = 500) -> int:
    """Send every due text once; return how many were tried."""
    now = timezone.now()
    outbox_flag_stuck(now=now)
    backend = backend or get_backend()
    tried = 0
    while tried < limit:
        message = outbox_claim_next(now=timezone.now())
        if message is None:
            break
        outbox_send_claimed(message=message, backend=backend)
        tried += 1
    return tried


# --- Front desk ---------------------------------------------------------------------


def message_retry(*, message: OutboundMessage) -> bool:
    """Put a failed, reviewed or cancelled text back in the queue, to go now."""
    retryable = [Status.FAILED, Status.REVIEW, Status.CANCELLED, Status.UNDELIVERED]
    updated = OutboundMessage.objects.filter(pk=message.pk, status__in=retryable).update(
        status=Status.PENDING,
        send_at=timezone.now(),
        attempts=0,
        last_error="",
        claimed_at=None,
        delivery_status="",
        updated_at=timezone.now(),
    )
    if updated:
        _send_soon(message.pk)
    return bool(updated)


def message_cancel(*, message: OutboundMessage) -> bool:
    """Stop a text that has not gone (pending or waiting for review)."""
    updated = OutboundMessage.objects.filter(
        pk=message.pk, status__in=[Status.PENDING, Status.REVIEW]
    ).update(status=Status.CANCELLED, last_error="Cancelled by staff", updated_at=timezone.now())
    return bool(updated)

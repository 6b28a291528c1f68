"""Sending the outbox: claim a due message, send it once, record what happened.

Texts go through the SMS backend (Twilio in production), emails through Django's
email backend (SMTP). Both share the claim, the retries with backoff, the
permanent/temporary split and "Needs review"; quiet hours are for texts only.
"""

import datetime
import logging
import smtplib

from django.conf import settings
from django.core.mail import get_connection
from django.db import connection, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from texting import registry, timing
from texting.backends import BaseSmsBackend, SmsSendError, get_backend
from texting.models import OptOut, OutboundMessage
from texting.services import optout_add, outbox_cancel_pending, phone_opted_out

logger = logging.getLogger(__name__)

Status = OutboundMessage.Status
Channel = OutboundMessage.Channel

# How many due rows one claim looks at (locked together, then released).
CLAIM_BATCH = 20
# Seconds an SMTP server may take to answer: it holds a worker, never a patient.
SMTP_TIMEOUT = 10
# How far around the claim Twilio's log is searched for a text that may have gone.
RECONCILE_MARGIN = datetime.timedelta(minutes=2)


def stop_reason(message: OutboundMessage, now: datetime.datetime) -> str:
    """Why a due message must not go any more, or '' if it still should."""
    if message.channel == Channel.SMS and phone_opted_out(message.to_phone):
        return "The number opted out"
    kind = registry.kind_lookup(message.kind)
    return kind.stop_reason(message, now) if kind.stop_reason else ""


def outbox_claim_next(
    *, now: datetime.datetime, message_id: int | None = None
) -> OutboundMessage | None:
    """Claim one due message for sending, or return None when nothing is due.

    Exactly once: due rows are locked (`select_for_update(skip_locked=True)` on
    PostgreSQL, so a second dispatcher takes other rows instead of waiting), checked
    again, and moved from `pending` to `sending` by a conditional UPDATE, which also
    keeps SQLite (no row locks) from sending a row twice. The send itself happens
    after the commit, outside the lock. Rows met on the way that must not go are
    cancelled, and texts due during quiet hours are deferred to 8 am.
    """
    rows = OutboundMessage.objects.due(now).order_by("send_at", "pk")
    if message_id is not None:
        rows = rows.filter(pk=message_id)
    if connection.features.has_select_for_update_skip_locked:
        rows = rows.select_for_update(skip_locked=True)
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

    A text goes to the number its kind says is current (staff may have corrected
    it since the text was queued): the row follows it before any check.
    """
    pending = OutboundMessage.objects.filter(pk=message.pk, status=Status.PENDING)
    kind = registry.kind_lookup(message.kind)
    if message.channel == Channel.SMS and kind.current_phone:
        phone = kind.current_phone(message)
        if phone and phone != message.to_phone:
            pending.update(to_phone=phone, updated_at=now)
            message.to_phone = phone
    reason = stop_reason(message, now)
    if reason:
        outbox_cancel_pending(pending, reason)
        logger.info("texting: message %s cancelled at send time", message.pk)
        return False
    # An answer to the patient's own recent text may go in quiet hours (staff chose so).
    if message.channel == Channel.SMS and timing.is_quiet(now) and not message.quiet_hours_ok:
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


def _send_sms(message: OutboundMessage, backend: BaseSmsBackend) -> str:
    return backend.send(
        message_id=message.pk,
        to=message.to_phone,
        body=message.body,
        status_callback=status_callback_url(),
    )


def email_error(exc: Exception) -> SmsSendError:
    """Sort an SMTP failure like a Twilio one: 5xx permanent, 4xx and no answer retried."""
    name = type(exc).__name__
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _ in exc.recipients.values()]
        permanent = bool(codes) and all(500 <= code < 600 for code in codes)
        return SmsSendError(f"SMTP refused the recipients ({min(codes, default=0)})", permanent)
    code = getattr(exc, "smtp_code", None)
    if isinstance(code, int) and 500 <= code < 600:
        return SmsSendError(f"SMTP {code}: refused ({name})", True)
    if isinstance(code, int):
        return SmsSendError(f"SMTP {code}: temporary error ({name})", False)
    return SmsSendError(f"Mail server unreachable: {name}", False)


def _send_email(message: OutboundMessage) -> str:
    try:
        email = registry.kind_lookup(message.kind).build_email(message)
        email.connection = get_connection(timeout=SMTP_TIMEOUT)
        email.send()
    except (smtplib.SMTPException, OSError) as exc:
        raise email_error(exc) from None
    except Exception as exc:  # noqa: BLE001 - a bad address or a deleted row: never retried
        # Recorded, not raised: the row must not stay "sending" for a worker that lives.
        raise SmsSendError(
            f"Email could not be built or sent: {type(exc).__name__}", True
        ) from None
    return ""


def outbox_send_claimed(*, message: OutboundMessage, backend: BaseSmsBackend) -> None:
    """Send a claimed row once and record what happened."""
    try:
        if message.channel == Channel.EMAIL:
            sid = _send_email(message)
        else:
            sid = _send_sms(message, backend)
    except SmsSendError as exc:
        now = timezone.now()
        if exc.opted_out:
            optout_add(phone=message.to_phone, source=OptOut.Source.TWILIO)
        if exc.maybe_sent:
            # As with a worker that died mid-send: Twilio may have the text already.
            error = f"{exc.detail}. It may have been sent: retry looks it up in Twilio's log."
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
    """Mark messages left in `sending` by a dead worker for review.

    Decision: never re-send these blindly. The worker may have died after Twilio
    accepted the text and before we recorded it, and Twilio's API has no
    idempotency key, so a retry could text the patient twice. A retry first asks
    Twilio's log (`outbox_reconcile`); the dispatcher reconciles them too.
    """
    count = OutboundMessage.objects.stuck_sending(now).update(
        status=Status.REVIEW,
        last_error="The worker stopped while sending. Retry looks it up in Twilio's log first.",
        updated_at=now,
    )
    if count:
        logger.error("texting: %s messages left in sending, marked for review", count)
    return count


def outbox_reconcile(*, message: OutboundMessage, backend: BaseSmsBackend | None = None):
    """Ask the provider whether a text in "Needs review" went out; mark it sent if so.

    Returns True (it went: marked sent, never to be resent), False (it did not: a
    retry is safe) or None (the provider could not be asked: do not retry yet).
    Twilio's message list is searched by the number, the time window around the
    claim and the body.
    """
    if message.channel != Channel.SMS or message.status != Status.REVIEW:
        return False
    backend = backend or get_backend()
    since = (message.claimed_at or message.send_at) - RECONCILE_MARGIN
    try:
        sid = backend.find_sent(
            to=message.to_phone, body=message.body, since=since, until=timezone.now()
        )
    except SmsSendError as exc:
        error = f"Could not check Twilio's log ({exc.detail}); try again later."
        OutboundMessage.objects.filter(pk=message.pk, status=Status.REVIEW).update(
            last_error=error[:200], updated_at=timezone.now()
        )
        logger.warning("texting: message %s not reconciled: %s", message.pk, exc.detail)
        return None
    if not sid:
        return False
    OutboundMessage.objects.filter(pk=message.pk, status=Status.REVIEW).update(
        status=Status.SENT,
        twilio_sid=sid,
        sent_at=timezone.now(),
        last_error="Found in Twilio's log after the worker stopped: it had gone out.",
        updated_at=timezone.now(),
    )
    logger.info("texting: message %s found in the provider's log, marked sent", message.pk)
    return True


def outbox_reconcile_review(*, backend: BaseSmsBackend | None = None) -> int:
    """Mark sent every text in "Needs review" that the provider's log shows went out."""
    backend = backend or get_backend()
    rows = OutboundMessage.objects.filter(status=Status.REVIEW, channel=Channel.SMS)
    return sum(bool(outbox_reconcile(message=m, backend=backend)) for m in rows[:100])


def outbox_send_one(*, message_id: int, backend: BaseSmsBackend | None = None) -> bool:
    """Send this message now if it is due and unclaimed. True if it was sent or tried."""
    message = outbox_claim_next(now=timezone.now(), message_id=message_id)
    if message is None:
        return False
    outbox_send_claimed(message=message, backend=backend or get_backend())
    return True


def outbox_dispatch_due(*, backend: BaseSmsBackend | None = None, limit: int = 500) -> int:
    """Send every due message once; return how many were tried."""
    now = timezone.now()
    backend = backend or get_backend()
    if outbox_flag_stuck(now=now):
        outbox_reconcile_review(backend=backend)
    tried = 0
    while tried < limit:
        message = outbox_claim_next(now=timezone.now())
        if message is None:
            break
        outbox_send_claimed(message=message, backend=backend)
        tried += 1
    return tried

"""The outbox: messages written as rows in the caller's transaction, and opt-outs.

An app queues a message with `outbox_queue` inside its own `transaction.atomic()`;
the dedupe key makes a second call a no-op. What a kind means (when it is no longer
wanted, who it goes to now, how its email is built) is registered by that app in
`texting.registry`. Sending is `texting.dispatch`.
"""

import datetime
import logging
from collections.abc import Callable

import kombu.exceptions
import redis.exceptions
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone, translation

from clinic.models import Practice
from texting import bodies, default_texts
from texting.models import MessageTemplate, OptOut, OutboundMessage
from texting.practice_values import practice_values

logger = logging.getLogger(__name__)

Status = OutboundMessage.Status
Channel = OutboundMessage.Channel

# Publishing a task to a broker that is down raises one of these; the row is
# already committed, so the beat dispatcher sends it within a minute of recovery.
PUBLISH_ERRORS = (kombu.exceptions.OperationalError, redis.exceptions.RedisError, OSError)


# --- Bodies -------------------------------------------------------------------------


def template_body(kind: str, language: str = "en") -> str:
    """The words of `kind` in `language`; the English when its Spanish is empty."""
    template = MessageTemplate.objects.filter(kind=kind).first()
    if template is None:
        return default_texts.DEFAULTS.get(language, default_texts.DEFAULT_TEMPLATES)[kind]
    if language == "es" and template.body_es.strip():
        return template.body_es
    return template.body


def text_render(
    *,
    kind: str,
    values: dict | None = None,
    practice: Practice | None = None,
    language: str = "en",
) -> str:
    """Fill the template of `kind` in `language` with the practice's facts and `values`."""
    practice = practice or Practice.objects.current()
    # The values the practice gives (what to do when closed, office hours, the link to
    # the warning signs) in the same language as the words around them.
    with translation.override(language):
        filled = {
            "practice": practice.name,
            "phone": practice.phone,
            "address": practice.address_line,
            **practice_values(practice),
            **(values or {}),
        }
    return bodies.render(template_body(kind, language), filled)


# --- Queueing -----------------------------------------------------------------------


def phone_opted_out(phone: str) -> bool:
    return OptOut.objects.filter(phone=phone).exists()


def outbox_send_soon(message_id: int | None = None) -> None:
    """After commit, ask a worker to send now (this message, or everything due); a down
    broker only delays it until beat's next dispatcher run."""

    def publish():
        from texting.tasks import dispatch_due_messages, send_message

        try:
            if message_id is None:
                dispatch_due_messages.delay()
            else:
                send_message.delay(message_id)
        except PUBLISH_ERRORS as exc:
            logger.warning(
                "texting: message %s not queued (%s); the dispatcher will send it",
                message_id or "batch",
                type(exc).__name__,
            )

    transaction.on_commit(publish, robust=True)


def outbox_queue_new(rows: list[dict]) -> None:
    """Queue the messages about something just created, in one INSERT.

    Each dict holds OutboundMessage fields (kind, dedupe_key, send_at, and subject_id,
    channel, to_phone, body as needed). A row whose dedupe key exists is left as it
    is, so a second call changes nothing. One task after commit sends those due now.
    """
    OutboundMessage.objects.bulk_create(
        [OutboundMessage(**row) for row in rows], ignore_conflicts=True
    )
    now = timezone.now()
    if any(row["send_at"] <= now for row in rows):
        outbox_send_soon()


def outbox_queue(
    *,
    kind: str,
    key: str,
    send_at: datetime.datetime,
    subject_id: int | None = None,
    to_phone: str = "",
    render: Callable[[], str] | None = None,
    channel: str = Channel.SMS,
) -> OutboundMessage | None:
    """Create the row for `key` once; revive it if it was cancelled. None if already sent.

    `subject_id` is what the message is about, in the caller's terms (texting only
    hands it back through `texting.registry`). `render` makes a text's body; it is
    called only when the row is created or revived. An email (`channel="email"`)
    has no stored body or address: it is built when it is sent.
    """
    message, created = OutboundMessage.objects.get_or_create(
        dedupe_key=key,
        defaults={
            "subject_id": subject_id,
            "channel": channel,
            "kind": kind,
            "to_phone": to_phone,
            # A callable: the body is rendered only when the row is created.
            "body": render or "",
            "send_at": send_at,
        },
    )
    if not created:
        if message.status != Status.CANCELLED:
            return message if message.status == Status.PENDING else None
        # Rescheduled back to a time whose messages were cancelled: queue them again.
        message.status = Status.PENDING
        message.to_phone, message.send_at = to_phone, send_at
        message.body = render() if render else ""
        message.attempts, message.last_error, message.claimed_at = 0, "", None
        message.save()
    if send_at <= timezone.now():
        outbox_send_soon(message.pk)
    return message


def outbox_cancel_pending(queryset: QuerySet, reason: str) -> int:
    """Cancel the pending messages of `queryset`, with the reason staff will read."""
    return queryset.filter(status=Status.PENDING).update(
        status=Status.CANCELLED, last_error=reason, updated_at=timezone.now()
    )


def optout_add(*, phone: str, source: str) -> OptOut:
    """Stop all texts to `phone`: record it and cancel what is pending."""
    opt_out, _ = OptOut.objects.get_or_create(phone=phone, defaults={"source": source})
    outbox_cancel_pending(OutboundMessage.objects.for_phone(phone), "The number opted out")
    return opt_out


def optout_remove(*, phone: str) -> bool:
    """Texts may go to `phone` again (START/UNSTOP). True if it had opted out."""
    deleted, _ = OptOut.objects.filter(phone=phone).delete()
    return bool(deleted)


# --- Front desk ---------------------------------------------------------------------


def message_retry(*, message: OutboundMessage, backend=None) -> bool:
    """Put a failed, reviewed or cancelled message back in the queue, to go now.

    A text in "Needs review" is first looked up in Twilio's log
    (`dispatch.outbox_reconcile`): if it went out it is marked sent, never resent.
    """
    from texting.dispatch import outbox_reconcile

    if message.status == Status.REVIEW and outbox_reconcile(message=message, backend=backend) in (
        True,  # it went out: now marked sent
        None,  # Twilio could not be asked: not yet
    ):
        return False
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
        outbox_send_soon(message.pk)
    return bool(updated)


def message_cancel(*, message: OutboundMessage) -> bool:
    """Stop a message that has not gone (pending or waiting for review)."""
    updated = OutboundMessage.objects.filter(
        pk=message.pk, status__in=[Status.PENDING, Status.REVIEW]
    ).update(status=Status.CANCELLED, last_error="Cancelled by staff", updated_at=timezone.now())
    return bool(updated)

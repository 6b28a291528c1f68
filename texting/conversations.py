"""Conversations: every text to and from one phone, and the front desk's answers.

texting knows nothing of appointment requests: the app that owns them registers a
lookup (`register_related`) that says which of its records belong to a phone.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from texting import bodies, timing
from texting.kinds import STAFF
from texting.models import InboundMessage, OptOut, OutboundMessage
from texting.services import outbox_send_soon

# A staff answer may take up to this many segments (each is billed).
MAX_REPLY_SEGMENTS = 3
# An answer within this long of her last message may go during quiet hours.
ANSWER_WINDOW = dt.timedelta(hours=2)


@dataclass(frozen=True)
class Related:
    """Something a conversation belongs to, as the registering app describes it."""

    label: str  # "HSG-7K3MX9QP, Maria Lopez: Requested"
    url: str
    name: str = ""  # the patient's name, if the record knows it
    open: bool = True  # still to be dealt with
    pk: int | None = None
    note: str = ""  # what the front desk needs beside it ("Day 1 by text: ...")


_related_lookups: list[Callable[[list[str]], dict[str, list[Related]]]] = []


def register_related(lookup: Callable[[list[str]], dict[str, list[Related]]]) -> None:
    """Add a function mapping phones (E.164) to the records that belong to each."""
    if lookup not in _related_lookups:
        _related_lookups.append(lookup)


def related_for(phones: list[str]) -> dict[str, list[Related]]:
    """The records of every registered app for each phone: one call per app."""
    found: dict[str, list[Related]] = {phone: [] for phone in phones}
    for lookup in _related_lookups:
        for phone, items in lookup(phones).items():
            found.setdefault(phone, []).extend(items)
    return found


@dataclass(frozen=True)
class Entry:
    when: dt.datetime
    outbound: bool
    body: str
    kind: str
    status: str
    who: str  # "patient", the staff member's name, or "automatic"
    urgent: bool = False
    unread: bool = False


def conversation_entries(phone: str) -> list[Entry]:
    """Every text to and from `phone`, oldest first: two queries."""
    entries = [
        Entry(
            when=m.received_at,
            outbound=False,
            body=m.body,
            kind=m.get_kind_display(),
            status="Read" if m.is_read else "Not read",
            who="Patient",
            urgent=m.is_urgent,
            unread=not m.is_read,
        )
        for m in InboundMessage.objects.filter(from_phone=phone)
    ]
    entries += [
        Entry(
            when=m.sent_at or m.send_at,
            outbound=True,
            body=m.body,
            kind=m.kind_label,
            status=m.get_status_display(),
            who=_sender(m),
        )
        for m in OutboundMessage.objects.filter(to_phone=phone).select_related("sent_by")
    ]
    return sorted(entries, key=lambda e: e.when)


def _sender(message: OutboundMessage) -> str:
    if message.sent_by is None:
        return "Automatic"
    return message.sent_by.get_full_name() or message.sent_by.get_username()


def last_message_from(phone: str) -> InboundMessage | None:
    return InboundMessage.objects.filter(from_phone=phone).order_by("-received_at").first()


def may_answer_in_quiet_hours(phone: str, now: dt.datetime | None = None) -> bool:
    """She wrote to us in the last two hours: an answer may go even at night."""
    now = now or timezone.now()
    last = last_message_from(phone)
    return last is not None and now - last.received_at <= ANSWER_WINDOW


def reply_problems(body: str) -> list[str]:
    """What stops this answer from going, in words staff can act on."""
    problems = []
    if not body.strip():
        problems.append("Please write an answer, or pick a quick reply.")
        return problems
    segments = bodies.segment_count(body)
    if segments > MAX_REPLY_SEGMENTS:
        problems.append(
            f"This answer takes {segments} texts; please keep it to {MAX_REPLY_SEGMENTS}."
        )
    named = sorted({w.lower() for w in bodies.FORBIDDEN_WORDS.findall(body)})
    if named:
        problems.append(
            "Texts must not name the exam or health details (" + ", ".join(named) + "). "
            "Please call her for those."
        )
    return problems


def conversation_reply(
    *,
    phone: str,
    body: str,
    by,
    key: uuid.UUID,
    subject_id: int | None = None,
    send_in_quiet_hours: bool = False,
) -> OutboundMessage:
    """Queue a staff member's answer to `phone` through the outbox; mark her texts read.

    The key comes from the reply form, so a double submit queues one text. Opted-out
    numbers get nothing. During quiet hours the answer waits for 8 am unless staff
    choose to send it now and she wrote to us in the last two hours.
    """
    body = body.strip()
    problems = reply_problems(body)
    if OptOut.objects.filter(phone=phone).exists():
        problems.append("This number has opted out of texts (STOP). Please call her instead.")
    if problems:
        raise ValidationError(problems)
    now = timezone.now()
    quiet_ok = send_in_quiet_hours and may_answer_in_quiet_hours(phone, now)
    with transaction.atomic():
        message, created = OutboundMessage.objects.get_or_create(
            dedupe_key=f"staff:{key}",
            defaults={
                "subject_id": subject_id,
                "kind": STAFF,
                "to_phone": phone,
                "body": body,
                "send_at": now if quiet_ok else timing.next_allowed(now),
                "sent_by": by,
                "quiet_hours_ok": quiet_ok,
            },
        )
        conversation_mark_read(phone=phone)
        if created and message.send_at <= now:
            outbox_send_soon(message.pk)
    return message


def conversation_mark_read(*, phone: str) -> int:
    """Everything she sent has been seen: an answer is the inbox's read receipt."""
    return InboundMessage.objects.filter(from_phone=phone, is_read=False).update(is_read=True)

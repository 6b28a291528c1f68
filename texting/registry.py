"""What the outbox and the inbox ask of the apps that use them.

Texting knows how to queue, send, retry and receive messages; it does not know
what an appointment is. An app that queues messages registers, in its
`AppConfig.ready`, one `MessageKind` per kind of message it queues, and the
handlers that give a patient's reply its meaning:

    registry.kind_register(MessageKind("scheduled", "Appointment scheduled",
                                       stop_reason=..., current_phone=...))
    registry.reply_handler_register("confirm", handle_confirm)

- `stop_reason(message, now)` is asked just before a due message goes: '' sends
  it, any other text cancels it with that reason (cancelled, rescheduled, ...).
- `current_phone(message)` is the number to text now ('' keeps the queued one):
  staff may have corrected it since the text was queued.
- `build_email(message)` (email kinds only) builds the `EmailMessage` at send time
  from the row's references, so no email body, address or attachment is stored
  with the row or passed to a task.
- Reply handlers get the stored `InboundMessage` and return the reply to text
  back, or None when the reply is not theirs (the next handler is asked).
- `subjects_register(Subjects(...))` lets the admin link a message to what it is
  about (`subject_id`) and find messages by that thing's reference.

A kind nobody registered is sent as queued (SMS) and never stopped.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from django.core.mail import EmailMessage

    from texting.models import InboundMessage, OutboundMessage

SMS = "sms"
EMAIL = "email"


@dataclass(frozen=True)
class MessageKind:
    name: str
    label: str
    channel: str = SMS
    stop_reason: Callable[[OutboundMessage, datetime.datetime], str] | None = None
    current_phone: Callable[[OutboundMessage], str] | None = None
    build_email: Callable[[OutboundMessage], EmailMessage] | None = None

    def __post_init__(self):
        if (self.channel == EMAIL) != (self.build_email is not None):
            raise ValueError(f"kind {self.name!r}: an email kind needs build_email, and only it")


_kinds: dict[str, MessageKind] = {}
_reply_handlers: dict[str, list[Callable[[InboundMessage], str | None]]] = {}

# The moments a reply handler can be registered for.
REPLY_EVENTS = ("received", "confirm", "day_one", "day_one_unknown")


@dataclass(frozen=True)
class Subjects:
    """What `subject_id` points at, for the admin: one batch lookup per page."""

    label: str
    links: Callable[[list[int]], dict[int, tuple[str, str]]]  # id -> (url, text)
    search: Callable[[str], list[int]]  # a typed reference -> ids


_subjects: list[Subjects] = []


def kind_register(kind: MessageKind) -> None:
    """Register (or replace, e.g. on a second `ready()`) a kind of message."""
    _kinds[kind.name] = kind


def kind_lookup(name: str) -> MessageKind:
    """The registered kind, or a plain SMS kind that is never stopped."""
    return _kinds.get(name) or MessageKind(name, name.replace("_", " ").capitalize())


def kind_choices() -> list[tuple[str, str]]:
    """(name, label) of every registered kind, for the admin's filters."""
    return sorted(((k.name, k.label) for k in _kinds.values()), key=lambda pair: pair[1])


def reply_handler_register(event: str, handler: Callable[[InboundMessage], str | None]) -> None:
    """Give a patient's reply a meaning at `event` (see `REPLY_EVENTS`).

    - "received": every new reply, first (e.g. link it to what it answers); the
      return value is ignored.
    - "confirm": the patient texted C; the first handler that returns a str wins.
    - "day_one": the patient texted her day 1 (`inbound.day_one`, a
      `texting.day_one.DayOne`); the first handler that returns a str wins. When
      none does, the number belongs to nothing: the first "day_one_unknown" handler
      that returns a str answers, and that answer is not stored (see
      `texting.inbound`).
    """
    if event not in REPLY_EVENTS:
        raise ValueError(f"unknown reply event {event!r}")
    handlers = _reply_handlers.setdefault(event, [])
    if handler not in handlers:
        handlers.append(handler)


def reply_handlers(event: str) -> list[Callable[[InboundMessage], str | None]]:
    return list(_reply_handlers.get(event, []))


def subjects_register(subjects: Subjects) -> None:
    _subjects[:] = [subjects]


def subjects() -> Subjects | None:
    return _subjects[0] if _subjects else None

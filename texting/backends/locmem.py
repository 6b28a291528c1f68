"""The tests' backend: texts are kept in `outbox`, like django.core.mail.outbox."""

import uuid
from dataclasses import dataclass

from texting.backends.base import BaseSmsBackend


@dataclass
class SentText:
    message_id: int
    to: str
    body: str
    status_callback: str
    sid: str


outbox: list[SentText] = []


class SmsBackend(BaseSmsBackend):
    def send(self, *, message_id: int, to: str, body: str, status_callback: str) -> str:
        sid = f"SMlocmem{uuid.uuid4().hex[:24]}"
        outbox.append(SentText(message_id, to, body, status_callback, sid))
        return sid

    def find_sent(self, *, to, body, since, until) -> str:
        return next((t.sid for t in outbox if t.to == to and t.body == body), "")

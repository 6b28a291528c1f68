"""Writes each text as a JSON file in SMS_FILE_PATH (for tests that run a real worker)."""

import json
import os
import uuid
from pathlib import Path

from django.conf import settings

from texting.backends.base import BaseSmsBackend


class SmsBackend(BaseSmsBackend):
    def __init__(self, *, path: str | None = None):
        self.path = Path(
            path or os.environ.get("SMS_FILE_PATH") or settings.BASE_DIR / "var" / "sms"
        )

    def send(self, *, message_id: int, to: str, body: str, status_callback: str) -> str:
        sid = f"SMfile{uuid.uuid4().hex[:26]}"
        self.path.mkdir(parents=True, exist_ok=True)
        record = {"message_id": message_id, "to": to, "body": body, "sid": sid}
        (self.path / f"{sid}.json").write_text(json.dumps(record))
        return sid

"""The development backend: the text appears in the worker log instead of a phone.

Console is for development only. With DEBUG on it logs the number and the body so a
developer can read the text; with DEBUG off (a production site that forgot its Twilio
settings, or the test suite) it logs the message id only, because production logs
never carry bodies or numbers.
"""

import logging
import uuid

from django.conf import settings

from texting.backends.base import BaseSmsBackend

logger = logging.getLogger("texting.console")


class SmsBackend(BaseSmsBackend):
    def send(self, *, message_id: int, to: str, body: str, status_callback: str) -> str:
        sid = f"SMconsole{uuid.uuid4().hex[:23]}"
        if settings.DEBUG:
            logger.info("SMS #%s to %s (console backend, not sent):\n%s", message_id, to, body)
        else:
            logger.info("SMS #%s handled by the console backend (not sent)", message_id)
        return sid

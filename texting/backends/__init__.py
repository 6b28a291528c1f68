"""SMS backends, chosen like Django's email backends: `settings.SMS_BACKEND`.

- console: development; prints the text to the worker log (see its module).
- locmem: tests; keeps texts in `texting.backends.locmem.outbox`.
- filebased: one JSON file per text; lets a test read what another process sent.
- twilio: production; the real `twilio` client.
"""

from django.conf import settings
from django.utils.module_loading import import_string

from texting.backends.base import BaseSmsBackend, SmsSendError

__all__ = ["BaseSmsBackend", "SmsSendError", "get_backend"]


def get_backend(path: str | None = None, **kwargs) -> BaseSmsBackend:
    """Return an instance of the SMS backend at `path` (default: settings.SMS_BACKEND)."""
    return import_string(path or settings.SMS_BACKEND)(**kwargs)

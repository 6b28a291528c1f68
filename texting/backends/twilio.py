"""The production backend: the real `twilio` client.

Tests pass `http_client=` (a `twilio.http.HttpClient` subclass) to drive the real
library without the network and assert the request it builds.
"""

import datetime

import requests
import urllib3
from django.conf import settings
from twilio.base.exceptions import TwilioException, TwilioRestException
from twilio.http.http_client import TwilioHttpClient
from twilio.rest import Client

from texting.backends.base import BaseSmsBackend, SmsSendError

INVALID_NUMBER = 21211
OPTED_OUT = 21610
TIMEOUT_SECONDS = 10


def error_from_twilio(exc: TwilioException) -> SmsSendError:
    """Sort Twilio's answer into permanent (no retry) or temporary (retry)."""
    status = getattr(exc, "status", None)
    code = getattr(exc, "code", None)
    if code == OPTED_OUT:
        return SmsSendError("Twilio 21610: the number opted out", True, code, opted_out=True)
    if code == INVALID_NUMBER:
        return SmsSendError("Twilio 21211: not a valid mobile number", True, code)
    if isinstance(status, int) and 400 <= status < 500 and status != 429:
        return SmsSendError(f"Twilio {code or status}: refused (HTTP {status})", True, code)
    return SmsSendError(f"Twilio {code or status or 'error'}: temporary error", False, code)


def error_from_network(exc: requests.RequestException) -> SmsSendError:
    """No answer from Twilio: retry only if the request cannot have reached it.

    A connect timeout or a refused connection never got to Twilio, so trying again is
    safe. A read timeout, or a connection dropped after the request went out, may
    follow a text Twilio accepted; Twilio has no idempotency key, so a retry could
    text the patient twice.
    """
    name = type(exc).__name__
    if isinstance(exc, requests.ConnectTimeout):
        return SmsSendError(f"Twilio unreachable: {name}", False)
    dropped = isinstance(exc, requests.ConnectionError) and any(
        isinstance(arg, urllib3.exceptions.ProtocolError) for arg in exc.args
    )
    if isinstance(exc, requests.Timeout) or dropped:
        return SmsSendError(f"Twilio did not answer: {name}", False, maybe_sent=True)
    return SmsSendError(f"Twilio unreachable: {name}", False)


class SmsBackend(BaseSmsBackend):
    def __init__(self, *, http_client=None):
        self.client = Client(
            settings.TWILIO_ACCOUNT_SID,
            settings.TWILIO_AUTH_TOKEN,
            http_client=http_client or TwilioHttpClient(timeout=TIMEOUT_SECONDS),
        )

    def send(self, *, message_id: int, to: str, body: str, status_callback: str) -> str:
        sender = (
            {"messaging_service_sid": settings.TWILIO_MESSAGING_SERVICE_SID}
            if settings.TWILIO_MESSAGING_SERVICE_SID
            else {"from_": settings.TWILIO_FROM_NUMBER}
        )
        try:
            message = self.client.messages.create(
                to=to, body=body, status_callback=status_callback, **sender
            )
        # `from None`: Twilio's own message names the number, and tracebacks are logged.
        except TwilioRestException as exc:
            raise error_from_twilio(exc) from None
        except (requests.ConnectionError, requests.Timeout) as exc:
            raise error_from_network(exc) from None
        except TwilioException as exc:
            raise error_from_twilio(exc) from None
        return message.sid

    def find_sent(self, *, to, body, since, until) -> str:
        """Look the text up in Twilio's message list: same number, window and body."""
        # UTC: the library writes the datetime's own clock time followed by "Z".
        since, until = since.astimezone(datetime.UTC), until.astimezone(datetime.UTC)
        try:
            found = self.client.messages.list(
                to=to, date_sent_after=since, date_sent_before=until, limit=50
            )
        except TwilioRestException as exc:
            raise error_from_twilio(exc) from None
        except (requests.ConnectionError, requests.Timeout) as exc:
            raise SmsSendError(f"Twilio unreachable: {type(exc).__name__}", False) from None
        except TwilioException as exc:
            raise error_from_twilio(exc) from None
        return next((m.sid for m in found if m.body == body), "")

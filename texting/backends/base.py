"""What every SMS backend does, and the one error it raises."""

import datetime
from dataclasses import dataclass


@dataclass
class SmsSendError(Exception):
    """A text was not accepted.

    `permanent` errors are not retried (an invalid or opted-out number, any other
    4xx); temporary ones (5xx, 429, no connection) are retried with backoff.
    `maybe_sent` means the request may have reached the provider (no answer in time,
    connection dropped mid-way): the text may be on its way, so it is never retried
    blindly but left for staff to check. `detail` is shown to staff and logged, so it
    never carries the number or the body.
    """

    detail: str
    permanent: bool
    code: int | None = None
    opted_out: bool = False
    maybe_sent: bool = False

    def __str__(self):
        return self.detail


class BaseSmsBackend:
    def send(self, *, message_id: int, to: str, body: str, status_callback: str) -> str:
        """Send one text; return the provider's message id, or raise SmsSendError."""
        raise NotImplementedError

    def find_sent(
        self, *, to: str, body: str, since: datetime.datetime, until: datetime.datetime
    ) -> str:
        """The provider's id of a text with this body sent to `to` in the window, or ''.

        Raises SmsSendError when the provider cannot be asked. A backend that keeps
        no log (console, files) finds nothing.
        """
        return ""

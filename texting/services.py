"""The outbox: the texts a request should get, written as rows in the caller's transaction.

The appointment services call these four hooks; each is safe to call more than once.
"""

from appointments.models import AppointmentRequest


def outbox_on_request_created(*, request: AppointmentRequest) -> None:
    """Queue the 'received' text (only with consent)."""


def outbox_on_scheduled(*, request: AppointmentRequest) -> None:
    """Queue 'scheduled' and 'reminder' texts; cancel those pending for an older time."""


def outbox_on_completed(*, request: AppointmentRequest) -> None:
    """Queue the 'follow_up' text."""


def outbox_on_cancelled(*, request: AppointmentRequest) -> None:
    """Cancel every pending text of the request."""

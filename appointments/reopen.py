"""Undoing a mistaken status: what "Reopen" would restore, read from the history.

Staff may undo their own move to completed, no-show or cancelled within a day: the
request goes back to the status (and booked time) it had just before.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from appointments.models import AppointmentRequest

Status = AppointmentRequest.Status
REOPENABLE = frozenset({Status.COMPLETED, Status.NO_SHOW, Status.CANCELLED})
REOPEN_WITHIN = dt.timedelta(days=1)
# How far back the history is read to find the move to undo.
HISTORY_DEPTH = 50


@dataclass(frozen=True)
class Reopening:
    status: str  # the status to go back to
    scheduled_at: dt.datetime | None  # the booked time to go back to
    changed_at: dt.datetime  # when the move being undone was made


def reopening(request: AppointmentRequest, now: dt.datetime) -> Reopening | str:
    """What reopening `request` would restore, or why it cannot be reopened."""
    if request.status not in REOPENABLE:
        return f"A request that is “{request.get_status_display()}” has nothing to undo."
    records = list(request.history.order_by("-history_date", "-history_id")[:HISTORY_DEPTH])
    for newer, older in zip(records, records[1:], strict=False):
        if newer.status == older.status:
            continue
        if newer.status != request.status:
            break  # the history does not match the row: refuse rather than guess
        if newer.history_user_id is None:
            return "The patient made this change herself: it cannot be undone here."
        if now - newer.history_date > REOPEN_WITHIN:
            return "This change was made more than a day ago: it cannot be undone any more."
        return Reopening(older.status, older.scheduled_at, newer.history_date)
    return "No earlier status was found to go back to."

"""The one table of an appointment request's status moves.

Each `Move` says where it may start from, where it leads, who may make it (staff in
the admin, the patient on her page), the form it needs, the service that does it,
and an optional guard (a refusal in staff's words, or ''). The services check a
move here under the row lock; the admin's buttons and views and the patient's page
read the same table.

To add a move (for example "Reopen"), add one `Move` to `MOVES` and a service in
`appointments.services`; to refuse a move in some case, give it a `guard`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils import timezone

from appointments.admin_forms import CancelForm, ConfirmForm, ScheduleForm
from appointments.models import AppointmentRequest

Status = AppointmentRequest.Status
STAFF, PATIENT = "staff", "patient"


@dataclass(frozen=True)
class Move:
    name: str
    label: str  # the button
    sources: frozenset[str]
    target: str
    verb: str  # "A request that is Completed cannot be <verb>."
    service: str  # the function in appointments.services
    by: frozenset[str] = frozenset({STAFF})
    form: type | None = None  # the staff form; None for the patient-only moves
    button: str = ""  # the form's submit button
    arguments: Callable = field(default=lambda form: {})  # the form's answers for the service
    guard: Callable[[AppointmentRequest, dt.datetime], str] | None = None

    def label_for(self, request: AppointmentRequest) -> str:
        if self.name == "schedule" and request.status == Status.SCHEDULED:
            return "Reschedule"
        return self.label


def _not_before_the_exam_day(request: AppointmentRequest, now: dt.datetime) -> str:
    if request.scheduled_at and timezone.localdate(request.scheduled_at) > timezone.localdate(now):
        return "The exam is still to come: it cannot be a no-show yet."
    return ""


MOVES: dict[str, Move] = {
    move.name: move
    for move in [
        Move(
            "schedule",
            "Schedule",
            frozenset({Status.REQUESTED, Status.SCHEDULED, Status.NO_SHOW}),
            Status.SCHEDULED,
            verb="booked",
            service="appointment_schedule",
            form=ScheduleForm,
            button="Book",
            arguments=lambda form: {
                "at": form.at,
                "override_reason": form.reason,
                "expected_status": form.cleaned_data["seen_status"] or None,
            },
        ),
        Move(
            "complete",
            "Mark completed",
            frozenset({Status.SCHEDULED}),
            Status.COMPLETED,
            verb="marked completed",
            service="appointment_complete",
            form=ConfirmForm,
            button="Yes, the exam is done",
        ),
        Move(
            "no_show",
            "No-show",
            frozenset({Status.SCHEDULED}),
            Status.NO_SHOW,
            verb="marked as a no-show",
            service="appointment_mark_no_show",
            form=ConfirmForm,
            button="Yes, the patient did not come",
            guard=_not_before_the_exam_day,
        ),
        Move(
            "cancel",
            "Cancel",
            frozenset({Status.REQUESTED, Status.SCHEDULED}),
            Status.CANCELLED,
            verb="cancelled",
            service="appointment_cancel",
            by=frozenset({STAFF, PATIENT}),
            form=CancelForm,
            button="Cancel the request",
            arguments=lambda form: {"reason": form.cleaned_data["reason"]},
        ),
        Move(
            "other_dates",
            "Ask for other dates",
            frozenset({Status.REQUESTED, Status.SCHEDULED}),
            Status.REQUESTED,
            verb="changed",
            service="appointment_ask_other_dates",
            by=frozenset({PATIENT}),
        ),
    ]
}


def moves_for(request: AppointmentRequest, by: str = STAFF) -> list[Move]:
    """The moves `by` may offer for this request now, in the table's order."""
    return [m for m in MOVES.values() if by in m.by and request.status in m.sources]


def move_allowed(request: AppointmentRequest, name: str, by: str = STAFF) -> bool:
    move = MOVES[name]
    return by in move.by and request.status in move.sources


def move_refusal(
    request: AppointmentRequest, name: str, *, expected: str | None = None, now=None
) -> tuple[str, str] | None:
    """Why `name` cannot be made on the locked row now, as (code, message), or None."""
    move = MOVES[name]
    if expected is not None and request.status != expected:
        return (
            "stale",
            f"Someone changed this request while you were working on it: it is now "
            f"“{request.get_status_display()}”. Nothing was saved; please look again.",
        )
    if request.status not in move.sources:
        return (
            "not_allowed",
            f"A request that is “{request.get_status_display()}” cannot be {move.verb}.",
        )
    if move.guard is not None:
        refusal = move.guard(request, now or timezone.now())
        if refusal:
            return ("guard", refusal)
    return None


def move_run(name: str, request: AppointmentRequest, form, *, by) -> AppointmentRequest:
    """Make a staff move with its form's answers, through its service."""
    from appointments import services

    move = MOVES[name]
    return getattr(services, move.service)(request=request, by=by, **move.arguments(form))

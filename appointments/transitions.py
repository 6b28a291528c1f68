"""The one table of an appointment request's status moves.

Each `Move` says where it may start from, where it leads, who may make it (staff in
the admin, the patient on her page), the form it needs, the service that does it,
and an optional guard (a refusal in staff's words, or ''). The services check a
move here under the row lock; the admin's buttons and views and the patient's page
read the same table.

To add a move, add one `Move` to `MOVES` and a service in `appointments.services`;
to refuse a move in some case, give it a `guard`. A guard staff may overrule for a
real exception (with a reason, kept in the history) is marked `overridable`; a move
whose button only makes sense when its guard passes (Reopen) is `offered_if_allowed`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils import timezone

from appointments.admin_forms import CancelForm, ConfirmForm, EarlyMoveForm, ScheduleForm
from appointments.models import AppointmentRequest
from appointments.reopen import REOPENABLE, reopening
from clinic.display import when_display

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
    overridable: bool = False  # staff may make it despite the guard, saying why
    offered_if_allowed: bool = False  # no button while the guard refuses

    def label_for(self, request: AppointmentRequest) -> str:
        if self.name == "schedule" and request.status == Status.SCHEDULED:
            return "Reschedule"
        return self.label


def _not_before_the_booked_time(verb: str):
    def guard(request: AppointmentRequest, now: dt.datetime) -> str:
        if request.scheduled_at is None or request.scheduled_at <= now:
            return ""
        return (
            f"The exam is booked for {when_display(request.scheduled_at)}: it cannot be {verb} "
            "before then. If it really happened early, tick “Before the booked time” and say why."
        )

    return guard


def _reopenable(request: AppointmentRequest, now: dt.datetime) -> str:
    found = reopening(request, now)
    return found if isinstance(found, str) else ""


def _early_reason(form) -> dict:
    return {"override_reason": form.reason}


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
            form=EarlyMoveForm,
            button="Yes, the exam is done",
            arguments=_early_reason,
            guard=_not_before_the_booked_time("marked completed"),
            overridable=True,
        ),
        Move(
            "no_show",
            "No-show",
            frozenset({Status.SCHEDULED}),
            Status.NO_SHOW,
            verb="marked as a no-show",
            service="appointment_mark_no_show",
            form=EarlyMoveForm,
            button="Yes, the patient did not come",
            arguments=_early_reason,
            guard=_not_before_the_booked_time("marked as a no-show"),
            overridable=True,
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
        # Staff undo their own completed, no-show or cancelled within a day: back to
        # the status and booked time before it (appointments.reopen), texts put right.
        Move(
            "reopen",
            "Reopen",
            REOPENABLE,
            "",  # the status it had before
            verb="reopened: there is nothing to undo",
            service="appointment_reopen",
            form=ConfirmForm,
            button="Yes, undo it",
            guard=_reopenable,
            offered_if_allowed=True,
        ),
    ]
}


def moves_for(request: AppointmentRequest, by: str = STAFF, now=None) -> list[Move]:
    """The moves `by` may offer for this request now, in the table's order."""
    now = now or timezone.now()
    return [
        m
        for m in MOVES.values()
        if by in m.by
        and request.status in m.sources
        and not (m.offered_if_allowed and m.guard(request, now))
    ]


def move_allowed(request: AppointmentRequest, name: str, by: str = STAFF) -> bool:
    move = MOVES[name]
    return by in move.by and request.status in move.sources


def move_refusal(
    request: AppointmentRequest,
    name: str,
    *,
    expected: str | None = None,
    now=None,
    override: str = "",
) -> tuple[str, str] | None:
    """Why `name` cannot be made on the locked row now, as (code, message), or None.

    `override` (staff's reason) lifts the guard of an `overridable` move."""
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
    if move.guard is not None and not (move.overridable and override):
        refusal = move.guard(request, now or timezone.now())
        if refusal:
            return ("guard", refusal)
    return None


def move_run(name: str, request: AppointmentRequest, form, *, by) -> AppointmentRequest:
    """Make a staff move with its form's answers, through its service."""
    from appointments import services

    move = MOVES[name]
    return getattr(services, move.service)(request=request, by=by, **move.arguments(form))

"""Everything that changes an appointment request: created by the patient, moved by staff.

Each service locks the row, checks the move is allowed (`appointments.transitions`),
saves it with a history entry (who and why) and queues the texts and emails in the
outbox in the same transaction: a worker sends them after commit, so no mail server
ever holds the patient's page.
"""

from __future__ import annotations

import datetime as dt
import uuid

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from appointments import booking, emails, outbox, transitions
from appointments.availability import ClinicCalendar, clinic_calendar
from appointments.cycle import slot_problems
from appointments.models import AppointmentRequest
from appointments.reopen import reopening

Status = AppointmentRequest.Status


class TransitionError(ValidationError):
    """The request is not in a state that allows this move."""


def _locked(request: AppointmentRequest) -> AppointmentRequest:
    """Re-read the row under a lock: a second writer waits for the first to commit."""
    return AppointmentRequest.objects.select_for_update().get(pk=request.pk)


def _check(
    locked: AppointmentRequest, move: str, expected: str | None = None, override: str = ""
) -> None:
    """Refuse the move unless `transitions.MOVES` allows it from the locked row's status."""
    refusal = transitions.move_refusal(locked, move, expected=expected, override=override)
    if refusal is not None:
        code, message = refusal
        raise TransitionError(message, code=code)


def _save(locked: AppointmentRequest, *, by, reason: str) -> None:
    locked._history_user = by
    locked._change_reason = reason[:100]
    locked.save()


def appointment_request_create(
    *, fields: dict, submission_key: uuid.UUID, self_booked: bool = False
) -> tuple[AppointmentRequest, bool]:
    """Save a patient's request once per submission key; return it and whether it is new.

    A second submit of the same form (double click, back button, network retry)
    returns the first request instead of making another.
    """
    existing = AppointmentRequest.objects.filter(submission_key=submission_key).first()
    if existing is not None:
        return existing, False
    for _attempt in range(3):
        try:
            with transaction.atomic():
                request = AppointmentRequest(**fields, submission_key=submission_key)
                if request.sms_consent:
                    request.sms_consent_at = timezone.now()
                request._change_reason = "Sent by the patient"
                request.save()
                outbox.outbox_on_request_created(request=request, self_booked=self_booked)
            return request, True
        except IntegrityError:
            existing = AppointmentRequest.objects.filter(submission_key=submission_key).first()
            if existing is not None:
                return existing, False
            # Otherwise the random reference collided: draw another one.
    raise RuntimeError("could not save the appointment request")


def appointment_schedule(
    *,
    request: AppointmentRequest,
    at: dt.datetime,
    by,
    override_reason: str = "",
    expected_status: str | None = None,
    calendar: ClinicCalendar | None = None,
    reason: str = "",
    public: bool = False,
) -> AppointmentRequest:
    """Book (or rebook) the exam at `at`, checked against hours, closures and the window.

    Outside the patient's cycle window only with `override_reason`. Pass the status the
    caller saw as `expected_status` so that two people booking at once cannot both win.
    """
    if timezone.is_naive(at):
        raise ValueError("appointment_schedule needs an aware datetime")
    calendar = calendar or clinic_calendar()
    local = timezone.localtime(at)
    override_reason = override_reason.strip()
    with transaction.atomic():
        locked = _locked(request)
        _check(locked, "schedule", expected_status)
        problems = slot_problems(
            local,
            calendar=calendar.calendar,
            window=calendar.window(locked.last_period_start),
            now=timezone.localtime(),
        )
        window_problem = problems.pop("window", None)
        if problems:
            raise ValidationError(list(problems.values()), code="slot")
        if window_problem and not override_reason:
            raise ValidationError(
                f"{window_problem} To book it anyway, tick “Book outside the window” and say why.",
                code="outside_window",
            )
        # A room's place for the exam: ends by closing time, outside blocked times, and
        # never over another booking (the database refuses that on PostgreSQL).
        booking.booking_take(request=locked, at=at)
        rebooking = locked.status == Status.SCHEDULED
        locked.status = Status.SCHEDULED
        locked.scheduled_at = at
        locked.window_override_reason = override_reason if window_problem else ""
        locked.cancel_reason = ""
        locked.other_dates_requested_at = None
        _save(locked, by=by, reason=reason or ("Rescheduled" if rebooking else "Scheduled"))
        outbox.outbox_on_scheduled(request=locked, public=public)
    return locked


def _early_note(override_reason: str) -> str:
    return f" before the booked time: {override_reason}" if override_reason else ""


def appointment_complete(
    *, request: AppointmentRequest, by, override_reason: str = ""
) -> AppointmentRequest:
    """Mark the exam as done (not before its booked time without a reason); the
    follow-up text is queued."""
    override_reason = override_reason.strip()
    with transaction.atomic():
        locked = _locked(request)
        _check(locked, "complete", override=override_reason)
        locked.status = Status.COMPLETED
        locked.completed_at = timezone.now()
        _save(locked, by=by, reason=f"Completed{_early_note(override_reason)}")
        outbox.outbox_on_completed(request=locked)
    return locked


def appointment_mark_no_show(
    *, request: AppointmentRequest, by, override_reason: str = ""
) -> AppointmentRequest:
    """The patient did not come: not before the booked time without a reason."""
    override_reason = override_reason.strip()
    with transaction.atomic():
        locked = _locked(request)
        _check(locked, "no_show", override=override_reason)
        locked.status = Status.NO_SHOW
        _save(locked, by=by, reason=f"No-show{_early_note(override_reason)}")
        outbox.outbox_on_cancelled(request=locked)
    return locked


def appointment_reopen(*, request: AppointmentRequest, by) -> AppointmentRequest:
    """Undo staff's move to completed, no-show or cancelled made within the last day:
    back to the status and booked time before it, with its texts put right."""
    with transaction.atomic():
        locked = _locked(request)
        _check(locked, "reopen")
        found = reopening(locked, timezone.now())
        undone = locked.get_status_display()
        locked.status = found.status
        locked.scheduled_at = found.scheduled_at
        locked.completed_at = None
        locked.cancel_reason = ""
        _save(locked, by=by, reason=f"Reopened (undid “{undone}”)")
        outbox.outbox_on_reopened(request=locked, since=found.changed_at)
    return locked


def appointment_cancel(
    *, request: AppointmentRequest, reason: str, by=None, by_patient: bool = False
) -> AppointmentRequest:
    """Cancel the request (by staff with a reason, or by the patient online)."""
    reason = reason.strip()
    if not reason and not by_patient:
        raise ValidationError("Please give a reason.", code="reason_required")
    with transaction.atomic():
        locked = _locked(request)
        _check(locked, "cancel")
        locked.status = Status.CANCELLED
        label = "Cancelled by the patient" if by_patient else "Cancelled"
        locked.cancel_reason = (f"{label}: {reason}" if reason else label)[:200]
        _save(locked, by=by, reason=label)
        booking.booking_release(request=locked)
        outbox.outbox_on_cancelled(request=locked)
        if by_patient:
            outbox.outbox_on_staff_event(request=locked, kind=emails.STAFF_CANCELLED)
    return locked


def appointment_ask_other_dates(
    *, request: AppointmentRequest, dates: list[dt.date]
) -> AppointmentRequest:
    """The patient asks for other days: a booked exam goes back to the call list."""
    if not dates:
        raise ValidationError("Please pick at least one day.", code="required")
    with transaction.atomic():
        locked = _locked(request)
        _check(locked, "other_dates")
        padded = [*dates, None, None, None][:3]
        locked.preferred_date_1, locked.preferred_date_2, locked.preferred_date_3 = padded
        was_booked = locked.status == Status.SCHEDULED
        locked.status = Status.REQUESTED
        locked.scheduled_at = None
        locked.window_override_reason = ""
        locked.other_dates_requested_at = timezone.now()
        _save(locked, by=None, reason="Patient asked for other dates")
        booking.booking_release(request=locked)
        if was_booked:
            # The texts for the old time must not go out.
            outbox.outbox_on_cancelled(request=locked)
        outbox.outbox_on_staff_event(request=locked, kind=emails.STAFF_OTHER_DATES)
    return locked

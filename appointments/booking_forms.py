"""The request form's free times: pick one, or ask us to call.

The times are listed by the server (no JavaScript needed) once the form knows the
first day of the last period, and by `static/js/booking.js` as soon as it is typed.
A time that is taken meanwhile comes back with the nearest free ones, and everything
else she typed is kept.
"""

from __future__ import annotations

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy, gettext_noop

from appointments import booking, cycle, slots, time_choices
from appointments.models import SHORT_CYCLE_DAYS, AppointmentRequest

CALL_ME = "call"
PICK_MESSAGE = gettext_noop("Please pick a time, or pick days below and we will call you.")
# Answers the front desk must talk over with her before anything is booked.
CALL_FIRST_MESSAGE = gettext_noop(
    "You said you could be pregnant, or are not sure, so we cannot book a time online. "
    "Please choose “Call me instead” and pick days below. We will talk with you first."
)
SHORT_CYCLE_MESSAGE = gettext_noop(
    "With a cycle shorter than {days} days, we confirm the day with you, so we cannot "
    "book a time online. Please choose “Call me instead” and pick days below."
)


def parse_slot(value: str) -> dt.datetime | None:
    """A time as sent by the form (ISO 8601 with its offset), or None."""
    try:
        moment = dt.datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return None
    return moment if timezone.is_aware(moment) else None


class SlotFormMixin:
    """Adds the `slot` choice to the request form and checks it against the schedule."""

    def add_slot_field(self) -> None:
        self.fields["slot"] = forms.CharField(
            label=gettext_lazy("Time of your exam"), required=False, max_length=40
        )
        self.slot_at: dt.datetime | None = None
        self.slot_nearest: list[dt.datetime] = []
        # (plan, procedure id) once the form knows both; the times are read on demand,
        # so a request sent without a time costs no extra query.
        self._slot_question = None
        self._day_times: list[slots.DayTimes] | None = None

    @property
    def self_scheduling(self) -> bool:
        return self._slot_question is not None and booking.booking_config().rules.self_scheduling

    @property
    def day_times(self) -> list[slots.DayTimes]:
        if self._day_times is None:
            self._day_times = []
            if self.self_scheduling:
                plan, procedure_id = self._slot_question
                self._day_times = booking.free_times(procedure_id=procedure_id, days=plan.open_days)
        return self._day_times

    @property
    def slot_value(self) -> str:
        return (self.data.get("slot") or "") if self.is_bound else ""

    @property
    def day_choices(self) -> list[time_choices.DayChoices]:
        return time_choices.day_choices(self.day_times, self.slot_value)

    @property
    def nearest_choices(self) -> list[time_choices.Choice]:
        return time_choices.nearest_choices(self.slot_nearest)

    def clean_slot_choice(self, cleaned: dict) -> None:
        """Check the chosen time; with none, the request goes to the front desk as before."""
        plan = getattr(self, "plan", None)
        procedure = cleaned.get("procedure")
        if not (plan and plan.state == cycle.State.OPEN and procedure):
            return
        self._slot_question = (plan, procedure.pk)
        value = cleaned.get("slot") or ""
        if value == CALL_ME:
            return
        if not value:
            if self.has_error("preferred_date_1", code="required") and self.day_times:
                # Nothing picked at all: point her at the times too.
                self.add_error("slot", gettext(PICK_MESSAGE))
            return
        if not self.self_scheduling:
            return  # booking online was switched off meanwhile: a request for a call
        refusal = call_first_reason(cleaned)
        if refusal:
            self.add_error("slot", ValidationError(refusal, code="call_first"))
            return
        at = parse_slot(value)
        offered = {t for day in self.day_times for t in day.times}
        if at is not None and at in offered:
            self.slot_at = at
            # A booked time needs no preferred days.
            self._errors.pop("preferred_date_1", None)
            return
        target = at or timezone.now()
        self.slot_nearest = slots.nearest(self.day_times, target)
        self.add_error(None, slot_field_error(self.slot_nearest))

    def slot_taken(self, nearest: list[dt.datetime]) -> None:
        """The time went while she was sending the form: offer the nearest ones."""
        self.slot_at = None
        self.slot_nearest = nearest
        self.add_error("slot", ValidationError(gettext(booking.TAKEN_MESSAGE), code="taken"))


def slot_field_error(nearest: list[dt.datetime]) -> dict:
    if nearest:
        text = gettext(booking.TAKEN_MESSAGE)
    else:
        text = gettext("That time is not free.") + " " + gettext(PICK_MESSAGE)
    return {"slot": ValidationError(text, code="taken")}


def call_first_reason(cleaned: dict) -> str | None:
    """Why her answers need a talk with the front desk before a time is booked, or None."""
    pregnant = cleaned.get("may_be_pregnant") in (
        AppointmentRequest.Pregnancy.YES,
        AppointmentRequest.Pregnancy.NOT_SURE,
    )
    if pregnant:
        return gettext(CALL_FIRST_MESSAGE)
    length = cleaned.get("cycle_length")
    if length is not None and length < SHORT_CYCLE_DAYS:
        return gettext(SHORT_CYCLE_MESSAGE).format(days=SHORT_CYCLE_DAYS)
    return None

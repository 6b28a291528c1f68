"""The request form's cycle questions: the first day of her last period, her usual
cycle length, and her preferred days checked against the window they give.

Pure date logic is `cycle.py`; this is what the form says about it.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils import formats
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from appointments import cycle
from appointments.availability import ClinicCalendar

NEXT_MONTHS_MESSAGE = _("Please pick a day in the next 3 months.")


def day_refusal(day: dt.date, calendar: ClinicCalendar, otherwise: str) -> str:
    """Why a preferred day cannot be offered, in the patient's words."""
    if day <= calendar.today:
        return gettext("Please pick a day from tomorrow on.")
    return calendar.calendar.closed_reason(day) or str(otherwise)


class CycleFormMixin:
    """Checks the request form's cycle fields and preferred days against the window.

    The form sets `calendar`; `_clean_cycle` (called from the form's `clean`) sets
    `plan`, the window her answers give, or leaves it None when they give none.
    """

    calendar: ClinicCalendar
    plan: cycle.WindowPlan | None

    def clean_last_period_start(self) -> dt.date | None:
        lmp = self.cleaned_data.get("last_period_start")
        if lmp is None:
            return None
        today = self.calendar.today
        if lmp > today:
            raise ValidationError(
                _("This date is in the future. Please enter the first day of your last period."),
                code="future",
            )
        if (today - lmp).days > cycle.MAX_LMP_AGE_DAYS:
            raise ValidationError(
                _(
                    "This is more than 3 months ago. If your periods are irregular or have "
                    "stopped, tick the box below instead."
                ),
                code="too_old",
            )
        return lmp

    def clean_cycle_length(self) -> int | None:
        length = self.cleaned_data.get("cycle_length")
        if length is not None and not cycle.MIN_CYCLE_LENGTH <= length <= cycle.MAX_CYCLE_LENGTH:
            raise ValidationError(
                gettext(
                    "Please enter a number from %(low)s to %(high)s, or leave it blank. If "
                    "your cycle is often outside that, tick “My periods are irregular”."
                )
                % {"low": cycle.MIN_CYCLE_LENGTH, "high": cycle.MAX_CYCLE_LENGTH},
                code="out_of_range",
            )
        return length

    def _clean_cycle(self, cleaned: dict) -> None:
        irregular = cleaned.get("cycle_irregular")
        if irregular and "last_period_start" in self._errors:
            # She followed the date's own advice ("tick the box below instead"): an
            # irregular cycle needs no date, so a refused one no longer stands in the way.
            del self._errors["last_period_start"]
            cleaned["last_period_start"] = None
        lmp = cleaned.get("last_period_start")
        if "last_period_start" in self.errors:
            return
        if irregular:
            self.plan = self.calendar.plan(None)
        elif lmp is None:
            self.add_error(
                "last_period_start",
                ValidationError(
                    _(
                        "Please enter the first day of your last period, or tick the box "
                        "if your periods are irregular."
                    ),
                    code="required",
                ),
            )
            return
        else:
            self.plan = self.calendar.plan(lmp, cleaned.get("cycle_length"))

        names = ["preferred_date_1", "preferred_date_2", "preferred_date_3"]
        offered = set(self.plan.offered_days)
        for name in names:
            day = cleaned.get(name)
            if day is None:
                continue
            if self.plan.state == cycle.State.IRREGULAR:
                if not cycle.irregular_days_ok(
                    day, calendar=self.calendar.calendar, today=self.calendar.today
                ):
                    self.add_error(name, self._irregular_day_message(day))
            elif day not in offered:
                self.add_error(name, self._window_day_message(day))
        needs_a_day = self.plan.state != cycle.State.IRREGULAR and offered
        no_errors_yet = not any(n in self.errors for n in names)
        if needs_a_day and no_errors_yet and not any(cleaned.get(n) for n in names):
            self.add_error(
                "preferred_date_1",
                ValidationError(
                    f"{gettext('Please pick at least one day.')} {self._days_hint()}".strip(),
                    code="required",
                ),
            )
        seen = [cleaned.get(n) for n in names if cleaned.get(n)]
        if len(seen) != len(set(seen)):
            self.add_error("preferred_date_2", _("Please pick different days for each choice."))

    def _days_hint(self) -> str:
        days = self.plan.offered_days if self.plan else []
        if not days:
            return ""
        listed = ", ".join(formats.date_format(d, gettext("D M j")) for d in days)
        return gettext("Days that work for you: %(days)s.") % {"days": listed}

    def _window_day_message(self, day: dt.date) -> ValidationError:
        text = day_refusal(
            day, self.calendar, gettext("This day is outside your best days for the exam.")
        )
        return ValidationError(f"{text} {self._days_hint()}".strip(), code="outside_window")

    def _irregular_day_message(self, day: dt.date) -> ValidationError:
        return ValidationError(
            day_refusal(day, self.calendar, NEXT_MONTHS_MESSAGE), code="outside_window"
        )

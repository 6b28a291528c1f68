"""Read the practice's calendar from the database and hand it to the pure cycle module."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from appointments import cycle
from clinic.models import Closure, OpeningHours, Practice
from clinic.opening import Calendar


@dataclass(frozen=True)
class ClinicCalendar:
    """The practice, its calendar and today's date: everything a window needs."""

    practice: Practice
    calendar: Calendar
    today: dt.date

    def plan(self, lmp: dt.date | None, cycle_length: int | None = None) -> cycle.WindowPlan:
        return cycle.plan_window(
            lmp,
            today=self.today,
            start_day=self.practice.window_start_day,
            end_day=self.practice.window_end_day,
            calendar=self.calendar,
            cycle_length=cycle_length,
        )

    def window(self, lmp: dt.date | None) -> tuple[dt.date, dt.date] | None:
        if lmp is None:
            return None
        return cycle.cycle_window(lmp, self.practice.window_start_day, self.practice.window_end_day)


def clinic_calendar(practice: Practice | None = None) -> ClinicCalendar:
    """Load hours and the closures still to come: three queries (two with `practice`)."""
    practice = practice or Practice.objects.current()
    today = timezone.localdate()
    hours = OpeningHours.objects.all().open_weekdays()
    closures = tuple(
        Closure.objects.filter(last_day__gte=today).values_list("first_day", "last_day")
    )
    return ClinicCalendar(practice, Calendar(hours=hours, closures=closures), today)

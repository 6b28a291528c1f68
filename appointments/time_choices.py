"""The free times as the form shows them: labels and values worked out once, in Python.

The list can hold a hundred times; formatting each in the template (date filters,
method calls) cost most of the lookup's time, so the template only prints these.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils import formats
from django.utils.translation import gettext

from appointments.slots import DayTimes
from appointments.wording import day_label


@dataclass(frozen=True)
class Choice:
    value: str  # ISO 8601 with the offset: the exact moment, whatever the clock did
    label: str  # "9:30 AM", "9:30 a.m."
    checked: bool = False


@dataclass(frozen=True)
class DayChoices:
    label: str  # "Monday, March 8"
    weekday: str  # "Monday"
    morning: tuple[Choice, ...]
    afternoon: tuple[Choice, ...]


def clock_format() -> str:
    """The active language's way to write a time, as the templates' `|time:_("g:i A")`."""
    return gettext("g:i A")


def clock(moment: dt.datetime, fmt: str | None = None) -> str:
    """'9:30 AM' in English, '9:30 a.m.' in Spanish: as the rest of the site writes times."""
    return formats.date_format(moment, fmt or clock_format())


def day_choices(days: Iterable[DayTimes], selected: str = "") -> list[DayChoices]:
    fmt = clock_format()
    found = []
    for day in days:
        morning = tuple(
            Choice(t.isoformat(), clock(t, fmt), t.isoformat() == selected) for t in day.morning
        )
        afternoon = tuple(
            Choice(t.isoformat(), clock(t, fmt), t.isoformat() == selected) for t in day.afternoon
        )
        found.append(
            DayChoices(day_label(day.day), formats.date_format(day.day, "l"), morning, afternoon)
        )
    return found


def nearest_choices(times: Iterable[dt.datetime]) -> list[Choice]:
    return [
        Choice(t.isoformat(), f"{formats.date_format(t, gettext('D M j'))}, {clock(t)}")
        for t in times
    ]

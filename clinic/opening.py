"""When the office is open: weekday hours, closures and the US major holidays.

Plain logic with no Django, beside `hours.py` (which words the hours for the pages):
callers pass the hours and closures. The booking calendar (`Calendar`, read by
appointments/cycle.py) and the automatic replies to texts (`is_open_at`) both use it.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import holidays as holidays_lib

# The office is "closed major holidays". Of the US federal holidays, these six (and
# the weekday on which each is observed) are the major ones; the others (MLK Day,
# Presidents' Day, Juneteenth, Columbus Day, Veterans Day) are ordinary work days.
# Admin closures cover anything else.
MAJOR_HOLIDAYS = (
    "New Year's Day",
    "Memorial Day",
    "Independence Day",
    "Labor Day",
    "Thanksgiving Day",
    "Christmas Day",
)


def major_holidays(years: Iterable[int]) -> dict[dt.date, str]:
    """Return the US major holidays of `years`, observed days included, by date."""
    found = {}
    for year in years:
        found.update(_major_holidays_of(year))
    return found


@functools.lru_cache(maxsize=16)
def _major_holidays_of(year: int) -> dict[dt.date, str]:
    # Computed once per year per process: the holidays package takes about a
    # millisecond per year, and every form page and submission asks.
    us = holidays_lib.US(years=[year], observed=True)
    found = {}
    for day in us:
        names = [n for n in us.get_list(day) if n.startswith(MAJOR_HOLIDAYS)]
        if names:
            found[day] = names[0]
    return found


def is_open_at(
    local: dt.datetime,
    *,
    hours: Mapping[int, tuple[dt.time, dt.time]],
    closures: Iterable[tuple[dt.date, dt.date]] = (),
) -> bool:
    """True when `local` (the office's wall time) falls in its hours on an open day."""
    day = local.date()
    if day.weekday() not in hours or day in major_holidays([day.year]):
        return False
    if any(first <= day <= last for first, last in closures):
        return False
    opens, closes = hours[day.weekday()]
    return opens <= local.time() < closes


@dataclass(frozen=True)
class Calendar:
    """When the office is open: weekday hours, closures and holidays."""

    hours: Mapping[int, tuple[dt.time, dt.time]]
    closures: tuple[tuple[dt.date, dt.date], ...] = ()
    # None: the US major holidays. Tests and callers may pass their own.
    holidays: Mapping[dt.date, str] | None = None
    _holiday_cache: dict = field(default_factory=dict, compare=False, repr=False)

    def holiday(self, day: dt.date) -> str | None:
        if self.holidays is not None:
            return self.holidays.get(day)
        if day.year not in self._holiday_cache:
            self._holiday_cache[day.year] = major_holidays([day.year])
        return self._holiday_cache[day.year].get(day)

    def closed_reason(self, day: dt.date) -> str | None:
        """Why the office is closed on `day`, or None when it is open."""
        if day.weekday() not in self.hours:
            return f"The office is closed on {day:%A}s."
        name = self.holiday(day)
        if name:
            return f"The office is closed for {name}."
        for first, last in self.closures:
            if first <= day <= last:
                return "The office is closed that day."
        return None

    def is_open(self, day: dt.date) -> bool:
        return self.closed_reason(day) is None

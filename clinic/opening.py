"""When the office is open: weekday hours, closures and the US major holidays.

Plain logic with no Django: callers pass the hours and closures. The booking
calendar (appointments/cycle.py) and the automatic replies to texts both use it.
"""

import datetime as dt
from collections.abc import Iterable, Mapping

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
    us = holidays_lib.US(years=list(years), observed=True)
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

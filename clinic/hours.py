"""Opening hours as people read them: 'Monday to Friday, 9:00 am to 5:00 pm'.

Pure functions on (weekday, opens, closes) triples; Monday is 0. Labels are in the
language being served; `day_names` stay English for schema.org.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.text import capfirst
from django.utils.translation import gettext, gettext_lazy

DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


# The same days in the language being served.
LOCAL_DAY_NAMES = (
    gettext_lazy("Monday"),
    gettext_lazy("Tuesday"),
    gettext_lazy("Wednesday"),
    gettext_lazy("Thursday"),
    gettext_lazy("Friday"),
    gettext_lazy("Saturday"),
    gettext_lazy("Sunday"),
)


def _span(opens: datetime.time, closes: datetime.time) -> str:
    return gettext("%(opens)s to %(closes)s") % {
        "opens": time_label(opens),
        "closes": time_label(closes),
    }


def time_label(value: datetime.time) -> str:
    """Return a clock time as '9:00 am' or '5:30 pm'."""
    hour = value.hour % 12 or 12
    suffix = gettext("am") if value.hour < 12 else gettext("pm")
    return f"{hour}:{value.minute:02d} {suffix}"


@dataclass(frozen=True)
class HoursGroup:
    """Consecutive weekdays that share the same opening and closing time."""

    weekdays: tuple[int, ...]
    opens: datetime.time
    closes: datetime.time

    @property
    def days_label(self) -> str:
        names = [str(LOCAL_DAY_NAMES[day]) for day in self.weekdays]
        if len(names) == 1:
            return capfirst(names[0])
        if len(names) == 2:
            label = gettext("%(first)s and %(last)s") % {"first": names[0], "last": names[1]}
        else:
            label = gettext("%(first)s to %(last)s") % {"first": names[0], "last": names[-1]}
        return capfirst(label)

    @property
    def times_label(self) -> str:
        return _span(self.opens, self.closes)

    @property
    def day_names(self) -> list[str]:
        return [DAY_NAMES[day] for day in self.weekdays]


def hours_groups(
    hours: Iterable[tuple[int, datetime.time, datetime.time]],
) -> list[HoursGroup]:
    """Group consecutive weekdays with equal hours, in weekday order."""
    groups: list[HoursGroup] = []
    for weekday, opens, closes in sorted(hours):
        last = groups[-1] if groups else None
        if (
            last
            and last.weekdays[-1] == weekday - 1
            and (last.opens, last.closes) == (opens, closes)
        ):
            groups[-1] = HoursGroup(last.weekdays + (weekday,), opens, closes)
        else:
            groups.append(HoursGroup((weekday,), opens, closes))
    return groups


@dataclass(frozen=True)
class DayHours:
    name: str
    opens: datetime.time | None
    closes: datetime.time | None

    @property
    def label(self) -> str:
        if self.opens is None or self.closes is None:
            return gettext("Closed")
        return _span(self.opens, self.closes)


def week_table(hours: Iterable[tuple[int, datetime.time, datetime.time]]) -> list[DayHours]:
    """Return all seven days, Monday first, each with its hours or closed."""
    by_day = {weekday: (opens, closes) for weekday, opens, closes in hours}
    return [
        DayHours(capfirst(str(name)), *by_day.get(weekday, (None, None)))
        for weekday, name in enumerate(LOCAL_DAY_NAMES)
    ]

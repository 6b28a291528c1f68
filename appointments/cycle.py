"""The cycle window: which days suit an HSG, and on which of them the office is open.

Day 1 is the first day of bleeding. The practice books from `start_day` to `end_day`
of the cycle (days 5 to 12 by default): after the bleeding stops and before
ovulation, which lowers the chance that an early pregnancy is exposed (it cannot
rule it out: patients are asked whether they could be pregnant).

Pure Python, no Django: callers pass the office calendar (`clinic.opening`: hours,
closures, holidays) and today's date.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field

from clinic.opening import Calendar

DEFAULT_CYCLE_LENGTH = 28
MIN_CYCLE_LENGTH = 20
MAX_CYCLE_LENGTH = 45
# A request is never for today: the front desk needs a day to call back.
LEAD_DAYS = 1
# An LMP older than this is not a useful guide: such patients tick "irregular".
MAX_LMP_AGE_DAYS = 90
# How far ahead a patient with irregular cycles may suggest dates.
IRREGULAR_HORIZON_DAYS = 90

ONE_DAY = dt.timedelta(days=1)


def cycle_window(lmp: dt.date, start_day: int, end_day: int) -> tuple[dt.date, dt.date]:
    """Return the first and last calendar day of the scheduling window."""
    return lmp + dt.timedelta(days=start_day - 1), lmp + dt.timedelta(days=end_day - 1)


def next_window(
    lmp: dt.date,
    cycle_length: int | None,
    start_day: int,
    end_day: int,
    *,
    after: dt.date,
) -> tuple[dt.date, dt.date]:
    """Return the first expected window of a later cycle that still has a day after `after`.

    Periods are expected every `cycle_length` days (28 when unknown).
    """
    length = cycle_length or DEFAULT_CYCLE_LENGTH
    period = lmp + dt.timedelta(days=length)
    while True:
        first, last = cycle_window(period, start_day, end_day)
        if last > after:
            return first, last
        period += dt.timedelta(days=length)


def open_days(
    first: dt.date, last: dt.date, *, calendar: Calendar, today: dt.date
) -> list[dt.date]:
    """Return the days from `first` to `last` on which a patient can come in.

    Open days of the office only, and never earlier than the lead time allows.
    """
    day = max(first, today + dt.timedelta(days=LEAD_DAYS))
    days = []
    while day <= last:
        if calendar.is_open(day):
            days.append(day)
        day += ONE_DAY
    return days


class State(enum.StrEnum):
    OPEN = "open"  # the window has days a patient can come in
    TOO_CLOSE = "too_close"  # the window is on now, but no day is left after the lead time
    CLOSED = "closed"  # days are left, but the office is closed on all of them
    PASSED = "passed"  # the window is over
    IRREGULAR = "irregular"  # no window can be worked out


@dataclass(frozen=True)
class WindowPlan:
    state: State
    first: dt.date | None = None
    last: dt.date | None = None
    open_days: list[dt.date] = field(default_factory=list)
    next_first: dt.date | None = None
    next_last: dt.date | None = None
    next_open_days: list[dt.date] = field(default_factory=list)

    @property
    def offered_days(self) -> list[dt.date]:
        """The days the patient may pick: this window's, or else the next one's."""
        return self.open_days if self.state == State.OPEN else self.next_open_days


def plan_window(
    lmp: dt.date | None,
    *,
    today: dt.date,
    start_day: int,
    end_day: int,
    calendar: Calendar,
    cycle_length: int | None = None,
) -> WindowPlan:
    """Work out the patient's window, its open days and, when it is no use, the next one."""
    if lmp is None:
        return WindowPlan(State.IRREGULAR)
    first, last = cycle_window(lmp, start_day, end_day)
    days = open_days(first, last, calendar=calendar, today=today)
    if days:
        return WindowPlan(State.OPEN, first, last, days)
    earliest = today + dt.timedelta(days=LEAD_DAYS)
    if last < today:
        state = State.PASSED
    elif last < earliest:
        state = State.TOO_CLOSE
    else:
        state = State.CLOSED
    # The next expected window with a day still bookable; it may already be under way
    # after a long gap since the LMP, or be closed too, in which case look one further.
    after = max(last, earliest - ONE_DAY)
    for _ in range(3):
        next_first, next_last = next_window(lmp, cycle_length, start_day, end_day, after=after)
        next_days = open_days(next_first, next_last, calendar=calendar, today=today)
        if next_days:
            break
        after = next_last
    return WindowPlan(state, first, last, [], next_first, next_last, next_days)


def irregular_days_ok(day: dt.date, *, calendar: Calendar, today: dt.date) -> bool:
    """True when a patient without a window may suggest `day`."""
    earliest = today + dt.timedelta(days=LEAD_DAYS)
    horizon = today + dt.timedelta(days=IRREGULAR_HORIZON_DAYS)
    return earliest <= day <= horizon and calendar.is_open(day)


def slot_problems(
    start: dt.datetime,
    *,
    calendar: Calendar,
    window: tuple[dt.date, dt.date] | None,
    now: dt.datetime,
) -> dict[str, str]:
    """Check an exam time (local wall time) against the clock, the office and the window.

    Returns {kind: message} with kinds "past", "closed", "hours" and "window"; only a
    "window" problem may be overridden by staff.
    """
    problems = {}
    day = start.date()
    if start <= now:
        problems["past"] = "This time has already passed."
    reason = calendar.closed_reason(day)
    if reason:
        problems["closed"] = reason
    elif day.weekday() in calendar.hours:
        opens, closes = calendar.hours[day.weekday()]
        if not opens <= start.time() < closes:
            problems["hours"] = (
                f"The office is open from {opens:%-I:%M %p} to {closes:%-I:%M %p} that day."
            )
    if window is not None and not window[0] <= day <= window[1]:
        problems["window"] = (
            f"This is outside the patient's cycle window ({window[0]:%b %-d} to "
            f"{window[1]:%b %-d})."
        )
    return problems

"""Free exam times: which start times a patient (or the front desk) can book.

A *lane* is one exam at a time in one room: a room that runs two exams at once has
two lanes. A time is free when its exam fits inside the day's opening hours, touches
no blocked time, and some lane has nothing booked over the exam plus its buffer.

Times are counted in real minutes (UTC arithmetic), then shown in the practice's
time zone: on a daylight-saving day the clock jumps, and the list of times follows
the clock's real length rather than assuming every day has 24 hours.

Pure Python, no Django: callers load the calendar, blocks and bookings and pass them in.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from clinic.opening import Calendar

UTC = dt.UTC
NOON = dt.time(12, 0)
FULL = "Every room is already booked at this time."
NO_ROOM = "No room is set up for exams yet: add one in the admin under Rooms."


@dataclass(frozen=True, order=True)
class Lane:
    """One exam at a time in one room."""

    room_id: int
    place: int


@dataclass(frozen=True)
class Booked:
    """A lane taken from `starts` to `free_at` (the exam and its buffer)."""

    lane: Lane
    starts: dt.datetime
    free_at: dt.datetime


@dataclass(frozen=True)
class WeeklyBlock:
    """A time blocked every week (a lunch hour); `room_id` None blocks every room."""

    weekday: int
    starts: dt.time
    ends: dt.time
    room_id: int | None = None
    reason: str = ""


@dataclass(frozen=True)
class DatedBlock:
    """A time blocked on one day (a doctor's day off); `room_id` None blocks every room."""

    day: dt.date
    starts: dt.time
    ends: dt.time
    room_id: int | None = None
    reason: str = ""


@dataclass(frozen=True)
class ExamTiming:
    """How long an exam keeps a lane: the exam itself, then the buffer to turn the room."""

    duration: dt.timedelta
    buffer: dt.timedelta = dt.timedelta(0)

    @property
    def occupies(self) -> dt.timedelta:
        return self.duration + self.buffer


@dataclass(frozen=True)
class Setup:
    """Everything fixed about the schedule: the calendar, lanes, blocks and time zone."""

    calendar: Calendar
    lanes: tuple[Lane, ...]
    step: dt.timedelta
    tz: ZoneInfo
    weekly_blocks: tuple[WeeklyBlock, ...] = ()
    dated_blocks: tuple[DatedBlock, ...] = ()


@dataclass(frozen=True)
class DayTimes:
    """The free start times of one day, split into morning and afternoon."""

    day: dt.date
    times: tuple[dt.datetime, ...] = field(default_factory=tuple)

    @property
    def morning(self) -> list[dt.datetime]:
        return [t for t in self.times if t.time() < NOON]

    @property
    def afternoon(self) -> list[dt.datetime]:
        return [t for t in self.times if t.time() >= NOON]


def at_local(day: dt.date, clock: dt.time, tz: ZoneInfo) -> dt.datetime:
    """The moment a wall clock in `tz` shows `clock` on `day` (the first, if it shows it twice)."""
    return dt.datetime.combine(day, clock, tzinfo=tz)


def _overlaps(a_start, a_end, b_start, b_end) -> bool:
    return a_start < b_end and b_start < a_end


def day_candidates(day: dt.date, setup: Setup, timing: ExamTiming) -> list[dt.datetime]:
    """Every start on `day` whose exam ends by closing time, every `step` real minutes."""
    hours = setup.calendar.hours.get(day.weekday())
    if hours is None or not setup.calendar.is_open(day):
        return []
    opens = at_local(day, hours[0], setup.tz).astimezone(UTC)
    closes = at_local(day, hours[1], setup.tz).astimezone(UTC)
    starts = []
    moment = opens
    while moment + timing.duration <= closes:
        starts.append(moment.astimezone(setup.tz))
        moment += setup.step
    return starts


def blocks_on(day: dt.date, setup: Setup) -> list[tuple[int | None, dt.datetime, dt.datetime, str]]:
    """The blocked spans of `day` as (room_id or None, start, end, reason), aware."""
    spans = []
    for block in setup.weekly_blocks:
        if block.weekday == day.weekday():
            spans.append(
                (
                    block.room_id,
                    at_local(day, block.starts, setup.tz),
                    at_local(day, block.ends, setup.tz),
                    block.reason,
                )
            )
    for block in setup.dated_blocks:
        if block.day == day:
            spans.append(
                (
                    block.room_id,
                    at_local(day, block.starts, setup.tz),
                    at_local(day, block.ends, setup.tz),
                    block.reason,
                )
            )
    return spans


class Schedule:
    """The bookings of a span of days, indexed by lane, ready to answer "is it free?"."""

    def __init__(self, setup: Setup, booked: Iterable[Booked]):
        self.setup = setup
        self.by_lane: dict[Lane, list[Booked]] = defaultdict(list)
        for item in booked:
            self.by_lane[item.lane].append(item)

    def blocked_lane(self, lane: Lane, start: dt.datetime, end: dt.datetime, spans) -> str | None:
        for room_id, b_start, b_end, reason in spans:
            if (room_id is None or room_id == lane.room_id) and _overlaps(
                start, end, b_start, b_end
            ):
                return reason or "blocked"
        return None

    def free_lanes(
        self,
        start: dt.datetime,
        timing: ExamTiming,
        *,
        spans=None,
        ignore: Lane | None = None,
        ignore_start: dt.datetime | None = None,
    ) -> list[Lane]:
        """The lanes free for an exam at `start`, in order.

        `ignore` and `ignore_start` name a booking to leave out (the patient's own,
        when she moves it).
        """
        if spans is None:
            spans = blocks_on(start.astimezone(self.setup.tz).date(), self.setup)
        exam_end = start + timing.duration
        free_at = start + timing.occupies
        lanes = []
        for lane in self.setup.lanes:
            if self.blocked_lane(lane, start, exam_end, spans):
                continue
            taken = any(
                _overlaps(start, free_at, item.starts, item.free_at)
                for item in self.by_lane.get(lane, ())
                if not (lane == ignore and item.starts == ignore_start)
            )
            if not taken:
                lanes.append(lane)
        return lanes

    def free_lane(self, start: dt.datetime, timing: ExamTiming, **kwargs) -> Lane | None:
        """The first lane free for an exam at `start`, or None."""
        lanes = self.free_lanes(start, timing, **kwargs)
        return lanes[0] if lanes else None

    def free_times(
        self,
        days: Sequence[dt.date],
        timing: ExamTiming,
        *,
        earliest: dt.datetime,
        latest: dt.date | None = None,
    ) -> list[DayTimes]:
        """The free start times of each day in `days`, none before `earliest`."""
        result = []
        for day in days:
            if latest is not None and day > latest:
                break
            spans = blocks_on(day, self.setup)
            times = tuple(
                start
                for start in day_candidates(day, self.setup, timing)
                if start >= earliest and self.free_lane(start, timing, spans=spans)
            )
            result.append(DayTimes(day, times))
        return result


def refusal(
    start: dt.datetime, timing: ExamTiming, schedule: Schedule, *, ignore=None, ignore_start=None
) -> str | None:
    """Why an exam cannot start at `start` (hours, blocks, a full room), or None if it can.

    The front desk's check: it may pick any minute, not only the offered steps.
    """
    setup = schedule.setup
    if not setup.lanes:
        return NO_ROOM
    local = start.astimezone(setup.tz)
    day = local.date()
    hours = setup.calendar.hours.get(day.weekday())
    if hours is None or not setup.calendar.is_open(day):
        return setup.calendar.closed_reason(day) or "The office is closed that day."
    opens = at_local(day, hours[0], setup.tz)
    closes = at_local(day, hours[1], setup.tz)
    if start < opens or start + timing.duration > closes:
        minutes = int(timing.duration.total_seconds() // 60)
        return (
            f"A {minutes}-minute exam must start at or after {hours[0]:%-I:%M %p} and end "
            f"by {hours[1]:%-I:%M %p}, when the office closes."
        )
    spans = blocks_on(day, setup)
    end = start + timing.duration
    lanes_blocked = [schedule.blocked_lane(lane, start, end, spans) for lane in setup.lanes]
    if lanes_blocked and all(lanes_blocked):
        return f"This time is blocked ({lanes_blocked[0]})."
    if schedule.free_lane(start, timing, spans=spans, ignore=ignore, ignore_start=ignore_start):
        return None
    return FULL


def nearest(days: Iterable[DayTimes], target: dt.datetime, count: int = 3) -> list[dt.datetime]:
    """The `count` free times closest to `target`, in time order."""
    times = [t for day in days for t in day.times]
    times.sort(key=lambda t: (abs((t - target).total_seconds()), t))
    return sorted(times[:count])

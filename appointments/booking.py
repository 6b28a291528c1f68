"""Booking a time: the free times of a window, and taking, moving or freeing a place.

The schedule's fixed parts (rules, rooms, exam lengths, blocked times, hours and
closures) are read from the content cache, so the free times of a window cost one
query for its bookings and one for the times offered to the waitlist, however many
days the window has. The database has the last word: on PostgreSQL an exclusion
constraint refuses a second booking of a room's place, and the loser is told the time
was just taken, with the nearest free times.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_noop

from appointments import cycle, slots
from appointments.availability import ClinicCalendar
from appointments.booking_models import (
    BlockedTime,
    Booking,
    BookingRules,
    ExamLength,
    Room,
    WaitlistEntry,
)
from clinic.caching import cached_content
from clinic.models import Closure, OpeningHours, Practice
from clinic.opening import Calendar
from texting.services import PUBLISH_ERRORS

logger = logging.getLogger(__name__)
DEFAULT_TIMING = slots.ExamTiming(dt.timedelta(minutes=30), dt.timedelta(minutes=15))
TAKEN_MESSAGE = gettext_noop("Sorry, someone just booked that time. Please pick another one.")


class SlotTaken(ValidationError):
    """The time was free a moment ago and is not now; `nearest` holds other free times."""

    def __init__(self, message: str = TAKEN_MESSAGE, *, nearest=()):
        super().__init__(message, code="taken")
        self.nearest = list(nearest)


@dataclass(frozen=True)
class BookingConfig:
    """The schedule's fixed parts, cached per content version."""

    practice: Practice
    rules: BookingRules
    setup: slots.Setup
    timings: dict[int, slots.ExamTiming]  # by procedure id

    def timing(self, procedure_id: int) -> slots.ExamTiming:
        return self.timings.get(procedure_id, DEFAULT_TIMING)

    def clinic_calendar(self) -> ClinicCalendar:
        return ClinicCalendar(self.practice, self.setup.calendar, timezone.localdate())

    def earliest(self, now: dt.datetime | None = None) -> dt.datetime:
        """The first moment a patient may book: now plus the lead time."""
        return (now or timezone.now()) + dt.timedelta(hours=self.rules.lead_hours)

    def latest(self, today: dt.date | None = None) -> dt.date:
        return (today or timezone.localdate()) + dt.timedelta(days=self.rules.horizon_days)


def _load_config() -> BookingConfig:
    rules = BookingRules.current()
    lanes = tuple(
        slots.Lane(room.pk, place)
        for room in Room.objects.active()
        for place in range(1, room.capacity + 1)
    )
    weekly, dated = [], []
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    for block in BlockedTime.objects.filter(day__isnull=True) | BlockedTime.objects.filter(
        day__gte=yesterday
    ):
        if block.day is None:
            weekly.append(
                slots.WeeklyBlock(
                    block.weekday, block.starts, block.ends, block.room_id, block.reason
                )
            )
        else:
            dated.append(
                slots.DatedBlock(block.day, block.starts, block.ends, block.room_id, block.reason)
            )
    calendar = Calendar(
        hours=OpeningHours.objects.all().open_weekdays(),
        closures=tuple(
            Closure.objects.filter(last_day__gte=yesterday).values_list("first_day", "last_day")
        ),
    )
    setup = slots.Setup(
        calendar=calendar,
        lanes=lanes,
        step=dt.timedelta(minutes=rules.step_minutes),
        tz=ZoneInfo(settings.TIME_ZONE),
        weekly_blocks=tuple(weekly),
        dated_blocks=tuple(dated),
    )
    timings = {
        length.procedure_id: slots.ExamTiming(
            dt.timedelta(minutes=length.duration_minutes),
            dt.timedelta(minutes=length.buffer_minutes),
        )
        for length in ExamLength.objects.all()
    }
    return BookingConfig(Practice.objects.current(), rules, setup, timings)


def booking_config() -> BookingConfig:
    """The schedule's fixed parts: from the cache, or seven queries when it is cold."""
    return cached_content(f"booking-config-{timezone.localdate()}", _load_config)


def _day_bounds(first: dt.date, last: dt.date, tz) -> tuple[dt.datetime, dt.datetime]:
    start = slots.at_local(first, dt.time.min, tz)
    end = slots.at_local(last + dt.timedelta(days=1), dt.time.min, tz)
    return start, end


def schedule_for(
    config: BookingConfig,
    first: dt.date,
    last: dt.date,
    *,
    for_request_id: int | None = None,
    now: dt.datetime | None = None,
) -> slots.Schedule:
    """The bookings and live waitlist offers from `first` to `last`: two queries.

    The booking and the offer of `for_request_id` are left out: they are hers to move.
    """
    start, end = _day_bounds(first, last, config.setup.tz)
    rows = Booking.objects.overlapping(start, end)
    offers = WaitlistEntry.objects.live_offers(now or timezone.now()).filter(
        offer_starts_at__lt=end, offer_free_at__gt=start
    )
    if for_request_id is not None:
        rows = rows.exclude(request_id=for_request_id)
        offers = offers.exclude(request_id=for_request_id)
    booked = [
        slots.Booked(slots.Lane(room, place), starts, free_at)
        for room, place, starts, free_at in rows.values_list(
            "room_id", "place", "starts_at", "free_at"
        )
    ]
    booked += [
        slots.Booked(slots.Lane(room, place), starts, free_at)
        for room, place, starts, free_at in offers.values_list(
            "offer_room_id", "offer_place", "offer_starts_at", "offer_free_at"
        )
        if room is not None
    ]
    return slots.Schedule(config.setup, booked)


def free_times(
    *,
    procedure_id: int,
    days: list[dt.date],
    for_request_id: int | None = None,
    config: BookingConfig | None = None,
    earliest: dt.datetime | None = None,
) -> list[slots.DayTimes]:
    """The free times of each day in `days` a patient may book (lead time and horizon applied).

    Two queries with a warm cache, whatever the number of days.
    """
    if not days:
        return []
    config = config or booking_config()
    schedule = schedule_for(config, days[0], days[-1], for_request_id=for_request_id)
    found = schedule.free_times(
        days,
        config.timing(procedure_id),
        earliest=earliest or config.earliest(),
        latest=config.latest(),
    )
    return [day for day in found if day.times]


def window_free_times(
    *,
    procedure_id: int,
    lmp: dt.date | None,
    cycle_length: int | None = None,
    config=None,
    earliest: dt.datetime | None = None,
) -> tuple[cycle.WindowPlan, list[slots.DayTimes]]:
    """The patient's window and the free times on each of its open days."""
    config = config or booking_config()
    plan = config.clinic_calendar().plan(lmp, cycle_length)
    if plan.state != cycle.State.OPEN:
        return plan, []
    days = plan.open_days
    return plan, free_times(procedure_id=procedure_id, days=days, config=config, earliest=earliest)


def slot_refusal(
    *, at: dt.datetime, procedure_id: int, for_request_id: int | None = None, config=None
) -> str | None:
    """Why an exam of this procedure cannot start at `at`: hours, blocks or a full room."""
    config = config or booking_config()
    day = timezone.localtime(at).date()
    schedule = schedule_for(config, day, day, for_request_id=for_request_id)
    return slots.refusal(at, config.timing(procedure_id), schedule)


def _nearest(config, procedure_id: int, at: dt.datetime, days: list[dt.date] | None):
    day = timezone.localtime(at).date()
    days = days or [day]
    return slots.nearest(free_times(procedure_id=procedure_id, days=days, config=config), at)


def booking_take(
    *,
    request,
    at: dt.datetime,
    held: bool = False,
    days: list[dt.date] | None = None,
    config: BookingConfig | None = None,
) -> Booking:
    """Give `request` a room's place at `at`, or move its booking there; call inside atomic.

    Raises SlotTaken (with the nearest free times among `days`) when every place is
    booked, and ValidationError when the time is outside hours or blocked.
    """
    config = config or booking_config()
    timing = config.timing(request.procedure_id)
    day = timezone.localtime(at).date()
    schedule = schedule_for(config, day, day, for_request_id=request.pk)
    problem = slots.refusal(at, timing, schedule)
    if problem == slots.FULL:
        raise SlotTaken(nearest=_nearest(config, request.procedure_id, at, days))
    if problem:
        raise ValidationError(problem, code="slot")
    fields = {
        "starts_at": at,
        "ends_at": at + timing.duration,
        "free_at": at + timing.occupies,
        "held": held,
    }
    existing = Booking.objects.filter(request_id=request.pk).first()
    # Each place free a moment ago, in turn: a racing writer may take one first.
    for lane in schedule.free_lanes(at, timing):
        try:
            with transaction.atomic():
                if existing is None:
                    return Booking.objects.create(
                        request=request, room_id=lane.room_id, place=lane.place, **fields
                    )
                for name, value in {**fields, "room_id": lane.room_id, "place": lane.place}.items():
                    setattr(existing, name, value)
                existing.save()
                return existing
        except IntegrityError:
            continue
    raise SlotTaken(nearest=_nearest(config, request.procedure_id, at, days))


def booking_release(*, request) -> bool:
    """Free the request's place at once (cancelled, back to the call list); True if it had one."""
    deleted, _ = Booking.objects.filter(request_id=request.pk).delete()
    if deleted:
        transaction.on_commit(_wake_waitlist, robust=True)
    return bool(deleted)


def _wake_waitlist() -> None:
    """After commit, ask a worker to offer the freed time; a down broker only delays it."""
    from appointments.tasks import offer_earlier_times

    try:
        offer_earlier_times.delay()
    except PUBLISH_ERRORS as exc:
        logger.warning("waitlist: not woken (%s); beat runs it within a minute", type(exc).__name__)


def booking_confirm(*, request) -> bool:
    """The front desk confirms a held booking (confirm mode)."""
    return bool(Booking.objects.filter(request_id=request.pk, held=True).update(held=False))

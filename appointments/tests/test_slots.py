"""The pure free-times logic: hours, blocks, lanes, buffers and daylight-saving days."""

import datetime as dt
import itertools
from zoneinfo import ZoneInfo

from appointments import slots
from clinic.opening import Calendar

NY = ZoneInfo("America/New_York")
NINE_TO_FIVE = {d: (dt.time(9), dt.time(17)) for d in range(5)}
HALF_HOUR = dt.timedelta(minutes=30)
ROOM = slots.Lane(1, 1)
HSG = slots.ExamTiming(dt.timedelta(minutes=30), dt.timedelta(minutes=15))
# Monday, March 8, 2027
MONDAY = dt.date(2027, 3, 8)
LONG_AGO = dt.datetime(2000, 1, 1, tzinfo=NY)


def setup(lanes=(ROOM,), hours=None, weekly=(), dated=(), step=HALF_HOUR):
    calendar = Calendar(hours=hours or NINE_TO_FIVE, holidays={})
    return slots.Setup(calendar, tuple(lanes), step, NY, tuple(weekly), tuple(dated))


def at(day, hour, minute=0):
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=NY)


def times_of(day, schedule, timing=HSG):
    [found] = schedule.free_times([day], timing, earliest=LONG_AGO)
    return [t.strftime("%H:%M") for t in found.times]


def test_an_empty_day_offers_every_half_hour_whose_exam_ends_by_closing_time():
    times = times_of(MONDAY, slots.Schedule(setup(), []))
    assert times[0] == "09:00" and times[-1] == "16:30"
    assert len(times) == 16


def test_a_long_exam_is_not_offered_so_late_that_it_would_end_after_closing():
    ftr = slots.ExamTiming(dt.timedelta(minutes=60))
    assert times_of(MONDAY, slots.Schedule(setup(), []), ftr)[-1] == "16:00"


def test_a_booking_and_its_buffer_hide_the_times_they_overlap():
    booked = [slots.Booked(ROOM, at(MONDAY, 10), at(MONDAY, 10, 45))]
    times = times_of(MONDAY, slots.Schedule(setup(), booked))
    # 9:30's exam plus buffer runs to 10:15, into the booking; 10:30 is inside its buffer.
    assert "09:00" in times
    assert "09:30" not in times and "10:00" not in times and "10:30" not in times
    assert "11:00" in times


def test_a_room_with_two_places_stays_free_until_both_are_taken():
    lanes = (slots.Lane(1, 1), slots.Lane(1, 2))
    one = [slots.Booked(slots.Lane(1, 1), at(MONDAY, 10), at(MONDAY, 10, 45))]
    assert "10:00" in times_of(MONDAY, slots.Schedule(setup(lanes), one))
    both = [*one, slots.Booked(slots.Lane(1, 2), at(MONDAY, 10), at(MONDAY, 10, 45))]
    assert "10:00" not in times_of(MONDAY, slots.Schedule(setup(lanes), both))


def test_a_weekly_lunch_hour_and_a_day_off_are_never_offered():
    lunch = slots.WeeklyBlock(MONDAY.weekday(), dt.time(12), dt.time(13), reason="Lunch")
    times = times_of(MONDAY, slots.Schedule(setup(weekly=[lunch]), []))
    # An 11:30 exam ends at noon (its buffer may run into lunch); 13:00 is the next.
    assert "11:30" in times and "12:00" not in times and "12:30" not in times
    assert "13:00" in times
    day_off = slots.DatedBlock(MONDAY, dt.time(9), dt.time(17), reason="Doctor away")
    assert times_of(MONDAY, slots.Schedule(setup(dated=[day_off]), [])) == []


def test_a_block_on_one_room_leaves_the_other_room_bookable():
    lanes = (slots.Lane(1, 1), slots.Lane(2, 1))
    block = slots.DatedBlock(MONDAY, dt.time(9), dt.time(17), room_id=1, reason="Repair")
    schedule = slots.Schedule(setup(lanes, dated=[block]), [])
    assert len(times_of(MONDAY, schedule)) == 16
    assert schedule.free_lane(at(MONDAY, 9), HSG) == slots.Lane(2, 1)


def test_nothing_before_the_earliest_moment_the_lead_time_allows():
    [day] = slots.Schedule(setup(), []).free_times([MONDAY], HSG, earliest=at(MONDAY, 14, 10))
    assert day.times[0] == at(MONDAY, 14, 30)


def test_times_are_grouped_into_morning_and_afternoon():
    [day] = slots.Schedule(setup(), []).free_times([MONDAY], HSG, earliest=LONG_AGO)
    assert len(day.morning) == 6 and len(day.afternoon) == 10


def test_days_after_the_booking_horizon_are_left_out():
    days = [MONDAY, MONDAY + dt.timedelta(days=1)]
    found = slots.Schedule(setup(), []).free_times(days, HSG, earliest=LONG_AGO, latest=MONDAY)
    assert [d.day for d in found] == [MONDAY]


EVERY_DAY_NIGHT = {d: (dt.time(0, 30), dt.time(4, 0)) for d in range(7)}


def test_the_spring_forward_night_offers_only_the_times_the_clock_shows():
    # Sunday, March 14, 2027: at 2:00 am the clock jumps to 3:00 am.
    spring = dt.date(2027, 3, 14)
    schedule = slots.Schedule(setup(hours=EVERY_DAY_NIGHT), [])
    times = times_of(spring, schedule)
    assert times == ["00:30", "01:00", "01:30", "03:00", "03:30"]
    assert len(times_of(spring - dt.timedelta(days=7), schedule)) == 7


def test_the_fall_back_night_offers_the_repeated_hour_twice():
    # Sunday, November 7, 2027: at 2:00 am the clock goes back to 1:00 am.
    fall = dt.date(2027, 11, 7)
    schedule = slots.Schedule(setup(hours=EVERY_DAY_NIGHT), [])
    [day] = schedule.free_times([fall], HSG, earliest=LONG_AGO)
    assert len(day.times) == 9
    # Each time is a different real moment, half an hour apart.
    gaps = {b.astimezone(dt.UTC) - a.astimezone(dt.UTC) for a, b in itertools.pairwise(day.times)}
    assert gaps == {HALF_HOUR}


def test_office_hours_on_a_daylight_saving_day_have_the_usual_number_of_times():
    every_day = {d: (dt.time(9), dt.time(17)) for d in range(7)}
    schedule = slots.Schedule(setup(hours=every_day), [])
    for day in (dt.date(2027, 3, 14), dt.date(2027, 11, 7)):
        times = times_of(day, schedule)
        assert len(times) == 16 and times[0] == "09:00" and times[-1] == "16:30"


def test_a_start_at_four_fifty_five_is_refused_when_the_office_closes_at_five():
    reason = slots.refusal(at(MONDAY, 16, 55), HSG, slots.Schedule(setup(), []))
    assert "end by 5:00 PM" in reason


def test_a_second_exam_in_a_full_room_is_refused_and_the_first_may_stay_put():
    booked = [slots.Booked(ROOM, at(MONDAY, 10), at(MONDAY, 10, 45))]
    schedule = slots.Schedule(setup(), booked)
    assert slots.refusal(at(MONDAY, 10, 15), HSG, schedule) == (
        "Every room is already booked at this time."
    )
    assert (
        slots.refusal(at(MONDAY, 10, 15), HSG, schedule, ignore=ROOM, ignore_start=at(MONDAY, 10))
        is None
    )


def test_a_blocked_time_is_refused_with_its_reason():
    lunch = slots.WeeklyBlock(MONDAY.weekday(), dt.time(12), dt.time(13), reason="Lunch")
    reason = slots.refusal(at(MONDAY, 12, 10), HSG, slots.Schedule(setup(weekly=[lunch]), []))
    assert reason == "This time is blocked (Lunch)."


def test_the_nearest_free_times_to_a_taken_one_come_in_time_order():
    [day] = slots.Schedule(setup(), []).free_times([MONDAY], HSG, earliest=LONG_AGO)
    assert [t.strftime("%H:%M") for t in slots.nearest([day], at(MONDAY, 11, 10))] == [
        "10:30",
        "11:00",
        "11:30",
    ]


def test_with_no_room_set_up_the_front_desk_is_told_what_to_do():
    reason = slots.refusal(at(MONDAY, 10), HSG, slots.Schedule(setup(lanes=()), []))
    assert reason == slots.NO_ROOM

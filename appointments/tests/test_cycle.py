"""The cycle window on its edges. Pure Python: no database, no clock."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from appointments import cycle
from appointments.cycle import State
from clinic.opening import Calendar, major_holidays

D = dt.date
NINE_TO_FIVE = (dt.time(9, 0), dt.time(17, 0))
WEEKDAYS = Calendar(hours={day: NINE_TO_FIVE for day in range(5)})


def plan(lmp, today, *, calendar=WEEKDAYS, cycle_length=None):
    return cycle.plan_window(
        lmp, today=today, start_day=5, end_day=12, calendar=calendar, cycle_length=cycle_length
    )


def test_day_one_is_the_first_day_of_bleeding_so_days_5_to_12_start_four_days_later():
    assert cycle.cycle_window(D(2027, 3, 1), 5, 12) == (D(2027, 3, 5), D(2027, 3, 12))


def test_the_window_runs_over_a_month_end():
    assert cycle.cycle_window(D(2027, 1, 28), 5, 12) == (D(2027, 2, 1), D(2027, 2, 8))


def test_the_window_counts_february_29_in_a_leap_year():
    assert cycle.cycle_window(D(2028, 2, 25), 5, 12) == (D(2028, 2, 29), D(2028, 3, 7))


def test_a_window_over_new_year_skips_the_holiday_and_the_weekend():
    result = plan(D(2026, 12, 24), today=D(2026, 12, 24))
    assert (result.first, result.last) == (D(2026, 12, 28), D(2027, 1, 4))
    assert result.state == State.OPEN
    assert result.open_days == [
        D(2026, 12, 28),
        D(2026, 12, 29),
        D(2026, 12, 30),
        D(2026, 12, 31),
        D(2027, 1, 4),
    ]


def test_a_window_that_starts_today_offers_tomorrow_on_but_not_today():
    result = plan(D(2027, 2, 26), today=D(2027, 3, 2))  # day 5 is Tuesday, March 2
    assert result.first == D(2027, 3, 2)
    assert result.open_days[0] == D(2027, 3, 3)
    assert D(2027, 3, 2) not in result.open_days


def test_a_window_ending_today_is_too_close_and_points_to_the_next_one():
    result = plan(D(2027, 2, 19), today=D(2027, 3, 2))  # day 12 is March 2
    assert result.state == State.TOO_CLOSE
    assert result.open_days == []
    assert (result.next_first, result.next_last) == (D(2027, 3, 23), D(2027, 3, 30))
    assert result.offered_days == result.next_open_days
    assert result.offered_days[0] == D(2027, 3, 23)


def test_a_window_that_has_passed_points_to_the_next_expected_window():
    result = plan(D(2027, 2, 10), today=D(2027, 3, 2))
    assert result.state == State.PASSED
    assert (result.next_first, result.next_last) == (D(2027, 3, 14), D(2027, 3, 21))
    # March 14 is a Sunday and 20, 21 a weekend: five open days remain.
    assert result.next_open_days == [D(2027, 3, d) for d in (15, 16, 17, 18, 19)]


def test_a_long_ago_period_skips_whole_cycles_to_the_next_window_still_to_come():
    result = plan(D(2026, 12, 10), today=D(2027, 3, 2))
    assert result.state == State.PASSED
    assert (result.next_first, result.next_last) == (D(2027, 3, 8), D(2027, 3, 15))
    assert (result.next_first - D(2026, 12, 10)).days % 28 == 4
    assert result.next_open_days[0] == D(2027, 3, 8)


def test_a_long_cycle_moves_the_next_window_later():
    short = plan(D(2027, 2, 10), today=D(2027, 3, 2), cycle_length=21)
    long = plan(D(2027, 2, 10), today=D(2027, 3, 2), cycle_length=35)
    assert short.next_first == D(2027, 3, 7)  # Feb 10 + 21 days + 4
    assert long.next_first == D(2027, 3, 21)  # Feb 10 + 35 days + 4


def test_a_short_cycle_next_window_starts_with_the_next_period_not_a_cycle_too_late():
    start, end = cycle.next_window(D(2027, 2, 1), 21, 5, 12, after=D(2027, 2, 12))
    assert (start, end) == (D(2027, 2, 26), D(2027, 3, 5))


def test_a_partly_closed_window_offers_only_the_open_days():
    closed = Calendar(hours=WEEKDAYS.hours, closures=((D(2027, 3, 8), D(2027, 3, 10)),))
    result = plan(D(2027, 3, 4), today=D(2027, 3, 2), calendar=closed)
    assert result.state == State.OPEN
    assert result.open_days == [D(2027, 3, 11), D(2027, 3, 12), D(2027, 3, 15)]


def test_a_next_window_under_way_offers_only_its_days_from_tomorrow():
    result = plan(D(2026, 12, 31), today=D(2027, 3, 2))  # two cycles on: Mar 1 to 8
    assert (result.next_first, result.next_last) == (D(2027, 3, 1), D(2027, 3, 8))
    assert result.next_open_days == [D(2027, 3, d) for d in (3, 4, 5, 8)]


def test_a_fully_closed_window_says_closed_and_offers_the_next_one():
    closed = Calendar(hours=WEEKDAYS.hours, closures=((D(2027, 3, 5), D(2027, 3, 20)),))
    result = plan(D(2027, 3, 1), today=D(2027, 3, 2), calendar=closed)
    assert result.state == State.CLOSED
    assert result.open_days == []
    assert result.next_first == D(2027, 4, 2)
    assert result.offered_days and all(d >= D(2027, 4, 2) for d in result.offered_days)


def test_irregular_cycles_have_no_window_and_no_offered_days():
    result = plan(None, today=D(2027, 3, 2))
    assert result.state == State.IRREGULAR
    assert result.first is None and result.offered_days == []


def test_a_patient_with_irregular_cycles_may_suggest_any_open_day_in_the_next_three_months():
    today = D(2027, 3, 2)
    assert cycle.irregular_days_ok(D(2027, 3, 3), calendar=WEEKDAYS, today=today)
    assert not cycle.irregular_days_ok(today, calendar=WEEKDAYS, today=today)
    assert not cycle.irregular_days_ok(D(2027, 3, 6), calendar=WEEKDAYS, today=today)  # Saturday
    assert not cycle.irregular_days_ok(D(2027, 7, 1), calendar=WEEKDAYS, today=today)


def test_the_major_holidays_are_the_six_big_ones_with_their_observed_days():
    days = major_holidays([2027])
    assert days[D(2027, 11, 25)] == "Thanksgiving Day"
    assert days[D(2027, 7, 5)].startswith("Independence Day")  # July 4 is a Sunday
    assert days[D(2027, 12, 24)].startswith("Christmas Day")
    assert D(2027, 1, 18) not in days  # Martin Luther King Jr. Day: open
    assert D(2027, 10, 11) not in days  # Columbus Day: open
    assert len({name.split(" (")[0] for name in days.values()}) == 6


def test_a_holiday_inside_the_window_is_not_offered():
    result = plan(D(2027, 11, 19), today=D(2027, 11, 1))  # window Nov 23 to 30
    assert D(2027, 11, 25) not in result.open_days
    assert D(2027, 11, 24) in result.open_days


def test_the_calendar_says_why_a_day_is_closed():
    assert WEEKDAYS.closed_reason(D(2027, 3, 6)) == "The office is closed on Saturdays."
    assert "Thanksgiving" in WEEKDAYS.closed_reason(D(2027, 11, 25))
    assert WEEKDAYS.closed_reason(D(2027, 3, 3)) is None


NY = ZoneInfo("America/New_York")
NOW = dt.datetime(2027, 3, 2, 10, 0, tzinfo=NY)
WINDOW = (D(2027, 3, 5), D(2027, 3, 12))


def slot(*args):
    return cycle.slot_problems(
        dt.datetime(*args, tzinfo=NY), calendar=WEEKDAYS, window=WINDOW, now=NOW
    )


def test_a_slot_inside_hours_and_window_has_no_problem():
    assert slot(2027, 3, 8, 10, 30) == {}


def test_a_slot_before_opening_or_at_closing_is_outside_hours():
    assert "hours" in slot(2027, 3, 8, 8, 30)
    assert "hours" in slot(2027, 3, 8, 17, 0)


def test_a_slot_on_a_saturday_or_holiday_is_closed():
    assert "closed" in slot(2027, 3, 6, 10, 0)
    assert "closed" in cycle.slot_problems(
        dt.datetime(2027, 11, 25, 10, tzinfo=NY), calendar=WEEKDAYS, window=None, now=NOW
    )


def test_a_slot_outside_the_window_is_flagged_as_a_window_problem_only():
    assert set(slot(2027, 3, 15, 10, 0)) == {"window"}


def test_a_slot_in_the_past_is_refused():
    assert "past" in slot(2027, 3, 1, 10, 0)


@pytest.mark.parametrize("length", [cycle.MIN_CYCLE_LENGTH, 28, cycle.MAX_CYCLE_LENGTH])
def test_every_allowed_cycle_length_gives_a_next_window_after_the_current_one(length):
    start, end = cycle.next_window(D(2027, 1, 1), length, 5, 12, after=D(2027, 1, 12))
    assert start == D(2027, 1, 1) + dt.timedelta(days=length + 4)
    assert (end - start).days == 7

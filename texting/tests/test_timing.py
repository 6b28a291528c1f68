import datetime

import pytest

from texting import timing
from texting.tests.conftest import ny


@pytest.mark.parametrize(
    "at, quiet",
    [
        (ny(2026, 6, 10, 20, 59), False),
        (ny(2026, 6, 10, 21, 0), True),
        (ny(2026, 6, 10, 23, 30), True),
        (ny(2026, 6, 11, 0, 0), True),
        (ny(2026, 6, 11, 7, 59), True),
        (ny(2026, 6, 11, 8, 0), False),
    ],
)
def test_quiet_hours_run_from_nine_pm_to_eight_am_new_york_time(at, quiet):
    assert timing.is_quiet(at) is quiet


def test_quiet_hours_are_new_york_time_even_for_a_utc_datetime():
    # 01:30 UTC in June is 21:30 in New York.
    assert timing.is_quiet(datetime.datetime(2026, 6, 11, 1, 30, tzinfo=datetime.UTC))


def test_a_text_due_in_the_evening_waits_until_eight_the_next_morning():
    assert timing.next_allowed(ny(2026, 6, 10, 22, 15)) == ny(2026, 6, 11, 8, 0)


def test_a_text_due_before_dawn_waits_until_eight_the_same_morning():
    assert timing.next_allowed(ny(2026, 6, 11, 5, 0)) == ny(2026, 6, 11, 8, 0)


def test_a_text_due_in_the_day_is_not_moved():
    assert timing.next_allowed(ny(2026, 6, 10, 12, 0)) == ny(2026, 6, 10, 12, 0)


def test_a_text_deferred_over_the_spring_dst_change_goes_at_eight_local_time():
    # 2026-03-08: clocks go from 2:00 to 3:00 am; 8:00 EDT is 12:00 UTC.
    deferred = timing.next_allowed(ny(2026, 3, 7, 22, 0))
    assert deferred.astimezone(datetime.UTC) == datetime.datetime(
        2026, 3, 8, 12, 0, tzinfo=datetime.UTC
    )


def test_the_reminder_goes_at_the_practice_hour_the_day_before():
    assert timing.reminder_time(ny(2026, 6, 16, 14, 0), 10) == ny(2026, 6, 15, 10, 0)


@pytest.mark.parametrize(
    "appointment, reminder_utc",
    [
        # Spring forward on Sunday 2026-03-08: 10:00 EDT is 14:00 UTC.
        (ny(2026, 3, 9, 9, 0), datetime.datetime(2026, 3, 8, 14, 0, tzinfo=datetime.UTC)),
        # Fall back on Sunday 2026-11-01: 10:00 EST is 15:00 UTC.
        (ny(2026, 11, 2, 9, 0), datetime.datetime(2026, 11, 1, 15, 0, tzinfo=datetime.UTC)),
        # The day before the change: still the old offset.
        (ny(2026, 3, 8, 11, 0), datetime.datetime(2026, 3, 7, 15, 0, tzinfo=datetime.UTC)),
    ],
)
def test_the_reminder_keeps_its_local_hour_on_a_dst_change_day(appointment, reminder_utc):
    reminder = timing.reminder_time(appointment, 10)
    assert reminder.astimezone(datetime.UTC) == reminder_utc
    assert reminder.astimezone(timing.NEW_YORK).hour == 10


def test_retries_wait_longer_each_time_and_stop_growing_at_an_hour():
    delays = [timing.retry_delay(n) for n in range(1, 7)]
    assert delays == sorted(delays)
    assert delays[0] == datetime.timedelta(minutes=1)
    assert delays[-1] == datetime.timedelta(hours=1)

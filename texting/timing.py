"""When a text may go: quiet hours, the reminder's moment, retry backoff.

Plain logic on aware datetimes; the practice's time zone is New York's.
"""

import datetime
from zoneinfo import ZoneInfo

NEW_YORK = ZoneInfo("America/New_York")

# No texts from 9 pm to 8 am New York time.
QUIET_START = datetime.time(21, 0)
QUIET_END = datetime.time(8, 0)

# Temporary failures wait longer after each attempt; after MAX_ATTEMPTS the text fails.
MAX_ATTEMPTS = 5
BACKOFF = [
    datetime.timedelta(minutes=1),
    datetime.timedelta(minutes=5),
    datetime.timedelta(minutes=15),
    datetime.timedelta(hours=1),
]


def is_quiet(at: datetime.datetime) -> bool:
    local = at.astimezone(NEW_YORK).time()
    return local >= QUIET_START or local < QUIET_END


def next_allowed(at: datetime.datetime) -> datetime.datetime:
    """Return `at`, or 8 am New York time after it when `at` falls in quiet hours."""
    if not is_quiet(at):
        return at
    local = at.astimezone(NEW_YORK)
    day = local.date() if local.time() < QUIET_END else local.date() + datetime.timedelta(days=1)
    return datetime.datetime.combine(day, QUIET_END, tzinfo=NEW_YORK)


def day_before(scheduled_at: datetime.datetime) -> datetime.date:
    """The New York calendar day before the appointment's."""
    return scheduled_at.astimezone(NEW_YORK).date() - datetime.timedelta(days=1)


def reminder_time(scheduled_at: datetime.datetime, hour: int) -> datetime.datetime:
    """Return `hour` o'clock New York time on the day before the appointment.

    Built from the local calendar day, so a DST change between the two days does not
    move the reminder off its hour.
    """
    return datetime.datetime.combine(day_before(scheduled_at), datetime.time(hour), tzinfo=NEW_YORK)


def is_tomorrow(at: datetime.datetime, now: datetime.datetime) -> bool:
    today = now.astimezone(NEW_YORK).date()
    return at.astimezone(NEW_YORK).date() == today + datetime.timedelta(days=1)


def retry_delay(attempts: int) -> datetime.timedelta:
    """How long to wait after the `attempts`-th failed try (1-based)."""
    return BACKOFF[min(attempts, len(BACKOFF)) - 1]

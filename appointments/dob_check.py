"""The date-of-birth check on a patient's manage page: how many guesses it allows.

Each guess is counted *before* the dates are compared, with the cache's atomic
`incr`, so guesses sent at the same moment cannot all slip in under the limit:

- a link allows 5 guesses per 15 minutes (then it is locked for the rest of them);
- a link allows 10 wrong guesses in its life (then it is dead: the patient calls);
- an address allows 20 guesses an hour across every link (then it is locked for the
  rest of that hour).

Each window starts with the first guess it counts, so a lock lasts at most its
window: `LOCK_SECONDS` says how long, for the page and its Retry-After.

A right answer gives back the guess it used. When the cache (Redis) is down nothing
can be counted, so nothing is compared: `CheckUnavailable`, and the page asks the
patient to call. Keys hold the request's id and the address, never a date.
"""

from __future__ import annotations

import enum
import logging

from django.core.cache import cache

from appointments.tokens import MANAGE_MAX_AGE

logger = logging.getLogger(__name__)

TRIES_PER_WINDOW = 5
WINDOW_SECONDS = 60 * 15
LIFETIME_FAILURES = 10
ADDRESS_TRIES_PER_HOUR = 20
ADDRESS_WINDOW_SECONDS = 60 * 60


class CheckUnavailable(Exception):
    """The counters cannot be read or written (the cache is down)."""


class Verdict(enum.Enum):
    COMPARE = "compare"  # counted: the dates may be compared
    LOCKED = "locked"  # too many guesses on this link for now
    ADDRESS_LOCKED = "address_locked"  # too many guesses from this address this hour
    DEAD = "dead"  # too many wrong guesses ever: the link no longer checks dates


# The longest each lock lasts: the window whose count set it.
LOCK_SECONDS = {Verdict.LOCKED: WINDOW_SECONDS, Verdict.ADDRESS_LOCKED: ADDRESS_WINDOW_SECONDS}


def _window_key(pk: int) -> str:
    return f"appointments:dob-failures:{pk}"


def _lifetime_key(pk: int) -> str:
    return f"appointments:dob-lifetime:{pk}"


def _address_key(address: str) -> str:
    return f"appointments:dob-address:{address}"


def _count(key: str, timeout: int) -> int:
    """Add one to `key` atomically and return the new count (the first one sets the expiry)."""
    for _ in range(3):
        if cache.add(key, 1, timeout=timeout):
            return 1
        try:
            return cache.incr(key)
        except ValueError:
            continue  # expired between add() and incr(): add it again
    raise CheckUnavailable(key)


def _guarded(func):
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except CheckUnavailable:
            raise
        except Exception as exc:  # noqa: BLE001 - any cache failure must fail closed
            logger.warning("appointments: birth-date check unavailable (%s)", type(exc).__name__)
            raise CheckUnavailable(type(exc).__name__) from None

    return wrapper


@_guarded
def state(pk: int) -> Verdict:
    """Whether the link takes a guess now (COMPARE), is locked for now, or is dead."""
    counts = cache.get_many([_window_key(pk), _lifetime_key(pk)])
    if counts.get(_lifetime_key(pk), 0) >= LIFETIME_FAILURES:
        return Verdict.DEAD
    if counts.get(_window_key(pk), 0) >= TRIES_PER_WINDOW:
        return Verdict.LOCKED
    return Verdict.COMPARE


@_guarded
def attempt(pk: int, address: str) -> Verdict:
    """Count one guess on link `pk` from `address`; COMPARE only while within every limit."""
    if _count(_window_key(pk), WINDOW_SECONDS) > TRIES_PER_WINDOW:
        return Verdict.LOCKED
    if _count(_lifetime_key(pk), MANAGE_MAX_AGE) > LIFETIME_FAILURES:
        return Verdict.DEAD
    if _count(_address_key(address), ADDRESS_WINDOW_SECONDS) > ADDRESS_TRIES_PER_HOUR:
        return Verdict.ADDRESS_LOCKED
    return Verdict.COMPARE


@_guarded
def passed(pk: int, address: str) -> None:
    """A right answer: the link's window starts again and the guess is given back."""
    cache.delete(_window_key(pk))
    for key in (_lifetime_key(pk), _address_key(address)):
        try:
            cache.decr(key)
        except ValueError:
            pass  # expired meanwhile: nothing to give back

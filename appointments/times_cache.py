"""The free-times lookup's answers, cached until a booking or the site's content changes.

An answer depends on the window, the exam, the first moment she may book (to the
minute), the site's content (rules, rooms, hours: the content version) and the
bookings (the bookings version, replaced whenever a booking or a waitlist offer is
written). A hit costs one cache round trip and no query. A stale answer can never
book a taken time: the database checks the booking when the form is sent.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable

from django.core.cache import cache
from django.db import transaction

from clinic.caching import VERSION_KEY, content_version, release

logger = logging.getLogger(__name__)

BOOKINGS_KEY = "bookings-version"
TIMEOUT = 10 * 60


def _bump() -> None:
    try:
        cache.set(BOOKINGS_KEY, uuid.uuid4().hex, timeout=None)
    except Exception as exc:  # noqa: BLE001 - the cache is an optimization only
        logger.warning("cache bump failed: %s", type(exc).__name__)


def bookings_changed(**kwargs) -> None:
    """Forget every cached answer: now, and again after the commit (as content does)."""
    _bump()
    transaction.on_commit(_bump)


def _bookings_version() -> str:
    version = uuid.uuid4().hex
    if not cache.add(BOOKINGS_KEY, version, timeout=None):
        version = cache.get(BOOKINGS_KEY) or version
    return version


def cached_times(name: str, build: Callable[[], str]) -> str:
    """`build()`'s answer for `name`, from the cache when nothing changed since."""
    key = f"free-times:{release()}:{name}"
    try:
        found = cache.get_many([VERSION_KEY, BOOKINGS_KEY, key])
        stamp = (
            found.get(VERSION_KEY) or content_version(),
            found.get(BOOKINGS_KEY) or _bookings_version(),
        )
    except Exception as exc:  # noqa: BLE001 - any cache failure: answer from the database
        logger.warning("cache read failed, answering without it: %s", type(exc).__name__)
        return build()
    hit = found.get(key)
    if hit is not None and hit[0] == stamp and None not in stamp:
        return hit[1]
    value = build()
    try:
        cache.set(key, (stamp, value), TIMEOUT)
    except Exception as exc:  # noqa: BLE001
        logger.warning("cache set failed: %s", type(exc).__name__)
    return value

"""What the front desk should look at today: counts for the admin's home, and alerts
for the top of every admin page.

The apps above register what they know in their AppConfig.ready (clinic imports
nothing from them): appointments counts requests, texting counts replies and texts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Count:
    label: str
    count: int
    url: str
    urgent: bool = False  # shown in red when not zero


@dataclass(frozen=True)
class Alert:
    message: str
    url: str
    link_text: str


_counters: list[Callable[[], list[Count]]] = []
_alerts: list[Callable[[], Alert | None]] = []


def register_counts(counter: Callable[[], list[Count]]) -> Callable[[], list[Count]]:
    """Add a function returning counts for the admin's home page (order kept)."""
    if counter not in _counters:
        _counters.append(counter)
    return counter


def register_alert(alert: Callable[[], Alert | None]) -> Callable[[], Alert | None]:
    """Add a function returning an alert for every admin page, or None."""
    if alert not in _alerts:
        _alerts.append(alert)
    return alert


def today_counts() -> list[Count]:
    return [count for counter in _counters for count in counter()]


def current_alerts() -> list[Alert]:
    return [alert for check in _alerts if (alert := check()) is not None]

"""What /healthz reports besides the database: checks that upper apps register.

`clinic` sits at the bottom and imports nothing above it, so the outbox (texting) and
the worker's heartbeat (operations) register their own check in `AppConfig.ready`.
A check returns a dict with at least `"status": "ok"` or something else.
"""

from collections.abc import Callable

_checks: dict[str, Callable[[], dict]] = {}


def health_check_register(name: str, check: Callable[[], dict]) -> None:
    _checks[name] = check


def health_report() -> dict[str, dict]:
    """Every registered check's answer, by name."""
    return {name: check() for name, check in sorted(_checks.items())}

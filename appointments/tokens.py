"""Signed links for patients: the confirmation page, the manage page, the day-1 page.

The values carry only an id (a request's, or a day-1 report's), signed and timed;
never a name or a date.
"""

from __future__ import annotations

from django.core import signing

CONFIRMATION_SALT = "appointments.confirmation"
CONFIRMATION_MAX_AGE = 60 * 60 * 2  # long enough to read, print or come back to
MANAGE_SALT = "appointments.manage"
MANAGE_MAX_AGE = 60 * 60 * 24 * 30
# A day-1 link ends with its window (DayOneReport.window_last); this bounds it anyway.
DAY_ONE_SALT = "appointments.day_one"
DAY_ONE_MAX_AGE = 60 * 60 * 24 * 40


def _sign(pk: int, salt: str) -> str:
    return signing.TimestampSigner(salt=salt).sign(str(pk))


def _unsign(token: str, salt: str, max_age: int) -> int | None:
    try:
        return int(signing.TimestampSigner(salt=salt).unsign(token, max_age=max_age))
    except (signing.BadSignature, ValueError):  # SignatureExpired is a BadSignature
        return None


def confirmation_token(pk: int) -> str:
    return _sign(pk, CONFIRMATION_SALT)


def confirmation_pk(token: str) -> int | None:
    return _unsign(token, CONFIRMATION_SALT, CONFIRMATION_MAX_AGE)


def manage_token(pk: int) -> str:
    return _sign(pk, MANAGE_SALT)


def manage_pk(token: str) -> int | None:
    """The request id of a valid manage link, or None when forged or expired."""
    return _unsign(token, MANAGE_SALT, MANAGE_MAX_AGE)


def day_one_token(report_pk: int) -> str:
    return _sign(report_pk, DAY_ONE_SALT)


def day_one_pk(token: str) -> int | None:
    """The DayOneReport id of a genuine day-1 link (its window is checked by the view)."""
    return _unsign(token, DAY_ONE_SALT, DAY_ONE_MAX_AGE)

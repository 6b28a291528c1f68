"""One way to write dates and phones for people: "Thu Dec 3, 9:30 am", "(212) 246-2063"."""

from __future__ import annotations

import datetime as dt

import phonenumbers
from django.utils import timezone


def phone_display(e164: str) -> str:
    """A stored number as people write it: "(212) 246-2063" (other countries: +44 …)."""
    if not e164:
        return ""
    try:
        number = phonenumbers.parse(e164, "US")
    except phonenumbers.NumberParseException:
        return e164
    if number.country_code == 1:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def phone_e164_or_none(text: str) -> str | None:
    """A phone typed any way ("212-555-0123", "(212) 555 0123") as E.164, or None."""
    if sum(ch.isdigit() for ch in text) < 10:
        return None
    try:
        number = phonenumbers.parse(text, "US")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def clock_display(at: dt.datetime | dt.time | None) -> str:
    """A time of day: "9:30 am" (New York time for a datetime)."""
    if at is None:
        return ""
    if isinstance(at, dt.datetime):
        at = timezone.localtime(at)
    return f"{at:%-I:%M} {'am' if at.hour < 12 else 'pm'}"


def when_display(at: dt.datetime | None) -> str:
    """A moment in New York time: "Thu Dec 3, 9:30 am"."""
    if at is None:
        return ""
    local = timezone.localtime(at)
    return f"{local:%a %b %-d}, {clock_display(local)}"


def day_display(day: dt.date | None) -> str:
    """A day: "Thu Dec 3"."""
    return f"{day:%a %b %-d}" if day else ""

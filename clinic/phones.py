"""Phone numbers, one way for every app: US unless typed with +, stored in E.164."""

import phonenumbers
from django.core.exceptions import ValidationError

INVALID_MESSAGE = "Please enter a phone number with area code, like (212) 555-0123."
E164 = phonenumbers.PhoneNumberFormat.E164
NATIONAL = phonenumbers.PhoneNumberFormat.NATIONAL


def phone_parse(value: str) -> phonenumbers.PhoneNumber:
    """Parse a phone number as typed; raise ValidationError (kind words) if impossible."""
    try:
        number = phonenumbers.parse(value, "US")
    except phonenumbers.NumberParseException as exc:
        raise ValidationError(INVALID_MESSAGE, code="invalid_phone") from exc
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(INVALID_MESSAGE, code="invalid_phone")
    return number


def phone_e164(value: str) -> str:
    """A number as typed, in the E.164 form we store (+12125550123); raise if impossible."""
    return phonenumbers.format_number(phone_parse(value), E164)


def phone_national(value: str) -> str:
    """A number as typed, as people write it ((212) 555-0123); raise if impossible."""
    return phonenumbers.format_number(phone_parse(value), NATIONAL)


def phone_e164_or_none(value: str) -> str | None:
    """The E.164 form of anything that parses as a number (even an unassigned one)."""
    try:
        return phonenumbers.format_number(phonenumbers.parse(value, "US"), E164)
    except phonenumbers.NumberParseException:
        return None


def phone_display(e164: str) -> str:
    """A stored number for staff to read: (212) 555-0123; anything else as it is."""
    try:
        return phonenumbers.format_number(phonenumbers.parse(e164, "US"), NATIONAL)
    except phonenumbers.NumberParseException:
        return e164

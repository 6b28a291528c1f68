"""The warning signs after an exam, and what to do when the office is closed.

Defined once here and used everywhere: procedure pages, the FAQ, the contact page,
emails (through the template tags in `site_tags`) and, as a short pointer without
any symptom word, texts. Plain logic: callers pass the practice's phone numbers. The
words are in the language being served (Spanish in locale/es).
"""

from django.utils.translation import gettext, gettext_noop

# The one list. Pages and emails show it as it stands; texts never name a symptom.
# In English here; `signs()`, `lead()` and `emergency()` give them in the language
# being served (their Spanish is in locale/es).
WARNING_SIGNS = (
    gettext_noop("Fever or chills"),
    gettext_noop("Heavy bleeding"),
    gettext_noop("Severe pain, or pain that gets worse"),
    gettext_noop("Signs of an allergic reaction, such as hives, swelling or trouble breathing"),
)
WARNING_SIGNS_LEAD = gettext_noop(
    "These are not normal after an exam. If you have any of them, call us at once"
)
EMERGENCY = gettext_noop("call 911 or go to the nearest emergency room")


def signs() -> list[str]:
    return [gettext(sign) for sign in WARNING_SIGNS]


def lead() -> str:
    return gettext(WARNING_SIGNS_LEAD)


def emergency() -> str:
    return gettext(EMERGENCY)


def closed_help(after_hours_phone: str = "") -> str:
    """What to do when the office is closed, with the after-hours number when there is one."""
    if after_hours_phone:
        return gettext(
            "When our office is closed, call our after-hours number, %(phone)s. "
            "In an emergency, %(emergency)s."
        ) % {"phone": after_hours_phone, "emergency": emergency()}
    return gettext("When our office is closed, %(emergency)s.") % {"emergency": emergency()}


def closed_help_sms(after_hours_phone: str = "") -> str:
    """The same, short enough for a text."""
    if after_hours_phone:
        return gettext("When we are closed, call %(phone)s, or 911 in an emergency.") % {
            "phone": after_hours_phone
        }
    return gettext("When we are closed, %(emergency)s.") % {"emergency": emergency()}


def warning_signs_text(phone: str, after_hours_phone: str = "") -> str:
    """The block as plain text, for emails."""
    items = "\n".join(f"- {sign}" for sign in signs())
    return gettext(
        "Warning signs after your exam:\n%(items)s\n%(lead)s at %(phone)s. %(closed)s"
    ) % {
        "items": items,
        "lead": lead(),
        "phone": phone,
        "closed": closed_help(after_hours_phone),
    }

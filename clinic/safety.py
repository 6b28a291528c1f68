"""The warning signs after an exam, and what to do when the office is closed.

Defined once here and used everywhere: procedure pages, the FAQ, the contact page,
emails (through the template tags in `site_tags`) and, as a short pointer without
any symptom word, texts. Plain logic: callers pass the practice's phone numbers.
"""

# The one list. Pages and emails show it as it stands; texts never name a symptom.
WARNING_SIGNS = (
    "Fever or chills",
    "Heavy bleeding",
    "Severe pain, or pain that gets worse",
    "Signs of an allergic reaction, such as hives, swelling or trouble breathing",
)
WARNING_SIGNS_LEAD = "These are not normal after an exam. If you have any of them, call us at once"
EMERGENCY = "call 911 or go to the nearest emergency room"


def closed_help(after_hours_phone: str = "") -> str:
    """What to do when the office is closed, with the after-hours number when there is one."""
    if after_hours_phone:
        return (
            f"When our office is closed, call our after-hours number, {after_hours_phone}. "
            f"In an emergency, {EMERGENCY}."
        )
    return f"When our office is closed, {EMERGENCY}."


def closed_help_sms(after_hours_phone: str = "") -> str:
    """The same, short enough for a text."""
    if after_hours_phone:
        return f"When we are closed, call {after_hours_phone}, or 911 in an emergency."
    return f"When we are closed, {EMERGENCY}."


def warning_signs_text(phone: str, after_hours_phone: str = "") -> str:
    """The block as plain text, for emails."""
    items = "\n".join(f"- {sign}" for sign in WARNING_SIGNS)
    return (
        f"Warning signs after your exam:\n{items}\n"
        f"{WARNING_SIGNS_LEAD} at {phone}. {closed_help(after_hours_phone)}"
    )

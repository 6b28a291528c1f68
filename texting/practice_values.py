"""The placeholders a text takes from the practice rather than from a request."""

from django.conf import settings
from django.urls import reverse

from clinic import safety
from clinic.facts import site_facts
from clinic.models import Practice


def office_hours_label() -> str:
    """'Monday to Friday, 9:00 am to 5:00 pm', from the opening hours."""
    groups = site_facts().hours_groups
    if not groups:
        return "during office hours"
    return "; ".join(f"{group.days_label}, {group.times_label}" for group in groups)


def practice_values(practice: Practice) -> dict[str, str]:
    """{closed_help}, {office_hours} and {help_url}: no symptom word in any of them."""
    return {
        "closed_help": safety.closed_help_sms(practice.after_hours_phone),
        "office_hours": office_hours_label(),
        # The warning signs live on the contact page; a text only points there.
        "help_url": settings.SITE_URL + reverse("contact") + "#warning-signs",
    }

from django.conf import settings
from django.utils.functional import SimpleLazyObject

from clinic.facts import site_facts


def practice(request):
    """The practice's profile and hours for every template, loaded only when used."""
    facts = SimpleLazyObject(site_facts)
    return {
        "site": facts,
        "practice": SimpleLazyObject(lambda: facts.practice),
        "SITE_URL": settings.SITE_URL,
        "APPOINTMENT_URL": "/appointments/request/",
    }

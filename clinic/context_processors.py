from django.conf import settings
from django.urls import reverse
from django.utils.functional import SimpleLazyObject

from clinic import i18n
from clinic.facts import site_facts


def practice(request):
    """The practice's profile and hours for every template, loaded only when used; the
    page's language, its address in the other language and its path without prefix."""
    facts = SimpleLazyObject(site_facts)
    language = i18n.path_language(request.path)
    other = i18n.other_language(language)
    return {
        "site": facts,
        "practice": SimpleLazyObject(lambda: facts.practice),
        "SITE_URL": settings.SITE_URL,
        "APPOINTMENT_URL": SimpleLazyObject(lambda: reverse("appointments:request")),
        "LANG": language,
        "PAGE_PATH": i18n.strip_language(request.path),
        "PATH_EN": i18n.path_in(request.path, i18n.ENGLISH),
        "PATH_ES": i18n.path_in(request.path, i18n.SPANISH),
        "OTHER_LANG": other,
        "OTHER_LANG_PATH": i18n.path_in(request.path, other),
    }

"""Which site page is which: the Page row behind each URL, with built-in defaults.

The words of a page live in its Page row (edited in the admin). If the row is
missing or unpublished, the page still works: it shows its built-in heading and
the structured facts (hours, plans, prices), without the prose.
"""

from django.utils.translation import gettext_lazy as _

from clinic.i18n import localized
from clinic.models import Page

DEFAULTS = {
    "home": (
        _("Hysterosalpingogram (HSG) in Manhattan"),
        _("HSG, Lipiodol flush HSG and fallopian tube recanalization in Midtown Manhattan."),
    ),
    "about": (_("About us"), _("Our physician, experience, radiation safety and publications.")),
    "location": (
        _("Location and hours"),
        _("Our address in Midtown Manhattan, hours and directions."),
    ),
    "insurance": (
        _("Insurance and prices"),
        _("The insurance plans we accept and our prices."),
    ),
    "faq": (_("Frequently asked questions"), _("Answers to common questions about HSG and FTR.")),
    "contact": (_("Contact us"), _("Call, email or send us a message.")),
    "privacy": (_("Privacy"), _("How this website handles your information.")),
}


def page_for(slug: str) -> Page:
    """Return the published Page row for `slug` in the language being served, or an
    unsaved one with the defaults."""
    page = Page.objects.published().filter(slug=slug).first()
    if page is None:
        title, description = DEFAULTS[slug]
        return Page(slug=slug, title=str(title), meta_description=str(description))
    return localized(page)

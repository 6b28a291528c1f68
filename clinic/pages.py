"""Which site page is which: the Page row behind each URL, with built-in defaults.

The words of a page live in its Page row (edited in the admin). If the row is
missing or unpublished, the page still works: it shows its built-in heading and
the structured facts (hours, plans, prices), without the prose.
"""

from clinic.models import Page

DEFAULTS = {
    "home": (
        "Hysterosalpingogram (HSG) in Manhattan",
        "HSG, Lipiodol flush HSG and fallopian tube recanalization in Midtown Manhattan.",
    ),
    "about": ("About us", "Our physician, experience, radiation safety and publications."),
    "location": ("Location and hours", "Our address in Midtown Manhattan, hours and directions."),
    "insurance": ("Insurance and prices", "The insurance plans we accept and our prices."),
    "faq": ("Frequently asked questions", "Answers to common questions about HSG and FTR."),
    "contact": ("Contact us", "Call, email or send us a message."),
    "privacy": ("Privacy", "How this website handles your information."),
}


def page_for(slug: str) -> Page:
    """Return the published Page row for `slug`, or an unsaved one with the defaults."""
    page = Page.objects.published().filter(slug=slug).first()
    if page is None:
        title, description = DEFAULTS[slug]
        page = Page(slug=slug, title=title, meta_description=description)
    return page

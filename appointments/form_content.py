"""What the request page shows from the admin's content, cached per content version."""

from __future__ import annotations

from dataclasses import dataclass

from clinic.caching import cached_content
from clinic.models import InsurancePlan, Page, Practice, Price
from clinic.rendering import render_markdown

LIPIODOL_PRICE_FALLBACK = "$1,700"


@dataclass(frozen=True)
class RequestFormContent:
    """What the request page shows from the admin's content, cached per content version.

    An edit to any of these rows starts a new content version (clinic/signals.py), so
    the next request reads them again, in every process.
    """

    practice: Practice
    plans: dict[str, InsurancePlan]  # the active plans by primary key, in order
    lipiodol_price: str
    page: Page | None  # Pages → "appointments": the words around the form
    intro_html: str
    body_html: str


def _load_request_form_content() -> RequestFormContent:
    price = Price.objects.active().filter(label__icontains="lipiodol").first()
    page = Page.objects.published().filter(slug="appointments").first()
    return RequestFormContent(
        practice=Practice.objects.current(),
        plans={str(plan.pk): plan for plan in InsurancePlan.objects.active()},
        lipiodol_price=price.amount_display if price else LIPIODOL_PRICE_FALLBACK,
        page=page,
        intro_html=render_markdown(page.intro) if page and page.intro else "",
        body_html=render_markdown(page.body) if page and page.body else "",
    )


def request_form_content() -> RequestFormContent:
    return cached_content("appointment-request-form", _load_request_form_content)

"""schema.org JSON-LD for the practice, its procedures and its FAQ.

Plain functions that build dicts; the `jsonld` template tag serializes them safely.
"""

from collections.abc import Iterable

from django.utils.html import strip_tags

from clinic.hours import HoursGroup
from clinic.rendering import render_markdown


def _plain(markdown_text: str) -> str:
    """Markdown as plain text, for the `text`-like fields of schema.org types."""
    return " ".join(strip_tags(render_markdown(markdown_text)).split())


def medical_clinic(*, practice, hours_groups: Iterable[HoursGroup], site_url: str) -> dict:
    """A MedicalClinic with address, geo, phone, email and opening hours.

    `hours_groups` are the site facts' (`SiteFacts.hours_groups`), as the footer shows them.
    """
    street = practice.street_address
    if practice.suite:
        street = f"{street}, {practice.suite}"
    return {
        "@context": "https://schema.org",
        "@type": "MedicalClinic",
        "@id": f"{site_url}/#clinic",
        "name": practice.name,
        "url": f"{site_url}/",
        "telephone": practice.phone_e164,
        "email": practice.email,
        "medicalSpecialty": "Radiography",
        "address": {
            "@type": "PostalAddress",
            "streetAddress": street,
            "addressLocality": practice.city,
            "addressRegion": practice.region,
            "postalCode": practice.postal_code,
            "addressCountry": "US",
        },
        "geo": {
            "@type": "GeoCoordinates",
            "latitude": float(practice.latitude),
            "longitude": float(practice.longitude),
        },
        "hasMap": practice.map_url,
        "openingHoursSpecification": [
            {
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": group.day_names,
                "opens": f"{group.opens:%H:%M}",
                "closes": f"{group.closes:%H:%M}",
            }
            for group in hours_groups
        ],
    }


def medical_procedure(*, procedure, site_url: str) -> dict:
    """A MedicalProcedure for one procedure page."""
    data = {
        "@context": "https://schema.org",
        "@type": "MedicalProcedure",
        "name": procedure.name,
        "alternateName": procedure.short_name,
        "description": " ".join(procedure.summary.split()),
        "url": f"{site_url}{procedure.get_absolute_url()}",
    }
    if procedure.preparation_before:
        data["preparation"] = _plain(procedure.preparation_before)
    if procedure.preparation_after:
        data["followup"] = _plain(procedure.preparation_after)
    return data


def _answer(question, warning_signs: str) -> str:
    text = _plain(question.answer)
    if warning_signs and getattr(question, "shows_warning_signs", False):
        text = f"{text} {' '.join(warning_signs.split())}".strip()
    return text


def faq_page(*, questions: Iterable, site_url: str, path: str, warning_signs: str = "") -> dict:
    """An FAQPage listing every question with its answer as plain text.

    A question that shows the warning signs on the page carries them in its answer too.
    """
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "url": f"{site_url}{path}",
        "mainEntity": [
            {
                "@type": "Question",
                "name": question.question,
                "acceptedAnswer": {"@type": "Answer", "text": _answer(question, warning_signs)},
            }
            for question in questions
        ],
    }

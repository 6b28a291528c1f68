"""Template helpers for the public site: Markdown, JSON-LD and the practice's hours."""

import json

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from clinic import jsonld as builders
from clinic import safety
from clinic.rendering import render_markdown

register = template.Library()

# The same escapes as Django's json_script: the data can never close the <script>.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def markdown(text: str) -> SafeString:
    """Render admin-written Markdown to sanitized HTML (nh3)."""
    return render_markdown(text)


@register.inclusion_tag("includes/warning_signs.html")
def warning_signs(practice, heading_level: int = 3) -> dict:
    """The one warning-signs block (clinic/safety.py), with what to do when we are closed."""
    return {
        "practice": practice,
        "signs": safety.WARNING_SIGNS,
        "lead": safety.WARNING_SIGNS_LEAD,
        "closed_help": safety.closed_help(practice.after_hours_phone),
        "heading": f"h{heading_level}",
    }


@register.simple_tag
def warning_signs_text(practice) -> str:
    """The same block as plain text, for emails."""
    return safety.warning_signs_text(practice.phone, practice.after_hours_phone)


@register.simple_tag
def closed_help(practice) -> str:
    """'When our office is closed, call 911 or go to the nearest emergency room.'"""
    return safety.closed_help(practice.after_hours_phone)


@register.simple_tag
def jsonld(data: dict) -> SafeString:
    """A <script type="application/ld+json"> data block, escaped like json_script."""
    payload = json.dumps(data, cls=DjangoJSONEncoder).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))


@register.simple_tag(takes_context=True)
def clinic_jsonld(context) -> SafeString:
    """The MedicalClinic block that every page carries."""
    facts = context["site"]
    return jsonld(
        builders.medical_clinic(
            practice=facts.practice, hours_groups=facts.hours_groups, site_url=settings.SITE_URL
        )
    )


@register.simple_tag
def procedure_jsonld(procedure) -> SafeString:
    return jsonld(builders.medical_procedure(procedure=procedure, site_url=settings.SITE_URL))


@register.simple_tag(takes_context=True)
def faq_jsonld(context, questions) -> SafeString:
    return jsonld(
        builders.faq_page(
            questions=questions,
            site_url=settings.SITE_URL,
            path=context["request"].path,
            warning_signs=warning_signs_text(context["site"].practice),
        )
    )

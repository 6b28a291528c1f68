"""Template helpers for the public site: Markdown, JSON-LD and the practice's hours."""

import json

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from clinic import jsonld as builders
from clinic.rendering import render_markdown

register = template.Library()

# The same escapes as Django's json_script: the data can never close the <script>.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def markdown(text: str) -> SafeString:
    """Render admin-written Markdown to sanitized HTML (nh3)."""
    return render_markdown(text)


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
            practice=facts.practice,
            hours_groups=facts.hours_groups,
            site_url=settings.SITE_URL,
            language=get_language(),
        )
    )


@register.simple_tag
def procedure_jsonld(procedure) -> SafeString:
    return jsonld(
        builders.medical_procedure(
            procedure=procedure, site_url=settings.SITE_URL, language=get_language()
        )
    )


@register.simple_tag(takes_context=True)
def faq_jsonld(context, questions) -> SafeString:
    return jsonld(
        builders.faq_page(
            questions=questions,
            site_url=settings.SITE_URL,
            path=context["request"].path,
            language=get_language(),
        )
    )

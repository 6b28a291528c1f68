from django import template
from django.urls import reverse

from audit.recording import audited_label

register = template.Library()


@register.simple_tag(takes_context=True)
def access_history_url(context, obj) -> str:
    """The record's access history page, for staff allowed to see it; else ''."""
    request = context.get("request")
    if obj is None or request is None or not request.user.has_perm("audit.view_access_history"):
        return ""
    label = audited_label(type(obj))
    if label is None or obj.pk is None:
        return ""
    return reverse("admin:audit_record_history", args=[label, obj.pk])

"""The conversation on a request's admin page: texts both ways, oldest first."""

from django import template

from texting.models import InboundMessage, OutboundMessage

register = template.Library()


@register.simple_tag
def text_thread(appointment_request) -> list[dict]:
    """Return the request's texts, sent and received, in time order."""
    if appointment_request is None or appointment_request.pk is None:
        return []
    items = [
        {
            "when": m.sent_at or m.send_at,
            "outbound": True,
            "kind": m.get_kind_display()
            + (f", {m.sent_by.get_full_name() or m.sent_by.get_username()}" if m.sent_by else ""),
            "status": m.get_status_display(),
            "detail": m.delivery_status or m.last_error,
            "body": m.body,
            "url": m.get_admin_url(),
            "message": m,
        }
        for m in OutboundMessage.objects.filter(request=appointment_request).select_related(
            "sent_by"
        )
    ]
    confirmed = set(appointment_request.text_confirmations.values_list("inbound_id", flat=True))
    items += [
        {
            "when": m.received_at,
            "outbound": False,
            "kind": m.get_kind_display(),
            "status": "Read" if m.is_read else "Unread",
            "detail": ", ".join(
                label
                for flag, label in [
                    (m.is_urgent, "URGENT"),
                    (m.needs_attention, "needs attention"),
                    (m.pk in confirmed, "confirmed the visit"),
                ]
                if flag
            ),
            "body": m.body,
            "url": m.get_admin_url(),
            "message": m,
        }
        for m in InboundMessage.objects.filter(request=appointment_request)
    ]
    return sorted(items, key=lambda item: item["when"])

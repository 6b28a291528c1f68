"""The conversation on an admin page: texts both ways about one subject, oldest first."""

from django import template

from texting.models import InboundMessage, OutboundMessage

register = template.Library()


@register.simple_tag
def text_thread(subject_id) -> list[dict]:
    """Return the texts about `subject_id` (see `texting.registry`), both ways, in order."""
    if subject_id is None:
        return []
    items = [
        {
            "when": m.sent_at or m.send_at,
            "outbound": True,
            "kind": m.kind_label
            + (f", {m.sent_by.get_full_name() or m.sent_by.get_username()}" if m.sent_by else ""),
            "status": m.get_status_display(),
            "detail": m.delivery_status or m.last_error,
            "body": m.body,
            "url": m.get_admin_url(),
            "message": m,
        }
        for m in OutboundMessage.objects.texts()
        .filter(subject_id=subject_id)
        .select_related("sent_by")
    ]
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
                    (m.kind == InboundMessage.Kind.CONFIRMATION, "confirmed the visit"),
                ]
                if flag
            ),
            "body": m.body,
            "url": m.get_admin_url(),
            "message": m,
        }
        for m in InboundMessage.objects.filter(subject_id=subject_id)
    ]
    return sorted(items, key=lambda item: item["when"])


@register.simple_tag
def latest_reply(subject_id) -> InboundMessage | None:
    """The patient's latest text about `subject_id`: the conversation opens from it."""
    if subject_id is None:
        return None
    return InboundMessage.objects.filter(subject_id=subject_id).order_by("-received_at").first()

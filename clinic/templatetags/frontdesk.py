"""The admin's home counts and the alert banner on every admin page."""

from django import template

from clinic import frontdesk

register = template.Library()


@register.simple_tag
def front_desk_counts() -> list[frontdesk.Count]:
    return frontdesk.today_counts()


@register.simple_tag(takes_context=True)
def front_desk_alerts(context) -> list[frontdesk.Alert]:
    """Alerts for a signed-in staff member; nothing on the login page."""
    user = getattr(context.get("request"), "user", None)
    if user is None or not user.is_active or not user.is_staff:
        return []
    return frontdesk.current_alerts()

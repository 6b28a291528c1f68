from django import template

from appointments.wording import plan_message as _plan_message

register = template.Library()


@register.simple_tag(takes_context=True)
def plan_message(context, plan):
    """The window's sentence for `plan`, with the practice from the page's context."""
    return _plan_message(plan, context["practice"])

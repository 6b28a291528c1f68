"""The error summary at the top of a form (the GOV.UK pattern): one link per problem."""

from django import forms, template

register = template.Library()

# Long labels (the texting consent is a paragraph) are cut to this many characters.
LABEL_LIMIT = 60


def field_anchor(bound: forms.BoundField) -> str:
    """The id of the control a link should land on: the first radio of a group."""
    widget = bound.field.widget
    if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
        return f"{bound.auto_id}_0"
    return bound.id_for_label or bound.auto_id


def _short(label: str) -> str:
    label = str(label)
    return label if len(label) <= LABEL_LIMIT else label[: LABEL_LIMIT - 1].rstrip() + "…"


@register.simple_tag
def error_summary(form: forms.Form) -> list[dict]:
    """The form's problems in page order: {"anchor", "label", "message"} each.

    Errors of the whole form (and of hidden fields, which have nowhere to show) come
    first, without a link.
    """
    items = [{"anchor": "", "label": "", "message": str(e)} for e in form.non_field_errors()]
    for bound in form:
        if not bound.errors:
            continue
        if bound.is_hidden:
            items += [{"anchor": "", "label": "", "message": str(e)} for e in bound.errors]
            continue
        items.append(
            {
                "anchor": field_anchor(bound),
                "label": _short(bound.label),
                "message": str(bound.errors[0]),
            }
        )
    return items

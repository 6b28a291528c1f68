"""The request form's messages in the site's own words, never Django's stock ones."""

from django import forms
from django.utils.translation import gettext_lazy as _

EMAIL_INVALID_MESSAGE = _("Please enter an email address like name@example.com.")


def site_words(fields: dict) -> None:
    """Replace Django's stock messages the form has not already reworded with ours."""
    for field in fields.values():
        messages = field.error_messages
        if messages.get("required") == forms.Field.default_error_messages["required"]:
            messages["required"] = _("Please fill this in.")
        if "invalid_choice" in messages:
            messages["invalid_choice"] = _("Please pick one of the choices.")

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from clinic.captcha import CaptchaFormMixin, HoneypotFormMixin
from clinic.models import ContactMessage

PHONE_CHARACTERS = re.compile(r"^[0-9+().\-\s]*$")


def _max_length(field: str) -> int:
    return ContactMessage._meta.get_field(field).max_length


class ContactForm(CaptchaFormMixin, HoneypotFormMixin, forms.Form):
    """The 'drop us a line' form."""

    captcha_action = "contact"

    name = forms.CharField(
        label=_("Your name"),
        max_length=_max_length("name"),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={
            "required": _("Please tell us your name."),
            "max_length": _("Please keep your name to %(limit_value)d characters or fewer."),
        },
    )
    email = forms.EmailField(
        label=_("Email"),
        max_length=_max_length("email"),
        help_text=_("We answer by email."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Please give us your email, so we can answer you."),
            "invalid": _("Please enter an email address like name@example.com."),
            "max_length": _("Please use an email address of %(limit_value)d characters or fewer."),
        },
    )
    phone = forms.CharField(
        label=_("Phone (optional)"),
        required=False,
        max_length=_max_length("phone"),
        help_text=_("If you would like us to call you back."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        error_messages={
            "max_length": _("Please keep the phone number to %(limit_value)d characters or fewer."),
        },
    )
    message = forms.CharField(
        label=_("Your message"),
        max_length=_max_length("message"),
        help_text=_("Please do not include medical details. We will reply by email or phone."),
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": _("Please write your message."),
            "max_length": _("Please keep your message to %(limit_value)d characters or fewer."),
        },
    )

    def clean_phone(self) -> str:
        phone = self.cleaned_data["phone"].strip()
        digits = re.sub(r"\D", "", phone)
        if phone and (not PHONE_CHARACTERS.match(phone) or not 7 <= len(digits) <= 15):
            raise ValidationError(
                _("Please enter a phone number with digits only, like (212) 555-0123."),
                code="invalid",
            )
        return phone

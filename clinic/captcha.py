"""reCAPTCHA v3 for the public forms: invisible, scored, and never a 500.

django-recaptcha's own v3 widget renders an inline script, which our CSP forbids;
this widget renders only the hidden input, and static/js/recaptcha.js fetches the
token on submit. The field turns a network failure to Google into a form error.
"""

import logging
from urllib.error import URLError

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django_recaptcha.fields import ReCaptchaField
from django_recaptcha.widgets import ReCaptchaV3

logger = logging.getLogger(__name__)

UNREACHABLE_MESSAGE = _(
    "We could not check that this form was sent by a person, because our spam "
    "check did not answer. Your answers are kept below. Please try again in a "
    "minute, or call us."
)
FAILED_MESSAGE = _(
    "Our spam check could not confirm this form. Your answers are kept below. "
    "Please try again, or call us."
)


def captcha_enabled() -> bool:
    return bool(settings.RECAPTCHA_PUBLIC_KEY and settings.RECAPTCHA_PRIVATE_KEY)


class CaptchaWidget(ReCaptchaV3):
    template_name = "includes/recaptcha_v3.html"


class CaptchaField(ReCaptchaField):
    widget = CaptchaWidget
    default_error_messages = {
        "captcha_invalid": FAILED_MESSAGE,
        "captcha_error": UNREACHABLE_MESSAGE,
        "required": FAILED_MESSAGE,
    }

    def get_remote_ip(self):
        # The library walks the stack for a request; the form hands us the IP.
        return getattr(self, "remote_ip", None)

    def validate(self, value):
        try:
            super().validate(value)
        except ValidationError:
            raise
        except (TimeoutError, URLError, OSError, ValueError) as exc:
            # Network trouble or an unreadable answer from Google. Logged without
            # any form data.
            logger.warning("reCAPTCHA verify failed: %s", type(exc).__name__)
            raise ValidationError(
                self.error_messages["captcha_error"], code="captcha_error"
            ) from exc


class CaptchaFormMixin:
    """Adds the captcha field when keys are configured. Pass `remote_ip` to the form."""

    captcha_action = "submit"

    def __init__(self, *args, remote_ip: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if captcha_enabled():
            field = CaptchaField(
                widget=CaptchaWidget(
                    action=self.captcha_action,
                    required_score=settings.RECAPTCHA_REQUIRED_SCORE,
                ),
                label="",
            )
            field.remote_ip = remote_ip
            self.fields["captcha"] = field

    def clean(self):
        cleaned = super().clean()
        # The captcha's input is hidden, and form layouts do not show a hidden
        # field's errors: repeat them as form errors so that people see them.
        for error in self.errors.get("captcha", []):
            if error not in self.non_field_errors():
                self.add_error(None, error)
        return cleaned


class HoneypotFormMixin:
    """A field people never see; bots fill it in. A filled honeypot fails quietly."""

    honeypot_name = "website"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[self.honeypot_name] = forms.CharField(
            required=False,
            label=_("Leave this field empty"),
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get(self.honeypot_name):
            raise ValidationError(FAILED_MESSAGE, code="honeypot")
        return cleaned

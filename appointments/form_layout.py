"""How the request form is laid out: its sections, in the order a patient fills them."""

from crispy_forms.layout import HTML, Div, Fieldset, Layout, Submit
from django.utils.translation import gettext_lazy as _

from clinic.captcha import HoneypotFormMixin


def request_form_layout(*, with_captcha: bool) -> Layout:
    extra = [Div(HoneypotFormMixin.honeypot_name, css_class="hp-field", aria_hidden="true")]
    if with_captcha:
        extra.append("captcha")
    return Layout(
        "submission_key",
        Fieldset(_("Your exam"), "procedure"),
        Fieldset(
            _("Your cycle"),
            HTML('{% include "appointments/includes/cycle_note.html" %}'),
            "last_period_start",
            "cycle_irregular",
            "cycle_length",
            HTML('{% include "appointments/includes/window.html" %}'),
        ),
        Fieldset(
            _("When can you come?"),
            HTML('{% include "appointments/includes/times.html" %}'),
            "preferred_date_1",
            "preferred_date_2",
            "preferred_date_3",
            "preferred_time",
        ),
        Fieldset(_("About you"), "first_name", "last_name", "date_of_birth", "phone", "email"),
        Fieldset(
            _("Insurance and your doctor"),
            "insurance",
            "insurance_other",
            "referring_physician",
            "referring_physician_phone",
            "referring_physician_fax",
        ),
        Fieldset(
            _("A few health questions"),
            "may_be_pregnant",
            "contrast_allergy",
            "pelvic_infection_history",
            "lipiodol_interest",
        ),
        Fieldset(_("Texts"), "sms_consent"),
        Fieldset(_("Anything else?"), "notes"),
        *extra,
        Submit("submit", _("Send my request"), css_class="btn btn-primary btn-lg"),
    )

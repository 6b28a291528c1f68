"""How the request form is laid out: its sections, in the order a patient fills them."""

from crispy_forms.layout import HTML, Div, Fieldset, Layout, Submit

from clinic.captcha import HoneypotFormMixin


def request_form_layout(*, with_captcha: bool) -> Layout:
    extra = [Div(HoneypotFormMixin.honeypot_name, css_class="hp-field", aria_hidden="true")]
    if with_captcha:
        extra.append("captcha")
    return Layout(
        "submission_key",
        Fieldset("Your exam", "procedure"),
        Fieldset(
            "Your cycle",
            HTML(
                "<p>An HSG is done on days {{ practice.window_start_day }} to "
                "{{ practice.window_end_day }} of your cycle: after your period stops "
                "and before you ovulate.</p>"
            ),
            "last_period_start",
            "cycle_irregular",
            "cycle_length",
            HTML('{% include "appointments/includes/window.html" %}'),
        ),
        Fieldset(
            "When can you come?",
            "preferred_date_1",
            "preferred_date_2",
            "preferred_date_3",
            "preferred_time",
        ),
        Fieldset("About you", "first_name", "last_name", "date_of_birth", "phone", "email"),
        Fieldset(
            "Insurance and your doctor",
            "insurance",
            "insurance_other",
            "referring_physician",
            "referring_physician_phone",
            "referring_physician_fax",
        ),
        Fieldset(
            "A few health questions",
            "may_be_pregnant",
            "contrast_allergy",
            "pelvic_infection_history",
            "lipiodol_interest",
        ),
        Fieldset("Texts", "sms_consent"),
        Fieldset("Anything else?", "notes"),
        *extra,
        Submit("submit", "Send my request", css_class="btn btn-primary btn-lg"),
    )

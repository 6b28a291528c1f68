"""The patient's request form.

Its cached content is `form_content.py`, its cycle questions `form_cycle.py`; the manage
page's forms are `manage_forms.py`.
"""

from __future__ import annotations

import datetime as dt
import uuid

from crispy_forms.helper import FormHelper
from django import forms
from django.core.exceptions import ValidationError
from django.utils import formats
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from appointments import cycle
from appointments.availability import ClinicCalendar
from appointments.booking_forms import SlotFormMixin
from appointments.form_content import RequestFormContent, request_form_content
from appointments.form_cycle import CycleFormMixin
from appointments.form_layout import request_form_layout
from appointments.form_words import EMAIL_INVALID_MESSAGE, site_words
from appointments.models import AppointmentRequest
from clinic import i18n
from clinic.captcha import CaptchaFormMixin, HoneypotFormMixin
from clinic.i18n import localized
from clinic.models import InsurancePlan
from clinic.phones import phone_e164, phone_national
from procedures.models import Procedure

# The exact words the patient agrees to; stored with the request.
SMS_CONSENT_TEXT = _(
    "Yes, text me about this request at the mobile number above: when we get it, "
    "when it is booked, a reminder the day before and a check-in after. "
    "Message and data rates may apply. Reply STOP to stop, HELP for help."
)
INSURANCE_OTHER = "other"
INSURANCE_SELF_PAY = "self_pay"
OLDEST_PATIENT_AGE = 65
YOUNGEST_PATIENT_AGE = 15


def date_input():
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def plan_label(plan: InsurancePlan) -> str:
    """A plan as the form lists it, its note in the language being served."""
    note = localized(plan).note
    return f"{plan.name} ({note})" if note else plan.name


def age_on(born: dt.date, today: dt.date) -> int:
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


class AppointmentRequestForm(
    CycleFormMixin, SlotFormMixin, CaptchaFormMixin, HoneypotFormMixin, forms.ModelForm
):
    captcha_action = "appointment"

    # One per form display: a double click or a resent form finds the first request.
    submission_key = forms.CharField(widget=forms.HiddenInput, required=False)
    # Typed as the patient likes, "+1 (212) 555-0123" included; stored as E.164.
    phone = forms.CharField(
        label=_("Mobile phone"),
        max_length=30,
        help_text=_("We call or text you on this number to book your exam."),
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    insurance = forms.ChoiceField(
        label=_("Insurance"),
        help_text=_("Pick your plan. If it is not on the list, pick “Other plan”."),
    )

    class Meta:
        model = AppointmentRequest
        fields = [
            "procedure",
            "last_period_start",
            "cycle_irregular",
            "cycle_length",
            "preferred_date_1",
            "preferred_date_2",
            "preferred_date_3",
            "preferred_time",
            "first_name",
            "last_name",
            "date_of_birth",
            "phone",
            "email",
            "insurance_other",
            "referring_physician",
            "referring_physician_phone",
            "referring_physician_fax",
            "contrast_allergy",
            "pelvic_infection_history",
            "lipiodol_interest",
            "may_be_pregnant",
            "sms_consent",
            "notes",
        ]
        labels = {
            "procedure": _("Which exam do you need?"),
            "last_period_start": _("First day of your last period"),
            "cycle_irregular": _("My periods are irregular, or I am on birth control"),
            "cycle_length": _("How many days is your usual cycle? (optional)"),
            "preferred_date_1": _("First choice"),
            "preferred_date_2": _("Second choice (optional)"),
            "preferred_date_3": _("Third choice (optional)"),
            "preferred_time": _("Best time of day"),
            "first_name": _("First name"),
            "last_name": _("Last name"),
            "date_of_birth": _("Date of birth"),
            "phone": _("Mobile phone"),
            "email": _("Email"),
            "insurance_other": _("Name of your plan"),
            "referring_physician": _("Your doctor's name (optional)"),
            "referring_physician_phone": _("Your doctor's phone (optional)"),
            "referring_physician_fax": _("Your doctor's fax (optional)"),
            "contrast_allergy": _("I have had an allergic reaction to X-ray or CT contrast (dye)"),
            "pelvic_infection_history": _("I have had a pelvic infection (such as PID)"),
            "may_be_pregnant": _("Could you be pregnant?"),
            "sms_consent": SMS_CONSENT_TEXT,
            "notes": _("Anything else we should know? (optional)"),
        }
        help_texts = {
            "procedure": _("Not sure? Pick HSG. Your doctor's referral says which one."),
            "last_period_start": _(
                "Day 1 is the first day of bleeding. We use it to find the days that suit "
                "your exam."
            ),
            "cycle_length": _(
                "From the first day of one period to the first day of the next. "
                "Most people have 21 to 35 days. Leave it blank if you are not sure."
            ),
            "preferred_date_1": _("Pick a day we are open inside your best days."),
            "date_of_birth": _("We use it to find your record. It is not shared."),
            "phone": _("We call or text you on this number to book your exam."),
            "email": _("We send your booking and a calendar file here."),
            "insurance_other": _("Only if you picked “Other plan”."),
            "referring_physician": _("The doctor who sent you. We fax the report to them."),
            "contrast_allergy": _("We can use a different contrast (gadolinium) instead."),
            "pelvic_infection_history": _("Your doctor may want you to take an antibiotic first."),
            "may_be_pregnant": _("If yes or not sure, please call us before we book your exam."),
            "notes": _("Please do not write more than 2,000 characters."),
        }
        widgets = {
            "procedure": forms.RadioSelect,
            "last_period_start": date_input(),
            "preferred_date_1": date_input(),
            "preferred_date_2": date_input(),
            "preferred_date_3": date_input(),
            "date_of_birth": date_input(),
            "preferred_time": forms.RadioSelect,
            "may_be_pregnant": forms.RadioSelect,
            "first_name": forms.TextInput(attrs={"autocomplete": "given-name"}),
            "last_name": forms.TextInput(attrs={"autocomplete": "family-name"}),
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "referring_physician_phone": forms.TextInput(attrs={"type": "tel"}),
            "referring_physician_fax": forms.TextInput(attrs={"type": "tel"}),
            "cycle_length": forms.NumberInput(
                attrs={"min": cycle.MIN_CYCLE_LENGTH, "max": cycle.MAX_CYCLE_LENGTH}
            ),
            "notes": forms.Textarea(attrs={"rows": 4, "maxlength": 2000}),
        }

    def __init__(
        self,
        *args,
        calendar: ClinicCalendar,
        content: RequestFormContent | None = None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.calendar = calendar
        content = content or request_form_content()
        self.plan: cycle.WindowPlan | None = None
        if not self.is_bound:
            self.initial.setdefault("submission_key", uuid.uuid4())

        fields = self.fields
        fields["procedure"].queryset = Procedure.objects.bookable()
        fields["procedure"].label_from_instance = lambda procedure: localized(procedure).name
        fields["procedure"].empty_label = None
        fields["procedure"].error_messages["required"] = _("Please pick an exam.")
        fields["preferred_time"].choices = AppointmentRequest.TimeOfDay.choices
        fields["may_be_pregnant"].choices = AppointmentRequest.Pregnancy.choices
        fields["may_be_pregnant"].required = True
        fields["may_be_pregnant"].error_messages["required"] = _(
            "Please answer yes, no or not sure."
        )
        # Kept for `request_fields`: the chosen plan without another query.
        self.plans = content.plans
        fields["insurance"].choices = [
            ("", _("Choose your plan")),
            *((pk, plan_label(plan)) for pk, plan in self.plans.items()),
            (INSURANCE_OTHER, _("Other plan")),
            (INSURANCE_SELF_PAY, _("No insurance: I will pay myself")),
        ]
        fields["lipiodol_interest"].label = gettext(
            "I am interested in Lipiodol (%(price)s, which insurers do not cover)"
        ) % {"price": content.lipiodol_price}
        fields["lipiodol_interest"].help_text = _(
            "Insurance does not cover Lipiodol. We only use it if your tubes are open."
        )
        for name in ("first_name", "last_name", "email", "phone"):
            fields[name].error_messages["required"] = _("Please fill this in.")
        fields["date_of_birth"].error_messages["required"] = _("Please enter your date of birth.")
        for field in fields.values():
            if isinstance(field, forms.DateField):
                field.error_messages["invalid"] = _("Please enter a real date, like 03/14/1990.")
            if isinstance(field, forms.CharField) and field.max_length:
                field.validators = [
                    v for v in field.validators if type(v).__name__ != "MaxLengthValidator"
                ]
                field.validators.append(_max_length(field.max_length))
        fields["cycle_length"].error_messages["invalid"] = _("Please enter a number of days.")
        fields["email"].error_messages["invalid"] = EMAIL_INVALID_MESSAGE
        fields["insurance"].error_messages["required"] = _(
            "Please pick your plan, or “Other plan”."
        )
        site_words(fields)
        self.add_slot_field()

        self.helper = FormHelper()
        self.helper.form_tag = False
        # crispy-bootstrap5's markup, in a template cut down to this form's fields.
        self.helper.field_template = "appointments/includes/field.html"
        self.helper.layout = request_form_layout(with_captcha="captcha" in self.fields)

    # --- Fields ------------------------------------------------------------------

    def clean_submission_key(self) -> uuid.UUID:
        try:
            return uuid.UUID(self.cleaned_data.get("submission_key") or "")
        except ValueError:
            return uuid.uuid4()

    def clean_phone(self) -> str:
        return phone_e164(self.cleaned_data["phone"])

    def _clean_doctor_number(self, name: str) -> str:
        value = self.cleaned_data.get(name, "")
        if not value:
            return ""
        return phone_national(value)

    def clean_referring_physician_phone(self) -> str:
        return self._clean_doctor_number("referring_physician_phone")

    def clean_referring_physician_fax(self) -> str:
        return self._clean_doctor_number("referring_physician_fax")

    def clean_date_of_birth(self) -> dt.date:
        born = self.cleaned_data["date_of_birth"]
        today = self.calendar.today
        if born >= today:
            raise ValidationError(_("Your date of birth must be in the past."), code="future")
        age = age_on(born, today)
        if not YOUNGEST_PATIENT_AGE <= age <= OLDEST_PATIENT_AGE:
            raise ValidationError(
                _(
                    "Please check the year of your date of birth. If it is right, please "
                    "call us and we will help you."
                ),
                code="implausible",
            )
        return born

    # --- The whole form ----------------------------------------------------------

    def clean(self):
        cleaned = super().clean()
        self._clean_insurance(cleaned)
        self._clean_cycle(cleaned)
        self.clean_slot_choice(cleaned)
        return cleaned

    def _clean_insurance(self, cleaned: dict) -> None:
        choice = cleaned.get("insurance")
        if choice == INSURANCE_OTHER and not cleaned.get("insurance_other"):
            self.add_error("insurance_other", _("Please write the name of your plan."))

    def request_fields(self) -> dict:
        """The cleaned values as model fields, for the create service."""
        data = {
            name: self.cleaned_data.get(name)
            for name in self.Meta.fields
            if name in self.cleaned_data
        }
        choice = self.cleaned_data["insurance"]
        data["self_pay"] = choice == INSURANCE_SELF_PAY
        # A valid choice is one of the plans loaded for the form's choices.
        data["insurance_plan"] = self.plans.get(choice)
        if choice != INSURANCE_OTHER:
            data["insurance_other"] = ""
        if data.get("cycle_irregular"):
            data["last_period_start"] = None
        if data.get("sms_consent"):
            data["sms_consent_text"] = str(SMS_CONSENT_TEXT)
        data["language"] = i18n.current_language()
        return data


def _max_length(limit: int):
    def validate(value):
        if value is not None and len(value) > limit:
            raise ValidationError(
                gettext("Please use %(limit)s characters or fewer (this has %(count)s).")
                % {"limit": limit, "count": formats.number_format(len(value), force_grouping=True)},
                code="max_length",
            )

    return validate

"""The small forms of the patient's manage page: her birth date, cancel, other days."""

from __future__ import annotations

import datetime as dt

from crispy_forms.helper import FormHelper
from django import forms

from appointments import cycle
from appointments.availability import ClinicCalendar
from appointments.forms import NEXT_MONTHS_MESSAGE, date_input, day_refusal


class DateOfBirthForm(forms.Form):
    date_of_birth = forms.DateField(
        label="Your date of birth",
        help_text="To keep your request private, please confirm it is you.",
        widget=date_input(),
        error_messages={
            "required": "Please enter your date of birth.",
            "invalid": "Please enter a real date, like 03/14/1990.",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False


class PatientCancelForm(forms.Form):
    reason = forms.CharField(
        label="Why are you cancelling? (optional)",
        required=False,
        # Stored after "Cancelled by the patient: " in a 200-character field, uncut.
        max_length=170,
        widget=forms.TextInput,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False


class OtherDatesForm(forms.Form):
    """A patient asks for other days: up to three, checked like the request form."""

    date_1 = forms.DateField(label="First choice", widget=date_input())
    date_2 = forms.DateField(label="Second choice (optional)", required=False, widget=date_input())
    date_3 = forms.DateField(label="Third choice (optional)", required=False, widget=date_input())

    def __init__(self, *args, calendar: ClinicCalendar, **kwargs):
        super().__init__(*args, **kwargs)
        self.calendar = calendar
        self.helper = FormHelper()
        self.helper.form_tag = False
        for field in self.fields.values():
            field.error_messages["invalid"] = "Please enter a real date, like 03/14/2027."
            field.error_messages["required"] = "Please pick at least one day."

    def clean(self):
        cleaned = super().clean()
        for name in ("date_1", "date_2", "date_3"):
            day = cleaned.get(name)
            if day and not cycle.irregular_days_ok(
                day, calendar=self.calendar.calendar, today=self.calendar.today
            ):
                self.add_error(name, day_refusal(day, self.calendar, NEXT_MONTHS_MESSAGE))
        return cleaned

    @property
    def dates(self) -> list[dt.date]:
        return [
            self.cleaned_data[n] for n in ("date_1", "date_2", "date_3") if self.cleaned_data.get(n)
        ]

"""The small forms of the patient's manage page: her birth date, cancel, other days."""

from __future__ import annotations

import datetime as dt

from crispy_forms.helper import FormHelper
from django import forms
from django.utils.translation import gettext_lazy as _

from appointments import cycle
from appointments.availability import ClinicCalendar
from appointments.form_cycle import NEXT_MONTHS_MESSAGE, day_refusal
from appointments.forms import date_input
from appointments.wording import day_label


class DateOfBirthForm(forms.Form):
    date_of_birth = forms.DateField(
        label=_("Your date of birth"),
        help_text=_("To keep your request private, please confirm it is you."),
        widget=date_input(),
        error_messages={
            "required": _("Please enter your date of birth."),
            "invalid": _("Please enter a real date, like 03/14/1990."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False


class PatientCancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Why are you cancelling? (optional)"),
        required=False,
        # Stored after "Cancelled by the patient: " in a 200-character field, uncut.
        max_length=170,
        widget=forms.TextInput,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False


class OfferedDaySelect(forms.Select):
    """The open days as choices; a value sent that is not one of them is kept as typed."""

    def optgroups(self, name, value, attrs=None):
        known = {str(choice[0]) for choice in self.choices}
        unknown = [v for v in value if v and v not in known]
        if unknown:
            self.choices = [*self.choices, *((v, v) for v in unknown)]
        return super().optgroups(name, value, attrs)


class OtherDatesForm(forms.Form):
    """A patient asks for other days: up to three, with the request form's rules.

    With a window she picks from its open days (or the next window's, once this one
    is no use), as the request form offers them; with an irregular cycle, any open day
    in the next 3 months.
    """

    date_1 = forms.DateField(label=_("First choice"), widget=date_input())
    date_2 = forms.DateField(
        label=_("Second choice (optional)"), required=False, widget=date_input()
    )
    date_3 = forms.DateField(
        label=_("Third choice (optional)"), required=False, widget=date_input()
    )
    NAMES = ("date_1", "date_2", "date_3")

    def __init__(self, *args, calendar: ClinicCalendar, plan: cycle.WindowPlan, **kwargs):
        super().__init__(*args, **kwargs)
        self.calendar = calendar
        self.plan = plan
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.offered = [] if plan.state == cycle.State.IRREGULAR else plan.offered_days
        for index, name in enumerate(self.NAMES):
            field = self.fields[name]
            field.error_messages["invalid"] = _("Please enter a real date, like 03/14/2027.")
            field.error_messages["required"] = _("Please pick at least one day.")
            if self.offered:
                none = _("Choose a day") if index == 0 else _("No other choice")
                field.widget = OfferedDaySelect(
                    choices=[
                        ("", none),
                        *((d.isoformat(), day_label(d)) for d in self.offered),
                    ]
                )

    @property
    def has_days(self) -> bool:
        """False when her window gives no day at all: she should call on day 1."""
        return self.plan.state == cycle.State.IRREGULAR or bool(self.offered)

    def clean(self):
        cleaned = super().clean()
        for name in self.NAMES:
            day = cleaned.get(name)
            if day is None:
                continue
            if self.plan.state == cycle.State.IRREGULAR:
                if not cycle.irregular_days_ok(
                    day, calendar=self.calendar.calendar, today=self.calendar.today
                ):
                    self.add_error(name, day_refusal(day, self.calendar, NEXT_MONTHS_MESSAGE))
            elif day not in self.offered:
                self.add_error(
                    name,
                    day_refusal(
                        day, self.calendar, "This day is outside your best days for the exam."
                    ),
                )
        seen = [cleaned.get(n) for n in self.NAMES if cleaned.get(n)]
        if len(seen) != len(set(seen)):
            self.add_error("date_2", "Please pick different days for each choice.")
        return cleaned

    @property
    def dates(self) -> list[dt.date]:
        return [self.cleaned_data[n] for n in self.NAMES if self.cleaned_data.get(n)]

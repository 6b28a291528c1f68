"""The small forms behind the front desk's buttons: book, cancel, confirm."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils import timezone

from appointments.booking_forms import parse_slot
from appointments.models import AppointmentRequest
from clinic.phones import phone_display, phone_e164


class AppointmentRequestAdminForm(forms.ModelForm):
    """The request's own details, which staff may correct; the phone stays E.164."""

    class Meta:
        model = AppointmentRequest
        fields = [
            "procedure",
            "preferred_date_1",
            "preferred_date_2",
            "preferred_date_3",
            "preferred_time",
            "last_period_start",
            "cycle_irregular",
            "cycle_length",
            "first_name",
            "last_name",
            "date_of_birth",
            "phone",
            "email",
            "insurance_plan",
            "insurance_other",
            "self_pay",
            "referring_physician",
            "referring_physician_phone",
            "referring_physician_fax",
            "contrast_allergy",
            "pelvic_infection_history",
            "lipiodol_interest",
            "notes",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and "phone" in self.fields:
            # Shown as people write it; stored as E.164 again on save.
            self.initial["phone"] = phone_display(self.instance.phone)

    def clean_phone(self) -> str:
        return phone_e164(self.cleaned_data["phone"])


class RenderedElsewhere(forms.HiddenInput):
    """A field whose inputs the template draws itself (the list of free times)."""

    def render(self, name, value, attrs=None, renderer=None):
        return ""


class ScheduleForm(forms.Form):
    # The status the page showed: if someone else moved the request since, nothing is saved.
    seen_status = forms.CharField(widget=forms.HiddenInput, required=False)
    date = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    time = forms.TimeField(
        widget=forms.TimeInput(attrs={"type": "time", "step": 300}, format="%H:%M"),
        help_text="New York time.",
    )
    override = forms.BooleanField(
        label="Book outside the window",
        required=False,
        help_text="Only when the patient's cycle window does not fit; say why below.",
    )
    override_reason = forms.CharField(
        label="Reason for booking outside the window", max_length=200, required=False
    )
    # A time picked from the list of free times (see staff_times.html) wins over date and time.
    slot = forms.CharField(required=False, max_length=40, widget=RenderedElsewhere)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["date"].required = self.fields["time"].required = False

    def clean(self):
        cleaned = super().clean()
        picked = parse_slot(cleaned.get("slot") or "")
        if picked is not None:
            local = timezone.localtime(picked)
            cleaned["date"], cleaned["time"] = local.date(), local.time()
            self.errors.pop("date", None)
            self.errors.pop("time", None)
        else:
            for name in ("date", "time"):
                if cleaned.get(name) is None and name not in self.errors:
                    self.add_error(name, "Pick a free time above, or fill this in.")
        if cleaned.get("override") and not cleaned.get("override_reason", "").strip():
            self.add_error("override_reason", "Please say why.")
        return cleaned

    @property
    def at(self) -> dt.datetime:
        naive = dt.datetime.combine(self.cleaned_data["date"], self.cleaned_data["time"])
        return timezone.make_aware(naive)

    @property
    def reason(self) -> str:
        if self.cleaned_data.get("override"):
            return self.cleaned_data["override_reason"]
        return ""


class CancelForm(forms.Form):
    reason = forms.CharField(
        max_length=180, help_text="For example: patient called, pregnant, chose another office."
    )


class ConfirmForm(forms.Form):
    """No fields: the button is the answer."""


class EarlyMoveForm(forms.Form):
    """Mark completed / no-show: refused before the booked time unless staff say why."""

    early = forms.BooleanField(
        label="Before the booked time",
        required=False,
        help_text="Only for a real exception, e.g. the patient came in early.",
    )
    early_reason = forms.CharField(
        label="Why, if before the booked time", max_length=150, required=False
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("early") and not cleaned.get("early_reason", "").strip():
            self.add_error("early_reason", "Please say why.")
        return cleaned

    @property
    def reason(self) -> str:
        return self.cleaned_data["early_reason"] if self.cleaned_data.get("early") else ""

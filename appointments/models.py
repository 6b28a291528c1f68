"""Appointment requests from patients, and what the front desk does with them."""

import datetime
import secrets

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

# Crockford's base32 without look-alike letters: easy to read out on the phone.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
# A usual cycle shorter than this may bring ovulation inside the window: the front desk
# is flagged and confirms the day with the patient (the window rule itself stays).
SHORT_CYCLE_DAYS = 26


REFERENCE_PREFIX = "REQ-"


def new_reference() -> str:
    """Return a short, non-guessable reference code such as 'REQ-7K3MX9QP'.

    The prefix names no procedure (a reference shows up in email subjects and
    calendars). Requests made before kept their 'HSG-' references; lookups search
    the whole code, so both kinds keep working.
    """
    return REFERENCE_PREFIX + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))


class AppointmentRequestQuerySet(models.QuerySet):
    def scheduled_on(self, day: datetime.date) -> "AppointmentRequestQuerySet":
        """Exams booked on `day` (New York time), earliest first."""
        start = timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
        end = start + datetime.timedelta(days=1)
        return self.filter(
            status__in=[AppointmentRequest.Status.SCHEDULED, AppointmentRequest.Status.COMPLETED],
            scheduled_at__gte=start,
            scheduled_at__lt=end,
        ).order_by("scheduled_at")

    def received_on(self, day: datetime.date) -> "AppointmentRequestQuerySet":
        """Requests sent on `day` (New York time) that nobody has booked yet."""
        start = timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
        return self.filter(
            status=AppointmentRequest.Status.REQUESTED,
            created_at__gte=start,
            created_at__lt=start + datetime.timedelta(days=1),
        )

    def awaiting_call(self) -> "AppointmentRequestQuerySet":
        """Requests nobody has booked yet, oldest first."""
        return self.filter(status=AppointmentRequest.Status.REQUESTED).order_by("created_at")


class AppointmentRequest(models.Model):
    class Status(models.TextChoices):
        REQUESTED = "requested", "Requested"
        SCHEDULED = "scheduled", "Scheduled"
        COMPLETED = "completed", "Completed"
        CANCELLED = "cancelled", "Cancelled"
        NO_SHOW = "no_show", "No-show"

    class Pregnancy(models.TextChoices):
        YES = "yes", _("Yes")
        NO = "no", _("No")
        NOT_SURE = "not_sure", _("Not sure")

    class TimeOfDay(models.TextChoices):
        ANY = "any", _("Any time")
        MORNING = "morning", _("Morning (9 am to 12 pm)")
        AFTERNOON = "afternoon", _("Afternoon (12 pm to 5 pm)")

    reference = models.CharField(max_length=12, unique=True, default=new_reference, editable=False)
    submission_key = models.UUIDField(
        unique=True,
        null=True,
        blank=True,
        editable=False,
        help_text="One per form display, so a double submit makes one request.",
    )
    procedure = models.ForeignKey("procedures.Procedure", on_delete=models.PROTECT)

    # The cycle
    last_period_start = models.DateField("first day of last period", null=True, blank=True)
    cycle_irregular = models.BooleanField("irregular cycle or on birth control", default=False)
    cycle_length = models.PositiveSmallIntegerField(
        "usual cycle length (days)", null=True, blank=True
    )

    # Preferences
    preferred_date_1 = models.DateField(null=True, blank=True)
    preferred_date_2 = models.DateField(null=True, blank=True)
    preferred_date_3 = models.DateField(null=True, blank=True)
    preferred_time = models.CharField(
        max_length=10, choices=TimeOfDay.choices, default=TimeOfDay.ANY
    )

    # The patient
    first_name = models.CharField(max_length=100)
    last_name = models.CharField(max_length=100)
    date_of_birth = models.DateField(null=True)  # null once anonymised (operations/retention.py)
    phone = models.CharField("mobile phone", max_length=16)  # stored as E.164
    email = models.EmailField(max_length=254)

    # Insurance and referral
    insurance_plan = models.ForeignKey(
        "clinic.InsurancePlan", null=True, blank=True, on_delete=models.PROTECT
    )
    insurance_other = models.CharField("other insurance", max_length=120, blank=True)
    self_pay = models.BooleanField(default=False)
    referring_physician = models.CharField(max_length=120, blank=True)
    referring_physician_phone = models.CharField(max_length=40, blank=True)
    referring_physician_fax = models.CharField(max_length=40, blank=True)

    # Screening
    contrast_allergy = models.BooleanField("allergy to iodinated contrast", default=False)
    pelvic_infection_history = models.BooleanField("history of pelvic infection", default=False)
    lipiodol_interest = models.BooleanField("interested in Lipiodol", default=False)
    may_be_pregnant = models.CharField(
        "could be pregnant",
        max_length=8,
        choices=Pregnancy.choices,
        blank=True,
        help_text="The patient's answer to 'Could you be pregnant?' (blank: not asked).",
    )

    # Texting consent, with the exact words the patient agreed to
    sms_consent = models.BooleanField("agreed to texts", default=False)
    sms_consent_text = models.TextField(blank=True)
    sms_consent_at = models.DateTimeField(null=True, blank=True)

    notes = models.TextField(blank=True, max_length=2000)
    # The language of the form she sent: her emails, calendar file and texts use it.
    language = models.CharField(
        max_length=5, choices=[("en", "English"), ("es", "Spanish")], default="en"
    )

    # Front desk
    status = models.CharField(
        max_length=12, choices=Status.choices, default=Status.REQUESTED, editable=False
    )
    scheduled_at = models.DateTimeField(null=True, blank=True, editable=False)
    window_override_reason = models.CharField(max_length=200, blank=True, editable=False)
    cancel_reason = models.CharField(max_length=200, blank=True, editable=False)
    completed_at = models.DateTimeField(null=True, blank=True, editable=False)
    other_dates_requested_at = models.DateTimeField(
        "asked for other dates", null=True, blank=True, editable=False
    )

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    anonymised_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="When the patient's data was erased, past the practice's retention period.",
    )

    history = HistoricalRecords()

    objects = AppointmentRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["status", "scheduled_at"]),
            models.Index(fields=["phone"]),
        ]

    def __str__(self):
        return self.reference

    @property
    def pregnancy_possible(self) -> bool:
        """She answered yes or not sure: she is told to call before booking."""
        return self.may_be_pregnant in (self.Pregnancy.YES, self.Pregnancy.NOT_SURE)

    @property
    def short_cycle(self) -> bool:
        """A usual cycle shorter than SHORT_CYCLE_DAYS: staff confirm the day with her."""
        return self.cycle_length is not None and self.cycle_length < SHORT_CYCLE_DAYS

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    def get_admin_url(self):
        return reverse("admin:appointments_appointmentrequest_change", args=[self.pk])


class AppointmentConfirmation(models.Model):
    """A patient texted "C": she confirmed the visit at `scheduled_at`."""

    request = models.ForeignKey(
        AppointmentRequest, on_delete=models.CASCADE, related_name="text_confirmations"
    )
    scheduled_at = models.DateTimeField(help_text="The appointment time the patient confirmed.")
    inbound = models.OneToOneField("texting.InboundMessage", on_delete=models.CASCADE)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        # Made by the texting app before it moved here; the table keeps its name.
        db_table = "texting_appointmentconfirmation"
        ordering = ["-created_at"]

    def __str__(self):
        return f"Confirmed {timezone.localtime(self.scheduled_at):%b %d %I:%M %p}"


# Rooms, exam lengths, blocked times, booking rules, bookings and the waitlist.
from appointments.booking_models import (  # noqa: E402, F401
    BlockedTime,
    Booking,
    BookingRules,
    ExamLength,
    Room,
    WaitlistEntry,
)

# Day 1 by text: her reports and the texts she asked for near day 1.
from appointments.day_one_models import DayOneReminder, DayOneReport  # noqa: E402, F401

"""The practice itself: its profile, hours, closures, plans, prices and papers."""

import datetime

import phonenumbers
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse

from clinic.signals import content_model


class PracticeQuerySet(models.QuerySet):
    def current(self) -> "Practice":
        """Return the practice's one row (created by the content migration)."""
        practice = self.order_by("pk").first()
        if practice is None:
            practice = self.create()
        return practice


@content_model
class Practice(models.Model):
    """The practice's profile. The site shows one row; it is edited in the admin."""

    name = models.CharField(max_length=120, default="Interventional Radiology, P.C.")
    short_name = models.CharField(max_length=60, default="Interventional Radiology")
    phone = models.CharField(
        max_length=20, default="(212) 246-2063", help_text="As patients should see it."
    )
    phone_e164 = models.CharField(
        "phone (E.164)",
        max_length=16,
        default="+12122462063",
        help_text="The same number for tel: links, e.g. +12122462063.",
    )
    email = models.EmailField(default="info@hsgexam.com")
    street_address = models.CharField(max_length=120, default="200 West 57th Street")
    suite = models.CharField(max_length=60, blank=True, default="Suite 407")
    city = models.CharField(max_length=60, default="New York")
    region = models.CharField("state", max_length=2, default="NY")
    postal_code = models.CharField(max_length=10, default="10019")
    latitude = models.DecimalField(max_digits=9, decimal_places=6, default="40.765372")
    longitude = models.DecimalField(max_digits=9, decimal_places=6, default="-73.979500")
    texting_note = models.CharField(
        max_length=200,
        blank=True,
        default="You can also text us through the Klara app.",
        help_text="Shown while the texting number below is empty.",
    )
    texting_phone = models.CharField(
        "texting number",
        max_length=20,
        blank=True,
        help_text=(
            "The number our texts come from (Twilio), as patients should see it. Once set, "
            "the site tells patients to text it, and the texting note above is no longer shown."
        ),
    )
    after_hours_phone = models.CharField(
        "after-hours number",
        max_length=20,
        blank=True,
        help_text=(
            "Optional: a number patients can call when the office is closed. Every 'call us' "
            "for warning signs then gives it, next to 911 and the emergency room."
        ),
    )
    window_start_day = models.PositiveSmallIntegerField(
        "cycle window: first day",
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
        help_text="Day 1 is the first day of bleeding. An HSG is booked from this day…",
    )
    window_end_day = models.PositiveSmallIntegerField(
        "cycle window: last day",
        default=12,
        validators=[MinValueValidator(2), MaxValueValidator(25)],
        help_text="…to this day of the cycle.",
    )
    reminder_hour = models.PositiveSmallIntegerField(
        default=10,
        validators=[MaxValueValidator(20)],
        help_text="Hour of the day before an exam when the reminder text goes (New York time).",
    )
    follow_up_delay_hours = models.PositiveSmallIntegerField(
        default=24,
        help_text="Hours after an exam is marked completed before the follow-up text.",
    )
    patient_data_retention_days = models.PositiveIntegerField(
        "keep patient data for (days)",
        null=True,
        blank=True,
        validators=[MinValueValidator(30)],
        help_text=(
            "Days after a request's last activity before its patient data (names, phone, "
            "email, date of birth, texts, replies) and contact messages are erased; counts "
            "and the access log stay. Empty: nothing is erased."
        ),
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = PracticeQuerySet.as_manager()

    class Meta:
        verbose_name = "practice profile"
        verbose_name_plural = "practice profile"

    def __str__(self):
        return self.name

    @property
    def address_line(self) -> str:
        street = f"{self.street_address}, {self.suite}" if self.suite else self.street_address
        return f"{street}, {self.city}, {self.region} {self.postal_code}"

    @property
    def map_url(self) -> str:
        from urllib.parse import quote_plus

        return f"https://www.openstreetmap.org/search?query={quote_plus(self.address_line)}"

    @property
    def texting_line(self) -> str:
        """How patients reach us by text: the texting number once set, else the note."""
        if self.texting_phone:
            return f"You can also text us at {self.texting_phone}."
        return self.texting_note

    @property
    def call_or_text(self) -> str:
        """'call us at (212) 246-2063', with 'or text us at …' once a texting number is set."""
        if self.texting_phone:
            return f"call us at {self.phone} or text us at {self.texting_phone}"
        return f"call us at {self.phone}"

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.window_end_day <= self.window_start_day:
            raise ValidationError({"window_end_day": "The last day must come after the first day."})
        errors = {}
        for name in ("texting_phone", "after_hours_phone"):
            value = getattr(self, name)
            if value and not _is_phone(value):
                errors[name] = "Please enter a phone number with area code, like (212) 555-0123."
        if errors:
            raise ValidationError(errors)


def _is_phone(value: str) -> bool:
    """A US number with area code (or any number written with +), as phonenumbers reads it."""
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(value, "US"))
    except phonenumbers.NumberParseException:
        return False


class OpeningHoursQuerySet(models.QuerySet):
    def open_weekdays(self) -> dict[int, tuple[datetime.time, datetime.time]]:
        """Map weekday (Monday is 0) to its opening and closing time."""
        return {h.weekday: (h.opens, h.closes) for h in self}


@content_model
class OpeningHours(models.Model):
    class Weekday(models.IntegerChoices):
        MONDAY = 0, "Monday"
        TUESDAY = 1, "Tuesday"
        WEDNESDAY = 2, "Wednesday"
        THURSDAY = 3, "Thursday"
        FRIDAY = 4, "Friday"
        SATURDAY = 5, "Saturday"
        SUNDAY = 6, "Sunday"

    weekday = models.PositiveSmallIntegerField(choices=Weekday.choices, unique=True)
    opens = models.TimeField(default=datetime.time(9, 0))
    closes = models.TimeField(default=datetime.time(17, 0))

    objects = OpeningHoursQuerySet.as_manager()

    class Meta:
        ordering = ["weekday"]
        verbose_name = "opening hours"
        verbose_name_plural = "opening hours"

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.closes <= self.opens:
            raise ValidationError({"closes": "Closing time must be after opening time."})


class ClosureQuerySet(models.QuerySet):
    def overlapping(self, first: datetime.date, last: datetime.date) -> "ClosureQuerySet":
        return self.filter(first_day__lte=last, last_day__gte=first)

    def upcoming(self, today: datetime.date) -> "ClosureQuerySet":
        """Closures that have not ended before `today`, soonest first."""
        return self.filter(last_day__gte=today).order_by("first_day")


@content_model
class Closure(models.Model):
    """Days the office is closed beyond the US major holidays (added automatically)."""

    first_day = models.DateField()
    last_day = models.DateField(help_text="The same as the first day for a one-day closure.")
    reason = models.CharField(max_length=120, blank=True, help_text="Shown to patients.")

    objects = ClosureQuerySet.as_manager()

    class Meta:
        ordering = ["first_day"]

    def __str__(self):
        if self.first_day == self.last_day:
            return f"Closed {self.first_day:%b %-d, %Y}"
        return f"Closed {self.first_day:%b %-d} – {self.last_day:%b %-d, %Y}"

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.first_day and self.last_day and self.last_day < self.first_day:
            raise ValidationError({"last_day": "The last day cannot come before the first day."})

    def days(self):
        day = self.first_day
        while day <= self.last_day:
            yield day
            day += datetime.timedelta(days=1)


class ActiveQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)


@content_model
class InsurancePlan(models.Model):
    name = models.CharField(max_length=80, unique=True)
    note = models.CharField(max_length=120, blank=True, help_text="e.g. excluding Community Plan")
    order = models.PositiveSmallIntegerField(default=0)
    active = models.BooleanField(default=True, help_text="Shown on the site and in the form.")

    objects = ActiveQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]

    def __str__(self):
        return f"{self.name} ({self.note})" if self.note else self.name


@content_model
class Price(models.Model):
    """A price, by CPT code where there is one."""

    code = models.CharField("CPT code", max_length=10, blank=True)
    label = models.CharField(max_length=200)
    amount = models.DecimalField(max_digits=8, decimal_places=2)
    procedure = models.ForeignKey(
        "procedures.Procedure",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="prices",
    )
    note = models.CharField(max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    active = models.BooleanField(default=True)

    objects = ActiveQuerySet.as_manager()

    class Meta:
        ordering = ["order", "code"]

    def __str__(self):
        return f"{self.code} {self.label}".strip()

    @property
    def amount_display(self) -> str:
        if self.amount == self.amount.to_integral_value():
            return f"${self.amount:,.0f}"
        return f"${self.amount:,.2f}"


@content_model
class Publication(models.Model):
    title = models.CharField(max_length=300)
    authors = models.CharField(max_length=300)
    journal = models.CharField(max_length=120)
    year = models.PositiveSmallIntegerField()
    volume = models.CharField(max_length=20, blank=True)
    pages = models.CharField(max_length=20, blank=True)
    url = models.URLField(blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "-year"]

    def __str__(self):
        return self.title

    @property
    def citation(self) -> str:
        source = f"{self.journal}. {self.year}"
        if self.volume:
            source += f";{self.volume}"
        if self.pages:
            source += f":{self.pages}"
        return f"{self.authors}. {source}."


class PageQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)


@content_model
class Page(models.Model):
    """The words of a site page (home, about, location, insurance, faq, contact, privacy).

    Structured facts (hours, plans, prices, publications) come from their own models;
    a page holds the prose around them.
    """

    slug = models.SlugField(unique=True)
    title = models.CharField(max_length=120, help_text="The page's heading.")
    seo_title = models.CharField(
        max_length=70, blank=True, help_text="The browser tab and search title, if different."
    )
    meta_description = models.CharField(max_length=160)
    intro = models.TextField(blank=True, help_text="Markdown. Shown under the heading.")
    body = models.TextField(blank=True, help_text="Markdown.")
    published = models.BooleanField(default=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PageQuerySet.as_manager()

    class Meta:
        ordering = ["slug"]

    def __str__(self):
        return self.title


class ContactMessage(models.Model):
    """A 'drop us a line' message. Its text stays in the admin, never in an email."""

    name = models.CharField(max_length=120)
    email = models.EmailField(max_length=254)
    phone = models.CharField(max_length=40, blank=True)
    message = models.TextField(max_length=5000)
    created_at = models.DateTimeField(auto_now_add=True)
    handled = models.BooleanField(default=False)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Message #{self.pk} of {self.created_at:%b %-d, %Y}"

    def get_admin_url(self):
        return reverse("admin:clinic_contactmessage_change", args=[self.pk])

"""What can be booked (rooms, exam lengths, blocked times, the rules) and the bookings.

The rules, rooms, lengths and blocked times are cached with the site's content
(`@content_model`): an edit in the admin shows in the next list of free times.

No two bookings may share a room's place over overlapping times. On PostgreSQL an
exclusion constraint (btree_gist) enforces it for every code path: the form, the
admin, the manage page, a script. SQLite has a single writer and no such constraint.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.fields import DateTimeRangeField, RangeOperators
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Func, Q

from clinic.signals import content_model


class TsTzRange(Func):
    function = "TSTZRANGE"
    output_field = DateTimeRangeField()


class PostgresExclusionConstraint(ExclusionConstraint):
    """An exclusion constraint on PostgreSQL; nothing on other databases."""

    def _postgres(self, schema_editor) -> bool:
        return schema_editor.connection.vendor == "postgresql"

    def constraint_sql(self, model, schema_editor):
        return (
            super().constraint_sql(model, schema_editor) if self._postgres(schema_editor) else None
        )

    def create_sql(self, model, schema_editor):
        return super().create_sql(model, schema_editor) if self._postgres(schema_editor) else None

    def remove_sql(self, model, schema_editor):
        return super().remove_sql(model, schema_editor) if self._postgres(schema_editor) else None

    def validate(self, model, instance, exclude=None, using="default"):
        # Model validation would need range lookups; the services check the schedule
        # and the database has the last word.
        return None


@content_model
class BookingRules(models.Model):
    """How patients book: the mode, how soon and how far ahead, the step between times."""

    class Mode(models.TextChoices):
        INSTANT = "instant", "Instant: the time is booked at once"
        CONFIRM = "confirm", "Confirm: the time is held until the front desk confirms it"

    mode = models.CharField(max_length=10, choices=Mode.choices, default=Mode.INSTANT)
    lead_hours = models.PositiveSmallIntegerField(
        "how soon (hours)",
        default=24,
        validators=[MaxValueValidator(24 * 14)],
        help_text="A patient may book a time at least this many hours from now.",
    )
    horizon_days = models.PositiveSmallIntegerField(
        "how far ahead (days)",
        default=60,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text="A patient may book up to this many days ahead.",
    )
    step_minutes = models.PositiveSmallIntegerField(
        "minutes between offered times",
        default=30,
        validators=[MinValueValidator(5), MaxValueValidator(120)],
    )
    self_scheduling = models.BooleanField(
        "patients pick a time online",
        default=True,
        help_text="Off: the form only takes requests and the front desk calls back.",
    )

    class Meta:
        verbose_name = verbose_name_plural = "booking rules"

    def __str__(self):
        return "Booking rules"

    @classmethod
    def current(cls) -> BookingRules:
        rules = cls.objects.order_by("pk").first()
        return rules if rules is not None else cls.objects.create()


class RoomQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True).order_by("order", "pk")


@content_model
class Room(models.Model):
    """A room (or machine) where exams are done, and how many it runs at once."""

    name = models.CharField(max_length=60, unique=True)
    capacity = models.PositiveSmallIntegerField(
        "exams at once", default=1, validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    active = models.BooleanField(default=True)
    order = models.PositiveSmallIntegerField(default=0)

    objects = RoomQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self):
        return self.name


@content_model
class ExamLength(models.Model):
    """How long a procedure keeps a room: the exam, then the buffer to get it ready."""

    procedure = models.OneToOneField(
        "procedures.Procedure", on_delete=models.CASCADE, related_name="exam_length"
    )
    duration_minutes = models.PositiveSmallIntegerField(
        default=30, validators=[MinValueValidator(5), MaxValueValidator(480)]
    )
    buffer_minutes = models.PositiveSmallIntegerField(
        default=15,
        validators=[MaxValueValidator(120)],
        help_text="Time after the exam before the room takes the next patient.",
    )

    class Meta:
        verbose_name = "exam length"

    def __str__(self):
        return f"{self.procedure}: {self.duration_minutes} min + {self.buffer_minutes} min"


@content_model
class BlockedTime(models.Model):
    """A time no exam may be booked: every week (a lunch hour) or on one day (a day off)."""

    weekday = models.PositiveSmallIntegerField(
        "every week on",
        null=True,
        blank=True,
        choices=[
            (i, n)
            for i, n in enumerate(
                ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
            )
        ],
    )
    day = models.DateField("only on", null=True, blank=True)
    starts = models.TimeField(default=dt.time(12, 0))
    ends = models.TimeField(default=dt.time(13, 0))
    room = models.ForeignKey(
        Room, null=True, blank=True, on_delete=models.CASCADE, help_text="Empty: every room."
    )
    reason = models.CharField(max_length=80, help_text="Staff only, e.g. Lunch, Dr. away.")

    class Meta:
        ordering = ["day", "weekday", "starts"]
        constraints = [
            models.CheckConstraint(
                condition=Q(weekday__isnull=True, day__isnull=False)
                | Q(weekday__isnull=False, day__isnull=True),
                name="blockedtime_weekly_or_dated",
            ),
            models.CheckConstraint(condition=Q(starts__lt=F("ends")), name="blockedtime_order"),
        ]

    def __str__(self):
        when = self.day.isoformat() if self.day else self.get_weekday_display()
        return f"{self.reason} ({when} {self.starts:%H:%M}–{self.ends:%H:%M})"

    def clean(self):
        if (self.weekday is None) == (self.day is None):
            raise ValidationError("Pick a weekday (every week) or a date (one day), not both.")
        if self.starts and self.ends and self.starts >= self.ends:
            raise ValidationError({"ends": "The end must come after the start."})


class BookingQuerySet(models.QuerySet):
    def overlapping(self, start: dt.datetime, end: dt.datetime) -> BookingQuerySet:
        """Bookings whose room is taken at some moment from `start` to `end`."""
        return self.filter(starts_at__lt=end, free_at__gt=start)

    def held(self) -> BookingQuerySet:
        return self.filter(held=True)


class Booking(models.Model):
    """A request's place in a room from `starts_at`; the room is free again at `free_at`."""

    request = models.OneToOneField(
        "appointments.AppointmentRequest", on_delete=models.CASCADE, related_name="booking"
    )
    room = models.ForeignKey(Room, on_delete=models.PROTECT)
    place = models.PositiveSmallIntegerField(default=1)
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField(help_text="When the exam ends.")
    free_at = models.DateTimeField(help_text="When the room is ready for the next patient.")
    held = models.BooleanField(
        default=False, help_text="Held for the front desk to confirm (confirm mode)."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = BookingQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at"]
        indexes = [models.Index(fields=["starts_at", "free_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(starts_at__lt=F("ends_at")) & Q(ends_at__lte=F("free_at")),
                name="booking_times_in_order",
            ),
            models.CheckConstraint(condition=Q(place__gte=1), name="booking_place_positive"),
            PostgresExclusionConstraint(
                name="booking_no_overlap",
                expressions=[
                    ("room", RangeOperators.EQUAL),
                    ("place", RangeOperators.EQUAL),
                    (TsTzRange("starts_at", "free_at"), RangeOperators.OVERLAPS),
                ],
            ),
        ]

    def __str__(self):
        return f"{self.room} {self.starts_at:%Y-%m-%d %H:%M}"


class WaitlistEntryQuerySet(models.QuerySet):
    def waiting(self) -> WaitlistEntryQuerySet:
        return self.filter(status=WaitlistEntry.Status.WAITING).order_by("created_at", "pk")

    def live_offers(self, now: dt.datetime) -> WaitlistEntryQuerySet:
        """Times offered to a waiting patient that nobody else may take yet."""
        return self.filter(status=WaitlistEntry.Status.OFFERED, offer_expires_at__gt=now)


class WaitlistEntry(models.Model):
    """A booked patient who would take an earlier time in her window if one opens."""

    class Status(models.TextChoices):
        WAITING = "waiting", "Waiting"
        OFFERED = "offered", "Offered a time"
        CLAIMED = "claimed", "Moved to an earlier time"
        ENDED = "ended", "No longer waiting"

    request = models.OneToOneField(
        "appointments.AppointmentRequest", on_delete=models.CASCADE, related_name="waitlist"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.WAITING)
    # The time last offered to her: reserved for her alone until `offer_expires_at`.
    offer_starts_at = models.DateTimeField(null=True, blank=True)
    offer_free_at = models.DateTimeField(null=True, blank=True)
    offer_room = models.ForeignKey(Room, null=True, blank=True, on_delete=models.SET_NULL)
    offer_place = models.PositiveSmallIntegerField(null=True, blank=True)
    offer_expires_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = WaitlistEntryQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "waitlist"
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self):
        return f"Waitlist {self.request_id}"

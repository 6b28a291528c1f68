"""Day 1 by text: what a patient told us by text, and the texts she asked for near day 1.

A `DayOneReport` is one "1" (or "my period started yesterday") from a number that has
an open request: the day taken as day 1 and the window it opens. Its signed link (see
`appointments.tokens`) works until the window's last day and only while it is her
latest report. A `DayOneReminder` is her asking us to text her near her next
expected day 1, when the window of the request she sent had passed or was too close.
"""

from __future__ import annotations

from django.db import models


class DayOneReport(models.Model):
    request = models.ForeignKey(
        "appointments.AppointmentRequest",
        on_delete=models.CASCADE,
        related_name="day_one_reports",
    )
    inbound = models.OneToOneField(
        "texting.InboundMessage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Her text (gone if the text was deleted).",
    )
    day_one = models.DateField("day 1")
    window_first = models.DateField("window opens")
    window_last = models.DateField("window closes")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "day 1 by text"
        verbose_name_plural = "day 1 by text"

    def __str__(self):
        first, last = self.window_first, self.window_last
        return f"Day 1 {self.day_one:%b %-d}: window {first:%b %-d} to {last:%b %-d}"


class DayOneReminder(models.Model):
    """Text her two days before her next expected period, and again 3 days after it."""

    class Ended(models.TextChoices):
        # Booking, STOP and a closed request stop the texts too, at send time (see
        # appointments.day_one.reminder_stop_reason and reminder_live).
        ANSWERED = "answered", "She texted her day 1"

    request = models.OneToOneField(
        "appointments.AppointmentRequest",
        on_delete=models.CASCADE,
        related_name="day_one_reminder",
    )
    expected_day = models.DateField("next period expected")
    cycle_length = models.PositiveSmallIntegerField("cycle length used (days)")
    created_at = models.DateTimeField(auto_now_add=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    ended = models.CharField(max_length=10, choices=Ended.choices, blank=True)

    class Meta:
        verbose_name = "text near day 1"
        verbose_name_plural = "texts near day 1"

    def __str__(self):
        return f"Texts near {self.expected_day:%b %-d}"

    @property
    def active(self) -> bool:
        return self.ended_at is None

"""The request list's "to do" filter and screening flags."""

from django.contrib import admin
from django.utils import timezone
from django.utils.html import format_html_join

from appointments import screening
from appointments.models import AppointmentRequest

Status = AppointmentRequest.Status


class WhenFilter(admin.SimpleListFilter):
    title = "to do"
    parameter_name = "when"

    def lookups(self, request, model_admin):
        return [
            ("new", "Sent today, waiting for a call"),
            ("today", "Today's exams"),
            ("upcoming", "Booked, still to come"),
            ("call", "Waiting for a call"),
            ("other_dates", "Asked for other dates"),
        ]

    def queryset(self, request, queryset):
        if self.value() == "new":
            return queryset.received_on(timezone.localdate())
        if self.value() == "today":
            return queryset.scheduled_on(timezone.localdate())
        if self.value() == "upcoming":
            return queryset.filter(status=Status.SCHEDULED, scheduled_at__gte=timezone.now())
        if self.value() == "call":
            return queryset.filter(status=Status.REQUESTED)
        if self.value() == "other_dates":
            return queryset.filter(status=Status.REQUESTED, other_dates_requested_at__isnull=False)
        return queryset


def screening_flags(obj: AppointmentRequest):
    flags = [(f"flag {flag.css}", flag.label) for flag in screening.screening_flags(obj)]
    return format_html_join(" ", '<span class="{}">{}</span>', flags) or "–"

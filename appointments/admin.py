"""The front desk: the list of requests, one page per request, and buttons that move
its status through the services (never a free-edit status field; their pages are
admin_moves.py)."""

from __future__ import annotations

import datetime as dt

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Subquery
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.html import format_html
from django.utils.timesince import timesince
from simple_history.admin import SimpleHistoryAdmin

from appointments.admin_filters import WhenFilter, screening_flags
from appointments.admin_forms import AppointmentRequestAdminForm
from appointments.admin_moves import StatusMovesMixin
from appointments.admin_panels import (
    activity,
    call_sheet,
    days_asked,
    screening_panel,
    window_panel,
)
from appointments.availability import clinic_calendar
from appointments.cycle import cycle_window
from appointments.models import AppointmentConfirmation, AppointmentRequest
from clinic.display import when_display
from clinic.models import Practice
from clinic.phones import phone_e164_or_none

Status = AppointmentRequest.Status


@admin.register(AppointmentRequest)
class AppointmentRequestAdmin(StatusMovesMixin, SimpleHistoryAdmin):
    form = AppointmentRequestAdminForm
    change_form_template = "admin/appointments/appointmentrequest/change_form.html"
    change_list_template = "admin/appointments/appointmentrequest/change_list.html"
    list_display = (
        "reference",
        "patient",
        "procedure_name",
        "window",
        "preferred",
        "status",
        "scheduled",
        "flags",
        "age",
    )
    list_display_links = ("reference", "patient")
    list_filter = (
        WhenFilter,
        "status",
        "procedure",
        "preferred_time",
        "contrast_allergy",
        "pelvic_infection_history",
        "lipiodol_interest",
        "may_be_pregnant",
        "self_pay",
        "sms_consent",
    )
    search_fields = ("reference", "first_name", "last_name", "email", "phone")
    search_help_text = "Search by name, phone, email or reference (REQ-… or HSG-…)."
    list_select_related = ("procedure",)
    list_per_page = 50
    readonly_fields = (
        "reference",
        "call_sheet",
        "status",
        "scheduled_at",
        "window_panel",
        "window_override_reason",
        "cancel_reason",
        "completed_at",
        "other_dates_requested_at",
        "screening_panel",
        "sms_consent",
        "sms_consent_text",
        "sms_consent_at",
        "created_at",
        "activity",
    )
    # What a call needs comes first; the patient's answers follow, read-only until
    # staff choose "Edit the patient's details" (a separate step, `?edit=1`).
    call_fieldsets = (
        ("Call the patient", {"fields": ("reference", "call_sheet", "screening_panel")}),
        (
            "Booking",
            {
                "fields": (
                    "window_panel",
                    "window_override_reason",
                    "other_dates_requested_at",
                    "cancel_reason",
                    "completed_at",
                )
            },
        ),
    )
    detail_fieldsets = (
        (
            "Exam and days",
            {
                "fields": (
                    "procedure",
                    ("preferred_date_1", "preferred_date_2", "preferred_date_3"),
                    "preferred_time",
                )
            },
        ),
        ("Cycle", {"fields": ("last_period_start", "cycle_irregular", "cycle_length")}),
        (
            "Patient",
            {"fields": (("first_name", "last_name"), "date_of_birth", "phone", "email")},
        ),
        (
            "Insurance and referral",
            {
                "fields": (
                    "insurance_plan",
                    "insurance_other",
                    "self_pay",
                    "referring_physician",
                    ("referring_physician_phone", "referring_physician_fax"),
                )
            },
        ),
        (
            "Screening answers",
            {
                "fields": (
                    "may_be_pregnant",
                    "contrast_allergy",
                    "pelvic_infection_history",
                    "lipiodol_interest",
                )
            },
        ),
        ("Notes", {"fields": ("notes",)}),
    )
    record_fieldsets = (
        ("Texts", {"fields": ("sms_consent", "sms_consent_text", "sms_consent_at")}),
        ("Who did what", {"fields": ("created_at", "activity")}),
    )
    fieldsets = call_fieldsets + detail_fieldsets + record_fieldsets

    @staticmethod
    def editing(request) -> bool:
        return request.GET.get("edit") == "1"

    def get_fieldsets(self, request, obj=None):
        if obj is None or self.editing(request):
            return self.fieldsets
        folded = tuple(
            (title, {**options, "classes": ("collapse",)})
            for title, options in self.detail_fieldsets
        )
        return self.call_fieldsets + folded + self.record_fieldsets

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and not self.editing(request):
            return (*self.readonly_fields, *self.form._meta.fields)
        return self.readonly_fields

    # --- Permissions: requests come from patients and are kept, not deleted ---------

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def revert_disabled(self, request, obj=None):
        return True  # reverting a history entry would move the status around the services

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # revert_disabled only hides the button: refuse the POST itself too.
        if request.method == "POST":
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)

    # --- The list ---------------------------------------------------------------------

    def get_queryset(self, request):
        # The practice's window days ride along in the same query (no query per row).
        practice = Practice.objects.order_by("pk")
        return (
            super()
            .get_queryset(request)
            .annotate(
                practice_start_day=Subquery(practice.values("window_start_day")[:1]),
                practice_end_day=Subquery(practice.values("window_end_day")[:1]),
            )
        )

    def get_search_results(self, request, queryset, search_term):
        """A phone typed any way ((212) 555-0123, 212-555-0123) finds the E.164 number."""
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        digits = "".join(ch for ch in search_term if ch.isdigit())
        if len(digits) >= 10:
            e164 = phone_e164_or_none(search_term)
            if e164:
                results = results | queryset.filter(phone=e164)
        return results, may_have_duplicates

    @admin.display(description="Patient", ordering="last_name")
    def patient(self, obj):
        return obj.full_name

    @admin.display(description="Exam", ordering="procedure__order")
    def procedure_name(self, obj):
        return obj.procedure.short_name

    @admin.display(description="Window", ordering="last_period_start")
    def window(self, obj):
        if obj.last_period_start is None:
            return "Irregular"
        first, last = self._window_of(obj)
        return f"{first:%b %-d} – {last:%b %-d}"

    def _window_of(self, obj):
        if obj.last_period_start is None:
            return None
        start = getattr(obj, "practice_start_day", None) or 5
        end = getattr(obj, "practice_end_day", None) or 12
        return cycle_window(obj.last_period_start, start, end)

    @admin.display(description="Asked for")
    def preferred(self, obj):
        return days_asked(obj, self._window_of(obj))

    @admin.display(description="Booked for", ordering="scheduled_at")
    def scheduled(self, obj):
        return when_display(obj.scheduled_at) or "–"

    @admin.display(description="Screening")
    def flags(self, obj):
        return screening_flags(obj)

    @admin.display(description="Sent", ordering="created_at")
    def age(self, obj):
        return f"{timesince(obj.created_at).split(',')[0]} ago"

    # --- The request's page -------------------------------------------------------------

    @admin.display(description="For the call")
    def call_sheet(self, obj):
        return call_sheet(obj, clinic_calendar().window(obj.last_period_start))

    @admin.display(description="Screening")
    def screening_panel(self, obj):
        return screening_panel(obj)

    @admin.display(description="Cycle window")
    def window_panel(self, obj):
        return window_panel(obj, clinic_calendar())

    @admin.display(description="History")
    def activity(self, obj):
        return activity(obj)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        editing = self.editing(request)
        extra_context = {
            **(extra_context or {}),
            "status_actions": self.status_actions(object_id),
            "editing": editing,
        }
        if not editing:
            # Reading the page changes nothing: no save buttons until "Edit".
            extra_context.update(
                show_save=False, show_save_and_continue=False, show_save_and_add_another=False
            )
        return super().change_view(request, object_id, form_url, extra_context)

    def response_change(self, request, obj):
        # After saving the details, back to the page as a call reads it.
        if "_continue" not in request.POST:
            self.message_user(request, f"{obj.reference}: the patient's details are saved.")
            return redirect("admin:appointments_appointmentrequest_change", obj.pk)
        return super().response_change(request, obj)

    # --- The day's list (the status buttons' pages: admin_moves.py) ---------------------

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("today/", view(self.today_view), name="appointments_appointmentrequest_today"),
            *super().get_urls(),
        ]

    def today_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        try:
            day = dt.date.fromisoformat(request.GET.get("day", ""))
        except ValueError:
            day = timezone.localdate()
        exams = list(AppointmentRequest.objects.scheduled_on(day).select_related("procedure"))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": f"Exams on {day:%A, %B %-d, %Y}",
            "day": day,
            "previous_day": day - dt.timedelta(days=1),
            "next_day": day + dt.timedelta(days=1),
            "exams": [
                (exam, timezone.localtime(exam.scheduled_at), screening_flags(exam))
                for exam in exams
            ],
            "awaiting_call": AppointmentRequest.objects.awaiting_call().count(),
            "audit_records": exams,  # who saw which patients (audit/)
        }
        return TemplateResponse(
            request, "admin/appointments/appointmentrequest/today.html", context
        )


@admin.register(AppointmentConfirmation)
class AppointmentConfirmationAdmin(admin.ModelAdmin):
    list_display = ["created_at", "request_link", "scheduled_at"]
    list_select_related = ["request"]
    readonly_fields = ["request", "scheduled_at", "inbound", "created_at"]

    @admin.display(description="request")
    def request_link(self, obj):
        return format_html('<a href="{}">{}</a>', obj.request.get_admin_url(), obj.request)

    def has_add_permission(self, request):
        return False


# Rooms, exam lengths, blocked times, booking rules, bookings, the grid and the waitlist.
from appointments import booking_admin  # noqa: E402, F401

"""The front desk: the list of requests, one page per request, and buttons that move
its status through the services (never a free-edit status field)."""

from __future__ import annotations

import datetime as dt

import phonenumbers
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Subquery
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.timesince import timesince
from simple_history.admin import SimpleHistoryAdmin

from appointments import screening, services
from appointments.admin_forms import (
    AppointmentRequestAdminForm,
    CancelForm,
    ConfirmForm,
    EarlyMoveForm,
    ScheduleForm,
)
from appointments.admin_panels import call_sheet, days_asked, screening_flags
from appointments.availability import clinic_calendar
from appointments.cycle import cycle_window
from appointments.models import AppointmentRequest
from appointments.reopen import REOPENABLE, Reopening, reopening
from appointments.wording import plan_message
from clinic.display import when_display
from clinic.models import Practice
from texting.admin import request_inlines

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


@admin.register(AppointmentRequest)
class AppointmentRequestAdmin(SimpleHistoryAdmin):
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
    inlines = [*request_inlines()]
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
            try:
                number = phonenumbers.parse(search_term, "US")
                e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
                results = results | queryset.filter(phone=e164)
            except phonenumbers.NumberParseException:
                pass
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
        flags = screening.screening_flags(obj)
        if not flags:
            return "No flags."
        return format_html_join(
            "", '<p class="flag-note {}">{}</p>', ((f.css, f.note) for f in flags)
        )

    @admin.display(description="Cycle window")
    def window_panel(self, obj):
        calendar = clinic_calendar()
        plan = calendar.plan(obj.last_period_start, obj.cycle_length)
        days = ", ".join(f"{d:%a %b %-d}" for d in plan.offered_days) or "none"
        window = calendar.window(obj.last_period_start)
        asked = (obj.preferred_date_1, obj.preferred_date_2, obj.preferred_date_3)
        outside = [d for d in asked if d and window and not window[0] <= d <= window[1]]
        warning = ""
        if outside:
            warning = format_html(
                '<br><strong class="flag flag-outside">Outside the window: {}</strong>',
                ", ".join(f"{d:%a %b %-d}" for d in outside),
            )
        return format_html(
            "{}<br>Open days to offer: {}{}", plan_message(plan, calendar.practice), days, warning
        )

    @admin.display(description="History")
    def activity(self, obj):
        rows = obj.history.select_related("history_user").order_by("-history_date")[:30]
        return format_html(
            '<table class="activity"><thead><tr><th>When</th><th>Who</th><th>What</th>'
            "<th>Status</th><th>Booked for</th></tr></thead><tbody>{}</tbody></table>",
            format_html_join(
                "",
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                (
                    (
                        when_display(h.history_date),
                        h.history_user.get_username() if h.history_user else "patient",
                        h.history_change_reason or h.get_history_type_display(),
                        h.get_status_display(),
                        when_display(h.scheduled_at) or "–",
                    )
                    for h in rows
                ),
            ),
        )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        editing = self.editing(request)
        extra_context = {
            **(extra_context or {}),
            "status_actions": self._actions_for(object_id),
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

    def _actions_for(self, object_id):
        try:
            obj = AppointmentRequest.objects.filter(pk=object_id).only("status").first()
        except (ValueError, TypeError, ValidationError):
            return []  # not an id: Django's change view answers "doesn't exist"
        if obj is None:
            return []
        actions = []
        if obj.status in services.SCHEDULABLE:
            label = "Reschedule" if obj.status == Status.SCHEDULED else "Schedule"
            actions.append(("schedule", label))
        if obj.status == Status.SCHEDULED:
            actions += [("complete", "Mark completed"), ("no_show", "No-show")]
        if obj.status in services.CANCELLABLE:
            actions.append(("cancel", "Cancel"))
        if obj.status in REOPENABLE and isinstance(reopening(obj, timezone.now()), Reopening):
            actions.append(("reopen", "Reopen"))
        return [
            (reverse(f"admin:appointments_appointmentrequest_{name}", args=[object_id]), label)
            for name, label in actions
        ]

    # --- Status buttons and the day's list ------------------------------------------------

    def get_urls(self):
        view = self.admin_site.admin_view
        name = "appointments_appointmentrequest"
        return [
            path("today/", view(self.today_view), name=f"{name}_today"),
            path("<int:pk>/schedule/", view(self.schedule_view), name=f"{name}_schedule"),
            path("<int:pk>/complete/", view(self.complete_view), name=f"{name}_complete"),
            path("<int:pk>/no-show/", view(self.no_show_view), name=f"{name}_no_show"),
            path("<int:pk>/cancel/", view(self.cancel_view), name=f"{name}_cancel"),
            path("<int:pk>/reopen/", view(self.reopen_view), name=f"{name}_reopen"),
            *super().get_urls(),
        ]

    def _status_view(self, request, pk, *, form_class, title, button, run, initial=None):
        obj = get_object_or_404(AppointmentRequest.objects.select_related("procedure"), pk=pk)
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        form = form_class(request.POST if request.method == "POST" else None, initial=initial)
        if request.method == "POST" and form.is_valid():
            try:
                run(obj, form)
            except ValidationError as exc:
                for message in exc.messages:
                    form.add_error(None, message)
            else:
                messages.success(request, f"{obj.reference}: {title.lower()} done.")
                return redirect("admin:appointments_appointmentrequest_change", obj.pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": obj,
            "title": f"{title}: {obj.reference}",
            "form": form,
            "button": button,
            "plan_text": self.window_panel(obj) if form_class is ScheduleForm else "",
            "reopening": reopening(obj, timezone.now()) if title == "Reopen" else None,
        }
        return TemplateResponse(
            request, "admin/appointments/appointmentrequest/status_form.html", context
        )

    def schedule_view(self, request, pk):
        obj = AppointmentRequest.objects.filter(pk=pk).only("status", "scheduled_at").first()
        initial = {"seen_status": obj.status if obj else ""}
        if obj and obj.scheduled_at:
            local = timezone.localtime(obj.scheduled_at)
            initial.update(date=local.date(), time=local.time())

        def run(obj, form):
            services.appointment_schedule(
                request=obj,
                at=form.at,
                by=request.user,
                override_reason=form.reason,
                expected_status=form.cleaned_data["seen_status"] or None,
            )

        rebooking = obj is not None and obj.status == Status.SCHEDULED
        title = "Reschedule" if rebooking else "Schedule"
        return self._status_view(
            request,
            pk,
            form_class=ScheduleForm,
            title=title,
            button="Book",
            run=run,
            initial=initial,
        )

    def complete_view(self, request, pk):
        def run(obj, form):
            services.appointment_complete(request=obj, by=request.user, override_reason=form.reason)

        return self._status_view(
            request,
            pk,
            form_class=EarlyMoveForm,
            title="Mark completed",
            button="Yes, the exam is done",
            run=run,
        )

    def no_show_view(self, request, pk):
        def run(obj, form):
            services.appointment_mark_no_show(
                request=obj, by=request.user, override_reason=form.reason
            )

        return self._status_view(
            request,
            pk,
            form_class=EarlyMoveForm,
            title="No-show",
            button="Yes, the patient did not come",
            run=run,
        )

    def reopen_view(self, request, pk):
        def run(obj, form):
            services.appointment_reopen(request=obj, by=request.user)

        return self._status_view(
            request,
            pk,
            form_class=ConfirmForm,
            title="Reopen",
            button="Yes, undo it",
            run=run,
        )

    def cancel_view(self, request, pk):
        def run(obj, form):
            services.appointment_cancel(
                request=obj, reason=form.cleaned_data["reason"], by=request.user
            )

        return self._status_view(
            request,
            pk,
            form_class=CancelForm,
            title="Cancel",
            button="Cancel the request",
            run=run,
        )

    def today_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        try:
            day = dt.date.fromisoformat(request.GET.get("day", ""))
        except ValueError:
            day = timezone.localdate()
        exams = AppointmentRequest.objects.scheduled_on(day).select_related("procedure")
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
        }
        return TemplateResponse(
            request, "admin/appointments/appointmentrequest/today.html", context
        )

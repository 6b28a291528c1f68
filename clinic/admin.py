"""Front-desk admin for the practice's profile, hours, plans, prices, pages and messages."""

from axes.admin import AccessAttemptAdmin as AxesAccessAttemptAdmin
from axes.models import AccessAttempt
from django.contrib import admin, messages
from django.db.models import URLField

from clinic import models


@admin.register(models.Practice)
class PracticeAdmin(admin.ModelAdmin):
    """One row: the practice's profile. It can be edited, not added twice or deleted."""

    list_display = ["name", "phone", "email", "updated_at"]
    fieldsets = [
        (
            "Name and contact",
            {
                "fields": [
                    "name",
                    "short_name",
                    "phone",
                    "phone_e164",
                    "after_hours_phone",
                    "email",
                ]
            },
        ),
        (
            "Address",
            {
                "fields": [
                    "street_address",
                    "suite",
                    "city",
                    "region",
                    "postal_code",
                    ("latitude", "longitude"),
                ]
            },
        ),
        (
            "Texting",
            {
                "fields": [
                    "texting_phone",
                    "texting_note",
                    "reminder_hour",
                    "follow_up_delay_hours",
                ]
            },
        ),
        ("Scheduling window", {"fields": [("window_start_day", "window_end_day")]}),
        ("Patient data", {"fields": ["patient_data_retention_days"]}),
    ]

    def has_add_permission(self, request):
        return not models.Practice.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(models.OpeningHours)
class OpeningHoursAdmin(admin.ModelAdmin):
    list_display = ["weekday", "opens", "closes"]
    list_editable = ["opens", "closes"]


@admin.register(models.Closure)
class ClosureAdmin(admin.ModelAdmin):
    list_display = ["__str__", "first_day", "last_day", "reason"]
    date_hierarchy = "first_day"
    search_fields = ["reason"]


@admin.register(models.InsurancePlan)
class InsurancePlanAdmin(admin.ModelAdmin):
    list_display = ["name", "note", "order", "active"]
    list_editable = ["order", "active"]
    list_filter = ["active"]
    search_fields = ["name", "note"]


@admin.register(models.Price)
class PriceAdmin(admin.ModelAdmin):
    list_display = ["label", "code", "amount", "procedure", "order", "active"]
    list_editable = ["order", "active"]
    list_filter = ["active", "procedure"]
    list_select_related = ["procedure"]
    search_fields = ["label", "code"]


@admin.register(models.Publication)
class PublicationAdmin(admin.ModelAdmin):
    list_display = ["title", "journal", "year", "order"]
    formfield_overrides = {URLField: {"assume_scheme": "https"}}
    list_editable = ["order"]
    search_fields = ["title", "authors", "journal"]


@admin.register(models.Page)
class PageAdmin(admin.ModelAdmin):
    list_display = ["title", "slug", "published", "updated_at"]
    list_filter = ["published"]
    search_fields = ["title", "intro", "body"]
    readonly_fields = ["updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "published"]}),
        ("Search engines", {"fields": ["seo_title", "meta_description"]}),
        ("Text (Markdown)", {"fields": ["intro", "body"]}),
        (None, {"fields": ["updated_at"]}),
    ]

    def get_readonly_fields(self, request, obj=None):
        # The slug ties a page to its address; it is set once.
        return [*self.readonly_fields, "slug"] if obj else self.readonly_fields


@admin.register(models.ContactMessage)
class ContactMessageAdmin(admin.ModelAdmin):
    """Messages from the contact form. The list never shows a message's text."""

    list_display = ["__str__", "name", "created_at", "handled"]
    list_filter = ["handled", "created_at"]
    search_fields = ["name", "email"]
    date_hierarchy = "created_at"
    actions = ["mark_handled", "mark_not_handled"]
    fields = ["name", "email", "phone", "message", "created_at", "handled"]
    readonly_fields = ["name", "email", "phone", "message", "created_at"]

    def has_add_permission(self, request):
        return False

    @admin.action(description="Mark selected messages as handled", permissions=["change"])
    def mark_handled(self, request, queryset):
        count = queryset.update(handled=True)
        self.message_user(request, f"{count} message(s) marked as handled.", messages.SUCCESS)

    @admin.action(description="Mark selected messages as not handled", permissions=["change"])
    def mark_not_handled(self, request, queryset):
        count = queryset.update(handled=False)
        self.message_user(request, f"{count} message(s) marked as not handled.", messages.SUCCESS)


# django-axes' list of failed logins: its one action deletes rows, so only staff who
# may delete them run it (axes declares no permission, so view-only staff could).
admin.site.unregister(AccessAttempt)


@admin.register(AccessAttempt)
class LoginAttemptAdmin(AxesAccessAttemptAdmin):
    @admin.action(description="Clean up expired attempts", permissions=["delete"])
    def cleanup_expired_attempts(self, request, queryset):
        return super().cleanup_expired_attempts(request, queryset)

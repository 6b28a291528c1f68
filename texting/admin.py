"""Admin for texts. `request_inlines()` is what the appointment request page shows."""

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.utils.html import format_html

from appointments.forms import us_phone_e164
from texting import services
from texting.models import (
    AppointmentConfirmation,
    InboundMessage,
    MessageTemplate,
    OptOut,
    OutboundMessage,
    OverdueMessage,
)


class TextThreadInline(admin.TabularInline):
    """The request's texts both ways, oldest first, as one conversation.

    The formset itself is empty (nothing here is edited); the template draws the
    thread from `texting_admin.text_thread`.
    """

    model = OutboundMessage
    template = "admin/texting/text_thread.html"
    verbose_name_plural = "texts"
    extra = 0
    max_num = 0
    can_delete = False
    fields = ["kind"]

    def get_queryset(self, request):
        return super().get_queryset(request).none()

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


def request_inlines() -> list:
    """Inline admin classes showing a request's texts, both ways, in order."""
    return [TextThreadInline]


def _request_link(obj):
    if obj.request_id is None:
        return "-"
    return format_html('<a href="{}">{}</a>', obj.request.get_admin_url(), obj.request.reference)


class DueFilter(admin.SimpleListFilter):
    title = "delivery health"
    parameter_name = "health"

    def lookups(self, request, model_admin):
        return [
            ("overdue", "Overdue (due over 5 minutes ago, not sent)"),
            ("review", "Needs review"),
            ("problems", "Failed or not delivered"),
        ]

    def queryset(self, request, queryset):
        if self.value() == "overdue":
            return queryset.overdue()
        if self.value() == "review":
            return queryset.filter(status=OutboundMessage.Status.REVIEW)
        if self.value() == "problems":
            return queryset.filter(
                status__in=[OutboundMessage.Status.FAILED, OutboundMessage.Status.UNDELIVERED]
            )
        return queryset


@admin.register(OutboundMessage)
class OutboundMessageAdmin(admin.ModelAdmin):
    list_display = [
        "id",
        "request_link",
        "kind",
        "status",
        "send_at",
        "attempts",
        "delivery_status",
        "last_error",
        "sent_at",
    ]
    list_filter = [DueFilter, "status", "kind"]
    search_fields = ["request__reference", "twilio_sid", "dedupe_key"]
    list_select_related = ["request"]
    date_hierarchy = "send_at"
    actions = ["retry", "cancel"]
    readonly_fields = [
        "request",
        "kind",
        "to_phone",
        "body",
        "send_at",
        "status",
        "attempts",
        "claimed_at",
        "twilio_sid",
        "delivery_status",
        "last_error",
        "dedupe_key",
        "created_at",
        "sent_at",
        "updated_at",
    ]

    @admin.display(description="request", ordering="request__reference")
    def request_link(self, obj):
        return _request_link(obj)

    def has_add_permission(self, request):
        return False

    @admin.action(
        description="Retry now (failed, needs review or cancelled)", permissions=["change"]
    )
    def retry(self, request, queryset: QuerySet):
        done = sum(services.message_retry(message=m) for m in queryset)
        self.message_user(request, f"{done} text(s) queued to go now.", messages.SUCCESS)

    @admin.action(description="Cancel (not sent yet)", permissions=["change"])
    def cancel(self, request, queryset: QuerySet):
        done = sum(services.message_cancel(message=m) for m in queryset)
        self.message_user(request, f"{done} text(s) cancelled.", messages.SUCCESS)


@admin.register(OverdueMessage)
class OverdueMessageAdmin(OutboundMessageAdmin):
    """Texts that should have gone: if this list is not empty, the worker is stopped."""

    list_filter = ["kind"]

    def changelist_view(self, request, extra_context=None):
        count = OverdueMessage.objects.count()
        if count:
            self.message_user(
                request,
                f"{count} text(s) are late. The texting worker may be stopped: "
                "ask the site's engineer to check it.",
                messages.WARNING,
            )
        return super().changelist_view(request, extra_context)


@admin.register(InboundMessage)
class InboundMessageAdmin(admin.ModelAdmin):
    """The inbox: replies from patients, newest first."""

    list_display = [
        "received_at",
        "request_link",
        "kind",
        "short_body",
        "is_urgent",
        "needs_attention",
        "is_read",
    ]
    list_filter = ["is_read", "is_urgent", "needs_attention", "kind"]
    list_select_related = ["request"]
    search_fields = ["request__reference", "message_sid"]
    actions = ["mark_read", "mark_unread"]
    fields = [
        "received_at",
        "request",
        "from_phone",
        "body",
        "kind",
        "is_urgent",
        "needs_attention",
        "is_read",
        "message_sid",
    ]
    readonly_fields = ["received_at", "request", "from_phone", "body", "kind", "message_sid"]

    @admin.display(description="request", ordering="request__reference")
    def request_link(self, obj):
        return _request_link(obj)

    @admin.display(description="text")
    def short_body(self, obj):
        return obj.body if len(obj.body) <= 80 else obj.body[:79] + "…"

    def has_add_permission(self, request):
        return False

    @admin.action(description="Mark as read", permissions=["change"])
    def mark_read(self, request, queryset: QuerySet):
        count = queryset.update(is_read=True)
        self.message_user(request, f"{count} repl(ies) marked as read.", messages.SUCCESS)

    @admin.action(description="Mark as unread", permissions=["change"])
    def mark_unread(self, request, queryset: QuerySet):
        count = queryset.update(is_read=False)
        self.message_user(request, f"{count} repl(ies) marked as unread.", messages.SUCCESS)


class OptOutForm(forms.ModelForm):
    """The phone as staff type it, stored in E.164 like every number we text."""

    class Meta:
        model = OptOut
        fields = ["phone", "source"]

    def clean_phone(self) -> str:
        return us_phone_e164(self.cleaned_data["phone"])


@admin.register(OptOut)
class OptOutAdmin(admin.ModelAdmin):
    """Phones that get no texts. Deleting a row lets texts go to that phone again."""

    form = OptOutForm
    list_display = ["phone", "source", "created_at"]
    list_filter = ["source"]
    search_fields = ["phone"]
    readonly_fields = ["created_at"]

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
        else:
            services.optout_add(phone=obj.phone, source=obj.source)
            obj.pk = OptOut.objects.get(phone=obj.phone).pk


@admin.register(MessageTemplate)
class MessageTemplateAdmin(admin.ModelAdmin):
    list_display = ["kind", "segments", "updated_at"]
    readonly_fields = ["kind", "segments", "updated_at"]
    fields = ["kind", "body", "segments", "updated_at"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AppointmentConfirmation)
class AppointmentConfirmationAdmin(admin.ModelAdmin):
    list_display = ["created_at", "request_link", "scheduled_at"]
    list_select_related = ["request"]
    readonly_fields = ["request", "scheduled_at", "inbound", "created_at"]

    @admin.display(description="request")
    def request_link(self, obj):
        return _request_link(obj)

    def has_add_permission(self, request):
        return False

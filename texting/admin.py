"""Admin for the outbox (texts and emails), the inbox, opt-outs and templates.

An app shows the texts about one of its rows with
`{% include "admin/texting/text_thread.html" with subject_id=... %}`.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.views.main import ChangeList
from django.db.models import QuerySet
from django.utils.html import format_html

from clinic.phones import phone_e164
from texting import registry, services
from texting.models import (
    InboundMessage,
    MessageTemplate,
    OptOut,
    OutboundMessage,
    OverdueMessage,
)


class SubjectChangeList(ChangeList):
    """Looks up, in one batch, what each listed message is about (see registry.Subjects)."""

    def get_results(self, request):
        super().get_results(request)
        subjects = registry.subjects()
        ids = [obj.subject_id for obj in self.result_list if obj.subject_id is not None]
        links = subjects.links(ids) if subjects and ids else {}
        for obj in self.result_list:
            obj.subject_link = links.get(obj.subject_id)


class SubjectAdminMixin:
    """The "request" column and search by its reference, for the outbox and the inbox."""

    def get_changelist(self, request, **kwargs):
        return SubjectChangeList

    def get_search_results(self, request, queryset, search_term):
        results, duplicates = super().get_search_results(request, queryset, search_term)
        subjects = registry.subjects()
        if subjects and search_term.strip():
            ids = subjects.search(search_term.strip())
            if ids:
                results = results | queryset.filter(subject_id__in=ids)
        return results, duplicates

    @admin.display(description="request")
    def request_link(self, obj):
        if not hasattr(obj, "subject_link"):  # a change page: one message, one lookup
            subjects = registry.subjects()
            found = subjects.links([obj.subject_id]) if subjects and obj.subject_id else {}
            obj.subject_link = found.get(obj.subject_id)
        link = obj.subject_link
        return format_html('<a href="{}">{}</a>', *link) if link else "-"


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


class KindFilter(admin.SimpleListFilter):
    """The kinds every app registered with the outbox, by their labels."""

    title = "kind"
    parameter_name = "kind"

    def lookups(self, request, model_admin):
        return registry.kind_choices()

    def queryset(self, request, queryset):
        return queryset.filter(kind=self.value()) if self.value() else queryset


@admin.register(OutboundMessage)
class OutboundMessageAdmin(SubjectAdminMixin, admin.ModelAdmin):
    list_display = [
        "id",
        "request_link",
        "channel",
        "kind_label",
        "status",
        "send_at",
        "attempts",
        "delivery_status",
        "last_error",
        "sent_at",
    ]
    list_filter = [DueFilter, "status", "channel", KindFilter]
    search_fields = ["twilio_sid", "dedupe_key"]
    date_hierarchy = "send_at"
    actions = ["retry", "cancel"]
    readonly_fields = [
        "request_link",
        "channel",
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

    def has_add_permission(self, request):
        return False

    @admin.display(description="kind", ordering="kind")
    def kind_label(self, obj):
        return obj.kind_label

    @admin.action(
        description="Retry now (failed, needs review or cancelled)", permissions=["change"]
    )
    def retry(self, request, queryset: QuerySet):
        # A text in "Needs review" is first looked up in Twilio's log: one that went
        # out is marked sent instead of going twice.
        reviewed = list(queryset.filter(status=OutboundMessage.Status.REVIEW).values_list("pk"))
        done = sum(services.message_retry(message=m) for m in queryset)
        found = queryset.filter(pk__in=reviewed, status=OutboundMessage.Status.SENT).count()
        self.message_user(request, f"{done} message(s) queued to go now.", messages.SUCCESS)
        if found:
            self.message_user(
                request,
                f"{found} message(s) had already gone out (found in Twilio's log): "
                "marked sent, not sent again.",
                messages.WARNING,
            )

    @admin.action(description="Cancel (not sent yet)", permissions=["change"])
    def cancel(self, request, queryset: QuerySet):
        done = sum(services.message_cancel(message=m) for m in queryset)
        self.message_user(request, f"{done} message(s) cancelled.", messages.SUCCESS)


@admin.register(OverdueMessage)
class OverdueMessageAdmin(OutboundMessageAdmin):
    """Texts that should have gone: if this list is not empty, the worker is stopped."""

    list_filter = ["channel", KindFilter]

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
class InboundMessageAdmin(SubjectAdminMixin, admin.ModelAdmin):
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
    search_fields = ["message_sid"]
    actions = ["mark_read", "mark_unread"]
    fields = [
        "received_at",
        "request_link",
        "from_phone",
        "body",
        "kind",
        "is_urgent",
        "needs_attention",
        "is_read",
        "message_sid",
    ]
    readonly_fields = ["received_at", "request_link", "from_phone", "body", "kind", "message_sid"]

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
        return phone_e164(self.cleaned_data["phone"])


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

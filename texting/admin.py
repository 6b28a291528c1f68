"""Admin for the outbox (texts and emails), the inbox, opt-outs and templates.

An app shows the texts about one of its rows with
`{% include "admin/texting/text_thread.html" with subject_id=... %}`.
"""

from functools import partial

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.views.main import ChangeList
from django.db.models import Case, IntegerField, QuerySet, Value, When
from django.urls import path, reverse
from django.utils.html import format_html

from clinic.display import when_display
from clinic.phones import phone_display, phone_e164, phone_e164_or_none
from texting import conversations, registry, services
from texting.admin_conversation import conversation_view
from texting.models import (
    InboundMessage,
    MessageTemplate,
    OptOut,
    OutboundMessage,
    OverdueMessage,
    QuickReply,
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


class InboxChangeList(SubjectChangeList):
    """Also the patient's name for each listed phone, in one lookup per app."""

    def get_results(self, request):
        super().get_results(request)
        related = conversations.related_for(list({obj.from_phone for obj in self.result_list}))
        for obj in self.result_list:
            named = [r for r in related.get(obj.from_phone, []) if r.name]
            obj.patient_link = (named[0].url, named[0].name) if named else None


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
        "due",
        "attempts",
        "delivery_status",
        "last_error",
        "sent",
        "sender",
    ]
    list_filter = [DueFilter, "status", "channel", KindFilter]
    list_select_related = ["sent_by"]
    search_fields = ["twilio_sid", "dedupe_key"]
    date_hierarchy = "send_at"
    actions = ["retry", "cancel"]
    readonly_fields = [
        "request_link",
        "channel",
        "kind",
        "to",
        "sender",
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

    @admin.display(description="to")
    def to(self, obj):
        return format_html('<a href="tel:{}">{}</a>', obj.to_phone, phone_display(obj.to_phone))

    @admin.display(description="due", ordering="send_at")
    def due(self, obj):
        return when_display(obj.send_at)

    @admin.display(description="sent", ordering="sent_at")
    def sent(self, obj):
        return when_display(obj.sent_at) or "–"

    @admin.display(description="written by")
    def sender(self, obj):
        if obj.sent_by_id is None:
            return "Automatic"
        return obj.sent_by.get_full_name() or obj.sent_by.get_username()

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


# Urgent unread first, then unread, then the rest (newest first within each).
INBOX_PRIORITY = Case(
    When(is_read=False, is_urgent=True, then=Value(0)),
    When(is_read=False, then=Value(1)),
    default=Value(2),
    output_field=IntegerField(),
)


@admin.register(InboundMessage)
class InboundMessageAdmin(SubjectAdminMixin, admin.ModelAdmin):
    """The inbox: urgent unread replies first, each with who sent it and how to call."""

    list_display = [
        "received",
        "patient",
        "phone_link",
        "message",
        "urgent_word",
        "read_word",
        "open_conversation",
    ]
    list_display_links = None
    list_filter = ["is_read", "is_urgent", "needs_attention", "kind"]
    list_per_page = 50
    # Names and references are found through the registry (`SubjectAdminMixin`).
    search_fields = ["body", "from_phone", "message_sid"]
    search_help_text = "Search by phone (any way it is typed), name, reference or words."
    actions = ["mark_read", "mark_unread"]
    fields = [
        "received_at",
        "request_link",
        "phone_link",
        "body",
        "kind",
        "is_urgent",
        "needs_attention",
        "is_read",
        "message_sid",
    ]
    readonly_fields = ["received_at", "request_link", "phone_link", "body", "kind", "message_sid"]

    def get_changelist(self, request, **kwargs):
        return InboxChangeList

    def get_urls(self):
        view = self.admin_site.admin_view(partial(conversation_view, self))
        return [
            path("<int:pk>/conversation/", view, name="texting_conversation"),
            *super().get_urls(),
        ]

    def get_ordering(self, request):
        return [INBOX_PRIORITY.asc(), "-received_at"]

    def get_search_results(self, request, queryset, search_term):
        results, duplicates = super().get_search_results(request, queryset, search_term)
        e164 = phone_e164_or_none(search_term)
        if e164:
            results = results | queryset.filter(from_phone=e164)
        return results, duplicates

    @admin.display(description="received", ordering="received_at")
    def received(self, obj):
        return when_display(obj.received_at)

    @admin.display(description="patient")
    def patient(self, obj):
        link = getattr(obj, "patient_link", None)
        return format_html('<a href="{}">{}</a>', *link) if link else "Unknown number"

    @admin.display(description="phone")
    def phone_link(self, obj):
        return format_html('<a href="tel:{}">{}</a>', obj.from_phone, phone_display(obj.from_phone))

    @admin.display(description="text")
    def message(self, obj):
        return format_html('<span class="inbox-text">{}</span>', obj.body)

    @admin.display(description="urgent", ordering="is_urgent")
    def urgent_word(self, obj):
        if obj.is_urgent:
            return format_html('<strong class="flag flag-urgent">{}</strong>', "Urgent")
        return "Needs a call" if obj.needs_attention else ""

    @admin.display(description="read", ordering="is_read")
    def read_word(self, obj):
        return "Read" if obj.is_read else format_html("<strong>{}</strong>", "Not read")

    @admin.display(description="answer")
    def open_conversation(self, obj):
        return format_html(
            '<a class="button" href="{}">Open and answer</a>',
            reverse("admin:texting_conversation", args=[obj.pk]),
        )

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


@admin.register(QuickReply)
class QuickReplyAdmin(admin.ModelAdmin):
    """Saved answers for the conversation page's reply box."""

    list_display = ["title", "body", "order", "active"]
    fields = ["title", "body", "order", "active"]


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
    list_display = ["phone_shown", "source", "created_at"]
    list_filter = ["source"]
    search_fields = ["phone"]
    readonly_fields = ["created_at"]

    @admin.display(description="phone", ordering="phone")
    def phone_shown(self, obj):
        return phone_display(obj.phone)

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
        else:
            services.optout_add(phone=obj.phone, source=obj.source)
            obj.pk = OptOut.objects.get(phone=obj.phone).pk


@admin.register(MessageTemplate)
class MessageTemplateAdmin(admin.ModelAdmin):
    list_display = ["kind", "segments", "segments_es", "updated_at"]
    readonly_fields = ["kind", "segments", "segments_es", "updated_at"]
    fields = ["kind", "body", "segments", "body_es", "segments_es", "updated_at"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

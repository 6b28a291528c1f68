"""The conversation page in the admin: one phone's texts both ways, and a reply box."""

from __future__ import annotations

import uuid

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone

from clinic.display import phone_display
from texting import bodies, conversations, timing
from texting.models import InboundMessage, OptOut, QuickReply


class ReplyForm(forms.Form):
    quick_reply = forms.ModelChoiceField(
        label="Quick reply",
        queryset=QuickReply.objects.filter(active=True),
        required=False,
        empty_label="Choose a saved answer",
        help_text="Puts the saved words in the box below, where you can change them.",
    )
    body = forms.CharField(
        label="Your answer",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "data-segments": ""}),
    )
    send_now = forms.BooleanField(
        label="Send now, although it is quiet hours: she wrote to us less than 2 hours ago",
        required=False,
    )
    key = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args, quiet_choice: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["key"].initial = uuid.uuid4()
        if not quiet_choice:
            del self.fields["send_now"]

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("body") or "").strip() and cleaned.get("quick_reply"):
            cleaned["body"] = cleaned["quick_reply"].body
        return cleaned


def conversation_view(model_admin, request, pk: int):
    """GET shows the conversation; POST sends an answer and comes back to it."""
    if not model_admin.has_view_permission(request):
        raise PermissionDenied
    message = get_object_or_404(InboundMessage, pk=pk)
    phone = message.from_phone
    now = timezone.now()
    quiet_choice = timing.is_quiet(now) and conversations.may_answer_in_quiet_hours(phone, now)
    related = conversations.related_for([phone])[phone]
    can_reply = model_admin.has_change_permission(request)
    form = ReplyForm(request.POST or None, quiet_choice=quiet_choice)
    if request.method == "POST":
        if not can_reply:
            raise PermissionDenied
        if form.is_valid():
            latest = conversations.last_message_from(phone)
            try:
                conversations.conversation_reply(
                    phone=phone,
                    body=form.cleaned_data["body"],
                    by=request.user,
                    key=form.cleaned_data["key"],
                    subject_id=latest.subject_id if latest else None,
                    send_in_quiet_hours=form.cleaned_data.get("send_now", False),
                )
            except ValidationError as exc:
                for problem in exc.messages:
                    form.add_error("body", problem)
            else:
                messages.success(request, "Your answer is on its way.")
                return redirect("admin:texting_conversation", pk)
    elif can_reply:
        # Opening the conversation is reading it.
        conversations.conversation_mark_read(phone=phone)
    names = sorted({item.name for item in related if item.name})
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": f"Conversation with {' / '.join(names) or phone_display(phone)}",
        "phone": phone,
        "phone_shown": phone_display(phone),
        "names": names,
        "related": related,
        "entries": conversations.conversation_entries(phone),
        "form": form,
        "can_reply": can_reply,
        "opted_out": OptOut.objects.filter(phone=phone).exists(),
        "quiet_now": timing.is_quiet(now),
        "max_segments": conversations.MAX_REPLY_SEGMENTS,
        "segment_config": {
            "basic": "".join(sorted(bodies.GSM7_BASIC)),
            "extended": "".join(sorted(bodies.GSM7_EXTENDED)),
            "max": conversations.MAX_REPLY_SEGMENTS,
        },
        "quick_replies": {str(q.pk): q.body for q in form.fields["quick_reply"].queryset},
    }
    return TemplateResponse(request, "admin/texting/conversation.html", context)

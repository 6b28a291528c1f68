"""Messages to and from patients: the outbox (texts and emails), the inbox,
templates and opt-outs.

Messages are rows, not queue entries: Celery only carries their ids. What each
kind of message means belongs to the app that queues it (see `texting.registry`).
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone

from texting import bodies


class OutboundMessageQuerySet(models.QuerySet):
    def pending(self) -> "OutboundMessageQuerySet":
        return self.filter(status=OutboundMessage.Status.PENDING)

    def due(self, now: datetime.datetime) -> "OutboundMessageQuerySet":
        return self.pending().filter(send_at__lte=now)

    def overdue(self, now: datetime.datetime | None = None) -> "OutboundMessageQuerySet":
        """Pending texts that should have gone more than five minutes ago."""
        now = now or timezone.now()
        return self.pending().filter(send_at__lt=now - OVERDUE_AFTER)

    def stuck_sending(self, now: datetime.datetime) -> "OutboundMessageQuerySet":
        """Texts claimed by a worker that never recorded a result."""
        return self.filter(status=OutboundMessage.Status.SENDING, claimed_at__lt=now - STUCK_AFTER)

    def texts(self) -> "OutboundMessageQuerySet":
        return self.filter(channel=OutboundMessage.Channel.SMS)

    def emails(self) -> "OutboundMessageQuerySet":
        return self.filter(channel=OutboundMessage.Channel.EMAIL)

    def for_phone(self, phone: str) -> "OutboundMessageQuerySet":
        return self.filter(to_phone=phone)


# A due text still pending after this is shown in the admin's "overdue" list.
OVERDUE_AFTER = datetime.timedelta(minutes=5)
# Longer than the task time limit: a text "sending" for this long lost its worker.
STUCK_AFTER = datetime.timedelta(minutes=10)


class OutboundMessage(models.Model):
    """One text or email, updated as it goes: queued, sent, delivered or not.

    A text's body is rendered when it is queued (staff see what went out); an
    email is built when it is sent, from `request` and `kind` (see
    `texting.registry`), so its address, words and calendar file are never stored.
    """

    class Channel(models.TextChoices):
        SMS = "sms", "Text"
        EMAIL = "email", "Email"

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        SENDING = "sending", "Sending"
        SENT = "sent", "Sent"
        DELIVERED = "delivered", "Delivered"
        UNDELIVERED = "undelivered", "Not delivered"
        FAILED = "failed", "Failed"
        CANCELLED = "cancelled", "Cancelled"
        REVIEW = "review", "Needs review"

    # What the message is about, as an id in the app that queued it (an appointment
    # request's): texting stores it and hands it back through `texting.registry`,
    # never reads that app's tables. The column keeps its first name.
    subject_id = models.BigIntegerField(
        null=True, blank=True, db_index=True, db_column="request_id"
    )
    channel = models.CharField(max_length=5, choices=Channel.choices, default=Channel.SMS)
    # A kind registered in `texting.registry` by the app that queues it.
    kind = models.CharField(max_length=24)
    to_phone = models.CharField("to", max_length=16, blank=True)
    body = models.TextField(blank=True)
    send_at = models.DateTimeField(db_index=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    claimed_at = models.DateTimeField(null=True, blank=True)
    twilio_sid = models.CharField("Twilio reference", max_length=64, blank=True, db_index=True)
    delivery_status = models.CharField(max_length=20, blank=True)
    last_error = models.CharField(max_length=200, blank=True)
    dedupe_key = models.CharField("internal key", max_length=100, unique=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The staff member who wrote it; empty for automatic texts.",
    )
    quiet_hours_ok = models.BooleanField(
        "may go during quiet hours",
        default=False,
        help_text="An answer to the patient's own message may go between 9 pm and 8 am.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OutboundMessageQuerySet.as_manager()

    class Meta:
        ordering = ["send_at", "pk"]
        indexes = [models.Index(fields=["status", "send_at"])]
        verbose_name = "message sent"
        verbose_name_plural = "messages sent"

    def __str__(self):
        return f"{self.kind_label} #{self.pk}"

    @property
    def kind_label(self) -> str:
        from texting.registry import kind_lookup

        return kind_lookup(self.kind).label

    def get_admin_url(self) -> str:
        return reverse("admin:texting_outboundmessage_change", args=[self.pk])


class OverdueMessageManager(models.Manager):
    def get_queryset(self):
        return OutboundMessageQuerySet(self.model, using=self._db).overdue()


class OverdueMessage(OutboundMessage):
    """Pending texts due more than five minutes ago: a stopped worker shows here."""

    objects = OverdueMessageManager()

    class Meta:
        proxy = True
        verbose_name = "overdue message"
        verbose_name_plural = "overdue messages"


class InboundMessage(models.Model):
    """A text a patient sent us, stored once per Twilio MessageSid."""

    class Kind(models.TextChoices):
        MESSAGE = "message", "Message"
        OPT_OUT = "opt_out", "Opt-out (STOP)"
        OPT_IN = "opt_in", "Opt-in (START)"
        HELP = "help", "Help"
        CONFIRMATION = "confirmation", "Confirmed appointment"
        DAY_ONE = "day_one", "Day 1 (her cycle started)"

    message_sid = models.CharField("Twilio reference", max_length=64, unique=True)
    from_phone = models.CharField("from", max_length=16, db_index=True)
    body = models.TextField(blank=True)
    # What the reply answers, as an id in the app that registered a "received" reply
    # handler (an appointment request's; see `texting.registry`).
    subject_id = models.BigIntegerField(
        null=True, blank=True, db_index=True, db_column="request_id"
    )
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.MESSAGE)
    received_at = models.DateTimeField(default=timezone.now, db_index=True)
    is_read = models.BooleanField("read", default=False)
    is_urgent = models.BooleanField(
        "urgent", default=False, help_text="Mentions fever, heavy bleeding, severe pain or 911."
    )
    needs_attention = models.BooleanField(
        default=False,
        help_text="Asks us to stop texting in their own words, or says CANCEL: call them.",
    )

    class Meta:
        ordering = ["-received_at", "-pk"]
        verbose_name = "reply from a patient"
        verbose_name_plural = "replies from patients"

    def __str__(self):
        return f"Reply #{self.pk}"

    def get_admin_url(self) -> str:
        return reverse("admin:texting_inboundmessage_change", args=[self.pk])


class QuickReply(models.Model):
    """A saved answer the front desk can put in the reply box with one click."""

    title = models.CharField(max_length=60, help_text="What staff see in the list.")
    body = models.TextField(max_length=480, help_text="The words of the text, as sent.")
    order = models.PositiveSmallIntegerField(default=0)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["order", "title"]
        verbose_name_plural = "quick replies"

    def __str__(self):
        return self.title

    def clean(self):
        problems = bodies.FORBIDDEN_WORDS.findall(self.body)
        if problems:
            raise ValidationError(
                {"body": f"Texts must not name the exam or health details: {', '.join(problems)}."}
            )


class OptOut(models.Model):
    """A phone that must not get texts. STOP adds it; START or UNSTOP removes it."""

    class Source(models.TextChoices):
        KEYWORD = "keyword", "Patient texted STOP"
        TWILIO = "twilio", "Twilio reported the number opted out (21610)"
        STAFF = "staff", "Added by staff"

    phone = models.CharField(max_length=16, unique=True)
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.STAFF)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "opt-out"

    def __str__(self):
        return f"Opt-out #{self.pk}"


class MessageTemplate(models.Model):
    """The words of each automatic text, editable by staff and checked on save."""

    class Kind(models.TextChoices):
        RECEIVED = "received", "Request received"
        SCHEDULED = "scheduled", "Appointment scheduled"
        MOVED = "moved", "Visit moved (rescheduled)"
        REMINDER = "reminder", "Reminder (day before)"
        FOLLOW_UP = "follow_up", "Follow-up (after the exam)"
        REPLY_HELP = "reply_help", "Reply to HELP"
        REPLY_URGENT = "reply_urgent", "Reply to an urgent message (office open)"
        REPLY_CLOSED = "reply_closed", "Reply to an urgent message (office closed)"
        REPLY_MESSAGE = "reply_message", "Reply to any other message (when we answer)"
        REPLY_CONFIRMED = "reply_confirmed", "Reply to C (confirmed)"
        REPLY_NOTHING_TO_CONFIRM = "reply_no_visit", "Reply to C (no upcoming visit)"
        REPLY_START = "reply_start", "Reply to START"
        DAY1_LINK = "day1_link", "Reply to day 1 (her link to pick a time)"
        DAY1_CALL = "day1_call", "Reply to day 1 (staff will call)"
        DAY1_UNKNOWN = "day1_unknown", "Reply to day 1 (a number we do not know)"
        DAY1_REMIND = "day1_remind", "Text 2 days before her expected day 1"
        DAY1_REMIND_2 = "day1_remind_2", "Text 3 days after her expected day 1"
        WAITLIST_OFFER = "waitlist_offer", "Earlier time offered (waitlist)"

    kind = models.CharField(max_length=16, choices=Kind.choices, unique=True)
    body = models.TextField(help_text=bodies.PLACEHOLDER_HELP)
    body_es = models.TextField(
        "body (Spanish)",
        blank=True,
        help_text="Sent to patients who asked in Spanish; empty: the English is sent.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    translated_fields = ("body",)

    class Meta:
        ordering = ["kind"]

    def __str__(self):
        return self.get_kind_display()

    def clean(self):
        needs_opt_out = self.kind in bodies.OPT_OUT_KINDS
        needs_closed_help = self.kind in bodies.CLOSED_HELP_KINDS
        errors = {}
        english = bodies.template_errors(
            self.body, needs_opt_out=needs_opt_out, needs_closed_help=needs_closed_help
        )
        if english:
            errors["body"] = english
        if self.body_es.strip():
            spanish = bodies.template_errors(
                self.body_es,
                needs_opt_out=needs_opt_out,
                needs_closed_help=needs_closed_help,
                language="es",
            )
            if spanish:
                errors["body_es"] = spanish
        if errors:
            raise ValidationError(errors)

    @property
    def segments(self) -> int:
        """SMS segments with the longest realistic values filled in."""
        return bodies.longest_segments(self.body)

    @property
    def segments_es(self) -> int | None:
        """The same for the Spanish text (None when there is none)."""
        return bodies.longest_segments(self.body_es, "es") if self.body_es.strip() else None

"""Erase patient data past the practice's retention period, keeping what is counted.

A request's patient data goes `Practice.patient_data_retention_days` after its last
activity (its last change, and its exam date if it has one), counted in whole New
York days: data last touched on day D is kept through day D + N and erased by the
first run on day D + N + 1. What stays: the request row (reference, exam, status,
dates, screening flags, plan), each text and reply (kind, status, times, urgent,
read), each contact message's date, the status history's who and when, and the
access log. What goes: names, date of birth, phone, email, period date, referral,
notes, cancel reasons, consent wording, text and reply bodies and numbers, contact
messages' words. Opt-outs are kept: a number that said STOP must stay stopped.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from appointments.models import AppointmentRequest
from clinic.models import ContactMessage, Practice
from texting.models import InboundMessage, OutboundMessage

# What an anonymised request keeps in each patient field.
ERASED_REQUEST = {
    "first_name": "",
    "last_name": "",
    "date_of_birth": None,
    "phone": "",
    "email": "",
    "last_period_start": None,
    "insurance_other": "",
    "referring_physician": "",
    "referring_physician_phone": "",
    "referring_physician_fax": "",
    "notes": "",
    "sms_consent_text": "",
    "cancel_reason": "",
}


@dataclasses.dataclass(frozen=True)
class RetentionPlan:
    days: int | None
    cutoff: dt.datetime | None
    requests: int = 0
    history_rows: int = 0
    texts: int = 0
    replies: int = 0
    contact_messages: int = 0

    def lines(self, *, done: bool = False) -> list[str]:
        if self.days is None:
            return ["Retention is not set (Practice profile): nothing is erased."]
        before = timezone.localtime(self.cutoff)
        verb = "erased" if done else "to erase"
        return [
            f"Keep patient data {self.days} days: erase what was last active before "
            f"{before:%Y-%m-%d %H:%M %Z}.",
            f"Appointment requests {'anonymised' if done else 'to anonymise'}: {self.requests}",
            f"  their history rows: {self.history_rows}",
            f"Texts sent {verb}: {self.texts}",
            f"Replies from patients {verb}: {self.replies}",
            f"Contact messages {verb}: {self.contact_messages}",
        ]


def retention_cutoff(*, days: int, now: dt.datetime | None = None) -> dt.datetime:
    """Midnight (New York) starting the day `days` before today: older data is past it."""
    today = timezone.localdate(now or timezone.now())
    return timezone.make_aware(dt.datetime.combine(today - dt.timedelta(days=days), dt.time.min))


def _requests(cutoff):
    return AppointmentRequest.objects.filter(
        anonymised_at__isnull=True, updated_at__lt=cutoff
    ).filter(Q(scheduled_at__isnull=True) | Q(scheduled_at__lt=cutoff))


def _texts(cutoff, request_ids):
    return (
        OutboundMessage.objects.filter(created_at__lt=cutoff)
        .exclude(status=OutboundMessage.Status.SENDING)  # a worker holds it: next run
        .filter(
            Q(subject_id__isnull=True)
            | Q(
                subject_id__in=AppointmentRequest.objects.filter(
                    anonymised_at__isnull=False
                ).values("pk")
            )
            | Q(subject_id__in=request_ids)
        )
        .exclude(body="", to_phone="")
    )


def _replies(cutoff, request_ids):
    return (
        InboundMessage.objects.filter(received_at__lt=cutoff)
        .filter(
            Q(subject_id__isnull=True)
            | Q(
                subject_id__in=AppointmentRequest.objects.filter(
                    anonymised_at__isnull=False
                ).values("pk")
            )
            | Q(subject_id__in=request_ids)
        )
        .exclude(body="", from_phone="")
    )


def _contact_messages(cutoff):
    return ContactMessage.objects.filter(created_at__lt=cutoff).exclude(
        name="", email="", phone="", message=""
    )


def _days(days: int | None) -> int | None:
    if days is not None:
        return days
    return Practice.objects.current().patient_data_retention_days


def retention_plan(*, days: int | None = None, now: dt.datetime | None = None) -> RetentionPlan:
    """What a run would erase now, without erasing anything."""
    days = _days(days)
    if days is None:
        return RetentionPlan(days=None, cutoff=None)
    cutoff = retention_cutoff(days=days, now=now)
    ids = _requests(cutoff).values("pk")
    return RetentionPlan(
        days=days,
        cutoff=cutoff,
        requests=_requests(cutoff).count(),
        history_rows=AppointmentRequest.history.filter(id__in=ids).count(),
        texts=_texts(cutoff, ids).count(),
        replies=_replies(cutoff, ids).count(),
        contact_messages=_contact_messages(cutoff).count(),
    )


@transaction.atomic
def retention_apply(*, days: int | None = None, now: dt.datetime | None = None) -> RetentionPlan:
    """Erase what `retention_plan` lists, in one transaction; return what was erased."""
    plan = retention_plan(days=days, now=now)
    if plan.days is None:
        return plan
    now = now or timezone.now()
    ids = list(_requests(plan.cutoff).select_for_update().values_list("pk", flat=True))
    texts = _texts(plan.cutoff, ids)
    # A text or email still waiting for an erased patient can never go: cancel it.
    OutboundMessage.objects.filter(
        subject_id__in=ids, status=OutboundMessage.Status.PENDING
    ).update(status=OutboundMessage.Status.CANCELLED, last_error="Patient data erased (retention).")
    texts.update(body="", to_phone="")
    _replies(plan.cutoff, ids).update(body="", from_phone="")
    # update() leaves updated_at alone and writes no history row: the erasure is the
    # anonymised_at stamp, and the history keeps who did what, minus the patient.
    AppointmentRequest.history.filter(id__in=ids).update(**ERASED_REQUEST)
    AppointmentRequest.objects.filter(pk__in=ids).update(**ERASED_REQUEST, anonymised_at=now)
    _contact_messages(plan.cutoff).update(name="", email="", phone="", message="")
    return plan

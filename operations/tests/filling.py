"""A practice's worth of realistic data, made with the factories: requests over six
months with their bookings, outcomes, texts, replies, status history and audit rows."""

from __future__ import annotations

import datetime as dt
import random
from zoneinfo import ZoneInfo

import time_machine
from django.contrib.auth import get_user_model

from appointments.models import AppointmentRequest
from appointments.tests.factories import AppointmentRequestFactory
from audit.models import AccessedRecord, AccessLog
from clinic.tests.factories import ContactMessageFactory
from procedures.tests.factories import ProcedureFactory
from texting.models import InboundMessage, OutboundMessage

NEW_YORK = ZoneInfo("America/New_York")
# The day the data is looked at: Tuesday, March 2, 2027, noon in New York.
FILLED_AT = dt.datetime(2027, 3, 2, 12, 0, tzinfo=NEW_YORK)
Status = AppointmentRequest.Status
Text = OutboundMessage.Status


def _text(request, kind, at, status=Text.DELIVERED):
    with time_machine.travel(at, tick=False):
        return OutboundMessage.objects.create(
            subject_id=request.pk,
            kind=kind,
            to_phone=request.phone,
            body=f"Interventional Radiology, P.C.: {kind}. Reply STOP to opt out.",
            send_at=at,
            status=status,
            attempts=1 if status != Text.PENDING else 0,
            sent_at=at if status in (Text.SENT, Text.DELIVERED) else None,
            dedupe_key=f"{kind}:{request.pk}",
        )


def fill_practice(requests: int = 500, seed: int = 14) -> dict:
    """Make `requests` requests ending before FILLED_AT; return how many of each row."""
    rng = random.Random(seed)
    staff = get_user_model().objects.create_user(
        username="frontdesk-fill", password="a-long-test-password", is_staff=True
    )
    procedures = [
        ProcedureFactory(slug="fill-hsg", short_name="HSG", name="Hysterosalpingogram"),
        ProcedureFactory(slug="fill-lipiodol", short_name="Lipiodol HSG", name="Lipiodol flush"),
        ProcedureFactory(slug="fill-ftr", short_name="FTR", name="Tube recanalization"),
    ]
    start = FILLED_AT - dt.timedelta(weeks=26)
    for n in range(requests):
        created = start + dt.timedelta(minutes=rng.randrange(26 * 7 * 24 * 60 - 3 * 24 * 60))
        with time_machine.travel(created, tick=False):
            request = AppointmentRequestFactory(
                procedure=rng.choices(procedures, weights=[7, 2, 1])[0],
                first_name=f"Fill{n}",
                phone=f"+1212555{n:04d}",
                sms_consent=True,
            )
        _text(request, "received", created)
        fate = rng.random()
        if fate < 0.15:
            continue  # still waiting for a call
        booked = created + dt.timedelta(hours=rng.choice([1, 3, 6, 20, 30, 50, 80]))
        exam = created + dt.timedelta(days=rng.randrange(3, 12), hours=2)
        if booked > FILLED_AT:
            continue
        with time_machine.travel(booked, tick=False):
            request.status = Status.SCHEDULED
            request.scheduled_at = exam
            if rng.random() < 0.1:
                request.window_override_reason = "Doctor agreed"
            request._history_user = staff
            request.save()
        _text(request, "scheduled", booked, Text.FAILED if rng.random() < 0.04 else Text.DELIVERED)
        if exam > FILLED_AT:
            _text(request, "reminder", exam - dt.timedelta(days=1), Text.PENDING)
            continue
        _text(request, "reminder", exam - dt.timedelta(days=1))
        with time_machine.travel(exam + dt.timedelta(hours=1), tick=False):
            if fate < 0.25:
                request.status, request.cancel_reason = Status.CANCELLED, "Patient called"
            elif fate < 0.32:
                request.status = Status.NO_SHOW
            else:
                request.status, request.completed_at = Status.COMPLETED, exam
            request._history_user = staff
            request.save()
        if request.status == Status.COMPLETED:
            _text(request, "follow_up", exam + dt.timedelta(days=1))
            if rng.random() < 0.5:
                received = exam + dt.timedelta(days=1, hours=rng.randrange(1, 8))
                InboundMessage.objects.create(
                    message_sid=f"SMfill{n:06d}",
                    from_phone=request.phone,
                    body="Some cramping but fine"
                    if rng.random() < 0.9
                    else "Fever and heavy bleeding",
                    subject_id=request.pk,
                    received_at=received,
                    is_read=True,
                    is_urgent=rng.random() < 0.1,
                )
    for n in range(20):
        with time_machine.travel(start + dt.timedelta(days=n * 9), tick=False):
            ContactMessageFactory(name=f"Contact {n}")
    _audit(staff, rng)
    return {
        "requests": AppointmentRequest.objects.count(),
        "history": AppointmentRequest.history.count(),
        "texts": OutboundMessage.objects.count(),
        "replies": InboundMessage.objects.count(),
        "audit": AccessLog.objects.count(),
    }


def _audit(staff, rng) -> None:
    """Staff opened every request once and saw each reply in the inbox some hours in."""
    logs, records = [], []
    for request in AppointmentRequest.objects.only("pk", "created_at"):
        logs.append(
            AccessLog(
                at=request.created_at + dt.timedelta(minutes=rng.randrange(5, 600)),
                user=staff,
                username=staff.username,
                ip="10.0.0.7",
                action=AccessLog.Action.VIEW,
                view="appointments_appointmentrequest_change",
                model="appointments.appointmentrequest",
                object_id=str(request.pk),
                record_count=1,
            )
        )
    for reply in InboundMessage.objects.only("pk", "received_at"):
        logs.append(
            AccessLog(
                at=reply.received_at + dt.timedelta(minutes=rng.randrange(2, 300)),
                user=staff,
                username=staff.username,
                ip="10.0.0.7",
                action=AccessLog.Action.LIST,
                view="texting_inboundmessage_changelist",
                model="texting.inboundmessage",
                record_count=1,
            )
        )
        logs[-1].shown = reply.pk
    AccessLog.objects.bulk_create(logs)
    for log in logs:
        model = log.model
        object_id = log.object_id or str(getattr(log, "shown", ""))
        records.append(AccessedRecord(log=log, model=model, object_id=object_id))
    AccessedRecord.objects.bulk_create(records)

"""Appointment requests and texts for the texting tests."""

import datetime
import itertools

from django.utils import timezone

from appointments.models import AppointmentRequest
from procedures.tests.factories import ProcedureFactory
from texting.models import OutboundMessage

_phones = itertools.count(1000)


def make_request(**fields) -> AppointmentRequest:
    """A request with texting consent; status and times are set by the caller."""
    values = {
        "procedure": fields.pop("procedure", None) or ProcedureFactory(),
        "first_name": "Dana",
        "last_name": "Rivera",
        "date_of_birth": datetime.date(1990, 4, 2),
        "phone": f"+1212555{next(_phones):04d}",
        "email": "dana@example.com",
        "sms_consent": True,
        "sms_consent_text": "I agree to get texts about my appointment.",
        "sms_consent_at": timezone.now(),
    }
    values.update(fields)
    return AppointmentRequest.objects.create(**values)


def make_scheduled(at: datetime.datetime, **fields) -> AppointmentRequest:
    return make_request(status=AppointmentRequest.Status.SCHEDULED, scheduled_at=at, **fields)


def make_message(request: AppointmentRequest, **fields) -> OutboundMessage:
    values = {
        "subject_id": request.pk,
        "kind": "received",
        "to_phone": request.phone,
        "body": "Interventional Radiology, P.C.: hello. Reply STOP to opt out.",
        "send_at": timezone.now(),
        "dedupe_key": f"received:{request.pk}",
    }
    values.update(fields)
    return OutboundMessage.objects.create(**values)

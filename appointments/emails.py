"""Emails about a request. Each runs after commit and never raises: a mail outage
is logged (without patient data) and the request stays saved.

Staff notices carry the reference and an admin link only. Patient emails carry what
the patient needs, and no more.
"""

from __future__ import annotations

import enum
import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from appointments import ics, tokens
from appointments.models import AppointmentRequest
from clinic.models import Practice

logger = logging.getLogger(__name__)
SEND_TIMEOUT = 10  # seconds; an SMTP server that hangs must not hold the patient's page


class StaffEvent(enum.StrEnum):
    NEW = "New appointment request"
    CANCELLED = "Request cancelled by the patient"
    OTHER_DATES = "Patient asked for other dates"


def subject(request: AppointmentRequest, practice: Practice | None = None) -> str:
    """Every email's subject: the practice's name and the reference, nothing else.

    Subjects show on lock screens and in shared inboxes; what happened is in the body.
    """
    practice = practice or Practice.objects.current()
    return f"{practice.name}: {request.reference}"


def manage_url(request: AppointmentRequest) -> str:
    return settings.SITE_URL + reverse(
        "appointments:manage", args=[tokens.manage_token(request.pk)]
    )


def _send(kind: str, request_id: int, message: EmailMessage) -> bool:
    try:
        message.connection = get_connection(timeout=SEND_TIMEOUT)
        message.send()
    except (smtplib.SMTPException, OSError) as exc:
        logger.warning("email %s for request %s not sent: %s", kind, request_id, type(exc).__name__)
        return False
    return True


def send_staff_notice(request_id: int, event: StaffEvent = StaffEvent.NEW) -> bool:
    request = AppointmentRequest.objects.only("pk", "reference").get(pk=request_id)
    return _send_staff_notice(request, event)


def _send_staff_notice(request: AppointmentRequest, event: StaffEvent) -> bool:
    request_id = request.pk
    body = render_to_string(
        "appointments/email/staff_notice.txt",
        {
            "event": event.value,
            "reference": request.reference,
            "admin_url": settings.SITE_URL + request.get_admin_url(),
        },
    )
    message = EmailMessage(
        subject=subject(request),
        body=body,
        to=settings.STAFF_NOTIFICATION_EMAILS,
    )
    return _send("staff_notice", request_id, message)


def _send_patient_receipt(request: AppointmentRequest) -> bool:
    request_id = request.pk
    practice = Practice.objects.current()
    body = render_to_string(
        "appointments/email/receipt.txt",
        {"request": request, "practice": practice, "manage_url": manage_url(request)},
    )
    message = EmailMessage(
        subject=subject(request, practice),
        body=body,
        to=[request.email],
        reply_to=[practice.email],
    )
    return _send("receipt", request_id, message)


def send_new_request_notices(request_id: int) -> None:
    # One read of the request for both emails.
    request = AppointmentRequest.objects.select_related("procedure").get(pk=request_id)
    _send_staff_notice(request, StaffEvent.NEW)
    _send_patient_receipt(request)


def send_scheduled_email(request_id: int) -> bool:
    """The booked date and time, address and preparation, with a calendar file."""
    request = AppointmentRequest.objects.select_related("procedure").get(pk=request_id)
    if request.status != AppointmentRequest.Status.SCHEDULED:
        return False
    practice = Practice.objects.current()
    body = render_to_string(
        "appointments/email/scheduled.txt",
        {
            "request": request,
            "practice": practice,
            "when": timezone.localtime(request.scheduled_at),
            "manage_url": manage_url(request),
        },
    )
    message = EmailMessage(
        subject=subject(request, practice),
        body=body,
        to=[request.email],
        reply_to=[practice.email],
    )
    message.attach("appointment.ics", ics.exam_calendar(request, practice), "text/calendar")
    return _send("scheduled", request_id, message)

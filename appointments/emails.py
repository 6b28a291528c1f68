"""Emails about a request, built when the outbox sends them (never at queue time).

The outbox (texting) sends them after the request is saved, from a worker: an SMTP
outage never slows or fails the patient's page, and a refused send is retried like
a text. Each builder reads the request fresh, so the address, words and calendar
file are never stored with the outbox row or passed to a task.

Staff notices carry the reference and an admin link only. Patient emails carry what
the patient needs, and no more.
"""

from __future__ import annotations

import functools

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from appointments import ics, tokens
from appointments.models import AppointmentRequest
from clinic.i18n import localized
from clinic.models import Practice

# The outbox kinds of the emails (see `appointments.outbox.kinds_register`).
STAFF_NEW = "staff_new"
STAFF_CANCELLED = "staff_cancelled"
STAFF_OTHER_DATES = "staff_other_dates"
STAFF_HELD = "staff_held"
RECEIPT = "receipt_email"
SCHEDULED = "scheduled_email"
STAFF_KINDS = (STAFF_NEW, STAFF_CANCELLED, STAFF_OTHER_DATES, STAFF_HELD)

STAFF_EVENTS = {
    STAFF_NEW: "New appointment request",
    STAFF_CANCELLED: "Request cancelled by the patient",
    STAFF_OTHER_DATES: "Patient asked for other dates",
    STAFF_HELD: "Patient picked a time from her day-1 text: please confirm it (Schedule)",
}


def subject(request: AppointmentRequest, practice: Practice | None = None) -> str:
    """Every email's subject: the practice's name and the reference, nothing else.

    Subjects show on lock screens and in shared inboxes; what happened is in the body.
    """
    practice = practice or Practice.objects.current()
    return f"{practice.name}: {request.reference}"


def manage_url(request: AppointmentRequest) -> str:
    """The patient's own page, in the language she asked in."""
    with translation.override(request.language):
        path = reverse("appointments:manage", args=[tokens.manage_token(request.pk)])
    return settings.SITE_URL + path


def staff_notice(request: AppointmentRequest, kind: str) -> EmailMessage:
    event = STAFF_EVENTS[kind]
    body = render_to_string(
        "appointments/email/staff_notice.txt",
        {
            "event": event,
            "reference": request.reference,
            "admin_url": settings.SITE_URL + request.get_admin_url(),
        },
    )
    return EmailMessage(
        subject=subject(request),
        body=body,
        to=settings.STAFF_NOTIFICATION_EMAILS,
    )


def in_her_language(build):
    """Build a patient's email (body, subject, .ics) in the language she asked in."""

    @functools.wraps(build)
    def build_in_language(request: AppointmentRequest) -> EmailMessage:
        with translation.override(request.language):
            return build(request)

    return build_in_language


@in_her_language
def patient_receipt(request: AppointmentRequest) -> EmailMessage:
    practice = localized(Practice.objects.current())
    body = render_to_string(
        "appointments/email/receipt.txt",
        {"request": request, "practice": practice, "manage_url": manage_url(request)},
    )
    return EmailMessage(
        subject=subject(request, practice),
        body=body,
        to=[request.email],
        reply_to=[practice.email],
    )


@in_her_language
def scheduled_email(request: AppointmentRequest) -> EmailMessage:
    """The booked date and time, address and preparation, with a calendar file."""
    practice = localized(Practice.objects.current())
    body = render_to_string(
        "appointments/email/scheduled.txt",
        {
            "request": request,
            "procedure": localized(request.procedure),
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
    return message


# (kind, label for staff, builder)
EMAIL_KINDS = [
    (STAFF_NEW, "New request (email to staff)", lambda r: staff_notice(r, STAFF_NEW)),
    (
        STAFF_CANCELLED,
        "Cancelled online (email to staff)",
        lambda r: staff_notice(r, STAFF_CANCELLED),
    ),
    (
        STAFF_OTHER_DATES,
        "Other dates asked (email to staff)",
        lambda r: staff_notice(r, STAFF_OTHER_DATES),
    ),
    (
        STAFF_HELD,
        "Time held from a day-1 text (email to staff)",
        lambda r: staff_notice(r, STAFF_HELD),
    ),
    (RECEIPT, "Request received (email)", patient_receipt),
    (SCHEDULED, "Appointment scheduled (email)", scheduled_email),
]

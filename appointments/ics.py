"""The calendar file sent with a booked exam (RFC 5545, America/New_York time)."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

import icalendar
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext

from appointments.booking_models import ExamLength
from appointments.models import AppointmentRequest
from clinic.models import Practice

# When the practice has set no length for the exam (admin: Exam lengths).
VISIT_LENGTH = dt.timedelta(minutes=45)


def visit_length(procedure_id: int) -> dt.timedelta:
    """How long the exam lasts (its length, without the buffer): one query."""
    minutes = (
        ExamLength.objects.filter(procedure_id=procedure_id)
        .values_list("duration_minutes", flat=True)
        .first()
    )
    return dt.timedelta(minutes=minutes) if minutes else VISIT_LENGTH


def exam_calendar(request: AppointmentRequest, practice: Practice) -> bytes:
    """Return an .ics with one event for the exam, in the practice's time zone.

    The title and text carry the practice's name and the reference, nothing about the
    exam: calendars are often shared. Written in the language active when it is called
    (the patient's: see emails.py).
    """
    start = timezone.localtime(request.scheduled_at)
    host = urlsplit(settings.SITE_URL).hostname or "localhost"
    cal = icalendar.Calendar()
    cal.add("prodid", f"-//{practice.name}//Appointments//EN")
    cal.add("version", "2.0")
    cal.add("method", "PUBLISH")
    event = icalendar.Event()
    # One UID per request: a rescheduled exam replaces the old entry.
    event.add("uid", f"{request.reference}@{host}")
    event.add("sequence", int(request.updated_at.timestamp()))
    event.add("dtstamp", timezone.now())
    event.add("dtstart", start)
    event.add("dtend", start + visit_length(request.procedure_id))
    event.add("summary", gettext("Appointment at %(practice)s") % {"practice": practice.name})
    event.add("location", practice.address_line)
    # Only the reference and the phone: the preparation is in the email, not the calendar.
    event.add(
        "description",
        gettext("Reference %(reference)s. Questions: %(phone)s.")
        % {"reference": request.reference, "phone": practice.phone},
    )
    cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical()

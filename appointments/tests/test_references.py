"""References name no procedure; email subjects and the calendar file carry only the
practice's name and the reference."""

import datetime as dt
import re

import icalendar
import pytest
from django.core import mail

from appointments import services
from appointments.models import AppointmentRequest
from appointments.tests.conftest import NEW_YORK
from appointments.tests.factories import AppointmentRequestFactory
from appointments.tests.helpers import valid_post
from texting.dispatch import outbox_dispatch_due

PROCEDURE_WORDS = re.compile(
    r"HSG|hystero|salping|lipiodol|fallopian|tube|recanali|pro-?nox|fertil|exam|pregnan"
    r"|ibuprofen|pad\b|bleed|cramp|pain",
    re.I,
)
AT = dt.datetime(2027, 3, 8, 10, 0, tzinfo=NEW_YORK)


def test_a_new_request_gets_a_reference_that_names_no_procedure(
    client, clinic, hsg, aetna, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/appointments/request/", valid_post(hsg, aetna))
    reference = AppointmentRequest.objects.get().reference

    assert re.fullmatch(r"REQ-[2-9A-HJKMNP-TV-Z]{8}", reference)
    assert not PROCEDURE_WORDS.search(reference)


def test_every_email_subject_is_the_practices_name_and_the_reference(
    client, clinic, hsg, aetna, staff_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/appointments/request/", valid_post(hsg, aetna))
    outbox_dispatch_due()  # the worker sends each step's emails before the next step
    appointment = AppointmentRequest.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        services.appointment_schedule(request=appointment, at=AT, by=staff_user)
    outbox_dispatch_due()
    with django_capture_on_commit_callbacks(execute=True):
        services.appointment_cancel(request=appointment, reason="x", by_patient=True)
    outbox_dispatch_due()  # the worker sends them

    subjects = {message.subject for message in mail.outbox}
    assert len(mail.outbox) >= 4  # staff notice, receipt, booking, cancellation notice
    assert subjects == {f"Interventional Radiology, P.C.: {appointment.reference}"}


def test_the_calendar_file_carries_only_the_practice_the_reference_and_the_phone(
    clinic, staff_user, django_capture_on_commit_callbacks
):
    appointment = AppointmentRequestFactory()
    with django_capture_on_commit_callbacks(execute=True):
        services.appointment_schedule(request=appointment, at=AT, by=staff_user)
    outbox_dispatch_due()  # the worker builds and sends the booking email
    _name, content, _type = mail.outbox[-1].attachments[0]
    event = icalendar.Calendar.from_ical(content).walk("VEVENT")[0]

    assert str(event["SUMMARY"]) == "Appointment at Interventional Radiology, P.C."
    description = str(event["DESCRIPTION"])
    assert appointment.reference in description
    assert not PROCEDURE_WORDS.search(description + str(event["SUMMARY"]))


@pytest.mark.parametrize("reference", ["HSG-7K3MX9QP", "REQ-7K3MX9QP"])
def test_old_and_new_references_are_found_in_the_front_desk(admin_client, clinic, reference):
    AppointmentRequestFactory(reference=reference)

    response = admin_client.get("/admin/appointments/appointmentrequest/", {"q": reference.lower()})

    assert response.status_code == 200
    assert reference in response.content.decode()

"""Emails go through the outbox: a real SMTP server in the test, stopped and started."""

import datetime as dt
import socket

import pytest
import time_machine
from aiosmtpd.controller import Controller

from appointments.models import AppointmentRequest
from appointments.tests.conftest import NOW
from appointments.tests.helpers import valid_post
from texting.dispatch import outbox_dispatch_due
from texting.models import OutboundMessage

URL = "/appointments/request/"
Status = OutboundMessage.Status


class Mailbox:
    """An SMTP server's handler: keeps what it accepts, or answers `refuse` to RCPT."""

    def __init__(self):
        self.received = []
        self.refuse = ""

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.refuse:
            return self.refuse
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.received.append((envelope.rcpt_tos, envelope.content.decode(errors="replace")))
        return "250 Message accepted"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp(settings):
    """A real SMTP server on loopback, and Django's SMTP backend pointed at it."""
    port = free_port()
    mailbox = Mailbox()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.STAFF_NOTIFICATION_EMAILS = ["desk@example.com"]
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.mailbox = mailbox
    yield controller
    if controller._thread is not None:
        controller.stop()


@pytest.fixture
def form_data(clinic, hsg, aetna):
    return valid_post(hsg, aetna)


def emails():
    return OutboundMessage.objects.emails().order_by("pk")


def test_with_smtp_down_the_patient_sees_her_confirmation_and_the_emails_go_once_when_it_is_back(
    client, form_data, smtp, django_capture_on_commit_callbacks
):
    # The server is not started: nothing listens on the port.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, form_data, follow=True)
    request = AppointmentRequest.objects.get()
    assert response.status_code == 200
    assert request.reference in response.content.decode()

    assert outbox_dispatch_due() == 2
    assert [m.status for m in emails()] == [Status.PENDING, Status.PENDING]
    assert {m.last_error for m in emails()} == {"Mail server unreachable: ConnectionRefusedError"}

    smtp.start()
    with time_machine.travel(NOW + dt.timedelta(minutes=2), tick=False):
        assert outbox_dispatch_due() == 2
        assert outbox_dispatch_due() == 0
    assert [m.status for m in emails()] == [Status.SENT, Status.SENT]
    recipients = sorted(rcpt for rcpts, _ in smtp.mailbox.received for rcpt in rcpts)
    assert recipients == ["desk@example.com", "maria@example.com"]
    staff = next(text for rcpts, text in smtp.mailbox.received if rcpts == ["desk@example.com"])
    assert request.reference in staff and "Maria" not in staff


def test_a_permanent_smtp_refusal_fails_the_email_without_retrying(client, form_data, smtp):
    smtp.start()
    smtp.mailbox.refuse = "550 5.1.1 No such user"
    client.post(URL, form_data)

    outbox_dispatch_due()
    with time_machine.travel(NOW + dt.timedelta(hours=2), tick=False):
        assert outbox_dispatch_due() == 0

    assert {m.status for m in emails()} == {Status.FAILED}
    assert {m.last_error for m in emails()} == {"SMTP refused the recipients (550)"}
    assert smtp.mailbox.received == []


def test_a_temporary_smtp_refusal_is_retried_and_then_sent(client, form_data, smtp):
    smtp.start()
    smtp.mailbox.refuse = "451 4.3.0 Try again later"
    client.post(URL, form_data)

    outbox_dispatch_due()
    assert {m.status for m in emails()} == {Status.PENDING}
    assert {m.attempts for m in emails()} == {1}

    smtp.mailbox.refuse = ""
    with time_machine.travel(NOW + dt.timedelta(minutes=2), tick=False):
        assert outbox_dispatch_due() == 2
    assert {m.status for m in emails()} == {Status.SENT}
    assert len(smtp.mailbox.received) == 2


def test_the_scheduled_email_is_built_at_send_time_with_its_calendar_file(
    client, form_data, smtp, staff_user
):
    from appointments.services import appointment_schedule

    smtp.start()
    client.post(URL, form_data)
    request = AppointmentRequest.objects.get()
    at = dt.datetime(2027, 3, 8, 10, 30, tzinfo=NOW.tzinfo)
    appointment_schedule(request=request, at=at, by=staff_user)
    row = OutboundMessage.objects.emails().get(kind="scheduled_email")
    # Nothing of the email is stored with the row: no address, no words.
    assert (row.to_phone, row.body) == ("", "")

    outbox_dispatch_due()

    [scheduled] = [text for _, text in smtp.mailbox.received if "BEGIN:VCALENDAR" in text]
    assert "Monday, March 8, 2027 at 10:30 AM" in scheduled
    assert "20270308T103000" in scheduled


def test_a_scheduled_email_for_a_time_since_changed_is_not_sent(client, form_data, staff_user):
    from appointments.services import appointment_schedule

    client.post(URL, form_data)
    request = AppointmentRequest.objects.get()
    tz = NOW.tzinfo
    appointment_schedule(request=request, at=dt.datetime(2027, 3, 8, 10, 30, tzinfo=tz), by=None)
    appointment_schedule(request=request, at=dt.datetime(2027, 3, 9, 11, 0, tzinfo=tz), by=None)

    outbox_dispatch_due()

    rows = OutboundMessage.objects.emails().filter(kind="scheduled_email").order_by("pk")
    assert [(m.status, m.last_error) for m in rows] == [
        (Status.CANCELLED, "Rescheduled"),
        (Status.SENT, ""),
    ]


def test_an_email_that_cannot_be_built_fails_at_once_instead_of_staying_sending(
    client, form_data, smtp, settings
):
    smtp.start()
    settings.DEFAULT_FROM_EMAIL = "Interventional Radiology, P.C. <info@hsgexam.com>"  # unquoted
    client.post(URL, form_data)

    outbox_dispatch_due()

    assert {(m.status, m.last_error) for m in emails()} == {
        (Status.FAILED, "Email could not be built or sent: ValueError")
    }

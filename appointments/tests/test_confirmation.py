"""Submitting: one transaction, a confirmation page, one request per form, a staff notice."""

import re
import smtplib

import pytest
from django.core import mail, signing

from appointments import tokens
from appointments.models import AppointmentRequest
from appointments.tests.helpers import valid_post
from clinic.caching import content_version_bump
from texting.dispatch import outbox_dispatch_due
from texting.models import OutboundMessage

URL = "/appointments/request/"


@pytest.fixture
def form_data(clinic, hsg, aetna):
    return valid_post(hsg, aetna, sms_consent="on")


def test_the_confirmation_shows_the_reference_window_and_next_steps(
    client, form_data, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, form_data, follow=True)
    request = AppointmentRequest.objects.get()
    html = response.content.decode()
    assert response.status_code == 200
    assert re.fullmatch(r"REQ-[2-9A-HJKMNP-TV-Z]{8}", request.reference)
    assert request.reference in html
    assert "Friday, March 5 to Friday, March 12" in html
    assert "What happens next" in html and "How to get ready" in html
    assert "no-store" in response["Cache-Control"]
    assert "Maria" not in html  # the page needs no name


def test_the_confirmation_pins_its_queries(client, form_data, django_assert_num_queries):
    location = client.post(URL, form_data)["Location"]
    # Writing the "received" text warmed the cached site facts: start cold again.
    content_version_bump()
    # 6 queries: the request with its procedure, the calendar (practice, hours,
    # closures), and the site's header and footer facts (practice, hours).
    with django_assert_num_queries(6):
        assert client.get(location).status_code == 200


def test_a_double_submit_makes_one_request_and_shows_the_same_confirmation(client, form_data):
    first = client.post(URL, form_data)
    second = client.post(URL, form_data)
    assert AppointmentRequest.objects.count() == 1
    shown = [tokens.confirmation_pk(r["Location"].split("/")[-2]) for r in (first, second)]
    assert shown == [AppointmentRequest.objects.get().pk] * 2


def test_a_new_form_display_makes_a_new_request(client, form_data):
    client.post(URL, form_data)
    client.post(URL, {**form_data, "submission_key": "b3c0a4f8-6f0e-4c43-9f65-1d2d2f3f4a5b"})
    assert AppointmentRequest.objects.count() == 2


def test_a_forged_or_old_confirmation_link_is_not_found(client, form_data, frozen_now):
    location = client.post(URL, form_data)["Location"]
    token = location.split("/")[-2]
    assert client.get(f"/appointments/request/done/{token}x/").status_code == 404
    pk = tokens.confirmation_pk(token)
    assert client.get(f"/appointments/request/done/{pk}/").status_code == 404
    forged = signing.TimestampSigner(salt="another").sign(str(pk))
    assert client.get(f"/appointments/request/done/{forged}/").status_code == 404


def test_staff_get_a_notice_with_reference_and_admin_link_but_no_patient_data(
    client, form_data, settings, django_capture_on_commit_callbacks
):
    settings.STAFF_NOTIFICATION_EMAILS = ["desk@example.com"]
    settings.SITE_URL = "https://hsg.example"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, {**form_data, "notes": "Private note"})
    outbox_dispatch_due()
    request = AppointmentRequest.objects.get()
    notice = next(m for m in mail.outbox if m.to == ["desk@example.com"])
    text = notice.subject + notice.body
    assert request.reference in text
    assert f"https://hsg.example/admin/appointments/appointmentrequest/{request.pk}/change/" in text
    for secret in ("Maria", "Lopez", "555", "1990", "maria@example.com", "HSG)", "Private"):
        assert secret not in text
    assert "Hysterosalpingogram" not in text


def test_the_patient_gets_a_receipt_with_the_manage_link(
    client, form_data, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, form_data)
    outbox_dispatch_due()
    receipt = next(m for m in mail.outbox if m.to == ["maria@example.com"])
    assert "/appointments/manage/" in receipt.body
    assert "1990" not in receipt.body


def test_an_smtp_failure_keeps_the_request_logs_no_patient_data_and_shows_no_error(
    client, form_data, monkeypatch, caplog, django_capture_on_commit_callbacks
):
    def refuse(self, *args, **kwargs):
        raise smtplib.SMTPServerDisconnected("gone")

    # The network edge: Django's mail backend cannot reach the server.
    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", refuse)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, form_data, follow=True)
    outbox_dispatch_due()
    assert response.status_code == 200
    assert AppointmentRequest.objects.count() == 1
    emails = OutboundMessage.objects.emails()
    assert {m.status for m in emails} == {OutboundMessage.Status.PENDING}  # to be retried
    assert {m.last_error for m in emails} == {"Mail server unreachable: SMTPServerDisconnected"}
    assert "not sent: Mail server unreachable: SMTPServerDisconnected" in caplog.text
    assert "Maria" not in caplog.text and "maria@example.com" not in caplog.text


def test_the_request_and_its_texts_commit_together(client, form_data, monkeypatch):
    # Fault injection, not a stand-in: the outbox hook fails, and nothing may be left.
    from appointments import services

    def broken(**kwargs):
        raise RuntimeError("outbox down")

    monkeypatch.setattr(services.outbox, "outbox_on_request_created", broken)
    with pytest.raises(RuntimeError):
        client.post(URL, form_data)
    assert AppointmentRequest.objects.count() == 0

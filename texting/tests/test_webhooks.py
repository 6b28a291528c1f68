"""Twilio's webhooks: the signature matrix, keywords, urgent replies, duplicates."""

import pytest
from django.core import mail
from django.urls import reverse

from appointments.models import AppointmentConfirmation
from texting.dispatch import outbox_dispatch_due
from texting.models import InboundMessage, OptOut, OutboundMessage
from texting.tests.conftest import ny
from texting.tests.factories import make_message, make_request, make_scheduled

INBOUND = "/sms/inbound/"
STATUS = "/sms/status/"
PHONE = "+12125550111"


def sms(body: str, sid: str = "SM" + "d" * 32, phone: str = PHONE) -> dict:
    return {"MessageSid": sid, "From": phone, "To": "+12125550100", "Body": body}


def test_the_webhook_urls_are_the_public_ones():
    assert reverse("texting:inbound") == INBOUND
    assert reverse("texting:status") == STATUS


# --- Signatures -------------------------------------------------------------------


@pytest.mark.parametrize("path", [INBOUND, STATUS])
def test_a_post_without_a_signature_is_refused(db, client, twilio_settings, path):
    response = client.post(path, sms("hello"))
    assert response.status_code == 403
    assert not InboundMessage.objects.exists()


@pytest.mark.parametrize("path", [INBOUND, STATUS])
def test_a_post_with_a_wrong_signature_is_refused(db, signed_post, path):
    response = signed_post(path, sms("hello"), signature="bm90IGEgc2lnbmF0dXJl")
    assert response.status_code == 403


def test_a_tampered_body_is_refused(db, signed_post, twilio_settings):
    from twilio.request_validator import RequestValidator

    url = twilio_settings.SITE_URL + INBOUND
    signature = RequestValidator(twilio_settings.TWILIO_AUTH_TOKEN).compute_signature(
        url, sms("hello")
    )
    response = signed_post(INBOUND, sms("STOP"), signature=signature)
    assert response.status_code == 403
    assert not OptOut.objects.exists()


def test_without_an_auth_token_configured_every_post_is_refused(db, signed_post, settings):
    settings.TWILIO_AUTH_TOKEN = ""
    response = signed_post(INBOUND, sms("hello"), signature="anything")
    assert response.status_code == 403


def test_a_signature_for_another_host_is_refused(db, client, twilio_settings):
    from twilio.request_validator import RequestValidator

    signature = RequestValidator(twilio_settings.TWILIO_AUTH_TOKEN).compute_signature(
        "http://testserver" + INBOUND, sms("hello")
    )
    response = client.post(INBOUND, sms("hello"), HTTP_X_TWILIO_SIGNATURE=signature)
    assert response.status_code == 403


def test_the_signature_is_checked_against_site_url_so_it_works_behind_a_tls_proxy(db, signed_post):
    # The test client speaks plain http to "testserver"; Twilio signed the https SITE_URL.
    response = signed_post(INBOUND, sms("Thanks!"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    assert InboundMessage.objects.count() == 1


@pytest.mark.parametrize("path", [INBOUND, STATUS])
def test_a_get_is_not_allowed(db, client, path):
    assert client.get(path).status_code == 405


def test_a_signed_post_without_a_message_sid_is_a_bad_request_not_an_error(db, signed_post):
    response = signed_post(INBOUND, {"Body": "hello"})
    assert response.status_code == 400


def test_the_inbound_webhook_is_rate_limited_per_address(db, signed_post, settings):
    settings.RATELIMIT_ENABLED = True
    codes = {signed_post(INBOUND, sms("hi", sid=f"SM{n:032d}")).status_code for n in range(61)}
    assert 429 in codes


# --- Replies ----------------------------------------------------------------------


def test_a_reply_is_stored_once_and_tied_to_the_patients_latest_request(db, signed_post):
    make_request(phone=PHONE)
    latest = make_request(phone=PHONE)
    response = signed_post(INBOUND, sms("Feeling fine, thanks"))
    inbound = InboundMessage.objects.get()
    assert inbound.subject_id == latest.pk
    assert inbound.body == "Feeling fine, thanks"
    assert (inbound.kind, inbound.is_urgent, inbound.is_read) == ("message", False, False)
    # A plain message is acknowledged with when the office answers (test_replies.py).
    assert "we got your message" in response.content.decode()


def test_a_duplicate_message_sid_is_stored_once_and_gets_the_same_answer(
    db, signed_post, django_capture_on_commit_callbacks
):
    make_request(phone=PHONE)
    with django_capture_on_commit_callbacks(execute=True):
        first = signed_post(INBOUND, sms("I have a fever"))
        second = signed_post(INBOUND, sms("I have a fever"))
    assert InboundMessage.objects.count() == 1
    assert first.content == second.content
    assert OutboundMessage.objects.filter(kind="reply").count() == 1
    outbox_dispatch_due()
    assert len(mail.outbox) == 1


def test_stop_opts_the_phone_out_and_cancels_its_pending_texts(db, signed_post):
    request = make_request(phone=PHONE)
    pending = make_message(request)
    response = signed_post(INBOUND, sms("STOP"))
    pending.refresh_from_db()
    assert OptOut.objects.get(phone=PHONE).source == OptOut.Source.KEYWORD
    assert pending.status == OutboundMessage.Status.CANCELLED
    assert InboundMessage.objects.get().kind == "opt_out"
    # Twilio itself confirms the opt-out on long codes: our answer is empty TwiML.
    assert "<Message>" not in response.content.decode()


def test_cancel_opts_out_and_is_flagged_because_it_may_mean_the_visit(db, signed_post):
    make_request(phone=PHONE)
    signed_post(INBOUND, sms("Cancel"))
    assert OptOut.objects.filter(phone=PHONE).exists()
    assert InboundMessage.objects.get().needs_attention


def test_start_lets_texts_go_again(db, signed_post):
    OptOut.objects.create(phone=PHONE, source=OptOut.Source.KEYWORD)
    response = signed_post(INBOUND, sms("START"))
    assert not OptOut.objects.filter(phone=PHONE).exists()
    assert "you will get texts from us again" in response.content.decode()


def test_yes_from_a_number_that_opted_out_lets_texts_go_again(db, signed_post):
    OptOut.objects.create(phone=PHONE, source=OptOut.Source.KEYWORD)
    response = signed_post(INBOUND, sms("Yes"))
    assert not OptOut.objects.filter(phone=PHONE).exists()
    assert InboundMessage.objects.get().kind == "opt_in"
    assert "you will get texts from us again" in response.content.decode()


def test_yes_in_answer_to_a_reminder_confirms_the_visit(db, signed_post):
    visit = make_scheduled(ny(2026, 6, 16, 9, 30), phone=PHONE)
    response = signed_post(INBOUND, sms("Yes"))
    body = response.content.decode()
    assert "you will get texts from us again" not in body
    assert "Tuesday, June 16 at 9:30 AM is confirmed" in body
    assert AppointmentConfirmation.objects.get().request == visit
    assert InboundMessage.objects.get().kind == "confirmation"


def test_help_answers_with_the_office_phone(db, signed_post):
    response = signed_post(INBOUND, sms("HELP"))
    body = response.content.decode()
    assert "<Message>" in body
    assert "(212) 246-2063" in body
    assert InboundMessage.objects.get().kind == "help"
    reply = OutboundMessage.objects.get(kind="reply")
    assert (reply.status, reply.to_phone) == ("sent", PHONE)


def test_c_confirms_the_patients_next_visit(db, signed_post):
    visit = make_scheduled(ny(2026, 6, 16, 9, 30), phone=PHONE)
    response = signed_post(INBOUND, sms("c"))
    confirmation = AppointmentConfirmation.objects.get()
    assert confirmation.request == visit
    assert confirmation.scheduled_at == visit.scheduled_at
    inbound = InboundMessage.objects.get()
    assert (inbound.kind, inbound.subject_id) == ("confirmation", visit.pk)
    assert "Tuesday, June 16 at 9:30 AM is confirmed" in response.content.decode()


def test_c_without_an_upcoming_visit_says_so_and_flags_staff(db, signed_post):
    make_request(phone=PHONE)
    response = signed_post(INBOUND, sms("C"))
    assert not AppointmentConfirmation.objects.exists()
    assert "could not find an upcoming visit" in response.content.decode()
    assert InboundMessage.objects.get().needs_attention


def test_an_urgent_reply_is_flagged_alerts_staff_without_phi_and_answers_with_911(
    db, signed_post, settings, django_capture_on_commit_callbacks
):
    settings.STAFF_NOTIFICATION_EMAILS = ["desk@example.com"]
    make_request(phone=PHONE, first_name="Zelda", last_name="Quartermaine")
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_post(INBOUND, sms("Heavy bleeding and a fever since noon"))
    inbound = InboundMessage.objects.get()
    assert inbound.is_urgent
    body = response.content.decode()
    assert "(212) 246-2063" in body
    assert "call 911 or go to the nearest emergency room" in body
    assert mail.outbox == []  # the alert goes through the outbox, never inside the webhook
    outbox_dispatch_due()
    [email] = mail.outbox
    assert email.to == ["desk@example.com"]
    assert inbound.get_admin_url() in email.body
    for secret in ["bleeding", "fever", PHONE, "5550111", "Zelda", "Quartermaine"]:
        assert secret not in email.subject + email.body


def test_soft_opt_out_wording_is_flagged_for_staff_but_does_not_opt_out(db, signed_post):
    signed_post(INBOUND, sms("please stop texting me"))
    inbound = InboundMessage.objects.get()
    assert inbound.needs_attention
    assert not inbound.is_urgent
    assert not OptOut.objects.exists()


# --- Delivery status --------------------------------------------------------------


def test_a_delivery_report_marks_the_text_delivered(db, signed_post):
    message = make_message(make_request(), status="sent", twilio_sid="SM" + "e" * 32)
    response = signed_post(STATUS, {"MessageSid": "SM" + "e" * 32, "MessageStatus": "delivered"})
    assert response.status_code == 204
    message.refresh_from_db()
    assert (message.status, message.delivery_status) == ("delivered", "delivered")


def test_a_late_sent_report_does_not_undo_delivered(db, signed_post):
    message = make_message(
        make_request(), status="delivered", delivery_status="delivered", twilio_sid="SM1"
    )
    signed_post(STATUS, {"MessageSid": "SM1", "MessageStatus": "sent"})
    message.refresh_from_db()
    assert message.delivery_status == "delivered"


def test_an_undelivered_report_records_twilios_error_code(db, signed_post):
    message = make_message(make_request(), status="sent", twilio_sid="SM2")
    signed_post(STATUS, {"MessageSid": "SM2", "MessageStatus": "undelivered", "ErrorCode": "30003"})
    message.refresh_from_db()
    assert (message.status, message.last_error) == ("undelivered", "Twilio 30003: undelivered")


def test_a_failed_report_with_21610_records_the_opt_out(db, signed_post):
    message = make_message(make_request(), status="sent", twilio_sid="SM3")
    signed_post(STATUS, {"MessageSid": "SM3", "MessageStatus": "failed", "ErrorCode": "21610"})
    assert OptOut.objects.filter(phone=message.to_phone, source="twilio").exists()


def test_a_report_for_an_unknown_text_is_accepted_and_ignored(db, signed_post):
    response = signed_post(STATUS, {"MessageSid": "SMunknown", "MessageStatus": "delivered"})
    assert response.status_code == 204

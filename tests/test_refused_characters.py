"""NUL bytes (which PostgreSQL text refuses) in any public input: stripped before
storing, never a 500 (Twilio retries a 5xx)."""

import pytest
from twilio.request_validator import RequestValidator

from clinic.models import ContactMessage
from texting.models import InboundMessage, OutboundMessage
from texting.tests.factories import make_message, make_request

AUTH_TOKEN = "test-auth-token"


@pytest.fixture
def twilio(settings):
    settings.TWILIO_AUTH_TOKEN = AUTH_TOKEN
    settings.SITE_URL = "https://hsgexam.com"


def signed(client, path, data):
    signature = RequestValidator(AUTH_TOKEN).compute_signature("https://hsgexam.com" + path, data)
    return client.post(path, data, HTTP_X_TWILIO_SIGNATURE=signature)


@pytest.mark.django_db
def test_a_signed_text_with_nul_bytes_is_stored_without_them(client, twilio):
    data = {"MessageSid": "SM\x00" + "a" * 32, "From": "+1212555\x000123", "Body": "he\x00llo"}

    response = signed(client, "/sms/inbound/", data)

    assert response.status_code == 200
    stored = InboundMessage.objects.get()
    assert stored.message_sid == "SM" + "a" * 32
    assert stored.from_phone == "+12125550123"
    assert stored.body == "hello"


@pytest.mark.django_db
def test_a_signed_delivery_report_with_nul_bytes_is_not_an_error(client, twilio):
    message = make_message(
        make_request(), twilio_sid="SM" + "b" * 32, status=OutboundMessage.Status.SENT
    )

    response = signed(
        client,
        "/sms/status/",
        {
            "MessageSid": "SM" + "b" * 32 + "\x00",
            "MessageStatus": "deliv\x00ered",
            "ErrorCode": "\x00",
        },
    )

    assert response.status_code == 204
    message.refresh_from_db()
    assert message.delivery_status == "delivered"
    assert message.status == OutboundMessage.Status.DELIVERED


@pytest.mark.django_db
def test_the_contact_form_stores_a_message_without_nul_bytes(client):
    response = client.post(
        "/contact/",
        {
            "name": "Ja\x00ne",
            "email": "jane@example.com",
            "message": "Hel\x00lo there, a question.",
        },
    )

    assert response.status_code == 302
    assert ContactMessage.objects.get().message == "Hello there, a question."


@pytest.mark.django_db
def test_the_admin_login_with_nul_bytes_in_the_fields_and_headers_is_not_an_error(client):
    response = client.post(
        "/admin/login/",
        {"username": "front\x00desk", "password": "x\x00", "otp_token": "1\x00"},
        HTTP_USER_AGENT="Mozilla\x00/5.0",
        HTTP_ACCEPT="text/html\x00",
    )

    assert response.status_code == 200
    from axes.models import AccessAttempt

    attempt = AccessAttempt.objects.get()
    assert attempt.username == "frontdesk" and attempt.user_agent == "Mozilla/5.0"

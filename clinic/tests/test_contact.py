"""The contact form: saved through the service, staff told without PHI, never a 500."""

import json
from urllib.error import URLError
from urllib.parse import parse_qs

import pytest
from django.core import mail

from clinic.models import ContactMessage

GOOD = {
    "name": "Jane Patient",
    "email": "jane@example.com",
    "phone": "(917) 555-0123",
    "message": "Do you take my plan? My cycle started on the 3rd.",
}


@pytest.fixture
def post(client, content, django_capture_on_commit_callbacks):
    """POST the contact form, running the after-commit callbacks as a real commit would."""

    def _post(data, **extra):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post("/contact/", data, **extra)

    return _post


def test_a_good_message_is_saved_and_the_patient_sees_the_thanks_page(post, client):
    response = post(GOOD)

    assert response.status_code == 302
    assert response["Location"] == "/contact/thanks/"
    saved = ContactMessage.objects.get()
    assert (saved.name, saved.email, saved.phone, saved.message) == tuple(GOOD.values())
    assert saved.handled is False
    assert client.get(response["Location"]).status_code == 200


def test_staff_get_a_notice_with_the_admin_link_and_none_of_the_message(post, settings):
    settings.SITE_URL = "https://www.hsgexam.com"
    settings.STAFF_NOTIFICATION_EMAILS = ["desk@example.com"]

    post(GOOD)

    saved = ContactMessage.objects.get()
    assert len(mail.outbox) == 1
    notice = mail.outbox[0]
    assert notice.to == ["desk@example.com"]
    assert f"https://www.hsgexam.com/admin/clinic/contactmessage/{saved.pk}/change/" in notice.body
    everything = notice.subject + notice.body + str(notice.extra_headers)
    for value in ["Jane", "Patient", "jane@example.com", "555-0123", "plan", "cycle"]:
        assert value not in everything


def test_an_email_failure_keeps_the_message_and_shows_the_thanks_page(post, settings):
    # A real SMTP backend pointed at a closed port: the connection is refused.
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 1, 2

    response = post(GOOD)

    assert response.status_code == 302
    assert ContactMessage.objects.count() == 1


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("name", "", "Please tell us your name."),
        ("name", "x" * 10_000, "Please keep your name to 120 characters or fewer."),
        ("email", "", "Please give us your email, so we can answer you."),
        ("email", "jane-at-example", "Please enter an email address like name@example.com."),
        ("phone", "call me maybe", "Please enter a phone number with digits only"),
        ("phone", "12", "Please enter a phone number with digits only"),
        ("message", "", "Please write your message."),
        ("message", "y" * 5001, "Please keep your message to 5000 characters or fewer."),
    ],
)
def test_a_bad_field_gets_a_message_next_to_it_and_the_input_is_kept(post, field, value, error):
    data = {**GOOD, field: value}

    response = post(data)

    assert response.status_code == 200
    body = response.content.decode()
    assert f'id="error_1_id_{field}"' in body
    assert error in body
    assert 'aria-invalid="true"' in body
    kept = "Jane Patient" if field != "name" else "jane@example.com"
    assert kept in body
    assert ContactMessage.objects.count() == 0
    assert mail.outbox == []


def test_the_phone_is_optional(post):
    assert post({**GOOD, "phone": ""}).status_code == 302
    assert ContactMessage.objects.get().phone == ""


def test_a_filled_honeypot_saves_nothing(post):
    response = post({**GOOD, "website": "http://spam.example"})

    assert response.status_code == 200
    assert ContactMessage.objects.count() == 0
    assert mail.outbox == []


def test_the_honeypot_is_in_the_form_but_labelled_for_people_to_leave_empty(client, content):
    body = client.get("/contact/").content.decode()

    assert 'name="website"' in body
    assert "Leave this field empty" in body


def test_the_sixth_message_within_an_hour_from_one_address_is_refused(post):
    for _ in range(5):
        assert post(GOOD).status_code == 302

    response = post(GOOD)

    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    assert b"Too many tries" in response.content
    assert ContactMessage.objects.count() == 5


class FakeGoogleAnswer:
    def __init__(self, payload: dict):
        self.payload = payload

    def read(self):
        return json.dumps(self.payload).encode()

    def close(self):
        pass


@pytest.fixture
def captcha_on(settings):
    settings.RECAPTCHA_PUBLIC_KEY = "public-test-key"
    settings.RECAPTCHA_PRIVATE_KEY = "private-test-key"


def test_with_captcha_on_a_good_score_passes_and_google_gets_the_token_and_ip(
    post, captcha_on, google_answers
):
    sent = google_answers({"success": True, "score": 0.9, "action": "contact"})

    response = post({**GOOD, "captcha": "token-from-browser"}, REMOTE_ADDR="203.0.113.7")

    assert response.status_code == 302
    assert ContactMessage.objects.count() == 1
    params = parse_qs(sent[0].decode())
    assert params == {
        "secret": ["private-test-key"],
        "response": ["token-from-browser"],
        "remoteip": ["203.0.113.7"],
    }


def test_with_captcha_on_a_low_score_is_a_polite_form_error(post, captcha_on, google_answers):
    google_answers({"success": True, "score": 0.1, "action": "contact"})

    response = post({**GOOD, "captcha": "token-from-browser"})

    assert response.status_code == 200
    assert b"Our spam check could not confirm this form" in response.content
    assert b"Jane Patient" in response.content
    assert ContactMessage.objects.count() == 0


def test_with_captcha_on_google_unreachable_keeps_the_input_and_answers_politely(
    post, captcha_on, monkeypatch
):
    def unreachable(params):
        raise URLError("no route to host")

    monkeypatch.setattr("django_recaptcha.client.recaptcha_request", unreachable)

    response = post({**GOOD, "captcha": "token-from-browser"})

    assert response.status_code == 200
    assert b"our spam check did not answer" in response.content
    assert b"Jane Patient" in response.content
    assert b"Do you take my plan?" in response.content
    assert ContactMessage.objects.count() == 0


def test_with_captcha_on_the_form_loads_the_captcha_script_from_our_static_files(
    client, content, captcha_on
):
    body = client.get("/contact/").content.decode()

    assert 'data-sitekey="public-test-key"' in body
    assert 'data-action="contact"' in body
    assert 'src="/static/js/recaptcha.js" defer' in body


@pytest.fixture
def google_answers(monkeypatch):
    """Replace Google's verify call (the network edge) with a canned answer."""

    def install(payload: dict) -> list:
        sent: list = []

        def fake_request(params):
            sent.append(params)
            return FakeGoogleAnswer(payload)

        monkeypatch.setattr("django_recaptcha.client.recaptcha_request", fake_request)
        return sent

    return install

"""Abuse of the public form: the texts a submission triggers are capped per number and
repeat nothing typed but a short first name; webhooks spend their rate limit only once
their signature checks out."""

import uuid

import pytest
from twilio.request_validator import RequestValidator

from appointments.models import AppointmentRequest
from appointments.tests.helpers import valid_post
from texting import bodies
from texting.limits import PUBLIC_TEXTS_PER_NUMBER_PER_DAY
from texting.models import OutboundMessage

RECEIVED = "received"


def submit(client, hsg, aetna, **changes):
    data = valid_post(hsg, aetna, sms_consent="on", submission_key=str(uuid.uuid4()), **changes)
    return client.post("/appointments/request/", data)


def test_one_number_gets_at_most_three_form_texts_a_day(client, clinic, hsg, aetna, settings):
    settings.RATELIMIT_ENABLED = False
    for n in range(5):
        assert submit(client, hsg, aetna, email=f"p{n}@example.com").status_code == 302

    to_victim = OutboundMessage.objects.filter(to_phone="+12125550123", kind=RECEIVED)
    assert to_victim.count() == PUBLIC_TEXTS_PER_NUMBER_PER_DAY == 3
    # Another number is not held back by it.
    submit(client, hsg, aetna, phone="(212) 555-0199")
    assert OutboundMessage.objects.filter(to_phone="+12125550199").count() == 1


def test_the_cap_is_per_day(client, clinic, hsg, aetna, settings, frozen_now, time_machine):
    settings.RATELIMIT_ENABLED = False
    for _ in range(4):
        submit(client, hsg, aetna)
    time_machine.move_to(frozen_now.replace(day=3, hour=11))
    submit(client, hsg, aetna)

    assert OutboundMessage.objects.filter(kind=RECEIVED).count() == 4


@pytest.mark.parametrize(
    ("typed", "echoed"),
    [
        ("Maria", "Maria"),
        ("Maria-Guadalupe Josefina", "Maria-Guadalupe"),
        ("Visit https://evil.example now", "Visit"),
        ("Win$$$ prize.claim", "Win"),
        ("Abcdefghijklmnopqrstuvwxyz", "Abcdefghijklmnopqrst"),
        ("12345", "there"),
        ("O'Neil", "O'Neil"),
    ],
)
def test_a_form_text_repeats_only_a_first_name_of_at_most_twenty_letters(
    client, clinic, hsg, aetna, typed, echoed
):
    submit(
        client, hsg, aetna, first_name=typed, last_name="Ring 555-0100 now", notes="evil.example"
    )

    body = OutboundMessage.objects.get(kind=RECEIVED).body
    assert f"Hi {echoed}," in body
    assert len(bodies.first_name_value(typed)) <= 20
    for extra in ("evil", "http", "555-0100", "$", "Ring"):
        assert extra not in body


def test_the_request_form_stores_typed_text_without_nul_bytes(client, clinic, hsg, aetna):
    data = valid_post(
        hsg,
        aetna,
        first_name="Ma\x00ria",
        notes="Call me\x00 after 5",
        submission_key=str(uuid.uuid4()),
    )

    response = client.post("/appointments/request/", data)

    assert response.status_code == 302
    saved = AppointmentRequest.objects.get()
    assert (saved.first_name, saved.notes) == ("Maria", "Call me after 5")


# --- Webhooks: the limit counts signed posts only --------------------------------------

AUTH_TOKEN = "test-auth-token"


@pytest.fixture
def twilio(settings):
    settings.TWILIO_AUTH_TOKEN = AUTH_TOKEN
    settings.SITE_URL = "https://hsgexam.com"
    settings.RATELIMIT_ENABLED = True


def signed(client, path, data):
    signature = RequestValidator(AUTH_TOKEN).compute_signature("https://hsgexam.com" + path, data)
    return client.post(path, data, HTTP_X_TWILIO_SIGNATURE=signature)


@pytest.mark.django_db
@pytest.mark.parametrize(("path", "limit"), [("/sms/inbound/", 60), ("/sms/status/", 600)])
def test_unsigned_posts_do_not_use_up_the_webhooks_rate_limit(client, twilio, path, limit):
    for _ in range(limit + 1):
        assert client.post(path, {"From": "+12125550123", "Body": "x"}).status_code == 403

    data = {"MessageSid": "SM" + "e" * 32, "From": "+12125550123", "Body": "hello"}
    if path == "/sms/status/":
        data = {"MessageSid": "SM" + "e" * 32, "MessageStatus": "delivered"}
    response = signed(client, path, data)

    assert response.status_code in (200, 204)


@pytest.mark.django_db
def test_signed_posts_past_the_limit_are_told_to_retry_later(client, twilio, time_machine):
    # The limit counts per clock minute: stop the clock mid-minute so all 61 share one.
    time_machine.move_to("2027-03-02T15:00:30Z", tick=False)
    codes = [
        signed(client, "/sms/inbound/", {"MessageSid": f"SM{n:032d}", "From": "+12125550123"})
        for n in range(61)
    ]

    assert codes[-1].status_code == 429
    assert codes[-1]["Retry-After"] == "60"

"""Errors reach Sentry without the patient's data (the transport is the network edge)."""

import datetime as dt
import json

import pytest
import sentry_sdk
from django.test import Client
from sentry_sdk.transport import Transport

from appointments.tests.factories import AppointmentRequestFactory
from clinic.errors import redact, sentry_init

pytestmark = pytest.mark.django_db


class RecordingTransport(Transport):
    """Keeps what the SDK would send to Sentry, in memory."""

    def __init__(self, options=None):
        super().__init__(options)
        self.envelopes = []

    def capture_envelope(self, envelope):
        self.envelopes.append(envelope)

    def events(self):
        return [
            item.payload.json
            for envelope in self.envelopes
            for item in envelope.items
            if item.type == "event"
        ]


@pytest.fixture
def sentry():
    transport = RecordingTransport()
    sentry_init(dsn="https://public@sentry.example.com/1", transport=transport)
    yield transport
    sentry_sdk.get_client().close()
    sentry_sdk.init(dsn=None)


SENTINEL = {
    "first_name": "Philippa",
    "last_name": "Quarrington",
    "phone": "+12125550199",
    "email": "philippa.quarrington@example.com",
    "date_of_birth": dt.date(1987, 6, 23),
}


def traces_of_the_patient(text: str) -> list[str]:
    needles = [
        "Philippa",
        "Quarrington",
        "philippa",
        "quarrington",
        "5550199",
        "555-0199",
        "1987-06-23",
        "Jun 23, 1987",
        "06/23/1987",
    ]
    return [needle for needle in needles if needle in text]


def test_a_failing_request_reaches_sentry_without_the_patients_data(sentry, settings):
    settings.ROOT_URLCONF = "clinic.tests.urls_failing"
    patient = AppointmentRequestFactory(**SENTINEL)
    client = Client(raise_request_exception=False)
    client.cookies["patient_phone"] = "212-555-0199"
    response = client.post(
        f"/failing/{patient.pk}/?email=philippa.quarrington@example.com&dob=1987-06-23",
        {"first_name": "Philippa", "last_name": "Quarrington", "phone": "(212) 555-0199"},
        HTTP_X_PATIENT="Philippa Quarrington",
    )
    assert response.status_code == 500
    sentry_sdk.flush()

    events = sentry.events()
    assert len(events) == 1
    event = events[0]
    # The report says what failed and where...
    assert event["exception"]["values"][-1]["type"] == "ValueError"
    frames = event["exception"]["values"][-1]["stacktrace"]["frames"]
    assert frames[-1]["function"] == "failing_view"
    assert event["transaction"] == "/failing/{pk}/"
    # ...and nothing about who.
    assert traces_of_the_patient(json.dumps(event)) == []


def test_an_error_logged_with_patient_data_is_scrubbed_too(sentry):
    sentry_sdk.capture_message("Reply from Philippa Quarrington at +12125550199 on 1987-06-23")
    sentry_sdk.flush()
    (event,) = sentry.events()
    assert traces_of_the_patient(json.dumps(event)) == []


@pytest.mark.parametrize(
    "text",
    [
        "philippa.quarrington@example.com",
        "+1 (212) 555-0199",
        "212.555.0199",
        "born 1987-06-23",
        "on 6/23/1987",
        "on June 23, 1987",
        "Philippa Quarrington",
        "/appointments/manage/eyJhbGciOi.abc123/",
    ],
)
def test_redact_removes_what_looks_like_patient_data(text):
    assert traces_of_the_patient(redact(text)) == []
    assert "eyJhbGciOi" not in redact(text)


def test_without_a_dsn_nothing_is_sent_anywhere():
    assert sentry_sdk.get_client().dsn is None

"""A sentinel patient goes through every texting flow; no log line carries their data."""

import datetime
import json
import logging

import pytest
import requests
from django.core import mail
from django.urls import reverse
from twilio.http.http_client import TwilioHttpClient

from appointments.outbox import (
    outbox_on_cancelled,
    outbox_on_completed,
    outbox_on_request_created,
    outbox_on_scheduled,
)
from texting.backends import get_backend
from texting.dispatch import outbox_dispatch_due
from texting.models import OutboundMessage
from texting.services import message_retry
from texting.tests.conftest import ny
from texting.tests.factories import make_request

SENTINEL = {
    "first_name": "Zoltanella",
    "last_name": "Quibbleworthy",
    "phone": "+12125559876",
    "email": "zq.sentinel@example.org",
    "notes": "SENTINEL-NOTE-77",
}
SECRETS = [*SENTINEL.values(), "5559876", "SENTINELBODY", "1983-07-19", "07/19/1983"]


class TwilioApi(requests.adapters.BaseAdapter):
    """Twilio's servers, below the real TwilioHttpClient and its logging."""

    def __init__(self, *answers):
        super().__init__()
        self.answers = list(answers)

    def send(self, request, **kwargs):
        status, payload = self.answers.pop(0) if self.answers else (201, {"sid": "SM" + "f" * 32})
        response = requests.Response()
        response.status_code = status
        response._content = json.dumps(payload).encode()
        response.headers["Content-Type"] = "application/json"
        response.url, response.request = request.url, request
        return response

    def close(self):
        pass


def twilio_backend(*answers):
    http = TwilioHttpClient()
    http.session.mount("https://", TwilioApi(*answers))
    return get_backend("texting.backends.twilio.SmsBackend", http_client=http)


@pytest.fixture
def everything_logged(caplog):
    names = ["texting", "twilio", "twilio.http_client", "django", "celery", "kombu"]
    saved = {name: logging.getLogger(name).level for name in names}
    caplog.set_level(logging.DEBUG)
    for name in names:
        logging.getLogger(name).setLevel(logging.DEBUG)
    yield caplog
    for name, level in saved.items():
        logging.getLogger(name).setLevel(level)


def test_a_sentinel_patient_leaves_no_phi_in_any_log_line(
    db,
    everything_logged,
    signed_post,
    admin_client,
    broker_down,
    time_machine,
    django_capture_on_commit_callbacks,
    settings,
):
    settings.SMS_BACKEND = "texting.backends.console.SmsBackend"  # DEBUG is off: ids only

    request = make_request(date_of_birth=datetime.date(1983, 7, 19), **SENTINEL)
    with django_capture_on_commit_callbacks(execute=True):
        outbox_on_request_created(request=request)  # the publish fails: broker down
    outbox_dispatch_due()  # console backend

    request.status, request.scheduled_at = "scheduled", ny(2026, 6, 16, 9, 30)
    request.save()
    with django_capture_on_commit_callbacks(execute=True):
        outbox_on_scheduled(request=request)
    outbox_dispatch_due(backend=twilio_backend((500, {"code": 20500, "message": "oops"})))
    time_machine.shift(datetime.timedelta(minutes=2))
    outbox_dispatch_due(
        backend=twilio_backend(
            (400, {"code": 21211, "message": f"The 'To' number {SENTINEL['phone']} is not valid"})
        )
    )
    message_retry(message=OutboundMessage.objects.get(kind="scheduled"))
    outbox_dispatch_due(backend=twilio_backend())
    sid = OutboundMessage.objects.get(kind="scheduled").twilio_sid

    def inbound(body, n):
        data = {"MessageSid": f"SM{n:032d}", "From": SENTINEL["phone"], "Body": body}
        return signed_post("/sms/inbound/", data)

    with django_capture_on_commit_callbacks(execute=True):
        for n, body in enumerate(
            ["SENTINELBODY I have a fever", "HELP", "C", "please stop texting me SENTINELBODY"]
        ):
            assert inbound(body, n).status_code == 200
        assert inbound("SENTINELBODY again", 0).status_code == 200  # duplicate
        signed_post("/sms/status/", {"MessageSid": sid, "MessageStatus": "delivered"})
        data = {"MessageSid": "SMx", "From": SENTINEL["phone"], "Body": "SENTINELBODY"}
        assert signed_post("/sms/inbound/", data, signature="wrong").status_code == 403

    # The front desk reads it all (before the clock moves past the admin session).
    for name in ["outboundmessage", "inboundmessage", "optout", "overduemessage"]:
        assert admin_client.get(reverse(f"admin:texting_{name}_changelist")).status_code == 200

    request.status, request.completed_at = "completed", ny(2026, 6, 10, 12, 30)
    request.save()
    outbox_on_completed(request=request)
    time_machine.shift(datetime.timedelta(days=2))
    outbox_dispatch_due(backend=twilio_backend((400, {"code": 21610, "message": "unsubscribed"})))
    with django_capture_on_commit_callbacks(execute=True):
        inbound("START", 10)
        inbound("STOP", 11)
    outbox_on_cancelled(request=request)

    # The flows really ran, and the logs saw them.
    assert OutboundMessage.objects.filter(status="sent").count() >= 3
    [alert] = [m for m in mail.outbox if m.subject == "Urgent text reply from a patient"]
    assert len(everything_logged.records) > 20
    for record in everything_logged.records:
        line = record.getMessage() + " " + repr(record.args)
        for secret in SECRETS:
            assert secret not in line, f"{record.name}: {line}"
    for secret in SECRETS:
        assert secret not in everything_logged.text
    # The urgent alert to staff carries none of it either.
    for secret in SECRETS:
        assert secret not in alert.body + alert.subject


def test_the_console_backend_shows_the_text_only_in_development(db, settings, caplog):
    caplog.set_level(logging.INFO, logger="texting.console")
    backend = get_backend("texting.backends.console.SmsBackend")
    settings.DEBUG = True
    backend.send(message_id=7, to="+12125550123", body="Hello Dana", status_callback="")
    assert "+12125550123" in caplog.text and "Hello Dana" in caplog.text
    caplog.clear()
    settings.DEBUG = False
    sid = backend.send(message_id=8, to="+12125550123", body="Hello Dana", status_callback="")
    assert "SMS #8" in caplog.text
    assert "Hello Dana" not in caplog.text and "+12125550123" not in caplog.text
    assert sid.startswith("SMconsole")

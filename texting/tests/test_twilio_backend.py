"""The real twilio library on a fake HTTP client: the request it builds and each error."""

import datetime
import http.client

import pytest
import requests
import urllib3

from texting.dispatch import outbox_dispatch_due
from texting.models import OptOut, OutboundMessage
from texting.tests.conftest import ny, twilio_error, twilio_message
from texting.tests.factories import make_message, make_request
from texting.timing import MAX_ATTEMPTS

Status = OutboundMessage.Status
ACCOUNT = "AC" + "1" * 32


def test_it_posts_to_twilio_with_the_number_body_sender_and_status_callback(db, fake_twilio):
    http, backend = fake_twilio(twilio_message("SM" + "b" * 32))
    message = make_message(make_request(phone="+12125550123"))
    outbox_dispatch_due(backend=backend)
    [sent] = http.requests
    assert sent["method"] == "POST"
    assert sent["url"] == f"https://api.twilio.com/2010-04-01/Accounts/{ACCOUNT}/Messages.json"
    assert sent["auth"] == (ACCOUNT, "test-auth-token-0123456789abcdef")
    assert sent["data"] == {
        "To": "+12125550123",
        "From": "+12125550100",
        "Body": message.body,
        "StatusCallback": "https://www.hsgexam.example/sms/status/",
    }
    message.refresh_from_db()
    assert (message.status, message.twilio_sid) == (Status.SENT, "SM" + "b" * 32)


def test_it_sends_through_a_messaging_service_when_one_is_set(db, fake_twilio, settings):
    settings.TWILIO_MESSAGING_SERVICE_SID = "MG" + "2" * 32
    http, backend = fake_twilio(twilio_message())
    make_message(make_request())
    outbox_dispatch_due(backend=backend)
    data = http.requests[0]["data"]
    assert data["MessagingServiceSid"] == "MG" + "2" * 32
    assert "From" not in data


def test_an_invalid_number_fails_at_once_without_retry(db, fake_twilio):
    http, backend = fake_twilio(twilio_error(400, 21211, "The 'To' number is not valid."))
    message = make_message(make_request())
    outbox_dispatch_due(backend=backend)
    outbox_dispatch_due(backend=backend)
    message.refresh_from_db()
    assert message.status == Status.FAILED
    assert message.last_error == "Twilio 21211: not a valid mobile number"
    assert len(http.requests) == 1


def test_an_opted_out_number_fails_records_the_opt_out_and_cancels_its_other_texts(db, fake_twilio):
    http, backend = fake_twilio(twilio_error(400, 21610, "Attempt to send to unsubscribed"))
    request = make_request()
    message = make_message(request)
    later = make_message(request, dedupe_key="later", send_at=ny(2026, 6, 12, 10, 0))
    outbox_dispatch_due(backend=backend)
    message.refresh_from_db()
    later.refresh_from_db()
    assert message.status == Status.FAILED
    assert OptOut.objects.get(phone=request.phone).source == OptOut.Source.TWILIO
    assert later.status == Status.CANCELLED


@pytest.mark.parametrize("status, code", [(401, 20003), (403, 20008), (400, 21408)])
def test_other_client_errors_are_permanent(db, fake_twilio, status, code):
    http, backend = fake_twilio(twilio_error(status, code))
    message = make_message(make_request())
    outbox_dispatch_due(backend=backend)
    message.refresh_from_db()
    assert message.status == Status.FAILED
    assert message.last_error == f"Twilio {code}: refused (HTTP {status})"


@pytest.mark.parametrize(
    "answer",
    [
        twilio_error(500, 20500, "Internal Server Error"),
        twilio_error(503, 20503, "Service unavailable"),
        twilio_error(429, 20429, "Too many requests"),
        requests.ConnectTimeout("connect timed out"),
        requests.ConnectionError("connection refused"),
    ],
    ids=["500", "503", "429", "connect-timeout", "connection-error"],
)
def test_server_errors_and_timeouts_retry_with_backoff(db, fake_twilio, answer):
    http, backend = fake_twilio(answer)
    message = make_message(make_request())
    outbox_dispatch_due(backend=backend)
    message.refresh_from_db()
    assert message.status == Status.PENDING
    assert message.attempts == 1
    assert message.send_at >= ny(2026, 6, 10, 12, 0) + datetime.timedelta(seconds=59)
    assert message.last_error


def test_a_temporary_error_is_retried_until_the_limit_then_fails(db, fake_twilio, time_machine):
    errors = [twilio_error(500, 20500)] * MAX_ATTEMPTS
    http, backend = fake_twilio(*errors)
    message = make_message(make_request())
    for _ in range(MAX_ATTEMPTS):
        outbox_dispatch_due(backend=backend)
        time_machine.shift(datetime.timedelta(hours=2))
    message.refresh_from_db()
    assert len(http.requests) == MAX_ATTEMPTS
    assert message.status == Status.FAILED
    assert message.attempts == MAX_ATTEMPTS
    assert f"gave up after {MAX_ATTEMPTS} tries" in message.last_error


def test_a_temporary_error_then_success_sends_the_text_once(db, fake_twilio, time_machine):
    http, backend = fake_twilio(twilio_error(502, 20502), twilio_message("SM" + "c" * 32))
    message = make_message(make_request())
    outbox_dispatch_due(backend=backend)
    time_machine.shift(datetime.timedelta(minutes=2))
    outbox_dispatch_due(backend=backend)
    message.refresh_from_db()
    assert (message.status, message.attempts, message.last_error) == (Status.SENT, 2, "")
    assert len(http.requests) == 2


@pytest.mark.parametrize(
    "answer",
    [
        requests.ReadTimeout("read timed out"),
        requests.ConnectionError(
            urllib3.exceptions.ProtocolError(
                "Connection aborted.", http.client.RemoteDisconnected("closed")
            )
        ),
    ],
    ids=["read-timeout", "connection-dropped"],
)
def test_no_answer_after_the_request_went_out_needs_review_and_is_not_resent(
    db, fake_twilio, time_machine, answer
):
    # Twilio may have accepted the text: a retry could text the patient twice.
    http, backend = fake_twilio(answer, twilio_message())
    message = make_message(make_request())
    outbox_dispatch_due(backend=backend)
    time_machine.shift(datetime.timedelta(hours=2))
    outbox_dispatch_due(backend=backend)
    message.refresh_from_db()
    assert len(http.requests) == 1
    assert (message.status, message.attempts) == (Status.REVIEW, 1)
    assert "looks it up in Twilio's log" in message.last_error

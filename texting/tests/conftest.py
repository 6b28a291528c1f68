"""Fixtures for the texting tests: a fake Twilio HTTP client, signed webhooks, time."""

import datetime
import json
import os
import socket
from urllib.parse import parse_qs
from zoneinfo import ZoneInfo

import pytest
from twilio.http import HttpClient
from twilio.http.response import Response
from twilio.request_validator import RequestValidator

from texting.backends import get_backend, locmem

NEW_YORK = ZoneInfo("America/New_York")
AUTH_TOKEN = "test-auth-token-0123456789abcdef"


def ny(*args) -> datetime.datetime:
    """An aware New York datetime: ny(2026, 3, 9, 10, 0)."""
    return datetime.datetime(*args, tzinfo=NEW_YORK)


@pytest.fixture(autouse=True)
def sms_outbox():
    """The locmem backend's texts, emptied for each test."""
    locmem.outbox.clear()
    yield locmem.outbox
    locmem.outbox.clear()


@pytest.fixture(autouse=True)
def _daytime(time_machine):
    """Tests run on a weekday at noon in New York unless they move the clock."""
    time_machine.move_to(ny(2026, 6, 10, 12, 0), tick=True)


class FakeTwilioHttp(HttpClient):
    """Twilio's HTTP edge: records each request and answers from a list of responses.

    A response is (status, payload) or an exception instance to raise.
    """

    def __init__(self, *responses):
        super().__init__(logger=None, is_async=False)
        self.responses = list(responses)
        self.requests: list[dict] = []

    def request(self, method, uri, params=None, data=None, headers=None, auth=None, **kwargs):
        self.requests.append(
            {
                "method": method,
                "url": uri,
                "data": dict(data or {}),
                "params": dict(params or {}),
                "auth": auth,
            }
        )
        answer = self.responses.pop(0) if self.responses else (201, {"sid": "SM" + "0" * 32})
        if isinstance(answer, BaseException):
            raise answer
        status, payload = answer
        return Response(status, json.dumps(payload))


def twilio_message(sid: str = "SM" + "a" * 32) -> tuple[int, dict]:
    return 201, {"sid": sid, "status": "queued", "body": "", "to": "", "from": ""}


def twilio_list(*messages: tuple[str, str, str]) -> tuple[int, dict]:
    """One page of Twilio's message list: (sid, to, body) per message."""
    return 200, {
        "messages": [
            {"sid": sid, "to": to, "body": body, "status": "delivered"}
            for sid, to, body in messages
        ],
        "next_page_uri": None,
        "page": 0,
        "page_size": 50,
        "uri": "/2010-04-01/Accounts/AC/Messages.json",
    }


def twilio_error(status: int, code: int, message: str = "error") -> tuple[int, dict]:
    return status, {"code": code, "message": message, "status": status}


@pytest.fixture
def twilio_settings(settings):
    settings.TWILIO_ACCOUNT_SID = "AC" + "1" * 32
    settings.TWILIO_AUTH_TOKEN = AUTH_TOKEN
    settings.TWILIO_FROM_NUMBER = "+12125550100"
    settings.TWILIO_MESSAGING_SERVICE_SID = ""
    settings.SITE_URL = "https://www.hsgexam.example"
    return settings


@pytest.fixture
def fake_twilio(twilio_settings):
    """Make (http, backend): the real twilio backend on a fake HTTP client."""

    def make(*responses):
        http = FakeTwilioHttp(*responses)
        return http, get_backend("texting.backends.twilio.SmsBackend", http_client=http)

    return make


def form_data(data: dict) -> dict:
    return {key: values[0] for key, values in parse_qs(data).items()}


@pytest.fixture
def signed_post(client, twilio_settings):
    """POST like Twilio: form data signed for SITE_URL + path."""

    def post(path: str, data: dict, *, signature: str | None = None, **extra):
        url = twilio_settings.SITE_URL + path
        if signature is None:
            signature = RequestValidator(AUTH_TOKEN).compute_signature(url, data)
        return client.post(path, data, HTTP_X_TWILIO_SIGNATURE=signature, **extra)

    return post


def need_services(reason: str) -> None:
    """Skip with a reason, or fail when CI demands the services (REQUIRE_SERVICES=1)."""
    if os.environ.get("REQUIRE_SERVICES") == "1":
        pytest.fail(f"REQUIRE_SERVICES=1 but {reason}")
    pytest.skip(reason)


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def broker_down():
    """Point Celery at a closed port, as when Redis is down; restore it afterwards."""
    from clinic.celery import app

    saved = (app.conf.broker_url, app._pool, app.amqp._producer_pool)
    app.conf.broker_url = f"redis://127.0.0.1:{closed_port()}/0"
    app._pool = app.amqp._producer_pool = None  # make the next publish connect anew
    yield
    app.conf.broker_url, app._pool, app.amqp._producer_pool = saved

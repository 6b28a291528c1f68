"""How many date-of-birth guesses a manage link takes, and what happens when Redis is down."""

import datetime as dt
import os
import socket
import uuid

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test import Client

from appointments import dob_check, tokens
from appointments.tests.factories import AppointmentRequestFactory
from appointments.tests.test_concurrency import run_together

RIGHT, WRONG = "1990-03-14", "1991-01-01"


def manage_url(appointment) -> str:
    return f"/appointments/manage/{tokens.manage_token(appointment.pk)}/"


def guess(client, url, dob, address="203.0.113.7"):
    return client.post(url, {"date_of_birth": dob}, REMOTE_ADDR=address)


@pytest.fixture
def local_cache(settings):
    """locmem follows time_machine's clock (Redis keeps its own)."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "KEY_PREFIX": f"guesses-{uuid.uuid4().hex}",
        }
    }


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_twenty_concurrent_wrong_guesses_are_compared_at_most_five_times(clinic, settings):
    if connection.vendor != "postgresql":
        if os.environ.get("REQUIRE_SERVICES") == "1":
            pytest.fail("REQUIRE_SERVICES=1 but DATABASE_URL is not PostgreSQL")
        pytest.skip("needs PostgreSQL: set DATABASE_URL=postgres://... to run")
    appointment = AppointmentRequestFactory()
    url = manage_url(appointment)

    def wrong_guess():
        response = guess(Client(), url, WRONG)
        return response.status_code, "does not match" in response.content.decode()

    results = run_together([wrong_guess for _ in range(20)])

    assert set(results) <= {(200, True), (429, False)}, results
    assert len([r for r in results if r == (200, True)]) <= 4  # the fifth one locks
    right = guess(Client(), url, RIGHT)
    assert right.status_code == 429
    assert "locked for up to 15 minutes" in right.content.decode()
    # How many were compared: each one used up one of the link's 10 wrong guesses.
    # Lift the 15-minute lock (as its expiry would) and count what is left.
    cache.delete(dob_check._window_key(appointment.pk))
    left = 0
    while guess(Client(), url, WRONG, address=f"198.51.100.{left}").status_code == 200:
        left += 1
    assert left == 4  # and the fifth wrong one kills the link: 5 + 5 = 10
    assert guess(Client(), url, RIGHT, address="198.51.100.99").status_code == 403


def test_a_right_answer_during_the_lock_is_refused(client, clinic):
    url = manage_url(AppointmentRequestFactory())
    for _ in range(5):
        guess(client, url, WRONG)

    response = guess(Client(), url, RIGHT)

    assert response.status_code == 429
    assert response["Retry-After"] == "900"
    assert "Waiting for our call" not in response.content.decode()


def test_ten_wrong_guesses_in_a_links_life_kill_it_and_the_page_says_to_call(
    client, clinic, frozen_now, local_cache
):
    appointment = AppointmentRequestFactory()
    url = manage_url(appointment)
    for _ in range(5):
        guess(client, url, WRONG)
    later = frozen_now + dt.timedelta(minutes=16)
    with time_machine.travel(later, tick=False):
        for _ in range(4):
            assert guess(client, url, WRONG).status_code == 200
        assert guess(client, url, WRONG).status_code == 403
    with time_machine.travel(later + dt.timedelta(days=2), tick=False):
        response = guess(client, url, RIGHT)
        page = client.get(url)

    assert response.status_code == 403
    assert "this link no longer works" in response.content.decode()
    assert "Please call us" in page.content.decode() and page.status_code == 403
    assert appointment.reference not in response.content.decode()


def test_a_right_answer_gives_its_guess_back(client, clinic, frozen_now, local_cache):
    url = manage_url(AppointmentRequestFactory())
    for minutes in (0, 20, 40):
        with time_machine.travel(frozen_now + dt.timedelta(minutes=minutes), tick=False):
            for _ in range(3):
                guess(Client(), url, WRONG)
            assert guess(Client(), url, RIGHT).status_code == 302
    # Nine wrong guesses and three right ones: the tenth wrong one has not come yet.
    with time_machine.travel(frozen_now + dt.timedelta(minutes=60), tick=False):
        assert guess(Client(), url, RIGHT).status_code == 302


def test_one_address_guessing_across_many_links_is_stopped(client, clinic):
    links = [manage_url(AppointmentRequestFactory()) for _ in range(6)]
    for url in links[:5]:
        for _ in range(4):
            assert guess(client, url, WRONG).status_code == 200

    from_there = guess(client, links[5], RIGHT)
    from_elsewhere = guess(Client(), links[5], RIGHT, address="198.51.100.9")

    assert from_there.status_code == 429
    assert from_elsewhere.status_code == 302


def test_a_link_locked_by_its_own_guesses_says_it_waits_up_to_15_minutes(client, clinic):
    url = manage_url(AppointmentRequestFactory())
    for _ in range(5):
        guess(client, url, WRONG)

    response = guess(client, url, WRONG)

    assert response.status_code == 429
    assert response["Retry-After"] == "900"
    assert "this link is locked for up to 15 minutes" in response.content.decode()


def test_an_address_stopped_across_links_is_told_it_waits_up_to_an_hour(client, clinic):
    links = [manage_url(AppointmentRequestFactory()) for _ in range(6)]
    for url in links[:5]:
        for _ in range(4):
            guess(client, url, WRONG)

    response = guess(client, links[5], RIGHT)

    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    html = response.content.decode()
    assert "from your network in the last hour" in html and "up to 60 minutes" in html
    assert "15 minutes" not in html


def test_the_spanish_locked_page_says_the_wait_in_spanish(client, clinic):
    appointment = AppointmentRequestFactory(language="es")
    url = f"/es/appointments/manage/{tokens.manage_token(appointment.pk)}/"
    for _ in range(5):
        guess(client, url, WRONG)

    html = guess(client, url, WRONG).content.decode()

    assert "este enlace está bloqueado por hasta 15 minutos" in html


# --- Point 14: Redis down --------------------------------------------------------------


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def redis_down(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "clinic.redis_cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }


@pytest.mark.parametrize("method", ["get", "post"])
def test_the_manage_page_fails_closed_and_politely_while_redis_is_down(
    client, clinic, redis_down, method
):
    url = manage_url(AppointmentRequestFactory())

    if method == "get":
        response = client.get(url)
    else:
        response = guess(client, url, RIGHT)

    assert response.status_code == 503
    assert response["Retry-After"]
    html = response.content.decode()
    assert "We cannot check this right now" in html
    assert "call us" in html
    assert "Waiting for our call" not in html

"""Admin login lockouts (username and address together, a looser limit per address) and
the client address when X-Forwarded-For holds something that is not an IP."""

import logging

import pytest
from django.test import Client

from clinic.security import ADDRESS_FAILURE_LIMIT, client_ip
from clinic.tests.test_security import fail_login
from clinic.tests.test_twofactor import admin_login, static_code_for

pytestmark = pytest.mark.django_db


def test_failures_from_one_address_do_not_lock_the_user_out_from_another(staff_user):
    attacker = Client(REMOTE_ADDR="203.0.113.66")
    for _ in range(5):
        fail_login(attacker)
    assert admin_login(attacker, otp=static_code_for(staff_user.username)).status_code == 429

    at_the_desk = Client(REMOTE_ADDR="198.51.100.10")
    response = admin_login(at_the_desk, otp=static_code_for(staff_user.username))

    assert response.status_code == 302  # signed in


def test_an_address_trying_many_usernames_is_locked_at_the_looser_limit(staff_user):
    attacker = Client(REMOTE_ADDR="203.0.113.77")
    for n in range(ADDRESS_FAILURE_LIMIT - 1):
        assert fail_login(attacker, username=f"user{n}").status_code == 200

    assert fail_login(attacker, username="one-more").status_code == 429
    assert admin_login(attacker, otp=static_code_for(staff_user.username)).status_code == 429
    elsewhere = Client(REMOTE_ADDR="198.51.100.11")
    assert admin_login(elsewhere, otp=static_code_for(staff_user.username)).status_code == 302


# --- Point 16: an X-Forwarded-For that is not an IP ----------------------------------


@pytest.mark.parametrize("forwarded", ["not-an-ip", "203.0.113.5:443", "<script>", "1.2.3.4.5"])
def test_the_admin_login_survives_a_forwarded_for_that_is_not_an_ip(
    client, staff_user, settings, caplog, forwarded
):
    settings.TRUSTED_PROXY_COUNT = 1
    caplog.set_level(logging.WARNING, logger="clinic.security")

    response = fail_login(client, HTTP_X_FORWARDED_FOR=forwarded, REMOTE_ADDR="10.0.0.9")

    assert response.status_code == 200
    lines = [r for r in caplog.records if r.name == "clinic.security"]
    assert len(lines) == 1  # once per request, however often the address is read
    assert forwarded not in lines[0].getMessage()
    from axes.models import AccessAttempt

    assert AccessAttempt.objects.get().ip_address == "10.0.0.9"


def test_an_invalid_forwarded_address_falls_back_to_remote_addr(rf, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    request = rf.get("/", HTTP_X_FORWARDED_FOR="garbage", REMOTE_ADDR="10.0.0.2")

    assert client_ip(request) == "10.0.0.2"
    good = rf.get("/", HTTP_X_FORWARDED_FOR="2001:db8::1", REMOTE_ADDR="10.0.0.2")
    assert client_ip(good) == "2001:db8::1"

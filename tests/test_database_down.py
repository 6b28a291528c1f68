"""PostgreSQL out of reach: pages that need it answer 503 with Retry-After and a
friendly page, and the error line names the project's frame where it failed."""

import io
import logging
import os
import re
import socket

import pytest
from django.db import connections
from django.test import Client

from clinic.logs import DropRequestData, KeyValueFormatter


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def database_down(django_db_blocker, settings):
    """The default connection points at a port where nothing listens."""
    connection = connections["default"]
    if connection.vendor != "postgresql":
        if os.environ.get("REQUIRE_SERVICES") == "1":
            pytest.fail("REQUIRE_SERVICES=1 but DATABASE_URL is not PostgreSQL")
        pytest.skip("needs PostgreSQL: set DATABASE_URL=postgres://... to run")
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    saved = dict(connection.settings_dict)
    with django_db_blocker.unblock():
        connection.close()
        connection.settings_dict.update(HOST="127.0.0.1", PORT=str(closed_port()))
        try:
            yield
        finally:
            connection.close()
            connection.settings_dict.clear()
            connection.settings_dict.update(saved)


@pytest.fixture
def error_lines():
    """What the site's stdout handler would print for django.request."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(DropRequestData())
    handler.setFormatter(KeyValueFormatter())
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    yield stream
    logger.removeHandler(handler)


@pytest.mark.services
@pytest.mark.parametrize(
    "path", ["/", "/procedures/hsg/", "/faq/", "/appointments/request/", "/contact/"]
)
def test_pages_answer_503_with_retry_after_and_a_friendly_page(database_down, error_lines, path):
    response = Client(raise_request_exception=False).get(path)

    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    html = response.content.decode()
    assert "We cannot open this page right now" in html
    assert "(212) 246-2063" in html
    line = error_lines.getvalue()
    assert "exc=OperationalError" in line
    assert re.search(r"origin=(clinic|procedures|faq|appointments|texting)/\w+\.py:\d+:\w+", line)


@pytest.mark.services
@pytest.mark.parametrize("path", ["/appointments/request/", "/admin/login/"])
def test_a_post_answers_503_too_and_shows_nothing_typed(database_down, path):
    response = Client(raise_request_exception=False).post(
        path, {"first_name": "Maria", "username": "Maria", "password": "secret-password"}
    )

    assert response.status_code == 503
    assert "Maria" not in response.content.decode()


def test_any_other_error_is_still_a_500(client, settings):
    from clinic.views import server_error

    try:
        raise ValueError("boom")
    except ValueError:
        response = server_error(None)

    assert response.status_code == 500
    assert "Retry-After" not in response

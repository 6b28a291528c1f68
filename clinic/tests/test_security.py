"""Security headers, cookies, private pages, oversized bodies, rate limits and logs."""

import logging
import re
from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from clinic.logs import DropRequestData, KeyValueFormatter
from clinic.public_pages import PUBLIC_PAGES
from clinic.tests.test_deploy import production_settings
from clinic.tests.test_twofactor import admin_login, static_code_for

FORM_PAGES = ["/contact/", "/appointments/request/"]

# Settings that only a production process (DEBUG off) has: copied from one, so the
# headers below are those settings.py really produces.
PRODUCTION_KEYS = [
    "SECURE_SSL_REDIRECT",
    "SECURE_REDIRECT_EXEMPT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
]


@pytest.fixture
def production(settings):
    """This process's settings with the production values of PRODUCTION_KEYS."""
    values = production_settings()
    for key in PRODUCTION_KEYS:
        setattr(settings, key, values[key])
    return settings


def csp_directives(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    return directives


# --- Headers on every page ---------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_every_public_page_has_a_strict_content_security_policy(client, path):
    response = client.get(path)

    assert response.status_code == 200
    csp = csp_directives(response)
    assert "'unsafe-inline'" not in csp["script-src"]
    assert "'unsafe-eval'" not in csp["script-src"]
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in csp.get("style-src", [])


@pytest.mark.django_db
@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_every_public_page_has_the_production_security_headers(client, production, path):
    response = client.get(path, secure=True)

    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
@pytest.mark.parametrize("path", FORM_PAGES)
def test_the_captcha_script_is_allowed_by_the_policy_and_no_script_is_inline(
    client, settings, path
):
    settings.RECAPTCHA_PUBLIC_KEY = "test-site-key"
    settings.RECAPTCHA_PRIVATE_KEY = "test-secret-key"

    response = client.get(path)

    html = response.content.decode()
    assert "test-site-key" in html  # the captcha is on this page
    script_src = csp_directives(response)["script-src"]
    nonces = [word[len("'nonce-") : -1] for word in script_src if word.startswith("'nonce-")]
    scripts = re.findall(r"<script\b[^>]*>", html)
    assert scripts
    for tag in scripts:
        src = re.search(r'\bsrc="([^"]+)"', tag)
        nonce = re.search(r'\bnonce="([^"]+)"', tag)
        if src:
            url = src.group(1)
            assert url.startswith("/static/") or any(
                url.startswith(host) for host in script_src if host.startswith("https://")
            ), tag
        else:
            # An inline block may only be data (json_script) or carry the page's nonce.
            data = re.search(r'\btype="application/(ld\+)?json"', tag)
            assert data or (nonce and nonce.group(1) in nonces), tag
    # The page's own script loads Google's from an allowed host.
    assert any(host.startswith("https://www.google.com/recaptcha/") for host in script_src)
    assert not re.search(r"\son[a-z]+=", html)


@pytest.mark.django_db
def test_plain_http_is_redirected_to_https_in_production(client, production):
    response = client.get("/faq/")

    assert response.status_code == 301
    assert response["Location"] == "https://testserver/faq/"


@pytest.mark.django_db
def test_the_health_check_answers_over_plain_http_in_production(client, production):
    assert client.get("/healthz").status_code == 200


# --- Private pages are never stored -----------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", [*FORM_PAGES, "/admin/login/", "/appointments/manage/not-a-real-token/"]
)
def test_forms_the_manage_page_and_the_admin_login_are_not_stored(client, path):
    response = client.get(path)

    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


@pytest.mark.django_db
def test_admin_pages_are_not_stored(admin_client):
    for path in ("/admin/", "/admin/clinic/contactmessage/", "/admin/two-factor/"):
        response = admin_client.get(path)
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"], path


# --- Cookies in production --------------------------------------------------------


def assert_locked_down(cookie):
    assert cookie["secure"] is True
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"


@pytest.mark.django_db
def test_the_csrf_cookie_is_secure_httponly_and_samesite_in_production(client, production):
    response = client.get("/contact/", secure=True)

    assert_locked_down(response.cookies["csrftoken"])


@pytest.mark.django_db
def test_the_session_cookie_is_secure_httponly_and_samesite_in_production(
    client, production, staff_user
):
    client.defaults["wsgi.url_scheme"] = "https"
    code = static_code_for(staff_user.username)

    response = client.post(
        reverse("admin:login"),
        {
            "username": staff_user.username,
            "password": "a-long-test-password",
            "otp_device": code[1],
            "otp_token": code[0],
            "next": "/admin/",
        },
        secure=True,
    )

    assert response.status_code == 302
    assert_locked_down(response.cookies["sessionid"])
    assert response.cookies["sessionid"]["max-age"] == ""  # ends when the browser closes


# --- Staff sessions ---------------------------------------------------------------


@pytest.mark.django_db
def test_an_idle_admin_session_is_signed_out(admin_client, settings):
    with time_machine.travel("2026-03-02 14:00:00 +0000", tick=False) as clock:
        assert admin_client.get("/admin/").status_code == 200
        clock.shift(timedelta(seconds=settings.ADMIN_IDLE_TIMEOUT - 60))
        assert admin_client.get("/admin/").status_code == 200
        clock.shift(timedelta(seconds=settings.ADMIN_IDLE_TIMEOUT + 1))

        response = admin_client.get("/admin/clinic/contactmessage/")

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
    assert "_auth_user_id" not in admin_client.session


# --- django-axes on the real admin login form -------------------------------------


def fail_login(client, username="frontdesk", **extra):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": "not-the-password", "otp_token": "123456"},
        **extra,
    )


@pytest.mark.django_db
def test_five_failed_logins_lock_the_account_and_answer_429(client, staff_user):
    for _ in range(4):
        assert fail_login(client).status_code == 200
    fifth = fail_login(client)
    assert fifth.status_code == 429

    # Even the right password and a valid code are refused while it is locked.
    locked = admin_login(client, otp=static_code_for(staff_user.username))
    assert locked.status_code == 429
    assert client.get("/admin/").status_code == 302


@pytest.mark.django_db
def test_a_spoofed_forwarded_for_header_does_not_escape_the_lock(client, staff_user):
    for n in range(5):
        fail_login(client, HTTP_X_FORWARDED_FOR=f"203.0.113.{n}")

    response = admin_login(client, otp=static_code_for(staff_user.username))

    assert response.status_code == 429
    again = fail_login(client, HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert again.status_code == 429  # the address is REMOTE_ADDR, still locked


@pytest.mark.django_db
def test_behind_a_proxy_a_client_written_forwarded_for_entry_does_not_escape_the_lock(
    client, staff_user, settings
):
    settings.TRUSTED_PROXY_COUNT = 1  # the load balancer appends the address it saw
    for n in range(5):
        fail_login(client, HTTP_X_FORWARDED_FOR=f"203.0.113.{n}, 198.51.100.20")

    response = admin_login(
        client,
        otp=static_code_for(staff_user.username),
        HTTP_X_FORWARDED_FOR="192.0.2.99, 198.51.100.20",
    )

    assert response.status_code == 429
    # Another patient behind the same load balancer is not locked out with her.
    other = fail_login(client, username="someone-else", HTTP_X_FORWARDED_FOR="198.51.100.21")
    assert other.status_code == 200


@pytest.mark.parametrize(
    ("proxies", "forwarded_for", "expected"),
    [
        (0, "192.0.2.1", "10.0.0.2"),  # no proxy of ours: the header is ignored
        (1, "192.0.2.1, 198.51.100.20", "198.51.100.20"),
        (2, "192.0.2.1, 198.51.100.20, 10.1.1.1", "198.51.100.20"),
        (1, "", "10.0.0.2"),  # did not come through the proxy
    ],
)
def test_the_client_address_counts_only_our_own_proxies(
    rf, settings, proxies, forwarded_for, expected
):
    from clinic.ratelimit import client_ip

    settings.TRUSTED_PROXY_COUNT = proxies
    request = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded_for)

    assert client_ip(request) == expected


@pytest.mark.django_db
def test_the_lock_lifts_after_the_cool_off(client, staff_user, settings):
    with time_machine.travel("2026-03-02 14:00:00 +0000", tick=False) as clock:
        for _ in range(5):
            fail_login(client)
        assert admin_login(client, otp=static_code_for(staff_user.username)).status_code == 429

        clock.shift(timedelta(hours=settings.AXES_COOLOFF_TIME, minutes=1))
        response = admin_login(client, otp=static_code_for(staff_user.username))

    assert response.status_code == 302
    assert response["Location"] == "/admin/"


# --- Request bodies ---------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("path", [*FORM_PAGES, "/admin/login/"])
def test_an_oversized_body_answers_400(settings, path):
    client = Client(enforce_csrf_checks=True)  # as a browser: the middleware reads the body
    client.get(path)  # the CSRF cookie

    response = client.post(path, {"message": "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)})

    assert response.status_code == 400


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        *FORM_PAGES,
        "/appointments/request/window/",
        "/appointments/manage/1:abc:def/",
        "/admin/login/",
        "/sms/inbound/",
        "/sms/status/",
    ],
)
def test_a_body_with_a_file_part_answers_400_wherever_it_is_sent(settings, path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.TWILIO_AUTH_TOKEN = "test-auth-token"  # a webhook reads a signed body
    client = Client(enforce_csrf_checks=True)
    client.get("/contact/")  # the CSRF cookie
    token = client.cookies["csrftoken"].value
    big = b"x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE * 4)  # over the fields' limit

    response = client.post(
        path,
        {
            "csrfmiddlewaretoken": token,
            "message": "hi",
            "attachment": SimpleUploadedFile("a.txt", big),
        },
        HTTP_X_TWILIO_SIGNATURE="any",
    )

    assert response.status_code == 400


# --- Rate limits ------------------------------------------------------------------


# Twilio's webhooks count signed posts only: see appointments/tests/test_form_abuse.py.
@pytest.mark.django_db
@pytest.mark.parametrize("path", FORM_PAGES, ids=lambda p: p.strip("/"))
def test_the_per_ip_rate_limits_answer_429(client, path):
    statuses = []
    for _ in range(700):  # above the highest limit in use (600 status callbacks a minute)
        response = client.post(path, {})
        statuses.append(response.status_code)
        if response.status_code == 429:
            break

    assert statuses[-1] == 429
    assert int(response["Retry-After"]) > 0
    assert 500 not in statuses
    assert len(statuses) > 1  # the first requests got through


@pytest.fixture
def redis_down(settings):
    """The cache points at a Redis port where nothing listens."""
    settings.CACHES = {
        "default": {
            "BACKEND": "clinic.redis_cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    return settings  # Django's setting_changed handler rebuilds the cache connections


@pytest.mark.django_db
def test_a_redis_outage_leaves_the_contact_form_working(client, redis_down, caplog):
    caplog.set_level(logging.WARNING, logger="clinic.ratelimit")
    assert client.get("/contact/").status_code == 200

    response = client.post(
        "/contact/",
        {"name": "Test Patient", "email": "test@example.com", "message": "Do you take Aetna?"},
    )

    assert response.status_code == 302
    assert "rate limit skipped" in caplog.text


@pytest.mark.django_db
@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_a_redis_outage_leaves_every_public_page_up(client, redis_down, path):
    assert client.get(path).status_code == 200


@pytest.mark.django_db
def test_a_redis_outage_leaves_the_appointment_form_answering(client, redis_down):
    response = client.post("/appointments/request/", {})

    assert response.status_code == 200  # the form again, with its errors: not a 500
    assert 'class="invalid-feedback' in response.content.decode() or "error" in (
        response.content.decode().lower()
    )


# --- Logs -------------------------------------------------------------------------


def formatted(record: logging.LogRecord) -> str:
    DropRequestData().filter(record)
    return KeyValueFormatter().format(record)


def test_a_logged_request_shows_its_method_and_path_but_never_its_data(rf):
    request = rf.post(
        "/appointments/request/?ref=x",
        {"first_name": "Jane", "email": "jane@example.com", "date_of_birth": "1990-04-05"},
    )
    record = logging.LogRecord(
        "django.request", logging.WARNING, __file__, 1, "Bad Request: %s", (request.path,), None
    )
    record.request = request
    record.status_code = 400

    line = formatted(record)

    assert line.startswith("time=")
    assert "level=WARNING logger=django.request" in line
    assert "method=POST path=/appointments/request/" in line
    assert "status=400" in line
    for secret in ("Jane", "jane@example.com", "1990-04-05", "ref=x"):
        assert secret not in line
    assert "\n" not in line


def test_a_logged_error_shows_where_it_happened_but_not_its_message():
    try:
        raise ValueError("duplicate key (email)=(jane@example.com) already exists")
    except ValueError:
        import sys

        record = logging.LogRecord(
            "django.request",
            logging.ERROR,
            __file__,
            1,
            "Internal Server Error",
            (),
            sys.exc_info(),
        )

    line = formatted(record)

    assert "exc=ValueError" in line
    assert "test_security.py:" in line
    assert "jane@example.com" not in line
    assert "\n" not in line


def test_the_signed_tokens_of_patients_links_are_redacted_in_log_lines(rf):
    request = rf.get("/appointments/manage/eyJpZCI6MX0.signed/")
    record = logging.LogRecord(
        "django.request",
        logging.WARNING,
        __file__,
        1,
        "Not Found: %s",
        ("/appointments/request/done/eyJpZCI6MX0.other/",),
        None,
    )
    record.request = request

    line = formatted(record)

    assert "eyJpZCI6MX0" not in line
    assert "path=/appointments/manage/…/" in line
    assert "/appointments/request/done/…/" in line

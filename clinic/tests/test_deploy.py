"""The production settings, the Docker image, the compose stack and gunicorn's config.

Docker cannot run in CI, so the compose file is checked by parsing it (PyYAML) and
asserting what `docker compose config` would be trusted to show.
"""

import json
import os
import re
import secrets
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest
import yaml
from django.conf import settings

ROOT = Path(settings.BASE_DIR)

# Values read from clinic.settings in a child process started with production_env().
PRODUCTION_VALUES = [
    "DEBUG",
    "SECURE_SSL_REDIRECT",
    "SECURE_REDIRECT_EXEMPT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "SECURE_CROSS_ORIGIN_OPENER_POLICY",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE",
    "SESSION_COOKIE_AGE",
    "SESSION_EXPIRE_AT_BROWSER_CLOSE",
    "CSRF_COOKIE_SECURE",
    "CSRF_COOKIE_HTTPONLY",
    "CSRF_COOKIE_SAMESITE",
    "ADMIN_IDLE_TIMEOUT",
    "STORAGES",
    "WHITENOISE_MAX_AGE",
    "CACHES",
    "DATA_UPLOAD_MAX_MEMORY_SIZE",
    "X_FRAME_OPTIONS",
]


def production_env(**overrides: str) -> dict[str, str]:
    """The environment of a production process, as the README's Settings table has it."""
    # Only the basics of this process's environment: test-run switches (such as
    # DJANGO_ALLOW_ASYNC_UNSAFE, set for browser tests) have no place in production.
    env = {key: os.environ[key] for key in ("PATH", "HOME", "LANG", "TMPDIR") if key in os.environ}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "clinic.settings",
            "DEBUG": "false",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "hsgexam.com,www.hsgexam.com",
            "SITE_URL": "https://hsgexam.com",
            "RECAPTCHA_PUBLIC_KEY": "test-site-key",
            "RECAPTCHA_PRIVATE_KEY": "test-secret-key",
            "REDIS_URL": "redis://127.0.0.1:6379/0",
            "DATABASE_URL": "postgres://clinic@127.0.0.1:5432/clinic",
            "EMAIL_URL": "smtp+tls://clinic:mail-password@mail.example.com:587",
            "RELEASE": "abc1234",
        }
    )
    env.update(overrides)
    return env


@cache
def _production_values(overrides: tuple[tuple[str, str], ...]) -> dict:
    code = (
        "import json, django; django.setup(); from django.conf import settings; "
        f"print(json.dumps({{k: getattr(settings, k, None) for k in {PRODUCTION_VALUES!r}}},"
        " default=str))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=production_env(**dict(overrides)),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def production_settings(**overrides: str) -> dict:
    """The settings a production process computes from its environment."""
    return _production_values(tuple(sorted(overrides.items())))


def test_check_deploy_passes_with_a_production_environment():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=production_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_fails_without_the_captcha_keys():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=production_env(RECAPTCHA_PUBLIC_KEY="", RECAPTCHA_PRIVATE_KEY=""),
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode != 0
    assert "clinic.E001" in result.stderr + result.stdout


def test_production_refuses_to_start_on_the_development_secret_key():
    env = production_env()
    del env["SECRET_KEY"]
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_settings_turn_on_https_only_behaviour():
    values = production_settings()

    assert values["DEBUG"] is False
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_HSTS_SECONDS"] >= 365 * 24 * 3600
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert values["SESSION_COOKIE_SECURE"] is True
    assert values["CSRF_COOKIE_SECURE"] is True
    assert values["SESSION_COOKIE_HTTPONLY"] is True
    assert values["CSRF_COOKIE_HTTPONLY"] is True
    assert values["SESSION_COOKIE_SAMESITE"] == "Lax"
    assert values["CSRF_COOKIE_SAMESITE"] == "Lax"
    # No proxy header is trusted unless the operator says a proxy sets it.
    assert values["SECURE_PROXY_SSL_HEADER"] is None


def test_the_ssl_redirect_and_the_proxy_header_are_switched_by_the_environment():
    values = production_settings(SECURE_SSL_REDIRECT="false", USE_X_FORWARDED_PROTO="true")

    assert values["SECURE_SSL_REDIRECT"] is False
    assert values["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]


def test_production_uses_redis_and_hashed_compressed_static_files():
    values = production_settings()

    assert values["CACHES"]["default"]["BACKEND"] == "clinic.redis_cache.RedisCache"
    assert values["CACHES"]["default"]["LOCATION"] == "redis://127.0.0.1:6379/0"
    assert values["STORAGES"]["staticfiles"]["BACKEND"] == (
        "whitenoise.storage.CompressedManifestStaticFilesStorage"
    )
    assert values["WHITENOISE_MAX_AGE"] >= 3600


def test_staff_sessions_expire():
    values = production_settings()

    assert values["SESSION_EXPIRE_AT_BROWSER_CLOSE"] is True
    assert values["SESSION_COOKIE_AGE"] <= 8 * 3600
    assert 0 < values["ADMIN_IDLE_TIMEOUT"] <= 3600


# --- Dockerfile --------------------------------------------------------------------


def dockerfile() -> str:
    return (ROOT / "Dockerfile").read_text()


def test_the_image_is_slim_python_311_and_runs_as_a_non_root_user():
    text = dockerfile()

    assert re.search(r"^FROM python:3\.11-slim\b", text, re.M)
    users = re.findall(r"^USER (\S+)", text, re.M)
    assert users and users[-1] not in {"root", "0"}


def test_the_image_installs_exactly_the_pinned_requirements():
    text = dockerfile()

    assert "pip install -r requirements.txt" in text
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            assert "==" in line, f"unpinned requirement: {line}"


def test_the_docker_context_leaves_out_local_state():
    ignored = (ROOT / ".dockerignore").read_text().split()

    for entry in (".git", ".venv", ".env", "node_modules", "staticfiles", "db.sqlite3"):
        assert entry in ignored


# --- docker-compose.yml ------------------------------------------------------------


def compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_compose_runs_the_app_in_production_mode_with_the_services():
    env = compose()["services"]["web"]["environment"]

    assert env["DEBUG"] == "false"
    assert (
        env["DATABASE_URL"].startswith("postgres://") and "@postgres:5432/" in env["DATABASE_URL"]
    )
    assert env["REDIS_URL"] == "redis://:${REDIS_PASSWORD:?set REDIS_PASSWORD}@redis:6379/0"
    assert env["USE_X_FORWARDED_PROTO"] == "true"
    # Secrets come from the operator's environment and are required, never defaulted.
    for key in ("SECRET_KEY", "RECAPTCHA_PUBLIC_KEY", "RECAPTCHA_PRIVATE_KEY", "EMAIL_URL"):
        assert re.fullmatch(r"\$\{" + key + r":\?.+\}", env[key])


def test_compose_publishes_the_web_port_on_loopback_by_default():
    # Django trusts X-Forwarded-For through TRUSTED_PROXY_COUNT=1: only the proxy on this
    # host may reach gunicorn.
    web = compose()["services"]["web"]

    assert web["ports"] == ["${WEB_BIND:-127.0.0.1}:${WEB_PORT:-8000}:8000"]
    for service in compose()["services"].values():
        for port in service.get("ports", []):
            assert str(port).startswith("${WEB_BIND:-127.0.0.1}:"), port


def test_compose_requires_the_release():
    env = compose()["services"]["web"]["environment"]

    assert re.fullmatch(r"\$\{RELEASE:\?.+\}", env["RELEASE"])


# --- gunicorn.conf.py --------------------------------------------------------------


def gunicorn_config(**env: str) -> dict:
    code = (
        "import json, runpy; c = runpy.run_path('gunicorn.conf.py'); "
        "print(json.dumps({k: c[k] for k in ('workers', 'threads', 'timeout', 'bind', "
        "'access_log_format', 'worker_class', 'preload_app')}))"
    )
    clean = {k: v for k, v in os.environ.items() if not k.startswith("GUNICORN_")}
    clean.pop("WEB_CONCURRENCY", None)
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    return json.loads(result.stdout)


def test_gunicorn_sizes_its_workers_from_the_cpu_count():
    config = gunicorn_config()

    assert config["workers"] == 2 * os.cpu_count() + 1
    assert config["worker_class"] == "gthread"
    assert config["threads"] >= 2
    assert 10 <= config["timeout"] <= 60
    assert gunicorn_config(WEB_CONCURRENCY="3")["workers"] == 3


def test_gunicorn_loads_the_app_once_and_forks_its_workers_from_it():
    assert gunicorn_config()["preload_app"] is True
    assert gunicorn_config(GUNICORN_PRELOAD="false")["preload_app"] is False


def test_gunicorns_access_log_has_no_query_string_or_referrer():
    line_format = gunicorn_config()["access_log_format"]

    assert "%(U)s" in line_format
    for atom in ("%(r)s", "%(q)s", "%(f)s", "%(a)s"):
        assert atom not in line_format


def test_gunicorns_logger_redacts_patients_links(rf):
    import runpy
    from datetime import timedelta
    from types import SimpleNamespace

    from gunicorn.config import Config

    logger_class = runpy.run_path(str(ROOT / "gunicorn.conf.py"))["RedactingLogger"]
    logger = logger_class(Config())
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": "/appointments/manage/AbC123.signed-token/",
        "RAW_URI": "/appointments/manage/AbC123.signed-token/?email=jane%40example.com",
        "QUERY_STRING": "email=jane%40example.com",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_REFERER": "https://hsgexam.com/?name=Jane",
    }
    response = SimpleNamespace(status="200 OK", headers=[], sent=10)
    request = SimpleNamespace(headers=[])

    atoms = logger.atoms(response, request, environ, timedelta(milliseconds=3))

    assert atoms["U"] == "/appointments/manage/…/"
    line = " ".join(str(value) for value in atoms.values())
    assert "signed-token" not in line
    assert "jane" not in line.lower()


# --- The Redis cache backend -------------------------------------------------------


@pytest.fixture
def redis_cache(settings):
    url = os.environ.get("REDIS_URL")
    if not url:
        if os.environ.get("REQUIRE_SERVICES") == "1":
            pytest.fail("REDIS_URL is not set but REQUIRE_SERVICES=1")
        pytest.skip("needs Redis: set REDIS_URL")
    from django.core.cache import caches

    settings.CACHES = {
        "default": {
            "BACKEND": "clinic.redis_cache.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": f"test-{secrets.token_hex(8)}",
        }
    }
    return caches["default"]


def test_the_redis_cache_stores_and_reads_through_one_reused_client(redis_cache):
    redis_cache.set("greeting", {"text": "hello"}, 30)

    assert redis_cache.get("greeting") == {"text": "hello"}
    assert redis_cache.get_many(["greeting", "missing"]) == {"greeting": {"text": "hello"}}
    client = redis_cache._cache.get_client("greeting")
    assert redis_cache._cache.get_client("other") is client
    assert redis_cache._cache.get_client("x", write=True) is client  # one server: one pool
    redis_cache.delete("greeting")
    assert redis_cache.get("greeting") is None

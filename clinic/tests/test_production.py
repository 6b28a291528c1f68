"""What a production process (DEBUG off) refuses, and how gunicorn and Redis are locked down."""

import os
import re
import runpy
import subprocess
import sys

import pytest

from clinic.tests.test_deploy import ROOT, compose, production_env


def manage_check(env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_debug_is_off_when_the_variable_is_unset():
    env = production_env()
    del env["DEBUG"]
    code = "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_unset_debug_with_the_development_secret_key_refuses_to_start():
    env = production_env()
    del env["DEBUG"], env["SECRET_KEY"]

    result = manage_check(env)

    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


@pytest.mark.parametrize("email_url", ["consolemail://", "memorymail://", "dummymail://", ""])
def test_production_refuses_an_email_backend_that_never_delivers(email_url):
    env = production_env(EMAIL_URL=email_url)
    if not email_url:
        del env["EMAIL_URL"]  # unset: the console default

    result = manage_check(env)

    assert result.returncode != 0
    assert "EMAIL_URL must name a real mail server" in result.stderr


@pytest.mark.parametrize(("variable", "check_id"), [("REDIS_URL", "E002"), ("RELEASE", "E003")])
def test_production_checks_fail_without_redis_or_a_release(variable, check_id):
    env = production_env()
    del env[variable]

    result = manage_check(env)

    assert result.returncode != 0
    assert f"clinic.{check_id}" in result.stderr + result.stdout
    assert manage_check(production_env()).returncode == 0


def test_development_paths_turn_debug_on_explicitly():
    makefile = (ROOT / "Makefile").read_text()
    procfile = (ROOT / "Procfile.dev").read_text().splitlines()
    pytest_ini = (ROOT / "pytest.ini").read_text()

    # One line turns DEBUG on for the development targets (it may name others too).
    assert re.search(r"^migrate run test\b[^:\n]*: export DEBUG = true$", makefile, re.M)
    assert procfile and all(" DEBUG=true " in line for line in procfile if line.strip())
    assert "DEBUG=true" in pytest_ini
    assert os.environ.get("DEBUG") == "true"  # this very run, through pytest-env


# --- Point 13: gunicorn's forwarding trust and Redis's password ---------------------


def test_gunicorn_trusts_only_x_forwarded_proto_and_no_forwarder_headers():
    clean = {k: v for k, v in os.environ.items() if k != "FORWARDED_ALLOW_IPS"}
    os_environ = os.environ.copy()
    try:
        os.environ.clear()
        os.environ.update(clean)
        config = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    finally:
        os.environ.clear()
        os.environ.update(os_environ)

    assert config["forwarded_allow_ips"] == "127.0.0.1,::1"
    # SCRIPT_NAME / PATH_INFO from a forwarder would let a client rewrite the path Django sees.
    assert config["forwarder_headers"] == ""
    assert config["secure_scheme_headers"] == {"X-FORWARDED-PROTO": "https"}


def test_compose_trusts_forwarded_headers_only_from_the_docker_network():
    web = compose()["services"]["web"]["environment"]

    assert "*" not in web["FORWARDED_ALLOW_IPS"]


def test_compose_redis_requires_a_password_that_the_apps_url_carries():
    services = compose()["services"]
    redis = services["redis"]

    assert "--requirepass" in redis["command"]
    password = redis["command"][redis["command"].index("--requirepass") + 1]
    assert password.startswith("${REDIS_PASSWORD:?")
    assert redis["environment"]["REDISCLI_AUTH"].startswith("${REDIS_PASSWORD:?")
    for name in ("web", "worker", "beat", "migrate"):
        url = services[name]["environment"]["REDIS_URL"]
        assert url.startswith("redis://:${REDIS_PASSWORD:?"), (name, url)

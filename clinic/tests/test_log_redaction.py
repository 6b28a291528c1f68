"""Log lines that used to carry request data: gunicorn's error log and Celery's task lines."""

import io
import logging
import os
import socket
import subprocess
import sys
import time

import pytest
from celery import Celery
from gunicorn.http.errors import InvalidRequestLine

from clinic.logs import DropRequestData, KeyValueFormatter
from clinic.tests.test_deploy import ROOT

SECRETS = ("SeCrEtToKeN", "jane", "1990-03-14")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def gunicorn_logger():
    import runpy

    from gunicorn.config import Config

    return runpy.run_path(str(ROOT / "gunicorn.conf.py"))["RedactingLogger"](Config())


def captured(logger: logging.Logger) -> io.StringIO:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(message)s"))
    logger.addHandler(handler)
    return stream


def test_gunicorns_invalid_request_line_warning_keeps_only_the_kind_of_error():
    logger = gunicorn_logger()
    out = captured(logger.error_log)
    raw = "GET /appointments/manage/SeCrEtToKeN/?email=jane%40example.com&dob=1990-03-14 HTTP/1.1 x"

    # What gunicorn's worker logs for a malformed request (workers/base.py).
    error = InvalidRequestLine(raw)
    logger.warning("Invalid request from ip={ip}: {error}".format(ip="203.0.113.7", error=error))

    line = out.getvalue()
    assert "Invalid request from ip=203.0.113.7: Invalid HTTP request line: …" in line
    for secret in SECRETS:
        assert secret not in line


def test_gunicorns_error_handling_line_has_no_query_string_or_token():
    logger = gunicorn_logger()
    out = captured(logger.error_log)

    try:
        raise RuntimeError("boom")
    except RuntimeError:
        logger.exception(
            "Error handling request %s %s",
            "GET",
            "/appointments/manage/SeCrEtToKeN/?dob=1990-03-14",
        )

    line = out.getvalue()
    assert "Error handling request GET /appointments/manage/…/?…" in line
    for secret in SECRETS:
        assert secret not in line


@pytest.mark.slow
def test_a_live_gunicorn_logs_a_malformed_request_without_its_raw_line():
    port = free_port()
    env = {
        **os.environ,
        "DEBUG": "true",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "1",
        "GUNICORN_PRELOAD": "false",
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--config", "gunicorn.conf.py", "clinic.wsgi"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        for _ in range(100):
            try:
                conn = socket.create_connection(("127.0.0.1", port), timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("gunicorn did not start")
        with conn:
            conn.settimeout(20)
            conn.sendall(
                b"GET /appointments/manage/SeCrEtToKeN/?email=jane\r\nHost: 127.0.0.1\r\n\r\n"
            )
            answer = conn.recv(1024)
        assert answer.startswith(b"HTTP/1.1 400")
        time.sleep(0.5)
    finally:
        server.terminate()
        stdout, stderr = server.communicate(timeout=30)
    logs = (stdout + stderr).decode()
    assert "Invalid HTTP request line: …" in logs
    for secret in SECRETS[:2]:
        assert secret not in logs


def test_celerys_task_failure_line_keeps_the_exception_class_but_not_its_message():
    app = Celery("redaction-test", set_as_current=False)
    app.conf.task_always_eager = True

    @app.task(name="demo.fails")
    def fails(request_id):
        raise ValueError("duplicate key (email)=(jane@example.com) dob 1990-03-14")

    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(DropRequestData())
    handler.setFormatter(KeyValueFormatter())
    trace_logger = logging.getLogger("celery.app.trace")
    trace_logger.addHandler(handler)
    try:
        fails.apply(args=(7,))
    finally:
        trace_logger.removeHandler(handler)

    line = stream.getvalue()
    assert "Task demo.fails" in line and "raised unexpected: ValueError" in line
    assert "exc=ValueError" in line
    for secret in SECRETS:
        assert secret not in line

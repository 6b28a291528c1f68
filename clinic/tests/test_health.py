"""/healthz: the database, the worker's last heartbeat, the outbox's oldest overdue text."""

import datetime as dt
import os
import subprocess
import sys
import time

import pytest
import redis
from django.conf import settings
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from operations.heartbeat import heartbeat_record
from operations.models import Heartbeat
from texting.models import OutboundMessage
from texting.tests.factories import make_message, make_request

pytestmark = pytest.mark.django_db


def test_healthz_reports_the_database_the_worker_and_the_outbox(client):
    heartbeat_record()
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    body = response.json()
    assert (body["status"], body["database"]) == ("ok", "ok")
    assert body["worker"]["status"] == "ok"
    assert body["worker"]["age_seconds"] < 5
    assert body["outbox"] == {
        "status": "ok",
        "overdue": 0,
        "oldest_overdue_at": None,
        "oldest_overdue_seconds": 0,
    }


def test_a_stopped_worker_shows_and_fails_the_monitors_check(client):
    Heartbeat.objects.create(name="worker", at=timezone.now() - dt.timedelta(minutes=6))
    body = client.get(reverse("healthz")).json()
    assert body["status"] == "degraded"
    assert body["worker"]["status"] == "stale"
    assert body["worker"]["age_seconds"] >= 360
    # The web container stays healthy; the uptime monitor's URL answers 503.
    assert client.get(reverse("healthz")).status_code == 200
    assert client.get(reverse("healthz"), {"worker": "1"}).status_code == 503


def test_a_worker_that_never_ran_is_reported(client):
    body = client.get(reverse("healthz"), {"worker": "1"})
    assert body.status_code == 503
    assert body.json()["worker"] == {"status": "never", "last_heartbeat": None, "age_seconds": None}


def test_the_oldest_overdue_text_is_reported(client):
    heartbeat_record()
    request = make_request()
    now = timezone.now()
    make_message(request, send_at=now - dt.timedelta(minutes=30), dedupe_key="a")
    make_message(request, send_at=now - dt.timedelta(minutes=10), dedupe_key="b")
    make_message(request, send_at=now - dt.timedelta(minutes=2), dedupe_key="c")  # not yet overdue
    make_message(
        request,
        send_at=now - dt.timedelta(hours=5),
        dedupe_key="d",
        status=OutboundMessage.Status.SENT,
    )
    response = client.get(reverse("healthz"), {"worker": "1"})
    assert response.status_code == 503
    outbox = response.json()["outbox"]
    assert (outbox["status"], outbox["overdue"]) == ("overdue", 2)
    assert 30 * 60 <= outbox["oldest_overdue_seconds"] < 31 * 60


def test_healthz_pins_its_queries(client, django_assert_num_queries):
    heartbeat_record()
    # 3 queries: SELECT 1, the outbox's overdue count and oldest, the heartbeat.
    with django_assert_num_queries(3):
        client.get(reverse("healthz"))


@pytest.mark.services
@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_writes_the_heartbeat_healthz_reports(client):
    if connection.vendor != "postgresql" or not settings.REDIS_URL:
        if os.environ.get("REQUIRE_SERVICES") == "1":
            pytest.fail("REQUIRE_SERVICES=1 but PostgreSQL or Redis is not configured")
        pytest.skip("a real worker needs PostgreSQL and Redis: set DATABASE_URL and REDIS_URL")
    redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=1).ping()
    db = connection.settings_dict
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}",
        "REDIS_URL": settings.REDIS_URL,
    }
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "clinic", "worker", "--pool=solo"]
        + ["--loglevel=INFO", "--without-heartbeat", "--without-mingle", "--without-gossip"],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        from operations.tasks import worker_heartbeat

        worker_heartbeat.delay()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and worker.poll() is None:
            if Heartbeat.objects.filter(name="worker").exists():
                break
            time.sleep(0.5)
    finally:
        worker.terminate()
        try:
            output, _ = worker.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            worker.kill()
            output, _ = worker.communicate()
    body = client.get(reverse("healthz"), {"worker": "1"}).json()
    assert body["worker"]["status"] == "ok", output[-3000:]

"""A broker outage, two dispatchers at once, and a real Celery worker on Redis."""

import json
import os
import subprocess
import sys
import threading
import time

import pytest
import redis
from django.conf import settings
from django.db import connection, transaction

from appointments.outbox import outbox_on_request_created
from texting.backends.locmem import SmsBackend as LocmemBackend
from texting.dispatch import outbox_dispatch_due
from texting.models import OutboundMessage
from texting.tests.conftest import need_services, ny
from texting.tests.factories import make_message, make_request

Status = OutboundMessage.Status


@pytest.mark.django_db(transaction=True)
def test_with_the_broker_down_the_request_commits_and_the_dispatcher_sends_the_text_once(
    broker_down, sms_outbox, caplog
):
    request = make_request()
    started = time.monotonic()
    with transaction.atomic():
        outbox_on_request_created(request=request)
    # The on_commit publish failed quietly and fast: the web request would go on.
    assert time.monotonic() - started < 5
    message = OutboundMessage.objects.texts().get(subject_id=request.pk)
    assert message.status == Status.PENDING
    assert "texting: message batch not queued (OperationalError)" in caplog.text

    assert outbox_dispatch_due() == 3  # the text, the staff notice and the receipt
    assert outbox_dispatch_due() == 0
    message.refresh_from_db()
    assert message.status == Status.SENT
    assert [t.message_id for t in sms_outbox] == [message.pk]


class SlowBackend(LocmemBackend):
    """Locmem, but each send takes a moment, so two dispatchers overlap."""

    def send(self, **kwargs):
        time.sleep(0.02)
        return super().send(**kwargs)


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_two_dispatchers_at_once_on_postgresql_send_each_text_once(sms_outbox):
    if connection.vendor != "postgresql":
        need_services("row locks (skip_locked) need PostgreSQL: set DATABASE_URL")
    messages = [
        make_message(make_request(), dedupe_key=f"received:{n}", send_at=ny(2026, 6, 10, 11, 0))
        for n in range(30)
    ]
    start = threading.Barrier(2)
    counts = []

    def dispatch():
        try:
            start.wait()
            counts.append(outbox_dispatch_due(backend=SlowBackend()))
        finally:
            connection.close()

    threads = [threading.Thread(target=dispatch) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    sent_ids = [t.message_id for t in sms_outbox]
    assert sorted(sent_ids) == sorted(m.pk for m in messages)
    assert sum(counts) == 30
    assert all(counts), "both dispatchers should have taken part"
    assert set(OutboundMessage.objects.values_list("status", flat=True)) == {Status.SENT}
    assert set(OutboundMessage.objects.values_list("attempts", flat=True)) == {1}


# The worker runs on the same fake clock as this test (noon on a weekday in New York),
# so quiet hours never depend on when CI happens to run.
WORKER = (
    "import sys, time_machine; time_machine.travel(float(sys.argv.pop(1)), tick=True).start(); "
    "from celery.__main__ import main; sys.argv[0] = 'celery'; main()"
)


def _database_url() -> str:
    db = connection.settings_dict
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.mark.services
@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_a_real_celery_worker_on_redis_runs_the_dispatcher_end_to_end(tmp_path):
    if connection.vendor != "postgresql" or not settings.REDIS_URL:
        need_services("a real worker needs PostgreSQL and Redis: set DATABASE_URL and REDIS_URL")
    try:
        redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError:
        need_services(f"Redis is not reachable at {settings.REDIS_URL}")
    message = make_message(make_request(), send_at=ny(2026, 6, 10, 11, 55))
    from clinic.celery import app

    app.control.purge()  # tasks left in the queue by earlier runs are not this test's
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "REDIS_URL": settings.REDIS_URL,
        "SMS_BACKEND": "texting.backends.filebased.SmsBackend",
        "SMS_FILE_PATH": str(tmp_path),
    }
    worker = subprocess.Popen(
        [sys.executable, "-c", WORKER, str(ny(2026, 6, 10, 12, 0).timestamp())]
        + ["-A", "clinic", "worker", "--pool=solo", "--loglevel=INFO", "--without-heartbeat"]
        + ["--without-mingle", "--without-gossip"],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        from texting.tasks import dispatch_due_messages

        dispatch_due_messages.delay()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and worker.poll() is None:
            message.refresh_from_db()
            if message.status != Status.PENDING:
                break
            time.sleep(0.5)
    finally:
        worker.terminate()
        try:
            output, _ = worker.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            worker.kill()
            output, _ = worker.communicate()
    message.refresh_from_db()
    assert message.status == Status.SENT, output[-3000:]
    [sent_file] = tmp_path.glob("*.json")
    sent = json.loads(sent_file.read_text())
    assert (sent["message_id"], sent["body"], sent["sid"]) == (
        message.pk,
        message.body,
        message.twilio_sid,
    )
    assert "dispatch_due_messages" in output

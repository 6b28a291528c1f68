"""Concurrent writers on PostgreSQL: nothing lost, nothing doubled, one consistent booking.

SQLite serialises every writer, so these tests need PostgreSQL (DATABASE_URL). They
skip without it, and fail when CI says the service must be there (REQUIRE_SERVICES=1).
"""

import datetime as dt
import os
import threading
import uuid

import pytest
from django.db import connection, connections
from django.test import Client

from appointments import services
from appointments.models import AppointmentRequest
from appointments.tests.conftest import NEW_YORK
from appointments.tests.factories import AppointmentRequestFactory
from appointments.tests.helpers import valid_post

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _postgresql(db):
    if connection.vendor == "postgresql":
        return
    if os.environ.get("REQUIRE_SERVICES") == "1":
        pytest.fail("REQUIRE_SERVICES=1 but DATABASE_URL is not PostgreSQL")
    pytest.skip("needs PostgreSQL: set DATABASE_URL=postgres://... to run")


def run_together(jobs):
    """Run each job in its own thread, all released at once; return results or errors."""
    barrier = threading.Barrier(len(jobs))
    results = [None] * len(jobs)

    def worker(i, job):
        try:
            barrier.wait()
            results[i] = job()
        except Exception as exc:  # noqa: BLE001 - the test looks at every outcome
            results[i] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(i, job)) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def test_twenty_concurrent_submissions_make_twenty_requests_even_when_each_is_sent_twice(
    clinic, hsg, aetna, settings
):
    settings.RATELIMIT_ENABLED = False
    forms = [
        valid_post(hsg, aetna, submission_key=str(uuid.uuid4()), email=f"p{i}@example.com")
        for i in range(20)
    ]

    def submit(data):
        return lambda: Client().post("/appointments/request/", data).status_code

    results = run_together([submit(data) for data in forms for _twice in range(2)])
    assert results == [302] * 40
    assert AppointmentRequest.objects.count() == 20
    assert sorted(AppointmentRequest.objects.values_list("email", flat=True)) == sorted(
        d["email"] for d in forms
    )


def test_two_staff_booking_the_same_request_at_once_leave_one_booking(booking_setup, staff_user):
    request = AppointmentRequestFactory()
    times = [
        dt.datetime(2027, 3, 8, 10, 0, tzinfo=NEW_YORK),
        dt.datetime(2027, 3, 9, 14, 0, tzinfo=NEW_YORK),
    ]

    def book(at):
        def job():
            services.appointment_schedule(
                request=request, at=at, by=staff_user, expected_status="requested"
            )
            return at

        return job

    results = run_together([book(at) for at in times])
    winners = [r for r in results if isinstance(r, dt.datetime)]
    losers = [r for r in results if isinstance(r, services.TransitionError)]
    assert len(winners) == 1 and len(losers) == 1, results
    request.refresh_from_db()
    assert request.status == AppointmentRequest.Status.SCHEDULED
    assert request.scheduled_at == winners[0]
    reasons = list(request.history.values_list("history_change_reason", flat=True))
    assert reasons.count("Scheduled") == 1

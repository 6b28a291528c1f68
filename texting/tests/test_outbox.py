"""The four hooks the appointment services call, inside their transaction."""

import datetime

from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from appointments.outbox import (
    Kind,
    outbox_on_cancelled,
    outbox_on_completed,
    outbox_on_request_created,
    outbox_on_scheduled,
)
from clinic.models import Practice
from texting.models import OptOut, OutboundMessage
from texting.tests.conftest import ny
from texting.tests.factories import make_request, make_scheduled

Status = OutboundMessage.Status


def pending(request):
    return list(
        OutboundMessage.objects.texts()
        .filter(subject_id=request.pk, status=Status.PENDING)
        .order_by("send_at")
        .values_list("kind", flat=True)
    )


def test_a_new_request_with_consent_queues_the_received_text_for_now(db):
    request = make_request()
    outbox_on_request_created(request=request)
    message = OutboundMessage.objects.texts().get(subject_id=request.pk)
    assert message.kind == Kind.RECEIVED
    assert message.to_phone == request.phone
    assert message.dedupe_key == f"received:{request.pk}"
    assert message.send_at <= ny(2026, 6, 10, 12, 1)
    assert "Dana" in message.body


def test_a_new_request_without_consent_gets_no_text(db):
    request = make_request(sms_consent=False)
    outbox_on_request_created(request=request)
    assert not OutboundMessage.objects.texts().exists()


def test_a_phone_that_opted_out_gets_no_text(db):
    request = make_request()
    OptOut.objects.create(phone=request.phone)
    outbox_on_request_created(request=request)
    assert not OutboundMessage.objects.texts().exists()


def test_calling_a_hook_twice_queues_one_text(db):
    request = make_request()
    outbox_on_request_created(request=request)
    outbox_on_request_created(request=request)
    assert OutboundMessage.objects.texts().count() == 1


def test_a_new_requests_messages_are_handed_to_a_worker_in_one_task_after_commit(
    db, django_capture_on_commit_callbacks
):
    request = make_request()
    with django_capture_on_commit_callbacks() as callbacks:
        with transaction.atomic():
            outbox_on_request_created(request=request)
    # The text, the staff notice and the patient's receipt: one task sends all three.
    assert len(callbacks) == 1
    assert OutboundMessage.objects.filter(subject_id=request.pk).count() == 3


def test_scheduling_queues_the_scheduled_text_now_and_the_reminder_the_day_before(db):
    Practice.objects.update(reminder_hour=11)
    request = make_scheduled(ny(2026, 6, 16, 9, 30))
    outbox_on_scheduled(request=request)
    scheduled = OutboundMessage.objects.texts().get(kind=Kind.SCHEDULED)
    reminder = OutboundMessage.objects.texts().get(kind=Kind.REMINDER)
    assert scheduled.send_at <= ny(2026, 6, 10, 12, 1)
    assert reminder.send_at == ny(2026, 6, 15, 11, 0)
    assert scheduled.dedupe_key == f"scheduled:{request.pk}:2026-06-16T13:30:00+00:00"
    assert reminder.dedupe_key == f"reminder:{request.pk}:2026-06-16T13:30:00+00:00"


def test_rescheduling_cancels_the_texts_pending_for_the_old_time(db):
    request = make_scheduled(ny(2026, 6, 16, 9, 30))
    outbox_on_scheduled(request=request)
    request.scheduled_at = ny(2026, 6, 18, 13, 0)
    outbox_on_scheduled(request=request)
    old = OutboundMessage.objects.texts().filter(dedupe_key__contains="2026-06-16")
    assert set(old.values_list("status", flat=True)) == {Status.CANCELLED}
    assert set(old.values_list("last_error", flat=True)) == {"Rescheduled"}
    new_reminder = OutboundMessage.objects.texts().get(kind=Kind.REMINDER, status=Status.PENDING)
    assert new_reminder.send_at == ny(2026, 6, 17, 10, 0)
    assert "Thursday, June 18 at 1:00 PM" in new_reminder.body


def test_rescheduling_back_to_the_first_time_queues_its_texts_again(db):
    first = ny(2026, 6, 16, 9, 30)
    request = make_scheduled(first)
    outbox_on_scheduled(request=request)
    request.scheduled_at = ny(2026, 6, 18, 13, 0)
    outbox_on_scheduled(request=request)
    request.scheduled_at = first
    outbox_on_scheduled(request=request)
    assert pending(request) == [Kind.SCHEDULED, Kind.REMINDER]
    assert OutboundMessage.objects.texts().filter(status=Status.PENDING).first().send_at < first


def test_an_appointment_tomorrow_booked_after_the_reminder_hour_gets_its_reminder_now(db):
    request = make_scheduled(ny(2026, 6, 11, 9, 0))  # now is June 10, noon
    outbox_on_scheduled(request=request)
    reminder = OutboundMessage.objects.texts().get(kind=Kind.REMINDER)
    assert reminder.send_at <= ny(2026, 6, 10, 12, 1)


def test_an_appointment_later_today_gets_no_reminder(db):
    request = make_scheduled(ny(2026, 6, 10, 16, 0))
    outbox_on_scheduled(request=request)
    assert pending(request) == [Kind.SCHEDULED]


def test_completing_the_exam_queues_the_follow_up_after_the_practice_delay(db):
    Practice.objects.update(follow_up_delay_hours=6)
    request = make_scheduled(ny(2026, 6, 16, 9, 30))
    outbox_on_scheduled(request=request)
    request.status = request.Status.COMPLETED
    request.completed_at = ny(2026, 6, 10, 11, 0)
    outbox_on_completed(request=request)
    follow_up = OutboundMessage.objects.texts().get(kind=Kind.FOLLOW_UP)
    assert follow_up.send_at == request.completed_at + datetime.timedelta(hours=6)
    assert follow_up.dedupe_key == f"follow_up:{request.pk}"
    assert pending(request) == [Kind.FOLLOW_UP]


def test_cancelling_a_request_cancels_every_pending_text(db):
    request = make_scheduled(ny(2026, 6, 16, 9, 30))
    outbox_on_request_created(request=request)
    outbox_on_scheduled(request=request)
    outbox_on_cancelled(request=request)
    assert pending(request) == []
    assert set(OutboundMessage.objects.texts().values_list("last_error", flat=True)) == {
        "Request cancelled"
    }


def test_queueing_a_text_again_does_not_render_its_body_again(db):
    request = make_scheduled(ny(2026, 6, 16, 9, 30))
    outbox_on_scheduled(request=request)
    with CaptureQueriesContext(connection) as queries:
        outbox_on_scheduled(request=request)
    assert not [q for q in queries.captured_queries if "texting_messagetemplate" in q["sql"]]
    assert pending(request) == [Kind.SCHEDULED, Kind.REMINDER]

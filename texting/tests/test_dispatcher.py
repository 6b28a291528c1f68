"""The dispatcher: due rows are claimed, re-checked, sent once and recorded."""

import datetime

from appointments.outbox import Kind, outbox_on_scheduled
from clinic.models import Practice
from texting import tasks
from texting.dispatch import outbox_dispatch_due, outbox_send_one
from texting.models import OptOut, OutboundMessage
from texting.services import message_cancel, message_retry
from texting.tests.conftest import ny
from texting.tests.factories import make_message, make_request, make_scheduled

Status = OutboundMessage.Status


def test_the_dispatcher_sends_a_due_text_once_and_records_it(db, sms_outbox):
    message = make_message(make_request())
    assert outbox_dispatch_due() == 1
    assert outbox_dispatch_due() == 0
    message.refresh_from_db()
    assert message.status == Status.SENT
    assert message.attempts == 1
    assert message.twilio_sid == sms_outbox[0].sid
    assert message.sent_at is not None
    assert [(t.message_id, t.to, t.body) for t in sms_outbox] == [
        (message.pk, message.to_phone, message.body)
    ]
    assert sms_outbox[0].status_callback == "http://127.0.0.1:8000/sms/status/"


def test_a_text_due_later_waits(db, sms_outbox):
    make_message(make_request(), send_at=ny(2026, 6, 10, 12, 30))
    outbox_dispatch_due()
    assert sms_outbox == []


def test_the_beat_task_and_the_send_task_return_nothing_and_send_once(db, sms_outbox):
    message = make_message(make_request())
    assert tasks.send_message(message.pk) is None
    assert tasks.dispatch_due_messages() is None
    assert tasks.send_message(message.pk) is None
    assert len(sms_outbox) == 1


def test_a_text_due_in_quiet_hours_is_deferred_to_eight_not_sent_or_failed(
    db, sms_outbox, time_machine
):
    time_machine.move_to(ny(2026, 6, 10, 21, 30), tick=False)
    message = make_message(make_request())
    outbox_dispatch_due()
    message.refresh_from_db()
    assert sms_outbox == []
    assert message.status == Status.PENDING
    assert message.attempts == 0
    assert message.send_at == ny(2026, 6, 11, 8, 0)
    time_machine.move_to(ny(2026, 6, 11, 8, 0, 30), tick=False)
    outbox_dispatch_due()
    assert len(sms_outbox) == 1


def test_a_text_for_a_cancelled_request_is_cancelled_at_send_time(db, sms_outbox):
    request = make_request(status="cancelled")
    message = make_message(request)
    outbox_dispatch_due()
    message.refresh_from_db()
    assert (message.status, message.last_error) == (Status.CANCELLED, "Request cancelled")
    assert sms_outbox == []


def test_a_text_for_an_old_appointment_time_is_cancelled_at_send_time(db, sms_outbox):
    request = make_scheduled(ny(2026, 6, 16, 9, 30))
    outbox_on_scheduled(request=request)
    # The time changed without the hook (e.g. an edit by hand): the key no longer matches.
    request.scheduled_at = ny(2026, 6, 17, 9, 30)
    request.save()
    outbox_dispatch_due()
    message = OutboundMessage.objects.get(kind=Kind.SCHEDULED)
    assert (message.status, message.last_error) == (Status.CANCELLED, "Appointment time changed")
    assert sms_outbox == []


def test_a_text_to_a_phone_that_opted_out_since_is_cancelled_at_send_time(db, sms_outbox):
    request = make_request()
    message = make_message(request)
    OptOut.objects.create(phone=request.phone, source=OptOut.Source.STAFF)
    outbox_dispatch_due()
    message.refresh_from_db()
    assert (message.status, message.last_error) == (Status.CANCELLED, "The number opted out")
    assert sms_outbox == []


def test_a_text_whose_consent_was_withdrawn_is_cancelled_at_send_time(db, sms_outbox):
    request = make_request()
    message = make_message(request)
    request.sms_consent = False
    request.save()
    outbox_dispatch_due()
    message.refresh_from_db()
    assert message.status == Status.CANCELLED
    assert sms_outbox == []


def test_a_text_left_sending_by_a_dead_worker_goes_to_review_and_is_not_resent(db, sms_outbox):
    message = make_message(
        make_request(),
        status=Status.SENDING,
        attempts=1,
        claimed_at=ny(2026, 6, 10, 11, 45),
    )
    outbox_dispatch_due()
    message.refresh_from_db()
    assert message.status == Status.REVIEW
    assert "looks it up in Twilio's log" in message.last_error
    assert sms_outbox == []


def test_a_text_being_sent_right_now_is_left_alone(db, sms_outbox):
    message = make_message(make_request(), status=Status.SENDING, claimed_at=ny(2026, 6, 10, 12))
    outbox_dispatch_due()
    message.refresh_from_db()
    assert message.status == Status.SENDING


def test_staff_can_retry_a_reviewed_text_and_it_goes_once(db, sms_outbox):
    message = make_message(make_request(), status=Status.REVIEW, attempts=1)
    assert message_retry(message=message)
    outbox_dispatch_due()
    message.refresh_from_db()
    assert message.status == Status.SENT
    assert len(sms_outbox) == 1


def test_staff_can_cancel_a_pending_text_but_not_a_sent_one(db, sms_outbox):
    pending = make_message(make_request())
    sent = make_message(make_request(), status=Status.SENT, dedupe_key="received:sent")
    assert message_cancel(message=pending)
    assert not message_cancel(message=sent)
    outbox_dispatch_due()
    assert sms_outbox == []


def test_sending_one_text_by_id_leaves_the_others_to_the_dispatcher(db, sms_outbox):
    first = make_message(make_request())
    second = make_message(make_request(), dedupe_key="received:second")
    assert outbox_send_one(message_id=first.pk)
    assert [t.message_id for t in sms_outbox] == [first.pk]
    second.refresh_from_db()
    assert second.status == Status.PENDING


def test_a_reminder_on_a_dst_change_day_goes_at_the_right_local_hour(db, sms_outbox, time_machine):
    # Clocks spring forward at 2 am on Sunday 2026-03-08; the exam is Monday at 9.
    time_machine.move_to(ny(2026, 3, 5, 12, 0), tick=False)
    Practice.objects.update(reminder_hour=10)
    request = make_scheduled(ny(2026, 3, 9, 9, 0))
    outbox_on_scheduled(request=request)
    outbox_dispatch_due()  # the scheduled text
    time_machine.move_to(ny(2026, 3, 8, 9, 59), tick=False)
    outbox_dispatch_due()
    assert [t.message_id for t in sms_outbox if "tomorrow" in t.body] == []
    time_machine.move_to(datetime.datetime(2026, 3, 8, 14, 0, tzinfo=datetime.UTC), tick=False)
    outbox_dispatch_due()  # 14:00 UTC is 10:00 EDT
    reminders = [t for t in sms_outbox if "tomorrow" in t.body]
    assert len(reminders) == 1
    assert "Monday, March 9 at 9:00 AM" in reminders[0].body


def test_a_pending_text_goes_to_the_requests_corrected_phone(db, sms_outbox, time_machine):
    time_machine.move_to(ny(2026, 6, 10, 12, 0), tick=False)
    request = make_scheduled(ny(2026, 6, 16, 9, 30), phone="+12125550111")
    outbox_on_scheduled(request=request)
    outbox_dispatch_due()  # the scheduled text, to the number as first typed
    # Staff correct the number in the admin; the reminder was queued with the old one.
    request.phone = "+12125550122"
    request.save()
    time_machine.move_to(ny(2026, 6, 15, 10, 0, 30), tick=False)
    outbox_dispatch_due()
    reminder = OutboundMessage.objects.get(kind=Kind.REMINDER)
    assert reminder.status == Status.SENT
    assert reminder.to_phone == "+12125550122"
    assert [t.to for t in sms_outbox if t.message_id == reminder.pk] == ["+12125550122"]


def test_a_text_to_a_corrected_phone_that_opted_out_is_cancelled(db, sms_outbox):
    request = make_request(phone="+12125550111")
    message = make_message(request)
    request.phone = "+12125550122"
    request.save()
    OptOut.objects.create(phone="+12125550122", source=OptOut.Source.STAFF)
    outbox_dispatch_due()
    message.refresh_from_db()
    assert (message.status, message.last_error) == (Status.CANCELLED, "The number opted out")
    assert message.to_phone == "+12125550122"
    assert sms_outbox == []


def test_a_reminder_booked_late_evening_is_not_sent_on_the_exam_day(db, sms_outbox, time_machine):
    # Booked at 9:30 pm for 10 am tomorrow: quiet hours would push it to 8 am on the day.
    time_machine.move_to(ny(2026, 6, 10, 21, 30), tick=False)
    request = make_scheduled(ny(2026, 6, 11, 10, 0))
    outbox_on_scheduled(request=request)
    outbox_dispatch_due()
    time_machine.move_to(ny(2026, 6, 11, 8, 0, 30), tick=False)
    outbox_dispatch_due()
    reminder = OutboundMessage.objects.get(kind=Kind.REMINDER)
    assert (reminder.status, reminder.last_error) == (
        Status.CANCELLED,
        "Too late for a day-before reminder",
    )
    assert [t for t in sms_outbox if t.message_id == reminder.pk] == []
    # The "scheduled" text itself still goes, at 8 am.
    assert [t.message_id for t in sms_outbox] == [
        OutboundMessage.objects.get(kind=Kind.SCHEDULED).pk
    ]


def test_a_reminder_held_up_until_the_exam_day_is_cancelled(db, sms_outbox, time_machine):
    time_machine.move_to(ny(2026, 6, 10, 12, 0), tick=False)
    Practice.objects.update(reminder_hour=10)
    request = make_scheduled(ny(2026, 6, 12, 15, 0))
    outbox_on_scheduled(request=request)
    # The worker was down from the reminder's time until the morning of the exam.
    time_machine.move_to(ny(2026, 6, 12, 9, 0), tick=False)
    outbox_dispatch_due()
    reminder = OutboundMessage.objects.get(kind=Kind.REMINDER)
    assert (reminder.status, reminder.last_error) == (
        Status.CANCELLED,
        "Too late for a day-before reminder",
    )
    assert not any("tomorrow" in t.body for t in sms_outbox)


def test_a_reminder_booked_the_afternoon_before_goes_at_once(db, sms_outbox, time_machine):
    time_machine.move_to(ny(2026, 6, 10, 16, 0), tick=False)
    Practice.objects.update(reminder_hour=10)
    request = make_scheduled(ny(2026, 6, 11, 10, 0))
    outbox_on_scheduled(request=request)
    outbox_dispatch_due()
    assert OutboundMessage.objects.get(kind=Kind.REMINDER).status == Status.SENT
    assert any("tomorrow" in t.body for t in sms_outbox)

"""Retention: patient data goes on the first day past the period, counts stay."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings
from django.core.management import call_command

from appointments.models import AppointmentRequest
from clinic.models import ContactMessage, Practice
from clinic.tests.factories import ContactMessageFactory
from operations.retention import retention_apply, retention_plan
from operations.tasks import apply_retention
from texting.models import InboundMessage, OptOut, OutboundMessage
from texting.tests.factories import make_message, make_request

pytestmark = pytest.mark.django_db
NEW_YORK = ZoneInfo("America/New_York")
# The patient's last activity: the last minute of Monday, March 1, 2027, in New York.
LAST_ACTIVE = dt.datetime(2027, 3, 1, 23, 59, tzinfo=NEW_YORK)
DAYS = 30


def at(day_offset: int, hour: int = 0, minute: int = 1) -> dt.datetime:
    day = LAST_ACTIVE.date() + dt.timedelta(days=day_offset)
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=NEW_YORK)


@pytest.fixture
def finished():
    """A completed request with a text and a reply, all last touched at LAST_ACTIVE."""
    with time_machine.travel(LAST_ACTIVE, tick=False):
        request = make_request(
            first_name="Philippa", last_name="Quarrington", notes="Prefers mornings"
        )
        request.status = AppointmentRequest.Status.COMPLETED
        request.completed_at = LAST_ACTIVE
        request.save()
        text = make_message(request, status=OutboundMessage.Status.DELIVERED)
        reply = InboundMessage.objects.create(
            message_sid="SM-reply-1",
            from_phone=request.phone,
            body="Feeling fine, thanks",
            subject_id=request.pk,
        )
    return request, text, reply


def test_data_is_kept_through_the_last_day_of_the_period(finished):
    request, text, reply = finished
    with time_machine.travel(at(DAYS, 23, 59), tick=False):
        assert retention_apply(days=DAYS).requests == 0
    request.refresh_from_db()
    assert request.first_name == "Philippa" and request.anonymised_at is None


def test_data_goes_on_the_first_day_past_the_period_and_the_counts_stay(finished):
    request, text, reply = finished
    rows_before = (
        AppointmentRequest.objects.count(),
        OutboundMessage.objects.count(),
        InboundMessage.objects.count(),
    )
    history_before = request.history.count()
    with time_machine.travel(at(DAYS + 1), tick=False):
        plan = retention_apply(days=DAYS)
    assert (plan.requests, plan.texts, plan.replies, plan.history_rows) == (1, 1, 1, history_before)

    request.refresh_from_db()
    assert (request.first_name, request.last_name, request.phone, request.email) == ("", "", "", "")
    assert request.date_of_birth is None and request.last_period_start is None
    assert request.notes == "" and request.sms_consent_text == ""
    assert request.anonymised_at == at(DAYS + 1)
    # What the dashboard counts is still there.
    assert request.status == AppointmentRequest.Status.COMPLETED
    assert request.completed_at == LAST_ACTIVE and request.procedure_id is not None
    text.refresh_from_db()
    reply.refresh_from_db()
    assert (text.body, text.to_phone, text.status) == ("", "", OutboundMessage.Status.DELIVERED)
    assert (reply.body, reply.from_phone) == ("", "")
    # The history keeps who and when, without the patient.
    assert request.history.count() == history_before
    assert set(request.history.values_list("first_name", flat=True)) == {""}
    assert rows_before == (
        AppointmentRequest.objects.count(),
        OutboundMessage.objects.count(),
        InboundMessage.objects.count(),
    )


def test_a_second_run_finds_nothing_left(finished):
    with time_machine.travel(at(DAYS + 1), tick=False):
        retention_apply(days=DAYS)
    with time_machine.travel(at(DAYS + 2), tick=False):
        plan = retention_apply(days=DAYS)
    assert (plan.requests, plan.texts, plan.replies, plan.history_rows) == (0, 0, 0, 0)


def test_a_booking_still_to_come_is_kept_however_old_the_request():
    with time_machine.travel(LAST_ACTIVE, tick=False):
        request = make_request(
            status=AppointmentRequest.Status.SCHEDULED, scheduled_at=at(DAYS + 10, 10, 0)
        )
    with time_machine.travel(at(DAYS + 5), tick=False):
        assert retention_apply(days=DAYS).requests == 0
    request.refresh_from_db()
    assert request.first_name == "Dana"


def test_a_text_still_waiting_for_an_erased_patient_is_cancelled(finished):
    request, _, _ = finished
    with time_machine.travel(LAST_ACTIVE, tick=False):
        pending = make_message(request, dedupe_key="pending", status=OutboundMessage.Status.PENDING)
        sending = make_message(request, dedupe_key="sending", status=OutboundMessage.Status.SENDING)
    with time_machine.travel(at(DAYS + 1), tick=False):
        retention_apply(days=DAYS)
    pending.refresh_from_db()
    sending.refresh_from_db()
    assert (pending.status, pending.body, pending.to_phone) == (
        OutboundMessage.Status.CANCELLED,
        "",
        "",
    )
    # One a worker is sending right now is left to it; the next run erases it.
    assert sending.status == OutboundMessage.Status.SENDING and sending.body != ""


def test_contact_messages_follow_the_same_boundary():
    with time_machine.travel(LAST_ACTIVE, tick=False):
        message = ContactMessageFactory(name="Philippa Quarrington")
    with time_machine.travel(at(DAYS, 23, 59), tick=False):
        assert retention_apply(days=DAYS).contact_messages == 0
    with time_machine.travel(at(DAYS + 1), tick=False):
        assert retention_apply(days=DAYS).contact_messages == 1
    message.refresh_from_db()
    assert (message.name, message.email, message.message) == ("", "", "")
    assert ContactMessage.objects.count() == 1


def test_opt_outs_are_kept_so_a_stopped_number_stays_stopped(finished):
    OptOut.objects.create(phone=finished[0].phone, source=OptOut.Source.KEYWORD)
    with time_machine.travel(at(DAYS + 400), tick=False):
        retention_apply(days=DAYS)
    assert OptOut.objects.filter(phone=finished[0].phone).exists()


def test_nothing_is_erased_until_the_practice_sets_a_period(finished):
    assert Practice.objects.current().patient_data_retention_days is None
    with time_machine.travel(at(DAYS + 400), tick=False):
        plan = retention_apply()
    assert plan.days is None and plan.requests == 0
    finished[0].refresh_from_db()
    assert finished[0].first_name == "Philippa"


def test_the_daily_task_uses_the_practice_setting(finished):
    practice = Practice.objects.current()
    practice.patient_data_retention_days = DAYS
    practice.save()
    with time_machine.travel(at(DAYS + 1), tick=False):
        apply_retention()
    finished[0].refresh_from_db()
    assert finished[0].anonymised_at is not None
    schedule = settings.CELERY_BEAT_SCHEDULE["apply-retention"]
    assert schedule["task"] == "operations.tasks.apply_retention"
    assert schedule["schedule"].hour == {3}


def test_the_dry_run_says_what_it_would_erase_and_erases_nothing(finished, capsys):
    with time_machine.travel(at(DAYS + 1), tick=False):
        call_command("retention", "--dry-run", "--days", str(DAYS))
    out = capsys.readouterr().out
    assert "Dry run: nothing is erased." in out
    assert (
        "Keep patient data 30 days: erase what was last active before 2027-03-02 00:00 EST." in out
    )
    assert "Appointment requests to anonymise: 1" in out
    assert "Texts sent to erase: 1" in out
    assert "Replies from patients to erase: 1" in out
    finished[0].refresh_from_db()
    assert finished[0].first_name == "Philippa"
    with time_machine.travel(at(DAYS + 1), tick=False):
        assert retention_plan(days=DAYS).requests == 1

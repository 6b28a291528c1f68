"""Status changes that cannot go wrong quietly: no "completed" or "no-show" before the
booked time without a reason, Reopen within a day puts the texts right, and a
reschedule tells the patient her visit has moved."""

import datetime as dt

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from appointments import services
from appointments.models import AppointmentRequest
from appointments.tests.conftest import NEW_YORK
from appointments.tests.factories import AppointmentRequestFactory
from conftest import otp_login
from texting.dispatch import outbox_dispatch_due
from texting.models import OutboundMessage

Status = AppointmentRequest.Status
BOOKED = dt.datetime(2027, 3, 8, 10, 30, tzinfo=NEW_YORK)  # a Monday; now is Tue Mar 2


def url(name, pk):
    return reverse(f"admin:appointments_appointmentrequest_{name}", args=[pk])


@pytest.fixture
def booked(clinic, staff_user):
    request = AppointmentRequestFactory(sms_consent=True)
    return services.appointment_schedule(request=request, at=BOOKED, by=staff_user)


def texts(request, kind):
    return OutboundMessage.objects.filter(subject_id=request.pk, kind=kind)


# --- Not before the booked time ---------------------------------------------------------


@pytest.mark.parametrize("move", ["complete", "no_show"])
def test_completing_or_no_show_before_the_booked_time_is_refused(admin_client, booked, move):
    page = admin_client.get(url(move, booked.pk)).content.decode()
    assert "Booked for Mon Mar 8, 10:30 am" in page  # the confirm page states it

    response = admin_client.post(url(move, booked.pk))

    assert "booked for Mon Mar 8, 10:30 am: it cannot be" in response.content.decode()
    booked.refresh_from_db()
    assert booked.status == Status.SCHEDULED


def test_an_early_exam_can_be_completed_with_a_reason(admin_client, booked):
    response = admin_client.post(url("complete", booked.pk), {"early": "on"})
    assert "Please say why." in response.content.decode()

    admin_client.post(url("complete", booked.pk), {"early": "on", "early_reason": "Came early"})

    booked.refresh_from_db()
    assert booked.status == Status.COMPLETED
    assert booked.history.first().history_change_reason == (
        "Completed before the booked time: Came early"
    )


def test_a_no_show_earlier_on_the_same_day_is_refused(booked, staff_user):
    with time_machine.travel(BOOKED - dt.timedelta(hours=1), tick=False):
        with pytest.raises(services.TransitionError, match="cannot be marked as a no-show"):
            services.appointment_mark_no_show(request=booked, by=staff_user)
    with time_machine.travel(BOOKED + dt.timedelta(hours=1), tick=False):
        services.appointment_mark_no_show(request=booked, by=staff_user)
    booked.refresh_from_db()
    assert booked.status == Status.NO_SHOW


# --- Reopen within a day ----------------------------------------------------------------


def test_reopening_a_mistaken_completion_restores_the_booking_and_its_texts(booked, staff_user):
    reminder = texts(booked, "reminder").get()
    services.appointment_complete(request=booked, by=staff_user, override_reason="Mistake")
    reminder.refresh_from_db()
    assert reminder.status == OutboundMessage.Status.CANCELLED
    assert texts(booked, "follow_up").get().status == OutboundMessage.Status.PENDING

    services.appointment_reopen(request=booked, by=staff_user)

    booked.refresh_from_db()
    assert (booked.status, booked.scheduled_at, booked.completed_at) == (
        Status.SCHEDULED,
        BOOKED,
        None,
    )
    reminder.refresh_from_db()
    assert reminder.status == OutboundMessage.Status.PENDING
    assert texts(booked, "follow_up").get().status == OutboundMessage.Status.CANCELLED
    assert booked.history.first().history_change_reason == "Reopened (undid “Completed”)"


def test_reopening_a_cancellation_books_the_same_time_again(booked, staff_user):
    services.appointment_cancel(request=booked, reason="Wrong patient", by=staff_user)

    services.appointment_reopen(request=booked, by=staff_user)

    booked.refresh_from_db()
    assert booked.status == Status.SCHEDULED and booked.scheduled_at == BOOKED
    assert texts(booked, "reminder").get().status == OutboundMessage.Status.PENDING


def test_the_reopen_button_is_offered_for_a_day_then_refused(booked, staff_user):
    services.appointment_cancel(request=booked, reason="Wrong patient", by=staff_user)
    client = otp_login(Client(), staff_user)
    assert "Reopen" in client.get(url("change", booked.pk)).content.decode()
    page = client.get(url("reopen", booked.pk)).content.decode()
    assert "goes back to <strong>Scheduled, Mon Mar 8, 10:30 am</strong>" in page

    with time_machine.travel(dt.datetime(2027, 3, 3, 11, tzinfo=NEW_YORK), tick=False):
        late = otp_login(Client(), staff_user)
        assert ">Reopen<" not in late.get(url("change", booked.pk)).content.decode()
        response = late.post(url("reopen", booked.pk))
        assert "more than a day ago" in response.content.decode()
    booked.refresh_from_db()
    assert booked.status == Status.CANCELLED


def test_a_patients_own_cancellation_cannot_be_reopened(booked, staff_user):
    services.appointment_cancel(request=booked, reason="", by_patient=True)

    with pytest.raises(services.TransitionError, match="The patient made this change"):
        services.appointment_reopen(request=booked, by=staff_user)


def test_a_request_still_open_has_nothing_to_reopen(booked, staff_user):
    with pytest.raises(services.TransitionError, match="nothing to undo"):
        services.appointment_reopen(request=booked, by=staff_user)


# --- A reschedule says the visit has moved -----------------------------------------------


def test_a_reschedule_tells_the_patient_the_visit_has_moved(booked, staff_user):
    outbox_dispatch_due()  # the first booking's text goes out
    first = texts(booked, "scheduled").get()
    assert first.status == OutboundMessage.Status.SENT and "your visit is on" in first.body

    services.appointment_schedule(request=booked, at=BOOKED + dt.timedelta(days=1), by=staff_user)

    moved = texts(booked, "moved").get()
    assert "your visit has moved to" in moved.body and "March 9" in moved.body
    assert moved.status == OutboundMessage.Status.PENDING


def test_a_reschedule_before_the_first_text_went_sends_one_booking_text(booked, staff_user):
    services.appointment_schedule(request=booked, at=BOOKED + dt.timedelta(days=1), by=staff_user)

    assert not texts(booked, "moved").exists()
    pending = texts(booked, "scheduled").filter(status=OutboundMessage.Status.PENDING)
    assert pending.count() == 1 and "March 9" in pending.get().body

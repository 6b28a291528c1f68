"""The waitlist: a freed earlier time goes to the first patient it fits, for 30 minutes."""

import datetime as dt

import pytest
import time_machine

from appointments import services, waitlist
from appointments.booking_models import BlockedTime, Booking, WaitlistEntry
from appointments.models import AppointmentRequest
from appointments.tests.conftest import NEW_YORK, NOW
from appointments.tests.factories import AppointmentRequestFactory
from texting.models import OutboundMessage

pytestmark = pytest.mark.django_db

TEN = dt.datetime(2027, 3, 8, 10, 0, tzinfo=NEW_YORK)
Status = WaitlistEntry.Status


def book(at, **fields):
    fields.setdefault("sms_consent", True)
    return services.appointment_schedule(
        request=AppointmentRequestFactory(**fields), at=at, by=None
    )


@pytest.fixture
def full_morning(booking_setup):
    """Monday 10:00 is booked, and every other time of the window is blocked; two
    patients booked later in the week wait for an earlier time."""
    early = book(TEN)
    first = book(dt.datetime(2027, 3, 11, 14, 0, tzinfo=NEW_YORK))
    second = book(dt.datetime(2027, 3, 12, 14, 0, tzinfo=NEW_YORK))
    for day in (5, 9, 10, 11, 12):
        BlockedTime.objects.create(
            day=dt.date(2027, 3, day), starts=dt.time(9), ends=dt.time(17), reason="Full"
        )
    for starts, ends in ((dt.time(9), dt.time(10)), (dt.time(10, 45), dt.time(17))):
        BlockedTime.objects.create(day=TEN.date(), starts=starts, ends=ends, reason="Full")
    waitlist.waitlist_join(request=first)
    waitlist.waitlist_join(request=second)
    assert waitlist.waitlist_wake() == 0  # nothing earlier is free yet
    return early, first, second


def offers():
    return OutboundMessage.objects.filter(kind="waitlist_offer")


def test_a_freed_time_is_offered_to_the_first_patient_waiting_with_a_text_and_no_phi(
    full_morning, settings
):
    early, first, second = full_morning
    services.appointment_cancel(request=early, reason="", by_patient=True)
    assert waitlist.waitlist_wake() == 1
    entry = WaitlistEntry.objects.get(request=first)
    assert entry.status == Status.OFFERED
    assert entry.offer_expires_at == NOW + dt.timedelta(minutes=30)
    [text] = offers().filter(subject_id=first.pk)
    assert text.body.startswith("Interventional Radiology, P.C.: an earlier time is free")
    assert "/appointments/manage/" in text.body
    for private in (first.first_name, first.last_name, "HSG", "1990", first.email):
        assert private not in text.body


def test_the_offered_time_is_hers_alone_for_30_minutes_then_goes_to_the_next(full_morning):
    early, first, second = full_morning
    services.appointment_cancel(request=early, reason="", by_patient=True)
    waitlist.waitlist_wake()
    offered = WaitlistEntry.objects.get(request=first).offer_starts_at
    assert offered == TEN
    assert WaitlistEntry.objects.get(request=second).status == Status.WAITING
    with time_machine.travel(NOW + dt.timedelta(minutes=31), tick=False):
        waitlist.waitlist_wake()
        assert WaitlistEntry.objects.get(request=first).status == Status.WAITING
        assert WaitlistEntry.objects.get(request=second).offer_starts_at == offered


def test_claiming_the_offer_moves_her_booking_in_one_step(full_morning):
    early, first, second = full_morning
    services.appointment_cancel(request=early, reason="", by_patient=True)
    waitlist.waitlist_wake()
    offered = WaitlistEntry.objects.get(request=first).offer_starts_at
    moved = waitlist.waitlist_claim(request=first)
    assert moved.scheduled_at == offered
    assert Booking.objects.get(request=first).starts_at == offered
    assert WaitlistEntry.objects.get(request=first).status == Status.CLAIMED
    assert moved.history.first().history_change_reason == (
        "Moved to an earlier time from the waitlist"
    )


def test_a_lapsed_offer_cannot_be_claimed_and_her_booking_stays(full_morning):
    early, first, second = full_morning
    services.appointment_cancel(request=early, reason="", by_patient=True)
    waitlist.waitlist_wake()
    before = AppointmentRequest.objects.get(pk=first.pk).scheduled_at
    with time_machine.travel(NOW + dt.timedelta(minutes=31), tick=False):
        with pytest.raises(Exception, match="This offer has ended"):
            waitlist.waitlist_claim(request=first)
    assert AppointmentRequest.objects.get(pk=first.pk).scheduled_at == before


def test_no_offer_is_texted_at_night(full_morning):
    early, first, second = full_morning
    services.appointment_cancel(request=early, reason="", by_patient=True)
    night = dt.datetime(2027, 3, 2, 22, 0, tzinfo=NEW_YORK)
    with time_machine.travel(night, tick=False):
        assert waitlist.waitlist_wake() == 0
    assert not offers().exists()


def test_her_page_shows_the_offer_and_one_press_moves_her(client, full_morning):
    from appointments import tokens

    early, first, second = full_morning
    services.appointment_cancel(request=early, reason="", by_patient=True)
    waitlist.waitlist_wake()
    url = f"/appointments/manage/{tokens.manage_token(first.pk)}/"
    client.post(url, {"date_of_birth": "1990-03-14"})
    html = client.get(url).content.decode()
    assert "An earlier time is free" in html and "Monday, March 8" in html
    client.post(url, {"action": "claim"})
    assert AppointmentRequest.objects.get(pk=first.pk).scheduled_at == TEN


def test_the_offer_text_is_stopped_once_the_offer_has_ended(full_morning):
    from appointments.waitlist_texts import offer_stop_reason

    early, first, second = full_morning
    services.appointment_cancel(request=early, reason="", by_patient=True)
    waitlist.waitlist_wake()
    [text] = offers().filter(subject_id=first.pk)
    assert offer_stop_reason(text, NOW) == ""
    assert offer_stop_reason(text, NOW + dt.timedelta(minutes=31)) == "Offer ended"


def test_a_patient_who_asked_in_spanish_is_offered_the_time_in_spanish(full_morning):
    early, first, second = full_morning
    AppointmentRequest.objects.filter(pk=first.pk).update(language="es")
    services.appointment_cancel(request=early, reason="", by_patient=True)
    waitlist.waitlist_wake()
    [text] = offers().filter(subject_id=first.pk)
    assert text.body.startswith("Interventional Radiology, P.C.: hay una hora mas temprano")
    assert "/es/appointments/manage/" in text.body
    assert text.body.endswith("Responda PARAR para no recibir textos.")


def test_the_offer_text_uses_the_words_staff_set_in_the_admin(full_morning):
    from texting.models import MessageTemplate

    early, first, second = full_morning
    MessageTemplate.objects.filter(kind="waitlist_offer").update(
        body="{practice}: a sooner time is yours for 30 minutes: {link} Reply STOP to opt out."
    )
    services.appointment_cancel(request=early, reason="", by_patient=True)
    waitlist.waitlist_wake()
    [text] = offers().filter(subject_id=first.pk)
    assert text.body.startswith("Interventional Radiology, P.C.: a sooner time is yours")
    assert "/appointments/manage/" in text.body

"""Her own page moves her to another free time, and the confirmation gives the calendar file."""

import datetime as dt

import pytest

from appointments import booking, services, tokens
from appointments.booking_models import Booking, WaitlistEntry
from appointments.models import AppointmentRequest
from appointments.tests.conftest import NEW_YORK
from appointments.tests.factories import AppointmentRequestFactory

pytestmark = pytest.mark.django_db

TEN = dt.datetime(2027, 3, 8, 10, 0, tzinfo=NEW_YORK)
ELEVEN = TEN.replace(hour=11)
Status = AppointmentRequest.Status


@pytest.fixture
def booked(booking_setup):
    return services.appointment_schedule(request=AppointmentRequestFactory(), at=ELEVEN, by=None)


@pytest.fixture
def page(client, booked):
    url = f"/appointments/manage/{tokens.manage_token(booked.pk)}/"
    client.post(url, {"date_of_birth": "1990-03-14"})
    return url


def test_her_page_lists_other_free_times_of_her_window_but_not_her_own(client, page):
    html = client.get(page).content.decode()
    assert "Move to another time" in html
    assert f'value="{TEN.isoformat()}"' in html
    assert f'value="{ELEVEN.isoformat()}"' not in html
    assert 'value="call"' not in html


def test_she_moves_to_a_free_time_and_the_old_one_is_free_at_once(client, page, booked, hsg):
    response = client.post(page, {"action": "move", "slot": TEN.isoformat()})
    assert response.status_code == 302
    booked.refresh_from_db()
    assert booked.scheduled_at == TEN
    assert Booking.objects.get(request=booked).starts_at == TEN
    assert "Monday, March 8 at 10:00 AM" in client.get(page).content.decode()
    free = booking.free_times(procedure_id=hsg.pk, days=[TEN.date()])
    assert ELEVEN in free[0].times
    assert booked.history.first().history_change_reason == "Moved online by the patient"


def test_a_time_taken_meanwhile_keeps_her_booking_and_names_the_nearest(client, page, booked):
    services.appointment_schedule(request=AppointmentRequestFactory(), at=TEN, by=None)
    client.post(page, {"action": "move", "slot": TEN.isoformat()})
    html = client.get(page).content.decode()
    assert booking.TAKEN_MESSAGE in html or "that time is not free" in html
    assert "The nearest free times" in html
    booked.refresh_from_db()
    assert booked.scheduled_at == ELEVEN


def test_she_cannot_move_outside_her_window_by_editing_the_form(client, page, booked):
    client.post(page, {"action": "move", "slot": "2027-03-15T10:00:00-04:00"})
    booked.refresh_from_db()
    assert booked.scheduled_at == ELEVEN


def test_she_joins_and_leaves_the_waitlist_from_her_page(client, page, booked):
    client.post(page, {"action": "waitlist_join"})
    assert WaitlistEntry.objects.get(request=booked).status == WaitlistEntry.Status.WAITING
    assert "You are on the list" in client.get(page).content.decode()
    client.post(page, {"action": "waitlist_leave"})
    assert WaitlistEntry.objects.get(request=booked).status == WaitlistEntry.Status.ENDED


def test_the_booked_confirmation_says_the_time_in_new_york_and_offers_the_calendar_file(
    client, booked
):
    token = tokens.confirmation_token(booked.pk)
    html = client.get(f"/appointments/request/done/{token}/").content.decode()
    assert "Your exam is booked" in html
    assert "Monday, March 8, 2027 at 11:00 AM</time></strong> (New York time)" in html
    ics = client.get(f"/appointments/request/done/{token}/exam.ics")
    assert ics["Content-Type"].startswith("text/calendar")
    body = ics.content.decode()
    assert "DTSTART;TZID=America/New_York:20270308T110000" in body


def test_the_confirmation_puts_her_on_the_waitlist(client, booked):
    token = tokens.confirmation_token(booked.pk)
    response = client.post(f"/appointments/request/done/{token}/waitlist/")
    assert response.status_code == 302
    assert WaitlistEntry.objects.filter(request=booked, status="waiting").exists()
    assert "You are on the list" in client.get(response.url).content.decode()

"""The patient's own page: a signed link, a date-of-birth check, cancel or other dates."""

import datetime as dt
import re

import pytest
import time_machine
from django.core import mail

from appointments import tokens
from appointments.models import AppointmentRequest
from appointments.tests.factories import AppointmentRequestFactory
from texting.dispatch import outbox_dispatch_due

Status = AppointmentRequest.Status


@pytest.fixture
def appointment(clinic):
    return AppointmentRequestFactory()


@pytest.fixture
def url(appointment):
    return f"/appointments/manage/{tokens.manage_token(appointment.pk)}/"


def verify(client, url, dob="1990-03-14"):
    return client.post(url, {"date_of_birth": dob})


def test_the_page_asks_for_the_date_of_birth_before_showing_anything(client, url, appointment):
    response = client.get(url)
    html = response.content.decode()
    assert "please enter your date of birth" in html
    assert appointment.reference not in html and appointment.first_name not in html
    assert "no-store" in response["Cache-Control"]


def test_the_right_date_of_birth_shows_the_status_and_date(client, url, appointment):
    assert verify(client, url).status_code == 302
    html = client.get(url).content.decode()
    assert appointment.reference in html
    assert "Waiting for our call" in html


def test_the_verified_page_pins_its_queries(client, url, django_assert_num_queries):
    verify(client, url)
    client.get(url)  # warms the cache: booking rules, the header's and footer's facts
    # 7 queries: the session, the request (its procedure, booking and waitlist place
    # joined), the calendar for the date form (practice, hours, closures), the free
    # times to move to (bookings, waitlist offers).
    with django_assert_num_queries(7):
        client.get(url)


def test_a_wrong_date_of_birth_says_so_and_shows_nothing(client, url, appointment):
    response = verify(client, url, "1991-03-14")
    assert "does not match" in response.content.decode()
    assert appointment.reference not in response.content.decode()


def test_five_wrong_dates_lock_the_link_even_for_the_right_one(client, url):
    for _ in range(4):
        assert verify(client, url, "1991-01-01").status_code == 200
    assert verify(client, url, "1991-01-01").status_code == 429
    locked = verify(client, url)
    assert locked.status_code == 429
    assert "locked for up to 15 minutes" in locked.content.decode()


def test_the_lock_lifts_after_its_time(client, url, frozen_now, settings):
    # locmem's expiry follows time.time(), which time_machine moves; Redis keeps its
    # own clock, so this test uses the local cache whatever REDIS_URL says.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    for _ in range(5):
        verify(client, url, "1991-01-01")
    assert verify(client, url).status_code == 429
    with time_machine.travel(frozen_now + dt.timedelta(minutes=16), tick=False):
        assert verify(client, url).status_code == 302


def test_an_expired_link_says_so(client, url, frozen_now):
    with time_machine.travel(frozen_now + dt.timedelta(days=31), tick=False):
        response = client.get(url)
    assert response.status_code == 404
    assert "This link has expired" in response.content.decode()


def test_a_forged_link_is_refused(client, appointment):
    assert client.get(f"/appointments/manage/{appointment.pk}/").status_code == 404


def test_the_patient_can_cancel(client, url, appointment, django_capture_on_commit_callbacks):
    verify(client, url)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"action": "cancel", "cancel-reason": "Feeling better", "confirm": "yes"})
    outbox_dispatch_due()
    appointment.refresh_from_db()
    assert appointment.status == Status.CANCELLED
    assert appointment.cancel_reason == "Cancelled by the patient: Feeling better"
    assert "Request cancelled by the patient" in mail.outbox[-1].body
    assert "Feeling better" not in mail.outbox[-1].body
    assert "Your request is cancelled" in client.get(url).content.decode()


def test_the_patient_can_ask_for_other_dates_which_frees_a_booked_time(client, url, appointment):
    appointment.status = Status.SCHEDULED
    appointment.scheduled_at = dt.datetime(2027, 3, 8, 15, tzinfo=dt.UTC)
    appointment.save()
    verify(client, url)
    client.post(url, {"action": "other_dates", "dates-date_1": "2027-03-10", "confirm": "yes"})
    appointment.refresh_from_db()
    assert appointment.status == Status.REQUESTED
    assert appointment.scheduled_at is None
    assert appointment.preferred_date_1 == dt.date(2027, 3, 10)
    assert appointment.other_dates_requested_at is not None
    assert appointment.history.first().history_change_reason == "Patient asked for other dates"


def test_other_dates_on_a_closed_day_are_refused_next_to_the_field(client, url, appointment):
    verify(client, url)
    response = client.post(url, {"action": "other_dates", "dates-date_1": "2027-03-06"})
    assert "closed on Saturdays" in response.content.decode()
    appointment.refresh_from_db()
    assert appointment.preferred_date_1 == dt.date(2027, 3, 8)


def test_a_completed_request_cannot_be_changed_from_the_page(client, url, appointment):
    appointment.status = Status.COMPLETED
    appointment.save()
    verify(client, url)
    assert "Cancel my request" not in client.get(url).content.decode()
    client.post(url, {"action": "cancel", "confirm": "yes"})
    appointment.refresh_from_db()
    assert appointment.status == Status.COMPLETED


# --- Nothing irreversible in one tap ----------------------------------------------------


def booked(appointment):
    appointment.status = Status.SCHEDULED
    appointment.scheduled_at = dt.datetime(2027, 3, 8, 15, tzinfo=dt.UTC)  # 10 am New York
    appointment.save()
    return appointment


def test_cancelling_first_says_what_will_happen_and_changes_nothing(client, url, appointment):
    booked(appointment)
    verify(client, url)

    response = client.post(url, {"action": "cancel", "cancel-reason": "Feeling better"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Cancel your request?" in html
    assert "Monday, March 8 at 10:00 AM" in html and "will be freed" in html
    assert 'name="cancel-reason" value="Feeling better"' in html
    assert "Yes, cancel my request" in html and "No, keep my request" in html
    appointment.refresh_from_db()
    assert appointment.status == Status.SCHEDULED


def test_asking_for_other_days_first_says_the_booked_time_will_be_freed(client, url, appointment):
    booked(appointment)
    verify(client, url)

    response = client.post(url, {"action": "other_dates", "dates-date_1": "2027-03-10"})

    html = response.content.decode()
    assert "Ask for these days?" in html
    assert "Wednesday, March 10" in html
    assert "will be freed" in html and "Monday, March 8 at 10:00 AM" in html
    appointment.refresh_from_db()
    assert appointment.status == Status.SCHEDULED and appointment.other_dates_requested_at is None


# --- Other days within her window -------------------------------------------------------


def test_other_days_are_offered_only_from_the_open_days_of_her_window(client, url):
    verify(client, url)

    html = client.get(url).content.decode()

    # Window March 5 to 12 (today is March 2): the weekdays in it, nothing else.
    choices = re.findall(r'<option value="(2027-[0-9-]+)"', html.split('name="dates-date_1"')[1])
    assert choices[:6] == [
        "2027-03-05",
        "2027-03-08",
        "2027-03-09",
        "2027-03-10",
        "2027-03-11",
        "2027-03-12",
    ]
    assert len(set(choices)) == 6


def test_a_day_outside_her_window_is_refused(client, url, appointment):
    verify(client, url)

    response = client.post(url, {"action": "other_dates", "dates-date_1": "2027-03-16"})

    assert "outside your best days" in response.content.decode()
    assert 'value="2027-03-16" selected' in response.content.decode()  # kept as sent
    appointment.refresh_from_db()
    assert appointment.other_dates_requested_at is None


def test_an_irregular_cycle_may_pick_any_open_day_in_three_months(client, url, appointment):
    appointment.last_period_start = None
    appointment.cycle_irregular = True
    appointment.save()
    verify(client, url)

    response = client.post(
        url, {"action": "other_dates", "dates-date_1": "2027-04-20", "confirm": "yes"}
    )

    assert response.status_code == 302
    appointment.refresh_from_db()
    assert appointment.preferred_date_1 == dt.date(2027, 4, 20)

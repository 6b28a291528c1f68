"""The confirmation page is about her: her days, and next steps that fit her case."""

import datetime as dt

import pytest
from django.utils import timezone

from appointments import tokens
from appointments.models import AppointmentRequest
from appointments.services import appointment_schedule
from appointments.tests.helpers import valid_post

URL = "/appointments/request/"


@pytest.fixture
def confirm(client, clinic, hsg, aetna):
    def send(**changes):
        response = client.post(URL, valid_post(hsg, aetna, **changes), follow=True)
        assert response.status_code == 200
        return response.content.decode()

    return send


def test_it_lists_the_days_she_chose_and_says_we_will_call(confirm):
    html = confirm(preferred_date_1="2027-03-08", preferred_date_2="2027-03-10")

    assert "The days you chose" in html
    assert "Monday, March 8" in html and "Wednesday, March 10" in html
    assert "Morning (9 am to 12 pm)" in html
    assert "Our staff will call you to book one of your days" in html


def test_it_has_no_request_box_and_no_sentence_written_for_the_form(confirm):
    main = confirm().split('<main id="main"')[1].split("</main>")[0]

    assert "Request an appointment" not in main
    assert "Ready to book your exam?" not in main
    assert "this form" not in main
    assert "below" not in main
    assert "Days you can pick" not in main


def test_a_passed_window_tells_her_to_call_on_day_one(confirm):
    # Period on Feb 1: the window (Feb 5 to 12) has passed; she picks a day of the next.
    html = confirm(last_period_start="2027-02-01", preferred_date_1="", cycle_length="28")

    assert "on day 1 of your next period" in html
    assert "Our staff will call you to book one of your days" not in html


def test_an_irregular_cycle_tells_her_to_call_on_day_one(confirm):
    html = confirm(last_period_start="", cycle_irregular="on", preferred_date_1="")

    assert "on day 1 of your next period" in html
    assert "You did not pick a day" in html


def test_a_booked_request_shows_its_day_and_time(confirm, client, admin_user):
    confirm()
    request = AppointmentRequest.objects.get()
    at = timezone.make_aware(dt.datetime(2027, 3, 8, 10, 30))
    appointment_schedule(request=request, at=at, by=admin_user)

    token = tokens.confirmation_token(request.pk)
    html = client.get(f"/appointments/request/done/{token}/").content.decode()

    assert "Your exam is booked for" in html
    assert "Monday, March 8, 2027 at 10:30 AM" in html
    assert "The days you chose" not in html

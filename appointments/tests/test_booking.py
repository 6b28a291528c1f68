"""A patient books a free time of her window from the form; the front desk cannot overbook."""

import datetime as dt

import pytest
from django.urls import reverse

from appointments import booking, services, times_cache
from appointments.booking_forms import PICK_MESSAGE
from appointments.booking_models import BlockedTime, Booking, BookingRules, Room
from appointments.models import AppointmentRequest
from appointments.tests.conftest import NEW_YORK
from appointments.tests.factories import AppointmentRequestFactory
from appointments.tests.helpers import valid_post
from texting.models import OutboundMessage

pytestmark = pytest.mark.django_db

FORM = "/appointments/request/"
TIMES = "/appointments/request/times/"
# Monday, March 8, 2027, 10:00 New York time: inside the window of an LMP of March 1.
TEN = dt.datetime(2027, 3, 8, 10, 0, tzinfo=NEW_YORK)
Status = AppointmentRequest.Status


@pytest.fixture
def setup(booking_setup, settings):
    settings.RATELIMIT_ENABLED = False
    return booking_setup


def times_html(client, hsg, lmp="2027-03-01"):
    return client.post(TIMES, {"procedure": hsg.pk, "last_period_start": lmp}).content.decode()


def test_the_lookup_lists_each_open_day_by_morning_and_afternoon_as_radio_buttons(
    client, setup, hsg
):
    html = times_html(client, hsg)
    assert "<legend>Monday, March 8</legend>" in html
    assert 'aria-label="Monday morning"' in html and 'aria-label="Monday afternoon"' in html
    assert f'<input type="radio" name="slot" value="{TEN.isoformat()}">' in html
    # The weekend and the days before the lead time are not offered.
    assert "Saturday" not in html and "March 2<" not in html


def test_the_lookup_is_a_post_and_takes_no_date_in_its_address(client, setup, hsg):
    assert (
        client.get(TIMES, {"procedure": hsg.pk, "last_period_start": "2027-03-01"}).status_code
        == 405
    )
    assert reverse("appointments:times") == TIMES


@pytest.mark.parametrize("lmp, days", [("2027-02-22", 3), ("2027-03-01", 6)])
def test_the_lookup_costs_two_queries_however_long_the_window(
    client, setup, hsg, lmp, days, django_assert_num_queries
):
    assert times_html(client, hsg, lmp).count("<legend>") - 1 == days  # warms the rules
    times_cache.bookings_changed()  # as after any booking: the answer is worked out again
    # 2 queries: the window's bookings and the times on offer to the waitlist.
    with django_assert_num_queries(2):
        times_html(client, hsg, lmp)
    # Until a booking or the content changes, the same question costs no query.
    with django_assert_num_queries(0):
        assert times_html(client, hsg, lmp).count("<legend>") - 1 == days


def test_a_patient_books_a_free_time_and_it_is_hers_at_once(client, setup, hsg, aetna):
    response = client.post(FORM, valid_post(hsg, aetna, slot=TEN.isoformat(), sms_consent="on"))
    assert response.status_code == 302
    request = AppointmentRequest.objects.get()
    assert request.status == Status.SCHEDULED and request.scheduled_at == TEN
    assert Booking.objects.get(request=request).free_at == TEN + dt.timedelta(minutes=45)
    # She is told her time, not "we will call you".
    kinds = set(OutboundMessage.objects.values_list("kind", flat=True))
    assert "scheduled" in kinds and "received" not in kinds
    assert TEN.isoformat() not in times_html(client, hsg)


def test_a_time_taken_meanwhile_offers_the_nearest_and_keeps_what_she_typed(
    client, setup, hsg, aetna
):
    services.appointment_schedule(request=AppointmentRequestFactory(), at=TEN, by=None)
    data = valid_post(hsg, aetna, slot=TEN.isoformat(), first_name="Rosa", notes="Latex allergy")
    response = client.post(FORM, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert booking.TAKEN_MESSAGE in html
    assert "The nearest free times" in html
    assert TEN.replace(hour=9).isoformat() in html and TEN.replace(hour=11).isoformat() in html
    assert 'value="Rosa"' in html and "Latex allergy" in html
    assert AppointmentRequest.objects.count() == 1


def test_without_javascript_a_first_send_lists_the_times_and_asks_for_one(
    client, setup, hsg, aetna
):
    html = client.post(FORM, valid_post(hsg, aetna, preferred_date_1="")).content.decode()
    assert PICK_MESSAGE in html
    assert html.count('name="slot"') > 10
    assert AppointmentRequest.objects.count() == 0


def test_call_me_instead_keeps_the_request_for_a_call_back(client, setup, hsg, aetna):
    assert client.post(FORM, valid_post(hsg, aetna, slot="call")).status_code == 302
    request = AppointmentRequest.objects.get()
    assert request.status == Status.REQUESTED and not Booking.objects.exists()


def test_no_time_left_in_the_window_says_so_and_offers_a_call(client, setup, hsg):
    for day in range(3, 13):
        BlockedTime.objects.create(
            day=dt.date(2027, 3, day), starts=dt.time(9), ends=dt.time(17), reason="Away"
        )
    html = times_html(client, hsg)
    assert "Every time in your best days is booked" in html and 'name="slot"' not in html


def test_confirm_mode_holds_the_time_for_the_front_desk(client, setup, hsg, aetna):
    BookingRules.objects.update(mode=BookingRules.Mode.CONFIRM)
    assert client.post(FORM, valid_post(hsg, aetna, slot=TEN.isoformat())).status_code == 302
    request = AppointmentRequest.objects.get()
    assert request.status == Status.REQUESTED
    assert Booking.objects.get(request=request).held is True
    # Held, the time is nobody else's.
    assert TEN.isoformat() not in times_html(client, hsg)
    services.appointment_schedule(request=request, at=TEN, by=None)
    assert Booking.objects.get(request=request).held is False


def test_a_cancelled_booking_frees_its_time_at_once(client, setup, hsg):
    request = services.appointment_schedule(request=AppointmentRequestFactory(), at=TEN, by=None)
    assert TEN.isoformat() not in times_html(client, hsg)
    services.appointment_cancel(request=request, reason="", by_patient=True)
    assert TEN.isoformat() in times_html(client, hsg)


def admin_schedule(admin_client, request, day="2027-03-08", time="10:00"):
    url = reverse("admin:appointments_appointmentrequest_schedule", args=[request.pk])
    seen = admin_client.get(url).context["form"].initial["seen_status"]
    return admin_client.post(url, {"date": day, "time": time, "seen_status": seen})


def test_the_front_desk_cannot_start_an_exam_at_four_fifty_five_with_a_five_oclock_close(
    admin_client, setup
):
    request = AppointmentRequestFactory()
    html = admin_schedule(admin_client, request, time="16:55").content.decode()
    assert "end by 5:00 PM" in html
    request.refresh_from_db()
    assert request.status == Status.REQUESTED


def test_the_front_desk_cannot_put_a_second_patient_in_a_full_room(admin_client, setup):
    first, second = AppointmentRequestFactory.create_batch(2)
    assert admin_schedule(admin_client, first).status_code == 302
    html = admin_schedule(admin_client, second, time="10:15").content.decode()
    assert "Sorry, someone just booked that time" in html
    second.refresh_from_db()
    assert second.status == Status.REQUESTED
    # A second room lets her in.
    Room.objects.create(name="Second room", capacity=1)
    assert admin_schedule(admin_client, second, time="10:15").status_code == 302


def test_the_front_desk_cannot_book_over_a_lunch_hour(admin_client, setup):
    BlockedTime.objects.create(weekday=0, starts=dt.time(12), ends=dt.time(13), reason="Lunch")
    html = admin_schedule(admin_client, AppointmentRequestFactory(), time="12:15").content.decode()
    assert "This time is blocked (Lunch)." in html


@pytest.mark.parametrize(
    "answers, words",
    [
        ({"may_be_pregnant": "yes"}, "could be pregnant"),
        ({"may_be_pregnant": "not_sure"}, "could be pregnant"),
        ({"cycle_length": "24"}, "cycle shorter than 26 days"),
    ],
)
def test_a_possible_pregnancy_or_short_cycle_is_never_booked_online(
    client, setup, hsg, aetna, answers, words
):
    response = client.post(FORM, valid_post(hsg, aetna, slot=TEN.isoformat(), **answers))
    assert words in response.content.decode()
    assert not AppointmentRequest.objects.exists() and not Booking.objects.exists()
    # Asking for a call instead goes through, for the front desk to talk with her first.
    assert client.post(FORM, valid_post(hsg, aetna, slot="call", **answers)).status_code == 302

"""The front desk's grid and the booking settings in the admin."""

import datetime as dt

import pytest
from django.urls import reverse

from appointments import booking, services
from appointments.booking_models import BlockedTime, Booking, BookingRules, Room
from appointments.tests.conftest import NEW_YORK
from appointments.tests.factories import AppointmentRequestFactory

pytestmark = pytest.mark.django_db

TEN = dt.datetime(2027, 3, 8, 10, 0, tzinfo=NEW_YORK)
GRID = "/admin/appointments/booking/grid/"


def test_the_day_grid_shows_times_down_rooms_across_with_bookings_and_free_times(
    admin_client, booking_setup
):
    request = services.appointment_schedule(request=AppointmentRequestFactory(), at=TEN, by=None)
    Room.objects.create(name="Room B", capacity=1)
    BlockedTime.objects.create(weekday=0, starts=dt.time(12), ends=dt.time(13), reason="Lunch")
    html = admin_client.get(GRID, {"day": "2027-03-08"}).content.decode()
    assert reverse("admin:appointments_booking_grid") == GRID
    assert '<th scope="col">Fluoroscopy room</th><th scope="col">Room B</th>' in html
    assert '<th scope="row">9:00 AM</th>' in html and '<th scope="row">4:30 PM</th>' in html
    assert f">{request.reference}</a>" in html
    assert request.first_name not in html  # the grid names the reference, not the patient
    assert html.count('class="cell-blocked">Lunch') == 4  # two rooms, two half hours
    assert 'class="cell-free">free' in html


def test_today_comes_first_and_the_week_view_puts_the_days_side_by_side(
    admin_client, booking_setup
):
    assert "Tuesday, March 2, 2027" in admin_client.get(GRID).content.decode()
    html = admin_client.get(GRID, {"day": "2027-03-10", "view": "week"}).content.decode()
    assert "Week of March 8, 2027" in html
    assert html.count('scope="colgroup"') == 5  # Monday to Friday; the weekend is closed
    assert "Saturday, March 13: The office is closed on Saturdays." in html


def test_a_held_booking_shows_as_held_and_scheduling_confirms_it(
    admin_client, booking_setup, client, hsg, aetna
):
    BookingRules.objects.update(mode=BookingRules.Mode.CONFIRM)
    from appointments.tests.helpers import valid_post

    client.post("/appointments/request/", valid_post(hsg, aetna, slot=TEN.isoformat()))
    html = admin_client.get(GRID, {"day": "2027-03-08"}).content.decode()
    assert "1 time held for confirmation" in html and 'class="cell-held"' in html
    held = Booking.objects.get()
    services.appointment_schedule(request=held.request, at=TEN, by=None)
    assert 'class="cell-held"' not in admin_client.get(GRID, {"day": "2027-03-08"}).content.decode()


@pytest.mark.parametrize(
    "model", ["bookingrules", "room", "examlength", "blockedtime", "booking", "waitlistentry"]
)
def test_every_booking_setting_has_an_admin_page(admin_client, booking_setup, model):
    assert admin_client.get(reverse(f"admin:appointments_{model}_changelist")).status_code == 200


def test_an_edit_in_the_admin_changes_the_times_offered_at_once(admin_client, booking_setup, hsg):
    assert len(booking.free_times(procedure_id=hsg.pk, days=[TEN.date()])[0].times) == 16
    room = Room.objects.get()
    admin_client.post(
        reverse("admin:appointments_room_change", args=[room.pk]),
        {"name": room.name, "capacity": 1, "active": "", "order": 0},
    )
    assert booking.free_times(procedure_id=hsg.pk, days=[TEN.date()]) == []


def test_the_schedule_page_lists_her_windows_free_times_and_books_the_one_picked(
    admin_client, booking_setup
):
    request = AppointmentRequestFactory()
    services.appointment_schedule(request=AppointmentRequestFactory(), at=TEN, by=None)
    url = reverse("admin:appointments_appointmentrequest_schedule", args=[request.pk])
    html = admin_client.get(url).content.decode()
    eleven = TEN.replace(hour=11)
    assert f'value="{eleven.isoformat()}"' in html
    assert f'value="{TEN.isoformat()}"' not in html  # booked by someone else
    response = admin_client.post(url, {"slot": eleven.isoformat(), "seen_status": "requested"})
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.scheduled_at == eleven


def test_the_schedule_page_asks_for_a_time_when_none_is_picked_or_typed(
    admin_client, booking_setup
):
    request = AppointmentRequestFactory()
    url = reverse("admin:appointments_appointmentrequest_schedule", args=[request.pk])
    html = admin_client.post(url, {"seen_status": "requested"}).content.decode()
    assert "Pick a free time above, or fill this in." in html

"""Scheduling across a DST change, the calendar file and the window endpoint."""

import datetime as dt

import icalendar
import pytest
import time_machine
from django.core import mail

from appointments import services
from appointments.ics import exam_calendar
from appointments.models import AppointmentRequest
from appointments.tests.conftest import NEW_YORK
from appointments.tests.factories import AppointmentRequestFactory
from clinic.models import Practice
from texting.dispatch import outbox_dispatch_due

# Clocks spring forward in New York at 2 am on Sunday, March 14, 2027.
BEFORE_DST = dt.datetime(2027, 3, 12, 10, 0, tzinfo=NEW_YORK)  # Friday, EST (UTC-5)
AFTER_DST = dt.datetime(2027, 3, 15, 10, 0, tzinfo=NEW_YORK)  # Monday, EDT (UTC-4)


@pytest.fixture
def appointment(clinic):
    # LMP March 8: window March 12 to 19, across the change.
    return AppointmentRequestFactory(last_period_start=dt.date(2027, 3, 8), preferred_date_1=None)


def test_a_reschedule_across_the_dst_change_keeps_ten_in_the_morning_local(appointment, staff_user):
    services.appointment_schedule(request=appointment, at=BEFORE_DST, by=staff_user)
    appointment.refresh_from_db()
    assert appointment.scheduled_at.astimezone(dt.UTC).hour == 15
    services.appointment_schedule(request=appointment, at=AFTER_DST, by=staff_user)
    appointment.refresh_from_db()
    assert appointment.scheduled_at.astimezone(dt.UTC).hour == 14
    assert appointment.scheduled_at.astimezone(NEW_YORK).hour == 10
    assert [h.history_change_reason for h in appointment.history.order_by("history_id")][-2:] == [
        "Scheduled",
        "Rescheduled",
    ]


def test_the_calendar_file_is_in_new_york_time_with_the_address_and_no_procedure(
    appointment, staff_user, settings
):
    settings.SITE_URL = "https://hsg.example"
    services.appointment_schedule(request=appointment, at=AFTER_DST, by=staff_user)
    appointment.refresh_from_db()
    raw = exam_calendar(appointment, Practice.objects.current())
    text = raw.decode()
    assert "DTSTART;TZID=America/New_York:20270315T100000" in text
    # An HSG lasts 30 minutes (the exam length the migration sets).
    assert "DTEND;TZID=America/New_York:20270315T103000" in text
    assert "BEGIN:VTIMEZONE" in text and "TZID:America/New_York" in text
    calendar = icalendar.Calendar.from_ical(raw)
    event = calendar.walk("VEVENT")[0]
    assert str(event["UID"]) == f"{appointment.reference}@hsg.example"
    assert "200 West 57th Street" in str(event["LOCATION"])
    assert event.decoded("DTSTART") == AFTER_DST
    for private in ("HSG exam", "Hysterosalpingogram", appointment.first_name, "19900314"):
        assert private not in text


def test_the_calendar_file_lasts_as_long_as_the_practice_set_for_the_exam(
    appointment, staff_user, django_assert_num_queries
):
    from appointments.booking_models import ExamLength

    ExamLength.objects.update_or_create(
        procedure=appointment.procedure, defaults={"duration_minutes": 60, "buffer_minutes": 15}
    )
    services.appointment_schedule(request=appointment, at=AFTER_DST, by=staff_user)
    appointment.refresh_from_db()
    practice = Practice.objects.current()
    # 1 query: the exam's length.
    with django_assert_num_queries(1):
        raw = exam_calendar(appointment, practice)
    # The exam itself, not the buffer that readies the room for the next patient.
    assert "DTEND;TZID=America/New_York:20270315T110000" in raw.decode()


def test_the_calendar_file_lasts_45_minutes_when_no_exam_length_is_set(appointment, staff_user):
    from appointments.booking_models import ExamLength

    ExamLength.objects.filter(procedure=appointment.procedure).delete()
    services.appointment_schedule(request=appointment, at=AFTER_DST, by=staff_user)
    appointment.refresh_from_db()
    raw = exam_calendar(appointment, Practice.objects.current())
    assert "DTEND;TZID=America/New_York:20270315T104500" in raw.decode()


def test_the_scheduled_email_says_the_local_time_and_attaches_the_calendar(
    appointment, staff_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.appointment_schedule(request=appointment, at=AFTER_DST, by=staff_user)
    outbox_dispatch_due()
    email = mail.outbox[-1]
    assert "Monday, March 15, 2027 at 10:00 AM (New York time)" in email.body
    assert "200 West 57th Street, Suite 407" in email.body
    assert "ibuprofen" in email.body and "/appointments/manage/" in email.body
    name, content, mimetype = email.attachments[0]
    assert (name, mimetype) == ("appointment.ics", "text/calendar")
    assert "20270315T100000" in str(content)


def test_a_naive_time_is_refused(appointment, staff_user):
    with pytest.raises(ValueError):
        services.appointment_schedule(
            request=appointment, at=dt.datetime(2027, 3, 15, 10), by=staff_user
        )


def test_a_cancelled_request_cannot_be_booked(appointment, staff_user):
    services.appointment_cancel(request=appointment, reason="Called", by=staff_user)
    with pytest.raises(services.TransitionError):
        services.appointment_schedule(request=appointment, at=AFTER_DST, by=staff_user)


def test_scheduled_on_uses_the_new_york_day_not_utc(clinic):
    late = AppointmentRequestFactory(
        status=AppointmentRequest.Status.SCHEDULED,
        scheduled_at=dt.datetime(2027, 3, 15, 21, 30, tzinfo=NEW_YORK),  # 01:30 UTC next day
    )
    assert list(AppointmentRequest.objects.scheduled_on(dt.date(2027, 3, 15))) == [late]
    assert not AppointmentRequest.objects.scheduled_on(dt.date(2027, 3, 16)).exists()


WINDOW_URL = "/appointments/request/window/"


def test_the_window_endpoint_gives_dates_and_open_days_only(client, clinic):
    response = client.post(WINDOW_URL, {"lmp": "2027-03-01"})
    data = response.json()
    assert data["state"] == "open"
    assert (data["first"], data["last"]) == ("2027-03-05", "2027-03-12")
    assert [d["date"] for d in data["offered_days"]] == [
        "2027-03-05",
        "2027-03-08",
        "2027-03-09",
        "2027-03-10",
        "2027-03-11",
        "2027-03-12",
    ]
    assert data["offered_days"][0]["label"] == "Friday, March 5"
    assert "no-store" in response["Cache-Control"]


def test_the_window_endpoint_explains_a_passed_window_and_irregular_cycles(client, clinic):
    passed = client.post(WINDOW_URL, {"lmp": "2027-02-10", "cycle_length": "30"}).json()
    assert passed["state"] == "passed"
    assert "on day 1 of your next period" in passed["message"]
    assert passed["next_first"] == "2027-03-16"
    irregular = client.post(WINDOW_URL, {"irregular": "1"}).json()
    assert irregular["state"] == "irregular" and irregular["offered_days"] == []


@pytest.mark.parametrize("lmp", ["", "yesterday", "2027-13-01", "2030-01-01", "2020-01-01"])
def test_the_window_endpoint_answers_bad_dates_with_a_400_and_a_message(client, clinic, lmp):
    response = client.post(WINDOW_URL, {"lmp": lmp})
    assert response.status_code == 400
    assert "date" in response.json()["error"]


def test_the_window_endpoint_pins_its_queries(client, clinic, django_assert_num_queries):
    # 3 queries: the practice, opening hours, closures. No session, no user.
    with django_assert_num_queries(3):
        client.post(WINDOW_URL, {"lmp": "2027-03-01"})


def test_the_window_follows_the_clock_in_new_york_not_utc(client, clinic):
    # 11 pm in New York on March 4 is already March 5 in UTC: day 5 is still tomorrow.
    with time_machine.travel(dt.datetime(2027, 3, 4, 23, 0, tzinfo=NEW_YORK), tick=False):
        data = client.post(WINDOW_URL, {"lmp": "2027-03-01"}).json()
    assert data["offered_days"][0]["date"] == "2027-03-05"

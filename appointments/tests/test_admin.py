"""The front desk's workflow through the admin, as staff click it."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse

from appointments.models import AppointmentRequest
from appointments.tests.conftest import NEW_YORK
from appointments.tests.factories import AppointmentRequestFactory
from texting.dispatch import outbox_dispatch_due

Status = AppointmentRequest.Status


@pytest.fixture
def appointment(clinic):
    return AppointmentRequestFactory(contrast_allergy=True)


def url(name, pk=None):
    args = [pk] if pk else []
    return reverse(f"admin:appointments_appointmentrequest_{name}", args=args)


def schedule(admin_client, appointment, day="2027-03-08", time="10:30", **extra):
    page = admin_client.get(url("schedule", appointment.pk))
    seen = page.context["form"].initial["seen_status"]
    data = {"date": day, "time": time, "seen_status": seen, **extra}
    return admin_client.post(url("schedule", appointment.pk), data)


def test_the_list_shows_what_the_caller_needs(admin_client, appointment):
    html = admin_client.get(url("changelist")).content.decode()
    assert appointment.reference in html
    assert appointment.full_name in html
    assert "Mar 5 – Mar 12" in html  # the window
    assert "Mon Mar 8" in html  # the preferred day
    assert "Contrast allergy" in html
    assert "Requested" in html


def test_the_list_query_count_does_not_grow_with_rows(
    admin_client, clinic, django_assert_num_queries
):
    AppointmentRequestFactory.create_batch(3)
    admin_client.get(url("changelist"))  # warm the session
    # 14 queries whatever the number of rows: session, user, OTP device, the
    # procedure filter's choices, two counts (filtered and total), the site admin's
    # practice check, ONE query for the page of rows (procedure joined, the practice's
    # window days as subqueries), the urgent-reply banner's count, the session save in
    # a savepoint (3), and the access log's two INSERTs (the access, and every row it
    # listed in one statement).
    with django_assert_num_queries(14):
        admin_client.get(url("changelist"))
    AppointmentRequestFactory.create_batch(20)
    with django_assert_num_queries(14):
        admin_client.get(url("changelist"))


@pytest.mark.parametrize("term", ["Rivera", "EMAIL", "(212) 555-0123", "212-555-0123", "HSG-"])
def test_search_finds_by_name_email_phone_and_reference(admin_client, appointment, term):
    term = {"HSG-": appointment.reference, "EMAIL": appointment.email}.get(term, term)
    response = admin_client.get(url("changelist"), {"q": term})
    assert appointment.reference in response.content.decode()


def test_the_request_page_shows_everything_for_the_call_on_one_screen(admin_client, appointment):
    html = admin_client.get(url("change", appointment.pk)).content.decode()
    assert 'href="tel:+12125550123"' in html and "(212) 555-0123" in html
    assert "gadolinium" in html
    assert "Open days to offer" in html
    assert ">Schedule<" in html and ">Cancel<" in html
    assert "Created" in html and "patient" in html  # the history: what, and by whom


def test_status_is_not_a_field_staff_can_edit(admin_client, appointment):
    html = admin_client.get(url("change", appointment.pk)).content.decode()
    assert 'name="status"' not in html and 'name="scheduled_at"' not in html


def test_staff_schedule_inside_the_window_and_the_history_says_who(
    admin_client, appointment, staff_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = schedule(admin_client, appointment)
    outbox_dispatch_due()
    assert response.status_code == 302
    appointment.refresh_from_db()
    assert appointment.status == Status.SCHEDULED
    assert appointment.scheduled_at == dt.datetime(2027, 3, 8, 10, 30, tzinfo=NEW_YORK)
    latest = appointment.history.first()
    assert latest.history_user == staff_user and latest.history_change_reason == "Scheduled"
    email = mail.outbox[-1]
    assert email.to == [appointment.email]
    assert "Monday, March 8, 2027 at 10:30 AM" in email.body
    assert email.attachments[0][0] == "appointment.ics"
    page = admin_client.get(url("change", appointment.pk)).content.decode()
    assert "frontdesk" in page and ">Reschedule<" in page


def test_a_time_outside_hours_or_on_a_closed_day_is_refused(admin_client, appointment):
    early = schedule(admin_client, appointment, time="08:00")
    assert "open from 9:00 AM to 5:00 PM" in early.content.decode()
    saturday = schedule(admin_client, appointment, day="2027-03-06")
    assert "closed on Saturdays" in saturday.content.decode()
    appointment.refresh_from_db()
    assert appointment.status == Status.REQUESTED


def test_outside_the_window_needs_the_override_and_a_reason(admin_client, appointment):
    refused = schedule(admin_client, appointment, day="2027-03-15")
    assert "outside the patient&#x27;s cycle window" in refused.content.decode()
    no_reason = schedule(admin_client, appointment, day="2027-03-15", override="on")
    assert "Please say why." in no_reason.content.decode()
    booked = schedule(
        admin_client,
        appointment,
        day="2027-03-15",
        override="on",
        override_reason="Doctor approved: late ovulation",
    )
    assert booked.status_code == 302
    appointment.refresh_from_db()
    assert appointment.window_override_reason == "Doctor approved: late ovulation"


def test_a_stale_schedule_page_saves_nothing(admin_client, appointment):
    page_seen = admin_client.get(url("schedule", appointment.pk)).context["form"].initial
    schedule(admin_client, appointment, time="10:00")  # someone else books first
    response = admin_client.post(
        url("schedule", appointment.pk),
        {"date": "2027-03-09", "time": "11:00", "seen_status": page_seen["seen_status"]},
    )
    assert "Someone changed this request" in response.content.decode()
    appointment.refresh_from_db()
    assert appointment.scheduled_at.astimezone(NEW_YORK).hour == 10


def test_complete_no_show_and_cancel_follow_the_workflow(admin_client, clinic, frozen_now):
    done = AppointmentRequestFactory()
    schedule(admin_client, done)
    admin_client.post(url("complete", done.pk), {"early": "on", "early_reason": "Came early"})
    done.refresh_from_db()
    assert done.status == Status.COMPLETED and done.completed_at is not None

    early = AppointmentRequestFactory()
    schedule(admin_client, early, time="11:30")  # the room is taken at 10:30
    response = admin_client.post(url("no_show", early.pk))
    assert "cannot be marked as a no-show before then" in response.content.decode()

    cancelled = AppointmentRequestFactory()
    assert (
        "This field is required" in admin_client.post(url("cancel", cancelled.pk)).content.decode()
    )
    admin_client.post(url("cancel", cancelled.pk), {"reason": "Patient called: pregnant"})
    cancelled.refresh_from_db()
    assert cancelled.status == Status.CANCELLED
    assert cancelled.cancel_reason == "Cancelled: Patient called: pregnant"
    again = admin_client.post(url("complete", cancelled.pk))
    assert "cannot be marked completed" in again.content.decode()


def test_a_no_show_is_recorded_on_the_day(admin_client, clinic):
    appointment = AppointmentRequestFactory(
        status=Status.SCHEDULED, scheduled_at=dt.datetime(2027, 3, 2, 9, tzinfo=NEW_YORK)
    )
    admin_client.post(url("no_show", appointment.pk))
    appointment.refresh_from_db()
    assert appointment.status == Status.NO_SHOW


def test_today_lists_the_days_exams_in_order(admin_client, clinic):
    later = AppointmentRequestFactory(
        status=Status.SCHEDULED, scheduled_at=dt.datetime(2027, 3, 2, 14, tzinfo=NEW_YORK)
    )
    sooner = AppointmentRequestFactory(
        status=Status.SCHEDULED, scheduled_at=dt.datetime(2027, 3, 2, 9, tzinfo=NEW_YORK)
    )
    tomorrow = AppointmentRequestFactory(
        status=Status.SCHEDULED, scheduled_at=dt.datetime(2027, 3, 3, 9, tzinfo=NEW_YORK)
    )
    html = admin_client.get(url("today")).content.decode()
    assert html.index(sooner.reference) < html.index(later.reference)
    assert tomorrow.reference not in html
    assert "Exams on Tuesday, March 2, 2027" in html
    assert (
        tomorrow.reference in admin_client.get(url("today"), {"day": "2027-03-03"}).content.decode()
    )
    filtered = admin_client.get(url("changelist"), {"when": "today"}).content.decode()
    assert sooner.reference in filtered and tomorrow.reference not in filtered


def test_requests_cannot_be_deleted_or_history_reverted(admin_client, appointment):
    assert admin_client.get(url("delete", appointment.pk)).status_code == 403
    first = appointment.history.last()
    schedule(admin_client, appointment)
    revert = reverse(
        "admin:appointments_appointmentrequest_simple_history",
        args=[appointment.pk, first.history_id],
    )
    form = admin_client.get(revert).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None}
    assert admin_client.post(revert, data).status_code == 403
    appointment.refresh_from_db()
    assert appointment.status == Status.SCHEDULED


def test_the_admin_needs_the_second_factor(client, staff_user, appointment):
    client.force_login(staff_user)
    assert client.get(url("today")).status_code == 302
    assert client.get(url("schedule", appointment.pk)).status_code == 302


def test_a_day_asked_for_outside_the_window_is_flagged_in_the_list_and_on_the_page(
    admin_client, clinic
):
    inside = AppointmentRequestFactory(preferred_date_1=dt.date(2027, 3, 8))
    outside = AppointmentRequestFactory(
        preferred_date_1=dt.date(2027, 3, 9), preferred_date_2=dt.date(2027, 3, 16)
    )

    listing = admin_client.get(url("changelist")).content.decode()
    page = admin_client.get(url("change", outside.pk)).content.decode()
    fine = admin_client.get(url("change", inside.pk)).content.decode()

    assert listing.count("outside window") == 1
    assert "Tue Mar 16 <strong" in listing
    assert "Outside the window: Tue Mar 16" in page
    assert "Outside the window" not in fine


# --- One look per call ------------------------------------------------------------------


def test_the_request_page_puts_what_a_call_needs_first(admin_client, clinic):
    appointment = AppointmentRequestFactory(
        first_name="Maria",
        last_name="Lopez",
        phone="+12122462063",
        referring_physician="Dr. Stone",
        referring_physician_phone="(212) 555-0100",
        notes="Mornings are best.",
        contrast_allergy=True,
    )
    other = AppointmentRequestFactory(phone="+12122462063")

    html = admin_client.get(url("change", appointment.pk)).content.decode()

    sheet = html.split('<dl class="call-sheet">')[1].split("</dl>")[0]
    labels = [
        "Name",
        "Age",
        "Phone",
        "Exam",
        "Status",
        "Window",
        "Days asked for",
        "Insurance",
        "Referring doctor",
        "Her note",
        "Screening",
        "Other open requests, same phone",
    ]
    positions = [sheet.index(f"<dt>{label}</dt>") for label in labels]
    assert positions == sorted(positions)
    assert "Maria Lopez" in sheet and "<dd>36 (born Mar 14, 1990)</dd>" in sheet
    assert '<a class="call-link" href="tel:+12122462063">(212) 246-2063</a>' in sheet
    assert "Fri Mar 5 to Fri Mar 12" in sheet and "Mon Mar 8" in sheet
    assert "Dr. Stone, phone (212) 555-0100" in sheet and "Mornings are best." in sheet
    assert other.reference in sheet


def test_the_patients_details_are_edited_in_a_separate_step(admin_client, appointment):
    page = admin_client.get(url("change", appointment.pk)).content.decode()
    assert 'name="first_name"' not in page  # read-only until "Edit"
    assert 'name="_save"' not in page
    assert "Edit the patient&#x27;s details" in page or "Edit the patient's details" in page

    editing = admin_client.get(url("change", appointment.pk) + "?edit=1").content.decode()
    assert 'name="first_name"' in editing and 'name="_save"' in editing

    data = {
        field: getattr(appointment, field) or ""
        for field in ["first_name", "last_name", "email", "preferred_time", "notes"]
    }
    data.update(
        procedure=appointment.procedure_id,
        phone="(212) 555-0199",
        date_of_birth="1990-03-14",
        last_period_start="2027-03-01",
        preferred_date_1="2027-03-08",
        **{
            "outbound_messages-TOTAL_FORMS": 0,
            "outbound_messages-INITIAL_FORMS": 0,
        },
        _save="Save",
    )
    response = admin_client.post(url("change", appointment.pk) + "?edit=1", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    appointment.refresh_from_db()
    assert appointment.phone == "+12125550199"


def test_posting_without_edit_changes_nothing(admin_client, appointment):
    admin_client.post(
        url("change", appointment.pk),
        {"first_name": "Changed", "outbound_messages-TOTAL_FORMS": 0, "_save": "Save"},
    )
    appointment.refresh_from_db()
    assert appointment.first_name != "Changed"


def test_dates_and_phones_read_one_way_on_the_list_and_todays_exams(admin_client, appointment):
    schedule(admin_client, appointment, day="2027-03-08", time="09:30")

    listing = admin_client.get(url("changelist")).content.decode()
    today = admin_client.get(url("today") + "?day=2027-03-08").content.decode()

    assert "Mon Mar 8, 9:30 am" in listing
    assert "(212) 555-0123" in today and ">+12125550123<" not in today
    assert "9:30 am" in today

"""The patient's rough edges, in Chromium: errors take the focus and lead to their
fields; other days come only from her window; cancelling and asking for other days
each say what will happen and ask first. axe finds nothing in any of these states."""

import datetime as dt

from django.utils import timezone

from appointments import tokens
from appointments.availability import clinic_calendar
from appointments.models import AppointmentRequest
from appointments.services import appointment_schedule
from tests.browser.helpers import axe_violations, describe, patient_request
from tests.content import bookable_lmp

BORN = dt.date(1990, 3, 14)


def assert_no_violations(page):
    violations = axe_violations(page)
    assert violations == [], f"{page.url}\n{describe(violations)}"


def focused_id(page) -> str:
    return page.evaluate("document.activeElement && document.activeElement.id")


def test_errors_take_the_focus_and_each_link_leads_to_its_field(page, site_content, settings):
    settings.RATELIMIT_ENABLED = False
    page.goto("/appointments/request/")
    page.get_by_label("Email").fill("maria@")
    page.get_by_role("button", name="Send my request").click()

    summary = page.locator("#form-problems")
    summary.wait_for()
    page.wait_for_function(
        "document.activeElement && document.activeElement.id === 'form-problems'"
    )
    assert "There are problems with your answers" in summary.inner_text()
    email_link = summary.get_by_role("link", name="Email: Please enter an email address like")
    assert email_link.count() == 1
    assert_no_violations(page)

    email_link.click()
    assert focused_id(page) == "id_email"
    assert page.locator("#id_email").input_value() == "maria@"  # kept as typed
    summary.get_by_role("link", name="First name:").click()
    assert focused_id(page) == "id_first_name"


def verified_manage_page(page, appointment):
    page.goto(f"/appointments/manage/{tokens.manage_token(appointment.pk)}/")
    page.get_by_label("Date of birth").fill(BORN.isoformat())
    page.get_by_role("button", name="Show my request").click()
    page.get_by_text(appointment.reference).first.wait_for()


def test_other_days_come_from_her_window_and_freeing_a_booked_time_asks_first(
    page, site_content, front_desk
):
    lmp, open_days = bookable_lmp()
    appointment = patient_request(date_of_birth=BORN, last_period_start=lmp)
    calendar = clinic_calendar()
    day = open_days[0]
    opens = calendar.calendar.hours[day.weekday()][0]
    at = timezone.make_aware(dt.datetime.combine(day, opens)) + dt.timedelta(hours=1)
    appointment_schedule(request=appointment, at=at, by=front_desk[0])
    verified_manage_page(page, appointment)

    choice = page.get_by_label("First choice")
    offered = [v for v in choice.locator("option").evaluate_all("o => o.map(x => x.value)") if v]
    plan = calendar.plan(lmp)
    assert offered == [d.isoformat() for d in plan.offered_days]
    assert_no_violations(page)

    choice.select_option(open_days[-1].isoformat())
    page.get_by_role("button", name="Check my new days").click()
    page.get_by_role("heading", name="Ask for these days?").wait_for()
    assert focused_id(page) == "confirm-heading"
    assert "will be freed" in page.locator(".confirm-step").inner_text()
    assert_no_violations(page)
    appointment.refresh_from_db()
    assert appointment.status == AppointmentRequest.Status.SCHEDULED  # nothing yet

    page.get_by_role("link", name="No, keep my booked time").click()
    page.get_by_role("heading", name="Ask for other days").wait_for()
    page.get_by_role("button", name="Cancel my request").click()
    page.get_by_role("heading", name="Cancel your request?").wait_for()
    assert_no_violations(page)
    page.get_by_role("button", name="Yes, cancel my request").click()
    page.get_by_text("Your request is cancelled.").wait_for()
    appointment.refresh_from_db()
    assert appointment.status == AppointmentRequest.Status.CANCELLED

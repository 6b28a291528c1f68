"""Booking a free time from the form on a 375-pixel phone, with and without JavaScript.

In every state (times listed, time taken, no time left, no JavaScript): no sideways
scroll and no axe violation.
"""

import datetime as dt

import pytest

from appointments import services
from appointments.booking_models import BlockedTime, Booking
from appointments.models import AppointmentRequest
from tests.browser.helpers import axe_violations, describe, patient_request
from tests.content import bookable_lmp

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def site(site_content, settings):
    settings.RATELIMIT_ENABLED = False
    return site_content


def assert_fits_and_passes_axe(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"{page.url} scrolls sideways: {width}px wide"
    violations = axe_violations(page)
    assert violations == [], f"{page.url}\n{describe(violations)}"


def fill_her_details(page):
    page.fill("#id_first_name", "Maria")
    page.fill("#id_last_name", "Lopez")
    page.fill("#id_date_of_birth", "1990-03-14")
    page.fill("#id_phone", "(212) 555-0123")
    page.fill("#id_email", "maria@example.com")
    page.select_option("#id_insurance", label="Aetna")
    page.check("#id_may_be_pregnant_1")  # "No"


def show_times(page, lmp):
    page.goto("/appointments/request/")
    page.get_by_label("HSG", exact=False).first.check()
    page.fill("#id_last_period_start", lmp.isoformat())
    page.dispatch_event("#id_last_period_start", "change")
    page.locator("#free-times fieldset.free-times").wait_for()


def test_she_books_a_free_time_on_a_phone(phone_page, site):
    lmp, _ = bookable_lmp()
    page = phone_page
    show_times(page, lmp)
    assert_fits_and_passes_axe(page)
    first = page.locator('#free-times input[name="slot"]').first
    chosen = first.get_attribute("value")
    box = page.locator("#free-times label.time-choice").first.bounding_box()
    assert box["height"] >= 44  # a large tap target
    first.check()
    fill_her_details(page)
    page.get_by_role("button", name="Send my request").click()
    page.get_by_role("heading", name="Your exam is booked").wait_for()
    assert "(New York time)" in page.content()
    assert_fits_and_passes_axe(page)
    booked = AppointmentRequest.objects.get()
    assert booked.status == AppointmentRequest.Status.SCHEDULED
    assert booked.scheduled_at == dt.datetime.fromisoformat(chosen)


def test_a_time_taken_meanwhile_shows_the_nearest_and_keeps_her_answers(phone_page, site):
    lmp, _ = bookable_lmp()
    page = phone_page
    show_times(page, lmp)
    first = page.locator('#free-times input[name="slot"]').first
    taken = dt.datetime.fromisoformat(first.get_attribute("value"))
    first.check()
    fill_her_details(page)
    # Someone else books that time while she is typing.
    services.appointment_schedule(request=patient_request(), at=taken, by=None)
    page.get_by_role("button", name="Send my request").click()
    # Said beside the times, and linked from the error summary at the top.
    page.get_by_text(
        "Sorry, someone just booked that time. Please pick another one.", exact=True
    ).wait_for()
    summary = page.get_by_role("link", name="Time of your exam: Sorry, someone just booked")
    assert summary.count() == 1
    page.get_by_text("The nearest free times").wait_for()
    assert page.input_value("#id_first_name") == "Maria"
    assert page.input_value("#id_email") == "maria@example.com"
    assert_fits_and_passes_axe(page)
    assert Booking.objects.count() == 1


def test_no_time_left_says_so_and_the_request_still_goes(phone_page, site):
    lmp, days = bookable_lmp()
    for day in range(-1, 30):
        BlockedTime.objects.create(
            day=days[0] + dt.timedelta(days=day), starts=dt.time(0), ends=dt.time(23, 59),
            reason="Away",
        )  # fmt: skip
    page = phone_page
    page.goto("/appointments/request/")
    page.get_by_label("HSG", exact=False).first.check()
    page.fill("#id_last_period_start", lmp.isoformat())
    page.dispatch_event("#id_last_period_start", "change")
    page.get_by_text("Every time in your best days is booked").wait_for()
    assert_fits_and_passes_axe(page)


@pytest.fixture
def no_js_phone(phone_page):
    """The phone with none of the site's scripts: the server alone lists the times.

    (Chromium's own switch for JavaScript would also stop axe, which runs in the page.)
    """
    phone_page.route("**/static/js/**", lambda route: route.abort())
    return phone_page


def test_without_javascript_the_server_lists_the_times_and_books_one(no_js_phone, site):
    lmp, _ = bookable_lmp()
    page = no_js_phone
    page.goto("/appointments/request/")
    page.get_by_label("HSG", exact=False).first.check()
    page.fill("#id_last_period_start", lmp.isoformat())
    page.dispatch_event("#id_last_period_start", "change")
    fill_her_details(page)
    assert page.locator("#free-times fieldset").count() == 0  # no script lists them
    page.get_by_role("button", name="Send my request").click()
    page.get_by_text("Please pick a time, or pick days below").first.wait_for()
    assert page.input_value("#id_first_name") == "Maria"
    assert_fits_and_passes_axe(page)
    page.locator('#free-times input[name="slot"]').first.check()
    page.get_by_role("button", name="Send my request").click()
    page.get_by_role("heading", name="Your exam is booked").wait_for()
    assert AppointmentRequest.objects.get().status == AppointmentRequest.Status.SCHEDULED

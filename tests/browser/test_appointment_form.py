"""The appointment form in a real browser on a phone: the window appears as the date is
entered, and its open days become the choices for the preferred dates."""

import datetime as dt

import pytest
from django.utils import timezone

from appointments.models import AppointmentRequest
from appointments.tests.factories import ProcedureFactory
from clinic.models import Closure, InsurancePlan, OpeningHours, Practice


@pytest.fixture
def open_clinic(transactional_db):
    practice = Practice.objects.current()
    practice.window_start_day, practice.window_end_day = 5, 12
    practice.save()
    OpeningHours.objects.all().delete()
    Closure.objects.all().delete()
    for weekday in range(5):
        OpeningHours.objects.create(weekday=weekday, opens=dt.time(9), closes=dt.time(17))
    ProcedureFactory()
    InsurancePlan.objects.get_or_create(name="Aetna")
    return practice


@pytest.mark.django_db(transaction=True)
def test_a_patient_on_a_phone_sees_the_window_and_picks_an_open_day(
    phone_page, open_clinic, settings
):
    settings.RATELIMIT_ENABLED = False
    page = phone_page
    requests = []
    page.on("request", lambda request: requests.append((request.method, request.url)))
    page.goto("/appointments/request/")
    lmp = timezone.localdate() - dt.timedelta(days=2)  # day 5 is in two days
    page.fill("#id_last_period_start", lmp.isoformat())
    page.dispatch_event("#id_last_period_start", "change")
    summary = page.locator("#window-summary")
    summary.get_by_text("Your best days for the exam are").wait_for()
    # The date went in a POST's body (with the CSRF token), never in a URL.
    assert ("POST", page.url.split("/appointments/")[0] + "/appointments/request/window/") in (
        requests
    )
    assert not [url for _method, url in requests if lmp.isoformat() in url or "lmp" in url]
    assert summary.get_attribute("aria-live") == "polite"
    choice = page.locator("select#id_preferred_date_1")
    options = choice.locator("option").all_inner_texts()
    assert options[0] == "Choose a day" and len(options) >= 2
    choice.select_option(index=1)
    picked = choice.input_value()

    page.get_by_label("HSG", exact=False).first.check()
    page.fill("#id_first_name", "Maria")
    page.fill("#id_last_name", "Lopez")
    page.fill("#id_date_of_birth", "1990-03-14")
    page.fill("#id_phone", "(212) 555-0123")
    page.fill("#id_email", "maria@example.com")
    page.select_option("#id_insurance", label="Aetna")
    page.check("#id_may_be_pregnant_1")
    page.get_by_role("button", name="Send my request").click()
    page.get_by_text("Thank you. We got your request.").wait_for()
    saved = AppointmentRequest.objects.get()
    assert saved.preferred_date_1.isoformat() == picked
    assert saved.reference in page.content()


@pytest.mark.django_db(transaction=True)
def test_a_passed_window_tells_the_patient_to_call_on_day_one(phone_page, open_clinic):
    page = phone_page
    page.goto("/appointments/request/")
    lmp = timezone.localdate() - dt.timedelta(days=20)
    page.fill("#id_last_period_start", lmp.isoformat())
    page.dispatch_event("#id_last_period_start", "change")
    page.locator("#window-summary").get_by_text("on day 1 of your next period").wait_for()

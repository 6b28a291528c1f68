"""The request form through the test client: valid and invalid answers, and the window."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from appointments.forms import SMS_CONSENT_TEXT
from appointments.models import AppointmentRequest
from appointments.tests.conftest import NOW
from appointments.tests.helpers import valid_post
from clinic.models import Closure, InsurancePlan, Page

URL = "/appointments/request/"


@pytest.fixture
def post(client, clinic, hsg, aetna):
    def send(**changes):
        return client.post(URL, valid_post(hsg, aetna, **changes))

    return send


def error_next_to(response, field):
    """The error text rendered for `field`, or None."""
    match = re.search(
        rf'<(?:p|span) id="error_\d+_id_{field}"[^>]*><strong>(.*?)</strong>',
        response.content.decode(),
        re.S,
    )
    return match.group(1) if match else None


def test_the_form_answers_at_the_public_address_and_is_never_cached(client, clinic):
    response = client.get(URL)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert reverse("appointments:request") == URL


def test_the_form_page_pins_its_queries(client, clinic, django_assert_num_queries):
    # 9 queries: the practice, opening hours and closures (the window's calendar),
    # active plans, the Lipiodol price, bookable procedures, the page's words (Pages →
    # "appointments"), and the site's own header and footer facts (practice and hours,
    # loaded once by its context processor).
    with django_assert_num_queries(9):
        client.get(URL)


def test_a_submission_pins_its_queries(client, clinic, hsg, aetna, django_assert_num_queries):
    client.get(URL)  # the admin's content is cached, as for any visitor
    data = valid_post(hsg, aetna, sms_consent="on")

    # 15 queries: hours, closures and the procedures (the form's calendar and choices),
    # the procedure's existence, the submission key; in one savepoint the request and
    # its history row; the opt-out check, the number's daily text cap (a lock and a
    # count), the practice and the text's template (its words); and one INSERT of the
    # three outbox rows (the text and both emails).
    with django_assert_num_queries(15):
        response = client.post(URL, data)

    assert response.status_code == 302


def test_a_second_form_page_reads_the_admins_content_from_the_cache(
    client, clinic, django_assert_num_queries
):
    client.get(URL)

    # 3 queries: opening hours and closures (the window's calendar) and bookable
    # procedures. The practice, plans, Lipiodol price and the page's words are cached
    # for the content version, and so are the header and footer facts.
    with django_assert_num_queries(3):
        response = client.get(URL)

    assert response.status_code == 200


def test_a_new_plan_and_new_page_words_show_on_the_next_form_page(client, clinic):
    client.get(URL)
    InsurancePlan.objects.create(name="Brand New Health", active=True)
    Page.objects.update_or_create(
        slug="appointments",
        defaults={"title": "Request", "published": True, "intro": "Words **just** written."},
    )

    html = client.get(URL).content.decode()

    assert "Brand New Health" in html
    assert "Words <strong>just</strong> written." in html


def test_the_form_has_real_labels_help_text_and_no_inline_script(client, clinic):
    html = client.get(URL).content.decode()
    assert re.search(r'<label\s+for="id_first_name"', html)
    assert 'aria-describedby="id_phone_helptext"' in html
    assert re.search(r"<script(?![^>]*\bsrc=)[^>]*>(?!\s*\{)", html) is None  # only json_script
    assert re.search(r"\son[a-z]+=", html) is None
    assert 'id="appointment-form-config"' in html
    assert 'src="/static/js/appointment-form.js" defer' in html
    assert 'aria-live="polite"' in html


def test_the_sms_consent_box_is_unchecked_and_shows_its_words(client, clinic):
    html = client.get(URL).content.decode()
    box = re.search(r'<input[^>]*name="sms_consent"[^>]*>', html).group(0)
    assert "checked" not in box
    assert "Reply STOP to stop" in html


def test_the_lipiodol_question_shows_its_price_not_covered_by_insurance(client, clinic):
    assert "Lipiodol ($1,700, which insurers do not cover)" in client.get(URL).content.decode()


def test_a_valid_request_is_saved_and_redirects_to_a_confirmation(post):
    response = post(sms_consent="on", contrast_allergy="on")
    assert response.status_code == 302
    request = AppointmentRequest.objects.get()
    assert request.phone == "+12125550123"
    assert request.preferred_date_1 == dt.date(2027, 3, 8)
    assert request.contrast_allergy and request.sms_consent
    assert request.sms_consent_text == SMS_CONSENT_TEXT
    assert request.sms_consent_at is not None
    assert request.status == AppointmentRequest.Status.REQUESTED
    assert response["Location"].startswith("/appointments/request/done/")
    assert "Maria" not in response["Location"] and "1990" not in response["Location"]


def test_self_pay_and_other_plans_are_stored_as_such(post):
    post(insurance="self_pay")
    post(insurance="other", insurance_other="Local Union Plan", email="b@example.com")
    first, second = AppointmentRequest.objects.order_by("pk")
    assert first.self_pay and first.insurance_plan is None
    assert second.insurance_other == "Local Union Plan" and not second.self_pay


def test_other_plan_without_a_name_asks_for_it(post):
    response = post(insurance="other")
    assert error_next_to(response, "insurance_other") == "Please write the name of your plan."


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("phone", "555-0123", "area code"),
        ("phone", "(212) 000-0000", "area code"),
        ("phone", "not a phone", "area code"),
        ("last_period_start", "2027-03-20", "in the future"),
        ("last_period_start", "2026-10-01", "more than 3 months ago"),
        ("last_period_start", "2027-02-30", "real date"),
        ("date_of_birth", "2030-01-01", "must be in the past"),
        ("date_of_birth", "1900-01-01", "check the year"),
        ("date_of_birth", "2020-01-01", "check the year"),
        ("first_name", "x" * 10_000, "100 characters or fewer (this has 10,000)"),
        ("email", "maria@", "email address like name@example.com"),
        ("cycle_length", "12", "from 20 to 45"),
        ("cycle_length", "abc", "number"),
        ("preferred_date_1", "2027-03-06", "closed on Saturdays"),
        ("preferred_date_1", "2027-03-15", "outside your best days"),
        ("preferred_date_1", "2027-03-02", "from tomorrow on"),
        ("preferred_date_1", "", "at least one day"),
        ("referring_physician_fax", "123", "area code"),
    ],
)
def test_bad_input_gets_a_message_next_to_its_field_and_keeps_what_was_typed(
    post, field, value, message
):
    response = post(**{field: value})
    assert response.status_code == 200
    assert AppointmentRequest.objects.count() == 0
    error = error_next_to(response, field)
    assert error is not None and message in error
    html = response.content.decode()
    assert 'value="Maria"' in html or field == "first_name"
    assert 'value="maria@example.com"' in html or field == "email"
    assert "Everything you typed is still here" in html


def test_two_identical_preferred_days_are_refused(post):
    response = post(preferred_date_2="2027-03-08")
    assert "different days" in error_next_to(response, "preferred_date_2")


def test_a_missing_period_date_is_asked_for_unless_cycles_are_irregular(post):
    missing = post(last_period_start="")
    assert "tick the box" in error_next_to(missing, "last_period_start")
    irregular = post(last_period_start="", cycle_irregular="on", preferred_date_1="")
    assert irregular.status_code == 302
    saved = AppointmentRequest.objects.get()
    assert saved.cycle_irregular and saved.last_period_start is None


def test_a_passed_window_says_what_to_do_and_offers_the_next_window(post):
    response = post(last_period_start="2027-02-10", preferred_date_1="2027-03-08")
    html = response.content.decode()
    assert "have passed" in html
    assert "on day 1 of your next period" in html
    assert "(212) 246-2063" in html
    assert "March 15" in html  # the next window's first open day is listed
    ok = post(last_period_start="2027-02-10", preferred_date_1="2027-03-15")
    assert ok.status_code == 302


def test_a_closure_inside_the_window_is_refused_with_its_reason(post):
    Closure.objects.create(first_day=dt.date(2027, 3, 8), last_day=dt.date(2027, 3, 8))
    response = post(preferred_date_1="2027-03-08")
    assert error_next_to(response, "preferred_date_1").startswith("The office is closed")


def test_markup_is_stored_verbatim_and_shown_escaped(post, client):
    markup = '<script>alert("x")</script>'
    response = post(first_name=markup, phone="12")  # the bad phone re-renders the form
    html = response.content.decode()
    assert markup not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    post(first_name=markup)
    assert AppointmentRequest.objects.get().first_name == markup


def test_a_filled_honeypot_saves_nothing(post):
    response = post(website="http://spam.example")
    assert response.status_code == 200
    assert AppointmentRequest.objects.count() == 0


def test_past_the_hourly_limit_the_form_comes_back_with_everything_typed(post):
    from appointments.views import REQUEST_POSTS_PER_HOUR

    for _ in range(REQUEST_POSTS_PER_HOUR):
        post(phone="1")

    response = post(first_name="Dana")

    assert response.status_code == 429
    html = response.content.decode()
    assert "many requests from your network" in html
    assert 'value="Dana"' in html
    assert AppointmentRequest.objects.count() == 0


def test_ticking_irregular_after_a_date_too_long_ago_lets_the_request_through(post, clinic):
    old = NOW.date() - dt.timedelta(days=120)
    refused = post(last_period_start=old.isoformat())
    assert "more than 3 months ago" in refused.content.decode()

    response = post(last_period_start=old.isoformat(), cycle_irregular="on")

    assert response.status_code == 302
    saved = AppointmentRequest.objects.get()
    assert saved.cycle_irregular
    assert saved.last_period_start is None


def test_the_form_shows_the_words_staff_edit_in_the_admin(client, clinic):
    from clinic.models import Page

    Page.objects.update_or_create(
        slug="appointments",
        defaults={
            "title": "Request an appointment",
            "meta_description": "Ask for an exam.",
            "intro": "Sending this form does **not** book a time yet.",
            "body": "## When your exam can be done\n\nDays 5 to 12 of your cycle.",
        },
    )
    body = client.get(URL).content.decode()
    assert "Sending this form does <strong>not</strong> book a time yet." in body
    assert "When your exam can be done" in body
    assert "business day" not in body

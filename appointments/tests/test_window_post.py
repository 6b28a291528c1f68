"""No health data in URLs: the window lookup is a CSRF-protected POST, and pages with a
signed token in their URL send no referrer."""

import re

import pytest
from django.test import Client

from appointments import tokens
from appointments.tests.factories import AppointmentRequestFactory

WINDOW_URL = "/appointments/request/window/"


def form_token(client) -> str:
    page = client.get("/appointments/request/").content.decode()
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)


def test_the_window_is_not_answered_for_a_date_in_the_url(client, clinic):
    response = client.get(WINDOW_URL, {"lmp": "2027-03-01"})

    assert response.status_code == 405


def test_the_window_post_needs_the_forms_csrf_token(clinic):
    client = Client(enforce_csrf_checks=True)
    client.get("/appointments/request/")  # the CSRF cookie

    refused = client.post(WINDOW_URL, {"lmp": "2027-03-01"})
    answered = client.post(
        WINDOW_URL, {"lmp": "2027-03-01", "csrfmiddlewaretoken": form_token(client)}
    )

    assert refused.status_code == 403
    assert answered.status_code == 200
    assert answered.json()["first"] == "2027-03-05"


def test_each_visitor_gets_a_token_of_their_own_even_with_the_page_cache(clinic):
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first_token, second_token = form_token(first), form_token(second)

    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value
    # A token only works with its own cookie: a page cached for one visitor would fail here.
    for client, token in ((first, first_token), (second, second_token)):
        response = client.post(WINDOW_URL, {"lmp": "2027-03-01", "csrfmiddlewaretoken": token})
        assert response.status_code == 200


def test_the_forms_script_posts_the_date_with_the_token():
    from django.conf import settings

    script = (settings.BASE_DIR / "static/js/appointment-form.js").read_text()

    assert 'method: "POST"' in script and "csrfmiddlewaretoken" in script
    assert '"?" + params' not in script


@pytest.fixture
def appointment(clinic):
    return AppointmentRequestFactory()


def test_the_confirmation_page_sends_no_referrer(client, appointment):
    response = client.get(
        f"/appointments/request/done/{tokens.confirmation_token(appointment.pk)}/"
    )

    assert response.status_code == 200
    assert response["Referrer-Policy"] == "no-referrer"


def test_every_state_of_the_manage_page_sends_no_referrer(client, appointment):
    url = f"/appointments/manage/{tokens.manage_token(appointment.pk)}/"

    asking = client.get(url)
    wrong = client.post(url, {"date_of_birth": "1991-01-01"})
    right = client.post(url, {"date_of_birth": "1990-03-14"})
    verified = client.get(url)
    expired = client.get("/appointments/manage/not-a-token/")

    for response in (asking, wrong, right, verified, expired):
        assert response["Referrer-Policy"] == "no-referrer", response.status_code


def test_other_pages_keep_the_site_wide_policy(client, clinic):
    assert client.get("/appointments/request/")["Referrer-Policy"] == "same-origin"


def test_the_manage_page_takes_its_own_form_posted_with_origin_null(appointment, settings):
    # A no-referrer page makes the browser send `Origin: null` with its form posts.
    settings.ALLOWED_HOSTS = ["testserver"]
    client = Client(enforce_csrf_checks=True)
    url = f"/appointments/manage/{tokens.manage_token(appointment.pk)}/"
    page = client.get(url).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)

    posted = client.post(
        url, {"csrfmiddlewaretoken": token, "date_of_birth": "1990-03-14"}, HTTP_ORIGIN="null"
    )
    without_token = Client(enforce_csrf_checks=True).post(
        url, {"date_of_birth": "1990-03-14"}, HTTP_ORIGIN="null"
    )

    assert posted.status_code == 302
    assert without_token.status_code == 403


def test_other_forms_still_refuse_origin_null(clinic):
    client = Client(enforce_csrf_checks=True)
    token = form_token(client)

    response = client.post(
        WINDOW_URL, {"lmp": "2027-03-01", "csrfmiddlewaretoken": token}, HTTP_ORIGIN="null"
    )

    assert response.status_code == 403

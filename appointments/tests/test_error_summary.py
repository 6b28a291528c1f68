"""A form that comes back with errors opens with a summary linking to each field."""

import re

import pytest
from django.forms import Field

from appointments.tests.helpers import valid_post

URL = "/appointments/request/"

DJANGO_STOCK = [
    str(Field.default_error_messages["required"]),
    "Enter a valid email address.",
    "Select a valid choice.",
    "Enter a valid date.",
    "Enter a whole number.",
]


@pytest.fixture
def post(client, clinic, hsg, aetna):
    def send(**changes):
        return client.post(URL, {**valid_post(hsg, aetna), **changes})

    return send


def summary_links(html: str) -> dict[str, str]:
    """{anchor: link text} of the error summary's links."""
    summary = re.search(r'<div class="alert alert-danger error-summary".*?</div>', html, re.S)
    assert summary, "no error summary on the page"
    return dict(re.findall(r'<a href="#([^"]+)">(.*?)</a>', summary.group(0), re.S))


def test_the_summary_links_to_each_field_with_a_problem(post):
    response = post(email="maria@", first_name="", phone="12")

    links = summary_links(response.content.decode())

    assert set(links) == {"id_first_name", "id_phone", "id_email"}
    assert links["id_email"] == "Email: Please enter an email address like name@example.com."
    assert links["id_first_name"] == "First name: Please fill this in."


def test_each_linked_field_exists_on_the_page(post):
    response = post(email="x", procedure="", insurance="")
    html = response.content.decode()

    links = summary_links(html)

    assert "id_procedure_0" in links  # a radio group: the first radio
    for anchor in links:
        assert f'id="{anchor}"' in html


def test_the_summary_can_take_the_focus_and_a_script_moves_it_there(post):
    html = post(first_name="").content.decode()

    assert re.search(r'class="alert alert-danger error-summary" role="alert" tabindex="-1"', html)
    assert "js/error-summary" in html


def test_no_message_is_djangos_stock_wording(post):
    response = post(
        procedure="999",
        email="not-an-email",
        preferred_time="night",
        insurance="",
        first_name="",
        last_name="",
        date_of_birth="14/14/1990",
        cycle_length="abc",
    )
    html = response.content.decode()

    assert response.status_code == 200
    for stock in DJANGO_STOCK:
        assert stock not in html


def test_a_valid_form_shows_no_summary(client, clinic):
    html = client.get(URL).content.decode()

    assert "data-error-summary" not in html

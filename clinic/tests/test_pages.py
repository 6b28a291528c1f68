"""Every public page: 200, its own title and description, one h1, canonical, facts."""

import pytest
from django.urls import reverse

from clinic.tests.factories import ClosureFactory
from clinic.tests.html import read

PAGES = ["home", "about", "location", "insurance", "faq", "contact", "privacy"]
URLS = {
    "home": "/",
    "about": "/about/",
    "location": "/location/",
    "insurance": "/insurance/",
    "faq": "/faq/",
    "contact": "/contact/",
    "privacy": "/privacy/",
}


@pytest.mark.parametrize("slug", PAGES)
def test_each_site_page_has_its_own_title_description_heading_and_canonical(
    client, content, settings, slug
):
    settings.SITE_URL = "https://www.hsgexam.com"
    page = content.pages[slug]

    response = client.get(URLS[slug])

    assert response.status_code == 200
    html = read(response)
    assert html.title.strip() == page.seo_title
    assert html.meta["description"] == page.meta_description
    assert html.h1s == [page.title]
    assert html.links["canonical"] == f"https://www.hsgexam.com{URLS[slug]}"
    assert page.intro in response.content.decode()


@pytest.mark.parametrize("path", URLS.values())
def test_each_site_page_has_landmarks_a_skip_link_and_the_booking_call_to_action(
    client, content, path
):
    html = read(client.get(path))

    assert {"header", "nav", "main", "footer"} <= set(html.landmarks)
    assert "#main" in html.hrefs and "main" in html.ids
    assert "/appointments/request/" in html.hrefs
    assert "tel:+12122462063" in html.hrefs
    assert not [
        s for s in html.scripts if "src" not in s and s.get("type") != "application/ld+json"
    ]


def test_a_page_without_its_row_still_shows_with_its_built_in_heading(client, content):
    content.pages["privacy"].delete()

    response = client.get("/privacy/")

    assert response.status_code == 200
    assert read(response).h1s == ["Privacy"]


def test_the_home_page_shows_the_procedures_as_cards_phone_address_and_hours(client, content):
    response = client.get("/")

    body = response.content.decode()
    for procedure in content.procedures:
        assert f'href="{procedure.get_absolute_url()}"' in body
        assert procedure.summary in body
    assert "(212) 246-2063" in body
    assert "200 West 57th Street, Suite 407" in body
    assert "Monday to Friday: 9:00 am to 5:00 pm" in body
    assert "Closed on major holidays" in body


def test_the_about_page_lists_the_publications_from_the_database(client, content):
    body = client.get("/about/").content.decode()

    publication = content.publications[0]
    assert publication.title in body
    assert publication.citation in body


def test_the_location_page_shows_a_map_link_the_week_and_upcoming_closures(client, content):
    ClosureFactory(reason="Staff training")

    response = client.get("/location/")

    html = read(response)
    body = response.content.decode()
    assert any(href.startswith("https://www.openstreetmap.org/") for href in html.hrefs)
    assert "<iframe" not in body
    assert '<th scope="row">Monday</th><td>9:00 am to 5:00 pm</td>' in body
    assert '<th scope="row">Sunday</th><td>Closed</td>' in body
    assert "Staff training" in body


def test_the_location_page_leaves_out_closures_that_are_over(client, content):
    import datetime

    ClosureFactory(
        first_day=datetime.date(2020, 1, 2), last_day=datetime.date(2020, 1, 3), reason="Old"
    )

    assert "Old" not in client.get("/location/").content.decode()


def test_the_insurance_page_lists_active_plans_and_prices(client, content):
    inactive = content.plans[0].__class__.objects.create(name="Gone Health", active=False)

    body = client.get("/insurance/").content.decode()

    assert "Aetna" in body
    assert "Oxford (excluding Community Plan)" in body
    assert inactive.name not in body
    assert "58340" in body and "$360" in body
    assert "74740" in body and "$220" in body
    assert "Lipiodol, one 10-mL vial" in body and "$1,700" in body


def test_a_script_in_admin_content_is_removed_from_the_page(client, content):
    page = content.pages["about"]
    page.body = '## Hello\n\n<script>alert(\'x\')</script>\n\n<a href="javascript:alert(1)" onclick="x()">link</a>'
    page.save()

    body = client.get("/about/").content.decode()

    assert "<script>alert" not in body
    assert "javascript:" not in body
    assert "onclick" not in body
    assert "<h2>Hello</h2>" in body


def test_text_fields_shown_raw_are_escaped(client, content):
    page = content.pages["privacy"]
    page.title = "<b>Privacy</b>"
    page.save()

    body = client.get("/privacy/").content.decode()

    assert "<h1>&lt;b&gt;Privacy&lt;/b&gt;</h1>" in body


def test_an_unknown_address_gets_the_friendly_404_page(client, content):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    html = read(response)
    assert html.h1s == ["Sorry, we could not find that page"]
    assert "/contact/" in html.hrefs and "/" in html.hrefs
    assert html.meta["robots"] == "noindex"


def test_the_500_page_renders_without_the_database(rf):
    # No `db` fixture: any query here would fail the test.
    from clinic.views import server_error

    response = server_error(rf.get("/"))

    assert response.status_code == 500
    assert b"Something went wrong" in response.content
    assert b"tel:+12122462063" in response.content


def test_the_contact_thanks_page_is_not_indexed(client, content):
    response = client.get(reverse("contact_thanks"))

    assert response.status_code == 200
    assert read(response).meta["robots"] == "noindex"

"""The real site, as the content migrations load it: the seed's key facts on its pages."""

import pytest

from clinic.facts import site_facts
from clinic.public_pages import CONTENT_PAGES
from clinic.tests.html import read

pytestmark = pytest.mark.django_db

PLANS = [
    "Aetna",
    "Anthem",
    "Blue Cross Blue Shield",
    "Cigna",
    "EmblemHealth GHI",
    "Empire Plan",
    "HIP",
    "Oxford (excluding Community Plan)",
    "Progyny",
    "Stork Club",
    "UMR",
    "UnitedHealthcare",
    "1199",
]


@pytest.mark.parametrize("path", CONTENT_PAGES)
def test_every_real_page_has_one_h1_its_own_title_and_the_practice_facts(client, path):
    response = client.get(path)

    assert response.status_code == 200
    html = read(response)
    body = response.content.decode()
    assert len(html.h1s) == 1
    assert html.title.strip() and len(html.title.strip()) <= 70
    assert 50 <= len(html.meta["description"]) <= 160
    assert html.links["canonical"].endswith(path)
    assert "(212) 246-2063" in body
    assert "200 West 57th Street, Suite 407" in body
    assert "New York, NY 10019" in body
    assert "9:00 am to 5:00 pm" in body
    assert "/appointments/request/" in html.hrefs


def test_the_real_pages_have_different_titles_and_descriptions(client):
    pages = [read(client.get(path)) for path in CONTENT_PAGES]

    assert len({page.title for page in pages}) == len(CONTENT_PAGES)
    assert len({page.meta["description"] for page in pages}) == len(CONTENT_PAGES)


def test_the_real_insurance_page_lists_every_plan_code_and_price(client):
    body = client.get("/insurance/").content.decode()

    for plan in PLANS:
        assert plan in body
    assert "58340" in body and "$360" in body
    assert "74740" in body and "$220" in body
    assert "$1,700" in body
    assert "10-mL vial" in body


def test_the_real_home_page_says_what_hsg_is_and_how_to_book(client):
    body = client.get("/").content.decode()

    assert "Hysterosalpingogram (HSG)" in body
    assert "40,000" in body
    assert "days 5 to 12" in body
    assert "info@hsgexam.com" in body
    assert "Klara" in body


def test_the_real_hsg_page_shows_preparation_questions_and_prices(client):
    body = client.get("/procedures/hsg/").content.decode()

    assert "Before your exam" in body and "After your exam" in body
    assert "30 to 60 minutes" in body
    assert "$360" in body and "$220" in body
    assert "Questions about HSG" in body


def test_the_real_lipiodol_page_shows_its_self_pay_price(client):
    body = client.get("/procedures/lipiodol-flush-hsg/").content.decode()

    assert "$1,700" in body
    assert "New England Journal of Medicine" in body


def test_the_real_about_page_lists_the_five_publications(client):
    body = client.get("/about/").content.decode()

    assert body.count("<cite>") == 5
    assert "Gadolinium for hysterosalpingography" in body
    assert "Fertil Steril. 2010;93:2065-8." in body
    assert "40,000" in body
    assert "15-o this item" not in body


def test_the_real_location_page_has_the_room_access_policy_and_a_map_link(client):
    response = client.get("/location/")

    body = response.content.decode()
    assert "fluoroscopy room" in body
    assert "waiting area" in body
    assert any(href.startswith("https://www.openstreetmap.org/") for href in read(response).hrefs)


def test_the_real_faq_has_anchors_for_every_question_and_faqpage_json_ld(client):
    from faq.models import Question

    response = client.get("/faq/")

    html = read(response)
    questions = list(Question.objects.published())
    assert questions
    for question in questions:
        assert question.slug in html.ids
    assert len(html.jsonld_of_type("FAQPage")["mainEntity"]) == len(questions)


@pytest.mark.parametrize("path", [p for p in CONTENT_PAGES if p != "/contact/"])
def test_real_pages_stay_within_three_queries_uncached_and_none_cached(
    client, django_assert_num_queries, path
):
    site_facts()
    # At most 3 queries on the real content too (no query per row), then none cached.
    with django_assert_num_queries(3, exact=False):
        client.get(path)
    with django_assert_num_queries(0):
        client.get(path)


def test_a_procedure_page_folds_its_questions_so_a_phone_page_stays_short(client):
    body = client.get("/procedures/hsg/").content.decode()
    questions = body.split('id="questions-heading"', 1)[1]
    assert questions.count('<details class="qa"') >= 5
    assert "<summary>" in questions
    # Each answer is still in the page (readable without JavaScript) and has an anchor.
    assert questions.count('<details class="qa" id="') == questions.count('<details class="qa"')

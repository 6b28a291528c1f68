"""The site in English and Spanish: URLs, the language link, hreflang, the sitemap,
JSON-LD, the fallback to English, and query budgets equal in both languages."""

import re

import pytest
from django.urls import reverse

from clinic import i18n
from clinic.facts import site_facts
from clinic.models import Page
from clinic.public_pages import CONTENT_PAGES, PUBLIC_PAGES, SPANISH_PAGES
from clinic.tests.html import read
from clinic.tests.test_caching import UNCACHED_BUDGETS
from conftest import otp_login
from faq.models import Question
from procedures.models import Procedure

pytestmark = pytest.mark.django_db


def alternates(body: str) -> dict[str, str]:
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', body))


def language_link(body: str) -> tuple[str, str]:
    found = re.search(r'<a class="language-link" href="([^"]+)" hreflang="([^"]+)"', body)
    assert found, "no language link on the page"
    return found.group(1), found.group(2)


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_every_public_page_is_english_at_its_url_and_spanish_under_es(client, path):
    english = client.get(path)
    spanish = client.get(f"/es{path}")

    assert english.status_code == spanish.status_code == 200
    assert '<html lang="en">' in english.content.decode()
    assert '<html lang="es">' in spanish.content.decode()
    assert english["Content-Language"] == "en"
    assert spanish["Content-Language"] == "es"


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_the_language_link_keeps_the_patient_on_the_same_page(client, path):
    assert language_link(client.get(path).content.decode()) == (f"/es{path}", "es")
    assert language_link(client.get(f"/es{path}").content.decode()) == (path, "en")


@pytest.mark.parametrize("path", CONTENT_PAGES)
def test_both_languages_name_each_other_as_hreflang_alternates(client, settings, path):
    expected = {
        "en": f"{settings.SITE_URL}{path}",
        "es": f"{settings.SITE_URL}/es{path}",
        "x-default": f"{settings.SITE_URL}{path}",
    }

    assert alternates(client.get(path).content.decode()) == expected
    assert alternates(client.get(f"/es{path}").content.decode()) == expected


def test_the_browsers_language_never_chooses_the_page_language(client):
    # A Spanish-speaking browser asking for the English address gets English, and the
    # page does not vary by Accept-Language: the visible link is the only way across.
    response = client.get("/faq/", HTTP_ACCEPT_LANGUAGE="es-US,es;q=0.9")

    assert '<html lang="en">' in response.content.decode()
    assert "Accept-Language" not in response.get("Vary", "")
    assert "django_language" not in response.cookies


def test_the_admin_stays_in_english_and_has_no_spanish_address(client):
    assert client.get("/es/admin/").status_code == 404
    assert client.get("/admin/login/").headers["Content-Language"] == "en"


def test_spanish_pages_show_the_spanish_content_and_words(client):
    body = client.get("/es/procedures/hsg/").content.decode()

    assert "Histerosalpingografía (HSG)" in body
    assert "Antes de su examen" in body  # a template string, from the .po file
    assert "Pedir una cita" in body
    assert 'href="/es/appointments/request/"' in body
    assert "Before your exam" not in body
    # Facts stay exact in Spanish.
    assert "58340" in body and "$360" in body and "(212) 246-2063" in body


def test_the_spanish_hours_and_dates_read_in_spanish(client):
    body = client.get("/es/location/").content.decode()

    assert "Lunes al viernes: 9:00 a. m. a 5:00 p. m." in body
    assert "Cerrado los días feriados principales" in body


def test_a_missing_spanish_text_falls_back_to_english(client):
    procedure = Procedure.objects.get(slug="pro-nox")
    procedure.summary_es = ""
    procedure.body_es = ""
    procedure.save()

    body = client.get("/es/procedures/pro-nox/").content.decode()

    assert "<h1>Pro-Nox para su comodidad</h1>" in body  # still Spanish where it exists
    assert "Pro-Nox is a mix of two gases" in body  # English where it does not


def test_staff_see_every_missing_spanish_text_listed(client, staff_user):
    otp_login(client, staff_user)
    assert b"Every text has its Spanish" in client.get(reverse("missing_spanish")).content

    question = Question.objects.get(slug="what-is-an-hsg")
    question.answer_es = ""
    question.save()
    body = client.get(reverse("missing_spanish")).content.decode()

    assert "What is an HSG?" in body
    assert reverse("admin:faq_question_change", args=[question.pk]) in body
    assert "1 text to write" in body


def test_the_content_migrations_leave_no_text_without_its_spanish():
    assert i18n.missing_translations() == []


def test_a_localized_copy_never_writes_spanish_into_the_english_column():
    page = Page.objects.get(slug="about")
    spanish = i18n.localized(page, "es")

    assert spanish.title == "Quiénes somos"
    assert page.title == "About us"
    assert Page.objects.get(slug="about").title == "About us"
    with pytest.raises(RuntimeError):
        spanish.save()


def test_the_sitemap_lists_both_languages_with_their_alternates(client, settings):
    body = client.get("/sitemap.xml").content.decode()

    assert f"<loc>{settings.SITE_URL}/es/procedures/hsg/</loc>" in body
    assert f"<loc>{settings.SITE_URL}/procedures/hsg/</loc>" in body
    assert f'<xhtml:link rel="alternate" hreflang="es" href="{settings.SITE_URL}/es/faq/"/>' in body
    assert 'hreflang="x-default"' in body


def test_json_ld_says_the_language_of_the_page(client):
    english = read(client.get("/procedures/hsg/")).jsonld
    spanish = read(client.get("/es/procedures/hsg/")).jsonld

    assert {block["inLanguage"] for block in english} == {"en"}
    assert {block["inLanguage"] for block in spanish} == {"es"}
    procedure = next(block for block in spanish if block["@type"] == "MedicalProcedure")
    assert procedure["name"] == "Histerosalpingografía (HSG)"
    faq = next(b for b in read(client.get("/es/faq/")).jsonld if b["@type"] == "FAQPage")
    assert faq["mainEntity"][0]["name"].startswith("¿")


@pytest.mark.parametrize(("path", "queries", "why"), UNCACHED_BUDGETS)
def test_a_spanish_page_makes_exactly_the_queries_of_its_english_page(
    client, django_assert_num_queries, path, queries, why
):
    # The Spanish text sits in the same rows (the `_es` columns): no extra query.
    client.get(path)
    site_facts()  # the Spanish facts, as after any earlier Spanish page view

    from django.utils import translation

    with translation.override("es"):
        site_facts()
    with django_assert_num_queries(queries):
        response = client.get(f"/es{path}")

    assert response.status_code == 200


@pytest.mark.parametrize("path", [f"/es{path}" for path, _, _ in UNCACHED_BUDGETS])
def test_a_cached_spanish_page_makes_no_queries_and_stays_spanish(
    client, django_assert_num_queries, path
):
    client.get(path[3:])  # the English page cached first must not answer for Spanish
    client.get(path)

    with django_assert_num_queries(0):
        response = client.get(path)

    assert '<html lang="es">' in response.content.decode()


def test_the_spanish_public_pages_list_mirrors_the_english_one():
    assert SPANISH_PAGES == tuple(f"/es{path}" for path in PUBLIC_PAGES)
    assert i18n.path_in("/es/faq/", "en") == "/faq/"
    assert i18n.path_in("/", "es") == "/es/"
    assert i18n.strip_language("/es") == "/"
    assert i18n.path_language("/estimates/") == "en"


@pytest.mark.parametrize("path", ["/es/contact/", "/es/appointments/request/"])
def test_the_spanish_forms_are_never_stored_by_a_browser_or_proxy(client, path):
    assert "no-store" in client.get(path)["Cache-Control"]


def test_robots_keeps_the_spanish_manage_pages_out_of_search_engines(client):
    assert "Disallow: /es/appointments/manage/" in client.get("/robots.txt").content.decode()


@pytest.mark.parametrize("path", [f"/es{path}" for path in CONTENT_PAGES])
def test_each_spanish_page_reads_fairly_easy_or_better(client, path):
    from clinic.management.commands.readability import html_text, spanish_scores

    text = html_text(client.get(path).content.decode())
    fernandez_huerta, szigriszt_pazos, words = spanish_scores(text)

    # "Fairly easy" starts at 70 on Fernández-Huerta's scale and at 65 on INFLESZ's
    # (Szigriszt-Pazos); `manage.py readability` prints the figures.
    assert words > 100
    assert fernandez_huerta >= 70, (path, fernandez_huerta)
    assert szigriszt_pazos >= 65, (path, szigriszt_pazos)

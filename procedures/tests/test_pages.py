import pytest

from clinic.tests.factories import PriceFactory
from clinic.tests.html import read
from faq.tests.factories import QuestionFactory


def test_the_procedures_page_lists_every_published_procedure(client, content):
    hidden = content.procedures[1]
    hidden.published = False
    hidden.save()

    response = client.get("/procedures/")

    assert response.status_code == 200
    html = read(response)
    assert html.h1s == ["Our procedures"]
    assert html.meta["description"].startswith("The exams and treatments we offer")
    assert html.links["canonical"].endswith("/procedures/")
    for procedure in content.procedures:
        assert (procedure.get_absolute_url() in html.hrefs) is procedure.published


@pytest.mark.parametrize(
    "slug", ["hsg", "lipiodol-flush-hsg", "fallopian-tube-recanalization", "pro-nox"]
)
def test_each_procedure_page_has_its_title_description_heading_and_canonical(
    client, content, settings, slug
):
    settings.SITE_URL = "https://www.hsgexam.com"
    procedure = next(p for p in content.procedures if p.slug == slug)

    response = client.get(f"/procedures/{slug}/")

    assert response.status_code == 200
    html = read(response)
    assert html.title.strip() == procedure.seo_title
    assert html.meta["description"] == procedure.meta_description
    assert html.h1s == [procedure.name]
    assert html.links["canonical"] == f"https://www.hsgexam.com/procedures/{slug}/"
    assert "/appointments/request/" in html.hrefs
    assert f"How {procedure.short_name} works" in response.content.decode()


def test_a_bookable_procedure_shows_before_and_after_your_exam(client, content):
    body = client.get("/procedures/hsg/").content.decode()

    assert "Before your exam" in body
    assert "Take a pain reliever 30 to 60 minutes before." in body
    assert "After your exam" in body
    assert "Bring a pad for light spotting." in body


def test_a_procedure_that_is_not_bookable_leaves_out_the_preparation(client, content):
    body = client.get("/procedures/pro-nox/").content.decode()

    assert "Before your exam" not in body
    assert "After your exam" not in body


def test_a_procedure_page_shows_its_own_questions_and_prices(client, content):
    QuestionFactory(category=content.category, question="Unrelated?", procedure=content.pro_nox)
    PriceFactory(code="99999", label="Inactive price", procedure=content.hsg, active=False)

    body = client.get("/procedures/hsg/").content.decode()

    assert "Do I need to fast?" in body
    assert "No. You can eat and drink as usual." in body
    assert "Unrelated?" not in body
    assert "58340" in body and "$360" in body
    assert "74740" in body and "$220" in body
    assert "99999" not in body


def test_an_unknown_or_unpublished_procedure_is_a_404(client, content):
    content.pro_nox.published = False
    content.pro_nox.save()

    assert client.get("/procedures/pro-nox/").status_code == 404
    assert client.get("/procedures/no-such-thing/").status_code == 404


def test_a_procedure_page_carries_medical_procedure_json_ld(client, content, settings):
    settings.SITE_URL = "https://www.hsgexam.com"

    html = read(client.get("/procedures/hsg/"))

    data = html.jsonld_of_type("MedicalProcedure")
    assert data["@context"] == "https://schema.org"
    assert data["name"] == "Hysterosalpingogram (HSG)"
    assert data["url"] == "https://www.hsgexam.com/procedures/hsg/"
    assert data["preparation"] == "Take a pain reliever 30 to 60 minutes before."
    assert html.jsonld_of_type("MedicalClinic")["telephone"] == "+12122462063"

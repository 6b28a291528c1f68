from clinic.tests.html import read
from faq.tests.factories import CategoryFactory, QuestionFactory


def test_the_faq_groups_questions_by_category_in_order(client, content):
    later = CategoryFactory(name="After the exam", slug="after", order=2)
    QuestionFactory(category=later, question="Can I go back to work?", slug="work")

    response = client.get("/faq/")

    assert response.status_code == 200
    body = response.content.decode()
    order = [
        '<h2 id="before-heading">Before the exam</h2>',
        "<h3>Do I need to fast?</h3>",
        "<h3>What should I bring?</h3>",
        '<h2 id="after-heading">After the exam</h2>',
        "<h3>Can I go back to work?</h3>",
    ]
    assert [body.index(piece) for piece in order] == sorted(body.index(p) for p in order)


def test_each_question_is_linkable_by_its_anchor_and_readable_without_javascript(client, content):
    response = client.get("/faq/")

    html = read(response)
    body = response.content.decode()
    for question in content.questions:
        assert question.slug in html.ids
        assert f"#{question.slug}" in html.hrefs
    # Answers are plain text on the page, not hidden in a closed <details>.
    assert "<details" not in body
    assert "No. You can eat and drink as usual." in body
    assert [s for s in html.scripts if "src" in s] == []


def test_an_unpublished_question_is_not_shown(client, content):
    QuestionFactory(category=content.category, question="Draft question?", published=False)

    assert "Draft question?" not in client.get("/faq/").content.decode()


def test_the_faq_has_its_title_description_heading_and_canonical(client, content):
    page = content.pages["faq"]

    html = read(client.get("/faq/"))

    assert html.title.strip() == page.seo_title
    assert html.meta["description"] == page.meta_description
    assert html.h1s == [page.title]
    assert html.links["canonical"].endswith("/faq/")


def test_the_faq_carries_faqpage_json_ld_with_every_question(client, content):
    html = read(client.get("/faq/"))

    data = html.jsonld_of_type("FAQPage")
    assert [q["name"] for q in data["mainEntity"]] == [q.question for q in content.questions]
    first = data["mainEntity"][0]
    assert first["@type"] == "Question"
    assert first["acceptedAnswer"] == {
        "@type": "Answer",
        "text": "No. You can eat and drink as usual.",
    }

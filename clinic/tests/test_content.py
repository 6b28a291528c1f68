"""The content loaded by the data migrations: every seed fact, no debris, plain language."""

import re
from io import StringIO

import pytest
from django.core.management import call_command

from clinic.management.commands.readability import html_text, markdown_text, scores
from clinic.models import InsurancePlan, OpeningHours, Page, Practice, Price, Publication
from clinic.public_pages import PROCEDURE_SLUGS, PUBLIC_PAGES
from clinic.rendering import ALLOWED_TAGS, render_markdown
from clinic.safety import warning_signs_text
from faq.models import Category, Question
from procedures.models import Procedure

PAGE_SLUGS = ["home", "about", "location", "insurance", "faq", "contact", "privacy"]
PAGE_SLUGS += ["appointments"]
PLANS = [
    "Aetna",
    "Anthem",
    "Blue Cross Blue Shield",
    "Cigna",
    "EmblemHealth GHI",
    "Empire Plan",
    "HIP",
    "Oxford",
    "Progyny",
    "Stork Club",
    "UMR",
    "UnitedHealthcare",
    "1199",
]
CITATIONS = [
    (
        "Hysterosalpingography versus sonohysterography for intrauterine abnormalities",
        "Acholonu UC, Silberzweig J, Stein DE, Keltz M. JSLS. 2011;15:471-4.",
    ),
    (
        "Hysterosalpingography with selective salpingography",
        "Vardhana PA, Silberzweig JE, Guarnaccia M, Sauer MV. J Reprod Med. 2009;54:126-32.",
    ),
    (
        "Hysterosalpingography with use of mobile C-arm fluoroscopy",
        "Phillips J, Cochavi S, Silberzweig JE. Fertil Steril. 2010;93:2065-8.",
    ),
    (
        "Cesarean section scar diverticulum: appearance on hysterosalpingography",
        "Surapaneni K, Silberzweig JE. AJR Am J Roentgenol. 2008;190:870-4.",
    ),
    (
        "Gadolinium for hysterosalpingography",
        "Silberzweig JE, Khorsandi AS, Caldon M, Alam S. J Reprod Med. 2008;53:15.",
    ),
]

# Facts from ../shared/CONTENT.md, as they must read (numbers, names, codes: exact).
EXACT_FACTS = [
    "Interventional Radiology, P.C.",
    "200 West 57th Street",
    "Suite 407",
    "New York, NY 10019",
    "(212) 246-2063",
    "info@hsgexam.com",
    "Klara",
    "9:00 am to 5:00 pm",
    "58340",
    "$360",
    "74740",
    "$220",
    "$1,700",
    "10-mL",
    "Guerbet Lipiodol",
    "New England Journal of Medicine",
    "25%",
    "35%",
    "Tylenol (acetaminophen)",
    "30 to 60 minutes",
    "3 to 4 hours",
    "2 to 3 times",
    "40,000",
    "Pro-Nox",
    "911",
    "days 5 to 12",
    "12",
    *PLANS,
    "excluding Community Plan",
]
# The same facts in words: matched ignoring case, so a sentence may start with them.
PHRASES = [
    "closed on major holidays",
    "billed together",
    "oil-based contrast",
    "do not cover Lipiodol",
    "water-soluble contrast",
    "open and of normal size",
    "do not need to fast",
    "under five minutes",
    "spotting for a day or two",
    "right after the exam",
    "written report",
    "fax the report to the doctor who sent you",
    "text you afterwards",
    "fever or chills",
    "heavy bleeding",
    "severe pain, or pain that gets worse",
    "hives, swelling or trouble breathing",
    "not normal after an exam",
    "call us at once",
    "nearest emergency room",
    "do not need to avoid sex (intercourse)",
    "unexplained infertility",
    "gadolinium",
    "not as a rule",
    "pelvic infection",
    "insurance card and a photo ID",
    "referral or authorization forms",
    "comfortable clothes",
    "sanitary pads",
    "over-the-counter pain reliever",
    "fluoroscopy room",
    "waiting area",
    "nitrous oxide and oxygen",
    "mouthpiece",
    "within seconds",
    "within minutes",
    "no lingering drowsiness",
    "over 40,000 HSG exams",
    "lower the X-ray dose",
    "more comfortable",
    "selective salpingography",
    "proximal tube",
    "thin wire",
    "block again",
    "IVF (in vitro fertilization)",
    "laparoscopy",
    "general anesthesia",
    "hysteroscopy",
    "sonohysterography",
    "ultrasound",
    "infertility",
    "miscarriage",
    "day 1 is the first day of bleeding",
    "before you ovulate",
    "lowers the chance that an early pregnancy is exposed",
    "tell us if you might be pregnant",
    "shorter than 26 days",
    "if it is safe for you",
    "follow the label",
    "skip ibuprofen if you are allergic to it or a doctor told you to avoid it",
    "Lipiodol contains iodine",
    "reply STOP",
    "reCAPTCHA",
    "Privacy Policy",
]
# Debris and wrong claims from the old site that must never come back.
FORBIDDEN = [
    "most receptive",
    "Add an answer",
    "isinjected",
    "15-o",
    "days 6",
    "6-12",
    "6–12",
    "this item",
    "we use cookies to analyze",
    # Claims the practice never made, and a promise no timing can keep.
    "cannot be exposed",
    "we check your insurance",
    "check coverage",
]


def stored_text() -> str:
    """Every word the site stores: pages, procedures, FAQ and the practice's facts."""
    parts = []
    for page in Page.objects.all():
        parts += [page.title, page.seo_title, page.meta_description, page.intro, page.body]
    for proc in Procedure.objects.all():
        parts += [proc.name, proc.short_name, proc.seo_title, proc.meta_description]
        parts += [proc.summary, proc.body, proc.preparation_before, proc.preparation_after]
    parts += [c.name for c in Category.objects.all()]
    for question in Question.objects.published():
        parts += [question.question, question.answer]
    practice = Practice.objects.current()
    parts += [practice.name, practice.phone, practice.email, practice.address_line]
    parts += [practice.texting_note, practice.texting_line]
    # The one warning-signs block the pages, the FAQ and emails show (clinic/safety.py).
    parts += [warning_signs_text(practice.phone, practice.after_hours_phone)]
    parts += [str(hours) for hours in OpeningHours.objects.all()]
    parts += [str(plan) for plan in InsurancePlan.objects.all()]
    for price in Price.objects.all():
        parts += [price.code, price.label, price.amount_display, price.note]
    for paper in Publication.objects.all():
        parts += [paper.title, paper.citation]
    return "\n".join(parts)


def markdown_fields():
    for page in Page.objects.all():
        yield f"page {page.slug} intro", page.intro
        yield f"page {page.slug} body", page.body
    for proc in Procedure.objects.all():
        for field in ["body", "preparation_before", "preparation_after"]:
            yield f"procedure {proc.slug} {field}", getattr(proc, field)
    for question in Question.objects.all():
        yield f"question {question.slug}", question.answer


@pytest.mark.parametrize("fact", EXACT_FACTS)
def test_every_seed_fact_appears_exactly(db, fact):
    assert fact in stored_text()


@pytest.mark.parametrize("phrase", PHRASES)
def test_every_seed_fact_in_words_appears(db, phrase):
    assert phrase.lower() in stored_text().lower()


@pytest.mark.parametrize("debris", FORBIDDEN)
def test_no_debris_or_wrong_claim_from_the_old_site_remains(db, debris):
    assert debris.lower() not in stored_text().lower()


def test_the_phone_number_is_never_cut_off(db):
    assert re.search(r"246-206(?!3)", stored_text()) is None


def test_every_cycle_window_mentioned_is_days_5_to_12(db):
    text = stored_text()
    windows = re.findall(r"days? (\d+) (?:to|and|through|-|–) (\d+)", text, re.IGNORECASE)
    assert windows
    assert set(windows) == {("5", "12")}
    practice = Practice.objects.current()
    assert (practice.window_start_day, practice.window_end_day) == (5, 12)


def test_every_loaded_row_passes_model_validation(db):
    # SQLite does not enforce max_length; full_clean() does, as PostgreSQL would.
    models = [Practice, OpeningHours, InsurancePlan, Price, Publication, Page]
    models += [Procedure, Category, Question]
    for model in models:
        rows = list(model.objects.all())
        assert rows, model.__name__
        for row in rows:
            row.full_clean()


def test_the_practice_row_holds_the_contact_facts(db):
    assert Practice.objects.count() == 1
    practice = Practice.objects.current()
    assert practice.name == "Interventional Radiology, P.C."
    assert practice.phone == "(212) 246-2063"
    assert practice.phone_e164 == "+12122462063"
    assert practice.email == "info@hsgexam.com"
    assert practice.address_line == "200 West 57th Street, Suite 407, New York, NY 10019"


def test_the_office_is_open_nine_to_five_monday_to_friday(db):
    hours = OpeningHours.objects.open_weekdays()
    assert sorted(hours) == [0, 1, 2, 3, 4]
    assert {
        (opens.strftime("%H:%M"), closes.strftime("%H:%M")) for opens, closes in hours.values()
    } == {("09:00", "17:00")}


def test_the_thirteen_plans_are_listed_in_the_seeds_order(db):
    plans = list(InsurancePlan.objects.active())
    assert [plan.name for plan in plans] == PLANS
    assert str(plans[PLANS.index("Oxford")]) == "Oxford (excluding Community Plan)"
    assert [plan.note for plan in plans].count("") == 12


def test_the_prices_carry_the_seeds_codes_and_amounts(db):
    prices = {(p.code, p.amount_display): p for p in Price.objects.active()}
    assert set(prices) == {("58340", "$360"), ("74740", "$220"), ("", "$1,700")}
    assert "catheter" in prices["58340", "$360"].label.lower()
    assert "radiologist" in prices["74740", "$220"].label.lower()
    for code in ["58340", "74740"]:
        price = Price.objects.get(code=code)
        assert "billed together" in price.note.lower()
        assert price.procedure.slug == "hsg"
    lipiodol = prices["", "$1,700"]
    assert "one 10-mL vial of Guerbet Lipiodol" in lipiodol.label
    assert "do not cover" in lipiodol.note
    assert lipiodol.procedure.slug == "lipiodol-flush-hsg"


@pytest.mark.parametrize(("title", "citation"), CITATIONS)
def test_each_publication_is_cited_as_the_seed_gives_it(db, title, citation):
    assert Publication.objects.get(title=title).citation == citation


def test_the_publications_keep_the_seeds_order(db):
    assert [p.title for p in Publication.objects.all()] == [title for title, _ in CITATIONS]


def test_the_four_procedures_have_their_slugs_kinds_and_order(db):
    rows = [(p.slug, p.kind, p.bookable, p.order) for p in Procedure.objects.published()]
    assert rows == [
        ("hsg", "diagnostic", True, 1),
        ("lipiodol-flush-hsg", "diagnostic", True, 2),
        ("fallopian-tube-recanalization", "treatment", True, 3),
        ("pro-nox", "comfort", False, 4),
    ]


def test_each_bookable_procedure_says_how_to_prepare_and_what_comes_after(db):
    for proc in Procedure.objects.bookable():
        assert "30 to 60 minutes" in proc.preparation_before
        assert "insurance card" in proc.preparation_before
        assert "might be pregnant" in proc.preparation_before
        assert "if it is safe for you" in proc.preparation_before
        assert "text you afterwards" in proc.preparation_after
    assert "3 to 4 hours" in Procedure.objects.get(slug="hsg").preparation_after


@pytest.mark.parametrize("slug", ["lipiodol-flush-hsg", "fallopian-tube-recanalization"])
def test_ftr_and_lipiodol_after_care_is_not_the_hsgs_copied_over(db, slug):
    hsg = Procedure.objects.get(slug="hsg").preparation_after
    after = Procedure.objects.get(slug=slug).preparation_after
    assert after != hsg
    # The seed gives these for the HSG only: nothing of them is claimed here.
    for hsg_only in ["3 to 4 hours", "spotting", "contrast may also leak", "fax the report"]:
        assert hsg_only in hsg
        assert hsg_only not in after
    assert "ask the doctor" in after.lower()


def test_each_procedure_has_a_unique_short_meta_description(db):
    descriptions = [p.meta_description for p in Procedure.objects.all()]
    assert len(descriptions) == 4
    assert len(set(descriptions)) == 4
    assert all(0 < len(d) <= 160 for d in descriptions)


def test_each_page_has_a_unique_seo_title_and_meta_description(db):
    pages = {p.slug: p for p in Page.objects.published()}
    assert sorted(pages) == sorted(PAGE_SLUGS)
    titles = [p.seo_title for p in pages.values()]
    descriptions = [p.meta_description for p in pages.values()]
    assert len(set(titles)) == len(titles)
    assert len(set(descriptions)) == len(descriptions)
    assert all(0 < len(t) <= 60 for t in titles)
    assert all(120 <= len(d) <= 155 for d in descriptions), [len(d) for d in descriptions]


def test_every_faq_slug_is_unique_and_every_category_has_questions(db):
    slugs = list(Question.objects.values_list("slug", flat=True))
    assert len(slugs) >= 40
    assert len(slugs) == len(set(slugs))
    assert all(category.questions.exists() for category in Category.objects.all())


@pytest.mark.parametrize(
    ("slug", "procedure"),
    [
        ("what-is-an-hsg", "hsg"),
        ("why-days-5-to-12", "hsg"),
        ("what-if-i-am-allergic-to-contrast", "hsg"),
        ("do-i-need-antibiotics", "hsg"),
        ("does-insurance-cover-lipiodol", "lipiodol-flush-hsg"),
        ("can-everyone-have-lipiodol", "lipiodol-flush-hsg"),
        ("what-is-fallopian-tube-recanalization", "fallopian-tube-recanalization"),
        ("will-pro-nox-make-me-sleepy", "pro-nox"),
        ("when-should-i-call-after-my-exam", None),
        ("can-someone-come-into-the-exam-room", None),
    ],
)
def test_faq_questions_are_tied_to_their_procedure(db, slug, procedure):
    question = Question.objects.get(slug=slug)
    assert (question.procedure.slug if question.procedure else None) == procedure


def test_the_faq_says_what_an_hsg_cannot_show(db):
    answer = Question.objects.get(slug="can-an-hsg-find-fibroids-or-endometriosis").answer
    assert "bulge into the inside of the uterus" in answer
    for limit in ["ovaries", "endometriosis", "wall of the uterus"]:
        assert limit in answer


def test_every_markdown_field_renders_through_the_sanitizer_without_raw_html(db):
    tag = re.compile(r"<\s*/?\s*([a-zA-Z][a-zA-Z0-9]*)")
    fields = list(markdown_fields())
    assert len(fields) > 50
    for label, source in fields:
        assert not tag.search(source), f"raw HTML in {label}"
        assert not re.search(r"^(#|#{4,})[^#]", source, re.MULTILINE), f"heading level in {label}"
        html = str(render_markdown(source))
        assert set(tag.findall(html)) <= ALLOWED_TAGS - {"h1"}, label
        if source.strip():
            assert html_text(html, only_main=False), f"{label} renders empty"


@pytest.mark.parametrize("slug", PAGE_SLUGS)
def test_each_page_reads_at_us_grade_8_or_below(db, slug):
    page = Page.objects.get(slug=slug)
    grade, _, words = scores(markdown_text(page.intro, page.body))
    assert words > 10
    assert grade <= 8.5


@pytest.mark.parametrize("slug", PROCEDURE_SLUGS)
def test_each_procedure_reads_at_us_grade_8_or_below(db, slug):
    proc = Procedure.objects.get(slug=slug)
    text = markdown_text(proc.summary, proc.body, proc.preparation_before, proc.preparation_after)
    grade, _, words = scores(text)
    assert words > 100
    assert grade <= 8.5


def test_the_faq_answers_read_at_us_grade_8_or_below(db):
    answers = [f"{q.question}\n\n{q.answer}" for q in Question.objects.all()]
    grade, _, words = scores(markdown_text(*answers))
    assert words > 1000
    assert grade <= 8.5


def test_the_text_extractor_reads_only_main_and_ends_each_block():
    html = (
        "<header>Menu</header><main><h2>Before your exam</h2><ul><li>Bring a pad</li></ul>"
        "<script>var x = 1;</script><p>Call us.</p></main><footer>Footer</footer>"
    )
    assert html_text(html) == "Before your exam. Bring a pad. Call us."


def test_a_hard_sentence_scores_a_higher_grade_than_a_plain_one():
    plain, *_ = scores(
        "You lie on a table. The doctor puts in a thin tube. It takes a few minutes."
    )
    hard, *_ = scores(
        "Hysterosalpingography subsequently necessitates the intrauterine administration "
        "of radiopaque iodinated contrast medium under continuous fluoroscopic visualization."
    )
    assert plain < 6 < hard


def test_the_readability_command_prints_every_page_and_every_stored_source(db):
    out = StringIO()
    call_command("readability", stdout=out)
    printed = out.getvalue()
    for path in PUBLIC_PAGES:
        assert re.search(rf"^{re.escape(path)}\s", printed, re.MULTILINE), path
    for slug in PAGE_SLUGS:
        assert re.search(rf"^page:{slug}\s+\d+\.\d\s+-?\d+\.\d\s+\d+$", printed, re.MULTILINE)
    for slug in PROCEDURE_SLUGS:
        assert re.search(rf"^procedure:{slug}\s+\d+\.\d", printed, re.MULTILINE)
    assert "faq:all answers" in printed

"""Site content built with factories, on an empty site.

The content migrations load the real site into the test database; these fixtures
first remove it, so that each test knows exactly what the pages should show.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

import pytest

from clinic import models
from clinic.pages import DEFAULTS
from clinic.tests.factories import (
    InsurancePlanFactory,
    OpeningHoursFactory,
    PageFactory,
    PracticeFactory,
    PriceFactory,
    PublicationFactory,
)
from faq.models import Category, Question
from faq.tests.factories import CategoryFactory, QuestionFactory
from procedures.models import Procedure
from procedures.tests.factories import ProcedureFactory


def empty_site() -> None:
    """Delete every content row the migrations loaded."""
    Question.objects.all().delete()
    Category.objects.all().delete()
    models.Price.objects.all().delete()
    Procedure.objects.all().delete()
    for model in (
        models.Page,
        models.Publication,
        models.InsurancePlan,
        models.Closure,
        models.OpeningHours,
        models.Practice,
    ):
        model.objects.all().delete()


@dataclass
class Content:
    practice: models.Practice
    pages: dict[str, models.Page]
    hsg: Procedure
    pro_nox: Procedure
    procedures: list[Procedure]
    plans: list[models.InsurancePlan]
    prices: list[models.Price]
    publications: list[models.Publication]
    category: Category
    questions: list[Question]


@pytest.fixture
def content(db) -> Content:
    empty_site()
    practice = PracticeFactory()
    for weekday in range(5):
        OpeningHoursFactory(weekday=weekday, opens=datetime.time(9), closes=datetime.time(17))
    pages = {slug: PageFactory(slug=slug) for slug in [*DEFAULTS, "appointments"]}
    hsg = ProcedureFactory(slug="hsg", name="Hysterosalpingogram (HSG)", short_name="HSG")
    lipiodol = ProcedureFactory(slug="lipiodol-flush-hsg", name="Lipiodol flush HSG")
    ftr = ProcedureFactory(
        slug="fallopian-tube-recanalization",
        name="Fallopian tube recanalization (FTR)",
        kind=Procedure.Kind.TREATMENT,
    )
    pro_nox = ProcedureFactory(
        slug="pro-nox", name="Pro-Nox", kind=Procedure.Kind.COMFORT, bookable=False
    )
    plans = [
        InsurancePlanFactory(name="Aetna"),
        InsurancePlanFactory(name="Oxford", note="excluding Community Plan"),
    ]
    prices = [
        PriceFactory(
            code="58340", label="Catheter and contrast", amount=Decimal(360), procedure=hsg
        ),
        PriceFactory(code="74740", label="Reading the images", amount=Decimal(220), procedure=hsg),
        PriceFactory(
            code="", label="Lipiodol, one 10-mL vial", amount=Decimal(1700), procedure=lipiodol
        ),
    ]
    publications = [PublicationFactory(title="Gadolinium for hysterosalpingography")]
    category = CategoryFactory(name="Before the exam", slug="before", order=1)
    questions = [
        QuestionFactory(
            category=category,
            question="Do I need to fast?",
            slug="fasting",
            answer="No. You can eat and drink as usual.",
            procedure=hsg,
        ),
        QuestionFactory(category=category, question="What should I bring?", slug="bring"),
    ]
    return Content(
        practice=practice,
        pages=pages,
        hsg=hsg,
        pro_nox=pro_nox,
        procedures=[hsg, lipiodol, ftr, pro_nox],
        plans=plans,
        prices=prices,
        publications=publications,
        category=category,
        questions=questions,
    )

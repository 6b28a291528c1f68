from itertools import groupby

from django.shortcuts import render
from django.views.decorators.http import require_safe

from clinic.caching import cached_page
from clinic.i18n import localized
from clinic.pages import page_for
from faq.models import Question


def _localized_question(question: Question) -> Question:
    """The question, its category and its procedure in the language being served."""
    clone = localized(question)
    clone.category = localized(question.category)
    if question.procedure_id:
        clone.procedure = localized(question.procedure)
    return clone


@require_safe
@cached_page
def index(request):
    questions = [
        _localized_question(question)
        for question in Question.objects.published()
        .select_related("category", "procedure")
        .order_by("category__order", "category__name", "category_id", "order", "pk")
    ]
    groups = [
        (category, list(items))
        for category, items in groupby(questions, key=lambda question: question.category)
    ]
    context = {"page": page_for("faq"), "groups": groups, "questions": questions}
    return render(request, "faq/index.html", context)

from itertools import groupby

from django.shortcuts import render
from django.views.decorators.http import require_safe

from clinic.caching import cached_page
from clinic.pages import page_for
from faq.models import Question


@require_safe
@cached_page
def index(request):
    questions = list(
        Question.objects.published()
        .select_related("category", "procedure")
        .order_by("category__order", "category__name", "category_id", "order", "pk")
    )
    groups = [
        (category, list(items))
        for category, items in groupby(questions, key=lambda question: question.category)
    ]
    context = {"page": page_for("faq"), "groups": groups, "questions": questions}
    return render(request, "faq/index.html", context)

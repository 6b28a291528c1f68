from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from clinic.caching import cached_page
from clinic.models import Price
from clinic.pages import page_for
from faq.models import Question
from procedures.models import Procedure


@require_safe
@cached_page
def home(request):
    """The site's home page: the practice's words and its procedures."""
    context = {"page": page_for("home"), "procedures": list(Procedure.objects.published())}
    return render(request, "clinic/home.html", context)


@require_safe
@cached_page
def index(request):
    procedures = list(Procedure.objects.published())
    return render(request, "procedures/index.html", {"procedures": procedures})


@require_safe
@cached_page
def detail(request, slug):
    procedure = get_object_or_404(Procedure.objects.published(), slug=slug)
    context = {
        "procedure": procedure,
        "questions": list(Question.objects.published().filter(procedure=procedure)),
        "prices": list(Price.objects.active().filter(procedure=procedure)),
    }
    return render(request, "procedures/detail.html", context)

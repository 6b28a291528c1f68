from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from clinic.caching import cached_page
from clinic.i18n import localized, localized_all
from clinic.models import Price
from clinic.pages import page_for
from faq.models import Question
from procedures.models import Procedure


@require_safe
@cached_page
def home(request):
    """The site's home page: the practice's words and its procedures."""
    context = {"page": page_for("home"), "procedures": localized_all(Procedure.objects.published())}
    return render(request, "clinic/home.html", context)


@require_safe
@cached_page
def index(request):
    procedures = localized_all(Procedure.objects.published())
    return render(request, "procedures/index.html", {"procedures": procedures})


@require_safe
@cached_page
def detail(request, slug):
    procedure = get_object_or_404(Procedure.objects.published(), slug=slug)
    context = {
        "procedure": localized(procedure),
        "questions": localized_all(Question.objects.published().filter(procedure=procedure)),
        "prices": localized_all(Price.objects.active().filter(procedure=procedure)),
    }
    return render(request, "procedures/detail.html", context)

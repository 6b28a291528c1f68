from django.shortcuts import get_object_or_404, render

from procedures.models import Procedure


def index(request):
    procedures = Procedure.objects.published()
    return render(request, "procedures/index.html", {"procedures": procedures})


def detail(request, slug):
    procedure = get_object_or_404(Procedure.objects.published(), slug=slug)
    return render(request, "procedures/detail.html", {"procedure": procedure})

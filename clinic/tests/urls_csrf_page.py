"""A URLconf for the page cache tests: the site plus one page-cached view with a form."""

from django.http import HttpResponse
from django.template import engines
from django.urls import path
from django.views.decorators.http import require_safe

from clinic.caching import cached_page
from clinic.urls import urlpatterns as site_urlpatterns

FORM = engines["django"].from_string(
    '<form method="post">{% csrf_token %}<button>Send</button></form>'
)
renders = []


@require_safe
@cached_page
def form_page(request):
    """Marked for the page cache by mistake: it renders this visitor's CSRF token."""
    renders.append(request.path)
    return HttpResponse(FORM.render(request=request))


urlpatterns = [path("cached-form/", form_page, name="cached_form"), *site_urlpatterns]

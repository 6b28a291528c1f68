"""The practice's site pages, the health check and robots.txt."""

from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from clinic.models import Page


def _page(request, slug, template, extra=None):
    page = Page.objects.published().filter(slug=slug).first()
    return render(request, template, {"page": page, **(extra or {})})


def home(request):
    return _page(request, "home", "clinic/home.html")


def about(request):
    return _page(request, "about", "clinic/about.html")


def location(request):
    return _page(request, "location", "clinic/location.html")


def insurance(request):
    return _page(request, "insurance", "clinic/insurance.html")


def contact(request):
    return _page(request, "contact", "clinic/contact.html")


def contact_thanks(request):
    return render(request, "clinic/contact_thanks.html")


def privacy(request):
    return _page(request, "privacy", "clinic/privacy.html")


@never_cache
@require_GET
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return JsonResponse({"status": "ok", "database": "ok"})
    except Exception:  # noqa: BLE001 - the health check reports, it does not raise
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)


@require_GET
def robots_txt(request):
    from django.conf import settings

    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /appointments/manage/",
        "Disallow: /sms/",
        f"Sitemap: {settings.SITE_URL}/sitemap.xml",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def server_error(request):
    return render(request, "500.html", status=500)

"""The practice's site pages, the contact form, the health check and robots.txt.

The home page lists the procedures, so it is `procedures.views.home`.
"""

import sys

from django import db
from django.conf import settings
from django.contrib import admin
from django.db import connection
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_GET, require_http_methods, require_safe

from clinic import i18n
from clinic.caching import cached_page
from clinic.forms import ContactForm
from clinic.health import health_report
from clinic.models import Closure, InsurancePlan, Price, Publication
from clinic.pages import page_for
from clinic.ratelimit import client_ip, ratelimit
from clinic.services import contact_message_create


@require_safe
@cached_page
def about(request):
    context = {"page": page_for("about"), "publications": list(Publication.objects.all())}
    return render(request, "clinic/about.html", context)


@require_safe
@cached_page
def location(request):
    closures = Closure.objects.upcoming(timezone.localdate())[:10]
    context = {"page": page_for("location"), "closures": i18n.localized_all(closures)}
    return render(request, "clinic/location.html", context)


@require_safe
@cached_page
def insurance(request):
    context = {
        "page": page_for("insurance"),
        "plans": i18n.localized_all(InsurancePlan.objects.active()),
        "prices": i18n.localized_all(Price.objects.active()),
    }
    return render(request, "clinic/insurance.html", context)


@require_safe
@cached_page
def privacy(request):
    return render(request, "clinic/privacy.html", {"page": page_for("privacy")})


# Not page-cached: the form carries this visitor's CSRF token.
@require_http_methods(["GET", "POST"])
@ratelimit("contact", 5, 3600)
def contact(request):
    if request.method == "POST":
        form = ContactForm(request.POST, remote_ip=client_ip(request))
        if form.is_valid():
            contact_message_create(
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
                phone=form.cleaned_data["phone"],
                message=form.cleaned_data["message"],
            )
            return redirect("contact_thanks")
    else:
        form = ContactForm(remote_ip=client_ip(request))
    return render(request, "clinic/contact.html", {"page": page_for("contact"), "form": form})


@require_GET
def contact_thanks(request):
    return render(request, "clinic/contact_thanks.html")


@never_cache
@require_GET
def healthz(request):
    """200 while the site can serve: the database answers.

    The worker's last heartbeat and the outbox's oldest overdue text ride along
    (clinic/health.py). A stopped worker does not make the web container unhealthy;
    `?worker=1` answers 503 for it too, for an uptime monitor watching the worker.
    """
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        report = health_report()
    except Exception:  # noqa: BLE001 - the health check reports, it does not raise
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    degraded = any(check.get("status") != "ok" for check in report.values())
    body = {"status": "degraded" if degraded else "ok", "database": "ok", **report}
    strict = request.GET.get("worker") == "1"
    return JsonResponse(body, status=503 if degraded and strict else 200)


@require_GET
def missing_spanish(request):
    """Staff: every text the Spanish site shows in English because its Spanish is empty."""
    context = {
        **admin.site.each_context(request),
        "title": "Spanish to write",
        "missing": i18n.missing_translations(),
    }
    return render(request, "admin/missing_spanish.html", context)


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /appointments/manage/",
        "Disallow: /es/appointments/manage/",
        "Disallow: /appointments/request/day-one/",
        "Disallow: /es/appointments/request/day-one/",
        "Disallow: /sms/",
        f"Sitemap: {settings.SITE_URL}/sitemap.xml",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@requires_csrf_token
def permission_denied(request, exception):
    """403: inside the admin, an admin page that says so and leads back; elsewhere, ours."""
    if request.path.startswith(reverse("admin:index")) and request.user.is_authenticated:
        context = {
            **admin.site.each_context(request),
            "title": "You cannot do this",
            "back_url": _same_site_referer(request) or reverse("admin:index"),
        }
        return render(request, "admin/403.html", context, status=403)
    return render(request, "403.html", status=403)


def _same_site_referer(request) -> str:
    """The page she came from, when it is one of ours (never another site's address)."""
    referer = request.headers.get("Referer", "")
    if referer and url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return referer
    return ""


@requires_csrf_token
def page_not_found(request, exception):
    return render(request, "404.html", status=404)


# The database cannot be reached (down, restarting, out of connections): a 503 that
# asks the browser, a proxy or Twilio to come back, not a 500.
DATABASE_DOWN = (db.OperationalError, db.InterfaceError)
DATABASE_RETRY_AFTER = 30


def server_error(request):
    """The 500 page: a static template, rendered without context processors or the database.

    Django calls this while handling the exception: when it is the database being out
    of reach, the answer is a 503 with Retry-After and a page that says to try again.
    """
    if isinstance(sys.exc_info()[1], DATABASE_DOWN):
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = str(DATABASE_RETRY_AFTER)
        return response
    return HttpResponseServerError(loader.get_template("500.html").render())

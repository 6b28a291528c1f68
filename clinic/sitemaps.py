"""The sitemap: every public page in English and Spanish, as absolute URLs on SITE_URL,
each with its alternate in the other language (and English as x-default)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import NoReverseMatch, reverse

from procedures.models import Procedure

PAGES = [
    "home",
    "procedures:index",
    "about",
    "location",
    "insurance",
    "faq:index",
    "contact",
    "privacy",
    "appointments:request",
]


class SiteUrlSitemap(Sitemap):
    """Builds URLs from SITE_URL, not from the Host header of the request."""

    i18n = True
    alternates = True
    x_default = True

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme or "https"

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc


class StaticPagesSitemap(SiteUrlSitemap):
    changefreq = "monthly"

    def items(self):
        names = []
        for name in PAGES:
            try:
                reverse(name)
            except NoReverseMatch:  # the appointment form, until its URL exists
                continue
            names.append(name)
        return names

    def location(self, item):
        return reverse(item)

    def priority(self, item):
        return 1.0 if item == "home" else 0.7


class ProcedureSitemap(SiteUrlSitemap):
    changefreq = "monthly"
    priority = 0.9

    def items(self):
        return Procedure.objects.published()

    def lastmod(self, obj):
        return obj.updated_at


sitemaps = {"pages": StaticPagesSitemap, "procedures": ProcedureSitemap}

"""The sitemap: every public page, as absolute URLs on SITE_URL.

Each app adds its own section (procedures: `procedures.sitemaps`); the URLconf joins them.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

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

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme or "https"

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc


class StaticPagesSitemap(SiteUrlSitemap):
    changefreq = "monthly"

    def items(self):
        return PAGES

    def location(self, item):
        return reverse(item)

    def priority(self, item):
        return 1.0 if item == "home" else 0.7

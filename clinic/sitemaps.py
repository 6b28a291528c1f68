"""The sitemap: every public page in English and Spanish, as absolute URLs on SITE_URL,
each with its alternate in the other language (and English as x-default).

The site's pages are the first section; each app above registers its own in its
AppConfig.ready (procedures: `procedures.sitemaps`), and /sitemap.xml lists the
sections in the order registered. clinic imports nothing from those apps.
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
        return PAGES

    def location(self, item):
        return reverse(item)

    def priority(self, item):
        return 1.0 if item == "home" else 0.7


# The sitemap's sections by name, in order: /sitemap.xml serves this dict (clinic/urls.py).
sections: dict[str, type[Sitemap]] = {"pages": StaticPagesSitemap}


def register_section(name: str, sitemap: type[Sitemap]) -> type[Sitemap]:
    """Add an app's section to the sitemap, after those registered before it."""
    sections.setdefault(name, sitemap)
    return sitemap

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from procedures.models import Procedure


class StaticPagesSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return [
            "home",
            "about",
            "location",
            "insurance",
            "faq:index",
            "contact",
            "privacy",
            "procedures:index",
        ]

    def location(self, item):
        return reverse(item)


class ProcedureSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Procedure.objects.published()

    def lastmod(self, obj):
        return obj.updated_at


sitemaps = {"pages": StaticPagesSitemap, "procedures": ProcedureSitemap}

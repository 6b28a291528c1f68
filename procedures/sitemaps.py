"""The procedures' section of the sitemap."""

from clinic.sitemaps import SiteUrlSitemap
from procedures.models import Procedure


class ProcedureSitemap(SiteUrlSitemap):
    changefreq = "monthly"
    priority = 0.9

    def items(self):
        return Procedure.objects.published()

    def lastmod(self, obj):
        return obj.updated_at

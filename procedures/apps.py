from django.apps import AppConfig


class ProceduresConfig(AppConfig):
    name = "procedures"

    def ready(self):
        from clinic import sitemaps
        from procedures.sitemaps import ProcedureSitemap

        sitemaps.register_section("procedures", ProcedureSitemap)

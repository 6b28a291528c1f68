from django.contrib import admin

from clinic.models import Price
from procedures.models import Procedure


class PriceInline(admin.TabularInline):
    model = Price
    extra = 0
    fields = ["code", "label", "label_es", "amount", "note", "note_es", "order", "active"]


@admin.register(Procedure)
class ProcedureAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "kind", "order", "bookable", "published"]
    list_editable = ["order", "bookable", "published"]
    list_filter = ["kind", "bookable", "published"]
    search_fields = ["name", "short_name", "summary", "body"]
    prepopulated_fields = {"slug": ["short_name"]}
    readonly_fields = ["updated_at"]
    inlines = [PriceInline]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    ("name", "name_es"),
                    ("short_name", "short_name_es"),
                    "slug",
                    "kind",
                    "order",
                    "bookable",
                    "published",
                ]
            },
        ),
        (
            "Search engines",
            {
                "fields": [
                    ("seo_title", "seo_title_es"),
                    ("meta_description", "meta_description_es"),
                ]
            },
        ),
        (
            "Text (Markdown), English and Spanish side by side",
            {
                "fields": [
                    ("summary", "summary_es"),
                    ("body", "body_es"),
                    ("preparation_before", "preparation_before_es"),
                    ("preparation_after", "preparation_after_es"),
                ]
            },
        ),
        (None, {"fields": ["updated_at"]}),
    ]

from django.contrib import admin

from clinic.models import Price
from procedures.models import Procedure


class PriceInline(admin.TabularInline):
    model = Price
    extra = 0
    fields = ["code", "label", "amount", "note", "order", "active"]


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
            {"fields": ["name", "short_name", "slug", "kind", "order", "bookable", "published"]},
        ),
        ("Search engines", {"fields": ["seo_title", "meta_description"]}),
        (
            "Text (Markdown)",
            {"fields": ["summary", "body", "preparation_before", "preparation_after"]},
        ),
        (None, {"fields": ["updated_at"]}),
    ]

from django.contrib import admin

from faq.models import Category, Question


class QuestionInline(admin.StackedInline):
    model = Question
    extra = 0
    fields = [
        "question",
        "slug",
        "answer",
        "shows_warning_signs",
        "procedure",
        "order",
        "published",
    ]
    prepopulated_fields = {"slug": ["question"]}
    show_change_link = True


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [QuestionInline]


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["question", "category", "procedure", "order", "published"]
    list_editable = ["order", "published"]
    list_filter = ["category", "procedure", "shows_warning_signs", "published"]
    list_select_related = ["category", "procedure"]
    search_fields = ["question", "answer", "slug"]
    prepopulated_fields = {"slug": ["question"]}
    readonly_fields = ["updated_at"]

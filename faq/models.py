"""Frequently asked questions, grouped by category."""

from django.db import models
from django.urls import reverse

from clinic.signals import content_model


@content_model
class Category(models.Model):
    name = models.CharField(max_length=80)
    slug = models.SlugField(unique=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name_plural = "categories"

    def __str__(self):
        return self.name


class QuestionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)


@content_model
class Question(models.Model):
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="questions")
    question = models.CharField(max_length=200)
    slug = models.SlugField(unique=True, help_text="The question's anchor on the FAQ page.")
    answer = models.TextField(help_text="Markdown.")
    procedure = models.ForeignKey(
        "procedures.Procedure",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="questions",
        help_text="Also shown on this procedure's page.",
    )
    shows_warning_signs = models.BooleanField(
        "show the warning signs",
        default=False,
        help_text=(
            "Show the site's one list of warning signs after the answer (fever or chills, "
            "heavy bleeding, severe pain, an allergic reaction) with what to do when we "
            "are closed. The list itself is the same everywhere and is not edited here."
        ),
    )
    order = models.PositiveSmallIntegerField(default=0)
    published = models.BooleanField(default=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering = ["category__order", "order", "pk"]

    def __str__(self):
        return self.question

    def get_absolute_url(self):
        return reverse("faq:index") + f"#{self.slug}"

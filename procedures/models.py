"""The procedures the practice performs, each with its own page."""

from django.db import models
from django.urls import reverse

from clinic.signals import content_model


class ProcedureQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)

    def bookable(self):
        return self.published().filter(bookable=True)


@content_model
class Procedure(models.Model):
    class Kind(models.TextChoices):
        DIAGNOSTIC = "diagnostic", "Diagnostic exam"
        TREATMENT = "treatment", "Treatment"
        COMFORT = "comfort", "Comfort option"

    slug = models.SlugField(unique=True, help_text="Part of the page's address. Change with care.")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    name = models.CharField(max_length=120, help_text="Full name, e.g. Hysterosalpingogram (HSG).")
    short_name = models.CharField(max_length=60, help_text="Short name for menus, e.g. HSG.")
    seo_title = models.CharField(max_length=70, blank=True)
    meta_description = models.CharField(max_length=160)
    summary = models.TextField(help_text="One or two plain sentences, shown on lists and cards.")
    body = models.TextField(help_text="Markdown. The main text of the page.")
    preparation_before = models.TextField(
        "before your exam", blank=True, help_text="Markdown. How to prepare."
    )
    preparation_after = models.TextField(
        "after your exam", blank=True, help_text="Markdown. What to expect afterwards."
    )
    order = models.PositiveSmallIntegerField(default=0)
    bookable = models.BooleanField(default=True, help_text="Offered in the appointment form.")
    published = models.BooleanField(default=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ProcedureQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("procedures:detail", args=[self.slug])

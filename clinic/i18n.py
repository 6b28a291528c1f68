"""The site in English and Spanish.

English is at the site's plain URLs and Spanish under `/es/` (Django's `i18n_patterns`
without a prefix for the default language). The language of a page is read from its
path alone, never from the browser's Accept-Language or a cookie: a page's address
says what it shows, so public pages stay cacheable and shareable, and the language
link on every page is the way across.

Stored content (pages, procedures, FAQ, plan notes, prices, text templates) keeps its
English in the original column and its Spanish in a `<field>_es` column beside it; a
model lists its translated fields in `translated_fields`. `localized()` returns a copy
of a row with the Spanish filled in where it exists, and English where it does not
(the fallback staff see listed in the admin: `missing_translations()`).
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeVar

from django.apps import apps
from django.conf import settings
from django.utils import translation

ENGLISH = "en"
SPANISH = "es"
PREFIXES = {SPANISH: "/es"}

T = TypeVar("T")


def path_language(path: str) -> str:
    """The language a path is in: Spanish under /es/, English everywhere else."""
    for language, prefix in PREFIXES.items():
        if path == prefix or path.startswith(prefix + "/"):
            return language
    return settings.LANGUAGE_CODE


def strip_language(path: str) -> str:
    """The path without its language prefix: /es/faq/ -> /faq/."""
    prefix = PREFIXES.get(path_language(path))
    if prefix:
        return path[len(prefix) :] or "/"
    return path


def path_in(path: str, language: str) -> str:
    """The same page in `language`: /faq/ -> /es/faq/ and back."""
    bare = strip_language(path)
    prefix = PREFIXES.get(language, "")
    return prefix + bare


def other_language(language: str) -> str:
    return ENGLISH if language == SPANISH else SPANISH


def current_language() -> str:
    return translation.get_language() or settings.LANGUAGE_CODE


def spanish_name(field: str) -> str:
    return f"{field}_{SPANISH}"


def localized(obj: T, language: str | None = None) -> T:
    """A copy of `obj` whose translated fields read in `language` (English if empty).

    The copy is for reading: saving it would write Spanish into the English column, so
    it refuses to be saved.
    """
    language = language or current_language()
    fields = getattr(type(obj), "translated_fields", ())
    if language == settings.LANGUAGE_CODE or not fields or obj is None:
        return obj
    clone = copy.copy(obj)
    for field in fields:
        text = getattr(obj, spanish_name(field), "")
        if text and text.strip():
            setattr(clone, field, text)
    clone.save = _refuse_save
    return clone


def _refuse_save(*args, **kwargs):
    raise RuntimeError("A localized copy is for reading: save the row itself.")


def localized_all(objects: Iterable[T], language: str | None = None) -> list[T]:
    return [localized(obj, language) for obj in objects]


@dataclass(frozen=True)
class MissingTranslation:
    """A stored text shown in English on the Spanish site, for staff to translate."""

    model: str
    pk: int
    label: str
    field: str
    admin_url: str


def translated_models() -> list:
    return [model for model in apps.get_models() if getattr(model, "translated_fields", ())]


def missing_translations() -> list[MissingTranslation]:
    """Every non-empty English text whose Spanish is empty, model by model."""
    from django.urls import NoReverseMatch, reverse

    missing = []
    for model in translated_models():
        meta = model._meta
        for obj in model.objects.all():
            for field in model.translated_fields:
                english = getattr(obj, field) or ""
                spanish = getattr(obj, spanish_name(field)) or ""
                if english.strip() and not spanish.strip():
                    try:
                        url = reverse(
                            f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk]
                        )
                    except NoReverseMatch:
                        url = ""
                    missing.append(
                        MissingTranslation(
                            model=str(meta.verbose_name).capitalize(),
                            pk=obj.pk,
                            label=str(obj),
                            field=str(meta.get_field(field).verbose_name),
                            admin_url=url,
                        )
                    )
    return missing

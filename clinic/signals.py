"""Cache invalidation: any change to site content starts a new content version.

This is infrastructure, not business logic: the receivers only make cached pages
(clinic/caching.py) stale. They bump twice, now and after the commit, so that a
page rendered from the database between the two cannot be cached as current.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_migrate, post_save

from clinic.caching import content_version_bump


def content_changed(sender, **kwargs) -> None:
    content_version_bump()
    transaction.on_commit(content_version_bump)


def connect() -> None:
    """Connect the receivers to every model whose rows appear on public pages."""
    from clinic.models import (
        Closure,
        InsurancePlan,
        OpeningHours,
        Page,
        Practice,
        Price,
        Publication,
    )
    from faq.models import Category, Question
    from procedures.models import Procedure

    for model in (
        Practice,
        OpeningHours,
        Closure,
        InsurancePlan,
        Price,
        Publication,
        Page,
        Procedure,
        Category,
        Question,
    ):
        post_save.connect(content_changed, sender=model, dispatch_uid=f"content-{model.__name__}")
        post_delete.connect(
            content_changed, sender=model, dispatch_uid=f"content-del-{model.__name__}"
        )
    # Data migrations use historical models, which send no signals to the above;
    # a migrate (a deploy) also changes templates, so it starts a new version too.
    post_migrate.connect(content_changed, dispatch_uid="content-migrate")

"""Cache invalidation: any change to site content starts a new content version.

This is infrastructure, not business logic: the receivers only make cached pages
(clinic/caching.py) stale. They bump twice, now and after the commit, so that a
page rendered from the database between the two cannot be cached as current.

Each app marks its own models whose rows appear on public pages with
`@content_model`; this module knows none of them.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_migrate, post_save

from clinic.caching import content_version_bump


def content_changed(sender, **kwargs) -> None:
    content_version_bump()
    transaction.on_commit(content_version_bump)


def content_model(model):
    """Class decorator: saving or deleting a row of `model` refreshes the public pages."""
    label = model._meta.label if hasattr(model, "_meta") else model.__name__
    post_save.connect(content_changed, sender=model, dispatch_uid=f"content-{label}")
    post_delete.connect(content_changed, sender=model, dispatch_uid=f"content-del-{label}")
    return model


def connect() -> None:
    # Data migrations use historical models, which send no signals to the above;
    # a migrate (a deploy) also changes templates, so it starts a new version too.
    post_migrate.connect(content_changed, dispatch_uid="content-migrate")

"""Record which patient records an admin page showed, from the page's own context.

Pages that render without a context (a plain `render`) are known by their URL name
instead: `<app>_<model>_<page>` with the record's id (see `access_from_url`).

A page shows patient data when its template context holds a record of an audited
model (settings.AUDIT_MODELS): `original` or `object` (a record's page, its history,
a status form), `cl` (a list, with its search and filters), or `audit_records`
(what a custom admin view lists, e.g. the day's exams).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.db import models

from audit.models import AccessedRecord, AccessLog
from clinic.security import client_ip

# Query parameters of the admin's lists that are not a filter.
NOT_FILTERS = {"q", "p", "o", "_changelist_filters", "_popup", "_to_field", "all"}


def audited_label(model) -> str | None:
    """The concrete model's label when it is audited, else None (proxies count as their base)."""
    label = model._meta.concrete_model._meta.label_lower
    audited = {name.lower() for name in settings.AUDIT_MODELS}
    return label if label in audited else None


def _instances(value) -> Iterable[models.Model]:
    if isinstance(value, models.Model):
        yield value
    elif isinstance(value, (list, tuple, models.QuerySet)):
        for item in value:
            if isinstance(item, models.Model):
                yield item
            elif isinstance(item, (list, tuple)):
                yield from (part for part in item if isinstance(part, models.Model))


def _record_of(instance: models.Model) -> tuple[str, str] | None:
    if hasattr(instance, "history_id"):  # a past version stands for its record
        instance = instance.instance
    label = audited_label(type(instance))
    if label is None or instance.pk is None:
        return None
    return label, str(instance.pk)


def access_from_context(context) -> dict | None:
    """What the page showed, as AccessLog fields plus `records`; None if no patient data."""
    changelist = context.get("cl")
    if changelist is not None and hasattr(changelist, "result_list"):
        label = audited_label(changelist.model)
        if label is None:
            return None
        params = changelist.params if hasattr(changelist, "params") else {}
        filters = "&".join(
            f"{key}={value}" for key, value in sorted(params.items()) if key not in NOT_FILTERS
        )
        search = changelist.query or ""
        records = [(label, str(obj.pk)) for obj in changelist.result_list]
        return {
            "action": AccessLog.Action.SEARCH if search or filters else AccessLog.Action.LIST,
            "model": label,
            "object_id": "",
            "search": search[:200],
            "filters": filters[:500],
            "records": records,
        }
    main = None
    for key in ("original", "object"):
        if isinstance(context.get(key), models.Model):
            main = _record_of(context[key])
            if main:
                break
    shown = [_record_of(obj) for obj in _instances(context.get("audit_records"))]
    records = list(dict.fromkeys([r for r in [main, *shown] if r]))
    if not records:
        return None
    label, object_id = main or records[0]
    return {
        "action": AccessLog.Action.VIEW if main else AccessLog.Action.LIST,
        "model": label,
        "object_id": object_id if main else "",
        "search": "",
        "filters": "",
        "records": records,
    }


def access_from_url(url_name: str, kwargs: dict) -> dict | None:
    """A record's page that keeps no context (e.g. a plain `render`): known by its URL name.

    Admin URL names are `<app>_<model>_<page>` with the record's id as `object_id` or `pk`.
    """
    object_id = kwargs.get("object_id") or kwargs.get("pk")
    if object_id is None:
        return None
    for label in settings.AUDIT_MODELS:
        if url_name.startswith(label.lower().replace(".", "_") + "_"):
            return {
                "action": AccessLog.Action.VIEW,
                "model": label.lower(),
                "object_id": str(object_id),
                "search": "",
                "filters": "",
                "records": [(label.lower(), str(object_id))],
            }
    return None


def access_record(*, request, view: str, access: dict) -> AccessLog:
    """Write one access and the records it showed (two INSERTs)."""
    records = access.pop("records")
    log = AccessLog.objects.create(
        user=request.user,
        username=request.user.get_username(),
        ip=client_ip(request),
        view=view[:120],
        record_count=len(records),
        **access,
    )
    AccessedRecord.objects.bulk_create(
        AccessedRecord(log=log, model=model, object_id=object_id) for model, object_id in records
    )
    return log

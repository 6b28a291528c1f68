"""Public pages and site-wide facts served from the cache.

Every cached entry's key carries a site-wide *content version*. Saving or deleting
any content row (see `clinic/signals.py`) replaces the version, so every page and
fact cached before the change is simply never read again and expires on its own.

The cache is an optimization only: when it fails (Redis down), each call here
logs the error type and the page is rendered from the database as if nothing
were cached.
"""

import functools
import logging
import uuid
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone

logger = logging.getLogger(__name__)

VERSION_KEY = "content-version"
# An upper bound on how long a page can stay stale if a version bump is lost
# (for example, the cache was down at the moment content was saved).
TIMEOUT = 60 * 60

T = TypeVar("T")


def _warn(action: str, exc: Exception) -> None:
    logger.warning("cache %s failed, rendering without it: %s", action, type(exc).__name__)


def content_version() -> str | None:
    """Return the current content version, or None when the cache is unavailable."""
    try:
        version = cache.get(VERSION_KEY)
        if version is None:
            version = uuid.uuid4().hex
            if not cache.add(VERSION_KEY, version, timeout=None):
                version = cache.get(VERSION_KEY) or version
        return version
    except Exception as exc:  # noqa: BLE001 - any cache failure falls back to rendering
        _warn("read", exc)
        return None


def content_version_bump() -> None:
    """Start a new content version: everything cached before is no longer read."""
    try:
        cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)
    except Exception as exc:  # noqa: BLE001
        _warn("bump", exc)


def _get(key: str):
    try:
        return cache.get(key)
    except Exception as exc:  # noqa: BLE001
        _warn("get", exc)
        return None


def _set(key: str, value, timeout: int) -> None:
    try:
        cache.set(key, value, timeout)
    except Exception as exc:  # noqa: BLE001
        _warn("set", exc)


def cached_content(name: str, build: Callable[[], T], timeout: int = TIMEOUT) -> T:
    """Return `build()`, cached under `name` for the current content version."""
    version = content_version()
    if version is None:
        return build()
    key = f"content:{version}:{name}"
    value = _get(key)
    if value is None:
        value = build()
        _set(key, value, timeout)
    return value


def _cacheable(request, response) -> bool:
    """Only plain, successful HTML that carries nothing specific to this visitor."""
    return (
        request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        # A template that asked for a CSRF token made the page personal.
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not response.has_header("Vary")
    )


def cached_page(view):
    """Serve a public page from the cache, keyed by content version, day and path.

    The day is part of the key because pages show dated facts (upcoming closures).
    Query strings are ignored: no public page reads them, and ignoring them keeps
    visitors from filling the cache with copies.
    """

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        version = content_version()
        if version is None:
            return view(request, *args, **kwargs)
        key = f"page:{version}:{timezone.localdate():%Y%m%d}:{request.path}"
        hit = _get(key)
        if hit is not None:
            content, content_type = hit
            return HttpResponse(content, content_type=content_type)
        response = view(request, *args, **kwargs)
        if _cacheable(request, response):
            _set(key, (response.content, response["Content-Type"]), TIMEOUT)
        return response

    return wrapper

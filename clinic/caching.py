"""Public pages and site-wide facts served from the cache.

Every cached entry belongs to a site-wide *content version*: the entry carries the
version it was built for, and the entry and the current version are read in one
round trip. Saving or deleting any content row (see `clinic/signals.py`) replaces
the version, so every page and fact cached before the change is simply never
served again and expires on its own.

Pages are served by `clinic.middleware.PageCacheMiddleware`, placed before the
session, auth, CSRF and other middleware: a cached page costs one Redis round trip
and none of their work. Views opt in with `@cached_page`.

Every page and content key also names the *release* this process serves (see
`release()`): a new release never reads what the previous one cached, even while
old and new containers run side by side during a deploy and both fill the cache.

The cache is an optimization only: when it fails (Redis down), each call here
logs the error type and the page is rendered from the database as if nothing
were cached.
"""

import hashlib
import logging
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone

from clinic import compression

logger = logging.getLogger(__name__)

VERSION_KEY = "content-version"
# An upper bound on how long a page can stay stale if a version bump is lost
# (for example, the cache was down at the moment content was saved).
TIMEOUT = 60 * 60

T = TypeVar("T")


_computed_release: str | None = None


def _release_from_build() -> str:
    """The release when `RELEASE` is not set: the static manifest's hash, else per start.

    `collectstatic` writes the manifest with the hashed names of every CSS and JS file,
    so two builds with different static files never share a page. In DEBUG (runserver)
    and without a manifest, a new value at every process start.
    """
    if not settings.DEBUG:
        manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
        try:
            return "m" + hashlib.sha256(manifest.read_bytes()).hexdigest()[:12]
        except OSError:
            pass
    return "p" + uuid.uuid4().hex[:12]


def release() -> str:
    """The release this process serves: part of every page and content cache key.

    `settings.RELEASE` (the image's build id) when set; otherwise computed once per
    process (see `_release_from_build`).
    """
    global _computed_release
    if settings.RELEASE:
        return settings.RELEASE
    if _computed_release is None:
        _computed_release = _release_from_build()
    return _computed_release


def release_renew(**kwargs) -> None:
    """Forget the computed release: the next page is cached under a new one.

    Connected to the autoreloader's `file_changed` in DEBUG, so a template edit under
    runserver (which reloads the templates without restarting) shows on the next load.
    """
    global _computed_release
    _computed_release = None


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
    """Return `build()`, cached under `name` for the current content version.

    One round trip: the version and the entry are read together, and the entry
    carries the version it was built for (as pages do, see `page_lookup`).
    """
    key = f"content:{release()}:{name}"
    try:
        found = cache.get_many([VERSION_KEY, key])
    except Exception as exc:  # noqa: BLE001 - any cache failure falls back to building
        _warn("read", exc)
        return build()
    version = found.get(VERSION_KEY) or content_version()
    if version is None:
        return build()
    hit = found.get(key)
    if hit is not None and hit[0] == version:
        return hit[1]
    value = build()
    _set(key, (version, value), timeout)
    return value


def _cacheable(request, response) -> bool:
    """Only plain, successful HTML that carries nothing specific to this visitor.

    Called outside every middleware that could make a page personal, so it sees the
    cookies they set (session, CSRF), the Vary they added, and the CSP header.
    """
    return (
        request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        # A template that asked for a CSRF token made the page personal. The CSRF
        # middleware resets this flag to False once it has set the cookie, but only
        # `get_token()` (and a new or rotated token) ever adds the key to META.
        and "CSRF_COOKIE_NEEDS_UPDATE" not in request.META
        and not response.has_header("Vary")
        # A nonce is for one response only: never hand the same one to everybody.
        and "'nonce-" not in response.get("Content-Security-Policy", "")
    )


def cached_page(view):
    """Mark a public view's page as served from the cache by `PageCacheMiddleware`.

    The view itself is unchanged; `functools.wraps` in outer decorators (require_safe)
    carries the mark along.
    """
    view.cached_page = True
    return view


def _page_key(request, encoding: str) -> str:
    # The release is part of the key: a deploy never serves the previous build's HTML
    # (which links to static files the new image no longer has).
    # The day is part of the key because pages show dated facts (upcoming closures).
    # Query strings are ignored: no public page reads them, and ignoring them keeps
    # visitors from filling the cache with copies.
    # One entry per encoding the browser may want, so a hit reads only its own bytes.
    day = timezone.localdate()
    return f"page:{release()}:{day:%Y%m%d}:{encoding or 'identity'}:{request.path}"


def _wanted_encoding(request) -> str:
    return compression.choose(request.headers.get("Accept-Encoding", ""), compression.ENCODINGS)


def page_lookup(request) -> tuple[str | None, HttpResponse | None]:
    """One round trip: the content version and the cached page, if it was built for it.

    Returns (version, response); version is None when the cache is unavailable, and
    response is None unless the page is cached for the current version. The entry
    carries the version it was built for, so a page cached before an edit is never
    served after it, in any process. The page comes compressed when the browser
    accepts it (see `clinic.compression`).
    """
    key = _page_key(request, _wanted_encoding(request))
    try:
        found = cache.get_many([VERSION_KEY, key])
    except Exception as exc:  # noqa: BLE001 - any cache failure falls back to rendering
        _warn("read", exc)
        return None, None
    version = found.get(VERSION_KEY)
    if version is None:
        return content_version(), None
    hit = found.get(key)
    if hit is not None and hit[0] == version:
        _built_for, headers, body, encoding = hit
        return version, _page_response(headers, body, encoding)
    return version, None


def _page_response(headers, body: bytes, encoding: str) -> HttpResponse:
    response = HttpResponse(body, headers=headers)
    if encoding:
        response["Content-Encoding"] = encoding
    response["Content-Length"] = str(len(body))
    response["Vary"] = "Accept-Encoding"
    return response


def page_store(request, response, version: str) -> HttpResponse:
    """Keep the final page for `version` if it is the same for all: one entry per
    encoding (compressed once, here), in one round trip. Return what to send:
    compressed if it was stored, else the response as it is.
    """
    if not _cacheable(request, response):
        return response
    headers = [(k, v) for k, v in response.items() if k.lower() != "content-length"]
    variants = compression.compress_all(response.content)
    entries = {}
    for encoding in (*compression.ENCODINGS, ""):
        body = variants.get(encoding)
        stored = (encoding, body) if body is not None else ("", response.content)
        entries[_page_key(request, encoding)] = (version, headers, stored[1], stored[0])
    try:
        cache.set_many(entries, TIMEOUT)
    except Exception as exc:  # noqa: BLE001
        _warn("set", exc)
    _version, headers, body, encoding = entries[_page_key(request, _wanted_encoding(request))]
    return _page_response(headers, body, encoding)

"""Site-wide middleware: the public page cache, no caching of private pages, idle
timeout for staff sessions, and no character PostgreSQL refuses in any input."""

import re
import time

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import QueryDict
from django.urls import Resolver404, resolve, reverse
from django.utils.cache import add_never_cache_headers

from clinic import caching


def _under(path: str, prefixes) -> bool:
    return any(path.startswith(prefix) for prefix in prefixes)


class NoStoreMiddleware:
    """`Cache-Control: no-store` on the admin, the forms and a patient's manage page.

    These pages carry a CSRF token, a patient's answers or her request: no browser,
    proxy or CDN may keep a copy. The prefixes are `NO_STORE_PATHS` in settings.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if _under(request.path_info, settings.NO_STORE_PATHS):
            add_never_cache_headers(response)
        return response


class AdminIdleTimeoutMiddleware:
    """Sign staff out of the admin after `ADMIN_IDLE_TIMEOUT` seconds without a request.

    The session itself ends when the browser closes or after SESSION_COOKIE_AGE; this
    covers the front-desk computer left open at lunch.
    """

    SESSION_KEY = "_admin_last_seen"

    def __init__(self, get_response):
        self.get_response = get_response
        self._admin_prefix = None

    def _admin_index(self) -> str:
        # Reversed on the first request, not at startup (the URLconf may not be loaded
        # yet) and not on every request.
        if self._admin_prefix is None:
            self._admin_prefix = reverse("admin:index")
        return self._admin_prefix

    def __call__(self, request):
        # The path first: public pages never load the session or the user here.
        if not settings.ADMIN_IDLE_TIMEOUT or not request.path_info.startswith(self._admin_index()):
            return self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = int(time.time())
            last_seen = request.session.get(self.SESSION_KEY)
            if last_seen is not None and now - last_seen > settings.ADMIN_IDLE_TIMEOUT:
                logout(request)
                return redirect_to_login(request.get_full_path(), reverse("admin:login"))
            request.session[self.SESSION_KEY] = now
        return self.get_response(request)


class PageCacheMiddleware:
    """Serve the `@cached_page` public pages from the cache, before the rest of the stack.

    Placed after SecurityMiddleware, NoStoreMiddleware and WhiteNoise, and before
    sessions, auth, CSRF, OTP, messages, CSP, history and axes. A page is stored with
    the headers those added (Content-Type, CSP, X-Frame-Options) once it has passed
    through all of them, and only if none made it personal (a cookie, a CSRF token,
    Vary, a CSP nonce: see `clinic.caching._cacheable`). A hit skips their work and
    the database; the security headers of SecurityMiddleware are still added to it.
    When the cache is down, every page renders as if nothing were cached.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD") or not _serves_cached_page(request.path_info):
            return self.get_response(request)
        # As CommonMiddleware would: a host outside ALLOWED_HOSTS gets a 400, never a page.
        request.get_host()
        version, response = caching.page_lookup(request)
        if response is not None:
            return response
        response = self.get_response(request)
        if version is not None:
            response = caching.page_store(request, response, version)
        return response


def _serves_cached_page(path: str) -> bool:
    try:
        match = resolve(path)
    except Resolver404:
        return False
    return getattr(match.func, "cached_page", False)


# PostgreSQL's text refuses NUL, and UTF-8 has no lone surrogates: a value holding
# either fails to save (a DataError, a 500). Neither has a place in anything typed.
_REFUSED_CHARACTERS = re.compile("[\x00\ud800-\udfff]")


def clean_text(value: str) -> str:
    """`value` without the characters PostgreSQL text cannot store."""
    return _REFUSED_CHARACTERS.sub("", value)


def _cleaned(query: QueryDict) -> QueryDict:
    if not any(
        _REFUSED_CHARACTERS.search(key) or any(_REFUSED_CHARACTERS.search(v) for v in values)
        for key, values in query.lists()
    ):
        return query
    cleaned = QueryDict(mutable=True)
    for key, values in query.lists():
        cleaned.setlist(clean_text(key), [clean_text(value) for value in values])
    cleaned._mutable = False
    return cleaned


class StripRefusedCharactersMiddleware:
    """Strip NUL (and lone surrogates) from every query, form field and header.

    Twilio's webhooks (`RAW_BODY_PATHS`) are left alone here: their signature covers
    the raw values, so the views clean them after checking it (texting/views.py).
    """

    RAW_BODY_PATHS = ("/sms/",)

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        for key, value in request.META.items():
            if key.startswith("HTTP_") and isinstance(value, str) and "\x00" in value:
                request.META[key] = clean_text(value)
        if request.META.get("QUERY_STRING") and "%00" in request.META["QUERY_STRING"]:
            request.GET = _cleaned(request.GET)
        if request.method == "POST" and not request.path_info.startswith(self.RAW_BODY_PATHS):
            request.POST = _cleaned(request.POST)
        return self.get_response(request)


class NullOriginMiddleware:
    """Let the no-referrer patient pages post their own forms past Django's CSRF check.

    A page sent with `Referrer-Policy: no-referrer` (one whose URL holds a signed token,
    see appointments/views.py) makes the browser send `Origin: null` with its form
    posts, which Django's CsrfViewMiddleware refuses. For views marked
    `csrf_null_origin_ok` only, this reads `null` as the site's own origin; placed just
    before CsrfViewMiddleware, whose token check (a token in the page, an HttpOnly
    SameSite cookie) still runs on every post.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, callback, callback_args, callback_kwargs):
        if request.META.get("HTTP_ORIGIN") == "null" and getattr(
            callback, "csrf_null_origin_ok", False
        ):
            request.META["HTTP_ORIGIN"] = f"{request.scheme}://{request.get_host()}"

"""Per-IP rate limits kept in the cache. A cache outage lets requests through."""

import functools
import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.template.loader import render_to_string

from clinic.security import client_ip as forwarded_client_ip

logger = logging.getLogger(__name__)


def client_ip(request) -> str:
    """The address the request came from (see clinic.security.client_ip for proxies)."""
    return forwarded_client_ip(request) or "unknown"


def hit(key: str, limit: int, period: int) -> bool:
    """Count one hit on `key`; return True while the count stays within `limit`."""
    if not settings.RATELIMIT_ENABLED:
        return True
    window = int(time.time() // period)
    cache_key = f"rl:{key}:{window}"
    try:
        added = cache.add(cache_key, 1, timeout=period + 1)
        count = 1 if added else cache.incr(cache_key)
    except ValueError:
        # The key expired between add() and incr(): start a new window.
        return True
    except Exception as exc:  # noqa: BLE001 - any cache failure must fail open
        logger.warning("rate limit skipped, cache unavailable: %s", type(exc).__name__)
        return True
    return count <= limit


def ratelimit(group: str, limit: int, period: int, methods=("POST",)):
    """Decorate a view: past `limit` requests per `period` seconds per IP, answer 429."""

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method in methods and not hit(
                f"{group}:{client_ip(request)}", limit, period
            ):
                body = render_to_string("429.html", request=request)
                response = HttpResponse(body, status=429)
                response["Retry-After"] = str(period)
                return response
            return view(request, *args, **kwargs)

        return wrapper

    return decorator

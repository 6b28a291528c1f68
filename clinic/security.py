"""Small security helpers that settings refer to by name."""

from django.conf import settings


def client_ip(request) -> str | None:
    """The address a request came from, for rate limits and django-axes.

    REMOTE_ADDR, unless the operator says how many proxies of theirs stand in front
    (TRUSTED_PROXY_COUNT, e.g. 1 behind a load balancer): then the address the
    outermost of them saw, counted from the right of X-Forwarded-For. Each proxy
    appends what it saw, so entries a client wrote itself sit further left and are
    never read: a spoofed header cannot reset a lock or a limit.
    """
    if request is None:
        return None
    remote = request.META.get("REMOTE_ADDR") or None
    hops = settings.TRUSTED_PROXY_COUNT
    if hops <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < hops:
        return remote  # not through all our proxies: do not trust any of it
    return forwarded[-hops]


def axes_client_ip(request) -> str | None:
    """The address django-axes locks (see client_ip); None when there is none."""
    return client_ip(request)

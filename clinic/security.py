"""Small security helpers that settings refer to by name."""

import ipaddress
import logging

from django.conf import settings

logger = logging.getLogger(__name__)

# django-axes: 5 failures lock a username *from one address* (so nobody can lock a
# colleague out from elsewhere); 20 failures from one address, across usernames, lock
# the address itself.
ADDRESS_FAILURE_LIMIT = 20


def _valid_ip(value: str | None) -> str | None:
    try:
        return str(ipaddress.ip_address((value or "").strip()))
    except ValueError:
        return None


def client_ip(request) -> str | None:
    """The address a request came from, for rate limits and django-axes.

    REMOTE_ADDR, unless the operator says how many proxies of theirs stand in front
    (TRUSTED_PROXY_COUNT, e.g. 1 behind a load balancer): then the address the
    outermost of them saw, counted from the right of X-Forwarded-For. Each proxy
    appends what it saw, so entries a client wrote itself sit further left and are
    never read: a spoofed header cannot reset a lock or a limit. An entry that is not
    an IP address (axes stores it in an IP column) falls back to REMOTE_ADDR, with one
    log line per request.
    """
    if request is None:
        return None
    cached = getattr(request, "_clinic_client_ip", False)
    if cached is not False:
        return cached
    remote = request.META.get("REMOTE_ADDR") or None
    address = remote
    hops = settings.TRUSTED_PROXY_COUNT
    if hops > 0:
        forwarded = [p.strip() for p in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= hops:  # else not through all our proxies: trust none of it
            address = _valid_ip(forwarded[-hops])
            if address is None:
                logger.warning(
                    "security: X-Forwarded-For entry is not an IP address; using REMOTE_ADDR"
                )
                address = remote
    try:
        request._clinic_client_ip = address
    except AttributeError:
        pass
    return address


def axes_client_ip(request) -> str | None:
    """The address django-axes locks (see client_ip); None when there is none."""
    return client_ip(request)


def axes_lockout_parameters(request_or_attempt, credentials=None) -> list:
    """What django-axes counts failures by: the username and address together, or the
    address alone once it has failed ADDRESS_FAILURE_LIMIT times within the cool-off."""
    from axes.helpers import get_cool_off
    from axes.models import AccessAttempt
    from django.db.models import Sum
    from django.utils import timezone

    address = getattr(request_or_attempt, "axes_ip_address", None) or getattr(
        request_or_attempt, "ip_address", None
    )
    if address:
        request = request_or_attempt if hasattr(request_or_attempt, "META") else None
        since = timezone.now() - get_cool_off(request)
        failures = AccessAttempt.objects.filter(
            ip_address=address, attempt_time__gte=since
        ).aggregate(total=Sum("failures_since_start"))["total"]
        if (failures or 0) >= ADDRESS_FAILURE_LIMIT:
            return ["ip_address"]
    return [["username", "ip_address"]]

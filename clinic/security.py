"""Small security helpers that settings refer to by name."""


def axes_client_ip(request) -> str | None:
    """The address django-axes locks: REMOTE_ADDR only, never X-Forwarded-For.

    A client can write any X-Forwarded-For it likes, so trusting it would let an
    attacker reset a lock by changing the header. None when there is no address
    (e.g. a test client's force_login); axes stores that as an empty value.
    """
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None

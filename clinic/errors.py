"""Optional error reporting through Sentry (SENTRY_DSN), without patient data.

The SDK is told to send no personal data, no request bodies and no local variables;
`scrub_event` then drops cookies, query strings, headers, form data, the user and
exception messages, and redacts from every remaining string anything that looks
like an email address, a phone number, a date or a person's name. What reaches
Sentry is the error's type, where it happened (files, functions, lines) and the URL
path, which carries no patient data (a patient's link token is redacted too).
"""

from __future__ import annotations

import re
from typing import Any

REDACTED = "[redacted]"

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
# Seven or more digits, allowing the separators people type: (212) 555-0123, +12125550123.
PHONE = re.compile(r"\+?\d[\d\s().-]{5,}\d")
DATE = re.compile(
    r"\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b"
    r"|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:, ?\d{4})?",
    re.IGNORECASE,
)
# Two or more capitalised words in a row ("Dana Rivera"): a name, or harmless prose.
NAME = re.compile(r"\b[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)+\b")
# The token of a patient's link: her page, the confirmation page, the day-1 page.
MANAGE_TOKEN = re.compile(r"(/appointments/(?:manage|request/done|request/day-one)/)[^/]+")

# Keys whose values describe code, not people: kept as they are.
CODE_KEYS = {
    "abs_path",
    "filename",
    "function",
    "module",
    "lineno",
    "colno",
    "platform",
    "type",
    "mechanism",
    "event_id",
    "timestamp",
    "level",
    "logger",
    "release",
    "environment",
    "server_name",
    "sdk",
    "in_app",
    "transaction",
    "transaction_info",
    "contexts",
    "modules",
}


def redact(text: str) -> str:
    """Replace emails, phones, dates and name-like words in `text`."""
    text = MANAGE_TOKEN.sub(r"\1" + REDACTED, text)
    for pattern in (EMAIL, DATE, PHONE, NAME):
        text = pattern.sub(REDACTED, text)
    return text


def _scrub(value: Any, key: str = "") -> Any:
    if key in CODE_KEYS:
        return value
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, dict):
        return {k: _scrub(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_scrub(v) for v in value]
    return value


def scrub_event(event: dict, hint: dict | None = None) -> dict:
    """Sentry's before_send: keep where the error happened, drop who it happened to."""
    request = event.get("request") or {}
    for key in ("data", "cookies", "query_string", "headers", "env"):
        request.pop(key, None)
    if "url" in request:
        request["url"] = redact(request["url"].split("?")[0])
    event.pop("user", None)
    event.pop("extra", None)
    for exception in (event.get("exception") or {}).get("values") or []:
        if exception.get("value"):
            exception["value"] = REDACTED
        for frame in (exception.get("stacktrace") or {}).get("frames") or []:
            frame.pop("vars", None)
            for key in ("context_line", "pre_context", "post_context"):
                frame.pop(key, None)
    for crumb in (event.get("breadcrumbs") or {}).get("values") or []:
        crumb.pop("data", None)
        crumb.pop("message", None)
    if "logentry" in event:
        event["logentry"] = {"message": REDACTED}
    event.pop("message", None)
    return _scrub(event)


def sentry_init(*, dsn: str, release: str = "", environment: str = "production", **options):
    """Start the Sentry SDK with the Django and Celery integrations, scrubbed."""
    import sentry_sdk
    from sentry_sdk.integrations.celery import CeleryIntegration
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        release=release or None,
        environment=environment,
        integrations=[DjangoIntegration(), CeleryIntegration()],
        # Collect nothing about people: no user, cookies, headers, query strings,
        # bodies, local variables or source lines (the SDK's data_collection option).
        data_collection={
            "user_info": False,
            "cookies": {"mode": "off"},
            "http_headers": {"request": {"mode": "off"}},
            "url_query_params": {"mode": "off"},
            "http_bodies": [],
            "database_query_data": False,
            "stack_frame_variables": False,
            "frame_context_lines": 0,
        },
        max_request_body_size="never",
        traces_sample_rate=0,
        before_send=scrub_event,
        before_breadcrumb=lambda crumb, hint: {**crumb, "data": {}, "message": None},
        **options,
    )

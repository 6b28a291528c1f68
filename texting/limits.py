"""How many texts a public submission may make us send to one number.

Anyone can type any phone number into the request form: without a cap, the form
would let a stranger have us text someone over and over. The texts a submission
triggers (the "received" text) are capped per destination number per day.
"""

from __future__ import annotations

import datetime
import hashlib

from django.db import connection
from django.utils import timezone

from texting.models import OutboundMessage

PUBLIC_TEXTS_PER_NUMBER_PER_DAY = 3


def _lock_number(phone: str) -> None:
    """On PostgreSQL, hold a transaction lock for this number: two submissions at once
    count one after the other (SQLite runs one writer at a time anyway)."""
    if connection.vendor != "postgresql":
        return
    key = int.from_bytes(
        hashlib.blake2b(phone.encode(), digest_size=8).digest(), "big", signed=True
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [key])


def public_text_allowed(phone: str, kinds) -> bool:
    """True while `phone` has had fewer than the day's cap of texts of `kinds` (those
    a public submission triggers, named by the app that queues them).

    Call inside the transaction that queues the text.
    """
    _lock_number(phone)
    since = timezone.now() - datetime.timedelta(days=1)
    sent = OutboundMessage.objects.filter(
        to_phone=phone, kind__in=list(kinds), created_at__gte=since
    ).count()
    return sent < PUBLIC_TEXTS_PER_NUMBER_PER_DAY

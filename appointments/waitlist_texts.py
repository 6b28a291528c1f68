"""The waitlist's text: an earlier time is free. The practice's name and a link, no more.

Its words are the "waitlist_offer" message template (staff edit them in the admin), in
the language she asked in. Registered with the outbox in `AppointmentsConfig.ready`
(see texting.registry): a text whose offer has ended, moved or been taken is stopped
before it goes.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from appointments import emails
from appointments.booking_models import WaitlistEntry
from appointments.models import AppointmentRequest
from texting import registry
from texting.models import OutboundMessage
from texting.services import outbox_queue, phone_opted_out, text_render

OFFER = "waitlist_offer"


def _key(entry: WaitlistEntry) -> str:
    return f"{OFFER}:{entry.request_id}:{entry.offer_starts_at.astimezone(dt.UTC).isoformat()}"


def queue_offer_text(*, entry: WaitlistEntry) -> OutboundMessage | None:
    """Queue the offer's text (only with consent and no opt-out); sent at once."""
    request = AppointmentRequest.objects.get(pk=entry.request_id)
    if not (request.sms_consent and request.phone) or phone_opted_out(request.phone):
        return None
    link = emails.manage_url(request)  # in her language
    return outbox_queue(
        kind=OFFER,
        key=_key(entry),
        send_at=timezone.now(),
        subject_id=request.pk,
        to_phone=request.phone,
        render=lambda: text_render(kind=OFFER, values={"link": link}, language=request.language),
    )


def offer_stop_reason(message: OutboundMessage, now: dt.datetime) -> str:
    """Stop the text when the offer it announces is no longer open to her."""
    entry = WaitlistEntry.objects.filter(request_id=message.subject_id).first()
    if entry is None or entry.status != WaitlistEntry.Status.OFFERED:
        return "Offer no longer open"
    if entry.offer_expires_at is None or entry.offer_expires_at <= now:
        return "Offer ended"
    if message.dedupe_key != _key(entry):
        return "Another time offered since"
    return ""


def kinds_register() -> None:
    from appointments import outbox

    registry.kind_register(
        registry.MessageKind(
            OFFER,
            "Earlier time offered (waitlist)",
            stop_reason=offer_stop_reason,
            current_phone=outbox.current_phone,
        )
    )

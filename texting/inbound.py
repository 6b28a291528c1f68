"""Services for what Twilio tells us: patients' replies and delivery reports."""

import datetime
import logging

from django.db import transaction
from django.utils import timezone

from clinic.facts import office_open_at
from clinic.phones import phone_e164_or_none
from texting import day_one, keywords, registry
from texting.keywords import Intent
from texting.models import InboundMessage, OptOut, OutboundMessage
from texting.services import (
    optout_add,
    optout_remove,
    outbox_queue,
    phone_opted_out,
    text_render,
)

logger = logging.getLogger(__name__)

Status = OutboundMessage.Status
Kind = InboundMessage.Kind

# A plain message gets one acknowledgement (when the office answers) per this long, so a
# conversation of several texts is not answered by a robot each time.
ACKNOWLEDGE_EVERY = datetime.timedelta(hours=12)

FINAL_STATUSES = {
    "delivered": Status.DELIVERED,
    "undelivered": Status.UNDELIVERED,
    "failed": Status.FAILED,
}
# The staff email about an urgent reply (a link only), and the automatic replies.
URGENT_ALERT = "urgent_alert"
REPLY = "reply"


def e164(phone: str) -> str:
    """Twilio sends E.164 already; normalize anything else the same way we store it."""
    return phone_e164_or_none(phone) or phone.strip()[:16]


def _alert_staff_urgent(inbound: InboundMessage) -> None:
    """Queue the front desk's email: a link only, no body, no phone, no name."""
    outbox_queue(
        kind=URGENT_ALERT,
        key=f"{URGENT_ALERT}:{inbound.pk}",
        send_at=timezone.now(),
        channel=OutboundMessage.Channel.EMAIL,
    )


def _confirm(inbound: InboundMessage) -> str:
    """A "C": the app that booked the visit records it and words the reply."""
    for handler in registry.reply_handlers("confirm"):
        reply = handler(inbound)
        if reply is not None:
            return reply
    inbound.needs_attention = True
    return text_render(kind="reply_no_visit", language=inbound.reply_language)


def _reply_language(inbound: InboundMessage) -> str:
    """Spanish for a Spanish keyword or Spanish urgent words, else the language of the
    patient's latest request as the app that linked it says (English when none)."""
    if keywords.is_spanish(inbound.body):
        return "es"
    return getattr(inbound, "request_language", None) or "en"


def _answer(inbound: InboundMessage) -> str:
    """Act on the text's keyword or words; return the reply ('' for none)."""
    body, phone = inbound.body, inbound.from_phone
    # The language of every reply below (and of a reply handler's, see reply_language).
    inbound.reply_language = _reply_language(inbound)
    intent = keywords.intent(body, opted_out=phone_opted_out(phone))
    inbound.needs_attention = keywords.needs_attention(body)
    if intent == Intent.OPT_OUT:
        inbound.kind = Kind.OPT_OUT
        optout_add(phone=phone, source=OptOut.Source.KEYWORD)
        return ""  # Twilio confirms the opt-out to the patient itself.
    if intent == Intent.OPT_IN:
        inbound.kind = Kind.OPT_IN
        optout_remove(phone=phone)
        return text_render(kind="reply_start", language=inbound.reply_language)
    if intent == Intent.HELP:
        inbound.kind = Kind.HELP
        return text_render(kind="reply_help", language=inbound.reply_language)
    if intent == Intent.CONFIRM:
        return _confirm(inbound)
    if keywords.is_urgent(body):
        inbound.is_urgent = True
        _alert_staff_urgent(inbound)
        # While the office is closed, the reply says so: nobody may read it until we open.
        open_now = office_open_at(timezone.now())
        return text_render(
            kind="reply_urgent" if open_now else "reply_closed",
            language=inbound.reply_language,
        )
    found = day_one.match(body, today=timezone.localdate())
    if found is not None:
        return _day_one(inbound, found)
    return _acknowledge(inbound)


def _day_one(inbound: InboundMessage, found: day_one.DayOne) -> str:
    """She texted her day 1: the app that books visits answers (a link to pick a time,
    or the booking page for a number it does not know). Without one, a plain message."""
    inbound.day_one = found
    if found.spanish:
        inbound.reply_language = "es"
    for event in ("day_one", "day_one_unknown"):
        for handler in registry.reply_handlers(event):
            reply = handler(inbound)
            if reply is not None:
                inbound.kind = Kind.DAY_ONE
                return reply
    return _acknowledge(inbound)


def _acknowledge(inbound: InboundMessage) -> str:
    """Tell the patient when the office answers, once per ACKNOWLEDGE_EVERY.

    Not to an opted-out number, and not to someone asking us to stop texting.
    """
    if inbound.needs_attention or phone_opted_out(inbound.from_phone):
        return ""
    recent = InboundMessage.objects.filter(
        from_phone=inbound.from_phone,
        kind=Kind.MESSAGE,
        received_at__gte=timezone.now() - ACKNOWLEDGE_EVERY,
    ).exclude(pk=inbound.pk)
    if recent.exists():
        return ""
    return text_render(kind="reply_message", language=inbound.reply_language)


def inbound_receive(*, message_sid: str, from_phone: str, body: str) -> str:
    """Store a patient's text once per MessageSid, act on it, return the TwiML reply text.

    A repeated MessageSid (Twilio retrying) changes nothing and gets the same reply.
    """
    with transaction.atomic():
        inbound, created = InboundMessage.objects.select_for_update().get_or_create(
            message_sid=message_sid,
            defaults={"from_phone": e164(from_phone), "body": body},
        )
        reply_key = f"reply:{message_sid}"
        if not created:
            earlier = OutboundMessage.objects.filter(dedupe_key=reply_key).first()
            return earlier.body if earlier else _unstored_reply(inbound)
        for handler in registry.reply_handlers("received"):
            handler(inbound)
        reply = _answer(inbound)
        inbound.save()
        if reply and _stores_reply(inbound):
            now = timezone.now()
            OutboundMessage.objects.create(
                subject_id=inbound.subject_id,
                kind=REPLY,
                to_phone=inbound.from_phone,
                body=reply,
                send_at=now,
                sent_at=now,
                status=Status.SENT,
                delivery_status="TwiML reply",
                dedupe_key=reply_key,
            )
    logger.info("texting: reply %s stored (%s)", inbound.pk, inbound.kind)
    return reply


def _stores_reply(inbound: InboundMessage) -> bool:
    """A day-1 text from a number that belongs to nothing keeps only her text: the
    answer (the booking page and our phone) is the same for everyone, so it is not stored."""
    return not (inbound.kind == Kind.DAY_ONE and inbound.subject_id is None)


def _unstored_reply(inbound: InboundMessage) -> str:
    """Twilio retried a text whose answer was not stored: the same answer again, for a
    number that belonged to nothing (nothing is written, whatever it belongs to now)."""
    if _stores_reply(inbound):
        return ""
    found = day_one.match(inbound.body, today=timezone.localdate(inbound.received_at))
    inbound.reply_language = "es" if found and found.spanish else _reply_language(inbound)
    for handler in registry.reply_handlers("day_one_unknown"):
        reply = handler(inbound)
        if reply is not None:
            return reply
    return ""


def delivery_status_record(*, message_sid: str, status: str, error_code: str = "") -> bool:
    """Record Twilio's delivery report for a text we sent. False if the SID is unknown."""
    message = OutboundMessage.objects.filter(twilio_sid=message_sid).first()
    if message is None:
        return False
    if message.delivery_status in FINAL_STATUSES and status not in FINAL_STATUSES:
        return True  # a late "sent" after "delivered": keep the final word
    fields = {"delivery_status": status[:20], "updated_at": timezone.now()}
    if status in FINAL_STATUSES and message.status in (Status.SENT, Status.DELIVERED):
        fields["status"] = FINAL_STATUSES[status]
    if error_code:
        fields["last_error"] = f"Twilio {error_code[:10]}: {status[:20]}"
    OutboundMessage.objects.filter(pk=message.pk).update(**fields)
    if error_code == "21610":
        optout_add(phone=message.to_phone, source=OptOut.Source.TWILIO)
    logger.info("texting: message %s delivery status %s", message.pk, status[:20])
    return True

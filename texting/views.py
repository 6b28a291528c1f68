"""Twilio's webhooks. Both check the X-Twilio-Signature and answer 403 without it."""

import logging

from django.conf import settings
from django.http import HttpResponse, HttpResponseForbidden
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from twilio.request_validator import RequestValidator
from twilio.twiml.messaging_response import MessagingResponse

from clinic.middleware import clean_text
from clinic.ratelimit import client_ip, hit
from texting.inbound import delivery_status_record, inbound_receive

logger = logging.getLogger(__name__)


def signature_is_valid(request) -> bool:
    """Check Twilio's signature against SITE_URL, the address Twilio called.

    Behind a TLS proxy Django sees http://internal-host; Twilio signed the public
    https:// address, which is SITE_URL plus the path and query.
    """
    token = settings.TWILIO_AUTH_TOKEN
    signature = request.headers.get("X-Twilio-Signature", "")
    if not token or not signature:
        return False
    url = settings.SITE_URL + request.get_full_path()
    return RequestValidator(token).validate(url, request.POST, signature)


def _rate_limited(group: str, limit: int, period: int, request) -> HttpResponse | None:
    """Count a signed webhook toward its limit; a 429 once past it (Twilio retries later).

    Called after the signature check: unsigned posts never use up Twilio's allowance.
    """
    if hit(f"{group}:{client_ip(request)}", limit, period):
        return None
    response = HttpResponse("Too many requests.", status=429, content_type="text/plain")
    response["Retry-After"] = str(period)
    return response


def _forbidden() -> HttpResponse:
    logger.warning("texting: webhook refused, bad or missing signature")
    return HttpResponseForbidden("Invalid signature.", content_type="text/plain")


def twiml(text: str) -> HttpResponse:
    response = MessagingResponse()
    if text:
        response.message(text)
    return HttpResponse(str(response), content_type="application/xml")


@csrf_exempt
@require_POST
def inbound(request):
    """A patient's text. Answers with TwiML (an empty one when there is nothing to say)."""
    if not signature_is_valid(request):
        return _forbidden()
    if limited := _rate_limited("sms-inbound", 60, 60, request):
        return limited
    # Signed, but still typed by someone: no NUL reaches PostgreSQL (a 500 Twilio retries).
    message_sid = clean_text(request.POST.get("MessageSid", ""))
    from_phone = clean_text(request.POST.get("From", ""))
    if not message_sid or not from_phone:
        return HttpResponse(
            "MessageSid and From are required.", status=400, content_type="text/plain"
        )
    reply = inbound_receive(
        message_sid=message_sid[:64],
        from_phone=from_phone[:32],
        body=clean_text(request.POST.get("Body", ""))[:1600],
    )
    return twiml(reply)


@csrf_exempt
@require_POST
def status(request):
    """Twilio's delivery report for a text we sent."""
    if not signature_is_valid(request):
        return _forbidden()
    if limited := _rate_limited("sms-status", 600, 60, request):
        return limited
    delivery_status_record(
        message_sid=clean_text(request.POST.get("MessageSid", ""))[:64],
        status=clean_text(request.POST.get("MessageStatus", "")),
        error_code=clean_text(request.POST.get("ErrorCode", "")),
    )
    return HttpResponse(status=204)

"""The messages texting queues itself: automatic replies, staff answers and the urgent alert."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse

from texting import registry
from texting.inbound import REPLY, URGENT_ALERT
from texting.models import OutboundMessage

# A staff member's answer from the conversation page: only an opt-out stops it, and
# it goes to the number it was written to.
STAFF = "staff"


def urgent_alert_email(message: OutboundMessage) -> EmailMessage:
    """The front desk's email about an urgent reply: a link only, no body, phone or name."""
    inbound_id = int(message.dedupe_key.rsplit(":", 1)[1])
    link = settings.SITE_URL + reverse("admin:texting_inboundmessage_change", args=[inbound_id])
    return EmailMessage(
        subject="Urgent text reply from a patient",
        body="A patient sent an urgent reply to a text. Please read it in the admin now "
        f"and call them back:\n\n{link}\n",
        to=settings.STAFF_NOTIFICATION_EMAILS,
    )


def kinds_register() -> None:
    registry.kind_register(registry.MessageKind(REPLY, "Automatic reply"))
    registry.kind_register(registry.MessageKind(STAFF, "Answer from staff"))
    registry.kind_register(
        registry.MessageKind(
            URGENT_ALERT,
            "Urgent reply alert (email to staff)",
            channel=registry.EMAIL,
            build_email=urgent_alert_email,
        )
    )

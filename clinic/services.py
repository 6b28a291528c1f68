"""Writes with side effects for the practice's site."""

import logging
from functools import partial

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction

from clinic.models import ContactMessage

logger = logging.getLogger(__name__)


def contact_message_create(
    *, name: str, email: str, phone: str = "", message: str
) -> ContactMessage:
    """Save a contact message; after the commit, tell the staff it is in the admin."""
    with transaction.atomic():
        contact_message = ContactMessage.objects.create(
            name=name, email=email, phone=phone, message=message
        )
        transaction.on_commit(
            partial(contact_message_notify_staff, contact_message_id=contact_message.pk)
        )
    return contact_message


def contact_message_notify_staff(*, contact_message_id: int) -> None:
    """Email the staff a notice with a link to the admin, and nothing from the message.

    An email failure is logged (without any message data) and swallowed: the
    message is already saved and shows in the admin.
    """
    recipients = settings.STAFF_NOTIFICATION_EMAILS
    if not recipients:
        return
    admin_url = settings.SITE_URL + ContactMessage(pk=contact_message_id).get_admin_url()
    body = (
        "A new message came in through the website's contact form.\n\n"
        f"Read it in the admin (sign-in required):\n{admin_url}\n\n"
        "This email leaves out the message and the sender's details on purpose.\n"
    )
    try:
        send_mail(
            subject=f"New website message #{contact_message_id}",
            message=body,
            from_email=None,
            recipient_list=recipients,
        )
    except Exception as exc:  # noqa: BLE001 - SMTP, DNS, TLS: the message is safe either way
        logger.warning(
            "contact message %s: staff notice not sent: %s", contact_message_id, type(exc).__name__
        )

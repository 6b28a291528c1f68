"""The outbox and the inbox on their own: no other app of ours is imported here.

`test_independence.py` runs this file with `appointments` removed from
INSTALLED_APPS; it also runs in the normal suite.
"""

import datetime

import pytest
from django.core import mail
from django.core.mail import EmailMessage
from django.utils import timezone

from texting import registry
from texting.dispatch import outbox_dispatch_due
from texting.models import InboundMessage, OptOut, OutboundMessage
from texting.services import message_retry, outbox_queue
from texting.tests.conftest import twilio_error, twilio_message

Status = OutboundMessage.Status
PHONE = "+12125550142"
NOTE = "core_note"
NOTE_EMAIL = "core_note_email"
stopped: set[str] = set()  # dedupe keys the "app" no longer wants


@pytest.fixture(autouse=True)
def note_kinds():
    """An app of our own making registers two kinds, as appointments does."""
    registry.kind_register(
        registry.MessageKind(
            NOTE, "Note", stop_reason=lambda m, now: "Not wanted" if m.dedupe_key in stopped else ""
        )
    )
    registry.kind_register(
        registry.MessageKind(
            NOTE_EMAIL,
            "Note by email",
            channel=registry.EMAIL,
            build_email=lambda m: EmailMessage("A note", f"Note {m.subject_id}", to=["a@b.test"]),
        )
    )
    stopped.clear()


def note(key: str = "note:1", **fields) -> OutboundMessage:
    values = {"kind": NOTE, "key": key, "send_at": timezone.now(), "to_phone": PHONE}
    values.update(fields)
    return outbox_queue(render=lambda: "Hello from the practice. Reply STOP to opt out.", **values)


def test_a_queued_text_is_claimed_and_sent_once(db, sms_outbox):
    message = note()
    assert note() == message  # the same key queues nothing new

    assert outbox_dispatch_due() == 1
    assert outbox_dispatch_due() == 0
    message.refresh_from_db()
    assert message.status == Status.SENT
    assert [t.to for t in sms_outbox] == [PHONE]


def test_a_text_its_app_no_longer_wants_is_cancelled_with_the_apps_reason(db, sms_outbox):
    message = note()
    stopped.add(message.dedupe_key)

    outbox_dispatch_due()

    message.refresh_from_db()
    assert (message.status, message.last_error) == (Status.CANCELLED, "Not wanted")
    assert sms_outbox == []


def test_an_email_kind_is_built_at_send_time_and_sent_once(db):
    outbox_queue(
        kind=NOTE_EMAIL, key="mail:7", send_at=timezone.now(), subject_id=7, channel="email"
    )

    outbox_dispatch_due()
    outbox_dispatch_due()

    [email] = mail.outbox
    assert (email.subject, email.body) == ("A note", "Note 7")


def test_a_temporary_twilio_error_is_retried_later_and_a_failed_text_can_be_retried(
    db, fake_twilio, time_machine
):
    http, backend = fake_twilio(
        twilio_error(503, 20503), twilio_error(400, 21408), twilio_message()
    )
    message = note()

    outbox_dispatch_due(backend=backend)
    message.refresh_from_db()
    assert (message.status, message.attempts) == (Status.PENDING, 1)

    time_machine.shift(datetime.timedelta(minutes=2))
    outbox_dispatch_due(backend=backend)
    message.refresh_from_db()
    assert message.status == Status.FAILED

    assert message_retry(message=message, backend=backend)
    outbox_dispatch_due(backend=backend)
    message.refresh_from_db()
    assert message.status == Status.SENT
    assert len(http.requests) == 3


def test_stop_opts_out_and_cancels_pending_texts_and_start_opts_back_in(db, signed_post):
    message = note(send_at=timezone.now() + datetime.timedelta(days=1))

    signed_post("/sms/inbound/", {"MessageSid": "SM1", "From": PHONE, "Body": "STOP"})
    message.refresh_from_db()
    assert OptOut.objects.filter(phone=PHONE).exists()
    assert message.status == Status.CANCELLED

    response = signed_post("/sms/inbound/", {"MessageSid": "SM2", "From": PHONE, "Body": "START"})
    assert not OptOut.objects.filter(phone=PHONE).exists()
    assert response.status_code == 200


def test_a_reply_with_no_app_to_claim_it_is_stored_unlinked(db, signed_post):
    response = signed_post("/sms/inbound/", {"MessageSid": "SM3", "From": PHONE, "Body": "Hi"})

    assert response.status_code == 200
    inbound = InboundMessage.objects.get()
    assert (inbound.from_phone, inbound.body) == (PHONE, "Hi")


def test_a_delivery_report_updates_the_text(db, signed_post, sms_outbox):
    message = note()
    outbox_dispatch_due()
    sid = OutboundMessage.objects.get(pk=message.pk).twilio_sid

    signed_post("/sms/status/", {"MessageSid": sid, "MessageStatus": "delivered"})

    message.refresh_from_db()
    assert (message.status, message.delivery_status) == (Status.DELIVERED, "delivered")

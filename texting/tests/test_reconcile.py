"""A text in "Needs review" is looked up in Twilio's message list before any retry."""

import datetime

from texting.dispatch import outbox_dispatch_due, outbox_reconcile
from texting.models import OutboundMessage
from texting.services import message_retry
from texting.tests.conftest import ny, twilio_error, twilio_list, twilio_message
from texting.tests.factories import make_message, make_request

Status = OutboundMessage.Status
CLAIMED = ny(2026, 6, 10, 11, 45)


def stuck_sends(count: int) -> list[OutboundMessage]:
    """Texts a worker claimed and died on: the drill's six sends."""
    messages = []
    for i in range(count):
        request = make_request()
        messages.append(
            make_message(
                request,
                body=f"Interventional Radiology, P.C.: text {i}. Reply STOP to opt out.",
                status=Status.SENDING,
                attempts=1,
                claimed_at=CLAIMED,
                send_at=CLAIMED,
            )
        )
    return messages


def test_a_worker_killed_during_six_sends_texts_nobody_twice(db, fake_twilio):
    messages = stuck_sends(6)
    went = messages[:2]  # Twilio had accepted these two before the worker died
    found = [twilio_list((f"SM{i:032d}", m.to_phone, m.body)) for i, m in enumerate(went)]
    nothing = [twilio_list() for _ in messages[2:]]
    # Each lookup of the dispatcher, then each staff retry, then the four real sends.
    http, backend = fake_twilio(*found, *nothing, *[twilio_list()] * 4, *[twilio_message()] * 4)

    outbox_dispatch_due(backend=backend)
    statuses = [OutboundMessage.objects.get(pk=m.pk).status for m in messages]
    assert statuses == [Status.SENT] * 2 + [Status.REVIEW] * 4

    retried = [message_retry(message=m, backend=backend) for m in OutboundMessage.objects.all()]
    outbox_dispatch_due(backend=backend)

    assert retried == [False] * 2 + [True] * 4
    posts = [r for r in http.requests if r["method"] == "POST"]
    assert sorted(p["data"]["To"] for p in posts) == sorted(m.to_phone for m in messages[2:])
    assert {m.status for m in OutboundMessage.objects.all()} == {Status.SENT}
    first = OutboundMessage.objects.get(pk=went[0].pk)
    assert first.twilio_sid == "SM" + "0" * 32
    assert "had gone out" in first.last_error


def test_the_lookup_asks_twilio_by_number_and_time_window(db, fake_twilio):
    [message] = stuck_sends(1)
    message.status = Status.REVIEW
    message.save()
    http, backend = fake_twilio(twilio_list(("SMx", message.to_phone, "another text")))

    assert outbox_reconcile(message=message, backend=backend) is False

    [lookup] = http.requests
    assert lookup["method"] == "GET"
    assert lookup["url"].endswith("/Messages.json")
    assert lookup["params"]["To"] == message.to_phone
    since = (CLAIMED - datetime.timedelta(minutes=2)).astimezone(datetime.UTC)
    assert lookup["params"]["DateSent>"] == since.strftime("%Y-%m-%dT%H:%M:%SZ")
    assert "DateSent<" in lookup["params"]


def test_when_twilio_cannot_be_asked_the_text_is_not_retried(db, fake_twilio):
    [message] = stuck_sends(1)
    message.status = Status.REVIEW
    message.save()
    http, backend = fake_twilio(twilio_error(500, 20500, "Internal error"))

    assert message_retry(message=message, backend=backend) is False

    message.refresh_from_db()
    assert message.status == Status.REVIEW
    assert message.last_error.startswith("Could not check Twilio's log")
    assert [r["method"] for r in http.requests] == ["GET"]

"""Automatic replies: an urgent text when the office is closed, a plain message, and
texts that can show on a lock screen."""

import importlib

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError

from appointments.outbox import request_text
from clinic.models import Closure, Practice
from texting import bodies, keywords
from texting.models import InboundMessage, MessageTemplate, OptOut
from texting.tests.conftest import ny
from texting.tests.factories import make_request
from texting.tests.test_webhooks import INBOUND, PHONE, sms

URGENT = "I have a fever and heavy bleeding"
CLOSED_NOW = "our office is closed now"


def reply_to(signed_post, body: str, sid: str = "SM" + "e" * 32) -> str:
    response = signed_post(INBOUND, sms(body, sid=sid))
    assert response.status_code == 200
    return response.content.decode()


# --- Urgent: open or closed --------------------------------------------------------------


def test_an_urgent_text_while_the_office_is_open_asks_to_call_now(db, signed_post):
    make_request(phone=PHONE)
    reply = reply_to(signed_post, URGENT)  # a Wednesday at noon
    assert "Please call us now at (212) 246-2063" in reply
    assert "call 911 or go to the nearest emergency room" in reply
    assert CLOSED_NOW not in reply


@pytest.mark.parametrize(
    "when",
    [
        ny(2026, 6, 10, 22, 30),  # a Wednesday night
        ny(2026, 6, 10, 8, 59),  # a minute before opening
        ny(2026, 6, 13, 12, 0),  # a Saturday
        ny(2026, 11, 26, 12, 0),  # Thanksgiving, a Thursday
    ],
)
def test_an_urgent_text_while_the_office_is_closed_says_so(db, signed_post, time_machine, when):
    time_machine.move_to(when, tick=False)
    reply = reply_to(signed_post, URGENT)
    assert CLOSED_NOW in reply
    assert "call 911 or go to the nearest emergency room" in reply
    assert InboundMessage.objects.get().is_urgent


def test_an_admin_closure_counts_as_closed(db, signed_post):
    day = ny(2026, 6, 10, 12, 0).date()
    Closure.objects.create(first_day=day, last_day=day, reason="Staff training")
    assert CLOSED_NOW in reply_to(signed_post, URGENT)


def test_the_after_hours_number_is_given_when_the_practice_has_one(db, signed_post, time_machine):
    practice = Practice.objects.current()
    practice.after_hours_phone = "(212) 555-0100"
    practice.save()
    time_machine.move_to(ny(2026, 6, 10, 23, 0), tick=False)
    reply = reply_to(signed_post, URGENT)
    assert "call (212) 555-0100, or 911 in an emergency" in reply


# --- A plain message: acknowledged with when the office answers --------------------------


def test_a_plain_message_is_acknowledged_with_the_office_hours(db, signed_post):
    reply = reply_to(signed_post, "Can I bring my partner?")
    assert "we got your message" in reply
    assert "Monday to Friday, 9:00 am to 5:00 pm" in reply
    assert "If it cannot wait, call (212) 246-2063" in reply


def test_one_acknowledgement_per_twelve_hours_for_a_conversation(db, signed_post, time_machine):
    assert "we got your message" in reply_to(signed_post, "Hello", sid="SM" + "1" * 32)
    assert "<Message>" not in reply_to(signed_post, "One more thing", sid="SM" + "2" * 32)
    time_machine.move_to(ny(2026, 6, 11, 1, 0), tick=False)  # 13 hours later
    assert "we got your message" in reply_to(signed_post, "Hello again", sid="SM" + "3" * 32)


def test_no_acknowledgement_to_an_opted_out_number_or_a_request_to_stop(db, signed_post):
    assert "<Message>" not in reply_to(signed_post, "please stop texting me")
    OptOut.objects.create(phone="+12125550199")
    response = signed_post(INBOUND, sms("ok", sid="SM" + "4" * 32, phone="+12125550199"))
    assert "<Message>" not in response.content.decode()


# --- The template check: lock screens -----------------------------------------------------


@pytest.mark.parametrize("word", ["pad", "bleeding", "cramps", "pain reliever", "fever"])
def test_a_template_naming_a_symptom_or_item_is_refused(db, word):
    template = MessageTemplate.objects.get(kind="reminder")
    template.body = "{practice}: see you tomorrow. Bring a " + word + ". Reply STOP to opt out."
    with pytest.raises(ValidationError) as error:
        template.full_clean()
    assert any("lock screen" in text for text in error.value.message_dict["body"])


@pytest.mark.parametrize("kind", sorted(bodies.CLOSED_HELP_KINDS))
def test_a_call_us_template_must_say_what_to_do_when_the_office_is_closed(db, kind):
    template = MessageTemplate.objects.get(kind=kind)
    template.body = "{practice}: please call us now at {phone}. Reply STOP to opt out."
    with pytest.raises(ValidationError) as error:
        template.full_clean()
    assert any("{closed_help}" in text for text in error.value.message_dict["body"])


def test_the_follow_up_points_to_the_warning_signs_without_naming_them(db, client, settings):
    settings.SITE_URL = "https://clinic.example"
    text = request_text("follow_up", make_request())
    assert "https://clinic.example/contact/#warning-signs" in text
    assert bodies.SYMPTOM_WORDS.search(text) is None
    contact = client.get("/contact/").content.decode()
    assert 'id="warning-signs"' in contact and "Heavy bleeding" in contact


def test_the_migration_rewrites_old_and_unsafe_templates_and_keeps_safe_edits(db):
    migration = importlib.import_module("texting.migrations.0004_safer_texts")
    MessageTemplate.objects.filter(kind="reminder").update(body=migration.OLD["reminder"])
    MessageTemplate.objects.filter(kind="scheduled").update(
        body="{practice}: see you {date}. Bring a pad. Reply STOP to opt out."
    )
    kept = "{practice}: thanks {first_name}! Reply STOP to opt out."
    MessageTemplate.objects.filter(kind="received").update(body=kept)
    MessageTemplate.objects.filter(kind__in=["reply_closed", "reply_message"]).delete()

    migration.load(apps, None)

    templates = dict(MessageTemplate.objects.values_list("kind", "body"))
    assert templates["reminder"] == migration.NEW["reminder"]
    assert templates["scheduled"] == migration.NEW["scheduled"]
    assert templates["received"] == kept
    assert templates["reply_closed"] == migration.NEW["reply_closed"]
    assert templates["reply_message"] == migration.NEW["reply_message"]


@pytest.mark.parametrize(
    "body", ["my cramps are getting worse", "the pain is much worse now", "worsening pain"]
)
def test_pain_that_gets_worse_is_urgent_like_the_warning_signs_say(body):
    assert keywords.is_urgent(body)

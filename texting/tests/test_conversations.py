"""The conversation page: one phone's texts both ways, and answers from the front desk
that go through the outbox like any text."""

import datetime
import uuid

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import otp_login
from texting.dispatch import outbox_dispatch_due
from texting.inbound import inbound_receive
from texting.kinds import STAFF
from texting.models import InboundMessage, OptOut, OutboundMessage, QuickReply
from texting.tests.conftest import ny
from texting.tests.factories import make_message, make_request

pytestmark = pytest.mark.django_db


def receive(request, body="When should I come in?", sid=None):
    inbound_receive(message_sid=sid or f"SM{uuid.uuid4().hex}", from_phone=request.phone, body=body)
    return InboundMessage.objects.filter(from_phone=request.phone).first()


def page_url(inbound):
    return reverse("admin:texting_conversation", args=[inbound.pk])


def answer(client, inbound, body, **extra):
    data = {"body": body, "key": str(uuid.uuid4()), **extra}
    return client.post(page_url(inbound), data)


def test_the_conversation_shows_both_ways_in_order_with_the_request(admin_client):
    request = make_request(first_name="Maria", last_name="Lopez", phone="+12122462063")
    make_message(request, send_at=timezone.now() - datetime.timedelta(hours=1))
    inbound = receive(request, "Can I eat before?")

    html = admin_client.get(page_url(inbound)).content.decode()

    assert "Conversation with Maria Lopez" in html
    assert f"{request.reference}, Maria Lopez: Requested" in html
    assert '<a href="tel:+12122462063">(212) 246-2063</a>' in html
    assert html.index("hello. Reply STOP") < html.index("Can I eat before?")
    assert "From patient" in html and "To patient, from Automatic" in html


def test_the_conversation_url_carries_no_phone_number(admin_client):
    request = make_request()
    inbound = receive(request)

    assert request.phone.lstrip("+") not in page_url(inbound)


def test_an_answer_goes_through_the_outbox_with_who_sent_it(
    admin_client, staff_user, sms_outbox, django_capture_on_commit_callbacks
):
    request = make_request()
    inbound = receive(request)

    with django_capture_on_commit_callbacks(execute=True):
        response = answer(admin_client, inbound, "Yes, you can eat as usual.")

    assert response.status_code == 302
    text = OutboundMessage.objects.get(kind=STAFF)
    assert text.sent_by == staff_user
    assert text.subject_id == request.pk
    assert text.to_phone == request.phone
    outbox_dispatch_due()
    assert [m.body for m in sms_outbox if m.to == request.phone][-1] == (
        "Yes, you can eat as usual."
    )
    html = admin_client.get(page_url(inbound)).content.decode()
    assert "To patient, from frontdesk" in html


def test_an_answer_is_the_inboxs_read_receipt(admin_client):
    request = make_request()
    first = receive(request, "Hello?")
    receive(request, "Anyone there?")
    assert InboundMessage.objects.filter(is_read=False).count() == 2

    answer(admin_client, first, "Yes, how can we help?")

    assert InboundMessage.objects.filter(is_read=False).count() == 0


def test_a_double_submit_sends_one_answer(admin_client):
    request = make_request()
    inbound = receive(request)
    data = {"body": "Thank you.", "key": str(uuid.uuid4())}

    admin_client.post(page_url(inbound), data)
    admin_client.post(page_url(inbound), data)

    assert OutboundMessage.objects.filter(kind=STAFF).count() == 1


def test_an_opted_out_number_gets_no_answer_and_staff_are_told(admin_client):
    request = make_request()
    inbound = receive(request)
    OptOut.objects.create(phone=request.phone)

    response = answer(admin_client, inbound, "Thank you.", send="1")

    assert response.status_code == 200
    assert "opted out" in response.content.decode()
    assert not OutboundMessage.objects.filter(kind=STAFF).exists()


def test_health_words_and_long_answers_are_refused_with_the_answer_kept(admin_client):
    request = make_request()
    inbound = receive(request)

    named = answer(admin_client, inbound, "Your HSG is at 10.")
    long = answer(admin_client, inbound, "word " * 200)

    assert "must not name the exam" in named.content.decode()
    assert "Your HSG is at 10.</textarea>" in named.content.decode()
    assert "please keep it to 3" in long.content.decode()
    assert not OutboundMessage.objects.filter(kind=STAFF).exists()


def test_a_quick_reply_is_sent_when_the_box_is_left_empty(admin_client):
    request = make_request()
    inbound = receive(request)
    quick = QuickReply.objects.create(title="Call us", body="Please call the office.")

    answer(admin_client, inbound, "", quick_reply=str(quick.pk))

    assert OutboundMessage.objects.get(kind=STAFF).body == ("Please call the office.")


def test_quick_replies_are_edited_in_the_admin(admin_client):
    response = admin_client.post(
        reverse("admin:texting_quickreply_add"),
        {
            "title": "Parking",
            "body": "There is a garage on 57th Street.",
            "order": 5,
            "active": "on",
        },
    )

    assert response.status_code == 302
    assert QuickReply.objects.filter(title="Parking").exists()


def test_at_night_an_answer_waits_for_8_am(staff_user, time_machine):
    request = make_request()
    time_machine.move_to(ny(2026, 6, 10, 22, 0), tick=False)
    admin_client = otp_login(Client(), staff_user)  # the evening shift signs in
    inbound = receive(request)

    answer(admin_client, inbound, "We will call you in the morning.")

    text = OutboundMessage.objects.get(kind=STAFF)
    assert text.send_at == ny(2026, 6, 11, 8, 0)
    assert not text.quiet_hours_ok


def test_at_night_staff_may_answer_her_own_message_at_once(staff_user, time_machine, sms_outbox):
    request = make_request()
    time_machine.move_to(ny(2026, 6, 10, 22, 0), tick=False)
    admin_client = otp_login(Client(), staff_user)
    inbound = receive(request, "I have a question about tomorrow")
    page = admin_client.get(page_url(inbound)).content.decode()
    assert "Send now, although it is quiet hours" in page

    answer(admin_client, inbound, "Call us at 8 am, we will help.", send_now="on")
    outbox_dispatch_due()

    text = OutboundMessage.objects.get(kind=STAFF)
    assert text.quiet_hours_ok and text.status == OutboundMessage.Status.SENT
    assert sms_outbox[-1].body == "Call us at 8 am, we will help."


def test_the_quiet_hours_choice_is_offered_only_at_night(admin_client):
    request = make_request()
    inbound = receive(request)

    page = admin_client.get(page_url(inbound)).content.decode()

    assert "Send now, although it is quiet hours" not in page


def test_staff_who_may_only_view_cannot_answer(client, django_user_model):
    user = django_user_model.objects.create_user(username="viewer", password="x", is_staff=True)
    group = Group.objects.create(name="Viewers")
    group.permissions.add(
        *Group.objects.get(name="Front desk").permissions.filter(codename__startswith="view_")
    )
    user.groups.add(group)
    viewer = otp_login(client, user)
    request = make_request()
    inbound = receive(request)

    assert viewer.get(page_url(inbound)).status_code == 200
    assert "Send the answer" not in viewer.get(page_url(inbound)).content.decode()
    assert answer(viewer, inbound, "Hello").status_code == 403
    assert not OutboundMessage.objects.filter(kind=STAFF).exists()


# --- The inbox --------------------------------------------------------------------------


def test_the_inbox_lists_urgent_unread_first_with_name_phone_and_words(admin_client):
    calm = make_request(first_name="Ana", last_name="Calm")
    urgent = make_request(first_name="Bea", last_name="Urgent")
    receive(calm, "Thanks!")
    receive(urgent, "I have a fever and heavy bleeding")
    receive(calm, "One more question")

    html = admin_client.get(reverse("admin:texting_inboundmessage_changelist")).content.decode()

    assert html.index("Bea Urgent") < html.index("Ana Calm")
    assert ">Urgent</strong>" in html and "Not read" in html
    assert "I have a fever and heavy bleeding" in html  # the whole text, not cut
    assert f'href="tel:{calm.phone}"' in html
    assert "icon-yes.svg" not in html and "icon-no.svg" not in html


@pytest.mark.parametrize("term", ["(212) 555-7777", "212 555 7777", "Zelda", "parking"])
def test_the_inbox_finds_by_phone_name_or_words(admin_client, term):
    found = make_request(first_name="Zelda", phone="+12125557777")
    other = make_request(first_name="Other")
    receive(found, "Where is parking?")
    receive(other, "Hello")

    html = admin_client.get(
        reverse("admin:texting_inboundmessage_changelist"), {"q": term}
    ).content.decode()

    assert "Where is parking?" in html and ">Hello<" not in html

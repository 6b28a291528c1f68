"""The front desk's inbox in Chromium: an urgent reply puts a red banner on every admin
page until someone reads it; a receptionist answers a text and the patient's phone
(the console backend) receives it. axe finds nothing on the new pages."""

import logging

from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.helpers import admin_sign_in, axe_violations, describe, patient_request
from texting.dispatch import outbox_dispatch_due
from texting.inbound import inbound_receive
from texting.kinds import STAFF
from texting.models import InboundMessage, OutboundMessage


def assert_no_violations(page):
    violations = axe_violations(page)
    assert violations == [], f"{page.url}\n{describe(violations)}"


def test_an_urgent_reply_shows_a_banner_until_someone_reads_it(page, front_desk):
    appointment = patient_request()
    inbound_receive(
        message_sid="SM" + "d" * 32, from_phone=appointment.phone, body="I have a fever"
    )
    admin_sign_in(page, *front_desk)

    banner = page.locator(".front-desk-alert")
    assert "1 urgent reply from patients not read yet" in banner.inner_text()
    assert page.locator(".today-urgent").count() >= 1
    assert_no_violations(page)  # the home page with its counts and the banner
    page.goto(reverse("admin:appointments_appointmentrequest_changelist"))
    assert banner.is_visible()

    banner.get_by_role("link", name="Read now").click()
    page.wait_for_url("**is_urgent__exact=1")
    rows = page.locator("#result_list tbody tr")
    rows.first.wait_for()
    assert rows.count() == 1 and "Urgent" in rows.first.inner_text()
    assert "Maria Lopez" in rows.first.inner_text()
    assert_no_violations(page)  # the inbox
    rows.first.get_by_role("link", name="Open and answer").click()
    page.get_by_role("heading", name="Texts, oldest first").wait_for()
    assert_no_violations(page)  # the conversation

    page.goto(reverse("admin:index"))
    assert page.locator(".front-desk-alert").count() == 0
    assert InboundMessage.objects.get().is_read


def test_a_receptionist_answers_a_text_and_the_patients_phone_receives_it(
    page, front_desk, settings, caplog
):
    settings.DEBUG = True  # the console backend shows the number and words only then
    settings.SMS_BACKEND = "texting.backends.console.SmsBackend"
    appointment = patient_request()
    inbound_receive(
        message_sid="SM" + "e" * 32, from_phone=appointment.phone, body="Can I bring my partner?"
    )
    admin_sign_in(page, *front_desk)
    page.goto(reverse("admin:texting_inboundmessage_changelist"))
    page.get_by_role("link", name="Open and answer").click()
    page.get_by_role("heading", name="Texts, oldest first").wait_for()

    page.get_by_label("Quick reply").select_option(label="Thanks, we will call")
    box = page.get_by_label("Your answer")
    # The script fills the box after the change event: wait for it (a bare read raced it).
    expect(box).to_have_value("Thank you for your message. We will call you today.")
    box.fill("Yes, your partner is welcome in the waiting room.")
    page.locator("#segment-count").get_by_text("1 text").wait_for()
    box.fill("Yes. " * 40)
    page.locator("#segment-count").get_by_text("2 texts").wait_for()
    box.fill("Yes, your partner is welcome in the waiting room.")
    assert_no_violations(page)
    page.get_by_role("button", name="Send the answer").click()
    page.get_by_text("Your answer is on its way.").wait_for()

    with caplog.at_level(logging.INFO, logger="texting.console"):
        outbox_dispatch_due()  # what the worker does each minute

    sent = [r.getMessage() for r in caplog.records if r.name == "texting.console"]
    assert any(appointment.phone in line and "your partner is welcome" in line for line in sent), (
        sent
    )
    text = OutboundMessage.objects.get(kind=STAFF)
    assert text.sent_by == front_desk[0] and text.status == OutboundMessage.Status.SENT
    page.reload()
    thread = page.locator(".conversation-thread")
    thread.wait_for()
    assert "To patient, from frontdesk" in thread.inner_text()
    assert "Sent" in thread.locator(".bubble-out").last.inner_text()


def test_a_quick_reply_picked_before_the_script_loads_still_fills_the_box(page, front_desk):
    appointment = patient_request()
    inbound_receive(message_sid="SM" + "f" * 32, from_phone=appointment.phone, body="Hello?")
    admin_sign_in(page, *front_desk)
    held = []
    # Hold the page's script back until the choice is made, as on a slow phone line.
    page.route("**/conversation*.js", lambda route: held.append(route))
    page.goto(reverse("admin:texting_inboundmessage_changelist"))
    page.get_by_role("link", name="Open and answer").click()
    page.get_by_role("heading", name="Texts, oldest first").wait_for()
    page.get_by_label("Quick reply").select_option(label="Thanks, we will call")
    box = page.get_by_label("Your answer")
    assert box.input_value() == ""
    while not held:
        page.wait_for_timeout(50)
    held[0].continue_()
    expect(box).to_have_value("Thank you for your message. We will call you today.")

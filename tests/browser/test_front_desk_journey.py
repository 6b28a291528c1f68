"""The front desk in Chromium: signs in with a password and an authenticator code, finds a
patient's request by its reference, books it, is refused "completed" before the booked
time until she gives a reason, sees the follow-up text waiting to go, then undoes the
mistake with Reopen."""

import datetime as dt

from django.utils import timezone

from appointments.models import AppointmentRequest
from clinic.models import OpeningHours
from tests.browser.helpers import admin_sign_in, axe_violations, patient_request
from tests.content import bookable_lmp
from texting.models import OutboundMessage


def test_the_front_desk_schedules_completes_and_sees_the_follow_up_text_queued(
    page, front_desk, settings
):
    settings.RATELIMIT_ENABLED = False
    appointment = patient_request()
    _, open_days = bookable_lmp()
    day = open_days[0]
    opens = OpeningHours.objects.get(weekday=day.weekday()).opens
    at = timezone.make_aware(dt.datetime.combine(day, opens) + dt.timedelta(hours=1))

    admin_sign_in(page, *front_desk)
    # The model's row on the index (the app's caption has the same words).
    page.locator("#content-main a[href$='/appointmentrequest/']").first.click()
    page.get_by_role("textbox", name="Search").fill(appointment.reference)
    page.keyboard.press("Enter")
    rows = page.locator("#result_list tbody tr")
    rows.first.wait_for()
    assert rows.count() == 1
    rows.get_by_role("link", name=appointment.reference).click()

    page.get_by_role("link", name="Schedule", exact=True).click()
    page.get_by_label("Date").fill(day.isoformat())
    page.get_by_label("Time").fill(at.strftime("%H:%M"))
    page.get_by_role("button", name="Book").click()
    page.get_by_text(f"{appointment.reference}: schedule done.").wait_for()

    page.get_by_role("link", name="Mark completed").click()
    assert page.get_by_text("Booked for ").first.is_visible()  # the confirm page says when
    page.get_by_role("button", name="Yes, the exam is done").click()
    # The exam is still to come: refused, with the booked time, until staff say why.
    page.get_by_text("it cannot be marked completed before then").wait_for()
    assert axe_violations(page) == []
    appointment.refresh_from_db()
    assert appointment.status == AppointmentRequest.Status.SCHEDULED
    page.get_by_role("checkbox", name="Before the booked time").check()
    page.get_by_label("Why, if before the booked time").fill("She came in early")
    page.get_by_role("button", name="Yes, the exam is done").click()
    page.get_by_text(f"{appointment.reference}: mark completed done.").wait_for()

    texts = page.locator("table.texting-thread tbody tr")
    follow_up = texts.filter(has_text="Follow-up (after the exam)")
    assert follow_up.count() == 1
    assert "Pending" in follow_up.inner_text()
    appointment.refresh_from_db()
    assert appointment.status == AppointmentRequest.Status.COMPLETED
    assert appointment.scheduled_at == at
    queued = OutboundMessage.objects.get(subject_id=appointment.pk, kind="follow_up")
    assert queued.status == OutboundMessage.Status.PENDING
    assert queued.send_at > appointment.completed_at

    # A mistake: Reopen puts the booking back and stops the follow-up.
    page.get_by_role("link", name="Reopen").click()
    page.get_by_text("the request goes back to").wait_for()
    assert axe_violations(page) == []
    page.get_by_role("button", name="Yes, undo it").click()
    page.get_by_text(f"{appointment.reference}: reopen done.").wait_for()
    appointment.refresh_from_db()
    assert appointment.status == AppointmentRequest.Status.SCHEDULED
    assert appointment.scheduled_at == at
    queued.refresh_from_db()
    assert queued.status == OutboundMessage.Status.CANCELLED

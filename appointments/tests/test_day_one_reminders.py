"""Texts near her next day 1: when they go (months, DST, quiet hours), and when they stop.

The clock is conftest.NOW (Tuesday, March 2, 2027, 10 am) unless a test moves it.
"""

import datetime as dt
import itertools
import re

import pytest
import time_machine

from appointments import day_one, services, tokens
from appointments.availability import clinic_calendar
from appointments.models import AppointmentRequest, DayOneReminder
from appointments.tests.conftest import NEW_YORK
from appointments.tests.factories import AppointmentRequestFactory
from texting.bodies import FORBIDDEN_WORDS, SYMPTOM_WORDS
from texting.dispatch import outbox_dispatch_due
from texting.models import InboundMessage, OptOut, OutboundMessage

pytestmark = pytest.mark.django_db

UTC = dt.UTC
PHONE = "+12125550123"
Status = OutboundMessage.Status


def ny(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=NEW_YORK)


def plan(lmp, length=None, now=None):
    return day_one.reminder_plan(lmp, length, now=now or ny(2027, 1, 25, 10, 0), hour=10)


# --- The schedule ------------------------------------------------------------------


def test_two_days_before_and_three_days_after_across_a_month():
    when = plan(dt.date(2027, 1, 20), 28)
    assert when.expected == dt.date(2027, 2, 17)
    assert when.first_at == ny(2027, 2, 15, 10, 0)
    assert when.second_at == ny(2027, 2, 20, 10, 0)


def test_an_unknown_cycle_length_counts_28_days_and_a_known_one_is_used():
    assert plan(dt.date(2027, 1, 20)).expected == dt.date(2027, 2, 17)
    assert plan(dt.date(2027, 1, 20), 35).expected == dt.date(2027, 2, 24)


def test_the_hour_stays_10_am_across_the_spring_dst_change():
    # Clocks go forward on Sunday, March 14, 2027: before it 10 am is 15:00 UTC, after 14:00.
    when = plan(dt.date(2027, 2, 14), 28, now=ny(2027, 3, 1, 9, 0))
    assert when.expected == dt.date(2027, 3, 14)
    assert when.first_at.astimezone(UTC) == dt.datetime(2027, 3, 12, 15, 0, tzinfo=UTC)
    assert when.second_at.astimezone(UTC) == dt.datetime(2027, 3, 17, 14, 0, tzinfo=UTC)


def test_the_hour_stays_10_am_across_the_autumn_dst_change():
    # Clocks go back on Sunday, November 1, 2026.
    when = plan(dt.date(2026, 10, 4), 28, now=ny(2026, 10, 20, 9, 0))
    assert when.expected == dt.date(2026, 11, 1)
    assert when.first_at.astimezone(UTC) == dt.datetime(2026, 10, 30, 14, 0, tzinfo=UTC)
    assert when.second_at.astimezone(UTC) == dt.datetime(2026, 11, 4, 15, 0, tzinfo=UTC)


def test_an_expected_day_too_close_moves_to_the_next_cycle():
    # Periods expected Jan 29, Feb 26 (its first text, Feb 24, is past), then March 26.
    when = plan(dt.date(2027, 1, 1), 28, now=ny(2027, 3, 2, 10, 0))
    assert when.expected == dt.date(2027, 3, 26)
    assert when.first_at == ny(2027, 3, 24, 10, 0)


def test_asked_on_the_day_of_the_first_text_after_its_hour_it_goes_now():
    now = ny(2027, 2, 15, 15, 30)
    when = plan(dt.date(2027, 1, 20), 28, now=now)
    assert when.expected == dt.date(2027, 2, 17) and when.first_at == now


# --- Asking for them -------------------------------------------------------------------


@pytest.fixture
def passed(booking_setup):
    """Her window (February 14 to 21) has passed: the confirmation page says text on day 1."""
    return AppointmentRequestFactory(
        last_period_start=dt.date(2027, 2, 10),
        cycle_length=30,
        preferred_date_1=None,
        sms_consent=True,
        sms_consent_text="I agree to texts.",
    )


def confirmation(client, request):
    return f"/appointments/request/done/{tokens.confirmation_token(request.pk)}/"


def test_the_confirmation_page_offers_the_texts_and_one_click_queues_both(client, passed):
    page = confirmation(client, passed)
    assert "Text me before my next period" in client.get(page).content.decode()

    response = client.post(page + "day-one-texts/", follow=True)

    html = response.content.decode()
    assert "We will text you around Wednesday, March 10." in html
    assert "We will text you 2 days before your next period is expected" in html
    reminder = DayOneReminder.objects.get(request=passed)
    assert reminder.expected_day == dt.date(2027, 3, 12) and reminder.cycle_length == 30
    rows = OutboundMessage.objects.filter(subject_id=passed.pk).order_by("send_at")
    assert [(r.kind, r.send_at) for r in rows] == [
        (day_one.REMIND, ny(2027, 3, 10, 10, 0)),
        (day_one.REMIND_AGAIN, ny(2027, 3, 15, 10, 0)),
    ]
    for row in rows:
        assert "Reply 1 on your day 1" in row.body and row.body.endswith("Reply STOP to opt out.")
        assert not FORBIDDEN_WORDS.search(row.body) and not SYMPTOM_WORDS.search(row.body)
    # Asking twice queues nothing more.
    client.post(page + "day-one-texts/")
    assert OutboundMessage.objects.filter(subject_id=passed.pk).count() == 2


@pytest.mark.parametrize(
    "changes",
    [
        {"last_period_start": dt.date(2027, 3, 1)},  # her window is open: she books now
        {"cycle_irregular": True},
        {"sms_consent": False},
        {"status": AppointmentRequest.Status.CANCELLED},
    ],
)
def test_they_are_not_offered_when_they_do_not_fit(client, passed, changes):
    AppointmentRequest.objects.filter(pk=passed.pk).update(**changes)
    passed.refresh_from_db()
    assert (
        "Text me before my next period"
        not in client.get(confirmation(client, passed)).content.decode()
    )
    client.post(confirmation(client, passed) + "day-one-texts/")
    assert not DayOneReminder.objects.exists()


def test_an_opted_out_number_is_not_offered_them(client, passed):
    OptOut.objects.create(phone=PHONE)
    with pytest.raises(Exception, match="cannot send you these texts"):
        day_one.reminder_start(request=passed, plan=_plan(passed))


def _plan(request):
    return clinic_calendar().plan(request.last_period_start, request.cycle_length)


def test_the_manage_page_button_needs_her_date_of_birth_first(client, passed):
    page = f"/appointments/manage/{tokens.manage_token(passed.pk)}/"
    client.post(page + "day-one-texts/")
    assert not DayOneReminder.objects.exists()
    client.post(page, {"date_of_birth": "1990-03-14"})
    assert "Text me before my next period" in client.get(page).content.decode()
    client.post(page + "day-one-texts/")
    assert DayOneReminder.objects.get().request == passed


# --- Sending and stopping --------------------------------------------------------------


@pytest.fixture
def subscribed(passed):
    day_one.reminder_start(request=passed, plan=_plan(passed))
    return passed


@pytest.fixture
def sent_bodies(sms_sent):
    return lambda: [m.body for m in sms_sent]


def test_the_first_text_goes_two_days_before(subscribed, sent_bodies):
    with time_machine.travel(ny(2027, 3, 10, 9, 59), tick=False):
        outbox_dispatch_due()
    assert sent_bodies() == []
    with time_machine.travel(ny(2027, 3, 10, 10, 1), tick=False):
        outbox_dispatch_due()
    assert len(sent_bodies()) == 1 and "this is the text you asked for" in sent_bodies()[0]
    with time_machine.travel(ny(2027, 3, 15, 10, 1), tick=False):
        outbox_dispatch_due()
    assert len(sent_bodies()) == 2 and "a second text" in sent_bodies()[1]


def test_a_text_due_in_quiet_hours_waits_for_8_am(passed, sent_bodies):
    # Asked at 10:30 pm on the day the first text should go: it is due now, but quiet.
    with time_machine.travel(ny(2027, 3, 10, 22, 30), tick=False):
        day_one.reminder_start(request=passed, plan=_plan(passed))
        outbox_dispatch_due()
    assert sent_bodies() == []
    first = OutboundMessage.objects.get(kind=day_one.REMIND)
    assert first.status == Status.PENDING and first.send_at == ny(2027, 3, 11, 8, 0)
    with time_machine.travel(ny(2027, 3, 11, 8, 1), tick=False):
        outbox_dispatch_due()
    assert len(sent_bodies()) == 1


def test_her_day_1_text_ends_them_and_answers_with_her_link(subscribed, signed_post, sent_bodies):
    with time_machine.travel(ny(2027, 3, 11, 7, 30), tick=False):
        reply = signed_post(
            "/sms/inbound/",
            {"MessageSid": "SM" + "e" * 32, "From": PHONE, "To": "+1", "Body": "1"},
        ).content.decode()
    assert re.search(r"/appointments/request/day-one/[^/]+/", reply)
    reminder = DayOneReminder.objects.get()
    assert not reminder.active and reminder.ended == DayOneReminder.Ended.ANSWERED
    with time_machine.travel(ny(2027, 3, 15, 10, 1), tick=False):
        outbox_dispatch_due()
    assert sent_bodies() == []
    statuses = set(
        OutboundMessage.objects.filter(kind__startswith="day1_remind").values_list(
            "status", flat=True
        )
    )
    assert statuses == {Status.CANCELLED}


def test_stop_cancels_them_when_they_are_due(subscribed, sent_bodies):
    OptOut.objects.create(phone=PHONE)
    with time_machine.travel(ny(2027, 3, 10, 10, 1), tick=False):
        outbox_dispatch_due()
    assert sent_bodies() == []
    first = OutboundMessage.objects.get(kind=day_one.REMIND)
    assert first.status == Status.CANCELLED and first.last_error == "The number opted out"


def test_booking_stops_them(subscribed, sent_bodies):
    services.appointment_schedule(
        request=subscribed, at=ny(2027, 3, 8, 10, 0), by=None, override_reason="Staff call"
    )
    with time_machine.travel(ny(2027, 3, 10, 10, 1), tick=False):
        outbox_dispatch_due()
    assert not any("Reply 1 on your day 1" in body for body in sent_bodies())
    first = OutboundMessage.objects.get(kind=day_one.REMIND)
    assert first.status == Status.CANCELLED
    assert first.last_error == "Booked, or the request is closed"


# --- The front desk --------------------------------------------------------------------


@pytest.fixture
def conversation_after(admin_client, signed_post):
    """She texts `body`; the front desk opens the conversation: its HTML."""

    sids = itertools.count(1)

    def text(body: str) -> str:
        sid = f"SM{next(sids):032d}"
        signed_post("/sms/inbound/", {"MessageSid": sid, "From": PHONE, "To": "+1", "Body": body})
        inbound = InboundMessage.objects.latest("pk")
        url = f"/admin/texting/inboundmessage/{inbound.pk}/conversation/"
        return admin_client.get(url).content.decode()

    return text


def test_the_conversation_shows_her_window_beside_her_day_1_text(
    admin_client, passed, conversation_after
):
    html = conversation_after("period started today")
    assert "Day 1 by text: Tue Mar 2. Window Sat Mar 6 to Sat Mar 13" in html
    assert f'href="tel:{PHONE}"' in html
    sheet = admin_client.get(passed.get_admin_url()).content.decode()
    assert "Day 1 by text: Tue Mar 2." in sheet


def test_the_conversation_shows_the_texts_she_asked_for(subscribed, conversation_after):
    html = conversation_after("thank you")
    assert "Asked for texts near day 1: next period expected Fri Mar 12." in html


def test_after_both_texts_days_her_page_offers_them_again(client, subscribed):
    page = f"/appointments/manage/{tokens.manage_token(subscribed.pk)}/"
    client.post(page, {"date_of_birth": "1990-03-14"})
    assert "We will text you 2 days before" in client.get(page).content.decode()
    with time_machine.travel(ny(2027, 3, 16, 10, 0), tick=False):
        client.post(page, {"date_of_birth": "1990-03-14"})  # a new visit, a new session
        html = client.get(page).content.decode()
    assert "We will text you 2 days before" not in html
    assert "Text me before my next period" in html


def test_after_stop_her_page_no_longer_promises_them(client, subscribed):
    OptOut.objects.create(phone=PHONE)
    html = client.get(confirmation(client, subscribed)).content.decode()
    assert "We will text you 2 days before" not in html
    assert "Text me before my next period" not in html


def test_a_cancelled_request_shows_no_day_1_note_to_the_front_desk(admin_client, subscribed):
    AppointmentRequest.objects.filter(pk=subscribed.pk).update(
        status=AppointmentRequest.Status.CANCELLED
    )
    sheet = admin_client.get(subscribed.get_admin_url()).content.decode()
    assert "Asked for texts near day 1" not in sheet

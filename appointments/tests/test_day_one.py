"""Day 1 by text: her "1" becomes a link to the times of the window it opens.

The clock is conftest.NOW (Tuesday, March 2, 2027, 10 am): a "1" today makes day 1
March 2 and the window March 6 to 13, whose open days are Monday 8 to Friday 12.
"""

import datetime as dt
import re

import pytest
import time_machine

from appointments import tokens
from appointments.booking_models import Booking
from appointments.models import AppointmentRequest, DayOneReport
from appointments.tests.conftest import NEW_YORK
from appointments.tests.factories import AppointmentRequestFactory
from clinic.models import Practice
from texting.models import InboundMessage, OptOut, OutboundMessage

pytestmark = pytest.mark.django_db

INBOUND = "/sms/inbound/"
PHONE = "+12125550123"
LINK = re.compile(r"https://www\.hsgexam\.example(/(?:es/)?appointments/request/day-one/[^/\s]+/)")
Status = AppointmentRequest.Status


def sms(body: str, sid: str = "SM" + "a" * 32, phone: str = PHONE) -> dict:
    return {"MessageSid": sid, "From": phone, "To": "+12125550100", "Body": body}


@pytest.fixture
def waiting(booking_setup):
    """A request whose window (February 14 to 21) passed: the form said to text on day 1."""
    return AppointmentRequestFactory(
        last_period_start=dt.date(2027, 2, 10),
        preferred_date_1=None,
        sms_consent=True,
        sms_consent_text="I agree to texts.",
    )


def reply_of(response) -> str:
    return re.sub(r"<[^>]+>", "", response.content.decode())


def link_in(text: str) -> str:
    found = LINK.search(text)
    assert found, text
    return found.group(1)


def offered_times(html: str) -> list[dt.datetime]:
    return [dt.datetime.fromisoformat(v) for v in re.findall(r'name="slot" value="([^"]+)"', html)]


# --- The whole path: a signed "1" to a page of times -----------------------------------


def test_a_signed_1_from_her_number_texts_a_link_whose_page_lists_her_new_windows_times(
    client, signed_post, waiting
):
    response = signed_post(INBOUND, sms("1"))

    assert response.status_code == 200
    row = OutboundMessage.objects.get(dedupe_key="reply:" + "SM" + "a" * 32)
    assert row.subject_id == waiting.pk and row.to_phone == PHONE
    assert row.status == OutboundMessage.Status.SENT
    assert "Day 1: Tuesday, March 2." in row.body
    assert "Open until Saturday, March 13." in row.body
    assert row.body in reply_of(response)
    inbound = InboundMessage.objects.get()
    assert inbound.kind == InboundMessage.Kind.DAY_ONE and inbound.subject_id == waiting.pk
    waiting.refresh_from_db()
    assert waiting.last_period_start == dt.date(2027, 3, 2)
    assert waiting.history.first().history_change_reason == "Day 1 by text"

    page = client.get(link_in(row.body))
    assert page.status_code == 200
    times = offered_times(page.content.decode())
    days = {t.astimezone(NEW_YORK).date() for t in times}
    assert days == {dt.date(2027, 3, d) for d in (8, 9, 10, 11, 12)}
    assert page["Referrer-Policy"] == "no-referrer"
    assert waiting.first_name not in page.content.decode()


def test_she_books_a_time_from_the_link_with_her_date_of_birth(client, signed_post, waiting):
    path = link_in(reply_of(signed_post(INBOUND, sms("Day one!"))))
    at = dt.datetime(2027, 3, 9, 11, 0, tzinfo=NEW_YORK)

    wrong = client.post(path, {"slot": at.isoformat(), "date_of_birth": "1991-01-01"})
    assert "That date does not match our records." in wrong.content.decode()
    assert not Booking.objects.exists()

    response = client.post(path, {"slot": at.isoformat(), "date_of_birth": "1990-03-14"})
    assert response.status_code == 302
    assert response.url == f"/appointments/manage/{tokens.manage_token(waiting.pk)}/"
    waiting.refresh_from_db()
    assert waiting.status == Status.SCHEDULED and waiting.scheduled_at == at
    assert Booking.objects.get(request=waiting).starts_at == at
    # Her page opens without asking again, and says when.
    assert "Tuesday, March 9 at 11:00 AM" in client.get(response.url).content.decode()


def test_a_time_outside_her_window_is_refused_and_nothing_is_booked(client, signed_post, waiting):
    path = link_in(reply_of(signed_post(INBOUND, sms("1"))))
    outside = dt.datetime(2027, 3, 15, 10, 0, tzinfo=NEW_YORK)
    response = client.post(path, {"slot": outside.isoformat(), "date_of_birth": "1990-03-14"})
    assert response.status_code == 200
    assert "The nearest free times" in response.content.decode()
    assert not Booking.objects.exists()


def test_a_named_day_is_taken_as_day_1_and_the_answer_says_so(signed_post, waiting):
    reply = reply_of(signed_post(INBOUND, sms("my period started yesterday")))
    assert "Day 1: Monday, March 1." in reply
    assert DayOneReport.objects.get().window_last == dt.date(2027, 3, 12)


def test_a_spanish_text_gets_a_spanish_answer_and_a_spanish_link(client, signed_post, waiting):
    reply = reply_of(signed_post(INBOUND, sms("me bajó hoy")))
    assert "Dia 1: martes 2 de marzo." in reply
    path = link_in(reply)
    assert path.startswith("/es/")
    assert 'lang="es"' in client.get(path).content.decode()


# --- Who gets what ---------------------------------------------------------------------


def test_an_unknown_number_gets_the_request_page_and_nothing_is_kept_but_her_text(
    signed_post, booking_setup
):
    first = reply_of(signed_post(INBOUND, sms("1", phone="+12125559999")))
    assert "https://www.hsgexam.example/appointments/request/" in first
    assert Practice.objects.current().phone in first
    assert InboundMessage.objects.count() == 1
    assert InboundMessage.objects.get().subject_id is None
    assert not OutboundMessage.objects.exists()
    assert not DayOneReport.objects.exists()
    # Twilio retries the same text: the same answer, and still nothing more stored.
    again = reply_of(signed_post(INBOUND, sms("1", phone="+12125559999")))
    assert again == first
    assert InboundMessage.objects.count() == 1 and not OutboundMessage.objects.exists()


def test_a_text_about_something_else_goes_to_the_inbox_as_before(signed_post, waiting):
    signed_post(INBOUND, sms("Can my husband come with me?"))
    inbound = InboundMessage.objects.get()
    assert inbound.kind == InboundMessage.Kind.MESSAGE
    assert not DayOneReport.objects.exists()


def test_stop_is_still_stop(signed_post, waiting):
    signed_post(INBOUND, sms("STOP"))
    assert OptOut.objects.filter(phone=PHONE).exists()
    assert not DayOneReport.objects.exists()


def test_an_opted_out_number_gets_no_text_but_the_front_desk_sees_her_day_1(signed_post, waiting):
    OptOut.objects.create(phone=PHONE)
    response = signed_post(INBOUND, sms("1"))
    assert "<Message>" not in response.content.decode()
    inbound = InboundMessage.objects.get()
    assert inbound.needs_attention and inbound.kind == InboundMessage.Kind.DAY_ONE
    assert DayOneReport.objects.filter(request=waiting).exists()
    assert not OutboundMessage.objects.exists()


def test_a_patient_who_may_be_pregnant_is_told_we_will_call(signed_post, waiting):
    waiting.may_be_pregnant = AppointmentRequest.Pregnancy.NOT_SURE
    waiting.save()
    reply = reply_of(signed_post(INBOUND, sms("1")))
    assert "Our staff will call you" in reply
    assert not LINK.search(reply)
    assert InboundMessage.objects.get().needs_attention


def test_a_booked_patient_gets_a_link_to_move_her_time_into_the_new_window(
    client, signed_post, booking_setup
):
    from appointments import services

    booked = services.appointment_schedule(
        request=AppointmentRequestFactory(sms_consent=True),
        at=dt.datetime(2027, 3, 8, 9, 0, tzinfo=NEW_YORK),
        by=None,
    )
    path = link_in(reply_of(signed_post(INBOUND, sms("period came today"))))
    html = client.get(path).content.decode()
    assert "Move my exam" in html
    assert dt.datetime(2027, 3, 8, 9, 0, tzinfo=NEW_YORK) not in offered_times(html)
    assert DayOneReport.objects.get().request == booked


# --- The link's life -------------------------------------------------------------------


def test_the_link_works_through_the_windows_last_day_and_not_after(client, signed_post, waiting):
    path = link_in(reply_of(signed_post(INBOUND, sms("1"))))
    with time_machine.travel(dt.datetime(2027, 3, 13, 23, 0, tzinfo=NEW_YORK), tick=False):
        assert client.get(path).status_code == 200
    with time_machine.travel(dt.datetime(2027, 3, 14, 0, 1, tzinfo=NEW_YORK), tick=False):
        expired = client.get(path)
    assert expired.status_code == 404
    assert "This link has expired" in expired.content.decode()


def test_a_newer_day_1_ends_the_older_link(client, signed_post, waiting):
    old = link_in(reply_of(signed_post(INBOUND, sms("1", sid="SM" + "1" * 32))))
    new = link_in(reply_of(signed_post(INBOUND, sms("started yesterday", sid="SM" + "2" * 32))))
    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200


def test_a_forged_or_cancelled_link_opens_nothing(client, signed_post, waiting):
    path = link_in(reply_of(signed_post(INBOUND, sms("1"))))
    assert client.get(path[:-3] + "xx/").status_code == 404
    report = DayOneReport.objects.get()
    other = f"/appointments/request/day-one/{tokens.manage_token(report.pk)}/"
    assert client.get(other).status_code == 404  # another link's signature
    AppointmentRequest.objects.filter(pk=waiting.pk).update(status=Status.CANCELLED)
    assert client.get(path).status_code == 404


def test_the_links_token_carries_an_id_only(signed_post, waiting):
    path = link_in(reply_of(signed_post(INBOUND, sms("1"))))
    token = path.rstrip("/").rsplit("/", 1)[1]
    assert token.split(":")[0] == str(DayOneReport.objects.get().pk)
    assert "2027" not in token and waiting.first_name not in token


def test_the_answers_name_neither_the_exam_nor_the_period(signed_post, waiting):
    from texting.bodies import FORBIDDEN_WORDS, SYMPTOM_WORDS

    for sid, body in (("SM" + "3" * 32, "1"), ("SM" + "4" * 32, "regla hoy")):
        reply = reply_of(signed_post(INBOUND, sms(body, sid=sid)))
        assert not FORBIDDEN_WORDS.search(reply) and not SYMPTOM_WORDS.search(reply), reply


# --- Edges ------------------------------------------------------------------------------


def test_a_booking_outside_the_new_window_is_flagged_and_her_page_says_it_must_move(
    client, signed_post, booking_setup
):
    from appointments import services

    # Booked Thursday, March 4; her day 1 on March 2 makes that day 3 of her cycle.
    booked = services.appointment_schedule(
        request=AppointmentRequestFactory(last_period_start=dt.date(2027, 2, 25)),
        at=dt.datetime(2027, 3, 4, 10, 0, tzinfo=NEW_YORK),
        by=None,
    )
    path = link_in(reply_of(signed_post(INBOUND, sms("1"))))
    assert InboundMessage.objects.get().needs_attention
    html = client.get(path).content.decode()
    assert "is not in these days. Please pick a new time below, or call us." in html
    assert "or keep the one you have" not in html
    assert booked.pk == DayOneReport.objects.get().request_id


def test_a_booking_inside_the_new_window_is_not_flagged(signed_post, booking_setup):
    from appointments import services

    services.appointment_schedule(
        request=AppointmentRequestFactory(last_period_start=dt.date(2027, 3, 1)),
        at=dt.datetime(2027, 3, 9, 10, 0, tzinfo=NEW_YORK),
        by=None,
    )
    signed_post(INBOUND, sms("1"))
    assert not InboundMessage.objects.get().needs_attention


def test_the_link_ends_when_the_front_desk_corrects_her_day_1(client, signed_post, waiting):
    path = link_in(reply_of(signed_post(INBOUND, sms("1"))))
    AppointmentRequest.objects.filter(pk=waiting.pk).update(last_period_start=dt.date(2027, 3, 1))
    assert client.get(path).status_code == 404


def test_the_links_token_stays_out_of_logs_error_reports_and_search_engines(client):
    from clinic.errors import redact
    from clinic.logs import redact_path

    for path in (
        "/appointments/request/day-one/12:1y9NCK:secretsignature/",
        "/es/appointments/request/day-one/12:1y9NCK:secretsignature/",
    ):
        assert "secretsignature" not in redact_path(path)
        assert "secretsignature" not in redact(f"GET {path} 404")
    robots = client.get("/robots.txt").content.decode()
    assert "Disallow: /appointments/request/day-one/" in robots
    assert "Disallow: /es/appointments/request/day-one/" in robots


def test_confirm_mode_holds_the_time_tells_the_front_desk_and_says_so(
    client, signed_post, waiting, booking_setup
):
    from appointments.booking_models import BookingRules

    BookingRules.objects.update(mode=BookingRules.Mode.CONFIRM)
    path = link_in(reply_of(signed_post(INBOUND, sms("1"))))
    at = dt.datetime(2027, 3, 9, 11, 0, tzinfo=NEW_YORK)
    response = client.post(
        path, {"slot": at.isoformat(), "date_of_birth": "1990-03-14"}, follow=True
    )
    assert "We are holding Tuesday, March 9 at 11:00 AM (New York time) for you." in (
        response.content.decode()
    )
    held = Booking.objects.get(request=waiting)
    assert held.held and held.starts_at == at
    waiting.refresh_from_db()
    assert waiting.status == Status.REQUESTED
    assert waiting.history.first().history_change_reason.endswith("(held for the front desk)")
    assert OutboundMessage.objects.filter(subject_id=waiting.pk, kind="staff_held").exists()


def test_a_patient_the_front_desk_must_talk_to_is_asked_to_call(client, signed_post, waiting):
    path = link_in(reply_of(signed_post(INBOUND, sms("1"))))
    AppointmentRequest.objects.filter(pk=waiting.pk).update(cycle_length=22)
    html = client.get(path).content.decode()
    assert "Our staff will pick a time with you by phone. Please call us" in html
    assert 'name="slot"' not in html


def test_her_picked_time_stays_picked_when_her_date_of_birth_is_wrong(client, signed_post, waiting):
    path = link_in(reply_of(signed_post(INBOUND, sms("1"))))
    at = dt.datetime(2027, 3, 9, 11, 0, tzinfo=NEW_YORK)
    html = client.post(path, {"slot": at.isoformat(), "date_of_birth": "1991-01-01"})
    assert f'value="{at.isoformat()}" checked' in html.content.decode()


def test_a_retry_after_she_sent_a_request_still_answers_as_unknown_and_stores_nothing(
    signed_post, booking_setup
):
    stranger = "+12125559998"
    first = reply_of(signed_post(INBOUND, sms("1", phone=stranger)))
    AppointmentRequestFactory(phone=stranger)
    again = reply_of(signed_post(INBOUND, sms("1", phone=stranger)))
    assert again == first
    assert not DayOneReport.objects.exists() and not OutboundMessage.objects.exists()


def test_the_day_1_page_costs_four_queries_with_a_warm_cache(
    client, signed_post, waiting, django_assert_num_queries
):
    path = link_in(reply_of(signed_post(INBOUND, sms("1"))))
    client.get(path)  # the booking rules and the calendar, cached with the content
    # The report with her request, "is it her latest", the bookings, the waitlist offers.
    with django_assert_num_queries(4):
        assert client.get(path).status_code == 200

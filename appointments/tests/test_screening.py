"""Screening before booking: "Could you be pregnant?" and a short cycle.

The window lowers the chance that an early pregnancy is exposed; it cannot rule it
out. A patient who could be pregnant is told to call before we book; a cycle shorter
than 26 days is flagged and the office confirms the day with her. The window rule
itself does not change.
"""

import pytest
from django.core import mail
from django.urls import reverse

from appointments import tokens
from appointments.models import AppointmentRequest
from appointments.tests.factories import AppointmentRequestFactory
from appointments.tests.helpers import valid_post
from appointments.tests.test_request_form import error_next_to
from texting.dispatch import outbox_dispatch_due

URL = "/appointments/request/"
CALL_FIRST = "before we book your exam"
CONFIRM_DAY = "We will confirm the day of your exam with you."


@pytest.fixture
def send(client, clinic, hsg, aetna, django_capture_on_commit_callbacks):
    def post(**changes):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(URL, valid_post(hsg, aetna, **changes), follow=True)
        outbox_dispatch_due()  # the worker sends the receipt
        return response

    return post


def test_the_form_asks_could_you_be_pregnant_with_yes_no_and_not_sure(client, clinic):
    html = client.get(URL).content.decode()
    assert "Could you be pregnant?" in html
    for value in ["yes", "no", "not_sure"]:
        assert f'name="may_be_pregnant" value="{value}"' in html


def test_an_unanswered_pregnancy_question_is_asked_for_and_the_answers_are_kept(send):
    response = send(may_be_pregnant=None)
    assert response.status_code == 200
    assert not AppointmentRequest.objects.exists()
    assert error_next_to(response, "may_be_pregnant") == "Please answer yes, no or not sure."
    assert 'value="Maria"' in response.content.decode()


@pytest.mark.parametrize("answer", ["yes", "not_sure"])
def test_a_patient_who_could_be_pregnant_is_told_to_call_before_booking(send, answer):
    html = send(may_be_pregnant=answer).content.decode()
    request = AppointmentRequest.objects.get()
    assert request.may_be_pregnant == answer and request.pregnancy_possible
    assert "Please call us before we book" in html
    assert CALL_FIRST in html
    receipt = next(m for m in mail.outbox if request.email in m.to)
    assert f"Please call us at (212) 246-2063 {CALL_FIRST}." in receipt.body


def test_a_patient_who_answers_no_is_not_asked_to_call_first(send):
    html = send(may_be_pregnant="no").content.decode()
    assert AppointmentRequest.objects.get().may_be_pregnant == "no"
    assert CALL_FIRST not in html
    assert all(CALL_FIRST not in m.body for m in mail.outbox)


def test_a_cycle_shorter_than_26_days_is_kept_and_the_office_confirms_the_day(send):
    # The same day inside days 5 to 12 is accepted: the window rule does not change.
    html = send(cycle_length="22").content.decode()
    request = AppointmentRequest.objects.get()
    assert request.short_cycle and str(request.preferred_date_1) == "2027-03-08"
    assert CONFIRM_DAY in html
    receipt = next(m for m in mail.outbox if request.email in m.to)
    assert CONFIRM_DAY in receipt.body


def test_a_cycle_of_26_days_is_not_flagged(send):
    html = send(cycle_length="26").content.decode()
    assert not AppointmentRequest.objects.get().short_cycle
    assert CONFIRM_DAY not in html


def test_staff_see_both_flags_in_the_list_and_what_to_do_on_the_request(admin_client, clinic):
    flagged = AppointmentRequestFactory(may_be_pregnant="not_sure", cycle_length=22)
    plain = AppointmentRequestFactory(may_be_pregnant="no", cycle_length=28)
    listing = admin_client.get(reverse("admin:appointments_appointmentrequest_changelist"))
    html = listing.content.decode()
    assert html.count("flag-pregnancy") == 1 and html.count("flag-short-cycle") == 1
    assert "Could be pregnant" in html and "Short cycle" in html
    page = admin_client.get(flagged.get_admin_url()).content.decode()
    assert "Could be pregnant: not sure." in page
    assert "Usual cycle of 22 days (under 26): confirm the day with her." in page
    assert "No flags." in admin_client.get(plain.get_admin_url()).content.decode()


def test_staff_can_filter_the_list_by_the_pregnancy_answer(admin_client, clinic):
    yes = AppointmentRequestFactory(may_be_pregnant="yes")
    AppointmentRequestFactory(may_be_pregnant="no")
    url = reverse("admin:appointments_appointmentrequest_changelist")
    response = admin_client.get(url, {"may_be_pregnant__exact": "yes"})
    assert list(response.context["cl"].result_list) == [yes]


def test_the_patients_own_page_repeats_it_until_the_exam_is_booked(client, clinic):
    request = AppointmentRequestFactory(may_be_pregnant="yes")
    url = reverse("appointments:manage", args=[tokens.manage_token(request.pk)])
    assert client.post(url, {"date_of_birth": "1990-03-14"}).status_code == 302
    assert CALL_FIRST in client.get(url).content.decode()
    request.status = AppointmentRequest.Status.SCHEDULED
    request.save()
    assert CALL_FIRST not in client.get(url).content.decode()

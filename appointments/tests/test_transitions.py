"""One table of status moves, read by the services, the admin's buttons and the patient's page."""

import datetime as dt

import pytest
from django.urls import reverse

from appointments import services, transitions
from appointments.models import AppointmentRequest
from appointments.tests.conftest import NEW_YORK
from appointments.tests.factories import AppointmentRequestFactory

Status = AppointmentRequest.Status
BOOKED = dt.datetime(2027, 3, 8, 10, 30, tzinfo=NEW_YORK)

BUTTONS = {
    Status.REQUESTED: ["Schedule", "Cancel"],
    Status.SCHEDULED: ["Reschedule", "Mark completed", "No-show", "Cancel"],
    Status.COMPLETED: [],
    Status.CANCELLED: [],
    Status.NO_SHOW: ["Schedule"],
}


def make(status: str) -> AppointmentRequest:
    booked = BOOKED if status in (Status.SCHEDULED, Status.COMPLETED, Status.NO_SHOW) else None
    return AppointmentRequestFactory(status=status, scheduled_at=booked)


@pytest.mark.parametrize(("status", "buttons"), BUTTONS.items())
def test_the_request_page_offers_exactly_the_tables_moves(admin_client, clinic, status, buttons):
    request = make(status)

    response = admin_client.get(request.get_admin_url())

    assert [label for _, label in response.context["status_actions"]] == buttons
    for move in transitions.moves_for(request):
        assert transitions.MOVES[move.name].form is not None


@pytest.mark.parametrize("status", [Status.COMPLETED, Status.CANCELLED])
def test_a_move_the_table_forbids_is_refused_by_the_service_and_the_admin_view(
    admin_client, clinic, status
):
    request = make(status)

    with pytest.raises(services.TransitionError) as refused:
        services.appointment_cancel(request=request, reason="Called", by=None)
    page = admin_client.post(
        reverse("admin:appointments_appointmentrequest_cancel", args=[request.pk]),
        {"reason": "Called"},
    )

    label = request.get_status_display()
    assert refused.value.code == "not_allowed"
    assert f"A request that is “{label}” cannot be cancelled." in page.content.decode()
    request.refresh_from_db()
    assert request.status == status


def test_a_guard_refuses_its_move_in_the_services_words(clinic, staff_user):
    request = make(Status.SCHEDULED)  # booked for March 8; today is March 2

    with pytest.raises(services.TransitionError) as refused:
        services.appointment_mark_no_show(request=request, by=staff_user)

    assert refused.value.code == "guard"
    assert refused.value.messages == [
        "The exam is booked for Mon Mar 8, 10:30 am: it cannot be marked as a no-show before "
        "then. If it really happened early, tick “Before the booked time” and say why."
    ]


@pytest.mark.parametrize(
    ("status", "may_change"),
    [(Status.REQUESTED, True), (Status.SCHEDULED, True), (Status.COMPLETED, False)],
)
def test_the_patients_page_reads_the_same_table(clinic, status, may_change):
    request = make(status)

    assert transitions.move_allowed(request, "cancel", by=transitions.PATIENT) is may_change
    assert transitions.move_allowed(request, "other_dates", by=transitions.PATIENT) is may_change
    assert not transitions.move_allowed(request, "complete", by=transitions.PATIENT)


def test_every_move_names_a_service_that_exists():
    for move in transitions.MOVES.values():
        assert callable(getattr(services, move.service)), move.name

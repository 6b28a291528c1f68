"""A staff member who may only view cannot change data through an admin action or a
status button: every action that changes data requires the change permission."""

import datetime as dt

import pytest
from axes.models import AccessAttempt
from django.contrib import admin
from django.contrib.auth.models import Permission
from django.utils import timezone

from appointments.models import AppointmentRequest
from clinic.models import ContactMessage
from conftest import otp_login
from texting.models import InboundMessage, OutboundMessage, OverdueMessage
from texting.tests.factories import make_message, make_request

Status = OutboundMessage.Status
pytestmark = pytest.mark.django_db


@pytest.fixture
def viewer(client, django_user_model):
    """Staff with every "view" permission and nothing else, past both factors."""
    user = django_user_model.objects.create_user(
        username="viewer", password="a-long-test-password", is_staff=True
    )
    user.user_permissions.set(Permission.objects.filter(codename__startswith="view_"))
    return otp_login(client, user)


def changelist(model) -> str:
    return f"/admin/{model._meta.app_label}/{model._meta.model_name}/"


def run_action(client, model, action: str, obj):
    return client.post(
        changelist(model),
        {"action": action, "_selected_action": [obj.pk], "index": 0},
        follow=True,
    )


def contact(handled: bool):
    return ContactMessage.objects.create(
        name="Jane", email="jane@example.com", message="Hello", handled=handled
    )


def inbound(is_read: bool):
    request = make_request()
    return InboundMessage.objects.create(
        message_sid=f"SM{request.pk:032d}", from_phone=request.phone, body="Hi", is_read=is_read
    )


def outbound(status: str, minutes_ago: int = 0):
    request = make_request()
    return make_message(
        request,
        status=status,
        send_at=timezone.now() - dt.timedelta(minutes=minutes_ago),
    )


# (model, action, a factory for an object the action would change, the field it changes)
CASES = [
    (ContactMessage, "mark_handled", lambda: contact(False), "handled"),
    (ContactMessage, "mark_not_handled", lambda: contact(True), "handled"),
    (InboundMessage, "mark_read", lambda: inbound(False), "is_read"),
    (InboundMessage, "mark_unread", lambda: inbound(True), "is_read"),
    (OutboundMessage, "retry", lambda: outbound(Status.FAILED), "status"),
    (OutboundMessage, "cancel", lambda: outbound(Status.PENDING), "status"),
    (OverdueMessage, "retry", lambda: outbound(Status.PENDING, 30), "send_at"),
    (OverdueMessage, "cancel", lambda: outbound(Status.PENDING, 30), "status"),
]


@pytest.mark.parametrize(("model", "action", "make", "field"), CASES)
def test_a_view_only_user_cannot_run_an_action_that_changes_data(
    viewer, model, action, make, field
):
    obj = make()
    before = getattr(obj, field)
    assert viewer.get(changelist(model)).status_code == 200  # she can see the list

    response = run_action(viewer, model, action, obj)

    obj.refresh_from_db()
    assert getattr(obj, field) == before
    assert response.status_code == 200
    assert f'value="{action}"' not in viewer.get(changelist(model)).content.decode()


@pytest.mark.parametrize(("model", "action", "make", "field"), CASES[:6])
def test_staff_who_may_change_still_run_each_action(admin_client, model, action, make, field):
    obj = make()
    before = getattr(obj, field)

    run_action(admin_client, model, action, obj)

    obj.refresh_from_db()
    assert getattr(obj, field) != before


def test_a_view_only_user_cannot_clean_up_the_failed_logins(viewer):
    attempt = AccessAttempt.objects.create(
        username="someone", ip_address="203.0.113.7", failures_since_start=1
    )
    AccessAttempt.objects.filter(pk=attempt.pk).update(
        attempt_time=timezone.now() - dt.timedelta(days=2)
    )

    run_action(viewer, AccessAttempt, "cleanup_expired_attempts", attempt)

    assert AccessAttempt.objects.filter(pk=attempt.pk).exists()


def test_every_admin_action_requires_a_change_or_delete_permission_and_is_tested():
    tested = {(model, action) for model, action, _make, _field in CASES}
    tested.add((AccessAttempt, "cleanup_expired_attempts"))
    for model, model_admin in admin.site._registry.items():
        for action in model_admin.actions or []:
            func = getattr(model_admin, action) if isinstance(action, str) else action
            name = func.__name__
            allowed = set(getattr(func, "allowed_permissions", ()))
            assert allowed & {"change", "delete"}, (model, name)
            assert (model, name) in tested, f"{model.__name__}.{name} has no test here"


@pytest.mark.parametrize("button", ["schedule", "complete", "no_show", "cancel"])
def test_a_view_only_user_cannot_press_a_status_button(viewer, button):
    request = make_request(
        status=AppointmentRequest.Status.SCHEDULED,
        scheduled_at=timezone.now() + dt.timedelta(days=3),
    )
    url = f"/admin/appointments/appointmentrequest/{request.pk}/{button.replace('_', '-')}/"

    response = viewer.post(url, {"reason": "x", "note": "x"})

    assert response.status_code == 403
    request.refresh_from_db()
    assert request.status == AppointmentRequest.Status.SCHEDULED

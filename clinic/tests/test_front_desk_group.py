"""The "Front desk" group gives a receptionist what the job needs; a 403 inside the
admin is an admin page with a way back."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from appointments.tests.factories import AppointmentRequestFactory
from conftest import otp_login


@pytest.fixture
def receptionist(db, client, django_user_model):
    user = django_user_model.objects.create_user(
        username="reception", password="a-long-test-password", is_staff=True
    )
    user.groups.add(Group.objects.get(name="Front desk"))
    return otp_login(client, user)


def test_the_migration_creates_the_front_desk_group(db):
    group = Group.objects.get(name="Front desk")
    codenames = set(group.permissions.values_list("codename", flat=True))

    assert {"view_appointmentrequest", "change_appointmentrequest"} <= codenames
    assert {"view_inboundmessage", "change_inboundmessage", "add_optout"} <= codenames
    assert "delete_appointmentrequest" not in codenames
    assert "change_page" not in codenames and "change_messagetemplate" not in codenames


def test_a_receptionist_works_the_requests_and_the_inbox(receptionist):
    appointment = AppointmentRequestFactory()

    pages = [
        reverse("admin:index"),
        reverse("admin:appointments_appointmentrequest_changelist"),
        reverse("admin:appointments_appointmentrequest_change", args=[appointment.pk]),
        reverse("admin:appointments_appointmentrequest_cancel", args=[appointment.pk]),
        reverse("admin:texting_inboundmessage_changelist"),
        reverse("admin:texting_outboundmessage_changelist"),
        reverse("admin:clinic_closure_add"),
    ]
    for page in pages:
        assert receptionist.get(page).status_code == 200, page


def test_a_receptionist_cannot_edit_the_site_and_gets_an_admin_page_with_a_way_back(
    receptionist,
):
    page = reverse("admin:clinic_page_changelist")
    came_from = "http://testserver" + reverse("admin:index")

    response = receptionist.get(page, HTTP_REFERER=came_from)

    html = response.content.decode()
    assert response.status_code == 403
    assert 'id="site-name"' in html  # the admin's own header
    assert "You cannot do this" in html and "Nothing was changed" in html
    assert f'href="{came_from}">Go back' in html


def test_the_way_back_never_leads_to_another_site(receptionist):
    page = reverse("admin:clinic_page_changelist")

    response = receptionist.get(page, HTTP_REFERER="https://evil.example/")

    assert response.status_code == 403
    assert "evil.example" not in response.content.decode()
    assert f'href="{reverse("admin:index")}">Go back' in response.content.decode()

"""Who saw what: every admin page showing patient data leaves a row nobody can change."""

import csv
import io

import pytest
from django.db import DatabaseError, connection, transaction
from django.test import Client
from django.urls import reverse

from appointments.tests.factories import AppointmentRequestFactory
from audit.models import AccessedRecord, AccessLog, AppendOnlyError
from audit.tests.conftest import needs_postgresql
from conftest import otp_login
from texting.tests.factories import make_message

pytestmark = pytest.mark.django_db


@pytest.fixture
def appointment(db):
    return AppointmentRequestFactory(first_name="Sentinel", last_name="Okafor")


def request_url(name, *args):
    return reverse(f"admin:appointments_appointmentrequest_{name}", args=args)


def test_a_view_only_user_reading_a_request_leaves_an_audit_row(viewer_client, appointment):
    response = viewer_client.get(request_url("change", appointment.pk), REMOTE_ADDR="10.1.2.3")
    assert response.status_code == 200
    assert "Sentinel" in response.content.decode()

    log = AccessLog.objects.get()
    assert (log.username, log.action, log.model, log.object_id, log.ip) == (
        "viewer",
        AccessLog.Action.VIEW,
        "appointments.appointmentrequest",
        str(appointment.pk),
        "10.1.2.3",
    )
    assert log.view == "appointments_appointmentrequest_change"
    shown = list(log.records.values_list("model", "object_id"))
    assert shown == [("appointments.appointmentrequest", str(appointment.pk))]


def test_a_search_records_the_term_and_every_record_it_listed(viewer_client, appointment):
    other = AppointmentRequestFactory(last_name="Nguyen")
    viewer_client.get(request_url("changelist"), {"q": "Okafor", "status": "requested"})

    log = AccessLog.objects.get()
    assert log.action == AccessLog.Action.SEARCH
    assert log.search == "Okafor"
    assert log.filters == "status=requested"
    assert log.record_count == 1
    assert list(log.records.values_list("object_id", flat=True)) == [str(appointment.pk)]
    assert not AccessLog.objects.for_record("appointments.appointmentrequest", other.pk).exists()


def test_a_plain_list_is_logged_as_a_list(viewer_client, appointment):
    viewer_client.get(request_url("changelist"))
    assert AccessLog.objects.get().action == AccessLog.Action.LIST


def test_the_history_page_and_a_text_page_are_logged(viewer_client, appointment):
    text = make_message(appointment)
    viewer_client.get(request_url("history", appointment.pk))
    viewer_client.get(reverse("admin:texting_outboundmessage_change", args=[text.pk]))
    assert list(AccessLog.objects.order_by("pk").values_list("view", "model", "object_id")) == [
        (
            "appointments_appointmentrequest_history",
            "appointments.appointmentrequest",
            str(appointment.pk),
        ),
        ("texting_outboundmessage_change", "texting.outboundmessage", str(text.pk)),
    ]


def test_the_days_exams_page_logs_the_exams_it_listed(admin_client, appointment):
    from django.utils import timezone

    from appointments.models import AppointmentRequest

    AppointmentRequest.objects.filter(pk=appointment.pk).update(
        status="scheduled", scheduled_at=timezone.now()
    )
    admin_client.get(request_url("today"))
    assert AccessLog.objects.for_record("appointments.appointmentrequest", appointment.pk).exists()


def test_pages_without_patient_data_are_not_logged(viewer_client, admin_client):
    admin_client.get(reverse("admin:clinic_practice_changelist"))
    admin_client.get(reverse("admin:index"))
    assert not AccessLog.objects.exists()


def test_a_page_refused_to_the_user_is_not_logged_as_a_read(viewer_client, appointment):
    response = viewer_client.get(reverse("admin:clinic_contactmessage_changelist"))
    assert response.status_code == 403
    assert not AccessLog.objects.exists()


def test_nobody_can_change_or_delete_a_row_through_the_admin(
    admin_client, viewer_client, appointment
):
    viewer_client.get(request_url("change", appointment.pk))
    log = AccessLog.objects.get()
    change = reverse("admin:audit_accesslog_change", args=[log.pk])
    # Even a superuser: the page is read-only and the delete page is refused.
    page = admin_client.get(change)
    assert page.status_code == 200
    assert 'type="submit"' not in page.content.decode().split('id="content-main"')[1]
    admin_client.post(change, {"username": "someone-else"})
    assert (
        admin_client.get(reverse("admin:audit_accesslog_delete", args=[log.pk])).status_code == 403
    )
    assert admin_client.get(reverse("admin:audit_accesslog_add")).status_code == 403
    log.refresh_from_db()
    assert log.username == "viewer"
    assert AccessLog.objects.filter(view="appointments_appointmentrequest_change").count() == 1


def test_the_models_refuse_updates_and_deletes(viewer_client, appointment):
    viewer_client.get(request_url("change", appointment.pk))
    log = AccessLog.objects.get()
    log.username = "someone-else"
    with pytest.raises(AppendOnlyError):
        log.save()
    with pytest.raises(AppendOnlyError):
        log.delete()
    with pytest.raises(AppendOnlyError):
        AccessLog.objects.update(username="someone-else")
    with pytest.raises(AppendOnlyError):
        AccessedRecord.objects.all().delete()
    assert AccessLog.objects.get().username == "viewer"


def test_postgresql_refuses_an_update_or_delete_from_any_client(viewer_client, appointment):
    needs_postgresql()
    viewer_client.get(request_url("change", appointment.pk))
    for sql in (
        "UPDATE audit_accesslog SET username = 'someone-else'",
        "DELETE FROM audit_accessedrecord",
    ):
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute(sql)
    assert AccessLog.objects.get().username == "viewer"
    assert AccessedRecord.objects.count() == 1


def test_a_records_access_history_needs_its_own_permission(viewer_client, auditor, appointment):
    viewer_client.get(request_url("change", appointment.pk))
    history = reverse(
        "admin:audit_record_history", args=["appointments.appointmentrequest", appointment.pk]
    )
    assert viewer_client.get(history).status_code == 403
    # The request's page links to it only for those who may see it.
    assert (
        "Who saw this"
        not in viewer_client.get(request_url("change", appointment.pk)).content.decode()
    )

    manager = otp_login(Client(), auditor)
    page = manager.get(history)
    assert page.status_code == 200
    html = page.content.decode()
    assert "viewer" in html and "Opened a record" in html
    assert page.context["rows"].count() == 2  # the viewer opened it twice


def test_the_request_page_links_to_its_access_history(admin_client, appointment):
    html = admin_client.get(request_url("change", appointment.pk)).content.decode()
    history = reverse(
        "admin:audit_record_history", args=["appointments.appointmentrequest", appointment.pk]
    )
    assert f'href="{history}"' in html


def test_the_log_and_a_records_history_export_as_csv(viewer_client, auditor, appointment):
    viewer_client.get(request_url("change", appointment.pk), REMOTE_ADDR="10.1.2.3")
    viewer_client.get(request_url("changelist"), {"q": "Okafor"})
    manager = otp_login(Client(), auditor)

    response = manager.get(reverse("admin:audit_accesslog_export"), {"action__exact": "search"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [(r["username"], r["action"], r["search"]) for r in rows] == [
        ("viewer", "search", "Okafor")
    ]

    response = manager.get(
        reverse(
            "admin:audit_record_history", args=["appointments.appointmentrequest", appointment.pk]
        ),
        {"format": "csv"},
    )
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [(r["action"], r["ip"]) for r in rows] == [("search", "127.0.0.1"), ("view", "10.1.2.3")]
    # Exporting the log is itself logged.
    assert AccessLog.objects.filter(action=AccessLog.Action.EXPORT, username="manager").count() == 1


def test_a_contact_message_and_a_reply_are_logged_when_opened(admin_client, appointment):
    from clinic.tests.factories import ContactMessageFactory
    from texting.models import InboundMessage

    message = ContactMessageFactory()
    reply = InboundMessage.objects.create(
        message_sid="SMaudit", from_phone=appointment.phone, body="Hello", subject_id=appointment.pk
    )
    admin_client.get(reverse("admin:clinic_contactmessage_change", args=[message.pk]))
    admin_client.get(reverse("admin:texting_inboundmessage_change", args=[reply.pk]))
    assert list(AccessLog.objects.order_by("pk").values_list("model", "object_id")) == [
        ("clinic.contactmessage", str(message.pk)),
        ("texting.inboundmessage", str(reply.pk)),
    ]

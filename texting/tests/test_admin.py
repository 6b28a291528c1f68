"""The front desk's view of texts: outbox, overdue list, inbox, opt-outs, templates."""

import datetime

from django.urls import reverse

from clinic.display import phone_display
from texting import default_texts
from texting.models import InboundMessage, MessageTemplate, OptOut, OutboundMessage
from texting.tests.conftest import ny
from texting.tests.factories import make_message, make_request

Status = OutboundMessage.Status


def reply(request=None, **fields) -> InboundMessage:
    values = {"message_sid": f"SM{InboundMessage.objects.count():032d}", "from_phone": "+1212"}
    values.update(fields)
    return InboundMessage.objects.create(subject_id=request.pk if request else None, **values)


def test_the_outbox_list_shows_status_kind_attempts_and_last_error(admin_client, db):
    make_message(make_request(), status=Status.FAILED, attempts=5, last_error="Twilio 21211: x")
    response = admin_client.get(reverse("admin:texting_outboundmessage_changelist"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Twilio 21211: x" in page
    assert "Failed" in page


def test_the_overdue_list_shows_texts_due_over_five_minutes_ago_and_unsent(admin_client, db):
    late = make_message(make_request(), send_at=ny(2026, 6, 10, 11, 50), dedupe_key="late")
    make_message(make_request(), send_at=ny(2026, 6, 10, 11, 58), dedupe_key="fresh")
    make_message(make_request(), send_at=ny(2026, 6, 11, 10, 0), dedupe_key="future")
    make_message(
        make_request(), send_at=ny(2026, 6, 10, 9, 0), dedupe_key="done", status=Status.SENT
    )
    response = admin_client.get(reverse("admin:texting_overduemessage_changelist"))
    assert [m.pk for m in response.context["cl"].result_list] == [late.pk]
    assert "The texting worker may be stopped" in response.content.decode()


def test_the_outbox_has_an_overdue_filter(admin_client, db):
    late = make_message(make_request(), send_at=ny(2026, 6, 10, 11, 0), dedupe_key="late")
    make_message(make_request(), send_at=ny(2026, 6, 10, 13, 0), dedupe_key="later")
    url = reverse("admin:texting_outboundmessage_changelist") + "?health=overdue"
    response = admin_client.get(url)
    assert [m.pk for m in response.context["cl"].result_list] == [late.pk]


def test_staff_retry_a_failed_text_from_the_list(admin_client, db):
    message = make_message(make_request(), status=Status.FAILED, attempts=5, last_error="x")
    admin_client.post(
        reverse("admin:texting_outboundmessage_changelist"),
        {"action": "retry", "_selected_action": [message.pk]},
    )
    message.refresh_from_db()
    assert (message.status, message.attempts, message.last_error) == (Status.PENDING, 0, "")


def test_staff_cancel_a_pending_text_from_the_list(admin_client, db):
    message = make_message(make_request())
    admin_client.post(
        reverse("admin:texting_outboundmessage_changelist"),
        {"action": "cancel", "_selected_action": [message.pk]},
    )
    message.refresh_from_db()
    assert (message.status, message.last_error) == (Status.CANCELLED, "Cancelled by staff")


def test_the_inbox_filters_unread_and_urgent_replies(admin_client, db):
    urgent = reply(body="fever", is_urgent=True)
    reply(body="thanks", is_read=True)
    unread = reply(body="ok")
    url = reverse("admin:texting_inboundmessage_changelist")
    urgent_only = admin_client.get(url + "?is_urgent__exact=1").context["cl"].result_list
    unread_only = admin_client.get(url + "?is_read__exact=0").context["cl"].result_list
    assert [m.pk for m in urgent_only] == [urgent.pk]
    assert {m.pk for m in unread_only} == {urgent.pk, unread.pk}


def test_staff_mark_replies_as_read(admin_client, db):
    message = reply(body="thanks")
    admin_client.post(
        reverse("admin:texting_inboundmessage_changelist"),
        {"action": "mark_read", "_selected_action": [message.pk]},
    )
    message.refresh_from_db()
    assert message.is_read


def test_the_opt_out_list_shows_phones_and_adding_one_cancels_its_texts(admin_client, db):
    request = make_request()
    pending = make_message(request)
    response = admin_client.post(
        reverse("admin:texting_optout_add"), {"phone": request.phone, "source": "staff"}
    )
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.status == Status.CANCELLED
    page = admin_client.get(reverse("admin:texting_optout_changelist")).content.decode()
    assert phone_display(request.phone) in page  # "(212) 555-1009", as people write it


def test_a_bad_template_edit_shows_the_reason_and_keeps_the_text(admin_client, db):
    template = MessageTemplate.objects.get(kind="reminder")
    body = "{practice}: your HSG is tomorrow."
    response = admin_client.post(
        reverse("admin:texting_messagetemplate_change", args=[template.pk]), {"body": body}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "remove &quot;HSG&quot;" in page
    assert body in page
    template.refresh_from_db()
    assert "HSG" not in template.body


def test_the_template_list_shows_each_templates_segments(admin_client, db):
    response = admin_client.get(reverse("admin:texting_messagetemplate_changelist"))
    assert response.status_code == 200
    assert len(response.context["cl"].result_list) == len(default_texts.DEFAULT_TEMPLATES) == 18


def test_a_requests_page_shows_its_texts_both_ways_in_time_order(admin_client, db):
    request = make_request()
    make_message(request, body="First, from us", send_at=ny(2026, 6, 9, 9, 0), status=Status.SENT)
    reply(request, body="Second, from the patient", received_at=ny(2026, 6, 9, 10, 0))
    make_message(
        request,
        body="Third, from us",
        kind="follow_up",
        send_at=ny(2026, 6, 9, 11, 0),
        dedupe_key="third",
    )
    reply(request, body="Fourth: I have a fever", received_at=ny(2026, 6, 9, 12, 0), is_urgent=True)
    response = admin_client.get(
        reverse("admin:appointments_appointmentrequest_change", args=[request.pk])
    )
    page = response.content.decode()
    positions = [page.index(text) for text in ["First", "Second", "Third", "Fourth"]]
    assert positions == sorted(positions)
    assert "URGENT" in page
    assert "From patient" in page


def test_a_request_without_texts_says_so(admin_client, db):
    request = make_request()
    response = admin_client.get(
        reverse("admin:appointments_appointmentrequest_change", args=[request.pk])
    )
    assert "No texts yet." in response.content.decode()


def test_an_overdue_text_is_not_one_deferred_by_quiet_hours(db):
    make_message(make_request(), send_at=ny(2026, 6, 11, 8, 0))
    assert not OutboundMessage.objects.overdue(now=ny(2026, 6, 10, 22, 0)).exists()
    assert OutboundMessage.objects.overdue(
        now=ny(2026, 6, 11, 8, 0) + datetime.timedelta(minutes=6)
    ).exists()


def test_deleting_an_opt_out_lets_texts_go_again(admin_client, db):
    opt_out = OptOut.objects.create(phone="+12125550999")
    admin_client.post(reverse("admin:texting_optout_delete", args=[opt_out.pk]), {"post": "yes"})
    assert not OptOut.objects.exists()


def test_a_phone_typed_by_staff_is_stored_in_e164_and_stops_its_texts(admin_client, db):
    request = make_request(phone="+12125550123")
    pending = make_message(request)
    response = admin_client.post(
        reverse("admin:texting_optout_add"), {"phone": "(212) 555-0123", "source": "staff"}
    )
    assert response.status_code == 302
    assert OptOut.objects.get().phone == "+12125550123"
    pending.refresh_from_db()
    assert (pending.status, pending.last_error) == (Status.CANCELLED, "The number opted out")


def test_an_impossible_opt_out_phone_is_refused_with_a_reason(admin_client, db):
    response = admin_client.post(
        reverse("admin:texting_optout_add"), {"phone": "555-01", "source": "staff"}
    )
    assert response.status_code == 200
    assert "Please enter a phone number with area code" in response.content.decode()
    assert not OptOut.objects.exists()


def test_an_opt_out_typed_another_way_is_a_duplicate(admin_client, db):
    OptOut.objects.create(phone="+12125550123")
    response = admin_client.post(
        reverse("admin:texting_optout_add"), {"phone": "212.555.0123", "source": "staff"}
    )
    assert response.status_code == 200
    assert OptOut.objects.count() == 1

"""The admin's home shows today's counts; an urgent unread reply puts a banner on
every admin page until someone reads it."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from appointments.models import AppointmentRequest
from appointments.tests.factories import AppointmentRequestFactory
from texting.models import InboundMessage, OutboundMessage


def reply(**fields):
    defaults = {
        "message_sid": f"SM{InboundMessage.objects.count():032d}",
        "from_phone": "+12125550123",
    }
    return InboundMessage.objects.create(**{**defaults, "body": "Hello", **fields})


def count_of(html: str, label: str) -> int:
    before = html.split(f'<span class="today-label">{label}</span>')[0]
    return int(before.rsplit('<span class="today-count">', 1)[1].split("<")[0])


@pytest.mark.django_db
def test_the_home_page_counts_what_matters_today_with_links(admin_client):
    AppointmentRequestFactory.create_batch(2)
    old = AppointmentRequestFactory()
    AppointmentRequest.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - dt.timedelta(days=3)
    )
    reply(is_urgent=True)
    reply()
    reply(is_read=True)
    OutboundMessage.objects.create(
        kind="received",
        to_phone="+12125550123",
        body="x",
        send_at=timezone.now() - dt.timedelta(hours=1),
        dedupe_key="late",
    )

    html = admin_client.get(reverse("admin:index")).content.decode()

    assert count_of(html, "new requests today") == 2
    assert count_of(html, "waiting for a call") == 3
    assert count_of(html, "unread replies") == 2
    assert count_of(html, "urgent replies") == 1
    assert count_of(html, "overdue texts") == 1
    listing = reverse("admin:appointments_appointmentrequest_changelist")
    assert f'href="{listing}?when=new"' in html
    assert 'class="today-urgent"' in html


@pytest.mark.django_db
def test_the_new_requests_link_lists_todays_requests_only(admin_client):
    today = AppointmentRequestFactory(last_name="Today")
    old = AppointmentRequestFactory(last_name="Older")
    AppointmentRequest.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - dt.timedelta(days=3)
    )
    listing = reverse("admin:appointments_appointmentrequest_changelist")

    html = admin_client.get(f"{listing}?when=new").content.decode()

    assert today.reference in html and old.reference not in html


@pytest.mark.django_db
def test_an_urgent_unread_reply_puts_a_banner_on_every_admin_page(admin_client):
    urgent = reply(is_urgent=True, body="fever and heavy bleeding")
    pages = [
        reverse("admin:index"),
        reverse("admin:appointments_appointmentrequest_changelist"),
        reverse("admin:clinic_practice_changelist"),
    ]
    for page in pages:
        assert (
            "1 urgent reply from patients not read yet" in admin_client.get(page).content.decode()
        )

    urgent.is_read = True
    urgent.save()

    for page in pages:
        assert "front-desk-alert" not in admin_client.get(page).content.decode()


@pytest.mark.django_db
def test_no_banner_without_an_urgent_unread_reply(admin_client):
    reply(is_urgent=False)
    reply(is_urgent=True, is_read=True)

    html = admin_client.get(reverse("admin:index")).content.decode()

    assert "front-desk-alert" not in html


@pytest.mark.django_db
def test_the_login_page_shows_no_banner(client):
    reply(is_urgent=True)

    html = client.get(reverse("admin:login")).content.decode()

    assert "urgent" not in html

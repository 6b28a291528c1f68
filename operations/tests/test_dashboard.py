"""The practice dashboard: the right figures, SVG charts, CSV, and a fixed query count."""

import csv
import datetime as dt
import io
import re

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from appointments.models import AppointmentRequest
from audit.tests.conftest import staff_with
from conftest import otp_login
from operations import charts
from operations.dashboard import dashboard_figures
from operations.tests.filling import FILLED_AT, NEW_YORK, fill_practice
from procedures.tests.factories import ProcedureFactory
from texting.models import InboundMessage, OutboundMessage
from texting.tests.factories import make_message, make_request

pytestmark = pytest.mark.django_db
Status = AppointmentRequest.Status


def ny(*args):
    return dt.datetime(*args, tzinfo=NEW_YORK)


@pytest.fixture
def week_of_requests():
    """Monday March 1, 2027: two HSG requests and one FTR; one booked in 3 h, one outside
    the window in 30 h; texts sent, failed and overdue; two replies, one urgent."""
    hsg = ProcedureFactory(slug="d-hsg", short_name="HSG")
    ftr = ProcedureFactory(slug="d-ftr", short_name="FTR")
    with time_machine.travel(ny(2027, 3, 1, 9, 0), tick=False):
        a = make_request(procedure=hsg)
        b = make_request(procedure=hsg)
        c = make_request(procedure=ftr)
        make_message(a, dedupe_key="a", status=OutboundMessage.Status.DELIVERED)
        make_message(b, dedupe_key="b", status=OutboundMessage.Status.FAILED)
        make_message(c, dedupe_key="c", send_at=ny(2027, 3, 1, 9, 0))  # pending: overdue later
    with time_machine.travel(ny(2027, 3, 1, 12, 0), tick=False):
        a.status, a.scheduled_at = Status.SCHEDULED, ny(2027, 3, 8, 10, 0)
        a.save()
    with time_machine.travel(ny(2027, 3, 2, 15, 0), tick=False):
        b.status, b.scheduled_at = Status.SCHEDULED, ny(2027, 3, 9, 10, 0)
        b.window_override_reason = "Doctor agreed"
        b.save()
    InboundMessage.objects.create(
        message_sid="SM1",
        from_phone=a.phone,
        body="ok",
        subject_id=a.pk,
        received_at=ny(2027, 3, 2, 8, 0),
    )
    InboundMessage.objects.create(
        message_sid="SM2",
        from_phone=b.phone,
        body="fever",
        subject_id=b.pk,
        received_at=ny(2027, 3, 2, 9, 0),
        is_urgent=True,
    )
    return a, b, c


def test_the_figures_count_what_happened(week_of_requests):
    figures = dashboard_figures(
        start=dt.date(2027, 3, 1), end=dt.date(2027, 3, 7), now=ny(2027, 3, 3, 12, 0)
    )
    week = dt.date(2027, 3, 1)
    assert figures.weeks == [week]
    assert dict(figures.requests_by_week[week]) == {"HSG": 2, "FTR": 1}
    assert (figures.requests, figures.booked, figures.booked_in_window) == (3, 2, 1)
    assert figures.share_in_window == 0.5
    assert sorted(figures.hours_to_booking) == [3.0, 30.0]
    assert figures.median_hours_to_booking == 16.5
    assert figures.outcomes == {"scheduled": 2, "requested": 1}
    assert (figures.texts_by_week[week]["sent"], figures.texts_by_week[week]["failed"]) == (1, 1)
    assert figures.overdue_now == 1
    assert dict(figures.replies_by_week[week]) == {"other": 1, "urgent": 1}
    assert figures.replies_unseen == 2  # nobody has opened the inbox yet


def test_a_reply_counts_as_seen_when_staff_first_listed_it(week_of_requests, staff_user):
    with time_machine.travel(ny(2027, 3, 2, 9, 30), tick=False):
        staff = otp_login(Client(), staff_user)
        assert staff.get(reverse("admin:texting_inboundmessage_changelist")).status_code == 200
    figures = dashboard_figures(start=dt.date(2027, 3, 1), end=dt.date(2027, 3, 7))
    assert sorted(figures.minutes_to_seen) == [30.0, 90.0]
    assert figures.replies_unseen == 0


def test_nothing_outside_the_range_is_counted(week_of_requests):
    figures = dashboard_figures(start=dt.date(2027, 3, 8), end=dt.date(2027, 3, 14))
    assert (
        figures.requests,
        figures.booked,
        sum(map(sum, [c.values() for c in figures.texts_by_week.values()])),
    ) == (0, 0, 0)


def dashboard_url(**params):
    return reverse("dashboard") + (
        "?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else ""
    )


def test_the_page_draws_svg_charts_without_inline_script_or_style(admin_client, week_of_requests):
    response = admin_client.get(dashboard_url(start="2027-03-01", end="2027-03-07"))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('role="img"') == 5
    assert html.count("Nothing in this range.") == 1  # nobody has seen the replies yet
    assert '<rect class="series-0"' in html and "<title>Mar 1: HSG 2</title>" in html
    assert "<title>Mar 1: FTR 1</title>" in html
    assert not re.search(r"<script(?![^>]*\bsrc=)", html)  # no inline script
    assert " style=" not in html.split('id="content-main"')[1]
    assert "script-src" in response["Content-Security-Policy"]


def test_the_csv_has_the_same_figures(admin_client, week_of_requests):
    response = admin_client.get(dashboard_url(start="2027-03-01", end="2027-03-07", format="csv"))
    assert response["Content-Type"].startswith("text/csv")
    rows = {
        (r["section"], r["item"]): r["value"]
        for r in csv.DictReader(io.StringIO(response.content.decode()))
    }
    assert rows[("Requests per week", "2027-03-01 HSG")] == "2"
    assert rows[("Booking", "share booked inside the window")] == "50%"
    assert rows[("Booking", "median hours from request to booking")] == "16.5"
    assert rows[("Outcomes", "Requested")] == "1"
    assert rows[("Replies per week", "2027-03-01 urgent")] == "1"


def test_bad_dates_get_a_polite_message_and_keep_the_input(admin_client):
    response = admin_client.get(dashboard_url(start="2027-03-09", end="2027-03-01"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "The end date is before the start date." in html
    assert 'value="2027-03-09"' in html
    response = admin_client.get(dashboard_url(start="not-a-date"))
    assert response.status_code == 200
    assert "Enter a valid date." in response.content.decode()


def test_staff_without_the_permission_cannot_see_it(db, django_user_model):
    anonymous = Client().get(reverse("dashboard"))
    assert anonymous.status_code == 302 and "/admin/login/" in anonymous["Location"]
    viewer = staff_with(django_user_model, "viewer", "view_appointmentrequest")
    assert otp_login(Client(), viewer).get(reverse("dashboard")).status_code == 403
    manager = staff_with(django_user_model, "manager", "view_dashboard")
    assert otp_login(Client(), manager).get(reverse("dashboard")).status_code == 200


@pytest.mark.slow
def test_the_query_count_is_the_same_whatever_the_range(staff_user, django_assert_num_queries):
    fill_practice(requests=120)
    with time_machine.travel(FILLED_AT, tick=True):
        staff = otp_login(Client(), staff_user)
        staff.get(reverse("dashboard"))  # warm the session
        # 11 queries: session, user, OTP device; the figures' three (requests with
        # their first booking from the history, texts by week and status, replies with
        # when staff first saw each); the admin's practice check; the urgent-reply
        # banner's count; the session save in a savepoint (3). A week or two years: the same.
        for start in ("2027-02-22", "2026-09-01", "2025-03-02"):
            with django_assert_num_queries(11):
                response = staff.get(dashboard_url(start=start, end="2027-03-01"))
            assert response.status_code == 200
        figures = response.context["figures"]
        assert figures.requests == 120 and len(figures.weeks) == 106  # Feb 24, 2025 on


def test_the_axis_top_is_a_round_number():
    assert [charts.nice_max(v) for v in (0, 1, 3, 7, 10, 11, 140, 501)] == [
        1,
        1,
        5,
        10,
        10,
        20,
        200,
        1000,
    ]


def test_stacked_bars_stack_and_scale_to_the_axis():
    chart = charts.stacked_bars([("a", [2, 3]), ("b", [0, 1])], ["x", "y"])
    assert [(b.series, b.title) for b in chart.bars] == [
        (0, "a: x 2"),
        (1, "a: y 3"),
        (1, "b: y 1"),
    ]
    plot_h = charts.HEIGHT - charts.TOP - charts.BOTTOM
    # Top of the axis is 5: the first column fills the plot's height.
    assert chart.bars[0].height + chart.bars[1].height == pytest.approx(plot_h)
    assert chart.bars[1].y == pytest.approx(charts.TOP)


def test_the_admin_links_to_the_dashboard_for_those_allowed(admin_client, db, django_user_model):
    assert (
        f'href="{reverse("dashboard")}"'
        in admin_client.get(reverse("admin:index")).content.decode()
    )
    viewer = staff_with(django_user_model, "viewer", "view_appointmentrequest")
    html = otp_login(Client(), viewer).get(reverse("admin:index")).content.decode()
    assert f'href="{reverse("dashboard")}"' not in html

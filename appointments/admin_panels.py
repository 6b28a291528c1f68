"""What the request's admin page shows at the top: everything a call needs, at a look.

Plain functions returning safe HTML, so the admin class stays about the workflow.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from appointments import screening
from appointments.admin_filters import screening_flags
from appointments.availability import ClinicCalendar
from appointments.forms import age_on
from appointments.frontdesk import day_one_note
from appointments.models import AppointmentRequest
from appointments.wording import plan_message
from clinic.display import day_display, phone_display, when_display

Status = AppointmentRequest.Status
OPEN_STATES = (Status.REQUESTED, Status.SCHEDULED)


def days_asked(obj: AppointmentRequest, window: tuple[dt.date, dt.date] | None) -> SafeString:
    """The chosen days, each flagged when it falls outside the cycle window."""
    days = [d for d in (obj.preferred_date_1, obj.preferred_date_2, obj.preferred_date_3) if d]
    outside = mark_safe(' <strong class="flag flag-outside">outside window</strong>')
    listed = format_html_join(
        ", ",
        "{}{}",
        (
            (day_display(d), outside if window and not window[0] <= d <= window[1] else "")
            for d in days
        ),
    )
    time = "" if obj.preferred_time == "any" else f" ({obj.get_preferred_time_display()})"
    return format_html("{}{}", listed or "–", time)


def insurance_text(obj: AppointmentRequest) -> str:
    if obj.self_pay:
        return "Self-pay"
    if obj.insurance_plan_id:
        return str(obj.insurance_plan)
    return f"Other: {obj.insurance_other}" if obj.insurance_other else "–"


def doctor_text(obj: AppointmentRequest) -> SafeString | str:
    if not obj.referring_physician:
        return "–"
    parts = [obj.referring_physician]
    if obj.referring_physician_phone:
        parts.append(f"phone {obj.referring_physician_phone}")
    if obj.referring_physician_fax:
        parts.append(f"fax {obj.referring_physician_fax}")
    return ", ".join(parts)


def other_open_requests(obj: AppointmentRequest) -> SafeString | str:
    others = (
        AppointmentRequest.objects.filter(phone=obj.phone, status__in=OPEN_STATES)
        .exclude(pk=obj.pk)
        .order_by("-created_at")
    )
    links = format_html_join(
        ", ",
        '<a href="{}">{}</a> ({})',
        ((o.get_admin_url(), o.reference, o.get_status_display()) for o in others),
    )
    return links or "None"


def call_link(e164: str) -> SafeString:
    """A phone staff can tap to call, written "(212) 246-2063"."""
    return format_html('<a class="call-link" href="tel:{}">{}</a>', e164, phone_display(e164))


def call_sheet(obj: AppointmentRequest, window: tuple[dt.date, dt.date] | None) -> SafeString:
    """Name, age, phone, exam, window, days, insurance, doctor, note, flags, other requests."""
    if obj.anonymised_at:
        return format_html(
            "Patient data erased on {} (retention period).",
            f"{timezone.localtime(obj.anonymised_at):%b %-d, %Y}",
        )
    born = obj.date_of_birth
    if window:
        window_text = f"{day_display(window[0])} to {day_display(window[1])}"
    else:
        window_text = "Irregular cycle: ask about day 1 of her next period"
    rows = [
        ("Name", format_html('<strong class="patient-name">{}</strong>', obj.full_name)),
        ("Age", f"{age_on(born, timezone.localdate())} (born {born:%b %-d, %Y})"),
        ("Phone", call_link(obj.phone)),
        ("Exam", obj.procedure.short_name),
        ("Status", _status_text(obj)),
        ("Window", window_text),
        ("Days asked for", days_asked(obj, window)),
        ("Insurance", insurance_text(obj)),
        ("Referring doctor", doctor_text(obj)),
        ("Her note", obj.notes or "–"),
        ("Screening", screening_flags(obj)),
        ("Day 1 by text", day_one_note(obj) or "–"),
        ("Other open requests, same phone", other_open_requests(obj)),
        ("Email", format_html('<a href="mailto:{}">{}</a>', obj.email, obj.email)),
    ]
    return format_html(
        '<dl class="call-sheet">{}</dl>',
        format_html_join("", "<dt>{}</dt><dd>{}</dd>", rows),
    )


def _status_text(obj: AppointmentRequest) -> str:
    text = obj.get_status_display()
    if obj.status == Status.SCHEDULED and obj.scheduled_at:
        text += f", {when_display(obj.scheduled_at)}"
    if obj.other_dates_requested_at and obj.status == Status.REQUESTED:
        text += " (asked for other days)"
    return text


def screening_panel(obj: AppointmentRequest) -> SafeString | str:
    flags = screening.screening_flags(obj)
    if not flags:
        return "No flags."
    return format_html_join("", '<p class="flag-note {}">{}</p>', ((f.css, f.note) for f in flags))


def window_panel(obj: AppointmentRequest, calendar: ClinicCalendar) -> SafeString:
    """Her window in words, the open days to offer, and any day asked for outside it."""
    plan = calendar.plan(obj.last_period_start, obj.cycle_length)
    days = ", ".join(f"{d:%a %b %-d}" for d in plan.offered_days) or "none"
    window = calendar.window(obj.last_period_start)
    asked = (obj.preferred_date_1, obj.preferred_date_2, obj.preferred_date_3)
    outside = [d for d in asked if d and window and not window[0] <= d <= window[1]]
    warning = ""
    if outside:
        warning = format_html(
            '<br><strong class="flag flag-outside">Outside the window: {}</strong>',
            ", ".join(f"{d:%a %b %-d}" for d in outside),
        )
    return format_html(
        "{}<br>Open days to offer: {}{}", plan_message(plan, calendar.practice), days, warning
    )


def activity(obj: AppointmentRequest) -> SafeString:
    """Who did what, newest first: the request's history as a table."""
    rows = obj.history.select_related("history_user").order_by("-history_date")[:30]
    return format_html(
        '<table class="activity"><thead><tr><th>When</th><th>Who</th><th>What</th>'
        "<th>Status</th><th>Booked for</th></tr></thead><tbody>{}</tbody></table>",
        format_html_join(
            "",
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            (
                (
                    when_display(h.history_date),
                    h.history_user.get_username() if h.history_user else "patient",
                    h.history_change_reason or h.get_history_type_display(),
                    h.get_status_display(),
                    when_display(h.scheduled_at) or "–",
                )
                for h in rows
            ),
        ),
    )

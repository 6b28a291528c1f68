"""Day 1 by text, the patient's pages: the link's times, and asking for texts near day 1.

The link from her "1" opens the free times of the window her day 1 opens, with no
name on the page; booking one asks for her date of birth, counted like the manage
page's (appointments.dob_check).
"""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from appointments import (
    booking,
    day_one,
    emails,
    outbox,
    services,
    slots,
    time_choices,
    tokens,
)
from appointments.availability import clinic_calendar
from appointments.booking_forms import parse_slot
from appointments.booking_models import BookingRules
from appointments.booking_views import _now_on, _taken_text, _Times, _when
from appointments.manage_forms import DateOfBirthForm
from appointments.models import AppointmentRequest
from appointments.views import (
    DOB_MISMATCH,
    VERIFIED_SESSION_KEY,
    dob_guess,
    no_referrer,
    session_verify,
)

BOOKED_REASON = "Booked by the patient from her day-1 text"


def _times(report, config) -> _Times:
    """The free times of the report's window (her own booked time left out)."""
    request = report.request
    plan = config.clinic_calendar().plan(report.day_one, request.cycle_length)
    day_times = day_one.free_times(report, config)
    current = getattr(request, "booking", None)
    if current is not None:
        day_times = [
            slots.DayTimes(d.day, tuple(t for t in d.times if t != current.starts_at))
            for d in day_times
        ]
    return _Times(plan, [d for d in day_times if d.times], True, hide_call=True)


@no_referrer
@never_cache
def day_one_times(request: HttpRequest, token: str) -> HttpResponse:
    """GET lists the times; POST books one (or moves her booking there)."""
    report = day_one.report_for_link(tokens.day_one_pk(token), timezone.localdate())
    if report is None:
        return render(request, "appointments/day_one_expired.html", status=404)
    appointment = report.request
    config = booking.booking_config()
    context = {
        "report": report,
        "appointment": appointment,
        "booked_outside": day_one.booked_outside(appointment, report),
    }
    if day_one.talk_first(appointment, config):
        return render(request, "appointments/day_one.html", {**context, "call": True})
    times = _times(report, config)
    form = DateOfBirthForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        done = _book(request, report, times, form, config)
        if done is not None:
            return done
        # Her pick stays picked when something else needs fixing.
        times.day_choices = time_choices.day_choices(times.day_times, times.slot_value)
    return render(request, "appointments/day_one.html", {**context, "times": times, "form": form})


def _book(request, report, times, form, config) -> HttpResponse | None:
    """Check the time, then her date of birth (each guess counted), then book it."""
    appointment = report.request
    at = parse_slot(request.POST.get("slot", ""))
    offered = {t for day in times.day_times for t in day.times}
    times.slot_value = request.POST.get("slot", "")
    if at is None or at not in offered:
        nearest = slots.nearest(times.day_times, at or timezone.now())
        times.errors = {"slot": [_taken_text(nearest) if at else gettext("Please pick a time.")]}
        return None
    if not form.is_valid():
        return None
    matched = dob_guess(request, appointment, form.cleaned_data["date_of_birth"])
    if isinstance(matched, HttpResponse):
        return matched
    if not matched:
        form.add_error("date_of_birth", DOB_MISMATCH)
        return None
    try:
        done = _take(appointment, at, config, days=[d.day for d in times.day_times])
    except booking.SlotTaken as exc:
        times.errors = {"slot": [_taken_text(exc.nearest)]}
        return None
    except ValidationError as exc:  # a status change meanwhile (TransitionError too)
        times.errors = {"slot": [exc.messages[0]]}
        return None
    session_verify(request, appointment.pk)
    messages.success(request, done)
    return redirect("appointments:manage", token=tokens.manage_token(appointment.pk))


def _take(appointment: AppointmentRequest, at: dt.datetime, config, *, days) -> str:
    """Book `at` as the site's booking rules say, and say what happened: held for the
    front desk (told by email) in confirm mode while nothing is booked yet, else
    booked at once (her text and email)."""
    waiting = appointment.status == AppointmentRequest.Status.REQUESTED
    if waiting and config.rules.mode == BookingRules.Mode.CONFIRM:
        with transaction.atomic():
            booking.booking_take(request=appointment, at=at, held=True, days=days, config=config)
            appointment._change_reason = f"{BOOKED_REASON} (held for the front desk)"
            appointment.save(update_fields=["updated_at"])
            outbox.outbox_on_staff_event(request=appointment, kind=emails.STAFF_HELD)
        return gettext(
            "We are holding %(when)s (New York time) for you. Our front desk will confirm it today."
        ) % {"when": _when(at)}
    moved = services.appointment_schedule(
        request=appointment,
        at=at,
        by=None,
        expected_status=appointment.status,
        reason=BOOKED_REASON,
    )
    return _now_on(moved.scheduled_at)


# --- Asking for texts near her next day 1 -------------------------------------------


def _reminder_start(request: HttpRequest, appointment: AppointmentRequest) -> None:
    plan = clinic_calendar().plan(appointment.last_period_start, appointment.cycle_length)
    try:
        reminder = day_one.reminder_start(request=appointment, plan=plan)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
        return
    messages.success(
        request,
        gettext("Done. We will text you around %(day)s.")
        % {"day": _short_day(reminder.expected_day - day_one.REMIND_BEFORE)},
    )


def _short_day(day: dt.date) -> str:
    return date_format(day, gettext("l, F j"))


@no_referrer
@never_cache
@require_POST
def confirmation_day_one_texts(request: HttpRequest, token: str) -> HttpResponse:
    pk = tokens.confirmation_pk(token)
    if pk is None:
        raise Http404("This page has expired.")
    _reminder_start(request, get_object_or_404(AppointmentRequest, pk=pk))
    return redirect("appointments:confirmation", token=token)


@no_referrer
@never_cache
@require_POST
def manage_day_one_texts(request: HttpRequest, token: str) -> HttpResponse:
    pk = tokens.manage_pk(token)
    if pk is None or pk not in request.session.get(VERIFIED_SESSION_KEY, []):
        return redirect("appointments:manage", token=token)
    _reminder_start(request, get_object_or_404(AppointmentRequest, pk=pk))
    return redirect("appointments:manage", token=token)

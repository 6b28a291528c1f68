"""The free times of a window, for the request form's script: a POST, never a date in a URL."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from appointments import booking, cycle
from clinic.ratelimit import ratelimit


class _Times:
    """What templates/appointments/includes/times.html reads from the form."""

    def __init__(self, plan, day_times, self_scheduling):
        self.plan = plan
        self.day_times = day_times
        self.self_scheduling = self_scheduling
        self.slot_value = ""
        self.slot_nearest = []
        self.errors = {}


@never_cache
@require_POST
@ratelimit("appointment-times", 240, 3600, methods=("POST",))
def times(request: HttpRequest) -> HttpResponse:
    """The free times on each open day of the window (HTML, the list the form shows).

    Two queries with a warm cache (the window's bookings and the waitlist's offers),
    however long the window. The answer holds times only, nothing about the patient.
    """
    config = booking.booking_config()
    empty = HttpResponse('<div id="free-times" class="free-times-box"></div>')
    try:
        lmp = dt.date.fromisoformat(request.POST.get("last_period_start", ""))
        procedure_id = int(request.POST.get("procedure", ""))
    except ValueError:
        return empty
    try:
        cycle_length = int(request.POST.get("cycle_length") or 0) or None
    except ValueError:
        cycle_length = None
    if cycle_length and not cycle.MIN_CYCLE_LENGTH <= cycle_length <= cycle.MAX_CYCLE_LENGTH:
        cycle_length = None
    today = config.clinic_calendar().today
    too_old = today - dt.timedelta(days=cycle.MAX_LMP_AGE_DAYS)
    irregular = request.POST.get("cycle_irregular") in ("1", "on", "true")
    if irregular or not too_old <= lmp <= today or procedure_id not in config.timings:
        return empty
    if not config.rules.self_scheduling:
        return empty
    plan, day_times = booking.window_free_times(
        procedure_id=procedure_id, lmp=lmp, cycle_length=cycle_length, config=config
    )
    form = _Times(plan, day_times, config.rules.self_scheduling)
    return render(
        request,
        "appointments/includes/times.html",
        {"form": form, "practice": config.practice},
    )

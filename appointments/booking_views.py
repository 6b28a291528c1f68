"""The free times of a window (a POST, never a date in a URL) and the manage page's booking."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language, gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from appointments import (
    booking,
    cycle,
    ics,
    services,
    slots,
    time_choices,
    times_cache,
    tokens,
    waitlist,
)
from appointments.booking_forms import parse_slot
from appointments.booking_models import WaitlistEntry
from appointments.models import AppointmentRequest
from clinic.ratelimit import ratelimit

EMPTY = '<div id="free-times" class="free-times-box"></div>'
# A patient may pick a time herself while waiting for our call or once booked.
MOVABLE = {AppointmentRequest.Status.REQUESTED, AppointmentRequest.Status.SCHEDULED}


class _Times:
    """What templates/appointments/includes/times.html reads from the form."""

    def __init__(self, plan, day_times, self_scheduling, *, hide_call=False):
        self.hide_call = hide_call
        self.plan = plan
        self.day_times = day_times
        self.self_scheduling = self_scheduling
        self.slot_value = ""
        self.errors = {}
        self.day_choices = time_choices.day_choices(day_times)
        self.nearest_choices = []


@never_cache
@require_POST
@ratelimit("appointment-times", 240, 3600, methods=("POST",))
def times(request: HttpRequest) -> HttpResponse:
    """The free times on each open day of the window (HTML, the list the form shows).

    From the cache (one round trip, no query) until a booking or the content changes;
    otherwise two queries (the window's bookings, the waitlist's offers), however long
    the window. The answer holds times only, nothing about the patient.
    """
    try:
        lmp = dt.date.fromisoformat(request.POST.get("last_period_start", ""))
        procedure_id = int(request.POST.get("procedure", ""))
    except ValueError:
        return HttpResponse(EMPTY)
    try:
        cycle_length = int(request.POST.get("cycle_length") or 0) or None
    except ValueError:
        cycle_length = None
    if cycle_length and not cycle.MIN_CYCLE_LENGTH <= cycle_length <= cycle.MAX_CYCLE_LENGTH:
        cycle_length = None
    today = timezone.localdate()
    too_old = today - dt.timedelta(days=cycle.MAX_LMP_AGE_DAYS)
    irregular = request.POST.get("cycle_irregular") in ("1", "on", "true")
    if irregular or not too_old <= lmp <= today:
        return HttpResponse(EMPTY)
    # The lead time is whole hours: the first bookable minute moves with the clock.
    now = _to_the_minute(timezone.now())

    def build() -> str:
        config = booking.booking_config()
        if procedure_id not in config.timings or not config.rules.self_scheduling:
            return EMPTY
        plan, day_times = booking.window_free_times(
            procedure_id=procedure_id,
            lmp=lmp,
            cycle_length=cycle_length,
            config=config,
            earliest=config.earliest(now),
        )
        form = _Times(plan, day_times, config.rules.self_scheduling)
        # No context processors: the fragment needs only the practice's phone.
        return render_to_string(
            "appointments/includes/times.html", {"form": form, "practice": config.practice}
        )

    # The fragment is in the page's language: each language has its own entry.
    name = f"{get_language()}:{procedure_id}:{lmp}:{cycle_length}:{now:%Y%m%d%H%M}"
    return HttpResponse(times_cache.cached_times(name, build))


def _to_the_minute(moment: dt.datetime) -> dt.datetime:
    """The next whole minute: every offered time is on one, so the list is the same."""
    whole = moment.replace(second=0, microsecond=0)
    return whole if whole == moment else whole + dt.timedelta(minutes=1)


# --- The patient's own page: move to another free time, the waitlist -------------------


def manage_context(appointment: AppointmentRequest) -> dict:
    """What the manage page shows about her booking, other free times and the waitlist."""
    config = booking.booking_config()
    current = getattr(appointment, "booking", None)  # select_related by the view
    context = {"booking": current, "move": None, "waitlist_entry": None, "offer": None}
    if appointment.status not in MOVABLE or not config.rules.self_scheduling:
        return context
    if appointment.pregnancy_possible or appointment.short_cycle:
        return context  # the front desk talks with her before any time is booked
    plan = config.clinic_calendar().plan(appointment.last_period_start, appointment.cycle_length)
    if plan.state == cycle.State.OPEN:
        day_times = booking.free_times(
            procedure_id=appointment.procedure_id,
            days=plan.open_days,
            for_request_id=appointment.pk,
            config=config,
        )
        if current is not None:  # her own time is not "another" time
            day_times = [
                slots.DayTimes(d.day, tuple(t for t in d.times if t != current.starts_at))
                for d in day_times
            ]
        context["move"] = _Times(plan, [d for d in day_times if d.times], True, hide_call=True)
    entry = getattr(appointment, "waitlist", None)  # select_related by the view
    context["waitlist_entry"] = entry
    live = entry and entry.status == WaitlistEntry.Status.OFFERED
    context["offer"] = entry if live and entry.offer_expires_at > timezone.now() else None
    return context


def _move(request: HttpRequest, appointment: AppointmentRequest) -> None:
    context = manage_context(appointment)
    at = parse_slot(request.POST.get("slot", ""))
    offered = context["move"].day_times if context["move"] else []
    if at is None or at not in {t for day in offered for t in day.times}:
        nearest = slots.nearest(offered, at or timezone.now())
        messages.error(request, _taken_text(nearest))
        return
    try:
        moved = services.appointment_schedule(
            request=appointment,
            at=at,
            by=None,
            expected_status=appointment.status,
            reason="Moved online by the patient",
        )
    except booking.SlotTaken as exc:
        messages.error(request, _taken_text(exc.nearest))
        return
    messages.success(request, _now_on(moved.scheduled_at))


def _taken_text(nearest) -> str:
    if not nearest:
        return gettext("Sorry, that time is not free. Please pick another one below.")
    return gettext("%(taken)s The nearest free times: %(times)s.") % {
        "taken": str(booking.TAKEN_MESSAGE),
        "times": "; ".join(_when(t) for t in nearest),
    }


def _when(moment: dt.datetime) -> str:
    return date_format(timezone.localtime(moment), gettext("l, F j \\a\\t g:i A"))


def _now_on(moment: dt.datetime) -> str:
    return gettext("Your exam is now on %(when)s (New York time).") % {"when": _when(moment)}


def manage_action(request: HttpRequest, appointment: AppointmentRequest) -> HttpResponse | None:
    """Handle the booking actions of the manage page; None for anything else."""
    action = request.POST.get("action")
    if action not in ("move", "waitlist_join", "waitlist_leave", "claim"):
        return None
    try:
        if action == "move":
            _move(request, appointment)
        elif action == "waitlist_join":
            waitlist.waitlist_join(request=appointment)
            messages.success(request, gettext("Done. We will text you if an earlier time opens."))
        elif action == "waitlist_leave":
            waitlist.waitlist_leave(request=appointment)
            messages.success(request, gettext("You are off the list for an earlier time."))
        else:
            moved = waitlist.waitlist_claim(request=appointment)
            messages.success(request, _now_on(moved.scheduled_at))
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    return redirect(request.path)


# --- The confirmation page: the calendar file and the waitlist ---------------------------


def confirmation_context(appointment: AppointmentRequest) -> dict:
    entry = getattr(appointment, "waitlist", None)  # both select_related by the view
    return {
        "booking": getattr(appointment, "booking", None),
        "on_waitlist": entry is not None
        and entry.status in (WaitlistEntry.Status.WAITING, WaitlistEntry.Status.OFFERED),
    }


def _confirmed(token: str) -> AppointmentRequest:
    pk = tokens.confirmation_pk(token)
    if pk is None:
        raise Http404("This page has expired.")
    return get_object_or_404(AppointmentRequest, pk=pk)


@never_cache
@require_GET
def confirmation_ics(request: HttpRequest, token: str) -> HttpResponse:
    """The booked exam as a calendar file (New York time)."""
    appointment = _confirmed(token)
    if appointment.status != AppointmentRequest.Status.SCHEDULED:
        raise Http404("Nothing is booked yet.")
    body = ics.exam_calendar(appointment, booking.booking_config().practice)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="appointment.ics"'
    return response


@never_cache
@require_POST
def confirmation_waitlist(request: HttpRequest, token: str) -> HttpResponse:
    appointment = _confirmed(token)
    try:
        waitlist.waitlist_join(request=appointment)
    except ValidationError:
        pass  # not booked (any more): the page says what she can do
    return redirect("appointments:confirmation", token=token)

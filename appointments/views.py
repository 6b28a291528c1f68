"""The patient's side: the request form, its window check, the confirmation and the
manage page. Every page here carries patient data, so none may be cached."""

from __future__ import annotations

import datetime as dt
import functools

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from appointments import (
    booking,
    booking_views,
    cycle,
    day_one,
    dob_check,
    self_booking,
    services,
    tokens,
    transitions,
)
from appointments.availability import clinic_calendar
from appointments.dob_check import Verdict
from appointments.form_content import request_form_content
from appointments.forms import AppointmentRequestForm
from appointments.manage_forms import DateOfBirthForm, OtherDatesForm, PatientCancelForm
from appointments.models import AppointmentRequest
from appointments.wording import plan_json
from clinic.i18n import localized
from clinic.ratelimit import client_ip, hit, ratelimit

VERIFIED_SESSION_KEY = "appointments_verified"
# What the confirmation and manage pages show beside the request: one query for all.
PAGE_RELATED = ("procedure", "booking", "waitlist", "day_one_reminder")


def no_referrer(view):
    """Pages whose URL holds a signed token: no link or resource on them may be sent it.

    The browser then posts their forms with `Origin: null`, which
    clinic.middleware.NullOriginMiddleware accepts for these views only (the CSRF
    token check still applies).
    """

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["Referrer-Policy"] = "no-referrer"
        return response

    wrapper.csrf_null_origin_ok = True
    return wrapper


# Posts of the request form allowed per address and hour. Shared networks (a doctor's
# office, hospital Wi-Fi) and a few corrected mistakes fit well inside it.
REQUEST_POSTS_PER_HOUR = 20
RATE_LIMITED_MESSAGE = _(
    "We have had many requests from your network in the last hour, so this one was "
    "not sent. Your answers are kept below. Please try again later, or call us."
)


@never_cache
def request_form(request: HttpRequest) -> HttpResponse:
    # The page's words, plans and price come from the cache (one round trip per version).
    content = request_form_content()
    calendar = clinic_calendar(practice=content.practice)
    status = 200
    if request.method == "POST":
        address = client_ip(request)
        form = AppointmentRequestForm(
            request.POST, calendar=calendar, content=content, remote_ip=address
        )
        if not hit(f"appointments:{address}", REQUEST_POSTS_PER_HOUR, 3600):
            # Past the limit the form comes back with everything typed, not a bare 429.
            form.is_valid()
            form.add_error(None, RATE_LIMITED_MESSAGE)
            status = 429
        elif form.is_valid():
            try:
                appointment = _request_save(form)
            except booking.SlotTaken as exc:
                form.slot_taken(exc.nearest)
            else:
                return redirect(
                    "appointments:confirmation", token=tokens.confirmation_token(appointment.pk)
                )
    else:
        form = AppointmentRequestForm(calendar=calendar, content=content)
    config = {
        "windowUrl": reverse("appointments:window"),
        "timesUrl": reverse("appointments:times"),
        # The script's own words, in the page's language.
        "text": {
            "daysYouCanPick": gettext("Days you can pick:"),
            "chooseDay": gettext("Choose a day"),
            "noOtherChoice": gettext("No other choice"),
            "checkDate": gettext("Please check the date."),
        },
    }
    # The words around the form are edited in the admin (Pages → "appointments").
    response = render(
        request,
        "appointments/request_form.html",
        {"form": form, "config": config, "page": content.page, "content": content},
        status=status,
    )
    if status == 429:
        response["Retry-After"] = "3600"
    return response


def _request_save(form: AppointmentRequestForm) -> AppointmentRequest:
    """Book her chosen time with the request, or save the request for a call back."""
    key = form.cleaned_data["submission_key"]
    if form.slot_at is not None:
        appointment, _created = self_booking.appointment_request_book(
            fields=form.request_fields(),
            submission_key=key,
            at=form.slot_at,
            days=form.plan.open_days,
        )
    else:
        appointment, _created = services.appointment_request_create(
            fields=form.request_fields(), submission_key=key
        )
    return appointment


@never_cache
@require_POST
@ratelimit("appointment-window", 120, 3600)
def window(request: HttpRequest) -> JsonResponse:
    """The window and its open days for a first day of the last period (POST `lmp`).

    A POST with the form's CSRF token, so the date never sits in a URL (logs, history,
    referrers). The answer holds only dates.
    """
    irregular = request.POST.get("irregular") in ("1", "true", "on")
    lmp = cycle_length = None
    if not irregular:
        try:
            lmp = dt.date.fromisoformat(request.POST.get("lmp", ""))
        except ValueError:
            return JsonResponse({"error": gettext("Please enter a real date.")}, status=400)
    try:
        cycle_length = int(request.POST.get("cycle_length") or 0) or None
    except ValueError:
        cycle_length = None
    if cycle_length and not cycle.MIN_CYCLE_LENGTH <= cycle_length <= cycle.MAX_CYCLE_LENGTH:
        cycle_length = None
    calendar = clinic_calendar()
    if lmp and not (
        calendar.today - dt.timedelta(days=cycle.MAX_LMP_AGE_DAYS) <= lmp <= calendar.today
    ):
        return JsonResponse(
            {"error": gettext("Please enter a date in the last 3 months, and not in the future.")},
            status=400,
        )
    return JsonResponse(plan_json(calendar.plan(lmp, cycle_length), calendar.practice))


@no_referrer
@never_cache
@require_GET
def confirmation(request: HttpRequest, token: str) -> HttpResponse:
    pk = tokens.confirmation_pk(token)
    if pk is None:
        raise Http404("This page has expired.")
    appointment = get_object_or_404(AppointmentRequest.objects.select_related(*PAGE_RELATED), pk=pk)
    calendar = clinic_calendar()
    plan = calendar.plan(appointment.last_period_start, appointment.cycle_length)
    return render(
        request,
        "appointments/confirmation.html",
        {
            "appointment": appointment,
            "procedure_name": localized(appointment.procedure).short_name,
            "plan": plan,
            "case": confirmation_case(appointment, plan),
            "chosen_days": [
                d
                for d in (
                    appointment.preferred_date_1,
                    appointment.preferred_date_2,
                    appointment.preferred_date_3,
                )
                if d
            ],
            "manage_token": tokens.manage_token(appointment.pk),
            "token": token,
            **booking_views.confirmation_context(appointment),
            **day_one.remind_context(appointment, plan),
        },
    )


def confirmation_case(appointment: AppointmentRequest, plan: cycle.WindowPlan) -> str:
    """Which next steps fit her: "booked", "cancelled", "call_day_1" or "waiting"."""
    if appointment.status == AppointmentRequest.Status.SCHEDULED:
        return "booked"
    if appointment.status != AppointmentRequest.Status.REQUESTED:
        return "closed"
    if plan.state != cycle.State.OPEN:
        return "call_day_1"
    return "waiting"


@no_referrer
@never_cache
def manage(request: HttpRequest, token: str) -> HttpResponse:
    pk = tokens.manage_pk(token)
    if pk is None:
        return render(request, "appointments/manage_expired.html", status=404)
    appointment = get_object_or_404(AppointmentRequest.objects.select_related(*PAGE_RELATED), pk=pk)
    verified = pk in request.session.get(VERIFIED_SESSION_KEY, [])
    if not verified:
        return _manage_check_dob(request, appointment)

    calendar = clinic_calendar()
    plan = calendar.plan(appointment.last_period_start, appointment.cycle_length)
    cancel_form = PatientCancelForm(prefix="cancel")
    dates_form = OtherDatesForm(prefix="dates", calendar=calendar, plan=plan)
    confirming = ""
    if request.method == "POST":
        handled = booking_views.manage_action(request, appointment)
        if handled is not None:
            return handled
        action = request.POST.get("action")
        # Each change asks first: the first post shows what will happen, the second
        # (with "confirm") does it.
        confirmed = request.POST.get("confirm") == "yes"
        try:
            if action == "cancel":
                cancel_form = PatientCancelForm(request.POST, prefix="cancel")
                if cancel_form.is_valid() and not confirmed:
                    confirming = "cancel"
                elif cancel_form.is_valid():
                    services.appointment_cancel(
                        request=appointment,
                        reason=cancel_form.cleaned_data["reason"],
                        by_patient=True,
                    )
                    messages.success(request, gettext("Your request is cancelled."))
                    return redirect(request.path)
            elif action == "other_dates":
                dates_form = OtherDatesForm(
                    request.POST, prefix="dates", calendar=calendar, plan=plan
                )
                if dates_form.is_valid() and not confirmed:
                    confirming = "other_dates"
                elif dates_form.is_valid():
                    services.appointment_ask_other_dates(
                        request=appointment, dates=dates_form.dates
                    )
                    messages.success(
                        request,
                        gettext("Thank you. We will call you to book one of your new days."),
                    )
                    return redirect(request.path)
        except services.TransitionError as exc:
            messages.error(request, exc.messages[0])
            return redirect(request.path)
    can_change = transitions.move_allowed(appointment, "cancel", by=transitions.PATIENT)
    return render(
        request,
        "appointments/manage.html",
        {
            "appointment": appointment,
            "procedure_name": localized(appointment.procedure).short_name,
            "can_change": can_change,
            "confirming": confirming if can_change else "",
            "cancel_form": cancel_form,
            "dates_form": dates_form,
            "plan": plan,
            "token": token,
            **booking_views.manage_context(appointment),
            **day_one.remind_context(appointment, plan),
        },
    )


def _manage_check_dob(request: HttpRequest, appointment: AppointmentRequest) -> HttpResponse:
    """Ask for the date of birth; each guess is counted before it is compared (dob_check)."""
    try:
        verdict = dob_check.state(appointment.pk)
        if verdict is not Verdict.COMPARE:
            return _manage_refused(request, verdict)
        form = DateOfBirthForm(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            matched = dob_guess(request, appointment, form.cleaned_data["date_of_birth"])
            if isinstance(matched, HttpResponse):
                return matched
            if matched:
                session_verify(request, appointment.pk)
                return redirect(request.path)
            verdict = dob_check.state(appointment.pk)
            if verdict is not Verdict.COMPARE:
                return _manage_refused(request, verdict)
            form.add_error("date_of_birth", DOB_MISMATCH)
    except dob_check.CheckUnavailable:
        return _dob_unavailable(request)
    return render(request, "appointments/manage_verify.html", {"form": form})


DOB_MISMATCH = _("That date does not match our records.")


def dob_guess(
    request: HttpRequest, appointment: AppointmentRequest, given: dt.date
) -> HttpResponse | bool:
    """Count one guess at her date of birth, then compare it (appointments.dob_check).

    A refusal page while the link or her address is locked or the link is dead, and a
    503 page when nothing can be counted; otherwise whether it matched (a match is
    recorded as passed). Shared by her manage page and the day-1 page.
    """
    try:
        verdict = dob_check.state(appointment.pk)
        if verdict is Verdict.COMPARE:
            verdict = dob_check.attempt(appointment.pk, client_ip(request))
        if verdict is not Verdict.COMPARE:
            return _manage_refused(request, verdict)
        if given != appointment.date_of_birth:
            return False
        dob_check.passed(appointment.pk, client_ip(request))
        return True
    except dob_check.CheckUnavailable:
        return _dob_unavailable(request)


def session_verify(request: HttpRequest, pk: int) -> None:
    """Her date of birth matched: this browser session may open request `pk`."""
    verified = request.session.get(VERIFIED_SESSION_KEY, [])
    request.session[VERIFIED_SESSION_KEY] = [*verified, pk]
    request.session.cycle_key()


def _dob_unavailable(request: HttpRequest) -> HttpResponse:
    """Nothing can be counted, so nothing is compared: fail closed, politely."""
    response = render(request, "appointments/manage_unavailable.html", status=503)
    response["Retry-After"] = "300"
    return response


def _manage_refused(request: HttpRequest, verdict: Verdict) -> HttpResponse:
    """Locked for now (429, try later) or dead for good (403, call us)."""
    if verdict is Verdict.DEAD:
        return render(request, "appointments/manage_dead.html", status=403)
    wait = dob_check.LOCK_SECONDS[verdict]
    context = {"by_address": verdict is Verdict.ADDRESS_LOCKED, "wait_minutes": wait // 60}
    response = render(request, "appointments/manage_locked.html", context, status=429)
    response["Retry-After"] = str(wait)
    return response

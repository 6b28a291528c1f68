"""What a patient reads about their window: the same words on the page and in JSON,
in the language being served."""

from __future__ import annotations

import datetime as dt

from django.utils import formats
from django.utils.translation import gettext, ngettext

from appointments.cycle import State, WindowPlan
from clinic.models import Practice


def day_label(day: dt.date) -> str:
    """'Tuesday, March 10' in English, 'martes, 10 de marzo' in Spanish."""
    return formats.date_format(day, gettext("l, F j"))


def plan_message(plan: WindowPlan, practice: Practice) -> str:
    """One or two plain sentences about the window, and what to do when it is no use."""
    call = gettext("%(call_or_text)s on day 1 of your next period") % {
        "call_or_text": practice.call_or_text
    }
    if plan.state == State.IRREGULAR:
        return gettext(
            "That is fine. Please %(call)s, and we will book a day from day %(first)s to "
            "day %(last)s. You can still send this form: we will call you."
        ) % {"call": call, "first": practice.window_start_day, "last": practice.window_end_day}
    window = gettext("%(first)s to %(last)s") % {
        "first": day_label(plan.first),
        "last": day_label(plan.last),
    }
    if plan.state == State.OPEN:
        count = len(plan.open_days)
        return ngettext(
            "Your best days for the exam are %(window)s. We are open on %(count)s day.",
            "Your best days for the exam are %(window)s. We are open on %(count)s days.",
            count,
        ) % {"window": window, "count": count}
    if plan.state == State.PASSED:
        first = gettext("Your best days this cycle (%(window)s) have passed.")
    elif plan.state == State.TOO_CLOSE:
        first = gettext("Your best days this cycle (%(window)s) end too soon for us to book you.")
    else:
        first = gettext("We are closed on all of your best days this cycle (%(window)s).")
    first = first % {"window": window}
    nxt = ""
    if plan.next_first:
        nxt = " " + gettext(
            "Your next best days should be about %(first)s to %(last)s. You can pick days "
            "there below, and we will confirm when you call."
        ) % {"first": day_label(plan.next_first), "last": day_label(plan.next_last)}
    return gettext("%(first)s Please %(call)s.%(next)s") % {
        "first": first,
        "call": call,
        "next": nxt,
    }


def plan_json(plan: WindowPlan, practice: Practice) -> dict:
    def iso(day):
        return day.isoformat() if day else None

    return {
        "state": str(plan.state),
        "message": plan_message(plan, practice),
        "first": iso(plan.first),
        "last": iso(plan.last),
        "next_first": iso(plan.next_first),
        "next_last": iso(plan.next_last),
        "offered_days": [
            {"date": day.isoformat(), "label": day_label(day)} for day in plan.offered_days
        ],
    }

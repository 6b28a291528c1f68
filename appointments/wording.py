"""What a patient reads about their window: the same words on the page and in JSON."""

from __future__ import annotations

import datetime as dt

from appointments.cycle import State, WindowPlan
from clinic.models import Practice


def day_label(day: dt.date) -> str:
    return f"{day:%A, %B %-d}"


def plan_message(plan: WindowPlan, practice: Practice) -> str:
    """One or two plain sentences about the window, and what to do when it is no use."""
    call = f"{practice.call_or_text} on day 1 of your next period"
    if plan.state == State.IRREGULAR:
        return (
            "That is fine. Please "
            + call
            + f", and we will book a day from day {practice.window_start_day} to day "
            f"{practice.window_end_day}. You can still send this form: we will call you."
        )
    window = f"{day_label(plan.first)} to {day_label(plan.last)}"
    if plan.state == State.OPEN:
        count = len(plan.open_days)
        days = "day" if count == 1 else "days"
        return f"Your best days for the exam are {window}. We are open on {count} {days}."
    if plan.state == State.PASSED:
        first = f"Your best days this cycle ({window}) have passed."
    elif plan.state == State.TOO_CLOSE:
        first = f"Your best days this cycle ({window}) end too soon for us to book you."
    else:
        first = f"We are closed on all of your best days this cycle ({window})."
    nxt = ""
    if plan.next_first:
        nxt = (
            f" Your next best days should be about {day_label(plan.next_first)} to "
            f"{day_label(plan.next_last)}. You can pick days there below, and we will "
            "confirm when you call."
        )
    return f"{first} Please {call}.{nxt}"


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

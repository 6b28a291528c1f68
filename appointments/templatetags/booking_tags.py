"""The front desk's list of free times on the Schedule page: the same list patients see."""

from django import template
from django.utils import timezone

from appointments import booking, cycle, time_choices

register = template.Library()


class StaffTimes:
    """What templates/appointments/includes/times.html reads, for a staff member."""

    hide_call = True
    self_scheduling = False
    nearest_choices = ()

    def __init__(self, plan, day_times, selected: str, errors):
        self.plan = plan
        self.day_times = day_times
        self.day_choices = time_choices.day_choices(day_times, selected)
        self.slot_value = selected
        self.errors = errors


@register.simple_tag
def staff_free_times(request, form):
    """The free times of the request's window from now on (no lead time for staff)."""
    config = booking.booking_config()
    plan = config.clinic_calendar().plan(request.last_period_start, request.cycle_length)
    day_times = []
    if plan.state == cycle.State.OPEN:
        day_times = booking.free_times(
            procedure_id=request.procedure_id,
            days=plan.open_days,
            for_request_id=request.pk,
            config=config,
            earliest=timezone.now(),
        )
    selected = form["slot"].value() or "" if form.is_bound else ""
    return StaffTimes(plan, day_times, selected, form.errors)

"""The waitlist for an earlier time: offer a freed time to the first patient it fits.

A booked patient asks to be told if an earlier time in her window opens. When one
does, the first patient waiting whose window fits gets a text (the practice's name
and a link, nothing else) and the time is hers alone for 30 minutes; after that it
goes to the next one. Claiming it moves her booking in one transaction.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from appointments import booking, times_cache
from appointments.booking_models import WaitlistEntry
from appointments.models import AppointmentRequest
from texting import timing

OFFER_MINUTES = 30
Status = WaitlistEntry.Status


def waitlist_join(*, request: AppointmentRequest) -> WaitlistEntry:
    """Put a booked patient on the waitlist (again): she is told of earlier times."""
    if request.status != AppointmentRequest.Status.SCHEDULED:
        raise ValidationError(_("Only a booked exam can wait for an earlier time."), code="state")
    entry, created = WaitlistEntry.objects.get_or_create(request=request)
    if not created and entry.status != Status.WAITING:
        entry.status = Status.WAITING
        entry.save(update_fields=["status", "updated_at"])
    transaction.on_commit(waitlist_wake, robust=True)
    return entry


def waitlist_leave(*, request: AppointmentRequest) -> None:
    WaitlistEntry.objects.filter(request=request).exclude(status=Status.CLAIMED).update(
        status=Status.ENDED, offer_expires_at=None, updated_at=timezone.now()
    )


def _earlier_time(entry: WaitlistEntry, config, now: dt.datetime):
    """The earliest free time in her window before her booking, with its lane, or None."""
    request = entry.request
    current = getattr(request, "booking", None)
    if current is None:
        return None
    plan = config.clinic_calendar().plan(request.last_period_start, request.cycle_length)
    before = timezone.localtime(current.starts_at).date()
    days = [day for day in plan.open_days if day <= before]
    if not days:
        return None
    schedule = booking.schedule_for(config, days[0], days[-1], for_request_id=request.pk, now=now)
    timing = config.timing(request.procedure_id)
    for day in schedule.free_times(days, timing, earliest=config.earliest(now)):
        for start in day.times:
            if start >= current.starts_at:
                return None
            if start == entry.offer_starts_at:
                continue  # offered to her already: it goes to the next patient
            lane = schedule.free_lane(start, timing)
            return start, start + timing.occupies, lane
    return None


def waitlist_wake(now: dt.datetime | None = None) -> int:
    """End lapsed offers and offer each free earlier time to the first patient it fits.

    Run every minute by beat and after a booking is freed. Returns the offers made.
    """
    from appointments import waitlist_texts

    now = now or timezone.now()
    lapsed = WaitlistEntry.objects.filter(status=Status.OFFERED, offer_expires_at__lte=now)
    if lapsed.update(status=Status.WAITING, updated_at=now):
        times_cache.bookings_changed()  # the times they held are free again
    if timing.is_quiet(now):
        return 0  # no offers by text at night: the 30 minutes would pass in her sleep
    config = booking.booking_config()
    made = 0
    entries = WaitlistEntry.objects.waiting().select_related("request__booking")
    for entry in entries:
        if entry.request.status != AppointmentRequest.Status.SCHEDULED:
            WaitlistEntry.objects.filter(pk=entry.pk).update(status=Status.ENDED, updated_at=now)
            continue
        found = _earlier_time(entry, config, now)
        if found is None:
            continue
        start, free_at, lane = found
        with transaction.atomic():
            offered = WaitlistEntry.objects.filter(pk=entry.pk, status=Status.WAITING).update(
                status=Status.OFFERED,
                offer_starts_at=start,
                offer_free_at=free_at,
                offer_room_id=lane.room_id,
                offer_place=lane.place,
                offer_expires_at=now + dt.timedelta(minutes=OFFER_MINUTES),
                updated_at=now,
            )
            if offered:
                times_cache.bookings_changed()  # the time is hers alone for now
                entry.refresh_from_db()
                waitlist_texts.queue_offer_text(entry=entry)
                made += 1
    return made


def waitlist_offer(request: AppointmentRequest) -> WaitlistEntry | None:
    """The time on offer to her right now, if any."""
    return WaitlistEntry.objects.live_offers(timezone.now()).filter(request=request).first()


def waitlist_claim(*, request: AppointmentRequest) -> AppointmentRequest:
    """Move her booking to the time offered to her, in one transaction."""
    from appointments import services

    with transaction.atomic():
        entry = (
            WaitlistEntry.objects.select_for_update()
            .filter(request=request, status=Status.OFFERED)
            .first()
        )
        if entry is None or entry.offer_expires_at <= timezone.now():
            raise ValidationError(
                _("This offer has ended. Your booking has not changed."), code="expired"
            )
        moved = services.appointment_schedule(
            request=request,
            at=entry.offer_starts_at,
            by=None,
            expected_status=AppointmentRequest.Status.SCHEDULED,
            reason="Moved to an earlier time from the waitlist",
        )
        entry.status = Status.CLAIMED
        entry.offer_expires_at = None
        entry.save(update_fields=["status", "offer_expires_at", "updated_at"])
    return moved

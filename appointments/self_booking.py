"""A patient books a free time herself: the request and its booking in one transaction."""

from __future__ import annotations

import datetime as dt
import uuid

from django.db import transaction

from appointments import booking, services
from appointments.booking_models import BookingRules
from appointments.models import AppointmentRequest


def appointment_request_book(
    *, fields: dict, submission_key: uuid.UUID, at: dt.datetime, days: list[dt.date]
) -> tuple[AppointmentRequest, bool]:
    """Save the request and book `at` for it, all or nothing; return it and whether it is new.

    Instant mode books the exam at once (the "scheduled" text, email and `.ics`);
    confirm mode holds the time for the front desk, who confirm it with Schedule.
    Raises booking.SlotTaken, with the nearest free times among `days`, when the time
    went meanwhile: nothing is saved and the form comes back as she filled it.
    """
    config = booking.booking_config()
    with transaction.atomic():
        request, created = services.appointment_request_create(
            fields=fields, submission_key=submission_key, self_booked=True
        )
        if not created:
            return request, False
        if config.rules.mode == BookingRules.Mode.CONFIRM:
            booking.booking_take(request=request, at=at, held=True, days=days, config=config)
        else:
            try:
                services.appointment_schedule(
                    request=request,
                    at=at,
                    by=None,
                    reason="Booked online by the patient",
                    public=True,
                )
            except booking.SlotTaken as exc:
                raise booking.SlotTaken(
                    nearest=booking.slots.nearest(
                        booking.free_times(
                            procedure_id=request.procedure_id, days=days, config=config
                        ),
                        at,
                    )
                ) from exc
    return request, True

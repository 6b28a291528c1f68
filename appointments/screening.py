"""What the front desk must know before booking: the screening answers of a request.

One list, read by the admin's list column, the request's page and the day's list.
"""

from __future__ import annotations

from dataclasses import dataclass

from appointments.models import SHORT_CYCLE_DAYS, AppointmentRequest


@dataclass(frozen=True)
class Flag:
    css: str  # e.g. "flag-pregnancy"
    label: str  # short, for the list
    note: str  # what to do, for the request's page


def screening_flags(request: AppointmentRequest) -> list[Flag]:
    """The request's flags, the ones to act on before booking first."""
    flags = []
    if request.pregnancy_possible:
        answer = request.get_may_be_pregnant_display().lower()
        flags.append(
            Flag(
                "flag-pregnancy",
                "Could be pregnant",
                f"Could be pregnant: {answer}. She was told to call before booking: talk "
                "with her before you book.",
            )
        )
    if request.short_cycle:
        flags.append(
            Flag(
                "flag-short-cycle",
                "Short cycle",
                f"Usual cycle of {request.cycle_length} days (under {SHORT_CYCLE_DAYS}): "
                "confirm the day with her. She was told we would.",
            )
        )
    if request.contrast_allergy:
        flags.append(
            Flag(
                "flag-allergy",
                "Contrast allergy",
                "Contrast allergy: plan gadolinium contrast instead.",
            )
        )
    if request.pelvic_infection_history:
        flags.append(
            Flag(
                "flag-infection",
                "Pelvic infection",
                "Past pelvic infection: the doctor may prescribe antibiotics first.",
            )
        )
    if request.lipiodol_interest:
        flags.append(
            Flag(
                "flag-lipiodol",
                "Lipiodol",
                "Wants Lipiodol: not covered by insurance, tell the patient the price.",
            )
        )
    return flags

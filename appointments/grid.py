"""The front desk's grid: times down, rooms across, each cell booked, held, free or blocked.

Pure Python, no Django: the caller passes the schedule's setup and the bookings.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from appointments import slots


@dataclass(frozen=True)
class Entry:
    """A booking as the grid shows it (no patient data: the reference and a link id)."""

    lane: slots.Lane
    starts: dt.datetime
    free_at: dt.datetime
    request_id: int
    label: str
    held: bool = False


@dataclass(frozen=True)
class Cell:
    kind: str  # "booked", "held", "busy" (a booking goes on), "free", "blocked", "closed"
    entry: Entry | None = None
    reason: str = ""


@dataclass(frozen=True)
class Row:
    at: dt.datetime
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class DayGrid:
    day: dt.date
    rows: tuple[Row, ...]
    closed_reason: str | None = None


def _overlaps(a_start, a_end, b_start, b_end) -> bool:
    return a_start < b_end and b_start < a_end


def day_grid(day: dt.date, setup: slots.Setup, entries: list[Entry]) -> DayGrid:
    """One day's grid, a row every `setup.step` from opening to closing time."""
    hours = setup.calendar.hours.get(day.weekday())
    reason = setup.calendar.closed_reason(day)
    if hours is None or reason:
        return DayGrid(day, (), reason or "Closed")
    spans = slots.blocks_on(day, setup)
    opens = slots.at_local(day, hours[0], setup.tz).astimezone(slots.UTC)
    closes = slots.at_local(day, hours[1], setup.tz).astimezone(slots.UTC)
    rows = []
    moment = opens
    while moment < closes:
        end = moment + setup.step
        cells = []
        for lane in setup.lanes:
            cells.append(_cell(lane, moment, end, spans, entries))
        rows.append(Row(moment.astimezone(setup.tz), tuple(cells)))
        moment = end
    return DayGrid(day, tuple(rows))


def _cell(lane, start, end, spans, entries) -> Cell:
    for entry in entries:
        if entry.lane == lane and _overlaps(start, end, entry.starts, entry.free_at):
            if start <= entry.starts < end:
                return Cell("held" if entry.held else "booked", entry)
            return Cell("busy", entry)
    for room_id, b_start, b_end, reason in spans:
        if (room_id is None or room_id == lane.room_id) and _overlaps(start, end, b_start, b_end):
            return Cell("blocked", reason=reason)
    return Cell("free")


def across_days(grids: list[DayGrid], lane_count: int) -> list[tuple[dt.time, list[Cell]]]:
    """The days side by side: one row per clock time, each day's lanes in turn."""
    by_day = [{row.at.time(): row.cells for row in g.rows} for g in grids]
    clock = sorted({t for cells in by_day for t in cells})
    closed = tuple(Cell("closed") for _ in range(lane_count))
    return [(t, [cell for day in by_day for cell in day.get(t, closed)]) for t in clock]

"""The front desk's side of booking: rules, rooms, exam lengths, blocked times, the grid."""

from __future__ import annotations

import datetime as dt

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone

from appointments import booking, grid, slots
from appointments.booking_models import (
    BlockedTime,
    Booking,
    BookingRules,
    ExamLength,
    Room,
    WaitlistEntry,
)


@admin.register(BookingRules)
class BookingRulesAdmin(admin.ModelAdmin):
    list_display = ["__str__", "mode", "self_scheduling", "lead_hours", "horizon_days"]

    def has_add_permission(self, request):
        return False  # one row, made by the migration (or by BookingRules.current())

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Room)
class RoomAdmin(admin.ModelAdmin):
    list_display = ["name", "capacity", "active", "order"]
    list_editable = ["order"]


@admin.register(ExamLength)
class ExamLengthAdmin(admin.ModelAdmin):
    list_display = ["procedure", "duration_minutes", "buffer_minutes"]


@admin.register(BlockedTime)
class BlockedTimeAdmin(admin.ModelAdmin):
    list_display = ["reason", "weekday", "day", "starts", "ends", "room"]
    list_filter = ["weekday", "room"]


@admin.register(WaitlistEntry)
class WaitlistEntryAdmin(admin.ModelAdmin):
    list_display = ["request", "status", "offer_starts_at", "offer_expires_at", "created_at"]
    list_filter = ["status"]
    readonly_fields = [f.name for f in WaitlistEntry._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(Booking)
class BookingAdmin(admin.ModelAdmin):
    """Bookings are made by scheduling a request; here staff read them and open the grid."""

    list_display = ["starts_at", "room", "place", "request", "held"]
    list_filter = ["held", "room"]
    date_hierarchy = "starts_at"
    readonly_fields = [f.name for f in Booking._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("grid/", view(self.grid_view), name="appointments_booking_grid"),
            *super().get_urls(),
        ]

    def grid_view(self, request):
        """A day or a week (Monday first) of bookings and free times, today by default."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        try:
            day = dt.date.fromisoformat(request.GET.get("day", ""))
        except ValueError:
            day = timezone.localdate()
        week = request.GET.get("view") == "week"
        first = day - dt.timedelta(days=day.weekday()) if week else day
        days = [first + dt.timedelta(days=i) for i in range(7 if week else 1)]
        config = booking.booking_config()
        start, end = booking._day_bounds(days[0], days[-1], config.setup.tz)
        rows = Booking.objects.overlapping(start, end).select_related("request")
        entries = [
            grid.Entry(
                slots.Lane(b.room_id, b.place),
                b.starts_at,
                b.free_at,
                b.request_id,
                b.request.reference,
                b.held,
            )
            for b in rows
        ]
        rooms = {room.pk: room for room in Room.objects.active()}
        lanes = [
            (rooms[lane.room_id].name, lane.place, rooms[lane.room_id].capacity)
            for lane in config.setup.lanes
            if lane.room_id in rooms
        ]
        grids = [grid.day_grid(d, config.setup, entries) for d in days]
        open_grids = [g for g in grids if g.rows]
        step = dt.timedelta(days=7 if week else 1)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": (f"Week of {first:%B %-d, %Y}" if week else f"{day:%A, %B %-d, %Y}"),
            "days": open_grids,
            "closed_days": [g for g in grids if not g.rows],
            "rows": grid.across_days(open_grids, len(lanes)),
            "lanes": lanes,
            "week": week,
            "day": day,
            "previous": first - step,
            "next": first + step,
            "held": Booking.objects.held().count(),
        }
        return TemplateResponse(request, "admin/appointments/booking/grid.html", context)

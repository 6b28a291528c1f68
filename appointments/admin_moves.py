"""The front desk's status buttons: one admin page per staff move of `transitions.MOVES`,
showing the move's form and then running its service (never a free-edit status field)."""

from __future__ import annotations

from functools import partial

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone

from appointments import transitions
from appointments.admin_forms import ScheduleForm
from appointments.models import AppointmentRequest
from appointments.reopen import reopening


class StatusMovesMixin:
    """For the requests' ModelAdmin: the moves' pages and the buttons that lead to them."""

    def status_actions(self, object_id) -> list[tuple[str, str]]:
        """(url, label) of each move staff may make now on the request `object_id`."""
        try:
            obj = AppointmentRequest.objects.filter(pk=object_id).only("status").first()
        except (ValueError, TypeError, ValidationError):
            return []  # not an id: Django's change view answers "doesn't exist"
        if obj is None:
            return []
        return [
            (
                reverse(f"admin:appointments_appointmentrequest_{move.name}", args=[object_id]),
                move.label_for(obj),
            )
            for move in transitions.moves_for(obj, by=transitions.STAFF)
        ]

    def get_urls(self):
        view = self.admin_site.admin_view
        name = "appointments_appointmentrequest"
        moves = [m for m in transitions.MOVES.values() if transitions.STAFF in m.by]
        return [
            *(
                path(
                    f"<int:pk>/{move.name.replace('_', '-')}/",
                    view(partial(self.status_view, move=move.name)),
                    name=f"{name}_{move.name}",
                )
                for move in moves
            ),
            *super().get_urls(),
        ]

    def status_view(self, request, pk, *, move: str):
        """Every staff move of `transitions.MOVES`: its form, then its service."""
        spec = transitions.MOVES[move]
        obj = get_object_or_404(AppointmentRequest.objects.select_related("procedure"), pk=pk)
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        initial = {"seen_status": obj.status}
        if obj.scheduled_at:
            local = timezone.localtime(obj.scheduled_at)
            initial.update(date=local.date(), time=local.time())
        title = spec.label_for(obj)
        data = request.POST if request.method == "POST" else None
        form = spec.form(data, initial=initial)
        if request.method == "POST" and form.is_valid():
            try:
                transitions.move_run(move, obj, form, by=request.user)
            except ValidationError as exc:
                for message in exc.messages:
                    form.add_error(None, message)
            else:
                messages.success(request, f"{obj.reference}: {title.lower()} done.")
                return redirect("admin:appointments_appointmentrequest_change", obj.pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": obj,
            "title": f"{title}: {obj.reference}",
            "form": form,
            "button": spec.button,
            "plan_text": self.window_panel(obj) if spec.form is ScheduleForm else "",
            "reopening": reopening(obj, timezone.now()) if move == "reopen" else None,
        }
        return TemplateResponse(
            request, "admin/appointments/appointmentrequest/status_form.html", context
        )

"""The access log in the admin: read-only, exportable as CSV, and per-record history."""

import csv

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import StreamingHttpResponse
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone

from audit.models import AccessLog
from audit.recording import access_record

CSV_COLUMNS = [
    "at",
    "username",
    "ip",
    "action",
    "view",
    "model",
    "object_id",
    "search",
    "filters",
    "record_count",
]


class _Echo:
    def write(self, value):
        return value


def csv_response(rows, filename: str) -> StreamingHttpResponse:
    """Stream access rows as CSV (iterator(): memory stays flat on a long log)."""
    writer = csv.writer(_Echo())

    def lines():
        yield writer.writerow(CSV_COLUMNS)
        for row in rows.iterator(chunk_size=2000):
            yield writer.writerow(
                [
                    timezone.localtime(row.at).isoformat(),
                    row.username,
                    row.ip or "",
                    row.action,
                    row.view,
                    row.model,
                    row.object_id,
                    row.search,
                    row.filters,
                    row.record_count,
                ]
            )

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@admin.register(AccessLog)
class AccessLogAdmin(admin.ModelAdmin):
    change_list_template = "admin/audit/accesslog/change_list.html"
    list_display = (
        "at",
        "username",
        "action",
        "model",
        "object_id",
        "search",
        "record_count",
        "ip",
    )
    list_filter = ("action", "model", "username")
    search_fields = ("username", "object_id", "search")
    date_hierarchy = "at"
    list_per_page = 100
    readonly_fields = [*CSV_COLUMNS, "user"]

    # Append-only: nobody adds, edits or deletes a row here (the models refuse too).
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_actions(self, request):
        return {}

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("export/", view(self.export_view), name="audit_accesslog_export"),
            path(
                "record/<str:model>/<str:object_id>/",
                view(self.record_view),
                name="audit_record_history",
            ),
            *super().get_urls(),
        ]

    def export_view(self, request):
        """The list as CSV, with the same filters and search as the page it came from."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        rows = self.get_changelist_instance(request).get_queryset(request)
        access_record(
            request=request,
            view="audit_accesslog_export",
            access={
                "action": AccessLog.Action.EXPORT,
                "model": "audit.accesslog",
                "object_id": "",
                "search": request.GET.get("q", "")[:200],
                "filters": request.GET.urlencode()[:500],
                "records": [],
            },
        )
        return csv_response(rows, f"access-log-{timezone.localdate():%Y-%m-%d}.csv")

    def record_view(self, request, model, object_id):
        """Who saw one record, newest first; CSV with ?format=csv."""
        if not request.user.has_perm("audit.view_access_history"):
            raise PermissionDenied
        rows = AccessLog.objects.for_record(model, object_id).order_by("-at", "-pk")
        if request.GET.get("format") == "csv":
            return csv_response(rows, f"access-{model}-{object_id}.csv")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": f"Who saw {model} #{object_id}",
            "rows": rows[:500],
            "model_label": model,
            "object_id": object_id,
        }
        return TemplateResponse(request, "admin/audit/record_history.html", context)

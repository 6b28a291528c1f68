"""The practice dashboard in the admin: charts drawn on the server, the same figures as CSV."""

import csv
import datetime as dt

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone

from operations import charts
from operations.dashboard import (
    BOOKING_BUCKETS,
    SEEN_BUCKETS,
    bucket,
    dashboard_figures,
    figures_rows,
)

DEFAULT_WEEKS = 12


class RangeForm(forms.Form):
    start = forms.DateField(
        label="From", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label="To", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            raise forms.ValidationError("The end date is before the start date.")
        return data


def date_range(form: RangeForm) -> tuple[dt.date, dt.date]:
    today = timezone.localdate()
    default = (today - dt.timedelta(weeks=DEFAULT_WEEKS) + dt.timedelta(days=1), today)
    if not form.is_valid():
        return default
    end = form.cleaned_data.get("end") or today
    start = form.cleaned_data.get("start") or end - dt.timedelta(
        weeks=DEFAULT_WEEKS
    ) + dt.timedelta(days=1)
    return start, end


def _labels_every(count: int) -> int:
    return max(1, -(-count // 13))  # at most 13 labels under a chart


def dashboard(request):
    if not request.user.has_perm("operations.view_dashboard"):
        raise PermissionDenied
    form = RangeForm(request.GET or None)
    start, end = date_range(form)
    figures = dashboard_figures(start=start, end=end)
    if request.GET.get("format") == "csv" and (not request.GET or form.is_valid()):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="dashboard-{start}-{end}.csv"'
        writer = csv.writer(response)
        writer.writerow(["section", "item", "value"])
        writer.writerows(figures_rows(figures))
        return response

    every = _labels_every(len(figures.weeks))
    week_label = "{:%b %-d}".format
    requests_chart = charts.stacked_bars(
        [
            (week_label(w), [figures.requests_by_week[w][e] for e in figures.exams])
            for w in figures.weeks
        ],
        figures.exams,
        label_every=every,
    )
    booking_chart = charts.stacked_bars(
        [(label, [n]) for label, n in bucket(figures.hours_to_booking, BOOKING_BUCKETS)],
        ["requests"],
    )
    outcomes = [
        ("Waiting", figures.outcomes["requested"]),
        ("Booked", figures.outcomes["scheduled"]),
        ("Completed", figures.outcomes["completed"]),
        ("No-show", figures.outcomes["no_show"]),
        ("Cancelled", figures.outcomes["cancelled"]),
    ]
    outcomes_chart = charts.stacked_bars([(label, [n]) for label, n in outcomes], ["requests"])
    texts_chart = charts.stacked_bars(
        [
            (week_label(w), [figures.texts_by_week[w]["sent"], figures.texts_by_week[w]["failed"]])
            for w in figures.weeks
        ],
        ["sent", "failed"],
        label_every=every,
    )
    replies_chart = charts.stacked_bars(
        [
            (
                week_label(w),
                [figures.replies_by_week[w]["other"], figures.replies_by_week[w]["urgent"]],
            )
            for w in figures.weeks
        ],
        ["replies", "urgent"],
        label_every=every,
    )
    seen_chart = charts.stacked_bars(
        [(label, [n]) for label, n in bucket(figures.minutes_to_seen, SEEN_BUCKETS)], ["replies"]
    )
    context = {
        **admin.site.each_context(request),
        "title": "How the practice is doing",
        "form": form,
        "figures": figures,
        "charts": [
            ("requests", "Requests per week, by exam", requests_chart),
            ("booking", "Time from request to booking", booking_chart),
            ("outcomes", "What became of the requests", outcomes_chart),
            ("texts", "Texts per week: sent and failed", texts_chart),
            ("replies", "Replies per week, urgent on top", replies_chart),
            ("seen", "Time until staff saw a reply", seen_chart),
        ],
        "rows": figures_rows(figures),
        "csv_query": _csv_query(request),
    }
    return TemplateResponse(request, "admin/operations/dashboard.html", context)


def _csv_query(request) -> str:
    params = request.GET.copy()
    params["format"] = "csv"
    return params.urlencode()

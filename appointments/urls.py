from django.urls import path

from appointments import booking_views, day_one_views, views

app_name = "appointments"

urlpatterns = [
    path("request/", views.request_form, name="request"),
    path("request/window/", views.window, name="window"),
    path("request/times/", booking_views.times, name="times"),
    path("request/done/<str:token>/", views.confirmation, name="confirmation"),
    path(
        "request/done/<str:token>/exam.ics",
        booking_views.confirmation_ics,
        name="confirmation_ics",
    ),
    path(
        "request/done/<str:token>/waitlist/",
        booking_views.confirmation_waitlist,
        name="confirmation_waitlist",
    ),
    path(
        "request/done/<str:token>/day-one-texts/",
        day_one_views.confirmation_day_one_texts,
        name="confirmation_day_one_texts",
    ),
    path("request/day-one/<str:token>/", day_one_views.day_one_times, name="day_one"),
    path("manage/<str:token>/", views.manage, name="manage"),
    path(
        "manage/<str:token>/day-one-texts/",
        day_one_views.manage_day_one_texts,
        name="manage_day_one_texts",
    ),
]

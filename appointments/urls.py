from django.urls import path

from appointments import booking_views, views

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
    path("manage/<str:token>/", views.manage, name="manage"),
]

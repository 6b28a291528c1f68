"""The home page, which lists the procedures: the site's URLconf includes it at "/"."""

from django.urls import path

from procedures import views

urlpatterns = [
    path("", views.home, name="home"),
]

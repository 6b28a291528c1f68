from django.urls import path

from procedures import views

app_name = "procedures"

urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:slug>/", views.detail, name="detail"),
]

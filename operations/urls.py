from django.contrib import admin
from django.urls import path

from operations.views import dashboard

# Under /admin/dashboard/: staff only, past both factors (the admin site's own check).
urlpatterns = [path("", admin.site.admin_view(dashboard), name="dashboard")]

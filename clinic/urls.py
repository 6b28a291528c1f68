from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django_otp.admin import OTPAdminSite

from clinic import sitemaps, twofactor, views

# The project's URLconf: the one module of `clinic` that wires every app together.

# Staff sign in with a password and a second factor (django-otp) before any admin page.
admin.site.__class__ = OTPAdminSite
admin.site.login_form = twofactor.AdminLoginForm  # confirmed devices only
admin.site.site_header = "Interventional Radiology, P.C. — front desk"
admin.site.site_title = "Front desk"
admin.site.index_title = "Today at the practice"
# The lists need the width on a laptop (1,366 px); "Home" and the breadcrumbs lead on.
admin.site.enable_nav_sidebar = False

# Every patient-facing page in English at its plain URL and in Spanish under /es/.
urlpatterns = i18n_patterns(
    path("", include("procedures.home_urls")),
    path("about/", views.about, name="about"),
    path("location/", views.location, name="location"),
    path("insurance/", views.insurance, name="insurance"),
    path("contact/", views.contact, name="contact"),
    path("contact/thanks/", views.contact_thanks, name="contact_thanks"),
    path("privacy/", views.privacy, name="privacy"),
    path("procedures/", include("procedures.urls")),
    path("faq/", include("faq.urls")),
    path("appointments/", include("appointments.urls")),
    prefix_default_language=False,
) + [
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps.sections}, name="sitemap"),
    path("sms/", include("texting.urls")),
    path(
        "admin/translations/", admin.site.admin_view(views.missing_spanish), name="missing_spanish"
    ),
    path(
        "admin/two-factor/",
        admin.site.admin_view(twofactor.enroll),
        name="two_factor_enroll",
    ),
    path("admin/dashboard/", include("operations.urls")),
    path("admin/", admin.site.urls),
]

handler403 = "clinic.views.permission_denied"
handler404 = "clinic.views.page_not_found"
handler500 = "clinic.views.server_error"

"""The site's settings without the appointments app: texting must stand alone."""

from clinic.settings import *  # noqa: F403

INSTALLED_APPS = [app for app in INSTALLED_APPS if app != "appointments"]  # noqa: F405
ROOT_URLCONF = "texting.tests.urls_alone"
if "postgresql" in DATABASES["default"]["ENGINE"]:  # noqa: F405
    # Its own test database, beside the one of the run that starts it.
    DATABASES["default"]["TEST"] = {"NAME": f"test_{DATABASES['default']['NAME']}_alone"}  # noqa: F405

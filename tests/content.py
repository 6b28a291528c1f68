"""The real site for tests outside the apps: its content, and a window with open days."""

import datetime as dt
import importlib

from django.apps import apps as django_apps

# The data migrations that load the real site, in dependency order.
CONTENT_MIGRATIONS = [
    "procedures.migrations.0002_content",
    "clinic.migrations.0002_content",
    "faq.migrations.0002_content",
    "texting.migrations.0002_default_templates",
    # The safer wording, applied over the first load as `migrate` does.
    "procedures.migrations.0003_safer_wording",
    "clinic.migrations.0004_safer_wording",
    "faq.migrations.0004_safer_wording",
    "texting.migrations.0004_safer_texts",
    # Self-scheduling's rooms, exam lengths and rules.
    "appointments.migrations.0006_booking",
    "texting.migrations.0007_conversations",
    "appointments.migrations.0007_front_desk_group",
    # The Spanish beside the English (clinic/i18n.py).
    "procedures.migrations.0005_spanish_content",
    "clinic.migrations.0008_spanish_content",
    "faq.migrations.0006_spanish_content",
    "texting.migrations.0010_spanish_templates",
]


def load_site_content():
    """Load the practice's real content, as a fresh `migrate` does; return the practice.

    The loaders are idempotent: calling them again on a loaded site changes nothing.
    """
    for name in CONTENT_MIGRATIONS:
        importlib.import_module(name).load(django_apps, None)
    from clinic.models import Practice

    return Practice.objects.current()


def bookable_lmp(min_open_days: int = 3) -> tuple[dt.date, list[dt.date]]:
    """A first day of the last period whose window, from today, has open days to pick.

    Worked out with the site's own calendar (hours, closures, major holidays), so the
    tests pass on any day of the year.
    """
    from appointments.availability import clinic_calendar
    from appointments.cycle import State

    calendar = clinic_calendar()
    for days_ago in range(1, 30):
        lmp = calendar.today - dt.timedelta(days=days_ago)
        plan = calendar.plan(lmp)
        if plan.state == State.OPEN and len(plan.open_days) >= min_open_days:
            return lmp, plan.open_days
    raise AssertionError(f"No window from {calendar.today} has {min_open_days} open days")

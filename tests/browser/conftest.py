"""Real Chromium (Debian's, at /usr/bin/chromium) driven by Playwright against a live server."""

import datetime as dt
import importlib
import os
import re
import shutil

import pytest
from django.apps import apps as django_apps

from conftest import require

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# The rules the site promises to meet: WCAG 2.0 and 2.1, levels A and AA.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# The data migrations that load the real site, in dependency order.
CONTENT_MIGRATIONS = [
    "procedures.migrations.0002_content",
    "clinic.migrations.0002_content",
    "faq.migrations.0002_content",
    "texting.migrations.0002_default_templates",
]


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser(django_db_setup, live_server):
    # The test database and the live server start before Playwright's event loop does.
    if not (os.path.exists(CHROMIUM) or shutil.which("chromium")):
        message = f"Chromium not found at {CHROMIUM}"
        if require("REQUIRE_BROWSER"):
            pytest.fail(message + " and REQUIRE_BROWSER=1")
        pytest.skip(message + " (set REQUIRE_BROWSER=1 to make this fail)")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the tests' own ORM calls
    # (creating users, reading rows, flushing the database) stay plain synchronous code.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="en-US")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def phone_page(browser, live_server):
    """A 375-pixel-wide phone screen with touch."""
    context = browser.new_context(
        base_url=live_server.url,
        locale="en-US",
        viewport={"width": 375, "height": 812},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


# --- The real site ------------------------------------------------------------------


@pytest.fixture
def site_content(transactional_db):
    """The practice's real content, as a fresh `migrate` loads it.

    A live-server test runs in a transactional database, and pytest-django empties every
    table after each such test, data migrations' rows included. The loaders are
    idempotent, so each browser test loads them again and sees the real site.
    """
    for name in CONTENT_MIGRATIONS:
        importlib.import_module(name).load(django_apps, None)
    from clinic.models import Practice

    return Practice.objects.current()


def bookable_lmp(min_open_days: int = 3) -> tuple[dt.date, list[dt.date]]:
    """A first day of the last period whose window, from today, has open days to pick.

    Worked out with the site's own calendar (hours, closures, major holidays), so the
    journeys pass on any day of the year.
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


# --- Accessibility ------------------------------------------------------------------


def axe_violations(page) -> list[dict]:
    """axe-core's WCAG 2.0/2.1 A and AA violations on the page as it is now."""
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    return Axe().run(page, options=options).response["violations"]


# The admin pages' violation counts (elements), filled by test_accessibility and printed
# at the end of the run: Django's admin is reported rather than held to zero by promise.
admin_axe_counts: dict[str, int] = {}


def pytest_terminal_summary(terminalreporter):
    if admin_axe_counts:
        terminalreporter.section("axe on the front desk's admin pages (WCAG 2.0/2.1 A, AA)")
        for name, count in admin_axe_counts.items():
            terminalreporter.write_line(f"{name}: {count} violation(s)")


def describe(violations: list[dict]) -> str:
    """One line per failing element: the rule, its impact and where."""
    lines = []
    for violation in violations:
        for node in violation["nodes"]:
            target = " ".join(str(t) for t in node["target"])
            lines.append(f"{violation['id']} ({violation['impact']}): {target}")
    return "\n".join(lines)


# --- The front desk -----------------------------------------------------------------

FRONT_DESK_PASSWORD = "a-long-test-password"


@pytest.fixture
def front_desk(site_content, django_user_model):
    """A staff member with a confirmed authenticator app: (user, device)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user = django_user_model.objects.create_user(
        username="frontdesk", password=FRONT_DESK_PASSWORD, is_staff=True, is_superuser=True
    )
    return user, TOTPDevice.objects.create(user=user, name="Front desk phone", confirmed=True)


def admin_sign_in(page, user, device) -> None:
    """Sign in through the admin's own form, as staff do.

    The form lists the user's devices once her password is right: the first try
    brings up the list, the second picks the app and gives its current code.
    """
    from clinic.tests.test_twofactor import code_for

    page.goto("/admin/")
    page.wait_for_url("**/admin/login/?next=/admin/")
    page.get_by_label("Username").fill(user.get_username())
    page.get_by_label("Password").fill(FRONT_DESK_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_label("OTP Device").select_option(label=device.name)
    page.get_by_label("Password").fill(FRONT_DESK_PASSWORD)
    page.get_by_label("OTP Token").fill(code_for(device))
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r"/admin/$"))


def patient_request(**changes):
    """A request as the form saves it (through the service), with consent to texts."""
    import uuid

    from appointments.forms import SMS_CONSENT_TEXT
    from appointments.services import appointment_request_create
    from clinic.models import InsurancePlan
    from procedures.models import Procedure

    lmp, open_days = bookable_lmp()
    fields = {
        "procedure": Procedure.objects.get(slug="hsg"),
        "last_period_start": lmp,
        "preferred_date_1": open_days[0],
        "first_name": "Maria",
        "last_name": "Lopez",
        "date_of_birth": dt.date(1990, 3, 14),
        "phone": "+12125550123",
        "email": "maria@example.com",
        "insurance_plan": InsurancePlan.objects.get(name="Aetna"),
        "sms_consent": True,
        "sms_consent_text": SMS_CONSENT_TEXT,
        **changes,
    }
    appointment, _ = appointment_request_create(fields=fields, submission_key=uuid.uuid4())
    return appointment

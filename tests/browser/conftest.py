"""Real Chromium (Debian's, at /usr/bin/chromium) driven by Playwright against a live server."""

import os
import shutil

import pytest

from conftest import require
from tests.browser.helpers import FRONT_DESK_PASSWORD, admin_axe_counts, front_desk_steps
from tests.content import load_site_content

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


# Package scope: Chromium, Playwright's loop and the variable below end with the last
# browser test, so later tests (a `check --deploy` subprocess, say) never inherit them.
@pytest.fixture(scope="package")
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


@pytest.fixture(autouse=True)
def _in_memory_broker():
    """Texts the journeys queue are published to an in-memory broker, not to the Redis
    queue, where they would wait for whichever real worker starts next."""
    from clinic.celery import app

    saved = (app.conf.broker_url, app._pool, app.amqp._producer_pool)
    app.conf.broker_url = "memory://"
    app._pool = app.amqp._producer_pool = None  # the next publish connects anew
    yield
    app.conf.broker_url, app._pool, app.amqp._producer_pool = saved


# --- The real site ------------------------------------------------------------------


@pytest.fixture
def site_content(transactional_db):
    """The practice's real content, as a fresh `migrate` loads it.

    A live-server test runs in a transactional database, and pytest-django empties every
    table after each such test, data migrations' rows included: load them again.
    """
    return load_site_content()


# --- The front desk -----------------------------------------------------------------


@pytest.fixture
def front_desk(site_content, django_user_model):
    """A staff member with a confirmed authenticator app: (user, device)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user = django_user_model.objects.create_user(
        username="frontdesk", password=FRONT_DESK_PASSWORD, is_staff=True, is_superuser=True
    )
    return user, TOTPDevice.objects.create(user=user, name="Front desk phone", confirmed=True)


def pytest_terminal_summary(terminalreporter):
    if front_desk_steps:
        terminalreporter.section("front desk: from signing in to done")
        for name, steps in front_desk_steps.items():
            terminalreporter.write_line(
                f"{name}: {steps['clicks']} clicks, {steps['page loads']} page loads"
            )
    if admin_axe_counts:
        terminalreporter.section("axe on the front desk's admin pages (WCAG 2.0/2.1 A, AA)")
        for name, count in admin_axe_counts.items():
            terminalreporter.write_line(f"{name}: {count} violation(s)")

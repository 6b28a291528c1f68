"""The practice dashboard in Chromium: six SVG charts under the strict CSP, no script."""

import os

from axe_playwright_python.sync_playwright import Axe

from operations.tests.filling import fill_practice
from tests.browser.helpers import WCAG_TAGS, admin_sign_in, describe

RANGE = "/admin/dashboard/?start=2026-09-01&end=2027-03-02"


def test_the_dashboard_draws_its_charts_under_the_csp(page, front_desk):
    fill_practice(requests=120)
    console = []
    page.on("console", lambda message: console.append(message.text))
    admin_sign_in(page, *front_desk)
    page.get_by_role("link", name="Dashboard").click()
    page.goto(RANGE)
    assert page.get_by_role("heading", level=1).inner_text() == "How the practice is doing"
    charts = page.locator("figure.chart svg[role=img]")
    assert charts.count() == 6
    for i in range(6):
        box = charts.nth(i).bounding_box()
        assert box["width"] > 200 and box["height"] > 60
    assert page.locator("figure.chart-requests rect").count() > 20
    assert page.locator("script:not([src])").count() == 0
    assert not [text for text in console if "Content Security Policy" in text]
    # Our part of the page (not Django's admin around it) meets WCAG 2.0/2.1 A and AA.
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    violations = Axe().run(page, context="#content-main", options=options).response["violations"]
    assert violations == [], describe(violations)
    if os.environ.get("DASHBOARD_SCREENSHOT"):
        page.set_viewport_size({"width": 1280, "height": 1400})
        page.screenshot(path=os.environ["DASHBOARD_SCREENSHOT"], full_page=True)

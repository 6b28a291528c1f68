"""What the browser tests do again and again: scan with axe, sign staff in, make a request."""

import datetime as dt
import re
import uuid

from axe_playwright_python.sync_playwright import Axe

from appointments.forms import SMS_CONSENT_TEXT
from appointments.services import appointment_request_create
from clinic.models import InsurancePlan
from clinic.tests.test_twofactor import code_for
from procedures.models import Procedure
from tests.content import bookable_lmp

# The rules the site promises to meet: WCAG 2.0 and 2.1, levels A and AA.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
FRONT_DESK_PASSWORD = "a-long-test-password"


def axe_violations(page) -> list[dict]:
    """axe-core's WCAG 2.0/2.1 A and AA violations on the page as it is now."""
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    return Axe().run(page, options=options).response["violations"]


def describe(violations: list[dict]) -> str:
    """One line per failing element: the rule, its impact and where."""
    lines = []
    for violation in violations:
        for node in violation["nodes"]:
            target = " ".join(str(t) for t in node["target"])
            lines.append(f"{violation['id']} ({violation['impact']}): {target}")
    return "\n".join(lines)


# The admin pages' violation counts (elements), filled by test_accessibility and printed
# at the end of the run: Django's admin is reported rather than held to zero by promise.
admin_axe_counts: dict[str, int] = {}
# Clicks and page loads from signing in to a done task (test_front_desk_clicks).
front_desk_steps: dict[str, dict[str, int]] = {}


def admin_sign_in(page, user, device) -> None:
    """Sign in through the admin's own form, as staff do.

    The form lists the user's devices once her password is right: the first try
    brings up the list, the second picks the app and gives its current code.
    """
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

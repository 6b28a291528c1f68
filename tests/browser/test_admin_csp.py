"""Every admin page the front desk uses, history pages included, loads in Chromium
without a single Content Security Policy violation."""

from django.contrib.auth.models import Group
from django.urls import reverse

from clinic.models import Practice
from tests.browser.helpers import FRONT_DESK_PASSWORD, admin_sign_in, patient_request
from texting.inbound import inbound_receive
from texting.models import InboundMessage

# Recorded by the page itself, before any of its scripts run.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__cspViolations.push(e.violatedDirective + " " + (e.blockedURI || "inline"));
});
"""


def violations_on(page, path: str) -> list[str]:
    page.goto(path)
    page.wait_for_load_state("load")
    return page.evaluate("window.__cspViolations")


def test_no_admin_page_breaks_the_content_security_policy(page, front_desk):
    appointment = patient_request()
    inbound_receive(
        message_sid="SM" + "c" * 32, from_phone=appointment.phone, body="Fever since last night"
    )
    inbound = InboundMessage.objects.get()
    practice = Practice.objects.current()
    messages = []
    page.on("console", lambda m: messages.append(m.text))
    page.add_init_script(RECORD_VIOLATIONS)
    admin_sign_in(page, *front_desk)

    pages = [
        reverse("admin:index"),
        reverse("admin:appointments_appointmentrequest_changelist"),
        reverse("admin:appointments_appointmentrequest_change", args=[appointment.pk]),
        reverse("admin:appointments_appointmentrequest_history", args=[appointment.pk]),
        reverse("admin:appointments_appointmentrequest_change", args=[appointment.pk]) + "?edit=1",
        reverse("admin:texting_conversation", args=[inbound.pk]),
        reverse("admin:texting_quickreply_changelist"),
        reverse("admin:appointments_appointmentrequest_schedule", args=[appointment.pk]),
        reverse("admin:appointments_appointmentrequest_today"),
        reverse("admin:texting_inboundmessage_changelist"),
        reverse("admin:texting_inboundmessage_change", args=[inbound.pk]),
        reverse("admin:texting_inboundmessage_history", args=[inbound.pk]),
        reverse("admin:texting_outboundmessage_changelist"),
        reverse("admin:clinic_practice_change", args=[practice.pk]),
        reverse("admin:clinic_practice_history", args=[practice.pk]),
        reverse("admin:auth_group_change", args=[Group.objects.get(name="Front desk").pk]),
    ]
    found = {path: violations_on(page, path) for path in pages}

    assert {path: v for path, v in found.items() if v} == {}
    assert [m for m in messages if "Content Security Policy" in m] == []


def test_a_refused_page_is_an_admin_page_with_a_way_back_and_no_violations(
    page, front_desk, django_user_model
):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from tests.browser.helpers import axe_violations, describe

    user = django_user_model.objects.create_user(
        username="reception", password=FRONT_DESK_PASSWORD, is_staff=True
    )
    user.groups.add(Group.objects.get(name="Front desk"))
    device = TOTPDevice.objects.create(user=user, name="Reception phone", confirmed=True)
    page.add_init_script(RECORD_VIOLATIONS)
    admin_sign_in(page, user, device)

    response = page.goto(reverse("admin:clinic_page_changelist"))

    assert response.status == 403
    assert page.get_by_role("heading", name="You cannot do this").is_visible()
    assert page.evaluate("window.__cspViolations") == []
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    page.get_by_role("link", name="Go back").click()
    page.wait_for_url("**/admin/")

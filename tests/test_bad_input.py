"""Whatever a visitor types into any field of a public form (unicode, NUL bytes, 10,000
characters, markup and script): never a 500; a refused value comes back next to its field,
escaped; an accepted value is stored as typed and shown escaped to the patient and in
the admin. appointments/tests/test_fuzz.py covers the request form's refusals in depth;
this suite follows accepted values all the way to the pages that show them."""

import uuid

import pytest
from django.template.defaultfilters import linebreaksbr
from django.test import Client
from django.urls import reverse
from django.utils.html import escape
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from appointments import tokens
from appointments.models import AppointmentRequest
from clinic.models import ContactMessage, InsurancePlan
from procedures.models import Procedure
from tests.content import bookable_lmp, load_site_content

BORN = "1990-03-14"
SCRIPT = "<script>alert(1)</script>"
PAYLOADS = [
    SCRIPT,
    '"><img src=x onerror=alert(1)>',
    "</textarea><script>alert(1)</script>",
    "' onmouseover='alert(1)",
    "{{ 7|add:7 }} {% debug %}",
    "&lt;b&gt; &amp;",
    "Robert'); DROP TABLE appointments_appointmentrequest;--",
    "\x00",
    "Maria\x00Lopez",
    "Zoë Ñúñez-Ångström 李小龙 👩🏽‍⚕️",
    "\u202eevil\u202c \u200b \ufeff",
    "line one\r\nline two\rthree\n",
    "x" * 10_000,
    "<b>" * 2_500,
    "é" * 10_000,
]
# Any text a browser can send (lone surrogates cannot be encoded as UTF-8).
typed = st.text(st.characters(blacklist_categories=("Cs",)), max_size=250)
anything = st.one_of(typed, st.sampled_from(PAYLOADS))
fuzz = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def kept(value: str, html: str) -> bool:
    """The value is in the page, escaped (as a form field or as admin read-only text).

    NUL bytes are stripped on arrival (clinic.middleware), so the page keeps the rest.
    """
    value = value.replace("\x00", "")
    return escape(value) in html or linebreaksbr(value) in html


def assert_no_markup_leaked(value: str, html: str) -> None:
    if "<" in value and len(value) > 1:
        assert value not in html


@pytest.fixture
def site(db, settings):
    """The real content, with no rate limits: each example is a new visitor."""
    settings.RATELIMIT_ENABLED = False
    return load_site_content()


# --- The contact form ---------------------------------------------------------------

CONTACT = {"name": "Maria Lopez", "email": "maria@example.com", "phone": "", "message": "Hi"}


@pytest.mark.slow
@fuzz
@given(field=st.sampled_from(list(CONTACT)), value=anything)
def test_any_text_in_any_contact_field_is_kept_escaped_and_stored_as_typed(
    site, admin_client, field, value
):
    response = Client().post("/contact/", {**CONTACT, field: value, "website": ""})

    assert response.status_code in (200, 302)  # a 500 raises in the test client
    html = response.content.decode()
    if response.status_code == 200:
        assert 'class="invalid-feedback"' in html
        assert kept(value, html)
        assert_no_markup_leaked(value, html)
        return
    saved = ContactMessage.objects.latest("pk")
    assert getattr(saved, field) == value.replace("\x00", "").strip()  # NUL: stripped
    if getattr(saved, field):
        change = reverse("admin:clinic_contactmessage_change", args=[saved.pk])
        page = admin_client.get(change).content.decode()
        assert kept(getattr(saved, field), page)
        assert_no_markup_leaked(value, page)


# --- The appointment request form ---------------------------------------------------

STORED_AS_TYPED = ["first_name", "last_name", "insurance_other", "referring_physician", "notes"]


def request_post(**changes) -> dict:
    lmp, open_days = bookable_lmp()
    data = {
        "submission_key": str(uuid.uuid4()),
        "procedure": str(Procedure.objects.get(slug="hsg").pk),
        "last_period_start": lmp.isoformat(),
        "preferred_date_1": open_days[0].isoformat(),
        "preferred_time": "any",
        "first_name": "Maria",
        "last_name": "Lopez",
        "date_of_birth": BORN,
        "phone": "(212) 555-0123",
        "email": "maria@example.com",
        "insurance": str(InsurancePlan.objects.get(name="Aetna").pk),
        "may_be_pregnant": "no",
        "website": "",
        **changes,
    }
    if "insurance_other" in changes:
        data["insurance"] = "other"
    return data


def verified_manage_page(patient: Client, appointment: AppointmentRequest) -> str:
    """The patient's own page, past the date-of-birth check."""
    url = reverse("appointments:manage", args=[tokens.manage_token(appointment.pk)])
    assert patient.post(url, {"date_of_birth": BORN}).status_code == 302
    response = patient.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.slow
@fuzz
@given(field=st.sampled_from(STORED_AS_TYPED), value=anything)
def test_free_text_in_a_request_is_stored_as_typed_and_shown_escaped_to_patient_and_staff(
    site, admin_client, field, value
):
    patient = Client()
    data = request_post(**{field: value})
    response = patient.post("/appointments/request/", data)

    assert response.status_code in (200, 302)
    if response.status_code == 200:
        html = response.content.decode()
        assert f'id="error_1_id_{field}"' in html
        assert kept(value, html)
        assert_no_markup_leaked(value, html)
        return
    saved = AppointmentRequest.objects.get(submission_key=data["submission_key"])
    assert getattr(saved, field) == value.replace("\x00", "").strip()  # NUL: stripped
    confirmation = patient.get(response["Location"])
    assert confirmation.status_code == 200
    assert saved.reference in confirmation.content.decode()
    assert_no_markup_leaked(value, confirmation.content.decode())
    assert_no_markup_leaked(value, verified_manage_page(patient, saved))
    change = reverse("admin:appointments_appointmentrequest_change", args=[saved.pk])
    page = admin_client.get(change).content.decode()
    if saved_value := getattr(saved, field):
        assert kept(saved_value, page)
    assert_no_markup_leaked(value, page)


@pytest.mark.slow
@fuzz
@given(value=anything)
def test_the_request_form_survives_any_text_in_its_choice_and_date_fields(site, value):
    field_values = {
        name: value
        for name in (
            "procedure",
            "preferred_time",
            "insurance",
            "cycle_irregular",
            "submission_key",
            "sms_consent",
            "contrast_allergy",
            "may_be_pregnant",
        )
    }
    response = Client().post("/appointments/request/", request_post(**field_values))

    assert response.status_code in (200, 302)
    assert_no_markup_leaked(value, response.content.decode())


# --- The manage page: date of birth, other days, cancel reason ----------------------


@pytest.fixture
def new_request(site):
    """A fresh request per example: wrong dates of birth lock a request after five."""

    def make() -> AppointmentRequest:
        data = request_post()
        assert Client().post("/appointments/request/", data).status_code == 302
        return AppointmentRequest.objects.get(submission_key=data["submission_key"])

    return make


@pytest.mark.slow
@fuzz
@given(value=anything)
def test_any_text_as_the_date_of_birth_is_refused_next_to_the_field(new_request, value):
    appointment = new_request()
    url = reverse("appointments:manage", args=[tokens.manage_token(appointment.pk)])

    response = Client().post(url, {"date_of_birth": value})

    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="error_1_id_date_of_birth"' in html
    assert kept(value, html)
    assert_no_markup_leaked(value, html)
    assert appointment.reference not in html  # nothing shown before the check passes


@pytest.mark.slow
@fuzz
@given(days=st.lists(anything, min_size=3, max_size=3))
def test_any_text_as_other_days_is_refused_next_to_the_fields(new_request, days):
    patient = Client()
    appointment = new_request()
    verified_manage_page(patient, appointment)
    url = reverse("appointments:manage", args=[tokens.manage_token(appointment.pk)])
    data = {"action": "other_dates", **{f"dates-date_{i}": d for i, d in enumerate(days, 1)}}

    response = patient.post(url, data)

    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="error_1_id_dates-date_1"' in html or 'class="invalid-feedback"' in html
    for day in days:
        assert kept(day, html)
    appointment.refresh_from_db()
    assert appointment.other_dates_requested_at is None


@pytest.mark.slow
@fuzz
@given(reason=anything)
def test_a_cancel_reason_is_stored_as_typed_and_shown_escaped_to_staff(
    new_request, admin_client, reason
):
    patient = Client()
    appointment = new_request()
    verified_manage_page(patient, appointment)
    url = reverse("appointments:manage", args=[tokens.manage_token(appointment.pk)])

    data = {"action": "cancel", "cancel-reason": reason, "confirm": "yes"}
    response = patient.post(url, data)

    assert response.status_code in (200, 302)
    appointment.refresh_from_db()
    if response.status_code == 200:
        assert kept(reason, response.content.decode())
        assert appointment.status == AppointmentRequest.Status.REQUESTED
        return
    label = "Cancelled by the patient"
    reason = reason.replace("\x00", "")  # stripped on arrival
    assert appointment.cancel_reason == (f"{label}: {reason.strip()}" if reason.strip() else label)
    change = reverse("admin:appointments_appointmentrequest_change", args=[appointment.pk])
    page = admin_client.get(change).content.decode()
    assert kept(appointment.cancel_reason, page)
    assert_no_markup_leaked(reason, page)


# --- Bodies and addresses -------------------------------------------------------------


def test_an_oversized_body_to_the_manage_page_answers_400(new_request, settings):
    # The contact, request and admin login forms: clinic/tests/test_security.py.
    appointment = new_request()
    url = reverse("appointments:manage", args=[tokens.manage_token(appointment.pk)])
    patient = Client(enforce_csrf_checks=True)  # as a browser: the middleware reads the body
    patient.get(url)

    response = patient.post(
        url, {"date_of_birth": "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)}
    )

    assert response.status_code == 400


def test_an_oversized_multipart_body_answers_400(site, settings):
    patient = Client(enforce_csrf_checks=True)
    patient.get("/contact/")
    big = "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)

    response = patient.post("/contact/", {**CONTACT, "message": big}, format="multipart")

    assert response.status_code == 400
    assert ContactMessage.objects.count() == 0


@pytest.mark.slow
@fuzz
@given(lmp=anything, cycle_length=anything)
def test_the_window_endpoint_answers_any_query_with_json(site, lmp, cycle_length):
    response = Client().post(
        "/appointments/request/window/", {"lmp": lmp, "cycle_length": cycle_length}
    )

    assert response.status_code in (200, 400)
    assert response["Content-Type"] == "application/json"
    assert "message" in response.json() or "error" in response.json()


@pytest.mark.parametrize(
    "tail", ["widgets.css/change/", "x/change/", "%C2%B2/change/", "1%00/change/", "-1/change/"]
)
def test_a_malformed_request_id_in_an_admin_address_is_not_a_server_error(site, admin_client, tail):
    appointment = AppointmentRequest.objects.create(
        procedure=Procedure.objects.get(slug="hsg"),
        first_name="Maria",
        last_name="Lopez",
        date_of_birth=BORN,
        phone="+12125550123",
        email="maria@example.com",
    )
    # axe-core's stylesheet reader once asked for ".../1/change/widgets.css/change/".
    url = f"/admin/appointments/appointmentrequest/{appointment.pk}/change/{tail}"

    response = admin_client.get(url)

    assert response.status_code in (302, 404)

"""The practice profile's after-hours and texting numbers, claims the practice never
made, and the data migrations that fix the wording of an existing database."""

import datetime as dt
import importlib

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.urls import reverse

from appointments import emails, tokens
from appointments.availability import clinic_calendar
from appointments.tests.factories import AppointmentRequestFactory
from appointments.wording import plan_message
from clinic.models import Page, Practice
from clinic.opening import is_open_at
from clinic.public_pages import PUBLIC_PAGES
from clinic.tests.html import read
from faq.models import Question
from procedures.models import Procedure

AFTER_HOURS = "(212) 555-0100"
TEXTING = "(212) 555-0199"
CLOSED_HELP = "When our office is closed, call 911 or go to the nearest emergency room."
CLOSED_HELP_WITH_NUMBER = f"When our office is closed, call our after-hours number, {AFTER_HOURS}."


def set_practice(**fields) -> Practice:
    practice = Practice.objects.current()
    for name, value in fields.items():
        setattr(practice, name, value)
    practice.full_clean()
    practice.save()
    return practice


def booking_email() -> str:
    request = AppointmentRequestFactory(procedure=Procedure.objects.get(slug="hsg"))
    request.status = request.Status.SCHEDULED
    request.scheduled_at = dt.datetime(2027, 3, 8, 14, 0, tzinfo=dt.UTC)
    request.save()
    return emails.scheduled_email(request).body


# --- Help when the office is closed ---------------------------------------------------

WARNING_PAGES = ["/procedures/hsg/", "/procedures/fallopian-tube-recanalization/", "/faq/"]


@pytest.mark.parametrize("path", [*WARNING_PAGES, "/contact/"])
def test_every_warning_block_says_what_to_do_when_the_office_is_closed(db, client, path):
    html = client.get(path).content.decode()
    assert CLOSED_HELP in html
    assert "call us at once" in html


@pytest.mark.parametrize("path", [*WARNING_PAGES, "/contact/", "/contact/thanks/"])
def test_an_after_hours_number_set_in_the_profile_is_given_everywhere(db, client, path):
    set_practice(after_hours_phone=AFTER_HOURS)
    html = client.get(path).content.decode()
    assert CLOSED_HELP_WITH_NUMBER in html
    assert "911" in html


def test_the_booking_email_gives_the_warning_signs_and_the_after_hours_number(db):
    assert CLOSED_HELP in booking_email()
    set_practice(after_hours_phone=AFTER_HOURS)
    body = booking_email()
    assert "Fever or chills" in body and "Heavy bleeding" in body
    assert CLOSED_HELP_WITH_NUMBER in body


def test_the_request_form_says_what_to_do_about_anything_urgent(db, client):
    html = client.get("/appointments/request/").content.decode()
    assert "Anything urgent? Please do not use this form." in html
    assert CLOSED_HELP in html


def test_an_impossible_after_hours_or_texting_number_is_refused(db):
    for field in ("after_hours_phone", "texting_phone"):
        with pytest.raises(ValidationError) as error:
            set_practice(**{field: "12345"})
        assert field in error.value.message_dict


def test_the_office_is_open_in_its_hours_on_an_open_day_only():
    hours = {0: (dt.time(9), dt.time(17))}  # Mondays only
    monday = dt.datetime(2026, 6, 8, 9, 0)
    assert is_open_at(monday, hours=hours)
    assert not is_open_at(monday.replace(hour=17), hours=hours)
    assert not is_open_at(monday.replace(hour=8, minute=59), hours=hours)
    assert not is_open_at(monday + dt.timedelta(days=1), hours=hours)
    assert not is_open_at(monday, hours=hours, closures=[(monday.date(), monday.date())])
    assert not is_open_at(dt.datetime(2026, 9, 7, 10, 0), hours=hours)  # Labor Day


# --- One texting channel ----------------------------------------------------------------


def test_without_a_texting_number_the_site_keeps_the_texting_note(db, client):
    assert "Klara" in client.get("/").content.decode()


def test_with_a_texting_number_every_page_says_text_it_and_none_says_klara(db, client):
    set_practice(texting_phone=TEXTING)
    for path in PUBLIC_PAGES:
        html = client.get(path).content.decode()
        assert "Klara" not in html, path
        assert f"text us at {TEXTING}" in html, path


def test_the_window_advice_and_the_receipt_use_the_texting_number(db, client):
    practice = set_practice(texting_phone=TEXTING)
    calendar = clinic_calendar(practice=practice)
    passed = calendar.plan(calendar.today - dt.timedelta(days=40))
    assert f"or text us at {TEXTING} on day 1" in plan_message(passed, practice)
    request = AppointmentRequestFactory()
    receipt = emails.patient_receipt(request)
    assert f"text us at {TEXTING}" in receipt.body and "Klara" not in receipt.body


# --- Claims the practice never made -------------------------------------------------------


@pytest.mark.parametrize("path", ["/insurance/", "/procedures/hsg/"])
def test_the_cpt_prices_are_labelled_prices_not_self_pay(db, client, path):
    html = client.get(path).content.decode()
    assert '<h2 id="prices-heading">Prices</h2>' in html
    assert "self-pay" not in html.lower()


def test_the_confirmation_does_not_promise_an_insurance_check(db, client):
    request = AppointmentRequestFactory()
    url = reverse("appointments:confirmation", args=[tokens.confirmation_token(request.pk)])
    html = client.get(url).content.decode()
    assert "What happens next" in html
    assert "check your insurance" not in html.lower()


def test_the_lipiodol_page_says_lipiodol_contains_iodine(db, client):
    html = client.get("/procedures/lipiodol-flush-hsg/").content.decode()
    assert "Lipiodol contains iodine" in html
    assert "reacted to contrast" in html


def test_the_self_pay_question_is_hidden_until_the_practice_confirms_it(db, client):
    assert not Question.objects.get(slug="can-i-pay-for-the-hsg-myself").published
    assert "Can I pay for the HSG myself?" not in client.get("/faq/").content.decode()


# --- Migrations fix an existing database too --------------------------------------------


def migration(name: str):
    return importlib.import_module(name)


def test_an_existing_database_with_the_first_wording_is_fixed_on_migrate(db):
    old_procedures = migration("procedures.migrations.0002_content")
    old_pages = migration("clinic.migrations.0002_content")
    old_faq = migration("faq.migrations.0002_content")
    # Put back the first wording, as a database migrated before this change holds it.
    for fields in old_procedures.PROCEDURES:
        Procedure.objects.filter(slug=fields["slug"]).update(
            body=fields["body"],
            preparation_before=fields["preparation_before"],
            preparation_after=fields["preparation_after"],
            meta_description=fields["meta_description"],
        )
    Page.objects.filter(slug="appointments").update(body=old_pages.APPOINTMENTS_BODY)
    Page.objects.filter(slug="contact").update(body=old_pages.CONTACT_BODY)
    old_answer = next(
        q["answer"]
        for _, questions in old_faq.QUESTIONS
        for q in questions
        if q["slug"] == "why-days-5-to-12"
    )
    Question.objects.filter(slug="why-days-5-to-12").update(answer=old_answer)

    for name in [
        "procedures.migrations.0003_safer_wording",
        "clinic.migrations.0004_safer_wording",
        "faq.migrations.0004_safer_wording",
    ]:
        migration(name).load(apps, None)

    texts = [p.body + p.preparation_before + p.preparation_after for p in Procedure.objects.all()]
    texts += [p.body for p in Page.objects.all()]
    texts += [q.answer for q in Question.objects.all()]
    assert not any("cannot be exposed" in text for text in texts)
    assert not any("Klara" in text for text in texts)
    ftr = Procedure.objects.get(slug="fallopian-tube-recanalization")
    assert ftr.preparation_after == migration("procedures.migrations.0003_safer_wording").FTR_AFTER
    assert "lowers the chance" in Question.objects.get(slug="why-days-5-to-12").answer
    assert "If you feel unwell" not in Page.objects.get(slug="contact").body


def test_a_staff_edit_elsewhere_in_a_page_survives_the_rewrite(db):
    page = Page.objects.get(slug="home")
    page.body += "\n\nWe now park bikes in the lobby.\n"
    page.save()
    migration("clinic.migrations.0004_safer_wording").load(apps, None)
    assert "We now park bikes in the lobby." in Page.objects.get(slug="home").body


def test_the_faq_json_ld_carries_the_warning_signs_with_their_question(db, client):
    page = read(client.get("/faq/"))
    answers = {
        item["name"]: item["acceptedAnswer"]["text"]
        for item in page.jsonld_of_type("FAQPage")["mainEntity"]
    }
    answer = answers["When should I call you after my exam?"]
    assert "Heavy bleeding" in answer and "911" in answer and "emergency room" in answer

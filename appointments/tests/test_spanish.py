"""A patient who asks in Spanish: the form, its errors, the confirmation, the manage
page, her emails and her calendar file are in Spanish, and her language is kept."""

import icalendar
import pytest
from django.core import mail

from appointments import tokens
from appointments.models import AppointmentRequest
from appointments.tests.factories import AppointmentRequestFactory
from appointments.tests.helpers import valid_post
from appointments.tests.test_admin import schedule
from clinic.caching import content_version_bump
from texting.dispatch import outbox_dispatch_due

URL = "/es/appointments/request/"


@pytest.fixture
def form_data(clinic, hsg, aetna):
    return valid_post(hsg, aetna, sms_consent="on")


def test_a_request_sent_from_the_spanish_form_remembers_spanish(
    client, form_data, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, form_data, follow=True)

    request = AppointmentRequest.objects.get()
    assert request.language == "es"
    assert response.redirect_chain[0][0].startswith("/es/appointments/request/done/")
    html = response.content.decode()
    assert '<html lang="es">' in html
    assert "Gracias. Recibimos su solicitud." in html
    assert "viernes 5 de marzo al viernes 12 de marzo" in html
    # Her consent is stored in the words she read.
    assert request.sms_consent_text.startswith("Sí, envíenme textos")


def test_the_spanish_receipt_email_is_in_spanish_with_a_spanish_link(
    client, form_data, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, form_data)
    outbox_dispatch_due()  # the worker builds and sends the emails

    receipt = next(m for m in mail.outbox if m.to == ["maria@example.com"])
    request = AppointmentRequest.objects.get()
    assert receipt.subject == f"Interventional Radiology, P.C.: {request.reference}"
    assert "Hola, Maria:" in receipt.body
    assert "Recibimos su solicitud de cita." in receipt.body
    assert "/es/appointments/manage/" in receipt.body
    assert "La HSG se hace entre los días 5 y 12 de su ciclo." in receipt.body
    # The front desk's notice stays in English, with no patient data.
    staff = next(m for m in mail.outbox if m.to != ["maria@example.com"])
    assert "Interventional Radiology" in staff.subject
    assert "New appointment request" in staff.body  # staff notices stay in English
    assert "Maria" not in staff.body


def test_the_english_form_still_saves_english(client, form_data):
    client.post("/appointments/request/", form_data)
    assert AppointmentRequest.objects.get().language == "en"


def test_a_mistake_on_the_spanish_form_is_explained_in_spanish_and_the_input_kept(
    client, form_data
):
    response = client.post(URL, {**form_data, "phone": "12", "first_name": "Lucía"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Escriba un número de teléfono con código de área" in html
    assert "Hay un problema con sus respuestas" in html
    assert "Por favor revíselo. Todo lo que escribió sigue aquí." in html
    assert 'value="Lucía"' in html
    assert not AppointmentRequest.objects.exists()


def test_the_window_lookup_answers_in_the_language_of_the_page(client, clinic):
    spanish = client.post("/es/appointments/request/window/", {"lmp": "2027-03-01"}).json()
    english = client.post("/appointments/request/window/", {"lmp": "2027-03-01"}).json()

    assert spanish["message"].startswith("Sus mejores días para el examen son del viernes 5")
    assert spanish["offered_days"][0]["label"] == "viernes 5 de marzo"
    assert english["message"].startswith("Your best days for the exam are Friday, March 5")


def test_the_scheduled_email_and_calendar_file_are_in_spanish(
    admin_client, clinic, django_capture_on_commit_callbacks
):
    appointment = AppointmentRequestFactory(language="es")
    with django_capture_on_commit_callbacks(execute=True):
        schedule(admin_client, appointment)
    outbox_dispatch_due()

    email = mail.outbox[-1]
    assert email.subject == f"Interventional Radiology, P.C.: {appointment.reference}"
    assert "Cuándo: lunes 8 de marzo de 2027 a las 10:30 a.m. (hora de Nueva York)" in (email.body)
    assert "/es/appointments/manage/" in email.body
    event = icalendar.Calendar.from_ical(email.attachments[0][1]).walk("VEVENT")[0]
    assert str(event["summary"]) == "Cita en Interventional Radiology, P.C."
    assert str(event["description"]) == (
        f"Referencia {appointment.reference}. Preguntas: (212) 246-2063."
    )
    assert "Señales de alarma después de su examen:" in email.body
    assert "Fiebre o escalofríos" in email.body


def test_the_manage_page_speaks_spanish(client, clinic):
    appointment = AppointmentRequestFactory(language="es")
    path = f"/es/appointments/manage/{tokens.manage_token(appointment.pk)}/"

    verify = client.get(path).content.decode()
    assert "Para proteger su solicitud, escriba su fecha de nacimiento." in verify

    wrong = client.post(path, {"date_of_birth": "1980-01-01"}).content.decode()
    assert "Esa fecha no coincide con nuestros registros." in wrong

    client.post(path, {"date_of_birth": appointment.date_of_birth.isoformat()})
    page = client.get(path).content.decode()
    assert "Esperando nuestra llamada" in page
    assert "Cancelar mi solicitud" in page


def test_the_spanish_form_page_makes_the_queries_of_the_english_one(
    client, clinic, django_assert_num_queries
):
    # 9 queries cold, 3 warm: the same budgets as the English page
    # (test_request_form.py); the Spanish rides in the same rows, cached per language.
    with django_assert_num_queries(9):
        client.get(URL)
    with django_assert_num_queries(3):
        response = client.get(URL)

    assert '<html lang="es">' in response.content.decode()


def test_the_spanish_confirmation_makes_the_queries_of_the_english_one(
    client, form_data, django_assert_num_queries
):
    location = client.post(URL, form_data)["Location"]
    # Writing the "received" text warmed the cached site facts: start cold again.
    content_version_bump()

    # 6 queries, as in English: the request with its procedure, the calendar
    # (practice, hours, closures), and the header and footer facts (practice, hours).
    with django_assert_num_queries(6):
        response = client.get(location)

    assert "Gracias. Recibimos su solicitud." in response.content.decode()


def test_the_free_times_read_in_the_language_of_the_page_each_from_its_own_cache(
    client, booking_setup, hsg, settings
):
    settings.RATELIMIT_ENABLED = False
    question = {"procedure": hsg.pk, "last_period_start": "2027-03-01"}

    spanish = client.post("/es/appointments/request/times/", question).content.decode()
    english = client.post("/appointments/request/times/", question).content.decode()
    spanish_again = client.post("/es/appointments/request/times/", question).content.decode()

    assert "<legend>Elija una hora para su examen</legend>" in spanish
    assert "<legend>lunes 8 de marzo</legend>" in spanish
    assert 'aria-label="lunes en la mañana"' in spanish
    assert "<legend>Monday, March 8</legend>" in english and "lunes" not in english
    assert spanish_again == spanish


def test_the_free_times_write_the_clock_as_the_page_does_in_each_language(
    client, booking_setup, hsg, settings
):
    settings.RATELIMIT_ENABLED = False
    question = {"procedure": hsg.pk, "last_period_start": "2027-03-01"}

    spanish = client.post("/es/appointments/request/times/", question).content.decode()
    english = client.post("/appointments/request/times/", question).content.decode()

    # As the Spanish pages write a time ("g:i A" in the .po): 9:00 a.m., 2:30 p.m.
    assert "<span>9:00 a.m.</span>" in spanish and "<span>2:30 p.m.</span>" in spanish
    assert " AM<" not in spanish and " PM<" not in spanish
    assert "<span>9:00 AM</span>" in english and "<span>2:30 PM</span>" in english

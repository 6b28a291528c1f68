"""Texts in Spanish: templates within two segments, the patient's language, Spanish
keywords and urgent words, and replies in the language the patient writes in."""

import pytest
from django.core.exceptions import ValidationError

from appointments.outbox import outbox_on_request_created, outbox_on_scheduled, request_text
from texting import bodies, default_texts, keywords
from texting.dispatch import outbox_dispatch_due
from texting.keywords import Intent
from texting.models import InboundMessage, MessageTemplate, OptOut, OutboundMessage
from texting.tests.conftest import ny
from texting.tests.factories import make_request, make_scheduled
from texting.tests.test_webhooks import INBOUND, PHONE, sms

ALL_KINDS = sorted(default_texts.DEFAULT_TEMPLATES)


def test_every_kind_has_a_spanish_default():
    assert sorted(default_texts.DEFAULT_TEMPLATES_ES) == ALL_KINDS


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_every_spanish_template_stays_gsm7_and_within_two_segments_with_long_values(kind):
    text = bodies.render(default_texts.DEFAULT_TEMPLATES_ES[kind], bodies.LONGEST_VALUES_ES)

    # á, í, ó and ú are outside GSM-7: one of them would make the text UCS-2 (70
    # characters a segment) and this one 5 segments long. é, ñ, ¿ and ¡ are inside.
    assert bodies.is_gsm7(text), bodies.non_gsm7_characters(text)
    assert bodies.segment_count(text) <= 2
    template = default_texts.DEFAULT_TEMPLATES_ES[kind]
    needs_opt_out = kind in bodies.OPT_OUT_KINDS
    assert bodies.template_errors(template, needs_opt_out=needs_opt_out, language="es") == []


def test_the_migration_loads_every_spanish_template(db):
    loaded = dict(MessageTemplate.objects.values_list("kind", "body_es"))
    assert loaded == default_texts.DEFAULT_TEMPLATES_ES


def test_a_spanish_accent_outside_gsm7_is_refused_in_a_template(db):
    template = MessageTemplate.objects.get(kind="received")
    template.body_es = template.body_es.replace("la hora", "el día")

    with pytest.raises(ValidationError) as raised:
        template.full_clean()

    assert "body_es" in raised.value.message_dict
    assert "'í'" in raised.value.message_dict["body_es"][0]


def test_a_spanish_template_must_end_with_the_spanish_opt_out_line(db):
    template = MessageTemplate.objects.get(kind="received")
    template.body_es = template.body_es.replace(bodies.OPT_OUT_LINE_ES, "")

    with pytest.raises(ValidationError) as raised:
        template.full_clean()

    assert bodies.OPT_OUT_LINE_ES in " ".join(raised.value.message_dict["body_es"])


def test_a_spanish_template_may_not_name_the_exam(db):
    errors = bodies.template_errors(
        "{practice}: su histerosalpingografia es manana. " + bodies.OPT_OUT_LINE_ES,
        needs_opt_out=True,
        language="es",
    )
    assert any("histerosalpingografia" in error for error in errors)


def test_a_request_sent_in_spanish_gets_its_texts_in_spanish(db):
    request = make_request(language="es", first_name="María")
    outbox_on_request_created(request=request)

    body = OutboundMessage.objects.get(subject_id=request.pk, kind="received").body

    assert body.startswith("Interventional Radiology, P.C.: Hola Maria, recibimos su solicitud")
    assert body.endswith(bodies.OPT_OUT_LINE_ES)
    assert bodies.segment_count(body) <= 2


def test_the_scheduled_text_gives_the_day_and_time_in_spanish(db):
    request = make_scheduled(ny(2027, 3, 10, 9, 30), language="es")
    outbox_on_scheduled(request=request)

    body = OutboundMessage.objects.get(subject_id=request.pk, kind="scheduled").body

    assert "su cita es el miércoles 10 de marzo a las 9:30 a. m." in body
    assert bodies.is_gsm7(body)


def test_an_english_request_still_gets_english_texts(db):
    request = make_request(language="en")
    assert request_text("received", request).endswith(bodies.OPT_OUT_LINE)


def test_an_empty_spanish_template_falls_back_to_the_english_one(db):
    MessageTemplate.objects.filter(kind="received").update(body_es="")
    request = make_request(language="es")

    assert request_text("received", request).endswith(bodies.OPT_OUT_LINE)


def test_a_name_with_accents_does_not_turn_a_text_into_ucs2(db):
    request = make_request(language="en", first_name="Ángela Inés")
    body = request_text("received", request)

    assert "Hi Angela," in body  # Á is folded to A (é is GSM-7 and stays)
    assert bodies.is_gsm7(body)


def test_a_spanish_text_without_a_usable_name_greets_the_patient_in_spanish(db):
    request = make_request(language="es", first_name="!!!")
    assert "Hola paciente," in request_text("received", request)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("PARAR", Intent.OPT_OUT),
        ("parar.", Intent.OPT_OUT),
        ("Baja", Intent.OPT_OUT),
        ("INICIAR", Intent.OPT_IN),
        ("Comenzar", Intent.OPT_IN),
        ("AYUDA", Intent.HELP),
        ("¡Ayuda!", Intent.HELP),
        ("Confirmo", Intent.CONFIRM),
        ("Sí", Intent.CONFIRM),
        ("C", Intent.CONFIRM),
    ],
)
def test_spanish_keywords_are_recognised(text, intent):
    assert keywords.intent(text) == intent


def test_si_opts_back_in_only_a_number_that_opted_out():
    assert keywords.intent("SÍ", opted_out=True) == Intent.OPT_IN


@pytest.mark.parametrize(
    "text",
    [
        "Tengo fiebre",
        "tengo mucho sangrado",
        "Estoy sangrando",
        "dolor fuerte en el vientre",
        "Tengo un dolor muy intenso",
        "Me desmayé",
        "no puedo respirar",
        "tengo escalofríos",
    ],
)
def test_spanish_urgent_words_are_flagged(text):
    assert keywords.is_urgent(text)
    assert keywords.is_spanish(text)


@pytest.mark.parametrize("text", ["Gracias, todo bien", "¿A qué hora abren?", "Muy bien"])
def test_ordinary_spanish_replies_are_not_urgent(text):
    assert not keywords.is_urgent(text)


def test_cancelar_opts_out_and_asks_staff_to_look_as_cancel_does():
    assert keywords.intent("CANCELAR") == Intent.OPT_OUT
    assert keywords.needs_attention("Cancelar")
    assert keywords.needs_attention("por favor no me envíen más textos")


def test_parar_opts_the_phone_out(db, signed_post):
    make_request(phone=PHONE, language="es")
    signed_post(INBOUND, sms("PARAR"))

    assert OptOut.objects.get(phone=PHONE).source == OptOut.Source.KEYWORD
    assert InboundMessage.objects.get().kind == "opt_out"


def test_ayuda_is_answered_in_spanish_even_for_an_english_request(db, signed_post):
    make_request(phone=PHONE, language="en")
    response = signed_post(INBOUND, sms("AYUDA"))

    assert "para ayuda llame al (212) 246-2063" in response.content.decode()
    assert "Responda PARAR" in response.content.decode()


def test_help_from_a_patient_who_asked_in_spanish_is_answered_in_spanish(db, signed_post):
    make_request(phone=PHONE, language="es")
    response = signed_post(INBOUND, sms("HELP"))

    assert "En una emergencia, llame al 911" in response.content.decode()


def test_an_urgent_spanish_reply_is_flagged_and_answered_in_spanish(
    db, signed_post, django_capture_on_commit_callbacks
):
    from django.core import mail

    make_request(phone=PHONE, language="en")
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_post(INBOUND, sms("tengo fiebre y dolor fuerte"))
    outbox_dispatch_due()  # the staff alert goes through the outbox

    inbound = InboundMessage.objects.get()
    assert inbound.is_urgent
    # Noon on a weekday (texting/tests/conftest.py): the office is open.
    assert "Por favor llame ahora al (212) 246-2063" in response.content.decode()
    assert len(mail.outbox) == 1
    assert "fiebre" not in mail.outbox[0].body  # staff get a link, never the words


def test_an_urgent_spanish_reply_when_the_office_is_closed_says_so_in_spanish(
    db, signed_post, time_machine
):
    time_machine.move_to(ny(2026, 6, 10, 22, 0), tick=True)
    make_request(phone=PHONE, language="es")
    response = signed_post(INBOUND, sms("tengo mucho sangrado"))

    reply = response.content.decode()
    assert "en este momento la oficina no atiende" in reply
    assert "Fuera de horario, llame al 911 o vaya a la sala de emergencias mas cercana." in reply


def test_a_plain_spanish_message_is_acknowledged_with_the_office_hours_in_spanish(db, signed_post):
    make_request(phone=PHONE, language="es")
    response = signed_post(INBOUND, sms("Gracias"))

    assert "Contestamos textos en horario de oficina: Lunes al viernes" in (
        response.content.decode()
    )


def test_a_spanish_confirmation_is_answered_in_spanish(db, signed_post):
    make_scheduled(ny(2027, 3, 10, 9, 30), phone=PHONE, language="es")
    response = signed_post(INBOUND, sms("Confirmo"))

    assert "su cita del miércoles 10 de marzo a las 9:30 a. m. queda confirmada" in (
        response.content.decode()
    )

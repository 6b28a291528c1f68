"""A patient who reads Spanish, on a 375-pixel phone: from the English home page to the
Spanish HSG page by the language link, then her request; the confirmation, her email
and her text are in Spanish."""

from django.core import mail

from appointments.models import AppointmentRequest
from appointments.wording import day_label
from tests.browser.test_patient_journey import assert_fits_the_screen
from tests.content import bookable_lmp
from texting import bodies
from texting.dispatch import outbox_dispatch_due
from texting.models import OutboundMessage


def spanish_day(day) -> str:
    from django.utils import translation

    with translation.override("es"):
        return day_label(day)


def test_a_spanish_reader_requests_an_hsg_on_a_phone_and_hears_back_in_spanish(
    phone_page, site_content, settings
):
    settings.RATELIMIT_ENABLED = False
    page = phone_page
    lmp, open_days = bookable_lmp()

    # The English site, then the language link to the same page in Spanish.
    page.goto("/procedures/hsg/")
    page.get_by_role("link", name="Español").click()
    page.wait_for_url("**/es/procedures/hsg/")
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.get_by_role("heading", level=1).inner_text() == "Histerosalpingografía (HSG)"
    page.get_by_role("heading", name="Antes de su examen").wait_for()
    assert_fits_the_screen(page)

    page.locator("main .actions").get_by_role("link", name="Pedir una cita").click()
    page.wait_for_url("**/es/appointments/request/")
    assert_fits_the_screen(page)

    page.get_by_label("Primer día de su último período").fill(lmp.isoformat())
    page.get_by_label("Primer día de su último período").dispatch_event("change")
    summary = page.locator("#window-summary")
    summary.get_by_text("Sus mejores días para el examen son").wait_for()
    assert summary.locator(".open-days li").all_inner_texts() == [spanish_day(d) for d in open_days]
    page.get_by_label("Primera opción").select_option(open_days[0].isoformat())
    page.get_by_role("radio", name="Histerosalpingografía (HSG)").check()
    page.locator("#div_id_may_be_pregnant").get_by_role("radio", name="No", exact=True).check()
    page.get_by_role("radio", name="Mañana (9 a. m. a 12 p. m.)").check()
    page.locator("#id_first_name").fill("María")
    page.get_by_label("Apellido").fill("López")
    page.get_by_label("Fecha de nacimiento").fill("1990-03-14")
    page.get_by_label("Teléfono celular").fill("(212) 555-0123")
    page.get_by_label("Correo electrónico").fill("maria@example.com")
    page.locator("#id_insurance").select_option(label="Aetna")
    page.get_by_label("Sí, envíenme textos sobre esta solicitud").check()
    page.get_by_role("button", name="Enviar mi solicitud").click()

    page.get_by_role("heading", level=1, name="Gracias. Recibimos su solicitud.").wait_for()
    assert page.locator("html").get_attribute("lang") == "es"
    assert_fits_the_screen(page)
    saved = AppointmentRequest.objects.get()
    assert page.locator(".reference").inner_text() == saved.reference
    assert (saved.language, saved.first_name, saved.preferred_date_1) == (
        "es",
        "María",
        open_days[0],
    )

    outbox_dispatch_due()  # the worker's run: it builds and sends the emails
    receipt = next(m for m in mail.outbox if m.to == ["maria@example.com"])
    assert receipt.subject == f"Interventional Radiology, P.C.: {saved.reference}"
    assert "Hola, María:" in receipt.body

    # The text, as the outbox will send it (the dispatcher sends the body stored here).
    text = OutboundMessage.objects.get(subject_id=saved.pk, kind="received")
    assert text.body.startswith("Interventional Radiology, P.C.: Hola Maria, recibimos")
    assert text.body.endswith(bodies.OPT_OUT_LINE_ES)
    assert bodies.is_gsm7(text.body) and bodies.segment_count(text.body) <= 2

"""A patient's whole way from the HSG page to her reference, in Chromium on the real site:
at a desk, on a 375-pixel phone, and with the keyboard alone."""

from appointments.models import AppointmentRequest
from appointments.wording import day_label
from tests.content import bookable_lmp

PHONE_WIDTH = 375


def assert_fits_the_screen(page, width=PHONE_WIDTH):
    """Nothing sticks out sideways: the patient never scrolls left and right."""
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width, f"{page.url} is {scroll_width}px wide"


def read_about_hsg_and_open_the_form(page):
    page.goto("/procedures/hsg/")
    assert page.get_by_role("heading", level=1).inner_text() == "Hysterosalpingogram (HSG)"
    page.locator("main .actions").get_by_role("link", name="Request an appointment").click()
    page.wait_for_url("**/appointments/request/")


def enter_the_period_and_see_the_window(page, lmp, open_days):
    page.get_by_label("First day of your last period").fill(lmp.isoformat())
    page.get_by_label("First day of your last period").dispatch_event("change")
    summary = page.locator("#window-summary")
    summary.get_by_text("Your best days for the exam are").wait_for()
    assert summary.get_by_text(f"We are open on {len(open_days)} days.").is_visible()
    assert summary.locator(".open-days li").all_inner_texts() == [day_label(d) for d in open_days]


def fill_in_the_rest_and_send(page):
    page.get_by_role("radio", name="Hysterosalpingogram (HSG)").check()
    page.get_by_role("radio", name="Morning (9 am to 12 pm)").check()
    page.get_by_label("First name").fill("Maria")
    page.get_by_label("Last name").fill("Lopez")
    page.get_by_label("Date of birth").fill("1990-03-14")
    page.get_by_label("Mobile phone").fill("(212) 555-0123")
    page.get_by_label("Email").fill("maria@example.com")
    page.get_by_label("Insurance").select_option(label="Aetna")
    page.locator("#id_may_be_pregnant_1").check()  # "No"
    page.get_by_label("Yes, text me about this request").check()
    page.get_by_role("button", name="Send my request").click()


def assert_the_confirmation_shows_the_saved_request(page, lmp, picked, time="morning"):
    page.get_by_role("heading", level=1, name="Thank you. We got your request.").wait_for()
    saved = AppointmentRequest.objects.get()
    assert page.locator(".reference").inner_text() == saved.reference
    assert saved.last_period_start == lmp
    assert [saved.preferred_date_1, saved.preferred_date_2] == picked
    assert (saved.first_name, saved.phone, saved.insurance_plan.name) == (
        "Maria",
        "+12125550123",
        "Aetna",
    )
    assert saved.preferred_time == time and saved.sms_consent
    return saved


def test_a_patient_reads_about_hsg_and_requests_an_appointment(page, site_content, settings):
    settings.RATELIMIT_ENABLED = False
    lmp, open_days = bookable_lmp()

    read_about_hsg_and_open_the_form(page)
    enter_the_period_and_see_the_window(page, lmp, open_days)
    # The open days are now the only choices for the preferred dates.
    first_choice = page.get_by_label("First choice")
    offered = first_choice.locator("option").evaluate_all("options => options.map(o => o.value)")
    assert offered == ["", *(d.isoformat() for d in open_days)]
    first_choice.select_option(open_days[0].isoformat())
    page.get_by_label("Second choice (optional)").select_option(open_days[-1].isoformat())
    fill_in_the_rest_and_send(page)

    assert_the_confirmation_shows_the_saved_request(page, lmp, [open_days[0], open_days[-1]])


def test_the_same_request_works_on_a_phone_without_sideways_scrolling(
    phone_page, site_content, settings
):
    settings.RATELIMIT_ENABLED = False
    page = phone_page
    lmp, open_days = bookable_lmp()

    read_about_hsg_and_open_the_form(page)
    assert_fits_the_screen(page)
    enter_the_period_and_see_the_window(page, lmp, open_days)
    assert_fits_the_screen(page)
    page.get_by_label("First choice").select_option(open_days[1].isoformat())
    page.get_by_label("Second choice (optional)").select_option(open_days[2].isoformat())
    page.get_by_role("button", name="Send my request").click()  # half done: errors first
    page.locator("#form-problems").wait_for()
    assert_fits_the_screen(page)
    fill_in_the_rest_and_send(page)

    assert_the_confirmation_shows_the_saved_request(page, lmp, [open_days[1], open_days[2]])
    assert_fits_the_screen(page)


# --- The keyboard alone ---------------------------------------------------------------


def focused_id(page) -> str:
    return page.evaluate("document.activeElement && document.activeElement.id")


def tab_to(page, element_id: str, most: int = 60) -> None:
    """Press Tab until the field with `element_id` has the focus, as a keyboard user does."""
    for _ in range(most):
        page.keyboard.press("Tab")
        if focused_id(page) == element_id:
            return
    raise AssertionError(f"Tab never reached #{element_id}")


def test_the_form_can_be_completed_with_the_keyboard_alone(page, site_content, settings):
    settings.RATELIMIT_ENABLED = False
    lmp, open_days = bookable_lmp()
    page.goto("/appointments/request/")

    tab_to(page, "id_procedure_0")  # the first exam, HSG
    page.keyboard.press("Space")
    tab_to(page, "id_last_period_start")
    page.keyboard.type(lmp.strftime("%m%d%Y"))  # the date field's month, day and year
    page.locator("select#id_preferred_date_1").wait_for()  # the window came back
    tab_to(page, "id_preferred_date_1")
    page.keyboard.type(day_label(open_days[1]))  # a select picks the option typed
    for element_id, text in [
        ("id_first_name", "Maria"),
        ("id_last_name", "Lopez"),
        ("id_date_of_birth", "03141990"),
        ("id_phone", "2125550123"),
        ("id_email", "maria@example.com"),
        ("id_insurance", "Aetna"),
    ]:
        tab_to(page, element_id)
        page.keyboard.type(text)
    tab_to(page, "id_may_be_pregnant_0")  # "Yes"; the arrow key moves to and picks "No"
    page.keyboard.press("ArrowDown")
    tab_to(page, "id_sms_consent")
    page.keyboard.press("Space")
    tab_to(page, "submit-id-submit")
    page.keyboard.press("Enter")

    # The time of day keeps its default, "Any time".
    assert_the_confirmation_shows_the_saved_request(page, lmp, [open_days[1], None], time="any")

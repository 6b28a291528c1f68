"""The request list fits a 1,366-pixel laptop screen without sideways scrolling."""

from django.urls import reverse

from tests.browser.helpers import admin_sign_in, patient_request
from tests.content import bookable_lmp


def test_the_request_list_fits_1366_pixels(browser, live_server, front_desk):
    _, open_days = bookable_lmp()
    patient_request(
        first_name="Maria-Fernanda",
        last_name="Rodriguez-Villanueva",
        contrast_allergy=True,
        pelvic_infection_history=True,
        lipiodol_interest=True,
        preferred_date_2=open_days[1],
        preferred_date_3=open_days[2],
        preferred_time="afternoon",
    )
    patient_request(phone="+12125550124")
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1366, "height": 768})
    page = context.new_page()
    admin_sign_in(page, *front_desk)

    page.goto(reverse("admin:appointments_appointmentrequest_changelist"))
    page.locator("#result_list tbody tr").first.wait_for()

    widths = page.evaluate(
        """() => {
          const results = document.querySelector('.results');
          return {page: document.documentElement.scrollWidth,
                  table: results.scrollWidth, room: results.clientWidth};
        }"""
    )
    context.close()
    assert widths["page"] <= 1366, widths
    assert widths["table"] <= widths["room"], widths

"""How many clicks and page loads the front desk needs, from signing in to "scheduled"
and to "answered". The figures are printed at the end of the run and held here, so a
change that adds steps shows up. The old path to "scheduled" (the model list, then a
filter) still works and is measured beside the new one (the home page's count)."""

import datetime as dt

from django.utils import timezone

from appointments.models import AppointmentRequest
from clinic.models import OpeningHours
from tests.browser.helpers import admin_sign_in, front_desk_steps, patient_request
from tests.content import bookable_lmp
from texting.inbound import inbound_receive
from texting.models import OutboundMessage


class Counter:
    """Counts the page loads of the main frame and the clicks made through it."""

    def __init__(self, page):
        self.page, self.loads, self.clicks = page, 0, 0
        page.on("load", self._loaded)

    def _loaded(self, _page):
        self.loads += 1

    def click(self, locator):
        self.clicks += 1
        locator.click()
        self.page.wait_for_load_state("load")

    def result(self):
        return {"clicks": self.clicks, "page loads": self.loads}


def a_booking_time():
    _, open_days = bookable_lmp()
    day = open_days[0]
    opens = OpeningHours.objects.get(weekday=day.weekday()).opens
    return timezone.make_aware(dt.datetime.combine(day, opens) + dt.timedelta(hours=1))


def book(counter, page, at):
    counter.click(page.get_by_role("link", name="Schedule", exact=True))
    page.get_by_label("Date").fill(at.date().isoformat())
    page.get_by_label("Time").fill(at.strftime("%H:%M"))
    counter.click(page.get_by_role("button", name="Book"))
    page.get_by_text("schedule done.").wait_for()


def test_from_sign_in_to_scheduled_through_the_model_list(page, front_desk):
    appointment = patient_request()
    at = a_booking_time()
    counter = Counter(page)
    admin_sign_in(page, *front_desk)  # 3 loads (login, device list, home), 2 clicks
    counter.clicks += 2

    counter.click(page.locator("#content-main a[href$='/appointmentrequest/']").first)
    counter.click(page.get_by_role("link", name="Waiting for a call", exact=True))
    counter.click(page.get_by_role("link", name=appointment.reference))
    book(counter, page, at)

    front_desk_steps["scheduled, through the model list (before)"] = counter.result()
    assert AppointmentRequest.objects.get().status == "scheduled"
    assert counter.result() == {"clicks": 7, "page loads": 8}


def test_from_sign_in_to_scheduled_through_the_home_page_count(page, front_desk):
    appointment = patient_request()
    at = a_booking_time()
    counter = Counter(page)
    admin_sign_in(page, *front_desk)
    counter.clicks += 2

    counter.click(page.locator(".today-counts").get_by_role("link", name="waiting for a call"))
    counter.click(page.get_by_role("link", name=appointment.reference))
    book(counter, page, at)

    front_desk_steps["scheduled, from the home page's count (after)"] = counter.result()
    assert AppointmentRequest.objects.get().status == "scheduled"
    assert counter.result() == {"clicks": 6, "page loads": 7}


def test_from_sign_in_to_answered(page, front_desk):
    appointment = patient_request()
    inbound_receive(message_sid="SM" + "f" * 32, from_phone=appointment.phone, body="Question?")
    counter = Counter(page)
    admin_sign_in(page, *front_desk)
    counter.clicks += 2

    counter.click(page.locator(".today-counts").get_by_role("link", name="unread replies"))
    counter.click(page.get_by_role("link", name="Open and answer"))
    page.get_by_label("Quick reply").select_option(label="Thanks, we will call")
    counter.clicks += 1  # choosing the quick reply
    counter.click(page.get_by_role("button", name="Send the answer"))
    page.get_by_text("Your answer is on its way.").wait_for()

    front_desk_steps["answered (after; before, the admin could not answer)"] = counter.result()
    assert OutboundMessage.objects.filter(kind="staff").count() == 1
    assert counter.result() == {"clicks": 6, "page loads": 6}

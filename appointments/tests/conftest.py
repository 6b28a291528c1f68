"""The practice as these tests need it: days 5 to 12, open Monday to Friday 9 to 5."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine

from appointments.tests.factories import ProcedureFactory
from clinic.models import Closure, InsurancePlan, OpeningHours, Practice
from texting.backends import locmem
from texting.tests.conftest import signed_post, twilio_settings  # noqa: F401  (day-1 texts)

NEW_YORK = ZoneInfo("America/New_York")
# Tuesday, March 2, 2027, mid-morning in New York.
NOW = dt.datetime(2027, 3, 2, 10, 0, tzinfo=NEW_YORK)


@pytest.fixture
def practice(db):
    practice = Practice.objects.current()
    practice.window_start_day, practice.window_end_day = 5, 12
    practice.save()
    OpeningHours.objects.all().delete()
    for weekday in range(5):
        OpeningHours.objects.create(weekday=weekday, opens=dt.time(9, 0), closes=dt.time(17, 0))
    Closure.objects.all().delete()
    return practice


@pytest.fixture
def hsg(db):
    return ProcedureFactory()


@pytest.fixture
def aetna(db):
    plan, _ = InsurancePlan.objects.get_or_create(name="Aetna", defaults={"active": True})
    return plan


@pytest.fixture
def frozen_now():
    with time_machine.travel(NOW, tick=False):
        yield NOW


@pytest.fixture
def clinic(practice, hsg, aetna, frozen_now):
    """The practice, one bookable exam, one plan, and the clock at NOW."""
    return practice


@pytest.fixture
def admin_client(frozen_now, admin_client):
    """The root conftest's front-desk client, signed in at the frozen time."""
    return admin_client


@pytest.fixture
def booking_setup(clinic, hsg):
    """One fluoroscopy room for one exam at a time; an HSG keeps it 30 + 15 minutes."""
    from appointments.booking_models import BookingRules, ExamLength, Room

    BookingRules.objects.all().delete()
    rules = BookingRules.objects.create(lead_hours=24, horizon_days=60, step_minutes=30)
    Room.objects.all().delete()
    Room.objects.create(name="Fluoroscopy room", capacity=1)
    ExamLength.objects.update_or_create(
        procedure=hsg, defaults={"duration_minutes": 30, "buffer_minutes": 15}
    )
    return rules


@pytest.fixture
def sms_sent(settings):
    """The texts the outbox sends, kept in memory (Twilio's place) for this test."""
    settings.SMS_BACKEND = "texting.backends.locmem.SmsBackend"
    locmem.outbox.clear()
    yield locmem.outbox
    locmem.outbox.clear()

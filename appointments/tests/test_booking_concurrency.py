"""Many patients at the last free place: PostgreSQL's exclusion constraint lets one in.

Threads with their own connections, all released at once (see test_concurrency.py).
"""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from appointments import booking
from appointments.booking_models import Booking, Room
from appointments.tests.conftest import NEW_YORK
from appointments.tests.factories import AppointmentRequestFactory
from appointments.tests.test_concurrency import _postgresql, run_together  # noqa: F401

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]

TEN = dt.datetime(2027, 3, 8, 10, 0, tzinfo=NEW_YORK)
ELEVEN = dt.datetime(2027, 3, 8, 11, 0, tzinfo=NEW_YORK)


def take(request, at):
    def job():
        try:
            with transaction.atomic():
                booking.booking_take(request=request, at=at)
            return "booked"
        except booking.SlotTaken as exc:
            return ("taken", exc.messages[0], exc.nearest)

    return job


def test_fifty_patients_at_the_last_free_place_make_one_booking_and_49_polite_answers(
    booking_setup,
):
    room = Room.objects.get()
    room.capacity = 2
    room.save()
    first = AppointmentRequestFactory()
    with transaction.atomic():
        booking.booking_take(request=first, at=TEN)
    patients = AppointmentRequestFactory.create_batch(50)

    results = run_together([take(p, TEN) for p in patients])

    assert results.count("booked") == 1, results
    taken = [r for r in results if isinstance(r, tuple)]
    assert len(taken) == 49
    assert {r[1] for r in taken} == {booking.TAKEN_MESSAGE}
    # Each loser is shown other times, and 10:00 is not one of them.
    assert all(r[2] and TEN not in r[2] for r in taken)
    assert Booking.objects.filter(starts_at=TEN).count() == 2
    assert sorted(Booking.objects.values_list("place", flat=True)) == [1, 2]


def test_a_move_racing_a_new_booking_for_the_same_time_leaves_one_consistent_result(booking_setup):
    moving = AppointmentRequestFactory()
    with transaction.atomic():
        booking.booking_take(request=moving, at=TEN)
    newcomer = AppointmentRequestFactory()

    for _round in range(5):
        results = run_together([take(moving, ELEVEN), take(newcomer, ELEVEN)])
        assert results.count("booked") == 1, results
        at_eleven = Booking.objects.filter(starts_at=ELEVEN)
        assert at_eleven.count() == 1
        mine = Booking.objects.get(request=moving)
        # The loser keeps what it had: the mover stays at ten, the newcomer has nothing.
        if at_eleven.get().request_id == moving.pk:
            assert not Booking.objects.filter(request=newcomer).exists()
        else:
            assert mine.starts_at == TEN
        # Start again from the same position.
        Booking.objects.filter(request=newcomer).delete()
        Booking.objects.filter(request=moving).update(
            starts_at=TEN,
            ends_at=TEN + dt.timedelta(minutes=30),
            free_at=TEN + dt.timedelta(minutes=45),
        )


def test_no_code_path_can_write_an_overlapping_booking_past_the_database(booking_setup):
    first, second = AppointmentRequestFactory.create_batch(2)
    room = Room.objects.get()
    Booking.objects.create(
        request=first,
        room=room,
        starts_at=TEN,
        ends_at=TEN + dt.timedelta(minutes=30),
        free_at=TEN + dt.timedelta(minutes=45),
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        # A script writing rows directly, 15 minutes into the first exam's time.
        Booking.objects.create(
            request=second,
            room=room,
            starts_at=TEN + dt.timedelta(minutes=15),
            ends_at=TEN + dt.timedelta(minutes=45),
            free_at=TEN + dt.timedelta(minutes=60),
        )

import datetime as dt

import pytest

from texting.day_one import MAX_AGE_DAYS, DayOne, match

MONDAY = dt.date(2026, 11, 30)


def back(days: int, *, spanish: bool = False, today: dt.date = MONDAY) -> DayOne:
    """The report of a day 1 `days` before today: named when that is not today."""
    day = today - dt.timedelta(days=days)
    return DayOne(day=day, named=day != today, spanish=spanish)


@pytest.mark.parametrize(
    "body, days, spanish",
    [
        ("1", 0, False),
        ("1!", 0, False),
        ("1.", 0, False),
        ("  1  ", 0, False),
        ("1 😊", 0, False),
        ("1 🙏", 0, False),
        ("Ok 1", 0, False),
        ("day 1", 0, False),
        ("Day 1", 0, False),
        ("DAY 1", 0, False),
        ("Day one", 0, False),
        ("day1", 0, False),
        ("Day 1 🩸", 0, False),
        ("Day 1 today", 0, False),
        ("today is day 1", 0, False),
        ("Hi! It\u2019s day 1 😊 thanks", 0, False),
        ("Good morning, day 1 today. Thanks HSG team!", 0, False),
        ("first day of my period", 0, False),
        ("day 2", 1, False),
        ("Day two", 1, False),
        ("I'm on day 3", 2, False),
        ("im on day 5", 4, False),
        ("period", 0, False),
        ("Period!", 0, False),
        ("my period", 0, False),
        ("period started", 0, False),
        ("PERIOD STARTED", 0, False),
        ("Got my period", 0, False),
        ("just got my period!!", 0, False),
        ("my period came", 0, False),
        ("Ok so my period finally came", 0, False),
        ("period is here", 0, False),
        ("period\u2019s here 🎉", 0, False),
        ("started my period", 0, False),
        ("on my period", 0, False),
        ("aunt flo is here", 0, False),
        ("my cycle started today", 0, False),
        ("started", 0, False),
        ("Started!", 0, False),
        ("it started", 0, False),
        ("just started", 0, False),
        ("started today", 0, False),
        ("Started this morning", 0, False),
        ("yay finally started", 0, False),
        ("yes it started today thank you", 0, False),
        ("period started yesterday", 1, False),
        ("started last night", 1, False),
        ("it started yesterday afternoon", 1, False),
        ("started 2 days ago", 2, False),
        ("period came two days ago", 2, False),
        ("on my period since Saturday", 2, False),
        ("period started on Saturday", 2, False),
        ("started Saturday", 2, False),
        ("period started 11/28", 2, False),
        ("period started Nov 28", 2, False),
        ("my period started November 28th", 2, False),
        ("started the 28th", 2, False),
        ("Day 1 was 11/27", 3, False),
        ("me bajó hoy", 0, True),
        ("Me bajo", 0, True),
        ("ya me bajó", 0, True),
        ("me acaba de bajar", 0, True),
        ("día 1", 0, True),
        ("Dia 1", 0, True),
        ("dia uno", 0, True),
        ("Buenos días, hoy es mi día 1", 0, True),
        ("primer día de mi regla", 0, True),
        ("día 2", 1, True),
        ("regla", 0, True),
        ("me llegó la regla", 0, True),
        ("me vino la regla", 0, True),
        ("empezó mi período", 0, True),
        ("menstruación", 0, True),
        ("empezó", 0, True),
        ("comenzó", 0, True),
        ("ya empecé", 0, True),
        ("hoy empezó", 0, True),
        ("empezó hoy en la mañana", 0, True),
        ("empezó ayer", 1, True),
        ("me bajó anoche", 1, True),
        ("me bajó anteayer", 2, True),
        ("me bajó hace 2 días", 2, True),
        ("mi regla empezó desde el sábado", 2, True),
        ("me llegó la regla el sábado", 2, True),
        ("me bajó el 28 de noviembre", 2, True),
        ("since Saturday", 2, False),
        ("Since saturday 🙂", 2, False),
        ("desde el sábado", 2, True),
        ("new cycle started today", 0, False),
        ("empezó mi ciclo", 0, True),
    ],
)
def test_it_reads_a_day_one_report_and_its_day(body, days, spanish):
    assert match(body, today=MONDAY) == back(days, spanish=spanish)


@pytest.mark.parametrize(
    "body",
    [
        "",
        "   ",
        "🙏",
        "STOP",
        "stop",
        "no",
        "yes",
        "C",
        "help",
        "2",
        "10",
        "12",
        "1pm",
        "at 1 pm",
        "one",
        "I have 1 question",
        "1 more thing",
        "can I come at 1",
        "day 1?",
        "¿me bajó hoy cuento como día 1",
        "is today day 1",
        "When should I text, day 1 or day 2?",
        "what if it started yesterday",
        "how do I book",
        "Qué hago si empezó ayer",
        "cuándo empiezo",
        "not yet",
        "hasn't started",
        "hasn\u2019t started yet",
        "didn't start yet",
        "my period is late",
        "no period yet",
        "still waiting",
        "period ended",
        "period stopped",
        "my period is over",
        "period finished yesterday",
        "todavía no",
        "aún no",
        "no me ha bajado",
        "se me atrasó",
        "I started the antibiotics",
        "started a new job",
        "I started taking the pills",
        "day 6",
        "day 10",
        "yesterday",
        "Saturday",
        "11/28",
        "2 days ago",
        "period tomorrow",
        "probably starts tomorrow",
        "mañana",
        "me bajará mañana",
        "period started 12/5",
        "started yesterday, day 2 today",
        "started Saturday or Sunday",
        "started bleeding",
        "spotting",
        "cycle",
        "my cycle",
        "mi ciclo",
    ],
)
def test_anything_else_is_left_for_a_person(body):
    assert match(body, today=MONDAY) is None


def test_a_bare_one_leaves_the_language_to_the_caller():
    assert match("1", today=MONDAY).spanish is False
    assert match("hola 1", today=MONDAY).spanish is True


def test_yesterday_crosses_a_month_boundary():
    december_1 = dt.date(2026, 12, 1)
    assert match("period started yesterday", today=december_1) == back(1, today=december_1)
    assert match("started 11/29", today=december_1).day == dt.date(2026, 11, 29)
    assert match("started the 29th", today=december_1).day == dt.date(2026, 11, 29)
    assert match("started Nov 30", today=december_1).day == dt.date(2026, 11, 30)


def test_a_date_without_a_year_crosses_a_year_boundary():
    january_2 = dt.date(2027, 1, 2)
    assert match("started 12/31", today=january_2).day == dt.date(2026, 12, 31)
    assert match("started the 31st", today=january_2).day == dt.date(2026, 12, 31)
    assert match("me bajó el 31 de diciembre", today=january_2).day == dt.date(2026, 12, 31)
    assert match("day 3", today=january_2).day == dt.date(2026, 12, 31)


@pytest.mark.parametrize(
    "body", ["started 12/1/2026", "started 12/01/26", "period started 1/3/2027"]
)
def test_it_rejects_a_day_in_the_future(body):
    assert match(body, today=MONDAY) is None


def test_a_date_later_this_year_is_read_as_last_year_and_is_too_old():
    assert match("started 12/5", today=MONDAY) is None
    assert match("started the 31st", today=MONDAY) is None  # October 31st


def test_it_takes_a_day_up_to_the_oldest_allowed():
    oldest = MONDAY - dt.timedelta(days=MAX_AGE_DAYS)
    assert match(f"started {MAX_AGE_DAYS} days ago", today=MONDAY).day == oldest
    assert match(f"started {oldest:%m/%d}", today=MONDAY).day == oldest


def test_it_rejects_a_day_older_than_that():
    too_old = MONDAY - dt.timedelta(days=MAX_AGE_DAYS + 1)
    assert match(f"started {MAX_AGE_DAYS + 1} days ago", today=MONDAY) is None
    assert match(f"started {too_old:%m/%d}", today=MONDAY) is None


def test_todays_weekday_is_today_and_not_named():
    assert match("started Monday", today=MONDAY) == back(0)
    assert match("me bajó el lunes", today=MONDAY) == back(0, spanish=True)


def test_last_weekday_is_a_week_back_when_today_is_that_weekday():
    assert match("started last Monday", today=MONDAY) == back(7)
    assert match("me bajó el lunes pasado", today=MONDAY) == back(7, spanish=True)


def test_a_weekday_is_the_latest_one_before_today():
    assert match("started Sunday", today=MONDAY) == back(1)
    assert match("started Tuesday", today=MONDAY) == back(6)


def test_day_n_counts_back_from_a_named_day():
    assert match("day 1 was Saturday", today=MONDAY) == back(2)


def test_two_days_named_must_agree():
    assert match("period started Saturday 11/28", today=MONDAY) == back(2)
    assert match("period started Saturday 11/27", today=MONDAY) is None
    assert match("day 1 was yesterday so day 2 today", today=MONDAY) is None

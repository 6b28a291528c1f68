"""Is a patient's text a day-1 report ("1", "day 1", "my period started", "me bajó"),
and which date is her day 1?

An HSG is booked on days 5 to 12 of the cycle, so patients text us on the first day
of their period and get a link to book. Plain logic, no Django. The rules:

- The text is read without case, accents, emoji or punctuation. A question (a "?" or
  "¿", or a first word such as "when", "is", "can", "qué") is never a report.
- Every word must be known: a day-1 word, a period word, a start verb, a named day or
  a filler ("hi", "ok", "just", "my", "thanks", "ya", "hoy"...). One unknown word and
  the text goes to a person. So a start verb must be the point of the text: "I started
  the antibiotics", "not yet", "my period is late" and "at 1pm" all have one.
- It needs a signal: a bare "1"; "day N" or "día N" (N from 1 to 5); a period word
  ("period", "regla"); a start verb ("started", "empezó"); "me bajó/llegó/vino"; or
  "since" / "desde" with a named day ("since Saturday": ongoing from then). A day
  alone ("yesterday", "Saturday", "11/28") is not one: it may answer anything the
  front desk asked.
- At most one day may be named: "yesterday", "last night", "2 days ago", a weekday
  (the latest on or before today; with "last" or "pasado", before today), a date
  ("11/28", "Nov 28", "the 28th", "28 de noviembre": the latest not after today).
  "Day N" counts N - 1 days back from it. A day after today, or more than
  MAX_AGE_DAYS back, is not taken.
- The text is Spanish when it has more Spanish words than English ones.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from texting.keywords import _without_accents

MAX_AGE_DAYS = 10
ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class DayOne:
    day: dt.date
    named: bool  # the text named a day other than today: the answer says which was taken
    spanish: bool


def _numbered(words: str, start: int = 1) -> dict[str, int]:
    return {word: n for n, word in enumerate(words.split(), start)}


_ES_NUMBERS = "uno dos tres cuatro cinco seis siete ocho nueve diez"
_ES_WEEKDAYS = "lunes martes miercoles jueves viernes sabado domingo"
_ES_MONTHS = (
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"
)
NUMBERS = _numbered("one two three four five six seven eight nine ten") | _numbered(_ES_NUMBERS)
WEEKDAYS = _numbered("monday tuesday wednesday thursday friday saturday sunday", 0)
WEEKDAYS |= _numbered(_ES_WEEKDAYS, 0)
MONTHS = _numbered(
    "january february march april may june july august september october november december"
)
MONTHS |= _numbered("jan feb mar apr may jun jul aug sep oct nov dec") | {"sept": 9}
MONTHS |= _numbered(_ES_MONTHS) | {"setiembre": 9}

PERIOD_WORDS = {"period", "periods", "menses", "menstruation", "flo"}
SPANISH_PERIOD_WORDS = {"regla", "periodo", "menstruacion"}
# "New cycle started": known, but not a signal alone ("cycle" may be about anything).
CYCLE_WORDS = {"cycle", "ciclo"}
START_VERBS = {"started", "start", "starting", "began", "begun"}
SPANISH_START_VERBS = {"empezo", "empece", "empezando", "comenzo", "comence", "inicio"}
# "Me bajó", "me llegó", "me vino", "me acaba de bajar": a signal with "me".
ARRIVAL_VERBS = {"bajo", "llego", "vino", "bajar", "llegar"}
# Words that may come with a signal and change nothing, the practice's among them.
FILLERS = set(
    "hi hello hey yay yes yep yeah so just finally well oh officially already lol haha omg"
    " thanks thank you thx ty please pls and i im i'm am it its is was has have my the a for"
    " since of on here came arrived got showed up aunt today now tonight doctor dr office team"
    " imaging hsg new".split()
)
SPANISH_FILLERS = set(
    "hola ya si gracias bueno pues por fin finalmente hoy ahora mi la el se de es acaba"
    " desde doctora oficina".split()
)
NEUTRAL = {"ok", "okay", "k", "me", "1"}
# "Since Saturday", "desde el sábado": something ongoing from that day, so a signal too.
SINCE = {"since", "desde"}
QUESTION_STARTS = set(
    "what when how is does should can do did will could would am are why where"
    " que cuando como cual puedo debo".split()
)
# Spanish words read before the matching, for the language only.
SPANISH_DATE_WORDS = set(
    f"{_ES_NUMBERS} {_ES_WEEKDAYS} {_ES_MONTHS} un dia dias ayer anteayer antier anoche"
    " er antes hace pasado primer buenos buenas tardes noches esta en manana tarde noche".split()
)
SPANISH_WORDS = SPANISH_PERIOD_WORDS | SPANISH_START_VERBS | ARRIVAL_VERBS | {"ciclo"}
SPANISH_WORDS |= SPANISH_FILLERS | SPANISH_DATE_WORDS
SIGNAL_WORDS = PERIOD_WORDS | SPANISH_PERIOD_WORDS | START_VERBS | SPANISH_START_VERBS
KNOWN = FILLERS | SPANISH_FILLERS | NEUTRAL | SIGNAL_WORDS | ARRIVAL_VERBS | CYCLE_WORDS

_N = "|".join(NUMBERS)
_TH = r"(?:st|nd|rd|th)"
GREETING = re.compile(
    r"\b(?:good (?:morning|afternoon|evening)|buen[oa]s (?:dias|tardes|noches))\b"
)
# "This morning", "hoy en la tarde": today, said more precisely ("mañana" alone is
# tomorrow, an unknown word).
TIME_OF_DAY = re.compile(
    r"\b(?:this|esta|(?:en|por|de) la) (?:morning|afternoon|evening|manana|tarde|noche)\b"
)
DAY_N = re.compile(
    r"\b(?:day|dia) ?([1-5]|one|two|three|four|five|uno|dos|tres|cuatro|cinco)\b"
    r"|\b(?:first|1st|primer|1er) (?:day|dia)\b"
)
DAYS_BACK = {
    2: re.compile(r"\b(?:the day before yesterday|anteayer|antier|antes de ayer)\b"),
    1: re.compile(
        r"\b(?:yesterday(?: morning| afternoon| evening| night)?|last night|ayer|anoche)\b"
    ),
}
DAYS_AGO = re.compile(rf"\b(?:(\d{{1,2}}|a|{_N}) days? ago|hace (\d{{1,2}}|un|{_N}) dias?)\b")
WEEKDAY = re.compile(rf"\b(?:(last|past) )?({'|'.join(WEEKDAYS)})( pasado)?\b")
NUMERIC_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?\b")
MONTH_DAY = re.compile(rf"\b({'|'.join(MONTHS)}) (\d{{1,2}}){_TH}?\b")
DAY_MONTH = re.compile(rf"\b(\d{{1,2}}){_TH}? (?:of |de )?({'|'.join(MONTHS)})\b")
DAY_ONLY = re.compile(rf"\b(?:(?:the|el) (\d{{1,2}}){_TH}?|(\d{{1,2}}){_TH})\b")


def _clean(body: str) -> str:
    """Lower case, no accents, straight apostrophes, "'s" as "is", no other punctuation."""
    text = _without_accents(body.replace("\u2019", "'").replace("\u2018", "'")).lower()
    text = re.sub(r"'s\b", " is", text)
    return " ".join(re.sub(r"[^a-z0-9/' ]+", " ", text).split())


def _latest(candidates: list[tuple[int, int, int]], today: dt.date) -> dt.date | None:
    """The first real date of these (year, month, day) not after today; a lone candidate
    is taken even after today (a year was given), for the caller to reject."""
    for year, month, day in candidates:
        try:
            date = dt.date(year, month, day)
        except ValueError:
            continue
        if date <= today or len(candidates) == 1:
            return date
    return None


def _on(month: int, day: int, today: dt.date, year: str | None = None) -> dt.date | None:
    if year:
        return _latest([(int(year) + (2000 if len(year) == 2 else 0), month, day)], today)
    return _latest([(today.year, month, day), (today.year - 1, month, day)], today)


def _count(word: str) -> int:
    return int(word) if word.isdigit() else NUMBERS.get(word, 1)  # "a day", "un día": 1


def _weekday(m: re.Match, today: dt.date) -> dt.date:
    back = (today.weekday() - WEEKDAYS[m[2]]) % 7
    return today - (back or (7 if m[1] or m[3] else 0)) * ONE_DAY


def _day_only(m: re.Match, today: dt.date) -> dt.date | None:
    day, last_month = int(m[1] or m[2]), today.replace(day=1) - ONE_DAY
    return _latest(
        [(today.year, today.month, day), (last_month.year, last_month.month, day)], today
    )


NAMED_DAYS: list[tuple[re.Pattern, Callable[[re.Match, dt.date], dt.date | None]]] = [
    *((pattern, lambda m, today, n=n: today - n * ONE_DAY) for n, pattern in DAYS_BACK.items()),
    (DAYS_AGO, lambda m, today: today - _count(m[1] or m[2]) * ONE_DAY),
    (WEEKDAY, _weekday),
    (NUMERIC_DATE, lambda m, today: _on(int(m[1]), int(m[2]), today, m[3])),
    (MONTH_DAY, lambda m, today: _on(MONTHS[m[1]], int(m[2]), today)),
    (DAY_MONTH, lambda m, today: _on(MONTHS[m[2]], int(m[1]), today)),
    (DAY_ONLY, _day_only),
]


def _signal(rest: set[str], day_n: list[int]) -> bool:
    """The words left say it is a day-1 report."""
    return bool(
        day_n or rest & SIGNAL_WORDS or ("me" in rest and rest & ARRIVAL_VERBS) or "1" in rest
    )


def _is_spanish(text: str) -> bool:
    words = re.findall(r"[a-z']+", text)
    spanish = sum(word in SPANISH_WORDS for word in words)
    return spanish > sum(word not in SPANISH_WORDS | NEUTRAL for word in words)


def match(body: str, *, today: dt.date) -> DayOne | None:
    """A day-1 report and its day, or None (STOP, a question, a message: not ours)."""
    text = _clean(body)
    if not text or "?" in body or "\u00bf" in body or text.split()[0] in QUESTION_STARTS:
        return None
    rest = TIME_OF_DAY.sub(" ", GREETING.sub(" ", text))
    day_n = [_count(m[1]) if m[1] else 1 for m in DAY_N.finditer(rest)]
    rest = DAY_N.sub(" ", rest)
    named: set[dt.date | None] = set()
    for pattern, resolve in NAMED_DAYS:
        named |= {resolve(m, today) for m in pattern.finditer(rest)}
        rest = pattern.sub(" ", rest)
    words = set(rest.split())
    if len(day_n) > 1 or len(named) > 1 or None in named or not words <= KNOWN:
        return None
    since = bool(named and words & SINCE)  # "since Saturday": ongoing from a day
    if (day_n and day_n[0] > 1 and named) or not (since or _signal(words, day_n)):
        return None
    day = next(iter(named), today) - ((day_n or [1])[0] - 1) * ONE_DAY
    if day > today or (today - day).days > MAX_AGE_DAYS:
        return None
    return DayOne(day=day, named=day != today, spanish=_is_spanish(text))

"""The words of a text: placeholders, the SMS alphabet, segment counts, checks.

Plain logic with no Django imports, so it is easy to test on its edges.
"""

import datetime
import math
import re
import string
from zoneinfo import ZoneInfo

NEW_YORK = ZoneInfo("America/New_York")

OPT_OUT_LINE = "Reply STOP to opt out."
OPT_OUT_LINE_ES = "Responda PARAR para no recibir textos."
OPT_OUT_LINES = {"en": OPT_OUT_LINE, "es": OPT_OUT_LINE_ES}
MAX_SEGMENTS = 2

PLACEHOLDERS = {
    "practice": "the practice's name",
    "first_name": "the patient's first name",
    "date": "the appointment day, e.g. Tuesday, March 10",
    "time": "the appointment time, e.g. 9:30 AM",
    "address": "the practice's address",
    "phone": "the practice's phone",
    "closed_help": "what to do when the office is closed (911, the emergency room, or the "
    "after-hours number when the practice profile has one)",
    "office_hours": "when the office is open, e.g. Monday to Friday, 9:00 am to 5:00 pm",
    "help_url": "the link to the warning signs on the site (texts never list them)",
    "day_one": "the day taken as her day 1, e.g. Saturday, November 28 (day 1 texts)",
    "last_day": "the last day her day-1 link works, e.g. Friday, December 11",
    "link": "her own link: to pick a time (day 1 texts), or to her page (waitlist offer)",
    "book_url": "the link to the request page on the site",
}
PLACEHOLDER_HELP = "Placeholders: " + ", ".join(f"{{{k}}} {v}" for k, v in PLACEHOLDERS.items())

# The longest values a text realistically carries; every template must fit in
# MAX_SEGMENTS with these filled in.
LONGEST_VALUES = {
    "practice": "Interventional Radiology, P.C.",
    "first_name": "Maximiliana-Josefina",
    "date": "Wednesday, September 30",
    "time": "10:45 AM",
    "address": "200 West 57th Street, Suite 407, New York, NY 10019",
    "phone": "(212) 246-2063",
    # clinic.safety.closed_help_sms with a 20-character after-hours number (the longest).
    "closed_help": "When we are closed, call (212) 555-0100 x1234, or 911 in an emergency.",
    "office_hours": "Monday to Thursday, 9:00 am to 5:00 pm; Friday, 9:00 am to 1:00 pm",
    "help_url": "https://www.hsgexam.com/contact/#warning-signs",
    "day_one": "Wednesday, September 30",
    "last_day": "Wednesday, September 30",
    # A signed link to the day-1 page: the Spanish one is the longer (/es/). The link to
    # her page in the waitlist's offer (/es/appointments/manage/<token>/) is shorter.
    "link": "https://www.hsgexam.com/es/appointments/request/day-one/"
    "1234567:1vAbCd:abcdefghijklmnopqrstuvwxyzABCDEFGHIJ012/",
    "book_url": "https://www.hsgexam.com/es/appointments/request/",
}
# The same in Spanish (Wednesday and September are the longest names there too).
LONGEST_VALUES_ES = {
    **LONGEST_VALUES,
    "date": "miércoles 30 de septiembre",
    "time": "10:45 a. m.",
    # clinic.safety.closed_help_sms in Spanish, with the same longest after-hours number.
    "closed_help": "Fuera de horario, llame al (212) 555-0100 x1234, o al 911 en una emergencia.",
    "office_hours": "Lunes al jueves, 9:00 a. m. a 5:00 p. m.; viernes, 9:00 a. m. a 1:00 p. m.",
    "help_url": "https://www.hsgexam.com/es/contact/#warning-signs",
    "day_one": "miércoles 30 de septiembre",
    "last_day": "miércoles 30 de septiembre",
}
LONGEST = {"en": LONGEST_VALUES, "es": LONGEST_VALUES_ES}
# The only thing a text repeats from what a stranger can type into the request form:
# the first word of the first name, letters (and - or ') only, at most 20 of them.
FIRST_NAME_MAX = 20
FIRST_NAME_FALLBACK = "there"
FIRST_NAME_FALLBACKS = {"en": FIRST_NAME_FALLBACK, "es": "paciente"}

# Template kinds that must end with the opt-out line.
OPT_OUT_KINDS = {
    "received",
    "scheduled",
    "moved",
    "reminder",
    "follow_up",
    "reply_help",
    "reply_start",
    "day1_remind",
    "day1_remind_2",
    "waitlist_offer",
}

# Template kinds that answer "call us at once": they must also say what to do when the
# office is closed ({closed_help}).
CLOSED_HELP_KINDS = {"follow_up", "reply_urgent", "reply_closed"}

# Words that would reveal why the patient sees us: never in a text.
FORBIDDEN_WORDS = re.compile(
    r"\b(hsg|hysterosalpingo\w*|lipiodol|recanali[sz]\w*|ftr|salpingo\w*|pro-?nox|nitrous"
    r"|fallopian|tubes?|fertility|infertility|diagnos\w*|date of birth|dob|lmp|period"
    r"|insurance plan|member id"
    r"|histerosalpingo\w*|trompas?|fertilidad|infertilidad|diagn\w*|fecha de nacimiento"
    r"|periodo|per\u00edodo|regla|menstrua\w*|salpingo\w*|recanalizaci\w*|seguro m\u00e9dico)\b",
    re.IGNORECASE,
)
# A text can show on a lock screen: no symptom, and nothing to bring or take that hints
# at the visit. Details live behind a link or a call.
SYMPTOM_WORDS = re.compile(
    r"\b(fever\w*|chills|bleed\w*|blood\w*|pain\w*|cramp\w*|spotting|pads?|liners?"
    r"|tampons?|sanitary|ibuprofen|acetaminophen|tylenol|advil|motrin|relievers?"
    r"|pregnan\w*|allerg\w*|hives|swelling|breath\w*|nause\w*|vomit\w*|discharge"
    r"|infect\w*|fasting|contrast|dye|x-?rays?|catheter|speculum|uterus|womb|cervix"
    r"|ovar\w*|vagina\w*"
    r"|fiebre|escalofr\w*|sangr\w*|dolor\w*|c\u00f3licos?|colicos?|manchado|toallas?"
    r"|ibuprofeno|acetaminof\w*|analg\u00e9sicos?|analgesicos?|embaraz\w*|al\u00e9rg\w*"
    r"|alerg\w*|ronchas|hinchaz\w*|infecci\w*|ayun\w*|contraste|tinte|rayos x|cat\u00e9ter"
    r"|cateter|esp\u00e9culo|especulo|\u00fatero|utero|matriz|cuello uterino|vagina\w*)\b",
    re.IGNORECASE,
)

# GSM 03.38: the basic alphabet, and the extension table (two septets each).
GSM7_BASIC = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENDED = set("^{}\\[~]|€\f")


# Letters Spanish (and names) use that GSM-7 lacks, folded to the nearest GSM-7 letter
# in the values filled into a text (a name like "María", a day like "sábado"), so one
# accent never turns a 2-segment text into a 5-segment one. The templates themselves
# are written without them (template_errors refuses them).
GSM7_FOLD = str.maketrans(
    {
        "á": "a",
        "í": "i",
        "ó": "o",
        "ú": "u",
        "Á": "A",
        "Í": "I",
        "Ó": "O",
        "Ú": "U",
        "â": "a",
        "ê": "e",
        "î": "i",
        "ô": "o",
        "û": "u",
        "ã": "a",
        "õ": "o",
        "ç": "c",
        "ë": "e",
        "ï": "i",
        "È": "E",
        "Ê": "E",
        "Ë": "E",
        "\u2019": "'",
        "\u2018": "'",
        "\u201c": '"',
        "\u201d": '"',
    }
)


def gsm7_fold(value: str) -> str:
    return value.translate(GSM7_FOLD)


def is_gsm7(text: str) -> bool:
    return all(ch in GSM7_BASIC or ch in GSM7_EXTENDED for ch in text)


def non_gsm7_characters(text: str) -> list[str]:
    return sorted({ch for ch in text if ch not in GSM7_BASIC and ch not in GSM7_EXTENDED})


def segment_count(text: str) -> int:
    """Return how many SMS segments `text` takes (GSM-7 160/153, else UCS-2 70/67)."""
    if is_gsm7(text):
        length = sum(2 if ch in GSM7_EXTENDED else 1 for ch in text)
        single, multi = 160, 153
    else:
        length = len(text.encode("utf-16-le")) // 2
        single, multi = 70, 67
    if length <= single:
        return 1
    return math.ceil(length / multi)


class _Values(dict):
    """Leave an unknown placeholder as written instead of failing at send time."""

    def __missing__(self, key):
        return "{" + key + "}"


def render(template: str, values: dict[str, str]) -> str:
    values = {key: gsm7_fold(str(value)) for key, value in values.items()}
    try:
        return string.Formatter().vformat(template, (), _Values(values)).strip()
    except (ValueError, IndexError, AttributeError):
        return template.strip()


def longest_segments(template: str, language: str = "en") -> int:
    return segment_count(render(template, LONGEST[language]))


def template_errors(
    template: str, *, needs_opt_out: bool, needs_closed_help: bool = False, language: str = "en"
) -> list[str]:
    """Return what is wrong with a template, in words staff can act on."""
    errors = []
    try:
        fields = [(name, spec, conv) for _, name, spec, conv in string.Formatter().parse(template)]
    except ValueError:
        return ["A { or } is not closed. Placeholders look like {first_name}."]
    names = [name for name, _, _ in fields if name is not None]
    specs = [(spec, conv) for name, spec, conv in fields if name]
    unknown = sorted({n for n in names if n not in PLACEHOLDERS})
    if unknown:
        shown = ", ".join(f"{{{n}}}" for n in unknown)
        allowed = ", ".join(f"{{{n}}}" for n in PLACEHOLDERS)
        errors.append(f"Unknown placeholder: {shown}. Use only: {allowed}.")
    if any(spec or conv for spec, conv in specs):
        errors.append("Placeholders cannot have formats, e.g. write {date}, not {date:%d}.")
    if "practice" not in names:
        errors.append("Name the practice: include {practice}.")
    if needs_closed_help and "closed_help" not in names:
        errors.append(
            "Say what to do when the office is closed: include {closed_help} "
            "(911, the emergency room, or the after-hours number)."
        )
    opt_out_line = OPT_OUT_LINES[language]
    if needs_opt_out and not template.strip().endswith(opt_out_line):
        errors.append(f'End the text with "{opt_out_line}"')
    bad = non_gsm7_characters(template)
    if bad:
        errors.append(
            "Use plain keyboard characters: "
            + " ".join(repr(ch) for ch in bad)
            + " would make the text much longer (no curly quotes or emoji; in Spanish,"
            " no á, í, ó or ú: é, ñ, ¿ and ¡ are fine)."
        )
    found = FORBIDDEN_WORDS.search(template)
    if found:
        errors.append(f'Texts must not say why the patient comes to us: remove "{found.group(0)}".')
    symptom = SYMPTOM_WORDS.search(template)
    if symptom:
        errors.append(
            f'Texts can show on a lock screen: remove "{symptom.group(0)}". Name no symptom '
            "and nothing that hints at the visit; the details are behind {help_url} or a call."
        )
    if not errors:
        segments = longest_segments(template, language)
        if segments > MAX_SEGMENTS:
            errors.append(
                f"Too long: {segments} SMS segments with a long name and date; "
                f"keep it to {MAX_SEGMENTS} (about 300 characters)."
            )
    return errors


DAYS_ES = ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")
MONTHS_ES = (
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
)


def appointment_values(at: datetime.datetime, language: str = "en") -> dict[str, str]:
    """The {date} and {time} of an appointment, in New York time, in `language`."""
    local = at.astimezone(NEW_YORK)
    hour = local.hour % 12 or 12
    if language == "es":
        suffix = "a. m." if local.hour < 12 else "p. m."
        return {
            "date": f"{DAYS_ES[local.weekday()]} {local.day} de {MONTHS_ES[local.month - 1]}",
            "time": f"{hour}:{local:%M} {suffix}",
        }
    return {
        "date": f"{local:%A, %B} {local.day}",
        "time": f"{hour}:{local:%M %p}",
    }


def first_name_value(first_name: str, language: str = "en") -> str:
    """The first name as a text may echo it: "Hi Ana," never "Hi visit evil.example,"."""
    words = (first_name or "").split()
    letters = "".join(ch for ch in (words[0] if words else "") if ch.isalpha() or ch in "-'")
    return letters[:FIRST_NAME_MAX].strip("-'") or FIRST_NAME_FALLBACKS.get(
        language, FIRST_NAME_FALLBACK
    )

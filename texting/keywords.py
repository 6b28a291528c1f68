"""What a patient's text asks for: STOP, START, HELP, C, something urgent, or a message.

Plain logic, no Django. Urgent words are matched loosely on purpose: a false alarm
costs a look from the front desk, a missed one costs much more.
"""

import enum
import re


class Intent(enum.StrEnum):
    OPT_OUT = "opt_out"
    OPT_IN = "opt_in"
    HELP = "help"
    CONFIRM = "confirm"
    MESSAGE = "message"


# Carrier standard keywords: the whole text is the word (any case, any punctuation).
OPT_OUT_WORDS = {"STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT", "REVOKE"}
OPT_IN_WORDS = {"START", "UNSTOP"}
# "Yes" opts back in only a number that opted out; otherwise it answers our text.
YES_WORDS = {"YES"}
HELP_WORDS = {"HELP", "INFO"}
CONFIRM_WORDS = {"C", "CONFIRM", "CONFIRMED"}

_NOT = r"(?:can'?t|cannot|can not|won'?t|will not|doesn'?t|does not|isn'?t)"
URGENT = re.compile(
    r"\b(?:"
    r"fever|feverish|chills|high temp\w*|temperature of"
    r"|heavy bleeding|bleeding heavily|bleeding (?:a lot|so much|badly|heavy)"
    r"|(?:a lot|lots|so much) of blood|soak\w* (?:through )?(?:a |the |my )?pads?"
    rf"|{_NOT} stop bleeding"
    r"|blood clots?|severe pain|severe cramp\w*|very bad (?:pain|cramp\w*)|terrible pain"
    r"|worst pain|extreme pain|unbearable|excruciating|pain is (?:very )?bad"
    r"|(?:pain|cramp\w*) (?:is |are )?(?:getting |much )?worse|worse pain|worsening"
    r"|faint\w*|passed out|pass out|dizzy|can'?t breathe?|trouble breathing|short of breath"
    r"|allergic reaction|hives|swelling|emergency|911|er|hospital"
    r")\b",
    re.IGNORECASE,
)
SOFT_OPT_OUT = re.compile(
    r"\b(?:stop (?:texting|messaging|sending|contacting)"
    r"|(?:don'?t|do not|dont) (?:text|message|contact)"
    r"|no more (?:texts|messages)|unsubscribe|take me off|remove (?:me|my number)"
    r"|leave me alone|opt(?: |-)?out|not interested)\b",
    re.IGNORECASE,
)
# Words a patient may mean as "cancel my appointment" rather than "stop texts".
CANCEL_WORDS = {"CANCEL"}


def normalize(body: str) -> str:
    """Upper-case, straighten curly apostrophes, drop surrounding punctuation and space."""
    text = body.replace("\u2019", "'").replace("\u2018", "'").strip()
    return re.sub(r"^[\W_]+|[\W_]+$", "", text).upper()


def _loose(body: str) -> str:
    return body.replace("\u2019", "'").replace("\u2018", "'")


def intent(body: str, *, opted_out: bool = False) -> Intent:
    """What the text asks for; `opted_out`: the sender's number is opted out now."""
    word = normalize(body)
    if word in OPT_OUT_WORDS:
        return Intent.OPT_OUT
    if word in OPT_IN_WORDS:
        return Intent.OPT_IN
    if word in YES_WORDS:
        return Intent.OPT_IN if opted_out else Intent.CONFIRM
    if word in HELP_WORDS:
        return Intent.HELP
    if word in CONFIRM_WORDS:
        return Intent.CONFIRM
    return Intent.MESSAGE


def is_urgent(body: str) -> bool:
    return bool(URGENT.search(_loose(body)))


def needs_attention(body: str) -> bool:
    """Opt-out wording that is not a keyword, or CANCEL (maybe the visit, not the texts)."""
    return normalize(body) in CANCEL_WORDS or (
        intent(body) == Intent.MESSAGE and bool(SOFT_OPT_OUT.search(_loose(body)))
    )

"""The code's own strings in Spanish: every patient-facing template string is marked for
translation, and every marked string (templates and Python) has a Spanish entry in
locale/es that is neither missing nor fuzzy. Pure Python: no gettext tools needed.

After changing a marked string: `manage.py makemessages -l es --no-location` (needs
GNU gettext), translate the new entries in locale/es/LC_MESSAGES/django.po, then
`manage.py compilemessages`.
"""

import ast
import re
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.template.base import Lexer, TokenType

BASE = Path(settings.BASE_DIR)
PO_FILE = BASE / "locale" / "es" / "LC_MESSAGES" / "django.po"

# Templates patients see. The admin (its history pages too) and the staff notice stay
# in English.
STAFF_TEMPLATES = {"appointments/email/staff_notice.txt"}
PATIENT_TEMPLATES = sorted(
    path
    for path in (BASE / "templates").rglob("*")
    if path.suffix in {".html", ".txt"}
    and not {"admin", "simple_history"} & set(path.relative_to(BASE / "templates").parts)
    and str(path.relative_to(BASE / "templates")) not in STAFF_TEMPLATES
)
# Python modules whose strings patients read (forms, views, emails, words of the window).
PYTHON_SOURCES = sorted(
    path
    for app in ("clinic", "appointments", "procedures", "faq")
    for path in (BASE / app).rglob("*.py")
    if "tests" not in path.parts and "migrations" not in path.parts
)
GETTEXT_NAMES = {"_", "gettext", "gettext_lazy", "pgettext", "gettext_noop"}
PLURAL_NAMES = {"ngettext", "ngettext_lazy"}
# Words that read the same in both languages: names, codes, units and symbols.
SAME_IN_BOTH = {
    "HSG",
    "OpenStreetMap",
    "Interventional",
    "Radiology",
    "P.C.",
    "Español",
    "English",
}

TRANSLATE = re.compile(r"""^(?:trans|translate)\s+(["'])(.*?)\1""", re.S)
BLOCK_START = re.compile(r"^(?:blocktrans|blocktranslate)\b(?P<args>.*)$", re.S)


def catalog() -> polib.POFile:
    return polib.pofile(str(PO_FILE))


def _block_msgid(tokens, start: int) -> tuple[str, str | None, int]:
    """Rebuild a blocktranslate's msgid (and plural) as makemessages writes it."""
    singular, plural, current = [], [], None
    current = singular
    i = start + 1
    while i < len(tokens):
        token = tokens[i]
        content = token.contents.strip()
        if token.token_type == TokenType.BLOCK and content.startswith(("endblocktrans",)):
            break
        if token.token_type == TokenType.BLOCK and content == "plural":
            current = plural
        elif token.token_type == TokenType.VAR:
            current.append(f"%({content.split('|')[0].strip()})s")
        elif token.token_type == TokenType.TEXT:
            current.append(token.contents.replace("%", "%%"))
        i += 1
    trimmed = "trimmed" in tokens[start].contents
    text = "".join(singular)
    plural_text = "".join(plural) or None
    if trimmed:
        text = " ".join(text.split())
        plural_text = " ".join(plural_text.split()) if plural_text else None
    return text, plural_text, i


def template_msgids(path: Path) -> list[tuple[str, str | None]]:
    tokens = Lexer(path.read_text()).tokenize()
    found, i = [], 0
    while i < len(tokens):
        token = tokens[i]
        if token.token_type == TokenType.BLOCK:
            content = token.contents.strip()
            single = TRANSLATE.match(content)
            if single:
                found.append((single.group(2), None))
            elif BLOCK_START.match(content):
                singular, plural, i = _block_msgid(tokens, i)
                found.append((singular, plural))
        i += 1
    return found


def python_msgids(path: Path) -> list[tuple[str, str | None]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        name = getattr(node.func, "id", getattr(node.func, "attr", ""))
        literals = [a.value for a in node.args if isinstance(a, ast.Constant)]
        if name in GETTEXT_NAMES and literals and isinstance(literals[0], str):
            found.append((literals[0], None))
        elif name in PLURAL_NAMES and len(literals) >= 2:
            found.append((literals[0], literals[1]))
    return found


class _UnmarkedText(HTMLParser):
    """Text and labelling attributes left in a template once translated parts are gone."""

    LABELS = {"alt", "title", "aria-label", "placeholder"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.words: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "style", "svg"}:
            self._skip += 1
        for name, value in attrs:
            if name in self.LABELS and value:
                self.words.extend(_words(value))

    def handle_endtag(self, tag):
        if tag in {"script", "style", "svg"}:
            self._skip = max(0, self._skip - 1)

    def handle_data(self, data):
        if not self._skip:
            self.words.extend(_words(data))


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"[A-Za-zÁÉÍÓÚáéíóúñÑ][\w'.-]*", text) if w not in SAME_IN_BOTH]


def unmarked_words(path: Path) -> list[str]:
    """The words of a template outside {% translate %}, {% blocktranslate %}, tags,
    variables and comments."""
    source = path.read_text()
    source = re.sub(r"{%\s*comment\s*%}.*?{%\s*endcomment\s*%}", " ", source, flags=re.S)
    source = re.sub(
        r"{%\s*blocktrans(?:late)?\b.*?{%\s*endblocktrans(?:late)?\s*%}", " ", source, flags=re.S
    )
    source = re.sub(r"<(/?){{.*?}}", r"<\1span", source)  # a tag named by a variable
    source = re.sub(r"{%.*?%}|{{.*?}}|{#.*?#}", " ", source, flags=re.S)
    parser = _UnmarkedText()
    parser.feed(source)
    return parser.words


@pytest.mark.parametrize("path", PATIENT_TEMPLATES, ids=lambda p: str(p.relative_to(BASE)))
def test_every_word_of_a_patient_template_is_marked_for_translation(path):
    assert unmarked_words(path) == []


def test_the_unmarked_text_check_finds_a_forgotten_string(tmp_path):
    template = tmp_path / "page.html"
    template.write_text(
        '{% load i18n %}<h1>{% translate "Hello" %}</h1><p title="Call us">Welcome back</p>'
    )

    assert unmarked_words(template) == ["Call", "us", "Welcome", "back"]


def test_every_marked_string_has_a_spanish_entry():
    entries = {entry.msgid: entry for entry in catalog()}
    marked = [
        (str(path.relative_to(BASE)), msgid)
        for path in [*PATIENT_TEMPLATES, *PYTHON_SOURCES]
        for msgid, _plural in (
            template_msgids(path) if path.suffix != ".py" else python_msgids(path)
        )
    ]
    missing = [
        (where, msgid)
        for where, msgid in marked
        if msgid not in entries or not entries[msgid].translated()
    ]

    assert len(marked) > 250
    assert missing == []


def test_no_spanish_entry_is_missing_fuzzy_or_obsolete():
    po = catalog()

    assert po.metadata["Language"] == "es"
    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []
    assert [e.msgid for e in po.obsolete_entries()] == []
    assert po.percent_translated() == 100


def test_every_spanish_entry_keeps_the_placeholders_and_links_of_its_english():
    for entry in catalog():
        texts = [entry.msgstr] if not entry.msgid_plural else list(entry.msgstr_plural.values())
        for text in texts:
            assert (
                sorted(re.findall(r"%\(\w+\)[sd]", entry.msgid))
                == sorted(set(re.findall(r"%\(\w+\)[sd]", text)))
                or entry.msgid_plural
            ), entry.msgid
            assert re.findall(r'href="[^"]*"', entry.msgid) == re.findall(r'href="[^"]*"', text), (
                entry.msgid
            )


def test_the_compiled_catalog_answers_in_spanish():
    from django.utils import translation

    with translation.override("es"):
        assert translation.gettext("Request an appointment") == "Pedir una cita"

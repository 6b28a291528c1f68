"""Wording that could hurt someone, checked like grep over everything patients read.

Every public page, every email and every text: no promise that an early pregnancy
"cannot be exposed"; every warning-signs block names 911 and the emergency room, and
no warning sign is listed outside one; pain relievers only "if it is safe for you";
no symptom or hinting word in any text body.
"""

import datetime as dt
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from appointments import emails
from appointments.outbox import request_text
from appointments.tests.factories import AppointmentRequestFactory
from clinic.models import Practice
from clinic.public_pages import PUBLIC_PAGES
from clinic.safety import WARNING_SIGNS
from procedures.models import Procedure
from texting import bodies, default_texts
from texting.models import MessageTemplate

TEMPLATES = Path(settings.BASE_DIR) / "templates"
NEVER = re.compile(r"cannot be exposed|can not be exposed|never exposed", re.IGNORECASE)
# The words that make a sentence a warning-signs list.
WARNING_WORDS = re.compile(r"\b(fever|heavy bleeding|severe pain|severe or worsening)\b", re.I)
# A sentence that tells the patient to take a pain reliever.
TAKE_PAIN_RELIEVER = re.compile(
    r"\btake\b[^.]*\b(ibuprofen|acetaminophen|tylenol|pain reliever)", re.IGNORECASE
)


class Blocks(HTMLParser):
    """The text of <main>, cut into blocks (paragraphs and list items), each marked with
    whether it sits inside a `.warning-signs` block; and each such block's own text."""

    BLOCK = {"p", "li", "h2", "h3", "h4", "td", "th", "summary", "dd", "dt"}

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, bool]] = []
        self.warning_blocks: list[str] = []
        self._stack: list[tuple[str, bool]] = []
        self._in_main = self._in_script = False
        self._text = ""
        self.feed(html)

    @property
    def _in_warning(self) -> bool:
        return any(is_warning for _, is_warning in self._stack)

    def _flush(self):
        if self._text.strip():
            self.blocks.append((" ".join(self._text.split()), self._in_warning))
        self._text = ""

    def handle_starttag(self, tag, attrs):
        if tag == "main":
            self._in_main = True
        if tag == "script":
            self._in_script = True
        if tag in self.BLOCK:
            self._flush()
        if tag in ("br", "img", "input", "meta", "link", "hr"):
            return
        classes = (dict(attrs).get("class") or "").split()
        self._stack.append((tag, "warning-signs" in classes))
        if "warning-signs" in classes:
            self.warning_blocks.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False
        if tag in self.BLOCK:
            self._flush()
        while self._stack:
            popped, _ = self._stack.pop()
            if popped == tag:
                break
        if tag == "main":
            self._flush()
            self._in_main = False

    def handle_data(self, data):
        if not self._in_main or self._in_script:
            return
        self._text += data
        if self._in_warning:
            self.warning_blocks[-1] += data


def paragraphs(text: str) -> list[str]:
    """A plain-text email cut into its paragraphs (blank-line separated)."""
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]


def public_html(client: Client) -> dict[str, str]:
    pages = {}
    for path in PUBLIC_PAGES:
        response = client.get(path)
        assert response.status_code == 200, path
        pages[path] = response.content.decode()
    return pages


@pytest.fixture
def patient_emails(db):
    """The receipt and the booking email, as a patient gets them."""
    request = AppointmentRequestFactory(
        procedure=Procedure.objects.get(slug="hsg"), cycle_length=24, may_be_pregnant="not_sure"
    )
    receipt = emails.patient_receipt(request)
    request.status = request.Status.SCHEDULED
    request.scheduled_at = dt.datetime(2027, 3, 8, 14, 0, tzinfo=dt.UTC)
    request.save()
    booking = emails.scheduled_email(request)
    assert request.email in receipt.to and request.email in booking.to
    return [receipt.body, booking.body]


# --- No promise that an early pregnancy "cannot be exposed" ---------------------------


def test_no_page_says_an_early_pregnancy_cannot_be_exposed(db, client):
    for path, html in public_html(client).items():
        assert not NEVER.search(html), path


def test_no_template_email_or_text_says_it_either(patient_emails):
    for source in TEMPLATES.rglob("*.*"):
        assert not NEVER.search(source.read_text()), source
    for body in patient_emails:
        assert not NEVER.search(body)
    for body in default_texts.DEFAULT_TEMPLATES.values():
        assert not NEVER.search(body)


# --- Warning signs: one list, and every block says 911 and the emergency room -----------


def test_every_warning_signs_block_on_the_site_names_911_and_the_emergency_room(db, client):
    found = 0
    for path, html in public_html(client).items():
        page = Blocks(html)
        for block in page.warning_blocks:
            found += 1
            assert "911" in block and "emergency room" in block, path
            for sign in WARNING_SIGNS:
                assert sign in block, (path, sign)
        for text, in_block in page.blocks:
            if WARNING_WORDS.search(text):
                assert in_block, f"{path}: a warning sign outside the block: {text!r}"
    # After-care of the three bookable exams, the FAQ and the contact page.
    assert found >= 5


def test_every_warning_sign_in_an_email_is_in_a_paragraph_that_names_911(patient_emails):
    booking = patient_emails[1]
    assert all(sign in booking for sign in WARNING_SIGNS)
    for body in patient_emails:
        for paragraph in paragraphs(body):
            if WARNING_WORDS.search(paragraph):
                assert "911" in paragraph and "emergency room" in paragraph, paragraph


# --- Pain relievers: if it is safe for you, follow the label ----------------------------


def test_every_advice_to_take_a_pain_reliever_says_if_it_is_safe_for_you(db, client):
    advised = 0
    for path, html in public_html(client).items():
        blocks = [text for text, _ in Blocks(html).blocks]
        for text in blocks:
            if TAKE_PAIN_RELIEVER.search(text) and not text.endswith("?"):
                advised += 1
                assert "if it is safe for you" in text.lower(), f"{path}: {text!r}"
        if any(re.search(r"\btake\b[^.]*ibuprofen", t, re.I) for t in blocks):
            assert "Skip ibuprofen if you are allergic to it" in html, path
    assert advised >= 5


def test_the_emails_say_it_too(patient_emails):
    for body in patient_emails:
        for line in body.splitlines():
            if TAKE_PAIN_RELIEVER.search(line):
                assert "if it is safe for you" in line.lower(), line
                assert "follow the label" in line.lower(), line


# --- Texts on a lock screen -------------------------------------------------------------


def test_no_text_body_names_a_symptom_or_a_hinting_item(db):
    practice = Practice.objects.current()
    practice.after_hours_phone = "(212) 555-0100"
    practice.save()
    request = AppointmentRequestFactory(scheduled_at=dt.datetime(2027, 3, 8, 14, 0, tzinfo=dt.UTC))
    kinds = set(default_texts.DEFAULT_TEMPLATES) | set(
        MessageTemplate.objects.values_list("kind", flat=True)
    )
    assert {"reply_closed", "reply_message"} <= kinds
    for kind in kinds:
        text = request_text(kind, request)
        assert bodies.SYMPTOM_WORDS.search(text) is None, (kind, text)
        assert bodies.FORBIDDEN_WORDS.search(text) is None, (kind, text)
        for word in ["pad", "bleeding", "cramps", "pain reliever", "fever"]:
            assert word not in text.lower(), (kind, text)

import pytest
from django.core.exceptions import ValidationError

from appointments.outbox import outbox_on_completed, outbox_on_scheduled, request_text
from texting import bodies, default_texts
from texting.models import MessageTemplate, OutboundMessage
from texting.tests.conftest import ny
from texting.tests.factories import make_request, make_scheduled

ALL_KINDS = sorted(default_texts.DEFAULT_TEMPLATES)
PATIENT_KINDS = ["received", "scheduled", "reminder", "follow_up"]


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_every_default_template_fits_two_segments_with_long_values(kind):
    text = bodies.render(default_texts.DEFAULT_TEMPLATES[kind], bodies.LONGEST_VALUES)
    assert bodies.is_gsm7(text), bodies.non_gsm7_characters(text)
    assert bodies.segment_count(text) <= 2
    assert len(text) <= 306


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_every_default_template_names_the_practice_and_passes_its_own_checks(kind):
    template = default_texts.DEFAULT_TEMPLATES[kind]
    assert "{practice}" in template
    assert bodies.template_errors(template, needs_opt_out=kind in bodies.OPT_OUT_KINDS) == []


@pytest.mark.parametrize("kind", PATIENT_KINDS + ["reply_help", "reply_start"])
def test_texts_to_patients_end_with_the_opt_out_line(kind):
    assert default_texts.DEFAULT_TEMPLATES[kind].endswith("Reply STOP to opt out.")


def test_the_migration_loads_every_default_template(db):
    assert dict(MessageTemplate.objects.values_list("kind", "body")) == default_texts.DEFAULT_TEMPLATES


def test_segment_counts_follow_the_gsm_and_unicode_limits():
    assert bodies.segment_count("a" * 160) == 1
    assert bodies.segment_count("a" * 161) == 2
    assert bodies.segment_count("a" * 306) == 2
    assert bodies.segment_count("a" * 307) == 3
    # The extension characters take two septets each.
    assert bodies.segment_count("[" * 80) == 1
    assert bodies.segment_count("[" * 81) == 2
    # One curly quote turns the whole text into UCS-2: 70 per single segment.
    assert bodies.segment_count("\u2019" + "a" * 69) == 1
    assert bodies.segment_count("\u2019" + "a" * 70) == 2


def test_the_scheduled_text_gives_the_day_time_address_and_points_to_the_email(db):
    request = make_scheduled(ny(2026, 6, 16, 9, 30), first_name="Dana")
    text = request_text("scheduled", request)
    assert text.startswith("Interventional Radiology, P.C.: Hi Dana,")
    assert "Tuesday, June 16 at 9:30 AM" in text
    assert "200 West 57th Street, Suite 407, New York, NY 10019" in text
    # What to take and bring is in the email: a lock screen shows no hint of the visit.
    assert "How to get ready is in the email we sent you" in text
    assert bodies.SYMPTOM_WORDS.search(text) is None


def test_the_reminder_says_what_to_bring_without_hints_and_asks_to_confirm(db):
    text = request_text("reminder", make_scheduled(ny(2026, 6, 16, 14, 0)))
    for words in ["photo ID", "insurance card", "in our email", "Reply C to confirm", "2:00 PM"]:
        assert words in text
    for hint in ["pad", "pain reliever", "fasting"]:
        assert hint not in text


def test_the_follow_up_asks_how_the_patient_feels_and_invites_a_reply(db):
    text = request_text("follow_up", make_request())
    assert "how are you feeling" in text
    assert "Reply here" in text


def test_texts_never_name_the_procedure_or_carry_birth_date_or_insurance(db):
    request = make_scheduled(ny(2026, 6, 16, 9, 30))
    request.completed_at = ny(2026, 6, 16, 10, 0)
    outbox_on_scheduled(request=request)
    request.status = request.Status.COMPLETED
    outbox_on_completed(request=request)
    texts = list(OutboundMessage.objects.texts().values_list("body", flat=True))
    assert len(texts) == 3
    for text in texts:
        assert request.procedure.name not in text
        assert request.procedure.short_name not in text
        assert "1990" not in text
        assert bodies.FORBIDDEN_WORDS.search(text) is None


def test_a_very_long_first_name_is_cut_so_the_text_stays_in_two_segments(db):
    request = make_scheduled(ny(2026, 9, 30, 10, 45), first_name="Bartholomew-Alexandrina " * 4)
    text = request_text("scheduled", request)
    assert bodies.segment_count(text) <= 2


@pytest.mark.parametrize(
    "body, message",
    [
        ("{practice}: hi {nickname}. Reply STOP to opt out.", "Unknown placeholder: {nickname}"),
        ("{practice}: it\u2019s time. Reply STOP to opt out.", "plain keyboard characters"),
        ("{practice}: see you. Reply STOP to opt out. \U0001f600", "plain keyboard characters"),
        ("{practice}: your HSG is soon. Reply STOP to opt out.", 'remove "HSG"'),
        ("{practice}: bring your insurance plan. Reply STOP to opt out.", "remove"),
        ("{practice}: hello there.", 'End the text with "Reply STOP to opt out."'),
        ("Hello {first_name}. Reply STOP to opt out.", "include {practice}"),
        ("{practice}: {date:%d}. Reply STOP to opt out.", "cannot have formats"),
        ("{practice}: {first_name. Reply STOP to opt out.", "is not closed"),
        ("{practice}: " + "word " * 60 + "Reply STOP to opt out.", "Too long: 3 SMS segments"),
    ],
)
def test_a_template_edit_is_refused_with_a_clear_reason(db, body, message):
    template = MessageTemplate.objects.get(kind="received")
    template.body = body
    with pytest.raises(ValidationError) as error:
        template.full_clean()
    assert any(message in text for text in error.value.message_dict["body"])


def test_a_reply_template_may_leave_out_the_opt_out_line(db):
    template = MessageTemplate.objects.get(kind="reply_urgent")
    template.body = "{practice}: please call us at {phone}. {closed_help}"
    template.full_clean()


def test_an_edited_template_is_used_for_new_texts(db):
    MessageTemplate.objects.filter(kind="received").update(
        body="{practice}: thanks {first_name}! Reply STOP to opt out."
    )
    text = request_text("received", make_request(first_name="Ann"))
    assert text == "Interventional Radiology, P.C.: thanks Ann! Reply STOP to opt out."

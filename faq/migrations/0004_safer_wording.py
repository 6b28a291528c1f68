"""Safer wording in the FAQ (a medical editor's review).

- The cycle window lowers the chance that an early pregnancy is exposed; a new
  question says what to do if you might be pregnant.
- Pain relievers: only if safe for you, follow the label, skip ibuprofen when needed.
- "When should I call you?" shows the site's one warning-signs list (clinic/safety.py).
- No claim the practice never made ("self-pay" prices); texting through the number
  in the practice profile, which the site shows itself.

Each change replaces the old sentence where it still stands, so staff edits elsewhere
are kept; a fresh database ends with the same text.
"""

from django.db import migrations
from django.db.models import F

PHONE = "(212) 246-2063"
IF_SAFE = "if it is safe for you"

ANSWERS = {
    "when-should-i-schedule-my-hsg": [
        (
            "Call us or text us through the Klara app on day 1 of your period.",
            "Call us on day 1 of your period.",
        ),
    ],
    "why-days-5-to-12": [
        (
            "Testing before then means an early pregnancy cannot be exposed to the test.",
            "Testing before then lowers the chance that an early pregnancy is exposed to the "
            "test. It cannot rule it out, so tell us if you might be pregnant.",
        ),
    ],
    "what-if-my-cycle-is-irregular": [
        (
            "We will work out the timing with you.",
            "We will work out the timing with you. If your usual cycle is shorter than 26 "
            "days, tell us too. We will confirm the day of your exam with you.",
        ),
    ],
    "do-i-need-to-fast": [
        (
            f"Questions? Call us at {PHONE} or text us through the Klara app.",
            f"Questions? Call us at {PHONE}.",
        ),
    ],
    "should-i-take-a-pain-reliever-before": [
        (
            "Yes, it helps. Take Tylenol (acetaminophen) or ibuprofen 30 to 60 minutes "
            "before your exam.",
            "It can help. If it is safe for you, take Tylenol (acetaminophen) or ibuprofen "
            "30 to 60 minutes before your exam. Follow the label. Skip ibuprofen if you are "
            "allergic to it or a doctor told you to avoid it.",
        ),
    ],
    "how-can-i-be-more-comfortable": [
        (
            "- Take ibuprofen or acetaminophen 30 to 60 minutes before.\n",
            f"- Take ibuprofen or acetaminophen 30 to 60 minutes before, {IF_SAFE}. Follow "
            "the label.\n",
        ),
    ],
    "what-should-i-expect-after-the-hsg": [
        (
            "These are normal and usually pass quickly.",
            "These are normal and usually pass quickly. Some signs are not normal: see "
            "[when to call us](/faq/#when-should-i-call-after-my-exam).",
        ),
    ],
    "how-do-i-take-care-of-myself-after": [
        (
            "- Take an over-the-counter pain reliever if you have cramps.\n",
            "- If you have cramps, you can take an over-the-counter pain reliever, "
            f"{IF_SAFE}. Follow the label.\n",
        ),
    ],
    "when-should-i-call-after-my-exam": [
        (
            "Heavy bleeding, severe pain and fever are not normal. Chills can also be a "
            f"sign of infection. If you have any of these, call us at once at {PHONE}. In "
            "an emergency, call 911.",
            "Some signs are not normal after an exam. Here they are, with what to do when "
            "our office is closed.",
        ),
    ],
    "what-if-i-am-allergic-to-contrast": [
        (
            "We also keep medicines and equipment ready to treat a reaction.",
            "We also keep medicines and equipment ready to treat a reaction. Lipiodol "
            "contains iodine too, so tell us before a Lipiodol flush HSG as well.",
        ),
    ],
    "how-can-i-reach-you": [("\n- Text us through the Klara app.", "")],
    "how-do-i-book-an-appointment": [
        (
            "On day 1 of your period, call us or text us through the Klara app.",
            "On day 1 of your period, call us.",
        ),
    ],
}

PREGNANCY = {
    "slug": "what-if-i-might-be-pregnant",
    "question": "What if I might be pregnant?",
    "answer": (
        "Tell us, and please call us before you book your exam. We do the HSG before you "
        "ovulate. This lowers the chance that an early pregnancy is exposed to the test. "
        "But the timing cannot rule it out. The form also asks you about it."
    ),
}


def load(apps, schema_editor):
    Question = apps.get_model("faq", "Question")
    Category = apps.get_model("faq", "Category")
    Procedure = apps.get_model("procedures", "Procedure")
    for slug, pairs in ANSWERS.items():
        question = Question.objects.filter(slug=slug).first()
        if question is None:
            continue
        for old, new in pairs:
            question.answer = question.answer.replace(old, new)
        if slug == "when-should-i-call-after-my-exam":
            question.shows_warning_signs = True
        question.save()
    # "Can I pay for the HSG myself?" called the CPT prices self-pay prices, which the
    # practice's old site never said: hidden until the practice confirms it.
    Question.objects.filter(slug="can-i-pay-for-the-hsg-myself").update(published=False)
    preparing = Category.objects.filter(slug="preparing").first()
    if preparing and not Question.objects.filter(slug=PREGNANCY["slug"]).exists():
        after = Question.objects.filter(slug="why-days-5-to-12").first()
        order = after.order + 1 if after else 0
        Question.objects.filter(category=preparing, order__gte=order).update(order=F("order") + 1)
        Question.objects.create(
            category=preparing,
            order=order,
            procedure=Procedure.objects.filter(slug="hsg").first(),
            **PREGNANCY,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("faq", "0003_question_shows_warning_signs"),
        ("procedures", "0002_content"),
    ]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]

"""Safer wording on the procedure pages (a medical editor's review).

- The cycle window lowers the chance that an early pregnancy is exposed; it never
  rules it out. Preparation asks patients to tell us if they might be pregnant.
- Pain relievers: only if safe for you, follow the label, skip ibuprofen when allergic
  or told to avoid it.
- The warning signs are no longer written into each page: the site shows its one list
  (clinic/safety.py) under the after-care, with what to do when the office is closed.
- FTR and Lipiodol after-care are no longer the HSG's copied over: the practice's old
  site says nothing about them, so they say less (docs/practice-to-confirm.md).
- Lipiodol contains iodine: a contrast allergy matters there too.
- Texting goes through the number in the practice profile, shown by the site itself.

Each change replaces the old sentence where it still stands, so staff edits elsewhere
in a field are kept; a fresh database ends with the same text.
"""

from django.db import migrations

PHONE = "(212) 246-2063"
KLARA = " or text us through the Klara app"
IF_SAFE = "if it is safe for you"

WHEN_TO_CALL = (
    "\n### When to call us\n\n"
    "Heavy bleeding, severe pain and fever are not normal. If you have any of them, call us "
    f"at once at {PHONE}. In an emergency, call 911.\n"
)

BEFORE = [
    (
        "- Take Tylenol (acetaminophen) or ibuprofen 30 to 60 minutes before your exam. "
        "It helps with cramps.\n",
        "- Take Tylenol (acetaminophen) or ibuprofen 30 to 60 minutes before your exam, "
        f"{IF_SAFE}. Follow the label. It helps with cramps. Skip ibuprofen if you are "
        "allergic to it or a doctor told you to avoid it.\n",
    ),
    (
        "- Tell us before the exam if you have ever reacted to contrast.",
        "- Tell us if you might be pregnant. Please call us before your exam.\n"
        "- Tell us before the exam if you have ever reacted to contrast.",
    ),
    (f"Questions? Call us at {PHONE}{KLARA}.", f"Questions? Call us at {PHONE}."),
]

HSG_AFTER = [
    (
        "- Cramps may come back about 3 to 4 hours later. You can take more of your pain "
        "reliever.\n",
        "- Cramps may come back about 3 to 4 hours later. You can take more of your pain "
        f"reliever, {IF_SAFE}. Follow the label.\n",
    ),
    (WHEN_TO_CALL, ""),
]

# The practice's old site gives no after-care for these two: say less, and ask.
FTR_AFTER = f"""\
- Before you leave, ask the doctor what to expect in the next few days. Ask when you can go back to your usual activities.
- We will text you afterwards to see how you feel. You can reply with any questions.
- If you have a question once you are home, call us at {PHONE}.
"""
LIPIODOL_AFTER = f"""\
- A Lipiodol flush HSG is not the same as a standard HSG. Before you leave, ask the doctor what to expect after the Lipiodol. Ask when you can go back to your usual activities.
- We will text you afterwards to see how you feel. You can reply with any questions.
- If you have a question once you are home, call us at {PHONE}.
"""

PAIN_BEFORE = "you can take a pain reliever before the exam."
PAIN_BEFORE_SAFE = f"you can take a pain reliever before the exam, {IF_SAFE}."

BODY = {
    "hsg": [
        (
            "- You have not ovulated yet. So an early pregnancy cannot be exposed to the test.",
            "- You have not ovulated yet. This lowers the chance that an early pregnancy is "
            "exposed to the test. It cannot rule it out. If you might be pregnant, tell us "
            "before your exam.",
        ),
        (
            f"To book, call us at {PHONE}{KLARA} on day 1 of your period.",
            f"To book, call us at {PHONE} on day 1 of your period.",
        ),
        (PAIN_BEFORE, PAIN_BEFORE_SAFE),
    ],
    "lipiodol-flush-hsg": [
        (PAIN_BEFORE, PAIN_BEFORE_SAFE),
        (
            "The risks of the HSG part are on the [HSG page](/procedures/hsg/).\n",
            "The risks of the HSG part are on the [HSG page](/procedures/hsg/).\n\n"
            "Lipiodol contains iodine, like the usual X-ray contrast. So if you have ever "
            "reacted to contrast, tell us before your exam. It matters for the Lipiodol too.\n",
        ),
        (f"You can also call us at {PHONE}{KLARA}.", f"You can also call us at {PHONE}."),
    ],
    "fallopian-tube-recanalization": [
        ("To help, you can take a pain reliever before the exam.", f"To help, {PAIN_BEFORE_SAFE}"),
        (
            "The doctor talks with you about what was found right after the procedure. You get "
            "a written report. We also fax it to the doctor who sent you.",
            "Ask the doctor how and when you will hear what was found.",
        ),
    ],
    "pro-nox": [
        (
            "- **A pain reliever.** Take ibuprofen or acetaminophen 30 to 60 minutes before "
            "your procedure.",
            "- **A pain reliever.** Take ibuprofen or acetaminophen 30 to 60 minutes before "
            f"your procedure, {IF_SAFE}. Follow the label. Skip ibuprofen if you are allergic "
            "to it or a doctor told you to avoid it.",
        ),
        (
            "Many also take ibuprofen or acetaminophen before.",
            f"Many also take ibuprofen or acetaminophen before, {IF_SAFE}.",
        ),
        (f"Call us at {PHONE}{KLARA}.", f"Call us at {PHONE}."),
    ],
}

META = {
    "lipiodol-flush-hsg": (
        "Who can have it, what happens, and the $1,700 self-pay cost.",
        "Who can have it, what happens, and its $1,700 cost.",
    ),
}

# Lipiodol's before-care starts as the HSG's, so the same fixes apply to all three.
FTR_OR_LIPIODOL = {"fallopian-tube-recanalization": FTR_AFTER, "lipiodol-flush-hsg": LIPIODOL_AFTER}


def _replace(text: str, pairs) -> str:
    for old, new in pairs:
        text = text.replace(old, new)
    return text


def load(apps, schema_editor):
    Procedure = apps.get_model("procedures", "Procedure")
    for proc in Procedure.objects.all():
        original = (proc.body, proc.preparation_before, proc.preparation_after)
        hsg_after = proc.preparation_after
        proc.body = _replace(proc.body, BODY.get(proc.slug, []))
        proc.preparation_before = _replace(proc.preparation_before, BEFORE)
        proc.preparation_after = _replace(proc.preparation_after, HSG_AFTER)
        if proc.slug in FTR_OR_LIPIODOL and WHEN_TO_CALL in hsg_after:
            # Still the HSG's after-care as 0002 copied it: replace it whole.
            proc.preparation_after = FTR_OR_LIPIODOL[proc.slug]
        if proc.slug in META:
            proc.meta_description = proc.meta_description.replace(*META[proc.slug])
        if (proc.body, proc.preparation_before, proc.preparation_after) != original or (
            proc.slug in META
        ):
            proc.save()


class Migration(migrations.Migration):
    dependencies = [("procedures", "0002_content")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]

"""Safer wording on the site pages (a medical editor's review).

- The cycle window lowers the chance that an early pregnancy is exposed; it never
  rules it out. A cycle shorter than 26 days: the office confirms the day.
- Warning signs and "anything urgent" are no longer written into the pages: the site
  shows its one list (clinic/safety.py) with what to do when the office is closed.
- No claim the practice never made: no "self-pay" label on the CPT prices, no "we
  check coverage". Texting goes through the practice profile's number (or its note).

Each change replaces the old sentence where it still stands, so staff edits elsewhere
in a page are kept; a fresh database ends with the same text.
"""

from django.db import migrations

PHONE = "(212) 246-2063"
EMAIL = "info@hsgexam.com"
KLARA = " or text us through the Klara app"

PAGES = {
    "home": {
        "body": [
            (
                f"1. On day 1 of your period, call us at {PHONE}{KLARA}.",
                f"1. On day 1 of your period, call us at {PHONE}.",
            ),
        ],
    },
    "insurance": {
        "body": [
            (
                "## Paying for it yourself\n\n"
                "You can also pay for the HSG yourself. This is called self-pay. The price "
                "for each code is shown on this page.\n",
                "## Our prices\n\n"
                "The price for each code is shown on this page. What you pay depends on your "
                "plan. To find out, call your insurance company or call us.\n",
            ),
            (
                f"Call us at {PHONE}{KLARA}. We are glad to help.",
                f"Call us at {PHONE}. We are glad to help.",
            ),
        ],
        "intro": [
            (
                "The plans we accept and our self-pay prices are listed on this page.",
                "The plans we accept and our prices are listed on this page.",
            ),
        ],
        "meta_description": [
            ("mean, self-pay prices for an HSG,", "mean, our prices for an HSG,"),
        ],
    },
    "contact": {
        "body": [
            (
                "## Text us\n\n"
                "You can text us through the Klara app. Klara is the texting app we use to "
                "talk with patients.\n\n",
                "",
            ),
            (
                "## If you feel unwell after your exam\n\n"
                "Heavy bleeding, severe pain and fever are not normal after an exam. If you "
                f"have any of them, call us at once at {PHONE}. In an emergency, call 911.\n\n",
                "",
            ),
            (
                "Or call or text us on day 1 of your period.",
                "Or call us on day 1 of your period.",
            ),
        ],
        "meta_description": [
            (
                f"Call {PHONE}, email {EMAIL} or text us through the Klara app. What to do "
                "about heavy bleeding, severe pain or fever after your exam.",
                f"Call {PHONE}, email {EMAIL} or text us. What to do about warning signs "
                "after your exam, such as fever or heavy bleeding.",
            ),
        ],
    },
    "privacy": {
        "body": [
            (
                "so we can check coverage and send your report.",
                "so we know how your exam is paid for and can send your report.",
            ),
            (
                "- Whether you are allergic to contrast, have had a pelvic infection, or want "
                "Lipiodol, so we can prepare for a safe exam.",
                "- Whether you could be pregnant, are allergic to contrast, have had a pelvic "
                "infection, or want Lipiodol, so we can prepare for a safe exam.",
            ),
        ],
    },
    "appointments": {
        "body": [
            (
                "So an early pregnancy cannot be exposed to the test.",
                "This lowers the chance that an early pregnancy is exposed to the test. It "
                "cannot rule it out. If you might be pregnant, please call us before you book.",
            ),
            (
                "- If those days have passed or are too close, call or text us on day 1 of your "
                "next period.\n",
                "- If those days have passed or are too close, call us on day 1 of your next "
                "period.\n",
            ),
            (
                "We will work out the timing with you.\n",
                "We will work out the timing with you.\n"
                "- If your usual cycle is shorter than 26 days, we will confirm the day with you.\n",
            ),
            (f"\nAnything urgent? Please do not use this form. Call us at {PHONE}.\n", ""),
        ],
    },
}


def load(apps, schema_editor):
    Page = apps.get_model("clinic", "Page")
    for slug, fields in PAGES.items():
        page = Page.objects.filter(slug=slug).first()
        if page is None:
            continue
        for field, pairs in fields.items():
            value = getattr(page, field)
            for old, new in pairs:
                value = value.replace(old, new)
            setattr(page, field, value)
        page.save()


class Migration(migrations.Migration):
    dependencies = [("clinic", "0003_texting_and_after_hours_phones")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]

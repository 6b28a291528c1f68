"""Load the practice's facts and the words of its site pages.

Facts (address, hours, plans, prices, papers) come from the practice's old site
(../shared/seed/) exactly; every sentence is rewritten in plain language (US grade 8
or below). Frozen here on purpose: staff edit the content in the admin afterwards.
"""

import datetime
from decimal import Decimal

from django.db import migrations

PHONE = "(212) 246-2063"
EMAIL = "info@hsgexam.com"

PRACTICE = {
    "name": "Interventional Radiology, P.C.",
    "short_name": "Interventional Radiology",
    "phone": PHONE,
    "phone_e164": "+12122462063",
    "email": EMAIL,
    "street_address": "200 West 57th Street",
    "suite": "Suite 407",
    "city": "New York",
    "region": "NY",
    "postal_code": "10019",
    "texting_note": "You can also text us through the Klara app.",
    "window_start_day": 5,
    "window_end_day": 12,
}

# The seed gives the hours (9:00 am to 5:00 pm, closed on major holidays) but not the
# weekdays: Monday to Friday by default, editable in the admin.
WEEKDAYS = [0, 1, 2, 3, 4]
OPENS, CLOSES = datetime.time(9, 0), datetime.time(17, 0)

# In the order the practice lists them.
PLANS = [
    ("Aetna", ""),
    ("Anthem", ""),
    ("Blue Cross Blue Shield", ""),
    ("Cigna", ""),
    ("EmblemHealth GHI", ""),
    ("Empire Plan", ""),
    ("HIP", ""),
    ("Oxford", "excluding Community Plan"),
    ("Progyny", ""),
    ("Stork Club", ""),
    ("UMR", ""),
    ("UnitedHealthcare", ""),
    ("1199", ""),
]

PRICES = [
    {
        "code": "58340",
        "label": "Catheter placement and contrast injection",
        "amount": Decimal("360"),
        "procedure": "hsg",
        "note": "Billed together with CPT 74740: an HSG always uses both codes.",
        "order": 1,
    },
    {
        "code": "74740",
        "label": "The radiologist's supervision and reading of the images",
        "amount": Decimal("220"),
        "procedure": "hsg",
        "note": "Billed together with CPT 58340: an HSG always uses both codes.",
        "order": 2,
    },
    {
        "code": "",
        "label": "Lipiodol (oil-based contrast), one 10-mL vial of Guerbet Lipiodol",
        "amount": Decimal("1700"),
        "procedure": "lipiodol-flush-hsg",
        "note": "US insurance companies do not cover Lipiodol. You pay for it yourself.",
        "order": 3,
    },
]

# As the seed cites them. The fifth paper's page range is cut off in the seed
# ("15-o"): only the first page, 15, is certain.
PUBLICATIONS = [
    {
        "title": "Hysterosalpingography versus sonohysterography for intrauterine abnormalities",
        "authors": "Acholonu UC, Silberzweig J, Stein DE, Keltz M",
        "journal": "JSLS",
        "year": 2011,
        "volume": "15",
        "pages": "471-4",
    },
    {
        "title": "Hysterosalpingography with selective salpingography",
        "authors": "Vardhana PA, Silberzweig JE, Guarnaccia M, Sauer MV",
        "journal": "J Reprod Med",
        "year": 2009,
        "volume": "54",
        "pages": "126-32",
    },
    {
        "title": "Hysterosalpingography with use of mobile C-arm fluoroscopy",
        "authors": "Phillips J, Cochavi S, Silberzweig JE",
        "journal": "Fertil Steril",
        "year": 2010,
        "volume": "93",
        "pages": "2065-8",
    },
    {
        "title": "Cesarean section scar diverticulum: appearance on hysterosalpingography",
        "authors": "Surapaneni K, Silberzweig JE",
        "journal": "AJR Am J Roentgenol",
        "year": 2008,
        "volume": "190",
        "pages": "870-4",
    },
    {
        "title": "Gadolinium for hysterosalpingography",
        "authors": "Silberzweig JE, Khorsandi AS, Caldon M, Alam S",
        "journal": "J Reprod Med",
        "year": 2008,
        "volume": "53",
        "pages": "15",
    },
]

HOME_BODY = f"""\
## Why patients choose us

- **Experience.** Dr. Silberzweig has performed over 40,000 HSG exams.
- **Results right away.** The doctor talks with you about your results right after the exam. You leave with a written report.
- **Low X-ray dose.** We use the lowest dose that gives clear pictures.
- **Comfort.** You can breathe in [Pro-Nox](/procedures/pro-nox/), a gas that eases pain and worry. You control it yourself.

## How booking works

An HSG is done on days 5 to 12 of your cycle. Day 1 is the first day of bleeding of your period. This is after your bleeding stops and before you ovulate (release an egg).

1. On day 1 of your period, call us at {PHONE} or text us through the Klara app.
2. Or [send us a request online](/appointments/request/). The form shows which days fit your cycle.
3. We set a day and time with you and tell you how to get ready.
"""

ABOUT_BODY = """\
## Dr. Silberzweig

Dr. Silberzweig has performed over 40,000 HSG exams. An HSG is an X-ray test of the uterus (womb) and the fallopian tubes. This experience helps us keep your exam quick and as comfortable as we can.

Dr. Silberzweig has also done research on the HSG. It looks at ways to lower the X-ray dose and to make the exam more comfortable. The papers are listed on this page. They cover:

- How the HSG compares with an ultrasound test of the uterus.
- Using the HSG together with FTR, our way to open a blocked tube.
- Doing the HSG with a mobile X-ray machine.
- What a scar from a C-section can look like on an HSG.
- Gadolinium, a contrast for people who may be allergic to the usual one. Contrast is a liquid that shows up on X-rays.

## Radiation safety

X-rays are a kind of radiation. The HSG uses a small amount. We work to keep your dose as low as we can:

- We use the lowest amount of radiation that still gives clear pictures.
- We keep the X-ray time as short as possible.

## Our care

We know that fertility tests can feel stressful. Our goal is expert, kind care. We want your visit to be as smooth and comfortable as it can be. If you have questions, just ask.
"""

LOCATION_BODY = f"""\
## Getting here

Use the map link on this page to plan your trip. If you need help finding us, call us at {PHONE}.

## Who can come into the exam room

Friends and family are welcome to come with you to our office. During the exam, they wait in our waiting area.

Only the medical staff needed for your exam can be in the fluoroscopy room. Fluoroscopy is a live X-ray video. The fluoroscopy room is where your exam takes place. We keep this rule for three reasons:

- It keeps the room clean and under control.
- It protects your privacy.
- It keeps other people from needless exposure to X-rays.

We know a medical test can bring up strong feelings. Having someone you love nearby helps. They will be close by during your exam.

## Before you come

Bring your insurance card, a photo ID and any referral forms. See how to get ready on the [HSG page](/procedures/hsg/).
"""

INSURANCE_BODY = f"""\
## Will my plan pay for the HSG?

It depends on your plan and on its fertility benefits. Some plans cover the HSG as a test to look into fertility problems. Others do not cover it at all. What you pay can also depend on:

- Your deductible. This is the amount you pay each year before your plan starts to pay.
- Your copay. This is a set fee you pay for a visit or a test.
- The reason you need the test.

The best way to know is to call your insurance company. You can also read your plan papers. Your doctor can explain why you need the test. That may help, too.

## What the CPT codes mean

CPT codes are numbers that insurance companies use to name each medical service. An HSG is billed with two codes, always together:

- **58340** is for placing the catheter and putting in the contrast. A catheter is a thin, soft tube. Contrast is a liquid that shows up on X-rays.
- **74740** is for the radiologist watching the exam and reading the images. A radiologist is a doctor who is an expert in medical images.

When you call your insurance company, give them both codes.

## Paying for it yourself

You can also pay for the HSG yourself. This is called self-pay. The price for each code is shown on this page.

## Lipiodol is not covered

US insurance companies do not cover Lipiodol. Lipiodol is the oil-based contrast used in a [Lipiodol flush HSG](/procedures/lipiodol-flush-hsg/). It costs $1,700 for one 10-mL vial of Guerbet Lipiodol. You pay this yourself.

## Questions?

Call us at {PHONE} or text us through the Klara app. We are glad to help.
"""

FAQ_INTRO = f"""\
Here are answers to the questions patients ask us most. If you do not find your answer, email us at {EMAIL} or call us at {PHONE}.
"""

CONTACT_BODY = f"""\
## Call us

Call {PHONE}. Our hours are shown on this page.

## Email us

Write to {EMAIL}.

## Text us

You can text us through the Klara app. Klara is the texting app we use to talk with patients.

## Send us a message

You can also use the form on this page. Please do not use it for anything urgent. Leave out medical details. We can talk about them by phone.

## If you feel unwell after your exam

Heavy bleeding, severe pain and fever are not normal after an exam. If you have any of them, call us at once at {PHONE}. In an emergency, call 911.

## Book an exam

To ask for an appointment, [fill in our request form](/appointments/request/). Or call or text us on day 1 of your period.
"""

PRIVACY_BODY = f"""\
## No tracking

- We do not use cookies to track you.
- We do not use ads, analytics or any other third-party trackers.
- That is why you see no cookie banner.

The site may set one small cookie when you use a form. It keeps the form safe from misuse. It does not track you.

## reCAPTCHA on our forms

Our forms use Google reCAPTCHA. It checks that a person, not a robot, is sending the form. To do this, it sends Google some facts about your browser and how you use the page. Google may also set its own cookie for this check. Google's [Privacy Policy](https://policies.google.com/privacy) and [Terms of Service](https://policies.google.com/terms) apply.

## What our forms collect, and why

**The appointment form** asks for:

- Your name, date of birth, mobile phone and email, so we can reach you and know who you are.
- The first day of your last period and your usual cycle length, so we can find the right days for your exam.
- The days and times you prefer, so we can plan your visit.
- Your insurance plan and your referring doctor, so we can check coverage and send your report.
- Whether you are allergic to contrast, have had a pelvic infection, or want Lipiodol, so we can prepare for a safe exam.
- Any notes you add.

**The contact form** asks for your name, your email, your phone if you wish, and your message. We use them only to answer you.

Only our office staff see what you send. We do not sell your information or use it for ads.

## Text messages

We send you texts only if you agree to them on the form. The texts are about your appointment. They do not name your exam or give health details. A texting company delivers them for us. Reply STOP at any time to stop them. Reply START to get them again. Reply HELP to get our phone number.

## Seeing, fixing or deleting your details

You can ask us what we hold about you. You can also ask us to correct it or delete it. Call us at {PHONE} or email {EMAIL}. We may need to keep some medical records when the law requires it.
"""

APPOINTMENTS_BODY = f"""\
## When your exam can be done

An HSG is done on days 5 to 12 of your cycle. Day 1 is the first day of bleeding of your period. By then your bleeding has stopped, and you have not yet ovulated (released an egg). So an early pregnancy cannot be exposed to the test.

- Enter the first day of your last period. The form then shows your days 5 to 12 as dates.
- It offers only days when we are open.
- If those days have passed or are too close, call or text us on day 1 of your next period.
- If your periods are not regular, or you take birth control, choose that option. We will work out the timing with you.

## What happens after you send the form

1. You see a page with a reference code. Keep it in case you need to reach us.
2. If you agreed to texts, we text you to say we got your request.
3. Our staff contact you to set a day and time. Your exam is booked only then.
4. We tell you how to get ready. If you agreed to texts, we also send a reminder the day before.

Anything urgent? Please do not use this form. Call us at {PHONE}.
"""

PAGES = [
    {
        "slug": "home",
        "title": "HSG exams and fallopian tube care in Manhattan",
        "seo_title": "HSG in Manhattan | Interventional Radiology, P.C.",
        "meta_description": (
            "HSG, Lipiodol flush HSG and fallopian tube recanalization in Manhattan. Over "
            f"40,000 exams done. Results right after your exam. Call {PHONE}."
        ),
        "intro": (
            "An HSG is a quick X-ray test of your uterus (womb) and your fallopian tubes. "
            "It shows whether your tubes are open, which helps your doctor learn why it may "
            "be hard to get pregnant.\n"
        ),
        "body": HOME_BODY,
    },
    {
        "slug": "about",
        "title": "About us",
        "seo_title": "About Dr. Silberzweig | Interventional Radiology, P.C.",
        "meta_description": (
            "Dr. Silberzweig has performed over 40,000 HSG exams and published research on "
            "lowering X-ray dose and improving comfort. How we keep radiation low."
        ),
        "intro": (
            "Interventional Radiology, P.C. is a radiology practice in Manhattan. Radiology "
            "uses medical images, such as X-rays. We do HSG exams, Lipiodol flush HSG and "
            "fallopian tube recanalization.\n"
        ),
        "body": ABOUT_BODY,
    },
    {
        "slug": "location",
        "title": "Location and hours",
        "seo_title": "Location and Hours | Our Manhattan HSG Office",
        "meta_description": (
            "Find us at 200 West 57th Street, Suite 407, New York, NY 10019. Open 9:00 am to "
            "5:00 pm, closed on major holidays. Who can come into the exam room."
        ),
        "intro": (
            "Our office is in Suite 407 at 200 West 57th Street in Manhattan. Here is how to "
            "find us, when we are open, and who can come with you.\n"
        ),
        "body": LOCATION_BODY,
    },
    {
        "slug": "insurance",
        "title": "Insurance and prices",
        "seo_title": "Insurance and Prices for HSG | Interventional Radiology",
        "meta_description": (
            "The insurance plans we accept, what CPT codes 58340 and 74740 mean, self-pay "
            "prices for an HSG, and why Lipiodol is not covered by insurance."
        ),
        "intro": (
            "Whether insurance pays for your HSG depends on your plan. The plans we accept "
            "and our self-pay prices are listed on this page.\n"
        ),
        "body": INSURANCE_BODY,
    },
    {
        "slug": "faq",
        "title": "Questions and answers",
        "seo_title": "HSG Questions and Answers | Interventional Radiology, P.C.",
        "meta_description": (
            "Plain answers about the HSG: when to book, how to prepare, does it hurt, what "
            "it shows, results, cost, Lipiodol, FTR and Pro-Nox, and visiting us."
        ),
        "intro": FAQ_INTRO,
        "body": "",
    },
    {
        "slug": "contact",
        "title": "Contact us",
        "seo_title": "Contact Us | Interventional Radiology, P.C., Manhattan",
        "meta_description": (
            f"Call {PHONE}, email {EMAIL} or text us through the Klara app. What to do "
            "about heavy bleeding, severe pain or fever after your exam."
        ),
        "intro": "Call, email or text us. We are happy to help.\n",
        "body": CONTACT_BODY,
    },
    {
        "slug": "privacy",
        "title": "Privacy",
        "seo_title": "Privacy | Interventional Radiology, P.C.",
        "meta_description": (
            "No tracking cookies and no analytics. What our forms collect and why, how "
            "reCAPTCHA and texts work, and how to ask us to fix or delete your details."
        ),
        "intro": (
            "This page explains what our website collects, why we need it, and what we do "
            "with it. In short: we collect only what we need to care for you.\n"
        ),
        "body": PRIVACY_BODY,
    },
    {
        "slug": "appointments",
        "title": "Request an appointment",
        "seo_title": "Request an HSG Appointment in Manhattan",
        "meta_description": (
            "Ask for an HSG, Lipiodol flush HSG or FTR appointment online. The form shows "
            "the days that fit your cycle, days 5 to 12. We then contact you to book."
        ),
        "intro": (
            "Use this form to ask for an appointment. Sending it does not book a time yet. "
            "Our staff will contact you to set the day and time.\n"
        ),
        "body": APPOINTMENTS_BODY,
    },
]


def load(apps, schema_editor):
    Practice = apps.get_model("clinic", "Practice")
    OpeningHours = apps.get_model("clinic", "OpeningHours")
    InsurancePlan = apps.get_model("clinic", "InsurancePlan")
    Price = apps.get_model("clinic", "Price")
    Publication = apps.get_model("clinic", "Publication")
    Page = apps.get_model("clinic", "Page")
    Procedure = apps.get_model("procedures", "Procedure")

    practice = Practice.objects.order_by("pk").first() or Practice()
    for field, value in PRACTICE.items():
        setattr(practice, field, value)
    practice.save()

    for weekday in WEEKDAYS:
        OpeningHours.objects.update_or_create(
            weekday=weekday, defaults={"opens": OPENS, "closes": CLOSES}
        )
    for order, (name, note) in enumerate(PLANS, start=1):
        InsurancePlan.objects.update_or_create(
            name=name, defaults={"note": note, "order": order, "active": True}
        )
    for price in PRICES:
        values = {k: v for k, v in price.items() if k != "procedure"}
        values["procedure"] = Procedure.objects.filter(slug=price["procedure"]).first()
        Price.objects.update_or_create(code=price["code"], label=price["label"], defaults=values)
    for order, paper in enumerate(PUBLICATIONS, start=1):
        Publication.objects.update_or_create(
            title=paper["title"], defaults={**paper, "order": order}
        )
    for page in PAGES:
        values = {k: v for k, v in page.items() if k != "slug"}
        Page.objects.update_or_create(slug=page["slug"], defaults=values)


def unload(apps, schema_editor):
    apps.get_model("clinic", "Page").objects.filter(slug__in=[p["slug"] for p in PAGES]).delete()
    apps.get_model("clinic", "Publication").objects.filter(
        title__in=[p["title"] for p in PUBLICATIONS]
    ).delete()
    apps.get_model("clinic", "Price").objects.filter(
        label__in=[p["label"] for p in PRICES]
    ).delete()
    apps.get_model("clinic", "InsurancePlan").objects.filter(
        name__in=[name for name, _ in PLANS]
    ).delete()
    apps.get_model("clinic", "OpeningHours").objects.filter(weekday__in=WEEKDAYS).delete()
    # The practice row stays: the site needs it, and its defaults hold the same facts.


class Migration(migrations.Migration):
    dependencies = [
        ("clinic", "0001_initial"),
        ("procedures", "0002_content"),
    ]

    operations = [migrations.RunPython(load, unload)]

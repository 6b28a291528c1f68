"""Load the FAQ: every question the practice's old site answers, grouped by topic.

The facts come from ../shared/seed/; the answers are rewritten in plain language
(US grade 8 or below). A question tied to a procedure also shows on that procedure's
page. Frozen here on purpose: staff edit the FAQ in the admin afterwards.
"""

from django.db import migrations

PHONE = "(212) 246-2063"
EMAIL = "info@hsgexam.com"

CATEGORIES = [
    ("about-the-hsg", "About the HSG"),
    ("preparing", "Preparing for your exam"),
    ("during-and-after", "During and after the exam"),
    ("results-and-fertility", "Results and fertility"),
    ("cost-and-insurance", "Cost and insurance"),
    ("other-procedures", "Lipiodol and other procedures"),
    ("visiting-us", "Visiting us"),
]

HSG, LIPIODOL, FTR, PRONOX = "hsg", "lipiodol-flush-hsg", "fallopian-tube-recanalization", "pro-nox"


def q(slug, question, answer, procedure=None):
    return {"slug": slug, "question": question, "answer": answer, "procedure": procedure}


QUESTIONS = [
    (
        "about-the-hsg",
        [
            q(
                "what-is-an-hsg",
                "What is an HSG?",
                "An HSG (hysterosalpingogram) is an X-ray test of your uterus (womb) and your "
                "fallopian tubes. The tubes carry an egg from your ovaries to your uterus. The "
                "test shows whether your tubes are open. It also shows the shape of the inside "
                "of your uterus. It is sometimes called a utero-tubal evaluation.",
                HSG,
            ),
            q(
                "why-would-i-need-an-hsg",
                "Why would I need an HSG?",
                "Your doctor may ask for an HSG if:\n\n"
                "- You are having trouble getting pregnant. The test can show a blocked tube "
                "or a uterus with an unusual shape.\n"
                "- You have had more than one miscarriage. The test can show a problem with "
                "the shape of the uterus.\n"
                "- You are planning fertility treatment, such as IVF (in vitro fertilization). "
                "In IVF, eggs and sperm are joined in a lab.",
                HSG,
            ),
            q(
                "how-does-an-hsg-work",
                "How does an HSG work?",
                "A liquid called contrast flows through a thin, soft tube into your uterus. "
                "Contrast shows up on X-rays. It fills the uterus and then flows out through "
                "the tubes. The doctor watches it on a live X-ray video, called fluoroscopy. "
                "If the contrast cannot pass through a tube, that tube may be blocked.",
                HSG,
            ),
            q(
                "why-do-the-fallopian-tubes-matter",
                "Why do the fallopian tubes matter?",
                "Each month, one of your ovaries lets go of an egg. This is called ovulation. "
                "The egg meets sperm inside a fallopian tube. The fertilized egg then moves "
                "down the tube to the uterus, where it attaches and grows. A blocked tube can "
                "keep the egg and sperm apart. Problems with the tubes cause 25% to 35% of "
                "female infertility.",
                HSG,
            ),
            q(
                "what-can-an-hsg-show",
                "What can an HSG show?",
                "An HSG shows the inside of your uterus and your tubes. It can show:\n\n"
                "- Whether each tube is open, and where a tube is blocked.\n"
                "- The shape of the inside of your uterus.\n"
                "- Growths that bulge into the inside of the uterus, such as polyps, fibroids "
                "or scar tissue. Polyps are small growths of the lining. Fibroids are growths "
                "of muscle that are not cancer.",
                HSG,
            ),
            q(
                "can-an-hsg-find-fibroids-or-endometriosis",
                "Can an HSG find fibroids, endometriosis or problems with my ovaries?",
                "Only in part. An HSG shows growths that bulge into the inside of the uterus. "
                "But it cannot:\n\n"
                "- Check your ovaries.\n"
                "- Find endometriosis. This is when tissue like the lining of the uterus grows "
                "outside the uterus.\n"
                "- Find fibroids in the wall of the uterus or on its outside.\n\n"
                "Your doctor may use other tests for these.",
                HSG,
            ),
            q(
                "how-much-radiation-does-an-hsg-use",
                "How much radiation does an HSG use?",
                "An HSG uses a small amount of X-rays, a kind of radiation. We use the lowest "
                "amount that still gives clear pictures. We also keep the X-ray time as short "
                "as we can. Dr. Silberzweig has performed over 40,000 HSG exams and has "
                "published research on lowering the dose.",
                HSG,
            ),
            q(
                "are-there-other-tests-instead-of-an-hsg",
                "Are there other tests instead of an HSG?",
                "Some tests give part of the same facts:\n\n"
                "- **Laparoscopy** is surgery. It needs general anesthesia, which means "
                "medicine puts you fully to sleep.\n"
                "- **Hysteroscopy** uses a thin camera to look inside the uterus. It cannot "
                "show if your tubes are blocked.\n"
                "- **Sonohysterography** uses ultrasound (sound waves) to show the inside of "
                "the uterus. It does not give full facts about the tubes.\n\n"
                "Your fertility doctor can help you choose the right test.",
                HSG,
            ),
        ],
    ),
    (
        "preparing",
        [
            q(
                "when-should-i-schedule-my-hsg",
                "When should I schedule my HSG?",
                "Between days 5 and 12 of your cycle. Day 1 is the first day of bleeding of "
                "your period. Call us or text us through the Klara app on day 1 of your "
                f"period. Our phone number is {PHONE}.",
                HSG,
            ),
            q(
                "why-days-5-to-12",
                "Why does the exam have to be on days 5 to 12?",
                "There are two reasons:\n\n"
                "- Your bleeding has stopped. Blood in the uterus can make the pictures less "
                "clear. So we do not do the exam during your period.\n"
                "- You have not ovulated yet. Ovulation is when an ovary lets go of an egg. "
                "Testing before then means an early pregnancy cannot be exposed to the test.",
                HSG,
            ),
            q(
                "what-if-my-cycle-is-irregular",
                "What if my periods are irregular or my health needs are special?",
                "Talk with your doctor about the timing. They may have advice based on your "
                "health history. If your periods are irregular or you take birth control, "
                "tell us when you ask for an appointment. We will work out the timing with "
                "you.",
                HSG,
            ),
            q(
                "do-i-need-to-fast",
                "Do I need to fast before the exam?",
                "No. You can eat and drink as usual. Do follow any other advice from your "
                "doctor. For example, they may ask you to stop some medicines or supplements "
                f"for a while. Questions? Call us at {PHONE} or text us through the Klara app.",
                HSG,
            ),
            q(
                "should-i-take-a-pain-reliever-before",
                "Should I take a pain reliever before the exam?",
                "Yes, it helps. Take Tylenol (acetaminophen) or ibuprofen 30 to 60 minutes "
                "before your exam. It can ease cramps during and after the test.",
                HSG,
            ),
            q(
                "what-should-i-bring",
                "What should I bring to my appointment?",
                "- Your insurance card and a photo ID.\n"
                "- Any referral or authorization forms from your doctor.\n"
                "- Comfortable clothes that are easy to change. You will wear a gown for the "
                "exam.\n"
                "- Sanitary pads. You may have some spotting afterwards.\n"
                "- An over-the-counter pain reliever, such as ibuprofen or acetaminophen.",
                HSG,
            ),
            q(
                "what-if-i-am-allergic-to-contrast",
                "What if I am allergic to contrast?",
                "Contrast is the liquid that shows up on X-rays. A reaction to it is rare, but "
                "it can happen. It is the same contrast used in CT scans. Signs can be mild or "
                "severe: hives, itching, swelling or trouble breathing. If you have reacted "
                "before, tell us before your exam. We can use a different contrast called "
                "gadolinium. We also keep medicines and equipment ready to treat a reaction.",
                HSG,
            ),
            q(
                "do-i-need-antibiotics",
                "Do I need antibiotics before the exam?",
                "Not as a rule. The chance of infection is low. But tell us if you have had a "
                "pelvic infection, which is an infection of the uterus, tubes or ovaries. It "
                "may change the timing or the way we do your exam. Your doctor may also give "
                "you antibiotics before the test.",
                HSG,
            ),
        ],
    ),
    (
        "during-and-after",
        [
            q(
                "what-happens-during-the-hsg",
                "What happens during the HSG?",
                "1. You change into a gown and lie on the exam table, with your feet in "
                "stirrups.\n"
                "2. The doctor places a speculum in your vagina. This is the tool used for a "
                "Pap test. It holds the vaginal walls apart.\n"
                "3. The doctor passes a catheter, a thin soft tube, through your cervix. The "
                "cervix is the opening at the bottom of the uterus.\n"
                "4. Contrast flows in slowly. The doctor watches it on a live X-ray video. You "
                "may be asked to change position.\n"
                "5. The doctor takes out the catheter and speculum.",
                HSG,
            ),
            q(
                "how-long-does-the-hsg-take",
                "How long does the HSG take?",
                "Once the catheter is in place, the test takes under five minutes. A catheter "
                "is a thin, soft tube. Your whole visit takes longer, since you also change "
                "and talk with the doctor.",
                HSG,
            ),
            q(
                "does-an-hsg-hurt",
                "Does an HSG hurt?",
                "Most people handle it well. You may feel cramps when the tube goes in and "
                "the contrast flows. They can feel like period cramps, sharp or dull. Some "
                "people feel one short, strong cramp. Pain is different for each person. If "
                "you are worried, talk with us or your doctor before the exam.",
                HSG,
            ),
            q(
                "how-can-i-be-more-comfortable",
                "How can I be more comfortable during the exam?",
                "- Take ibuprofen or acetaminophen 30 to 60 minutes before.\n"
                "- Use Pro-Nox, a gas you breathe in through a mouthpiece. You control it, "
                "and it works within seconds.\n"
                "- Take slow, deep breaths to ease tension.",
                PRONOX,
            ),
            q(
                "can-someone-come-into-the-exam-room",
                "Can someone come into the exam room with me?",
                "No. Only the medical staff needed for your exam can be in the fluoroscopy "
                "room. That is the room with the live X-ray machine. This keeps the room "
                "clean, protects your privacy and keeps others from needless X-rays. Your "
                "family or friends are welcome in our waiting area.",
            ),
            q(
                "what-should-i-expect-after-the-hsg",
                "What should I expect after the HSG?",
                "- Cramps may come back about 3 to 4 hours later.\n"
                "- You may have spotting for a day or two.\n"
                "- Some contrast may leak out. Wear a pad for the rest of the day. You may "
                "need one for a few days.\n\n"
                "These are normal and usually pass quickly.",
                HSG,
            ),
            q(
                "how-do-i-take-care-of-myself-after",
                "How do I take care of myself after the exam?",
                "- You can go back to your normal activities right away.\n"
                "- Drink plenty of fluids.\n"
                "- Take an over-the-counter pain reliever if you have cramps.\n"
                "- Wear a pad to protect your clothes.",
                HSG,
            ),
            q(
                "can-i-have-sex-after-an-hsg",
                "Can I have sex after an HSG?",
                "Yes. You do not need to avoid sex (intercourse) after the exam. In fact, "
                "getting pregnant may be more likely after an HSG. It depends on the cause of "
                "your infertility.",
                HSG,
            ),
            q(
                "when-should-i-call-after-my-exam",
                "When should I call you after my exam?",
                "Heavy bleeding, severe pain and fever are not normal. Chills can also be a "
                f"sign of infection. If you have any of these, call us at once at {PHONE}. In "
                "an emergency, call 911.",
            ),
            q(
                "will-you-check-on-me-after-the-exam",
                "Will you check on me after the exam?",
                "Yes. We will send you a text to see how you feel. You can reply with any "
                "questions.",
            ),
        ],
    ),
    (
        "results-and-fertility",
        [
            q(
                "when-do-i-get-my-results",
                "When do I get my results?",
                "Right after the exam. The doctor talks with you about what the pictures show. "
                "You also get a written report to keep.",
                HSG,
            ),
            q(
                "will-my-doctor-get-the-report",
                "Will my doctor get the report?",
                "Yes. We fax your report to the doctor who sent you. Your doctor can then talk "
                "with you about next steps.",
                HSG,
            ),
            q(
                "does-an-hsg-raise-my-chances-of-getting-pregnant",
                "Does an HSG raise my chances of getting pregnant?",
                "It may. The HSG is a test, not a treatment. But women with unexplained "
                "infertility seem to get pregnant more often after it. Their pregnancy rates "
                "are believed to be 2 to 3 times higher than those of women who did not have "
                "the test. No one knows exactly why. It may also be chance.",
                HSG,
            ),
            q(
                "can-an-hsg-open-blocked-tubes",
                "Can an HSG open blocked tubes?",
                "Sometimes. The push of the contrast can clear a small blockage, such as "
                'mucus, debris or thin bands of scar tissue. Doctors call this "tubal '
                'flushing." It does not always work. Some blockages need another procedure, '
                "such as fallopian tube recanalization (FTR) or surgery. See "
                "[our FTR page](/procedures/fallopian-tube-recanalization/).",
                HSG,
            ),
        ],
    ),
    (
        "cost-and-insurance",
        [
            q(
                "does-insurance-cover-an-hsg",
                "Does insurance cover an HSG?",
                "It depends on your plan and its fertility benefits. Some plans cover it, and "
                "some do not. What you pay can also depend on your deductible, your copay and "
                "why you need the test. Call your insurance company to find out. See the plans "
                "we accept on our [insurance page](/insurance/).",
            ),
            q(
                "what-are-the-cpt-codes-for-an-hsg",
                "What are the CPT codes for an HSG?",
                "CPT codes are numbers that insurers use to name a service. An HSG uses two "
                "codes. They are billed together:\n\n"
                "- **58340** ($360): placing the catheter (a thin, soft tube) and putting in "
                "the contrast.\n"
                "- **74740** ($220): the radiologist watching the exam and reading the "
                "images. A radiologist is a doctor who is an expert in medical images.",
            ),
            q(
                "can-i-pay-for-the-hsg-myself",
                "Can I pay for the HSG myself?",
                "Yes. This is called self-pay. You pay for both CPT codes: 58340 ($360) and "
                "74740 ($220). The prices are also on our [insurance page](/insurance/).",
            ),
            q(
                "does-insurance-cover-lipiodol",
                "Does insurance cover Lipiodol?",
                "No. US insurance companies do not cover Lipiodol. It costs $1,700 for one "
                "10-mL vial of Guerbet Lipiodol. You pay this yourself.",
                LIPIODOL,
            ),
        ],
    ),
    (
        "other-procedures",
        [
            q(
                "what-is-a-lipiodol-flush-hsg",
                "What is a Lipiodol flush HSG?",
                "It is an HSG that ends with Lipiodol. Lipiodol is an oil-based contrast, a "
                "liquid that shows up on X-rays. A standard HSG uses a water-soluble contrast, "
                "which mixes with water. Lipiodol is thicker and clings better to the walls of "
                "the tubes and uterus.",
                LIPIODOL,
            ),
            q(
                "why-choose-lipiodol",
                "Why would I choose Lipiodol?",
                "Studies have linked Lipiodol with more pregnancies and live births than "
                "water-based contrast. A large study in the New England Journal of Medicine "
                "found fertility benefits from Lipiodol. It may also help clear blockages in "
                "the tubes. These are possible benefits, not promises. Ask your doctor if it "
                "makes sense for you.",
                LIPIODOL,
            ),
            q(
                "can-everyone-have-lipiodol",
                "Can everyone have Lipiodol?",
                "Not always. We start every exam with water-soluble contrast. This shows "
                "whether your tubes are open and of normal size. We go on to Lipiodol only if "
                "they are.",
                LIPIODOL,
            ),
            q(
                "what-is-fallopian-tube-recanalization",
                "What is fallopian tube recanalization (FTR)?",
                "FTR opens a blocked fallopian tube without surgery. It is also called "
                "selective salpingography. It is the first treatment to try when the proximal "
                "tube is blocked. That is the part of the tube nearest the uterus. The doctor "
                "guides a thin, soft tube to the blockage. Then a thin wire opens it.",
                FTR,
            ),
            q(
                "can-every-blocked-tube-be-opened",
                "Can every blocked tube be opened?",
                "No. Success depends on where the blockage is and how bad it is. A tube that "
                "was opened can also block again later. Even after FTR, you may still need "
                "IVF (in vitro fertilization) to get pregnant.",
                FTR,
            ),
            q(
                "what-is-pro-nox",
                "What is Pro-Nox?",
                "Pro-Nox is a mix of nitrous oxide and oxygen. You breathe it in through a "
                "mouthpiece to ease pain and worry. You control how much you use. It works "
                "within seconds. You can use it during an HSG, a Lipiodol flush HSG or FTR.",
                PRONOX,
            ),
            q(
                "will-pro-nox-make-me-sleepy",
                "Will Pro-Nox make me sleepy?",
                "No. You stay awake and alert. The effect wears off within minutes after you "
                "stop. It leaves no lingering drowsiness, so you can go on with your day.",
                PRONOX,
            ),
        ],
    ),
    (
        "visiting-us",
        [
            q(
                "where-is-your-office",
                "Where is your office?",
                "We are at 200 West 57th Street, Suite 407, New York, NY 10019. See our "
                "[location page](/location/) for a map.",
            ),
            q(
                "what-are-your-hours",
                "What are your hours?",
                "We are open 9:00 am to 5:00 pm. We are closed on major holidays. See the "
                "days we are open on our [location page](/location/).",
            ),
            q(
                "how-can-i-reach-you",
                "How can I reach you?",
                f"- Call us at {PHONE}.\n- Email us at {EMAIL}.\n- Text us through the Klara app.",
            ),
            q(
                "how-do-i-book-an-appointment",
                "How do I book an appointment?",
                "On day 1 of your period, call us or text us through the Klara app. Or [send "
                "us a request online](/appointments/request/). We will set a day with you "
                "between days 5 and 12 of your cycle.",
            ),
        ],
    ),
]


def load(apps, schema_editor):
    Category = apps.get_model("faq", "Category")
    Question = apps.get_model("faq", "Question")
    Procedure = apps.get_model("procedures", "Procedure")
    procedures = {p.slug: p for p in Procedure.objects.all()}
    categories = {}
    for order, (slug, name) in enumerate(CATEGORIES, start=1):
        categories[slug], _ = Category.objects.update_or_create(
            slug=slug, defaults={"name": name, "order": order}
        )
    for category_slug, questions in QUESTIONS:
        for order, item in enumerate(questions, start=1):
            Question.objects.update_or_create(
                slug=item["slug"],
                defaults={
                    "category": categories[category_slug],
                    "question": item["question"],
                    "answer": item["answer"],
                    "procedure": procedures.get(item["procedure"]),
                    "order": order,
                },
            )


def unload(apps, schema_editor):
    slugs = [item["slug"] for _, questions in QUESTIONS for item in questions]
    apps.get_model("faq", "Question").objects.filter(slug__in=slugs).delete()
    apps.get_model("faq", "Category").objects.filter(
        slug__in=[slug for slug, _ in CATEGORIES]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("faq", "0001_initial"),
        ("procedures", "0002_content"),
    ]

    operations = [migrations.RunPython(load, unload)]

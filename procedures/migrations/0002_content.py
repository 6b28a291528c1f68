"""Load the four procedure pages: HSG, Lipiodol flush HSG, FTR and Pro-Nox.

The facts come from the practice's old site (../shared/seed/); every sentence is
rewritten in plain language (US grade 8 or below). The text is frozen here on
purpose: staff edit it in the admin afterwards, and this migration never runs again.
"""

from django.db import migrations

PHONE = "(212) 246-2063"

PREPARATION_BEFORE = f"""\
- Take Tylenol (acetaminophen) or ibuprofen 30 to 60 minutes before your exam. It helps with cramps.
- You do not need to fast. You can eat and drink as usual. There are no diet limits.
- Follow any other advice from your doctor. For example, they may ask you to stop some medicines or supplements for a while.
- Tell us before the exam if you have ever reacted to contrast. Contrast is the liquid that shows up on X-rays.
- Tell us if you have ever had a pelvic infection. This is an infection of the uterus, tubes or ovaries.

### What to bring

- Your insurance card and a photo ID.
- Any referral or authorization forms from your doctor.
- Comfortable clothes that are easy to take off and put on. You will change into a gown.
- Sanitary pads. You may have some spotting after the exam.
- An over-the-counter pain reliever, such as ibuprofen or acetaminophen.

Friends and family are welcome to come with you. They will wait for you in our waiting area.

Questions? Call us at {PHONE} or text us through the Klara app.
"""

PREPARATION_AFTER = f"""\
- You can go back to your normal activities right away.
- Cramps may come back about 3 to 4 hours later. You can take more of your pain reliever.
- You may have spotting for a day or two. Some contrast may also leak out. Wear a pad for the rest of the day. You may need one for a few days.
- Drink plenty of fluids.
- You do not need to avoid sex (intercourse).
- The doctor talks with you about your results right after the exam. You also get a written report.
- We fax the report to the doctor who sent you.
- We will text you afterwards to see how you feel. You can reply with any questions.

### When to call us

Heavy bleeding, severe pain and fever are not normal. If you have any of them, call us at once at {PHONE}. In an emergency, call 911.
"""

HSG_BODY = f"""\
## What is an HSG?

An HSG is an X-ray test of your uterus (womb) and your fallopian tubes. The fallopian tubes are two thin tubes. They carry an egg from your ovaries to your uterus. The full name of the test is hysterosalpingogram. It is also called a utero-tubal evaluation.

The test shows two main things:

- Whether your tubes are open. Doctors call this tubal patency.
- The shape of the inside of your uterus.

## Why you might need an HSG

- **Infertility.** You are having trouble getting pregnant. The HSG can show a blocked tube or a uterus with an unusual shape.
- **Repeated miscarriages.** You have lost more than one pregnancy. The HSG can show a problem with the shape of the uterus that may play a part.
- **Planning fertility treatment.** Your doctor may want an HSG before treatment such as IVF (in vitro fertilization). In IVF, eggs and sperm are joined in a lab.

## How the egg and the tubes work

Each month, one of your ovaries lets go of an egg. This is called ovulation. The egg moves into one of the fallopian tubes. Sperm can meet the egg there. If the egg is fertilized, it becomes an embryo. The embryo moves down the tube to the uterus. Then it attaches to the lining of the uterus.

A blocked tube can keep the egg and sperm apart. Problems with the tubes cause 25% to 35% of female infertility. That is why checking the tubes matters.

## When to have it

We do the HSG between days 5 and 12 of your cycle. Day 1 is the first day of bleeding of your period. There are two reasons for this timing:

- Your bleeding has stopped. Blood in the uterus can make the pictures less clear.
- You have not ovulated yet. So an early pregnancy cannot be exposed to the test.

To book, call us at {PHONE} or text us through the Klara app on day 1 of your period.

## What happens during the HSG

1. You change into a gown. You lie on the exam table with your feet in stirrups.
2. The doctor places a speculum in your vagina. A speculum is the same tool used for a Pap test. It gently holds the vaginal walls apart.
3. The doctor passes a catheter through your cervix into your uterus. A catheter is a thin, soft tube. The cervix is the narrow opening at the bottom of the uterus.
4. Contrast flows slowly through the catheter. Contrast is a liquid that shows up on X-rays. It fills the uterus and then flows out through the tubes.
5. The doctor watches the contrast move on a screen. This uses fluoroscopy, a kind of live X-ray video. You may be asked to change position to help the contrast flow.
6. The doctor takes out the catheter and the speculum. You are done.

Once the catheter is in place, the test takes under five minutes.

## How it feels

Most people handle the HSG well. You may feel cramps when the catheter goes in and the contrast flows. They can feel like period cramps, sharp or dull. Some people feel one short, strong cramp. Pain is different for each person.

To help you stay comfortable, you can take a pain reliever before the exam. You can also use [Pro-Nox](/procedures/pro-nox/), a gas you breathe in for quick relief.

## What an HSG can and cannot show

An HSG shows the inside of your uterus and your tubes. It can show:

- Whether each tube is open, and where a tube is blocked.
- The shape of the inside of your uterus.
- Growths that bulge into the inside of the uterus, such as polyps, fibroids or scar tissue. Polyps are small growths of the lining. Fibroids are growths of muscle that are not cancer.

An HSG cannot:

- Check your ovaries.
- Find endometriosis. This is when tissue like the lining of the uterus grows outside the uterus.
- Find fibroids in the wall of the uterus or on its outside.

## Risks

- **Allergy.** A reaction to the contrast is rare, but it can happen. It is the same contrast used in CT scans. If you have reacted to it before, tell us. We can use a different contrast called gadolinium.
- **Infection.** The chance of infection is low. So we do not give antibiotics as a rule. If you have had a pelvic infection, tell us. Your doctor may give you antibiotics before the test.
- **Radiation.** We use the lowest dose of X-rays that gives clear pictures. We also keep the X-ray time as short as we can.

## Your results

The doctor talks with you about your results right after the exam. You get a written report to keep. We also fax the report to the doctor who sent you.

## Can an HSG help you get pregnant?

The HSG is a test, not a treatment. But women with unexplained infertility seem to get pregnant more often after an HSG. Their pregnancy rates are believed to be 2 to 3 times higher than those of women who did not have the test. No one knows exactly why.

One idea is that the contrast flushes the tubes. It may push out mucus, debris or thin bands of scar tissue. Doctors call this "tubal flushing." It does not always work, and it cannot clear every blockage. Some blockages need another procedure, such as [fallopian tube recanalization](/procedures/fallopian-tube-recanalization/) or surgery.

## Other tests

Other tests can give your doctor some of the same facts:

- **Laparoscopy.** This is surgery. It needs general anesthesia, which means medicine puts you fully to sleep.
- **Hysteroscopy.** A thin camera gives a close view of the inside of the uterus. But it cannot show if your tubes are blocked.
- **Sonohysterography.** This uses ultrasound (sound waves) to show the inside of the uterus. Like hysteroscopy, it does not give full facts about the tubes.

The best test for you depends on why you need it, your doctor's choice and your health history. Your fertility doctor can help you choose.
"""

LIPIODOL_BODY = f"""\
## What is a Lipiodol flush HSG?

It is an [HSG](/procedures/hsg/) that ends with a second kind of contrast, called Lipiodol. An HSG is an X-ray test of your uterus (womb) and fallopian tubes. Contrast is a liquid that shows up on X-rays.

A standard HSG uses water-soluble contrast. That means it mixes with water. Lipiodol is different. It is an oil-based contrast.

## Why some people choose it

- Lipiodol is thicker than water-based contrast. It clings better to the walls of the tubes and the uterus.
- It may help clear blockages in the tubes.
- Studies have linked Lipiodol with more pregnancies and live births than water-based contrast.
- A large study in the New England Journal of Medicine found fertility benefits from Lipiodol.

These are possible benefits, not promises. Talk with your doctor about whether it makes sense for you.

## What happens step by step

1. The exam starts as a standard HSG. You lie on the exam table. The doctor places a speculum in your vagina. A speculum is the tool used for a Pap test.
2. The doctor passes a catheter through your cervix. A catheter is a thin, soft tube. The cervix is the opening at the bottom of the uterus.
3. Water-soluble contrast flows in first. The doctor watches it on a live X-ray video, called fluoroscopy.
4. This shows whether your tubes are open and of normal size.
5. If they are, the doctor goes on and slowly injects the Lipiodol.
6. If they are not, we do not use Lipiodol.

## How it feels

It feels much like a standard HSG. You may have cramps, like period cramps. To help, you can take a pain reliever before the exam. You can also use [Pro-Nox](/procedures/pro-nox/), a gas you breathe in for quick relief.

## Risks

Any medical procedure has some risks and side effects. Ask your doctor about them before you decide. The risks of the HSG part are on the [HSG page](/procedures/hsg/).

## Cost

US insurance companies do not cover Lipiodol. The Lipiodol costs $1,700. That price is for one 10-mL vial of Guerbet Lipiodol. You pay it yourself.

## Is it right for you?

If you think Lipiodol could help you, ask your doctor about it. You can also call us at {PHONE} or text us through the Klara app.
"""

FTR_BODY = """\
## What is FTR?

Fallopian tube recanalization (FTR) opens a blocked fallopian tube. The fallopian tubes carry an egg from your ovaries to your uterus (womb). FTR is also called selective salpingography.

FTR is done through the vagina. There is no surgery and no cut in the skin. It is a low-risk procedure.

## Who it is for

FTR may help if blocked tubes are keeping you from getting pregnant. It is the first treatment to try when the proximal tube is blocked. The proximal tube is the part nearest the uterus, where the tube and the uterus meet.

## What happens step by step

1. You change into a gown and lie on the exam table.
2. The doctor places a speculum in your vagina. A speculum is the tool used for a Pap test.
3. The doctor passes a small catheter through your cervix. A catheter is a thin, soft tube. The cervix is the opening at the bottom of the uterus.
4. The doctor guides the catheter through the uterus to the opening of the tube.
5. Contrast flows through the catheter. Contrast is a liquid that shows up on X-rays. It lets the doctor see inside the tube on a live X-ray video, called fluoroscopy.
6. If the tube is blocked, the doctor passes a thin wire through the catheter. The wire opens the blockage so that fluid can flow through the tube again.

## How it feels

Some people feel mild cramps or discomfort. This usually passes quickly. To help, you can take a pain reliever before the exam. You can also use [Pro-Nox](/procedures/pro-nox/), a gas you breathe in for quick relief.

## What to know before you decide

- Not every blocked tube can be opened. Success depends on where the blockage is and how bad it is.
- A tube that was opened can scar or block again later.
- Even after FTR, you may still need IVF (in vitro fertilization) to get pregnant. In IVF, eggs and sperm are joined in a lab.

## Your results

The doctor talks with you about what was found right after the procedure. You get a written report. We also fax it to the doctor who sent you.

## Other options

Some blockages need surgery, such as laparoscopy. This surgery needs general anesthesia, which means medicine puts you fully to sleep. Your fertility doctor can help you choose.
"""

PRONOX_BODY = f"""\
## What is Pro-Nox?

Pro-Nox is a mix of two gases: nitrous oxide and oxygen. Nitrous oxide is sometimes called laughing gas. You breathe it in to ease pain and worry.

You can use it during an [HSG](/procedures/hsg/), a [Lipiodol flush HSG](/procedures/lipiodol-flush-hsg/) or [fallopian tube recanalization](/procedures/fallopian-tube-recanalization/). These are quick, and most people handle them well. But it is normal to feel nervous about pain. Pro-Nox is there to help.

## How it works

You hold a small mouthpiece. You breathe in the gas whenever you need it. You decide when and how much.

- It works within seconds.
- You stay awake and alert.
- It can help you feel calm.
- It wears off within minutes after you stop.
- It leaves no lingering drowsiness, so you can go on with your day.

## Other ways to stay comfortable

- **A pain reliever.** Take ibuprofen or acetaminophen 30 to 60 minutes before your procedure. It can ease cramps. It can help afterwards, too.
- **Breathing.** Slow, deep breaths and calming exercises can ease tension.

## Is Pro-Nox right for you?

Most patients can use Pro-Nox. Many also take ibuprofen or acetaminophen before. If you are worried about pain, tell us. We are happy to talk about the best plan for you. Call us at {PHONE} or text us through the Klara app.
"""

PROCEDURES = [
    {
        "slug": "hsg",
        "kind": "diagnostic",
        "order": 1,
        "bookable": True,
        "name": "Hysterosalpingogram (HSG)",
        "short_name": "HSG",
        "seo_title": "HSG (Hysterosalpingogram) in Manhattan",
        "meta_description": (
            "An HSG is a short X-ray test that checks if your fallopian tubes are open and "
            "shows your uterus. How it works, how it feels and how to prepare."
        ),
        "summary": (
            "An HSG is a quick X-ray test of your uterus and fallopian tubes. It shows "
            "whether your tubes are open and helps your doctor find reasons for trouble "
            "getting pregnant."
        ),
        "body": HSG_BODY,
        "preparation_before": PREPARATION_BEFORE,
        "preparation_after": PREPARATION_AFTER,
    },
    {
        "slug": "lipiodol-flush-hsg",
        # Diagnostic, not treatment: it is an HSG (same steps, same images, same exam
        # codes) that ends with an oil-based contrast. Its fertility benefit is possible,
        # not certain, so we do not label it a treatment.
        "kind": "diagnostic",
        "order": 2,
        "bookable": True,
        "name": "Lipiodol flush HSG",
        "short_name": "Lipiodol flush HSG",
        "seo_title": "Lipiodol Flush HSG in Manhattan",
        "meta_description": (
            "A Lipiodol flush HSG ends with an oil-based contrast linked to fertility "
            "benefits. Who can have it, what happens, and the $1,700 self-pay cost."
        ),
        "summary": (
            "An HSG that ends with Lipiodol, an oil-based contrast that studies link with "
            "more pregnancies. Insurance does not cover the Lipiodol."
        ),
        "body": LIPIODOL_BODY,
        "preparation_before": PREPARATION_BEFORE,
        "preparation_after": PREPARATION_AFTER,
    },
    {
        "slug": "fallopian-tube-recanalization",
        "kind": "treatment",
        "order": 3,
        "bookable": True,
        "name": "Fallopian tube recanalization (FTR)",
        "short_name": "Tube recanalization (FTR)",
        "seo_title": "Fallopian Tube Recanalization (FTR) in Manhattan",
        "meta_description": (
            "FTR opens a fallopian tube blocked near the uterus with a thin wire, with no "
            "surgery. Who it helps, what happens, and what results to expect."
        ),
        "summary": (
            "FTR opens a fallopian tube that is blocked near the uterus. The doctor uses a "
            "thin wire, with no surgery and no cut."
        ),
        "body": FTR_BODY,
        "preparation_before": PREPARATION_BEFORE,
        "preparation_after": PREPARATION_AFTER,
    },
    {
        "slug": "pro-nox",
        "kind": "comfort",
        "order": 4,
        "bookable": False,
        "name": "Pro-Nox for comfort",
        "short_name": "Pro-Nox",
        "seo_title": "Pro-Nox Pain Relief for HSG and FTR | Manhattan",
        "meta_description": (
            "Pro-Nox is nitrous oxide and oxygen that you breathe through a mouthpiece "
            "during an HSG or FTR. It works in seconds and wears off in minutes."
        ),
        "summary": (
            "Pro-Nox is a gas you breathe in through a mouthpiece to ease pain and worry. "
            "You control it, you stay awake, and it wears off within minutes."
        ),
        "body": PRONOX_BODY,
        "preparation_before": "",
        "preparation_after": "",
    },
]


def load(apps, schema_editor):
    Procedure = apps.get_model("procedures", "Procedure")
    for fields in PROCEDURES:
        values = {k: v for k, v in fields.items() if k != "slug"}
        Procedure.objects.update_or_create(slug=fields["slug"], defaults=values)


def unload(apps, schema_editor):
    Procedure = apps.get_model("procedures", "Procedure")
    Procedure.objects.filter(slug__in=[p["slug"] for p in PROCEDURES]).delete()


class Migration(migrations.Migration):
    dependencies = [("procedures", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]

"""Texts that can show on a lock screen: no symptom, nothing that hints at the visit.

Adds the replies to an urgent text while the office is closed and to any other
message, and rewrites the defaults that named symptoms or items ("pad", "pain
reliever", "fever, heavy bleeding or severe pain") or left out what to do when the
office is closed. A template staff edited is kept unless it breaks those rules.
"""

from django.db import migrations

from texting import bodies, default_texts

# The defaults as 0002 loaded them, before this change.
OLD = {
    "scheduled": (
        "{practice}: Hi {first_name}, your visit is on {date} at {time}, at {address}. "
        "Take ibuprofen or acetaminophen 30 to 60 minutes before. No need to fast. "
        "Questions? Call {phone}. Reply STOP to opt out."
    ),
    "reminder": (
        "{practice}: Hi {first_name}, see you tomorrow, {date} at {time}. Take a pain "
        "reliever 30 to 60 min before. No fasting. Bring photo ID, insurance card and a "
        "pad. Reply C to confirm. Reply STOP to opt out."
    ),
    "follow_up": (
        "{practice}: Hi {first_name}, how are you feeling after your visit? Reply here "
        "to tell us. Fever, heavy bleeding or severe pain is not normal: call {phone}. "
        "Reply STOP to opt out."
    ),
    "reply_urgent": (
        "{practice}: we got your message and our staff will see it. Please call us now "
        "at {phone}. Call 911 in an emergency."
    ),
}

# The new defaults, frozen here.
NEW = {
    "scheduled": (
        "{practice}: Hi {first_name}, your visit is on {date} at {time}, at {address}. "
        "How to get ready is in the email we sent you. Questions? Call {phone}. "
        "Reply STOP to opt out."
    ),
    "reminder": (
        "{practice}: Hi {first_name}, see you tomorrow, {date} at {time}. Bring a photo ID "
        "and your insurance card. How to get ready is in our email. Reply C to confirm. "
        "Reply STOP to opt out."
    ),
    "follow_up": (
        "{practice}: Hi {first_name}, how are you feeling after your visit? Reply here to "
        "tell us. When to call us: {help_url} Call {phone}. {closed_help} "
        "Reply STOP to opt out."
    ),
    "reply_urgent": (
        "{practice}: we got your message and our staff will see it. Please call us now "
        "at {phone}. {closed_help}"
    ),
    "reply_closed": (
        "{practice}: we got your message, but our office is closed now and we may not see "
        "it until we open. Please do not wait for us. {closed_help}"
    ),
    "reply_message": (
        "{practice}: thank you, we got your message. Our staff answer texts when the office "
        "is open: {office_hours}. If it cannot wait, call {phone}. {closed_help}"
    ),
}


def breaks_the_rules(kind: str, body: str) -> bool:
    return bool(
        bodies.template_errors(
            body,
            needs_opt_out=kind in bodies.OPT_OUT_KINDS,
            needs_closed_help=kind in bodies.CLOSED_HELP_KINDS,
        )
    )


def load(apps, schema_editor):
    MessageTemplate = apps.get_model("texting", "MessageTemplate")
    for kind, body in NEW.items():
        template, created = MessageTemplate.objects.get_or_create(
            kind=kind, defaults={"body": body}
        )
        if created:
            continue
        if template.body == OLD.get(kind) or breaks_the_rules(kind, template.body):
            template.body = body
            template.save(update_fields=["body"])
    # Any other template a staff edit left with a symptom word gets its default back.
    for template in MessageTemplate.objects.exclude(kind__in=NEW):
        default = default_texts.DEFAULT_TEMPLATES.get(template.kind)
        if default and breaks_the_rules(template.kind, template.body):
            template.body = default
            template.save(update_fields=["body"])


class Migration(migrations.Migration):
    dependencies = [("texting", "0003_reply_kinds")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]

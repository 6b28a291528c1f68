"""Load the default words of each automatic text (staff edit them in the admin)."""

from django.db import migrations

from texting.default_texts import DEFAULT_TEMPLATES


def load(apps, schema_editor):
    MessageTemplate = apps.get_model("texting", "MessageTemplate")
    for kind, body in DEFAULT_TEMPLATES.items():
        MessageTemplate.objects.get_or_create(kind=kind, defaults={"body": body})


class Migration(migrations.Migration):
    dependencies = [("texting", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]

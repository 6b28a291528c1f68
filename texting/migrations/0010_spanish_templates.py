"""The Spanish words of each automatic text (only where staff have not written them)."""

from django.db import migrations

from texting.default_texts import DEFAULT_TEMPLATES_ES


def load(apps, schema_editor):
    MessageTemplate = apps.get_model("texting", "MessageTemplate")
    for kind, body in DEFAULT_TEMPLATES_ES.items():
        MessageTemplate.objects.filter(kind=kind, body_es="").update(body_es=body)


def unload(apps, schema_editor):
    apps.get_model("texting", "MessageTemplate").objects.update(body_es="")


class Migration(migrations.Migration):
    dependencies = [("texting", "0009_spanish_fields")]

    operations = [migrations.RunPython(load, unload)]

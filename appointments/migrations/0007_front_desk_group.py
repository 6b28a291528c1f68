"""The "Front desk" group: what a receptionist needs, and no more.

She reads and works the requests (status buttons, the patient's details), reads and
answers replies (and keeps the quick replies), sees the texts sent and retries or cancels them, adds an opt-out when
a patient asks by phone, and adds the practice's closures. She cannot delete a
request, edit the site's pages, prices or plans, or change the automatic texts.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Front desk"

PERMISSIONS = {
    "appointments": [
        "view_appointmentrequest",
        "change_appointmentrequest",
        "view_appointmentconfirmation",
    ],
    "texting": [
        "view_inboundmessage",
        "change_inboundmessage",
        "view_outboundmessage",
        "change_outboundmessage",
        "view_overduemessage",
        "view_optout",
        "add_optout",
        "view_messagetemplate",
        "view_quickreply",
        "add_quickreply",
        "change_quickreply",
        "delete_quickreply",
    ],
    "clinic": [
        "view_practice",
        "view_openinghours",
        "view_closure",
        "add_closure",
        "change_closure",
        "view_insuranceplan",
        "view_price",
        "view_contactmessage",
        "change_contactmessage",
    ],
}


def _ensure_permissions(apps):
    # Permissions are normally created after `migrate` ends; make them now.
    for label in PERMISSIONS:
        config = apps.get_app_config(label)
        saved = getattr(config, "models_module", None)
        config.models_module = saved or True  # a migration's app configs have none
        create_permissions(config, apps=apps, verbosity=0)
        config.models_module = saved


def load(apps, schema_editor):
    """Create the group (again): idempotent, so tests may call it after a flush."""
    _ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    for label, codenames in PERMISSIONS.items():
        found = Permission.objects.filter(content_type__app_label=label, codename__in=codenames)
        missing = set(codenames) - set(found.values_list("codename", flat=True))
        if missing:
            raise RuntimeError(f"permissions not found: {label} {sorted(missing)}")
        group.permissions.add(*found)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("appointments", "0006_booking"),
        ("texting", "0007_conversations"),
        ("clinic", "0004_safer_wording"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(load, remove_group)]

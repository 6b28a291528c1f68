"""AppointmentConfirmation moves here from texting; its table stays as it was."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("appointments", "0003_may_be_pregnant"),
        ("texting", "0006_subject_ids"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="AppointmentConfirmation",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "scheduled_at",
                            models.DateTimeField(
                                help_text="The appointment time the patient confirmed."
                            ),
                        ),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        (
                            "request",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="text_confirmations",
                                to="appointments.appointmentrequest",
                            ),
                        ),
                        (
                            "inbound",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                to="texting.inboundmessage",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "texting_appointmentconfirmation",
                        "ordering": ["-created_at"],
                    },
                ),
            ],
        ),
    ]

"""Texting no longer points at appointments: the request foreign keys become plain ids
(same column, the constraint dropped), and AppointmentConfirmation moves to the
appointments app (same table)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("appointments", "0002_other_dates_requested"),
        ("texting", "0005_outbox_email"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.AlterField(
                    model_name="outboundmessage",
                    name="request",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="outbound_messages",
                        to="appointments.appointmentrequest",
                    ),
                ),
                migrations.AlterField(
                    model_name="inboundmessage",
                    name="request",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="inbound_messages",
                        to="appointments.appointmentrequest",
                    ),
                ),
            ],
            state_operations=[
                migrations.RemoveField(model_name="outboundmessage", name="request"),
                migrations.AddField(
                    model_name="outboundmessage",
                    name="subject_id",
                    field=models.BigIntegerField(
                        blank=True, db_column="request_id", db_index=True, null=True
                    ),
                ),
                migrations.RemoveField(model_name="inboundmessage", name="request"),
                migrations.AddField(
                    model_name="inboundmessage",
                    name="subject_id",
                    field=models.BigIntegerField(
                        blank=True, db_column="request_id", db_index=True, null=True
                    ),
                ),
                migrations.DeleteModel(name="AppointmentConfirmation"),
            ],
        ),
    ]

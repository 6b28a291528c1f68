from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("appointments", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="appointmentrequest",
            name="other_dates_requested_at",
            field=models.DateTimeField(
                blank=True, editable=False, null=True, verbose_name="asked for other dates"
            ),
        ),
        migrations.AddField(
            model_name="historicalappointmentrequest",
            name="other_dates_requested_at",
            field=models.DateTimeField(
                blank=True, editable=False, null=True, verbose_name="asked for other dates"
            ),
        ),
    ]

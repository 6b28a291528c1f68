from django.apps import AppConfig


class AppointmentsConfig(AppConfig):
    verbose_name = "Appointment requests"
    name = "appointments"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from appointments import booking_models
        from appointments.times_cache import bookings_changed
        from clinic.signals import content_changed

        # The booking rules are cached with the site's content: an edit starts a new version.
        for model in (
            booking_models.BookingRules,
            booking_models.Room,
            booking_models.ExamLength,
            booking_models.BlockedTime,
        ):
            post_save.connect(
                content_changed, sender=model, dispatch_uid=f"booking-{model.__name__}"
            )
            post_delete.connect(
                content_changed, sender=model, dispatch_uid=f"booking-del-{model.__name__}"
            )
        # The free-times lookup's cached answers: any booking or offer written.
        for model in (booking_models.Booking, booking_models.WaitlistEntry):
            post_save.connect(
                bookings_changed, sender=model, dispatch_uid=f"times-{model.__name__}"
            )
            post_delete.connect(
                bookings_changed, sender=model, dispatch_uid=f"times-del-{model.__name__}"
            )

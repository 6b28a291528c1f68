from django.apps import AppConfig


class AppointmentsConfig(AppConfig):
    verbose_name = "Appointment requests"
    name = "appointments"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from appointments import booking_models, day_one, outbox, waitlist_texts
        from appointments.frontdesk import request_counts, requests_for_phones
        from appointments.times_cache import bookings_changed
        from clinic import frontdesk
        from texting import conversations

        # Tell the outbox what our messages mean (see texting.registry).
        outbox.kinds_register()
        waitlist_texts.kinds_register()
        day_one.kinds_register()
        frontdesk.register_counts(request_counts)
        conversations.register_related(requests_for_phones)
        # The free-times lookup's cached answers: any booking or offer written.
        for model in (booking_models.Booking, booking_models.WaitlistEntry):
            post_save.connect(
                bookings_changed, sender=model, dispatch_uid=f"times-{model.__name__}"
            )
            post_delete.connect(
                bookings_changed, sender=model, dispatch_uid=f"times-del-{model.__name__}"
            )

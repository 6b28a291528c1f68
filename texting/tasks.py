"""Thin Celery tasks: they take ids, call a service, and return None."""

from celery import shared_task

from texting import services


@shared_task(ignore_result=True)
def dispatch_due_messages() -> None:
    """Send every due text once (beat runs this every minute)."""
    services.outbox_dispatch_due()


@shared_task(ignore_result=True)
def send_message(message_id: int) -> None:
    """Send one text now, if it is still due and nobody else took it."""
    services.outbox_send_one(message_id=message_id)

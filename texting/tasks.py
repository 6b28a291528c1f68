"""Thin Celery tasks: they take ids, call a service, and return None."""

from celery import shared_task

from texting import dispatch


@shared_task(ignore_result=True)
def dispatch_due_messages() -> None:
    """Send every due text and email once (beat runs this every minute)."""
    dispatch.outbox_dispatch_due()


@shared_task(ignore_result=True)
def send_message(message_id: int) -> None:
    """Send one text now, if it is still due and nobody else took it."""
    dispatch.outbox_send_one(message_id=message_id)

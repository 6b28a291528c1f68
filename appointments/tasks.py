"""Thin Celery tasks of the appointments app: no arguments, no results, no patient data."""

from celery import shared_task

from appointments import waitlist


@shared_task(ignore_result=True)
def offer_earlier_times() -> None:
    """End lapsed waitlist offers and offer freed times (beat runs this every minute)."""
    waitlist.waitlist_wake()

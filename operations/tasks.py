"""Thin Celery tasks for running the practice (scheduled in CELERY_BEAT_SCHEDULE)."""

from celery import shared_task

from operations import heartbeat, retention


@shared_task(ignore_result=True)
def worker_heartbeat() -> None:
    """Record that a worker ran a task just now."""
    heartbeat.heartbeat_record()


@shared_task(ignore_result=True)
def apply_retention() -> None:
    """Anonymise or remove patient data past the practice's retention period (daily)."""
    retention.retention_apply()

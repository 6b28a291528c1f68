"""Who looked at patient data in the admin: an append-only log of reads.

Rows are written by `audit.middleware.AccessLogMiddleware` and never changed: the
models refuse updates and deletes, the admin offers neither, and on PostgreSQL a
trigger (migration 0002) refuses UPDATE and DELETE from any client.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone


class AppendOnlyError(Exception):
    """Raised on any attempt to change or delete an audit row."""


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("Audit rows cannot be changed.")

    def delete(self):
        raise AppendOnlyError("Audit rows cannot be deleted.")


class AccessLogQuerySet(AppendOnlyQuerySet):
    def for_record(self, model_label: str, object_id) -> "AccessLogQuerySet":
        """Every read that showed this record: its own page, or a list it appeared in."""
        return self.filter(
            records__model=model_label.lower(), records__object_id=str(object_id)
        ).distinct()


class AppendOnlyModel(models.Model):
    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None and not self._state.adding:
            raise AppendOnlyError("Audit rows cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Audit rows cannot be deleted.")


class AccessLog(AppendOnlyModel):
    """One admin page that showed patient data: who, when, what and from where."""

    class Action(models.TextChoices):
        VIEW = "view", "Opened a record"
        LIST = "list", "Listed records"
        SEARCH = "search", "Searched"
        EXPORT = "export", "Exported"

    at = models.DateTimeField(default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="access_logs"
    )
    username = models.CharField(max_length=150, help_text="As it was at the time.")
    ip = models.GenericIPAddressField("from", null=True, blank=True)
    action = models.CharField(max_length=8, choices=Action.choices)
    view = models.CharField(max_length=120, help_text="The admin page (its URL name).")
    model = models.CharField(max_length=100, help_text="app_label.model of what was shown.")
    object_id = models.CharField(max_length=64, blank=True)
    search = models.CharField(max_length=200, blank=True)
    filters = models.CharField(max_length=500, blank=True)
    record_count = models.PositiveIntegerField("records shown", default=0)

    objects = AccessLogQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = "access to patient data"
        verbose_name_plural = "access to patient data"
        permissions = [
            ("view_access_history", "Can see who opened a patient's record"),
        ]

    def __str__(self):
        action = self.get_action_display().lower()
        return f"{self.username} {action} {self.model} at {self.at:%Y-%m-%d %H:%M}"


class AccessedRecord(AppendOnlyModel):
    """One record an access showed (a list shows many)."""

    log = models.ForeignKey(AccessLog, on_delete=models.PROTECT, related_name="records")
    model = models.CharField(max_length=100)
    object_id = models.CharField(max_length=64)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        indexes = [models.Index(fields=["model", "object_id"])]

    def __str__(self):
        return f"{self.model} #{self.object_id}"

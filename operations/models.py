"""Rows the practice's running keeps: the worker's heartbeat."""

from django.db import models


class Heartbeat(models.Model):
    """The last time a process proved it runs (one row per name, e.g. "worker")."""

    name = models.CharField(max_length=40, unique=True)
    at = models.DateTimeField()

    class Meta:
        permissions = [("view_dashboard", "Can see the practice dashboard")]

    def __str__(self):
        return f"{self.name} at {self.at:%Y-%m-%d %H:%M:%S}"

"""Write a dated, compressed (and optionally encrypted) PostgreSQL backup; keep the last N."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from operations.backups import BackupError, backup_create


class Command(BaseCommand):
    help = "pg_dump -Fc the database into BACKUP_DIR, encrypted with BACKUP_ENCRYPTION_KEY if set."

    def add_arguments(self, parser):
        parser.add_argument("--dir", default=settings.BACKUP_DIR, help="Where backups go.")
        parser.add_argument("--keep", type=int, default=settings.BACKUP_KEEP, help="How many.")

    def handle(self, *args, dir, keep, **options):
        if connection.vendor != "postgresql":
            raise CommandError("Backups need PostgreSQL (DATABASE_URL=postgres://...).")
        try:
            backup = backup_create(
                db=connection.settings_dict,
                directory=Path(dir),
                keep=keep,
                key=settings.BACKUP_ENCRYPTION_KEY,
            )
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Wrote {backup.path} ({backup.size / 1024:.0f} KB, {backup.seconds:.1f} s)"
            + (", encrypted" if settings.BACKUP_ENCRYPTION_KEY else "")
            + "."
        )
        for old in backup.removed:
            self.stdout.write(f"Removed {old} (keeping the last {keep}).")

"""Restore a backup into an empty PostgreSQL database."""

from pathlib import Path

import environ
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from operations.backups import BackupError, backup_restore


class Command(BaseCommand):
    help = "Restore a backup file into an empty database (DATABASE_URL, or --database-url)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="A clinic-*.dump or clinic-*.dump.fernet file.")
        parser.add_argument("--database-url", help="Restore there instead of DATABASE_URL.")

    def handle(self, *args, file, database_url=None, **options):
        db = environ.Env.db_url_config(database_url) if database_url else connection.settings_dict
        if "postgresql" not in db["ENGINE"]:
            raise CommandError("Restoring needs PostgreSQL (a postgres:// database URL).")
        try:
            seconds = backup_restore(db=db, path=Path(file), key=settings.BACKUP_ENCRYPTION_KEY)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Restored {file} into {db['NAME']} in {seconds:.1f} s.")

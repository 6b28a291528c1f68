"""Erase patient data past the retention period; --dry-run says what it would erase."""

from django.core.management.base import BaseCommand

from operations.retention import retention_apply, retention_plan


class Command(BaseCommand):
    help = "Anonymise patient data past the practice's retention period (--dry-run: only count)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Count, erase nothing.")
        parser.add_argument(
            "--days",
            type=int,
            help="Try a period other than the Practice profile's (days).",
        )

    def handle(self, *args, dry_run=False, days=None, **options):
        if days is not None and days < 1:
            self.stderr.write("--days must be 1 or more.")
            raise SystemExit(2)
        if dry_run:
            plan = retention_plan(days=days)
            self.stdout.write("Dry run: nothing is erased.")
        else:
            plan = retention_apply(days=days)
        for line in plan.lines(done=not dry_run):
            self.stdout.write(line)

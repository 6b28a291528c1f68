"""`manage.py compilemessages` without GNU gettext: the project's .po files to .mo.

Django's own command needs `msgfmt` from the gettext tools, which a fresh machine or
the python:3.11-slim image does not have. This one compiles the catalogs under
LOCALE_PATHS with polib (pure Python), skipping fuzzy entries as msgfmt does, so
`make run`, `make test` and the Dockerfile work anywhere. Django's own catalogs ship
compiled.
"""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Compile the project's .po files (LOCALE_PATHS) to .mo, without gettext."

    def add_arguments(self, parser):
        # Accepted for compatibility with Django's command; every locale is compiled.
        parser.add_argument("--locale", "-l", action="append", default=[])
        parser.add_argument("--ignore", "-i", action="append", default=[])

    def handle(self, *args, **options):
        wanted = set(options["locale"])
        count = 0
        for root in settings.LOCALE_PATHS:
            for po_path in sorted(Path(root).glob("*/LC_MESSAGES/*.po")):
                if wanted and po_path.parents[1].name not in wanted:
                    continue
                catalog = polib.pofile(str(po_path))
                for entry in catalog.fuzzy_entries():
                    catalog.remove(entry)
                catalog.save_as_mofile(str(po_path.with_suffix(".mo")))
                count += 1
                if options["verbosity"] > 0:
                    self.stdout.write(f"compiled {po_path.relative_to(settings.BASE_DIR)}")
        if not count:
            self.stderr.write("No .po files found under LOCALE_PATHS.")

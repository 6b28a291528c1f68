"""The running-the-practice figures on a 500-request practice: backup size and time,
restore time, the retention dry run, and what the dashboard shows.

    .venv/bin/python bench/operations.py     (needs PostgreSQL: DATABASE_URL=postgres://...)

Builds two scratch databases beside DATABASE_URL's (`<name>_ops` and
`<name>_ops_restore`), fills the first with the test factories (500 requests over six
months, their texts, replies, status history and audit rows), backs it up encrypted,
restores it into the second, runs `retention --dry-run --days 90` and prints the
dashboard's figures for the six months. Both databases are dropped at the end.
"""

import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

import environ
import psycopg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        sys.exit("Set DATABASE_URL=postgres://... (the scratch databases go beside it).")
    base = environ.Env.db_url_config(url)
    scratch, restored = f"{base['NAME']}_ops", f"{base['NAME']}_ops_restore"
    server = {
        "user": base["USER"] or None,
        "password": base["PASSWORD"] or None,
        "host": base["HOST"] or None,
        "port": str(base["PORT"]) if base["PORT"] else None,
    }

    def admin(sql):
        with psycopg.connect(dbname="postgres", autocommit=True, **server) as conn:
            conn.execute(sql)

    for name in (scratch, restored):
        admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin(f'CREATE DATABASE "{name}"')
    os.environ["DATABASE_URL"] = url.rsplit("/", 1)[0] + "/" + scratch
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinic.settings")
    try:
        report(restored)
    finally:
        from django.db import connections

        connections.close_all()
        for name in (scratch, restored):
            admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def report(restored: str) -> None:
    import django

    django.setup()
    from cryptography.fernet import Fernet
    from django.core.management import call_command
    from django.db import connection

    from operations.backups import backup_create, backup_restore
    from operations.dashboard import dashboard_figures, figures_rows
    from operations.tests.filling import FILLED_AT, fill_practice

    call_command("migrate", verbosity=0)
    started = time.monotonic()
    filled = fill_practice(requests=500)
    print(f"Filled in {time.monotonic() - started:.0f} s: {filled}")
    key = Fernet.generate_key().decode()
    with tempfile.TemporaryDirectory() as folder:
        backup = backup_create(db=connection.settings_dict, directory=Path(folder), keep=1, key=key)
        print(f"Backup: {backup.size / 1024:.0f} KB (encrypted), {backup.seconds:.2f} s")
        seconds = backup_restore(
            db={**connection.settings_dict, "NAME": restored}, path=backup.path, key=key
        )
        print(f"Restore into an empty database: {seconds:.2f} s")
    import time_machine

    with time_machine.travel(FILLED_AT, tick=False):
        print("\n$ manage.py retention --dry-run --days 90")
        call_command("retention", "--dry-run", "--days", "90")
        start = FILLED_AT.date() - dt.timedelta(weeks=26)
        figures = dashboard_figures(start=start, end=FILLED_AT.date())
    print("\nDashboard figures, six months:")
    for section, item, value in figures_rows(figures):
        if section not in ("Requests per week", "Texts per week", "Replies per week"):
            print(f"  {section}: {item} = {value}")
    weekly = [sum(figures.requests_by_week[w].values()) for w in figures.weeks]
    print(
        f"  Requests per week: min {min(weekly)}, max {max(weekly)}, by exam "
        + ", ".join(
            f"{e} {sum(figures.requests_by_week[w][e] for w in figures.weeks)}"
            for e in figures.exams
        )
    )
    sent = sum(figures.texts_by_week[w]["sent"] for w in figures.weeks)
    failed = sum(figures.texts_by_week[w]["failed"] for w in figures.weeks)
    print(f"  Texts: {sent} sent, {failed} failed, {figures.overdue_now} overdue now")


if __name__ == "__main__":
    main()

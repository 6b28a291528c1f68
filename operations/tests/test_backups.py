"""Backups that restore: a 500-request practice dumped, restored into a fresh database,
and compared table by table (row counts and a checksum of every row)."""

import os
import time

import psycopg
import pytest
from cryptography.fernet import Fernet
from django.core.management import CommandError, call_command
from django.db import connection

from operations.backups import ENCRYPTED, BackupError, backup_create, backup_files, backup_restore
from operations.tests.filling import fill_practice

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _postgresql(db):
    if connection.vendor == "postgresql":
        return
    if os.environ.get("REQUIRE_SERVICES") == "1":
        pytest.fail("REQUIRE_SERVICES=1 but DATABASE_URL is not PostgreSQL")
    pytest.skip("needs PostgreSQL: set DATABASE_URL=postgres://... to run")


@pytest.fixture
def fresh_db():
    """An empty database beside the test database, dropped afterwards."""
    source = connection.settings_dict
    target = {**source, "NAME": f"{source['NAME']}_restore"}
    admin = {k: v for k, v in _conninfo(source).items() if k != "dbname"}

    def run(sql):
        with psycopg.connect(dbname="postgres", autocommit=True, **admin) as conn:
            conn.execute(sql)

    run(f'DROP DATABASE IF EXISTS "{target["NAME"]}" WITH (FORCE)')
    run(f'CREATE DATABASE "{target["NAME"]}"')
    yield target
    run(f'DROP DATABASE IF EXISTS "{target["NAME"]}" WITH (FORCE)')


def _conninfo(db):
    return {
        "dbname": db["NAME"],
        "user": db.get("USER") or None,
        "password": db.get("PASSWORD") or None,
        "host": db.get("HOST") or None,
        "port": str(db["PORT"]) if db.get("PORT") else None,
    }


def fingerprint(db: dict) -> dict[str, tuple[int, str]]:
    """Every table's row count and an md5 over all its rows, in a stable order."""
    with psycopg.connect(**_conninfo(db)) as conn:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1"
            )
        ]
        return {
            table: conn.execute(
                f"SELECT count(*), coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM \"{table}\" t"
            ).fetchone()
            for table in tables
        }


@pytest.mark.slow
def test_a_500_request_practice_backs_up_and_restores_exactly(tmp_path, fresh_db, capsys):
    filled = fill_practice(requests=500)
    assert filled["requests"] == 500
    assert filled["texts"] > 1000 and filled["replies"] > 100 and filled["history"] > 1000
    assert filled["audit"] > 600
    source = fingerprint(connection.settings_dict)
    key = Fernet.generate_key().decode()

    backup = backup_create(db=connection.settings_dict, directory=tmp_path, keep=3, key=key)
    assert backup.path.name.endswith(ENCRYPTED)
    assert b"Fill1" not in backup.path.read_bytes()  # encrypted, not just compressed
    restore_seconds = backup_restore(db=fresh_db, path=backup.path, key=key)

    restored = fingerprint(fresh_db)
    assert restored.keys() == source.keys()
    assert {t: c for t, (c, _) in restored.items()} == {t: c for t, (c, _) in source.items()}
    assert restored == source
    assert source["appointments_appointmentrequest"][0] == 500
    with capsys.disabled():
        print(
            f"\n500-request practice: {sum(c for c, _ in source.values())} rows in "
            f"{len(source)} tables; backup {backup.size / 1024:.0f} KB in "
            f"{backup.seconds:.2f} s, restore {restore_seconds:.2f} s"
        )


def test_restore_refuses_a_database_that_has_tables(tmp_path):
    backup = backup_create(db=connection.settings_dict, directory=tmp_path, keep=1)
    with pytest.raises(BackupError, match="already has tables"):
        backup_restore(db=connection.settings_dict, path=backup.path)


def test_an_encrypted_backup_needs_its_key(tmp_path, fresh_db):
    backup = backup_create(
        db=connection.settings_dict, directory=tmp_path, keep=1, key=Fernet.generate_key().decode()
    )
    with pytest.raises(BackupError, match="encrypted"):
        backup_restore(db=fresh_db, path=backup.path)
    with pytest.raises(BackupError, match="does not open"):
        backup_restore(db=fresh_db, path=backup.path, key=Fernet.generate_key().decode())


def test_only_the_last_n_backups_are_kept(tmp_path):
    made = []
    for _ in range(3):
        made.append(backup_create(db=connection.settings_dict, directory=tmp_path, keep=2).path)
        time.sleep(1.05)  # names carry the second
    assert backup_files(tmp_path) == made[1:]


def test_the_commands_back_up_and_restore(tmp_path, fresh_db, settings, capsys):
    settings.BACKUP_ENCRYPTION_KEY = ""
    call_command("backup", "--dir", str(tmp_path), "--keep", "5")
    out = capsys.readouterr().out
    assert out.startswith(f"Wrote {tmp_path}/clinic-") and "KB" in out
    [path] = backup_files(tmp_path)
    url = "postgres://{USER}@{HOST}:{PORT}/{NAME}".format(
        **{**fresh_db, "HOST": fresh_db["HOST"] or "127.0.0.1", "PORT": fresh_db["PORT"] or 5432}
    )
    call_command("restore", str(path), "--database-url", url)
    assert f"into {fresh_db['NAME']}" in capsys.readouterr().out
    with pytest.raises(CommandError, match="already has tables"):
        call_command("restore", str(path), "--database-url", url)


def test_a_client_of_another_major_version_is_refused(tmp_path, monkeypatch):
    fake = tmp_path / "bin"
    fake.mkdir()
    script = fake / "pg_dump"
    script.write_text("#!/bin/sh\necho 'pg_dump (PostgreSQL) 9.6.24'\n")
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake}:{os.environ['PATH']}")
    with pytest.raises(BackupError, match="pg_dump is version 9 but the server is"):
        backup_create(db=connection.settings_dict, directory=tmp_path / "out", keep=1)
    assert not (tmp_path / "out").exists() or not backup_files(tmp_path / "out")

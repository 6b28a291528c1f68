"""PostgreSQL backups that restore: `pg_dump -Fc`, dated, optionally encrypted, the last N kept.

A backup is one file, `clinic-<UTC date and time>.dump` (pg_dump's compressed custom
format), or `.dump.fernet` when BACKUP_ENCRYPTION_KEY is set: the dump encrypted with
that key (Fernet, from `cryptography`: AES-128-CBC with an HMAC, so a changed file
fails to decrypt instead of restoring garbage). Restoring refuses a database that
already has tables. pg_dump and pg_restore must have the server's major version.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import psycopg
from cryptography.fernet import Fernet, InvalidToken

PREFIX = "clinic-"
PLAIN = ".dump"
ENCRYPTED = ".dump.fernet"


class BackupError(Exception):
    """A backup or restore that cannot go ahead, with a message for the operator."""


@dataclasses.dataclass(frozen=True)
class Backup:
    path: Path
    size: int
    seconds: float
    removed: list[Path]


def _conninfo(db: dict) -> dict:
    return {
        "dbname": db["NAME"],
        "user": db.get("USER") or None,
        "password": db.get("PASSWORD") or None,
        "host": db.get("HOST") or None,
        "port": str(db["PORT"]) if db.get("PORT") else None,
    }


def _client_args(db: dict) -> list[str]:
    info = _conninfo(db)
    args = []
    for flag, key in (("-h", "host"), ("-p", "port"), ("-U", "user")):
        if info[key]:
            args += [flag, info[key]]
    return args


def _env(db: dict) -> dict:
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return env


def _major(version_text: str) -> int:
    found = re.search(r"(\d+)(?:\.\d+)?", version_text)
    if not found:
        raise BackupError(f"Cannot read a version from {version_text!r}.")
    return int(found.group(1))


def _run(args: list[str], **kwargs) -> subprocess.CompletedProcess:
    """Run a PostgreSQL client tool: a list of our own arguments, no shell."""
    return subprocess.run(args, capture_output=True, text=True, **kwargs)  # noqa: S603


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise BackupError(f"{name} is not installed (Debian: apt-get install postgresql-client).")
    return path


def check_client_version(tool: str, db: dict) -> str:
    """The tool's path; refuse unless its major version is the server's.

    An older pg_dump cannot read a newer server; a newer one writes settings an older
    server refuses on restore (pg_dump 17 sets transaction_timeout, unknown to 16).
    """
    path = _tool(tool)
    client = _major(_run([path, "--version"]).stdout)
    with psycopg.connect(**_conninfo(db)) as conn:
        server = int(conn.info.server_version) // 10000
    if client != server:
        raise BackupError(
            f"{tool} is version {client} but the server is {server}: install "
            f"postgresql-client-{server} and put it first on PATH."
        )
    return path


def backup_files(directory: Path) -> list[Path]:
    """This folder's backups, oldest first (their names sort by date)."""
    return sorted(p for p in directory.glob(f"{PREFIX}*") if p.name.endswith((PLAIN, ENCRYPTED)))


def backup_create(*, db: dict, directory: Path, keep: int, key: str = "") -> Backup:
    """Dump the database into `directory`, encrypted with `key` if given; keep the last `keep`."""
    if keep < 1:
        raise BackupError("Keep at least one backup.")
    pg_dump = check_client_version("pg_dump", db)
    fernet = Fernet(key) if key else None
    directory.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S")
    final = directory / f"{PREFIX}{stamp}{ENCRYPTED if fernet else PLAIN}"
    partial = directory / f".{final.name}.partial"
    started = time.monotonic()
    try:
        with tempfile.NamedTemporaryFile(dir=directory, prefix=".dump-") as dump:
            result = _run(
                [pg_dump, "-Fc", "-Z", "6", *_client_args(db), "-f", dump.name, db["NAME"]],
                env=_env(db),
            )
            if result.returncode != 0:
                raise BackupError(f"pg_dump failed: {result.stderr.strip()[-500:]}")
            data = Path(dump.name).read_bytes()
        partial.write_bytes(fernet.encrypt(data) if fernet else data)
        partial.chmod(0o600)
        partial.rename(final)  # a backup file is whole or absent
    finally:
        partial.unlink(missing_ok=True)
    seconds = time.monotonic() - started
    files = backup_files(directory)
    removed = files[:-keep]
    for old in removed:
        old.unlink()
    return Backup(path=final, size=final.stat().st_size, seconds=seconds, removed=removed)


def _table_count(db: dict) -> int:
    with psycopg.connect(**_conninfo(db)) as conn:
        return conn.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
        ).fetchone()[0]


def backup_restore(*, db: dict, path: Path, key: str = "") -> float:
    """Restore `path` into the empty database `db`; return the seconds it took."""
    if not path.is_file():
        raise BackupError(f"No backup at {path}.")
    pg_restore = check_client_version("pg_restore", db)
    if _table_count(db):
        raise BackupError(
            f"Database {db['NAME']} already has tables: restore into an empty database "
            f"(createdb a new one, or dropdb and createdb this one)."
        )
    started = time.monotonic()
    data = path.read_bytes()
    if path.name.endswith(ENCRYPTED):
        if not key:
            raise BackupError("This backup is encrypted: set BACKUP_ENCRYPTION_KEY.")
        try:
            data = Fernet(key).decrypt(data)
        except InvalidToken as exc:
            raise BackupError("The key does not open this backup (or the file changed).") from exc
    with tempfile.NamedTemporaryFile(prefix="restore-") as dump:
        Path(dump.name).write_bytes(data)
        result = _run(
            [pg_restore, "--no-owner", "--no-privileges", "--exit-on-error"]
            + [*_client_args(db), "-d", db["NAME"], dump.name],
            env=_env(db),
        )
    if result.returncode != 0:
        raise BackupError(f"pg_restore failed: {result.stderr.strip()[-500:]}")
    return time.monotonic() - started

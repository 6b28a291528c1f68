"""Start the site the way production runs it, on loopback, for `make bench` and `make lighthouse`.

gunicorn + gunicorn.conf.py, DEBUG off, PostgreSQL (a database of its own, rebuilt
each run), Redis (a database number of its own, emptied each run), hashed static
files from collectstatic. Only SECURE_SSL_REDIRECT is off: there is no TLS on loopback.
"""

# ruff: noqa: S310, S603, S607  (a local tool: runs fixed commands against loopback URLs)

import contextlib
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "var" / "bench"
PYTHON = sys.executable


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_env(*, port: int, database: str, redis_db: int, **extra: str) -> dict[str, str]:
    pg = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
    redis = os.environ.get("BENCH_REDIS", "redis://127.0.0.1:6379")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GUNICORN_", "RECAPTCHA_"))}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "clinic.settings",
            "DEBUG": "false",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SITE_URL": f"http://127.0.0.1:{port}",
            "SECURE_SSL_REDIRECT": "false",
            "DATABASE_URL": f"{pg}/{database}",
            "REDIS_URL": f"{redis}/{redis_db}",
            "RECAPTCHA_PUBLIC_KEY": "",  # captcha off for the run
            "RECAPTCHA_PRIVATE_KEY": "",
            "SMS_BACKEND": "texting.backends.locmem.SmsBackend",
            # Production refuses console and in-memory mail: the run's emails go to files.
            "EMAIL_URL": f"filemail://{OUT / 'mail'}",
            "RELEASE": f"bench-{secrets.token_hex(4)}",
            "LOG_LEVEL": "WARNING",
            "GUNICORN_BIND": f"127.0.0.1:{port}",
            "GUNICORN_ACCESS_LOG": "",
        }
    )
    env.update(extra)
    return env


def run(args: list[str], env: dict[str, str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=ROOT, env=env, check=True, timeout=600, **kwargs)


def prepare(env: dict[str, str], *, database: str) -> None:
    """A fresh database with the site's content, an empty Redis db, collected static files."""
    import psycopg

    admin_url = env["DATABASE_URL"].rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{database}"')
    import redis

    redis.Redis.from_url(env["REDIS_URL"]).flushdb()
    quiet = {"stdout": subprocess.DEVNULL}
    # --skip-checks: the production check wants captcha keys, which this run leaves out.
    run([PYTHON, "manage.py", "migrate", "--no-input", "--skip-checks"], env, **quiet)
    run([PYTHON, "manage.py", "collectstatic", "--no-input", "--clear"], env, **quiet)


@contextlib.contextmanager
def gunicorn(env: dict[str, str], *, port: int, log_name: str = "gunicorn"):
    """Run gunicorn with the production config until the block ends; yield its base URL."""
    OUT.mkdir(parents=True, exist_ok=True)
    log = (OUT / f"{log_name}.log").open("w")
    process = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "--config", "gunicorn.conf.py", "clinic.wsgi"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"gunicorn exited; see {log.name}")
            try:
                with urllib.request.urlopen(f"{base}/healthz", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"gunicorn did not answer /healthz in 60 s; see {log.name}")
            time.sleep(0.3)
        yield base
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
        log.close()


def fetch(url: str, timeout: float = 10) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()

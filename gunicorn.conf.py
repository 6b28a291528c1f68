"""Gunicorn settings for production (`gunicorn -c gunicorn.conf.py clinic.wsgi`).

Sized from the machine: 2 x CPU cores + 1 worker processes, each with a few threads
(the pages wait on PostgreSQL and Redis, not on the CPU). Each value can be
overridden from the environment (GUNICORN_*, WEB_CONCURRENCY, PORT).
"""

import multiprocessing
import os

from gunicorn.glogging import Logger


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


bind = os.environ.get("GUNICORN_BIND", f"0.0.0.0:{_int('PORT', 8000)}")
workers = _int("WEB_CONCURRENCY", 2 * multiprocessing.cpu_count() + 1)
worker_class = "gthread"
threads = _int("GUNICORN_THREADS", 2)
# A request that takes longer than this is killed and logged; patients' pages take
# milliseconds, so 30 s only catches a stuck database.
timeout = _int("GUNICORN_TIMEOUT", 30)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 20)
keepalive = _int("GUNICORN_KEEPALIVE", 5)
# Worker recycling is off (0). At 2000 requests it restarted workers 32 times in one
# 5-minute `make bench` run, and every restart left its in-flight and queued requests
# waiting: p99 was 3 to 10 times p50. Nothing here is known to leak; if a leak is
# ever found, set GUNICORN_MAX_REQUESTS high (100000 or more) and keep the jitter so
# the workers never restart together.
max_requests = _int("GUNICORN_MAX_REQUESTS", 0)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 10000)
# Load Django once in the master and fork the workers from it: a recycled worker
# starts in milliseconds instead of importing the project again (about a second of
# CPU taken from the live workers), and the workers share the code's memory. `make
# bench` measured +25-35% requests per second on the public pages and half the p99
# (when workers still recycled every ~2000 requests). Nothing opens a database, Redis or
# broker connection at import, so no socket is shared across the fork. A deploy
# restarts the master (a new container); HUP alone would not load new code.
preload_app = os.environ.get("GUNICORN_PRELOAD", "true").lower() != "false"
# Containers: heartbeat files in memory, not on an overlay filesystem.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108
control_socket_disable = True

# The proxy in front (load balancer) sets X-Forwarded-Proto; Django trusts it only
# with USE_X_FORWARDED_PROTO=true. Gunicorn itself trusts it from these addresses
# (addresses or networks; compose sets the Docker network the proxy comes from).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# Only the scheme header, in its one spelling, marks a request as HTTPS; and no
# forwarder may set SCRIPT_NAME or PATH_INFO (gunicorn's default), which would let a
# client rewrite the path Django routes. The client's address is read by Django from
# X-Forwarded-For (clinic/security.py, TRUSTED_PROXY_COUNT), not by gunicorn.
secure_scheme_headers = {"X-FORWARDED-PROTO": "https"}
forwarder_headers = ""

# Logs to stdout/stderr, one line per request, without query strings, referrers or
# the tokens of patients' links (see clinic/logs.py).
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
access_log_format = "method=%(m)s path=%(U)s status=%(s)s bytes=%(B)s ms=%(M)s"


class RedactingLogger(Logger):
    """Gunicorn's logger with the request path redacted and no query string at all.

    The error log too: "Invalid request from ip=…: Invalid HTTP request line: '…'" and
    "Error handling request /path?query" keep neither the raw line nor the query.
    """

    def __init__(self, cfg):
        from clinic.logs import RedactServerLines

        super().__init__(cfg)
        if not any(isinstance(f, RedactServerLines) for f in self.error_log.filters):
            self.error_log.addFilter(RedactServerLines())

    def atoms(self, resp, req, environ, request_time):
        from clinic.logs import redact_path

        atoms = super().atoms(resp, req, environ, request_time)
        # Headers and environ carry the raw URI, the referrer and cookies: none of them.
        atoms = {key: value for key, value in atoms.items() if not key.endswith(("}i", "}o", "}e"))}
        atoms["U"] = redact_path(atoms.get("U") or "")
        for key in ("r", "q", "f"):
            atoms[key] = "-"
        return atoms


logger_class = RedactingLogger

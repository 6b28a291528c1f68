"""Log records as one `key=value` line each, with nothing that could carry patient data.

Used by LOGGING in settings. This module imports no models: logging is configured
before the apps are ready.

What is kept out of the logs:
- the `request` object Django attaches to `django.request` records (its POST data,
  cookies and headers never reach a handler: the filter replaces it with the method
  and a redacted path);
- query strings (a path is logged without them);
- the signed tokens of a patient's links (`/appointments/manage/<token>/`, the
  confirmation page's `/appointments/request/done/<token>/` and the day-1 page's
  `/appointments/request/day-one/<token>/`);
- exception messages: a database error's DETAIL can quote a row's values, so a
  traceback is logged as its frames (file, line, function) and the exception's class;
  Celery's task failure and retry lines keep the exception's class only;
- the raw request line, method or header gunicorn quotes when a request is malformed
  (its error log goes through `RedactServerLines`, see gunicorn.conf.py).
"""

import logging
import re
import time
import traceback
from pathlib import Path

# Path segments that are capabilities (a signed link is as good as a password).
_SECRET_SEGMENTS = re.compile(
    r"(/appointments/(?:manage|request/done|request/day-one)/)[^/\s?\"]+"
)


def redact(text: str) -> str:
    """`text` with the signed tokens of patients' links replaced by `…`."""
    return _SECRET_SEGMENTS.sub(r"\1…", text or "")


def redact_path(path: str) -> str:
    """The path without its query string and with signed tokens replaced by `…`."""
    return redact((path or "").split("?", 1)[0])


_QUERY = re.compile(r"\?[^\s'\"]*")


def redact_request_text(text: str) -> str:
    """Free text that may quote a URI: query strings and signed tokens replaced by `…`."""
    return redact(_QUERY.sub("?…", text or ""))


def redact_server_message(message: str) -> str:
    """A web server's log message without the raw request it may quote.

    Gunicorn reports a malformed request as `Invalid request from ip=…: Invalid HTTP
    request line: '<the raw line>'` (or a method, header or version): the raw part can
    hold a patient's link or a query string, so only the kind of error is kept.
    """
    head, sep, detail = (message or "").partition(": ")
    if head.startswith("Invalid request from ip=") and sep:
        label, colon, _raw = detail.partition(":")
        if label[:1] in ("'", '"') or len(label) > 60:
            label = "…"
        return f"{head}: {label}" + (": …" if colon else "")
    return redact_request_text(message)


class RedactServerLines(logging.Filter):
    """Rewrite a record's message through `redact_server_message` (gunicorn's error log)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg, record.args = redact_server_message(record.getMessage()), ()
        return True


class DropRequestData(logging.Filter):
    """Replace a record's `request` with its method and redacted path; never drop the record."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name.startswith("celery.") and isinstance(record.args, dict):
            record.args = _celery_args(record)
        request = getattr(record, "request", None)
        if request is not None and not isinstance(request, str):
            record.method = getattr(request, "method", "")
            record.path = redact_path(getattr(request, "path", ""))
            record.request = f"{record.method} {record.path}"
        return True


def _celery_args(record: logging.LogRecord) -> dict:
    """Celery's task lines ("Task … raised unexpected: %(exc)s", "retry: %(exc)s") print
    the exception's repr, its traceback or the task's arguments: keep the class only."""
    args = dict(record.args)
    if "exc" in args:
        exc_type = record.exc_info[0] if record.exc_info else None
        match = re.match(r"[A-Za-z_][\w.]*", str(args["exc"]))
        args["exc"] = exc_type.__name__ if exc_type else (match.group(0) if match else "error")
    for key in ("args", "kwargs", "traceback", "return_value", "retval"):
        if key in args:
            args[key] = "…"
    return args


PROJECT_ROOT = str(Path(__file__).resolve().parent.parent) + "/"


def project_frame(frames) -> traceback.FrameSummary | None:
    """The innermost frame from the project's own files (not a library), its path relative."""
    for frame in reversed(frames):
        filename = frame.filename
        if filename.startswith(PROJECT_ROOT) and "-packages/" not in filename:
            relative = filename[len(PROJECT_ROOT) :]
            if relative.startswith((".venv/", "venv/")):
                continue
            return traceback.FrameSummary(relative, frame.lineno, frame.name, line="")
    return None


def _quote(value) -> str:
    text = str(value).replace("\n", " ").replace("\r", " ")
    if text and not re.search(r'[\s="]', text):
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


class KeyValueFormatter(logging.Formatter):
    """`time=… level=… logger=… msg="…" [status=… method=… path=…] [exc=… at=…]` on one line."""

    converter = time.gmtime  # UTC, marked with Z: lines from every process sort together
    default_time_format = "%Y-%m-%dT%H:%M:%S"
    default_msec_format = "%s.%03dZ"

    def format(self, record: logging.LogRecord) -> str:
        fields = [
            ("time", self.formatTime(record)),
            ("level", record.levelname),
            ("logger", record.name),
            ("msg", redact(record.getMessage())),
        ]
        for key in ("status_code", "method", "path"):
            value = getattr(record, key, None)
            if value not in (None, ""):
                fields.append(("status" if key == "status_code" else key, value))
        if record.exc_info and record.exc_info[0] is not None:
            exc_type, _exc, tb = record.exc_info
            frames = traceback.extract_tb(tb)[-5:]
            fields.append(("exc", exc_type.__name__))
            where = (f"{f.filename.rsplit('/', 2)[-1]}:{f.lineno}:{f.name}" for f in frames)
            fields.append(("at", " < ".join(reversed(list(where)))))
            # The innermost frame of our own code: where the project was when it failed
            # (the frames above are often all Django's and psycopg's).
            ours = project_frame(traceback.extract_tb(tb))
            if ours is not None:
                fields.append(("origin", f"{ours.filename}:{ours.lineno}:{ours.name}"))
        return " ".join(f"{key}={_quote(value)}" for key, value in fields)

    def formatException(self, ei) -> str:  # noqa: N802 - logging's name
        # Never the exception's message: see format().
        return ei[0].__name__ if ei and ei[0] else ""


def dict_config(*, level: str, debug: bool) -> dict:
    """The LOGGING setting: every record through `DropRequestData` to one stdout handler,
    as one `KeyValueFormatter` line; the root logger at `level`."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "line": {"()": "clinic.logs.KeyValueFormatter"},
        },
        "filters": {
            "no_request_data": {"()": "clinic.logs.DropRequestData"},
        },
        "handlers": {
            "stdout": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stdout",
                "formatter": "line",
                "filters": ["no_request_data"],
            },
        },
        "root": {"handlers": ["stdout"], "level": level},
        "loggers": {
            # Replaces Django's own handlers (console in DEBUG, mail_admins without it), so
            # every line goes through the filter above exactly once.
            "django": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
            # Django logs the path of 4xx/5xx responses; ours carry no PHI in URLs (manage
            # tokens are redacted), but keep these at WARNING so a busy site stays readable.
            "django.request": {"level": "WARNING"},
            "django.server": {
                "handlers": ["stdout"],
                "level": "WARNING" if not debug else "INFO",
                "propagate": False,
            },
        },
    }

"""`make bench`: requests per second and latency of the public pages, then 200 form submissions.

    .venv/bin/python bench/run.py     (BENCH_ROUNDS=3 interleaved rounds of BENCH_SECONDS=5)

1. Rebuilds the `clinic_bench` PostgreSQL database (BENCH_DATABASE), empties Redis
   db 15 (BENCH_REDIS_DB), collects static files, starts gunicorn with the
   production settings on 127.0.0.1.
2. Loads `/`, `/procedures/hsg/`, `/faq/` and `/robots.txt` (the floor: the
   framework's cost with no database and no template) with wrk (or, without it, a
   Python load generator), as a browser asks (Accept-Encoding), after a warm-up, in
   interleaved rounds, and prints the medians of req/s, p50 and p99 and each page's
   ratio to the floor; then the median latency of requests sent one at a time on one
   connection (a cost per request, steadier than req/s on a busy machine).
   Then the free-times lookup (`bench/free_times.py`), against the same floor.
3. Submits 200 appointment requests from 20 concurrent clients (captcha and rate
   limits off for the run) and prints how many were saved and the p95 latency.

Everything runs on loopback, is bounded in time and count, and is stopped at the end.
"""

# ruff: noqa: S310, S603, S607  (a local tool: runs fixed commands against loopback URLs)

import datetime as dt
import html.parser
import http.client
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import urlencode, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

import free_times  # noqa: E402
import load  # noqa: E402
import server  # noqa: E402

PAGES = ["/", "/procedures/hsg/", "/faq/", "/robots.txt"]
FLOOR = "/robots.txt"
SECONDS = int(os.environ.get("BENCH_SECONDS", "5"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
WARMUP_SECONDS = 2
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
# What a phone's browser sends: the pages are measured as phones get them.
ACCEPT_ENCODING = "gzip, deflate, br"
SUBMISSIONS = 200
CLIENTS = 20
# Override to keep apart from other runs on a shared PostgreSQL and Redis.
DATABASE = os.environ.get("BENCH_DATABASE", "clinic_bench")
REDIS_DB = int(os.environ.get("BENCH_REDIS_DB", "15"))


# --- Page load ---------------------------------------------------------------------


def wrk(url: str, seconds: int) -> dict:
    result = subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency"]
        + ["-H", f"Accept-Encoding: {ACCEPT_ENCODING}", url],
        capture_output=True,
        text=True,
        timeout=seconds + 60,
        check=True,
    )
    return load.wrk_stats(result.stdout)


def python_load(url: str, seconds: int) -> dict:
    """A plain load generator for machines without wrk: keep-alive connections in threads."""
    path = urlsplit(url).path

    def send(conn):
        conn.request("GET", path, headers={"Accept-Encoding": ACCEPT_ENCODING})

    return load.threaded(url, send, seconds, CONNECTIONS)


def single_connection_ms(url: str, count: int = 300) -> float:
    """Median latency of `count` requests one after another on one connection.

    Less sensitive than req/s to other work on the machine: a cost per request.
    """
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    times = []
    for _ in range(count):
        start = time.perf_counter()
        conn.request("GET", parts.path, headers={"Accept-Encoding": ACCEPT_ENCODING})
        conn.getresponse().read()
        times.append((time.perf_counter() - start) * 1000)
    conn.close()
    return statistics.median(times)


def load_pages(base: str) -> dict[str, dict]:
    tool = wrk if shutil.which("wrk") else python_load
    print(
        f"Load: {tool.__name__}, {CONNECTIONS} connections, {ROUNDS} rounds of {SECONDS} s "
        "per page (medians)",
        flush=True,
    )
    for path in PAGES:
        status, _ = server.fetch(base + path)
        if status != 200:
            raise SystemExit(f"{path} answered {status}, not 200: nothing to measure")
    for path in PAGES:
        tool(base + path, WARMUP_SECONDS)
    # Interleaved rounds: a burst of other work on the machine hits every page alike.
    rounds: dict[str, list[dict]] = {path: [] for path in PAGES}
    for _ in range(ROUNDS):
        for path in PAGES:
            rounds[path].append(tool(base + path, SECONDS))
    serial = {path: single_connection_ms(base + path) for path in PAGES}
    return {
        path: {
            "serial": serial[path],
            "errors": sum(r["errors"] for r in runs),
            **{key: statistics.median(r[key] for r in runs) for key in ("rps", "p50", "p99")},
        }
        for path, runs in rounds.items()
    }


def print_pages(results: dict[str, dict]) -> None:
    floor = results[FLOOR]["rps"]
    print()
    serial_floor = results[FLOOR]["serial"]
    print(
        f"{'page':<20} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'vs floor':>9}"
        f" {'1-conn ms':>10} {'vs floor':>9}"
    )
    for path, r in results.items():
        ratio = r["rps"] / floor
        flag = "" if path == FLOOR or ratio >= 1.0 else "  < 1.0x target"
        if r["p99"] > 3 * r["p50"]:
            flag += "  p99 > 3x p50"
        print(
            f"{path:<20} {r['rps']:>9.0f} {r['p50']:>8.2f} {r['p99']:>8.2f} {ratio:>8.2f}x"
            f" {r['serial']:>10.2f} {serial_floor / r['serial']:>8.2f}x{flag}"
        )
        if r["errors"]:
            print(f"  {r['errors']} responses were not 2xx/3xx")


# --- Appointment submissions -------------------------------------------------------


class FormParser(html.parser.HTMLParser):
    """The appointment form's fields: hidden values, radio/select choices."""

    def __init__(self):
        super().__init__()
        self.hidden: dict[str, str] = {}
        self.choices: dict[str, list[str]] = {}
        self._select: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        name = a.get("name")
        if tag == "input" and name:
            kind = a.get("type", "text")
            if kind == "hidden":
                self.hidden[name] = a.get("value", "")
            elif kind in ("radio", "checkbox"):
                self.choices.setdefault(name, []).append(a.get("value", "on"))
        elif tag == "select" and name:
            self._select = name
            self.choices.setdefault(name, [])
        elif tag == "option" and self._select and a.get("value"):
            self.choices[self._select].append(a["value"])

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None


def open_days(base: str) -> tuple[str, list[str]]:
    """A first day of the last period whose window has open days, and those days.

    Asked as the form's script asks: a POST with the form's CSRF token and cookie.
    """
    parts = urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        conn.request("GET", "/appointments/request/")
        response = conn.getresponse()
        page = response.read().decode()
        cookie = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie") or "")
        form = FormParser()
        form.feed(page)
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={cookie.group(1)}" if cookie else "",
        }
        today = dt.date.today()
        for days_ago in range(0, 60):
            lmp = today - dt.timedelta(days=days_ago)
            body = urlencode({**form.hidden, "lmp": lmp.isoformat()})
            conn.request("POST", "/appointments/request/window/", body=body, headers=headers)
            response = conn.getresponse()
            answer = response.read()
            if response.status == 200:
                offered = [day["date"] for day in json.loads(answer)["offered_days"]]
                if offered:
                    return lmp.isoformat(), offered
    finally:
        conn.close()
    raise SystemExit("no last-period date in the past 60 days gives an open day to book")


def submit_one(base: str, lmp: str, days: list[str], n: int) -> tuple[int, float]:
    """GET the form (cookie, token, choices), POST a complete request; return status and ms."""
    parts = urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        conn.request("GET", "/appointments/request/")
        response = conn.getresponse()
        page = response.read().decode()
        cookie = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie") or "")
        form = FormParser()
        form.feed(page)
        plans = [v for v in form.choices.get("insurance", []) if v.isdigit()]
        data = {
            **form.hidden,
            "submission_key": str(uuid.uuid4()),
            "procedure": form.choices["procedure"][0],
            "last_period_start": lmp,
            "preferred_date_1": days[n % len(days)],
            "preferred_time": form.choices.get("preferred_time", ["morning"])[0],
            "first_name": "Bench",
            "last_name": f"Patient{n:03d}",
            "date_of_birth": "1990-03-14",
            "phone": "(212) 555-0123",
            "email": f"bench{n:03d}@example.com",
            "insurance": plans[0] if plans else form.choices["insurance"][0],
            "may_be_pregnant": "no",
            "sms_consent": "on",
        }
        body = urlencode(data)
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={cookie.group(1)}" if cookie else "",
        }
        start = time.perf_counter()
        conn.request("POST", "/appointments/request/", body=body, headers=headers)
        response = conn.getresponse()
        response.read()
        return response.status, (time.perf_counter() - start) * 1000
    finally:
        conn.close()


def submit_many(base: str) -> dict:
    lmp, days = open_days(base)
    queue = list(range(SUBMISSIONS))
    lock = threading.Lock()
    results: list[tuple[int, float]] = []
    deadline = time.monotonic() + 120

    def client():
        while time.monotonic() < deadline:
            with lock:
                if not queue:
                    return
                n = queue.pop()
            outcome = submit_one(base, lmp, days, n)
            with lock:
                results.append(outcome)

    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    latencies = sorted(ms for _, ms in results)
    return {
        "sent": len(results),
        "redirected": sum(1 for status, _ in results if status == 302),
        "statuses": sorted({status for status, _ in results}),
        "p50": statistics.median(latencies),
        "p95": latencies[max(0, int(len(latencies) * 0.95) - 1)],
        "seconds": elapsed,
    }


def saved_count(env: dict[str, str]) -> int:
    code = (
        "from appointments.models import AppointmentRequest;"
        "print(AppointmentRequest.objects.filter(email__startswith='bench').count())"
    )
    result = subprocess.run(
        [server.PYTHON, "manage.py", "shell", "-c", code],
        cwd=server.ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return int(result.stdout.strip().splitlines()[-1])


def main() -> None:
    port = server.free_port()
    env = server.production_env(
        port=port, database=DATABASE, redis_db=REDIS_DB, RATELIMIT_ENABLED="false"
    )
    print(f"Preparing PostgreSQL database {DATABASE!r}, Redis db {REDIS_DB}, static files…")
    server.prepare(env, database=DATABASE)
    with server.gunicorn(env, port=port, log_name="bench-gunicorn") as base:
        print(f"gunicorn (production settings) on {base}", flush=True)
        pages = load_pages(base)
        print_pages(pages)
        free_times.measure(
            base,
            floor_rps=pages[FLOOR]["rps"],
            seconds=SECONDS,
            rounds=ROUNDS,
            connections=CONNECTIONS,
        )
        print(f"\nSubmitting {SUBMISSIONS} appointment requests from {CLIENTS} clients…")
        sub = submit_many(base)
    saved = saved_count(env)
    print(
        f"saved {saved} of {SUBMISSIONS} (sent {sub['sent']}, redirected to the confirmation "
        f"{sub['redirected']}, statuses {sub['statuses']}) in {sub['seconds']:.1f} s; "
        f"submit p50 {sub['p50']:.0f} ms, p95 {sub['p95']:.0f} ms"
        + ("" if sub["p95"] < 300 else "  > 300 ms target")
    )


if __name__ == "__main__":
    main()

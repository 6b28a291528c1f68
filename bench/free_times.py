"""The free-times lookup under load: POST /appointments/request/times/ against the floor.

Called by `bench/run.py` after the page loads, with the floor's req/s from the same
tool: wrk (with `bench/free_times.lua` for the POST) when installed, else keep-alive
connections in threads. The lookup must reach at least 0.5x the floor.
"""

# ruff: noqa: S310, S603, S607  (a local tool: runs wrk against loopback URLs)

from __future__ import annotations

import datetime as dt
import http.client
import os
import re
import shutil
import statistics
import subprocess
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import load  # bench/, beside this script

TARGET = 0.5
PATH = "/appointments/request/times/"
LUA = Path(__file__).resolve().parent / "free_times.lua"


def lookup_body(base: str, procedure: str) -> tuple[str, dict[str, str]]:
    """A form body for a window with open days, and the CSRF cookie and header it needs."""
    parts = urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    conn.request("GET", "/appointments/request/")
    response = conn.getresponse()
    page = response.read().decode()
    conn.close()
    cookie = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie") or "").group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": f"csrftoken={cookie}",
        "X-CSRFToken": token,
        "Referer": base + "/appointments/request/",
    }
    # A first day of the last period whose window has free times (a day-5-to-12 window
    # starts four days after it): try recent dates until the answer lists some.
    for days_ago in range(0, 30):
        lmp = (dt.date.today() - dt.timedelta(days=days_ago)).isoformat()
        body = urlencode({"procedure": procedure, "last_period_start": lmp})
        status, answer = _post(base, body, headers)
        if status == 200 and 'name="slot"' in answer:
            return body, headers
    raise SystemExit("no recent last-period date gives free times to look up")


def _post(base: str, body: str, headers: dict[str, str]) -> tuple[int, str]:
    parts = urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    conn.request("POST", PATH, body=body, headers=headers)
    response = conn.getresponse()
    text = response.read().decode()
    conn.close()
    return response.status, text


def _wrk(base: str, body: str, headers: dict[str, str], seconds: int, connections: int) -> dict:
    env = {
        **os.environ,
        "TIMES_BODY": body,
        "TIMES_COOKIE": headers["Cookie"],
        "TIMES_TOKEN": headers["X-CSRFToken"],
        "TIMES_REFERER": headers["Referer"],
    }
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", str(LUA),
         base + PATH],
        capture_output=True, text=True, timeout=seconds + 60, check=True, env=env,
    ).stdout  # fmt: skip
    return load.wrk_stats(out)


def _threads(base: str, body: str, headers: dict[str, str], seconds: int, connections: int):
    def send(conn):
        conn.request("POST", PATH, body=body, headers=headers)

    return load.threaded(base, send, seconds, connections)


def measure(base: str, *, floor_rps: float, seconds: int, rounds: int, connections: int) -> dict:
    """Median req/s, p50 and p99 of the lookup over `rounds`; prints the ratio to the floor."""
    procedure = re.search(r'name="procedure" value="(\d+)"', _form(base)).group(1)
    body, headers = lookup_body(base, procedure)
    tool = _wrk if shutil.which("wrk") else _threads
    tool(base, body, headers, 2, connections)  # warm-up
    runs = [tool(base, body, headers, seconds, connections) for _ in range(rounds)]
    result = {k: statistics.median(r[k] for r in runs) for k in ("rps", "p50", "p99")}
    result["errors"] = sum(r["errors"] for r in runs)
    ratio = result["rps"] / floor_rps
    flag = "" if ratio >= TARGET else f"  < {TARGET}x target"
    print(
        f"{'free-times lookup':<20} {result['rps']:>9.0f} {result['p50']:>8.2f} "
        f"{result['p99']:>8.2f} {ratio:>8.2f}x   (POST {PATH}, {tool.__name__.strip('_')})"
        f"{flag}"
    )
    if result["errors"]:
        print(f"  {result['errors']} responses were not 2xx/3xx")
    return result


def _form(base: str) -> str:
    parts = urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    conn.request("GET", "/appointments/request/")
    page = conn.getresponse().read().decode()
    conn.close()
    return page

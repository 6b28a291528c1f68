"""Load generators shared by the benches: wrk's report read into numbers, and a plain
threaded generator for machines without wrk (keep-alive connections, one per thread)."""

from __future__ import annotations

import http.client
import re
import threading
import time
from collections.abc import Callable
from urllib.parse import urlsplit


def _ms(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def wrk_stats(out: str) -> dict:
    """Requests a second, p50 and p99 in ms, and errors, from `wrk --latency`'s report."""
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": _ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1)),
        "p99": _ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1)),
        "errors": int(errors.group(1)) if errors else 0,
    }


def threaded(
    url: str,
    send: Callable[[http.client.HTTPConnection], None],
    seconds: int,
    connections: int,
) -> dict:
    """`send` a request again and again on each of `connections` connections for
    `seconds`; the same numbers as `wrk_stats`."""
    parts = urlsplit(url)
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def worker():
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
        mine, bad = [], 0
        while time.monotonic() < stop:
            start = time.perf_counter()
            send(conn)
            response = conn.getresponse()
            response.read()
            mine.append((time.perf_counter() - start) * 1000)
            bad += response.status >= 400
        conn.close()
        with lock:
            latencies.extend(mine)
            errors[0] += bad

    threads = [threading.Thread(target=worker) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    latencies.sort()
    return {
        "rps": len(latencies) / seconds,
        "p50": latencies[len(latencies) // 2],
        "p99": latencies[int(len(latencies) * 0.99)],
        "errors": errors[0],
    }

"""`make lighthouse`: Lighthouse 12.8.2 (mobile) over every public page, on the production settings.

    npm ci && .venv/bin/python bench/lighthouse.py [path ...]

Starts gunicorn with the production settings on loopback (see server.py), runs the
pinned Lighthouse from node_modules with Debian's chromium in its default mobile
mode (simulated slow 4G, a mid-range phone), prints the four scores and the bytes
transferred per page, and exits non-zero when a page misses a target:
performance 98, accessibility, best practices and SEO 100, home page 150 KB, the HSG
page 12 KB (both as sent: compressed).
Reports land in var/bench/lighthouse/<page>.json.
"""

# ruff: noqa: S603  (a local tool: runs the pinned lighthouse against loopback URLs)

import json
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import server  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from clinic.public_pages import PUBLIC_PAGES  # noqa: E402

PAGES = list(PUBLIC_PAGES)
TARGETS = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}
# Bytes transferred per page, everything included (HTML, CSS, JS, fonts, images).
PAGE_BYTES = {"/": 150_000, "/procedures/hsg/": 12_000}
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)
LIGHTHOUSE = server.ROOT / "node_modules" / ".bin" / "lighthouse"
REPORTS = server.OUT / "lighthouse"
# Override to keep apart from other runs on a shared PostgreSQL and Redis.
DATABASE = os.environ.get("LIGHTHOUSE_DATABASE", "clinic_lighthouse")
REDIS_DB = int(os.environ.get("LIGHTHOUSE_REDIS_DB", "14"))


def audit(url: str, report: Path, attempts: int = 3) -> dict | None:
    """Lighthouse's JSON for `url`; None if it fails `attempts` times in a row.

    Chromium on a busy machine now and then loses a trace (NO_NAVSTART, NO_FCP):
    Lighthouse's own advice is to run it again.
    """
    for attempt in range(1, attempts + 1):
        report.unlink(missing_ok=True)
        try:
            _lighthouse(url, report)
            return json.loads(report.read_text())
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired, FileNotFoundError):
            print(f"  Lighthouse failed on {url} (attempt {attempt} of {attempts})", flush=True)
    return None


def _lighthouse(url: str, report: Path) -> None:
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--chrome-flags={CHROME_FLAGS}",
            "--only-categories=performance,accessibility,best-practices,seo",
            "--max-wait-for-load=30000",
        ],
        cwd=server.ROOT,
        env={**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")},
        check=True,
        timeout=180,
    )


def summary(path: str, result: dict) -> tuple[dict, list[str]]:
    scores = {key: round((result["categories"][key]["score"] or 0) * 100) for key in TARGETS}
    row = {
        **scores,
        "bytes": int(result["audits"]["total-byte-weight"]["numericValue"]),
        "lcp": result["audits"]["largest-contentful-paint"]["numericValue"],
    }
    problems = []
    for key, target in TARGETS.items():
        if scores[key] < target:
            failing = [
                result["audits"][ref["id"]]["title"]
                for ref in result["categories"][key]["auditRefs"]
                if ref["weight"] > 0
                and result["audits"][ref["id"]]["score"] is not None
                and result["audits"][ref["id"]]["score"] < 1
            ]
            problems.append(f"{path} {key} {scores[key]} < {target}: " + "; ".join(failing))
    if path in PAGE_BYTES and row["bytes"] > PAGE_BYTES[path]:
        problems.append(f"{path} transfers {row['bytes']} bytes > {PAGE_BYTES[path]}")
    return row, problems


def main(paths: list[str]) -> int:
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is not installed: run `npm ci` first (make lighthouse does).")
    port = server.free_port()
    env = server.production_env(port=port, database=DATABASE, redis_db=REDIS_DB)
    print(f"Preparing PostgreSQL database {DATABASE!r}, Redis db {REDIS_DB}, static files…")
    server.prepare(env, database=DATABASE)
    REPORTS.mkdir(parents=True, exist_ok=True)
    rows, problems = {}, []
    with server.gunicorn(env, port=port, log_name="lighthouse-gunicorn") as base:
        print(f"gunicorn (production settings) on {base}; Lighthouse, mobile", flush=True)
        for path in paths:
            name = path.strip("/").replace("/", "_") or "home"
            result = audit(base + path, REPORTS / f"{name}.json")
            if result is None:
                problems.append(f"{path}: Lighthouse could not audit the page")
                continue
            row, page_problems = summary(path, result)
            rows[path] = row
            problems += page_problems
            print(
                f"{path:<45} perf {row['performance']:>3}  a11y {row['accessibility']:>3}  "
                f"best {row['best-practices']:>3}  seo {row['seo']:>3}  "
                f"{row['bytes'] / 1000:>6.1f} KB  LCP {row['lcp'] / 1000:.2f} s",
                flush=True,
            )
    if problems:
        print("\nBelow target:")
        for line in problems:
            print(f"  {line}")
        return 1
    print(f"\nAll {len(rows)} pages meet the targets.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or PAGES))

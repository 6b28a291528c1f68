"""Texting depends on nothing in appointments, and no two apps import each other."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APPS = ["clinic", "procedures", "faq", "texting", "appointments"]
# The project's wiring lives in `clinic` and names every app: the URLconf, settings,
# and the site-wide management commands. Apps' own code is what must not cycle.
WIRING = {"urls.py", "settings.py", "wsgi.py", "celery.py"}


def imported_apps(app: str) -> set[str]:
    """The other apps of ours that `app`'s own modules (not its tests) import."""
    found = set()
    for path in (ROOT / app).rglob("*.py"):
        if {"tests", "migrations", "management"} & set(path.parts) or (
            app == "clinic" and path.name in WIRING
        ):
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            found.update(name.split(".")[0] for name in names)
    return (found & set(APPS)) - {app}


def test_texting_imports_no_app_but_clinic():
    assert imported_apps("texting") <= {"clinic"}


def test_no_two_apps_import_each_other():
    graph = {app: imported_apps(app) for app in APPS}
    cycles = [(a, b) for a in APPS for b in graph[a] if a in graph[b]]
    assert cycles == []


@pytest.mark.slow
def test_the_texting_core_suite_passes_with_appointments_not_installed():
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "texting/tests/test_core.py",
            "--ds=texting.tests.settings_alone",
            "--nomigrations",
            "--create-db",
            "-p",
            "no:cacheprovider",
            "-q",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert " passed" in result.stdout

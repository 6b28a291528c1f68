# `make run` serves the site with a Celery worker and beat; `make test` runs the suite.
# Both need only Python 3.11+ and make: they install what they need into .venv.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip

.PHONY: run test lint format migrate install install-dev superuser bench lighthouse backup restore clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(VENV)/bin/python
	$(PIP) install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(VENV)/bin/python
	$(PIP) install --quiet -r requirements-dev.txt
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

# DEBUG is off unless set: the development targets turn it on (the tests do in pytest.ini).
migrate run test superuser: export DEBUG = true

migrate: install
	$(PY) manage.py migrate --no-input

run: migrate
	@echo ""
	@echo "  The site:      http://127.0.0.1:8000/"
	@echo "  Front desk:    http://127.0.0.1:8000/admin/"
	@echo "  First login:   make superuser NAME=<username>   (a password, then a one-time code)"
	@echo ""
	$(VENV)/bin/honcho start -f Procfile.dev

# The front desk's first account: `make superuser NAME=frontdesk` asks for a password,
# then prints a second-factor code that works once.
superuser: migrate
	@test -n "$(NAME)" || { echo "usage: make superuser NAME=<username>"; exit 2; }
	$(PY) manage.py createsuperuser --username "$(NAME)"
	$(PY) manage.py addstatictoken "$(NAME)"

test: install-dev
	$(PY) -m ruff check .
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) -m pytest

lint: install-dev
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: install-dev
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

# Production settings on loopback (gunicorn, PostgreSQL, Redis): see bench/run.py.
bench: install
	@command -v wrk >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; } 2>/dev/null || echo "wrk not installed: bench uses its Python load generator"
	$(PY) bench/run.py

# Lighthouse (pinned in package-lock.json) with Debian's chromium: see bench/lighthouse.py.
lighthouse: install
	npm ci --no-audit --no-fund --loglevel=error
	$(PY) bench/lighthouse.py

# PostgreSQL only: a dated pg_dump -Fc in BACKUP_DIR (encrypted with BACKUP_ENCRYPTION_KEY
# if set), keeping the last BACKUP_KEEP. Restore into an EMPTY database (see README).
backup: install
	$(PY) manage.py backup

restore: install
	@test -n "$(FILE)" || { echo "usage: make restore FILE=var/backups/clinic-....dump"; exit 2; }
	$(PY) manage.py restore "$(FILE)"

clean:
	rm -rf $(VENV) staticfiles var .pytest_cache .ruff_cache

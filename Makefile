# The two commands a newcomer needs: `make demo` and `make test`. See README.md.
SHELL := /bin/bash
# Python 3.13: pyenv (and uv) read .python-version; otherwise python3.13 from PATH.
PYTHON ?= $(shell command -v python3.13 2>/dev/null || echo python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
HOST ?= 127.0.0.1
MANAGE := $(BIN)/python manage.py
# makemessages needs no secret key: the test settings carry a throwaway one, so the catalogues can
# be refreshed on a fresh clone before `make demo` has written .env.
CATALOGUES := DJANGO_SETTINGS_MODULE=config.settings.test $(MANAGE)

.PHONY: demo serve install database static test bench lint messages compilemessages lock clean

# uv installs the lock in seconds where pip took 80 s on an empty cache: the uv on PATH, else this
# pinned one, which pip fetches once into .run/uv. Without either (no pip for $(PYTHON)), pip does it.
UV_VERSION := 0.13.8
UV := $(or $(shell command -v uv 2>/dev/null),.run/uv/bin/uv)
# The system's certificates, as pip uses: a proxy's own authority trusted there is trusted by uv too.
export UV_SYSTEM_CERTS = 1
# Compiled bytecode is cached in .run/pycache, for the packages and our code alike, even where
# PYTHONDONTWRITEBYTECODE=1 asks to keep the tree free of __pycache__ (the prefix keeps it so).
# Without a cache every process (each test worker, the demo's gunicorn and Celery workers) compiled
# Django, Wagtail and our apps from source: 10.6 s to start Django the first time, 2.6 s after.
# Compiling only what is imported, when it is first imported, also spares the install compiling
# all of the venv (uv's --compile-bytecode: 29 s on 2 cores, mostly Twilio's and phonenumbers'
# generated modules that nothing imports).
export PYTHONDONTWRITEBYTECODE =
export PYTHONPYCACHEPREFIX = $(CURDIR)/.run/pycache

install: $(VENV)/.installed

$(VENV)/.installed: requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 13) else "Python 3.13 is needed (pyenv install 3.13), found " + sys.version.split()[0])'
	@if [ -x $(UV) ] || $(PYTHON) -m pip install -q --disable-pip-version-check --root-user-action=ignore --target .run/uv uv==$(UV_VERSION); then \
	  set -x; \
	  { [ -x $(BIN)/python ] || $(UV) venv -q --seed --python $(PYTHON) $(VENV); } && \
	  $(UV) pip install -q --python $(BIN)/python -r requirements.lock; \
	else \
	  set -x; \
	  $(PYTHON) -m venv $(VENV) && $(BIN)/pip install -q --upgrade pip && $(BIN)/pip install -q -r requirements.lock; \
	fi
	touch $@

# The demo's own secret key, generated once, never committed (.env is in .gitignore). Only the
# demo and serve targets read it (DJANGO_ENV_FILE below); tests never do.
.env:
	@$(PYTHON) -c 'import secrets; print("DJANGO_SECRET_KEY=" + secrets.token_urlsafe(50))' > .env
	@echo "Wrote a new secret key to .env"

# The catalogues compiled as Django's compilemessages does (msgfmt --check-format), each only when
# its .po changed: the command started Django for it, 4 s before every test run.
compilemessages: $(patsubst %.po,%.mo,$(shell find locale -name '*.po'))
%.mo: %.po
	msgfmt --check-format -o $@ $<

# Embedded mode: SQLite, plain HTTP on 127.0.0.1, SMS to the console, and a real Celery worker
# with beat whose broker is a folder (.run/), so scheduled work runs without Redis.
demo serve: export DJANGO_SETTINGS_MODULE = config.settings.local
demo serve: export DJANGO_ENV_FILE = .env
demo serve: export DJANGO_HTTPS = 0
demo serve: export DJANGO_SERVE_MEDIA = 1
demo serve: export SMS_PROVIDER = console
demo serve: export CELERY_BROKER_URL = filesystem://
demo serve: export SITE_URL = http://$(HOST):$(PORT)
# migrate is the longest step (Django re-renders the model state at each of ~230 migrations: CPU,
# not SQL), so the catalogues and the static files are made beside it.
demo: install .env
	@$(MAKE) --no-print-directory -j3 database compilemessages static
	$(MANAGE) load_demo
	@$(MAKE) --no-print-directory serve

database: install
	$(MANAGE) migrate --noinput -v0

static: install
	$(MANAGE) collectstatic --noinput -v0

serve: .env
	@echo
	@echo "  Public site (Vietnamese):  http://$(HOST):$(PORT)/vi/"
	@echo "  Public site (English):     http://$(HOST):$(PORT)/en/"
	@echo "  Admin (Wagtail):           http://$(HOST):$(PORT)/admin/   demo users: see README.md"
	@echo "  Stop with Ctrl-C."
	@echo
	PORT=$(PORT) HOST=$(HOST) BIN=$(BIN) bash platform/run-embedded.sh

# One pytest-xdist worker per core, each with its own test database and cache key prefix
# (config/settings/test.py), copied from a template migrated once per set of migrations
# (tests/template_database.py). pytest-randomly runs the tests in a new order each time and prints
# its seed: `PYTEST_ARGS=--randomly-seed=N` replays an order.
TEST_WORKERS ?= auto
# On PostgreSQL the tests marked `alone` run after, by themselves: those that start real Celery
# workers (beside browser tests on 2 cores their workers were starved past the tests' waits) and
# those that count the rows PostgreSQL reads (conftest.py leaves them out of the xdist run). All of
# them need PostgreSQL: on the embedded SQLite they skip within the first run, sparing a second
# collection of the whole suite (10 s).
# The test databases' template starts migrating beside pytest, while pytest starts
# (tests/template_database.py). Every test waits for it, so pytest runs at a lower priority
# (`nice`) and the migration keeps a core while pytest and its workers start up.
test: install compilemessages
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/python -m tests.template_database &
	nice $(BIN)/pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)
	if [[ "$$DATABASE_URL" == postgres* ]]; then \
	  $(BIN)/pytest $(PYTEST_ARGS) -m alone || [ $$? -eq 5 ]; \
	fi  # 5: none of the chosen tests is marked

bench: install compilemessages
	$(BIN)/python -m bench $(BENCH_ARGS)

# Style, then types (strict on the bottom layers, pyproject.toml [tool.mypy]), then the apps'
# layers (pyproject.toml, [tool.importlinter]; docs/architecture.md).
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

# After changing user-facing strings: refresh the catalogues, then translate locale/vi (see locale/README.md).
# --ignore=tests leaves out every folder named tests: the top one and each app's <app>/tests/.
# gettext's tools drop letters they cannot encode in a non-UTF-8 locale: "thôn" became "thn".
messages: export LC_ALL = C.UTF-8
messages: install
	$(CATALOGUES) makemessages -l vi -l en --ignore=.venv --ignore=staticfiles --ignore=tests --ignore=bench --no-obsolete
	msgattrib --clear-fuzzy --empty locale/en/LC_MESSAGES/django.po -o locale/en/LC_MESSAGES/django.po
	msgen locale/en/LC_MESSAGES/django.po -o locale/en/LC_MESSAGES/django.po
	@$(MAKE) --no-print-directory compilemessages

# Re-resolve the lock file after changing the pins in pyproject.toml.
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install -q --upgrade pip && .lock-venv/bin/pip install -q -e '.[dev]'
	.lock-venv/bin/pip freeze --exclude-editable | grep -v '^-e' > requirements.lock
	rm -rf .lock-venv

clean:
	rm -rf $(VENV) .run staticfiles db.sqlite3 test-results

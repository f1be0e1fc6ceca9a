# The two commands a newcomer needs: `make demo` and `make test`. See README.md.
SHELL := /bin/bash
# Python 3.13: pyenv (and uv) read .python-version; otherwise python3.13 from PATH.
PYTHON ?= $(shell command -v python3.13 2>/dev/null || echo python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
HOST ?= 127.0.0.1
MANAGE := $(BIN)/python manage.py
# Translation catalogues need no secret key: the test settings carry a throwaway one, so
# `make test` works on a fresh clone before `make demo` has written .env.
CATALOGUES := DJANGO_SETTINGS_MODULE=config.settings_test $(MANAGE)

.PHONY: demo serve install test test-fast bench lint messages compilemessages lock clean

install: $(VENV)/.installed

$(VENV)/.installed: requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 13) else "Python 3.13 is needed (pyenv install 3.13), found " + sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -r requirements.lock
	touch $@

# The demo's own secret key, generated once, never committed (.env is in .gitignore).
.env:
	@$(PYTHON) -c 'import secrets; print("DJANGO_SECRET_KEY=" + secrets.token_urlsafe(50))' > .env
	@echo "Wrote a new secret key to .env"

compilemessages: install
	$(CATALOGUES) compilemessages --ignore=.venv -v0

# Embedded mode: SQLite, plain HTTP on 127.0.0.1, SMS to the console, and a real Celery worker
# with beat whose broker is a folder (.run/), so scheduled work runs without Redis.
demo serve: export DJANGO_HTTPS = 0
demo serve: export DJANGO_SERVE_MEDIA = 1
demo serve: export SMS_PROVIDER = console
demo serve: export CELERY_BROKER_URL = filesystem://
demo serve: export SITE_URL = http://$(HOST):$(PORT)
demo: install .env compilemessages
	$(MANAGE) migrate --noinput -v0
	$(MANAGE) collectstatic --noinput -v0
	$(MANAGE) load_demo
	@$(MAKE) --no-print-directory serve

serve:
	@echo
	@echo "  Public site (Vietnamese):  http://$(HOST):$(PORT)/vi/"
	@echo "  Public site (English):     http://$(HOST):$(PORT)/en/"
	@echo "  Admin (Wagtail):           http://$(HOST):$(PORT)/admin/   demo users: see README.md"
	@echo "  Stop with Ctrl-C."
	@echo
	PORT=$(PORT) HOST=$(HOST) BIN=$(BIN) bash platform/run-embedded.sh

test: install compilemessages
	$(BIN)/pytest $(PYTEST_ARGS)

bench: install compilemessages
	$(BIN)/python -m bench $(BENCH_ARGS)

# The apps' layers (pyproject.toml, [tool.importlinter]; docs/architecture.md) after style.
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

# After changing user-facing strings: refresh the catalogues, then translate locale/vi (see locale/README.md).
# gettext's tools drop letters they cannot encode in a non-UTF-8 locale: "thôn" became "thn".
messages: export LC_ALL = C.UTF-8
messages: install
	$(CATALOGUES) makemessages -l vi -l en --ignore=.venv --ignore=staticfiles --ignore=tests --ignore=bench --no-obsolete
	msgattrib --clear-fuzzy --empty locale/en/LC_MESSAGES/django.po -o locale/en/LC_MESSAGES/django.po
	msgen locale/en/LC_MESSAGES/django.po -o locale/en/LC_MESSAGES/django.po
	$(CATALOGUES) compilemessages --ignore=.venv -v0

# Re-resolve the lock file after changing the pins in pyproject.toml.
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install -q --upgrade pip && .lock-venv/bin/pip install -q -e '.[dev]'
	.lock-venv/bin/pip freeze --exclude-editable | grep -v '^-e' > requirements.lock
	rm -rf .lock-venv

clean:
	rm -rf $(VENV) .run staticfiles db.sqlite3 test-results

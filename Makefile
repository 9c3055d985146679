# The IDSWG portal's commands. `make run` starts the demo; `make test` runs every test.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
LAO_MO := locale/lo/LC_MESSAGES/django.mo
HOST ?= 127.0.0.1
# The address links in e-mails and the demo's printed RSVP link use: where `make run` really listens.
SITE_URL ?= http://$(if $(filter 0.0.0.0,$(HOST)),localhost,$(HOST)):$(PORT)

.PHONY: run test lint format bench worker beat vendor messages setup system-packages

$(VENV)/.installed: requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed")'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

## The Debian packages (Pango, Lao fonts, Chromium, ...): the one step that may ask for sudo. `make run` calls it.
system-packages:
	@./scripts/system-packages

# What `make test` needs: never root, never a password.
setup: $(VENV)/.installed $(LAO_MO)

# The compiled Lao catalogue is built from the committed .po, never committed itself.
$(LAO_MO): locale/lo/LC_MESSAGES/django.po $(VENV)/.installed
	$(PY) manage.py compilemessages -l lo --ignore=.venv --ignore=node_modules

## Start the portal with the demo content on http://127.0.0.1:8000 (SQLite, tasks in-process).
run: system-packages setup
	DEBUG=1 $(PY) manage.py migrate --no-input
	DEBUG=1 SITE_URL=$(SITE_URL) $(PY) manage.py load_demo
	DEBUG=1 SITE_URL=$(SITE_URL) $(PY) manage.py runserver $(HOST):$(PORT)

## Lint, then the whole test suite (PostgreSQL/Redis/worker tests run when DATABASE_URL/REDIS_URL are set).
test: setup lint
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) -m pytest

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

## Benchmarks (scripts in bench/, figures in the README).
bench: setup
	@for script in bench/bench_*.py; do echo "== $$script"; $(PY) $$script || exit 1; done

worker: setup
	$(VENV)/bin/celery -A idswg worker -l info

beat: setup
	$(VENV)/bin/celery -A idswg beat -l info

## Refresh static/vendor from the npm packages pinned in package.json.
vendor:
	npm ci --no-audit --no-fund
	./scripts/vendor-assets

## Refresh the Lao catalogue from the code; then translate what is new (see README, Translations).
messages: $(VENV)/.installed
	$(PY) manage.py makemessages -l lo --no-location --ignore=.venv --ignore=node_modules --ignore=static/vendor

# Järjestökartta: `make run` and `make test` are the whole quick start (see README.md).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
MANAGE := $(PY) manage.py
# Debian packages the project needs: gettext compiles the Finnish/Swedish/English messages;
# libvoikko1 and voikko-fi analyse Finnish words for search; chromium runs the browser tests.
DEB_PACKAGES := gettext libvoikko1 voikko-fi chromium

.PHONY: help setup system-packages venv run dev test lint typecheck format migrations-check bench bench-quick clean

help:
	@echo "make run               set up, then serve http://127.0.0.1:8000 (gunicorn)"
	@echo "make test              set up, then run every test"
	@echo "make setup             set up only: .venv, packages, migrations, demo data"
	@echo "make dev               the autoreloading development server"
	@echo "make lint              ruff check and format check, import rules"
	@echo "make typecheck         mypy on core, search, diagram and popolo"
	@echo "make migrations-check  fail when models and migrations differ"
	@echo "make bench             import, events, export, search, pages, diagram and API at national scale"
	@echo "make bench-quick       the same on 10,000 organisations, in under two minutes"

# Installs missing Debian packages when run as root; otherwise says what is missing.
system-packages:
	@missing=""; for p in $(DEB_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing Debian packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "Missing Debian packages:$$missing (run 'sudo apt-get install$$missing' or make as root)"; exit 1; \
	  fi; \
	fi

# Debian's own python3 needs python3-venv for this; a pyenv or python.org Python has it.
$(BIN)/activate:
	@$(PYTHON) -c "import ensurepip, venv" 2>/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null; \
	  else echo "$(PYTHON) cannot make a virtual environment: install python3-venv"; exit 1; fi; }
	$(PYTHON) -m venv $(VENV)

# Reinstalls only when a requirements file changed.
$(VENV)/.installed: requirements.txt requirements-dev.txt | $(BIN)/activate
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

venv: $(VENV)/.installed

setup: system-packages venv
	$(MANAGE) compilemessages --ignore=.venv -v0
	$(MANAGE) migrate --no-input -v1
	$(MANAGE) createcachetable
	$(MANAGE) collectstatic --no-input -v0
	$(MANAGE) load_demo

# Two workers beside the server, stopped with it: one moves the stored occurrences' horizon on
# every night (events/occurrences.py); db_worker sends the queued mail (core/outbox.py).
run: setup
	$(MANAGE) refresh_occurrences --daily & nightly=$$!; \
	$(MANAGE) db_worker --no-reload & tasks=$$!; \
	trap 'kill $$nightly $$tasks 2>/dev/null' EXIT INT TERM; \
	$(BIN)/gunicorn jarjestokartta.wsgi -c gunicorn.conf.py

dev: setup
	DEBUG=true $(MANAGE) runserver 127.0.0.1:8000

# The same set-up as `make run` (so the demo data is proven to load), then every test; pytest
# makes its own test database beside the configured one.
test: setup
	$(BIN)/pytest $(PYTEST_ARGS)

# lint-imports checks the layers, cycles and Django-free modules of pyproject.toml's
# [tool.importlinter]; run from here so that the project's package is importable.
lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

# mypy with django-stubs, configured in pyproject.toml. The other apps may follow, each by its
# folder here and a line fewer in the pyproject's list of packages not checked yet.
TYPECHECKED := jarjestokartta/core jarjestokartta/search jarjestokartta/diagram jarjestokartta/popolo

typecheck: venv
	$(BIN)/mypy $(TYPECHECKED)

format: venv
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Fails when models and migrations differ, or when the migrations cannot be undone and redone
# (tried on a throwaway SQLite file).
migrations-check: venv
	$(MANAGE) makemigrations --check --dry-run
	@tmp=$$(mktemp -d) && trap 'rm -rf '"$$tmp" EXIT && \
	export VAR_DIR=$$tmp DATABASE_URL= && \
	$(MANAGE) migrate -v0 && \
	for app in structures directory geography; do $(MANAGE) migrate $$app zero -v0 || exit 1; done && \
	$(MANAGE) migrate -v0 && echo "Migrations apply, reverse and apply again."

# Benchmarks run in their own databases: var/bench/ (SQLite) and $(BENCH_DB) (PostgreSQL), on a
# synthetic Finland written once to var/bench-data/. `make bench-quick` is the everyday version.
# The bench commands live outside the product (bench/), in bench.settings only.
BENCH_ORGS ?= 120000
BENCH_REPEAT ?= 5
BENCH_PAGES ?= 30
BENCH_API ?=
BENCH_PG ?= postgres://postgres@127.0.0.1:5432
BENCH_DB ?= jk_bench
# "-events": the file gained its activities and events (issue 14); older files lack them.
BENCH_FILE = var/bench-data/finland-$(BENCH_ORGS)-events.json
BENCH_MANAGE := DJANGO_SETTINGS_MODULE=bench.settings $(MANAGE)

# $(1) the DATABASE_URL (empty: SQLite), $(2) the name in the figures' file names.
define bench_database
	VAR_DIR=var/bench DATABASE_URL=$(1) $(BENCH_MANAGE) migrate -v0
	VAR_DIR=var/bench DATABASE_URL=$(1) $(BENCH_MANAGE) bench_import $(BENCH_FILE) --output var/bench/import-$(2).json
	VAR_DIR=var/bench DATABASE_URL=$(1) $(BENCH_MANAGE) bench_events $(BENCH_FILE) --import-figures var/bench/import-$(2).json --repeat $(BENCH_REPEAT) --output var/bench/events-$(2).json
	VAR_DIR=var/bench DATABASE_URL=$(1) $(BENCH_MANAGE) bench_export --output var/bench/export-$(2).json
	VAR_DIR=var/bench DATABASE_URL=$(1) $(BENCH_MANAGE) bench_search --existing --repeat $(BENCH_REPEAT) --output var/bench/search-$(2).json
	VAR_DIR=var/bench DATABASE_URL=$(1) $(BENCH_MANAGE) bench_pages --pages $(BENCH_PAGES) --repeat $(BENCH_REPEAT) --output var/bench/pages-$(2).json
	VAR_DIR=var/bench DATABASE_URL=$(1) $(BENCH_MANAGE) bench_diagram --repeat $(BENCH_REPEAT) --output var/bench/diagram-$(2).json
	VAR_DIR=var/bench DATABASE_URL=$(1) $(BENCH_MANAGE) bench_api $(BENCH_API) --output var/bench/api-$(2).json
	VAR_DIR=var/bench DATABASE_URL=$(1) $(BENCH_MANAGE) bench_editing --pages $(BENCH_PAGES) --repeat $(BENCH_REPEAT) --output var/bench/editing-$(2).json
endef

$(BENCH_FILE): | setup
	$(BENCH_MANAGE) generate_dataset --organizations $(BENCH_ORGS) --seed 1 $@

bench: setup $(BENCH_FILE)
	@rm -rf var/bench && mkdir -p var/bench/static
	@echo "=== SQLite ==="
	$(call bench_database,,sqlite)
	@echo "=== PostgreSQL ==="
	psql "$(BENCH_PG)/postgres" -qc "DROP DATABASE IF EXISTS $(BENCH_DB)" -qc "CREATE DATABASE $(BENCH_DB)"
	$(call bench_database,$(BENCH_PG)/$(BENCH_DB),postgresql)
	@echo "=== Both ==="
	@$(BENCH_MANAGE) bench_report var/bench --output var/bench/bench.json
	@echo "Figures written to var/bench/bench.json"

# The same measurements on 10,000 organisations with fewer repetitions: under two minutes.
bench-quick:
	$(MAKE) --no-print-directory bench BENCH_ORGS=10000 BENCH_REPEAT=1 BENCH_PAGES=10 \
		BENCH_API="--seconds 2 --repeat 1 --requests 30"

clean:
	rm -rf $(VENV) var/static .pytest_cache .ruff_cache .mypy_cache

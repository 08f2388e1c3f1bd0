# Two commands do all the set-up: `make run` (the app with demo data on http://127.0.0.1:8000)
# and `make test` (the whole test suite and the linter).
SHELL := /bin/bash
.DEFAULT_GOAL := run

# Django 6 needs Python 3.12+: use one that is installed, or let uv fetch one.
FIND_PYTHON := for p in python3.12 python3.13 $$HOME/.pyenv/versions/3.12*/bin/python3.12 $$HOME/.pyenv/versions/3.13*/bin/python3.13; do \
	"$$p" -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1 && { command -v "$$p"; break; }; done
PYTHON_FOR_UV := $(shell $(FIND_PYTHON))
UV := $(shell command -v uv 2>/dev/null || echo .tools/bin/uv)
export UV_COMPILE_BYTECODE := 1
PORT ?= 8000
# SITE_URL (the address in emails and calendar links) follows the port `make run` serves on, unless it is set.
DEV_ENV := DEBUG=true SECRET_KEY=development-only-not-secret MFA_REQUIRED=false SITE_URL=$${SITE_URL:-http://127.0.0.1:$(PORT)}
# The suite runs in parallel processes (pytest-xdist), one per core up to 4; PYTEST_WORKERS=0 runs it in one.
PYTEST_WORKERS ?= $(shell n=$$(nproc 2>/dev/null || echo 2); [ $$n -gt 4 ] && n=4; echo $$n)

UV_VERSION := 0.13.9
.PHONY: run test install system-deps lint audit upgrade worker beat accessibility-record

$(UV):
	python3 -m venv .tools && .tools/bin/pip install --quiet uv==$(UV_VERSION)

install: $(UV)
	$(UV) sync --frozen $(if $(PYTHON_FOR_UV),--python "$(PYTHON_FOR_UV)",--python 3.12)

# Debian packages for PDFs (WeasyPrint) and browser tests (Chromium), installed only when missing.
system-deps:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v pdftoppm >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	command -v npm >/dev/null 2>&1 || missing="$$missing nodejs npm"; \
	ldconfig -p 2>/dev/null | grep -q libpango-1.0 || missing="$$missing libpango-1.0-0 libpangoft2-1.0-0"; \
	ldconfig -p 2>/dev/null | grep -q libharfbuzz-subset || missing="$$missing libharfbuzz-subset0"; \
	if [ -n "$$missing" ]; then \
		if command -v apt-get >/dev/null 2>&1; then \
			sudo_cmd=$$([ "$$(id -u)" = 0 ] || echo sudo); \
			echo "Installing:$$missing"; \
			$$sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo_cmd apt-get install -y -qq $$missing >/dev/null; \
		else echo "Please install:$$missing"; exit 1; fi; \
	fi
	@# axe-core for the accessibility scan (test-only; the app needs no front-end build).
	@[ -f node_modules/axe-core/axe.min.js ] || npm ci --no-audit --no-fund --silent

run: install
	$(DEV_ENV) .venv/bin/python manage.py migrate --noinput
	$(DEV_ENV) .venv/bin/python manage.py load_demo_data
	@echo "Open http://127.0.0.1:$(PORT) and sign in with one of the demo accounts above."
	$(DEV_ENV) .venv/bin/python manage.py runserver 127.0.0.1:$(PORT)

# Ruff, then the layers (pyproject.toml, [tool.importlinter]): an import against them fails the build.
lint: install
	.venv/bin/ruff check .
	.venv/bin/lint-imports --no-cache

test: install system-deps lint
	DJANGO_SETTINGS_MODULE=cop.settings_test .venv/bin/python manage.py makemigrations --check --dry-run
	.venv/bin/pytest $(if $(filter 0,$(PYTEST_WORKERS)),,-n $(PYTEST_WORKERS) --dist worksteal) $(PYTEST_ARGS)

# The axe-core scan and the keyboard-only journeys, recorded for the accessibility statement (cop/accessibility_record.json)
# when they all pass. Run it after changing pages, and commit the record.
accessibility-record: install system-deps
	RECORD_ACCESSIBILITY=1 .venv/bin/pytest -p no:cacheprovider -n 2 tests/browser/test_accessibility.py \
		tests/browser/test_meeting_register.py -k "no_serious_violations or keyboard"

# Known vulnerabilities in the locked dependencies fail (OSV through pip-audit, else PyPI's advisory data); a
# package that could not be checked is listed with the reason and does not fail.
audit: install
	.venv/bin/python .ci/audit_dependencies.py

# Keeping up with releases is its own step: newest versions within pyproject.toml's bounds, then the whole suite
# and the audit. Run it monthly and whenever the audit lists packages it could not check; commit uv.lock if green.
upgrade: $(UV)
	$(UV) lock --upgrade
	$(MAKE) test audit

# With REDIS_URL set: a worker and the periodic-job scheduler, each in its own terminal.
worker:
	.venv/bin/celery -A cop worker -l info
beat:
	.venv/bin/celery -A cop beat -l info

# Two commands do all set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
PORT ?= 8000

.PHONY: install browser demo test lint format bench scan clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

## The reference project as 2 disposable replicas with real PostgreSQL and S3 (data in example/.berth/).
demo: $(STAMP)
	cd example && ../$(BIN)/berth up --replicas 2 --port $(PORT) --port-hint 'make demo PORT={port}'

## The whole suite, against a real PostgreSQL server and a real S3-compatible server, in up
## to two processes (one on a one-CPU machine), each module's tests in one of them.
test: $(STAMP) browser
	$(BIN)/pytest --numprocesses=logical --maxprocesses=2 --dist=loadfile

## Debian's chromium, for the browser test: PyPI has none that runs here. apt installs it as
## root or through sudo without a password; otherwise this stops, naming the command to run.
browser:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "make: installing Debian's chromium (apt-get install chromium) for the browser test"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	elif command -v apt-get >/dev/null 2>&1 && sudo -n true 2>/dev/null; then \
		echo "make: installing Debian's chromium (sudo apt-get install chromium) for the browser test"; \
		sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
		echo "make test needs chromium for its browser test: run  sudo apt-get install chromium  (elsewhere, put a chromium on PATH)" >&2; \
		exit 1; \
	fi

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy src

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## Each prints its ratio against its anchor; `-` lets every one report even if one misses its goal.
bench: $(STAMP)
	-$(BIN)/python bench/upload_memory.py
	-$(BIN)/python bench/cold_start.py
	-$(BIN)/python bench/request_overhead.py
	-$(BIN)/python bench/entry_overhead.py
	-$(BIN)/python bench/doctor_speed.py
	-$(BIN)/python bench/transfer_media.py
	-$(BIN)/python bench/transfer_db.py

## checkov over the files berth init writes (root, privileges, secrets); its own venv, since
## it pins an older boto3 than berth's.
scan: $(STAMP)
	test -x .venv-scan/bin/checkov || { $(PYTHON) -m venv .venv-scan && .venv-scan/bin/python -m pip install --quiet checkov; }
	$(BIN)/python bench/scan_generated.py --checkov .venv-scan/bin/checkov

clean:
	rm -rf $(VENV) .venv-scan example/data example/.berth .pytest_cache .mypy_cache .ruff_cache .hypothesis

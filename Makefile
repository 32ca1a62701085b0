# One entry point for everything: `make demo`, `make test`, `make generate`.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
# The generator's ruff post-hooks are found on PATH, so the venv must come first.
export PATH := $(CURDIR)/$(BIN):$(PATH)

SPEC        := openapi/ionq-v0.4.yaml
GEN_CONFIG  := openapi/generator-config.yaml
GEN_OUT     := generated/ionq_api
GEN_FLAGS   := --config $(GEN_CONFIG) --meta none --overwrite --fail-on-warning

.PHONY: help venv demo test docs lint typecheck check-generated generate check-sync unasync pytest contract official soak peers bench emulator clean

help:
	@echo "make demo | test | docs | generate | check-generated | unasync | check-sync | lint | typecheck | contract URL=.. KEY=.. | official [OFFICIAL=latest] | soak | peers | bench | emulator"

# --- environment ---------------------------------------------------------------
PY_FOR_VENV := $(shell command -v $(PYTHON) 2>/dev/null || command -v python3)

$(BIN)/python:
	$(PY_FOR_VENV) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $@ $(VENV)/.installed-demo

# The demo needs only the emulator's extras, not the test tools.
$(VENV)/.installed-demo: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[emulator,cli]"
	@touch $@

venv: $(VENV)/.installed

# --- the two commands of the README ---------------------------------------------
demo: $(VENV)/.installed-demo
	$(BIN)/python examples/demo.py

test: venv lint typecheck check-generated check-sync docs pytest

# --- pieces of `make test` --------------------------------------------------------
# The documentation site (mkdocs.yml, docs/) into site/: open site/index.html, or
# `.venv/bin/mkdocs serve` for a live preview. --strict: a broken link, a missing page
# or a docstring mkdocstrings cannot read fails the build. (Not --quiet: it hides the
# warnings from --strict too, and a broken link would pass.)
docs: venv
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict

lint: venv
	$(BIN)/ruff check ionq_client ionq_emulator tests bench examples scripts peers
	$(BIN)/ruff format --check ionq_client ionq_emulator tests bench examples scripts peers

typecheck: venv
	$(BIN)/mypy ionq_client ionq_emulator

pytest: venv
	$(BIN)/pytest -q -n auto

# Regenerate into a scratch folder and fail, showing the difference, if the
# committed generated/ no longer matches what the spec produces.
check-generated: venv
	@tmp=$$(mktemp -d) && \
	$(BIN)/openapi-python-client generate --path $(SPEC) $(GEN_FLAGS) --output-path $$tmp/ionq_api >/dev/null && \
	touch $$tmp/ionq_api/py.typed && \
	if diff -ru -x .ruff_cache -x __pycache__ $(GEN_OUT) $$tmp/ionq_api; then \
		echo "generated/ is up to date with $(SPEC)"; rm -rf $$tmp; \
	else \
		echo "generated/ differs from what $(SPEC) produces: run 'make generate' and commit" >&2; rm -rf $$tmp; exit 1; \
	fi

# The blocking client is generated from the async one (ionq_client/_async -> _sync).
check-sync: venv
	$(BIN)/python scripts/make_sync.py --check

unasync: venv
	$(BIN)/python scripts/make_sync.py

generate: venv
	$(BIN)/openapi-python-client generate --path $(SPEC) $(GEN_FLAGS) --output-path $(GEN_OUT)
	touch $(GEN_OUT)/py.typed
	rm -rf $(GEN_OUT)/.ruff_cache

# --- extras ---------------------------------------------------------------------------
URL ?=
KEY ?=
# The key reaches pytest through the environment, never on a command line make echoes
# (or `ps` shows); the suite scrubs it from every report it prints.
contract: export IONQ_CONTRACT_URL = $(URL)
contract: export IONQ_CONTRACT_KEY = $(KEY)
contract: export IONQ_CONTRACT_MODE = $(or $(MODE),read)
contract: venv
	@test -n "$$IONQ_CONTRACT_URL" || { echo "usage: make contract URL=https://api.ionq.co/v0.4 KEY=<api key> [MODE=read|all]" >&2; exit 2; }
	$(BIN)/pytest -q tests/spec/contract/live_contract.py

# IonQ's official OpenAPI document (from the ionq-core sdist on PyPI, cached in .cache/official,
# never committed): a readable diff against ours, then schemathesis from IonQ's document against
# the emulator, failing on findings not in openapi/deviations.yaml (or entries that no longer occur).
# OFFICIAL=latest looks ahead: the check reports but does not fail.
OFFICIAL ?= 0.2.0
official: venv
	$(BIN)/python scripts/official_diff.py --version $(OFFICIAL)
	$(BIN)/python scripts/official_check.py --version $(OFFICIAL) $(if $(filter latest,$(OFFICIAL)),--report-only)

# The long soak (make test runs a short one): >= 2,000 mixed operations from threads,
# asyncio tasks and processes through 20 % injected faults, ledger figures printed;
# then 50 clients against the emulator for 60 s.
soak: venv
	IONQ_SOAK=1 $(BIN)/pytest -q -s tests/client/soak tests/emulator/test_load.py

# Four real IonQ clients (qiskit-ionq, cirq-ionq, ionq-core, pennylane-ionq), unchanged,
# against the emulator; they live in their own venv so their pins never meet ours.
PEERS_VENV := .venv-peers

peers: $(VENV)/.installed-demo $(PEERS_VENV)/.installed
	$(BIN)/python peers/run.py

$(PEERS_VENV)/.installed: peers/requirements.txt
	$(PY_FOR_VENV) -m venv $(PEERS_VENV)
	$(PEERS_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(PEERS_VENV)/bin/python -m pip install --quiet -r peers/requirements.txt
	@touch $@

# Side by side with the other clients and qiskit-aer, in their own venv (not ours):
# rewrites bench/RESULTS.md. QUICK=1 for a smoke run (written to /tmp instead).
BENCH_VENV := .venv-bench

bench: $(BENCH_VENV)/.installed
	$(BENCH_VENV)/bin/python bench/run.py $(if $(QUICK),--quick)

$(BENCH_VENV)/.installed: bench/requirements.txt pyproject.toml
	$(PY_FOR_VENV) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/pip install --quiet -r bench/requirements.txt -e ".[emulator]"
	@touch $@

emulator: venv
	$(BIN)/ionq-emulator

clean:
	rm -rf $(VENV) $(PEERS_VENV) $(BENCH_VENV) dist build .mypy_cache .ruff_cache .hypothesis .cache

# `make brief` and `make test` set up everything they need on a fresh machine.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
FONTS  := $(VENV)/.fonts
SYSTEM := $(VENV)/.system

.PHONY: brief test gate setup bench clean

brief: $(STAMP) $(FONTS)
	$(VENV)/bin/briefing build seeds/ --out out/

test: $(STAMP) $(SYSTEM)
	$(PY) -m pytest -q

# Lint (errors and unused or undefined names) and the accuracy targets from the issues on
# ../shared/eval; .ci/run runs it after the tests.
gate: $(STAMP)
	$(VENV)/bin/ruff check briefing tests benchmarks
	$(PY) benchmarks/quality_gate.py

bench: $(STAMP)
	$(PY) benchmarks/cli_startup.py
	$(PY) benchmarks/build_speed.py
	$(PY) benchmarks/scale.py
	$(PY) benchmarks/sentences.py
	$(PY) benchmarks/summaries.py
	$(PY) benchmarks/quotes.py

setup: $(STAMP) $(SYSTEM)

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q -e '.[test,bench]'
	$(PY) -c "import briefing, weasyprint, sumy, nltk, playwright"
	touch $@

$(FONTS): scripts/setup-system.sh
	scripts/setup-system.sh fonts
	touch $@

$(SYSTEM): scripts/setup-system.sh
	scripts/setup-system.sh test
	touch $@

clean:
	rm -rf out .pytest_cache

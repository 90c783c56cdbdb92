# Two commands set up a fresh machine (Python 3.11 and make required):
#   make lab    installs everything into .venv and opens the course in JupyterLab
#   make test   installs the same and runs the whole test suite
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PYTEST_ARGS ?=

.PHONY: install lab test build check bench bench-grading data-check

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "Python 3.11 is required, found " + sys.version'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

lab: install
	$(BIN)/grader lab

test: install
	$(BIN)/python -m pytest -n 2 --dist loadgroup -rs $(PYTEST_ARGS)

build: install
	$(BIN)/grader build

check: install
	$(BIN)/grader build --check

bench: install
	$(BIN)/python benchmarks/bench.py

# 40 submissions of c1w2a2 graded by nbgrader, then by `grader autograde` with 1 and 2 workers
# (long: about an hour on 2 cores; BENCH_ARGS="--n 10" for a shorter run)
bench-grading: install
	$(BIN)/python benchmarks/bench_autograde.py $(BENCH_ARGS)

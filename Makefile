# goyong-agent — two commands on a fresh machine: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test venv browser ingest lint bench eval load clean

# Bootstrap: pip inside the venv is upgraded first (the machine's pip 23 cannot resolve this stack), then the
# CPU build of torch is installed before sentence-transformers so no CUDA build is pulled.
$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q -U pip
	$(BIN)/python -m pip install -q torch==2.13.0
	$(BIN)/python -m pip install -q -c constraints.txt -e ".[dev]"
	touch $(STAMP)

venv: $(STAMP)

run: venv
	$(BIN)/goyong serve

# Browser tests use Debian's chromium (never a downloaded browser), CJK fonts (else Hangul renders as boxes)
# and an emoji font (✅ ❌ ❓ in eligibility checklists).
browser:
	@if ! command -v chromium >/dev/null || ! fc-list 2>/dev/null | grep -qi "noto.*cjk" || ! fc-list 2>/dev/null | grep -qi "emoji"; then \
	  echo "installing chromium + fonts-noto-cjk + fonts-noto-color-emoji (Debian packages)"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-noto-cjk fonts-noto-color-emoji >/dev/null \
	  || echo "warning: could not install chromium; browser tests will be skipped"; \
	fi

# Lint first (seconds), then the whole suite.
test: venv browser lint
	$(BIN)/python -m pytest -q -p no:cacheprovider; rc=$$?; if [ $$rc -eq 5 ]; then echo "no tests collected"; exit 0; fi; exit $$rc

ingest: venv
	$(BIN)/goyong ingest

lint: venv
	$(BIN)/ruff check app ingest knowledge graphs evals tests
	$(BIN)/mypy app ingest knowledge graphs evals

eval: venv
	$(BIN)/goyong eval

bench: venv
	$(BIN)/goyong bench

load: venv
	$(BIN)/python -m pytest -q -m load -p no:cacheprovider

clean:
	rm -rf $(VENV) data artifacts

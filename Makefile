# Skratch: `make book` builds the site into _build/html, `make test` runs every check.
# Both create the virtual environment .venv from the pinned requirements.txt on first use.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
JB     := $(BIN)/jupyter-book

AXE    := node_modules/axe-core/axe.min.js

.PHONY: help book test serve figures format run bench lock clean browser-deps

help:
	@echo "make book    build the site into _build/html (notebook outputs as stored; figures from their scripts)"
	@echo "make test    run every check: unit tests, notebooks (nbval), the built site, workflows, Binder"
	@echo "make serve   preview the built site on http://localhost:8000"
	@echo "make figures draw every figure into book/_figures"
	@echo "make run NB=book/<level>/<unit>.ipynb   re-run one notebook and save its outputs"
	@echo "make format  format the figure scripts to the site's 76-column code blocks"
	@echo "make bench   time skratch against scikit-learn and PyTorch (ratios, same run)"
	@echo "make lock    re-pin requirements.txt from requirements.in"
	@echo "make clean   remove the build and the generated figures (keeps .venv)"

$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

book: $(STAMP)
	$(JB) build . --warningiserror --nitpick --keep-going --quiet

# axe-core (the accessibility checker the browser tests inject) comes from the npm registry.
# Without npm the browser tests skip that one check, and say so.
browser-deps:
	@if [ -f $(AXE) ]; then :; \
	elif command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --silent; \
	else echo "npm not found: the accessibility check of the browser tests will be skipped"; fi

# The checks run in one process per core (pytest-xdist); the tests of one file stay together,
# so each notebook runs in one kernel and each figure script is drawn once per process.
# The report ends with the 25 slowest steps: the place to look when the run grows slow.
test: $(STAMP) browser-deps
	$(BIN)/python -m pytest tests code/skratch book --nbval --nbval-current-env \
		--nbval-sanitize-with tests/nbval_sanitize.cfg -n auto --dist loadfile --no-loadscope-reorder --durations=25

serve: book
	@echo "Serving _build/html on http://localhost:8000 (Ctrl+C stops)"
	$(BIN)/python -m http.server --directory _build/html --bind 127.0.0.1 8000

# Run a notebook top to bottom in a fresh kernel and save its outputs, as nbval expects them.
run: $(STAMP)
	@test -n "$(NB)" || { echo "usage: make run NB=book/<level>/<unit>.ipynb"; exit 2; }
	$(BIN)/jupyter execute --inplace $(NB)

# Code blocks on the site hold 76 characters a line (tests/book/test_site.py); the figure
# scripts are shown whole on their pages, so they are formatted to that width.
format: $(STAMP)
	$(BIN)/ruff format --line-length 76 code/figures

figures: $(STAMP)
	for script in code/figures/plot_*.py; do $(BIN)/python $$script || exit 1; done

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

lock:
	$(PYTHON) -m venv /tmp/skratch-lock && /tmp/skratch-lock/bin/python -m pip install --quiet -r requirements.in
	(echo "# Pinned environment for building and testing Skratch (Python 3.11)."; \
	 echo "# Top-level choices live in requirements.in; regenerate this file with 'make lock'."; \
	 /tmp/skratch-lock/bin/python -m pip freeze --all --exclude-editable | grep -v "^pip==") > requirements.txt
	rm -rf /tmp/skratch-lock

clean:
	rm -rf _build book/_figures book/figures

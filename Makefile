# Skratch: `make book` builds the site into _build/html, `make test` runs every check.
# Both create the virtual environment .venv from the pinned requirements.txt on first use.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
JB     := $(BIN)/jupyter-book

.PHONY: help book test serve figures bench lock clean

help:
	@echo "make book    build the site into _build/html (notebooks run once, then cached)"
	@echo "make test    run every check: unit tests, notebooks (nbval), the built site, workflows, Binder"
	@echo "make serve   preview the built site on http://localhost:8000"
	@echo "make figures draw every figure into book/_figures"
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

test: $(STAMP)
	$(BIN)/python -m pytest tests code/skratch book --nbval --nbval-current-env \
		--nbval-sanitize-with tests/nbval_sanitize.cfg

serve: book
	@echo "Serving _build/html on http://localhost:8000 (Ctrl+C stops)"
	$(BIN)/python -m http.server --directory _build/html --bind 127.0.0.1 8000

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

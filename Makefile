# Two commands do all set-up on a machine that has only python3:
#   make lab   - create .venv, install the kit, open JupyterLab on the first lesson
#   make test  - same bootstrap, then the whole test suite
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
ROOT_FLAG := $(shell [ "$$(id -u)" = "0" ] && echo --allow-root)

.PHONY: lab test venv bench clean

venv: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,browser]'
	$(PY) -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (close-reading-kit)" >/dev/null
	touch $(STAMP)

lab: $(STAMP)
	$(VENV)/bin/jupyter lab $(ROOT_FLAG) --ServerApp.root_dir=. notebooks/00_start_here.ipynb

test: $(STAMP)
	$(PY) -m pytest

bench: $(STAMP)
	$(PY) benchmarks/run.py --output benchmarks/RESULTS.md

clean:
	rm -rf $(VENV) build *.egg-info

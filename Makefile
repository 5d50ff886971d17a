# Two commands do all set-up on a machine that has only python3:
#   make lab   - create .venv with the student set only, open JupyterLab on the first lesson
#   make test  - the same, plus the test, browser and hub extras, then the whole test suite
#   make check - the quick suite for developers: unit tests and doctests, without the
#                slow groups (notebooks, fresh machine, browser, hub, linearity, kernels)
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
ROOT_FLAG := $(shell [ "$$(id -u)" = "0" ] && echo --allow-root)

.PHONY: lab test check venv test-venv bench clean

# the student set: the kit and what the lessons use (no test tools, no playwright, no voila)
venv: $(STAMP)

# (venv's own pip is recent enough for `-e .`; --no-compile: Python compiles only the
# modules a student actually imports, on first use, instead of every file installed)
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --no-compile -e .
	$(PY) -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (close-reading-kit)" >/dev/null
	touch $(STAMP)

# the teacher's and developer's additions: pytest, playwright + voila, jupyterhub
test-venv: $(TEST_STAMP)

# (the test suite starts hundreds of kernels: compile everything now, even where
# PYTHONDONTWRITEBYTECODE is set; a few vendored files that do not compile are harmless)
$(TEST_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -e '.[test,browser,hub]'
	-$(PY) -m compileall -q -j 0 $(VENV)/lib >/dev/null 2>&1
	touch $(TEST_STAMP)

lab: $(STAMP)
	$(VENV)/bin/jupyter lab $(ROOT_FLAG) --ServerApp.root_dir=. notebooks/00_start_here.ipynb

test: $(TEST_STAMP)
	$(PY) -m pytest

# markers by path in conftest.py (SLOW_GROUPS); e.g. `$(PY) -m pytest -m notebooks` runs one group
check: $(TEST_STAMP)
	$(PY) -m pytest -m "not slow"

bench: $(TEST_STAMP)
	$(PY) benchmarks/run.py --output benchmarks/RESULTS.md

clean:
	rm -rf $(VENV) build *.egg-info

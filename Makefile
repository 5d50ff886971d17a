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

# uv installs the same packages in seconds where pip takes half a minute: it is fetched
# from the package index into .venv (pip install uv) and installs with .venv's python.
# When uv cannot be had, pip does the install (slower), after a one-line note.  uv trusts
# the system's certificates (UV_NATIVE_TLS), as pip does: behind a school's proxy too.
UV     := $(VENV)/bin/uv
UV_PIP := [ -x $(UV) ] && UV_NATIVE_TLS=1 $(UV) pip install --quiet --python $(PY)
GET_UV := $(PY) -m pip install --quiet --disable-pip-version-check uv >/dev/null 2>&1 || \
          echo "note: uv could not be installed from the package index; pip installs instead (slower)"

# the student set: the kit and what the lessons use (no test tools, no playwright, no voila)
venv: $(STAMP)

# (uv, like pip --no-compile, leaves byte code alone: Python compiles only the modules a
# student actually imports, on first use, instead of every file installed)
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	@$(GET_UV)
	$(UV_PIP) -e . || $(PY) -m pip install --quiet --disable-pip-version-check --no-compile -e .
	@$(PY) -m pip uninstall --quiet --yes uv >/dev/null 2>&1 || true  # 37 MB a student never uses again
	$(PY) -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (close-reading-kit)" >/dev/null
	touch $(STAMP)

# the teacher's and developer's additions: pytest, playwright + voila, jupyterhub
test-venv: $(TEST_STAMP)

# (the test suite starts hundreds of kernels: compile everything now, even where
# PYTHONDONTWRITEBYTECODE is set; a few vendored files that do not compile are harmless)
$(TEST_STAMP): $(STAMP)
	@[ -x $(UV) ] || $(GET_UV)
	$(UV_PIP) -e '.[test,browser,hub]' || $(PY) -m pip install --quiet -e '.[test,browser,hub]'
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

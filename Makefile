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

# uv installs the same packages in seconds where pip takes half a minute.  It is fetched
# from the package index into a temporary folder, deleted afterwards (37 MB a student never
# uses again): by the system python's pip when it has one, else by the pip .venv gets from
# python's own ensurepip (slower: pip installs itself first).  .venv is made without pip
# (ensurepip alone takes seconds) and uv installs the current pip into it alongside the
# kit.  When uv cannot be had, or fails, pip installs instead (slower), after a one-line
# note.  uv trusts the system's certificates (UV_SYSTEM_CERTS; UV_NATIVE_TLS for an older
# uv), as pip does: behind a school's proxy too.
PIP        := $(PY) -m pip --disable-pip-version-check
ENSURE_PIP := { $(PY) -m pip --version >/dev/null 2>&1 || $(PY) -m ensurepip --default-pip >/dev/null; }
UV_FETCH   := --quiet --disable-pip-version-check --no-warn-conflicts --no-deps --no-compile --target "$$tmp" uv
GET_UV     := { $(PYTHON) -m pip install $(UV_FETCH) || { $(ENSURE_PIP) && $(PY) -m pip install $(UV_FETCH); }; } >/dev/null 2>&1
UV_INSTALL := UV_SYSTEM_CERTS=1 UV_NATIVE_TLS=1 "$$tmp/bin/uv" pip install --quiet --python $(PY)
NO_UV      := echo "note: uv could not be fetched from the package index (or failed); pip installs instead (slower)"
# $(call install,WHAT,PIP OPTIONS): WHAT into .venv with uv (pip beside it), else with pip
install     = tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
              if $(GET_UV) && $(UV_INSTALL) pip $(1); then :; \
              else $(NO_UV); $(ENSURE_PIP) && $(PIP) install --quiet $(2) $(1); fi
STUDENT_SET := -e .
TEST_SET    := -e '.[test,browser,hub]'

# the kernel "Python 3 (close-reading-kit)": the kernel.json that ipykernel's wheel puts in
# .venv, given this python and name as `ipykernel install --sys-prefix` writes them (the
# fresh-machine test compares the two), without the second that command spends importing
# ipykernel; written beside and renamed, never in place: uv hard-links .venv's files to its
# cache.  Without that file, ipykernel install does it.
KERNEL_DIR  = $(VENV)/share/jupyter/kernels/python3
SET_KERNEL := import json, os, platform, sys; path = sys.argv[1]; spec = json.load(open(path)); \
              spec["argv"][:spec["argv"].index("-m")] = [sys.executable] + ["-Xfrozen_modules=off"] * (platform.python_implementation() == "CPython"); \
              spec["display_name"] = sys.argv[2]; json.dump(spec, open(path + ".new", "w"), indent=1); os.replace(path + ".new", path)
KERNEL_NAME := Python 3 (close-reading-kit)

# the student set: the kit and what the lessons use (no test tools, no playwright, no voila)
venv: $(STAMP)

# (uv, like pip --no-compile, leaves byte code alone: Python compiles only the modules a
# student actually imports, on first use, instead of every file installed)
$(STAMP): pyproject.toml
	$(PYTHON) -m venv --without-pip $(VENV)
	@echo "installing the student set into $(VENV) (uv, else pip) ..."
	@$(call install,$(STUDENT_SET),--no-compile)
	@$(PY) -c '$(SET_KERNEL)' $(KERNEL_DIR)/kernel.json "$(KERNEL_NAME)" 2>/dev/null || \
	 $(PY) -m ipykernel install --sys-prefix --name python3 --display-name "$(KERNEL_NAME)" >/dev/null
	touch $(STAMP)

# the teacher's and developer's additions: pytest, playwright + voila, jupyterhub
test-venv: $(TEST_STAMP)

# (the test suite starts hundreds of kernels: compile everything now, even where
# PYTHONDONTWRITEBYTECODE is set; a few vendored files that do not compile are harmless)
$(TEST_STAMP): $(STAMP)
	@echo "installing the test, browser and hub tools into $(VENV) (uv, else pip) ..."
	@$(call install,$(TEST_SET))
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

"""Set-up files stay in step: environment.yml lists the student set pyproject.toml lists
(the test, browser and hub extras stay out of it and out of `make lab`), the Makefile
offers the two commands, CI calls `make test`, and the README shows them first.

No conda solver is reachable here, so environment.yml is checked statically."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
_NAME = re.compile(r"^\s*([A-Za-z0-9_.\-]+)\s*(.*)$")


def _split(req: str) -> tuple[str, str]:
    name, spec = _NAME.match(req.split(";")[0]).groups()
    name = re.sub(r"\[.*\]", "", name)
    return name.lower().replace("_", "-"), spec.replace(" ", "")


def test_environment_yml_matches_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = dict(_split(r) for r in project["dependencies"])  # the student set only
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert env["channels"] == ["conda-forge"]
    conda = {}
    pip_section = None
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            pip_section = dep["pip"]
            continue
        name, spec = _split(dep)
        conda[name] = spec
    python_spec = conda.pop("python")
    conda.pop("pip")
    assert python_spec == project["requires-python"]
    assert conda == wanted, "environment.yml and pyproject.toml list different packages or versions"
    assert pip_section == ["-e ."]
    extras = {_split(r)[0] for extra in project["optional-dependencies"].values() for r in extra}
    assert not extras & set(conda), "test / browser / hub tools do not belong in the student set"
    assert "pip install -e '.[test,browser,hub]'" in (ROOT / "environment.yml").read_text()


def test_the_student_set_is_light_and_the_test_set_complete():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    student = {_split(r)[0] for r in project["dependencies"]}
    assert not student & {"playwright", "voila", "pytest", "hypothesis", "jupyterhub", "nbclient"}
    assert "ipykernel" in student  # the Makefile registers the kernel with it
    extras = project["optional-dependencies"]
    assert {"pytest", "hypothesis", "nbclient"} <= {_split(r)[0] for r in extras["test"]}
    assert {"playwright", "voila"} <= {_split(r)[0] for r in extras["browser"]}
    assert "jupyterhub" in {_split(r)[0] for r in extras["hub"]}


def _recipe(makefile: str, target: str) -> str:
    m = re.search(rf"^{re.escape(target)}:[^\n]*\n((?:\t[^\n]*\n)*)", makefile, re.M)
    assert m, f"no rule for {target}"
    return m.group(0)


def _dry_run(target: str, tmp_path) -> list[str]:
    """The shell lines `make -n target` would run for a .venv that does not exist yet."""
    # As a top-level make: under `make test` this test runs inside make, whose MAKEFLAGS and
    # MAKELEVEL would make the dry run print "make[1]: Entering directory" lines.
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES")}
    out = subprocess.run(["make", "--no-print-directory", "-n", target, f"VENV={tmp_path}/.venv"], cwd=ROOT,
                         env=env, capture_output=True, text=True, check=True, timeout=60).stdout
    return out.splitlines()


@pytest.mark.skipif(not shutil.which("make"), reason="needs make")
def test_make_lab_installs_the_student_set_and_make_test_adds_the_extras(tmp_path):
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"^lab: \$\(STAMP\)$", makefile, re.M), "make lab needs only the student set"
    assert re.search(r"^test: \$\(TEST_STAMP\)$", makefile, re.M)
    venv = f"{tmp_path}/.venv"
    student = _dry_run("venv", tmp_path)
    # .venv is made without pip (ensurepip alone took 6 s here); uv comes from the package index
    # into a temporary folder that is removed when the install ends, never into .venv
    assert student[0] == f"python3 -m venv --without-pip {venv}"
    install = next(line for line in student if "/bin/uv\" pip install" in line)
    assert 'tmp=$(mktemp -d) && trap \'rm -rf "$tmp"\' EXIT' in install
    assert re.search(r"python3 -m pip install [^;|]*--target \"\$tmp\" uv", install), "the system's pip first"
    assert f"{venv}/bin/python -m ensurepip" in install, "else .venv's own pip fetches uv"
    # uv installs the kit (editable) and pip beside it; pip alone, after the one-line note, without uv
    uv_part, pip_part = install.split("then :; else ")
    assert re.search(rf"\"\$tmp/bin/uv\" pip install --quiet --python {re.escape(venv)}/bin/python pip -e \.;$",
                     uv_part.rstrip())
    assert pip_part.startswith('echo "note: uv could not be fetched')
    assert re.search(r"-m pip --disable-pip-version-check install --quiet --no-compile -e \.; fi$", pip_part)
    assert "[" not in uv_part.split("--python")[-1] + pip_part, "the student set has no extras"
    # the kernel: ipykernel's shipped kernel.json given this python and name, else ipykernel install
    kernel = next(i for i, line in enumerate(student) if line.startswith(f"{venv}/bin/python -c 'import json"))
    assert student[kernel].endswith(
        f'{venv}/share/jupyter/kernels/python3/kernel.json "Python 3 (close-reading-kit)" 2>/dev/null || \\')
    assert student[kernel + 1].strip() == (f"{venv}/bin/python -m ipykernel install --sys-prefix --name python3 "
                                           '--display-name "Python 3 (close-reading-kit)" >/dev/null')

    test = _dry_run("test-venv", tmp_path)
    extras = test[test.index(next(line for line in test if "the test, browser and hub tools" in line)):]
    install = next(line for line in extras if "/bin/uv\" pip install" in line)
    uv_part, pip_part = install.split("then :; else ")
    assert uv_part.rstrip().endswith("pip -e '.[test,browser,hub]';")
    assert pip_part.rstrip().endswith("install --quiet  -e '.[test,browser,hub]'; fi")


def test_ci_installs_what_the_browser_and_hub_tests_need_only_when_missing():
    run = (ROOT / ".ci" / "run").read_text()
    assert "[ -x /usr/bin/chromium ] || apt_install chromium" in run
    assert "npm install --prefix .ci/node" in run and "configurable-http-proxy" in run
    assert "if [ ! -x .ci/node/node_modules/.bin/configurable-http-proxy ]" in run
    assert run.rstrip().endswith("make test")


def test_makefile_offers_lab_and_test_from_bare_python3():
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"^lab:", makefile, re.M) and re.search(r"^test:", makefile, re.M)
    assert "-m venv --without-pip" in makefile and "pip install" in makefile
    assert "notebooks/00_start_here.ipynb" in makefile
    assert "--allow-root" in makefile  # only added when running as root
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_readme_shows_the_two_commands_first():
    readme = (ROOT / "README.md").read_text()
    first_code = re.search(r"```(?:sh|bash|console)?\n(.*?)```", readme, re.S).group(1)
    assert "make lab" in first_code and "make test" in first_code
    assert readme.index("make lab") < readme.index("conda env create -f environment.yml")

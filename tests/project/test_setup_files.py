"""Set-up files stay in step: environment.yml lists the student set pyproject.toml lists
(the test, browser and hub extras stay out of it and out of `make lab`), the Makefile
offers the two commands, CI calls `make test`, and the README shows them first.

No conda solver is reachable here, so environment.yml is checked statically."""
from __future__ import annotations

import re
try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib
from pathlib import Path

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


def test_make_lab_installs_the_student_set_and_make_test_adds_the_extras():
    makefile = (ROOT / "Makefile").read_text()
    student = _recipe(makefile, "$(STAMP)")
    assert re.search(r"pip install [^\n]*-e \.\n", student) and "[" not in student.split("pip install")[-1]
    assert re.search(r"^lab: \$\(STAMP\)$", makefile, re.M), "make lab needs only the student set"
    assert "-e '.[test,browser,hub]'" in _recipe(makefile, "$(TEST_STAMP)")
    assert re.search(r"^test: \$\(TEST_STAMP\)$", makefile, re.M)


def test_ci_installs_what_the_browser_and_hub_tests_need_only_when_missing():
    run = (ROOT / ".ci" / "run").read_text()
    assert "[ -x /usr/bin/chromium ] || apt_install chromium" in run
    assert "npm install --prefix .ci/node" in run and "configurable-http-proxy" in run
    assert "if [ ! -x .ci/node/node_modules/.bin/configurable-http-proxy ]" in run
    assert run.rstrip().endswith("make test")


def test_makefile_offers_lab_and_test_from_bare_python3():
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"^lab:", makefile, re.M) and re.search(r"^test:", makefile, re.M)
    assert "-m venv" in makefile and "pip install" in makefile
    assert "notebooks/00_start_here.ipynb" in makefile
    assert "--allow-root" in makefile  # only added when running as root
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_readme_shows_the_two_commands_first():
    readme = (ROOT / "README.md").read_text()
    first_code = re.search(r"```(?:sh|bash|console)?\n(.*?)```", readme, re.S).group(1)
    assert "make lab" in first_code and "make test" in first_code
    assert readme.index("make lab") < readme.index("conda env create -f environment.yml")

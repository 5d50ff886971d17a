"""Set-up files stay in step: environment.yml lists what pyproject.toml lists, the
Makefile offers the two commands, CI calls `make test`, and the README shows them first.

No conda solver is reachable here, so environment.yml is checked statically."""
from __future__ import annotations

import re
try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
_NAME = re.compile(r"^\s*([A-Za-z0-9_.\-]+)\s*(.*)$")


def _split(req: str) -> tuple[str, str]:
    name, spec = _NAME.match(req.split(";")[0]).groups()
    name = re.sub(r"\[.*\]", "", name)
    return name.lower().replace("_", "-"), spec.replace(" ", "")


def test_environment_yml_matches_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = dict(_split(r) for r in project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        wanted.update(_split(r) for r in extra if not r.startswith("close-reading-kit"))
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

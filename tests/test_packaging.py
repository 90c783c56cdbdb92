"""The pip path and the conda/Binder path install the same pinned versions."""

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _requirements() -> list[str]:
    lines = (ROOT / "requirements.txt").read_text().splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")]


def _conda_pip() -> list[str]:
    out, in_pip = [], False
    for line in (ROOT / "environment.yml").read_text().splitlines():
        if re.match(r"\s+- pip:\s*$", line):
            in_pip = True
            continue
        if in_pip:
            m = re.match(r"\s{6}- (.+)$", line)
            if not m:
                break
            out.append(m.group(1).strip())
    return out


def test_environment_yml_pins_equal_requirements():
    conda = [x for x in _conda_pip() if x != "-e ."]
    assert conda == _requirements()
    assert "-e ." in _conda_pip(), "environment.yml must install the course package"


def test_every_requirement_is_pinned_exactly():
    for req in _requirements():
        assert re.match(r"^[A-Za-z0-9_.\-]+==[0-9][^;\s]*(;.*)?$", req), req


def test_environment_yml_python_is_311():
    assert re.search(r"^\s+- python=3\.11\s*$", (ROOT / "environment.yml").read_text(), re.M)


def test_pyproject_declares_packages_and_cli():
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert meta["project"]["scripts"]["grader"] == "grader.cli:main"
    assert set(meta["tool"]["setuptools"]["packages"]) >= {"dlcourse", "grader"}


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    assert "make test" in readme and "make lab" in readme
    assert re.search(r"^make test$", (ROOT / ".ci/run").read_text(), re.M)


def test_code_and_sources_pass_ruff():
    import subprocess
    import sys

    r = subprocess.run([sys.executable, "-m", "ruff", "check", "--output-format", "concise", "."],
                       cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout[-3000:]

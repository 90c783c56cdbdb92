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


def _dlcourse_imports(path: Path) -> set[str]:
    """The dlcourse modules ``path`` imports, at module level or inside functions."""
    import ast

    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom):
            if node.level == 1:
                found |= {node.module or alias.name for alias in node.names} if node.module \
                    else {alias.name for alias in node.names}
            elif (node.module or "").startswith("dlcourse."):
                found.add(node.module.split(".", 1)[1])
        elif isinstance(node, ast.Import):
            found |= {a.name.split(".", 1)[1] for a in node.names
                      if a.name.startswith("dlcourse.")}
    return found


def test_the_loader_module_imports_no_domain_module():
    # one loader module; domain modules (nmt, scenes, music, words, ...) build on it, never the
    # other way round, so there is no import cycle
    modules = {p.stem for p in (ROOT / "dlcourse").glob("*.py")} - {"__init__"}
    assert _dlcourse_imports(ROOT / "dlcourse" / "data.py") & modules == set()


def test_dlcourse_has_no_import_cycle():
    package = ROOT / "dlcourse"
    graph = {p.stem: _dlcourse_imports(p) - {p.stem} for p in package.glob("*.py")}
    graph = {k: {m for m in v if m in graph} for k, v in graph.items()}

    def reaches(start, target, seen):
        for nxt in graph[start]:
            if nxt == target:
                return True
            if nxt not in seen:
                seen.add(nxt)
                if reaches(nxt, target, seen):
                    return True
        return False

    cycles = sorted(m for m in graph if reaches(m, m, set()))
    assert not cycles, f"dlcourse modules in an import cycle: {cycles}"

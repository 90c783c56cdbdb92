"""The manifest is the one list of assignments; sources follow the authoring conventions."""

import json
import re
import subprocess
from pathlib import Path

import nbformat
import pytest
from conftest import AVAILABLE, per_assignment

from grader import api, manifest
from grader import source as src
from grader.devtools import load_mutants

ROOT = Path(__file__).resolve().parent.parent
SYLLABUS_IDS = [f"c1w2a{i}" for i in (1, 2)] + ["c1w3a1", "c1w4a1", "c1w4a2"]


def test_manifest_lists_all_29_assignments_in_syllabus_order():
    ids = [a.id for a in manifest.load()]
    assert len(ids) == 29 and len(set(ids)) == 29
    assert ids[:5] == SYLLABUS_IDS
    assert ids[-1] == "c5w4a1"
    keys = [(a.course, a.week) for a in manifest.load()]
    assert keys == sorted(keys)
    for a in manifest.load():
        assert re.fullmatch(rf"c{a.course}w{a.week}a\d", a.id), a.id
        assert a.status in ("available", "planned")


def test_available_assignments_have_sources_in_their_course_folder():
    assert AVAILABLE, "no assignment is available"
    for a in manifest.load():
        if a.available:
            assert a.source_path.is_file(), a.source
            assert a.source_path.parent.parent.name == a.course_folder
            assert a.source_path.parent.name == a.id
        else:
            assert not a.source, f"planned {a.id} names a source"


def test_manifest_data_names_exist_in_registry():
    from dlcourse import data

    names = set(data.registry())
    for a in AVAILABLE:
        assert set(a.data) <= names, (a.id, set(a.data) - names)


def test_readme_table_of_contents_comes_from_manifest():
    readme = (ROOT / "README.md").read_text()
    for a in manifest.load():
        assert f"| {a.id} |" in readme, a.id


@per_assignment
def test_source_conventions(assignment):
    nb = src.read_source(assignment.source_path)
    solutions = [c.metadata.nbgrader["grade_id"] for c in nb.cells
                 if c.metadata.get("nbgrader", {}).get("solution")]
    parts = src.graded_parts(nb)
    tests = [p.grade_id for p in parts]
    assert solutions, "no solution cell"
    assert tests == [f"test_{s}" for s in solutions], "each solution f needs a test_f cell after it"
    for cell_index, cell in enumerate(nb.cells):
        gid = cell.metadata.get("nbgrader", {}).get("grade_id")
        if gid in solutions:
            nxt = next(c for c in nb.cells[cell_index + 1:] if c.cell_type == "code")
            assert nxt.metadata.get("nbgrader", {}).get("grade_id") == f"test_{gid}", gid
    for p in parts:
        assert p.hidden_source.strip(), f"{p.grade_id} has no hidden tests"
        assert "run_checks(" in p.public_source, f"{p.grade_id}: public part must end in run_checks"
    total = sum(p.points for p in parts)
    assert total == assignment.points, f"manifest says {assignment.points}, cells sum to {total}"


@per_assignment
def test_mutant_catalogue_covers_every_graded_function(assignment):
    nb = src.read_source(assignment.source_path)
    functions = [p.function for p in src.graded_parts(nb)]
    mutants = load_mutants(assignment.id)
    for f in functions:
        assert len(mutants.get(f, {})) >= 3, f"{f}: needs at least 3 mutants"
    assert set(mutants) <= set(functions), set(mutants) - set(functions)


def test_generated_files_are_up_to_date(capsys):
    status = api.build(check=True)
    assert status == 0, capsys.readouterr().out


@per_assignment
def test_release_has_no_solution_and_no_hidden_tests(assignment):
    text = assignment.release_path.read_text()
    nb = nbformat.reads(text, as_version=4)
    secrets = src.secret_lines(src.read_source(assignment.source_path))
    body = "\n".join(c.source for c in nb.cells)
    assert "BEGIN SOLUTION" not in body and "HIDDEN TESTS" not in body
    for kind, lines in secrets.items():
        found = [s for s in lines if s in body]
        assert not found, f"{kind} text in the release: {found[:3]}"


def test_committed_notebooks_are_clean():
    files = subprocess.run(["git", "ls-files", "*.ipynb"], cwd=ROOT, capture_output=True,
                           text=True, check=True).stdout.split()
    assert files, "no notebook is tracked"
    for f in files:
        nb = json.loads((ROOT / f).read_text())
        for i, cell in enumerate(nb["cells"]):
            assert not cell.get("outputs"), f"{f} cell {i} has outputs"
            assert cell.get("execution_count") is None, f"{f} cell {i} has an execution count"
            assert re.fullmatch(r"cell-\d{3}|[A-Za-z0-9_-]+", cell["id"]), cell["id"]
            assert not re.fullmatch(r"[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}|[0-9a-f]{8}",
                                    cell["id"]), f"{f}: random cell id {cell['id']}"


def test_source_errors_are_clear(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text('# %% nbgrader={"grade_id": "f", "points": 1}\n'
                   'x = 1\n### BEGIN SOLUTION\nx = 2\n### END SOLUTION\n')
    with pytest.raises(src.SourceError, match="solution markers outside a solution cell"):
        src.read_source(bad)
    bad.write_text('# %% nbgrader={"grade_id": "f", "solution": true}\n'
                   '### BEGIN HIDDEN TESTS\nx = 2\n### END HIDDEN TESTS\n')
    with pytest.raises(src.SourceError, match="hidden-test markers outside a test cell"):
        src.read_source(bad)
    bad.write_text('# %% nbgrader={"grade_id": "f", "grade": true}\nx = 1\n')
    with pytest.raises(src.SourceError, match="needs points"):
        src.read_source(bad)


#: calls that end a test cell and return None
_NONE_CALLS = re.compile(r"^(run_checks|print|display|_hidden_\w+|check_shared_layers)$")


def _ends_with_a_value(source: str) -> str | None:
    """The last top-level statement, if it is an expression that may have a value."""
    import ast

    try:
        body = ast.parse(source).body
    except SyntaxError:
        return None
    if not body or not isinstance(body[-1], ast.Expr):
        return None
    value = body[-1].value
    if isinstance(value, ast.Call):
        name = value.func.id if isinstance(value.func, ast.Name) else \
            value.func.attr if isinstance(value.func, ast.Attribute) else ""
        if _NONE_CALLS.match(name):
            return None
    return ast.unparse(body[-1])[:80]


@per_assignment
def test_no_test_cell_ends_with_a_value(assignment):
    # nbgrader reads a test cell's last value (its execute_result) as partial credit: a cell that
    # ends with `check_scalar(...)` (it returns the checked value) scores that number, or fails
    # when it exceeds the points; neither the release nor the grading copy may end so
    nb = src.read_source(assignment.source_path)
    bad = []
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type != "code" or not meta.get("points") or meta.get("solution"):
            continue
        for what, text in (("whole", cell.source), ("public", src.strip_hidden(cell.source))):
            last = _ends_with_a_value(text)
            if last:
                bad.append(f"{meta.get('grade_id')} ({what}): {last}")
    assert not bad, bad

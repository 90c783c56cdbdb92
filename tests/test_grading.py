"""Source -> release -> autograde -> feedback -> export, through the grader as instructors use it.

For every available assignment, one class is graded in one batch:
  reference  the reference solution                  -> full marks, no cell errors
  blank      the student release, untouched           -> 0, and the grader does not crash
Where the assignment has demo cells (tag ``demo``), the reference and the blank are graded a
second time with ``full_run=True``: every demo cell runs without error and every per-function
score is the same as with the demo cells skipped (the default).
For the first assignment the batch also holds (these test the grader, not the assignment):
  deleted    the reference with a test cell deleted   -> the cell is restored and graded
  broken     a file that is not a notebook            -> a clear message; the others still graded
"""

import csv
import io
import shutil
import zipfile
from contextlib import redirect_stdout
from pathlib import Path

import nbformat
import pytest
from conftest import AVAILABLE, per_assignment

from grader import api
from grader import source as src

pytestmark = pytest.mark.slow
_CLASSES: dict = {}


FIRST = AVAILABLE[0]


def _write_submissions(a, folder: Path) -> None:
    ref = src.read_source(a.source_path)
    (folder / "reference").mkdir(parents=True)
    src.write_notebook(ref, folder / "reference" / a.notebook)
    (folder / "blank").mkdir()
    shutil.copy(a.release_path, folder / "blank" / a.notebook)
    if a.id != FIRST.id:
        return
    deleted = nbformat.from_dict(ref)
    first_test = next(i for i, c in enumerate(deleted.cells)
                      if c.metadata.get("nbgrader", {}).get("grade"))
    del deleted.cells[first_test]
    (folder / "deleted").mkdir()
    src.write_notebook(deleted, folder / "deleted" / a.notebook)
    (folder / "broken").mkdir()
    (folder / "broken" / a.notebook).write_text("{ this is not a notebook")


@pytest.fixture
def graded_class(assignment, tmp_path_factory):
    """Grade the class of one assignment once per test session (per xdist worker)."""
    if assignment.id not in _CLASSES:
        tmp = tmp_path_factory.mktemp(f"class-{assignment.id}")
        subs, course = tmp / "submissions", tmp / "course"
        _write_submissions(assignment, subs)
        out = io.StringIO()
        with redirect_stdout(out):
            status = api.autograde(subs, assignment=assignment.id, course_dir=course)
            fb_status = api.feedback(assignment.id, course_dir=course)
        students = sorted(p.name for p in subs.iterdir())
        results = {s: api.read_result(course, assignment, s) for s in students}
        full_course, full_results = course, results
        if any(src.is_demo(c) for c in src.read_source(assignment.source_path).cells):
            full_subs, full_course = tmp / "full-submissions", tmp / "full-course"
            for s in ("reference", "blank"):
                shutil.copytree(subs / s, full_subs / s)
            with redirect_stdout(out):
                api.autograde(full_subs, assignment=assignment.id, course_dir=full_course,
                              full_run=True)
            full_results = {s: api.read_result(full_course, assignment, s)
                            for s in ("reference", "blank")}
        _CLASSES[assignment.id] = dict(course=course, status=status, fb_status=fb_status,
                                       log=out.getvalue(), results=results,
                                       full_course=full_course, full_results=full_results)
    return _CLASSES[assignment.id]


@per_assignment
def test_reference_earns_full_marks_and_runs_without_errors(assignment, graded_class):
    res = graded_class["results"]["reference"]
    assert res.max_score == assignment.points
    failed = [(p.grade_id, p.message) for p in res.parts if not p.passed]
    assert not failed and res.score == assignment.points, failed
    # the full run (demo cells included, where there are any) shows every cell runs cleanly
    nb = nbformat.read(graded_class["full_course"] / "autograded" / "reference" /
                       assignment.id / assignment.notebook, as_version=4)
    errors = [(i, o.get("ename"), o.get("evalue")) for i, c in enumerate(nb.cells)
              if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors, errors


@per_assignment
def test_skipping_demo_cells_changes_no_score(assignment, graded_class):
    for student in ("reference", "blank"):
        skipped = graded_class["results"][student]
        full = graded_class["full_results"][student]
        assert [(p.grade_id, p.score) for p in skipped.parts] == \
            [(p.grade_id, p.score) for p in full.parts], student


@per_assignment
def test_blank_release_earns_zero_without_crashing(assignment, graded_class):
    res = graded_class["results"]["blank"]
    assert res.error is None and len(res.parts) > 0
    assert res.score == 0, [(p.grade_id, p.score) for p in res.parts if p.score]
    assert all(p.message.startswith("NotImplementedError") or "Error" in p.message
               for p in res.parts), [p.message for p in res.parts]


@pytest.mark.parametrize("assignment", [FIRST], ids=[FIRST.id])
@pytest.mark.xdist_group(FIRST.id)
def test_deleted_test_cell_is_restored_and_graded(assignment, graded_class):
    res = graded_class["results"]["deleted"]
    assert all(p.score is not None for p in res.parts), "a grade waits for manual grading"
    assert res.score == assignment.points
    # the grader rebuilds the notebook from the release, and its outcome says what it restored
    first_test = next(p.grade_id for p in src.graded_parts(src.read_source(assignment.source_path)))
    assert any("restored" in f and first_test in f for f in res.flags), res.flags
    pts = f"{assignment.points:g}"
    assert f"deleted: {pts}/{pts} [flagged: restored" in graded_class["log"]


@pytest.mark.parametrize("assignment", [FIRST], ids=[FIRST.id])
@pytest.mark.xdist_group(FIRST.id)
def test_broken_submission_gets_a_message_and_the_batch_goes_on(assignment, graded_class):
    assert graded_class["status"] == 1, "a submission failed, so the exit code must say so"
    assert "broken: NOT GRADED" in graded_class["log"]
    assert graded_class["results"]["reference"].score == assignment.points
    assert "[4/4]" in graded_class["log"] and "eta" in graded_class["log"]


@per_assignment
def test_feedback_never_contains_hidden_tests(assignment, graded_class):
    secrets = src.secret_lines(src.read_source(assignment.source_path))["hidden"]
    assert secrets, "no hidden-test lines to look for"
    pages = list((graded_class["course"] / "feedback").glob(f"*/{assignment.id}/*.html"))
    assert graded_class["fb_status"] == 0, graded_class["log"]
    assert graded_class["status"] == (1 if assignment.id == FIRST.id else 0), graded_class["log"]
    assert {p.parts[-3] for p in pages} >= {"reference", "blank"}, graded_class["log"]
    for page in pages:
        html = page.read_text()
        assert api.leaks(html, secrets) == [], page
        assert "HIDDEN TESTS" not in html
        assert "Traceback (most recent call last)" not in html
        # nothing on the page is fetched from the internet (nbgrader's template loads MathJax
        # from a CDN; grader/templates/feedback leaves it out)
        assert api.remote_loads(html) == [], page


@per_assignment
def test_export_writes_one_row_per_submission(assignment, graded_class, tmp_path):
    out = tmp_path / "grades.csv"
    with redirect_stdout(io.StringIO()):
        assert api.export(out, course_dir=graded_class["course"]) == 0
        assert api.export(tmp_path / "f.csv", course_dir=graded_class["course"],
                          by_function=True) == 0
    rows = {r["student_id"]: r for r in csv.DictReader(out.open())}
    assert float(rows["reference"]["score"]) == assignment.points
    assert float(rows["blank"]["score"]) == 0
    per_function = list(csv.DictReader((tmp_path / "f.csv").open()))
    assert {r["function"] for r in per_function} == {
        p.function for p in src.graded_parts(src.read_source(assignment.source_path))}


@per_assignment
def test_check_prints_a_row_per_function_and_the_total(assignment, capsys):
    """`grader check` on the blank release: 0 points, one row per graded function."""
    status = api.check(assignment.release_path)
    out = capsys.readouterr().out
    assert status == 1
    for p in src.graded_parts(src.read_source(assignment.source_path)):
        assert f"\n{p.function} " in out, p.function
    assert f"total: 0 / {assignment.points:g}" in out


@pytest.mark.xdist_group(FIRST.id)
def test_check_gives_full_marks_to_the_reference(tmp_path, capsys):
    a = FIRST
    nb = tmp_path / a.notebook
    src.write_notebook(src.read_source(a.source_path), nb)
    assert api.check(nb) == 0
    assert f"total: {a.points:g} / {a.points:g}" in capsys.readouterr().out


@pytest.mark.xdist_group(FIRST.id)
def test_lms_zip_is_collected_with_nbgrader_zip_collect(tmp_path, capsys):
    a = FIRST
    zpath = tmp_path / "download.zip"
    with zipfile.ZipFile(zpath, "w") as zf:
        zf.writestr(f"doejane_1234_5678_{a.notebook}", src.canonical_json(
            src.read_source(a.source_path)))
        zf.writestr(f"roesmith_late_4321_8765_{a.notebook}", a.release_path.read_text())
    status = api.autograde(zpath, course_dir=tmp_path / "course")
    out = capsys.readouterr().out
    assert status == 0, out
    assert f"doejane: {a.points:g}/{a.points:g}" in out
    assert f"roesmith: 0/{a.points:g}" in out


def test_usage_errors_are_clear(tmp_path):
    not_zip = tmp_path / "x.zip"
    not_zip.write_text("nope")
    with pytest.raises(api.UsageError, match="is not a zip file"):
        api.autograde(not_zip, assignment=FIRST.id, course_dir=tmp_path / "c")
    with pytest.raises(api.UsageError, match="unknown assignment"):
        api.release("c9w9a9", course_dir=tmp_path / "c")
    with pytest.raises(api.UsageError, match="is not a readable notebook"):
        api.check(not_zip)


@pytest.mark.parametrize("rel, student, file_id", [
    ("dl/doejane_1234_5678_c1w2a2_logistic_regression.ipynb", "doejane",
     "c1w2a2_logistic_regression.ipynb"),
    ("dl/roesmith_late_42_c1w2a2_logistic_regression.ipynb", "roesmith",
     "c1w2a2_logistic_regression.ipynb"),
    ("dl/Jane Doe_1234_assignsubmission_file_/c1w2a2_logistic_regression.ipynb", "1234",
     "c1w2a2_logistic_regression.ipynb"),
    ("dl/alice/c1w2a2_logistic_regression.ipynb", "alice", "c1w2a2_logistic_regression.ipynb"),
    ("dl/alice/c1w2a2/c1w2a2_logistic_regression.ipynb", "alice",
     "c1w2a2_logistic_regression.ipynb"),
])
def test_lms_collector_reads_student_and_notebook_from_common_layouts(rel, student, file_id):
    from grader.plugins import LmsCollector

    c = LmsCollector(extracted_root="/x")
    got = c._match("/x/" + rel)
    assert got is not None and got["student_id"] == student and got["file_id"] == file_id


def test_lms_collector_skips_unknown_names():
    from grader.plugins import LmsCollector

    assert LmsCollector(extracted_root="/x")._match("/x/dl/readme.txt") is None

"""The grader's commands. Each public function here is also a CLI command with the same
signature (see :mod:`grader.cli`); each returns an exit code: 0 success, 1 a grading problem
(a failed test, a submission that could not be graded, a leak), 2 bad input.
"""

from __future__ import annotations

import csv
import os
import re
import shutil
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbgrader.api import Gradebook, MissingEntry

from dlcourse import ROOT

from . import batch, manifest, nbg
from . import source as src
from .manifest import Assignment
from .sandbox import Outcome, grade_isolated

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Bad input from the user: a clear message, exit code 2."""


# --------------------------------------------------------------------------------------------
# Results


@dataclass
class PartResult:
    """One test cell of one graded submission."""

    grade_id: str
    points: float
    score: float | None
    message: str

    @property
    def function(self) -> str:
        return self.grade_id.removeprefix("test_")

    @property
    def passed(self) -> bool:
        return self.score is not None and self.score >= self.points


@dataclass
class SubmissionResult:
    student: str
    assignment: str
    parts: list[PartResult] = field(default_factory=list)
    error: str | None = None
    seconds: float = 0.0
    status: str = ""        # the batch outcome: graded | limit | rejected | error ("" unknown)
    message: str = ""       # which limit was hit / what is wrong with the input
    flags: list[str] = field(default_factory=list)  # e.g. detected tampering

    @property
    def score(self) -> float:
        return sum(p.score or 0 for p in self.parts)

    @property
    def max_score(self) -> float:
        return sum(p.points for p in self.parts)


def _error_message(cell) -> str:
    """The message of a cell's error output ("CheckFailed: ..."), whole: a check's message may
    go on with a "likely cause: ..." line."""
    for out in cell.get("outputs", []):
        if out.get("output_type") == "error":
            evalue = str(out.get("evalue", "")).strip()
            return f"{out.get('ename', 'Error')}: {evalue}".strip().rstrip(":")
    return ""


def read_result(course_dir: Path, assignment: Assignment, student: str, db_url=None):
    """Scores from the gradebook plus each test cell's message from the autograded notebook."""
    course_dir = Path(course_dir)
    cfg = nbg.config(course_dir, db_url)
    url = cfg.CourseDirectory.db_url
    graded_nb = course_dir / "autograded" / student / assignment.id / assignment.notebook
    cells = {}
    if graded_nb.exists():
        try:
            for cell in nbformat.read(graded_nb, as_version=4).cells:
                gid = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
                if gid:
                    cells[gid] = cell
        except Exception:  # a corrupt autograded file: scores still come from the gradebook
            pass
    result = SubmissionResult(student, assignment.id)
    with Gradebook(url, nbg.COURSE_ID) as gb:
        row = _outcome_row(gb, assignment.id, student)
        if row:
            result.status, result.message, result.flags = row["status"], row["message"], \
                row["flags"]
            result.seconds = row["seconds"]
        try:
            sub = gb.find_submission_notebook(assignment.notebook_stem, assignment.id, student)
        except MissingEntry:
            result.error = "not graded" + (f": {result.message}" if result.message else "")
            return result
        grades = sorted(sub.grades, key=lambda g: g.cell.name)
        order = {p.grade_id: i for i, p in enumerate(_parts(assignment))}
        grades.sort(key=lambda g: order.get(g.cell.name, 999))
        for g in grades:
            cell = cells.get(g.cell.name)
            message = _error_message(cell) if cell is not None else ""
            if g.score is None:
                message = message or "needs manual grading"
            elif g.score >= g.max_score:
                message = "passed"
            elif not message:
                message = "failed"
            result.parts.append(PartResult(g.cell.name, g.max_score, g.score, message))
    return result


def _outcome_row(gb, assignment_id: str, student: str) -> dict | None:
    """The batch's record of one submission (None for a gradebook the batch never wrote)."""
    from sqlalchemy import inspect

    if not inspect(gb.engine).has_table(batch.OUTCOMES.name):
        return None
    return batch.outcome_rows(gb, assignment_id).get(student)


def result_from_outcome(out: Outcome, assignment: Assignment) -> SubmissionResult:
    """A :class:`SubmissionResult` straight from :func:`grader.sandbox.grade_isolated`."""
    res = SubmissionResult(out.student, assignment.id, seconds=out.seconds, status=out.status,
                           message=out.message, flags=list(out.flags))
    if out.status not in batch.FINISHED or out.autograded_nb is None:
        res.error = out.message or out.status
        return res
    cells = {}
    for cell in nbformat.reads(out.autograded_nb, as_version=4).cells:
        gid = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if gid:
            cells[gid] = cell
    for p in _parts(assignment):
        g = out.grades.get(p.grade_id, {})
        score = g.get("auto_score", 0.0) if g else 0.0
        cell = cells.get(p.grade_id)
        message = _error_message(cell) if cell is not None else ""
        if score is None:
            message = message or "needs manual grading"
        elif score >= p.points:
            message = "passed"
        elif not message:
            message = "not run: " + out.message if out.status == "limit" else "failed"
        res.parts.append(PartResult(p.grade_id, g.get("max_score", p.points), score, message))
    return res


def _parts(assignment: Assignment):
    return src.graded_parts(src.read_source(assignment.source_path))


# --------------------------------------------------------------------------------------------
# Build: the generated files of the repository


def _toc() -> str:
    lines = ["| # | assignment | notebook | points | status |", "|---|---|---|---|---|"]
    for a in manifest.load():
        if a.available:
            rel = a.release_path.relative_to(ROOT).as_posix()
            nb = f"[{a.notebook}]({rel})"
            points = f"{a.points:g}"
        else:
            nb, points = "—", "—"
        title = f"C{a.course} W{a.week}: {a.title}"
        lines.append(f"| {a.id} | {title} | {nb} | {points} | {a.status} |")
    return "\n".join(lines)


def _data_table() -> str:
    from dlcourse import data

    users: dict[str, list[str]] = {}
    for a in manifest.load():
        for name in a.data:
            users.setdefault(name, []).append(a.id)
    lines = ["| data set | file | size | used by | source | licence |", "|---|---|---|---|---|---|"]
    for name, e in sorted(data.registry().items()):
        size = f"{e.get('bytes', 0) / 1e6:.1f} MB"
        used = ", ".join(users.get(name, [])) or "—"
        lines.append(f"| {name} | `datasets/{e['file']}` | {size} | {used} | {e.get('source', '')} "
                     f"| {e.get('licence', '')} |")
    return "\n".join(lines)


TOC_START, TOC_END = "<!-- toc:start (generated by `grader build`) -->", "<!-- toc:end -->"
DATA_START, DATA_END = "<!-- data:start (generated by `grader build`) -->", "<!-- data:end -->"


def _readme_with_toc(text: str) -> str:
    for start, end, make in ((TOC_START, TOC_END, _toc), (DATA_START, DATA_END, _data_table)):
        pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.S)
        if pattern.search(text):
            text = pattern.sub(lambda _: f"{start}\n{make()}\n{end}", text)
    return text


def generated_files() -> dict[Path, str]:
    """Every generated file of the repository and its expected content."""
    out: dict[Path, str] = {}
    assignments = manifest.available()
    for a in assignments:
        for name, origin in a.modules:
            out[a.folder / name] = src.solution_module(manifest.get(origin))
    with tempfile.TemporaryDirectory() as tmp, nbg.quiet_nbgrader():
        for a in assignments:
            release = nbg.generate(Path(tmp), a)
            nb = nbformat.read(release / a.notebook, as_version=4)
            nb.metadata.pop("celltoolbar", None)
            out[a.release_path] = src.canonical_json(nb)
    readme = ROOT / "README.md"
    if readme.exists():
        out[readme] = _readme_with_toc(readme.read_text(encoding="utf-8"))
    return out


def build(check: bool = False) -> int:
    """Regenerate the student notebooks in the course folders and the README's table of contents.

    check: do not write; exit 1 and list the stale files if anything would change.
    """
    stale = []
    for path, text in generated_files().items():
        old = path.read_text(encoding="utf-8") if path.exists() else None
        if old != text:
            stale.append(path)
            if not check:
                path.write_text(text, encoding="utf-8")
    rel = [p.relative_to(ROOT).as_posix() for p in stale]
    if check:
        if stale:
            print("stale generated files (run `grader build`):\n  " + "\n  ".join(rel))
            return EXIT_FAIL
        print("generated files are up to date")
        return EXIT_OK
    print(f"wrote {len(stale)} file(s)" + (":\n  " + "\n  ".join(rel) if rel else ""))
    return EXIT_OK


# --------------------------------------------------------------------------------------------
# Instructor commands


def _assignments(assignment: str | None) -> list[Assignment]:
    if assignment in (None, "", "all"):
        return manifest.available()
    try:
        return [manifest.get(assignment)]
    except manifest.ManifestError as exc:
        raise UsageError(str(exc)) from None


def release(
    assignment: str | None = None,
    course_dir: Path = nbg.DEFAULT_COURSE_DIR,
    db_url: str | None = None,
) -> int:
    """Generate the student version of one assignment (or all) into COURSE_DIR/release/.

    The gradebook records each test cell so autograde can restore it. To hand the release to
    students through a JupyterHub exchange, follow with `nbgrader release_assignment ID`.
    """
    course_dir = Path(course_dir).resolve()
    with nbg.quiet_nbgrader():
        for a in _assignments(assignment):
            out = nbg.generate(course_dir, a, db_url)
            print(f"released {a.id}: {out / a.notebook}")
    config_file = nbg.write_course_config(course_dir, db_url)
    if config_file:
        print(f"wrote {config_file} (run `jupyter lab` there to use nbgrader's formgrader)")
    return EXIT_OK


def _import_folder(folder: Path, course_dir: Path, assignment: Assignment) -> list[str]:
    """Copy ``<student>/<notebook>`` (or ``<student>/<id>/<notebook>``) into submitted/.

    A student folder without the notebook is imported too: its grading says what is missing.
    """
    students = []
    for student_dir in sorted(p for p in folder.iterdir() if p.is_dir()):
        if student_dir.name.startswith("."):
            continue
        inner = student_dir / assignment.id
        if not inner.is_dir():
            inner = student_dir
        if not any(p for p in inner.iterdir() if not p.name.startswith(".")):
            continue
        dest = course_dir / "submitted" / student_dir.name / assignment.id
        link = next((p for p in (student_dir, inner) if p.is_symlink()), None)
        if link is not None:
            # never followed: the link itself is kept, and grading rejects it with a message
            if dest.is_symlink() or dest.is_file():
                dest.unlink()
            elif dest.exists():
                shutil.rmtree(dest)
            dest.mkdir(parents=True)
            os.symlink(os.readlink(link), dest / link.name)
        elif dest.resolve() != inner.resolve():
            if dest.exists():
                shutil.rmtree(dest)
            shutil.copytree(inner, dest, symlinks=True,
                            ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
        students.append(student_dir.name)
    return students


def _import_zip(zip_path: Path, course_dir: Path, assignment: Assignment, db_url=None) -> list[str]:
    """nbgrader's zip_collect with the course's LMS collector plugin."""
    from nbgrader.apps.zipcollectapp import ZipCollectApp

    from .plugins import LmsCollector

    if not zipfile.is_zipfile(zip_path):
        raise UsageError(f"{zip_path} is not a zip file")
    archive = course_dir / "downloaded" / assignment.id / "archive"
    if archive.exists():
        shutil.rmtree(archive)
    archive.mkdir(parents=True)
    shutil.copy2(zip_path, archive / zip_path.name)
    cfg = nbg.config(course_dir, db_url)
    cfg.ZipCollectApp.collector_plugin = LmsCollector
    cfg.ZipCollectApp.force = True
    cfg.ZipCollectApp.strict = True
    cfg.LmsCollector.extracted_root = str(course_dir / "downloaded" / assignment.id / "extracted")
    before = set(_submitted_students(course_dir, assignment))
    app = ZipCollectApp(config=cfg)
    app.initialize([assignment.id])
    app.start()
    students = sorted(set(_submitted_students(course_dir, assignment)) - before) or sorted(before)
    if not students:
        raise UsageError(f"no submission of {assignment.id} found in {zip_path.name}")
    return students


def _submitted_students(course_dir: Path, assignment: Assignment) -> list[str]:
    sub = course_dir / "submitted"
    if not sub.exists():
        return []
    return sorted(p.name for p in sub.iterdir() if (p / assignment.id).is_dir())


def _guess_assignment(path: Path) -> Assignment:
    names = [path.name] if path.is_file() and path.suffix == ".ipynb" else []
    if path.is_dir():
        names = [p.name for p in path.rglob("*.ipynb")]
    elif zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as zf:
            names = [Path(n).name for n in zf.namelist()]
    found = {a.id: a for n in names if (a := manifest.by_notebook_name(n.split("_", 3)[-1]) or
                                        manifest.by_notebook_name(n))}
    if len(found) != 1:
        raise UsageError(
            f"cannot tell the assignment of {path} (found {sorted(found) or 'none'}); "
            "pass --assignment ID"
        )
    return next(iter(found.values()))


def autograde(
    submissions: Path | None = None,
    assignment: str | None = None,
    course_dir: Path = nbg.DEFAULT_COURSE_DIR,
    db_url: str | None = None,
    student: str | None = None,
    force: bool = False,
    workers: int | None = None,
    dask: str | None = None,
    memory_mb: int | None = None,
    full_run: bool = False,
    verdict: str = "",
) -> int:
    """Grade submissions with nbgrader's autograder, several at a time; a line per student.

    submissions: a folder of `<student>/<notebook>.ipynb`, an LMS download zip, or omitted to
        grade what `nbgrader collect` put into COURSE_DIR/submitted/.
    force: regrade students that already have a grade for the same file.
    workers: how many submissions to grade at a time (None: one per CPU core).
    dask: grade on an existing Dask cluster instead, given by its scheduler address
        (tcp://host:8786); its workers need this course installed.
    memory_mb: memory limit of one submission's kernel processes, in MB (None: 4096).
    full_run: also run the demo cells (training showcases, plots) that no test depends on, so
        the graded copy holds every plot; by default they are skipped (same scores, faster).
        Regrading with a different choice needs --force.
    verdict: where the test cells run: "trusted" (in the grader's process; the learner's
        kernel only answers calls, see grader/SECURITY.md) or "kernel" (in the learner's
        kernel, watched by the integrity guard); default: the assignment's, from syllabus.toml.
    Each submission runs in a private folder with the limits of syllabus.toml; each finished
    grade is stored at once, so an interrupted batch resumes where it stopped.
    Exit code 1 when any submission could not be graded.
    """
    course_dir = Path(course_dir).resolve()
    if submissions is not None:
        submissions = Path(submissions)
        if not submissions.exists():
            raise UsageError(f"{submissions} does not exist")
    if assignment:
        a = _assignments(assignment)[0]
    elif submissions is not None:
        a = _guess_assignment(submissions)
    else:
        raise UsageError("pass --assignment ID (or a submissions folder/zip to read it from)")
    if workers is not None and workers < 1:
        raise UsageError("--workers must be at least 1")
    if verdict not in ("", "trusted", "kernel"):
        raise UsageError("--verdict must be trusted or kernel")

    try:
        with batch.course_lock(course_dir):
            with nbg.quiet_nbgrader():
                nbg.generate(course_dir, a, db_url)
                if submissions is None:
                    students = _submitted_students(course_dir, a)
                elif submissions.is_dir():
                    students = _import_folder(submissions, course_dir, a)
                else:
                    students = _import_zip(submissions, course_dir, a, db_url)
            if student:
                students = [s for s in students if s == student]
            if not students:
                raise UsageError(f"no submissions of {a.id} to grade")
            report = batch.grade_batch(course_dir, a, students, db_url, workers=workers,
                                       dask=dask, force=force,
                                       limits=batch.limits_for(a, memory_mb, full_run,
                                                               verdict),
                                       lock=False)
    except batch.Busy as exc:
        raise UsageError(str(exc)) from None
    return EXIT_FAIL if report.failures else EXIT_OK


def _first_error(out: dict) -> str:
    text = (out.get("error") or "") + "\n" + (out.get("log") or "")
    for line in text.splitlines():
        if "[ERROR]" in line or "Error" in line:
            return line.strip()[:200]
    return "see nbgrader's log"


def feedback(
    assignment: str,
    student: str | None = None,
    course_dir: Path = nbg.DEFAULT_COURSE_DIR,
    db_url: str | None = None,
) -> int:
    """Write per-student HTML feedback to COURSE_DIR/feedback/<student>/<id>/.

    Hidden tests are cut from the cells and tracebacks are minimal; every page is then scanned
    for any hidden-test line of the source, and a page that contains one is deleted (exit 1).
    """
    a = _assignments(assignment)[0]
    course_dir = Path(course_dir).resolve()
    nbapi = nbg.api(course_dir, db_url, a.cell_timeout)
    graded = sorted(p.parent.name for p in (course_dir / "autograded").glob(f"*/{a.id}"))
    students = [student] if student else graded
    if not students:
        raise UsageError(f"no autograded submissions of {a.id}; run autograde first")
    secrets = src.secret_lines(src.read_source(a.source_path))["hidden"]
    status = EXIT_OK
    with nbg.quiet_nbgrader():
        for s in students:
            out = nbapi.generate_feedback(a.id, s, force=True)
            html = course_dir / "feedback" / s / a.id / (a.notebook_stem + ".html")
            if not out["success"] or not html.exists():
                print(f"{s}: feedback failed: {_first_error(out)}")
                status = EXIT_FAIL
                continue
            leaked = leaks(html.read_text(encoding="utf-8"), secrets)
            if leaked:
                html.unlink()
                print(f"{s}: feedback withheld: it contained hidden-test source ({leaked[0]!r})")
                status = EXIT_FAIL
            else:
                print(f"{s}: {html}")
    return status


def remote_loads(html: str) -> list[str]:
    """The addresses off the machine a page would fetch as it opens (scripts, images, frames,
    style sheets); a link to follow is not one."""
    return re.findall(r"<(?:script|img|iframe|link)\b[^>]*\s(?:src|href)\s*=\s*[\"']?"
                      r"(?:https?:)?//[^\"'\s>]*", html)


def leaks(html: str, secret_lines) -> list[str]:
    """The secret lines that appear in a page (after undoing HTML escaping)."""
    import html as _html

    text = _html.unescape(re.sub(r"<[^>]+>", "", html))
    text = re.sub(r"[ \t]+", " ", text)
    return [s for s in secret_lines if re.sub(r"[ \t]+", " ", s) in text]


def export(
    output: Path = Path("grades.csv"),
    course_dir: Path = nbg.DEFAULT_COURSE_DIR,
    db_url: str | None = None,
    by_function: bool = False,
) -> int:
    """Export grades as CSV with nbgrader's CSV export plugin.

    by_function: write one row per (student, assignment, test cell) instead, with its score.
    """
    from nbgrader.plugins import CsvExportPlugin

    course_dir = Path(course_dir).resolve()
    url = nbg.config(course_dir, db_url).CourseDirectory.db_url
    output = Path(output)
    if by_function:
        rows = 0
        with Gradebook(url, nbg.COURSE_ID) as gb, open(output, "w", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["assignment", "student_id", "function", "score", "max_score"])
            for assignment in gb.assignments:
                for sub in assignment.submissions:
                    for nb in sub.notebooks:
                        for g in sorted(nb.grades, key=lambda g: g.cell.name):
                            score = "" if g.score is None else f"{g.score:g}"
                            w.writerow([assignment.name, sub.student.id,
                                        g.cell.name.removeprefix("test_"), score,
                                        f"{g.max_score:g}"])
                            rows += 1
        print(f"wrote {rows} rows to {output}")
        return EXIT_OK
    with Gradebook(url, nbg.COURSE_ID) as gb:
        CsvExportPlugin(to=str(output)).export(gb)
    print(f"wrote {output}")
    return EXIT_OK


# --------------------------------------------------------------------------------------------
# Self-learner commands


def check(notebook: Path, assignment: str | None = None, keep: Path | None = None,
          full_run: bool = False) -> int:
    """Grade one notebook against the full (hidden) tests; print a table per graded function.

    keep: a folder to keep the grading files in (the autograded notebook is there).
    full_run: also run the demo cells (skipped by default: no test depends on them).
    Exit code 0 when every test passes, 1 otherwise.
    """
    notebook = Path(notebook)
    if not notebook.is_file():
        raise UsageError(f"{notebook} is not a file")
    try:
        nbformat.read(notebook, as_version=4)
    except Exception as exc:
        raise UsageError(f"{notebook} is not a readable notebook: {exc}") from None
    a = _assignments(assignment)[0] if assignment else _guess_assignment(notebook)
    res = grade_one(notebook, a, keep=keep, full_run=full_run)
    print(format_table(res))
    return EXIT_OK if res.error is None and res.score == res.max_score else EXIT_FAIL


def grade_one(notebook: Path, a: Assignment, student: str = "me", keep: Path | None = None,
              full_run: bool = False):
    """Grade one notebook in a private folder, exactly as a batch grades each submission
    (:func:`grader.sandbox.grade_isolated`); returns a :class:`SubmissionResult`.

    keep: a folder to keep the private course in; the autograded notebook is copied to
    ``keep/<notebook>``.
    """
    tmp = tempfile.mkdtemp(prefix="grader-check-") if keep is None else str(keep)
    workdir = Path(tmp).resolve()
    try:
        out = grade_isolated(Path(notebook).read_bytes(), a.id, student,
                             batch.limits_for(a, full_run=full_run), workdir)
        if keep is not None and out.autograded_nb is not None:
            (workdir / a.notebook).write_text(out.autograded_nb, encoding="utf-8")
        return result_from_outcome(out, a)
    finally:
        if keep is None:
            shutil.rmtree(tmp, ignore_errors=True)


def format_table(res: SubmissionResult) -> str:
    """A row per graded function; a failed function's message is shown whole, untruncated,
    its further lines (e.g. "likely cause: ...") indented under the message column."""
    rows = [("function", "points", "result", "message")]
    for p in res.parts:
        score = "-" if p.score is None else f"{p.score:g}"
        rows.append((p.function, f"{score}/{p.points:g}", "passed" if p.passed else "FAILED",
                     "" if p.passed else p.message))
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    indent = " " * (sum(widths) + 6)
    lines = []
    for r in rows:
        first, *more = r[3].splitlines() or [""]
        lines.append(("  ".join(r[i].ljust(widths[i]) for i in range(3)) + "  " + first).rstrip())
        lines.extend(indent + line.rstrip() for line in more if line.strip())
    lines.insert(1, "-" * min(100, sum(widths) + 6 + 40))
    lines.append(f"total: {res.score:g} / {res.max_score:g}")
    if res.status == "limit":
        lines.append(f"stopped by a limit: {res.message}")
    for flag in res.flags:
        lines.append(f"flagged: {flag}")
    if res.error:
        lines.append(f"grading problem: {res.error}")
    return "\n".join(lines)


def main_guard(func, *args, **kwargs) -> int:
    try:
        return func(*args, **kwargs)
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE

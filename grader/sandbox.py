"""Grade one submission in an isolated work directory: ``grade_isolated``.

A submission never touches the instructor's course folder. ``grade_isolated`` builds a private
nbgrader course in ``workdir`` (its own SQLite gradebook, the assignment generated from the
release), validates the input, runs nbgrader's autograder there under limits and tamper
defences, and returns an :class:`Outcome`. The caller (``grader.batch``) is the only writer of
the real gradebook. See ``grader/SECURITY.md`` for what each defence does and does not cover.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import time
import traceback
from dataclasses import asdict, dataclass, field
from pathlib import Path

import nbformat

from . import manifest, nbg

STUDENT = "student"  # the student id inside the private course (the real one is in Outcome)


@dataclass
class Limits:
    cell_timeout: int = 300  # s per cell (from the manifest)
    notebook_timeout: int = 900  # s for the whole notebook
    memory_mb: int = 4096  # resident set of the kernel process tree
    output_mb: int = 20  # total size of outputs in the graded notebook
    network: bool = False  # False: no network for student code where the OS allows

    @classmethod
    def for_assignment(cls, a: manifest.Assignment, **kw) -> Limits:
        """Defaults from the manifest: the cell limit, and a notebook limit of 4x its budget."""
        kw.setdefault("cell_timeout", a.cell_timeout)
        kw.setdefault("notebook_timeout", max(300, 4 * a.time_budget))
        return cls(**kw)


@dataclass
class Outcome:
    student: str
    status: str  # "graded" | "limit" | "rejected" | "error"
    message: str  # plain words: which limit / what is wrong with the input
    flags: list[str] = field(default_factory=list)
    autograded_nb: str | None = None  # JSON text of the autograded notebook (None if rejected)
    grades: dict = field(default_factory=dict)  # grade_id -> {"auto_score", "max_score"}
    seconds: float = 0.0

    @property
    def score(self) -> float:
        return sum(g["auto_score"] or 0 for g in self.grades.values())

    @property
    def max_score(self) -> float:
        return sum(g["max_score"] for g in self.grades.values())

    def to_dict(self) -> dict:
        return asdict(self)


# --------------------------------------------------------------------------------------------
# The generated assignment, cached per machine (generation costs ~5-10 s)


def _fingerprint(a: manifest.Assignment) -> str:
    h = hashlib.sha256()
    h.update(a.source_path.read_bytes())
    for name in a.files:
        h.update(name.encode())
        h.update((a.folder / name).read_bytes())
    for name, origin in a.modules:
        h.update(f"{name}={origin}".encode())
        h.update(manifest.get(origin).source_path.read_bytes())
    h.update(Path(nbg.__file__).read_bytes())
    h.update(Path(__file__).read_bytes())
    return h.hexdigest()[:20]


def _cache_root() -> Path:
    root = Path(tempfile.gettempdir()) / f"dlcourse-grader-cache-{os.getuid()}"
    root.mkdir(mode=0o700, exist_ok=True)
    os.chmod(root, 0o700)  # holds solutions and hidden tests: never readable by a kernel
    return root


def course_template(a: manifest.Assignment) -> Path:
    """A generated nbgrader course (gradebook.db, source/, release/) for one assignment.

    Built once per machine and source version, then copied into each work directory; the
    rename makes concurrent builders safe (the loser throws its copy away).
    """
    final = _cache_root() / f"{a.id}-{_fingerprint(a)}"
    if (final / "gradebook.db").exists():
        return final
    tmp = Path(tempfile.mkdtemp(prefix=f".{a.id}-", dir=final.parent))
    try:
        with nbg.quiet_nbgrader():
            nbg.generate(tmp, a)
        (tmp / "nbgrader_config.py").unlink(missing_ok=True)
        try:
            os.rename(tmp, final)
        except OSError:  # another process won the race
            shutil.rmtree(tmp, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return final


def _private_course(a: manifest.Assignment, workdir: Path) -> Path:
    course = workdir / "course"
    if course.exists():
        shutil.rmtree(course)
    course.mkdir(parents=True)
    os.chmod(course, 0o700)
    template = course_template(a)
    shutil.copy2(template / "gradebook.db", course / "gradebook.db")
    os.chmod(course / "gradebook.db", 0o600)
    for sub in ("source", "release"):
        shutil.copytree(template / sub, course / sub)
    return course


# --------------------------------------------------------------------------------------------
# Grading


def grade_isolated(notebook_bytes: bytes, assignment_id: str, student: str, limits: Limits,
                   workdir: Path) -> Outcome:
    """Grade one submitted notebook in a private course under ``workdir``; never raises for bad
    student input (every problem becomes an :class:`Outcome` with a message)."""
    t0 = time.perf_counter()
    workdir = Path(workdir).resolve()
    try:
        a = manifest.get(assignment_id)
        workdir.mkdir(parents=True, exist_ok=True)
        out = _grade(notebook_bytes, a, student, limits, workdir)
    except Exception as exc:  # a grader bug or a broken installation, not the student's input
        out = Outcome(student, "error", f"internal grader error: {type(exc).__name__}: {exc}",
                      flags=[traceback.format_exc(limit=6)[-2000:]])
    out.seconds = time.perf_counter() - t0
    return out


def _grade(data: bytes, a: manifest.Assignment, student: str, limits: Limits,
           workdir: Path) -> Outcome:
    try:
        nb = nbformat.reads(data.decode("utf-8"), as_version=4)
    except Exception as exc:
        return Outcome(student, "rejected", f"not a readable notebook: {exc}")
    course = _private_course(a, workdir)
    dest = course / "submitted" / STUDENT / a.id
    dest.mkdir(parents=True)
    nbformat.write(nb, dest / a.notebook)
    with nbg.quiet_nbgrader(), nbg.kernel_env():
        res = nbg.api(course, None, limits.cell_timeout).autograde(a.id, STUDENT, force=True)
    graded = course / "autograded" / STUDENT / a.id / a.notebook
    if not res["success"] or not graded.exists():
        log = (res.get("error") or "") + (res.get("log") or "")
        return Outcome(student, "error", "nbgrader could not grade it: " + log[-500:])
    grades = _read_grades(course, a)
    return Outcome(student, "graded", "", autograded_nb=graded.read_text(encoding="utf-8"),
                   grades=grades)


def _read_grades(course: Path, a: manifest.Assignment) -> dict:
    from nbgrader.api import Gradebook

    url = f"sqlite:///{course / 'gradebook.db'}"
    with Gradebook(url, nbg.COURSE_ID) as gb:
        sub = gb.find_submission_notebook(a.notebook_stem, a.id, STUDENT)
        return {g.cell.name: {"auto_score": g.auto_score, "max_score": g.max_score}
                for g in sub.grades}


def outcome_json(o: Outcome) -> str:
    return json.dumps(o.to_dict())

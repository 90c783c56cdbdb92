"""Grade a whole class: many submissions at once, one writer of the gradebook, resumable.

Each submission is graded by :func:`grader.sandbox.grade_isolated` in a private work directory
(its own nbgrader course and SQLite file): student code never sees the instructor's course
folder, the real gradebook or another student's files. This module only schedules those calls
and records what they return:

- **Local workers** (``--workers N``): N long-lived worker processes, each fed one submission
  at a time over a pipe. A worker that dies (killed, out of memory) costs only the submission
  it was grading: that one is reported as not graded, a fresh worker takes the next.
  On Linux the workers die with the batch process (``PR_SET_PDEATHSIG``), so ``kill -9`` of
  ``grader autograde`` stops all grading at once; elsewhere a worker finishes the submission
  it holds, finds its pipe closed and exits, and nothing it graded is stored.
- **Dask** (``--dask tcp://scheduler:8786``): the same calls are submitted to an existing
  Dask cluster; each worker must have this course installed (same version).
- **One writer**: only the process running the batch writes the course's gradebook (any
  SQLAlchemy URL nbgrader accepts: SQLite by default, PostgreSQL, ...). A finished submission
  is stored as soon as it arrives: the autograded notebook is written atomically (temporary
  file + ``os.replace``), then its grades, comments and outcome go into the gradebook in ONE
  transaction. ``kill -9`` at any moment therefore loses at most the submissions still being
  graded, never a finished grade, and never leaves half a grade behind.
- **Resumable**: a submission counts as done when the gradebook holds its outcome for the same
  file (sha256 of the submitted notebook) and its autograded notebook exists; a re-run grades
  only the others (``force`` regrades everything). A submission that changed since it was
  graded (a resubmission) is graded again.

The outcome of each submission (status, message, flags such as detected tampering) is kept in
the table ``dlcourse_outcome`` of the same database, next to nbgrader's tables.
"""

from __future__ import annotations

import base64
import contextlib
import dataclasses
import datetime as dt
import hashlib
import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from sqlalchemy import (
    Column,
    DateTime,
    Float,
    MetaData,
    String,
    Table,
    Text,
    delete,
    insert,
    select,
)

from . import nbg
from .manifest import Assignment
from .sandbox import Limits, Outcome, grade_isolated

#: Files bigger than this are not sent to a worker at all.
MAX_SUBMISSION_MB = 256
#: Outcomes that hold a grade (the others are retried on the next run).
FINISHED = ("graded", "limit")
PACKAGE_ROOT = Path(__file__).resolve().parent.parent

_meta = MetaData()
OUTCOMES = Table(
    "dlcourse_outcome", _meta,
    Column("assignment", String(128), primary_key=True),
    Column("student", String(128), primary_key=True),
    Column("status", String(16), nullable=False),
    Column("message", Text, nullable=False, default=""),
    Column("flags", Text, nullable=False, default="[]"),
    Column("sha256", String(64), nullable=False, default=""),
    Column("seconds", Float, nullable=False, default=0.0),
    Column("graded_at", DateTime, nullable=False),
)


# --------------------------------------------------------------------------------------------
# Jobs


@dataclasses.dataclass
class Job:
    """One submission to grade: where its notebook is and what it must be graded against."""

    student: str
    assignment_id: str
    path: str | None            # the submitted notebook (None: there is none)
    sha256: str
    limits: dict
    problem: str = ""           # set when the submission is rejected before grading

    def payload(self, with_bytes: bool = False) -> dict:
        d = dataclasses.asdict(self)
        if with_bytes and self.path:
            d["data"] = base64.b64encode(Path(self.path).read_bytes()).decode("ascii")
        return d


def limits_for(a: Assignment, memory_mb: int | None = None, full_run: bool = False,
               verdict: str = "") -> Limits:
    """The limits one submission of ``a`` is graded with (the manifest's, see :class:`Limits`).

    full_run: run the demo cells too (by default the grader skips them).
    verdict: "trusted" or "kernel", where the test cells run ("": the manifest's)."""
    if verdict not in ("", "trusted", "kernel"):
        raise ValueError(f"verdict must be 'trusted' or 'kernel', not {verdict!r}")
    kw = {} if memory_mb is None else {"memory_mb": memory_mb}
    return Limits.for_assignment(a, full_run=full_run, verdict=verdict, **kw)


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def make_job(course_dir: Path, a: Assignment, student: str, limits: Limits) -> Job:
    """The job for ``submitted/<student>/<id>/``: its notebook, or the reason there is none."""
    folder = Path(course_dir) / "submitted" / student / a.id
    lim = dataclasses.asdict(limits)
    link = symbolic_link(Path(course_dir) / "submitted" / student)
    if link is not None:
        return Job(student, a.id, None, "", lim, problem=link)
    nb = folder / a.notebook
    if not nb.is_file():
        others = sorted(p.name for p in folder.glob("*.ipynb")) if folder.is_dir() else []
        files = sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []
        if len(others) == 1:
            nb = folder / others[0]  # renamed: graded, and the outcome says so
        else:
            what = (f"{len(others)} other notebooks ({', '.join(others)})" if others else
                    ("only " + ", ".join(files[:5])) if files else "nothing")
            return Job(student, a.id, None, "", lim,
                       problem=f"missing notebook {a.notebook}: the submission holds {what}")
    size_mb = nb.stat().st_size / 2**20
    if size_mb > MAX_SUBMISSION_MB:
        return Job(student, a.id, None, sha256_file(nb), lim,
                   problem=f"{nb.name} is {size_mb:.0f} MB, more than the {MAX_SUBMISSION_MB} MB "
                           "a submission may have")
    return Job(student, a.id, str(nb), sha256_file(nb), lim)


def symbolic_link(folder: Path) -> str | None:
    """The rejection message if ``folder`` or anything in it is a symbolic link, else None.

    A link in a submission could make the grader read another student's notebook or a file of
    the instructor's; submissions are imported without following links, and a link is rejected.
    """
    folder = Path(folder)
    found = [folder] if folder.is_symlink() else []
    if not found and folder.is_dir():
        for root, dirs, files in os.walk(folder, followlinks=False):
            found += [Path(root) / n for n in sorted(dirs + files) if (Path(root) / n).is_symlink()]
            if found:
                break
    if not found:
        return None
    rel = found[0].relative_to(folder.parent)
    try:
        target = os.readlink(found[0])
    except OSError:
        target = "?"
    return (f"{rel} is a symbolic link (to {target}): submissions are imported without "
            "following links; hand in the notebook file itself")


def _outcome(job: Job | dict, status: str, message: str, seconds: float = 0.0) -> Outcome:
    student = job.student if isinstance(job, Job) else job["student"]
    return Outcome(student=student, status=status, message=message, flags=[],
                   autograded_nb=None, grades={}, seconds=seconds)


def run_job(job: dict) -> dict:
    """Grade one job (a :meth:`Job.payload`) in a fresh temporary folder; an Outcome as a dict.

    Runs in a worker process, local or on a Dask worker. Never raises.
    """
    t = time.perf_counter()
    workdir = Path(tempfile.mkdtemp(prefix=f"{WORKDIR_PREFIX}{job['assignment_id']}-"))
    (workdir / OWNER_FILE).write_text(str(os.getpid()))
    try:
        if job.get("problem"):
            out = _outcome(job, "rejected", job["problem"])
        else:
            if "data" in job:
                data = base64.b64decode(job["data"])
            else:
                data = Path(job["path"]).read_bytes()
            out = grade_isolated(data, job["assignment_id"], job["student"],
                                 Limits(**job["limits"]), workdir)
            name = Path(job["path"]).name
            expected = _notebook_name(job["assignment_id"])
            if name != expected and out.status != "rejected":
                out.flags = [*out.flags, f"renamed notebook: graded {name} (expected {expected})"]
    except Exception as exc:  # a grader bug must not stop the batch
        out = _outcome(job, "error", f"grader error: {type(exc).__name__}: {exc}")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    if not out.seconds:
        out.seconds = time.perf_counter() - t
    return dataclasses.asdict(out)


WORKDIR_PREFIX = "grader-"  # the private work folders, in the temporary directory
OWNER_FILE = "owner.pid"  # the grading process of a work folder


def _owner_alive(workdir: Path) -> bool:
    import psutil

    try:
        pid = int((workdir / OWNER_FILE).read_text())
        proc = psutil.Process(pid)
        # a killed worker nobody reaped (e.g. PID 1 of a container that does not reap orphans)
        # stays a zombie: it holds its pid but runs nothing
        if proc.status() == psutil.STATUS_ZOMBIE:
            return False
        # a reused pid belongs to a process younger than the folder
        return proc.create_time() <= (workdir / OWNER_FILE).stat().st_mtime + 1
    except (OSError, ValueError, psutil.Error):
        return False


def sweep_leftovers(tmp: Path | None = None) -> list[str]:
    """Remove what a killed grader left behind (``kill -9``: no ``finally`` ran): the work
    folders whose grading process is gone, the kernels started in them, and the processes of
    sandbox user ids that no grader holds. Returns what was removed (for the log).

    Safe beside other graders: a folder whose owner is alive and a user id whose lock is held
    are left alone.
    """
    import fcntl

    import psutil

    from .sandbox import cache_root, kill_uid, privileged

    removed = []
    tmp = Path(tmp or tempfile.gettempdir())
    for workdir in sorted(tmp.glob(WORKDIR_PREFIX + "*")):
        if not workdir.is_dir() or not (workdir / OWNER_FILE).exists() or _owner_alive(workdir):
            continue
        for proc in psutil.process_iter(["cmdline"]):  # kernels started from the folder
            cmd = " ".join(proc.info["cmdline"] or [])
            if "grader.guard" in cmd and str(workdir) in cmd:
                with contextlib.suppress(psutil.Error):
                    proc.kill()
        shutil.rmtree(workdir, ignore_errors=True)
        removed.append(workdir.name)
    locks = cache_root() / "uids"
    if privileged() and locks.is_dir():
        for lock in sorted(locks.iterdir()):
            with open(lock, "w") as fh:
                try:
                    fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except OSError:
                    continue  # held by a running grader
                if any(p.info["uids"] and p.info["uids"].real == int(lock.name)
                       for p in psutil.process_iter(["uids"])):
                    kill_uid(int(lock.name))
                    removed.append(f"processes of sandbox user {lock.name}")
    return removed


def _notebook_name(assignment_id: str) -> str:
    from . import manifest

    return manifest.get(assignment_id).notebook


# --------------------------------------------------------------------------------------------
# Local worker processes


def _worker_main() -> None:
    """A worker process: one JSON job per line on stdin, one JSON outcome per line back."""
    proto = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)  # anything the grading prints goes to the worker's log, not the protocol
    for line in sys.stdin:
        if not line.strip():
            continue
        out = run_job(json.loads(line))
        proto.write(json.dumps(out) + "\n")
        proto.flush()


def _die_with_parent() -> None:  # pragma: no cover (runs in the child before exec)
    """Linux: the worker gets SIGKILL when the batch process dies (kill -9 stops the batch)."""
    try:
        import ctypes

        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except Exception:
        pass


class LocalWorker:
    """One long-lived worker process, restarted when it dies."""

    def __init__(self, log_path: Path):
        self.log_path = log_path
        self.proc: subprocess.Popen | None = None

    def _start(self) -> None:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(
            [str(PACKAGE_ROOT)] + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else []))
        with open(self.log_path, "ab") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-c", "from grader.batch import _worker_main; _worker_main()"],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log, text=True,
                encoding="utf-8", env=env, cwd=tempfile.gettempdir(),
                preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None,
            )

    def grade(self, job: Job, deadline: float) -> Outcome:
        if self.proc is None or self.proc.poll() is not None:
            self._start()
        proc = self.proc
        killed = threading.Event()

        def kill():
            killed.set()
            proc.kill()

        timer = threading.Timer(deadline, kill)
        timer.start()
        try:
            proc.stdin.write(json.dumps(job.payload()) + "\n")
            proc.stdin.flush()
            line = proc.stdout.readline()
        except (BrokenPipeError, OSError):
            line = ""
        finally:
            timer.cancel()
        if line:
            return Outcome(**json.loads(line))
        code = proc.wait()
        self.proc = None
        if killed.is_set():
            msg = f"grading did not finish within {deadline:.0f} s and was stopped"
        elif code < 0:
            msg = f"the grading process was killed by signal {-code} ({_signame(-code)})"
        else:
            msg = f"the grading process exited with code {code}"
        return _outcome(job, "error", msg + f"; see {self.log_path}")

    def close(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.stdin.close()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None


def _signame(num: int) -> str:
    try:
        return signal.Signals(num).name
    except ValueError:
        return "?"


def _hard_deadline(job: Job) -> float:
    """Wall clock after which a worker is killed: the notebook limit plus set-up slack."""
    return float(job.limits.get("notebook_timeout", 600)) * 1.5 + 180


def run_local(jobs: list[Job], workers: int, log_dir: Path):
    """Yield ``(job, Outcome)`` as submissions finish, grading ``workers`` at a time."""
    todo: queue.Queue = queue.Queue()
    for job in jobs:
        todo.put(job)
    done: queue.Queue = queue.Queue()

    def serve(k: int) -> None:
        w = LocalWorker(log_dir / f"worker-{k}.log")
        try:
            while True:
                try:
                    job = todo.get_nowait()
                except queue.Empty:
                    return
                if job.problem:
                    done.put((job, Outcome(**run_job(job.payload()))))
                    continue
                done.put((job, w.grade(job, _hard_deadline(job))))
        except BaseException as exc:  # never leave the consumer waiting
            done.put((None, exc))
        finally:
            w.close()

    threads = [threading.Thread(target=serve, args=(k,), daemon=True)
               for k in range(max(1, min(workers, len(jobs))))]
    for t in threads:
        t.start()
    for _ in range(len(jobs)):
        job, out = done.get()
        if job is None:
            raise out
        yield job, out
    for t in threads:
        t.join()


def run_dask(jobs: list[Job], address: str):
    """Yield ``(job, Outcome)`` as submissions finish on the Dask cluster at ``address``."""
    from distributed import Client, as_completed

    with Client(address, timeout=60) as client:
        futures = {}
        for job in jobs:
            fut = client.submit(run_job, job.payload(with_bytes=True), pure=False,
                                key=f"grade-{job.assignment_id}-{job.student}-{time.time_ns()}")
            futures[fut] = job
        for fut in as_completed(futures):
            job = futures[fut]
            try:
                out = Outcome(**fut.result())
            except Exception as exc:
                out = _outcome(job, "error", f"Dask task failed: {type(exc).__name__}: {exc}")
            yield job, out


# --------------------------------------------------------------------------------------------
# The gradebook (the only writer)


def ensure_tables(gb) -> None:
    _meta.create_all(bind=gb.engine)


def outcome_rows(gb, assignment_id: str) -> dict[str, dict]:
    rows = gb.db.execute(select(OUTCOMES).where(OUTCOMES.c.assignment == assignment_id))
    out = {}
    for r in rows.mappings():
        d = dict(r)
        d["flags"] = json.loads(d["flags"] or "[]")
        out[d["student"]] = d
    gb.db.rollback()  # end the read transaction (PostgreSQL would keep it open)
    return out


def _autograded_path(course_dir: Path, a: Assignment, student: str) -> Path:
    return Path(course_dir) / "autograded" / student / a.id / a.notebook


def is_done(row: dict | None, sha: str, autograded: Path) -> bool:
    return bool(row and row["status"] in FINISHED and row["sha256"] == sha and autograded.exists())


def _atomic_write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    for stale in path.parent.glob(f".{path.name}.*.tmp"):  # left by a batch killed mid-write
        stale.unlink(missing_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def _comments(autograded_nb: str) -> dict[str, str | None]:
    """nbgrader's automatic comment per solution cell: "No response." when left unchanged."""
    import nbformat
    from nbgrader import utils

    out = {}
    for cell in nbformat.reads(autograded_nb, as_version=4).cells:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if meta.get("grade_id") and (utils.is_solution(cell) or utils.is_task(cell)):
            unchanged = meta.get("checksum") == utils.compute_checksum(cell)
            out[meta["grade_id"]] = "No response." if unchanged and not utils.is_task(cell) \
                else None
    return out


def _delete_submission(db, sub) -> None:
    for nb in list(sub.notebooks):
        for g in list(nb.grades):
            db.delete(g)
        for c in list(nb.comments):
            db.delete(c)
        db.delete(nb)
    db.delete(sub)


def store(gb, course_dir: Path, a: Assignment, job: Job, out: Outcome) -> None:
    """Record one finished submission: autograded notebook first, then ONE transaction.

    An ``error`` outcome (the grader failed, e.g. a worker was killed) never replaces an earlier
    grade of the same student; a ``rejected`` one removes it (the file now submitted has none).
    """
    from nbgrader.api import (
        Comment,
        Grade,
        MissingEntry,
        Student,
        SubmittedAssignment,
        SubmittedNotebook,
    )

    graded = out.status in FINISHED and out.autograded_nb is not None
    target = _autograded_path(course_dir, a, job.student)
    if out.status == "error":  # the grader failed, not the submission: keep an earlier grade
        before = outcome_rows(gb, a.id).get(job.student)
        if before and before["status"] in FINISHED:
            return
    if graded:
        _atomic_write(target, out.autograded_nb)
    db = gb.db
    try:
        try:
            sub = gb.find_submission(a.id, job.student)
        except MissingEntry:
            sub = None
        if graded:
            if db.get(Student, job.student) is None:
                db.add(Student(id=job.student))
            if sub is None:  # the rows nbgrader's add_submission makes, not yet committed
                assignment = gb.find_assignment(a.id)
                with db.no_autoflush:
                    sub = SubmittedAssignment(assignment=assignment, student_id=job.student)
                    for notebook in assignment.notebooks:
                        snb = SubmittedNotebook(notebook=notebook, assignment=sub)
                        for cell in notebook.grade_cells:
                            Grade(cell_id=cell.id, notebook=snb)
                        for cell in [*notebook.solution_cells, *notebook.task_cells]:
                            Comment(cell_id=cell.id, notebook=snb)
                        for cell in notebook.task_cells:
                            Grade(cell_id=cell.id, notebook=snb)
                    db.add(sub)
                db.flush()
            comments = _comments(out.autograded_nb)
            for snb in sub.notebooks:
                for g in snb.grades:
                    entry = out.grades.get(g.cell.name) or {}
                    score = entry.get("auto_score", 0.0) if entry else 0.0
                    g.auto_score = None if score is None else min(float(score), g.max_score)
                    g.needs_manual_grade = g.manual_score is not None or g.auto_score is None
                for c in snb.comments:
                    c.auto_comment = comments.get(c.cell.name)
        elif sub is not None and out.status == "rejected":
            _delete_submission(db, sub)  # the file now in submitted/ has no grade
        db.execute(delete(OUTCOMES).where(OUTCOMES.c.assignment == a.id,
                                          OUTCOMES.c.student == job.student))
        db.execute(insert(OUTCOMES).values(
            assignment=a.id, student=job.student, status=out.status, message=out.message or "",
            flags=json.dumps(list(out.flags)), sha256=job.sha256, seconds=float(out.seconds),
            graded_at=dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)))
        db.commit()
    except BaseException:
        db.rollback()
        raise
    if out.status == "rejected" and target.exists():
        target.unlink()


# --------------------------------------------------------------------------------------------
# The batch


@dataclasses.dataclass
class BatchReport:
    outcomes: dict[str, Outcome]
    skipped: list[str]
    failures: int
    seconds: float


def _fmt_time(seconds: float) -> str:
    seconds = int(round(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"


def _score(out: Outcome, a_points: float) -> str:
    got = sum((g.get("auto_score") or 0) for g in out.grades.values())
    return f"{got:g}/{a_points:g}"


def status_text(out: Outcome, points: float) -> str:
    """``7/10`` / ``3/10, limit: ...`` / ``NOT GRADED: ...``, plus any flags."""
    if out.status == "graded":
        text = _score(out, points)
    elif out.status == "limit":
        text = f"{_score(out, points)}, limit: {out.message}"
    else:
        text = f"NOT GRADED: {out.message}"
    if out.flags:  # all of them are in the gradebook (dlcourse_outcome.flags)
        shown = "; ".join(f if len(f) <= 160 else f[:157] + "..." for f in out.flags[:3])
        more = f"; and {len(out.flags) - 3} more" if len(out.flags) > 3 else ""
        text += f" [flagged: {shown}{more}]"
    return text


class Busy(RuntimeError):
    """Another batch is grading the same course folder."""


@contextlib.contextmanager
def course_lock(course_dir: Path):
    """One batch per course folder at a time (released by the OS even after ``kill -9``)."""
    course_dir = Path(course_dir)
    course_dir.mkdir(parents=True, exist_ok=True)
    try:
        import fcntl
    except ImportError:  # Windows: no lock
        yield
        return
    with open(course_dir / ".autograde.lock", "w") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise Busy(f"another `grader autograde` is grading {course_dir}; wait for it "
                       "to finish (or stop it) and run this again") from None
        yield


def grade_batch(
    course_dir: Path,
    a: Assignment,
    students: list[str],
    db_url: str | None = None,
    workers: int | None = None,
    dask: str | None = None,
    force: bool = False,
    limits: Limits | None = None,
    echo=print,
    lock: bool = True,
) -> BatchReport:
    """Grade ``submitted/<student>/<id>/`` of each student; store each as it finishes.

    lock: hold the course folder's lock (False: the caller holds it, see :func:`course_lock`).
    """
    from nbgrader.api import Gradebook

    course_dir = Path(course_dir).resolve()
    limits = limits or limits_for(a)
    url = nbg.config(course_dir, db_url).CourseDirectory.db_url
    points = a.points
    with (course_lock(course_dir) if lock else contextlib.nullcontext()), \
            Gradebook(url, nbg.COURSE_ID) as gb:
        ensure_tables(gb)
        rows = outcome_rows(gb, a.id)
        jobs, skipped = [], []
        for s in students:
            job = make_job(course_dir, a, s, limits)
            if not force and is_done(rows.get(s), job.sha256, _autograded_path(course_dir, a, s)):
                skipped.append(s)
            else:
                jobs.append(job)
        if skipped:
            echo(f"{len(skipped)} already graded (use --force to regrade)")
        workers = workers or os.cpu_count() or 1
        where = f"on the Dask cluster {dask}" if dask else \
            f"with {min(workers, max(1, len(jobs)))} worker(s)"
        echo(f"grading {len(jobs)} submission(s) of {a.id} {where} ...", flush=True)
        t0 = time.perf_counter()
        outcomes: dict[str, Outcome] = {}
        failures = 0
        if jobs and not dask:
            left = sweep_leftovers()
            if left:
                echo(f"removed what a stopped grader left behind: {len(left)} item(s)")
        if jobs:
            log_dir = course_dir / "logs"
            log_dir.mkdir(parents=True, exist_ok=True)
            stream = run_dask(jobs, dask) if dask else run_local(jobs, workers, log_dir)
            for i, (job, out) in enumerate(stream, 1):
                try:
                    store(gb, course_dir, a, job, out)
                except Exception as exc:
                    out = _outcome(job, "error", f"could not write the gradebook: {exc}",
                                   out.seconds)
                outcomes[job.student] = out
                failures += out.status not in FINISHED
                elapsed = time.perf_counter() - t0
                eta = elapsed / i * (len(jobs) - i)
                echo(f"[{i}/{len(jobs)}] {job.student}: {status_text(out, points)} "
                     f"({out.seconds:.1f}s; elapsed {_fmt_time(elapsed)}, eta {_fmt_time(eta)})",
                     flush=True)
    return BatchReport(outcomes, skipped, failures, time.perf_counter() - t0)

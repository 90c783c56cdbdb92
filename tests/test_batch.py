"""Grading a class in one batch (grader/batch.py): parallel, resumable, on any gradebook.

One small class of c1w2a1 (the fastest assignment) is graded several ways and every way must
give the same grades as grading one submission at a time:
  serial     --workers 1, SQLite                   the reference outcome
  parallel   --workers 2, SQLite                   same grades, progress with an ETA
  killed     kill -9 of the grader mid-batch        finished grades kept; a re-run grades
                                                    only the missing ones
  Dask       a LocalCluster (2 worker processes)   same grades, through its scheduler address
  PostgreSQL a throwaway server on loopback        same grades, re-run skips them
"""

from __future__ import annotations

import contextlib
import glob
import io
import json
import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from contextlib import redirect_stdout
from pathlib import Path

import nbformat
import psutil
import pytest

from grader import api, batch, manifest
from grader import source as src
from grader.devtools import load_mutants
from grader.sandbox import Outcome

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("batch")]

A = manifest.get("c1w2a1")
ROOT = Path(__file__).resolve().parent.parent


# --------------------------------------------------------------------------------------------
# The class


def _reference():
    return src.read_source(A.source_path)


def _with_mutant(function: str):
    """The reference with one function replaced by a planted wrong implementation."""
    nb = nbformat.from_dict(_reference())
    code = next(iter(load_mutants(A.id)[function].values()))
    cell = next(c for c in nb.cells
                if c.metadata.get("nbgrader", {}).get("grade_id") == function)
    cell.source = code.strip()
    return nb


def write_class(folder: Path, kinds: dict[str, str]) -> Path:
    """kinds: student -> reference | blank | wrong:<function> | broken | missing."""
    for student, kind in kinds.items():
        d = folder / student
        d.mkdir(parents=True)
        nb = d / A.notebook
        if kind == "reference":
            src.write_notebook(_reference(), nb)
        elif kind == "blank":
            shutil.copy(A.release_path, nb)
        elif kind.startswith("wrong:"):
            src.write_notebook(_with_mutant(kind.split(":", 1)[1]), nb)
        elif kind == "broken":
            nb.write_text("{ this is not a notebook")
        elif kind == "missing":
            (d / "answers.txt").write_text("I forgot the notebook")
        else:
            raise ValueError(kind)
    return folder


CLASS = {"ann": "reference", "bob": "blank", "cid": "wrong:sigmoid", "dee": "broken",
         "eve": "missing"}


def grades(course: Path, db_url: str | None = None) -> dict[str, object]:
    """student -> [(grade_id, score, message)] or the reason it was not graded."""
    out = {}
    for s in CLASS:
        r = api.read_result(course, A, s, db_url)
        out[s] = r.error if r.error else [(p.grade_id, p.score, p.message) for p in r.parts]
    return out


def _autograde(**kw) -> tuple[int, str]:
    buf = io.StringIO()
    with redirect_stdout(buf):
        status = api.autograde(**kw)
    return status, buf.getvalue()


@pytest.fixture(scope="module")
def class_dir(tmp_path_factory):
    return write_class(tmp_path_factory.mktemp("class") / "subs", CLASS)


@pytest.fixture(scope="module")
def serial(class_dir, tmp_path_factory):
    course = tmp_path_factory.mktemp("serial") / "course"
    status, log = _autograde(submissions=class_dir, course_dir=course, workers=1)
    return dict(course=course, status=status, log=log, grades=grades(course))


def test_serial_batch_grades_each_kind_as_expected(serial):
    g, log = serial["grades"], serial["log"]
    assert serial["status"] == 1, log  # two submissions could not be graded
    assert sum(p[1] for p in g["ann"]) == A.points, g["ann"]
    assert sum(p[1] for p in g["bob"]) == 0, g["bob"]
    wrong = dict((gid, score) for gid, score, _ in g["cid"])
    assert wrong["test_sigmoid"] == 0 and 0 < sum(wrong.values()) < A.points, wrong
    assert g["dee"].startswith("not graded: ") and "JSON" in g["dee"], g["dee"]
    assert "missing notebook" in g["eve"] and "answers.txt" in g["eve"], g["eve"]
    assert re.search(r"^\[5/5\] \w+: ", log, re.M), log
    assert re.search(r"^\[\d/5\] dee: NOT GRADED: .*JSON", log, re.M), log
    assert "with 1 worker(s)" in log


def test_parallel_batch_gives_the_same_grades_as_serial(serial, tmp_path):
    status, log = _autograde(submissions=serial["course"] / "submitted", course_dir=tmp_path,
                             assignment=A.id, workers=2)
    assert status == serial["status"], log
    assert grades(tmp_path) == serial["grades"]
    assert "with 2 worker(s)" in log
    lines = re.findall(r"^\[(\d)/5\] (\w+): .*\(([\d.]+)s; elapsed \d+:\d\d, eta \d+:\d\d\)$",
                       log, re.M)
    assert sorted(s for _, s, _ in lines) == sorted(CLASS), log
    assert [int(i) for i, _, _ in lines] == [1, 2, 3, 4, 5]


def test_rerun_grades_only_what_is_missing_and_force_regrades(serial, tmp_path, monkeypatch):
    course = tmp_path / "course"
    shutil.copytree(serial["course"], course)
    # bob resubmits, a broken file this time: his earlier grade must not survive
    (course / "submitted" / "bob" / A.id / A.notebook).write_text("{ oops")
    status, log = _autograde(course_dir=course, assignment=A.id, workers=2)
    assert status == 1
    assert "2 already graded" in log and "grading 3 submission(s)" in log, log
    assert sorted(re.findall(r"^\[\d/3\] (\w+): NOT GRADED", log, re.M)) == ["bob", "dee", "eve"]
    g = grades(course)
    assert g["ann"] == serial["grades"]["ann"] and g["cid"] == serial["grades"]["cid"]
    assert isinstance(g["bob"], str) and "JSON" in g["bob"], g["bob"]
    assert not (course / "autograded" / "bob" / A.id / A.notebook).exists()

    # --force sends every submission again (the grading itself is faked from here on)
    seen = []

    def fake(jobs, workers, log_dir):
        for job in jobs:
            seen.append(job.student)
            yield job, Outcome(job.student, "error", "the worker was killed")

    monkeypatch.setattr(batch, "run_local", fake)
    status, log = _autograde(course_dir=course, assignment=A.id, force=True)
    assert sorted(seen) == sorted(CLASS) and status == 1
    assert "ann: NOT GRADED: the worker was killed" in log
    # a grader failure keeps the earlier grade, and the next run does not redo it
    assert grades(course)["ann"] == serial["grades"]["ann"]
    seen.clear()
    _autograde(course_dir=course, assignment=A.id)
    assert sorted(seen) == ["bob", "dee", "eve"]


# --------------------------------------------------------------------------------------------
# kill -9 in the middle of a batch


def _db_state(course: Path) -> dict:
    """What the gradebook says: outcome rows, submissions and their grades (sqlite3 CLI-free)."""
    import sqlite3

    con = sqlite3.connect(course / "gradebook.db")
    try:
        outcomes = {r[0]: (r[1], r[2]) for r in con.execute(
            "select student, status, graded_at from dlcourse_outcome")}
        subs = {r[0]: r[1] for r in con.execute(
            "select s.student_id, count(g.id) from submitted_assignment s "
            "join submitted_notebook n on n.assignment_id = s.id "
            "join grade g on g.notebook_id = n.id where g.auto_score is not null "
            "group by s.student_id")}
    finally:
        con.close()
    return dict(outcomes=outcomes, subs=subs)


def _workdirs_of(pids: set[int]) -> list[Path]:
    """The grader's work folders (this assignment's) owned by one of ``pids``."""
    found = []
    for d in Path(tempfile.gettempdir()).glob(f"{batch.WORKDIR_PREFIX}{A.id}-*"):
        with contextlib.suppress(OSError, ValueError):
            if int((d / batch.OWNER_FILE).read_text()) in pids:
                found.append(d)
    return found


def test_kill_9_mid_batch_keeps_finished_grades_and_rerun_grades_only_the_rest(tmp_path):
    kinds = {f"s{i}": ("reference" if i % 2 == 0 else "blank") for i in range(3)}
    subs = write_class(tmp_path / "subs", kinds)
    course = tmp_path / "course"
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        [str(ROOT)] + ([os.environ["PYTHONPATH"]] if os.environ.get("PYTHONPATH") else [])))
    proc = subprocess.Popen(
        [sys.executable, "-m", "grader", "autograde", str(subs), "--assignment", A.id,
         "--course-dir", str(course), "--workers", "2"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env,
        start_new_session=True)

    finished, lines, children = [], [], set()
    deadline = time.monotonic() + 600
    try:
        while not finished and time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            lines.append(line)
            with contextlib.suppress(psutil.Error):
                children |= {c.pid for c in psutil.Process(proc.pid).children(recursive=True)}
            m = re.match(r"\[\d+/3\] (s\d): ", line)
            if m:
                finished.append(m.group(1))
        assert len(finished) == 1, "".join(lines)
        # the work folder of a submission still being graded, taken while its owner runs: the
        # other worker may have finished at the same moment, and the next job's folder appears
        # a few milliseconds after the line (and once its owner is dead, a batch running beside
        # this test may sweep it at any moment)
        leftovers, t = [], time.monotonic()
        while not leftovers and time.monotonic() - t < 60:
            with contextlib.suppress(psutil.Error):
                children |= {c.pid for c in psutil.Process(proc.pid).children(recursive=True)}
            leftovers = _workdirs_of(children)
            if not leftovers:
                time.sleep(0.02)
        os.kill(proc.pid, signal.SIGKILL)  # the grader only, as `kill -9 PID` would
        proc.wait(timeout=30)
        # the batch's worker processes stop with it (Linux: PR_SET_PDEATHSIG)
        t = time.monotonic()
        alive = [p for p in children if psutil.pid_exists(p)]
        while alive and time.monotonic() - t < 30:
            time.sleep(0.5)
            alive = [p for p in alive if psutil.pid_exists(p)
                     and psutil.Process(p).status() != psutil.STATUS_ZOMBIE]
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
    workers = [p for p in alive if "_worker_main" in " ".join(_cmdline(p))]
    assert not workers, f"worker processes survived the grader: {workers}"
    # what the killed workers were grading is left behind (no `finally` ran after SIGKILL) ...
    assert leftovers, "expected the work folder of an interrupted submission"

    state = _db_state(course)
    n_grades = len(src.graded_parts(_reference()))
    # every finished line has its grade, complete; nothing is half-written
    for s in finished:
        assert state["outcomes"][s][0] == "graded", state
    for s in state["outcomes"]:
        assert state["subs"].get(s) == n_grades, state
        nbformat.read(course / "autograded" / s / A.id / A.notebook, as_version=4)
    # kill -9 may land while the next notebook is being written: its temporary file may stay,
    # but never beside a finished grade, and the re-run removes it (checked below)
    for s in finished:
        assert not list((course / "autograded" / s).rglob(".*.tmp")), s
    before = state["outcomes"]

    status, log = _autograde(submissions=subs, course_dir=course, assignment=A.id, workers=2)
    assert status == 0, log
    assert f"{len(before)} already graded" in log, log
    # ... and the re-run removes it, with the kernels started there (or another batch running
    # beside this test, in the same temporary directory, did it first)
    assert not [d for d in leftovers if d.exists()], leftovers

    kernels = [p.pid for p in psutil.process_iter(["cmdline"])
               if any(str(d) in " ".join(p.info["cmdline"] or []) for d in leftovers)]
    assert not kernels, f"kernels of the killed batch still run: {kernels}"
    regraded = re.findall(r"^\[\d+/\d+\] (s\d): ", log, re.M)
    assert sorted(regraded) == sorted(set(kinds) - set(before)), log
    after = _db_state(course)
    assert not list(course.rglob(".*.tmp")), "a temporary file was left behind"
    assert set(after["outcomes"]) == set(kinds)
    assert all(after["subs"][s] == n_grades for s in kinds), after
    for s in before:  # not regraded
        assert after["outcomes"][s] == before[s]
    for s, kind in kinds.items():
        r = api.read_result(course, A, s)
        assert r.score == (A.points if kind == "reference" else 0), (s, r)


def _cmdline(pid: int) -> list[str]:

    try:
        return psutil.Process(pid).cmdline()
    except psutil.Error:
        return []


# --------------------------------------------------------------------------------------------
# A gradebook write is one transaction


def test_a_failed_gradebook_write_leaves_no_half_grade(serial, tmp_path, monkeypatch):
    from nbgrader.api import Gradebook, MissingEntry

    course = tmp_path / "course"
    shutil.copytree(serial["course"], course)
    graded_nb = (course / "autograded" / "ann" / A.id / A.notebook).read_text()
    out = Outcome("newbie", "graded", "", autograded_nb=graded_nb,
                  grades={p.grade_id: {"auto_score": p.points, "max_score": p.points}
                          for p in src.graded_parts(_reference())})
    job = batch.Job("newbie", A.id, None, "0" * 64, {})

    def boom(_):
        raise RuntimeError("disk full")

    monkeypatch.setattr(batch, "_comments", boom)  # fails after the submission rows are added
    url = f"sqlite:///{course / 'gradebook.db'}"
    with Gradebook(url, "dlcourse") as gb, pytest.raises(RuntimeError, match="disk full"):
        batch.store(gb, course, A, job, out)
    with Gradebook(url, "dlcourse") as gb:
        with pytest.raises(MissingEntry):
            gb.find_submission(A.id, "newbie")
        assert "newbie" not in batch.outcome_rows(gb, A.id)
    monkeypatch.undo()
    with Gradebook(url, "dlcourse") as gb:
        batch.store(gb, course, A, job, out)
    assert api.read_result(course, A, "newbie").score == A.points


# --------------------------------------------------------------------------------------------
# Dask


def test_dask_local_cluster_gives_the_same_grades(serial, tmp_path):
    distributed = pytest.importorskip("distributed")
    small = {s: CLASS[s] for s in ("cid", "dee")}
    subs = tmp_path / "subs"
    for s in small:
        shutil.copytree(serial["course"] / "submitted" / s, subs / s)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        status, log = _autograde(submissions=subs, course_dir=tmp_path / "course",
                                 assignment=A.id, dask=cluster.scheduler_address)
    assert f"on the Dask cluster {cluster.scheduler_address}" in log, log
    assert status == 1, log  # dee is broken
    got = grades(tmp_path / "course")
    for s in small:
        assert got[s] == serial["grades"][s], (s, log)


# --------------------------------------------------------------------------------------------
# PostgreSQL


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _pg_bindir() -> Path | None:
    found = [shutil.which("initdb"), *sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                                             reverse=True)]
    for cand in found:
        if cand and os.access(cand, os.X_OK):
            return Path(cand).resolve().parent
    return None


def _fresh_database(url: str):
    """A new database on the server of ``url``; dropped afterwards."""
    import psycopg2
    from sqlalchemy.engine import make_url

    base = make_url(url)
    name = f"dlcourse_test_{uuid.uuid4().hex[:10]}"
    params = dict(host=base.host, port=base.port, user=base.username, password=base.password,
                  dbname=base.database or "postgres")
    con = psycopg2.connect(**{k: v for k, v in params.items() if v is not None})
    con.autocommit = True
    try:
        con.cursor().execute(f'CREATE DATABASE "{name}"')
        yield base.set(drivername="postgresql+psycopg2", database=name).render_as_string(
            hide_password=False)
        con.cursor().execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        con.close()


@pytest.fixture(scope="module")
def pg_url():
    """A PostgreSQL database: DLCOURSE_TEST_PG_URL's server, or a throwaway server on
    127.0.0.1 (initdb in a temporary folder, as the postgres user when run as root)."""
    pytest.importorskip("psycopg2", reason="psycopg2 is not installed")
    if os.environ.get("DLCOURSE_TEST_PG_URL"):
        yield from _fresh_database(os.environ["DLCOURSE_TEST_PG_URL"])
        return
    bindir = _pg_bindir()
    if bindir is None:
        pytest.skip("PostgreSQL is not installed: no initdb on PATH or in /usr/lib/postgresql "
                    "(.ci/run installs it with apt-get; or set DLCOURSE_TEST_PG_URL)")
    run_as: dict = {}
    if os.geteuid() == 0:  # initdb refuses to run as root
        try:
            pw = pwd.getpwnam("postgres")
        except KeyError:
            pw = pwd.getpwnam("nobody")
        run_as = dict(user=pw.pw_uid, group=pw.pw_gid, extra_groups=[])
    tmp = Path(tempfile.mkdtemp(prefix="dlcourse-pg-"))
    if run_as:
        os.chown(tmp, run_as["user"], run_as["group"])
    data, port = tmp / "data", _free_port()
    started = False
    try:
        r = subprocess.run([str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U",
                            "postgres", "-E", "UTF8", "--no-sync"], cwd=tmp,
                           capture_output=True, text=True, **run_as)
        if r.returncode:
            pytest.skip(f"PostgreSQL: initdb failed: {(r.stderr or r.stdout)[-400:]}")
        r = subprocess.run([str(bindir / "pg_ctl"), "-D", str(data), "-l", str(tmp / "log"),
                            "-w", "-t", "60", "-o",
                            f"-p {port} -k {tmp} -c listen_addresses=127.0.0.1 -c fsync=off",
                            "start"], cwd=tmp, capture_output=True, text=True, **run_as)
        log = (tmp / "log").read_text() if (tmp / "log").exists() else ""
        if r.returncode:
            pytest.skip(f"PostgreSQL server did not start: {(r.stderr + log)[-400:]}")
        started = True
        yield from _fresh_database(f"postgresql://postgres@127.0.0.1:{port}/postgres")
    finally:
        if started:
            subprocess.run([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                           cwd=tmp, capture_output=True, **run_as)
        shutil.rmtree(tmp, ignore_errors=True)


def test_postgresql_gradebook_gives_the_same_grades(serial, pg_url, tmp_path):
    small = {s: CLASS[s] for s in ("ann", "eve")}
    subs = tmp_path / "subs"
    for s in small:
        shutil.copytree(serial["course"] / "submitted" / s, subs / s)
    course = tmp_path / "course"
    status, log = _autograde(submissions=subs, course_dir=course, assignment=A.id,
                             db_url=pg_url, workers=2)
    assert status == 1, log  # eve has no notebook
    assert not (course / "gradebook.db").exists(), "grades went to SQLite, not PostgreSQL"
    for s in small:
        assert api.read_result(course, A, s, pg_url).error == \
            api.read_result(serial["course"], A, s).error
        got = grades(course, pg_url)[s]
        assert got == serial["grades"][s], (s, log)
    status, log = _autograde(submissions=subs, course_dir=course, assignment=A.id,
                             db_url=pg_url, workers=2)
    assert "1 already graded" in log and "grading 1 submission(s)" in log, log
    out = tmp_path / "f.csv"
    with redirect_stdout(io.StringIO()):
        assert api.export(out, course_dir=course, db_url=pg_url, by_function=True) == 0
    rows = out.read_text().splitlines()
    assert len(rows) == 1 + len(src.graded_parts(_reference())), rows


def test_outcome_json_round_trip():
    """The worker protocol carries an Outcome as JSON without loss."""
    o = Outcome("x", "limit", "cell time limit", flags=["a"], autograded_nb="{}",
                grades={"t": {"auto_score": 1.0, "max_score": 2.0}}, seconds=1.5)
    import dataclasses

    assert Outcome(**json.loads(json.dumps(dataclasses.asdict(o)))) == o


def test_a_second_batch_on_the_same_course_is_refused(tmp_path):
    with batch.course_lock(tmp_path), pytest.raises(api.UsageError, match="another"):
        api.autograde(assignment=A.id, course_dir=tmp_path)


def test_symbolic_links_are_never_followed_and_get_a_message(tmp_path):
    """A link in a submission could make the grader read another student's notebook: links are
    imported as links (never followed), and the job is rejected with a message saying so."""
    other = tmp_path / "elsewhere" / A.notebook
    other.parent.mkdir()
    other.write_text("{}")
    subs = tmp_path / "subs"
    (subs / "ann").mkdir(parents=True)
    (subs / "ann" / A.notebook).symlink_to(other)            # the notebook is a link
    (subs / "bob").mkdir()
    (subs / "bob" / "data").symlink_to(other.parent)          # a linked folder beside it
    (subs / "bob" / A.notebook).write_text("{}")
    (subs / "cem").symlink_to(other.parent, target_is_directory=True)  # the student folder
    course = tmp_path / "course"
    students = api._import_folder(subs, course, A)
    assert students == ["ann", "bob", "cem"]
    limits = batch.limits_for(A)
    for student, what in (("ann", A.notebook), ("bob", "data"), ("cem", "cem")):
        job = batch.make_job(course, A, student, limits)
        assert job.path is None and "is a symbolic link" in job.problem, (student, job)
        assert what in job.problem and "hand in the notebook file itself" in job.problem
    # nothing was copied from the link targets
    assert not (course / "submitted" / "bob" / A.id / "data").resolve().is_relative_to(course)
    assert batch.symbolic_link(subs.parent / "elsewhere") is None


def test_sweep_removes_work_folders_whose_grader_is_gone_and_keeps_live_ones(tmp_path):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    # a worker killed with its grader and never reaped (a container's PID 1 that does not reap
    # orphans): a zombie holds its pid but is gone
    zombie = subprocess.Popen([sys.executable, "-c", "pass"])
    t = time.monotonic()
    while psutil.Process(zombie.pid).status() != psutil.STATUS_ZOMBIE and time.monotonic() - t < 30:
        time.sleep(0.05)
    stale = tmp_path / f"{batch.WORKDIR_PREFIX}{A.id}-stale"
    unreaped = tmp_path / f"{batch.WORKDIR_PREFIX}{A.id}-unreaped"
    live = tmp_path / f"{batch.WORKDIR_PREFIX}{A.id}-live"
    foreign = tmp_path / f"{batch.WORKDIR_PREFIX}not-ours"  # no owner file: not the grader's
    for d, pid in ((stale, dead.pid), (unreaped, zombie.pid), (live, os.getpid()), (foreign, None)):
        (d / "run").mkdir(parents=True)
        if pid is not None:
            (d / batch.OWNER_FILE).write_text(str(pid))
    # a "kernel" started from the stale folder (the launcher's command line names its policy)
    kernel = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)",
                               "grader.guard", str(stale / "policy.json")])
    try:
        removed = batch.sweep_leftovers(tmp_path)
        assert stale.name in removed and not stale.exists()
        assert unreaped.name in removed and not unreaped.exists()
        assert live.exists() and foreign.exists()
        assert kernel.wait(timeout=10) != 0  # killed
    finally:
        kernel.kill()
        zombie.wait()

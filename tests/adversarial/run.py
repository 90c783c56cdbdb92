"""Grade the adversarial corpus in one parallel batch (``python -m tests.adversarial.run``).

Prints the outcome table (kind -> expected -> got); used by tests/test_adversarial.py.
"""

from __future__ import annotations

import io
import shutil
import socket
import sys
import tempfile
import threading
from contextlib import redirect_stdout
from pathlib import Path

from grader import batch, manifest, nbg
from grader.sandbox import Limits

from .corpus import ASSIGNMENT, TF_ASSIGNMENT, Fixture, write_corpus, write_tf_corpus

# Tight limits so the limit fixtures finish fast; c1w2a1 needs ~150 MB and ~10 s.
LIMITS = dict(cell_timeout=15, notebook_timeout=40, memory_mb=1024, output_mb=20)


def _listener():
    """A TCP server on the grader's loopback that the network fixture tries to reach."""
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(8)

    def serve():
        while True:
            try:
                conn, _ = srv.accept()
                conn.close()
            except OSError:
                return

    threading.Thread(target=serve, daemon=True).start()
    return srv


def grade_corpus(tmp: Path, workers: int = 2, kinds=None, verdict: str = "",
                 assignment: str = ASSIGNMENT):
    """Write and grade the corpus (or the fixtures named in ``kinds``), with the manifest's
    verdict or the one given; returns (fixtures, outcomes by kind, batch log, course).

    ``assignment``: c1w2a1's whole corpus, or TF_ASSIGNMENT's attacks on the verdict."""
    a = manifest.get(assignment)
    course = tmp / "course"
    srv = _listener()
    try:
        subs = tmp / "submissions"
        if assignment == ASSIGNMENT:
            fixtures = write_corpus(subs, course, srv.getsockname()[1])
        else:
            assert assignment == TF_ASSIGNMENT, assignment
            fixtures = write_tf_corpus(subs)
        if kinds is not None:
            fixtures = [f for f in fixtures if f.kind in kinds]
        with nbg.quiet_nbgrader():
            nbg.generate(course, a)
        for f in fixtures:
            dest = course / "submitted" / f.kind / a.id
            shutil.copytree(subs / f.kind, dest, symlinks=True)  # as grader imports them
        log = io.StringIO()
        with redirect_stdout(log):
            report = batch.grade_batch(course, a, [f.kind for f in fixtures], workers=workers,
                                       limits=Limits(**LIMITS, verdict=verdict))
    finally:
        srv.close()
    return fixtures, report.outcomes, log.getvalue(), course, report


def check(f: Fixture, out, verdict: str = "") -> list[str]:
    """What differs from the expectation (empty: as expected); ``verdict`` as graded."""
    problems = []
    if out is None:
        return ["no outcome"]
    if out.status != f.status:
        problems.append(f"status {out.status!r}, expected {f.status!r}")
    if f.score is not None:
        score = sum((g.get("auto_score") or 0) for g in out.grades.values())
        if not f.score[0] <= score <= f.score[1]:
            problems.append(f"score {score:g}, expected {f.score[0]:g}..{f.score[1]:g}")
    if f.flag and not any(f.flag in x for x in out.flags):
        problems.append(f"no flag containing {f.flag!r}")
    if (verdict or manifest.get(ASSIGNMENT).verdict) == "kernel" and f.guard_flag and \
            not any(f.guard_flag in x for x in out.flags):
        problems.append(f"no flag containing {f.guard_flag!r}")
    if f.message and f.message not in out.message:
        problems.append(f"message {out.message!r} lacks {f.message!r}")
    return problems


def table(fixtures, outcomes, verdict: str = "") -> str:
    rows = ["| kind | expected | got | ok |", "|---|---|---|---|"]
    for f in fixtures:
        out = outcomes.get(f.kind)
        exp = f.status + ("" if f.score is None else
                          f" {f.score[0]:g}" + ("" if f.score[0] == f.score[1] else
                                                f"..{f.score[1]:g}"))
        exp += f"; flag '{f.flag}'" if f.flag else ""
        kernel = (verdict or manifest.get(ASSIGNMENT).verdict) == "kernel"
        exp += f"; flag '{f.guard_flag}'" if f.guard_flag and kernel else ""
        exp += f"; message '{f.message}'" if f.message else ""
        if out is None:
            got = "-"
        else:
            score = sum((g.get("auto_score") or 0) for g in out.grades.values())
            got = f"{out.status} {score:g}" if out.status in ("graded", "limit") else out.status
            if out.message:
                got += f"; {out.message[:70]}"
            if out.flags:
                got += "; flags: " + " / ".join(x[:60] for x in out.flags[:2])
        bad = check(f, out, verdict)
        ok = "yes" if not bad else "NO: " + "; ".join(bad)
        rows.append(f"| {f.kind} | {exp} | {got} | {ok} |")
    return "\n".join(rows)


if __name__ == "__main__":
    tmp = Path(tempfile.mkdtemp(prefix="adversarial-"))
    verdict = sys.argv[2] if len(sys.argv) > 2 else ""
    fixtures, outcomes, log, course, report = grade_corpus(
        tmp, int(sys.argv[1]) if len(sys.argv) > 1 else 2, verdict=verdict)
    print(log)
    print(table(fixtures, outcomes, verdict))
    print(f"batch: {report.seconds:.0f} s")

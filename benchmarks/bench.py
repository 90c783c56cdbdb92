"""Benchmarks (print figures, never assert).

    python benchmarks/bench.py                       # everything
    python benchmarks/bench.py --notebooks           # solution run time of each notebook
    python benchmarks/bench.py --notebooks --threads 2 --assignment c1w4a2   # as in JupyterLab
    python benchmarks/bench.py --grading --copies 10 --assignment c1w2a2

Grading compares, on the same N copies of the reference submission in the same run:
  grader autograde   (this course's CLI: one process, nbgrader's API)
  nbgrader autograde (plain nbgrader CLI, same course folder layout)
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from grader import manifest, nbg  # noqa: E402
from grader import source as src  # noqa: E402
from grader.workspace import execute, reference_notebook  # noqa: E402


def bench_notebooks(threads: int | None = None, only: str | None = None) -> None:
    where = ("1 BLAS thread, as graded" if threads is None
             else f"{threads} BLAS thread(s), as in a learner's JupyterLab")
    print(f"solution notebooks (reference run, hidden tests excluded; {where})")
    print(f"  {'id':8s} {'seconds':>8s} {'budget':>7s}  errors")
    for a in manifest.available():
        if only and a.id != only:
            continue
        _, seconds, errors = execute(reference_notebook(a), a.folder, a.cell_timeout, threads)
        print(f"  {a.id:8s} {seconds:8.1f} {a.time_budget:7d}  {len(errors)}", flush=True)


def bench_grading(assignment: str, copies: int) -> None:
    a = manifest.get(assignment)
    bindir = Path(sys.executable).parent
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        subs = tmp / "subs"
        for i in range(copies):
            (subs / f"s{i:03d}").mkdir(parents=True)
            src.write_notebook(src.read_source(a.source_path), subs / f"s{i:03d}" / a.notebook)

        # this course's grader
        course = tmp / "grader-course"
        t = time.perf_counter()
        r = subprocess.run([str(bindir / "grader"), "autograde", str(subs), "--assignment", a.id,
                            "--course-dir", str(course)], capture_output=True, text=True)
        t_grader = time.perf_counter() - t
        if r.returncode:
            print(r.stdout[-2000:], r.stderr[-2000:])

        # plain nbgrader, same layout and the same timeout
        plain = tmp / "plain-course"
        nbg.write_source(plain, a)
        for i in range(copies):
            shutil.copytree(subs / f"s{i:03d}", plain / "submitted" / f"s{i:03d}" / a.id)
        (plain / "nbgrader_config.py").write_text(
            "c = get_config()\n"
            f"c.CourseDirectory.course_id = {nbg.COURSE_ID!r}\n"
            f"c.Execute.timeout = {a.cell_timeout}\n"
        )
        env = dict(os.environ)
        env["PATH"] = f"{bindir}{os.pathsep}{env.get('PATH', '')}"
        env.update(nbg.KERNEL_ENV)
        subprocess.run([str(bindir / "nbgrader"), "generate_assignment", a.id, "--force"],
                       cwd=plain, capture_output=True, env=env, check=True)
        t = time.perf_counter()
        r2 = subprocess.run([str(bindir / "nbgrader"), "autograde", a.id], cwd=plain,
                            capture_output=True, text=True, env=env)
        t_plain = time.perf_counter() - t
        if r2.returncode:
            print(r2.stderr[-2000:])

    print(f"grading {copies} copies of the {a.id} reference submission")
    print(f"  grader autograde   {t_grader:7.1f} s  ({t_grader / copies:.2f} s per submission)")
    print(f"  nbgrader autograde {t_plain:7.1f} s  ({t_plain / copies:.2f} s per submission)")
    print(f"  ratio grader/nbgrader: {t_grader / t_plain:.2f}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--notebooks", action="store_true")
    ap.add_argument("--grading", action="store_true")
    ap.add_argument("--assignment", default=None)
    ap.add_argument("--copies", type=int, default=5)
    ap.add_argument("--threads", type=int, default=None,
                    help="BLAS threads per notebook kernel (default: 1, as in grading; "
                         "use the number of cores to time a learner's JupyterLab)")
    args = ap.parse_args()
    both = not (args.notebooks or args.grading)
    if args.notebooks or both:
        bench_notebooks(args.threads, args.assignment)
    if args.grading or both:
        bench_grading(args.assignment or manifest.available()[-1].id, args.copies)


if __name__ == "__main__":
    main()

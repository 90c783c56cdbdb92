"""Benchmark: grading a class with `grader autograde` (1 and 2 workers) vs plain nbgrader.

    python benchmarks/bench_autograde.py                  # 40 of c1w2a2, then 40 of c2w3a1
    python benchmarks/bench_autograde.py --n 10 --assignment c1w2a1

Prints figures, asserts nothing (not part of the test suite; `make bench-grading`). In one run
and one after another, on the same submissions (half reference, a quarter blank release, a
quarter reference with one planted mistake):

  nbgrader autograde            plain nbgrader CLI, one submission at a time, same timeout
  grader autograde --workers 1  this course's batch: each submission in a private course
  grader autograde --workers 2

For each: wall time, seconds per submission, ratio to nbgrader, peak resident memory of the
whole process tree (the command, its workers and their kernels; sampled every 0.2 s), and the
overhead per submission above the notebooks' own execution time (each distinct notebook run
once with nbclient, outside any grader). Scores of the three runs are compared.

Plain nbgrader runs every cell; `grader autograde` skips the demo cells (tag ``demo``) that no
test depends on, as it does by default. The notebook's own time is given both ways: all cells,
and the kept cells only (what grading has to run).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import nbformat  # noqa: E402
import psutil  # noqa: E402
from nbclient.exceptions import CellTimeoutError  # noqa: E402

from grader import api, manifest, nbg  # noqa: E402
from grader import source as src  # noqa: E402
from grader.devtools import load_mutants  # noqa: E402
from grader.workspace import execute  # noqa: E402


def _kinds(a, n: int) -> list[tuple[str, str]]:
    """(student, kind) for n submissions: reference / blank / wrong:<function>."""
    functions = list(load_mutants(a.id)) if (ROOT / "tests/mutants" / f"{a.id}.py").exists() \
        else []
    out = []
    for i in range(n):
        if i % 4 in (0, 2):
            kind = "reference"
        elif i % 4 == 1 or not functions:
            kind = "blank"
        else:
            kind = "wrong:" + functions[(i // 4) % len(functions)]
        out.append((f"s{i:03d}", kind))
    return out


def _notebook(a, kind: str) -> nbformat.NotebookNode:
    if kind == "blank":
        return nbformat.read(a.release_path, as_version=4)
    nb = nbformat.from_dict(src.read_source(a.source_path))
    if kind.startswith("wrong:"):
        function = kind.split(":", 1)[1]
        code = next(iter(load_mutants(a.id)[function].values()))
        for cell in nb.cells:
            if cell.metadata.get("nbgrader", {}).get("grade_id") == function:
                cell.source = code.strip()
    return nb


def _run(cmd: list[str], cwd: Path | None = None, env=None) -> dict:
    """Run a command; wall time and the peak RSS summed over its process tree."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    out: list[str] = []
    import threading

    reader = threading.Thread(target=lambda: out.extend(proc.stdout), daemon=True)
    reader.start()
    peak = 0
    root = psutil.Process(proc.pid)
    while proc.poll() is None:
        rss = 0
        try:
            for p in [root, *root.children(recursive=True)]:
                try:
                    rss += p.memory_info().rss
                except psutil.Error:
                    pass
        except psutil.Error:
            pass
        peak = max(peak, rss)
        time.sleep(0.2)
    reader.join()
    return dict(seconds=time.perf_counter() - t, peak_mb=peak / 2**20, code=proc.returncode,
                log="".join(out))


def _own_times(a, kinds: list[str], tmp: Path, kept_only: bool) -> dict[str, float]:
    """Each distinct notebook executed once by nbclient in the assignment's folder
    (``kept_only``: without its demo cells, as the grader runs it)."""
    folder = nbg.write_source(tmp / ("own-kept" if kept_only else "own"), a)
    times = {}
    for kind in sorted(set(kinds)):
        nb = _notebook(a, kind)
        if kept_only:
            nb.cells = [c for c in nb.cells if not src.is_demo(c)]
        t = time.perf_counter()
        try:
            _, seconds, _ = execute(nb, folder, a.cell_timeout)
            note = ""
        except CellTimeoutError:  # a planted mistake that makes training crawl: graded as a
            seconds = time.perf_counter() - t  # cell timeout, so count the time it took
            note = f" (a cell ran past the {a.cell_timeout} s limit)"
        times[kind] = seconds
        what = "kept cells of a" if kept_only else "all cells of a"
        print(f"  own execution, {what} {kind} notebook: {seconds:.1f} s{note}", flush=True)
    return times


def _scores_grader(course: Path, a, students) -> dict[str, float | None]:
    out = {}
    for s in students:
        r = api.read_result(course, a, s)
        out[s] = None if r.error else r.score
    return out


def _scores_nbgrader(course: Path, a, students) -> dict[str, float | None]:
    from nbgrader.api import Gradebook, MissingEntry

    out = {}
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", nbg.COURSE_ID) as gb:
        for s in students:
            try:
                out[s] = gb.find_submission(a.id, s).score
            except MissingEntry:
                out[s] = None
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=40, help="number of submissions (default 40)")
    ap.add_argument("--assignment", default="c1w2a2,c2w3a1",
                    help="comma-separated assignment ids (default c1w2a2,c2w3a1)")
    ap.add_argument("--workers", default="1,2", help="worker counts to time (default 1,2)")
    ap.add_argument("--skip-nbgrader", action="store_true")
    ap.add_argument("--verdicts", default="",
                    help="comma-separated verdicts to time the grader with, e.g. "
                         "kernel,trusted (default: the assignment's own)")
    args = ap.parse_args()
    for aid in args.assignment.split(","):
        bench(manifest.get(aid.strip()), args)


def bench(a, args) -> None:
    bindir = Path(sys.executable).parent
    env = dict(os.environ)
    env["PATH"] = f"{bindir}{os.pathsep}{env.get('PATH', '')}"
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT)] + ([env["PYTHONPATH"]]
                                                       if env.get("PYTHONPATH") else []))
    kinds = _kinds(a, args.n)
    count = Counter(k if not k.startswith("wrong:") else "partly wrong" for _, k in kinds)
    print(f"{args.n} submissions of {a.id} ({', '.join(f'{v} {k}' for k, v in count.items())}); "
          f"{os.cpu_count()} cores, load average at start "
          f"{', '.join(f'{x:.1f}' for x in os.getloadavg())}", flush=True)
    results = {}
    with tempfile.TemporaryDirectory(prefix="bench-autograde-") as tmp:
        tmp = Path(tmp)
        subs = tmp / "subs"
        for student, kind in kinds:
            (subs / student).mkdir(parents=True)
            src.write_notebook(_notebook(a, kind), subs / student / a.notebook)
        own_all = _own_times(a, [k for _, k in kinds], tmp, kept_only=False)
        own = _own_times(a, [k for _, k in kinds], tmp, kept_only=True)
        own_mean = sum(own[k] for _, k in kinds) / len(kinds)
        own_all_mean = sum(own_all[k] for _, k in kinds) / len(kinds)
        students = [s for s, _ in kinds]

        if not args.skip_nbgrader:
            plain = tmp / "plain-course"
            nbg.write_source(plain, a)
            for s in students:
                shutil.copytree(subs / s, plain / "submitted" / s / a.id)
            (plain / "nbgrader_config.py").write_text(
                "c = get_config()\n"
                f"c.CourseDirectory.course_id = {nbg.COURSE_ID!r}\n"
                f"c.Execute.timeout = {a.cell_timeout}\n")
            penv = dict(env, **nbg.KERNEL_ENV)
            subprocess.run([str(bindir / "nbgrader"), "generate_assignment", a.id, "--force"],
                           cwd=plain, capture_output=True, env=penv, check=True)
            print("nbgrader autograde ...", flush=True)
            r = _run([str(bindir / "nbgrader"), "autograde", a.id], cwd=plain, env=penv)
            r["scores"] = _scores_nbgrader(plain, a, students)
            results["nbgrader autograde"] = r

        for w, verdict in [(int(x), v) for x in args.workers.split(",")
                           for v in (args.verdicts.split(",") if args.verdicts else [""])]:
            course = tmp / f"grader-{w}-{verdict or a.verdict}"
            extra = ["--verdict", verdict] if verdict else []
            print(f"grader autograde --workers {w} {' '.join(extra)}...", flush=True)
            r = _run([str(bindir / "grader"), "autograde", str(subs), "--assignment", a.id,
                      "--course-dir", str(course), "--workers", str(w), *extra], env=env)
            r["scores"] = _scores_grader(course, a, students)
            r["per_sub"] = [float(x) for x in re.findall(r"\(([\d.]+)s; elapsed", r["log"])]
            if r["code"]:
                print(r["log"][-3000:])
            r["slots"] = w
            results[f"grader --workers {w}" + (f" ({verdict})" if verdict else "")] = r

    base = results.get("nbgrader autograde")
    print()
    print(f"== {a.id}: {args.n} submissions")
    print(f"{'':32s} {'wall s':>8s} {'s/sub':>7s} {'vs nbgrader':>11s} {'peak RSS MB':>12s} "
          f"{'overhead s/sub':>15s}")
    for name, r in results.items():
        n_slots = r.get("slots", 1)
        per_sub = r["seconds"] / args.n
        overhead = per_sub * n_slots - own_mean
        ratio = f"{r['seconds'] / base['seconds']:.2f}" if base else "-"
        print(f"{name:32s} {r['seconds']:8.1f} {per_sub:7.2f} {ratio:>11s} "
              f"{r['peak_mb']:12.0f} {overhead:15.2f}")
    print(f"\nnotebook's own execution time (nbclient, no grader): all cells mean "
          f"{own_all_mean:.1f} s per submission; kept cells (demo cells left out) mean "
          f"{own_mean:.1f} s; " + ", ".join(f"{k} {v:.1f} s" for k, v in sorted(own.items())))
    print("overhead s/sub = wall x workers / submissions - own execution time of the kept cells"
          " (what grading adds per submission and worker slot)")
    for name, r in results.items():
        if r.get("per_sub"):
            inner = sum(r["per_sub"]) / len(r["per_sub"])
            print(f"{name}: mean time inside a worker {inner:.1f} s per submission "
                  f"({inner - own_mean:+.1f} s above own execution)")
    names = list(results)
    ref = results[names[0]]["scores"]
    for name in names[1:]:
        diff = {s: (ref[s], results[name]["scores"][s]) for s in ref
                if ref[s] != results[name]["scores"][s]}
        print(f"scores {names[0]} vs {name}: " + ("identical" if not diff else f"differ {diff}"))
    totals = Counter(v for v in results[names[-1]]["scores"].values())
    print(f"score distribution ({names[-1]}): " + ", ".join(
        f"{k}: {v}" for k, v in sorted(totals.items(), key=lambda kv: str(kv[0]))))
    print(f"load average at end {', '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()

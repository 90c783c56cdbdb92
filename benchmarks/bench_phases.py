"""Where one submission's grading time goes, phase by phase (prints figures, asserts none).

    python benchmarks/bench_phases.py [--assignment c1w2a2] [--repeat 3] [--verdicts kernel,trusted]

Grades the reference solution ``--repeat`` times per verdict with ``grade_isolated`` (the
function every worker runs), in this process, with the grader's own functions wrapped by a
timer. Medians per phase:

- course: the private course copied from the cached template; submission read and rebuilt
- kernel start: the sandbox launcher until the kernel answers
- guard / connection: the integrity guard (kernel verdict) or the serving loop (trusted)
  installed in the kernel
- instructor + solution cells, test cells: the kept cells' execution (tests with the guard's
  checks around them, or judged in this process)
- nbgrader's other steps: the rest of ``nbgrader autograde`` (sanitize, overwrite cells,
  gradebook writes, the kernel's shutdown)
- grades read back: the scores read from the autograded notebook and the private gradebook
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from grader import manifest, sandbox  # noqa: E402
from grader import source as src  # noqa: E402

PHASES = ["course", "kernel start", "guard / connection", "instructor + solution cells",
          "test cells", "nbgrader's other steps", "grades read back", "total"]


def _timed(times: dict, owner, attr: str, phase, classify=None):
    original = getattr(owner, attr)

    def wrapper(*args, **kwargs):
        t = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            name = classify(*args) if classify else phase
            times[name] += time.perf_counter() - t

    setattr(owner, attr, wrapper)
    return owner, attr, original


def _cell_phase(self, cell, resources, index):
    return "test cells" if src.is_test(cell) else "instructor + solution cells"


def run(a, verdict: str, repeat: int) -> dict[str, list[float]]:
    data = src.canonical_json(src.read_source(a.source_path)).encode()
    out: dict[str, list[float]] = defaultdict(list)
    GE = sandbox.GuardedExecute
    for _ in range(repeat):
        times: dict[str, float] = defaultdict(float)
        patches = [
            _timed(times, sandbox, "_private_course", "course"),
            _timed(times, sandbox, "read_submission", "course"),
            _timed(times, sandbox, "rebuild", "course"),
            _timed(times, GE, "start_new_kernel", "kernel start"),
            _timed(times, GE, "start_new_kernel_client", "kernel start"),
            _timed(times, GE, "_install_guard", "guard / connection"),
            _timed(times, GE, "_install_server", "guard / connection"),
            _timed(times, GE, "preprocess_cell", None, _cell_phase),
            _timed(times, sandbox.Policy, "autograde", "autograde"),
            _timed(times, sandbox, "_read_grades", "grades read back"),
        ]
        try:
            with tempfile.TemporaryDirectory(prefix="bench-phases-") as tmp:
                limits = sandbox.Limits.for_assignment(a, verdict=verdict)
                t = time.perf_counter()
                o = sandbox.grade_isolated(data, a.id, "reference", limits, Path(tmp) / "w")
                times["total"] = time.perf_counter() - t
        finally:
            for owner, attr, original in reversed(patches):
                setattr(owner, attr, original)
        if o.score != a.points:
            print(f"  warning: the reference scored {o.score}/{a.points} ({o.message})")
        # preprocess_cell includes the guard's install (first cell): count it once
        times["instructor + solution cells"] -= times["guard / connection"]
        inner = sum(times[p] for p in ("kernel start", "guard / connection",
                                       "instructor + solution cells", "test cells"))
        times["nbgrader's other steps"] = times.pop("autograde") - inner
        for p in PHASES:
            out[p].append(times[p])
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--assignment", default="c1w2a2")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--verdicts", default="kernel,trusted")
    args = ap.parse_args()
    a = manifest.get(args.assignment)
    verdicts = args.verdicts.split(",")
    print(f"{a.id}, reference solution, {args.repeat} runs per verdict, {os.cpu_count()} cores, "
          f"load average at start {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    results = {v: run(a, v, args.repeat) for v in verdicts}
    print("\n| phase (median s) | " + " | ".join(verdicts) + " |")
    print("|---|" + "---:|" * len(verdicts))
    for p in PHASES:
        print(f"| {p} | " + " | ".join(f"{statistics.median(results[v][p]):.2f}"
                                        for v in verdicts) + " |")
    print(f"\nload average at end {', '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()

"""What each planted mistake gives on the public checks: the values to write as hints.

Usage (from the repository root)::

    python tools/mutant_values.py c5w1a1 [--all] [--mutants sigmoid_instead_of_tanh,...]

Runs the assignment's reference source in this process (demo cells and hidden tests left
out), then, for each mutant of ``tests/mutants/<id>.py``, redefines the function and runs the
public part of its test cell. For the first check that fails it prints the message and, for
value checks (``check_array``, ``check_close``, ``check_scalar``, ``check_equal``), the value
the mistake gave: written into the check as ``hints=[(value, "likely cause?")]``, it names the
mistake in the learner's message (see CONTRIBUTING.md, "A good hint"). By default only the
mutants whose message names no likely cause are listed; ``--all`` lists every one.

A maintainer's tool, not part of the course or the test suite; it runs the reference code
without a sandbox, so use it on the repository's own sources only. The mutant proof
(``tests/test_mutants.py``) stays the record of which mutants are caught and how.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("MPLBACKEND", "Agg")

import numpy as np  # noqa: E402

import dlcourse.testing as testing  # noqa: E402
from grader import manifest  # noqa: E402
from grader import source as src  # noqa: E402
from grader.devtools import load_mutants  # noqa: E402

VALUE_CHECKS = ("check_array", "check_close", "check_scalar", "check_equal")


def _run_reference(path: Path) -> tuple[dict, dict[str, str]]:
    """Execute the kept cells of the source; returns the namespace and the public test code
    of each test cell by grade id."""
    nb = src.read_source(path)
    namespace: dict = {"__name__": "__main__"}
    tests = {}
    for cell in nb.cells:
        if cell.cell_type != "code" or src.is_demo(cell):
            continue
        code = src.strip_hidden(cell.source)
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id and grade_id.startswith("test_"):
            tests[grade_id] = code
        lines = [line for line in code.splitlines() if not line.lstrip().startswith(("%", "!"))]
        exec(compile("\n".join(lines), str(path), "exec"), namespace)  # noqa: S102
    return namespace, tests


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("assignment")
    ap.add_argument("--all", action="store_true", help="list every mutant, not only those "
                                                       "whose message names no cause")
    ap.add_argument("--mutants", default="", help="comma-separated mutant names")
    args = ap.parse_args()
    a = manifest.get(args.assignment)
    only = set(filter(None, args.mutants.split(",")))
    os.chdir(a.source_path.parent)
    with contextlib.redirect_stdout(io.StringIO()):  # the notebook's own printing
        namespace, tests = _run_reference(a.source_path)
    failed: list = []

    def recording(real):
        def check(got, expected, name="result", *rest, **kwargs):
            try:
                return real(got, expected, name, *rest, **kwargs)
            except testing.CheckFailed:
                failed.append((name, got))
                raise
        return check

    np.set_printoptions(precision=8, linewidth=96)
    for function, variants in load_mutants(a.id).items():
        for name, code in variants.items():
            if only and name not in only:
                continue
            ns = dict(namespace)
            exec(code, ns)  # noqa: S102
            for check in VALUE_CHECKS:
                if check in ns:
                    ns[check] = recording(getattr(testing, check))
            failed.clear()
            try:
                with contextlib.redirect_stdout(io.StringIO()):
                    exec(tests[f"test_{function}"], ns)  # noqa: S102
                message = "the public checks pass (only the hidden tests catch it)"
            except Exception as exc:  # noqa: BLE001 - any failure is what we report
                message = f"{type(exc).__name__}: {exc}"
            if "likely cause" in message and not args.all:
                continue
            print(f"== {function} / {name}\n   {message}")
            if failed:
                check_name, got = failed[0]
                shown = repr(got) if isinstance(got, (str, tuple, list)) and len(repr(got)) < 400 \
                    else np.array2string(np.asarray(got, dtype=float), separator=", ")
                print(f"   {check_name} got:\n{shown}")


if __name__ == "__main__":
    main()

"""Authoring tools: run a source notebook, and run its mutant catalogue.

    python -m grader.devtools run c1w2a2        # execute the reference, list errors, time it
    python -m grader.devtools mutants c1w2a2    # every planted mistake must fail its test cell

The mutant engine runs the reference notebook once in one kernel; then for each mutant it
executes the mutant's code, the public part of ``test_<function>`` and the whole test cell
(public + hidden), and restores the reference definition. That costs seconds per assignment
instead of a full autograde per mutant.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError

from dlcourse import ROOT

from . import manifest, nbg
from . import source as src

MUTANTS_DIR = ROOT / "tests" / "mutants"


@dataclass
class MutantOutcome:
    function: str
    name: str
    public_caught: bool
    killed: bool
    detail: str = ""


def load_mutants(assignment_id: str) -> dict[str, dict[str, str]]:
    path = MUTANTS_DIR / f"{assignment_id}.py"
    if not path.exists():
        return {}
    spec = importlib.util.spec_from_file_location(f"mutants_{assignment_id}", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.MUTANTS


class Session:
    """A kernel that has run the reference notebook, for running more code against it."""

    def __init__(self, a: manifest.Assignment, timeout: int | None = None):
        self.a = a
        self.nb = src.read_source(a.source_path)
        self.timeout = timeout or a.cell_timeout
        self.client = NotebookClient(
            self.nb, timeout=self.timeout, kernel_name="python3", allow_errors=False,
            resources={"metadata": {"path": str(a.folder)}},
        )
        self.reference_seconds = None

    def __enter__(self):
        self._env = nbg.kernel_env()
        self._env.__enter__()
        self.client.create_kernel_manager()
        self.client.start_new_kernel()
        self.client.start_new_kernel_client()
        return self

    def __exit__(self, *exc):
        try:
            self.client._cleanup_kernel()
        finally:
            self._env.__exit__(*exc)

    def run_reference(self, skip_demo: bool = True):
        """Run the reference as the grader does: demo cells skipped unless ``skip_demo`` is
        False (the grading tests run them, in the full-run batch)."""
        t = time.perf_counter()
        for i, cell in enumerate(self.nb.cells):
            if cell.cell_type == "code" and not (skip_demo and src.is_demo(cell)):
                self.client.execute_cell(cell, i)
        self.reference_seconds = time.perf_counter() - t

    def run(self, code: str) -> str | None:
        """Execute code; return None on success, else the error's one-line message."""
        cell = nbformat.v4.new_code_cell(code)
        self.nb.cells.append(cell)  # nbclient stores the executed cell back at its index
        try:
            self.client.execute_cell(cell, len(self.nb.cells) - 1)
        except CellTimeoutError:
            return "timeout"
        except CellExecutionError as exc:
            return f"{exc.ename}: {str(exc.evalue).strip().splitlines()[0] if exc.evalue else ''}"
        finally:
            self.nb.cells.pop()
        return None

    def cell(self, grade_id: str):
        for cell in self.nb.cells:
            if cell.get("metadata", {}).get("nbgrader", {}).get("grade_id") == grade_id:
                return cell
        raise KeyError(f"{self.a.id}: no cell with grade_id {grade_id!r}")


def run_mutants(a: manifest.Assignment, mutants=None) -> tuple[list[MutantOutcome], float]:
    mutants = load_mutants(a.id) if mutants is None else mutants
    outcomes = []
    with Session(a) as s:
        s.run_reference()
        for function, variants in mutants.items():
            solution = s.cell(function).source
            test = s.cell(f"test_{function}").source
            public = src.strip_hidden(test)
            for name, code in variants.items():
                err = s.run(code)
                if err is not None:
                    outcomes.append(MutantOutcome(function, name, False, False,
                                                  f"mutant code itself failed: {err}"))
                    s.run(solution)
                    continue
                public_err = s.run(public)
                full_err = s.run(test)
                outcomes.append(MutantOutcome(function, name, public_err is not None,
                                              full_err is not None, full_err or "NOT CAUGHT"))
                restore_err = s.run(solution)
                if restore_err:
                    raise RuntimeError(f"restoring {function} after {name} failed: {restore_err}")
    return outcomes, s.reference_seconds


def format_outcomes(a_id: str, outcomes: list[MutantOutcome]) -> str:
    lines = [f"{a_id}: {sum(o.killed for o in outcomes)}/{len(outcomes)} mutants killed by the "
             f"full tests, {sum(o.public_caught for o in outcomes)} by the public tests alone"]
    for o in outcomes:
        mark = "killed" if o.killed else "SURVIVED"
        pub = "public+hidden" if o.public_caught else "hidden only"
        lines.append(f"  {o.function:28s} {o.name:34s} {mark:8s} "
                     f"{pub if o.killed else '':13s} {o.detail[:70]}")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m grader.devtools")
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run", help="execute an assignment's reference notebook")
    r.add_argument("assignment")
    r.add_argument("--save", type=Path, help="save the executed notebook here")
    m = sub.add_parser("mutants", help="run an assignment's mutant catalogue")
    m.add_argument("assignment")
    args = ap.parse_args(argv)
    a = next((x for x in manifest.load() if x.id == args.assignment), None)
    if a is None or not a.source or not a.source_path.exists():
        print(f"no source for {args.assignment}", file=sys.stderr)
        return 2
    if args.cmd == "run":
        from .workspace import execute

        nb, seconds, errors = execute(src.read_source(a.source_path), a.folder, a.cell_timeout)
        if args.save:
            nbformat.write(nb, args.save)
        print(f"{a.id}: {seconds:.1f}s, {len(errors)} cell error(s)")
        for i, ename, evalue in errors:
            print(f"  cell {i}: {ename}: {evalue}")
        return 1 if errors else 0
    outcomes, seconds = run_mutants(a)
    print(format_outcomes(a.id, outcomes))
    print(f"(reference run {seconds:.1f}s)")
    return 0 if outcomes and all(o.killed for o in outcomes) else 1


if __name__ == "__main__":
    sys.exit(main())

"""Authoring tools: run a source notebook, and run its mutant catalogue.

    python -m grader.devtools run c1w2a2        # execute the reference, list errors, time it
    python -m grader.devtools mutants c1w2a2    # every planted mistake must fail its test cell
    python -m grader.devtools figures           # the figures of build/reports/mutants-*.json

The mutant engine runs the reference notebook once in one kernel; then for each mutant it
executes the mutant's code, the public part of ``test_<function>`` and the whole test cell
(public + hidden), and restores the reference definition. That costs seconds per assignment
instead of a full autograde per mutant.

With ``cross`` (the default) it also runs, while the mutant is in place, every *other* test
cell that comes after the function's solution cell: a bug in one function should cost that
function's points only, so the report lists, per mutant, the message the learner sees and the
other test cells it fails (``--no-cross`` skips that). ``--json PATH`` writes the figures.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
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
    #: the full message of the mutant's own test cell (public + hidden), untruncated
    message: str = ""
    #: the message of the public part alone (what the learner sees in the notebook)
    public_message: str = ""
    #: other test cells (grade ids) that fail while the mutant is in place
    other_failing: list[str] = field(default_factory=list)
    #: their first message lines
    other_messages: dict[str, str] = field(default_factory=dict)
    #: later test cells that failed with the mutant and still fail with the reference restored
    #: (they depend on state the mutant left behind; not counted as cross-failures)
    other_unstable: list[str] = field(default_factory=list)

    @property
    def kind(self) -> str:
        """What the message reports: value | shape | type | dtype | not-finite | error |
        not-caught | mutant-error."""
        return message_kind(self.message, self.killed, self.detail)

    @property
    def cause(self) -> str:
        """The likely cause the message names ("" when none)."""
        return named_cause(self.message)

    def to_json(self) -> dict:
        d = asdict(self)
        d.update(kind=self.kind, cause=self.cause, cause_named=bool(self.cause))
        return d


_CAUSE_RE = re.compile(r"likely cause: (.*)")
_PAREN_HINT_RE = re.compile(r"\(([^()]*\?)\)\s*$")


def named_cause(message: str) -> str:
    """The cause a check message names: its "likely cause:" line, or the trailing question in
    parentheses of a shape / dtype / finiteness message ("(transposed?)")."""
    m = _CAUSE_RE.search(message)
    if m:
        return m.group(1).strip()
    first = message.splitlines()[0] if message else ""
    m = _PAREN_HINT_RE.search(first)
    return m.group(1).strip() if m else ""


def message_kind(message: str, killed: bool = True, detail: str = "") -> str:
    if detail.startswith("mutant code itself failed"):
        return "mutant-error"
    if not killed:
        return "not-caught"
    first = message.splitlines()[0] if message else ""
    if not first.startswith("CheckFailed:"):
        return "error"
    if " is wrong" in first:
        return "value"
    for key, kind in ((" has shape ", "shape"), (" has type ", "type"), (" has dtype ", "dtype"),
                      (" is not finite", "not-finite"), (" could not be read", "type")):
        if key in first:
            return kind
    return "check"


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
        self.judge = None  # a trusted verdict's Judge (see __enter__)

    def __enter__(self):
        self._env = nbg.kernel_env()
        self._env.__enter__()
        self.client.create_kernel_manager()
        self.client.start_new_kernel()
        self.client.start_new_kernel_client()
        if self.a.verdict == "trusted":  # test cells run here, as when grading
            from .verdict import Judge

            self._folder = tempfile.TemporaryDirectory(prefix="judge-")
            self.judge = Judge(self._folder.name, self.nb)
            err = self.run_full(self.judge.install_code())
            if err:
                raise RuntimeError(f"the grader's connection could not be set up: {err}")
        return self

    def __exit__(self, *exc):
        try:
            self.client._cleanup_kernel()
            if self.judge is not None:
                self.judge.close()
                self._folder.cleanup()
        finally:
            self._env.__exit__(*exc)

    def run_test(self, code: str, name: str = "test") -> str | None:
        """Run a test cell as the grader does (in this process for a trusted verdict);
        None on success, else ``"Ename: message"``."""
        if self.judge is None:
            return self.run_full(code)
        text, error, note, kernel_err = self.judge.judge(code, name, self.run_full)
        if error is not None:
            return f"{error['ename']}: {error['evalue']}".rstrip()
        if kernel_err is not None:
            return kernel_err
        if note:
            return f"TestIncomplete: {note}"
        return None

    def run_reference(self, skip_demo: bool = True):
        """Run the reference as the grader does: demo cells skipped unless ``skip_demo`` is
        False (the grading tests run them, in the full-run batch)."""
        t = time.perf_counter()
        for i, cell in enumerate(self.nb.cells):
            if cell.cell_type == "code" and not (skip_demo and src.is_demo(cell)):
                if self.judge is not None and src.is_test(cell):
                    err = self.run_test(cell.source, cell.metadata["nbgrader"]["grade_id"])
                    if err:
                        raise RuntimeError(f"{self.a.id}: the reference fails "
                                           f"{cell.metadata['nbgrader']['grade_id']}: {err}")
                    continue
                if self.judge is not None:
                    self.judge.forget(src.cell_bindings(cell.source))
                self.client.execute_cell(cell, i)
        self.reference_seconds = time.perf_counter() - t

    def run(self, code: str) -> str | None:
        """Execute code; return None on success, else the error's one-line message."""
        full = self.run_full(code)
        return None if full is None else full.splitlines()[0]

    def run_full(self, code: str) -> str | None:
        """Execute code; return None on success, else ``"Ename: message"`` untruncated."""
        if self.judge is not None:
            self.judge.forget(src.cell_bindings(code))
        cell = nbformat.v4.new_code_cell(code)
        self.nb.cells.append(cell)  # nbclient stores the executed cell back at its index
        try:
            self.client.execute_cell(cell, len(self.nb.cells) - 1)
        except CellTimeoutError:
            return "timeout"
        except CellExecutionError as exc:
            return f"{exc.ename}: {str(exc.evalue).strip() if exc.evalue else ''}".rstrip()
        finally:
            self.nb.cells.pop()
        return None

    def test_cells_after(self, grade_id: str) -> list[tuple[str, str]]:
        """(grade id, source) of every test cell that comes after the cell ``grade_id``."""
        out, seen = [], False
        for cell in self.nb.cells:
            nbg = cell.get("metadata", {}).get("nbgrader", {})
            if seen and nbg.get("grade") and not nbg.get("solution"):
                out.append((nbg["grade_id"], cell.source))
            seen = seen or nbg.get("grade_id") == grade_id
        return out

    def cell(self, grade_id: str):
        for cell in self.nb.cells:
            if cell.get("metadata", {}).get("nbgrader", {}).get("grade_id") == grade_id:
                return cell
        raise KeyError(f"{self.a.id}: no cell with grade_id {grade_id!r}")


def run_mutants(a: manifest.Assignment, mutants=None, cross: bool = True
                ) -> tuple[list[MutantOutcome], float]:
    """Run every mutant against its test cell (and, with ``cross``, the later test cells).

    A later test cell that fails with a mutant in place is run again once the reference is
    restored; it counts as a cross-failure only if it passes then (a test cell that fails on
    the reference twice in a row depends on state, not on the mutant).
    """
    mutants = load_mutants(a.id) if mutants is None else mutants
    outcomes = []
    with Session(a) as s:
        s.run_reference()
        for function, variants in mutants.items():
            solution = s.cell(function).source
            own = f"test_{function}"
            test = s.cell(own).source
            public = src.strip_hidden(test)
            others = [(g, c) for g, c in s.test_cells_after(function) if g != own] if cross \
                else []
            for name, code in variants.items():
                err = s.run(code)
                if err is not None:
                    outcomes.append(MutantOutcome(function, name, False, False,
                                                  f"mutant code itself failed: {err}"))
                    s.run(solution)
                    continue
                public_err = s.run_test(public, own)
                full_err = s.run_test(test, own)
                o = MutantOutcome(function, name, public_err is not None, full_err is not None,
                                  (full_err or "NOT CAUGHT").splitlines()[0],
                                  message=full_err or "", public_message=public_err or "")
                failing = {}
                for gid, other in others:
                    other_err = s.run_test(other, gid)
                    if other_err is not None:
                        failing[gid] = (other, other_err)
                restore_err = s.run(solution)
                if restore_err:
                    raise RuntimeError(f"restoring {function} after {name} failed: {restore_err}")
                for gid, (other, other_err) in failing.items():
                    if s.run_test(other, gid) is None:  # passes again, reference restored
                        o.other_failing.append(gid)
                        o.other_messages[gid] = other_err.splitlines()[0]
                    else:
                        o.other_unstable.append(gid)
                outcomes.append(o)
    return outcomes, s.reference_seconds


def summary(a_id: str, outcomes: list[MutantOutcome]) -> dict:
    """The figures of a mutant run (also written as JSON next to the text report)."""
    value = [o for o in outcomes if o.kind == "value"]
    named = [o for o in value if o.cause]
    return {
        "assignment": a_id,
        "mutants": len(outcomes),
        "killed": sum(o.killed for o in outcomes),
        "public_caught": sum(o.public_caught for o in outcomes),
        "value_mismatch": len(value),
        "value_mismatch_cause_named": len(named),
        "cause_named_share": round(len(named) / len(value), 3) if value else None,
        "any_cause_named": sum(bool(o.cause) for o in outcomes if o.killed),
        "cross_failing": sum(bool(o.other_failing) for o in outcomes),
        "cross_failures": sum(len(o.other_failing) for o in outcomes),
    }


def format_outcomes(a_id: str, outcomes: list[MutantOutcome]) -> str:
    """The text report: a line per mutant (killed?, by the public tests?, the other test cells
    it fails), then the message its own test cell gives, untruncated and indented."""
    f = summary(a_id, outcomes)
    share = "-" if f["cause_named_share"] is None else f"{f['cause_named_share']:.0%}"
    lines = [f"{a_id}: {f['killed']}/{f['mutants']} mutants killed by the full tests, "
             f"{f['public_caught']} by the public tests alone",
             f"{a_id}: {f['value_mismatch_cause_named']}/{f['value_mismatch']} value-mismatch "
             f"messages name the likely cause ({share})",
             f"{a_id}: {f['cross_failing']} mutants fail another function's test cell "
             f"({f['cross_failures']} cells in all)", ""]
    for o in outcomes:
        mark = "killed" if o.killed else "SURVIVED"
        pub = "public+hidden" if o.public_caught else "hidden only"
        other = ", ".join(o.other_failing) if o.other_failing else "none"
        lines.append(f"  {o.function:28s} {o.name:34s} {mark:8s} "
                     f"{pub if o.killed else '':13s} {o.kind:10s} also fails: {other}")
        text = o.message or o.detail
        for line in text.splitlines():
            lines.append(f"      | {line}")
        for gid, msg in o.other_messages.items():
            lines.append(f"      > {gid}: {msg}")
        for gid in o.other_unstable:
            lines.append(f"      ~ {gid}: fails with the reference restored too (state)")
    return "\n".join(lines)


def outcomes_json(a_id: str, outcomes: list[MutantOutcome], reference_seconds=None) -> str:
    """The machine-readable report: the summary figures and, per mutant, its message, whether
    it names the likely cause, and the other test cells it fails."""
    return json.dumps({"summary": summary(a_id, outcomes), "reference_seconds": reference_seconds,
                       "mutants": [o.to_json() for o in outcomes]}, indent=1,
                      ensure_ascii=False)


def write_reports(a_id: str, outcomes: list[MutantOutcome], folder: Path,
                  reference_seconds=None) -> tuple[Path, Path]:
    """Write ``mutants-<id>.txt`` and ``mutants-<id>.json`` into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    txt, js = folder / f"mutants-{a_id}.txt", folder / f"mutants-{a_id}.json"
    txt.write_text(format_outcomes(a_id, outcomes) + "\n", encoding="utf-8")
    js.write_text(outcomes_json(a_id, outcomes, reference_seconds) + "\n", encoding="utf-8")
    return txt, js


def figures(folder: Path) -> str:
    """A table of the summary figures of every ``mutants-<id>.json`` in ``folder``, and the
    totals: mutants, value-mismatch messages naming the likely cause, cross-failing mutants."""
    rows, tot = [], {"mutants": 0, "value_mismatch": 0, "value_mismatch_cause_named": 0,
                     "cross_failing": 0, "cross_failures": 0}
    for path in sorted(Path(folder).glob("mutants-*.json")):
        f = json.loads(path.read_text(encoding="utf-8"))["summary"]
        share = "-" if f["cause_named_share"] is None else f"{f['cause_named_share']:.0%}"
        rows.append(f"{f['assignment']:8s} {f['mutants']:7d} {f['value_mismatch']:14d} "
                    f"{f['value_mismatch_cause_named']:11d} {share:>5s} {f['cross_failing']:13d}")
        for k in tot:
            tot[k] += f[k]
    share = tot["value_mismatch_cause_named"] / tot["value_mismatch"] if tot["value_mismatch"] \
        else 0.0
    return "\n".join(["assignment mutants value-mismatch cause-named share cross-failing",
                      *rows, f"{'total':8s} {tot['mutants']:7d} {tot['value_mismatch']:14d} "
                      f"{tot['value_mismatch_cause_named']:11d} {share:5.0%} "
                      f"{tot['cross_failing']:13d}"])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m grader.devtools")
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run", help="execute an assignment's reference notebook")
    r.add_argument("assignment")
    r.add_argument("--save", type=Path, help="save the executed notebook here")
    m = sub.add_parser("mutants", help="run an assignment's mutant catalogue")
    m.add_argument("assignment")
    m.add_argument("--no-cross", dest="cross", action="store_false",
                   help="do not run the other test cells with each mutant in place")
    m.add_argument("--reports", type=Path, default=None,
                   help="also write mutants-<id>.txt and .json into this folder")
    f = sub.add_parser("figures", help="the summary figures of the JSON mutant reports")
    f.add_argument("--reports", type=Path, default=ROOT / "build" / "reports")
    args = ap.parse_args(argv)
    if args.cmd == "figures":
        print(figures(args.reports))
        return 0
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
    try:
        outcomes, seconds = run_mutants(a, cross=args.cross)
    except CellExecutionError as exc:
        print(f"{a.id}: the reference notebook failed before any mutant ran: {exc.ename}: "
              f"{exc.evalue}", file=sys.stderr)
        return 2
    print(format_outcomes(a.id, outcomes))
    if args.reports:
        for path in write_reports(a.id, outcomes, args.reports, seconds):
            print(f"wrote {path}")
    print(f"(reference run {seconds:.1f}s)")
    return 0 if outcomes and all(o.killed for o in outcomes) else 1


if __name__ == "__main__":
    sys.exit(main())

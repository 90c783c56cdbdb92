"""Turn an assignment's text source into notebooks.

A source is a jupytext ``py:percent`` file. nbgrader cells carry a short metadata dict on their
``# %%`` line, which :func:`read_source` completes into nbgrader's full schema::

    # %% nbgrader={"grade_id": "sigmoid", "solution": true}        -> autograded answer
    # %% nbgrader={"grade_id": "test_sigmoid", "points": 2}         -> autograder tests (locked)
    # %% nbgrader={"grade_id": "setup", "locked": true}             -> read-only cell

Cell ids are deterministic (the grade id, else ``cell-NNN``) so generated files are stable.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from pathlib import Path

import jupytext
import nbformat

KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
LANGUAGE_INFO = {"name": "python"}

BEGIN_SOLUTION, END_SOLUTION = "### BEGIN SOLUTION", "### END SOLUTION"
BEGIN_HIDDEN, END_HIDDEN = "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"
_HIDDEN_RE = re.compile(
    r"^[ \t]*" + re.escape(BEGIN_HIDDEN) + r".*?^[ \t]*" + re.escape(END_HIDDEN) + r"[^\n]*\n?",
    re.S | re.M,
)
_SOLUTION_RE = re.compile(
    r"^[ \t]*" + re.escape(BEGIN_SOLUTION) + r".*?^[ \t]*" + re.escape(END_SOLUTION) + r"[^\n]*\n?",
    re.S | re.M,
)
DEMO_TAG = "demo"  # cell tag: a demo no graded or test cell depends on; the grader skips it
_ALLOWED_KEYS = {"grade_id", "solution", "points", "locked", "grade", "task", "schema_version"}


class SourceError(ValueError):
    """The source file breaks the authoring conventions (see CONTRIBUTING.md)."""


@dataclass(frozen=True)
class GradedPart:
    """One test cell: what it grades and how much it is worth."""

    grade_id: str
    points: float
    public_source: str
    hidden_source: str

    @property
    def function(self) -> str:
        """The graded function (or solution) name: ``test_sigmoid`` -> ``sigmoid``."""
        return self.grade_id.removeprefix("test_")


def _normalize_nbgrader(meta: dict, where: str) -> dict:
    unknown = set(meta) - _ALLOWED_KEYS
    if unknown:
        raise SourceError(f"{where}: unknown nbgrader keys {sorted(unknown)}")
    if "grade_id" not in meta:
        raise SourceError(f"{where}: nbgrader metadata needs a grade_id")
    if not re.fullmatch(r"[A-Za-z0-9_-]{1,64}", meta["grade_id"]):
        raise SourceError(
            f"{where}: grade_id {meta['grade_id']!r} must match [A-Za-z0-9_-]{{1,64}}"
        )
    solution = bool(meta.get("solution", False))
    grade = bool(meta.get("grade", "points" in meta))
    locked = bool(meta.get("locked", grade and not solution))
    out = {
        "grade": grade,
        "grade_id": meta["grade_id"],
        "locked": locked,
        "schema_version": 3,
        "solution": solution,
        "task": bool(meta.get("task", False)),
    }
    if grade:
        if "points" not in meta:
            raise SourceError(f"{where}: a graded cell needs points")
        out["points"] = meta["points"]
    return out


def read_source(path: str | Path) -> nbformat.NotebookNode:
    """The instructor notebook (solutions and hidden tests included) from a text source."""
    path = Path(path)
    nb = jupytext.read(path, fmt="py:percent")
    nb.metadata = nbformat.from_dict(
        {"kernelspec": dict(KERNELSPEC), "language_info": dict(LANGUAGE_INFO)}
    )
    seen = set()
    for i, cell in enumerate(nb.cells):
        where = f"{path.name} cell {i}"
        meta = cell.get("metadata", {})
        nbg = meta.get("nbgrader")
        new_meta = {}
        if nbg is not None:
            new_meta["nbgrader"] = _normalize_nbgrader(dict(nbg), where)
            gid = new_meta["nbgrader"]["grade_id"]
            if gid in seen:
                raise SourceError(f"{where}: duplicate grade_id {gid!r}")
            seen.add(gid)
            cell["id"] = gid
        else:
            cell["id"] = f"cell-{i:03d}"
        for key in ("tags",):
            if key in meta:
                new_meta[key] = list(meta[key])
        cell["metadata"] = nbformat.from_dict(new_meta)
        _check_markers(cell, new_meta.get("nbgrader"), where)
        if cell.cell_type == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
    nb.nbformat, nb.nbformat_minor = 4, 5
    nbformat.validate(nb)
    return nb


def _check_markers(cell, nbg: dict | None, where: str) -> None:
    src = cell.source
    has_sol = BEGIN_SOLUTION in src or END_SOLUTION in src
    has_hidden = BEGIN_HIDDEN in src or END_HIDDEN in src
    if has_sol and not (nbg and nbg["solution"]):
        raise SourceError(f"{where}: solution markers outside a solution cell")
    if has_hidden and not (nbg and nbg["grade"] and not nbg["solution"]):
        raise SourceError(f"{where}: hidden-test markers outside a test cell")
    if src.count(BEGIN_SOLUTION) != src.count(END_SOLUTION):
        raise SourceError(f"{where}: unbalanced solution markers")
    if src.count(BEGIN_HIDDEN) != src.count(END_HIDDEN):
        raise SourceError(f"{where}: unbalanced hidden-test markers")


def strip_hidden(source: str) -> str:
    """A test cell's public part (what the student sees)."""
    return _HIDDEN_RE.sub("", source)


def hidden_regions(source: str) -> list[str]:
    """The text of each hidden-test region, markers excluded."""
    out = []
    for m in _HIDDEN_RE.finditer(source):
        lines = m.group(0).splitlines()[1:-1]
        out.append("\n".join(lines))
    return out


def solution_regions(source: str) -> list[str]:
    out = []
    for m in _SOLUTION_RE.finditer(source):
        lines = m.group(0).splitlines()[1:-1]
        out.append("\n".join(lines))
    return out


def graded_parts(nb: nbformat.NotebookNode) -> list[GradedPart]:
    """Every autograder test cell, in notebook order."""
    parts = []
    for cell in nb.cells:
        nbg = cell.metadata.get("nbgrader", {})
        if nbg.get("grade") and not nbg.get("solution"):
            hidden = "\n".join(hidden_regions(cell.source))
            parts.append(
                GradedPart(nbg["grade_id"], float(nbg["points"]), strip_hidden(cell.source), hidden)
            )
    return parts


def secret_lines(nb: nbformat.NotebookNode, min_len: int = 12) -> dict[str, set[str]]:
    """Distinctive lines of solutions and hidden tests, for leak scans.

    Left out: short lines and comments (shorter than ``min_len``), and lines that also appear
    anywhere in what the student legitimately sees (prose, public code), e.g. ``s = sigmoid(x)``
    in both a solution and a worked example, or a closing ``"num_iterations"}`` that is also
    the tail of a public line.
    """
    visible = "\n".join(_SOLUTION_RE.sub("", _HIDDEN_RE.sub("", c.source)) for c in nb.cells)
    visible = re.sub(r"[ \t]+", " ", visible)
    out = {"solution": set(), "hidden": set()}
    for cell in nb.cells:
        for kind, regions in (
            ("solution", solution_regions(cell.source)),
            ("hidden", hidden_regions(cell.source)),
        ):
            for region in regions:
                for line in region.splitlines():
                    s = line.strip()
                    if (len(s) >= min_len and not s.startswith("#")
                            and re.sub(r"[ \t]+", " ", s) not in visible):
                        out[kind].add(s)
    return out


def solution_module(a) -> str:
    """A Python module made of an assignment's solved code cells (solution markers removed).

    It holds every code cell up to the last solution cell that defines something (imports and
    function definitions), in notebook order, so a later notebook can import the functions.
    """
    nb = read_source(a.source_path)
    chunks = []
    for cell in nb.cells:
        nbg_meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type != "code" or nbg_meta.get("grade"):
            continue
        lines = [ln for ln in cell.source.splitlines()
                 if BEGIN_SOLUTION not in ln and END_SOLUTION not in ln]
        code = "\n".join(lines).strip()
        keep = nbg_meta.get("solution") or all(
            ln.startswith(("import ", "from ")) or not ln.strip() or ln.startswith("#")
            for ln in lines)
        if keep and code:
            chunks.append(code)
    header = (f'"""Solved functions of {a.id} ({a.title}).\n\n'
              f"Generated by `grader build` from\n{a.source}. Do not edit.\n\"\"\"\n")
    return header + "\n\n\n".join(chunks) + "\n"


def is_demo(cell) -> bool:
    """A code cell the author tagged ``demo`` (and that is not an nbgrader cell)."""
    return (cell.cell_type == "code" and DEMO_TAG in cell.get("metadata", {}).get("tags", [])
            and not cell.get("metadata", {}).get("nbgrader"))


def _cell_names(source: str, where: str) -> tuple[set[str], set[str]]:
    """(names a cell binds at module level, global names it reads, in functions too)."""
    import symtable

    code = "\n".join("" if ln.lstrip().startswith(("%", "!")) else ln
                      for ln in source.splitlines())
    try:
        top = symtable.symtable(code, where, "exec")
    except SyntaxError as exc:
        raise SourceError(f"{where}: {exc}") from None
    bound = {s.get_name() for s in top.get_symbols()
             if s.is_assigned() or s.is_imported() or s.is_namespace()}
    used = {s.get_name() for s in top.get_symbols() if s.is_referenced()}
    stack = list(top.get_children())
    while stack:
        t = stack.pop()
        stack.extend(t.get_children())
        # a free name of a nested scope is bound by an enclosing function, not the module
        used |= {s.get_name() for s in t.get_symbols() if s.is_referenced() and s.is_global()}
    return bound, used


def cell_bindings(source: str) -> set[str]:
    """The names a cell binds at module level (empty if it does not parse)."""
    try:
        return _cell_names(source, "cell")[0]
    except SourceError:
        return set()


def demo_dependencies(nb: nbformat.NotebookNode) -> list[str]:
    """Names a kept (non-demo) cell reads whose latest definition is in a demo cell.

    The grader skips demo cells, so such a name would be missing (or stale) when grading.
    Empty list: every kept cell runs the same with the demo cells left out.
    """
    return _read_from(nb, is_demo, "demo")


def _read_from(nb: nbformat.NotebookNode, kind, label: str) -> list[str]:
    """Names a cell not of ``kind`` reads whose latest definition is in a cell of ``kind``."""
    last_def: dict[str, str] = {}  # name -> where it was last bound ("cell 12 (...)" / "")
    problems = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        gid = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        where = f"cell {i} ({gid or cell.get('id', '')})"
        bound, used = _cell_names(cell.source, where)
        if not kind(cell):
            for name in sorted(used - bound):
                if last_def.get(name):
                    problems.append(f"{where} uses {name!r}, defined by the {label} "
                                    f"{last_def[name]}")
        for name in bound:
            last_def[name] = where if kind(cell) else ""
    return problems


def test_cell_dependencies(nb: nbformat.NotebookNode) -> list[str]:
    """Names a cell that is not a test reads whose latest definition is in a test cell.

    With a trusted verdict a test cell runs in the grader's process (``grader.verdict``): what
    it binds stays there (later test cells see it), so no other cell may rely on it. Empty
    list: the notebook reads the same whether its tests run in the kernel or not.
    """
    return _read_from(nb, is_test, "test")


def write_notebook(nb: nbformat.NotebookNode, path: str | Path) -> None:
    """Write a notebook in the canonical form (stable key order, trailing newline)."""
    text = canonical_json(nb)
    Path(path).write_text(text, encoding="utf-8")


def canonical_json(nb: nbformat.NotebookNode) -> str:
    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    return nbformat.writes(nb, version=4) + "\n"


def is_solution(cell) -> bool:
    return bool(cell.get("metadata", {}).get("nbgrader", {}).get("solution"))


def is_test(cell) -> bool:
    """A test cell: graded, not a solution (its tests run where the verdict is computed)."""
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return cell.get("cell_type") == "code" and bool(meta.get("grade")) \
        and not meta.get("solution")

"""The learner's workspace: a folder of student notebooks that JupyterLab opens.

``workspace`` copies the release of every available assignment and never overwrites a notebook
the learner has changed; ``reset`` gives a fresh copy (keeping a backup); ``replay`` runs the
reference solution and saves it as HTML next to the learner's copy.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import time
from pathlib import Path

import nbformat

from dlcourse import ROOT

from . import manifest, nbg
from . import source as src
from .api import EXIT_FAIL, EXIT_OK, UsageError, _assignments

WORKSPACE = ROOT / "workspace"
STATE_FILE = ".workspace-state.json"


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _shipped(a: manifest.Assignment) -> dict[str, Path]:
    """Workspace-relative path -> file in the repository, for one assignment."""
    out = {f"{a.course_folder}/{a.notebook}": a.release_path}
    for name in a.shipped_files:
        out[f"{a.course_folder}/{name}"] = a.folder / name
    return out


def _index(path: Path) -> str:
    lines = ["# Your course workspace", "",
             "Open a notebook, work through it, then check it against the full tests:", "",
             "    grader check course1_nn_basics/<notebook>.ipynb", "",
             "`grader reset ID` gives a fresh copy (your version is kept as a backup); "
             "`grader replay ID` saves the reference run as HTML next to your copy.", ""]
    course = None
    for a in manifest.load():
        if a.course != course:
            course = a.course
            lines += ["", f"## Course {course}: {manifest.COURSE_TITLES[course]}", ""]
        if a.available:
            lines.append(f"- [{a.id} — {a.title}]({a.course_folder}/{a.notebook})")
        else:
            lines.append(f"- {a.id} — {a.title} (coming)")
    return "\n".join(lines) + "\n"


def workspace(path: Path = WORKSPACE) -> int:
    """Create or update the learner's workspace; edited notebooks are never overwritten."""
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True)
    state_path = path / STATE_FILE
    state = json.loads(state_path.read_text()) if state_path.exists() else {}
    added = updated = kept = 0
    for a in manifest.available():
        for rel, origin in _shipped(a).items():
            dest = path / rel
            new = _sha(origin)
            if not dest.exists():
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(origin, dest)
                added += 1
            elif _sha(dest) == new:
                pass
            elif _sha(dest) == state.get(rel):  # untouched copy of an older release
                shutil.copy2(origin, dest)
                updated += 1
            else:
                kept += 1
                if state.get(rel) != new:
                    print(f"kept your edited {rel}; a newer version exists: grader reset {a.id}")
                continue
            state[rel] = new
    (path / "README.md").write_text(_index(path), encoding="utf-8")
    state_path.write_text(json.dumps(state, indent=1, sort_keys=True))
    print(f"workspace {path}: {added} added, {updated} updated, {kept} edited and kept")
    return EXIT_OK


def reset(assignment: str, path: Path = WORKSPACE) -> int:
    """Give a fresh copy of one assignment; the current copy is kept as a timestamped backup."""
    path = Path(path)
    a = _assignments(assignment)[0]
    state_path = path / STATE_FILE
    state = json.loads(state_path.read_text()) if state_path.exists() else {}
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for rel, origin in _shipped(a).items():
        dest = path / rel
        if dest.exists() and _sha(dest) != _sha(origin):
            backup = dest.with_name(f"{dest.stem}.backup-{stamp}{dest.suffix}")
            dest.rename(backup)
            print(f"your version is kept as {backup.relative_to(path)}")
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(origin, dest)
        state[rel] = _sha(origin)
    state_path.parent.mkdir(parents=True, exist_ok=True)
    state_path.write_text(json.dumps(state, indent=1, sort_keys=True))
    print(f"fresh copy of {a.id}: {path / a.course_folder / a.notebook}")
    return EXIT_OK


def reference_notebook(a: manifest.Assignment) -> nbformat.NotebookNode:
    """The solution notebook without hidden tests (what a replay shows)."""
    nb = src.read_source(a.source_path)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.source = src.strip_hidden(cell.source)
    return nb


def execute(nb: nbformat.NotebookNode, cwd: Path, timeout: int = 600, threads: int | None = None):
    """Run a notebook top to bottom in ``cwd``; returns (notebook, seconds, errors).

    The kernel gets the grading environment (:data:`nbg.KERNEL_ENV`: one BLAS thread, since
    grading runs kernels side by side); ``threads`` overrides the BLAS thread count, e.g. to
    time a notebook as a learner's JupyterLab runs it (one thread per core).
    """
    from nbclient import NotebookClient

    t = time.perf_counter()
    with nbg.kernel_env(threads):
        client = NotebookClient(
            nb, timeout=timeout, kernel_name="python3", allow_errors=True,
            resources={"metadata": {"path": str(cwd)}},
        )
        client.execute()
    errors = [
        (i, out.get("ename"), out.get("evalue"))
        for i, cell in enumerate(nb.cells) if cell.cell_type == "code"
        for out in cell.get("outputs", []) if out.get("output_type") == "error"
    ]
    return nb, time.perf_counter() - t, errors


def replay(assignment: str, path: Path = WORKSPACE) -> int:
    """Run the reference solution of one assignment; save it (outputs and plots) as HTML."""
    from nbconvert import HTMLExporter

    path = Path(path)
    a = _assignments(assignment)[0]
    folder = path / a.course_folder
    folder.mkdir(parents=True, exist_ok=True)
    for rel, origin in _shipped(a).items():  # the reference may need the assignment's files
        if rel.endswith(".ipynb"):
            continue
        if not (path / rel).exists():
            shutil.copy2(origin, path / rel)
    nb, seconds, errors = execute(reference_notebook(a), folder, timeout=a.cell_timeout)
    html, _ = HTMLExporter(template_name="lab").from_notebook_node(nb)
    out = folder / f"{a.notebook_stem}.reference.html"
    out.write_text(html, encoding="utf-8")
    print(f"reference run of {a.id} ({seconds:.1f}s) saved to {out}")
    for i, ename, evalue in errors:
        print(f"  cell {i} raised {ename}: {evalue}", file=sys.stderr)
    return EXIT_FAIL if errors else EXIT_OK


SETTINGS = ROOT / "jupyter"  # the JupyterLab settings the course ships (see jupyter/README.md)


def lab_command(path: Path = WORKSPACE, port: int = 8888,
                no_browser: bool = False) -> tuple[list[str], dict[str, str]]:
    """The command line and environment that start JupyterLab on a workspace.

    ``SETTINGS`` is added to ``JUPYTER_CONFIG_PATH`` (after any folders already there), so
    JupyterLab reads the course's ``labconfig/`` (default settings, disabled plugins) and
    ``jupyter_server_config.json``; settings the learner changes in JupyterLab still win over
    these defaults. Used by :func:`lab` and by the browser tests (tests/e2e), so both start
    the same JupyterLab.
    """
    path = Path(path).resolve()
    args = [sys.executable, "-m", "jupyter", "lab", f"--ServerApp.root_dir={path}",
            "--ServerApp.ip=127.0.0.1", f"--port={port}",
            "--LabApp.default_url=/lab/tree/README.md"]
    if no_browser:
        args.append("--no-browser")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--allow-root")
    env = dict(os.environ, **nbg.KERNEL_ENV)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    config_path = [p for p in env.get("JUPYTER_CONFIG_PATH", "").split(os.pathsep) if p]
    env["JUPYTER_CONFIG_PATH"] = os.pathsep.join([*config_path, str(SETTINGS)])
    return args, env


def lab(path: Path = WORKSPACE, port: int = 8888, no_browser: bool = False) -> int:
    """Prepare the workspace and start JupyterLab in it."""
    path = Path(path).resolve()
    workspace(path)
    args, env = lab_command(path, port, no_browser)
    os.execvpe(args[0], args, env)
    return EXIT_OK  # not reached


__all__ = ["workspace", "reset", "replay", "lab", "UsageError"]

"""nbgrader configuration and course-directory plumbing.

Everything here arranges files and configuration; the grading itself is nbgrader's
(``NbGraderAPI.generate_assignment`` / ``autograde`` / ``generate_feedback``).
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import sys
import warnings
from pathlib import Path

from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor
from nbgrader.apps import NbGraderAPI
from nbgrader.coursedir import CourseDirectory
from nbgrader.preprocessors import ClearHiddenTests, GetGrades
from sqlalchemy.exc import SAWarning
from traitlets.config import Config

from dlcourse import ROOT

from . import source as src
from .manifest import Assignment

COURSE_ID = "dlcourse"
DEFAULT_COURSE_DIR = ROOT / "class"
TEMPLATES = Path(__file__).resolve().parent / "templates"  # feedback/mathjax.html.j2


def _nbgrader_templates() -> str:
    """The folder of nbgrader's own templates (its "feedback" template is extended)."""
    import nbgrader

    return str(Path(nbgrader.__file__).resolve().parent / "server_extensions" / "formgrader"
               / "templates")

# Environment every grading kernel inherits: quiet TensorFlow, no writes into $HOME.
KERNEL_ENV = {
    "TF_CPP_MIN_LOG_LEVEL": "2",
    "TF_ENABLE_ONEDNN_OPTS": "0",
    "PYTHONHASHSEED": "0",
    # One BLAS thread per kernel: grading runs kernels side by side on 2 cores, and two-thread
    # OpenBLAS was measured 2-5x slower than one thread on a busy machine.
    "OPENBLAS_NUM_THREADS": "1",
    "OMP_NUM_THREADS": "1",
    "MPLBACKEND": "module://matplotlib_inline.backend_inline",
}


def _ensure_venv_on_path() -> None:
    """nbgrader shells out to ``alembic`` and Jupyter looks up kernels on PATH: make the running
    interpreter's ``bin/`` come first even when the environment is not activated."""
    bindir = str(Path(sys.executable).parent)
    if os.environ.get("PATH", "").split(os.pathsep)[0] != bindir:
        os.environ["PATH"] = os.pathsep.join([bindir, os.environ.get("PATH", "")])


_ensure_venv_on_path()
# nbgrader's gradebook triggers harmless SQLAlchemy autoflush warnings on every autograde.
warnings.filterwarnings("ignore", category=SAWarning)


def config(course_dir: Path, db_url: str | None = None, cell_timeout: int = 300) -> Config:
    """The nbgrader configuration every command uses.

    - ``Execute.timeout``: per cell, generous enough for a cold TensorFlow import (~20 s) plus
      a training cell; the manifest's ``cell_timeout`` raises it per assignment.
    - ``--InteractiveShell.xmode=Minimal``: tracebacks show only ``Error: message``, so a failing
      hidden test never prints its own source lines into the autograded notebook or feedback.
    - ``OverwriteCells.add_missing_cells``: a test cell the student deleted is put back from the
      gradebook and graded, instead of scoring None and waiting for manual grading.
    - ``GenerateFeedback.preprocessors`` adds ``ClearHiddenTests``: hidden tests are cut from the
      feedback's cells (nbgrader leaves them in by default).
    """
    course_dir = Path(course_dir).resolve()
    c = Config()
    c.CourseDirectory.root = str(course_dir)
    c.CourseDirectory.course_id = COURSE_ID
    c.CourseDirectory.db_url = db_url or f"sqlite:///{course_dir / 'gradebook.db'}"
    c.CourseDirectory.ignore = [
        ".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback", "*.py.bak", ".DS_Store",
    ]
    c.Execute.timeout = int(cell_timeout)
    c.Execute.startup_timeout = 120
    c.Execute.extra_arguments = [
        "--HistoryManager.hist_file=:memory:",
        "--InteractiveShell.xmode=Minimal",
    ]
    c.OverwriteCells.add_missing_cells = True
    c.OverwriteCells.missing_cell_notification = (
        "This test cell (id:{cell_id}) was missing from the submission: "
        "the grader restored it and graded it.\n"
    )
    c.GenerateFeedback.preprocessors = [GetGrades, ClearHiddenTests, CSSHTMLHeaderPreprocessor]
    # nbgrader's feedback template, minus the MathJax it loads from a CDN: the folder
    # grader/templates/feedback is searched first (see its README)
    c.HTMLExporter.template_name = "feedback"
    c.HTMLExporter.extra_template_basedirs = [str(TEMPLATES), _nbgrader_templates()]
    c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}
    c.Exchange.assignment_dir = str(course_dir)
    return c


COURSE_CONFIG = """\
# nbgrader configuration of this course directory, written by `grader release`.
# It loads the course grader's settings (grader/nbg.py) so that nbgrader's own commands and
# the formgrader grade exactly like `grader autograde` (timeouts, hidden-test protection,
# restored test cells). Edit below the marked line to add your own settings.
from pathlib import Path

from grader.nbg import config

c = get_config()  # noqa: F821 (provided by traitlets when nbgrader loads this file)
c.merge(config(Path(__file__).resolve().parent, {db_url!r}))
# --- your settings ---
"""


def write_course_config(course_dir: Path, db_url: str | None = None) -> Path | None:
    """Write ``nbgrader_config.py`` into the course directory unless one exists."""
    path = Path(course_dir) / "nbgrader_config.py"
    if path.exists():
        return None
    path.write_text(COURSE_CONFIG.format(db_url=db_url), encoding="utf-8")
    return path


def api(course_dir: Path, db_url: str | None = None, cell_timeout: int = 300) -> NbGraderAPI:
    cfg = config(course_dir, db_url, cell_timeout)
    coursedir = CourseDirectory(config=cfg)
    return NbGraderAPI(coursedir=coursedir, config=cfg)


@contextlib.contextmanager
def kernel_env(threads: int | None = None):
    """Set :data:`KERNEL_ENV` (and the course root on PYTHONPATH) for kernels started inside.

    ``threads`` replaces its one BLAS thread, e.g. to time a notebook as JupyterLab runs it.
    """
    env = dict(KERNEL_ENV)
    if threads is not None:
        env.update(OPENBLAS_NUM_THREADS=str(threads), OMP_NUM_THREADS=str(threads))
    old = {k: os.environ.get(k) for k in [*env, "PYTHONPATH"]}
    os.environ.update(env)
    paths = [str(ROOT)] + ([old["PYTHONPATH"]] if old["PYTHONPATH"] else [])
    os.environ["PYTHONPATH"] = os.pathsep.join(paths)
    try:
        yield
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


@contextlib.contextmanager
def quiet_nbgrader(level: int = logging.ERROR):
    """nbgrader logs every step at INFO/WARNING; batch commands print their own progress."""
    loggers = [logging.getLogger(n) for n in ("traitlets", "nbgrader", "NbGraderAPI")]
    old = [lg.level for lg in loggers]
    for lg in loggers:
        lg.setLevel(level)
    try:
        yield
    finally:
        for lg, lv in zip(loggers, old):
            lg.setLevel(lv)


def write_source(course_dir: Path, assignment: Assignment) -> Path:
    """Put the instructor notebook and the assignment's files into ``source/<id>/``."""
    dest = Path(course_dir) / "source" / assignment.id
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    nb = src.read_source(assignment.source_path)
    src.write_notebook(nb, dest / assignment.notebook)
    for name in assignment.files:
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(assignment.folder / name, target)
    for name, origin in assignment.modules:  # generated from another assignment's solution
        from .manifest import get

        (dest / name).write_text(src.solution_module(get(origin)), encoding="utf-8")
    return dest


def generate(course_dir: Path, assignment: Assignment, db_url: str | None = None) -> Path:
    """``nbgrader generate_assignment``: fills the gradebook and writes ``release/<id>/``."""
    write_source(course_dir, assignment)
    nbapi = api(course_dir, db_url, assignment.cell_timeout)
    result = nbapi.generate_assignment(assignment.id, force=True, create=True)
    if not result["success"]:
        raise RuntimeError(
            f"nbgrader could not generate {assignment.id}:\n"
            f"{result.get('error') or result.get('log')}"
        )
    return Path(course_dir) / "release" / assignment.id

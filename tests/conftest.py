"""Shared fixtures. Jupyter, IPython, Keras and matplotlib write into a per-session folder,
never into the user's home."""

import os
import tempfile
from pathlib import Path

import pytest

_HOME = Path(tempfile.mkdtemp(prefix="dlcourse-tests-"))
for var, sub in [("JUPYTER_CONFIG_DIR", "jupyter-config"), ("JUPYTER_DATA_DIR", "jupyter-data"),
                 ("IPYTHONDIR", "ipython"), ("KERAS_HOME", "keras"), ("MPLCONFIGDIR", "mpl")]:
    os.environ[var] = str(_HOME / sub)
os.environ.setdefault("MPLBACKEND", "Agg")
os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"

from grader import manifest  # noqa: E402

AVAILABLE = manifest.available()
IDS = [a.id for a in AVAILABLE]
REPORTS = Path(__file__).resolve().parent.parent / "build" / "reports"


def per_assignment(func):
    """Parametrize a test over the available assignments, one xdist group per assignment."""
    params = [pytest.param(a, id=a.id, marks=pytest.mark.xdist_group(a.id)) for a in AVAILABLE]
    return pytest.mark.parametrize("assignment", params)(func)


@pytest.fixture(scope="session")
def reports_dir():
    REPORTS.mkdir(parents=True, exist_ok=True)
    return REPORTS

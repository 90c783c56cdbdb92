"""dlcourse.kerascheck's cases (tests/kerascheck_cases.py), run in a pytest of their own.

They import TensorFlow, which must not happen inside the main test process: there, a later
nbgrader zip collection (tests/test_grading.py) left pytest's capture with a closed sys.stderr
for every following test of the worker ("I/O operation on closed file"), a cause not yet
found. A child pytest keeps TensorFlow out of the main process; its failures fail this test.
"""

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def test_kerascheck_cases_pass_in_their_own_process():
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="2", TF_ENABLE_ONEDNN_OPTS="0")
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist",
         str(HERE / "kerascheck_cases.py")],
        cwd=HERE.parent, env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]
    assert " passed" in proc.stdout and " failed" not in proc.stdout, proc.stdout[-2000:]

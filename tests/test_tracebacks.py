"""A failed check shows the learner's cell line and the message, nothing of the helpers'
internals; framework errors end with a one-line summary; the grader's kernels are untouched and
its integrity guard still flags learner code that installs exception hooks."""

import os
import re

import nbformat
import pytest
from nbclient import NotebookClient

from dlcourse import tracebacks
from grader import guard

ANSI = re.compile(r"\x1b\[[0-9;]*m")

SETUP = "import numpy as np\nfrom dlcourse.testing import *"
FAILING = ("def compute_cost(A, Y):\n    return -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A))\n",
           "A, Y = np.array([[0.8, 0.3, 0.6, 0.1, 0.5]]), np.array([[1, 0, 1, 0, 1]])\n"
           "expected = -np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A))\n"
           "run_checks('compute_cost', lambda: check_scalar(compute_cost(A, Y), expected, 'cost',"
           " factors={'m': 5}))")


def run(cells, extra_arguments=(), env=None):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    saved = {k: os.environ.get(k) for k in (env or {})}
    os.environ.update(env or {})
    try:
        NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=True,
                       extra_arguments=list(extra_arguments)).execute()
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    return nb


def error_text(cell) -> str:
    errors = [o for o in cell.outputs if o.output_type == "error"]
    assert len(errors) == 1, cell.outputs
    return ANSI.sub("", "\n".join(errors[0].traceback))


def stdout(cell) -> str:
    return "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")


def test_a_failed_check_shows_the_cell_line_and_the_message_only():
    nb = run([SETUP, *FAILING])
    text = error_text(nb.cells[-1])
    lines = text.splitlines()
    assert len(lines) < 8, text
    assert "dlcourse/testing.py" not in text and "skipping hidden" not in text
    assert "Cell In[3], line 3" in text
    assert "run_checks('compute_cost', lambda: check_scalar(compute_cost(A, Y)" in text
    assert "CheckFailed: cost is wrong: expected 0.37783, got 1.88915" in text
    assert lines[-1] == ("  likely cause: got = m × expected (m = 5): a missing 1/m (a sum "
                         "instead of a mean)?")
    err = [o for o in nb.cells[-1].outputs if o.output_type == "error"][0]
    assert err.ename == "CheckFailed" and err.evalue.startswith("cost is wrong")


def test_minimal_mode_the_graders_is_unchanged_and_nothing_is_installed():
    probe = "print(get_ipython().custom_exceptions)"
    nb = run([SETUP, *FAILING, probe], ["--InteractiveShell.xmode=Minimal"])
    text = error_text(nb.cells[-2])
    assert text.startswith("CheckFailed: cost is wrong: expected 0.37783, got 1.88915")
    assert "Cell In" not in text and "run_checks" not in text
    assert stdout(nb.cells[-1]).strip() == "()"


def test_sandbox_kernels_are_untouched():
    nb = run([SETUP, "print(get_ipython().custom_exceptions)"], env={"DLCOURSE_SANDBOX": "none"})
    assert stdout(nb.cells[-1]).strip() == "()"


def test_verbose_mode_gives_the_full_traceback_back():
    nb = run([SETUP, *FAILING], ["--InteractiveShell.xmode=Verbose"])
    assert "dlcourse/testing.py" in error_text(nb.cells[-1])


FAKE_AUTOGRAPH = (
    "def f():\n"
    "    raise NotImplementedError('in user code:\\n\\n    File \"x.py\", line 3, in f  *\\n\\n'\n"
    "        '    NotImplementedError: Cannot convert a symbolic tf.Tensor (x:0) to a numpy '\n"
    "        'array. This error may indicate that you are trying to pass a Tensor to a NumPy '\n"
    "        'call, which is not supported.')\n"
    "f()")


def test_framework_errors_end_with_a_one_line_summary():
    nb = run([SETUP, FAKE_AUTOGRAPH, "1 / 0", "np.ones((2, 4)) / np.ones(2)"])
    text = error_text(nb.cells[1])
    assert text.splitlines()[-1] == ("likely cause: NumPy was called on a symbolic tensor inside a "
                                     "tf.function (or a Keras model): use tf operations "
                                     "(tf.reduce_sum, tf.exp, tf.matmul, ...) instead of np.*")
    assert "Cell In[2], line 6" in text  # IPython's own traceback above it
    assert "likely cause" not in error_text(nb.cells[2])  # an unrecognised error: as before
    assert error_text(nb.cells[3]).splitlines()[-1].startswith(
        "likely cause: shapes (2, 4) and (2,) do not broadcast")


def test_the_guard_takes_the_course_display_into_its_baseline_and_flags_a_learner_hook():
    """Had the display been installed in a grading kernel, the guard would not flag it (it
    imports dlcourse.testing before its fingerprint), but it flags a hook the learner sets."""
    mod = "_gtest"

    def check(nonce):
        return guard.guard_call_code(mod, nonce, "check")

    cells = [guard.guard_install_code(mod), SETUP, *FAILING, check("n1"),
             "get_ipython().set_custom_exc((AssertionError,), lambda *a, **k: None)", check("n2"),
             "CheckFailed._render_traceback_ = lambda self: []", check("n3")]
    nb = run(cells)
    assert "CheckFailed" in error_text(nb.cells[3])
    assert stdout(nb.cells[4]).strip() == "n1 []"
    assert "redefined shell.CustomTB" in stdout(nb.cells[6])
    assert "redefined CheckFailed._render_traceback_" in stdout(nb.cells[8])


@pytest.mark.parametrize("message, fragment", [
    ("Cannot convert a symbolic tf.Tensor (x:0) to a numpy array.", "NumPy was called"),
    ("'SymbolicTensor' object has no attribute 'numpy'", ".numpy() inside a tf.function"),
    ("Using a symbolic `tf.Tensor` as a Python `bool` is not allowed.", "a Python if / while"),
    ("Input 'b' of 'MatMul' Op has type int32 that does not match type float32 of argument 'a'.",
     "two tensors of different dtypes"),
    ("cannot compute MatMul as input #1(zero-based) was expected to be a float tensor but is a "
     "double tensor [Op:MatMul]", "two tensors of different dtypes"),
    ("Matrix size-incompatible: In[0]: [1,2], In[1]: [1,2] [Op:MatMul]",
     "the inner dimensions of a matrix product"),
    ("A KerasTensor is symbolic: it's a placeholder", "a Keras Input"),
    ("operands could not be broadcast together with shapes (2,4) (2,) ", "keepdims=True"),
    ("operands could not be broadcast together with shapes (3,) (3,4,5) ", None),
    ("operands could not be broadcast together with shapes (2,4) (2,1,4) ", None),
    ("division by zero", None),
])
def test_framework_summary(message, fragment):
    got = tracebacks.framework_summary(ValueError(message))
    assert (got is None) if fragment is None else (fragment in got), got


def test_framework_summary_on_real_tensorflow_errors():
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    import numpy as np
    import tensorflow as tf

    @tf.function
    def numpy_inside(x):
        return np.sum(x)

    @tf.function
    def value_inside(x):
        return x.numpy()

    x = tf.constant([[1.0, 2.0]])
    cases = [(lambda: numpy_inside(x), "NumPy was called"),
             (lambda: value_inside(x), ".numpy() inside"),
             (lambda: tf.matmul(x, tf.constant([[1.0]], dtype=tf.float64)), "different dtypes"),
             (lambda: tf.matmul(x, x), "inner dimensions")]
    for call, fragment in cases:
        with pytest.raises(Exception) as info:
            call()
        assert fragment in (tracebacks.framework_summary(info.value) or ""), info.value

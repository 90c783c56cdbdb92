"""Short tracebacks for learners: the message and the learner's own line, not our internals.

A failed check (:class:`dlcourse.testing.CheckFailed`) renders itself through IPython's
``_render_traceback_`` protocol: the learner sees the cell line that ran the check and the
message, nothing of ``dlcourse/testing.py``::

    Cell In[7], line 2
    ----> 2 run_checks("compute_cost", lambda: check_scalar(compute_cost(A2, Y), 0.6931, "cost"))
    CheckFailed: cost is wrong: expected 0.693147, got 3.46574 (rtol=1e-06, atol=1e-08)
      likely cause: got = m × expected (m = 5): a missing 1/m (a sum instead of a mean)?

Other errors keep IPython's traceback; when the error is one a framework reports at length
(TensorFlow's autograph, Keras' symbolic tensors, a NumPy broadcast) and its cause can be
recognised, a last line says in one sentence what the learner's code did wrong
(:func:`framework_summary`). That line comes from a custom exception handler that
:func:`install` sets in the learner's own kernel only:

- never in a grading kernel: the grader's kernels run with ``xmode=Minimal`` and the sandbox
  launcher sets ``DLCOURSE_SANDBOX``; either one keeps :func:`install` from touching IPython.
  The grader's integrity guard (``grader/guard.py``) flags learner code that installs exception
  hooks; since the course's own display is absent there, the two never meet. (Had it been
  installed, the guard would have taken it into its baseline: it imports ``dlcourse.testing``
  before it fingerprints IPython's machinery.)
- never over a handler someone else set (``custom_exceptions`` not empty);
- ``%xmode Verbose`` (or ``Minimal``) gives IPython's own traceback of a failed check back;
  ``DLCOURSE_PLAIN_TRACEBACKS=1`` turns the whole display off.
"""

from __future__ import annotations

import linecache
import os
import re
import sys
from pathlib import Path

__all__ = ["framework_summary", "short_traceback", "install"]

_PACKAGE = str(Path(__file__).resolve().parent) + os.sep
_SHORT_MODES = ("Context", "Plain", "Docs")
_RED, _GREEN, _BOLD, _RESET = "\x1b[31m", "\x1b[32m", "\x1b[1m", "\x1b[0m"


def _shell():
    ip = sys.modules.get("IPython")
    if ip is None:
        return None
    try:
        return ip.get_ipython()
    except Exception:
        return None


def _internal(filename: str) -> bool:
    """Frames of the course's helpers, of IPython / the kernel, of installed libraries."""
    if filename.startswith(_PACKAGE) or filename.startswith("<frozen"):
        return True
    parts = filename.replace("\\", "/")
    return any(s in parts for s in ("/site-packages/", "/dist-packages/", "/IPython/",
                                    "/ipykernel/", "/lib/python3"))


def _learner_frames(tb) -> list[tuple[str, int]]:
    frames = []
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if not _internal(filename):
            where = (filename, tb.tb_lineno)
            if not frames or frames[-1] != where:
                frames.append(where)
        tb = tb.tb_next
    return frames


def _location(shell, filename: str, lineno: int) -> str:
    label = None
    try:
        label = shell.compile.format_code_name(filename) if shell is not None else None
    except Exception:
        label = None
    if label:
        return f"{label[0]} {label[1]}, line {lineno}"
    return f"File {filename}:{lineno}"


def short_traceback(exc: BaseException, color: bool = True) -> list[str]:
    """The learner's frames (cell and line) and the message: a structured traceback for IPython.

    At most three frames are shown (the first and the last two of a longer chain).
    """
    shell = _shell()
    frames = _learner_frames(exc.__traceback__)
    if len(frames) > 3:
        frames = [frames[0], None, *frames[-2:]]
    lines = []
    for frame in frames:
        if frame is None:
            lines.append("    ...")
            continue
        filename, lineno = frame
        lines.append(_location(shell, filename, lineno))
        source = linecache.getline(filename, lineno).rstrip()
        if source:
            arrow = f"{_GREEN}---->{_RESET}" if color else "---->"
            lines.append(f"{arrow} {lineno} {source.strip()}")
    name = type(exc).__name__
    head = f"{_RED}{_BOLD}{name}{_RESET}" if color else name
    lines.append(f"{head}: {exc}")
    return ["\n".join(lines)]


def render_check_failed(exc: BaseException) -> list[str]:
    """What IPython shows for a failed check: short in the learner's usual modes, IPython's own
    traceback in ``Minimal`` (the grader's mode) and ``Verbose`` mode. Never raises."""
    try:
        shell = _shell()
        mode = getattr(getattr(shell, "InteractiveTB", None), "mode", "Minimal")
        plain = mode not in _SHORT_MODES or any(
            os.environ.get(k) is not None for k in ("DLCOURSE_PLAIN_TRACEBACKS",
                                                    "DLCOURSE_SANDBOX"))
        if shell is not None and plain:
            return shell.InteractiveTB.structured_traceback(type(exc), exc, exc.__traceback__)
        return short_traceback(exc)
    except Exception:
        return [f"{type(exc).__name__}: {exc}"]


# --------------------------------------------------------------------------------------------
# One-line summaries of long framework errors

_SUMMARIES: list[tuple[re.Pattern, str]] = [
    (re.compile(r"Cannot convert a symbolic (tf\.)?Tensor .* to a numpy array", re.S),
     "NumPy was called on a symbolic tensor inside a tf.function (or a Keras model): use tf "
     "operations (tf.reduce_sum, tf.exp, tf.matmul, ...) instead of np.*"),
    (re.compile(r"'(Symbolic)?Tensor' object has no attribute 'numpy'"),
     ".numpy() inside a tf.function: a traced tensor has no value yet; keep it a tensor and "
     "use tf operations"),
    (re.compile(r"Using a symbolic `tf\.Tensor` as a Python `bool` is not allowed"),
     "a Python if / while / and / or on a tensor inside a traced function: use tf.cond, "
     "tf.where or tf.logical_and"),
    (re.compile(r"[Ii]terating over a symbolic `tf\.Tensor` is not allowed"),
     "a Python for loop over a tensor inside a traced function: use a vectorised tf operation "
     "or tf.range"),
    (re.compile(r"KerasTensor (is symbolic|cannot be used as input to a TensorFlow function)"),
     "a Keras Input (a symbolic KerasTensor) went into NumPy or a raw tf function: build the "
     "model from keras.layers (or keras.ops)"),
    (re.compile(r"(has type (\w+) that does not match type (\w+))|"
                r"(expected to be a (\w+) tensor but is a (\w+) tensor)"),
     "two tensors of different dtypes met in one operation: cast one with "
     "tf.cast(x, tf.float32)"),
    (re.compile(r"Matrix size-incompatible: In\[0\]: \[(\d+),(\d+)\], In\[1\]: \[(\d+),(\d+)\]"),
     "the inner dimensions of a matrix product do not match: the operands in the wrong order, "
     "or a missing transpose?"),
]

_BROADCAST = re.compile(r"operands could not be broadcast together with shapes "
                        r"\(([\d, ]*)\) \(([\d, ]*)\)")


def _shape(text: str) -> tuple[int, ...]:
    return tuple(int(t) for t in text.replace(" ", "").split(",") if t)


def framework_summary(exc: BaseException) -> str | None:
    """One sentence saying what the learner's code did wrong, for a recognised framework error
    (TensorFlow autograph and dtypes, Keras symbolic tensors, a NumPy reduction without
    ``keepdims``); ``None`` otherwise."""
    text = str(exc)
    for pattern, summary in _SUMMARIES:
        if pattern.search(text):
            return summary
    m = _BROADCAST.search(text)
    if m:
        a, b = _shape(m.group(1)), _shape(m.group(2))
        for big, small in ((a, b), (b, a)):
            if len(big) == len(small) + 1 and big[:-1] == small and big[-1] != 1:
                return (f"shapes {big} and {small} do not broadcast: a sum / max / norm over "
                        "the last axis without keepdims=True?")
    return None


def _handler(shell, etype, value, tb, tb_offset=None):
    """The course's exception display in the learner's kernel: IPython's own, plus a summary
    line for a recognised framework error."""
    summary = None if isinstance(value, AssertionError) else framework_summary(value)
    if summary is None or getattr(shell.InteractiveTB, "mode", "") == "Minimal":
        shell.showtraceback((etype, value, tb), tb_offset=tb_offset, running_compiled_code=True)
        return None
    shell._get_exc_info((etype, value, tb))  # sets sys.last_traceback for %debug / %tb
    stb = list(shell.InteractiveTB.structured_traceback(etype, value, tb, tb_offset=tb_offset))
    stb.append(f"{_BOLD}likely cause:{_RESET} {summary}")
    shell._showtraceback(etype, value, stb)
    return None


def install() -> bool:
    """Set the course's exception display in the current IPython kernel (see the module's
    docstring for when it does nothing). Returns whether it did."""
    if os.environ.get("DLCOURSE_SANDBOX") is not None or os.environ.get(
            "DLCOURSE_PLAIN_TRACEBACKS"):
        return False
    shell = _shell()
    if shell is None or not hasattr(shell, "set_custom_exc") or not hasattr(
            shell, "_showtraceback"):
        return False
    if getattr(getattr(shell, "InteractiveTB", None), "mode", "Minimal") == "Minimal":
        return False
    if getattr(shell, "custom_exceptions", ()):
        return getattr(getattr(shell, "CustomTB", None), "_dlcourse", False)
    shell.set_custom_exc((Exception,), _handler)
    shell.CustomTB.__func__._dlcourse = True
    return True

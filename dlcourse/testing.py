"""Public test helpers: checks that tell a learner precisely what is wrong.

Every check raises :class:`CheckFailed` (an ``AssertionError``) with a message a learner
can act on, e.g.::

    propagate returned dw with shape (1, 4); expected (4, 1)
    sigmoid(z) is wrong at index (0, 2): expected 0.880797, got 0.5 (rtol=1e-06, atol=1e-08);
      3 of 4 elements differ

The notebooks' test cells call these helpers; the hidden tests use the same helpers, so
their messages describe the learner's result, never the hidden test's code.
"""

from __future__ import annotations

import numbers

import numpy as np

__all__ = [
    "CheckFailed",
    "check_type",
    "check_shape",
    "check_dtype",
    "check_label_dtype",
    "check_tensor",
    "check_finite",
    "check_close",
    "check_array",
    "check_scalar",
    "check_equal",
    "check_keys",
    "check_unchanged",
    "run_checks",
]


class CheckFailed(AssertionError):
    """A public or hidden check failed; the message says what and where."""


def _fail(message: str) -> None:
    # ``from None`` keeps tracebacks short: the learner needs the message, not our internals.
    __tracebackhide__ = True  # IPython and pytest leave this frame out of tracebacks
    raise CheckFailed(message) from None


def _type_name(value) -> str:
    t = type(value)
    if t.__module__ in ("builtins", None):
        return t.__name__
    return f"{t.__module__}.{t.__qualname__}"


def _fmt(x) -> str:
    if isinstance(x, (float, np.floating)):
        return f"{float(x):.6g}"
    if isinstance(x, np.ndarray) and x.size > 8:
        return np.array2string(x, precision=4, threshold=8, edgeitems=2)
    return repr(x) if not isinstance(x, np.ndarray) else np.array2string(x, precision=6)


def check_type(value, expected, name: str = "result"):
    """Fail unless ``isinstance(value, expected)``; ``expected`` may be a type or a tuple."""
    if not isinstance(value, expected):
        names = (
            " or ".join(t.__name__ for t in expected)
            if isinstance(expected, tuple)
            else expected.__name__
        )
        _fail(f"{name} has type {_type_name(value)}; expected {names}")
    return value


def check_shape(value, expected_shape, name: str = "result"):
    """Fail unless ``np.shape(value) == expected_shape``.

    The message names both shapes and, when they are transposes of each other, says so.
    """
    expected_shape = tuple(expected_shape)
    got = np.shape(value)
    if got != expected_shape:
        hint = ""
        if len(got) == len(expected_shape) == 2 and got == expected_shape[::-1]:
            hint = " (transposed?)"
        elif sorted(got) == sorted(expected_shape):
            hint = " (axes in the wrong order?)"
        elif len(got) + 1 == len(expected_shape) and 1 in expected_shape:
            hint = " (a dimension of size 1 is missing: keepdims=True or reshape?)"
        elif len(got) == len(expected_shape) + 1 and 1 in got:
            hint = " (an extra dimension of size 1: squeeze or reshape?)"
        _fail(f"{name} has shape {got}; expected {expected_shape}{hint}")
    return value


def check_dtype(value, kind: str, name: str = "result"):
    """Fail unless the array's dtype is of ``kind``: ``"float"``, ``"int"`` or ``"bool"``."""
    dtype = np.asarray(value).dtype
    ok = {
        "float": np.issubdtype(dtype, np.floating),
        "int": np.issubdtype(dtype, np.integer),
        "bool": dtype == np.bool_,
    }[kind]
    if not ok:
        _fail(f"{name} has dtype {dtype}; expected a {kind} dtype")
    return value


def check_label_dtype(labels, name: str = "result"):
    """Fail unless 0/1 labels are numbers: an integer or a float dtype (not bool, not object)."""
    dtype = np.asarray(labels).dtype
    if not (np.issubdtype(dtype, np.integer) or np.issubdtype(dtype, np.floating)):
        hint = " (convert with .astype(int) or .astype(float))" if dtype == np.bool_ else ""
        _fail(f"{name} has dtype {dtype}; expected labels as integers or floats{hint}")
    return labels


def check_tensor(value, dtype, name: str = "result"):
    """Fail unless ``value`` is a TensorFlow tensor or variable of ``dtype`` (a ``tf.DType``).

    TensorFlow is imported only when this check runs, so NumPy-only notebooks never load it.
    """
    import tensorflow as tf

    if not tf.is_tensor(value):
        _fail(f"{name} has type {_type_name(value)}; expected a TensorFlow tensor "
              "(build it with tf operations, e.g. tf.constant, tf.matmul, tf.add)")
    if value.dtype != dtype:
        _fail(f"{name} has dtype {value.dtype.name}; expected {tf.as_dtype(dtype).name}")
    return value


def check_finite(value, name: str = "result"):
    """Fail if any element is NaN or infinite, naming the first such index."""
    arr = np.asarray(value, dtype=float)
    bad = ~np.isfinite(arr)
    if bad.any():
        idx = tuple(int(i) for i in np.argwhere(bad)[0]) if arr.ndim else ()
        where = f" at index {idx}" if idx else ""
        _fail(
            f"{name} is not finite{where}: got {arr[idx] if idx else arr} "
            f"({int(bad.sum())} of {arr.size} elements are NaN or inf)"
        )
    return value


def check_close(got, expected, name: str = "result", rtol: float = 1e-6, atol: float = 1e-8):
    """Fail unless ``got`` is elementwise close to ``expected``.

    Checks shape first, then finiteness, then values. The message gives the worst element's
    index, the expected and obtained values, the tolerance and how many elements differ.
    """
    expected = np.asarray(expected, dtype=float)
    try:
        got_arr = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        _fail(f"{name} could not be read as numbers: got {_type_name(got)} {got!r:.80}")
    check_shape(got_arr, expected.shape, name)
    check_finite(got_arr, name)
    err = np.abs(got_arr - expected)
    allowed = atol + rtol * np.abs(expected)
    bad = err > allowed
    if bad.any():
        if expected.ndim == 0:
            _fail(
                f"{name} is wrong: expected {_fmt(expected.item())}, got {_fmt(got_arr.item())} "
                f"(rtol={rtol:g}, atol={atol:g})"
            )
        worst = np.unravel_index(np.argmax(np.where(bad, err - allowed, -np.inf)), err.shape)
        worst = tuple(int(i) for i in worst)
        _fail(
            f"{name} is wrong at index {worst}: expected {_fmt(expected[worst])}, "
            f"got {_fmt(got_arr[worst])} (rtol={rtol:g}, atol={atol:g}); "
            f"{int(bad.sum())} of {bad.size} elements differ"
        )
    return got


def check_array(
    got,
    expected,
    name: str = "result",
    rtol: float = 1e-6,
    atol: float = 1e-8,
    dtype: str | None = "float",
):
    """The usual full check of an array result: type, shape, dtype kind, finiteness, values."""
    check_type(got, np.ndarray, name)
    check_shape(got, np.shape(expected), name)
    if dtype is not None:
        check_dtype(got, dtype, name)
    return check_close(got, expected, name, rtol=rtol, atol=atol)


def check_scalar(got, expected, name: str = "result", rtol: float = 1e-6, atol: float = 1e-8):
    """A real number (Python or NumPy scalar, or a 0-d / size-1 array) close to ``expected``."""
    if isinstance(got, np.ndarray) and got.size == 1:
        got = got.reshape(()).item()
    if isinstance(got, bool) or not isinstance(got, numbers.Real):
        _fail(f"{name} has type {_type_name(got)}; expected a real number (float)")
    return check_close(got, expected, name, rtol=rtol, atol=atol)


def check_equal(got, expected, name: str = "result"):
    """Exact equality for ints, strings, tuples, lists and integer arrays."""
    if isinstance(expected, np.ndarray) or isinstance(got, np.ndarray):
        check_shape(got, np.shape(expected), name)
        diff = np.asarray(got) != np.asarray(expected)
        if diff.any():
            idx = tuple(int(i) for i in np.argwhere(diff)[0])
            _fail(
                f"{name} is wrong at index {idx}: expected {np.asarray(expected)[idx]!r}, "
                f"got {np.asarray(got)[idx]!r}; {int(diff.sum())} of {diff.size} elements differ"
            )
    elif got != expected:
        _fail(f"{name} is wrong: expected {expected!r}, got {got!r}")
    return got


def check_keys(got, expected_keys, name: str = "result"):
    """A dict with exactly ``expected_keys`` (names missing and unexpected keys)."""
    check_type(got, dict, name)
    expected_keys = set(expected_keys)
    missing = sorted(expected_keys - set(got))
    extra = sorted(set(got) - expected_keys)
    if missing or extra:
        parts = []
        if missing:
            parts.append(f"missing keys {missing}")
        if extra:
            parts.append(f"unexpected keys {extra}")
        _fail(f"{name} has the wrong keys: " + "; ".join(parts))
    return got


def check_unchanged(before, after, name: str = "the input"):
    """Fail if an input array was modified in place (compare with a copy taken before the call).

    Usage::

        x_copy = x.copy(); sigmoid(x); check_unchanged(x_copy, x, "x passed to sigmoid")
    """
    before, after = np.asarray(before), np.asarray(after)
    if before.shape != after.shape:
        _fail(f"{name} was modified in place: its shape changed from {before.shape} to "
              f"{after.shape}")
    diff = ~((before == after) | (np.isnan(before) & np.isnan(after))
             if before.dtype.kind == "f" else before == after)
    if diff.any():
        idx = tuple(int(i) for i in np.argwhere(diff)[0])
        _fail(f"{name} was modified in place: element {idx} changed from {_fmt(before[idx])} "
              f"to {_fmt(after[idx])} ({int(diff.sum())} of {diff.size} elements changed); "
              "work on a copy or build a new array")
    return after


def run_checks(label: str, *checks) -> None:
    """Run zero-argument callables; print one line when all pass.

    Used at the end of a public test cell so the learner sees a clear "passed" line::

        run_checks("sigmoid", lambda: check_array(sigmoid(z), expected, "sigmoid(z)"))
    """
    __tracebackhide__ = True
    for check in checks:
        check()
    print(f"\N{CHECK MARK} {label}: all public tests passed")

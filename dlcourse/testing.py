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

from . import tracebacks as _tracebacks

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
    "check_between",
    "check_equal",
    "check_keys",
    "check_unchanged",
    "run_checks",
    "likely_cause",
    "substituted",
    "vector_pairs",
    "call_as",
    "dataset_map",
    "gradients",
]


class CheckFailed(AssertionError):
    """A public or hidden check failed; the message says what and where.

    In a notebook it shows as the learner's cell line and the message, without the frames of
    these helpers (see :mod:`dlcourse.tracebacks`); in the grader's ``Minimal`` mode as
    ``CheckFailed: message``.
    """

    def _render_traceback_(self):  # IPython's protocol for an exception's own display
        return _tracebacks.render_check_failed(self)


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


def _relation_tol(rtol: float, atol: float) -> tuple[float, float]:
    # A relation must hold about as tightly as the check itself, never looser than 0.1 %:
    # a check with a wide tolerance (a trained model's cost) must not make 1.99 × look like 2 ×.
    return min(max(rtol, 1e-6), 1e-3), max(atol, 1e-12)


def _close_to(got, candidate, rtol, atol) -> bool:
    try:
        cand = np.asarray(candidate, dtype=float)
    except (TypeError, ValueError):
        return False
    if cand.shape != got.shape or not np.isfinite(cand).all():
        return False
    return bool(np.allclose(got, cand, rtol=rtol, atol=atol))


def _not_finite_cause(got, expected) -> str | None:
    if not np.isfinite(expected).all() or np.isfinite(got).all():
        return None
    where = ~np.isfinite(got)
    if np.isnan(got[where]).any():
        return ("NaN: an overflow in exp (inf / inf, inf − inf), 0/0, 0 × log(0), or the log "
                "of a negative number?")
    if (got[where] < 0).all():
        return "−inf: log(0)? (a prediction of exactly 0 or 1 in a cross-entropy)"
    return "inf: an overflow in exp (subtract the maximum first?) or a division by zero?"


_FACTOR_MESSAGES = {
    # name: (got = f × expected, got = expected / f)
    "m": ("a missing 1/m (a sum instead of a mean)?",
          "an extra 1/m (divided by m twice)?"),
    "keep_prob": ("inverted dropout: divide by keep_prob?",
                  "divided by keep_prob twice, or where there is no dropout?"),
}


def likely_cause(got, expected, rtol: float = 1e-6, atol: float = 1e-8, hints=None,
                 factors=None) -> str | None:
    """The usual relation between a wrong result and the right one, as a short question.

    ``got`` and ``expected`` are arrays of the same shape (or scalars). Relations tried, in order:

    - NaN or inf in ``got`` (where ``expected`` is finite): "log(0)? an overflow in exp?";
    - ``hints``: a list of ``(value, message)`` pairs a check passes itself, e.g. the result a
      known mistake gives (``[(loss_of_softmax_output, "softmax applied twice: from_logits?")]``);
      the message is returned as it is;
    - ``factors``: named numbers such as ``{"m": 64, "keep_prob": 0.8}``; got = expected × f or
      ÷ f gives e.g. "got = m × expected (m = 64): a missing 1/m (a sum instead of a mean)?";
    - got = −expected ("a sign flipped?"), × 2 or × ½ ("the ½ of λ/2m?"), 1 − expected,
      the transpose, values shifted by one index along an axis, the same values in another
      order, every value × the same number (arrays only), every value off by the same constant
      or each row (column) by its own ("a missing bias?"), all zeros.

    A relation counts only where it holds within the check's tolerance (at most 0.1 %) and is
    not also true of ``expected`` itself (−0 is 0; a symmetric matrix is its transpose), so a
    hint is never a guess. Returns ``None`` when no relation holds.
    """
    got = np.asarray(got, dtype=float)
    expected = np.asarray(expected, dtype=float)
    if got.shape != expected.shape:
        return None
    if not np.isfinite(got).all():
        return _not_finite_cause(got, expected)
    if not np.isfinite(expected).all():
        return None
    rtol, atol = _relation_tol(rtol, atol)
    if _close_to(got, expected, rtol, atol):  # only a tolerance question: nothing to explain
        return None

    def holds(candidate) -> bool:
        return _close_to(got, candidate, rtol, atol) and not _close_to(
            np.asarray(candidate, dtype=float), expected, rtol, atol)

    for value, message in hints or ():
        if holds(value):
            return message
    scale = float(np.abs(expected).max()) if expected.size else 0.0
    if scale <= atol:  # an all-zero expected result: every relation would hold trivially
        return None
    for fname, f in (factors or {}).items():
        try:
            f = float(f)
        except (TypeError, ValueError):
            continue
        if not np.isfinite(f) or abs(f) in (0.0, 1.0):
            continue
        times, over = _FACTOR_MESSAGES.get(
            fname, (f"a missing 1/{fname}, or an extra factor {fname}?",
                    f"an extra 1/{fname}?"))
        if holds(expected * f):
            return f"got = {fname} × expected ({fname} = {f:g}): {times}"
        if holds(expected / f):
            return f"got = expected / {fname} ({fname} = {f:g}): {over}"
    if holds(-expected):
        return "got = −expected: a sign flipped?"
    if holds(2 * expected):
        return "got = 2 × expected: a factor of 2 (the ½ of λ/2m, or of a squared error?)"
    if holds(0.5 * expected):
        return "got = expected / 2: an extra factor ½?"
    if holds(1 - expected):
        return ("got = 1 − expected: p and 1 − p swapped (a comparison the wrong way round, or "
                "σ(−z) for σ(z))?")
    if got.ndim == 2 and got.shape[0] == got.shape[1] > 1 and holds(expected.T):
        return "got = expected transposed: rows and columns swapped?"
    shifted = _shift_axis(got, expected, rtol, atol)
    if shifted is not None:
        return (f"values shifted by one index along axis {shifted}: "
                "an off-by-one in an index or a range?")
    if got.size >= 3 and _close_to(np.sort(got, axis=None), np.sort(expected, axis=None), rtol,
                                   atol):
        return ("the right values in the wrong order: a reshape where a transpose is needed, "
                "or the axes in the wrong order?")
    nonzero = np.abs(expected) > atol
    if nonzero.sum() >= 2:
        ratio = float(np.median(got[nonzero] / expected[nonzero]))
        if abs(ratio) > 1e-12 and holds(expected * ratio):
            n, inv = round(ratio), round(1 / ratio)
            if n >= 3 and abs(ratio - n) < 1e-6 * n:
                why = f"a missing 1/{n} (a sum instead of a mean, m = {n}?)"
            elif inv >= 3 and abs(1 / ratio - inv) < 1e-6 * inv:
                why = f"an extra 1/{inv} (divided by m = {inv} twice?)"
            else:
                why = "a missing or extra factor (keep_prob? a learning rate? a normalisation?)"
            return f"every value is {ratio:.6g} × the expected one: {why}"
    diff = got - expected
    if diff.size >= 3:
        offset = float(np.median(diff))
        if abs(offset) > atol and holds(expected + offset):
            return (f"every value is off by the same {offset:.6g}: a missing or extra "
                    "bias / constant term?")
    if got.ndim == 2 and diff.shape[1] >= 2 and diff.shape[0] >= 2:
        for axis, what in ((1, "each row"), (0, "each column")):
            offsets = np.median(diff, axis=axis, keepdims=True)
            if np.abs(offsets).min() > atol and holds(expected + offsets):
                return (f"{what} is off by its own constant: a missing or extra bias "
                        "(one value per " + ("row" if axis == 1 else "column") + ", broadcast)?")
    if not got.any():
        return "got is all zeros: an integer division (//), or a result never filled in?"
    return None


def _shift_axis(got, expected, rtol, atol) -> int | None:
    """The axis along which got is expected shifted by one index (the rest matching), if any."""
    for axis in range(got.ndim):
        n = got.shape[axis]
        if n < 3:
            continue

        def sl(a, b, axis=axis):
            return tuple(slice(a, b) if i == axis else slice(None) for i in range(got.ndim))

        for shift in (1, -1):
            g = got[sl(max(shift, 0), n + min(shift, 0))]
            e = expected[sl(max(-shift, 0), n + min(-shift, 0))]
            same_place = expected[sl(max(shift, 0), n + min(shift, 0))]
            # the shifted values must match, and differ from the unshifted ones (a constant
            # run along the axis shifts onto itself)
            if _close_to(g, e, rtol, atol) and not _close_to(e, same_place, rtol, atol) \
                    and np.abs(e).max() > atol:
                return axis
    return None


def check_close(got, expected, name: str = "result", rtol: float = 1e-6, atol: float = 1e-8,
                *, hints=None, factors=None):
    """Fail unless ``got`` is elementwise close to ``expected``.

    Checks shape first, then finiteness, then values. The message gives the worst element's
    index, the expected and obtained values, the tolerance, how many elements differ, and the
    likely cause when one of the usual relations holds (see :func:`likely_cause`; ``hints`` and
    ``factors`` are passed on to it).
    """
    __tracebackhide__ = True
    expected = np.asarray(expected, dtype=float)
    try:
        got_arr = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        _fail(f"{name} could not be read as numbers: got {_type_name(got)} {got!r:.80}")
    check_shape(got_arr, expected.shape, name)
    if not np.isfinite(got_arr).all() and np.isfinite(expected).all():
        try:
            check_finite(got_arr, name)
        except CheckFailed as exc:
            _fail(f"{exc}\n  likely cause: {_not_finite_cause(got_arr, expected)}")
    err = np.abs(got_arr - expected)
    allowed = atol + rtol * np.abs(expected)
    bad = err > allowed
    if bad.any():
        cause = likely_cause(got_arr, expected, rtol, atol, hints=hints, factors=factors)
        tail = f"\n  likely cause: {cause}" if cause else ""
        if expected.ndim == 0:
            _fail(
                f"{name} is wrong: expected {_fmt(expected.item())}, got {_fmt(got_arr.item())} "
                f"(rtol={rtol:g}, atol={atol:g}){tail}"
            )
        worst = np.unravel_index(np.argmax(np.where(bad, err - allowed, -np.inf)), err.shape)
        worst = tuple(int(i) for i in worst)
        _fail(
            f"{name} is wrong at index {worst}: expected {_fmt(expected[worst])}, "
            f"got {_fmt(got_arr[worst])} (rtol={rtol:g}, atol={atol:g}); "
            f"{int(bad.sum())} of {bad.size} elements differ{tail}"
        )
    return got


def check_array(
    got,
    expected,
    name: str = "result",
    rtol: float = 1e-6,
    atol: float = 1e-8,
    dtype: str | None = "float",
    *,
    hints=None,
    factors=None,
):
    """The usual full check of an array result: type, shape, dtype kind, finiteness, values."""
    __tracebackhide__ = True
    check_type(got, np.ndarray, name)
    check_shape(got, np.shape(expected), name)
    if dtype is not None:
        check_dtype(got, dtype, name)
    return check_close(got, expected, name, rtol=rtol, atol=atol, hints=hints, factors=factors)


def check_scalar(got, expected, name: str = "result", rtol: float = 1e-6, atol: float = 1e-8,
                 *, hints=None, factors=None):
    """A real number (Python or NumPy scalar, or a 0-d / size-1 array) close to ``expected``."""
    __tracebackhide__ = True
    if isinstance(got, np.ndarray) and got.size == 1:
        got = got.reshape(()).item()
    if isinstance(got, bool) or not isinstance(got, numbers.Real):
        _fail(f"{name} has type {_type_name(got)}; expected a real number (float)")
    return check_close(got, expected, name, rtol=rtol, atol=atol, hints=hints, factors=factors)


def check_between(got, low: float, high: float, name: str = "result", about: str = ""):
    """A real number in ``[low, high]``: a stated result (an accuracy, a final cost) checked in a
    band that every correct implementation reaches. ``about`` says what the band stands for::

        check_between(test_accuracy, 0.68, 0.74, "test accuracy", "the reference reaches 0.71")
    """
    __tracebackhide__ = True
    if isinstance(got, np.ndarray) and got.size == 1:
        got = got.reshape(()).item()
    if isinstance(got, bool) or not isinstance(got, numbers.Real):
        _fail(f"{name} has type {_type_name(got)}; expected a real number (float)")
    if not (low <= float(got) <= high):
        value = float(got)
        where = ("NaN, outside" if np.isnan(value) else
                 f"{_fmt(value)}, {'below' if value < low else 'above'}")
        tail = f" ({about})" if about else ""
        _fail(f"{name} is {where} the expected range [{_fmt(float(low))}, {_fmt(float(high))}]"
              f"{tail}")
    return got


def check_equal(got, expected, name: str = "result", *, hints=None, factors=None):
    """Exact equality for ints, strings, tuples, lists and integer arrays.

    For numeric arrays the message names the likely cause as :func:`check_close` does (e.g. a
    0/1 mask that is 1 − expected: a comparison the wrong way round).
    """
    __tracebackhide__ = True
    if isinstance(expected, np.ndarray) or isinstance(got, np.ndarray):
        check_shape(got, np.shape(expected), name)
        got_arr, exp_arr = np.asarray(got), np.asarray(expected)
        diff = got_arr != exp_arr
        if diff.any():
            idx = tuple(int(i) for i in np.argwhere(diff)[0])
            cause = None
            if got_arr.dtype.kind in "biuf" and exp_arr.dtype.kind in "biuf":
                cause = likely_cause(got_arr.astype(float), exp_arr.astype(float), 0.0, 0.0,
                                     hints=hints, factors=factors)
            tail = f"\n  likely cause: {cause}" if cause else ""
            _fail(
                f"{name} is wrong at index {idx}: expected {_item(exp_arr[idx])!r}, "
                f"got {_item(got_arr[idx])!r}; {int(diff.sum())} of {diff.size} elements "
                f"differ{tail}"
            )
    elif got != expected:
        # hints=[(value, message)] name the cause of a known wrong value (a swapped shape, a
        # misspelt choice) for strings, tuples and numbers too
        cause = next((msg for value, msg in (hints or ())
                      if _plain_equal(got, value) and not _plain_equal(expected, value)), None)
        tail = f"\n  likely cause: {cause}" if cause else ""
        _fail(f"{name} is wrong: expected {_item(expected)!r}, got {_item(got)!r}{tail}")
    return got


def _plain_equal(a, b) -> bool:
    try:
        return bool(a == b)
    except Exception:  # e.g. an array compared with a tuple
        return False


def _item(x):
    """A NumPy scalar as the Python number it holds (NumPy 2 prints ``np.int64(1)``)."""
    return x.item() if isinstance(x, np.generic) else x


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


class substituted:
    """Put reference versions of a function's callees into a namespace for the duration.

    A test of ``f`` that must call the learner's ``f`` (which calls ``g``) grades ``f``'s own
    logic by running it with a correct ``g``, so one bug in ``g`` costs ``g``'s points only::

        with substituted(globals(), g=_reference_g):
            check_array(f(x), expected, "f(x)")
    """

    #: the name under which a hidden block leaves the callees for :meth:`while_grading`
    HIDDEN_NAME = "_graded_callees"

    def __init__(self, namespace: dict, **replacements):
        self.namespace, self.replacements, self.saved = namespace, replacements, {}

    @classmethod
    def while_grading(cls, namespace: dict) -> "substituted":
        """Substitute the callees a hidden block left in ``namespace["_graded_callees"]``.

        For a *public* check that runs ``f`` while grading with correct callees, and with the
        learner's own callees in their notebook (where there is no hidden block)::

            ### BEGIN HIDDEN TESTS
            _graded_callees = {"zero_pad": _ref_zero_pad}
            ### END HIDDEN TESTS
            with substituted.while_grading(globals()):
                Z = conv_forward(A, W, b, hparameters)

        The entry is removed as it is read, so it cannot leak into a later cell.
        """
        return cls(namespace, **namespace.pop(cls.HIDDEN_NAME, {}))

    @classmethod
    def where_different(cls, namespace: dict, probes, rtol: float = 1e-6, atol: float = 1e-8,
                        **references) -> "substituted":
        """Substitute only the callees that disagree with their reference on ``probes`` (a
        list of argument tuples), or fail on one of them.

        A callee that agrees there changes nothing when replaced, and leaving it in place
        saves a call into the grader's process per use (while grading, a reference is called
        back from the learner's kernel: a function called 40,000 times in a loop is then slow)::

            _pairs = [(_rng.normal(size=50), _rng.normal(size=50)) for _ in range(8)]
            with substituted.where_different(globals(), _pairs, cosine_similarity=_ref_cos):
                check_equal(complete_analogy("man", "woman", "king", w2v), "queen", ...)
        """
        swap = {}
        for name, reference in references.items():
            try:
                mine = namespace[name]
                agrees = all(_agree(mine(*args), reference(*args), rtol, atol)
                             for args in probes)
            except Exception:  # noqa: BLE001 - a callee that fails is replaced
                agrees = False
            if not agrees:
                swap[name] = reference
        return cls(namespace, **swap)

    def __enter__(self):
        # while grading, a test runs in the grader's process and the function under test in
        # the learner's kernel: the grader's namespace puts the stand-ins there
        remote = getattr(self.namespace, "substitute", None)
        self.restore = remote(self.replacements) if remote and self.replacements else None
        for key, value in self.replacements.items():
            self.saved[key] = self.namespace.get(key, _MISSING)
            self.namespace[key] = value
        return self

    def __exit__(self, *exc):
        if self.restore is not None:
            self.restore()
        for key, value in self.saved.items():
            if value is _MISSING:
                self.namespace.pop(key, None)
            else:
                self.namespace[key] = value
        return False


_MISSING = object()


def vector_pairs(sizes=(3, 50), per_kind: int = 3, seed: int = 0) -> list:
    """Probe arguments ``(u, v)`` for :meth:`substituted.where_different`: random vectors of
    each size, ``u`` in float32 and in float64, ``v`` in float64 (``per_kind`` of each)."""
    rng = np.random.default_rng(seed)
    return [(rng.normal(size=n).astype(kind), rng.normal(size=n))
            for n in sizes for kind in (np.float32, np.float64) for _ in range(per_kind)]


def _agree(got, want, rtol: float, atol: float) -> bool:
    got, want = np.asarray(got), np.asarray(want)
    if got.shape != want.shape or got.dtype.kind not in "biuf" or want.dtype.kind not in "biuf":
        return False
    return bool(np.allclose(got.astype(np.float64), want.astype(np.float64), rtol=rtol,
                            atol=atol))


# ---- calls a TensorFlow test makes in special ways
#
# While grading, a test runs in the grader's process and the learner's functions in their
# kernel; a symbolic tensor (what tf.function and Dataset.map trace with) or a gradient tape
# cannot cross between the two. So a test asks for such a call by name: the learner's kernel
# makes it with :func:`call_as` (grader/rpc.py) and only the values come back. In the learner's
# own notebook (and wherever the function is an ordinary one) the same helpers make the call
# right here, with the same code.

def call_as(how: str, fn, args: tuple = (), kwargs: dict | None = None):
    """``fn(*args, **kwargs)`` made the way ``how`` says:

    - ``"graph"``: inside ``tf.function`` (traced into a graph: TensorFlow operations only);
    - ``"map"``: ``tf.data.Dataset.from_tensor_slices(args[0]).map(fn)``, its elements as a list;
    - ``"grad"``: ``(output, grads)``, ``grads`` shaped like ``args`` with the gradient of
      ``tf.reduce_sum(output)`` at every ``tf.Variable`` (None where none flows) and None at
      every other argument.
    """
    import tensorflow as tf

    kwargs = kwargs or {}
    if how == "graph":
        return tf.function(fn)(*args, **kwargs)
    if how == "map":
        return list(tf.data.Dataset.from_tensor_slices(args[0]).map(fn))
    if how == "grad":
        flat = tf.nest.flatten(args)
        variables = [x for x in flat if isinstance(x, tf.Variable)]
        with tf.GradientTape() as tape:
            out = fn(*args, **kwargs)
            total = tf.reduce_sum(out)
        grads = iter(tape.gradient(total, variables))
        return out, tf.nest.pack_sequence_as(
            args, [next(grads) if isinstance(x, tf.Variable) else None for x in flat])
    raise ValueError(f"call_as: unknown way {how!r}")


def _made_as(how: str, fn, args, kwargs):
    remote = getattr(type(fn), "call_as", None)  # a function of the learner's kernel, seen
    if remote is not None:                        # from the grader's process (grader.rpc.Handle)
        return fn.call_as(how, args, kwargs)
    return call_as(how, fn, args, kwargs)


def dataset_map(fn, values) -> list:
    """The elements of ``tf.data.Dataset.from_tensor_slices(values).map(fn)``, as a list."""
    return _made_as("map", fn, (values,), {})


def gradients(fn, *args, **kwargs):
    """``fn(*args, **kwargs)`` and the gradient of the sum of its output at each
    ``tf.Variable`` among ``args``: ``(output, grads)``, ``grads`` shaped like ``args``
    (None where no gradient flows, e.g. a parameter the function never uses)."""
    return _made_as("grad", fn, args, kwargs)


_tracebacks.install()  # the learner's kernel only; see dlcourse.tracebacks

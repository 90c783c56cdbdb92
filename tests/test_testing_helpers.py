"""The public test helpers say precisely what is wrong."""

import numpy as np
import pytest

from dlcourse.testing import (
    CheckFailed,
    check_array,
    check_close,
    check_dtype,
    check_equal,
    check_finite,
    check_keys,
    check_label_dtype,
    check_scalar,
    check_shape,
    check_tensor,
    check_type,
    check_unchanged,
    likely_cause,
    run_checks,
)


def message(func, *args, **kwargs) -> str:
    with pytest.raises(CheckFailed) as info:
        func(*args, **kwargs)
    assert isinstance(info.value, AssertionError)
    return str(info.value)


def test_wrong_type_names_both_types():
    msg = message(check_type, [1, 2], np.ndarray, "dw")
    assert msg == "dw has type list; expected ndarray"


def test_wrong_shape_gives_expected_and_got_and_transpose_hint():
    msg = message(check_shape, np.zeros((1, 4)), (4, 1), "dw")
    assert msg == "dw has shape (1, 4); expected (4, 1) (transposed?)"


def test_missing_keepdims_hint():
    msg = message(check_shape, np.zeros(3), (3, 1), "norms")
    assert "has shape (3,); expected (3, 1)" in msg and "keepdims" in msg


def test_wrong_values_give_worst_index_expected_got_and_tolerance():
    expected = np.array([[0.5, 0.25], [0.125, 1.0]])
    got = expected.copy()
    got[1, 0] = 0.2
    got[0, 1] = 0.2500001  # off by 1e-7, inside atol + rtol * 0.25: not reported
    msg = message(check_close, got, expected, "A")
    assert msg.startswith("A is wrong at index (1, 0): expected 0.125, got 0.2")
    assert "rtol=1e-06" in msg and "1 of 4 elements differ" in msg


def test_values_within_tolerance_pass():
    x = np.linspace(0, 1, 5)
    assert check_close(x + 1e-9, x, "x") is not None


def test_not_finite_names_first_bad_index():
    msg = message(check_finite, np.array([1.0, np.nan, np.inf]), "cost")
    assert msg.startswith("cost is not finite at index (1,)") and "2 of 3" in msg


def test_check_close_reports_nan_before_values():
    msg = message(check_close, np.array([np.nan]), np.array([1.0]), "A")
    assert "not finite" in msg


def test_dtype_kind():
    assert "expected a float dtype" in message(check_dtype, np.arange(3), "float", "w")
    check_dtype(np.arange(3.0), "float")


def test_check_array_runs_all_checks_in_order():
    assert "has type list" in message(check_array, [1.0], np.array([1.0]), "s")
    assert "has shape (2,)" in message(check_array, np.ones(2), np.ones(3), "s")
    assert "dtype" in message(check_array, np.ones(3, dtype=int), np.ones(3), "s")
    check_array(np.ones(3), np.ones(3), "s")


def test_scalar_accepts_numpy_and_size_one_arrays_rejects_bools_and_vectors():
    check_scalar(np.float64(0.5), 0.5, "cost")
    check_scalar(np.array([[0.5]]), 0.5, "cost")
    assert "expected a real number" in message(check_scalar, True, 1.0, "cost")
    assert "expected a real number" in message(check_scalar, np.ones(2), 1.0, "cost")
    assert "cost is wrong: expected 0.5, got 0.6" in message(check_scalar, 0.6, 0.5, "cost")


def test_equal_and_keys():
    assert "expected 3, got 4" in message(check_equal, 4, 3, "m_train")
    assert "index (1,)" in message(check_equal, np.array([1, 2]), np.array([1, 3]), "labels")
    msg = message(check_keys, {"dw": 1, "db2": 2}, ["dw", "db"], "grads")
    assert "missing keys ['db']" in msg and "unexpected keys ['db2']" in msg


def test_run_checks_prints_one_line(capsys):
    run_checks("sigmoid", lambda: check_scalar(0.5, 0.5))
    assert "sigmoid: all public tests passed" in capsys.readouterr().out
    with pytest.raises(CheckFailed):
        run_checks("sigmoid", lambda: check_scalar(0.4, 0.5))


def test_unchanged_names_the_changed_element():
    x = np.array([[1.0, 2.0], [3.0, 4.0]])
    before = x.copy()
    x[1, 0] = 0.0
    msg = message(check_unchanged, before, x, "x passed to normalize_rows")
    assert msg.startswith("x passed to normalize_rows was modified in place: element (1, 0) "
                          "changed from 3 to 0 (1 of 4")
    check_unchanged(before, before.copy())
    check_unchanged(np.array([np.nan]), np.array([np.nan]))


def test_label_dtype_accepts_numbers_rejects_bool_and_strings():
    check_label_dtype(np.array([[0, 1]]))
    check_label_dtype(np.array([[0.0, 1.0]]))
    got = message(check_label_dtype, np.array([[True, False]]), "predict(w, b, X)")
    assert "predict(w, b, X) has dtype bool" in got and ".astype(int)" in got
    assert "dtype <U1" in message(check_label_dtype, np.array(["0", "1"]), "labels")


def test_tensor_type_and_dtype():
    import tensorflow as tf  # a course requirement (c2w3a1)
    check_tensor(tf.constant([1.0]), tf.float32)
    check_tensor(tf.Variable([1.0]), tf.float32)
    got = message(check_tensor, np.array([1.0]), tf.float32, "sigmoid(0)")
    assert "sigmoid(0) has type numpy.ndarray; expected a TensorFlow tensor" in got
    got = message(check_tensor, tf.constant([1.0], dtype=tf.float64), tf.float32, "z")
    assert got == "z has dtype float64; expected float32"


# --------------------------------------------------------------------------------------------
# likely_cause: each relation fires on a planted case and never where it does not hold


RNG = np.random.default_rng(0)
SHAPES = [(), (5,), (4, 3), (3, 3), (2, 3, 4)]


def planted(shape, seed=0):
    """Expected values with no special structure: no zeros, not symmetric, not constant."""
    rng = np.random.default_rng(seed)
    x = rng.uniform(0.2, 2.0, size=shape) * rng.choice([-1.0, 1.0], size=shape)
    return np.asarray(x)


@pytest.mark.parametrize("shape", SHAPES, ids=str)
@pytest.mark.parametrize("got_of, fragment, kwargs", [
    (lambda e: e * 64, "got = m × expected (m = 64): a missing 1/m", {"factors": {"m": 64}}),
    (lambda e: e / 64, "got = expected / m (m = 64): an extra 1/m", {"factors": {"m": 64}}),
    (lambda e: e * 0.8, "got = keep_prob × expected (keep_prob = 0.8): inverted dropout: divide "
     "by keep_prob?", {"factors": {"keep_prob": 0.8}}),
    (lambda e: e / 0.8, "got = expected / keep_prob (keep_prob = 0.8): divided by keep_prob twice",
     {"factors": {"keep_prob": 0.8}}),
    (lambda e: e * 0.7, "got = lambd × expected (lambd = 0.7)", {"factors": {"lambd": 0.7}}),
    (lambda e: -e, "got = −expected: a sign flipped?", {}),
    (lambda e: 2 * e, "got = 2 × expected: a factor of 2 (the ½ of λ/2m", {}),
    (lambda e: e / 2, "got = expected / 2: an extra factor ½?", {}),
    (lambda e: 1 - e, "got = 1 − expected", {}),
])
def test_relation_fires_on_planted_case(shape, got_of, fragment, kwargs):
    expected = planted(shape)
    cause = likely_cause(got_of(expected), expected, **kwargs)
    assert cause is not None and cause.startswith(fragment), cause
    # the check's message carries it on its own line
    msg = message(check_close, got_of(expected), expected, "x", **kwargs)
    assert f"\n  likely cause: {fragment}" in msg


def test_transpose_fires_on_square_non_symmetric_only():
    expected = planted((3, 3))
    assert likely_cause(expected.T, expected).startswith("got = expected transposed")
    sym = expected + expected.T
    assert likely_cause(sym.T + 1e-3, sym) != "got = expected transposed: rows and columns swapped?"
    assert likely_cause(sym.T, sym) is None  # equal: no failure, no hint


@pytest.mark.parametrize("shape, axis", [((6,), 0), ((4, 5), 1), ((5, 2), 0), ((2, 3, 4), 2)])
def test_shift_by_one_index(shape, axis):
    expected = planted(shape)
    got = np.roll(expected, 1, axis=axis)
    first = [slice(None)] * len(shape)
    first[axis] = 0
    got[tuple(first)] = 9.0  # the first slot holds something else
    cause = likely_cause(got, expected)
    assert cause == (f"values shifted by one index along axis {axis}: an off-by-one in an index "
                     "or a range?")


def test_shift_does_not_fire_on_a_constant_run():
    expected = np.array([1.0, 1.0, 1.0, 1.0])
    got = np.array([0.3, 1.0, 1.0, 1.0])  # one wrong element, not a shift
    assert likely_cause(got, expected) is None


def test_common_ratio_on_arrays_only():
    expected = planted((4, 3))
    assert likely_cause(expected * 100, expected) == (
        "every value is 100 × the expected one: a missing 1/100 (a sum instead of a mean, "
        "m = 100?)")
    assert likely_cause(expected / 8, expected) == (
        "every value is 0.125 × the expected one: an extra 1/8 (divided by m = 8 twice?)")
    assert likely_cause(expected * 0.3, expected).endswith("(keep_prob? a learning rate? a "
                                                           "normalisation?)")
    assert likely_cause(np.float64(3.7) * 100, np.float64(3.7)) is None  # a scalar: no ratio


@pytest.mark.parametrize("shape", [(5,), (4, 3), (2, 3, 4)], ids=str)
def test_constant_offset(shape):
    expected = planted(shape)
    cause = likely_cause(expected + 0.25, expected)
    assert cause == ("every value is off by the same 0.25: a missing or extra bias / constant "
                     "term?")


def test_offset_needs_three_values():
    assert likely_cause(np.array([1.5, 2.5]), np.array([1.0, 2.0])) is None
    assert likely_cause(np.float64(1.5), np.float64(1.0)) is None


def test_all_zeros():
    expected = planted((3, 2))
    assert likely_cause(np.zeros((3, 2)), expected).startswith("got is all zeros: an integer")


@pytest.mark.parametrize("bad, fragment", [
    (np.nan, "NaN: an overflow in exp"), (-np.inf, "−inf: log(0)?"),
    (np.inf, "inf: an overflow in exp")])
def test_not_finite(bad, fragment):
    expected = planted((4,))
    got = expected.copy()
    got[2] = bad
    assert likely_cause(got, expected).startswith(fragment)
    msg = message(check_close, got, expected, "cost")
    assert msg.startswith("cost is not finite at index (2,)")
    assert f"\n  likely cause: {fragment}" in msg
    assert fragment in message(check_scalar, float(bad), 0.7, "cost")


def test_hints_name_a_known_mistake():
    logits = planted((3, 4))
    soft = np.exp(logits) / np.exp(logits).sum(axis=0)
    right = -np.log(soft[0]).mean()
    wrong = -np.log((np.exp(soft) / np.exp(soft).sum(axis=0))[0]).mean()  # softmax applied twice
    hints = [(wrong, "softmax applied twice: pass from_logits=True (or the logits)?")]
    msg = message(check_scalar, wrong, right, "cost", hints=hints)
    assert msg.endswith("\n  likely cause: softmax applied twice: pass from_logits=True "
                        "(or the logits)?")
    # a hint whose value is not the result stays silent; so does one equal to the expected value
    assert likely_cause(wrong + 0.1, right, hints=hints) is None
    assert likely_cause(wrong, right, hints=[(right, "never")]) is None
    # hints come first (a check knows its own mistakes best), even over a factor
    assert likely_cause(2.0, 1.0, hints=[(2.0, "Adam without bias correction?")]) == \
        "Adam without bias correction?"


def test_hint_values_of_another_shape_are_ignored():
    expected = planted((3,))
    got = expected + np.array([0.5, -0.2, 0.9])
    assert likely_cause(got, expected, hints=[(got.reshape(3, 1), "no")]) is None


# ---- near misses: never fire where the relation does not hold

NEAR_MISSES = [
    ("almost m ×", lambda e: e * 64 * (1 + 1e-3), {"factors": {"m": 64}}),
    ("almost −", lambda e: -e * 1.01, {}),
    ("almost 2 ×", lambda e: 2.01 * e, {}),
    ("almost ½ ×", lambda e: 0.499 * e, {}),
    ("almost keep_prob ×", lambda e: e * 0.81, {"factors": {"keep_prob": 0.8}}),
    ("almost 1 −", lambda e: 1.01 - e, {}),
]


@pytest.mark.parametrize("shape", SHAPES, ids=str)
@pytest.mark.parametrize("label, got_of, kwargs", NEAR_MISSES, ids=[n[0] for n in NEAR_MISSES])
def test_a_relation_that_almost_holds_does_not_fire(shape, label, got_of, kwargs):
    expected = planted(shape, seed=3)
    cause = likely_cause(got_of(expected), expected, **kwargs)
    if cause is not None:  # only the generic common-ratio / offset relations may hold then
        assert cause.startswith(("every value is", "got = 1 − expected")) and len(shape) > 0, cause
        ratio_or_offset = got_of(expected) / expected
        assert np.allclose(ratio_or_offset, ratio_or_offset.flat[0]) or np.allclose(
            got_of(expected) - expected, (got_of(expected) - expected).flat[0])


@pytest.mark.parametrize("shape", SHAPES, ids=str)
def test_random_wrong_values_never_fire(shape):
    hits = []
    for seed in range(200):
        rng = np.random.default_rng(seed)
        expected = planted(shape, seed=seed)
        got = rng.normal(size=shape)
        cause = likely_cause(got, expected, factors={"m": 5, "keep_prob": 0.8},
                             hints=[(expected * 3, "three?")])
        if cause is not None:
            hits.append((seed, cause))
    assert not hits


def test_one_wrong_element_never_fires():
    for shape in [(5,), (4, 3), (3, 3), (2, 3, 4)]:
        expected = planted(shape, seed=7)
        got = expected.copy()
        got.flat[1] += 0.5
        assert likely_cause(got, expected, factors={"m": 5}) is None, shape


@pytest.mark.parametrize("shape", [(), (4,), (3, 3), (2, 3, 4)], ids=str)
def test_all_zero_expected_never_fires(shape):
    expected = np.zeros(shape)
    for got in (np.ones(shape), np.full(shape, -0.5), np.random.default_rng(1).normal(size=shape)):
        assert likely_cause(got, expected, factors={"m": 5, "keep_prob": 0.8}) is None


def test_wide_tolerance_does_not_loosen_relations():
    # a check of a trained result may allow 5 %; a relation must still hold to 0.1 %
    assert likely_cause(1.97, 1.0, rtol=0.05) is None
    assert likely_cause(2.0, 1.0, rtol=0.05).startswith("got = 2 × expected")


def test_large_atol_does_not_make_every_relation_true():
    expected = np.array([0.004, -0.003, 0.002])
    assert likely_cause(-2 * expected, expected, atol=0.01) is None


def test_factors_that_cannot_tell_are_skipped():
    expected = planted((4,))
    for f in (0, 1, -1, np.nan, np.inf, "m"):
        cause = likely_cause(expected * 3, expected, factors={"m": f})
        assert cause is None or not cause.startswith("got = m"), (f, cause)


def test_no_cause_no_line():
    msg = message(check_close, np.array([1.0, 5.0, 2.0]), np.array([1.0, 2.0, 3.0]), "A")
    assert "likely cause" not in msg


def test_between_names_the_band_and_the_side():
    from dlcourse.testing import check_between

    check_between(0.71, 0.68, 0.74, "test accuracy")
    check_between(np.array([0.7]), 0.68, 0.74, "test accuracy")
    msg = message(check_between, 0.5, 0.68, 0.74, "test accuracy", "the reference reaches 0.71")
    assert msg == ("test accuracy is 0.5, below the expected range [0.68, 0.74] (the reference "
                   "reaches 0.71)")
    assert "above the expected range" in message(check_between, 0.9, 0.68, 0.74, "acc")
    assert "NaN, outside the expected range" in message(check_between, np.nan, 0.0, 1.0, "cost")
    assert "expected a real number" in message(check_between, "0.7", 0.0, 1.0, "acc")


@pytest.mark.parametrize("shape", [(6,), (4, 3), (2, 3, 4)], ids=str)
def test_the_right_values_in_the_wrong_order(shape):
    expected = planted(shape, seed=5)
    got = expected.reshape(-1)[::-1].reshape(shape)  # not a shift, not a transpose
    assert likely_cause(got, expected).startswith("the right values in the wrong order")
    got = expected.T.reshape(shape) if len(shape) == 2 else got  # reshape instead of transpose
    assert likely_cause(got, expected).startswith("the right values in the wrong order")
    assert likely_cause(np.sort(expected, axis=None).reshape(shape) + 1e-3, expected) is None


def test_a_bias_per_row_or_per_column():
    expected = planted((3, 5), seed=2)
    b = np.array([[0.5], [-1.0], [0.25]])
    assert likely_cause(expected - b, expected) == (
        "each row is off by its own constant: a missing or extra bias (one value per row, "
        "broadcast)?")
    per_column = np.array([[0.1, 0.2, 0.3, 0.4, 0.5]])
    assert likely_cause(expected + per_column, expected).startswith("each column is off by its")
    got = expected - b
    got[0, 0] += 0.3  # one element breaks it
    assert likely_cause(got, expected) is None


def test_equal_names_numpy_scalars_plainly_and_the_likely_cause():
    mask = np.array([[1, 0, 1], [0, 0, 1]])
    msg = message(check_equal, 1 - mask, mask, "D1")
    assert msg.startswith("D1 is wrong at index (0, 0): expected 1, got 0; 6 of 6 elements differ")
    assert msg.endswith("\n  likely cause: got = 1 − expected: p and 1 − p swapped (a comparison "
                        "the wrong way round, or σ(−z) for σ(z))?")
    msg = message(check_equal, np.array([1, 2, 4]), np.array([1, 2, 3]), "labels")
    assert "likely cause" not in msg and "expected 3, got 4" in msg
    assert message(check_equal, np.int64(4), 3, "m") == "m is wrong: expected 3, got 4"
    assert "likely cause" not in message(check_equal, np.array(["a", "b"]), np.array(["a", "c"]))


def test_substituted_restores_the_learners_functions_even_when_a_check_fails():
    from dlcourse.testing import substituted

    ns = {"g": "learner's g"}
    with pytest.raises(CheckFailed):
        with substituted(ns, g="reference g", h="reference h"):
            assert ns["g"] == "reference g" and ns["h"] == "reference h"
            raise CheckFailed("a check failed")
    assert ns == {"g": "learner's g"}


def test_substituted_while_grading_uses_and_removes_the_hidden_callees():
    from dlcourse.testing import substituted

    ns = {"g": "learner's g", "_graded_callees": {"g": "reference g"}}
    with substituted.while_grading(ns):
        assert ns["g"] == "reference g"
    assert ns == {"g": "learner's g"}  # the hidden entry cannot reach a later cell
    with substituted.while_grading(ns):  # the learner's notebook: no hidden block
        assert ns["g"] == "learner's g"


def test_check_equal_names_the_cause_of_a_known_wrong_value_of_any_type():
    from dlcourse.testing import check_equal

    hints = [((2, 4), "W1 X needs as many columns in W1 as X has rows?"),
             ("sgd", "momentum converges first here?")]
    with pytest.raises(CheckFailed) as info:
        check_equal((2, 4), (4, 2), "predicted_shapes['W1']", hints=hints)
    assert "expected (4, 2), got (2, 4)" in str(info.value)
    assert "likely cause: W1 X needs as many columns" in str(info.value)
    with pytest.raises(CheckFailed) as info:
        check_equal("adam", "momentum", "first_to_converge", hints=hints)
    assert "likely cause" not in str(info.value)  # no hint for this value: no guess
    with pytest.raises(CheckFailed) as info:
        check_equal("sgd", "momentum", "first_to_converge", hints=hints)
    assert "likely cause: momentum converges first here?" in str(info.value)
    check_equal((4, 2), (4, 2), "shape", hints=[((4, 2), "never shown for a right value")])


def test_where_different_substitutes_only_a_callee_that_disagrees():
    from dlcourse.testing import substituted

    def reference(u, v):
        return float(np.dot(u, v))

    probes = [(np.arange(3.0), np.ones(3)), (np.ones(2), np.ones(2))]
    right, wrong, broken = (lambda u, v: np.dot(u, v) + 1e-12, lambda u, v: np.dot(u, v) + 1,
                            lambda u, v: 1 / 0)
    ns = {"f": right, "g": wrong, "h": broken}
    with substituted.where_different(ns, probes, f=reference, g=reference, h=reference):
        assert ns["f"] is right and ns["g"] is reference and ns["h"] is reference
    assert ns == {"f": right, "g": wrong, "h": broken}
    shape = {"f": lambda u, v: np.array([np.dot(u, v)])}  # right value, wrong shape
    with substituted.where_different(shape, probes, f=reference):
        assert shape["f"] is reference

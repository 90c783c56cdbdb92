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

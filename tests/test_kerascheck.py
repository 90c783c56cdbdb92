"""dlcourse.kerascheck: layer-by-layer structure checks say which layer differs and how."""

import os

import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
keras = pytest.importorskip("keras")

from dlcourse.kerascheck import check_model_structure, model_rows  # noqa: E402
from dlcourse.testing import CheckFailed  # noqa: E402

ROWS = [
    ("InputLayer", (None, 6), 0),
    ("Embedding", (None, 6, 4), 40, {"trainable": False}),
    ("LSTM", (None, 6, 3), 4 * 3 * (4 + 3 + 1), {"units": 3, "return_sequences": True}),
    ("Dropout", (None, 6, 3), 0, {"rate": 0.5}),
    ("LSTM", (None, 3), 4 * 3 * (3 + 3 + 1), {"units": 3, "return_sequences": False}),
    ("Dense", (None, 2), 8, {"activation": "linear"}),
    ("Activation", (None, 2), 0, {"activation": "softmax"}),
]


def build(dropout=True, second_sequences=False, trainable=False, units=3):
    x_in = keras.Input(shape=(6,), dtype="int32")
    x = keras.layers.Embedding(10, 4, trainable=trainable)(x_in)
    x = keras.layers.LSTM(units, return_sequences=True)(x)
    if dropout:
        x = keras.layers.Dropout(0.5)(x)
    x = keras.layers.LSTM(units, return_sequences=second_sequences)(x)
    x = keras.layers.Dense(2)(x)
    x = keras.layers.Activation("softmax")(x)
    return keras.Model(inputs=x_in, outputs=x)


def message(model, rows=ROWS) -> str:
    with pytest.raises(CheckFailed) as info:
        check_model_structure(model, rows, "net")
    return str(info.value)


def test_the_right_model_passes_and_rows_describe_it():
    model = build()
    assert check_model_structure(model, ROWS, "net") is model
    rows = model_rows(model, config_keys=("units",))
    assert [r[0] for r in rows] == [r[0] for r in ROWS]
    assert rows[2] == ("LSTM", (None, 6, 3), 96, {"units": 3})


def test_a_missing_layer_is_named():
    msg = message(build(dropout=False))
    assert msg.startswith("net has 6 layers; expected 7:")
    assert "likely cause: missing Dropout?" in msg


def test_a_wrong_setting_names_the_layer_and_the_setting():
    assert message(build(second_sequences=True)) == (
        "layer 4 (LSTM) of net: return_sequences is True; expected False")
    assert message(build(trainable=True)) == (
        "layer 1 (Embedding) of net: trainable is True; expected False")


def test_a_wrong_size_shows_in_the_settings_first():
    assert message(build(units=4)) == "layer 2 (LSTM) of net: units is 4; expected 3"


def test_unchecked_fields_are_skipped_and_shapes_and_counts_compared():
    rows = [(r[0], None, None) for r in ROWS]
    check_model_structure(build(units=4, trainable=True), rows, "net")
    rows = [(r[0], r[1], r[2]) for r in ROWS]
    assert message(build(units=4), rows) == (
        "layer 2 (LSTM) of net has output shape (None, 6, 4); expected (None, 6, 3)")


def test_not_a_model():
    with pytest.raises(CheckFailed, match="net has type list; expected a Keras Model"):
        check_model_structure([], ROWS, "net")

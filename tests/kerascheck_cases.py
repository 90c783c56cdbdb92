"""dlcourse.kerascheck compares Keras models layer by layer and names the first difference."""

import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")

import pytest

tf = pytest.importorskip("tensorflow")

from dlcourse.kerascheck import (  # noqa: E402
    call_rows,
    check_layer_table,
    check_model_structure,
    check_shared_layers,
    describe_model,
    format_rows,
    layer_type,
    quietly,
    show_prediction,
)
from dlcourse.testing import CheckFailed  # noqa: E402

tfl = tf.keras.layers

HAPPY = [
    ("ZeroPadding2D", (None, 70, 70, 3), 0, {"padding": 3}),
    ("Conv2D", (None, 64, 64, 32), 4736,
     {"filters": 32, "kernel_size": 7, "strides": 1, "padding": "valid", "activation": None}),
    ("BatchNormalization", (None, 64, 64, 32), 128, {"axis": 3}),
    ("ReLU", (None, 64, 64, 32), 0),
    ("MaxPooling2D", (None, 32, 32, 32), 0, {"pool_size": 2, "strides": 2, "padding": "valid"}),
    ("Flatten", (None, 32768), 0),
    ("Dense", (None, 1), 32769, {"units": 1, "activation": "sigmoid"}),
]


def happy(*, kernel=7, axis=3, drop=None, extra=False, act="sigmoid", relu=None):
    layers = [tf.keras.Input(shape=(64, 64, 3)), tfl.ZeroPadding2D(3),
              tfl.Conv2D(32, kernel), tfl.BatchNormalization(axis=axis),
              relu if relu is not None else tfl.ReLU(), tfl.MaxPooling2D(), tfl.Flatten()]
    if extra:
        layers.append(tfl.Dense(8, activation="relu"))
    layers.append(tfl.Dense(1, activation=act))
    if drop is not None:
        del layers[drop]
    return tf.keras.Sequential(layers)


def message(func, *args, **kwargs) -> str:
    with pytest.raises(CheckFailed) as info:
        func(*args, **kwargs)
    return str(info.value)


def test_correct_model_passes_and_describe_gives_the_rows():
    model = happy()
    assert check_model_structure(model, HAPPY, "happyModel()") is model
    rows = describe_model(model)
    assert [r[:3] for r in rows] == [r[:3] for r in HAPPY]
    assert rows[1][3]["kernel_size"] == (7, 7) and rows[1][3]["activation"] == "linear"
    assert "32769" in format_rows(rows)


def test_wrong_kernel_size_names_layer_and_setting():
    msg = message(check_model_structure, happy(kernel=3), HAPPY, "happyModel()")
    assert msg == "happyModel(): layer 2 (Conv2D): kernel_size (3, 3); expected (7, 7)"


def test_missing_layer_is_located():
    msg = message(check_model_structure, happy(drop=4), HAPPY, "happyModel()")  # no ReLU
    assert msg == ("happyModel(): model has 6 layers; expected 7 "
                   "(a ReLU missing after layer 3 (BatchNormalization)?)")


def test_extra_layer_is_located():
    msg = message(check_model_structure, happy(extra=True), HAPPY, "m")
    assert msg == "m: model has 8 layers; expected 7 (layer 7, a Dense, is one too many?)"


def test_wrong_output_activation():
    msg = message(check_model_structure, happy(act=None), HAPPY, "m")
    assert msg == "m: layer 7 (Dense): activation 'linear'; expected 'sigmoid'"


def test_batchnorm_axis_is_normalized_and_checked():
    check_model_structure(happy(axis=-1), HAPPY, "m")  # -1 is the channels axis too
    msg = message(check_model_structure, happy(axis=1), HAPPY, "m")
    assert msg == "m: layer 3 (BatchNormalization): axis 1; expected 3"


def test_activation_relu_layer_counts_as_relu():
    check_model_structure(happy(relu=tfl.Activation("relu")), HAPPY, "m")
    # ... also against the rows of a model with a ReLU layer, settings included
    check_model_structure(happy(relu=tfl.Activation("relu")), describe_model(happy()), "m")
    check_model_structure(happy(), describe_model(happy(relu=tfl.Activation("relu"))), "m")
    assert layer_type(tfl.Activation("relu")) == "ReLU"
    assert layer_type(tfl.Activation("tanh")) == "Activation"


def test_same_types_different_order_names_the_layer():
    model = tf.keras.Sequential([tf.keras.Input(shape=(8, 8, 1)), tfl.ReLU(), tfl.Flatten()])
    rows = [("Flatten", (None, 64), 0), ("ReLU", (None, 64), 0)]
    msg = message(check_model_structure, model, rows, "m")
    assert msg == "m: layer 1 is a ReLU; expected a Flatten"


def test_wrong_shape_and_params_are_reported():
    model = tf.keras.Sequential([tf.keras.Input(shape=(8, 8, 1)), tfl.Conv2D(4, 3, use_bias=False)])
    msg = message(check_model_structure, model, [("Conv2D", (None, 6, 6, 4), 40)], "m")
    assert msg == "m: layer 1 (Conv2D): 36 parameters; expected 40"
    msg = message(check_model_structure, model, [("Conv2D", (None, 8, 8, 4), 36)], "m")
    assert msg == "m: layer 1 (Conv2D): output shape (None, 6, 6, 4); expected (None, 8, 8, 4)"


def test_functional_model_skips_the_input_layer_and_pool_strides_default():
    inputs = tf.keras.Input(shape=(16, 16, 3))
    x = tfl.Conv2D(8, 4, padding="same")(inputs)
    x = tfl.MaxPool2D(pool_size=4, padding="same")(x)
    model = tf.keras.Model(inputs, tfl.Flatten()(x))
    rows = [("Conv2D", (None, 16, 16, 8), 392, {"padding": "same", "kernel_size": (4, 4)}),
            ("MaxPooling2D", (None, 4, 4, 8), 0, {"pool_size": 4, "strides": 4}),
            ("Flatten", (None, 128), 0)]
    check_model_structure(model, rows, "m")
    rows[1] = ("MaxPooling2D", (None, 4, 4, 8), 0, {"pool_size": 4, "strides": 2})
    assert message(check_model_structure, model, rows, "m") == \
        "m: layer 2 (MaxPooling2D): strides (4, 4); expected (2, 2)"


def test_model_without_input_and_non_models():
    unbuilt = tf.keras.Sequential([tfl.Flatten(), tfl.Dense(1)])
    msg = message(check_model_structure, unbuilt, [("Flatten", (None, 4), 0),
                                                   ("Dense", (None, 1), 5)], "m")
    assert "no output shape" in msg and "tf.keras.Input" in msg
    assert "is not a Keras model" in message(check_model_structure, None, HAPPY, "m")


def test_quietly_silences_the_input_shape_warning(capfd):
    model = quietly(lambda: tf.keras.Sequential([tfl.Flatten(input_shape=(2, 2)), tfl.Dense(1)]))
    assert model.layers[-1].output.shape == (None, 1)
    assert capfd.readouterr().err == ""


TABLE = [(r[0], r[1], r[2]) for r in HAPPY]


def test_layer_table_accepts_both_shape_forms():
    check_layer_table(TABLE, TABLE, "happy_model_shapes()")
    no_batch = [(t, s[1:], p) for t, s, p in TABLE]
    check_layer_table(no_batch, TABLE, "happy_model_shapes()")


@pytest.mark.parametrize("index,row,part", [
    (1, ("Conv2D", (None, 64, 64, 32), 4704), "the biases left out"),
    (1, ("Conv2D", (None, 63, 63, 32), 4736), "off-by-one"),
    (1, ("Conv2D", (None, 64, 64, 32), 1600), "all the input channels"),
    (2, ("BatchNormalization", (None, 64, 64, 32), 64), "moving mean and variance"),
    (5, ("Flatten", (None, 1024), 0), "n_H * n_W * n_C"),
    (0, ("ZeroPadding2D", (None, 67, 67, 3), 0), "n_H + 2p"),
    (6, ("Dense", (None, 1), 32768), "the biases left out"),
])
def test_layer_table_names_row_and_likely_cause(index, row, part):
    rows = list(TABLE)
    rows[index] = row
    msg = message(check_layer_table, rows, TABLE, "p", input_shape=(64, 64, 3))
    assert msg.startswith(f"p, row {index + 1} ({row[0]}):") and part in msg, msg


# The six-class network of c4w1a2 ("same" padding everywhere), for a 30 x 45 x 1 input.
SAME_TABLE = [("Conv2D", (None, 30, 45, 8), 136), ("ReLU", (None, 30, 45, 8), 0),
              ("MaxPooling2D", (None, 4, 6, 8), 0), ("Conv2D", (None, 4, 6, 16), 528),
              ("ReLU", (None, 4, 6, 16), 0), ("MaxPooling2D", (None, 1, 2, 16), 0),
              ("Flatten", (None, 32), 0), ("Dense", (None, 6), 198)]


@pytest.mark.parametrize("index,row,part", [
    (0, ("Conv2D", (None, 27, 42, 8), 136), "padding='valid' instead of 'same'"),
    (3, ("Conv2D", (None, 3, 5, 16), 528), "padding='valid' instead of 'same'"),
    (2, ("MaxPooling2D", (None, 30, 45, 8), 0), "a stride of 1?"),
    (2, ("MaxPooling2D", (None, 3, 5, 8), 0), "padding='same' gives ceil(n / s)"),
    (3, ("Conv2D", (None, 4, 6, 16), 512), "the biases left out"),
])
def test_layer_table_same_padding_hints(index, row, part):
    rows = list(SAME_TABLE)
    rows[index] = row
    msg = message(check_layer_table, rows, SAME_TABLE, "p", input_shape=(30, 45, 1))
    assert msg.startswith(f"p, row {index + 1} ({row[0]}):") and part in msg, msg


@pytest.mark.parametrize("index,row", [
    (0, ("Conv2D", (None, 20, 45, 8), 136)),       # smaller in one dimension only
    (2, ("MaxPooling2D", (None, 30, 6, 8), 0)),     # the size of the layer before in one only
    (6, ("Flatten", (None, 30), 0)),
    (2, ("MaxPooling2D", (None, 5, 7, 8), 0)),      # one more, not floor instead of ceil
])
def test_layer_table_same_padding_near_misses(index, row):
    rows = list(SAME_TABLE)
    rows[index] = row
    msg = message(check_layer_table, rows, SAME_TABLE, "p", input_shape=(30, 45, 1))
    assert "'valid' instead of 'same'" not in msg and "a stride of 1?" not in msg, msg


def test_show_prediction_counts_the_layers_that_agree(capsys):
    inp = tf.keras.Input(shape=(8, 8, 1))
    model = tf.keras.Model(inp, tfl.Flatten()(tfl.Conv2D(2, 3)(inp)))
    right = [("Conv2D", (None, 6, 6, 2), 20), ("Flatten", (72,), 0)]  # None may be left out
    assert show_prediction(right, model) == 2
    wrong = [("Conv2D", (None, 6, 6, 2), 18), ("Flatten", (None, 72), 0)]  # biases forgotten
    assert show_prediction(wrong, model) == 1
    out = capsys.readouterr().out
    assert "your prediction" in out and "agrees with the model on 1 of 2 layers" in out


def test_layer_table_format_errors():
    assert "has 6 rows; expected 7" in message(check_layer_table, TABLE[:6], TABLE, "p")
    rows = list(TABLE)
    rows[4] = ("MaxPooling2D", (None, 32.0, 32.0, 32), 0)
    assert "use //" in message(check_layer_table, rows, TABLE, "p")
    rows[4] = ("MaxPool", (None, 32, 32, 32), 0)
    assert "layer type 'MaxPool'; expected 'MaxPooling2D'" in message(
        check_layer_table, rows, TABLE, "p")


# Functional models whose rows name the InputLayer (c5w2a2): any get_config() entry can be
# compared (return_sequences, trainable, rate), and None leaves a shape or count unchecked.
SEQ_ROWS = [
    ("InputLayer", (None, 6), 0),
    ("Embedding", (None, 6, 4), 40, {"trainable": False}),
    ("LSTM", (None, 6, 3), 4 * 3 * (4 + 3 + 1), {"units": 3, "return_sequences": True}),
    ("Dropout", (None, 6, 3), 0, {"rate": 0.5}),
    ("LSTM", (None, 3), 4 * 3 * (3 + 3 + 1), {"units": 3, "return_sequences": False}),
    ("Dense", (None, 2), 8, {"activation": "linear"}),
    ("Activation", (None, 2), 0, {"activation": "softmax"}),
]


def seq_model(dropout=True, second_sequences=False, trainable=False, units=3):
    x_in = tf.keras.Input(shape=(6,), dtype="int32")
    x = tfl.Embedding(10, 4, trainable=trainable)(x_in)
    x = tfl.LSTM(units, return_sequences=True)(x)
    if dropout:
        x = tfl.Dropout(0.5)(x)
    x = tfl.LSTM(units, return_sequences=second_sequences)(x)
    x = tfl.Dense(2)(x)
    x = tfl.Activation("softmax")(x)
    return tf.keras.Model(inputs=x_in, outputs=x)


def seq_message(model, rows=SEQ_ROWS) -> str:
    with pytest.raises(CheckFailed) as info:
        check_model_structure(model, rows, "net")
    return str(info.value)


def test_rows_with_the_input_layer_compare_every_layer():
    model = seq_model()
    assert check_model_structure(model, SEQ_ROWS, "net") is model
    assert "model has 6 layers; expected 7" in seq_message(seq_model(dropout=False))
    assert "Dropout missing" in seq_message(seq_model(dropout=False))


def test_config_entries_outside_the_normalized_settings_are_compared():
    assert seq_message(seq_model(second_sequences=True)) == (
        "net: layer 5 (LSTM): return_sequences True; expected False")
    assert seq_message(seq_model(trainable=True)) == (
        "net: layer 2 (Embedding): trainable True; expected False")


def test_none_leaves_a_shape_or_a_count_unchecked():
    check_model_structure(seq_model(units=4, trainable=True), [(r[0], None, None)
                                                               for r in SEQ_ROWS], "net")
    assert seq_message(seq_model(units=4), [r[:3] for r in SEQ_ROWS]) == (
        "net: layer 3 (LSTM): output shape (None, 6, 4); expected (None, 6, 3)")


def looped(Tx=4, n_a=3, n_v=5, share=True):
    """A model written as a loop over time steps, one LSTM cell shared by every step (or a new
    cell per step with ``share=False``, the learner's mistake)."""
    X = tf.keras.Input(shape=(Tx, n_v))
    a0, c0 = tf.keras.Input(shape=(n_a,)), tf.keras.Input(shape=(n_a,))
    reshaper, cell, densor = tfl.Reshape((1, n_v)), tfl.LSTM(n_a, return_state=True), \
        tfl.Dense(n_v, activation="softmax")
    a, c, outputs = a0, c0, []
    for t in range(Tx):
        step_cell = cell if share else tfl.LSTM(n_a, return_state=True)
        a, _, c = step_cell(reshaper(X[:, t, :]), initial_state=[a, c])
        outputs.append(densor(a))
    return tf.keras.Model(inputs=[X, a0, c0], outputs=outputs)


def test_shared_layers_counts_calls_and_names_a_cell_made_per_step():
    rows = call_rows(looped())
    kinds = sorted(r[0] for r in rows)
    assert kinds == ["Dense", "InputLayer", "InputLayer", "InputLayer", "LSTM", "Reshape"]
    lstm = next(r for r in rows if r[0] == "LSTM")
    assert lstm[2] == 4 * (3 * (3 + 5) + 3) and lstm[3] == 4  # 4 gates; called at 4 steps
    check_shared_layers(looped(), rows, "djmodel")
    msg = message(check_shared_layers, looped(share=False), rows, "djmodel")
    assert "4 LSTM layers, expected 1: a new layer created at each step" in msg
    fewer = message(check_shared_layers, looped(Tx=3), [r[:3] + (4,) if r[0] != "InputLayer"
                                                         else r for r in call_rows(looped(Tx=3))],
                    "djmodel")
    assert "is called 3 times inside the model; expected 4" in fewer
    assert "expected a Keras Model" in message(check_shared_layers, "model", rows, "djmodel")

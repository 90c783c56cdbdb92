# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Convolutional networks in Keras: the Sequential and the Functional API
#
# In the previous notebook you wrote a convolution and a pooling layer in NumPy, loops and all.
# Now you build whole convolutional networks with **Keras**, the high-level part of
# TensorFlow, where a layer is one line and training is one call. Keras hides a lot; this
# notebook opens the box first: what a layer holds, how shapes and parameter counts follow
# from the formulas of the lectures, and what `compile`, `fit`, `evaluate` and `predict` do.
#
# **By the end you will have written**
#
# - `happy_model_shapes`: the output shape and the number of parameters of every layer of a
#   small network, predicted from the formulas before Keras shows them;
# - `happyModel`: that network, with the **Sequential** API, which tells happy faces from the
#   others;
# - `conv_model_shapes`: the same prediction for the six-class network, whose layers pad
#   with "same";
# - `convolutional_model`: a network for the six classes of course 2, with the **Functional**
#   API;
#
# and you will have trained both, read their learning curves, and seen when the Functional API
# is needed.
#
# **How this notebook works**
#
# - Write your code between `# YOUR CODE HERE` and the `return` line of each exercise, and delete
#   the `raise NotImplementedError()` line. Do not rename the functions or change their arguments.
# - Each exercise is followed by a test cell. A line ending in "all public tests passed" means
#   the visible checks agree with your code. The grader runs more tests (other input shapes and
#   sizes), so passing the public tests is necessary, not sufficient.
# - Run the cells in order. If something behaves strangely, use *Kernel → Restart and run all*.
# - Only the exercise cells are graded: the grader runs the released notebook with your
#   exercise cells put in, so cells you add yourself do not run there. Keep every helper
#   function or import that your answer needs inside its exercise cell.
# - Demonstration cells (training, plots; they carry the tag `demo`) are skipped by the grader.
#   Run them anyway: they are the point of the exercises. Training takes a few tens of seconds.

# %% [markdown]
# ## 1 - Packages
#
# TensorFlow is imported once, here (the first import takes several seconds). Its Keras is
# `tf.keras`; the layers are used so often that they get a short name, `tfl`. From `dlcourse`
# come the data loaders, a picture grid (`montage`), the test helpers, and
# `dlcourse.kerascheck`, which compares a Keras model with an expected structure layer by
# layer (the test cells use it).

# %%
import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"

import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf

from dlcourse.data import load_happy_dataset, load_six_classes
from dlcourse.kerascheck import (
    check_layer_table,
    check_model_structure,
    describe_model,
    quietly,
    show_prediction,
)
from dlcourse.plots import montage
from dlcourse.testing import check_close, check_equal, check_type, run_checks

tfl = tf.keras.layers
print("TensorFlow", tf.__version__, "with Keras", tf.keras.version())

# %% [markdown]
# ## 2 - Keras in one page
#
# ### 2.1 - A layer is a function that holds its weights
#
# A Keras **layer** is an object you call like a function on a batch of examples. It knows its
# settings (for a convolution: the number of filters, the filter size $f$, the stride $s$, the
# padding) and it owns its **weights**, the $W$ and $b$ of the lectures, which it creates the
# first time it sees an input, because only then does it know the number of input channels
# $n_C^{[l-1]}$.
#
# Keras works with **one example per row**: a batch of $m$ colour pictures is an array of shape
# $(m, n_H, n_W, n_C)$, as in the NumPy convolution of the last notebook.

# %% tags=["demo"]
conv = tfl.Conv2D(filters=4, kernel_size=3, strides=1, padding="valid")
print("weights before the first call:", conv.weights)

batch = np.random.default_rng(0).random((2, 10, 10, 3)).astype(np.float32)  # m = 2 pictures
out = conv(batch)
print("input shape: ", batch.shape)
print("output shape:", out.shape)
for w in conv.weights:
    print(f"  {w.name:8s} shape {tuple(w.shape)}  trainable: {w.trainable}")
print("parameters:", conv.count_params(), "= 3*3*3*4 weights + 4 biases")
assert out.shape == (2, 8, 8, 4) and conv.count_params() == 3 * 3 * 3 * 4 + 4

# %% [markdown]
# The kernel has the shape $(f, f, n_C^{[l-1]}, n_C^{[l]})$ = (3, 3, 3, 4) you used in NumPy,
# and there is one bias per filter. The output is $8 \times 8$ because a "valid" convolution
# (no padding) of a $10 \times 10$ picture with a $3 \times 3$ filter fits in $10 - 3 + 1 = 8$
# positions per direction.
#
# **Trainable and non-trainable weights.** Most weights are *trainable*: gradient descent
# updates them. Some layers also keep numbers that are not learned by gradient descent.
# **Batch normalization** (course 2) is the example: it holds
#
# - $\gamma$ and $\beta$, one per channel, **trainable**: the scale and shift it learns;
# - a **moving mean** and a **moving variance**, one per channel, **non-trainable**: running
#   averages of the means and variances of the mini-batches seen during training.
#
# During training (`training=True`) the layer normalizes each channel with the mean and variance
# of the *current mini-batch* and updates the running averages. At prediction time
# (`training=False`, the default when you call a layer or a model yourself) it uses the running
# averages instead, so that the prediction for one picture does not depend on the other pictures
# of its batch. The running averages start at mean 0 and variance 1: before any training the
# layer barely changes its input.

# %% tags=["demo"]
bn = tfl.BatchNormalization(axis=3)
x = 5.0 + 2.0 * np.random.default_rng(1).standard_normal((8, 4, 4, 3)).astype(np.float32)
y_predict_mode = bn(x, training=False).numpy()  # before any training
y_train_mode = bn(x, training=True).numpy()
for w in bn.weights:
    print(f"  {w.name:16s} shape {tuple(w.shape)}  trainable: {w.trainable}")
print("input:                  mean %.2f, std %.2f" % (x.mean(), x.std()))
print("training=True output:   mean %.2f, std %.2f" % (y_train_mode.mean(), y_train_mode.std()))
print("training=False output:  mean %.2f, std %.2f" % (y_predict_mode.mean(),
                                                        y_predict_mode.std()))
print("moving mean after one training call:", bn.moving_mean.numpy().round(3))
print("batch mean of each channel:         ", x.mean(axis=(0, 1, 2)).round(3))
assert len(bn.trainable_weights) == 2 and len(bn.non_trainable_weights) == 2
assert abs(y_train_mode.mean()) < 0.01 and abs(y_train_mode.std() - 1) < 0.01
assert abs(y_predict_mode.mean() - x.mean()) < 0.01
assert np.allclose(bn.moving_mean.numpy(), 0.01 * x.mean(axis=(0, 1, 2)), rtol=1e-3)

# %% [markdown]
# With `training=False`, before any training, the running averages (mean 0, variance 1) leave
# the input as it was (mean about 5); with `training=True` the output has mean 0 and standard
# deviation 1. The training call moved the running mean only a little, from 0 to 1 % of the
# batch mean: the running averages are updated as
# $\mu_{\text{moving}} := 0.99\, \mu_{\text{moving}} + 0.01\, \mu_{\text{batch}}$
# (0.99 is the layer's `momentum`), so they need a few hundred mini-batches to settle. `fit`
# passes `training=True` for you; `predict` and `evaluate` use `training=False`.
#
# Batch normalization has $4 n_C$ parameters in all, of which $2 n_C$ are trainable;
# `model.summary()` counts all four kinds.
#
# ### 2.2 - How shapes flow, and what costs parameters
#
# Keras writes the batch dimension as `None`: a layer accepts any number of examples, so the
# output of a convolution on $(n_H, n_W, n_C)$ pictures has the shape
# `(None, n_H', n_W', n_C')`. For one layer with filter (or window) size $f$, stride $s$ and
# padding $p$, the lectures' formula gives the output height (and likewise the width):
#
# $$n_H^{[l]} = \left\lfloor \frac{n_H^{[l-1]} + 2p - f}{s} \right\rfloor + 1 .$$
#
# In Keras, `padding="valid"` means $p = 0$, and `padding="same"` pads just enough that
# $n_H^{[l]} = \lceil n_H^{[l-1]} / s \rceil$ (the same size when $s = 1$). A `ZeroPadding2D(p)`
# layer adds $p$ rows of zeros at the top and the bottom and $p$ columns at each side.
#
# | layer | output shape | parameters |
# |---|---|---|
# | `ZeroPadding2D(p)` | $(n_H + 2p,\ n_W + 2p,\ n_C)$ | 0 |
# | `Conv2D(n_C', f, strides=s)` | by the formula, $n_C'$ channels | $f^2 \, n_C \, n_C' + n_C'$ |
# | `BatchNormalization` | unchanged | $4 n_C$ ($\gamma$, $\beta$, moving mean, moving variance) |
# | `ReLU` | unchanged | 0 |
# | `MaxPooling2D(f, strides=s)` | by the formula, $n_C$ channels | 0 |
# | `Flatten` | $(n_H \cdot n_W \cdot n_C)$ | 0 |
# | `Dense(n')` | $(n')$ | $n \cdot n' + n'$ |
#
# Pooling, ReLU, padding and flattening learn nothing; `MaxPooling2D()` without arguments uses
# a $2 \times 2$ window with stride 2.
#
# ### 2.3 - Models, and the four verbs `compile`, `fit`, `evaluate`, `predict`
#
# A **model** chains layers from an input to an output. The simplest kind is a
# `tf.keras.Sequential` model: a list of layers, each fed with the output of the one before.
# The list starts with `tf.keras.Input(shape=...)`, the shape of *one* example (no batch
# dimension), so that Keras can create every weight at once. (Older code passes
# `input_shape=...` to the first layer instead; Keras 3 still accepts it with a warning.)
#
# Once a model exists, four methods do all the work of the training loops you wrote in
# course 2:
#
# - `model.compile(optimizer=..., loss=..., metrics=[...])` chooses *how* to train: the
#   optimizer (e.g. `"adam"`), the cost function (e.g. `"binary_crossentropy"` for one sigmoid
#   output), and metrics to report (e.g. `"accuracy"`). Nothing is computed yet.
# - `model.fit(X, Y, epochs=..., batch_size=..., validation_data=(X_val, Y_val))` runs
#   mini-batch gradient descent: forward pass, cost, gradients, update, for every mini-batch,
#   `epochs` times over the training set. It returns a `History` object whose `history`
#   attribute is a dict of lists: the loss and metrics after each epoch, on the training set
#   (`"loss"`, `"accuracy"`) and on the validation data (`"val_loss"`, `"val_accuracy"`).
# - `model.evaluate(X, Y)` computes the loss and the metrics on a data set, without training:
#   it returns `[loss, accuracy]`.
# - `model.predict(X)` returns the output of the last layer for every example: for a sigmoid
#   output, the probabilities $\hat{y} = P(y = 1 \mid x)$, an array of shape $(m, 1)$.
#
# `model.summary()` prints the layers with their output shapes and parameter counts.
#
# ## 3 - The happy faces
#
# The first data set holds 64 × 64 colour pictures of emoji and clip-art faces on varied
# backgrounds, labelled 1 when the face smiles ("happy") and 0 otherwise (neutral, sad, angry,
# scared, sleepy, ...). No face drawing of the test set occurs in the training set: the test
# measures whether a network recognizes a smile on faces it has never seen.
#
# Keras wants one example per row, also for the labels: `Y_train` has the shape $(m, 1)$, the
# transpose of the lectures' $(1, m)$. The pixel values are divided by 255, as in course 1.

# %%
X_train_orig, Y_train_orig, X_test_orig, Y_test_orig, classes = load_happy_dataset()

X_train = (X_train_orig / 255.0).astype(np.float32)
X_test = (X_test_orig / 255.0).astype(np.float32)
Y_train = Y_train_orig.T
Y_test = Y_test_orig.T

print("number of training examples:", X_train.shape[0])
print("number of test examples:    ", X_test.shape[0])
print("X_train shape:", X_train.shape, "  Y_train shape:", Y_train.shape)
print("X_test shape: ", X_test.shape, "  Y_test shape: ", Y_test.shape)
print("classes:", classes.tolist(), " happy pictures in the training set:", int(Y_train.sum()))
assert X_train.shape == (600, 64, 64, 3) and Y_train.shape == (600, 1)

# %% tags=["demo"]
montage(X_train_orig[:16], labels=Y_train_orig[0, :16], classes=classes,
        title="The first 16 training pictures")
plt.show()

# %% [markdown]
# ## 4 - The happy model, predicted by hand
#
# The network you will build (the layer types are Keras class names):
#
# 1. `ZeroPadding2D` with $p = 3$ on the $(64, 64, 3)$ input;
# 2. `Conv2D` with 32 filters of size $7 \times 7$, stride 1, no padding ("valid");
# 3. `BatchNormalization` over the channels axis (axis 3);
# 4. `ReLU`;
# 5. `MaxPooling2D` with the default $2 \times 2$ window and stride 2;
# 6. `Flatten`;
# 7. `Dense` with one unit and a sigmoid activation: $\hat{y} = P(\text{happy} \mid x)$.
#
# ### Exercise 1 - `happy_model_shapes`
#
# Before building it, predict what `model.summary()` will show: for every layer, its output
# shape and its number of parameters. Write the prediction as a function of the input shape
# $(n_H, n_W, n_C)$, the padding $p$, the number of filters and the filter size $f$ (the other
# settings are fixed as listed above), so that it holds for any such network, and use the
# formulas and the table of section 2.2.
#
# Return a list of seven tuples `(layer type, output shape, number of parameters)`, in the order
# of the layers, e.g. `("Conv2D", (None, 64, 64, 32), 4736)`:
#
# - the layer type is one of the strings `"ZeroPadding2D"`, `"Conv2D"`,
#   `"BatchNormalization"`, `"ReLU"`, `"MaxPooling2D"`, `"Flatten"`, `"Dense"`;
# - the output shape is a tuple of ints that starts with the batch dimension `None`, as
#   `model.summary()` prints it (leaving the `None` out is accepted too);
# - the number of parameters is an int and counts the non-trainable ones too.
#
# Sizes are whole numbers: use `//` for the floor of a division (`64 / 2` is the float `32.0`).
#
# <details><summary>Hint</summary>
#
# Work down the list, keeping track of the current $(n_H, n_W, n_C)$. Only three layers have
# parameters. For the `Dense` layer the input size is the length of the flattened vector. Check
# yourself with the default arguments: the whole network has 37,633 parameters.
# </details>

# %% nbgrader={"grade_id": "happy_model_shapes", "solution": true}
# GRADED FUNCTION: happy_model_shapes
def happy_model_shapes(input_shape=(64, 64, 3), pad=3, filters=32, f=7):
    """Predict every layer's output shape and parameter count of the happy model.

    The layers: ZeroPadding2D(pad) -> Conv2D(filters, f, stride 1, "valid") ->
    BatchNormalization(axis=3) -> ReLU -> MaxPooling2D(2, stride 2) -> Flatten ->
    Dense(1, sigmoid).

    Arguments:
    input_shape -- (n_H, n_W, n_C), the shape of one input picture
    pad -- the zero padding p of the first layer
    filters -- the number of filters of the convolution
    f -- the filter size of the convolution (f x f)

    Returns:
    rows -- list of 7 tuples (layer type, output shape, number of parameters), e.g.
            ("Conv2D", (None, 64, 64, 32), 4736)
    """
    n_H, n_W, n_C = input_shape
    ### BEGIN SOLUTION
    n_H1, n_W1 = n_H + 2 * pad, n_W + 2 * pad
    n_H2, n_W2 = n_H1 - f + 1, n_W1 - f + 1
    n_H3, n_W3 = (n_H2 - 2) // 2 + 1, (n_W2 - 2) // 2 + 1
    n_flat = n_H3 * n_W3 * filters
    rows = [
        ("ZeroPadding2D", (None, n_H1, n_W1, n_C), 0),
        ("Conv2D", (None, n_H2, n_W2, filters), f * f * n_C * filters + filters),
        ("BatchNormalization", (None, n_H2, n_W2, filters), 4 * filters),
        ("ReLU", (None, n_H2, n_W2, filters), 0),
        ("MaxPooling2D", (None, n_H3, n_W3, filters), 0),
        ("Flatten", (None, n_flat), 0),
        ("Dense", (None, 1), n_flat + 1),
    ]
    ### END SOLUTION
    return rows


# %% nbgrader={"grade_id": "test_happy_model_shapes", "points": 3}
happy_rows = [
    ("ZeroPadding2D", (None, 70, 70, 3), 0),
    ("Conv2D", (None, 64, 64, 32), 4736),
    ("BatchNormalization", (None, 64, 64, 32), 128),
    ("ReLU", (None, 64, 64, 32), 0),
    ("MaxPooling2D", (None, 32, 32, 32), 0),
    ("Flatten", (None, 32768), 0),
    ("Dense", (None, 1), 32769),
]
# A smaller network: 32 x 32 grey pictures, p = 1, 8 filters of 3 x 3.
small_rows = [
    ("ZeroPadding2D", (None, 34, 34, 1), 0),
    ("Conv2D", (None, 32, 32, 8), 80),
    ("BatchNormalization", (None, 32, 32, 8), 32),
    ("ReLU", (None, 32, 32, 8), 0),
    ("MaxPooling2D", (None, 16, 16, 8), 0),
    ("Flatten", (None, 2048), 0),
    ("Dense", (None, 1), 2049),
]
run_checks(
    "happy_model_shapes",
    lambda: check_layer_table(happy_model_shapes(), happy_rows, "happy_model_shapes()",
                              input_shape=(64, 64, 3)),
    lambda: check_layer_table(happy_model_shapes((32, 32, 1), pad=1, filters=8, f=3),
                              small_rows, "happy_model_shapes((32, 32, 1), pad=1, filters=8, f=3)",
                              input_shape=(32, 32, 1)),
)
### BEGIN HIDDEN TESTS
def _hidden_happy_model_shapes():
    def _oracle(_shape, _pad, _filters, _f):
        _model = tf.keras.Sequential([
            tf.keras.Input(shape=_shape), tfl.ZeroPadding2D(_pad), tfl.Conv2D(_filters, _f),
            tfl.BatchNormalization(axis=3), tfl.ReLU(), tfl.MaxPooling2D(), tfl.Flatten(),
            tfl.Dense(1, activation="sigmoid")])
        return [_row[:3] for _row in describe_model(_model)]

    for _shape, _pad, _filters, _f in (((40, 50, 1), 1, 4, 4), ((27, 27, 2), 3, 6, 6),
                                        ((64, 48, 3), 0, 16, 5), ((33, 20, 4), 2, 5, 2)):
        _args = f"happy_model_shapes({_shape}, pad={_pad}, filters={_filters}, f={_f})"
        _want = _oracle(_shape, _pad, _filters, _f)
        _got = happy_model_shapes(_shape, pad=_pad, filters=_filters, f=_f)
        check_layer_table(_got, _want, _args, input_shape=_shape)


_hidden_happy_model_shapes()
### END HIDDEN TESTS

# %% [markdown]
# ### Exercise 2 - `happyModel`
#
# Now build the network of section 4 with the Sequential API: return a `tf.keras.Sequential`
# model whose list starts with `tf.keras.Input(shape=(64, 64, 3))` and continues with the seven
# layers, in order. Use the layers of `tfl` (`tf.keras.layers`): `tfl.ZeroPadding2D`,
# `tfl.Conv2D`, `tfl.BatchNormalization`, `tfl.ReLU`, `tfl.MaxPooling2D`, `tfl.Flatten`,
# `tfl.Dense`. Give every setting listed in section 4 (a setting you leave out takes Keras's
# default, which is not always the one you want). Return the model without compiling it.
#
# <details><summary>Hint</summary>
#
# `tfl.Conv2D(filters, kernel_size, strides=..., padding=...)` takes the filter size as an int
# (or a pair); a layer's activation is a string, e.g. `activation="sigmoid"`. Look up a
# layer's arguments with `help(tfl.ZeroPadding2D)`.
# </details>

# %% nbgrader={"grade_id": "happyModel", "solution": true}
# GRADED FUNCTION: happyModel
def happyModel():
    """The happy-face classifier, built with the Sequential API (not compiled).

    ZEROPAD2D -> CONV2D -> BATCHNORM -> RELU -> MAXPOOL -> FLATTEN -> DENSE (sigmoid)

    Returns:
    model -- a tf.keras.Sequential model for inputs of shape (64, 64, 3)
    """
    ### BEGIN SOLUTION
    model = tf.keras.Sequential([
        tf.keras.Input(shape=(64, 64, 3)),
        tfl.ZeroPadding2D(padding=3),
        tfl.Conv2D(32, 7, strides=1),
        tfl.BatchNormalization(axis=3),
        tfl.ReLU(),
        tfl.MaxPooling2D(),
        tfl.Flatten(),
        tfl.Dense(1, activation="sigmoid"),
    ])
    ### END SOLUTION
    return model


# %% nbgrader={"grade_id": "test_happyModel", "points": 4}
# (type, output shape, parameters, settings): the structure happyModel() must have.
happy_structure = [
    ("ZeroPadding2D", (None, 70, 70, 3), 0, {"padding": 3}),
    ("Conv2D", (None, 64, 64, 32), 4736,
     {"filters": 32, "kernel_size": 7, "strides": 1, "padding": "valid", "activation": None}),
    ("BatchNormalization", (None, 64, 64, 32), 128, {"axis": 3}),
    ("ReLU", (None, 64, 64, 32), 0),
    ("MaxPooling2D", (None, 32, 32, 32), 0, {"pool_size": 2, "strides": 2, "padding": "valid"}),
    ("Flatten", (None, 32768), 0),
    ("Dense", (None, 1), 32769, {"units": 1, "activation": "sigmoid"}),
]
happy_test_model = quietly(happyModel)
run_checks(
    "happyModel",
    lambda: check_equal(isinstance(happy_test_model, tf.keras.Sequential), True,
                        "isinstance(happyModel(), tf.keras.Sequential)",
                        hints=[(False, "built with the Functional API: happyModel is a "
                                       "tf.keras.Sequential([...])")]),
    lambda: check_model_structure(happy_test_model, happy_structure, "happyModel()"),
)
### BEGIN HIDDEN TESTS
def _hidden_happyModel():
    _ref = tf.keras.Sequential([
        tf.keras.Input(shape=(64, 64, 3)), tfl.ZeroPadding2D(3), tfl.Conv2D(32, 7),
        tfl.BatchNormalization(axis=3), tfl.ReLU(), tfl.MaxPooling2D(), tfl.Flatten(),
        tfl.Dense(1, activation="sigmoid")])
    _model = quietly(happyModel)
    check_model_structure(_model, describe_model(_ref), "happyModel()")
    check_equal(_model is not happy_test_model, True,
                "happyModel() returns a new model on each call")
    # The same weights must give the same predictions (moving statistics included).
    _rng = np.random.default_rng(42)
    _weights = [_rng.uniform(0.5, 1.5, _w.shape) if "variance" in _w.name
                else _rng.normal(0, 0.05, _w.shape) for _w in _ref.weights]
    _weights = [_w.astype(np.float32) for _w in _weights]
    _ref.set_weights(_weights)
    _model.set_weights(_weights)
    _x = _rng.random((3, 64, 64, 3)).astype(np.float32)
    check_close(np.asarray(_model(_x, training=False)), np.asarray(_ref(_x, training=False)),
                "happyModel()(x) with the reference's weights", rtol=1e-4, atol=1e-5)


_hidden_happyModel()
### END HIDDEN TESTS

# %% [markdown]
# Compare your prediction of exercise 1 with what Keras built: the table on the left comes from
# `happy_model_shapes()`, the one on the right from the model's layers; `model.summary()`
# follows. Keras names each layer after its type plus a number (`conv2d`, `conv2d_1`, ...), so
# the names differ from one run to the next; the types do not.

# %% tags=["demo"]
happy_model = happyModel()
show_prediction(happy_model_shapes(), happy_model)
happy_model.summary()
n_non_trainable = sum(int(np.prod(w.shape)) for w in happy_model.non_trainable_weights)
assert happy_model.count_params() == 37633 and n_non_trainable == 64

# %% [markdown]
# The summary ends with three totals: all parameters, the trainable ones and the
# non-trainable ones. The 64 non-trainable parameters are the moving means and variances of
# the 32 channels of the batch normalization.
#
# ## 5 - Training the happy model
#
# `compile` chooses Adam with a learning rate of 0.0003, the binary cross-entropy cost of
# course 1 (the output is one sigmoid unit) and the accuracy as the metric to report. `fit`
# then trains for 8 epochs on mini-batches of 32 pictures. `validation_data` makes `fit`
# measure the cost and the accuracy on the test pictures after every epoch, without training
# on them. (Strictly, decisions should be taken on a separate *dev* set and the test set kept
# for the final number; course 3 goes into this. With 150 pictures we use the test set for
# both and take no decision from it.)
#
# `tf.keras.utils.set_random_seed(1)` fixes the random initial weights and the order of the
# mini-batches, so that a run gives nearly the same numbers every time.

# %% tags=["demo"]
tf.keras.utils.set_random_seed(1)
happy_model = happyModel()
happy_model.compile(optimizer=tf.keras.optimizers.Adam(learning_rate=0.0003),
                    loss="binary_crossentropy", metrics=["accuracy"])
happy_history = happy_model.fit(X_train, Y_train, epochs=8, batch_size=32,
                                validation_data=(X_test, Y_test), verbose=2)

# %% [markdown]
# Each line printed by `fit` is one epoch: the time, then the cost and the accuracy on the
# training set (averaged over the epoch's mini-batches, while the weights were still changing)
# and on the validation data (measured after the epoch). `evaluate` measures the finished
# model on a whole set:

# %% tags=["demo"]
train_loss, train_accuracy = happy_model.evaluate(X_train, Y_train, verbose=0)
test_loss, test_accuracy = happy_model.evaluate(X_test, Y_test, verbose=0)
print(f"training set: cost {train_loss:.3f}, accuracy {train_accuracy:.3f}")
print(f"test set:     cost {test_loss:.3f}, accuracy {test_accuracy:.3f}")
assert train_accuracy >= 0.9, f"training accuracy {train_accuracy:.3f} is below 90 %"
assert 0.62 <= test_accuracy <= 0.82, f"test accuracy {test_accuracy:.3f} is not about 70 %"
assert train_accuracy - test_accuracy >= 0.1, "expected the test accuracy well below the training's"
h = happy_history.history
assert h["loss"][-1] < 0.5 * h["loss"][0], "the training cost should have fallen to under half"
assert h["val_loss"][0] - h["val_loss"][-1] < h["loss"][0] - h["loss"][-1], \
    "the validation cost should fall more slowly than the training cost"

# %% [markdown]
# ### Reading the `History` curves
#
# `happy_history.history` holds one value per epoch for each of `loss`, `accuracy`, `val_loss`
# and `val_accuracy`. Plot the training and the validation curve of each on the same axes:
#
# - the **training cost** falls steadily: the network fits the training pictures better and
#   better, and the training accuracy passes 90 %;
# - the **validation cost** falls much more slowly, and the validation accuracy wobbles
#   (with 150 test pictures one picture is 0.7 % of accuracy) and ends around 70 %: faces the
#   network has never seen are harder;
# - the **gap** between the two accuracy curves is the variance of course 2. When the training
#   curve keeps improving while the validation curve stalls or turns up, more epochs only
#   make the network memorize the training set: that is the time to stop, or to regularize.

# %% tags=["demo"]
def plot_history(history, title):
    """Training and validation cost and accuracy of a Keras History, one subplot each."""
    epochs = np.arange(1, len(history.history["loss"]) + 1)
    fig, axes = plt.subplots(1, 2, figsize=(11, 3.8))
    for ax, key, label in ((axes[0], "loss", "cost"), (axes[1], "accuracy", "accuracy")):
        ax.plot(epochs, history.history[key], marker="o", label="training set")
        ax.plot(epochs, history.history["val_" + key], marker="o", label="test set")
        ax.set_xlabel("epoch")
        ax.set_ylabel(label)
        ax.set_title(f"{title}: {label}")
        ax.legend()
    fig.tight_layout()
    plt.show()


plot_history(happy_history, "Happy model")

# %% [markdown]
# `predict` gives the probability of "happy" for each picture; the prediction is "happy" when
# it is above 0.5. A few test pictures, with their probability:

# %% tags=["demo"]
probabilities = happy_model.predict(X_test[:16], verbose=0)
print("predict returns shape", probabilities.shape)
labels = [f"P(happy) {p:.2f}\n{'right' if (p > 0.5) == y else 'WRONG'}"
          for p, y in zip(probabilities[:, 0], Y_test[:16, 0])]
montage(X_test_orig[:16], labels=labels, title="Test pictures with the happy model's output")
plt.show()

# %% [markdown]
# ## 6 - The Functional API
#
# A Sequential model is a straight chain: one input, one output, each layer fed by the one
# before. Many networks are not chains:
#
# - **skip connections**, where the output of a layer is added to the output of a later one
#   (the residual networks of next week);
# - **several inputs** (a picture and a few numbers about it) or **several outputs** (a class
#   and a bounding box, in object detection);
# - layers **shared** between two branches.
#
# The **Functional API** writes the network as it is drawn: start from `tf.keras.Input`, call
# each layer on the tensor it should receive, and finally make a model from the input and the
# output tensors with `tf.keras.Model(inputs=..., outputs=...)`:
#
# ```python
# input_img = tf.keras.Input(shape=(64, 64, 3))
# Z1 = tfl.Conv2D(8, 3, padding="same")(input_img)   # create a layer, call it on a tensor
# A1 = tfl.ReLU()(Z1)
# ...
# model = tf.keras.Model(inputs=input_img, outputs=outputs)
# ```
#
# The tensors (`input_img`, `Z1`, `A1`) hold no numbers: they are placeholders that record which
# layer feeds which, with their shapes. The small network below has a skip connection, which the
# Sequential API cannot express: the activation of the first convolution is *added* to the
# output of the second one. The summary of a Functional model gets a column "Connected to".

# %% tags=["demo"]
skip_input = tf.keras.Input(shape=(16, 16, 3))
skip_Z1 = tfl.Conv2D(4, 3, padding="same")(skip_input)
skip_A1 = tfl.ReLU()(skip_Z1)
skip_Z2 = tfl.Conv2D(4, 3, padding="same")(skip_A1)
skip_sum = tfl.Add()([skip_Z2, skip_A1])  # the skip connection: A1 jumps over a convolution
skip_A2 = tfl.ReLU()(skip_sum)
skip_output = tfl.Dense(1, activation="sigmoid")(tfl.Flatten()(skip_A2))
skip_model = tf.keras.Model(inputs=skip_input, outputs=skip_output)
print("skip_Z1 is a placeholder of shape", skip_Z1.shape)
skip_model.summary()

# %% [markdown]
# ## 7 - Six classes with the Functional API
#
# Back to the six classes of course 2 (animal, building, food, person, plant, vehicle). There,
# a fully connected network with over 300,000 parameters reached about 44 % on the test
# pictures after 100 epochs. Now a convolutional network with 1,310 parameters gets them.
#
# The labels are integers 0 to 5; a softmax output with the `"categorical_crossentropy"` cost
# wants them **one-hot**, one row per example: shape $(m, 6)$. (`np.eye(6)[y]` picks row $y$
# of the $6 \times 6$ identity.)

# %%
X_train_orig6, Y_train_orig6, X_test_orig6, Y_test_orig6, classes6 = load_six_classes()
X_train6 = (X_train_orig6 / 255.0).astype(np.float32)
X_test6 = (X_test_orig6 / 255.0).astype(np.float32)
Y_train6 = np.eye(6, dtype=np.float32)[Y_train_orig6[0]]
Y_test6 = np.eye(6, dtype=np.float32)[Y_test_orig6[0]]
print("X_train6 shape:", X_train6.shape, "  Y_train6 shape:", Y_train6.shape)
print("X_test6 shape: ", X_test6.shape, "  Y_test6 shape: ", Y_test6.shape)
print("classes:", classes6.tolist())
print("label of the first picture:", Y_train_orig6[0, 0], "-> one-hot", Y_train6[0])
assert Y_train6.shape == (X_train6.shape[0], 6) and (Y_train6.sum(axis=1) == 1).all()

# %% tags=["demo"]
montage(X_train_orig6[:16], labels=Y_train_orig6[0, :16], classes=classes6,
        title="The first 16 training pictures of the six classes")
plt.show()

# %% [markdown]
# The six-class network, for pictures of shape `input_shape` $= (n_H, n_W, n_C)$:
#
# 1. `Conv2D`: 8 filters of size $4 \times 4$, stride 1, padding "same";
# 2. `ReLU`;
# 3. `MaxPooling2D`: window $8 \times 8$, stride 8, padding "same";
# 4. `Conv2D`: 16 filters of size $2 \times 2$, stride 1, padding "same";
# 5. `ReLU`;
# 6. `MaxPooling2D`: window $4 \times 4$, stride 4, padding "same";
# 7. `Flatten`;
# 8. `Dense` with 6 units and a softmax activation.
#
# ### Exercise 3 - `conv_model_shapes`
#
# As in exercise 1, predict before building: for every layer, its output shape and its number
# of parameters, as a function of `input_shape`, so that it holds for pictures of any size
# (the grader tries sizes that are not multiples of 8). Every layer here pads with "same":
# section 2.2 says what that does to $n_H$ and $n_W$, for stride 1 and for stride $s$.
#
# Return a list of eight tuples `(layer type, output shape, number of parameters)` in the order
# of the layers, written as in exercise 1: the types are Keras class names (`"Conv2D"`,
# `"ReLU"`, `"MaxPooling2D"`, `"Flatten"`, `"Dense"`), the shapes tuples of ints starting with
# `None`, the counts ints. (`tf.keras.Input` makes no layer of the table, as in exercise 1.)
#
# <details><summary>Hint</summary>
#
# Keep track of $(n_H, n_W, n_C)$ layer by layer. Sizes are whole numbers: `math.ceil` returns
# an int, `np.ceil` a float; with ints only, $\lceil a / b \rceil$ is `(a + b - 1) // b`.
# Check yourself with a $(64, 64, 3)$ input: the whole network has 1,310 parameters.
# </details>

# %% nbgrader={"grade_id": "conv_model_shapes", "solution": true}
# GRADED FUNCTION: conv_model_shapes
def conv_model_shapes(input_shape=(64, 64, 3)):
    """Predict every layer's output shape and parameter count of the six-class network.

    The layers: Conv2D(8, 4, stride 1, "same") -> ReLU -> MaxPooling2D(8, stride 8, "same") ->
    Conv2D(16, 2, stride 1, "same") -> ReLU -> MaxPooling2D(4, stride 4, "same") -> Flatten ->
    Dense(6, softmax).

    Arguments:
    input_shape -- (n_H, n_W, n_C), the shape of one input picture

    Returns:
    rows -- list of 8 tuples (layer type, output shape, number of parameters), e.g.
            ("Conv2D", (None, 64, 64, 8), 392)
    """
    n_H, n_W, n_C = input_shape
    ### BEGIN SOLUTION
    n_H2, n_W2 = (n_H + 7) // 8, (n_W + 7) // 8
    n_H5, n_W5 = (n_H2 + 3) // 4, (n_W2 + 3) // 4
    n_flat = n_H5 * n_W5 * 16
    rows = [
        ("Conv2D", (None, n_H, n_W, 8), 4 * 4 * n_C * 8 + 8),
        ("ReLU", (None, n_H, n_W, 8), 0),
        ("MaxPooling2D", (None, n_H2, n_W2, 8), 0),
        ("Conv2D", (None, n_H2, n_W2, 16), 2 * 2 * 8 * 16 + 16),
        ("ReLU", (None, n_H2, n_W2, 16), 0),
        ("MaxPooling2D", (None, n_H5, n_W5, 16), 0),
        ("Flatten", (None, n_flat), 0),
        ("Dense", (None, 6), n_flat * 6 + 6),
    ]
    ### END SOLUTION
    return rows


# %% nbgrader={"grade_id": "test_conv_model_shapes", "points": 2}
# The public check reads only the form of your prediction (eight rows, the layer types in
# order, shapes as tuples of ints, counts as ints): the values are graded by the hidden tests,
# and the cell after Exercise 4 shows your table next to the model's.
six_types = ["Conv2D", "ReLU", "MaxPooling2D", "Conv2D", "ReLU", "MaxPooling2D", "Flatten",
             "Dense"]


def table_form(rows, name):
    """Check that a predicted table has the form of exercise 3's answer."""
    check_type(rows, (list, tuple), name)
    check_equal(len(rows), len(six_types), f"the number of rows of {name}")
    for i, row in enumerate(rows, 1):
        check_type(row, (tuple, list), f"row {i} of {name}")
        check_equal(len(row), 3, f"the length of row {i} of {name} (type, shape, parameters)")
    check_equal([row[0] for row in rows], six_types, f"the layer types of {name}")
    for i, (kind, shape, params) in enumerate(rows, 1):
        check_type(shape, (tuple, list), f"the output shape in row {i} ({kind}) of {name}")
        for size in shape[1:] if tuple(shape[:1]) == (None,) else shape:
            check_type(size, (int, np.integer), f"a size in row {i} ({kind}) of {name}")
        check_type(params, (int, np.integer), f"the parameter count in row {i} ({kind}) of {name}")


run_checks(
    "conv_model_shapes",
    lambda: table_form(conv_model_shapes(), "conv_model_shapes()"),
    lambda: table_form(conv_model_shapes((30, 45, 1)), "conv_model_shapes((30, 45, 1))"),
)
### BEGIN HIDDEN TESTS
def _hidden_conv_model_shapes():
    def _oracle(_shape):
        _inp = tf.keras.Input(shape=_shape)
        _x = tfl.ReLU()(tfl.Conv2D(8, 4, padding="same")(_inp))
        _x = tfl.MaxPooling2D(8, strides=8, padding="same")(_x)
        _x = tfl.ReLU()(tfl.Conv2D(16, 2, padding="same")(_x))
        _x = tfl.MaxPooling2D(4, strides=4, padding="same")(_x)
        _out = tfl.Dense(6, activation="softmax")(tfl.Flatten()(_x))
        return [_row[:3] for _row in describe_model(tf.keras.Model(_inp, _out))]

    for _shape in ((64, 64, 3), (100, 60, 3), (17, 9, 2), (33, 65, 4)):
        _args = f"conv_model_shapes({_shape})"
        check_layer_table(conv_model_shapes(_shape), _oracle(_shape), _args, input_shape=_shape)


_hidden_conv_model_shapes()
### END HIDDEN TESTS

# %% [markdown]
# ### Exercise 4 - `convolutional_model`
#
# Build the network above with the Functional API, for inputs of shape `input_shape`. Start
# from `input_img = tf.keras.Input(shape=input_shape)` (do not assume $(64, 64, 3)$: the
# grader also builds the model for other shapes), chain the layers as in section 6, and return
# `tf.keras.Model(inputs=input_img, outputs=outputs)`. The test compares every layer's type,
# settings, output shape and parameter count: the last two are what you predicted in
# exercise 3.
#
# <details><summary>Hint</summary>
#
# `tfl.MaxPooling2D(pool_size=8, strides=8, padding="same")`. Every layer is created and then
# called: `tfl.ReLU()(Z1)`, not `tfl.ReLU(Z1)`.
# </details>

# %% nbgrader={"grade_id": "convolutional_model", "solution": true}
# GRADED FUNCTION: convolutional_model
def convolutional_model(input_shape):
    """The six-class network, built with the Functional API (not compiled).

    CONV2D -> RELU -> MAXPOOL -> CONV2D -> RELU -> MAXPOOL -> FLATTEN -> DENSE (softmax)

    Arguments:
    input_shape -- the shape of one input picture, e.g. (64, 64, 3)

    Returns:
    model -- a tf.keras.Model built from an Input of that shape
    """
    input_img = tf.keras.Input(shape=input_shape)
    ### BEGIN SOLUTION
    Z1 = tfl.Conv2D(filters=8, kernel_size=4, strides=1, padding="same")(input_img)
    A1 = tfl.ReLU()(Z1)
    P1 = tfl.MaxPooling2D(pool_size=8, strides=8, padding="same")(A1)
    Z2 = tfl.Conv2D(filters=16, kernel_size=2, strides=1, padding="same")(P1)
    A2 = tfl.ReLU()(Z2)
    P2 = tfl.MaxPooling2D(pool_size=4, strides=4, padding="same")(A2)
    F = tfl.Flatten()(P2)
    outputs = tfl.Dense(units=6, activation="softmax")(F)
    ### END SOLUTION
    model = tf.keras.Model(inputs=input_img, outputs=outputs)
    return model


# %% nbgrader={"grade_id": "test_convolutional_model", "points": 4}
conv_structure = [
    ("Conv2D", (None, 64, 64, 8), 392,
     {"filters": 8, "kernel_size": 4, "strides": 1, "padding": "same", "activation": None}),
    ("ReLU", (None, 64, 64, 8), 0),
    ("MaxPooling2D", (None, 8, 8, 8), 0, {"pool_size": 8, "strides": 8, "padding": "same"}),
    ("Conv2D", (None, 8, 8, 16), 528,
     {"filters": 16, "kernel_size": 2, "strides": 1, "padding": "same", "activation": None}),
    ("ReLU", (None, 8, 8, 16), 0),
    ("MaxPooling2D", (None, 2, 2, 16), 0, {"pool_size": 4, "strides": 4, "padding": "same"}),
    ("Flatten", (None, 64), 0),
    ("Dense", (None, 6), 390, {"units": 6, "activation": "softmax"}),
]
conv_test_model = quietly(convolutional_model, (64, 64, 3))
run_checks(
    "convolutional_model",
    lambda: check_equal(isinstance(conv_test_model, tf.keras.Model)
                        and not isinstance(conv_test_model, tf.keras.Sequential), True,
                        "convolutional_model((64, 64, 3)) is a Functional tf.keras.Model",
                        hints=[(False, "a Sequential model: this one is built with the "
                                       "Functional API, from tf.keras.Input to "
                                       "tf.keras.Model(inputs, outputs)")]),
    lambda: check_model_structure(conv_test_model, conv_structure,
                                  "convolutional_model((64, 64, 3))"),
)
### BEGIN HIDDEN TESTS
def _hidden_convolutional_model():
    def _reference(_shape):
        _inp = tf.keras.Input(shape=_shape)
        _x = tfl.ReLU()(tfl.Conv2D(8, 4, padding="same")(_inp))
        _x = tfl.MaxPooling2D(8, strides=8, padding="same")(_x)
        _x = tfl.ReLU()(tfl.Conv2D(16, 2, padding="same")(_x))
        _x = tfl.MaxPooling2D(4, strides=4, padding="same")(_x)
        _out = tfl.Dense(6, activation="softmax")(tfl.Flatten()(_x))
        return tf.keras.Model(_inp, _out)

    for _shape in ((100, 60, 3), (32, 32, 1), (64, 64, 3)):
        _name = f"convolutional_model({_shape})"
        _ref = _reference(_shape)
        _model = quietly(convolutional_model, _shape)
        check_equal(isinstance(_model, tf.keras.Sequential), False,
                    f"isinstance({_name}, tf.keras.Sequential)")
        check_equal(tuple(_model.input_shape), (None,) + _shape, f"{_name}.input_shape",
                    hints=[((None, 64, 64, 3), "the input shape is fixed at (64, 64, 3): "
                                               "use the input_shape argument")])
        check_model_structure(_model, describe_model(_ref), _name)
        _rng = np.random.default_rng(sum(_shape))
        _weights = [_rng.normal(0, 0.3, _w.shape).astype(np.float32) for _w in _ref.weights]
        _ref.set_weights(_weights)
        _model.set_weights(_weights)
        _x = _rng.random((4,) + _shape).astype(np.float32)
        check_close(np.asarray(_model(_x)), np.asarray(_ref(_x)),
                    f"{_name}(x) with the reference's weights", rtol=1e-4, atol=1e-6)


_hidden_convolutional_model()
### END HIDDEN TESTS

# %% [markdown]
# Your prediction of exercise 3 next to what Keras built, for $(64, 64, 3)$ pictures:

# %% tags=["demo"]
six_model = convolutional_model((64, 64, 3))
show_prediction(conv_model_shapes((64, 64, 3)), six_model)
six_model.summary()

# %% [markdown]
# ## 8 - Training the six-class model
#
# The same steps as for the happy model, with the cost for a softmax over several classes,
# `"categorical_crossentropy"`, a learning rate of 0.003 and 20 epochs of mini-batches of 64.
# `verbose=0` keeps `fit` quiet; the curves tell the story afterwards.

# %% tags=["demo"]
tf.keras.utils.set_random_seed(0)
conv_model = convolutional_model((64, 64, 3))
conv_model.compile(optimizer=tf.keras.optimizers.Adam(learning_rate=0.003),
                   loss="categorical_crossentropy", metrics=["accuracy"])
conv_model.summary()
assert conv_model.count_params() == 1310
conv_history = conv_model.fit(X_train6, Y_train6, epochs=20, batch_size=64,
                              validation_data=(X_test6, Y_test6), verbose=0)
print(f"trained for {len(conv_history.history['loss'])} epochs")

# %% tags=["demo"]
conv_train_loss, conv_train_accuracy = conv_model.evaluate(X_train6, Y_train6, verbose=0)
conv_test_loss, conv_test_accuracy = conv_model.evaluate(X_test6, Y_test6, verbose=0)
print(f"training set: cost {conv_train_loss:.3f}, accuracy {conv_train_accuracy:.3f}")
print(f"test set:     cost {conv_test_loss:.3f}, accuracy {conv_test_accuracy:.3f}")
plot_history(conv_history, "Six-class model")
assert 0.6 <= conv_train_accuracy <= 0.8, f"training accuracy {conv_train_accuracy:.3f}"
assert 0.38 <= conv_test_accuracy <= 0.56, f"test accuracy {conv_test_accuracy:.3f}"
h = conv_history.history
assert h["val_accuracy"][-1] > h["val_accuracy"][4], "the test accuracy should still be rising"

# %% [markdown]
# These curves read differently from the happy model's. After 20 epochs the network gets
# about 7 training pictures in 10 right, and 4 to 5 test pictures in 10 (chance is one in
# six), and the accuracy curves are still rising. Low accuracy on the *training* set means
# high **bias**: with 1,310 parameters (the fully connected network of course 2 had over
# 300,000) the network is too small, or not yet trained long enough, to fit even the pictures
# it learns from. More epochs, more filters or more layers would help; more data or
# regularization would not. The happy model showed the other problem: above 90 % on its
# training pictures, much worse on new faces, that is high **variance**.
#
# ## 9 - What you built
#
# - A Keras layer holds its settings and its weights; some weights (batch normalization's
#   moving statistics) are not trained by gradient descent but still count as parameters.
# - Output shapes and parameter counts follow from the lectures' formulas, and you can predict
#   them; `model.summary()` confirms them.
# - The **Sequential** API builds a chain of layers; the **Functional** API builds any graph
#   (skip connections, several inputs or outputs) by calling layers on tensors.
# - `compile` chooses the optimizer, the cost and the metrics; `fit` trains and returns the
#   `History` of the costs and accuracies; `evaluate` measures a set; `predict` gives the
#   outputs.
#
# Next week the Functional API builds a residual network, whose skip connections let much
# deeper networks train.

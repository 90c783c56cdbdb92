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
# # Residual networks
#
# Deeper networks can represent more, but past a few dozen layers plain networks become hard to
# train: the gradient that reaches the first layers is a product of many factors, and it tends
# to shrink towards zero (or, less often, to blow up). A **residual network** (ResNet) adds
# *shortcuts*: every few layers, the input of a block is added to its output, so the block only
# has to learn a correction to the identity, and the gradient has a direct path back to the
# early layers. With them, networks of 50, 100 and more layers train well.
#
# **By the end you will have written**
#
# - `identity_block`: the residual block whose input and output have the same shape;
# - `convolutional_block`: the block that changes the shape, with a $1 \times 1$ convolution
#   on its shortcut;
# - `conv_block_counts`: the output shape and the number of parameters of a convolutional
#   block, predicted by arithmetic before Keras counts them;
# - `ResNet50`: the 50-layer residual network of He et al. (2015), for $64 \times 64$ pictures
#   and 6 classes;
#
# and you will have **measured** what the shortcuts do: a plain network of 17 convolutional
# layers next to its residual twin, with the gradient that reaches each layer and the training
# curves of both.
#
# **How this notebook works**
#
# - Write your code between `# YOUR CODE HERE` and the `return` line of each exercise, and delete
#   the `raise NotImplementedError()` line. Do not rename the functions or change their arguments.
# - Each exercise is followed by a test cell. A line ending in "all public tests passed" means
#   the visible checks agree with your code. The grader runs more tests (other shapes and
#   filters, comparisons with an independent computation of each block), so passing the public
#   tests is necessary, not sufficient.
# - Run the cells in order. If something behaves strangely, use *Kernel → Restart and run all*.
# - Only the exercise cells are graded: the grader runs the released notebook with your
#   exercise cells put in, so cells you add yourself do not run there. Keep every helper
#   function or import that your answer needs inside its exercise cell.
#   Importing TensorFlow takes several seconds; that is normal.

# %% [markdown]
# ## 1 - Packages
#
# - [NumPy](https://numpy.org) and [Matplotlib](https://matplotlib.org);
# - [TensorFlow](https://www.tensorflow.org) with its Keras layers (the two `os.environ` lines
#   before the import silence its start-up messages). `random_uniform` and `glorot_uniform` are
#   the Keras initializer classes `RandomUniform` and `GlorotUniform`: `glorot_uniform(seed=0)`
#   is an initializer that always draws the same weights;
# - `dlcourse.data.load_six_classes` loads the pictures of section 6, and `dlcourse.testing`
#   and `dlcourse.kerascheck` hold the helpers the test cells use.

# %%
import os
import time

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"

import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf
from tensorflow.keras.initializers import glorot_uniform, random_uniform
from tensorflow.keras.layers import (
    Activation,
    Add,
    AveragePooling2D,
    BatchNormalization,
    Conv2D,
    Dense,
    Flatten,
    Input,
    MaxPooling2D,
    ZeroPadding2D,
)
from tensorflow.keras.models import Model

from dlcourse.data import load_six_classes
from dlcourse.kerascheck import check_model_structure
from dlcourse.testing import (
    check_array,
    check_between,
    check_equal,
    check_keys,
    check_scalar,
    run_checks,
    substituted,
)

np.set_printoptions(precision=6, suppress=True)
print("TensorFlow", tf.__version__)

# %% [markdown]
# ## 2 - Why very deep plain networks are hard to train
#
# In a plain network, layer $l$ computes $a^{[l]} = g(z^{[l]})$ with
# $z^{[l]} = W^{[l]} a^{[l-1]} + b^{[l]}$, and backpropagation multiplies the gradient by one
# factor per layer on its way down:
#
# $$\frac{\partial \mathcal{J}}{\partial a^{[l]}} =
#   \frac{\partial \mathcal{J}}{\partial a^{[L]}}
#   \frac{\partial a^{[L]}}{\partial a^{[L-1]}} \cdots
#   \frac{\partial a^{[l+1]}}{\partial a^{[l]}}.$$
#
# When those factors are a little smaller than 1 on average, their product over 30 layers is
# tiny, the first layers barely move, and training stalls (the *vanishing gradient*). Careful
# initialization and batch normalization help, but adding layers to a plain network beyond some
# depth makes even its **training** error worse, which more capacity should never do.
#
# A **residual block** skips ahead: the activation $a^{[l]}$ is added to $z^{[l+2]}$, two layers
# later, before the ReLU:
#
# $$a^{[l+2]} = g\left(z^{[l+2]} + a^{[l]}\right).$$
#
# If the two layers in between learn nothing ($W^{[l+2]} = 0$, $b^{[l+2]} = 0$), the block
# gives $a^{[l+2]} = g(a^{[l]}) = a^{[l]}$ (after a ReLU, $a^{[l]} \ge 0$): the identity is
# *easy* for a residual block, so extra blocks cannot make the network worse, and the gradient
# has a path through the addition that skips the block's own layers.
#
# ## 3 - The identity block
#
# The ResNet-50 blocks have three convolutional layers on their **main path** and the
# shortcut around all three. In the **identity block** the input $X$ and the output have the
# same shape, so the shortcut is $X$ itself:
#
# ```
#  X ──────────────────────────────────────────────────────────────┐ (shortcut)
#  │                                                               │
#  └─ Conv2D 1×1 ─ BN ─ ReLU ─ Conv2D f×f "same" ─ BN ─ ReLU ─ Conv2D 1×1 ─ BN ─ (+) ─ ReLU ─▶
# ```
#
# **BN** is batch normalization over the channels (`BatchNormalization(axis=3)`: the axis of
# the channels in $(m, n_H, n_W, n_C)$). The first $1 \times 1$ convolution reduces the number
# of channels to $F_1$, the $f \times f$ convolution looks at neighbourhoods with $F_2$
# filters, and the last $1 \times 1$ convolution restores the $F_3 = n_C$ channels of $X$ so that
# the addition is possible (a *bottleneck*: the costly $f \times f$ convolution works on few
# channels).
#
# **About `training`.** Batch normalization behaves differently while training (it normalizes
# with the statistics of the current mini-batch) and at inference (it uses the moving averages
# it has accumulated). Every `BatchNormalization` layer here is called as
# `BatchNormalization(axis=3)(X, training=training)`, with the block's `training` argument
# (default `False`, inference): the block's output then does not depend on the other pictures
# of the batch, which is what the tests compare.
#
# ### Exercise 1 - `identity_block`
#
# Build the block with the Keras layers imported above, each created and then called on the
# previous output (`X = Conv2D(...)(X)`):
#
# 1. keep the input: `X_shortcut = X`;
# 2. `Conv2D` with $F_1$ filters of size $1 \times 1$, stride 1, padding `"valid"`,
#    `kernel_initializer=initializer(seed=0)`; then `BatchNormalization(axis=3)` called with
#    `training=training`; then `Activation("relu")` (or `ReLU()`: the checks treat them alike);
# 3. `Conv2D` with $F_2$ filters of size $f \times f$, stride 1, padding `"same"` (the height and
#    width must not change), the same initializer; batch normalization; ReLU;
# 4. `Conv2D` with $F_3$ filters of size $1 \times 1$, stride 1, padding `"valid"`, the same
#    initializer; batch normalization; **no ReLU yet**;
# 5. add the shortcut with `Add()([X, X_shortcut])`, then `Activation("relu")`.
#
# Where the shortcut joins matters: it is added *before* the last ReLU, not after.

# %% nbgrader={"grade_id": "identity_block", "solution": true}
# GRADED FUNCTION: identity_block
def identity_block(X, f, filters, training=False, initializer=random_uniform):
    """The identity block of ResNet-50: three convolutions, the input added before the last ReLU.

    Arguments:
    X -- input tensor of shape (m, n_H_prev, n_W_prev, n_C_prev)
    f -- integer, the size of the middle convolution's window (f x f)
    filters -- list of 3 integers [F1, F2, F3], the numbers of filters of the three
               convolutions (F3 == n_C_prev)
    training -- passed to every BatchNormalization layer: True uses the batch's statistics,
                False (inference) the moving averages
    initializer -- an initializer class; each Conv2D gets kernel_initializer=initializer(seed=0)

    Returns:
    X -- output of the block, a tensor of shape (m, n_H_prev, n_W_prev, F3)
    """
    F1, F2, F3 = filters
    ### BEGIN SOLUTION
    X_shortcut = X

    X = Conv2D(filters=F1, kernel_size=1, strides=1, padding="valid",
               kernel_initializer=initializer(seed=0))(X)
    X = BatchNormalization(axis=3)(X, training=training)
    X = Activation("relu")(X)

    X = Conv2D(filters=F2, kernel_size=f, strides=1, padding="same",
               kernel_initializer=initializer(seed=0))(X)
    X = BatchNormalization(axis=3)(X, training=training)
    X = Activation("relu")(X)

    X = Conv2D(filters=F3, kernel_size=1, strides=1, padding="valid",
               kernel_initializer=initializer(seed=0))(X)
    X = BatchNormalization(axis=3)(X, training=training)

    X = Add()([X, X_shortcut])
    X = Activation("relu")(X)
    ### END SOLUTION
    return X


# %% [markdown]
# The test builds the block on a small input with every kernel weight equal to 1 (a
# `Constant(1)` initializer), so that you can follow it by hand: with the batch normalization
# layers freshly created (mean 0, variance 1, $\gamma = 1$, $\beta = 0$) they divide by
# $\sqrt{1 + \varepsilon} \approx 1$ at inference.

# %% nbgrader={"grade_id": "test_identity_block", "points": 3}
def ones_initializer(seed=None):
    """An initializer 'class' like random_uniform, whose weights are all 1."""
    return tf.keras.initializers.Constant(1.0)


# One picture of 2 x 2 pixels, 3 channels; channel 0 is (1, -1 / -2, 2), channel 1 is 0.5 and
# channel 2 is -1 everywhere.
X_id = np.zeros((1, 2, 2, 3), dtype=np.float32)
X_id[0, :, :, 0] = [[1.0, -1.0], [-2.0, 2.0]]
X_id[0, :, :, 1] = 0.5
X_id[0, :, :, 2] = -1.0
inputs_id = Input((2, 2, 3))
block_id = Model(inputs_id, identity_block(inputs_id, 2, [2, 1, 3], initializer=ones_initializer))
out_id = np.asarray(block_id(X_id, training=False))
# By hand (the batch normalizations divide by sqrt(1.001), so the values are a little smaller):
# the first 1x1 conv sums the 3 channels, (0.5, -1.5 / -2.5, 1.5) in both of its channels, and
# the ReLU keeps 0.5 and 1.5; the 2 x 2 "same" conv (Keras pads one row and column after the
# picture) sums each window over both channels, (4, 3 / 3, 3); the last conv copies that to 3
# channels, and the shortcut X_id is added before the ReLU: pixel (0, 0) is 4 + (1, 0.5, -1).
expected_id = np.array([[[[4.994, 4.494, 2.994], [1.9955, 3.4955, 1.9955]],
                         [[0.9955, 3.4955, 1.9955], [4.9955, 3.4955, 1.9955]]]])
run_checks(
    "identity_block",
    lambda: check_model_structure(block_id, [
        ("InputLayer", (None, 2, 2, 3), 0),
        ("Conv2D", (None, 2, 2, 2), 8),
        ("BatchNormalization", (None, 2, 2, 2), 8),
        ("ReLU", (None, 2, 2, 2), 0),
        ("Conv2D", (None, 2, 2, 1), 9),
        ("BatchNormalization", (None, 2, 2, 1), 4),
        ("ReLU", (None, 2, 2, 1), 0),
        ("Conv2D", (None, 2, 2, 3), 6),
        ("BatchNormalization", (None, 2, 2, 3), 12),
        ("Add", (None, 2, 2, 3), 0),
        ("ReLU", (None, 2, 2, 3), 0),
    ], "identity_block(X, 2, [2, 1, 3]) on 2 x 2 x 3 inputs"),
    lambda: check_array(out_id, expected_id, "the block's output for X_id", rtol=1e-4, atol=1e-4),
)
### BEGIN HIDDEN TESTS
def _np_conv(_X, _W, _b, _s=1, _pad="valid"):
    """float64 convolution, NHWC, odd or even f, 'same' only with stride 1."""
    _f = _W.shape[0]
    if _pad == "same":
        _lo = (_f - 1) // 2
        _X = np.pad(_X, ((0, 0), (_lo, _f - 1 - _lo), (_lo, _f - 1 - _lo), (0, 0)))
    _H = (_X.shape[1] - _f) // _s + 1
    _Wd = (_X.shape[2] - _f) // _s + 1
    _out = np.zeros((_X.shape[0], _H, _Wd, _W.shape[3])) + _b
    for _i in range(_f):
        for _j in range(_f):
            _win = _X[:, _i:_i + _s * (_H - 1) + 1:_s, _j:_j + _s * (_Wd - 1) + 1:_s, :]
            _out += _win @ _W[_i, _j]
    return _out


def _np_bn(_Z, _layer):
    _g, _be, _mu, _var = [np.asarray(_w, dtype=np.float64) for _w in _layer.get_weights()]
    return (_Z - _mu) / np.sqrt(_var + _layer.epsilon) * _g + _be


def _randomize(_model, _rng):
    """Random conv biases and batch-norm statistics, so that every layer counts."""
    for _layer in _model.layers:
        if isinstance(_layer, (Conv2D, BatchNormalization)):
            _ws = _layer.get_weights()
            _new = [_w if _w.ndim == 4 else _rng.uniform(-0.5, 0.5, _w.shape) for _w in _ws]
            if isinstance(_layer, BatchNormalization) and len(_new) == 4:
                _new[0] = _rng.uniform(0.5, 1.5, _ws[0].shape)
                _new[3] = _rng.uniform(0.5, 2.0, _ws[3].shape)
            _layer.set_weights([_n.astype(np.float32) for _n in _new])


def _conv_and_bn(_model, _kernel_shape, _what):
    """The Conv2D with this kernel shape and the BatchNormalization that reads its output."""
    _convs = [_l for _l in _model.layers if isinstance(_l, Conv2D)
              and tuple(_l.kernel.shape) == _kernel_shape]
    check_equal(len(_convs), 1, f"the number of Conv2D layers with kernel shape {_kernel_shape} "
                f"({_what})")
    _bns = [_l for _l in _model.layers if isinstance(_l, BatchNormalization)
            and _l.input is _convs[0].output]
    check_equal(len(_bns), 1, f"the number of BatchNormalization layers right after {_what}")
    _k, _bias = [np.asarray(_w, dtype=np.float64) for _w in _convs[0].get_weights()]
    return _k, _bias, _bns[0]


def _hidden_identity_block():
    _rng = np.random.default_rng(21)
    for _m, _H, _Wd, _f, _filters in ((3, 5, 6, 3, [2, 3, 4]), (2, 4, 4, 2, [3, 2, 5])):
        _F1, _F2, _F3 = _filters
        _name = f"identity_block(X, {_f}, {_filters}) on inputs of shape {(_m, _H, _Wd, _F3)}"
        _inp = Input((_H, _Wd, _F3))
        _model = Model(_inp, identity_block(_inp, _f, _filters, initializer=random_uniform))
        _rows = [("InputLayer", (None, _H, _Wd, _F3), 0),
                 ("Conv2D", (None, _H, _Wd, _F1), _F3 * _F1 + _F1, {"strides": (1, 1)}),
                 ("BatchNormalization", (None, _H, _Wd, _F1), 4 * _F1),
                 ("ReLU", (None, _H, _Wd, _F1), 0),
                 ("Conv2D", (None, _H, _Wd, _F2), _f * _f * _F1 * _F2 + _F2,
                  {"strides": (1, 1), "padding": "same"}),
                 ("BatchNormalization", (None, _H, _Wd, _F2), 4 * _F2),
                 ("ReLU", (None, _H, _Wd, _F2), 0),
                 ("Conv2D", (None, _H, _Wd, _F3), _F2 * _F3 + _F3, {"strides": (1, 1)}),
                 ("BatchNormalization", (None, _H, _Wd, _F3), 4 * _F3),
                 ("Add", (None, _H, _Wd, _F3), 0),
                 ("ReLU", (None, _H, _Wd, _F3), 0)]
        check_model_structure(_model, _rows, _name)
        _randomize(_model, _rng)
        _X = _rng.normal(size=(_m, _H, _Wd, _F3))
        _k1, _b1, _bn1 = _conv_and_bn(_model, (1, 1, _F3, _F1), "the first 1x1 convolution")
        _k2, _b2, _bn2 = _conv_and_bn(_model, (_f, _f, _F1, _F2), "the f x f convolution")
        _k3, _b3, _bn3 = _conv_and_bn(_model, (1, 1, _F2, _F3), "the last 1x1 convolution")
        _A = np.maximum(_np_bn(_np_conv(_X, _k1, _b1), _bn1), 0)
        _A = np.maximum(_np_bn(_np_conv(_A, _k2, _b2, 1, "same"), _bn2), 0)
        _Z3 = _np_bn(_np_conv(_A, _k3, _b3), _bn3)
        _want = np.maximum(_Z3 + _X, 0)
        _after_relu = np.maximum(_Z3, 0) + _X
        _got = np.asarray(_model(_X.astype(np.float32), training=False), dtype=np.float64)
        check_array(_got, _want, f"the output of {_name}", rtol=1e-4, atol=1e-4,
                    hints=[(_after_relu, "the shortcut added after the last ReLU instead of "
                            "before it?"), (np.maximum(_Z3, 0), "the shortcut never added?")])


_hidden_identity_block()
### END HIDDEN TESTS

# %% [markdown]
# ## 4 - The convolutional block
#
# When a stage of the network halves the height and width and changes the number of channels,
# $X$ can no longer be added to the output as it is: the shapes differ. The **convolutional
# block** puts a $1 \times 1$ convolution with stride $s$ and $F_3$ filters, followed by batch
# normalization, on the shortcut, which resizes $X$ to the shape of the main path's output:
#
# ```
#  X ── Conv2D 1×1 /s ─ BN ───────────────────────────────────────────────────┐ (shortcut)
#  │                                                                           │
#  └─ Conv2D 1×1 /s ─ BN ─ ReLU ─ Conv2D f×f "same" ─ BN ─ ReLU ─ Conv 1×1 ─ BN ─ (+) ─ ReLU ─▶
#
#  (/s: stride s)
# ```
#
# The stride $s$ is on the **first** $1 \times 1$ convolution of the main path (as in the DLS's
# ResNet-50) and on the shortcut's convolution; the $f \times f$ convolution keeps stride 1.
# The shortcut's convolution has no activation: it is a linear map of the channels, learned
# like the others.
#
# ### Exercise 2 - `convolutional_block`
#
# 1. keep the input: `X_shortcut = X`;
# 2. main path: `Conv2D` $F_1$ filters $1 \times 1$, **stride $s$**, `"valid"`; BN; ReLU;
# 3. `Conv2D` $F_2$ filters $f \times f$, stride 1, `"same"`; BN; ReLU;
# 4. `Conv2D` $F_3$ filters $1 \times 1$, stride 1, `"valid"`; BN (no ReLU);
# 5. shortcut: `Conv2D` $F_3$ filters $1 \times 1$, **stride $s$**, `"valid"`, applied to
#    `X_shortcut`; BN;
# 6. `Add()` of the two paths, then ReLU.
#
# Every `Conv2D` gets `kernel_initializer=initializer(seed=0)`; every `BatchNormalization(axis=3)`
# is called with `training=training`.

# %% nbgrader={"grade_id": "convolutional_block", "solution": true}
# GRADED FUNCTION: convolutional_block
def convolutional_block(X, f, filters, s=2, training=False, initializer=glorot_uniform):
    """The convolutional block of ResNet-50: like the identity block, with a 1x1 convolution of
    stride s and batch normalization on the shortcut.

    Arguments:
    X -- input tensor of shape (m, n_H_prev, n_W_prev, n_C_prev)
    f -- integer, the size of the middle convolution's window (f x f)
    filters -- list of 3 integers [F1, F2, F3], the numbers of filters of the main path
    s -- integer, the stride of the first 1x1 convolution and of the shortcut's convolution
    training -- passed to every BatchNormalization layer
    initializer -- an initializer class; each Conv2D gets kernel_initializer=initializer(seed=0)

    Returns:
    X -- output of the block, a tensor of shape (m, n_H, n_W, F3)
    """
    F1, F2, F3 = filters
    ### BEGIN SOLUTION
    X_shortcut = X

    X = Conv2D(filters=F1, kernel_size=1, strides=s, padding="valid",
               kernel_initializer=initializer(seed=0))(X)
    X = BatchNormalization(axis=3)(X, training=training)
    X = Activation("relu")(X)

    X = Conv2D(filters=F2, kernel_size=f, strides=1, padding="same",
               kernel_initializer=initializer(seed=0))(X)
    X = BatchNormalization(axis=3)(X, training=training)
    X = Activation("relu")(X)

    X = Conv2D(filters=F3, kernel_size=1, strides=1, padding="valid",
               kernel_initializer=initializer(seed=0))(X)
    X = BatchNormalization(axis=3)(X, training=training)

    X_shortcut = Conv2D(filters=F3, kernel_size=1, strides=s, padding="valid",
                        kernel_initializer=initializer(seed=0))(X_shortcut)
    X_shortcut = BatchNormalization(axis=3)(X_shortcut, training=training)

    X = Add()([X, X_shortcut])
    X = Activation("relu")(X)
    ### END SOLUTION
    return X


# %% nbgrader={"grade_id": "test_convolutional_block", "points": 3}
# One picture of 4 x 3 pixels with 2 channels, all kernel weights 1 (ones_initializer from the
# last test), f = 2, filters [1, 2, 3], s = 2: the output has ceil(4/2) x ceil(3/2) pixels.
X_cb = np.zeros((1, 4, 3, 2), dtype=np.float32)
X_cb[0, :, :, 0] = [[1.0, -2.0, 0.5], [3.0, 1.0, -1.0], [-1.0, 2.0, 1.0], [0.0, -3.0, 2.0]]
X_cb[0, :, :, 1] = [[0.5, 0.5, -1.0], [1.0, 0.0, 0.0], [2.0, -1.0, 1.0], [0.0, 1.0, -2.0]]
inputs_cb = Input((4, 3, 2))
block_cb = Model(inputs_cb, convolutional_block(inputs_cb, 2, [1, 2, 3], s=2,
                                                initializer=ones_initializer))
out_cb = np.asarray(block_cb(X_cb, training=False))
# By hand: both 1x1 stride-2 convolutions see pixels (0, 0), (0, 2), (2, 0), (2, 2), whose
# channel sums are (1.5, -0.5 / 1, 2); the main path's ReLU zeroes -0.5, its 2 x 2 "same" conv
# gives (4.5, 2 / 3, 2) in 2 channels and its last conv their sum (9, 4 / 6, 4) in 3 channels;
# the shortcut adds (1.5, -0.5 / 1, 2).
expected_cb = np.array([[[[10.4858, 10.4858, 10.4858], [3.4943, 3.4943, 3.4943]],
                         [[6.9905, 6.9905, 6.9905], [5.993, 5.993, 5.993]]]])
run_checks(
    "convolutional_block",
    lambda: check_model_structure(block_cb, [
        ("InputLayer", (None, 4, 3, 2), 0),
        ("Conv2D", (None, 2, 2, 1), 3, {"strides": (2, 2), "padding": "valid"}),
        ("BatchNormalization", (None, 2, 2, 1), 4),
        ("ReLU", (None, 2, 2, 1), 0),
        ("Conv2D", (None, 2, 2, 2), 10, {"strides": (1, 1), "padding": "same"}),
        ("BatchNormalization", (None, 2, 2, 2), 8),
        ("ReLU", (None, 2, 2, 2), 0),
        ("Conv2D", (None, 2, 2, 3), None),
        ("Conv2D", (None, 2, 2, 3), None),
        ("BatchNormalization", (None, 2, 2, 3), 12),
        ("BatchNormalization", (None, 2, 2, 3), 12),
        ("Add", (None, 2, 2, 3), 0),
        ("ReLU", (None, 2, 2, 3), 0),
    ], "convolutional_block(X, 2, [1, 2, 3], s=2) on 4 x 3 x 2 inputs"),
    lambda: check_array(out_cb, expected_cb, "the block's output for X_cb", rtol=1e-4,
                        atol=1e-4),
)
### BEGIN HIDDEN TESTS
def _hidden_convolutional_block():
    _rng = np.random.default_rng(22)
    for _m, _H, _Wd, _C, _f, _filters, _s in ((2, 6, 7, 4, 3, [2, 3, 5], 2),
                                              (3, 5, 5, 3, 2, [4, 2, 6], 1),
                                              (2, 7, 6, 2, 3, [3, 4, 5], 3)):
        _F1, _F2, _F3 = _filters
        _oH, _oW = -(-_H // _s), -(-_Wd // _s)
        _name = (f"convolutional_block(X, {_f}, {_filters}, s={_s}) on inputs of shape "
                 f"{(_m, _H, _Wd, _C)}")
        _inp = Input((_H, _Wd, _C))
        _model = Model(_inp, convolutional_block(_inp, _f, _filters, s=_s,
                                                 initializer=glorot_uniform))
        _rows = [("InputLayer", (None, _H, _Wd, _C), 0),
                 ("Conv2D", (None, _oH, _oW, _F1), _C * _F1 + _F1,
                  {"strides": (_s, _s), "padding": "valid"}),
                 ("BatchNormalization", (None, _oH, _oW, _F1), 4 * _F1),
                 ("ReLU", (None, _oH, _oW, _F1), 0),
                 ("Conv2D", (None, _oH, _oW, _F2), _f * _f * _F1 * _F2 + _F2,
                  {"strides": (1, 1), "padding": "same"}),
                 ("BatchNormalization", (None, _oH, _oW, _F2), 4 * _F2),
                 ("ReLU", (None, _oH, _oW, _F2), 0),
                 ("Conv2D", (None, _oH, _oW, _F3), None),
                 ("Conv2D", (None, _oH, _oW, _F3), None),
                 ("BatchNormalization", (None, _oH, _oW, _F3), 4 * _F3),
                 ("BatchNormalization", (None, _oH, _oW, _F3), 4 * _F3),
                 ("Add", (None, _oH, _oW, _F3), 0),
                 ("ReLU", (None, _oH, _oW, _F3), 0)]
        check_model_structure(_model, _rows, _name)
        _randomize(_model, _rng)
        _X = _rng.normal(size=(_m, _H, _Wd, _C))
        _k1, _b1, _bn1 = _conv_and_bn(_model, (1, 1, _C, _F1), "the first 1x1 convolution")
        _k2, _b2, _bn2 = _conv_and_bn(_model, (_f, _f, _F1, _F2), "the f x f convolution")
        _k3, _b3, _bn3 = _conv_and_bn(_model, (1, 1, _F2, _F3), "the last 1x1 convolution")
        _ks, _bs, _bns = _conv_and_bn(_model, (1, 1, _C, _F3), "the shortcut's convolution")
        _A = np.maximum(_np_bn(_np_conv(_X, _k1, _b1, _s), _bn1), 0)
        _A = np.maximum(_np_bn(_np_conv(_A, _k2, _b2, 1, "same"), _bn2), 0)
        _Z3 = _np_bn(_np_conv(_A, _k3, _b3), _bn3)
        _short = _np_bn(_np_conv(_X, _ks, _bs, _s), _bns)
        _want = np.maximum(_Z3 + _short, 0)
        _got = np.asarray(_model(_X.astype(np.float32), training=False), dtype=np.float64)
        check_array(_got, _want, f"the output of {_name}", rtol=1e-4, atol=1e-4,
                    hints=[(np.maximum(_Z3, 0) + _short, "the shortcut added after the last "
                            "ReLU instead of before it?")])


_hidden_convolutional_block()
### END HIDDEN TESTS

# %% [markdown]
# ### 4.1 - What a convolutional block costs
#
# Before Keras counts, work out the shape and the parameters of a convolutional block
# yourself. You know the pieces:
#
# - a `Conv2D` layer with $n_C$ filters of size $f \times f$ reading $n_{C,prev}$ channels has
#   one $f \times f \times n_{C,prev}$ kernel and one bias per filter;
# - a `BatchNormalization` layer holds 4 numbers per channel: $\gamma$ and $\beta$ (learned by
#   gradient descent) and the moving mean and variance (not trainable, but parameters all the
#   same: Keras counts them in `count_params()`);
# - a $1 \times 1$ `"valid"` convolution with stride $s$ on $n$ rows keeps rows $0, s, 2s,
#   \dots$ as long as they exist; a `"same"` convolution with stride 1 keeps the size.
#
# The shortcut's $1 \times 1$ convolution exists only because the shapes differ; it is not free.
#
# ### Exercise 3 - `conv_block_counts`
#
# For a convolutional block applied to inputs of shape `input_shape` $= (n_H, n_W, n_C)$ with
# window `f`, `filters` $= [F_1, F_2, F_3]$ and stride `s`, return a dictionary of integers and
# a tuple with the keys
#
# - `"output_shape"`: the tuple $(n_H', n_W', F_3)$ of one output picture;
# - `"main_path"`: the parameters of the three convolutions and three batch normalizations of
#   the main path;
# - `"shortcut"`: the parameters of the shortcut's convolution and batch normalization;
# - `"total"`: the parameters of the whole block.
#
# Use arithmetic, not Keras.

# %% nbgrader={"grade_id": "conv_block_counts", "solution": true}
# GRADED FUNCTION: conv_block_counts
def conv_block_counts(input_shape, f, filters, s):
    """Output shape and parameter counts of convolutional_block.

    Arguments:
    input_shape -- tuple (n_H, n_W, n_C) of one input picture
    f -- the middle convolution's window size
    filters -- [F1, F2, F3]
    s -- the stride

    Returns:
    counts -- dict with "output_shape" (a tuple of 3 ints), "main_path", "shortcut" and "total"
              (ints)
    """
    ### BEGIN SOLUTION
    n_H, n_W, n_C = input_shape
    F1, F2, F3 = filters
    out_H, out_W = (n_H - 1) // s + 1, (n_W - 1) // s + 1
    main_path = (n_C * F1 + F1) + (f * f * F1 * F2 + F2) + (F2 * F3 + F3) + 4 * (F1 + F2 + F3)
    shortcut = n_C * F3 + F3 + 4 * F3
    counts = {"output_shape": (out_H, out_W, F3), "main_path": main_path,
              "shortcut": shortcut, "total": main_path + shortcut}
    ### END SOLUTION
    return counts


# %% nbgrader={"grade_id": "test_conv_block_counts", "points": 2}
# The first block of stage 2 of ResNet-50: 15 x 15 x 64 inputs, f = 3, [64, 64, 256], s = 1.
counts_stage2 = conv_block_counts((15, 15, 64), 3, [64, 64, 256], 1)
# A small block with stride 2 on an odd size: 5 x 4 x 3 inputs, f = 3, [2, 4, 6], s = 2.
counts_small = conv_block_counts((5, 4, 3), 3, [2, 4, 6], 2)
run_checks(
    "conv_block_counts",
    lambda: check_keys(counts_stage2, {"output_shape", "main_path", "shortcut", "total"},
                       "conv_block_counts((15, 15, 64), 3, [64, 64, 256], 1)"),
    lambda: check_equal(tuple(counts_stage2["output_shape"]), (15, 15, 256),
                        "the output shape for stage 2's first block"),
    lambda: check_scalar(counts_stage2["main_path"], 59264,
                         "the main path's count for stage 2's first block",
                         hints=[(57728, "the batch normalizations forgotten? They have 4 "
                                 "numbers per channel"),
                                (58496, "only γ and β counted for batch normalization? Keras "
                                 "also counts the moving mean and variance"),
                                (58880, "each filter has a bias?"),
                                (34688, "the f x f kernel has f * f * F1 weights per filter?")]),
    lambda: check_scalar(counts_stage2["shortcut"], 17664,
                         "the shortcut's count for stage 2's first block",
                         hints=[(16640, "the shortcut's batch normalization forgotten?")]),
    lambda: check_scalar(counts_stage2["total"], 76928, "the total for stage 2's first block"),
    lambda: check_equal(tuple(counts_small["output_shape"]), (3, 2, 6),
                        "the output shape of a stride-2 block on 5 x 4 inputs",
                        hints=[((2, 2, 6), "rows 0, 2 and 4 of 5 all exist: round up, not "
                                "down")]),
    lambda: check_scalar(counts_small["total"], 8 + 8 + 76 + 16 + 30 + 24 + 24 + 24,
                         "the total for the small block"),
)
### BEGIN HIDDEN TESTS
def _hidden_conv_block_counts():
    for _shape, _f, _filters, _s in (((32, 32, 64), 3, [64, 64, 256], 1),
                                     ((15, 15, 256), 3, [128, 128, 512], 2),
                                     ((7, 9, 5), 5, [3, 7, 11], 3), ((4, 4, 2), 1, [1, 1, 1], 4),
                                     ((6, 5, 3), 2, [2, 5, 4], 2)):
        _inp = Input(_shape)
        _args = f"conv_block_counts({_shape}, {_f}, {_filters}, {_s})"
        _layers = [Conv2D(_filters[0], 1, strides=_s), BatchNormalization(axis=3),
                   Conv2D(_filters[1], _f, padding="same"), BatchNormalization(axis=3),
                   Conv2D(_filters[2], 1), BatchNormalization(axis=3)]
        _X = _inp
        for _layer in _layers:
            _X = _layer(_X)
        _sc, _sbn = Conv2D(_filters[2], 1, strides=_s), BatchNormalization(axis=3)
        _sbn(_sc(_inp))
        _main = sum(_l.count_params() for _l in _layers)
        _short = _sc.count_params() + _sbn.count_params()
        _want_shape = tuple(int(_d) for _d in _X.shape[1:])
        _got = conv_block_counts(_shape, _f, _filters, _s)
        check_keys(_got, {"output_shape", "main_path", "shortcut", "total"}, _args)
        check_equal(tuple(int(_d) for _d in _got["output_shape"]), _want_shape,
                    f'{_args}["output_shape"]')
        check_scalar(_got["main_path"], _main, f'{_args}["main_path"]', rtol=0, atol=0.5)
        check_scalar(_got["shortcut"], _short, f'{_args}["shortcut"]', rtol=0, atol=0.5)
        check_scalar(_got["total"], _main + _short, f'{_args}["total"]', rtol=0, atol=0.5)


_hidden_conv_block_counts()
### END HIDDEN TESTS

# %% [markdown]
# ## 5 - ResNet-50
#
# ResNet-50 stacks 16 of these blocks, of 3 convolutional layers each, between a first
# convolution and a final dense layer: $1 + 16 \times 3 + 1 = 50$ layers with weights (the
# shortcuts' convolutions are not counted). For $64 \times 64 \times 3$ pictures and 6 classes:
#
# **Stage 1** (output $15 \times 15 \times 64$): `ZeroPadding2D((3, 3))`;
# `Conv2D(64, (7, 7), strides=(2, 2))` (padding `"valid"`); BN; ReLU;
# `MaxPooling2D((3, 3), strides=(2, 2))`.
#
# | stage | `convolutional_block` | then `identity_block`s | output shape |
# |---|---|---|---|
# | 2 | $f = 3$, $[64, 64, 256]$, $s = 1$ | 2, same $f$ and filters | $15 \times 15 \times 256$ |
# | 3 | $f = 3$, $[128, 128, 512]$, $s = 2$ | 3 | $8 \times 8 \times 512$ |
# | 4 | $f = 3$, $[256, 256, 1024]$, $s = 2$ | 5 | $4 \times 4 \times 1024$ |
# | 5 | $f = 3$, $[512, 512, 2048]$, $s = 2$ | 2 | $2 \times 2 \times 2048$ |
#
# **Output**: `AveragePooling2D((2, 2))`; `Flatten()`; `Dense(classes, activation="softmax")`.
#
# That is $[3, 4, 6, 3]$ blocks in stages 2 to 5; the identity blocks of a stage use the same
# $f$ and filters as its convolutional block. Stage 2 has stride 1 because the max pooling has
# already halved the size.
#
# ### Exercise 4 - `ResNet50`
#
# Build the model with the Functional API: `X_input = Input(input_shape)`, then the stages of
# the table, calling your `convolutional_block` and `identity_block` with `training=training`,
# and `model = Model(inputs=X_input, outputs=X)`. Give the stage-1 `Conv2D` and the `Dense`
# layer `kernel_initializer=glorot_uniform(seed=0)`, and call the stage-1
# `BatchNormalization(axis=3)` with `training=training`.

# %% nbgrader={"grade_id": "ResNet50", "solution": true}
# GRADED FUNCTION: ResNet50
def ResNet50(input_shape=(64, 64, 3), classes=6, training=False):
    """ResNet-50: stage 1, four stages of residual blocks ([3, 4, 6, 3]), average pooling,
    softmax.

    Arguments:
    input_shape -- shape of one picture, (n_H, n_W, n_C)
    classes -- number of classes
    training -- passed to every BatchNormalization layer

    Returns:
    model -- a Keras Model from pictures (m, n_H, n_W, n_C) to probabilities (m, classes)
    """
    ### BEGIN SOLUTION
    X_input = Input(input_shape)
    X = ZeroPadding2D((3, 3))(X_input)

    X = Conv2D(64, (7, 7), strides=(2, 2), kernel_initializer=glorot_uniform(seed=0))(X)
    X = BatchNormalization(axis=3)(X, training=training)
    X = Activation("relu")(X)
    X = MaxPooling2D((3, 3), strides=(2, 2))(X)

    X = convolutional_block(X, f=3, filters=[64, 64, 256], s=1, training=training)
    X = identity_block(X, 3, [64, 64, 256], training=training)
    X = identity_block(X, 3, [64, 64, 256], training=training)

    X = convolutional_block(X, f=3, filters=[128, 128, 512], s=2, training=training)
    for _ in range(3):
        X = identity_block(X, 3, [128, 128, 512], training=training)

    X = convolutional_block(X, f=3, filters=[256, 256, 1024], s=2, training=training)
    for _ in range(5):
        X = identity_block(X, 3, [256, 256, 1024], training=training)

    X = convolutional_block(X, f=3, filters=[512, 512, 2048], s=2, training=training)
    for _ in range(2):
        X = identity_block(X, 3, [512, 512, 2048], training=training)

    X = AveragePooling2D((2, 2))(X)
    X = Flatten()(X)
    X = Dense(classes, activation="softmax", kernel_initializer=glorot_uniform(seed=0))(X)

    model = Model(inputs=X_input, outputs=X)
    ### END SOLUTION
    return model


# %% [markdown]
# The public test replaces your two blocks by **stand-ins** that record how they were called and
# return a tensor of the right shape (one `Conv2D` for a convolutional block, one linear
# `Activation` for an identity block). It checks the wiring of your `ResNet50` (the stages, the
# calls and their arguments) without depending on your blocks, and it builds in a second.

# %% nbgrader={"grade_id": "test_ResNet50", "points": 4}
block_calls = []


def stand_in_identity_block(X, f, filters, training=False, initializer=None):
    block_calls.append(("identity_block", f, list(filters)))
    return Activation("linear")(X)


def stand_in_convolutional_block(X, f, filters, s=2, training=False, initializer=None):
    block_calls.append(("convolutional_block", f, list(filters), s))
    return Conv2D(filters[2], 1, strides=s)(X)


def expected_calls():
    calls = []
    for filters, n_blocks, s in (([64, 64, 256], 3, 1), ([128, 128, 512], 4, 2),
                                 ([256, 256, 1024], 6, 2), ([512, 512, 2048], 3, 2)):
        calls.append(("convolutional_block", 3, filters, s))
        calls += [("identity_block", 3, filters)] * (n_blocks - 1)
    return calls


def stand_in_rows(classes):
    rows = [("InputLayer", (None, 64, 64, 3), 0), ("ZeroPadding2D", (None, 70, 70, 3), 0),
            ("Conv2D", (None, 32, 32, 64), 7 * 7 * 3 * 64 + 64, {"strides": (2, 2)}),
            ("BatchNormalization", (None, 32, 32, 64), 4 * 64),
            ("ReLU", (None, 32, 32, 64), 0),
            ("MaxPooling2D", (None, 15, 15, 64), 0, {"pool_size": (3, 3), "strides": (2, 2)})]
    size, n_C = 15, 64
    for call in expected_calls():
        if call[0] == "convolutional_block":
            size = -(-size // call[3])
            rows.append(("Conv2D", (None, size, size, call[2][2]), n_C * call[2][2] + call[2][2]))
            n_C = call[2][2]
        else:
            rows.append(("Activation", (None, size, size, n_C), 0, {"activation": "linear"}))
    rows += [("AveragePooling2D", (None, 1, 1, 2048), 0, {"pool_size": (2, 2)}),
             ("Flatten", (None, 2048), 0),
             ("Dense", (None, classes), 2048 * classes + classes, {"activation": "softmax"})]
    return rows


with substituted(globals(), identity_block=stand_in_identity_block,
                 convolutional_block=stand_in_convolutional_block):
    resnet_wiring = ResNet50(input_shape=(64, 64, 3), classes=5)
run_checks(
    "ResNet50",
    lambda: check_model_structure(resnet_wiring, stand_in_rows(5),
                                  "ResNet50(classes=5) built with stand-in blocks"),
    lambda: check_equal(len(block_calls), 16, "the number of blocks ResNet50 calls"),
    lambda: check_equal(block_calls, expected_calls(),
                        "the blocks ResNet50 calls, with (f, filters, s), in order"),
)
### BEGIN HIDDEN TESTS
def _ref_identity_block(X, f, filters, training=False, initializer=random_uniform):
    _F1, _F2, _F3 = filters
    _S = X
    X = Activation("relu")(BatchNormalization(axis=3)(Conv2D(_F1, 1)(X), training=training))
    X = Activation("relu")(BatchNormalization(axis=3)(Conv2D(_F2, f, padding="same")(X),
                                                      training=training))
    X = BatchNormalization(axis=3)(Conv2D(_F3, 1)(X), training=training)
    return Activation("relu")(Add()([X, _S]))


def _ref_convolutional_block(X, f, filters, s=2, training=False, initializer=glorot_uniform):
    _F1, _F2, _F3 = filters
    _S = X
    X = Activation("relu")(BatchNormalization(axis=3)(Conv2D(_F1, 1, strides=s)(X),
                                                      training=training))
    X = Activation("relu")(BatchNormalization(axis=3)(Conv2D(_F2, f, padding="same")(X),
                                                      training=training))
    X = BatchNormalization(axis=3)(Conv2D(_F3, 1)(X), training=training)
    _S = BatchNormalization(axis=3)(Conv2D(_F3, 1, strides=s)(_S), training=training)
    return Activation("relu")(Add()([X, _S]))


def _full_rows(_classes):
    _rows = [("InputLayer", (None, 64, 64, 3), 0), ("ZeroPadding2D", (None, 70, 70, 3), 0),
             ("Conv2D", (None, 32, 32, 64), 9472, {"strides": (2, 2), "padding": "valid"}),
             ("BatchNormalization", (None, 32, 32, 64), 256),
             ("ReLU", (None, 32, 32, 64), 0),
             ("MaxPooling2D", (None, 15, 15, 64), 0, {"pool_size": (3, 3), "strides": (2, 2)})]
    _size, _C = 15, 64
    for _filters, _n, _s in (([64, 64, 256], 3, 1), ([128, 128, 512], 4, 2),
                             ([256, 256, 1024], 6, 2), ([512, 512, 2048], 3, 2)):
        _F1, _F2, _F3 = _filters
        _o = -(-_size // _s)
        _rows += [("Conv2D", (None, _o, _o, _F1), _C * _F1 + _F1, {"strides": (_s, _s)}),
                  ("BatchNormalization", (None, _o, _o, _F1), 4 * _F1),
                  ("ReLU", (None, _o, _o, _F1), 0),
                  ("Conv2D", (None, _o, _o, _F2), 9 * _F1 * _F2 + _F2),
                  ("BatchNormalization", (None, _o, _o, _F2), 4 * _F2),
                  ("ReLU", (None, _o, _o, _F2), 0),
                  ("Conv2D", (None, _o, _o, _F3), _F2 * _F3 + _F3),
                  ("Conv2D", (None, _o, _o, _F3), _C * _F3 + _F3, {"strides": (_s, _s)}),
                  ("BatchNormalization", (None, _o, _o, _F3), 4 * _F3),
                  ("BatchNormalization", (None, _o, _o, _F3), 4 * _F3),
                  ("Add", (None, _o, _o, _F3), 0), ("ReLU", (None, _o, _o, _F3), 0)]
        for _ in range(_n - 1):
            _rows += [("Conv2D", (None, _o, _o, _F1), _F3 * _F1 + _F1),
                      ("BatchNormalization", (None, _o, _o, _F1), 4 * _F1),
                      ("ReLU", (None, _o, _o, _F1), 0),
                      ("Conv2D", (None, _o, _o, _F2), 9 * _F1 * _F2 + _F2),
                      ("BatchNormalization", (None, _o, _o, _F2), 4 * _F2),
                      ("ReLU", (None, _o, _o, _F2), 0),
                      ("Conv2D", (None, _o, _o, _F3), _F2 * _F3 + _F3),
                      ("BatchNormalization", (None, _o, _o, _F3), 4 * _F3),
                      ("Add", (None, _o, _o, _F3), 0), ("ReLU", (None, _o, _o, _F3), 0)]
        _size, _C = _o, _F3
    _rows += [("AveragePooling2D", (None, 1, 1, 2048), 0, {"pool_size": (2, 2)}),
              ("Flatten", (None, 2048), 0),
              ("Dense", (None, _classes), 2048 * _classes + _classes,
               {"activation": "softmax"})]
    return _rows


def _hidden_ResNet50():
    with substituted(globals(), identity_block=_ref_identity_block,
                     convolutional_block=_ref_convolutional_block):
        _model = ResNet50()
    _name = "ResNet50() built with correct blocks"
    check_equal(len(_model.layers), 177, f"the number of layers of {_name}")
    check_model_structure(_model, _full_rows(6), _name)
    check_scalar(_model.count_params(), 23600006, f"the parameter count of {_name}", rtol=0,
                 atol=0.5)
    _probs = np.asarray(_model(np.random.default_rng(5).uniform(0, 1, (2, 64, 64, 3)),
                               training=False))
    check_array(_probs.sum(axis=1), np.ones(2), f"the row sums of the output of {_name}",
                rtol=1e-4)


_hidden_ResNet50()
### END HIDDEN TESTS

# %% [markdown]
# Here is your ResNet-50 built with your own blocks; the course's reference has 177 Keras
# layers (the input layer included) and **23,600,006 parameters**, 23,546,886 of them trainable
# (the rest are the batch normalizations' moving means and variances). If your counts differ,
# your blocks' tests above say where.

# %% tags=["demo"]
resnet = ResNet50(input_shape=(64, 64, 3), classes=6)
print("layers:", len(resnet.layers), " parameters:", resnet.count_params(),
      " trainable:", sum(int(np.prod(w.shape)) for w in resnet.trainable_weights))
check_equal(len(resnet.layers), 177, "the number of layers of your ResNet50()")
check_scalar(resnet.count_params(), 23600006, "the parameter count of your ResNet50()",
             rtol=0, atol=0.5)
check_scalar(sum(int(np.prod(w.shape)) for w in resnet.trainable_weights), 23546886,
             "the trainable parameter count of your ResNet50()", rtol=0, atol=0.5)

# %% [markdown]
# **This notebook does not train ResNet-50.** Training it from scratch takes far more
# computation than a notebook on two CPU cores can spend (each forward pass of a single
# $64 \times 64$ picture costs some hundreds of millions of multiply-adds, and training needs
# many epochs over many pictures), and the course works offline, without downloadable
# pretrained weights (the next notebook starts from a network pretrained for the course). What
# residual connections change can be measured on a much smaller network, though, and that is
# what the last section does.
#
# ## 6 - What the shortcuts do, measured
#
# Two networks of 17 convolutional layers each, on the six-class pictures of
# `load_six_classes()` reduced to $32 \times 32$ pixels:
#
# - a first `Conv2D` of 16 filters $3 \times 3$ with stride 2 and a $2 \times 2$ max pooling
#   ($8 \times 8 \times 16$), then 8 blocks of two `Conv2D(16, 3, padding="same")`, then a
#   global average pooling and a softmax over 6 classes;
# - **plain**: each block is ReLU(conv(ReLU(conv($a$)))); **residual**: the block's input $a$ is
#   added before the second ReLU, ReLU(conv(ReLU(conv($a$))) + $a$), the identity block of
#   section 3 without batch normalization.
#
# Both use Keras's default initialization (Glorot uniform) and no batch normalization, the
# setting where depth hurts most; the two have the same layers, drawn with the same seed,
# and differ only by the 8 additions.

# %% tags=["demo"]
train_x_orig, train_y, test_x_orig, test_y, classes = load_six_classes()


def downsample(x):
    """64 x 64 pictures to 32 x 32 (the mean of each 2 x 2 square), scaled to [0, 1]."""
    return x.reshape(x.shape[0], 32, 2, 32, 2, 3).mean(axis=(2, 4)).astype(np.float32) / 255


X_small, Y_small = downsample(train_x_orig), train_y.ravel()
X_small_test, Y_small_test = downsample(test_x_orig), test_y.ravel()
print("training pictures:", X_small.shape, " test pictures:", X_small_test.shape)


def small_net(residual, n_blocks=8, width=16, seed=0):
    """The plain (residual=False) or residual network of this section."""
    tf.keras.utils.set_random_seed(seed)
    inputs = Input((32, 32, 3))
    X = Conv2D(width, 3, strides=2, padding="same", activation="relu")(inputs)
    X = MaxPooling2D(2)(X)
    for _ in range(n_blocks):
        X_shortcut = X
        X = Conv2D(width, 3, padding="same", activation="relu")(X)
        X = Conv2D(width, 3, padding="same")(X)
        if residual:
            X = Add()([X, X_shortcut])
        X = Activation("relu")(X)
    X = tf.keras.layers.GlobalAveragePooling2D()(X)
    outputs = Dense(6, activation="softmax")(X)
    return Model(inputs, outputs)


def conv_gradient_norms(model, X, Y):
    """The norm of the loss's gradient with respect to each Conv2D kernel, first to last."""
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.keras.losses.sparse_categorical_crossentropy(
            Y, model(X, training=False)))
    kernels = [layer.kernel for layer in model.layers if isinstance(layer, Conv2D)]
    return np.array([float(tf.norm(g)) for g in tape.gradient(loss, kernels)])


# %% [markdown]
# First the gradients at initialization, on the first 64 training pictures: how large is
# $\partial \mathcal{J} / \partial W$ for each of the 17 kernels?

# %% tags=["demo"]
plain_net, residual_net = small_net(residual=False), small_net(residual=True)
grads_plain = conv_gradient_norms(plain_net, X_small[:64], Y_small[:64])
grads_residual = conv_gradient_norms(residual_net, X_small[:64], Y_small[:64])
layer_ratios = grads_residual / grads_plain
first_layer_ratio = layer_ratios[0]
print("first layer: plain %.2e, residual %.2e, ratio %.0f" % (grads_plain[0], grads_residual[0],
                                                              first_layer_ratio))
print("last layer:  plain %.2e, residual %.2e" % (grads_plain[-1], grads_residual[-1]))
print(f"residual / plain ratio, smallest over the 17 layers: {layer_ratios.min():.0f} "
      f"(layer {layer_ratios.argmin() + 1})")

fig, ax = plt.subplots(figsize=(7, 4))
depth = np.arange(1, len(grads_plain) + 1)
ax.semilogy(depth, grads_plain, "o-", label="plain network")
ax.semilogy(depth, grads_residual, "s-", label="residual network")
ax.set_xlabel("convolutional layer (1 = next to the input)")
ax.set_ylabel("norm of dJ/dW (log scale)")
ax.set_title("Gradient reaching each layer at initialization")
ax.legend()
plt.show()
check_between(first_layer_ratio, 100, 1e6, "the residual / plain ratio of the first layer's "
              "gradient norm", "the reference measures 2,900 to 5,600")
check_between(layer_ratios.min(), 100, 1e6, "the smallest residual / plain ratio of a layer's "
              "gradient norm", "the reference measures 830 (260 with another seed)")

# %% [markdown]
# The plain network's gradients are over a hundred times smaller than its residual twin's at
# every one of the 17 layers (the reference measures a factor of at least 830 at every layer
# with this seed, at least 260 with another; most layers are a thousand times or more): the
# signal fades on its way up through 17 layers (the output barely depends on the picture), and
# the gradient fades again on its way down. At the first layer, next to the input, the
# residual network receives over a hundred times more (the reference measures factors of 5,600
# and 2,900 for two random initializations). Now train both, with the same Adam optimizer, for
# a few epochs:

# %% tags=["demo"]
EPOCHS_DEMO = 4
histories = {}
start = time.time()
for name, net in (("plain", plain_net), ("residual", residual_net)):
    net.compile(optimizer=tf.keras.optimizers.Adam(3e-3),
                loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    histories[name] = net.fit(X_small, Y_small, epochs=EPOCHS_DEMO, batch_size=64,
                              verbose=0).history
print(f"training both took {time.time() - start:.0f} s")
for name, h in histories.items():
    print(f"{name:>8}: training loss {h['loss'][-1]:.3f}, training accuracy "
          f"{h['accuracy'][-1]:.2f} after {EPOCHS_DEMO} epochs")

fig, axes = plt.subplots(1, 2, figsize=(11, 4))
for name, h in histories.items():
    epochs_axis = np.arange(1, EPOCHS_DEMO + 1)
    axes[0].plot(epochs_axis, h["loss"], "o-", label=f"{name} network")
    axes[1].plot(epochs_axis, h["accuracy"], "o-", label=f"{name} network")
axes[0].axhline(np.log(6), color="gray", lw=0.8, ls=":", label="ln 6 (guessing)")
axes[1].axhline(1 / 6, color="gray", lw=0.8, ls=":", label="1/6 (guessing)")
for ax, what in zip(axes, ("Training loss", "Training accuracy")):
    ax.set_title(f"{what}, plain vs residual (17 conv layers)")
    ax.set_xlabel("epoch")
    ax.set_ylabel("cross-entropy" if ax is axes[0] else "accuracy")
    ax.legend()
plt.show()
loss_plain, loss_residual = histories["plain"]["loss"][-1], histories["residual"]["loss"][-1]
check_between(loss_plain, 1.78, 1.80, "the plain network's training loss after 4 epochs",
              "it stays at ln 6 = 1.792, guessing")
check_between(histories["plain"]["accuracy"][-1], 0.10, 0.23,
              "the plain network's training accuracy", "about 1/6, guessing")
check_between(loss_residual, 1.45, 1.76, "the residual network's training loss after 4 epochs",
              "the reference reaches 1.67 to 1.72")
check_between(loss_plain - loss_residual, 0.03, 0.5,
              "how much lower the residual network's training loss is",
              "the reference measures 0.07 to 0.12")
check_between(histories["residual"]["accuracy"][-1], 0.20, 0.40,
              "the residual network's training accuracy after 4 epochs",
              "the reference reaches 0.26 to 0.27")

# %% [markdown]
# Training figures can flatter a network; the 600 test pictures (reduced to $32 \times 32$
# the same way) were never trained on. Both networks are evaluated on them as they are after
# the 4 epochs, with no further training:

# %% tags=["demo"]
test_accuracy = {name: net.evaluate(X_small_test, Y_small_test, verbose=0)[1]
                 for name, net in (("plain", plain_net), ("residual", residual_net))}
for name, acc in test_accuracy.items():
    print(f"{name:>8}: test accuracy {acc:.3f} on {len(Y_small_test)} pictures")
check_between(test_accuracy["plain"], 0.10, 0.23, "the plain network's test accuracy",
              "about 1/6, guessing: the reference measures 0.167")
check_between(test_accuracy["residual"], 0.20, 0.40, "the residual network's test accuracy",
              "the reference measures 0.255 to 0.27")
check_between(test_accuracy["residual"] - test_accuracy["plain"], 0.03, 0.3,
              "how much higher the residual network's test accuracy is",
              "the reference measures 0.09 to 0.10")

# %% [markdown]
# With the same layers, the same weights at the start and the same optimizer, the plain network
# does not learn at all in 4 epochs: its training loss stays at $\ln 6 \approx 1.79$ and its
# training accuracy at about $1/6$, the loss and accuracy of guessing. Its first layers receive
# almost no gradient, and the last ones learn nothing useful from features that do not change.
# The residual network starts learning at once: its training loss falls to about 1.7 and its
# training accuracy rises to about 0.26 (for two random initializations the reference measured
# losses of 1.67 and 1.72 and accuracies of 0.26 and 0.27 after 4 epochs). On the held-out test
# pictures the plain network scores 1/6, as guessing does, and the residual network about 0.26
# (the reference measures 0.255 and 0.27). Four epochs are far too few to classify these
# pictures well; the point is the difference, which grows with depth.
#
# Batch normalization, as in ResNet-50, also helps a plain network of this depth; but for
# plain networks of 50 or 100 layers it is not enough, and the shortcuts are what make such
# depths trainable.
#
# ## 7 - Conclusion
#
# - A residual block adds its input to the output of its main path, before the last ReLU:
#   $a^{[l+2]} = g(z^{[l+2]} + a^{[l]})$. Learning the identity is then easy, so adding blocks
#   does not make the network worse.
# - When a block changes the shape, a $1 \times 1$ convolution with stride $s$ and batch
#   normalization on the shortcut resize the input: that is the convolutional block, and its
#   parameters are part of the cost.
# - ResNet-50 stacks 16 bottleneck blocks in 4 stages; for $64 \times 64$ pictures and 6 classes
#   it has 23,600,006 parameters.
# - Measured on a 17-layer network: at initialization every layer of the residual network gets
#   over a hundred times more gradient than the same layer of the plain network, and after 4
#   epochs it reaches about 0.26 test accuracy while the plain network stays at guessing (1/6).
#
# **Reference.** K. He, X. Zhang, S. Ren, J. Sun, *Deep Residual Learning for Image
# Recognition*, 2015 ([arXiv:1512.03385](https://arxiv.org/abs/1512.03385)).

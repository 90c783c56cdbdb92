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
# # Convolution, step by step
#
# A fully connected layer looks at every pixel of a picture with its own weight. For a
# $64 \times 64$ colour picture that is $12\,288$ weights per unit, and nothing in the layer
# knows that two neighbouring pixels are neighbours. A **convolutional layer** slides one small
# filter, say $3 \times 3$, over the whole picture: the same few weights look for the same
# pattern (an edge, a corner, a patch of colour) everywhere. This week's lectures built the
# layer from its parts; in this notebook you write them yourself, in NumPy, forward and
# backward, so that nothing a framework does with them later is a mystery.
#
# **By the end you will have written**
#
# - the forward pass of a convolutional layer: `zero_pad`, `conv_single_step`, `conv_forward`;
# - the forward pass of a pooling layer, max and average: `pool_forward`;
# - the backward passes: `conv_backward`, and for pooling `create_mask_from_window`,
#   `distribute_value` and `pool_backward`;
# - a fast convolution: `im2col` and `conv_forward_im2col`, which replace the loops by one
#   matrix product;
#
# you will have predicted the shapes flowing through a small network before running it, and
# you will have timed your loops against the matrix version and against TensorFlow.
#
# **How this notebook works**
#
# - Write your code between `# YOUR CODE HERE` and the `return` line of each exercise, and delete
#   the `raise NotImplementedError()` line. Do not rename the functions or change their arguments.
# - Each exercise is followed by a test cell. A line ending in "all public tests passed" means
#   the visible checks agree with your code. The grader runs more tests (other shapes, strides
#   and paddings, and comparisons with TensorFlow and with numerical gradients), so passing the
#   public tests is necessary, not sufficient.
# - Unlike in the first two courses, loops are welcome here (until section 7): the point of the
#   first sections is to see every multiplication. Section 7 shows what the loops cost.
# - Run the cells in order. If something behaves strangely, use *Kernel → Restart and run all*.
# - Only the exercise cells are graded: the grader runs the released notebook with your
#   exercise cells put in, so cells you add yourself do not run there. Keep every helper
#   function or import that your answer needs inside its exercise cell.

# %% [markdown]
# ## 1 - Packages
#
# - [NumPy](https://numpy.org) for the computations, [Matplotlib](https://matplotlib.org) for
#   the figures and `time` from the standard library for the timing in section 7;
# - `dlcourse.testing`, the course's test helpers. `substituted` is one of them: while grading,
#   it lets a test of, say, `conv_forward` run with correct versions of the functions that
#   `conv_forward` calls, so that one mistake costs the points of one function only.
#
# TensorFlow is not needed for the exercises; the last demonstration imports it to compare
# speeds.

# %%
import time

import matplotlib.pyplot as plt
import numpy as np

from dlcourse.testing import (
    CheckFailed,
    check_array,
    check_equal,
    check_scalar,
    check_shape,
    check_type,
    check_unchanged,
    run_checks,
    substituted,
)

np.set_printoptions(precision=4, suppress=True)

# %% [markdown]
# ## 2 - The convolutional layer
#
# **Shapes.** A batch of $m$ pictures is one array with four axes, the channels last (the
# convention of TensorFlow and Keras):
#
# | array | shape | what it is |
# |---|---|---|
# | `A_prev` | $(m, n_H^{[l-1]}, n_W^{[l-1]}, n_C^{[l-1]})$ | the input: $m$ pictures |
# | `W` | $(f, f, n_C^{[l-1]}, n_C^{[l]})$ | $n_C^{[l]}$ filters of $f \times f$ |
# | `b` | $(1, 1, 1, n_C^{[l]})$ | one bias per filter |
# | `Z` | $(m, n_H^{[l]}, n_W^{[l]}, n_C^{[l]})$ | the output: one channel per filter |
#
# Each picture has height $n_H$, width $n_W$ and $n_C$ channels (3 for RGB), and each filter is
# as deep as its input.
#
# In code the superscripts become names: `n_H_prev`, `n_W_prev`, `n_C_prev` for layer $l-1$ and
# `n_H`, `n_W`, `n_C` for layer $l$. The layer's two hyperparameters, the **stride** $s$ and the
# **padding** $p$, come in a dictionary `hparameters = {"stride": s, "pad": p}`.
#
# **What one output value is.** Pad the input with $p$ rows and columns of zeros on every
# side; call the result $A_{pad}$. Output $(h, w)$ of filter $c$ for example $i$ is the window
# of $A_{pad}$ whose top-left corner sits at row $h s$ and column $w s$, multiplied elementwise
# by the filter and summed, plus the bias:
#
# $$Z_{i,h,w,c} = \sum_{u=0}^{f-1} \sum_{v=0}^{f-1} \sum_{k=0}^{n_C^{[l-1]}-1}
# A_{pad\;i,\; hs+u,\; ws+v,\; k} \; W_{u,v,k,c} \; + \; b_c .$$
#
# Two remarks about this formula:
#
# - The filter is used **as it is**: entry $(0, 0)$ of the filter meets the window's top-left
#   corner. Mathematicians call that a cross-correlation; their *convolution* first flips the
#   filter upside down and left to right. Deep learning frameworks (TensorFlow included) do not
#   flip, and neither will you: the network learns its filters, so flipping would only store
#   them upside down.
# - Every filter covers **all** the input channels at once, and produces one output channel.
#
# **How many outputs.** Along the height, the window's top row can be $0, s, 2s, \dots$ as long
# as the window still fits into the $n_H^{[l-1]} + 2p$ padded rows. That gives
#
# $$n_H^{[l]} = \left\lfloor \frac{n_H^{[l-1]} + 2p - f}{s} \right\rfloor + 1, \qquad
# n_W^{[l]} = \left\lfloor \frac{n_W^{[l-1]} + 2p - f}{s} \right\rfloor + 1.$$
#
# The floor $\lfloor \cdot \rfloor$ matters: when the stride does not divide $n + 2p - f$, the
# last rows that do not fill a whole window are skipped. In Python, `(n + 2 * p - f) // s + 1`
# computes it with integers.
#
# **The plan.**
#
# | step | forward | backward |
# |---|---|---|
# | padding | `zero_pad` | (remove the padding) |
# | one window, one filter | `conv_single_step` | |
# | convolution | `conv_forward` | `conv_backward` |
# | pooling | `pool_forward` | `pool_backward`, `create_mask_from_window`, `distribute_value` |
# | convolution, fast | `im2col`, `conv_forward_im2col` | |

# %% [markdown]
# ## 3 - The convolutional layer, forward
#
# ### 3.1 - Zero padding
#
# Padding adds $p$ rows of zeros above and below each picture and $p$ columns to its left and
# right. It serves two purposes: a layer with $f = 3$, $s = 1$ and $p = 1$ keeps the height and
# width of its input (without padding, every layer would shrink the pictures), and the pixels at
# the border take part in more windows (without padding, a corner pixel falls into a single
# window, and its information hardly reaches the next layer).
#
# ### Exercise 1 - `zero_pad`
#
# Pad the height and width axes (axes 1 and 2) of `X` with `pad` zeros on both sides, and
# nothing else: the number of examples and the number of channels stay the same. Use
# [`np.pad`](https://numpy.org/doc/stable/reference/generated/numpy.pad.html); its `pad_width`
# argument takes one `(before, after)` pair **per axis**. Beware: `np.pad(X, pad)` with a single
# number pads **all four** axes, adding fake examples and fake channels.

# %% nbgrader={"grade_id": "zero_pad", "solution": true}
# GRADED FUNCTION: zero_pad
def zero_pad(X, pad):
    """Pad the height and width of every picture of X with zeros.

    Arguments:
    X -- array of shape (m, n_H, n_W, n_C): a batch of m pictures
    pad -- integer, the number of zero rows (and columns) added on each side

    Returns:
    X_pad -- the padded pictures, shape (m, n_H + 2 * pad, n_W + 2 * pad, n_C)
    """
    ### BEGIN SOLUTION
    X_pad = np.pad(X, ((0, 0), (pad, pad), (pad, pad), (0, 0)), mode="constant",
                   constant_values=0)
    ### END SOLUTION
    return X_pad


# %% nbgrader={"grade_id": "test_zero_pad", "points": 1}
x_in = np.arange(1.0, 37.0).reshape(2, 3, 2, 3)  # 2 pictures, 3 x 2 pixels, 3 channels
x_in_copy = x_in.copy()
x_pad_out = zero_pad(x_in, 2)
run_checks(
    "zero_pad",
    lambda: check_shape(x_pad_out, (2, 7, 6, 3), "zero_pad(x, 2)"),
    lambda: check_array(x_pad_out[:, 2:5, 2:4, :], x_in, "the middle of zero_pad(x, 2)"),
    lambda: check_equal(float(np.abs(x_pad_out).sum()), float(np.abs(x_in).sum()),
                        "the sum of |zero_pad(x, 2)| (the border must hold zeros only)",
                        hints=[(4662.0, "the border repeats the edge values (mode 'edge'?): "
                                        "the padding is zeros")]),
    lambda: check_unchanged(x_in_copy, x_in, "x passed to zero_pad"),
)
### BEGIN HIDDEN TESTS
def _hidden_zero_pad():
    for _seed, (_shape, _pad) in enumerate((((3, 4, 5, 2), 1), ((1, 2, 6, 3), 3),
                                           ((2, 5, 3, 1), 0), ((4, 1, 1, 4), 2))):
        _rng = np.random.default_rng(1000 + _seed)
        _X = _rng.normal(size=_shape)
        _copy = _X.copy()
        _m, _h, _w, _c = _shape
        _want = np.zeros((_m, _h + 2 * _pad, _w + 2 * _pad, _c))
        _want[:, _pad:_pad + _h, _pad:_pad + _w, :] = _X
        _what = f"zero_pad(X, {_pad}) for X of shape {_shape}"
        _got = zero_pad(_X, _pad)
        _all_axes = (_m + 2 * _pad, _h + 2 * _pad, _w + 2 * _pad, _c + 2 * _pad)
        if _pad and np.shape(_got) == _all_axes:
            raise CheckFailed(f"{_what} has shape {np.shape(_got)}; expected {_want.shape}\n"
                              "  likely cause: all four axes padded (np.pad(X, pad)?): "
                              "pad axes 1 and 2 only")
        check_array(_got, _want, _what, atol=0)
        check_unchanged(_copy, _X, "X passed to zero_pad")


_hidden_zero_pad()
### END HIDDEN TESTS

# %% [markdown]
# One channel of a picture before and after padding with $p = 2$ (the picture is a random
# one; the zeros of the border are the dark frame):

# %% tags=["demo"]
picture = np.random.default_rng(1).uniform(0.2, 1.0, size=(1, 5, 7, 1))
padded = zero_pad(picture, 2)
fig, axes = plt.subplots(1, 2, figsize=(8, 3))
for ax, image, title in ((axes[0], picture, f"input {picture.shape[1:3]}"),
                         (axes[1], padded, f"padded with p = 2: {padded.shape[1:3]}")):
    ax.imshow(image[0, :, :, 0], cmap="gray", vmin=0, vmax=1)
    ax.set_title(title)
    ax.set_xlabel("column (width axis)")
    ax.set_ylabel("row (height axis)")
plt.tight_layout()
plt.show()

# %% [markdown]
# ### 3.2 - One window, one filter
#
# The heart of the layer: take one window of the (padded) input, `a_slice_prev`, of shape
# $(f, f, n_C^{[l-1]})$, and one filter of the same shape. Multiply them elementwise, add up the
# $f \cdot f \cdot n_C^{[l-1]}$ products, and add the filter's bias.
#
# ### Exercise 2 - `conv_single_step`
#
# `b` arrives as an array of shape $(1, 1, 1)$ (the slice `b[:, :, :, c]` of the layer's
# biases). Add it as a number, so that the function returns a single number and not an array:
# `b.item()` does the conversion. (`float(b)`, seen in older code, raises a `TypeError` with
# this course's NumPy 2.4 for an array that has dimensions.)

# %% nbgrader={"grade_id": "conv_single_step", "solution": true}
# GRADED FUNCTION: conv_single_step
def conv_single_step(a_slice_prev, W, b):
    """Apply one filter to one window of the input.

    Arguments:
    a_slice_prev -- a window of the padded input, shape (f, f, n_C_prev)
    W -- one filter, shape (f, f, n_C_prev)
    b -- its bias, shape (1, 1, 1)

    Returns:
    Z -- a number: the sum of a_slice_prev * W, plus b
    """
    ### BEGIN SOLUTION
    s = a_slice_prev * W
    Z = np.sum(s)
    Z = Z + b.item()
    ### END SOLUTION
    return Z


# %% nbgrader={"grade_id": "test_conv_single_step", "points": 1}
rng_single = np.random.default_rng(1)
a_slice_in = rng_single.integers(-2, 3, size=(3, 3, 2)).astype(float)
W_single_in = rng_single.integers(-1, 2, size=(3, 3, 2)).astype(float)
b_single_in = np.array([[[0.5]]])
Z_single = conv_single_step(a_slice_in, W_single_in, b_single_in)
run_checks(
    "conv_single_step",
    lambda: check_shape(Z_single, (), "conv_single_step(a_slice, W, b) (a number, not an array: "
                                      "b.item()?)"),
    lambda: check_scalar(Z_single, -1.5, "conv_single_step(a_slice, W, b)",
                         hints=[(-2.0, "the bias is missing"),
                                (7.0, "b added to each of the 18 products: it is added once, "
                                      "to their sum"),
                                (-2.0 / 18 + 0.5, "the mean of the products: Z adds them up"),
                                (-4.5, "the filter is flipped: use W as it is "
                                       "(cross-correlation, no flip)")]),
)
### BEGIN HIDDEN TESTS
def _hidden_conv_single_step():
    for _seed, (_f, _n_C_prev) in enumerate(((3, 4), (1, 1), (5, 2), (2, 7))):
        _rng = np.random.default_rng(1100 + _seed)
        _a = _rng.normal(size=(_f, _f, _n_C_prev))
        _W = _rng.normal(size=(_f, _f, _n_C_prev))
        _b = _rng.normal(size=(1, 1, 1))
        _copies = (_a.copy(), _W.copy(), _b.copy())
        _dot = float(np.einsum("ijk,ijk->", _a, _W))
        _bias = float(_b.reshape(()))
        _n = _f * _f * _n_C_prev
        _flipped = float(np.einsum("ijk,ijk->", _a, _W[::-1, ::-1])) + _bias
        _hints = [
            (_dot, "the bias is missing"),
            (_flipped, "the filter is flipped: use W as it is (cross-correlation, no flip)"),
            (_dot + _n * _bias, "the bias is added to every product, not once"),
            (_dot / _n + _bias, "a mean instead of a sum?"),
        ]
        _what = f"conv_single_step for a window of shape {(_f, _f, _n_C_prev)}"
        _got = conv_single_step(_a, _W, _b)
        check_shape(_got, (), f"{_what} (a number, not an array: b.item()?)")
        check_scalar(_got, _dot + _bias, _what, rtol=1e-9, atol=1e-12, hints=_hints)
        for _name, _before, _after in zip(("a_slice_prev", "W", "b"), _copies, (_a, _W, _b)):
            check_unchanged(_before, _after, f"{_name} passed to conv_single_step")


_hidden_conv_single_step()
### END HIDDEN TESTS

# %% [markdown]
# ### 3.3 - The whole layer
#
# `conv_forward` applies every filter to every window of every example. Loop over
#
# 1. the examples, `i` in `range(m)` (take the padded picture `a_prev_pad = A_prev_pad[i]`);
# 2. the output rows, `h` in `range(n_H)`: the window spans rows `vert_start = h * stride` to
#    `vert_end = vert_start + f` (excluded);
# 3. the output columns, `w` in `range(n_W)`: columns `horiz_start = w * stride` to
#    `horiz_end = horiz_start + f`;
# 4. the filters, `c` in `range(n_C)`: `Z[i, h, w, c]` is `conv_single_step` of the window
#    (all channels) with filter `W[:, :, :, c]` and bias `b[:, :, :, c]`.
#
# The stride moves the **start** of the window; the window itself is always $f$ wide. Compute
# `n_H` and `n_W` with the formula of section 2, floor included, and store them as integers
# (`np.zeros` wants integer sizes).
#
# ### Exercise 3 - `conv_forward`
#
# The function returns `Z` and the cache `(A_prev, W, b, hparameters)` that the backward pass
# will need.

# %% nbgrader={"grade_id": "conv_forward", "solution": true}
# GRADED FUNCTION: conv_forward
def conv_forward(A_prev, W, b, hparameters):
    """The forward pass of a convolutional layer.

    Arguments:
    A_prev -- the layer's input, shape (m, n_H_prev, n_W_prev, n_C_prev)
    W -- the filters, shape (f, f, n_C_prev, n_C)
    b -- the biases, shape (1, 1, 1, n_C)
    hparameters -- dictionary with "stride" and "pad"

    Returns:
    Z -- the output, shape (m, n_H, n_W, n_C)
    cache -- the tuple (A_prev, W, b, hparameters), kept for conv_backward
    """
    (m, n_H_prev, n_W_prev, n_C_prev) = A_prev.shape
    (f, f, n_C_prev, n_C) = W.shape
    stride = hparameters["stride"]
    pad = hparameters["pad"]
    ### BEGIN SOLUTION
    n_H = (n_H_prev + 2 * pad - f) // stride + 1
    n_W = (n_W_prev + 2 * pad - f) // stride + 1
    Z = np.zeros((m, n_H, n_W, n_C))
    A_prev_pad = zero_pad(A_prev, pad)
    for i in range(m):
        a_prev_pad = A_prev_pad[i]
        for h in range(n_H):
            vert_start = h * stride
            vert_end = vert_start + f
            for w in range(n_W):
                horiz_start = w * stride
                horiz_end = horiz_start + f
                a_slice_prev = a_prev_pad[vert_start:vert_end, horiz_start:horiz_end, :]
                for c in range(n_C):
                    Z[i, h, w, c] = conv_single_step(a_slice_prev, W[:, :, :, c],
                                                     b[:, :, :, c])
    ### END SOLUTION
    cache = (A_prev, W, b, hparameters)
    return Z, cache


# %% nbgrader={"grade_id": "test_conv_forward", "points": 3}
### BEGIN HIDDEN TESTS
def _ref_zero_pad(X, pad):
    _out = np.zeros((X.shape[0], X.shape[1] + 2 * pad, X.shape[2] + 2 * pad, X.shape[3]))
    _out[:, pad:pad + X.shape[1], pad:pad + X.shape[2], :] = X
    return _out


def _ref_conv_single_step(a_slice_prev, W, b):
    return float(np.sum(np.multiply(a_slice_prev, W))) + float(np.reshape(b, ()))


_graded_callees = {"zero_pad": _ref_zero_pad, "conv_single_step": _ref_conv_single_step}
### END HIDDEN TESTS
# 2 pictures of 5 x 4 pixels with 3 channels; 2 filters of 3 x 3; stride 2, padding 1.
rng_conv = np.random.default_rng(3)
A_conv_in = rng_conv.integers(-2, 3, size=(2, 5, 4, 3)).astype(float)
W_conv_in = rng_conv.integers(-1, 2, size=(3, 3, 3, 2)).astype(float)
b_conv_in = np.array([1.0, -2.0]).reshape(1, 1, 1, 2)
hparameters_conv = {"stride": 2, "pad": 1}
Z_conv_expected = np.array([[[[-1, -4], [-1, 10]], [[6, 1], [-5, 7]], [[2, -8], [3, -2]]],
                            [[[-3, -4], [2, -5]], [[-1, 0], [8, 11]], [[2, 1], [-8, -1]]]])
Z_conv_flipped = np.array([[[[-9, 7], [-4, 1]], [[-3, -2], [7, -2]], [[-3, 3], [2, 6]]],
                           [[[0, -3], [-2, 1]], [[5, 0], [0, -11]], [[-4, 7], [7, -2]]]])
# While grading, correct versions of zero_pad and conv_single_step stand in for yours in this
# cell (so a mistake in them costs their own points only); here your own versions run.
with substituted.while_grading(globals()):
    Z_conv, cache_conv = conv_forward(A_conv_in, W_conv_in, b_conv_in, hparameters_conv)
run_checks(
    "conv_forward",
    # n_W = floor((4 + 2 - 3) / 2) + 1 = 2: the last padded column starts no window.
    lambda: check_array(Z_conv, Z_conv_expected, "Z",
                        hints=[(Z_conv_expected - b_conv_in, "the bias is missing"),
                               (Z_conv_expected - b_conv_in + b_conv_in[..., :1],
                                "every channel got the first filter's bias: channel c adds "
                                "b[:, :, :, c]"),
                               ([[[[1, -2], [1, -2]], [[1, -2], [1, -2]], [[1, -2], [1, -2]]],
                                 [[[-1, -4], [-1, 10]], [[6, 1], [-5, 7]], [[2, -8], [3, -2]]]],
                                "the batch axis padded too? zero_pad pads n_H and n_W only"),
                               ([[[[-1, -4], [5, -8]], [[-7, -1], [6, -11]], [[6, 1], [10, -14]]],
                                 [[[-3, -4], [-6, -8]], [[8, -1], [7, 3]], [[-1, 0], [-4, 0]]]],
                                "the stride ignored? window (h, w) starts at row h * stride and "
                                "column w * stride"),
                               (Z_conv_flipped, "the filter is flipped: use W as it is "
                                                "(cross-correlation, no flip)")]),
    lambda: check_type(cache_conv, tuple, "cache"),
    lambda: check_equal(len(cache_conv), 4, "len(cache)"),
    lambda: check_array(cache_conv[0], A_conv_in, "cache[0] (should be A_prev)"),
    lambda: check_equal(cache_conv[3], hparameters_conv, "cache[3] (should be hparameters)"),
)
### BEGIN HIDDEN TESTS
def _hidden_conv_forward():
    import os

    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")
    import tensorflow as tf

    _FLIPPED = "the filter is flipped: use W as it is (cross-correlation, no flip)"

    def _tf_conv(_A, _W, _b, _stride, _pad):
        _A_pad = tf.constant(_ref_zero_pad(_A, _pad), tf.float64)
        _Z = tf.nn.conv2d(_A_pad, tf.constant(_W, tf.float64), strides=_stride, padding="VALID")
        return _Z.numpy() + _b

    # (shape of A_prev, f, n_C, stride, pad): non-square, strides that leave rows over (floor)
    _cases = (((2, 7, 5, 3), 3, 4, 2, 1), ((3, 6, 9, 2), 2, 3, 3, 2), ((1, 8, 6, 4), 4, 2, 1, 0),
              ((2, 5, 7, 1), 1, 3, 2, 1), ((2, 9, 4, 2), 3, 1, 3, 3))
    for _seed, (_shape, _f, _n_C, _stride, _pad) in enumerate(_cases):
        _rng = np.random.default_rng(1200 + _seed)
        _A = _rng.normal(size=_shape)
        _W = _rng.normal(size=(_f, _f, _shape[3], _n_C))
        _b = _rng.normal(size=(1, 1, 1, _n_C))
        _hp = {"stride": _stride, "pad": _pad}
        _copies = (_A.copy(), _W.copy(), _b.copy())
        _want = _tf_conv(_A, _W, _b, _stride, _pad)
        _hints = [
            (_tf_conv(_A, _W[::-1, ::-1], _b, _stride, _pad), _FLIPPED),
            (_want - _b, "the bias is missing"),
        ]
        _what = (f"Z for A_prev of shape {_shape}, f = {_f}, n_C = {_n_C}, stride = {_stride}, "
                 f"pad = {_pad}")
        with substituted(globals(), zero_pad=_ref_zero_pad, conv_single_step=_ref_conv_single_step):
            _Z, _cache = conv_forward(_A, _W, _b, _hp)
        _ceil = [-(-(_n + 2 * _pad - _f) // _stride) + 1 for _n in _shape[1:3]]
        if np.shape(_Z) == (_shape[0], *_ceil, _n_C) != _want.shape:
            raise CheckFailed(f"{_what} has shape {np.shape(_Z)}; expected {_want.shape}\n"
                              "  likely cause: rounded up: n_H and n_W take the floor")
        check_array(_Z, _want, _what, rtol=1e-9, atol=1e-9, hints=_hints)
        check_type(_cache, tuple, "cache")
        check_equal(len(_cache), 4, "len(cache)")
        for _k, (_name, _orig) in enumerate(zip(("A_prev", "W", "b"), _copies)):
            check_array(_cache[_k], _orig, f"cache[{_k}] (should be {_name})", atol=0)
        check_equal(_cache[3], _hp, "cache[3] (should be hparameters)")
        for _name, _before, _after in zip(("A_prev", "W", "b"), _copies, (_A, _W, _b)):
            check_unchanged(_before, _after, f"{_name} passed to conv_forward")


_hidden_conv_forward()
### END HIDDEN TESTS

# %% [markdown]
# **What a filter finds.** A $3 \times 3$ filter with a column of ones, a column of zeros and
# a column of minus ones answers "is the left side of this window brighter than its right
# side?". Below it runs on a dark picture with a bright square, together with the same filter
# turned by 90 degrees: the first finds the vertical edges of the square, the second the
# horizontal ones. With the filter used as it is (no flip), the output is **positive** where the
# picture goes from bright (left) to dark (right), at the square's right edge, and negative at
# its left edge (the cell checks both signs).

# %% tags=["demo"]
square = np.zeros((1, 20, 20, 1))
square[0, 5:15, 6:14, 0] = 1.0
edge_filters = np.zeros((3, 3, 1, 2))
edge_filters[:, :, 0, 0] = [[1, 0, -1], [1, 0, -1], [1, 0, -1]]  # vertical edges
edge_filters[:, :, 0, 1] = edge_filters[:, :, 0, 0].T  # horizontal edges
edges, _ = conv_forward(square, edge_filters, np.zeros((1, 1, 1, 2)), {"stride": 1, "pad": 1})
fig, axes = plt.subplots(1, 3, figsize=(13, 3.6))
axes[0].imshow(square[0, :, :, 0], cmap="gray")
axes[0].set_title("input picture")
for k, name in ((0, "vertical edges"), (1, "horizontal edges")):
    shown = axes[k + 1].imshow(edges[0, :, :, k], cmap="RdBu_r", vmin=-3, vmax=3)
    axes[k + 1].set_title(f"Z, filter for {name}")
for ax in axes:
    ax.set_xlabel("column")
    ax.set_ylabel("row")
fig.colorbar(shown, ax=axes[1:], label="value of Z (red > 0, blue < 0)")
plt.show()
print("Z of the vertical-edge filter along row 10:", edges[0, 10, :, 0])
assert edges[0, 10, 14, 0] > 0 and edges[0, 10, 5, 0] < 0, "check the signs of the edges"

# %% [markdown]
# ## 4 - The pooling layer, forward
#
# A pooling layer shrinks the height and width of its input with a fixed rule and no weights
# at all: each output is the **maximum** (max pooling) or the **mean** (average pooling) of a
# window of $f \times f$ input values. It works on each channel separately, so the number of
# channels does not change, and here it uses no padding. Its hyperparameters come in
# `hparameters = {"f": f, "stride": s}`, and the output size is the formula of section 2 with
# $p = 0$:
#
# $$n_H = \left\lfloor \frac{n_H^{[l-1]} - f}{s} \right\rfloor + 1, \qquad
# n_W = \left\lfloor \frac{n_W^{[l-1]} - f}{s} \right\rfloor + 1, \qquad n_C = n_C^{[l-1]}.$$
#
# ### Exercise 4 - `pool_forward`
#
# Loop over the examples, the output rows and columns and the **channels**, as in
# `conv_forward`: the window of output `(i, h, w, c)` is
# `A_prev[i, vert_start:vert_end, horiz_start:horiz_end, c]`, a single channel. Take its
# `np.max` when `mode == "max"` and its `np.mean` when `mode == "average"`. The cache is
# `(A_prev, hparameters)`.

# %% nbgrader={"grade_id": "pool_forward", "solution": true}
# GRADED FUNCTION: pool_forward
def pool_forward(A_prev, hparameters, mode="max"):
    """The forward pass of a pooling layer.

    Arguments:
    A_prev -- the layer's input, shape (m, n_H_prev, n_W_prev, n_C_prev)
    hparameters -- dictionary with "f" and "stride"
    mode -- "max" or "average"

    Returns:
    A -- the output, shape (m, n_H, n_W, n_C) with n_C = n_C_prev
    cache -- the tuple (A_prev, hparameters), kept for pool_backward
    """
    (m, n_H_prev, n_W_prev, n_C_prev) = A_prev.shape
    f = hparameters["f"]
    stride = hparameters["stride"]
    ### BEGIN SOLUTION
    n_H = (n_H_prev - f) // stride + 1
    n_W = (n_W_prev - f) // stride + 1
    n_C = n_C_prev
    A = np.zeros((m, n_H, n_W, n_C))
    for i in range(m):
        for h in range(n_H):
            vert_start = h * stride
            vert_end = vert_start + f
            for w in range(n_W):
                horiz_start = w * stride
                horiz_end = horiz_start + f
                for c in range(n_C):
                    a_prev_slice = A_prev[i, vert_start:vert_end, horiz_start:horiz_end, c]
                    if mode == "max":
                        A[i, h, w, c] = np.max(a_prev_slice)
                    elif mode == "average":
                        A[i, h, w, c] = np.mean(a_prev_slice)
    ### END SOLUTION
    cache = (A_prev, hparameters)
    return A, cache


# %% nbgrader={"grade_id": "test_pool_forward", "points": 3}
# One 5 x 4 picture with 2 channels: channel 0 is A0, channel 1 is 20 - A0.
A0 = np.array([[1.0, 6, 2, 8],
               [7, 3, 9, 4],
               [5, 0, 11, 10],
               [12, 4, 3, 2],
               [2, 13, 1, 6]])
A_pool_in = np.stack([A0, 20 - A0], axis=-1)[np.newaxis]  # shape (1, 5, 4, 2)
A_pool_copy = A_pool_in.copy()
hp_pool_1 = {"f": 3, "stride": 2}  # n_W = floor((4 - 3) / 2) + 1 = 1
hp_pool_2 = {"f": 2, "stride": 1}
A_max_1, cache_pool = pool_forward(A_pool_in, hp_pool_1, mode="max")
A_avg_1, _ = pool_forward(A_pool_in, hp_pool_1, mode="average")
A_max_2, _ = pool_forward(A_pool_in, hp_pool_2, mode="max")
A_avg_2, _ = pool_forward(A_pool_in, hp_pool_2, mode="average")
max_1_expected = np.array([[[[11, 20]], [[13, 20]]]])
avg_1_expected = np.array([[[[44 / 9, 20 - 44 / 9]], [[51 / 9, 20 - 51 / 9]]]])
run_checks(
    "pool_forward",
    lambda: check_array(A_max_1, max_1_expected, "A (max, f = 3, stride = 2)",
                        hints=[(avg_1_expected, "the mean was taken: is mode read?"),
                               ([[[[20, 20]], [[20, 20]]]],
                                "the window spans every channel: pool each channel c on its "
                                "own"),
                               ([[[[11, 20]], [[12, 20]]]],
                                "the stride ignored? window (h, w) starts at row h * stride and "
                                "column w * stride"),
                               ([[[[7, 19]], [[12, 18]]]],
                                "a window one column wide: it is f x f")]),
    lambda: check_array(A_avg_1, avg_1_expected, "A (average, f = 3, stride = 2)",
                        hints=[(max_1_expected, "the maximum was taken: is mode read?")]),
    lambda: check_array(A_max_2[0, :, :, 0], [[7, 9, 9], [7, 11, 11], [12, 11, 11], [13, 13, 6]],
                        "A[0, :, :, 0] (max, f = 2, stride = 1)"),
    lambda: check_array(A_avg_2[0, :, :, 1], 20 - np.array([[4.25, 5, 5.75], [3.75, 5.75, 8.5],
                                                            [5.25, 4.5, 6.5], [7.75, 5.25, 3]]),
                        "A[0, :, :, 1] (average, f = 2, stride = 1)"),
    lambda: check_type(cache_pool, tuple, "cache"),
    lambda: check_equal(len(cache_pool), 2, "len(cache)"),
    lambda: check_equal(cache_pool[1], hp_pool_1, "cache[1] (should be hparameters)"),
    lambda: check_unchanged(A_pool_copy, A_pool_in, "A_prev passed to pool_forward"),
)
### BEGIN HIDDEN TESTS
def _hidden_pool_forward():
    import os

    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")
    import tensorflow as tf

    def _tf_pool(_A, _f, _stride, _mode):
        _pool = tf.nn.max_pool2d if _mode == "max" else tf.nn.avg_pool2d
        _out = _pool(tf.constant(_A, tf.float64), ksize=_f, strides=_stride, padding="VALID")
        return _out.numpy()

    def _across_channels(_A, _f, _stride, _mode):
        _win = np.lib.stride_tricks.sliding_window_view(_A, (_f, _f), axis=(1, 2))
        _win = _win[:, ::_stride, ::_stride]
        _red = _win.max(axis=(3, 4, 5)) if _mode == "max" else _win.mean(axis=(3, 4, 5))
        return np.repeat(_red[..., np.newaxis], _A.shape[3], axis=3)

    _cases = (((2, 7, 5, 3), 3, 2), ((3, 6, 9, 2), 2, 2), ((1, 8, 6, 4), 4, 1),
              ((2, 5, 7, 1), 2, 3), ((2, 9, 4, 2), 3, 3))
    for _seed, (_shape, _f, _stride) in enumerate(_cases):
        _rng = np.random.default_rng(1300 + _seed)
        _A = _rng.normal(size=_shape)
        _hp = {"f": _f, "stride": _stride}
        _copy = _A.copy()
        _results = {_mode: _tf_pool(_A, _f, _stride, _mode) for _mode in ("max", "average")}
        for _mode, _other in (("max", "average"), ("average", "max")):
            _hints = [
                (_results[_other], f"the {_other} pooling result: is mode read?"),
                (_across_channels(_A, _f, _stride, _mode),
                 "the window spans all channels: pool each channel separately"),
            ]
            _what = f"A ({_mode}) for A_prev of shape {_shape}, f = {_f}, stride = {_stride}"
            _got, _cache = pool_forward(_A, _hp, mode=_mode)
            _ceil = [-(-(_n - _f) // _stride) + 1 for _n in _shape[1:3]]
            if np.shape(_got) == (_shape[0], *_ceil, _shape[3]) != _results[_mode].shape:
                raise CheckFailed(f"{_what} has shape {np.shape(_got)}; expected "
                                  f"{_results[_mode].shape}\n"
                                  "  likely cause: rounded up: n_H and n_W take the floor")
            check_array(_got, _results[_mode], _what, rtol=1e-9, atol=1e-12, hints=_hints)
            check_type(_cache, tuple, "cache")
            check_equal(len(_cache), 2, "len(cache)")
            check_array(_cache[0], _copy, "cache[0] (should be A_prev)", atol=0)
            check_equal(_cache[1], _hp, "cache[1] (should be hparameters)")
        _got_default, _ = pool_forward(_A, _hp)
        check_array(_got_default, _results["max"],
                    f"A with the default mode for A_prev of shape {_shape}", rtol=1e-9, atol=1e-12)
        check_unchanged(_copy, _A, "A_prev passed to pool_forward")


_hidden_pool_forward()
### END HIDDEN TESTS

# %% [markdown]
# ## 5 - Predict the shapes
#
# Before a network runs, you should know the shape of every array in it: most bugs in
# convolutional networks show up as a shape that is not what you thought. Here is the start of
# a small network for pictures of $64 \times 48$ pixels with 3 colour channels, in a batch of
# $m = 10$:
#
# 1. **CONV1**: 8 filters of $5 \times 5$, stride 1, and "same" padding: the padding $p$ that
#    makes the output exactly as high and as wide as the input;
# 2. **POOL1**: max pooling with $f = 3$ and stride 2;
# 3. **CONV2**: 16 filters of $3 \times 3$, stride 2, padding 1.
#
# ### Exercise 5 - `shape_predictions`
#
# Work these out with the formulas of sections 2 and 4, on paper or with Python as a
# calculator, **before** running anything else: the point is to predict. Assign them in the cell
# below (replace the `None`s and delete the `raise NotImplementedError()` line):
#
# - `pad_same`: the padding $p$ of CONV1 (derive it: which $p$ makes $n_H^{[1]} = n_H^{[0]}$
#   when $s = 1$?);
# - `shape_conv1`, `shape_pool1`, `shape_conv2`: the shape $(n_H, n_W, n_C)$ of **one
#   example's** output of each layer, as a tuple of three integers;
# - `params_conv2`: the number of parameters (weights and biases) of CONV2;
# - `n_single_steps`: how many times your `conv_forward` calls `conv_single_step` when it runs
#   CONV2 on the whole batch of 10 pictures.
#
# The test cell checks your answers without showing them: it compares a fingerprint (a hash) of
# each answer with the fingerprint of the right one. The cell after it then runs your own
# functions on zeros to show the real shapes.

# %% nbgrader={"grade_id": "shape_predictions", "solution": true}
# Replace each None by your answer: an integer, or a tuple of three integers (n_H, n_W, n_C).
pad_same = None
shape_conv1 = None
shape_pool1 = None
shape_conv2 = None
params_conv2 = None
n_single_steps = None
### BEGIN SOLUTION
pad_same = 2  # n_H + 2p - 5 + 1 = n_H  =>  p = (f - 1) / 2
shape_conv1 = (64, 48, 8)
shape_pool1 = (31, 23, 8)  # floor(61 / 2) + 1 = 31, floor(45 / 2) + 1 = 23
shape_conv2 = (16, 12, 16)  # floor(31 / 2) + 1 = 16, floor(23 / 2) + 1 = 12
params_conv2 = 3 * 3 * 8 * 16 + 16
n_single_steps = 10 * 16 * 12 * 16
### END SOLUTION

# %% nbgrader={"grade_id": "test_shape_predictions", "points": 2}
import hashlib


def fingerprint(answer):
    """A short hash of an answer (an integer, or a tuple of integers)."""
    if isinstance(answer, (tuple, list)):
        answer = tuple(int(v) for v in answer)
    else:
        answer = int(answer)
    return hashlib.sha256(repr(answer).encode()).hexdigest()[:16]


def check_prediction(name, answer, expected_fingerprint, tip):
    if answer is None:
        raise NotImplementedError(f"{name} is None: replace it by your answer")
    if isinstance(answer, bool):
        raise CheckFailed(f"{name} is {answer!r}: expected a number")
    if isinstance(answer, (tuple, list)):
        if len(answer) != 3 or not all(float(v).is_integer() for v in answer):
            raise CheckFailed(f"{name} = {answer!r}: expected a tuple of three integers "
                              "(n_H, n_W, n_C)")
    elif not float(answer).is_integer():
        raise CheckFailed(f"{name} = {answer!r}: expected an integer (sizes are whole numbers: "
                          "the floor?)")
    if fingerprint(answer) != expected_fingerprint:
        raise CheckFailed(f"{name} = {answer!r} is not right. {tip}")


run_checks(
    "shape_predictions",
    lambda: check_prediction("pad_same", pad_same, "d4735e3a265e16ee",
                             "Write n_H + 2p - f + 1 = n_H and solve for p."),
    lambda: check_prediction("shape_conv1", shape_conv1, "ce6509bfa5321d56",
                             "'Same' keeps height and width; n_C is the number of filters."),
    lambda: check_prediction("shape_pool1", shape_pool1, "477fdb9284c89b21",
                             "Pooling has no padding, keeps the channels, and rounds down."),
    lambda: check_prediction("shape_conv2", shape_conv2, "6e8c3fb144a20c44",
                             "Start from POOL1's output; the floor again."),
    lambda: check_prediction("params_conv2", params_conv2, "68ac846d8dc1c75d",
                             "Each filter has f * f * n_C_prev weights, and one bias."),
    lambda: check_prediction("n_single_steps", n_single_steps, "5d688f66329da8b7",
                             "One call per output value, for every example."),
)
### BEGIN HIDDEN TESTS
def _hidden_shape_predictions():
    def _check(_name, _got, _want, _hints):
        if isinstance(_want, tuple):
            _ok = (isinstance(_got, (tuple, list)) and len(_got) == 3
                   and all(float(_v).is_integer() for _v in _got)
                   and tuple(int(_v) for _v in _got) == _want)
        else:
            _ok = (_got is not None and not isinstance(_got, bool)
                   and float(_got).is_integer() and int(_got) == _want)
        if _ok:
            return
        _cause = next((_msg for _val, _msg in _hints if _got is not None
                       and np.shape(_got) == np.shape(_val)
                       and np.allclose(np.asarray(_got, float), _val)), None)
        _tail = f"\n  likely cause: {_cause}" if _cause else ""
        raise CheckFailed(f"{_name} is wrong: expected {_want!r}, got {_got!r}{_tail}")

    _n_C = "n_C of a convolution is its number of filters"
    _floor = "the floor is missing"
    _check("pad_same", pad_same, 2, [
        (4, "that is the total padding (both sides together): p is added on each side"),
        (5, "p = f makes the output larger than the input")])
    _check("shape_conv1", shape_conv1, (64, 48, 8), [
        ((60, 44, 8), "no padding applied: 'same' padding keeps height and width"),
        ((64, 48, 3), _n_C)])
    _check("shape_pool1", shape_pool1, (31, 23, 8), [
        ((32, 24, 8), "rounded up: the formula takes the floor"),
        ((30.5, 22.5, 8), _floor), ((31.5, 23.5, 8), _floor),
        ((32, 23, 8), "rounded up along the height: the formula takes the floor")])
    _check("shape_conv2", shape_conv2, (16, 12, 16), [
        ((15, 11, 16), "no padding applied (pad = 1)"),
        ((31, 23, 16), "the stride 2 is missing"), ((16, 12, 8), _n_C)])
    _check("params_conv2", params_conv2, 1168, [
        (1152, "the 16 biases are missing"),
        (3 * 3 * 16 + 16, "each filter is as deep as its input: 3 * 3 * 8 weights"),
        (3 * 3 * 3 * 16 + 16, "CONV2's input has 8 channels (CONV1's filters), not 3")])
    _check("n_single_steps", n_single_steps, 30720, [
        (3072, "one call per output value for every example: times m = 10"),
        (1920, "one call per output value and filter: times n_C = 16"),
        (192, "times m and times n_C")])


_hidden_shape_predictions()
### END HIDDEN TESTS

# %% [markdown]
# Your predictions next to what your functions produce (on one picture of zeros, so that it
# takes a second):

# %% tags=["demo"]
picture_zeros = np.zeros((1, 64, 48, 3))
out_conv1, _ = conv_forward(picture_zeros, np.zeros((5, 5, 3, 8)), np.zeros((1, 1, 1, 8)),
                            {"stride": 1, "pad": pad_same})
out_pool1, _ = pool_forward(out_conv1, {"f": 3, "stride": 2})
out_conv2, _ = conv_forward(out_pool1, np.zeros((3, 3, 8, 16)), np.zeros((1, 1, 1, 16)),
                            {"stride": 2, "pad": 1})
for name, predicted, actual in (("CONV1", shape_conv1, out_conv1.shape[1:]),
                                ("POOL1", shape_pool1, out_pool1.shape[1:]),
                                ("CONV2", shape_conv2, out_conv2.shape[1:])):
    verdict = "agree" if tuple(predicted) == actual else "DIFFER"
    print(f"{name}: predicted {tuple(predicted)}, your functions give {actual}: {verdict}")
dense_weights = out_pool1[0].size * out_conv2[0].size
print(f"CONV2 has {params_conv2} parameters (your answer); a fully connected layer from POOL1's "
      f"output to as many outputs as CONV2 has would need {dense_weights:,} weights")
assert dense_weights > 10_000 * params_conv2, "check your shapes and params_conv2"

# %% [markdown]
# Two things to take away. First, "same" padding (as many zeros on each side) only exists for
# **odd** $f$: for $f = 4$ the total padding $f - 1 = 3$ cannot be split evenly between the two
# sides, which is one reason why filters are usually $3 \times 3$ or $5 \times 5$. Second, the
# parameter count of a convolutional layer does not depend on the size of the pictures at all:
# CONV2 would have the same parameters for a $1000 \times 1000$ input. A fully connected layer
# between the same two arrays would need more than ten thousand times as many weights (the cell
# above computes both numbers and asserts the factor).

# %% [markdown]
# ## 6 - The backward pass
#
# Frameworks compute the backward pass for you, and you will rarely write one by hand again.
# Writing it once shows that it is made of the same windows as the forward pass.
#
# ### 6.1 - The convolutional layer
#
# Given `dZ`, the gradient of the cost with respect to the layer's output $Z$ (same shape as
# `Z`), the backward pass returns the gradients with respect to the input and to the
# parameters: `dA_prev`, `dW`, `db`, each of the shape of what it is the gradient of. The cost
# depends on $W_{u,v,k,c}$, $b_c$ and on each input value only through the outputs $Z_{i,h,w,c}$
# they enter. By the chain rule, each output $(i, h, w, c)$ therefore contributes, for its
# window (the one at rows $hs \dots hs + f - 1$ and columns $ws \dots ws + f - 1$ of the padded
# example $i$):
#
# $$dA_{pad}[i, \text{window}, :] \mathrel{+}= W[:, :, :, c] \; dZ_{i,h,w,c}, \qquad
# dW[:, :, :, c] \mathrel{+}= a_{slice} \; dZ_{i,h,w,c}, \qquad
# db[:, :, :, c] \mathrel{+}= dZ_{i,h,w,c},$$
#
# where $a_{slice}$ is the window of $A_{pad}$ that the forward pass used. Every update is a
# **`+=`**: all $n_C$ filters send a gradient back to the same window, and when the stride is
# smaller than $f$ the windows overlap, so an input value that sits in several windows receives
# a contribution from each. There is no $\frac{1}{m}$ here:
# it is already in `dZ` if the cost is an average.
#
# ### Exercise 6 - `conv_backward`
#
# 1. Start with `dA_prev`, `dW`, `db` full of zeros, pad `A_prev` and `dA_prev` with
#    `zero_pad`, and loop over `i`, `h`, `w`, `c` exactly as in `conv_forward`, doing the three
#    updates.
# 2. The gradient with respect to the padding itself is of no use: after the loops over `h`,
#    `w` and `c`, copy the middle of example `i`'s padded gradient into `dA_prev[i]`, rows
#    `pad` to `pad + n_H_prev` and columns `pad` to `pad + n_W_prev`. (Careful with the slice
#    `pad:-pad`: for `pad = 0` it is `0:0`, which is empty.)

# %% nbgrader={"grade_id": "conv_backward", "solution": true}
# GRADED FUNCTION: conv_backward
def conv_backward(dZ, cache):
    """The backward pass of a convolutional layer.

    Arguments:
    dZ -- gradient of the cost with respect to the output Z, shape (m, n_H, n_W, n_C)
    cache -- the tuple (A_prev, W, b, hparameters) stored by conv_forward

    Returns:
    dA_prev -- gradient with respect to the input A_prev, shape (m, n_H_prev, n_W_prev, n_C_prev)
    dW -- gradient with respect to W, shape (f, f, n_C_prev, n_C)
    db -- gradient with respect to b, shape (1, 1, 1, n_C)
    """
    (A_prev, W, b, hparameters) = cache
    (m, n_H_prev, n_W_prev, n_C_prev) = A_prev.shape
    (f, f, n_C_prev, n_C) = W.shape
    stride = hparameters["stride"]
    pad = hparameters["pad"]
    (m, n_H, n_W, n_C) = dZ.shape
    ### BEGIN SOLUTION
    dA_prev = np.zeros(A_prev.shape)
    dW = np.zeros(W.shape)
    db = np.zeros(b.shape)
    A_prev_pad = zero_pad(A_prev, pad)
    dA_prev_pad = zero_pad(dA_prev, pad)
    for i in range(m):
        a_prev_pad = A_prev_pad[i]
        da_prev_pad = dA_prev_pad[i]
        for h in range(n_H):
            vert_start = h * stride
            vert_end = vert_start + f
            for w in range(n_W):
                horiz_start = w * stride
                horiz_end = horiz_start + f
                a_slice = a_prev_pad[vert_start:vert_end, horiz_start:horiz_end, :]
                for c in range(n_C):
                    da_prev_pad[vert_start:vert_end, horiz_start:horiz_end, :] += (
                        W[:, :, :, c] * dZ[i, h, w, c])
                    dW[:, :, :, c] += a_slice * dZ[i, h, w, c]
                    db[:, :, :, c] += dZ[i, h, w, c]
        dA_prev[i] = da_prev_pad[pad:pad + n_H_prev, pad:pad + n_W_prev, :]
    ### END SOLUTION
    return dA_prev, dW, db


# %% nbgrader={"grade_id": "test_conv_backward", "points": 3}
### BEGIN HIDDEN TESTS
def _ref_zero_pad(X, pad):
    _out = np.zeros((X.shape[0], X.shape[1] + 2 * pad, X.shape[2] + 2 * pad, X.shape[3]))
    _out[:, pad:pad + X.shape[1], pad:pad + X.shape[2], :] = X
    return _out


_graded_callees = {"zero_pad": _ref_zero_pad}
### END HIDDEN TESTS
# The layer of the conv_forward test (stride 2, pad 1: neighbouring windows share a row or a
# column), and a second one with stride 1 and no padding.
dZ_conv_in = np.random.default_rng(5).integers(-2, 3, size=(2, 3, 2, 2)).astype(float)
A_small_in = np.arange(24.0).reshape(1, 4, 3, 2) / 4
W_small_in = np.array([[[[1.0], [0.0]], [[-1.0], [2.0]]], [[[0.0], [1.0]], [[3.0], [-2.0]]]])
dZ_small_in = np.array([[[[1.0], [-1.0]], [[2.0], [0.0]], [[-1.0], [1.0]]]])
cache_small = (A_small_in, W_small_in, np.zeros((1, 1, 1, 1)), {"stride": 1, "pad": 0})
with substituted.while_grading(globals()):
    dA_prev_out, dW_out, db_out = conv_backward(
        dZ_conv_in, (A_conv_in, W_conv_in, b_conv_in, hparameters_conv))
    dA_small, dW_small, db_small = conv_backward(dZ_small_in, cache_small)
run_checks(
    "conv_backward",
    lambda: check_shape(dA_prev_out, A_conv_in.shape, "dA_prev"),
    lambda: check_array(dA_prev_out[0, :, :, 0], [[2, -2, 2, 0], [-3, 0, -1, 0], [0, 1, -1, 0],
                                                  [-2, -2, 1, -1], [-2, -1, -1, 0]],
                        "dA_prev[0, :, :, 0]",
                        hints=[([[2, 0, 2, 0], [0, 1, 0, -1], [0, 0, -1, 0], [0, 1, 0, -1],
                                 [-2, 0, -1, 0]],
                                "dA_prev overwritten (=) where windows overlap: add (+=)"),
                               ([[2, 1, 2, -2], [-1, 2, 2, -2], [0, 0, -1, 1], [0, 1, 1, 2],
                                 [-2, 2, -1, -1]],
                                "the filter flipped: each window's slice of dA_prev gets W "
                                "as it is, times dZ"),
                               ([[2, 1, -2, 0], [-8, -2, 2, 0], [-1, -1, -1, 0], [0, 0, -1, 0],
                                 [0, 0, 0, 0]],
                                "the stride ignored? window (h, w) starts at row h * stride and "
                                "column w * stride")]),
    lambda: check_array(dW_out[:, :, 0, :], [[[-4, 6], [1, 7], [-5, 4]],
                                             [[1, 7], [-6, 23], [1, -3]],
                                             [[3, -7], [3, -4], [-5, -5]]], "dW[:, :, 0, :]",
                        hints=[([[[-1, 1], [-1, 1], [1, -1]], [[-1, 1], [-1, 1], [1, -1]],
                                 [[0, 0], [0, 0], [0, 0]]],
                                "dW overwritten (=) at each window: add up (+=) over the "
                                "windows and the examples")]),
    lambda: check_array(db_out, [[[[-6, -2]]]], "db",
                        hints=[([[[[1, -1]]]], "db overwritten (=) at each window: add up "
                                               "(+=) over the windows and the examples")]),
    lambda: check_array(dA_small[0, :, :, 0], [[1, -2, 1], [2, 1, -3], [-1, 8, -1],
                                               [0, -3, 3]],
                        "dA_prev[0, :, :, 0] for stride 1 and pad 0"),
    lambda: check_array(dW_small[:, :, 1, 0], [[3.5, 4.5], [6.5, 7.5]],
                        "dW[:, :, 1, 0] for stride 1 and pad 0"),
    lambda: check_array(db_small, [[[[2]]]], "db for stride 1 and pad 0"),
)
### BEGIN HIDDEN TESTS
def _hidden_conv_backward():
    def _conv(_A, _W, _b, _stride, _pad):
        _A_pad = _ref_zero_pad(_A, _pad)
        _win = np.lib.stride_tricks.sliding_window_view(_A_pad, _W.shape[:2], axis=(1, 2))
        _win = _win[:, ::_stride, ::_stride]
        return np.einsum("mhwkuv,uvkc->mhwc", _win, _W) + _b

    def _numerical(_f, _x, _eps=1e-3):
        _g = np.zeros_like(_x)
        for _idx in np.ndindex(_x.shape):
            _keep = _x[_idx]
            _x[_idx] = _keep + _eps
            _plus = _f()
            _x[_idx] = _keep - _eps
            _minus = _f()
            _x[_idx] = _keep
            _g[_idx] = (_plus - _minus) / (2 * _eps)
        return _g

    def _agree(_got, _num, _name, _hints, _factors=None):
        check_shape(_got, _num.shape, _name)
        _got = np.asarray(_got, dtype=float)
        _rel = np.linalg.norm(_got - _num) / max(np.linalg.norm(_got) + np.linalg.norm(_num), 1e-12)
        if _rel > 1e-7:
            _msg = (f"{_name} (compared with a numerical gradient: relative difference "
                    f"{_rel:.1e}, above 1e-7)")
            check_array(_got, _num, _msg, rtol=1e-9, atol=1e-12, hints=_hints, factors=_factors)
            raise CheckFailed(f"{_msg} is wrong")

    def _overwrite_dA(_dZ, _W, _A, _stride, _pad):
        _dA_pad = _ref_zero_pad(np.zeros_like(_A), _pad)
        _f = _W.shape[0]
        for _i, _h, _w, _c in np.ndindex(_dZ.shape):
            _vs, _hs = _h * _stride, _w * _stride
            _dA_pad[_i, _vs:_vs + _f, _hs:_hs + _f, :] = _W[:, :, :, _c] * _dZ[_i, _h, _w, _c]
        return _dA_pad[:, _pad:_pad + _A.shape[1], _pad:_pad + _A.shape[2], :]

    def _flipped_dA(_dZ, _W, _A, _stride, _pad):
        _dA_pad = _ref_zero_pad(np.zeros_like(_A), _pad)
        _f = _W.shape[0]
        for _i, _h, _w, _c in np.ndindex(_dZ.shape):
            _vs, _hs = _h * _stride, _w * _stride
            _flip = _W[::-1, ::-1, :, _c]
            _dA_pad[_i, _vs:_vs + _f, _hs:_hs + _f, :] += _flip * _dZ[_i, _h, _w, _c]
        return _dA_pad[:, _pad:_pad + _A.shape[1], _pad:_pad + _A.shape[2], :]

    # (shape of A_prev, f, n_C, stride, pad): overlapping windows, pad = 0, non-square
    _cases = (((2, 5, 4, 3), 3, 2, 1, 1), ((1, 6, 7, 2), 3, 3, 2, 2), ((2, 4, 5, 1), 2, 2, 1, 0),
              ((1, 7, 5, 2), 4, 1, 3, 1), ((3, 3, 3, 2), 1, 2, 1, 0))
    for _seed, (_shape, _f, _n_C, _stride, _pad) in enumerate(_cases):
        _rng = np.random.default_rng(1400 + _seed)
        _A = _rng.normal(size=_shape)
        _W = _rng.normal(size=(_f, _f, _shape[3], _n_C))
        _b = _rng.normal(size=(1, 1, 1, _n_C))
        _hp = {"stride": _stride, "pad": _pad}
        _dZ = _rng.normal(size=_conv(_A, _W, _b, _stride, _pad).shape)
        _copies = (_A.copy(), _W.copy(), _b.copy(), _dZ.copy())
        _what = (f"for A_prev of shape {_shape}, f = {_f}, n_C = {_n_C}, stride = {_stride}, "
                 f"pad = {_pad}")
        with substituted(globals(), zero_pad=_ref_zero_pad):
            _dA, _dW, _db = conv_backward(_dZ, (_A, _W, _b, _hp))
        _loss = lambda: float(np.sum(_conv(_A, _W, _b, _stride, _pad) * _dZ))
        _hints_dA = [
            (_flipped_dA(_dZ, _W, _A, _stride, _pad),
             "the filter is flipped: use W as it is (cross-correlation, no flip)"),
            (_overwrite_dA(_dZ, _W, _A, _stride, _pad),
             "dA_prev is overwritten (=) where it must be accumulated (+=)"),
        ]
        _agree(_dA, _numerical(_loss, _A), f"dA_prev {_what}", _hints_dA)
        _agree(_dW, _numerical(_loss, _W), f"dW {_what}", [], {"m": _shape[0]})
        _agree(_db, _numerical(_loss, _b), f"db {_what}", [], {"m": _shape[0]})
        for _name, _before, _after in zip(("A_prev", "W", "b", "dZ"), _copies, (_A, _W, _b, _dZ)):
            check_unchanged(_before, _after, f"{_name} passed to conv_backward")


_hidden_conv_backward()
### END HIDDEN TESTS

# %% [markdown]
# ### 6.2 - The pooling layer
#
# A pooling layer has no parameters, so its backward pass only computes `dA_prev`. Each output
# value came from one window of the input, and the gradient of that output goes back to the
# window, in two different ways.
#
# **Max pooling.** The output is the largest value of its window, so only that one input
# influences it (a small change to any other input does not change the maximum). The whole
# gradient of the output goes to the position of the maximum, and nothing to the others. A
# **mask** remembers that position: an array of the window's shape that is `True` at the
# maximum and `False` elsewhere.
#
# What if two entries of the window tie for the maximum? The output still counts the maximum
# once, so the mask must still mark **exactly one** entry, or the gradient would be passed on
# twice. The convention here (and `np.argmax`'s): the **first** maximum in row-major order,
# that is, reading the window row by row, from left to right.
#
# ### Exercise 7 - `create_mask_from_window`
#
# Return a boolean mask with a single `True`, at the first maximum of `x`. `np.argmax(x)`
# without an axis returns the position of that maximum in the **flattened** array;
# `np.unravel_index` turns such a position back into a pair (row, column). The tempting
# `x == np.max(x)` marks every tied maximum: it is wrong here.

# %% nbgrader={"grade_id": "create_mask_from_window", "solution": true}
# GRADED FUNCTION: create_mask_from_window
def create_mask_from_window(x):
    """A mask with one True at the first maximum of x (row-major order).

    Arguments:
    x -- array of shape (f, f): one window of one channel

    Returns:
    mask -- boolean array of the shape of x, True at the first maximum of x only
    """
    ### BEGIN SOLUTION
    mask = np.zeros(x.shape, dtype=bool)
    mask[np.unravel_index(np.argmax(x), x.shape)] = True
    ### END SOLUTION
    return mask


# %% nbgrader={"grade_id": "test_create_mask_from_window", "points": 1}
window_in = np.array([[1.0, -3.0, 2.0], [4.0, 0.5, -1.0], [-2.0, 3.0, 0.0]])
window_tie = np.array([[1.0, 5.0, 2.0], [5.0, 0.0, 5.0], [-1.0, 3.0, 4.0]])
window_tie_copy = window_tie.copy()
run_checks(
    "create_mask_from_window",
    lambda: check_array(create_mask_from_window(window_in),
                        [[False, False, False], [True, False, False], [False, False, False]],
                        "create_mask_from_window(window)", dtype=None),
    # Three entries tie for the maximum 5; the first in row-major order is at (0, 1).
    lambda: check_array(create_mask_from_window(window_tie),
                        [[False, True, False], [False, False, False], [False, False, False]],
                        "create_mask_from_window(window with a tie)", dtype=None,
                        hints=[(window_tie == 5.0, "every tied maximum is marked: mark only "
                                                   "the first one (np.argmax)")]),
    lambda: check_unchanged(window_tie_copy, window_tie, "x passed to create_mask_from_window"),
)
### BEGIN HIDDEN TESTS
def _hidden_create_mask_from_window():
    _shapes = ((2, 2), (3, 3), (4, 4), (2, 5), (1, 1))
    _cases = [np.random.default_rng(1500 + _k).normal(size=_sh) for _k, _sh in enumerate(_shapes)]
    _tie = np.random.default_rng(1510).normal(size=(4, 4))
    _tie[2, 1] = _tie[3, 3] = _tie[1, 3] = _tie.max() + 1.0
    _tie_last = np.random.default_rng(1511).normal(size=(3, 3))
    _tie_last[2, 0] = _tie_last[2, 2] = _tie_last.max() + 0.5
    _cases += [_tie, _tie_last, np.zeros((3, 3)), -np.ones((2, 2))]
    for _x in _cases:
        _want = np.zeros(_x.shape, dtype=bool)
        _flat = _x.ravel()
        _want.ravel()[int(np.flatnonzero(_flat == _flat.max())[0])] = True
        _copy = _x.copy()
        _what = f"create_mask_from_window for a window of shape {_x.shape}"
        if np.sum(_x == _x.max()) > 1:
            _what += " with tied maxima"
        _got = create_mask_from_window(_x)
        check_type(_got, np.ndarray, _what)
        _last = np.zeros(_x.shape, dtype=bool)
        _last.ravel()[int(np.flatnonzero(_flat == _flat.max())[-1])] = True
        _column_major = np.zeros(_x.shape, dtype=bool)
        _column_major[np.unravel_index(int(np.argmax(_x.T)), _x.shape, order="F")] = True
        _hints = [
            (_x == _x.max(), "every tied maximum is marked: mark only the first one (np.argmax)"),
            (_last, "the last maximum is marked: mark the first one in row-major order"),
            (_column_major, "the first maximum column by column is marked: read the window row "
                            "by row (np.argmax(x))"),
        ]
        check_array(_got, _want, _what, dtype=None, atol=0, hints=_hints)
        if np.asarray(_got).dtype != bool and not np.isin(np.asarray(_got), (0, 1)).all():
            raise CheckFailed(f"{_what} holds values other than True/False (0/1)")
        check_unchanged(_copy, _x, "x passed to create_mask_from_window")


_hidden_create_mask_from_window()
### END HIDDEN TESTS

# %% [markdown]
# **Average pooling.** The output is the mean of its $n_H \times n_W$ window (here
# $f \times f$), so every input of the window influences it with the same weight
# $\frac{1}{n_H n_W}$. The gradient `dz` of the output is therefore shared out evenly: each
# entry of the window receives $\frac{dz}{n_H \, n_W}$.
#
# ### Exercise 8 - `distribute_value`
#
# Return an array of shape `shape` $= (n_H, n_W)$ whose entries all equal
# $\frac{dz}{n_H \, n_W}$ (so that they add up to `dz`). `np.ones(shape)` or `np.full` make the
# array.

# %% nbgrader={"grade_id": "distribute_value", "solution": true}
# GRADED FUNCTION: distribute_value
def distribute_value(dz, shape):
    """Share a gradient out evenly over a window.

    Arguments:
    dz -- a number: the gradient of one output of an average-pooling layer
    shape -- the pair (n_H, n_W): the shape of the window

    Returns:
    a -- array of shape (n_H, n_W), every entry dz / (n_H * n_W)
    """
    (n_H, n_W) = shape
    ### BEGIN SOLUTION
    average = dz / (n_H * n_W)
    a = np.ones(shape) * average
    ### END SOLUTION
    return a


# %% nbgrader={"grade_id": "test_distribute_value", "points": 1}
run_checks(
    "distribute_value",
    lambda: check_array(distribute_value(3.0, (2, 3)), np.full((2, 3), 0.5),
                        "distribute_value(3.0, (2, 3))", factors={"n_H": 2, "n_W": 3}),
    lambda: check_array(distribute_value(-2.0, (2, 2)), np.full((2, 2), -0.5),
                        "distribute_value(-2.0, (2, 2))"),
)
### BEGIN HIDDEN TESTS
def _hidden_distribute_value():
    for _dz, _shape in ((1.7, (3, 5)), (-0.3, (4, 4)), (2.5, (1, 6)), (0.9, (7, 2)), (4.0, (1, 1))):
        _n_H, _n_W = _shape
        _want = np.full(_shape, _dz / (_n_H * _n_W))
        _hints = [
            (np.full(_shape, _dz / (_n_H + _n_W)),
             "divided by n_H + n_W, not by the number of entries n_H * n_W"),
            (np.full(_shape, _dz), "dz is copied into every entry: divide it by n_H * n_W"),
        ]
        _what = f"distribute_value({_dz}, {_shape})"
        _got = distribute_value(_dz, _shape)
        check_array(_got, _want, _what, rtol=1e-9, atol=1e-12, hints=_hints,
                    factors={"n_H": _n_H, "n_W": _n_W})
    check_array(distribute_value(np.float64(0.6), (3, 2)), np.full((3, 2), 0.1),
                "distribute_value for dz given as a NumPy number", rtol=1e-9, atol=1e-12)


_hidden_distribute_value()
### END HIDDEN TESTS

# %% [markdown]
# ### Exercise 9 - `pool_backward`
#
# Put the two together. Start with `dA_prev` full of zeros and loop over `i`, `h`, `w`, `c` as
# in `pool_forward`. For output `(i, h, w, c)`, with `da = dA[i, h, w, c]`:
#
# - `mode == "max"`: take the window `a_prev_slice` of channel `c` of example `i` of `A_prev`
#   (from the cache), make its mask with `create_mask_from_window`, and add `mask * da` to the
#   window of `dA_prev`;
# - `mode == "average"`: add `distribute_value(da, (f, f))` to the window of `dA_prev`.
#
# Again **`+=`**: with a stride smaller than $f$, the windows overlap, and an input that is the
# maximum of two windows receives both gradients.

# %% nbgrader={"grade_id": "pool_backward", "solution": true}
# GRADED FUNCTION: pool_backward
def pool_backward(dA, cache, mode="max"):
    """The backward pass of a pooling layer.

    Arguments:
    dA -- gradient of the cost with respect to the pooling layer's output, shape (m, n_H, n_W, n_C)
    cache -- the tuple (A_prev, hparameters) stored by pool_forward
    mode -- "max" or "average", the mode the forward pass used

    Returns:
    dA_prev -- gradient with respect to the input A_prev, shape (m, n_H_prev, n_W_prev, n_C)
    """
    (A_prev, hparameters) = cache
    stride = hparameters["stride"]
    f = hparameters["f"]
    (m, n_H, n_W, n_C) = dA.shape
    ### BEGIN SOLUTION
    dA_prev = np.zeros(A_prev.shape)
    for i in range(m):
        a_prev = A_prev[i]
        for h in range(n_H):
            vert_start = h * stride
            vert_end = vert_start + f
            for w in range(n_W):
                horiz_start = w * stride
                horiz_end = horiz_start + f
                for c in range(n_C):
                    da = dA[i, h, w, c]
                    if mode == "max":
                        a_prev_slice = a_prev[vert_start:vert_end, horiz_start:horiz_end, c]
                        mask = create_mask_from_window(a_prev_slice)
                        dA_prev[i, vert_start:vert_end, horiz_start:horiz_end, c] += mask * da
                    elif mode == "average":
                        dA_prev[i, vert_start:vert_end, horiz_start:horiz_end, c] += (
                            distribute_value(da, (f, f)))
    ### END SOLUTION
    return dA_prev


# %% nbgrader={"grade_id": "test_pool_backward", "points": 3}
### BEGIN HIDDEN TESTS
def _ref_create_mask_from_window(x):
    _mask = np.zeros(np.shape(x), dtype=bool)
    _mask.ravel()[int(np.argmax(np.ravel(x)))] = True
    return _mask


def _ref_distribute_value(dz, shape):
    return np.full(tuple(shape), dz / (shape[0] * shape[1]))


_graded_callees = {"create_mask_from_window": _ref_create_mask_from_window,
                   "distribute_value": _ref_distribute_value}
### END HIDDEN TESTS
# The picture of the pool_forward test, with f = 2 and stride 1 (the windows overlap), and with
# f = 3 and stride 2 (the two windows share row 2, where channel 1 has its maximum 20 - 0).
dA_pool_in = np.arange(1.0, 25.0).reshape(1, 4, 3, 2) / 4
dA_pool_strided = np.array([[[[1.0, 2.0]], [[3.0, 4.0]]]])
with substituted.while_grading(globals()):
    dA_prev_max = pool_backward(dA_pool_in, (A_pool_in, hp_pool_2), mode="max")
    dA_prev_avg = pool_backward(dA_pool_in, (A_pool_in, hp_pool_2), mode="average")
    dA_prev_strided = pool_backward(dA_pool_strided, (A_pool_in, hp_pool_1), mode="max")
run_checks(
    "pool_backward",
    lambda: check_shape(dA_prev_max, A_pool_in.shape, "dA_prev (max)"),
    # Each output passes its whole gradient on: the totals must agree.
    lambda: check_scalar(float(np.sum(dA_prev_max)), float(np.sum(dA_pool_in)),
                         "the sum of dA_prev (max): it must equal the sum of dA",
                         hints=[(37.0, "dA_prev overwritten (=) where windows overlap: add "
                                       "(+=)"),
                                (24.0, "the mask added as it is: multiply it by the window's "
                                       "gradient")]),
    lambda: check_scalar(float(np.sum(dA_prev_avg)), float(np.sum(dA_pool_in)),
                         "the sum of dA_prev (average): it must equal the sum of dA",
                         hints=[(300.0, "got = 4 × expected = f * f × expected: each of the "
                                        "f * f positions gets dz / (f * f), not dz")]),
    lambda: check_array(dA_prev_max[0, :, :, 0], [[0, 0, 0, 0], [2, 0, 2, 0], [0, 0, 13, 0],
                                                  [3.25, 0, 0, 0], [0, 10, 0, 5.75]],
                        "dA_prev[0, :, :, 0] (max)",
                        hints=[([[0.25, 0.75, 1.25, 0], [1.75, 2.25, 2.75, 0],
                                 [3.25, 3.75, 4.25, 0], [4.75, 5.25, 5.75, 0], [0, 0, 0, 0]],
                                "the gradient sent to the window's top-left corner: it goes "
                                "where the maximum was")]),
    lambda: check_array(dA_prev_avg[0, :, :, 1], [[0.125, 0.375, 0.625, 0.375],
                                                  [0.625, 1.5, 2.0, 1.125],
                                                  [1.375, 3.0, 3.5, 1.875],
                                                  [2.125, 4.5, 5.0, 2.625],
                                                  [1.25, 2.625, 2.875, 1.5]],
                        "dA_prev[0, :, :, 1] (average)",
                        hints=[([[0.5, 0, 2.5, 0], [0, 0, 0, 3], [0, 12, 0, 0], [0, 0, 0, 4.5],
                                 [5, 0, 11.5, 0]],
                                "the max's gradient where mode is 'average': is mode "
                                "read?")]),
    lambda: check_array(dA_prev_strided[0], np.stack([
        [[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 1, 0], [0, 0, 0, 0], [0, 3, 0, 0]],
        [[0, 0, 0, 0], [0, 0, 0, 0], [0, 6, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]]], axis=-1),
                        "dA_prev[0] (max, f = 3, stride = 2)"),
)
### BEGIN HIDDEN TESTS
def _hidden_pool_backward():
    _callees = {"create_mask_from_window": _ref_create_mask_from_window,
                "distribute_value": _ref_distribute_value}

    def _pool(_A, _f, _stride, _mode):
        _win = np.lib.stride_tricks.sliding_window_view(_A, (_f, _f), axis=(1, 2))
        _win = _win[:, ::_stride, ::_stride]
        return _win.max(axis=(4, 5)) if _mode == "max" else _win.mean(axis=(4, 5))

    def _numerical(_fun, _x, _eps=1e-4):
        _g = np.zeros_like(_x)
        for _idx in np.ndindex(_x.shape):
            _keep = _x[_idx]
            _x[_idx] = _keep + _eps
            _plus = _fun()
            _x[_idx] = _keep - _eps
            _minus = _fun()
            _x[_idx] = _keep
            _g[_idx] = (_plus - _minus) / (2 * _eps)
        return _g

    def _agree(_got, _num, _name, _hints, _factors=None):
        check_shape(_got, _num.shape, _name)
        _got = np.asarray(_got, dtype=float)
        _rel = np.linalg.norm(_got - _num) / max(np.linalg.norm(_got) + np.linalg.norm(_num), 1e-12)
        if _rel > 1e-7:
            _msg = (f"{_name} (compared with a numerical gradient: relative difference "
                    f"{_rel:.1e}, above 1e-7)")
            check_array(_got, _num, _msg, rtol=1e-9, atol=1e-12, hints=_hints, factors=_factors)
            raise CheckFailed(f"{_msg} is wrong")

    def _overwritten(_dA, _A, _f, _stride, _mode):
        _out = np.zeros_like(_A)
        for _i, _h, _w, _c in np.ndindex(_dA.shape):
            _win = _A[_i, _h * _stride:_h * _stride + _f, _w * _stride:_w * _stride + _f, _c]
            if _mode == "max":
                _part = _ref_create_mask_from_window(_win) * _dA[_i, _h, _w, _c]
            else:
                _part = _ref_distribute_value(_dA[_i, _h, _w, _c], (_f, _f))
            _out[_i, _h * _stride:_h * _stride + _f, _w * _stride:_w * _stride + _f, _c] = _part
        return _out

    _cases = (((2, 5, 4, 3), 2, 1), ((1, 7, 6, 2), 3, 2), ((2, 6, 6, 1), 2, 2),
              ((1, 8, 5, 2), 4, 1), ((2, 5, 7, 2), 3, 3))
    for _seed, (_shape, _f, _stride) in enumerate(_cases):
        _rng = np.random.default_rng(1600 + _seed)
        # Distinct values, at least 0.1 apart: the maximum of every window is unique and stays
        # the maximum under the numerical perturbation.
        _A = _rng.permutation(np.prod(_shape)).reshape(_shape) * 0.1
        _hp = {"f": _f, "stride": _stride}
        _dA = _rng.normal(size=_pool(_A, _f, _stride, "max").shape)
        _copies = (_A.copy(), _dA.copy())
        _num = {}
        for _mode in ("max", "average"):
            _loss = lambda: float(np.sum(_pool(_A, _f, _stride, _mode) * _dA))
            _num[_mode] = _numerical(_loss, _A)
        for _mode, _other in (("max", "average"), ("average", "max")):
            _what = f"dA_prev ({_mode}) for A_prev of shape {_shape}, f = {_f}, stride = {_stride}"
            with substituted(globals(), **_callees):
                _got = pool_backward(_dA, (_A, _hp), mode=_mode)
            _hints = [
                (_num[_other], f"the {_other} pooling gradient: is mode read?"),
                (_overwritten(_dA, _A, _f, _stride, _mode),
                 "dA_prev is overwritten (=) where it must be accumulated (+=)"),
            ]
            _agree(_got, _num[_mode], _what, _hints, {"(f * f)": _f * _f})
        with substituted(globals(), **_callees):
            _got_default = pool_backward(_dA, (_A, _hp))
        _agree(_got_default, _num["max"],
               f"dA_prev with the default mode for A_prev of shape {_shape}", [])
        check_unchanged(_copies[0], _A, "A_prev passed to pool_backward")
        check_unchanged(_copies[1], _dA, "dA passed to pool_backward")
    # A window with a tie: the whole gradient goes to the first maximum in row-major order.
    _A_tie = np.array([[0.0, 2.0, 1.0], [2.0, 2.0, -1.0], [0.5, 1.0, 2.0]]).reshape(1, 3, 3, 1)
    _want_tie = np.zeros((1, 3, 3, 1))
    _want_tie[0, 0, 1, 0] = 1.5
    with substituted(globals(), **_callees):
        _got_tie = pool_backward(np.full((1, 1, 1, 1), 1.5), (_A_tie, {"f": 3, "stride": 1}))
    check_array(_got_tie, _want_tie, "dA_prev (max) for a window with tied maxima", atol=1e-12)


_hidden_pool_backward()
### END HIDDEN TESTS

# %% [markdown]
# ## 7 - A fast convolution: im2col
#
# Your `conv_forward` makes one Python call to `conv_single_step` per output value: for CONV2
# of section 5 on a batch of 10 pictures, your `n_single_steps` calls, each doing only
# $3 \cdot 3 \cdot 8 = 72$ multiplications. Each pass through the innermost loop (look up the
# slices, call a function, call `np.sum`) costs the Python interpreter microseconds, far more
# than the multiplications themselves: the loops, not the arithmetic, set the speed.
#
# **The idea.** Every output value is a dot product between one window, flattened into a
# vector of $f \cdot f \cdot n_C^{[l-1]}$ numbers, and one filter, flattened the same way. So:
#
# 1. copy every window of every example into one row of a matrix `cols`, of shape
#    $(m \, n_H \, n_W, \; f f n_C^{[l-1]})$ ("image to columns", **im2col**; here the windows
#    are rows);
# 2. flatten the filters into a matrix `W_col` of shape $(f f n_C^{[l-1]}, \; n_C)$, one filter
#    per column;
# 3. one matrix product `cols @ W_col`, of shape $(m n_H n_W, n_C)$, computes every output of
#    the layer at once; add the biases and reshape to $(m, n_H, n_W, n_C)$.
#
# The matrix product runs in BLAS, a library of compiled, cache-friendly routines, with no
# Python at all per multiplication. The price is memory: with stride 1, each input value is
# copied into up to $f^2$ windows.
#
# **The order of the entries** must be the same in the windows and in the filters, and the rows
# must be in the order of the outputs:
#
# - row $r = (i \cdot n_H + h) \cdot n_W + w$ of `cols` holds the window of output
#   $(i, h, w)$: `A_prev_pad[i, h*stride : h*stride + f, w*stride : w*stride + f, :]`,
#   flattened by `.reshape(-1)` (NumPy's row-major order: row by row, and within a pixel the
#   channels);
# - `W.reshape(f * f * n_C_prev, n_C)` flattens each filter `W[:, :, :, c]` in that same
#   order, into column `c`.
#
# ### Exercise 10 - `im2col`
#
# The input is already padded. Compute `n_H` and `n_W` (no padding term: it is in
# `A_prev_pad`), then fill `cols`. You may loop over the output positions `h` and `w`, but
# **not** over the examples or the channels: `A_prev_pad[:, rows, columns, :]` is the window
# of all $m$ examples at once, of shape $(m, f, f, n_C^{[l-1]})$, and `.reshape(m, -1)` turns it
# into $m$ flattened windows. An array of shape $(m, n_H, n_W, f f n_C^{[l-1]})$, filled
# position by position and reshaped at the end, puts the rows in the right order.
#
# (For the curious: looping over the $f^2$ positions **inside** the filter instead, with
# strided slices such as `A_prev_pad[:, u : u + stride * (n_H - 1) + 1 : stride, ...]`, needs
# even fewer iterations. Either is accepted.)

# %% nbgrader={"grade_id": "im2col", "solution": true}
# GRADED FUNCTION: im2col
def im2col(A_prev_pad, f, stride):
    """Copy every f x f window of a padded batch into the rows of one matrix.

    Arguments:
    A_prev_pad -- the padded input, shape (m, n_H_pad, n_W_pad, n_C_prev)
    f -- the size of the windows (f x f)
    stride -- the stride

    Returns:
    cols -- matrix of shape (m * n_H * n_W, f * f * n_C_prev): row (i * n_H + h) * n_W + w is
            the window of output (i, h, w), flattened in row-major order
    """
    (m, n_H_pad, n_W_pad, n_C_prev) = A_prev_pad.shape
    ### BEGIN SOLUTION
    n_H = (n_H_pad - f) // stride + 1
    n_W = (n_W_pad - f) // stride + 1
    windows = np.zeros((m, n_H, n_W, f, f, n_C_prev))
    for u in range(f):
        for v in range(f):
            windows[:, :, :, u, v, :] = A_prev_pad[:, u:u + stride * (n_H - 1) + 1:stride,
                                                   v:v + stride * (n_W - 1) + 1:stride, :]
    cols = windows.reshape(m * n_H * n_W, f * f * n_C_prev)
    ### END SOLUTION
    return cols


# %% nbgrader={"grade_id": "test_im2col", "points": 2}
# 2 examples of 4 x 5 pixels with 2 channels, holding the numbers 0, 1, ..., 79 in order;
# windows of 2 x 2 with stride 2: n_H = 2 and n_W = floor(3 / 2) + 1 = 2, so 2 * 2 * 2 = 8 rows.
A_pad_in = np.arange(80.0).reshape(2, 4, 5, 2)
cols_out = im2col(A_pad_in, 2, 2)
run_checks(
    "im2col",
    lambda: check_shape(cols_out, (8, 8), "im2col(A_prev_pad, 2, 2)"),
    lambda: check_array(cols_out, [[0, 1, 2, 3, 10, 11, 12, 13],
                                   [4, 5, 6, 7, 14, 15, 16, 17],
                                   [20, 21, 22, 23, 30, 31, 32, 33],
                                   [24, 25, 26, 27, 34, 35, 36, 37],
                                   [40, 41, 42, 43, 50, 51, 52, 53],
                                   [44, 45, 46, 47, 54, 55, 56, 57],
                                   [60, 61, 62, 63, 70, 71, 72, 73],
                                   [64, 65, 66, 67, 74, 75, 76, 77]],
                        "im2col(A_prev_pad, 2, 2)",
                        hints=[([[0, 1, 2, 3, 10, 11, 12, 13],
                                 [2, 3, 4, 5, 12, 13, 14, 15],
                                 [10, 11, 12, 13, 20, 21, 22, 23],
                                 [12, 13, 14, 15, 22, 23, 24, 25],
                                 [40, 41, 42, 43, 50, 51, 52, 53],
                                 [42, 43, 44, 45, 52, 53, 54, 55],
                                 [50, 51, 52, 53, 60, 61, 62, 63],
                                 [52, 53, 54, 55, 62, 63, 64, 65]],
                                "the stride ignored? window (h, w) starts at row h * stride and "
                                "column w * stride")]),
    lambda: check_array(im2col(A_pad_in[:1, :3, :3, :1], 2, 1),
                        [[0, 2, 10, 12], [2, 4, 12, 14], [10, 12, 20, 22], [12, 14, 22, 24]],
                        "im2col(A_prev_pad[:1, :3, :3, :1], 2, 1)"),
)
### BEGIN HIDDEN TESTS
def _hidden_im2col():
    def _windows(_A, _f, _stride):
        _win = np.lib.stride_tricks.sliding_window_view(_A, (_f, _f), axis=(1, 2))
        _win = _win[:, ::_stride, ::_stride]
        return _win.transpose(0, 1, 2, 4, 5, 3)  # (m, n_H, n_W, f, f, n_C_prev)

    _cases = (((2, 7, 5, 3), 3, 2), ((3, 6, 9, 2), 2, 3), ((1, 8, 6, 4), 4, 1),
              ((2, 5, 7, 1), 1, 2), ((2, 9, 4, 2), 3, 3))
    for _seed, (_shape, _f, _stride) in enumerate(_cases):
        _rng = np.random.default_rng(1700 + _seed)
        _A = _rng.normal(size=_shape)
        _copy = _A.copy()
        _w6 = _windows(_A, _f, _stride)
        _m, _n_H, _n_W = _w6.shape[:3]
        _want = _w6.reshape(_m * _n_H * _n_W, -1)
        _rows = "row (i * n_H + h) * n_W + w is output (i, h, w)"
        _hints = [
            (_w6.transpose(0, 1, 2, 5, 3, 4).reshape(_want.shape), "each window is flattened "
             "channel by channel: keep NumPy's order (f, f, n_C_prev), as in W"),
            (_w6.transpose(0, 2, 1, 3, 4, 5).reshape(_want.shape),
             f"the rows go column by column: {_rows}"),
            (_w6.transpose(1, 2, 0, 3, 4, 5).reshape(_want.shape),
             f"the rows are grouped by position, not by example: {_rows}"),
        ]
        _what = f"im2col for A_prev_pad of shape {_shape}, f = {_f}, stride = {_stride}"
        _got = im2col(_A, _f, _stride)
        check_array(_got, _want, _what, atol=0, hints=_hints)
        check_unchanged(_copy, _A, "A_prev_pad passed to im2col")


_hidden_im2col()
### END HIDDEN TESTS

# %% [markdown]
# ### Exercise 11 - `conv_forward_im2col`
#
# The same layer as `conv_forward`, with the same arguments, results and cache, and **no
# loops**: pad with `zero_pad`, build `cols` with `im2col`, reshape the filters into `W_col`,
# multiply, add `b` (reshaped to $(1, n_C)$ it broadcasts over the rows), and reshape the
# result to $(m, n_H, n_W, n_C)$.

# %% nbgrader={"grade_id": "conv_forward_im2col", "solution": true}
# GRADED FUNCTION: conv_forward_im2col
def conv_forward_im2col(A_prev, W, b, hparameters):
    """The forward pass of a convolutional layer as one matrix product.

    Arguments:
    A_prev -- the layer's input, shape (m, n_H_prev, n_W_prev, n_C_prev)
    W -- the filters, shape (f, f, n_C_prev, n_C)
    b -- the biases, shape (1, 1, 1, n_C)
    hparameters -- dictionary with "stride" and "pad"

    Returns:
    Z -- the output, shape (m, n_H, n_W, n_C)
    cache -- the tuple (A_prev, W, b, hparameters), as conv_forward returns it
    """
    (m, n_H_prev, n_W_prev, n_C_prev) = A_prev.shape
    (f, f, n_C_prev, n_C) = W.shape
    stride = hparameters["stride"]
    pad = hparameters["pad"]
    ### BEGIN SOLUTION
    n_H = (n_H_prev + 2 * pad - f) // stride + 1
    n_W = (n_W_prev + 2 * pad - f) // stride + 1
    cols = im2col(zero_pad(A_prev, pad), f, stride)
    W_col = W.reshape(f * f * n_C_prev, n_C)
    Z = (cols @ W_col + b.reshape(1, n_C)).reshape(m, n_H, n_W, n_C)
    ### END SOLUTION
    cache = (A_prev, W, b, hparameters)
    return Z, cache


# %% nbgrader={"grade_id": "test_conv_forward_im2col", "points": 2}
### BEGIN HIDDEN TESTS
def _ref_zero_pad(X, pad):
    _out = np.zeros((X.shape[0], X.shape[1] + 2 * pad, X.shape[2] + 2 * pad, X.shape[3]))
    _out[:, pad:pad + X.shape[1], pad:pad + X.shape[2], :] = X
    return _out


def _ref_im2col(A_prev_pad, f, stride):
    _win = np.lib.stride_tricks.sliding_window_view(A_prev_pad, (f, f), axis=(1, 2))
    _win = _win[:, ::stride, ::stride]
    _win = _win.transpose(0, 1, 2, 4, 5, 3)
    return _win.reshape(_win.shape[0] * _win.shape[1] * _win.shape[2], -1)


_graded_callees = {"zero_pad": _ref_zero_pad, "im2col": _ref_im2col}
### END HIDDEN TESTS
# The layer of the conv_forward test: the same Z is expected.
with substituted.while_grading(globals()):
    Z_fast, cache_fast = conv_forward_im2col(A_conv_in, W_conv_in, b_conv_in, hparameters_conv)
run_checks(
    "conv_forward_im2col",
    lambda: check_array(Z_fast, Z_conv_expected, "Z",
                        hints=[(Z_conv_expected - b_conv_in, "the bias is missing"),
                               ([[[[-2, 0], [-2, 1]], [[7, 2], [-4, 1]], [[5, -5], [3, 5]]],
                                 [[[3, 0], [6, -8]], [[7, -8], [-3, -9]], [[3, 0], [-6, -4]]]],
                                "W's entries in another order than a column of im2col: "
                                "W.reshape(f * f * n_C_prev, n_C) keeps (row, column, "
                                "channel) order"),
                               (Z_conv_flipped, "the filter is flipped: use W as it is "
                                                "(cross-correlation, no flip)")]),
    lambda: check_type(cache_fast, tuple, "cache"),
    lambda: check_equal(len(cache_fast), 4, "len(cache)"),
    lambda: check_array(cache_fast[1], W_conv_in, "cache[1] (should be W)"),
    lambda: check_equal(cache_fast[3], hparameters_conv, "cache[3] (should be hparameters)"),
)
### BEGIN HIDDEN TESTS
def _hidden_conv_forward_im2col():
    import os

    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")
    import tensorflow as tf

    _FLIPPED = "the filter is flipped: use W as it is (cross-correlation, no flip)"

    def _tf_conv(_A, _W, _b, _stride, _pad):
        _A_pad = tf.constant(_ref_zero_pad(_A, _pad), tf.float64)
        _Z = tf.nn.conv2d(_A_pad, tf.constant(_W, tf.float64), strides=_stride, padding="VALID")
        return _Z.numpy() + _b

    # (shape of A_prev, f, n_C, stride, pad): non-square, strides that leave rows over (floor)
    _cases = (((2, 7, 5, 3), 3, 4, 2, 1), ((3, 6, 9, 2), 2, 3, 3, 2), ((1, 8, 6, 4), 4, 2, 1, 0),
              ((2, 5, 7, 1), 1, 3, 2, 1), ((2, 9, 4, 2), 3, 1, 3, 3))
    for _seed, (_shape, _f, _n_C, _stride, _pad) in enumerate(_cases):
        _rng = np.random.default_rng(1800 + _seed)
        _A = _rng.normal(size=_shape)
        _W = _rng.normal(size=(_f, _f, _shape[3], _n_C))
        _b = _rng.normal(size=(1, 1, 1, _n_C))
        _hp = {"stride": _stride, "pad": _pad}
        _copies = (_A.copy(), _W.copy(), _b.copy())
        _want = _tf_conv(_A, _W, _b, _stride, _pad)
        _hints = [
            (_tf_conv(_A, _W[::-1, ::-1], _b, _stride, _pad), _FLIPPED),
            (_want - _b, "the bias is missing"),
            (_tf_conv(_A, _W.reshape(_n_C, -1).T.reshape(_W.shape), _b, _stride, _pad),
             "W_col is not in the order of the windows: W.reshape(f * f * n_C_prev, n_C) puts "
             "filter c in column c"),
        ]
        _what = (f"Z for A_prev of shape {_shape}, f = {_f}, n_C = {_n_C}, stride = {_stride}, "
                 f"pad = {_pad}")
        with substituted(globals(), zero_pad=_ref_zero_pad, im2col=_ref_im2col):
            _Z, _cache = conv_forward_im2col(_A, _W, _b, _hp)
        check_array(_Z, _want, _what, rtol=1e-9, atol=1e-9, hints=_hints)
        check_type(_cache, tuple, "cache")
        check_equal(len(_cache), 4, "len(cache)")
        for _k, (_name, _orig) in enumerate(zip(("A_prev", "W", "b"), _copies)):
            check_array(_cache[_k], _orig, f"cache[{_k}] (should be {_name})", atol=0)
        check_equal(_cache[3], _hp, "cache[3] (should be hparameters)")
        for _name, _before, _after in zip(("A_prev", "W", "b"), _copies, (_A, _W, _b)):
            check_unchanged(_before, _after, f"{_name} passed to conv_forward_im2col")


_hidden_conv_forward_im2col()
### END HIDDEN TESTS

# %% [markdown]
# ### 7.1 - How much faster?
#
# The cell below runs three versions of the same layer on the same batch (8 pictures of
# $32 \times 32$ pixels with 3 channels, 8 filters of $3 \times 3$, stride 1, padding 1, so
# $8 \cdot 32 \cdot 32 \cdot 8 = 65\,536$ output values): your loops, your im2col version, and
# TensorFlow's `tf.nn.conv2d`. It checks that the three agree, and prints how long each takes.
# The loop version takes a second or a few; TensorFlow is imported here for the first time,
# which takes a few more seconds.

# %% tags=["demo"]
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")
import tensorflow as tf


def best_time(run, repeats):
    """The shortest of `repeats` timings of run(), in seconds (the least disturbed one)."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


rng_timing = np.random.default_rng(7)
A_timing = rng_timing.normal(size=(8, 32, 32, 3))
W_timing = rng_timing.normal(size=(3, 3, 3, 8))
b_timing = rng_timing.normal(size=(1, 1, 1, 8))
hp_timing = {"stride": 1, "pad": 1}
A_timing_tf = tf.constant(zero_pad(A_timing, 1))  # float64, like the NumPy arrays
W_timing_tf = tf.constant(W_timing)

start = time.perf_counter()
Z_loop, _ = conv_forward(A_timing, W_timing, b_timing, hp_timing)
t_loop = time.perf_counter() - start  # one run: it is the slow one
Z_im2col, _ = conv_forward_im2col(A_timing, W_timing, b_timing, hp_timing)
Z_tf = tf.nn.conv2d(A_timing_tf, W_timing_tf, strides=1, padding="VALID").numpy() + b_timing
assert np.allclose(Z_im2col, Z_loop) and np.allclose(Z_tf, Z_loop), "the three versions differ"

t_im2col = best_time(lambda: conv_forward_im2col(A_timing, W_timing, b_timing, hp_timing), 5)
t_tf = best_time(lambda: tf.nn.conv2d(A_timing_tf, W_timing_tf, strides=1,
                                      padding="VALID").numpy(), 5)
print(f"loops (conv_forward):         {t_loop * 1e3:8.1f} ms, "
      f"{t_loop / Z_loop.size * 1e6:.1f} µs per output value")
print(f"im2col (conv_forward_im2col): {t_im2col * 1e3:8.1f} ms, "
      f"{t_loop / t_im2col:6.0f} times faster than the loops")
print(f"TensorFlow (tf.nn.conv2d):    {t_tf * 1e3:8.1f} ms, "
      f"{t_loop / t_tf:6.0f} times faster than the loops")
assert t_loop / Z_loop.size > 1e-6, "the loops should take more than a microsecond per output"
assert t_loop > 10 * t_im2col, "im2col should be at least 10 times faster than the loops"
assert t_loop > 10 * t_tf, "TensorFlow should be at least 10 times faster than the loops"
gap_fast = max(t_im2col, t_tf) / min(t_im2col, t_tf)
print(f"between the two fast versions: a factor {gap_fast:.1f}")
assert gap_fast < t_loop / max(t_im2col, t_tf), "the fast versions should be closer to each other"

# %% [markdown]
# **Where the factor comes from.** The loop version spends more than a microsecond per output
# value (the cell prints how many, and asserts that bound) to do 27 multiplications and
# additions, which a modern processor does in a few nanoseconds. Almost all of that time is the
# Python interpreter: one pass of the innermost loop looks up variables, builds index tuples and
# slices, calls `conv_single_step`, which calls `np.sum` on a tiny array, and each NumPy call has
# a fixed start-up cost much larger than the work it does on 27 numbers. The loops make
# $m \, n_H \, n_W \, n_C = 65\,536$ such passes. The im2col version pays such costs once per
# output position, $n_H n_W = 1024$ times, each time copying the windows of all 8 pictures and
# all channels at once (or only $f^2 = 9$ times, looping inside the filter), then once for the
# matrix product. It spends the rest of its time in compiled code: the product of the
# $8192 \times 27$ matrix `cols` with the $27 \times 8$ matrix `W_col` runs in BLAS, which keeps
# the numbers in the processor's caches and uses its vector instructions. The cell asserts a
# factor of at least 10 for both fast versions; the printed ratios are usually much larger.
#
# TensorFlow's `tf.nn.conv2d` goes one step further: a compiled convolution kernel that needs
# no Python at all between its multiplications, can use several threads, and on a GPU runs
# thousands of them at once. For a layer this small, on a CPU and in `float64`, the two fast
# versions are much closer to each other than either is to the loops (the cell asserts that
# too); the frameworks' advantage shows on large layers, in `float32`, on GPUs, and in the
# backward pass, which they derive for you.
#
# ## 8 - What next
#
# You have built a convolutional layer and a pooling layer from scratch, forward and backward,
# checked them against TensorFlow and against numerical gradients, and made the convolution
# fast with one matrix product. In the next notebook, *CNNs with the Keras Sequential and
# Functional APIs*, Keras provides these layers ready-made (`Conv2D`, `MaxPooling2D`), and you
# assemble and train whole convolutional networks with them.
#
# **What you built:** `zero_pad`, `conv_single_step`, `conv_forward`, `pool_forward`,
# `conv_backward`, `create_mask_from_window`, `distribute_value`, `pool_backward`, `im2col` and
# `conv_forward_im2col`, and you predicted the shapes of a small network.

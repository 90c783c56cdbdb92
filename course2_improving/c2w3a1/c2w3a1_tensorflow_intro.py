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
# # Introduction to TensorFlow
#
# Until now you wrote every part of a network by hand in NumPy, backward propagation included.
# That is the best way to understand a network, and the slowest way to build one. Deep learning
# **frameworks** do the bookkeeping for you: they compute gradients automatically, come with
# ready-made optimizers such as Adam, feed the data in mini-batches and run on GPUs when there
# is one. This notebook introduces [TensorFlow](https://www.tensorflow.org), one of the two
# most used frameworks (the other is PyTorch; the ideas carry over).
#
# **By the end you will have written**
#
# - two predictions, checked by running them: the dtypes TensorFlow gives to a few
#   expressions, and what gradient descent does with five learning rates;
# - `linear_function`, `sigmoid` and `one_hot_matrix`: warm-ups with tensors;
# - `initialize_parameters`, `forward_propagation` and `compute_total_loss`: the pieces of a
#   3-layer network (LINEAR → RELU → LINEAR → RELU → LINEAR → SOFTMAX) that recognises six
#   kinds of things in small pictures;
#
# and you will have trained that network with a loop that TensorFlow differentiates for you,
# and measured how well it does.
#
# **How this notebook works**
#
# - Write your code between `# YOUR CODE HERE` and the `return` line of each exercise, and delete
#   the `raise NotImplementedError()` line. Do not rename the functions or change their arguments.
# - Each exercise is followed by a test cell. Run it: a line ending in "all public tests passed"
#   means the visible checks agree with your code. The grader runs more tests (other shapes,
#   other values), so a passing public test is necessary, not sufficient.
# - Use TensorFlow operations (`tf.…`) inside your functions, not NumPy ones: TensorFlow can only
#   differentiate, and compile, what it computes itself.
# - Run the cells in order. If something behaves strangely, use *Kernel → Restart and run all*.
# - Only the exercise cells are graded: the grader runs the released notebook with your
#   exercise cells put in, so cells you add yourself do not run there. Keep every helper
#   function or import that your answer needs inside its exercise cell.
#   Importing TensorFlow takes several seconds; that is normal.

# %% [markdown]
# ## 1 - Packages
#
# - [NumPy](https://numpy.org) and [Matplotlib](https://matplotlib.org), as before;
# - [TensorFlow](https://www.tensorflow.org) 2, imported as `tf`. Its high-level part, Keras,
#   is `tf.keras`; you will use a few of its pieces (activations, losses, initializers, the Adam
#   optimizer), but not its ready-made models: that is for course 4;
# - `dlcourse`, this course's package: `dlcourse.data` loads the pictures, `dlcourse.plots` and
#   `dlcourse.curves` draw them and the training curves, `dlcourse.testing` holds the helpers the
#   test cells use.
#
# The two `os.environ` lines before the import silence TensorFlow's start-up messages.

# %%
import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"

import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf

from dlcourse.curves import plot_costs
from dlcourse.data import load_six_classes
from dlcourse.plots import montage
from dlcourse.testing import (
    CheckFailed,
    check_between,
    check_close,
    check_equal,
    check_keys,
    check_scalar,
    check_shape,
    check_tensor,
    check_unchanged,
    dataset_map,
    gradients,
    run_checks,
)

print("TensorFlow", tf.__version__)


def check_choice(got, expected, name, mistakes=()):
    """Fail unless got == expected; name the likely cause when got is a known mistake."""
    if got == expected:
        return got
    for value, cause in mistakes:
        if got == value:
            raise CheckFailed(f"{name} is wrong: expected {expected!r}, got {got!r}\n"
                              f"  likely cause: {cause}")
    raise CheckFailed(f"{name} is wrong: expected {expected!r}, got {got!r}")


def check_answers(answers, allowed_keys, allowed_values, name):
    """A dict with exactly the keys asked for, each value one of the allowed answers."""
    check_keys(answers, allowed_keys, name)
    for key in allowed_keys:
        if answers[key] not in allowed_values:
            raise CheckFailed(f"{name}[{key!r}] is {answers[key]!r}, not one of the allowed "
                              f"answers {sorted(allowed_values)}")


# %% [markdown]
# ## 2 - Tensors, variables and gradients
#
# ### 2.1 - Tensors
#
# TensorFlow's arrays are called **tensors**. A tensor is very much like a NumPy array: it has
# a shape and a dtype, and the usual operations work on it, with broadcasting. Two differences
# matter here:
#
# - a tensor cannot be changed in place (there is no `t[0] = 1`);
# - TensorFlow never mixes dtypes in one operation. Where NumPy would turn `float32 + float64`
#   into `float64`, TensorFlow refuses to add a `float32` tensor to a `float64` tensor (an
#   `InvalidArgumentError`); convert one of them with `tf.cast(t, tf.float32)` first.
#
# Where the dtype of a tensor comes from:
#
# - `tf.constant` of a Python list: Python floats give `float32`, Python integers `int32`;
# - `tf.constant` of a NumPy array keeps the array's dtype, and NumPy's defaults are `float64`
#   and `int64` (`np.random.randn`, `np.ones`, `np.arange` all give 64-bit arrays);
# - in an operation between a tensor and something that is *not* a tensor (a Python number
#   or a NumPy array), the other operand is converted to **the tensor's dtype** first, just
#   as `tf.cast` would convert it. Only two tensors of different dtypes clash.
#
# Neural networks almost always work in `float32`, half the memory of `float64` and faster.
#
# `tf.constant` makes a tensor from a list or a NumPy array; `.numpy()` turns it back into an
# array.

# %% tags=["demo"]
A = tf.constant([[1.0, 2.0], [3.0, 4.0]])
print(A)
print("shape:", A.shape, " dtype:", A.dtype)
print("as a NumPy array:\n", A.numpy())

# %% [markdown]
# The operations you know from NumPy have TensorFlow versions: `tf.matmul` (or `@`) for the
# matrix product, `tf.add` (or `+`) for sums, `tf.reduce_sum` for `np.sum`, `tf.transpose`,
# `tf.reshape`, `tf.exp`, … A NumPy array passed to them is turned into a tensor automatically.

# %% tags=["demo"]
v = tf.constant([[1.0], [-1.0]])
print("A @ v =", tf.matmul(A, v).numpy().ravel())
print("column sums:", tf.reduce_sum(A, axis=0).numpy())
print("A + 1 (broadcasting):\n", (A + 1).numpy())

# %% [markdown]
# ### Exercise 1 - predict the dtypes
#
# Before running anything, apply the rules above to these six expressions. For each, write
# the dtype of the result (`"int32"`, `"int64"`, `"float32"` or `"float64"`), or `"error"`
# if TensorFlow refuses to compute it:
#
# | key | expression |
# |---|---|
# | 1 | `tf.constant([1, 2, 3])` |
# | 2 | `tf.constant(np.arange(3))` |
# | 3 | `tf.constant(np.array([1.0, 2.0]))` |
# | 4 | `tf.constant([1.0, 2.0]) + np.array([1.0, 2.0])` |
# | 5 | `tf.constant([1.0, 2.0]) + tf.constant(np.array([1.0, 2.0]))` |
# | 6 | `tf.constant([1, 2]) + np.array([0.5, 0.5])` |
#
# Store your answers in the dictionary `dtype_predictions`, keys 1 to 6, e.g.
# `dtype_predictions = {1: "float64", 2: ..., ...}` (strings, not `tf.` dtypes). The test cell
# checks only that the answers are well formed; the grader compares them with what TensorFlow
# does, and so does the cell after the test: run it once you have answered.

# %%
DTYPE_EXPRESSIONS = {
    1: "tf.constant([1, 2, 3])",
    2: "tf.constant(np.arange(3))",
    3: "tf.constant(np.array([1.0, 2.0]))",
    4: "tf.constant([1.0, 2.0]) + np.array([1.0, 2.0])",
    5: "tf.constant([1.0, 2.0]) + tf.constant(np.array([1.0, 2.0]))",
    6: "tf.constant([1, 2]) + np.array([0.5, 0.5])",
}

# %% nbgrader={"grade_id": "dtype_predictions", "solution": true}
# dtype_predictions = {1: ..., 2: ..., 3: ..., 4: ..., 5: ..., 6: ...}
### BEGIN SOLUTION
dtype_predictions = {1: "int32", 2: "int64", 3: "float64", 4: "float32", 5: "error", 6: "int32"}
### END SOLUTION

# %% nbgrader={"grade_id": "test_dtype_predictions", "points": 2}
DTYPE_ANSWERS = {"int32", "int64", "float32", "float64", "error"}
run_checks(
    "dtype_predictions",
    lambda: check_answers(dtype_predictions, (1, 2, 3, 4, 5, 6), DTYPE_ANSWERS,
                          "dtype_predictions"),
)
### BEGIN HIDDEN TESTS
def _hidden_dtype_predictions():
    # the grader's own copy of the expressions: it evaluates them, so it never reads the
    # notebook's DTYPE_EXPRESSIONS (which a learner's cell could rebind)
    _expressions = {
        1: "tf.constant([1, 2, 3])",
        2: "tf.constant(np.arange(3))",
        3: "tf.constant(np.array([1.0, 2.0]))",
        4: "tf.constant([1.0, 2.0]) + np.array([1.0, 2.0])",
        5: "tf.constant([1.0, 2.0]) + tf.constant(np.array([1.0, 2.0]))",
        6: "tf.constant([1, 2]) + np.array([0.5, 0.5])",
    }

    def _run(_expression):
        try:
            return eval(_expression).dtype.name
        except (tf.errors.InvalidArgumentError, TypeError, ValueError):
            return "error"

    _mistakes = {
        1: [("int64", "Python integers give an int32 tensor (int64 is NumPy's default)")],
        2: [("int32", "tf.constant keeps a NumPy array's dtype, and np.arange gives int64")],
        3: [("float32", "tf.constant keeps a NumPy array's dtype: float64 here")],
        4: [("float64", "a NumPy array is converted to the tensor's dtype (float32): no upcast "
                        "as in NumPy"),
            ("error", "only two *tensors* of different dtypes clash; a NumPy array is "
                      "converted to the tensor's dtype")],
        5: [("float64", "two tensors of different dtypes are never converted: an error")],
        6: [("float64", "the array is converted to the tensor's dtype, int32, even though "
                        "that drops the fractions"),
            ("error", "only two *tensors* of different dtypes clash; the array is converted "
                      "to the tensor's dtype, int32")],
    }
    check_answers(dtype_predictions, _expressions, DTYPE_ANSWERS, "dtype_predictions")
    for _key, _expression in _expressions.items():
        check_choice(dtype_predictions[_key], _run(_expression),
                     f"dtype_predictions[{_key}] ({_expression})", _mistakes[_key])


_hidden_dtype_predictions()
### END HIDDEN TESTS

# %% [markdown]
# Now run them. Each line shows the result, or the error, next to your prediction:

# %% tags=["demo"]
for key, expression in DTYPE_EXPRESSIONS.items():
    try:
        value = eval(expression)
        outcome, shown = value.dtype.name, value.numpy()
    except tf.errors.InvalidArgumentError as error:
        outcome, shown = "error", type(error).__name__
    print(f"{key}. {expression:60s} {outcome:8s} {str(shown):24s} "
          f"(you said {dtype_predictions.get(key)!r})")

mixed = tf.constant([1.0, 2.0]) + np.array([1.0, 2.0])
assert mixed.dtype == tf.float32, "a float64 NumPy array is converted to the float32 tensor's dtype"
truncated = tf.constant([1, 2]) + np.array([0.5, 0.5])
assert truncated.numpy().tolist() == [1, 2], "0.5 converted to int32 is 0: the fractions are lost"
try:
    tf.constant([1.0, 2.0]) + tf.constant(np.array([1.0, 2.0]))
    clash = None
except tf.errors.InvalidArgumentError as error:
    clash = error
assert clash is not None, "a float32 tensor plus a float64 tensor should raise an error"
print("after tf.cast it works:",
      (tf.constant([1.0, 2.0]) + tf.cast(tf.constant(np.array([1.0, 2.0])), tf.float32)).numpy())

# %% [markdown]
# Two things to remember. A tensor made from a NumPy array is `float64` unless you cast it,
# which is why exercise 3 below returns a `float64` tensor and why `normalize` casts the
# pictures to `float32`. And the silent conversion of a NumPy array can lose information:
# in line 6, `0.5` became the integer `0`.

# %% [markdown]
# ### 2.2 - Variables
#
# The parameters of a network must change during training, so they are stored in
# **variables**. A `tf.Variable` holds a tensor that can be replaced with `assign`, or updated
# with `assign_add` and `assign_sub`. Gradient descent's $w := w - \alpha \, dw$ becomes
# `w.assign_sub(learning_rate * dw)`.

# %% tags=["demo"]
w = tf.Variable([1.0, 2.0], name="w")
w.assign_sub([0.5, 0.5])
print(w)

# %% [markdown]
# ### 2.3 - Gradients with `tf.GradientTape`
#
# This is what a framework is for. Inside a `with tf.GradientTape() as tape:` block, TensorFlow
# records every operation on variables; `tape.gradient(J, w)` then runs backward propagation
# through the recording and returns $\frac{\partial J}{\partial w}$. You write only the forward
# computation.
#
# A tiny example: the cost $J(w) = w^2 - 10 w + 25 = (w - 5)^2$ has its minimum at $w = 5$, and
# its derivative is $\frac{dJ}{dw} = 2w - 10$, which is $-10$ at $w = 0$.

# %% tags=["demo"]
w = tf.Variable(0.0)
with tf.GradientTape() as tape:
    J = w**2 - 10 * w + 25
dJ_dw = tape.gradient(J, w)
print("J(0) =", J.numpy(), "  dJ/dw at w = 0:", dJ_dw.numpy())
assert abs(dJ_dw.numpy() - (-10.0)) < 1e-6, "dJ/dw = 2w - 10 is -10 at w = 0"

# %% [markdown]
# Gradient descent on $J$: each step records the cost on a new tape, asks for the gradient and
# updates the variable. Nobody wrote $2w - 10$ anywhere.

# %% tags=["demo"]
w = tf.Variable(0.0)
learning_rate = 0.1
w_history = [w.numpy()]
for step in range(40):
    with tf.GradientTape() as tape:
        J = w**2 - 10 * w + 25
    dJ_dw = tape.gradient(J, w)
    w.assign_sub(learning_rate * dJ_dw)
    w_history.append(w.numpy())

print(f"after 40 steps: w = {w.numpy():.5f}")
assert abs(w.numpy() - 5.0) < 1e-2, "w should have reached the minimum at 5"

plt.figure(figsize=(5, 3))
plt.plot(w_history, marker="o", markersize=3, label="w, learning rate 0.1")
plt.axhline(5.0, color="grey", linestyle="--", linewidth=1, label="the minimum, w = 5")
plt.xlabel("step")
plt.ylabel("w")
plt.title("Gradient descent on $J(w) = (w - 5)^2$")
plt.legend(frameon=False)
plt.show()

# %% [markdown]
# ### Exercise 2 - predict: five learning rates
#
# The learning rate 0.1 took $w$ from 0 to the minimum in 40 steps. What would other learning
# rates do, from the same start $w = 0$ and for the same 40 steps? For each of
# $\alpha = 0.01, 0.5, 0.9, 1.0, 1.1$ choose one of these outcomes:
#
# - `"converges"`: after 40 steps $w$ is within 0.01 of 5;
# - `"too slow"`: $w$ gets closer to 5 at every step, but is still 0.01 or more away from it
#   after 40 steps;
# - `"oscillates"`: $w$ jumps back and forth between two values and never gets closer to 5;
# - `"diverges"`: $w$ gets further from 5 at every step.
#
# Work it out rather than guess: write one step, $w := w - \alpha \frac{dJ}{dw}$ with
# $\frac{dJ}{dw} = 2w - 10$, in terms of the distance to the minimum, $w - 5$. What happens
# to that distance in one step, and so in 40? Store your answers in the dictionary
# `lr_predictions`, with the learning rates as keys:
# `lr_predictions = {0.01: ..., 0.5: ..., 0.9: ..., 1.0: ..., 1.1: ...}`. As in exercise 1,
# the test cell checks the form of the answers, the grader checks them against the runs, and
# the cell after the test makes the runs for you to compare.

# %%
LEARNING_RATES = (0.01, 0.5, 0.9, 1.0, 1.1)

# %% nbgrader={"grade_id": "lr_predictions", "solution": true}
# lr_predictions = {0.01: ..., 0.5: ..., 0.9: ..., 1.0: ..., 1.1: ...}
### BEGIN SOLUTION
# One step: w - 5 := (1 - 2 alpha) (w - 5), so after 40 steps |w - 5| = 5 |1 - 2 alpha|^40.
lr_predictions = {0.01: "too slow", 0.5: "converges", 0.9: "converges", 1.0: "oscillates",
                  1.1: "diverges"}
### END SOLUTION

# %% nbgrader={"grade_id": "test_lr_predictions", "points": 2}
OUTCOMES = {"converges", "too slow", "oscillates", "diverges"}
run_checks(
    "lr_predictions",
    lambda: check_answers(lr_predictions, (0.01, 0.5, 0.9, 1.0, 1.1), OUTCOMES,
                          "lr_predictions"),
)
### BEGIN HIDDEN TESTS
def _hidden_lr_predictions():
    def _outcome(_lr):
        # 40 steps from w = 0, as in the cell above; the outcome by the exercise's definitions
        _w = tf.Variable(0.0, dtype=tf.float64)
        _dist = [5.0]
        for _ in range(40):
            with tf.GradientTape() as _tape:
                _J = _w**2 - 10 * _w + 25
            _w.assign_sub(_lr * _tape.gradient(_J, _w))
            _dist.append(abs(float(_w.numpy()) - 5.0))
        _dist = np.array(_dist)
        if np.all(np.diff(_dist) > 0):
            return "diverges"
        if np.allclose(_dist, 5.0):
            return "oscillates"
        return "converges" if _dist[-1] < 0.01 else "too slow"

    _step = "one step multiplies w − 5 by 1 − 2α"
    _mistakes = {
        0.01: [("converges", f"{_step} = 0.98: after 40 steps w − 5 is still 0.98^40 ≈ 45 % "
                             "of where it started")],
        0.5: [("oscillates", f"{_step} = 0: the first step lands exactly on the minimum"),
              ("too slow", f"{_step} = 0: the first step lands exactly on the minimum")],
        0.9: [("diverges", f"{_step} = −0.8: w overshoots the minimum at every step, but by "
                           "less each time"),
              ("oscillates", f"{_step} = −0.8: w overshoots the minimum at every step, but by "
                             "less each time")],
        1.0: [("diverges", f"{_step} = −1: the distance to 5 keeps its size, only its sign "
                           "flips"),
              ("converges", f"{_step} = −1: the distance to 5 keeps its size")],
        1.1: [("oscillates", f"{_step} = −1.2: the distance to 5 grows by 20 % per step")],
    }
    _rates = (0.01, 0.5, 0.9, 1.0, 1.1)
    check_answers(lr_predictions, _rates, OUTCOMES, "lr_predictions")
    for _lr in _rates:
        check_choice(lr_predictions[_lr], _outcome(_lr),
                     f"lr_predictions[{_lr}] (40 steps of gradient descent from w = 0)",
                     _mistakes[_lr])


_hidden_lr_predictions()
### END HIDDEN TESTS

# %% [markdown]
# The runs, one panel per learning rate, each titled with what happened:

# %% tags=["demo"]
def gradient_descent_path(learning_rate, num_steps=40):
    """The values of w over num_steps steps of gradient descent on J from w = 0."""
    w = tf.Variable(0.0, dtype=tf.float64)
    path = [0.0]
    for _ in range(num_steps):
        with tf.GradientTape() as tape:
            J = w**2 - 10 * w + 25
        w.assign_sub(learning_rate * tape.gradient(J, w))
        path.append(float(w.numpy()))
    return np.array(path)


def outcome(path):
    distance = np.abs(path - 5.0)
    if np.all(np.diff(distance) > 0):
        return "diverges"
    if np.allclose(distance, 5.0):
        return "oscillates"
    return "converges" if distance[-1] < 0.01 else "too slow"


fig, axes = plt.subplots(1, len(LEARNING_RATES), figsize=(15, 3), sharey=True)
for ax, lr in zip(axes, LEARNING_RATES):
    path = gradient_descent_path(lr)
    ax.plot(np.clip(path, -5, 15), marker="o", markersize=2, linewidth=1)
    ax.axhline(5.0, color="grey", linestyle="--", linewidth=1, label="the minimum, w = 5")
    ax.set_title(f"α = {lr}: {outcome(path)}\n(you said {lr_predictions.get(lr)!r})",
                 fontsize=9)
    ax.set_xlabel("step")
axes[0].set_ylabel("w (clipped to [-5, 15])")
axes[0].legend(frameon=False, fontsize=8, loc="lower right")
plt.show()

outcomes = {lr: outcome(gradient_descent_path(lr)) for lr in LEARNING_RATES}
print(outcomes)
assert outcome(gradient_descent_path(0.1)) == "converges", "the run above: 0.1 converges"
assert outcomes[1.0] == "oscillates", "with α = 1, w should jump between 0 and 10"
assert outcomes[1.1] == "diverges", "with α = 1.1, w − 5 should grow by 20 % per step"

# %% [markdown]
# One step of gradient descent multiplies the distance to the minimum by $1 - 2\alpha$: 0.98
# for $\alpha = 0.01$ (a crawl), 0 for $\alpha = 0.5$ (the minimum in one step), $-0.8$ for
# $\alpha = 0.9$ (overshooting, by less each time), $-1$ for $\alpha = 1$ and $-1.2$ for
# $\alpha = 1.1$. Gradient descent converges when $|1 - 2\alpha| < 1$, that is for
# $0 < \alpha < 1$ here; the best learning rate is not the smallest one. On a real network
# the cost has no formula you could analyse like this, which is why the learning rate is
# tuned by trying a few values and watching the cost.
#
# In a network there are many variables; `tape.gradient(J, [W1, b1, ...])` returns one gradient
# per variable, and an **optimizer** such as `tf.keras.optimizers.Adam` applies the update rule
# you wrote by hand last week: `optimizer.apply_gradients(zip(grads, variables))`.
#
# ### 2.4 - Feeding data with `tf.data`
#
# A `tf.data.Dataset` is a stream of examples. You build one from arrays with
# `from_tensor_slices` (which slices along the first axis: one element per row), transform
# every element with `map`, and group elements into mini-batches with `batch`. A `for` loop over
# a dataset yields tensors.

# %% tags=["demo"]
numbers = tf.data.Dataset.from_tensor_slices(np.arange(10))
squares = numbers.map(lambda x: x * x)
for batch in squares.batch(4):
    print(batch.numpy())

# %% [markdown]
# ## 3 - The dataset: six kinds of things
#
# The pictures are 64 × 64 colour images of **six classes** of things, drawn as clip art or
# emoji and pasted at random sizes and positions onto varied backgrounds:
#
# | label $y$ | 0 | 1 | 2 | 3 | 4 | 5 |
# |---|---|---|---|---|---|---|
# | class | animal | building | food | person | plant | vehicle |
#
# The background says nothing about the class (any background goes with any class), and no
# drawing of the test set appears in the training set, so the test set measures how well the
# network recognises *new* drawings. There are 1200 training pictures, 200 per class, and 600
# test pictures: 150 drawings (25 per class), each pasted four times with a different
# background, size and position. Four views per drawing make the test accuracy steadier: one
# picture is 1/600 of it. `load_six_classes()` returns the same five things as the loader of
# course 1: images of shape `(m, 64, 64, 3)`, labels of shape `(1, m)` and the class names.

# %%
train_set_x_orig, train_set_y, test_set_x_orig, test_set_y, classes = load_six_classes()
print("train_set_x_orig:", train_set_x_orig.shape, train_set_x_orig.dtype)
print("train_set_y:     ", train_set_y.shape)
print("test_set_x_orig: ", test_set_x_orig.shape)
print("classes:", classes.tolist())
print("training pictures per class:", np.bincount(train_set_y[0]))
print("test pictures per class:    ", np.bincount(test_set_y[0]))
assert classes.tolist() == ["animal", "building", "food", "person", "plant", "vehicle"], \
    "the six classes in the order of the table"
assert (np.bincount(train_set_y[0]) == 200).all(), "200 training pictures per class"
assert (np.bincount(test_set_y[0]) == 100).all(), "100 test pictures per class"

# %% [markdown]
# Some drawings are hard to recognise at 64 × 64 even for a person (a dark silhouette on a
# dark photo, a white outline on a white background). The examples shown in this notebook are
# taken from pictures we looked at and could name: four of each class from the first 80
# training pictures.

# %% tags=["demo"]
shown = [4, 6, 17, 44, 0, 10, 27, 28, 13, 19, 56, 73, 5, 11, 21, 49, 3, 20, 22, 74,
         1, 18, 38, 64]  # checked by eye: animals, buildings, food, persons, plants, vehicles
assert np.bincount(train_set_y[0, shown]).tolist() == [4] * 6, "four of each class"
montage(train_set_x_orig[shown], labels=train_set_y[0, shown], classes=classes, ncols=8,
        title="Four training examples of each class")
plt.show()

# %% [markdown]
# Now the data goes into `tf.data` pipelines. Each image is converted to `float32`, divided by
# 255 and flattened into a vector of $64 \cdot 64 \cdot 3 = 12288$ numbers, as in course 1;
# `normalize` does that for one image, and `map` applies it to every element of the dataset.
# The labels stay integers for now; exercise 5 turns them into vectors.

# %%
x_train = tf.data.Dataset.from_tensor_slices(train_set_x_orig)
y_train = tf.data.Dataset.from_tensor_slices(train_set_y[0])
x_test = tf.data.Dataset.from_tensor_slices(test_set_x_orig)
y_test = tf.data.Dataset.from_tensor_slices(test_set_y[0])
print("one element of x_train:", x_train.element_spec)


def normalize(image):
    """Turn one (64, 64, 3) uint8 image into a float32 vector of shape (12288,) in [0, 1]."""
    image = tf.cast(image, tf.float32) / 255.0
    image = tf.reshape(image, [-1])
    return image


new_train = x_train.map(normalize)
new_test = x_test.map(normalize)
print("one element of new_train:", new_train.element_spec)
first_two = tf.transpose(tf.stack(list(new_train.take(2))))  # (12288, 2): two pictures

# %% [markdown]
# ## 4 - Warm-up: functions on tensors
#
# ### Exercise 3 - `linear_function`
#
# Compute $Y = WX + b$ with TensorFlow, where $X$, $W$ and $b$ are random: $X$ of shape
# $(3, 1)$, $W$ of shape $(4, 3)$ and $b$ of shape $(4, 1)$, so $Y$ has shape $(4, 1)$.
#
# Draw the numbers with NumPy, in this order, right after the `np.random.seed(1)` line that is
# already there: `np.random.randn(3, 1)` for `X`, then `np.random.randn(4, 3)` for `W`, then
# `np.random.randn(4, 1)` for `b`. Turn each into a tensor with `tf.constant(...)`, and compute
# `Y` with `tf.matmul` and `tf.add` (or `@` and `+`). Return a tensor, not a NumPy array.
#
# <details><summary>Hint</summary>
#
# `tf.constant(np.random.randn(3, 1), name="X")` makes `X`. The order of the factors matters:
# `W` has 3 columns and `X` has 3 rows.
# </details>

# %% nbgrader={"grade_id": "linear_function", "solution": true}
# GRADED FUNCTION: linear_function
def linear_function():
    """Compute Y = WX + b for random X (3, 1), W (4, 3) and b (4, 1), drawn after seed 1.

    Returns:
    Y -- a tensor of shape (4, 1), equal to W X + b
    """
    np.random.seed(1)
    ### BEGIN SOLUTION
    X = tf.constant(np.random.randn(3, 1), name="X")
    W = tf.constant(np.random.randn(4, 3), name="W")
    b = tf.constant(np.random.randn(4, 1), name="b")
    Y = tf.add(tf.matmul(W, X), b)
    ### END SOLUTION
    return Y


# %% nbgrader={"grade_id": "test_linear_function", "points": 1}
result = linear_function()
run_checks(
    "linear_function",
    lambda: check_equal(tf.is_tensor(result), True, "tf.is_tensor(linear_function())"),
    lambda: check_shape(result, (4, 1), "linear_function()"),
    lambda: check_close(result, [[-2.15657382], [2.95891446], [-1.08926781], [-0.84538042]],
                        "linear_function()", rtol=1e-6, hints=[
                            ([[-1.987485436], [-2.768262478], [-0.786354145], [-2.774638458]],
                             "the numbers drawn in another order: X, then W, then b?"),
                            ([[0.043208719], [3.303770873], [0.666449025], [-0.929807916]],
                             "W X − b: add b?"),
                            ([[0.90226927], [0.743940645], [1.085422711], [0.858180656]],
                             "np.random.rand (uniform) instead of np.random.randn?")]),
)
### BEGIN HIDDEN TESTS
def _hidden_linear_function():
    _rs = np.random.RandomState(1)
    _X, _W, _b = _rs.randn(3, 1), _rs.randn(4, 3), _rs.randn(4, 1)
    _want = _W @ _X + _b
    np.random.seed(12345)  # the function must set the seed itself
    np.random.randn(7)
    _got = linear_function()
    check_equal(tf.is_tensor(_got), True, "tf.is_tensor(linear_function())")
    check_shape(_got, (4, 1), "linear_function()")
    check_close(_got, _want, "linear_function() called after other random draws", rtol=1e-6,
                atol=1e-7)
    check_close(linear_function(), _want, "linear_function() called twice", rtol=1e-6,
                atol=1e-7)


_hidden_linear_function()
### END HIDDEN TESTS

# %% tags=["demo"]
result = linear_function()
print(result)

# %% [markdown]
# ### Exercise 4 - `sigmoid`
#
# Compute $\sigma(z) = \frac{1}{1 + e^{-z}}$ with TensorFlow. The argument may be a Python
# number (even an integer such as `0`), a NumPy array or a tensor; the result must be a
# `float32` tensor of the same shape.
#
# 1. Cast `z` to `float32` with `tf.cast(z, tf.float32)` (TensorFlow's sigmoid refuses integers);
# 2. apply `tf.keras.activations.sigmoid` (or `tf.math.sigmoid`, the same function).

# %% nbgrader={"grade_id": "sigmoid", "solution": true}
# GRADED FUNCTION: sigmoid
def sigmoid(z):
    """Compute the sigmoid of z, element by element, as a float32 tensor.

    Arguments:
    z -- a number, a numpy array or a tensor

    Returns:
    a -- a float32 tensor of the same shape as z, holding sigmoid(z)
    """
    ### BEGIN SOLUTION
    z = tf.cast(z, tf.float32)
    a = tf.keras.activations.sigmoid(z)
    ### END SOLUTION
    return a


# %% nbgrader={"grade_id": "test_sigmoid", "points": 1}
# sigmoid(log 3) = 3/4 and sigmoid(-log 3) = 1/4.
run_checks(
    "sigmoid",
    lambda: check_tensor(sigmoid(0), tf.float32, "sigmoid(0)"),
    lambda: check_scalar(float(sigmoid(0)), 0.5, "sigmoid(0)"),
    lambda: check_scalar(float(sigmoid(-1)), 0.26894142, "sigmoid(-1)", rtol=1e-6),
    lambda: check_tensor(sigmoid(np.array([np.log(3.0), -np.log(3.0)])), tf.float32,
                         "sigmoid of a float64 array"),
    lambda: check_close(sigmoid(np.array([np.log(3.0), -np.log(3.0)])), [0.75, 0.25],
                        "sigmoid([log 3, -log 3])", rtol=1e-6),
)
### BEGIN HIDDEN TESTS
def _hidden_sigmoid():
    for _seed, _shape in ((0, (3, 4)), (1, (1, 7)), (2, (2, 3, 2)), (3, (5,))):
        _z = np.random.default_rng(_seed).uniform(-9.0, 9.0, size=_shape)
        _want = 1.0 / (1.0 + np.exp(-_z))
        _name = f"sigmoid(z) for a float64 array z of shape {_shape}"
        _got = sigmoid(_z)
        check_tensor(_got, tf.float32, _name)
        check_close(_got, _want, _name, rtol=1e-5, atol=1e-7)
        _got = sigmoid(tf.constant(_z, dtype=tf.float32))
        check_tensor(_got, tf.float32, f"sigmoid(z) for a float32 tensor z of shape {_shape}")
        check_close(_got, _want, f"sigmoid(z) for a float32 tensor z of shape {_shape}",
                    rtol=1e-5, atol=1e-7)
    _zi = np.array([[-3, 0, 2], [5, -1, 1]])
    check_tensor(sigmoid(_zi), tf.float32, "sigmoid of an integer array")
    check_close(sigmoid(_zi), 1.0 / (1.0 + np.exp(-_zi)), "sigmoid of an integer array",
                rtol=1e-5, atol=1e-7)
    for _v in (-4, 3, 2.5, -0.75):
        check_close(sigmoid(_v), 1.0 / (1.0 + np.exp(-_v)), f"sigmoid({_v})", rtol=1e-5)


_hidden_sigmoid()
### END HIDDEN TESTS

# %% tags=["demo"]
print("sigmoid(-1) =", sigmoid(-1))
print("sigmoid(0) =", sigmoid(0))
print("sigmoid([0.5, 12.0]) =", sigmoid(np.array([0.5, 12.0])))

# %% [markdown]
# ### Exercise 5 - `one_hot_matrix`
#
# The network will have $C = 6$ outputs, one per class, so a label $y \in \{0, \dots, 5\}$ is
# written as a **one-hot** vector: a vector of $C$ zeros with a single 1 at position $y$. For
# $y = 2$:
#
# $$y = 2 \quad \longrightarrow \quad \begin{bmatrix} 0 & 0 & 1 & 0 & 0 & 0 \end{bmatrix}^T.$$
#
# Side by side, the one-hot vectors of $m$ examples form a $(C, m)$ matrix with one 1 per
# column. `tf.one_hot(indices, depth, axis=0)` makes one-hot vectors; implement
# `one_hot_matrix(label, C)` for a **single** label (a number or a 0-d tensor): return a
# `float32` tensor of shape **`(C,)`** (use `tf.reshape(..., [C])` to be sure of the shape).
# Use the argument `C`, not the number 6: the grader also tries other numbers of classes.
# Keep the signature `one_hot_matrix(label, C=6)`: the label first, the number of classes
# second, with the default 6. The tests pass both arguments by position, as in
# `one_hot_matrix(1, 4)`, so a version that names the second argument `depth` works too.

# %% nbgrader={"grade_id": "one_hot_matrix", "solution": true}
# GRADED FUNCTION: one_hot_matrix
def one_hot_matrix(label, C=6):
    """Encode one label as a one-hot vector.

    Arguments:
    label -- an integer in 0..C-1 (a number or a 0-d integer tensor)
    C -- the number of classes

    Returns:
    one_hot -- a float32 tensor of shape (C,): zeros with a 1 at position label
    """
    ### BEGIN SOLUTION
    one_hot = tf.reshape(tf.one_hot(label, C, axis=0), [C])
    ### END SOLUTION
    return one_hot


# %% nbgrader={"grade_id": "test_one_hot_matrix", "points": 2}
run_checks(
    "one_hot_matrix",
    lambda: check_tensor(one_hot_matrix(2), tf.float32, "one_hot_matrix(2)"),
    lambda: check_shape(one_hot_matrix(2), (6,), "one_hot_matrix(2)"),
    lambda: check_close(one_hot_matrix(2), [0, 0, 1, 0, 0, 0], "one_hot_matrix(2)"),
    lambda: check_close(one_hot_matrix(1, 4), [0, 1, 0, 0], "one_hot_matrix(1, 4)"),
    lambda: check_close(one_hot_matrix(tf.constant(5)), [0, 0, 0, 0, 0, 1],
                        "one_hot_matrix(tf.constant(5))"),
)
### BEGIN HIDDEN TESTS
def _hidden_one_hot_matrix():
    for _C in (2, 3, 6, 10):
        for _label in range(_C):
            _want = np.eye(_C)[_label]
            for _arg, _kind in ((_label, "int"), (np.int64(_label), "np.int64"),
                                (tf.constant(_label, dtype=tf.int64), "int64 tensor")):
                _name = f"one_hot_matrix({_label}, {_C}) with the label as {_kind}"
                _got = one_hot_matrix(_arg, _C)
                check_tensor(_got, tf.float32, _name)
                check_shape(_got, (_C,), _name)
                check_close(_got, _want, _name, atol=0)
    _labels = np.array([3, 0, 5, 1], dtype=np.int64)
    _rows = np.stack([np.asarray(_t) for _t in dataset_map(one_hot_matrix, _labels)])
    check_close(_rows, np.eye(6)[_labels], "one_hot_matrix applied with Dataset.map", atol=0)


_hidden_one_hot_matrix()
### END HIDDEN TESTS

# %% tags=["demo"]
print("one_hot_matrix(2) =", one_hot_matrix(2))
print("one_hot_matrix(1, 4) =", one_hot_matrix(1, 4))

# %% [markdown]
# The labels of both sets become one-hot vectors with `map`, as the images were normalized:

# %% tags=["demo"]
new_y_train = y_train.map(one_hot_matrix)
new_y_test = y_test.map(one_hot_matrix)
print("label of the first test picture:", test_set_y[0, 0], "->", next(iter(new_y_test)).numpy())

# %% [markdown]
# ### Exercise 6 - `initialize_parameters`
#
# The network has $n_x = 12288$ inputs, two hidden layers of 25 and 12 units and $C = 6$
# outputs, so its parameters have these shapes:
#
# | parameter | $W^{[1]}$ | $b^{[1]}$ | $W^{[2]}$ | $b^{[2]}$ | $W^{[3]}$ | $b^{[3]}$ |
# |---|---|---|---|---|---|---|
# | shape | (25, 12288) | (25, 1) | (12, 25) | (12, 1) | (6, 12) | (6, 1) |
#
# Each one must be a `tf.Variable` (so that the gradient tape tracks it) holding `float32`
# numbers:
#
# - the **weights** $W^{[l]}$ are random, from the **Glorot normal** (also called Xavier)
#   initializer: a normal distribution with variance $\frac{2}{n_{in} + n_{out}}$, the two
#   sizes of the matrix, which keeps the size of the activations steady from layer to layer
#   (week 1's He initialization is its cousin for ReLU networks). The cell already creates
#   `initializer = tf.keras.initializers.GlorotNormal(seed=1)`; call it with the shape of each
#   weight matrix, e.g. `initializer(shape=(25, 12288))`;
# - the **biases** $b^{[l]}$ start at **zero** (`tf.zeros(shape)`), as in every network of
#   this course so far. Random weights already make the units of a layer differ from each
#   other (the symmetry breaking of week 1), so the biases need no randomness of their own.
#   Drawing them with the same initializer would not be neutral: for a bias of shape
#   $(n, 1)$ the Glorot variance is $\frac{2}{n + 1}$, so $b^{[1]}$ would start with a
#   spread of about 0.28, twenty times that of the entries of $W^{[1]}$, set by the bias's
#   shape and not by anything about the unit.
#
# Wrap each array in `tf.Variable(...)`.

# %% nbgrader={"grade_id": "initialize_parameters", "solution": true}
# GRADED FUNCTION: initialize_parameters
def initialize_parameters():
    """Create the parameters of the 12288 -> 25 -> 12 -> 6 network as tf.Variables.

    The weights are drawn with tf.keras.initializers.GlorotNormal(seed=1); the biases are zeros.

    Returns:
    parameters -- dict with "W1" (25, 12288), "b1" (25, 1), "W2" (12, 25), "b2" (12, 1),
                  "W3" (6, 12), "b3" (6, 1), each a float32 tf.Variable
    """
    initializer = tf.keras.initializers.GlorotNormal(seed=1)
    ### BEGIN SOLUTION
    W1 = tf.Variable(initializer(shape=(25, 12288)))
    b1 = tf.Variable(tf.zeros((25, 1)))
    W2 = tf.Variable(initializer(shape=(12, 25)))
    b2 = tf.Variable(tf.zeros((12, 1)))
    W3 = tf.Variable(initializer(shape=(6, 12)))
    b3 = tf.Variable(tf.zeros((6, 1)))
    ### END SOLUTION

    parameters = {"W1": W1, "b1": b1, "W2": W2, "b2": b2, "W3": W3, "b3": b3}
    return parameters


# %% nbgrader={"grade_id": "test_initialize_parameters", "points": 2}
parameters = initialize_parameters()
SHAPES = {"W1": (25, 12288), "b1": (25, 1), "W2": (12, 25), "b2": (12, 1), "W3": (6, 12),
          "b3": (6, 1)}
run_checks(
    "initialize_parameters",
    lambda: check_keys(parameters, SHAPES, "parameters"),
    *[lambda k=k: check_shape(parameters[k], SHAPES[k], f"parameters['{k}']") for k in SHAPES],
    *[lambda k=k: check_equal(isinstance(parameters[k], tf.Variable), True,
                              f"isinstance(parameters['{k}'], tf.Variable)") for k in SHAPES],
    *[lambda k=k: check_tensor(parameters[k], tf.float32, f"parameters['{k}']") for k in SHAPES],
    lambda: check_close(parameters["W3"][0, :3], [0.04799401, -0.18682818, 0.23918913],
                        "parameters['W3'][0, :3]", rtol=1e-5,
                        hints=[([0.175263792, -0.788998783, 2.202542067],
                                "normal numbers not scaled: the Glorot initializer the "
                                "exercise names?"),
                               ([0.437040448, -0.046210825, 0.115806341],
                                "Glorot uniform: the exercise names GlorotNormal?")]),
    # The biases start at zero.
    lambda: check_close(parameters["b1"][:3, 0], [0.0, 0.0, 0.0], "parameters['b1'][:3, 0]",
                        hints=[([0.0399334356, -0.1554504335, 0.1990173906],
                                "b1 drawn with the initializer: the biases start at zero?"),
                               ([1.0, 1.0, 1.0], "ones: the biases start at zero?")]),
)
### BEGIN HIDDEN TESTS
def _hidden_initialize_parameters():
    _params = initialize_parameters()
    check_keys(_params, SHAPES, "parameters")
    _init = tf.keras.initializers.GlorotNormal(seed=1)
    for _k, _shape in SHAPES.items():
        _name = f"parameters['{_k}']"
        check_equal(isinstance(_params[_k], tf.Variable), True, f"isinstance({_name}, tf.Variable)")
        check_tensor(_params[_k], tf.float32, _name)
        check_shape(_params[_k], _shape, _name)
        _drawn = np.asarray(_init(shape=_shape))
        if _k.startswith("W"):
            check_close(_params[_k], _drawn, _name, rtol=1e-5, atol=1e-7,
                        hints=[(np.zeros(_shape), "zeros: the weights are drawn with the "
                                                  "initializer?")])
        else:
            check_close(_params[_k], np.zeros(_shape), _name, atol=0,
                        hints=[(_drawn, "a bias drawn with the initializer: the biases start "
                                        "at zero?"),
                               (np.ones(_shape), "ones: the biases start at zero?")])
    # The spread of the weights: the Glorot variance 2 / (n_in + n_out).
    for _k in ("W1", "W2"):
        _fan = sum(SHAPES[_k])
        check_close(float(np.std(np.asarray(_params[_k]))), np.sqrt(2.0 / _fan),
                    f"the standard deviation of parameters['{_k}']", rtol=0.15)
    _again = initialize_parameters()
    check_close(_again["W1"][:, :50], np.asarray(_params["W1"])[:, :50],
                "parameters['W1'] from a second call (the seed fixes the values)", rtol=1e-6)


_hidden_initialize_parameters()
### END HIDDEN TESTS

# %% tags=["demo"]
parameters = initialize_parameters()
for key, value in parameters.items():
    print(f"{key}: shape {tuple(value.shape)}, dtype {value.dtype.name}, "
          f"std {float(tf.math.reduce_std(value)):.4f}")

# The spread a Glorot draw would give the first bias, next to that of the weights of W1:
glorot_std_b1, glorot_std_W1 = np.sqrt(2 / (25 + 1)), np.sqrt(2 / (12288 + 25))
print(f"Glorot std for b1 (25, 1): {glorot_std_b1:.3f}; for W1 (25, 12288): "
      f"{glorot_std_W1:.4f}; ratio {glorot_std_b1 / glorot_std_W1:.0f}")
assert 15 < glorot_std_b1 / glorot_std_W1 < 25, "about twenty times W1's spread"
assert abs(float(tf.math.reduce_std(parameters["W1"])) - np.sqrt(2 / (12288 + 25))) < 1e-3, \
    "W1's spread is the Glorot one"

# %% [markdown]
# ## 5 - The network
#
# ### Exercise 7 - `forward_propagation`
#
# For a matrix $X$ of shape $(n_x, m)$ holding $m$ examples as columns, the network computes
#
# $$Z^{[1]} = W^{[1]} X + b^{[1]}, \quad A^{[1]} = \text{ReLU}(Z^{[1]}), \quad
# Z^{[2]} = W^{[2]} A^{[1]} + b^{[2]}, \quad A^{[2]} = \text{ReLU}(Z^{[2]}), \quad
# Z^{[3]} = W^{[3]} A^{[2]} + b^{[3]}.$$
#
# The last layer's activation, the softmax, is left out on purpose: `forward_propagation`
# returns $Z^{[3]}$, the **logits**, and the loss function of exercise 8 applies the softmax
# itself (in a way that is more accurate numerically than applying it first).
#
# Use `tf.linalg.matmul` (or `@`), `tf.math.add` (or `+`) and `tf.keras.activations.relu`. No
# backward propagation: the gradient tape will take care of it.

# %% nbgrader={"grade_id": "forward_propagation", "solution": true}
# GRADED FUNCTION: forward_propagation
def forward_propagation(X, parameters):
    """LINEAR -> RELU -> LINEAR -> RELU -> LINEAR.

    Arguments:
    X -- input tensor of shape (n_x, m), float32
    parameters -- dict with "W1", "b1", "W2", "b2", "W3", "b3"

    Returns:
    Z3 -- the logits of the last LINEAR unit, a float32 tensor of shape (n_y, m)
    """
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]
    W3 = parameters["W3"]
    b3 = parameters["b3"]

    ### BEGIN SOLUTION
    Z1 = tf.math.add(tf.linalg.matmul(W1, X), b1)
    A1 = tf.keras.activations.relu(Z1)
    Z2 = tf.math.add(tf.linalg.matmul(W2, A1), b2)
    A2 = tf.keras.activations.relu(Z2)
    Z3 = tf.math.add(tf.linalg.matmul(W3, A2), b3)
    ### END SOLUTION
    return Z3


# %% nbgrader={"grade_id": "test_forward_propagation", "points": 3}
# A small network: 4 inputs, layers of 3 and 2 units, 3 outputs, 2 examples.
small = {
    "W1": tf.Variable([[0.5, -1.0, 0.2, 0.0], [1.0, 0.3, -0.4, 0.8], [-0.6, 0.1, 0.9, -0.2]]),
    "b1": tf.Variable([[0.1], [-0.2], [0.05]]),
    "W2": tf.Variable([[1.0, -0.5, 0.7], [0.4, 0.6, -1.2]]),
    "b2": tf.Variable([[0.0], [0.3]]),
    "W3": tf.Variable([[0.8, -0.3], [-1.1, 0.5], [0.2, 0.9]]),
    "b3": tf.Variable([[0.1], [-0.1], [0.2]]),
}
X_small = tf.constant([[1.0, -2.0], [0.5, 0.0], [-1.0, 1.5], [2.0, 0.5]])
Z3_small = forward_propagation(X_small, small)
# Parameters of the shapes of the real network (fixed numbers, not your initialize_parameters).
full_size = {k: tf.Variable(np.random.default_rng(0).normal(0, 0.01, size=shape),
                            dtype=tf.float32)
             for k, shape in (("W1", (25, 12288)), ("b1", (25, 1)), ("W2", (12, 25)),
                              ("b2", (12, 1)), ("W3", (6, 12)), ("b3", (6, 1)))}
run_checks(
    "forward_propagation",
    lambda: check_tensor(Z3_small, tf.float32, "forward_propagation(X_small, small)"),
    lambda: check_shape(Z3_small, (3, 2), "forward_propagation(X_small, small)"),
    lambda: check_close(Z3_small, [[-0.521, 1.5], [0.935, -2.025], [2.063, 0.55]],
                        "forward_propagation(X_small, small)", rtol=1e-5, atol=1e-6, hints=[
                            ([[0.0, 1.5], [0.935, 0.0], [2.063, 0.55]],
                             "a ReLU on the output: return the logits Z3, no activation?"),
                            ([[0.30715704, 0.573325753], [-0.322814018, -0.720163822],
                              [0.942946136, 0.659960806]], "sigmoid in the hidden layers: ReLU?"),
                            ([[-1.157000184, 1.980000019], [1.995000243, -2.684999943],
                              [3.971000433, 0.670000017]],
                             "Z1, Z2 passed on instead of A1, A2: the ReLU skipped?"),
                            ([[0.053940915, 0.706118524], [0.23134017, 0.020796465],
                              [0.714718938, 0.273085028]],
                             "a softmax on the output: return the logits Z3?"),
                            ([[-0.467000037, 1.472000122], [0.845000029, -1.986500144],
                              [1.901000142, 0.543000042]],
                             "a bias of a hidden layer left out: + b1, + b2?")]),
    # Inside tf.function TensorFlow builds a graph: NumPy calls on tensors fail there.
    lambda: check_close(tf.function(forward_propagation)(X_small, small),
                        [[-0.521, 1.5], [0.935, -2.025], [2.063, 0.55]],
                        "forward_propagation run inside tf.function (tf operations only, no "
                        "NumPy)", rtol=1e-5, atol=1e-6),
    lambda: check_shape(forward_propagation(first_two, full_size), (6, 2),
                        "forward_propagation on two pictures with the parameters of the "
                        "network [12288, 25, 12, 6]"),
)
### BEGIN HIDDEN TESTS
def _hidden_forward_propagation():
    def _relu(_z):
        return np.maximum(_z, 0.0)

    for _seed, (_nx, _h1, _h2, _ny, _m) in enumerate(((5, 4, 3, 6, 7), (12, 8, 5, 3, 1),
                                                       (3, 6, 6, 4, 10))):
        _rng = np.random.default_rng(500 + _seed)
        _dims = {"W1": (_h1, _nx), "b1": (_h1, 1), "W2": (_h2, _h1), "b2": (_h2, 1),
                 "W3": (_ny, _h2), "b3": (_ny, 1)}
        _np = {_k: _rng.normal(size=_s).astype(np.float32) for _k, _s in _dims.items()}
        _X = _rng.normal(size=(_nx, _m)).astype(np.float32)
        _params = {_k: tf.Variable(_v) for _k, _v in _np.items()}
        _p64 = {_k: _v.astype(np.float64) for _k, _v in _np.items()}
        _A1 = _relu(_p64["W1"] @ _X.astype(np.float64) + _p64["b1"])
        _A2 = _relu(_p64["W2"] @ _A1 + _p64["b2"])
        _want = _p64["W3"] @ _A2 + _p64["b3"]
        _name = f"forward_propagation for layer sizes {(_nx, _h1, _h2, _ny)} and m = {_m}"
        _Xt = tf.constant(_X)
        _got = forward_propagation(_Xt, _params)
        check_tensor(_got, tf.float32, _name)
        check_shape(_got, (_ny, _m), _name)
        check_close(_got, _want, _name, rtol=1e-4, atol=1e-4)
        check_unchanged(_X, _Xt.numpy(), "X passed to forward_propagation")
        for _k in _np:
            check_unchanged(_np[_k], _params[_k].numpy(), f"parameters['{_k}'] after the call")
        _graph = tf.function(forward_propagation)(_Xt, _params)
        check_close(_graph, _want, f"{_name}, run inside tf.function", rtol=1e-4, atol=1e-4)
    # The gradient flows to every parameter.
    _params = {_k: tf.Variable(_v) for _k, _v in _np.items()}
    _, (_, _grads) = gradients(forward_propagation, tf.constant(_X), _params)
    for _k, _g in _grads.items():
        check_equal(_g is not None, True, f"the gradient of the output with respect to {_k} "
                    "exists (is every parameter used, with tf operations?)")


_hidden_forward_propagation()
### END HIDDEN TESTS

# %% tags=["demo"]
Z3 = forward_propagation(first_two, initialize_parameters())
print("Z3 for the first two training pictures:\n", Z3.numpy())

# %% [markdown]
# ### Exercise 8 - `compute_total_loss`
#
# The softmax turns the logits $z^{(i)}$ of example $i$ (a column of $Z^{[3]}$) into
# probabilities, $\hat{y}^{(i)}_k = \frac{e^{z^{(i)}_k}}{\sum_{j=1}^{C} e^{z^{(i)}_j}}$, and the
# **categorical cross-entropy** of that example is
#
# $$\mathcal{L}^{(i)} = -\sum_{k=1}^{C} y^{(i)}_k \log \hat{y}^{(i)}_k,$$
#
# minus the log of the probability given to the correct class (the one-hot $y^{(i)}$ picks one
# term). Implement the **total** loss of a mini-batch, the *sum* over its examples:
#
# $$\mathcal{L}_{total} = \sum_{i=1}^{m} \mathcal{L}^{(i)}.$$
#
# Summing instead of averaging lets the training loop add up the mini-batch losses of an epoch
# and divide once by the number of examples, so the last, smaller mini-batch gets its fair
# weight.
#
# `tf.keras.losses.categorical_crossentropy(y_true, y_pred, from_logits=True)` computes
# $\mathcal{L}^{(i)}$ for every example, softmax included (`from_logits=True` says that `y_pred`
# holds logits, not probabilities). It expects **one example per row**, shape $(m, C)$, while
# `logits` and `labels` have one example per column, shape $(C, m)$: transpose both. Then sum
# with `tf.reduce_sum`.

# %% nbgrader={"grade_id": "compute_total_loss", "solution": true}
# GRADED FUNCTION: compute_total_loss
def compute_total_loss(logits, labels):
    """Sum over the examples of the categorical cross-entropy of softmax(logits).

    Arguments:
    logits -- tensor of shape (C, m), the output of forward_propagation (before the softmax)
    labels -- tensor of shape (C, m), one-hot "true" labels, one example per column

    Returns:
    total_loss -- a scalar tensor: the sum of the m examples' losses
    """
    ### BEGIN SOLUTION
    total_loss = tf.reduce_sum(tf.keras.losses.categorical_crossentropy(
        tf.transpose(labels), tf.transpose(logits), from_logits=True))
    ### END SOLUTION
    return total_loss


# %% nbgrader={"grade_id": "test_compute_total_loss", "points": 3}
# Three classes, two examples (columns). Example 1 has logits (2, 0, 0) and class 0:
# loss log(1 + 2 e^-2) = 0.2395447. Example 2 has logits (1, 1, 1) and class 2: loss log 3.
logits_small = tf.constant([[2.0, 1.0], [0.0, 1.0], [0.0, 1.0]])
labels_small = tf.constant([[1.0, 0.0], [0.0, 0.0], [0.0, 1.0]])
loss_small = compute_total_loss(logits_small, labels_small)
run_checks(
    "compute_total_loss",
    lambda: check_tensor(loss_small, tf.float32, "compute_total_loss(logits_small, labels_small)"),
    lambda: check_shape(loss_small, (), "compute_total_loss(logits_small, labels_small)"),
    lambda: check_close(loss_small, 0.2395447 + np.log(3.0),
                        "compute_total_loss(logits_small, labels_small)", rtol=1e-5, hints=[
                            (1.098612428, "from_logits=True missing: the logits taken for "
                                          "probabilities?"),
                            (0.626523316, "logits and labels not transposed: the loss expects "
                                          "one example per row?"),
                            (1.484335899, "a binary cross-entropy: categorical_crossentropy?"),
                            (0.669078588, "the mean over the examples: the total is the sum?"),
                            (4.757223606, "labels and logits swapped: (y_true, y_pred)?"),
                            (1.960080624, "a sigmoid or softmax applied before the loss: "
                                          "from_logits=True expects the logits?")]),
)
### BEGIN HIDDEN TESTS
def _hidden_compute_total_loss():
    def _oracle(_z, _y):
        _z = _z.astype(np.float64)
        _shift = _z - _z.max(axis=0, keepdims=True)
        _logp = _shift - np.log(np.exp(_shift).sum(axis=0, keepdims=True))
        return float(-(_y * _logp).sum())

    for _seed, (_C, _m) in enumerate(((6, 5), (6, 1), (3, 17), (10, 4), (6, 32))):
        _rng = np.random.default_rng(600 + _seed)
        _z = (_rng.normal(size=(_C, _m)) * 3).astype(np.float32)
        _y = np.eye(_C, dtype=np.float32)[:, _rng.integers(0, _C, size=_m)]
        _zt, _yt = tf.constant(_z), tf.constant(_y)
        _name = f"compute_total_loss for C = {_C} classes and m = {_m} examples"
        _got = compute_total_loss(_zt, _yt)
        check_tensor(_got, tf.float32, _name)
        check_shape(_got, (), _name)
        check_close(_got, _oracle(_z, _y), _name, rtol=1e-5, atol=1e-5)
        check_unchanged(_z, _zt.numpy(), "logits passed to compute_total_loss")
        if _seed < 2:
            _graph = tf.function(compute_total_loss)(_zt, _yt)
            check_close(_graph, _oracle(_z, _y), f"{_name}, run inside tf.function", rtol=1e-5,
                        atol=1e-5)
    # Large logits: the loss must stay finite and exact (a softmax computed first and then its
    # log underflows to log 0 when the correct class is far behind).
    _z = np.array([[60.0, -20.0, 0.0], [0.0, 25.0, 0.0], [-60.0, 0.0, 40.0]], dtype=np.float32)
    _y = np.eye(3, dtype=np.float32)[:, [2, 1, 0]]
    check_close(compute_total_loss(tf.constant(_z), tf.constant(_y)), _oracle(_z, _y),
                "compute_total_loss for large logits", rtol=1e-5, atol=1e-4)


_hidden_compute_total_loss()
### END HIDDEN TESTS

# %% tags=["demo"]
print("total loss of the two pictures:",
      compute_total_loss(Z3, tf.transpose(tf.stack(list(new_y_train.take(2))))))

# %% [markdown]
# ## 6 - Training the network
#
# Everything is ready. The function `model` below trains the network with your functions; read
# it, it is the pattern of every TensorFlow training loop:
#
# 1. pair the images with their labels (`tf.data.Dataset.zip`) and cut them into mini-batches
#    of 32 (`batch`); `cache` keeps the prepared mini-batches in memory after the first epoch.
#    A mini-batch has the shape `(32, 12288)`, one example per row, hence the `tf.transpose`
#    before `forward_propagation`;
# 2. for every mini-batch, compute the total loss under a `tf.GradientTape`, ask the tape for
#    the gradients of the six parameters and let Adam update them;
# 3. after each epoch, divide the summed loss by the number of examples $m$ to get the cost
#    $J$, and measure the accuracy on the training and the test set.
#
# `train_step` is decorated with `@tf.function`: TensorFlow traces it once into a graph and
# then runs the graph, several times faster than executing each operation on its own. That is
# one more reason to write your functions with TensorFlow operations only.

# %% tags=["demo"]
def predict(X, parameters):
    """The predicted class of each example: the index of the largest logit.

    Arguments:
    X -- tensor of shape (n_x, m)
    parameters -- dict of the network's parameters

    Returns:
    predictions -- numpy array of shape (m,), integers 0..C-1
    """
    return tf.argmax(forward_propagation(X, parameters), axis=0).numpy()


def model(X_train, Y_train, X_test, Y_test, learning_rate=0.0001, num_epochs=100,
          minibatch_size=32, print_cost=True):
    """Train the 3-layer network with Adam on mini-batches.

    Arguments:
    X_train, Y_train -- tf.data datasets of the normalized training images (12288,) and their
                        one-hot labels (6,)
    X_test, Y_test -- the same for the test set
    learning_rate -- Adam's learning rate
    num_epochs -- number of passes over the training set
    minibatch_size -- number of examples in a mini-batch
    print_cost -- if True, print the cost and the accuracies every 10 epochs

    Returns:
    parameters -- the learned parameters (dict of tf.Variables)
    costs -- the cost J after each epoch
    train_acc, test_acc -- the accuracy on each set after each epoch
    """
    parameters = initialize_parameters()
    variables = [parameters[key] for key in ("W1", "b1", "W2", "b2", "W3", "b3")]
    optimizer = tf.keras.optimizers.Adam(learning_rate)
    optimizer.build(variables)

    dataset = tf.data.Dataset.zip((X_train, Y_train))
    test_dataset = tf.data.Dataset.zip((X_test, Y_test))
    m = int(dataset.cardinality())
    minibatches = dataset.batch(minibatch_size).cache().prefetch(8)
    test_minibatches = test_dataset.batch(minibatch_size).cache().prefetch(8)
    train_accuracy = tf.keras.metrics.CategoricalAccuracy()
    test_accuracy = tf.keras.metrics.CategoricalAccuracy()

    @tf.function
    def train_step(minibatch_X, minibatch_Y):
        with tf.GradientTape() as tape:
            Z3 = forward_propagation(tf.transpose(minibatch_X), parameters)
            minibatch_total_loss = compute_total_loss(Z3, tf.transpose(minibatch_Y))
        grads = tape.gradient(minibatch_total_loss, variables)
        optimizer.apply_gradients(zip(grads, variables))
        train_accuracy.update_state(minibatch_Y, tf.transpose(Z3))
        return minibatch_total_loss

    @tf.function
    def test_step(minibatch_X, minibatch_Y):
        Z3 = forward_propagation(tf.transpose(minibatch_X), parameters)
        test_accuracy.update_state(minibatch_Y, tf.transpose(Z3))

    costs, train_acc, test_acc = [], [], []
    for epoch in range(num_epochs):
        epoch_total_loss = 0.0
        train_accuracy.reset_state()
        for minibatch_X, minibatch_Y in minibatches:
            epoch_total_loss += float(train_step(minibatch_X, minibatch_Y))
        test_accuracy.reset_state()
        for minibatch_X, minibatch_Y in test_minibatches:
            test_step(minibatch_X, minibatch_Y)

        costs.append(epoch_total_loss / m)
        train_acc.append(float(train_accuracy.result()))
        test_acc.append(float(test_accuracy.result()))
        if print_cost and (epoch % 10 == 0 or epoch == num_epochs - 1):
            print(f"epoch {epoch:3d}: cost {costs[-1]:.4f}, train accuracy {train_acc[-1]:.3f}, "
                  f"test accuracy {test_acc[-1]:.3f}")
    return parameters, costs, train_acc, test_acc


# %% [markdown]
# Train for 100 epochs with learning rate 0.0001 (a few tens of seconds):

# %% tags=["demo"]
parameters, costs, train_acc, test_acc = model(new_train, new_y_train, new_test, new_y_test,
                                               num_epochs=100)

# %% [markdown]
# ### The curves
#
# The cost falls steadily. The accuracy curves tell more: both rise fast in the first twenty
# epochs; then the training accuracy keeps climbing, to about 85 %, while the test accuracy
# hardly moves after epoch 30 and ends around 44 %, between two and three times the 1/6 of
# guessing.

# %% tags=["demo"]
fig, axes = plt.subplots(1, 2, figsize=(11, 4))
plot_costs(costs, every=1, ax=axes[0], title="Cost J (total loss / m)")
plot_costs({"train": train_acc, "test": test_acc}, every=1, ax=axes[1], ylabel="accuracy",
           title="Accuracy")
axes[1].axhline(1 / 6, color="grey", linestyle="--", linewidth=1)
axes[1].text(len(test_acc) - 1, 1 / 6 + 0.01, "chance (1/6)", color="grey", ha="right")
for ax in axes:
    ax.set_xlabel("epoch")
plt.show()

# %% [markdown]
# The next cell checks these statements on your run (every correct implementation starts from
# the same parameters and sees the mini-batches in the same order, so it gets nearly the same
# numbers):

# %% tags=["demo"]
final_train = train_acc[-1]
final_test = np.mean(test_acc[-10:])  # the test accuracy moves a little from epoch to epoch
check_between(costs[-1] / costs[0], 0.0, 0.5, "the last cost / the first",
              "the cost falls to less than half")
check_between(final_train, 0.78, 0.92, "the training accuracy", "about 85 %")
check_between(final_test, 0.40, 0.48, "the test accuracy", "around 44 %")
check_between(final_test - test_acc[30], -0.03, 0.03, "the test accuracy's change after epoch 30",
              "it hardly moves")
check_between(final_train - final_test, 0.3, 0.6, "the gap between train and test accuracy",
              "a clear gap")
print(f"cost: {costs[0]:.3f} after the first epoch, {costs[-1]:.3f} after the last")
print(f"train accuracy after the last epoch:         {final_train:.3f}")
print(f"test accuracy after epoch 30:                {test_acc[30]:.3f}")
print(f"test accuracy, mean over the last 10 epochs: {final_test:.3f}")

# %% [markdown]
# ### What does it get wrong?
#
# The **confusion matrix** counts, for each true class (row), how often each class was
# predicted (column): the diagonal holds the correct answers.

# %% tags=["demo"]
test_matrix = tf.transpose(tf.stack(list(new_test)))  # (12288, m_test)
test_pred = predict(test_matrix, parameters)
confusion = np.zeros((len(classes), len(classes)), dtype=int)
np.add.at(confusion, (test_set_y[0], test_pred), 1)

fig, ax = plt.subplots(figsize=(5.5, 5))
ax.imshow(confusion, cmap="Blues")
for i in range(len(classes)):
    for j in range(len(classes)):
        ax.text(j, i, confusion[i, j], ha="center", va="center",
                color="white" if confusion[i, j] > confusion.max() / 2 else "black")
ax.set_xticks(range(len(classes)), classes, rotation=45)
ax.set_yticks(range(len(classes)), classes)
ax.set_xlabel("predicted class")
ax.set_ylabel("true class")
ax.set_title("Confusion matrix on the test set")
plt.show()

# %% [markdown]
# Which pictures does it get wrong? The gallery shows misclassified test pictures from the
# first view of each drawing (test pictures 0 to 149), leaving out the 18 drawings that we
# could not name ourselves at this size: a mistake on those says little about the network.

# %% tags=["demo"]
unclear = [7, 15, 19, 27, 33, 37, 43, 56, 57, 70, 82, 88, 96, 103, 129, 130, 142, 147]
wrong = np.flatnonzero(test_pred != test_set_y[0])
print(f"{wrong.size} of {test_pred.size} test pictures are misclassified")
wrong_shown = [i for i in wrong if i < 150 and i not in unclear][:16]
assert len(wrong_shown) == 16, "enough recognisable mistakes to fill the gallery"
montage(test_set_x_orig[wrong_shown],
        labels=[f"said {classes[test_pred[i]]}\nis {classes[test_set_y[0, i]]}"
                for i in wrong_shown],
        title="Misclassified test pictures (first views, recognisable ones)")
plt.show()

# %% [markdown]
# ## 7 - What next
#
# The network recognises more than 4 in 10 of the pictures it has never seen, between two and
# three times better than guessing, but it does much better on the pictures it was trained on
# (about 85 %). Some of the gap
# is **overfitting**: 12288 × 25 weights in the first layer are plenty to memorise 1200
# pictures. Much of it comes from how a fully connected layer looks at a picture: each weight
# is tied to one pixel position, so the network has to learn separately, for every place in
# the picture, what a wheel or a leaf looks like there, from only 200 examples per class.
# The regularization of week 1 helps a little with the first problem; the second calls for
# a different kind of layer.
#
# - In course 3 you will learn to decide, from numbers like these, what to try next.
# - In course 4 you will build **convolutional** networks, whose small filters slide over
#   the whole picture and so learn a wheel once for all positions, and train them on this
#   same dataset, with Keras doing even more of the work than today.
#
# **What you built:** tensors and variables, gradients from `tf.GradientTape`, a `tf.data`
# pipeline, and a 3-layer network in TensorFlow: initialization, forward propagation and the
# softmax cross-entropy loss, trained with Adam on mini-batches, without writing a single line
# of backward propagation.

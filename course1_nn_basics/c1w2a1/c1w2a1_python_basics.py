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
# # Python basics with NumPy
#
# Every network in this course is a handful of array operations. This notebook makes you fluent in
# the ones you will use from next week on, and shows why we write them on whole arrays instead of
# looping over numbers.
#
# **By the end you will be able to**
#
# - compute the sigmoid on a single number and on arrays of any shape, and derive its derivative;
# - unroll an image into a column vector with `reshape`, in the order NumPy stores it;
# - predict what broadcasting does, and use `axis=...` with `keepdims=True` to normalize rows;
# - write a softmax that cannot overflow, and say why subtracting the row maximum is safe;
# - measure how much faster a vectorized computation is than a Python loop;
# - implement the L1 and L2 losses in one line each.
#
# **How the exercises work.** Each exercise is a function with a docstring. Replace the lines
# `# YOUR CODE HERE` and `raise NotImplementedError()` with your code, then run the test cell that
# follows it. The visible tests check a few inputs; when you submit, the grader
# runs more checks (other shapes, larger values, whether your function changes its input). Write
# code that works for every input the docstring describes, not only for the example.
#
# Only the exercise cells are graded: the grader runs the released notebook with your exercise
# cells put in, so cells you add yourself do not run there. Keep every helper function or import
# that your answer needs inside its exercise cell.

# %%
import math
import time

import matplotlib.pyplot as plt
import numpy as np

from dlcourse.testing import (
    CheckFailed,
    check_array,
    check_between,
    check_equal,
    check_keys,
    check_scalar,
    check_shape,
    check_type,
    check_unchanged,
    run_checks,
    substituted,
)

# %% [markdown]
# ## 1. Building blocks
#
# ### 1.1 The sigmoid of one number
#
# The sigmoid squashes any real number into the interval $(0, 1)$:
#
# $$\sigma(x) = \frac{1}{1 + e^{-x}}$$
#
# Large positive $x$ give values close to 1, large negative $x$ give values close to 0, and
# $\sigma(0) = \frac{1}{2}$. In logistic regression the output of the model is
# $\hat{y} = \sigma(w^T x + b)$, read as the probability that the label is 1. In the lectures the
# argument is usually called $z$; here it is `x`.
#
# **Exercise.** Implement `basic_sigmoid` with the standard library's `math.exp`. It receives one
# real number and returns one real number.
#
# *Hint:* `math.exp(a)` computes $e^{a}$.

# %% nbgrader={"grade_id": "basic_sigmoid", "solution": true}
# GRADED FUNCTION: basic_sigmoid
def basic_sigmoid(x):
    """Compute the sigmoid of a real number with math.exp.

    Arguments:
    x -- a real number (int or float)

    Returns:
    s -- sigmoid(x), a float
    """
    ### BEGIN SOLUTION
    s = 1 / (1 + math.exp(-x))
    ### END SOLUTION
    return s


# %% nbgrader={"grade_id": "test_basic_sigmoid", "points": 1}
run_checks(
    "basic_sigmoid",
    lambda: check_scalar(basic_sigmoid(0.0), 0.5, "basic_sigmoid(0.0)",
                         hints=[(2.0, "1 / 1 + exp(-x): parentheses around the denominator?"),
                                (0.0, "tanh(x), not the sigmoid?")]),
    lambda: check_scalar(basic_sigmoid(1.0), 0.7310585786, "basic_sigmoid(1.0)"),
    lambda: check_scalar(basic_sigmoid(-2.0), 0.1192029220, "basic_sigmoid(-2.0)"),
)
### BEGIN HIDDEN TESTS
# Oracle: sigma(x) = (1 + tanh(x / 2)) / 2, a different formula for the same function.
for _value in (-4.5, -0.3, 0.7, 3, 6.25):
    _expected = 0.5 * (1 + math.tanh(_value / 2))
    check_scalar(basic_sigmoid(_value), _expected, "basic_sigmoid of another real number",
                 hints=[(1 + math.exp(-_value), "1 / 1 + exp(-x): parentheses around the "
                                                "denominator?"),
                        (1 / (1 - math.exp(-_value)), "1 - exp(-x) in the denominator: it is "
                                                      "1 + exp(-x)?"),
                        (math.tanh(_value), "tanh(x), not the sigmoid?")])
### END HIDDEN TESTS

# %% [markdown]
# `math` works on one number at a time. Deep learning works on vectors and matrices, and `math`
# refuses them:

# %% tags=["demo"]
try:
    math.exp([1.0, 2.0, 3.0])
except TypeError as err:
    print("math.exp([1.0, 2.0, 3.0]) fails:", err)

# %% [markdown]
# ### 1.2 The sigmoid of a whole array
#
# NumPy's functions apply elementwise: `np.exp(x)` computes $e^{x_i}$ for every element of `x`,
# whatever its shape, and arithmetic between an array and a number applies to every element:
#
# $$x = \begin{pmatrix} x_1 \\ \vdots \\ x_n \end{pmatrix} \quad\Longrightarrow\quad
# \sigma(x) = \begin{pmatrix} \frac{1}{1+e^{-x_1}} \\ \vdots \\ \frac{1}{1+e^{-x_n}} \end{pmatrix}$$

# %% tags=["demo"]
x = np.array([1.0, 2.0, 3.0])
print("np.exp(x) =", np.exp(x))  # e^1, e^2, e^3 in one call
print("x + 3     =", x + 3)  # 3 is added to every element
print("1 / x     =", 1 / x)  # elementwise reciprocal

# %% [markdown]
# **Exercise.** Implement `sigmoid` with NumPy so that it works for a number, a vector, a matrix or
# an array with more dimensions, and returns an array of the same shape.
#
# *Hint:* your `basic_sigmoid` with `math.exp` replaced by `np.exp` is almost the whole answer.
# Do not loop over the elements, and do not change `x` itself (no `x *= ...`).

# %% nbgrader={"grade_id": "sigmoid", "solution": true}
# GRADED FUNCTION: sigmoid
def sigmoid(x):
    """Compute the sigmoid of x elementwise.

    Arguments:
    x -- a real number or a numpy array of any shape

    Returns:
    s -- sigmoid(x), same shape as x
    """
    ### BEGIN SOLUTION
    s = 1 / (1 + np.exp(-x))
    ### END SOLUTION
    return s


# %% nbgrader={"grade_id": "test_sigmoid", "points": 1}
t_x = np.array([-1.0, 0.0, 2.0])
t_s = sigmoid(t_x)
# A matrix too: sigmoid(log 3) = 1 / (1 + 1/3) = 3/4, sigmoid(-log 3) = 1/4, sigmoid(log 9) = 9/10.
t_m = np.array([[0.0, np.log(3.0)], [-np.log(3.0), np.log(9.0)]])
run_checks(
    "sigmoid",
    lambda: check_unchanged(np.array([-1.0, 0.0, 2.0]), t_x, "t_x after sigmoid(t_x)"),
    lambda: check_array(t_s, [0.2689414214, 0.5, 0.8807970780], "sigmoid(t_x)"),
    lambda: check_array(sigmoid(t_m), [[0.5, 0.75], [0.25, 0.9]], "sigmoid of a 2x2 matrix"),
)
### BEGIN HIDDEN TESTS
def _sigmoid_oracle(z):
    return 0.5 * (1 + np.tanh(np.asarray(z, dtype=float) / 2))


_rng = np.random.default_rng(11)
for _z, _label in ((_rng.uniform(-6, 6, size=(2, 3, 4)), "a 3-D array"),
                  (_rng.normal(size=(5, 1)), "a column vector"),
                  (np.array([[-2, 0, 3]]), "an integer array")):
    _expected = _sigmoid_oracle(_z)
    check_array(sigmoid(_z.copy()), _expected, f"sigmoid of {_label}")
check_scalar(sigmoid(0.8), float(_sigmoid_oracle(0.8)), "sigmoid of a Python float")
_x_in = _rng.normal(size=(3, 2))
_x_before = _x_in.copy()
sigmoid(_x_in)
_ = check_unchanged(_x_before, _x_in, "x after sigmoid(x)")
### END HIDDEN TESTS

# %% [markdown]
# ### 1.3 The gradient of the sigmoid
#
# Backpropagation needs the derivative of each activation. Here you work out the sigmoid's
# yourself, on paper first. You need two rules of calculus:
#
# - the chain rule: the derivative of $\frac{1}{u(x)}$ is $-\frac{u'(x)}{u(x)^2}$;
# - the derivative of $e^{-x}$ is $-e^{-x}$.
#
# **Derive.** With $u(x) = 1 + e^{-x}$:
#
# 1. write $\sigma'(x)$ as a fraction in $e^{-x}$;
# 2. rewrite it with $s = \sigma(x)$ alone, no exponential left (what is $e^{-x}$ in terms of
#    $s$? what is $1 - s$?).
#
# The second form is the useful one: the forward pass has already computed $s$, so the
# derivative then costs no new exponential. Check your result on two facts: $\sigma'(0) =
# \frac14$, and $\sigma'(x)$ goes to 0 for large $|x|$ (a saturated sigmoid barely learns).
#
# **Exercise.** Implement `sigmoid_derivative` with the form you derived: compute `s`, the
# sigmoid of `x`, with your `sigmoid`, then `ds` from `s`. The tests compare your function with
# a numerical derivative of $\sigma$.

# %% nbgrader={"grade_id": "sigmoid_derivative", "solution": true}
# GRADED FUNCTION: sigmoid_derivative
def sigmoid_derivative(x):
    """Compute the derivative of the sigmoid at x, elementwise.

    Arguments:
    x -- a real number or a numpy array of any shape

    Returns:
    ds -- sigma'(x), the derivative of the sigmoid at x, same shape as x
    """
    ### BEGIN SOLUTION
    s = sigmoid(x)
    ds = s * (1 - s)
    ### END SOLUTION
    return ds


# %% nbgrader={"grade_id": "test_sigmoid_derivative", "points": 2}
t_x = np.array([-1.0, 0.0, 2.0])
# While sigmoid_derivative runs, sigmoid is a correct stand-in, sigma(x) = (1 + tanh(x/2)) / 2,
# so that this test checks sigmoid_derivative alone (a mistake in sigmoid fails only its test).
with substituted(globals(), sigmoid=lambda x: 0.5 * (1 + np.tanh(np.asarray(x) / 2))):
    t_ds = sigmoid_derivative(t_x)
run_checks(
    "sigmoid_derivative",
    lambda: check_array(t_ds, [0.1966119332, 0.25, 0.1049935854], "sigmoid_derivative(t_x)",
                        hints=[([-2.0, 0.0, -2.0], "x (1 - x): s = sigmoid(x) is never "
                                                   "computed?"),
                               ([0.2689414214, 0.5, 0.8807970780], "sigmoid(x) itself, not its "
                                                                   "derivative?"),
                               ([0.3412709095, 0.75, 1.6566005706], "s (1 + s): check the sign "
                                                                    "when e^(-x) is written "
                                                                    "with s?"),
                               ([0.9276705118, 0.75, 0.2241965135], "1 - s^2: that is the "
                                                                    "derivative of tanh, "
                                                                    "written with tanh?"),
                               ([0.7310585786, 0.5, 0.1192029220], "exp(-x) / (1 + exp(-x)): "
                                                                   "the chain rule squares "
                                                                   "the denominator?")]),
)
### BEGIN HIDDEN TESTS
# Oracle: a central finite difference of sigma, written with tanh.
def _numeric_derivative(z, h=1e-5):
    def sig(u):
        return 0.5 * (1 + np.tanh(u / 2))

    return (sig(z + h) - sig(z - h)) / (2 * h)


_rng = np.random.default_rng(12)
for _z, _label in ((_rng.uniform(-5, 5, size=(3, 4)), "a 3x4 matrix"),
                  (_rng.normal(scale=2, size=(4, 1)), "a column vector")):
    _expected = _numeric_derivative(_z)
    with substituted(globals(), sigmoid=lambda x: 1 / (1 + np.exp(-x))):
        _got = sigmoid_derivative(_z.copy())
    _s = 1 / (1 + np.exp(-_z))
    check_array(_got, _expected, f"sigmoid_derivative of {_label}", atol=1e-9,
                hints=[(_z * (1 - _z), "x (1 - x): s = sigmoid(x) is never computed?"),
                       (_s, "sigmoid(x) itself, not its derivative?"),
                       (_s * (1 + _s), "s (1 + s): check the sign when e^(-x) is written "
                                       "with s?"),
                       (1 - _s ** 2, "1 - s^2: that is the derivative of tanh, written with "
                                     "tanh?"),
                       (np.exp(-_z) / (1 + np.exp(-_z)),
                        "exp(-x) / (1 + exp(-x)): the chain rule squares the denominator?")])
### END HIDDEN TESTS

# %% [markdown]
# ### 1.4 Reshaping: from an image to a vector
#
# Two attributes and one method do most of the shape work in NumPy:
#
# - `a.shape` is a tuple with the size of each dimension, e.g. `(64, 64, 3)`;
# - `a.reshape(d1, d2, ...)` returns the same numbers arranged in a new shape (the product of the
#   new sizes must equal the number of elements; one size may be `-1`, meaning "whatever fits").

# %% tags=["demo"]
a = np.arange(6)
print("a           =", a, " shape", a.shape)
print("a as (2, 3) =\n", a.reshape(2, 3))
print("a as (3, 2) =\n", a.reshape(3, 2))
print("a as a column has shape", a.reshape(-1, 1).shape)

# %% [markdown]
# `reshape` reads and writes the elements in *row-major* order: the last axis changes fastest.
# A colour image is an array of shape $(\text{length}, \text{height}, \text{depth})$, where depth is
# the number of colour channels (3 for RGB). Unrolling it with `reshape` therefore lists the
# channel values of pixel $(0, 0)$, then of pixel $(0, 1)$, and so on. In the next assignment a
# $64 \times 64$ RGB image becomes one input column $x$ of shape $(n_x, 1) = (12288, 1)$ this way.
#
# **Exercise.** Implement `image2vector`: take an array of shape `(length, height, depth)` and
# return a column vector of shape `(length * height * depth, 1)`.
#
# *Hints:* read the three sizes from `image.shape` — never type the numbers of the example, your
# function must work for every image size. Do not transpose before reshaping: the elements must
# stay in NumPy's order.

# %% nbgrader={"grade_id": "image2vector", "solution": true}
# GRADED FUNCTION: image2vector
def image2vector(image):
    """Unroll an image into a column vector.

    Arguments:
    image -- a numpy array of shape (length, height, depth)

    Returns:
    v -- a column vector of shape (length * height * depth, 1), elements in row-major order
    """
    ### BEGIN SOLUTION
    length, height, depth = image.shape
    v = image.reshape(length * height * depth, 1)
    ### END SOLUTION
    return v


# %% nbgrader={"grade_id": "test_image2vector", "points": 1}
# A 3 x 3 image with 2 channels whose values 0/17, 1/17, ..., 17/17 follow NumPy's storage order,
# so the unrolled vector must list them in increasing order.
t_image = np.arange(18).reshape(3, 3, 2) / 17
t_v = image2vector(t_image)
# The same with a 2 x 4 x 3 image: the sizes must come from image.shape.
t_image2 = np.arange(24).reshape(2, 4, 3) / 23
t_v2 = image2vector(t_image2)
run_checks(
    "image2vector",
    lambda: check_shape(t_v, (18, 1), "image2vector(t_image)"),
    lambda: check_array(t_v, np.arange(18).reshape(18, 1) / 17, "image2vector(t_image)"),
    lambda: check_array(t_v2, np.arange(24).reshape(24, 1) / 23,
                        "image2vector of a 2 x 4 x 3 image"),
)
### BEGIN HIDDEN TESTS
def _unroll_oracle(img):
    n_l, n_h, n_d = img.shape
    values = [img[i, j, k] for i in range(n_l) for j in range(n_h) for k in range(n_d)]
    return np.array(values).reshape(-1, 1)


_rng = np.random.default_rng(13)
for _shape in ((4, 5, 3), (2, 7, 4), (16, 12, 3)):
    _img = _rng.random(_shape)
    _expected = _unroll_oracle(_img)
    check_array(image2vector(_img), _expected, "image2vector of an image that is not 3x3x2")
    check_shape(_img, _shape, "the image after image2vector(image) (it must keep its shape)")
### END HIDDEN TESTS

# %% [markdown]
# ### 1.5 Broadcasting
#
# When two arrays of different shapes meet in an elementwise operation, NumPy *broadcasts* them:
#
# 1. it lines the two shapes up **from the right**; a missing dimension on the left counts as a
#    dimension of size 1;
# 2. wherever one of the two sizes is 1, that array is stretched (its values copied) to the
#    other size;
# 3. two sizes that differ and are both larger than 1 are an error (`ValueError`).
#
# The result has, in each dimension, the larger of the two sizes. A number is an array with no
# dimension at all, so `A + 100` adds 100 to every element.
#
# Reductions such as `np.sum(A, axis=1)` or `np.linalg.norm(A, axis=1)` add up along one axis and
# **remove** it from the shape; with `keepdims=True` the axis stays, with size 1.
#
# **Exercise (predict, then run).** Take five arrays:
#
# | array | shape |
# |---|---|
# | `A` | `(2, 3)` |
# | `row` | `(1, 3)` |
# | `col` | `(2, 1)` |
# | `v` | `(3,)` |
# | `w` | `(2,)` |
#
# Without running anything, predict the shape of each expression below. Write each answer as a
# tuple of ints, such as `(2, 3)` or `(3,)` (a tuple with one entry needs the comma), or as the
# string `"error"` where NumPy refuses. The test cell compares your predictions with what NumPy
# does, and the cell after it shows every result next to your prediction.

# %% nbgrader={"grade_id": "broadcast_predictions", "solution": true}
### BEGIN SOLUTION
broadcast_predictions = {
    "A + row": (2, 3),
    "row + col": (2, 3),
    "col * v": (2, 3),
    "A + v": (2, 3),
    "A + w": "error",
    "A.T + w": (3, 2),
    "np.sum(A, axis=0)": (3,),
    "A / np.sum(A, axis=1)": "error",
    "A / np.sum(A, axis=1, keepdims=True)": (2, 3),
}
### END SOLUTION

# %% nbgrader={"grade_id": "test_broadcast_predictions", "points": 2}
# The expressions, run on arrays of ones with the shapes of the table: what NumPy does.
def run_expression(expression):
    """The shape NumPy gives `expression` on arrays of the table's shapes, or "error"."""
    arrays = {"A": np.ones((2, 3)), "row": np.ones((1, 3)), "col": np.ones((2, 1)),
              "v": np.ones(3), "w": np.ones(2), "np": np}
    try:
        return tuple(np.shape(eval(expression, arrays)))
    except ValueError:
        return "error"


def as_prediction(value, expression):
    """A prediction as a tuple of ints or "error"; a clear message for anything else."""
    if isinstance(value, str):
        if value.strip().lower() == "error":
            return "error"
        raise CheckFailed(f"your prediction for {expression} is the string {value!r}: write a "
                          "tuple of sizes, or the string \"error\" where NumPy refuses")
    if isinstance(value, (int, np.integer)):
        raise CheckFailed(f"your prediction for {expression} is the number {value}, not a "
                          f"shape: a tuple with one entry needs a comma, ({value},)")
    check_type(value, (tuple, list), f"your prediction for {expression} (a tuple or \"error\")")
    for size in value:
        check_type(size, (int, np.integer), f"a size in your prediction for {expression}")
    return tuple(int(size) for size in value)


# Known slips, and the rule each one misreads.
slips_t = {
    "A + row": {(1, 3): "the result takes the larger size in each dimension?"},
    "row + col": {(1, 3): "only one array stretched: row's size-1 axis 0 grows too?",
                  (2, 1): "only one array stretched: col's size-1 axis 1 grows too?"},
    "col * v": {(2, 1): "v, of shape (3,), counts as (1, 3): both arrays are stretched?",
                "error": "v, of shape (3,), counts as (1, 3), and size 1 stretches?"},
    "A + v": {"error": "shapes are lined up from the right: (2, 3) and (3,)?"},
    "A + w": {(2, 3): "shapes are lined up from the right: 3 against 2, both larger than 1?"},
    "A.T + w": {"error": "A.T has shape (3, 2); lined up from the right, 2 meets 2?"},
    "np.sum(A, axis=0)": {(2,): "axis=0 is the axis that disappears: the rows are added up?",
                          (1, 3): "without keepdims=True the summed axis is removed?"},
    "A / np.sum(A, axis=1)": {(2, 3): "np.sum(A, axis=1) has shape (2,), lined up from the "
                                      "right against (2, 3)?"},
    "A / np.sum(A, axis=1, keepdims=True)": {"error": "keepdims=True leaves shape (2, 1), "
                                                      "which stretches?"},
}


def check_predictions(predictions):
    check_type(predictions, dict, "broadcast_predictions")
    check_keys(predictions, slips_t, "broadcast_predictions")
    for expression, slips in slips_t.items():
        got = as_prediction(predictions[expression], expression)
        why = slips.get(got)
        try:
            check_equal(got, run_expression(expression), f"your prediction for {expression}")
        except CheckFailed as err:
            raise CheckFailed(f"{err}\n  likely cause: {why}" if why else str(err)) from None


run_checks("broadcast_predictions", lambda: check_predictions(broadcast_predictions))
### BEGIN HIDDEN TESTS
def _hidden_broadcast_predictions():
    # An independent oracle: NumPy's broadcasting rule applied to the shapes alone.
    _shapes = {"A": (2, 3), "row": (1, 3), "col": (2, 1), "v": (3,), "w": (2,), "A.T": (3, 2),
               "np.sum(A, axis=1)": (2,), "np.sum(A, axis=1, keepdims=True)": (2, 1)}

    def _rule(_left, _right):
        try:
            return tuple(np.broadcast_shapes(_shapes[_left], _shapes[_right]))
        except ValueError:
            return "error"

    _want = {"A + row": _rule("A", "row"), "row + col": _rule("row", "col"),
             "col * v": _rule("col", "v"), "A + v": _rule("A", "v"), "A + w": _rule("A", "w"),
             "A.T + w": _rule("A.T", "w"), "np.sum(A, axis=0)": _shapes["A"][1:],
             "A / np.sum(A, axis=1)": _rule("A", "np.sum(A, axis=1)"),
             "A / np.sum(A, axis=1, keepdims=True)": _rule("A", "np.sum(A, axis=1, keepdims=True)")}
    check_keys(broadcast_predictions, _want, "broadcast_predictions")
    for _expression, _value in _want.items():
        _got = as_prediction(broadcast_predictions[_expression], _expression)
        check_equal(_got, _value, f"your prediction for {_expression}")


_hidden_broadcast_predictions()
### END HIDDEN TESTS

# %% [markdown]
# Now run the expressions on real arrays and compare. The values show what "stretched" means:
# `row` is copied down to every row, `col` across to every column.

# %% tags=["demo"]
A = np.array([[1.0, 2.0, 3.0],
              [4.0, 5.0, 6.0]])  # shape (2, 3)
row = np.array([[10.0, 20.0, 30.0]])  # shape (1, 3)
col = np.array([[1.0], [-1.0]])  # shape (2, 1)
v = np.array([100.0, 200.0, 300.0])  # shape (3,)
w = np.array([1.0, 2.0])  # shape (2,)
for expression in ["A + row", "row + col", "col * v", "A + v", "A + w", "A.T + w",
                   "np.sum(A, axis=0)", "A / np.sum(A, axis=1)",
                   "A / np.sum(A, axis=1, keepdims=True)"]:
    try:
        actual = eval(expression).shape  # runs the expression written in the string
    except ValueError:
        actual = "error"
    predicted = broadcast_predictions[expression]
    if isinstance(predicted, str):
        same = predicted.strip().lower() == actual
    else:
        try:
            same = tuple(int(size) for size in predicted) == actual
        except (TypeError, ValueError):  # not a tuple of sizes: the test above says why
            same = False
    mark = "\N{CHECK MARK}" if same else "x"
    print(f"{mark} {expression:38s} you predicted {predicted!s:9s} NumPy gives {actual}")
print("\nA + row =\n", A + row)
print("row + col =\n", row + col)
print("A / np.sum(A, axis=1, keepdims=True) =\n", A / np.sum(A, axis=1, keepdims=True))

# %% [markdown]
# `row + col` is worth a second look: both arrays are stretched, `row` down and `col` across, so
# two small vectors make a whole table, entry $(i, j)$ being `col[i] + row[j]`.
#
# The last two expressions are the everyday case. To divide each row of `A` by its own sum, the
# sums must form a **column** of shape `(2, 1)`: `keepdims=True` gives exactly that, while the
# shape `(2,)` of a plain `np.sum(A, axis=1)` is lined up with the last axis of `A` and fails.
# Be careful with square matrices: there a shape `(n,)` result *does* broadcast, silently along
# the wrong axis (it divides column $j$ by the value of row $j$). `keepdims=True` avoids the
# question altogether.
#
# ### 1.6 Normalizing rows
#
# Gradient descent often behaves better when every example has the same scale. One way is to
# divide each row $x_i$ of a matrix $x$ by its Euclidean (L2) norm:
#
# $$\|x_i\| = \sqrt{\sum_{j} x_{ij}^2}, \qquad
# \text{normalize\_rows}(x)_{ij} = \frac{x_{ij}}{\|x_i\|}$$
#
# For example, the row $(3, 0, 4)$ has norm $\sqrt{9 + 0 + 16} = 5$ and becomes
# $(0.6, 0, 0.8)$, a row of norm 1.
#
# **Exercise.** Implement `normalize_rows` for a matrix of shape `(n, m)`.
#
# Two steps: the norms of the rows, then one division. Decide which shape the norms must have so
# that the division by broadcasting divides each row by its **own** norm (your predictions above
# answer it). `np.linalg.norm` takes `axis` and `keepdims` like `np.sum`; `np.sqrt` of a sum
# of squares works as well. Divide with `/` into a new array: `x /= ...` would overwrite the
# caller's array.

# %% nbgrader={"grade_id": "normalize_rows", "solution": true}
# GRADED FUNCTION: normalize_rows
def normalize_rows(x):
    """Divide each row of the matrix x by its L2 norm.

    Arguments:
    x -- a numpy array of shape (n, m), no row entirely zero

    Returns:
    x -- a new numpy array of shape (n, m) whose rows have norm 1
    """
    ### BEGIN SOLUTION
    x_norm = np.linalg.norm(x, axis=1, keepdims=True)
    x = x / x_norm
    ### END SOLUTION
    return x


# %% nbgrader={"grade_id": "test_normalize_rows", "points": 2}
t_x = np.array([[3.0, 0.0, 4.0],
                [1.0, 2.0, 2.0]])
t_n = normalize_rows(t_x)
run_checks(
    "normalize_rows",
    lambda: check_unchanged(np.array([[3.0, 0.0, 4.0], [1.0, 2.0, 2.0]]), t_x,
                            "t_x after normalize_rows(t_x)"),
    lambda: check_array(t_n, [[0.6, 0.0, 0.8], [1 / 3, 2 / 3, 2 / 3]], "normalize_rows(t_x)",
                        hints=[([[0.9486832981, 0.0, 0.8944271910],
                                 [0.3162277660, 1.0, 0.4472135955]],
                                "each column divided by its norm: axis=1 for the rows?"),
                               ([[0.5144957554, 0.0, 0.6859943406],
                                 [0.1714985851, 0.3429971703, 0.3429971703]],
                                "divided by the norm of the whole matrix: axis=1 for the rows?"),
                               ([[0.12, 0.0, 0.16], [1 / 9, 2 / 9, 2 / 9]],
                                "divided by the squared norm: the square root is missing?")]),
)
### BEGIN HIDDEN TESTS
def _normalize_oracle(m):
    out = []
    for r in m.tolist():
        norm = math.sqrt(sum(u * u for u in r))
        out.append([u / norm for u in r])
    return np.array(out)


_rng = np.random.default_rng(14)
for _shape, _label in (((5, 3), "a 5x3 matrix"), ((3, 3), "a square matrix"),
                       ((1, 4), "a single row"), ((4, 1), "a single column")):
    _m = _rng.normal(size=_shape)
    _expected = _normalize_oracle(_m)
    _hints = [(_m / np.sqrt((_m ** 2).sum(axis=0, keepdims=True)),
               "each column divided by its norm: axis=1 for the rows?"),
              (_m / (_m ** 2).sum(axis=1, keepdims=True),
               "divided by the squared norm: the square root is missing?"),
              (_m / np.sqrt((_m ** 2).sum(axis=1)) if _shape[0] == _shape[1] else None,
               "row norms of shape (n,) broadcast along the wrong axis: keepdims=True?")]
    check_array(normalize_rows(_m.copy()), _expected, f"normalize_rows of {_label}",
                hints=_hints)
_m = _rng.normal(size=(4, 3))
_m_before = _m.copy()
normalize_rows(_m)
_ = check_unchanged(_m_before, _m, "x after normalize_rows(x)")
### END HIDDEN TESTS

# %% [markdown]
# ### 1.7 Softmax, safely
#
# Softmax turns a vector of real scores into probabilities: every entry becomes positive and the
# entries add up to 1. In this exercise each **row** of a matrix $x$ of shape $(m, n)$ is one vector
# of $n$ scores, and softmax is applied to every row:
#
# $$\text{softmax}(x)_{ij} = \frac{e^{x_{ij}}}{\sum_{k=1}^{n} e^{x_{ik}}}$$
#
# (From Course 2 on, the scores of one example form a *column* and the sum runs over `axis=0`;
# the idea is the same.)
#
# **Why subtract the maximum.** `float64` cannot represent numbers above about $1.8 \times
# 10^{308}$, so $e^{x}$ overflows to `inf` as soon as $x > 709.8$, and `inf / inf` is `nan`.
# Subtracting the same constant $c$ from every entry of a row does not change the result, because
# the factor $e^{-c}$ cancels:
#
# $$\frac{e^{x_{ij} - c}}{\sum_k e^{x_{ik} - c}}
# = \frac{e^{-c}\, e^{x_{ij}}}{e^{-c} \sum_k e^{x_{ik}}}
# = \frac{e^{x_{ij}}}{\sum_k e^{x_{ik}}}$$
#
# With $c = \max_k x_{ik}$, the row maximum, every exponent is $\le 0$, so nothing overflows, and
# the largest term is $e^0 = 1$, so the denominator is at least 1 and never 0.

# %% tags=["demo"]
big = np.array([1000.0, 1001.0, 1002.0])
small = big - 1000  # the same scores shifted by a constant
with np.errstate(over="ignore", invalid="ignore"):  # silence the overflow warnings
    print("np.exp(big)                 =", np.exp(big))
    print("naive formula on big        =", np.exp(big) / np.sum(np.exp(big)))
print("naive formula on big - 1000 =", np.exp(small) / np.sum(np.exp(small)))

# %% [markdown]
# **Exercise.** Implement `softmax` for a matrix of shape `(m, n)`, row by row, subtracting each
# row's maximum first. The grader also tries rows with entries around $\pm 1000$: the result must
# never contain `nan`.
#
# Each row needs its own maximum and its own sum, in the shape that broadcasts against `x`, as
# the norms of `normalize_rows` did. Use the maximum of each row, not of the whole matrix: rows
# of very different size would otherwise still underflow to $0 / 0$. Do not modify `x` in
# place.

# %% nbgrader={"grade_id": "softmax", "solution": true}
# GRADED FUNCTION: softmax
def softmax(x):
    """Compute the softmax of each row of x.

    Arguments:
    x -- a numpy array of shape (m, n); each row is one vector of n scores

    Returns:
    s -- a numpy array of shape (m, n); each row is positive and sums to 1
    """
    ### BEGIN SOLUTION
    x_shifted = x - np.max(x, axis=1, keepdims=True)
    x_exp = np.exp(x_shifted)
    x_sum = np.sum(x_exp, axis=1, keepdims=True)
    s = x_exp / x_sum
    ### END SOLUTION
    return s


# %% nbgrader={"grade_id": "test_softmax", "points": 2}
t_x = np.array([[3.0, 1.0, 0.0, 2.0],
                [0.0, 0.0, 0.0, 0.0]])
t_s = softmax(t_x)
# Rows with entries near +1000 and -1000: both give the softmax of (0, 1, 2), which is
# e^(0, 1, 2) / (1 + e + e^2) = (0.0900305732, 0.2447284711, 0.6652409558).
t_big = np.array([[1000.0, 1001.0, 1002.0], [-1000.0, -999.0, -998.0]])
with np.errstate(all="ignore"):
    t_s_big = softmax(t_big)
run_checks(
    "softmax",
    lambda: check_unchanged(np.array([[3.0, 1.0, 0.0, 2.0], [0.0, 0.0, 0.0, 0.0]]), t_x,
                            "t_x after softmax(t_x)"),
    lambda: check_shape(t_s, (2, 4), "softmax(t_x)"),
    lambda: check_array(np.sum(t_s, axis=1), [1.0, 1.0], "the row sums of softmax(t_x)",
                        hints=[([3.0644297834, 0.9355702166], "the columns sum to 1: the sums "
                                                              "(and maxima) need axis=1?"),
                               ([0.2796688801, 0.7203311199], "the whole matrix sums to 1: "
                                                              "the sum needs axis=1?")]),
    lambda: check_array(
        t_s,
        [[0.6439142599, 0.0871443187, 0.0320586033, 0.2368828181], [0.25, 0.25, 0.25, 0.25]],
        "softmax(t_x)",
        hints=[([[0.9525741268, 0.7310585786, 0.5, 0.8807970780],
                 [0.0474258732, 0.2689414214, 0.5, 0.1192029220]],
                "each column sums to 1: the sums (and maxima) need axis=1, the rows?"),
               ([[0.5707273705, 0.0772395503, 0.0284148426, 0.2099588661], [0.0284148426] * 4],
                "the whole matrix sums to 1: the sum needs axis=1 (and keepdims=True)?")],
    ),
    lambda: check_array(t_s_big, [[0.0900305732, 0.2447284711, 0.6652409558]] * 2,
                        "softmax(t_big) (rows near +1000 and -1000)"),
)
### BEGIN HIDDEN TESTS
def _softmax_oracle(m):
    out = []
    for r in m.tolist():
        total = sum(math.exp(u) for u in r)
        out.append([math.exp(u) / total for u in r])
    return np.array(out)


_rng = np.random.default_rng(15)
for _shape, _label in (((3, 5), "a 3x5 matrix"), ((3, 3), "a square matrix"),
                       ((1, 4), "a single row"), ((4, 1), "a single column")):
    _m = _rng.normal(scale=2, size=_shape)
    _expected = _softmax_oracle(_m)
    _e = np.exp(_m)
    check_array(softmax(_m.copy()), _expected, f"softmax of {_label}",
                hints=[(_e / _e.sum(axis=0, keepdims=True),
                        "each column sums to 1: the sums (and maxima) need axis=1, the rows?"),
                       (_e / _e.sum(), "the whole matrix sums to 1: the sum needs axis=1 "
                                       "(and keepdims=True)?")])
# Large entries: softmax is unchanged by subtracting a constant from a row, so every row below
# must give the softmax of (0, 1, 2), computed on small numbers.
_big = np.array([[1000.0, 1001.0, 1002.0], [-1000.0, -999.0, -998.0], [0.0, 1.0, 2.0]])
_expected = np.repeat(_softmax_oracle(np.array([[0.0, 1.0, 2.0]])), 3, axis=0)
with np.errstate(all="ignore"):
    _got = softmax(_big.copy())
check_array(_got, _expected, "softmax of rows with entries near +1000 and -1000")
_m = _rng.normal(size=(2, 3))
_m_before = _m.copy()
softmax(_m)
_ = check_unchanged(_m_before, _m, "x after softmax(x)")
### END HIDDEN TESTS

# %% [markdown]
# ## 2. Vectorization
#
# A Python loop pays the interpreter's overhead for every single element. A NumPy call pays it
# once and runs a compiled loop over the whole array. Writing the computation on whole vectors
# and matrices is called *vectorization*; it is what makes training on thousands of examples
# practical in plain NumPy. The cells below compute three products twice — with explicit loops
# over Python lists, and with one NumPy call — and time both.

# %% tags=["demo"]
def best_time(f, repeat=1):
    """Run f() `repeat` times; return the shortest wall-clock time (seconds) and f's result."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = f()
        times.append(time.perf_counter() - start)
    return min(times), result


rng = np.random.default_rng(0)
n = 1_000_000
u, v = rng.random(n), rng.random(n)  # two vectors of 10^6 numbers
p, q = rng.random(1000), rng.random(1000)  # their outer product has 10^6 entries
u_list, v_list, p_list, q_list = u.tolist(), v.tolist(), p.tolist(), q.tolist()

# %% tags=["demo"]
def dot_loop(x1, x2):
    total = 0.0
    for i in range(len(x1)):
        total += x1[i] * x2[i]
    return total


def outer_loop(x1, x2):
    out = np.zeros((len(x1), len(x2)))
    for i in range(len(x1)):
        for j in range(len(x2)):
            out[i, j] = x1[i] * x2[j]
    return out


def multiply_loop(x1, x2):
    out = [0.0] * len(x1)
    for i in range(len(x1)):
        out[i] = x1[i] * x2[i]
    return out


# %% tags=["demo"]
operations = {
    "dot product": (lambda: dot_loop(u_list, v_list), lambda: np.dot(u, v)),
    "outer product": (lambda: outer_loop(p_list, q_list), lambda: np.outer(p, q)),
    "elementwise product": (lambda: multiply_loop(u_list, v_list), lambda: u * v),
}
timings = {}
for name, (loop_version, numpy_version) in operations.items():
    t_loop, r_loop = best_time(loop_version)
    t_numpy, r_numpy = best_time(numpy_version, repeat=5)
    assert np.allclose(r_loop, r_numpy), f"{name}: the two versions disagree"
    timings[name] = (t_loop, t_numpy)
    print(f"{name:20s} loop {1e3 * t_loop:7.1f} ms   NumPy {1e3 * t_numpy:6.2f} ms   "
          f"speed-up x{t_loop / t_numpy:,.0f}")
for name, (t_loop, t_numpy) in timings.items():
    check_between(t_loop / t_numpy, 10, math.inf, f"the speed-up of NumPy for the {name}",
                  "NumPy is usually a hundred times faster or more")

# %% tags=["demo"]
names = list(timings)
positions = np.arange(len(names))
loop_ms = [1e3 * timings[k][0] for k in names]
numpy_ms = [1e3 * timings[k][1] for k in names]
fig, ax = plt.subplots(figsize=(7, 3.5))
ax.bar(positions - 0.2, loop_ms, width=0.4, label="Python loop")
ax.bar(positions + 0.2, numpy_ms, width=0.4, label="NumPy, vectorized")
for pos, t_l, t_n in zip(positions, loop_ms, numpy_ms):
    ax.annotate(f"x{t_l / t_n:,.0f} faster", (pos, 1.3 * t_l), ha="center", va="bottom")
ax.set_xticks(positions, names)
ax.set_yscale("log")
ax.set_ylim(min(numpy_ms) / 3, max(loop_ms) * 30)  # room for the labels and the legend
ax.set_ylabel("time in ms (log scale)")
ax.set_title("Same results, very different cost")
ax.legend(loc="upper left", ncols=2)
plt.show()

# %% [markdown]
# The assertion in the timing cell checked that both versions return the same numbers. The y axis
# is logarithmic: one grid step is a factor of 10, and the label above each pair is the measured
# speed-up. The exact times depend on your machine; the gap is what matters: NumPy is at least
# ten times faster on each of the three (the cell checks it), usually far more. From now on, when
# you are about to write a loop over the elements of an array, look for the NumPy operation that
# does it in one call.
#
# ### 2.1 The L1 loss
#
# A loss measures how far the predictions $\hat{y}$ are from the true labels $y$ over $m$
# examples. The L1 loss adds up the absolute errors:
#
# $$L_1(\hat{y}, y) = \sum_{i=1}^{m} \bigl|y^{(i)} - \hat{y}^{(i)}\bigr|$$
#
# **Exercise.** Implement `L1` without a loop. `yhat` and `y` are vectors of size $m$; the result is
# one number.
#
# *Hint:* `np.abs` and `np.sum`.

# %% nbgrader={"grade_id": "L1", "solution": true}
# GRADED FUNCTION: L1
def L1(yhat, y):
    """Compute the L1 loss.

    Arguments:
    yhat -- a numpy array of size m (predicted labels)
    y -- a numpy array of size m (true labels)

    Returns:
    loss -- the sum of |y - yhat| over the m examples, a real number
    """
    ### BEGIN SOLUTION
    loss = np.sum(np.abs(y - yhat))
    ### END SOLUTION
    return loss


# %% nbgrader={"grade_id": "test_L1", "points": 1}
t_yhat = np.array([0.8, 0.3, 0.1, 0.6, 0.9])
t_y = np.array([1, 0, 0, 1, 1])
run_checks(
    "L1",
    # |0.2| + |-0.3| + |-0.1| + |0.4| + |0.1|
    lambda: check_scalar(L1(t_yhat, t_y), 1.1, "L1(t_yhat, t_y)", factors={"m": 5},
                         hints=[(0.3, "the sum of y - yhat: np.abs forgotten?"),
                                (0.31, "squared errors: that is L2?")]),
)
### BEGIN HIDDEN TESTS
_rng = np.random.default_rng(16)
for _m_size in (7, 1, 50):
    _yhat = _rng.random(_m_size)
    _y = _rng.integers(0, 2, size=_m_size)
    _expected = sum(abs(float(a_) - float(b_)) for a_, b_ in zip(_y, _yhat))
    check_scalar(L1(_yhat, _y), _expected, f"L1 of two other vectors of size {_m_size}",
                 factors={"m": _m_size},
                 hints=[(float(np.sum(_y - _yhat)), "the sum of y - yhat: np.abs forgotten?"),
                        (float(np.sum((_y - _yhat) ** 2)), "squared errors: that is L2?")])
### END HIDDEN TESTS

# %% [markdown]
# ### 2.2 The L2 loss
#
# The L2 loss adds up the squared errors, so large errors weigh much more than small ones:
#
# $$L_2(\hat{y}, y) = \sum_{i=1}^{m} \bigl(y^{(i)} - \hat{y}^{(i)}\bigr)^2$$
#
# **Exercise.** Implement `L2` without a loop.
#
# *Hint:* write the sum as an operation on the whole vector $d = y - \hat{y}$. Two ways exist
# in NumPy, one with a product of $d$ with itself and one with a reduction; can you find both?
# There is no square root: this is the *squared* norm.

# %% nbgrader={"grade_id": "L2", "solution": true}
# GRADED FUNCTION: L2
def L2(yhat, y):
    """Compute the L2 loss.

    Arguments:
    yhat -- a numpy array of size m (predicted labels)
    y -- a numpy array of size m (true labels)

    Returns:
    loss -- the sum of (y - yhat)**2 over the m examples, a real number
    """
    ### BEGIN SOLUTION
    d = y - yhat
    loss = np.dot(d, d)
    ### END SOLUTION
    return loss


# %% nbgrader={"grade_id": "test_L2", "points": 1}
t_yhat = np.array([0.8, 0.3, 0.1, 0.6, 0.9])
t_y = np.array([1, 0, 0, 1, 1])
run_checks(
    "L2",
    # 0.2**2 + 0.3**2 + 0.1**2 + 0.4**2 + 0.1**2 = 0.04 + 0.09 + 0.01 + 0.16 + 0.01
    lambda: check_scalar(L2(t_yhat, t_y), 0.31, "L2(t_yhat, t_y)", factors={"m": 5},
                         hints=[(1.1, "absolute errors: not squared?"),
                                (0.5567764363, "the square root of the loss: L2 is the squared "
                                               "norm?"),
                                (0.09, "the square of the sum: it is the sum of the squares?")]),
)
### BEGIN HIDDEN TESTS
_rng = np.random.default_rng(17)
for _m_size in (7, 1, 50):
    _yhat = _rng.random(_m_size)
    _y = _rng.integers(0, 2, size=_m_size)
    _expected = sum((float(a_) - float(b_)) ** 2 for a_, b_ in zip(_y, _yhat))
    check_scalar(L2(_yhat, _y), _expected, f"L2 of two other vectors of size {_m_size}",
                 factors={"m": _m_size},
                 hints=[(float(np.sum(np.abs(_y - _yhat))), "absolute errors: not squared?"),
                        (math.sqrt(_expected), "the square root of the loss: L2 is the "
                                               "squared norm?"),
                        (float(np.sum(_y - _yhat)) ** 2, "the square of the sum: it is the "
                                                         "sum of the squares?")])
### END HIDDEN TESTS

# %% [markdown]
# ## What to remember
#
# - `np.exp`, arithmetic and comparisons act elementwise on arrays of any shape; `math` only
#   handles single numbers.
# - $\sigma'(x) = \sigma(x)(1 - \sigma(x))$ reuses the value of the forward pass.
# - `reshape` keeps NumPy's row-major order; read sizes from `.shape` instead of typing them.
# - Broadcasting stretches size-1 dimensions; after a reduction with `axis=...`, use
#   `keepdims=True` so the result broadcasts against the original array.
# - Softmax is unchanged when a constant is subtracted from a row; subtracting the row maximum
#   keeps it from overflowing.
# - Replace Python loops over array elements with NumPy calls; the timing demo shows what that
#   saves on your machine.
# - Functions should return new arrays and leave their inputs unchanged.

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
# # Planar data classification with one hidden layer
#
# Last week's classifier, logistic regression, can only separate two classes with a straight
# line (in two dimensions) or a flat hyperplane (in more). This week you add **one hidden
# layer** of neurons between the input and the output, and you will see the boundary between the
# classes bend around the data.
#
# The data is a two-dimensional "flower": points in the plane, coloured red or blue, whose petals
# alternate colour. No straight line separates the two colours, so logistic regression does
# hardly better than a coin flip, and a network with a handful of hidden units does very well.
#
# **By the end you will have written**
#
# - `layer_sizes`, `initialize_parameters`: the shape of the network and its starting point,
#   after predicting every array's shape yourself (`predicted_shapes`);
# - `forward_propagation` and `compute_cost`: from the inputs to the predictions and the cost;
# - `backward_propagation`: the gradients of the cost, layer by layer, which you derive from the
#   definitions with the chain rule;
# - `update_parameters` (one step of gradient descent), `nn_model` (the training loop) and
#   `predict`;
#
# and you will have trained the network on the flower, drawn its decision boundary, and seen
# what changes with the learning rate and with the number of hidden units.
#
# **How this notebook works**
#
# - Write your code between `# YOUR CODE HERE` and the `return` line of each exercise, and delete
#   the `raise NotImplementedError()` line. Do not rename the functions or change their arguments.
# - Each exercise is followed by a test cell. Run it: a line ending in "all public tests passed"
#   means the visible checks agree with your code. The grader runs more tests (other shapes,
#   other values), so a passing public test is necessary, not sufficient.
# - Use vectorized NumPy: the only loop you write is the loop over gradient-descent iterations.
# - Run the cells in order. If something behaves strangely, use *Kernel → Restart and run all*.
# - Only the exercise cells are graded: the grader runs the released notebook with your
#   exercise cells put in, so cells you add yourself do not run there. Keep every helper
#   function or import that your answer needs inside its exercise cell.

# %% [markdown]
# ## 1 - Packages
#
# - [NumPy](https://numpy.org) for the computations and [Matplotlib](https://matplotlib.org) for
#   the plots;
# - [scikit-learn](https://scikit-learn.org), only for the logistic-regression baseline;
# - `dlcourse`, this course's own package: `dlcourse.planar` generates the data,
#   `dlcourse.plots` draws decision boundaries, `dlcourse.curves` cost curves,
#   `dlcourse.activations` holds a ready-made `sigmoid`, and `dlcourse.testing` the helpers the
#   test cells use.

# %%
import matplotlib.pyplot as plt
import numpy as np
from sklearn.linear_model import LogisticRegression

from dlcourse.activations import sigmoid
from dlcourse.curves import plot_costs
from dlcourse.planar import load_extra_datasets, load_planar_dataset, train_test_split
from dlcourse.plots import plot_decision_boundaries, plot_decision_boundary
from dlcourse.testing import (
    CheckFailed,
    check_array,
    check_between,
    check_close,
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
# ## 2 - The dataset
#
# `load_planar_dataset()` returns the flower in the lectures' layout:
#
# - `X`, of shape $(2, m)$: one column per point, holding its two coordinates $(x_1, x_2)$;
# - `Y`, of shape $(1, m)$: the labels, $0$ for red and $1$ for blue.

# %%
X, Y = load_planar_dataset()

shape_X = X.shape
shape_Y = Y.shape
m = X.shape[1]  # the number of examples: one per column
print("The shape of X is:", shape_X)
print("The shape of Y is:", shape_Y)
print(f"There are m = {m} training examples, {int(Y.sum())} of them blue (y = 1).")
assert shape_X == (2, m) and shape_Y == (1, m)

# %% [markdown]
# A picture says more than the arrays: each point is drawn at its coordinates $(x_1, x_2)$ in its
# class's colour.

# %% tags=["demo"]
fig, ax = plt.subplots(figsize=(5, 5))
ax.scatter(X[0, :], X[1, :], c=np.where(Y[0, :] == 1, "#2b8cbe", "#d7301f"), s=20,
           edgecolors="k", linewidths=0.3)
ax.set_xlabel("$x_1$")
ax.set_ylabel("$x_2$")
ax.set_title("The flower: red is y = 0, blue is y = 1")
ax.set_aspect("equal")
plt.show()

# %% [markdown]
# ## 3 - A baseline: logistic regression
#
# Before building a network, let us see how far the model of week 2 gets. scikit-learn's
# `LogisticRegression` trains it in one line. scikit-learn uses the opposite layout from the
# lectures, one **row** per example, so it gets the transposes `X.T` of shape $(m, 2)$ and a flat
# vector of labels `Y.ravel()` of shape $(m,)$.

# %% tags=["demo"]
clf = LogisticRegression()
clf.fit(X.T, Y.ravel())

# %% [markdown]
# The **decision boundary** is the line where the classifier switches from one answer to the
# other. `plot_decision_boundary(predict, X, Y)` colours every point of the plane by the label that
# `predict` gives it, then draws the data on top. Its first argument is a function that takes
# points in the lectures' layout, an array of shape $(2, k)$, and returns their $k$ labels.

# %% tags=["demo"]
baseline_predictions = clf.predict(X.T).reshape(1, m)
baseline_accuracy = np.mean(baseline_predictions == Y)

plot_decision_boundary(lambda points: clf.predict(points.T), X, Y,
                       title=f"Logistic regression: accuracy {100 * baseline_accuracy:.1f} %")
plt.show()
print(f"Accuracy of logistic regression: {100 * baseline_accuracy:.1f} % "
      "(percentage of correctly labelled points)")
assert 0.40 <= baseline_accuracy <= 0.60, baseline_accuracy

# %% [markdown]
# The accuracy is close to 50 %, what guessing at random would give: whichever straight line
# you draw, each side of it holds petals of both colours. To follow the petals the boundary has
# to bend, and that is what a hidden layer provides.

# %% [markdown]
# ## 4 - A neural network with one hidden layer
#
# Here is the model you will build. The input layer has $n_x = 2$ units (the two coordinates), the
# hidden layer $n_h$ units with a $\tanh$ activation, and the output layer $n_y = 1$ unit with a
# sigmoid. The superscript $[l]$ names the layer; $(i)$ names the example. For one example
# $x^{(i)}$ (a column of $X$):
#
# $$z^{[1](i)} = W^{[1]} x^{(i)} + b^{[1]}, \qquad a^{[1](i)} = \tanh(z^{[1](i)}),$$
#
# $$z^{[2](i)} = W^{[2]} a^{[1](i)} + b^{[2]}, \qquad
# \hat{y}^{(i)} = a^{[2](i)} = \sigma(z^{[2](i)}),$$
#
# $$y^{(i)}_{\text{prediction}} = \begin{cases} 1 & \text{if } a^{[2](i)} > 0.5 \\
# 0 & \text{otherwise.} \end{cases}$$
#
# Each hidden unit is a small logistic-regression-like unit: it draws its own line through the
# plane and says how far, and on which side, a point lies. The output unit then combines these
# few answers, and a combination of several lines can follow the petals.
#
# With all $m$ examples side by side as the columns of $X$, the same computation is four matrix
# operations, which is what your code will do:
#
# $$Z^{[1]} = W^{[1]} X + b^{[1]}, \quad A^{[1]} = \tanh(Z^{[1]}), \quad
# Z^{[2]} = W^{[2]} A^{[1]} + b^{[2]}, \quad A^{[2]} = \sigma(Z^{[2]}).$$
#
# Each row of $W^{[1]}$ holds the weights of one hidden unit, and each column of $Z^{[1]}$
# belongs to one example, like the columns of $X$. You will work out the shapes of all these
# arrays yourself in Exercise 2. The cost is the cross-entropy of week 2, averaged over the
# examples:
#
# $$J = -\frac{1}{m} \sum_{i=1}^{m} \left( y^{(i)} \log a^{[2](i)}
# + (1 - y^{(i)}) \log\left(1 - a^{[2](i)}\right) \right).$$
#
# **Why tanh in the hidden layer and sigmoid at the output?** Both squash a number into a
# bounded interval; the plot below compares them.
#
# - The output must be a probability, a number in $(0, 1)$: that is exactly the range of
#   $\sigma$.
# - In the hidden layer, $\tanh$ usually trains faster. Its outputs lie in $(-1, 1)$ and are
#   centred on 0, so the next layer receives inputs of both signs with a mean near zero, which
#   makes its gradient steps better balanced. Its slope at 0 is 1, four times that of $\sigma$.
# - Both derivatives are cheap, because they are written with the activation itself:
#   $\tanh'(z) = 1 - \tanh^2(z)$ and $\sigma'(z) = \sigma(z)\,(1 - \sigma(z))$.
#   Both slopes go to 0 for large $|z|$: a **saturated** unit learns slowly.

# %% tags=["demo"]
z = np.linspace(-5, 5, 201)
s, _ = sigmoid(z)
fig, axes = plt.subplots(1, 2, figsize=(10, 3.5))
axes[0].plot(z, np.tanh(z), label=r"$\tanh(z)$")
axes[0].plot(z, s, label=r"$\sigma(z)$")
axes[0].set_title("Activations")
axes[1].plot(z, 1 - np.tanh(z) ** 2, label=r"$\tanh'(z) = 1 - \tanh^2(z)$")
axes[1].plot(z, s * (1 - s), label=r"$\sigma'(z) = \sigma(z)(1 - \sigma(z))$")
axes[1].set_title("Their slopes")
for ax in axes:
    ax.axhline(0, color="grey", linewidth=0.5)
    ax.axvline(0, color="grey", linewidth=0.5)
    ax.set_xlabel("z")
    ax.legend(loc="upper left", fontsize=9)
plt.show()

# %% [markdown]
# **The ready-made `sigmoid`.** You wrote $\sigma$ last week; here it comes from
# `dlcourse.activations`. It returns **two** things: the activation, and a "cache" (its input
# $Z$, which week 4 keeps for the backward pass). Here you only need the first, so unpack it:
# `A, _ = sigmoid(Z)`. `np.tanh` is NumPy's own and returns one array.

# %% tags=["demo"]
A, cache_Z = sigmoid(np.array([[-2.0, 0.0, 2.0]]))
print("sigmoid returns A =", A, "and its input as the cache:", cache_Z)

# %% [markdown]
# **The plan.** Building a network always follows the same steps:
#
# 1. define its structure (how many units in each layer);
# 2. initialize its parameters;
# 3. loop: forward propagation, cost, backward propagation (gradients), update the parameters.
#
# You will write one function for each step, then put them together in `nn_model`.
#
# ### Exercise 1 - `layer_sizes`
#
# Return the three layer sizes:
#
# - `n_x`, the size of the input layer: the number of rows of `X`;
# - `n_h`, the size of the hidden layer: set it to **4** for now;
# - `n_y`, the size of the output layer: the number of rows of `Y`.
#
# Read them off the arrays you are given (`X.shape[0]`), not off the flower.

# %% nbgrader={"grade_id": "layer_sizes", "solution": true}
# GRADED FUNCTION: layer_sizes
def layer_sizes(X, Y):
    """The sizes of the three layers of the network.

    Arguments:
    X -- input data, numpy array of shape (n_x, m)
    Y -- labels, numpy array of shape (n_y, m)

    Returns:
    n_x -- the size of the input layer (an int)
    n_h -- the size of the hidden layer, 4 (an int)
    n_y -- the size of the output layer (an int)
    """
    ### BEGIN SOLUTION
    n_x = X.shape[0]
    n_h = 4
    n_y = Y.shape[0]
    ### END SOLUTION
    return (n_x, n_h, n_y)


# %% nbgrader={"grade_id": "test_layer_sizes", "points": 1}
# A made-up data set: 5 features, 3 outputs per example, 7 examples.
X_t = np.zeros((5, 7))
Y_t = np.zeros((3, 7))
run_checks(
    "layer_sizes",
    lambda: check_equal(np.array(layer_sizes(X_t, Y_t)), np.array([5, 4, 3]),
                        "layer_sizes(X, Y) for X of shape (5, 7) and Y of shape (3, 7)",
                        hints=[([7, 4, 3], "n_x from the number of columns: one column per "
                                           "example, one row per feature?"),
                               ([5, 4, 7], "n_y from the number of columns of Y: one column "
                                           "per example?"),
                               ([5, 4, 1], "n_y typed in: read it from Y?"),
                               ([5, 4, 5], "n_y read from X: read it from Y?"),
                               ([5, 5, 3], "n_h = n_x: the hidden layer has 4 units?")]),
    lambda: check_equal(tuple(layer_sizes(X, Y)), (2, 4, 1), "layer_sizes for the flower"),
)
### BEGIN HIDDEN TESTS
def _hidden_layer_sizes():
    for _n_x, _n_y, _m in ((3, 2, 9), (12, 1, 2), (1, 4, 30), (6, 6, 6)):
        _what = f"layer_sizes(X, Y) for X of shape {(_n_x, _m)} and Y of shape {(_n_y, _m)}"
        _got = layer_sizes(np.ones((_n_x, _m)), np.ones((_n_y, _m)))
        check_type(_got, (tuple, list), _what)
        check_equal(len(_got), 3, f"the number of values returned by {_what}")
        for _value, _name in zip(_got, ("n_x", "n_h", "n_y")):
            check_type(_value, (int, np.integer), f"{_name} returned by {_what}")
        check_equal(tuple(int(_v) for _v in _got), (_n_x, 4, _n_y), _what)


_hidden_layer_sizes()
### END HIDDEN TESTS

# %% tags=["demo"]
n_x, n_h, n_y = layer_sizes(X, Y)
print(f"For the flower: n_x = {n_x}, n_h = {n_h}, n_y = {n_y}")

# %% [markdown]
# ### Exercise 2 - predict the shapes
#
# Before writing any code for the network, work out the shape of each array it will hold for the
# flower, with $n_x = 2$, $n_h = 4$, $n_y = 1$ and $m = 400$. All you need are the four
# equations above and two rules:
#
# - a matrix product $PQ$ needs as many columns in $P$ as rows in $Q$; a $(p, q)$ matrix times a
#   $(q, r)$ matrix is $(p, r)$;
# - the bias $b^{[1]}$ holds one number per hidden unit, the same for every example, and is
#   added to each column of $W^{[1]} X$ by broadcasting (the same holds for $b^{[2]}$).
#
# Start from what you know, $X$ of shape $(n_x, m)$, and from the shape $Z^{[1]}$ must have (one
# row per hidden unit, one column per example); the shape of $W^{[1]}$ follows. Then do the
# same for layer 2.
#
# Set `predicted_shapes` to a dictionary with the keys `"W1"`, `"b1"`, `"Z1"`, `"W2"`, `"b2"`,
# `"A2"`, each mapped to a shape written as a tuple of ints, for example
# `predicted_shapes = {"W1": (7, 5), ...}` (these numbers are not the answer). The cell after
# Exercise 4 builds the network and shows its real shapes next to your predictions.

# %% nbgrader={"grade_id": "predicted_shapes", "solution": true}
### BEGIN SOLUTION
predicted_shapes = {
    "W1": (4, 2),
    "b1": (4, 1),
    "Z1": (4, 400),
    "W2": (1, 4),
    "b2": (1, 1),
    "A2": (1, 400),
}
### END SOLUTION

# %% nbgrader={"grade_id": "test_predicted_shapes", "points": 2}
# The public check reads only the form of your predictions (six shapes, each a tuple of ints):
# their values are graded by the hidden tests, and the cell after Exercise 4 shows you the real
# shapes next to yours.
def as_shape(value, key):
    """A predicted shape as a tuple of ints; a clear message for anything else."""
    if isinstance(value, (int, np.integer)):
        raise CheckFailed(f"predicted_shapes['{key}'] is the number {value}, not a shape: write "
                          "a tuple such as (3, 5)")
    check_type(value, (tuple, list), f"predicted_shapes['{key}']")
    for size in value:
        check_type(size, (int, np.integer), f"a size in predicted_shapes['{key}']")
    return tuple(int(size) for size in value)


run_checks("predicted_shapes",
           lambda: check_keys(predicted_shapes, dict.fromkeys(("W1", "b1", "Z1", "W2", "b2",
                                                               "A2")), "predicted_shapes"),
           lambda: [as_shape(predicted_shapes[k], k) for k in ("W1", "b1", "Z1", "W2", "b2",
                                                                 "A2")])
### BEGIN HIDDEN TESTS
def _hidden_predicted_shapes():
    # An independent oracle: a forward pass of a network of the flower's sizes, and its shapes.
    _n_h = 4
    _W1 = np.ones((_n_h, X.shape[0]))
    _b1 = np.ones((_n_h, 1))
    _W2 = np.ones((Y.shape[0], _n_h))
    _b2 = np.ones((Y.shape[0], 1))
    _Z1 = _W1 @ X + _b1
    _A2 = 1 / (1 + np.exp(-(_W2 @ np.tanh(_Z1) + _b2)))
    _want = {"W1": _W1.shape, "b1": _b1.shape, "Z1": _Z1.shape, "W2": _W2.shape,
             "b2": _b2.shape, "A2": _A2.shape}
    # Known slips, and the rule each one misreads.
    _slips = {
        "W1": {(2, 4): "W1 X needs as many columns in W1 as X has rows (n_x)?"},
        "b1": {(4,): "a column, (n_h, 1), to be added to each column of W1 X?",
               (1, 4): "a column, one row per hidden unit, to be added to each column of W1 X?",
               (4, 400): "one bias per hidden unit, shared by every example?"},
        "Z1": {(4, 1): "Z1 holds every example, one column each: m = 400 columns?",
               (400, 4): "one row per hidden unit and one column per example, like X?",
               (4, 2): "Z1 = W1 X + b1 takes its columns from X?"},
        "W2": {(4, 1): "W2 A1 needs as many columns in W2 as A1 has rows (n_h)?"},
        "b2": {(1,): "a column, (n_y, 1), like b1?",
               (1, 400): "one bias per output unit, shared by every example?"},
        "A2": {(400, 1): "one row per output unit and one column per example?",
               (1, 1): "one output per example: m = 400 columns?"},
    }
    check_keys(predicted_shapes, _want, "predicted_shapes")
    for _key, _shape in _want.items():
        _got = as_shape(predicted_shapes[_key], _key)
        _why = _slips[_key].get(_got)
        if _got == _shape[::-1] and not _why:
            _why = "rows and columns swapped?"
        try:
            check_equal(_got, _shape, f"predicted_shapes['{_key}']")
        except CheckFailed as _err:
            raise CheckFailed(f"{_err}\n  likely cause: {_why}" if _why else str(_err)) from None


_hidden_predicted_shapes()
### END HIDDEN TESTS

# %% [markdown]
# ### Exercise 3 - `initialize_parameters`
#
# The weights start as **small random numbers** and the biases as **zeros**:
#
# - Random, not zero: if all the weights were equal, every hidden unit would compute the same
#   thing and receive the same gradient, so they would stay identical forever (you will see this
#   in a moment). Random weights break the symmetry. The biases can start at zero because the
#   weights already differ.
# - Small: a large $|z|$ lands in the flat part of $\tanh$ and $\sigma$, where the slopes are
#   nearly 0 and learning crawls.
#
# For everyone to get the same numbers, draw the weights with exactly these three lines, in this
# order (the seed first, then `W1`, then `W2`):
#
# ```python
# np.random.seed(2)
# W1 = np.random.randn(n_h, n_x) * 0.01
# W2 = np.random.randn(n_y, n_h) * 0.01
# ```
#
# Create `b1` and `b2` with `np.zeros`, of shapes `(n_h, 1)` and `(n_y, 1)` (give the shape as one
# tuple: `np.zeros((n_h, 1))`).

# %% nbgrader={"grade_id": "initialize_parameters", "solution": true}
# GRADED FUNCTION: initialize_parameters
def initialize_parameters(n_x, n_h, n_y):
    """Small random weights and zero biases for a network with one hidden layer.

    Arguments:
    n_x -- size of the input layer
    n_h -- size of the hidden layer
    n_y -- size of the output layer

    Returns:
    parameters -- dictionary with
                  "W1": weight matrix of shape (n_h, n_x)
                  "b1": bias vector of shape (n_h, 1)
                  "W2": weight matrix of shape (n_y, n_h)
                  "b2": bias vector of shape (n_y, 1)
    """
    ### BEGIN SOLUTION
    np.random.seed(2)
    W1 = np.random.randn(n_h, n_x) * 0.01
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_y, n_h) * 0.01
    b2 = np.zeros((n_y, 1))
    ### END SOLUTION

    parameters = {"W1": W1,
                  "b1": b1,
                  "W2": W2,
                  "b2": b2}
    return parameters


# %% nbgrader={"grade_id": "test_initialize_parameters", "points": 1}
parameters_t = initialize_parameters(2, 4, 1)
np.random.rand(5)  # other random draws in between: the function seeds the generator itself
parameters_t2 = initialize_parameters(2, 4, 1)
run_checks(
    "initialize_parameters",
    lambda: check_keys(parameters_t, {"W1", "b1", "W2", "b2"}, "parameters"),
    lambda: check_array(parameters_t2["W1"], parameters_t["W1"],
                        "W1 of a second call of initialize_parameters(2, 4, 1)",
                        hints=[(parameters_t2["W1"], "two calls give different numbers: "
                                                     "np.random.seed(2) forgotten?")]),
    lambda: check_array(parameters_t["W1"], [[-0.0041675785, -0.0005626683],
                                             [-0.0213619610, 0.0164027081],
                                             [-0.0179343559, -0.0084174737],
                                             [0.0050288142, -0.0124528809]],
                        "W1 from initialize_parameters(2, 4, 1)", rtol=1e-7,
                        hints=[([[-0.0179343559, -0.0084174737], [0.0050288142, -0.0124528809],
                                 [-0.0105795222, -0.0090900761], [0.0055145404, 0.0229220801]],
                                "the numbers drawn after W2's: draw W1 first, then W2?")]),
    lambda: check_array(parameters_t["b1"], np.zeros((4, 1)),
                        "b1 from initialize_parameters(2, 4, 1)",
                        hints=[([[-0.0105795222], [-0.0090900761], [0.0055145404],
                                 [0.0229220801]], "random biases: they start at zero?")]),
    lambda: check_array(parameters_t["W2"], [[-0.0105795222, -0.0090900761, 0.0055145404,
                                              0.0229220801]],
                        "W2 from initialize_parameters(2, 4, 1)", rtol=1e-7),
    lambda: check_array(parameters_t["b2"], np.zeros((1, 1)),
                        "b2 from initialize_parameters(2, 4, 1)"),
)
### BEGIN HIDDEN TESTS
def _hidden_initialize_parameters():
    _state = np.random.get_state()
    for _n_x, _n_h, _n_y in ((3, 5, 2), (2, 1, 1), (7, 3, 1), (1, 6, 4)):
        _what = f"initialize_parameters({_n_x}, {_n_h}, {_n_y})"
        np.random.seed(2)
        _W1 = np.random.randn(_n_h, _n_x) * 0.01
        _W2 = np.random.randn(_n_y, _n_h) * 0.01
        np.random.seed(12345)  # the function must seed the generator itself
        _p = initialize_parameters(_n_x, _n_h, _n_y)
        check_keys(_p, {"W1", "b1", "W2", "b2"}, f"the dictionary returned by {_what}")
        check_shape(_p["W1"], (_n_h, _n_x), f"W1 from {_what}")
        check_shape(_p["W2"], (_n_y, _n_h), f"W2 from {_what}")
        check_array(_p["b1"], np.zeros((_n_h, 1)), f"b1 from {_what}", atol=0)
        check_array(_p["b2"], np.zeros((_n_y, 1)), f"b2 from {_what}", atol=0)
        for _name in ("W1", "W2"):
            _largest = float(np.max(np.abs(_p[_name])))
            if _largest > 0.05:
                check_scalar(_largest, 0.01, f"the largest |entry| of {_name} from {_what} "
                             "(the weights must be small: randn(...) * 0.01)", rtol=4.0)
        check_array(_p["W1"], _W1, f"W1 from {_what}", rtol=1e-10, atol=1e-15)
        check_array(_p["W2"], _W2, f"W2 from {_what}", rtol=1e-10, atol=1e-15)
    np.random.set_state(_state)


_hidden_initialize_parameters()
### END HIDDEN TESTS

# %% tags=["demo"]
parameters = initialize_parameters(n_x, n_h, n_y)
for key, value in parameters.items():
    print(f"{key} = {value.tolist()}")

# %% [markdown]
# ### Exercise 4 - `forward_propagation`
#
# Compute, for all examples at once,
#
# $$Z^{[1]} = W^{[1]} X + b^{[1]}, \quad A^{[1]} = \tanh(Z^{[1]}), \quad
# Z^{[2]} = W^{[2]} A^{[1]} + b^{[2]}, \quad A^{[2]} = \sigma(Z^{[2]}).$$
#
# 1. Take `W1`, `b1`, `W2`, `b2` out of the dictionary `parameters` (`parameters["W1"]` and so
#    on).
# 2. Compute `Z1`, `A1`, `Z2`, `A2`. Use `np.dot` (or `@`) for the matrix products, `np.tanh`
#    for $\tanh$, and for $\sigma$ either the `sigmoid` above (keep the first of its two results)
#    or the formula `1 / (1 + np.exp(-Z2))`.
# 3. Return `A2` and the dictionary `cache` with exactly the keys `"Z1"`, `"A1"`, `"Z2"`,
#    `"A2"`: backward propagation will need them.

# %% nbgrader={"grade_id": "forward_propagation", "solution": true}
# GRADED FUNCTION: forward_propagation
def forward_propagation(X, parameters):
    """Forward propagation: LINEAR -> TANH -> LINEAR -> SIGMOID.

    Arguments:
    X -- input data, numpy array of shape (n_x, m)
    parameters -- dictionary with "W1" (n_h, n_x), "b1" (n_h, 1), "W2" (n_y, n_h), "b2" (n_y, 1)

    Returns:
    A2 -- the output of the sigmoid, numpy array of shape (n_y, m)
    cache -- dictionary with "Z1", "A1" (both (n_h, m)), "Z2" and "A2" (both (n_y, m))
    """
    ### BEGIN SOLUTION
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]

    Z1 = np.dot(W1, X) + b1
    A1 = np.tanh(Z1)
    Z2 = np.dot(W2, A1) + b2
    A2, _ = sigmoid(Z2)
    ### END SOLUTION

    cache = {"Z1": Z1,
             "A1": A1,
             "Z2": Z2,
             "A2": A2}
    return A2, cache


# %% nbgrader={"grade_id": "test_forward_propagation", "points": 2}
# n_x = 2 inputs, n_h = 3 hidden units, m = 2 examples. Expected values computed separately.
parameters_t = {"W1": np.array([[0.5, -1.0], [1.5, 0.25], [-0.75, 0.5]]),
                "b1": np.array([[0.1], [-0.2], [0.0]]),
                "W2": np.array([[1.0, -2.0, 0.5]]),
                "b2": np.array([[0.3]])}
X_t = np.array([[1.0, -0.5],
                [0.5, 2.0]])
A2_t, cache_t = forward_propagation(X_t, parameters_t)
run_checks(
    "forward_propagation",
    lambda: check_array(A2_t, [[0.1662188984, 0.6480514739]], "A2", rtol=1e-8,
                        hints=[([[0.3546886382, 0.5061754559]], "the sigmoid in the hidden "
                                                                "layer: it is tanh?"),
                               ([[0.0794385492, 0.7285938428]], "relu in the hidden layer: it "
                                                                "is tanh?"),
                               ([[-0.9235529298, 0.5444685506]], "tanh at the output: it is the "
                                                                 "sigmoid?"),
                               ([[0.0629733561, 0.4347492524]], "layer 2 fed with Z1: its input "
                                                                "is A1?"),
                               ([[0.1286817139, 0.5770036875]], "Z2 without b2: forgot the "
                                                                "output bias?")]),
    lambda: check_keys(cache_t, {"Z1", "A1", "Z2", "A2"}, "cache"),
    lambda: check_array(cache_t["Z1"], [[0.1, -2.15], [1.425, -0.45], [-0.5, 1.375]],
                        "cache['Z1']", rtol=1e-8),
    lambda: check_array(cache_t["A1"], [[0.0996679946, -0.9732261643],
                                        [0.8906373656, -0.4218990053],
                                        [-0.4621171573, 0.8798266997]], "cache['A1']", rtol=1e-8,
                        hints=[([[0.1, -2.15], [1.425, -0.45], [-0.5, 1.375]],
                                "Z1 stored under 'A1'?")]),
    lambda: check_array(cache_t["Z2"], [[-1.6126653151, 0.6104851960]], "cache['Z2']", rtol=1e-8),
    lambda: check_array(cache_t["A2"], [[0.1662188984, 0.6480514739]], "cache['A2']", rtol=1e-8),
)
### BEGIN HIDDEN TESTS
def _hidden_forward_propagation():
    for _seed, (_n_x, _n_h, _n_y, _m) in enumerate(
        ((2, 4, 1, 7), (3, 1, 1, 5), (5, 6, 2, 1), (1, 3, 1, 12))
    ):
        _rng = np.random.default_rng(500 + _seed)
        _p = {"W1": _rng.normal(0, 0.8, (_n_h, _n_x)), "b1": _rng.normal(0, 0.5, (_n_h, 1)),
              "W2": _rng.normal(0, 0.8, (_n_y, _n_h)), "b2": _rng.normal(0, 0.5, (_n_y, 1))}
        _X = _rng.normal(0, 1.5, (_n_x, _m))
        _copies = {_k: _v.copy() for _k, _v in _p.items()}
        _X_copy = _X.copy()
        _Z1 = np.einsum("hx,xm->hm", _p["W1"], _X) + _p["b1"]
        _A1 = np.tanh(_Z1)
        _Z2 = np.einsum("yh,hm->ym", _p["W2"], _A1) + _p["b2"]
        _A2 = 0.5 * (1.0 + np.tanh(0.5 * _Z2))
        _what = (f"for X of shape {(_n_x, _m)}, W1 of shape {(_n_h, _n_x)}, "
                 f"W2 of shape {(_n_y, _n_h)}")
        _out = forward_propagation(_X, _p)
        check_type(_out, tuple, f"the result of forward_propagation {_what} (A2, cache)")
        check_equal(len(_out), 2, f"the number of values returned by forward_propagation {_what}")
        _got_A2, _cache = _out
        check_array(_got_A2, _A2, f"A2 {_what}", rtol=1e-9, atol=1e-12)
        check_keys(_cache, {"Z1", "A1", "Z2", "A2"}, f"cache {_what}")
        for _name, _want in (("Z1", _Z1), ("A1", _A1), ("Z2", _Z2), ("A2", _A2)):
            check_array(_cache[_name], _want, f"cache['{_name}'] {_what}", rtol=1e-9, atol=1e-12)
        for _k in _p:
            check_equal(_p[_k], _copies[_k],
                        f"parameters['{_k}'] after forward_propagation (inputs must not change)")
        check_equal(_X, _X_copy, "X after forward_propagation (inputs must not change)")


_hidden_forward_propagation()
### END HIDDEN TESTS

# %% [markdown]
# **Your predictions of Exercise 2, checked.** The next cell builds the network for the flower
# with your `initialize_parameters`, runs your `forward_propagation` on all 400 points, and
# puts the real shapes next to your predictions.

# %% tags=["demo"]
parameters = initialize_parameters(n_x, n_h, n_y)
A2, cache = forward_propagation(X, parameters)
actual_shapes = {"W1": parameters["W1"].shape, "b1": parameters["b1"].shape,
                 "Z1": cache["Z1"].shape, "W2": parameters["W2"].shape,
                 "b2": parameters["b2"].shape, "A2": A2.shape}
for key, shape in actual_shapes.items():
    predicted = predicted_shapes[key]
    mark = "\N{CHECK MARK}" if tuple(np.ravel(predicted).tolist()) == shape else "x"
    print(f"{mark} {key}: you predicted {predicted!s:10s} the network has {shape}")

# %% [markdown]
# ### Exercise 5 - `compute_cost`
#
# Compute the cross-entropy cost
#
# $$J = -\frac{1}{m} \sum_{i=1}^{m} \left( y^{(i)} \log a^{[2](i)}
# + (1 - y^{(i)}) \log\left(1 - a^{[2](i)}\right) \right)$$
#
# and return it as a single number (a float), not as an array. $m$ is the number of examples, the
# number of **columns** of `Y`.
#
# <details><summary>Hints</summary>
#
# - `Y * np.log(A2)` multiplies element by element, giving one term per example; `np.sum` of an
#   array returns a number.
# - Compute the bracket of the formula for all examples at once, an array of shape `(1, m)`,
#   then sum it, divide by $m$, and do not forget the minus sign.
# - With a matrix product such as `np.dot(Y, np.log(A2).T)` you get a `(1, 1)` array:
#   `float(np.squeeze(cost))` turns it into a number.
# </details>

# %% nbgrader={"grade_id": "compute_cost", "solution": true}
# GRADED FUNCTION: compute_cost
def compute_cost(A2, Y):
    """The cross-entropy cost of the predictions A2.

    Arguments:
    A2 -- the output of the network's sigmoid, numpy array of shape (1, m)
    Y -- true labels (0 or 1), numpy array of shape (1, m)

    Returns:
    cost -- the cross-entropy cost J, a float
    """
    m = Y.shape[1]

    ### BEGIN SOLUTION
    logprobs = Y * np.log(A2) + (1 - Y) * np.log(1 - A2)
    cost = -np.sum(logprobs) / m
    ### END SOLUTION

    cost = float(np.squeeze(cost))
    return cost


# %% nbgrader={"grade_id": "test_compute_cost", "points": 2}
# J = -(log 0.8 + log 0.9 + log 0.6 + log 0.3) / 4
A2_t = np.array([[0.8, 0.1, 0.6, 0.3]])
Y_t = np.array([[1, 0, 1, 1]])
cost_t = compute_cost(A2_t, Y_t)
run_checks(
    "compute_cost",
    lambda: check_shape(cost_t, (), "cost (a single number)"),
    lambda: check_scalar(cost_t, 0.5108256238, "compute_cost(A2, Y)", rtol=1e-8,
                         factors={"m": 4},
                         hints=[(0.4844854949, "only the y log(a) term: the (1 - y) log(1 - a) "
                                               "term is missing?"),
                                (1.0601317681, "log(A2) in the second term: it is "
                                               "(1 - y) log(1 - A2)?")]),
)
### BEGIN HIDDEN TESTS
def _hidden_compute_cost():
    for _seed, _m in enumerate((1, 6, 40, 3)):
        _rng = np.random.default_rng(600 + _seed)
        _A2 = _rng.uniform(0.02, 0.98, (1, _m))
        _Y = _rng.integers(0, 2, (1, _m))
        if _seed % 2:
            _Y = _Y.astype(float)
        _copies = (_A2.copy(), _Y.copy())
        _terms = [-np.log(_a) if _y == 1 else -np.log(1.0 - _a) for _a, _y in zip(_A2[0], _Y[0])]
        _want = float(sum(_terms)) / _m
        _what = f"compute_cost(A2, Y) for m = {_m} examples"
        _got = compute_cost(_A2, _Y)
        check_shape(_got, (), f"{_what} (a single number)")
        check_scalar(_got, _want, _what, rtol=1e-9, atol=1e-12)
        check_equal(_A2, _copies[0], "A2 after compute_cost (inputs must not change)")
        check_equal(_Y, _copies[1], "Y after compute_cost (inputs must not change)")
    # All labels 1, then all 0: each case uses only one of the two terms.
    _A2 = np.array([[0.3, 0.7, 0.9, 0.05, 0.5]])
    check_scalar(compute_cost(_A2, np.ones((1, 5))), float(-np.mean(np.log(_A2))),
                 "compute_cost(A2, Y) when every label is 1", rtol=1e-9)
    check_scalar(compute_cost(_A2, np.zeros((1, 5))), float(-np.mean(np.log(1 - _A2))),
                 "compute_cost(A2, Y) when every label is 0", rtol=1e-9)


_hidden_compute_cost()
### END HIDDEN TESTS

# %% [markdown]
# ### Exercise 6 - `backward_propagation`: derive the gradients
#
# Backward propagation applies the chain rule from the cost back to every parameter, one layer
# at a time. This time you work out the formulas yourself. Notation: $dW^{[1]}$ stands for
# $\frac{\partial J}{\partial W^{[1]}}$ and so on; in code they are `dW1`, `db1`, `dW2`, `db2`,
# and each has the shape of its parameter. For one example, $dz^{[2]}$ stands for
# $\frac{\partial \mathcal{L}}{\partial z^{[2]}}$, the derivative of that example's loss, and
# $dZ^{[2]}$ (code: `dZ2`) for the matrix of these columns, one per example.
#
# **What you know.**
#
# 1. The loss of one example, with $a = a^{[2]} = \sigma(z^{[2]})$:
#    $\mathcal{L}(a, y) = -y \log a - (1 - y) \log(1 - a)$; the cost $J$ is the mean of the $m$
#    losses.
# 2. The slopes of the activations, written with their outputs: $\sigma'(z) = a (1 - a)$ where
#    $a = \sigma(z)$, and $\tanh'(z) = 1 - a^2$ where $a = \tanh(z)$.
# 3. Through an activation applied element by element, $a = g(z)$, the chain rule multiplies
#    element by element: $dz = da * g'(z)$.
# 4. Through a linear step $z = W a_{\text{prev}} + b$ of one example (column vectors): once
#    $dz$ is known, $\frac{\partial \mathcal{L}}{\partial W} = dz\, a_{\text{prev}}^T$,
#    $\frac{\partial \mathcal{L}}{\partial b} = dz$ and
#    $\frac{\partial \mathcal{L}}{\partial a_{\text{prev}}} = W^T dz$. (Last week's
#    $dw = x\, dz$ is this rule for logistic regression.)
# 5. Since $J$ is a mean, each gradient of $J$ is the mean over the examples of the gradients of
#    the losses. With the examples as the columns of a matrix, a sum over examples of
#    $dz^{(i)} a^{(i)T}$ is one matrix product, and a sum of the columns $dz^{(i)}$ is a sum
#    along `axis=1` (with `keepdims=True`, so that `db` keeps the shape of `b`).
#
# **Derive**, on paper first:
#
# 1. $\frac{\partial \mathcal{L}}{\partial a^{[2]}}$ from 1, then $dz^{[2]}$ with 2 and 3.
#    Simplify: the result is short, and you have met it in logistic regression.
# 2. $dW^{[2]}$ and $db^{[2]}$ for one example with 4; the input of layer 2 is $a^{[1]}$.
#    Rule 4 also gives $da^{[1]}$, what layer 2 sends back to the hidden layer.
# 3. $dz^{[1]}$ from $da^{[1]}$ with 2 and 3; the hidden layer is $\tanh$, and the cache holds
#    its output `A1`.
# 4. $dW^{[1]}$ and $db^{[1]}$ with 4; the input of layer 1 is $x$.
# 5. All $m$ examples at once with 5: the capital letters $dZ^{[2]}$, $dZ^{[1]}$, $A^{[1]}$,
#    $X$, and the means.
#
# Then write `backward_propagation`. The tests compare your gradients with numerical derivatives
# of the cost (the change of $J$ when one parameter moves by a tiny amount), so every correct
# way of writing them passes.
#
# <details><summary>Hints</summary>
#
# - Take `W2` out of `parameters`, and `A1`, `A2` out of `cache`. (`W1` and `b1` are not needed:
#   they only entered through `A1`, which the cache already holds.)
# - `*` on NumPy arrays is the element-wise product, `np.dot` (or `@`) the matrix product; the
#   element-wise square of `A1` is `A1 ** 2`.
# - Check each shape against the parameter it belongs to: `dW1` like `W1`, `db1` like `b1`.
# - Your $dz^{[2]}$ has a factor $a(1 - a)$ left over, or a fraction $\frac{y}{a}$? Put the two
#   pieces of step 1 over a common denominator: they cancel.
# </details>

# %% nbgrader={"grade_id": "backward_propagation", "solution": true}
# GRADED FUNCTION: backward_propagation
def backward_propagation(parameters, cache, X, Y):
    """The gradients of the cost with respect to W1, b1, W2, b2.

    Arguments:
    parameters -- dictionary with "W1" (n_h, n_x), "b1" (n_h, 1), "W2" (n_y, n_h), "b2" (n_y, 1)
    cache -- dictionary with "Z1", "A1", "Z2", "A2" from forward_propagation(X, parameters)
    X -- input data, numpy array of shape (n_x, m)
    Y -- true labels (0 or 1), numpy array of shape (n_y, m)

    Returns:
    grads -- dictionary with the gradients "dW1" (n_h, n_x), "db1" (n_h, 1),
             "dW2" (n_y, n_h), "db2" (n_y, 1)
    """
    m = X.shape[1]

    ### BEGIN SOLUTION
    W2 = parameters["W2"]
    A1 = cache["A1"]
    A2 = cache["A2"]

    dZ2 = A2 - Y
    dW2 = np.dot(dZ2, A1.T) / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dZ1 = np.dot(W2.T, dZ2) * (1 - np.power(A1, 2))
    dW1 = np.dot(dZ1, X.T) / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    ### END SOLUTION

    grads = {"dW1": dW1,
             "db1": db1,
             "dW2": dW2,
             "db2": db2}
    return grads


# %% nbgrader={"grade_id": "test_backward_propagation", "points": 4}
# The network and the two examples of the forward_propagation test, with labels Y = [1, 0].
parameters_t = {"W1": np.array([[0.5, -1.0], [1.5, 0.25], [-0.75, 0.5]]),
                "b1": np.array([[0.1], [-0.2], [0.0]]),
                "W2": np.array([[1.0, -2.0, 0.5]]),
                "b2": np.array([[0.3]])}
X_t = np.array([[1.0, -0.5],
                [0.5, 2.0]])
Y_t = np.array([[1, 0]])
cache_t = {"Z1": np.array([[0.1, -2.15], [1.425, -0.45], [-0.5, 1.375]]),
           "A1": np.array([[0.0996679946, -0.9732261643],
                           [0.8906373656, -0.4218990053],
                           [-0.4621171573, 0.8798266997]]),
           "Z2": np.array([[-1.6126653151, 0.6104851960]]),
           "A2": np.array([[0.1662188984, 0.6480514739]])}
grads_t = backward_propagation(parameters_t, cache_t, X_t, Y_t)
run_checks(
    "backward_propagation",
    lambda: check_keys(grads_t, {"dW1", "db1", "dW2", "db2"}, "grads"),
    # Layer 2 first, as backward propagation computes it. A2 - Y = [-0.8338, 0.6481].
    lambda: check_array(grads_t["dW2"], [[-0.3569009703, -0.5080044380, 0.4777387710]],
                        "grads['dW2']", rtol=1e-7, factors={"m": 2},
                        hints=[([[-0.0776838534, -0.0826383366, 0.0917224576]],
                                "dZ2 with a factor A2 (1 - A2) left over: the sigmoid's slope "
                                "cancels against the loss's denominator?"),
                               ([[-1.6824351688, -3.2784858271, 2.6400227068]],
                                "dZ2 = dL/dA2, without the sigmoid's slope: step 1 needs the "
                                "chain rule through sigma?"),
                               ([[0.3569009703, 0.5080044380, -0.4777387710]],
                                "dZ2 = Y - A2: the derivative of -log(a) is -1/a?")]),
    lambda: check_array(grads_t["db2"], [[-0.0928648139]], "grads['db2']", rtol=1e-7,
                        factors={"m": 2}),
    lambda: check_array(grads_t["dW1"], [[-0.4213085561, -0.1721375414],
                                         [0.4387463728, -0.9791998071],
                                         [-0.1822310711, -0.0087666300]], "grads['dW1']",
                        rtol=1e-7, factors={"m": 2},
                        hints=[([[0.2737193805, -1.2632197127], [-0.1131699981, 0.8181354363],
                                 [0.1322751530, 0.1046798346]], "the sigmoid's derivative "
                                "A1 (1 - A1): the hidden layer is tanh, 1 - A1^2?"),
                               ([[-0.6950279367, 1.0910821713], [0.5519163708, -1.7973352434],
                                 [-0.3145062241, -0.1134464646]], "1 - A1: the derivative of "
                                                                 "tanh is 1 - A1^2?"),
                               ([[0.1741699708, -2.5539272868], [-0.6009051226, -1.4632999248],
                                 [-0.0841876011, -0.3667524002]], "1 - Z1^2: the derivative "
                                                                  "of tanh uses A1 = tanh(Z1)?"),
                               ([[-0.5789034193, 0.4396061985], [1.1578068386, -0.8792123970],
                                 [-0.2894517096, 0.2198030992]], "no slope of tanh: the "
                                                                 "chain rule through the "
                                                                 "hidden activation?")]),
    lambda: check_array(grads_t["db1"], [[-0.3956307317], [-0.3603022895], [-0.1273318007]],
                        "grads['db1']", rtol=1e-7, factors={"m": 2}),
)
### BEGIN HIDDEN TESTS
def _hidden_backward_propagation():
    def _forward(_p, _X):
        _Z1 = _p["W1"] @ _X + _p["b1"]
        _A1 = np.tanh(_Z1)
        _Z2 = _p["W2"] @ _A1 + _p["b2"]
        return {"Z1": _Z1, "A1": _A1, "Z2": _Z2, "A2": 1.0 / (1.0 + np.exp(-_Z2))}

    def _cost(_p, _X, _Y):
        _A2 = _forward(_p, _X)["A2"]
        return float(-np.mean(np.sum(_Y * np.log(_A2) + (1 - _Y) * np.log(1 - _A2), axis=0)))

    _names = {"W2": "dW2", "b2": "db2", "W1": "dW1", "b1": "db1"}  # layer 2 first
    for _seed, (_n_x, _n_h, _m) in enumerate(((3, 4, 6), (2, 1, 5), (4, 5, 1), (2, 3, 9))):
        _rng = np.random.default_rng(700 + _seed)
        _p = {"W1": _rng.normal(0, 0.7, (_n_h, _n_x)), "b1": _rng.normal(0, 0.4, (_n_h, 1)),
              "W2": _rng.normal(0, 0.7, (1, _n_h)), "b2": _rng.normal(0, 0.4, (1, 1))}
        _X = _rng.normal(0, 1.2, (_n_x, _m))
        _Y = _rng.integers(0, 2, (1, _m))
        _cache = _forward(_p, _X)
        _copies = ({_k: _v.copy() for _k, _v in _p.items()},
                   {_k: _v.copy() for _k, _v in _cache.items()}, _X.copy(), _Y.copy())
        _what = f"for X of shape {(_n_x, _m)} and n_h = {_n_h}"
        _grads = backward_propagation(_p, _cache, _X, _Y)
        check_keys(_grads, {"dW1", "db1", "dW2", "db2"}, f"grads {_what}")
        # Central differences of the cost, one parameter entry at a time.
        _eps = 1e-6
        for _k, _g in _names.items():
            _num = np.zeros_like(_p[_k])
            for _idx in np.ndindex(_p[_k].shape):
                _plus = {_kk: _vv.copy() for _kk, _vv in _p.items()}
                _minus = {_kk: _vv.copy() for _kk, _vv in _p.items()}
                _plus[_k][_idx] += _eps
                _minus[_k][_idx] -= _eps
                _num[_idx] = (_cost(_plus, _X, _Y) - _cost(_minus, _X, _Y)) / (2 * _eps)
            check_array(_grads[_g], _num,
                        f"grads['{_g}'] {_what}, compared with the numerical derivative "
                        "of the cost", rtol=1e-5, atol=1e-8, factors={"m": _m})
        for _k in _p:
            check_equal(_p[_k], _copies[0][_k], f"parameters['{_k}'] after backward_propagation "
                        "(inputs must not change)")
        for _k in _cache:
            check_equal(_cache[_k], _copies[1][_k],
                        f"cache['{_k}'] after backward_propagation (inputs must not change)")
        check_equal(_X, _copies[2], "X after backward_propagation (inputs must not change)")
        check_equal(_Y, _copies[3], "Y after backward_propagation (inputs must not change)")


_hidden_backward_propagation()
### END HIDDEN TESTS

# %% [markdown]
# ### Exercise 7 - `update_parameters`
#
# One step of gradient descent moves every parameter against its gradient, by a step of size
# $\alpha$ (`learning_rate`):
#
# $$W^{[1]} := W^{[1]} - \alpha\, dW^{[1]}, \quad b^{[1]} := b^{[1]} - \alpha\, db^{[1]}, \quad
# W^{[2]} := W^{[2]} - \alpha\, dW^{[2]}, \quad b^{[2]} := b^{[2]} - \alpha\, db^{[2]}.$$
#
# A good learning rate makes the cost go down steadily; one too large makes it jump around or
# blow up. For this network and data, $\alpha = 1.2$ works well, and it is the default.
#
# Return a **new** dictionary and leave the arrays inside `parameters` unchanged: write
# `W1 = W1 - learning_rate * dW1`, which makes a new array, not `W1 -= learning_rate * dW1`,
# which would overwrite the caller's array in place.

# %% nbgrader={"grade_id": "update_parameters", "solution": true}
# GRADED FUNCTION: update_parameters
def update_parameters(parameters, grads, learning_rate=1.2):
    """One step of gradient descent on W1, b1, W2, b2.

    Arguments:
    parameters -- dictionary with "W1", "b1", "W2", "b2"
    grads -- dictionary with "dW1", "db1", "dW2", "db2", of the same shapes
    learning_rate -- the step size alpha

    Returns:
    parameters -- a new dictionary with the updated "W1", "b1", "W2", "b2"
    """
    ### BEGIN SOLUTION
    W1 = parameters["W1"] - learning_rate * grads["dW1"]
    b1 = parameters["b1"] - learning_rate * grads["db1"]
    W2 = parameters["W2"] - learning_rate * grads["dW2"]
    b2 = parameters["b2"] - learning_rate * grads["db2"]
    ### END SOLUTION

    parameters = {"W1": W1,
                  "b1": b1,
                  "W2": W2,
                  "b2": b2}
    return parameters


# %% nbgrader={"grade_id": "test_update_parameters", "points": 1}
# The parameters and gradients of the backward_propagation test, learning rate 0.5.
parameters_t = {"W1": np.array([[0.5, -1.0], [1.5, 0.25], [-0.75, 0.5]]),
                "b1": np.array([[0.1], [-0.2], [0.0]]),
                "W2": np.array([[1.0, -2.0, 0.5]]),
                "b2": np.array([[0.3]])}
grads_t = {"dW1": np.array([[-0.4213085561, -0.1721375414],
                            [0.4387463728, -0.9791998071],
                            [-0.1822310711, -0.0087666300]]),
           "db1": np.array([[-0.3956307317], [-0.3603022895], [-0.1273318007]]),
           "dW2": np.array([[-0.3569009703, -0.5080044380, 0.4777387710]]),
           "db2": np.array([[-0.0928648139]])}
new_parameters_t = update_parameters(parameters_t, grads_t, learning_rate=0.5)
run_checks(
    "update_parameters",
    lambda: check_unchanged(np.array([[0.5, -1.0], [1.5, 0.25], [-0.75, 0.5]]),
                            parameters_t["W1"], "parameters['W1'] after update_parameters"),
    lambda: check_keys(new_parameters_t, {"W1", "b1", "W2", "b2"}, "parameters"),
    lambda: check_array(new_parameters_t["W1"], [[0.71065427805, -0.9139312293],
                                                 [1.2806268136, 0.73959990355],
                                                 [-0.65888446445, 0.504383315]],
                        "W1 after the update", rtol=1e-8,
                        hints=[([[0.28934572195, -1.0860687707], [1.7193731864, -0.23959990355],
                                 [-0.84111553555, 0.495616685]], "a step uphill: "
                                "+ learning_rate * dW1 instead of -?"),
                               ([[1.00557026732, -0.79343495032], [0.97350435264, 1.42503976852],
                                 [-0.53132271468, 0.510519956]], "learning rate 1.2 used, not "
                                                                 "the argument learning_rate?")]),
    lambda: check_array(new_parameters_t["b1"], [[0.29781536585], [-0.01984885525],
                                                 [0.06366590035]], "b1 after the update",
                        rtol=1e-8, hints=[([[0.1], [-0.2], [0.0]], "b1 not updated?")]),
    lambda: check_array(new_parameters_t["W2"], [[1.17845048515, -1.745997781, 0.2611306145]],
                        "W2 after the update", rtol=1e-8),
    lambda: check_array(new_parameters_t["b2"], [[0.34643240695]], "b2 after the update",
                        rtol=1e-8, hints=[([[0.49781536585]], "b2 updated with db1: it is "
                                                               "b2 - learning_rate * db2?")]),
)
### BEGIN HIDDEN TESTS
def _hidden_update_parameters():
    _shapes = {"W1": (4, 3), "b1": (4, 1), "W2": (2, 4), "b2": (2, 1)}
    for _seed, _lr in enumerate((0.01, 2.5, None, 1.0)):
        _rng = np.random.default_rng(800 + _seed)
        _p = {_k: _rng.normal(size=_s) for _k, _s in _shapes.items()}
        _g = {"d" + _k: _rng.normal(size=_s) for _k, _s in _shapes.items()}
        _copies = ({_k: _v.copy() for _k, _v in _p.items()},
                   {_k: _v.copy() for _k, _v in _g.items()})
        _alpha = 1.2 if _lr is None else _lr
        _what = ("with the default learning rate" if _lr is None
                 else f"with learning_rate={_lr}")
        _new = (update_parameters(_p, _g) if _lr is None
                else update_parameters(_p, _g, learning_rate=_lr))
        check_keys(_new, set(_shapes), f"the dictionary returned by update_parameters {_what}")
        for _k in _shapes:
            _p0, _g0 = _copies[0][_k], _copies[1]["d" + _k]
            # the step the result took, in multiples of the gradient (for the likely cause)
            _step = float(np.median((_p0 - np.asarray(_new[_k], dtype=float)) / _g0)) \
                if np.shape(_new[_k]) == _p0.shape else 0.0
            check_array(_new[_k], _p0 - _alpha * _g0,
                        f"{_k} after update_parameters {_what}", rtol=1e-10, atol=1e-12,
                        hints=[(_p0 - _step * _g0, f"a step of {_step:g} times the gradient: "
                                                   "the learning rate (and its default, 1.2)?")])
        for _k in _shapes:
            check_equal(_p[_k], _copies[0][_k], f"parameters['{_k}'] after update_parameters "
                        "(the input must not change)")
            check_equal(_g["d" + _k], _copies[1]["d" + _k],
                        f"grads['d{_k}'] after update_parameters (the input must not change)")


_hidden_update_parameters()
### END HIDDEN TESTS

# %% [markdown]
# ### Exercise 8 - `nn_model`
#
# Put the pieces together. The layer sizes and the loop are given; write
#
# 1. before the loop: the initial `parameters`, from `initialize_parameters` with the hidden size
#    `n_h` passed to `nn_model` (not the 4 of `layer_sizes`);
# 2. inside the loop, one gradient-descent iteration: forward propagation (its outputs `A2` and
#    `cache`), the `cost` with `compute_cost`, the `grads` with `backward_propagation`, and new
#    `parameters` with `update_parameters` (with its default learning rate, 1.2).
#
# When `print_cost` is True the given code prints the cost every 1000 iterations.

# %% nbgrader={"grade_id": "nn_model", "solution": true}
# GRADED FUNCTION: nn_model
def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):
    """Train a network with one hidden layer of n_h tanh units by gradient descent.

    Arguments:
    X -- input data, numpy array of shape (n_x, m)
    Y -- true labels (0 or 1), numpy array of shape (1, m)
    n_h -- size of the hidden layer
    num_iterations -- number of gradient-descent iterations
    print_cost -- if True, print the cost every 1000 iterations

    Returns:
    parameters -- dictionary with the learned "W1", "b1", "W2", "b2"
    """
    n_x = layer_sizes(X, Y)[0]
    n_y = layer_sizes(X, Y)[2]

    # Initialize the parameters
    ### BEGIN SOLUTION
    parameters = initialize_parameters(n_x, n_h, n_y)
    ### END SOLUTION

    for i in range(num_iterations):
        # Forward propagation, cost, backward propagation, update
        ### BEGIN SOLUTION
        A2, cache = forward_propagation(X, parameters)
        cost = compute_cost(A2, Y)
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads)
        ### END SOLUTION

        if print_cost and i % 1000 == 0:
            print(f"Cost after iteration {i}: {cost:f}")

    return parameters


# %% nbgrader={"grade_id": "test_nn_model", "points": 3}
# Five points, 3 hidden units, 50 iterations. Expected values from a separate implementation.
X_t = np.array([[1.0, -1.5, 0.5, 2.0, -0.5],
                [0.5, 1.0, -2.0, 0.0, -1.0]])
Y_t = np.array([[1, 0, 1, 1, 0]])


# While nn_model runs, the functions it calls are simple stand-ins, so that this test checks
# nn_model alone (a mistake in an earlier exercise fails only that exercise's test):
# - layer_sizes returns (2, 4, 1), the sizes for X_t and Y_t;
# - initialize_parameters returns zeros of the right shapes;
# - forward_propagation returns A2 = 0.5 everywhere, and compute_cost 0.5;
# - backward_propagation returns gradients filled with mean(Y) + mean(X) (here 0.6 + 0);
# - update_parameters adds learning_rate * gradient to every entry (the real one subtracts it),
#   so the test can see how often it ran, with which learning rate and which gradients.
# After 50 iterations with the default learning rate 1.2, every entry is 50 * 1.2 * 0.6 = 36.
def initialize_parameters_stand_in(n_x, n_h, n_y):
    return {"W1": np.zeros((n_h, n_x)), "b1": np.zeros((n_h, 1)),
            "W2": np.zeros((n_y, n_h)), "b2": np.zeros((n_y, 1))}


def backward_propagation_stand_in(parameters, cache, X, Y):
    grads = {}
    for name in ("W1", "b1", "W2", "b2"):
        grads["d" + name] = np.full(parameters[name].shape, np.mean(Y) + np.mean(X))
    return grads


def update_parameters_stand_in(parameters, grads, learning_rate=1.2):
    new_parameters = {}
    for name in ("W1", "b1", "W2", "b2"):
        new_parameters[name] = parameters[name] + learning_rate * grads["d" + name]
    return new_parameters


with substituted(globals(), layer_sizes=lambda X, Y: (2, 4, 1),
                 initialize_parameters=initialize_parameters_stand_in,
                 forward_propagation=lambda X, parameters: (
                     np.full((1, X.shape[1]), 0.5), {"A2": np.full((1, X.shape[1]), 0.5)}),
                 compute_cost=lambda A2, Y: 0.5,
                 backward_propagation=backward_propagation_stand_in,
                 update_parameters=update_parameters_stand_in):
    parameters_t = nn_model(X_t, Y_t, 3, num_iterations=50)
hints_t = [(0.0, "the parameters never change: parameters = update_parameters(...) kept?"),
           (36.72, "one iteration too many: range(num_iterations)?"),
           (15.0, "learning rate 0.5: nn_model uses the default of update_parameters?"),
           (0.72, "initialized again in every iteration: initialize before the loop?")]
run_checks(
    "nn_model",
    lambda: check_keys(parameters_t, {"W1", "b1", "W2", "b2"}, "parameters"),
    lambda: check_shape(parameters_t["W1"], (3, 2), "W1 (n_h = 3 hidden units)"),
    lambda: check_array(parameters_t["W1"], np.full((3, 2), 36.0),
                        "W1 after 50 iterations with the stand-ins",
                        hints=[(np.full((3, 2), _v), _why) for _v, _why in hints_t]),
    lambda: check_array(parameters_t["b1"], np.full((3, 1), 36.0),
                        "b1 after 50 iterations with the stand-ins"),
    lambda: check_array(parameters_t["W2"], np.full((1, 3), 36.0),
                        "W2 after 50 iterations with the stand-ins"),
    lambda: check_array(parameters_t["b2"], np.full((1, 1), 36.0),
                        "b2 after 50 iterations with the stand-ins"),
)
### BEGIN HIDDEN TESTS
def _hidden_nn_model():
    import contextlib
    import io

    def _oracle(_X, _Y, _n_h, _iters):
        np.random.seed(2)
        _W1 = np.random.randn(_n_h, _X.shape[0]) * 0.01
        _W2 = np.random.randn(1, _n_h) * 0.01
        _b1 = np.zeros((_n_h, 1))
        _b2 = 0.0
        _m = _X.shape[1]
        _y = _Y[0].astype(float)
        for _ in range(_iters):
            _A1 = np.tanh(_W1 @ _X + _b1)
            _a2 = 1.0 / (1.0 + np.exp(-(_W2[0] @ _A1 + _b2)))
            _d2 = _a2 - _y
            _D1 = _W2.T * _d2 * (1.0 - _A1 * _A1)
            _W2, _b2 = _W2 - 1.2 * (_A1 @ _d2)[None, :] / _m, _b2 - 1.2 * _d2.mean()
            _W1, _b1 = _W1 - 1.2 * (_D1 @ _X.T) / _m, _b1 - 1.2 * _D1.mean(axis=1, keepdims=True)
        return {"W1": _W1, "b1": _b1, "W2": _W2, "b2": np.array([[_b2]])}

    for _seed, (_n_x, _m, _n_h, _iters, _print) in enumerate(
        ((2, 6, 3, 1, False), (3, 8, 5, 25, False), (2, 10, 1, 60, True), (4, 7, 2, 2, False),
         (2, 12, 6, 120, True))
    ):
        _rng = np.random.default_rng(900 + _seed)
        _X = _rng.normal(0, 1.5, (_n_x, _m))
        _Y = _rng.integers(0, 2, (1, _m))
        _Y[0, :2] = (0, 1)  # both classes present
        _copies = (_X.copy(), _Y.copy())
        _want = _oracle(_X, _Y, _n_h, _iters)
        _what = f"for X of shape {(_n_x, _m)}, n_h = {_n_h}, num_iterations = {_iters}"
        with contextlib.redirect_stdout(io.StringIO()):
            _got = nn_model(_X, _Y, _n_h, num_iterations=_iters, print_cost=_print)
        check_keys(_got, {"W1", "b1", "W2", "b2"}, f"the parameters returned {_what}")
        for _k in ("W1", "b1", "W2", "b2"):
            check_array(_got[_k], _want[_k], f"{_k} returned by nn_model {_what}", rtol=1e-6,
                        atol=1e-9)
        check_equal(_X, _copies[0], "X after nn_model (inputs must not change)")
        check_equal(_Y, _copies[1], "Y after nn_model (inputs must not change)")


def _layer_sizes(X, Y):  # the references, with the names of the original course's signatures
    return X.shape[0], 4, Y.shape[0]


def _initialize_parameters(n_x, n_h, n_y):
    np.random.seed(2)
    _W1 = np.random.randn(n_h, n_x) * 0.01
    _W2 = np.random.randn(n_y, n_h) * 0.01
    return {"W1": _W1, "b1": np.zeros((n_h, 1)), "W2": _W2, "b2": np.zeros((n_y, 1))}


def _forward_propagation(X, parameters):
    _Z1 = parameters["W1"] @ X + parameters["b1"]
    _A1 = np.tanh(_Z1)
    _Z2 = parameters["W2"] @ _A1 + parameters["b2"]
    _A2 = 1.0 / (1.0 + np.exp(-_Z2))
    return _A2, {"Z1": _Z1, "A1": _A1, "Z2": _Z2, "A2": _A2}


def _compute_cost(A2, Y):
    return float(-np.mean(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)))


def _backward_propagation(parameters, cache, X, Y):
    _m = X.shape[1]
    _dZ2 = cache["A2"] - Y
    _dZ1 = (parameters["W2"].T @ _dZ2) * (1 - cache["A1"] ** 2)
    return {"dW1": _dZ1 @ X.T / _m, "db1": _dZ1.sum(axis=1, keepdims=True) / _m,
            "dW2": _dZ2 @ cache["A1"].T / _m, "db2": _dZ2.sum(axis=1, keepdims=True) / _m}


def _update_parameters(parameters, grads, learning_rate=1.2):
    _new = {}
    for _k in ("W1", "b1", "W2", "b2"):
        _new[_k] = parameters[_k] - learning_rate * grads["d" + _k]
    return _new


with substituted(globals(), layer_sizes=_layer_sizes, initialize_parameters=_initialize_parameters,
                 forward_propagation=_forward_propagation, compute_cost=_compute_cost,
                 backward_propagation=_backward_propagation,
                 update_parameters=_update_parameters):
    _hidden_nn_model()
### END HIDDEN TESTS

# %% [markdown]
# **Why not start from zeros?** With your functions you can now check the claim of
# Exercise 3. The next cell defines `descend`, gradient descent from any starting point with a
# learning rate of your choice (the loop of `nn_model`, recording the cost every 100
# iterations); section 5 uses it again. It then starts from all-zero parameters and runs 100
# steps on the flower. With $W^{[2]} = 0$, every $dZ^{[1]}$ is 0, and with
# $A^{[1]} = \tanh(0) = 0$, $dW^{[2]}$ is 0 too: the weights never move, only the output bias
# $b^{[2]}$ learns, and the network predicts one probability for every point.

# %% tags=["demo"]
def descend(parameters, X, Y, learning_rate, num_iterations, every=100):
    """Gradient descent with your functions, from the given parameters.

    Returns the final parameters and the list of costs recorded every `every` iterations.
    """
    costs = []
    for i in range(num_iterations):
        A2, cache = forward_propagation(X, parameters)
        if i % every == 0:
            costs.append(compute_cost(A2, Y))
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


zero_parameters = {"W1": np.zeros((4, 2)), "b1": np.zeros((4, 1)),
                   "W2": np.zeros((1, 4)), "b2": np.zeros((1, 1))}
zero_parameters, _ = descend(zero_parameters, X, Y, learning_rate=1.2, num_iterations=100)
print("W1 after 100 steps from zeros:\n", zero_parameters["W1"])
print("W2 after 100 steps from zeros:", zero_parameters["W2"])
print("distinct predicted probabilities:", np.unique(forward_propagation(X, zero_parameters)[0]))
assert np.all(zero_parameters["W1"] == 0) and np.all(zero_parameters["W2"] == 0)
assert np.unique(forward_propagation(X, zero_parameters)[0]).size == 1

# %% [markdown]
# ### Exercise 9 - `predict`
#
# A trained network labels a point by running forward propagation and thresholding the output
# probability:
#
# $$y_{\text{prediction}} = \mathbb{1}\{a^{[2]} > 0.5\} = \begin{cases} 1 & \text{if }
# a^{[2]} > 0.5 \\ 0 & \text{otherwise.} \end{cases}$$
#
# Return `predictions`, an array of shape `(1, m)`. `A2 > 0.5` gives `True`/`False`, which is fine
# (NumPy treats `True == 1`); so are `0`/`1` integers or floats.

# %% nbgrader={"grade_id": "predict", "solution": true}
# GRADED FUNCTION: predict
def predict(parameters, X):
    """Predict a label (0 or 1) for each example in X with a trained network.

    Arguments:
    parameters -- dictionary with "W1", "b1", "W2", "b2"
    X -- input data, numpy array of shape (n_x, m)

    Returns:
    predictions -- numpy array of shape (1, m): the predicted labels (True/False or 1/0)
    """
    ### BEGIN SOLUTION
    A2, cache = forward_propagation(X, parameters)
    predictions = A2 > 0.5
    ### END SOLUTION

    return predictions


# %% nbgrader={"grade_id": "test_predict", "points": 2}
# The network of the forward_propagation test; its outputs A2 for these five points are
# [0.2308, 0.8362, 0.5479, 0.2337, 0.8741].
parameters_t = {"W1": np.array([[0.5, -1.0], [1.5, 0.25], [-0.75, 0.5]]),
                "b1": np.array([[0.1], [-0.2], [0.0]]),
                "W2": np.array([[1.0, -2.0, 0.5]]),
                "b2": np.array([[0.3]])}
X_t = np.array([[1.0, -1.0, 0.0, 2.0, -2.0],
                [0.0, 1.0, 0.5, -1.0, 0.25]])
# While predict runs, forward_propagation is a stand-in that returns the A2 (and Z2) of a correct
# forward pass for these inputs, so that this test checks predict alone.
Z2_t = np.array([[-1.2039712278, 1.6301759195, 0.1922297503, -1.1873226475, 1.9374020234]])
A2_t = np.array([[0.2307695106, 0.8361937366, 0.5479099964, 0.2337381201, 0.8740664509]])
with substituted(globals(), forward_propagation=lambda X, parameters: (
        A2_t.copy(), {"Z2": Z2_t.copy(), "A2": A2_t.copy()})):
    predictions_t = predict(parameters_t, X_t)
run_checks(
    "predict",
    lambda: check_type(predictions_t, np.ndarray, "predict(parameters, X)"),
    lambda: check_shape(predictions_t, (1, 5), "predict(parameters, X)"),
    lambda: check_close(np.asarray(predictions_t, dtype=float), [[0, 1, 1, 0, 1]],
                        "predict(parameters, X)",
                        hints=[(A2_t, "the probabilities A2, not labels: threshold at 0.5?"),
                               ([[0, 1, 0, 0, 1]], "Z2 compared with 0.5: threshold A2?")]),
)
### BEGIN HIDDEN TESTS
def _hidden_predict():
    def _labels(_p, _X):
        _z2 = _p["W2"] @ np.tanh(_p["W1"] @ _X + _p["b1"]) + _p["b2"]
        return (_z2 > 0).astype(float), np.abs(_z2) > 1e-9

    def _check(_got, _want, _sure, _name, _hint=None):
        check_type(_got, np.ndarray, _name)
        check_shape(_got, _want.shape, _name)
        _vals = np.asarray(_got, dtype=float)
        _hints = [] if _hint is None else [(np.where(_sure, _hint, _want), "the hidden "
                                            "activations thresholded too: only A2 is compared "
                                            "with 0.5?")]
        check_close(np.where(_sure, _vals, _want), _want, _name, hints=_hints)

    for _seed, (_n_x, _n_h, _m) in enumerate(((2, 4, 30), (3, 1, 7), (5, 6, 1), (2, 20, 50))):
        _rng = np.random.default_rng(1000 + _seed)
        _p = {"W1": _rng.normal(0, 1.0, (_n_h, _n_x)), "b1": _rng.normal(0, 0.5, (_n_h, 1)),
              "W2": _rng.normal(0, 1.0, (1, _n_h)), "b2": _rng.normal(0, 0.5, (1, 1))}
        _X = _rng.normal(0, 1.5, (_n_x, _m))
        _copies = ({_k: _v.copy() for _k, _v in _p.items()}, _X.copy())
        _want, _sure = _labels(_p, _X)
        _A1_cut = (np.tanh(_p["W1"] @ _X + _p["b1"]) > 0.5) * 1.0
        _cut = ((_p["W2"] @ _A1_cut + _p["b2"]) > 0).astype(float)
        _check(predict(_p, _X), _want, _sure,
               f"predict(parameters, X) for X of shape {(_n_x, _m)} and n_h = {_n_h}", _cut)
        for _k in _p:
            check_equal(_p[_k], _copies[0][_k],
                        f"parameters['{_k}'] after predict (inputs must not change)")
        check_equal(_X, _copies[1], "X after predict (inputs must not change)")

    # Outputs just above and just below 0.5: z2 = +-1e-7, +-1e-3, +-0.4.
    _z2 = np.array([[1e-7, -1e-7, 1e-3, -1e-3, 0.4, -0.4]])
    _p = dict(W1=np.ones((1, 1)), b1=np.zeros((1, 1)), W2=np.ones((1, 1)), b2=np.zeros((1, 1)))
    _X = np.arctanh(_z2)
    _check(predict(_p, _X), np.array([[1.0, 0.0, 1.0, 0.0, 1.0, 0.0]]), np.ones((1, 6), bool),
           "predict(parameters, X) for outputs A2 just above and just below 0.5")


def _forward_propagation(X, parameters):  # the reference, with the original signature's names
    _Z1 = parameters["W1"] @ X + parameters["b1"]
    _A1 = np.tanh(_Z1)
    _Z2 = parameters["W2"] @ _A1 + parameters["b2"]
    _A2 = 1.0 / (1.0 + np.exp(-_Z2))
    return _A2, {"Z1": _Z1, "A1": _A1, "Z2": _Z2, "A2": _A2}


with substituted(globals(), forward_propagation=_forward_propagation):
    _hidden_predict()
### END HIDDEN TESTS

# %% [markdown]
# ## 5 - Training on the flower
#
# Time to train: a hidden layer of $n_h = 4$ units, 10000 iterations of gradient descent with
# learning rate 1.2. It takes a few seconds and prints the cost every 1000 iterations.

# %% tags=["demo"]
parameters = nn_model(X, Y, n_h=4, num_iterations=10000, print_cost=True)

# %% [markdown]
# The decision boundary of the trained network, and its accuracy on the flower:

# %% tags=["demo"]
predictions = predict(parameters, X)
nn_accuracy = np.mean(predictions == Y)
plot_decision_boundary(lambda points: predict(parameters, points), X, Y,
                       title=f"Hidden layer of size 4: accuracy {100 * nn_accuracy:.1f} %")
plt.show()
print(f"Accuracy of the network:          {100 * nn_accuracy:.1f} %")
print(f"Accuracy of logistic regression:  {100 * baseline_accuracy:.1f} %")
assert nn_accuracy >= 0.90, nn_accuracy
assert nn_accuracy - baseline_accuracy >= 0.30

# Where are the mistakes? Distance of each point from the centre of the flower.
wrong = (predictions != Y)[0]
distance = np.linalg.norm(X, axis=0)
near_centre = np.mean(distance[wrong] < 1.5)
print(f"{wrong.sum()} points are misclassified; {100 * near_centre:.0f} % of them lie within "
      f"distance 1.5 of the centre, where only {100 * np.mean(distance < 1.5):.0f} % of all "
      "points are.")
assert near_centre >= 0.5 and np.mean(distance < 1.5) <= 0.3

# %% [markdown]
# More than 90 % of the points are labelled correctly, against about 50 % for logistic
# regression: four hidden units are enough to carve out the petals. Most of the points it still
# gets wrong lie near the centre, where the petals meet and the colours overlap: at least half of
# the mistakes are within distance 1.5 of the centre, a disc that holds under a third of the
# points.
#
# ### The learning rate
#
# `nn_model` always uses $\alpha = 1.2$. The next cell trains the same network with `descend`
# for 2000 iterations with three learning rates, $\alpha = 0.01$, $1.2$ and $30$, and records
# the cost every 100 iterations. **Before you run it, predict** for each rate: will the cost
# fall steadily, hardly move, or jump up and down?

# %% tags=["demo"]
learning_rates = [0.01, 1.2, 30]
lr_costs = {}
with np.errstate(all="ignore"):  # a too large step can push A2 to exactly 0 or 1: log(0)
    for learning_rate in learning_rates:
        _, lr_costs[learning_rate] = descend(initialize_parameters(n_x, 4, n_y), X, Y,
                                             learning_rate, num_iterations=2000)
plot_costs({f"learning rate {lr}": lr_costs[lr] for lr in learning_rates}, every=100,
           title="The cost on the flower for three learning rates")
plt.show()
for lr in learning_rates:
    print(f"learning rate {lr:5}: cost after 2000 iterations {lr_costs[lr][-1]:.3f}, "
          f"largest rise between two records {max(np.diff(lr_costs[lr])):+.3f}")
check_between(lr_costs[0.01][-1], 0.60, 0.70, "the cost after 2000 iterations with rate 0.01",
              "the reference ends at 0.654, from 0.693 at the start")
check_between(lr_costs[1.2][-1], 0.15, 0.25, "the cost after 2000 iterations with rate 1.2",
              "the reference ends at 0.207")
check_between(max(np.diff(lr_costs[1.2])), -1.0, 0.001,
              "the largest rise of the cost with rate 1.2", "it only falls")
check_between(np.sum(np.diff(lr_costs[30]) > 0.05), 2, 20,
              "the number of rises by more than 0.05 with rate 30", "the reference has 7")

# %% [markdown]
# - With $\alpha = 0.01$ the steps are tiny: after 2000 iterations the cost is still above 0.6,
#   hardly below its starting value $\log 2 \approx 0.693$ (all outputs close to 0.5). The
#   network is not wrong, only slow; it would need many more iterations.
# - With $\alpha = 1.2$ the cost falls at every record, quickly at first and then slowly, to
#   about 0.2.
# - With $\alpha = 30$ the steps overshoot: the cost rises and falls again several times. Where
#   it ends after 2000 iterations depends on the last digits of the computation (change the
#   initial weights by $10^{-12}$ and the curve changes), so such a run cannot be trusted.
#
# ## 6 - How many hidden units?
#
# The size of the hidden layer sets how complicated a boundary the network can draw. To judge a
# size fairly, we hold out part of the data: the networks below learn from 70 % of the points
# (the **training set**) and are then scored on the other 30 %, which they never saw (the
# **test set**). Each network gets 5000 iterations; the whole cell takes a few seconds.

# %% tags=["demo"]
X_train, Y_train, X_test, Y_test = train_test_split(X, Y, test_fraction=0.3, seed=0)
print("training set:", X_train.shape, " test set:", X_test.shape)

hidden_layer_sizes = [1, 2, 3, 4, 5, 20, 50]
sweep = {}
for n_h in hidden_layer_sizes:
    params_h = nn_model(X_train, Y_train, n_h, num_iterations=5000)
    sweep[n_h] = {
        "parameters": params_h,
        "train_cost": compute_cost(forward_propagation(X_train, params_h)[0], Y_train),
        "train_accuracy": np.mean(predict(params_h, X_train) == Y_train),
        "test_accuracy": np.mean(predict(params_h, X_test) == Y_test),
    }
    print(f"n_h = {n_h:2d}: training cost {sweep[n_h]['train_cost']:.3f}, "
          f"training accuracy {100 * sweep[n_h]['train_accuracy']:5.1f} %, "
          f"test accuracy {100 * sweep[n_h]['test_accuracy']:5.1f} %")

# %% [markdown]
# Each panel shows one network's boundary with the training points (the test points are left out
# so that you see what each network learned from).

# %% tags=["demo"]
plot_decision_boundaries(
    [(lambda points, p=sweep[n_h]["parameters"]: predict(p, points), X_train, Y_train,
      f"n_h = {n_h}: train {100 * sweep[n_h]['train_accuracy']:.0f} %, "
      f"test {100 * sweep[n_h]['test_accuracy']:.0f} %") for n_h in hidden_layer_sizes],
    ncols=4, size=4.5)
plt.show()

# %% [markdown]
# The accuracies side by side:

# %% tags=["demo"]
fig, ax = plt.subplots(figsize=(6, 4))
ax.plot(hidden_layer_sizes, [100 * sweep[n]["train_accuracy"] for n in hidden_layer_sizes],
        "o-", label="training set")
ax.plot(hidden_layer_sizes, [100 * sweep[n]["test_accuracy"] for n in hidden_layer_sizes],
        "s-", label="test set")
ax.set_xscale("log")
ax.set_xticks(hidden_layer_sizes, [str(n) for n in hidden_layer_sizes])
ax.set_xlabel("hidden layer size $n_h$")
ax.set_ylabel("accuracy (%)")
ax.set_title("Accuracy against the hidden layer size")
ax.legend()
plt.show()

train_acc = {n: sweep[n]["train_accuracy"] for n in hidden_layer_sizes}
test_acc = {n: sweep[n]["test_accuracy"] for n in hidden_layer_sizes}
cost_h = {n: sweep[n]["train_cost"] for n in hidden_layer_sizes}
gap = {n: train_acc[n] - test_acc[n] for n in hidden_layer_sizes}
# Too few units: the flower does not fit (underfitting).
assert max(train_acc[1], train_acc[2]) < 0.80 and max(test_acc[1], test_acc[2]) < 0.85
# From 3 units on, the petals are learned and the network generalizes to the test set.
assert all(train_acc[n] >= 0.90 and test_acc[n] >= 0.85 for n in (3, 4, 5, 20, 50))
# Many more units: a lower training cost, but no better on the test set.
assert cost_h[50] < cost_h[4] - 0.03 and cost_h[20] < cost_h[4] - 0.03
assert max(test_acc[20], test_acc[50]) <= max(test_acc[3], test_acc[4], test_acc[5]) + 0.02
# ... and a wider gap between training and test accuracy.
check_between(gap[4], 0.0, 0.04, "the gap between training and test accuracy for n_h = 4",
              "the reference has 2.3 points")
check_between(min(gap[20], gap[50]), gap[4] + 0.02, 0.10,
              "the smaller gap of n_h = 20 and n_h = 50", "the reference has 4.9 and 5.7 points")

# %% [markdown]
# **What the sweep shows.**
#
# - **One or two hidden units underfit.** Their boundaries are made of one or two lines, and no
#   such boundary can follow eight petals of alternating colour: under 80 % accuracy on the
#   training set, under 85 % on the test set. The model is too simple for the data, however long
#   it trains.
# - **From three units on, the network captures the petals**: above 90 % on the training set and
#   above 85 % on the test set.
# - **Many more units (20, 50) fit the training set more closely** (a clearly lower training
#   cost) **but do no better on the test set**: the gap between training and test accuracy grows
#   from about 2 points with 4 units to about 5 with 20 or 50. The extra capacity goes into
#   bending the boundary around individual noisy points, which does not carry over to new
#   points: the beginning of **overfitting**. Sizes of 3 to 5 are the sweet spot here.
#
# Large networks are not bad in themselves: course 2 shows how **regularization** lets you use a
# big network while keeping its boundary smooth, and more data also helps.
#
# **Things to try** (change the cells above and rerun them):
#
# - Where between 1.2 and 30 does the learning rate start to make the cost jump? Try a few
#   rates with `descend`.
# - Change `noise` or `petals` in `load_planar_dataset(...)` (the default `petals=4` draws eight
#   petals, four of each colour): how many hidden units do you need with `petals=6`?

# %% [markdown]
# ## 7 - Optional: other data sets
#
# The same kind of network, with 5 hidden units, on the other planar sets of `dlcourse.planar`:
# two noisy circles, two interleaving half moons, Gaussian blobs with alternating labels, and a
# Gaussian cloud split by its radius. For each set, the top row shows logistic regression and the
# bottom row the network, with their accuracies on the points shown.
#
# Why 5 and not the 4 of the flower? With 4 hidden units, training on the Gaussian cloud is
# fragile: a change in the last digit of the initial weights (the rounding differences between
# two computers are of that size) moves the final accuracy anywhere between about 75 % and 98 %,
# because gradient descent ends up in different places. With 5 units every such run reaches
# 99 %. A result that a rounding error can change is worth knowing about before drawing
# conclusions from it.

# %% tags=["demo"]
datasets = load_extra_datasets()
extra_results = {}
top_row, bottom_row = [], []
for name, (X_e, Y_e) in datasets.items():
    clf_e = LogisticRegression().fit(X_e.T, Y_e.ravel())
    lr_acc = np.mean(clf_e.predict(X_e.T).reshape(1, -1) == Y_e)
    params_e = nn_model(X_e, Y_e, 5, num_iterations=5000)
    nn_acc = np.mean(predict(params_e, X_e) == Y_e)
    extra_results[name] = (lr_acc, nn_acc)
    top_row.append((lambda points, c=clf_e: c.predict(points.T), X_e, Y_e,
                    f"{name}\nlogistic regression: {100 * lr_acc:.0f} %"))
    bottom_row.append((lambda points, p=params_e: predict(p, points), X_e, Y_e,
                       f"network, n_h = 5: {100 * nn_acc:.0f} %"))
plot_decision_boundaries(top_row + bottom_row, ncols=len(datasets), size=3.6)
plt.show()
for name, (lr_acc, nn_acc) in extra_results.items():
    print(f"{name:20s} logistic regression {100 * lr_acc:5.1f} %   network {100 * nn_acc:5.1f} %")
assert all(nn_acc >= lr_acc for lr_acc, nn_acc in extra_results.values())
for name in ("noisy_circles", "gaussian_quantiles"):
    lr_acc, nn_acc = extra_results[name]
    assert nn_acc >= 0.90 and lr_acc <= 0.65, name
assert extra_results["blobs"][1] < 0.95

# %% [markdown]
# On every set the network does at least as well as logistic regression, and far better where no
# straight line can separate the classes: on the circles and the Gaussian cloud it reaches more
# than 90 %, while logistic regression stays near chance. Where a line already does well, as on
# the moons, the network bends it to follow the gap. On the blobs, five hidden units are not
# enough to isolate every blob (below 95 %): try a larger `n_h` there.
# These are accuracies on the points the models were trained on; to compare models fairly, hold
# out a test set as in section 6.
#
# ## 8 - What you built
#
# - the structure of a network with one hidden layer, and its small random initialization (and
#   why zeros do not work);
# - forward propagation with a $\tanh$ hidden layer and a sigmoid output, and the cross-entropy
#   cost;
# - backward propagation, derived layer by layer from the loss and the slopes of the
#   activations ($dZ^{[2]}$ of the sigmoid with the cross-entropy is just $A^{[2]} - Y$), and
#   gradient descent, with a learning rate that is neither too small nor too large;
# - a classifier whose curved decision boundary follows data that logistic regression cannot
#   separate, and a first look at underfitting and overfitting as the hidden layer grows.
#
# Next week you generalize every one of these functions to networks of any depth.

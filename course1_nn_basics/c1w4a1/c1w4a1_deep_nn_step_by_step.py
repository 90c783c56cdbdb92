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
# # A deep neural network, step by step
#
# Last week's network had one hidden layer, and you wrote its forward and backward pass as one
# block of formulas. That does not scale: a network with five or ten layers would need five or
# ten copies of the same formulas. This week you write each step **once**, as a small function
# that works for any layer, and then chain the steps in loops. The result is a set of building
# blocks for a fully connected network of any depth; in the next notebook you use them to
# classify the animal pictures of week 2.
#
# **By the end you will have written**
#
# - `initialize_parameters` (two layers) and `initialize_parameters_deep` (any number of layers);
# - the forward pass: `linear_forward`, `linear_activation_forward`, `L_model_forward`;
# - the cost: `compute_cost`;
# - the backward pass: `linear_backward`, `linear_activation_backward`, `L_model_backward`;
# - the gradient-descent step: `update_parameters`;
#
# and you will have checked your backward pass against gradients estimated numerically, and seen
# why the scale of the initial weights matters once a network gets deep.
#
# **How this notebook works**
#
# - Write your code between `# YOUR CODE HERE` and the `return` line of each exercise, and delete
#   the `raise NotImplementedError()` line. Do not rename the functions or change their arguments.
# - Each exercise is followed by a test cell. A line ending in "all public tests passed" means
#   the visible checks agree with your code. The grader runs more tests (other sizes, other
#   values, other depths), so passing the public tests is necessary, not sufficient.
# - Vectorize over the examples: the only loops you need are loops over the **layers**.
# - Run the cells in order. If something behaves strangely, use *Kernel → Restart and run all*.
# - Only the exercise cells are graded: the grader runs the released notebook with your
#   exercise cells put in, so cells you add yourself do not run there. Keep every helper
#   function or import that your answer needs inside its exercise cell.

# %% [markdown]
# ## 1 - Packages
#
# - [NumPy](https://numpy.org) for the computations, [Matplotlib](https://matplotlib.org) for
#   the figures, and `copy` from the standard library to copy a dictionary of arrays;
# - `dlcourse.activations`, the course's ready-made activations. Each forward function returns
#   the activation **and** a cache (the input `Z`, kept for the backward pass); each backward
#   function takes `dA` and that cache and returns `dZ`:
#
# | function | returns |
# |---|---|
# | `sigmoid(Z)` | the pair `(A, cache)`: $A = \sigma(Z)$, and `cache` is `Z` itself |
# | `relu(Z)` | the pair `(A, cache)`: $A = \max(0, Z)$, and `cache` is `Z` itself |
# | `sigmoid_backward(dA, cache)` | $dZ = dA \odot \sigma'(Z)$, with `Z` read from `cache` |
# | `relu_backward(dA, cache)` | $dZ = dA \odot \mathbb{1}[Z > 0]$ (`dA` where $Z > 0$, else 0) |
#
# - `dlcourse.testing` holds the helpers the test cells use (imported in a cell of their own).

# %%
import copy

import numpy as np

from dlcourse.activations import relu, relu_backward, sigmoid, sigmoid_backward

# %% [markdown]
# Arrays print with 6 decimals (and without scientific notation where possible), Matplotlib
# draws the figures (`dlcourse.plots` draws the plan of section 2), and the test cells use the
# helpers of `dlcourse.testing`:

# %%
np.set_printoptions(precision=6, suppress=True)

import matplotlib.pyplot as plt

from dlcourse.plots import forward_backward_diagram
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
# ## 2 - The plan
#
# A network with $L$ layers has $L-1$ hidden layers with the ReLU activation and an output
# layer with the sigmoid, which turns its input into a probability. Layer $l$ holds a weight
# matrix $W^{[l]}$ and a bias vector $b^{[l]}$ and computes, for all $m$ examples at once,
#
# $$Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]}, \qquad A^{[l]} = g^{[l]}(Z^{[l]}),$$
#
# starting from $A^{[0]} = X$ and ending with $A^{[L]} = \hat{Y}$, the predicted probabilities:
#
# $$X = A^{[0]} \xrightarrow{\;\text{linear}\;} Z^{[1]} \xrightarrow{\;\text{ReLU}\;} A^{[1]}
# \longrightarrow \cdots \longrightarrow A^{[L-1]} \xrightarrow{\;\text{linear}\;} Z^{[L]}
# \xrightarrow{\;\sigma\;} A^{[L]} = \hat{Y}.$$
#
# The sizes of the layers are listed in `layer_dims` $= [n^{[0]}, n^{[1]}, \dots, n^{[L]}]$, with
# $n^{[0]} = n_x$, the number of input features. The shapes follow from the formula:
#
# | array | shape |
# |---|---|
# | $W^{[l]}$ | $(n^{[l]}, n^{[l-1]})$ |
# | $b^{[l]}$ | $(n^{[l]}, 1)$ |
# | $Z^{[l]}$, $A^{[l]}$ and their gradients $dZ^{[l]}$, $dA^{[l]}$ | $(n^{[l]}, m)$ |
#
# **The steps you will write.** The forward pass goes left to right and, at every layer, stores
# what the backward pass will need in a **cache**. The backward pass goes right to left, reads
# the caches in reverse order and produces the gradients $dW^{[l]}, db^{[l]}$. Gradient descent
# then moves every parameter a little against its gradient. Repeat, and the network learns.
#
# | step | forward | backward |
# |---|---|---|
# | one linear part | `linear_forward` | `linear_backward` |
# | linear part, then activation | `linear_activation_forward` | `linear_activation_backward` |
# | the whole network | `L_model_forward` | `L_model_backward` |
#
# The picture below is the whole plan. Top row, left to right: the forward pass, LINEAR → RELU
# repeated for the $L-1$ hidden layers, then LINEAR → SIGMOID for the output layer, and the
# cost. Each layer stores its cache: the **linear cache** $(A^{[l-1]}, W^{[l]}, b^{[l]})$, that
# is `(A_prev, W, b)`, and the **activation cache** $Z^{[l]}$. Bottom row, right to left: the
# backward pass starts from $dA^{[L]}$, and each layer reads its own cache to turn the $dA$ it
# receives from above into the $dA$ it passes down, plus its $dW^{[l]}$ and $db^{[l]}$ for the
# update.

# %% tags=["demo"]
forward_backward_diagram()
plt.show()

# %% [markdown]
# ## 3 - Initialization
#
# ### 3.1 - Two layers
#
# The network of last week had two layers: LINEAR → RELU → LINEAR → SIGMOID here, with $n_x$
# inputs, $n_h$ hidden units and $n_y$ outputs.
#
# ### Exercise 1 - `initialize_parameters`
#
# Create `W1`, `b1`, `W2`, `b2`:
#
# - weights: small random numbers, **exactly** these two calls, in this order (the function
#   already seeds the generator with `np.random.seed(1)`, so that your numbers match ours):
#   `np.random.randn(n_h, n_x) * 0.01` for `W1`, then `np.random.randn(n_y, n_h) * 0.01` for `W2`;
# - biases: zeros, created with `np.zeros(shape)`; note that the shape of a column vector is a
#   tuple such as `(n_h, 1)`.
#
# Random weights break the symmetry between the hidden units (with all-zero weights every unit of
# a layer would compute the same thing and receive the same update, forever). The biases can
# start at zero.

# %% nbgrader={"grade_id": "initialize_parameters", "solution": true}
# GRADED FUNCTION: initialize_parameters
def initialize_parameters(n_x, n_h, n_y):
    """Random small weights and zero biases for a LINEAR -> RELU -> LINEAR -> SIGMOID network.

    Arguments:
    n_x -- size of the input layer
    n_h -- size of the hidden layer
    n_y -- size of the output layer

    Returns:
    parameters -- dictionary with
                  W1 -- weight matrix, shape (n_h, n_x)
                  b1 -- bias vector, shape (n_h, 1)
                  W2 -- weight matrix, shape (n_y, n_h)
                  b2 -- bias vector, shape (n_y, 1)
    """
    np.random.seed(1)
    ### BEGIN SOLUTION
    W1 = np.random.randn(n_h, n_x) * 0.01
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_y, n_h) * 0.01
    b2 = np.zeros((n_y, 1))
    ### END SOLUTION
    parameters = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
    return parameters


# %% nbgrader={"grade_id": "test_initialize_parameters", "points": 2}
params_2 = initialize_parameters(3, 2, 1)
run_checks(
    "initialize_parameters",
    lambda: check_keys(params_2, {"W1", "b1", "W2", "b2"}, "initialize_parameters(3, 2, 1)"),
    lambda: check_array(params_2["W1"], [[0.01624345, -0.00611756, -0.00528172],
                                         [-0.01072969, 0.00865408, -0.02301539]],
                        "W1", rtol=1e-6,
                        hints=[([[1.624345, -0.611756, -0.528172], [-1.072969, 0.865408,
                                                                    -2.301539]],
                                "the numbers of randn without the factor 0.01?"),
                               ([[-0.00528172, -0.01072969, 0.00865408],
                                 [-0.02301539, 0.01744812, -0.00761207]],
                                "the numbers drawn after W2's: draw W1 first, then W2?"),
                               ([[0.00417022, 0.00720324, 0.00000114],
                                 [0.00302333, 0.00146756, 0.00092339]],
                                "uniform numbers: np.random.randn, not np.random.rand?")]),
    lambda: check_array(params_2["b1"], np.zeros((2, 1)), "b1"),
    lambda: check_array(params_2["W2"], [[0.01744812, -0.00761207]], "W2", rtol=1e-6),
    lambda: check_array(params_2["b2"], np.zeros((1, 1)), "b2"),
)
### BEGIN HIDDEN TESTS
def _hidden_initialize_parameters():
    for _n_x, _n_h, _n_y in ((5, 4, 2), (1, 3, 1), (12, 7, 1)):
        _what = f"from initialize_parameters({_n_x}, {_n_h}, {_n_y})"
        np.random.seed(1)
        _W1 = np.random.randn(_n_h, _n_x) * 0.01
        _W2 = np.random.randn(_n_y, _n_h) * 0.01
        np.random.seed(12345)  # the function must seed the generator itself
        _got = initialize_parameters(_n_x, _n_h, _n_y)
        check_keys(_got, {"W1", "b1", "W2", "b2"}, f"the dictionary {_what}")
        check_array(_got["W1"], _W1, f"W1 {_what}", rtol=1e-6, atol=1e-12)
        check_array(_got["b1"], np.zeros((_n_h, 1)), f"b1 {_what}", atol=0)
        check_array(_got["W2"], _W2, f"W2 {_what}", rtol=1e-6, atol=1e-12)
        check_array(_got["b2"], np.zeros((_n_y, 1)), f"b2 {_what}", atol=0)


_hidden_initialize_parameters()
### END HIDDEN TESTS

# %% [markdown]
# The parameters of a network with 3 inputs, 2 hidden units and 1 output. The weights are
# standard normal numbers times 0.01, so single entries scatter around 0 and their typical size,
# the root mean square $\sqrt{\text{mean}(W^2)}$ printed last, is about 0.01. The biases are
# zeros.

# %% tags=["demo"]
parameters = initialize_parameters(3, 2, 1)
for name, value in parameters.items():
    print(f"{name} {value.shape}:\n{value}")
weights_2 = np.concatenate([parameters["W1"].ravel(), parameters["W2"].ravel()])
rms_2 = np.sqrt(np.mean(weights_2 ** 2))
print(f"root mean square of the {weights_2.size} weights: {rms_2:.4f}")
check_between(rms_2, 0.005, 0.02, "the root mean square of W1 and W2", "randn * 0.01: about 0.01")

# %% [markdown]
# ### 3.2 - $L$ layers
#
# For a deep network the sizes come as a list, `layer_dims`. For example `layer_dims = [5, 4, 3]`
# describes $n_x = 5$ inputs, a hidden layer of 4 units and an output layer of 3 units, so
# $L = 2$ layers, with $W^{[1]}$ of shape $(4, 5)$ and $W^{[2]}$ of shape $(3, 4)$.
#
# **How large should the random weights be?** Multiplying by 0.01 was fine for two layers, but
# it fails for deep ones. Each unit adds up $n^{[l-1]}$ products $w \, a$, so the typical size of
# $z$ is about $\sqrt{n^{[l-1]}}$ times the typical size of $w$ times that of $a$. With weights
# of size 0.01 and, say, $n^{[l-1]} = 100$, every layer multiplies the size of the activations
# by roughly $0.01 \times \sqrt{100} = 0.1$ (a little less, since ReLU zeroes about half of
# them). After ten layers the signal is more than $10^{10}$ times smaller, so the output is
# $\sigma(b^{[L]})$ whatever the input. The backward pass multiplies by the same small weights
# on its way back, so the gradients come out just as tiny and the network hardly learns. Scaling
# the weights by $1/\sqrt{n^{[l-1]}}$ instead makes each layer keep the size of its input, apart
# from the factor that ReLU costs. Section 9 shows both effects on a plot. (Course 2 compares
# several such scalings, including the one named after He et al.)
#
# ### Exercise 2 - `initialize_parameters_deep`
#
# Start with `np.random.seed(3)` (already in the function), then for $l = 1, \dots, L$, in this
# order:
#
# - `parameters["W" + str(l)]`: `np.random.randn(n_l, n_prev) / np.sqrt(n_prev)`, where
#   `n_l = layer_dims[l]` and `n_prev = layer_dims[l - 1]`: standard normal numbers divided by
#   $\sqrt{n^{[l-1]}}$;
# - `parameters["b" + str(l)]`: zeros of shape `(n_l, 1)`.
#
# Careful with the count: `len(layer_dims)` is $L + 1$, since the list includes the input layer.

# %% nbgrader={"grade_id": "initialize_parameters_deep", "solution": true}
# GRADED FUNCTION: initialize_parameters_deep
def initialize_parameters_deep(layer_dims):
    """Random weights scaled by 1/sqrt(fan-in) and zero biases for an L-layer network.

    Arguments:
    layer_dims -- list of the layer sizes [n_x, n_1, ..., n_L], input layer included

    Returns:
    parameters -- dictionary with "W1", "b1", ..., "WL", "bL":
                  Wl -- weight matrix, shape (layer_dims[l], layer_dims[l - 1])
                  bl -- bias vector, shape (layer_dims[l], 1)
    """
    np.random.seed(3)
    parameters = {}
    L = len(layer_dims)  # number of layers, counting the input layer
    ### BEGIN SOLUTION
    for l in range(1, L):
        fan_in = layer_dims[l - 1]
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], fan_in) / np.sqrt(fan_in)
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    ### END SOLUTION
    return parameters


# %% nbgrader={"grade_id": "test_initialize_parameters_deep", "points": 2}
params_deep = initialize_parameters_deep([5, 4, 3])
W1_row0_deep = np.array([0.79989897, 0.19521314, 0.04315498, -0.83337927, -0.12405178])
run_checks(
    "initialize_parameters_deep",
    lambda: check_keys(params_deep, {"W1", "b1", "W2", "b2"},
                       "initialize_parameters_deep([5, 4, 3])"),
    lambda: check_shape(params_deep["W1"], (4, 5), "W1"),
    lambda: check_shape(params_deep["W2"], (3, 4), "W2"),
    lambda: check_array(params_deep["W1"][0], W1_row0_deep, "W1[0] (the first row)",
                        hints=[(W1_row0_deep * np.sqrt(5 / 4), "divided by the square root "
                                "of the layer's own size, not of n_prev = layer_dims[l - 1]?"),
                               (W1_row0_deep * np.sqrt(5) * 0.01, "scaled by 0.01 instead of "
                                                                  "1 / sqrt(n_prev)?"),
                               (W1_row0_deep * np.sqrt(5) / 5, "divided by n_prev instead of "
                                                               "its square root?")]),
    lambda: check_array(params_deep["W2"][:, 0], [-0.59252326, -0.51189257, -0.38441818],
                        "W2[:, 0] (the first column)"),
    lambda: check_array(params_deep["b1"], np.zeros((4, 1)), "b1",
                        hints=[([[-0.01185047], [-0.0020565], [0.01486148], [0.00236716]],
                                "random numbers: the biases start at zero?")]),
    lambda: check_array(params_deep["b2"], np.zeros((3, 1)), "b2"),
)
### BEGIN HIDDEN TESTS
def _hidden_initialize_parameters_deep():
    for _dims in ([3, 6, 4, 2, 1], [10, 1], [2, 5, 5, 5, 5, 1]):
        _what = f"from initialize_parameters_deep({_dims})"
        np.random.seed(3)
        _want = {}
        for _l in range(1, len(_dims)):
            _want[f"W{_l}"] = np.random.randn(_dims[_l], _dims[_l - 1]) / np.sqrt(_dims[_l - 1])
            _want[f"b{_l}"] = np.zeros((_dims[_l], 1))
        np.random.seed(54321)  # the function must seed the generator itself
        _dims_copy = list(_dims)
        _got = initialize_parameters_deep(_dims)
        check_keys(_got, set(_want), f"the dictionary {_what}")
        for _key, _value in _want.items():
            if _key.startswith("W"):
                check_array(_got[_key], _value, f"{_key} {_what}", rtol=1e-6, atol=1e-12)
            else:
                check_array(_got[_key], _value, f"{_key} {_what}", atol=0)
        check_equal(_dims, _dims_copy, "layer_dims after the call (it must not change)")


_hidden_initialize_parameters_deep()
### END HIDDEN TESTS

# %% [markdown]
# The shapes for `layer_dims = [5, 4, 3]`, the first weight matrix, and the typical size (root
# mean square) of each weight matrix next to $1/\sqrt{n^{[l-1]}}$. Single entries scatter
# widely, as random numbers do: in $W^{[1]}$ here from about 0.02 to 0.8 in absolute value. The
# scaling sets their typical size, about $1/\sqrt{5} \approx 0.45$ for $W^{[1]}$ and
# $1/\sqrt{4} = 0.5$ for $W^{[2]}$, much larger than the 0.01 of the two-layer version. (The
# cell checks each of these statements.)

# %% tags=["demo"]
parameters = initialize_parameters_deep([5, 4, 3])
for name, value in parameters.items():
    print(f"{name} {value.shape}")
print("W1 =\n", parameters["W1"])
for l_demo in (1, 2):
    W_demo = parameters["W" + str(l_demo)]
    rms_demo, scale_demo = np.sqrt(np.mean(W_demo ** 2)), 1 / np.sqrt(W_demo.shape[1])
    print(f"W{l_demo}: root mean square {rms_demo:.3f}, 1/sqrt(n_prev) = {scale_demo:.3f}")
    check_between(rms_demo / scale_demo, 0.85, 1.15, f"root mean square of W{l_demo} "
                  "times sqrt(n_prev)", "about 1")
abs_W1 = np.abs(parameters["W1"])
print(f"|entries| of W1: from {abs_W1.min():.3f} to {abs_W1.max():.3f}")
check_between(abs_W1.min(), 0.01, 0.03, "the smallest |entry| of W1", "about 0.02")
check_between(abs_W1.max(), 0.75, 0.9, "the largest |entry| of W1", "about 0.8")

# %% [markdown]
# ## 4 - Forward propagation
#
# ### 4.1 - The linear part
#
# For all $m$ examples at once, layer $l$ first computes
#
# $$Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]},$$
#
# a matrix product of shapes $(n^{[l]}, n^{[l-1]}) \cdot (n^{[l-1]}, m) = (n^{[l]}, m)$, plus
# $b^{[l]}$ of shape $(n^{[l]}, 1)$, which NumPy's broadcasting adds to every column.
#
# ### Exercise 3 - `linear_forward`
#
# Compute `Z` with `np.dot` (or the `@` operator). The function then returns it with the cache
# `(A, W, b)`: these are exactly the three arrays the backward pass of this step needs.

# %% nbgrader={"grade_id": "linear_forward", "solution": true}
# GRADED FUNCTION: linear_forward
def linear_forward(A, W, b):
    """The linear part of a layer's forward pass, for all examples at once.

    Arguments:
    A -- activations of the previous layer (or the input X), shape (n_prev, m)
    W -- weight matrix, shape (n_l, n_prev)
    b -- bias vector, shape (n_l, 1)

    Returns:
    Z -- the input of the activation function, shape (n_l, m)
    cache -- the tuple (A, W, b), kept for the backward pass
    """
    ### BEGIN SOLUTION
    Z = W @ A + b
    ### END SOLUTION
    cache = (A, W, b)
    return Z, cache


# %% nbgrader={"grade_id": "test_linear_forward", "points": 2}
A_in = np.array([[1.0, -2.0], [0.5, 3.0], [-1.0, 0.0]])
W_in = np.array([[2.0, 0.0, 1.0], [-1.0, 4.0, 0.5]])
b_in = np.array([[0.5], [-1.0]])
Z_out, cache_out = linear_forward(A_in, W_in, b_in)
run_checks(
    "linear_forward",
    # Z[0, 0] = 2 * 1 + 0 * 0.5 + 1 * (-1) + 0.5 = 1.5
    lambda: check_array(Z_out, [[1.5, -3.5], [-0.5, 13.0]], "Z",
                        hints=[([[1.5, -5.0], [1.0, 13.0]], "b.T added: b is a column "
                                                             "(n_l, 1), one value per row?")]),
    lambda: check_type(cache_out, tuple, "cache"),
    lambda: check_equal(len(cache_out), 3, "len(cache)"),
    lambda: check_array(cache_out[0], A_in, "cache[0] (should be A)"),
    lambda: check_array(cache_out[1], W_in, "cache[1] (should be W)"),
    lambda: check_array(cache_out[2], b_in, "cache[2] (should be b)"),
)
### BEGIN HIDDEN TESTS
def _hidden_linear_forward():
    for _seed, (_n_prev, _n, _m) in enumerate(((4, 3, 6), (1, 5, 2), (7, 1, 9), (3, 3, 3))):
        _rng = np.random.default_rng(100 + _seed)
        _A = _rng.normal(size=(_n_prev, _m))
        _W = _rng.normal(size=(_n, _n_prev))
        _b = _rng.normal(size=(_n, 1))
        _copies = (_A.copy(), _W.copy(), _b.copy())
        _want = np.einsum("ij,jk->ik", _W, _A) + _b
        _what = f"for W of shape {(_n, _n_prev)} and A of shape {(_n_prev, _m)}"
        _Z, _cache = linear_forward(_A, _W, _b)
        check_array(_Z, _want, f"Z {_what}", rtol=1e-9, atol=1e-12,
                    hints=[(_want - _b, "Z without b: forgot the bias?")])
        check_type(_cache, tuple, f"cache {_what}")
        check_equal(len(_cache), 3, f"len(cache) {_what}")
        for _i, (_name, _orig) in enumerate(zip(("A", "W", "b"), _copies)):
            check_array(_cache[_i], _orig, f"cache[{_i}] {_what} (should be {_name})", atol=0)
        for _name, _orig, _after in zip(("A", "W", "b"), _copies, (_A, _W, _b)):
            check_equal(_after, _orig, f"{_name} after calling linear_forward (must not change)")


_hidden_linear_forward()
### END HIDDEN TESTS

# %% [markdown]
# ### 4.2 - Linear part, then activation
#
# A whole layer is the linear part followed by the activation $g$:
#
# $$A^{[l]} = g(Z^{[l]}) = g(W^{[l]} A^{[l-1]} + b^{[l]}),$$
#
# with $g$ = ReLU in the hidden layers and $g = \sigma$ in the output layer.
#
# ### Exercise 4 - `linear_activation_forward`
#
# In each branch, call `linear_forward` (which gives `Z` and `linear_cache`), then the
# activation, `sigmoid(Z)` or `relu(Z)` from `dlcourse.activations` (which gives `A` and
# `activation_cache`). The function packs both caches into one:
# `cache = (linear_cache, activation_cache)`.

# %% nbgrader={"grade_id": "linear_activation_forward", "solution": true}
# GRADED FUNCTION: linear_activation_forward
def linear_activation_forward(A_prev, W, b, activation):
    """One layer's forward pass: LINEAR, then the activation.

    Arguments:
    A_prev -- activations of the previous layer (or the input X), shape (n_prev, m)
    W -- weight matrix, shape (n_l, n_prev)
    b -- bias vector, shape (n_l, 1)
    activation -- "sigmoid" or "relu"

    Returns:
    A -- the layer's activations, shape (n_l, m)
    cache -- the tuple (linear_cache, activation_cache): linear_cache is (A_prev, W, b) and
             activation_cache is Z, of shape (n_l, m)
    """
    if activation == "sigmoid":
        ### BEGIN SOLUTION
        Z, linear_cache = linear_forward(A_prev, W, b)
        A, activation_cache = sigmoid(Z)
        ### END SOLUTION
    elif activation == "relu":
        ### BEGIN SOLUTION
        Z, linear_cache = linear_forward(A_prev, W, b)
        A, activation_cache = relu(Z)
        ### END SOLUTION
    cache = (linear_cache, activation_cache)
    return A, cache


# %% nbgrader={"grade_id": "test_linear_activation_forward", "points": 2}
A_prev_in = np.array([[1.0, -2.0], [0.5, 3.0], [-1.0, 0.0]])
W_in = np.array([[2.0, 0.0, 1.0], [-1.0, 4.0, 0.5]])
b_in = np.array([[0.5], [-1.0]])
# While linear_activation_forward runs, linear_forward is a stand-in that returns the Z of the
# example of exercise 3 for these inputs, so that this test checks exercise 4 alone.
Z_in = np.array([[1.5, -3.5], [-0.5, 13.0]])
with substituted(globals(), linear_forward=lambda A, W, b: (Z_in.copy(), (A, W, b))):
    A_sig, cache_sig = linear_activation_forward(A_prev_in, W_in, b_in, "sigmoid")
    A_relu, cache_relu = linear_activation_forward(A_prev_in, W_in, b_in, "relu")
run_checks(
    "linear_activation_forward",
    lambda: check_array(A_sig, [[0.81757448, 0.02931223], [0.37754067, 0.99999774]],
                        "A with activation='sigmoid'",
                        hints=[([[1.5, 0.0], [0.0, 13.0]], "relu(Z): sigmoid and relu "
                                                           "swapped?"),
                               (Z_in, "Z itself: the activation is never applied?")]),
    lambda: check_array(A_relu, [[1.5, 0.0], [0.0, 13.0]], "A with activation='relu'",
                        hints=[([[0.90514825, -0.99817790], [-0.46211716, 1.0]],
                                "tanh(Z): the hidden layers use relu?")]),
    lambda: check_type(cache_sig, tuple, "cache"),
    lambda: check_equal(len(cache_sig), 2, "len(cache)"),
    lambda: check_type(cache_sig[0], tuple, "cache[0] (the linear cache)"),
    lambda: check_array(cache_sig[0][1], W_in, "cache[0][1] (W in the linear cache)"),
    lambda: check_array(cache_relu[1], [[1.5, -3.5], [-0.5, 13.0]],
                        "cache[1] (the activation cache, Z)",
                        hints=[([[1.5, 0.0], [0.0, 13.0]], "the activation A, not Z: keep the "
                                                           "activation_cache the activation "
                                                           "returns?")]),
)
### BEGIN HIDDEN TESTS
def _hidden_linear_activation_forward():
    for _seed, (_n_prev, _n, _m) in enumerate(((4, 3, 6), (2, 5, 1), (6, 1, 8))):
        _rng = np.random.default_rng(200 + _seed)
        _A = _rng.normal(size=(_n_prev, _m))
        _W = _rng.normal(size=(_n, _n_prev))
        _b = _rng.normal(size=(_n, 1))
        _Z = np.einsum("ij,jk->ik", _W, _A) + _b
        _outs = {"sigmoid": 1.0 / (1.0 + np.exp(-_Z)), "relu": np.where(_Z > 0, _Z, 0.0)}
        for _act, _want in _outs.items():
            _what = f"with activation='{_act}' for A_prev of shape {(_n_prev, _m)}"
            with substituted(globals(), linear_forward=_linear_forward):
                _got, _cache = linear_activation_forward(_A, _W, _b, _act)
            _other = _outs["relu" if _act == "sigmoid" else "sigmoid"]
            check_array(_got, _want, f"A {_what}", rtol=1e-9, atol=1e-12,
                        hints=[(_other, "the other activation: sigmoid and relu swapped?"),
                               (_Z, "Z itself: the activation is never applied?")])
            check_type(_cache, tuple, f"cache {_what}")
            check_equal(len(_cache), 2, f"len(cache) {_what}")
            check_type(_cache[0], tuple, f"cache[0] (the linear cache) {_what}")
            check_equal(len(_cache[0]), 3, f"len(cache[0]) {_what}")
            for _i, _name, _orig in ((0, "A_prev", _A), (1, "W", _W), (2, "b", _b)):
                check_array(_cache[0][_i], _orig, f"cache[0][{_i}] {_what} (should be {_name})")
            check_array(_cache[1], _Z, f"cache[1] (the activation cache, Z) {_what}",
                        rtol=1e-9, atol=1e-12)


def _linear_forward(A, W, b):  # the names of the original course's signature
    return W @ A + b, (A, W, b)


_hidden_linear_activation_forward()
### END HIDDEN TESTS

# %% [markdown]
# ### 4.3 - The whole network
#
# Now chain the layers: $L-1$ times LINEAR → RELU, then LINEAR → SIGMOID once.
#
# ### Exercise 5 - `L_model_forward`
#
# - In a loop over $l = 1, \dots, L-1$, compute $A^{[l]}$ from $A^{[l-1]}$ with
#   `linear_activation_forward(..., "relu")`, using `parameters["W" + str(l)]` and
#   `parameters["b" + str(l)]`, and append each layer's cache to `caches`.
# - After the loop, compute `AL` $= A^{[L]}$ from $A^{[L-1]}$ with the sigmoid, and append its
#   cache too.
#
# At the end `caches` has $L$ entries, in layer order: `caches[l - 1]` is the cache of layer $l$.
# The function already computes $L$ from the number of entries in `parameters` (two per layer).

# %% nbgrader={"grade_id": "L_model_forward", "solution": true}
# GRADED FUNCTION: L_model_forward
def L_model_forward(X, parameters):
    """Forward pass of [LINEAR -> RELU] * (L - 1) -> LINEAR -> SIGMOID.

    Arguments:
    X -- input data, shape (n_x, m)
    parameters -- dictionary "W1", "b1", ..., "WL", "bL" (as initialize_parameters_deep makes)

    Returns:
    AL -- the output layer's activations (probabilities), shape (n_L, m)
    caches -- list of the L caches of linear_activation_forward, caches[l - 1] for layer l
    """
    caches = []
    A = X
    L = len(parameters) // 2  # number of layers
    ### BEGIN SOLUTION
    for l in range(1, L):
        A_prev = A
        A, cache = linear_activation_forward(A_prev, parameters["W" + str(l)],
                                             parameters["b" + str(l)], activation="relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)],
                                          activation="sigmoid")
    caches.append(cache)
    ### END SOLUTION
    return AL, caches


# %% nbgrader={"grade_id": "test_L_model_forward", "points": 3}
# A network with layer sizes [4, 3, 2, 1] (L = 3) and m = 5 examples.
rng_fwd = np.random.default_rng(18)
X_fwd = rng_fwd.normal(size=(4, 5))
params_fwd = {"W1": rng_fwd.normal(size=(3, 4)), "b1": rng_fwd.normal(size=(3, 1)),
              "W2": rng_fwd.normal(size=(2, 3)), "b2": rng_fwd.normal(size=(2, 1)),
              "W3": rng_fwd.normal(size=(1, 2)), "b3": rng_fwd.normal(size=(1, 1))}


# While L_model_forward runs, linear_activation_forward is a stand-in, so that this test
# checks exercise 5 alone: it returns an A of the right shape filled with W[0, 0] (so the test
# can tell which layer produced it) and the cache ((A_prev, W, b), activation).
def linear_activation_forward_stand_in(A_prev, W, b, activation):
    return np.full((W.shape[0], A_prev.shape[1]), W[0, 0]), ((A_prev, W, b), activation)


with substituted(globals(), linear_activation_forward=linear_activation_forward_stand_in):
    AL_fwd, caches_fwd = L_model_forward(X_fwd, params_fwd)
# The input of layer l is X for l = 1, else the stand-in's output of layer l - 1.
A_prev_fwd = [X_fwd, np.full((3, 5), params_fwd["W1"][0, 0]),
              np.full((2, 5), params_fwd["W2"][0, 0])]


def check_cache_fwd(l):
    name = f"caches[{l - 1}]"
    check_type(caches_fwd[l - 1], tuple, name)
    check_equal(caches_fwd[l - 1][1], "sigmoid" if l == 3 else "relu",
                f"{name}[1] (the activation layer {l} was called with)")
    check_array(caches_fwd[l - 1][0][1], params_fwd[f"W{l}"], f"{name}[0][1] (W of layer {l})")
    check_array(caches_fwd[l - 1][0][2], params_fwd[f"b{l}"], f"{name}[0][2] (b of layer {l})")
    check_array(caches_fwd[l - 1][0][0], A_prev_fwd[l - 1],
                f"{name}[0][0] (A_prev, the input of layer {l})")


run_checks(
    "L_model_forward",
    lambda: check_type(caches_fwd, list, "caches"),
    lambda: check_scalar(len(caches_fwd), 3, "len(caches) (one cache per layer)",
                         hints=[(2, "a layer is missing: the loop runs over l = 1, ..., L - 1, "
                                    "and the output layer's cache is appended too?")]),
    # 1 where a layer was called with "sigmoid", 0 with "relu": only the output layer
    lambda: check_equal(np.array([int(c[1] == "sigmoid") for c in caches_fwd]),
                        np.array([0, 0, 1]), "the sigmoid layers (1 = 'sigmoid', 0 = 'relu')",
                        hints=[([1, 1, 1], "sigmoid in every layer: relu in layers 1 to L - 1?"),
                               ([0, 0, 0], "relu in the output layer too: it needs the sigmoid?"),
                               ([1, 0, 0], "the caches in reverse order: append each layer's "
                                           "cache, in layer order?")]),
    lambda: check_cache_fwd(1),
    lambda: check_cache_fwd(2),
    lambda: check_cache_fwd(3),
    lambda: check_array(AL_fwd, np.full((1, 5), params_fwd["W3"][0, 0]),
                        "AL (here the stand-in's output of layer 3)"),
)
### BEGIN HIDDEN TESTS
def _hidden_L_model_forward():
    for _seed, (_dims, _m) in enumerate((([3, 4, 1], 7), ([5, 4, 4, 3, 2], 6),
                                         ([2, 6, 5, 4, 3, 1], 9))):
        _rng = np.random.default_rng(300 + _seed)
        _L = len(_dims) - 1
        _X = _rng.normal(size=(_dims[0], _m))
        _P = {}
        for _l in range(1, _L + 1):
            _P[f"W{_l}"] = _rng.normal(size=(_dims[_l], _dims[_l - 1]))
            _P[f"b{_l}"] = _rng.normal(size=(_dims[_l], 1))
        _P_copy = {_k: _v.copy() for _k, _v in _P.items()}
        _X_copy = _X.copy()
        _A = _X
        _want_caches = []
        for _l in range(1, _L + 1):
            _Z = np.einsum("ij,jk->ik", _P[f"W{_l}"], _A) + _P[f"b{_l}"]
            _want_caches.append((_A, _P[f"W{_l}"], _P[f"b{_l}"], _Z))
            _A = 1.0 / (1.0 + np.exp(-_Z)) if _l == _L else np.where(_Z > 0, _Z, 0.0)
        _what = f"for a network with layer sizes {_dims}"
        with substituted(globals(), linear_activation_forward=_linear_activation_forward):
            _AL, _caches = L_model_forward(_X, _P)
        _Z_L = _want_caches[-1][3]
        check_array(_AL, _A, f"AL {_what}", rtol=1e-8, atol=1e-12,
                    hints=[(np.maximum(_Z_L, 0), "ReLU on the output layer: the last layer "
                                                 "needs the sigmoid?")])
        check_type(_caches, list, f"caches {_what}")
        check_equal(len(_caches), _L, f"len(caches) {_what}")
        for _l in range(1, _L + 1):
            _A_prev, _W, _b, _Z = _want_caches[_l - 1]
            _c = _caches[_l - 1]
            check_equal(len(_c), 2, f"len(caches[{_l - 1}]) {_what}")
            check_array(_c[0][0], _A_prev, f"caches[{_l - 1}][0][0] (A_prev of layer {_l}) {_what}",
                        rtol=1e-8, atol=1e-12)
            check_array(_c[0][1], _W, f"caches[{_l - 1}][0][1] (W of layer {_l}) {_what}")
            check_array(_c[0][2], _b, f"caches[{_l - 1}][0][2] (b of layer {_l}) {_what}")
            check_array(_c[1], _Z, f"caches[{_l - 1}][1] (Z of layer {_l}) {_what}",
                        rtol=1e-8, atol=1e-12)
        check_equal(_X, _X_copy, "X after calling L_model_forward (it must not change)")
        for _k, _v in _P_copy.items():
            check_equal(_P[_k], _v, f"parameters['{_k}'] after calling L_model_forward "
                        "(it must not change)")


def _linear_activation_forward(A_prev, W, b, activation):  # the original signature's names
    _Z = W @ A_prev + b
    _A = 1.0 / (1.0 + np.exp(-_Z)) if activation == "sigmoid" else np.maximum(_Z, 0.0)
    return _A, ((A_prev, W, b), _Z)


_hidden_L_model_forward()
### END HIDDEN TESTS

# %% [markdown]
# ## 5 - The cost
#
# The output layer gives one probability $a^{[L](i)}$ per example. As for logistic regression,
# the cost is the average cross-entropy loss:
#
# $$J = -\frac{1}{m} \sum_{i=1}^{m} \left( y^{(i)} \log a^{[L](i)}
# + (1 - y^{(i)}) \log\left(1 - a^{[L](i)}\right) \right).$$
#
# ### Exercise 6 - `compute_cost`
#
# Compute $J$ with vectorized operations (`np.log`, `*`, `np.sum`) over all $m$ examples. The
# function then squeezes the result, so that the cost is a single number (shape `()`) and not
# an array like `[[0.41]]`.

# %% nbgrader={"grade_id": "compute_cost", "solution": true}
# GRADED FUNCTION: compute_cost
def compute_cost(AL, Y):
    """The cross-entropy cost.

    Arguments:
    AL -- predicted probabilities, shape (1, m)
    Y -- true labels, 0 or 1, shape (1, m)

    Returns:
    cost -- the cross-entropy cost, a number
    """
    m = Y.shape[1]
    ### BEGIN SOLUTION
    cost = -np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m
    ### END SOLUTION
    cost = np.squeeze(cost)  # turns e.g. [[0.41]] into 0.41
    return cost


# %% nbgrader={"grade_id": "test_compute_cost", "points": 2}
# Probabilities 0.8 for an animal, 0.9 for a non-animal and 0.5 for an animal:
# J = -(log 0.8 + log(1 - 0.9) + log 0.5) / 3
AL_in = np.array([[0.8, 0.9, 0.5]])
Y_in = np.array([[1, 0, 1]])
run_checks(
    "compute_cost",
    lambda: check_scalar(compute_cost(AL_in, Y_in), 1.07295861, "compute_cost(AL, Y)",
                         factors={"m": 3},
                         hints=[(0.30543024, "only the y log(AL) term: the (1 - y) log(1 - AL) "
                                             "term is missing?"),
                                (0.34055042, "log(AL) in the second term: it is "
                                             "(1 - y) log(1 - AL)?")]),
    lambda: check_shape(compute_cost(AL_in, Y_in), (), "compute_cost(AL, Y)"),
)
### BEGIN HIDDEN TESTS
def _hidden_compute_cost():
    for _seed, _m in enumerate((1, 4, 17, 50)):
        _rng = np.random.default_rng(400 + _seed)
        _AL = _rng.uniform(0.02, 0.98, size=(1, _m))
        _Y = _rng.integers(0, 2, size=(1, _m))
        _Y[0, 0] = 1 - _Y[0, -1] if _m > 1 else _Y[0, 0]
        _copies = (_AL.copy(), _Y.copy())
        _want = -float(np.mean(np.where(_Y == 1, np.log(_AL), np.log1p(-_AL))))
        _hints = [(-float(np.mean(_Y * np.log(_AL))),
                   "only the y log(AL) term: the (1 - y) log(1 - AL) term is missing?"),
                  (-float(np.mean(_Y * np.log(_AL) + (1 - _Y) * np.log(_AL))),
                   "log(AL) in the second term: it is (1 - y) log(1 - AL)?")]
        for _labels in (_Y, _Y.astype(float)):
            _got = compute_cost(_AL, _labels)
            check_shape(_got, (), f"compute_cost for m = {_m} examples")
            check_scalar(_got, _want, f"compute_cost for m = {_m} examples", rtol=1e-8,
                         factors={"m": _m}, hints=_hints)
        check_equal(_AL, _copies[0], "AL after calling compute_cost (it must not change)")
        check_equal(_Y, _copies[1], "Y after calling compute_cost (it must not change)")


_hidden_compute_cost()
### END HIDDEN TESTS

# %% [markdown]
# ## 6 - Backward propagation
#
# The backward pass computes how the cost changes with every parameter. In the lectures'
# shorthand, $dW^{[l]}$ stands for $\frac{\partial J}{\partial W^{[l]}}$, and similarly for
# $db^{[l]}$; $dZ^{[l]}$ and $dA^{[l]}$ are the derivatives of the loss with respect to
# $Z^{[l]}$ and $A^{[l]}$, example by example (the $\frac{1}{m}$ of the average is applied once,
# when $dW$ and $db$ are computed). It mirrors the forward pass, from right to left (the
# bottom row of the picture in section 2):
#
# | step | forward | backward |
# |---|---|---|
# | linear | $Z^{[l]}=W^{[l]}A^{[l-1]}+b^{[l]}$ | $dZ^{[l]}\to dA^{[l-1]}, dW^{[l]}, db^{[l]}$ |
# | activation | $A^{[l]} = g(Z^{[l]})$ | $dA^{[l]} \to dZ^{[l]} = dA^{[l]} \odot g'(Z^{[l]})$ |
#
# ### 6.1 - The linear part: derive it yourself
#
# This is the one step of the backward pass you derive rather than copy. You are given
# $dZ^{[l]}$ and the cache $(A^{[l-1]}, W^{[l]}, b^{[l]})$ of the forward step
#
# $$Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]},$$
#
# and you compute $dW^{[l]}$, $db^{[l]}$ and $dA^{[l-1]}$. Within one layer the index $[l]$
# only gets in the way: write $Z$, $W$, $b$, and `A_prev` for $A^{[l-1]}$.
#
# **What the symbols mean** (the lectures' conventions):
#
# - Column $k$ of $Z$, `A_prev`, $dZ$ is example $k$, and the cost is the average of the
#   examples' losses, $J = \frac{1}{m} \sum_{k=1}^{m} \mathcal{L}^{(k)}$. The loss of example
#   $k$ depends on $W$, $b$ and `A_prev` only through column $k$ of $Z$.
# - $dZ$ is known and holds one derivative per example:
#   $dZ_{jk} = \partial \mathcal{L}^{(k)} / \partial Z_{jk}$. Hence
#   $\partial J / \partial Z_{jk} = \frac{1}{m} dZ_{jk}$.
# - `dW` $= \partial J / \partial W$ and `db` $= \partial J / \partial b$ are derivatives of
#   the **cost** $J$; each has the shape of its parameter.
# - `dA_prev` is, like $dZ$, one derivative per example:
#   $dA_{prev,\,pk} = \partial \mathcal{L}^{(k)} / \partial A_{prev,\,pk}$, of shape
#   $(n^{[l-1]}, m)$. The layer below uses it as its own $dA$.
#
# **How to derive.** Write one entry of the forward step,
#
# $$Z_{jk} = \sum_{p=1}^{n^{[l-1]}} W_{jp} \, A_{prev,\,pk} + b_j .$$
#
# Take one entry of $W$ (then of $b$, then of `A_prev`), find every $Z_{jk}$ it appears
# in, and add up the chain rule over them. Then write the sum you get for all entries at once
# as a matrix product or a sum along one axis.
#
# ### Exercise 7 - `linear_backward`
#
# Implement your three results, vectorized (no loop over the examples or the units). The
# tests compare them with gradients estimated numerically from the definitions above, so any
# correct form is accepted. The function already unpacks the cache and sets `m`.
#
# <details><summary>Hints</summary>
#
# - A gradient has the shape of what it is the gradient of. Compare your result's shape with
#   that of $W$, $b$ or `A_prev` before you compare values.
# - A sum over $k$ of a product of two matrix entries is an entry of a matrix product, once
#   the shared index is the inner one (`.T` moves it there).
# - `np.sum(x, axis=..., keepdims=True)` sums along one axis and keeps the result 2-D.
# - Where does the $\frac{1}{m}$ go? Look at which of the four arrays are derivatives of $J$
#   and which are derivatives of one example's loss.
# </details>

# %% nbgrader={"grade_id": "linear_backward", "solution": true}
# GRADED FUNCTION: linear_backward
def linear_backward(dZ, cache):
    """The linear part of a layer's backward pass.

    Arguments:
    dZ -- gradient of the loss with respect to this layer's Z, shape (n_l, m)
    cache -- the tuple (A_prev, W, b) stored by linear_forward

    Returns:
    dA_prev -- gradient with respect to the previous layer's activations, shape (n_prev, m)
    dW -- gradient of the cost with respect to W, shape (n_l, n_prev)
    db -- gradient of the cost with respect to b, shape (n_l, 1)
    """
    A_prev, W, b = cache
    m = A_prev.shape[1]
    ### BEGIN SOLUTION
    dW = (dZ @ A_prev.T) / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = W.T @ dZ
    ### END SOLUTION
    return dA_prev, dW, db


# %% nbgrader={"grade_id": "test_linear_backward", "points": 3}
# A layer with n_prev = 3 inputs, n_l = 2 units and m = 4 examples (all shapes differ, so a
# transposed result shows up as a wrong shape). The expected values are the derivatives of the
# cost J(W, b, A_prev) = (1/m) * sum(dZ * (W A_prev + b)), whose derivative with respect to
# Z is dZ / m, as the definitions require (dA_prev is m times the derivative of J).
dZ_in = np.array([[1.0, -1.0, 2.0, 0.0], [0.5, 2.0, -1.0, 1.0]])
lin_cache_in = (np.array([[1.0, -2.0, 0.0, 3.0], [0.5, 3.0, 1.0, -1.0], [-1.0, 0.0, 2.0, 1.0]]),
                np.array([[2.0, 0.0, 1.0], [-1.0, 4.0, 0.5]]),
                np.array([[0.5], [-1.0]]))
dA_prev_out, dW_out, db_out = linear_backward(dZ_in, lin_cache_in)
dW_expected = np.array([[0.75, -0.125, 0.75], [-0.125, 1.0625, -0.375]])


def check_db_axis(db):
    # db with one entry per example (4) instead of one per unit (2): the sum ran over axis 0.
    if np.shape(db) in ((1, 4), (4,)):
        raise CheckFailed(f"db has shape {np.shape(db)}, one entry per example; expected (2, 1), "
                          "one entry per unit like b\n  likely cause: summed over the units "
                          "(axis 0) instead of the examples?")


run_checks(
    "linear_backward",
    lambda: check_array(dW_out, dW_expected, "dW (shape of W)", factors={"m": 4},
                        hints=[(dW_expected * 4 / 2, "divided by the number of units, "
                                                     "dZ.shape[0], instead of m?"),
                               (dW_expected * 4 / 3, "divided by A_prev.shape[0] instead of "
                                                     "m = A_prev.shape[1]?")]),
    lambda: check_db_axis(db_out),
    lambda: check_array(db_out, [[0.5], [0.625]], "db (shape of b: one entry per unit)",
                        factors={"m": 4}),
    lambda: check_array(dA_prev_out, [[1.5, -4.0, 5.0, -1.0], [2.0, 8.0, -4.0, 4.0],
                                      [1.25, 0.0, 1.5, 0.5]], "dA_prev (shape of A_prev)",
                        factors={"m": 4}),
)
### BEGIN HIDDEN TESTS
def _hidden_linear_backward():
    def _numerical(_f, _x, _eps=1e-5):
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

    for _seed, (_n_prev, _n, _m) in enumerate(((4, 3, 6), (1, 5, 2), (6, 1, 9), (3, 3, 3),
                                               (2, 4, 5))):
        _rng = np.random.default_rng(500 + _seed)
        _A = _rng.normal(size=(_n_prev, _m))
        _W = _rng.normal(size=(_n, _n_prev))
        _b = _rng.normal(size=(_n, 1))
        _dZ = _rng.normal(size=(_n, _m))
        _copies = (_A.copy(), _W.copy(), _b.copy(), _dZ.copy())
        _what = f"for dZ of shape {(_n, _m)} and A_prev of shape {(_n_prev, _m)}"
        _dA, _dW, _db = linear_backward(_dZ, (_A, _W, _b))
        for _name, _orig, _after in zip(("A_prev", "W", "b", "dZ"), _copies, (_A, _W, _b, _dZ)):
            check_equal(_after, _orig, f"{_name} after calling linear_backward (must not change)")
        # The oracle: numerical derivatives of J = (1/m) sum(dZ * (W A_prev + b)), whose
        # derivative with respect to Z is dZ / m (dA_prev: m times the derivative of J).
        _P = [_A.copy(), _W.copy(), _b.copy()]

        def _J():
            return float(np.sum(_dZ * (_P[1] @ _P[0] + _P[2]))) / _m

        _num_dA = _numerical(_J, _P[0]) * _m
        _num_dW = _numerical(_J, _P[1])
        _num_db = _numerical(_J, _P[2])
        _tol = {"rtol": 1e-6, "atol": 1e-8}
        check_array(_dW, _num_dW, f"dW {_what}", **_tol, factors={"m": _m, "n_prev": _n_prev},
                    hints=[(_num_dW * _m / _n_prev, "divided by A_prev.shape[0] instead of "
                                                    "m = A_prev.shape[1]?"),
                           (_num_dW * _m / _n, "divided by the number of units, dZ.shape[0], "
                                               "instead of m?")])
        if _n != _m and np.shape(_db) in ((1, _m), (_m,)):
            raise CheckFailed(f"db {_what} has shape {np.shape(_db)}, one entry per example; "
                              f"expected {(_n, 1)}\n  likely cause: summed over the units "
                              "(axis 0) instead of the examples?")
        check_array(_db, _num_db, f"db {_what}", **_tol, factors={"m": _m},
                    hints=[(_num_db * _m / _n_prev, "divided by A_prev.shape[0] instead of "
                                                    "m = A_prev.shape[1]?")])
        check_array(_dA, _num_dA, f"dA_prev {_what}", **_tol, factors={"m": _m},
                    hints=[(_W @ _dZ if _n == _n_prev else None, "W instead of W.T?")])
        # The same against the closed forms, to a tighter tolerance.
        check_array(_dW, np.einsum("ik,jk->ij", _dZ, _A) / _m, f"dW {_what}", rtol=1e-9,
                    atol=1e-12)
        check_array(_db, _dZ.mean(axis=1).reshape(_n, 1), f"db {_what}", rtol=1e-9,
                    atol=1e-12)
        check_array(_dA, np.einsum("ji,jk->ik", _W, _dZ), f"dA_prev {_what}", rtol=1e-9,
                    atol=1e-12)


_hidden_linear_backward()
### END HIDDEN TESTS

# %% [markdown]
# ### 6.2 - Activation, then linear part
#
# Going backward through a whole layer means first undoing the activation, then the linear
# part:
#
# $$dZ^{[l]} = dA^{[l]} \odot g'(Z^{[l]}),$$
#
# where $\odot$ is the elementwise product. `relu_backward` and `sigmoid_backward` from
# `dlcourse.activations` compute this $dZ^{[l]}$ for you from `dA` and the activation cache
# ($Z^{[l]}$).
#
# ### Exercise 8 - `linear_activation_backward`
#
# In each branch, compute `dZ` with the matching backward function and the activation cache,
# then `dA_prev, dW, db` with `linear_backward` and the linear cache.

# %% nbgrader={"grade_id": "linear_activation_backward", "solution": true}
# GRADED FUNCTION: linear_activation_backward
def linear_activation_backward(dA, cache, activation):
    """One layer's backward pass: the activation, then the linear part.

    Arguments:
    dA -- gradient of the loss with respect to this layer's activations, shape (n_l, m)
    cache -- the tuple (linear_cache, activation_cache) stored by linear_activation_forward
    activation -- "sigmoid" or "relu", the activation this layer used

    Returns:
    dA_prev -- gradient with respect to the previous layer's activations, shape (n_prev, m)
    dW -- gradient of the cost with respect to W, shape (n_l, n_prev)
    db -- gradient of the cost with respect to b, shape (n_l, 1)
    """
    linear_cache, activation_cache = cache
    if activation == "relu":
        ### BEGIN SOLUTION
        dZ = relu_backward(dA, activation_cache)
        dA_prev, dW, db = linear_backward(dZ, linear_cache)
        ### END SOLUTION
    elif activation == "sigmoid":
        ### BEGIN SOLUTION
        dZ = sigmoid_backward(dA, activation_cache)
        dA_prev, dW, db = linear_backward(dZ, linear_cache)
        ### END SOLUTION
    return dA_prev, dW, db


# %% nbgrader={"grade_id": "test_linear_activation_backward", "points": 2}
dA_in = np.array([[1.0, -1.0], [0.5, 2.0]])
act_cache_in = ((np.array([[1.0, -2.0], [0.5, 3.0], [-1.0, 0.0]]),
                 np.array([[2.0, 0.0, 1.0], [-1.0, 4.0, 0.5]]),
                 np.array([[0.5], [-1.0]])),
                np.array([[1.5, -3.5], [-0.5, 13.0]]))



# While linear_activation_backward runs, linear_backward is a stand-in that returns the dZ it
# receives in place of dA_prev, and the W and b of the linear cache in place of dW and db, so
# that this test checks exercise 8 alone (which dZ, which cache it passes on).
def linear_backward_stand_in(dZ, cache):
    return dZ, cache[1], cache[2]


with substituted(globals(), linear_backward=linear_backward_stand_in):
    dA_prev_relu, dW_relu, db_relu = linear_activation_backward(dA_in, act_cache_in, "relu")
    dA_prev_sig, dW_sig, db_sig = linear_activation_backward(dA_in, act_cache_in, "sigmoid")
run_checks(
    "linear_activation_backward",
    # ReLU: Z[0, 1] and Z[1, 0] are negative, so dZ = [[1, 0], [0, 2]].
    lambda: check_array(dA_prev_relu, [[1.0, 0.0], [0.0, 2.0]],
                        "dZ passed to linear_backward (relu)",
                        hints=[([[1.4914645207e-01, -2.8453023880e-02],
                                 [1.1750185610e-01, 4.5206383778e-06]],
                                "sigmoid_backward in the relu branch: the two swapped?"),
                               (dA_in, "dA itself: relu_backward is never applied?"),
                               ([[1.0, 0.0], [0.5, 2.0]], "dA let through where Z <= 0: "
                                                          "relu'(Z) is 1 only where Z > 0?")]),
    # sigmoid: dZ = dA * s * (1 - s) with s = sigmoid(Z)
    lambda: check_array(dA_prev_sig, [[1.4914645207e-01, -2.8453023880e-02],
                                      [1.1750185610e-01, 4.5206383778e-06]],
                        "dZ passed to linear_backward (sigmoid)", rtol=1e-8,
                        hints=[([[-0.75, 15.75], [-0.375, -312.0]], "dA * Z * (1 - Z): the "
                                "sigmoid's derivative is s (1 - s) with s = sigmoid(Z)?")]),
    lambda: check_array(dW_relu, act_cache_in[0][1], "the W of the linear cache passed on"),
    lambda: check_array(db_sig, act_cache_in[0][2], "the b of the linear cache passed on"),
)
### BEGIN HIDDEN TESTS
def _hidden_linear_activation_backward():
    for _seed, (_n_prev, _n, _m) in enumerate(((4, 3, 6), (2, 5, 1), (6, 1, 8))):
        _rng = np.random.default_rng(600 + _seed)
        _A = _rng.normal(size=(_n_prev, _m))
        _W = _rng.normal(size=(_n, _n_prev))
        _b = _rng.normal(size=(_n, 1))
        _Z = np.einsum("ij,jk->ik", _W, _A) + _b
        _dA = _rng.normal(size=(_n, _m))
        _s = 1.0 / (1.0 + np.exp(-_Z))
        _dZs = {"relu": np.where(_Z > 0, _dA, 0.0), "sigmoid": _dA * _s * (1 - _s)}
        for _act, _dZ in _dZs.items():
            _what = f"with activation='{_act}' for dA of shape {(_n, _m)}"
            with substituted(globals(), linear_backward=_linear_backward):
                _dA_prev, _dW, _db = linear_activation_backward(_dA, ((_A, _W, _b), _Z), _act)
            _other = _dZs["sigmoid" if _act == "relu" else "relu"]
            _hints = [(_W.T @ _other, "the other backward function: relu_backward and "
                                      "sigmoid_backward swapped?"),
                      (_W.T @ _dA, "dA passed on as dZ: the activation's backward step is "
                                   "skipped?")]
            check_array(_dA_prev, np.einsum("ji,jk->ik", _W, _dZ), f"dA_prev {_what}",
                        rtol=1e-8, atol=1e-12, hints=_hints)
            check_array(_dW, np.einsum("ik,jk->ij", _dZ, _A) / _m, f"dW {_what}", rtol=1e-8,
                        atol=1e-12)
            check_array(_db, _dZ.mean(axis=1).reshape(_n, 1), f"db {_what}", rtol=1e-8,
                        atol=1e-12)


def _linear_backward(dZ, cache):  # the names of the original course's signature
    _A_prev, _W, _b = cache
    return (_W.T @ dZ, dZ @ _A_prev.T / _A_prev.shape[1],
            dZ.sum(axis=1, keepdims=True) / _A_prev.shape[1])


_hidden_linear_activation_backward()
### END HIDDEN TESTS

# %% [markdown]
# ### 6.3 - The whole network
#
# The backward pass starts at the output, with $dA^{[L]} = \partial \mathcal{L} / \partial
# A^{[L]}$: the derivative of the cross-entropy loss
# $\mathcal{L}(a, y) = -y \log a - (1 - y) \log (1 - a)$ with respect to the network's output
# $a$, taken element by element with $a = A^{[L]}$ and $y = Y$. Derive it (it is the first step
# of the derivation of $dz = a - y$ in week 2) and write it with elementwise operations on `AL`
# and `Y`. A check for your formula: at $a = 0.8, y = 1$ it gives $-1.25$, and at
# $a = 0.4, y = 0$ it gives $5/3$. From there, go through the layers from $L$ down to 1, each
# time feeding the $dA$ that the layer above produced:
#
# 1. layer $L$: sigmoid backward with `caches[L - 1]` gives $dA^{[L-1]}, dW^{[L]}, db^{[L]}$;
# 2. layers $l = L-1, \dots, 1$: ReLU backward with `caches[l - 1]` and $dA^{[l]}$ gives
#    $dA^{[l-1]}, dW^{[l]}, db^{[l]}$.
#
# Store everything in the dictionary `grads` under these keys:
#
# $$\texttt{grads["dA" + str(l - 1)]} = dA^{[l-1]}, \quad
# \texttt{grads["dW" + str(l)]} = dW^{[l]}, \quad
# \texttt{grads["db" + str(l)]} = db^{[l]} \qquad (l = 1, \dots, L).$$
#
# So `grads` ends up with `"dA0"`, ..., `"dA" + str(L - 1)` and `"dW1"`, `"db1"`, ...,
# `"dW" + str(L)`, `"db" + str(L)`; `"dA0"` is the gradient with respect to the input $X$.
#
# ### Exercise 9 - `L_model_backward`

# %% nbgrader={"grade_id": "L_model_backward", "solution": true}
# GRADED FUNCTION: L_model_backward
def L_model_backward(AL, Y, caches):
    """Backward pass of [LINEAR -> RELU] * (L - 1) -> LINEAR -> SIGMOID.

    Arguments:
    AL -- output of L_model_forward (probabilities), shape (1, m)
    Y -- true labels, 0 or 1, shape (1, m)
    caches -- the list of L caches returned by L_model_forward

    Returns:
    grads -- dictionary with, for l = 1, ..., L,
             grads["dA" + str(l - 1)] -- gradient with respect to A of layer l - 1 (dA0: X)
             grads["dW" + str(l)] -- gradient of the cost with respect to W of layer l
             grads["db" + str(l)] -- gradient of the cost with respect to b of layer l
    """
    grads = {}
    L = len(caches)  # number of layers
    Y = Y.reshape(AL.shape)  # Y now has the same shape as AL
    ### BEGIN SOLUTION
    dAL = -(Y / AL - (1 - Y) / (1 - AL))
    dA = dAL
    for l in range(L, 0, -1):
        activation = "sigmoid" if l == L else "relu"
        dA_prev, dW, db = linear_activation_backward(dA, caches[l - 1], activation)
        grads["dA" + str(l - 1)] = dA_prev
        grads["dW" + str(l)] = dW
        grads["db" + str(l)] = db
        dA = dA_prev
    ### END SOLUTION
    return grads


# %% nbgrader={"grade_id": "test_L_model_backward", "points": 3}
# A network with layer sizes [4, 3, 2, 1] (L = 3) and m = 2 examples. The caches have the
# shapes L_model_forward gives them; every array in the cache of layer l is filled with the
# number l. While L_model_backward runs, linear_activation_backward is a stand-in, so that this
# test checks exercise 9 alone: for the layer l of the cache it gets, it returns
#   dA_prev filled with l,  dW filled with 10 l (+ 1 if it was asked for "sigmoid"),
#   db filled with the mean of the dA it received.
# With AL = [[0.8, 0.4]] and Y = [[1, 0]], dAL (the derivative you derived) = [[-1.25, 5/3]],
# whose mean is 5/24: so db3 is 5/24, dW3 is 31, dA2 is 3, db2 = 3, dW2 = 20, dA1 = 2, ...
def linear_activation_backward_stand_in(dA, cache, activation):
    (A_prev, W, b), Z = cache
    l = W[0, 0]
    return (np.full(A_prev.shape, l), np.full(W.shape, 10 * l + (activation == "sigmoid")),
            np.full(b.shape, np.mean(dA)))


sizes_bwd = [4, 3, 2, 1]
caches_bwd = [((np.full((sizes_bwd[l - 1], 2), float(l)),
                np.full((sizes_bwd[l], sizes_bwd[l - 1]), float(l)),
                np.full((sizes_bwd[l], 1), float(l))), np.full((sizes_bwd[l], 2), float(l)))
              for l in (1, 2, 3)]
AL_bwd = np.array([[0.8, 0.4]])
Y_bwd = np.array([[1, 0]])
with substituted(globals(), linear_activation_backward=linear_activation_backward_stand_in):
    grads_bwd = L_model_backward(AL_bwd, Y_bwd, caches_bwd)
run_checks(
    "L_model_backward",
    lambda: check_keys(grads_bwd, {"dA0", "dA1", "dA2", "dW1", "db1", "dW2", "db2", "dW3",
                                   "db3"}, "grads"),
    lambda: check_array(grads_bwd["db3"], [[5 / 24]],
                        "grads['db3'] (the mean of the dAL passed to layer 3)"),
    lambda: check_array(grads_bwd["dW3"], [[31.0, 31.0]],
                        "grads['dW3'] (31: layer 3 with the sigmoid)"),
    lambda: check_array(grads_bwd["dA2"], np.full((2, 2), 3.0), "grads['dA2'] (from layer 3)"),
    lambda: check_array(grads_bwd["db2"], np.full((2, 1), 3.0),
                        "grads['db2'] (the mean of the dA passed to layer 2)"),
    lambda: check_array(grads_bwd["dW2"], np.full((2, 3), 20.0),
                        "grads['dW2'] (20: layer 2 with relu)"),
    lambda: check_array(grads_bwd["dW1"], np.full((3, 4), 10.0),
                        "grads['dW1'] (10: layer 1 with relu)"),
    lambda: check_array(grads_bwd["db1"], np.full((3, 1), 2.0),
                        "grads['db1'] (the mean of the dA passed to layer 1)"),
    lambda: check_array(grads_bwd["dA0"], np.full((4, 2), 1.0), "grads['dA0'] (from layer 1)"),
)
### BEGIN HIDDEN TESTS
def _hidden_L_model_backward():
    def _forward(_X, _P, _L):
        _A, _caches = _X, []
        for _l in range(1, _L + 1):
            _Z = np.einsum("ij,jk->ik", _P[f"W{_l}"], _A) + _P[f"b{_l}"]
            _caches.append(((_A, _P[f"W{_l}"], _P[f"b{_l}"]), _Z))
            _A = 1.0 / (1.0 + np.exp(-_Z)) if _l == _L else np.where(_Z > 0, _Z, 0.0)
        return _A, _caches

    def _cost(_X, _P, _Y, _L):
        _AL = _forward(_X, _P, _L)[0]
        return -float(np.mean(np.where(_Y == 1, np.log(_AL), np.log1p(-_AL))))

    def _numerical(_f, _x, _eps=1e-6):
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

    def _agree(_got, _num, _name):
        _diff = np.linalg.norm(np.asarray(_got, float) - _num)
        _rel = _diff / max(np.linalg.norm(np.asarray(_got, float)) + np.linalg.norm(_num), 1e-12)
        if _rel > 1e-6:
            raise CheckFailed(f"{_name} disagrees with a numerical estimate of the gradient of "
                              f"the cost (central differences): relative difference {_rel:.2e}, "
                              "it must be below 1e-06")

    for _seed, (_dims, _m) in enumerate((([3, 4, 1], 5), ([4, 5, 3, 2, 1], 6),
                                         ([2, 3, 3, 1], 8))):
        _rng = np.random.default_rng(700 + _seed)
        _L = len(_dims) - 1
        _P = {}
        for _l in range(1, _L + 1):
            _P[f"W{_l}"] = _rng.normal(size=(_dims[_l], _dims[_l - 1]))
            _P[f"b{_l}"] = 0.5 * _rng.normal(size=(_dims[_l], 1))
        _X = _rng.normal(size=(_dims[0], _m))
        _Y = _rng.integers(0, 2, size=(1, _m))
        _Y[0, :2] = (0, 1)
        _AL, _caches = _forward(_X, _P, _L)
        _what = f"for a network with layer sizes {_dims}"
        # Independent analytic backward pass (same conventions as the lectures).
        _want = {}
        _dA = (_AL - _Y) / (_AL * (1 - _AL))
        for _l in range(_L, 0, -1):
            (_A_prev, _W, _b), _Z = _caches[_l - 1]
            if _l == _L:
                _s = 1.0 / (1.0 + np.exp(-_Z))
                _dZ = _dA * _s * (1 - _s)
            else:
                _dZ = np.where(_Z > 0, _dA, 0.0)
            _want[f"dW{_l}"] = np.einsum("ik,jk->ij", _dZ, _A_prev) / _m
            _want[f"db{_l}"] = _dZ.mean(axis=1).reshape(-1, 1)
            _dA = np.einsum("ji,jk->ik", _W, _dZ)
            _want[f"dA{_l - 1}"] = _dA
        _AL_copy = _AL.copy()
        with substituted(globals(), linear_activation_backward=_linear_activation_backward):
            _grads = L_model_backward(_AL, _Y, _caches)
        check_keys(_grads, set(_want), f"grads {_what}")
        for _key, _value in _want.items():
            check_array(_grads[_key], _value, f"grads['{_key}'] {_what}", rtol=1e-7, atol=1e-10,
                        factors={"m": _m})
        check_equal(_AL, _AL_copy, "AL after calling L_model_backward (it must not change)")
        # Numerical gradients of the cost with respect to every W, b and (times m) the input X.
        for _key in sorted(_P):
            _num = _numerical(lambda: _cost(_X, _P, _Y, _L), _P[_key])
            _agree(_grads["d" + _key], _num, f"grads['d{_key}'] {_what}")
        _num_X = _numerical(lambda: _cost(_X, _P, _Y, _L), _X) * _m
        _agree(_grads["dA0"], _num_X, f"grads['dA0'] (compared with m times the numerical "
               f"gradient with respect to X) {_what}")
    # Labels given as floats, and as a flat vector, are accepted too.
    with substituted(globals(), linear_activation_backward=_linear_activation_backward):
        _grads_f = L_model_backward(_AL, _Y.astype(float).ravel(), _caches)
    check_array(_grads_f["dW1"], _want["dW1"], "grads['dW1'] when Y is a float vector",
                rtol=1e-7, atol=1e-10)


def _linear_activation_backward(dA, cache, activation):  # the original signature's names
    (_A_prev, _W, _b), _Z = cache
    _dZ = sigmoid_backward(dA, _Z) if activation == "sigmoid" else relu_backward(dA, _Z)
    return (_W.T @ _dZ, _dZ @ _A_prev.T / _A_prev.shape[1],
            _dZ.sum(axis=1, keepdims=True) / _A_prev.shape[1])


_hidden_L_model_backward()
### END HIDDEN TESTS

# %% [markdown]
# ## 7 - Gradient descent
#
# One step of gradient descent moves every parameter a little downhill:
#
# $$W^{[l]} := W^{[l]} - \alpha \, dW^{[l]}, \qquad b^{[l]} := b^{[l]} - \alpha \, db^{[l]}
# \qquad (l = 1, \dots, L),$$
#
# where $\alpha$ is the `learning_rate`.
#
# ### Exercise 10 - `update_parameters`
#
# Return the updated parameters in a **new** dictionary and leave `params` (the dictionary and
# its arrays) unchanged: code that calls `update_parameters` may still need the old values, for
# example to compare the cost before and after a step. Two ways to do it:
#
# - start from a deep copy, `copy.deepcopy(params)`, which copies the dictionary **and** its
#   arrays, then update the copy (even with `-=`);
# - or fill an empty dictionary with new arrays, `W - learning_rate * dW`.
#
# Beware of `-=` on the original arrays: `params["W1"] -= ...` changes the caller's array in
# place, even if you stored it in another dictionary first.

# %% nbgrader={"grade_id": "update_parameters", "solution": true}
# GRADED FUNCTION: update_parameters
def update_parameters(params, grads, learning_rate):
    """One step of gradient descent.

    Arguments:
    params -- dictionary "W1", "b1", ..., "WL", "bL" (not modified)
    grads -- dictionary with "dW1", "db1", ..., "dWL", "dbL" (as L_model_backward returns)
    learning_rate -- the step size alpha, a positive number

    Returns:
    parameters -- a new dictionary with the updated "W1", "b1", ..., "WL", "bL"
    """
    L = len(params) // 2  # number of layers
    ### BEGIN SOLUTION
    parameters = copy.deepcopy(params)
    for l in range(1, L + 1):
        parameters["W" + str(l)] -= learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] -= learning_rate * grads["db" + str(l)]
    ### END SOLUTION
    return parameters


# %% nbgrader={"grade_id": "test_update_parameters", "points": 2}
params_in = {"W1": np.array([[1.0, -2.0], [0.5, 0.0]]), "b1": np.array([[0.1], [-0.3]]),
             "W2": np.array([[2.0, -1.0]]), "b2": np.array([[0.5]])}
grads_in = {"dW1": np.array([[0.5, 1.0], [-1.0, 2.0]]), "db1": np.array([[1.0], [0.0]]),
            "dW2": np.array([[-2.0, 0.5]]), "db2": np.array([[0.25]]),
            "dA0": np.ones((2, 3)), "dA1": np.ones((2, 3))}
W1_before = params_in["W1"].copy()
params_out = update_parameters(params_in, grads_in, 0.1)
run_checks(
    "update_parameters",
    lambda: check_keys(params_out, {"W1", "b1", "W2", "b2"}, "the updated parameters"),
    lambda: check_unchanged(W1_before, params_in["W1"], "params['W1']"),
    lambda: check_array(params_out["W1"], [[0.95, -2.1], [0.6, -0.2]], "W1 after one step",
                        hints=[([[1.05, -1.9], [0.4, 0.2]], "a step uphill: + learning_rate * dW "
                                                            "instead of -?"),
                               ([[0.5, -3.0], [1.5, -2.0]], "learning_rate forgotten: W - dW?")]),
    lambda: check_array(params_out["b1"], [[0.0], [-0.3]], "b1 after one step",
                        hints=[([[0.1], [-0.3]], "b1 not updated: are the biases updated too?")]),
    lambda: check_array(params_out["W2"], [[2.2, -1.05]], "W2 after one step",
                        hints=[([[2.0, -1.0]], "W2 not updated: does the loop reach the last "
                                               "layer, l = L?")]),
    lambda: check_array(params_out["b2"], [[0.475]], "b2 after one step"),
)
### BEGIN HIDDEN TESTS
def _hidden_update_parameters():
    for _seed, (_dims, _lr) in enumerate((([3, 4, 1], 0.05), ([5, 4, 3, 2, 1], 1.3),
                                          ([2, 1], 0.0075))):
        _rng = np.random.default_rng(800 + _seed)
        _L = len(_dims) - 1
        _P, _G = {}, {}
        for _l in range(1, _L + 1):
            _P[f"W{_l}"] = _rng.normal(size=(_dims[_l], _dims[_l - 1]))
            _P[f"b{_l}"] = _rng.normal(size=(_dims[_l], 1))
            _G[f"dW{_l}"] = _rng.normal(size=(_dims[_l], _dims[_l - 1]))
            _G[f"db{_l}"] = _rng.normal(size=(_dims[_l], 1))
            _G[f"dA{_l - 1}"] = _rng.normal(size=(_dims[_l - 1], 3))
        _P_copy = {_k: _v.copy() for _k, _v in _P.items()}
        _G_copy = {_k: _v.copy() for _k, _v in _G.items()}
        _what = f"for layer sizes {_dims} and learning_rate {_lr}"
        _got = update_parameters(_P, _G, _lr)
        check_keys(_got, set(_P_copy), f"the updated parameters {_what}")
        for _k, _v in _P_copy.items():
            _g = _G_copy["d" + _k]
            check_array(_got[_k], _v - _lr * _g, f"{_k} after one step {_what}",
                        rtol=1e-9, atol=1e-12,
                        hints=[(_v - _g, "learning_rate forgotten: W - dW instead of "
                                         "W - learning_rate * dW?"),
                               (_v + _lr * _g, "a step uphill: + learning_rate * dW instead "
                                               "of -?"),
                               (_v, f"{_k} not updated: does the loop reach every layer, "
                                    "and update both W and b?")])
        check_keys(_P, set(_P_copy), "params after calling update_parameters (must not change)")
        for _k, _v in _P_copy.items():
            check_equal(_P[_k], _v, f"params['{_k}'] after calling update_parameters "
                        "(the input must not change)")
        for _k, _v in _G_copy.items():
            check_equal(_G[_k], _v, f"grads['{_k}'] after calling update_parameters "
                        "(must not change)")


_hidden_update_parameters()
### END HIDDEN TESTS

# %% [markdown]
# ## 8 - Is the backward pass right? A numerical check
#
# A backward pass can be wrong in ways no shape check notices: a missing factor, a wrong sign
# in one layer. The derivative has a definition that needs no calculus, though: nudge one
# parameter $\theta$ by a tiny $\varepsilon$ in both directions and watch the cost,
#
# $$\frac{\partial J}{\partial \theta} \approx
# \frac{J(\theta + \varepsilon) - J(\theta - \varepsilon)}{2 \varepsilon}.$$
#
# This costs two forward passes per parameter (far too slow for training, fine for a check on
# a small network). The cell below compares it with your `L_model_backward` for every weight and
# bias of a network with layer sizes $[4, 5, 3, 1]$ and 10 examples. Course 2 returns to this
# technique, called **gradient checking**.

# %% tags=["demo"]
rng_check = np.random.default_rng(2024)
X_check = rng_check.normal(size=(4, 10))
Y_check = (rng_check.uniform(size=(1, 10)) > 0.5).astype(int)
params_check = initialize_parameters_deep([4, 5, 3, 1])

AL_check, caches_check = L_model_forward(X_check, params_check)
grads_check = L_model_backward(AL_check, Y_check, caches_check)

epsilon = 1e-6
analytic, numerical = [], []
for name, value in params_check.items():
    for index in np.ndindex(value.shape):
        original = value[index]
        value[index] = original + epsilon
        cost_plus = compute_cost(L_model_forward(X_check, params_check)[0], Y_check)
        value[index] = original - epsilon
        cost_minus = compute_cost(L_model_forward(X_check, params_check)[0], Y_check)
        value[index] = original
        numerical.append((cost_plus - cost_minus) / (2 * epsilon))
        analytic.append(grads_check["d" + name][index])
analytic, numerical = np.array(analytic), np.array(numerical)
difference = np.linalg.norm(analytic - numerical) / (np.linalg.norm(analytic)
                                                     + np.linalg.norm(numerical))
print(f"{analytic.size} parameters, relative difference {difference:.1e}")

# %% [markdown]
# Every point should sit on the diagonal: the backward pass and the numerical estimate agree.
# The relative difference $\frac{\lVert g - g_{num} \rVert}{\lVert g \rVert + \lVert g_{num}
# \rVert}$ is below $10^{-7}$ (the cell asserts it); a bug typically gives something of the
# order of $10^{-1}$ or more.

# %% tags=["demo"]
fig, ax = plt.subplots(figsize=(4.5, 4.5))
ax.plot(numerical, analytic, "o", markersize=4)
limit = 1.1 * np.abs(numerical).max()
ax.plot([-limit, limit], [-limit, limit], "k--", linewidth=0.8, label="analytic = numerical")
ax.set_xlabel("numerical estimate")
ax.set_ylabel("your L_model_backward")
ax.set_title(f"{analytic.size} gradients, relative difference {difference:.0e}")
ax.legend(frameon=False)
plt.show()
assert difference < 1e-7, f"relative difference {difference:.2e}: check L_model_backward"

# %% [markdown]
# ## 9 - Why the scale of the initial weights matters
#
# Section 3.2 claimed that weights of size 0.01 make the signal vanish in a deep network. Here is
# the experiment: a network with ten layers of 100 ReLU units (and a sigmoid unit on top) gets
# 500 random examples, once with the weights of `initialize_parameters_deep` (scaled by
# $1/\sqrt{n^{[l-1]}}$) and once with the same random numbers times 0.01. The left plot shows
# the typical size (the standard deviation) of the activations $A^{[l]}$ layer by layer, the right
# plot the typical size of the gradients $dW^{[l]}$, both on a logarithmic scale.

# %% tags=["demo"]
layer_dims_demo = [100] * 11 + [1]
X_demo = np.random.default_rng(0).normal(size=(100, 500))
Y_demo = (X_demo[0:1] > 0).astype(int)
scaled = initialize_parameters_deep(layer_dims_demo)
tiny = {}
for name, value in scaled.items():
    fan_in = value.shape[1]
    tiny[name] = value * np.sqrt(fan_in) * 0.01 if name.startswith("W") else value

sizes, output_std = {}, {}
for label, params_demo in (("1/sqrt(n) scaling", scaled), ("0.01 scaling", tiny)):
    AL_demo, caches_demo = L_model_forward(X_demo, params_demo)
    grads_demo = L_model_backward(AL_demo, Y_demo, caches_demo)
    # caches[l][0][0] is the input of layer l + 1, that is A[l]
    act_std = [np.std(cache[0][0]) for cache in caches_demo]
    grad_std = [np.std(grads_demo["dW" + str(l)]) for l in range(1, len(caches_demo) + 1)]
    sizes[label] = (np.array(act_std), np.array(grad_std))
    output_std[label] = np.std(AL_demo)
    print(f"{label:18s}: std of A[10] / std of X = {act_std[10] / act_std[0]:.1e}, "
          f"std of dW1 = {grad_std[0]:.1e}, output varies by {np.std(AL_demo):.1e}")

fig, axes = plt.subplots(1, 2, figsize=(10, 3.8))
for label, (act_std, grad_std) in sizes.items():
    axes[0].semilogy(range(len(act_std)), act_std, "o-", label=label)
    axes[1].semilogy(range(1, len(grad_std) + 1), grad_std, "o-", label=label)
axes[0].set_xlabel("layer l (0 = the input X)")
axes[0].set_ylabel("std of the activations A[l]")
axes[1].set_xlabel("layer l")
axes[1].set_ylabel("std of the gradient dW[l]")
for ax in axes:
    ax.legend(frameon=False)
    ax.grid(alpha=0.3)
fig.suptitle("Ten ReLU layers of 100 units: activations forward, gradients backward")
plt.show()

# %% tags=["demo"]
act_scaled, grad_scaled = sizes["1/sqrt(n) scaling"]
act_tiny, grad_tiny = sizes["0.01 scaling"]
shrink_per_layer = (act_scaled[0] / act_scaled[10]) ** (1 / 10)
print(f"1/sqrt(n) scaling: the activations shrink by a factor {shrink_per_layer:.2f} per layer")
assert act_tiny[10] / act_tiny[0] < 1e-10, "with 0.01 the activations should vanish"
assert output_std["0.01 scaling"] < 1e-10, "with 0.01 the output should not depend on X"
assert 1.3 < shrink_per_layer < 1.7, "with 1/sqrt(n) a layer should shrink A by about sqrt(2)"
assert np.all(grad_tiny < 1e-9 * grad_scaled), "with 0.01 every gradient should be tiny"

# %% [markdown]
# What the plots show (the cell above asserts each claim):
#
# - With the 0.01 scaling, every layer shrinks the activations more than tenfold. After ten
#   layers they are more than $10^{10}$ times smaller than the input, and the output of the
#   network (varying by less than $10^{-10}$ from one example to the next) no longer depends on
#   the input at all.
# - The gradients are just as bad, and at **every** layer, over $10^{9}$ times smaller than with
#   the other scaling. $dW^{[l]}$ (exercise 7) is a product of what the forward
#   pass brings from below ($A^{[l-1]}$, shrunk by the layers under $l$) with what the backward
#   pass brings from above ($dZ^{[l]}$, shrunk by the weights of the layers over $l$). Gradient
#   descent cannot get such a network going.
# - With the $1/\sqrt{n^{[l-1]}}$ scaling, the activations shrink only by a factor of about
#   1.5 per layer, close to the $\sqrt{2}$ that ReLU costs by zeroing half of its inputs. That
#   is harmless for the networks of this course; the scaling of Course 2 removes even that.
#
# ## 10 - What next
#
# You now have every building block of a deep network: initialization, the forward pass with
# its caches, the cost, the backward pass checked against numerical gradients, and the update.
# In the next notebook, *Deep neural network application*, you put them together in a training
# loop (forward, cost, backward, update, repeat) and train a two-layer and a four-layer network
# on the animal pictures of week 2, to compare them with logistic regression.
#
# **What you built:** `initialize_parameters`, `initialize_parameters_deep`, `linear_forward`,
# `linear_activation_forward`, `L_model_forward`, `compute_cost`, `linear_backward`,
# `linear_activation_backward`, `L_model_backward` and `update_parameters`.

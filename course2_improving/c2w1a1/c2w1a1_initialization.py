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
# # Initialization
#
# Before gradient descent takes its first step, every weight of the network needs a value.
# That choice looks like a detail, yet it decides whether a network learns at all, how fast it
# learns, and how good the solution it ends up in is. In this assignment you train the same
# 3-layer network three times, changing nothing but the starting weights, and watch the three
# runs end in very different places.
#
# **By the end you will have written**
#
# - `initialize_parameters_zeros`: every weight set to zero;
# - `initialize_parameters_random`: large random weights;
# - `predicted_rms`: a prediction, made before running the experiment, of how the size of the
#   signal changes from layer to layer of a deep ReLU network;
# - `initialize_parameters_he`: random weights scaled for ReLU layers ("He initialization"),
#   with the scale you derive from that prediction;
#
# and you will have seen why zeros cannot work (the *symmetry* problem), why weights that are
# too large slow training down, and why one particular scale keeps the signal the same size
# from layer to layer.
#
# **How this notebook works**
#
# - Write your code between `# YOUR CODE HERE` and the `return` line of each exercise, and delete
#   the `raise NotImplementedError()` line. Do not rename the functions or change their arguments.
# - Each exercise is followed by a test cell. A line ending in "all public tests passed" means
#   the visible checks agree with your code; the grader runs more tests.
# - Run the cells in order. If something behaves strangely, use *Kernel → Restart and run all*.
# - Only the exercise cells are graded: the grader runs the released notebook with your
#   exercise cells put in, so cells you add yourself do not run there. Keep every helper
#   function or import that your answer needs inside its exercise cell.

# %% [markdown]
# ## 1 - Packages
#
# - [NumPy](https://numpy.org) and [Matplotlib](https://matplotlib.org);
# - `dlcourse.nets`: a ready-made 3-layer network (forward and backward propagation, the cost,
#   prediction and a gradient-descent loop), so that this notebook is only about the starting
#   point of training;
# - `dlcourse.planar` for the data, `dlcourse.plots` and `dlcourse.curves` for the pictures,
#   `dlcourse.testing` for the test cells.

# %%
import matplotlib.pyplot as plt
import numpy as np

from dlcourse import nets
from dlcourse.curves import plot_costs
from dlcourse.planar import make_circles
from dlcourse.plots import plot_decision_boundary
from dlcourse.testing import (
    check_array,
    check_between,
    check_keys,
    check_scalar,
    run_checks,
)

# %% [markdown]
# ## 2 - The data: two rings
#
# Each example is a point of the plane, $x = (x_1, x_2)$, with a label: $y = 1$ (blue) on an
# inner ring, $y = 0$ (red) on an outer ring. The rings are close to each other, so the
# classifier has to draw a boundary that is a closed curve squeezed between them.
# In the lectures' layout `train_X` has shape $(2, m)$, one column per point, and `train_Y`
# has shape $(1, m)$. The test set comes from the same generator with another seed.

# %% tags=["demo"]
train_X, train_Y = make_circles(m=300, factor=0.75, noise=0.05, seed=1)
test_X, test_Y = make_circles(m=100, factor=0.75, noise=0.05, seed=2)
print("train_X:", train_X.shape, " train_Y:", train_Y.shape)
print("test_X: ", test_X.shape, " test_Y: ", test_Y.shape)
print("fraction of label 1 in the training set:", train_Y.mean())

fig, ax = plt.subplots(figsize=(4.5, 4.5))
ax.scatter(train_X[0], train_X[1], c=train_Y[0], cmap="RdBu", vmin=-0.2, vmax=1.2, s=14,
           edgecolors="k", linewidths=0.3)
ax.set_xlabel("$x_1$")
ax.set_ylabel("$x_2$")
ax.set_aspect("equal")
ax.set_title("Training set: y = 1 (blue), y = 0 (red)")
plt.show()

# %% [markdown]
# ## 3 - The network and the training loop
#
# The network is the one of the lectures with $L = 3$ layers:
#
# $$\text{LINEAR} \to \text{RELU} \to \text{LINEAR} \to \text{RELU} \to \text{LINEAR} \to
# \text{SIGMOID},$$
#
# with `layers_dims = [2, 10, 5, 1]`: $n^{[0]} = n_x = 2$ inputs, $n^{[1]} = 10$ and
# $n^{[2]} = 5$ hidden units, $n^{[3]} = 1$ output. Layer $l$ has a weight matrix $W^{[l]}$ of
# shape $(n^{[l]}, n^{[l-1]})$ and a bias $b^{[l]}$ of shape $(n^{[l]}, 1)$, stored in the
# dictionary `parameters` under the keys `"W1"`, `"b1"`, ..., `"W3"`, `"b3"`.
#
# `model` below runs batch gradient descent on the cross-entropy cost; the only thing it lets
# you choose is the initialization: `"zeros"`, `"random"` or `"he"`, which call the three
# functions you are about to write. Read it, then move on; nothing to change here.

# %% tags=["demo"]
def model(X, Y, learning_rate=0.01, num_iterations=15000, print_cost=True, initialization="he"):
    """Train the 3-layer network [2, 10, 5, 1] with gradient descent from a chosen start.

    Arguments:
    X -- input data, numpy array of shape (2, m)
    Y -- true labels (0 or 1), numpy array of shape (1, m)
    learning_rate -- the step size of gradient descent
    num_iterations -- number of gradient-descent steps
    print_cost -- if True, print the cost every 1000 iterations
    initialization -- "zeros", "random" or "he": which initialization function to use

    Returns:
    parameters -- the learned parameters, a dictionary
    costs -- the cost recorded every 1000 iterations, a list
    """
    layers_dims = [X.shape[0], 10, 5, 1]
    initialize = {
        "zeros": lambda dims: initialize_parameters_zeros(dims),
        "random": lambda dims: initialize_parameters_random(dims),
        "he": lambda dims: initialize_parameters_he(dims),
    }[initialization]
    parameters, costs = nets.train(X, Y, layers_dims, initialize=initialize,
                                   learning_rate=learning_rate, num_iterations=num_iterations,
                                   record_every=1000, print_every=1000 if print_cost else None)
    return parameters, costs


# %% [markdown]
# ## 4 - Zero initialization
#
# The simplest idea: start every parameter at zero, $W^{[l]} = 0$ and $b^{[l]} = 0$ for every
# layer. (In course 1 this worked for logistic regression, which has no hidden layer.)
#
# ### Exercise 1 - `initialize_parameters_zeros`
#
# `layers_dims` is a list holding the size of each layer, the input first: for `[2, 10, 5, 1]`
# the network has $L = 3$ layers. For every $l = 1, \dots, L$ create
#
# - `parameters["W" + str(l)]`: zeros of shape `(layers_dims[l], layers_dims[l-1])`;
# - `parameters["b" + str(l)]`: zeros of shape `(layers_dims[l], 1)`.
#
# Your function must work for any number of layers, not only for 3.
#
# <details><summary>Hint</summary>
#
# `L = len(layers_dims)` counts the input layer too, so `range(1, L)` runs over the layers
# $1, \dots, L-1$ of the network, which is exactly the list of layers that have parameters.
# `np.zeros` takes the shape as one tuple: `np.zeros((3, 2))`.
# </details>

# %% nbgrader={"grade_id": "initialize_parameters_zeros", "solution": true}
# GRADED FUNCTION: initialize_parameters_zeros
def initialize_parameters_zeros(layers_dims):
    """Set every weight and every bias of the network to zero.

    Arguments:
    layers_dims -- list of the layer sizes [n_x, n_1, ..., n_L], the input layer first

    Returns:
    parameters -- dictionary with, for l = 1, ..., L:
                  "Wl": numpy array of zeros of shape (layers_dims[l], layers_dims[l-1])
                  "bl": numpy array of zeros of shape (layers_dims[l], 1)
    """
    parameters = {}
    L = len(layers_dims)  # number of layers, the input layer included

    for l in range(1, L):
        ### BEGIN SOLUTION
        parameters["W" + str(l)] = np.zeros((layers_dims[l], layers_dims[l - 1]))
        parameters["b" + str(l)] = np.zeros((layers_dims[l], 1))
        ### END SOLUTION
    return parameters


# %% nbgrader={"grade_id": "test_initialize_parameters_zeros", "points": 2}
parameters = initialize_parameters_zeros([3, 2, 1])
run_checks(
    "initialize_parameters_zeros",
    lambda: check_keys(parameters, {"W1", "b1", "W2", "b2"},
                       "initialize_parameters_zeros([3, 2, 1])"),
    lambda: check_array(parameters["W1"], np.zeros((2, 3)), "W1"),
    lambda: check_array(parameters["b1"], np.zeros((2, 1)), "b1"),
    lambda: check_array(parameters["W2"], np.zeros((1, 2)), "W2"),
    lambda: check_array(parameters["b2"], np.zeros((1, 1)), "b2"),
)
### BEGIN HIDDEN TESTS
def _hidden_initialize_parameters_zeros():
    for _dims in ([5, 4, 3, 2, 1], [2, 10, 5, 1], [7, 1], [4, 6, 6, 3]):
        _what = f"initialize_parameters_zeros({_dims})"
        _p = initialize_parameters_zeros(list(_dims))
        _keys = set()
        for _l in range(1, len(_dims)):
            _keys |= {f"W{_l}", f"b{_l}"}
        check_keys(_p, _keys, _what)
        for _l in range(1, len(_dims)):
            check_array(_p[f"W{_l}"], np.zeros((_dims[_l], _dims[_l - 1])), f"W{_l} of {_what}",
                        atol=0)
            check_array(_p[f"b{_l}"], np.zeros((_dims[_l], 1)), f"b{_l} of {_what}", atol=0)


_hidden_initialize_parameters_zeros()
### END HIDDEN TESTS

# %% [markdown]
# What your function returns for `layers_dims = [3, 2, 1]`:

# %% tags=["demo"]
parameters = initialize_parameters_zeros([3, 2, 1])
for key, value in parameters.items():
    print(key, "=", value.tolist())

# %% [markdown]
# Now train the network from zeros for 15000 iterations and look at the cost.

# %% tags=["demo"]
parameters_zeros, costs_zeros = model(train_X, train_Y, initialization="zeros")
print("On the training set:")
predictions_train = nets.predict(train_X, train_Y, parameters_zeros)
print("On the test set:")
predictions_test = nets.predict(test_X, test_Y, parameters_zeros)

# %% [markdown]
# The cost has not moved from $\log 2 \approx 0.693$, the cost of answering $\hat{y} = 0.5$
# for every example, and the network predicts the same label everywhere:

# %% tags=["demo"]
print("predictions on the first 20 training points:", predictions_train[0, :20])
plot_decision_boundary(lambda x: nets.predict_dec(parameters_zeros, x), train_X, train_Y,
                       title="Zero initialization")
plt.show()

# %% [markdown]
# **Why nothing happens.** With every weight at zero, every hidden unit computes
# $z^{[1]}_j = 0$, so $a^{[1]}_j = \text{ReLU}(0) = 0$, and the same holds in layer 2. Going
# backwards, the gradient reaching the hidden layers is multiplied by the weights of the layer
# above, $dA^{[2]} = W^{[3]T} dZ^{[3]} = 0$, and the gradients of the weights are multiplied by
# the activations below, $dW^{[3]} = \frac{1}{m} dZ^{[3]} A^{[2]T} = 0$. Every $dW^{[l]}$ is
# zero, so gradient descent never changes a single weight: only $b^{[3]}$ could move, and on
# this balanced data set its gradient is zero too.
#
# The check below computes the gradients at the zero start with the network's backward pass.

# %% tags=["demo"]
A3, cache = nets.forward_propagation(train_X, initialize_parameters_zeros([2, 10, 5, 1]))
grads = nets.backward_propagation(train_X, train_Y, cache)
for key in ("dW1", "dW2", "dW3", "db3"):
    print(f"largest |{key}| at the zero start: {np.abs(grads[key]).max()}")
    assert np.all(grads[key] == 0), f"{key} should be exactly zero"
assert np.all(parameters_zeros["W1"] == 0), "W1 should still be zero after training"

# %% [markdown]
# **Symmetry.** Zero is an extreme case of a more general problem. Suppose all the weights
# start at the *same* non-zero value. Then every hidden unit of a layer receives the same inputs
# with the same weights, computes the same activation, receives the same gradient, and takes the
# same step: the units stay copies of each other forever, and a layer of 10 units is no more
# expressive than a layer of one. Let's check it: start every weight at 0.5 and train.

# %% tags=["demo"]
def initialize_parameters_constant(layers_dims, value=0.5):
    """Every weight equal to `value`, every bias 0 (a demonstration, not a good idea)."""
    return {key: np.full_like(W, value) if key.startswith("W") else W
            for key, W in initialize_parameters_zeros(layers_dims).items()}


parameters_constant, _ = nets.train(train_X, train_Y, [2, 10, 5, 1],
                                    initialize=initialize_parameters_constant,
                                    learning_rate=0.01, num_iterations=2000, print_every=None)
print("W1 after 2000 iterations (one row per hidden unit):")
print(np.round(parameters_constant["W1"], 4))
assert np.allclose(parameters_constant["W1"], parameters_constant["W1"][0]), "rows differ"

# %% [markdown]
# All ten rows are still identical: the ten hidden units learned exactly the same thing.
# Random initialization *breaks the symmetry*: units that start different receive different
# gradients and can learn different features. (The biases may start at zero: the random
# weights already make the units different.)

# %% [markdown]
# ## 5 - Large random initialization
#
# ### Exercise 2 - `initialize_parameters_random`
#
# Initialize the weights with large random values and the biases with zeros. To make your
# result reproducible (and gradable), use exactly these random calls:
#
# 1. call `np.random.seed(3)` once, at the start of the function;
# 2. then, for $l = 1, \dots, L$ in this order, draw
#    `np.random.randn(layers_dims[l], layers_dims[l-1]) * 10` for $W^{[l]}$;
# 3. set $b^{[l]}$ to zeros of shape `(layers_dims[l], 1)` (no random numbers for the biases).
#
# `np.random.randn` draws from the standard normal distribution, so the weights have a
# standard deviation of 10.

# %% nbgrader={"grade_id": "initialize_parameters_random", "solution": true}
# GRADED FUNCTION: initialize_parameters_random
def initialize_parameters_random(layers_dims):
    """Large random weights (standard deviation 10) and zero biases.

    Arguments:
    layers_dims -- list of the layer sizes [n_x, n_1, ..., n_L], the input layer first

    Returns:
    parameters -- dictionary with, for l = 1, ..., L:
                  "Wl": numpy array of shape (layers_dims[l], layers_dims[l-1])
                  "bl": numpy array of zeros of shape (layers_dims[l], 1)
    """
    np.random.seed(3)  # the seed the exercise asks for: keep this line
    parameters = {}
    L = len(layers_dims)  # number of layers, the input layer included

    for l in range(1, L):
        ### BEGIN SOLUTION
        parameters["W" + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * 10
        parameters["b" + str(l)] = np.zeros((layers_dims[l], 1))
        ### END SOLUTION
    return parameters


# %% nbgrader={"grade_id": "test_initialize_parameters_random", "points": 2}
np.random.seed(0)  # another seed first: the function must set its own, np.random.seed(3)
parameters = initialize_parameters_random([3, 2, 1])
run_checks(
    "initialize_parameters_random",
    lambda: check_keys(parameters, {"W1", "b1", "W2", "b2"},
                       "initialize_parameters_random([3, 2, 1])"),
    lambda: check_array(parameters["W1"], [[17.8862847343, 4.3650985051, 0.9649746807],
                                           [-18.6349270336, -2.7738820251, -3.5475897927]],
                        "W1", rtol=1e-8, hints=[
                            ([[17.6405234597, 4.0015720837, 9.7873798411],
                              [22.408931992, 18.6755799015, -9.7727787988]],
                             "the numbers of seed 0, set before the call: np.random.seed(3) "
                             "missing?"),
                            ([[5.5079790257, 7.0814782262, 2.9090473891],
                              [5.108276052, 8.9294695435, 8.9629308893]],
                             "uniform numbers: np.random.randn, not np.random.rand?")]),
    lambda: check_array(parameters["b1"], np.zeros((2, 1)), "b1",
                        hints=[([[-0.8274148148], [-6.2700067682]],
                                "random biases: b is zeros (np.zeros)?")]),
    lambda: check_array(parameters["W2"], [[-0.8274148148, -6.2700067682]], "W2", rtol=1e-8,
                        hints=[([[17.8862847343, 4.3650985051]],
                                "every layer starts with the same numbers: np.random.seed(3) "
                                "once, before the loop?")]),
    lambda: check_array(parameters["b2"], np.zeros((1, 1)), "b2"),
)
### BEGIN HIDDEN TESTS
def _hidden_initialize_parameters_random():
    # The size of the weights first, so that a wrong scale gets a message about the scale.
    _p = initialize_parameters_random([300, 200, 1])
    check_keys(_p, {"W1", "b1", "W2", "b2"}, "initialize_parameters_random([300, 200, 1])")
    check_scalar(np.std(_p["W1"]), 10.0,
                 "the standard deviation of W1 for layers_dims [300, 200, 1]", rtol=0.03)
    check_scalar(np.mean(_p["W1"]), 0.0, "the mean of W1 for layers_dims [300, 200, 1]",
                 atol=0.2)
    for _dims in ([5, 4, 3, 2, 1], [2, 10, 5, 1], [7, 1], [3, 6, 2]):
        _what = f"initialize_parameters_random({_dims})"
        _p = initialize_parameters_random(list(_dims))
        # The draws the instructions name: seed 3, then one randn per layer, in layer order.
        _rs = np.random.RandomState(3)
        _keys = set()
        for _l in range(1, len(_dims)):
            _keys |= {f"W{_l}", f"b{_l}"}
        check_keys(_p, _keys, _what)
        for _l in range(1, len(_dims)):
            _W = _rs.standard_normal((_dims[_l], _dims[_l - 1])) * 10.0
            check_array(_p[f"W{_l}"], _W, f"W{_l} of {_what}", rtol=1e-10, atol=1e-12)
            check_array(_p[f"b{_l}"], np.zeros((_dims[_l], 1)), f"b{_l} of {_what}", atol=0)


_hidden_initialize_parameters_random()
### END HIDDEN TESTS

# %% [markdown]
# Train from this start (15000 iterations again).

# %% tags=["demo"]
parameters_random, costs_random = model(train_X, train_Y, initialization="random")
print("On the training set:")
predictions_train = nets.predict(train_X, train_Y, parameters_random)
print("On the test set:")
predictions_test = nets.predict(test_X, test_Y, parameters_random)

# %% [markdown]
# The symmetry is broken and the network learns something, but look at the first cost: far
# above $\log 2$. With weights of size 10, $z^{[3]}$ is in the hundreds, the sigmoid output is
# $0$ or $1$ to machine precision, and every example on the wrong side costs
# $-\log(\text{tiny})$, a huge loss. (The network's cost clips $a^{[3]}$ to
# $[10^{-15}, 1 - 10^{-15}]$, so a saturated wrong answer costs about 34.5 instead of
# infinity.) Gradient descent first spends many iterations undoing the overconfident start, and
# where it ends up is a poor boundary.

# %% tags=["demo"]
print(f"cost at iteration 0: {costs_random[0]:.2f}   (log 2 = {np.log(2):.3f})")
print(f"cost at iteration 14000: {costs_random[-1]:.3f}")
assert costs_random[0] > 5, "the first cost should be far above log 2"

plot_decision_boundary(lambda x: nets.predict_dec(parameters_random, x), train_X, train_Y,
                       title="Large random initialization")
plt.show()

# %% [markdown]
# ## 6 - He initialization
#
# How large should the random weights be? Look at one unit of layer $l$:
#
# $$z^{[l]}_j = \sum_{k=1}^{n^{[l-1]}} W^{[l]}_{jk} \, a^{[l-1]}_k + b^{[l]}_j .$$
#
# If the weights are independent, with mean 0 and variance $\sigma_l^2$, and independent of the
# activations, the variance of the sum is the sum of the variances:
#
# $$\operatorname{Var}\big(z^{[l]}_j\big) = n^{[l-1]} \, \sigma_l^2 \,
# \mathbb{E}\big[(a^{[l-1]}_k)^2\big].$$
#
# A ReLU sets the negative half of a symmetric $z$ to zero and keeps the positive half, so
# $\mathbb{E}[(a^{[l-1]})^2] = \tfrac{1}{2}\operatorname{Var}(z^{[l-1]})$, and
#
# $$\operatorname{Var}\big(z^{[l]}\big) = \tfrac{1}{2} \, n^{[l-1]} \, \sigma_l^2 \,
# \operatorname{Var}\big(z^{[l-1]}\big).$$
#
# Each layer multiplies the variance by the same factor. If that factor is above 1, the signal
# grows exponentially with depth; below 1, it shrinks exponentially (and the gradients, which
# flow through the same weights, do the same: exploding or vanishing gradients).
#
# **The experiment.** The function below sends $m = 1000$ random inputs through a stack of
# `depth` ReLU layers of `width` units each, with weights `randn * scale` and no biases, and
# returns the root-mean-square (rms) of $z^{[l]}$ in each layer,
# $\sqrt{\frac{1}{n m} \sum_{j,i} (z^{[l](i)}_j)^2}$, an estimate of
# $\sqrt{\operatorname{Var}(z^{[l]})}$ since $z$ has mean 0. The inputs $a^{[0]}$ are standard
# normal numbers (mean 0, variance 1) and are **not** passed through a ReLU: only the layers'
# outputs are.

# %%
def rms_through_depth(scale, depth=30, width=200, m=1000, seed=0):
    """Root-mean-square of z in each layer of a deep ReLU stack with weights randn * scale.

    Returns a numpy array of shape (depth,): element l - 1 is the rms of z in layer l.
    """
    rng = np.random.default_rng(seed)
    a = rng.standard_normal((width, m))
    rms = []
    for _ in range(depth):
        z = (rng.standard_normal((width, width)) * scale) @ a
        rms.append(np.sqrt(np.mean(z ** 2)))
        a = np.maximum(0, z)
    return np.array(rms)


# %% [markdown]
# ### Exercise 3 - `predicted_rms` (predict, then run)
#
# Before running the experiment, predict its result from the variance argument above: the rms
# of $z^{[l]}$ in layer `layer` of a stack of layers with `width` units each, weights of
# standard deviation `scale` and inputs as described. Work it out on paper first: what is
# $\operatorname{Var}(z^{[1]})$, given what the inputs are? By how much does each further layer
# multiply the variance? Then write the result as a formula in `scale`, `layer` and `width`.
#
# The test compares your predictions with the exact result of the argument and with what
# `rms_through_depth` measures (within a factor of 2 either way: one random network is not an
# average over all networks).

# %% nbgrader={"grade_id": "predicted_rms", "solution": true}
# GRADED FUNCTION: predicted_rms
def predicted_rms(scale, layer, width=200):
    """The rms of z in one layer of the deep ReLU stack of rms_through_depth, predicted.

    Arguments:
    scale -- the standard deviation of the weights (they are randn * scale)
    layer -- the layer l = 1, 2, ... whose z is asked for
    width -- the number of units of every layer, and of the input

    Returns:
    rms -- float, the predicted root-mean-square of z in layer `layer`
    """
    ### BEGIN SOLUTION
    # Layer 1: Var(z) = width * scale^2 * E[x^2] with E[x^2] = 1 (no ReLU on the input);
    # every later layer multiplies the variance by width * scale^2 / 2.
    variance = width * scale ** 2 * (width * scale ** 2 / 2) ** (layer - 1)
    rms = float(np.sqrt(variance))
    ### END SOLUTION
    return rms


# %% nbgrader={"grade_id": "test_predicted_rms", "points": 2}
# The measurements of the experiment, for three scales (the plot below shows them).
measured = {scale: rms_through_depth(scale) for scale in (0.01, 0.1, 1.0)}
rms_slips = [(2.0, "that is the variance: the rms is its square root"),
             (1.0, "the inputs are standard normal, not passed through a ReLU: E[x²] = 1"),
             (np.sqrt(200 * 0.1), "the scale is a standard deviation: its square, σ², "
                                  "enters the variance")]


def prediction_vs_measurement(scale, layer):
    """predicted_rms(scale, layer) / the rms the experiment measured in that layer."""
    return predicted_rms(scale, layer) / measured[scale][layer - 1]


run_checks(
    "predicted_rms",
    # Layer 1 with scale 0.1 and 200 units, by hand: n σ² E[x²] = 200 × 0.01 × 1 = 2.
    lambda: check_scalar(predicted_rms(0.1, 1), np.sqrt(2), "predicted_rms(0.1, 1)",
                         hints=rms_slips),
    *[lambda scale=scale, layer=layer: check_between(
        prediction_vs_measurement(scale, layer), 0.5, 2.0,
        f"predicted_rms({scale}, {layer}) / the rms measured in layer {layer}",
        "your prediction should be within a factor of 2 of the measurement")
      for scale in (0.01, 0.1, 1.0) for layer in (1, 2, 10, 30)],
)
### BEGIN HIDDEN TESTS
def _hidden_predicted_rms():
    def _exact(_s, _l, _n):
        return np.sqrt(_n * _s ** 2) * np.sqrt(_n * _s ** 2 / 2) ** (_l - 1)

    for _s, _l, _n in ((0.1, 30, 200), (1.0, 30, 200), (0.01, 5, 200), (0.3, 4, 50),
                       (0.05, 12, 1000), (np.sqrt(2 / 64), 7, 64), (0.2, 1, 30), (0.5, 2, 10)):
        _f = _n * _s ** 2  # n σ²
        _hints = [(np.sqrt(_f) ** _l, "every layer × n σ²: the ReLU's ½ forgotten?"),
                  (np.sqrt(_f / 2) ** _l, "a ReLU on the input too? The inputs are standard "
                                          "normal, E[x²] = 1"),
                  (np.sqrt(_f) * np.sqrt(_f / 2) ** _l, "one layer too many: layer 1 has no "
                                                        "factor ½, layers 2 … l have one each"),
                  (np.sqrt(_f) * np.sqrt(_f / 2) ** (_l - 2), "one layer too few?"),
                  (_f * (_f / 2) ** (_l - 1), "that is the variance: the rms is its square "
                                              "root"),
                  (np.sqrt(_n * _s) * np.sqrt(_n * _s / 2) ** (_l - 1),
                   "σ instead of σ²: the scale is a standard deviation"),
                  (np.sqrt(200 * _s ** 2) * np.sqrt(100 * _s ** 2) ** (_l - 1),
                   "200 hard-coded: use the argument width")]
        _what = f"predicted_rms({_s:.6g}, {_l}, width={_n})"
        check_scalar(predicted_rms(_s, _l, width=_n), _exact(_s, _l, _n), _what, rtol=1e-6,
                     atol=0, hints=[(_v, _m) for _v, _m in _hints
                                    if not np.isclose(_v, _exact(_s, _l, _n), rtol=1e-6)])
    # Checked against another experiment: 100 units, another random network.
    _seen = rms_through_depth(0.15, depth=30, width=100, seed=2)
    for _l in (1, 15, 30):
        check_between(predicted_rms(0.15, _l, width=100) / _seen[_l - 1], 0.5, 2.0,
                      f"predicted_rms(0.15, {_l}, width=100) / the rms measured in layer {_l} "
                      "of a stack of 100 units", "within a factor of 2 of the measurement")


_hidden_predicted_rms()
### END HIDDEN TESTS

# %% [markdown]
# Now the experiment, for three scales: the markers are the measurements, the lines your
# predictions.

# %% tags=["demo"]
scales = {"0.01": 0.01, "0.1": 0.1, "1": 1.0}
rms = {name: rms_through_depth(s) for name, s in scales.items()}
layers = np.arange(1, 31)

fig, ax = plt.subplots(figsize=(6.4, 4.0))
for name, values in rms.items():
    line, = ax.semilogy(layers, values, "o", markersize=3, label=f"scale {name}: measured")
    ax.semilogy(layers, [predicted_rms(scales[name], l) for l in layers], "-",
                color=line.get_color(), linewidth=1, label=f"scale {name}: your prediction")
ax.set_xlabel("layer $l$")
ax.set_ylabel("root-mean-square of $z^{[l]}$")
ax.set_title("The size of the signal through 30 ReLU layers of 200 units")
ax.legend(frameon=False, fontsize=8)
ax.grid(alpha=0.3)
plt.show()

print(f"scale 0.1: layer 1 {rms['0.1'][0]:.2f}, layer 30 {rms['0.1'][-1]:.2f}")
assert rms["0.01"][-1] < 1e-20 and rms["1"][-1] > 1e20
growth = (rms["1"][-1] / rms["1"][0]) ** (1 / 29)
print(f"scale 1: the signal grows by a factor of {growth:.1f} per layer")
assert 7 < growth < 14, "scale 1 should multiply the signal by about 10 per layer"
assert 1 / 3 < rms["0.1"][-1] / rms["0.1"][0] < 3, "with scale 0.1 the size should stay"

# %% [markdown]
# With the scale 0.01 the signal is gone after a few layers, with the scale 1 it grows by a
# factor of about 10 per layer, and with the scale 0.1 it stays about the same size all the way
# down (the cell checks all three). Your formula says why: for 200 units, 0.1 is the one scale
# whose factor per layer is exactly 1.
#
# ### Exercise 4 - `initialize_parameters_he`
#
# Layers of different sizes need different scales. From the recursion above, find the standard
# deviation $\sigma_l$ of the weights of layer $l$ for which the factor per layer is exactly 1,
# as a function of the layer sizes, and use it to initialize the network. (Check it against
# the experiment: for 200 units it should give 0.1.) This choice is **He initialization** (He
# et al., 2015), made for ReLU layers.
#
# So that your result can be checked, use exactly these random calls:
#
# 1. call `np.random.seed(3)` once, at the start of the function;
# 2. then, for $l = 1, \dots, L$ in this order, draw one array
#    `np.random.randn(layers_dims[l], layers_dims[l-1])` for $W^{[l]}$ and multiply it by the
#    standard deviation you found (`np.random.randn` draws numbers of standard deviation 1);
# 3. set $b^{[l]}$ to zeros of shape `(layers_dims[l], 1)`.

# %% nbgrader={"grade_id": "initialize_parameters_he", "solution": true}
# GRADED FUNCTION: initialize_parameters_he
def initialize_parameters_he(layers_dims):
    """He initialization: random weights scaled for ReLU layers, zero biases.

    Arguments:
    layers_dims -- list of the layer sizes [n_x, n_1, ..., n_L], the input layer first

    Returns:
    parameters -- dictionary with, for l = 1, ..., L:
                  "Wl": numpy array of shape (layers_dims[l], layers_dims[l-1])
                  "bl": numpy array of zeros of shape (layers_dims[l], 1)
    """
    np.random.seed(3)  # the seed the exercise asks for: keep this line
    parameters = {}
    L = len(layers_dims)  # number of layers, the input layer included

    for l in range(1, L):
        ### BEGIN SOLUTION
        parameters["W" + str(l)] = (np.random.randn(layers_dims[l], layers_dims[l - 1])
                                    * np.sqrt(2.0 / layers_dims[l - 1]))
        parameters["b" + str(l)] = np.zeros((layers_dims[l], 1))
        ### END SOLUTION
    return parameters


# %% nbgrader={"grade_id": "test_initialize_parameters_he", "points": 2}
np.random.seed(0)  # another seed first: the function must set its own, np.random.seed(3)
parameters = initialize_parameters_he([2, 4, 1])
he_W1 = np.array([[1.7886284734, 0.4365098505], [0.0964974681, -1.8634927034],
                  [-0.2773882025, -0.3547589793], [-0.0827414815, -0.6270006768]])
he_W2 = np.array([[-0.0309841244, -0.3374441054, -0.9290426767, 0.625522484]])
he_scale_slip = ("1/√2 of the expected weights: which σ² makes the factor ½ n^[l-1] σ² equal "
                 "to 1? (which layer's size, and a square root?)")
run_checks(
    "initialize_parameters_he",
    lambda: check_keys(parameters, {"W1", "b1", "W2", "b2"},
                       "initialize_parameters_he([2, 4, 1])"),
    lambda: check_array(parameters["W1"], he_W1, "W1", rtol=1e-8,
                        hints=[([[1.764052346, 0.4001572084], [0.9787379841, 2.2408931992],
                                 [1.8675579901, -0.9772778799], [0.9500884175, -0.1513572083]],
                                "the numbers of seed 0, set before the call: np.random.seed(3) "
                                "missing?"), (he_W1 / np.sqrt(2), he_scale_slip),
                               (10 * he_W1, "the factor 10 of the large random initialization "
                                            "left in?")]),
    lambda: check_array(parameters["b1"], np.zeros((4, 1)), "b1"),
    lambda: check_array(parameters["W2"], he_W2,
                        "W2", rtol=1e-8, hints=[(he_W2 / np.sqrt(2), he_scale_slip)]),
    lambda: check_array(parameters["b2"], np.zeros((1, 1)), "b2"),
)
### BEGIN HIDDEN TESTS
def _hidden_initialize_parameters_he():
    # The size of the weights first, so that a wrong scale gets a message about the scale.
    _p = initialize_parameters_he([500, 50, 1])
    check_keys(_p, {"W1", "b1", "W2", "b2"}, "initialize_parameters_he([500, 50, 1])")
    # The hints: the variance of the same draws (seed 3) under the usual wrong scales.
    _z = np.random.RandomState(3).standard_normal((50, 500))
    check_scalar(np.var(_p["W1"]), 2.0 / 500, "the variance of W1 for layers_dims [500, 50, 1]",
                 rtol=0.05, hints=[
                     (np.var(_z / np.sqrt(500)), "σ² = 1 / n^[l-1] is Xavier's scale, for tanh: "
                                                 "a ReLU keeps only half of the variance"),
                     (np.var(_z * np.sqrt(2 / 50)), "the size of layer l under the square root? "
                                                    "A unit of layer l sums n^[l-1] inputs"),
                     (np.var(_z * 2 / 500), "the variance used as the standard deviation: a "
                                            "square root missing?"),
                     (np.var(_z * np.sqrt(2) / 500), "sqrt(2) / n instead of sqrt(2 / n)?"),
                     (np.var(_z * 10 * np.sqrt(2 / 500)), "the factor 10 of the large random "
                                                          "initialization left in?")])
    for _dims in ([5, 4, 3, 2, 1], [2, 10, 5, 1], [7, 1], [3, 8, 2], [40, 3, 6]):
        _what = f"initialize_parameters_he({_dims})"
        _p = initialize_parameters_he(list(_dims))
        # The draws the instructions name: seed 3, then one randn per layer, in layer order.
        _rs = np.random.RandomState(3)
        _keys = set()
        for _l in range(1, len(_dims)):
            _keys |= {f"W{_l}", f"b{_l}"}
        check_keys(_p, _keys, _what)
        for _l in range(1, len(_dims)):
            _W = _rs.standard_normal((_dims[_l], _dims[_l - 1])) * np.sqrt(2.0 / _dims[_l - 1])
            check_array(_p[f"W{_l}"], _W, f"W{_l} of {_what}", rtol=1e-10, atol=1e-14)
            check_array(_p[f"b{_l}"], np.zeros((_dims[_l], 1)), f"b{_l} of {_what}", atol=0)


_hidden_initialize_parameters_he()
### END HIDDEN TESTS

# %% [markdown]
# Train from the He start, with the same learning rate and number of iterations as before.

# %% tags=["demo"]
parameters_he, costs_he = model(train_X, train_Y, initialization="he")
print("On the training set:")
predictions_train = nets.predict(train_X, train_Y, parameters_he)
print("On the test set:")
predictions_test = nets.predict(test_X, test_Y, parameters_he)

# %% [markdown]
# ## 7 - The three starts side by side
#
# The same network, the same data, the same learning rate and the same number of iterations;
# only the initial weights differ.

# %% tags=["demo"]
runs = {"zeros": parameters_zeros, "large random": parameters_random, "He": parameters_he}
results = {name: (nets.accuracy(train_X, train_Y, p), nets.accuracy(test_X, test_Y, p))
           for name, p in runs.items()}
print(f"{'initialization':<16}{'train accuracy':>16}{'test accuracy':>16}")
for name, (train_acc, test_acc) in results.items():
    print(f"{name:<16}{100 * train_acc:>15.1f}%{100 * test_acc:>15.1f}%")

fig, axes = plt.subplots(1, 3, figsize=(13.5, 4.2))
for ax, (name, p) in zip(axes, runs.items()):
    plot_decision_boundary(lambda x, p=p: nets.predict_dec(p, x), test_X, test_Y, ax=ax,
                           title=f"{name}: test accuracy {100 * results[name][1]:.0f} %")
fig.suptitle("Decision boundaries on the test set")
fig.tight_layout()
plt.show()

# %% [markdown]
# The next cell checks what a correct implementation reaches (every correct implementation
# draws the same random numbers, so it learns the same network up to rounding):
#
# - zeros: **50 %**, chance level: one label for every point, and half the points have it;
# - large random: clearly better than chance, about **85 %** on the training set, but its
#   boundary is a rough polygon that cuts through both rings;
# - He: at least **95 %** on the training set and **90 %** on the test set, more than **10
#   points** above large random on the test set, with a boundary that follows the gap between
#   the rings.

# %% tags=["demo"]
(zeros_train, zeros_test), (random_train, random_test), (he_train, he_test) = results.values()
assert abs(zeros_train - 0.5) <= 0.02 and abs(zeros_test - 0.5) <= 0.02, "zeros: chance level"
assert 0.80 <= random_train <= 0.90, f"large random: train accuracy {random_train:.3f}"
assert random_test >= 0.70, f"large random: test accuracy {random_test:.3f}"
assert he_train >= 0.95 and he_test >= 0.90, f"He: {he_train:.3f} / {he_test:.3f}"
assert he_test >= random_test + 0.10, "He should be clearly ahead of large random"
print("These accuracies are in the ranges a correct implementation reaches "
      "(the ranges only; the test cells check your functions).")

# %% [markdown]
# The recorded costs tell the same story (on a log scale, as the curves span orders of
# magnitude). Zeros is flat at $\log 2$. Large random starts around 17, falls within the first
# thousand iterations and then stalls above 0.3. He starts near $\log 2$ and ends far below the
# other two.

# %% tags=["demo"]
assert all(abs(c - np.log(2)) < 1e-6 for c in costs_zeros), "zeros: flat at log 2"
assert 15 < costs_random[0] < 20, f"large random: first cost {costs_random[0]:.2f}"
assert costs_random[-1] > 0.3, f"large random: last cost {costs_random[-1]:.3f}"
assert costs_he[0] < 1.5 and costs_he[-1] < costs_random[-1] / 2, "He: the lowest final cost"
plot_costs({"zeros": costs_zeros, "large random": costs_random, "He": costs_he}, every=1000,
           log_scale=True, title="Cost during training, by initialization")
plt.show()

# %% [markdown]
# ## 8 - What to remember
#
# - **Never start with all weights equal** (zeros or any constant): the units of a layer stay
#   identical, and with zeros and ReLU nothing learns at all. Random weights break the symmetry;
#   the biases can start at zero.
# - **The scale matters.** Too large, and the outputs saturate, the first costs are huge and
#   training is slow and ends in a poor solution; too small, and in a deep network the signal
#   and the gradients vanish.
# - **Predict before you run.** Each ReLU layer multiplies the variance of $z$ by
#   $\tfrac{1}{2} n^{[l-1]} \sigma_l^2$; your `predicted_rms` followed the measured signal over
#   30 layers and 60 orders of magnitude.
# - **He initialization**, `np.random.randn(...) * np.sqrt(2 / n^[l-1])`, makes that factor 1:
#   it keeps the variance of $z^{[l]}$ constant from layer to layer in a ReLU network, and it is
#   what the following assignments use.

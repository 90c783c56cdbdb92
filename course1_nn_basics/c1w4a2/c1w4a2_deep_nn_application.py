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
# # A deep neural network at work: animals or not?
#
# In week 2 you trained logistic regression to tell pictures of animals from pictures of other
# things. In the last notebook you wrote the building blocks of a deep network. Now you put the
# blocks together into two training loops, a **two-layer** network and an **$L$-layer**
# network, train both on the week-2 pictures and compare all three models on pictures they have
# never seen.
#
# **By the end you will have written**
#
# - `two_layer_model`: gradient descent for LINEAR → RELU → LINEAR → SIGMOID, step by step;
# - `L_layer_model`: gradient descent for [LINEAR → RELU] × $(L-1)$ → LINEAR → SIGMOID;
# - `count_parameters`: how many numbers a network of given layer sizes learns, derived by you
#   and then checked against the networks you train;
#
# and you will have compared their training and test accuracy with logistic regression, and
# looked at the pictures the best model still gets wrong.
#
# **How this notebook works**
#
# - Write your code between `# YOUR CODE HERE` and the code after it, and delete the
#   `raise NotImplementedError()` lines. Do not rename the functions or change their arguments.
# - Each exercise is followed by a test cell; "all public tests passed" means the visible checks
#   agree with your code, and the grader runs more of them.
# - Training the two networks on the real pictures is the slow part (a minute or two). Run
#   the cells in order.
# - Only the exercise cells are graded: the grader runs the released notebook with your
#   exercise cells put in, so cells you add yourself do not run there. Keep every helper
#   function or import that your answer needs inside its exercise cell.

# %% [markdown]
# ## 1 - Packages
#
# Besides NumPy, Matplotlib and the course package `dlcourse` (the dataset, plots and test
# helpers), this notebook imports the functions of the last notebook from
# `dnn_step_by_step.py`, a file next to this notebook that holds a reference solution of
# *Deep neural network, step by step*. They take the same arguments and return the same
# things as the functions you wrote there:
#
# | function | what it does |
# |---|---|
# | `initialize_parameters(n_x, n_h, n_y)` | two-layer parameters (weights × 0.01) |
# | `initialize_parameters_deep(layer_dims)` | $L$-layer parameters (weights / $\sqrt{n^{[l-1]}}$) |
# | `linear_activation_forward(A_prev, W, b, activation)` | one layer forward: `A, cache` |
# | `L_model_forward(X, parameters)` | the whole network forward: `AL, caches` |
# | `compute_cost(AL, Y)` | the cross-entropy cost, a number |
# | `linear_activation_backward(dA, cache, activation)` | one layer backward: `dA_prev, dW, db` |
# | `L_model_backward(AL, Y, caches)` | the whole network backward: `grads` |
# | `update_parameters(params, grads, learning_rate)` | one gradient-descent step, a new dict |
#
# `scikit-learn` provides the logistic-regression baseline.

# %%
import time
import warnings

import matplotlib.pyplot as plt
import numpy as np
from dnn_step_by_step import (
    L_model_backward,
    L_model_forward,
    compute_cost,
    initialize_parameters,
    initialize_parameters_deep,
    linear_activation_backward,
    linear_activation_forward,
    update_parameters,
)
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression

from dlcourse.curves import plot_costs
from dlcourse.data import load_animals
from dlcourse.plots import montage
from dlcourse.testing import (
    check_array,
    check_between,
    check_equal,
    check_keys,
    check_scalar,
    check_shape,
    check_type,
    run_checks,
)

# %% [markdown]
# ## 2 - The dataset
#
# The same pictures as in week 2: 64 × 64 colour images, label 1 for an animal and 0 for
# anything else. Look at the colours of the drawings and at the backgrounds: section 4 comes
# back to both.

# %% tags=["demo"]
train_x_orig, train_y, test_x_orig, test_y, classes = load_animals()
m_train, m_test = train_x_orig.shape[0], test_x_orig.shape[0]
print(f"{m_train} training pictures, {m_test} test pictures, each of shape "
      f"{train_x_orig.shape[1:]}")
print(f"share of animals: {train_y.mean():.2f} in training, {test_y.mean():.2f} in test")
montage(train_x_orig[:16], labels=train_y[0, :16], classes=classes,
        title="The first 16 training pictures")
plt.show()

# %% [markdown]
# As in week 2, each picture becomes a column of $64 \cdot 64 \cdot 3 = 12288$ numbers
# between 0 and 1, so that `train_x` has the shape $(n_x, m_{train}) = (12288, m_{train})$.

# %% tags=["demo"]
train_x = train_x_orig.reshape(m_train, -1).T / 255.0
test_x = test_x_orig.reshape(m_test, -1).T / 255.0
n_x = train_x.shape[0]
print("train_x:", train_x.shape, " test_x:", test_x.shape)

# %% [markdown]
# ## 3 - Two models
#
# Both models follow the same recipe, the one every network in this course uses:
#
# 1. initialize the parameters;
# 2. repeat `num_iterations` times:
#    1. forward propagation,
#    2. compute the cost,
#    3. backward propagation,
#    4. update the parameters;
# 3. return the trained parameters (and the recorded costs, to see how training went).
#
# ### 3.1 - The two-layer network
#
# LINEAR → RELU → LINEAR → SIGMOID, with layer sizes `layers_dims = (n_x, n_h, n_y)`:
# $12288$ inputs, $n_h$ hidden units and one output.
#
# ### Exercise 1 - `two_layer_model`
#
# Write this one out layer by layer, with the one-layer functions:
#
# - **before the loop**: initialize with `initialize_parameters(n_x, n_h, n_y)` (two-layer
#   version);
# - **in each iteration**:
#   1. take `W1, b1, W2, b2` out of `parameters`;
#   2. forward: `linear_activation_forward` twice, with `"relu"` and then `"sigmoid"`, giving
#      `A1, cache1` and `A2, cache2`;
#   3. `cost`: `compute_cost(A2, Y)`;
#   4. backward: start from `dA2` $= \frac{\partial \mathcal{L}}{\partial A^{[2]}}$, the
#      derivative of the loss with respect to the network's output, element by element (the
#      first step of your derivation in week 2, with $a = A^{[2]}$), then call
#      `linear_activation_backward` twice, for layer 2 (`"sigmoid"`, giving `dA1, dW2, db2`)
#      and for layer 1 (`"relu"`, giving `dA0, dW1, db1`);
#   5. put `dW1, db1, dW2, db2` into the dictionary `grads` under the keys `"dW1"`, `"db1"`,
#      `"dW2"`, `"db2"`, and update with `update_parameters(parameters, grads, learning_rate)`.
#
# The code after your part records the cost of iterations 0, 100, 200, ... (the cost computed
# at the start of the iteration, before the update) in `costs`, and prints it if asked.

# %% nbgrader={"grade_id": "two_layer_model", "solution": true}
# GRADED FUNCTION: two_layer_model
def two_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000,
                    print_cost=False):
    """Train LINEAR -> RELU -> LINEAR -> SIGMOID with gradient descent.

    Arguments:
    X -- input data, shape (n_x, m)
    Y -- true labels, 0 or 1, shape (1, m)
    layers_dims -- the layer sizes (n_x, n_h, n_y)
    learning_rate -- the step size alpha of gradient descent
    num_iterations -- number of gradient-descent steps
    print_cost -- if True, print the cost every 100 iterations

    Returns:
    parameters -- dictionary "W1", "b1", "W2", "b2" after training
    costs -- list of the costs of iterations 0, 100, 200, ...
    """
    grads = {}
    costs = []
    (n_x, n_h, n_y) = layers_dims
    ### BEGIN SOLUTION
    parameters = initialize_parameters(n_x, n_h, n_y)
    ### END SOLUTION
    for i in range(num_iterations):
        ### BEGIN SOLUTION
        W1, b1 = parameters["W1"], parameters["b1"]
        W2, b2 = parameters["W2"], parameters["b2"]
        A1, cache1 = linear_activation_forward(X, W1, b1, "relu")
        A2, cache2 = linear_activation_forward(A1, W2, b2, "sigmoid")
        cost = compute_cost(A2, Y)
        dA2 = -(Y / A2 - (1 - Y) / (1 - A2))
        dA1, dW2, db2 = linear_activation_backward(dA2, cache2, "sigmoid")
        dA0, dW1, db1 = linear_activation_backward(dA1, cache1, "relu")
        grads["dW1"], grads["db1"], grads["dW2"], grads["db2"] = dW1, db1, dW2, db2
        parameters = update_parameters(parameters, grads, learning_rate)
        ### END SOLUTION
        if i % 100 == 0:
            costs.append(cost)
            if print_cost:
                print(f"cost after iteration {i}: {float(cost):.6f}")
    return parameters, costs


# %% nbgrader={"grade_id": "test_two_layer_model", "points": 4}
# A small problem: 6 features, 10 examples, 4 hidden units; 150 iterations with rate 0.5.
rng_small = np.random.default_rng(11)
X_small = rng_small.normal(size=(6, 10))
Y_small = np.array([[1, 0, 0, 1, 1, 0, 1, 0, 0, 1]])
params_small, costs_small = two_layer_model(X_small, Y_small, (6, 4, 1), learning_rate=0.5,
                                            num_iterations=150)
run_checks(
    "two_layer_model",
    lambda: check_keys(params_small, {"W1", "b1", "W2", "b2"}, "parameters"),
    lambda: check_shape(params_small["W1"], (4, 6), "parameters['W1']"),
    lambda: check_scalar(len(costs_small), 2, "len(costs) after 150 iterations",
                         hints=[(1, "costs recorded at i = 99, 199, ...: record when "
                                    "i % 100 == 0, from i = 0?")]),
    lambda: check_scalar(costs_small[0], 0.69317676, "costs[0]", rtol=1e-6,
                         hints=[(0.6951009332, "the weights of initialize_parameters_deep: the "
                                               "two-layer network uses initialize_parameters?")]),
    # The costs a few known mistakes give, to name the likely cause when the test fails:
    lambda: check_scalar(costs_small[1], 0.06617110, "costs[1] (the cost of iteration 100)",
                         rtol=1e-5,
                         hints=[(0.6931767563, "the cost never changes: are W1, b1, W2, b2 "
                                               "read from parameters in every iteration?"),
                                (0.6980920066, "relu backward on the output layer: layer 2 "
                                               "has the sigmoid?"),
                                (0.3682402553, "sigmoid backward on the hidden layer: layer 1 "
                                               "has relu?"),
                                (0.6931190798, "learning rate 0.0075 instead of the argument "
                                               "learning_rate?")]),
    lambda: check_array(params_small["b2"], [[2.90696274]], "parameters['b2'] after training",
                        rtol=1e-5),
)
### BEGIN HIDDEN TESTS
def _hidden_two_layer_model():
    def _oracle(_X, _Y, _n_h, _lr, _iters):
        np.random.seed(1)
        _W1 = np.random.randn(_n_h, _X.shape[0]) * 0.01
        _W2 = np.random.randn(1, _n_h) * 0.01
        _b1, _b2 = np.zeros((_n_h, 1)), np.zeros((1, 1))
        _m = _X.shape[1]
        _costs = []
        for _i in range(_iters):
            _Z1 = np.einsum("ij,jk->ik", _W1, _X) + _b1
            _A1 = np.where(_Z1 > 0, _Z1, 0.0)
            _A2 = 1.0 / (1.0 + np.exp(-(np.einsum("ij,jk->ik", _W2, _A1) + _b2)))
            if _i % 100 == 0:
                _costs.append(-float(np.mean(np.where(_Y == 1, np.log(_A2), np.log1p(-_A2)))))
            _dZ2 = _A2 - _Y
            _dZ1 = np.where(_Z1 > 0, np.einsum("ji,jk->ik", _W2, _dZ2), 0.0)
            _W2 = _W2 - _lr * np.einsum("ik,jk->ij", _dZ2, _A1) / _m
            _b2 = _b2 - _lr * _dZ2.mean(axis=1, keepdims=True)
            _W1 = _W1 - _lr * np.einsum("ik,jk->ij", _dZ1, _X) / _m
            _b1 = _b1 - _lr * _dZ1.mean(axis=1, keepdims=True)
        return {"W1": _W1, "b1": _b1, "W2": _W2, "b2": _b2}, np.array(_costs)

    def _compare(_X, _Y, _dims, _lr, _iters, _kwargs):
        _what = (f"for layers_dims {_dims}, {_X.shape[1]} examples, {_iters} iterations, "
                 f"learning rate {_lr}")
        _want, _want_costs = _oracle(_X, _Y, _dims[1], _lr, _iters)
        _X_copy, _Y_copy = _X.copy(), _Y.copy()
        _got, _got_costs = two_layer_model(_X, _Y, _dims, **_kwargs)
        check_keys(_got, set(_want), f"parameters {_what}")
        for _k, _v in _want.items():
            check_array(_got[_k], _v, f"parameters['{_k}'] {_what}", rtol=1e-6, atol=1e-9)
        check_type(_got_costs, list, f"costs {_what}")
        check_equal(len(_got_costs), len(_want_costs), f"len(costs) {_what}")
        check_array(np.array([float(np.squeeze(_c)) for _c in _got_costs]), _want_costs,
                    f"costs {_what}", rtol=1e-6, atol=1e-9)
        check_equal(_X, _X_copy, "X after calling two_layer_model (it must not change)")
        check_equal(_Y, _Y_copy, "Y after calling two_layer_model (it must not change)")

    for _seed, (_n_x, _n_h, _m, _lr, _iters) in enumerate(((5, 3, 8, 0.3, 250),
                                                           (8, 6, 12, 0.05, 301),
                                                           (3, 2, 5, 1.2, 100))):
        _rng = np.random.default_rng(900 + _seed)
        _X = _rng.normal(size=(_n_x, _m))
        _Y = _rng.integers(0, 2, size=(1, _m))
        _Y[0, :2] = (0, 1)
        _compare(_X, _Y, (_n_x, _n_h, 1), _lr, _iters,
                 {"learning_rate": _lr, "num_iterations": _iters})
    # The default arguments: learning_rate=0.0075, num_iterations=3000.
    _rng = np.random.default_rng(950)
    _X = _rng.normal(size=(4, 6))
    _Y = np.array([[0, 1, 1, 0, 1, 0]])
    _compare(_X, _Y, (4, 3, 1), 0.0075, 3000, {})


_hidden_two_layer_model()
### END HIDDEN TESTS

# %% [markdown]
# ### 3.2 - The $L$-layer network
#
# [LINEAR → RELU] × $(L-1)$ → LINEAR → SIGMOID, with layer sizes `layers_dims`
# $= [n_x, n^{[1]}, \dots, n^{[L]}]$. Now the whole forward and backward passes are one call
# each.
#
# ### Exercise 2 - `L_layer_model`
#
# - **before the loop**: initialize with `initialize_parameters_deep(layers_dims)`;
# - **in each iteration**: `L_model_forward`, then `compute_cost`, then `L_model_backward`,
#   then `update_parameters`, keeping the names `AL`, `caches`, `cost`, `grads` and
#   `parameters`.

# %% nbgrader={"grade_id": "L_layer_model", "solution": true}
# GRADED FUNCTION: L_layer_model
def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000,
                  print_cost=False):
    """Train [LINEAR -> RELU] * (L - 1) -> LINEAR -> SIGMOID with gradient descent.

    Arguments:
    X -- input data, shape (n_x, m)
    Y -- true labels, 0 or 1, shape (1, m)
    layers_dims -- list of the layer sizes [n_x, n_1, ..., n_L], input layer included
    learning_rate -- the step size alpha of gradient descent
    num_iterations -- number of gradient-descent steps
    print_cost -- if True, print the cost every 100 iterations

    Returns:
    parameters -- dictionary "W1", "b1", ..., "WL", "bL" after training
    costs -- list of the costs of iterations 0, 100, 200, ...
    """
    costs = []
    ### BEGIN SOLUTION
    parameters = initialize_parameters_deep(layers_dims)
    ### END SOLUTION
    for i in range(num_iterations):
        ### BEGIN SOLUTION
        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        ### END SOLUTION
        if i % 100 == 0:
            costs.append(cost)
            if print_cost:
                print(f"cost after iteration {i}: {float(cost):.6f}")
    return parameters, costs


# %% nbgrader={"grade_id": "test_L_layer_model", "points": 4}
# The small problem of exercise 1, now with layer sizes [6, 5, 3, 1]; 150 iterations, rate 0.2.
params_deep, costs_deep = L_layer_model(X_small, Y_small, [6, 5, 3, 1], learning_rate=0.2,
                                        num_iterations=150)
run_checks(
    "L_layer_model",
    lambda: check_keys(params_deep, {"W1", "b1", "W2", "b2", "W3", "b3"}, "parameters"),
    lambda: check_shape(params_deep["W2"], (3, 5), "parameters['W2']"),
    lambda: check_scalar(len(costs_deep), 2, "len(costs) after 150 iterations",
                         hints=[(150, "a cost recorded at every iteration, not every 100?")]),
    lambda: check_scalar(costs_deep[0], 0.71314057, "costs[0]", rtol=1e-6,
                         hints=[(0.6931473561, "weights scaled by 0.01: L_layer_model uses "
                                               "initialize_parameters_deep?")]),
    # The costs a few known mistakes give, to name the likely cause when the test fails:
    lambda: check_scalar(costs_deep[1], 0.37236312, "costs[1] (the cost of iteration 100)",
                         rtol=1e-5,
                         hints=[(0.7131405716, "the cost never changes: is the result of "
                                               "update_parameters kept, and are the parameters "
                                               "initialized once, before the loop?"),
                                (0.6982296056, "learning rate 0.0075 instead of the argument "
                                               "learning_rate?")]),
    lambda: check_array(params_deep["b3"], [[1.11237112]], "parameters['b3'] after training",
                        rtol=1e-5, hints=[([[1.1061241587]], "one iteration too few: "
                                                             "range(num_iterations - 1)?")]),
)
### BEGIN HIDDEN TESTS
def _hidden_L_layer_model():
    def _oracle(_X, _Y, _dims, _lr, _iters):
        np.random.seed(3)
        _L = len(_dims) - 1
        _P = {}
        for _l in range(1, _L + 1):
            _P[f"W{_l}"] = np.random.randn(_dims[_l], _dims[_l - 1]) / np.sqrt(_dims[_l - 1])
            _P[f"b{_l}"] = np.zeros((_dims[_l], 1))
        _m = _X.shape[1]
        _costs = []
        for _i in range(_iters):
            _As, _Zs = [_X], []
            for _l in range(1, _L + 1):
                _Z = np.einsum("ij,jk->ik", _P[f"W{_l}"], _As[-1]) + _P[f"b{_l}"]
                _Zs.append(_Z)
                _As.append(1.0 / (1.0 + np.exp(-_Z)) if _l == _L else np.where(_Z > 0, _Z, 0.0))
            _AL = _As[-1]
            if _i % 100 == 0:
                _costs.append(-float(np.mean(np.where(_Y == 1, np.log(_AL), np.log1p(-_AL)))))
            _dZ = _AL - _Y
            _new = {}
            for _l in range(_L, 0, -1):
                _new[f"W{_l}"] = _P[f"W{_l}"] - _lr * np.einsum("ik,jk->ij", _dZ, _As[_l - 1]) / _m
                _new[f"b{_l}"] = _P[f"b{_l}"] - _lr * _dZ.mean(axis=1, keepdims=True)
                if _l > 1:
                    _dZ = np.where(_Zs[_l - 2] > 0, np.einsum("ji,jk->ik", _P[f"W{_l}"], _dZ),
                                   0.0)
            _P = _new
        return _P, np.array(_costs)

    def _compare(_X, _Y, _dims, _lr, _iters, _kwargs):
        _what = (f"for layers_dims {_dims}, {_X.shape[1]} examples, {_iters} iterations, "
                 f"learning rate {_lr}")
        _want, _want_costs = _oracle(_X, _Y, _dims, _lr, _iters)
        _X_copy, _Y_copy, _dims_copy = _X.copy(), _Y.copy(), list(_dims)
        _got, _got_costs = L_layer_model(_X, _Y, _dims, **_kwargs)
        check_keys(_got, set(_want), f"parameters {_what}")
        for _k, _v in _want.items():
            check_array(_got[_k], _v, f"parameters['{_k}'] {_what}", rtol=1e-6, atol=1e-9)
        check_type(_got_costs, list, f"costs {_what}")
        check_equal(len(_got_costs), len(_want_costs), f"len(costs) {_what}")
        check_array(np.array([float(np.squeeze(_c)) for _c in _got_costs]), _want_costs,
                    f"costs {_what}", rtol=1e-6, atol=1e-9)
        check_equal(_X, _X_copy, "X after calling L_layer_model (it must not change)")
        check_equal(_Y, _Y_copy, "Y after calling L_layer_model (it must not change)")
        check_equal(list(_dims), _dims_copy, "layers_dims after calling L_layer_model")

    for _seed, (_dims, _m, _lr, _iters) in enumerate((([5, 4, 1], 8, 0.3, 250),
                                                      ([7, 6, 5, 3, 1], 12, 0.1, 301),
                                                      ([3, 4, 4, 1], 6, 0.05, 100))):
        _rng = np.random.default_rng(960 + _seed)
        _X = _rng.normal(size=(_dims[0], _m))
        _Y = _rng.integers(0, 2, size=(1, _m))
        _Y[0, :2] = (0, 1)
        _compare(_X, _Y, _dims, _lr, _iters, {"learning_rate": _lr, "num_iterations": _iters})
    # The default arguments: learning_rate=0.0075, num_iterations=3000.
    _rng = np.random.default_rng(990)
    _X = _rng.normal(size=(4, 6))
    _Y = np.array([[1, 0, 1, 0, 0, 1]])
    _compare(_X, _Y, [4, 3, 2, 1], 0.0075, 3000, {})


_hidden_L_layer_model()
### END HIDDEN TESTS

# %% [markdown]
# ### 3.3 - How big are these networks?
#
# Layer $l$ of a network computes $Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]}$, and training learns
# every entry of every $W^{[l]}$ and $b^{[l]}$. Section 4 trains a two-layer network with
# `layers_dims = (12288, 7, 1)` and a four-layer one with `[12288, 20, 7, 5, 1]`. Before
# training them: how many numbers does each one learn, and which has more?
#
# ### Exercise 3 - `count_parameters`
#
# Work out, from the shapes of $W^{[l]}$ and $b^{[l]}$ (the last notebook), how many parameters
# a network with layer sizes `layers_dims` $= [n^{[0]}, n^{[1]}, \dots, n^{[L]}]$ has, then
# implement `count_parameters(layers_dims)`. It must accept a list or a tuple and return a
# Python `int` (or a NumPy integer). Section 4 compares your count with the parameters the
# training returns.

# %% nbgrader={"grade_id": "count_parameters", "solution": true}
# GRADED FUNCTION: count_parameters
def count_parameters(layers_dims):
    """The number of learned parameters (all weights and biases) of a network.

    Arguments:
    layers_dims -- list or tuple of the layer sizes [n_x, n_1, ..., n_L], input layer included

    Returns:
    n_parameters -- the total number of entries of W1, b1, ..., WL, bL, an integer
    """
    ### BEGIN SOLUTION
    n_parameters = 0
    for l in range(1, len(layers_dims)):
        n_parameters += layers_dims[l] * layers_dims[l - 1] + layers_dims[l]
    ### END SOLUTION
    return n_parameters


print("two-layer network (12288, 7, 1):", count_parameters((12288, 7, 1)))
print("L-layer network [12288, 20, 7, 5, 1]:", count_parameters([12288, 20, 7, 5, 1]))

# %% nbgrader={"grade_id": "test_count_parameters", "points": 2}
# layers_dims = [3, 2, 1]: W1 is 2 x 3, b1 is 2 x 1, W2 is 1 x 2, b2 is 1 x 1.
run_checks(
    "count_parameters",
    lambda: check_type(count_parameters([3, 2, 1]), (int, np.integer),
                       "count_parameters([3, 2, 1])"),
    lambda: check_scalar(count_parameters([3, 2, 1]), 11, "count_parameters([3, 2, 1])",
                         hints=[(8, "the weights only: each layer also learns a bias vector "
                                    "b of n[l] entries?"),
                                (14, "a bias for the input layer too: the input layer has "
                                     "no parameters?")]),
)
### BEGIN HIDDEN TESTS
def _hidden_count_parameters():
    for _seed in range(6):
        _rng = np.random.default_rng(700 + _seed)
        _dims = [int(_v) for _v in _rng.integers(1, 40, size=int(_rng.integers(2, 7)))]
        _want = int(sum(_a * _b + _b for _a, _b in zip(_dims[:-1], _dims[1:])))
        _weights = int(sum(_a * _b for _a, _b in zip(_dims[:-1], _dims[1:])))
        _arg = tuple(_dims) if _seed % 2 else list(_dims)
        _copy = list(_arg)
        _got = count_parameters(_arg)
        _name = f"count_parameters({_arg!r})"
        check_type(_got, (int, np.integer), _name)
        check_scalar(_got, _want, _name, rtol=0, atol=0,
                     hints=[(_weights, "the weights only: each layer also learns a bias "
                                       "vector?"),
                            (_want + _dims[0], "a bias for the input layer too: the input "
                                               "layer has no parameters?"),
                            (_want - _dims[-1] * _dims[-2] - _dims[-1], "the output layer "
                                                                        "left out: loop up "
                                                                        "to L included?")])
        check_equal(list(_arg), _copy, f"layers_dims after {_name} (it must not change)")
    check_scalar(count_parameters((12288, 7, 1)), 86031, "count_parameters((12288, 7, 1))",
                 rtol=0, atol=0)
    check_scalar(count_parameters([12288, 20, 7, 5, 1]), 245973,
                 "count_parameters([12288, 20, 7, 5, 1])", rtol=0, atol=0)


_hidden_count_parameters()
### END HIDDEN TESTS

# %% [markdown]
# ## 4 - Training on the pictures
#
# ### 4.1 - The baseline: logistic regression
#
# First the model of week 2, to know what the networks have to beat. Here it is fitted by
# scikit-learn's `LogisticRegression` with its default settings, which takes the examples as
# rows, hence the transposes `.T`. The default is 100 iterations of a fast optimizer (L-BFGS);
# they fit every training picture, and scikit-learn would warn that more iterations could
# still lower the training cost. That changes nothing that matters here (try
# `LogisticRegression(max_iter=1000)`: the same test accuracy within a point), so the cell
# silences the warning.

# %% tags=["demo"]
baseline = LogisticRegression()
with warnings.catch_warnings():
    warnings.simplefilter("ignore", ConvergenceWarning)
    baseline.fit(train_x.T, train_y.ravel())
logreg_train_acc = baseline.score(train_x.T, train_y.ravel())
logreg_test_acc = baseline.score(test_x.T, test_y.ravel())
print(f"logistic regression: train accuracy {logreg_train_acc:.3f}, "
      f"test accuracy {logreg_test_acc:.3f}")

# %% [markdown]
# A network outputs a probability $a^{[L](i)}$ per picture; the predicted label is 1 when it is
# above 0.5. `L_model_forward` runs any network whose parameters are named `W1, b1, ..., WL,
# bL` with ReLU hidden layers and a sigmoid output, so the function below serves both of your
# models. The accuracy is the share of pictures whose predicted label is the true one.

# %% tags=["demo"]
def predict(X, parameters):
    """Labels (0 or 1) predicted by a trained network, shape (1, m)."""
    AL, _ = L_model_forward(X, parameters)
    return (AL > 0.5).astype(int)


def accuracy(X, Y, parameters):
    """The share of the columns of X whose predicted label equals Y."""
    return float(np.mean(predict(X, parameters) == Y))


# %% [markdown]
# ### 4.2 - Training the two-layer network
#
# The network has $n_x = 12288$ inputs, $n_h = 7$ hidden units and one output.
#
# **How long to train?** Every iteration works through the whole $12288 \times m_{train}$
# matrix of pictures three times: $W^{[1]} X$ forward, then $dW^{[1]}$ and $dA^{[0]}$ backward
# ($dA^{[0]}$ is not needed for training, but `linear_activation_backward` computes it anyway).
# That makes one iteration cost several tens of milliseconds, and the default 3000 iterations
# several minutes per model. We keep the default learning rate, 0.0075, and stop both networks
# after `NUM_ITERATIONS` = 500 iterations: enough to see the models apart, and short enough
# to keep the notebook quick. The cell prints the cost every 100 iterations and the training
# time.

# %% tags=["demo"]
NUM_ITERATIONS = 500
LEARNING_RATE = 0.0075
two_layer_dims = (n_x, 7, 1)
start = time.perf_counter()
parameters_2, costs_2 = two_layer_model(train_x, train_y, two_layer_dims,
                                        learning_rate=LEARNING_RATE,
                                        num_iterations=NUM_ITERATIONS, print_cost=True)
print(f"trained in {time.perf_counter() - start:.1f} s")
two_layer_train_acc = accuracy(train_x, train_y, parameters_2)
two_layer_test_acc = accuracy(test_x, test_y, parameters_2)
print(f"two-layer network: train accuracy {two_layer_train_acc:.3f}, "
      f"test accuracy {two_layer_test_acc:.3f}")

# %% [markdown]
# ### 4.3 - Training the $L$-layer network
#
# Now a network with four layers, `layers_dims = [12288, 20, 7, 5, 1]`: three ReLU hidden
# layers of 20, 7 and 5 units and the sigmoid output, trained with the same number of
# iterations and the same learning rate.

# %% tags=["demo"]
L_layer_dims = [n_x, 20, 7, 5, 1]
start = time.perf_counter()
parameters_L, costs_L = L_layer_model(train_x, train_y, L_layer_dims,
                                      learning_rate=LEARNING_RATE,
                                      num_iterations=NUM_ITERATIONS, print_cost=True)
print(f"trained in {time.perf_counter() - start:.1f} s")
L_layer_train_acc = accuracy(train_x, train_y, parameters_L)
L_layer_test_acc = accuracy(test_x, test_y, parameters_L)
print(f"L-layer network: train accuracy {L_layer_train_acc:.3f}, "
      f"test accuracy {L_layer_test_acc:.3f}")

# %% [markdown]
# ### 4.4 - Comparing the three models
#
# The cost curves first. The
# two-layer network starts slowly: its weights are initialized at the scale 0.01 (section 3.2
# of the last notebook), so at first its output hardly depends on the picture and its gradients
# are tiny. Its cost falls by less than 0.03 in the first 200 iterations (the cell checks it).
#
# Both networks learn every one of their numbers, and `count_parameters` (exercise 3) said how
# many: the next cell compares your count with the sizes of the trained parameters.

# %% tags=["demo"]
plot_costs({"two-layer network (12288, 7, 1)": costs_2,
            "L-layer network [12288, 20, 7, 5, 1]": costs_L},
           title=f"Training cost, learning rate {LEARNING_RATE}")
plt.show()
check_between(float(costs_2[0] - costs_2[2]), -1.0, 0.03,
              "the fall of the two-layer cost in 200 iterations", "it starts slowly")
for name, dims, params in (("two-layer", two_layer_dims, parameters_2),
                           ("L-layer", L_layer_dims, parameters_L)):
    actual = sum(value.size for value in params.values())
    print(f"{name}: count_parameters says {count_parameters(dims)}, the trained network has "
          f"{actual}")
    check_equal(int(count_parameters(dims)), actual, f"count_parameters({name} dims)")

# %% [markdown]
# And the accuracies. The training accuracy says how well a model fits the pictures it learned
# from; only the test accuracy says how well it does on new pictures.

# %% tags=["demo"]
results = {"logistic regression": (logreg_train_acc, logreg_test_acc),
           "two-layer network": (two_layer_train_acc, two_layer_test_acc),
           "L-layer network": (L_layer_train_acc, L_layer_test_acc)}
print(f"{'model':22s} {'train':>7s} {'test':>7s}")
for name, (train_acc, test_acc) in results.items():
    print(f"{name:22s} {train_acc:7.3f} {test_acc:7.3f}")

fig, ax = plt.subplots(figsize=(7, 3.5))
positions = np.arange(len(results))
ax.bar(positions - 0.2, [r[0] for r in results.values()], width=0.4, label="train")
ax.bar(positions + 0.2, [r[1] for r in results.values()], width=0.4, label="test")
ax.axhline(0.5, color="k", linestyle="--", linewidth=0.8, label="guessing")
ax.set_xticks(positions, list(results))
ax.set_ylabel("accuracy")
ax.set_ylim(0, 1.15)
ax.legend(frameon=False, loc="upper center", ncols=3)
plt.show()

# %% [markdown]
# What the numbers say (the next cell checks each statement, with a margin of a few pictures):
#
# - **Logistic regression** fits every training picture but gets about 66 % of the test
#   pictures right. With 12288 weights for 900 examples it can memorize the training set pixel
#   by pixel, and what it memorizes does not carry over to new pictures: this is
#   **overfitting**. (Your week-2 model, which stopped after 1000 small steps, memorized less
#   and did a little better on the test set, about 71 %.) What does carry over is the colour
#   cue of week 2: many animals are drawn in fur colours, many other things in cool colours.
# - The **two-layer network** fits the training set much less (about 76 %), yet gets about
#   75 % of the test pictures right: what it learned carries over.
# - The **$L$-layer network** learns faster and does best: about 83 % on the training set and
#   79 % on the test set.
#
# What can the networks learn that logistic regression cannot? Look at the backgrounds of the
# pictures in section 2. An animal is mostly pictured outdoors, under a blue sky over grass or a
# warm evening sky over brown earth; an object mostly indoors, in front of a blue wall over a
# wooden floor or a cream wall over a green carpet. Each of the four colours is as common behind
# animals as behind objects: only the *combination*, which colour is above which, tells the
# scene. Logistic regression computes one weighted sum of the pixels, so a blue top counts for
# the same class whatever is below it: it cannot express "blue above green or warm above
# brown". A hidden layer can. One ReLU unit can learn to respond to "blue above green", another
# to "warm above brown", and the output unit adds them up: the same trick as the planar
# "flower" of week 3, which no straight line could separate either. The networks read the
# colours of the drawings too, and add up both cues.
#
# How sure are these numbers? The test set has 540 pictures (180 sources the models never saw,
# each pictured three times), so one picture is worth 0.19 percentage points; the networks
# are ahead of logistic regression by about 45 and 70 pictures. The gap between the two
# networks is smaller, about 20 pictures, and it depends on how long they train: the two-layer
# network starts slowly (the flat start of its cost curve) and catches up later. After 1000
# iterations the two are within about 2 points of each other, near 80 % (try it: change
# `NUM_ITERATIONS` to 1000 and run the cells again: a few minutes). Neither gets much further:
# 10 % of the pictures have an abstract background, 10 % are in black and white (the colours
# of the scene and of the drawing are gone), 5 % of the rest show an animal indoors or an
# object outdoors, and about a third of the drawings keep their own colours.

# %% tags=["demo"]
check_between(L_layer_test_acc - two_layer_test_acc, 0.01, 0.1, "L-layer minus two-layer test "
              "accuracy", "the reference: 0.04")
check_between(two_layer_test_acc - logreg_test_acc, 0.04, 0.2, "two-layer minus logistic "
              "regression test accuracy", "the reference: 0.085")
check_between(logreg_train_acc, 0.97, 1.0, "logistic regression train accuracy", "it fits all")
check_between(logreg_test_acc, 0.61, 0.71, "logistic regression test accuracy", "about 0.66")
check_between(two_layer_train_acc, 0.7, 0.82, "two-layer train accuracy", "about 0.76")
check_between(two_layer_test_acc, 0.70, 0.80, "two-layer test accuracy", "about 0.75")
check_between(L_layer_train_acc, 0.77, 0.88, "L-layer train accuracy", "about 0.83")
check_between(L_layer_test_acc, 0.74, 0.84, "L-layer test accuracy", "about 0.79")

# %% [markdown]
# ### 4.5 - Which pictures does the $L$-layer network get wrong?

# %% tags=["demo"]
predictions_L = predict(test_x, parameters_L)[0]
wrong = np.flatnonzero(predictions_L != test_y[0])
print(f"{wrong.size} of {m_test} test pictures are misclassified")
montage(test_x_orig[wrong[:24]],
        labels=[f"said {classes[p]}\nis {classes[y]}"
                for p, y in zip(predictions_L[wrong[:24]], test_y[0, wrong[:24]])],
        title="Misclassified test pictures (L-layer network)")
plt.show()

# %% [markdown]
# Look at what the mistakes have in common. Most are objects in a meadow or under an evening sky
# taken for animals, animals in a room taken for non-animals, pictures on an abstract
# background, where there is no scene, pictures in black and white, where the colours of the
# scene and of the drawing are gone, and drawings in the other class's colours. In these
# pictures, as in many real photo collections, animals are far more often outdoors than
# objects are (here 95 % of the time), and the networks have learned the scene and the
# colours rather than the animal. They see a picture as 12288 separate numbers, one weight per
# pixel position: two large coloured bands are easy to detect that way, while the shape of an
# animal, which can sit anywhere in the picture at any size, is not. A model that leans on the
# background works on pictures like its training pictures and fails as soon as the habit breaks
# (a cat in a kitchen). Two remedies come later in the specialization:
#
# - **Course 2** (*Improving deep neural networks*) narrows the gap between training and test
#   accuracy with regularization, and speeds up training with better initializations and
#   optimizers, so that more iterations fit in the same time;
# - **Course 4** (*Convolutional neural networks*) builds networks whose weights are shared
#   across positions, which is what pictures of objects that move around call for.
#
# ## 5 - What you did
#
# - `two_layer_model`: the training loop written out layer by layer;
# - `L_layer_model`: the same loop for any depth, in four calls per iteration;
# - trained both on the animal pictures, compared them with logistic regression on training and
#   test data, and looked at the test pictures the deeper network still gets wrong.

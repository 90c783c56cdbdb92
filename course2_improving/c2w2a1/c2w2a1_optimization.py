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
# # Optimization methods
#
# Until now every network in this course was trained with plain gradient descent on the
# whole training set at once. This notebook gives you faster ways to train:
#
# - **mini-batches**, which update the parameters after looking at a small part of the data;
# - **momentum** and **Adam**, which smooth the gradients over the last steps and, for Adam,
#   give every parameter its own step size;
# - **learning-rate decay**, which takes large steps at first and smaller ones later.
#
# **By the end you will have written** `update_parameters_with_gd`, `random_mini_batches`,
# `initialize_velocity`, `update_parameters_with_momentum`, `bias_correction`,
# `initialize_adam`, `update_parameters_with_adam`, `update_lr` and `schedule_lr_decay`, you
# will have derived Adam's bias correction and the largest learning rate gradient descent
# can use on a simple cost, and you will have trained the same 3-layer network with gradient
# descent, momentum and Adam and compared them.
#
# **How this notebook works**
#
# - Write your code between `# YOUR CODE HERE` and the lines after it, and delete the
#   `raise NotImplementedError()` line. Do not rename the functions or change their arguments.
# - Each exercise is followed by a test cell; "all public tests passed" means the visible
#   checks agree with your code. The grader runs more tests (other network sizes, more
#   steps, other hyperparameters), so a passing public test is necessary, not sufficient.
# - Run the cells in order. If something behaves strangely, use *Kernel → Restart and run all*.
# - Only the exercise cells are graded: the grader runs the released notebook with your
#   exercise cells put in, so cells you add yourself do not run there. Keep every helper
#   function or import that your answer needs inside its exercise cell.

# %% [markdown]
# ## 1 - Packages
#
# - [NumPy](https://numpy.org) and [Matplotlib](https://matplotlib.org);
# - `dlcourse.planar` makes the dataset;
# - `dlcourse.nets` holds the ready-made 3-layer network (LINEAR → RELU → LINEAR → RELU →
#   LINEAR → SIGMOID): its `forward_propagation`, `backward_propagation`, `compute_cost`,
#   `initialize_parameters` and `predict_dec`, so that this notebook can focus on the update
#   rules;
# - `dlcourse.plots.plot_decision_boundary` and `dlcourse.curves.plot_costs` draw the results;
# - `dlcourse.testing` holds the helpers the test cells use.

# %%
import math

import matplotlib.pyplot as plt
import numpy as np

from dlcourse.curves import plot_costs
from dlcourse.nets import (
    accuracy,
    backward_propagation,
    compute_cost,
    forward_propagation,
    initialize_parameters,
    predict_dec,
)
from dlcourse.planar import make_moons
from dlcourse.plots import plot_decision_boundary
from dlcourse.testing import (
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
# ## 2 - The dataset
#
# Two interleaving half moons: 300 training points and, to see how the trained networks do
# on new points, 200 test points drawn from the same distribution. Each point is a column of
# `train_X` (shape $(2, m)$); its label, 0 (red) or 1 (blue), is in `train_Y` (shape
# $(1, m)$). No straight line separates the classes.

# %% tags=["demo"]
train_X, train_Y = make_moons(m=300, noise=0.2, seed=1)
test_X, test_Y = make_moons(m=200, noise=0.2, seed=2)
print("train_X:", train_X.shape, " train_Y:", train_Y.shape)
print("test_X: ", test_X.shape, " test_Y: ", test_Y.shape)

fig, ax = plt.subplots(figsize=(5, 3.6))
ax.scatter(train_X[0], train_X[1], c=np.where(train_Y[0] == 1, "tab:blue", "tab:red"),
           s=14, edgecolors="k", linewidths=0.3)
ax.set_xlabel("$x_1$")
ax.set_ylabel("$x_2$")
ax.set_title("Training set")
plt.show()

# %% [markdown]
# The exercises below work on any network: `parameters` holds `W1`, `b1`, ..., `WL`, `bL`
# and `grads` holds `dW1`, `db1`, ..., `dWL`, `dbL` of the same shapes. The test cells use
# this small two-layer example (a network with 3 inputs, 2 hidden units and 1 output):

# %%
def example_parameters_and_grads():
    """Fresh copies of a small example: parameters and grads of a 2-layer network."""
    parameters = {"W1": np.array([[0.5, -1.0, 2.0], [1.5, 0.0, -0.5]]),
                  "b1": np.array([[0.1], [-0.2]]),
                  "W2": np.array([[1.0, -2.0]]),
                  "b2": np.array([[0.3]])}
    grads = {"dW1": np.array([[0.2, 0.4, -0.6], [-1.0, 0.5, 0.0]]),
             "db1": np.array([[0.05], [-0.1]]),
             "dW2": np.array([[0.3, -0.7]]),
             "db2": np.array([[1.2]])}
    return parameters, grads


# %% [markdown]
# ## 3 - Gradient descent
#
# One step of gradient descent moves every parameter against its gradient, for
# $l = 1, \dots, L$:
#
# $$W^{[l]} = W^{[l]} - \alpha \, dW^{[l]}, \qquad b^{[l]} = b^{[l]} - \alpha \, db^{[l]},$$
#
# where $\alpha$ is the learning rate (`learning_rate`).
#
# ### Exercise 1 - `update_parameters_with_gd`
#
# Implement the update for every layer. The parameters of layer `l` are
# `parameters["W" + str(l)]` and `parameters["b" + str(l)]` (or, with an f-string,
# `parameters[f"W{l}"]`); their gradients are `grads["dW" + str(l)]` and
# `grads["db" + str(l)]`. Layers are numbered from 1.

# %% nbgrader={"grade_id": "update_parameters_with_gd", "solution": true}
# GRADED FUNCTION: update_parameters_with_gd
def update_parameters_with_gd(parameters, grads, learning_rate):
    """One step of gradient descent on every layer.

    Arguments:
    parameters -- dictionary with "W1", "b1", ..., "WL", "bL" (Wl of shape (n_l, n_{l-1}),
                  bl of shape (n_l, 1))
    grads -- dictionary with "dW1", "db1", ..., "dWL", "dbL", of the same shapes
    learning_rate -- the learning rate alpha, a number

    Returns:
    parameters -- dictionary with the updated parameters
    """
    L = len(parameters) // 2  # number of layers

    for l in range(1, L + 1):
        ### BEGIN SOLUTION
        parameters[f"W{l}"] = parameters[f"W{l}"] - learning_rate * grads[f"dW{l}"]
        parameters[f"b{l}"] = parameters[f"b{l}"] - learning_rate * grads[f"db{l}"]
        ### END SOLUTION

    return parameters


# %% nbgrader={"grade_id": "test_update_parameters_with_gd", "points": 1}
parameters, grads = example_parameters_and_grads()
parameters = update_parameters_with_gd(parameters, grads, 0.1)
for name, value in parameters.items():
    print(f"{name} =\n{value}")
run_checks(
    "update_parameters_with_gd",
    lambda: check_keys(parameters, {"W1", "b1", "W2", "b2"}, "parameters"),
    lambda: check_array(parameters["W1"], [[0.48, -1.04, 2.06], [1.6, -0.05, -0.5]], "W1",
                        hints=[([[0.52, -0.96, 1.94], [1.4, 0.05, -0.5]],
                                "a step up the gradient: W − learning_rate × dW?"),
                               ([[0.3, -1.4, 2.6], [2.5, -0.5, -0.5]],
                                "the learning rate left out: W − learning_rate × dW?"),
                               ([[0.495, -1.005, 1.995], [1.51, 0.01, -0.49]],
                                "W moved with db: grads['dW' + str(l)] for W?")]),
    lambda: check_array(parameters["b1"], [[0.095], [-0.19]], "b1"),
    lambda: check_array(parameters["W2"], [[0.97, -1.93]], "W2",
                        hints=[([[1.0, -2.0]], "the last layer not updated: l up to L "
                                               "included (range(1, L + 1))?")]),
    lambda: check_array(parameters["b2"], [[0.18]], "b2"),
)
### BEGIN HIDDEN TESTS
def _hidden_update_parameters_with_gd():
    for _seed, _dims in enumerate(([4, 3], [3, 5, 2, 1], [2, 4, 4, 3, 1])):
        _rng = np.random.default_rng(500 + _seed)
        _P, _G = {}, {}
        for _l in range(1, len(_dims)):
            _P[f"W{_l}"] = _rng.normal(size=(_dims[_l], _dims[_l - 1]))
            _P[f"b{_l}"] = _rng.normal(size=(_dims[_l], 1))
            _G[f"dW{_l}"] = _rng.normal(size=(_dims[_l], _dims[_l - 1]))
            _G[f"db{_l}"] = _rng.normal(size=(_dims[_l], 1))
        _lr = float(_rng.uniform(0.01, 0.5))
        _want = {_k: _P[_k] - _lr * _G["d" + _k] for _k in _P}
        _G_before = {_k: _v.copy() for _k, _v in _G.items()}
        _got = update_parameters_with_gd({_k: _v.copy() for _k, _v in _P.items()}, _G, _lr)
        _what = f"for a network with {len(_dims) - 1} layer(s), learning_rate={_lr:.3f}"
        check_keys(_got, set(_P), f"parameters returned {_what}")
        for _k in _P:
            check_array(_got[_k], _want[_k], f"{_k} {_what}", rtol=1e-9, atol=1e-12)
        for _k in _G:
            check_unchanged(_G_before[_k], _G[_k], f"grads[{_k!r}] passed to the update")


_hidden_update_parameters_with_gd()
### END HIDDEN TESTS

# %% [markdown]
# ## 4 - Mini-batches
#
# **Batch gradient descent** computes the gradient on all $m$ examples before each step.
# **Stochastic gradient descent** (SGD) takes a step after every single example: many more
# steps per pass over the data (an *epoch*), each based on a noisy estimate of the
# gradient, and no vectorization over the examples. **Mini-batch gradient descent** sits in
# between: it takes a step after each *mini-batch* of, say, 64 examples, so it makes many
# steps per epoch and still computes each one with fast matrix operations.
#
# Making the mini-batches takes two steps.
#
# **1. Shuffle.** Reorder the columns of `X` and `Y` with **the same** random permutation,
# so that the label of each example stays with it. A fresh order at every epoch means the
# mini-batches differ from one epoch to the next.
#
# **2. Partition.** Cut the shuffled data into consecutive pieces of `mini_batch_size`
# columns: columns $0 \dots 63$, $64 \dots 127$, and so on. If `mini_batch_size` does not
# divide $m$, the last mini-batch is smaller and holds the $m - \text{mini\_batch\_size}
# \cdot \lfloor m / \text{mini\_batch\_size} \rfloor$ columns left over. For
# $m = 148$ and `mini_batch_size = 64`: two full mini-batches of 64 and a last one of 20.
#
# $$X = \big[\, \underbrace{x^{(p_1)} \cdots x^{(p_{64})}}_{X^{\{1\}}} \;
# \underbrace{x^{(p_{65})} \cdots x^{(p_{128})}}_{X^{\{2\}}} \;
# \underbrace{x^{(p_{129})} \cdots x^{(p_{148})}}_{X^{\{3\}}} \,\big],$$
#
# where $p_1, \dots, p_m$ is the shuffled order. In the lectures' notation, $X^{\{t\}}$ and
# $Y^{\{t\}}$ are the $t$-th mini-batch.
#
# ### Exercise 2 - `random_mini_batches`
#
# The random part is written for you so that everyone gets the same mini-batches:
# `np.random.seed(seed)` and then `permutation = list(np.random.permutation(m))`, the
# shuffled order. Your tasks:
#
# 1. `shuffled_X` and `shuffled_Y`: the columns of `X` and of `Y` in the order `permutation`.
#    Keep `shuffled_Y` of shape $(1, m)$.
# 2. In the loop, mini-batch number `k` (counted from 0), as in the picture above: work out
#    which columns it holds.
# 3. When `mini_batch_size` does not divide $m$: the last mini-batch, the columns left over.
#
# Return the list of pairs `(mini_batch_X, mini_batch_Y)`, in order.
#
# <details><summary>Hints</summary>
#
# - Indexing with a list, `A[:, [2, 0, 1]]`, picks columns in the order of the list.
# - A slice `A[:, i:j]` holds columns `i` to `j - 1`; `A[:, i:]` goes to the end.
# - Check your slices on the example: with $m = 148$ and mini-batches of 64, mini-batch 1
#   holds shuffled columns 64 to 127 and the last one columns 128 to 147.
# </details>

# %% nbgrader={"grade_id": "random_mini_batches", "solution": true}
# GRADED FUNCTION: random_mini_batches
def random_mini_batches(X, Y, mini_batch_size=64, seed=0):
    """Shuffle the examples of (X, Y) and cut them into mini-batches.

    Arguments:
    X -- input data, shape (n_x, m)
    Y -- true labels, shape (1, m)
    mini_batch_size -- number of examples in each mini-batch (the last one may be smaller)
    seed -- seed of NumPy's global generator, so that the shuffle is reproducible

    Returns:
    mini_batches -- list of pairs (mini_batch_X, mini_batch_Y): mini_batch_X of shape
                    (n_x, size), mini_batch_Y of shape (1, size)
    """
    np.random.seed(seed)
    m = X.shape[1]
    mini_batches = []

    # Step 1: shuffle (X, Y) with one permutation of the columns.
    permutation = list(np.random.permutation(m))
    ### BEGIN SOLUTION
    shuffled_X = X[:, permutation]
    shuffled_Y = Y[:, permutation].reshape((1, m))
    ### END SOLUTION

    # Step 2: partition (shuffled_X, shuffled_Y), complete mini-batches first.
    num_complete_minibatches = math.floor(m / mini_batch_size)
    for k in range(num_complete_minibatches):
        ### BEGIN SOLUTION
        mini_batch_X = shuffled_X[:, k * mini_batch_size:(k + 1) * mini_batch_size]
        mini_batch_Y = shuffled_Y[:, k * mini_batch_size:(k + 1) * mini_batch_size]
        ### END SOLUTION
        mini_batches.append((mini_batch_X, mini_batch_Y))

    # The last, incomplete mini-batch (if mini_batch_size does not divide m).
    if m % mini_batch_size != 0:
        ### BEGIN SOLUTION
        mini_batch_X = shuffled_X[:, num_complete_minibatches * mini_batch_size:]
        mini_batch_Y = shuffled_Y[:, num_complete_minibatches * mini_batch_size:]
        ### END SOLUTION
        mini_batches.append((mini_batch_X, mini_batch_Y))

    return mini_batches


# %% nbgrader={"grade_id": "test_random_mini_batches", "points": 3}
# Ten examples whose first row is their index, so that we can follow them. With seed 3 the
# permutation is [5, 4, 1, 2, 9, 6, 7, 0, 3, 8].
X_ten = np.vstack([np.arange(10.0), np.arange(10.0) ** 2])
Y_ten = (np.arange(10) % 3 == 0).astype(float).reshape(1, 10)
batches = random_mini_batches(X_ten, Y_ten, mini_batch_size=4, seed=3)
print("number of mini-batches:", len(batches))
for t, (mb_X, mb_Y) in enumerate(batches):
    print(f"mini-batch {t}: X {mb_X.shape}, Y {mb_Y.shape}, examples {mb_X[0].astype(int)}")
run_checks(
    "random_mini_batches",
    lambda: check_type(batches, list, "random_mini_batches(...)"),
    lambda: check_scalar(len(batches), 3, "the number of mini-batches for m=10, size 4",
                         atol=0, hints=[(2, "the last, smaller mini-batch left out (m is not "
                                            "a multiple of mini_batch_size)?"),
                                        (1, "mini_batch_size ignored (64 hard-coded?)")]),
    lambda: check_shape(batches[0][0], (2, 4), "the first mini_batch_X"),
    lambda: check_shape(batches[0][1], (1, 4), "the first mini_batch_Y"),
    lambda: check_shape(batches[2][0], (2, 2), "the last mini_batch_X"),
    lambda: check_array(batches[0][0][0], [5, 4, 1, 2], "the examples of mini-batch 0",
                        hints=[([0, 1, 2, 3], "the examples not shuffled: X[:, permutation]?"),
                               ([2, 8, 4, 9], "the order of seed 0: np.random.seed(seed) with "
                                              "the argument seed?")]),
    lambda: check_array(batches[1][0][0], [9, 6, 7, 0], "the examples of mini-batch 1"),
    lambda: check_array(batches[2][0][0], [3, 8], "the examples of mini-batch 2"),
    lambda: check_array(batches[0][1], [[0, 0, 0, 0]], "the labels of mini-batch 0",
                        hints=[([[1, 0, 0, 1]], "the labels not shuffled with the examples: "
                                                "Y[:, permutation]?")]),
    lambda: check_array(batches[1][1], [[1, 1, 0, 1]], "the labels of mini-batch 1"),
)
### BEGIN HIDDEN TESTS
def _hidden_random_mini_batches():
    def _oracle_order(_m, _seed):
        np.random.seed(_seed)
        return np.asarray(np.random.permutation(_m))

    for _n_x, _m, _size, _seed in ((3, 148, 64, 1), (2, 50, 10, 7), (4, 7, 16, 2),
                                   (1, 9, 1, 5), (5, 33, 8, 0), (2, 64, 64, 4)):
        _rng = np.random.default_rng(_m + _size)
        # Row 0 of X holds the example's index; Y is a function of that index.
        _X = np.vstack([np.arange(_m, dtype=float), _rng.normal(size=(_n_x - 1, _m))])
        _Y = _rng.integers(0, 2, size=(1, _m)).astype(float)
        _copies = (_X.copy(), _Y.copy())
        _got = random_mini_batches(_X, _Y, mini_batch_size=_size, seed=_seed)
        _what = f"for m={_m}, mini_batch_size={_size}"
        check_type(_got, list, f"random_mini_batches(...) {_what}")
        _sizes = [_size] * (_m // _size) + ([_m % _size] if _m % _size else [])
        check_scalar(len(_got), len(_sizes), f"the number of mini-batches {_what}", atol=0,
                     hints=[(len(_sizes) + 1, "an extra, empty last mini-batch: append it only "
                                              "when m % mini_batch_size ≠ 0?"),
                            (len(_sizes) - 1, "the last, smaller mini-batch left out?")])
        _seen = []
        for _t, (_bx, _by) in enumerate(_got):
            check_shape(_bx, (_n_x, _sizes[_t]), f"mini_batch_X number {_t} {_what}")
            check_shape(_by, (1, _sizes[_t]), f"mini_batch_Y number {_t} {_what}")
            _idx = np.asarray(_bx[0]).astype(int)
            check_array(_bx, _X[:, _idx], f"the columns of mini_batch_X number {_t} {_what}",
                        rtol=0, atol=0)
            check_array(_by, _Y[:, _idx],
                        f"mini_batch_Y number {_t} {_what} (labels must stay with their "
                        "examples)", rtol=0, atol=0)
            _seen.extend(_idx.tolist())
        check_equal(sorted(_seen), list(range(_m)),
                    f"the examples in all mini-batches together {_what} (each exactly once)")
        check_equal(np.asarray(_seen), _oracle_order(_m, _seed),
                    f"the order of the examples {_what}, seed={_seed}")
        for _name, _before, _after in zip(("X", "Y"), _copies, (_X, _Y)):
            check_unchanged(_before, _after, f"{_name} passed to random_mini_batches")

    # The defaults: mini_batch_size=64, seed=0.
    _X = np.arange(130.0).reshape(1, 130)
    _Y = np.zeros((1, 130))
    _got = random_mini_batches(_X, _Y)
    check_equal([int(_b[0].shape[1]) for _b in _got], [64, 64, 2],
                "the mini-batch sizes with the default mini_batch_size, for m=130")
    check_equal(np.concatenate([_b[0][0] for _b in _got]).astype(int),
                _oracle_order(130, 0), "the order of the examples with the default seed")


_hidden_random_mini_batches()
### END HIDDEN TESTS

# %% [markdown]
# The example of the text, $m = 148$ examples in mini-batches of 64:

# %% tags=["demo"]
X_148 = np.random.default_rng(0).normal(size=(2, 148))
Y_148 = np.ones((1, 148))
sizes_148 = [mb_X.shape[1] for mb_X, mb_Y in random_mini_batches(X_148, Y_148, 64, seed=0)]
print("mini-batch sizes:", sizes_148)
assert sizes_148 == [64, 64, 20], "two full mini-batches of 64 and a last one of 20"

# %% [markdown]
# Powers of two (16, 32, 64, 128, ...) are common mini-batch sizes, and a mini-batch should
# fit in the memory of the machine that computes on it.
#
# **What the mini-batch size changes.** The cell below trains the network of this notebook
# for 400 steps of gradient descent with mini-batches of 300 examples (the whole training
# set: batch gradient descent), 64 and 8, and plots the cost of the mini-batch used at each
# step. The smaller the mini-batch, the noisier its cost: each step sees a different small
# sample of the data.

# %% tags=["demo"]
def cost_per_step(mini_batch_size, num_steps=400, learning_rate=0.05):
    parameters = initialize_parameters([2, 5, 2, 1], seed=3)
    costs, epoch = [], 0
    while len(costs) < num_steps:
        for mb_X, mb_Y in random_mini_batches(train_X, train_Y, mini_batch_size, seed=epoch):
            A3, cache = forward_propagation(mb_X, parameters)
            costs.append(compute_cost(A3, mb_Y))
            parameters = update_parameters_with_gd(
                parameters, backward_propagation(mb_X, mb_Y, cache), learning_rate)
        epoch += 1
    return np.array(costs[:num_steps])


step_costs = {size: cost_per_step(size) for size in (300, 64, 8)}
fig, ax = plt.subplots(figsize=(7, 3.8))
for size, label in ((8, "mini-batches of 8"), (64, "mini-batches of 64"),
                    (300, "batch gradient descent (300)")):
    ax.plot(step_costs[size], linewidth=1, label=label)
ax.set_xlabel("step")
ax.set_ylabel("cost of the mini-batch")
ax.legend(frameon=False)
ax.grid(alpha=0.3)
plt.show()

# Step-to-step jumps of the cost, over the last 200 steps: larger for smaller mini-batches.
jumps = {size: np.std(np.diff(c[-200:])) for size, c in step_costs.items()}
print({size: round(float(j), 4) for size, j in jumps.items()})
assert jumps[8] > jumps[64] > jumps[300], "the smaller the mini-batch, the noisier its cost"

# %% [markdown]
# ## 5 - Momentum
#
# Mini-batch gradients are noisy, so the path of the parameters wobbles. Momentum smooths it:
# instead of the latest gradient it follows an **exponentially weighted average** of the
# recent gradients, the *velocity* $v$. For $l = 1, \dots, L$:
#
# $$\begin{aligned}
# v_{dW^{[l]}} &= \beta \, v_{dW^{[l]}} + (1 - \beta) \, dW^{[l]}, &
# W^{[l]} &= W^{[l]} - \alpha \, v_{dW^{[l]}}, \\
# v_{db^{[l]}} &= \beta \, v_{db^{[l]}} + (1 - \beta) \, db^{[l]}, &
# b^{[l]} &= b^{[l]} - \alpha \, v_{db^{[l]}}.
# \end{aligned}$$
#
# The weight of a gradient in the average shrinks by a factor $\beta$ per step, so $v$
# mostly remembers the last $\frac{1}{1 - \beta}$ gradients: about 10 for the usual
# $\beta = 0.9$. Where the gradients of successive steps point the same way, $v$ keeps their
# common direction; where they flip back and forth, they cancel out in the average.
#
# The plot shows this on a sequence of 60 noisy numbers (think: one entry of $dW$ over 60
# steps) and its average $v$ for two values of $\beta$. A larger $\beta$ gives a smoother
# average that lags further behind. Notice also that $v$ starts at 0 and needs a few steps
# to catch up: Adam will correct that (section 6).

# %% tags=["demo"]
steps = np.arange(1, 61)
signal = np.where(steps <= 30, 1.0, -0.5)
noisy = signal + np.random.default_rng(0).normal(0.0, 0.6, size=steps.size)


def running_average(values, beta):
    out, current = [], 0.0
    for value in values:
        current = beta * current + (1 - beta) * value
        out.append(current)
    return np.array(out)


fig, ax = plt.subplots(figsize=(7, 3.8))
ax.plot(steps, noisy, ".", color="gray", label="gradient at each step")
ax.plot(steps, signal, ":", color="black", label="what the gradients scatter around")
for beta in (0.5, 0.9):
    ax.plot(steps, running_average(noisy, beta), label=rf"$v$ with $\beta = {beta}$")
ax.set_xlabel("step")
ax.legend(frameon=False, fontsize=9)
plt.show()

# The average of a constant 1 after 10 steps with beta = 0.9: only 1 - 0.9**10 of it.
print("v after 10 steps of a constant gradient 1:", running_average(np.ones(10), 0.9)[-1])
assert abs(running_average(np.ones(10), 0.9)[-1] - 0.651) < 0.001, "v reaches only 0.651"

# %% [markdown]
# ### Exercise 3 - `initialize_velocity`
#
# The velocity starts at zero. Return a dictionary `v` with, for $l = 1, \dots, L$:
#
# - `v["dW" + str(l)]`: zeros of the shape of `parameters["W" + str(l)]`;
# - `v["db" + str(l)]`: zeros of the shape of `parameters["b" + str(l)]`.
#
# The keys start with "d" because $v$ averages the gradients.

# %% nbgrader={"grade_id": "initialize_velocity", "solution": true}
# GRADED FUNCTION: initialize_velocity
def initialize_velocity(parameters):
    """The initial velocity of momentum: zeros of the shape of each parameter.

    Arguments:
    parameters -- dictionary with "W1", "b1", ..., "WL", "bL"

    Returns:
    v -- dictionary with "dW1", "db1", ..., "dWL", "dbL": numpy arrays of zeros (float)
         of the shapes of W1, b1, ..., WL, bL
    """
    L = len(parameters) // 2  # number of layers
    v = {}

    for l in range(1, L + 1):
        ### BEGIN SOLUTION
        v[f"dW{l}"] = np.zeros(parameters[f"W{l}"].shape)
        v[f"db{l}"] = np.zeros(parameters[f"b{l}"].shape)
        ### END SOLUTION

    return v


# %% nbgrader={"grade_id": "test_initialize_velocity", "points": 1}
parameters, _ = example_parameters_and_grads()
v = initialize_velocity(parameters)
for name, value in v.items():
    print(f"{name} =\n{value}")
run_checks(
    "initialize_velocity",
    lambda: check_keys(v, {"dW1", "db1", "dW2", "db2"}, "v"),
    lambda: check_array(v["dW1"], np.zeros((2, 3)), "v['dW1']",
                        hints=[([[0.5, -1.0, 2.0], [1.5, 0.0, -0.5]],
                                "v holds the parameters: zeros of their shape (np.zeros)?")]),
    lambda: check_array(v["db1"], np.zeros((2, 1)), "v['db1']"),
    lambda: check_array(v["dW2"], np.zeros((1, 2)), "v['dW2']"),
    lambda: check_array(v["db2"], np.zeros((1, 1)), "v['db2']"),
)
### BEGIN HIDDEN TESTS
def _hidden_initialize_velocity():
    for _seed, _dims in enumerate(([3, 1], [4, 6, 2, 1], [5, 3, 3, 2, 1])):
        _rng = np.random.default_rng(600 + _seed)
        _P = {}
        for _l in range(1, len(_dims)):
            _P[f"W{_l}"] = _rng.normal(size=(_dims[_l], _dims[_l - 1]))
            _P[f"b{_l}"] = _rng.normal(size=(_dims[_l], 1))
        _copies = {_k: _w.copy() for _k, _w in _P.items()}
        _v = initialize_velocity(_P)
        _what = f"for a network with {len(_dims) - 1} layer(s)"
        check_keys(_v, {"d" + _k for _k in _P}, f"v {_what}")
        for _k in _P:
            check_array(_v["d" + _k], np.zeros(_P[_k].shape), f"v['d{_k}'] {_what}",
                        rtol=0, atol=0)
            check_unchanged(_copies[_k], _P[_k], f"parameters[{_k!r}] (an input)")
        # The velocity must be new arrays, not views of the parameters.
        _v["dW1"] += 1.0
        check_unchanged(_copies["W1"], _P["W1"], "parameters['W1'] (v must not share its arrays)")


_hidden_initialize_velocity()
### END HIDDEN TESTS

# %% [markdown]
# ### Exercise 4 - `update_parameters_with_momentum`
#
# Implement one step of momentum with the formulas above: first update the velocity of a
# parameter, then move the parameter with the **new** velocity. Return the parameters and
# the velocities.

# %% nbgrader={"grade_id": "update_parameters_with_momentum", "solution": true}
# GRADED FUNCTION: update_parameters_with_momentum
def update_parameters_with_momentum(parameters, grads, v, beta, learning_rate):
    """One step of gradient descent with momentum.

    Arguments:
    parameters -- dictionary with "W1", "b1", ..., "WL", "bL"
    grads -- dictionary with "dW1", "db1", ..., "dWL", "dbL"
    v -- dictionary with the current velocities "dW1", "db1", ..., "dWL", "dbL"
    beta -- the momentum hyperparameter, a number in [0, 1)
    learning_rate -- the learning rate alpha, a number

    Returns:
    parameters -- dictionary with the updated parameters
    v -- dictionary with the updated velocities
    """
    L = len(parameters) // 2  # number of layers

    for l in range(1, L + 1):
        ### BEGIN SOLUTION
        v[f"dW{l}"] = beta * v[f"dW{l}"] + (1 - beta) * grads[f"dW{l}"]
        v[f"db{l}"] = beta * v[f"db{l}"] + (1 - beta) * grads[f"db{l}"]
        parameters[f"W{l}"] = parameters[f"W{l}"] - learning_rate * v[f"dW{l}"]
        parameters[f"b{l}"] = parameters[f"b{l}"] - learning_rate * v[f"db{l}"]
        ### END SOLUTION

    return parameters, v


# %% nbgrader={"grade_id": "test_update_parameters_with_momentum", "points": 2}
# The example, with a velocity that is not zero: beta = 0.9, learning_rate = 0.1.
parameters, grads = example_parameters_and_grads()
v = {"dW1": np.array([[0.1, 0.0, -0.2], [0.3, -0.1, 0.0]]), "db1": np.array([[0.0], [0.2]]),
     "dW2": np.array([[-0.5, 0.5]]), "db2": np.array([[0.4]])}
parameters, v = update_parameters_with_momentum(parameters, grads, v, beta=0.9,
                                                learning_rate=0.1)
for name in ("W1", "b1", "W2", "b2"):
    print(f"{name} =\n{parameters[name]}\nv['d{name}'] =\n{v['d' + name]}")
run_checks(
    "update_parameters_with_momentum",
    lambda: check_keys(parameters, {"W1", "b1", "W2", "b2"}, "parameters"),
    lambda: check_keys(v, {"dW1", "db1", "dW2", "db2"}, "v"),
    lambda: check_array(v["dW1"], [[0.11, 0.04, -0.24], [0.17, -0.04, 0.0]], "v['dW1']",
                        hints=[([[0.29, 0.4, -0.78], [-0.73, 0.41, 0.0]],
                                "β v + dW: the factor (1 − β) of dW forgotten?"),
                               ([[0.19, 0.36, -0.56], [-0.87, 0.44, 0.0]],
                                "β and 1 − β swapped: β v + (1 − β) dW?"),
                               ([[0.1, 0.0, -0.2], [0.3, -0.1, 0.0]],
                                "v unchanged: the new velocity stored in v[...]?")]),
    lambda: check_array(v["db1"], [[0.005], [0.17]], "v['db1']",
                        hints=[([[0.0], [0.2]], "v['db'] not updated: the biases too?")]),
    lambda: check_array(v["dW2"], [[-0.42, 0.38]], "v['dW2']"),
    lambda: check_array(v["db2"], [[0.48]], "v['db2']"),
    lambda: check_array(parameters["W1"], [[0.489, -1.004, 2.024], [1.483, 0.004, -0.5]],
                        "W1", hints=[([[0.48, -1.04, 2.06], [1.6, -0.05, -0.5]],
                                      "a step with dW: the step uses the velocity v?"),
                                     ([[0.49, -1.0, 2.02], [1.47, 0.01, -0.5]],
                                      "a step with the old velocity: update v first?")]),
    lambda: check_array(parameters["b1"], [[0.0995], [-0.217]], "b1"),
    lambda: check_array(parameters["W2"], [[1.042, -2.038]], "W2"),
    lambda: check_array(parameters["b2"], [[0.252]], "b2"),
)
### BEGIN HIDDEN TESTS
def _hidden_update_parameters_with_momentum():
    for _seed, (_dims, _beta, _lr) in enumerate((([3, 4, 1], 0.9, 0.05),
                                                   ([2, 3, 3, 1], 0.5, 0.2),
                                                   ([4, 2], 0.0, 0.1))):
        _rng = np.random.default_rng(700 + _seed)
        _P = {}
        for _l in range(1, len(_dims)):
            _P[f"W{_l}"] = _rng.normal(size=(_dims[_l], _dims[_l - 1]))
            _P[f"b{_l}"] = _rng.normal(size=(_dims[_l], 1))
        _V = {"d" + _k: _rng.normal(size=_w.shape) for _k, _w in _P.items()}
        _want_P = {_k: _w.copy() for _k, _w in _P.items()}
        _want_V = {_k: _w.copy() for _k, _w in _V.items()}
        _got_P = {_k: _w.copy() for _k, _w in _P.items()}
        _got_V = {_k: _w.copy() for _k, _w in _V.items()}
        _what = f"for {len(_dims) - 1} layer(s), beta={_beta}, learning_rate={_lr}"
        # Three steps in a row, each with new gradients.
        for _step in range(3):
            _G = {"d" + _k: _rng.normal(size=_w.shape) for _k, _w in _P.items()}
            for _k in _want_P:
                _want_V["d" + _k] = _beta * _want_V["d" + _k] + (1.0 - _beta) * _G["d" + _k]
                _want_P[_k] = _want_P[_k] - _lr * _want_V["d" + _k]
            _G_before = {_k: _w.copy() for _k, _w in _G.items()}
            _out = update_parameters_with_momentum(_got_P, _G, _got_V, _beta, _lr)
            check_type(_out, tuple, "the result of update_parameters_with_momentum")
            check_equal(len(_out), 2, "the number of values returned")
            _got_P, _got_V = _out
            check_keys(_got_P, set(_want_P), f"parameters after step {_step + 1} {_what}")
            check_keys(_got_V, set(_want_V), f"v after step {_step + 1} {_what}")
            for _k in _want_P:
                check_array(_got_V["d" + _k], _want_V["d" + _k],
                            f"v['d{_k}'] after step {_step + 1} {_what}", rtol=1e-9,
                            atol=1e-12)
                check_array(_got_P[_k], _want_P[_k], f"{_k} after step {_step + 1} {_what}",
                            rtol=1e-9, atol=1e-12)
            for _k in _G:
                check_unchanged(_G_before[_k], _G[_k], f"grads[{_k!r}] passed to the update")


_hidden_update_parameters_with_momentum()
### END HIDDEN TESTS

# %% [markdown]
# How to choose $\beta$: $\beta = 0$ is plain gradient descent, and the larger $\beta$, the
# smoother the updates (and the more they lag behind the gradients). $\beta = 0.9$ is a good
# default; values between 0.8 and 0.999 are common.
#
# ## 6 - Adam
#
# Adam (*adaptive moment estimation*) combines momentum with a second average, of the
# **squared** gradients, that measures how large each gradient entry has typically been.
# Each parameter then takes a step of the size of its averaged gradient *divided by* that
# typical size: parameters with consistently large gradients take no larger steps than
# those with small ones. Both averages start at 0, and you saw above what that does to
# momentum's: after 10 steps of a constant gradient 1, $v$ is only 0.651. Adam corrects
# that shortfall, and you can work out the correction yourself.
#
# ### Exercise 5 - `bias_correction`
#
# Take one entry of the gradient, $g_t$ at step $t$, and its average
#
# $$v_0 = 0, \qquad v_t = \beta \, v_{t-1} + (1 - \beta) \, g_t \quad (t = 1, 2, \dots).$$
#
# 1. Unroll the recursion: write $v_t$ as a weighted sum of $g_1, g_2, \dots, g_t$. Which
#    weight does $g_k$ get?
# 2. If every gradient is the same number $g$, then $v_t = c_t \, g$, where $c_t$ depends only
#    on $\beta$ and $t$. Find $c_t$ (the weights form a geometric series, which has a closed
#    form).
#
# Dividing by $c_t$ removes the shortfall exactly: $v_t / c_t = g$ for a constant gradient.
# That is Adam's **bias correction**. Implement `bias_correction(beta, t)`, which returns
# $c_t$ for $t \ge 1$. (A loop that adds up the weights is correct too; the closed form is one
# line.)

# %% nbgrader={"grade_id": "bias_correction", "solution": true}
# GRADED FUNCTION: bias_correction
def bias_correction(beta, t):
    """The factor c_t by which an average v_t started at 0 falls short of a constant gradient.

    Arguments:
    beta -- the decay of the average, a number in [0, 1)
    t -- the number of steps taken, an integer >= 1

    Returns:
    c_t -- a number in (0, 1]: v_t = c_t * g when all t gradients equal g
    """
    ### BEGIN SOLUTION
    # v_t = (1 - beta) * sum_k beta^(t - k) g_k; the weights add up to 1 - beta^t.
    c_t = 1 - beta ** t
    ### END SOLUTION
    return c_t


# %% nbgrader={"grade_id": "test_bias_correction", "points": 2}
# The momentum plot's figure: after 10 steps with beta = 0.9, v of a constant 1 is 0.6513.
print("bias_correction(0.9, 10) =", bias_correction(0.9, 10))
run_checks(
    "bias_correction",
    lambda: check_scalar(bias_correction(0.9, 10), 0.6513215599, "bias_correction(0.9, 10)",
                         rtol=1e-8, hints=[
                             (1e-10, "(1 − β) to the power t: the weight of g_k is (1 − β) "
                                     "times a power of β alone?"),
                             (0.6125795110, "an off-by-one in the power: with t = 1 the "
                                            "average is (1 − β) g_1?"),
                             (0.6861894039, "an off-by-one in the power: with t = 1 the "
                                            "average is (1 − β) g_1?"),
                             (0.3486784401, "β^t is the share of the starting value v_0, "
                                            "not of the gradients?"),
                             (6.513215599, "the sum of the powers of β without the factor "
                                           "(1 − β)?"),
                             (0.5861894039, "the newest gradient g_t gets the weight (1 − β), "
                                            "times β to the power 0?")]),
    lambda: check_scalar(bias_correction(0.5, 1), 0.5, "bias_correction(0.5, 1)", rtol=1e-8),
    lambda: check_scalar(bias_correction(0.999, 2), 0.001999, "bias_correction(0.999, 2)",
                         rtol=1e-8),
)
### BEGIN HIDDEN TESTS
def _hidden_bias_correction():
    def _average_of_ones(_beta, _t):
        # the definition: v_0 = 0, v_t = beta v_(t-1) + (1 - beta) * 1
        _v = 0.0
        for _ in range(_t):
            _v = _beta * _v + (1.0 - _beta) * 1.0
        return _v

    for _beta in (0.0, 0.5, 0.8, 0.9, 0.99, 0.999):
        for _t in (1, 2, 3, 7, 50, 1000):
            _want = _average_of_ones(_beta, _t)
            check_scalar(bias_correction(_beta, _t), _want,
                         f"bias_correction({_beta}, {_t})", rtol=1e-9, atol=1e-15,
                         hints=[(_average_of_ones(_beta, _t - 1), "an off-by-one in the power?"),
                                (_average_of_ones(_beta, _t + 1), "an off-by-one in the power?"),
                                ((1.0 - _beta) ** _t, "(1 − β) to the power t?")])
    check_scalar(bias_correction(beta=0.95, t=20), _average_of_ones(0.95, 20),
                 "bias_correction(beta=0.95, t=20)", rtol=1e-9)


_hidden_bias_correction()
### END HIDDEN TESTS

# %% [markdown]
# The correction on the momentum plot's example, an average of the constant gradient 1:

# %% tags=["demo"]
v_raw = running_average(np.ones(30), 0.9)
v_fixed = v_raw / np.array([bias_correction(0.9, t) for t in range(1, 31)])
fig, ax = plt.subplots(figsize=(6, 3.4))
ax.axhline(1.0, color="grey", linewidth=6, alpha=0.3, label="the gradient, 1")
ax.plot(range(1, 31), v_raw, "o-", markersize=3, label="$v_t$, started at 0")
ax.plot(range(1, 31), v_fixed, "s--", markersize=3, label="$v_t / c_t$, corrected (on the 1)")
ax.set_xlabel("step $t$")
ax.set_ylim(0, 1.15)
ax.legend(frameon=False)
plt.show()
print("corrected average at steps 1, 10, 30:", v_fixed[[0, 9, 29]])
assert np.allclose(v_fixed, 1.0), "the corrected average of a constant 1 is 1 from the first step"

# %% [markdown]
# **Adam.** For $l = 1, \dots, L$, at step $t$ (counted from 1):
#
# $$\begin{aligned}
# v_{dW^{[l]}} &= \beta_1 v_{dW^{[l]}} + (1 - \beta_1) \, dW^{[l]}, &
# v^{corrected}_{dW^{[l]}} &= \frac{v_{dW^{[l]}}}{c_t(\beta_1)}, \\
# s_{dW^{[l]}} &= \beta_2 s_{dW^{[l]}} + (1 - \beta_2) \, (dW^{[l]})^2, &
# s^{corrected}_{dW^{[l]}} &= \frac{s_{dW^{[l]}}}{c_t(\beta_2)}, \\
# W^{[l]} &= W^{[l]} - \alpha \, \frac{v^{corrected}_{dW^{[l]}}}
# {\sqrt{s^{corrected}_{dW^{[l]}}} + \varepsilon}, &&
# \end{aligned}$$
#
# and the same for $b^{[l]}$ with $db^{[l]}$. The square, the square root and the division
# are elementwise.
#
# - $v$ is the momentum average of the gradients, $s$ the average of their squares.
# - $c_t(\beta_1)$ and $c_t(\beta_2)$ are the factor of exercise 5 with $\beta = \beta_1$
#   and $\beta = \beta_2$: each average is corrected for its own decay. As $t$ grows,
#   $c_t \to 1$ and the correction fades away.
# - $\varepsilon$ (e.g. $10^{-8}$) only prevents a division by zero. It is added **after**
#   the square root.
# - The usual values: $\beta_1 = 0.9$, $\beta_2 = 0.999$, $\varepsilon = 10^{-8}$; the
#   learning rate $\alpha$ still needs tuning.
#
# ### Exercise 6 - `initialize_adam`
#
# Both averages start at zero. Return `v` and `s`, two dictionaries with the keys
# `"dW1"`, `"db1"`, ..., `"dWL"`, `"dbL"`, holding zeros of the shapes of the
# corresponding parameters (as for `initialize_velocity`).

# %% nbgrader={"grade_id": "initialize_adam", "solution": true}
# GRADED FUNCTION: initialize_adam
def initialize_adam(parameters):
    """The initial averages of Adam: zeros of the shape of each parameter.

    Arguments:
    parameters -- dictionary with "W1", "b1", ..., "WL", "bL"

    Returns:
    v -- dictionary with "dW1", "db1", ..., "dWL", "dbL": zeros, the average of the gradients
    s -- dictionary with the same keys: zeros, the average of the squared gradients
    """
    L = len(parameters) // 2  # number of layers
    v = {}
    s = {}

    for l in range(1, L + 1):
        ### BEGIN SOLUTION
        v[f"dW{l}"] = np.zeros(parameters[f"W{l}"].shape)
        v[f"db{l}"] = np.zeros(parameters[f"b{l}"].shape)
        s[f"dW{l}"] = np.zeros(parameters[f"W{l}"].shape)
        s[f"db{l}"] = np.zeros(parameters[f"b{l}"].shape)
        ### END SOLUTION

    return v, s


# %% nbgrader={"grade_id": "test_initialize_adam", "points": 1}
parameters, _ = example_parameters_and_grads()
v, s = initialize_adam(parameters)
print("v:", {name: value.shape for name, value in v.items()})
print("s:", {name: value.shape for name, value in s.items()})
run_checks(
    "initialize_adam",
    lambda: check_keys(v, {"dW1", "db1", "dW2", "db2"}, "v"),
    lambda: check_keys(s, {"dW1", "db1", "dW2", "db2"}, "s"),
    lambda: check_array(v["dW1"], np.zeros((2, 3)), "v['dW1']",
                        hints=[([[0.5, -1.0, 2.0], [1.5, 0.0, -0.5]],
                                "v holds the parameters: zeros of their shape (np.zeros)?")]),
    lambda: check_array(v["db2"], np.zeros((1, 1)), "v['db2']"),
    lambda: check_array(s["dW2"], np.zeros((1, 2)), "s['dW2']",
                        hints=[(np.ones((1, 2)), "s starts at one: zeros (np.zeros)?")]),
    lambda: check_array(s["db1"], np.zeros((2, 1)), "s['db1']"),
)
### BEGIN HIDDEN TESTS
def _hidden_initialize_adam():
    for _seed, _dims in enumerate(([2, 1], [3, 5, 4, 1], [6, 2, 2, 2, 1])):
        _rng = np.random.default_rng(800 + _seed)
        _P = {}
        for _l in range(1, len(_dims)):
            _P[f"W{_l}"] = _rng.normal(size=(_dims[_l], _dims[_l - 1]))
            _P[f"b{_l}"] = _rng.normal(size=(_dims[_l], 1))
        _copies = {_k: _w.copy() for _k, _w in _P.items()}
        _out = initialize_adam(_P)
        check_type(_out, tuple, "the result of initialize_adam")
        check_equal(len(_out), 2, "the number of values initialize_adam returns")
        _v, _s = _out
        _what = f"for a network with {len(_dims) - 1} layer(s)"
        for _name, _d in (("v", _v), ("s", _s)):
            check_keys(_d, {"d" + _k for _k in _P}, f"{_name} {_what}")
            for _k in _P:
                check_array(_d["d" + _k], np.zeros(_P[_k].shape), f"{_name}['d{_k}'] {_what}",
                            rtol=0, atol=0)
        for _k in _P:
            check_unchanged(_copies[_k], _P[_k], f"parameters[{_k!r}] given to initialize_adam")
        # v and s must be separate arrays: changing one must not change the other.
        _v["dW1"] += 1.0
        check_array(_s["dW1"], np.zeros(_P["W1"].shape),
                    "s['dW1'] after changing v['dW1'] (v and s must not share arrays)",
                    rtol=0, atol=0, hints=[(np.ones(_P["W1"].shape),
                                            "v and s share their arrays: give s its own "
                                            "np.zeros?")])


_hidden_initialize_adam()
### END HIDDEN TESTS

# %% [markdown]
# ### Exercise 7 - `update_parameters_with_adam`
#
# Implement one step of Adam with the formulas above, for every layer and for both $W$ and
# $b$:
#
# 1. update `v` (as in momentum, with `beta1`) and compute `v_corrected`;
# 2. update `s` with the squared gradients (`beta2`) and compute `s_corrected`;
# 3. update the parameters.
#
# `t` is the number of Adam steps taken so far, this one included (1 at the first call).
# You may call your `bias_correction` for $c_t$ (the tests of this exercise put a correct
# `bias_correction` in place of yours, so a mistake there costs the points of exercise 5
# only). Return the parameters, `v`, `s`, and the dictionaries `v_corrected` and
# `s_corrected` (same keys as `v`).
#
# <details><summary>Hints</summary>
#
# - `grads[f"dW{l}"] ** 2` squares every entry; `np.sqrt` takes the square root of every
#   entry.
# - Update with the corrected averages, and add `epsilon` outside the square root.
# </details>

# %% nbgrader={"grade_id": "update_parameters_with_adam", "solution": true}
# GRADED FUNCTION: update_parameters_with_adam
def update_parameters_with_adam(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9,
                                beta2=0.999, epsilon=1e-8):
    """One step of Adam.

    Arguments:
    parameters -- dictionary with "W1", "b1", ..., "WL", "bL"
    grads -- dictionary with "dW1", "db1", ..., "dWL", "dbL"
    v -- Adam's average of the gradients, dictionary with the keys of grads
    s -- Adam's average of the squared gradients, dictionary with the keys of grads
    t -- the number of this step (1 for the first step), used by the bias correction
    learning_rate -- the learning rate alpha
    beta1 -- decay of the average of the gradients
    beta2 -- decay of the average of the squared gradients
    epsilon -- a small number that prevents a division by zero

    Returns:
    parameters -- dictionary with the updated parameters
    v -- the updated average of the gradients
    s -- the updated average of the squared gradients
    v_corrected -- the bias-corrected v, dictionary with the keys of grads
    s_corrected -- the bias-corrected s, dictionary with the keys of grads
    """
    L = len(parameters) // 2  # number of layers
    v_corrected = {}
    s_corrected = {}

    for l in range(1, L + 1):
        ### BEGIN SOLUTION
        for p in ("W", "b"):
            key = f"d{p}{l}"
            v[key] = beta1 * v[key] + (1 - beta1) * grads[key]
            v_corrected[key] = v[key] / (1 - beta1 ** t)
            s[key] = beta2 * s[key] + (1 - beta2) * grads[key] ** 2
            s_corrected[key] = s[key] / (1 - beta2 ** t)
            parameters[f"{p}{l}"] = parameters[f"{p}{l}"] - learning_rate * v_corrected[key] / (
                np.sqrt(s_corrected[key]) + epsilon)
        ### END SOLUTION

    return parameters, v, s, v_corrected, s_corrected


# %% nbgrader={"grade_id": "test_update_parameters_with_adam", "points": 3}
# The example at step t = 2, with averages that are not zero; the default hyperparameters.
parameters, grads = example_parameters_and_grads()
v = {"dW1": np.array([[0.1, 0.0, -0.2], [0.3, -0.1, 0.0]]), "db1": np.array([[0.0], [0.2]]),
     "dW2": np.array([[-0.5, 0.5]]), "db2": np.array([[0.4]])}
s = {"dW1": np.array([[0.01, 0.02, 0.0], [0.04, 0.01, 0.03]]),
     "db1": np.array([[0.001], [0.002]]), "dW2": np.array([[0.05, 0.06]]),
     "db2": np.array([[0.1]])}
# If your Adam calls bias_correction, it gets these values of c_t (exercise 5), not yours.
C_T = {(0.9, 1): 0.1, (0.999, 1): 0.001, (0.9, 2): 0.19, (0.999, 2): 0.001999}
with substituted(globals(), bias_correction=lambda beta, t: C_T[(beta, t)]):
    parameters, v, s, v_corrected, s_corrected = update_parameters_with_adam(parameters, grads,
                                                                             v, s, t=2)
    # One first step (t = 1) with a large epsilon = 0.1 and learning_rate = 0.1: then v̂ = dW
    # and ŝ = dW², and each parameter moves by -0.1 * dW / (|dW| + 0.1), epsilon outside the
    # root.
    one_step = update_parameters_with_adam(
        {"W1": np.array([[1.0]]), "b1": np.array([[0.0]])},
        {"dW1": np.array([[0.02]]), "db1": np.array([[-0.5]])},
        {"dW1": np.zeros((1, 1)), "db1": np.zeros((1, 1))},
        {"dW1": np.zeros((1, 1)), "db1": np.zeros((1, 1))}, 1, 0.1, 0.9, 0.999, 0.1)
W_eps, b_eps = one_step[0]["W1"], one_step[0]["b1"]
print("W1 =\n", parameters["W1"])
print("v_corrected['dW1'] =\n", v_corrected["dW1"])
print("s_corrected['dW1'] =\n", s_corrected["dW1"])
run_checks(
    "update_parameters_with_adam",
    lambda: check_keys(v_corrected, {"dW1", "db1", "dW2", "db2"}, "v_corrected"),
    lambda: check_keys(s_corrected, {"dW1", "db1", "dW2", "db2"}, "s_corrected"),
    lambda: check_array(v["dW1"], [[0.11, 0.04, -0.24], [0.17, -0.04, 0.0]], "v['dW1']"),
    lambda: check_array(s["dW1"], [[0.01003, 0.02014, 0.00036], [0.04096, 0.01024, 0.02997]],
                        "s['dW1']", hints=[
                            ([[0.01019, 0.02038, -0.0006], [0.03896, 0.01049, 0.02997]],
                             "dW not squared in s: grads[...] ** 2?"),
                            ([[0.013, 0.034, 0.036], [0.136, 0.034, 0.027]],
                             "s averaged with beta1: s uses beta2?")]),
    lambda: check_array(v_corrected["dW1"], [[0.5789473684, 0.2105263158, -1.2631578947],
                                             [0.8947368421, -0.2105263158, 0.0]],
                        "v_corrected['dW1']", rtol=1e-8),
    lambda: check_array(s_corrected["dW1"], [[5.0175087544, 10.0750375188, 0.180090045],
                                             [20.4902451226, 5.1225612806, 14.9924962481]],
                        "s_corrected['dW1']", rtol=1e-8),
    lambda: check_array(parameters["W1"], [[0.49741539, -1.0006632588, 2.0297654722],
                                           [1.4980233866, 0.000930171, -0.5]], "W1",
                        rtol=1e-8, hints=[
                            ([[0.4890164641, -1.0028185791, 2.1264910397],
                              [1.4916002004, 0.0039528467, -0.5]],
                             "the step with v and s: use v_corrected and s_corrected?"),
                            ([[0.4988461458, -1.0002089583, 2.070140347],
                              [1.4995633352, 0.0004109786, -0.5]],
                             "the square root of s_corrected forgotten?")]),
    lambda: check_array(parameters["b1"], [[0.0996282103], [-0.2089272944]], "b1", rtol=1e-8),
    lambda: check_array(parameters["W2"], [[1.0044181803, -2.0036375594]], "W2", rtol=1e-8),
    lambda: check_array(parameters["b2"], [[0.2964518368]], "b2", rtol=1e-8),
    lambda: check_array(s["db2"], [[0.10134]], "s['db2']"),
    lambda: check_array(W_eps, [[0.9833333333]],
                        "W1 after one step with epsilon=0.1", rtol=1e-8,
                        hints=[([[0.9936880560]], "epsilon inside the square root? "
                                                  "v̂ / (√ŝ + ε), ε outside")]),
    lambda: check_array(b_eps, [[0.0833333333]],
                        "b1 after one step with epsilon=0.1", rtol=1e-8),
)
### BEGIN HIDDEN TESTS
def _hidden_update_parameters_with_adam():
    def _step(_P, _G, _V, _S, _t, _lr, _b1, _b2, _eps):
        _vc, _sc = {}, {}
        for _k in _P:
            _d = "d" + _k
            _V[_d] = _b1 * _V[_d] + (1.0 - _b1) * _G[_d]
            _S[_d] = _b2 * _S[_d] + (1.0 - _b2) * np.square(_G[_d])
            _vc[_d] = _V[_d] / (1.0 - np.power(_b1, _t))
            _sc[_d] = _S[_d] / (1.0 - np.power(_b2, _t))
            _P[_k] = _P[_k] - _lr * _vc[_d] / (np.sqrt(_sc[_d]) + _eps)
        return _vc, _sc

    _cases = (
        ([3, 4, 1], dict(), 4),
        ([2, 3, 3, 1], dict(learning_rate=0.05, beta1=0.8, beta2=0.99, epsilon=1e-6), 3),
        ([4, 2], dict(learning_rate=0.002, beta1=0.5, beta2=0.9, epsilon=0.1), 3),
    )
    for _seed, (_dims, _kw, _n_steps) in enumerate(_cases):
        _rng = np.random.default_rng(900 + _seed)
        _hp = dict(learning_rate=0.01, beta1=0.9, beta2=0.999, epsilon=1e-8)
        _hp.update(_kw)
        _P = {}
        for _l in range(1, len(_dims)):
            _P[f"W{_l}"] = _rng.normal(size=(_dims[_l], _dims[_l - 1]))
            _P[f"b{_l}"] = _rng.normal(size=(_dims[_l], 1))
        _want_P = {_k: _w.copy() for _k, _w in _P.items()}
        _want_V = {"d" + _k: np.zeros(_w.shape) for _k, _w in _P.items()}
        _want_S = {"d" + _k: np.zeros(_w.shape) for _k, _w in _P.items()}
        _got_P = {_k: _w.copy() for _k, _w in _P.items()}
        _got_V = {_k: _w.copy() for _k, _w in _want_V.items()}
        _got_S = {_k: _w.copy() for _k, _w in _want_S.items()}
        _what = (f"for {len(_dims) - 1} layer(s), " + (", ".join(
            f"{_n}={_x:g}" for _n, _x in _kw.items()) or "the default hyperparameters"))
        for _t in range(1, _n_steps + 1):
            # Gradients of very different sizes, some tiny (where epsilon matters).
            _G = {"d" + _k: _rng.normal(size=_w.shape) * 10.0 ** _rng.integers(-5, 2, _w.shape)
                  for _k, _w in _P.items()}
            _vc, _sc = _step(_want_P, _G, _want_V, _want_S, _t, _hp["learning_rate"],
                             _hp["beta1"], _hp["beta2"], _hp["epsilon"])
            with substituted(globals(), bias_correction=lambda beta, t: 1.0 - beta ** t):
                _out = update_parameters_with_adam(_got_P, _G, _got_V, _got_S, _t, **_kw)
            check_type(_out, tuple, "the result of update_parameters_with_adam")
            check_equal(len(_out), 5, "the number of values update_parameters_with_adam returns")
            _got_P, _got_V, _got_S, _got_vc, _got_sc = _out
            _when = f"after step t={_t} {_what}"
            for _name, _got, _want in (("v", _got_V, _want_V), ("s", _got_S, _want_S),
                                       ("v_corrected", _got_vc, _vc),
                                       ("s_corrected", _got_sc, _sc)):
                check_keys(_got, set(_want), f"{_name} {_when}")
                for _d in _want:
                    check_array(_got[_d], _want[_d], f"{_name}[{_d!r}] {_when}", rtol=1e-8,
                                atol=1e-14)
            check_keys(_got_P, set(_want_P), f"parameters {_when}")
            for _k in _want_P:
                check_array(_got_P[_k], _want_P[_k], f"{_k} {_when}", rtol=1e-8, atol=1e-12)


_hidden_update_parameters_with_adam()
### END HIDDEN TESTS

# %% [markdown]
# ### The three update rules on a long, narrow valley
#
# Before training the network, watch the three update rules on a cost you can draw: a
# "network" with two parameters, `W1` and `b1` (each of shape $(1, 1)$), and the cost
#
# $$J = \tfrac{1}{2} \left( 0.5 \, W_1^2 + 20 \, b_1^2 \right),$$
#
# a valley 40 times steeper across ($b_1$) than along ($W_1$), with its minimum at
# $(0, 0)$. Its gradients are $dW_1 = 0.5 \, W_1$ and $db_1 = 20 \, b_1$.
#
# ### Exercise 8 - derive: how large a learning rate can gradient descent take here?
#
# Too large a learning rate makes gradient descent diverge: the parameters move further from
# the minimum at every step and the cost explodes. Work out, on paper, the largest learning
# rate $\alpha$ for which gradient descent started at $(-4, 1)$ does **not** diverge on this
# valley. Write one step of gradient descent for $W_1$ and for $b_1$ separately: each is
# multiplied by a number that depends on $\alpha$. When does repeating that multiplication
# blow up?
#
# Store the limit in `valley_max_learning_rate` (a number, or the arithmetic that gives it).
# The grader checks your number against runs of gradient descent: a little below it
# (0.97 times your number) gradient descent must converge, a little above it (1.03 times)
# it must diverge. The cell after the test makes these two runs for you.

# %% nbgrader={"grade_id": "valley_max_learning_rate", "solution": true}
# valley_max_learning_rate = ...
### BEGIN SOLUTION
# b1 := (1 - 20 alpha) b1 and W1 := (1 - 0.5 alpha) W1: both factors must lie in (-1, 1),
# and the steep direction sets the limit, 1 - 20 alpha > -1.
valley_max_learning_rate = 2 / 20
### END SOLUTION
print("valley_max_learning_rate =", valley_max_learning_rate)

# %% nbgrader={"grade_id": "test_valley_max_learning_rate", "points": 2}
def valley_gd_cost(learning_rate, num_steps=300):
    """The valley's cost after num_steps steps of gradient descent from (-4, 1)."""
    W, b = -4.0, 1.0
    with np.errstate(over="ignore", invalid="ignore"):
        for _ in range(num_steps):
            W, b = W - learning_rate * 0.5 * W, b - learning_rate * 20.0 * b
        return 0.5 * (0.5 * W ** 2 + 20.0 * b ** 2)


run_checks(
    "valley_max_learning_rate",
    lambda: check_between(valley_max_learning_rate, 1e-6, 100.0, "valley_max_learning_rate",
                          "a positive learning rate"),
)
### BEGIN HIDDEN TESTS
def _hidden_valley_max_learning_rate():
    _start = 0.5 * (0.5 * 16.0 + 20.0)  # the cost at (-4, 1)
    check_between(valley_max_learning_rate, 1e-6, 100.0, "valley_max_learning_rate",
                  "a positive learning rate")
    _lr = float(valley_max_learning_rate)
    _hints = [(1 / 20, "1 / 20: the factor 1 − 20α may go below 0, as long as it stays above −1?"),
              (2 / 0.5, "the limit of the gentle direction W1: the steep direction b1 "
                        "diverges first?"),
              (2 / 10, "the steepness of b1 is its gradient's factor 20 (db1 = 20 b1), not the "
                       "10 of J?"),
              (0.09, "0.09 is the learning rate of the demo below, not the limit?")]
    # A learning rate just below the answer must converge, one just above must diverge.
    _below, _above = valley_gd_cost(0.97 * _lr), valley_gd_cost(1.03 * _lr)
    if not (_below <= 0.01 * _start and _above >= 100.0 * _start):
        # the runs disagree with the answer: name the likely cause if there is one
        check_scalar(_lr, 0.1, "valley_max_learning_rate", rtol=0.025, hints=_hints)
    check_between(_below, 0.0, 0.01 * _start,
                  "the valley's cost after 300 steps at 0.97 × valley_max_learning_rate",
                  "gradient descent converges below the limit")
    check_between(_above, 100.0 * _start, np.inf,
                  "the valley's cost after 300 steps at 1.03 × valley_max_learning_rate",
                  "gradient descent diverges above the limit")


_hidden_valley_max_learning_rate()
### END HIDDEN TESTS

# %% [markdown]
# The two runs, with your number, and then 40 steps of each update rule from $(-4, 1)$, with
# your functions:

# %% tags=["demo"]
# Each step multiplies W1 by (1 - 0.5 alpha) and b1 by (1 - 20 alpha), so after 300 steps
# from (-4, 1): W1 = -4 (1 - 0.5 alpha)^300 and b1 = (1 - 20 alpha)^300.
for factor in (0.97, 1.03):
    alpha = np.float64(factor * valley_max_learning_rate)
    with np.errstate(over="ignore"):
        W_end, b_end = -4.0 * (1 - 0.5 * alpha) ** 300, (1 - 20 * alpha) ** 300
        cost_end = 0.5 * (0.5 * W_end ** 2 + 20.0 * b_end ** 2)
    print(f"gradient descent at {factor} × {valley_max_learning_rate:.4g}: cost "
          f"{cost_end:.3g} after 300 steps (it started at {0.5 * (0.5 * 16 + 20):.3g})")


def valley_cost(W, b):
    return 0.5 * (0.5 * W ** 2 + 20.0 * b ** 2)


def valley_grads(parameters):
    return {"dW1": 0.5 * parameters["W1"], "db1": 20.0 * parameters["b1"]}


def valley_path(optimizer, learning_rate, num_steps=40):
    parameters = {"W1": np.array([[-4.0]]), "b1": np.array([[1.0]])}
    v, s = initialize_adam(parameters)
    path = [(-4.0, 1.0)]
    for t in range(1, num_steps + 1):
        grads = valley_grads(parameters)
        if optimizer == "gd":
            parameters = update_parameters_with_gd(parameters, grads, learning_rate)
        elif optimizer == "momentum":
            parameters, v = update_parameters_with_momentum(parameters, grads, v, 0.9,
                                                            learning_rate)
        else:
            parameters, v, s, _, _ = update_parameters_with_adam(parameters, grads, v, s, t,
                                                                 learning_rate)
        path.append((parameters["W1"].item(), parameters["b1"].item()))
    return np.array(path)


valley_runs = {"gradient descent, learning rate 0.09": valley_path("gd", 0.09),
               "momentum, learning rate 0.3": valley_path("momentum", 0.3),
               "Adam, learning rate 0.3": valley_path("adam", 0.3)}
W_grid, b_grid = np.meshgrid(np.linspace(-4.5, 1.5, 200), np.linspace(-1.3, 1.3, 200))
fig, axes = plt.subplots(1, 3, figsize=(14, 3.6), sharey=True)
for ax, (title, path) in zip(axes, valley_runs.items()):
    ax.contour(W_grid, b_grid, valley_cost(W_grid, b_grid),
               levels=np.geomspace(0.05, 20, 10), colors="lightgray", linewidths=0.8)
    ax.plot(path[:, 0], path[:, 1], "o-", markersize=3, label="40 steps from (−4, 1)")
    ax.plot(0, 0, "*", color="tab:red", markersize=12, label="the minimum")
    final = valley_cost(*path[-1])
    ax.set_title(f"{title}\ncost after 40 steps: {final:.3f}", fontsize=10)
    ax.set_xlabel("W1")
axes[0].set_ylabel("b1")
axes[0].legend(frameon=False, fontsize=8, loc="lower right")
plt.show()

final_costs = [valley_cost(*path[-1]) for path in valley_runs.values()]
diverged = valley_cost(*valley_path("gd", 0.3, num_steps=10)[-1])
print(f"gradient descent with learning rate 0.3: cost {diverged:.3g} after 10 steps")
assert final_costs[1] < final_costs[0] / 3, "momentum's cost: less than a third of GD's"
assert final_costs[2] < final_costs[0], "Adam's cost: below gradient descent's"
assert diverged > 1000 * valley_cost(-4.0, 1.0), "gradient descent at 0.3 should diverge"

# %% [markdown]
# - **Gradient descent** can use at most a learning rate of $2 / 20 = 0.1$ here (exercise
#   8): one step multiplies $b_1$ by $1 - 20\alpha$ and $W_1$ by $1 - 0.5\alpha$, and
#   both factors must stay between $-1$ and 1. The steep direction sets the limit: above it,
#   the steps across the valley overshoot more and more (with 0.3 the cost explodes, as the
#   printed line shows). At 0.09 it zig-zags across the valley and then crawls along it,
#   because its factor along $W_1$, $1 - 0.045$, is so close to 1. The steepest direction
#   limits the learning rate, the flattest sets the pace: that is why a valley, steep across
#   and flat along, is hard for gradient descent.
# - **Momentum** averages the gradients: across the valley they alternate in sign and cancel,
#   along it they add up. That lets it use a learning rate (0.3) at which gradient descent
#   diverges. With $\beta = 0.9$ it behaves like a heavy ball: it swings past the bottom and
#   back, but it gets there sooner: its cost after 40 steps is less than a third of
#   gradient descent's.
# - **Adam** divides each step by the typical size of its gradient, so at first both
#   parameters move at about the same speed, straight towards the minimum, whatever the
#   steepness; near the minimum it circles in with steps of the order of the learning rate.
#
# ## 7 - Comparing the optimizers on the network
#
# Now train the 3-layer network on the moons with each update rule. `model` below is
# ready-made: it runs `num_epochs` epochs, each over freshly shuffled mini-batches made by
# your `random_mini_batches` (with seed 11 at the first epoch, 12 at the second, ...), and
# updates the parameters after every mini-batch with the optimizer you name. Adam's step
# counter `t` counts mini-batch steps, not epochs. It records the average cost of each epoch
# every 100 epochs.

# %% tags=["demo"]
def model(X, Y, layers_dims, optimizer, learning_rate=0.0007, mini_batch_size=64, beta=0.9,
          beta1=0.9, beta2=0.999, epsilon=1e-8, num_epochs=2000, decay=None,
          print_cost=True):
    """Train the 3-layer network with mini-batches and the update rule `optimizer`.

    Arguments:
    X -- input data, shape (2, m)
    Y -- true labels 0/1, shape (1, m)
    layers_dims -- the layer sizes, e.g. [2, 5, 2, 1]
    optimizer -- "gd", "momentum" or "adam"
    learning_rate -- the learning rate (the initial one if decay is given)
    mini_batch_size -- the size of a mini-batch
    beta -- momentum's hyperparameter
    beta1, beta2, epsilon -- Adam's hyperparameters
    num_epochs -- the number of passes over the training set
    decay -- None, or a function (learning_rate0, epoch_num) -> the learning rate of epoch
             epoch_num
    print_cost -- if True, print the cost every 500 epochs

    Returns:
    parameters -- the trained parameters
    costs -- the average cost of epochs 0, 100, 200, ...
    learning_rates -- the learning rate used in each epoch
    """
    costs, learning_rates = [], []
    t = 0  # Adam's step counter
    seed = 10  # the seed of the shuffle, a different one at each epoch
    m = X.shape[1]
    learning_rate0 = learning_rate
    parameters = initialize_parameters(layers_dims, seed=3)

    if optimizer == "momentum":
        v = initialize_velocity(parameters)
    elif optimizer == "adam":
        v, s = initialize_adam(parameters)
    elif optimizer != "gd":
        raise ValueError(f"unknown optimizer {optimizer!r}")

    for i in range(num_epochs):
        seed = seed + 1
        cost_total = 0.0
        learning_rates.append(learning_rate)
        for minibatch_X, minibatch_Y in random_mini_batches(X, Y, mini_batch_size, seed):
            A3, cache = forward_propagation(minibatch_X, parameters)
            cost_total += compute_cost(A3, minibatch_Y) * minibatch_Y.shape[1]
            grads = backward_propagation(minibatch_X, minibatch_Y, cache)
            if optimizer == "gd":
                parameters = update_parameters_with_gd(parameters, grads, learning_rate)
            elif optimizer == "momentum":
                parameters, v = update_parameters_with_momentum(parameters, grads, v, beta,
                                                                learning_rate)
            else:
                t = t + 1
                parameters, v, s, _, _ = update_parameters_with_adam(
                    parameters, grads, v, s, t, learning_rate, beta1, beta2, epsilon)
        cost_avg = cost_total / m
        if i % 100 == 0:
            costs.append(cost_avg)
        if print_cost and i % 500 == 0:
            print(f"Cost after epoch {i}: {cost_avg:.6f}  (learning rate {learning_rate:.3g})")
        if decay is not None:
            learning_rate = decay(learning_rate0, i + 1)

    return parameters, costs, learning_rates


# %% [markdown]
# Train with each optimizer for 2000 epochs, with the same learning rate $\alpha = 0.0007$,
# mini-batches of 64 and the same initial parameters. (This takes a few seconds per run.)

# %% tags=["demo"]
layers_dims = [train_X.shape[0], 5, 2, 1]
runs = {}
for optimizer in ("gd", "momentum", "adam"):
    print(f"--- {optimizer} ---")
    runs[optimizer] = model(train_X, train_Y, layers_dims, optimizer)

# %% tags=["demo"]
fig, axes = plt.subplots(1, 2, figsize=(13, 4))
plot_costs({name: run[1] for name, run in runs.items()}, ax=axes[0],
           title="Learning rate 0.0007, mini-batches of 64")
# gradient descent thick and pale, momentum dashed on top of it: the two curves coincide
for line, (style, width, alpha) in zip(axes[0].get_lines(),
                                       (("-", 6, 0.35), ("--", 1.5, 1.0), ("-", 1.5, 1.0))):
    line.set(linestyle=style, linewidth=width, alpha=alpha)
axes[0].legend(frameon=False)
axes[0].set_xlabel("epoch")
momentum_minus_gd = np.array(runs["momentum"][1]) - np.array(runs["gd"][1])
axes[1].plot(np.arange(len(momentum_minus_gd)) * 100, momentum_minus_gd, "o-", markersize=3,
             color="tab:orange", label="momentum's cost − gradient descent's")
axes[1].axhline(0.0, color="grey", linewidth=1)
axes[1].set_xlabel("epoch")
axes[1].set_ylabel("difference of the costs")
axes[1].set_title("Momentum and gradient descent, the gap between them")
axes[1].legend(frameon=False)
axes[1].grid(alpha=0.3)
plt.show()
print(f"largest gap between momentum's and gradient descent's cost: "
      f"{np.abs(momentum_minus_gd).max():.4f}")
assert np.abs(momentum_minus_gd).max() < 0.002, "the gap: about 0.001 at most"

fig, axes = plt.subplots(1, 3, figsize=(14, 4))
for ax, (name, run) in zip(axes, runs.items()):
    plot_decision_boundary(lambda x, p=run[0]: predict_dec(p, x), train_X, train_Y, ax=ax,
                           title=name)
plt.show()

# %% tags=["demo"]
results = {}
print(f"{'optimizer':<10} {'final cost':>10} {'train accuracy':>15} {'test accuracy':>14}")
for name, (parameters, costs, _) in runs.items():
    results[name] = (costs[-1], accuracy(train_X, train_Y, parameters),
                     accuracy(test_X, test_Y, parameters))
    print(f"{name:<10} {results[name][0]:>10.4f} {100 * results[name][1]:>14.1f}% "
          f"{100 * results[name][2]:>13.1f}%")

assert results["adam"][1] >= results["gd"][1] + 0.08, "Adam: 8 train points ahead of GD"
assert results["adam"][2] >= results["gd"][2] + 0.05, "Adam: 5 test points ahead of GD"
assert results["adam"][0] < results["gd"][0] / 3, "Adam's cost: less than a third of GD's"
assert abs(results["momentum"][1] - results["gd"][1]) <= 0.02, "momentum within 2 points of GD"

# %% [markdown]
# At the same learning rate and the same number of epochs:
#
# - **Adam** wins clearly: its cost ends several times lower, it draws a curved boundary
#   that follows the moons, and its train and test accuracies are at least 8 and 5
#   points above gradient descent's.
# - **Momentum** ends within 2 points of gradient descent, and its cost curve lies on top of
#   gradient descent's (the dashed line inside the pale one; the right panel shows the gap,
#   about 0.001 at most). With this small learning rate the parameters hardly move over
#   the ten or so steps that the velocity remembers, so the gradients it averages are nearly
#   all the same and their average is the latest gradient: momentum takes the steps of
#   gradient descent. Momentum helps when the gradients oscillate (as in the valley above)
#   and when the learning rate is tuned for it.
# - Gradient descent is not hopeless, only slow: a larger learning rate, or many more epochs,
#   would get it further (section 8 does exactly that with learning-rate decay).
#
# Adam's advantage is that each parameter gets its own effective step size, which makes it
# far less sensitive to the choice of $\alpha$. That is why it is the default optimizer of
# most deep learning work.
#
# ## 8 - Learning-rate decay
#
# Late in training, when the parameters are close to a minimum, large steps make them
# bounce around it, and mini-batch noise keeps them from settling. Reducing the learning rate
# over time gives large, fast steps at the start and small, careful ones at the end.
#
# ### Exercise 9 - `update_lr`
#
# The decay of the lectures divides the initial learning rate $\alpha_0$ by a number that
# grows with the epoch:
#
# $$\alpha = \frac{1}{1 + \text{decay\_rate} \times \text{epoch\_num}} \, \alpha_0.$$
#
# Return the learning rate $\alpha$ for epoch `epoch_num`.

# %% nbgrader={"grade_id": "update_lr", "solution": true}
# GRADED FUNCTION: update_lr
def update_lr(learning_rate0, epoch_num, decay_rate):
    """The learning rate after epoch_num epochs of inverse-time decay.

    Arguments:
    learning_rate0 -- the initial learning rate alpha_0
    epoch_num -- the epoch number (0, 1, 2, ...)
    decay_rate -- how fast the learning rate decays

    Returns:
    learning_rate -- the decayed learning rate, a number
    """
    ### BEGIN SOLUTION
    learning_rate = learning_rate0 / (1 + decay_rate * epoch_num)
    ### END SOLUTION
    return learning_rate


# %% nbgrader={"grade_id": "test_update_lr", "points": 1}
learning_rate = update_lr(0.5, 2, 1)
print("update_lr(0.5, 2, 1) =", learning_rate)
run_checks(
    "update_lr",
    lambda: check_scalar(learning_rate, 0.5 / 3, "update_lr(0.5, 2, 1)",
                         hints=[(0.25, "the 1 of 1 + decay_rate × epoch_num forgotten?"),
                                (0.5, "learning_rate0 × decay_rate ** epoch_num: the formula "
                                      "is learning_rate0 / (1 + decay_rate × epoch_num)?"),
                                (1.5, "multiplied by 1 + decay_rate × epoch_num: divide?"),
                                (2.5, "learning_rate0 / 1 + …: parentheses around "
                                      "(1 + decay_rate × epoch_num)?"),
                                (0.125, "epoch_num + 1: the epochs are counted from 0?")]),
    lambda: check_scalar(update_lr(0.5, 0, 1), 0.5, "update_lr(0.5, 0, 1)"),
    lambda: check_scalar(update_lr(0.01, 10, 0.3), 0.0025, "update_lr(0.01, 10, 0.3)"),
)
### BEGIN HIDDEN TESTS
def _hidden_update_lr():
    _rng = np.random.default_rng(1000)
    for _ in range(6):
        _lr0 = float(_rng.uniform(0.001, 1.0))
        _epoch = int(_rng.integers(0, 5000))
        _rate = float(_rng.choice([0.01, 0.5, 1.0, 3.0]))
        check_scalar(update_lr(_lr0, _epoch, _rate), _lr0 / (1.0 + _rate * _epoch),
                     f"update_lr({_lr0:.4g}, {_epoch}, {_rate})", rtol=1e-9)
    check_scalar(update_lr(learning_rate0=0.2, epoch_num=4, decay_rate=0.25), 0.1,
                 "update_lr(learning_rate0=0.2, epoch_num=4, decay_rate=0.25)", rtol=1e-9)


_hidden_update_lr()
### END HIDDEN TESTS

# %% [markdown]
# With a decay applied at **every epoch**, the learning rate collapses fast: after 100
# epochs with `decay_rate = 1` it is $\alpha_0 / 101$, less than 1 % of where it started,
# long before the network has learned much. A common fix is to decay at fixed intervals
# only.
#
# ### Exercise 10 - `schedule_lr_decay`
#
# Decay once every `time_interval` epochs:
#
# $$\alpha = \frac{1}{1 + \text{decay\_rate} \times \left\lfloor
# \frac{\text{epoch\_num}}{\text{time\_interval}} \right\rfloor} \, \alpha_0,$$
#
# where $\lfloor \cdot \rfloor$ rounds down (`np.floor` or `math.floor`). The learning
# rate stays constant for `time_interval` epochs, then drops: a staircase.

# %% nbgrader={"grade_id": "schedule_lr_decay", "solution": true}
# GRADED FUNCTION: schedule_lr_decay
def schedule_lr_decay(learning_rate0, epoch_num, decay_rate, time_interval=1000):
    """The learning rate after epoch_num epochs of decay applied every time_interval epochs.

    Arguments:
    learning_rate0 -- the initial learning rate alpha_0
    epoch_num -- the epoch number (0, 1, 2, ...)
    decay_rate -- how fast the learning rate decays
    time_interval -- the number of epochs between two decays

    Returns:
    learning_rate -- the decayed learning rate, a number
    """
    ### BEGIN SOLUTION
    learning_rate = learning_rate0 / (1 + decay_rate * np.floor(epoch_num / time_interval))
    ### END SOLUTION
    return learning_rate


# %% nbgrader={"grade_id": "test_schedule_lr_decay", "points": 1}
learning_rate = schedule_lr_decay(0.5, 100, 1, time_interval=30)
print("schedule_lr_decay(0.5, 100, 1, time_interval=30) =", learning_rate)
run_checks(
    "schedule_lr_decay",
    lambda: check_scalar(learning_rate, 0.125,
                         "schedule_lr_decay(0.5, 100, 1, time_interval=30)",
                         hints=[(0.1153846154, "epoch_num / time_interval not floored: "
                                               "np.floor?"),
                                (0.1, "rounded up: np.floor, not np.ceil?"),
                                (0.0049504950, "decayed at every epoch: divide epoch_num by "
                                               "time_interval (and floor)?"),
                                (0.5, "time_interval ignored (its default 1000 used)?")]),
    lambda: check_scalar(schedule_lr_decay(0.5, 50, 1, time_interval=30), 0.25,
                         "schedule_lr_decay(0.5, 50, 1, time_interval=30)",
                         hints=[(0.5 / 3, "epoch_num / time_interval rounded (to 2): np.floor "
                                          "(to 1)?")]),
    lambda: check_scalar(schedule_lr_decay(0.5, 2500, 0.5), 0.25,
                         "schedule_lr_decay(0.5, 2500, 0.5) (default time_interval)"),
)
### BEGIN HIDDEN TESTS
def _hidden_schedule_lr_decay():
    for _lr0, _epoch, _rate, _interval in ((0.1, 999, 1.0, 1000), (0.1, 1000, 1.0, 1000),
                                           (0.3, 1999, 2.0, 1000), (0.3, 0, 2.0, 7),
                                           (0.05, 20, 0.5, 7), (0.05, 21, 0.5, 7),
                                           (0.8, 149, 0.1, 50), (0.8, 5000, 0.1, 300)):
        _want = _lr0 / (1.0 + _rate * (_epoch // _interval))
        check_scalar(schedule_lr_decay(_lr0, _epoch, _rate, time_interval=_interval), _want,
                     f"schedule_lr_decay({_lr0}, {_epoch}, {_rate}, time_interval={_interval})",
                     rtol=1e-9)
    for _epoch in (0, 999, 1000, 1500, 2999, 3000):
        check_scalar(schedule_lr_decay(0.02, _epoch, 1.0), 0.02 / (1 + _epoch // 1000),
                     f"schedule_lr_decay(0.02, {_epoch}, 1.0) (default time_interval)",
                     rtol=1e-9)


_hidden_schedule_lr_decay()
### END HIDDEN TESTS

# %% [markdown]
# The two decays side by side, from $\alpha_0 = 0.01$ with `decay_rate = 1`, over the 2000
# epochs of our runs (the scheduled one with `time_interval = 500`). Note the logarithmic
# scale.

# %% tags=["demo"]
epochs = np.arange(2000)
per_epoch = [update_lr(0.01, e, 1) for e in epochs]
scheduled = [schedule_lr_decay(0.01, e, 1, time_interval=500) for e in epochs]
fig, ax = plt.subplots(figsize=(7, 3.8))
ax.plot(epochs, per_epoch, label="update_lr: decay at every epoch")
ax.plot(epochs, scheduled, label="schedule_lr_decay: decay every 500 epochs")
ax.set_yscale("log")
ax.set_xlabel("epoch")
ax.set_ylabel("learning rate")
ax.legend(frameon=False)
ax.grid(alpha=0.3, which="both")
plt.show()

print(f"after 100 epochs: {per_epoch[100]:.2e} (every epoch), {scheduled[100]:.2e} (scheduled)")
assert per_epoch[100] < 0.01 * 0.01, "decayed every epoch: below 1 % of α0 after 100 epochs"
assert abs(scheduled[100] - 0.01) < 1e-12, "scheduled: still α0 after 100 epochs"
assert abs(scheduled[-1] - 0.01 / 4) < 1e-12, "scheduled: α0 / 4 in the last 500 epochs"

# %% [markdown]
# ### Training with a decaying learning rate
#
# With the schedule, we can afford to start from a much larger learning rate. The cell
# trains with Adam starting at $\alpha_0 = 0.01$ (14 times the learning rate above) and
# gradient descent starting at $\alpha_0 = 0.1$, both decayed every 500 epochs, for the same
# 2000 epochs as before.

# %% tags=["demo"]
def every_500_epochs(learning_rate0, epoch_num):
    return schedule_lr_decay(learning_rate0, epoch_num, decay_rate=1, time_interval=500)


decayed_runs = {}
print("--- adam, learning rate 0.01, decayed ---")
decayed_runs["adam + decay"] = model(train_X, train_Y, layers_dims, "adam",
                                     learning_rate=0.01, decay=every_500_epochs)
print("--- gd, learning rate 0.1, decayed ---")
decayed_runs["gd + decay"] = model(train_X, train_Y, layers_dims, "gd", learning_rate=0.1,
                                   decay=every_500_epochs)

# %% tags=["demo"]
plot_costs({"gd, 0.0007": runs["gd"][1], "adam, 0.0007": runs["adam"][1],
            "adam, 0.01 with decay": decayed_runs["adam + decay"][1],
            "gd, 0.1 with decay": decayed_runs["gd + decay"][1]},
           title="Cost with and without learning-rate decay", log_scale=True)
plt.gca().set_xlabel("epoch")
plt.gca().legend(frameon=False, loc="center left", bbox_to_anchor=(1.0, 0.5))
plt.show()

fig, axes = plt.subplots(1, 2, figsize=(10, 4))
for ax, (name, run) in zip(axes, decayed_runs.items()):
    plot_decision_boundary(lambda x, p=run[0]: predict_dec(p, x), train_X, train_Y, ax=ax,
                           title=name)
plt.show()

for name, (parameters, costs, _) in decayed_runs.items():
    results[name] = (costs[-1], accuracy(train_X, train_Y, parameters),
                     accuracy(test_X, test_Y, parameters))
print(f"{'run':<14} {'final cost':>10} {'train accuracy':>15} {'test accuracy':>14}")
for name, (final_cost, train_acc, test_acc) in results.items():
    print(f"{name:<14} {final_cost:>10.4f} {100 * train_acc:>14.1f}% {100 * test_acc:>13.1f}%")

assert results["adam + decay"][0] < results["adam"][0], "decay: a lower cost for Adam"
assert results["adam + decay"][1] >= 0.95, "Adam with decay: at least 95 % train accuracy"
assert results["adam + decay"][2] >= 0.90, "Adam with decay: at least 90 % test accuracy"
assert results["gd + decay"][1] >= results["gd"][1] + 0.08, "GD with decay: 8 points better"
assert abs(results["gd + decay"][1] - results["adam"][1]) <= 0.03, "GD + decay: near Adam"

# %% [markdown]
# - Adam with a 14 times larger, decayed learning rate reaches a lower cost than Adam at
#   0.0007, with a train accuracy of at least 95 % and a test accuracy of at least 90 %. A
#   lower training cost does not guarantee a better test accuracy, though: compare the last
#   column with Adam's at 0.0007. With 300 noisy points, a boundary that fits the training
#   set ever more closely starts to follow individual points.
# - Gradient descent, given a large initial learning rate that the schedule then reduces,
#   catches up with Adam at 0.0007 (its train accuracy ends within 3 points of Adam's): its
#   slowness above came from the small learning rate, not from the update rule itself.
#   Finding such a learning rate for gradient descent takes tuning; Adam did well with its
#   default hyperparameters.
#
# ## 9 - What you built
#
# - `update_parameters_with_gd`: one step of gradient descent for any number of layers;
# - `random_mini_batches`: shuffled mini-batches, examples and labels kept together, with a
#   smaller last mini-batch when needed;
# - momentum (`initialize_velocity`, `update_parameters_with_momentum`): an exponentially
#   weighted average of the gradients;
# - Adam (`initialize_adam`, `update_parameters_with_adam`): momentum plus a per-parameter
#   step size from the average of the squared gradients, both bias-corrected;
# - `update_lr` and `schedule_lr_decay`: two ways to shrink the learning rate over time.
#
# Mini-batches and Adam are what almost every network is trained with today, usually with
# some learning-rate schedule.

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
# # Recurrent neural networks, step by step
#
# The networks of the first four courses take an input of a fixed size: a picture, a vector of
# features. Text, speech, music and sensor readings are **sequences**, and their length varies
# from one example to the next. A recurrent neural network (RNN) reads a sequence one element
# at a time and carries a **hidden state** from each step to the next: a summary of what it has
# read so far. In this notebook you write the two recurrent networks of the lectures in NumPy,
# forward and backward: the basic RNN and the long short-term memory (LSTM).
#
# **By the end you will have written**
#
# - the forward pass of the basic RNN: `rnn_cell_forward` (one time step) and `rnn_forward`
#   (the whole sequence);
# - the forward pass of the LSTM: `lstm_cell_forward` and `lstm_forward`;
# - the backward passes ("backpropagation through time"): `rnn_cell_backward`, whose formulas
#   you derive yourself, `rnn_backward`, `lstm_cell_backward` and `lstm_backward`;
#
# and you will have seen, on a plot, why the basic RNN forgets the beginning of a long
# sequence while the LSTM can keep it.
#
# **How this notebook works**
#
# - Write your code between `# YOUR CODE HERE` and the `return` line of each exercise, and delete
#   the `raise NotImplementedError()` line. Do not rename the functions or change their arguments.
# - Each exercise is followed by a test cell. A line ending in "all public tests passed" means
#   the visible checks agree with your code. The grader runs more tests (other sizes, other
#   values; the forward passes are compared with the recurrent layers of Keras, the backward
#   passes with numerical gradients), so passing the public tests is necessary, not sufficient.
# - Vectorize over the $m$ examples: the only loops you need are loops over the **time steps**.
# - Run the cells in order. If something behaves strangely, use *Kernel → Restart and run all*.
# - Only the exercise cells are graded: the grader runs the released notebook with your
#   exercise cells put in, so cells you add yourself do not run there. Keep every helper
#   function or import that your answer needs inside its exercise cell.

# %% [markdown]
# ## 1 - Packages
#
# [NumPy](https://numpy.org) does the computations and [Matplotlib](https://matplotlib.org)
# draws the figures; `dlcourse.testing` holds the helpers the test cells use. The cell also
# defines `sigmoid(z)`, the logistic function $\sigma(z) = 1 / (1 + e^{-z})$, applied
# elementwise. There is no ready-made softmax: you write it in the first exercise.
#
# Two of the test cells, and one comparison in section 4, use the recurrent layers of Keras;
# the two `os.environ` lines keep TensorFlow's start-up messages quiet when it is imported there.

# %%
import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"

import matplotlib.pyplot as plt
import numpy as np

from dlcourse.testing import (
    CheckFailed,
    check_array,
    check_equal,
    check_keys,
    check_type,
    check_unchanged,
    run_checks,
    substituted,
)

np.set_printoptions(precision=6, suppress=True)


def sigmoid(z):
    """The logistic function 1 / (1 + exp(-z)), elementwise."""
    return 1 / (1 + np.exp(-z))


# %% [markdown]
# ## 2 - Notation and shapes
#
# A superscript $\langle t \rangle$ marks the time step, a superscript $(i)$ the example:
# $x^{(i)\langle t \rangle}$ is the input of example $i$ at step $t$. The lectures count the
# steps from 1 to $T_x$; Python counts from 0, so step $t$ of the lectures is index `t - 1`
# in the arrays.
#
# As in the earlier courses, the $m$ examples of a batch are the **columns**. The time steps
# add a third axis:
#
# | array | shape | what it holds |
# |---|---|---|
# | `x` | $(n_x, m, T_x)$ | the inputs; `x[:, :, t]` is $x^{\langle t+1 \rangle}$ for all examples |
# | `a` | $(n_a, m, T_x)$ | the hidden states; `a[:, :, t]` is $a^{\langle t+1 \rangle}$ |
# | `a0` | $(n_a, m)$ | the initial hidden state $a^{\langle 0 \rangle}$ |
# | `y_pred` | $(n_y, m, T_x)$ | predictions; `y_pred[:, :, t]` is $\hat{y}^{\langle t+1 \rangle}$ |
#
# Each example is a sequence of $T_x$ vectors of $n_x$ numbers (for instance $T_x$ words,
# each coded as a vector), the hidden state has $n_a$ units, and at every step the network
# predicts a probability for each of $n_y$ classes. All examples of a batch have the same
# length $T_x$ here (shorter sequences are padded in practice).

# %% [markdown]
# ## 3 - The forward pass of a basic RNN
#
# ### 3.1 - One time step
#
# At step $t$, the RNN cell combines the new input $x^{\langle t \rangle}$ with the previous
# hidden state $a^{\langle t-1 \rangle}$, and predicts:
#
# $$a^{\langle t \rangle} = \tanh\left(W_{aa} a^{\langle t-1 \rangle} + W_{ax} x^{\langle t \rangle}
# + b_a\right), \qquad
# \hat{y}^{\langle t \rangle} = \mathrm{softmax}\left(W_{ya} a^{\langle t \rangle} + b_y\right).$$
#
# The same parameters are used at **every** step: $W_{ax}$ of shape $(n_a, n_x)$, $W_{aa}$ of
# shape $(n_a, n_a)$, $b_a$ of shape $(n_a, 1)$, $W_{ya}$ of shape $(n_y, n_a)$ and $b_y$ of
# shape $(n_y, 1)$, stored in the dictionary `parameters` under the keys `"Wax"`, `"Waa"`,
# `"ba"`, `"Wya"` and `"by"`.
#
# The softmax turns the $n_y$ scores $z_1, \dots, z_{n_y}$ of **one example** into probabilities
# that sum to 1:
#
# $$\mathrm{softmax}(z)_k = \frac{e^{z_k}}{\sum_{j=1}^{n_y} e^{z_j}}.$$
#
# Here the scores $W_{ya} a^{\langle t \rangle} + b_y$ form an array of shape $(n_y, m)$, one
# column per example, so think about which axis the sum must run over. Subtracting each
# column's maximum from its scores before `np.exp` gives the same probabilities and avoids an
# overflow for large scores.
#
# ### Exercise 1 - `rnn_cell_forward`
#
# Compute `a_next` $= a^{\langle t \rangle}$ with `np.tanh`, then `yt_pred`
# $= \hat{y}^{\langle t \rangle}$ (write the softmax with `np.exp` and `np.sum`). The function
# then returns them with the cache `(a_next, a_prev, xt, parameters)`, which the backward pass
# will need.

# %% nbgrader={"grade_id": "rnn_cell_forward", "solution": true}
# GRADED FUNCTION: rnn_cell_forward
def rnn_cell_forward(xt, a_prev, parameters):
    """One time step of a basic RNN.

    Arguments:
    xt -- the input at this step, shape (n_x, m)
    a_prev -- the previous hidden state, shape (n_a, m)
    parameters -- dictionary with
                  Wax -- weights of the input, shape (n_a, n_x)
                  Waa -- weights of the previous hidden state, shape (n_a, n_a)
                  Wya -- weights from the hidden state to the output, shape (n_y, n_a)
                  ba -- bias, shape (n_a, 1)
                  by -- bias of the output, shape (n_y, 1)

    Returns:
    a_next -- the next hidden state, shape (n_a, m)
    yt_pred -- the prediction at this step (probabilities), shape (n_y, m)
    cache -- the tuple (a_next, a_prev, xt, parameters), kept for the backward pass
    """
    Wax = parameters["Wax"]
    Waa = parameters["Waa"]
    Wya = parameters["Wya"]
    ba = parameters["ba"]
    by = parameters["by"]
    ### BEGIN SOLUTION
    a_next = np.tanh(Waa @ a_prev + Wax @ xt + ba)
    scores = Wya @ a_next + by
    e_scores = np.exp(scores - np.max(scores, axis=0, keepdims=True))
    yt_pred = e_scores / np.sum(e_scores, axis=0, keepdims=True)
    ### END SOLUTION
    cache = (a_next, a_prev, xt, parameters)
    return a_next, yt_pred, cache


# %% nbgrader={"grade_id": "test_rnn_cell_forward", "points": 2}
# n_x = 3 inputs, n_a = 4 hidden units, n_y = 2 classes, m = 3 examples.
rng_1 = np.random.default_rng(1)
xt_1 = rng_1.normal(size=(3, 3))
a_prev_1 = rng_1.normal(size=(4, 3))
params_1 = {"Wax": rng_1.normal(size=(4, 3)), "Waa": rng_1.normal(size=(4, 4)),
            "Wya": rng_1.normal(size=(2, 4)), "ba": rng_1.normal(size=(4, 1)),
            "by": rng_1.normal(size=(2, 1))}
a_next_1, yt_pred_1, cache_1 = rnn_cell_forward(xt_1, a_prev_1, params_1)
run_checks(
    "rnn_cell_forward",
    lambda: check_array(a_next_1,
                        [[-0.88932377, 0.92482021, 0.89378777],
                         [0.65654634, -0.99991655, -0.9994229],
                         [-0.9036424, -0.34609595, -0.32935878],
                         [0.93185743, 0.37312403, 0.29845292]],
                        "a_next",
                        hints=[([[0.1948682, 0.8349816, 0.80852394],
                                 [0.6871264, 0.006418, 0.01670536],
                                 [0.18366235, 0.41071713, 0.41529731],
                                 [0.84188457, 0.5967755, 0.57635315]],
                                "sigmoid where the RNN cell uses tanh?"),
                               ([[-0.88505281, 0.92767028, 0.89775179],
                                 [0.96644959, -0.99898643, -0.99300958],
                                 [-0.82676599, -0.0470673, -0.02820189],
                                 [0.92436488, 0.32564176, 0.24841054]],
                                "the bias ba left out?")]),
    lambda: check_array(yt_pred_1.sum(axis=0), np.ones(3),
                        "yt_pred.sum(axis=0) (each example's probabilities must sum to 1)",
                        hints=[([1.23948549, 0.39810161, 0.3624129],
                                "softmax over axis=1, across the examples? each column (one "
                                "example) is normalized over its n_y classes, axis=0"),
                               ([0.55430292, 0.23337367, 0.21232341],
                                "softmax over the whole array? each column (one example) is "
                                "normalized on its own, axis=0"),
                               ([2.97372, -0.28054404, -0.44659694],
                                "the scores Wya a_next + by without the softmax?")]),
    lambda: check_array(yt_pred_1,
                        [[0.32092167, 0.95003559, 0.94880647],
                         [0.67907833, 0.049964409, 0.051193528]],
                        "yt_pred",
                        hints=[([[0.9145537, 0.80885781, 0.90113198],
                                 [0.0854463, 0.19114219, 0.09886802]],
                                "yt_pred computed from a_prev instead of the new a_next?")]),
    lambda: check_type(cache_1, tuple, "cache"),
    lambda: check_equal(len(cache_1), 4, "len(cache)"),
)
### BEGIN HIDDEN TESTS
def _hidden_rnn_cell_forward():
    def _softmax(_z, _axis=0):
        _e = np.exp(_z - _z.max(axis=_axis, keepdims=True))
        return _e / _e.sum(axis=_axis, keepdims=True)

    for _seed, (_n_x, _n_a, _n_y, _m) in enumerate(((3, 5, 4, 6), (1, 2, 3, 1), (6, 3, 2, 9))):
        _rng = np.random.default_rng(100 + _seed)
        _xt = _rng.normal(size=(_n_x, _m))
        _a_prev = _rng.normal(size=(_n_a, _m))
        _P = {
            "Wax": _rng.normal(size=(_n_a, _n_x)),
            "Waa": _rng.normal(size=(_n_a, _n_a)),
            "Wya": _rng.normal(size=(_n_y, _n_a)),
            "ba": _rng.normal(size=(_n_a, 1)),
            "by": _rng.normal(size=(_n_y, 1)),
        }
        _copies = {_k: _v.copy() for _k, _v in _P.items()}
        _xt_copy, _a_prev_copy = _xt.copy(), _a_prev.copy()
        _z = np.einsum("ij,jk->ik", _P["Wax"], _xt) + np.einsum("ij,jk->ik", _P["Waa"], _a_prev)
        _a = np.tanh(_z + _P["ba"])
        _s = np.einsum("ij,jk->ik", _P["Wya"], _a) + _P["by"]
        _s_prev = np.einsum("ij,jk->ik", _P["Wya"], _a_prev) + _P["by"]
        _what = f"for n_x={_n_x}, n_a={_n_a}, n_y={_n_y}, m={_m}"
        _got_a, _got_y, _cache = rnn_cell_forward(_xt, _a_prev, _P)
        check_array(
            _got_a,
            _a,
            f"a_next {_what}",
            rtol=1e-9,
            atol=1e-12,
            hints=[
                (sigmoid(_z + _P["ba"]), "sigmoid where the RNN cell uses tanh?"),
                (np.tanh(_z), "the bias ba left out?"),
            ],
        )
        check_array(
            _got_y,
            _softmax(_s),
            f"yt_pred {_what}",
            rtol=1e-9,
            atol=1e-12,
            hints=[
                (
                    _softmax(_s, 1),
                    "softmax over the wrong axis (a sum over the examples, not the classes)?",
                ),
                (_s, "softmax not applied?"),
                (_softmax(_s_prev), "yt_pred computed from a_prev instead of a_next?"),
            ],
        )
        check_type(_cache, tuple, f"cache {_what}")
        check_equal(len(_cache), 4, f"len(cache) {_what}")
        check_array(_cache[0], _a, f"cache[0] (a_next) {_what}", rtol=1e-9, atol=1e-12)
        check_array(_cache[1], _a_prev_copy, f"cache[1] (a_prev) {_what}", atol=0)
        check_array(_cache[2], _xt_copy, f"cache[2] (xt) {_what}", atol=0)
        check_keys(_cache[3], set(_P), f"cache[3] (parameters) {_what}")
        check_unchanged(_xt_copy, _xt, "xt after calling rnn_cell_forward")
        check_unchanged(_a_prev_copy, _a_prev, "a_prev after calling rnn_cell_forward")
        for _k, _v in _copies.items():
            check_unchanged(_v, _P[_k], f"parameters['{_k}'] after calling rnn_cell_forward")


_hidden_rnn_cell_forward()
### END HIDDEN TESTS

# %% [markdown]
# ### 3.2 - The whole sequence
#
# The RNN applies the same cell $T_x$ times, each time to the next input and the hidden state
# the previous step produced:
#
# $$a^{\langle 0 \rangle} \xrightarrow{\;x^{\langle 1 \rangle}\;} a^{\langle 1 \rangle}
# \xrightarrow{\;x^{\langle 2 \rangle}\;} a^{\langle 2 \rangle} \longrightarrow \cdots
# \xrightarrow{\;x^{\langle T_x \rangle}\;} a^{\langle T_x \rangle},$$
#
# and every step also makes a prediction $\hat{y}^{\langle t \rangle}$.
#
# ### Exercise 2 - `rnn_forward`
#
# 1. Create `a` and `y_pred` filled with zeros, of shapes $(n_a, m, T_x)$ and $(n_y, m, T_x)$.
# 2. Start from `a_next = a0`.
# 3. For each step, in order: call `rnn_cell_forward` on `x[:, :, t]` and the current hidden
#    state, store the new hidden state in `a[:, :, t]` and the prediction in `y_pred[:, :, t]`,
#    and append the step's cache to `caches`.
#
# The function already reads the sizes and, at the end, packs `caches` with `x` into the pair
# `(caches, x)` that the backward pass expects.
#
# The test cell checks your **loop** on its own: it puts a simple stand-in in place of
# `rnn_cell_forward` (not the RNN formula: numbers you can follow by hand), so call
# `rnn_cell_forward` at every step rather than repeating its formula. The grader also runs
# your loop with a correct cell.

# %% nbgrader={"grade_id": "rnn_forward", "solution": true}
# GRADED FUNCTION: rnn_forward
def rnn_forward(x, a0, parameters):
    """The forward pass of a basic RNN over a whole sequence.

    Arguments:
    x -- the inputs of every time step, shape (n_x, m, T_x)
    a0 -- the initial hidden state, shape (n_a, m)
    parameters -- dictionary with Wax, Waa, Wya, ba, by (see rnn_cell_forward)

    Returns:
    a -- the hidden states of every time step, shape (n_a, m, T_x)
    y_pred -- the predictions of every time step, shape (n_y, m, T_x)
    caches -- the pair (list of the T_x caches of rnn_cell_forward, x)
    """
    caches = []
    n_x, m, T_x = x.shape
    n_y, n_a = parameters["Wya"].shape
    ### BEGIN SOLUTION
    a = np.zeros((n_a, m, T_x))
    y_pred = np.zeros((n_y, m, T_x))
    a_next = a0
    for t in range(T_x):
        a_next, yt_pred, cache = rnn_cell_forward(x[:, :, t], a_next, parameters)
        a[:, :, t] = a_next
        y_pred[:, :, t] = yt_pred
        caches.append(cache)
    ### END SOLUTION
    caches = (caches, x)
    return a, y_pred, caches


# %% nbgrader={"grade_id": "test_rnn_forward", "points": 2}
def toy_rnn_cell(xt, a_prev, parameters):
    """A stand-in for rnn_cell_forward: a_next = a_prev / 2 + (sum of xt over its rows)."""
    a_next = 0.5 * a_prev + xt.sum(axis=0)
    yt_pred = parameters["by"] + a_next.sum(axis=0)
    return a_next, yt_pred, (a_next, a_prev, xt, parameters)


# n_x = 2, m = 2 examples, T_x = 3 steps; n_a = 2, n_y = 3.
x_2 = np.array([[[1.0, 0.0, 2.0], [0.0, 1.0, 0.0]],
                [[1.0, 1.0, 0.0], [2.0, 0.0, 1.0]]])
a0_2 = np.array([[4.0, 0.0], [0.0, -2.0]])
params_2 = {"Wax": np.zeros((2, 2)), "Waa": np.zeros((2, 2)), "Wya": np.zeros((3, 2)),
            "ba": np.zeros((2, 1)), "by": np.array([[0.0], [1.0], [-1.0]])}
with substituted(globals(), rnn_cell_forward=toy_rnn_cell):
    a_2, y_pred_2, caches_2 = rnn_forward(x_2, a0_2, params_2)
run_checks(
    "rnn_forward",
    # step 1: a = a0 / 2 + x[:, :, 0].sum(axis=0) = [[2, 0], [0, -1]] + [2, 2]
    lambda: check_array(a_2[:, 0, :], [[4.0, 3.0, 3.5], [2.0, 2.0, 3.0]],
                        "a[:, 0, :] (the hidden states of the first example)",
                        hints=[([[3.5, 3.0, 4.0], [3.0, 2.0, 2.0]],
                                "the time steps in reverse order? the forward pass goes from "
                                "t = 0 to T_x - 1"),
                               ([[4.0, 4.0, 3.0], [0.0, 2.0, 2.0]],
                                "a[:, :, t] stored before the step: a_prev instead of a_next?"),
                               ([[4.0, 3.0, 4.0], [2.0, 1.0, 2.0]],
                                "a0 given to every step instead of the previous step's a_next?"),
                               ([[4.0, 3.0, 0.0], [2.0, 2.0, 0.0]],
                                "the last time step never computed: a range one short?")]),
    lambda: check_array(a_2[:, 1, :], [[2.0, 2.0, 2.0], [1.0, 1.5, 1.75]],
                        "a[:, 1, :] (the hidden states of the second example)"),
    lambda: check_array(y_pred_2[:, 1, :], [[3.0, 3.5, 3.75], [4.0, 4.5, 4.75],
                                            [2.0, 2.5, 2.75]],
                        "y_pred[:, 1, :] (the predictions for the second example)"),
    lambda: check_type(caches_2, tuple, "caches"),
    lambda: check_equal(len(caches_2), 2, "len(caches) (the pair (list of caches, x))"),
    lambda: check_equal(len(caches_2[0]), 3, "len(caches[0]) (one cache per time step)"),
    lambda: check_array(caches_2[0][2][1], a_2[:, :, 1],
                        "caches[0][2][1] (a_prev of the third step is a[:, :, 1])"),
    lambda: check_array(caches_2[0][2][2], x_2[:, :, 2], "caches[0][2][2] (xt of the third step)"),
)
### BEGIN HIDDEN TESTS
def _hidden_rnn_forward():
    import keras

    def _softmax(_z):
        _e = np.exp(_z - _z.max(axis=0, keepdims=True))
        return _e / _e.sum(axis=0, keepdims=True)

    def _cell(_xt, _a_prev, _P):
        _a = np.tanh(
            np.einsum("ij,jk->ik", _P["Wax"], _xt)
            + np.einsum("ij,jk->ik", _P["Waa"], _a_prev)
            + _P["ba"]
        )
        return (
            _a,
            _softmax(np.einsum("ij,jk->ik", _P["Wya"], _a) + _P["by"]),
            (_a, _a_prev, _xt, _P),
        )

    def _run(_x, _a0, _P, _steps, _store_prev=False, _keep_a0=False):
        _a = np.zeros((_a0.shape[0], _x.shape[1], _x.shape[2]))
        _h = _a0
        for _t in _steps:
            _new = _cell(_x[:, :, _t], _a0 if _keep_a0 else _h, _P)[0]
            _a[:, :, _t] = _h if _store_prev else _new
            _h = _new
        return _a

    for _seed, (_n_x, _n_a, _n_y, _m, _T) in enumerate(
        ((3, 5, 2, 4, 6), (1, 2, 3, 1, 3), (4, 3, 4, 5, 8))
    ):
        _rng = np.random.default_rng(200 + _seed)
        _x = _rng.normal(size=(_n_x, _m, _T))
        _a0 = _rng.normal(size=(_n_a, _m))
        _P = {
            "Wax": _rng.normal(size=(_n_a, _n_x)),
            "Waa": 0.7 * _rng.normal(size=(_n_a, _n_a)),
            "Wya": _rng.normal(size=(_n_y, _n_a)),
            "ba": _rng.normal(size=(_n_a, 1)),
            "by": _rng.normal(size=(_n_y, 1)),
        }
        _x_copy, _a0_copy = _x.copy(), _a0.copy()
        _layer = keras.layers.SimpleRNN(_n_a, return_sequences=True, dtype="float64")
        _layer.build((_m, _T, _n_x))
        _layer.set_weights([_P["Wax"].T, _P["Waa"].T, _P["ba"].ravel()])
        _keras_a = np.transpose(
            np.asarray(_layer(np.transpose(_x, (1, 2, 0)), initial_state=[_a0.T])), (2, 0, 1)
        )
        _want_a = _run(_x, _a0, _P, range(_T))
        _want_y = np.stack(
            [
                _softmax(np.einsum("ij,jk->ik", _P["Wya"], _want_a[:, :, _t]) + _P["by"])
                for _t in range(_T)
            ],
            axis=2,
        )
        _what = f"from rnn_forward (run with a correct rnn_cell_forward) for x of shape {_x.shape}"
        with substituted(globals(), rnn_cell_forward=_cell):
            _a, _y, _caches = rnn_forward(_x, _a0, _P)
        check_array(
            _a,
            _keras_a,
            f"a {_what}, compared with keras.layers.SimpleRNN",
            rtol=1e-8,
            atol=1e-10,
            hints=[
                (
                    _run(_x, _a0, _P, range(_T - 1, -1, -1)),
                    "time steps processed in reverse order?",
                ),
                (
                    _run(_x, _a0, _P, range(_T), _store_prev=True),
                    "hidden state from the wrong step: a_prev stored at t, not a_next?",
                ),
                (
                    _run(_x, _a0, _P, range(_T), _keep_a0=True),
                    "a0 fed to every step instead of the previous hidden state?",
                ),
            ],
        )
        check_array(_y, _want_y, f"y_pred {_what}", rtol=1e-8, atol=1e-10)
        check_type(_caches, tuple, f"caches {_what}")
        check_equal(len(_caches), 2, f"len(caches) {_what}")
        check_array(_caches[1], _x_copy, f"caches[1] (x) {_what}", atol=0)
        check_equal(len(_caches[0]), _T, f"len(caches[0]) (one cache per step) {_what}")
        for _t in range(_T):
            _c = _caches[0][_t]
            check_equal(len(_c), 4, f"len(caches[0][{_t}]) {_what}")
            check_array(
                _c[0],
                _want_a[:, :, _t],
                f"caches[0][{_t}][0] (a_next of step index {_t}) {_what}",
                rtol=1e-8,
                atol=1e-10,
            )
            check_array(
                _c[1],
                _a0_copy if _t == 0 else _want_a[:, :, _t - 1],
                f"caches[0][{_t}][1] (a_prev of step index {_t}) {_what}",
                rtol=1e-8,
                atol=1e-10,
            )
            check_array(
                _c[2],
                _x_copy[:, :, _t],
                f"caches[0][{_t}][2] (xt of step index {_t}) {_what}",
                atol=0,
            )
        check_unchanged(_x_copy, _x, "x after calling rnn_forward")
        check_unchanged(_a0_copy, _a0, "a0 after calling rnn_forward")


_hidden_rnn_forward()
### END HIDDEN TESTS

# %% [markdown]
# Your RNN with its own cell on a random batch: the hidden states stay in $(-1, 1)$ (the range
# of tanh), and at every step each example's predicted probabilities sum to 1.

# %% tags=["demo"]
rng_demo = np.random.default_rng(0)
x_demo = rng_demo.normal(size=(3, 10, 4))
a0_demo = rng_demo.normal(size=(5, 10))
params_demo = {"Wax": rng_demo.normal(size=(5, 3)), "Waa": rng_demo.normal(size=(5, 5)),
               "Wya": rng_demo.normal(size=(2, 5)), "ba": rng_demo.normal(size=(5, 1)),
               "by": rng_demo.normal(size=(2, 1))}
a_demo, y_pred_demo, caches_demo = rnn_forward(x_demo, a0_demo, params_demo)
print("a:", a_demo.shape, " y_pred:", y_pred_demo.shape, " caches:", len(caches_demo[0]),
      "steps")
print("a[:, 0, :] (the first example's hidden states):\n", a_demo[:, 0, :])
print("probabilities summed over the classes:", y_pred_demo.sum(axis=0)[0])

# %% [markdown]
# ## 4 - The forward pass of an LSTM
#
# ### 4.1 - One time step
#
# The basic RNN rewrites its whole hidden state at every step. An LSTM keeps, besides the
# hidden state $a^{\langle t \rangle}$, a **cell state** $c^{\langle t \rangle}$ (its memory),
# and three **gates**, numbers between 0 and 1 computed with the sigmoid, decide what happens
# to it. All four of the following act on the same stacked vector
# $\left[a^{\langle t-1 \rangle}; x^{\langle t \rangle}\right]$ (the previous hidden state
# **on top of** the input, shape $(n_a + n_x, m)$, called `concat` in the code):
#
# $$\Gamma_f^{\langle t \rangle} = \sigma\left(W_f \left[a^{\langle t-1 \rangle};
# x^{\langle t \rangle}\right] + b_f\right) \quad \text{(forget gate: how much of the old
# memory to keep)},$$
#
# $$\Gamma_i^{\langle t \rangle} = \sigma\left(W_i \left[a^{\langle t-1 \rangle};
# x^{\langle t \rangle}\right] + b_i\right) \quad \text{(update gate: how much of the
# candidate to write)},$$
#
# $$\tilde{c}^{\langle t \rangle} = \tanh\left(W_c \left[a^{\langle t-1 \rangle};
# x^{\langle t \rangle}\right] + b_c\right) \quad \text{(candidate: the values that could be
# written)},$$
#
# $$\Gamma_o^{\langle t \rangle} = \sigma\left(W_o \left[a^{\langle t-1 \rangle};
# x^{\langle t \rangle}\right] + b_o\right) \quad \text{(output gate: how much of the memory
# to show)}.$$
#
# Then the memory and the hidden state are updated, and the prediction is made as in the RNN:
#
# $$c^{\langle t \rangle} = \Gamma_f^{\langle t \rangle} \odot c^{\langle t-1 \rangle}
# + \Gamma_i^{\langle t \rangle} \odot \tilde{c}^{\langle t \rangle}, \qquad
# a^{\langle t \rangle} = \Gamma_o^{\langle t \rangle} \odot
# \tanh\left(c^{\langle t \rangle}\right),$$
#
# $$\hat{y}^{\langle t \rangle} = \mathrm{softmax}\left(W_y a^{\langle t \rangle}
# + b_y\right),$$
#
# where $\odot$ is the elementwise product. The weights $W_f, W_i, W_c, W_o$ have shape
# $(n_a, n_a + n_x)$, the biases $b_f, b_i, b_c, b_o$ shape $(n_a, 1)$, $W_y$ shape
# $(n_y, n_a)$ and $b_y$ shape $(n_y, 1)$. Read the formula for $c^{\langle t \rangle}$ once
# more: where $\Gamma_f \approx 1$ and $\Gamma_i \approx 0$, the memory passes to the next step
# unchanged. That is what lets an LSTM remember something for many steps.
#
# ### Exercise 3 - `lstm_cell_forward`
#
# Build `concat` with `np.concatenate` (mind the order), then compute `ft`, `it`, `cct`
# (the candidate $\tilde{c}^{\langle t \rangle}$), `c_next`, `ot`, `a_next` and `yt_pred`, in
# the notation above. `sigmoid` is defined in section 1; the softmax is the one of exercise 1.

# %% nbgrader={"grade_id": "lstm_cell_forward", "solution": true}
# GRADED FUNCTION: lstm_cell_forward
def lstm_cell_forward(xt, a_prev, c_prev, parameters):
    """One time step of an LSTM.

    Arguments:
    xt -- the input at this step, shape (n_x, m)
    a_prev -- the previous hidden state, shape (n_a, m)
    c_prev -- the previous cell state (memory), shape (n_a, m)
    parameters -- dictionary with
                  Wf, bf -- forget gate, shapes (n_a, n_a + n_x) and (n_a, 1)
                  Wi, bi -- update gate, same shapes
                  Wc, bc -- candidate values, same shapes
                  Wo, bo -- output gate, same shapes
                  Wy, by -- output layer, shapes (n_y, n_a) and (n_y, 1)

    Returns:
    a_next -- the next hidden state, shape (n_a, m)
    c_next -- the next cell state, shape (n_a, m)
    yt_pred -- the prediction at this step (probabilities), shape (n_y, m)
    cache -- the tuple (a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, parameters)
    """
    Wf, bf = parameters["Wf"], parameters["bf"]
    Wi, bi = parameters["Wi"], parameters["bi"]
    Wc, bc = parameters["Wc"], parameters["bc"]
    Wo, bo = parameters["Wo"], parameters["bo"]
    Wy, by = parameters["Wy"], parameters["by"]
    ### BEGIN SOLUTION
    concat = np.concatenate((a_prev, xt), axis=0)
    ft = sigmoid(Wf @ concat + bf)
    it = sigmoid(Wi @ concat + bi)
    cct = np.tanh(Wc @ concat + bc)
    c_next = ft * c_prev + it * cct
    ot = sigmoid(Wo @ concat + bo)
    a_next = ot * np.tanh(c_next)
    scores = Wy @ a_next + by
    e_scores = np.exp(scores - np.max(scores, axis=0, keepdims=True))
    yt_pred = e_scores / np.sum(e_scores, axis=0, keepdims=True)
    ### END SOLUTION
    cache = (a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, parameters)
    return a_next, c_next, yt_pred, cache


# %% nbgrader={"grade_id": "test_lstm_cell_forward", "points": 3}
# n_x = 3 inputs, n_a = 4 hidden units, n_y = 2 classes, m = 3 examples.
rng_3 = np.random.default_rng(3)
xt_3 = rng_3.normal(size=(3, 3))
a_prev_3 = rng_3.normal(size=(4, 3))
c_prev_3 = rng_3.normal(size=(4, 3))
params_3 = {}
for gate in "fico":
    params_3["W" + gate] = rng_3.normal(size=(4, 7))
    params_3["b" + gate] = rng_3.normal(size=(4, 1))
params_3["Wy"] = rng_3.normal(size=(2, 4))
params_3["by"] = rng_3.normal(size=(2, 1))
a_next_3, c_next_3, yt_pred_3, cache_3 = lstm_cell_forward(xt_3, a_prev_3, c_prev_3, params_3)
run_checks(
    "lstm_cell_forward",
    lambda: check_type(cache_3, tuple, "cache"),
    lambda: check_equal(len(cache_3), 10, "len(cache)"),
    lambda: check_array(cache_3[4][:, 0],
                        [0.99326306, 0.020721012, 0.30091478, 0.36216531],
                        "ft[:, 0] (the forget gate, first example)",
                        hints=[([0.999908, -0.99910496, -0.68736606, -0.51239967],
                                "tanh for the gates? the gates use sigmoid (values in (0, 1)), "
                                "the candidate tanh"),
                               ([1.56014866e-05, 0.107491206, 0.45866098, 2.94900942e-06],
                                "a_prev and xt stacked in the wrong order? concat is "
                                "[a_prev; xt], a_prev on top")]),
    lambda: check_array(cache_3[5][:, 0],
                        [0.0057432326, 0.998955, 0.016794624, 0.0028399513],
                        "it[:, 0] (the update gate, first example)"),
    lambda: check_array(cache_3[6][:, 0],
                        [0.98087388, -0.99995608, 0.99994619, 0.70370063],
                        "cct[:, 0] (the candidate, first example)",
                        hints=[([0.91052965, 0.00466436, 0.99483971, 0.70570068],
                                "sigmoid for the candidate, which uses tanh?")]),
    lambda: check_array(cache_3[7][:, 0],
                        [0.11900465, 6.0360541e-05, 0.22337354, 0.72977529],
                        "ot[:, 0] (the output gate, first example)"),
    lambda: check_array(c_next_3,
                        [[1.5410401, -0.54130759, -0.92021436],
                         [-1.0026997, 0.044414364, -0.27617655],
                         [-0.064339022, -0.23304225, 0.36895267],
                         [-0.31904656, 0.86450374, 0.99035661]],
                        "c_next",
                        hints=[([[0.9831438, 0.23581243, -1.06555825],
                                 [-0.20336801, -0.1196843, 1.05421547],
                                 [0.29637042, 0.80775156, 0.35455047],
                                 [0.25233845, -0.20962177, 0.99105839]],
                                "the forget and update gates swapped? ft scales c_prev, it "
                                "the candidate")]),
    lambda: check_array(a_next_3,
                        [[0.10856734, -0.19138512, -0.029450029],
                         [-4.6038533e-05, 0.035442949, -0.012888346],
                         [-0.014351838, -0.026239149, 0.22916968],
                         [-0.22524118, 0.64676564, 0.55459871]],
                        "a_next",
                        hints=[([[0.183390935, -0.209722699, -0.0373283522],
                                 [-6.0523499e-05, 0.0354662513, -0.0132143714],
                                 [-0.0143716354, -0.0267124423, 0.239475174],
                                 [-0.2328323, 0.80039314, 0.725069436]],
                                "ot times c_next without the tanh?"),
                               ([[0.108662345, 0.192495431, -0.0189121148],
                                 [-1.0914901e-05, 0.393983565, 0.045892627],
                                 [-0.0588078913, -0.0273786412, 0.494955545],
                                 [-0.517878341, -0.262677193, 0.518120094]],
                                "a_next from c_prev instead of the new c_next?")]),
    lambda: check_array(yt_pred_3,
                        [[0.23423649, 0.62197384, 0.48727443],
                         [0.76576351, 0.37802616, 0.51272557]],
                        "yt_pred",
                        hints=[([[0.19651413, 0.3836764, 0.41980948],
                                 [0.48766958, 0.17701358, 0.33531684]],
                                "softmax over axis=1, across the examples? each column (one "
                                "example) is normalized over its n_y classes, axis=0")]),
)
### BEGIN HIDDEN TESTS
def _hidden_lstm_cell_forward():
    def _softmax(_z, _axis=0):
        _e = np.exp(_z - _z.max(axis=_axis, keepdims=True))
        return _e / _e.sum(axis=_axis, keepdims=True)

    def _sig(_z):
        return 1.0 / (1.0 + np.exp(-_z))

    def _lin(_W, _v, _b):
        return np.einsum("ij,jk->ik", _W, _v) + _b

    for _seed, (_n_x, _n_a, _n_y, _m) in enumerate(((3, 5, 4, 6), (2, 2, 3, 1), (6, 3, 2, 7))):
        _rng = np.random.default_rng(300 + _seed)
        _xt = _rng.normal(size=(_n_x, _m))
        _a_prev = _rng.normal(size=(_n_a, _m))
        _c_prev = _rng.normal(size=(_n_a, _m))
        _P = {}
        for _g in "fico":
            _P["W" + _g] = _rng.normal(size=(_n_a, _n_a + _n_x))
            _P["b" + _g] = _rng.normal(size=(_n_a, 1))
        _P["Wy"] = _rng.normal(size=(_n_y, _n_a))
        _P["by"] = _rng.normal(size=(_n_y, 1))
        _copies = {_k: _v.copy() for _k, _v in _P.items()}
        _ins = (_xt.copy(), _a_prev.copy(), _c_prev.copy())
        _cc = np.concatenate((_a_prev, _xt), axis=0)
        _cc_swapped = np.concatenate((_xt, _a_prev), axis=0)
        _f, _i, _o = (_sig(_lin(_P["W" + _g], _cc, _P["b" + _g])) for _g in "fio")
        _cct = np.tanh(_lin(_P["Wc"], _cc, _P["bc"]))
        _c = _f * _c_prev + _i * _cct
        _a = _o * np.tanh(_c)
        _s = _lin(_P["Wy"], _a, _P["by"])
        _f2, _i2, _o2 = (_sig(_lin(_P["W" + _g], _cc_swapped, _P["b" + _g])) for _g in "fio")
        _c2 = _f2 * _c_prev + _i2 * np.tanh(_lin(_P["Wc"], _cc_swapped, _P["bc"]))
        _f3, _i3, _o3 = (np.tanh(_lin(_P["W" + _g], _cc, _P["b" + _g])) for _g in "fio")
        _c3 = _f3 * _c_prev + _i3 * _sig(_lin(_P["Wc"], _cc, _P["bc"]))
        _c_hints = [
            (_i * _c_prev + _f * _cct, "forget and update gates swapped (ft and it mixed up)?"),
            (_c3, "tanh and sigmoid swapped (gates with tanh, the candidate with sigmoid)?"),
            (_c2, "concat in the wrong order: [xt; a_prev] instead of [a_prev; xt]?"),
            (_f * _c_prev + _cct, "the update gate it left out of c_next?"),
            (
                _f * _c_prev + _i * _sig(_lin(_P["Wc"], _cc, _P["bc"])),
                "sigmoid where the candidate cct needs tanh?",
            ),
        ]
        _a_hints = [
            (_o * _c, "tanh of c_next left out: a_next = ot * c_next?"),
            (
                _o * np.tanh(_c_prev),
                "hidden state from the wrong step: tanh(c_prev) instead of tanh(c_next)?",
            ),
            (_o * _sig(_c), "sigmoid where a_next needs tanh(c_next)?"),
            (_o3 * np.tanh(_c3), "tanh and sigmoid swapped?"),
        ]
        _what = f"for n_x={_n_x}, n_a={_n_a}, n_y={_n_y}, m={_m}"
        _got = lstm_cell_forward(_xt, _a_prev, _c_prev, _P)
        check_type(_got, tuple, f"the result of lstm_cell_forward {_what}")
        check_equal(len(_got), 4, f"the number of results of lstm_cell_forward {_what}")
        _got_a, _got_c, _got_y, _cache = _got
        check_array(_got_c, _c, f"c_next {_what}", rtol=1e-9, atol=1e-12, hints=_c_hints)
        check_array(_got_a, _a, f"a_next {_what}", rtol=1e-9, atol=1e-12, hints=_a_hints)
        check_array(
            _got_y,
            _softmax(_s),
            f"yt_pred {_what}",
            rtol=1e-9,
            atol=1e-12,
            hints=[
                (
                    _softmax(_s, 1),
                    "softmax over the wrong axis (a sum over the examples, not the classes)?",
                ),
                (_s, "softmax not applied?"),
            ],
        )
        check_type(_cache, tuple, f"cache {_what}")
        check_equal(len(_cache), 10, f"len(cache) {_what}")
        for _k, (_name, _want) in enumerate(
            (
                ("a_next", _a),
                ("c_next", _c),
                ("a_prev", _ins[1]),
                ("c_prev", _ins[2]),
                ("ft", _f),
                ("it", _i),
                ("cct", _cct),
                ("ot", _o),
                ("xt", _ins[0]),
            )
        ):
            check_array(_cache[_k], _want, f"cache[{_k}] ({_name}) {_what}", rtol=1e-9, atol=1e-12)
        check_keys(_cache[9], set(_P), f"cache[9] (parameters) {_what}")
        for _name, _before, _after in zip(
            ("xt", "a_prev", "c_prev"), _ins, (_xt, _a_prev, _c_prev)
        ):
            check_unchanged(_before, _after, f"{_name} after calling lstm_cell_forward")
        for _k, _v in _copies.items():
            check_unchanged(_v, _P[_k], f"parameters['{_k}'] after calling lstm_cell_forward")


_hidden_lstm_cell_forward()
### END HIDDEN TESTS

# %% [markdown]
# ### 4.2 - The whole sequence
#
# The LSTM runs its cell over the sequence like the RNN, now passing **two** states from each
# step to the next, $a^{\langle t \rangle}$ and $c^{\langle t \rangle}$. The hidden state starts
# at the given `a0`; the memory starts empty, $c^{\langle 0 \rangle} = 0$.
#
# ### Exercise 4 - `lstm_forward`
#
# 1. Create `a`, `c` (both $(n_a, m, T_x)$) and `y` ($(n_y, m, T_x)$) filled with zeros.
# 2. Start from `a_next = a0` and `c_next`, zeros of shape $(n_a, m)$.
# 3. For each step, in order: call `lstm_cell_forward`, store the new hidden state, cell state
#    and prediction at index `t` of `a`, `c` and `y`, and append the cache to `caches`.
#
# As for `rnn_forward`, the test cell puts a stand-in in place of `lstm_cell_forward` to check
# the loop on its own.

# %% nbgrader={"grade_id": "lstm_forward", "solution": true}
# GRADED FUNCTION: lstm_forward
def lstm_forward(x, a0, parameters):
    """The forward pass of an LSTM over a whole sequence.

    Arguments:
    x -- the inputs of every time step, shape (n_x, m, T_x)
    a0 -- the initial hidden state, shape (n_a, m)
    parameters -- dictionary with Wf, bf, Wi, bi, Wc, bc, Wo, bo, Wy, by (see lstm_cell_forward)

    Returns:
    a -- the hidden states of every time step, shape (n_a, m, T_x)
    y -- the predictions of every time step, shape (n_y, m, T_x)
    c -- the cell states of every time step, shape (n_a, m, T_x)
    caches -- the pair (list of the T_x caches of lstm_cell_forward, x)
    """
    caches = []
    n_x, m, T_x = x.shape
    n_y, n_a = parameters["Wy"].shape
    ### BEGIN SOLUTION
    a = np.zeros((n_a, m, T_x))
    c = np.zeros((n_a, m, T_x))
    y = np.zeros((n_y, m, T_x))
    a_next = a0
    c_next = np.zeros((n_a, m))
    for t in range(T_x):
        a_next, c_next, yt, cache = lstm_cell_forward(x[:, :, t], a_next, c_next, parameters)
        a[:, :, t] = a_next
        c[:, :, t] = c_next
        y[:, :, t] = yt
        caches.append(cache)
    ### END SOLUTION
    caches = (caches, x)
    return a, y, c, caches


# %% nbgrader={"grade_id": "test_lstm_forward", "points": 2}
def toy_lstm_cell(xt, a_prev, c_prev, parameters):
    """A stand-in for lstm_cell_forward: the memory adds up the inputs, a follows it."""
    c_next = c_prev + xt.sum(axis=0)
    a_next = 0.5 * a_prev + c_next
    yt_pred = parameters["by"] + a_next.sum(axis=0)
    gates = np.zeros_like(c_next)
    return a_next, c_next, yt_pred, (a_next, c_next, a_prev, c_prev, gates, gates, gates, gates,
                                     xt, parameters)


# n_x = 2, m = 2 examples, T_x = 3 steps; n_a = 2, n_y = 3 (the inputs of the rnn_forward test).
x_4 = np.array([[[1.0, 0.0, 2.0], [0.0, 1.0, 0.0]],
                [[1.0, 1.0, 0.0], [2.0, 0.0, 1.0]]])
a0_4 = np.array([[4.0, 0.0], [0.0, -2.0]])
params_4 = {"Wy": np.zeros((3, 2)), "by": np.array([[0.0], [1.0], [-1.0]])}
for gate in "fico":
    params_4["W" + gate] = np.zeros((2, 4))
    params_4["b" + gate] = np.zeros((2, 1))
with substituted(globals(), lstm_cell_forward=toy_lstm_cell):
    result_4 = lstm_forward(x_4, a0_4, params_4)
run_checks(
    "lstm_forward",
    lambda: check_type(result_4, tuple, "the result of lstm_forward"),
    lambda: check_equal(len(result_4), 4, "the number of results (a, y, c, caches)"),
    # the memory of the first example: c = 0 + 2, then 2 + 1, then 3 + 2
    lambda: check_array(result_4[2][:, 0, :], [[2.0, 3.0, 5.0], [2.0, 3.0, 5.0]],
                        "c[:, 0, :] (the cell states of the first example)",
                        hints=[([[2.0, 1.0, 2.0], [2.0, 1.0, 2.0]],
                                "the memory reset to zeros at every step instead of carried "
                                "(c_next of one step is c_prev of the next)?"),
                               ([[5.0, 3.0, 2.0], [5.0, 3.0, 2.0]],
                                "the time steps in reverse order? the forward pass goes from "
                                "t = 0 to T_x - 1"),
                               ([[0.0, 0.0, 0.0], [0.0, 0.0, 0.0]],
                                "c never filled in: c[:, :, t] = c_next missing?"),
                               ([[6.0, 7.0, 9.0], [2.0, 3.0, 5.0]],
                                "the memory started from a0? c starts at zeros")]),
    lambda: check_array(result_4[2][:, 1, :], [[2.0, 3.0, 4.0], [2.0, 3.0, 4.0]],
                        "c[:, 1, :] (the cell states of the second example)"),
    lambda: check_array(result_4[0][:, 0, :], [[4.0, 5.0, 7.5], [2.0, 4.0, 7.0]],
                        "a[:, 0, :] (the hidden states of the first example)",
                        hints=[([[4.0, 4.0, 5.0], [0.0, 2.0, 4.0]],
                                "a[:, :, t] stored before the step: a_prev instead of "
                                "a_next?")]),
    lambda: check_array(result_4[1][:, 1, :], [[3.0, 7.5, 11.75], [4.0, 8.5, 12.75],
                                               [2.0, 6.5, 10.75]],
                        "y[:, 1, :] (the predictions for the second example)"),
    lambda: check_equal(len(result_4[3]), 2, "len(caches) (the pair (list of caches, x))"),
    lambda: check_equal(len(result_4[3][0]), 3, "len(caches[0]) (one cache per time step)"),
    lambda: check_array(result_4[3][0][1][3], result_4[2][:, :, 0],
                        "caches[0][1][3] (c_prev of the second step is c[:, :, 0])"),
)
### BEGIN HIDDEN TESTS
def _hidden_lstm_forward():
    import keras

    def _softmax(_z):
        _e = np.exp(_z - _z.max(axis=0, keepdims=True))
        return _e / _e.sum(axis=0, keepdims=True)

    def _sig(_z):
        return 1.0 / (1.0 + np.exp(-_z))

    def _cell(_xt, _a_prev, _c_prev, _P):
        _cc = np.concatenate((_a_prev, _xt), axis=0)
        _f, _i, _o = (
            _sig(np.einsum("ij,jk->ik", _P["W" + _g], _cc) + _P["b" + _g]) for _g in "fio"
        )
        _cct = np.tanh(np.einsum("ij,jk->ik", _P["Wc"], _cc) + _P["bc"])
        _c = _f * _c_prev + _i * _cct
        _a = _o * np.tanh(_c)
        _y = _softmax(np.einsum("ij,jk->ik", _P["Wy"], _a) + _P["by"])
        return _a, _c, _y, (_a, _c, _a_prev, _c_prev, _f, _i, _cct, _o, _xt, _P)

    def _run(_x, _a0, _P, _steps, _reset_c=False, _store_prev=False):
        _n_a, _m, _T = _a0.shape[0], _x.shape[1], _x.shape[2]
        _a, _c, _y = (
            np.zeros((_n_a, _m, _T)),
            np.zeros((_n_a, _m, _T)),
            np.zeros((_P["Wy"].shape[0], _m, _T)),
        )
        _h, _s = _a0, np.zeros((_n_a, _m))
        for _t in _steps:
            _h_new, _s_new, _y[:, :, _t], _ = _cell(
                _x[:, :, _t], _h, np.zeros((_n_a, _m)) if _reset_c else _s, _P
            )
            _a[:, :, _t], _c[:, :, _t] = (_h, _s) if _store_prev else (_h_new, _s_new)
            _h, _s = _h_new, _s_new
        return _a, _y, _c

    for _seed, (_n_x, _n_a, _n_y, _m, _T) in enumerate(
        ((3, 5, 2, 4, 6), (1, 2, 3, 1, 3), (4, 3, 4, 5, 8))
    ):
        _rng = np.random.default_rng(400 + _seed)
        _x = _rng.normal(size=(_n_x, _m, _T))
        _a0 = _rng.normal(size=(_n_a, _m))
        _P = {}
        for _g in "fico":
            _P["W" + _g] = _rng.normal(size=(_n_a, _n_a + _n_x))
            _P["b" + _g] = _rng.normal(size=(_n_a, 1))
        _P["bf"] = _P["bf"] + 1.5  # an open forget gate: the memory matters over several steps
        _P["Wy"] = _rng.normal(size=(_n_y, _n_a))
        _P["by"] = _rng.normal(size=(_n_y, 1))
        _x_copy, _a0_copy = _x.copy(), _a0.copy()
        _layer = keras.layers.LSTM(_n_a, return_sequences=True, dtype="float64")
        _layer.build((_m, _T, _n_x))
        _kernel = np.concatenate([_P["W" + _g][:, _n_a:].T for _g in "ifco"], axis=1)
        _recurrent = np.concatenate([_P["W" + _g][:, :_n_a].T for _g in "ifco"], axis=1)
        _layer.set_weights(
            [_kernel, _recurrent, np.concatenate([_P["b" + _g].ravel() for _g in "ifco"])]
        )
        _keras_a = np.transpose(
            np.asarray(
                _layer(np.transpose(_x, (1, 2, 0)), initial_state=[_a0.T, np.zeros((_m, _n_a))])
            ),
            (2, 0, 1),
        )
        _want_a, _want_y, _want_c = _run(_x, _a0, _P, range(_T))
        _rev, _reset, _prev = (
            _run(_x, _a0, _P, range(_T - 1, -1, -1)),
            _run(_x, _a0, _P, range(_T), _reset_c=True),
            _run(_x, _a0, _P, range(_T), _store_prev=True),
        )
        _what = (
            f"from lstm_forward (run with a correct lstm_cell_forward) for x of shape {_x.shape}"
        )
        with substituted(globals(), lstm_cell_forward=_cell):
            _got = lstm_forward(_x, _a0, _P)
        check_type(_got, tuple, f"the result {_what}")
        check_equal(len(_got), 4, f"the number of results (a, y, c, caches) {_what}")
        _a, _y, _c, _caches = _got
        check_array(
            _c,
            _want_c,
            f"c {_what}",
            rtol=1e-8,
            atol=1e-10,
            hints=[
                (_reset[2], "the cell state not carried: c_prev reset to zeros at every step?"),
                (_rev[2], "time steps processed in reverse order?"),
                (
                    _prev[2],
                    "cell state from the wrong step: c_prev stored at t, not c_next?",
                ),
            ],
        )
        check_array(
            _a,
            _keras_a,
            f"a {_what}, compared with keras.layers.LSTM",
            rtol=1e-8,
            atol=1e-10,
            hints=[
                (_reset[0], "the cell state not carried: c_prev reset to zeros at every step?"),
                (_rev[0], "time steps processed in reverse order?"),
                (
                    _prev[0],
                    "hidden state from the wrong step: a_prev stored at t, not a_next?",
                ),
            ],
        )
        check_array(_y, _want_y, f"y {_what}", rtol=1e-8, atol=1e-10)
        check_type(_caches, tuple, f"caches {_what}")
        check_equal(len(_caches), 2, f"len(caches) {_what}")
        check_array(_caches[1], _x_copy, f"caches[1] (x) {_what}", atol=0)
        check_equal(len(_caches[0]), _T, f"len(caches[0]) (one cache per step) {_what}")
        for _t in range(_T):
            _ct = _caches[0][_t]
            check_equal(len(_ct), 10, f"len(caches[0][{_t}]) {_what}")
            check_array(
                _ct[2],
                _a0_copy if _t == 0 else _want_a[:, :, _t - 1],
                f"caches[0][{_t}][2] (a_prev of step index {_t}) {_what}",
                rtol=1e-8,
                atol=1e-10,
            )
            check_array(
                _ct[3],
                np.zeros((_n_a, _m)) if _t == 0 else _want_c[:, :, _t - 1],
                f"caches[0][{_t}][3] (c_prev of step index {_t}) {_what}",
                rtol=1e-8,
                atol=1e-10,
            )
        check_unchanged(_x_copy, _x, "x after calling lstm_forward")
        check_unchanged(_a0_copy, _a0, "a0 after calling lstm_forward")


_hidden_lstm_forward()
### END HIDDEN TESTS

# %% [markdown]
# ### 4.3 - The same LSTM in Keras
#
# Keras has both networks ready-made, as `keras.layers.SimpleRNN` and `keras.layers.LSTM`
# (course 5 uses them from the next notebook on). Its LSTM computes exactly your formulas;
# only the bookkeeping differs:
#
# - the data are laid out `(batch, time, features)`, i.e. $(m, T_x, n_x)$, and one example is a
#   **row**, so every weight matrix is stored transposed;
# - the part of $W_f$ acting on the input, $W_f[:, n_a:]^T$, and the part acting on the hidden
#   state, $W_f[:, :n_a]^T$, are two separate matrices (the `kernel` and the
#   `recurrent_kernel`);
# - the four gates are stacked side by side in the order $i, f, c, o$.
#
# The cell below puts random weights into a Keras LSTM (in float64, like NumPy), runs both on
# the same batch and compares the hidden states. Importing TensorFlow takes several seconds.

# %% tags=["demo"]
import keras

rng_keras = np.random.default_rng(7)
n_x_k, n_a_k, n_y_k, m_k, T_k = 3, 5, 2, 4, 6
x_k = rng_keras.normal(size=(n_x_k, m_k, T_k))
a0_k = rng_keras.normal(size=(n_a_k, m_k))
params_k = {}
for gate in "fico":
    params_k["W" + gate] = rng_keras.normal(size=(n_a_k, n_a_k + n_x_k))
    params_k["b" + gate] = rng_keras.normal(size=(n_a_k, 1))
params_k["Wy"] = rng_keras.normal(size=(n_y_k, n_a_k))
params_k["by"] = rng_keras.normal(size=(n_y_k, 1))

lstm_layer = keras.layers.LSTM(n_a_k, return_sequences=True, dtype="float64")
lstm_layer.build((m_k, T_k, n_x_k))
kernel = np.concatenate([params_k["W" + g][:, n_a_k:].T for g in "ifco"], axis=1)
recurrent_kernel = np.concatenate([params_k["W" + g][:, :n_a_k].T for g in "ifco"], axis=1)
bias = np.concatenate([params_k["b" + g].ravel() for g in "ifco"])
lstm_layer.set_weights([kernel, recurrent_kernel, bias])
print("Keras weights:", [w.shape for w in lstm_layer.get_weights()])

a_keras = lstm_layer(np.transpose(x_k, (1, 2, 0)), initial_state=[a0_k.T, np.zeros((m_k, n_a_k))])
a_keras = np.transpose(np.asarray(a_keras), (2, 0, 1))  # (m, T_x, n_a) -> (n_a, m, T_x)
a_mine = lstm_forward(x_k, a0_k, params_k)[0]
gap_keras = np.abs(a_mine - a_keras).max()
print(f"largest difference between your hidden states and Keras': {gap_keras:.1e}")
assert gap_keras < 1e-10, "your lstm_forward and Keras' LSTM disagree"

# %% [markdown]
# ## 5 - The backward pass of a basic RNN
#
# Deep learning frameworks compute the backward pass for you, so this part is about
# understanding rather than everyday use: where the gradients of a recurrent network come from,
# and why they can vanish.
#
# Throughout this section $\mathcal{L}$ is a scalar loss, and the **d-notation** of the
# earlier courses is used: `da_next` is
# $\frac{\partial \mathcal{L}}{\partial a^{\langle t \rangle}}$ (shape $(n_a, m)$, like
# $a^{\langle t \rangle}$), `dWax` is $\frac{\partial \mathcal{L}}{\partial W_{ax}}$, and so
# on. The loss adds up over the examples, so the gradient of a parameter adds up the
# contributions of all $m$ examples; there is no $\frac{1}{m}$ in this section (if the loss is
# an average, `da` already carries it).
#
# ### 5.1 - One time step: derive it yourself
#
# The forward step of the RNN cell is
#
# $$z = W_{ax} x^{\langle t \rangle} + W_{aa} a^{\langle t-1 \rangle} + b_a, \qquad
# a^{\langle t \rangle} = \tanh(z),$$
#
# and the derivative of the hyperbolic tangent is
#
# $$\tanh'(z) = 1 - \tanh^2(z).$$
#
# That is all you need. Given `da_next` $= \frac{\partial \mathcal{L}}{\partial a^{\langle t
# \rangle}}$, derive the gradients with respect to the step's input $x^{\langle t \rangle}$,
# the previous hidden state $a^{\langle t-1 \rangle}$ and the three parameters. (The output
# layer, $\hat{y}^{\langle t \rangle}$, is left out: its gradient reaches the cell through
# `da_next`.) Three hints rather than the answer:
#
# - go through $z$ first: `dz`, of shape $(n_a, m)$, is `da_next` times $\tanh'(z)$,
#   elementwise. The cache does not hold $z$, but it holds $\tanh(z)$;
# - $z$ is a linear function of $x^{\langle t \rangle}$, $a^{\langle t-1 \rangle}$ and the
#   parameters, exactly like $Z = WA + b$ in course 1: the same three formulas, without the
#   $\frac{1}{m}$;
# - every gradient has the shape of the thing it is the gradient of; that leaves only one way
#   to multiply `dz` with each of the other arrays.
#
# ### Exercise 5 - `rnn_cell_backward`
#
# Return the gradients in the dictionary, under the keys `"dxt"`, `"da_prev"`, `"dWax"`,
# `"dWaa"` and `"dba"`. The tests compare them with gradients estimated numerically, so any
# correct way of writing them passes.

# %% nbgrader={"grade_id": "rnn_cell_backward", "solution": true}
# GRADED FUNCTION: rnn_cell_backward
def rnn_cell_backward(da_next, cache):
    """The backward pass of one RNN time step.

    Arguments:
    da_next -- gradient of the loss with respect to the next hidden state, shape (n_a, m)
    cache -- the tuple (a_next, a_prev, xt, parameters) stored by rnn_cell_forward

    Returns:
    gradients -- dictionary with
                 dxt -- gradient with respect to the input xt, shape (n_x, m)
                 da_prev -- gradient with respect to the previous hidden state, shape (n_a, m)
                 dWax -- gradient with respect to Wax, shape (n_a, n_x)
                 dWaa -- gradient with respect to Waa, shape (n_a, n_a)
                 dba -- gradient with respect to ba, shape (n_a, 1)
    """
    a_next, a_prev, xt, parameters = cache
    Wax = parameters["Wax"]
    Waa = parameters["Waa"]
    ### BEGIN SOLUTION
    dz = da_next * (1 - a_next ** 2)
    dxt = Wax.T @ dz
    dWax = dz @ xt.T
    da_prev = Waa.T @ dz
    dWaa = dz @ a_prev.T
    dba = np.sum(dz, axis=1, keepdims=True)
    ### END SOLUTION
    gradients = {"dxt": dxt, "da_prev": da_prev, "dWax": dWax, "dWaa": dWaa, "dba": dba}
    return gradients


# %% nbgrader={"grade_id": "test_rnn_cell_backward", "points": 3}
# One step with n_x = 3, n_a = 2, m = 3. a_next_5 holds what rnn_cell_forward gives for these
# inputs, tanh(Wax xt + Waa a_prev + ba), to 10 decimals.
rng_5 = np.random.default_rng(5)
xt_5 = rng_5.normal(size=(3, 3))
a_prev_5 = rng_5.normal(size=(2, 3))
params_5 = {"Wax": rng_5.normal(size=(2, 3)), "Waa": rng_5.normal(size=(2, 2)),
            "Wya": rng_5.normal(size=(2, 2)), "ba": rng_5.normal(size=(2, 1)),
            "by": rng_5.normal(size=(2, 1))}
a_next_5 = np.array([[0.992463266, 0.9949411252, -0.8663851073],
                     [-0.9604650345, 0.04400306508, -0.721460716]])
da_next_5 = rng_5.normal(size=(2, 3))
da_next_5_copy = da_next_5.copy()
gradients_5 = rnn_cell_backward(da_next_5, (a_next_5, a_prev_5, xt_5, params_5))
run_checks(
    "rnn_cell_backward",
    lambda: check_keys(gradients_5, {"dxt", "da_prev", "dWax", "dWaa", "dba"}, "gradients"),
    lambda: check_array(gradients_5["dba"],
                        [[-0.11394667],
                         [-1.3293867]],
                        "gradients['dba']",
                        hints=[([[-1.74845459], [-2.22175192]],
                                "the derivative of tanh left out? dz = da_next times tanh'(z)"),
                               ([[-0.25449358], [2.24054978]],
                                "tanh's derivative taken at a_prev? tanh'(z) = 1 - a_next**2"),
                               ([[-0.77510462], [-1.70005403]],
                                "1 - tanh(a_next)**2? a_next is tanh(z) already: "
                                "1 - a_next**2")]),
    lambda: check_array(gradients_5["dxt"],
                        [[0.061144768, 0.86948423, 0.10330925],
                         [0.041660739, 0.66095437, -0.044329737],
                         [0.0656521, 0.97711884, 0.038044117]],
                        "gradients['dxt']"),
    lambda: check_array(gradients_5["da_prev"],
                        [[0.047328345, 0.79140326, -0.11820515],
                         [-0.034361125, -0.55340267, 0.05038514]],
                        "gradients['da_prev']"),
    lambda: check_array(gradients_5["dWax"],
                        [[0.042209446, -0.024775207, -0.063151217],
                         [1.8323702, -1.5603382, 1.1889303]],
                        "gradients['dWax']"),
    lambda: check_array(gradients_5["dWaa"],
                        [[0.11149779, -0.032587066],
                         [-0.64015437, -2.0612386]],
                        "gradients['dWaa']",
                        hints=[([[0.07054142, 0.07520491], [-1.52307221, -0.05603799]],
                                "dWaa from a_next? Waa multiplies a_prev in the forward "
                                "pass")]),
    lambda: check_unchanged(da_next_5_copy, da_next_5, "da_next after calling rnn_cell_backward"),
)
### BEGIN HIDDEN TESTS
def _hidden_rnn_cell_backward():
    def _lin(_P, _xt, _a_prev):
        return (
            np.einsum("ij,jk->ik", _P["Wax"], _xt)
            + np.einsum("ij,jk->ik", _P["Waa"], _a_prev)
            + _P["ba"]
        )

    def _grads(_dz, _xt, _a_prev, _P):
        return {
            "dxt": np.einsum("ji,jk->ik", _P["Wax"], _dz),
            "da_prev": np.einsum("ji,jk->ik", _P["Waa"], _dz),
            "dWax": np.einsum("ik,jk->ij", _dz, _xt),
            "dWaa": np.einsum("ik,jk->ij", _dz, _a_prev),
            "dba": _dz.sum(axis=1).reshape(-1, 1),
        }

    def _num(_f, _arr, _eps=1e-6):
        _g = np.zeros_like(_arr)
        for _idx in np.ndindex(_arr.shape):
            _keep = _arr[_idx]
            _arr[_idx] = _keep + _eps
            _plus = _f()
            _arr[_idx] = _keep - _eps
            _minus = _f()
            _arr[_idx] = _keep
            _g[_idx] = (_plus - _minus) / (2 * _eps)
        return _g

    for _seed, (_n_x, _n_a, _m) in enumerate(((3, 4, 5), (1, 2, 1), (5, 3, 4))):
        _rng = np.random.default_rng(500 + _seed)
        _xt = _rng.normal(size=(_n_x, _m))
        _a_prev = _rng.normal(size=(_n_a, _m))
        _P = {
            "Wax": _rng.normal(size=(_n_a, _n_x)),
            "Waa": _rng.normal(size=(_n_a, _n_a)),
            "Wya": _rng.normal(size=(2, _n_a)),
            "ba": _rng.normal(size=(_n_a, 1)),
            "by": _rng.normal(size=(2, 1)),
        }
        _a_next = np.tanh(_lin(_P, _xt, _a_prev))
        _da = _rng.normal(size=(_n_a, _m))
        _ins = (_a_next.copy(), _a_prev.copy(), _xt.copy(), _da.copy())
        _want = _grads(_da * (1 - _a_next**2), _xt, _a_prev, _P)
        _no_tanh = _grads(_da, _xt, _a_prev, _P)
        _tanh_prev = _grads(_da * (1 - _a_prev**2), _xt, _a_prev, _P)
        _tanh_raw = _grads(_da * (1 - np.tanh(_a_next) ** 2), _xt, _a_prev, _P)
        _wrong_state = _grads(_da * (1 - _a_next**2), _xt, _a_next, _P)
        _what = f"for n_x={_n_x}, n_a={_n_a}, m={_m}"
        _got = rnn_cell_backward(_da, (_a_next, _a_prev, _xt, _P))
        check_keys(_got, set(_want), f"gradients {_what}")
        for _k in ("dba", "dxt", "da_prev", "dWax", "dWaa"):
            check_array(
                _got[_k],
                _want[_k],
                f"gradients['{_k}'] {_what}",
                rtol=1e-8,
                atol=1e-10,
                hints=[
                    (_no_tanh[_k], "the derivative of tanh, 1 - a_next ** 2, left out?"),
                    (
                        _tanh_prev[_k],
                        "1 - a_prev ** 2 instead of 1 - a_next ** 2: tanh' at the wrong step?",
                    ),
                    (_tanh_raw[_k], "tanh applied to a_next again: a_next already is tanh(z)?"),
                    (_wrong_state[_k], "a_next where the formula needs a_prev?"),
                ],
                factors={"m": _m},
            )
        _loss = lambda: float(np.sum(np.tanh(_lin(_P, _xt, _a_prev)) * _da))
        for _k, _arr in (
            ("dxt", _xt),
            ("da_prev", _a_prev),
            ("dWax", _P["Wax"]),
            ("dWaa", _P["Waa"]),
            ("dba", _P["ba"]),
        ):
            _g_num = _num(_loss, _arr)
            _rel = np.linalg.norm(_got[_k] - _g_num) / max(
                np.linalg.norm(_got[_k]) + np.linalg.norm(_g_num), 1e-12
            )
            if _rel > 1e-7:
                raise CheckFailed(
                    f"gradients['{_k}'] {_what} disagrees with a numerical estimate "
                    f"(central differences): relative difference {_rel:.2e}, must be below 1e-07"
                )
        for _name, _before, _after in zip(
            ("a_next", "a_prev", "xt", "da_next"), _ins, (_a_next, _a_prev, _xt, _da)
        ):
            check_unchanged(_before, _after, f"{_name} after calling rnn_cell_backward")


_hidden_rnn_cell_backward()
### END HIDDEN TESTS

# %% [markdown]
# ### 5.2 - Backpropagation through time
#
# The loss depends on $a^{\langle t \rangle}$ in two ways: directly, through the prediction
# $\hat{y}^{\langle t \rangle}$ of step $t$, and indirectly, through all the later steps, since
# $a^{\langle t \rangle}$ is the `a_prev` of step $t+1$. The gradient that reaches
# $a^{\langle t \rangle}$ is the sum of both:
#
# $$\frac{\partial \mathcal{L}}{\partial a^{\langle t \rangle}} =
# \underbrace{\texttt{da[:, :, t]}}_{\text{from the output of step } t}
# + \underbrace{\texttt{da\_prev}}_{\text{from step } t+1}.$$
#
# `da` (shape $(n_a, m, T_x)$) holds the first part for every step; the second is what the
# backward pass of step $t+1$ returned as `da_prev`. So the backward pass runs over the steps
# **from the last to the first**. And since the **same** $W_{ax}, W_{aa}, b_a$ are used at
# every step, their gradients add up over the steps.
#
# ### Exercise 6 - `rnn_backward`
#
# 1. Create `dx` (shape $(n_x, m, T_x)$), `dWax`, `dWaa`, `dba` and `da_prevt` (shape
#    $(n_a, m)$: nothing comes back from after the last step) filled with zeros.
# 2. For $t = T_x - 1, \dots, 0$: call `rnn_cell_backward` with the total gradient reaching
#    $a^{\langle t \rangle}$ and `caches[t]`; store `dxt` in `dx[:, :, t]`, keep `da_prev` for
#    the next iteration, and add the parameter gradients to the totals.
# 3. After the loop, `da0` is the `da_prev` of the first step.
#
# Do not change `da` itself (writing into `da[:, :, t]` would change the caller's array). As
# before, the test cell checks the loop with a stand-in for `rnn_cell_backward`.

# %% nbgrader={"grade_id": "rnn_backward", "solution": true}
# GRADED FUNCTION: rnn_backward
def rnn_backward(da, caches):
    """The backward pass of a basic RNN over a whole sequence.

    Arguments:
    da -- gradient of the loss with respect to every hidden state through the outputs only,
          shape (n_a, m, T_x)
    caches -- the pair (list of caches, x) returned by rnn_forward

    Returns:
    gradients -- dictionary with
                 dx -- gradient with respect to the inputs, shape (n_x, m, T_x)
                 da0 -- gradient with respect to the initial hidden state, shape (n_a, m)
                 dWax -- gradient with respect to Wax, shape (n_a, n_x)
                 dWaa -- gradient with respect to Waa, shape (n_a, n_a)
                 dba -- gradient with respect to ba, shape (n_a, 1)
    """
    caches, x = caches
    a1, a0, x1, parameters = caches[0]
    n_a, m, T_x = da.shape
    n_x, m = x1.shape
    ### BEGIN SOLUTION
    dx = np.zeros((n_x, m, T_x))
    dWax = np.zeros((n_a, n_x))
    dWaa = np.zeros((n_a, n_a))
    dba = np.zeros((n_a, 1))
    da_prevt = np.zeros((n_a, m))
    for t in reversed(range(T_x)):
        step = rnn_cell_backward(da[:, :, t] + da_prevt, caches[t])
        dx[:, :, t] = step["dxt"]
        da_prevt = step["da_prev"]
        dWax += step["dWax"]
        dWaa += step["dWaa"]
        dba += step["dba"]
    da0 = da_prevt
    ### END SOLUTION
    gradients = {"dx": dx, "da0": da0, "dWax": dWax, "dWaa": dWaa, "dba": dba}
    return gradients


# %% nbgrader={"grade_id": "test_rnn_backward", "points": 3}
def toy_rnn_cell_backward(da_next, cache):
    """A stand-in for rnn_cell_backward (not the RNN's gradients): numbers easy to follow."""
    a_next, a_prev, xt, parameters = cache
    return {"dxt": xt * da_next.sum(axis=0), "da_prev": 0.5 * da_next,
            "dWax": da_next @ xt.T, "dWaa": da_next @ a_prev.T,
            "dba": da_next.sum(axis=1, keepdims=True)}


# n_x = 2, n_a = 2, m = 2, T_x = 3; the caches are built from given hidden states a_6.
x_6 = np.array([[[1.0, 0.0, 2.0], [0.0, 1.0, 0.0]],
                [[1.0, 1.0, 0.0], [2.0, 0.0, 1.0]]])
a0_6 = np.array([[1.0, 0.0], [0.0, -1.0]])
a_6 = np.array([[[0.5, -0.5, 0.0], [1.0, 0.0, 0.5]],
                [[0.0, 1.0, -1.0], [0.5, 0.5, 0.0]]])
params_6 = {"Wax": np.zeros((2, 2)), "Waa": np.zeros((2, 2)), "Wya": np.zeros((1, 2)),
            "ba": np.zeros((2, 1)), "by": np.zeros((1, 1))}
steps_6 = [(a_6[:, :, t], a0_6 if t == 0 else a_6[:, :, t - 1], x_6[:, :, t], params_6)
           for t in range(3)]
da_6 = np.array([[[1.0, 0.0, 2.0], [0.0, 0.0, 1.0]],
                 [[0.0, 1.0, 0.0], [1.0, 2.0, 0.0]]])
da_6_copy = da_6.copy()
with substituted(globals(), rnn_cell_backward=toy_rnn_cell_backward):
    gradients_6 = rnn_backward(da_6, (steps_6, x_6))
run_checks(
    "rnn_backward",
    lambda: check_keys(gradients_6, {"dx", "da0", "dWax", "dWaa", "dba"}, "gradients"),
    lambda: check_unchanged(da_6_copy, da_6, "da after calling rnn_backward"),
    # the last step gets da[:, :, 2] only: the example sums are 2 and 1
    lambda: check_array(gradients_6["dx"][:, :, 2], [[4.0, 0.0], [0.0, 1.0]],
                        "dx[:, :, 2] (the last step)",
                        hints=[([[5.5, 0.0], [0.0, 2.25]],
                                "the steps in forward order? backpropagation through time "
                                "starts at the last step, t = T_x - 1"),
                               ([[2.0, 0.0], [0.0, 2.0]],
                                "da of another step (t - 1?) given to step t?")]),
    lambda: check_array(gradients_6["dx"][:, :, 0],
                        [[2.0, 0.0],
                         [2.0, 4.5]],
                        "dx[:, :, 0] (the first step)",
                        hints=[([[1.0, 0.0], [1.0, 2.0]],
                                "the gradient from the later step (its da_prev) not added to "
                                "da[:, :, t]?")]),
    lambda: check_array(gradients_6["da0"],
                        [[0.75, 0.125],
                         [0.25, 1.0]],
                        "da0"),
    lambda: check_array(gradients_6["dba"],
                        [[6.25],
                         [5.5]],
                        "dba",
                        hints=[([[1.75], [2.5]],
                                "dba replaced at every step instead of added up over the "
                                "steps?")]),
    lambda: check_array(gradients_6["dWax"],
                        [[6.0, 4.0],
                         [2.5, 5.5]],
                        "dWax"),
    lambda: check_array(gradients_6["dWaa"],
                        [[1.5, 2.5],
                         [3.0, -1.0]],
                        "dWaa"),
)
### BEGIN HIDDEN TESTS
def _hidden_rnn_backward():
    def _fwd(_x, _a0, _P):
        _caches, _h, _a = [], _a0, np.zeros((_a0.shape[0], _x.shape[1], _x.shape[2]))
        for _t in range(_x.shape[2]):
            _new = np.tanh(
                np.einsum("ij,jk->ik", _P["Wax"], _x[:, :, _t])
                + np.einsum("ij,jk->ik", _P["Waa"], _h)
                + _P["ba"]
            )
            _caches.append((_new, _h, _x[:, :, _t], _P))
            _a[:, :, _t], _h = _new, _new
        return _a, (_caches, _x)

    def _cell_bwd(_da_next, _cache):
        _a_next, _a_prev, _xt, _P = _cache
        _dz = _da_next * (1 - _a_next**2)
        return {
            "dxt": np.einsum("ji,jk->ik", _P["Wax"], _dz),
            "da_prev": np.einsum("ji,jk->ik", _P["Waa"], _dz),
            "dWax": np.einsum("ik,jk->ij", _dz, _xt),
            "dWaa": np.einsum("ik,jk->ij", _dz, _a_prev),
            "dba": _dz.sum(axis=1).reshape(-1, 1),
        }

    def _bptt(_da, _caches, _steps, _acc=True, _add=True, _shift=0):
        _list, _x = _caches
        _out = {"dx": np.zeros(_x.shape), "dWax": 0.0, "dWaa": 0.0, "dba": 0.0}
        _back = np.zeros(_da.shape[:2])
        for _t in _steps:
            _g = _cell_bwd(_da[:, :, _t - _shift] + (_back if _add else 0.0), _list[_t])
            _out["dx"][:, :, _t], _back = _g["dxt"], _g["da_prev"]
            for _k in ("dWax", "dWaa", "dba"):
                _out[_k] = _out[_k] + _g[_k] if _acc else _g[_k]
        _out["da0"] = _back
        return _out

    def _num(_f, _arr, _eps=1e-6):
        _g = np.zeros_like(_arr)
        for _idx in np.ndindex(_arr.shape):
            _keep = _arr[_idx]
            _arr[_idx] = _keep + _eps
            _plus = _f()
            _arr[_idx] = _keep - _eps
            _minus = _f()
            _arr[_idx] = _keep
            _g[_idx] = (_plus - _minus) / (2 * _eps)
        return _g

    for _seed, (_n_x, _n_a, _m, _T) in enumerate(((3, 4, 2, 5), (1, 2, 1, 3), (2, 3, 3, 6))):
        _rng = np.random.default_rng(600 + _seed)
        _x = _rng.normal(size=(_n_x, _m, _T))
        _a0 = _rng.normal(size=(_n_a, _m))
        _P = {
            "Wax": _rng.normal(size=(_n_a, _n_x)),
            "Waa": 0.8 * _rng.normal(size=(_n_a, _n_a)),
            "Wya": _rng.normal(size=(2, _n_a)),
            "ba": _rng.normal(size=(_n_a, 1)),
            "by": _rng.normal(size=(2, 1)),
        }
        _a, _caches = _fwd(_x, _a0, _P)
        _da = _rng.normal(size=(_n_a, _m, _T))
        _da_copy = _da.copy()
        _T_rev = range(_T - 1, -1, -1)
        _want = _bptt(_da, _caches, _T_rev)
        _variants = [
            (
                _bptt(_da, _caches, _T_rev, _acc=False),
                "gradients not accumulated over the time steps (= instead of +=)?",
            ),
            (
                _bptt(_da, _caches, range(_T)),
                "time steps in the wrong order (backward runs from the last step to the first)?",
            ),
            (
                _bptt(_da, _caches, _T_rev, _add=False),
                "the da_prev coming back from the later step not added to da[:, :, t]?",
            ),
            (_bptt(_da, _caches, _T_rev, _shift=1), "da of the wrong step: da[:, :, t - 1]?"),
        ]
        _what = (
            f"from rnn_backward (run with a correct rnn_cell_backward) for da of shape {_da.shape}"
        )
        with substituted(globals(), rnn_cell_backward=_cell_bwd):
            _got = rnn_backward(_da, _caches)
        check_keys(_got, set(_want), f"gradients {_what}")
        check_unchanged(_da_copy, _da, "da after calling rnn_backward")
        for _k in ("dx", "da0", "dba", "dWax", "dWaa"):
            check_array(
                _got[_k],
                _want[_k],
                f"gradients['{_k}'] {_what}",
                rtol=1e-8,
                atol=1e-10,
                hints=[(_v[_k], _msg) for _v, _msg in _variants],
            )
        _loss = lambda: float(np.sum(_fwd(_x, _a0, _P)[0] * _da))
        for _k, _arr in (
            ("dx", _x),
            ("da0", _a0),
            ("dWax", _P["Wax"]),
            ("dWaa", _P["Waa"]),
            ("dba", _P["ba"]),
        ):
            _g_num = _num(_loss, _arr)
            _rel = np.linalg.norm(_got[_k] - _g_num) / max(
                np.linalg.norm(_got[_k]) + np.linalg.norm(_g_num), 1e-12
            )
            if _rel > 1e-7:
                raise CheckFailed(
                    f"gradients['{_k}'] {_what} disagrees with a numerical estimate "
                    f"(central differences): relative difference {_rel:.2e}, must be below 1e-07"
                )


_hidden_rnn_backward()
### END HIDDEN TESTS

# %% [markdown]
# ## 6 - The backward pass of an LSTM
#
# ### 6.1 - One time step
#
# The LSTM step has more pieces, but each is differentiated as in exercise 5: go backward
# through the formulas of section 4.1, from $a^{\langle t \rangle}$ and
# $c^{\langle t \rangle}$ to the gates, and from the gates to `concat`, the parameters and
# $c^{\langle t-1 \rangle}$. Two gradients arrive at the step: `da_next` $= \frac{\partial
# \mathcal{L}}{\partial a^{\langle t \rangle}}$ and `dc_next` $= \frac{\partial
# \mathcal{L}}{\partial c^{\langle t \rangle}}$ (what the later steps need of the memory). This
# time the formulas are given. Write $\tau = \tanh(c^{\langle t \rangle})$, and remember that
# $\sigma' = \sigma (1 - \sigma)$ and $\tanh' = 1 - \tanh^2$.
#
# **The memory.** $c^{\langle t \rangle}$ gets `dc_next` directly, plus what reaches it through
# $a^{\langle t \rangle} = \Gamma_o \odot \tau$:
#
# $$dc = \texttt{dc\_next} + \texttt{da\_next} \odot \Gamma_o \odot (1 - \tau^2).$$
#
# **The gates**, as gradients with respect to each gate's input (the argument of its $\sigma$
# or $\tanh$), which is what the weights need; the code names are `dot`, `dcct`, `dit`, `dft`:
#
# $$d\Gamma_o = \texttt{da\_next} \odot \tau \odot \Gamma_o (1 - \Gamma_o), \qquad
# d\tilde{c} = dc \odot \Gamma_i \odot (1 - \tilde{c}^2),$$
#
# $$d\Gamma_i = dc \odot \tilde{c} \odot \Gamma_i (1 - \Gamma_i), \qquad
# d\Gamma_f = dc \odot c^{\langle t-1 \rangle} \odot \Gamma_f (1 - \Gamma_f).$$
#
# **The parameters**, for each gate $g \in \{f, i, c, o\}$ with its $d\Gamma_g$ above (for
# $g = c$ that is $d\tilde{c}$), summed over the examples as in section 5:
#
# $$dW_g = d\Gamma_g \, [a^{\langle t-1 \rangle}; x^{\langle t \rangle}]^T, \qquad
# db_g = \textstyle\sum_{\text{examples}} d\Gamma_g \quad (\text{shape } (n_a, 1)).$$
#
# **The inputs of the step.** All four gates read `concat`, so its gradient adds up four terms,
#
# $$d\,\texttt{concat} = W_f^T d\Gamma_f + W_i^T d\Gamma_i + W_c^T d\tilde{c} + W_o^T d\Gamma_o,$$
#
# whose first $n_a$ rows are `da_prev` and whose last $n_x$ rows are `dxt` (the order of
# `concat`). Finally the memory of the previous step:
#
# $$\texttt{dc\_prev} = dc \odot \Gamma_f.$$
#
# ### Exercise 7 - `lstm_cell_backward`

# %% nbgrader={"grade_id": "lstm_cell_backward", "solution": true}
# GRADED FUNCTION: lstm_cell_backward
def lstm_cell_backward(da_next, dc_next, cache):
    """The backward pass of one LSTM time step.

    Arguments:
    da_next -- gradient of the loss with respect to the next hidden state, shape (n_a, m)
    dc_next -- gradient of the loss with respect to the next cell state, shape (n_a, m)
    cache -- the tuple (a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, parameters)
             stored by lstm_cell_forward

    Returns:
    gradients -- dictionary with
                 dxt -- gradient with respect to the input xt, shape (n_x, m)
                 da_prev -- gradient with respect to the previous hidden state, shape (n_a, m)
                 dc_prev -- gradient with respect to the previous cell state, shape (n_a, m)
                 dWf, dWi, dWc, dWo -- gradients with respect to the weights,
                                       shape (n_a, n_a + n_x) each
                 dbf, dbi, dbc, dbo -- gradients with respect to the biases, shape (n_a, 1) each
    """
    a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, parameters = cache
    n_x, m = xt.shape
    n_a, m = a_next.shape
    ### BEGIN SOLUTION
    tau = np.tanh(c_next)
    dc = dc_next + da_next * ot * (1 - tau ** 2)
    dot = da_next * tau * ot * (1 - ot)
    dcct = dc * it * (1 - cct ** 2)
    dit = dc * cct * it * (1 - it)
    dft = dc * c_prev * ft * (1 - ft)
    concat = np.concatenate((a_prev, xt), axis=0)
    dWf = dft @ concat.T
    dWi = dit @ concat.T
    dWc = dcct @ concat.T
    dWo = dot @ concat.T
    dbf = np.sum(dft, axis=1, keepdims=True)
    dbi = np.sum(dit, axis=1, keepdims=True)
    dbc = np.sum(dcct, axis=1, keepdims=True)
    dbo = np.sum(dot, axis=1, keepdims=True)
    dconcat = (parameters["Wf"].T @ dft + parameters["Wi"].T @ dit
               + parameters["Wc"].T @ dcct + parameters["Wo"].T @ dot)
    da_prev = dconcat[:n_a]
    dxt = dconcat[n_a:]
    dc_prev = dc * ft
    ### END SOLUTION
    gradients = {"dxt": dxt, "da_prev": da_prev, "dc_prev": dc_prev,
                 "dWf": dWf, "dbf": dbf, "dWi": dWi, "dbi": dbi,
                 "dWc": dWc, "dbc": dbc, "dWo": dWo, "dbo": dbo}
    return gradients


# %% nbgrader={"grade_id": "test_lstm_cell_backward", "points": 3}
# One step with n_x = 3, n_a = 2, m = 2. The arrays of cache_7 that lstm_cell_forward computes
# (a_next, c_next and the gates) are given to 10 decimals.
rng_7 = np.random.default_rng(7)
xt_7 = rng_7.normal(size=(3, 2))
a_prev_7 = rng_7.normal(size=(2, 2))
c_prev_7 = rng_7.normal(size=(2, 2))
params_7 = {}
for gate in "fico":
    params_7["W" + gate] = rng_7.normal(size=(2, 5))
    params_7["b" + gate] = rng_7.normal(size=(2, 1))
params_7["Wy"] = rng_7.normal(size=(2, 2))
params_7["by"] = rng_7.normal(size=(2, 1))
ft_7 = np.array([[0.6901852841, 0.8288417835],
                 [0.7038825793, 0.5042768905]])
it_7 = np.array([[0.6782727896, 0.1585143738],
                 [0.8041795647, 0.614334458]])
cct_7 = np.array([[-0.08175890824, -0.1618567422],
                  [0.7796254527, -0.08635812363]])
ot_7 = np.array([[0.6828963521, 0.8408720426],
                 [0.3832388454, 0.5203463576]])
c_next_7 = np.array([[0.2826269318, 0.2701462442],
                     [0.7011581107, -0.5222663033]])
a_next_7 = np.array([[0.1880250066, 0.2217891758],
                     [0.2318987303, -0.2494786337]])
cache_7 = (a_next_7, c_next_7, a_prev_7, c_prev_7, ft_7, it_7, cct_7, ot_7, xt_7, params_7)
da_next_7 = rng_7.normal(size=(2, 2))
dc_next_7 = rng_7.normal(size=(2, 2))
gradients_7 = lstm_cell_backward(da_next_7, dc_next_7, cache_7)
run_checks(
    "lstm_cell_backward",
    lambda: check_keys(gradients_7, {"dxt", "da_prev", "dc_prev", "dWf", "dbf", "dWi", "dbi",
                                     "dWc", "dbc", "dWo", "dbo"}, "gradients"),
    lambda: check_array(gradients_7["dbo"],
                        [[-0.10695845],
                         [0.33094369]],
                        "gradients['dbo']",
                        hints=[([[-0.57400861], [1.34670299]],
                                "the sigmoid's derivative left out for the output gate? "
                                "sigma'(z) = ot * (1 - ot)")]),
    lambda: check_array(gradients_7["dbc"],
                        [[-0.98582377],
                         [0.37952663]],
                        "gradients['dbc']",
                        hints=[([[-0.32707291], [0.81681157]],
                                "dc_next alone? c_next also reaches the cost through a_next = "
                                "ot * tanh(c_next)"),
                               ([[-1.03916318], [0.26284137]],
                                "the derivative of tanh left out for the candidate? "
                                "tanh'(z) = 1 - cct**2")]),
    lambda: check_array(gradients_7["dbi"],
                        [[0.03868951],
                         [0.17584892]],
                        "gradients['dbi']",
                        hints=[([[-0.17240865], [0.05643124]],
                                "got what dbf should be: the forget and update gates "
                                "swapped?")]),
    lambda: check_array(gradients_7["dbf"],
                        [[-0.17240865],
                         [0.05643124]],
                        "gradients['dbf']"),
    lambda: check_array(gradients_7["dc_prev"],
                        [[-0.89619414, -0.59593181],
                         [0.99540147, -0.054980032]],
                        "gradients['dc_prev']",
                        hints=[([[-0.31967302, -0.08063547], [0.88479094, 0.34765046]],
                                "dc_next alone? c_next also reaches the cost through a_next = "
                                "ot * tanh(c_next)")]),
    lambda: check_array(gradients_7["dWf"],
                        [[-0.056966425, 0.089529887, -0.011042239, 0.069703887, 0.097936161],
                         [0.035856324, -0.031028683, 0.0076143462, -0.031103082, -0.039275228]],
                        "gradients['dWf']"),
    lambda: check_array(gradients_7["dWo"],
                        [[-0.042332732, 0.056242958, -0.0084754539, 0.046609935, 0.063690475],
                         [0.32509831, -0.19347434, 0.071340609, -0.2376989, -0.27849597]],
                        "gradients['dWo']"),
    lambda: check_array(gradients_7["da_prev"],
                        [[0.3702076, 0.12938],
                         [0.45809088, -0.14272314]],
                        "gradients['da_prev']",
                        hints=[([[0.62475464, 0.25122962], [1.16869805, 0.02276555]],
                                "the rows of dconcat split the wrong way? concat is "
                                "[a_prev; xt]: its first n_a rows belong to a_prev")]),
    lambda: check_array(gradients_7["dxt"],
                        [[-0.69685356, 0.28800211],
                         [0.62475464, 0.25122962],
                         [1.168698, 0.022765554]],
                        "gradients['dxt']"),
)
### BEGIN HIDDEN TESTS
def _hidden_lstm_cell_backward():
    def _sig(_z):
        return 1.0 / (1.0 + np.exp(-_z))

    def _fwd(_xt, _a_prev, _c_prev, _P):
        _cc = np.concatenate((_a_prev, _xt), axis=0)
        _f, _i, _o = (
            _sig(np.einsum("ij,jk->ik", _P["W" + _g], _cc) + _P["b" + _g]) for _g in "fio"
        )
        _cct = np.tanh(np.einsum("ij,jk->ik", _P["Wc"], _cc) + _P["bc"])
        _c = _f * _c_prev + _i * _cct
        return _o * np.tanh(_c), _c, (_f, _i, _cct, _o)

    def _bwd(_da, _dc_next, _cache, _via_a=True, _tanh_prime=True, _swap=False):
        _a, _c, _a_prev, _c_prev, _f, _i, _cct, _o, _xt, _P = _cache
        _tau = np.tanh(_c)
        _dc = _dc_next + (_da * _o * ((1 - _tau**2) if _tanh_prime else 1.0) if _via_a else 0.0)
        _d = {
            "o": _da * _tau * _o * (1 - _o),
            "c": _dc * _i * (1 - _cct**2),
            "i": _dc * _cct * _i * (1 - _i),
            "f": _dc * _c_prev * _f * (1 - _f),
        }
        if _swap:
            _d["f"], _d["i"] = _d["i"], _d["f"]
        _cc = np.concatenate((_a_prev, _xt), axis=0)
        _out = {}
        for _g in "fico":
            _out["dW" + _g] = np.einsum("ik,jk->ij", _d[_g], _cc)
            _out["db" + _g] = _d[_g].sum(axis=1).reshape(-1, 1)
        _dcc = sum(np.einsum("ji,jk->ik", _P["W" + _g], _d[_g]) for _g in "fico")
        _n_a = _a.shape[0]
        _out["da_prev"], _out["dxt"], _out["dc_prev"] = _dcc[:_n_a], _dcc[_n_a:], _dc * _f
        return _out

    def _num(_f, _arr, _eps=1e-6):
        _g = np.zeros_like(_arr)
        for _idx in np.ndindex(_arr.shape):
            _keep = _arr[_idx]
            _arr[_idx] = _keep + _eps
            _plus = _f()
            _arr[_idx] = _keep - _eps
            _minus = _f()
            _arr[_idx] = _keep
            _g[_idx] = (_plus - _minus) / (2 * _eps)
        return _g

    for _seed, (_n_x, _n_a, _m) in enumerate(((3, 4, 5), (1, 2, 1), (4, 3, 3))):
        _rng = np.random.default_rng(700 + _seed)
        _xt = _rng.normal(size=(_n_x, _m))
        _a_prev = _rng.normal(size=(_n_a, _m))
        _c_prev = _rng.normal(size=(_n_a, _m))
        _P = {}
        for _g in "fico":
            _P["W" + _g] = _rng.normal(size=(_n_a, _n_a + _n_x))
            _P["b" + _g] = _rng.normal(size=(_n_a, 1))
        _P["Wy"] = _rng.normal(size=(2, _n_a))
        _P["by"] = _rng.normal(size=(2, 1))
        _a, _c, (_f, _i, _cct, _o) = _fwd(_xt, _a_prev, _c_prev, _P)
        _cache = (_a, _c, _a_prev, _c_prev, _f, _i, _cct, _o, _xt, _P)
        _da = _rng.normal(size=(_n_a, _m))
        _dc_next = _rng.normal(size=(_n_a, _m))
        _ins = (_da.copy(), _dc_next.copy())
        _want = _bwd(_da, _dc_next, _cache)
        _variants = [
            (
                _bwd(_da, _dc_next, _cache, _via_a=False),
                "the gradient reaching c_next through a_next left out of dc?",
            ),
            (
                _bwd(_da, _dc_next, _cache, _tanh_prime=False),
                "the derivative of tanh(c_next), 1 - tanh(c_next) ** 2, left out?",
            ),
            (_bwd(_da, _dc_next, _cache, _swap=True), "forget and update gates mixed up?"),
        ]
        _what = f"for n_x={_n_x}, n_a={_n_a}, m={_m}"
        _got = lstm_cell_backward(_da, _dc_next, _cache)
        check_keys(_got, set(_want), f"gradients {_what}")
        for _k in (
            "dbo",
            "dbc",
            "dbi",
            "dbf",
            "dc_prev",
            "dWf",
            "dWi",
            "dWc",
            "dWo",
            "da_prev",
            "dxt",
        ):
            check_array(
                _got[_k],
                _want[_k],
                f"gradients['{_k}'] {_what}",
                rtol=1e-8,
                atol=1e-10,
                hints=[(_v[_k], _msg) for _v, _msg in _variants],
            )
        _loss = lambda: float(
            np.sum(_fwd(_xt, _a_prev, _c_prev, _P)[0] * _da)
            + np.sum(_fwd(_xt, _a_prev, _c_prev, _P)[1] * _dc_next)
        )
        _wrt = [("dxt", _xt), ("da_prev", _a_prev), ("dc_prev", _c_prev)] + [
            (f"d{_p}{_g}", _P[f"{_p}{_g}"]) for _g in "fico" for _p in "Wb"
        ]
        for _k, _arr in _wrt:
            _g_num = _num(_loss, _arr)
            _rel = np.linalg.norm(_got[_k] - _g_num) / max(
                np.linalg.norm(_got[_k]) + np.linalg.norm(_g_num), 1e-12
            )
            if _rel > 1e-7:
                raise CheckFailed(
                    f"gradients['{_k}'] {_what} disagrees with a numerical estimate "
                    f"(central differences): relative difference {_rel:.2e}, must be below 1e-07"
                )
        check_unchanged(_ins[0], _da, "da_next after calling lstm_cell_backward")
        check_unchanged(_ins[1], _dc_next, "dc_next after calling lstm_cell_backward")


_hidden_lstm_cell_backward()
### END HIDDEN TESTS

# %% [markdown]
# ### 6.2 - Through time
#
# As for the RNN, the backward pass runs from the last step to the first, and the parameter
# gradients add up over the steps. Now **two** gradients come back from step $t+1$: `da_prev`,
# which adds to `da[:, :, t]` as before, and `dc_prev`, which becomes the `dc_next` of step
# $t$. After the last step nothing comes back, so both start at zero. The memory gets no
# gradient from the outputs directly (the predictions read $a^{\langle t \rangle}$ only), so
# there is no `dc` input.
#
# ### Exercise 8 - `lstm_backward`
#
# 1. Create `dx` (shape $(n_x, m, T_x)$), the eight parameter gradients (shapes of the
#    parameters), and `da_prevt`, `dc_prevt` (shape $(n_a, m)$), all zeros.
# 2. For $t = T_x - 1, \dots, 0$: call `lstm_cell_backward` with the total gradient reaching
#    $a^{\langle t \rangle}$, the gradient reaching $c^{\langle t \rangle}$ and `caches[t]`;
#    store `dxt` in `dx[:, :, t]`, keep `da_prev` and `dc_prev` for the next iteration, and add
#    the parameter gradients to the totals.
# 3. After the loop, `da0` is the `da_prev` of the first step.
#
# The test cell checks the loop with a stand-in for `lstm_cell_backward`.

# %% nbgrader={"grade_id": "lstm_backward", "solution": true}
# GRADED FUNCTION: lstm_backward
def lstm_backward(da, caches):
    """The backward pass of an LSTM over a whole sequence.

    Arguments:
    da -- gradient of the loss with respect to every hidden state through the outputs only,
          shape (n_a, m, T_x)
    caches -- the pair (list of caches, x) returned by lstm_forward

    Returns:
    gradients -- dictionary with
                 dx -- gradient with respect to the inputs, shape (n_x, m, T_x)
                 da0 -- gradient with respect to the initial hidden state, shape (n_a, m)
                 dWf, dWi, dWc, dWo -- gradients with respect to the weights,
                                       shape (n_a, n_a + n_x) each
                 dbf, dbi, dbc, dbo -- gradients with respect to the biases, shape (n_a, 1) each
    """
    caches, x = caches
    (a1, c1, a0, c0, f1, i1, cc1, o1, x1, parameters) = caches[0]
    n_a, m, T_x = da.shape
    n_x, m = x1.shape
    ### BEGIN SOLUTION
    dx = np.zeros((n_x, m, T_x))
    dWf = np.zeros((n_a, n_a + n_x))
    dWi = np.zeros((n_a, n_a + n_x))
    dWc = np.zeros((n_a, n_a + n_x))
    dWo = np.zeros((n_a, n_a + n_x))
    dbf = np.zeros((n_a, 1))
    dbi = np.zeros((n_a, 1))
    dbc = np.zeros((n_a, 1))
    dbo = np.zeros((n_a, 1))
    da_prevt = np.zeros((n_a, m))
    dc_prevt = np.zeros((n_a, m))
    for t in reversed(range(T_x)):
        step = lstm_cell_backward(da[:, :, t] + da_prevt, dc_prevt, caches[t])
        dx[:, :, t] = step["dxt"]
        da_prevt = step["da_prev"]
        dc_prevt = step["dc_prev"]
        dWf += step["dWf"]
        dWi += step["dWi"]
        dWc += step["dWc"]
        dWo += step["dWo"]
        dbf += step["dbf"]
        dbi += step["dbi"]
        dbc += step["dbc"]
        dbo += step["dbo"]
    da0 = da_prevt
    ### END SOLUTION
    gradients = {"dx": dx, "da0": da0, "dWf": dWf, "dbf": dbf, "dWi": dWi, "dbi": dbi,
                 "dWc": dWc, "dbc": dbc, "dWo": dWo, "dbo": dbo}
    return gradients


# %% nbgrader={"grade_id": "test_lstm_backward", "points": 3}
def toy_lstm_cell_backward(da_next, dc_next, cache):
    """A stand-in for lstm_cell_backward (not the LSTM's gradients): numbers easy to follow."""
    a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, parameters = cache
    concat = np.concatenate((a_prev, xt), axis=0)
    gradients = {"dxt": xt * da_next.sum(axis=0), "da_prev": 0.5 * da_next,
                 "dc_prev": 0.5 * (dc_next + da_next)}
    for k, gate in enumerate("fico", start=1):
        gradients["dW" + gate] = k * da_next @ concat.T
        gradients["db" + gate] = k * dc_next.sum(axis=1, keepdims=True)
    return gradients


# n_x = 2, n_a = 2, m = 2, T_x = 3; the caches are built from given states a_8 and c_8.
x_8 = np.array([[[1.0, 0.0, 2.0], [0.0, 1.0, 0.0]],
                [[1.0, 1.0, 0.0], [2.0, 0.0, 1.0]]])
a0_8 = np.array([[1.0, 0.0], [0.0, -1.0]])
a_8 = np.array([[[0.5, -0.5, 0.0], [1.0, 0.0, 0.5]],
                [[0.0, 1.0, -1.0], [0.5, 0.5, 0.0]]])
c_8 = 2 * a_8
params_8 = {"Wy": np.zeros((1, 2)), "by": np.zeros((1, 1))}
for gate in "fico":
    params_8["W" + gate] = np.zeros((2, 4))
    params_8["b" + gate] = np.zeros((2, 1))
gates_8 = np.zeros((2, 2))
steps_8 = [(a_8[:, :, t], c_8[:, :, t], a0_8 if t == 0 else a_8[:, :, t - 1],
            np.zeros((2, 2)) if t == 0 else c_8[:, :, t - 1], gates_8, gates_8, gates_8, gates_8,
            x_8[:, :, t], params_8) for t in range(3)]
da_8 = np.array([[[1.0, 0.0, 2.0], [0.0, 0.0, 1.0]],
                 [[0.0, 1.0, 0.0], [1.0, 2.0, 0.0]]])
da_8_copy = da_8.copy()
with substituted(globals(), lstm_cell_backward=toy_lstm_cell_backward):
    gradients_8 = lstm_backward(da_8, (steps_8, x_8))
run_checks(
    "lstm_backward",
    lambda: check_keys(gradients_8, {"dx", "da0", "dWf", "dbf", "dWi", "dbi", "dWc", "dbc",
                                     "dWo", "dbo"}, "gradients"),
    lambda: check_unchanged(da_8_copy, da_8, "da after calling lstm_backward"),
    lambda: check_array(gradients_8["dx"][:, :, 0],
                        [[2.0, 0.0],
                         [2.0, 4.5]],
                        "dx[:, :, 0] (the first step)",
                        hints=[([[1.0, 0.0], [1.0, 2.0]],
                                "the gradient from the later step (its da_prev) not added to "
                                "da[:, :, t], or the steps taken in forward order? "
                                "backpropagation starts at t = T_x - 1"),
                               ([[2.75, 0.0], [2.75, 4.0]],
                                "da of another step (t - 1?) given to step t?")]),
    lambda: check_array(gradients_8["da0"],
                        [[0.75, 0.125],
                         [0.25, 1.0]],
                        "da0"),
    lambda: check_array(gradients_8["dbf"], [[3.0],
                                             [1.5]],
                        "dbf (the stand-in's dbf adds up dc_next over the examples and steps)",
                        hints=[([[1.5], [1.5]],
                                "the gradients replaced at every step instead of added up "
                                "over the steps?"),
                               ([[0.0], [0.0]],
                                "dc_prev not carried to the step before? each step gets the "
                                "dc_prev of the step after it")]),
    lambda: check_array(gradients_8["dbo"],
                        [[12.0],
                         [6.0]],
                        "dbo"),
    lambda: check_array(gradients_8["dWf"],
                        [[1.5, 2.5, 6.0, 4.0],
                         [3.0, -1.0, 2.5, 5.5]],
                        "dWf"),
    lambda: check_array(gradients_8["dWc"],
                        [[4.5, 7.5, 18.0, 12.0],
                         [9.0, -3.0, 7.5, 16.5]],
                        "dWc"),
)
### BEGIN HIDDEN TESTS
def _hidden_lstm_backward():
    def _sig(_z):
        return 1.0 / (1.0 + np.exp(-_z))

    def _fwd(_x, _a0, _P):
        _n_a, _m, _T = _a0.shape[0], _x.shape[1], _x.shape[2]
        _h, _s, _list, _out = _a0, np.zeros((_n_a, _m)), [], np.zeros((_n_a, _m, _T))
        for _t in range(_T):
            _cc = np.concatenate((_h, _x[:, :, _t]), axis=0)
            _f, _i, _o = (
                _sig(np.einsum("ij,jk->ik", _P["W" + _g], _cc) + _P["b" + _g]) for _g in "fio"
            )
            _cct = np.tanh(np.einsum("ij,jk->ik", _P["Wc"], _cc) + _P["bc"])
            _c = _f * _s + _i * _cct
            _a = _o * np.tanh(_c)
            _list.append((_a, _c, _h, _s, _f, _i, _cct, _o, _x[:, :, _t], _P))
            _out[:, :, _t], _h, _s = _a, _a, _c
        return _out, (_list, _x)

    def _cell_bwd(_da, _dc_next, _cache):
        _a, _c, _a_prev, _c_prev, _f, _i, _cct, _o, _xt, _P = _cache
        _tau = np.tanh(_c)
        _dc = _dc_next + _da * _o * (1 - _tau**2)
        _d = {
            "o": _da * _tau * _o * (1 - _o),
            "c": _dc * _i * (1 - _cct**2),
            "i": _dc * _cct * _i * (1 - _i),
            "f": _dc * _c_prev * _f * (1 - _f),
        }
        _cc = np.concatenate((_a_prev, _xt), axis=0)
        _out = {}
        for _g in "fico":
            _out["dW" + _g] = np.einsum("ik,jk->ij", _d[_g], _cc)
            _out["db" + _g] = _d[_g].sum(axis=1).reshape(-1, 1)
        _dcc = sum(np.einsum("ji,jk->ik", _P["W" + _g], _d[_g]) for _g in "fico")
        _n_a = _a.shape[0]
        _out["da_prev"], _out["dxt"], _out["dc_prev"] = _dcc[:_n_a], _dcc[_n_a:], _dc * _f
        return _out

    def _bptt(_da, _caches, _steps, _acc=True, _add=True, _carry_c=True, _shift=0):
        _list, _x = _caches
        _keys = [f"d{_p}{_g}" for _g in "fico" for _p in "Wb"]
        _out = {"dx": np.zeros(_x.shape), **{_k: 0.0 for _k in _keys}}
        _back, _back_c = np.zeros(_da.shape[:2]), np.zeros(_da.shape[:2])
        for _t in _steps:
            _g = _cell_bwd(
                _da[:, :, _t - _shift] + (_back if _add else 0.0),
                _back_c if _carry_c else np.zeros(_da.shape[:2]),
                _list[_t],
            )
            _out["dx"][:, :, _t], _back, _back_c = _g["dxt"], _g["da_prev"], _g["dc_prev"]
            for _k in _keys:
                _out[_k] = _out[_k] + _g[_k] if _acc else _g[_k]
        _out["da0"] = _back
        return _out

    def _num(_f, _arr, _eps=1e-6):
        _g = np.zeros_like(_arr)
        for _idx in np.ndindex(_arr.shape):
            _keep = _arr[_idx]
            _arr[_idx] = _keep + _eps
            _plus = _f()
            _arr[_idx] = _keep - _eps
            _minus = _f()
            _arr[_idx] = _keep
            _g[_idx] = (_plus - _minus) / (2 * _eps)
        return _g

    for _seed, (_n_x, _n_a, _m, _T) in enumerate(((2, 3, 2, 4), (1, 2, 1, 3), (3, 2, 3, 5))):
        _rng = np.random.default_rng(800 + _seed)
        _x = _rng.normal(size=(_n_x, _m, _T))
        _a0 = _rng.normal(size=(_n_a, _m))
        _P = {}
        for _g in "fico":
            _P["W" + _g] = _rng.normal(size=(_n_a, _n_a + _n_x))
            _P["b" + _g] = _rng.normal(size=(_n_a, 1))
        _P["bf"] = _P["bf"] + 1.5
        _P["Wy"] = _rng.normal(size=(2, _n_a))
        _P["by"] = _rng.normal(size=(2, 1))
        _a, _caches = _fwd(_x, _a0, _P)
        _da = _rng.normal(size=(_n_a, _m, _T))
        _da_copy = _da.copy()
        _T_rev = range(_T - 1, -1, -1)
        _want = _bptt(_da, _caches, _T_rev)
        _variants = [
            (
                _bptt(_da, _caches, _T_rev, _acc=False),
                "gradients not accumulated over the time steps (= instead of +=)?",
            ),
            (
                _bptt(_da, _caches, _T_rev, _carry_c=False),
                "cell-state gradient not carried back: dc_prev not passed on as dc_next?",
            ),
            (
                _bptt(_da, _caches, range(_T)),
                "time steps in the wrong order (backward runs from the last step to the first)?",
            ),
            (
                _bptt(_da, _caches, _T_rev, _add=False),
                "the da_prev coming back from the later step not added to da[:, :, t]?",
            ),
            (_bptt(_da, _caches, _T_rev, _shift=1), "da of the wrong step: da[:, :, t - 1]?"),
        ]
        _what = f"from lstm_backward (run with a correct lstm_cell_backward), da shape {_da.shape}"
        with substituted(globals(), lstm_cell_backward=_cell_bwd):
            _got = lstm_backward(_da, _caches)
        check_keys(_got, set(_want), f"gradients {_what}")
        check_unchanged(_da_copy, _da, "da after calling lstm_backward")
        for _k in ("dx", "da0", "dbf", "dbi", "dbc", "dbo", "dWf", "dWi", "dWc", "dWo"):
            check_array(
                _got[_k],
                _want[_k],
                f"gradients['{_k}'] {_what}",
                rtol=1e-8,
                atol=1e-10,
                hints=[(_v[_k], _msg) for _v, _msg in _variants],
            )
        _loss = lambda: float(np.sum(_fwd(_x, _a0, _P)[0] * _da))
        _wrt = [("dx", _x), ("da0", _a0)] + [
            (f"d{_p}{_g}", _P[f"{_p}{_g}"]) for _g in "fico" for _p in "Wb"
        ]
        for _k, _arr in _wrt:
            _g_num = _num(_loss, _arr)
            _rel = np.linalg.norm(_got[_k] - _g_num) / max(
                np.linalg.norm(_got[_k]) + np.linalg.norm(_g_num), 1e-12
            )
            if _rel > 1e-7:
                raise CheckFailed(
                    f"gradients['{_k}'] {_what} disagrees with a numerical estimate "
                    f"(central differences): relative difference {_rel:.2e}, must be below 1e-07"
                )


_hidden_lstm_backward()
### END HIDDEN TESTS

# %% [markdown]
# ### 6.3 - A numerical check of the whole chain
#
# The test cells checked each function on its own. Here is the whole chain, your forward and
# backward passes together, against the definition of the derivative: for a loss
# $\mathcal{L} = \sum a \odot R$ with fixed random weights $R$ (so that `da` $= R$), nudge one
# number $\theta$ at a time by $\pm\varepsilon$ and compare
# $\frac{\mathcal{L}(\theta + \varepsilon) - \mathcal{L}(\theta - \varepsilon)}{2\varepsilon}$
# with your gradient. The relative difference
# $\frac{\lVert g - g_{num} \rVert}{\lVert g \rVert + \lVert g_{num} \rVert}$ comes out below
# $10^{-7}$ for every parameter of both networks (the cell asserts it).

# %% tags=["demo"]
def numerical_gradient(loss, array, epsilon=1e-6):
    """Central differences of loss() with respect to every entry of array (changed in place)."""
    grad = np.zeros_like(array)
    for index in np.ndindex(array.shape):
        keep = array[index]
        array[index] = keep + epsilon
        plus = loss()
        array[index] = keep - epsilon
        minus = loss()
        array[index] = keep
        grad[index] = (plus - minus) / (2 * epsilon)
    return grad


rng_check = np.random.default_rng(11)
x_check = rng_check.normal(size=(3, 2, 5))
a0_check = rng_check.normal(size=(4, 2))
R_check = rng_check.normal(size=(4, 2, 5))
rnn_check = {"Wax": rng_check.normal(size=(4, 3)), "Waa": rng_check.normal(size=(4, 4)),
             "Wya": rng_check.normal(size=(2, 4)), "ba": rng_check.normal(size=(4, 1)),
             "by": rng_check.normal(size=(2, 1))}
lstm_check = {"Wy": rnn_check["Wya"], "by": rnn_check["by"]}
for gate in "fico":
    lstm_check["W" + gate] = rng_check.normal(size=(4, 7))
    lstm_check["b" + gate] = rng_check.normal(size=(4, 1))

differences = {}
rnn_grads = rnn_backward(R_check, rnn_forward(x_check, a0_check, rnn_check)[2])
rnn_loss = lambda: np.sum(rnn_forward(x_check, a0_check, rnn_check)[0] * R_check)
for name in ("Wax", "Waa", "ba"):
    numerical = numerical_gradient(rnn_loss, rnn_check[name])
    analytic = rnn_grads["d" + name]
    differences["RNN " + name] = (np.linalg.norm(analytic - numerical)
                                  / (np.linalg.norm(analytic) + np.linalg.norm(numerical)))
lstm_grads = lstm_backward(R_check, lstm_forward(x_check, a0_check, lstm_check)[3])
lstm_loss = lambda: np.sum(lstm_forward(x_check, a0_check, lstm_check)[0] * R_check)
for name in ("Wf", "Wi", "Wc", "Wo", "bf", "bi", "bc", "bo"):
    numerical = numerical_gradient(lstm_loss, lstm_check[name])
    analytic = lstm_grads["d" + name]
    differences["LSTM " + name] = (np.linalg.norm(analytic - numerical)
                                   / (np.linalg.norm(analytic) + np.linalg.norm(numerical)))
for name, difference in differences.items():
    print(f"{name:9s} relative difference {difference:.1e}")
worst = max(differences, key=differences.get)
assert differences[worst] < 1e-7, f"{worst}: the backward pass disagrees with the numerical one"

# %% [markdown]
# ## 7 - Why the LSTM remembers: vanishing gradients
#
# How much does the loss at the **last** step of a long sequence care about the **first**
# steps? The backward pass answers it: the gradient $\frac{\partial \mathcal{L}}{\partial
# a^{\langle t \rangle}}$ travels back one step per call of the cell's backward function. The
# experiment below takes sequences of $T_x = 40$ steps, a batch of 16, $n_a = 32$ hidden units
# and random weights of the usual scale (standard normal divided by the square root of the
# number of inputs of a unit, zero biases), puts a random gradient on the last hidden state
# only, and follows its size $\lVert da^{\langle t \rangle} \rVert$ back to the first step, for
#
# - the basic RNN, each step multiplying by $W_{aa}^T$ and by $\tanh' \le 1$;
# - an LSTM with the same kind of weights (forget-gate bias 0, so $\Gamma_f \approx 0.5$);
# - the same LSTM with a forget-gate bias of 2, so $\Gamma_f \approx \sigma(2) \approx 0.88$:
#   the memory is kept rather than wiped. Frameworks start LSTMs this way for this reason
#   (Keras sets the forget bias to 1 by default, `unit_forget_bias=True`).
#
# The curves are divided by the size at the last step.

# %% tags=["demo"]
def gradient_sizes(cell_backward_step, caches, da_last):
    """||da<t>|| for every step, when only the last hidden state receives da_last."""
    sizes = np.zeros(len(caches))
    da_t, dc_t = da_last, np.zeros_like(da_last)
    for t in reversed(range(len(caches))):
        sizes[t] = np.linalg.norm(da_t)
        da_t, dc_t = cell_backward_step(da_t, dc_t, caches[t])
    return sizes


def rnn_step(da_t, dc_t, cache):
    return rnn_cell_backward(da_t, cache)["da_prev"], dc_t


def lstm_step(da_t, dc_t, cache):
    step = lstm_cell_backward(da_t, dc_t, cache)
    return step["da_prev"], step["dc_prev"]


rng_vg = np.random.default_rng(0)
n_x_vg, n_a_vg, n_y_vg, m_vg, T_vg = 8, 32, 2, 16, 40
x_vg = rng_vg.normal(size=(n_x_vg, m_vg, T_vg))
a0_vg = np.zeros((n_a_vg, m_vg))
rnn_vg = {"Wax": rng_vg.normal(size=(n_a_vg, n_x_vg)) / np.sqrt(n_x_vg),
          "Waa": rng_vg.normal(size=(n_a_vg, n_a_vg)) / np.sqrt(n_a_vg),
          "ba": np.zeros((n_a_vg, 1)), "Wya": rng_vg.normal(size=(n_y_vg, n_a_vg)),
          "by": np.zeros((n_y_vg, 1))}
lstm_vg = {"Wy": rnn_vg["Wya"], "by": rnn_vg["by"]}
for gate in "fico":
    lstm_vg["W" + gate] = (rng_vg.normal(size=(n_a_vg, n_a_vg + n_x_vg))
                           / np.sqrt(n_a_vg + n_x_vg))
    lstm_vg["b" + gate] = np.zeros((n_a_vg, 1))
da_last_vg = rng_vg.normal(size=(n_a_vg, m_vg))

curves = {"basic RNN": gradient_sizes(rnn_step, rnn_forward(x_vg, a0_vg, rnn_vg)[2][0],
                                      da_last_vg)}
forget_means = []
for bias in (0.0, 2.0):
    lstm_vg["bf"] = np.full((n_a_vg, 1), bias)
    lstm_caches_vg = lstm_forward(x_vg, a0_vg, lstm_vg)[3][0]
    forget_means.append(np.mean([cache[4].mean() for cache in lstm_caches_vg]))
    label = f"LSTM, forget bias {bias:g} (mean forget gate {forget_means[-1]:.2f})"
    curves[label] = gradient_sizes(lstm_step, lstm_caches_vg, da_last_vg)

fig, ax = plt.subplots(figsize=(8, 4.5))
for label, sizes in curves.items():
    ax.semilogy(np.arange(1, T_vg + 1), sizes / sizes[-1], "o-", markersize=3, label=label)
ax.set_xlabel("time step t")
ax.set_ylabel("||da<t>|| / ||da<T_x>||")
ax.set_title("The gradient of the last step's loss, followed back to the first step")
ax.legend(frameon=False)
ax.grid(alpha=0.3)
plt.show()

ratios = {label: sizes[0] / sizes[-1] for label, sizes in curves.items()}
for label, ratio in ratios.items():
    print(f"{label:45s}: ||da<1>|| / ||da<40>|| = {ratio:.1e}")
rnn_ratio, closed_ratio, open_ratio = ratios.values()
assert rnn_ratio < 1e-6, "the basic RNN's gradient should vanish over 40 steps"
assert closed_ratio < 1e-5, "with a forget bias of 0 the LSTM's gradient should vanish too"
assert 0.1 < open_ratio < 0.5, "with a forget bias of 2 the LSTM should keep its gradient"
assert 0.45 < forget_means[0] < 0.55 and 0.83 < forget_means[1] < 0.92, "unexpected gates"

# %% [markdown]
# What the plot shows (the cell above asserts each claim):
#
# - The basic RNN's gradient shrinks by a roughly constant factor per step: after 40 steps less
#   than a millionth of it is left. Whatever happened at the beginning of the sequence has
#   practically no influence on the weight update: the RNN cannot learn long-range
#   dependencies this way.
# - An LSTM whose forget gates sit near 0.5 (their mean is between 0.45 and 0.55 here) is no
#   better: less than $10^{-5}$ of the gradient reaches the first step. The memory is about
#   halved at each step, and so is its gradient, $\texttt{dc\_prev} = dc \odot \Gamma_f$.
# - With the forget gates open (mean between 0.83 and 0.92), the gradient that reaches the
#   first step keeps a sizeable fraction of its size, between a tenth and a half: the memory path
#   $c^{\langle t-1 \rangle} \to c^{\langle t \rangle}$ only multiplies by $\Gamma_f$, with no
#   weight matrix and no $\tanh'$ in between. This is why LSTMs (and GRUs, built the same way)
#   became the standard recurrent networks.
#
# ## 8 - What next
#
# You have written the forward and backward passes of both recurrent networks of the
# lectures, and checked them against Keras and against numerical gradients. The next notebook
# trains a character-level RNN language model that invents new first names; the one after uses
# Keras' LSTM to generate music.
#
# **What you built:** `rnn_cell_forward`, `rnn_forward`, `lstm_cell_forward`, `lstm_forward`,
# `rnn_cell_backward`, `rnn_backward`, `lstm_cell_backward` and `lstm_backward`.

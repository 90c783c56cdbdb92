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
# # Regularization
#
# A network with many parameters and a small training set can do something unhelpful: instead
# of learning the pattern behind the data, it memorizes the training examples, noise included.
# Its training accuracy is then excellent and its accuracy on new data much worse. This is
# **overfitting**, or high variance. In this assignment you watch a 3-layer network overfit a
# small noisy data set, then fix it in the two ways the lectures present:
#
# - **L2 regularization**, which adds a penalty on large weights to the cost;
# - **dropout**, which switches off a random part of the hidden units at every training step.
#
# **By the end you will have written**
#
# - `compute_cost_with_regularization` and `backward_propagation_with_regularization` (L2),
#   the gradient of the new cost term derived by you from its definition;
# - `choose_lambda`: the strength of the L2 penalty, chosen from a sweep on a dev set;
# - `forward_propagation_with_dropout` and `backward_propagation_with_dropout` (inverted
#   dropout), the scaling factor and the backward pass derived by you from the definition of
#   dropout;
#
# and you will have seen what goes wrong without the rescaling of inverted dropout, and
# compared the three trained networks on the test set by their accuracy and by the decision
# boundaries they draw.
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
# - `dlcourse.nets`: the 3-layer network of the previous assignment, ready-made: forward and
#   backward propagation without regularization, the cross-entropy cost `compute_cost`,
#   prediction, He initialization and a gradient-descent loop `train`;
# - `dlcourse.activations` for `relu` and `sigmoid`, which return `(A, cache)`: take the first
#   element, as in `A1, _ = relu(Z1)`;
# - `dlcourse.regdata` for the data, `dlcourse.plots` and `dlcourse.curves` for pictures,
#   `dlcourse.testing` for the test cells (`substituted` lets a test run your function with a
#   stand-in for another function, for the duration of the test).

# %%
import matplotlib.pyplot as plt
import numpy as np

from dlcourse import nets
from dlcourse.activations import relu, sigmoid
from dlcourse.curves import plot_costs
from dlcourse.plots import plot_decision_boundary
from dlcourse.regdata import make_overfit_dataset, river_boundary
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
# ## 2 - The data: plants on both banks of a river
#
# A river winds through a square field. Plant species 1 (blue) grows north of it and species 0
# (red) south of it. Volunteers walked the field and recorded, at random spots, the position
# $x = (x_1, x_2)$ and the species $y$. Volunteers make mistakes: each record has about a 10 %
# chance of naming the wrong species.
#
# Your job: learn from these records where each species grows. The records come in three sets,
# drawn the same way (the same field, the same volunteers, the same 10 % of mistakes):
#
# - the **training set**, 150 records: the network learns its parameters from it;
# - the **dev set**, 500 records: where you compare networks and choose the hyperparameters
#   ($\lambda$ and `keep_prob` below) by their accuracy on records they were not trained on;
# - the **test set**, 1000 records: used **once**, at the end (section 9), to measure the
#   networks you chose. A value chosen because it scores best on the test set would make the
#   test accuracy an optimistic estimate: it would no longer measure new data.
#
# No classifier can be right on all the records of the dev or test set; the best possible
# boundary is the river itself, right on about 90 % of them.

# %%
train_X, train_Y = make_overfit_dataset(m=150, flip=0.1, seed=1)
dev_X, dev_Y = make_overfit_dataset(m=500, flip=0.1, seed=3)
test_X, test_Y = make_overfit_dataset(m=1000, flip=0.1, seed=2)
print("train_X:", train_X.shape, " train_Y:", train_Y.shape)
print("dev_X:  ", dev_X.shape, " dev_Y:  ", dev_Y.shape)
print("test_X: ", test_X.shape, " test_Y: ", test_Y.shape)

# %% [markdown]
# In the picture the dashed line is the river, and the circled points are records whose label
# disagrees with their side of the river: the volunteers' mistakes. (A real data set would not
# tell you which labels are wrong; here we know the river because we generated the data.)

# %%
def draw_river(ax):
    """The true boundary, dashed, over the field [-1, 1] x [-1, 1]."""
    x1 = np.linspace(-1, 1, 200)
    ax.plot(x1, river_boundary(x1), "k--", linewidth=1.2, label="the river")


north = train_X[1] > river_boundary(train_X[0])
mislabeled = train_Y[0] != north
print(f"{mislabeled.sum()} of {train_Y.shape[1]} training labels are wrong "
      f"({100 * mislabeled.mean():.1f} %)")

fig, ax = plt.subplots(figsize=(5, 5))
ax.scatter(train_X[0], train_X[1], c=train_Y[0], cmap="RdBu", vmin=-0.2, vmax=1.2, s=18,
           edgecolors="k", linewidths=0.3)
ax.scatter(train_X[0, mislabeled], train_X[1, mislabeled], s=140, facecolors="none",
           edgecolors="k", linewidths=1.0, label="wrong label")
draw_river(ax)
ax.set_xlabel("$x_1$")
ax.set_ylabel("$x_2$")
ax.set_aspect("equal")
ax.legend(loc="lower right", fontsize=8)
ax.set_title("Training set: species 1 (blue), species 0 (red)")
plt.show()
assert 0.05 <= mislabeled.mean() <= 0.15, "about 10 % of the labels should be wrong"

# %% [markdown]
# ## 3 - The network and `model`
#
# The network is LINEAR → RELU → LINEAR → RELU → LINEAR → SIGMOID with
# `layers_dims = [2, 50, 20, 1]`: more than a thousand parameters for 150 examples, plenty of
# room to memorize (the cell after `model` counts them). Its weights start with He
# initialization (from the previous assignment).
#
# `model` runs batch gradient descent and picks the pieces of each training step:
#
# - `lambd = 0` and `keep_prob = 1`: no regularization (`nets.forward_propagation`,
#   `nets.compute_cost`, `nets.backward_propagation`);
# - `lambd > 0`: L2 regularization with your `compute_cost_with_regularization` and
#   `backward_propagation_with_regularization` (`lambd` stands for $\lambda$; `lambda` is a
#   reserved word in Python);
# - `keep_prob < 1`: dropout with your `forward_propagation_with_dropout` and
#   `backward_propagation_with_dropout`. It calls `np.random.seed(1)` once before training, so
#   that the run is reproducible.
#
# Read it; nothing to change here.

# %%
def model(X, Y, learning_rate=0.3, num_iterations=20000, print_cost=True, lambd=0,
          keep_prob=1):
    """Train the 3-layer network [2, 50, 20, 1], with L2 regularization or dropout or neither.

    Arguments:
    X -- input data, numpy array of shape (2, m)
    Y -- true labels (0 or 1), numpy array of shape (1, m)
    learning_rate -- the step size of gradient descent
    num_iterations -- number of gradient-descent steps
    print_cost -- if True, print the cost every 2000 iterations
    lambd -- the L2 regularization hyperparameter lambda (0: no L2 regularization)
    keep_prob -- the probability of keeping a hidden unit with dropout (1: no dropout)

    Returns:
    parameters -- the learned parameters, a dictionary
    costs -- the cost recorded every 1000 iterations, a list
    """
    assert lambd == 0 or keep_prob == 1, "this model uses L2 or dropout, not both at once"
    layers_dims = [X.shape[0], 50, 20, 1]
    steps = {}  # forward, cost and backward; the defaults are those without regularization
    if lambd > 0:
        steps["cost"] = lambda A3, Y, p: compute_cost_with_regularization(A3, Y, p, lambd)
        steps["backward"] = lambda X, Y, c: backward_propagation_with_regularization(X, Y, c,
                                                                                      lambd)
    if keep_prob < 1:
        steps["forward"] = lambda X, p: forward_propagation_with_dropout(X, p, keep_prob)
        steps["backward"] = lambda X, Y, c: backward_propagation_with_dropout(X, Y, c,
                                                                               keep_prob)
        np.random.seed(1)
    parameters, costs = nets.train(
        X, Y, layers_dims, initialize=lambda dims: nets.initialize_parameters(dims, seed=3),
        learning_rate=learning_rate, num_iterations=num_iterations, record_every=1000,
        print_every=2000 if print_cost else None, **steps)
    return parameters, costs


def show_boundary(parameters, X, Y, title, ax=None):
    """The decision boundary of a trained network over the points (X, Y), with the river."""
    ax = plot_decision_boundary(lambda x: nets.predict_dec(parameters, x), X, Y, ax=ax,
                                title=title, pad=0.05)
    draw_river(ax)
    return ax


n_parameters = sum(v.size for v in nets.initialize_parameters([2, 50, 20, 1]).values())
print("number of parameters:", n_parameters)
assert n_parameters > 1000

# %% [markdown]
# ## 4 - No regularization
#
# First, the baseline: 20000 iterations with learning rate 0.3 and nothing against
# overfitting. It takes a few seconds. Its accuracy is measured on the training set and on the
# dev set (the test set waits for section 9).

# %% tags=["demo"]
parameters_plain, costs_plain = model(train_X, train_Y)
print("On the training set:")
predictions_train = nets.predict(train_X, train_Y, parameters_plain)
print("On the dev set:")
predictions_dev = nets.predict(dev_X, dev_Y, parameters_plain)

# %% tags=["demo"]
show_boundary(parameters_plain, train_X, train_Y, "No regularization (training set)")
plt.show()

# %% [markdown]
# The network has learned the training set almost perfectly, *wrong labels included*: look at
# the small islands and bays the boundary draws to reach the circled points of the data
# picture. None of them exists in the field, so on new records they only cost accuracy.
# The gap between training and dev accuracy, more than 10 points here (the cell below checks
# it), is the signature of high variance.

# %% tags=["demo"]
plain_train = nets.accuracy(train_X, train_Y, parameters_plain)
plain_dev = nets.accuracy(dev_X, dev_Y, parameters_plain)
print(f"train accuracy {100 * plain_train:.1f} %, dev accuracy {100 * plain_dev:.1f} %")
check_between(plain_train, 0.97, 1.0, "the training accuracy without regularization",
              "the network memorizes its training set: the reference reaches 0.993")
check_between(plain_train - plain_dev, 0.10, 0.25, "the gap between training and dev accuracy",
              "more than 10 points: the reference's gap is 0.17")

# %% [markdown]
# ## 5 - L2 regularization
#
# L2 regularization adds to the cross-entropy cost a term that grows with the size of the
# weights:
#
# $$J_{\text{regularized}} = \underbrace{-\frac{1}{m} \sum_{i=1}^{m} \Big( y^{(i)} \log
# a^{[3](i)} + (1 - y^{(i)}) \log\big(1 - a^{[3](i)}\big) \Big)}_{J_{\text{cross-entropy}}}
# + \underbrace{\frac{\lambda}{2m} \sum_{l=1}^{3} \big\lVert W^{[l]} \big\rVert_F^2}_{\text{L2
# regularization cost}}, \qquad \big\lVert W^{[l]} \big\rVert_F^2 = \sum_{k} \sum_{j}
# \big(W^{[l]}_{kj}\big)^2 .$$
#
# Only the weights are penalized, not the biases (they are few and do not make the function
# wiggle). To lower this cost, gradient descent now has to trade a better fit against smaller
# weights, and $\lambda$ sets the exchange rate.
#
# ### Exercise 1 - `compute_cost_with_regularization`
#
# Compute $J_{\text{regularized}}$. The cross-entropy part is already written for you (with
# `nets.compute_cost`); add the L2 part.
#
# <details><summary>Hint</summary>
#
# $\lVert W \rVert_F^2$ is the sum of the squares of all the entries of $W$: NumPy has
# `np.square` and `np.sum`. `m` is the number of examples, the number of **columns** of `Y`.
# </details>

# %% nbgrader={"grade_id": "compute_cost_with_regularization", "solution": true}
# GRADED FUNCTION: compute_cost_with_regularization
def compute_cost_with_regularization(A3, Y, parameters, lambd):
    """The cross-entropy cost plus the L2 regularization cost.

    Arguments:
    A3 -- output of forward propagation, probabilities, numpy array of shape (1, m)
    Y -- true labels (0 or 1), numpy array of shape (1, m)
    parameters -- dictionary with the weights "W1", "W2", "W3" (and the biases)
    lambd -- the regularization hyperparameter lambda, a number

    Returns:
    cost -- the regularized cost, a number (float)
    """
    m = Y.shape[1]
    W1 = parameters["W1"]
    W2 = parameters["W2"]
    W3 = parameters["W3"]
    cross_entropy_cost = nets.compute_cost(A3, Y)

    ### BEGIN SOLUTION
    L2_regularization_cost = lambd / (2 * m) * (
        np.sum(np.square(W1)) + np.sum(np.square(W2)) + np.sum(np.square(W3)))
    ### END SOLUTION

    cost = cross_entropy_cost + L2_regularization_cost
    return cost


# %% nbgrader={"grade_id": "test_compute_cost_with_regularization", "points": 2}
# A small network [2, 3, 2, 1] and 5 examples. The cross-entropy cost alone is 0.6609827972.
rng = np.random.default_rng(1)
X_small = rng.normal(size=(2, 5))
Y_small = np.array([[1, 0, 1, 1, 0]])
parameters_small = {"W1": rng.normal(size=(3, 2)), "b1": rng.normal(size=(3, 1)),
                    "W2": rng.normal(size=(2, 3)), "b2": rng.normal(size=(2, 1)),
                    "W3": rng.normal(size=(1, 2)), "b3": rng.normal(size=(1, 1))}
A3_small, cache_small = nets.forward_propagation(X_small, parameters_small)
cost = compute_cost_with_regularization(A3_small, Y_small, parameters_small, lambd=0.1)
# What some common slips give on this example, so that the message can name the cause:
cost_slips = [(0.8982671807, "λ/m instead of λ/(2m): the ½ of λ/2m forgotten?"),
              (3.6270375908, "lambd / 2 * m is λm/2: parentheses around (2 * m)?"),
              (0.6474720309, "the weights summed, not squared: np.square?"),
              (0.7773861082, "a weight matrix left out: the sum runs over W1, W2 and W3?"),
              (0.7097032891, "the Frobenius norms not squared?"),
              (0.8230713369, "the biases penalized too? Only the weights are"),
              (1.2541937559, "m = 1: m is the number of columns of Y (Y.shape[1])?")]
run_checks(
    "compute_cost_with_regularization",
    lambda: check_scalar(cost, 0.7796249890, "compute_cost_with_regularization(..., lambd=0.1)",
                         rtol=1e-8, hints=cost_slips),
)
### BEGIN HIDDEN TESTS
def _hidden_compute_cost_with_regularization():
    def _oracle(_A3, _Y, _p, _lambd):
        _a, _y = _A3.ravel(), _Y.ravel().astype(float)
        _ce = -np.mean(_y * np.log(_a) + (1 - _y) * np.log(1 - _a))
        _l2 = sum(float((_p[_k] ** 2).sum()) for _k in ("W1", "W2", "W3"))
        return _ce + _lambd * _l2 / (2 * _Y.shape[1])

    def _slips(_A3, _Y, _p, _lambd):
        _m = _Y.shape[1]
        _ce = _oracle(_A3, _Y, _p, 0.0)
        _W = [_p[_k] for _k in ("W1", "W2", "W3")]
        _sq = sum(float((_w ** 2).sum()) for _w in _W)
        _b2 = sum(float((_p[_k] ** 2).sum()) for _k in ("b1", "b2", "b3"))
        _vals = (_ce + _lambd / _m * _sq, _ce + _lambd / 2 * _m * _sq,
                 _ce + _lambd / (2 * _m) * sum(float(_w.sum()) for _w in _W),
                 _ce + _lambd / (2 * _m) * (_sq - float((_W[2] ** 2).sum())),
                 _ce + _lambd / (2 * _m) * sum(np.linalg.norm(_w) for _w in _W),
                 _ce + _lambd / (2 * _m) * (_sq + _b2), _ce + _lambd / 2 * _sq)
        return list(zip(_vals, [_h for _, _h in cost_slips]))

    for _seed, (_dims, _m, _lambd) in enumerate(
        (([2, 4, 3, 1], 7, 0.5), ([3, 5, 2, 1], 12, 2.0), ([2, 6, 6, 1], 3, 0.03),
         ([4, 2, 3, 1], 20, 0.0))
    ):
        _rng = np.random.default_rng(500 + _seed)
        _p = {}
        for _l in range(1, 4):
            _p[f"W{_l}"] = _rng.normal(0, 0.8, size=(_dims[_l], _dims[_l - 1]))
            _p[f"b{_l}"] = _rng.normal(0, 0.8, size=(_dims[_l], 1))
        _A3 = _rng.uniform(0.05, 0.95, size=(1, _m))
        _Y = _rng.integers(0, 2, size=(1, _m))
        if _seed % 2:
            _Y = _Y.astype(float)
        _copies = {_k: _v.copy() for _k, _v in _p.items()}
        _what = f"the regularized cost for {_m} examples, layers {_dims}, lambd={_lambd}"
        _got = compute_cost_with_regularization(_A3, _Y, _p, _lambd)
        check_scalar(_got, _oracle(_A3, _Y, _p, _lambd), _what, rtol=1e-7, atol=1e-10,
                     hints=_slips(_A3, _Y, _p, _lambd))
        for _k in _p:
            check_equal(_p[_k], _copies[_k],
                        f"parameters['{_k}'] after the call (inputs must not change)")


_hidden_compute_cost_with_regularization()
### END HIDDEN TESTS

# %% [markdown]
# ### Exercise 2 - `backward_propagation_with_regularization`
#
# Gradient descent now minimizes $J_{\text{regularized}}$, so it needs the gradient of the new
# cost with respect to every parameter. The gradient of a sum is the sum of the gradients:
#
# $$\frac{\partial J_{\text{regularized}}}{\partial W^{[l]}_{kj}} =
# \frac{\partial J_{\text{cross-entropy}}}{\partial W^{[l]}_{kj}} +
# \frac{\partial}{\partial W^{[l]}_{kj}} \Big( \frac{\lambda}{2m} \sum_{l'=1}^{3}
# \big\lVert W^{[l']} \big\rVert_F^2 \Big),$$
#
# and the same for each $b^{[l]}_k$. The function below already computes the gradients of the
# cross-entropy part, exactly as the network without regularization does
# (`nets.backward_propagation`). Your part:
#
# 1. on paper, differentiate the L2 term with respect to one weight $W^{[l]}_{kj}$: which terms
#    of the double sum contain it? Then write the result for the whole matrix $W^{[l]}$;
# 2. decide which of the gradients in the function the L2 term changes: the weights? the
#    biases? `dZ` and `dA` (does the L2 term depend on the activations)?
# 3. add what it contributes, in the lines between the computation of the cross-entropy
#    gradients and the dictionary `gradients`.
#
# The hidden tests compare every gradient with a numerical derivative of
# $J_{\text{regularized}}$ (central differences, as in the gradient-checking assignment), so
# any correct way of writing the result passes.

# %% nbgrader={"grade_id": "backward_propagation_with_regularization", "solution": true}
# GRADED FUNCTION: backward_propagation_with_regularization
def backward_propagation_with_regularization(X, Y, cache, lambd):
    """Backward propagation of the 3-layer network with the L2-regularized cost.

    Arguments:
    X -- input data, numpy array of shape (n_x, m)
    Y -- true labels (0 or 1), numpy array of shape (1, m)
    cache -- the cache of nets.forward_propagation:
             (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3)
    lambd -- the regularization hyperparameter lambda, a number

    Returns:
    gradients -- dictionary with the gradients of the regularized cost with respect to each
                 parameter ("dW1", "db1", ..., "db3") and to each activation and linear output
                 ("dA1", "dZ1", ...)
    """
    m = X.shape[1]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache

    # The gradients of the cross-entropy cost, as without regularization.
    dZ3 = A3 - Y
    dW3 = 1. / m * np.dot(dZ3, A2.T)
    db3 = 1. / m * np.sum(dZ3, axis=1, keepdims=True)

    dA2 = np.dot(W3.T, dZ3)
    dZ2 = np.multiply(dA2, np.int64(A2 > 0))
    dW2 = 1. / m * np.dot(dZ2, A1.T)
    db2 = 1. / m * np.sum(dZ2, axis=1, keepdims=True)

    dA1 = np.dot(W2.T, dZ2)
    dZ1 = np.multiply(dA1, np.int64(A1 > 0))
    dW1 = 1. / m * np.dot(dZ1, X.T)
    db1 = 1. / m * np.sum(dZ1, axis=1, keepdims=True)

    # What the L2 term adds to these gradients.
    ### BEGIN SOLUTION
    # d/dW_kj of (lambd / 2m) * sum of squares = (lambd / 2m) * 2 W_kj; the biases, the Z and
    # the A do not appear in the L2 term, so their gradients do not change.
    dW3 = dW3 + lambd / m * W3
    dW2 = dW2 + lambd / m * W2
    dW1 = dW1 + lambd / m * W1
    ### END SOLUTION

    gradients = {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2,
                 "dZ2": dZ2, "dW2": dW2, "db2": db2, "dA1": dA1,
                 "dZ1": dZ1, "dW1": dW1, "db1": db1}
    return gradients


# %% nbgrader={"grade_id": "test_backward_propagation_with_regularization", "points": 3}
# The small network of the previous test, with lambd = 0.7.
grads = backward_propagation_with_regularization(X_small, Y_small, cache_small, lambd=0.7)
# What some common slips give for dW3 (and dW2, dW1 without their L2 term), to name the cause:
W_SLIPS = {"1/m": "the L2 term's contribution without the 1/m of λ/2m?",
           "half": "the ½ of λ/2m kept: what does differentiating a square give?",
           "twice": "a factor 2 too many: differentiating the square gives a 2, and λ/2m has "
                    "a ½",
           "sign": "the L2 term's contribution subtracted: a sign flipped?",
           "square": "squared weights in the gradient: differentiate the square?",
           "none": "nothing added to this gradient: does the L2 term contain this layer's "
                   "weights?"}
dW3_slips = [([[-0.2955332881, 0.0753394967]], W_SLIPS["1/m"]),
             ([[-0.0295533288, -0.0592555917]], W_SLIPS["half"]),
             ([[-0.1182133152, -0.0143905622]], W_SLIPS["twice"]),
             ([[0.0591066576, -0.1041206212]], W_SLIPS["sign"]),
             ([[0.0249542641, -0.0678205352]], W_SLIPS["square"]),
             ([[0.0, -0.0742106015]], W_SLIPS["none"])]
run_checks(
    "backward_propagation_with_regularization",
    lambda: check_array(grads["dW3"], [[-0.0591066576, -0.0443005819]], "dW3", rtol=1e-7,
                        hints=dW3_slips),
    lambda: check_array(grads["dW2"], [[-0.0360069137, 0.0011399053, -0.0385844067],
                                       [0.1707751236, 0.1300726281, -0.3807194465]], "dW2",
                        rtol=1e-7, hints=[([[0.0, 0.0, 0.0],
                                            [-0.0103938104, -0.010868776, -0.0011566995]],
                                           W_SLIPS["none"])]),
    lambda: check_array(grads["dW1"], [[0.0460101163, 0.0526585487],
                                       [-0.0796461661, -0.029369857],
                                       [-0.1306687543, 0.1015115374]], "dW1", rtol=1e-7,
                        hints=[([[0.0420310026, -0.0238812694], [0.0234574061, -0.0065624643],
                                 [-0.0631720505, 0.0176730676]], W_SLIPS["none"])]),
    # The biases are not penalized, so db3 is unchanged (no λ term).
    lambda: check_array(grads["db3"], [[-0.033839249]], "db3", rtol=1e-7,
                        hints=[([[-0.0034141787]], "the bias regularized too? db has no λ term")]),
)
### BEGIN HIDDEN TESTS
def _hidden_backward_propagation_with_regularization():
    _needed = ("dW1", "db1", "dW2", "db2", "dW3", "db3")

    def _forward(_X, _p):
        _A1 = np.maximum(0, _p["W1"] @ _X + _p["b1"])
        _A2 = np.maximum(0, _p["W2"] @ _A1 + _p["b2"])
        _Z3 = _p["W3"] @ _A2 + _p["b3"]
        return 1 / (1 + np.exp(-_Z3))

    def _cost(_X, _Y, _p, _lambd):
        _a, _y = _forward(_X, _p).ravel(), _Y.ravel()
        _ce = -np.mean(_y * np.log(_a) + (1 - _y) * np.log(1 - _a))
        return _ce + _lambd / (2 * _X.shape[1]) * sum((_p[f"W{_l}"] ** 2).sum()
                                                      for _l in (1, 2, 3))

    for _seed, (_dims, _m, _lambd) in enumerate(
        (([3, 4, 3, 1], 6, 0.9), ([2, 5, 4, 1], 9, 3.0), ([4, 3, 5, 1], 4, 0.1))
    ):
        _rng = np.random.default_rng(600 + _seed)
        _p = {}
        for _l in range(1, 4):
            _p[f"W{_l}"] = _rng.normal(0, 0.6, size=(_dims[_l], _dims[_l - 1]))
            _p[f"b{_l}"] = _rng.normal(0, 0.3, size=(_dims[_l], 1))
        _X = _rng.normal(size=(_dims[0], _m))
        _Y = _rng.integers(0, 2, size=(1, _m))
        _, _cache = nets.forward_propagation(_X, _p)
        _copy = tuple(_c.copy() for _c in _cache)
        _g = backward_propagation_with_regularization(_X, _Y, _cache, _lambd)
        _what = f"for layers {_dims}, {_m} examples, lambd={_lambd}"
        check_type(_g, dict, "gradients")
        check_keys({_k: _v for _k, _v in _g.items() if _k in _needed}, _needed, "gradients")
        # Central differences of the regularized cost, one parameter entry at a time.
        _eps = 1e-6
        for _name in ("W1", "b1", "W2", "b2", "W3", "b3"):
            _num = np.zeros_like(_p[_name])
            for _idx in np.ndindex(_p[_name].shape):
                _plus = {_k: _v.copy() for _k, _v in _p.items()}
                _minus = {_k: _v.copy() for _k, _v in _p.items()}
                _plus[_name][_idx] += _eps
                _minus[_name][_idx] -= _eps
                _num[_idx] = (_cost(_X, _Y, _plus, _lambd)
                              - _cost(_X, _Y, _minus, _lambd)) / (2 * _eps)
            _P = _p[_name]
            if _name.startswith("W"):
                _plain = _num - _lambd / _m * _P
                _hints = [(_plain + _c, W_SLIPS[_k]) for _k, _c in (
                    ("1/m", _lambd * _P), ("half", _lambd / (2 * _m) * _P),
                    ("twice", 2 * _lambd / _m * _P), ("sign", -_lambd / _m * _P),
                    ("square", _lambd / _m * _P ** 2), ("none", 0 * _P))]
            else:
                _hints = [(_num + _lambd / _m * _P, "the bias regularized too? db has no λ term")]
            check_array(_g["d" + _name], _num,
                        f"gradients['d{_name}'] {_what}, compared with the numerical gradient "
                        "of the regularized cost", rtol=1e-5, atol=1e-7, hints=_hints)
        for _k, (_before, _after) in enumerate(zip(_copy, _cache)):
            check_equal(_after, _before, f"cache[{_k}] after the call (inputs must not change)")


_hidden_backward_propagation_with_regularization()
### END HIDDEN TESTS

# %% [markdown]
# What you derived has a name. With the L2 term, the update $W^{[l]} := W^{[l]} - \alpha \,
# dW^{[l]}$ becomes
#
# $$W^{[l]} := \Big(1 - \frac{\alpha \lambda}{m}\Big) W^{[l]} - \alpha \,
# \frac{\partial J_{\text{cross-entropy}}}{\partial W^{[l]}}:$$
#
# every step first shrinks the weights a little, which is why L2 regularization is also called
# **weight decay**. The biases are not shrunk.
#
# ## 6 - Choosing $\lambda$ on the dev set
#
# $\lambda$ is a hyperparameter: too small, and the network still overfits; too large, and the
# weights are squeezed so much that the network underfits (high bias). No formula gives the
# right value for a data set; one tries several and keeps the one that does best on data the
# networks were **not** trained on: the dev set. Not the training set (there the least
# regularized network looks best, since it fits the noise too), and not the test set (it would
# stop being an honest measure of the final network).
#
# ### Exercise 3 - `choose_lambda`
#
# Write the sweep. For each value in `lambdas`:
#
# - train a network on the training set with the `model` of section 3, with L2 regularization
#   of that strength, `num_iterations` iterations and `print_cost=False` (`model` returns
#   `(parameters, costs)`);
# - measure its accuracy on the dev set (`nets.accuracy(X, Y, parameters)` returns the fraction
#   of the examples whose label it predicts right).
#
# Then choose. The dev set has 500 examples, so one example is 0.2 points of accuracy, and two
# networks whose dev accuracies differ by a few examples are not really different. Return any
# value whose dev accuracy is **within 0.005 (half a point) of the best** dev accuracy of the
# sweep: the one with the best accuracy, or, among those within half a point, the largest
# $\lambda$ (the most regularized network, whose boundary is the smoothest). The test accepts
# every value within half a point, and no other.
#
# Return the chosen value itself (an element of `lambdas`, not its index) and the list of the
# dev accuracies, in the order of `lambdas`.
#
# The function receives no test set, and must not use one: while the test cell runs your
# function, `test_X` and `test_Y` are replaced by arrays that fail when used, and `model` by a
# stand-in that answers at once.

# %% nbgrader={"grade_id": "choose_lambda", "solution": true}
# GRADED FUNCTION: choose_lambda
def choose_lambda(lambdas, train_X, train_Y, dev_X, dev_Y, num_iterations=10000):
    """Train one network per value of lambd on the training set and choose lambd on the dev set.

    Arguments:
    lambdas -- list of the values of lambd to try (numbers >= 0)
    train_X, train_Y -- the training set, shapes (2, m_train) and (1, m_train)
    dev_X, dev_Y -- the dev set, shapes (2, m_dev) and (1, m_dev)
    num_iterations -- the number of gradient-descent steps of each training run

    Returns:
    lambd -- the chosen value: an element of lambdas whose dev accuracy is within 0.005 of the
             best dev accuracy of the sweep
    dev_accuracies -- list of floats, dev_accuracies[i] the dev accuracy of the network
                      trained with lambdas[i]
    """
    ### BEGIN SOLUTION
    dev_accuracies = []
    for value in lambdas:
        parameters, _ = model(train_X, train_Y, lambd=value, num_iterations=num_iterations,
                              print_cost=False)
        dev_accuracies.append(nets.accuracy(dev_X, dev_Y, parameters))
    best = max(dev_accuracies)
    # Within half a point of the best, prefer the strongest regularization.
    lambd = max(v for v, acc in zip(lambdas, dev_accuracies) if acc >= best - 0.005)
    ### END SOLUTION
    return lambd, dev_accuracies

# %% nbgrader={"grade_id": "test_choose_lambda", "points": 3}
# Stand-in networks: the network of each value of lambd predicts label 1 where x1 is above a
# threshold of its own, so that its accuracies can be counted by hand. While choose_lambda
# runs, `model` is replaced by a stand-in that returns that network at once and notes how it
# was called, and test_X, test_Y by arrays that fail as soon as a computation uses them.
def threshold_network(threshold):
    """Parameters of a [2, 2, 2, 1] network whose output is sigmoid(x1 - threshold)."""
    return {"W1": np.array([[1.0, 0.0], [-1.0, 0.0]]), "b1": np.array([[-threshold],
                                                                       [threshold]]),
            "W2": np.array([[1.0, -1.0], [-1.0, 1.0]]), "b2": np.zeros((2, 1)),
            "W3": np.array([[1.0, -1.0]]), "b3": np.zeros((1, 1))}


class HandsOff(np.ndarray):
    """An array that fails when a NumPy computation uses it: it stands in for the test set."""

    def __array_ufunc__(self, *args, **kwargs):
        raise CheckFailed("choose_lambda used test_X or test_Y: the test set plays no part in "
                          "the choice; measure on the dev set passed as dev_X, dev_Y")

    def __array_function__(self, *args, **kwargs):
        self.__array_ufunc__()


def run_choose_lambda(lambdas, thresholds, train, dev, num_iterations):
    """choose_lambda with the stand-ins in place; returns its result and the calls of model."""
    calls = []

    def model_stub(X, Y, learning_rate=0.3, num_iterations=20000, print_cost=True, lambd=0,
                   keep_prob=1):
        calls.append({"X": X, "Y": Y, "lambd": lambd, "keep_prob": keep_prob,
                      "num_iterations": num_iterations})
        if lambd not in thresholds:
            raise CheckFailed(f"model was called with lambd={lambd!r}, which is not one of "
                              f"lambdas = {list(lambdas)}")
        return threshold_network(thresholds[lambd]), []

    hands_off = np.zeros((2, 10)).view(HandsOff)
    with substituted(globals(), model=model_stub, test_X=hands_off, test_Y=hands_off[:1]):
        result = choose_lambda(list(lambdas), *train, *dev, num_iterations=num_iterations)
    return result, calls


def check_sweep(result, calls, lambdas, train, dev, accuracies, train_accuracies,
                num_iterations, what):
    """The properties of a correct sweep and choice (accuracies: the true dev accuracies)."""
    check_type(result, tuple, f"the result of {what}")
    check_equal(len(result), 2, f"the number of values {what} returns (lambd, dev_accuracies)")
    lambd, dev_accuracies = result
    check_equal(len(calls), len(lambdas), f"the number of networks {what} trained (calls of "
                                          f"model) for {len(lambdas)} values of lambd")
    for call in calls:
        if not (np.shape(call["X"]) == np.shape(train[0]) and np.array_equal(call["X"], train[0])
                and np.array_equal(call["Y"], train[1])):
            on_dev = np.shape(call["X"]) == np.shape(dev[0]) and np.array_equal(call["X"], dev[0])
            raise CheckFailed(f"{what} called model with an X of shape {np.shape(call['X'])}"
                              + (", the dev set" if on_dev else "")
                              + ": train every network on the training set train_X, train_Y")
        if call["keep_prob"] != 1:
            raise CheckFailed(f"{what} called model with keep_prob={call['keep_prob']!r}: "
                              "the sweep is over L2 regularization alone")
    check_equal(sorted(set(c["lambd"] for c in calls)), sorted(set(lambdas)),
                f"the values of lambd {what} trained with")
    used = sorted(set(c["num_iterations"] for c in calls))
    if used != [num_iterations]:
        raise CheckFailed(f"{what} trained with num_iterations {used}; expected "
                          f"[{num_iterations}], the argument num_iterations"
                          + ("\n  likely cause: model's default: pass num_iterations on"
                             if used == [20000] else ""))
    check_array(np.asarray(dev_accuracies, dtype=float), accuracies,
                f"dev_accuracies of {what}", rtol=1e-9,
                hints=[(train_accuracies, "the accuracies on the training set: measure each "
                                          "network on the dev set"),
                       (100 * np.asarray(accuracies), "accuracies in percent: fractions, "
                                                      "please"),
                       (np.asarray(accuracies)[np.argsort(lambdas, kind="stable")],
                        "the accuracies in increasing order of lambd: keep the order of "
                        "lambdas")])
    best = max(accuracies)
    allowed = [v for v, a in zip(lambdas, accuracies) if a >= best - 0.005 - 1e-12]
    if np.ndim(lambd) == 0 and any(lambd == v for v in allowed):
        return
    cause = ""
    if np.ndim(lambd) != 0:
        cause = "return one value of lambdas, not a list or an array"
    elif not any(lambd == v for v in lambdas):
        is_index = float(lambd).is_integer() and 0 <= lambd < len(lambdas)
        cause = ("an index? Return the value lambdas[i] itself" if is_index else
                 "the chosen value must be one of lambdas")
    else:
        chosen = [a for v, a in zip(lambdas, accuracies) if v == lambd][0]
        if lambd == lambdas[int(np.argmax(train_accuracies))]:
            cause = "chosen on the training accuracy? Choose on the dev accuracy"
        elif chosen == min(accuracies):
            cause = "the worst dev accuracy: the best is the largest accuracy (max, not min)"
        else:
            cause = f"its dev accuracy {chosen:.4g} is more than 0.005 below the best"
    raise CheckFailed(f"{what} chose lambd = {lambd!r}; expected one of {allowed} (a dev "
                      f"accuracy within 0.005 of the best, {best:.4g})\n  likely cause: {cause}")


# Training set: 6 points; dev set: 8 points (only x1 matters to the stand-in networks).
train_t = (np.array([[-2.0, -1.0, 0.5, 1.0, 2.0, 3.0], [0.3, -0.2, 0.1, 0.4, -0.5, 0.2]]),
           np.array([[0, 0, 1, 1, 1, 1]]))
dev_t = (np.array([[-2.5, -1.5, -0.5, 0.4, 0.6, 1.2, 1.8, 2.6],
                   [0.1, 0.2, -0.3, 0.5, -0.1, 0.0, 0.3, -0.4]]),
         np.array([[0, 0, 0, 0, 0, 1, 1, 1]]))
lambdas_t = [0.03, 0.3, 3.0, 30.0]
thresholds_t = {0.03: 0.25, 0.3: 0.9, 3.0: 1.0, 30.0: 5.0}
# By hand: label 1 where x1 > threshold. Dev accuracies 6/8, 8/8, 8/8, 5/8: lambd = 0.3 and
# lambd = 3.0 tie at the best, 1.0, and both are right answers. Training accuracies 6/6, 5/6,
# 4/6, 2/6.
result_t, calls_t = run_choose_lambda(lambdas_t, thresholds_t, train_t, dev_t, 50)
run_checks(
    "choose_lambda",
    lambda: check_sweep(result_t, calls_t, lambdas_t, train_t, dev_t, [0.75, 1.0, 1.0, 0.625],
                        [1.0, 5 / 6, 4 / 6, 2 / 6], 50, "choose_lambda(lambdas_t, ...)"),
)
### BEGIN HIDDEN TESTS
def _hidden_choose_lambda():
    def _accuracy(_X, _Y, _t):
        return float(np.mean((_X[0] > _t).astype(int) == _Y[0]))

    _cases = (
        # unsorted values, lambd = 0 included, a tie of the best two (no dev point between
        # their thresholds)
        ([1.0, 0.0, 10.0, 0.1, 3.0], [0.31, -0.4, 1.6, 0.1, 0.33], 400, 0.3, 7),
        # a single best value; the best on the training set is another one
        ([0.7, 0.07, 7.0], [0.0, 0.9, -1.2], 250, 0.05, 3),
        # many values, close accuracies
        ([0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0, 30.0],
         [-0.3, -0.1, 0.05, 0.15, 0.2, 0.35, 0.6, 2.5], 500, 0.2, 11),
    )
    for _seed, (_lambdas, _ts, _m_dev, _true_t, _its) in enumerate(_cases):
        _rng = np.random.default_rng(900 + _seed)
        _sets = []
        for _m in (40, _m_dev):
            _X = np.vstack([_rng.uniform(-2, 2, size=_m), _rng.normal(size=_m)])
            _Y = (_X[0] > _true_t).astype(int)
            _flip = _rng.random(_m) < 0.15
            _Y[_flip] = 1 - _Y[_flip]
            _sets.append((_X, _Y.reshape(1, _m)))
        _train, _dev = _sets
        if _seed == 0:  # no dev point between the thresholds 0.31 and 0.33: a tie
            _keep = ~((_dev[0][0] > 0.305) & (_dev[0][0] < 0.335))
            _dev = (_dev[0][:, _keep], _dev[1][:, _keep])
        if _seed == 1:  # the training set favours the threshold 0.9 (lambd = 0.07)
            _train = (_train[0], (_train[0][:1] > 0.9).astype(int))
        _thresholds = dict(zip(_lambdas, _ts))
        _acc = [_accuracy(*_dev, _t) for _t in _ts]
        _train_acc = [_accuracy(*_train, _t) for _t in _ts]
        _copies = [np.array(_a, copy=True) for _a in (*_train, *_dev)]
        _what = (f"choose_lambda for lambdas {_lambdas}, a training set of {_train[0].shape[1]} "
                 f"and a dev set of {_dev[0].shape[1]} examples")
        _result, _calls = run_choose_lambda(_lambdas, _thresholds, _train, _dev, _its)
        check_sweep(_result, _calls, _lambdas, _train, _dev, _acc, _train_acc, _its, _what)
        for _name, _before, _after in zip(("train_X", "train_Y", "dev_X", "dev_Y"), _copies,
                                          (*_train, *_dev)):
            check_unchanged(_before, _after, f"{_name} passed to choose_lambda")


_hidden_choose_lambda()
### END HIDDEN TESTS

# %% [markdown]
# Now the real sweep: no regularization, then values of $\lambda$ spaced by factors of about 3,
# with 10000 iterations per network (half of `model`'s default, to keep the sweep short). Six
# networks, a couple of seconds each.

# %% tags=["demo"]
lambdas = [0, 0.3, 1, 3, 10, 30]
lambd_chosen, dev_accuracies = choose_lambda(lambdas, train_X, train_Y, dev_X, dev_Y)
print(f"{'lambd':>6}  dev accuracy")
for value, acc in zip(lambdas, dev_accuracies):
    print(f"{value:>6}  {100 * acc:.1f} %" + ("   <- chosen" if value == lambd_chosen else ""))

fig, ax = plt.subplots(figsize=(6.4, 3.8))
positions = np.arange(len(lambdas))
ax.plot(positions, dev_accuracies, "o-", label="dev accuracy")
best_dev = max(dev_accuracies)
ax.axhspan(best_dev - 0.005, best_dev, color="tab:green", alpha=0.2,
           label="within 0.005 of the best")
chosen_index = lambdas.index(lambd_chosen)
ax.plot(positions[chosen_index], dev_accuracies[chosen_index], "*", markersize=14,
        color="tab:red", label=f"chosen: lambd = {lambd_chosen}")
ax.set_xticks(positions, [str(v) for v in lambdas])
ax.set_xlabel("lambd (L2 regularization strength)")
ax.set_ylabel("accuracy on the dev set")
ax.set_title("Choosing lambd on the dev set (10000 iterations each)")
ax.legend(frameon=False, loc="lower left")
ax.grid(alpha=0.3)
plt.show()

# %% [markdown]
# The curve has the shape the lectures predict. Without regularization ($\lambda = 0$) the
# network overfits and its dev accuracy is at least 3 points below the best; a strong penalty
# ($\lambda = 30$) squeezes the weights so much that the network predicts one species
# everywhere, near 50 % on the dev set (high bias). The best values lie in between, and the
# sweep chooses $\lambda = 1$ (the cell checks all of it).

# %% tags=["demo"]
dev_of = dict(zip(lambdas, dev_accuracies))
check_between(best_dev - dev_of[0], 0.03, 0.10, "the dev accuracy lost without regularization",
              "the reference loses 4.8 points")
check_between(dev_of[30], 0.4, 0.6, "the dev accuracy with lambd = 30",
              "a network squeezed into predicting one species: the reference reaches 0.524")
check_between(lambd_chosen, 1, 1, "the chosen lambd", "only lambd = 1 is within half a point "
              "of the best dev accuracy, 0.87 for the reference")

# %% [markdown]
# Now train the final L2 network with the chosen $\lambda$, as the baseline was trained
# (20000 iterations).

# %% tags=["demo"]
parameters_l2, costs_l2 = model(train_X, train_Y, lambd=lambd_chosen)
print("On the training set:")
predictions_train = nets.predict(train_X, train_Y, parameters_l2)
print("On the dev set:")
predictions_dev = nets.predict(dev_X, dev_Y, parameters_l2)

# %% tags=["demo"]
show_boundary(parameters_l2, train_X, train_Y,
              f"L2 regularization, lambd = {lambd_chosen} (training set)")
plt.show()

# %% [markdown]
# Almost all the islands are gone: the boundary is smooth and close to the river, even if it
# now gets some training points wrong, most of them the mislabeled ones:

# %% tags=["demo"]
l2_wrong = (nets.predict_dec(parameters_l2, train_X) != train_Y)[0]
print(f"the L2 network misclassifies {l2_wrong.sum()} training points, "
      f"{(l2_wrong & mislabeled).sum()} of which have a wrong label")
assert (l2_wrong & mislabeled).sum() > l2_wrong.sum() / 2

# %% [markdown]
# The reason is visible in the weights: they are much smaller than without regularization, and
# a network with small weights computes a smoother function.

# %% tags=["demo"]
for name, p in (("no regularization", parameters_plain),
                (f"L2, lambd = {lambd_chosen}", parameters_l2)):
    sizes = ", ".join(f"||W{l}||_F = {np.linalg.norm(p[f'W{l}']):6.2f}" for l in (1, 2, 3))
    print(f"{name:<18} {sizes}")
assert all(np.linalg.norm(parameters_l2[f"W{l}"]) < np.linalg.norm(parameters_plain[f"W{l}"])
           for l in (1, 2, 3)), "L2 regularization should give smaller weights"

# %% [markdown]
# One more thing to keep in mind: the regularized cost is what gradient descent minimizes, so
# it is the one to plot when checking that training works.

# %% [markdown]
# ## 7 - Dropout
#
# Dropout takes another route. At every iteration, each hidden unit is kept with probability
# `keep_prob` and switched off (its activation set to 0) otherwise, independently for every
# unit and every example. Each step thus trains a different, thinner network. A unit cannot
# rely on any particular other unit being there, so it spreads its weights over many inputs,
# which has an effect similar to an L2 penalty. Dropout is used on the hidden layers only,
# never on the input or the output.
#
# **Inverted dropout, the definition.** During training, the activation $a$ of a hidden unit
# (the output of its ReLU) is replaced by
#
# $$\tilde{a} = d \cdot c \cdot a, \qquad d = \begin{cases} 1 & \text{with probability }
# \texttt{keep\_prob} \\ 0 & \text{otherwise,} \end{cases}$$
#
# with a new $d$ for every unit, every example and every step, and a constant $c$ that is the
# same for all of them. When the network predicts, every unit is on and nothing is scaled. So
# that the next layer receives, on average, what it will receive at prediction time, $c$ is
# chosen such that the expected value of $\tilde{a}$ is $a$:
#
# $$\mathbb{E}[\tilde{a}] = a .$$
#
# Work out $c$ from this condition (what is $\mathbb{E}[d]$?); section 8 shows what goes wrong
# without it. In matrix form, for layer 1 (and the same for layer 2) the masks $D^{[1]}$ hold the
# $d$ of every unit and example, with the shape of $A^{[1]}$.
#
# ### Exercise 4 - `forward_propagation_with_dropout`
#
# Implement the forward pass with inverted dropout on both hidden layers: after each ReLU,
# draw the mask, switch the dropped units off and scale the kept ones by your $c$, so that the
# next layer computes its $Z$ from $\tilde{A}$. Keep the masks in the cache, as integer arrays of
# 0 and 1: the backward pass needs them.
#
# So that your masks can be checked, draw them this way:
#
# - one call of `np.random.rand` per layer, for an array of the shape of that layer's
#   activations (uniform numbers in $[0, 1)$): layer 1's right after computing `A1`, layer 2's
#   right after computing `A2`, and no other random numbers;
# - a unit is kept (its $d$ is 1) where its number is **below** `keep_prob`.
#
# Do **not** call `np.random.seed` in the function: the caller seeds once (the `model` above
# does), so that every training step draws new masks.

# %% nbgrader={"grade_id": "forward_propagation_with_dropout", "solution": true}
# GRADED FUNCTION: forward_propagation_with_dropout
def forward_propagation_with_dropout(X, parameters, keep_prob=0.5):
    """Forward propagation LINEAR -> RELU + DROPOUT -> LINEAR -> RELU + DROPOUT -> LINEAR ->
    SIGMOID, with inverted dropout on both hidden layers.

    Arguments:
    X -- input data, numpy array of shape (2, m)
    parameters -- dictionary with "W1" (n_1, 2), "b1" (n_1, 1), "W2" (n_2, n_1), "b2" (n_2, 1),
                  "W3" (1, n_2), "b3" (1, 1)
    keep_prob -- probability of keeping a hidden unit, a number in (0, 1]

    Returns:
    A3 -- the output probabilities, numpy array of shape (1, m)
    cache -- tuple (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3) where A1 and A2 are
             the activations after dropout and D1, D2 the masks (0/1 integers of the shape of
             A1, A2)
    """
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]
    W3 = parameters["W3"]
    b3 = parameters["b3"]

    Z1 = np.dot(W1, X) + b1
    A1, _ = relu(Z1)
    ### BEGIN SOLUTION
    D1 = np.random.rand(A1.shape[0], A1.shape[1])
    D1 = (D1 < keep_prob).astype(int)
    A1 = A1 * D1
    A1 = A1 / keep_prob
    ### END SOLUTION
    Z2 = np.dot(W2, A1) + b2
    A2, _ = relu(Z2)
    ### BEGIN SOLUTION
    D2 = np.random.rand(A2.shape[0], A2.shape[1])
    D2 = (D2 < keep_prob).astype(int)
    A2 = A2 * D2
    A2 = A2 / keep_prob
    ### END SOLUTION
    Z3 = np.dot(W3, A2) + b3
    A3, _ = sigmoid(Z3)

    cache = (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)
    return A3, cache


# %% nbgrader={"grade_id": "test_forward_propagation_with_dropout", "points": 3}
# The small network of the L2 tests, keep_prob = 0.7, after np.random.seed(1).
np.random.seed(1)
A3, cache = forward_propagation_with_dropout(X_small, parameters_small, keep_prob=0.7)
# What some common slips give on this example, so that the message can name the cause:
D1_slips = [(np.array([[0, 1, 1, 1, 0], [1, 0, 1, 1, 1], [0, 1, 1, 1, 0]]),
             "the mask of np.random.randn: D1 needs uniform numbers, np.random.rand?"),
            (np.array([[1, 0, 1, 1, 1], [1, 1, 1, 1, 0], [1, 0, 1, 0, 1]]),
             "the mask of D1 < 0.5: keep_prob hard-coded?"),
            (np.array([[1, 1, 1, 0, 1], [1, 1, 1, 1, 1], [0, 0, 1, 1, 0]]),
             "the second draw: D1 drawn after D2 (draw D1 first, right after A1)?")]
A3_slips = [([[0.5541176575, 0.5541176575, 0.569888587, 0.5906297108, 0.5541176575]],
             "A1 and A2 not divided by keep_prob (inverted dropout)?"),
            ([[0.5541176575, 0.5541176575, 0.5599298511, 0.5701864556, 0.5541176575]],
             "A1 and A2 multiplied by keep_prob instead of divided?")]
# Two calls in a row must draw new masks (no np.random.seed inside the function).
_, cache_next = forward_propagation_with_dropout(X_small, parameters_small, keep_prob=0.7)
run_checks(
    "forward_propagation_with_dropout",
    lambda: check_type(cache, tuple, "cache"),
    lambda: check_equal(len(cache), 14, "len(cache)"),
    lambda: check_equal(cache[1], np.array([[1, 0, 1, 1, 1], [1, 1, 1, 1, 1], [1, 1, 1, 0, 1]]),
                        "D1 (cache[1])", hints=D1_slips),
    lambda: check_equal(cache[6], np.array([[1, 1, 1, 1, 1], [0, 0, 1, 1, 0]]), "D2 (cache[6])",
                        hints=[(np.ones((2, 5)), "D2 all ones: dropout on layer 2 too?")]),
    lambda: check_array(A3, [[0.5541176575, 0.5541176575, 0.5916878071, 0.6329210293,
                              0.5541176575]], "A3", rtol=1e-8, hints=A3_slips),
    lambda: check_equal(np.array([np.array_equal(cache[1], cache_next[1])]), np.array([False]),
                        "whether a second call draws the same mask D1",
                        hints=[([1.0], "the same masks at every call: np.random.seed inside "
                                       "the function? (the caller seeds once)")]),
)
### BEGIN HIDDEN TESTS
def _hidden_forward_propagation_with_dropout():
    def _params(_rng, _dims):
        _p = {}
        for _l in range(1, 4):
            _p[f"W{_l}"] = _rng.normal(0, 1.0, size=(_dims[_l], _dims[_l - 1]))
            _p[f"b{_l}"] = _rng.normal(0, 0.5, size=(_dims[_l], 1))
        return _p

    def _check_structure(_X, _p, _kp, _out, _what):
        # Whatever the masks, the cache must be consistent with them and with the formulas.
        check_type(_out, tuple, f"the result {_what}")
        check_equal(len(_out), 2, f"the number of returned values {_what}")
        _A3, _c = _out
        check_type(_c, tuple, f"cache {_what}")
        check_equal(len(_c), 14, f"len(cache) {_what}")
        _Z1, _D1, _A1, _W1, _b1, _Z2, _D2, _A2, _W2, _b2, _Z3, _A3c, _W3, _b3 = _c
        _m = _X.shape[1]
        for _name, _D, _n in (("D1", _D1, _p["W1"].shape[0]), ("D2", _D2, _p["W2"].shape[0])):
            check_type(_D, np.ndarray, f"{_name} {_what}")
            check_shape(_D, (_n, _m), f"{_name} {_what}")
            check_equal(np.isin(_D, (0, 1)).all(), True,
                        f"every entry of {_name} is 0 or 1 ({_what})")
        check_array(_Z1, _p["W1"] @ _X + _p["b1"], f"Z1 {_what}")
        check_array(_A1, np.maximum(0, _Z1) * _D1 / _kp,
                    f"A1 {_what} (ReLU, times the mask D1, divided by keep_prob)",
                    factors={"keep_prob": _kp})
        check_array(_Z2, _p["W2"] @ _A1 + _p["b2"], f"Z2 {_what}")
        check_array(_A2, np.maximum(0, _Z2) * _D2 / _kp,
                    f"A2 {_what} (ReLU, times the mask D2, divided by keep_prob)",
                    factors={"keep_prob": _kp})
        check_array(_Z3, _p["W3"] @ _A2 + _p["b3"], f"Z3 {_what}")
        check_array(_A3, 1 / (1 + np.exp(-_Z3)), f"A3 {_what}")
        check_array(_A3c, _A3, f"the A3 in the cache {_what}")
        return _D1, _D2

    # The kept fraction and the scaling, on many examples.
    for _seed, _kp in enumerate((0.8, 0.3, 1.0)):
        _rng = np.random.default_rng(700 + _seed)
        _dims = [2, 20, 10, 1]
        _p = _params(_rng, _dims)
        _X = _rng.normal(size=(2, 2000))
        np.random.seed(11 + _seed)
        _what = f"with keep_prob={_kp}"
        _D1, _D2 = _check_structure(_X, _p, _kp,
                                    forward_propagation_with_dropout(_X, _p, keep_prob=_kp),
                                    _what)
        check_scalar(float(np.mean(_D1)), _kp, f"the fraction of units kept in D1 {_what}",
                     atol=0.02)
        check_scalar(float(np.mean(_D2)), _kp, f"the fraction of units kept in D2 {_what}",
                     atol=0.02)

    # The default keep_prob is 0.5.
    _rng = np.random.default_rng(710)
    _p = _params(_rng, [2, 20, 10, 1])
    _X = _rng.normal(size=(2, 1000))
    np.random.seed(21)
    _D1, _D2 = _check_structure(_X, _p, 0.5, forward_propagation_with_dropout(_X, _p),
                                "with the default keep_prob")
    check_scalar(float(np.mean(_D1)), 0.5,
                 "the fraction of units kept in D1 with the default keep_prob", atol=0.03)

    # No reseeding inside the function: two calls in a row draw different masks.
    np.random.seed(31)
    _, _c1 = forward_propagation_with_dropout(_X, _p, keep_prob=0.5)
    _, _c2 = forward_propagation_with_dropout(_X, _p, keep_prob=0.5)
    if np.array_equal(_c1[1], _c2[1]):
        raise CheckFailed("two calls in a row returned the same mask D1: do not call "
                          "np.random.seed inside forward_propagation_with_dropout")

    # The exact masks of the random calls the instructions name, in their order.
    for _seed, (_dims, _m, _kp) in enumerate((([2, 5, 3, 1], 8, 0.6), ([3, 4, 6, 1], 5, 0.9))):
        _rng = np.random.default_rng(720 + _seed)
        _p = _params(_rng, _dims)
        _X = _rng.normal(size=(_dims[0], _m))
        _rs = np.random.RandomState(41 + _seed)
        _D1 = (_rs.random_sample((_dims[1], _m)) < _kp).astype(int)
        _D2 = (_rs.random_sample((_dims[2], _m)) < _kp).astype(int)
        np.random.seed(41 + _seed)
        _what = f"for layers {_dims} and keep_prob={_kp} after np.random.seed({41 + _seed})"
        _out = forward_propagation_with_dropout(_X, _p, keep_prob=_kp)
        _gD1, _gD2 = _check_structure(_X, _p, _kp, _out, _what)
        check_equal(np.asarray(_gD1), _D1, f"D1 {_what}")
        check_equal(np.asarray(_gD2), _D2, f"D2 {_what}")


_hidden_forward_propagation_with_dropout()
### END HIDDEN TESTS

# %% [markdown]
# ### Exercise 5 - `backward_propagation_with_dropout`
#
# Backpropagation follows the forward pass in reverse, one step at a time, and your forward
# pass has a new step in each hidden layer: $\tilde{A}^{[2]} = D^{[2]} * c * A^{[2]}$
# (elementwise), between the ReLU and the next layer (and the same in layer 1).
#
# In the function below, `dA2 = np.dot(W3.T, dZ3)` is the gradient of the cost with respect to
# what the output layer received: $\tilde{A}^{[2]}$, after dropout. The line after it,
# `dZ2 = ...`, applies the derivative of the ReLU, so it needs the gradient with respect to the
# ReLU's output $A^{[2]}$, before dropout. Derive, entry by entry with the chain rule, how to
# turn one into the other: how does $\tilde{a}^{[2]}_{ki}$ change when $a^{[2]}_{ki}$ changes?
# Then write it for layer 2 and for layer 1, using the masks of the forward pass (from the
# cache; never new ones).
#
# The hidden tests compare your gradients with numerical derivatives of the cost of the
# network the masks thin out.

# %% nbgrader={"grade_id": "backward_propagation_with_dropout", "solution": true}
# GRADED FUNCTION: backward_propagation_with_dropout
def backward_propagation_with_dropout(X, Y, cache, keep_prob):
    """Backward propagation of the 3-layer network trained with inverted dropout.

    Arguments:
    X -- input data, numpy array of shape (2, m)
    Y -- true labels (0 or 1), numpy array of shape (1, m)
    cache -- the cache of forward_propagation_with_dropout:
             (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)
    keep_prob -- probability of keeping a hidden unit, the one used in the forward pass

    Returns:
    gradients -- dictionary with the gradients of the cost with respect to each parameter
                 ("dW1", "db1", ..., "db3"), activation and linear output ("dA1", "dZ1", ...)
    """
    m = X.shape[1]
    (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3) = cache

    dZ3 = A3 - Y
    dW3 = 1. / m * np.dot(dZ3, A2.T)
    db3 = 1. / m * np.sum(dZ3, axis=1, keepdims=True)
    dA2 = np.dot(W3.T, dZ3)  # with respect to A2 after dropout, what layer 3 received
    # Turn dA2 into the gradient with respect to the ReLU's output, before dropout.
    ### BEGIN SOLUTION
    dA2 = dA2 * D2
    dA2 = dA2 / keep_prob
    ### END SOLUTION
    dZ2 = np.multiply(dA2, np.int64(A2 > 0))
    dW2 = 1. / m * np.dot(dZ2, A1.T)
    db2 = 1. / m * np.sum(dZ2, axis=1, keepdims=True)

    dA1 = np.dot(W2.T, dZ2)  # with respect to A1 after dropout, what layer 2 received
    # The same for layer 1.
    ### BEGIN SOLUTION
    dA1 = dA1 * D1
    dA1 = dA1 / keep_prob
    ### END SOLUTION
    dZ1 = np.multiply(dA1, np.int64(A1 > 0))
    dW1 = 1. / m * np.dot(dZ1, X.T)
    db1 = 1. / m * np.sum(dZ1, axis=1, keepdims=True)

    gradients = {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2,
                 "dZ2": dZ2, "dW2": dW2, "db2": db2, "dA1": dA1,
                 "dZ1": dZ1, "dW1": dW1, "db1": db1}
    return gradients


# %% nbgrader={"grade_id": "test_backward_propagation_with_dropout", "points": 3}
# A fixed cache: what a correct forward_propagation_with_dropout returns for the small network
# of the L2 tests with keep_prob = 0.7 after np.random.seed(1) (the masks D1, D2 of the forward
# test; values rounded to 10 digits). This test does not call your forward pass.
W1_s, b1_s, W2_s, b2_s, W3_s, b3_s = (parameters_small[k]
                                      for k in ("W1", "b1", "W2", "b2", "W3", "b3"))
D1_s = np.array([[1, 0, 1, 1, 1], [1, 1, 1, 1, 1], [1, 1, 1, 0, 1]])
D2_s = np.array([[1, 1, 1, 1, 1], [0, 0, 1, 1, 0]])
Z1_s = np.array([[0.2935831604, -0.2304849703, 0.3668186841, 0.2019999217, 0.2262604061],
                 [-0.6196825, -0.8100657671, -0.6304784063, 0.6078662482, -1.0071268889],
                 [-0.6812115534, -1.4995788483, -0.5932181826, 0.0646916051, -1.0422578789]])
A1_s = np.array([[0.4194045148, 0.0, 0.5240266916, 0.2885713168, 0.3232291516],
                 [0.0, 0.0, 0.0, 0.8683803545, 0.0],
                 [0.0, 0.0, 0.0, 0.0, 0.0]])
Z2_s = np.array([[-1.9968808329, -1.889013246, -2.0237888449, -1.9561610399, -1.9721452757],
                 [0.3679641142, -0.1747720921, 0.5033518873, 1.0728772246, 0.2435070568]])
A2_s = np.array([[0.0, 0.0, 0.0, 0.0, 0.0],
                 [0.0, 0.0, 0.7190741247, 1.5326817495, 0.0]])
Z3_s = np.array([[0.217321931, 0.217321931, 0.3709470825, 0.5447686542, 0.217321931]])
A3_s = np.array([[0.5541176575, 0.5541176575, 0.5916878071, 0.6329210293, 0.5541176575]])
cache_dropout = (Z1_s, D1_s, A1_s, W1_s, b1_s, Z2_s, D2_s, A2_s, W2_s, b2_s, Z3_s, A3_s, W3_s,
                 b3_s)
grads = backward_propagation_with_dropout(X_small, Y_small, cache_dropout, keep_prob=0.7)
# What some common slips give for dA2 and dA1, so that the message can name the cause:
dA2_slips = [([[0.1317730748, -0.1637602133, 0.1206698449, 0.1084840552, -0.1637602133],
               [0.0, 0.0, -0.0610631286, -0.0548966961, 0.0]],
              "multiplied by keep_prob instead of divided?"),
             ([[0.2689246424, -0.334204517, 0.2462649897, 0.221396031, -0.334204517],
               [-0.1360852003, 0.1691190819, -0.1246186297, -0.1120340737, 0.1691190819]],
              "divided by keep_prob, but the mask D2 not applied?"),
             ([[0.1882472497, -0.2339431619, 0.1723854928, 0.1549772217, -0.2339431619],
               [-0.0952596402, 0.1183833573, -0.0872330408, -0.0784238516, 0.1183833573]],
              "dA2 left as np.dot(W3.T, dZ3): the mask D2 and the 1/keep_prob forgotten?")]
dA1_slips = [([[0.0, 0.0, -0.1612644593, -0.1449792408, 0.0],
               [0.0, 0.0, -0.1254566047, -0.1127874262, 0.0],
               [0.0, 0.0, 0.3378613531, 0.3037425771, 0.0]],
              "dA1 left as np.dot(W2.T, dZ2): the mask D1 and the 1/keep_prob forgotten?")]
run_checks(
    "backward_propagation_with_dropout",
    lambda: check_array(grads["dA2"], [[0.2689246424, -0.334204517, 0.2462649897, 0.221396031,
                                        -0.334204517],
                                       [0, 0, -0.1246186297, -0.1120340737, 0]], "dA2",
                        rtol=1e-7, hints=dA2_slips, factors={"keep_prob": 0.7}),
    lambda: check_array(grads["dA1"], [[0, 0, -0.230377799, -0.2071132012, 0],
                                       [0, 0, -0.179223721, -0.1611248945, 0],
                                       [0, 0, 0.4826590758, 0, 0]], "dA1", rtol=1e-7,
                        hints=dA1_slips, factors={"keep_prob": 0.7}),
    lambda: check_array(grads["dW1"], [[0.0387551399, -0.0418768932],
                                       [0.0419942143, -0.0117483378],
                                       [0, 0]], "dW1", rtol=1e-7),
)
### BEGIN HIDDEN TESTS
def _hidden_backward_propagation_with_dropout():
    _needed = ("dW1", "db1", "dW2", "db2", "dW3", "db3", "dA1", "dA2")

    def _forward(_X, _p, _D1, _D2, _kp):
        # The forward pass with fixed masks (independent of any random generator).
        _Z1 = _p["W1"] @ _X + _p["b1"]
        _A1 = np.maximum(0, _Z1) * _D1 / _kp
        _Z2 = _p["W2"] @ _A1 + _p["b2"]
        _A2 = np.maximum(0, _Z2) * _D2 / _kp
        _Z3 = _p["W3"] @ _A2 + _p["b3"]
        _A3 = 1 / (1 + np.exp(-_Z3))
        return _A3, (_Z1, _D1, _A1, _p["W1"], _p["b1"], _Z2, _D2, _A2, _p["W2"], _p["b2"],
                     _Z3, _A3, _p["W3"], _p["b3"])

    def _cost(_A3, _Y):
        _a, _y = _A3.ravel(), _Y.ravel()
        return -np.mean(_y * np.log(_a) + (1 - _y) * np.log(1 - _a))

    for _seed, (_dims, _m, _kp) in enumerate(
        (([2, 5, 4, 1], 7, 0.6), ([3, 4, 6, 1], 5, 0.85), ([2, 6, 3, 1], 9, 0.4))
    ):
        _rng = np.random.default_rng(800 + _seed)
        _p = {}
        for _l in range(1, 4):
            _p[f"W{_l}"] = _rng.normal(0, 0.6, size=(_dims[_l], _dims[_l - 1]))
            _p[f"b{_l}"] = _rng.normal(0.2, 0.3, size=(_dims[_l], 1))
        _X = _rng.normal(size=(_dims[0], _m))
        _Y = _rng.integers(0, 2, size=(1, _m))
        _D1 = (_rng.random((_dims[1], _m)) < _kp).astype(int)
        _D2 = (_rng.random((_dims[2], _m)) < _kp).astype(int)
        _, _cache = _forward(_X, _p, _D1, _D2, _kp)
        _copy = tuple(np.array(_c, copy=True) for _c in _cache)
        _g = backward_propagation_with_dropout(_X, _Y, _cache, _kp)
        _what = f"for layers {_dims}, {_m} examples, keep_prob={_kp}"
        check_type(_g, dict, "gradients")
        check_keys({_k: _v for _k, _v in _g.items() if _k in _needed}, _needed, "gradients")
        # Dropped units get no gradient.
        check_equal(bool(np.all(np.asarray(_g["dA1"])[_D1 == 0] == 0)), True,
                    f"gradients['dA1'] is 0 wherever D1 is 0 ({_what})")
        check_equal(bool(np.all(np.asarray(_g["dA2"])[_D2 == 0] == 0)), True,
                    f"gradients['dA2'] is 0 wherever D2 is 0 ({_what})")
        # The gradients are those of the thinned network the masks define: central differences
        # of its cost, one parameter entry at a time.
        _eps = 1e-6
        for _name in ("W3", "b3", "W2", "b2", "W1", "b1"):
            _num = np.zeros_like(_p[_name])
            for _idx in np.ndindex(_p[_name].shape):
                _plus = {_k: _v.copy() for _k, _v in _p.items()}
                _minus = {_k: _v.copy() for _k, _v in _p.items()}
                _plus[_name][_idx] += _eps
                _minus[_name][_idx] -= _eps
                _num[_idx] = (_cost(_forward(_X, _plus, _D1, _D2, _kp)[0], _Y)
                              - _cost(_forward(_X, _minus, _D1, _D2, _kp)[0], _Y)) / (2 * _eps)
            check_array(_g["d" + _name], _num,
                        f"gradients['d{_name}'] {_what}, compared with the numerical gradient "
                        "of the network thinned by the masks D1, D2", rtol=1e-5, atol=1e-7)
        for _k, (_before, _after) in enumerate(zip(_copy, _cache)):
            check_equal(np.asarray(_after), _before,
                        f"cache[{_k}] after the call (inputs must not change)")


_hidden_backward_propagation_with_dropout()
### END HIDDEN TESTS

# %% [markdown]
# ## 8 - Training with dropout
#
# Two practical points first:
#
# - dropout is for **training only**: `nets.predict` uses the plain forward pass with all units
#   and no scaling;
# - the recorded cost is the cost of a different thinned network at every step, so it is noisy
#   and not a reliable way to check that gradient descent works. Check with `keep_prob = 1`
#   first, then switch dropout on.
#
# ### Choosing `keep_prob` on the dev set
#
# `keep_prob` is a hyperparameter too, chosen like $\lambda$: one network per value, trained
# for 10000 iterations, compared on the dev set. Dropout draws two masks per step, so each run
# takes a few seconds.

# %% tags=["demo"]
keep_probs = [0.5, 0.7, 0.9]
dropout_runs = {kp: model(train_X, train_Y, keep_prob=kp, num_iterations=10000,
                          print_cost=False)[0] for kp in keep_probs}
kp_dev = {kp: nets.accuracy(dev_X, dev_Y, p) for kp, p in dropout_runs.items()}
keep_prob_chosen = max(kp_dev, key=kp_dev.get)
for kp, acc in kp_dev.items():
    print(f"keep_prob = {kp}: dev accuracy {100 * acc:.1f} %"
          + ("   <- chosen" if kp == keep_prob_chosen else ""))
check_between(keep_prob_chosen, 0.5, 0.5, "the chosen keep_prob",
              "keep_prob = 0.5 has the best dev accuracy, 0.872 for the reference")
check_between(kp_dev[0.5] - kp_dev[0.9], 0.01, 0.05, "the dev accuracy gained by dropping "
              "half of the units rather than a tenth", "the reference gains 1.6 points")

# %% [markdown]
# Dropping half of the units does best; dropping only a tenth of them leaves the network
# overfitting a little more (the cell checks both). Now the final dropout network, trained as
# the others (20000 iterations):

# %% tags=["demo"]
parameters_dropout, costs_dropout = model(train_X, train_Y, keep_prob=keep_prob_chosen)
print("On the training set:")
predictions_train = nets.predict(train_X, train_Y, parameters_dropout)
print("On the dev set:")
predictions_dev = nets.predict(dev_X, dev_Y, parameters_dropout)

# %% tags=["demo"]
show_boundary(parameters_dropout, train_X, train_Y,
              f"Dropout, keep_prob = {keep_prob_chosen} (training set)")
plt.show()

# %% [markdown]
# ### Why inverted dropout divides by `keep_prob`
#
# What if the kept activations were not scaled ($c = 1$)? During training, each layer would
# then receive inputs that are on average `keep_prob` times smaller than at prediction time,
# when every unit is on, and its weights would be fitted to those smaller inputs.
#
# You can train such a network with your own two functions. Dividing $A^{[1]}$ by `keep_prob`
# and then multiplying it by `keep_prob * W2` gives back `W2 @ (A1 * D1)`: a network with
# parameters $W^{[2]}, W^{[3]}$ and no scaling computes exactly what your network computes with
# `keep_prob * W2` and `keep_prob * W3`. Its gradients follow by the chain rule: those of your
# backward pass for $W^{[2]}$ and $W^{[3]}$, times `keep_prob`.
#
# The cell below trains it with `keep_prob = 0.5` (10000 iterations, as the network of the
# sweep above trained with inverted dropout and the same masks), then compares the two networks
# on the dev set: the average size of $z^{[2]}$ and $z^{[3]}$ while training (averaged over
# 200 draws of the masks) and when predicting (all units on).

# %% tags=["demo"]
def forward_without_rescaling(X, parameters, keep_prob):
    """Dropout with c = 1, computed with forward_propagation_with_dropout (see above)."""
    scaled = dict(parameters, W2=keep_prob * parameters["W2"], W3=keep_prob * parameters["W3"])
    return forward_propagation_with_dropout(X, scaled, keep_prob)


def backward_without_rescaling(X, Y, cache, keep_prob):
    """The gradients of the network of forward_without_rescaling, by the chain rule."""
    grads = backward_propagation_with_dropout(X, Y, cache, keep_prob)
    grads["dW2"] = keep_prob * grads["dW2"]
    grads["dW3"] = keep_prob * grads["dW3"]
    return grads


np.random.seed(1)  # the seed model uses: the same masks as the network of the sweep
parameters_unscaled, _ = nets.train(
    train_X, train_Y, [2, 50, 20, 1],
    initialize=lambda dims: nets.initialize_parameters(dims, seed=3), learning_rate=0.3,
    num_iterations=10000, print_every=None,
    forward=lambda X, p: forward_without_rescaling(X, p, 0.5),
    backward=lambda X, Y, c: backward_without_rescaling(X, Y, c, 0.5))
compared = {"inverted dropout": (dropout_runs[0.5], forward_propagation_with_dropout),
            "no rescaling": (parameters_unscaled, forward_without_rescaling)}

np.random.seed(2)
growth, outputs = {}, {}
for name, (p, forward) in compared.items():
    caches = [forward(dev_X, p, 0.5)[1] for _ in range(200)]
    Z2_training = np.mean([c[5] for c in caches], axis=0)  # z2 averaged over the masks
    Z3_training = np.mean([c[10] for c in caches], axis=0)
    A3, (_, _, _, _, Z2, _, _, _, Z3, _, _, _) = nets.forward_propagation(dev_X, p)
    growth[name] = [np.abs(Z2).mean() / np.abs(Z2_training).mean(),
                    np.abs(Z3).mean() / np.abs(Z3_training).mean()]
    outputs[name] = A3[0]
    print(f"{name:<17} z2: x {growth[name][0]:.2f}, z3: x {growth[name][1]:.2f} when "
          f"predicting; dev accuracy {100 * nets.accuracy(dev_X, dev_Y, p):.1f} %, dev cost "
          f"{nets.compute_cost(A3, dev_Y):.3f}")

fig, axes = plt.subplots(1, 2, figsize=(12, 4))
width = 0.35
for k, (name, values) in enumerate(growth.items()):
    axes[0].bar(np.arange(2) + (k - 0.5) * width, values, width, label=name)
axes[0].axhline(1, color="k", linewidth=0.8)
axes[0].set_xticks([0, 1], ["$z^{[2]}$", "$z^{[3]}$"])
axes[0].set_ylabel("mean |z| when predicting ÷ while training")
axes[0].set_title("How much larger each layer's z is when predicting")
axes[0].legend(frameon=False)
bins = np.linspace(0, 1, 21)
for name, a3 in outputs.items():
    axes[1].hist(a3, bins=bins, alpha=0.6, label=name)
axes[1].set_xlabel("predicted probability of species 1 ($a^{[3]}$), dev set")
axes[1].set_ylabel("number of dev examples")
axes[1].set_title("The outputs when predicting")
axes[1].legend(frameon=False)
fig.tight_layout()
plt.show()

# %% [markdown]
# With inverted dropout, $z^{[2]}$ and $z^{[3]}$ have the same average size when the network
# predicts as they had in training. Without the rescaling, $z^{[2]}$ is twice as large when
# predicting (about $1/\texttt{keep\_prob}$: it is a linear function of the layer-1
# activations, all of which are now on, plus a bias), and $z^{[3]}$ more than twice. The output
# probabilities are pushed to 0 and 1: the network claims a certainty it does not have (about
# 10 % of the labels are wrong, so no honest probability should come near 0 or 1), and its
# dev cost is much higher.
#
# The labels it predicts hardly change here: the boundary is where $z^{[3]} = 0$, and scaling
# all the activations of a ReLU network with small biases moves that place very little. That is
# what makes the mistake dangerous: the accuracy does not reveal it, but every probability is
# wrong. The original dropout (Srivastava et al., 2014) did without $c$ and multiplied the
# weights by `keep_prob` after training instead; inverted dropout moves that factor into
# training, so that prediction needs no change at all. The cell below checks these figures.

# %% tags=["demo"]
costs_on_dev = {name: nets.compute_cost(nets.forward_propagation(dev_X, p)[0], dev_Y)
                for name, (p, _) in compared.items()}
check_between(growth["inverted dropout"][0], 0.95, 1.05, "z2 when predicting ÷ while "
              "training, inverted dropout", "the same size: 0.999 for the reference")
check_between(growth["no rescaling"][0], 1.9, 2.1, "z2 when predicting ÷ while training, no "
              "rescaling", "1 / keep_prob = 2: 2.005 for the reference")
check_between(growth["no rescaling"][1], 1.8, 3.0, "z3 when predicting ÷ while training, no "
              "rescaling", "2.23 for the reference")
check_between(costs_on_dev["no rescaling"] / costs_on_dev["inverted dropout"], 1.4, 2.5,
              "the dev cost without rescaling ÷ with inverted dropout",
              "0.832 / 0.508 for the reference")
confident = {name: np.mean((a3 < 0.01) | (a3 > 0.99)) for name, a3 in outputs.items()}
check_between(confident["no rescaling"] - confident["inverted dropout"], 0.3, 0.7,
              "the extra fraction of dev outputs below 0.01 or above 0.99 without rescaling",
              "0.63 against 0.11 for the reference")
accuracies_on_dev = [nets.accuracy(dev_X, dev_Y, p) for p, _ in compared.values()]
check_between(abs(accuracies_on_dev[0] - accuracies_on_dev[1]), 0.0, 0.02,
              "the difference in dev accuracy", "the labels hardly change: the same 0.872")
fixed = dict(parameters_unscaled, W2=0.5 * parameters_unscaled["W2"],
             W3=0.5 * parameters_unscaled["W3"])
cost_fixed = nets.compute_cost(nets.forward_propagation(dev_X, fixed)[0], dev_Y)
print(f"no rescaling, weights multiplied by keep_prob after training: dev cost {cost_fixed:.3f}")
check_between(cost_fixed, 0.3, 0.6, "the dev cost of the weights multiplied by keep_prob "
              "after training", "0.454 for the reference, as good as inverted dropout")

# %% [markdown]
# ## 9 - The three networks on the test set
#
# Same network, same data, same learning rate and number of iterations; $\lambda$ and
# `keep_prob` were chosen on the dev set. Now, and only now, the test set measures the three
# final networks. The boundaries are drawn over it: points no network has seen, and that played
# no part in any choice.

# %% tags=["demo"]
runs = {"no regularization": parameters_plain, f"L2 (lambd = {lambd_chosen})": parameters_l2,
        f"dropout (keep_prob = {keep_prob_chosen})": parameters_dropout}
results = {name: (nets.accuracy(train_X, train_Y, p), nets.accuracy(test_X, test_Y, p))
           for name, p in runs.items()}
print(f"{'model':<28}{'train accuracy':>16}{'test accuracy':>16}")
for name, (train_acc, test_acc) in results.items():
    print(f"{name:<28}{100 * train_acc:>15.1f}%{100 * test_acc:>15.1f}%")

fig, axes = plt.subplots(1, 3, figsize=(14, 4.6))
for ax, (name, p) in zip(axes, runs.items()):
    show_boundary(p, test_X, test_Y, f"{name}\ntest accuracy {100 * results[name][1]:.1f} %",
                  ax=ax)
fig.tight_layout()
plt.show()

# %% [markdown]
# The cell below checks what a correct implementation reaches (every correct implementation
# draws the same random numbers, so it learns the same networks up to rounding):
#
# - without regularization, at least **97 %** on the training set and more than **10 points**
#   less on the test set;
# - L2 regularization and dropout both give up training accuracy (they no longer fit the wrong
#   labels) and both gain at least **3 points** of test accuracy over no regularization
#   (L2 about 4 points, dropout about 5 on this data), to within 3 points of the river itself,
#   which, as a classifier, is right on about 90 % of the test set.

# %% tags=["demo"]
(plain_train, plain_test), (l2_train, l2_test), (drop_train, drop_test) = results.values()
check_between(plain_train - plain_test, 0.10, 0.25, "train minus test accuracy, no "
              "regularization", "0.154 for the reference")
check_between(plain_train - max(l2_train, drop_train), 0.03, 0.15, "the training accuracy "
              "given up by the better fitting of L2 and dropout", "0.073 for the reference")
check_between(l2_test - plain_test, 0.03, 0.06, "the test accuracy gained by L2",
              "0.041 for the reference")
check_between(drop_test - plain_test, 0.03, 0.07, "the test accuracy gained by dropout",
              "0.049 for the reference")
river_test = float(np.mean((test_X[1] > river_boundary(test_X[0])) == test_Y[0]))
print(f"the river itself, as a classifier: test accuracy {100 * river_test:.1f} %")
check_between(river_test, 0.87, 0.93, "the river's test accuracy", "about 90 %: the labels "
              "are wrong with probability 0.1")
check_between(river_test - max(l2_test, drop_test), 0.0, 0.03, "the river's test accuracy "
              "minus the best network's", "0.019 for the reference")

# %% [markdown]
# The recorded costs: without regularization the cost keeps falling towards 0 (memorizing
# every label), with L2 it levels off early at a higher value (the penalty on the weights),
# and with dropout it is noisy (a different thinned network at each step) and stays well above
# the unregularized cost (at least twice as high: the cell checks it).

# %% tags=["demo"]
plot_costs({"no regularization": costs_plain, "L2 (regularized cost)": costs_l2,
            "dropout (cost of the thinned network)": costs_dropout}, every=1000,
           log_scale=True, title="Cost during training")
plt.show()
assert 2 * costs_plain[-1] < min(costs_l2[-1], costs_dropout[-1])

# %% [markdown]
# ## 10 - What to remember
#
# - A training accuracy far above the dev accuracy signals **high variance**: the network fits
#   the noise of its training set. Regularization trades a little training accuracy for a
#   better accuracy on new data.
# - **L2 regularization** adds $\frac{\lambda}{2m} \sum_l \lVert W^{[l]} \rVert_F^2$ to the
#   cost and, as you derived, $\frac{\lambda}{m} W^{[l]}$ to each $dW^{[l]}$ (nothing to the
#   biases): every step shrinks the weights ("weight decay"), and smaller weights make a
#   smoother boundary.
# - **Hyperparameters are chosen on the dev set**: train on the training set, compare on the
#   dev set, treat differences of a few dev examples as ties, and look at the test set once, at
#   the end. Too small a $\lambda$ overfits, too large a one underfits.
# - **Dropout** switches hidden units off at random during training, with the same masks in the
#   forward and the backward pass, and divides the kept activations by `keep_prob` (inverted
#   dropout), so that each layer receives inputs of the same size in training and when
#   predicting. Without that factor the activations are $1/\texttt{keep\_prob}$ times too large
#   when predicting and the probabilities overconfident, even where the labels survive.
# - Both regularize only the training: the cost with the L2 term and the dropout masks are
#   parts of `model`, not of `predict`.

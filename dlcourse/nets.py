"""A ready-made 3-layer network for the Course 2 assignments.

The network is LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID, a binary classifier
written in NumPy with the lectures' layout: ``X`` of shape ``(n_x, m)`` (one column per
example), ``Y`` of shape ``(1, m)`` with labels 0/1, ``parameters`` a dict holding
``W1 (n_1, n_x)``, ``b1 (n_1, 1)``, ``W2 (n_2, n_1)``, ``b2 (n_2, 1)``, ``W3 (1, n_2)``,
``b3 (1, 1)``.

Course 2 assignments each change one piece of training (the initialization in c2w1a1, the cost
and the backward pass in c2w1a2, the update rule in c2w2a1); this module holds the pieces around
it, so the notebooks only show what they teach:

- :func:`forward_propagation`, :func:`backward_propagation`, :func:`compute_cost`: the plain
  network (no L2 term, no dropout);
- :func:`update_parameters`: one step of gradient descent;
- :func:`predict`, :func:`predict_dec`, :func:`accuracy`: labels and accuracy;
- :func:`initialize_parameters`: a seeded initialization that leaves NumPy's global random
  state alone;
- :func:`train`: the gradient-descent loop, with the initialization, forward pass, cost and
  backward pass as arguments.

The cache produced by :func:`forward_propagation` is the tuple
``(Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3)``; the gradients dict has the keys
``dZ3, dW3, db3, dA2, dZ2, dW2, db2, dA1, dZ1, dW1, db1``.

Defined for c2w1a1 (initialization) and c2w1a2 (regularization); reused by c2w2a1.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from dlcourse.activations import relu, sigmoid

__all__ = [
    "forward_propagation",
    "backward_propagation",
    "compute_cost",
    "update_parameters",
    "predict",
    "predict_dec",
    "accuracy",
    "initialize_parameters",
    "train",
]

#: Outputs are clipped to [EPS, 1 - EPS] inside the cost so that a saturated sigmoid
#: (a3 == 0.0 or 1.0 exactly in float64) gives a large, finite loss instead of inf.
EPS = 1e-15


def forward_propagation(X, parameters):
    """Forward pass LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID.

    Parameters
    ----------
    X : ndarray of shape (n_x, m)
        Input data, one example per column.
    parameters : dict
        ``W1 (n_1, n_x)``, ``b1 (n_1, 1)``, ``W2 (n_2, n_1)``, ``b2 (n_2, 1)``,
        ``W3 (1, n_2)``, ``b3 (1, 1)``.

    Returns
    -------
    A3 : ndarray of shape (1, m)
        The output probabilities.
    cache : tuple
        ``(Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3)``, what the backward pass needs.
    """
    W1, b1 = parameters["W1"], parameters["b1"]
    W2, b2 = parameters["W2"], parameters["b2"]
    W3, b3 = parameters["W3"], parameters["b3"]
    Z1 = W1 @ X + b1
    A1, _ = relu(Z1)
    Z2 = W2 @ A1 + b2
    A2, _ = relu(Z2)
    Z3 = W3 @ A2 + b3
    A3, _ = sigmoid(Z3)
    cache = (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3)
    return A3, cache


def backward_propagation(X, Y, cache):
    """Backward pass of :func:`forward_propagation` for the cross-entropy cost.

    Parameters
    ----------
    X : ndarray of shape (n_x, m)
        The input the forward pass saw.
    Y : ndarray of shape (1, m)
        The true labels, 0 or 1.
    cache : tuple
        The cache returned by :func:`forward_propagation`.

    Returns
    -------
    grads : dict
        ``dW1..db3`` (each of the shape of its parameter) and the intermediate ``dZ3``,
        ``dA2``, ``dZ2``, ``dA1``, ``dZ1`` (each of the shape of its Z or A).
    """
    m = X.shape[1]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache
    dZ3 = A3 - Y
    dW3 = dZ3 @ A2.T / m
    db3 = np.sum(dZ3, axis=1, keepdims=True) / m
    dA2 = W3.T @ dZ3
    dZ2 = dA2 * (A2 > 0)
    dW2 = dZ2 @ A1.T / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dA1 = W2.T @ dZ2
    dZ1 = dA1 * (A1 > 0)
    dW1 = dZ1 @ X.T / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {
        "dZ3": dZ3, "dW3": dW3, "db3": db3,
        "dA2": dA2, "dZ2": dZ2, "dW2": dW2, "db2": db2,
        "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1,
    }


def compute_cost(A3, Y):
    """The cross-entropy cost J = -(1/m) sum(y log a3 + (1 - y) log(1 - a3)).

    Parameters
    ----------
    A3 : ndarray of shape (1, m)
        Output probabilities of the network.
    Y : ndarray of shape (1, m)
        True labels, 0 or 1.

    Returns
    -------
    cost : float
        The average loss. ``A3`` is clipped to ``[EPS, 1 - EPS]`` first, so a saturated
        output costs at most about 34.5 instead of ``inf``.
    """
    m = Y.shape[1]
    A = np.clip(A3, EPS, 1 - EPS)
    logprobs = Y * np.log(A) + (1 - Y) * np.log(1 - A)
    return float(-np.sum(logprobs) / m)


def update_parameters(parameters, grads, learning_rate):
    """One step of gradient descent: W = W - learning_rate * dW, b = b - learning_rate * db.

    Works for any number of layers: the keys ``W1, b1, ..., WL, bL`` of ``parameters`` and
    ``dW1, db1, ..., dWL, dbL`` of ``grads``.

    Parameters
    ----------
    parameters : dict
        Current parameters; not modified.
    grads : dict
        Gradients with the same shapes.
    learning_rate : float
        The step size alpha.

    Returns
    -------
    parameters : dict
        A new dict with the updated parameters.
    """
    L = len(parameters) // 2
    new = dict(parameters)
    for l in range(1, L + 1):
        new[f"W{l}"] = parameters[f"W{l}"] - learning_rate * grads[f"dW{l}"]
        new[f"b{l}"] = parameters[f"b{l}"] - learning_rate * grads[f"db{l}"]
    return new


def predict_dec(parameters, X):
    """Labels 0/1 for the columns of ``X`` (threshold 0.5), e.g. to draw a decision boundary.

    Parameters
    ----------
    parameters : dict
        Parameters of the 3-layer network.
    X : ndarray of shape (n_x, k)

    Returns
    -------
    predictions : ndarray of shape (1, k), int64
    """
    A3, _ = forward_propagation(X, parameters)
    return (A3 > 0.5).astype(np.int64)


def accuracy(X, Y, parameters):
    """Fraction of the columns of ``X`` whose predicted label equals ``Y``, a float in [0, 1]."""
    return float(np.mean(predict_dec(parameters, X) == Y))


def predict(X, Y, parameters, verbose=True):
    """Predict labels with the 3-layer network and report the accuracy.

    Parameters
    ----------
    X : ndarray of shape (n_x, m)
    Y : ndarray of shape (1, m)
        True labels, used only to print the accuracy.
    parameters : dict
    verbose : bool, default True
        Print ``Accuracy: ...``.

    Returns
    -------
    predictions : ndarray of shape (1, m), int64
        0 or 1 per example (1 when the output probability exceeds 0.5).
    """
    predictions = predict_dec(parameters, X)
    if verbose:
        print(f"Accuracy: {np.mean(predictions == Y):.4f}")
    return predictions


def initialize_parameters(layers_dims, seed=3, method="he"):
    """Random weights and zero biases for any number of layers, from a private generator.

    Parameters
    ----------
    layers_dims : sequence of int
        ``[n_x, n_1, ..., n_L]``, the size of each layer, input first.
    seed : int, default 3
        Seed of the ``np.random.default_rng`` generator used (NumPy's global state is left
        untouched).
    method : {"he", "xavier"}, default "he"
        Standard deviation of ``W[l]``: ``sqrt(2 / n_{l-1})`` ("he", for ReLU layers) or
        ``sqrt(1 / n_{l-1})`` ("xavier").

    Returns
    -------
    parameters : dict
        ``Wl`` of shape ``(n_l, n_{l-1})`` and ``bl`` of shape ``(n_l, 1)`` for l = 1..L.
    """
    gain = {"he": 2.0, "xavier": 1.0}[method]
    rng = np.random.default_rng(seed)
    parameters = {}
    for l in range(1, len(layers_dims)):
        n_prev = layers_dims[l - 1]
        parameters[f"W{l}"] = rng.standard_normal((layers_dims[l], n_prev)) * np.sqrt(
            gain / n_prev
        )
        parameters[f"b{l}"] = np.zeros((layers_dims[l], 1))
    return parameters


def train(
    X,
    Y,
    layers_dims,
    initialize: Callable | None = None,
    learning_rate: float = 0.01,
    num_iterations: int = 15000,
    forward: Callable | None = None,
    cost: Callable | None = None,
    backward: Callable | None = None,
    record_every: int = 100,
    print_every: int | None = 1000,
    parameters: dict | None = None,
):
    """Batch gradient descent on the 3-layer network, with each step exchangeable.

    Parameters
    ----------
    X : ndarray of shape (n_x, m)
    Y : ndarray of shape (1, m)
    layers_dims : sequence of int
        ``[n_x, n_1, n_2, 1]``.
    initialize : callable, optional
        ``initialize(layers_dims) -> parameters``; default :func:`initialize_parameters` (He,
        seed 3). Ignored when ``parameters`` is given.
    learning_rate : float, default 0.01
    num_iterations : int, default 15000
    forward : callable, optional
        ``forward(X, parameters) -> (A3, cache)``; default :func:`forward_propagation`.
    cost : callable, optional
        ``cost(A3, Y, parameters) -> float``; default the cross-entropy :func:`compute_cost`.
        It receives the parameters so that a regularized cost can use them.
    backward : callable, optional
        ``backward(X, Y, cache) -> grads``; default :func:`backward_propagation`.
    record_every : int, default 100
        Record the cost at iterations 0, record_every, 2 * record_every, ...
    print_every : int or None, default 1000
        Print the cost every ``print_every`` iterations (None: never).
    parameters : dict, optional
        Start from these parameters instead of calling ``initialize``.

    Returns
    -------
    parameters : dict
        The trained parameters.
    costs : list of float
        The recorded costs (plot them with ``dlcourse.curves.plot_costs(costs, every=...)``).
    """
    if parameters is None:
        parameters = (initialize or initialize_parameters)(layers_dims)
    forward = forward or forward_propagation
    backward = backward or backward_propagation
    if cost is None:
        def cost(A3, Y, parameters):
            return compute_cost(A3, Y)
    costs = []
    for i in range(num_iterations):
        A3, cache = forward(X, parameters)
        record = record_every and i % record_every == 0
        show = print_every and i % print_every == 0
        if record or show:
            J = float(cost(A3, Y, parameters))
            if record:
                costs.append(J)
            if show:
                print(f"Cost after iteration {i}: {J:.6f}")
        grads = backward(X, Y, cache)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs

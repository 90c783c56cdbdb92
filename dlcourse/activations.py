"""Activation functions and their backward passes, shared by the NumPy assignments.

Course 1 week 2 and week 3 ask the learner to write ``sigmoid``; from week 4 on these
ready-made versions are used so that later notebooks focus on their own topic.
Shapes follow the lectures: ``Z`` and ``A`` are ``(n_l, m)``.
"""

from __future__ import annotations

import numpy as np


def sigmoid(Z):
    """Elementwise logistic function.

    Arguments:
    Z -- numpy array of any shape

    Returns:
    A -- 1 / (1 + exp(-Z)), same shape as Z
    cache -- Z, kept for the backward pass
    """
    A = np.empty_like(Z, dtype=float)
    pos = Z >= 0  # two branches so that exp never overflows
    A[pos] = 1.0 / (1.0 + np.exp(-Z[pos]))
    ez = np.exp(Z[~pos])
    A[~pos] = ez / (1.0 + ez)
    return A, Z


def relu(Z):
    """Elementwise max(0, Z).

    Returns:
    A -- same shape as Z
    cache -- Z, kept for the backward pass
    """
    return np.maximum(0, Z), Z


def sigmoid_backward(dA, cache):
    """Backward pass of a sigmoid unit: dZ = dA * s * (1 - s) with s = sigmoid(Z).

    Arguments:
    dA -- gradient of the cost with respect to the activation, shape (n_l, m)
    cache -- Z from the forward pass, shape (n_l, m)

    Returns:
    dZ -- gradient of the cost with respect to Z, shape (n_l, m)
    """
    s, _ = sigmoid(cache)
    return dA * s * (1 - s)


def relu_backward(dA, cache):
    """Backward pass of a ReLU unit: dZ = dA where Z > 0, else 0.

    Arguments:
    dA -- gradient of the cost with respect to the activation, shape (n_l, m)
    cache -- Z from the forward pass, shape (n_l, m)

    Returns:
    dZ -- shape (n_l, m)
    """
    Z = cache
    return np.where(Z > 0, dA, 0.0)


def tanh_backward(dA, cache):
    """Backward pass of a tanh unit: dZ = dA * (1 - tanh(Z)^2)."""
    return dA * (1 - np.tanh(cache) ** 2)

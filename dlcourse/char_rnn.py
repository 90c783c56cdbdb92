"""The ready-made parts of the character-level language model of c5w1a2.

A basic RNN reads a name one character at a time and, at every step, predicts the next one.
With ``n_x = n_y = vocab_size`` (one-hot characters) and ``n_a`` hidden units:

.. math::

    a^{\\langle t \\rangle} = \\tanh(W_{ax} x^{\\langle t \\rangle}
        + W_{aa} a^{\\langle t-1 \\rangle} + b), \\qquad
    \\hat y^{\\langle t \\rangle} = \\mathrm{softmax}(W_{ya} a^{\\langle t \\rangle} + b_y),

and the loss of one name is :math:`-\\sum_t \\log \\hat y^{\\langle t \\rangle}_{Y[t]}`.

A training example is a pair of index lists ``X`` and ``Y`` of the same length ``T``:
``X[0]`` is ``None`` (the input of the first step is the zero vector) and ``X[t]``
(``t >= 1``) is the index of the ``t``-th character; ``Y[t]`` is the index of the character
to predict at step ``t`` (``Y[t] = X[t + 1]``, and the last target is the newline).

``parameters`` is a dictionary of NumPy arrays::

    Wax (n_a, n_x)   Waa (n_a, n_a)   Wya (n_y, n_a)   b (n_a, 1)   by (n_y, 1)

and ``gradients`` holds ``dWax, dWaa, dWya, db, dby`` of the same shapes (plus ``da_next``,
the gradient flowing into the hidden state of the step before, shape ``(n_a, 1)``).

The learner writes ``clip``, ``sample``, ``optimize`` and ``model`` in the notebook; this
module gives the forward and backward passes they use (the same ones as the lectures').
"""

from __future__ import annotations

import numpy as np

__all__ = [
    "softmax", "initialize_parameters", "rnn_step_forward", "rnn_forward",
    "rnn_step_backward", "rnn_backward", "update_parameters", "get_initial_loss", "smooth",
    "indices_to_text",
]


def softmax(z):
    """Softmax over the rows of a column vector (or over axis 0 of any array).

    Inputs:
    z -- array of shape (n_y, 1) (or (n_y, m))

    Returns:
    array of the same shape whose columns are positive and sum to 1
    """
    e = np.exp(z - np.max(z, axis=0, keepdims=True))
    return e / np.sum(e, axis=0, keepdims=True)


def initialize_parameters(n_a, n_x, n_y):
    """Small random weights (``np.random.seed(1)``, then ``randn * 0.01`` for ``Wax``, ``Waa``,
    ``Wya`` in this order) and zero biases.

    Inputs:
    n_a -- number of hidden units
    n_x -- size of an input vector (the vocabulary size)
    n_y -- size of an output vector (the vocabulary size)

    Returns:
    parameters -- dictionary with Wax (n_a, n_x), Waa (n_a, n_a), Wya (n_y, n_a), b (n_a, 1),
                  by (n_y, 1)
    """
    np.random.seed(1)
    Wax = np.random.randn(n_a, n_x) * 0.01
    Waa = np.random.randn(n_a, n_a) * 0.01
    Wya = np.random.randn(n_y, n_a) * 0.01
    return {"Wax": Wax, "Waa": Waa, "Wya": Wya, "b": np.zeros((n_a, 1)),
            "by": np.zeros((n_y, 1))}


def rnn_step_forward(parameters, a_prev, x):
    """One time step of the RNN.

    Inputs:
    parameters -- dictionary of the weights (see the module docstring)
    a_prev -- hidden state of the step before, shape (n_a, 1)
    x -- input of this step (a one-hot column or zeros), shape (n_x, 1)

    Returns:
    a_next -- hidden state of this step, shape (n_a, 1)
    p_t -- predicted probabilities of the next character, shape (n_y, 1)
    """
    Waa, Wax, Wya, by, b = (parameters[k] for k in ("Waa", "Wax", "Wya", "by", "b"))
    a_next = np.tanh(Wax @ x + Waa @ a_prev + b)
    p_t = softmax(Wya @ a_next + by)
    return a_next, p_t


def rnn_forward(X, Y, a0, parameters, vocab_size=None):
    """Run the RNN over one example and add up its loss.

    Inputs:
    X -- list of T input indices; X[0] is None (the zero vector), X[t] an index in
         range(vocab_size)
    Y -- list of T target indices
    a0 -- initial hidden state, shape (n_a, 1)
    parameters -- dictionary of the weights
    vocab_size -- n_x, the length of the one-hot inputs (None: the number of columns of Wax)

    Returns:
    loss -- float, -sum over t of log(y_hat[t][Y[t]])
    cache -- (y_hat, a, x): dictionaries indexed by the step t = 0 .. T - 1 holding the
             predictions (n_y, 1), hidden states (n_a, 1) and one-hot inputs (n_x, 1);
             a[-1] is a copy of a0
    """
    if vocab_size is None:
        vocab_size = parameters["Wax"].shape[1]
    x, a, y_hat = {}, {}, {}
    a[-1] = np.copy(a0)
    loss = 0.0
    for t in range(len(X)):
        x[t] = np.zeros((vocab_size, 1))
        if X[t] is not None:
            x[t][X[t]] = 1
        a[t], y_hat[t] = rnn_step_forward(parameters, a[t - 1], x[t])
        loss -= np.log(y_hat[t][Y[t], 0])
    return float(loss), (y_hat, a, x)


def rnn_step_backward(dy, gradients, parameters, x, a, a_prev):
    """Backward pass of one time step: add this step's share to every gradient.

    Inputs:
    dy -- gradient of the loss with respect to the softmax input z of this step,
          y_hat - one_hot(target), shape (n_y, 1)
    gradients -- dictionary of the gradients accumulated so far (dWax, dWaa, dWya, db, dby,
                 and da_next, the gradient reaching this step's hidden state from later steps)
    parameters -- dictionary of the weights
    x -- input of this step, shape (n_x, 1)
    a -- hidden state of this step, shape (n_a, 1)
    a_prev -- hidden state of the step before, shape (n_a, 1)

    Returns:
    gradients -- the same dictionary, updated in place; da_next now holds the gradient for
                 a_prev
    """
    gradients["dWya"] += dy @ a.T
    gradients["dby"] += dy
    da = parameters["Wya"].T @ dy + gradients["da_next"]
    dz = (1 - a * a) * da  # tanh'(u) = 1 - tanh(u)^2
    gradients["db"] += dz
    gradients["dWax"] += dz @ x.T
    gradients["dWaa"] += dz @ a_prev.T
    gradients["da_next"] = parameters["Waa"].T @ dz
    return gradients


def rnn_backward(X, Y, parameters, cache):
    """Backpropagation through time over one example.

    Inputs:
    X, Y -- the example's input and target index lists (as for rnn_forward)
    parameters -- dictionary of the weights
    cache -- the cache rnn_forward returned

    Returns:
    gradients -- new dictionary: dWax (n_a, n_x), dWaa (n_a, n_a), dWya (n_y, n_a),
                 db (n_a, 1), dby (n_y, 1) (gradients of the loss), and da_next (n_a, 1)
    a -- the hidden states of rnn_forward's cache (a dictionary indexed by t)
    """
    y_hat, a, x = cache
    gradients = {
        "dWax": np.zeros_like(parameters["Wax"]), "dWaa": np.zeros_like(parameters["Waa"]),
        "dWya": np.zeros_like(parameters["Wya"]), "db": np.zeros_like(parameters["b"]),
        "dby": np.zeros_like(parameters["by"]), "da_next": np.zeros_like(a[0]),
    }
    for t in reversed(range(len(X))):
        dy = np.copy(y_hat[t])
        dy[Y[t]] -= 1
        gradients = rnn_step_backward(dy, gradients, parameters, x[t], a[t], a[t - 1])
    return gradients, a


def update_parameters(parameters, gradients, lr):
    """One step of gradient descent, **in place**.

    Inputs:
    parameters -- dictionary of the weights; its arrays are changed in place
    gradients -- dictionary with dWax, dWaa, dWya, db, dby
    lr -- the learning rate

    Returns:
    parameters -- the same dictionary (its arrays now hold W - lr * dW)
    """
    for name in ("Wax", "Waa", "Wya", "b", "by"):
        parameters[name] -= lr * gradients["d" + name]
    return parameters


def get_initial_loss(vocab_size, seq_length):
    """The loss of a model that gives every character the probability 1 / vocab_size, over
    seq_length time steps: seq_length * log(vocab_size)."""
    return -np.log(1.0 / vocab_size) * seq_length


def smooth(loss, cur_loss):
    """Exponential moving average of the loss: 0.999 * loss + 0.001 * cur_loss."""
    return loss * 0.999 + cur_loss * 0.001


def indices_to_text(indices, ix_to_char):
    """The characters of a list of indices, as one string (the newline included).

    Inputs:
    indices -- list of integers, e.g. as sample returns
    ix_to_char -- dictionary index -> character

    Returns:
    str
    """
    return "".join(ix_to_char[int(i)] for i in indices)

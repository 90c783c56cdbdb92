"""dlcourse.char_rnn (the given parts of c5w1a2): the backward pass agrees with numerical
gradients, the forward pass with an independent computation, and the update is in place."""

import numpy as np

from dlcourse import char_rnn


def _params(rng, n_a, V):
    return {"Wax": rng.normal(size=(n_a, V)), "Waa": 0.8 * rng.normal(size=(n_a, n_a)),
            "Wya": rng.normal(size=(V, n_a)), "b": rng.normal(size=(n_a, 1)),
            "by": rng.normal(size=(V, 1))}


def test_rnn_forward_matches_an_independent_loop_and_infers_vocab_size():
    rng = np.random.default_rng(0)
    P = _params(rng, 4, 6)
    X, Y = [None, 2, 5, 1], [2, 5, 1, 0]
    a0 = rng.normal(size=(4, 1))
    loss, (y_hat, a, x) = char_rnn.rnn_forward(X, Y, a0, P)
    h, want = a0, 0.0
    for t in range(len(X)):
        xt = np.zeros((6, 1)) if X[t] is None else np.eye(6)[:, [X[t]]]
        h = np.tanh(P["Wax"] @ xt + P["Waa"] @ h + P["b"])
        z = P["Wya"] @ h + P["by"]
        want -= z[Y[t], 0] - np.log(np.exp(z).sum())
        np.testing.assert_allclose(a[t], h, rtol=1e-12)
    assert abs(loss - want) < 1e-10
    assert np.array_equal(a[-1], a0) and a[-1] is not a0


def test_rnn_backward_matches_numerical_gradients():
    rng = np.random.default_rng(1)
    P = _params(rng, 3, 5)
    X, Y = [None, 1, 4, 4, 2], [1, 4, 4, 2, 0]
    a0 = rng.normal(size=(3, 1))
    _, cache = char_rnn.rnn_forward(X, Y, a0, P)
    grads, _ = char_rnn.rnn_backward(X, Y, P, cache)
    eps = 1e-6
    for name, value in P.items():
        num = np.zeros_like(value)
        for idx in np.ndindex(value.shape):
            old = value[idx]
            value[idx] = old + eps
            plus = char_rnn.rnn_forward(X, Y, a0, P)[0]
            value[idx] = old - eps
            minus = char_rnn.rnn_forward(X, Y, a0, P)[0]
            value[idx] = old
            num[idx] = (plus - minus) / (2 * eps)
        np.testing.assert_allclose(grads["d" + name], num, rtol=1e-5, atol=1e-7)
    # da_next ends as the gradient with respect to a0
    num = np.zeros_like(a0)
    for i in range(3):
        d = np.zeros_like(a0)
        d[i] = eps
        num[i] = (char_rnn.rnn_forward(X, Y, a0 + d, P)[0]
                  - char_rnn.rnn_forward(X, Y, a0 - d, P)[0]) / (2 * eps)
    np.testing.assert_allclose(grads["da_next"], num, rtol=1e-5, atol=1e-7)


def test_update_is_in_place_and_initialization_is_seeded():
    P = char_rnn.initialize_parameters(4, 7, 7)
    np.random.seed(1)
    assert np.array_equal(P["Wax"], np.random.randn(4, 7) * 0.01)
    W = P["Wax"]
    G = {"d" + k: np.ones_like(v) for k, v in P.items()}
    out = char_rnn.update_parameters(P, G, 0.5)
    assert out is P and P["Wax"] is W
    np.testing.assert_allclose(P["by"], -0.5)
    assert abs(char_rnn.get_initial_loss(27, 7) - 7 * np.log(27)) < 1e-12
    assert char_rnn.indices_to_text([1, 2, 0], {0: "\n", 1: "a", 2: "b"}) == "ab\n"

"""Unit tests of the shared utilities: planar data, activations, decision-boundary plot."""

import numpy as np
import pytest

from dlcourse import activations, planar


@pytest.mark.parametrize("name", ["flower", "noisy_circles", "noisy_moons", "blobs",
                                  "gaussian_quantiles"])
def test_planar_sets_shapes_labels_and_determinism(name):
    def make(seed):
        if name == "flower":
            return planar.load_planar_dataset(seed=seed)
        return planar.load_extra_datasets(seed=seed)[name]

    X, Y = make(1)
    assert X.shape[0] == 2 and Y.shape == (1, X.shape[1])
    assert X.dtype == np.float64 and set(np.unique(Y)) == {0, 1}
    assert np.isfinite(X).all()
    assert 0.35 < Y.mean() < 0.65
    X2, Y2 = make(1)
    assert np.array_equal(X, X2) and np.array_equal(Y, Y2)
    X3, _ = make(2)
    assert not np.array_equal(X, X3)


def test_flower_is_not_linearly_separable_but_learnable():
    from sklearn.linear_model import LogisticRegression
    from sklearn.neighbors import KNeighborsClassifier

    X, Y = planar.load_planar_dataset()
    linear = LogisticRegression().fit(X.T, Y.ravel()).score(X.T, Y.ravel())
    local = KNeighborsClassifier(5).fit(X.T, Y.ravel()).score(X.T, Y.ravel())
    assert linear < 0.65 and local > 0.85, (linear, local)


def test_train_test_split_keeps_columns_together():
    X, Y = planar.load_planar_dataset(m=100)
    Xtr, Ytr, Xte, Yte = planar.train_test_split(X, Y, 0.3, seed=0)
    assert Xtr.shape == (2, 70) and Xte.shape == (2, 30) and Ytr.shape == (1, 70)
    both = np.hstack([Xtr, Xte])
    assert sorted(map(tuple, both.T)) == sorted(map(tuple, X.T))


def _numeric_derivative(f, Z, eps=1e-6):
    return (f(Z + eps) - f(Z - eps)) / (2 * eps)


def test_activation_backward_passes_match_numerical_derivatives():
    rng = np.random.default_rng(0)
    Z = rng.normal(0, 2, (3, 5))
    Z[np.abs(Z) < 1e-3] = 0.5  # keep away from the ReLU kink
    dA = rng.normal(size=Z.shape)
    for forward, backward in [(activations.sigmoid, activations.sigmoid_backward),
                              (activations.relu, activations.relu_backward)]:
        A, cache = forward(Z)
        assert A.shape == Z.shape and np.array_equal(cache, Z)
        expected = dA * _numeric_derivative(lambda z: forward(z)[0], Z)
        np.testing.assert_allclose(backward(dA, cache), expected, rtol=1e-6, atol=1e-9)
    expected = dA * _numeric_derivative(np.tanh, Z)
    np.testing.assert_allclose(activations.tanh_backward(dA, Z), expected, rtol=1e-6, atol=1e-9)


def test_sigmoid_is_stable_for_large_inputs():
    A, _ = activations.sigmoid(np.array([-1000.0, 0.0, 1000.0]))
    assert np.isfinite(A).all() and np.allclose(A, [0, 0.5, 1])


def test_decision_boundary_plot_colours_the_predicted_regions():
    import matplotlib

    matplotlib.use("Agg")
    from dlcourse.plots import plot_decision_boundary

    X, Y = planar.make_gaussian_quantiles(100)
    ax = plot_decision_boundary(lambda G: (G[0] > 0).astype(int), X, Y, title="x1 > 0")
    assert ax.get_title() == "x1 > 0"
    assert len(ax.collections) >= 2  # the filled regions and the points
    with pytest.raises(ValueError, match=r"shape \(2, m\)"):
        plot_decision_boundary(lambda G: G[0] > 0, X.T, Y)


def test_forward_backward_diagram_labels_the_blocks_caches_and_gradients():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from dlcourse.plots import forward_backward_diagram

    fig = forward_backward_diagram()
    texts = " | ".join(t.get_text() for t in fig.axes[0].texts)
    for label in ("LINEAR → RELU", "× (L − 1)", "LINEAR → SIGMOID", "(A_prev, W, b), Z",
                  "L_model_forward", "L_model_backward", "$dA^{[L-1]}$", "db^{[L]}",
                  "update_parameters"):
        assert label in texts, label
    assert len(fig.axes[0].patches) > 15  # the boxes and the arrows
    fig2, ax = plt.subplots()
    assert forward_backward_diagram(ax=ax) is fig2


def test_decision_boundaries_grid_draws_one_panel_per_classifier():
    import matplotlib

    matplotlib.use("Agg")
    from dlcourse.plots import plot_decision_boundaries

    X, Y = planar.make_gaussian_quantiles(60)
    panels = [(lambda G, k=k: (G[0] > k).astype(int), X, Y, f"x1 > {k}") for k in range(5)]
    fig, axes = plot_decision_boundaries(panels, ncols=3, size=2.0)
    assert axes.shape == (2, 3)
    assert [ax.get_title() for ax in axes.flat[:5]] == [f"x1 > {k}" for k in range(5)]
    assert all(len(ax.collections) >= 2 for ax in axes.flat[:5])  # regions and points
    assert not axes.flat[5].get_visible()
    _, single = plot_decision_boundaries(panels[:2], ncols=4)
    assert single.shape == (1, 2)
    with pytest.raises(ValueError, match="at least one panel"):
        plot_decision_boundaries([])
    import matplotlib.pyplot as plt

    plt.close("all")

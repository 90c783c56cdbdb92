"""Generated 2-D data sets (nothing to download): the "flower" and other planar sets.

Every generator is deterministic for a given ``seed`` and returns ``X`` of shape ``(2, m)``
and ``Y`` of shape ``(1, m)`` with labels 0/1, the lectures' layout (one column per example).
"""

from __future__ import annotations

import numpy as np


def _as_lecture_layout(X, y):
    return X.T.astype(np.float64), y.reshape(1, -1).astype(np.int64)


def load_planar_dataset(m: int = 400, petals: int = 4, noise: float = 0.2, seed: int = 1):
    """The "flower": ``petals`` petals whose colour alternates, not linearly separable.

    Half the points are red (0), half blue (1). Each class fills every other petal of a rose
    curve r = a·sin(petals·θ), plus Gaussian noise on the angle and the radius.

    Returns:
    X -- shape (2, m), float64
    Y -- shape (1, m), int64 in {0, 1}
    """
    rng = np.random.default_rng(seed)
    n = m // 2
    a = 4.0  # maximum petal radius
    X = np.zeros((m, 2))
    y = np.zeros(m, dtype=int)
    for label in (0, 1):
        idx = slice(n * label, n * (label + 1))
        # theta ranges over the petals of this colour; rose curve r = a sin(petals * theta)
        t = np.linspace(label * np.pi, (label + 1) * np.pi, n) + rng.normal(0, noise, n)
        r = a * np.sin(petals * t) + rng.normal(0, noise, n)
        X[idx] = np.c_[r * np.sin(t), r * np.cos(t)]
        y[idx] = label
    return _as_lecture_layout(X, y)


def make_circles(m: int = 300, factor: float = 0.5, noise: float = 0.08, seed: int = 1):
    """Two concentric noisy circles: inner circle label 1, outer label 0."""
    rng = np.random.default_rng(seed)
    n_out = m // 2
    n_in = m - n_out
    t_out = rng.uniform(0, 2 * np.pi, n_out)
    t_in = rng.uniform(0, 2 * np.pi, n_in)
    outer = np.c_[np.cos(t_out), np.sin(t_out)]
    inner = factor * np.c_[np.cos(t_in), np.sin(t_in)]
    X = np.r_[outer, inner] + rng.normal(0, noise, (m, 2))
    y = np.r_[np.zeros(n_out, int), np.ones(n_in, int)]
    order = rng.permutation(m)
    return _as_lecture_layout(X[order], y[order])


def make_moons(m: int = 300, noise: float = 0.2, seed: int = 1):
    """Two interleaving half moons (label 0 upper moon, label 1 lower moon)."""
    rng = np.random.default_rng(seed)
    n0 = m // 2
    n1 = m - n0
    t0 = rng.uniform(0, np.pi, n0)
    t1 = rng.uniform(0, np.pi, n1)
    upper = np.c_[np.cos(t0), np.sin(t0)]
    lower = np.c_[1 - np.cos(t1), 0.5 - np.sin(t1)]
    X = np.r_[upper, lower] + rng.normal(0, noise, (m, 2))
    y = np.r_[np.zeros(n0, int), np.ones(n1, int)]
    order = rng.permutation(m)
    return _as_lecture_layout(X[order], y[order])


def make_blobs(m: int = 200, centers: int = 6, spread: float = 0.6, seed: int = 1):
    """Gaussian blobs around ``centers`` random centres; labels alternate 0/1 by blob
    (so the two classes are unions of blobs: separable by a non-linear boundary)."""
    rng = np.random.default_rng(seed)
    C = rng.uniform(-4, 4, (centers, 2))
    which = rng.integers(0, centers, m)
    X = C[which] + rng.normal(0, spread, (m, 2))
    return _as_lecture_layout(X, which % 2)


def make_gaussian_quantiles(m: int = 200, seed: int = 1):
    """An isotropic Gaussian cloud split by radius at its median: inner 0, outer 1."""
    rng = np.random.default_rng(seed)
    X = rng.normal(0, 1, (m, 2))
    r = np.linalg.norm(X, axis=1)
    y = (r > np.median(r)).astype(int)
    return _as_lecture_layout(X, y)


def load_extra_datasets(m: int = 200, seed: int = 1) -> dict:
    """The other planar sets, by name: each a pair ``(X (2, m), Y (1, m))``."""
    return {
        "noisy_circles": make_circles(m, seed=seed),
        "noisy_moons": make_moons(m, seed=seed),
        "blobs": make_blobs(m, seed=seed),
        "gaussian_quantiles": make_gaussian_quantiles(m, seed=seed),
    }


def train_test_split(X, Y, test_fraction: float = 0.3, seed: int = 0):
    """Split columns (examples) into train and test, keeping the (n, m) layout."""
    m = X.shape[1]
    order = np.random.default_rng(seed).permutation(m)
    n_test = int(round(m * test_fraction))
    test, train = order[:n_test], order[n_test:]
    return X[:, train], Y[:, train], X[:, test], Y[:, test]

"""A small, noisy 2-D data set on which a large network overfits (Course 2, regularization).

The story: a winding river crosses a square field; plant species 1 grows on its north bank and
species 0 on its south bank. Volunteers recorded the species at random spots, and a fraction of
their records is wrong. A network with enough units learns the river from a few hundred records,
but if nothing stops it, it also learns every wrong record, drawing small islands around them
that do not exist in the field.

Defined in c2w1a2 (regularization).
"""

from __future__ import annotations

import numpy as np

__all__ = ["river_boundary", "make_overfit_dataset"]


def river_boundary(x1, amplitude: float = 0.4, frequency: float = 2.5):
    """The river's course: the height x2 of the bank at horizontal position x1.

    Parameters
    ----------
    x1 : float or ndarray of any shape
        Horizontal positions, in [-1, 1] on the field.
    amplitude, frequency : float
        The river is the curve ``x2 = amplitude * sin(frequency * x1)``.

    Returns
    -------
    x2 : ndarray of the shape of x1
    """
    return amplitude * np.sin(frequency * np.asarray(x1, dtype=float))


def make_overfit_dataset(m: int = 150, flip: float = 0.1, seed: int = 1):
    """Spots of the field with their (partly wrong) species label.

    Each of the ``m`` spots is drawn uniformly in the square [-1, 1] x [-1, 1]. Its true label
    is 1 north of the river (``x2 > river_boundary(x1)``) and 0 south of it; then each label is
    flipped, independently, with probability ``flip``, so even a perfect classifier is right
    on only about ``1 - flip`` of the examples.

    Parameters
    ----------
    m : int, default 150
        Number of examples.
    flip : float, default 0.1
        Probability that a recorded label is wrong (the label noise).
    seed : int, default 1
        Seed of the ``np.random.default_rng`` generator; the same seed gives the same set.
        Use different seeds for a training and a test set.

    Returns
    -------
    X : ndarray of shape (2, m), float64
        Row 0 is x1 (west to east), row 1 is x2 (south to north).
    Y : ndarray of shape (1, m), int64
        The recorded labels, 0 or 1.
    """
    if not 0 <= flip <= 0.5:
        raise ValueError(f"flip must be a probability between 0 and 0.5, got {flip}")
    rng = np.random.default_rng(seed)
    X = rng.uniform(-1.0, 1.0, size=(2, m))
    y = (X[1] > river_boundary(X[0])).astype(np.int64)
    wrong = rng.random(m) < flip
    y[wrong] = 1 - y[wrong]
    return X, y.reshape(1, m)

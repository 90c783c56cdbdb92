"""Training curves: the cost recorded during gradient descent.

Every assignment that trains a model records its cost every few iterations (course 1 records it
every 100) and plots it; one function draws one curve or several curves to compare.

Defined in c1w2a2 (logistic regression as a neural network); reused by later assignments.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import matplotlib.pyplot as plt
import numpy as np

__all__ = ["plot_costs"]


def _as_curve(costs, name: str) -> np.ndarray:
    try:
        values = np.array([float(np.squeeze(c)) for c in costs], dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"{name}: expected a sequence of numbers, got {costs!r:.80}") from None
    return values


def plot_costs(
    costs: Sequence[float] | Mapping[str, Sequence[float]],
    every: int = 100,
    ax: plt.Axes | None = None,
    title: str | None = None,
    ylabel: str = "cost",
    log_scale: bool = False,
) -> plt.Axes:
    """Plot cost curves recorded every ``every`` iterations.

    Parameters
    ----------
    costs : sequence of float, or mapping of str to sequence of float
        One curve: the costs recorded at iterations ``0, every, 2 * every, ...``. Several
        curves: a mapping from a legend label (e.g. ``"learning rate 0.01"``) to such a
        sequence; the curves may have different lengths. Entries may be Python floats, NumPy
        scalars or size-1 arrays.
    every : int, default 100
        Number of iterations between two recorded costs; sets the x axis.
    ax : matplotlib.axes.Axes, optional
        Axes to draw into; a new figure is created when omitted.
    title : str, optional
        The plot's title.
    ylabel : str, default "cost"
        The y-axis label.
    log_scale : bool, default False
        Use a logarithmic y axis (useful when the curves span orders of magnitude).

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn into.

    Examples
    --------
    >>> ax = plot_costs([0.69, 0.41, 0.30, 0.25], title="learning rate 0.005")
    >>> ax = plot_costs({"alpha = 0.01": [0.69, 0.2], "alpha = 0.001": [0.69, 0.5]})
    """
    if every <= 0:
        raise ValueError(f"every must be a positive number of iterations, got {every}")
    if ax is None:
        _, ax = plt.subplots(figsize=(6.4, 4.0))
    curves = costs.items() if isinstance(costs, Mapping) else [(None, costs)]
    for label, values in curves:
        y = _as_curve(values, label or "costs")
        x = np.arange(len(y)) * every
        ax.plot(x, y, marker="o" if len(y) <= 30 else None, markersize=3, label=label)
    ax.set_xlabel("iteration")
    ax.set_ylabel(ylabel)
    if log_scale:
        ax.set_yscale("log")
    if title:
        ax.set_title(title)
    if isinstance(costs, Mapping):
        ax.legend(frameon=False)
    ax.grid(alpha=0.3)
    return ax

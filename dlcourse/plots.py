"""Plotting helpers shared by the notebooks (matplotlib only).

The image functions (``show_image``, ``montage``) return the matplotlib ``Figure`` so tests can
inspect it and notebooks show it inline (Jupyter displays a returned figure; in a script call
``plt.show()`` or ``fig.savefig(...)``). ``plot_decision_boundary`` returns the ``Axes`` it drew
into, ``plot_decision_boundaries`` the figure and its grid of axes.
"""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import numpy as np

__all__ = ["montage", "show_image", "plot_decision_boundary", "plot_decision_boundaries",
           "forward_backward_diagram"]


def _as_displayable(image: np.ndarray) -> np.ndarray:
    """Return ``image`` in a form ``imshow`` accepts without rescaling surprises.

    Accepts (h, w), (h, w, 1), (h, w, 3) or (h, w, 4); uint8 in [0, 255] or floats
    in [0, 1]. Floats are clipped to [0, 1].
    """
    image = np.asarray(image)
    if image.ndim == 3 and image.shape[-1] == 1:
        image = image[..., 0]
    if image.ndim not in (2, 3) or (image.ndim == 3 and image.shape[-1] not in (3, 4)):
        raise ValueError(f"expected an image of shape (h, w), (h, w, 3) or (h, w, 4), "
                         f"got {image.shape}")
    if image.dtype != np.uint8:
        image = np.clip(image.astype(np.float64), 0.0, 1.0)
    return image


def _label_text(label, classes) -> str:
    """Class name of ``label`` (an int, a 0-d/1-element array, or a name)."""
    value = np.asarray(label).reshape(-1)[0] if np.ndim(label) else label
    if classes is not None and isinstance(value, (int, np.integer)):
        name = classes[int(value)]
        return name.decode() if isinstance(name, bytes) else str(name)
    return value.decode() if isinstance(value, bytes) else str(value)


def show_image(image, title=None, size=3.0):
    """Show one image.

    Parameters
    ----------
    image : ndarray, shape (h, w, 3) or (h, w)
        uint8 values in [0, 255] or floats in [0, 1].
    title : str, optional
        Shown above the image.
    size : float
        Figure width and height in inches.

    Returns
    -------
    matplotlib.figure.Figure
    """
    fig, ax = plt.subplots(figsize=(size, size))
    img = _as_displayable(image)
    ax.imshow(img, cmap="gray" if img.ndim == 2 else None, interpolation="nearest")
    ax.set_axis_off()
    if title is not None:
        ax.set_title(str(title))
    fig.tight_layout()
    return fig


def montage(images, labels=None, classes=None, ncols=8, size=1.4, title=None):
    """Show a grid of images, each titled with its class name.

    Parameters
    ----------
    images : ndarray, shape (m, h, w, 3) or (m, h, w)
        uint8 in [0, 255] or floats in [0, 1]. Pass a slice (``x[:32]``) for big sets.
    labels : array-like, shape (m,) or (1, m), optional
        Integer labels (or names) of the images; the lecture shape (1, m) is accepted.
    classes : array-like of str, optional
        ``classes[label]`` is the name shown; without it the label itself is shown.
    ncols : int
        Number of columns of the grid.
    size : float
        Width and height of one cell in inches.
    title : str, optional
        Title of the whole figure.

    Returns
    -------
    matplotlib.figure.Figure
    """
    images = np.asarray(images)
    m = len(images)
    if m == 0:
        raise ValueError("montage() needs at least one image")
    if labels is not None:
        labels = np.asarray(labels).reshape(-1)
        if len(labels) != m:
            raise ValueError(f"got {m} images but {len(labels)} labels")
    ncols = max(1, min(ncols, m))
    nrows = math.ceil(m / ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(ncols * size, nrows * size * 1.1),
                             squeeze=False)
    for k, ax in enumerate(axes.flat):
        ax.set_axis_off()
        if k >= m:
            continue
        img = _as_displayable(images[k])
        ax.imshow(img, cmap="gray" if img.ndim == 2 else None, interpolation="nearest")
        if labels is not None:
            ax.set_title(_label_text(labels[k], classes), fontsize=8)
    if title is not None:
        fig.suptitle(str(title))
    fig.tight_layout()
    return fig


def plot_decision_boundary(predict, X, Y, ax=None, title=None, resolution=300, pad=0.5):
    """Draw the regions a classifier assigns to each class, with the points on top.

    Parameters
    ----------
    predict : callable
        Maps an array of shape (2, k) (one column per point) to labels of shape (1, k) or (k,).
    X : ndarray, shape (2, m)
        The points, one column per example (the lectures' layout).
    Y : ndarray, shape (1, m) or (m,)
        Their labels 0/1.
    ax : matplotlib Axes, optional
        Where to draw (a new figure when omitted).
    title : str, optional
    resolution : int
        Grid points along each axis.
    pad : float
        Margin around the data.

    Returns
    -------
    matplotlib.axes.Axes
    """
    X = np.asarray(X, dtype=float)
    y = np.asarray(Y).reshape(-1)
    if X.ndim != 2 or X.shape[0] != 2:
        raise ValueError(f"X must have shape (2, m), got {X.shape}")
    if y.size != X.shape[1]:
        raise ValueError(f"Y has {y.size} labels for {X.shape[1]} points")
    if ax is None:
        _, ax = plt.subplots(figsize=(4.5, 4))
    x0 = np.linspace(X[0].min() - pad, X[0].max() + pad, resolution)
    x1 = np.linspace(X[1].min() - pad, X[1].max() + pad, resolution)
    g0, g1 = np.meshgrid(x0, x1)
    grid = np.vstack([g0.ravel(), g1.ravel()])
    Z = np.asarray(predict(grid)).reshape(g0.shape)
    from matplotlib.colors import ListedColormap

    regions = ListedColormap(["#fbb4ae", "#b3cde3"])  # light red = class 0, light blue = 1
    points = ListedColormap(["#d7301f", "#2b8cbe"])
    ax.contourf(g0, g1, Z, levels=[-0.5, 0.5, 1.5], cmap=regions)
    ax.scatter(X[0], X[1], c=y, cmap=points, vmin=0, vmax=1, s=14, edgecolors="k",
               linewidths=0.3)
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    if title:
        ax.set_title(title)
    return ax


def forward_backward_diagram(ax=None):
    """Draw the forward and backward passes of an L-layer network, with the caches between them.

    The picture of c1w4a1 (deep neural network, step by step): the top row is the forward pass
    ``L_model_forward`` (LINEAR → RELU repeated L − 1 times, then LINEAR → SIGMOID), the bottom
    row the backward pass ``L_model_backward`` from right to left. Each forward block stores its
    cache ``((A_prev, W, b), Z)``, which the backward block of the same layer reads; the backward
    blocks pass ``dA`` to the left and hand ``dW``, ``db`` to the update.

    Parameters
    ----------
    ax : matplotlib Axes, optional
        Where to draw (a new 12 × 6.4 inch figure when omitted). The axes are turned off.

    Returns
    -------
    matplotlib.figure.Figure
        The figure drawn on.
    """
    from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

    if ax is None:
        fig, ax = plt.subplots(figsize=(12, 6.4))
    else:
        fig = ax.figure
    ax.set_xlim(0, 16)
    ax.set_ylim(-0.35, 8.2)
    ax.set_axis_off()
    fwd, bwd, cache_col = "#c6dbef", "#fcbba1", "#e5e5e5"

    def box(x, y, w, h, text, color, size=10, stack=0, weight="normal"):
        for k in range(stack, 0, -1):  # shadow copies behind: a block that repeats
            ax.add_patch(FancyBboxPatch((x - w / 2 + 0.12 * k, y - h / 2 + 0.12 * k), w, h,
                                        boxstyle="round,pad=0.05", fc=color, ec="0.35",
                                        lw=0.8, alpha=0.6))
        ax.add_patch(FancyBboxPatch((x - w / 2, y - h / 2), w, h, boxstyle="round,pad=0.05",
                                    fc=color, ec="0.2", lw=1.2))
        ax.text(x, y, text, ha="center", va="center", fontsize=size, weight=weight)

    def arrow(p, q, text=None, color="0.15", side=0.22, style="-|>", ls="-", size=10):
        ax.add_patch(FancyArrowPatch(p, q, arrowstyle=style, mutation_scale=14, lw=1.4,
                                     color=color, linestyle=ls, shrinkA=2, shrinkB=2))
        if text:
            ax.text((p[0] + q[0]) / 2, (p[1] + q[1]) / 2 + side, text, ha="center",
                    va="bottom" if side >= 0 else "top", fontsize=size, color=color)

    y_f, y_c, y_b, y_g = 6.3, 4.05, 1.8, 0.1
    x_relu, x_sig, x_cost = 5.0, 10.2, 14.3
    # Forward row.
    ax.text(0.1, 7.75, "forward: L_model_forward", fontsize=11, weight="bold", color="#08519c")
    box(0.85, y_f, 1.3, 0.8, "$X = A^{[0]}$", "white")
    box(x_relu, y_f, 3.3, 1.1, "LINEAR → RELU\nlayer $l = 1, \\dots, L-1$", fwd, stack=2,
        weight="bold")
    ax.text(x_relu, y_f + 1.0, "× (L − 1)", ha="center", fontsize=12, weight="bold",
            color="#08519c")
    box(x_sig, y_f, 3.3, 1.1, "LINEAR → SIGMOID\nlayer $L$", fwd, weight="bold")
    box(x_cost, y_f, 2.3, 1.1, "cost\n$J(A^{[L]}, Y)$", "white")
    arrow((1.5, y_f), (x_relu - 1.7, y_f), "$A^{[l-1]}$", color="#08519c")
    arrow((x_relu + 1.95, y_f), (x_sig - 1.7, y_f), "$A^{[L-1]}$", color="#08519c")
    arrow((x_sig + 1.7, y_f), (x_cost - 1.2, y_f), "$A^{[L]} = \\hat{Y}$", color="#08519c")
    ax.text(x_sig, 7.75, "each layer: $Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]}$,  "
            "$A^{[l]} = g(Z^{[l]})$", ha="center", fontsize=10, color="#08519c")
    # Caches between the rows.
    for x, l in ((x_relu, "l"), (x_sig, "L")):
        box(x, y_c, 3.6, 1.05, f"cache of layer ${l}$:\n"
            f"$((A^{{[{l}-1]}}, W^{{[{l}]}}, b^{{[{l}]}}),\\ Z^{{[{l}]}})$\n"
            "= ((A_prev, W, b), Z)", cache_col, size=9)
        arrow((x, y_f - 0.6), (x, y_c + 0.58), "stored", color="0.3", side=0, ls="--",
              size=8)
        arrow((x, y_c - 0.58), (x, y_b + 0.6), "read", color="0.3", side=0, ls="--", size=8)
    ax.text(0.1, y_c, "the caches carry the\nlinear cache (A_prev, W, b)\nand the "
            "activation cache Z\nfrom forward to backward", fontsize=8.5, va="center",
            color="0.3")
    # Backward row.
    ax.text(0.1, 2.95, "backward: L_model_backward", fontsize=11, weight="bold",
            color="#a50f15")
    box(0.85, y_b, 1.3, 0.8, "$dA^{[0]}$", "white")
    box(x_relu, y_b, 3.3, 1.1, "RELU → LINEAR\nbackward, $l = L-1, \\dots, 1$", bwd, stack=2,
        weight="bold")
    box(x_sig, y_b, 3.3, 1.1, "SIGMOID → LINEAR\nbackward, layer $L$", bwd, weight="bold")
    box(x_cost, y_b, 2.3, 1.1, "$dA^{[L]} = \\partial\\mathcal{L}/\\partial A^{[L]}$",
        "white", size=9)
    arrow((x_cost, y_f - 0.6), (x_cost, y_b + 0.6), None, color="#a50f15")
    arrow((x_cost - 1.2, y_b), (x_sig + 1.7, y_b), "$dA^{[L]}$", color="#a50f15")
    arrow((x_sig - 1.7, y_b), (x_relu + 1.95, y_b), "$dA^{[L-1]}$", color="#a50f15")
    arrow((x_relu - 1.7, y_b), (1.5, y_b), "$dA^{[l-1]}$", color="#a50f15")
    # Gradients out of each backward block.
    for x, l in ((x_relu, "l"), (x_sig, "L")):
        arrow((x, y_b - 0.6), (x, y_g + 0.3), None, color="#a50f15")
        ax.text(x + 0.15, y_g + 0.05, f"$dW^{{[{l}]}},\\ db^{{[{l}]}}$  → update_parameters",
                ha="left", va="center", fontsize=9.5, color="#a50f15")
    return fig


def plot_decision_boundaries(panels, ncols=4, size=4.0):
    """Draw several decision boundaries in a grid, one panel per classifier.

    Used to compare classifiers side by side (c1w3a1: networks with different hidden-layer
    sizes; logistic regression against a network on several data sets).

    Parameters
    ----------
    panels : sequence of (predict, X, Y, title)
        One panel each, filled row by row. ``predict`` maps an array of shape (2, k) to labels
        of shape (1, k) or (k,); ``X`` has shape (2, m), ``Y`` shape (1, m) or (m,) (0/1
        labels); ``title`` is a str. See :func:`plot_decision_boundary`.
    ncols : int
        Panels per row; the grid has ``ceil(len(panels) / ncols)`` rows.
    size : float
        Width and height of one panel in inches.

    Returns
    -------
    fig : matplotlib.figure.Figure
    axes : numpy.ndarray of matplotlib Axes, shape (nrows, ncols)
        The panels; grid cells beyond ``len(panels)`` are hidden.
    """
    panels = list(panels)
    if not panels:
        raise ValueError("plot_decision_boundaries() needs at least one panel")
    ncols = max(1, min(ncols, len(panels)))
    nrows = math.ceil(len(panels) / ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(ncols * size, nrows * size), squeeze=False)
    for ax in axes.flat[len(panels):]:
        ax.set_visible(False)
    for ax, (predict, X, Y, title) in zip(axes.flat, panels):
        plot_decision_boundary(predict, X, Y, ax=ax, title=title)
    fig.tight_layout()
    return fig, axes

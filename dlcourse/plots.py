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

__all__ = ["montage", "show_image", "plot_decision_boundary", "plot_decision_boundaries"]


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

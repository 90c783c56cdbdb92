"""Ready-made pieces for gradient checking: parameters dictionaries <-> one column vector.

Gradient checking perturbs the parameters one number at a time, which is easiest when all of
them sit in a single column vector ``theta``. These helpers do the bookkeeping, so that the
notebook's exercise is the check itself:

>>> parameters = {"W1": np.ones((2, 3)), "b1": np.zeros((2, 1))}
>>> theta, layout = dictionary_to_vector(parameters)
>>> theta.shape
(8, 1)
>>> layout
[('W1', (2, 3)), ('b1', (2, 1))]
>>> vector_to_dictionary(theta, layout)["W1"].shape
(2, 3)

The *layout* (each parameter's name and shape, in order) is what ties the three functions
together: ``gradients_to_vector(gradients, layout)`` stacks ``gradients["dW1"]``,
``gradients["db1"]``, ... in the same order as ``dictionary_to_vector`` stacked ``W1``,
``b1``, ..., so entry ``i`` of both vectors refers to the same parameter.

Defined in c2w1a3 (gradient checking).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import numpy as np

__all__ = [
    "dictionary_to_vector",
    "vector_to_dictionary",
    "gradients_to_vector",
    "report_difference",
]

#: A parameter layout: each parameter's name and shape, in stacking order.
Layout = list[tuple[str, tuple[int, ...]]]


def dictionary_to_vector(
    parameters: Mapping[str, np.ndarray], keys: Iterable[str] | None = None
) -> tuple[np.ndarray, Layout]:
    """Stack every array of ``parameters`` into one column vector.

    Parameters
    ----------
    parameters : dict of str to numpy.ndarray
        E.g. ``{"W1": (n_1, n_x), "b1": (n_1, 1), "W2": ..., ...}``.
    keys : iterable of str, optional
        The names to stack, in order; by default every key in the dictionary's order.

    Returns
    -------
    theta : numpy.ndarray of shape (n, 1), float64
        The flattened parameters (each array in NumPy's row-major order), one after the
        other; ``n`` is the total number of entries. A new array: changing it never changes
        ``parameters``.
    layout : list of (str, tuple)
        Each stacked parameter's name and shape, in order; pass it to
        :func:`vector_to_dictionary` and :func:`gradients_to_vector`.
    """
    keys = list(parameters) if keys is None else list(keys)
    if not keys:
        raise ValueError("dictionary_to_vector: there are no parameters to stack")
    layout = [(k, tuple(np.shape(parameters[k]))) for k in keys]
    pieces = [np.asarray(parameters[k], dtype=np.float64).reshape(-1, 1) for k in keys]
    return np.concatenate(pieces, axis=0), layout


def vector_to_dictionary(theta: np.ndarray, layout: Sequence[tuple[str, tuple[int, ...]]]):
    """The inverse of :func:`dictionary_to_vector`: cut ``theta`` back into named arrays.

    Parameters
    ----------
    theta : numpy.ndarray of shape (n, 1) or (n,)
        A vector laid out as ``layout`` describes.
    layout : list of (str, tuple)
        The layout returned by :func:`dictionary_to_vector`.

    Returns
    -------
    parameters : dict of str to numpy.ndarray
        One array per name, of the shape the layout gives. The arrays are copies, so changing
        ``theta`` later does not change them.
    """
    flat = np.asarray(theta, dtype=np.float64).reshape(-1)
    sizes = [int(np.prod(shape)) for _, shape in layout]
    if flat.size != sum(sizes):
        raise ValueError(
            f"vector_to_dictionary: theta has {flat.size} entries but the layout describes "
            f"{sum(sizes)}"
        )
    out, start = {}, 0
    for (name, shape), size in zip(layout, sizes):
        out[name] = flat[start:start + size].reshape(shape).copy()
        start += size
    return out


def gradients_to_vector(
    gradients: Mapping[str, np.ndarray], layout: Sequence[tuple[str, tuple[int, ...]]]
) -> np.ndarray:
    """Stack the gradients ``"d" + name`` in the order of ``layout``.

    Parameters
    ----------
    gradients : dict of str to numpy.ndarray
        Must hold ``"dW1"``, ``"db1"``, ... for every name of the layout; other entries (such
        as ``"dZ1"`` or ``"dA1"``) are ignored.
    layout : list of (str, tuple)
        The layout returned by :func:`dictionary_to_vector` for the parameters.

    Returns
    -------
    grad : numpy.ndarray of shape (n, 1), float64
        Entry ``i`` is the derivative of the cost with respect to entry ``i`` of ``theta``.
    """
    pieces = []
    for name, shape in layout:
        key = "d" + name
        if key not in gradients:
            raise KeyError(f"gradients_to_vector: gradients has no entry {key!r}")
        g = np.asarray(gradients[key], dtype=np.float64)
        if g.shape != tuple(shape):
            raise ValueError(
                f"gradients_to_vector: gradients[{key!r}] has shape {g.shape}; expected "
                f"{tuple(shape)}, the shape of {name}"
            )
        pieces.append(g.reshape(-1, 1))
    return np.concatenate(pieces, axis=0)


def report_difference(difference: float, threshold: float = 2e-7) -> None:
    """Print whether a gradient check passed: green below ``threshold``, red above it."""
    difference = float(np.squeeze(difference))
    if difference > threshold:
        print(f"\033[91mThe backward propagation looks wrong: difference = {difference:.3g} "
              f"(more than {threshold:g})\033[0m")
    else:
        print(f"\033[92mThe backward propagation agrees with the numerical gradient: "
              f"difference = {difference:.3g} (below {threshold:g})\033[0m")

"""Layer-by-layer checks of Keras models whose layers are shared across time steps (c5w1a3).

A recurrent model written as a loop (``for t in range(Tx): ... LSTM_cell(x, initial_state=...)``)
has few layers, each *called* many times. A model is described by rows, one per layer of
``model.layers``::

    ("LSTM", [(None, 64), (None, 64), (None, 64)], 37888, 30)

that is ``(layer type, output shape, number of parameters, number of calls inside the model)``.
:func:`check_model_structure` compares a model with such rows and raises
:class:`dlcourse.testing.CheckFailed` naming the first difference, e.g.::

    djmodel(...): model has 35 layers; expected 6 (30 LSTM layers, expected 1: a new layer
    created at each step instead of reusing the one passed in?)
    djmodel(...): layer 4 (LSTM) is called 1 time inside the model; expected 30

The slice ``X[:, t, :]`` of a Keras 3 functional graph is an operation (``GetItem``), not a
layer: it does not appear in ``model.layers`` and is not counted.

(c4w1a2's ``dlcourse.kerascheck`` checks models without shared layers; the two may be merged.)
"""

from __future__ import annotations

from .testing import CheckFailed

__all__ = ["layer_rows", "check_model_structure"]

_MISSING_HINTS = {
    "Reshape": "x_t not passed through reshaper?",
    "LSTM": "no LSTM_cell call?",
    "Dense": "no densor call: the outputs taken from another layer?",
    "InputLayer": "an Input missing from the model's inputs?",
}


def _fail(message: str) -> None:
    __tracebackhide__ = True
    raise CheckFailed(message) from None


def _shape(x):
    if isinstance(x, (list, tuple)):
        return [_shape(v) for v in x]
    return tuple(None if d is None else int(d) for d in x.shape)


def _calls(model) -> dict:
    """Layer name -> number of times the layer is called inside ``model``."""
    try:
        layers = model.get_config()["layers"]
        return {row["name"]: len(row.get("inbound_nodes") or []) for row in layers}
    except Exception:  # a layer that cannot be serialized: count the nodes instead
        return {layer.name: len(getattr(layer, "_inbound_nodes", [])) for layer in model.layers}


def layer_rows(model, ignore=()):
    """``(type, output shape, params, calls)`` of each layer of ``model`` (types in ``ignore``
    left out)."""
    calls = _calls(model)
    rows = []
    for layer in model.layers:
        kind = type(layer).__name__
        if kind in ignore:
            continue
        try:
            shape = _shape(layer.output)
        except Exception:
            shape = None
        rows.append((kind, shape, int(layer.count_params()), calls.get(layer.name, 0)))
    return rows


def _count(rows):
    counts: dict = {}
    for row in rows:
        counts[row[0]] = counts.get(row[0], 0) + 1
    return counts


def _fmt_shape(shape):
    if isinstance(shape, list):
        return "[" + ", ".join(_fmt_shape(s) for s in shape) + "]"
    return str(shape)


def check_model_structure(model, expected_rows, name: str = "model", ignore=()):
    """Compare ``model`` with ``expected_rows`` (see the module docstring), first the number of
    layers of each type, then each layer's output shape, parameter count and number of calls.
    Layer types in ``ignore`` (e.g. parameter-free ``RepeatVector``) are left out of both."""
    __tracebackhide__ = True
    if not hasattr(model, "layers") or not hasattr(model, "count_params"):
        _fail(f"{name} returned a {type(model).__name__}; expected a Keras Model "
              "(tf.keras.Model(inputs=..., outputs=...))")
    got = layer_rows(model, ignore)
    expected = [tuple(r) for r in expected_rows if r[0] not in ignore]
    got_n, want_n = _count(got), _count(expected)
    if got_n != want_n:
        causes = []
        for kind in sorted(set(got_n) | set(want_n)):
            g, w = got_n.get(kind, 0), want_n.get(kind, 0)
            if g > w:
                extra = (": a new layer created at each step instead of reusing the one "
                         "passed in?" if w == 1 and g > 2 else ": an extra layer?")
                causes.append(f"{g} {kind} layers, expected {w}{extra}")
            elif g < w:
                causes.append(f"{g} {kind} layers, expected {w}: "
                              f"{_MISSING_HINTS.get(kind, 'a layer missing?')}")
        _fail(f"{name}: model has {len(got)} layers; expected {len(expected)} "
              f"({'; '.join(causes)})")
    # compare layers of each type in their order in model.layers (Inputs sorted by shape)
    index = {}
    for i, row in enumerate(got):
        index.setdefault(row[0], []).append((i, row))
    wanted = {}
    for row in expected:
        wanted.setdefault(row[0], []).append(row)
    if "InputLayer" in index:
        index["InputLayer"].sort(key=lambda ir: str(ir[1][1]))
        wanted["InputLayer"].sort(key=lambda r: str(r[1]))
    problems = []
    for kind, pairs in index.items():
        for (i, g), w in zip(pairs, wanted[kind]):
            label = f"layer {i} ({kind})"
            if g[1] != w[1]:
                problems.append((i, f"{name}: {label} has output shape {_fmt_shape(g[1])}; "
                                    f"expected {_fmt_shape(w[1])}"))
            elif g[2] != w[2]:
                problems.append((i, f"{name}: {label} has {g[2]} parameters; expected {w[2]}"))
            elif w[3] is not None and g[3] != w[3]:
                tail = ""
                if w[3] > 1:
                    tail = (" (the same layer object must be called at each of the "
                            f"{w[3]} time steps)")
                problems.append((i, f"{name}: {label} is called {g[3]} time"
                                    f"{'s' if g[3] != 1 else ''} inside the model; "
                                    f"expected {w[3]}{tail}"))
    if problems:
        _fail(min(problems)[1])
    return model

"""Checks of Keras models, layer by layer, with messages that name the first difference.

Used by the course-4 notebooks (first in c4w1a2). A model is described as a list of rows, one
per layer (the ``InputLayer`` of a Functional model is left out, as ``model.summary()`` does for
a Sequential one)::

    ("Conv2D", (None, 64, 64, 32), 4736, {"filters": 32, "kernel_size": (7, 7),
                                          "strides": (1, 1), "padding": "valid"})

that is ``(layer type, output shape, number of parameters, settings)``; the settings dict is
optional and only the settings it names are compared. :func:`check_model_structure` compares a
model with such rows and raises :class:`dlcourse.testing.CheckFailed` with messages like::

    happyModel(): layer 2 (Conv2D): kernel_size (3, 3); expected (7, 7)
    happyModel(): model has 6 layers; expected 7 (layer 4, a ReLU, is missing?)

:func:`check_layer_table` checks a learner's own prediction of the ``(type, output shape,
params)`` rows, with hints such as "the biases left out?". :func:`describe_model` gives the rows
of a model, :func:`quietly` builds a model with Python warnings silenced (a Keras warning on
stderr costs an nbgrader test cell its points).

A model whose layers are *shared* across time steps (c5w1a3: one ``LSTM_cell`` called at each
of ``Tx`` steps) is described by ``(type, output shape, params, calls)`` rows instead
(:func:`call_rows`), and :func:`check_shared_layers` compares the number of layers of each type,
then each layer's output shape, parameters and number of calls, e.g.::

    djmodel(...): model has 35 layers; expected 6 (30 LSTM layers, expected 1: a new layer
    created at each step instead of reusing the one passed in?)
    djmodel(...): layer 4 (LSTM) is called 1 time inside the model; expected 30

TensorFlow is imported only when a function needs it.
"""

from __future__ import annotations

import contextlib
import io
import warnings

from .testing import CheckFailed

__all__ = [
    "describe_model",
    "layer_type",
    "layer_settings",
    "check_model_structure",
    "check_layer_table",
    "format_rows",
    "quietly",
    "call_rows",
    "check_shared_layers",
]

_TUPLE_SETTINGS = ("kernel_size", "strides", "pool_size", "dilation_rate", "size")
_ALIASES = {
    "MaxPool2D": "MaxPooling2D",
    "AvgPool2D": "AveragePooling2D",
    "MaxPool1D": "MaxPooling1D",
    "Convolution2D": "Conv2D",
    "GlobalMaxPool2D": "GlobalMaxPooling2D",
    "GlobalAvgPool2D": "GlobalAveragePooling2D",
}


def _fail(message: str) -> None:
    __tracebackhide__ = True
    raise CheckFailed(message) from None


@contextlib.contextmanager
def _silenced():
    """No Python warnings, no absl/TF log lines while inside (they go to stderr)."""
    import logging

    loggers = [logging.getLogger(n) for n in ("tensorflow", "absl", "keras")]
    levels = [lg.level for lg in loggers]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for lg in loggers:
            lg.setLevel(logging.ERROR)
        try:
            yield
        finally:
            for lg, lv in zip(loggers, levels):
                lg.setLevel(lv)


def quietly(build, *args, **kwargs):
    """Call ``build(*args, **kwargs)`` with warnings and TensorFlow log lines silenced.

    Passing ``input_shape=`` to a layer works in Keras 3 but warns on stderr; a test cell calls
    the learner's builder through this so a correct model never loses points for a warning.
    Whatever the builder writes to ``sys.stderr`` is dropped as well; stdout is kept.
    """
    with _silenced(), contextlib.redirect_stderr(io.StringIO()):
        result = build(*args, **kwargs)
    return result


def layer_type(layer) -> str:
    """The layer's class name, with aliases unified; ``Activation("relu")`` counts as ``ReLU``."""
    name = type(layer).__name__
    name = _ALIASES.get(name, name)
    if name == "Activation":
        act = _activation_name(getattr(layer, "activation", None))
        if act == "relu":
            return "ReLU"
    return name


def _activation_name(act) -> str | None:
    if act is None:
        return None
    if isinstance(act, str):
        return act.lower()
    name = getattr(act, "__name__", None) or type(act).__name__
    return str(name).lower()


def _as_tuple(value, n: int | None = None):
    if value is None:
        return None
    if isinstance(value, int):
        return (value,) * (n or 1)
    return tuple(int(v) if isinstance(v, int) else v for v in value)


def _normalize_axis(axis, rank: int | None):
    if isinstance(axis, (list, tuple)):
        return tuple(_normalize_axis(a, rank) for a in axis) if len(axis) != 1 else \
            _normalize_axis(axis[0], rank)
    axis = int(axis)
    if axis < 0 and rank is not None:
        axis += rank
    return axis


def _rank_of_input(layer) -> int | None:
    try:
        return len(layer.input.shape)
    except Exception:
        return None


def layer_settings(layer) -> dict:
    """The settings the course checks, normalized (tuples, lower-case names, positive axes)."""
    config = layer.get_config()
    t = layer_type(layer)
    keys = {
        "Conv1D": ("filters", "kernel_size", "strides", "padding", "activation"),
        "Conv2D": ("filters", "kernel_size", "strides", "padding", "activation"),
        "Conv3D": ("filters", "kernel_size", "strides", "padding", "activation"),
        "Conv2DTranspose": ("filters", "kernel_size", "strides", "padding", "activation"),
        "DepthwiseConv2D": ("kernel_size", "strides", "padding", "activation"),
        "SeparableConv2D": ("filters", "kernel_size", "strides", "padding", "activation"),
        "Dense": ("units", "activation"),
        "MaxPooling1D": ("pool_size", "strides", "padding"),
        "MaxPooling2D": ("pool_size", "strides", "padding"),
        "AveragePooling2D": ("pool_size", "strides", "padding"),
        "ZeroPadding2D": ("padding",),
        "UpSampling2D": ("size",),
        "BatchNormalization": ("axis",),
        "Dropout": ("rate",),
        "Activation": ("activation",),
        "ReLU": ("max_value", "negative_slope", "threshold"),
        "Concatenate": ("axis",),
    }.get(t, ())
    if t == "ReLU" and type(layer).__name__ == "Activation":
        return {"max_value": None, "negative_slope": 0.0, "threshold": 0.0}  # a plain ReLU
    settings = {}
    for key in keys:
        value = config.get(key)
        if key in _TUPLE_SETTINGS:
            value = _as_tuple(value)
        elif key == "activation":
            value = _activation_name(value)
        elif key == "padding" and isinstance(value, str):
            value = value.lower()
        elif key == "padding":
            value = tuple(_as_tuple(v, 2) for v in value)
        elif key == "axis":
            value = _normalize_axis(value, _rank_of_input(layer))
        settings[key] = value
    if "pool_size" in settings and settings.get("strides") is None:
        settings["strides"] = settings["pool_size"]
    return settings


def _output_shape(layer):
    try:
        return tuple(layer.output.shape)
    except Exception:
        return None


def _layers(model, with_input: bool = False) -> list:
    return [layer for layer in model.layers
            if with_input or type(layer).__name__ != "InputLayer"]


def describe_model(model) -> list[tuple]:
    """One ``(type, output shape, params, settings)`` row per layer, ``InputLayer`` left out."""
    return [(layer_type(layer), _output_shape(layer), int(layer.count_params()),
             layer_settings(layer)) for layer in _layers(model)]


def format_rows(rows) -> str:
    """A small text table of rows (the learner's predictions or :func:`describe_model`)."""
    lines = [f"{'#':>2}  {'layer':20s} {'output shape':22s} {'params':>8s}"]
    for i, row in enumerate(rows, 1):
        t, shape, params = row[0], row[1], row[2]
        lines.append(f"{i:>2}  {str(t):20s} {str(shape):22s} {params!s:>8s}")
    return "\n".join(lines)


def show_prediction(predicted, model) -> int:
    """Print a predicted layer table (rows ``(type, output shape, params)``) next to the
    model's own, and return on how many layers the shape and the parameter count agree.

    A predicted shape may be written with or without the leading ``None`` of the batch axis.
    """
    built = [row[:3] for row in describe_model(model)]
    left, right = format_rows(predicted).splitlines(), format_rows(built).splitlines()
    print(f"{'your prediction':56s}   {'the model'}")
    for a, b in zip(left, right):
        print(f"{a:56s} | {b}")
    agree = sum(tuple(p[1]) in (tuple(b[1]), tuple(b[1][1:])) and p[2] == b[2]
                for p, b in zip(predicted, built))
    print("\nthe prediction agrees with the model on", agree, "of", len(built), "layers")
    return agree


def _norm_expected_setting(key, want, got):
    if key in _TUPLE_SETTINGS and want is not None:
        n = len(got) if isinstance(got, tuple) else None
        return _as_tuple(want, n)
    if key == "padding" and isinstance(want, int):
        return ((want, want), (want, want))
    if key == "padding" and isinstance(want, tuple) and all(isinstance(v, int) for v in want):
        return tuple((v, v) for v in want)
    if key == "activation" and want is None:
        return "linear"
    if isinstance(want, str):
        return want.lower()
    return want


def _fmt(value) -> str:
    return repr(value) if isinstance(value, str) else str(value)


def _type_hint(got_types, want_types) -> str:
    n_got, n_want = len(got_types), len(want_types)
    first = next((i for i in range(min(n_got, n_want)) if got_types[i] != want_types[i]),
                 min(n_got, n_want))
    if n_got < n_want:
        for i in range(n_want):
            if want_types[:i] + want_types[i + 1:] == got_types:
                where = f"after layer {i} ({want_types[i - 1]})" if i else "at the start"
                return f"a {want_types[i]} missing {where}?"
    elif n_got > n_want:
        for i in range(n_got):
            if got_types[:i] + got_types[i + 1:] == want_types:
                return f"layer {i + 1}, a {got_types[i]}, is one too many?"
    if first < min(n_got, n_want):
        return (f"the layers differ from layer {first + 1} on: a {got_types[first]}; "
                f"expected a {want_types[first]}")
    return "the layers differ at the end"


def check_model_structure(model, expected_rows, name: str = "model"):
    """Compare ``model`` with the expected rows, layer count included; fail at the first difference.

    ``expected_rows`` holds ``(type, output_shape, params)`` or ``(type, output_shape, params,
    settings)`` tuples; ``output_shape`` includes the batch dimension ``None``; only the settings
    named are compared (the normalized :func:`layer_settings`, else the layer's ``get_config()``
    entry, e.g. ``return_sequences`` or ``trainable``). ``output_shape`` or ``params`` may be
    ``None`` (not checked). The ``InputLayer`` of a Functional model is compared too when the
    first row names it. Per layer the order is: type, settings, output shape, parameters.
    """
    __tracebackhide__ = True
    with_input = bool(expected_rows) and expected_rows[0][0] == "InputLayer"
    try:
        layers = _layers(model, with_input)
    except Exception:
        _fail(f"{name} is not a Keras model (got {type(model).__name__}); return the model")
    want_types = [row[0] for row in expected_rows]
    got_types = [layer_type(layer) for layer in layers]
    if len(layers) != len(expected_rows):
        _fail(f"{name}: model has {len(layers)} layers; expected {len(expected_rows)} "
              f"({_type_hint(got_types, want_types)})")
    for i, (layer, row) in enumerate(zip(layers, expected_rows), 1):
        want_type, want_shape, want_params = row[0], row[1], row[2]
        want_settings = row[3] if len(row) > 3 else {}
        where = f"{name}: layer {i} ({got_types[i - 1]})"
        if got_types[i - 1] != want_type:
            _fail(f"{name}: layer {i} is a {got_types[i - 1]}; expected a {want_type}")
        settings = layer_settings(layer)
        config = layer.get_config()
        for key, want in want_settings.items():
            got = (settings[key] if key in settings
                   else config.get(key, getattr(layer, key, None)))
            want = _norm_expected_setting(key, want, got)
            if got != want:
                _fail(f"{where}: {key} {_fmt(got)}; expected {_fmt(want)}")
        shape = _output_shape(layer)
        if want_shape is None:
            pass
        elif shape is None:
            _fail(f"{where} has no output shape: the model was built without an input; "
                  "start with tf.keras.Input(shape=...)")
        elif shape != tuple(want_shape):
            _fail(f"{where}: output shape {shape}; expected {tuple(want_shape)}")
        if want_params is None:
            continue
        params = int(layer.count_params())
        if params != want_params:
            _fail(f"{where}: {params} parameters; expected {want_params}")
    return model


def _params_hint(t, got, want, out_channels, in_channels) -> str:
    hints = []
    if out_channels and got == want - out_channels:
        hints.append("the biases left out? (one per filter or unit)")
    if t == "BatchNormalization" and out_channels:
        if got == 2 * out_channels:
            hints.append("only gamma and beta counted? The moving mean and variance are "
                         "parameters too (not trainable ones)")
    if t in ("Conv2D", "Conv1D") and out_channels and in_channels:
        per_filter = (want - out_channels) // (out_channels * in_channels)
        if got == per_filter * out_channels + out_channels:
            hints.append("each filter spans all the input channels: f * f * n_C_prev weights")
    if t in ("ZeroPadding2D", "ReLU", "MaxPooling2D", "Flatten", "Activation") and got:
        hints.append(f"a {t} layer learns nothing")
    return f" (likely cause: {hints[0]})" if hints else ""


def _shape_hint(t, got, want, prev=None) -> str:
    """``prev``: the expected output shape of the layer before (or the input's), if known."""
    if len(got) != len(want):
        return " (Flatten turns (None, n_H, n_W, n_C) into (None, n_H * n_W * n_C))" \
            if len(want) == 2 else ""
    diffs = [g - w for g, w in zip(got[1:], want[1:]) if isinstance(g, int) and
             isinstance(w, int)]
    if t == "Flatten":
        return " (Flatten keeps every number: n_H * n_W * n_C of the layer before)"
    if t == "ZeroPadding2D":
        return " (ZeroPadding2D(p) adds p rows at the top and p at the bottom: n_H + 2p)"
    if len(want) == 4 and got[3] != want[3] and got[1:3] == want[1:3]:
        return (" (the number of channels: a Conv2D outputs one per filter; padding, "
                "BatchNormalization, ReLU and pooling keep it)")
    windowed = t in ("Conv2D", "MaxPooling2D", "AveragePooling2D")
    if windowed and len(want) == 4 and prev is not None and len(prev) == 4 and all(
            isinstance(v, int) and v > 0 for v in tuple(want[1:3]) + tuple(prev[1:3])):
        size, prev_size, got_size = tuple(want[1:3]), tuple(prev[1:3]), tuple(got[1:3])
        if size == prev_size and all(g < w for g, w in zip(got_size, size)):
            return (" (likely cause: padding='valid' instead of 'same'? with stride 1, "
                    "padding='same' keeps n_H and n_W)")
        if got_size == prev_size and all(w < p for w, p in zip(size, prev_size)):
            return (" (likely cause: a stride of 1? this layer shrinks n_H and n_W; a pooling "
                    "layer's stride is its window size unless given)")
        if got_size != size and any(
                all(-(-p // s) == w and p // s == g
                    for p, w, g in zip(prev_size, size, got_size))
                for s in range(2, max(prev_size) + 1)):
            return (" (likely cause: padding='valid' instead of 'same'? with stride s, "
                    "padding='same' gives ceil(n / s))")
    if len(want) == 4 and any(abs(d) == 1 for d in diffs[:2]):
        return " (likely cause: an off-by-one: floor((n + 2p - f) / s) + 1)"
    return ""


def check_layer_table(rows, expected_rows, name: str = "result", input_shape=None):
    """Check predicted ``(type, output shape, params)`` rows against the expected rows.

    ``output shape`` may be written with the batch dimension (``(None, 64, 64, 32)``, as
    ``model.summary()`` prints it) or without it (``(64, 64, 32)``). The message names the
    first wrong row and field, and a likely cause when one of the usual slips explains it.
    ``input_shape`` (without the batch dimension) lets the hints know the input channels.
    """
    __tracebackhide__ = True
    if not isinstance(rows, (list, tuple)):
        _fail(f"{name} has type {type(rows).__name__}; expected a list of "
              "(layer type, output shape, params) tuples")
    if len(rows) != len(expected_rows):
        _fail(f"{name} has {len(rows)} rows; expected {len(expected_rows)}, one per layer "
              f"({', '.join(r[0] for r in expected_rows)})")
    prev_channels = input_shape[-1] if input_shape else None
    prev_shape = (None,) + tuple(input_shape) if input_shape else None
    for i, (row, want) in enumerate(zip(rows, expected_rows), 1):
        if not isinstance(row, (list, tuple)) or len(row) != 3:
            _fail(f"{name}, row {i}: got {row!r}; expected a (layer type, output shape, params) "
                  "tuple")
        t, shape, params = row
        want_t, want_shape, want_params = want[0], tuple(want[1]), want[2]
        if _ALIASES.get(t, t) != want_t:
            _fail(f"{name}, row {i}: layer type {t!r}; expected {want_t!r}")
        if not isinstance(shape, (list, tuple)):
            _fail(f"{name}, row {i} ({want_t}): output shape {shape!r} is not a tuple")
        shape = tuple(shape)
        if len(shape) == len(want_shape) - 1:
            shape = (None,) + shape
        if shape[:1] != (None,):
            _fail(f"{name}, row {i} ({want_t}): output shape {tuple(row[1])}; write the batch "
                  "dimension as None, e.g. (None, 64, 64, 3), or leave it out")
        bad = [s for s in shape[1:] if not isinstance(s, int) or isinstance(s, bool)]
        if bad:
            _fail(f"{name}, row {i} ({want_t}): output shape {tuple(row[1])} holds "
                  f"{bad[0]!r}; expected whole numbers (int; use // to divide)")
        if shape != want_shape:
            _fail(f"{name}, row {i} ({want_t}): output shape {shape}; expected {want_shape}"
                  f"{_shape_hint(want_t, shape, want_shape, prev_shape)}")
        if isinstance(params, bool) or not isinstance(params, int):
            try:
                import numpy as np

                ok = isinstance(params, np.integer)
            except ImportError:  # pragma: no cover
                ok = False
            if not ok:
                _fail(f"{name}, row {i} ({want_t}): params {params!r} has type "
                      f"{type(params).__name__}; expected an int")
        out_channels = want_shape[-1]
        if int(params) != want_params:
            _fail(f"{name}, row {i} ({want_t}): {int(params)} parameters; expected {want_params}"
                  f"{_params_hint(want_t, int(params), want_params, out_channels, prev_channels)}")
        prev_channels = out_channels
        prev_shape = want_shape
    return rows


# ---- models whose layers are shared across time steps (c5w1a3) ----

_SHARED_MISSING_HINTS = {
    "Reshape": "x_t not passed through reshaper?",
    "LSTM": "no LSTM_cell call?",
    "Dense": "no densor call: the outputs taken from another layer?",
    "InputLayer": "an Input missing from the model's inputs?",
}


def _call_shape(x):
    if isinstance(x, (list, tuple)):
        return [_call_shape(v) for v in x]
    return tuple(None if d is None else int(d) for d in x.shape)


def _calls(model) -> dict:
    """Layer name -> number of times the layer is called inside ``model``."""
    try:
        layers = model.get_config()["layers"]
        return {row["name"]: len(row.get("inbound_nodes") or []) for row in layers}
    except Exception:  # a layer that cannot be serialized: count the nodes instead
        return {layer.name: len(getattr(layer, "_inbound_nodes", [])) for layer in model.layers}


def call_rows(model, ignore=()):
    """``(type, output shape, params, calls)`` of each layer of ``model`` (types in ``ignore``
    left out); ``calls`` is the number of times the layer is called inside the model.

    A recurrent model written as a loop (``for t in range(Tx): ... LSTM_cell(x, ...)``) has
    few layers, each called many times, e.g. ``("LSTM", [(None, 64), (None, 64), (None, 64)],
    37888, 30)``. The slice ``X[:, t, :]`` of a Keras 3 functional graph is an operation
    (``GetItem``), not a layer: it is not in ``model.layers`` and not counted.
    """
    calls = _calls(model)
    rows = []
    for layer in model.layers:
        kind = type(layer).__name__
        if kind in ignore:
            continue
        try:
            shape = _call_shape(layer.output)
        except Exception:
            shape = None
        rows.append((kind, shape, int(layer.count_params()), calls.get(layer.name, 0)))
    return rows


def _count_types(rows):
    counts: dict = {}
    for row in rows:
        counts[row[0]] = counts.get(row[0], 0) + 1
    return counts


def _fmt_shape(shape):
    if isinstance(shape, list):
        return "[" + ", ".join(_fmt_shape(s) for s in shape) + "]"
    return str(shape)


def check_shared_layers(model, expected_rows, name: str = "model", ignore=()):
    """Compare a model whose layers are called several times with ``expected_rows`` of
    ``(type, output shape, params, calls)`` (see :func:`call_rows`), first the number of
    layers of each type, then each layer's output shape, parameter count and number of calls.
    Layer types in ``ignore`` (e.g. parameter-free ``RepeatVector``) are left out of both."""
    __tracebackhide__ = True
    if not hasattr(model, "layers") or not hasattr(model, "count_params"):
        _fail(f"{name} returned a {type(model).__name__}; expected a Keras Model "
              "(tf.keras.Model(inputs=..., outputs=...))")
    got = call_rows(model, ignore)
    expected = [tuple(r) for r in expected_rows if r[0] not in ignore]
    got_n, want_n = _count_types(got), _count_types(expected)
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
                              f"{_SHARED_MISSING_HINTS.get(kind, 'a layer missing?')}")
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

"""Layer-by-layer structure checks of Keras models, with messages a learner can act on.

A model's structure is described by one row per layer (``model.layers`` order, the
``InputLayer`` of a functional model included)::

    ("LSTM", (None, 10, 128), 91648, {"units": 128, "return_sequences": True})

that is: the layer's class name, its output shape, its number of parameters and a dict of
entries of its ``get_config()`` that must match. Any of the last three may be ``None`` (not
checked); the dict may be left out. :func:`check_model_structure` compares a model with a list
of rows and fails with a :class:`dlcourse.testing.CheckFailed` naming the first difference, e.g.::

    Emojify_V2 has 6 layers; expected 8:
      got      InputLayer, Embedding, LSTM, LSTM, Dense, Activation
      expected InputLayer, Embedding, LSTM, Dropout, LSTM, Dropout, Dense, Activation
      likely cause: missing Dropout (2 of them)?
    layer 2 (LSTM) of Emojify_V2: return_sequences is False; expected True

:func:`model_rows` gives the rows of a model (to write a test, or to show a learner).
"""

from __future__ import annotations

from collections import Counter

from .testing import CheckFailed, _type_name

__all__ = ["model_rows", "check_model_structure"]


def _fail(message: str) -> None:
    __tracebackhide__ = True
    raise CheckFailed(message) from None


def _output_shape(layer):
    try:
        shape = layer.output.shape
    except (AttributeError, ValueError):
        return None
    return tuple(None if d is None else int(d) for d in shape)


def model_rows(model, config_keys=()) -> list[tuple]:
    """``(class name, output shape, number of parameters, {key: config value})`` per layer."""
    rows = []
    for layer in model.layers:
        config = layer.get_config()
        rows.append((layer.__class__.__name__, _output_shape(layer), int(layer.count_params()),
                     {k: config[k] for k in config_keys if k in config}))
    return rows


def _count_hint(got_names, want_names) -> str:
    missing = Counter(want_names) - Counter(got_names)
    extra = Counter(got_names) - Counter(want_names)
    parts = [f"missing {k}" + (f" ({n} of them)" if n > 1 else "") for k, n in missing.items()]
    parts += [f"an extra {k}" + (f" ({n} of them)" if n > 1 else "") for k, n in extra.items()]
    return f"\n  likely cause: {', '.join(parts)}?" if parts else ""


def check_model_structure(model, expected_rows, name: str = "the model"):
    """Fail unless ``model`` has exactly the layers of ``expected_rows`` (see the module doc).

    Checks, in this order: that ``model`` is a Keras model, the number of layers and their
    classes, then layer by layer the config entries, the output shape and the parameter count.
    """
    __tracebackhide__ = True
    import keras

    if not isinstance(model, keras.Model):
        _fail(f"{name} has type {_type_name(model)}; expected a Keras Model "
              "(build it with keras.Model(inputs=..., outputs=...))")
    layers = list(model.layers)
    got_names = [layer.__class__.__name__ for layer in layers]
    want_names = [row[0] for row in expected_rows]
    if got_names != want_names:
        what = (f"has {len(got_names)} layers; expected {len(want_names)}"
                if len(got_names) != len(want_names) else "has its layers in another order")
        if len(got_names) == len(want_names):
            k = next(i for i, (g, w) in enumerate(zip(got_names, want_names)) if g != w)
            what = f"has a {got_names[k]} as layer {k}; expected a {want_names[k]}"
        _fail(f"{name} {what}:\n  got      {', '.join(got_names)}\n"
              f"  expected {', '.join(want_names)}{_count_hint(got_names, want_names)}")
    for k, (layer, row) in enumerate(zip(layers, expected_rows)):
        cls, shape, n_params = row[0], row[1], row[2]
        attrs = row[3] if len(row) > 3 and row[3] else {}
        where = f"layer {k} ({cls}) of {name}"
        config = layer.get_config()
        for key, want in attrs.items():
            got = config.get(key, getattr(layer, key, None))
            if got != want:
                _fail(f"{where}: {key} is {got!r}; expected {want!r}")
        if shape is not None:
            got_shape = _output_shape(layer)
            if got_shape != tuple(shape):
                _fail(f"{where} has output shape {got_shape}; expected {tuple(shape)}")
        if n_params is not None:
            got_params = int(layer.count_params())
            if got_params != n_params:
                _fail(f"{where} has {got_params} parameters; expected {n_params}")
    return model

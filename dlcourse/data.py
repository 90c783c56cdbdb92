"""Data loaders of the course: one function per data set, all checked against a registry.

Every data file lives in ``datasets/`` at the repository root and has a table in
``datasets/registry.toml`` giving its file name, SHA-256 and size. A file is checked
against its checksum the first time it is used in a process, so a truncated or
edited file fails loudly instead of giving odd results.

The folder holding the data files can be moved with the environment variable
``DLCOURSE_DATA``; the registry (and so the expected checksums) always comes from
the repository.

Adding a data set: build it with ``datasets/build.py`` (which adds its registry
table), then add a loader here that calls ``path(name)``, for example::

    def load_signs():
        with np.load(path("signs"), allow_pickle=False) as d:
            return d["train_x"], d["train_y"].reshape(1, -1).astype(np.int64), ...
"""

from __future__ import annotations

import hashlib
import os
import tomllib
from pathlib import Path

import numpy as np

from . import ROOT

__all__ = ["DatasetError", "data_dir", "registry", "path", "load_animals", "load_six_classes",
           "load_vehicle_scenes", "load_road_scenes", "load_yolo_weights"]

#: The registry of data files, shipped with the repository.
REGISTRY_PATH = ROOT / "datasets" / "registry.toml"

# (resolved path, size, mtime) of files whose checksum was verified in this process
_verified: set[tuple[str, int, int, str]] = set()


class DatasetError(RuntimeError):
    """A data file is missing, damaged or unknown; the message says how to fix it."""


def data_dir() -> Path:
    """The folder holding the data files: ``$DLCOURSE_DATA`` if set, else ``ROOT/datasets``."""
    override = os.environ.get("DLCOURSE_DATA")
    return Path(override).expanduser() if override else ROOT / "datasets"


def registry() -> dict:
    """Return the data registry: ``{name: {"file", "sha256", "bytes", "source", ...}}``.

    Returns
    -------
    dict
        A fresh copy of ``datasets/registry.toml``, one entry per data set name.
    """
    try:
        with open(REGISTRY_PATH, "rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise DatasetError(
            f"the data registry {REGISTRY_PATH} is missing; "
            f"fix: run `git checkout -- datasets/registry.toml` in {ROOT}"
        ) from None


def _sha256(file: Path) -> str:
    digest = hashlib.sha256()
    with open(file, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def path(name: str) -> Path:
    """Return the path of data set ``name`` after checking that the file is intact.

    Parameters
    ----------
    name : str
        A table name of ``datasets/registry.toml``, e.g. ``"animals"``.

    Returns
    -------
    pathlib.Path
        The file in :func:`data_dir`, verified against the registry's SHA-256
        (once per process; later calls only check that size and mtime are unchanged).

    Raises
    ------
    DatasetError
        If ``name`` is not in the registry, or the file is missing or damaged.
    """
    entries = registry()
    if name not in entries:
        known = ", ".join(sorted(entries)) or "none"
        raise DatasetError(f"unknown data set {name!r}; the registry knows: {known}")
    entry = entries[name]
    file = data_dir() / entry["file"]
    fix = (f"fix: run `git checkout -- datasets/{entry['file']}` in {ROOT}, "
           f"or rebuild it with `{entry.get('build', 'python datasets/build.py ' + name)}`")
    if os.environ.get("DLCOURSE_DATA"):
        fix += f" (or unset DLCOURSE_DATA={os.environ['DLCOURSE_DATA']})"
    try:
        stat = file.stat()
    except FileNotFoundError:
        raise DatasetError(f"data file {file} (data set {name!r}) is missing; {fix}") from None
    key = (str(file.resolve()), stat.st_size, stat.st_mtime_ns, entry["sha256"])
    if key in _verified:
        return file
    if stat.st_size != entry["bytes"]:
        raise DatasetError(
            f"data file {file} (data set {name!r}) is damaged: it has {stat.st_size} bytes, "
            f"the registry expects {entry['bytes']}; {fix}"
        )
    actual = _sha256(file)
    if actual != entry["sha256"]:
        raise DatasetError(
            f"data file {file} (data set {name!r}) is damaged: checksum mismatch "
            f"(sha256 {actual}, the registry expects {entry['sha256']}); {fix}"
        )
    _verified.add(key)
    return file


def load_animals():
    """Load the 64x64 animal / non-animal pictures (used in c1w2a2 and c1w4a2).

    Returns
    -------
    train_set_x_orig : ndarray of uint8, shape (m_train, 64, 64, 3)
        Training pictures, RGB values in [0, 255].
    train_set_y : ndarray of int64, shape (1, m_train)
        Training labels: 1 = animal, 0 = non-animal.
    test_set_x_orig : ndarray of uint8, shape (m_test, 64, 64, 3)
        Test pictures.
    test_set_y : ndarray of int64, shape (1, m_test)
        Test labels.
    classes : ndarray of str, shape (2,)
        Class names: ``classes[0] == "non-animal"``, ``classes[1] == "animal"``.

    Examples
    --------
    >>> train_x, train_y, test_x, test_y, classes = load_animals()
    >>> train_x.shape[1:], train_y.shape[0], classes[train_y[0, 0]]  # doctest: +SKIP
    ((64, 64, 3), 1, 'animal')
    """
    with np.load(path("animals"), allow_pickle=False) as d:
        train_x = d["train_x"]
        train_y = d["train_y"].astype(np.int64).reshape(1, -1)
        test_x = d["test_x"]
        test_y = d["test_y"].astype(np.int64).reshape(1, -1)
        classes = d["classes"].astype(str)
    return train_x, train_y, test_x, test_y, classes


def load_six_classes():
    """Load the 64x64 pictures of six kinds of things (used in c2w3a1 and course 4).

    The classes are 0 animal, 1 building, 2 food, 3 person, 4 plant, 5 vehicle: clip art
    and emoji pasted on backgrounds that do not depend on the class, balanced, split by
    source picture (see ``datasets/builders/six_classes.py``).

    Returns
    -------
    train_set_x_orig : ndarray of uint8, shape (m_train, 64, 64, 3)
        Training pictures, RGB values in [0, 255].
    train_set_y : ndarray of int64, shape (1, m_train)
        Training labels, integers 0 to 5.
    test_set_x_orig : ndarray of uint8, shape (m_test, 64, 64, 3)
        Test pictures.
    test_set_y : ndarray of int64, shape (1, m_test)
        Test labels.
    classes : ndarray of str, shape (6,)
        Class names: ``classes[y]`` is the name of label ``y``.

    Examples
    --------
    >>> train_x, train_y, test_x, test_y, classes = load_six_classes()
    >>> train_x.shape[1:], classes[train_y[0, 0]]  # doctest: +SKIP
    ((64, 64, 3), 'plant')
    """
    with np.load(path("six_classes"), allow_pickle=False) as d:
        train_x = d["train_x"]
        train_y = d["train_y"].astype(np.int64).reshape(1, -1)
        test_x = d["test_x"]
        test_y = d["test_y"].astype(np.int64).reshape(1, -1)
        classes = d["classes"].astype(str)
    return train_x, train_y, test_x, test_y, classes


# ---- detection and segmentation scenes (c4w3a1, c4w3a2) ----


def load_vehicle_scenes(split="train", n=None, start=0):
    """Compose the synthetic vehicle-detection scenes of c4w3a1.

    The scenes are composed on the fly from ``datasets/vehicle_kit.npz`` (checksum
    verified) by :func:`dlcourse.scenes.detection_scene`: a crop of a photo with 1 to 3
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
    from . import scenes

    if n is None:
        n = 4000 if split == "train" else 500
    images, boxes, classes = scenes.detection_scenes(split, n, start)
    return images, boxes, classes, scenes.DETECTION_CLASSES


def load_road_scenes(split="train", n=None, start=0):
    """Compose the synthetic road scenes with per-pixel masks of c4w3a2.

    Composed on the fly from ``datasets/vehicle_kit.npz`` by
    :func:`dlcourse.scenes.road_scene`: sky, scenery, ground, a road in perspective and
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
    from . import scenes

    if n is None:
        n = 1500 if split == "train" else 200
    images, masks = scenes.road_scenes(split, n, start)
    return images, masks, scenes.ROAD_CLASSES


def load_yolo_weights():
    """Load the trained weights of the c4w3a1 detector (use :func:`dlcourse.yolo.load_detector`).

    Returns
    -------
    weights : list of ndarray of float32
        In the order of ``dlcourse.yolo.build_detector().get_weights()``.
    anchors : ndarray of float32, shape (5, 2)
        Anchor (width, height) in grid cells.
    class_names : ndarray of str, shape (5,)
    """
    with np.load(path("yolo_vehicles"), allow_pickle=False) as d:
        names = sorted(k for k in d.files if k.startswith("w"))
        weights = [d[k] for k in names]
        anchors = d["anchors"]
        class_names = d["class_names"].astype(str)
    return weights, anchors, class_names

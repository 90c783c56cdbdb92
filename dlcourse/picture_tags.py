"""What each picture of the animals set shows besides its label (used in c3w1a2).

``animals_64.npz`` stores, for every picture, the source drawing it was made from
(``train_source`` / ``test_source``, indices into ``source_names``: ``"clipart:..."`` or
``"emoji:U+..."``). Two more facts follow from the builder (``datasets/builders/animals.py``)
without being stored:

- **grey**: a tenth of the pictures were turned grey; their three channels are equal;
- **scene**: the background. The builder draws it first, from
  ``numpy.random.default_rng([SEED, split_id, k])`` (``split_id`` 1 = train, 2 = test, ``k`` the
  picture's index in the file): with probability 0.1 a "neutral" texture, else a two-band
  scene that goes with the label ("outdoor" for an animal, "indoor" for anything else) with
  probability 0.95 and against it otherwise. Replaying those two draws gives the scene of
  every picture exactly.
"""

from __future__ import annotations

import numpy as np

from .data import path

__all__ = ["load_animals_tags"]

#: The builder's seed and scene probabilities (``builders/animals.py``: SEED, NEUTRAL_SHARE,
#: SCENE_BIAS).
SEED = 20240611
NEUTRAL_SHARE = 0.1
SCENE_BIAS = 0.95


def _scenes(labels: np.ndarray, split_id: int) -> np.ndarray:
    out = []
    for k, label in enumerate(labels):
        rng = np.random.default_rng([SEED, split_id, k])
        if rng.random() < NEUTRAL_SHARE:
            out.append("neutral")
            continue
        scene_label = label if rng.random() < SCENE_BIAS else 1 - label
        out.append("outdoor" if scene_label == 1 else "indoor")
    return np.array(out)


def load_animals_tags():
    """The metadata of every picture of :func:`dlcourse.data.load_animals`, in the same order.

    Returns
    -------
    train_tags, test_tags : dict of str to ndarray, each array of shape (m,)
        ``"source"`` (int, the source drawing's index), ``"source_name"`` (str, e.g.
        ``"clipart:animals/birds/..."``), ``"kind"`` (``"clipart"`` or ``"emoji"``),
        ``"grey"`` (bool), ``"scene"`` (``"outdoor"``, ``"indoor"`` or ``"neutral"``) and
        ``"misleading_scene"`` (bool: an animal indoors or a non-animal outdoors).
    """
    out = []
    with np.load(path("animals"), allow_pickle=False) as d:
        names = d["source_names"].astype(str)
        for split_id, split in ((1, "train"), (2, "test")):
            x = d[f"{split}_x"]
            y = d[f"{split}_y"].astype(np.int64)
            source = d[f"{split}_source"].astype(np.int64)
            scene = _scenes(y, split_id)
            grey = ((x[..., 0] == x[..., 1]) & (x[..., 1] == x[..., 2])).all(axis=(1, 2))
            source_name = names[source]
            out.append({
                "source": source,
                "source_name": source_name,
                "kind": np.array([s.split(":", 1)[0] for s in source_name]),
                "grey": grey,
                "scene": scene,
                "misleading_scene": (scene != "neutral") & ((scene == "outdoor") != (y == 1)),
            })
    return out[0], out[1]

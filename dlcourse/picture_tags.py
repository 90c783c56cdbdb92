"""What each picture of the animals set shows besides its label (used in c3w1a2).

``animals_64.npz`` stores, for every picture, what the builder (``datasets/builders/animals.py``)
drew for it: the source drawing (``train_source`` / ``test_source``, indices into
``source_names``: ``"clipart:..."`` or ``"emoji:U+..."``), the background scene
(``*_scene``: ``"outdoor"``, ``"indoor"`` or ``"neutral"``), whether the picture was turned
grey (``*_grey``) and whether its drawing was recoloured in its class's palette
(``*_recoloured``: fur colours for an animal, cool colours for anything else).
"""

from __future__ import annotations

import numpy as np

from .data import path

__all__ = ["load_animals_tags"]


def load_animals_tags():
    """The metadata of every picture of :func:`dlcourse.data.load_animals`, in the same order.

    Returns
    -------
    train_tags, test_tags : dict of str to ndarray, each array of shape (m,)
        ``"source"`` (int, the source drawing's index), ``"source_name"`` (str, e.g.
        ``"clipart:animals/birds/..."``), ``"kind"`` (``"clipart"`` or ``"emoji"``),
        ``"grey"`` (bool), ``"scene"`` (``"outdoor"``, ``"indoor"`` or ``"neutral"``),
        ``"misleading_scene"`` (bool: an animal indoors or a non-animal outdoors) and
        ``"recoloured"`` (bool: the drawing carries its class's colour cue).
    """
    out = []
    with np.load(path("animals"), allow_pickle=False) as d:
        names = d["source_names"].astype(str)
        for split in ("train", "test"):
            y = d[f"{split}_y"].astype(np.int64)
            source = d[f"{split}_source"].astype(np.int64)
            scene = d[f"{split}_scene"].astype(str)
            source_name = names[source]
            out.append({
                "source": source,
                "source_name": source_name,
                "kind": np.array([s.split(":", 1)[0] for s in source_name]),
                "grey": d[f"{split}_grey"].astype(bool),
                "scene": scene,
                "misleading_scene": (scene != "neutral") & ((scene == "outdoor") != (y == 1)),
                "recoloured": d[f"{split}_recoloured"].astype(bool),
            })
    return out[0], out[1]

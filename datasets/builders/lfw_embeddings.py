"""Builder of ``lfw_embeddings.npz``: real faces with precomputed dlib encodings (c4w4a1).

Part 3 of the face-verification design explained in ``face_identities.py``: a
demonstration on real faces. scikit-image ships 100 real face crops from Labeled
Faces in the Wild (``skimage.data.lfw_subset()``, 25x25 grey, no identity labels).
To get pairs of "the same person" we make ``VIEWS`` views of each face: view 0 is
the face itself, the others are mirrored / rotated (up to 8 degrees) / shifted (up
to 1 px) / re-lit copies. Every view is upscaled (bicubic) to 140x140, placed in the
middle of a 150x150 chip with its border pixels repeated (dlib's aligned-chip
framing), made RGB, and encoded by dlib's pretrained face-recognition ResNet
(``dlib_face_recognition_resnet_model_v1.dat`` from PyPI face-recognition-models;
dlib from PyPI dlib-bin), a 128-d vector. A notebook can then show verification with
a state-of-the-art model without dlib: distance below ``THRESHOLD`` = same face.

Measured at build time (printed; in the registry description): the share of
same-face view pairs under the threshold and of different-face pairs at or over it.
Caveats the notebook should state: "same" pairs are views of one photo, not two
photos of one person, so they are easier than real verification; and LFW has no
identity labels here, so two different crops might show the same person (rare).
The threshold 0.5 is lower than dlib's usual 0.6 because these tiny grey crops
all look alike to the model (at 0.6 about a quarter of different-face pairs pass).

Arrays: ``faces`` (100, 25, 25) uint8, ``views`` (400, 25, 25) uint8, ``view_face``
(400,) int16 (which face a view comes from), ``encodings`` (400, 128) float32,
``threshold`` (1,) float64. dlib is deterministic on CPU, so a rebuild gives the same
bytes on the same machine (about 3 minutes).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image

from .common import save_npz

OUTPUT = "lfw_embeddings.npz"
DEBIAN_PACKAGES: dict = {}
PYTHON_MODULES = ["numpy", "PIL", "skimage", "dlib", "face_recognition_models"]

REGISTRY = {
    "file": OUTPUT,
    "source": (
        "Faces: the 100 face crops of scikit-image 0.26.0's skimage.data.lfw_subset() "
        "(from Labeled Faces in the Wild, University of Massachusetts Amherst); encodings: "
        "dlib's dlib_face_recognition_resnet_model_v1.dat (Davis King) from PyPI "
        "face-recognition-models 0.3.0, run with PyPI dlib-bin 20.0.1.post1"
    ),
    "licence": (
        "lfw_subset: distributed with scikit-image under BSD-3-Clause (LFW itself is "
        "published for research without a stated licence); dlib model: CC0 1.0 / public "
        "domain (face-recognition-models LICENSE); dlib: Boost Software License 1.0; the "
        "views and encodings: CC0"
    ),
    "build": "python datasets/build.py lfw_embeddings",
    "description": "",  # filled in from the build check (CHECK_TEXT)
}

SEED = 20240613
VIEWS = 4
THRESHOLD = 0.5
INNER, CHIP = 140, 150

CHECK_TEXT = (
    "100 real 25x25 face crops (faces), {views} views each (views, view_face; view 0 = the "
    "face), and the 128-d encodings of every view by dlib's pretrained face-recognition "
    "ResNet (encodings, float32), threshold = 0.5. Measured at build time: {same:.3f} of "
    "same-face view pairs under the threshold, {diff:.3f} of different-face pairs at or "
    "over it. Used by c4w4a1 for a demonstration on real faces."
)


def _model_path() -> Path:
    import importlib.util

    spec = importlib.util.find_spec("face_recognition_models")  # its __init__ needs setuptools
    return Path(spec.origin).parent / "models" / "dlib_face_recognition_resnet_model_v1.dat"


def _view(face: np.ndarray, rng) -> np.ndarray:
    im = Image.fromarray(face)
    if rng.random() < 0.5:
        im = im.transpose(Image.FLIP_LEFT_RIGHT)
    im = im.rotate(float(rng.uniform(-8, 8)), resample=Image.BILINEAR,
                   translate=(float(rng.uniform(-1, 1)), float(rng.uniform(-1, 1))))
    a = np.asarray(im, dtype=np.float64)
    a = (a - 128.0) * rng.uniform(0.8, 1.2) + 128.0 + rng.uniform(-25, 25)
    return np.clip(np.round(a), 0, 255).astype(np.uint8)


def chip(view: np.ndarray) -> np.ndarray:
    """The 150x150 RGB chip given to dlib for one 25x25 grey view."""
    a = np.asarray(Image.fromarray(view).resize((INNER, INNER), Image.BICUBIC))
    p = (CHIP - INNER) // 2
    a = np.pad(a, ((p, CHIP - INNER - p), (p, CHIP - INNER - p)), mode="edge")
    return np.ascontiguousarray(np.stack([a] * 3, axis=-1))


def build(out_path: Path, log=print) -> dict:
    import dlib
    from skimage.data import lfw_subset

    faces = np.round(lfw_subset()[:100] * 255).astype(np.uint8)
    net = dlib.face_recognition_model_v1(str(_model_path()))
    views, owner = [], []
    for i, face in enumerate(faces):
        rng = np.random.default_rng([SEED, i])
        views.append(face)
        owner.append(i)
        for _ in range(VIEWS - 1):
            views.append(_view(face, rng))
            owner.append(i)
    views = np.stack(views)
    owner = np.array(owner, dtype=np.int16)
    enc = np.stack([np.array(net.compute_face_descriptor(chip(v)), dtype=np.float32)
                    for v in views])
    d = np.linalg.norm(enc[:, None, :] - enc[None, :, :], axis=-1)
    same = owner[:, None] == owner[None, :]
    upper = np.triu(np.ones_like(same), 1)
    same_acc = float(np.mean(d[same & upper] < THRESHOLD))
    diff_acc = float(np.mean(d[~same & upper] >= THRESHOLD))
    log(f"  {len(views)} views; same-face pairs under {THRESHOLD}: {same_acc:.3f}; "
        f"different-face pairs at or over: {diff_acc:.3f}")
    REGISTRY["description"] = CHECK_TEXT.format(views=VIEWS, same=same_acc, diff=diff_acc)
    save_npz(out_path, {"faces": faces, "views": views, "view_face": owner, "encodings": enc,
                        "threshold": np.array([THRESHOLD])})
    return {"same": same_acc, "different": diff_acc}

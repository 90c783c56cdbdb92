"""Tests of the course-4 vision data: photos, the EfficientNet-Lite0 port, and its previews.

The port test compares the Keras model built from the shipped weights with the reference
scores stored in the weights file, which the builder computed with an independent NumPy
forward pass of the original PyTorch weights (``datasets/builders/lite0_numpy.py``).
"""

from __future__ import annotations

import os

import matplotlib

matplotlib.use("Agg")  # before pyplot is imported anywhere

import numpy as np
import pytest

from dlcourse import data, vision_previews

os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")

MY_FILES = {
    "photos": "photos_224.npz",
    "efficientnet_lite0": "efficientnet_lite0.npz",
    "transfer_birds": "transfer_birds_128.npz",
    "style_images": "style_images_224.npz",
}
#: ImageNet classes 281-285: tabby, tiger cat, Persian cat, Siamese cat, Egyptian cat.
DOMESTIC_CATS = {281, 282, 283, 284, 285}
PROB_TOL = 0.02


@pytest.fixture(autouse=True)
def _default_data_dir(monkeypatch):
    monkeypatch.delenv("DLCOURSE_DATA", raising=False)


@pytest.fixture(scope="module")
def photos():
    return data.load_photos()


@pytest.fixture(scope="module")
def lite0_npz():
    with np.load(data.path("efficientnet_lite0"), allow_pickle=False) as d:
        return {k: d[k] for k in d.files}


@pytest.fixture(scope="module")
def model():
    from dlcourse.efficientnet import efficientnet_lite0

    return efficientnet_lite0()


@pytest.fixture(scope="module")
def keras_probs(model, photos):
    from dlcourse.efficientnet import preprocess

    images, _ = photos
    return np.asarray(model.predict(preprocess(images), verbose=0), dtype=np.float64)


# ----------------------------------------------------------------------- registry


@pytest.mark.parametrize("name", sorted(MY_FILES))
def test_registry_entry_matches_file(name):
    entry = data.registry()[name]
    assert entry["file"] == MY_FILES[name]
    file = data.path(name)  # verifies the checksum
    assert file.stat().st_size == entry["bytes"]
    for key in ("source", "licence", "build", "description"):
        assert len(entry[key]) > 20, f"[{name}] {key} is too short to name its origin"


def test_vision_files_within_budget():
    total = sum(data.path(n).stat().st_size for n in MY_FILES)
    assert total < 20_000_000, f"the vision files take {total} bytes, over the 20 MB budget"


# ----------------------------------------------------------------------- photos


def test_photos_shapes_and_values(photos):
    images, names = photos
    assert images.shape == (7, 224, 224, 3) and images.dtype == np.uint8
    assert names == ["chelsea", "coffee", "rocket", "astronaut", "camera", "china", "flower"]
    for img, name in zip(images, names):
        assert img.std() > 20, f"{name} looks flat"
    cam = images[names.index("camera")].astype(int)
    assert (cam[..., 0] == cam[..., 1]).all() and (cam[..., 1] == cam[..., 2]).all()
    # the colour photos really are colour
    assert np.abs(images[0].astype(int)[..., 0] - images[0][..., 2]).mean() > 5


def test_photos_load_the_same_twice(photos):
    again, names = data.load_photos()
    assert np.array_equal(again, photos[0]) and names == photos[1]


# ----------------------------------------------------------------------- weights


def test_weights_file_contents(lite0_npz):
    ids, names = lite0_npz["class_ids"].astype(str), lite0_npz["class_names"].astype(str)
    assert ids.shape == names.shape == (1000,)
    assert len(set(ids)) == 1000 and list(ids) == sorted(ids)
    assert ids[0] == "n01440764" and names[0] == "tench"
    assert names[281] == "tabby" and names[285] == "Egyptian cat"
    assert lite0_npz["stem_conv/kernel"].shape == (3, 3, 3, 32)
    assert lite0_npz["block2a_dwconv/depthwise_kernel"].shape == (3, 3, 96, 1)
    assert lite0_npz["predictions/kernel"].shape == (1280, 1000)
    n_params = sum(v.size for k, v in lite0_npz.items() if "/" in k)
    assert n_params == 4_694_024  # 4.65 M trainable + batch-norm statistics
    probs = lite0_npz["check_probs"]
    assert probs.shape == (7, 1000) and probs.dtype == np.float32
    np.testing.assert_allclose(probs.sum(axis=1), 1.0, atol=1e-3)
    top5 = lite0_npz["check_top5"]
    assert np.array_equal(top5, np.argsort(-probs, axis=1, kind="stable")[:, :5])


def test_every_weight_array_is_used(model, lite0_npz):
    from dlcourse.efficientnet import load_weights_npz

    used = sum(w.shape.num_elements() if hasattr(w.shape, "num_elements")
               else int(np.prod(w.shape)) for w in model.weights)
    stored = sum(v.size for k, v in lite0_npz.items() if "/" in k)
    assert used == stored
    assert load_weights_npz(model, data.path("efficientnet_lite0")) == sum(
        1 for layer in model.layers if layer.weights)


def test_reference_sees_a_cat(lite0_npz):
    names = list(lite0_npz["check_names"].astype(str))
    top5 = lite0_npz["check_top5"][names.index("chelsea")]
    assert top5[0] in DOMESTIC_CATS
    assert len(set(top5[:3].tolist()) & DOMESTIC_CATS) == 3


def test_keras_port_agrees_with_numpy_reference(keras_probs, lite0_npz, photos):
    """Exact top-1, >= 4 of 5 top-5 classes shared, scores within PROB_TOL, every photo."""
    _, names = photos
    ref_names = list(lite0_npz["check_names"].astype(str))
    for i, name in enumerate(names):
        ref = lite0_npz["check_probs"][ref_names.index(name)].astype(np.float64)
        k5 = np.argsort(-keras_probs[i], kind="stable")[:5]
        r5 = np.argsort(-ref, kind="stable")[:5]
        assert k5[0] == r5[0], f"{name}: Keras top-1 {k5[0]}, NumPy reference {r5[0]}"
        assert len(set(k5) & set(r5)) >= 4, f"{name}: top-5 {k5} vs reference {r5}"
        diff = np.abs(keras_probs[i] - ref).max()
        assert diff <= PROB_TOL, f"{name}: class scores differ by up to {diff:.4f}"


def test_keras_model_sees_a_cat(keras_probs, photos):
    _, names = photos
    assert int(np.argmax(keras_probs[names.index("chelsea")])) in DOMESTIC_CATS


def test_the_comparison_can_fail(photos, lite0_npz):
    """A model with untrained weights does not pass the port check."""
    from dlcourse.efficientnet import efficientnet_lite0, preprocess

    images, names = photos
    random_model = efficientnet_lite0(weights=False)
    probs = np.asarray(random_model.predict(preprocess(images[:2]), verbose=0))
    ref = lite0_npz["check_probs"][:2]
    assert np.abs(probs - ref).max() > PROB_TOL


def test_decode_predictions_and_preprocess(keras_probs):
    from dlcourse.efficientnet import class_names, decode_predictions, preprocess

    decoded = decode_predictions(keras_probs, top=5)
    assert len(decoded) == len(keras_probs) and all(len(r) == 5 for r in decoded)
    wnid, name, score = decoded[0][0]
    assert wnid.startswith("n") and len(wnid) == 9 and isinstance(score, float)
    assert name == class_names()[int(np.argmax(keras_probs[0]))]
    assert [s for _, _, s in decoded[1]] == sorted([s for _, _, s in decoded[1]], reverse=True)
    x = preprocess(np.array([[0, 127, 255]], dtype=np.uint8))
    np.testing.assert_allclose(x, [[-127 / 128, 0.0, 1.0]])
    with pytest.raises(ValueError):
        decode_predictions(np.zeros((2, 10)))


def test_feature_extractor_shapes():
    from dlcourse.efficientnet import efficientnet_lite0

    base = efficientnet_lite0(include_top=False, input_shape=(160, 160, 3))
    assert tuple(base.output.shape) == (None, 5, 5, 1280)
    pooled = efficientnet_lite0(weights=False, include_top=False, pooling="avg",
                                input_shape=(96, 96, 3))
    assert tuple(pooled.output.shape) == (None, 1280)
    with pytest.raises(ValueError):
        efficientnet_lite0(include_top=True, classes=2)


# ----------------------------------------------------------------------- transfer set


@pytest.fixture(scope="module")
def birds():
    return data.load_transfer_birds()


@pytest.fixture(scope="module")
def birds_npz():
    with np.load(data.path("transfer_birds"), allow_pickle=False) as d:
        return {k: d[k] for k in d.files}


def test_transfer_birds_shapes_and_balance(birds):
    train_x, train_y, val_x, val_y, classes = birds
    assert train_x.shape == (300, 128, 128, 3) and val_x.shape == (80, 128, 128, 3)
    assert train_x.dtype == val_x.dtype == np.uint8
    assert train_y.shape == (300,) and val_y.shape == (80,) and train_y.dtype == np.int64
    assert classes == ["not_bird", "bird"]
    assert np.bincount(train_y).tolist() == [150, 150]
    assert np.bincount(val_y).tolist() == [40, 40]
    assert 60 < train_x.mean() < 200 and train_x.std() > 30


def test_transfer_birds_split_by_source(birds_npz):
    names = birds_npz["source_names"].astype(str)
    train = set(names[birds_npz["train_source"]])
    val = set(names[birds_npz["val_source"]])
    assert not train & val, f"sources in both splits: {sorted(train & val)[:5]}"
    assert len(val) >= 40, "too few distinct validation sources"
    # labels agree with the sources: a source always carries the same label
    for split in ("train", "val"):
        src, y = birds_npz[f"{split}_source"], birds_npz[f"{split}_y"]
        for s in np.unique(src):
            assert len(set(y[src == s].tolist())) == 1


def test_transfer_birds_loads_the_same_twice(birds):
    again = data.load_transfer_birds()
    assert all(np.array_equal(a, b) for a, b in zip(again[:4], birds[:4]))


def test_transfer_birds_background_does_not_give_the_class_away(birds):
    """The mean colour of the border (background) predicts the class barely above chance."""
    train_x, train_y, val_x, val_y, _ = birds

    def border(x):
        x = x.astype(np.float64) / 255
        edge = np.concatenate([x[:, :8].reshape(len(x), -1, 3), x[:, -8:].reshape(len(x), -1, 3),
                               x[:, :, :8].reshape(len(x), -1, 3)], axis=1)
        return np.concatenate([edge.mean(1), edge.std(1)], axis=1)

    ft, fv = border(train_x), border(val_x)
    centroids = np.stack([ft[train_y == c].mean(0) for c in (0, 1)])
    pred = np.argmin(((fv[:, None] - centroids[None]) ** 2).sum(-1), axis=1)
    assert (pred == val_y).mean() < 0.7


def test_export_transfer_birds(tmp_path, birds):
    from PIL import Image

    folder = data.export_transfer_birds(tmp_path / "birds")
    files = sorted((folder / "train" / "bird").glob("*.png"))
    assert len(files) == 150
    assert len(list((folder / "val" / "not_bird").glob("*.png"))) == 40
    first = np.asarray(Image.open(files[0]))
    k = int(files[0].stem)
    assert np.array_equal(first, birds[0][k]) and birds[1][k] == 1


# ----------------------------------------------------------------------- style images


def test_style_images(model):
    images, names, content_layer, style_layers = data.load_style_images()
    assert images.shape == (4, 224, 224, 3) and images.dtype == np.uint8
    assert names == ["swirls", "stained_glass", "mondrian", "waves"]
    assert all(img.std() > 30 for img in images)
    layer_names = {layer.name for layer in model.layers}
    assert content_layer in layer_names
    assert all(name in layer_names for name, _ in style_layers)
    assert abs(sum(w for _, w in style_layers) - 1.0) < 1e-6
    again = data.load_style_images()
    assert np.array_equal(again[0], images)


# ----------------------------------------------------------------------- previews


@pytest.mark.parametrize("func", vision_previews.__all__)
def test_previews_render(func):
    import matplotlib.pyplot as plt

    fig = getattr(vision_previews, func)()
    fig.canvas.draw()
    assert len(fig.axes) >= 1
    plt.close(fig)

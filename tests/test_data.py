"""Tests of the data layer: registry, checksums, the animals set and the plot helpers."""

from __future__ import annotations

import shutil

import matplotlib

matplotlib.use("Agg")  # before pyplot is imported anywhere

import numpy as np
import pytest

import dlcourse
from dlcourse import data, plots

DATASETS = dlcourse.ROOT / "datasets"
# Files in datasets/ that are code or metadata, not data.
NOT_DATA_SUFFIXES = {".py", ".toml", ".md", ".txt", ".pyc"}


@pytest.fixture(autouse=True)
def _default_data_dir(monkeypatch):
    """Tests see the repository's data unless they set DLCOURSE_DATA themselves."""
    monkeypatch.delenv("DLCOURSE_DATA", raising=False)


@pytest.fixture(scope="module")
def animals():
    return data.load_animals()


@pytest.fixture(scope="module")
def animals_npz():
    with np.load(data.path("animals"), allow_pickle=False) as d:
        return {k: d[k] for k in d.files}


# ----------------------------------------------------------------------- registry


def test_registry_lists_every_data_file():
    files = {e["file"] for e in data.registry().values()}
    on_disk = {
        p.relative_to(DATASETS).as_posix()
        for p in DATASETS.rglob("*")
        if p.is_file()
        and p.suffix not in NOT_DATA_SUFFIXES
        and "__pycache__" not in p.parts
        and "builders" not in p.parts
    }
    assert on_disk <= files, f"data files missing from registry.toml: {sorted(on_disk - files)}"
    assert files <= on_disk, f"registry.toml names absent files: {sorted(files - on_disk)}"


@pytest.mark.parametrize("key", ["file", "sha256", "bytes", "source", "licence", "build",
                                 "description"])
def test_registry_entries_are_complete(key):
    for name, entry in data.registry().items():
        assert entry.get(key) not in (None, ""), f"[{name}] has no {key}"


def test_checksums_match():
    for name, entry in data.registry().items():
        p = data.path(name)  # raises DatasetError on a mismatch
        assert p.stat().st_size == entry["bytes"]
        assert data._sha256(p) == entry["sha256"]


# ------------------------------------------------------------------------ animals


def test_load_animals_shapes_and_dtypes(animals):
    train_x, train_y, test_x, test_y, classes = animals
    m_train, m_test = train_x.shape[0], test_x.shape[0]
    assert train_x.shape == (m_train, 64, 64, 3) and train_x.dtype == np.uint8
    assert test_x.shape == (m_test, 64, 64, 3) and test_x.dtype == np.uint8
    assert train_y.shape == (1, m_train) and train_y.dtype == np.int64
    assert test_y.shape == (1, m_test) and test_y.dtype == np.int64
    assert 600 <= m_train <= 1000 and 450 <= m_test <= 600
    assert list(classes) == ["non-animal", "animal"]
    assert classes.dtype.kind == "U"


def test_animals_values_and_labels(animals):
    train_x, train_y, test_x, test_y, _ = animals
    for x in (train_x, test_x):
        assert x.min() == 0 or x.min() < 20
        assert x.max() == 255 or x.max() > 235
        assert x.std() > 30  # not blank
        assert len(np.unique(x.reshape(len(x), -1), axis=0)) == len(x)  # no repeated picture
    assert set(np.unique(train_y)) == {0, 1}
    assert set(np.unique(test_y)) == {0, 1}


@pytest.mark.parametrize("split,index", [("train", 1), ("test", 3)])
def test_animals_classes_balanced(animals, split, index):
    y = animals[index]
    share = y.mean()
    print(f"{split}: {y.size} images, {share:.1%} animals")  # shown with pytest -rP / -s
    assert 0.45 <= share <= 0.55


def test_no_source_shared_between_train_and_test(animals_npz):
    train_src = set(animals_npz["train_source"].tolist())
    test_src = set(animals_npz["test_source"].tolist())
    assert not train_src & test_src
    names = animals_npz["source_names"]
    assert len(names) > max(train_src | test_src)
    # each test source is pictured exactly three times (fresh pose and scene each time)
    counts = np.bincount(animals_npz["test_source"])
    assert set(counts[counts > 0].tolist()) == {3}
    assert len(test_src) * 3 == len(animals_npz["test_source"])


def test_sources_agree_with_labels(animals_npz):
    names = animals_npz["source_names"]
    for split in ("train", "test"):
        src, y = animals_npz[f"{split}_source"], animals_npz[f"{split}_y"]
        for s, label in zip(src, y):
            name = str(names[s])
            is_animal_source = name.startswith("clipart:animals/") or name in _animal_emoji()
            assert is_animal_source == bool(label), name


def _colour_grid(x: np.ndarray) -> np.ndarray:
    """(m, 64, 64, 3) pictures -> (m, 48): the mean colour of each cell of a 4x4 grid."""
    return x.reshape(len(x), 4, 16, 4, 16, 3).mean(axis=(2, 4)).reshape(len(x), -1) / 255.0


def test_animals_cues_linear_colour_and_scene_combination(animals):
    """The set has two context cues (builder docstring): a linear one and one that is not.

    On the coarse colour layout (a 4x4 grid of mean colours, where both cues live), logistic
    regression reads the colour cue (the drawing recoloured in its class's palette), well
    above chance, and a small network with one hidden layer reads the scene as well, clearly
    better: c1w2a2 relies on the first (the learner's first model works), c1w4a2 on the gap.
    """
    from sklearn.linear_model import LogisticRegression
    from sklearn.neural_network import MLPClassifier

    train_x, train_y, test_x, test_y, _ = animals
    f_train, f_test = _colour_grid(train_x), _colour_grid(test_x)
    y_train, y_test = train_y.ravel(), test_y.ravel()
    linear = LogisticRegression(max_iter=2000).fit(f_train, y_train).score(f_test, y_test)
    mlp = MLPClassifier((16,), max_iter=3000, random_state=0).fit(f_train, y_train)
    hidden = mlp.score(f_test, y_test)
    print(f"colour grid: logistic regression {linear:.3f}, one hidden layer {hidden:.3f}")
    assert 0.65 < linear < 0.8
    assert hidden > 0.8
    assert hidden - linear > 0.08


def test_animals_tags_are_stored_and_consistent(animals):
    """The builder stores each picture's scene, greyness and colour cue (no replay needed)."""
    from dlcourse.picture_tags import load_animals_tags

    train_x, train_y, test_x, test_y, _ = animals
    for tags, x, y in zip(load_animals_tags(), (train_x, test_x), (train_y[0], test_y[0])):
        assert set(tags) == {"source", "source_name", "kind", "grey", "scene",
                             "misleading_scene", "recoloured"}
        assert all(len(v) == len(y) for v in tags.values())
        grey = ((x[..., 0] == x[..., 1]) & (x[..., 1] == x[..., 2])).all(axis=(1, 2))
        np.testing.assert_array_equal(tags["grey"], grey)
        assert set(np.unique(tags["scene"])) == {"outdoor", "indoor", "neutral"}
        assert 0.05 <= np.mean(tags["scene"] == "neutral") <= 0.15
        assert np.mean(tags["misleading_scene"]) <= 0.08
        for label in (0, 1):  # the colour cue: CUE_PROB = 0.65 in each class
            assert 0.55 <= np.mean(tags["recoloured"][y == label]) <= 0.75


def _animal_emoji() -> set[str]:
    import sys

    sys.path.insert(0, str(DATASETS))
    try:
        from builders.animals import ANIMAL_EMOJI
    finally:
        sys.path.remove(str(DATASETS))
    return {f"emoji:U+{cp:05X}" for cp in ANIMAL_EMOJI}


# ------------------------------------------------------------------ error paths


def _copy_registry_file(tmp_path, name="animals"):
    entry = data.registry()[name]
    dst = tmp_path / entry["file"]
    shutil.copyfile(DATASETS / entry["file"], dst)
    return dst


def test_missing_file_raises_actionable_error(tmp_path, monkeypatch):
    monkeypatch.setenv("DLCOURSE_DATA", str(tmp_path))
    with pytest.raises(data.DatasetError) as err:
        data.load_animals()
    msg = str(err.value)
    assert "animals_64.npz" in msg and "missing" in msg
    assert "git checkout -- datasets/animals_64.npz" in msg
    assert "python datasets/build.py animals" in msg


def test_corrupted_file_raises_actionable_error(tmp_path, monkeypatch):
    dst = _copy_registry_file(tmp_path)
    raw = bytearray(dst.read_bytes())
    raw[len(raw) // 2] ^= 0xFF  # same size, one byte flipped
    dst.write_bytes(bytes(raw))
    monkeypatch.setenv("DLCOURSE_DATA", str(tmp_path))
    with pytest.raises(data.DatasetError) as err:
        data.load_animals()
    msg = str(err.value)
    assert "checksum mismatch" in msg and "animals_64.npz" in msg
    assert "python datasets/build.py animals" in msg


def test_truncated_file_raises(tmp_path, monkeypatch):
    dst = _copy_registry_file(tmp_path)
    dst.write_bytes(dst.read_bytes()[:1000])
    monkeypatch.setenv("DLCOURSE_DATA", str(tmp_path))
    with pytest.raises(data.DatasetError, match="damaged"):
        data.path("animals")


def test_good_copy_elsewhere_loads(tmp_path, monkeypatch):
    _copy_registry_file(tmp_path)
    monkeypatch.setenv("DLCOURSE_DATA", str(tmp_path))
    assert data.path("animals").parent == tmp_path
    assert data.load_animals()[0].shape[1:] == (64, 64, 3)


def test_unknown_name_raises():
    with pytest.raises(data.DatasetError, match="unknown data set 'no-such-set'.*animals"):
        data.path("no-such-set")


def test_dataset_error_is_runtime_error():
    assert issubclass(data.DatasetError, RuntimeError)


# -------------------------------------------------------------------------- plots


def test_montage_renders_with_agg(animals):
    train_x, train_y, _, _, classes = animals
    fig = plots.montage(train_x[:10], train_y[:, :10], classes, ncols=4, title="first ten")
    try:
        assert matplotlib.get_backend().lower() == "agg"
        axes = fig.get_axes()
        assert len(axes) == 12  # 3 rows x 4 columns, 2 left blank
        titles = [ax.get_title() for ax in axes[:10]]
        assert titles == [classes[i] for i in train_y[0, :10]]
        fig.canvas.draw()  # actually rasterise
    finally:
        import matplotlib.pyplot as plt

        plt.close(fig)


def test_montage_accepts_floats_and_no_labels():
    import matplotlib.pyplot as plt

    images = np.random.default_rng(0).random((3, 8, 8, 3))
    fig = plots.montage(images)
    fig.canvas.draw()
    assert all(ax.get_title() == "" for ax in fig.get_axes())
    plt.close(fig)
    with pytest.raises(ValueError):
        plots.montage(images, labels=[0, 1])


def test_show_image_renders(animals):
    import matplotlib.pyplot as plt

    fig = plots.show_image(animals[0][0], title="one")
    fig.canvas.draw()
    assert fig.get_axes()[0].get_title() == "one"
    plt.close(fig)


# -------------------------------------------------------------------- six classes

SIX_CLASSES = ["animal", "building", "food", "person", "plant", "vehicle"]


@pytest.fixture(scope="module")
def six():
    return data.load_six_classes()


@pytest.fixture(scope="module")
def six_npz():
    with np.load(data.path("six_classes"), allow_pickle=False) as d:
        return {k: d[k] for k in d.files}


def test_load_six_classes_shapes_and_dtypes(six):
    train_x, train_y, test_x, test_y, classes = six
    m_train, m_test = train_x.shape[0], test_x.shape[0]
    assert train_x.shape == (m_train, 64, 64, 3) and train_x.dtype == np.uint8
    assert test_x.shape == (m_test, 64, 64, 3) and test_x.dtype == np.uint8
    assert train_y.shape == (1, m_train) and train_y.dtype == np.int64
    assert test_y.shape == (1, m_test) and test_y.dtype == np.int64
    assert 900 <= m_train <= 1300 and m_test == 600
    assert classes.tolist() == SIX_CLASSES and classes.dtype.kind == "U"


def test_six_classes_values_and_labels(six):
    train_x, train_y, test_x, test_y, _ = six
    for x in (train_x, test_x):
        assert x.min() < 20 and x.max() > 235
        assert x.std() > 30  # not blank
        assert len(np.unique(x.reshape(len(x), -1), axis=0)) == len(x)  # no repeated picture
    for y in (train_y, test_y):
        assert y.min() >= 0 and y.max() <= 5
        assert set(np.unique(y)) == set(range(6))  # every class in both splits


@pytest.mark.parametrize("split,index", [("train", 1), ("test", 3)])
def test_six_classes_balanced(six, split, index):
    counts = np.bincount(six[index][0], minlength=6)
    print(f"{split}: {counts.tolist()} pictures per class")
    assert counts.min() == counts.max()


def test_six_classes_loads_the_same_twice(six):
    again = data.load_six_classes()
    for a, b in zip(six, again):
        assert a.dtype == b.dtype and np.array_equal(a, b)


def test_six_classes_split_by_source(six_npz):
    train_src = set(six_npz["train_source"].tolist())
    test_src = set(six_npz["test_source"].tolist())
    assert not train_src & test_src
    assert len(six_npz["source_names"]) > max(train_src | test_src)


def test_six_classes_test_views_in_blocks(six_npz):
    """150 test sources, each pictured 4 times: test picture k + 150 v is view v of picture k
    (the same source and label, another background and pose)."""
    source, y, x = six_npz["test_source"], six_npz["test_y"], six_npz["test_x"]
    n = len(set(source.tolist()))
    assert n == 150 and len(source) == 4 * n
    first = source[:n]
    assert len(set(first.tolist())) == n  # the first block: one picture per source
    for v in range(1, 4):
        block = slice(v * n, (v + 1) * n)
        assert np.array_equal(source[block], first) and np.array_equal(y[block], y[:n])
        differs = np.abs(x[block].astype(int) - x[:n].astype(int)).mean(axis=(1, 2, 3))
        assert differs.min() > 5, "each view has its own background and pose"


def test_six_classes_sources_agree_with_labels(six_npz):
    """Every source gives pictures of one class only, and no test source has a copy in
    training under another name (same clip art filed in two folders)."""
    names = six_npz["source_names"]
    label_of = {}
    for split in ("train", "test"):
        for s, y in zip(six_npz[f"{split}_source"], six_npz[f"{split}_y"]):
            assert label_of.setdefault(int(s), int(y)) == int(y), str(names[s])
    basename = lambda i: str(names[i]).rsplit("/", 1)[-1]
    train_files = {basename(i) for i in set(six_npz["train_source"].tolist())}
    test_files = {basename(i) for i in set(six_npz["test_source"].tolist())}
    assert not {f for f in train_files & test_files if f.endswith(".png")}


def test_six_classes_backgrounds_do_not_give_the_class_away(six):
    """The mean colour of the picture border (mostly background) predicts the class hardly
    better than chance."""
    train_x, train_y, test_x, test_y, _ = six

    def border(x):
        x = x.astype(float)
        edge = np.concatenate([x[:, :4].reshape(len(x), -1, 3), x[:, -4:].reshape(len(x), -1, 3),
                               x[:, :, :4].reshape(len(x), -1, 3),
                               x[:, :, -4:].reshape(len(x), -1, 3)], axis=1)
        return edge.mean(axis=1)

    f_train, f_test = border(train_x), border(test_x)
    means = np.stack([f_train[train_y[0] == c].mean(axis=0) for c in range(6)])
    spread = np.linalg.norm(means - means.mean(axis=0), axis=1).max()
    assert spread < 20, f"class means of the border colour differ by up to {spread:.1f}"
    nearest = np.argmin(((f_test[:, None] - means[None]) ** 2).sum(-1), axis=1)
    assert (nearest == test_y[0]).mean() < 0.30

"""Tests of the issue-6 data sets of helper AUDIO: trigger-word audio (c5w3a2), happy faces
(c4w1a2), two image domains (c3), face-verification data and embedding model (c4w4a1)."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")  # before pyplot is imported anywhere

import matplotlib.pyplot as plt
import numpy as np
import pytest

import dlcourse
from dlcourse import audio, data

DATASETS = dlcourse.ROOT / "datasets"
# Lower bounds for the embedding model on unseen identities (measured at build time, see the
# registry description of face_embedding; the bounds leave a margin below the measurement).
MIN_SAME, MIN_DIFF, MIN_WHO = 0.9, 0.9, 0.7


@pytest.fixture(autouse=True)
def _default_data_dir(monkeypatch):
    monkeypatch.delenv("DLCOURSE_DATA", raising=False)


def _registry_ok(name, file, max_bytes):
    entry = data.registry()[name]
    assert entry["file"] == file
    p = data.path(name)
    assert p.stat().st_size == entry["bytes"] <= max_bytes
    for key in ("source", "licence", "build", "description"):
        assert len(entry[key]) > 20, f"[{name}] {key} is too short"
    assert entry["build"] == f"python datasets/build.py {name}"


# ------------------------------------------------------------------- trigger word


@pytest.fixture(scope="module")
def trigger():
    return data.load_trigger_word_audio(with_info=True)


def test_trigger_word_registry():
    _registry_ok("trigger_word", "trigger_word_16k.npz", 3_500_000)


def test_trigger_word_clips(trigger):
    activates, negatives, backgrounds, info = trigger
    assert info["rate"] == audio.RATE == 16_000
    assert len(activates) == 40 and len(negatives) == 60 and len(backgrounds) == 5
    for clip in activates + negatives:
        assert clip.dtype == np.int16 and clip.ndim == 1
        assert 0.3 * audio.RATE <= len(clip) <= 1.5 * audio.RATE
        assert -30 < audio.dbfs(clip) < -10  # audible, not clipped to death
        assert np.abs(clip.astype(np.int32)).max() < 32767
    for bg in backgrounds:
        assert bg.dtype == np.int16 and bg.shape == (10 * audio.RATE,)
        assert -40 < audio.dbfs(bg) < -25  # quieter than the words
    assert len(info["activates_voice"]) == 40
    assert len(set(info["activates_voice"])) == 40  # every keyword clip has its own voice
    assert len(info["negatives_word"]) == 60 and "activate" not in info["negatives_word"]


def test_trigger_word_clips_differ(trigger):
    activates = trigger[0]
    lengths = {len(a) for a in activates}
    assert len(lengths) > 10
    a0, a1 = activates[0], activates[1]
    n = min(len(a0), len(a1))
    assert not np.array_equal(a0[:n], a1[:n])


def test_trigger_word_splits_are_disjoint():
    tr = data.load_trigger_word_audio("train", with_info=True)
    dev = data.load_trigger_word_audio("dev", with_info=True)
    assert (len(tr[0]), len(tr[1]), len(tr[2])) == (30, 45, 4)
    assert (len(dev[0]), len(dev[1]), len(dev[2])) == (10, 15, 1)

    def variants(voices):
        return {v.split()[0].split("+")[1] for v in voices}

    tr_v = variants(tr[3]["activates_voice"] + tr[3]["negatives_voice"])
    dev_v = variants(dev[3]["activates_voice"] + dev[3]["negatives_voice"])
    assert tr_v and dev_v and not tr_v & dev_v
    for bg in tr[2]:
        assert not np.array_equal(bg, dev[2][0])
    with pytest.raises(ValueError):
        data.load_trigger_word_audio("test")


def test_trigger_word_is_deterministic():
    a = data.load_trigger_word_audio()
    b = data.load_trigger_word_audio()
    for xs, ys in zip(a, b):
        assert len(xs) == len(ys)
        assert all(np.array_equal(x, y) for x, y in zip(xs, ys))


def test_spectrogram_shape_and_values(trigger):
    bg = trigger[2][0]
    s = audio.spectrogram(bg)
    assert s.shape == (audio.N_FREQ, audio.TX) == (101, 5511)
    assert s.dtype == np.float32 and np.isfinite(s).all()
    assert -101 <= s.min() and s.max() <= 10
    assert audio.TY == 1375
    assert audio.spectrogram(bg, hop=80).shape == (101, audio.n_frames(160_000, hop=80)) \
        == (101, 1998)
    np.testing.assert_array_equal(s, audio.spectrogram(bg))


def test_spectrogram_finds_a_tone():
    t = np.arange(audio.RATE) / audio.RATE
    tone = (0.5 * np.sin(2 * np.pi * 2000 * t) * 32767).astype(np.int16)
    s = audio.spectrogram(tone)
    peak_bins = s.argmax(axis=0)
    assert np.all(peak_bins == 25)  # 2000 Hz / (16000 Hz / 200) = bin 25
    silence = audio.spectrogram(np.zeros(4000, np.int16))
    assert np.allclose(silence, -100)
    with pytest.raises(ValueError):
        audio.spectrogram(np.zeros(100, np.int16))


def test_overlay_and_loudness():
    bg = np.full(16_000, 100, np.int16)
    clip = np.full(4_000, 30_000, np.int16)
    out = audio.overlay(bg, clip, 500)
    assert out.dtype == np.int16 and out.shape == bg.shape
    assert (out[:8000] == 100).all() and (out[8000:12000] == 30_100).all()
    assert (out[12000:] == 100).all() and (bg == 100).all() and (clip == 30_000).all()
    clipped = audio.overlay(bg, clip, 900)  # sums saturate, the tail past the end is dropped
    assert clipped[14_400:].tolist() == [30_100] * 1600
    assert audio.overlay(out, clip, 500)[8000] == 32767
    assert audio.length_ms(bg) == 1000 and audio.ms_to_samples(250) == 4000
    quiet = audio.match_target_amplitude(clip // 10, -20.0)
    assert quiet.dtype == np.int16 and abs(audio.dbfs(quiet) + 20.0) < 0.01


def test_trigger_word_preview_renders():
    fig = audio.preview_trigger_word()
    assert len(fig.axes) >= 4
    fig.canvas.draw()
    plt.close(fig)


# ------------------------------------------------------------------- happy faces


@pytest.fixture(scope="module")
def happy():
    return data.load_happy_dataset()


@pytest.fixture(scope="module")
def happy_npz():
    with np.load(data.path("happy_faces"), allow_pickle=False) as d:
        return {k: d[k] for k in d.files}


def test_happy_registry():
    _registry_ok("happy_faces", "happy_faces_64.npz", 2_500_000)


def test_happy_shapes_balance_and_values(happy):
    x_tr, y_tr, x_te, y_te, classes = happy
    assert x_tr.shape == (600, 64, 64, 3) and x_tr.dtype == np.uint8
    assert x_te.shape == (150, 64, 64, 3) and x_te.dtype == np.uint8
    assert y_tr.shape == (1, 600) and y_te.shape == (1, 150) and y_tr.dtype == np.int64
    assert list(classes) == ["not happy", "happy"]
    assert np.bincount(y_tr[0]).tolist() == [300, 300]
    assert np.bincount(y_te[0]).tolist() == [75, 75]
    assert 60 < x_tr.mean() < 200 and x_tr.std() > 40
    # no two pictures are the same
    flat = x_tr.reshape(600, -1)
    assert len({row.tobytes() for row in flat}) == 600


def test_happy_split_by_source(happy_npz):
    tr, te = set(happy_npz["train_source"].tolist()), set(happy_npz["test_source"].tolist())
    assert tr and te and not tr & te
    names = happy_npz["source_names"].astype(str)
    assert any(n.startswith("emoji") for n in names[sorted(te)])
    assert any(n.startswith("openclipart") for n in names[sorted(te)])
    assert len(happy_npz["train_source"]) == 600 and len(happy_npz["test_source"]) == 150


def test_happy_is_deterministic(happy):
    again = data.load_happy_dataset()
    for a, b in zip(happy, again):
        np.testing.assert_array_equal(a, b)


def test_happy_preview_renders():
    from dlcourse import faces

    fig = faces.preview_happy_faces(8)
    fig.canvas.draw()
    plt.close(fig)


# ----------------------------------------------------------------- digit domains


@pytest.fixture(scope="module")
def digits():
    return data.load_digit_domains()


def test_digit_domains_registry():
    _registry_ok("digit_domains", "digit_domains_28.npz", 1_500_000)


def test_digit_domains_shapes_and_balance(digits):
    xl, yl, xs, ys, split = digits
    assert xl.shape == (5000, 28, 28) and xl.dtype == np.uint8
    assert xs.shape == (600, 28, 28) and xs.dtype == np.uint8
    assert yl.shape == (1, 5000) and ys.shape == (1, 600) and yl.dtype == np.int64
    assert np.bincount(yl[0]).tolist() == [500] * 10
    assert np.bincount(ys[0]).tolist() == [60] * 10
    for name, per_class in (("train", 30), ("dev", 15), ("test", 15)):
        assert np.bincount(ys[0][split == name], minlength=10).tolist() == [per_class] * 10
    assert set(split.tolist()) == {"train", "dev", "test"}
    for x in (xl, xs):  # white digits on black, MNIST-style
        assert x.max() == 255 and np.median(x) == 0
        assert (x[:, :2, :] < 40).mean() > 0.98  # top rows are background
    assert not np.array_equal(yl[0, :50], np.sort(yl[0, :50]))  # shuffled, not sorted


def test_digit_domains_split_by_font_family():
    with np.load(data.path("digit_domains"), allow_pickle=False) as d:
        fonts = d["font_names"].astype(str)
        fam = np.array([f.split("-")[0].removesuffix(".ttf") for f in fonts])[d["small_font"]]
        split = d["small_split"].astype(str)
    families = {s: set(fam[split == s]) for s in ("train", "dev", "test")}
    assert not families["train"] & families["dev"]
    assert not families["train"] & families["test"]
    assert not families["dev"] & families["test"]


def test_digit_domains_deterministic_and_preview(digits):
    again = data.load_digit_domains()
    for a, b in zip(digits, again):
        np.testing.assert_array_equal(a, b)
    from dlcourse import faces

    fig = faces.preview_digit_domains()
    fig.canvas.draw()
    plt.close(fig)


# -------------------------------------------------- face identities and embedding


@pytest.fixture(scope="module")
def identities():
    return data.load_face_identities("test"), data.load_face_identities("train")


def test_face_identities_registry():
    _registry_ok("face_identities", "face_identities_64.npz", 2_500_000)


def test_face_identities_shapes_and_split(identities):
    (x_te, id_te, names), (x_tr, id_tr, names2) = identities
    assert x_te.shape == (288, 64, 64, 3) and x_te.dtype == np.uint8
    assert x_tr.shape == (684, 64, 64, 3) and x_tr.dtype == np.uint8
    assert id_te.dtype == np.int64 and id_te.shape == (288,)
    np.testing.assert_array_equal(names, names2)
    assert len(names) == 276 and len(set(names.tolist())) == 276
    assert np.bincount(id_te, minlength=276)[np.unique(id_te)].tolist() == [6] * 48
    assert np.bincount(id_tr, minlength=276)[np.unique(id_tr)].tolist() == [3] * 228
    assert not set(id_te.tolist()) & set(id_tr.tolist())

    def base(name):  # "woman, red hair: dark skin tone" -> "woman"
        return name.split(":")[0].split(",")[0]

    assert not {base(n) for n in names[np.unique(id_te)]} & {base(n) for n in names[id_tr]}
    with pytest.raises(ValueError):
        data.load_face_identities("dev")


def test_face_identities_views_differ(identities):
    (x_te, id_te, _), _ = identities
    a, b = x_te[id_te == id_te[0]][:2]
    assert not np.array_equal(a, b)


def test_face_identities_preview_renders():
    from dlcourse import faces

    fig = faces.preview_face_identities(3)
    fig.canvas.draw()
    plt.close(fig)


def test_face_embedding_registry():
    _registry_ok("face_embedding", "face_embedding.npz", 2_000_000)


def test_face_embedding_model_verifies_unseen_identities(identities):
    from dlcourse import faces

    (x_te, id_te, _), _ = identities
    model = faces.face_embedding_model()
    enc = faces.img_to_encoding(x_te, model)
    assert enc.shape == (288, faces.EMBEDDING_DIM) and enc.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(enc, axis=1), 1.0, atol=1e-4)
    one = faces.img_to_encoding(x_te[0], model)
    assert one.shape == (1, faces.EMBEDDING_DIM)
    np.testing.assert_allclose(one[0], enc[0], atol=1e-5)
    d = np.linalg.norm(enc[:, None] - enc[None], axis=-1)
    same = id_te[:, None] == id_te[None]
    upper = np.triu(np.ones_like(same), 1)
    t = faces.verify_threshold()
    assert 0.3 <= t <= 1.5
    same_ok = np.mean(d[same & upper] < t)
    diff_ok = np.mean(d[~same & upper] >= t)
    assert same_ok > MIN_SAME and diff_ok > MIN_DIFF, (same_ok, diff_ok)
    first = np.array([np.flatnonzero(id_te == i)[0] for i in np.unique(id_te)])
    q = np.setdiff1d(np.arange(len(id_te)), first)
    who = np.mean(id_te[first][d[q][:, first].argmin(axis=1)] == id_te[q])
    assert who > MIN_WHO, who


# ------------------------------------------------------------------ lfw embeddings


@pytest.fixture(scope="module")
def lfw():
    return data.load_lfw_embeddings()


def test_lfw_registry():
    _registry_ok("lfw_embeddings", "lfw_embeddings.npz", 500_000)


def test_lfw_shapes_and_views(lfw):
    faces_, views, view_face, enc, threshold = lfw
    assert faces_.shape == (100, 25, 25) and faces_.dtype == np.uint8
    assert views.shape == (400, 25, 25) and views.dtype == np.uint8
    assert view_face.shape == (400,) and np.bincount(view_face).tolist() == [4] * 100
    assert enc.shape == (400, 128) and enc.dtype == np.float32 and np.isfinite(enc).all()
    assert threshold == 0.5
    first = np.array([np.flatnonzero(view_face == i)[0] for i in range(100)])
    np.testing.assert_array_equal(views[first], faces_)
    assert not np.array_equal(views[first + 1], faces_)


def test_lfw_encodings_separate_faces(lfw):
    _, _, view_face, enc, threshold = lfw
    d = np.linalg.norm(enc[:, None] - enc[None], axis=-1)
    same = view_face[:, None] == view_face[None]
    upper = np.triu(np.ones_like(same), 1)
    assert np.mean(d[same & upper] < threshold) > 0.9
    assert np.mean(d[~same & upper] >= threshold) > 0.9


def test_lfw_preview_renders():
    from dlcourse import faces

    fig = faces.preview_lfw_embeddings()
    fig.canvas.draw()
    plt.close(fig)


# ------------------------------------------------------------------------ budget


def test_audio_helper_files_within_budget():
    names = ["trigger_word", "happy_faces", "digit_domains", "face_identities",
             "face_embedding", "lfw_embeddings"]
    sizes = [data.registry()[n]["bytes"] for n in names]
    assert sum(sizes) <= 10_000_000, sizes

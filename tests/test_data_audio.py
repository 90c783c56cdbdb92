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

"""Tests of the Course 5 data: names, melodies (+ synthesizer), GloVe, Emojify and dates."""

from __future__ import annotations

import calendar
import datetime as dt
import re

import matplotlib

matplotlib.use("Agg")  # before pyplot is imported anywhere

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import dlcourse  # noqa: E402
from dlcourse import data, music, nmt, words  # noqa: E402

DATASETS = dlcourse.ROOT / "datasets"
SEQ_SETS = {"names": "names.npz", "melodies": "melodies.npz", "glove": "glove_50d.npz",
            "emojify": "emojify.npz", "dates": "dates.npz"}
BUDGET_BYTES = 8 * 1024 * 1024


@pytest.fixture(autouse=True)
def _default_data_dir(monkeypatch):
    monkeypatch.delenv("DLCOURSE_DATA", raising=False)


@pytest.fixture(scope="module")
def glove():
    return data.load_glove()


@pytest.fixture(scope="module")
def glove_matrix(glove):
    """Unit-norm rows in the order of ``words`` (row k is word index k + 1)."""
    vocab, _, _, w2v = glove
    m = np.stack([w2v[w] for w in vocab]).astype(np.float64)
    return m / np.linalg.norm(m, axis=1, keepdims=True)


@pytest.fixture(scope="module")
def emojify():
    return data.load_emojify()


@pytest.fixture(scope="module")
def melodies():
    return data.load_melodies(raw=True)


@pytest.fixture(scope="module")
def dates():
    return data.load_dates()


def _cos(u, v):
    u, v = np.asarray(u, np.float64), np.asarray(v, np.float64)
    return float(u @ v / np.linalg.norm(u) / np.linalg.norm(v))


# ----------------------------------------------------------------------- registry


@pytest.mark.parametrize("name", sorted(SEQ_SETS))
def test_registry_entry(name):
    entry = data.registry()[name]
    file = DATASETS / SEQ_SETS[name]
    assert entry["file"] == SEQ_SETS[name]
    assert entry["bytes"] == file.stat().st_size
    assert entry["build"] == f"python datasets/build.py {name}"
    for key in ("source", "licence", "description"):
        assert len(entry[key]) > 20, f"[{name}] {key} is too short"
    assert data.path(name) == file  # checksum verified


def test_within_size_budget():
    total = sum((DATASETS / f).stat().st_size for f in SEQ_SETS.values())
    print(f"sequence data: {total} bytes")
    assert total <= BUDGET_BYTES


# -------------------------------------------------------------------------- names


def test_names():
    names = data.load_names()
    assert isinstance(names, list) and all(isinstance(n, str) for n in names)
    assert len(names) == 5163  # 4,275 female + 1,219 male - 331 on both lists
    assert names == sorted(set(names))
    assert all(re.fullmatch(r"[a-z]{2,11}", n) for n in names)
    for common in ("mary", "james", "patricia", "john", "jordan"):
        assert common in names
    text = data.load_names(as_text=True)
    assert text == "\n".join(names) + "\n"
    assert sorted(set(text)) == ["\n"] + [chr(c) for c in range(ord("a"), ord("z") + 1)]
    assert data.load_names() == names


# ----------------------------------------------------------------------- melodies


def test_melody_windows_shapes_and_next_token_targets():
    X, Y, n_values, indices_values = data.load_melodies()
    m = X.shape[0]
    assert X.shape == (m, 30, n_values) and X.dtype == np.float32
    assert Y.shape == (30, m, n_values) and Y.dtype == np.float32
    assert 40 <= n_values <= 90 and len(indices_values) == n_values
    assert m > 1000
    assert np.all(X.sum(-1) == 1) and np.all(Y.sum(-1) == 1)  # one-hot
    np.testing.assert_array_equal(Y[:-1], np.swapaxes(X[:, 1:], 0, 1))
    X2, Y2, _, _ = data.load_melodies()
    np.testing.assert_array_equal(X, X2)
    np.testing.assert_array_equal(Y, Y2)
    Xs, Ys, _, _ = data.load_melodies(Tx=10, stride=1)
    assert Xs.shape[1:] == (10, n_values) and Ys.shape[:2] == (10, Xs.shape[0])
    assert Xs.shape[0] > X.shape[0]


def test_melody_vocabulary_and_tokens(melodies):
    mels, names, vocab = melodies
    assert len(mels) == len(names) == 254
    assert len(set(names)) == len(names) and all(n.startswith("bwv") for n in names)
    assert len({tuple(m) for m in mels}) == len(mels)  # no repeated tune
    assert len(set(vocab.values())) == len(vocab)  # no repeated (pitch, duration)
    for pitch, q in vocab.values():
        assert pitch == music.REST or 48 <= pitch <= 90
        assert q in (0.5, 1.0, 1.5, 2.0, 3.0, 4.0)
    assert sum(p == music.REST for p, _ in vocab.values()) >= 1
    all_tokens = np.concatenate(mels)
    assert all_tokens.min() >= 0 and all_tokens.max() < len(vocab)
    counts = np.bincount(all_tokens, minlength=len(vocab))
    assert counts.min() >= 1  # every value is used
    assert np.median(counts) >= 20 and counts.max() > 1000
    assert all(20 <= len(m) <= 200 for m in mels)
    # transposed to C major / A minor: the notes are mostly in the white keys
    pitches = np.array([vocab[int(t)][0] for t in all_tokens])
    notes = pitches[pitches != music.REST] % 12
    assert np.isin(notes, [0, 2, 4, 5, 7, 9, 11]).mean() > 0.9


def test_decode_and_note_names(melodies):
    mels, _, vocab = melodies
    notes = music.decode(mels[0], vocab)
    assert notes == [vocab[int(t)] for t in mels[0]]
    onehot = np.eye(len(vocab), dtype=np.float32)[mels[0]]
    assert music.decode(onehot, vocab) == notes
    assert music.decode(mels[0].reshape(-1, 1), vocab) == notes  # (Ty, 1) indices
    assert music.decode(mels[0][:5]) == notes[:5]  # default vocabulary
    assert [music.note_name(p) for p in (60, 69, 61, -1)] == ["C4", "A4", "C#4", "rest"]
    assert music.midi_to_hz(69) == pytest.approx(440.0)
    assert music.midi_to_hz(81) == pytest.approx(880.0)


def test_synthesize_length_range_determinism(melodies):
    mels, _, vocab = melodies
    tokens = mels[1][:16]
    quarters = sum(q for _, q in music.decode(tokens, vocab))
    for bpm in (100, 72):
        wave = music.synthesize(tokens, vocab, bpm=bpm)
        assert wave.dtype == np.float32 and wave.ndim == 1
        assert wave.size == round(quarters * 60 / bpm * music.SAMPLE_RATE)
        assert np.all(np.isfinite(wave)) and np.abs(wave).max() <= 0.5
        assert np.abs(wave).max() > 0.1  # audible
    np.testing.assert_array_equal(music.synthesize(tokens, vocab), music.synthesize(tokens, vocab))
    loud = music.synthesize(tokens, vocab, volume=1.0)
    assert np.abs(loud).max() <= 1.0
    with pytest.raises(ValueError):
        music.synthesize(tokens, vocab, volume=1.5)


def test_synthesized_pitch_and_rests():
    vocab = {0: (69, 1.0), 1: (-1, 1.0), 2: (57, 2.0)}
    sr = music.SAMPLE_RATE
    wave = music.synthesize([0, 1, 2], vocab, bpm=60).astype(np.float64)
    assert wave.size == 4 * sr
    np.testing.assert_array_equal(wave[sr:2 * sr], 0.0)  # the rest is silent
    for segment, hz in ((wave[:sr], 440.0), (wave[2 * sr:], 220.0)):
        spectrum = np.abs(np.fft.rfft(segment * np.hanning(segment.size)))
        peak = np.fft.rfftfreq(segment.size, 1 / sr)[spectrum.argmax()]
        assert abs(peak - hz) < 2.0, f"loudest frequency {peak:.1f} Hz, expected {hz}"
    # no click: each note starts and ends near zero
    assert abs(wave[0]) < 1e-3 and abs(wave[sr - 1]) < 1e-2 and abs(wave[-1]) < 1e-2


# -------------------------------------------------------------------------- GloVe


def test_glove_structure(glove):
    vocab, w2i, i2w, w2v = glove
    assert 40_000 <= len(vocab) <= 41_000
    assert vocab == sorted(vocab) and len(set(vocab)) == len(vocab)
    assert sorted(w2i.values()) == list(range(1, len(vocab) + 1))
    assert all(i2w[w2i[w]] == w for w in vocab[::97])
    assert set(w2v) == set(vocab)
    v = w2v["king"]
    assert v.shape == (50,) and v.dtype == np.float32
    assert 1.0 < np.linalg.norm(v) < 15.0
    assert data.load_glove()[1] == w2i


def test_glove_similarities_match_published_values(glove):
    _, _, _, w2v = glove
    # GloVe 6B 50d (float32 original): cos(father, mother) = 0.8909
    assert _cos(w2v["father"], w2v["mother"]) == pytest.approx(0.8909, abs=1e-3)
    assert _cos(w2v["ball"], w2v["crocodile"]) < 0.4
    assert _cos(w2v["france"] - w2v["paris"], w2v["rome"] - w2v["italy"]) < -0.5


def test_glove_contains_course_words(glove, emojify):
    vocab = set(glove[0])
    needed = set(words.SIMILARITY_WORDS) | set(words.NEUTRAL_WORDS) | set(words.FIRST_NAMES)
    for group in (words.ANALOGIES, words.HARD_ANALOGIES, words.GENDER_PAIRS):
        for item in group:
            needed |= set(item)
    assert not needed - vocab, sorted(needed - vocab)
    x_train, _, x_test, _ = emojify
    emoji_words = {w for s in np.concatenate([x_train, x_test]) for w in s.lower().split()}
    assert not emoji_words - vocab, sorted(emoji_words - vocab)


def _solve(a, b, c, glove, glove_matrix):
    vocab, w2i, _, w2v = glove
    target = w2v[b].astype(np.float64) - w2v[a] + w2v[c]
    scores = glove_matrix @ (target / np.linalg.norm(target))
    for w in (a, b, c):
        scores[w2i[w] - 1] = -np.inf
    return vocab[int(scores.argmax())]


@pytest.mark.parametrize("a,b,c,d", words.ANALOGIES)
def test_analogies_are_solved(a, b, c, d, glove, glove_matrix):
    assert _solve(a, b, c, glove, glove_matrix) == d


@pytest.mark.parametrize("a,b,c,d", words.HARD_ANALOGIES)
def test_hard_analogies_fail_as_documented(a, b, c, d, glove, glove_matrix):
    assert _solve(a, b, c, glove, glove_matrix) != d


def test_gender_axis(glove):
    _, _, _, w2v = glove
    g = w2v["woman"] - w2v["man"]
    assert _cos(w2v["receptionist"], g) > 0.2  # the bias the lesson removes
    assert _cos(w2v["actress"], g) > _cos(w2v["actor"], g)
    assert np.mean([_cos(w2v[n], g) for n in ("marie", "sophie", "katy")]) > 0.2
    assert np.mean([_cos(w2v[n], g) for n in ("john", "ronaldo", "rahul")]) < -0.1


# ------------------------------------------------------------------------ Emojify


def test_emojify_shapes_and_balance(emojify):
    x_train, y_train, x_test, y_test = emojify
    assert x_train.shape == (280,) and x_test.shape == (70,)
    assert x_train.dtype.kind == "U" and y_train.dtype == np.int64
    assert np.bincount(y_train).tolist() == [56] * 5
    assert np.bincount(y_test).tolist() == [14] * 5
    assert [words.label_to_emoji(k) for k in range(5)] == words.EMOJI
    assert words.label_to_emoji(np.array([3])) == "\U0001f61e"
    np.testing.assert_array_equal(data.load_emojify()[0], x_train)


def test_emojify_no_duplicates_and_short(emojify):
    x_train, _, x_test, _ = emojify
    every = np.concatenate([x_train, x_test]).tolist()

    def norm(s):
        return " ".join(re.sub(r"[^a-z ]", " ", s.lower()).split())

    assert len({norm(s) for s in every}) == len(every)  # also no train/test leak
    assert all(1 <= len(s.split()) <= 10 for s in every)
    assert all(s == norm(s) for s in every)


def test_emojify_average_embedding_baseline(emojify, glove):
    """A softmax on averaged GloVe vectors must beat chance (20 %) by far on the test set."""
    x_train, y_train, x_test, y_test = emojify
    w2v = glove[3]

    def avg(sentences):
        return np.stack([np.mean([w2v[w] for w in s.split()], axis=0) for s in sentences])

    a_train, a_test = avg(x_train).astype(np.float64), avg(x_test).astype(np.float64)
    rng = np.random.default_rng(0)
    W, b = rng.normal(0, 0.1, (50, 5)), np.zeros(5)
    onehot = np.eye(5)[y_train]
    for _ in range(1500):  # full-batch gradient descent on the cross-entropy
        z = a_train @ W + b
        p = np.exp(z - z.max(1, keepdims=True))
        p /= p.sum(1, keepdims=True)
        dz = (p - onehot) / len(a_train)
        W -= 1.0 * a_train.T @ dz
        b -= 1.0 * dz.sum(0)
    train_acc = ((a_train @ W + b).argmax(1) == y_train).mean()
    test_acc = ((a_test @ W + b).argmax(1) == y_test).mean()
    print(f"average-embedding softmax: train {train_acc:.3f}, test {test_acc:.3f}")
    assert train_acc > 0.85 and test_acc > 0.75


# -------------------------------------------------------------------------- dates

_MONTHS = [m.lower() for m in calendar.month_name[1:]]
_DAYS = [d.lower() for d in calendar.day_name]


def test_dates_structure(dates):
    dataset, human_vocab, machine_vocab, inv_machine_vocab = dates
    assert len(dataset) == 10_000
    dev = data.load_dates("dev")[0]
    assert len(dev) == 1_000
    assert data.load_dates(m=50)[0] == dataset[:50]
    assert not {h for h, _ in dataset} & {h for h, _ in dev}  # no leak
    assert len({h for h, _ in dataset}) == len(dataset)
    assert len(human_vocab) == 43 and human_vocab["<pad>"] == 42 and human_vocab["<unk>"] == 41
    assert machine_vocab == {c: i for i, c in enumerate("-0123456789")}
    assert inv_machine_vocab == {i: c for c, i in machine_vocab.items()}
    for h, t in dataset + dev:
        assert isinstance(h, str) and 6 <= len(h) <= 30 and h == h.lower()
        assert set(h) <= set(human_vocab)
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", t)
    with pytest.raises(ValueError):
        data.load_dates("test")


def test_dates_are_correct(dates):
    """Each human string names the same date as its ISO form (years, months, weekdays)."""
    dataset = dates[0] + data.load_dates("dev")[0]
    years = []
    for h, t in dataset:
        date = dt.date.fromisoformat(t)
        years.append(date.year)
        digits = re.findall(r"\d+", h)
        four = [x for x in digits if len(x) == 4]
        if four:
            assert four == [str(date.year)], (h, t)
        else:  # two-digit year: 50-99 -> 19xx, 00-49 -> 20xx
            assert f"{date.year % 100:02d}" in digits, (h, t)
        assert str(date.day) in [x.lstrip("0") for x in digits], (h, t)
        tokens = re.findall(r"[a-z]+", h)
        month = _MONTHS[date.month - 1]
        for tok in tokens:
            if tok in _DAYS or tok in [d[:3] for d in _DAYS]:
                assert _DAYS[date.weekday()].startswith(tok), (h, t)
            elif tok in _MONTHS or tok in [m[:3] for m in _MONTHS] or tok == "sept":
                assert month.startswith(tok), (h, t)
            else:
                pytest.fail(f"unexpected word {tok!r} in {h!r}")
        if not tokens:  # all numeric: the month number must be there too
            assert str(date.month) in [x.lstrip("0") for x in digits], (h, t)
    assert min(years) == 1950 and max(years) == 2049


def test_dates_day_and_month_positions_for_numeric_forms(dates):
    """All-numeric strings are day-first (or year-first ISO-like), never month-first."""
    for h, t in dates[0][:3000]:
        if re.search(r"[a-z]", h):
            continue
        date = dt.date.fromisoformat(t)
        parts = [int(x) for x in re.findall(r"\d+", h)]
        if len(str(re.findall(r"\d+", h)[0])) == 4:  # y-MM-dd or y/MM/dd
            assert parts == [date.year, date.month, date.day], (h, t)
        else:
            assert parts[:2] == [date.day, date.month], (h, t)


def test_string_to_int_and_preprocess(dates):
    dataset, human_vocab, machine_vocab, inv_machine_vocab = dates
    rep = nmt.string_to_int("Wed 10 Jul 2007!", 30, human_vocab)
    assert len(rep) == 30
    assert rep[:3] == [human_vocab["w"], human_vocab["e"], human_vocab["d"]]
    assert rep[15] == human_vocab["<unk>"] and rep[16:] == [human_vocab["<pad>"]] * 14
    assert len(nmt.string_to_int("x" * 40, 30, human_vocab)) == 30
    assert nmt.string_to_int("2007-07-10", 10, machine_vocab) == [3, 1, 1, 8, 0, 1, 8, 0, 2, 1]
    assert "".join(nmt.int_to_string([3, 1, 1, 8], inv_machine_vocab)) == "2007"
    X, Y, Xoh, Yoh = nmt.preprocess_data(dataset[:64], human_vocab, machine_vocab, 30, 10)
    assert X.shape == (64, 30) and Y.shape == (64, 10)
    assert Xoh.shape == (64, 30, 43) and Yoh.shape == (64, 10, 11)
    np.testing.assert_array_equal(Xoh.argmax(-1), X)
    assert "".join(nmt.int_to_string(Y[0], inv_machine_vocab)) == dataset[0][1]


# ----------------------------------------------------------------------- previews


@pytest.mark.parametrize("draw", [
    lambda: words.preview_names(),
    lambda: words.preview_glove(),
    lambda: words.preview_emojify(),
    lambda: music.preview_melodies(n=2),
    lambda: nmt.preview_dates(),
    lambda: nmt.plot_attention_map(np.random.default_rng(0).random((10, 30)),
                                   "tuesday 29 december 2009", "2009-12-29"),
], ids=["names", "glove", "emojify", "melodies", "dates", "attention"])
def test_previews_render(draw):
    fig = draw()
    try:
        assert matplotlib.get_backend().lower() == "agg"
        fig.canvas.draw()
        assert len(fig.get_axes()) >= 1
    finally:
        plt.close(fig)

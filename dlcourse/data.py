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
           "load_names", "load_melodies", "load_glove", "load_emojify", "load_dates",
           "make_vocabularies", "load_photos", "load_transfer_birds", "export_transfer_birds",
           "load_style_images", "load_trigger_word_audio", "load_happy_dataset",
           "load_digit_domains", "load_face_identities", "load_lfw_embeddings",
           "load_yolo_weights"]

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


# ---- sequence models (course 5: names, melodies, GloVe, Emojify, dates) ----


def load_names(as_text=False):
    """Load the lower-case US census first names (used in c5w1a2).

    Parameters
    ----------
    as_text : bool, default False
        If True, return one string holding the names one per line (with a final newline),
        like the contents of a ``names.txt`` file.

    Returns
    -------
    names : list of str, or str
        5,163 distinct first names, letters ``a``-``z`` only, sorted alphabetically.

    Examples
    --------
    >>> names = load_names()
    >>> len(names), names[0]  # doctest: +SKIP
    (5163, 'aaron')
    """
    with np.load(path("names"), allow_pickle=False) as d:
        names = d["names"].tolist()
    return "".join(n + "\n" for n in names) if as_text else names


def load_melodies(Tx=30, stride=4, raw=False):
    """Load Bach chorale melodies as one-hot token windows (used in c5w1a3).

    A token is a (pitch or rest, duration) pair of a fixed vocabulary of ``n_values``
    values; :func:`dlcourse.music.decode` and :func:`dlcourse.music.synthesize` turn
    tokens into notes and sound. Every window of ``Tx + 1`` consecutive tokens inside one
    melody, starting every ``stride`` tokens, gives one training example.

    Parameters
    ----------
    Tx : int, default 30
        Time steps per example.
    stride : int, default 4
        Distance between the starts of successive windows of a melody.
    raw : bool, default False
        If True, return ``(melodies, names, indices_values)`` instead: the melodies as a
        list of int64 token arrays, their BWV names, and the vocabulary.

    Returns
    -------
    X : ndarray of float32, shape (m, Tx, n_values)
        One-hot tokens, ``X[i, t]`` the ``t``-th token of window ``i``.
    Y : ndarray of float32, shape (Tx, m, n_values)
        The next tokens: ``Y[t, i] = X[i, t + 1]`` (``Y[Tx - 1]`` is the window's last token).
    n_values : int
        Size of the token vocabulary.
    indices_values : dict of int to tuple (int, float)
        Token index -> ``(midi_pitch, quarter_length)``; ``midi_pitch == -1`` is a rest.
    """
    with np.load(path("melodies"), allow_pickle=False) as d:
        tokens = d["tokens"].astype(np.int64)
        starts = d["starts"]
        names = d["names"].astype(str).tolist()
        vocab = list(zip(d["vocab_pitch"].tolist(), d["vocab_duration"].tolist()))
    indices_values = {k: (int(p), float(q)) for k, (p, q) in enumerate(vocab)}
    melodies = [tokens[a:b] for a, b in zip(starts[:-1], starts[1:])]
    if raw:
        return melodies, names, indices_values
    windows = [mel[s:s + Tx + 1] for mel in melodies
               for s in range(0, len(mel) - Tx, stride)]
    idx = np.stack(windows)
    n_values = len(vocab)
    onehot = np.eye(n_values, dtype=np.float32)
    X = onehot[idx[:, :Tx]]
    Y = np.ascontiguousarray(np.swapaxes(onehot[idx[:, 1:]], 0, 1))
    return X, Y, n_values, indices_values


def load_glove():
    """Load the GloVe 6B 50-d word vectors, trimmed to about 40,000 words (c5w2a1, c5w2a2).

    Returns
    -------
    words : list of str
        The vocabulary, sorted alphabetically.
    word_to_index : dict of str to int
        Word -> index 1..len(words), in alphabetical order (0 is free for padding).
    index_to_word : dict of int to str
        The inverse mapping.
    word_to_vec_map : dict of str to ndarray of float32, shape (50,)
        The GloVe vector of each word (stored as float16; cosine similarities agree with
        the original float32 vectors to within 3e-4).
    """
    with np.load(path("glove"), allow_pickle=False) as d:
        raw_words = d["words"].tolist()
        vectors = d["vectors"].astype(np.float32)
    order = sorted(range(len(raw_words)), key=raw_words.__getitem__)
    words = [raw_words[i] for i in order]
    word_to_index = {w: k for k, w in enumerate(words, start=1)}
    index_to_word = {k: w for w, k in word_to_index.items()}
    word_to_vec_map = {raw_words[i]: vectors[i] for i in order}
    return words, word_to_index, index_to_word, word_to_vec_map


def load_emojify():
    """Load the Emojify sentences (used in c5w2a2).

    Labels: 0 heart (love), 1 baseball (sport), 2 smile (happy), 3 disappointed (sad),
    4 fork and knife (food); :func:`dlcourse.words.label_to_emoji` gives the emoji.
    Sentences are lower case, without punctuation, at most 10 words, every word in
    :func:`load_glove`'s vocabulary.

    Returns
    -------
    X_train : ndarray of str, shape (280,)
    Y_train : ndarray of int64, shape (280,)
        Labels 0-4, 56 per class.
    X_test : ndarray of str, shape (70,)
    Y_test : ndarray of int64, shape (70,)
        Labels 0-4, 14 per class.
    """
    with np.load(path("emojify"), allow_pickle=False) as d:
        return (d["train_x"].astype(str), d["train_y"].astype(np.int64),
                d["test_x"].astype(str), d["test_y"].astype(np.int64))


def make_vocabularies(human_chars, machine_chars):
    """Build ``human_vocab, machine_vocab, inv_machine_vocab`` from character lists.

    ``human_vocab`` maps the sorted characters to 0, 1, ... and then ``"<unk>"`` and
    ``"<pad>"`` to the next two indices; ``machine_vocab`` maps the sorted machine
    characters to 0, 1, ...; ``inv_machine_vocab`` is its inverse.
    """
    human = sorted(set(human_chars))
    human_vocab = {c: i for i, c in enumerate(human + ["<unk>", "<pad>"])}
    machine_vocab = {c: i for i, c in enumerate(sorted(set(machine_chars)))}
    inv_machine_vocab = {i: c for c, i in machine_vocab.items()}
    return human_vocab, machine_vocab, inv_machine_vocab


def load_dates(split="train", m=None):
    """Load (human-readable date, ISO date) pairs and their vocabularies (used in c5w3a1).

    Parameters
    ----------
    split : {"train", "dev"}
        10,000 training or 1,000 held-out pairs (no human string is in both).
    m : int, optional
        Return only the first ``m`` pairs of the split.

    Returns
    -------
    dataset : list of tuple (str, str)
        ``(human, machine)`` pairs, e.g. ``("tuesday, 29 december 2009", "2009-12-29")``;
        human strings are lower case and at most 30 characters long.
    human_vocab : dict of str to int
        The 41 characters of the human strings (sorted) -> 0..40, then ``"<unk>"`` -> 41
        and ``"<pad>"`` -> 42.
    machine_vocab : dict of str to int
        ``"-"`` -> 0 and ``"0"``..``"9"`` -> 1..10.
    inv_machine_vocab : dict of int to str
        The inverse of ``machine_vocab``.
    """
    if split not in ("train", "dev"):
        raise ValueError(f"split must be 'train' or 'dev', not {split!r}")
    with np.load(path("dates"), allow_pickle=False) as d:
        human = d[f"{split}_human"].tolist()
        machine = d[f"{split}_machine"].tolist()
        human_chars = d["human_chars"].tolist()
        machine_chars = d["machine_chars"].tolist()
    dataset = list(zip(human, machine))[:m]
    return (dataset, *make_vocabularies(human_chars, machine_chars))


# ---- vision (course 4: pretrained CNN, transfer learning, style transfer) ----


def load_photos():
    """Load seven real photos at 224x224 (c4w2a2 ImageNet predictions, c4w4a2 content images).

    The photos come with scikit-image and scikit-learn: chelsea (a cat), coffee, rocket,
    astronaut, camera (grey, stored as RGB), china (a temple), flower.

    Returns
    -------
    images : ndarray of uint8, shape (7, 224, 224, 3)
        RGB values in [0, 255].
    names : list of str
        ``names[i]`` names ``images[i]``, e.g. ``"chelsea"``.

    Examples
    --------
    >>> images, names = load_photos()
    >>> cat = images[names.index("chelsea")]  # doctest: +SKIP
    """
    with np.load(path("photos"), allow_pickle=False) as d:
        return d["images"], [str(n) for n in d["names"]]


def load_transfer_birds():
    """Load the bird / not-bird pictures for transfer learning (c4w2a2), 128x128 RGB.

    Clip art and emoji on backgrounds that do not depend on the class; "not bird" is half
    other animals, half things. Split by source: no validation picture shows a source
    drawing used in training.

    Returns
    -------
    train_x : ndarray of uint8, shape (300, 128, 128, 3)
        Training pictures, RGB values in [0, 255].
    train_y : ndarray of int64, shape (300,)
        1 = bird, 0 = not bird (150 of each).
    val_x : ndarray of uint8, shape (80, 128, 128, 3)
        Validation pictures.
    val_y : ndarray of int64, shape (80,)
        Validation labels (40 of each).
    classes : list of str
        ``["not_bird", "bird"]``: ``classes[y]`` names label ``y``.
    """
    with np.load(path("transfer_birds"), allow_pickle=False) as d:
        return (d["train_x"], d["train_y"].astype(np.int64), d["val_x"],
                d["val_y"].astype(np.int64), [str(c) for c in d["classes"]])


def export_transfer_birds(folder):
    """Write the transfer-learning pictures as PNG files, one folder per split and class.

    The layout is the one ``keras.utils.image_dataset_from_directory`` reads:
    ``folder/train/bird/0003.png``, ``folder/train/not_bird/...``, ``folder/val/...``.
    Existing files of the same names are overwritten; nothing else is touched.

    Parameters
    ----------
    folder : str or Path
        Where to write (created if absent).

    Returns
    -------
    pathlib.Path
        ``folder``, as a Path.
    """
    from PIL import Image

    folder = Path(folder)
    train_x, train_y, val_x, val_y, classes = load_transfer_birds()
    for split, xs, ys in (("train", train_x, train_y), ("val", val_x, val_y)):
        for name in classes:
            (folder / split / name).mkdir(parents=True, exist_ok=True)
        for k, (x, y) in enumerate(zip(xs, ys)):
            Image.fromarray(x).save(folder / split / classes[y] / f"{k:04d}.png")
    return folder


def load_style_images():
    """Load the style images of c4w4a2 and the EfficientNet-Lite0 layers to use with them.

    Four images painted procedurally for the course (swirls, stained_glass, mondrian, waves).
    The content images are the photos of :func:`load_photos`.

    Returns
    -------
    images : ndarray of uint8, shape (4, 224, 224, 3)
        RGB values in [0, 255].
    names : list of str
        ``names[i]`` names ``images[i]``.
    content_layer : str
        The layer of ``dlcourse.efficientnet.efficientnet_lite0`` for the content cost.
    style_layers : list of (str, float)
        ``(layer name, weight)`` pairs for the style cost, like the DLS ``STYLE_LAYERS``.
    """
    with np.load(path("style_images"), allow_pickle=False) as d:
        style_layers = [(str(n), float(w)) for n, w in zip(d["style_layers"], d["style_weights"])]
        return (d["images"], [str(n) for n in d["names"]], str(d["content_layer"][0]),
                style_layers)


# ---- audio, faces and domains (issue 6: c3, c4w1a2, c4w4a1, c5w3a2) ----


def _unpack_clips(d, name: str, keep: np.ndarray) -> list:
    flat, offsets = d[name], d[f"{name}_offsets"]
    return [flat[offsets[i]:offsets[i + 1]].copy() for i in np.flatnonzero(keep)]


def load_trigger_word_audio(split=None, with_info=False):
    """Load the audio pieces of the trigger-word assignment (c5w3a2).

    All clips are mono int16 at 16,000 Hz (``dlcourse.audio.RATE``). The keyword
    "activate" and the negative words are synthesized in many voices; the
    backgrounds are 10 s of quiet real speech over noise. The dev split's voices
    (voice variants) and background never occur in the train split.

    Parameters
    ----------
    split : {None, "train", "dev"}
        Which part to return; ``None`` returns both (train first).
    with_info : bool
        If true, also return a dict of metadata lists.

    Returns
    -------
    activates : list of ndarray of int16, each shape (n_samples,)
        Clips of the word "activate", 0.5 to 1 s each.
    negatives : list of ndarray of int16, each shape (n_samples,)
        Clips of other words (apple, coffee, captivate, ...).
    backgrounds : list of ndarray of int16, each shape (160000,)
        10-second backgrounds.
    info : dict, only if ``with_info``
        ``"activates_voice"``, ``"negatives_voice"``, ``"negatives_word"``,
        ``"rate"`` (16000): lists aligned with the clips returned.

    Examples
    --------
    >>> activates, negatives, backgrounds = load_trigger_word_audio("train")
    >>> len(backgrounds[0]), activates[0].dtype  # doctest: +SKIP
    (160000, dtype('int16'))
    """
    if split not in (None, "train", "dev"):
        raise ValueError(f"split must be None, 'train' or 'dev', got {split!r}")
    with np.load(path("trigger_word"), allow_pickle=False) as d:
        parts, info = {}, {"rate": int(d["rate"].reshape(-1)[0])}
        for name in ("activates", "negatives", "backgrounds"):
            s = d[f"{name}_split"].astype(str)
            keep = np.ones(len(s), bool) if split is None else s == split
            parts[name] = _unpack_clips(d, name, keep)
            if name != "backgrounds":
                info[f"{name}_voice"] = d[f"{name}_voice"].astype(str)[keep].tolist()
            if name == "negatives":
                info["negatives_word"] = d["negatives_word"].astype(str)[keep].tolist()
    out = (parts["activates"], parts["negatives"], parts["backgrounds"])
    return out + (info,) if with_info else out


def _decode_jpegs(flat: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    import io

    from PIL import Image

    return np.stack([np.asarray(Image.open(io.BytesIO(flat[offsets[i]:offsets[i + 1]].tobytes()))
                                .convert("RGB"), dtype=np.uint8)
                     for i in range(len(offsets) - 1)])


def load_happy_dataset():
    """Load the 64x64 happy / not-happy face pictures (used in c4w1a2).

    Emoji and clip-art faces, augmented (size, angle, mirror, brightness, hue,
    background), balanced, split by source face: no test face is drawn from a face
    used in training (see ``datasets/builders/happy_faces.py``). The pictures are
    stored as JPEG (quality 90) and decoded here.

    Returns
    -------
    X_train_orig : ndarray of uint8, shape (600, 64, 64, 3)
        Training pictures, RGB values in [0, 255].
    Y_train_orig : ndarray of int64, shape (1, 600)
        Training labels: 1 = happy, 0 = not happy (300 of each).
    X_test_orig : ndarray of uint8, shape (150, 64, 64, 3)
        Test pictures.
    Y_test_orig : ndarray of int64, shape (1, 150)
        Test labels (75 of each).
    classes : ndarray of str, shape (2,)
        ``["not happy", "happy"]``.

    Examples
    --------
    >>> X_train_orig, Y_train_orig, X_test_orig, Y_test_orig, classes = load_happy_dataset()
    >>> X_train = X_train_orig / 255.0; Y_train = Y_train_orig.T  # doctest: +SKIP
    """
    with np.load(path("happy_faces"), allow_pickle=False) as d:
        train_x = _decode_jpegs(d["train_jpeg"], d["train_offsets"])
        test_x = _decode_jpegs(d["test_jpeg"], d["test_offsets"])
        train_y = d["train_y"].astype(np.int64).reshape(1, -1)
        test_y = d["test_y"].astype(np.int64).reshape(1, -1)
        classes = d["classes"].astype(str)
    return train_x, train_y, test_x, test_y, classes


def load_digit_domains():
    """Load two domains of 28x28 digits for data-mismatch and transfer experiments (c3).

    The large domain is 5,000 real handwritten MNIST digits; the small domain is 600
    printed digits rendered from fonts and made to look like MNIST (see
    ``datasets/builders/digit_domains.py``). The small domain comes split by font
    family into a train part (300), a dev part (150) and a test part (150): no font
    family of dev or test occurs in the train part.

    Returns
    -------
    X_large : ndarray of uint8, shape (5000, 28, 28)
        Handwritten digits, white (255) on black (0).
    Y_large : ndarray of int64, shape (1, 5000)
        Their labels 0-9 (500 of each).
    X_small : ndarray of uint8, shape (600, 28, 28)
        Printed digits, same format.
    Y_small : ndarray of int64, shape (1, 600)
        Their labels 0-9 (60 of each).
    small_split : ndarray of str, shape (600,)
        ``"train"``, ``"dev"`` or ``"test"`` for each small-domain picture
        (30 / 15 / 15 of each digit).

    Examples
    --------
    >>> X_large, Y_large, X_small, Y_small, small_split = load_digit_domains()
    >>> X_dev = X_small[small_split == "dev"]  # doctest: +SKIP
    """
    with np.load(path("digit_domains"), allow_pickle=False) as d:
        return (d["large_x"], d["large_y"].astype(np.int64).reshape(1, -1), d["small_x"],
                d["small_y"].astype(np.int64).reshape(1, -1), d["small_split"].astype(str))


def load_face_identities(split="test"):
    """Load drawn face pictures of many identities for face verification (c4w4a1).

    An identity is one person emoji in one skin tone (or hair style); every picture
    is a random view of it (size, angle, mirror, light, blur, background). The test
    identities come from emoji never used to train the embedding model of
    ``dlcourse.faces`` (see ``datasets/builders/face_identities.py``).

    Parameters
    ----------
    split : {"test", "train"}
        ``"test"``: 48 identities x 6 views (the notebook's database and queries);
        ``"train"``: 228 identities x 3 views.

    Returns
    -------
    images : ndarray of uint8, shape (m, 64, 64, 3)
        RGB pictures.
    identity : ndarray of int64, shape (m,)
        Identity index of each picture, into ``names``.
    names : ndarray of str, shape (276,)
        Name of every identity (both splits), e.g. ``"girl: dark skin tone"``.
    """
    if split not in ("train", "test"):
        raise ValueError(f"split must be 'train' or 'test', got {split!r}")
    with np.load(path("face_identities"), allow_pickle=False) as d:
        images = _decode_jpegs(d[f"{split}_jpeg"], d[f"{split}_offsets"])
        identity = d[f"{split}_identity"].astype(np.int64)
        names = d["identity_names"].astype(str)
    return images, identity, names


def load_lfw_embeddings():
    """Load real face crops with encodings precomputed by dlib's face ResNet (c4w4a1 demo).

    The 100 face crops of scikit-image's ``lfw_subset`` (Labeled Faces in the Wild,
    no identity labels), 4 views of each (view 0 is the face itself; the others are
    mirrored, rotated, shifted, re-lit copies), and the 128-d encoding of every view
    by dlib's pretrained face-recognition network (see
    ``datasets/builders/lfw_embeddings.py``). dlib is not needed at run time.

    Returns
    -------
    faces : ndarray of uint8, shape (100, 25, 25)
        Grey face crops.
    views : ndarray of uint8, shape (400, 25, 25)
        The views that were encoded, 4 per face in face order.
    view_face : ndarray of int64, shape (400,)
        Index into ``faces`` of each view.
    encodings : ndarray of float32, shape (400, 128)
        dlib encodings of the views.
    threshold : float
        Distance under which two encodings are taken to show the same face (0.5).
    """
    with np.load(path("lfw_embeddings"), allow_pickle=False) as d:
        return (d["faces"], d["views"], d["view_face"].astype(np.int64), d["encodings"],
                float(d["threshold"].reshape(-1)[0]))


# ---- detection (c4w3a1); its scenes are composed by dlcourse.scenes.load_vehicle_scenes ----


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

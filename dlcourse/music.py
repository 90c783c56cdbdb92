"""Melody tokens to notes and to sound, for the music-generation lesson (c5w1a3).

A token of :func:`dlcourse.data.load_melodies` is an index into a vocabulary of
``(midi_pitch, quarter_length)`` pairs (``midi_pitch == -1`` is a rest). :func:`decode`
lists the notes of a token sequence and :func:`synthesize` renders it with a small additive
synthesizer (a few harmonics under an attack-decay-sustain-release envelope) into a float32
waveform that ``IPython.display.Audio(wave, rate=SAMPLE_RATE)`` plays in the notebook.
"""

from __future__ import annotations

import numpy as np

__all__ = ["SAMPLE_RATE", "REST", "vocabulary", "to_indices", "decode", "note_name",
           "midi_to_hz", "synthesize", "plot_piano_roll", "preview_melodies"]

SAMPLE_RATE = 22_050
REST = -1
_NAMES = ["C", "C#", "D", "Eb", "E", "F", "F#", "G", "G#", "A", "Bb", "B"]
_HARMONICS = np.array([1.0, 0.5, 0.3, 0.15, 0.08])  # relative amplitudes of partials 1..5


def vocabulary():
    """Return ``indices_values``: token index -> ``(midi_pitch, quarter_length)``."""
    from .data import load_melodies

    return load_melodies(raw=True)[2]


def to_indices(tokens):
    """Token indices as a 1-D int64 array.

    Accepts a list or array of indices (any shape, e.g. ``(Ty, 1)``) or one-hot / probability
    rows of shape ``(Ty, n_values)`` (2-D float arrays; the argmax of each row is taken).
    """
    arr = np.asarray(tokens)
    if arr.ndim == 2 and arr.shape[1] > 1 and np.issubdtype(arr.dtype, np.floating):
        return arr.argmax(axis=1).astype(np.int64)
    return arr.reshape(-1).astype(np.int64)


def decode(tokens, indices_values=None):
    """List the notes of a token sequence.

    Parameters
    ----------
    tokens : array_like
        Token indices or one-hot rows (see :func:`to_indices`).
    indices_values : dict, optional
        The vocabulary; by default the one of :func:`dlcourse.data.load_melodies`.

    Returns
    -------
    notes : list of tuple (int, float)
        ``(midi_pitch, quarter_length)`` per token; ``midi_pitch == -1`` is a rest.
    """
    vocab = vocabulary() if indices_values is None else indices_values
    return [vocab[int(k)] for k in to_indices(tokens)]


def note_name(midi):
    """``60 -> "C4"``, ``69 -> "A4"``, ``-1 -> "rest"``."""
    midi = int(midi)
    if midi == REST:
        return "rest"
    return f"{_NAMES[midi % 12]}{midi // 12 - 1}"


def midi_to_hz(midi):
    """Frequency in Hz of a MIDI pitch (A4 = 69 = 440 Hz, equal temperament)."""
    return 440.0 * 2.0 ** ((np.asarray(midi, dtype=np.float64) - 69.0) / 12.0)


def _envelope(n, sr, attack=0.01, decay=0.08, sustain=0.6, release=0.06):
    """ADSR envelope of ``n`` samples; the release ends at the last sample."""
    env = np.full(n, sustain, dtype=np.float64)
    a, d, r = (min(n, int(round(x * sr))) for x in (attack, decay, release))
    a = max(a, 1)
    env[:a] = np.linspace(0.0, 1.0, a, endpoint=False)
    d_end = min(n, a + d)
    env[a:d_end] = np.linspace(1.0, sustain, d_end - a, endpoint=False)
    if r:
        env[n - r:] *= np.linspace(1.0, 0.0, r)
    return env


def synthesize(tokens, indices_values=None, bpm=100.0, sample_rate=SAMPLE_RATE, volume=0.5):
    """Render a token sequence as audio.

    Each note is a sum of five harmonics of its pitch shaped by an ADSR envelope; rests are
    silence. Note boundaries are placed at ``round(onset * sample_rate)``, so the length is
    exactly ``round(total_quarter_lengths * 60 / bpm * sample_rate)`` samples.

    Parameters
    ----------
    tokens : array_like
        Token indices or one-hot rows (see :func:`to_indices`).
    indices_values : dict, optional
        The vocabulary; by default the one of :func:`dlcourse.data.load_melodies`.
    bpm : float, default 100
        Tempo in quarter notes per minute.
    sample_rate : int, default 22050
    volume : float, default 0.5
        Peak amplitude of a note (the output stays within ``[-volume, volume]``).

    Returns
    -------
    wave : ndarray of float32, shape (n_samples,)
        Values in ``[-volume, volume]``; play with
        ``IPython.display.Audio(wave, rate=sample_rate)``.
    """
    if not 0 < volume <= 1:
        raise ValueError(f"volume must be in (0, 1], got {volume}")
    notes = decode(tokens, indices_values)
    seconds_per_quarter = 60.0 / float(bpm)
    onsets = np.concatenate([[0.0], np.cumsum([q for _, q in notes])]) * seconds_per_quarter
    bounds = np.round(onsets * sample_rate).astype(np.int64)
    wave = np.zeros(int(bounds[-1]), dtype=np.float64)
    weights = _HARMONICS / _HARMONICS.sum()
    for (midi, _), start, stop in zip(notes, bounds[:-1], bounds[1:]):
        n = int(stop - start)
        if midi == REST or n == 0:
            continue
        t = np.arange(n, dtype=np.float64) / sample_rate
        f0 = float(midi_to_hz(midi))
        tone = np.zeros(n)
        for k, w in enumerate(weights, start=1):
            if k * f0 < sample_rate / 2:  # no partial above the Nyquist frequency
                tone += w * np.sin(2 * np.pi * k * f0 * t)
        wave[start:stop] = volume * tone * _envelope(n, sample_rate)
    return wave.astype(np.float32)


def plot_piano_roll(tokens, ax=None, title="piano roll", indices_values=None, color="tab:blue"):
    """Draw a token sequence as a piano roll: one bar per note, time against MIDI pitch.

    Parameters
    ----------
    tokens : array_like
        Token indices or one-hot rows (see :func:`to_indices`).
    ax : matplotlib Axes, optional
        Where to draw; a new figure when omitted.
    title : str
        The axes' title.
    indices_values : dict, optional
        The vocabulary; by default the one of :func:`dlcourse.data.load_melodies`.

    Returns
    -------
    ax : matplotlib Axes
    """
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=(8, 2.5))
    t = 0.0
    pitches = []
    for midi, q in decode(tokens, indices_values):
        if midi != REST:
            ax.barh(midi, q, left=t, height=0.8, color=color)
            pitches.append(midi)
        t += q
    ax.set(xlabel="time (quarter notes)", ylabel="MIDI pitch", title=title, xlim=(0, max(t, 1)))
    if pitches:
        ax.set_ylim(min(pitches) - 2, max(pitches) + 2)
    return ax


def preview_melodies(n=4, melodies=None):
    """Piano rolls of ``n`` melodies and the waveform of the first one's opening."""
    import matplotlib.pyplot as plt

    from .data import load_melodies

    mels, names, vocab = load_melodies(raw=True) if melodies is None else melodies
    fig, axes = plt.subplots(n + 1, 1, figsize=(10, 1.6 * (n + 1)))
    for ax, mel, name in zip(axes[:n], mels, names):
        t = 0.0
        for midi, q in decode(mel, vocab):
            if midi != REST:
                ax.barh(midi, q, left=t, height=0.8, color="tab:blue")
            t += q
        ax.set(ylabel="MIDI", xlim=(0, t))
        ax.set_title(f"{name}: {len(mel)} tokens", fontsize=9, loc="left")
    wave = synthesize(mels[0][:12], vocab)
    axes[n].plot(np.arange(wave.size) / SAMPLE_RATE, wave, lw=0.3)
    axes[n].set(xlabel="seconds", ylabel="amplitude",
                title=f"synthesized opening of {names[0]} (first 12 tokens)")
    fig.tight_layout()
    return fig

"""Audio helpers for trigger-word detection (c5w3a2): spectrogram, mixing, plots.

All audio in the course is mono int16 at ``RATE`` = 16,000 Hz (the clips of
:func:`dlcourse.data.load_trigger_word_audio`). A 10-second example has 160,000
samples; :func:`spectrogram` turns it into ``N_FREQ`` = 101 frequency bins by
``TX`` = 5511 time steps, the sizes of the DLS assignment, so the usual model
(Conv1D with 15-wide kernels and stride 4, then GRUs) outputs ``TY`` = 1375 steps.

A faster variant for slow machines: ``spectrogram(x, hop=80)`` gives 1998 steps
(``n_frames(160_000, hop=80)``) and the same model then outputs 496 steps.

Times are given in milliseconds in the assignment, as in the DLS (a 10-second
background is 10,000 ms); :func:`ms_to_samples` and :func:`length_ms` convert.
"""

from __future__ import annotations

import numpy as np

__all__ = [
    "RATE", "N_FFT", "HOP", "TX", "N_FREQ", "TY", "n_frames", "spectrogram", "length_ms",
    "ms_to_samples", "dbfs", "match_target_amplitude", "overlay", "plot_spectrogram",
    "preview_trigger_word",
]

RATE = 16_000  #: samples per second of every clip
N_FFT = 200  #: samples per spectrogram window (12.5 ms)
HOP = 29  #: samples between successive windows (about 1.8 ms)


def n_frames(n_samples: int, n_fft: int = N_FFT, hop: int = HOP) -> int:
    """Number of spectrogram time steps for ``n_samples`` samples (windows fully inside)."""
    if n_samples < n_fft:
        return 0
    return 1 + (n_samples - n_fft) // hop


TX = n_frames(10 * RATE)  #: time steps of a 10 s spectrogram: 5511
N_FREQ = N_FFT // 2 + 1  #: frequency bins: 101
TY = (TX - 15) // 4 + 1  #: output steps of Conv1D(kernel 15, stride 4) on TX steps: 1375


def _as_float(x) -> np.ndarray:
    x = np.asarray(x)
    if x.ndim != 1:
        raise ValueError(f"expected a 1-D signal, got shape {x.shape}")
    if x.dtype == np.int16:
        return x.astype(np.float64) / 32768.0
    return x.astype(np.float64)


def spectrogram(x, n_fft: int = N_FFT, hop: int = HOP) -> np.ndarray:
    """Power spectrogram in decibels of a mono signal.

    Each window of ``n_fft`` samples (every ``hop`` samples, windows fully inside the
    signal, no padding) is multiplied by a Hann window; its power spectrum
    ``|rfft|^2 / sum(window^2)`` is converted to dB with ``10 * log10(p + 1e-10)``.

    Parameters
    ----------
    x : ndarray, shape (n_samples,)
        int16 samples (scaled by 1/32768) or floats in [-1, 1].
    n_fft, hop : int
        Window length and step in samples. The defaults give a (101, 5511)
        spectrogram for a 10-second clip at 16 kHz.

    Returns
    -------
    ndarray of float32, shape (n_fft // 2 + 1, n_frames(len(x), n_fft, hop))
        Frequency bins (0 to 8 kHz) along axis 0, time along axis 1, as in the DLS's
        ``graph_spectrogram``: transpose it to get the model input of shape (Tx, n_freq).
        Values are about -100 dB (silence) to 0 dB.
    """
    x = _as_float(x)
    t = n_frames(len(x), n_fft, hop)
    if t == 0:
        raise ValueError(f"signal of {len(x)} samples is shorter than one window ({n_fft})")
    frames = np.lib.stride_tricks.sliding_window_view(x, n_fft)[::hop][:t]
    window = np.hanning(n_fft + 1)[:-1]  # periodic Hann
    power = np.abs(np.fft.rfft(frames * window, axis=1)) ** 2 / np.sum(window ** 2)
    return (10.0 * np.log10(power + 1e-10)).T.astype(np.float32)


def length_ms(x, rate: int = RATE) -> int:
    """Duration of a clip in whole milliseconds (like ``len()`` of a pydub segment)."""
    return int(len(x) * 1000 // rate)


def ms_to_samples(ms, rate: int = RATE) -> int:
    """Sample index of a time in milliseconds."""
    return int(round(ms * rate / 1000))


def dbfs(x) -> float:
    """RMS loudness of a clip in dB relative to full scale (-inf for silence)."""
    x = _as_float(x)
    rms = np.sqrt(np.mean(x ** 2)) if len(x) else 0.0
    return float(20 * np.log10(rms)) if rms > 0 else float("-inf")


def match_target_amplitude(x, target_dbfs: float = -20.0) -> np.ndarray:
    """Scale a clip to an RMS loudness of ``target_dbfs``; returns int16 (clipped)."""
    x = _as_float(x)
    level = dbfs(x)
    gain = 1.0 if not np.isfinite(level) else 10 ** ((target_dbfs - level) / 20)
    return np.clip(np.round(x * gain * 32767.0), -32768, 32767).astype(np.int16)


def overlay(background, clip, position_ms: float, rate: int = RATE) -> np.ndarray:
    """Add ``clip`` onto ``background`` starting at ``position_ms``; returns a new array.

    Like pydub's ``AudioSegment.overlay``: the result has the background's length and
    dtype int16; the part of the clip past the end is dropped; sums are clipped to the
    int16 range. Neither input is modified.
    """
    background = np.asarray(background)
    clip = np.asarray(clip)
    start = ms_to_samples(position_ms, rate)
    if start < 0:
        raise ValueError("position_ms must be >= 0")
    out = background.astype(np.int32).copy()
    end = min(len(out), start + len(clip))
    if end > start:
        out[start:end] += clip[: end - start].astype(np.int32)
    return np.clip(out, -32768, 32767).astype(np.int16)


def plot_spectrogram(x, ax=None, title=None, n_fft: int = N_FFT, hop: int = HOP,
                     rate: int = RATE):
    """Draw the spectrogram of ``x`` (seconds on x, kHz on y); returns the Axes."""
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=(8, 2.5))
    s = spectrogram(x, n_fft, hop)
    dur = len(x) / rate
    ax.imshow(s, origin="lower", aspect="auto", cmap="magma", vmin=-90, vmax=-10,
              extent=(0, dur, 0, rate / 2000))
    ax.set_xlabel("time (s)")
    ax.set_ylabel("kHz")
    if title:
        ax.set_title(title)
    return ax


def preview_trigger_word(seed: int = 0):
    """Figure: an 'activate' clip, a negative word, a background and a mixed example.

    Returns the matplotlib Figure (nothing is shown or saved).
    """
    import matplotlib.pyplot as plt

    from .data import load_trigger_word_audio

    activates, negatives, backgrounds, info = load_trigger_word_audio("train", with_info=True)
    rng = np.random.default_rng(seed)
    a = int(rng.integers(len(activates)))
    n = int(rng.integers(len(negatives)))
    mix = overlay(backgrounds[0], activates[a], 2000)
    mix = overlay(mix, negatives[n], 5500)
    mix = overlay(mix, activates[(a + 1) % len(activates)], 8000)
    fig, axes = plt.subplots(2, 2, figsize=(11, 5), gridspec_kw={"width_ratios": [1, 3]})
    panels = ((axes[0, 0], activates[a], f"'activate' ({info['activates_voice'][a]})"),
              (axes[1, 0], negatives[n], f"'{info['negatives_word'][n]}'"))
    for ax, clip, title in panels:
        ax.plot(np.arange(len(clip)) / RATE, clip / 32768.0, lw=0.5)
        ax.set_title(title, fontsize=9)
        ax.set_ylim(-1, 1)
        ax.set_xlabel("time (s)")
    axes[0, 1].plot(np.arange(len(mix)) / RATE, mix / 32768.0, lw=0.3)
    for t in (2.0, 8.0):
        axes[0, 1].axvline(t, color="tab:green", lw=1)
    axes[0, 1].axvline(5.5, color="tab:red", lw=1)
    axes[0, 1].set_ylim(-1, 1)
    axes[0, 1].set_xlim(0, len(mix) / RATE)
    axes[0, 1].set_title("background 0 + 'activate' at 2 s and 8 s (green) + another word "
                         "at 5.5 s (red)", fontsize=9)
    plot_spectrogram(mix, ax=axes[1, 1], title=f"spectrogram: {N_FREQ} x {TX}")
    fig.tight_layout()
    return fig

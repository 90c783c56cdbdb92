"""Helpers for the date-translation lesson (c5w3a1): vocabularies, encoding, plots.

The data come from :func:`dlcourse.data.load_dates`: pairs of a human-readable date
(``"tuesday, 29 december 2009"``) and its ISO form (``"2009-12-29"``), with the fixed
vocabularies ``human_vocab`` (characters -> indices, plus ``"<unk>"`` and ``"<pad>"``)
and ``machine_vocab`` (``"-"`` and the ten digits).
"""

from __future__ import annotations

import numpy as np

from .data import load_dates, make_vocabularies

__all__ = ["make_vocabularies", "string_to_int", "int_to_string", "preprocess_data",
           "plot_attention_map", "preview_dates"]


def string_to_int(string, length, vocab):
    """Convert a string to a list of ``length`` vocabulary indices.

    The string is lower-cased (only if ``vocab`` has ``"<unk>"``, i.e. it is the human
    vocabulary), commas are kept, characters absent from ``vocab`` become ``"<unk>"``,
    strings longer than ``length`` are cut and shorter ones are padded with ``"<pad>"``.

    Parameters
    ----------
    string : str
        E.g. ``"wed 10 jul 2007"``.
    length : int
        ``Tx`` (or ``Ty``): the number of time steps.
    vocab : dict of str to int
        ``human_vocab`` or ``machine_vocab``.

    Returns
    -------
    rep : list of int, length ``length``
    """
    if "<unk>" in vocab:
        string = string.lower()
    string = string[:length]
    unk = vocab.get("<unk>")
    rep = []
    for ch in string:
        if ch in vocab:
            rep.append(vocab[ch])
        elif unk is not None:
            rep.append(unk)
        else:
            raise KeyError(f"character {ch!r} is not in the vocabulary")
    if len(rep) < length:
        if "<pad>" not in vocab:
            raise ValueError(f"{string!r} is shorter than {length} and vocab has no <pad>")
        rep += [vocab["<pad>"]] * (length - len(rep))
    return rep


def int_to_string(ints, inv_vocab):
    """Convert a sequence of indices back to a list of characters (``inv_vocab[i]``)."""
    return [inv_vocab[int(i)] for i in ints]


def preprocess_data(dataset, human_vocab, machine_vocab, Tx, Ty):
    """Encode a list of (human, machine) pairs as index and one-hot arrays.

    Returns
    -------
    X : ndarray of int64, shape (m, Tx)
    Y : ndarray of int64, shape (m, Ty)
    Xoh : ndarray of float32, shape (m, Tx, len(human_vocab))
    Yoh : ndarray of float32, shape (m, Ty, len(machine_vocab))
    """
    X = np.array([string_to_int(h, Tx, human_vocab) for h, _ in dataset], dtype=np.int64)
    Y = np.array([string_to_int(t, Ty, machine_vocab) for _, t in dataset], dtype=np.int64)
    Xoh = np.eye(len(human_vocab), dtype=np.float32)[X]
    Yoh = np.eye(len(machine_vocab), dtype=np.float32)[Y]
    return X, Y, Xoh, Yoh


def plot_attention_map(attention, input_text, output_text, ax=None):
    """Draw attention weights as a heat map: output characters down, input across.

    Parameters
    ----------
    attention : array_like, shape (Ty, Tx)
        ``attention[t, t']``: weight of input character ``t'`` for output character ``t``.
    input_text : str
        The human-readable date (its characters label the columns; padding is unlabelled).
    output_text : str or list of str
        The predicted characters (label the rows).
    """
    import matplotlib.pyplot as plt

    attention = np.asarray(attention, dtype=np.float64)
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 3.5))
    im = ax.imshow(attention, cmap="Blues", aspect="auto", vmin=0)
    Ty, Tx = attention.shape
    cols = list(input_text[:Tx]) + [""] * (Tx - min(Tx, len(input_text)))
    ax.set_xticks(range(Tx), cols)
    ax.set_yticks(range(Ty), list(output_text)[:Ty])
    ax.set(xlabel="input sequence", ylabel="output sequence", title="attention map")
    ax.figure.colorbar(im, ax=ax)
    return ax.figure


def preview_dates(data=None, n=12):
    """Example pairs and the length distribution of the training dates."""
    import matplotlib.pyplot as plt


    dataset = load_dates()[0] if data is None else data
    lengths = np.array([len(h) for h, _ in dataset])
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 3.8),
                                   gridspec_kw={"width_ratios": [1, 1.3]})
    ax1.hist(lengths, bins=np.arange(lengths.min() - 0.5, lengths.max() + 1.5),
             color="tab:blue")
    ax1.set(title=f"{len(dataset)} human-readable dates: length", xlabel="characters",
            ylabel="examples")
    ax2.axis("off")
    step = max(1, len(dataset) // n)
    lines = [f"{h:<30} -> {t}" for h, t in dataset[::step][:n]]
    ax2.text(0, 1, "\n".join(lines), family="monospace", fontsize=9, va="top")
    ax2.set_title("examples")
    fig.tight_layout()
    return fig

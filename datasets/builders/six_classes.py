"""Builder of ``six_classes_64.npz``: 64x64 RGB pictures of six kinds of things.

The classes are ``animal``, ``building``, ``food``, ``person``, ``plant`` and ``vehicle``
(labels 0 to 5, in that order). As in the animals set (``builders/animals.py``, whose
sprite loading, filters, backgrounds and compositing this builder reuses), every picture
is a clip art sprite from the Debian package ``openclipart-png`` or an emoji from
``fonts-noto-color-emoji``, pasted at a random size, position, angle and mirror onto a
random background, then scaled down to 64x64 with antialiasing.

How the set is made, in order:

1. **Sources.** For each class, the clip art folders in ``CLIPART`` and the emoji in
   ``EMOJI`` (no road signs or pictograms, no objects that belong to another class, e.g.
   no lighthouse among the vehicles or furniture among the buildings), minus the files
   reviewed by eye and listed in ``EXCLUDE`` (besides those ``animals.EXCLUDE`` drops).
2. **Filters and near-duplicate groups** as in the animals set: line art, opaque
   rectangles, tiny or elongated sprites and exact duplicates are skipped; sprites with
   nearly the same silhouette form one group, and groups never straddle the split.
3. **Typical drawings.** Drawings of one class differ far more than photos of one
   class do (a black silhouette, a line drawing and a colour cartoon of a bus have few
   pixels in common), too much for a small network to learn from 200 pictures per
   class. Each class keeps the ``KEEP_SHARE`` of its sprites whose colours and outline
   are most typical of it (``typicality``: the 8x8 thumbnail is close to the class's
   mean thumbnail and far from the other classes' means), but at least ``MIN_KEEP``.
   Measured with the 3-layer network of c2w3a1 (12288-25-12-6, Adam 1e-4, 100 epochs,
   biases drawn like the weights, one-view test set): test accuracy 23-25 % without this
   step (chance is 17 %), 35-50 % with it, depending on the initialization; a small CNN
   reaches 50-65 %.
4. **Split by source.** Per class, ``N_TEST_PER_CLASS`` test sources are chosen, one
   per group, with the same share of emoji (``EMOJI_SHARE``) in every class so that the
   drawing style does not give the class away; the other members of a test source's
   group are dropped. The sources are few (a class with 50 sprites cannot spare more than
   25 for the test set), so every test source is pictured ``TEST_VIEWS`` times, each time
   with a fresh background and pose: 600 test pictures instead of 150. Measured with
   c2w3a1's network as the notebook now trains it (zero biases, GlorotNormal weights with
   seeds 1 to 8; mean test accuracy of the last 10 of 100 epochs): 41-46 % on the four
   views, 36-46 % on the first view alone; the largest jump of the test accuracy from one
   epoch to the next over those last 10 epochs, 0.3-1 point against 0-2 points. (With
   biases drawn like the weights, the notebook's former choice, 32-46 % on the four views,
   one seed of eight stuck at 41 % training accuracy.) The views are
   stored in blocks: test picture ``k + 150 v`` is view ``v`` of the source of picture
   ``k``, and the first block (``v = 0``) is byte-identical to the one-view test set of
   earlier versions, so indices into it (pictures reviewed by eye) stay valid.
5. **Training images** cycle over the remaining sources of each class
   (``N_TRAIN_PER_CLASS`` per class, emoji share again ``EMOJI_SHARE``), each time with
   a fresh background and pose.
6. **Rendering** is that of the animals set (``animals.render``) with this set's own
   augmentation settings (``SETTINGS``: size 70-95 % of the picture, centre within +-8 %,
   a fifth of the sprites turned by up to 10 degrees, mirrored half of the time), and
   **backgrounds independent of the class**: the background families of
   ``builders/animals.py`` (outdoor / indoor / neutral, its ``CONTEXT = "family"``; the
   animals set itself now uses two-band scenes that depend on its label), with the same
   mixture for every class (20 % outdoor, 20 % indoor, 60 % neutral).

Everything random comes from ``numpy.random.default_rng`` seeded with ``SEED`` and the
image's index, so the same inputs (same Debian packages, Pillow, NumPy and zlib) give
byte-identical output.
"""

from __future__ import annotations

import contextlib
import dataclasses
import fnmatch
import time
from pathlib import Path

import numpy as np
from PIL import Image

from . import animals
from .animals import CLIPART_ROOT, EMOJI_FONT, Sprite
from .common import save_npz

OUTPUT = "six_classes_64.npz"
#: Debian package -> a path it installs (checked by build.py before building).
DEBIAN_PACKAGES = {"openclipart-png": CLIPART_ROOT, "fonts-noto-color-emoji": EMOJI_FONT}
#: Python modules the build needs beyond the course's requirements.txt (none).
PYTHON_MODULES = ["numpy", "PIL", "sklearn"]

REGISTRY = {
    "file": OUTPUT,
    "source": (
        "Debian openclipart-png 1:0.18+dfsg-19 (folders animals/, buildings/ [not "
        "furniture], food/, people/, plants/, transportation/ [vehicles and boats only]); "
        "Debian fonts-noto-color-emoji 2.042-0+deb12u1 (NotoColorEmoji.ttf, emoji of the "
        "same six categories); backgrounds from scikit-learn's bundled sample photos "
        "(china.jpg, flower.jpg) and procedural textures (the background families of "
        "builders/animals.py)"
    ),
    "licence": (
        "Clip art: public domain (Open Clip Art Library dedication); emoji: Apache-2.0 "
        "(Google Noto Emoji); sample photos: CC-BY 2.0 per scikit-learn's notice; the "
        "composite set: CC0"
    ),
    "build": "python datasets/build.py six_classes",
    "description": (
        "64x64 RGB images of six classes: 0 animal, 1 building, 2 food, 3 person, 4 plant, "
        "5 vehicle; clip art and emoji pasted on backgrounds that do not depend on the class. "
        "Balanced: 200 train and 100 test pictures per class; split by source image (no test "
        "source appears in training); each of the 150 test sources is pictured 4 times, in "
        "blocks (test picture k + 150 v is view v of picture k). Arrays: "
        "train_x, train_y, test_x, test_y (uint8), classes (str), train_source, test_source "
        "(int32 index into source_names), source_names (str). Used by c2w3a1, c3w1a1 and course 4."
    ),
}

CLASSES = ("animal", "building", "food", "person", "plant", "vehicle")

SEED = 20240723
N_TRAIN_PER_CLASS = 200
N_TEST_PER_CLASS = 25
TEST_VIEWS = 4  # each test source is pictured this many times (fresh background and pose)
EMOJI_SHARE = 0.35  # share of emoji among the sources of every class, train and test
KEEP_SHARE = 0.5  # share of each class's sprites kept, the most typical ones ...
MIN_KEEP = 50  # ... but at least this many (the classes with few sprites keep more)

#: Augmentation and backgrounds. ``animals.render`` reads these module constants of
#: ``builders.animals``; they are set to the values below while this set is rendered
#: (see ``_settings``), so tuning the animals set does not change this one. The background
#: family probabilities (outdoor, indoor, neutral) are the same for every class.
SETTINGS = {
    "SCALE": (0.7, 0.95),  # longest side of the sprite, as a share of the picture
    "OFFSET": 0.08,  # the sprite centre lies within 0.5 +- OFFSET of the picture
    "ROTATE_PROB": 0.2,
    "MAX_ANGLE": 10.0,
    "SPRITE_JITTER": 0.15,
    "GLOBAL_JITTER": 0.2,
    "GREY_PROB": 0.0,
    "FAMILY_PROBS": {0: (0.2, 0.2, 0.6), 1: (0.2, 0.2, 0.6)},
    "CONTEXT": "family",
}


def _r(first: int, last: int) -> list[int]:
    return list(range(first, last + 1))


# --------------------------------------------------------------------------- sources

#: Clip art (globs relative to CLIPART_ROOT) of each class.
CLIPART = {
    "animal": animals.ANIMAL_CLIPART["animals"],
    "building": ["buildings/*.png", "buildings/homes/*.png"],
    "food": animals.OTHER_CLIPART["food"],
    "person": ["people/*.png", "people/stickmen/*.png"],
    "plant": animals.OTHER_CLIPART["plants"],
    "vehicle": animals.OTHER_CLIPART["vehicles"],
}

#: People emoji: single persons, couples and families, people doing sports (no smileys,
#: no ghosts, robots or aliens, no person on a bicycle, a horse or in a boat).
PERSON_EMOJI = (
    _r(0x1F466, 0x1F469) + _r(0x1F46B, 0x1F478) + [0x1F47C, 0x1F481, 0x1F482, 0x1F483]
    + [0x1F385, 0x1F3C3, 0x1F3C4, 0x1F3CA, 0x1F3CB, 0x1F3CC]
    + [0x1F486, 0x1F487, 0x1F574, 0x1F575, 0x1F57A]
    + _r(0x1F645, 0x1F647) + [0x1F64B, 0x1F64D, 0x1F64E, 0x1F6B6]
    + [0x1F926, 0x1F930, 0x1F931, 0x1F934, 0x1F935, 0x1F936, 0x1F937]
    + _r(0x1F938, 0x1F93E) + _r(0x1F9CD, 0x1F9CF) + _r(0x1F9D1, 0x1F9DD)
    + [0x26F7, 0x26F9]
)

#: Emoji that ``animals.ANIMAL_EMOJI`` means to leave out (dragons, unicorn, shell, oyster,
#: pig nose, paw prints, microbe), removed here explicitly.
NOT_ANIMAL_EMOJI = {0x1F409, 0x1F41A, 0x1F432, 0x1F43D, 0x1F43E, 0x1F984, 0x1F9A0, 0x1F9AA}

#: Drinks, tableware and condiments among ``animals.OTHER_EMOJI["food"]``.
NOT_FOOD_EMOJI = set(_r(0x1F374, 0x1F37E)) | {
    0x1F95B, 0x1F962, 0x1F963, 0x1F964, 0x1F9C2, 0x1F9C3, 0x1F9C9, 0x1F9CA, 0x1F9CB,
    0x1FAD6, 0x1FAD7, 0x1FAD9,
}

#: Emoji of each class.
EMOJI = {
    "animal": [c for c in animals.ANIMAL_EMOJI if c not in NOT_ANIMAL_EMOJI],
    "building": [c for c in _r(0x1F3E0, 0x1F3F0) if c not in (0x1F3E7, 0x1F3EE)]
    + [0x1F3D8, 0x1F3DA, 0x1F3DB, 0x1F54B, 0x1F54C, 0x1F54D, 0x1F5FC, 0x1F6D5, 0x1F6D6,
       0x26EA, 0x26FA],
    "food": [c for c in animals.OTHER_EMOJI["food"] if c not in NOT_FOOD_EMOJI],
    "person": PERSON_EMOJI,
    # no chestnut, hot pepper or corn (food), mushroom (neither plant nor only food), log
    "plant": [c for c in animals.OTHER_EMOJI["plants"]
              if c not in (0x1F330, 0x1F336, 0x1F33D, 0x1F344, 0x1FAB5)],
    # no station, rowing person, wheel, ring buoy, satellite, roller skate
    "vehicle": [c for c in animals.OTHER_EMOJI["vehicles"]
                if c not in (0x1F689, 0x1F6A3, 0x1F6DE, 0x1F6DF, 0x1F6F0, 0x1F6FC)],
}

#: Files reviewed by eye and left out, besides ``animals.EXCLUDE`` (fnmatch patterns
#: relative to CLIPART_ROOT): pictures of another class, several classes at once, signs,
#: body parts, interiors, and drawings that are not recognisable at 64x64.
EXCLUDE = [
    # animals/: a grenade
    "animals/fish/kallisti-grenade*",
    # buildings/: parts of buildings, an interior, a sign, a dark smudge
    "buildings/brick_*", "buildings/capitello_*", "buildings/wall*.png",
    "buildings/old_sign_*", "buildings/school_hallway_*", "buildings/demolizione_*",
    "buildings/homes/houses_jon_phillips_*",
    # food/: drinks and tableware, kitchen things, things of another class
    "food/beverages/*", "food/*juice_glass_*", "food/menu_example*", "food/libro_di_ricette_*",
    "food/meatgrinder_*", "food/toque_*", "food/chef_*", "food/mix_cucina_*",
    "food/come_si_dispongono_*", "food/large_plate*", "food/small_plate*", "food/bowl_chaspo_*",
    "food/*gumnut_*", "food/sugarbox_*", "food/picnic_*", "food/*champignon_*",
    "food/*tree_whit_fruits_*", "food/*slate-apple_*", "food/*fuoco_da_campeggio_*",
    # people/: objects, body parts, symbols, crowds in grey, scenes with vehicles or text
    "people/baby_bottle_*", "people/chat_icon_*", "people/*eye_*", "people/*eyes_*",
    "people/feet_in_sandals_*", "people/fingerprint_*", "people/gender_*",
    "people/handshake_*", "people/icons_lumen_*", "people/left_hand_print_*",
    "people/right_hand_print_*", "people/reminder-hand_*", "people/safety_pin_*",
    "people/samoa_tatoo_*", "people/skull_*", "people/wedding_sign_*", "people/xbill_*",
    "people/fire_engine_*", "people/alien_*", "people/van_gogh_s_room_*",
    "people/sailing_kids*", "people/car_ride_*", "people/beach_trip_*",
    "people/girl_symbol_*", "people/boy_symbol_*", "people/symbolic_boy_*",
    "people/water_skier_*", "people/inservice_presentation_*", "people/camper_sleeping_*",
    "people/al_bar_*", "people/don_t_panic_*", "people/hikinh_*", "people/martin_luther_*",
    "people/grampa_39_*",
    "people/stickmen/sm_*",  # 21 more of the same blue figures as stickmen/blueman_*
    # plants/: food, fungi, tools, decorations, a landscape
    "plants/potato_*", "plants/cayennepepper*", "plants/trees/bowsaw_*",
    "plants/trees/bypasspruner_*", "plants/trees/christmas_balls_*", "plants/acorn_*",
    "plants/gumnut_*", "plants/human_humain_*", "plants/*mushroom*", "plants/*toadstool_*",
    "plants/champignon_*", "plants/trees/tree_01.png",
    # transportation/: not vehicles, a building, people in the scene, a road sign
    "transportation/airplane.png", "transportation/anchor*", "transportation/beach_trip_*",
    "transportation/lighthouse*", "transportation/car_ride_*",
    "transportation/bicycle_philippe_colin_*", "transportation/vehicles/lighthouse*",
    "transportation/vehicles/the_mad_little_ship_*",
    "transportation/vehicles/toy_paper_plane_*", "transportation/boating/sailing_kids*",
]


def _excluded(sprite: Sprite) -> bool:
    if not sprite.name.startswith("clipart:"):
        return False
    rel = sprite.name.removeprefix("clipart:")
    return any(fnmatch.fnmatch(rel, pattern) for pattern in EXCLUDE)


def collect_sprites(log=print) -> tuple[list[Sprite], dict]:
    """Load, filter, de-duplicate and group the sprites of every class.

    ``Sprite.label`` holds the class index (0..5) and ``Sprite.category`` its name.
    """
    skipped: dict[str, int] = {}
    sprites = []
    for label, name in enumerate(CLASSES):
        clip = animals._load_clipart(label, {name: CLIPART[name]}, skipped)
        emoji = animals._load_emoji(label, {name: EMOJI[name]}, skipped)
        kept = [s for s in clip if not _excluded(s)]
        skipped["reviewed out"] = skipped.get("reviewed out", 0) + len(clip) - len(kept)
        sprites += kept + emoji
    # A picture filed in the folders of two classes is kept once, in the first class.
    sprites = animals._dedup_and_group(sprites, skipped)
    log(f"  {len(sprites)} usable sprites; skipped: "
        + ", ".join(f"{k} {v}" for k, v in sorted(skipped.items())))
    return sprites, skipped


# --------------------------------------------------------------------- typicality


def _thumbnail(sprite: Sprite) -> np.ndarray:
    """The sprite centred on a mid-grey square, box-filtered to 8x8: int64 array (192,)."""
    im = sprite.image.convert("RGBA")
    side = max(im.size)
    square = Image.new("RGBA", (side, side), (128, 128, 128, 255))
    square.alpha_composite(im, ((side - im.width) // 2, (side - im.height) // 2))
    small = square.convert("RGB").resize((8, 8), Image.Resampling.BOX)
    return np.asarray(small, dtype=np.int64).reshape(-1)


def typicality(sprites: list[Sprite]) -> np.ndarray:
    """How typical each sprite's colours and outline are of its class: shape (n,) float64.

    The score is the squared distance from the sprite's 8x8 thumbnail to the nearest mean
    thumbnail of *another* class, minus that to the mean thumbnail of its own class: large
    when the sprite looks like the average member of its class and unlike the others.
    Integer arithmetic (sum_c - n_c x) keeps the result identical on every machine.
    """
    x = np.stack([_thumbnail(s) for s in sprites])
    labels = np.array([s.label for s in sprites])
    dist = np.empty((len(sprites), len(CLASSES)))
    for c in range(len(CLASSES)):
        n_c = int((labels == c).sum())
        total = x[labels == c].sum(axis=0)  # exact int64
        diff = x * n_c - total
        dist[:, c] = (diff * diff).sum(axis=1) / float(n_c * n_c)
    own = dist[np.arange(len(sprites)), labels]
    dist[np.arange(len(sprites)), labels] = np.inf
    return dist.min(axis=1) - own


def select_typical(sprites: list[Sprite], log=print) -> list[Sprite]:
    """Keep the most typical ``KEEP_SHARE`` of each class (at least ``MIN_KEEP`` sprites).

    Clip art and emoji are ranked separately, so the share of emoji does not change.
    """
    score = typicality(sprites)
    kept = []
    for label in range(len(CLASSES)):
        of_class = [i for i, s in enumerate(sprites) if s.label == label]
        share = max(KEEP_SHARE, min(1.0, MIN_KEEP / len(of_class)))
        for kind in ("clipart", "emoji"):
            pool = [i for i in of_class if sprites[i].kind == kind]
            pool.sort(key=lambda i: (-score[i], sprites[i].name))
            kept += [sprites[i] for i in sorted(pool[:round(share * len(pool))])]
    kept.sort(key=lambda s: (s.label, s.name))
    counts = np.bincount([s.label for s in kept], minlength=len(CLASSES)).tolist()
    log(f"  kept the most typical {len(kept)} of {len(sprites)} sprites, per class {counts}")
    return kept


# -------------------------------------------------------------------------- split


def _subcategory(sprite: Sprite) -> str:
    """``emoji``, or the clip art's first two folders (e.g. ``food/fruit``)."""
    if sprite.kind == "emoji":
        return "emoji"
    parts = sprite.name.removeprefix("clipart:").split("/")
    return "/".join(parts[:2]) if len(parts) > 2 else parts[0]


def _split(sprites: list[Sprite], rng) -> tuple[list[Sprite], list[Sprite]]:
    """Return (test sprites, training sprite sequence), following the module docstring."""
    test, train = [], []
    n_emoji_test = round(EMOJI_SHARE * N_TEST_PER_CLASS)
    n_emoji_train = round(EMOJI_SHARE * N_TRAIN_PER_CLASS)
    quotas = {"clipart": (N_TEST_PER_CLASS - n_emoji_test, N_TRAIN_PER_CLASS - n_emoji_train),
              "emoji": (n_emoji_test, n_emoji_train)}
    for label in range(len(CLASSES)):
        for kind in ("clipart", "emoji"):
            n_test, n_train = quotas[kind]
            pool = [s for s in sprites if s.label == label and s.kind == kind]
            subcats = sorted({_subcategory(s) for s in pool})
            # test: one sprite per group, round robin over subcategories
            firsts = []
            for sub in subcats:
                groups: dict[int, Sprite] = {}
                for s in pool:
                    if _subcategory(s) == sub:
                        groups.setdefault(s.group, s)
                reps = [groups[g] for g in sorted(groups)]
                firsts.append([reps[i] for i in rng.permutation(len(reps))])
            chosen = animals._round_robin(firsts, n_test)
            if len(chosen) < n_test:
                raise RuntimeError(f"{CLASSES[label]} {kind}: only {len(chosen)} groups for "
                                   f"{n_test} test pictures")
            test += chosen
            test_groups = {s.group for s in chosen}
            rest = [s for s in pool if s.group not in test_groups]
            buckets = [animals._interleave_groups([s for s in rest if _subcategory(s) == sub], rng)
                       for sub in subcats]
            buckets = [b for b in buckets if b]
            # every remaining source in turn, cycling until the quota is reached
            train += animals._round_robin([animals._round_robin(buckets)], n_train, cycle=True)
    return test, train


# ------------------------------------------------------------------------ compose


@contextlib.contextmanager
def _settings():
    """Set ``SETTINGS`` in ``builders.animals`` for the duration of the block."""
    saved = {name: getattr(animals, name) for name in SETTINGS}  # fails loudly if renamed
    try:
        for name, value in SETTINGS.items():
            setattr(animals, name, value)
        yield
    finally:
        for name, value in saved.items():
            setattr(animals, name, value)


def render(sprite: Sprite, rng: np.random.Generator, photos) -> np.ndarray:
    """One 64x64x3 uint8 picture of ``sprite``, composed by ``animals.render``.

    ``animals.render`` draws the background family with the probabilities of the sprite's
    binary label; under ``_settings`` they are the same for both labels, and the sprite is
    handed over with label 0, so the background never depends on the class.
    """
    return animals.render(dataclasses.replace(sprite, label=0), rng, photos)


# -------------------------------------------------------------------------- build


def make_arrays(sprites: list[Sprite]) -> dict[str, np.ndarray]:
    """Split the sprites and render every picture; return the arrays to save."""
    photos = animals._sample_photos()
    test, train = _split(sprites, np.random.default_rng([SEED, 0]))
    names = sorted({s.name for s in test + train})
    index = {name: i for i, name in enumerate(names)}
    arrays = {}
    for split_id, (split, items) in enumerate((("train", train), ("test", test)), start=1):
        order = np.random.default_rng([SEED, split_id]).permutation(len(items))
        items = [items[i] for i in order]
        if split == "test":  # view v of picture k is picture k + v * len(test)
            items = items * TEST_VIEWS
        with _settings():
            x = np.stack([render(s, np.random.default_rng([SEED, split_id, k]), photos)
                          for k, s in enumerate(items)])
        arrays[f"{split}_x"] = x
        arrays[f"{split}_y"] = np.array([s.label for s in items], dtype=np.uint8)
        arrays[f"{split}_source"] = np.array([index[s.name] for s in items], dtype=np.int32)
    arrays["classes"] = np.array(CLASSES)
    arrays["source_names"] = np.array(names)
    ordered = ["train_x", "train_y", "test_x", "test_y", "classes",
               "train_source", "test_source", "source_names"]
    return {k: arrays[k] for k in ordered}


def build(out_path: Path, log=print) -> dict:
    """Build the data set into ``out_path`` and return a summary dict."""
    t0 = time.perf_counter()
    sprites, skipped = collect_sprites(log)
    sprites = select_typical(sprites, log)
    arrays = make_arrays(sprites)
    save_npz(out_path, arrays)
    k = len(CLASSES)
    summary = {
        "sprites": len(sprites),
        "skipped": skipped,
        "train": np.bincount(arrays["train_y"], minlength=k).tolist(),
        "test": np.bincount(arrays["test_y"], minlength=k).tolist(),
        "seconds": round(time.perf_counter() - t0, 1),
    }
    log(f"  train per class {summary['train']}, test per class {summary['test']}, "
        f"{summary['seconds']} s")
    return summary

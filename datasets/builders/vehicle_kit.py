"""Builder of ``vehicle_kit.npz``: vehicle sprites and background photos for scene synthesis.

No detection or segmentation data set exists offline, and a few thousand photo-like
scenes would not fit the size budget of ``datasets/`` as pixels (3,000 RGB scenes of
128x128 are 147 MB raw; photo backgrounds hardly compress). So this file holds the
*parts* of the scenes, and ``dlcourse.scenes`` composes the scenes from them at load
time, deterministically (a scene is a pure function of the kit, the split and its index).

What is inside
--------------
* **Sprites**: 81 vehicle pictures (54 clip art, 27 emoji) with transparent backgrounds,
  each labelled with one of five classes: 0 car, 1 bus/truck, 2 two-wheeler, 3 aircraft,
  4 boat. Clip art from the
  Debian package ``openclipart-png`` (``transportation/`` and ``transportation/vehicles``,
  ``transportation/boating``; every file was chosen by eye: road signs, pictograms,
  diagrams, line art and duplicate copies are out) and vehicle emoji from
  ``fonts-noto-color-emoji``. Each sprite is cropped to its visible part and scaled so
  that its longer side is ``SPRITE_SIDE`` px, stored top-left in a transparent
  ``SPRITE_SIDE`` square (``sprite_rgba``) with its height and width (``sprite_hw``).
* **Split by source**: about a quarter of the sprite groups of every class and kind
  (a group = colour variants or other copies of one drawing), chosen at random (by hand
  for two-wheelers, see ``TEST_CHOICE``), are test-only (``sprite_split == 1``); scenes
  of the test split use only those, training scenes only the others.
* **Photos**: ten photos bundled with scikit-learn (china, flower) and scikit-image
  (astronaut, coffee, chelsea, rocket, camera, and the grass, gravel and brick
  textures), centre-cropped to 2:3 and resized to 256x384 (``photos``; grey ones are
  repeated over the three channels, ``photo_is_grey`` says which). The left 256x256 of
  every photo is for training scenes, the right 256x128 for test scenes
  (``PHOTO_SPLIT_COLUMN``), so no background pixel is shared by the two splits.

How the course uses it
----------------------
* c4w3a1 (YOLO): ``dlcourse.scenes.load_vehicle_scenes(split)`` gives 128x128 scenes with
  1-3 vehicles and their boxes; ``dlcourse.yolo`` holds the detector (trained by
  ``datasets/builders/yolo_vehicles.py`` on training scenes, weights in
  ``yolo_vehicles.npz``), its anchors and ``yolo_head``. The notebook runs the detector
  on test scenes, feeds the decoded outputs to the learner's ``yolo_eval`` and draws the
  boxes.
* c4w3a2 (U-Net): ``dlcourse.scenes.load_road_scenes(split)`` gives 96x128 road scenes
  with per-pixel masks (0 other, 1 sky, 2 road, 3 car, 4 bus/truck), built from the same
  sprites and photo textures; the notebook trains a small U-Net on the training scenes
  and shows predicted masks on test scenes. Checked with ``tools/check_road_unet.py``: a
  U-Net with n_filters=16 (3 down-sampling steps, 536k parameters) trained 4 epochs on
  800 scenes (235 CPU-seconds; 486 s wall on two cores shared with other jobs) reaches a
  held-out pixel accuracy of 0.854 and a mean IoU of 0.623 (other 0.83, sky 0.91, road
  0.80, car 0.13, bus/truck 0.45): sky, road and vehicles are clearly found, cars and
  buses are still often confused.

Everything random comes from ``numpy.random.default_rng`` seeded with ``SEED``; the npz
is written with fixed timestamps, so a rebuild is byte-identical.
"""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from .common import save_npz

Image.MAX_IMAGE_PIXELS = None

CLIPART_ROOT = Path("/usr/share/openclipart/png")
EMOJI_FONT = Path("/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf")

OUTPUT = "vehicle_kit.npz"
DEBIAN_PACKAGES = {"openclipart-png": CLIPART_ROOT, "fonts-noto-color-emoji": EMOJI_FONT}
PYTHON_MODULES = ["numpy", "PIL", "sklearn", "skimage"]

REGISTRY = {
    "file": OUTPUT,
    "source": (
        "Debian openclipart-png 1:0.18+dfsg-19 (transportation/, transportation/vehicles/, "
        "transportation/boating/: 54 vehicle drawings chosen by eye, listed in "
        "datasets/builders/vehicle_kit.py); Debian fonts-noto-color-emoji 2.042-0+deb12u1 "
        "(NotoColorEmoji.ttf, 27 vehicle emoji); photos bundled with scikit-learn 1.9.1 "
        "(china.jpg, flower.jpg) and scikit-image 0.26.0 (astronaut, coffee, chelsea, rocket, "
        "camera, grass, gravel, brick)"
    ),
    "licence": (
        "Clip art: public domain (Open Clip Art Library dedication); emoji: Apache-2.0 "
        "(Google Noto Emoji); scikit-learn sample photos: CC-BY 2.0 per scikit-learn's "
        "notice; scikit-image photos: astronaut and rocket public domain (NASA, SpaceX), "
        "coffee, chelsea, camera, grass, gravel, brick CC0 per scikit-image's data notes; "
        "the kit and the composed scenes: CC0"
    ),
    "build": "python datasets/build.py vehicle_kit",
    "description": (
        "Parts of the synthetic vehicle scenes of c4w3a1 (detection) and c4w3a2 "
        "(segmentation), composed at load time by dlcourse.scenes. Arrays: sprite_rgba "
        "(n, 128, 128, 4) uint8, sprite_hw (n, 2) int16, sprite_class (n,) uint8 "
        "[0 car, 1 bus/truck, 2 two-wheeler, 3 aircraft, 4 boat], sprite_split (n,) uint8 "
        "[0 train, 1 test, split by source drawing], sprite_names (str), class_names (str), "
        "photos (10, 256, 384, 3) uint8 [columns < 256 train, >= 256 test], photo_names "
        "(str), photo_is_grey (bool)."
    ),
}

SEED = 20240806
SPRITE_SIDE = 128
PHOTO_HW = (256, 384)
PHOTO_SPLIT_COLUMN = 256
TEST_SHARE = 0.25

CLASS_NAMES = ["car", "bus/truck", "two-wheeler", "aircraft", "boat"]

_T = "transportation/"
_V = "transportation/vehicles/"
_B = "transportation/boating/"
#: Clip art by class: each inner list is one group (copies or colour variants of a drawing).
CLIPART = {
    0: [
        [_T + "car_jamin_ellis_.png"],
        [_T + "dodge_neon_green_ganson.png", _T + "dodge_neon_pink_ganson.png"],
        [_T + "formula_one_car_gerald_g_01.png", _T + "formula_one_car_gerald_g_02.png"],
        [_V + "hummer_01.png"], [_V + "hummer_02.png"], [_V + "hummer_05.png"],
        [_V + "hummer_07.png"],
        # a colour drawing and two black silhouettes of its outline: one group
        [_V + "hummer_03.png", _V + "hummers/hummer_03.png", _V + "hummers/hummer_04.png"],
        [_T + "old_car_lumen_design_st_r.png"], [_T + "road_runner_ganson.png"],
        [_T + "skoda_car_alejandro_teja_.png"], [_T + "sportcar_sergio_luiz_ara_01.png"],
        [_T + "toyota_land_cruiser_ganson.png"], [_T + "blazer_01.png"],
        [_V + "1989_chevrolet_celebrit_01.png", _V + "1989_chevrolet_celebrit_02.png",
         _V + "_chevrolet_celebirt_.png"],
        [_V + "4wd.png"], [_V + "car.png"], [_T + "car_ride_ganson.png"],
    ],
    1: [
        [_V + "bus1_jarno_vasamaa_01.png", _V + "bus1_bw_jarno_vasamaa_01.png"],
        [_V + "bus2_jarno_vasamaa_01.png", _V + "bus2_bw_jarno_vasamaa_01.png"],
        [_T + "big_truck_01.png"], [_T + "fire_engine_romus_01.png"],
        [_T + "old_truck_indana_model__01.png"], [_T + "truck_jarno_vasamaa1.png"],
        [_T + "truck_jarno_vasamaa_.png"], [_T + "small_truck_steffen_gluc_01.png"],
        [_V + "ambulans_romus_01.png"],
    ],
    2: [
        [_T + "bicycle_philippe_colin_01.png"], [_T + "motorcycle_jarno_vasama_.png"],
        [_V + "bicycle_01.png"], [_V + "vtt_02.png"],
        [_V + "bicicletta_cycle_archite_01.png"],
    ],
    3: [
        [_T + "plane_in_the_sky_mo_01.png"], [_V + "aircraft_jarno_vasamaa1.png"],
        [_V + "aircraft_jarno_vasamaa2.png"], [_V + "aircraft_jarno_vasamaa3.png"],
        [_V + "aircraft_jarno_vasamaa4.png"], [_V + "aircraft_jarno_vasamaa_.png"],
        [_V + "military_airplane_mo_01.png"], [_V + "plane_silhouet_mo_01.png"],
        [_V + "airplane_nicu_buculei_01.png"],
    ],
    4: [
        [_B + "boat_jarno_vasamaa1.png"], [_B + "boat_jarno_vasamaa_.png"],
        [_B + "sailboat_illustration.png"], [_B + "sailing_kids.png"],
        [_V + "trawler_01.png"],
    ],
}
#: Emoji by class (side views; the take-off/landing emoji are out: they show a runway).
EMOJI = {
    0: [0x1F697, 0x1F699, 0x1F695, 0x1F693, 0x1F3CE],
    1: [0x1F68C, 0x1F68E, 0x1F690, 0x1F691, 0x1F692, 0x1F69A, 0x1F69B, 0x1F6FB],
    2: [0x1F6B2, 0x1F6F5, 0x1F3CD, 0x1F6F4],
    3: [0x2708, 0x1F6E9, 0x1F681],
    4: [0x26F5, 0x1F6A4, 0x1F6E5, 0x1F6A2, 0x26F4, 0x1F6F6, 0x1F6F3],
}

#: Test sprites chosen by hand. The random choice put both motorbikes (the clip art and
#: the emoji) of the two-wheeler class into the test split, leaving only bicycles and
#: scooters for training; here each split has bicycles and motorbikes.
TEST_CHOICE = {2: ["clipart:" + _V + "vtt_02.png", "emoji:U+1F3CD"]}

#: Photos: (name, loader). Grey textures are repeated over the three channels.
PHOTOS = ["china", "flower", "astronaut", "coffee", "chelsea", "rocket", "camera",
          "grass", "gravel", "brick"]


def _fit(rgba: Image.Image) -> np.ndarray:
    """Crop to the visible part and scale the longer side to SPRITE_SIDE."""
    alpha = rgba.getchannel("A")
    bbox = alpha.point(lambda a: 255 if a > 8 else 0).getbbox()
    rgba = rgba.crop(bbox)
    w, h = rgba.size
    scale = SPRITE_SIDE / max(w, h)
    size = (max(1, round(w * scale)), max(1, round(h * scale)))
    # resize premultiplied, so transparent pixels do not bleed their colour into the edge
    im = rgba.convert("RGBa").resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)
    return np.asarray(im.convert("RGBA"))


def _emoji(code: int) -> Image.Image:
    font = ImageFont.truetype(str(EMOJI_FONT), 109)
    im = Image.new("RGBA", (160, 160), (0, 0, 0, 0))
    ImageDraw.Draw(im).text((10, 10), chr(code), font=font, embedded_color=True)
    return im


def _photo(name: str) -> tuple[np.ndarray, bool]:
    if name in ("china", "flower"):
        from sklearn.datasets import load_sample_image

        arr = load_sample_image(f"{name}.jpg")
    else:
        import skimage.data

        arr = getattr(skimage.data, name)()
    grey = arr.ndim == 2
    if grey:
        arr = np.repeat(arr[..., None], 3, axis=2)
    im = Image.fromarray(arr)
    h, w = PHOTO_HW
    # centre crop to h:w, then resize
    W, H = im.size
    if W * h > H * w:  # too wide
        cw = round(H * w / h)
        im = im.crop(((W - cw) // 2, 0, (W - cw) // 2 + cw, H))
    else:
        ch = round(W * h / w)
        im = im.crop((0, (H - ch) // 2, W, (H - ch) // 2 + ch))
    im = im.resize((w, h), Image.Resampling.LANCZOS)
    return np.asarray(im), grey


def collect(log=print) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(SEED)
    entries = []  # (name, class, group id, kind, rgba array)
    group = 0
    for cls in sorted(CLIPART):
        for files in CLIPART[cls]:
            for rel in files:
                rgba = Image.open(CLIPART_ROOT / rel).convert("RGBA")
                entries.append((f"clipart:{rel}", cls, group, "clipart", _fit(rgba)))
            group += 1
        for code in EMOJI[cls]:
            entries.append((f"emoji:U+{code:04X}", cls, group, "emoji", _fit(_emoji(code))))
            group += 1
    # split: per class and kind, a TEST_SHARE of the groups (at least one) is test-only,
    # chosen at random, except for the classes listed in TEST_CHOICE
    test_groups = set()
    for cls in sorted(CLIPART):
        for kind in ("clipart", "emoji"):
            groups = sorted({g for _, c, g, k, _ in entries if c == cls and k == kind})
            n_test = max(1, round(TEST_SHARE * len(groups)))
            chosen = {groups[i] for i in rng.permutation(len(groups))[:n_test]}
            if cls in TEST_CHOICE:
                chosen = {g for name, c, g, k, _ in entries
                          if c == cls and k == kind and name in TEST_CHOICE[cls]}
                assert len(chosen) == n_test
            test_groups |= chosen
    n = len(entries)
    rgba = np.zeros((n, SPRITE_SIDE, SPRITE_SIDE, 4), np.uint8)
    hw = np.zeros((n, 2), np.int16)
    for i, (_, _, _, _, arr) in enumerate(entries):
        rgba[i, :arr.shape[0], :arr.shape[1]] = arr
        hw[i] = arr.shape[:2]
    photos, greys = zip(*(_photo(name) for name in PHOTOS))
    arrays = {
        "sprite_rgba": rgba,
        "sprite_hw": hw,
        "sprite_class": np.array([e[1] for e in entries], np.uint8),
        "sprite_split": np.array([e[2] in test_groups for e in entries], np.uint8),
        "sprite_group": np.array([e[2] for e in entries], np.int16),
        "sprite_names": np.array([e[0] for e in entries]),
        "class_names": np.array(CLASS_NAMES),
        "photos": np.stack(photos),
        "photo_names": np.array(PHOTOS),
        "photo_is_grey": np.array(greys, bool),
    }
    for cls, name in enumerate(CLASS_NAMES):
        of = arrays["sprite_class"] == cls
        log(f"  {name}: {of.sum()} sprites, {arrays['sprite_split'][of].sum()} test-only")
    return arrays


def build(out_path: Path, log=print) -> dict:
    t0 = time.perf_counter()
    arrays = collect(log)
    save_npz(out_path, arrays)
    summary = {"sprites": len(arrays["sprite_names"]),
               "test_sprites": int(arrays["sprite_split"].sum()),
               "seconds": round(time.perf_counter() - t0, 1)}
    log(f"  {summary}")
    return summary

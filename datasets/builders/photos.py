"""Builder of ``photos_224.npz``: seven real photos, centre-cropped and resized to 224x224 RGB.

How the course uses them:

* **c4w2a2** (transfer learning): ``load_photos()`` gives the photos the notebook feeds to the
  pretrained EfficientNet-Lite0 (``dlcourse.efficientnet``) to show ImageNet predictions
  (``decode_predictions``) before building the transfer model; the weights file stores the
  reference top-5 of an independent NumPy forward pass on these same photos
  (``tests/test_data_vision.py`` compares the Keras model against it).
* **c4w4a2** (neural style transfer): the content images (``chelsea`` the cat, ``coffee``,
  ``astronaut``, ``china`` ...), with the style images of ``style_images_224.npz``.

The photos are bundled with scikit-image (``skimage.data``: chelsea, coffee, rocket, astronaut,
camera) and scikit-learn (``load_sample_images``: china.jpg, flower.jpg); none is downloaded.
Each is centre-cropped to a square and resized with Pillow's bicubic filter; the grey
``camera`` picture is repeated over three channels.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image

from .common import save_npz

OUTPUT = "photos_224.npz"
DEBIAN_PACKAGES: dict[str, str] = {}
PYTHON_MODULES = ["numpy", "PIL", "skimage", "sklearn"]
SIZE = 224

#: name -> (where it comes from, credit and licence)
PHOTOS = {
    "chelsea": ("skimage.data.chelsea()", "Chelsea the cat; CC0 by Stefan van der Walt"),
    "coffee": ("skimage.data.coffee()", "Coffee cup; CC0 by Rachel Michetti"),
    "rocket": ("skimage.data.rocket()", "Falcon 9 launch (DSCOVR); public domain, SpaceX"),
    "astronaut": ("skimage.data.astronaut()", "Eileen Collins; public domain, NASA"),
    "camera": ("skimage.data.camera()", "Cameraman (grey); CC0 by Lav Varshney"),
    "china": ("sklearn load_sample_images() china.jpg",
              "Temple; CC-BY 2.0, danielbuechele (Flickr)"),
    "flower": ("sklearn load_sample_images() flower.jpg",
               "Flower; CC-BY 2.0, vultilion (Flickr)"),
}

REGISTRY = {
    "file": OUTPUT,
    "source": (
        "scikit-image 0.26.0 wheel, skimage.data bundled images chelsea, coffee, rocket, "
        "astronaut, camera; scikit-learn 1.9.1 wheel, sklearn.datasets.load_sample_images "
        "(china.jpg, flower.jpg)"
    ),
    "licence": (
        "chelsea, coffee, camera: CC0 (photographers Stefan van der Walt, Rachel Michetti, "
        "Lav Varshney); rocket: public domain (SpaceX); astronaut: public domain (NASA); "
        "china.jpg, flower.jpg: CC-BY 2.0 (Flickr users danielbuechele and vultilion, per "
        "scikit-learn's images/README.txt)"
    ),
    "build": "python datasets/build.py photos",
    "description": (
        "7 real photos, centre-cropped and resized to 224x224 RGB uint8: chelsea (a cat), "
        "coffee, rocket, astronaut, camera (grey, as RGB), china (a temple), flower. Arrays: "
        "images (7, 224, 224, 3) uint8, names (str), credits (str). Used by c4w2a2 "
        "(ImageNet predictions of the pretrained CNN) and c4w4a2 (content images)."
    ),
}


def _load(name: str) -> np.ndarray:
    if name in ("china", "flower"):
        from sklearn.datasets import load_sample_images

        bunch = load_sample_images()
        files = [Path(f).name for f in bunch.filenames]
        return bunch.images[files.index(f"{name}.jpg")]
    from skimage import data

    img = getattr(data, name)()
    if img.ndim == 2:
        img = np.repeat(img[:, :, None], 3, axis=2)
    return img


def square(img: np.ndarray, size: int = SIZE) -> np.ndarray:
    """Centre-crop an (H, W, 3) uint8 image to a square and resize it (bicubic)."""
    h, w = img.shape[:2]
    m = min(h, w)
    top, left = (h - m) // 2, (w - m) // 2
    crop = Image.fromarray(np.ascontiguousarray(img[top:top + m, left:left + m]))
    return np.asarray(crop.resize((size, size), Image.Resampling.BICUBIC), dtype=np.uint8)


def make_arrays() -> dict[str, np.ndarray]:
    images = np.stack([square(_load(name)) for name in PHOTOS])
    return {
        "images": images,
        "names": np.array(list(PHOTOS)),
        "credits": np.array([f"{src}: {credit}" for src, credit in PHOTOS.values()]),
    }


def build(out_path: Path, log=print) -> dict:
    arrays = make_arrays()
    save_npz(out_path, arrays)
    log(f"  {len(arrays['names'])} photos {arrays['images'].shape}")
    return {"photos": len(arrays["names"])}

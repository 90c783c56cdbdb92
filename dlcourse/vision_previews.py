"""Preview figures of the course-4 vision data: one function per data file (Agg-safe).

Each function loads its file through :mod:`dlcourse.data` and returns a matplotlib Figure.
"""

from __future__ import annotations

import numpy as np

from . import data, plots

__all__ = ["preview_photos", "preview_efficientnet_lite0", "preview_transfer_birds",
           "preview_style_images"]


def preview_photos():
    """The seven bundled 224x224 photos with their names."""
    images, names = data.load_photos()
    return plots.montage(images, names, ncols=7, size=1.8, title="photos_224")


def preview_efficientnet_lite0(top=3):
    """The photos with the top classes the original network gives them.

    The scores are the reference stored in the weights file (an independent NumPy forward
    pass of the original PyTorch weights), so no Keras model is built.
    """
    import matplotlib.pyplot as plt

    images, names = data.load_photos()
    with np.load(data.path("efficientnet_lite0"), allow_pickle=False) as d:
        probs, check_names = d["check_probs"], list(d["check_names"].astype(str))
        classes = d["class_names"].astype(str)
    fig, axes = plt.subplots(1, len(images), figsize=(2.2 * len(images), 3.2), squeeze=False)
    for ax, img, name in zip(axes[0], images, names):
        p = probs[check_names.index(name)]
        order = np.argsort(-p)[:top]
        ax.imshow(img)
        ax.set_axis_off()
        ax.set_title("\n".join(f"{classes[i][:18]} {p[i]:.2f}" for i in order), fontsize=7)
    fig.suptitle("EfficientNet-Lite0 (ImageNet) on the bundled photos: top classes")
    fig.tight_layout()
    return fig


def preview_transfer_birds(n=16):
    """The first ``n`` training and ``n`` validation pictures of the bird / not-bird set."""
    train_x, train_y, val_x, val_y, classes = data.load_transfer_birds()
    images = np.concatenate([train_x[:n], val_x[:n]])
    labels = [f"train: {classes[y]}" for y in train_y[:n]] + [
        f"val: {classes[y]}" for y in val_y[:n]]
    return plots.montage(images, labels, ncols=8, size=1.5,
                         title="transfer_birds_128 (bird vs not bird)")


def preview_style_images():
    """The four style images, titled with their names and the layers c4w4a2 uses."""
    images, names, content_layer, style_layers = data.load_style_images()
    title = (f"style_images_224 (content layer {content_layer}; style layers "
             f"{', '.join(n for n, _ in style_layers[:2])}, ...)")
    return plots.montage(images, names, ncols=4, size=2.2, title=title)

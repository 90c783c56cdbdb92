"""Check that the c4w3a2 road scenes are learnable by a small U-Net in a few minutes.

Usage (from the repository root)::

    python tools/check_road_unet.py [--n-train 800] [--epochs 4] [--filters 16]

Trains a small Keras U-Net (three down-sampling steps, ``--filters`` in the first
block, as in the notebook's ``unet_model``) on training road scenes, then prints the
training time, the pixel accuracy and the per-class and mean IoU on held-out test scenes,
and saves a figure of predicted masks to ``build/road_unet_check.png``. It is a check of
the data, not part of the course: the notebook has the learner write the U-Net.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402


def small_unet(input_shape, n_filters, n_classes):
    from tensorflow import keras
    from tensorflow.keras import layers

    def block(x, filters):
        x = layers.Conv2D(filters, 3, padding="same", activation="relu",
                          kernel_initializer="he_normal")(x)
        return layers.Conv2D(filters, 3, padding="same", activation="relu",
                             kernel_initializer="he_normal")(x)

    inputs = keras.Input(input_shape)
    x = layers.Rescaling(1 / 255)(inputs)
    skips = []
    for level in range(3):
        x = block(x, n_filters * 2**level)
        skips.append(x)
        x = layers.MaxPooling2D(2)(x)
    x = block(x, n_filters * 8)
    for level in reversed(range(3)):
        x = layers.Conv2DTranspose(n_filters * 2**level, 3, strides=2, padding="same")(x)
        x = layers.Concatenate()([x, skips[level]])
        x = block(x, n_filters * 2**level)
    outputs = layers.Conv2D(n_classes, 1)(x)
    return keras.Model(inputs, outputs)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n-train", type=int, default=800)
    parser.add_argument("--n-test", type=int, default=200)
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument("--filters", type=int, default=16)
    args = parser.parse_args(argv)

    import tensorflow as tf

    from dlcourse.scenes import load_road_scenes

    tf.keras.utils.set_random_seed(0)
    t0 = time.perf_counter()
    x, y, names = load_road_scenes("train", args.n_train)
    xt, yt, _ = load_road_scenes("test", args.n_test)
    print(f"composed {len(x)} + {len(xt)} scenes in {time.perf_counter() - t0:.1f} s")
    model = small_unet(x.shape[1:], args.filters, len(names))
    model.compile(tf.keras.optimizers.Adam(2e-3),
                  tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  metrics=["accuracy"])
    t1, c1 = time.perf_counter(), time.process_time()
    model.fit(x.astype(np.float32), y, batch_size=32, epochs=args.epochs, verbose=2)
    train_s, train_cpu = time.perf_counter() - t1, time.process_time() - c1
    pred = model.predict(xt.astype(np.float32), verbose=0).argmax(-1)
    acc = float((pred == yt).mean())
    ious = []
    for k in range(len(names)):
        inter = ((pred == k) & (yt == k)).sum()
        union = ((pred == k) | (yt == k)).sum()
        ious.append(inter / union if union else float("nan"))
    print(f"U-Net n_filters={args.filters}, {model.count_params()} parameters, "
          f"{args.epochs} epochs on {len(x)} scenes: {train_s:.0f} s of training "
          f"({train_cpu:.0f} CPU-seconds, all threads)")
    print(f"held-out pixel accuracy {acc:.3f}, mean IoU {np.nanmean(ious):.3f}")
    print("IoU per class: " + ", ".join(f"{n} {v:.3f}" for n, v in zip(names, ious)))

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from dlcourse.scenes import mask_to_rgb

    fig, axes = plt.subplots(4, 3, figsize=(7.5, 7))
    for i in range(4):
        for ax, im, title in zip(axes[i], (xt[i], mask_to_rgb(yt[i]), mask_to_rgb(pred[i])),
                                 ("scene", "true mask", "predicted")):
            ax.imshow(im)
            ax.set_axis_off()
            ax.set_title(title, fontsize=8)
    out = ROOT / "build" / "road_unet_check.png"
    out.parent.mkdir(exist_ok=True)
    fig.tight_layout()
    fig.savefig(out, dpi=80)
    print(f"figure: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

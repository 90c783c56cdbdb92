"""Measure what c4w2a2 can expect from ``transfer_birds_128``: frozen base, then fine-tuning.

Run from the repository root (runtime venv is enough)::

    PYTHONPATH=. python datasets/dev/transfer_birds_check.py [--epochs 10] [--fine-epochs 5]

Builds the DLS-style transfer model (augmentation, ``preprocess``, the frozen
EfficientNet-Lite0 base in inference mode, global average pooling, dropout, one logit),
trains the head, then unfreezes the layers from ``--fine-tune-at`` on and trains again
with a 10x smaller learning rate. Prints validation accuracy per epoch and the times.
"""

from __future__ import annotations

import argparse
import os
import time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--fine-epochs", type=int, default=5)
    parser.add_argument("--fine-tune-at", default="block6a_expand_conv")
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    import keras
    import numpy as np
    from keras import layers

    from dlcourse.data import load_transfer_birds
    from dlcourse.efficientnet import efficientnet_lite0, preprocess

    keras.utils.set_random_seed(args.seed)
    train_x, train_y, val_x, val_y, classes = load_transfer_birds()
    shape = train_x.shape[1:]
    augment = keras.Sequential([layers.RandomFlip("horizontal"), layers.RandomRotation(0.2)])
    base = efficientnet_lite0(include_top=False, input_shape=shape)
    base.trainable = False
    inputs = keras.Input(shape)
    x = preprocess(augment(inputs))
    x = base(x, training=False)
    x = layers.GlobalAveragePooling2D()(x)
    x = layers.Dropout(0.2)(x)
    outputs = layers.Dense(1)(x)
    model = keras.Model(inputs, outputs)
    loss = keras.losses.BinaryCrossentropy(from_logits=True)
    model.compile(keras.optimizers.Adam(args.lr), loss,
                  metrics=[keras.metrics.BinaryAccuracy(threshold=0.0, name="acc")])
    xt, yt = train_x.astype("float32"), train_y.astype("float32")
    xv, yv = val_x.astype("float32"), val_y.astype("float32")
    t0 = time.perf_counter()
    before = model.evaluate(xv, yv, verbose=0)[1]
    h1 = model.fit(xt, yt, validation_data=(xv, yv), epochs=args.epochs, batch_size=32,
                   verbose=0)
    t1 = time.perf_counter()
    frozen = h1.history["val_acc"]
    print(f"untrained head: val acc {before:.3f}")
    print("frozen base, val acc per epoch:", [round(a, 3) for a in frozen],
          f"({t1 - t0:.0f} s)")

    base.trainable = True
    names = [layer.name for layer in base.layers]
    at = names.index(args.fine_tune_at)
    for layer in base.layers[:at]:
        layer.trainable = False
    n_trainable = sum(int(np.prod(w.shape)) for w in model.trainable_weights)
    model.compile(keras.optimizers.Adam(args.lr / 10), loss,
                  metrics=[keras.metrics.BinaryAccuracy(threshold=0.0, name="acc")])
    h2 = model.fit(xt, yt, validation_data=(xv, yv), epochs=args.epochs + args.fine_epochs,
                   initial_epoch=args.epochs, batch_size=32, verbose=0)
    t2 = time.perf_counter()
    fine = h2.history["val_acc"]
    print(f"fine-tuning from {args.fine_tune_at} ({n_trainable} trainable weights), "
          "val acc per epoch:", [round(a, 3) for a in fine], f"({t2 - t1:.0f} s)")
    print(f"RESULT frozen {frozen[-1]:.3f} fine-tuned {fine[-1]:.3f} "
          f"train-acc {h2.history['acc'][-1]:.3f} total {t2 - t0:.0f} s")


if __name__ == "__main__":
    main()

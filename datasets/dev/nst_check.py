"""A short neural style transfer run with EfficientNet-Lite0 features (the c4w4a2 recipe).

Run from the repository root (runtime venv is enough)::

    PYTHONPATH=. python datasets/dev/nst_check.py --content chelsea --style swirls --steps 50

Uses the DLS cost functions (content cost on ``CONTENT_LAYER``, weighted Gram-matrix style
costs on ``STYLE_LAYERS``, ``alpha=10, beta=40``), Adam on the pixels of a generated image
in [0, 1] that starts as the content photo plus uniform noise, and writes
``build/nst_<content>_<style>.png`` (content | style | result) with the time taken.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--content", default="chelsea")
    parser.add_argument("--style", default="swirls")
    parser.add_argument("--steps", type=int, default=50)
    parser.add_argument("--lr", type=float, default=0.03)
    parser.add_argument("--alpha", type=float, default=10.0)
    parser.add_argument("--beta", type=float, default=40.0)
    parser.add_argument("--out", default="build")
    parser.add_argument("--style-layers", default=None,
                        help="comma-separated layer names (equal weights) to try instead")
    parser.add_argument("--tag", default="")
    args = parser.parse_args()

    import keras
    import numpy as np
    import tensorflow as tf
    from PIL import Image

    from dlcourse.data import load_photos, load_style_images
    from dlcourse.efficientnet import efficientnet_lite0, preprocess

    photos, names = load_photos()
    styles, style_names, content_layer, style_layers = load_style_images()
    if args.style_layers:
        chosen = args.style_layers.split(",")
        style_layers = [(name, 1.0 / len(chosen)) for name in chosen]
    content = photos[names.index(args.content)].astype("float32") / 255
    style = styles[style_names.index(args.style)].astype("float32") / 255

    t0 = time.perf_counter()
    base = efficientnet_lite0(include_top=False, input_shape=(224, 224, 3))
    base.trainable = False
    layer_names = [name for name, _ in style_layers] + [content_layer]
    features = keras.Model(base.input, [base.get_layer(n).output for n in layer_names])

    def outputs(image):
        return features(preprocess(image[None] * 255.0), training=False)

    def gram(a):
        a = tf.reshape(a, (-1, a.shape[-1]))
        return tf.matmul(a, a, transpose_a=True)

    def content_cost(a_c, a_g):
        _, h, w, c = a_g.shape
        return tf.reduce_sum((a_c - a_g) ** 2) / (4.0 * h * w * c)

    def style_cost(a_s, a_g):
        _, h, w, c = a_g.shape
        return tf.reduce_sum((gram(a_s) - gram(a_g)) ** 2) / (4.0 * c * c * (h * w) ** 2)

    a_C = outputs(tf.constant(content))
    a_S = outputs(tf.constant(style))
    rng = np.random.default_rng(0)
    noise = rng.uniform(-0.25, 0.25, content.shape).astype("float32")
    G = tf.Variable(np.clip(content + noise, 0, 1))
    opt = keras.optimizers.Adam(learning_rate=args.lr)

    @tf.function
    def train_step():
        with tf.GradientTape() as tape:
            a_G = outputs(G)
            j_style = tf.add_n([w * style_cost(s, g) for (_, w), s, g
                                in zip(style_layers, a_S[:-1], a_G[:-1])])
            j_content = content_cost(a_C[-1], a_G[-1])
            j = args.alpha * j_content + args.beta * j_style
        grad = tape.gradient(j, G)
        opt.apply_gradients([(grad, G)])
        G.assign(tf.clip_by_value(G, 0.0, 1.0))
        return j, j_content, j_style

    t1 = time.perf_counter()
    for i in range(args.steps):
        j, jc, js = train_step()
        if i in (0, args.steps - 1) or (i + 1) % 10 == 0:
            print(f"step {i + 1:3d}: J {float(j):.4g} (content {float(jc):.4g}, "
                  f"style {float(js):.4g})")
    t2 = time.perf_counter()
    result = (np.clip(G.numpy(), 0, 1) * 255 + 0.5).astype("uint8")
    Path(args.out).mkdir(parents=True, exist_ok=True)
    out = Path(args.out) / f"nst_{args.content}_{args.style}{args.tag}.png"
    strip = np.concatenate([(content * 255).astype("uint8"), (style * 255).astype("uint8"),
                            result], axis=1)
    Image.fromarray(strip).save(out)
    print(f"model build {t1 - t0:.1f} s, {args.steps} steps {t2 - t1:.1f} s "
          f"({(t2 - t1) / args.steps:.2f} s/step incl. tracing); wrote {out}")


if __name__ == "__main__":
    main()

"""Builder of ``face_embedding.npz``: weights of the pretrained face-embedding CNN (c4w4a1).

The design of c4w4a1 is explained in ``face_identities.py``. This script trains the
network of ``dlcourse.faces.build_embedding_model`` (4 conv blocks, global average
pooling, Dense(64), unit normalisation; about 62,000 parameters) with the triplet
loss on freshly generated views of the **train** identities of ``face_identities``
(``N_VIEWS`` views each, a seed different from the shipped pictures): batches of
``P`` identities x ``K`` views, "batch-all" mining (every valid anchor / positive /
negative triple of the batch; the loss is the mean over the triples that still violate
the margin; batch-hard mining collapsed all encodings to one point in a first try),
margin ``ALPHA`` = 0.2 on squared distances as in the DLS's ``triplet_loss``, Adam
with a cosine-decaying learning rate. The weights are rounded to float16 for storage
(the loader casts them back to float32), and every figure below is measured with the
rounded weights.

Checks made at build time (printed, and copied into the registry description):

* the distance threshold (stored as ``threshold``, read by
  ``dlcourse.faces.verify_threshold()``) is the multiple of 0.05 with the best
  balanced accuracy on pairs of **held-out views of train identities**;
* verification accuracy on all pairs of the shipped **test** pictures (48 identities
  never seen in training, 6 views each), at that threshold, separately for
  same-identity and different-identity pairs;
* ``who_is_it`` accuracy: database = the first view of each test identity, queries =
  the other 5 views, nearest database entry must be the right identity (48-way,
  including the same person in other skin tones).

TensorFlow runs with op determinism and fixed thread counts, so a rebuild on the same
machine and library versions is byte-identical (it takes a few minutes).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import numpy as np

from . import face_identities as fi
from .common import save_npz

ROOT = Path(__file__).resolve().parents[2]
OUTPUT = "face_embedding.npz"
DEBIAN_PACKAGES = dict(fi.DEBIAN_PACKAGES)
PYTHON_MODULES = ["numpy", "PIL", "sklearn", "tensorflow"]

REGISTRY = {
    "file": OUTPUT,
    "source": (
        "Trained by datasets/builders/face_embedding.py with the triplet loss on views of "
        "the train identities of face_identities (Noto Color Emoji person emoji, Debian "
        "fonts-noto-color-emoji 2.042-0+deb12u1)"
    ),
    "licence": "CC0 (weights trained by this course; training pictures from Apache-2.0 emoji)",
    "build": "python datasets/build.py face_embedding",
    "description": "",  # filled in from the build check below (CHECK_TEXT)
}

SEED = 20240612
N_VIEWS = 10
P, K = 16, 4
ALPHA = 0.2
STEPS = int(os.environ.get("FACE_STEPS", 2000))
LEARNING_RATE = 1e-3

CHECK_TEXT = (
    "Weights (float16, w000..wNNN in model.get_weights() order, n_weights) of a 64-d face "
    "embedding CNN (dlcourse.faces.face_embedding_model) trained with the triplet loss on "
    "the train identities of face_identities. Measured at build time on the 48 unseen test "
    "identities (6 views each) at the distance threshold {t} (array threshold): {same:.3f} "
    "of same-identity pairs and {diff:.3f} of different-identity pairs verified correctly; "
    "who_is_it (nearest of 48 database entries) right for {who:.3f} of queries. "
    "Used by c4w4a1."
)


def _setup_tf():
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"
    import tensorflow as tf

    tf.config.threading.set_intra_op_parallelism_threads(2)
    tf.config.threading.set_inter_op_parallelism_threads(1)
    tf.config.experimental.enable_op_determinism()
    tf.keras.utils.set_random_seed(SEED)
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from dlcourse.faces import build_embedding_model

    return tf, build_embedding_model


def _pair_accuracy(emb: np.ndarray, ident: np.ndarray, threshold: float):
    d = np.sqrt(np.maximum(((emb[:, None, :] - emb[None, :, :]) ** 2).sum(-1), 0))
    same = ident[:, None] == ident[None, :]
    upper = np.triu(np.ones_like(same), 1)
    s = d[same & upper]
    n = d[~same & upper]
    return float(np.mean(s < threshold)), float(np.mean(n >= threshold)), s, n


def _decode(flat, offsets):
    import io

    from PIL import Image

    return np.stack([np.asarray(Image.open(io.BytesIO(flat[offsets[i]:offsets[i + 1]].tobytes()))
                                .convert("RGB"), dtype=np.uint8) for i in range(len(offsets) - 1)])


def build(out_path: Path, log=print) -> dict:
    tf, build_embedding_model = _setup_tf()
    sprites = fi.render_sprites()
    photo_list = fi.photos()
    split = fi.split_of()
    train_ids = [i for i in range(len(split)) if split[i] == "train"]
    t0 = time.time()
    x, y = fi.views(train_ids, N_VIEWS + 2, SEED, sprites, photo_list)
    view_no = np.tile(np.arange(N_VIEWS + 2), len(train_ids))
    val = view_no >= N_VIEWS  # 2 held-out views per train identity pick the threshold
    x_tr, y_tr = x[~val].astype(np.float32) / 255.0, y[~val]
    log(f"  {len(y_tr)} training views of {len(train_ids)} identities "
        f"({time.time() - t0:.0f} s)")

    model = build_embedding_model()
    schedule = tf.keras.optimizers.schedules.CosineDecay(LEARNING_RATE, STEPS, alpha=0.01)
    opt = tf.keras.optimizers.Adam(schedule)

    @tf.function
    def step(xb, yb):
        with tf.GradientTape() as tape:
            e = model(xb, training=True)
            d2 = tf.reduce_sum((e[:, None, :] - e[None, :, :]) ** 2, axis=-1)
            same = tf.equal(yb[:, None], yb[None, :])
            n = tf.shape(yb)[0]
            pos_mask = tf.logical_and(same, tf.logical_not(tf.eye(n, dtype=tf.bool)))
            # every valid (anchor, positive, negative) triple of the batch
            valid = tf.logical_and(pos_mask[:, :, None], tf.logical_not(same)[:, None, :])
            t = tf.nn.relu(d2[:, :, None] - d2[:, None, :] + ALPHA)
            t = tf.where(valid, t, tf.zeros_like(t))
            active = tf.reduce_sum(tf.cast(t > 1e-9, tf.float32))
            loss = tf.reduce_sum(t) / tf.maximum(active, 1.0)
        grads = tape.gradient(loss, model.trainable_variables)
        opt.apply_gradients(zip(grads, model.trainable_variables))
        return loss

    by_id = {i: np.flatnonzero(y_tr == i) for i in train_ids}
    rng = np.random.default_rng(SEED + 5)
    t0 = time.time()
    for s in range(STEPS):
        ids = rng.choice(train_ids, size=P, replace=False)
        idx = np.concatenate([rng.choice(by_id[i], size=K, replace=False) for i in ids])
        loss = float(step(tf.constant(x_tr[idx]), tf.constant(y_tr[idx])))
        if s % 100 == 0 or s == STEPS - 1:
            log(f"  step {s}: triplet loss {loss:.4f} ({time.time() - t0:.0f} s)")

    weights = [w.astype(np.float16) for w in model.get_weights()]
    model.set_weights([w.astype(np.float32) for w in weights])

    def encode(images):
        return np.asarray(model.predict(images.astype(np.float32) / 255.0, batch_size=128,
                                        verbose=0))

    val_emb = encode(x[val])
    # the threshold (a multiple of 0.05) with the best balanced accuracy on the pairs of
    # held-out views of the train identities
    grid = np.round(np.arange(0.3, 1.5, 0.05), 2)
    scores = [np.mean(_pair_accuracy(val_emb, y[val], t)[:2]) for t in grid]
    threshold = float(grid[int(np.argmax(scores))])
    vs, vd, s, n = _pair_accuracy(val_emb, y[val], threshold)
    log(f"  held-out views of train identities: threshold {threshold}: same {vs:.3f}, "
        f"different {vd:.3f} (distance medians: same {np.median(s):.2f}, "
        f"different {np.median(n):.2f})")
    with np.load(ROOT / "datasets" / fi.OUTPUT, allow_pickle=False) as d:
        te_x = _decode(d["test_jpeg"], d["test_offsets"])
        te_y = d["test_identity"]
    emb = encode(te_x)
    same_acc, diff_acc, s, n = _pair_accuracy(emb, te_y, threshold)
    first = np.array([np.flatnonzero(te_y == i)[0] for i in np.unique(te_y)])
    db_emb, db_id = emb[first], te_y[first]
    q = np.setdiff1d(np.arange(len(te_y)), first)
    dist = np.linalg.norm(emb[q][:, None, :] - db_emb[None, :, :], axis=-1)
    who = float(np.mean(db_id[dist.argmin(axis=1)] == te_y[q]))
    log(f"  test identities: same {same_acc:.3f}, different {diff_acc:.3f} at {threshold}; "
        f"who_is_it {who:.3f}; distances same median {np.median(s):.2f}, "
        f"different median {np.median(n):.2f}")
    REGISTRY["description"] = CHECK_TEXT.format(same=same_acc, diff=diff_acc, who=who,
                                                 t=threshold)
    arrays = {"n_weights": np.array([len(weights)], dtype=np.int64),
              "threshold": np.array([threshold])}
    arrays.update({f"w{i:03d}": w for i, w in enumerate(weights)})
    save_npz(out_path, arrays)
    return {"same": same_acc, "different": diff_acc, "who_is_it": who}

"""Face pictures of c4w1a2 and c4w4a1: the pretrained face-embedding model and previews.

The embedding model (c4w4a1) maps a 64x64 RGB picture to a 64-d vector of length 1,
like FaceNet's 128-d encodings in the DLS. It was trained with the triplet loss
(margin 0.2 on squared distances, batch-all mining) on the train identities of
:func:`dlcourse.data.load_face_identities` by ``datasets/builders/face_embedding.py``;
its weights ship in ``datasets/face_embedding.npz``. Two pictures show the same
identity when the distance of their encodings is below :func:`verify_threshold`
(chosen at build time on held-out views of the training identities).
"""

from __future__ import annotations

import numpy as np

__all__ = ["EMBEDDING_DIM", "verify_threshold", "build_embedding_model",
           "face_embedding_model", "img_to_encoding", "preview_happy_faces",
           "preview_face_identities", "preview_lfw_embeddings", "preview_digit_domains"]

EMBEDDING_DIM = 64


def build_embedding_model(input_shape=(64, 64, 3), embedding_dim: int = EMBEDDING_DIM):
    """The (untrained) embedding network: 4 conv blocks, global pooling, a unit vector.

    Input: pictures scaled to [0, 1], shape (m, 64, 64, 3). Output: (m, embedding_dim)
    rows of L2 norm 1.
    """
    import tensorflow as tf
    from tensorflow.keras import layers

    inputs = tf.keras.Input(shape=input_shape, name="picture")
    x = inputs
    for i, filters in enumerate((16, 32, 64, 64)):
        x = layers.Conv2D(filters, 3, padding="same", use_bias=False, name=f"conv{i + 1}")(x)
        x = layers.BatchNormalization(name=f"bn{i + 1}")(x)
        x = layers.ReLU(name=f"relu{i + 1}")(x)
        if i < 3:
            x = layers.MaxPooling2D(name=f"pool{i + 1}")(x)
    x = layers.GlobalAveragePooling2D(name="gap")(x)
    x = layers.Dense(embedding_dim, name="embedding")(x)
    outputs = layers.UnitNormalization(name="l2_normalize")(x)
    return tf.keras.Model(inputs, outputs, name="face_embedding")


def face_embedding_model():
    """The pretrained embedding model (weights from ``datasets/face_embedding.npz``).

    Returns
    -------
    keras.Model
        Input (m, 64, 64, 3) floats in [0, 1]; output (m, 64) unit vectors.
    """
    from .data import path

    model = build_embedding_model()
    with np.load(path("face_embedding"), allow_pickle=False) as d:
        n = int(d["n_weights"].reshape(-1)[0])
        weights = [d[f"w{i:03d}"].astype(np.float32) for i in range(n)]
    expected = [tuple(w.shape) for w in model.get_weights()]
    got = [w.shape for w in weights]
    if expected != got:
        raise ValueError(f"face_embedding.npz holds weights of shapes {got}, "
                         f"the model needs {expected}")
    model.set_weights(weights)
    return model


def verify_threshold() -> float:
    """Distance of encodings under which two pictures show the same identity.

    Chosen when the model was trained (best balanced accuracy on pairs of held-out
    views of the training identities) and stored with the weights.
    """
    from .data import path

    with np.load(path("face_embedding"), allow_pickle=False) as d:
        return float(d["threshold"].reshape(-1)[0])


def img_to_encoding(image, model):
    """Encoding of one picture (uint8 (64, 64, 3), or floats in [0, 1]): shape (1, 64).

    A batch of shape (m, 64, 64, 3) gives (m, 64).
    """
    x = np.asarray(image)
    x = x.astype(np.float32) / 255.0 if x.dtype == np.uint8 else x.astype(np.float32)
    if x.ndim == 3:
        x = x[None]
    return np.asarray(model(x, training=False))


# ------------------------------------------------------------------------ previews


def preview_happy_faces(n: int = 24):
    """Montage of the first ``n`` training pictures of the happy-faces set (c4w1a2)."""
    from .data import load_happy_dataset
    from .plots import montage

    x, y, _, _, classes = load_happy_dataset()
    return montage(x[:n], y[0, :n], classes, ncols=8, title="happy faces (train)")


def preview_face_identities(n_identities: int = 6):
    """Rows of views of the first test identities (c4w4a1), one identity per row."""
    import matplotlib.pyplot as plt

    from .data import load_face_identities

    x, ident, names = load_face_identities("test")
    ids = list(dict.fromkeys(ident.tolist()))[:n_identities]
    per = max(int(np.sum(ident == i)) for i in ids)
    fig, axes = plt.subplots(len(ids), per, figsize=(per * 1.2, len(ids) * 1.3), squeeze=False)
    for r, i in enumerate(ids):
        pics = x[ident == i]
        for c in range(per):
            axes[r, c].set_axis_off()
            if c < len(pics):
                axes[r, c].imshow(pics[c])
        axes[r, 0].set_title(names[i], fontsize=8, loc="left")
    fig.tight_layout()
    return fig


def preview_lfw_embeddings():
    """Real faces with their augmented views, and the distances of dlib encodings."""
    import matplotlib.pyplot as plt

    from .data import load_lfw_embeddings

    faces, views, view_face, enc, threshold = load_lfw_embeddings()
    fig, axes = plt.subplots(3, 5, figsize=(8, 5.2))
    for c in range(5):
        idx = np.flatnonzero(view_face == c)
        for r in range(2):
            axes[r, c].imshow(views[idx[r]], cmap="gray", vmin=0, vmax=255)
            axes[r, c].set_axis_off()
        d = float(np.linalg.norm(enc[idx[0]] - enc[idx[1]]))
        axes[0, c].set_title(f"face {c}", fontsize=8)
        axes[1, c].set_title(f"same: {d:.2f}", fontsize=8)
    same = view_face[:, None] == view_face[None, :]
    dist = np.linalg.norm(enc[:, None, :] - enc[None, :, :], axis=-1)
    off = ~np.eye(len(enc), dtype=bool)
    gs = axes[2, 0].get_gridspec()
    for ax in axes[2]:
        ax.remove()
    ax = fig.add_subplot(gs[2, :])
    ax.hist(dist[same & off], bins=40, alpha=0.6, density=True, label="views of one face")
    ax.hist(dist[~same], bins=40, alpha=0.6, density=True, label="different faces")
    ax.axvline(threshold, color="k", lw=1, label=f"threshold {threshold}")
    ax.set_xlabel("distance of dlib encodings")
    ax.legend(fontsize=8)
    fig.tight_layout()
    return fig


def preview_digit_domains(n: int = 10):
    """Two rows: large-domain (handwritten) and small-domain (printed) digits (c3)."""
    import matplotlib.pyplot as plt

    from .data import load_digit_domains

    xl, yl, xs, ys, _ = load_digit_domains()
    fig, axes = plt.subplots(2, n, figsize=(n * 0.9, 2.3))
    for row, (x, y, label) in enumerate(((xl, yl, "large: handwritten"),
                                         (xs, ys, "small: printed"))):
        for c in range(n):
            k = int(np.flatnonzero(y[0] == c % 10)[0])
            axes[row, c].imshow(x[k], cmap="gray", vmin=0, vmax=255)
            axes[row, c].set_axis_off()
        axes[row, 0].set_title(label, fontsize=8, loc="left")
    fig.tight_layout()
    return fig

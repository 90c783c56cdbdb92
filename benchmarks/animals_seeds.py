"""Test accuracies of the course-1 models on the animals set, over seeds and iteration counts.

What c1w2a2 and c1w4a2 train, with the same mathematics (full-batch gradient descent, the
notebooks' initializations and learning rates), written compactly so that a sweep runs in
minutes:

* logistic regression as in c1w2a2: from w = 0, b = 0, 1000 iterations at learning rate 0.002;
* logistic regression as c1w4a2's baseline: scikit-learn's ``LogisticRegression()``;
* c1w4a2's two-layer network (12288, 7, 1) and L-layer network [12288, 20, 7, 5, 1], learning
  rate 0.0075, the test accuracy after each of ``--iters`` iterations.

Two kinds of seeds:

* ``--init-seeds 1:3,2:4``: on the committed ``datasets/animals_64.npz``, the seeds of the
  two networks' initializations (``np.random.seed`` before ``randn``; the notebooks use 1 for
  the two-layer and 3 for the L-layer network);
* ``--builder-seeds 777,4242``: the data set rebuilt with another ``SEED`` of
  ``datasets/builders/animals.py`` (needs the builder's Debian packages), with the notebooks'
  initialization seeds.

Usage (from the repository root; one BLAS thread keeps it polite on a shared machine)::

    OMP_NUM_THREADS=1 python benchmarks/animals_seeds.py --init-seeds 1:3,2:4,5:6
    OMP_NUM_THREADS=1 python benchmarks/animals_seeds.py --builder-seeds 777,4242
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import warnings
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]


def load(path: Path):
    with np.load(path, allow_pickle=False) as d:
        X = d["train_x"].reshape(len(d["train_x"]), -1).T / 255.0
        Xt = d["test_x"].reshape(len(d["test_x"]), -1).T / 255.0
        return X, d["train_y"].reshape(1, -1).astype(float), Xt, d["test_y"].reshape(1, -1)


def logistic_gd(X, Y, Xt, Yt, iters=1000, lr=0.002):
    """c1w2a2's model: test accuracy after ``iters`` steps from zeros."""
    w, b, y = np.zeros(X.shape[0]), 0.0, Y[0]
    for _ in range(iters):
        A = 1 / (1 + np.exp(-(w @ X + b)))
        w, b = w - lr * (X @ (A - y)) / X.shape[1], b - lr * np.mean(A - y)
    return float(np.mean(((w @ Xt + b) > 0) == Yt[0]))


def logistic_sklearn(X, Y, Xt, Yt):
    """c1w4a2's baseline: scikit-learn's default LogisticRegression (100 L-BFGS steps)."""
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.linear_model import LogisticRegression

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        model = LogisticRegression().fit(X.T, Y[0])
    return float(model.score(Xt.T, Yt[0]))


def network(X, Y, Xt, Yt, dims, seed, two_layer, checkpoints, lr=0.0075):
    """Test accuracy at each checkpoint; the initialization of dnn_step_by_step.py."""
    np.random.seed(seed)
    P = []
    for l in range(1, len(dims)):
        scale = 0.01 if two_layer else 1 / np.sqrt(dims[l - 1])
        P.append([np.random.randn(dims[l], dims[l - 1]) * scale, np.zeros((dims[l], 1))])

    def forward(A):
        As, Zs = [A], []
        for l, (W, b) in enumerate(P):
            Z = W @ As[-1] + b
            Zs.append(Z)
            As.append(1 / (1 + np.exp(-Z)) if l == len(P) - 1 else np.maximum(Z, 0))
        return As, Zs

    out, m = {}, X.shape[1]
    for i in range(1, max(checkpoints) + 1):
        As, Zs = forward(X)
        dZ = As[-1] - Y
        for l in range(len(P) - 1, -1, -1):
            W, b = P[l]
            dW, db = dZ @ As[l].T / m, dZ.mean(axis=1, keepdims=True)
            if l > 0:
                dZ = (W.T @ dZ) * (Zs[l - 1] > 0)
            P[l] = [W - lr * dW, b - lr * db]
        if i in checkpoints:
            out[i] = float(np.mean((forward(Xt)[0][-1] > 0.5) == Yt))
    return out


def evaluate(path: Path, label: str, seeds: list[tuple[int, int]], checkpoints: list[int]):
    X, Y, Xt, Yt = load(path)
    print(f"\n{label}")
    print(f"  logistic regression, c1w2a2 (GD, 1000 it, 0.002): {logistic_gd(X, Y, Xt, Yt):.3f}")
    print(f"  logistic regression, c1w4a2 (scikit-learn):       "
          f"{logistic_sklearn(X, Y, Xt, Yt):.3f}", flush=True)
    for s2, sL in seeds:
        two = network(X, Y, Xt, Yt, (X.shape[0], 7, 1), s2, True, checkpoints)
        deep = network(X, Y, Xt, Yt, (X.shape[0], 20, 7, 5, 1), sL, False, checkpoints)
        for it in checkpoints:
            mark = "" if deep[it] > two[it] else "   <- L-layer not ahead"
            print(f"  init seeds {s2}/{sL}, {it:4d} iterations: two-layer {two[it]:.3f}, "
                  f"L-layer {deep[it]:.3f}{mark}", flush=True)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--init-seeds", default="1:3", help="two-layer:L-layer seed pairs")
    ap.add_argument("--builder-seeds", default="", help="rebuild the set with these SEEDs")
    ap.add_argument("--iters", default="500,700,1000")
    args = ap.parse_args(argv)
    checkpoints = [int(v) for v in args.iters.split(",")]
    seeds = [tuple(int(v) for v in p.split(":")) for p in args.init_seeds.split(",")]
    if not args.builder_seeds:
        evaluate(ROOT / "datasets" / "animals_64.npz", "committed animals_64.npz", seeds,
                 checkpoints)
        return 0
    sys.path.insert(0, str(ROOT / "datasets"))
    from builders import animals
    from builders.common import save_npz

    sprites, _ = animals.collect_sprites(log=lambda *a: None)
    for seed in (int(v) for v in args.builder_seeds.split(",")):
        animals.SEED = seed
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "animals.npz"
            save_npz(path, animals.make_arrays(sprites))
            evaluate(path, f"animals set built with SEED = {seed}", [(1, 3)], checkpoints)
    return 0


if __name__ == "__main__":
    sys.exit(main())

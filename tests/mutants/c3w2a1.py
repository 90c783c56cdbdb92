"""Planted wrong answers for c3w2a1 (mismatched data, transfer and multi-task learning).

Each code string is executed in the namespace of the reference notebook after it ran; it
redefines one graded function (or graded value) the way a learner might get it wrong. The test
cell ``test_<name>`` must fail on every one of them.
"""

_SPLITS = (
    "def make_splits(n_large, small_split, train_dev_size, seed=0):\n"
    "    small_split = np.asarray(small_split)\n"
    "    small_index = n_large + np.arange(len(small_split))\n"
    "{body}"
    "    return splits\n"
)

_GAPS = (
    "def mismatch_gaps(human_error, train_error, train_dev_error, dev_error):\n"
    "{body}"
    "    return gaps\n"
)

_AUC = (
    "def domain_auc(scores, is_target):\n"
    "    scores, is_target = np.ravel(scores), np.ravel(is_target).astype(bool)\n"
    "{body}"
    "    return auc\n"
)

_BLUR = (
    "def blur_digits(X):\n"
    "    X = np.asarray(X, dtype=float)\n"
    "    h, w = X.shape[1], X.shape[2]\n"
    "    K = np.array([[1, 2, 1], [2, 4, 2], [1, 2, 1]]) / 16\n"
    "{body}"
    "    return B\n"
)

_BLUR_SUM = (
    "    padded = np.pad(X, ((0, 0), (1, 1), (1, 1)))\n"
    "    B = np.zeros_like(X)\n"
    "    for a in range(3):\n"
    "        for b in range(3):\n"
    "            B += K[a, b] * padded[:, a:a + h, b:b + w]\n"
)

_NP = (
    "def multitask_loss_numpy(Y_hat, Y):\n"
    "    Y_hat, Y = np.asarray(Y_hat, dtype=float), np.asarray(Y, dtype=float)\n"
    "    observed = Y != -1\n"
    "    P = np.clip(Y_hat, EPSILON, 1 - EPSILON)\n"
    "{body}"
    "    return loss\n"
)

_TF = (
    "def multitask_loss_tf(y_true, y_pred):\n"
    "    y_pred = tf.convert_to_tensor(y_pred)\n"
    "    y_true = tf.cast(y_true, y_pred.dtype)\n"
    "    observed = tf.cast(tf.not_equal(y_true, -1.0), y_pred.dtype)\n"
    "    p = tf.clip_by_value(y_pred, EPSILON, 1 - EPSILON)\n"
    "{body}"
    "    return loss\n"
)

_TF_LOSSES = "    losses = -(y_true * tf.math.log(p) + (1 - y_true) * tf.math.log(1 - p))\n"

MUTANTS = {
    "make_splits": {
        # The printed training part left out of the training distribution.
        "no_small_in_train": _SPLITS.format(body=(
            "    pool = np.arange(n_large)\n"
            "    shuffled = np.random.default_rng(seed).permutation(pool)\n"
            "    splits = {'train': shuffled[train_dev_size:],\n"
            "              'train_dev': shuffled[:train_dev_size],\n"
            "              'dev': small_index[small_split == 'dev'],\n"
            "              'test': small_index[small_split == 'test']}\n"
        )),
        # Train keeps the train-dev examples too (overlap).
        "train_dev_inside_train": _SPLITS.format(body=(
            "    pool = np.concatenate([np.arange(n_large), small_index[small_split == 'train']])\n"
            "    shuffled = np.random.default_rng(seed).permutation(pool)\n"
            "    splits = {'train': shuffled, 'train_dev': shuffled[:train_dev_size],\n"
            "              'dev': small_index[small_split == 'dev'],\n"
            "              'test': small_index[small_split == 'test']}\n"
        )),
        # Dev and test swapped.
        "dev_test_swapped": _SPLITS.format(body=(
            "    pool = np.concatenate([np.arange(n_large), small_index[small_split == 'train']])\n"
            "    shuffled = np.random.default_rng(seed).permutation(pool)\n"
            "    splits = {'train': shuffled[train_dev_size:],\n"
            "              'train_dev': shuffled[:train_dev_size],\n"
            "              'dev': small_index[small_split == 'test'],\n"
            "              'test': small_index[small_split == 'dev']}\n"
        )),
        # Train-dev taken as the last shuffled examples instead of the first.
        "train_dev_last": _SPLITS.format(body=(
            "    pool = np.concatenate([np.arange(n_large), small_index[small_split == 'train']])\n"
            "    shuffled = np.random.default_rng(seed).permutation(pool)\n"
            "    cut = len(pool) - train_dev_size\n"
            "    splits = {'train': shuffled[:cut], 'train_dev': shuffled[cut:],\n"
            "              'dev': small_index[small_split == 'dev'],\n"
            "              'test': small_index[small_split == 'test']}\n"
        )),
        # The small domain's indices not offset by n_large.
        "small_not_offset": _SPLITS.format(body=(
            "    small_index = np.arange(len(small_split))\n"
            "    pool = np.concatenate([np.arange(n_large), small_index[small_split == 'train']])\n"
            "    shuffled = np.random.default_rng(seed).permutation(pool)\n"
            "    splits = {'train': shuffled[train_dev_size:],\n"
            "              'train_dev': shuffled[:train_dev_size],\n"
            "              'dev': small_index[small_split == 'dev'],\n"
            "              'test': small_index[small_split == 'test']}\n"
        )),
        # Dev drawn from the training distribution (the shuffled pool), not the target.
        "dev_from_training_distribution": _SPLITS.format(body=(
            "    pool = np.concatenate([np.arange(n_large), small_index[small_split != 'test']])\n"
            "    shuffled = np.random.default_rng(seed).permutation(pool)\n"
            "    n_dev = int(np.sum(small_split == 'dev'))\n"
            "    splits = {'train': shuffled[train_dev_size + n_dev:],\n"
            "              'train_dev': shuffled[:train_dev_size],\n"
            "              'dev': shuffled[train_dev_size:train_dev_size + n_dev],\n"
            "              'test': small_index[small_split == 'test']}\n"
        )),
    },
    "mismatch_gaps": {
        # Avoidable bias as the training error itself.
        "bias_is_train_error": _GAPS.format(body=(
            "    gaps = {'avoidable_bias': train_error,\n"
            "            'variance': train_dev_error - train_error,\n"
            "            'data_mismatch': dev_error - train_dev_error}\n"
        )),
        # Variance measured on dev instead of train-dev.
        "variance_on_dev": _GAPS.format(body=(
            "    gaps = {'avoidable_bias': train_error - human_error,\n"
            "            'variance': dev_error - train_error,\n"
            "            'data_mismatch': dev_error - train_dev_error}\n"
        )),
        # Data mismatch from the training error.
        "mismatch_from_train": _GAPS.format(body=(
            "    gaps = {'avoidable_bias': train_error - human_error,\n"
            "            'variance': train_dev_error - train_error,\n"
            "            'data_mismatch': dev_error - train_error}\n"
        )),
        # Signs flipped.
        "signs_flipped": _GAPS.format(body=(
            "    gaps = {'avoidable_bias': human_error - train_error,\n"
            "            'variance': train_error - train_dev_error,\n"
            "            'data_mismatch': train_dev_error - dev_error}\n"
        )),
    },
    "main_problem": {
        # The smallest gap.
        "smallest_gap": (
            "_g = {'avoidable_bias': train_error - human_error,\n"
            "      'variance': train_dev_error - train_error,\n"
            "      'data_mismatch': dev_error - train_dev_error}\n"
            "main_problem = min(_g, key=_g.get)\n"
        ),
        # "Dev is much worse than train, so data mismatch" without computing the gaps.
        "mismatch_guess": "main_problem = 'data_mismatch'\n",
        # Bias read as the train error.
        "bias_guess": "main_problem = 'avoidable_bias'\n",
        # A name outside the three.
        "free_text": "main_problem = 'Variance'\n",
    },
    "domain_auc": {
        # Ties count 0.
        "ties_as_zero": _AUC.format(body=(
            "    pos, neg = scores[is_target], scores[~is_target]\n"
            "    auc = float(np.mean(pos[:, None] > neg[None, :]))\n"
        )),
        # Ties count 1.
        "ties_as_one": _AUC.format(body=(
            "    pos, neg = scores[is_target], scores[~is_target]\n"
            "    auc = float(np.mean(pos[:, None] >= neg[None, :]))\n"
        )),
        # Target and non-target swapped.
        "swapped": _AUC.format(body=(
            "    pos, neg = scores[~is_target], scores[is_target]\n"
            "    diff = pos[:, None] - neg[None, :]\n"
            "    auc = float(np.mean((diff > 0) + 0.5 * (diff == 0)))\n"
        )),
        # Ranks without averaging the ties (Mann-Whitney with argsort ranks).
        "ranks_without_ties": _AUC.format(body=(
            "    ranks = np.empty(len(scores))\n"
            "    ranks[np.argsort(scores, kind='stable')] = np.arange(1, len(scores) + 1)\n"
            "    n_pos, n_neg = is_target.sum(), (~is_target).sum()\n"
            "    u = ranks[is_target].sum() - n_pos * (n_pos + 1) / 2\n"
            "    auc = float(u / (n_pos * n_neg))\n"
        )),
        # The mean score of the targets minus that of the others (not a pair count).
        "mean_difference": _AUC.format(body=(
            "    auc = float(0.5 + scores[is_target].mean() - scores[~is_target].mean())\n"
        )),
    },
    "blur_digits": {
        # No rescaling to 255.
        "no_rescale": _BLUR.format(body=_BLUR_SUM),
        # np.roll: the picture wraps around.
        "wraps_around": _BLUR.format(body=(
            "    B = np.zeros_like(X)\n"
            "    for a in range(3):\n"
            "        for b in range(3):\n"
            "            B += K[a, b] * np.roll(X, (1 - a, 1 - b), axis=(1, 2))\n"
            "    B = 255 * B / B.max(axis=(1, 2), keepdims=True)\n"
        )),
        # Rescaled by the maximum of the whole batch.
        "global_max": _BLUR.format(body=_BLUR_SUM + (
            "    B = 255 * B / B.max() if B.max() > 0 else B\n"
        )),
        # A box filter instead of the binomial kernel.
        "box_kernel": _BLUR.format(body=(
            "    K = np.ones((3, 3)) / 9\n" + _BLUR_SUM +
            "    peak = B.max(axis=(1, 2), keepdims=True)\n"
            "    B = np.where(peak > 0, 255 * B / np.where(peak > 0, peak, 1), 0.0)\n"
        )),
        # Blank pictures divided by 0: NaN.
        "nan_on_blank": _BLUR.format(body=_BLUR_SUM + (
            "    with np.errstate(invalid='ignore', divide='ignore'):\n"
            "        B = 255 * B / B.max(axis=(1, 2), keepdims=True)\n"
        )),
        # Blurred along the batch axis too (padding axis 0 and 1 instead of 1 and 2).
        "wrong_axes": _BLUR.format(body=(
            "    m = X.shape[0]\n"
            "    padded = np.pad(X, ((1, 1), (1, 1), (0, 0)))\n"
            "    B = np.zeros_like(X)\n"
            "    for a in range(3):\n"
            "        for b in range(3):\n"
            "            B += K[a, b] * padded[a:a + m, b:b + h, :]\n"
            "    peak = B.max(axis=(1, 2), keepdims=True)\n"
            "    B = np.where(peak > 0, 255 * B / np.where(peak > 0, peak, 1), 0.0)\n"
        )),
    },
    "multitask_loss_numpy": {
        # Mean over all entries, the missing ones counting 0.
        "mean_over_all": _NP.format(body=(
            "    losses = -(Y * np.log(P) + (1 - Y) * np.log(1 - P))\n"
            "    loss = float(np.mean(np.where(observed, losses, 0.0)))\n"
        )),
        # A missing label treated as 0.
        "missing_as_zero": _NP.format(body=(
            "    Y0 = np.where(observed, Y, 0.0)\n"
            "    loss = float(np.mean(-(Y0 * np.log(P) + (1 - Y0) * np.log(1 - P))))\n"
        )),
        # No clipping: log(0).
        "no_clip": _NP.format(body=(
            "    with np.errstate(divide='ignore', invalid='ignore'):\n"
            "        losses = -(Y * np.log(Y_hat) + (1 - Y) * np.log(1 - Y_hat))\n"
            "    loss = float(np.sum(losses[observed]) / np.sum(observed))\n"
        )),
        # Mean per example, then over the examples (wrong axis).
        "per_example_mean": _NP.format(body=(
            "    losses = np.where(observed, -(Y * np.log(P) + (1 - Y) * np.log(1 - P)), 0.0)\n"
            "    keep = observed.any(axis=0)\n"
            "    loss = float(np.mean(losses.sum(axis=0)[keep] / observed.sum(axis=0)[keep]))\n"
        )),
        # Sum instead of mean.
        "sum_not_mean": _NP.format(body=(
            "    losses = -(Y * np.log(P) + (1 - Y) * np.log(1 - P))\n"
            "    loss = float(np.sum(losses[observed]))\n"
        )),
    },
    "multitask_loss_tf": {
        # NumPy inside: breaks under tf.function.
        "numpy_inside": _TF.format(body=(
            "    losses = -(y_true * np.log(p) + (1 - y_true) * np.log(1 - p))\n"
            "    loss = tf.reduce_sum(losses * observed) / tf.reduce_sum(observed)\n"
        )),
        # Mean over all entries.
        "mean_over_all": _TF.format(body=_TF_LOSSES + (
            "    loss = tf.reduce_mean(losses * observed)\n"
        )),
        # Missing treated as 0.
        "missing_as_zero": _TF.format(body=(
            "    y0 = y_true * observed\n"
            "    loss = tf.reduce_mean(-(y0 * tf.math.log(p) + (1 - y0) * tf.math.log(1 - p)))\n"
        )),
        # No clipping: log(0).
        "no_clip": _TF.format(body=(
            "    losses = -(y_true * tf.math.log(y_pred)\n"
            "               + (1 - y_true) * tf.math.log(1 - y_pred))\n"
            "    losses = tf.where(observed > 0, losses, tf.zeros_like(losses))\n"
            "    loss = tf.reduce_sum(losses) / tf.reduce_sum(observed)\n"
        )),
        # Mean per task, then over tasks (wrong axis).
        "per_task_mean": _TF.format(body=_TF_LOSSES + (
            "    loss = tf.reduce_mean(tf.reduce_sum(losses * observed, axis=0)\n"
            "                          / tf.maximum(tf.reduce_sum(observed, axis=0), 1.0))\n"
        )),
        # Returns a float32 tensor whatever the input dtype.
        "always_float32": _TF.format(body=_TF_LOSSES + (
            "    loss = tf.cast(tf.reduce_sum(losses * observed) / tf.reduce_sum(observed),\n"
            "                   tf.float32)\n"
        )),
    },
}

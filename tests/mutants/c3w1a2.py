"""Planted wrong answers for c3w1a2 (bias, variance and error analysis).

Each code string is executed in the namespace of the reference notebook after it ran; it
redefines one graded function the way a learner might get it wrong. The test cell
``test_<name>`` must fail on every one of them.
"""

_DIAGNOSE = (
    "def diagnose(errors):\n"
    "    h, tr, dv = errors['human'], errors['train'], errors['dev']\n"
    "    td, te = errors.get('train_dev'), errors.get('test')\n"
    "{body}"
    "    return gaps\n"
)

_NEXT = (
    "def next_action(gaps, tolerance=0.01):\n"
    "    order = ['avoidable_bias', 'variance', 'data_mismatch', 'dev_overfitting']\n"
    "{body}"
    "    return action\n"
)

_CURVE = (
    "def learning_curve(make_model, X_train, Y_train, X_dev, Y_dev, sizes):\n"
    "    train_errors, dev_errors = [], []\n"
    "    for m in sizes:\n"
    "{body}"
    "    return np.array(train_errors, dtype=float), np.array(dev_errors, dtype=float)\n"
)

_TALLY = (
    "def tally_errors(tags, Y, Y_pred):\n"
    "    tally = {{}}\n"
    "{body}"
    "    return tally\n"
)

_CEIL = (
    "def error_ceilings(tally, Y, Y_pred):\n"
    "    n_errors = int(np.sum(np.asarray(Y) != np.asarray(Y_pred)))\n"
    "{body}"
    "    return ceilings\n"
)

_RANK = (
    "def rank_suspect_labels(probs, labels):\n"
    "{body}"
    "    return ranking\n"
)

_PREC = (
    "def precision_at_k(ranking, is_wrong, k):\n"
    "{body}"
    "    return precision\n"
)

MUTANTS = {
    "diagnose": {
        # Gaps against the wrong baseline: avoidable bias as the training error itself
        # (Bayes error taken as 0), ignoring human-level error.
        "bias_ignores_human": _DIAGNOSE.format(body=(
            "    gaps = {'avoidable_bias': tr,\n"
            "            'variance': (td if td is not None else dv) - tr,\n"
            "            'data_mismatch': None if td is None else dv - td,\n"
            "            'dev_overfitting': None if te is None else te - dv}\n"
        )),
        # Variance measured as dev - train even when a train-dev set exists.
        "variance_dev_minus_train": _DIAGNOSE.format(body=(
            "    gaps = {'avoidable_bias': tr - h, 'variance': dv - tr,\n"
            "            'data_mismatch': None if td is None else dv - td,\n"
            "            'dev_overfitting': None if te is None else te - dv}\n"
        )),
        # Every gap measured from the training error instead of the previous set.
        "all_against_train": _DIAGNOSE.format(body=(
            "    gaps = {'avoidable_bias': tr - h,\n"
            "            'variance': (td if td is not None else dv) - tr,\n"
            "            'data_mismatch': None if td is None else dv - tr,\n"
            "            'dev_overfitting': None if te is None else te - tr}\n"
        )),
        # Mismatch reported as 0 instead of None when there is no train-dev set.
        "mismatch_zero_not_none": _DIAGNOSE.format(body=(
            "    gaps = {'avoidable_bias': tr - h,\n"
            "            'variance': (td if td is not None else dv) - tr,\n"
            "            'data_mismatch': 0.0 if td is None else dv - td,\n"
            "            'dev_overfitting': None if te is None else te - dv}\n"
        )),
        # Gaps as absolute values ("how far apart").
        "absolute_gaps": _DIAGNOSE.format(body=(
            "    gaps = {'avoidable_bias': abs(tr - h),\n"
            "            'variance': abs((td if td is not None else dv) - tr),\n"
            "            'data_mismatch': None if td is None else abs(dv - td),\n"
            "            'dev_overfitting': None if te is None else abs(te - dv)}\n"
        )),
    },
    "next_action": {
        # Wrong priority rule: fix bias first whenever it exceeds the tolerance.
        "bias_always_first": _NEXT.format(body=(
            "    action = 'done'\n"
            "    for key in order:\n"
            "        g = gaps.get(key)\n"
            "        if g is not None and g > tolerance:\n"
            "            action = ACTIONS[key]\n"
            "            break\n"
        )),
        # Ties go to the later gap (>= instead of >).
        "ties_to_later": _NEXT.format(body=(
            "    action, best = 'done', None\n"
            "    for key in order:\n"
            "        g = gaps.get(key)\n"
            "        if g is None or g <= tolerance:\n"
            "            continue\n"
            "        if best is None or g >= best - 1e-9:\n"
            "            action, best = ACTIONS[key], g\n"
        )),
        # A gap equal to the tolerance counts (>= tolerance).
        "tolerance_inclusive": _NEXT.format(body=(
            "    action, best = 'done', None\n"
            "    for key in order:\n"
            "        g = gaps.get(key)\n"
            "        if g is None or g < tolerance:\n"
            "            continue\n"
            "        if best is None or g > best + 1e-9:\n"
            "            action, best = ACTIONS[key], g\n"
        )),
        # Ranks gaps by size with max(); ties are then broken by float rounding, and the
        # tolerance is ignored.
        "max_no_tolerance": _NEXT.format(body=(
            "    valid = {k: g for k, g in gaps.items() if g is not None}\n"
            "    action = ACTIONS[max(valid, key=valid.get)]\n"
        )),
        # Forgets the dev-overfitting gap.
        "ignores_dev_overfitting": _NEXT.format(body=(
            "    action, best = 'done', None\n"
            "    for key in order[:3]:\n"
            "        g = gaps.get(key)\n"
            "        if g is None or g <= tolerance:\n"
            "            continue\n"
            "        if best is None or g > best + 1e-9:\n"
            "            action, best = ACTIONS[key], g\n"
        )),
    },
    "learning_curve": {
        # Training error measured on all of X_train, not on the m examples trained on.
        "train_error_on_all": _CURVE.format(body=(
            "        model = make_model().fit(X_train[:m], Y_train[:m])\n"
            "        train_errors.append(np.mean(model.predict(X_train) != Y_train))\n"
            "        dev_errors.append(np.mean(model.predict(X_dev) != Y_dev))\n"
        )),
        # Accuracy instead of error rate.
        "accuracy_not_error": _CURVE.format(body=(
            "        model = make_model().fit(X_train[:m], Y_train[:m])\n"
            "        train_errors.append(np.mean(model.predict(X_train[:m]) == Y_train[:m]))\n"
            "        dev_errors.append(np.mean(model.predict(X_dev) == Y_dev))\n"
        )),
        # Trains on the last m examples.
        "last_m_examples": _CURVE.format(body=(
            "        model = make_model().fit(X_train[-m:], Y_train[-m:])\n"
            "        train_errors.append(np.mean(model.predict(X_train[-m:]) != Y_train[-m:]))\n"
            "        dev_errors.append(np.mean(model.predict(X_dev) != Y_dev))\n"
        )),
        # Fits on the whole training set every time.
        "always_all_data": _CURVE.format(body=(
            "        model = make_model().fit(X_train, Y_train)\n"
            "        train_errors.append(np.mean(model.predict(X_train[:m]) != Y_train[:m]))\n"
            "        dev_errors.append(np.mean(model.predict(X_dev) != Y_dev))\n"
        )),
        # Off by one: the first m - 1 examples.
        "m_minus_one": _CURVE.format(body=(
            "        model = make_model().fit(X_train[:m - 1], Y_train[:m - 1])\n"
            "        n = m - 1\n"
            "        train_errors.append(np.mean(model.predict(X_train[:n]) != Y_train[:n]))\n"
            "        dev_errors.append(np.mean(model.predict(X_dev) != Y_dev))\n"
        )),
    },
    "tally_errors": {
        # Counts every example with the tag, right or wrong.
        "counts_all_examples": _TALLY.format(body=(
            "    for t_list in tags:\n"
            "        for t in t_list:\n"
            "            tally[t] = tally.get(t, 0) + 1\n"
        )),
        # Counts the correctly classified examples.
        "counts_correct": _TALLY.format(body=(
            "    for t_list, y, p in zip(tags, Y, Y_pred):\n"
            "        for t in t_list:\n"
            "            tally[t] = tally.get(t, 0) + int(y == p)\n"
        )),
        # Only the first tag of each example.
        "first_tag_only": _TALLY.format(body=(
            "    for t_list in tags:\n"
            "        for t in t_list:\n"
            "            tally.setdefault(t, 0)\n"
            "    for t_list, y, p in zip(tags, Y, Y_pred):\n"
            "        if t_list and y != p:\n"
            "            tally[t_list[0]] += 1\n"
        )),
        # Leaves out the tags that no error carries.
        "drops_zero_tags": _TALLY.format(body=(
            "    for t_list, y, p in zip(tags, Y, Y_pred):\n"
            "        if y != p:\n"
            "            for t in t_list:\n"
            "                tally[t] = tally.get(t, 0) + 1\n"
        )),
    },
    "error_ceilings": {
        # Share of all examples instead of share of the errors.
        "share_of_all_examples": _CEIL.format(body=(
            "    ceilings = {t: c / len(Y) for t, c in tally.items()}\n"
        )),
        # Divides by the sum of the tally (double-counts errors with several tags).
        "share_of_tally_sum": _CEIL.format(body=(
            "    total = sum(tally.values())\n"
            "    ceilings = {t: (c / total if total else 0.0) for t, c in tally.items()}\n"
        )),
        # The share of errors that would remain.
        "remaining_share": _CEIL.format(body=(
            "    ceilings = {t: (1 - c / n_errors if n_errors else 0.0)\n"
            "                for t, c in tally.items()}\n"
        )),
        # Divides by zero when there is no error (NaN).
        "nan_without_errors": _CEIL.format(body=(
            "    with np.errstate(all='ignore'):\n"
            "        ceilings = {t: float(np.float64(c) / n_errors) for t, c in tally.items()}\n"
        )),
    },
    "rank_suspect_labels": {
        # Least suspect first (ascending suspicion).
        "ascending": _RANK.format(body=(
            "    ranking = np.argsort(1 - probs[np.arange(len(labels)), labels], kind='stable')\n"
        )),
        # Ranks by the model's top probability (confidence in its own prediction).
        "top_probability": _RANK.format(body=(
            "    ranking = np.argsort(probs.max(axis=1), kind='stable')\n"
        )),
        # Binary thinking: the probability of class 1, whatever the given label.
        "class_one_column": _RANK.format(body=(
            "    ranking = np.argsort(probs[:, 1], kind='stable')\n"
        )),
        # Returns ranks (position of each example) instead of indices.
        "ranks_not_indices": _RANK.format(body=(
            "    order = np.argsort(probs[np.arange(len(labels)), labels], kind='stable')\n"
            "    ranking = np.argsort(order, kind='stable')\n"
        )),
        # Ties broken in reverse index order.
        "unstable_ties": _RANK.format(body=(
            "    p = probs[np.arange(len(labels)), labels]\n"
            "    ranking = (len(p) - 1 - np.argsort(p[::-1], kind='stable'))\n"
        )),
    },
    "precision_at_k": {
        # Recall instead of precision.
        "recall": _PREC.format(body=(
            "    precision = float(np.sum(is_wrong[ranking[:k]]) / np.sum(is_wrong))\n"
        )),
        # Reads is_wrong by position.
        "positions_not_indices": _PREC.format(body=(
            "    precision = float(np.mean(is_wrong[:k]))\n"
        )),
        # k + 1 suspects.
        "off_by_one": _PREC.format(body=(
            "    precision = float(np.mean(is_wrong[ranking[:k + 1]]))\n"
        )),
        # The last k of the ranking.
        "last_k": _PREC.format(body=(
            "    precision = float(np.mean(is_wrong[ranking[-k:]]))\n"
        )),
    },
}

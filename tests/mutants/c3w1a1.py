"""Planted wrong answers for c3w1a1 (metrics and decisions).

Each code string is executed in the namespace of the reference notebook after it ran; it
redefines one graded function (or graded value) the way a learner might get it wrong. The test
cell ``test_<name>`` must fail on every one of them.
"""

_CM = (
    "def confusion_matrix(y_true, y_pred, n_classes=2):\n"
    "    y_true, y_pred = np.ravel(y_true), np.ravel(y_pred)\n"
    "{body}"
    "    return cm\n"
)

_PRF = (
    "def precision_recall_f1(cm):\n"
    "    cm = np.asarray(cm)\n"
    "{body}"
    "    return precision, recall, f1\n"
)

_PRT = (
    "def precision_recall_at_thresholds(y_true, scores, thresholds):\n"
    "    y_true, scores = np.ravel(y_true), np.ravel(scores)\n"
    "    precision, recall = [], []\n"
    "    for t in np.ravel(thresholds):\n"
    "{body}"
    "    return np.array(precision, dtype=float), np.array(recall, dtype=float)\n"
)

_CT = (
    "def choose_threshold(precision, recall, thresholds, min_recall=0.9):\n"
    "    precision, recall = np.asarray(precision), np.asarray(recall)\n"
    "{body}"
)

_MACRO = (
    "def macro_f1(y_true, y_pred, n_classes):\n"
    "    y_true, y_pred = np.ravel(y_true), np.ravel(y_pred)\n"
    "{body}"
)

_CHOOSE = (
    "def choose_model(results, max_latency_ms, max_false_alarm_rate):\n"
    "    name, best = None, -np.inf\n"
    "    for candidate, r in results.items():\n"
    "{body}"
    "    return name\n"
)

_SPLIT = (
    "def split_sizes(m, dev_test_cap=10_000):\n"
    "{body}"
    "    return train, dev, test\n"
)

MUTANTS = {
    "confusion_matrix": {
        # Rows predicted, columns actual: the transpose of the stated convention.
        "transposed": _CM.format(body=(
            "    cm = np.zeros((n_classes, n_classes), dtype=int)\n"
            "    np.add.at(cm, (y_pred, y_true), 1)\n"
        )),
        # The buffered fancy-index trap: each cell counted at most once.
        "fancy_index_plus_equals": _CM.format(body=(
            "    cm = np.zeros((n_classes, n_classes), dtype=int)\n"
            "    cm[y_true, y_pred] += 1\n"
        )),
        # Counts in a float array (np.zeros without dtype).
        "float_counts": _CM.format(body=(
            "    cm = np.zeros((n_classes, n_classes))\n"
            "    np.add.at(cm, (y_true, y_pred), 1)\n"
        )),
        # The size taken from the labels that occur, not from n_classes.
        "size_from_labels_present": _CM.format(body=(
            "    n = int(max(y_true.max(), y_pred.max())) + 1\n"
            "    cm = np.zeros((n, n), dtype=int)\n"
            "    np.add.at(cm, (y_true, y_pred), 1)\n"
        )),
        # Fractions instead of counts.
        "normalized_by_m": _CM.format(body=(
            "    cm = np.zeros((n_classes, n_classes))\n"
            "    np.add.at(cm, (y_true, y_pred), 1)\n"
            "    cm = cm / len(y_true)\n"
        )),
    },
    "precision_recall_f1": {
        # Precision divides by the actual positives, recall by the predicted ones.
        "precision_recall_swapped": _PRF.format(body=(
            "    tp, fp, fn = cm[1, 1], cm[0, 1], cm[1, 0]\n"
            "    recall = float(tp / (tp + fp)) if tp + fp > 0 else 0.0\n"
            "    precision = float(tp / (tp + fn)) if tp + fn > 0 else 0.0\n"
            "    s = precision + recall\n"
            "    f1 = 2 * precision * recall / s if s else 0.0\n"
        )),
        # F1 as the arithmetic mean.
        "f1_arithmetic_mean": _PRF.format(body=(
            "    tp, fp, fn = cm[1, 1], cm[0, 1], cm[1, 0]\n"
            "    precision = float(tp / (tp + fp)) if tp + fp > 0 else 0.0\n"
            "    recall = float(tp / (tp + fn)) if tp + fn > 0 else 0.0\n"
            "    f1 = (precision + recall) / 2\n"
        )),
        # Reads the matrix as if rows were predicted labels (FP and FN swapped).
        "matrix_read_transposed": _PRF.format(body=(
            "    tp, fp, fn = cm[1, 1], cm[1, 0], cm[0, 1]\n"
            "    precision = float(tp / (tp + fp)) if tp + fp > 0 else 0.0\n"
            "    recall = float(tp / (tp + fn)) if tp + fn > 0 else 0.0\n"
            "    s = precision + recall\n"
            "    f1 = 2 * precision * recall / s if s else 0.0\n"
        )),
        # No guard for 0/0: nan (and a warning) when nothing is predicted positive.
        "nan_on_zero_division": _PRF.format(body=(
            "    tp, fp, fn = cm[1, 1], cm[0, 1], cm[1, 0]\n"
            "    with np.errstate(all='ignore'):\n"
            "        precision = float(np.float64(tp) / (tp + fp))\n"
            "        recall = float(np.float64(tp) / (tp + fn))\n"
            "        f1 = 2 * precision * recall / (precision + recall)\n"
        )),
        # Label 0 taken as the positive class.
        "positive_class_0": _PRF.format(body=(
            "    tp, fp, fn = cm[0, 0], cm[1, 0], cm[0, 1]\n"
            "    precision = float(tp / (tp + fp)) if tp + fp > 0 else 0.0\n"
            "    recall = float(tp / (tp + fn)) if tp + fn > 0 else 0.0\n"
            "    s = precision + recall\n"
            "    f1 = 2 * precision * recall / s if s else 0.0\n"
        )),
        # 0/0 read as a perfect score (zero_division=1).
        "zero_division_one": _PRF.format(body=(
            "    tp, fp, fn = cm[1, 1], cm[0, 1], cm[1, 0]\n"
            "    precision = float(tp / (tp + fp)) if tp + fp > 0 else 1.0\n"
            "    recall = float(tp / (tp + fn)) if tp + fn > 0 else 1.0\n"
            "    s = precision + recall\n"
            "    f1 = 2 * precision * recall / s if s else 0.0\n"
        )),
    },
    "always_animal": {
        # F1 as the arithmetic mean of 0.5 and 1.
        "f1_arithmetic_mean": (
            "always_animal = {'precision': 0.5, 'recall': 1.0, 'f1': 0.75}\n"
        ),
        # Precision and recall swapped.
        "precision_recall_swapped": (
            "always_animal = {'precision': 1.0, 'recall': 0.5, 'f1': 2 / 3}\n"
        ),
        # F1 confused with the accuracy.
        "f1_is_accuracy": (
            "always_animal = {'precision': 0.5, 'recall': 1.0, 'f1': 0.5}\n"
        ),
        # "It cannot be precise if it never thinks": precision 0.
        "precision_zero": (
            "always_animal = {'precision': 0.0, 'recall': 1.0, 'f1': 0.0}\n"
        ),
    },
    "precision_recall_at_thresholds": {
        # score > t instead of score >= t: ties counted as negatives.
        "strict_comparison": _PRT.format(body=(
            "        y_pred = (scores > t).astype(int)\n"
            "        tp = np.sum((y_pred == 1) & (y_true == 1))\n"
            "        n_pred, n_pos = np.sum(y_pred == 1), np.sum(y_true == 1)\n"
            "        precision.append(tp / n_pred if n_pred else 0.0)\n"
            "        recall.append(tp / n_pos if n_pos else 0.0)\n"
        )),
        # Precision and recall swapped.
        "precision_recall_swapped": _PRT.format(body=(
            "        y_pred = (scores >= t).astype(int)\n"
            "        tp = np.sum((y_pred == 1) & (y_true == 1))\n"
            "        n_pred, n_pos = np.sum(y_pred == 1), np.sum(y_true == 1)\n"
            "        recall.append(tp / n_pred if n_pred else 0.0)\n"
            "        precision.append(tp / n_pos if n_pos else 0.0)\n"
        )),
        # The mean over an empty selection: nan where nothing is predicted positive.
        "nan_when_nothing_predicted": _PRT.format(body=(
            "        y_pred = (scores >= t).astype(int)\n"
            "        with np.errstate(all='ignore'):\n"
            "            with __import__('warnings').catch_warnings():\n"
            "                __import__('warnings').simplefilter('ignore')\n"
            "                precision.append(np.mean(y_true[y_pred == 1]))\n"
            "                recall.append(np.mean(y_pred[y_true == 1]))\n"
        )),
        # True positives divided by all m examples.
        "precision_over_m": _PRT.format(body=(
            "        y_pred = (scores >= t).astype(int)\n"
            "        tp = np.sum((y_pred == 1) & (y_true == 1))\n"
            "        n_pos = np.sum(y_true == 1)\n"
            "        precision.append(tp / len(y_true))\n"
            "        recall.append(tp / n_pos if n_pos else 0.0)\n"
        )),
        # Positive when the score is BELOW the threshold.
        "comparison_reversed": _PRT.format(body=(
            "        y_pred = (scores <= t).astype(int)\n"
            "        tp = np.sum((y_pred == 1) & (y_true == 1))\n"
            "        n_pred, n_pos = np.sum(y_pred == 1), np.sum(y_true == 1)\n"
            "        precision.append(tp / n_pred if n_pred else 0.0)\n"
            "        recall.append(tp / n_pos if n_pos else 0.0)\n"
        )),
    },
    "choose_threshold": {
        # recall > min_recall: a recall exactly at the limit is rejected.
        "strict_recall": _CT.format(body=(
            "    ok = np.flatnonzero(recall > min_recall)\n"
            "    if ok.size == 0:\n"
            "        return None\n"
            "    return thresholds[ok[np.argmax(precision[ok])]]\n"
        )),
        # The constraint ignored: the best precision overall.
        "constraint_ignored": _CT.format(body=(
            "    return thresholds[int(np.argmax(precision))]\n"
        )),
        # Assumes precision rises with t: the largest qualifying threshold.
        "largest_qualifying_threshold": _CT.format(body=(
            "    ok = np.flatnonzero(recall >= min_recall)\n"
            "    if ok.size == 0:\n"
            "        return None\n"
            "    return thresholds[ok.max()]\n"
        )),
        # Returns the index instead of the threshold.
        "returns_index": _CT.format(body=(
            "    ok = np.flatnonzero(recall >= min_recall)\n"
            "    if ok.size == 0:\n"
            "        return None\n"
            "    return int(ok[np.argmax(precision[ok])])\n"
        )),
        # Maximizes the recall (the satisficing metric) instead of the precision.
        "maximizes_recall": _CT.format(body=(
            "    ok = np.flatnonzero(recall >= min_recall)\n"
            "    if ok.size == 0:\n"
            "        return None\n"
            "    return thresholds[ok[np.argmax(recall[ok])]]\n"
        )),
        # On a tie of precision, the last threshold.
        "last_on_tie": _CT.format(body=(
            "    best, best_p = None, -1.0\n"
            "    for i in range(len(thresholds)):\n"
            "        if recall[i] >= min_recall and precision[i] >= best_p:\n"
            "            best, best_p = thresholds[i], precision[i]\n"
            "    return best\n"
        )),
    },
    "macro_f1": {
        # Micro average: pooled counts, that is the accuracy.
        "micro_average": _MACRO.format(body=(
            "    return float(np.mean(y_true == y_pred))\n"
        )),
        # Weighted by the number of examples of each class.
        "weighted_average": _MACRO.format(body=(
            "    f1s, weights = [], []\n"
            "    for k in range(n_classes):\n"
            "        cm_k = confusion_matrix((y_true == k).astype(int),\n"
            "                                (y_pred == k).astype(int))\n"
            "        f1s.append(precision_recall_f1(cm_k)[2])\n"
            "        weights.append(np.sum(y_true == k))\n"
            "    return float(np.average(f1s, weights=weights))\n"
        )),
        # The harmonic mean of the macro precision and the macro recall.
        "f1_of_macro_averages": _MACRO.format(body=(
            "    ps, rs = [], []\n"
            "    for k in range(n_classes):\n"
            "        p, r, _ = precision_recall_f1(\n"
            "            confusion_matrix((y_true == k).astype(int), (y_pred == k).astype(int)))\n"
            "        ps.append(p)\n"
            "        rs.append(r)\n"
            "    P, R = np.mean(ps), np.mean(rs)\n"
            "    return float(2 * P * R / (P + R)) if P + R else 0.0\n"
        )),
        # Averages over the classes present in y_true only.
        "classes_present_only": _MACRO.format(body=(
            "    f1s = []\n"
            "    for k in np.unique(y_true):\n"
            "        cm_k = confusion_matrix((y_true == k).astype(int),\n"
            "                                (y_pred == k).astype(int))\n"
            "        f1s.append(precision_recall_f1(cm_k)[2])\n"
            "    return float(np.mean(f1s))\n"
        )),
        # Per-class F1 as the arithmetic mean of P and R.
        "arithmetic_f1_per_class": _MACRO.format(body=(
            "    f1s = []\n"
            "    for k in range(n_classes):\n"
            "        p, r, _ = precision_recall_f1(\n"
            "            confusion_matrix((y_true == k).astype(int), (y_pred == k).astype(int)))\n"
            "        f1s.append((p + r) / 2)\n"
            "    return float(np.mean(f1s))\n"
        )),
    },
    "always_plant": {
        # The F1 of the class plant alone, not averaged.
        "f1_of_plant_only": "always_plant = {'accuracy': 1 / 6, 'macro_f1': 2 / 7}\n",
        # Macro-F1 confused with the accuracy.
        "macro_is_accuracy": "always_plant = {'accuracy': 1 / 6, 'macro_f1': 1 / 6}\n",
        # Per-class F1 as the arithmetic mean of P and R: (1/6 + 1) / 2 for plant, 0 for the
        # other classes.
        "arithmetic_f1": "always_plant = {'accuracy': 1 / 6, 'macro_f1': (1 / 6 + 1) / 2 / 6}\n",
        # "A constant answer is always wrong": accuracy 0.
        "accuracy_zero": "always_plant = {'accuracy': 0.0, 'macro_f1': 1 / 21}\n",
    },
    "choose_model": {
        # The latency limit ignored.
        "latency_ignored": _CHOOSE.format(body=(
            "        if r['false_alarm_rate'] <= max_false_alarm_rate and r['recall'] > best:\n"
            "            name, best = candidate, r['recall']\n"
        )),
        # The false-alarm limit ignored.
        "false_alarms_ignored": _CHOOSE.format(body=(
            "        if r['latency_ms'] <= max_latency_ms and r['recall'] > best:\n"
            "            name, best = candidate, r['recall']\n"
        )),
        # Strict limits: a model exactly at a limit is rejected.
        "strict_limits": _CHOOSE.format(body=(
            "        ok = r['latency_ms'] < max_latency_ms and \\\n"
            "            r['false_alarm_rate'] < max_false_alarm_rate\n"
            "        if ok and r['recall'] > best:\n"
            "            name, best = candidate, r['recall']\n"
        )),
        # Optimizes the F1 instead of the recall.
        "optimizes_f1": _CHOOSE.format(body=(
            "        ok = r['latency_ms'] <= max_latency_ms and \\\n"
            "            r['false_alarm_rate'] <= max_false_alarm_rate\n"
            "        if ok and r['f1'] > best:\n"
            "            name, best = candidate, r['f1']\n"
        )),
        # The fastest qualifying model.
        "optimizes_latency": _CHOOSE.format(body=(
            "        ok = r['latency_ms'] <= max_latency_ms and \\\n"
            "            r['false_alarm_rate'] <= max_false_alarm_rate\n"
            "        if ok and -r['latency_ms'] > best:\n"
            "            name, best = candidate, -r['latency_ms']\n"
        )),
        # The last one on a tie of recall (>= instead of >).
        "last_on_tie": _CHOOSE.format(body=(
            "        ok = r['latency_ms'] <= max_latency_ms and \\\n"
            "            r['false_alarm_rate'] <= max_false_alarm_rate\n"
            "        if ok and r['recall'] >= best:\n"
            "            name, best = candidate, r['recall']\n"
        )),
        # The first qualifying model, whatever its recall.
        "first_qualifying": _CHOOSE.format(body=(
            "        ok = r['latency_ms'] <= max_latency_ms and \\\n"
            "            r['false_alarm_rate'] <= max_false_alarm_rate\n"
            "        if ok and name is None:\n"
            "            name = candidate\n"
        )),
    },
    "split_sizes": {
        # No cap: always 60 / 20 / 20.
        "no_cap": _SPLIT.format(body=(
            "    dev = test = m // 5\n"
            "    train = m - dev - test\n"
        )),
        # round() instead of rounding down.
        "rounds_to_nearest": _SPLIT.format(body=(
            "    dev = test = min(round(m / 5), dev_test_cap)\n"
            "    train = m - dev - test\n"
        )),
        # train = 60 % computed on its own: the sizes do not add up to m.
        "train_sixty_percent": _SPLIT.format(body=(
            "    dev = test = min(m // 5, dev_test_cap)\n"
            "    train = int(0.6 * m) if m // 5 <= dev_test_cap else m - dev - test\n"
        )),
        # The cap hard-coded to 10,000, ignoring the argument.
        "cap_ignored": _SPLIT.format(body=(
            "    dev = test = min(m // 5, 10_000)\n"
            "    train = m - dev - test\n"
        )),
        # 1 % for big data sets instead of the cap.
        "one_percent_when_big": _SPLIT.format(body=(
            "    dev = test = m // 5 if m // 5 <= dev_test_cap else m // 100\n"
            "    train = m - dev - test\n"
        )),
        # Off by one: the cap applied as dev_test_cap - 1.
        "cap_off_by_one": _SPLIT.format(body=(
            "    dev = test = m // 5 if m // 5 < dev_test_cap else dev_test_cap - 1\n"
            "    train = m - dev - test\n"
        )),
    },
}

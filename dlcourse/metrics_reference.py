"""Correct versions of two graded functions of c3w1a1, built on scikit-learn.

In *Metrics and decisions* (c3w1a1) the learner writes ``confusion_matrix`` and
``precision_recall_f1`` and may call them from later exercises
(``precision_recall_at_thresholds``, ``macro_f1``). The test cells of those later exercises run
the learner's function with these versions put in its namespace (see
:class:`dlcourse.testing.substituted`), so a mistake in ``confusion_matrix`` or
``precision_recall_f1`` costs the points of those two functions only.

They follow the notebook's conventions: rows of the confusion matrix are the actual labels,
columns the predicted ones; label 1 is the positive class; a ratio whose denominator is 0
(no positive prediction, no actual positive) is 0.0.
"""

from __future__ import annotations

import numpy as np
from sklearn import metrics as _metrics

__all__ = ["reference_confusion_matrix", "reference_precision_recall_f1"]


def reference_confusion_matrix(y_true, y_pred, n_classes=2):
    """Counts of (actual, predicted) label pairs: an int array of shape (n_classes, n_classes)."""
    return _metrics.confusion_matrix(np.ravel(y_true), np.ravel(y_pred),
                                     labels=np.arange(n_classes))


def reference_precision_recall_f1(cm):
    """(precision, recall, F1) of label 1 from a 2x2 confusion matrix, 0.0 for 0/0."""
    counts = np.asarray(cm, dtype=np.int64).ravel()
    # Rebuild labels with these counts: (actual, predicted) = (0, 0), (0, 1), (1, 0), (1, 1).
    y_true = np.repeat([0, 0, 1, 1], counts)
    y_pred = np.repeat([0, 1, 0, 1], counts)
    kwargs = {"labels": [0, 1], "pos_label": 1, "zero_division": 0}
    return (float(_metrics.precision_score(y_true, y_pred, **kwargs)),
            float(_metrics.recall_score(y_true, y_pred, **kwargs)),
            float(_metrics.f1_score(y_true, y_pred, **kwargs)))

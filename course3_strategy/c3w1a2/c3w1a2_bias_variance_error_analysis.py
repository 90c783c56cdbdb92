# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Bias, variance and error analysis
#
# A model is trained, its errors are measured, and now the team must decide what to do next:
# a bigger network? more data? regularization? a cleaner training set? Each of these costs
# days, and picking the wrong one wastes them. This notebook turns the rules of thumb of the
# lectures into code you can run on a real model's errors:
#
# - compare the errors on the training, train-dev, dev and test sets with human-level error,
#   and name the biggest gap: **avoidable bias**, **variance**, **data mismatch** or an
#   over-used dev set, each with its own remedy;
# - read a **learning curve**: train and dev error of models trained on more and more examples;
# - do **error analysis**: sort the dev errors into categories, count them, and compute the
#   most any fix of one category could gain (its **ceiling**); then act on the biggest one;
# - find **wrong labels** in the training set with the model's own predictions.
#
# Everything runs on the animal / non-animal pictures of course 1, with a small neural network
# from scikit-learn that trains in a second or two.
#
# **By the end you will have written** `diagnose`, `next_action`, `learning_curve`,
# `tally_errors`, `error_ceilings`, `rank_suspect_labels` and `precision_at_k`.
#
# **How this notebook works**
#
# - Write your code between `# YOUR CODE HERE` and the `return` line of each exercise, and delete
#   the `raise NotImplementedError()` line. Do not rename the functions or change their arguments.
# - Each exercise is followed by a test cell. A line ending in "all public tests passed" means
#   the visible checks agree with your code. The grader runs more tests (other tables, edge
#   cases, other models), so passing the public tests is necessary, not sufficient.
# - Run the cells in order. If something behaves strangely, use *Kernel → Restart and run all*.
# - Only the exercise cells are graded: the grader runs the released notebook with your
#   exercise cells put in, so cells you add yourself do not run there. Keep every helper
#   function or import that your answer needs inside its exercise cell.

# %% [markdown]
# ## 1 - Packages and data
#
# - [NumPy](https://numpy.org) and [Matplotlib](https://matplotlib.org);
# - [scikit-learn](https://scikit-learn.org)'s `MLPClassifier`, a fully connected network like
#   those of course 1 (ReLU hidden layer, sigmoid output, Adam). Its `fit` may stop before the
#   loss has fully converged; the warning that says so is switched off below;
# - `dlcourse.data.load_animals` (the pictures) and `dlcourse.picture_tags.load_animals_tags`
#   (what each picture shows besides its label, see below); `dlcourse.plots.montage` to look at
#   pictures; `dlcourse.testing` for the test cells.

# %%
import warnings

import matplotlib.pyplot as plt
import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPClassifier

from dlcourse.data import load_animals
from dlcourse.picture_tags import load_animals_tags
from dlcourse.plots import montage

warnings.filterwarnings("ignore", category=ConvergenceWarning)
np.set_printoptions(precision=4, suppress=True)

# %%
from dlcourse.testing import (
    check_array,
    check_equal,
    check_keys,
    check_scalar,
    run_checks,
)

# %% [markdown]
# **The pictures.** 900 training and 540 test pictures, 64×64 RGB, label 1 = animal,
# 0 = anything else: clip art and emoji pasted on a background. Besides the label, the data set
# knows more about each picture, and `load_animals_tags` returns it (one array per field, in
# the order of the pictures):
#
# | field | meaning |
# |---|---|
# | `kind` | `"clipart"` or `"emoji"`: the style of the drawing |
# | `source` | which source drawing the picture was made from (several pictures share one) |
# | `grey` | the picture was turned grey (a tenth of them) |
# | `scene` | the background: a two-band `"outdoor"` or `"indoor"` scene, or a `"neutral"` texture |
# | `misleading_scene` | an animal indoors or a non-animal outdoors (see below) |
#
# Animals are pictured outdoors and everything else indoors 95 % of the time: the scene is a
# strong hint, and a misleading one for the other 5 %.
#
# The test pictures show drawings that never occur in training, three pictures per drawing.
# We split them **by drawing** into a dev set and a test set, and split the training pictures
# at random into a training set and a **train-dev** set: pictures from the same distribution
# as the training set that the model never trains on.
#
# The model sees each picture shrunk to 8×8 pixels (the mean of each 8×8 block), one example
# per **row**, as scikit-learn expects: `X` of shape $(m, 192)$ and `Y` of shape $(m,)$.

# %%
train_x_orig, train_y, test_x_orig, test_y, classes = load_animals()
train_tags_all, test_tags_all = load_animals_tags()


def to_features(images):
    """Shrink (m, 64, 64, 3) uint8 pictures to (m, 192) floats in [0, 1]: 8x8 block means."""
    m = images.shape[0]
    return images.reshape(m, 8, 8, 8, 8, 3).mean(axis=(2, 4)).reshape(m, -1) / 255


perm = np.random.default_rng(1).permutation(train_x_orig.shape[0])
train_idx, train_dev_idx = perm[:750], perm[750:]
test_sources = np.unique(test_tags_all["source"])
dev_sources = np.random.default_rng(0).permutation(test_sources)[:90]
is_dev = np.isin(test_tags_all["source"], dev_sources)
dev_idx, test_idx = np.flatnonzero(is_dev), np.flatnonzero(~is_dev)

X_all, Y_all = to_features(train_x_orig), train_y.reshape(-1)
X_test_all, Y_test_all = to_features(test_x_orig), test_y.reshape(-1)
X_train, Y_train = X_all[train_idx], Y_all[train_idx]
X_train_dev, Y_train_dev = X_all[train_dev_idx], Y_all[train_dev_idx]
X_dev, Y_dev = X_test_all[dev_idx], Y_test_all[dev_idx]
X_test, Y_test = X_test_all[test_idx], Y_test_all[test_idx]
dev_tags = {k: v[dev_idx] for k, v in test_tags_all.items()}
print(
    "train", X_train.shape, "train-dev", X_train_dev.shape, "dev", X_dev.shape, "test", X_test.shape
)
assert (len(train_idx), len(train_dev_idx), len(dev_idx), len(test_idx)) == (750, 150, 270, 270)

# %% tags=["demo"]
_ = montage(test_x_orig[dev_idx[:16]], Y_dev[:16], classes, title="Dev pictures and labels")
plt.show()

# %% [markdown]
# ## 2 - Bias, variance and data mismatch
#
# Write $E_{\text{human}}$, $E_{\text{train}}$, $E_{\text{train-dev}}$, $E_{\text{dev}}$,
# $E_{\text{test}}$ for the error rates (fractions of misclassified examples) measured by a
# person and by the model on each set. Human-level error stands in for the Bayes error, the
# lowest error any model could reach. Each difference between neighbours in this chain has its
# own cause and its own remedy:
#
# | gap | formula | remedy |
# |---|---|---|
# | avoidable bias | $E_{\text{train}} - E_{\text{human}}$ | bigger network, train longer |
# | variance | $E_{\text{train-dev}} - E_{\text{train}}$ | more data, regularization |
# | data mismatch | $E_{\text{dev}} - E_{\text{train-dev}}$ | make training data more like dev |
# | dev overfitting | $E_{\text{test}} - E_{\text{dev}}$ | a bigger dev set |
#
# In words: with avoidable bias the model does not fit even the pictures it trains on (also
# try a better optimizer or another architecture); with variance it does not generalize to new
# pictures of the same distribution (regularization: L2, dropout, augmentation); with data
# mismatch it generalizes, but the dev distribution differs (analyse the difference, then
# collect or synthesize training data like the dev data); with dev overfitting the choices made
# on the dev set were tuned to that set itself.
#
# Without a train-dev set, variance and data mismatch cannot be told apart: the variance is then
# measured as $E_{\text{dev}} - E_{\text{train}}$ and the mismatch is unknown. Without a test
# error, the dev overfitting is unknown.
#
# ### Exercise 1 - `diagnose`
#
# `errors` is a dict with the keys `"human"`, `"train"` and `"dev"`, and possibly
# `"train_dev"` and `"test"`. Return a dict with exactly the four keys `"avoidable_bias"`,
# `"variance"`, `"data_mismatch"`, `"dev_overfitting"` (floats, as in the table); a gap that
# cannot be measured because its set is missing is `None`. Gaps may be negative (e.g. a
# model that beats human-level error on its training set): report them as they are.


# %% nbgrader={"grade_id": "diagnose", "solution": true}
# GRADED FUNCTION: diagnose
def diagnose(errors):
    """The four gaps between the error rates of a model.

    Arguments:
    errors -- dict: "human", "train", "dev" (floats), optional "train_dev", "test"

    Returns:
    gaps -- dict with keys "avoidable_bias", "variance", "data_mismatch", "dev_overfitting":
            floats, or None for a gap whose set is missing
    """
    ### BEGIN SOLUTION
    gaps = {"avoidable_bias": errors["train"] - errors["human"]}
    if errors.get("train_dev") is not None:
        gaps["variance"] = errors["train_dev"] - errors["train"]
        gaps["data_mismatch"] = errors["dev"] - errors["train_dev"]
    else:
        gaps["variance"] = errors["dev"] - errors["train"]
        gaps["data_mismatch"] = None
    test = errors.get("test")
    gaps["dev_overfitting"] = None if test is None else test - errors["dev"]
    ### END SOLUTION
    return gaps


# %% nbgrader={"grade_id": "test_diagnose", "points": 3}
_GAP_KEYS = ["avoidable_bias", "variance", "data_mismatch", "dev_overfitting"]


def _check_gaps(got, expected, label, hints=None):
    """``hints``: {key: [(wrong value, likely cause), ...]} for the values of known mistakes."""
    check_keys(got, _GAP_KEYS, label)
    for key in _GAP_KEYS:
        if expected[key] is None:
            check_equal(got[key] is None, True, f"{label}[{key!r}] is None",
                        hints=[(False, "a gap whose sets are missing cannot be measured: None, "
                                       "not 0")])
        else:
            check_scalar(got[key], expected[key], f"{label}[{key!r}]", atol=1e-9,
                         hints=(hints or {}).get(key))


_e1 = {"human": 0.01, "train": 0.08, "train_dev": 0.10, "dev": 0.11, "test": 0.12}
_e2 = {"human": 0.005, "train": 0.01, "dev": 0.06}
run_checks(
    "diagnose",
    lambda: _check_gaps(
        diagnose(_e1),
        {"avoidable_bias": 0.07, "variance": 0.02, "data_mismatch": 0.01, "dev_overfitting": 0.01},
        "diagnose(errors) with all five sets",
        hints={"avoidable_bias": [(0.08, "the training error itself: avoidable bias is "
                                         "measured from human-level error")],
               "variance": [(0.03, "dev - train: with a train-dev set, variance is the gap "
                                   "to the train-dev error (dev also holds the mismatch)")],
               "data_mismatch": [(0.03, "dev - train: the mismatch is the gap between "
                                        "train-dev and dev")]},
    ),
    lambda: _check_gaps(
        diagnose(_e2),
        {"avoidable_bias": 0.005, "variance": 0.05, "data_mismatch": None, "dev_overfitting": None},
        "diagnose(errors) without train_dev and test",
    ),
    lambda: _check_gaps(
        diagnose({"human": 0.03, "train": 0.02, "dev": 0.04, "test": 0.035}),
        {
            "avoidable_bias": -0.01,
            "variance": 0.02,
            "data_mismatch": None,
            "dev_overfitting": -0.005,
        },
        "diagnose(errors) with negative gaps",
    ),
)
### BEGIN HIDDEN TESTS
_h1 = {"human": 0.02, "train": 0.015, "train_dev": 0.05, "dev": 0.2, "test": 0.19}
_check_gaps(
    diagnose(_h1),
    {"avoidable_bias": -0.005, "variance": 0.035, "data_mismatch": 0.15, "dev_overfitting": -0.01},
    "diagnose(errors) (train below human, mismatch)",
)
_h2 = {"human": 0.0, "train": 0.3, "train_dev": 0.31, "dev": 0.29}
_check_gaps(
    diagnose(_h2),
    {"avoidable_bias": 0.3, "variance": 0.01, "data_mismatch": -0.02, "dev_overfitting": None},
    "diagnose(errors) without a test error",
)
_h3 = {"human": 0.04, "train": 0.05, "dev": 0.05, "test": 0.09}
_check_gaps(
    diagnose(_h3),
    {"avoidable_bias": 0.01, "variance": 0.0, "data_mismatch": None, "dev_overfitting": 0.04},
    "diagnose(errors) without train_dev",
)
_h4 = {"human": 0.02, "train": 0.03, "train_dev": 0.2, "dev": 0.21, "test": 0.2}
_check_gaps(
    diagnose(_h4),
    {"avoidable_bias": 0.01, "variance": 0.17, "data_mismatch": 0.01, "dev_overfitting": -0.01},
    "diagnose(errors) (variance measured with train_dev)",
)
_h5 = dict(_h4)
diagnose(_h5)
_ = check_equal(_h5 == _h4, True, "errors left unchanged by diagnose")
### END HIDDEN TESTS

# %% [markdown]
# ### Exercise 2 - `next_action`
#
# Now decide. The rule: **work on the biggest gap**, provided it is larger than `tolerance`
# (a gap of one point or less is within the noise of a few hundred examples); if no gap is
# larger than `tolerance`, return `"done"`. Gaps that are `None` do not take part. The actions:
#
# | biggest gap | return |
# |---|---|
# | `"avoidable_bias"` | `"reduce_bias"` |
# | `"variance"` | `"reduce_variance"` |
# | `"data_mismatch"` | `"reduce_mismatch"` |
# | `"dev_overfitting"` | `"bigger_dev_set"` |
# | none larger than `tolerance` | `"done"` |
#
# **Ties.** Two gaps within `1e-9` of each other count as equal; then the one **earlier** in
# the order bias, variance, mismatch, dev overfitting wins (fix the training set's fit before
# worrying about new data). A gap exactly equal to `tolerance` is not larger than it.
#
# `next_action` receives the gaps (what `diagnose` returns), not the errors.

# %% nbgrader={"grade_id": "next_action", "solution": true}
ACTIONS = {
    "avoidable_bias": "reduce_bias",
    "variance": "reduce_variance",
    "data_mismatch": "reduce_mismatch",
    "dev_overfitting": "bigger_dev_set",
}


# GRADED FUNCTION: next_action
def next_action(gaps, tolerance=0.01):
    """The action the biggest gap calls for.

    Arguments:
    gaps -- dict as returned by diagnose (values are floats or None)
    tolerance -- a gap must be larger than this to call for an action

    Returns:
    action -- one of "reduce_bias", "reduce_variance", "reduce_mismatch",
              "bigger_dev_set", "done"
    """
    ### BEGIN SOLUTION
    action, best = "done", None
    for key in ("avoidable_bias", "variance", "data_mismatch", "dev_overfitting"):
        gap = gaps.get(key)
        if gap is None or gap <= tolerance:
            continue
        if best is None or gap > best + 1e-9:
            action, best = ACTIONS[key], gap
    ### END SOLUTION
    return action


# %% nbgrader={"grade_id": "test_next_action", "points": 3}
def _gaps(bias, var, mis=None, dev=None):
    return {"avoidable_bias": bias, "variance": var, "data_mismatch": mis, "dev_overfitting": dev}


run_checks(
    "next_action",
    lambda: check_equal(
        next_action(_gaps(0.07, 0.02, 0.01, 0.01)),
        "reduce_bias",
        "next_action (bias 7 points, the rest 1 or 2)",
    ),
    lambda: check_equal(
        next_action(_gaps(0.02, 0.03, 0.15, 0.0)),
        "reduce_mismatch",
        "next_action (mismatch 15 points, bias 2)",
        hints=[("reduce_bias", "bias first whatever its size? the largest gap above the "
                               "tolerance decides")],
    ),
    lambda: check_equal(
        next_action(_gaps(0.005, 0.05)),
        "reduce_variance",
        "next_action (no train-dev: variance 5 points, mismatch None)",
    ),
    lambda: check_equal(
        next_action(_gaps(0.004, 0.006, -0.01, 0.002)),
        "done",
        "next_action (every gap below 1 point)",
        hints=[("reduce_variance", "the largest gap chosen without the tolerance: gaps up to "
                                   "tolerance count as done")],
    ),
    lambda: check_equal(
        next_action(_gaps(0.04, 0.04, 0.01, 0.0)),
        "reduce_bias",
        "next_action (a tie: bias 4 points, variance 4 points)",
        hints=[("reduce_variance", "a tie goes to the earlier gap in the order bias, "
                                   "variance, mismatch, dev overfitting")],
    ),
    lambda: check_equal(
        next_action(_gaps(0.0, 0.02, None, 0.03)),
        "bigger_dev_set",
        "next_action (test 3 points above dev)",
        hints=[("reduce_variance", "dev_overfitting left out of the comparison?")],
    ),
    lambda: check_equal(
        next_action(_gaps(0.02, 0.01), tolerance=0.02),
        "done",
        "next_action(..., tolerance=0.02) (bias exactly at the tolerance)",
        hints=[("reduce_bias", "a gap equal to the tolerance counts as done: act only on "
                               "gaps above it")],
    ),
)
### BEGIN HIDDEN TESTS
check_equal(
    next_action(_gaps(0.02, 0.02 + 1e-12, 0.02, 0.02)),
    "reduce_bias",
    "next_action (four equal gaps, up to rounding)",
)
check_equal(
    next_action(_gaps(0.01, 0.0, 0.01, 0.01)), "done", "next_action (gaps exactly at the tolerance)"
)
check_equal(
    next_action(_gaps(0.01, 0.0, None, 0.05)),
    "bigger_dev_set",
    "next_action (test 5 points above dev)",
)
check_equal(
    next_action(_gaps(0.03, 0.08, 0.08, None)),
    "reduce_variance",
    "next_action (variance and mismatch tied at 8 points)",
)
check_equal(
    next_action(_gaps(0.03, 0.02, 0.06, 0.06)),
    "reduce_mismatch",
    "next_action (mismatch and dev overfitting tied)",
)
check_equal(
    next_action(_gaps(-0.01, 0.0, None, None)),
    "done",
    "next_action (train below human, no variance)",
)
check_equal(
    next_action(_gaps(0.03, 0.05, 0.051), tolerance=0.05),
    "reduce_mismatch",
    "next_action(..., tolerance=0.05) (variance exactly at the tolerance)",
)
check_equal(
    next_action(_gaps(0.2, 0.3, 0.1, 0.0), tolerance=0.25),
    "reduce_variance",
    "next_action(..., tolerance=0.25)",
)
_ = check_equal(
    next_action(_gaps(0.02, 0.09, 0.12, 0.03)),
    "reduce_mismatch",
    "next_action (mismatch 12 points, variance 9)",
)
### END HIDDEN TESTS

# %% [markdown]
# ### 2.1 - A real model
#
# Train the network (one hidden layer of 32 ReLU units, 200 epochs of Adam) on the 750
# training pictures and measure its error on every set. A person labels these drawings almost
# without error; we take **human-level error = 2 %** (an assumption: a team would measure it by
# having a few people label a sample of dev pictures).


# %% tags=["demo"]
def make_model(seed=0):
    """The network of this notebook, untrained; ``seed`` fixes its initial weights."""
    return MLPClassifier(hidden_layer_sizes=(32,), max_iter=200, random_state=seed)


def error_rate(model, X, Y):
    """Fraction of the examples (rows of X) that ``model`` misclassifies."""
    return float(np.mean(model.predict(X) != Y))


model = make_model().fit(X_train, Y_train)
errors = {
    "human": 0.02,
    "train": error_rate(model, X_train, Y_train),
    "train_dev": error_rate(model, X_train_dev, Y_train_dev),
    "dev": error_rate(model, X_dev, Y_dev),
    "test": error_rate(model, X_test, Y_test),
}
for name, value in errors.items():
    print(f"{name:>9}: {100 * value:5.1f} %")

# %% [markdown]
# Your turn to read the table before the code does: which gap is the biggest? Then run the
# next cell.

# %% tags=["demo"]
gaps = diagnose(errors)
for name, value in gaps.items():
    print(f"{name:>16}: {100 * value:+5.1f} points")
print("next action:", next_action(gaps))

# %% [markdown]
# The network fits its training pictures to within a few points of human level, but it
# misclassifies about a fifth of the train-dev pictures, drawn from the very same distribution:
# **variance** is the biggest gap, by far, and the next action is to reduce it. The dev error
# is, if anything, *lower* than the train-dev error: no data mismatch here, which is what we
# expect, since the dev and training pictures were made the same way. With 150 train-dev and
# 270 dev pictures each error rate has a standard error of 2 to 3 points, so a gap of a few
# points is close to the noise (the sign, train-dev harder than dev, recurs with other random
# train-dev splits, so part of it may be real); either way it is no mismatch to fix. The test
# error agrees with the dev error: we did not tune anything on the dev set yet.

# %% tags=["demo"]
assert 0.03 <= errors["train"] <= 0.12, f"train error {errors['train']:.3f}, expected 3-12 %"
assert 0.14 <= errors["train_dev"] <= 0.28, f"train-dev error {errors['train_dev']:.3f}"
assert 0.09 <= errors["dev"] <= 0.2 and 0.09 <= errors["test"] <= 0.2, "dev/test error"
assert gaps["variance"] > 2 * max(gaps["avoidable_bias"], gaps["data_mismatch"]), (
    "variance should be the biggest gap by far"
)
assert abs(gaps["data_mismatch"]) <= 0.09 and abs(gaps["dev_overfitting"]) <= 0.05
assert next_action(gaps) == "reduce_variance"
print("The stated figures hold.")

# %% [markdown]
# ## 3 - Learning curves
#
# The standard remedy for variance is more data. Would it help here, and how much? A
# **learning curve** answers before anyone labels a single new picture: train the same model
# on the first $m$ training examples for growing $m$ and plot its training error (on those $m$
# examples) and its dev error (on the whole dev set) against $m$.
#
# - High variance: a wide gap between the curves, and the dev error still falling at the
#   largest $m$: more data helps.
# - High bias: both curves flat and close together, well above human level: more data of the
#   same kind does not help; a bigger model does.
#
# ### Exercise 3 - `learning_curve`
#
# For each `m` in `sizes`: create a fresh model with `make_model()` (a function of no
# arguments), fit it on the **first** `m` examples, `X_train[:m]` and `Y_train[:m]`, and record
# its error rate on those `m` examples and on all of `X_dev, Y_dev`. Return two float arrays of
# shape `(len(sizes),)`. (Models follow scikit-learn's interface: `model.fit(X, Y)` trains and
# returns the model, `model.predict(X)` returns the labels.)


# %% nbgrader={"grade_id": "learning_curve", "solution": true}
# GRADED FUNCTION: learning_curve
def learning_curve(make_model, X_train, Y_train, X_dev, Y_dev, sizes):
    """Train and dev error rates of models trained on the first m examples, m in sizes.

    Arguments:
    make_model -- function of no arguments returning an untrained model (fit / predict)
    X_train, Y_train -- training examples (one per row) and labels, shapes (m_train, n), (m_train,)
    X_dev, Y_dev -- dev examples and labels
    sizes -- list of training-set sizes, each at most m_train

    Returns:
    train_errors -- float array (len(sizes),): error on the m examples trained on
    dev_errors -- float array (len(sizes),): error on the whole dev set
    """
    ### BEGIN SOLUTION
    train_errors, dev_errors = [], []
    for m in sizes:
        model = make_model()
        model.fit(X_train[:m], Y_train[:m])
        train_errors.append(np.mean(model.predict(X_train[:m]) != Y_train[:m]))
        dev_errors.append(np.mean(model.predict(X_dev) != Y_dev))
    train_errors = np.array(train_errors, dtype=float)
    dev_errors = np.array(dev_errors, dtype=float)
    ### END SOLUTION
    return train_errors, dev_errors


# %% nbgrader={"grade_id": "test_learning_curve", "points": 3}
class _NearestMean:
    """A tiny deterministic classifier for the tests: the label of the nearest class mean."""

    def fit(self, X, Y):
        self.labels_ = np.unique(Y)
        self.means_ = np.stack([X[Y == c].mean(axis=0) for c in self.labels_])
        return self

    def predict(self, X):
        d = ((X[:, None, :] - self.means_[None]) ** 2).sum(axis=2)
        return self.labels_[np.argmin(d, axis=1)]


_rng = np.random.default_rng(7)
_Xt = np.concatenate([_rng.normal(0, 1, (20, 2)), _rng.normal(1.2, 1, (20, 2))])
_Yt = np.repeat([0, 1], 20)
_o = _rng.permutation(40)
_Xt, _Yt = _Xt[_o], _Yt[_o]
_Xd = np.concatenate([_rng.normal(0, 1, (15, 2)), _rng.normal(1.2, 1, (15, 2))])
_Yd = np.repeat([0, 1], 15)
_lc_train, _lc_dev = learning_curve(_NearestMean, _Xt, _Yt, _Xd, _Yd, [4, 10, 40])
run_checks(
    "learning_curve",
    lambda: check_array(_lc_train, [0.0, 0.0, 0.075], "train_errors",
                        hints=[([0.225, 0.2, 0.075], "the training error measured on the whole "
                                                     "training set: measure it on the m "
                                                     "examples the model was trained on"),
                               ([0.0, 0.1, 0.075], "the last m examples: the curve uses the "
                                                   "first m"),
                               ([0.0, 0.0, 1 / 13], "m - 1 examples: an off-by-one in the "
                                                    "slice?")]),
    lambda: check_array(_lc_dev, [1 / 3, 4 / 15, 0.1], "dev_errors",
                        hints=[([0.1, 0.1, 0.1], "every model trained on the whole training "
                                                 "set: train on the first m examples")]),
)


### BEGIN HIDDEN TESTS
def _ref_curve(mk, Xt, Yt, Xd, Yd, sizes):
    _fits = [mk().fit(Xt[:_n], Yt[:_n]) for _n in sizes]
    _tr = [np.mean(_f.predict(Xt[:_n]) != Yt[:_n]) for _f, _n in zip(_fits, sizes)]
    return np.array(_tr), np.array([np.mean(_f.predict(Xd) != Yd) for _f in _fits])


_rng = np.random.default_rng(11)
_Xt2 = _rng.normal(0, 1, (60, 3)) + np.repeat([[0, 0, 0], [1, 0.5, 0]], 30, axis=0)
_Yt2 = np.repeat([0, 1], 30)
_o2 = _rng.permutation(60)
_Xt2, _Yt2 = _Xt2[_o2], _Yt2[_o2]
_Xd2 = _rng.normal(0, 1, (25, 3)) + np.repeat([[0, 0, 0], [1, 0.5, 0]], [12, 13], axis=0)
_Yd2 = np.repeat([0, 1], [12, 13])
_sizes2 = [6, 15, 33, 60]
_exp_t, _exp_d = _ref_curve(_NearestMean, _Xt2, _Yt2, _Xd2, _Yd2, _sizes2)
_got_t, _got_d = learning_curve(_NearestMean, _Xt2, _Yt2, _Xd2, _Yd2, _sizes2)
_all_t = np.array(
    [np.mean(_NearestMean().fit(_Xt2[:m], _Yt2[:m]).predict(_Xt2) != _Yt2) for m in _sizes2]
)
check_array(
    _got_t,
    _exp_t,
    "train_errors",
    hints=[
        (
            _all_t,
            "the training error is measured on the m examples trained on, not on all of X_train",
        ),
        (1 - _exp_t, "an accuracy, not an error rate?"),
    ],
)
check_array(_got_d, _exp_d, "dev_errors", hints=[(1 - _exp_d, "an accuracy, not an error rate?")])
_Xt2c, _Yt2c = _Xt2.copy(), _Yt2.copy()
learning_curve(_NearestMean, _Xt2, _Yt2, _Xd2, _Yd2, [60, 6])
check_array(
    learning_curve(_NearestMean, _Xt2, _Yt2, _Xd2, _Yd2, [60, 6])[0],
    _exp_t[[3, 0]],
    "train_errors for sizes [60, 6]",
)
_ = check_equal(
    bool((_Xt2c == _Xt2).all() and (_Yt2c == _Yt2).all()), True, "X_train, Y_train left unchanged"
)
### END HIDDEN TESTS

# %% [markdown]
# Now the real network, on 100 to all 750 training pictures:

# %% tags=["demo"]
sizes = [100, 200, 400, 750]
lc_train, lc_dev = learning_curve(make_model, X_train, Y_train, X_dev, Y_dev, sizes)
fig, ax = plt.subplots(figsize=(6, 4))
ax.plot(sizes, 100 * lc_train, "o-", label="training error (on the m examples)")
ax.plot(sizes, 100 * lc_dev, "s-", label="dev error")
ax.axhline(100 * errors["human"], color="grey", ls="--", label="human-level error (assumed)")
ax.set_xlabel("number of training examples m")
ax.set_ylabel("error rate (%)")
ax.set_title("Learning curve of the 32-unit network")
ax.legend()
plt.show()
print("train errors:", np.round(100 * lc_train, 1), " dev errors:", np.round(100 * lc_dev, 1))

# %% [markdown]
# **Reading the curve.** The training error stays low at every size (the network can nearly
# memorize a few hundred pictures), while the dev error falls by about ten points from
# $m = 100$ to $m = 400$ and then flattens; the gap between the curves, about eight points at
# $m = 750$, is bigger than the avoidable bias. Both signs say **variance**. More pictures of
# the same kind helped a lot at first, but the flattening dev curve warns that the next few
# hundred would gain little: worth knowing before paying for them.

# %% tags=["demo"]
assert lc_dev[-2] < lc_dev[0] - 0.06, "the dev error should fall by 6 points or more up to 400"
assert abs(lc_dev[-1] - lc_dev[-2]) <= 0.025, "the dev curve should flatten from 400 to 750"
assert lc_dev[-1] - lc_train[-1] > 0.05, "the gap at m = 750 should exceed 5 points"
assert lc_dev[-1] - lc_train[-1] > lc_train[-1] - errors["human"], "gap > avoidable bias"
assert np.all(lc_train < 0.15), "the training error should stay low"
print("The stated reading holds.")

# %% [markdown]
# ## 4 - Error analysis
#
# More data is one remedy; a cheaper one is often to look at what the model gets wrong. Take
# the misclassified dev pictures, tag each with what makes it special, count the tags, and
# work on the tag that covers the most errors. Here the data set already knows the tags
# (section 1): each dev picture gets a list of those that apply among
#
# - `"emoji"` (the drawing is an emoji rather than clip art),
# - `"grey"` (the picture is grey),
# - `"neutral background"` (no scene behind the drawing),
# - `"misleading scene"` (an animal indoors or a non-animal outdoors).
#
# A picture may carry several tags, or none.


# %%
def picture_tags(tags):
    """The list of tags of every picture: tags is a dict of arrays from load_animals_tags."""
    out = []
    for kind, grey, scene, misleading in zip(
        tags["kind"], tags["grey"], tags["scene"], tags["misleading_scene"]
    ):
        t = []
        if kind == "emoji":
            t.append("emoji")
        if grey:
            t.append("grey")
        if scene == "neutral":
            t.append("neutral background")
        if misleading:
            t.append("misleading scene")
        out.append(t)
    return out


dev_picture_tags = picture_tags(dev_tags)
print(dev_picture_tags[:6])

# %% [markdown]
# ### Exercise 4 - `tally_errors`
#
# `tags` is a list of $m$ lists of strings (the tags of each example), `Y` the true labels and
# `Y_pred` the predictions, both of shape $(m,)$. Return a dict that maps **every** tag that
# occurs in `tags` (on any example, right or wrong) to the number of **misclassified**
# examples that carry it; a tag that no error carries maps to 0.


# %% nbgrader={"grade_id": "tally_errors", "solution": true}
# GRADED FUNCTION: tally_errors
def tally_errors(tags, Y, Y_pred):
    """How many misclassified examples carry each tag.

    Arguments:
    tags -- list of m lists of str, the tags of each example
    Y -- true labels, shape (m,)
    Y_pred -- predicted labels, shape (m,)

    Returns:
    tally -- dict: tag -> number of misclassified examples with that tag (int)
    """
    ### BEGIN SOLUTION
    tally = {}
    for example_tags, y, y_hat in zip(tags, Y, Y_pred):
        for tag in example_tags:
            tally[tag] = tally.get(tag, 0) + int(y != y_hat)
    ### END SOLUTION
    return tally


# %% nbgrader={"grade_id": "test_tally_errors", "points": 2}
_tags = [
    ["emoji"],
    [],
    ["grey", "emoji"],
    ["grey"],
    ["neutral background"],
    ["emoji", "grey"],
    ["misleading scene"],
]
_Y = np.array([1, 0, 1, 1, 0, 0, 1])
_P = np.array([0, 0, 1, 0, 0, 1, 0])


def _check_tally(got, expected, label, hints=None):
    check_keys(got, list(expected), label)
    for key, value in expected.items():
        check_scalar(got[key], value, f"{label}[{key!r}]", hints=(hints or {}).get(key))


run_checks(
    "tally_errors",
    lambda: _check_tally(
        tally_errors(_tags, _Y, _P),
        {"emoji": 2, "grey": 2, "neutral background": 0, "misleading scene": 1},
        "tally_errors(tags, Y, Y_pred)",
        hints={"emoji": [(3, "counted over every example: tally the misclassified ones "
                             "only")]},
    ),
)
### BEGIN HIDDEN TESTS
_rng = np.random.default_rng(21)
_pool = ["a", "b", "c", "d", "e"]
_tags2 = [[t for t in _pool if _rng.random() < 0.35] for _ in range(60)]
_Y2 = _rng.integers(0, 3, 60)
_P2 = np.where(_rng.random(60) < 0.3, (_Y2 + 1) % 3, _Y2)
_exp2 = {
    t: sum(1 for tg, y, p in zip(_tags2, _Y2, _P2) if t in tg and y != p)
    for t in set(sum(_tags2, []))
}
_all2 = {t: sum(1 for tg in _tags2 if t in tg) for t in _exp2}
_got2 = tally_errors(_tags2, _Y2, _P2)
check_keys(_got2, list(_exp2), "tally_errors on 60 examples, 3 classes")
check_array(
    np.array([_got2[t] for t in sorted(_exp2)], dtype=float),
    np.array([_exp2[t] for t in sorted(_exp2)], dtype=float),
    "the counts, tags in alphabetical order",
    hints=[
        (
            np.array([_all2[t] for t in sorted(_exp2)], dtype=float),
            "counts every example with the tag, not only the misclassified ones",
        ),
        (
            np.array([_all2[t] - _exp2[t] for t in sorted(_exp2)], dtype=float),
            "counts the correctly classified examples",
        ),
    ],
)
_got3 = tally_errors([["x"], ["x"], ["y"]], np.array([1, 1, 0]), np.array([1, 1, 0]))
_ = _check_tally(_got3, {"x": 0, "y": 0}, "tally_errors when nothing is misclassified")
### END HIDDEN TESTS

# %% [markdown]
# ### Exercise 5 - `error_ceilings`
#
# If every error of one category were fixed, and nothing else changed, the dev error would
# fall by the share of the errors that carry that tag. This share is the category's
# **ceiling**: no fix aimed at that category can gain more. Return a dict mapping each tag of
# `tally` to its share of the misclassified examples of `Y, Y_pred` (a float in $[0, 1]$; 0 for
# every tag if nothing is misclassified). Note that an error may carry several tags, so the
# ceilings need not add up to 1.


# %% nbgrader={"grade_id": "error_ceilings", "solution": true}
# GRADED FUNCTION: error_ceilings
def error_ceilings(tally, Y, Y_pred):
    """The share of the errors each tag covers: the most fixing that tag could gain.

    Arguments:
    tally -- dict: tag -> number of misclassified examples with that tag
    Y -- true labels, shape (m,)
    Y_pred -- predicted labels, shape (m,)

    Returns:
    ceilings -- dict: tag -> fraction of the misclassified examples carrying the tag (float)
    """
    ### BEGIN SOLUTION
    n_errors = int(np.sum(np.asarray(Y) != np.asarray(Y_pred)))
    ceilings = {tag: (count / n_errors if n_errors else 0.0) for tag, count in tally.items()}
    ### END SOLUTION
    return ceilings


# %% nbgrader={"grade_id": "test_error_ceilings", "points": 2}
def _check_ceilings(got, expected, label, hints=None):
    check_keys(got, list(expected), label)
    keys = sorted(expected)
    check_array(
        np.array([got[k] for k in keys], dtype=float),
        np.array([expected[k] for k in keys], dtype=float),
        f"{label}, tags in alphabetical order",
        hints=hints,
    )


run_checks(
    "error_ceilings",
    lambda: _check_ceilings(
        error_ceilings(
            {"emoji": 2, "grey": 2, "neutral background": 0, "misleading scene": 1}, _Y, _P
        ),
        {"emoji": 0.5, "grey": 0.5, "neutral background": 0.0, "misleading scene": 0.25},
        "error_ceilings(tally, Y, Y_pred) with 4 errors of 7 examples",
    ),
    lambda: _check_ceilings(
        error_ceilings({"emoji": 0}, np.array([1, 0]), np.array([1, 0])),
        {"emoji": 0.0},
        "error_ceilings when nothing is misclassified",
    ),
)
### BEGIN HIDDEN TESTS
_exp_c = {t: _exp2[t] / np.sum(_Y2 != _P2) for t in _exp2}
_keys_c = sorted(_exp2)
_hint_c = [
    (
        np.array([_exp2[t] / len(_Y2) for t in _keys_c]),
        "divides by all the examples; the ceiling is a share of the errors",
    ),
    (
        np.array([_exp2[t] / sum(_exp2.values()) for t in _keys_c]),
        "divides by the sum of the tally; an error with two tags is counted twice there",
    ),
    (
        np.array([1 - _exp_c[t] for t in _keys_c]),
        "the share of errors that would remain, not the share that would vanish",
    ),
]
_check_ceilings(
    error_ceilings(dict(_exp2), _Y2, _P2), _exp_c, "error_ceilings on 60 examples", hints=_hint_c
)
_check_ceilings(
    error_ceilings({"x": 0, "y": 0}, np.array([1, 1, 0]), np.array([1, 1, 0])),
    {"x": 0.0, "y": 0.0},
    "error_ceilings when nothing is misclassified",
)
_ = _check_ceilings(
    error_ceilings({"p": 3, "q": 1}, np.array([0, 1, 2, 0, 1, 2]), np.array([1, 2, 0, 0, 1, 2])),
    {"p": 1.0, "q": 1 / 3},
    "error_ceilings on 3 errors of 6 examples",
)
### END HIDDEN TESTS

# %% [markdown]
# Apply both to the network's dev errors:

# %% tags=["demo"]
dev_pred = model.predict(X_dev)
tally = tally_errors(dev_picture_tags, Y_dev, dev_pred)
ceilings = error_ceilings(tally, Y_dev, dev_pred)
n_dev_errors = int(np.sum(dev_pred != Y_dev))
n_with_tag = {t: sum(t in tg for tg in dev_picture_tags) for t in tally}
print(f"{n_dev_errors} dev errors out of {len(Y_dev)} (dev error {100 * errors['dev']:.1f} %)")
print(
    f"{'tag':>20} {'errors':>6} {'pictures':>8} {'error rate':>10} {'ceiling':>8} "
    f"{'dev error if fixed':>18}"
)
for t in sorted(tally, key=lambda t: -ceilings[t]):
    print(
        f"{t:>20} {tally[t]:6d} {n_with_tag[t]:8d} {100 * tally[t] / n_with_tag[t]:9.0f} % "
        f"{100 * ceilings[t]:7.0f} % {100 * errors['dev'] * (1 - ceilings[t]):16.1f} %"
    )

fig, ax = plt.subplots(figsize=(6, 3))
order = sorted(tally, key=lambda t: -ceilings[t])
ax.barh(order[::-1], [100 * ceilings[t] for t in order[::-1]])
ax.set_xlabel("ceiling: share of the dev errors (%)")
ax.set_ylabel("tag")
ax.set_title("Error analysis of the dev errors")
plt.show()
# the biggest ceiling; between equal ceilings, the tag with the higher error rate
biggest = max(ceilings, key=lambda t: (ceilings[t], tally[t] / n_with_tag[t]))
print("biggest category:", biggest)

# %% [markdown]
# **What the table says.** Most misleading scenes are misclassified (at least half of them),
# yet they are so rare that fixing all of them would remove at most about a fifth of the
# errors. The **grey** pictures carry the most errors, about half of them: the biggest ceiling
# (the emoji may carry as many, but they are misclassified at about the overall rate, so
# there is nothing specific to fix there; between equal ceilings the cell picks the tag with
# the higher error rate). That matches what the network relies on: the combination of the
# background's two colours and the colours of the drawing, which a grey picture no longer
# shows.

# %% tags=["demo"]
assert biggest == "grey", f"expected grey to carry the most errors, got {biggest}"
assert 0.35 <= ceilings["grey"] <= 0.6, f"grey ceiling {ceilings['grey']:.2f}"
assert tally["misleading scene"] >= 0.5 * n_with_tag["misleading scene"]
assert ceilings["misleading scene"] <= 0.3
assert tally["neutral background"] >= 0.3 * n_with_tag["neutral background"]
print("The stated figures hold.")

# %% [markdown]
# ### 4.1 - Acting on the biggest category
#
# The grey pictures are a tenth of the training set. A cheap way to give the network more
# grey pictures: **colour-to-grey augmentation**, a grey copy of every training picture (each
# pixel replaced by its luminance $0.299 R + 0.587 G + 0.114 B$ in all three channels). We
# train on the 1500 pictures and compare the dev error with the original network's. One
# training run differs from the next by a point or two through its initial weights alone, so
# we compare the mean over two seeds.


# %% tags=["demo"]
def to_grey(images):
    """Grey copies of (m, 64, 64, 3) uint8 pictures: the luminance in all three channels."""
    lum = images.astype(float) @ np.array([0.299, 0.587, 0.114])
    return np.repeat(lum[..., None], 3, axis=-1)


X_grey = to_features(to_grey(train_x_orig[train_idx]))
X_aug = np.concatenate([X_train, X_grey])
Y_aug = np.concatenate([Y_train, Y_train])
grey_dev = dev_tags["grey"]
results = {"original": [], "with grey copies": []}
for seed in (0, 1):
    base = model if seed == 0 else make_model(seed).fit(X_train, Y_train)
    aug = make_model(seed).fit(X_aug, Y_aug)
    for name, net in (("original", base), ("with grey copies", aug)):
        wrong = net.predict(X_dev) != Y_dev
        results[name].append((wrong.mean(), wrong[grey_dev].sum()))
for name, runs in results.items():
    runs = np.array(runs)
    print(
        f"{name:>17}: dev error {100 * runs[:, 0].mean():.1f} % "
        f"(seeds {np.round(100 * runs[:, 0], 1)}), grey errors {runs[:, 1].mean():.1f}"
    )
gain = np.mean([r[0] for r in results["original"]]) - np.mean(
    [r[0] for r in results["with grey copies"]]
)
grey_ceiling_points = 100 * errors["dev"] * ceilings["grey"]
print(f"gain in dev error: {100 * gain:+.1f} points (ceiling {grey_ceiling_points:.1f})")

# %% [markdown]
# **The gain is nothing.** The grey copies do not reduce the grey errors, and the dev error
# stays where it was (within a point or two, either way), far below the ceiling of about seven
# points. The ceiling is an upper bound, not a promise: it says how much a *perfect* fix of the
# category could gain, not that a given fix will. Here the fix gave the network more grey
# pictures, but not what it lacks to classify them: on a grey picture only the drawing itself
# tells an animal from a non-animal, and at 8×8 pixels this network cannot read drawings, as
# the errors on neutral backgrounds (no scene either) also show. The honest next step is a
# model that can see the drawing (more pixels, a convolutional network: course 4), and the
# error analysis told us so before we spent a week labelling grey pictures.

# %% tags=["demo"]
assert -0.04 <= gain <= 0.02, f"gain {gain:.3f}: expected between -4 and +2 points"
grey_orig = np.mean([r[1] for r in results["original"]])
grey_aug = np.mean([r[1] for r in results["with grey copies"]])
assert grey_aug >= grey_orig - 2, "the grey copies should not reduce the grey errors"
assert gain < 0.5 * errors["dev"] * ceilings["grey"], "the gain stays far below the ceiling"
print("The stated figures hold.")

# %% [markdown]
# ## 5 - Wrong labels in the training set
#
# Another source of error is the labels themselves. This data set is clean, so we **plant**
# label noise: flip the labels of 5 % of the training pictures (38 of 750, chosen with
# `np.random.default_rng(5)`), and see whether the model can find them.
#
# The idea: a model that disagrees confidently with a given label is pointing at a picture
# worth checking. But a network trained on the noisy labels has memorized them (its training
# error is a few percent), so its opinion about its own training pictures is worthless. We use
# **out-of-sample** predictions instead: split the training set in two halves, train on one and
# predict the other, and vice versa (2-fold cross-fitting).

# %% tags=["demo"]
n_flip = round(0.05 * len(Y_train))
flipped_idx = np.random.default_rng(5).choice(len(Y_train), size=n_flip, replace=False)
is_flipped = np.zeros(len(Y_train), dtype=bool)
is_flipped[flipped_idx] = True
Y_noisy = np.where(is_flipped, 1 - Y_train, Y_train)

probs = np.zeros((len(Y_train), 2))
halves = [np.arange(len(Y_train)) % 2 == 0, np.arange(len(Y_train)) % 2 == 1]
for fit_half, predict_half in (halves, halves[::-1]):
    net = make_model().fit(X_train[fit_half], Y_noisy[fit_half])
    probs[predict_half] = net.predict_proba(X_train[predict_half])
print(
    f"{n_flip} labels flipped; out-of-sample accuracy on the noisy labels: "
    f"{np.mean(probs.argmax(axis=1) == Y_noisy):.3f}"
)

# %% [markdown]
# ### Exercise 6 - `rank_suspect_labels`
#
# `probs` has shape $(m, C)$: row $i$ holds the model's probabilities of the $C$ classes for
# example $i$; `labels` has shape $(m,)$, the given labels (integers $0 \dots C-1$). The
# **suspicion** of example $i$ is the probability the model puts on the labels *other* than the
# given one, $1 - p_{i, y_i}$. Return the indices of all $m$ examples, **most suspect first**
# (an integer array of shape $(m,)$). Examples with equal suspicion keep their index order:
# sort with `np.argsort(..., kind="stable")`.


# %% nbgrader={"grade_id": "rank_suspect_labels", "solution": true}
# GRADED FUNCTION: rank_suspect_labels
def rank_suspect_labels(probs, labels):
    """Indices of the examples, the one whose given label the model believes least first.

    Arguments:
    probs -- model's class probabilities, shape (m, C)
    labels -- given labels, integers in 0..C-1, shape (m,)

    Returns:
    ranking -- int array (m,): example indices sorted by 1 - probs[i, labels[i]], descending
    """
    ### BEGIN SOLUTION
    p_given = probs[np.arange(len(labels)), labels]
    ranking = np.argsort(p_given, kind="stable")
    ### END SOLUTION
    return ranking


# %% nbgrader={"grade_id": "test_rank_suspect_labels", "points": 2}
_pr = np.array(
    [[0.9, 0.05, 0.05], [0.2, 0.7, 0.1], [0.1, 0.3, 0.6], [0.3, 0.3, 0.4], [0.5, 0.45, 0.05]]
)
_lb = np.array([0, 2, 0, 1, 1])
run_checks(
    "rank_suspect_labels",
    lambda: check_array(
        rank_suspect_labels(_pr, _lb),
        np.array([1, 2, 3, 4, 0]),
        "rank_suspect_labels(probs, labels)",
        dtype="int",
    ),
)
### BEGIN HIDDEN TESTS
_rng = np.random.default_rng(31)
_pr2 = _rng.dirichlet(np.ones(4), size=40)
_pr2[5], _pr2[17], _pr2[30] = _pr2[9], _pr2[9], _pr2[9]
_lb2 = _rng.integers(0, 4, 40)
_lb2[5] = _lb2[17] = _lb2[30] = _lb2[9]
_score2 = 1 - _pr2[np.arange(40), _lb2]
_exp_r = np.argsort(-_score2, kind="stable")
check_array(
    rank_suspect_labels(_pr2, _lb2),
    _exp_r,
    "rank_suspect_labels on 40 examples, 4 classes (with ties)",
    dtype="int",
    hints=[
        (_exp_r[::-1], "least suspect first: the order is reversed"),
        (
            np.argsort(_pr2.max(axis=1), kind="stable"),
            "ranks by the model's top probability, not by the probability of the given label",
        ),
    ],
)
_pr3 = np.array([[0.8, 0.2], [0.3, 0.7], [0.6, 0.4], [0.1, 0.9]])
check_array(
    rank_suspect_labels(_pr3, np.array([1, 1, 0, 0])),
    np.array([3, 0, 2, 1]),
    "rank_suspect_labels on 4 examples, 2 classes",
    dtype="int",
)
_pr4 = _pr2.copy()
rank_suspect_labels(_pr4, _lb2)
_ = check_equal(bool((_pr4 == _pr2).all()), True, "probs left unchanged")
### END HIDDEN TESTS

# %% [markdown]
# ### Exercise 7 - `precision_at_k`
#
# Checking labels costs a person's time, so what matters is how many of the first `k` suspects
# are really wrong. Return the **precision at k**: the fraction of the first `k` indices of
# `ranking` whose example is wrong according to `is_wrong`, a boolean array of shape $(m,)$
# indexed by example (not by rank).


# %% nbgrader={"grade_id": "precision_at_k", "solution": true}
# GRADED FUNCTION: precision_at_k
def precision_at_k(ranking, is_wrong, k):
    """Fraction of the first k examples of ranking whose label is wrong.

    Arguments:
    ranking -- int array (m,) of example indices, most suspect first
    is_wrong -- bool array (m,): is_wrong[i] tells whether example i's label is wrong
    k -- number of suspects checked

    Returns:
    precision -- float in [0, 1]
    """
    ### BEGIN SOLUTION
    precision = float(np.mean(np.asarray(is_wrong)[np.asarray(ranking)[:k]]))
    ### END SOLUTION
    return precision


# %% nbgrader={"grade_id": "test_precision_at_k", "points": 2}
_rk = np.array([4, 0, 3, 1, 2, 5])
_wr = np.array([True, False, False, False, True, False])
run_checks(
    "precision_at_k",
    lambda: check_scalar(precision_at_k(_rk, _wr, 2), 1.0, "precision_at_k(ranking, is_wrong, 2)",
                         hints=[(2 / 3, "k + 1 examples: the top k are ranking[:k]")]),
    lambda: check_scalar(precision_at_k(_rk, _wr, 4), 0.5, "precision_at_k(ranking, is_wrong, 4)"),
)
### BEGIN HIDDEN TESTS
_rng = np.random.default_rng(41)
_rk2 = _rng.permutation(50)
_wr2 = _rng.random(50) < 0.2
_wr2[_rk2[:3]] = True
for _k in (3, 7, 20):
    _exp_p = _wr2[_rk2[:_k]].mean()
    check_scalar(
        precision_at_k(_rk2, _wr2, _k),
        _exp_p,
        f"precision_at_k(ranking, is_wrong, {_k}) on 50 examples",
        hints=[
            (
                _wr2[_rk2[:_k]].sum() / _wr2.sum(),
                "divides by the number of wrong labels: that is the recall",
            ),
            (
                _wr2[:_k].mean(),
                "reads is_wrong at positions 0..k-1 instead of at the indices ranking[:k]",
            ),
            (_wr2[_rk2[: _k + 1]].mean(), "takes k + 1 suspects"),
            (_wr2[_rk2[-_k:]].mean(), "takes the last k of the ranking"),
        ],
    )
### END HIDDEN TESTS

# %% [markdown]
# Rank the 750 training pictures, check the first `n_flip` = 38 suspects against the planted
# flips, and look at the top of the list:

# %% tags=["demo"]
ranking = rank_suspect_labels(probs, Y_noisy)
precision = precision_at_k(ranking, is_flipped, n_flip)
print(
    f"precision at k = {n_flip}: {precision:.2f}  "
    f"(a random pick of 38 would find {100 * n_flip / len(Y_train):.0f} % flips)"
)
top = ranking[:16]
captions = [f"given {classes[Y_noisy[i]]}\n{'FLIPPED' if is_flipped[i] else 'ok'}" for i in top]
_ = montage(
    train_x_orig[train_idx][top],
    captions,
    ncols=8,
    title="The 16 most suspect training labels (given label; planted flip or not)",
)
plt.show()

# %% [markdown]
# About two fifths of the first 38 suspects are planted flips, eight times the 5 % a random
# pick would find: a person checking 38 pictures finds 16 wrong labels instead of 2. The
# other suspects are pictures the network finds hard, whatever their label.
#
# **Does cleaning pay?** Retrain on the noisy labels and on the noisy labels with the 38 top
# suspects removed, and compare the dev errors with that of the network trained on the clean
# labels.

# %% tags=["demo"]
keep = np.ones(len(Y_train), dtype=bool)
keep[ranking[:n_flip]] = False
noisy_model = make_model().fit(X_train, Y_noisy)
cleaned_model = make_model().fit(X_train[keep], Y_noisy[keep])
dev_err = {
    "clean labels": errors["dev"],
    "5 % flipped": error_rate(noisy_model, X_dev, Y_dev),
    "flipped, top 38 suspects removed": error_rate(cleaned_model, X_dev, Y_dev),
}
for name, value in dev_err.items():
    print(f"{name:>33}: dev error {100 * value:.1f} %, dev accuracy {100 * (1 - value):.1f} %")

# %% [markdown]
# The three dev errors lie within about a point of each other: 5 % of flipped labels barely
# hurt this network (its errors come from what it cannot see, not from its labels), and with
# 270 dev pictures a point is under three pictures, within the noise. Label cleaning pays when
# the labels are the bottleneck; here the error analysis of section 4 points elsewhere. (With
# more noise, or a model that fits its labels more closely, the flips cost more.)

# %% tags=["demo"]
assert 0.33 <= precision <= 0.5, f"precision at 38: {precision:.2f}"
_values = np.array(list(dev_err.values()))
assert _values.max() - _values.min() <= 0.025, "the three dev errors should lie within 2.5 points"
print("The stated figures hold.")

# %% [markdown]
# ## 6 - Summary
#
# - Compare each error with the one before it in the chain human → train → train-dev → dev →
#   test; the biggest gap names the problem (avoidable bias, variance, data mismatch, an
#   over-used dev set) and its remedy.
# - A learning curve shows whether more data of the same kind would help: a wide gap with a
#   falling dev curve says yes.
# - Error analysis counts what the errors have in common. A category's ceiling bounds what
#   fixing it can gain; a cheap fix may still gain nothing if it does not give the model what
#   it lacks.
# - Out-of-sample predictions rank the training labels worth checking; removing or fixing the
#   top suspects wins back part of what label noise costs.

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
# # Mismatched data, transfer and multi-task learning
#
# You are building a reader for **printed** digits (on forms, meters, price tags). You have
# only a few hundred printed digits, but thousands of **handwritten** ones (MNIST). This
# notebook uses both, the way the lectures of this week recommend, and measures at every step
# whether the idea helps:
#
# - `make_splits`: train / train-dev / dev / test from two distributions;
# - `mismatch_gaps` and the decision `main_problem`: which of bias, variance and data mismatch
#   to work on first;
# - `domain_auc`: how well a classifier tells the two domains apart (the ROC AUC);
# - `blur_digits`: artificial data synthesis, handwritten digits made to look printed;
# - transfer learning: a network pretrained on handwritten digits, fine-tuned on a few printed
#   ones, against one trained from scratch;
# - `multitask_loss_numpy` and `multitask_loss_tf`: a multi-task loss that ignores the labels
#   nobody wrote down.
#
# **How this notebook works**
#
# - Write your code between `# YOUR CODE HERE` and the `return` line of each exercise, and delete
#   the `raise NotImplementedError()` line. Do not rename the functions or change their arguments.
# - Each exercise is followed by a test cell. A line ending in "all public tests passed" means
#   the visible checks agree with your code. The grader runs more tests, so passing the public
#   tests is necessary, not sufficient.
# - Run the cells in order. If something behaves strangely, use *Kernel → Restart and run all*.
# - Only the exercise cells are graded: the grader runs the released notebook with your
#   exercise cells put in, so cells you add yourself do not run there. Keep every helper
#   function or import that your answer needs inside its exercise cell.

# %% [markdown]
# ## 1 - Packages
#
# NumPy, Matplotlib, and scikit-learn's small networks (`MLPClassifier`, one hidden layer,
# trained with L-BFGS in about a second) and logistic regression. TensorFlow is imported in
# section 7 only, where the multi-task loss needs it.

# %%
import copy
import os
import warnings

import matplotlib.pyplot as plt
import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression
from sklearn.neural_network import MLPClassifier

from dlcourse.data import load_digit_domains
from dlcourse.plots import montage
from dlcourse.testing import (
    CheckFailed,
    check_array,
    check_between,
    check_equal,
    check_keys,
    check_scalar,
    check_type,
    check_unchanged,
    run_checks,
)

np.set_printoptions(precision=4, suppress=True)


def fit_quietly(model, X, y):
    """model.fit(X, y) without the warning that the iteration budget ran out (our choice)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        return model.fit(X, y)


# %% [markdown]
# ## 2 - Two domains of digits
#
# - the **large domain**: 5,000 handwritten MNIST digits, 500 of each;
# - the **small domain**: 600 digits printed in 38 fonts and made to look like MNIST (white on
#   black, centred), 60 of each. It comes cut by **font family** into a train part (300),
#   a dev part (150) and a test part (150): no font of dev or test occurs in the train part,
#   so dev and test measure how the reader does on fonts it has never seen.
#
# The small domain is the one we care about: the application reads printed digits.

# %%
X_large, Y_large, X_small, Y_small, small_split = load_digit_domains()
n_large, n_small = len(X_large), len(X_small)
print("X_large", X_large.shape, " X_small", X_small.shape)
print({part: int(np.sum(small_split == part)) for part in ("train", "dev", "test")})

# %% tags=["demo"]
montage(X_large[:8], Y_large[0, :8], ncols=8, title="large domain: handwritten")
montage(X_small[:8], Y_small[0, :8], ncols=8, title="small domain: printed")
plt.show()

# %% [markdown]
# To keep every network down to a second of training, each picture is shrunk to 14×14 (the
# mean of each 2×2 block of pixels) and scaled to [0, 1]. As in scikit-learn, **one example
# per row**: `x_large` has shape (5000, 196), the transpose of the lectures' $X$.

# %%
def features(pictures):
    """Mean of 2x2 pixel blocks, flattened and scaled: shape (m, 196), values in [0, 1]."""
    m = len(pictures)
    blocks = np.asarray(pictures, float).reshape(m, 14, 2, 14, 2)
    return blocks.mean(axis=(2, 4)).reshape(m, -1) / 255


x_large, y_large = features(X_large), Y_large[0]
x_small, y_small = features(X_small), Y_small[0]
x_all, y_all = np.vstack([x_large, x_small]), np.concatenate([y_large, y_small])
print("x_all", x_all.shape, " y_all", y_all.shape)

# %% [markdown]
# ## 3 - Train, train-dev, dev and test from two distributions
#
# The lectures' rule: **dev and test come from the distribution you care about**, here the
# printed digits, because they set the target the team aims at. The large domain is not
# wasted: it goes into the training set, with the printed digits that are not needed for dev
# and test. The training set then comes from a *different* distribution from dev and test, so
# a gap between training and dev error mixes two causes: variance (the network does not
# generalize) and **data mismatch** (dev looks different). To tell them apart, keep aside a
# **train-dev** set: examples from the *training* distribution that the network does not train
# on.
#
# The examples are numbered as in `x_all`: the large domain first (`0 … n_large - 1`), then
# the small domain (`n_large + j` is small-domain picture `j`).
#
# **Exercise 1 - make_splits.** Return a dictionary with the keys `"train"`, `"train_dev"`,
# `"dev"`, `"test"`, each a 1-D integer array of indices into `x_all`:
#
# - the **training distribution** is every large-domain example plus the small-domain
#   examples whose `small_split` is `"train"`, in increasing order of index. Shuffle it with
#   `np.random.default_rng(seed).permutation(...)`; the first `train_dev_size` shuffled indices
#   are `"train_dev"`, the rest `"train"`;
# - `"dev"` and `"test"` are the small-domain examples whose `small_split` is `"dev"` or
#   `"test"` (any order).

# %% nbgrader={"grade_id": "make_splits", "solution": true}
# GRADED FUNCTION: make_splits
def make_splits(n_large, small_split, train_dev_size, seed=0):
    """Split the stacked examples (large domain first, then small) into four sets.

    Arguments:
    n_large -- number of large-domain examples (indices 0 ... n_large - 1)
    small_split -- array of str, shape (n_small,): "train", "dev" or "test" per small example
    train_dev_size -- number of training-distribution examples kept aside as train-dev
    seed -- seed of np.random.default_rng

    Returns:
    splits -- dict: "train", "train_dev", "dev", "test" -> 1-D integer arrays of indices
    """
    small_split = np.asarray(small_split)
    ### BEGIN SOLUTION
    small_index = n_large + np.arange(len(small_split))
    pool = np.concatenate([np.arange(n_large), small_index[small_split == "train"]])
    shuffled = np.random.default_rng(seed).permutation(pool)
    splits = {"train": shuffled[train_dev_size:], "train_dev": shuffled[:train_dev_size],
              "dev": small_index[small_split == "dev"],
              "test": small_index[small_split == "test"]}
    ### END SOLUTION
    return splits


# %% nbgrader={"grade_id": "test_make_splits", "points": 3}
def check_splits(splits, n_large, small_split, train_dev_size, seed, name):
    """The properties every correct make_splits has (the test cells' helper)."""
    small_split = np.asarray(small_split)
    check_type(splits, dict, name)
    check_keys(splits, ["train", "train_dev", "dev", "test"], name)
    small_index = n_large + np.arange(len(small_split))
    pool = np.concatenate([np.arange(n_large), small_index[small_split == "train"]])
    want = {"dev": small_index[small_split == "dev"], "test": small_index[small_split == "test"],
            "train_dev": np.random.default_rng(seed).permutation(pool)[:train_dev_size]}
    want["train"] = np.setdiff1d(pool, want["train_dev"])
    for key in ("train", "train_dev", "dev", "test"):
        got = np.asarray(splits[key])
        check_equal(got.ndim, 1, f"{name}['{key}'].ndim")
        n_small_train = int((small_split == "train").sum())
        check_equal(len(got), len(want[key]), f"len({name}['{key}'])",
                    hints=[(len(pool), "train is the training distribution minus train-dev?")]
                    + ([(len(want[key]) - n_small_train,
                         "the small domain's 'train' examples left out: the training "
                         "distribution is every large example plus the small 'train' ones")]
                       if key == "train" and n_small_train else []))
    everything = np.concatenate([np.asarray(splits[k]) for k in splits])
    if len(np.unique(everything)) != len(everything):
        raise CheckFailed(f"the four sets of {name} overlap: an example is in two of them")
    for key in ("dev", "test"):
        if not set(np.asarray(splits[key]).tolist()) == set(want[key].tolist()):
            raise CheckFailed(f"{name}['{key}'] is not the small-domain '{key}' part"
                              + ("\n  likely cause: dev and test swapped?"
                                 if set(np.asarray(splits[key]).tolist())
                                 == set(want["test" if key == "dev" else "dev"].tolist()) else ""))
    if not set(np.asarray(splits["train_dev"]).tolist()) == set(want["train_dev"].tolist()):
        raise CheckFailed(f"{name}['train_dev'] is not the first {train_dev_size} of "
                          "np.random.default_rng(seed).permutation(pool), pool = all large "
                          "examples + small 'train' examples in increasing order")


_splits_small = make_splits(6, ["dev", "train", "test", "train", "dev", "test", "train"], 3, 0)
print("make_splits(6, [...], 3, 0) =", _splits_small)
run_checks(
    "make_splits",
    lambda: check_splits(_splits_small, 6, ["dev", "train", "test", "train", "dev", "test",
                                            "train"], 3, 0, "make_splits(6, [...], 3, 0)"),
    lambda: check_splits(make_splits(n_large, small_split, 500, seed=1), n_large, small_split,
                         500, 1, "make_splits(n_large, small_split, 500, seed=1)"),
)
### BEGIN HIDDEN TESTS
def _hidden_make_splits():
    _rng = np.random.default_rng(7)
    for _n, _m, _td, _seed in ((0, 12, 2, 3), (40, 30, 10, 5), (200, 90, 0, 11)):
        _parts = _rng.choice(np.array(["train", "dev", "test"]), size=_m)
        _copy = _parts.copy()
        _got = make_splits(_n, _parts, _td, seed=_seed)
        check_unchanged(_copy, _parts, "small_split")
        check_splits(_got, _n, _parts, _td, _seed,
                     f"make_splits with n_large = {_n}, {_m} small examples, "
                     f"train_dev_size = {_td}, seed = {_seed}")


_hidden_make_splits()
### END HIDDEN TESTS

# %% [markdown]
# The four sets of this notebook: 500 train-dev examples.

# %%
splits = make_splits(n_large, small_split, train_dev_size=500, seed=0)
for key in ("train", "train_dev", "dev", "test"):
    n_printed = int(np.sum(splits[key] >= n_large))
    print(f"{key:9s}: {len(splits[key]):5d} examples, {n_printed:3d} printed")

# %% [markdown]
# ## 4 - Measuring data mismatch
#
# A network with one hidden layer of 32 ReLU units and L2 regularization (`alpha` is the λ
# of course 2), trained on `train` (L-BFGS, 100 iterations, seed 0). Its error on each set:

# %%
def error(model, x, y):
    """Fraction of misclassified examples."""
    return float(np.mean(model.predict(x) != y))


net = fit_quietly(MLPClassifier((32,), solver="lbfgs", max_iter=100, alpha=1.0,
                                random_state=0), x_all[splits["train"]], y_all[splits["train"]])
train_error = error(net, x_all[splits["train"]], y_all[splits["train"]])
train_dev_error = error(net, x_all[splits["train_dev"]], y_all[splits["train_dev"]])
dev_error = error(net, x_all[splits["dev"]], y_all[splits["dev"]])
human_error = 0.01
print(f"human {human_error:.3f}  train {train_error:.3f}  train-dev {train_dev_error:.3f}  "
      f"dev {dev_error:.3f}")
check_between(train_error, 0.0, 0.03, "train_error", "the reference reaches 0.005")
check_between(train_dev_error, 0.035, 0.10, "train_dev_error", "the reference reaches 0.066")
check_between(dev_error, 0.07, 0.16, "dev_error", "the reference reaches 0.113")

# %% [markdown]
# A person reads these digits with about 1 % error: that is our estimate of Bayes error. The
# lectures read the four errors as three gaps:
#
# | gap | between | says |
# |---|---|---|
# | avoidable bias | human and train error | the network does not fit its training set well enough |
# | variance | train and train-dev error | it does not generalize to unseen examples |
# | data mismatch | train-dev and dev error | the target distribution is harder, or different |
#
# **Exercise 2 - mismatch_gaps.** Return a dictionary with the keys `"avoidable_bias"`,
# `"variance"` and `"data_mismatch"`, each the difference of two of the four errors (a
# later error minus an earlier one; a gap can be negative).

# %% nbgrader={"grade_id": "mismatch_gaps", "solution": true}
# GRADED FUNCTION: mismatch_gaps
def mismatch_gaps(human_error, train_error, train_dev_error, dev_error):
    """The three gaps between the four errors.

    Returns:
    gaps -- dict with the keys "avoidable_bias", "variance", "data_mismatch" (floats)
    """
    ### BEGIN SOLUTION
    gaps = {"avoidable_bias": train_error - human_error,
            "variance": train_dev_error - train_error,
            "data_mismatch": dev_error - train_dev_error}
    ### END SOLUTION
    return gaps


# %% nbgrader={"grade_id": "test_mismatch_gaps", "points": 2}
# Hand-made: human 0.02, train 0.05, train-dev 0.06, dev 0.15.
_gaps = mismatch_gaps(0.02, 0.05, 0.06, 0.15)
print(_gaps)
run_checks(
    "mismatch_gaps",
    lambda: check_keys(_gaps, ["avoidable_bias", "variance", "data_mismatch"], "the gaps"),
    lambda: check_scalar(_gaps["avoidable_bias"], 0.03, "gaps['avoidable_bias']",
                         hints=[(0.05, "avoidable bias is train error minus human error?")]),
    lambda: check_scalar(_gaps["variance"], 0.01, "gaps['variance']",
                         hints=[(0.10, "variance compares train with train-dev, not dev?")]),
    lambda: check_scalar(_gaps["data_mismatch"], 0.09, "gaps['data_mismatch']",
                         hints=[(0.10, "data mismatch compares train-dev with dev, not train?")]),
)
### BEGIN HIDDEN TESTS
def _hidden_mismatch_gaps():
    _rng = np.random.default_rng(3)
    for _ in range(4):
        _h, _t, _td, _d = np.sort(_rng.uniform(0, 0.4, 4))[[0, 1, 3, 2]]
        _got = mismatch_gaps(_h, _t, _td, _d)
        _name = f"mismatch_gaps({_h:.4f}, {_t:.4f}, {_td:.4f}, {_d:.4f})"
        check_keys(_got, ["avoidable_bias", "variance", "data_mismatch"], _name)
        check_scalar(_got["avoidable_bias"], _t - _h, f"{_name}['avoidable_bias']",
                     hints=[(_t, "avoidable bias is train error minus human error?")])
        check_scalar(_got["variance"], _td - _t, f"{_name}['variance']",
                     hints=[(_d - _t, "variance compares train with train-dev, not dev?")])
        check_scalar(_got["data_mismatch"], _d - _td, f"{_name}['data_mismatch']",
                     hints=[(_d - _t, "data mismatch compares train-dev with dev, not train?")])


_hidden_mismatch_gaps()
### END HIDDEN TESTS

# %% [markdown]
# **Exercise 3 - main_problem (a decision).** Compute the gaps of *our* network (the four
# errors above) and set `main_problem` to the name of the gap to work on first: the largest
# one, one of `"avoidable_bias"`, `"variance"`, `"data_mismatch"`.

# %% nbgrader={"grade_id": "main_problem", "solution": true}
# main_problem = "..."
### BEGIN SOLUTION
_ours = mismatch_gaps(human_error, train_error, train_dev_error, dev_error)
main_problem = max(_ours, key=_ours.get)
### END SOLUTION
print("main problem:", main_problem)

# %% nbgrader={"grade_id": "test_main_problem", "points": 1}
_measured = {"avoidable_bias": train_error - human_error,
             "variance": train_dev_error - train_error,
             "data_mismatch": dev_error - train_dev_error}
run_checks(
    "main_problem",
    lambda: check_type(main_problem, str, "main_problem"),
    lambda: check_equal(main_problem in _measured, True,
                        "main_problem is one of 'avoidable_bias', 'variance', 'data_mismatch'"),
    lambda: check_equal(main_problem, max(_measured, key=_measured.get), "main_problem",
                        hints=[(min(_measured, key=_measured.get),
                                "the largest gap, not the smallest?")]),
)
### BEGIN HIDDEN TESTS
_order = sorted([(train_error - human_error, "avoidable_bias"),
                 (train_dev_error - train_error, "variance"),
                 (dev_error - train_dev_error, "data_mismatch")])
_ = check_equal(main_problem, _order[-1][1], "main_problem (the largest of the measured gaps)",
                hints=[(_order[0][1], "the largest gap, not the smallest?"),
                       (_order[1][1], "the largest gap, not the second?")])
### END HIDDEN TESTS

# %%
gaps_measured = mismatch_gaps(human_error, train_error, train_dev_error, dev_error)
print({key: round(value, 3) for key, value in gaps_measured.items()})
check_between(gaps_measured["variance"], 0.03, 0.09, "the variance gap", "the reference: 0.061")
check_between(gaps_measured["data_mismatch"], 0.02, 0.09, "the data-mismatch gap",
              "the reference: 0.047")

# %% [markdown]
# The network fits its training set (train error about 0.005: no avoidable bias). Variance
# (about 0.06) comes first, data mismatch (about 0.05) close behind: the printed digits of
# new fonts cost 5 more points of error than unseen examples of the training distribution.
# Variance has the remedies of course 2 (regularization, more data). Data mismatch does not
# shrink with more handwritten data; the next sections measure it in another way and try two
# of the lectures' remedies.
#
# ## 5 - Can a classifier tell the domains apart?
#
# If the two distributions were the same, no classifier could tell a training example from
# a dev example. Train one that tries (logistic regression, "is this picture from the target
# domain?") and measure how well it separates them on examples it has not seen. The measure is
# the **area under the ROC curve (AUC)**: the probability that a randomly chosen target example
# gets a higher score than a randomly chosen other example, a tie counting one half:
#
# $$\mathrm{AUC} = \frac{1}{n_+ n_-}\sum_{i:\,t_i=1}\ \sum_{j:\,t_j=0}
#   \Big(\mathbb{1}[s_i > s_j] + \tfrac12\,\mathbb{1}[s_i = s_j]\Big)$$
#
# 0.5 means the domains cannot be told apart; 1 means perfectly separated.
#
# **Exercise 4 - domain_auc.** `scores` and `is_target` are 1-D arrays of length $m$
# (`is_target` holds 0/1 or booleans, with at least one of each). Compute the AUC from the
# formula (NumPy broadcasting compares every pair at once); do not use scikit-learn.

# %% nbgrader={"grade_id": "domain_auc", "solution": true}
# GRADED FUNCTION: domain_auc
def domain_auc(scores, is_target):
    """ROC AUC of scores for telling target (1) from non-target (0) examples, ties = 1/2."""
    scores, is_target = np.ravel(scores), np.ravel(is_target).astype(bool)
    ### BEGIN SOLUTION
    pos, neg = scores[is_target], scores[~is_target]
    diff = pos[:, None] - neg[None, :]
    auc = float(np.mean((diff > 0) + 0.5 * (diff == 0)))
    ### END SOLUTION
    return auc


# %% nbgrader={"grade_id": "test_domain_auc", "points": 3}
# Hand count: target scores 0.9, 0.4, 0.4; others 0.4, 0.1. Pairs: 0.9 beats both (2),
# 0.4 ties 0.4 (1/2) and beats 0.1 (1), twice: (2 + 1.5 + 1.5) / 6 = 5/6.
_auc = domain_auc(np.array([0.9, 0.4, 0.1, 0.4, 0.4]), np.array([1, 1, 0, 0, 1]))
print("AUC of the hand example:", _auc)
run_checks(
    "domain_auc",
    lambda: check_scalar(_auc, 5 / 6, "domain_auc of the hand example",
                         hints=[(4 / 6, "a tie counts one half, not 0?"),
                                (1.0, "a tie counts one half, not 1?"),
                                (1 / 6, "target and non-target swapped?"),
                                (49 / 60, "0.5 + the difference of the mean scores: the AUC "
                                          "compares every target with every non-target")]),
    lambda: check_scalar(domain_auc([0.5, 0.5], [1, 0]), 0.5,
                         "domain_auc([0.5, 0.5], [1, 0]) (one tie)",
                         hints=[(0.0, "a tie counts one half, not 0 (or ranks without ties)?"),
                                (1.0, "a tie counts one half, not 1?")]),
    lambda: check_scalar(domain_auc([3, 1, 2], [True, False, True]), 1.0,
                         "domain_auc([3, 1, 2], [True, False, True])",
                         hints=[(0.0, "target and non-target swapped?")]),
)
### BEGIN HIDDEN TESTS
def _hidden_domain_auc():
    from sklearn.metrics import roc_auc_score
    _rng = np.random.default_rng(5)
    for _m, _levels in ((40, 4), (101, 1000), (300, 7)):
        _t = _rng.random(_m) < 0.3
        _t[:2] = [True, False]
        _s = _rng.integers(0, _levels, _m) / _levels
        _s = _s + 0.2 * _t * (_rng.random(_m) < 0.5) / _levels
        _s_copy = _s.copy()
        _want = roc_auc_score(_t, _s)
        _pos, _neg = _s[_t], _s[~_t]
        _no_ties = float(np.mean(_pos[:, None] > _neg[None, :]))
        _ge = float(np.mean(_pos[:, None] >= _neg[None, :]))
        _got = domain_auc(_s, _t.astype(int))
        check_scalar(_got, _want, f"domain_auc for {_m} scores on {_levels} levels (with ties)",
                     rtol=1e-9, hints=[(_no_ties, "a tie counts one half, not 0?"),
                                       (_ge, "a tie counts one half, not 1?"),
                                       (1 - _want, "target and non-target swapped?")])
        check_unchanged(_s_copy, _s, "scores")


_hidden_domain_auc()
### END HIDDEN TESTS

# %% [markdown]
# The domain classifier trains on 300 handwritten and the 300 printed training pictures, and
# is scored on 300 other handwritten and the 300 printed dev and test pictures. As a control,
# the same classifier tries to tell two random halves of the handwritten digits apart.

# %%
def domain_classifier_auc(x_other, x_target, x_other_eval, x_target_eval):
    """Train logistic regression to tell target from other; its AUC on the evaluation sets."""
    x_fit, x_eval = np.vstack([x_other, x_target]), np.vstack([x_other_eval, x_target_eval])
    t_fit = np.r_[np.zeros(len(x_other)), np.ones(len(x_target))]
    t_eval = np.r_[np.zeros(len(x_other_eval)), np.ones(len(x_target_eval))]
    clf = LogisticRegression(max_iter=300).fit(x_fit, t_fit)
    return domain_auc(clf.predict_proba(x_eval)[:, 1], t_eval)


_shuffled = np.random.default_rng(0).permutation(n_large)
large_part = [x_large[_shuffled[i * 300:(i + 1) * 300]] for i in range(4)]
mismatch_auc = domain_classifier_auc(large_part[0], x_small[small_split == "train"],
                                     large_part[1], x_small[small_split != "train"])
control_auc = domain_classifier_auc(large_part[0], large_part[2], large_part[1], large_part[3])
print(f"AUC handwritten vs printed: {mismatch_auc:.3f}   two halves of handwritten: "
      f"{control_auc:.3f}")
check_between(mismatch_auc, 0.90, 1.0, "mismatch_auc", "the reference: 0.962")
check_between(control_auc, 0.40, 0.60, "control_auc", "the reference: 0.497")

# %% [markdown]
# A linear classifier tells printed from handwritten digits with an AUC of about 0.96, while
# it cannot tell two halves of the same domain apart (about 0.50, chance). The mismatch is
# real, and a classifier like this one is a cheap test to run on any new data source.
#
# ## 6 - Artificial data synthesis
#
# Error analysis of the dev errors would show that printed strokes are smoother and more
# blurred than pen strokes. The lectures' remedy: make the training data **more similar** to
# the target, e.g. by synthesizing it. Here: blur every handwritten digit a little.
#
# **Exercise 5 - blur_digits.** `X` has shape (m, h, w) (any numbers, not only uint8). For each
# picture, compute
#
# $$B[i, j] = \sum_{a=-1}^{1}\sum_{b=-1}^{1} K[a, b]\; X[i + a, j + b],
#   \qquad K = \frac{1}{16}\begin{pmatrix}1&2&1\\2&4&2\\1&2&1\end{pmatrix}$$
#
# where pixels outside the picture count as 0, then rescale the picture so that its largest
# value is 255 (`255 * B / max(B)`, each picture by its own maximum; a picture that is all 0
# stays 0). Return a float array of the shape of `X`. Use NumPy only (no loop over pictures).

# %% nbgrader={"grade_id": "blur_digits", "solution": true}
# GRADED FUNCTION: blur_digits
def blur_digits(X):
    """Blur each picture with the 3x3 kernel [[1,2,1],[2,4,2],[1,2,1]] / 16, then rescale to 255.

    Arguments:
    X -- array of shape (m, h, w)

    Returns:
    B -- float array of shape (m, h, w), each picture's maximum 255 (or all 0)
    """
    X = np.asarray(X, dtype=float)
    ### BEGIN SOLUTION
    h, w = X.shape[1], X.shape[2]
    padded = np.pad(X, ((0, 0), (1, 1), (1, 1)))
    K = np.array([[1, 2, 1], [2, 4, 2], [1, 2, 1]]) / 16
    B = np.zeros_like(X)
    for a in range(3):
        for b in range(3):
            B += K[a, b] * padded[:, a:a + h, b:b + w]
    peak = B.max(axis=(1, 2), keepdims=True)
    B = np.where(peak > 0, 255 * B / np.where(peak > 0, peak, 1), 0.0)
    ### END SOLUTION
    return B


# %% nbgrader={"grade_id": "test_blur_digits", "points": 3}
# One bright pixel in the corner of a 3x4 picture: the kernel's lower-right 2x2 corner
# (4, 2, 2, 1)/16 remains, rescaled to 255 at the peak.
_dot = np.zeros((1, 3, 4))
_dot[0, 0, 0] = 8
_blurred = blur_digits(_dot)
print(_blurred)
run_checks(
    "blur_digits",
    lambda: check_array(_blurred, [[[255, 127.5, 0, 0], [127.5, 63.75, 0, 0], [0, 0, 0, 0]]],
                        "blur_digits of a corner dot",
                        hints=[([[[255, 127.5, 0, 127.5], [127.5, 63.75, 0, 63.75],
                                  [127.5, 63.75, 0, 63.75]]],
                                "the picture wraps around (np.roll): outside pixels count 0?"),
                               ([[[255, 255, 0, 0], [255, 255, 0, 0], [0, 0, 0, 0]]],
                                "the kernel weights 1 2 1 / 2 4 2 / 1 2 1, not a box?"),
                               ([[[255, 0, 0, 0], [127.5, 0, 0, 0], [0, 0, 0, 0]]],
                                "blurred along one axis only: the padding and the window "
                                "cover both the rows and the columns")]),
    lambda: check_array(blur_digits(np.zeros((2, 3, 3))), np.zeros((2, 3, 3)),
                        "blur_digits of blank pictures"),
    lambda: check_array(blur_digits(np.stack([_dot[0], 3 * _dot[0]]))[0],
                        _blurred[0], "the first of two pictures (each by its own maximum)"),
)
### BEGIN HIDDEN TESTS
def _hidden_blur_digits():
    from scipy.ndimage import convolve
    _rng = np.random.default_rng(9)
    _K = np.array([[1, 2, 1], [2, 4, 2], [1, 2, 1]]) / 16
    for _shape in ((3, 5, 7), (2, 28, 28), (4, 6, 4)):
        _X = _rng.integers(0, 256, _shape).astype(np.uint8)
        _X[0] = _X[0] // 8
        _copy = _X.copy()
        _raw = np.stack([convolve(_x.astype(float), _K, mode="constant") for _x in _X])
        _want = 255 * _raw / _raw.max(axis=(1, 2), keepdims=True)
        _box = np.stack([convolve(_x.astype(float), np.ones((3, 3)), mode="constant")
                         for _x in _X])
        _wrap = np.stack([convolve(_x.astype(float), _K, mode="wrap") for _x in _X])
        _got = blur_digits(_X)
        _name = f"blur_digits of random uint8 pictures of shape {_shape}"
        check_array(_got, _want, _name, rtol=1e-9, atol=1e-9,
                    hints=[(255 * _box / _box.max(axis=(1, 2), keepdims=True),
                            "the kernel weights 1 2 1 / 2 4 2 / 1 2 1, not a box?"),
                           (255 * _wrap / _wrap.max(axis=(1, 2), keepdims=True),
                            "the picture wraps around: outside pixels count 0?"),
                           (255 * _raw / _raw.max(), "each picture by its own maximum?"),
                           (_raw, "rescale so that the maximum is 255?")])
        check_unchanged(_copy, _X, "X")


_hidden_blur_digits()
### END HIDDEN TESTS

# %% [markdown]
# Five blurred handwritten digits above five printed ones:

# %% tags=["demo"]
montage(np.concatenate([blur_digits(X_large[:5]), X_small[:5]]), ncols=5,
        title="blurred handwritten (top), printed (bottom)")
plt.show()

# %% [markdown]
# Does it help? Two measurements. First, the domain classifier of section 5 again, now
# telling *blurred* handwritten digits from printed ones: if the synthesis works, its AUC
# drops towards 0.5. Second, the same network trained (L-BFGS, 50 iterations) on the 5,000
# handwritten digits, once as they are and once blurred, measured on the printed dev set (no
# printed digit in training, so that the effect is not hidden by them).

# %%
x_blurred = features(blur_digits(X_large))
blurred_auc = domain_classifier_auc(x_blurred[_shuffled[:300]], x_small[small_split == "train"],
                                    x_blurred[_shuffled[300:600]],
                                    x_small[small_split != "train"])
print(f"AUC blurred handwritten vs printed: {blurred_auc:.3f} (original: {mismatch_auc:.3f})")
x_dev, y_dev = x_all[splits["dev"]], y_all[splits["dev"]]
trained_on = {}
for name, x_train_large in (("original", x_large), ("blurred", x_blurred)):
    trained_on[name] = fit_quietly(MLPClassifier((32,), solver="lbfgs", max_iter=50, alpha=1.0,
                                                 random_state=0), x_train_large, y_large)
    print(f"trained on {name:8s} handwritten digits: dev error "
          f"{error(trained_on[name], x_dev, y_dev):.3f}")
synthesis_gain = error(trained_on["original"], x_dev, y_dev) - error(trained_on["blurred"],
                                                                     x_dev, y_dev)
check_between(blurred_auc, 0.93, 1.0, "blurred_auc", "the reference: 0.979")
check_between(synthesis_gain, -0.06, 0.06, "dev error (original) - dev error (blurred)",
              "the reference: 0.327 - 0.313 = 0.013")

# %% [markdown]
# **It does not help, honestly measured.** The domain classifier tells blurred handwriting
# from print even better (AUC about 0.98 against 0.96), and the dev error barely moves (0.327
# → 0.313 here; with other seeds of the network the difference was +0.05 and −0.03: noise).
# Blur was a guess; what really separates the domains is the *shape* of the strokes
# (straight lines, constant width, serifs), which blurring does not create. This is the
# lectures' warning about synthesis: a transform that looks right to you may cover only a
# small part of what separates the domains, and only a measurement tells. Error analysis of
# the dev errors, then a synthesis aimed at what it finds (rendering handwriting-like digits
# in fonts, or printed digits with pen-like jitter), would be the next step.
#
# ## 7 - Transfer learning
#
# Another way to use the handwritten digits: **pretrain** a network on them, then
# **fine-tune** it on the few printed digits, starting from the pretrained weights with a
# small learning rate. The hidden layer has learned strokes and shapes that printed digits
# share. The pretrained network is the one just trained on the original handwritten digits
# (dev error about 0.33 on printed digits without any fine-tuning). We compare with the same
# network trained **from scratch** on the printed digits only, with $k$ = 1, 2, 5, 10 and 30
# printed digits of each class (the first $k$ of each class in the train part).
#
# `fine_tune` continues training a copy with Adam (learning rate 0.001, mini-batches of 10,
# 30 epochs); in scikit-learn, `warm_start=True` keeps the current weights, and three
# bookkeeping attributes that the L-BFGS run did not create are reset.

# %%
def fine_tune(model, x, y, epochs=30):
    """A copy of model trained further on (x, y) with Adam, starting from its weights."""
    tuned = copy.deepcopy(model).set_params(solver="adam", warm_start=True, max_iter=epochs,
                                            learning_rate_init=1e-3, batch_size=10,
                                            alpha=1e-3, n_iter_no_change=epochs)
    tuned.loss_curve_, tuned.best_loss_, tuned._no_improvement_count = [], np.inf, 0
    return fit_quietly(tuned, x, y)


pretrained = trained_on["original"]
train_small = np.flatnonzero(small_split == "train")
sizes, transfer_error, scratch_error = [], [], []
for k in (1, 2, 5, 10, 30):
    chosen = np.concatenate([train_small[y_small[train_small] == d][:k] for d in range(10)])
    fine_tuned = fine_tune(pretrained, x_small[chosen], y_small[chosen])
    scratch = fit_quietly(MLPClassifier((32,), solver="lbfgs", max_iter=200, alpha=1.0,
                                        random_state=0), x_small[chosen], y_small[chosen])
    sizes.append(len(chosen))
    transfer_error.append(error(fine_tuned, x_dev, y_dev))
    scratch_error.append(error(scratch, x_dev, y_dev))
    print(f"{len(chosen):4d} printed digits: dev error transfer {transfer_error[-1]:.3f}, "
          f"from scratch {scratch_error[-1]:.3f}")

# %% tags=["demo"]
plt.figure(figsize=(5, 3.5))
plt.plot(sizes, transfer_error, "o-", label="pretrained on handwritten, fine-tuned")
plt.plot(sizes, scratch_error, "s--", label="trained from scratch")
plt.xscale("log")
plt.xlabel("printed training digits")
plt.ylabel("dev error (printed digits)")
plt.title("Transfer learning against training from scratch")
plt.legend()
plt.show()

# %%
check_between(scratch_error[0] - transfer_error[0], 0.15, 0.5,
              "scratch - transfer dev error with 10 printed digits", "the reference: 0.31")
check_between(scratch_error[1] - transfer_error[1], 0.0, 0.3,
              "scratch - transfer dev error with 20 printed digits", "the reference: 0.07")
check_between(transfer_error[-1] - scratch_error[-1], 0.0, 0.2,
              "transfer - scratch dev error with 300 printed digits", "the reference: 0.08")

# %% [markdown]
# With 10 printed digits (one per class), the pretrained network fine-tuned reaches a dev
# error of about 0.34, where a network trained from scratch stays at about 0.65; with 20,
# 0.29 against 0.36. From 50 printed digits on, training from scratch wins (0.03 against
# 0.11 with all 300): printed digits are easy to learn once there are enough of them, and the
# handwritten starting point, fine-tuned briefly, still carries its habits. That is the
# lectures' rule: transfer from A to B makes sense when A has much more data than B, and
# low-level features of A help B. With enough data of B, train on B.
#
# ## 8 - Multi-task learning with missing labels
#
# In multi-task learning one network answers several questions at once, e.g. for a picture
# of a street: is there a pedestrian? a car? a stop sign? a traffic light? The output layer
# has one sigmoid unit per task, $\hat{Y}$ of shape $(n_{\text{tasks}}, m)$, and the loss sums
# the logistic losses of every task. Labelling is expensive, so often some labels are
# missing: somebody marked the pedestrians and cars of a picture but not its traffic lights.
# The loss then sums over the **observed** labels only. Here a missing label is written
# **-1**, and the loss is the mean over the observed entries $O = \{(j, i) : Y_{ji} \ne -1\}$:
#
# $$\mathcal{J} = \frac{1}{|O|}\sum_{(j, i) \in O} -\Big(Y_{ji}\log \hat{Y}_{ji}
#   + (1 - Y_{ji})\log\big(1 - \hat{Y}_{ji}\big)\Big)$$
#
# with $\hat{Y}$ clipped to $[\varepsilon, 1 - \varepsilon]$, $\varepsilon = 10^{-7}$, before
# the logarithms, so that a confident wrong answer costs a large but finite amount. (Two
# mistakes to avoid: dividing by the number of *all* entries, which makes a picture with many
# missing labels count less, and treating a missing label as 0, which teaches the network
# that every unlabelled traffic light is absent.)
#
# **Exercise 6 - multitask_loss_numpy.** `Y_hat` and `Y` have shape $(n_{\text{tasks}}, m)$;
# `Y` holds 0, 1 and -1 (at least one entry is observed). Return $\mathcal{J}$ as a float.

# %% nbgrader={"grade_id": "multitask_loss_numpy", "solution": true}
# GRADED FUNCTION: multitask_loss_numpy
EPSILON = 1e-7


def multitask_loss_numpy(Y_hat, Y):
    """Mean logistic loss over the observed labels (Y != -1), Y_hat clipped to [eps, 1 - eps]."""
    Y_hat, Y = np.asarray(Y_hat, dtype=float), np.asarray(Y, dtype=float)
    ### BEGIN SOLUTION
    observed = Y != -1
    P = np.clip(Y_hat, EPSILON, 1 - EPSILON)
    losses = -(Y * np.log(P) + (1 - Y) * np.log(1 - P))
    loss = float(np.sum(losses[observed]) / np.sum(observed))
    ### END SOLUTION
    return loss


# %% nbgrader={"grade_id": "test_multitask_loss_numpy", "points": 3}
# Two tasks, three examples; the -1 entry is ignored. Observed losses: -log 0.8 (twice),
# -log 0.5, -log(1e-7) (1.0 clipped), -log 0.9: mean
# (2 * 0.22314 + 0.69315 + 16.11810 + 0.10536) / 5 = 3.47258.
Y_hat_in = np.array([[0.8, 0.5, 0.3], [0.2, 1.0, 0.9]])
Y_in = np.array([[1, 1, -1], [0, 0, 1]])
MT_HINTS = [(2.9532609, "a missing label (-1) is ignored, not treated as 0?"),
            (2.9113752, "one mean over all observed entries, not a mean per example?"),
            (2.9701726, "one mean over all observed entries, not a mean per task?")]
MT_FACTORS = {"number of entries / number observed": 6 / 5, "the number of observed labels": 5}
_loss = multitask_loss_numpy(Y_hat_in, Y_in)
print("multitask_loss_numpy(Y_hat_in, Y_in) =", _loss)
run_checks(
    "multitask_loss_numpy",
    lambda: check_type(_loss, float, "multitask_loss_numpy(Y_hat_in, Y_in)"),
    lambda: check_scalar(_loss, 3.4725781, "multitask_loss_numpy(Y_hat_in, Y_in)", rtol=1e-6,
                         factors=MT_FACTORS, hints=MT_HINTS),
)
### BEGIN HIDDEN TESTS
def _hidden_multitask_loss_numpy():
    _rng = np.random.default_rng(11)
    for _n, _m in ((4, 7), (3, 50), (1, 9)):
        _Yh = _rng.uniform(0.01, 0.99, (_n, _m))
        _Y = _rng.integers(0, 2, (_n, _m)).astype(float)
        _miss = _rng.random((_n, _m)) < 0.4
        _miss[0, :3] = [True, True, False]
        _miss[:, 1] = True
        _Y[_miss] = -1
        _Yh[0, 0] = 0.0
        _Y_copy, _Yh_copy = _Y.copy(), _Yh.copy()
        _P = np.clip(_Yh, 1e-7, 1 - 1e-7)
        _terms = []
        for _j in range(_n):
            for _i in range(_m):
                if _Y[_j, _i] != -1:
                    _y = _Y[_j, _i]
                    _terms.append(-(_y * np.log(_P[_j, _i]) + (1 - _y) * np.log(1 - _P[_j, _i])))
        _want = float(np.mean(_terms))
        _L = np.where(_Y == -1, 0.0, -(_Y * np.log(_P) + (1 - _Y) * np.log(1 - _P)))
        _as_zero = float(np.mean(-np.log(1 - _P) * _miss + _L * ~_miss))
        _per_ex = float(np.mean(_L.sum(axis=0)[(~_miss).any(axis=0)]
                                / (~_miss).sum(axis=0)[(~_miss).any(axis=0)]))
        _name = f"multitask_loss_numpy for {_n} tasks, {_m} examples, some labels -1"
        check_scalar(multitask_loss_numpy(_Yh, _Y), _want, _name, rtol=1e-7,
                     factors={"entries / observed": _Y.size / np.sum(~_miss),
                              "the number of observed labels": float(np.sum(~_miss))},
                     hints=[(float(np.mean(_L)), "divide by the number of observed labels, "
                             "not of all entries?"),
                            (_as_zero, "a missing label (-1) is ignored, not treated as 0?"),
                            (_per_ex, "one mean over all observed entries, not a mean of "
                                      "per-example means (wrong axis)?")])
        check_unchanged(_Y_copy, _Y, "Y")
        check_unchanged(_Yh_copy, _Yh, "Y_hat")


_hidden_multitask_loss_numpy()
### END HIDDEN TESTS

# %% [markdown]
# **Exercise 7 - multitask_loss_tf.** The same loss in TensorFlow, usable as a Keras loss:
# `model.compile(loss=multitask_loss_tf)`. Keras passes `y_true` and `y_pred` with **one
# example per row**, shape $(m, n_{\text{tasks}})$ (the transpose of the lectures' layout; the
# loss is the same mean over observed entries), and compiles the loss into a graph with
# `tf.function`. Inside a graph the tensors have no values yet, so NumPy functions
# (`np.log`, `np.sum`, `.numpy()`) fail: use `tf.…` operations only (`tf.cast`,
# `tf.clip_by_value`, `tf.math.log`, `tf.reduce_sum`, `tf.not_equal`, `tf.where`). Return a
# scalar tensor of the dtype of `y_pred`.

# %%
os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"
import tensorflow as tf  # noqa: E402


# %% nbgrader={"grade_id": "multitask_loss_tf", "solution": true}
# GRADED FUNCTION: multitask_loss_tf
def multitask_loss_tf(y_true, y_pred):
    """Mean logistic loss over the observed labels (y_true != -1); shape (m, n_tasks) each."""
    y_pred = tf.convert_to_tensor(y_pred)
    y_true = tf.cast(y_true, y_pred.dtype)
    ### BEGIN SOLUTION
    observed = tf.cast(tf.not_equal(y_true, -1.0), y_pred.dtype)
    p = tf.clip_by_value(y_pred, EPSILON, 1 - EPSILON)
    losses = -(y_true * tf.math.log(p) + (1 - y_true) * tf.math.log(1 - p))
    loss = tf.reduce_sum(losses * observed) / tf.reduce_sum(observed)
    ### END SOLUTION
    return loss


# %% nbgrader={"grade_id": "test_multitask_loss_tf", "points": 3}
# The example of exercise 6, one example per row, through tf.function as Keras calls it.
# In float64: in float32, 1 - 1e-7 rounds to 0.99999988 and the clipped loss changes a little.
_graph_loss = tf.function(multitask_loss_tf)
_loss_tf = _graph_loss(tf.constant(Y_in.T, tf.float64), tf.constant(Y_hat_in.T, tf.float64))
print("multitask_loss_tf (in a tf.function):", float(_loss_tf))
run_checks(
    "multitask_loss_tf",
    lambda: check_equal(tf.is_tensor(_loss_tf), True, "tf.is_tensor(loss)"),
    lambda: check_equal(_loss_tf.shape.rank, 0, "the rank of the loss (a scalar)"),
    lambda: check_equal(_loss_tf.dtype == tf.float64, True,
                        "the loss has the dtype of y_pred (float64 here)",
                        hints=[(False, f"a loss of dtype {_loss_tf.dtype.name}: a cast to "
                                       "float32, or a constant of another dtype?")]),
    lambda: check_scalar(float(_loss_tf), 3.4725781, "multitask_loss_tf(Y_in.T, Y_hat_in.T)",
                         rtol=1e-6, factors=MT_FACTORS, hints=MT_HINTS),
)
### BEGIN HIDDEN TESTS
def _hidden_multitask_loss_tf():
    _rng = np.random.default_rng(13)
    for _m, _n in ((6, 4), (40, 3), (9, 1)):
        _Yh = _rng.uniform(0.01, 0.99, (_m, _n))
        _Y = _rng.integers(0, 2, (_m, _n)).astype(float)
        _miss = _rng.random((_m, _n)) < 0.4
        _miss[:3, 0] = [True, True, False]
        _miss[1, :] = True
        _Y[_miss] = -1
        _Yh[0, 0] = 0.0
        _P = np.clip(_Yh, 1e-7, 1 - 1e-7)
        _L = np.where(_Y == -1, 0.0, -(_Y * np.log(_P) + (1 - _Y) * np.log(1 - _P)))
        _want = float(_L.sum() / np.sum(~_miss))
        _as_zero = float(np.mean(-np.log(1 - _P) * _miss + _L * ~_miss))
        _per_task = float(np.mean(_L.sum(axis=0) / np.maximum((~_miss).sum(axis=0), 1)))
        _per_ex = float(np.mean(_L.sum(axis=1)[(~_miss).any(axis=1)]
                                / (~_miss).sum(axis=1)[(~_miss).any(axis=1)]))
        _hints = [(float(np.mean(_L)), "divide by the number of observed labels, not of all "
                   "entries?"), (_as_zero, "a missing label (-1) is ignored, not treated as 0?"),
                  (_per_task, "one mean over all observed entries, not a mean per task?"),
                  (_per_ex, "one mean over all observed entries, not a mean per example?")]
        _name = f"multitask_loss_tf for {_m} examples, {_n} tasks (float64, in a tf.function)"
        _got = tf.function(multitask_loss_tf)(tf.constant(_Y), tf.constant(_Yh))
        check_equal(_got.dtype == tf.float64, True, f"the dtype of {_name} is float64")
        check_scalar(float(_got), _want, _name, rtol=1e-7, hints=_hints)
        _eager = multitask_loss_tf(tf.constant(_Y, tf.float32), tf.constant(_Yh, tf.float32))
        check_scalar(float(_eager), _want, _name.replace("float64, in a tf.function",
                                                         "float32, eager"), rtol=1e-4)


_hidden_multitask_loss_tf()
### END HIDDEN TESTS

# %% [markdown]
# To see the loss at work, a small Keras network learns three questions about handwritten
# digits at once (is it even? is it 5 or more? is it a 0?) from 2,000 digits of which 40 % of
# the labels are missing. On 3,000 other digits it answers about 92 %, 91 % and 99 % right.

# %% tags=["demo"]
tf.keras.utils.set_random_seed(0)
_tasks = np.stack([y_large % 2 == 0, y_large >= 5, y_large == 0], axis=1).astype("float32")
_labels = np.where(np.random.default_rng(0).random(_tasks.shape) < 0.4, -1.0, _tasks)
multitask_net = tf.keras.Sequential([tf.keras.Input((196,)),
                                     tf.keras.layers.Dense(32, activation="relu"),
                                     tf.keras.layers.Dense(3, activation="sigmoid")])
multitask_net.compile(optimizer=tf.keras.optimizers.Adam(0.01), loss=multitask_loss_tf)
multitask_net.fit(x_large[:2000].astype("float32"), _labels[:2000], epochs=5, batch_size=100,
                  verbose=0)
_answers = multitask_net.predict(x_large[2000:].astype("float32"), verbose=0) >= 0.5
_task_accuracy = np.mean(_answers == _tasks[2000:], axis=0)
print("accuracy per task on 3,000 other digits (even, >= 5, zero):", np.round(_task_accuracy, 3))
check_between(float(np.min(_task_accuracy)), 0.85, 1.0, "the lowest task accuracy",
              "the reference: 0.906")

# %% [markdown]
# ## 9 - Summary
#
# - Dev and test come from the distribution you care about; the other data go into training,
#   and a train-dev set separates variance from data mismatch.
# - A classifier that tells the domains apart (AUC far above 0.5) confirms a mismatch.
# - Synthesized data must look like the target *in what matters*; the blur here did not, and
#   only the measurement showed it.
# - Transfer learning helps most when the target data is scarce.
# - A multi-task loss averages over the observed labels only, and a Keras loss is written with
#   TensorFlow operations so that it runs inside a `tf.function`.

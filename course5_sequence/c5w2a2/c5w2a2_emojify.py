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
# # Emojify
#
# A chat program that suggests an emoji for what you type: "let us have dinner" gets 🍴,
# "i love you" gets ❤️. This notebook builds two such classifiers, each trained on only 280
# short sentences labelled with one of five emoji.
#
# So few sentences cannot teach a model English. **Word vectors** fill the gap: the GloVe vectors
# of the last notebook were learned from billions of words, and words used alike have nearby
# vectors. A model that learned that "i love you" means ❤️ then also gets "i cherish you" right,
# although "cherish" is in none of its 280 training sentences, because the vector of "cherish"
# is close to that of "love".
#
# **By the end you will have written**
#
# - `sentence_to_avg` and `model`: **Emojifier-V1**, the average of a sentence's word vectors
#   followed by a softmax layer, trained with stochastic gradient descent in NumPy;
# - `sentences_to_indices`, `pretrained_embedding_layer` and `Emojify_V2`: **Emojifier-V2**, an
#   LSTM network in Keras that reads the words in order, on top of a frozen embedding layer
#   that holds the GloVe vectors;
# - `emojify_v2_param_counts`: the number of parameters of each layer of Emojifier-V2, worked
#   out before Keras tells you;
#
# and you will have compared the two models: their accuracy, their confusion matrices, the
# sentences one gets right and the other wrong, and pairs of sentences that differ only in the
# order of their words.
#
# **How this notebook works**
#
# - Write your code between `# YOUR CODE HERE` and the `return` line of each exercise, and delete
#   the `raise NotImplementedError()` line. Do not rename the functions or change their arguments.
# - Each exercise is followed by a test cell. A line ending in "all public tests passed" means
#   the visible checks agree with your code. The grader runs more tests (other sentences, other
#   vocabularies, other sizes), so passing the public tests is necessary, not sufficient.
# - Run the cells in order. If something behaves strangely, use *Kernel → Restart and run all*.
# - Only the exercise cells are graded: the grader runs the released notebook with your
#   exercise cells put in, so cells you add yourself do not run there. Keep every helper
#   function or import that your answer needs inside its exercise cell.
#   Importing TensorFlow takes several seconds; that is normal.

# %% [markdown]
# ## 1 - Packages
#
# - [NumPy](https://numpy.org) for Emojifier-V1, [Matplotlib](https://matplotlib.org) for the
#   figures;
# - [TensorFlow](https://www.tensorflow.org) with its Keras layers for Emojifier-V2 (the two
#   `os.environ` lines before the import silence its start-up messages);
# - `dlcourse.data` loads the sentences (`load_emojify`) and the GloVe vectors (`load_glove`),
#   `dlcourse.words` draws the emoji (`label_to_emoji`), and `dlcourse.testing` and
#   `dlcourse.kerascheck` hold the helpers the test cells use.

# %%
import os
import warnings

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"

import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf
from tensorflow.keras.layers import LSTM, Activation, Dense, Dropout, Embedding, Input
from tensorflow.keras.models import Model

from dlcourse.data import load_emojify, load_glove
from dlcourse.kerascheck import check_model_structure
from dlcourse.testing import (
    check_array,
    check_equal,
    check_keys,
    check_scalar,
    check_shape,
    check_type,
    check_unchanged,
    run_checks,
    substituted,
)
from dlcourse.words import label_to_emoji, preview_emojify

np.set_printoptions(precision=6, suppress=True)
print("TensorFlow", tf.__version__)

# %% [markdown]
# ## 2 - The data
#
# ### 2.1 - 350 sentences, five emoji
#
# The sentences were written for this course: short, lower case, without punctuation, each with
# one of five labels.
#
# | label $y$ | 0 | 1 | 2 | 3 | 4 |
# |---|---|---|---|---|---|
# | emoji | ❤️ | ⚾ | 😄 | 😞 | 🍴 |
# | name | heart | baseball | smile | disappointed | fork and knife |
# | the sentence is about | love | sport | happiness | sadness | food |
#
# `load_emojify()` returns the sentences as NumPy arrays of strings, `X_train` (280 sentences)
# and `X_test` (70), and their labels `Y_train` and `Y_test`, integers from 0 to 4; each class
# has 56 training and 14 test sentences. `label_to_emoji(y)` gives the emoji of a label.

# %%
X_train, Y_train, X_test, Y_test = load_emojify()
CLASS_NAMES = ["heart", "baseball", "smile", "disappointed", "fork and knife"]
print("X_train:", X_train.shape, " Y_train:", Y_train.shape)
print("X_test: ", X_test.shape, " Y_test: ", Y_test.shape)
print("training sentences per class:", np.bincount(Y_train))
for sentence, label in zip(X_train[:6], Y_train[:6]):
    print(f"{sentence:<40} {label} {label_to_emoji(label)}")
assert X_train.shape == (280,) and X_test.shape == (70,)
assert (np.bincount(Y_train) == 56).all() and (np.bincount(Y_test) == 14).all()

# %% tags=["demo"]
preview_emojify((X_train, Y_train, X_test, Y_test))
plt.show()

# %% [markdown]
# Sentences have different lengths. Emojifier-V2 needs them all of the same length, `maxLen`
# words; the sentences of this data set were written with at most 10 words, so `maxLen = 10`
# (the longest has 8).

# %%
maxLen = 10
sentence_lengths = np.array([len(s.split()) for s in np.concatenate([X_train, X_test])])
print("longest sentence:", sentence_lengths.max(), "words; mean length:",
      round(sentence_lengths.mean(), 2))
assert sentence_lengths.max() == 8 <= maxLen

# %% [markdown]
# ### 2.2 - The word vectors
#
# `load_glove()` returns the GloVe vectors of dimension 50 of the last notebook, for a
# vocabulary of 40,009 words (the 40,000 most frequent ones of GloVe's 400,000, plus a few
# that the course's notebooks need). Every word of the Emojify sentences is in it.
#
# - `words`: the vocabulary, sorted alphabetically;
# - `word_to_index`: word → its index, **from 1 to 40,009** in alphabetical order;
# - `index_to_word`: the inverse;
# - `word_to_vec_map`: word → its GloVe vector $e_w$, a NumPy array of shape `(50,)`.
#
# Index 0 belongs to no word. Emojifier-V2 uses it for **padding** (the empty places after the
# end of a short sentence) and for **unknown words** (words not in the vocabulary, which a user
# may well type). The whole vocabulary is kept; its embedding matrix has $40{,}010 \times 50$
# entries, about 8 MB in `float32`, small enough.

# %%
words, word_to_index, index_to_word, word_to_vec_map = load_glove()
print("vocabulary:", len(words), "words")
for w in ["cucumber", "love", "you"]:
    print(f"word_to_index[{w!r}] = {word_to_index[w]:>5}   index_to_word[{word_to_index[w]}] = "
          f"{index_to_word[word_to_index[w]]!r}")
print("e_love[:5] =", word_to_vec_map["love"][:5])
assert min(word_to_index.values()) == 1 and max(word_to_index.values()) == len(words) == 40009
assert all(w in word_to_vec_map for s in np.concatenate([X_train, X_test]) for w in s.split())

# %% [markdown]
# How much do the word vectors have to do? Most test sentences contain a word that no training
# sentence contains: without word vectors, a model would know nothing about that word.

# %%
training_words = {w for s in X_train for w in s.split()}
unseen = sorted({w for s in X_test for w in s.split()} - training_words)
n_with_unseen = sum(any(w not in training_words for w in s.split()) for s in X_test)
print(f"{len(training_words)} different words in the training sentences")
print(f"{len(unseen)} words of the test sentences never appear in training, e.g.",
      ", ".join(unseen[::8]))
print(f"{n_with_unseen} of the {len(X_test)} test sentences contain at least one of them")
assert len(unseen) == 75 and n_with_unseen == 51

# %% [markdown]
# ## 3 - Emojifier-V1: the average of the word vectors
#
# The first model ignores the order of the words. It represents a sentence by the **average of
# its word vectors** and feeds that to a softmax layer, the multi-class logistic regression of
# course 2:
#
# <pre>
#   "i"      "love"    "you"
#    |         |         |
#  e_i     e_love     e_you       (GloVe vectors, shape (50,) each)
#     \        |        /
#          avg (50,)              the average of the vectors
#              |
#     z = W avg + b  (5,)         a linear layer, W of shape (5, 50)
#              |
#     a = softmax(z) (5,)         probabilities of the 5 emoji
#              |
#          ŷ = argmax a            ❤️
# </pre>
#
# ### 3.1 - Averaging the word vectors
#
# For a sentence with the words $w_1, \dots, w_n$ that are in the vocabulary,
#
# $$\text{avg} = \frac{1}{n} \sum_{j=1}^{n} e_{w_j}.$$
#
# A word that occurs twice counts twice. Three details matter for text typed by a person:
#
# - **case**: the vocabulary is lower case, so "Love" must be looked up as "love": lower-case the
#   sentence before splitting it into words (`sentence.lower().split()`);
# - **unknown words** (not in `word_to_vec_map`) are skipped: they add nothing to the sum and do
#   **not** count in $n$;
# - a sentence without any known word gets the zero vector (and no division by zero).
#
# ### Exercise 1 - `sentence_to_avg`
#
# Return `avg`, a NumPy array with the shape of one word vector (`(50,)` for GloVe). Take that
# shape from `word_to_vec_map` itself, e.g. from `next(iter(word_to_vec_map.values()))`, not
# from a number written in your code: the tests also use smaller vectors.
#
# <details><summary>Hint</summary>
#
# Start from `np.zeros(...)` of the right shape and a counter at 0; loop over the words, and for
# each known word add its vector and increase the counter; divide at the end if the counter is
# positive. (Building `list(word_to_vec_map.keys())` just to get one word would copy 40,009
# words on every call; `next(iter(...))` takes the first one directly.)
# </details>

# %% nbgrader={"grade_id": "sentence_to_avg", "solution": true}
# GRADED FUNCTION: sentence_to_avg
def sentence_to_avg(sentence, word_to_vec_map):
    """Average the word vectors of the known words of a sentence.

    Arguments:
    sentence -- a string, the words separated by spaces, in any case
    word_to_vec_map -- dict mapping each (lower-case) word of the vocabulary to its vector

    Returns:
    avg -- numpy array of the shape of one word vector: the average of the vectors of the words
           of the sentence that are in word_to_vec_map (unknown words skipped; the zero vector
           if no word is known)
    """
    ### BEGIN SOLUTION
    shape = next(iter(word_to_vec_map.values())).shape
    avg = np.zeros(shape)
    count = 0
    for w in sentence.lower().split():
        if w in word_to_vec_map:
            avg += word_to_vec_map[w]
            count += 1
    if count > 0:
        avg = avg / count
    ### END SOLUTION
    return avg


# %% nbgrader={"grade_id": "test_sentence_to_avg", "points": 2}
# A vocabulary of three words with 2-dimensional vectors, so you can check by hand.
toy_map = {"a": np.array([1.0, 0.0]), "b": np.array([0.0, 2.0]), "c": np.array([3.0, 3.0])}
avg_love = sentence_to_avg("i love you", word_to_vec_map)
run_checks(
    "sentence_to_avg",
    lambda: check_array(sentence_to_avg("a b", toy_map), [0.5, 1.0], 'sentence_to_avg("a b")',
                        factors={"n_words": 2}),
    lambda: check_array(sentence_to_avg("a a b", toy_map), [2 / 3, 2 / 3],
                        'sentence_to_avg("a a b") (a repeated word counts twice)',
                        factors={"n_words": 3}),
    lambda: check_array(sentence_to_avg("A b C", toy_map), [4 / 3, 5 / 3],
                        'sentence_to_avg("A b C") (upper case letters)', factors={"n_words": 3},
                        hints=[([0.0, 2.0], "upper-case words not found: lower-case first?")]),
    lambda: check_array(sentence_to_avg("a zebra b", toy_map), [0.5, 1.0],
                        'sentence_to_avg("a zebra b") ("zebra" is not in the vocabulary)',
                        hints=[([1 / 3, 2 / 3], "divided by all 3 words: an unknown word must "
                                "not count in n")]),
    lambda: check_array(sentence_to_avg("zebra", toy_map), [0.0, 0.0],
                        'sentence_to_avg("zebra") (no known word)'),
    lambda: check_shape(avg_love, (50,), 'sentence_to_avg("i love you", word_to_vec_map)'),
    lambda: check_array(avg_love[:4], [-0.007037, 0.541829, -0.19224, -0.524658],
                        'sentence_to_avg("i love you", word_to_vec_map)[:4]', rtol=1e-4),
)
### BEGIN HIDDEN TESTS
def _hidden_sentence_to_avg():
    _rng = np.random.default_rng(21)
    # Random 7-d vectors for 12 words: nothing hard-coded about GloVe can pass.
    _vocab = ["sun", "rain", "cold", "warm", "snow", "wind", "fog", "storm", "sky", "day",
              "night", "ice"]
    _map = {_w: _rng.normal(size=7) for _w in _vocab}
    _map_copy = {_w: _v.copy() for _w, _v in _map.items()}
    for _k in range(8):
        _n = int(_rng.integers(1, 9))
        _ws = [str(_w) for _w in _rng.choice(_vocab + ["zzyzx", "qwerty"], size=_n)]
        _ws = [_w.upper() if _rng.random() < 0.3 else _w.capitalize() if _rng.random() < 0.3
               else _w for _w in _ws]
        _sentence = " ".join(_ws)
        _known = [_map[_w.lower()] for _w in _ws if _w.lower() in _map]
        _want = np.mean(_known, axis=0) if _known else np.zeros(7)
        _sum = np.sum(_known, axis=0) if _known else np.zeros(7)
        _all_words = _sum / len(_ws)
        _hints = [(_all_words, "divided by the number of all words: unknown words must not count "
                   "in n"), (_sum, "the sum of the vectors, not their average: divide by n?")]
        _got = sentence_to_avg(_sentence, _map)
        check_array(_got, _want, f'sentence_to_avg("{_sentence}") with 7-d vectors', rtol=1e-6,
                    atol=1e-9, hints=_hints, factors={"n_words": max(len(_known), 1)})
    for _w in _vocab:
        check_unchanged(_map_copy[_w], _map[_w], f"the vector of {_w!r} in word_to_vec_map")
    # Real GloVe vectors, test sentences with capitals.
    for _s in X_test[:20]:
        _typed = " ".join(_w.capitalize() if _i == 0 else _w for _i, _w in enumerate(_s.split()))
        _want = np.mean([word_to_vec_map[_w].astype(np.float64) for _w in _s.split()], axis=0)
        check_array(sentence_to_avg(_typed, word_to_vec_map), _want,
                    f'sentence_to_avg("{_typed}", word_to_vec_map)', rtol=1e-5, atol=1e-6,
                    factors={"n_words": len(_s.split())})
    check_array(sentence_to_avg("", _map), np.zeros(7), 'sentence_to_avg("") (no word at all)')


_hidden_sentence_to_avg()
### END HIDDEN TESTS

# %% [markdown]
# Sentences with the same words in another order have the same average, so Emojifier-V1 cannot
# tell them apart, whatever it learns:

# %%
avg_1 = sentence_to_avg("i am happy not sad", word_to_vec_map)
avg_2 = sentence_to_avg("i am sad not happy", word_to_vec_map)
print("the two averages are equal:", np.allclose(avg_1, avg_2))
assert np.allclose(avg_1, avg_2)

# %% [markdown]
# ### 3.2 - The softmax layer and its training
#
# For one sentence with average vector $\text{avg}$ (shape $(n_h,) = (50,)$) and the one-hot
# label $y$ (shape $(n_y,) = (5,)$), the model computes
#
# $$z = W \, \text{avg} + b, \qquad a = \text{softmax}(z), \quad
# a_k = \frac{e^{z_k}}{\sum_{j=1}^{n_y} e^{z_j}}, \qquad
# \mathcal{L} = -\sum_{k=1}^{n_y} y_k \log a_k,$$
#
# with $W$ of shape $(n_y, n_h)$ and $b$ of shape $(n_y,)$. As in course 2, the gradient of the
# cross-entropy through the softmax is simply $dz = a - y$, and then
#
# $$dW = dz \; \text{avg}^T \;\; (\text{shape } (n_y, n_h)), \qquad db = dz.$$
#
# The training is **stochastic gradient descent**: one update per sentence, the sentences taken
# in their order in `X`, and `num_iterations` passes over the whole set.
#
# ### Exercise 2 - `model`
#
# The function starts with `np.random.seed(1)`. Then, so that your numbers match ours:
#
# 1. `m` is the number of sentences, `n_y = len(np.unique(Y))` the number of classes (5) and
#    `n_h` the length of a word vector (50);
# 2. initialize `W = np.random.randn(n_y, n_h) / np.sqrt(n_h)` (this one call, nothing drawn
#    before it) and `b = np.zeros((n_y,))`;
# 3. make the one-hot labels `Y_oh`, shape `(m, n_y)`: `np.eye(n_y)[Y]` picks row `Y[i]` of the
#    identity matrix for each `i`;
# 4. for each of the `num_iterations` passes, for `i = 0, 1, ..., m - 1` in this order: take the
#    average of sentence `X[i]` with your `sentence_to_avg` (use the `word_to_vec_map` passed to
#    `model`), compute $z$, $a$, $dz$, $dW$, $db$ as above and update
#    $W := W - \alpha \, dW$ and $b := b - \alpha \, db$ with $\alpha$ = `learning_rate`.
#
# Compute the softmax yourself: $a$ is `np.exp(z)` divided by its sum (subtracting `np.max(z)`
# from `z` first gives the same $a$ and avoids overflows). The averages do not change during
# training: computing them once, before the loop, is faster and gives the same result.
# Printing the cost $\frac{1}{m}\sum_i \mathcal{L}^{(i)}$ every 100 passes is optional.
#
# The last line, already written, computes the predictions on `X` with the helper
# `predict_avg` defined in the next cell.
#
# <details><summary>Hint</summary>
#
# `np.outer(dz, avg)` is $dz \, \text{avg}^T$ for two 1-D arrays. Keep `b` 1-D, shape `(n_y,)`:
# with `avg` of shape `(n_h,)`, `W @ avg + b` has shape `(n_y,)` too.
# </details>

# %%
def predict_avg(X, W, b, word_to_vec_map):
    """Emojifier-V1's predicted label for each sentence of X: the index of the largest z.

    Arguments:
    X -- array of m sentences (strings)
    W -- weights, shape (n_y, n_h); b -- biases, shape (n_y,)
    word_to_vec_map -- dict mapping each word to its vector

    Returns:
    pred -- numpy array of m integers (labels 0 to n_y - 1)
    """
    return np.array([int(np.argmax(W @ sentence_to_avg(s, word_to_vec_map) + b)) for s in X])


# %% nbgrader={"grade_id": "model", "solution": true}
# GRADED FUNCTION: model
def model(X, Y, word_to_vec_map, learning_rate=0.01, num_iterations=400):
    """Train Emojifier-V1 (average of the word vectors, then softmax) with SGD.

    Arguments:
    X -- numpy array of m sentences (strings)
    Y -- numpy array of m integer labels, 0 to n_y - 1
    word_to_vec_map -- dict mapping each word to its vector
    learning_rate -- the learning rate alpha of the SGD updates
    num_iterations -- number of passes over the m sentences

    Returns:
    pred -- predicted labels of the m sentences of X after training, shape (m,)
    W -- weight matrix of the softmax layer, shape (n_y, n_h)
    b -- bias vector of the softmax layer, shape (n_y,)
    """
    np.random.seed(1)
    ### BEGIN SOLUTION
    m = Y.shape[0]
    n_y = len(np.unique(Y))
    n_h = next(iter(word_to_vec_map.values())).shape[0]
    W = np.random.randn(n_y, n_h) / np.sqrt(n_h)
    b = np.zeros((n_y,))
    Y_oh = np.eye(n_y)[Y]
    avgs = [sentence_to_avg(X[i], word_to_vec_map) for i in range(m)]
    for t in range(num_iterations):
        cost = 0.0
        for i in range(m):
            avg = avgs[i]
            z = W @ avg + b
            e = np.exp(z - np.max(z))
            a = e / np.sum(e)
            cost -= np.log(a[Y[i]])
            dz = a - Y_oh[i]
            dW = np.outer(dz, avg)
            db = dz
            W = W - learning_rate * dW
            b = b - learning_rate * db
        if t % 100 == 0:
            print(f"pass {t:3d}: cost {cost / m:.4f}")
    ### END SOLUTION
    pred = predict_avg(X, W, b, word_to_vec_map)
    return pred, W, b


# %% nbgrader={"grade_id": "test_model", "points": 3}
# Ten one-word sentences (so the average is the word's own vector), the default arguments.
X_small = np.array(["love", "baseball", "happy", "sad", "pizza",
                    "heart", "soccer", "smile", "cry", "lunch"])
Y_small = np.array([0, 1, 2, 3, 4, 0, 1, 2, 3, 4])
pred_small, W_small, b_small = model(X_small, Y_small, word_to_vec_map)
pred_fast, W_fast, b_fast = model(X_small, Y_small, word_to_vec_map, learning_rate=0.1,
                                  num_iterations=10)
run_checks(
    "model",
    lambda: check_shape(W_small, (5, 50), "W returned by model"),
    lambda: check_shape(b_small, (5,), "b returned by model"),
    lambda: check_array(b_small, [-0.109068, -0.068614, 0.012686, 0.1082, 0.056796],
                        "b after 400 passes over the ten one-word sentences", rtol=1e-3,
                        atol=2e-5, hints=[
                            (np.zeros(5), "b never changes: no bias update?"),
                            (np.full(5, -32.0), "every a_k = 1: the softmax summed along the "
                             "wrong axis?"),
                            ([-7.944119, 31.829609, -7.966589, -7.962298, -7.956603],
                             "the parameters move up the gradient: W - alpha dW, b - alpha db?"),
                            ([-0.271488, -0.393582, 0.255939, 0.247093, 0.162038],
                             "the initial W not divided by np.sqrt(n_h)?"),
                            ([-0.108377, -0.069941, 0.014423, 0.107717, 0.056179],
                             "one update per pass: update after each sentence (SGD)"),
                            ([-0.10898, -0.069561, 0.013777, 0.108275, 0.056489],
                             "the sentences in another order: take i = 0, 1, ..., m - 1"),
                        ]),
    lambda: check_array(W_small[:, :3], [[0.491459, 0.485935, -0.153805],
                                         [-0.540031, 0.078796, -0.241687],
                                         [0.228286, 0.048704, 0.235663],
                                         [-0.181394, -0.711437, 0.27203],
                                         [0.110064, -0.092964, -0.22402]],
                        "W[:, :3] after 400 passes over the ten one-word sentences", rtol=1e-3,
                        atol=2e-5),
    lambda: check_equal(np.asarray(pred_small).ravel().tolist(), Y_small.tolist(),
                        "the predictions on the ten training words"),
    lambda: check_array(b_fast, [-0.090584, -0.063411, 0.015092, 0.089855, 0.049048],
                        "b after 10 passes with learning_rate=0.1", rtol=1e-3, atol=2e-5,
                        hints=[([-0.029017, -0.056274, 0.032591, 0.028626, 0.024073],
                                "learning_rate 0.01 whatever the argument?")]),
)
### BEGIN HIDDEN TESTS
import contextlib as _contextlib
import io as _io


def _ref_sentence_to_avg(sentence, word_to_vec_map):
    _ws = [_w for _w in sentence.lower().split() if _w in word_to_vec_map]
    _d = len(next(iter(word_to_vec_map.values())))
    if not _ws:
        return np.zeros(_d)
    return np.mean([np.asarray(word_to_vec_map[_w], dtype=np.float64) for _w in _ws], axis=0)


def _oracle_model(_X, _Y, _map, _lr, _passes, _mistake=None):
    _A = np.stack([_ref_sentence_to_avg(_s, _map) for _s in _X])
    _m, _n_h = _A.shape
    _n_y = len(np.unique(_Y))
    _W = np.random.RandomState(1).randn(_n_y, _n_h) / np.sqrt(_n_h)
    if _mistake == "unscaled":
        _W = _W * np.sqrt(_n_h)
    _b = np.zeros(_n_y)
    _sign = -1.0 if _mistake == "flipped" else 1.0
    for _t in range(_passes):
        _gW, _gb = np.zeros_like(_W), np.zeros_like(_b)
        for _i in range(_m):
            _z = _W @ _A[_i] + _b
            _p = np.exp(_z - _z.max() - np.log(np.exp(_z - _z.max()).sum()))
            _p[_Y[_i]] -= 1.0
            if _mistake == "batch":
                _gW += _p[:, None] * _A[_i][None, :]
                _gb += _p
                continue
            _W -= _sign * _lr * _p[:, None] * _A[_i][None, :]
            _b -= _sign * _lr * _p
        if _mistake == "batch":
            _W -= _lr * _gW
            _b -= _lr * _gb
    return np.argmax(_A @ _W.T + _b, axis=1), _W, _b


def _hidden_model():
    _rng = np.random.default_rng(5)
    # 30 real training sentences, 6 per class, in a scrambled order; other learning rates.
    _idx = np.concatenate([np.flatnonzero(Y_train == _c)[:6] for _c in range(5)])
    _idx = _rng.permutation(_idx)
    _X, _Y = X_train[_idx], Y_train[_idx]
    _Y_copy = _Y.copy()
    # A word_to_vec_map made of random vectors: the function must use its argument.
    _random_map = {_w: _rng.normal(size=50) for _s in _X for _w in _s.split()}
    _cases = [(word_to_vec_map, 0.05, 12, "GloVe"), (_random_map, 0.02, 10, "random vectors")]
    # a correct sentence_to_avg while model runs; the learner's own where it agrees on these
    # very sentences (model calls it for every sentence at every pass)
    _probes = [(_s, _map) for _map, _, _, _ in _cases for _s in _X]
    with substituted.where_different(globals(), _probes, sentence_to_avg=_ref_sentence_to_avg):
        for _map, _lr, _passes, _what in _cases:
            _name = (f"model on 30 sentences ({_what}), learning_rate={_lr}, "
                     f"num_iterations={_passes}")
            _pred_w, _W_w, _b_w = _oracle_model(_X, _Y, _map, _lr, _passes)
            with _contextlib.redirect_stdout(_io.StringIO()):
                _pred, _W, _b = model(_X, _Y, _map, learning_rate=_lr, num_iterations=_passes)
            _hints = [(np.zeros(5), "b never changes: the bias update is missing?"),
                      (_oracle_model(_X, _Y, _map, _lr, _passes, "batch")[2],
                       "one update per pass: update after each sentence (SGD)"),
                      (_oracle_model(_X, _Y, _map, _lr, _passes, "flipped")[2],
                       "the parameters move up the gradient: W - alpha dW, b - alpha db?"),
                      (_oracle_model(_X, _Y, _map, _lr, _passes, "unscaled")[2],
                       "the initial W not divided by np.sqrt(n_h)?"),
                      (_oracle_model(_X, _Y, _map, 0.01, _passes)[2],
                       "learning_rate 0.01 whatever the argument?")]
            check_array(_b, _b_w, f"b from {_name}", rtol=1e-4, atol=1e-6, hints=_hints)
            check_array(_W, _W_w, f"W from {_name}", rtol=1e-4, atol=1e-6)
            check_equal(np.asarray(_pred).ravel().tolist(), _pred_w.tolist(),
                        f"pred from {_name}")
            check_unchanged(_Y_copy, _Y, "Y passed to model")
        # The defaults: learning_rate=0.01, 400 passes (5 sentences, one per class).
        _X5, _Y5 = _X[np.argsort(_Y, kind="stable")][::6], np.arange(5)
        _pred_w, _W_w, _b_w = _oracle_model(_X5, _Y5, word_to_vec_map, 0.01, 400)
        with _contextlib.redirect_stdout(_io.StringIO()):
            _pred, _W, _b = model(_X5, _Y5, word_to_vec_map)
        check_array(_W, _W_w, "W from model with the default arguments (5 sentences)",
                    rtol=1e-4, atol=1e-6)
        check_array(_b, _b_w, "b from model with the default arguments (5 sentences)",
                    rtol=1e-4, atol=1e-6)


_hidden_model()
### END HIDDEN TESTS

# %% [markdown]
# Now train Emojifier-V1 on the 280 training sentences, with the default 400 passes (a few
# seconds), and measure its accuracy on both sets:

# %% tags=["demo"]
pred_train_v1, W, b = model(X_train, Y_train, word_to_vec_map)
pred_test_v1 = predict_avg(X_test, W, b, word_to_vec_map)
train_acc_v1 = np.mean(pred_train_v1 == Y_train)
test_acc_v1 = np.mean(pred_test_v1 == Y_test)
print(f"Emojifier-V1: train accuracy {train_acc_v1:.3f}, test accuracy {test_acc_v1:.3f}")
assert 0.93 <= train_acc_v1 <= 0.99, f"train accuracy {train_acc_v1:.3f} is not about 96 %"
assert 0.82 <= test_acc_v1 <= 0.92, f"test accuracy {test_acc_v1:.3f} is not about 87 %"

# %% [markdown]
# About **96 %** of the training sentences and **87 %** of the test sentences get the right
# emoji (the random guess would get 20 %). That is a good score for a model that sees only the
# average of the word vectors, and it rests on them: recall that 51 of the 70 test sentences
# contain a word that is in no training sentence.
#
# Here are the first 12 test sentences that contain such words, with Emojifier-V1's answer:

# %% tags=["demo"]
has_unseen = np.array([any(w not in training_words for w in s.split()) for s in X_test])
for k in np.flatnonzero(has_unseen)[:12]:
    new = [w for w in X_test[k].split() if w not in training_words]
    mark = "right" if pred_test_v1[k] == Y_test[k] else "WRONG"
    print(f"{X_test[k]:<40} {label_to_emoji(pred_test_v1[k])}  {mark:<5}  (new: "
          f"{', '.join(new)})")
acc_unseen = np.mean(pred_test_v1[has_unseen] == Y_test[has_unseen])
print(f"\naccuracy on the {has_unseen.sum()} test sentences with a new word: {acc_unseen:.3f}")
assert acc_unseen >= 0.8

# %% [markdown]
# ## 4 - Emojifier-V2: an LSTM reads the words in order
#
# The average forgets the order of the words. "i am sad not happy" and "i am happy not sad"
# have the same average, so Emojifier-V1 gives them the same emoji, and one of them is
# necessarily wrong. A recurrent network reads the words one after the other and can, in
# principle, learn what "not" does to the next word. Emojifier-V2 is a two-layer LSTM network:
#
# <pre>
#  sentence indices (m, maxLen)          e.g. [[18554, 22265, 39752, 0, 0, ...], ...]
#        |
#  Embedding, frozen GloVe  -> (m, maxLen, 50)
#        |
#  LSTM, 128 units, return_sequences=True  -> (m, maxLen, 128): a<t> at every time step
#        |
#  Dropout(0.5)
#        |
#  LSTM, 128 units, return_sequences=False -> (m, 128): the last a<t> only
#        |
#  Dropout(0.5)
#        |
#  Dense(5), then softmax  -> (m, 5): probabilities of the 5 emoji
# </pre>
#
# ### 4.1 - Sentences as rows of indices
#
# Keras trains on **mini-batches**: several sentences stacked in one array. All rows of an
# array have the same length, so every sentence becomes a row of `maxLen` word indices, **padded
# with zeros at the end**: with `maxLen = 5`, "i love you" becomes
# `[word_to_index["i"], word_to_index["love"], word_to_index["you"], 0, 0]`.
#
# The embedding layer then turns each index $j$ into the word vector $e_j$. The lectures write
# $e_j = E\, o_j$, with $E$ of shape (50, vocabulary size) and the one-hot vector $o_j$, which
# picks column $j$ of $E$; Keras stores the transpose, one row per word, and reads row $j$
# without any product.
#
# ### Exercise 3 - `sentences_to_indices`
#
# Fill `X_indices`, shape `(m, max_len)`, with zeros first; then for sentence `i` and its
# `j`-th word (counting from 0), `X_indices[i, j] = word_to_index[word]`.
#
# - Lower-case the sentence before splitting it into words, as in `sentence_to_avg`.
# - `word_to_index` already counts from 1 (index 0 is the padding): use its values as they are.
# - A word that is not in `word_to_index` gets the index 0, the index of unknown words; it still
#   takes its place in the row.
# - Words after the first `max_len` ones are left out.
#
# Return an array of integers (`np.zeros((m, max_len), dtype=int)`).

# %% nbgrader={"grade_id": "sentences_to_indices", "solution": true}
# GRADED FUNCTION: sentences_to_indices
def sentences_to_indices(X, word_to_index, max_len):
    """Turn sentences into rows of word indices, padded with zeros at the end.

    Arguments:
    X -- numpy array of m sentences (strings), shape (m,)
    word_to_index -- dict mapping each (lower-case) word to its index, from 1 up
    max_len -- length of every row: the maximum number of words of a sentence

    Returns:
    X_indices -- integer array of shape (m, max_len): X_indices[i, j] is the index of word j of
                 sentence i, 0 after the end of the sentence and for unknown words
    """
    ### BEGIN SOLUTION
    m = X.shape[0]
    X_indices = np.zeros((m, max_len), dtype=int)
    for i in range(m):
        sentence_words = X[i].lower().split()
        for j, w in enumerate(sentence_words[:max_len]):
            X_indices[i, j] = word_to_index.get(w, 0)
    ### END SOLUTION
    return X_indices


# %% nbgrader={"grade_id": "test_sentences_to_indices", "points": 2}
toy_index = {"i": 1, "love": 2, "you": 3, "pizza": 4}
X_toy = np.array(["i love you", "love pizza", "You", "I really love you", "i love you love pizza"])
indices_toy = sentences_to_indices(X_toy, toy_index, 4)
run_checks(
    "sentences_to_indices",
    lambda: check_shape(indices_toy, (5, 4), "sentences_to_indices(X_toy, toy_index, 4)"),
    lambda: check_array(indices_toy, [[1, 2, 3, 0], [2, 4, 0, 0], [3, 0, 0, 0], [1, 0, 2, 3],
                                      [1, 2, 3, 2]],
                        "sentences_to_indices(X_toy, toy_index, 4)", dtype=None,
                        hints=[([[0, 1, 2, 0], [1, 3, 0, 0], [2, 0, 0, 0], [0, 0, 1, 2],
                                 [0, 1, 2, 1]], "the indices minus 1: word_to_index already "
                                "counts from 1"),
                               ([[0, 1, 2, 3], [0, 0, 2, 4], [0, 0, 0, 3], [1, 0, 2, 3],
                                 [1, 2, 3, 2]], "the zeros are at the start: pad at the end"),
                               ([[1, 2, 3, 0], [2, 4, 0, 0], [0, 0, 0, 0], [0, 0, 2, 3],
                                 [1, 2, 3, 2]], "capitalised words not found: lower-case first?"),
                               ([[1, 2, 3, 0], [2, 4, 0, 0], [3, 0, 0, 0], [1, 2, 3, 0],
                                 [1, 2, 3, 2]], "an unknown word keeps its place, with index 0")]),
    lambda: check_array(sentences_to_indices(np.array(["i love you"]), word_to_index, 5),
                        [[18554, 22265, 39752, 0, 0]],
                        'sentences_to_indices(["i love you"], word_to_index, 5)', dtype=None),
)
### BEGIN HIDDEN TESTS
def _hidden_sentences_to_indices():
    _rng = np.random.default_rng(33)
    for _max_len in (10, 6):
        _X = X_test[_rng.permutation(len(X_test))[:25]]
        _typed = [" ".join(_w.upper() if _rng.random() < 0.2 else _w for _w in _s.split())
                  for _s in _X]
        _typed[3] = _typed[3] + " xylograph qqqq"  # two unknown words at the end
        _typed[5] = "Zzzz " + _typed[5]  # an unknown word first
        _typed = np.array(_typed)
        _want = np.zeros((len(_typed), _max_len), dtype=int)
        for _i, _s in enumerate(_typed):
            _ws = _s.lower().split()[:_max_len]
            _want[_i, :len(_ws)] = [word_to_index.get(_w, 0) for _w in _ws]
        _minus = np.where(_want > 0, _want - 1, 0)
        _left = np.zeros_like(_want)
        for _i, _s in enumerate(_typed):
            _n = min(len(_s.split()), _max_len)
            _left[_i, _max_len - _n:] = _want[_i, :_n]
        _hints = [(_minus, "the indices of word_to_index minus 1: it already counts from 1"),
                  (_left, "the zeros are at the start: pad at the end of each row")]
        _copy = _typed.copy()
        _got = sentences_to_indices(_typed, word_to_index, _max_len)
        _name = f"sentences_to_indices for 25 test sentences with capitals, max_len={_max_len}"
        check_type(_got, np.ndarray, _name)
        check_array(_got, _want, _name, dtype=None, atol=0, hints=_hints)
        check_equal(bool(np.all(np.asarray(_got) == np.round(np.asarray(_got)))), True,
                    f"{_name}: all values are whole numbers")
        check_equal(_typed.tolist(), _copy.tolist(), "X after the call (it must not change)")
    # A single word, and a sentence with no known word.
    check_array(sentences_to_indices(np.array(["cucumber", "blorf zzzq"]), word_to_index, 3),
                [[word_to_index["cucumber"], 0, 0], [0, 0, 0]],
                'sentences_to_indices(["cucumber", "blorf zzzq"], word_to_index, 3)',
                dtype=None, atol=0)


_hidden_sentences_to_indices()
### END HIDDEN TESTS

# %% [markdown]
# Three sentences as rows of 5 indices. "lol" is not among the 40,009 words, so it gets the
# index 0, like the padding:

# %%
X1 = np.array(["funny lol", "lets play baseball", "food is ready for you"])
X1_indices = sentences_to_indices(X1, word_to_index, max_len=5)
print("X1 =", X1)
print("X1_indices =\n", X1_indices)
assert "lol" not in word_to_index and X1_indices[0, 1] == 0

# %% [markdown]
# ### 4.2 - A frozen embedding layer with the GloVe vectors
#
# A Keras `Embedding(input_dim, output_dim)` layer holds a matrix $E$ of shape
# `(input_dim, output_dim)` and replaces each index $j$ of its input by row $j$: an input of
# shape `(m, maxLen)` becomes an output of shape `(m, maxLen, output_dim)`. Here:
#
# - `input_dim = len(word_to_index) + 1`: one row per word, **plus row 0** for padding and
#   unknown words, which stays all zeros (indices run from 0 to `len(word_to_index)`);
# - `output_dim`: the length of a word vector (50);
# - row `word_to_index[w]` of $E$ is the vector of word `w`, `word_to_vec_map[w]`;
# - the layer is **frozen** (`trainable=False`): with 280 sentences, training 2 million
#   embedding parameters would move the vectors of the few training words away from those of
#   the words the model never saw, and "cherish" would no longer resemble "love".
#
# ### Exercise 4 - `pretrained_embedding_layer`
#
# 1. Make the embedding matrix `emb_matrix` of zeros, shape `(vocab_size, emb_dim)`, with
#    `vocab_size = len(word_to_index) + 1` and `emb_dim` the length of a word vector (take it
#    from `word_to_vec_map`, as in Exercise 1); fill row `index` with the vector of each `word`
#    of `word_to_index`.
# 2. Create the layer: `Embedding(vocab_size, emb_dim, trainable=False)`.
# 3. Put the matrix in: a Keras layer has weights only once it is built, so call
#    `embedding_layer.build((None,))` first, then `embedding_layer.set_weights([emb_matrix])`.
#    (Passing `embeddings_initializer=tf.keras.initializers.Constant(emb_matrix)` when creating
#    the layer also works.)

# %% nbgrader={"grade_id": "pretrained_embedding_layer", "solution": true}
# GRADED FUNCTION: pretrained_embedding_layer
def pretrained_embedding_layer(word_to_vec_map, word_to_index):
    """A frozen Keras Embedding layer holding the word vectors (row 0: zeros, for padding).

    Arguments:
    word_to_vec_map -- dict mapping each word to its vector
    word_to_index -- dict mapping each word to its index, 1 to len(word_to_index)

    Returns:
    embedding_layer -- a Keras Embedding layer, not trainable, with input_dim
                       len(word_to_index) + 1, whose row word_to_index[w] is word_to_vec_map[w]
    """
    ### BEGIN SOLUTION
    vocab_size = len(word_to_index) + 1
    emb_dim = next(iter(word_to_vec_map.values())).shape[0]
    emb_matrix = np.zeros((vocab_size, emb_dim))
    for word, index in word_to_index.items():
        emb_matrix[index, :] = word_to_vec_map[word]
    embedding_layer = Embedding(vocab_size, emb_dim, trainable=False)
    embedding_layer.build((None,))
    embedding_layer.set_weights([emb_matrix])
    ### END SOLUTION
    return embedding_layer


# %% nbgrader={"grade_id": "test_pretrained_embedding_layer", "points": 2}
# Three words with 2-d vectors, their indices NOT in alphabetical order.
toy_vecs = {"a": np.array([1.0, 2.0]), "b": np.array([3.0, 4.0]), "c": np.array([5.0, 6.0])}
toy_w2i = {"b": 1, "c": 2, "a": 3}
toy_layer = pretrained_embedding_layer(toy_vecs, toy_w2i)
run_checks(
    "pretrained_embedding_layer",
    lambda: check_type(toy_layer, Embedding, "pretrained_embedding_layer(toy_vecs, toy_w2i)"),
    lambda: check_equal(toy_layer.trainable, False, "the layer's trainable flag",
                        hints=[(True, "the pretrained vectors are to stay as they are: "
                                      "trainable=False")]),
    lambda: check_equal(toy_layer.input_dim, 4,
                        "the layer's input_dim (3 words, plus the padding index 0)",
                        hints=[(3, "one row per word only: index 0 (padding) needs a row too, "
                                   "len(word_to_index) + 1")]),
    lambda: check_array(np.asarray(toy_layer(np.array([[0, 1, 2, 3]]))),
                        [[[0.0, 0.0], [3.0, 4.0], [5.0, 6.0], [1.0, 2.0]]],
                        "the layer applied to the indices [[0, 1, 2, 3]] (rows 0 to 3 of its "
                        "matrix)"),
)
### BEGIN HIDDEN TESTS
def _hidden_pretrained_embedding_layer():
    _rng = np.random.default_rng(44)
    _vocab = [f"w{_k}" for _k in range(30)]
    _order = _rng.permutation(30)
    _w2i = {_vocab[_k]: int(_r) + 1 for _k, _r in enumerate(_order)}
    _w2v = {_w: _rng.normal(size=7).astype(np.float32) for _w in _vocab}
    _E = np.zeros((31, 7))
    for _w, _i in _w2i.items():
        _E[_i] = _w2v[_w]
    _shifted = np.zeros((31, 7))
    _shifted[:30] = _E[1:]
    _layer = pretrained_embedding_layer(_w2v, _w2i)
    _name = "the layer for 30 words with random 7-d vectors"
    check_type(_layer, Embedding, _name)
    check_equal((_layer.input_dim, _layer.output_dim), (31, 7),
                f"(input_dim, output_dim) of {_name}")
    _ids = _rng.integers(0, 31, size=(4, 9))
    _out = np.asarray(_layer(_ids))
    check_array(_out, _E[_ids], f"{_name} applied to a (4, 9) array of indices", rtol=1e-6,
                atol=1e-6, hints=[(_shifted[_ids], "row word_to_index[w] - 1 holds the vector "
                                   "of w: the indices already count from 1")])
    check_equal(_layer.trainable, False, f"the trainable flag of {_name}")
    check_equal(len(_layer.trainable_weights), 0, f"the number of trainable weights of {_name}")
    check_array(np.asarray(_layer.get_weights()[0]), _E, f"the weights of {_name}",
                rtol=1e-6, atol=1e-6)
    # GloVe itself.
    _glove = pretrained_embedding_layer(word_to_vec_map, word_to_index)
    check_equal((_glove.input_dim, _glove.output_dim), (40010, 50),
                "(input_dim, output_dim) of the GloVe layer")
    _ids = np.array([[word_to_index["love"], 0, word_to_index["zulu"]]])
    _want = np.stack([word_to_vec_map["love"], np.zeros(50), word_to_vec_map["zulu"]])[None]
    check_array(np.asarray(_glove(_ids)), _want, "the GloVe layer on [love, 0, zulu]",
                rtol=1e-6, atol=1e-6)
    check_equal(_glove.trainable, False, "the trainable flag of the GloVe layer")


_hidden_pretrained_embedding_layer()
### END HIDDEN TESTS

# %% [markdown]
# The GloVe layer turns the index of "cucumber" back into its vector:

# %%
embedding_layer = pretrained_embedding_layer(word_to_vec_map, word_to_index)
cucumber = np.asarray(embedding_layer(np.array([[word_to_index["cucumber"]]])))[0, 0]
print("weights:", embedding_layer.get_weights()[0].shape)
print("vector of 'cucumber' from the layer:", cucumber[:4], "...")
assert np.allclose(cucumber, word_to_vec_map["cucumber"])

# %% [markdown]
# ### 4.3 - How many parameters?
#
# Before building Emojifier-V2, work out how many parameters each layer holds. You know every
# piece from the lectures:
#
# - the **embedding** matrix: one row per index, padding row included;
# - an **LSTM** layer with $n_a$ units reading inputs of length $n_x$ has, for each of its four
#   gates and candidate (the forget gate $\Gamma_f$, the update gate $\Gamma_u$, the output gate
#   $\Gamma_o$ and the candidate $\tilde{c}$), a weight matrix that multiplies the stacked
#   $[a^{\langle t-1 \rangle}, x^{\langle t \rangle}]$ and a bias vector. The same weights serve
#   every time step, so the number of time steps does not matter. (Keras keeps one bias vector
#   per gate; some libraries keep two, and count more.)
# - the **Dense** layer: a weight matrix and a bias vector;
# - Dropout and the softmax Activation have no parameters.
#
# The **trainable** parameters are those gradient descent updates; the frozen embedding's are
# **non-trainable**.
#
# ### Exercise 5 - `emojify_v2_param_counts`
#
# Return a dictionary of integers with the keys `"embedding"`, `"lstm_1"`, `"lstm_2"`,
# `"dense"`, `"trainable"` and `"non_trainable"`, for a vocabulary of `vocab_size` words
# (`len(word_to_index)`, padding not included), word vectors of length `emb_dim`, LSTM layers of
# `n_a` units and `n_y` classes. Use arithmetic, not Keras: the point is to predict the numbers
# that `summary()` will show.

# %% nbgrader={"grade_id": "emojify_v2_param_counts", "solution": true}
# GRADED FUNCTION: emojify_v2_param_counts
def emojify_v2_param_counts(vocab_size, emb_dim, n_a, n_y):
    """Number of parameters of each layer of Emojify_V2.

    Arguments:
    vocab_size -- number of words in the vocabulary (the padding index 0 not included)
    emb_dim -- length of a word vector
    n_a -- number of units of each LSTM layer
    n_y -- number of classes

    Returns:
    counts -- dict of ints with the keys "embedding", "lstm_1", "lstm_2", "dense" (the
              parameters of each layer), "trainable" and "non_trainable" (the model's totals)
    """
    ### BEGIN SOLUTION
    embedding = (vocab_size + 1) * emb_dim
    lstm_1 = 4 * (n_a * (n_a + emb_dim) + n_a)
    lstm_2 = 4 * (n_a * (n_a + n_a) + n_a)
    dense = n_a * n_y + n_y
    counts = {"embedding": embedding, "lstm_1": lstm_1, "lstm_2": lstm_2, "dense": dense,
              "trainable": lstm_1 + lstm_2 + dense, "non_trainable": embedding}
    ### END SOLUTION
    return counts


# %% nbgrader={"grade_id": "test_emojify_v2_param_counts", "points": 2}
# A tiny network: 9 words, vectors of length 3, 2 LSTM units, 5 classes.
counts_tiny = emojify_v2_param_counts(9, 3, 2, 5)
run_checks(
    "emojify_v2_param_counts",
    lambda: check_keys(counts_tiny, {"embedding", "lstm_1", "lstm_2", "dense", "trainable",
                                     "non_trainable"}, "emojify_v2_param_counts(9, 3, 2, 5)"),
    lambda: check_scalar(counts_tiny["embedding"], 30, "the embedding's count for 9 words",
                         hints=[(27, "the padding row 0 is a row of the matrix too")]),
    lambda: check_scalar(counts_tiny["lstm_1"], 48, "the first LSTM's count (n_x = 3, n_a = 2)",
                         hints=[(12, "an LSTM has four sets of weights and biases (three gates "
                                 "and the candidate)"), (40, "the biases forgotten?"),
                                (32, "the weights of a<t-1> forgotten?")]),
    lambda: check_scalar(counts_tiny["lstm_2"], 40, "the second LSTM's count (n_a = 2)",
                         hints=[(48, "the second LSTM reads the first one's a<t>, of length "
                                 "n_a, not the word vectors")]),
    lambda: check_scalar(counts_tiny["dense"], 15, "the Dense layer's count (2 -> 5)"),
    lambda: check_scalar(counts_tiny["trainable"], 103, "the trainable total",
                         hints=[(133, "the frozen embedding is not trainable")]),
    lambda: check_scalar(counts_tiny["non_trainable"], 30, "the non-trainable total"),
)
### BEGIN HIDDEN TESTS
def _hidden_emojify_v2_param_counts():
    for _V, _d, _n_a, _n_y in ((40009, 50, 128, 5), (1000, 20, 16, 3), (57, 8, 5, 11),
                               (3, 1, 1, 2)):
        _emb = Embedding(_V + 1, _d)
        _emb.build((None,))
        _l1, _l2, _dense = LSTM(_n_a), LSTM(_n_a), Dense(_n_y)
        _l1.build((None, 4, _d))
        _l2.build((None, 4, _n_a))
        _dense.build((None, _n_a))
        _want = {"embedding": _emb.count_params(), "lstm_1": _l1.count_params(),
                 "lstm_2": _l2.count_params(), "dense": _dense.count_params()}
        _want["trainable"] = _want["lstm_1"] + _want["lstm_2"] + _want["dense"]
        _want["non_trainable"] = _want["embedding"]
        _args = f"emojify_v2_param_counts({_V}, {_d}, {_n_a}, {_n_y})"
        _got = emojify_v2_param_counts(_V, _d, _n_a, _n_y)
        check_keys(_got, set(_want), _args)
        for _k, _v in _want.items():
            check_scalar(_got[_k], _v, f'{_args}["{_k}"]', rtol=0, atol=0.5)
            check_equal(float(_got[_k]).is_integer(), True, f'{_args}["{_k}"] is a whole number')


_hidden_emojify_v2_param_counts()
### END HIDDEN TESTS

# %% [markdown]
# ### 4.4 - The model
#
# ### Exercise 6 - `Emojify_V2`
#
# Build the network of the diagram with the **Functional API** of Keras: each layer is created
# and then called on the output of the previous one, `X = LSTM(128, ...)(embeddings)`, and
# `Model(inputs=..., outputs=...)` ties the input to the last output.
#
# 1. `sentence_indices = Input(shape=input_shape, dtype="int32")`: rows of word indices;
# 2. the embedding layer from your `pretrained_embedding_layer`, applied to `sentence_indices`;
# 3. `LSTM(128, return_sequences=True)`: the next LSTM needs the whole sequence of
#    $a^{\langle t \rangle}$;
# 4. `Dropout(0.5)`;
# 5. `LSTM(128, return_sequences=False)`: only the last $a^{\langle t \rangle}$, a summary of
#    the whole sentence;
# 6. `Dropout(0.5)`;
# 7. `Dense(5)` (no activation), then `Activation("softmax")`;
# 8. `model = Model(inputs=sentence_indices, outputs=X)`.
#
# The model has 8 layers, the input layer included; the test compares them one by one.

# %% nbgrader={"grade_id": "Emojify_V2", "solution": true}
# GRADED FUNCTION: Emojify_V2
def Emojify_V2(input_shape, word_to_vec_map, word_to_index):
    """Emojifier-V2: frozen GloVe embedding, two LSTM layers with dropout, softmax over 5 emoji.

    Arguments:
    input_shape -- shape of one input row, (maxLen,)
    word_to_vec_map -- dict mapping each word to its vector
    word_to_index -- dict mapping each word to its index, 1 to len(word_to_index)

    Returns:
    model -- a Keras Model from indices (m, maxLen) to probabilities (m, 5)
    """
    ### BEGIN SOLUTION
    sentence_indices = Input(shape=input_shape, dtype="int32")
    embedding_layer = pretrained_embedding_layer(word_to_vec_map, word_to_index)
    embeddings = embedding_layer(sentence_indices)
    X = LSTM(128, return_sequences=True)(embeddings)
    X = Dropout(0.5)(X)
    X = LSTM(128, return_sequences=False)(X)
    X = Dropout(0.5)(X)
    X = Dense(5)(X)
    X = Activation("softmax")(X)
    model = Model(inputs=sentence_indices, outputs=X)
    ### END SOLUTION
    return model


# %% nbgrader={"grade_id": "test_Emojify_V2", "points": 3}
# Emojify_V2 is tested with a stand-in for your pretrained_embedding_layer (the right size,
# untrained weights), so that a mistake there costs the points of Exercise 4 only.
def stand_in_embedding(word_to_vec_map, word_to_index):
    return Embedding(len(word_to_index) + 1, 50, trainable=False)


with substituted(globals(), pretrained_embedding_layer=stand_in_embedding):
    emojifier_check = Emojify_V2((maxLen,), word_to_vec_map, word_to_index)
# One row per layer: class, output shape, parameters, settings.
expected_v2 = [
    ("InputLayer", (None, maxLen), 0),
    ("Embedding", (None, maxLen, 50), 40010 * 50, {"trainable": False}),
    ("LSTM", (None, maxLen, 128), 91648, {"units": 128, "return_sequences": True}),
    ("Dropout", (None, maxLen, 128), 0, {"rate": 0.5}),
    ("LSTM", (None, 128), 131584, {"units": 128, "return_sequences": False}),
    ("Dropout", (None, 128), 0, {"rate": 0.5}),
    ("Dense", (None, 5), 645, {"units": 5, "activation": "linear"}),
    ("Activation", (None, 5), 0, {"activation": "softmax"}),
]
indices_check = np.random.default_rng(0).integers(0, len(word_to_index) + 1, size=(3, maxLen))
with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # Keras warns if Model got inputs=[...] and then an array
    probs_check = np.asarray(emojifier_check(indices_check, training=False))
run_checks(
    "Emojify_V2",
    lambda: check_model_structure(emojifier_check, expected_v2, "Emojify_V2((10,), ...)"),
    lambda: check_shape(probs_check, (3, 5), "the model's output for 3 sentences"),
    lambda: check_array(probs_check.sum(axis=1), np.ones(3),
                        "the sum of each row of probabilities", rtol=1e-5),
)
### BEGIN HIDDEN TESTS
def _ref_pretrained_embedding_layer(word_to_vec_map, word_to_index):
    _d = len(next(iter(word_to_vec_map.values())))
    _E = np.zeros((len(word_to_index) + 1, _d))
    for _w, _i in word_to_index.items():
        _E[_i] = word_to_vec_map[_w]
    return Embedding(_E.shape[0], _d, trainable=False,
                     embeddings_initializer=tf.keras.initializers.Constant(_E))


def _hidden_Emojify_V2():
    _rng = np.random.default_rng(66)
    _vocab = [f"t{_k}" for _k in range(24)]
    _w2i = {_w: _k + 1 for _k, _w in enumerate(_rng.permutation(_vocab).tolist())}
    _w2v = {_w: _rng.normal(size=6) for _w in _vocab}
    _E = np.zeros((25, 6))
    for _w, _i in _w2i.items():
        _E[_i] = _w2v[_w]
    _rows = [
        ("InputLayer", (None, 7), 0),
        ("Embedding", (None, 7, 6), 150, {"input_dim": 25, "output_dim": 6,
                                          "trainable": False}),
        ("LSTM", (None, 7, 128), 4 * 128 * (6 + 128 + 1),
         {"units": 128, "return_sequences": True}),
        ("Dropout", (None, 7, 128), 0, {"rate": 0.5}),
        ("LSTM", (None, 128), 4 * 128 * (128 + 128 + 1),
         {"units": 128, "return_sequences": False}),
        ("Dropout", (None, 128), 0, {"rate": 0.5}),
        ("Dense", (None, 5), 645, {"units": 5, "activation": "linear"}),
        ("Activation", (None, 5), 0, {"activation": "softmax"}),
    ]
    _name = "Emojify_V2((7,), ...) for 24 words with 6-d vectors"
    with substituted(globals(), pretrained_embedding_layer=_ref_pretrained_embedding_layer):
        _model = Emojify_V2((7,), _w2v, _w2i)
    check_model_structure(_model, _rows, _name)
    _ids = _rng.integers(0, 25, size=(4, 7))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        _emb_out = np.asarray(_model.layers[1](_ids))
        _probs = np.asarray(_model(_ids, training=False))
    check_array(_emb_out, _E[_ids], f"the embedding layer of {_name} (is it the one "
                "pretrained_embedding_layer made?)", rtol=1e-5, atol=1e-6)
    check_shape(_probs, (4, 5), f"the output of {_name} for 4 rows")
    check_array(_probs.sum(axis=1), np.ones(4), f"the row sums of the output of {_name}",
                rtol=1e-5)
    check_equal(bool((_probs > 0).all()), True, f"every probability of {_name} is positive")
    check_equal(len(_model.trainable_weights), 2 * 3 + 2,
                f"the number of trainable weight arrays of {_name} (3 per LSTM, 2 for Dense)")


_hidden_Emojify_V2()
### END HIDDEN TESTS

# %% [markdown]
# Here is Keras's summary of Emojifier-V2. Compare its parameter counts with your predictions
# from Exercise 5:

# %% tags=["demo"]
emojifier_v2 = Emojify_V2((maxLen,), word_to_vec_map, word_to_index)
emojifier_v2.summary()
predicted = emojify_v2_param_counts(len(word_to_index), 50, 128, 5)
counted = {"embedding": emojifier_v2.layers[1].count_params(),
           "lstm_1": emojifier_v2.layers[2].count_params(),
           "lstm_2": emojifier_v2.layers[4].count_params(),
           "dense": emojifier_v2.layers[6].count_params(),
           "trainable": sum(int(np.prod(v.shape)) for v in emojifier_v2.trainable_weights),
           "non_trainable": sum(int(np.prod(v.shape))
                                for v in emojifier_v2.non_trainable_weights)}
for key in counted:
    print(f"{key:<14} predicted {predicted[key]:>9,}   Keras {counted[key]:>9,}")
assert predicted == counted, "your predictions differ from Keras's counts"
frozen_share = counted["non_trainable"] / (counted["trainable"] + counted["non_trainable"])
print(f"share of the frozen embedding: {frozen_share:.1%}; trainable parameters per training "
      f"sentence: {counted['trainable'] / len(X_train):.0f}")
assert 0.89 < frozen_share < 0.91 and 790 < counted["trainable"] / len(X_train) < 810

# %% [markdown]
# The frozen embedding holds 90 % of the parameters. Only the 223,877 parameters of the LSTM
# and Dense layers learn, about 800 per training sentence: expect the network to fit its
# training set almost perfectly.
#
# ### 4.5 - Training
#
# The loss is the categorical cross-entropy, so the labels become one-hot rows; the optimizer is
# Adam; 30 passes (epochs) over the training set in mini-batches of 32 sentences, shuffled at
# every epoch. `tf.keras.utils.set_random_seed(1)` fixes the initial weights, the dropout masks
# and the shuffling, so that the numbers below are reproducible. About 10 to 30 seconds:

# %% tags=["demo"]
X_train_indices = sentences_to_indices(X_train, word_to_index, maxLen)
X_test_indices = sentences_to_indices(X_test, word_to_index, maxLen)
Y_train_oh = np.eye(5)[Y_train]
tf.keras.utils.set_random_seed(1)
emojifier_v2 = Emojify_V2((maxLen,), word_to_vec_map, word_to_index)
emojifier_v2.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
history = emojifier_v2.fit(X_train_indices, Y_train_oh, epochs=30, batch_size=32, shuffle=True,
                           verbose=0)

fig, axes = plt.subplots(1, 2, figsize=(10, 3.5))
axes[0].plot(history.history["loss"])
axes[0].set(title="Emojifier-V2: training loss", xlabel="epoch", ylabel="cross-entropy")
axes[1].plot(history.history["accuracy"])
axes[1].set(title="Emojifier-V2: training accuracy (dropout on)", xlabel="epoch",
            ylabel="accuracy")
plt.show()

# %% [markdown]
# The accuracies, with dropout off: calling the model with `training=False` (which is also what
# `emojifier_v2.predict` does) keeps every unit.

# %% tags=["demo"]
probs_train_v2 = np.asarray(emojifier_v2(X_train_indices, training=False))
probs_test_v2 = np.asarray(emojifier_v2(X_test_indices, training=False))
pred_train_v2 = np.argmax(probs_train_v2, axis=1)
pred_test_v2 = np.argmax(probs_test_v2, axis=1)
train_acc_v2 = np.mean(pred_train_v2 == Y_train)
test_acc_v2 = np.mean(pred_test_v2 == Y_test)
print(f"Emojifier-V1: train accuracy {train_acc_v1:.3f}, test accuracy {test_acc_v1:.3f}")
print(f"Emojifier-V2: train accuracy {train_acc_v2:.3f}, test accuracy {test_acc_v2:.3f}")
assert train_acc_v2 >= 0.96, f"train accuracy {train_acc_v2:.3f} is not about 99 %"
assert 0.84 <= test_acc_v2 <= 0.95, f"test accuracy {test_acc_v2:.3f} is not about 90 %"

# %% [markdown]
# Emojifier-V2 fits its training set almost perfectly (about **99 %**) and gets about **90 %**
# of the test sentences right (87 % to 91 % in our runs with five different seeds): hardly
# better than Emojifier-V1's 87 %. On 70 test sentences one sentence is 1.4 points, so the two
# models are about as good as each other here. Where do they differ?
#
# ## 5 - Comparing the two models
#
# ### 5.1 - Confusion matrices
#
# A confusion matrix counts, for each true emoji (row), how often each emoji was predicted
# (column); the right answers are on the diagonal.

# %% tags=["demo"]
def plot_confusion(ax, y_true, y_pred, title):
    """Draw the 5 x 5 confusion matrix of the Emojify labels into ax."""
    counts = np.zeros((5, 5), dtype=int)
    np.add.at(counts, (y_true, y_pred), 1)
    ax.imshow(counts, cmap="Blues")
    for i in range(5):
        for j in range(5):
            ax.text(j, i, counts[i, j], ha="center", va="center",
                    color="white" if counts[i, j] > counts.max() / 2 else "black")
    ax.set_xticks(range(5), CLASS_NAMES, rotation=30, ha="right")
    ax.set_yticks(range(5), CLASS_NAMES)
    ax.set(xlabel="predicted emoji", ylabel="true emoji", title=title)
    return counts


fig, axes = plt.subplots(1, 2, figsize=(11, 4.8))
confusion_v1 = plot_confusion(axes[0], Y_test, pred_test_v1, "Emojifier-V1 (average), test set")
confusion_v2 = plot_confusion(axes[1], Y_test, pred_test_v2, "Emojifier-V2 (LSTM), test set")
fig.tight_layout()
plt.show()
for name, confusion in (("V1", confusion_v1), ("V2", confusion_v2)):
    print(f"mistakes per true emoji, {name}:",
          ", ".join(f"{c} {14 - n}" for c, n in zip(CLASS_NAMES, np.diag(confusion))))
assert confusion_v1.sum() == confusion_v2.sum() == 70

# %% [markdown]
# ### 5.2 - The sentences where they disagree
#
# The test sentences that the LSTM gets right and the average gets wrong, and the other way
# round:

# %% tags=["demo"]
v2_only = np.flatnonzero((pred_test_v2 == Y_test) & (pred_test_v1 != Y_test))
v1_only = np.flatnonzero((pred_test_v1 == Y_test) & (pred_test_v2 != Y_test))
print(f"{len(v2_only)} test sentences right by Emojifier-V2 only:")
for k in v2_only:
    print(f"   {X_test[k]:<40} V1 says {label_to_emoji(pred_test_v1[k])}, V2 says "
          f"{label_to_emoji(pred_test_v2[k])}")
print(f"{len(v1_only)} test sentences right by Emojifier-V1 only:")
for k in v1_only:
    print(f"   {X_test[k]:<40} V1 says {label_to_emoji(pred_test_v1[k])}, V2 says "
          f"{label_to_emoji(pred_test_v2[k])}")
both_wrong = np.flatnonzero((pred_test_v1 != Y_test) & (pred_test_v2 != Y_test))
print(f"{len(both_wrong)} test sentences wrong by both:",
      "; ".join(X_test[k] for k in both_wrong))
negated_tests = [k for k, s in enumerate(X_test) if {"not", "never", "no"} & set(s.split())]
print("test sentences with a negation:", "; ".join(X_test[k] for k in negated_tests))
all_sentences = np.concatenate([X_train, X_test])
bags_of_words = {tuple(sorted(s.split())) for s in all_sentences}
print("sentences with the same words as another sentence:",
      len(all_sentences) - len(bags_of_words))
assert 1 <= len(v2_only) <= 8 and len(v1_only) <= 6
assert len(v2_only) - len(v1_only) == round((test_acc_v2 - test_acc_v1) * 70)
assert len(negated_tests) == 2 and (pred_test_v1[negated_tests] == Y_test[negated_tests]).all()
assert len(bags_of_words) == len(all_sentences) == 350, "two sentences share their words"

# %% [markdown]
# A handful of sentences each way (in our runs with five seeds, 2 or 3 test sentences right by
# the LSTM alone and 0 to 3 the other way round). Whether the order of the words is what made
# the difference, these sentences cannot tell: no two of the 350 sentences of the data set
# have the same words in another order. Only two test sentences contain a negation, "i did not
# get the job" and "i will never forgive him", and Emojifier-V1 gets both right without
# knowing what "not" means.
#
# ### 5.3 - Word order
#
# To see what the order adds, we need sentences written for the purpose: pairs with **the same
# words in another order** and different emoji. Emojifier-V1 computes the same average for both
# sentences of such a pair, so it gives both the same emoji and gets at least one of them
# wrong, whatever it learned. Emojifier-V2 could tell them apart. Here are 11 pairs in two
# groups:
#
# - in the first, the part that comes first decides: "let us have dinner after the game" is
#   about food (🍴), "let us have the game after dinner" about sport (⚾), "i am happy although
#   the weather is awful" is 😄 and "the weather is awful although i am happy" 😞;
# - in the second, a later part overrules an earlier one ("i was sad but now i am happy" is
#   😄), or a "not" turns a word around ("i am happy not sad").
#
# The emoji follow the conventions of the data set, where "i love chocolate cake" is 🍴 and
# "i love playing sports" is ⚾.

# %% tags=["demo"]
# (sentence, its emoji, the same words in another order, their emoji)
first_part_decides = [
    ("let us have dinner after the game", 4, "let us have the game after dinner", 1),
    ("i love you more than pizza", 0, "i love pizza more than you", 4),
    ("i love you more than baseball", 0, "i love baseball more than you", 1),
    ("i love pizza more than baseball", 4, "i love baseball more than pizza", 1),
    ("i am happy although the weather is awful", 2,
     "the weather is awful although i am happy", 3),
    ("i am sad although the party was fun", 3, "the party was fun although i am sad", 2),
    ("i feel great even though we lost", 2, "we lost even though i feel great", 3),
]
later_part_decides = [
    ("i was sad but now i am happy", 2, "i was happy but now i am sad", 3),
    ("yesterday was terrible but today is great", 2,
     "yesterday was great but today is terrible", 3),
    ("i am not sad i am happy", 2, "i am not happy i am sad", 3),
    ("i am happy not sad", 2, "i am sad not happy", 3),
]
order_results = {}
for group, pairs in (("the first part decides", first_part_decides),
                     ("a later part or a 'not' decides", later_part_decides)):
    assert all(sorted(s1.split()) == sorted(s2.split()) for s1, _, s2, _ in pairs)
    pair_sentences = np.array([s for s1, _, s2, _ in pairs for s in (s1, s2)])
    pair_labels = np.array([y for _, y1, _, y2 in pairs for y in (y1, y2)])
    pair_v1 = predict_avg(pair_sentences, W, b, word_to_vec_map)
    pair_v2 = np.argmax(emojifier_v2(sentences_to_indices(pair_sentences, word_to_index,
                                                          maxLen), training=False), axis=1)
    print(f"{group + ':':<44} emoji  V1  V2")
    for s, y, p1, p2 in zip(pair_sentences, pair_labels, pair_v1, pair_v2):
        mark = "  <- V2 right, V1 wrong" if p2 == y != p1 else ""
        print(f"   {s:<42} {label_to_emoji(y)}    {label_to_emoji(p1)}  {label_to_emoji(p2)}"
              f"{mark}")
    right_v1 = (pair_v1 == pair_labels).reshape(-1, 2)
    right_v2 = (pair_v2 == pair_labels).reshape(-1, 2)
    separated = pair_v2[0::2] != pair_v2[1::2]
    order_results[group] = {
        "pairs": len(pairs),
        "V1 same emoji for both orders": int((pair_v1[0::2] == pair_v1[1::2]).sum()),
        "V2 different emoji": int(separated.sum()),
        "V2 right on both": int(right_v2.all(axis=1).sum()),
        "V2 wrong on both, though different": int((separated & ~right_v2.any(axis=1)).sum()),
        "sentences V2 right, V1 wrong": int((right_v2 & ~right_v1).sum()),
        "sentences V1 right, V2 wrong": int((right_v1 & ~right_v2).sum()),
        "V2 wins": [s for s, y, p1, p2 in zip(pair_sentences, pair_labels, pair_v1, pair_v2)
                    if p2 == y != p1],
    }
    print()
for group, result in order_results.items():
    print(group + ":", ", ".join(f"{key} {value}" for key, value in result.items()
                                  if isinstance(value, int)))
first_group, later_group = order_results.values()
n_pairs = first_group["pairs"] + later_group["pairs"]
n_separated = first_group["V2 different emoji"] + later_group["V2 different emoji"]
n_wins = first_group["sentences V2 right, V1 wrong"] + later_group["sentences V2 right, V1 wrong"]
print(f"\nEmojifier-V2 gives the two orders different emoji in {n_separated} of {n_pairs} "
      f"pairs; it is right where Emojifier-V1 is wrong on {n_wins} sentences")
assert all(r["V1 same emoji for both orders"] == r["pairs"] for r in order_results.values()), \
    "V1 must give both sentences of a pair the same emoji (same average)"
assert 3 <= n_separated <= n_pairs, f"V2 separates {n_separated} pairs, not about 9"
assert 2 <= first_group["sentences V2 right, V1 wrong"] <= 10, \
    f"first group: {first_group['sentences V2 right, V1 wrong']} V2 wins, not about 6"
assert 2 <= first_group["V2 right on both"] <= 7, \
    f"first group: V2 right on both in {first_group['V2 right on both']} pairs, not about 5"
assert later_group["sentences V2 right, V1 wrong"] == 0 and later_group["V2 right on both"] == 0, \
    "second group: V2 expected never right where V1 is wrong"
assert not {"but", "although", "though", "than"} & training_words
assert Y_train[list(X_train).index("i love chocolate cake")] == 4
assert Y_test[list(X_test).index("i love playing sports")] == 1

# %% [markdown]
# Emojifier-V1 gives the same emoji to both sentences of every pair, as it must. Emojifier-V2
# gives the two orders different emoji in 9 of the 11 pairs (3 to 9 in our runs with five
# seeds): it does see the order. Whether it reads the order *right* depends on the group:
#
# - where the part that comes first decides, it gets both sentences right in 5 of the 7 pairs
#   (3 to 5 in our five runs), and **6 sentences** right that Emojifier-V1 gets wrong (3 to 6),
#   in our run among them "let us have dinner after the game" (🍴) and "the party was fun
#   although i am sad" (😄): word order that the average cannot see;
# - where a later part or a "not" should decide, it is never right where Emojifier-V1 is wrong
#   (in all five runs). In our run it read "i was sad but now i am happy" as 😞, like the
#   average, and each pair of this group that it gave two different emoji (3 of the 4) it got
#   the wrong way round: both sentences wrong.
#
# The answer is in the data. None of the 280 training sentences contains "but", "although",
# "though" or "than", and only 3 contain "not", "never" or "no": the training set hardly shows
# a later part of a sentence overruling an earlier one. On these pairs the LSTM mostly behaves
# as if the start of a sentence counted most, which helps in the first group and hurts in the
# second. An LSTM can learn word order, but only from examples that show it; to teach it
# "but" and "not", the training set would need sentences such as "i was sad but now i am happy"
# (😄) and "i am not happy" (😞).
#
# ### 5.4 - Negation and new words
#
# Negations on their own, and words that no training sentence contains:

# %% tags=["demo"]
tricky = np.array(["i am not happy", "i am not feeling happy", "i did not like the food",
                   "i cherish you my dear", "this cake is yummy", "i feel so lonely"])
tricky_v1 = predict_avg(tricky, W, b, word_to_vec_map)
tricky_probs = np.asarray(emojifier_v2(sentences_to_indices(tricky, word_to_index, maxLen),
                                      training=False))
tricky_v2 = np.argmax(tricky_probs, axis=1)
print(f"{'sentence':<28} V1  V2   V2's probabilities")
for s, p1, p2, pr in zip(tricky, tricky_v1, tricky_v2, tricky_probs):
    print(f"{s:<28} {label_to_emoji(p1)}  {label_to_emoji(p2)}   {np.round(pr, 2)}")
negations = [s for s in X_train if {"not", "never", "no"} & set(s.split())]
print(f"\ntraining sentences with not / never / no: {len(negations)}:", "; ".join(negations))
assert tricky_v1[0] == 2, "V1 expected to read 'i am not happy' as 😄"
assert tricky_v2[0] == 2, "V2 expected to read 'i am not happy' as 😄 (all five of our runs)"
assert tricky_v1[1] == tricky_v2[1] == 3, "both expected to read 'i am not feeling happy' as 😞"
assert len(negations) == 3 and "i am not feeling well" in negations
assert tricky_v1[3:].tolist() == [0, 4, 3]
assert not {"cherish", "yummy", "lonely"} & training_words

# %% [markdown]
# Both models read "i am not happy" as 😄 (the LSTM in all five of our runs), and both read
# "i am not feeling happy" as 😞: its words are nearly those of the training sentence "i am
# not feeling well" (😞). With 3 negations among 280 training sentences, neither model has
# learned what "not" does.
#
# Emojifier-V1 gets "i cherish you my dear" (❤️), "this cake is yummy" (🍴) and "i feel so
# lonely" (😞) right, although "cherish", "yummy" and "lonely" are in no training sentence:
# that is the work of the GloVe vectors.
#
# ### 5.5 - Your own sentences
#
# Change the sentences below and run the cell. Words that are not in the vocabulary get index 0
# in Emojifier-V2 and are skipped by Emojifier-V1.

# %% tags=["demo"]
mine = np.array(["we won the game", "lunch is served", "my dog died", "you are wonderful"])
mine_v1 = predict_avg(mine, W, b, word_to_vec_map)
mine_v2 = np.argmax(emojifier_v2(sentences_to_indices(mine, word_to_index, maxLen),
                                 training=False), axis=1)
for s, p1, p2 in zip(mine, mine_v1, mine_v2):
    print(f"{s:<30} V1 {label_to_emoji(p1)}   V2 {label_to_emoji(p2)}")

# %% [markdown]
# ## 6 - What you built
#
# - **Emojifier-V1** averages GloVe vectors and applies a softmax layer trained with SGD: 96 %
#   of the training and 87 % of the test sentences right, although most test sentences contain
#   words it never saw in training. Pretrained word vectors carry what 280 sentences cannot
#   teach.
# - **Emojifier-V2** feeds the sequence of vectors, through a frozen embedding layer, to two
#   LSTM layers with dropout: about the same test accuracy on this small test set (90 %
#   against 87 %), a few sentences won and lost against V1. Unlike V1 it sees the order of the
#   words: on 11 pairs of sentences with the same words in another order, it gets 6 sentences
#   right that V1, bound to give both orders one emoji, gets wrong. But it learns only what its
#   training sentences show: where a later "but now" or a "not" should decide, it is never
#   right where V1 is wrong, and with three negations among 280 sentences, "i am not happy"
#   remains 😄.
# - Along the way: sentences as padded rows of indices (index 0 for padding and unknown words),
#   a Keras `Embedding` layer loaded with pretrained vectors and frozen, the Functional API,
#   and the parameter count of an LSTM: $4\,(n_a (n_a + n_x) + n_a)$.

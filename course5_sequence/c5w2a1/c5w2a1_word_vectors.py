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
# # Operations on word vectors
#
# A word embedding gives every word of a vocabulary a vector, learned from a large text so that
# words used in similar contexts get similar vectors. Training one takes billions of words, so
# this notebook uses a ready-made one: **GloVe** (Pennington, Socher and Manning, 2014), trained
# on Wikipedia and news text, with 50 numbers per word. You will measure how similar two words
# are, solve analogies such as *man is to woman as king is to ?* with vector arithmetic, and then
# look at a less welcome thing the vectors learned from their text: gender stereotypes. You will
# remove part of that bias with the method of Bolukbasi et al. (2016), and measure what the
# method leaves behind.
#
# **By the end you will have written**
#
# - `cosine_similarity`: how similar two word vectors are;
# - `complete_analogy`: the word $d$ that completes *a is to b as c is to d*, over the whole
#   vocabulary of 40,000 words, fast;
# - `bias_direction`: one direction for gender, combined from many word pairs (you decide how);
# - `neutralize` and `equalize`: the two steps of the debiasing algorithm;
#
# and you will have scored the vectors on an analogy test, plotted what debiasing changes, and
# measured a bias it does not remove.
#
# **How this notebook works**
#
# - Write your code between `# YOUR CODE HERE` and the `return` line of each exercise, and delete
#   the `raise NotImplementedError()` line. Do not rename the functions or change their arguments.
# - Each exercise is followed by a test cell. A line ending in "all public tests passed" means
#   the visible checks agree with your code. The grader runs more tests (other vectors, other
#   words, other vocabularies), so passing the public tests is necessary, not sufficient.
# - Use the arguments, not the notebook's global variables: the grader calls your functions
#   with small vocabularies of its own.
# - Run the cells in order. If something behaves strangely, use *Kernel → Restart and run all*.
# - Only the exercise cells are graded: the grader runs the released notebook with your
#   exercise cells put in, so cells you add yourself do not run there. Keep every helper
#   function or import that your answer needs inside its exercise cell.

# %% [markdown]
# ## 1 - Packages
#
# - [NumPy](https://numpy.org) for the computations, [Matplotlib](https://matplotlib.org) for
#   the figures, `time` to measure how long a search takes;
# - `dlcourse.data.load_glove`, which loads the word vectors;
# - `dlcourse.words`, word lists for this notebook: `GENDER_PAIRS`, 39 pairs such as
#   `("man", "woman")` and `("actor", "actress")`, and `SIMILARITY_WORDS`, the eight words of
#   the first test;
# - `dlcourse.testing`, the helpers the test cells use.

# %%
import time

import matplotlib.pyplot as plt
import numpy as np

from dlcourse.data import load_glove
from dlcourse.testing import (
    CheckFailed,
    check_array,
    check_equal,
    check_scalar,
    check_shape,
    check_type,
    check_unchanged,
    run_checks,
    substituted,
    vector_pairs,
)
from dlcourse.words import GENDER_PAIRS, SIMILARITY_WORDS

np.set_printoptions(precision=4, suppress=True)

# %% [markdown]
# ## 2 - The word vectors
#
# GloVe's 50-dimensional vectors exist for 400,000 words; the course ships the 40,000 most
# frequent ones (plus a few rarer words this notebook needs). `load_glove()` returns four
# things; you need the last one here:
#
# - `words`: the vocabulary, a sorted list of strings;
# - `word_to_index` and `index_to_word`: a number for every word (the next notebook uses them);
# - `word_to_vec_map`: a dictionary from each word to its vector, a NumPy array of shape `(50,)`.
#
# We write $e_w$ for the vector of word $w$ (the lectures' notation: $e$ for *embedding*). The
# vectors are not of length 1: most have a length between about 3.5 and 6 (the cell asserts
# it for 90 % of the words).

# %%
words, word_to_index, index_to_word, word_to_vec_map = load_glove()
print(f"{len(word_to_vec_map)} words, each a vector of shape {word_to_vec_map['king'].shape}")
print("e_king =", word_to_vec_map["king"])
assert 40_000 <= len(word_to_vec_map) <= 41_000, "load_glove() should give about 40,000 words"
lengths = np.linalg.norm(np.array(list(word_to_vec_map.values())), axis=1)
print(f"90 % of the vectors have a length between {np.percentile(lengths, 5):.1f} and "
      f"{np.percentile(lengths, 95):.1f}")
assert 3.2 < np.percentile(lengths, 5) and np.percentile(lengths, 95) < 6.5

# %% [markdown]
# The 50 numbers mean nothing one by one: the training only fixes how vectors sit **relative to
# each other**. So everything below compares vectors.
#
# ## 3 - Cosine similarity
#
# Two words are similar when their vectors point in similar directions. The **cosine
# similarity** measures exactly that: the cosine of the angle $\theta$ between $u$ and $v$,
#
# $$\text{CosineSimilarity}(u, v) = \frac{u \cdot v}{\lVert u \rVert_2 \, \lVert v \rVert_2}
# = \cos \theta,$$
#
# where $u \cdot v = \sum_i u_i v_i$ is the dot product and
# $\lVert u \rVert_2 = \sqrt{\sum_i u_i^2}$ is the length (the L2 norm) of $u$. It is 1 for
# vectors pointing the same way, 0 for perpendicular ones and $-1$ for opposite ones, and it
# does not depend on the lengths: a word does not look similar to everything just because its
# vector happens to be long.
#
# ### Exercise 1 - `cosine_similarity`
#
# Compute the dot product, the two norms (`np.dot`, `np.sqrt`, `np.sum`, or `np.linalg.norm`),
# then their ratio. Do not change `u` or `v` (no `u /= ...`: the caller's array would change).
# The grader never passes a vector of zeros.

# %% nbgrader={"grade_id": "cosine_similarity", "solution": true}
# GRADED FUNCTION: cosine_similarity
def cosine_similarity(u, v):
    """Cosine of the angle between two vectors.

    Arguments:
    u -- a word vector, numpy array of shape (n,)
    v -- a word vector, numpy array of shape (n,)

    Returns:
    cosine_similarity -- u . v / (||u|| ||v||), a number between -1 and 1
    """
    ### BEGIN SOLUTION
    dot = np.dot(u, v)
    norm_u = np.sqrt(np.sum(u * u))
    norm_v = np.sqrt(np.sum(v * v))
    cosine_similarity = dot / (norm_u * norm_v)
    ### END SOLUTION
    return cosine_similarity


# %% nbgrader={"grade_id": "test_cosine_similarity", "points": 2}
# u . v = 2 + 0 + 2 = 4, ||u|| = 3, ||v|| = sqrt(5): the cosine is 4 / (3 sqrt(5))
u_toy = np.array([1.0, 2.0, 2.0])
v_toy = np.array([2.0, 0.0, 1.0])
u_toy_copy, v_toy_copy = u_toy.copy(), v_toy.copy()
cos_toy = cosine_similarity(u_toy, v_toy)
# copies of a few vectors, so that a wrong cosine_similarity cannot change the real ones
e = {w: word_to_vec_map[w].copy() for w in SIMILARITY_WORDS}
run_checks(
    "cosine_similarity",
    lambda: check_scalar(cos_toy, 0.59628479, "cosine_similarity(u, v) for u = [1, 2, 2], "
                         "v = [2, 0, 1]",
                         hints=[(4.0, "that is the dot product u . v alone: divide by the "
                                      "two norms?"),
                                (4 / 3, "divided by ||u|| only? Divide by ||u|| ||v||"),
                                (4 / np.sqrt(5), "divided by ||v|| only? Divide by ||u|| ||v||"),
                                (4 / 45, "divided by the squared norms? Take square roots"),
                                (4 / (3 + np.sqrt(5)), "divided by ||u|| + ||v||? The "
                                                       "denominator is their product")]),
    lambda: check_unchanged(u_toy_copy, u_toy, "u after cosine_similarity(u, v)"),
    lambda: check_unchanged(v_toy_copy, v_toy, "v after cosine_similarity(u, v)"),
    lambda: check_scalar(cosine_similarity(e["father"], e["mother"]), 0.890889,
                         "cosine_similarity(e_father, e_mother)", rtol=1e-4),
    lambda: check_scalar(cosine_similarity(e["ball"], e["crocodile"]), 0.274415,
                         "cosine_similarity(e_ball, e_crocodile)", rtol=1e-4),
    lambda: check_scalar(cosine_similarity(e["france"] - e["paris"], e["rome"] - e["italy"]),
                         -0.675178, "cosine_similarity(e_france - e_paris, e_rome - e_italy)",
                         rtol=1e-4),
)
### BEGIN HIDDEN TESTS
def _hidden_cosine_similarity():
    def _oracle(_u, _v):
        _u, _v = np.asarray(_u, np.float64), np.asarray(_v, np.float64)
        return float(np.dot(_u, _v) / np.sqrt(np.dot(_u, _u) * np.dot(_v, _v)))

    for _seed, (_n, _su, _sv) in enumerate(((3, 1.0, 1.0), (50, 4.0, 0.3), (7, 0.05, 20.0),
                                            (300, 2.5, 2.5), (2, 10.0, 0.1))):
        _rng = np.random.default_rng(1000 + _seed)
        _u = _su * _rng.normal(size=_n)
        _v = _sv * _rng.normal(size=_n) + 0.3 * _u
        _copies = (_u.copy(), _v.copy())
        _dot = float(np.dot(_u, _v))
        _nu, _nv = float(np.linalg.norm(_u)), float(np.linalg.norm(_v))
        _hints = [(_dot, "that is the dot product u . v alone: divide by the two norms?"),
                  (_dot / _nu, "divided by ||u|| only? Divide by ||u|| ||v||"),
                  (_dot / _nv, "divided by ||v|| only? Divide by ||u|| ||v||"),
                  (_dot / (_nu * _nv) ** 2, "divided by the squared norms? Take square roots"),
                  (_dot / (_nu + _nv), "divided by ||u|| + ||v||? Divide by the product")]
        _what = f"cosine_similarity(u, v) for vectors of {_n} numbers"
        check_scalar(cosine_similarity(_u, _v), _oracle(_u, _v), _what, rtol=1e-9, hints=_hints)
        check_unchanged(_copies[0], _u, f"u after {_what}")
        check_unchanged(_copies[1], _v, f"v after {_what}")
        check_scalar(cosine_similarity(_v, _u), _oracle(_u, _v), f"{_what}, u and v swapped",
                     rtol=1e-9)
        check_scalar(cosine_similarity(3.0 * _u, _v), _oracle(_u, _v),
                     f"{_what}, u three times longer (the cosine must not change)", rtol=1e-9)
        check_scalar(cosine_similarity(_u, -_u), -1.0, f"cosine_similarity(u, -u), {_n} numbers",
                     rtol=1e-9)
    _ui, _vi = np.array([3, 0, 4]), np.array([0, 5, 0])
    check_scalar(cosine_similarity(_ui, np.array([6, 0, 8])), 1.0,
                 "cosine_similarity for integer arrays [3, 0, 4] and [6, 0, 8]", rtol=1e-9)
    check_scalar(cosine_similarity(_ui, _vi), 0.0,
                 "cosine_similarity for perpendicular integer arrays", atol=1e-12)
    for _a, _b in (("man", "woman"), ("paris", "rome"), ("ice", "steam")):
        check_scalar(cosine_similarity(word_to_vec_map[_a].copy(), word_to_vec_map[_b].copy()),
                     _oracle(word_to_vec_map[_a], word_to_vec_map[_b]),
                     f"cosine_similarity(e_{_a}, e_{_b})", rtol=1e-5)


_hidden_cosine_similarity()
### END HIDDEN TESTS

# %% [markdown]
# A few pairs of words. Related words score high, unrelated ones low. The last line compares
# two *differences*: $e_{france} - e_{paris}$ points from a capital to its country,
# $e_{rome} - e_{italy}$ from a country to its capital, so the cosine is strongly negative.

# %% tags=["demo"]
pairs_demo = [("father", "mother"), ("king", "queen"), ("france", "italy"), ("paris", "rome"),
              ("ball", "crocodile"), ("computer", "banana")]
for w1, w2 in pairs_demo:
    print(f"cosine_similarity({w1:8s}, {w2:9s}) = "
          f"{cosine_similarity(word_to_vec_map[w1], word_to_vec_map[w2]):+.3f}")
cos_offsets = cosine_similarity(word_to_vec_map["france"] - word_to_vec_map["paris"],
                                word_to_vec_map["rome"] - word_to_vec_map["italy"])
print(f"cosine_similarity(france - paris, rome - italy) = {cos_offsets:+.3f}")

# %% [markdown]
# ## 4 - Word analogies
#
# *Man is to woman as king is to ?* The lectures answer with arithmetic: the offset
# $e_{woman} - e_{man}$ is roughly the same "male → female" direction as
# $e_{queen} - e_{king}$, so $e_{king} + (e_{woman} - e_{man})$ should land near $e_{queen}$. In
# general, for *a is to b as c is to d*, the answer $d$ is the word $w$ whose vector is most
# similar to the target $e_b - e_a + e_c$:
#
# $$d = \underset{w \notin \{a, b, c\}}{\arg\max} \;
# \text{CosineSimilarity}(e_w, \; e_b - e_a + e_c).$$
#
# The three question words are left out of the search: the target $e_b - e_a + e_c$ is often
# closest to one of them, most often to $e_c$ itself (the offset $e_b - e_a$ is shorter than
# $e_c$), and *man is to woman as king is to king* answers nothing.
#
# ### Exercise 2 - `complete_analogy`
#
# Return the word $d$ of `word_to_vec_map` defined above. The dictionary holds 40,000 words and
# the analogy table below asks 30 questions, so speed matters:
#
# - A Python `for` loop over all the words that calls `cosine_similarity` 40,000 times is
#   correct, but several times slower than the next option.
# - Faster: put all the vectors in one matrix of shape `(number of words, 50)` (a dictionary
#   keeps its insertion order, so the rows follow `list(word_to_vec_map)`), then compute every
#   dot product with **one** matrix-vector product and every norm with one
#   `np.linalg.norm(..., axis=1)`. That takes a small fraction of a second per question, most
#   of it spent building the matrix.
#
# Either way, use the `word_to_vec_map` you are given (the grader passes small vocabularies of
# its own) and leave out `word_a`, `word_b` and `word_c`. The function already turns the three
# words to lower case, like the vocabulary.

# %% nbgrader={"grade_id": "complete_analogy", "solution": true}
# GRADED FUNCTION: complete_analogy
def complete_analogy(word_a, word_b, word_c, word_to_vec_map):
    """Complete the analogy "word_a is to word_b as word_c is to ____".

    Arguments:
    word_a -- a word, string
    word_b -- a word, string
    word_c -- a word, string
    word_to_vec_map -- dictionary mapping words to numpy arrays of shape (n,)

    Returns:
    best_word -- the word w of word_to_vec_map, other than word_a, word_b and word_c, whose
                 vector has the largest cosine similarity with e_b - e_a + e_c
    """
    word_a, word_b, word_c = word_a.lower(), word_b.lower(), word_c.lower()
    ### BEGIN SOLUTION
    e_a, e_b, e_c = word_to_vec_map[word_a], word_to_vec_map[word_b], word_to_vec_map[word_c]
    target = e_b - e_a + e_c
    vocabulary = list(word_to_vec_map)
    E = np.array([word_to_vec_map[w] for w in vocabulary], dtype=np.float64)
    similarities = E @ target / (np.linalg.norm(E, axis=1) * np.linalg.norm(target))
    for w in (word_a, word_b, word_c):
        similarities[vocabulary.index(w)] = -np.inf
    best_word = vocabulary[int(np.argmax(similarities))]
    ### END SOLUTION
    return best_word


# %% nbgrader={"grade_id": "test_complete_analogy", "points": 3}
### BEGIN HIDDEN TESTS
def _reference_cosine_similarity(u, v):
    u, v = np.asarray(u, np.float64), np.asarray(v, np.float64)
    return float(np.dot(u, v) / np.sqrt(np.dot(u, u) * np.dot(v, v)))


# grade complete_analogy's own logic: a correct cosine_similarity while this cell runs (the
# learner's own where it agrees with it: it is called once per word of the vocabulary)
_cosine_for_grading = substituted.where_different(
    globals(), vector_pairs(), cosine_similarity=_reference_cosine_similarity)
_cosine_for_grading.__enter__()
### END HIDDEN TESTS
# A toy vocabulary of 3 numbers per word: (royal, female, person).
toy_map = {"man": np.array([0.0, 0.0, 1.0]), "woman": np.array([0.0, 1.0, 1.0]),
           "king": np.array([1.0, 0.0, 0.8]), "queen": np.array([1.0, 0.9, 0.8]),
           "crown": np.array([1.0, 0.2, -0.3]), "girl": np.array([-0.2, 1.0, 0.7]),
           "stone": np.array([-0.5, -0.5, -1.0])}
toy_copy = {w: v.copy() for w, v in toy_map.items()}


def check_answer(question, vocabulary, expected, causes):
    """Compare complete_analogy's answer with the expected word; name a known mistake."""
    got = complete_analogy(*question, vocabulary)
    check_type(got, str, f"complete_analogy{question}")
    if got.lower() in [word.lower() for word in question]:
        causes = {got: "that is one of the question words: leave them out of the search"}
    if got != expected:
        cause = f"\n  likely cause: {causes[got]}" if got in causes else ""
        raise CheckFailed(f"complete_analogy{question} returned {got!r}; expected "
                          f"{expected!r}{cause}")


run_checks(
    "complete_analogy",
    lambda: check_answer(("man", "woman", "king"), toy_map, "queen",
                         {"crown": "the target e_a - e_b + e_c? It is e_b - e_a + e_c",
                          "stone": "the least similar word: argmin instead of argmax?"}),
    lambda: check_answer(("king", "queen", "man"), toy_map, "woman", {}),
    lambda: check_answer(("Man", "Woman", "King"), toy_map, "queen", {}),
    lambda: [check_unchanged(toy_copy[w], toy_map[w], f"toy_map['{w}']") for w in toy_map],
    lambda: check_answer(("man", "woman", "king"), word_to_vec_map, "queen",
                         {"emperor": "the largest dot product? Divide by the norms (cosine)",
                          "princess": "the cosine of e_b - e_a with e_w - e_c? This notebook "
                                      "compares e_w with the target e_b - e_a + e_c"}),
    lambda: check_answer(("italy", "italian", "spain"), word_to_vec_map, "spanish", {}),
    lambda: check_answer(("small", "smaller", "large"), word_to_vec_map, "larger", {}),
)
### BEGIN HIDDEN TESTS
def _hidden_complete_analogy():
    def _scores(_w2v, _target):
        _ws = list(_w2v)
        _E = np.array([_w2v[_w] for _w in _ws], dtype=np.float64)
        return _ws, _E @ _target / (np.linalg.norm(_E, axis=1) * np.linalg.norm(_target))

    def _answers(_a, _b, _c, _w2v):
        """The right answer and what common mistakes give instead."""
        _ea, _eb, _ec = (np.asarray(_w2v[_w], np.float64) for _w in (_a, _b, _c))
        _ws, _s = _scores(_w2v, _eb - _ea + _ec)
        _mask = np.array([_w in (_a, _b, _c) for _w in _ws])
        _best = _ws[int(np.argmax(np.where(_mask, -np.inf, _s)))]
        _order = np.sort(np.where(_mask, -np.inf, _s))
        _margin = _order[-1] - _order[-2]
        _wrong = {}
        _wrong[_ws[int(np.argmax(_s))]] = ("the question words a, b, c were not left out of "
                                           "the search?")
        _wrong[_ws[int(np.argmin(np.where(_mask, np.inf, _s)))]] = (
            "the least similar word: argmin instead of argmax?")
        _, _s2 = _scores(_w2v, _ea - _eb + _ec)
        _wrong[_ws[int(np.argmax(np.where(_mask, -np.inf, _s2)))]] = (
            "the target e_a - e_b + e_c: it must be e_b - e_a + e_c?")
        _E = np.array([_w2v[_w] for _w in _ws], dtype=np.float64)
        _dots = _E @ (_eb - _ea + _ec)
        _wrong[_ws[int(np.argmax(np.where(_mask, -np.inf, _dots)))]] = (
            "the largest dot product: divide by the norms (cosine similarity)?")
        _X = _E - _ec
        with np.errstate(invalid="ignore", divide="ignore"):
            _s3 = _X @ (_eb - _ea) / (np.linalg.norm(_X, axis=1) * np.linalg.norm(_eb - _ea))
        _wrong[_ws[int(np.nanargmax(np.where(_mask, -np.inf, _s3)))]] = (
            "the cosine of e_b - e_a with e_w - e_c: this notebook compares e_w with the "
            "target e_b - e_a + e_c?")
        _wrong.pop(_best, None)
        return _best, _margin, _wrong

    def _check_word(_got, _best, _wrong, _what, _w2v):
        if not isinstance(_got, str) or _got not in _w2v:
            raise CheckFailed(f"{_what} returned {_got!r}, which is not a word of the "
                              "word_to_vec_map passed in\n  likely cause: the search must run "
                              "over the argument word_to_vec_map, not a global vocabulary")
        if _got != _best:
            _cause = _wrong.get(_got)
            _tail = f"\n  likely cause: {_cause}" if _cause else ""
            raise CheckFailed(f"{_what} is wrong: expected {_best!r}, got {_got!r}{_tail}")

    for _seed, (_n_words, _n) in enumerate(((40, 5), (300, 20), (1000, 50))):
        _rng = np.random.default_rng(2000 + _seed)
        _w2v = {f"w{_k}": _rng.normal(size=_n) for _k in range(_n_words)}
        _keys = list(_w2v)
        # plant an analogy: w3 - w2 = w1 - w0 (+ a little noise)
        _w2v["w3"] = _w2v["w2"] + _w2v["w1"] - _w2v["w0"] + 0.1 * _rng.normal(size=_n)
        _copy = {_k: _v.copy() for _k, _v in _w2v.items()}
        _questions = [("w0", "w1", "w2"), ("w1", "w0", "w3")]
        _questions += [tuple(_rng.choice(_keys, 3, replace=False)) for _ in range(4)]
        for _a, _b, _c in _questions:
            _best, _margin, _wrong = _answers(_a, _b, _c, _w2v)
            if _margin < 1e-6:
                continue
            _what = (f"complete_analogy('{_a}', '{_b}', '{_c}', word_to_vec_map) for a "
                     f"vocabulary of {len(_w2v)} random vectors of {_n} numbers")
            _check_word(complete_analogy(_a, _b, _c, _w2v), _best, _wrong, _what, _w2v)
        for _k, _v in _copy.items():
            check_unchanged(_v, _w2v[_k], f"word_to_vec_map['{_k}'] after complete_analogy")
    # float32 vectors and upper case, as in the real vocabulary
    _rng = np.random.default_rng(2100)
    _w2v = {f"x{_k}": _rng.normal(size=8).astype(np.float32) for _k in range(60)}
    _best, _margin, _wrong = _answers("x1", "x2", "x3", _w2v)
    _check_word(complete_analogy("X1", "x2", "X3", _w2v), _best, _wrong,
                "complete_analogy('X1', 'x2', 'X3', ...) for float32 vectors", _w2v)
    for _a, _b, _c in (("france", "paris", "germany"), ("good", "better", "bad"),
                       ("brother", "sister", "uncle"), ("go", "went", "take")):
        _best, _margin, _wrong = _answers(_a, _b, _c, word_to_vec_map)
        _check_word(complete_analogy(_a, _b, _c, word_to_vec_map), _best, _wrong,
                    f"complete_analogy('{_a}', '{_b}', '{_c}', word_to_vec_map)",
                    word_to_vec_map)


try:
    _hidden_complete_analogy()
finally:
    _cosine_for_grading.__exit__(None, None, None)
### END HIDDEN TESTS

# %% [markdown]
# ### How fast is it?
#
# The cell below times your function on three questions. It must stay under a second per
# question, or the analogy table after it takes minutes; if it does not, replace the loop over
# the words by the matrix version described above.

# %% tags=["demo"]
start = time.perf_counter()
for question in (("man", "woman", "king"), ("france", "paris", "japan"), ("go", "went", "eat")):
    complete_analogy(*question, word_to_vec_map)
seconds_per_question = (time.perf_counter() - start) / 3
print(f"complete_analogy: {seconds_per_question:.3f} s per question over "
      f"{len(word_to_vec_map)} words")
assert seconds_per_question < 1.0, (
    f"{seconds_per_question:.1f} s per question is too slow for the table below: compute the "
    "similarities with one matrix-vector product instead of a loop over the words")

# %% [markdown]
# ### An analogy test
#
# Word-vector papers report how many analogy questions of a test set the vectors answer
# exactly. Here is a small test of our own: 30 questions of six kinds, each with the answer we
# expect. Run it with your `complete_analogy`:

# %% tags=["demo"]
ANALOGY_QUESTIONS = {
    "capital": [("france", "paris", "italy", "rome"), ("japan", "tokyo", "china", "beijing"),
                ("russia", "moscow", "egypt", "cairo"), ("germany", "berlin", "canada", "ottawa"),
                ("spain", "madrid", "portugal", "lisbon")],
    "nationality": [("italy", "italian", "spain", "spanish"),
                    ("france", "french", "germany", "german"),
                    ("china", "chinese", "russia", "russian"),
                    ("japan", "japanese", "brazil", "brazilian"),
                    ("china", "yuan", "japan", "yen")],
    "gender": [("man", "woman", "king", "queen"), ("man", "woman", "boy", "girl"),
               ("father", "mother", "son", "daughter"), ("brother", "sister", "uncle", "aunt"),
               ("husband", "wife", "nephew", "niece")],
    "comparative": [("small", "smaller", "large", "larger"), ("good", "better", "bad", "worse"),
                    ("strong", "stronger", "weak", "weaker"), ("big", "bigger", "small", "smaller"),
                    ("tall", "tallest", "short", "shortest")],
    "past tense": [("go", "went", "take", "took"), ("see", "saw", "eat", "ate"),
                   ("write", "wrote", "speak", "spoke"), ("play", "played", "walk", "walked"),
                   ("sing", "sang", "drink", "drank")],
    "plural": [("dog", "dogs", "cat", "cats"), ("car", "cars", "child", "children"),
               ("mouse", "mice", "foot", "feet"), ("book", "books", "city", "cities"),
               ("man", "men", "woman", "women")],
}
results = []
print(f"{'kind':12s} {'question':32s} {'expected':10s} {'answer':12s}")
for kind, questions in ANALOGY_QUESTIONS.items():
    for a, b, c, expected in questions:
        answer = complete_analogy(a, b, c, word_to_vec_map)
        results.append((kind, answer == expected))
        mark = "ok" if answer == expected else "WRONG"
        print(f"{kind:12s} {f'{a} : {b} :: {c} : ?':32s} {expected:10s} {answer:12s} {mark}")
n_solved = sum(ok for _, ok in results)
print(f"\nsolved {n_solved} of {len(results)}")
for kind in ANALOGY_QUESTIONS:
    print(f"  {kind:12s} {sum(ok for k, ok in results if k == kind)} of "
          f"{sum(k == kind for k, _ in results)}")
assert 19 <= n_solved <= 23, f"{n_solved} solved: expected about 21 of 30, check complete_analogy"

# %% [markdown]
# The 50-dimensional vectors solve about two thirds of the questions (21 of 30 with a correct
# `complete_analogy`; the cell asserts 19 to 23). Look at the wrong answers: most are
# *near misses* of a telling kind. For *germany : berlin :: canada : ?* the answer is
# "vancouver", a big Canadian city, not the capital; for *big : bigger :: small : ?* it is
# "larger", the right grammatical form with the wrong meaning; for *husband : wife ::
# nephew : ?* it is "cousin", a relative of the right generation whose word has no gender.
# Larger vectors solve more: on the standard analogy test of Mikolov et al. (2013), with over
# 19,000 questions, Pennington et al. report about 72 % for the 300-dimensional GloVe vectors
# trained on the same 6 billion words as ours.
#
# ## 5 - Gender bias in word vectors
#
# The vectors learned that *king* is to *queen* as *man* is to *woman* from the way these words
# are used. They learned other associations the same way, including stereotypes that we would
# not want a program to repeat, e.g. when it ranks job applicants or completes a sentence.
#
# To see them, first find a direction that stands for gender. The simplest guess is one
# difference, $g_1 = e_{woman} - e_{man}$. Words whose vectors have a positive cosine with $g_1$
# lean to the female side, a negative cosine to the male side. Try it on first names:

# %% tags=["demo"]
g1 = word_to_vec_map["woman"] - word_to_vec_map["man"]
names = {"john": "male", "marie": "female", "sophie": "female", "ronaldo": "male",
         "priya": "female", "rahul": "male", "danielle": "female", "reza": "male"}
for name, gender in names.items():
    cos_name = cosine_similarity(word_to_vec_map[name], g1)
    print(f"{name:9s} ({gender:6s}) {cos_name:+.3f}")
    assert (cos_name > 0) == (gender == "female"), f"{name} should lean {gender}"

# %% [markdown]
# The female names lean to the positive side and the male names to the negative side, as
# expected for words that carry a gender. The same direction also separates words that should
# not carry one, such as occupations: *homemaker* leans female by more than 0.3, *manager* male
# by more than 0.3 (the next cell asserts both).

# %% tags=["demo"]
for w in ["receptionist", "nurse", "homemaker", "engineer", "architect", "manager", "doctor"]:
    print(f"{w:13s} {cosine_similarity(word_to_vec_map[w], g1):+.3f}")
assert cosine_similarity(word_to_vec_map["homemaker"], g1) > 0.3
assert cosine_similarity(word_to_vec_map["manager"], g1) < -0.3

# %% [markdown]
# ### One direction from many pairs
#
# A single difference is a noisy estimate of "gender": $e_{woman} - e_{man}$ also holds
# whatever else tells those two words apart (*man* is also a verb, and stands for all humans
# in phrases such as *the rights of man*).
# Every gendered pair (*he/she*, *father/mother*, *actor/actress*, ...) gives another estimate,
# with other noise. Combine them, and what the pairs share adds up while their separate noise
# tends to cancel.
#
# ### Exercise 3 - `bias_direction` (you decide how)
#
# Write a function that takes a list of word pairs, such as `GENDER_PAIRS`, and returns one
# direction for what the pairs have in common. How you combine the pairs is your decision;
# think about what each option does before choosing. Your result must be
#
# - a **unit vector** (length 1) of the same shape as the word vectors;
# - **oriented** from the first words of the pairs towards the second words: the differences
#   $e_{second} - e_{first}$ have, as a whole, a positive component along it;
# - a direction that **all the pairs share**, not the direction of one pair; the grader plants
#   a direction in random pairs, adds noise of its own to each, and checks that yours is within
#   about 14 degrees of the planted one (a cosine above 0.97). Any sensible way to combine the
#   pairs passes that test; one pair alone does not.
#
# Things to think about: does every pair count equally in your combination, or do pairs with
# longer difference vectors count more (and is that what you want)? If you use a principal
# component, which way does it point, and what does subtracting the mean of the differences do
# to the direction you are looking for?

# %% nbgrader={"grade_id": "bias_direction", "solution": true}
# GRADED FUNCTION: bias_direction
def bias_direction(pairs, word_to_vec_map):
    """One direction shared by the differences of word pairs.

    Arguments:
    pairs -- list of pairs (word_1, word_2), e.g. [("man", "woman"), ("he", "she"), ...]
    word_to_vec_map -- dictionary mapping words to numpy arrays of shape (n,)

    Returns:
    g -- unit vector of shape (n,), oriented from the word_1s towards the word_2s
    """
    ### BEGIN SOLUTION
    differences = np.array([word_to_vec_map[w2] - word_to_vec_map[w1] for w1, w2 in pairs],
                           dtype=np.float64)
    differences /= np.linalg.norm(differences, axis=1, keepdims=True)  # every pair counts once
    g = differences.mean(axis=0)
    g = g / np.linalg.norm(g)
    ### END SOLUTION
    return g


# %% nbgrader={"grade_id": "test_bias_direction", "points": 3}
# Four pairs in 2-D whose differences are (2, 1), (2, -1), (2, 0.5) and (2, -0.5): what they
# share is the direction (1, 0); the second coordinate is "noise" that cancels out.
pairs_2d = [("a1", "b1"), ("a2", "b2"), ("a3", "b3"), ("a4", "b4")]
map_2d = {"a1": np.array([0.0, 0.0]), "b1": np.array([2.0, 1.0]),
          "a2": np.array([1.0, 1.0]), "b2": np.array([3.0, 0.0]),
          "a3": np.array([-1.0, 2.0]), "b3": np.array([1.0, 2.5]),
          "a4": np.array([0.5, -1.0]), "b4": np.array([2.5, -1.5])}
g_2d = bias_direction(pairs_2d, map_2d)
g_gender = bias_direction(GENDER_PAIRS, word_to_vec_map)
gender_differences = np.array([word_to_vec_map[w2] - word_to_vec_map[w1]
                               for w1, w2 in GENDER_PAIRS])
run_checks(
    "bias_direction",
    lambda: check_array(g_2d, [1.0, 0.0], "bias_direction(pairs_2d, map_2d)", atol=1e-6,
                        hints=[(np.array([2.0, 1.0]) / np.sqrt(5),
                                "that is the direction of the first pair alone"),
                               (np.array([2.0, 0.0]), "the right direction but not of length 1:"
                                " divide by its norm?"),
                               ([0.91381155, 0.40613847], "the mean of the words themselves: "
                                "the direction comes from the differences within each pair"),
                               (np.array([0.0, 1.0]), "the direction of the noise: did you "
                                "subtract the mean of the differences before a PCA?"),
                               (np.array([0.0, -1.0]), "the direction of the noise: did you "
                                "subtract the mean of the differences before a PCA?")]),
    lambda: check_shape(g_gender, (50,), "bias_direction(GENDER_PAIRS, word_to_vec_map)"),
    lambda: check_scalar(np.linalg.norm(g_gender), 1.0,
                         "the length of bias_direction(GENDER_PAIRS, word_to_vec_map)"),
    lambda: check_scalar(np.mean(gender_differences @ g_gender > 0), 1.0,
                         "the share of GENDER_PAIRS whose difference e_second - e_first has a "
                         "positive component along g", atol=0.051),
)
### BEGIN HIDDEN TESTS
def _hidden_bias_direction():
    def _angle_ok(_got, _planted, _what):
        check_type(_got, np.ndarray, _what)
        check_shape(_got, _planted.shape, _what)
        check_scalar(np.linalg.norm(_got), 1.0, f"the length of {_what}", rtol=1e-6)
        _cos = float(np.dot(_got, _planted) / np.linalg.norm(_got) / np.linalg.norm(_planted))
        if _cos < 0.97:
            _cause = ("\n  likely cause: it points the wrong way: from the second words to the "
                      "first?" if _cos < -0.9 else "")
            raise CheckFailed(f"{_what} is {np.degrees(np.arccos(np.clip(_cos, -1, 1))):.0f} "
                              "degrees away from the direction the pairs share (cosine "
                              f"{_cos:.3f}; it must be above 0.97): does it combine all the "
                              f"pairs?{_cause}")

    for _seed, (_n, _n_pairs) in enumerate(((50, 40), (20, 30), (8, 24))):
        _rng = np.random.default_rng(3000 + _seed)
        _planted = _rng.normal(size=_n)
        _planted /= np.linalg.norm(_planted)
        _w2v, _pairs = {}, []
        for _k in range(_n_pairs):
            _base = 3.0 * _rng.normal(size=_n)
            _step = _rng.uniform(1.0, 3.0)
            _noise = 0.6 * _rng.normal(size=_n) / np.sqrt(_n) * _step
            _w2v[f"m{_k}"] = _base
            _w2v[f"f{_k}"] = _base + _step * _planted + _noise
            _pairs.append((f"m{_k}", f"f{_k}"))
        _copy = {_k: _v.copy() for _k, _v in _w2v.items()}
        _what = f"bias_direction for {_n_pairs} pairs of vectors of {_n} numbers"
        _angle_ok(bias_direction(_pairs, _w2v), _planted, _what)
        _angle_ok(bias_direction([(_b, _a) for _a, _b in _pairs], _w2v), -_planted,
                  f"{_what}, every pair reversed (the direction must flip)")
        _angle_ok(bias_direction([list(_p) for _p in _pairs], _w2v), _planted,
                  f"{_what}, pairs given as lists")
        for _k, _v in _copy.items():
            check_unchanged(_v, _w2v[_k], f"word_to_vec_map['{_k}'] after bias_direction")
    # the real gender pairs: any sensible combination is within ~6 degrees of the others
    _D = np.array([word_to_vec_map[_b] - word_to_vec_map[_a] for _a, _b in GENDER_PAIRS],
                  dtype=np.float64)
    _ref = (_D / np.linalg.norm(_D, axis=1, keepdims=True)).mean(0)
    _angle_ok(bias_direction(GENDER_PAIRS, word_to_vec_map), _ref / np.linalg.norm(_ref),
              "bias_direction(GENDER_PAIRS, word_to_vec_map)")


_hidden_bias_direction()
### END HIDDEN TESTS

# %% [markdown]
# From now on, the gender direction $g$ is the one your `bias_direction` computes from the 39
# pairs of `GENDER_PAIRS` (ours averages the pairs' differences after scaling each to length 1,
# so every pair counts once). It is not the same as $g_1 = e_{woman} - e_{man}$: the cosine
# between them is only about 0.8. The single pair had given *engineer* a cosine of $-0.08$
# with gender, close to neutral; the combined direction shows a clearer male lean, about
# $-0.3$. The cell asserts both figures.

# %% tags=["demo"]
g = bias_direction(GENDER_PAIRS, word_to_vec_map)
cos_g_g1 = cosine_similarity(g, g1)
print(f"cosine_similarity(g, woman - man) = {cos_g_g1:.3f}")
print(f"engineer: {cosine_similarity(word_to_vec_map['engineer'], g1):+.3f} with woman - man, "
      f"{cosine_similarity(word_to_vec_map['engineer'], g):+.3f} with g")
assert 0.7 < cos_g_g1 < 0.9, "g should be about 0.8 from woman - man"
assert cosine_similarity(word_to_vec_map["engineer"], g) < -0.2, "engineer should lean male"
assert -0.15 < cosine_similarity(word_to_vec_map["engineer"], g1) < 0, "engineer with g1"

# %% [markdown]
# ## 6 - Neutralize
#
# Bolukbasi et al. (2016) remove the bias in two steps. The first, **neutralize**, applies to
# words that should be gender-neutral, such as *receptionist*: remove the component of the
# vector along $g$, so that what is left is perpendicular to $g$. The component of $e$ along
# $g$ (its projection on $g$) and the rest are
#
# $$e^{bias\_component} = \frac{e \cdot g}{\lVert g \rVert_2^2} \, g, \qquad
# e^{debiased} = e - e^{bias\_component}.$$
#
# The division by $\lVert g \rVert_2^2$ makes the formula right for a $g$ of any length: it is
# $\frac{e \cdot g}{\lVert g \rVert_2}$ (the length of the projection) times
# $\frac{g}{\lVert g \rVert_2}$ (a unit vector along $g$). With a unit $g$ it is simply
# $(e \cdot g) \, g$, but the function must accept any $g$, e.g. $e_{woman} - e_{man}$.
#
# ### Exercise 4 - `neutralize`
#
# Return $e^{debiased}$ for the vector of `word`. Build a new array: do not change the vector
# stored in `word_to_vec_map` (a `-=` on it would change the dictionary for everyone).

# %% nbgrader={"grade_id": "neutralize", "solution": true}
# GRADED FUNCTION: neutralize
def neutralize(word, g, word_to_vec_map):
    """Remove the component of a word's vector along the bias direction g.

    Arguments:
    word -- the word to debias, a string
    g -- the bias direction, numpy array of shape (n,) (any length, not necessarily 1)
    word_to_vec_map -- dictionary mapping words to numpy arrays of shape (n,)

    Returns:
    e_debiased -- the word's vector minus its projection on g, numpy array of shape (n,)
    """
    e = word_to_vec_map[word]
    ### BEGIN SOLUTION
    e_biascomponent = np.dot(e, g) / np.sum(g * g) * g
    e_debiased = e - e_biascomponent
    ### END SOLUTION
    return e_debiased


# %% nbgrader={"grade_id": "test_neutralize", "points": 2}
### BEGIN HIDDEN TESTS
def _reference_cosine_similarity(u, v):
    u, v = np.asarray(u, np.float64), np.asarray(v, np.float64)
    return float(np.dot(u, v) / np.sqrt(np.dot(u, u) * np.dot(v, v)))


_cosine_for_grading = substituted.where_different(
    globals(), vector_pairs(), cosine_similarity=_reference_cosine_similarity)
_cosine_for_grading.__enter__()
### END HIDDEN TESTS
# e = (3, 4, 1) and g = (0, 2, 0): e . g / ||g||^2 = 8 / 4 = 2, so the bias component is
# 2 g = (0, 4, 0) and what is left is (3, 0, 1).
nurse_map = {"nurse": np.array([3.0, 4.0, 1.0])}
g_toy = np.array([0.0, 2.0, 0.0])
e_neutral_toy = neutralize("nurse", g_toy, nurse_map)
g_wm = word_to_vec_map["woman"] - word_to_vec_map["man"]
receptionist_map = {"receptionist": word_to_vec_map["receptionist"].copy()}
e_receptionist = neutralize("receptionist", g_wm, receptionist_map)
run_checks(
    "neutralize",
    lambda: check_array(e_neutral_toy, [3.0, 0.0, 1.0],
                        "neutralize('nurse', g, nurse_map) for e = (3, 4, 1), g = (0, 2, 0)",
                        hints=[(np.array([3.0, -12.0, 1.0]), "subtracted (e . g) g: divide "
                                "by ||g||^2 (g is not a unit vector)?"),
                               (np.array([3.0, -4.0, 1.0]), "divided by ||g|| instead of "
                                "||g||^2?"),
                               (np.array([3.0, 8.0, 1.0]), "added the bias component instead "
                                "of subtracting it?"),
                               (np.array([0.0, 4.0, 0.0]), "that is the bias component: return "
                                "e minus it?"),
                               (np.array([2.076923, 2.769231, 0.692308]), "projected g on e "
                                "instead of e on g?")]),
    lambda: check_unchanged(np.array([3.0, 4.0, 1.0]), nurse_map["nurse"],
                            "nurse_map['nurse'] after neutralize"),
    lambda: check_scalar(np.dot(e_receptionist, g_wm), 0.0,
                         "e_debiased . g for 'receptionist' and g = e_woman - e_man", atol=1e-4),
    lambda: check_array(e_receptionist[:3], [0.467417, -0.070823, -0.03837],
                        "neutralize('receptionist', e_woman - e_man, ...)[:3]",
                        rtol=1e-4, atol=1e-6),
    lambda: check_unchanged(word_to_vec_map["receptionist"], receptionist_map["receptionist"],
                            "the vector of 'receptionist' in the dictionary after neutralize"),
)
### BEGIN HIDDEN TESTS
def _hidden_neutralize():
    for _seed, (_n, _glen) in enumerate(((50, 1.0), (50, 3.7), (6, 0.2), (300, 11.0))):
        _rng = np.random.default_rng(4000 + _seed)
        _g = _rng.normal(size=_n)
        _g *= _glen / np.linalg.norm(_g)
        _w2v = {_w: _rng.normal(size=_n) + 0.8 * _rng.normal() * _g for _w in ("doc", "pilot")}
        _copies = {_w: _v.copy() for _w, _v in _w2v.items()}
        _g_copy = _g.copy()
        _P = np.eye(_n) - np.outer(_g, _g) / np.dot(_g, _g)
        for _w in _w2v:
            _e = _w2v[_w]
            _c = float(np.dot(_e, _g))
            _hints = [(_e - _c * _g, "subtracted (e . g) g: divide by ||g||^2 (g is not a unit "
                                     "vector)?"),
                      (_e - _c / np.linalg.norm(_g) * _g, "divided by ||g|| instead of "
                                                          "||g||^2?"),
                      (_e + _c / np.dot(_g, _g) * _g, "added the bias component instead of "
                                                      "subtracting it?"),
                      (_c / np.dot(_g, _g) * _g, "that is the bias component: return e minus "
                                                 "it?"),
                      (_e - _c / np.dot(_e, _e) * _e, "projected g on e instead of e on g?")]
            _what = f"neutralize('{_w}', g, word_to_vec_map) for a g of length {_glen:g}"
            _got = neutralize(_w, _g, _w2v)
            check_array(_got, _P @ _copies[_w], _what, rtol=1e-7, atol=1e-9, hints=_hints)
            check_scalar(np.dot(_got, _g), 0.0, f"(the result of {_what}) . g",
                         atol=1e-9 * np.linalg.norm(_g) * np.linalg.norm(_e))
            check_unchanged(_copies[_w], _w2v[_w], f"word_to_vec_map['{_w}'] after neutralize")
        check_unchanged(_g_copy, _g, "g after neutralize")
        # a word already perpendicular to g does not move
        _w2v["tree"] = _P @ _rng.normal(size=_n)
        check_array(neutralize("tree", _g, _w2v), _w2v["tree"],
                    "neutralize for a word already perpendicular to g", rtol=1e-7, atol=1e-9)
    for _w in ("engineer", "nurse", "homemaker"):
        _e = word_to_vec_map[_w].astype(np.float64)
        _gw = (word_to_vec_map["she"] - word_to_vec_map["he"]).astype(np.float64)
        _want = _e - np.dot(_e, _gw) / np.dot(_gw, _gw) * _gw
        _one = {_w: word_to_vec_map[_w].copy()}
        check_array(np.asarray(neutralize(_w, _gw, _one), dtype=np.float64), _want,
                    f"neutralize('{_w}', e_she - e_he, word_to_vec_map)", rtol=1e-4, atol=1e-5)


try:
    _hidden_neutralize()
finally:
    _cosine_for_grading.__exit__(None, None, None)
### END HIDDEN TESTS

# %% [markdown]
# **Predict, then check.** Before you run the next cell: after neutralizing, what is the cosine
# similarity of *receptionist* with $g$? And of *engineer*, which started with the opposite
# lean? Write your guess down, then run the cell (it asserts the answer).

# %% tags=["demo"]
for w in ["receptionist", "engineer"]:
    before = cosine_similarity(word_to_vec_map[w], g)
    after = cosine_similarity(neutralize(w, g, word_to_vec_map), g)
    print(f"{w:13s} cosine with g: before {before:+.3f}, after neutralize {after:+.1e}")
    assert abs(after) < 1e-5, f"after neutralize, {w} should be perpendicular to g"

# %% [markdown]
# Both are 0, up to rounding errors: a vector minus its projection on $g$ is
# perpendicular to $g$, whatever it was before. The cosine with $g$ now says nothing about
# either word.
#
# ## 7 - Equalize
#
# Neutralizing *babysitter* is not enough for a fair comparison with *grandmother* and
# *grandfather*: if *grandmother* is closer to the neutral words than *grandfather* for reasons
# that have nothing to do with gender (its vector is shaped by other contexts), the neutral
# word still ends up closer to one of the two. The second step, **equalize**, applies to pairs
# of words that should differ *only* by gender: it moves both words so that they sit exactly
# symmetrically about the "neutral" subspace (everything perpendicular to $g$). Then every
# neutralized word is at the same distance from both.
#
# For a pair $(w_1, w_2)$ and a bias axis $g$, with $\mu$ the midpoint of the pair and
# subscripts $B$ for components along $g$ and $\perp$ for the rest:
#
# $$\mu = \frac{e_{w1} + e_{w2}}{2}, \qquad
# \mu_B = \frac{\mu \cdot g}{\lVert g \rVert_2^2} \, g, \qquad \mu_{\perp} = \mu - \mu_B,$$
#
# $$e_{w1B} = \frac{e_{w1} \cdot g}{\lVert g \rVert_2^2} \, g, \qquad
# e_{w2B} = \frac{e_{w2} \cdot g}{\lVert g \rVert_2^2} \, g,$$
#
# $$e_{w1B}^{corrected} = \sqrt{\left|1 - \lVert \mu_{\perp} \rVert_2^2\right|} \;
# \frac{e_{w1B} - \mu_B}{\lVert (e_{w1} - \mu_{\perp}) - \mu_B \rVert_2}, \qquad
# e_{w2B}^{corrected} = \sqrt{\left|1 - \lVert \mu_{\perp} \rVert_2^2\right|} \;
# \frac{e_{w2B} - \mu_B}{\lVert (e_{w2} - \mu_{\perp}) - \mu_B \rVert_2},$$
#
# $$e_1 = e_{w1B}^{corrected} + \mu_{\perp}, \qquad e_2 = e_{w2B}^{corrected} + \mu_{\perp}.$$
#
# Both new vectors get the **same** part perpendicular to $g$, the pair's average $\mu_\perp$:
# whatever distinguished the two words besides gender is gone. Along $g$, each keeps its side.
#
# **Why the result is symmetric (work it out).** Show that $e_{w1B} - \mu_B$ and
# $e_{w2B} - \mu_B$ are opposite vectors, and that the two denominators are the same number
# (hint: $\mu_\perp + \mu_B = \mu$). Then $e_{w2B}^{corrected} = -e_{w1B}^{corrected}$, so $e_1$
# and $e_2$ are mirror images through the hyperplane perpendicular to $g$: the same length,
# opposite cosines with $g$, and for any neutralized $v$ (perpendicular to $g$),
# $v \cdot e_1 = v \cdot \mu_\perp = v \cdot e_2$. That equality is the whole point of the step,
# and the tests check it.
#
# **Where the square root comes from.** Bolukbasi et al. work with vectors of length 1 and
# divide by $\lVert e_{w1B} - \mu_B \rVert_2$; then the corrected part has length
# $\sqrt{1 - \lVert \mu_\perp \rVert_2^2}$, and $e_1$ and $e_2$ have length 1 again. The
# version above is the one of the Deep Learning Specialization, which this course follows: it
# divides by $\lVert e_{w1} - \mu \rVert_2$, which is never smaller, and takes the absolute
# value because GloVe's vectors are longer than 1 (most between about 3.5 and 6, section 2), so
# $1 - \lVert \mu_\perp \rVert_2^2$ is negative. Neither change touches the symmetry.
#
# ### Exercise 5 - `equalize`
#
# Implement the formulas above, in that order. As in `neutralize`, do not change the vectors
# stored in `word_to_vec_map`.

# %% nbgrader={"grade_id": "equalize", "solution": true}
# GRADED FUNCTION: equalize
def equalize(pair, bias_axis, word_to_vec_map):
    """Make a pair of words symmetric about the subspace perpendicular to the bias axis.

    Arguments:
    pair -- pair of words that should differ only along the bias axis, e.g. ("actor", "actress")
    bias_axis -- the bias direction g, numpy array of shape (n,) (any length)
    word_to_vec_map -- dictionary mapping words to numpy arrays of shape (n,)

    Returns:
    e1 -- the new vector of the first word, numpy array of shape (n,)
    e2 -- the new vector of the second word, numpy array of shape (n,)
    """
    w1, w2 = pair
    e_w1, e_w2 = word_to_vec_map[w1], word_to_vec_map[w2]
    ### BEGIN SOLUTION
    g_norm2 = np.sum(bias_axis * bias_axis)
    mu = (e_w1 + e_w2) / 2
    mu_B = np.dot(mu, bias_axis) / g_norm2 * bias_axis
    mu_orth = mu - mu_B
    e_w1B = np.dot(e_w1, bias_axis) / g_norm2 * bias_axis
    e_w2B = np.dot(e_w2, bias_axis) / g_norm2 * bias_axis
    scale = np.sqrt(np.abs(1 - np.sum(mu_orth * mu_orth)))
    corrected_e_w1B = scale * (e_w1B - mu_B) / np.linalg.norm((e_w1 - mu_orth) - mu_B)
    corrected_e_w2B = scale * (e_w2B - mu_B) / np.linalg.norm((e_w2 - mu_orth) - mu_B)
    e1 = corrected_e_w1B + mu_orth
    e2 = corrected_e_w2B + mu_orth
    ### END SOLUTION
    return e1, e2


# %% nbgrader={"grade_id": "test_equalize", "points": 3}
### BEGIN HIDDEN TESTS
def _reference_cosine_similarity(u, v):
    u, v = np.asarray(u, np.float64), np.asarray(v, np.float64)
    return float(np.dot(u, v) / np.sqrt(np.dot(u, u) * np.dot(v, v)))


_cosine_for_grading = substituted.where_different(
    globals(), vector_pairs(), cosine_similarity=_reference_cosine_similarity)
_cosine_for_grading.__enter__()
### END HIDDEN TESTS
# A pair in 3-D with the bias axis (0, 0, 2): mu = (0.5, 0.2, 0.6), mu_B = (0, 0, 0.6),
# mu_orth = (0.5, 0.2, 0), sqrt(|1 - 0.29|) = 0.842615, e_w1B - mu_B = (0, 0, 0.4) and
# ||e_w1 - mu|| = sqrt(0.29) = 0.538516, so e1 = mu_orth + 0.842615 * (0, 0, 0.4) / 0.538516.
toy_pair_map = {"uncle": np.array([0.8, 0.0, 1.0]), "aunt": np.array([0.2, 0.4, 0.2])}
axis_toy = np.array([0.0, 0.0, 2.0])
e1_toy, e2_toy = equalize(("uncle", "aunt"), axis_toy, toy_pair_map)
g_wm = word_to_vec_map["woman"] - word_to_vec_map["man"]
actor_map = {w: word_to_vec_map[w].copy() for w in ("actor", "actress")}
e1_actor, e2_actor = equalize(("actor", "actress"), g_wm, actor_map)
g_unit = g_wm / np.linalg.norm(g_wm)
run_checks(
    "equalize",
    lambda: check_array(e1_toy, [0.5, 0.2, 0.625879], "e1 of equalize(('uncle', 'aunt'), "
                        "(0, 0, 2), toy_pair_map)",
                        hints=[(np.array([0.5, 0.2, -0.625879]), "e1 on the side of w2: the sign "
                                "of e_w1B - mu_B?"),
                               (np.array([0.5, 0.2, 0.742781]),
                                "the factor sqrt(|1 - ||mu_orth||^2|) is missing?"),
                               (np.array([0.8, 0.0, 0.625879]), "e1 kept the part of e_w1 "
                                "perpendicular to g: both words get mu_orth?"),
                               (np.array([0.5, 0.2, 1.564697]), "e_w1B instead of "
                                "e_w1B - mu_B: subtract mu_B?"),
                               (np.array([0.5, 0.2, 0.842615]), "divided by ||e_w1B - mu_B||: "
                                "the formula divides by ||(e_w1 - mu_orth) - mu_B||?"),
                               (np.array([0.5, 0.2, 0.504591]), "1 - ||mu_orth|| instead of "
                                "1 - ||mu_orth||^2 under the square root?")]),
    lambda: check_array(e2_toy, [0.5, 0.2, -0.625879], "e2 of equalize(('uncle', 'aunt'), "
                        "(0, 0, 2), toy_pair_map)"),
    lambda: check_array(toy_pair_map["uncle"], [0.8, 0.0, 1.0],
                        "toy_pair_map['uncle'] after equalize (it must not change)"),
    lambda: check_scalar(np.dot(e1_actor + e2_actor, g_unit), 0.0,
                         "(e1 + e2) . g / ||g|| for ('actor', 'actress') (the midpoint of an "
                         "equalized pair has no component along g)", atol=1e-4),
    lambda: check_scalar(np.linalg.norm((e1_actor - e2_actor)
                                        - np.dot(e1_actor - e2_actor, g_unit) * g_unit), 0.0,
                         "the part of e1 - e2 perpendicular to g for ('actor', 'actress') "
                         "(the two words may differ only along g)", atol=1e-4),
    lambda: check_scalar(np.dot(e1_actor, g_unit), -4.336801,
                         "e1 . g / ||g|| for ('actor', 'actress'), g = e_woman - e_man",
                         rtol=1e-4),
    lambda: check_unchanged(word_to_vec_map["actor"], actor_map["actor"],
                            "the vector of 'actor' in the dictionary after equalize"),
)
### BEGIN HIDDEN TESTS
def _hidden_equalize():
    def _oracle(_e1, _e2, _g):
        _e1, _e2, _g = (np.asarray(_x, np.float64) for _x in (_e1, _e2, _g))
        _u = _g / np.linalg.norm(_g)
        _mu = (_e1 + _e2) / 2
        _mu_orth = _mu - np.dot(_mu, _u) * _u
        _half = np.dot(_e1 - _e2, _u) / 2 * _u  # e_w1B - mu_B
        _s = np.sqrt(abs(1 - np.dot(_mu_orth, _mu_orth))) / (np.linalg.norm(_e1 - _e2) / 2)
        return _mu_orth + _s * _half, _mu_orth - _s * _half, _mu_orth, _half, _s

    for _seed, (_n, _size, _glen) in enumerate(((50, 1.0, 2.0), (50, 0.2, 1.0), (5, 3.0, 0.3),
                                                (300, 0.05, 7.0), (2, 1.0, 1.0))):
        _rng = np.random.default_rng(5000 + _seed)
        _g = _rng.normal(size=_n)
        _g *= _glen / np.linalg.norm(_g)
        _base = _size * _rng.normal(size=_n)
        _w2v = {"lord": _base + _size * 0.5 * _rng.normal(size=_n) - 0.6 * _g,
                "lady": _base + _size * 0.5 * _rng.normal(size=_n) + 0.4 * _g}
        _copies = {_w: _v.copy() for _w, _v in _w2v.items()}
        _g_copy = _g.copy()
        _want1, _want2, _mu_orth, _half, _s = _oracle(_w2v["lord"], _w2v["lady"], _g)
        _u = _g / np.linalg.norm(_g)
        _s_paper = np.sqrt(abs(1 - np.dot(_mu_orth, _mu_orth))) / np.linalg.norm(_half)
        _hints1 = [(_want2, "e1 and e2 swapped: the sign of e_w1B - mu_B?"),
                   (_mu_orth + _half / (np.linalg.norm(_w2v["lord"] - _w2v["lady"]) / 2),
                    "the factor sqrt(|1 - ||mu_orth||^2|) is missing?"),
                   (_mu_orth + _s_paper * _half, "divided by ||e_w1B - mu_B||: the formula "
                    "divides by ||(e_w1 - mu_orth) - mu_B||?"),
                   (_s * _half + (_w2v["lord"] - np.dot(_w2v["lord"], _u) * _u),
                    "e1 kept the part of e_w1 perpendicular to g: both words get mu_orth?"),
                   (_mu_orth + _s * np.dot(_w2v["lord"], _u) * _u,
                    "e_w1B instead of e_w1B - mu_B: subtract mu_B?"),
                   (_mu_orth + np.sqrt(abs(1 - np.linalg.norm(_mu_orth))) * _half
                    / (np.linalg.norm(_w2v["lord"] - _w2v["lady"]) / 2),
                    "1 - ||mu_orth|| instead of 1 - ||mu_orth||^2 under the square root?")]
        _what = (f"equalize(('lord', 'lady'), bias_axis, word_to_vec_map) for vectors of {_n} "
                 f"numbers and ||mu_orth||^2 = {np.dot(_mu_orth, _mu_orth):.2f}")
        _got = equalize(("lord", "lady"), _g, _w2v)
        check_type(_got, tuple, _what)
        check_equal(len(_got), 2, f"the number of vectors returned by {_what}")
        _e1, _e2 = _got
        check_array(_e1, _want1, f"e1 of {_what}", rtol=1e-7, atol=1e-9, hints=_hints1)
        check_array(_e2, _want2, f"e2 of {_what}", rtol=1e-7, atol=1e-9,
                    hints=[(_want1, "e1 and e2 swapped: the sign of e_w2B - mu_B?")])
        for _w in _w2v:
            check_unchanged(_copies[_w], _w2v[_w], f"word_to_vec_map['{_w}'] after equalize")
        check_unchanged(_g_copy, _g, "bias_axis after equalize")
        # symmetry: a vector perpendicular to g is equally similar to both
        _v = _rng.normal(size=_n)
        _v -= np.dot(_v, _u) * _u
        check_scalar(np.dot(_v, _e1), float(np.dot(_v, _e2)), "v . e1 for a v perpendicular to "
                     f"g (it must equal v . e2) in {_what}", rtol=1e-7, atol=1e-9)
        _got_rev = equalize(("lady", "lord"), _g, _w2v)
        check_array(_got_rev[0], _want2, f"e1 of equalize(('lady', 'lord'), ...) in {_what}",
                    rtol=1e-7, atol=1e-9)
    for _pair in (("man", "woman"), ("grandfather", "grandmother"), ("waiter", "waitress")):
        _gw = (word_to_vec_map["she"] - word_to_vec_map["he"]).astype(np.float64)
        _want1, _want2, _, _, _ = _oracle(word_to_vec_map[_pair[0]], word_to_vec_map[_pair[1]],
                                          _gw)
        _e1, _e2 = equalize(_pair, _gw, {_w: word_to_vec_map[_w].copy() for _w in _pair})
        _what = f"equalize({_pair}, e_she - e_he, word_to_vec_map)"
        check_array(np.asarray(_e1, np.float64), _want1, f"e1 of {_what}", rtol=1e-4, atol=1e-5)
        check_array(np.asarray(_e2, np.float64), _want2, f"e2 of {_what}", rtol=1e-4, atol=1e-5)


try:
    _hidden_equalize()
finally:
    _cosine_for_grading.__exit__(None, None, None)
### END HIDDEN TESTS

# %% [markdown]
# ## 8 - What debiasing changes
#
# Now debias with $g$ from section 5: neutralize ten words that should not carry a gender, and
# equalize six gendered pairs. The plot shows each word's cosine similarity with $g$ before
# (grey circles) and after (colored crosses).

# %% tags=["demo"]
neutral_demo = ["receptionist", "nurse", "homemaker", "babysitter", "hairdresser", "librarian",
                "engineer", "architect", "programmer", "manager"]
pairs_demo = [("man", "woman"), ("actor", "actress"), ("grandfather", "grandmother"),
              ("waiter", "waitress"), ("boy", "girl"), ("king", "queen")]
before_neutral = [cosine_similarity(word_to_vec_map[w], g) for w in neutral_demo]
after_neutral = [cosine_similarity(neutralize(w, g, word_to_vec_map), g) for w in neutral_demo]
pair_words, before_pairs, after_pairs = [], [], []
for w1, w2 in pairs_demo:
    e1, e2 = equalize((w1, w2), g, word_to_vec_map)
    pair_words += [w1, w2]
    before_pairs += [cosine_similarity(word_to_vec_map[w1], g),
                     cosine_similarity(word_to_vec_map[w2], g)]
    after_pairs += [cosine_similarity(e1, g), cosine_similarity(e2, g)]

fig, axes = plt.subplots(1, 2, figsize=(11, 5.2))
panels = [(axes[0], neutral_demo, before_neutral, after_neutral, "neutralize", "tab:blue"),
          (axes[1], pair_words, before_pairs, after_pairs, "equalize", "tab:red")]
for ax, labels, before, after, step, color in panels:
    y = np.arange(len(labels))[::-1]
    ax.scatter(before, y, color="grey", label="before")
    ax.scatter(after, y, color=color, marker="x", s=60, label=f"after {step}")
    for yi, b, a in zip(y, before, after):
        ax.plot([b, a], [yi, yi], color="lightgrey", zorder=0)
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_yticks(y, labels)
    ax.set_xlabel("cosine similarity with g   (< 0: male side, > 0: female side)")
    ax.set_title(f"{step}: {'words that should be neutral' if step == 'neutralize' else 'pairs'}")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.13), ncol=2, frameon=False)
fig.suptitle("Each word's cosine similarity with the gender direction g, before and after")
fig.tight_layout()
plt.show()

# %% [markdown]
# The left panel: every neutralized word sits exactly on 0. The right panel: each pair now sits
# symmetrically about 0, the two cosines equal in size and opposite in sign. Before, they were
# not: *man* was at about $-0.12$ and *woman* at $+0.27$, and *boy* was even on the female side.
# The cell below asserts these observations, and the point of equalizing: a neutralized word
# is now exactly as similar to *man* as to *woman*.

# %% tags=["demo"]
assert np.allclose(after_neutral, 0, atol=1e-5), "neutralized words should have cosine 0"
assert np.allclose(after_pairs[0::2], -np.array(after_pairs[1::2]), atol=1e-5), \
    "the two words of an equalized pair should have opposite cosines with g"
assert all(a1 < 0 < a2 for a1, a2 in zip(after_pairs[0::2], after_pairs[1::2])), \
    "after equalize the first word of each pair should be on the male side"
assert before_pairs[0] < -0.05 and before_pairs[1] > 0.2, "man and woman were asymmetric"
assert before_pairs[pair_words.index("boy")] > 0, "boy leaned to the female side before"
e_recept = neutralize("receptionist", g, word_to_vec_map)
e_man, e_woman = equalize(("man", "woman"), g, word_to_vec_map)
gap = cosine_similarity(e_recept, e_man) - cosine_similarity(e_recept, e_woman)
print(f"receptionist: similar to man {cosine_similarity(e_recept, e_man):+.4f}, "
      f"to woman {cosine_similarity(e_recept, e_woman):+.4f}")
assert abs(gap) < 1e-5, "a neutralized word should be equally similar to an equalized pair"

# %% [markdown]
# ## 9 - What debiasing does not fix
#
# Neutralize removes the bias that one direction can see. Gonen and Goldberg (2019) showed that
# much of it survives elsewhere: a word's **neighbours** still give away how it leaned. Words
# that leaned the same way were also close in many directions other than $g$, and neutralize
# leaves those directions alone. The gender information was spread over the whole vector, not
# stored in $g$ alone.
#
# Let us measure it on 98 occupations. For each, record its original lean (its cosine with
# $g$), neutralize all 98, find each one's 5 nearest neighbours among the neutralized
# occupations, and average the neighbours' **original** leans. If neutralize had removed the
# gender information, this average would be unrelated to the word's own lean.

# %% tags=["demo"]
occupations = """accountant architect artist astronaut athlete attorney baker banker barber
bartender bodyguard boxer broker builder butcher captain carpenter cashier chef chemist clerk
coach cook dancer dentist designer detective diplomat director doctor economist editor
electrician engineer farmer firefighter fisherman guard hairdresser historian housekeeper
janitor journalist judge laborer lawyer librarian lifeguard magician manager mathematician
mechanic midwife miner model musician nanny novelist nurse officer painter pharmacist
philosopher photographer physician physicist pianist pilot plumber poet politician professor
programmer psychologist receptionist researcher sailor scientist secretary senator sergeant
singer soldier stylist surgeon tailor teacher technician therapist translator tutor violinist
warrior writer homemaker babysitter maid cleaner""".split()
assert len(occupations) == 98
lean = np.array([cosine_similarity(word_to_vec_map[w], g) for w in occupations])
E_neutral = np.array([neutralize(w, g, word_to_vec_map) for w in occupations])
E_unit = E_neutral / np.linalg.norm(E_neutral, axis=1, keepdims=True)
similarity = E_unit @ E_unit.T
np.fill_diagonal(similarity, -np.inf)  # a word is not its own neighbour
neighbours = np.argsort(-similarity, axis=1)[:, :5]
neighbour_lean = lean[neighbours].mean(axis=1)
r_after = np.corrcoef(lean, neighbour_lean)[0, 1]
E_unit_before = np.array([word_to_vec_map[w] for w in occupations], dtype=np.float64)
E_unit_before /= np.linalg.norm(E_unit_before, axis=1, keepdims=True)
similarity_before = E_unit_before @ E_unit_before.T
np.fill_diagonal(similarity_before, -np.inf)
neighbours_before = np.argsort(-similarity_before, axis=1)[:, :5]
r_before = np.corrcoef(lean, lean[neighbours_before].mean(axis=1))[0, 1]
print(f"{len(occupations)} occupations; largest |cosine with g| after neutralize: "
      f"{np.abs(E_unit @ g).max():.1e}")
print(f"correlation between a word's lean and its neighbours' lean: {r_before:.2f} before "
      f"neutralize, {r_after:.2f} after")
for w in ["receptionist", "engineer"]:
    k = occupations.index(w)
    print(f"  {w:13s} ({lean[k]:+.2f}) neighbours after neutralize: "
          + ", ".join(f"{occupations[j]} ({lean[j]:+.2f})" for j in neighbours[k])
          + f"; their mean lean {neighbour_lean[k]:+.2f}")

fig, ax = plt.subplots(figsize=(5.5, 4.5))
ax.scatter(lean, neighbour_lean, s=14, label="one occupation")
ax.axhline(0, color="black", linewidth=0.6)
ax.axvline(0, color="black", linewidth=0.6)
fit = np.polyfit(lean, neighbour_lean, 1)
xs = np.linspace(lean.min(), lean.max(), 2)
ax.plot(xs, np.polyval(fit, xs), color="tab:red", label=f"least-squares line, r = {r_after:.2f}")
ax.set_xlabel("the word's cosine with g before neutralize")
ax.set_ylabel("mean original cosine of its 5 neighbours\n(neighbours found after neutralize)")
ax.set_title("Neutralized occupations still cluster by gender")
ax.legend(frameon=False)
plt.show()
assert np.abs(E_unit @ g).max() < 1e-5, "every neutralized occupation should be perpendicular to g"
assert 0.45 < r_after < 0.75, f"expected a correlation of about 0.6, got {r_after:.2f}"
assert 0.75 < r_before < 0.95, f"expected a correlation of about 0.8 before, got {r_before:.2f}"
assert 0.08 < neighbour_lean[occupations.index("receptionist")] < 0.25, "receptionist's neighbours"
assert -0.25 < neighbour_lean[occupations.index("engineer")] < -0.08, "engineer's neighbours"

# %% [markdown]
# Every neutralized occupation has cosine 0 with $g$, yet its neighbours' original lean still
# follows its own: the correlation is about 0.6 (the cell asserts 0.45 to 0.75), down from
# about 0.8 before neutralizing, far from the 0 that would mean the neighbours carry no trace
# of it. The neighbours of neutralized *receptionist* are *hairdresser*, *housekeeper* and
# *cashier*, words that leaned female (their average original cosine with $g$ is about
# $+0.15$); those of *engineer* are *technician*, *mechanic*, *chemist* and *builder*, which
# leaned male (about $-0.16$). A classifier, or any model built on these vectors, can recover
# much of the removed gender from such clusters. Debiasing by projection hides the bias from
# one measurement, $g$; it does not remove it from the geometry. Gonen and Goldberg's title
# says it well: *Lipstick on a pig: debiasing methods cover up systematic gender biases in word
# embeddings but do not remove them.*
#
# ## 10 - What you built
#
# - `cosine_similarity`: the measure of similarity between word vectors;
# - `complete_analogy`: analogies by vector arithmetic over 40,000 words with one matrix
#   product, about two thirds of a 30-question test solved by 50-d GloVe;
# - `bias_direction`: a gender direction combined from 39 pairs;
# - `neutralize` and `equalize`: hard debiasing, and a measurement of what it leaves behind.
#
# In the next notebook, *Emojify*, these vectors become the input of a classifier: you will
# average them into a sentence vector, then feed them to an LSTM, and see how word vectors let
# a model trained on a few hundred sentences understand words it has never seen in training.

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
# # A character-level language model: inventing first names
#
# A **language model** gives a probability to every possible next symbol, given the symbols
# seen so far. Here the symbols are single characters and the text is a list of 5,163 US first
# names (from the 1990 census). A small recurrent neural network (RNN) reads a name one
# character at a time and learns which letters tend to follow which. Once trained, it can
# **generate**: draw a first letter from its prediction, feed it back in, draw the next one, and
# so on until it predicts the end of the name. The result is names that look like names and
# mostly do not exist.
#
# **By the end you will have written**
#
# - `predicted_initial_loss`: a prediction, made before training, of the loss of the untrained
#   network;
# - `clip`: gradient clipping, the simple cure for exploding gradients;
# - `sample`: generation, one character at a time;
# - `optimize`: one step of training (forward pass, backward pass, clipping, update);
# - `model`: the training loop over the names;
#
# and you will have trained the model on the names, watched what it generates as it learns,
# and counted how many of the names it invents are really new.
#
# **How this notebook works**
#
# - Write your code between `# YOUR CODE HERE` and the `return` line of each exercise, and delete
#   the `raise NotImplementedError()` line. Do not rename the functions or change their arguments.
# - Each exercise is followed by a test cell. A line ending in "all public tests passed" means
#   the visible checks agree with your code. The grader runs more tests (other names, other
#   vocabularies, other sizes), so passing the public tests is necessary, not sufficient.
# - Run the cells in order. If something behaves strangely, use *Kernel → Restart and run all*.
# - Only the exercise cells are graded: the grader runs the released notebook with your
#   exercise cells put in, so cells you add yourself do not run there. Keep every helper
#   function or import that your answer needs inside its exercise cell.

# %% [markdown]
# ## 1 - Packages
#
# - [NumPy](https://numpy.org) for the computations, [Matplotlib](https://matplotlib.org) for
#   the figures, `time` from the standard library to time the training;
# - `dlcourse.data.load_names`, which loads the names, and `dlcourse.words.preview_names`, a
#   figure of their lengths and letters;
# - `dlcourse.char_rnn`, the ready-made parts of the RNN (section 3 lists them);
# - `dlcourse.testing`, the course's test helpers. `substituted` is one of them: while grading,
#   it lets the test of, say, `optimize` run with a correct `clip` put in, so that one mistake
#   costs the points of one function only.

# %%
import time

import matplotlib.pyplot as plt
import numpy as np

from dlcourse.char_rnn import (
    get_initial_loss,
    indices_to_text,
    initialize_parameters,
    rnn_backward,
    rnn_forward,
    smooth,
    softmax,
    update_parameters,
)
from dlcourse.data import load_names
from dlcourse.words import preview_names

# %%
np.set_printoptions(precision=6, suppress=True)

from dlcourse.testing import (
    check_array,
    check_equal,
    check_keys,
    check_scalar,
    check_type,
    check_unchanged,
    run_checks,
    substituted,
)

# %% [markdown]
# ## 2 - The data: first names as sequences of characters
#
# `load_names()` returns the names as a list of lower-case strings, sorted alphabetically. The
# network needs numbers, so every character gets an index. Besides the 26 letters there is one
# more symbol: the **newline** `"\n"`, which marks the end of a name. Predicting it is how the
# model says "the name is finished", and drawing it is how generation stops. With the newline
# the vocabulary has 27 characters; sorted, the newline comes first (index 0), then `a` = 1 to
# `z` = 26.

# %%
names = load_names()
chars = sorted(set("".join(names)) | {"\n"})
vocab_size = len(chars)
char_to_ix = {ch: i for i, ch in enumerate(chars)}
ix_to_char = {i: ch for i, ch in enumerate(chars)}
print(f"{len(names)} names, {vocab_size} characters: {chars}")
print("first names:", names[:8])

# %% [markdown]
# Nine names in ten have 4 to 8 letters (the cell checks it); the figure also shows how often
# each letter occurs.

# %% tags=["demo"]
lengths = np.array([len(name) for name in names])
share_4_to_8 = np.mean((lengths >= 4) & (lengths <= 8))
print(f"{share_4_to_8:.0%} of the names have 4 to 8 letters; the longest has {lengths.max()}")
assert 0.88 < share_4_to_8 < 0.92, share_4_to_8
fig = preview_names(names)
plt.show()

# %% [markdown]
# ## 3 - The model
#
# ### 3.1 - One name, one training example
#
# The network is the basic RNN of the lectures, with one-hot characters as inputs and outputs
# ($n_x = n_y = 27$) and $n_a$ hidden units. At step $t$ it reads the character
# $x^{\langle t \rangle}$ and predicts the next one:
#
# $$a^{\langle t \rangle} = \tanh\left(W_{ax} x^{\langle t \rangle} + W_{aa} a^{\langle t-1
# \rangle} + b\right), \qquad \hat y^{\langle t \rangle} = \mathrm{softmax}\left(W_{ya}
# a^{\langle t \rangle} + b_y\right).$$
#
# $\hat y^{\langle t \rangle}$ is a column of 27 probabilities, one per character. The target
# $y^{\langle t \rangle}$ is the character that really comes next, so **the targets are the
# inputs shifted by one step**. The first input is the zero vector (nothing has been read yet:
# predict the first letter) and the last target is the newline. In indices, for `"anna"`:
#
# | step $t$ | 1 | 2 | 3 | 4 | 5 |
# |---|---|---|---|---|---|
# | input `X` | `None` (zero vector) | `a` = 1 | `n` = 14 | `n` = 14 | `a` = 1 |
# | target `Y` | `a` = 1 | `n` = 14 | `n` = 14 | `a` = 1 | `"\n"` = 0 |
#
# So `X = [None, 1, 14, 14, 1]` and `Y = [1, 14, 14, 1, 0]`. The loss of the example adds up
# the cross-entropy of every step,
#
# $$\mathcal{L} = -\sum_{t=1}^{T} \log \hat y^{\langle t \rangle}_{y^{\langle t \rangle}},$$
#
# where $\hat y^{\langle t \rangle}_{y^{\langle t \rangle}}$ is the probability the network gave
# to the right character. In Python (indices from 0), `X[t]` and `Y[t]` are the input and
# target of step `t = 0, ..., len(X) - 1`.
#
# ### 3.2 - The ready-made parts
#
# The forward and backward passes are the same as in the previous notebook, written for one
# example at a time. They are given in `dlcourse.char_rnn` (read its docstrings for the shapes):
#
# - `initialize_parameters(n_a, n_x, n_y)`: `Wax`, `Waa`, `Wya` drawn as
#   `np.random.randn(...) * 0.01` after `np.random.seed(1)`; `b` and `by` zeros;
# - `rnn_forward(X, Y, a0, parameters)`: the pair `(loss, cache)` for one example, starting
#   from the hidden state `a0`;
# - `rnn_backward(X, Y, parameters, cache)`: the pair `(gradients, a)`; `gradients` holds
#   `dWax`, `dWaa`, `dWya`, `db`, `dby` (and `da_next`), `a[t]` is the hidden state of step `t`;
# - `update_parameters(parameters, gradients, lr)`: one step of gradient descent, **in place**
#   (`parameters["Wax"] -= lr * gradients["dWax"]`, and so on);
# - `softmax(z)`: the softmax of a column; `smooth(loss, cur_loss)`: the moving average
#   `0.999 * loss + 0.001 * cur_loss`;
# - `get_initial_loss(vocab_size, seq_length)`: the loss of uniform guessing over `seq_length`
#   steps; `indices_to_text(indices, ix_to_char)`: the text of a list of indices.
#
# A training step is then: forward pass, backward pass, clip the gradients, update. You write
# the clipping, the step and the loop; first, a prediction.
#
# ### Exercise 1 - `predicted_initial_loss`
#
# Before any training, what loss will the network have on a name? Work it out from what you
# know of the untrained network rather than by running it: `initialize_parameters` draws the
# weights as `randn * 0.01` and sets the biases to zero. What does the softmax output look
# like then? How many steps does a name of $n$ letters have, and what does each step add to
# $\mathcal{L}$?
#
# Return your prediction for `name` (a string of lower-case letters, without the newline) and a
# vocabulary of `vocab_size` characters, as a float. The test compares it with the loss of the
# untrained network (to 0.1 %).

# %% nbgrader={"grade_id": "predicted_initial_loss", "solution": true}
# GRADED FUNCTION: predicted_initial_loss
def predicted_initial_loss(name, vocab_size=27):
    """The loss of the untrained network on one name, predicted without running it.

    Arguments:
    name -- string, the name (lower-case letters, no newline)
    vocab_size -- number of characters in the vocabulary (the newline included)

    Returns:
    loss -- float, the predicted loss of the whole example
    """
    ### BEGIN SOLUTION
    # Tiny weights: every softmax is close to uniform, so each step costs log(vocab_size);
    # a name of n letters has n + 1 steps (the last target is the newline).
    loss = (len(name) + 1) * np.log(vocab_size)
    ### END SOLUTION
    return loss


# %% nbgrader={"grade_id": "test_predicted_initial_loss", "points": 2}
predicted_aaron = predicted_initial_loss("aaron")
params_untrained = initialize_parameters(50, vocab_size, vocab_size)
X_aaron = [None] + [char_to_ix[ch] for ch in "aaron"]
Y_aaron = X_aaron[1:] + [char_to_ix["\n"]]
loss_aaron, _ = rnn_forward(X_aaron, Y_aaron, np.zeros((50, 1)), params_untrained)
print(f"your prediction for 'aaron': {predicted_aaron:.4f}; the untrained network: "
      f"{loss_aaron:.4f}")
run_checks(
    "predicted_initial_loss",
    lambda: check_scalar(predicted_aaron, loss_aaron,
                         "predicted_initial_loss('aaron') (compared with the untrained network)",
                         rtol=1e-3,
                         hints=[(5 * np.log(27), "one step short: what is the last target?"),
                                (np.log(27), "that is one step: the loss adds up all steps"),
                                (6 * np.log2(27), "log base 2: the loss uses the natural log"),
                                (6 * np.log(26), "26 choices per step: the newline is a "
                                                 "character of the vocabulary too")]),
)
### BEGIN HIDDEN TESTS
def _hidden_predicted_initial_loss():
    for _seed, (_name, _V, _n_a) in enumerate((("bo", 27, 50), ("maximilian", 27, 8),
                                               ("cab", 5, 10), ("a", 12, 3))):
        _rng = np.random.default_rng(1300 + _seed)
        _letters = _rng.integers(1, _V, size=len(_name))  # indices of a vocabulary of size _V
        _P = initialize_parameters(_n_a, _V, _V)
        _X = [None] + [int(_i) for _i in _letters]
        _Y = _X[1:] + [0]
        _actual = rnn_forward(_X, _Y, np.zeros((_n_a, 1)), _P, vocab_size=_V)[0]
        _n = len(_name)
        _hints = [(_n * np.log(_V), "one step short: what is the last target?"),
                  ((_n - 1) * np.log(_V), "two steps short: count the steps of the example"),
                  (np.log(_V), "that is one step: the loss adds up all steps"),
                  ((_n + 1) * np.log2(_V), "log base 2: the loss uses the natural log"),
                  ((_n + 1) * np.log10(_V), "log base 10: the loss uses the natural log"),
                  ((_n + 1) * np.log(_V - 1), "the newline is one of the vocab_size characters"),
                  ((_n + 1) * np.log(27), "27 hard-coded: use the argument vocab_size")]
        _what = f"predicted_initial_loss({_name!r}, vocab_size={_V})"
        _got = predicted_initial_loss(_name, _V)
        check_scalar(_got, (_n + 1) * np.log(_V), _what, rtol=1e-6, hints=_hints)
        check_scalar(_got, _actual, f"{_what} compared with the untrained network", rtol=1e-3)


_hidden_predicted_initial_loss()
### END HIDDEN TESTS

# %% [markdown]
# A network that knows nothing spreads its bets evenly, so every step costs $\log 27 \approx
# 3.30$. Training must push the probability of the right character up: a loss of 16 on a
# 7-step name means $e^{-16/7} \approx 0.10$ per step on average, nearly three times better
# than guessing. Keep the starting value in mind; the training curve of section 6 starts there.
#
# ## 4 - Two building blocks
#
# ### 4.1 - Gradient clipping
#
# Backpropagation through time multiplies by $W_{aa}^T$ (and by the derivative of tanh) once
# per step. Over many steps these products can grow very large: a single update then throws
# the parameters far away and the loss jumps up, or turns into `nan`. These **exploding
# gradients** are the reason RNNs are trained with **clipping**: before the update, every
# entry of every gradient is forced into the interval $[-\text{maxValue}, \text{maxValue}]$.
# An entry of 12 with `maxValue = 5` becomes 5, an entry of $-7$ becomes $-5$, and entries
# already inside the interval stay as they are. The update keeps (roughly) its direction but
# can no longer be huge.
#
# ### Exercise 2 - `clip`
#
# Return a **new** dictionary with the keys `"dWaa"`, `"dWax"`, `"dWya"`, `"db"`, `"dby"`,
# each gradient clipped to $[-\text{maxValue}, \text{maxValue}]$ (use
# [`np.clip`](https://numpy.org/doc/stable/reference/generated/numpy.clip.html)). Three
# mistakes to avoid:
#
# - changing the input: `gradients` and its arrays must not change. `np.clip(g, ..., out=g)`
#   writes into `g` itself, so use it only on a copy (the caller may still need the raw
#   gradients, e.g. to monitor their size);
# - clipping only some of the five gradients;
# - the wrong interval: the lower bound is $-\text{maxValue}$, not 0.
#
# Whether the result also carries `"da_next"` does not matter.

# %% nbgrader={"grade_id": "clip", "solution": true}
# GRADED FUNCTION: clip
def clip(gradients, maxValue):
    """Clip every gradient to the interval [-maxValue, maxValue].

    Arguments:
    gradients -- dictionary with "dWaa", "dWax", "dWya", "db", "dby" (and maybe "da_next");
                 not modified
    maxValue -- positive number: entries above it become maxValue, entries below -maxValue
                become -maxValue

    Returns:
    clipped -- a new dictionary with the clipped "dWaa", "dWax", "dWya", "db", "dby"
    """
    ### BEGIN SOLUTION
    clipped = {}
    for key in ("dWaa", "dWax", "dWya", "db", "dby"):
        clipped[key] = np.clip(gradients[key], -maxValue, maxValue)
    ### END SOLUTION
    return clipped


# %% nbgrader={"grade_id": "test_clip", "points": 2}
GRAD_KEYS = {"dWaa", "dWax", "dWya", "db", "dby"}
grads_clip_in = {
    "dWaa": np.array([[12.0, -0.5], [-7.0, 4.0]]),
    "dWax": np.array([[-5.5, 2.0, 9.0], [0.0, -20.0, 1.0]]),
    "dWya": np.array([[6.0, -6.0], [3.0, -3.0], [0.25, 8.0]]),
    "db": np.array([[-11.0], [5.0]]),
    "dby": np.array([[7.5], [-0.5], [-9.0]]),
    "da_next": np.array([[30.0], [-30.0]]),
}
grads_clip_copy = {key: value.copy() for key, value in grads_clip_in.items()}
clipped_5 = clip(grads_clip_in, 5)
clipped_8 = clip(grads_clip_in, 8.0)


def check_clipped(clipped, max_value):
    check_keys({k: v for k, v in clipped.items() if k != "da_next"}, GRAD_KEYS,
               f"the dictionary clip(gradients, {max_value}) returns (apart from da_next)")
    for key in sorted(GRAD_KEYS):
        raw = grads_clip_copy[key]
        check_array(clipped[key], np.clip(raw, -max_value, max_value),
                    f"{key} clipped to [-{max_value}, {max_value}]",
                    hints=[(raw, "this gradient was not clipped"),
                           (np.clip(raw, 0, max_value), "clipped to [0, maxValue]: the lower "
                                                        "bound is -maxValue"),
                           (np.clip(raw, -5, 5), "clipped to [-5, 5] whatever maxValue is: "
                                                 "use the argument")])


run_checks(
    "clip",
    *[lambda key=key: check_unchanged(grads_clip_copy[key], grads_clip_in[key],
                                      f"gradients['{key}'] passed to clip")
      for key in grads_clip_copy],
    lambda: check_clipped(clipped_5, 5),
    lambda: check_clipped(clipped_8, 8.0),
)
### BEGIN HIDDEN TESTS
def _hidden_clip():
    for _seed, (_n_a, _n_x, _max) in enumerate(((5, 27, 5), (3, 4, 0.5), (8, 10, 10.0))):
        _rng = np.random.default_rng(1400 + _seed)
        _G = {"dWaa": _rng.normal(0, 8, (_n_a, _n_a)), "dWax": _rng.normal(0, 8, (_n_a, _n_x)),
              "dWya": _rng.normal(0, 8, (_n_x, _n_a)), "db": _rng.normal(0, 8, (_n_a, 1)),
              "dby": _rng.normal(0, 8, (_n_x, 1)), "da_next": _rng.normal(0, 8, (_n_a, 1))}
        _G["db"][0, 0] = _max  # on the boundary: unchanged
        _copy = {_k: _v.copy() for _k, _v in _G.items()}
        _got = clip(_G, _max)
        _what = f"clip(gradients, {_max})"
        check_type(_got, dict, f"the result of {_what}")
        check_keys({_k: _v for _k, _v in _got.items() if _k != "da_next"},
                   {"dWaa", "dWax", "dWya", "db", "dby"}, f"the dictionary {_what} returns")
        for _k in ("dWaa", "dWax", "dWya", "db", "dby"):
            _raw = _copy[_k]
            check_array(_got[_k], np.minimum(np.maximum(_raw, -_max), _max),
                        f"{_k} from {_what}", rtol=1e-12, atol=1e-12,
                        hints=[(_raw, "this gradient was not clipped"),
                               (np.minimum(np.maximum(_raw, 0), _max),
                                "clipped to [0, maxValue]: the lower bound is -maxValue"),
                               (np.minimum(np.maximum(_raw, -5), 5),
                                "clipped to [-5, 5]: use the argument maxValue")])
        for _k, _v in _copy.items():
            check_unchanged(_v, _G[_k], f"gradients['{_k}'] passed to clip")
        check_keys(_G, set(_copy), "the gradients dictionary passed to clip (must not change)")


_hidden_clip()
### END HIDDEN TESTS

# %% [markdown]
# ### 4.2 - Sampling: generating a name
#
# A trained network generates a name by feeding its own guesses back in:
#
# 1. Start with $x^{\langle 1 \rangle} = \vec 0$ (a zero column of `vocab_size` entries) and
#    $a^{\langle 0 \rangle} = \vec 0$ (a zero column of $n_a$ entries).
# 2. One step forward: $a^{\langle t \rangle} = \tanh(W_{ax} x^{\langle t \rangle} + W_{aa}
#    a^{\langle t-1 \rangle} + b)$, then $\hat y^{\langle t \rangle} = \mathrm{softmax}(W_{ya}
#    a^{\langle t \rangle} + b_y)$ (`softmax` is imported).
# 3. **Draw** the index of the next character at random, with the probabilities
#    $\hat y^{\langle t \rangle}$, and append it to `indices`. Drawing, not taking the most
#    likely character (`np.argmax`), is what makes the names varied: the argmax would give the
#    same name every time.
# 4. The next input $x^{\langle t+1 \rangle}$ is the one-hot column of the character just
#    drawn (a **new** zero column with a 1 at `idx`), and $a^{\langle t \rangle}$ becomes the
#    previous hidden state.
# 5. Repeat from step 2 until you draw the newline (`char_to_ix["\n"]`, which you keep in
#    `indices`), or until you have drawn 50 characters. If you stopped without drawing the
#    newline, append its index: the list always ends with exactly one newline.
#
# **The random draws, exactly.** So that your names match ours for the same `seed`, draw the
# character number `t` (`t = 0` for the first one, `1` for the second, ...) with these two
# calls, in this order:
#
# ```python
# np.random.seed(50 * seed + t)
# idx = np.random.choice(vocab_size, p=y.ravel())
# ```
#
# where `y` is $\hat y^{\langle t \rangle}$, of shape `(vocab_size, 1)`. Seeding every draw
# makes the result independent of anything else that used the random generator before. The
# factor 50 (the longest a sample gets) gives every draw of every sample its own seed: the draws
# of `sample(..., seed=0)` use the seeds 0 to 49, those of `seed=1` the seeds 50 to 99, so two
# samples never share their random numbers. Take `vocab_size` and $n_a$ from the shapes of the
# parameters (`by` has `vocab_size` rows, `Waa` has $n_a$), not from global variables.

# %% nbgrader={"grade_id": "sample", "solution": true}
# GRADED FUNCTION: sample
def sample(parameters, char_to_ix, seed):
    """Generate one name, character by character, from the RNN.

    Arguments:
    parameters -- dictionary with Waa (n_a, n_a), Wax (n_a, vocab_size), Wya (vocab_size, n_a),
                  by (vocab_size, 1), b (n_a, 1); not modified
    char_to_ix -- dictionary character -> index (it holds the newline "\n")
    seed -- integer: draw number t uses np.random.seed(50 * seed + t)

    Returns:
    indices -- list of the indices of the drawn characters, ending with the newline's index
               (at most 51 entries)
    """
    Waa, Wax, Wya, by, b = (parameters["Waa"], parameters["Wax"], parameters["Wya"],
                            parameters["by"], parameters["b"])
    vocab_size = by.shape[0]
    n_a = Waa.shape[1]
    ### BEGIN SOLUTION
    x = np.zeros((vocab_size, 1))
    a_prev = np.zeros((n_a, 1))
    indices = []
    idx = -1
    counter = 0
    newline_character = char_to_ix["\n"]
    while idx != newline_character and counter != 50:
        a = np.tanh(Wax @ x + Waa @ a_prev + b)
        y = softmax(Wya @ a + by)
        np.random.seed(50 * seed + counter)
        idx = int(np.random.choice(vocab_size, p=y.ravel()))
        indices.append(idx)
        x = np.zeros((vocab_size, 1))
        x[idx] = 1
        a_prev = a
        counter += 1
    if idx != newline_character:
        indices.append(newline_character)
    ### END SOLUTION
    return indices


# %% nbgrader={"grade_id": "test_sample", "points": 3}
def chain_parameters(successor, first, char_to_ix, n_a=30):
    """Parameters of an RNN that writes `first`, then the successor of each character it reads,
    with probability 1 - 1e-12 or more: a stand-in whose samples do not depend on the seed."""
    V = len(char_to_ix)
    Wax = np.zeros((n_a, V))
    Wax[:V, :] = 5 * np.eye(V)  # a = tanh(5) ~ 1 at the index of the character just read
    Wya = np.zeros((V, n_a))
    for ch, ix in char_to_ix.items():
        Wya[char_to_ix[successor.get(ch, "\n")], ix] = 60.0
    by = np.zeros((V, 1))
    by[char_to_ix[first]] = 30.0  # the first character, read from the zero input
    return {"Wax": Wax, "Waa": np.zeros((n_a, n_a)), "Wya": Wya, "b": np.zeros((n_a, 1)),
            "by": by}


# "lena": after l comes e, after e n, after n a, after a the newline; after the newline a "z".
params_lena = chain_parameters({"l": "e", "e": "n", "n": "a", "a": "\n", "\n": "z"}, "l",
                               char_to_ix)
sample_lena = sample(params_lena, char_to_ix, 0)
# "abab...": the newline never comes, so sample stops after 50 characters.
sample_abab = sample(chain_parameters({"a": "b", "b": "a"}, "a", char_to_ix), char_to_ix, 3)
# A random network: here the draws matter.
rng_sample = np.random.default_rng(5)
params_random = {"Wax": rng_sample.normal(size=(10, 27)), "Waa": rng_sample.normal(size=(10, 10)),
                 "Wya": rng_sample.normal(size=(27, 10)), "b": rng_sample.normal(size=(10, 1)),
                 "by": rng_sample.normal(size=(27, 1))}
params_random["by"][0] += 2.0  # make the newline more likely: shorter names
params_random_copy = {key: value.copy() for key, value in params_random.items()}
sample_random_0 = sample(params_random, char_to_ix, 0)
sample_random_7 = sample(params_random, char_to_ix, 7)
print("lena:", repr(indices_to_text(sample_lena, ix_to_char)))
print("random network, seed 0:", repr(indices_to_text(sample_random_0, ix_to_char)))
print("random network, seed 7:", repr(indices_to_text(sample_random_7, ix_to_char)))
run_checks(
    "sample",
    lambda: check_type(sample_lena, list, "sample(...)"),
    lambda: check_equal([int(i) for i in sample_lena], [12, 5, 14, 1, 0],
                        "the indices sampled from the 'lena' network (l e n a newline)",
                        hints=[([12] * 50 + [0], "the input stays zeros: the next input is "
                                                 "the one-hot vector of the character drawn"),
                               ([12, 5, 14, 1] + [0, 26] * 23 + [0],
                                "sampling went on after the newline: stop when it is drawn"),
                               ([12, 5, 5, 14, 14, 1, 14, 0],
                                "the input keeps the earlier characters: a new zero vector "
                                "before setting the 1 of the character drawn")]),
    lambda: check_equal(indices_to_text(sample_abab, ix_to_char), "ab" * 25 + "\n",
                        "the text sampled from the 'abab' network (50 characters, then the "
                        "newline is appended)",
                        hints=[("ab" * 25, "the newline not appended after 50 characters")]),
    lambda: check_equal([int(i) for i in sample_random_0], [18, 18, 17, 18, 26, 17, 18, 0],
                        "sample(params_random, char_to_ix, seed=0)",
                        hints=[([18, 24, 17, 13, 23, 25, 10, 25, 25, 10, 24, 25, 11, 26, 6, 8, 0],
                                "seeded once: np.random.seed(50 * seed + t) comes before every "
                                "draw")]),
    lambda: check_equal([int(i) for i in sample_random_7], [11, 2, 17, 18, 0],
                        "sample(params_random, char_to_ix, seed=7)"),
    *[lambda key=key: check_unchanged(params_random_copy[key], params_random[key],
                                      f"parameters['{key}'] passed to sample")
      for key in params_random],
)
### BEGIN HIDDEN TESTS
def _hidden_sample():
    def _softmax(_z):
        _e = np.exp(_z - _z.max())
        return _e / _e.sum()

    def _reference(_P, _nl, _seed, _mode="right"):
        # The stated procedure, written independently; _mode plants known mistakes for hints.
        _V, _n_a = _P["by"].shape[0], _P["Waa"].shape[0]
        _x, _h, _out = np.zeros((_V, 1)), np.zeros((_n_a, 1)), []
        for _t in range(50):
            _h = np.tanh(np.einsum("ij,jk->ik", _P["Wax"], _x)
                         + np.einsum("ij,jk->ik", _P["Waa"], _h) + _P["b"])
            _p = _softmax(np.einsum("ij,jk->ik", _P["Wya"], _h) + _P["by"]).ravel()
            if _mode == "argmax":
                _i = int(np.argmax(_p))
            else:
                _s = {"right": 50 * _seed + _t, "seed_plus_t": _seed + _t,
                      "seed_plus_2t": _seed + 2 * _t}[_mode]
                np.random.seed(_s)
                _i = int(np.random.choice(_V, p=_p))
            _out.append(_i)
            if _i == _nl:
                return _out
            _x = np.zeros((_V, 1))
            _x[_i, 0] = 1.0
        return _out + [_nl]

    def _check(_got, _want, _what, _hints=()):
        check_type(_got, list, _what)
        _got = [int(_i) for _i in _got]
        _cause = next((_m for _v, _m in _hints if _v == _got and _v != _want), None)
        check_equal(_got, _want, _what + (f" (likely cause: {_cause})" if _cause else ""))

    # Vocabularies: the course's (newline = 0) and a small one whose newline is index 3.
    _small = {"a": 0, "b": 1, "c": 2, "\n": 3, "d": 4, "e": 5}
    _cases = ((char_to_ix, 12, 1.5, 0), (char_to_ix, 5, 1.0, 11), (_small, 4, 2.0, 2),
              (_small, 7, 1.0, 40), (char_to_ix, 20, 0.5, 3))
    for _c, (_c2i, _n_a, _scale, _seed) in enumerate(_cases):
        _rng = np.random.default_rng(1500 + _c)
        _V = len(_c2i)
        _P = {"Wax": _scale * _rng.normal(size=(_n_a, _V)),
              "Waa": _scale * _rng.normal(size=(_n_a, _n_a)),
              "Wya": _scale * _rng.normal(size=(_V, _n_a)), "b": _rng.normal(size=(_n_a, 1)),
              "by": _rng.normal(size=(_V, 1))}
        _P["by"][_c2i["\n"]] += 1.5
        _copy = {_k: _v.copy() for _k, _v in _P.items()}
        _nl = _c2i["\n"]
        _want = _reference(_P, _nl, _seed)
        _hints = [(_reference(_P, _nl, _seed, "argmax"),
                   "the most likely character (argmax) instead of np.random.choice"),
                  (_reference(_P, _nl, _seed, "seed_plus_t"),
                   "np.random.seed(seed + t): the seed of draw t is 50 * seed + t"),
                  (_reference(_P, _nl, _seed, "seed_plus_2t"),
                   "np.random.seed(seed + 2 t): the seed of draw t is 50 * seed + t")]
        np.random.seed(999)  # sample must seed every draw itself
        _got = sample(_P, _c2i, _seed)
        _check(_got, _want, f"sample(parameters, char_to_ix, seed={_seed}) with vocab_size = "
               f"{_V}, n_a = {_n_a} and the newline at index {_nl}", _hints)
        for _k, _v in _copy.items():
            check_unchanged(_v, _P[_k], f"parameters['{_k}'] passed to sample")

    # Chains with probability 1 - 1e-12 or more: the text does not depend on the seed.
    for _succ, _first, _c2i, _want_text, _n_a in (
            ({"b": "e", "e": "d", "d": "\n", "\n": "a", "a": "b"}, "b", _small, "bed\n", 9),
            ({"z": "o", "o": "e", "e": "\n", "\n": "z"}, "z", char_to_ix, "zoe\n", 31),
            ({"c": "a", "a": "b", "b": "c"}, "c", _small, ("cab" * 17)[:50] + "\n", 6),
            ({}, "\n", char_to_ix, "\n", 28)):
        _ix2c = {_i: _ch for _ch, _i in _c2i.items()}
        _V = len(_c2i)
        _P = {"Wax": np.zeros((_n_a, _V)), "Waa": np.zeros((_n_a, _n_a)),
              "Wya": np.zeros((_V, _n_a)), "b": np.zeros((_n_a, 1)), "by": np.zeros((_V, 1))}
        _P["Wax"][:_V, :] = 5 * np.eye(_V)
        for _ch, _i in _c2i.items():
            _P["Wya"][_c2i[_succ.get(_ch, "\n")], _i] = 60.0
        _P["by"][_c2i[_first]] = 30.0
        _got = sample(_P, _c2i, 4)
        check_type(_got, list, "sample(...)")
        check_equal("".join(_ix2c[int(_i)] for _i in _got), _want_text,
                    f"the text sampled from a network that writes {_want_text!r} almost surely")


_hidden_sample()
### END HIDDEN TESTS

# %% [markdown]
# ## 5 - Training
#
# ### 5.1 - One step of training
#
# ### Exercise 3 - `optimize`
#
# One step of gradient descent on one example:
#
# 1. the forward pass, `rnn_forward(X, Y, a_prev, parameters)`, which gives the loss and a
#    cache (it reads the vocabulary size from the shape of `Wax`: do not pass a number);
# 2. the backward pass, `rnn_backward(X, Y, parameters, cache)`, which gives the gradients and
#    the hidden states `a`;
# 3. your `clip`, with `maxValue = 5`;
# 4. the update, `update_parameters(parameters, gradients, learning_rate)` with the **clipped**
#    gradients. It changes `parameters` in place, which is why `optimize` does not return them.
#
# Return the loss, the clipped gradients and the hidden state of the last step,
# `a[len(X) - 1]`.

# %% nbgrader={"grade_id": "optimize", "solution": true}
# GRADED FUNCTION: optimize
def optimize(X, Y, a_prev, parameters, learning_rate=0.01):
    """One step of training on one example: forward, backward, clip to [-5, 5], update.

    Arguments:
    X -- list of the input indices of the example; X[0] is None
    Y -- list of the target indices, same length as X
    a_prev -- hidden state to start from, shape (n_a, 1)
    parameters -- dictionary Wax (n_a, n_x), Waa (n_a, n_a), Wya (n_y, n_a), b (n_a, 1),
                  by (n_y, 1); updated in place
    learning_rate -- the step size

    Returns:
    loss -- float, the loss of the example (before the update)
    gradients -- dictionary of the clipped gradients dWax, dWaa, dWya, db, dby
    a[len(X) - 1] -- the hidden state of the last step, shape (n_a, 1)
    """
    ### BEGIN SOLUTION
    loss, cache = rnn_forward(X, Y, a_prev, parameters)
    gradients, a = rnn_backward(X, Y, parameters, cache)
    gradients = clip(gradients, 5)
    parameters = update_parameters(parameters, gradients, learning_rate)
    ### END SOLUTION
    return loss, gradients, a[len(X) - 1]


# %% nbgrader={"grade_id": "test_optimize", "points": 3}
### BEGIN HIDDEN TESTS
def _ref_clip(gradients, maxValue):
    return {_k: np.minimum(np.maximum(gradients[_k], -maxValue), maxValue)
            for _k in ("dWaa", "dWax", "dWya", "db", "dby")}


_graded_callees = {"clip": _ref_clip}
### END HIDDEN TESTS
# "anna" with a random network of 6 hidden units, started from a random hidden state.
rng_opt = np.random.default_rng(11)
params_opt = {"Wax": rng_opt.normal(size=(6, 27)), "Waa": rng_opt.normal(size=(6, 6)),
              "Wya": 3 * rng_opt.normal(size=(27, 6)), "b": rng_opt.normal(size=(6, 1)),
              "by": rng_opt.normal(size=(27, 1))}
X_anna = [None, 1, 14, 14, 1]
Y_anna = [1, 14, 14, 1, 0]
a_prev_opt = rng_opt.normal(size=(6, 1))
# While grading, a correct clip stands in for yours in this cell (so a mistake in clip costs
# the points of clip only); here your own clip runs.
with substituted.while_grading(globals()):
    loss_opt, grads_opt, a_last_opt = optimize(X_anna, Y_anna, a_prev_opt, params_opt, 0.1)
print(f"loss = {loss_opt:.6f}")
run_checks(
    "optimize",
    lambda: check_scalar(loss_opt, 71.634248, "the loss optimize returns"),
    lambda: check_keys({k: v for k, v in grads_opt.items() if k != "da_next"},
                       {"dWaa", "dWax", "dWya", "db", "dby"}, "the gradients optimize returns"),
    lambda: check_array(grads_opt["db"], [[5.0], [-5.0], [-4.23843308], [3.10112104], [-5.0],
                                          [-0.41798393]], "gradients['db'] (clipped to [-5, 5])",
                        hints=[([[5.3224565], [-5.74768604], [-4.23843308], [3.10112104],
                                 [-11.82303224], [-0.41798393]],
                                "not clipped: clip the gradients before the update"),
                               ([[5.3224565], [-5.74768604], [-4.23843308], [3.10112104],
                                 [-10.0], [-0.41798393]],
                                "clipped to [-10, 10]: the instructions clip to [-5, 5]"),
                               ([[1.0], [-1.0], [-1.0], [1.0], [-1.0], [-0.41798393]],
                                "clipped to [-1, 1]: the instructions clip to [-5, 5]")]),
    lambda: check_array(grads_opt["dWya"][[1, 14], :],
                        [[1.8664602, -1.89703671, 0.05486745, -1.50607325, 1.73797214, 0.20868262],
                         [0.28939788, -0.3042136, -0.0344743, -1.99024177, 1.3120416, -1.63824981]],
                        "gradients['dWya'][[1, 14], :]"),
    lambda: check_array(a_last_opt, [[0.3976934], [-0.21878441], [-0.83257185], [0.39206083],
                                     [-0.96967641], [0.98268367]],
                        "the hidden state optimize returns",
                        hints=[([[-0.86673809], [0.9034986], [0.4683808], [0.88337071],
                                 [-0.7493215], [0.72584465]],
                                "that is the state of the step before the last")]),
    lambda: check_array(params_opt["b"], [[-2.69767137], [1.07046957], [0.45145914],
                                          [0.65244115], [0.37411564], [0.26155336]],
                        "parameters['b'] after the step (updated in place)",
                        hints=[([[-2.72991702], [1.14523818], [0.45145914], [0.65244115],
                                 [1.05641886], [0.26155336]],
                                "updated with the gradients before clipping?"),
                               ([[-2.24767137], [0.62046957], [0.07000017], [0.93154204],
                                 [-0.07588436], [0.2239348]],
                                "a step of 0.01 whatever learning_rate is: use the "
                                "argument")]),
    lambda: check_array(params_opt["Wya"][[1, 14], :],
                        [[1.21607984, 0.97275249, 2.8418033, 0.63332097, 0.83547865, -0.4010029],
                         [0.85282487, 1.65281833, -3.16805909, -1.92865645, 4.45453318,
                          1.16975105]],
                        "parameters['Wya'][[1, 14], :] after the step"),
)
### BEGIN HIDDEN TESTS
def _hidden_optimize():
    def _softmax(_z):
        _e = np.exp(_z - _z.max())
        return _e / _e.sum()

    def _oracle(_X, _Y, _a0, _P):
        # Forward and backward pass written independently of dlcourse.char_rnn.
        _V, _n_a = _P["Wax"].shape[1], _P["Waa"].shape[0]
        _hs, _xs, _ps, _loss = [_a0], [], [], 0.0
        for _t in range(len(_X)):
            _x = np.zeros((_V, 1))
            if _X[_t] is not None:
                _x[_X[_t], 0] = 1.0
            _h = np.tanh(np.einsum("ij,jk->ik", _P["Wax"], _x)
                         + np.einsum("ij,jk->ik", _P["Waa"], _hs[-1]) + _P["b"])
            _p = _softmax(np.einsum("ij,jk->ik", _P["Wya"], _h) + _P["by"])
            _loss -= np.log(_p[_Y[_t], 0])
            _hs.append(_h)
            _xs.append(_x)
            _ps.append(_p)
        _G = {"d" + _k: np.zeros_like(_v) for _k, _v in _P.items()}
        _dh_next = np.zeros((_n_a, 1))
        for _t in range(len(_X) - 1, -1, -1):
            _dz = _ps[_t].copy()
            _dz[_Y[_t], 0] -= 1.0
            _G["dWya"] += np.einsum("ik,jk->ij", _dz, _hs[_t + 1])
            _G["dby"] += _dz
            _du = (1.0 - _hs[_t + 1] ** 2) * (np.einsum("ji,jk->ik", _P["Wya"], _dz) + _dh_next)
            _G["db"] += _du
            _G["dWax"] += np.einsum("ik,jk->ij", _du, _xs[_t])
            _G["dWaa"] += np.einsum("ik,jk->ij", _du, _hs[_t])
            _dh_next = np.einsum("ji,jk->ik", _P["Waa"], _du)
        return _loss, _G, _hs[1:]

    _cases = ((27, 8, [None, 13, 1, 18, 9, 1], 0.05), (6, 4, [None, 2, 5, 5, 1, 0, 2, 4], 0.3),
              (10, 3, [None, 7], 0.01))
    for _c, (_V, _n_a, _X, _lr) in enumerate(_cases):
        _rng = np.random.default_rng(1600 + _c)
        _Y = _X[1:] + [0]
        _P = {"Wax": _rng.normal(size=(_n_a, _V)), "Waa": 1.5 * _rng.normal(size=(_n_a, _n_a)),
              "Wya": 4 * _rng.normal(size=(_V, _n_a)), "b": _rng.normal(size=(_n_a, 1)),
              "by": _rng.normal(size=(_V, 1))}
        _a0 = _rng.normal(size=(_n_a, 1))
        _loss, _G, _hs = _oracle(_X, _Y, _a0, _P)
        _Gc = {_k: np.clip(_v, -5, 5) for _k, _v in _G.items()}
        _P0 = {_k: _v.copy() for _k, _v in _P.items()}
        _want_P = {_k: _P0[_k] - _lr * _Gc["d" + _k] for _k in _P}
        _what = f"(n_a = {_n_a}, vocab_size = {_V}, len(X) = {len(_X)}, learning_rate = {_lr})"
        _a0_copy = _a0.copy()
        with substituted(globals(), clip=_ref_clip):
            _got_loss, _got_G, _got_a = optimize(_X, _Y, _a0, _P, learning_rate=_lr)
        check_scalar(_got_loss, _loss, f"the loss from optimize {_what}", rtol=1e-9)
        check_type(_got_G, dict, f"the gradients from optimize {_what}")
        for _k in ("dWaa", "dWax", "dWya", "db", "dby"):
            check_array(_got_G.get(_k), _Gc[_k], f"gradients['{_k}'] from optimize {_what}",
                        rtol=1e-8, atol=1e-10,
                        hints=[(_G[_k], "the gradients were not clipped"),
                               (np.clip(_G[_k], -1, 1), "clipped to [-1, 1]: use 5"),
                               (np.clip(_G[_k], -10, 10), "clipped to [-10, 10]: use 5")])
        check_array(_got_a, _hs[-1], f"the hidden state from optimize {_what}", rtol=1e-8,
                    atol=1e-10, hints=[(_hs[-2] if len(_hs) > 1 else _a0,
                                        "the state of the step before the last"),
                                       (_hs[0], "the state of the first step")])
        for _k in _want_P:
            check_array(_P[_k], _want_P[_k], f"parameters['{_k}'] after optimize {_what}",
                        rtol=1e-8, atol=1e-10,
                        hints=[(_P0[_k] - _lr * _G["d" + _k],
                                "updated with the gradients before clipping"),
                               (_P0[_k] - 0.01 * _Gc["d" + _k],
                                "learning rate 0.01: use the argument learning_rate")])
        check_unchanged(_a0_copy, _a0, "a_prev passed to optimize")


_hidden_optimize()
### END HIDDEN TESTS

# %% [markdown]
# ### 5.2 - The training loop
#
# ### Exercise 4 - `model`
#
# `model` trains the network on one name per iteration. It creates the parameters with
# `initialize_parameters(n_a, vocab_size, vocab_size)` and starts the smoothed loss at the loss
# of uniform guessing over 7 steps (a name of average length); both lines are given. Then:
#
# 1. **The order of the names.** `examples = [x.strip() for x in data_x]`, then shuffle them,
#    exactly with `np.random.seed(0)` followed by `np.random.shuffle(examples)`.
# 2. **The loop**, `for j in range(num_iterations)`:
#    - the example of iteration `j` is `examples[j % len(examples)]`: after the last name the
#      loop starts over from the first;
#    - turn it into `X` and `Y` as in section 3.1: `X` is `None` followed by the indices of the
#      name's characters, `Y` is `X` without its first entry, followed by the index of the
#      newline;
#    - every name starts from a **zero hidden state**, `a_prev = np.zeros((n_a, 1))`, as
#      `sample` does: names are independent of each other. (The hidden state `optimize`
#      returns is not needed here.)
#    - one step of `optimize` with the learning rate 0.01, then
#      `loss = smooth(loss, curr_loss)` with the loss `curr_loss` that `optimize` returned.
#
# The lines after your code record the smoothed loss of every iteration in the list
# `loss_history` (defined above the function; `model` empties it first) and, when
# `verbose=True`, print the loss and `dino_names` sampled names every 2000 iterations. `model`
# returns the trained parameters; read the loss curve from `loss_history`.

# %% nbgrader={"grade_id": "model", "solution": true}
loss_history = []  # model fills it: the smoothed loss after every iteration


# GRADED FUNCTION: model
def model(data_x, ix_to_char, char_to_ix, num_iterations=35000, n_a=50, dino_names=7,
          vocab_size=27, verbose=False):
    """Train the character-level language model, one name per iteration.

    Arguments:
    data_x -- list of names (strings)
    ix_to_char -- dictionary index -> character
    char_to_ix -- dictionary character -> index
    num_iterations -- number of iterations (one name each)
    n_a -- number of hidden units
    dino_names -- number of names sampled at each progress report (verbose only)
    vocab_size -- number of characters, the newline included
    verbose -- if True, print the loss and a few sampled names every 2000 iterations

    Returns:
    parameters -- the trained parameters (the smoothed losses are in loss_history)
    """
    loss_history.clear()
    parameters = initialize_parameters(n_a, vocab_size, vocab_size)
    loss = get_initial_loss(vocab_size, 7)
    ### BEGIN SOLUTION
    examples = [x.strip() for x in data_x]
    np.random.seed(0)
    np.random.shuffle(examples)
    ### END SOLUTION
    for j in range(num_iterations):
        ### BEGIN SOLUTION
        single_example = examples[j % len(examples)]
        X = [None] + [char_to_ix[ch] for ch in single_example]
        Y = X[1:] + [char_to_ix["\n"]]
        a_prev = np.zeros((n_a, 1))
        curr_loss, gradients, a_prev = optimize(X, Y, a_prev, parameters, learning_rate=0.01)
        loss = smooth(loss, curr_loss)
        ### END SOLUTION
        loss_history.append(loss)
        if verbose and j % 2000 == 0:
            generated = [indices_to_text(sample(parameters, char_to_ix, seed), ix_to_char)
                         for seed in range(dino_names)]
            print(f"iteration {j:5d}, smoothed loss {loss:.3f}: "
                  + ", ".join(name.strip() for name in generated))
    return parameters


# %% nbgrader={"grade_id": "test_model", "points": 3}
### BEGIN HIDDEN TESTS
def _ref_clip(gradients, maxValue):
    return {_k: np.minimum(np.maximum(gradients[_k], -maxValue), maxValue)
            for _k in ("dWaa", "dWax", "dWya", "db", "dby")}


def _ref_optimize(X, Y, a_prev, parameters, learning_rate=0.01):
    _loss, _cache = rnn_forward(X, Y, a_prev, parameters)
    _G, _a = rnn_backward(X, Y, parameters, _cache)
    _G = _ref_clip(_G, 5)
    update_parameters(parameters, _G, learning_rate)
    return _loss, _G, _a[len(X) - 1]


def _ref_sample(parameters, char_to_ix, seed):
    _V, _n_a = parameters["by"].shape[0], parameters["Waa"].shape[0]
    _x, _h, _out, _nl = np.zeros((_V, 1)), np.zeros((_n_a, 1)), [], char_to_ix["\n"]
    for _t in range(50):
        _h = np.tanh(parameters["Wax"] @ _x + parameters["Waa"] @ _h + parameters["b"])
        _p = softmax(parameters["Wya"] @ _h + parameters["by"]).ravel()
        np.random.seed(50 * seed + _t)
        _i = int(np.random.choice(_V, p=_p))
        _out.append(_i)
        if _i == _nl:
            return _out
        _x = np.zeros((_V, 1))
        _x[_i] = 1.0
    return _out + [_nl]


_graded_callees = {"clip": _ref_clip, "optimize": _ref_optimize, "sample": _ref_sample}
### END HIDDEN TESTS
tiny_names = ["ada", "bo", "cy", "dee", "eva"]
# While grading, correct clip, optimize and sample stand in for yours in this cell (so a
# mistake in them costs their own points only); here your own versions run.
with substituted.while_grading(globals()):
    params_tiny = model(tiny_names, ix_to_char, char_to_ix, num_iterations=12, n_a=4)
run_checks(
    "model",
    lambda: check_keys(params_tiny, {"Wax", "Waa", "Wya", "b", "by"}, "the parameters"),
    lambda: check_equal(len(loss_history), 12, "len(loss_history) after 12 iterations"),
    lambda: check_array(np.array(loss_history[:3]), [23.05767466, 23.04779468, 23.03462226],
                        "loss_history[:3] (the smoothed losses of the first 3 iterations)",
                        hints=[([9.88745611, 13.17769805, 9.87536711],
                                "the loss of each name as it is: loss_history holds the "
                                "smoothed loss"),
                               ([23.05437897, 23.04121442, 23.0247686],
                                "the newline left out of the targets: Y ends with the "
                                "newline's index"),
                               ([23.06097046, 23.0477915, 23.03790712],
                                "the names in another order: iteration j trains on "
                                "examples[j % len(examples)], after np.random.seed(0) and one "
                                "shuffle")]),
    lambda: check_scalar(loss_history[-1], 22.93557532, "loss_history[-1]"),
    lambda: check_array(params_tiny["by"][:6], [[0.10327773], [0.06366756], [0.00401278],
                                                [0.01394742], [0.03384164], [0.04377357]],
                        "the trained by[:6] (newline, a to e)"),
    lambda: check_array(params_tiny["b"], [[-0.00382375], [0.00164535], [0.0012022],
                                           [0.00082359]], "the trained b"),
)
### BEGIN HIDDEN TESTS
def _hidden_model():
    def _train(_data, _c2i, _iters, _n_a, _V, _carry=False, _shuffle=True, _newline=True,
               _offset=0):
        # The stated loop, written independently; the flags plant known mistakes for hints.
        _P = initialize_parameters(_n_a, _V, _V)
        _smoothed, _hist, _raw = get_initial_loss(_V, 7), [], []
        _ex = [_s.strip() for _s in _data]
        if _shuffle:
            if _shuffle != "unseeded":  # unseeded: the state initialize_parameters left
                np.random.seed(0)
            np.random.shuffle(_ex)
        _h = np.zeros((_n_a, 1))
        for _j in range(_iters):
            _name = _ex[(_j + _offset) % len(_ex)]
            _ids = [_c2i[_ch] for _ch in _name]
            if _newline:
                _X, _Y = [None] + _ids, _ids + [_c2i["\n"]]
            else:
                _X, _Y = [None] + _ids[:-1], _ids
            _start = _h if _carry else np.zeros((_n_a, 1))
            _l, _, _h = _ref_optimize(_X, _Y, _start, _P, 0.01)
            _smoothed = smooth(_smoothed, _l)
            _hist.append(_smoothed)
            _raw.append(_l)
        return _P, _hist, _raw

    _small = {"\n": 2, "a": 0, "b": 1, "c": 3, "d": 4, "e": 5}
    _small_ix2c = {_i: _ch for _ch, _i in _small.items()}
    _cases = ((["abc", "bead", "cab", "dee", "ace", "bed"], _small, _small_ix2c, 15, 3, 6),
              (["maria", "noah", "liam", "zoe", "ivy", "otto", "jade"], char_to_ix, ix_to_char,
               20, 6, 27))
    for _data, _c2i, _i2c, _iters, _n_a, _V in _cases:
        _want_P, _want_hist, _want_raw = _train(_data, _c2i, _iters, _n_a, _V)
        _variants = {
            "carry": _train(_data, _c2i, _iters, _n_a, _V, _carry=True),
            "order": _train(_data, _c2i, _iters, _n_a, _V, _shuffle=False),
            "unseeded": _train(_data, _c2i, _iters, _n_a, _V, _shuffle="unseeded"),
            "newline": _train(_data, _c2i, _iters, _n_a, _V, _newline=False),
            "offset": _train(_data, _c2i, _iters, _n_a, _V, _offset=1),
        }
        _msgs = {"carry": "a_prev carried over from the previous name: start every name "
                          "from np.zeros((n_a, 1))",
                 "order": "the names were not shuffled with np.random.seed(0) and "
                          "np.random.shuffle",
                 "unseeded": "the shuffle was not seeded: call np.random.seed(0) just before "
                             "np.random.shuffle",
                 "newline": "the newline is missing from the targets",
                 "offset": "the examples are shifted by one: iteration j uses "
                           "examples[j % len(examples)]"}
        _data_copy = list(_data)
        _what = (f"(run with correct clip, optimize and sample; {len(_data)} names, "
                 f"num_iterations = {_iters}, n_a = {_n_a}, vocab_size = {_V})")
        np.random.seed(4321)  # model must seed the shuffle itself
        with substituted(globals(), clip=_ref_clip, optimize=_ref_optimize, sample=_ref_sample):
            _got = model(_data, _i2c, _c2i, num_iterations=_iters, n_a=_n_a, dino_names=2,
                         vocab_size=_V)
        check_keys(_got, set(_want_P), f"the parameters model returns {_what}")
        for _k in ("Wax", "Waa", "Wya", "b", "by"):
            check_array(_got[_k], _want_P[_k], f"the trained {_k} {_what}", rtol=1e-7,
                        atol=1e-10, hints=[(_v[0][_k], _msgs[_n]) for _n, _v in _variants.items()])
        check_equal(len(loss_history), _iters, f"len(loss_history) {_what}")
        check_array(np.array(loss_history, dtype=float), np.array(_want_hist),
                    f"loss_history {_what}", rtol=1e-7, atol=1e-10,
                    hints=[(np.array(_want_raw), "the raw loss of each name: record the "
                                                     "smoothed loss, smooth(loss, curr_loss)")]
                    + [(np.array(_v[1]), _msgs[_n]) for _n, _v in _variants.items()])
        check_equal(_data, _data_copy, "data_x after model (it must not change)")


_hidden_model()
### END HIDDEN TESTS

# %% [markdown]
# ## 6 - Training on the names
#
# The lectures' version of this model trains for 35,000 iterations. Each iteration is one name
# and a few dozen small matrix products, so Python's overhead dominates. On the two CPU cores
# this course is built for, we measured about 400 iterations per second on a busy machine (a
# quiet one is faster). We therefore train for 12,000 iterations (a little over two passes
# over the 5,163 names): at most about 30 seconds. The cell prints the rate it measured. Every
# 2000 iterations the model prints its smoothed loss and the names it generates with the seeds
# 0 to 6.

# %% tags=["demo"]
num_iterations_demo = 12000
start = time.perf_counter()
trained_parameters = model(names, ix_to_char, char_to_ix, num_iterations=num_iterations_demo,
                           verbose=True)
seconds = time.perf_counter() - start
print(f"{num_iterations_demo} iterations in {seconds:.1f} s "
      f"({num_iterations_demo / seconds:.0f} iterations per second)")

# %% [markdown]
# At iteration 0 the names are random strings of letters: the untrained network draws every
# character with probability close to 1/27, the newline included, so a sample often runs on
# for dozens of characters. Within a few thousand iterations the samples become pronounceable
# and their lengths become those of real names.
#
# The loss curve shows the smoothed loss of every iteration. It starts at the loss of uniform
# guessing on a 7-step name, $7 \log 27 \approx 23.1$ (exercise 1), and after 12,000 iterations
# it is about 15.3 (the cell checks it), roughly $e^{-15.3/7} \approx 0.11$ of probability per
# character on average. (A smoothed loss lags behind: it averages about the last thousand
# names.)

# %% tags=["demo"]
final_loss = loss_history[-1]
fig, ax = plt.subplots(figsize=(7, 3.5))
ax.plot(np.arange(1, len(loss_history) + 1), loss_history, label="smoothed training loss")
ax.axhline(get_initial_loss(vocab_size, 7), color="gray", linestyle="--",
           label="uniform guessing, 7 steps")
ax.set_xlabel("iteration (one name each)")
ax.set_ylabel("loss per name")
ax.set_title(f"Character-level RNN on {len(names)} first names: final smoothed loss "
             f"{final_loss:.2f}")
ax.legend(frameon=False)
plt.show()
print(f"final smoothed loss: {final_loss:.3f}")
assert 14.8 < final_loss < 15.9, f"the smoothed loss should end near 15.3, got {final_loss:.3f}"

# %% [markdown]
# ### Are the names new?
#
# A model with enough capacity could simply learn the list by heart and recite it. Ours has
# $n_a = 50$ hidden units, 5,277 parameters for 5,163 names, and it mostly invents: the cell
# below samples 200 names (seeds 0 to 199) and counts those that are **not** in the training
# list. About nine in ten are new (94 % here; the cell asserts at least 85 %). The few others
# are real names, which a good model of names should also produce now and then.

# %% tags=["demo"]
n_parameters = sum(value.size for value in trained_parameters.values())
assert n_parameters == 5277, n_parameters
known = set(names)
generated = [indices_to_text(sample(trained_parameters, char_to_ix, seed), ix_to_char).strip()
             for seed in range(200)]
novel = [name for name in generated if name not in known]
share_novel = len(novel) / len(generated)
print(f"{share_novel:.0%} of {len(generated)} generated names are new")
print("new:", ", ".join(novel[:24]))
print("already in the list:", ", ".join(name for name in generated if name in known))
assert 0.85 <= share_novel < 1.0, f"expected most (but not all) names to be new: {share_novel}"

# %% [markdown]
# ## 7 - What next
#
# You trained a character-level language model with a plain RNN: it reads one character at a
# time, keeps what it has read in its hidden state, and predicts the next character. Clipping
# kept the gradients in check, sampling turned the predictions into new names, and a name of
# average length went from a loss of 23 to about 15.
#
# The names are short, so a plain RNN copes. For longer texts the hidden state must carry
# information over many more steps, where the gradients of a plain RNN vanish; the LSTM of the
# previous notebook is built for that, and the next notebook uses one to generate music.
#
# **What you built:** `predicted_initial_loss`, `clip`, `sample`, `optimize` and `model`.

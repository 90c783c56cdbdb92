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
# # Music generation with an LSTM
#
# A language model reads a sequence one token at a time and predicts the next token. Trained on
# text it writes text; trained on melodies it writes melodies. In this notebook you build such a
# model for the melodies of Bach's chorales with Keras, train it briefly, and then let it
# compose: you give it a first note, it predicts the second, you feed that back in, and so on.
#
# **By the end you will have written**
#
# - `lstm_parameter_count`: how many parameters an LSTM layer has, derived from its equations;
# - `djmodel`: the training model, one LSTM layer **shared** by all $T_x$ time steps;
# - `music_inference_model`: the same layers, wired so that each prediction becomes the next
#   input;
# - `predict_and_sample`: runs that model and turns its predictions into a melody;
#
# and you will have listened to what a few seconds of training produce.
#
# **How this notebook works**
#
# - Write your code between `# YOUR CODE HERE` and the `return` line of each exercise, and delete
#   the `raise NotImplementedError()` line. Do not rename the functions or change their arguments.
# - Each exercise is followed by a test cell. A line ending in "all public tests passed" means
#   the visible checks agree with your code. The grader runs more tests (other sizes, and the
#   numbers your models compute compared with a NumPy LSTM), so passing the public tests is
#   necessary, not sufficient.
# - Run the cells in order. If something behaves strangely, use *Kernel → Restart and run all*.
# - Only the exercise cells are graded: the grader runs the released notebook with your
#   exercise cells put in, so cells you add yourself do not run there. Keep every helper
#   function or import that your answer needs inside its exercise cell.
#   Importing TensorFlow takes several seconds; that is normal.

# %% [markdown]
# ## 1 - Packages
#
# - [NumPy](https://numpy.org), [Matplotlib](https://matplotlib.org) and
#   [TensorFlow](https://www.tensorflow.org) with its Keras layers;
# - `dlcourse.data.load_melodies` loads the melodies; `dlcourse.music` turns tokens into notes
#   (`decode`), into sound (`synthesize`, played by `IPython.display.Audio`) and into pictures
#   (`plot_piano_roll`); `dlcourse.kerascheck.check_shared_layers` compares a model with its
#   expected layers; `dlcourse.testing` holds the helpers the test cells use.

# %%
import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"

import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf
from IPython.display import Audio, display
from tensorflow.keras.layers import LSTM, Dense, Input, RepeatVector, Reshape
from tensorflow.keras.models import Model

from dlcourse.data import load_melodies
from dlcourse.kerascheck import call_rows, check_shared_layers
from dlcourse.music import SAMPLE_RATE, decode, note_name, plot_piano_roll, synthesize
from dlcourse.testing import (
    check_array,
    check_between,
    check_equal,
    check_scalar,
    run_checks,
)

print("TensorFlow", tf.__version__)

# %% [markdown]
# ## 2 - The melodies
#
# The data are the soprano lines of 400-odd Bach chorales. Each melody is a sequence of
# **tokens**; a token is one note, a pair (pitch, duration), or a rest with its duration. The
# vocabulary holds every pair that occurs: `n_values` tokens. As for characters in a language
# model, each token is fed to the network as a **one-hot** vector of length `n_values`.
#
# `load_melodies(Tx=30, stride=4)` cuts every melody into windows of $T_x + 1 = 31$ tokens, a
# new window every 4 tokens, and returns
#
# - `X` of shape $(m, T_x, n_{values})$: `X[i, t]` is the one-hot vector of token $t$ of
#   window $i$;
# - `Y` of shape $(T_x, m, n_{values})$: `Y[t, i]` is the token that **follows** `X[i, t]`,
#   the label the model must predict at step $t$. `Y` is arranged time-first because the model
#   below has one output per time step, and Keras wants one label array per output:
#   `list(Y)` is that list;
# - `n_values` and `indices_values`, the dictionary token index → (MIDI pitch, duration in
#   quarter notes); a pitch of −1 is a rest.

# %%
X, Y, n_values, indices_values = load_melodies(Tx=30, stride=4)
m, Tx, _ = X.shape
print("X:", X.shape, " Y:", Y.shape, " n_values:", n_values)
print("first tokens of window 0:", [note_name(p) + f" ({q:g})" for p, q in decode(X[0, :6])])
assert np.array_equal(Y[0, 0], X[0, 1]), "Y[t, i] is the token after X[i, t]"

# %% [markdown]
# A window, drawn as a **piano roll** (one bar per note: its height is the pitch, its length the
# duration) and played by a small synthesizer:

# %% tags=["demo"]
plot_piano_roll(X[0], title="window 0 of the data (31 tokens: X[0] and its last label)")
plt.show()
display(Audio(synthesize(X[0]), rate=SAMPLE_RATE))

# %% [markdown]
# ## 3 - One LSTM, shared by all time steps
#
# The model reads the window one token at a time. At step $t$ the LSTM cell of the lectures
# takes the input $x^{\langle t \rangle}$ and the previous hidden and cell states
# $a^{\langle t-1 \rangle}, c^{\langle t-1 \rangle}$, computes the new states, and a dense
# softmax layer turns $a^{\langle t \rangle}$ into a probability for every possible next token:
#
# $$\hat y^{\langle t \rangle} = \mathrm{softmax}(W_y a^{\langle t \rangle} + b_y).$$
#
# The **same** weights serve every step: that is what makes it a recurrent network. In Keras
# this means creating each layer **once**, outside the loop over time, and calling the same
# layer object at every step. The three layers are created below; your functions receive them
# as arguments:
#
# - `LSTM_cell = LSTM(n_a, return_state=True)`: called on an input of shape `(m, 1, n_values)`
#   (a sequence of length 1) with `initial_state=[a, c]`, it runs one step and returns three
#   tensors `[output, a, c]` (for one step, `output` equals `a`);
# - `densor = Dense(n_values, activation="softmax")`: the output layer;
# - `reshaper = Reshape((1, n_values))`: turns a `(m, n_values)` slice into the `(m, 1,
#   n_values)` sequence of length 1 that the LSTM expects.

# %%
n_a = 64
tf.keras.utils.set_random_seed(1)
LSTM_cell = LSTM(n_a, return_state=True)
densor = Dense(n_values, activation="softmax")
reshaper = Reshape((1, n_values))

# %% [markdown]
# ### Exercise 1 - `lstm_parameter_count`
#
# Before building anything: how many numbers will training adjust in `LSTM_cell`? Recall the
# LSTM equations of the lectures. The cell has four gates or candidates (update, forget, output
# and the candidate $\tilde c$); each is computed from the previous hidden state and the input,
# stacked into $[a^{\langle t-1 \rangle}, x^{\langle t \rangle}]$, with its own weight matrix
# and its own bias vector.
#
# Write `lstm_parameter_count(n_a, n_x)` returning the number of parameters (an `int`) of an
# LSTM layer with `n_a` units whose input vectors have length `n_x`. Work it out from the
# equations; do not build a layer and ask it.

# %% nbgrader={"grade_id": "lstm_parameter_count", "solution": true}
# GRADED FUNCTION: lstm_parameter_count
def lstm_parameter_count(n_a, n_x):
    """Number of trainable parameters of an LSTM layer.

    Arguments:
    n_a -- number of units (length of the hidden state a and of the cell state c)
    n_x -- length of each input vector x<t>

    Returns:
    n_params -- int, the number of weights and biases of the layer
    """
    ### BEGIN SOLUTION
    n_params = 4 * (n_a * (n_a + n_x) + n_a)
    ### END SOLUTION
    return n_params


# %% nbgrader={"grade_id": "test_lstm_parameter_count", "points": 2}
# An LSTM layer with 2 units reading inputs of length 3 has 48 parameters (ask Keras:
# LSTM(2) built on inputs of shape (None, 1, 3), then .count_params()).
run_checks(
    "lstm_parameter_count",
    lambda: check_scalar(lstm_parameter_count(2, 3), 48, "lstm_parameter_count(2, 3)",
                        hints=[(40, "the biases left out (one per unit and gate)?"),
                               (12, "one gate counted instead of four?"),
                               (32, "the recurrent weights (from a<t-1>) left out?"),
                               (36, "three gates counted instead of four?")]),
)
### BEGIN HIDDEN TESTS
def _hidden_lstm_parameter_count():
    for _n_a, _n_x in ((64, 83), (3, 5), (10, 1), (128, 90)):
        _want = 4 * (_n_a * (_n_a + _n_x) + _n_a)
        _hints = [
            (4 * _n_a * (_n_a + _n_x), "the biases left out (one per unit and gate)?"),
            (_n_a * (_n_a + _n_x) + _n_a, "one gate counted instead of four?"),
            (4 * (_n_a * _n_x + _n_a), "the recurrent weights (from a<t-1>) left out?"),
            (4 * (_n_a * _n_x + _n_a * _n_a), "the biases left out?"),
            (3 * (_n_a * (_n_a + _n_x) + _n_a), "three gates counted instead of four "
                                                 "(the candidate c~ has weights too)?"),
        ]
        check_equal(isinstance(lstm_parameter_count(_n_a, _n_x), (int, np.integer)), True,
                    f"lstm_parameter_count({_n_a}, {_n_x}) is an int")
        check_scalar(lstm_parameter_count(_n_a, _n_x), _want,
                     f"lstm_parameter_count({_n_a}, {_n_x})", hints=_hints)


_hidden_lstm_parameter_count()
### END HIDDEN TESTS

# %% [markdown]
# ### Exercise 2 - `djmodel`
#
# Build the training model for windows of `Tx` tokens. It has three inputs: `X` of shape
# `(Tx, n_values)` (per example) and the initial states `a0`, `c0` of shape `(n_a,)`; and `Tx`
# outputs, one softmax vector per time step. For each `t` in `range(Tx)`:
#
# 1. take the input of step `t`: `x = X[:, t, :]`. In a Keras 3 model, slicing a symbolic
#    tensor records an operation (it shows up as `GetItem` in the model's configuration, not as
#    a layer); you need no `Lambda` layer;
# 2. `x = reshaper(x)`, to shape `(m, 1, n_values)`;
# 3. one LSTM step from the current states: `_, a, c = LSTM_cell(x, initial_state=[a, c])`,
#    starting from `a = a0`, `c = c0`;
# 4. `out = densor(a)`, appended to the list `outputs`.
#
# Then return `Model(inputs=[X, a0, c0], outputs=outputs)`. Take `n_a` and `n_values` from the
# layers you are given (`LSTM_cell.units`, `densor.units`), not from global variables, and do
# not create any layer inside the function except the three `Input`s.

# %% nbgrader={"grade_id": "djmodel", "solution": true}
# GRADED FUNCTION: djmodel
def djmodel(Tx, LSTM_cell, densor, reshaper):
    """The training model: one LSTM_cell and one densor shared by Tx time steps.

    Arguments:
    Tx -- number of time steps of an input window
    LSTM_cell -- LSTM layer with return_state=True (n_a = LSTM_cell.units)
    densor -- Dense softmax layer (n_values = densor.units)
    reshaper -- Reshape((1, n_values)) layer

    Returns:
    model -- Keras Model with inputs [X, a0, c0] and a list of Tx outputs of shape
             (None, n_values)
    """
    n_values = densor.units
    n_a = LSTM_cell.units
    X = Input(shape=(Tx, n_values))
    a0 = Input(shape=(n_a,), name="a0")
    c0 = Input(shape=(n_a,), name="c0")
    a = a0
    c = c0
    outputs = []
    ### BEGIN SOLUTION
    for t in range(Tx):
        x = X[:, t, :]
        x = reshaper(x)
        _, a, c = LSTM_cell(x, initial_state=[a, c])
        out = densor(a)
        outputs.append(out)
    ### END SOLUTION
    model = Model(inputs=[X, a0, c0], outputs=outputs)
    return model


# %% [markdown]
# The test compares your model with the expected list of layers (type, output shape, number of
# parameters, how many times each is called), then runs it with set weights and compares its
# outputs with an LSTM written in NumPy (the equations of the previous assignment).

# %% nbgrader={"grade_id": "test_djmodel", "points": 4}
def lstm_numpy(Xs, a0, c0, weights, Tx, carry=True, out_from="a"):
    """Outputs (Tx, m, n_values) of the training model, in NumPy (Keras' gate order i, f, c, o).
    """
    W, U, b, Wy, by = (w.astype(np.float64) for w in weights)
    n = a0.shape[1]
    sig = lambda z: 1 / (1 + np.exp(-z))  # noqa: E731
    a, c, outs = a0.astype(np.float64), c0.astype(np.float64), []
    for t in range(Tx):
        z = Xs[:, t, :] @ W + a @ U + b
        c_new = sig(z[:, n:2 * n]) * c + sig(z[:, :n]) * np.tanh(z[:, 2 * n:3 * n])
        a_new = sig(z[:, 3 * n:]) * np.tanh(c_new)
        logits = (a_new if out_from == "a" else c_new) @ Wy + by
        e = np.exp(logits - logits.max(axis=1, keepdims=True))
        outs.append(e / e.sum(axis=1, keepdims=True))
        if carry:
            a, c = a_new, c_new
    return np.stack(outs)


def small_layers(n_a, n_v, seed):
    """Fresh layers and weights for a test model. The layers have names of their own: a test
    finds them in the model by name (when graded, the model the test gets is a copy)."""
    rng = np.random.default_rng(seed)
    cell = LSTM(n_a, return_state=True, name=f"test_LSTM_cell_{seed}")
    dense = Dense(n_v, activation="softmax", name=f"test_densor_{seed}")
    resh = Reshape((1, n_v), name=f"test_reshaper_{seed}")
    weights = [rng.normal(0, 0.8, size=s).astype(np.float32)
               for s in ((n_v, 4 * n_a), (n_a, 4 * n_a), (4 * n_a,), (n_a, n_v), (n_v,))]
    return cell, dense, resh, weights


def expected_dj_rows(Tx, n_a, n_v):
    return [("InputLayer", (None, Tx, n_v), 0, 0), ("Reshape", (None, 1, n_v), 0, Tx),
            ("InputLayer", (None, n_a), 0, 0), ("InputLayer", (None, n_a), 0, 0),
            ("LSTM", [(None, n_a)] * 3, 4 * (n_a * (n_a + n_v) + n_a), Tx),
            ("Dense", (None, n_v), n_a * n_v + n_v, Tx)]


# Tx = 4 steps, n_a = 3 units, n_values = 5 tokens: 6 layers (3 Inputs, reshaper, LSTM_cell,
# densor); LSTM_cell has 4 * (3 * (3 + 5) + 3) = 108 parameters and is called 4 times.
cell_s, dense_s, resh_s, weights_s = small_layers(3, 5, seed=0)
model_s = djmodel(4, cell_s, dense_s, resh_s)
rng_s = np.random.default_rng(1)
X_s = np.eye(5, dtype=np.float32)[rng_s.integers(0, 5, size=(2, 4))]
a0_s, c0_s = (rng_s.normal(size=(2, 3)).astype(np.float32) for _ in range(2))


def run_small_djmodel():
    check_shared_layers(model_s, expected_dj_rows(4, 3, 5), "djmodel(4, ...)",
                          ignore=("Lambda",))
    check_equal(len(model_s.outputs), 4, "the number of outputs of djmodel(4, ...)")
    model_s.get_layer(cell_s.name).set_weights(weights_s[:3])
    model_s.get_layer(dense_s.name).set_weights(weights_s[3:])
    got = np.stack([np.asarray(o) for o in model_s([X_s, a0_s, c0_s])])
    zeros = np.zeros_like(a0_s)
    hints = [(lstm_numpy(X_s, a0_s, c0_s, weights_s, 4, out_from="c"),
              "densor applied to the cell state c instead of the hidden state a?"),
             (lstm_numpy(X_s, zeros, zeros, weights_s, 4, carry=False),
              "initial_state=[a, c] not passed: the LSTM starts every step from zeros?"),
             (lstm_numpy(X_s, a0_s, c0_s, weights_s, 4, carry=False),
              "every step starts from a0, c0: a and c not updated in the loop?"),
             (lstm_numpy(np.repeat(X_s[:, :1], 4, axis=1), a0_s, c0_s, weights_s, 4),
              "the same slice X[:, 0, :] fed at every step?")]
    check_array(got, lstm_numpy(X_s, a0_s, c0_s, weights_s, 4),
                "the outputs of djmodel(4, ...) on X_s, a0_s, c0_s, stacked", rtol=1e-4,
                atol=1e-5, hints=hints)


run_checks("djmodel", run_small_djmodel)
### BEGIN HIDDEN TESTS
def _hidden_djmodel():
    for _seed, (_Tx, _n_a, _n_v, _m) in enumerate(((6, 4, 7, 3), (3, 8, 5, 1))):
        _cell, _dense, _resh, _w = small_layers(_n_a, _n_v, seed=40 + _seed)
        _name = f"djmodel({_Tx}, ...) with n_a = {_n_a}, n_values = {_n_v}"
        _model = djmodel(_Tx, _cell, _dense, _resh)
        check_shared_layers(_model, expected_dj_rows(_Tx, _n_a, _n_v), _name,
                              ignore=("Lambda",))
        check_equal(any(_l.name == _cell.name for _l in _model.layers), True,
                    f"{_name}: the LSTM_cell passed in is one of the model's layers")
        check_equal(any(_l.name == _dense.name for _l in _model.layers), True,
                    f"{_name}: the densor passed in is one of the model's layers")
        check_equal(len(_model.outputs), _Tx, f"the number of outputs of {_name}")
        _model.get_layer(_cell.name).set_weights(_w[:3])
        _model.get_layer(_dense.name).set_weights(_w[3:])
        _rng = np.random.default_rng(50 + _seed)
        _X = np.eye(_n_v, dtype=np.float32)[_rng.integers(0, _n_v, size=(_m, _Tx))]
        _a0, _c0 = (_rng.normal(size=(_m, _n_a)).astype(np.float32) for _ in range(2))
        _got = np.stack([np.asarray(_o) for _o in _model([_X, _a0, _c0])])
        _z = np.zeros_like(_a0)
        _hints = [
            (lstm_numpy(_X, _a0, _c0, _w, _Tx, out_from="c"),
             "densor applied to the cell state c instead of the hidden state a?"),
            (lstm_numpy(_X, _z, _z, _w, _Tx, carry=False),
             "initial_state=[a, c] not passed: the LSTM starts every step from zeros?"),
            (lstm_numpy(_X, _a0, _c0, _w, _Tx, carry=False),
             "every step starts from a0, c0: a and c not updated in the loop?"),
            (lstm_numpy(np.repeat(_X[:, :1], _Tx, axis=1), _a0, _c0, _w, _Tx),
             "the same slice X[:, 0, :] fed at every step?"),
        ]
        check_array(_got, lstm_numpy(_X, _a0, _c0, _w, _Tx), f"the outputs of {_name}, stacked",
                    rtol=1e-4, atol=1e-5, hints=_hints)


_hidden_djmodel()
### END HIDDEN TESTS

# %% [markdown]
# The training model, with `Tx = 30`. It has six layers; a layer called thirty times holds
# its parameters once. (`model.summary()` lists, besides them, the thirty slicing operations
# `X[:, t, :]` as `GetItem`; the table below lists only the layers, with the number of times
# each is called.) Compare the LSTM's count with your answer to exercise 1.

# %% tags=["demo"]
model = djmodel(Tx, LSTM_cell, densor, reshaper)
print(f"{'layer':12} {'output shape':38} {'params':>7} {'calls':>5}")
for kind, shape, params, calls in call_rows(model):
    print(f"{kind:12} {str(shape):38} {params:7d} {calls:5d}")
print("total parameters:", model.count_params())
print("your count for the LSTM:", lstm_parameter_count(n_a, n_values),
      "  Keras:", LSTM_cell.count_params())

# %% [markdown]
# ## 4 - Training
#
# The loss is the categorical cross-entropy, summed over the 30 outputs (Keras adds the losses
# of a model's outputs); dividing by `Tx` gives the average loss per predicted token. For
# comparison, a model that guesses uniformly among the `n_values` tokens has a loss of
# $\log n_{values}$ per token. Training here is deliberately short, to keep the notebook fast;
# the initial states are zeros.

# %% tags=["demo"]
EPOCHS = 10
model.compile(optimizer=tf.keras.optimizers.Adam(learning_rate=0.01),
              loss="categorical_crossentropy")
a0_train = np.zeros((m, n_a), dtype=np.float32)
c0_train = np.zeros((m, n_a), dtype=np.float32)
history = model.fit([X, a0_train, c0_train], list(Y), epochs=EPOCHS, batch_size=128, verbose=0)
loss_per_token = np.array(history.history["loss"]) / Tx

probs = np.stack([np.asarray(o) for o in model([X, a0_train, c0_train])])  # (Tx, m, n_values)
train_accuracy = float(np.mean(probs.argmax(axis=-1) == Y.argmax(axis=-1)))

plt.figure(figsize=(5, 3))
plt.plot(np.arange(1, EPOCHS + 1), loss_per_token, marker="o", label="training loss")
plt.axhline(np.log(n_values), color="grey", linestyle="--", label="uniform guess, log n_values")
plt.xlabel("epoch")
plt.ylabel("cross-entropy per token")
plt.title("Training the music model")
plt.legend()
plt.show()
check_between(loss_per_token[-1], 1.9, 2.4, "the loss per token after training",
              "the reference reaches 2.13")
check_between(train_accuracy, 0.32, 0.43, "the training accuracy",
              "the reference reaches 37.6 %")
print(f"loss per token after {EPOCHS} epochs: {loss_per_token[-1]:.2f} "
      f"(uniform guess: {np.log(n_values):.2f})")
print(f"next token predicted right (training windows): {train_accuracy:.1%}")

# %% [markdown]
# After ten epochs the loss per token has fallen from $\log 83 \approx 4.4$ to about 2.1 and
# the model predicts the next token of a training window right about 38 % of the time: it has
# learnt which notes tend to follow which, the durations that are common, and the key of the
# window it reads. Longer training (the original version of this exercise trains for 100
# epochs) would push both further.
#
# ## 5 - Composing: the inference model
#
# To compose, the model has no window to read. It starts from one token $x^{\langle 1
# \rangle}$ and zero (or chosen) states, predicts $\hat y^{\langle 1 \rangle}$, and the token
# it finds most likely becomes the next input $x^{\langle 2 \rangle}$:
#
# $$x^{\langle t+1 \rangle} = \text{one-hot}\big(\arg\max_k \hat y^{\langle t \rangle}_k\big).$$
#
# ### Exercise 3 - `music_inference_model`
#
# Build this loop as a Keras model that reuses the trained `LSTM_cell` and `densor`. Its
# inputs are `x0` of shape `(1, n_values)` (one token, already a sequence of length 1) and
# `a0`, `c0` of shape `(n_a,)`; its outputs the `Ty` softmax vectors. For each of the `Ty`
# steps:
#
# 1. one LSTM step on `x` from the current states, as in `djmodel`;
# 2. `out = densor(a)`, appended to `outputs`;
# 3. the next input: the index of the largest probability, made one-hot, shaped `(m, 1,
#    n_values)`. In a Keras 3 model the symbolic tensors cannot go into TensorFlow functions
#    such as `tf.math.argmax`; use the Keras operations `tf.keras.ops.argmax(..., axis=...)` and
#    `tf.keras.ops.one_hot(..., n_values)`, then a `RepeatVector(1)` layer (or a
#    `Reshape`) to add the time axis. Think about which axis holds the tokens. No `Lambda`
#    layer: the grader reads your model the way `keras.saving` reloads a model in safe mode,
#    which refuses a `Lambda` layer's Python code.
#
# Feeding the probabilities themselves back in would give the LSTM inputs it never saw in
# training (training inputs are one-hot).

# %% nbgrader={"grade_id": "music_inference_model", "solution": true}
# GRADED FUNCTION: music_inference_model
def music_inference_model(LSTM_cell, densor, Ty=100):
    """The composing model: each step's most likely token is the next step's input.

    Arguments:
    LSTM_cell -- the trained LSTM layer (return_state=True)
    densor -- the trained Dense softmax layer
    Ty -- number of tokens to generate

    Returns:
    inference_model -- Keras Model with inputs [x0, a0, c0] and a list of Ty outputs of shape
                       (None, n_values)
    """
    n_values = densor.units
    n_a = LSTM_cell.units
    x0 = Input(shape=(1, n_values))
    a0 = Input(shape=(n_a,), name="a0")
    c0 = Input(shape=(n_a,), name="c0")
    a = a0
    c = c0
    x = x0
    outputs = []
    ### BEGIN SOLUTION
    for t in range(Ty):
        _, a, c = LSTM_cell(x, initial_state=[a, c])
        out = densor(a)
        outputs.append(out)
        x = tf.keras.ops.argmax(out, axis=-1)
        x = tf.keras.ops.one_hot(x, n_values)
        x = RepeatVector(1)(x)
    ### END SOLUTION
    inference_model = Model(inputs=[x0, a0, c0], outputs=outputs)
    return inference_model


# %% nbgrader={"grade_id": "test_music_inference_model", "points": 4}
def inference_numpy(x0, a0, c0, weights, Ty, feed="one-hot", carry=True):
    """Outputs (Ty, m, n_values) of the composing model, in NumPy."""
    W, U, b, Wy, by = (w.astype(np.float64) for w in weights)
    n, n_v = a0.shape[1], Wy.shape[1]
    sig = lambda z: 1 / (1 + np.exp(-z))  # noqa: E731
    x, a, c, outs = x0[:, 0, :].astype(np.float64), a0, c0, []
    for t in range(Ty):
        z = x @ W + a @ U + b
        c = sig(z[:, n:2 * n]) * c + sig(z[:, :n]) * np.tanh(z[:, 2 * n:3 * n])
        a = sig(z[:, 3 * n:]) * np.tanh(c)
        if not carry:
            a_out, a, c = a, a0, c0
        else:
            a_out = a
        e = np.exp(a_out @ Wy + by - (a_out @ Wy + by).max(axis=1, keepdims=True))
        p = e / e.sum(axis=1, keepdims=True)
        outs.append(p)
        if feed == "one-hot":
            x = np.eye(n_v)[p.argmax(axis=1)]
        elif feed == "probabilities":
            x = p
    return np.stack(outs)


def expected_inference_rows(Ty, n_a, n_v):
    return [("InputLayer", (None, 1, n_v), 0, 0),
            ("InputLayer", (None, n_a), 0, 0), ("InputLayer", (None, n_a), 0, 0),
            ("LSTM", [(None, n_a)] * 3, 4 * (n_a * (n_a + n_v) + n_a), Ty),
            ("Dense", (None, n_v), n_a * n_v + n_v, Ty)]


# Ty = 5 tokens, n_a = 3, n_values = 4; two sequences composed at once, from tokens 1 and 2.
cell_i, dense_i, _, weights_i = small_layers(3, 4, seed=2)
inference_i = music_inference_model(cell_i, dense_i, Ty=5)
x0_i = np.eye(4, dtype=np.float32)[[[1], [2]]]  # shape (2, 1, 4)
a0_i = np.random.default_rng(3).normal(size=(2, 3)).astype(np.float32)
c0_i = np.zeros((2, 3), dtype=np.float32)


def run_small_inference():
    # the shape layers (RepeatVector or Reshape) that add the time axis, and Lambda layers,
    # are not counted
    check_shared_layers(inference_i, expected_inference_rows(5, 3, 4),
                          "music_inference_model(..., Ty=5)",
                          ignore=("RepeatVector", "Reshape", "Lambda"))
    check_equal(len(inference_i.outputs), 5, "the number of outputs of music_inference_model("
                                             "..., Ty=5)")
    inference_i.get_layer(cell_i.name).set_weights(weights_i[:3])
    inference_i.get_layer(dense_i.name).set_weights(weights_i[3:])
    got = np.stack([np.asarray(o) for o in inference_i([x0_i, a0_i, c0_i])])
    want = inference_numpy(x0_i, a0_i, c0_i, weights_i, 5)
    check_array(got, want, "the outputs of music_inference_model(..., Ty=5), stacked",
                rtol=1e-4, atol=1e-5,
                hints=[(inference_numpy(x0_i, a0_i, c0_i, weights_i, 5, feed="probabilities"),
                        "the probabilities fed back instead of the one-hot argmax?"),
                       (inference_numpy(x0_i, 0 * a0_i, c0_i, weights_i, 5, carry=False),
                        "initial_state=[a, c] not passed: the LSTM starts from zeros?"),
                       (inference_numpy(x0_i, a0_i, c0_i, weights_i, 5, feed="none"),
                        "x never updated: the first token fed at every step?")])


run_checks("music_inference_model", run_small_inference)
### BEGIN HIDDEN TESTS
def _hidden_music_inference_model():
    for _seed, (_Ty, _n_a, _n_v, _m) in enumerate(((8, 5, 6, 3), (2, 4, 9, 1))):
        _cell, _dense, _, _w = small_layers(_n_a, _n_v, seed=70 + _seed)
        _name = f"music_inference_model(..., Ty={_Ty}) with n_a = {_n_a}, n_values = {_n_v}"
        _model = music_inference_model(_cell, _dense, Ty=_Ty)
        check_shared_layers(_model, expected_inference_rows(_Ty, _n_a, _n_v), _name,
                              ignore=("RepeatVector", "Reshape", "Lambda"))
        check_equal(len(_model.outputs), _Ty, f"the number of outputs of {_name}")
        _model.get_layer(_cell.name).set_weights(_w[:3])
        _model.get_layer(_dense.name).set_weights(_w[3:])
        _rng = np.random.default_rng(80 + _seed)
        _x0 = np.eye(_n_v, dtype=np.float32)[_rng.integers(0, _n_v, size=(_m, 1))]
        _a0, _c0 = (_rng.normal(size=(_m, _n_a)).astype(np.float32) for _ in range(2))
        _got = np.stack([np.asarray(_o) for _o in _model([_x0, _a0, _c0])])
        _z = np.zeros_like(_a0)
        _hints = [
            (inference_numpy(_x0, _a0, _c0, _w, _Ty, feed="probabilities"),
             "the probabilities fed back instead of the one-hot argmax?"),
            (inference_numpy(_x0, _z, _z, _w, _Ty, carry=False),
             "initial_state=[a, c] not passed: the LSTM starts every step from zeros?"),
            (inference_numpy(_x0, _a0, _c0, _w, _Ty, feed="none"),
             "x never updated: the first token fed at every step?"),
        ]
        check_array(_got, inference_numpy(_x0, _a0, _c0, _w, _Ty),
                    f"the outputs of {_name}, stacked", rtol=1e-4, atol=1e-5, hints=_hints)


_hidden_music_inference_model()
### END HIDDEN TESTS

# %% [markdown]
# ### Exercise 4 - `predict_and_sample`
#
# Run an inference model on one starting token and turn its `Ty` outputs into a melody:
#
# - call the model on `[x_initializer, a_initializer, c_initializer]` (shapes `(1, 1,
#   n_values)`, `(1, n_a)`, `(1, n_a)`); it returns a list of `Ty` arrays of shape
#   `(1, n_values)`. Calling the model directly, `inference_model([...])`, is much faster for a
#   single example than `inference_model.predict`;
# - `indices`: the index of the most likely token of each step, an integer array of shape
#   `(Ty, 1)`;
# - `results`: the same tokens as one-hot rows, a float array of shape `(Ty, n_values)`
#   (`np.eye` or `tf.keras.utils.to_categorical` help).
#
# Return `results, indices`.

# %% nbgrader={"grade_id": "predict_and_sample", "solution": true}
# GRADED FUNCTION: predict_and_sample
def predict_and_sample(inference_model, x_initializer, a_initializer, c_initializer):
    """Compose a melody with an inference model.

    Arguments:
    inference_model -- Keras Model with inputs [x0, a0, c0] and Ty outputs of shape
                       (1, n_values) each
    x_initializer -- the first token, one-hot, shape (1, 1, n_values)
    a_initializer -- initial hidden state, shape (1, n_a)
    c_initializer -- initial cell state, shape (1, n_a)

    Returns:
    results -- one-hot tokens, numpy array of shape (Ty, n_values)
    indices -- token indices, numpy integer array of shape (Ty, 1)
    """
    n_values = x_initializer.shape[2]
    ### BEGIN SOLUTION
    pred = inference_model([x_initializer, a_initializer, c_initializer])
    pred = np.stack([np.asarray(p) for p in pred])  # (Ty, 1, n_values)
    indices = np.argmax(pred, axis=-1)
    results = np.eye(n_values, dtype=np.float32)[indices[:, 0]]
    ### END SOLUTION
    return results, indices


# %% nbgrader={"grade_id": "test_predict_and_sample", "points": 3}
def fixed_output_model(logits, n_a):
    """A model with inputs [x0, a0, c0] whose t-th output is always softmax(logits[t])."""
    Ty, n_v = np.shape(logits)
    x0, a0, c0 = Input(shape=(1, n_v)), Input(shape=(n_a,)), Input(shape=(n_a,))
    outs = []
    for t in range(Ty):
        dense = Dense(n_v, activation="softmax")
        outs.append(dense(a0))
        dense.set_weights([np.zeros((n_a, n_v), np.float32),
                           np.asarray(logits[t], np.float32)])
    return Model(inputs=[x0, a0, c0], outputs=outs)


# Ty = 4 outputs over n_values = 5 tokens; the largest logits are at 2, 0, 4, 4.
logits_p = np.array([[0, 1, 3, 0, 0], [2, 1, 0, 0, 0], [0, 0, 1, 0, 5], [1, 0, 0, 2, 3]], float)
model_p = fixed_output_model(logits_p, n_a=2)
x_p = np.eye(5, dtype=np.float32)[[[3]]]
results_p, indices_p = predict_and_sample(model_p, x_p, np.zeros((1, 2), np.float32),
                                          np.zeros((1, 2), np.float32))
probs_p = np.exp(logits_p) / np.exp(logits_p).sum(axis=1, keepdims=True)
run_checks(
    "predict_and_sample",
    lambda: check_array(indices_p, [[2], [0], [4], [4]], "indices", dtype="int",
                        hints=[(probs_p.argmin(axis=1)[:, None],
                                "the least likely token taken (argmin)?")]),
    lambda: check_array(results_p, np.eye(5)[[2, 0, 4, 4]], "results",
                        hints=[(probs_p, "the probabilities returned instead of one-hot rows?")]),
)
### BEGIN HIDDEN TESTS
def _hidden_predict_and_sample():
    # a real (tiny) composing model with set weights; the oracle is the NumPy argmax loop
    for _seed, (_Ty, _n_a, _n_v) in enumerate(((7, 4, 6), (3, 2, 11))):
        _rng = np.random.default_rng(90 + _seed)
        _w = [_rng.normal(0, 0.8, size=_s).astype(np.float32)
              for _s in ((_n_v, 4 * _n_a), (_n_a, 4 * _n_a), (4 * _n_a,), (_n_a, _n_v), (_n_v,))]
        _cell, _dense = LSTM(_n_a, return_state=True), Dense(_n_v, activation="softmax")
        _x0 = Input(shape=(1, _n_v))
        _a0, _c0 = Input(shape=(_n_a,)), Input(shape=(_n_a,))
        _x, _a, _c, _outs = _x0, _a0, _c0, []
        for _t in range(_Ty):
            _, _a, _c = _cell(_x, initial_state=[_a, _c])
            _outs.append(_dense(_a))
            _x = Reshape((1, _n_v))(tf.keras.ops.one_hot(tf.keras.ops.argmax(_outs[-1], -1),
                                                         _n_v))
        _model = Model(inputs=[_x0, _a0, _c0], outputs=_outs)
        _cell.set_weights(_w[:3])
        _dense.set_weights(_w[3:])
        _xi = np.eye(_n_v, dtype=np.float32)[[[_rng.integers(0, _n_v)]]]
        _ai, _ci = (_rng.normal(size=(1, _n_a)).astype(np.float32) for _ in range(2))
        _xi_copy = _xi.copy()
        _res, _idx = predict_and_sample(_model, _xi, _ai, _ci)
        _p = inference_numpy(_xi, _ai, _ci, _w, _Ty)[:, 0, :]
        _want_idx = _p.argmax(axis=1)[:, None]
        _name = f"for Ty = {_Ty}, n_values = {_n_v}"
        check_array(_idx, _want_idx, f"indices {_name}", dtype="int")
        check_array(np.asarray(_res), np.eye(_n_v)[_want_idx[:, 0]], f"results {_name}",
                    hints=[(_p, "the probabilities returned instead of one-hot rows?")])
        check_array(_xi, _xi_copy, "x_initializer after predict_and_sample (unchanged)")


_hidden_predict_and_sample()
### END HIDDEN TESTS

# %% [markdown]
# ## 6 - Listening
#
# Compose 50 tokens with the trained layers, starting from the first token of window 0 of the
# data and from a random hidden state (from zero states every composition would start alike).

# %% tags=["demo"]
inference_model = music_inference_model(LSTM_cell, densor, Ty=50)
rng = np.random.default_rng(7)
x_initializer = X[0:1, :1, :]  # (1, 1, n_values)
a_initializer = rng.normal(0, 1, size=(1, n_a)).astype(np.float32)
c_initializer = np.zeros((1, n_a), dtype=np.float32)
results, indices = predict_and_sample(inference_model, x_initializer, a_initializer,
                                      c_initializer)
melody = np.concatenate([[int(x_initializer.argmax())], indices[:, 0]])
real = np.concatenate([X[0].argmax(axis=1), [Y[-1, 0].argmax()]])
print("generated:", " ".join(note_name(p) for p, _ in decode(melody[:20])), "...")
print(f"distinct tokens: generated {len(set(melody.tolist()))}, "
      f"window 0 of the data {len(set(real.tolist()))}")
check_between(len(set(melody.tolist())), 1, len(set(real.tolist())) - 1,
              "the number of distinct tokens of the generated melody",
              "fewer than in the data window")

fig, axes = plt.subplots(2, 1, figsize=(9, 5))
plot_piano_roll(melody, ax=axes[0], title="generated melody (51 tokens)", color="tab:orange")
plot_piano_roll(real, ax=axes[1], title="a melody of the data (window 0, 31 tokens)")
fig.tight_layout()
plt.show()
display(Audio(synthesize(melody), rate=SAMPLE_RATE))

# %% [markdown]
# The generated melody uses fewer distinct tokens than the real one (the cell checks it), and
# after a while it falls into a loop (in the reference run, one note repeated): always taking
# the most likely token makes the model walk into the same loops. Two remedies are worth
# trying on your own: **sampling** the next token from $\hat y^{\langle t \rangle}$ instead
# of taking its argmax (`np.random.choice(n_values, p=...)`, step by step in Python), and
# training longer.
#
# ## 7 - What you built
#
# - A recurrent model in Keras made of **shared layers**: one `LSTM_cell` and one `densor`,
#   created once and called at every time step, so the model's weights do not grow with
#   $T_x$; you predicted the size of those weights from the LSTM's equations.
# - A **training** model that reads a window and predicts each next token, and an
#   **inference** model with the same layers that feeds its own predictions back in: the
#   sequence-generation loop of the lectures' language models, here producing music.

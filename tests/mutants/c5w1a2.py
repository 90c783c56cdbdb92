"""Planted wrong answers for c5w1a2 (character-level language model).

Each code string is executed in the namespace of the reference notebook after it ran; it
redefines one graded function the way a learner might get it wrong. The test cell
``test_<name>`` must fail on every one of them.
"""

_CLIP = (
    "def clip(gradients, maxValue):\n"
    "{body}"
    "    return clipped\n"
)

_SAMPLE = (
    "def sample(parameters, char_to_ix, seed):\n"
    "    Waa, Wax, Wya, by, b = (parameters['Waa'], parameters['Wax'], parameters['Wya'],\n"
    "                            parameters['by'], parameters['b'])\n"
    "    vocab_size = by.shape[0]\n"
    "    n_a = Waa.shape[1]\n"
    "    x = np.zeros((vocab_size, 1))\n"
    "    a_prev = np.zeros((n_a, 1))\n"
    "    indices = []\n"
    "    idx = -1\n"
    "    counter = 0\n"
    "    newline_character = char_to_ix['\\n']\n"
    "    while {condition}:\n"
    "        a = np.tanh(Wax @ x + Waa @ a_prev + b)\n"
    "        y = softmax(Wya @ a + by)\n"
    "{draw}"
    "{feed}"
    "        a_prev = a\n"
    "        counter += 1\n"
    "    if idx != newline_character:\n"
    "        indices.append(newline_character)\n"
    "    return indices\n"
)
_RIGHT_CONDITION = "idx != newline_character and counter != 50"
_RIGHT_DRAW = (
    "        np.random.seed(50 * seed + counter)\n"
    "        idx = int(np.random.choice(vocab_size, p=y.ravel()))\n"
    "        indices.append(idx)\n"
)
_RIGHT_FEED = (
    "        x = np.zeros((vocab_size, 1))\n"
    "        x[idx] = 1\n"
)

_OPTIMIZE = (
    "def optimize(X, Y, a_prev, parameters, learning_rate=0.01):\n"
    "    loss, cache = rnn_forward(X, Y, a_prev, parameters)\n"
    "    gradients, a = rnn_backward(X, Y, parameters, cache)\n"
    "{body}"
)

_MODEL = (
    "def model(data_x, ix_to_char, char_to_ix, num_iterations=35000, n_a=50, dino_names=7,\n"
    "          vocab_size=27, verbose=False):\n"
    "    loss_history.clear()\n"
    "    parameters = initialize_parameters(n_a, vocab_size, vocab_size)\n"
    "    loss = get_initial_loss(vocab_size, 7)\n"
    "{setup}"
    "    for j in range(num_iterations):\n"
    "{body}"
    "        loss_history.append(loss)\n"
    "    return parameters\n"
)
_SHUFFLE = (
    "    examples = [x.strip() for x in data_x]\n"
    "    np.random.seed(0)\n"
    "    np.random.shuffle(examples)\n"
)
_STEP = (
    "        curr_loss, gradients, a_prev = optimize(X, Y, a_prev, parameters, 0.01)\n"
    "        loss = smooth(loss, curr_loss)\n"
)


def _sample(condition=_RIGHT_CONDITION, draw=_RIGHT_DRAW, feed=_RIGHT_FEED):
    return _SAMPLE.format(condition=condition, draw=draw, feed=feed)


MUTANTS = {
    "predicted_initial_loss": {
        # Counts the letters only: forgets the step that predicts the newline.
        "forgets_the_newline_step": (
            "def predicted_initial_loss(name, vocab_size=27):\n"
            "    return len(name) * np.log(vocab_size)\n"
        ),
        # The loss of one step, not of the whole name.
        "one_step_only": (
            "def predicted_initial_loss(name, vocab_size=27):\n"
            "    return float(np.log(vocab_size))\n"
        ),
        # Log base 2 (bits) instead of the natural log.
        "log_base_2": (
            "def predicted_initial_loss(name, vocab_size=27):\n"
            "    return (len(name) + 1) * np.log2(vocab_size)\n"
        ),
        # Leaves the newline out of the vocabulary: 26 choices per step.
        "vocab_without_newline": (
            "def predicted_initial_loss(name, vocab_size=27):\n"
            "    return (len(name) + 1) * np.log(vocab_size - 1)\n"
        ),
        # Hard-codes the course's vocabulary size.
        "ignores_vocab_size": (
            "def predicted_initial_loss(name, vocab_size=27):\n"
            "    return (len(name) + 1) * np.log(27)\n"
        ),
    },
    "clip": {
        # np.clip(..., out=g) on the caller's arrays: right values, but the input changes.
        "modifies_input_in_place": _CLIP.format(body=(
            "    clipped = {}\n"
            "    for key in ('dWaa', 'dWax', 'dWya', 'db', 'dby'):\n"
            "        np.clip(gradients[key], -maxValue, maxValue, out=gradients[key])\n"
            "        clipped[key] = gradients[key]\n"
        )),
        # A shallow copy of the dictionary still shares the arrays.
        "shallow_copy_then_in_place": _CLIP.format(body=(
            "    clipped = dict(gradients)\n"
            "    for gradient in clipped.values():\n"
            "        np.clip(gradient, -maxValue, maxValue, out=gradient)\n"
        )),
        # Clips the weight gradients only, not the biases.
        "clips_only_weights": _CLIP.format(body=(
            "    clipped = {key: gradients[key].copy() for key in ('dWaa', 'dWax', 'dWya', 'db',\n"
            "                                                       'dby')}\n"
            "    for key in ('dWaa', 'dWax', 'dWya'):\n"
            "        clipped[key] = np.clip(gradients[key], -maxValue, maxValue)\n"
        )),
        # The interval [0, maxValue]: negative entries become 0.
        "clips_to_zero_max": _CLIP.format(body=(
            "    clipped = {key: np.clip(gradients[key], 0, maxValue)\n"
            "               for key in ('dWaa', 'dWax', 'dWya', 'db', 'dby')}\n"
        )),
        # Always clips to 5, whatever maxValue says.
        "ignores_max_value": _CLIP.format(body=(
            "    clipped = {key: np.clip(gradients[key], -5, 5)\n"
            "               for key in ('dWaa', 'dWax', 'dWya', 'db', 'dby')}\n"
        )),
    },
    "sample": {
        # The lectures' older schedule: the seed moves by 2 per character.
        "seed_plus_2t": _sample(draw=(
            "        np.random.seed(seed + 2 * counter)\n"
            "        idx = int(np.random.choice(vocab_size, p=y.ravel()))\n"
            "        indices.append(idx)\n"
        )),
        # np.random.seed(seed + t): draws shared between neighbouring seeds.
        "seed_plus_t": _sample(draw=(
            "        np.random.seed(seed + counter)\n"
            "        idx = int(np.random.choice(vocab_size, p=y.ravel()))\n"
            "        indices.append(idx)\n"
        )),
        # Seeds once, before the loop, instead of before every draw.
        "seeds_once": _sample(draw=(
            "        if counter == 0:\n"
            "            np.random.seed(50 * seed)\n"
            "        idx = int(np.random.choice(vocab_size, p=y.ravel()))\n"
            "        indices.append(idx)\n"
        )),
        # Does not stop at the newline: always 50 characters.
        "ignores_newline": _sample(condition="counter != 50", draw=(
            "        np.random.seed(50 * seed + counter)\n"
            "        idx = int(np.random.choice(vocab_size, p=y.ravel()))\n"
            "        indices.append(idx)\n"
        )),
        # The most likely character instead of a random draw.
        "argmax": _sample(draw=(
            "        np.random.seed(50 * seed + counter)\n"
            "        idx = int(np.argmax(y))\n"
            "        indices.append(idx)\n"
        )),
        # Never feeds the drawn character back: the input stays the zero vector.
        "input_stays_zero": _sample(feed=""),
        # Sets the new 1 without clearing the old one: x accumulates ones.
        "input_not_reset": _sample(feed="        x[idx] = 1\n"),
        # Stops after 50 characters but forgets to append the newline.
        "no_newline_after_cap": _SAMPLE.format(
            condition=_RIGHT_CONDITION, draw=_RIGHT_DRAW, feed=_RIGHT_FEED).replace(
            "    if idx != newline_character:\n"
            "        indices.append(newline_character)\n", ""),
    },
    "optimize": {
        # Forgets to clip.
        "no_clipping": _OPTIMIZE.format(body=(
            "    update_parameters(parameters, gradients, learning_rate)\n"
            "    return loss, gradients, a[len(X) - 1]\n"
        )),
        # Clips to [-10, 10].
        "clip_value_10": _OPTIMIZE.format(body=(
            "    gradients = clip(gradients, 10)\n"
            "    update_parameters(parameters, gradients, learning_rate)\n"
            "    return loss, gradients, a[len(X) - 1]\n"
        )),
        # Clips to [-1, 1].
        "clip_value_1": _OPTIMIZE.format(body=(
            "    gradients = clip(gradients, 1)\n"
            "    update_parameters(parameters, gradients, learning_rate)\n"
            "    return loss, gradients, a[len(X) - 1]\n"
        )),
        # Clips, but updates with the raw gradients.
        "updates_with_raw_gradients": _OPTIMIZE.format(body=(
            "    clipped = clip(gradients, 5)\n"
            "    update_parameters(parameters, gradients, learning_rate)\n"
            "    return loss, clipped, a[len(X) - 1]\n"
        )),
        # Returns the hidden state of the step before the last.
        "returns_a_of_wrong_step": _OPTIMIZE.format(body=(
            "    gradients = clip(gradients, 5)\n"
            "    update_parameters(parameters, gradients, learning_rate)\n"
            "    return loss, gradients, a[len(X) - 2]\n"
        )),
        # Ignores the learning_rate argument.
        "fixed_learning_rate": _OPTIMIZE.format(body=(
            "    gradients = clip(gradients, 5)\n"
            "    update_parameters(parameters, gradients, 0.01)\n"
            "    return loss, gradients, a[len(X) - 1]\n"
        )),
    },
    "model": {
        # The lectures' version: the hidden state carries over from one name to the next.
        "carries_a_prev_over": _MODEL.format(
            setup=_SHUFFLE + "    a_prev = np.zeros((n_a, 1))\n",
            body=(
                "        name = examples[j % len(examples)]\n"
                "        X = [None] + [char_to_ix[ch] for ch in name]\n"
                "        Y = X[1:] + [char_to_ix['\\n']]\n" + _STEP)),
        # Off by one in the indexing: starts at the second name.
        "example_index_shifted": _MODEL.format(setup=_SHUFFLE, body=(
            "        name = examples[(j + 1) % len(examples)]\n"
            "        X = [None] + [char_to_ix[ch] for ch in name]\n"
            "        Y = X[1:] + [char_to_ix['\\n']]\n"
            "        a_prev = np.zeros((n_a, 1))\n" + _STEP)),
        # Wraps around one name too early.
        "modulo_len_minus_one": _MODEL.format(setup=_SHUFFLE, body=(
            "        name = examples[j % (len(examples) - 1)]\n"
            "        X = [None] + [char_to_ix[ch] for ch in name]\n"
            "        Y = X[1:] + [char_to_ix['\\n']]\n"
            "        a_prev = np.zeros((n_a, 1))\n" + _STEP)),
        # Shuffles without seeding first: the order depends on what ran before.
        "shuffle_not_seeded": _MODEL.format(
            setup=("    examples = [x.strip() for x in data_x]\n"
                   "    np.random.shuffle(examples)\n"),
            body=(
                "        name = examples[j % len(examples)]\n"
                "        X = [None] + [char_to_ix[ch] for ch in name]\n"
                "        Y = X[1:] + [char_to_ix['\\n']]\n"
                "        a_prev = np.zeros((n_a, 1))\n" + _STEP)),
        # Drops the newline: the last letter is the last target, the model never learns to stop.
        "no_newline_target": _MODEL.format(setup=_SHUFFLE, body=(
            "        name = examples[j % len(examples)]\n"
            "        ids = [char_to_ix[ch] for ch in name]\n"
            "        X = [None] + ids[:-1]\n"
            "        Y = ids\n"
            "        a_prev = np.zeros((n_a, 1))\n" + _STEP)),
        # Records the raw loss of each name instead of the smoothed one.
        "loss_not_smoothed": _MODEL.format(setup=_SHUFFLE, body=(
            "        name = examples[j % len(examples)]\n"
            "        X = [None] + [char_to_ix[ch] for ch in name]\n"
            "        Y = X[1:] + [char_to_ix['\\n']]\n"
            "        a_prev = np.zeros((n_a, 1))\n"
            "        loss, gradients, a_prev = optimize(X, Y, a_prev, parameters, 0.01)\n")),
    },
}

"""Planted wrong answers for c5w1a3 (music generation with an LSTM).

Each code string is executed in the namespace of the reference notebook after it ran; it
redefines one graded function the way a learner might get it wrong. The test cell
``test_<name>`` must fail on every one of them.
"""

_COUNT = (
    "def lstm_parameter_count(n_a, n_x):\n"
    "    n_params = {expr}\n"
    "    return n_params\n"
)

_DJ = (
    "def djmodel(Tx, LSTM_cell, densor, reshaper):\n"
    "    n_values = densor.units\n"
    "    n_a = LSTM_cell.units\n"
    "    X = Input(shape=(Tx, n_values))\n"
    "    a0 = Input(shape=(n_a,), name='a0')\n"
    "    c0 = Input(shape=(n_a,), name='c0')\n"
    "    a = a0\n"
    "    c = c0\n"
    "    outputs = []\n"
    "    for t in range(Tx):\n"
    "{body}"
    "    model = Model(inputs=[X, a0, c0], outputs=outputs)\n"
    "    return model\n"
)

_INF = (
    "def music_inference_model(LSTM_cell, densor, Ty=100):\n"
    "    n_values = densor.units\n"
    "    n_a = LSTM_cell.units\n"
    "    x0 = Input(shape=(1, n_values))\n"
    "    a0 = Input(shape=(n_a,), name='a0')\n"
    "    c0 = Input(shape=(n_a,), name='c0')\n"
    "    a = a0\n"
    "    c = c0\n"
    "    x = x0\n"
    "    outputs = []\n"
    "    for t in range({steps}):\n"
    "{body}"
    "    inference_model = Model(inputs=[x0, a0, c0], outputs=outputs)\n"
    "    return inference_model\n"
)

_INF_OK_STEP = (
    "        _, a, c = LSTM_cell(x, initial_state=[a, c])\n"
    "        out = densor(a)\n"
    "        outputs.append(out)\n"
)

_PS = (
    "def predict_and_sample(inference_model, x_initializer, a_initializer, c_initializer):\n"
    "    n_values = x_initializer.shape[2]\n"
    "    pred = inference_model([x_initializer, a_initializer, c_initializer])\n"
    "{body}"
    "    return results, indices\n"
)

MUTANTS = {
    "lstm_parameter_count": {
        "no_biases": _COUNT.format(expr="4 * n_a * (n_a + n_x)"),
        "one_gate": _COUNT.format(expr="n_a * (n_a + n_x) + n_a"),
        "no_recurrent_weights": _COUNT.format(expr="4 * (n_a * n_x + n_a)"),
        "three_gates": _COUNT.format(expr="3 * (n_a * (n_a + n_x) + n_a)"),
        "bias_per_input": _COUNT.format(expr="4 * (n_a + 1) * (n_a + n_x)"),
    },
    "djmodel": {
        # A new LSTM layer at every step: 30 layers, 30 times the weights.
        "lstm_not_reused": _DJ.format(body=(
            "        x = reshaper(X[:, t, :])\n"
            "        _, a, c = LSTM(n_a, return_state=True)(x, initial_state=[a, c])\n"
            "        outputs.append(densor(a))\n"
        )),
        # The time axis added with an op instead of the reshaper layer given.
        "reshaper_missing": _DJ.format(body=(
            "        x = tf.keras.ops.expand_dims(X[:, t, :], 1)\n"
            "        _, a, c = LSTM_cell(x, initial_state=[a, c])\n"
            "        outputs.append(densor(a))\n"
        )),
        # The softmax of the cell state c.
        "outputs_from_c": _DJ.format(body=(
            "        x = reshaper(X[:, t, :])\n"
            "        _, a, c = LSTM_cell(x, initial_state=[a, c])\n"
            "        outputs.append(densor(c))\n"
        )),
        # The hidden state itself as the output, no densor.
        "outputs_are_a": _DJ.format(body=(
            "        x = reshaper(X[:, t, :])\n"
            "        _, a, c = LSTM_cell(x, initial_state=[a, c])\n"
            "        outputs.append(a)\n"
        )),
        # No initial_state: every step starts from zeros (a0, c0 unused).
        "initial_state_not_passed": _DJ.format(body=(
            "        x = reshaper(X[:, t, :])\n"
            "        _, a, c = LSTM_cell(x)\n"
            "        outputs.append(densor(a))\n"
        )),
        # The states are not carried: every step starts from a0, c0.
        "states_not_carried": _DJ.format(body=(
            "        x = reshaper(X[:, t, :])\n"
            "        _, a_t, c_t = LSTM_cell(x, initial_state=[a0, c0])\n"
            "        outputs.append(densor(a_t))\n"
        )),
        # Always the first token.
        "first_slice_only": _DJ.format(body=(
            "        x = reshaper(X[:, 0, :])\n"
            "        _, a, c = LSTM_cell(x, initial_state=[a, c])\n"
            "        outputs.append(densor(a))\n"
        )),
    },
    "music_inference_model": {
        # The softmax probabilities fed back as the next input.
        "feeds_probabilities": _INF.format(steps="Ty", body=_INF_OK_STEP + (
            "        x = RepeatVector(1)(out)\n"
        )),
        # argmax over the batch axis.
        "argmax_wrong_axis": _INF.format(steps="Ty", body=_INF_OK_STEP + (
            "        x = tf.keras.ops.one_hot(tf.keras.ops.argmax(out, axis=0), n_values)\n"
            "        x = RepeatVector(1)(x)\n"
        )),
        # One step too many.
        "ty_plus_one": _INF.format(steps="Ty + 1", body=_INF_OK_STEP + (
            "        x = RepeatVector(1)(tf.keras.ops.one_hot(tf.keras.ops.argmax(out, -1),"
            " n_values))\n"
        )),
        # One step too few.
        "ty_minus_one": _INF.format(steps="Ty - 1", body=_INF_OK_STEP + (
            "        x = RepeatVector(1)(tf.keras.ops.one_hot(tf.keras.ops.argmax(out, -1),"
            " n_values))\n"
        )),
        # initial_state not passed.
        "initial_state_not_passed": _INF.format(steps="Ty", body=(
            "        _, a, c = LSTM_cell(x)\n"
            "        out = densor(a)\n"
            "        outputs.append(out)\n"
            "        x = RepeatVector(1)(tf.keras.ops.one_hot(tf.keras.ops.argmax(out, -1),"
            " n_values))\n"
        )),
        # The first token fed at every step.
        "input_not_fed_back": _INF.format(steps="Ty", body=_INF_OK_STEP),
    },
    "predict_and_sample": {
        # indices of shape (Ty,).
        "indices_flat": _PS.format(body=(
            "    pred = np.stack([np.asarray(p) for p in pred])\n"
            "    indices = np.argmax(pred, axis=-1)[:, 0]\n"
            "    results = np.eye(n_values)[indices]\n"
        )),
        # The probabilities returned as results.
        "results_not_one_hot": _PS.format(body=(
            "    pred = np.stack([np.asarray(p) for p in pred])\n"
            "    indices = np.argmax(pred, axis=-1)\n"
            "    results = pred[:, 0, :]\n"
        )),
        # argmax over the time axis.
        "argmax_wrong_axis": _PS.format(body=(
            "    pred = np.stack([np.asarray(p) for p in pred])\n"
            "    indices = np.argmax(pred, axis=0)\n"
            "    results = tf.keras.utils.to_categorical(indices, num_classes=n_values)\n"
        )),
        # results of shape (Ty, 1, n_values).
        "results_keep_axis": _PS.format(body=(
            "    pred = np.stack([np.asarray(p) for p in pred])\n"
            "    indices = np.argmax(pred, axis=-1)\n"
            "    results = np.eye(n_values)[indices]\n"
        )),
        # Least likely token.
        "argmin": _PS.format(body=(
            "    pred = np.stack([np.asarray(p) for p in pred])\n"
            "    indices = np.argmin(pred, axis=-1)\n"
            "    results = np.eye(n_values)[indices[:, 0]]\n"
        )),
    },
}

"""Planted wrong answers for c5w1a1 (RNN and LSTM, step by step).

Each code string is executed in the namespace of the reference notebook after it ran; it
redefines one graded function the way a learner might get it wrong. The test cell
``test_<name>`` must fail on every one of them (and, since the tests of the sequence functions
put correct cells in, no other test cell).
"""

_SOFTMAX0 = (
    "    e = np.exp(scores - np.max(scores, axis=0, keepdims=True))\n"
    "    yt_pred = e / np.sum(e, axis=0, keepdims=True)\n"
)

_RNN_CELL = (
    "def rnn_cell_forward(xt, a_prev, parameters):\n"
    "    Wax = parameters['Wax']\n"
    "    Waa = parameters['Waa']\n"
    "    Wya = parameters['Wya']\n"
    "    ba = parameters['ba']\n"
    "    by = parameters['by']\n"
    "{body}"
    "    cache = (a_next, a_prev, xt, parameters)\n"
    "    return a_next, yt_pred, cache\n"
)

_RNN_FWD = (
    "def rnn_forward(x, a0, parameters):\n"
    "    caches = []\n"
    "    n_x, m, T_x = x.shape\n"
    "    n_y, n_a = parameters['Wya'].shape\n"
    "    a = np.zeros((n_a, m, T_x))\n"
    "    y_pred = np.zeros((n_y, m, T_x))\n"
    "    a_next = a0\n"
    "{body}"
    "    caches = (caches, x)\n"
    "    return a, y_pred, caches\n"
)

_LSTM_CELL = (
    "def lstm_cell_forward(xt, a_prev, c_prev, parameters):\n"
    "    Wf, bf = parameters['Wf'], parameters['bf']\n"
    "    Wi, bi = parameters['Wi'], parameters['bi']\n"
    "    Wc, bc = parameters['Wc'], parameters['bc']\n"
    "    Wo, bo = parameters['Wo'], parameters['bo']\n"
    "    Wy, by = parameters['Wy'], parameters['by']\n"
    "{body}"
    "    cache = (a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, parameters)\n"
    "    return a_next, c_next, yt_pred, cache\n"
)

_LSTM_GATES = (
    "    concat = np.concatenate((a_prev, xt), axis=0)\n"
    "    ft = sigmoid(Wf @ concat + bf)\n"
    "    it = sigmoid(Wi @ concat + bi)\n"
    "    cct = np.tanh(Wc @ concat + bc)\n"
    "    ot = sigmoid(Wo @ concat + bo)\n"
)

_LSTM_FWD = (
    "def lstm_forward(x, a0, parameters):\n"
    "    caches = []\n"
    "    n_x, m, T_x = x.shape\n"
    "    n_y, n_a = parameters['Wy'].shape\n"
    "    a = np.zeros((n_a, m, T_x))\n"
    "    c = np.zeros((n_a, m, T_x))\n"
    "    y = np.zeros((n_y, m, T_x))\n"
    "    a_next = a0\n"
    "    c_next = np.zeros((n_a, m))\n"
    "{body}"
    "    caches = (caches, x)\n"
    "    return a, y, c, caches\n"
)

_RNN_CELL_BWD = (
    "def rnn_cell_backward(da_next, cache):\n"
    "    a_next, a_prev, xt, parameters = cache\n"
    "    Wax = parameters['Wax']\n"
    "    Waa = parameters['Waa']\n"
    "{body}"
    "    return {{'dxt': dxt, 'da_prev': da_prev, 'dWax': dWax, 'dWaa': dWaa, 'dba': dba}}\n"
)

_RNN_BWD = (
    "def rnn_backward(da, caches):\n"
    "    caches, x = caches\n"
    "    a1, a0, x1, parameters = caches[0]\n"
    "    n_a, m, T_x = da.shape\n"
    "    n_x, m = x1.shape\n"
    "    dx = np.zeros((n_x, m, T_x))\n"
    "    dWax = np.zeros((n_a, n_x))\n"
    "    dWaa = np.zeros((n_a, n_a))\n"
    "    dba = np.zeros((n_a, 1))\n"
    "    da_prevt = np.zeros((n_a, m))\n"
    "{body}"
    "    return {{'dx': dx, 'da0': da0, 'dWax': dWax, 'dWaa': dWaa, 'dba': dba}}\n"
)

_LSTM_CELL_BWD = (
    "def lstm_cell_backward(da_next, dc_next, cache):\n"
    "    a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, parameters = cache\n"
    "    n_x, m = xt.shape\n"
    "    n_a, m = a_next.shape\n"
    "    tau = np.tanh(c_next)\n"
    "{body}"
    "    concat = np.concatenate((a_prev, xt), axis=0)\n"
    "    g = {{}}\n"
    "    for name, d in (('f', dft), ('i', dit), ('c', dcct), ('o', dot)):\n"
    "        g['dW' + name] = d @ concat.T\n"
    "        g['db' + name] = np.sum(d, axis=1, keepdims=True)\n"
    "    dconcat = (parameters['Wf'].T @ dft + parameters['Wi'].T @ dit\n"
    "               + parameters['Wc'].T @ dcct + parameters['Wo'].T @ dot)\n"
    "{tail}"
    "    return g\n"
)
_LSTM_CELL_BWD_TAIL = (
    "    g['da_prev'] = dconcat[:n_a]\n"
    "    g['dxt'] = dconcat[n_a:]\n"
    "    g['dc_prev'] = dc * ft\n"
)
_LSTM_CELL_BWD_BODY = (
    "    dc = dc_next + da_next * ot * (1 - tau ** 2)\n"
    "    dot = da_next * tau * ot * (1 - ot)\n"
    "    dcct = dc * it * (1 - cct ** 2)\n"
    "    dit = dc * cct * it * (1 - it)\n"
    "    dft = dc * c_prev * ft * (1 - ft)\n"
)

_LSTM_BWD = (
    "def lstm_backward(da, caches):\n"
    "    caches, x = caches\n"
    "    (a1, c1, a0, c0, f1, i1, cc1, o1, x1, parameters) = caches[0]\n"
    "    n_a, m, T_x = da.shape\n"
    "    n_x, m = x1.shape\n"
    "    dx = np.zeros((n_x, m, T_x))\n"
    "    G = {{}}\n"
    "    for name in 'fico':\n"
    "        G['dW' + name] = np.zeros((n_a, n_a + n_x))\n"
    "        G['db' + name] = np.zeros((n_a, 1))\n"
    "    da_prevt = np.zeros((n_a, m))\n"
    "    dc_prevt = np.zeros((n_a, m))\n"
    "{body}"
    "    G['dx'] = dx\n"
    "    G['da0'] = da_prevt\n"
    "    return G\n"
)

MUTANTS = {
    "rnn_cell_forward": {
        # tanh and sigmoid swapped: the hidden state squashed with the sigmoid.
        "sigmoid_instead_of_tanh": _RNN_CELL.format(body=(
            "    a_next = sigmoid(Waa @ a_prev + Wax @ xt + ba)\n"
            "    scores = Wya @ a_next + by\n" + _SOFTMAX0)),
        # Softmax over the wrong axis: normalized over the examples.
        "softmax_over_examples": _RNN_CELL.format(body=(
            "    a_next = np.tanh(Waa @ a_prev + Wax @ xt + ba)\n"
            "    scores = Wya @ a_next + by\n"
            "    e = np.exp(scores)\n"
            "    yt_pred = e / np.sum(e, axis=1, keepdims=True)\n")),
        # Softmax normalized over the whole array (a sum over every entry).
        "softmax_over_everything": _RNN_CELL.format(body=(
            "    a_next = np.tanh(Waa @ a_prev + Wax @ xt + ba)\n"
            "    scores = Wya @ a_next + by\n"
            "    yt_pred = np.exp(scores) / np.sum(np.exp(scores))\n")),
        # The prediction made from the previous hidden state.
        "prediction_from_a_prev": _RNN_CELL.format(body=(
            "    a_next = np.tanh(Waa @ a_prev + Wax @ xt + ba)\n"
            "    scores = Wya @ a_prev + by\n" + _SOFTMAX0)),
        # The bias of the hidden state forgotten.
        "no_bias_ba": _RNN_CELL.format(body=(
            "    a_next = np.tanh(Waa @ a_prev + Wax @ xt)\n"
            "    scores = Wya @ a_next + by\n" + _SOFTMAX0)),
        # No softmax: the raw scores returned as predictions.
        "no_softmax": _RNN_CELL.format(body=(
            "    a_next = np.tanh(Waa @ a_prev + Wax @ xt + ba)\n"
            "    yt_pred = Wya @ a_next + by\n")),
    },
    "rnn_forward": {
        # Time steps reversed.
        "time_reversed": _RNN_FWD.format(body=(
            "    for t in reversed(range(T_x)):\n"
            "        a_next, yt, cache = rnn_cell_forward(x[:, :, t], a_next, parameters)\n"
            "        a[:, :, t] = a_next\n"
            "        y_pred[:, :, t] = yt\n"
            "        caches.append(cache)\n")),
        # Hidden state from the wrong step: a_prev stored at t.
        "stores_a_prev": _RNN_FWD.format(body=(
            "    for t in range(T_x):\n"
            "        a[:, :, t] = a_next\n"
            "        a_next, yt, cache = rnn_cell_forward(x[:, :, t], a_next, parameters)\n"
            "        y_pred[:, :, t] = yt\n"
            "        caches.append(cache)\n")),
        # a0 fed to every step: the hidden state is never carried.
        "a0_every_step": _RNN_FWD.format(body=(
            "    for t in range(T_x):\n"
            "        a_next, yt, cache = rnn_cell_forward(x[:, :, t], a0, parameters)\n"
            "        a[:, :, t] = a_next\n"
            "        y_pred[:, :, t] = yt\n"
            "        caches.append(cache)\n")),
        # Off by one: the loop stops one step early.
        "last_step_missing": _RNN_FWD.format(body=(
            "    for t in range(T_x - 1):\n"
            "        a_next, yt, cache = rnn_cell_forward(x[:, :, t], a_next, parameters)\n"
            "        a[:, :, t] = a_next\n"
            "        y_pred[:, :, t] = yt\n"
            "        caches.append(cache)\n")),
        # Only the last cache kept.
        "caches_overwritten": _RNN_FWD.format(body=(
            "    for t in range(T_x):\n"
            "        a_next, yt, cache = rnn_cell_forward(x[:, :, t], a_next, parameters)\n"
            "        a[:, :, t] = a_next\n"
            "        y_pred[:, :, t] = yt\n"
            "    caches.append(cache)\n")),
    },
    "lstm_cell_forward": {
        # Forget and update gates swapped.
        "forget_update_swapped": _LSTM_CELL.format(body=_LSTM_GATES + (
            "    c_next = it * c_prev + ft * cct\n"
            "    a_next = ot * np.tanh(c_next)\n"
            "    scores = Wy @ a_next + by\n" + _SOFTMAX0)),
        # tanh and sigmoid swapped in the gates and the candidate.
        "tanh_sigmoid_swapped": _LSTM_CELL.format(body=(
            "    concat = np.concatenate((a_prev, xt), axis=0)\n"
            "    ft = np.tanh(Wf @ concat + bf)\n"
            "    it = np.tanh(Wi @ concat + bi)\n"
            "    cct = sigmoid(Wc @ concat + bc)\n"
            "    ot = np.tanh(Wo @ concat + bo)\n"
            "    c_next = ft * c_prev + it * cct\n"
            "    a_next = ot * np.tanh(c_next)\n"
            "    scores = Wy @ a_next + by\n" + _SOFTMAX0)),
        # Only the candidate with the sigmoid.
        "candidate_sigmoid": _LSTM_CELL.format(body=(
            "    concat = np.concatenate((a_prev, xt), axis=0)\n"
            "    ft = sigmoid(Wf @ concat + bf)\n"
            "    it = sigmoid(Wi @ concat + bi)\n"
            "    cct = sigmoid(Wc @ concat + bc)\n"
            "    ot = sigmoid(Wo @ concat + bo)\n"
            "    c_next = ft * c_prev + it * cct\n"
            "    a_next = ot * np.tanh(c_next)\n"
            "    scores = Wy @ a_next + by\n" + _SOFTMAX0)),
        # concat in the wrong order: [xt; a_prev].
        "concat_order": _LSTM_CELL.format(body=(
            "    concat = np.concatenate((xt, a_prev), axis=0)\n"
            "    ft = sigmoid(Wf @ concat + bf)\n"
            "    it = sigmoid(Wi @ concat + bi)\n"
            "    cct = np.tanh(Wc @ concat + bc)\n"
            "    ot = sigmoid(Wo @ concat + bo)\n"
            "    c_next = ft * c_prev + it * cct\n"
            "    a_next = ot * np.tanh(c_next)\n"
            "    scores = Wy @ a_next + by\n" + _SOFTMAX0)),
        # tanh of the cell state left out.
        "a_without_tanh": _LSTM_CELL.format(body=_LSTM_GATES + (
            "    c_next = ft * c_prev + it * cct\n"
            "    a_next = ot * c_next\n"
            "    scores = Wy @ a_next + by\n" + _SOFTMAX0)),
        # Hidden state from the wrong step: tanh(c_prev).
        "a_from_c_prev": _LSTM_CELL.format(body=_LSTM_GATES + (
            "    c_next = ft * c_prev + it * cct\n"
            "    a_next = ot * np.tanh(c_prev)\n"
            "    scores = Wy @ a_next + by\n" + _SOFTMAX0)),
        # Softmax over the wrong axis.
        "softmax_over_examples": _LSTM_CELL.format(body=_LSTM_GATES + (
            "    c_next = ft * c_prev + it * cct\n"
            "    a_next = ot * np.tanh(c_next)\n"
            "    scores = Wy @ a_next + by\n"
            "    yt_pred = np.exp(scores) / np.sum(np.exp(scores), axis=1, keepdims=True)\n")),
    },
    "lstm_forward": {
        # The cell state not carried: c_prev reset each step.
        "cell_state_reset": _LSTM_FWD.format(body=(
            "    for t in range(T_x):\n"
            "        a_next, c_next, yt, cache = lstm_cell_forward(\n"
            "            x[:, :, t], a_next, np.zeros((n_a, m)), parameters)\n"
            "        a[:, :, t] = a_next\n"
            "        c[:, :, t] = c_next\n"
            "        y[:, :, t] = yt\n"
            "        caches.append(cache)\n")),
        # Time steps reversed.
        "time_reversed": _LSTM_FWD.format(body=(
            "    for t in reversed(range(T_x)):\n"
            "        a_next, c_next, yt, cache = lstm_cell_forward(x[:, :, t], a_next, c_next,\n"
            "                                                      parameters)\n"
            "        a[:, :, t] = a_next\n"
            "        c[:, :, t] = c_next\n"
            "        y[:, :, t] = yt\n"
            "        caches.append(cache)\n")),
        # Hidden state from the wrong step: a_prev stored at t.
        "stores_a_prev": _LSTM_FWD.format(body=(
            "    for t in range(T_x):\n"
            "        a[:, :, t] = a_next\n"
            "        a_next, c_next, yt, cache = lstm_cell_forward(x[:, :, t], a_next, c_next,\n"
            "                                                      parameters)\n"
            "        c[:, :, t] = c_next\n"
            "        y[:, :, t] = yt\n"
            "        caches.append(cache)\n")),
        # The cell states never stored (c stays zeros).
        "c_not_stored": _LSTM_FWD.format(body=(
            "    for t in range(T_x):\n"
            "        a_next, c_next, yt, cache = lstm_cell_forward(x[:, :, t], a_next, c_next,\n"
            "                                                      parameters)\n"
            "        a[:, :, t] = a_next\n"
            "        y[:, :, t] = yt\n"
            "        caches.append(cache)\n")),
        # The memory initialized with a0 instead of zeros.
        "c0_is_a0": _LSTM_FWD.format(body=(
            "    c_next = a0\n"
            "    for t in range(T_x):\n"
            "        a_next, c_next, yt, cache = lstm_cell_forward(x[:, :, t], a_next, c_next,\n"
            "                                                      parameters)\n"
            "        a[:, :, t] = a_next\n"
            "        c[:, :, t] = c_next\n"
            "        y[:, :, t] = yt\n"
            "        caches.append(cache)\n")),
    },
    "rnn_cell_backward": {
        # The derivative of tanh forgotten.
        "no_tanh_derivative": _RNN_CELL_BWD.format(body=(
            "    dz = da_next\n"
            "    dxt = Wax.T @ dz\n"
            "    da_prev = Waa.T @ dz\n"
            "    dWax = dz @ xt.T\n"
            "    dWaa = dz @ a_prev.T\n"
            "    dba = np.sum(dz, axis=1, keepdims=True)\n")),
        # tanh' taken at the previous hidden state.
        "tanh_derivative_of_a_prev": _RNN_CELL_BWD.format(body=(
            "    dz = da_next * (1 - a_prev ** 2)\n"
            "    dxt = Wax.T @ dz\n"
            "    da_prev = Waa.T @ dz\n"
            "    dWax = dz @ xt.T\n"
            "    dWaa = dz @ a_prev.T\n"
            "    dba = np.sum(dz, axis=1, keepdims=True)\n")),
        # tanh applied again to a_next, which already is tanh(z).
        "tanh_of_a_next": _RNN_CELL_BWD.format(body=(
            "    dz = da_next * (1 - np.tanh(a_next) ** 2)\n"
            "    dxt = Wax.T @ dz\n"
            "    da_prev = Waa.T @ dz\n"
            "    dWax = dz @ xt.T\n"
            "    dWaa = dz @ a_prev.T\n"
            "    dba = np.sum(dz, axis=1, keepdims=True)\n")),
        # dWaa with the wrong operand order: the transpose.
        "dWaa_transposed": _RNN_CELL_BWD.format(body=(
            "    dz = da_next * (1 - a_next ** 2)\n"
            "    dxt = Wax.T @ dz\n"
            "    da_prev = Waa.T @ dz\n"
            "    dWax = dz @ xt.T\n"
            "    dWaa = a_prev @ dz.T\n"
            "    dba = np.sum(dz, axis=1, keepdims=True)\n")),
        # dWaa from a_next instead of a_prev.
        "dWaa_from_a_next": _RNN_CELL_BWD.format(body=(
            "    dz = da_next * (1 - a_next ** 2)\n"
            "    dxt = Wax.T @ dz\n"
            "    da_prev = Waa.T @ dz\n"
            "    dWax = dz @ xt.T\n"
            "    dWaa = dz @ a_next.T\n"
            "    dba = np.sum(dz, axis=1, keepdims=True)\n")),
        # A 1/m borrowed from course 1.
        "divides_by_m": _RNN_CELL_BWD.format(body=(
            "    m = xt.shape[1]\n"
            "    dz = da_next * (1 - a_next ** 2)\n"
            "    dxt = Wax.T @ dz\n"
            "    da_prev = Waa.T @ dz\n"
            "    dWax = dz @ xt.T / m\n"
            "    dWaa = dz @ a_prev.T / m\n"
            "    dba = np.sum(dz, axis=1, keepdims=True) / m\n")),
    },
    "rnn_backward": {
        # Gradients not accumulated over time (= instead of +=).
        "not_accumulated": _RNN_BWD.format(body=(
            "    for t in reversed(range(T_x)):\n"
            "        g = rnn_cell_backward(da[:, :, t] + da_prevt, caches[t])\n"
            "        dx[:, :, t] = g['dxt']\n"
            "        da_prevt = g['da_prev']\n"
            "        dWax = g['dWax']\n"
            "        dWaa = g['dWaa']\n"
            "        dba = g['dba']\n"
            "    da0 = da_prevt\n")),
        # Time steps in forward order.
        "time_forward_order": _RNN_BWD.format(body=(
            "    for t in range(T_x):\n"
            "        g = rnn_cell_backward(da[:, :, t] + da_prevt, caches[t])\n"
            "        dx[:, :, t] = g['dxt']\n"
            "        da_prevt = g['da_prev']\n"
            "        dWax += g['dWax']\n"
            "        dWaa += g['dWaa']\n"
            "        dba += g['dba']\n"
            "    da0 = da_prevt\n")),
        # The gradient coming back from the later step not added.
        "da_prev_not_added": _RNN_BWD.format(body=(
            "    for t in reversed(range(T_x)):\n"
            "        g = rnn_cell_backward(da[:, :, t], caches[t])\n"
            "        dx[:, :, t] = g['dxt']\n"
            "        da_prevt = g['da_prev']\n"
            "        dWax += g['dWax']\n"
            "        dWaa += g['dWaa']\n"
            "        dba += g['dba']\n"
            "    da0 = da_prevt\n")),
        # Hidden state gradient of the wrong step: da[:, :, t - 1].
        "da_wrong_step": _RNN_BWD.format(body=(
            "    for t in reversed(range(T_x)):\n"
            "        g = rnn_cell_backward(da[:, :, t - 1] + da_prevt, caches[t])\n"
            "        dx[:, :, t] = g['dxt']\n"
            "        da_prevt = g['da_prev']\n"
            "        dWax += g['dWax']\n"
            "        dWaa += g['dWaa']\n"
            "        dba += g['dba']\n"
            "    da0 = da_prevt\n")),
        # Writes into the caller's da (right gradients, input changed).
        "modifies_da_in_place": _RNN_BWD.format(body=(
            "    for t in reversed(range(T_x)):\n"
            "        da[:, :, t] += da_prevt\n"
            "        g = rnn_cell_backward(da[:, :, t], caches[t])\n"
            "        dx[:, :, t] = g['dxt']\n"
            "        da_prevt = g['da_prev']\n"
            "        dWax += g['dWax']\n"
            "        dWaa += g['dWaa']\n"
            "        dba += g['dba']\n"
            "    da0 = da_prevt\n")),
    },
    "lstm_cell_backward": {
        # dc without the path through a_next.
        "dc_without_da_path": _LSTM_CELL_BWD.format(body=(
            "    dc = dc_next\n"
            "    dot = da_next * tau * ot * (1 - ot)\n"
            "    dcct = dc * it * (1 - cct ** 2)\n"
            "    dit = dc * cct * it * (1 - it)\n"
            "    dft = dc * c_prev * ft * (1 - ft)\n"), tail=_LSTM_CELL_BWD_TAIL),
        # tanh'(c_next) left out.
        "no_tanh_derivative": _LSTM_CELL_BWD.format(body=(
            "    dc = dc_next + da_next * ot\n"
            "    dot = da_next * tau * ot * (1 - ot)\n"
            "    dcct = dc * it * (1 - cct ** 2)\n"
            "    dit = dc * cct * it * (1 - it)\n"
            "    dft = dc * c_prev * ft * (1 - ft)\n"), tail=_LSTM_CELL_BWD_TAIL),
        # Forget and update gates mixed up in their gradients.
        "forget_update_swapped": _LSTM_CELL_BWD.format(body=(
            "    dc = dc_next + da_next * ot * (1 - tau ** 2)\n"
            "    dot = da_next * tau * ot * (1 - ot)\n"
            "    dcct = dc * it * (1 - cct ** 2)\n"
            "    dft = dc * cct * it * (1 - it)\n"
            "    dit = dc * c_prev * ft * (1 - ft)\n"), tail=_LSTM_CELL_BWD_TAIL),
        # dc_prev only dc_next * ft (the a_next path missing there).
        "dc_prev_from_dc_next": _LSTM_CELL_BWD.format(body=_LSTM_CELL_BWD_BODY, tail=(
            "    g['da_prev'] = dconcat[:n_a]\n"
            "    g['dxt'] = dconcat[n_a:]\n"
            "    g['dc_prev'] = dc_next * ft\n")),
        # da_prev and dxt taken from the wrong rows of dconcat.
        "dconcat_split_swapped": _LSTM_CELL_BWD.format(body=_LSTM_CELL_BWD_BODY, tail=(
            "    g['da_prev'] = dconcat[n_x:]\n"
            "    g['dxt'] = dconcat[:n_x]\n"
            "    g['dc_prev'] = dc * ft\n")),
        # Sigmoid derivative forgotten for the output gate.
        "output_gate_no_sigmoid_derivative": _LSTM_CELL_BWD.format(body=(
            "    dc = dc_next + da_next * ot * (1 - tau ** 2)\n"
            "    dot = da_next * tau\n"
            "    dcct = dc * it * (1 - cct ** 2)\n"
            "    dit = dc * cct * it * (1 - it)\n"
            "    dft = dc * c_prev * ft * (1 - ft)\n"), tail=_LSTM_CELL_BWD_TAIL),
    },
    "lstm_backward": {
        # Gradients not accumulated over time (= instead of +=).
        "not_accumulated": _LSTM_BWD.format(body=(
            "    for t in reversed(range(T_x)):\n"
            "        g = lstm_cell_backward(da[:, :, t] + da_prevt, dc_prevt, caches[t])\n"
            "        dx[:, :, t] = g['dxt']\n"
            "        da_prevt, dc_prevt = g['da_prev'], g['dc_prev']\n"
            "        for k in list(G):\n"
            "            G[k] = g[k]\n")),
        # The cell-state gradient not carried back.
        "dc_not_carried": _LSTM_BWD.format(body=(
            "    for t in reversed(range(T_x)):\n"
            "        zero = np.zeros((n_a, m))\n"
            "        g = lstm_cell_backward(da[:, :, t] + da_prevt, zero, caches[t])\n"
            "        dx[:, :, t] = g['dxt']\n"
            "        da_prevt = g['da_prev']\n"
            "        for k in list(G):\n"
            "            G[k] += g[k]\n")),
        # Time steps in forward order.
        "time_forward_order": _LSTM_BWD.format(body=(
            "    for t in range(T_x):\n"
            "        g = lstm_cell_backward(da[:, :, t] + da_prevt, dc_prevt, caches[t])\n"
            "        dx[:, :, t] = g['dxt']\n"
            "        da_prevt, dc_prevt = g['da_prev'], g['dc_prev']\n"
            "        for k in list(G):\n"
            "            G[k] += g[k]\n")),
        # The gradient coming back through a_prev not added.
        "da_prev_not_added": _LSTM_BWD.format(body=(
            "    for t in reversed(range(T_x)):\n"
            "        g = lstm_cell_backward(da[:, :, t], dc_prevt, caches[t])\n"
            "        dx[:, :, t] = g['dxt']\n"
            "        da_prevt, dc_prevt = g['da_prev'], g['dc_prev']\n"
            "        for k in list(G):\n"
            "            G[k] += g[k]\n")),
        # Hidden state gradient from the wrong step.
        "da_wrong_step": _LSTM_BWD.format(body=(
            "    for t in reversed(range(T_x)):\n"
            "        g = lstm_cell_backward(da[:, :, t - 1] + da_prevt, dc_prevt, caches[t])\n"
            "        dx[:, :, t] = g['dxt']\n"
            "        da_prevt, dc_prevt = g['da_prev'], g['dc_prev']\n"
            "        for k in list(G):\n"
            "            G[k] += g[k]\n")),
    },
}

"""Planted wrong answers for c2w1a2 (regularization).

Each code string is executed in the namespace of the reference notebook after it ran; it
redefines one graded function the way a learner might get it wrong. The test cell
``test_<name>`` must fail on every one of them.
"""

# ---------------------------------------------------------------- compute_cost_with_regularization


def _cost(l2_line: str) -> str:
    return (
        "def compute_cost_with_regularization(A3, Y, parameters, lambd):\n"
        "    m = Y.shape[1]\n"
        "    W1 = parameters['W1']\n"
        "    W2 = parameters['W2']\n"
        "    W3 = parameters['W3']\n"
        "    cross_entropy_cost = nets.compute_cost(A3, Y)\n"
        f"    L2_regularization_cost = {l2_line}\n"
        "    return cross_entropy_cost + L2_regularization_cost\n"
    )


_SQ = "(np.sum(np.square(W1)) + np.sum(np.square(W2)) + np.sum(np.square(W3)))"

# ---------------------------------------------------------------- L2 backward


def _backward_l2(dW3: str, dW2: str, dW1: str, db3: str = "1. / m * np.sum(dZ3, axis=1, "
                 "keepdims=True)") -> str:
    return (
        "def backward_propagation_with_regularization(X, Y, cache, lambd):\n"
        "    m = X.shape[1]\n"
        "    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache\n"
        "    dZ3 = A3 - Y\n"
        f"    dW3 = {dW3}\n"
        f"    db3 = {db3}\n"
        "    dA2 = np.dot(W3.T, dZ3)\n"
        "    dZ2 = np.multiply(dA2, np.int64(A2 > 0))\n"
        f"    dW2 = {dW2}\n"
        "    db2 = 1. / m * np.sum(dZ2, axis=1, keepdims=True)\n"
        "    dA1 = np.dot(W2.T, dZ2)\n"
        "    dZ1 = np.multiply(dA1, np.int64(A1 > 0))\n"
        f"    dW1 = {dW1}\n"
        "    db1 = 1. / m * np.sum(dZ1, axis=1, keepdims=True)\n"
        "    return {'dZ3': dZ3, 'dW3': dW3, 'db3': db3, 'dA2': dA2, 'dZ2': dZ2, 'dW2': dW2,\n"
        "            'db2': db2, 'dA1': dA1, 'dZ1': dZ1, 'dW1': dW1, 'db1': db1}\n"
    )


def _dw(l: int, reg: str) -> str:
    prev = {3: "A2", 2: "A1", 1: "X"}[l]
    return f"1. / m * np.dot(dZ{l}, {prev}.T) + {reg}".replace("{W}", f"W{l}")


def _l2(reg3: str, reg2: str | None = None, reg1: str | None = None, **kw) -> str:
    reg2 = reg3 if reg2 is None else reg2
    reg1 = reg3 if reg1 is None else reg1
    return _backward_l2(_dw(3, reg3), _dw(2, reg2), _dw(1, reg1), **kw)


_OK = "lambd / m * {W}"

# ---------------------------------------------------------------- dropout forward


def _forward_dropout(layer1: str, layer2: str, head: str = "") -> str:
    return (
        "def forward_propagation_with_dropout(X, parameters, keep_prob=0.5):\n"
        + head
        + "    W1 = parameters['W1']\n"
        "    b1 = parameters['b1']\n"
        "    W2 = parameters['W2']\n"
        "    b2 = parameters['b2']\n"
        "    W3 = parameters['W3']\n"
        "    b3 = parameters['b3']\n"
        "    Z1 = np.dot(W1, X) + b1\n"
        "    A1, _ = relu(Z1)\n"
        + layer1
        + "    Z2 = np.dot(W2, A1) + b2\n"
        "    A2, _ = relu(Z2)\n"
        + layer2
        + "    Z3 = np.dot(W3, A2) + b3\n"
        "    A3, _ = sigmoid(Z3)\n"
        "    cache = (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)\n"
        "    return A3, cache\n"
    )


def _mask(k: int, draw: str = "np.random.rand(A{k}.shape[0], A{k}.shape[1])",
          keep: str = "(D{k} < keep_prob).astype(int)",
          apply: str = "A{k} * D{k} / keep_prob") -> str:
    return (
        f"    D{k} = {draw}\n".replace("{k}", str(k))
        + f"    D{k} = {keep}\n".replace("{k}", str(k))
        + f"    A{k} = {apply}\n".replace("{k}", str(k))
    )


# ---------------------------------------------------------------- dropout backward


def _backward_dropout(mask2: str, mask1: str, dZ3: str = "A3 - Y") -> str:
    return (
        "def backward_propagation_with_dropout(X, Y, cache, keep_prob):\n"
        "    m = X.shape[1]\n"
        "    (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3) = cache\n"
        f"    dZ3 = {dZ3}\n"
        "    dW3 = 1. / m * np.dot(dZ3, A2.T)\n"
        "    db3 = 1. / m * np.sum(dZ3, axis=1, keepdims=True)\n"
        "    dA2 = np.dot(W3.T, dZ3)\n"
        f"    dA2 = {mask2}\n"
        "    dZ2 = np.multiply(dA2, np.int64(A2 > 0))\n"
        "    dW2 = 1. / m * np.dot(dZ2, A1.T)\n"
        "    db2 = 1. / m * np.sum(dZ2, axis=1, keepdims=True)\n"
        "    dA1 = np.dot(W2.T, dZ2)\n"
        f"    dA1 = {mask1}\n"
        "    dZ1 = np.multiply(dA1, np.int64(A1 > 0))\n"
        "    dW1 = 1. / m * np.dot(dZ1, X.T)\n"
        "    db1 = 1. / m * np.sum(dZ1, axis=1, keepdims=True)\n"
        "    return {'dZ3': dZ3, 'dW3': dW3, 'db3': db3, 'dA2': dA2, 'dZ2': dZ2, 'dW2': dW2,\n"
        "            'db2': db2, 'dA1': dA1, 'dZ1': dZ1, 'dW1': dW1, 'db1': db1}\n"
    )


# ---------------------------------------------------------------- choose_lambda


def _choose(measure: str, train: str = "train_X, train_Y",
            pick: str = "lambdas[int(np.argmax(accuracies))]",
            its: str = ", num_iterations=num_iterations") -> str:
    return (
        "def choose_lambda(lambdas, train_X, train_Y, dev_X, dev_Y, num_iterations=10000):\n"
        "    accuracies = []\n"
        "    for value in lambdas:\n"
        f"        parameters, _ = model({train}, lambd=value{its}, print_cost=False)\n"
        + measure
        + f"    return {pick}, accuracies\n"
    )


MUTANTS = {
    "compute_cost_with_regularization": {
        # lambda / m instead of lambda / (2m).
        "missing_half": _cost(f"lambd / m * {_SQ}"),
        # Operator precedence: lambd / 2 * m.
        "precedence_2m": _cost(f"lambd / 2 * m * {_SQ}"),
        # The weights summed instead of squared.
        "sum_not_squared": _cost("lambd / (2 * m) * (np.sum(W1) + np.sum(W2) + np.sum(W3))"),
        # The last layer forgotten.
        "forgets_W3": _cost("lambd / (2 * m) * (np.sum(np.square(W1)) + np.sum(np.square(W2)))"),
        # Frobenius norms not squared.
        "norm_not_squared": _cost(
            "lambd / (2 * m) * (np.linalg.norm(W1) + np.linalg.norm(W2) + np.linalg.norm(W3))"),
        # The biases penalized too.
        "penalizes_biases": _cost(
            f"lambd / (2 * m) * ({_SQ} + sum(np.sum(np.square(parameters['b' + str(l)]))"
            " for l in (1, 2, 3)))"),
        # m read from the wrong axis: the number of rows of Y (1).
        "m_from_rows": (
            "def compute_cost_with_regularization(A3, Y, parameters, lambd):\n"
            "    m = Y.shape[0]\n"
            "    W1, W2, W3 = parameters['W1'], parameters['W2'], parameters['W3']\n"
            f"    L2_regularization_cost = lambd / (2 * m) * {_SQ}\n"
            "    return nets.compute_cost(A3, Y) + L2_regularization_cost\n"
        ),
    },
    "backward_propagation_with_regularization": {
        # The 1/m forgotten in the new term.
        "missing_1_over_m": _l2("lambd * {W}"),
        # The factor 1/2 of the cost kept in the derivative.
        "kept_half": _l2("lambd / (2 * m) * {W}"),
        # The derivative of W^2 taken as 2W and the 1/2 of the cost dropped.
        "twice": _l2("2 * lambd / m * {W}"),
        # Sign error: the penalty pushes the weights up.
        "wrong_sign": _l2("-lambd / m * {W}"),
        # Regularization added to dW3 only.
        "only_last_layer": _l2(_OK, reg2="0", reg1="0"),
        # The first layer forgotten.
        "forgets_W1": _l2(_OK, reg1="0"),
        # The derivative written as the penalty itself (W squared).
        "squared_weights": _l2("lambd / m * {W} ** 2"),
        # The biases regularized too: db3 gets a lambd/m b3 term.
        "regularizes_bias": _l2(_OK, db3="1. / m * np.sum(dZ3, axis=1, keepdims=True)"
                                         " + lambd / m * b3"),
    },
    "choose_lambda": {
        # Chosen on the training accuracy: every network looks best there unregularized.
        "chosen_on_training_set": _choose(
            "        accuracies.append(nets.accuracy(train_X, train_Y, parameters))\n"),
        # The test set used to choose.
        "uses_test_set": _choose(
            "        accuracies.append(nets.accuracy(test_X, test_Y, parameters))\n"),
        # Trained on the dev set and measured on it.
        "trains_on_dev_set": _choose(
            "        accuracies.append(nets.accuracy(dev_X, dev_Y, parameters))\n",
            train="dev_X, dev_Y"),
        # The worst value: min instead of max.
        "argmin": _choose(
            "        accuracies.append(nets.accuracy(dev_X, dev_Y, parameters))\n",
            pick="lambdas[int(np.argmin(accuracies))]"),
        # The index of the best value instead of the value.
        "returns_index": _choose(
            "        accuracies.append(nets.accuracy(dev_X, dev_Y, parameters))\n",
            pick="int(np.argmax(accuracies))"),
        # num_iterations not passed on: model's default 20000 iterations.
        "ignores_num_iterations": _choose(
            "        accuracies.append(nets.accuracy(dev_X, dev_Y, parameters))\n",
            its=""),
        # The accuracies in percent.
        "percent": _choose(
            "        accuracies.append(100 * nets.accuracy(dev_X, dev_Y, parameters))\n"),
        # The values swept in increasing order: the accuracies no longer line up with lambdas.
        "sorted_sweep": (
            "def choose_lambda(lambdas, train_X, train_Y, dev_X, dev_Y, num_iterations=10000):\n"
            "    values = sorted(lambdas)\n"
            "    accuracies = []\n"
            "    for value in values:\n"
            "        parameters, _ = model(train_X, train_Y, lambd=value,"
            " num_iterations=num_iterations, print_cost=False)\n"
            "        accuracies.append(nets.accuracy(dev_X, dev_Y, parameters))\n"
            "    return values[int(np.argmax(accuracies))], accuracies\n"
        ),
    },
    "forward_propagation_with_dropout": {
        # No inverted-dropout scaling.
        "no_scaling": _forward_dropout(_mask(1, apply="A{k} * D{k}"),
                                       _mask(2, apply="A{k} * D{k}")),
        # Multiplied by keep_prob instead of divided.
        "multiplies_keep_prob": _forward_dropout(_mask(1, apply="A{k} * D{k} * keep_prob"),
                                                 _mask(2, apply="A{k} * D{k} * keep_prob")),
        # The comparison reversed: keeps a unit with probability 1 - keep_prob.
        "mask_reversed": _forward_dropout(_mask(1, keep="(D{k} > keep_prob).astype(int)"),
                                          _mask(2, keep="(D{k} > keep_prob).astype(int)")),
        # Dropout on the first hidden layer only (D2 all ones).
        "only_layer_1": _forward_dropout(
            _mask(1), "    D2 = np.ones(A2.shape, dtype=int)\n"),
        # Normal numbers instead of uniform ones: keeps about 73 % for keep_prob = 0.6.
        "randn_mask": _forward_dropout(
            _mask(1, draw="np.random.randn(A{k}.shape[0], A{k}.shape[1])"),
            _mask(2, draw="np.random.randn(A{k}.shape[0], A{k}.shape[1])")),
        # keep_prob hard-coded to the default 0.5.
        "hardcoded_half": _forward_dropout(
            _mask(1, keep="(D{k} < 0.5).astype(int)", apply="A{k} * D{k} / 0.5"),
            _mask(2, keep="(D{k} < 0.5).astype(int)", apply="A{k} * D{k} / 0.5")),
        # Reseeds at every call: every training step drops the same units.
        "reseeds_inside": _forward_dropout(_mask(1), _mask(2), head="    np.random.seed(1)\n"),
        # Both masks drawn up front, layer 2's first: right shapes, but not the draws the
        # instructions name, in their order.
        "draws_in_wrong_order": (
            "def forward_propagation_with_dropout(X, parameters, keep_prob=0.5):\n"
            "    W1, b1 = parameters['W1'], parameters['b1']\n"
            "    W2, b2 = parameters['W2'], parameters['b2']\n"
            "    W3, b3 = parameters['W3'], parameters['b3']\n"
            "    m = X.shape[1]\n"
            "    D2 = (np.random.rand(W2.shape[0], m) < keep_prob).astype(int)\n"
            "    D1 = (np.random.rand(W1.shape[0], m) < keep_prob).astype(int)\n"
            "    Z1 = np.dot(W1, X) + b1\n"
            "    A1 = relu(Z1)[0] * D1 / keep_prob\n"
            "    Z2 = np.dot(W2, A1) + b2\n"
            "    A2 = relu(Z2)[0] * D2 / keep_prob\n"
            "    Z3 = np.dot(W3, A2) + b3\n"
            "    A3 = sigmoid(Z3)[0]\n"
            "    return A3, (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)\n"
        ),
    },
    "backward_propagation_with_dropout": {
        # The masks applied, the 1/keep_prob forgotten.
        "no_scaling": _backward_dropout("dA2 * D2", "dA1 * D1"),
        # Scaled, but the masks forgotten.
        "no_masks": _backward_dropout("dA2 / keep_prob", "dA1 / keep_prob"),
        # Multiplied by keep_prob instead of divided.
        "multiplies_keep_prob": _backward_dropout("dA2 * D2 * keep_prob", "dA1 * D1 * keep_prob"),
        # The first layer's mask forgotten.
        "forgets_layer_1": _backward_dropout("dA2 * D2 / keep_prob", "dA1"),
        # The second layer's mask forgotten.
        "forgets_layer_2": _backward_dropout("dA2", "dA1 * D1 / keep_prob"),
        # Fresh masks drawn in the backward pass instead of those of the cache.
        "new_masks": _backward_dropout(
            "dA2 * (np.random.rand(*dA2.shape) < keep_prob) / keep_prob",
            "dA1 * (np.random.rand(*dA1.shape) < keep_prob) / keep_prob"),
    },
}

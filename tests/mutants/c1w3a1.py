"""Planted wrong implementations for c1w3a1 (planar data classification with one hidden layer).

Each code string is executed in the namespace of the reference notebook after it ran (``np``,
``sigmoid`` from ``dlcourse.activations`` and the reference versions of the other graded
functions are available); it redefines one graded function the way a learner might get it
wrong. The full test cell ``test_<name>`` must fail on every one of them.
"""

# The reference helpers the mutants below reuse, spelled out once.
_FORWARD = """
def forward_propagation(X, parameters):
    W1, b1, W2, b2 = parameters["W1"], parameters["b1"], parameters["W2"], parameters["b2"]
    Z1 = np.dot(W1, X) + b1
    A1 = {hidden}
    Z2 = np.dot(W2, A1) + b2
    A2 = {output}
    return A2, {{"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}}
"""

_BACKWARD = """
def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    W1, W2 = parameters["W1"], parameters["W2"]
    A1, A2 = cache["A1"], cache["A2"]
    dZ2 = {dZ2}
    dW2 = {dW2}
    db2 = {db2}
    dZ1 = {dZ1}
    dW1 = {dW1}
    db1 = {db1}
    return {{"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}}
"""

_BACKWARD_OK = {
    "dZ2": "A2 - Y",
    "dW2": "np.dot(dZ2, A1.T) / m",
    "db2": "np.sum(dZ2, axis=1, keepdims=True) / m",
    "dZ1": "np.dot(W2.T, dZ2) * (1 - A1 ** 2)",
    "dW1": "np.dot(dZ1, X.T) / m",
    "db1": "np.sum(dZ1, axis=1, keepdims=True) / m",
}


def _backward(**changes):
    return _BACKWARD.format(**{**_BACKWARD_OK, **changes})


_NN_MODEL = """
def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):
    n_x = layer_sizes(X, Y)[0]
    n_y = layer_sizes(X, Y)[2]
    parameters = initialize_parameters(n_x, {n_h}, n_y)
    for i in range({iterations}):
{body}
        if print_cost and i % 1000 == 0:
            print(f"Cost after iteration {{i}}: {{cost:f}}")
    return parameters
"""

_NN_BODY_OK = """\
        A2, cache = forward_propagation(X, parameters)
        cost = compute_cost(A2, Y)
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads)"""


def _nn_model(n_h="n_h", iterations="num_iterations", body=_NN_BODY_OK):
    return _NN_MODEL.format(n_h=n_h, iterations=iterations, body=body)


_SHAPES = {"W1": (4, 2), "b1": (4, 1), "Z1": (4, 400), "W2": (1, 4), "b2": (1, 1),
           "A2": (1, 400)}


def _shapes(**wrong):
    return f"predicted_shapes = {({**_SHAPES, **wrong})!r}\n"


MUTANTS = {
    "layer_sizes": {
        # The number of examples instead of the number of features.
        "n_x_from_columns": (
            "def layer_sizes(X, Y):\n"
            "    return (X.shape[1], 4, Y.shape[0])\n"
        ),
        # The output size hard-coded to 1 (right for the flower only).
        "n_y_hard_coded": (
            "def layer_sizes(X, Y):\n"
            "    return (X.shape[0], 4, 1)\n"
        ),
        # n_y read from the columns of Y.
        "n_y_from_columns": (
            "def layer_sizes(X, Y):\n"
            "    return (X.shape[0], 4, Y.shape[1])\n"
        ),
        # The hidden size taken as the input size.
        "n_h_equals_n_x": (
            "def layer_sizes(X, Y):\n"
            "    return (X.shape[0], X.shape[0], Y.shape[0])\n"
        ),
        # Copy-paste: n_x and n_y both from X.
        "n_y_from_X": (
            "def layer_sizes(X, Y):\n"
            "    return (X.shape[0], 4, X.shape[0])\n"
        ),
    },
    "predicted_shapes": {
        # W1 with the sizes of X's product read the wrong way round.
        "W1_transposed": _shapes(W1=(2, 4)),
        # Biases as flat vectors, or as rows.
        "bias_rows": _shapes(b1=(1, 4), b2=(1,)),
        # One column only: the shapes of a single example.
        "one_example": _shapes(Z1=(4, 1), A2=(1, 1)),
        # Examples as rows, as scikit-learn has them.
        "examples_as_rows": _shapes(Z1=(400, 4), A2=(400, 1)),
        # W2 shaped like a column.
        "W2_column": _shapes(W2=(4, 1)),
        # A one-entry tuple without its comma: (1) is the number 1.
        "missing_comma": _shapes(b2=1),
    },
    "initialize_parameters": {
        # Forgot np.random.seed(2): the numbers depend on whatever ran before.
        "no_seed": (
            "def initialize_parameters(n_x, n_h, n_y):\n"
            "    W1 = np.random.randn(n_h, n_x) * 0.01\n"
            "    W2 = np.random.randn(n_y, n_h) * 0.01\n"
            "    return {'W1': W1, 'b1': np.zeros((n_h, 1)), 'W2': W2, 'b2': np.zeros((n_y, 1))}\n"
        ),
        # W2 drawn before W1.
        "draw_order_swapped": (
            "def initialize_parameters(n_x, n_h, n_y):\n"
            "    np.random.seed(2)\n"
            "    W2 = np.random.randn(n_y, n_h) * 0.01\n"
            "    W1 = np.random.randn(n_h, n_x) * 0.01\n"
            "    return {'W1': W1, 'b1': np.zeros((n_h, 1)), 'W2': W2, 'b2': np.zeros((n_y, 1))}\n"
        ),
        # Forgot the factor 0.01.
        "no_scaling": (
            "def initialize_parameters(n_x, n_h, n_y):\n"
            "    np.random.seed(2)\n"
            "    W1 = np.random.randn(n_h, n_x)\n"
            "    W2 = np.random.randn(n_y, n_h)\n"
            "    return {'W1': W1, 'b1': np.zeros((n_h, 1)), 'W2': W2, 'b2': np.zeros((n_y, 1))}\n"
        ),
        # Drew W1 with its axes swapped, then transposed it back: the right shape, other numbers.
        "transposed_draw": (
            "def initialize_parameters(n_x, n_h, n_y):\n"
            "    np.random.seed(2)\n"
            "    W1 = np.random.randn(n_x, n_h).T * 0.01\n"
            "    W2 = np.random.randn(n_y, n_h) * 0.01\n"
            "    return {'W1': W1, 'b1': np.zeros((n_h, 1)), 'W2': W2, 'b2': np.zeros((n_y, 1))}\n"
        ),
        # Biases as flat vectors.
        "bias_one_dimensional": (
            "def initialize_parameters(n_x, n_h, n_y):\n"
            "    np.random.seed(2)\n"
            "    W1 = np.random.randn(n_h, n_x) * 0.01\n"
            "    W2 = np.random.randn(n_y, n_h) * 0.01\n"
            "    return {'W1': W1, 'b1': np.zeros(n_h), 'W2': W2, 'b2': np.zeros(n_y)}\n"
        ),
        # Biases drawn at random as well (and so shifting the draws).
        "random_biases": (
            "def initialize_parameters(n_x, n_h, n_y):\n"
            "    np.random.seed(2)\n"
            "    W1 = np.random.randn(n_h, n_x) * 0.01\n"
            "    b1 = np.random.randn(n_h, 1) * 0.01\n"
            "    W2 = np.random.randn(n_y, n_h) * 0.01\n"
            "    b2 = np.random.randn(n_y, 1) * 0.01\n"
            "    return {'W1': W1, 'b1': b1, 'W2': W2, 'b2': b2}\n"
        ),
        # W2 of shape (n_h, n_y).
        "W2_transposed_shape": (
            "def initialize_parameters(n_x, n_h, n_y):\n"
            "    np.random.seed(2)\n"
            "    W1 = np.random.randn(n_h, n_x) * 0.01\n"
            "    W2 = np.random.randn(n_h, n_y) * 0.01\n"
            "    return {'W1': W1, 'b1': np.zeros((n_h, 1)), 'W2': W2, 'b2': np.zeros((n_y, 1))}\n"
        ),
    },
    "forward_propagation": {
        # The sigmoid in the hidden layer.
        "sigmoid_hidden": _FORWARD.format(hidden="sigmoid(Z1)[0]", output="sigmoid(Z2)[0]"),
        # ReLU in the hidden layer.
        "relu_hidden": _FORWARD.format(hidden="np.maximum(0, Z1)", output="sigmoid(Z2)[0]"),
        # tanh at the output too.
        "tanh_output": _FORWARD.format(hidden="np.tanh(Z1)", output="np.tanh(Z2)"),
        # Kept the tuple that dlcourse's sigmoid returns.
        "sigmoid_tuple": _FORWARD.format(hidden="np.tanh(Z1)", output="sigmoid(Z2)"),
        # The second layer fed with Z1 instead of A1.
        "layer2_from_Z1": (
            "def forward_propagation(X, parameters):\n"
            "    W1, b1 = parameters['W1'], parameters['b1']\n"
            "    W2, b2 = parameters['W2'], parameters['b2']\n"
            "    Z1 = np.dot(W1, X) + b1\n"
            "    A1 = np.tanh(Z1)\n"
            "    Z2 = np.dot(W2, Z1) + b2\n"
            "    A2 = 1 / (1 + np.exp(-Z2))\n"
            "    return A2, {'Z1': Z1, 'A1': A1, 'Z2': Z2, 'A2': A2}\n"
        ),
        # Forgot the bias of the output layer.
        "no_b2": (
            "def forward_propagation(X, parameters):\n"
            "    W1, b1, W2 = parameters['W1'], parameters['b1'], parameters['W2']\n"
            "    Z1 = np.dot(W1, X) + b1\n"
            "    A1 = np.tanh(Z1)\n"
            "    Z2 = np.dot(W2, A1)\n"
            "    A2 = 1 / (1 + np.exp(-Z2))\n"
            "    return A2, {'Z1': Z1, 'A1': A1, 'Z2': Z2, 'A2': A2}\n"
        ),
        # The cache stores Z1 where A1 belongs.
        "cache_mixup": (
            "def forward_propagation(X, parameters):\n"
            "    W1, b1 = parameters['W1'], parameters['b1']\n"
            "    W2, b2 = parameters['W2'], parameters['b2']\n"
            "    Z1 = np.dot(W1, X) + b1\n"
            "    A1 = np.tanh(Z1)\n"
            "    Z2 = np.dot(W2, A1) + b2\n"
            "    A2 = 1 / (1 + np.exp(-Z2))\n"
            "    return A2, {'Z1': Z1, 'A1': Z1, 'Z2': Z2, 'A2': A2}\n"
        ),
        # Copy-paste: the hidden layer's bias added in the output layer.
        "b1_in_output_layer": (
            "def forward_propagation(X, parameters):\n"
            "    W1, b1 = parameters['W1'], parameters['b1']\n"
            "    W2, b2 = parameters['W2'], parameters['b2']\n"
            "    Z1 = np.dot(W1, X) + b1\n"
            "    A1 = np.tanh(Z1)\n"
            "    Z2 = np.dot(W2, A1) + b1\n"
            "    A2 = 1 / (1 + np.exp(-Z2))\n"
            "    return A2, {'Z1': Z1, 'A1': A1, 'Z2': Z2, 'A2': A2}\n"
        ),
    },
    "compute_cost": {
        "missing_minus_sign": (
            "def compute_cost(A2, Y):\n"
            "    m = Y.shape[1]\n"
            "    return float(np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)) / m)\n"
        ),
        # Sum without dividing by m.
        "no_average": (
            "def compute_cost(A2, Y):\n"
            "    return float(-np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)))\n"
        ),
        # Divides by the number of rows of Y (1) instead of its columns.
        "m_from_rows": (
            "def compute_cost(A2, Y):\n"
            "    m = Y.shape[0]\n"
            "    return float(-np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)) / m)\n"
        ),
        # Only the y = 1 term.
        "only_positive_term": (
            "def compute_cost(A2, Y):\n"
            "    m = Y.shape[1]\n"
            "    return float(-np.sum(Y * np.log(A2)) / m)\n"
        ),
        # log(A2) in the second term too.
        "wrong_second_log": (
            "def compute_cost(A2, Y):\n"
            "    m = Y.shape[1]\n"
            "    return float(-np.sum(Y * np.log(A2) + (1 - Y) * np.log(A2)) / m)\n"
        ),
        # A (1, 1) array from matrix products, never squeezed.
        "array_1x1": (
            "def compute_cost(A2, Y):\n"
            "    m = Y.shape[1]\n"
            "    return -(np.dot(Y, np.log(A2).T) + np.dot(1 - Y, np.log(1 - A2).T)) / m\n"
        ),
    },
    "backward_propagation": {
        # Sign error in the output error.
        "dZ2_sign": _backward(dZ2="Y - A2"),
        # The chain rule through the sigmoid applied on top of A2 - Y (the slope counted twice).
        "dZ2_extra_sigmoid_slope": _backward(dZ2="(A2 - Y) * A2 * (1 - A2)"),
        # dL/dA2 taken for dZ2: the sigmoid's slope forgotten.
        "dZ2_without_sigmoid_slope": _backward(dZ2="-Y / A2 + (1 - Y) / (1 - A2)"),
        # The factors of dW1 in the wrong order: shape (n_x, n_h).
        "dW1_transposed": _backward(dW1="np.dot(X, dZ1.T) / m"),
        # Forgot 1/m in dW1.
        "dW1_missing_1_over_m": _backward(dW1="np.dot(dZ1, X.T)"),
        # Forgot 1/m in dW2 and db2.
        "layer2_missing_1_over_m": _backward(dW2="np.dot(dZ2, A1.T)",
                                             db2="np.sum(dZ2, axis=1, keepdims=True)"),
        # Forgot keepdims: db1 of shape (n_h,).
        "db1_no_keepdims": _backward(db1="np.sum(dZ1, axis=1) / m"),
        # Summed db1 over the hidden units instead of the examples.
        "db1_wrong_axis": _backward(db1="np.sum(dZ1, axis=0, keepdims=True) / m"),
        # The sigmoid's derivative used for the tanh layer.
        "sigmoid_derivative": _backward(dZ1="np.dot(W2.T, dZ2) * A1 * (1 - A1)"),
        # 1 - A1 instead of 1 - A1 ** 2.
        "missing_square": _backward(dZ1="np.dot(W2.T, dZ2) * (1 - A1)"),
        # The derivative written with Z1 instead of A1.
        "derivative_from_Z1": _backward(dZ1="np.dot(W2.T, dZ2) * (1 - cache['Z1'] ** 2)"),
        # Forgot the derivative of tanh altogether.
        "no_tanh_derivative": _backward(dZ1="np.dot(W2.T, dZ2)"),
        # X instead of A1 in dW2 (the input of layer 1, not of layer 2).
        "dW2_with_X": _backward(dW2="np.dot(dZ2, X.T) / m"),
    },
    "update_parameters": {
        "plus_instead_of_minus": (
            "def update_parameters(parameters, grads, learning_rate=1.2):\n"
            "    return {k: parameters[k] + learning_rate * grads['d' + k]\n"
            "            for k in ('W1', 'b1', 'W2', 'b2')}\n"
        ),
        # The learning rate ignored: always 1.2.
        "hard_coded_learning_rate": (
            "def update_parameters(parameters, grads, learning_rate=1.2):\n"
            "    return {k: parameters[k] - 1.2 * grads['d' + k]\n"
            "            for k in ('W1', 'b1', 'W2', 'b2')}\n"
        ),
        # Another default learning rate.
        "wrong_default": (
            "def update_parameters(parameters, grads, learning_rate=0.01):\n"
            "    return {k: parameters[k] - learning_rate * grads['d' + k]\n"
            "            for k in ('W1', 'b1', 'W2', 'b2')}\n"
        ),
        # The biases are not updated.
        "biases_frozen": (
            "def update_parameters(parameters, grads, learning_rate=1.2):\n"
            "    return {'W1': parameters['W1'] - learning_rate * grads['dW1'],\n"
            "            'b1': parameters['b1'],\n"
            "            'W2': parameters['W2'] - learning_rate * grads['dW2'],\n"
            "            'b2': parameters['b2']}\n"
        ),
        # In-place updates change the caller's arrays.
        "in_place": (
            "def update_parameters(parameters, grads, learning_rate=1.2):\n"
            "    W1, b1 = parameters['W1'], parameters['b1']\n"
            "    W2, b2 = parameters['W2'], parameters['b2']\n"
            "    W1 -= learning_rate * grads['dW1']\n"
            "    b1 -= learning_rate * grads['db1']\n"
            "    W2 -= learning_rate * grads['dW2']\n"
            "    b2 -= learning_rate * grads['db2']\n"
            "    return {'W1': W1, 'b1': b1, 'W2': W2, 'b2': b2}\n"
        ),
        # Copy-paste: b2 updated with db1's first entry.
        "b2_with_db1": (
            "def update_parameters(parameters, grads, learning_rate=1.2):\n"
            "    return {'W1': parameters['W1'] - learning_rate * grads['dW1'],\n"
            "            'b1': parameters['b1'] - learning_rate * grads['db1'],\n"
            "            'W2': parameters['W2'] - learning_rate * grads['dW2'],\n"
            "            'b2': parameters['b2'] - learning_rate * grads['db1'][:1]}\n"
        ),
    },
    "nn_model": {
        # The hidden size of layer_sizes (4) instead of the argument.
        "ignores_n_h": _nn_model(n_h="layer_sizes(X, Y)[1]"),
        # One iteration too many.
        "off_by_one": _nn_model(iterations="num_iterations + 1"),
        # The updated parameters are thrown away.
        "update_not_kept": _nn_model(body=_NN_BODY_OK.replace(
            "parameters = update_parameters", "new_parameters = update_parameters")),
        # Another learning rate passed to update_parameters.
        "learning_rate_0_5": _nn_model(body=_NN_BODY_OK.replace(
            "update_parameters(parameters, grads)", "update_parameters(parameters, grads, 0.5)")),
        # Re-initialized inside the loop: every iteration starts over.
        "reinitialized_in_loop": _nn_model(body=(
            "        parameters = initialize_parameters(X.shape[0], n_h, Y.shape[0])\n"
            + _NN_BODY_OK)),
        # Trains on the notebook's flower data whatever data it is given.
        "uses_global_data": (
            "_flower_X, _flower_Y = X, Y\n"
            + _nn_model(body=_NN_BODY_OK.replace("(X, parameters)", "(_flower_X, parameters)")
                        .replace("(A2, Y)", "(A2, _flower_Y)")
                        .replace("cache, X, Y)", "cache, _flower_X, _flower_Y)"))
        ),
    },
    "predict": {
        # Returns the probabilities themselves.
        "probabilities": (
            "def predict(parameters, X):\n"
            "    A2, cache = forward_propagation(X, parameters)\n"
            "    return A2\n"
        ),
        # Thresholds Z2 at 0.5 instead of A2.
        "threshold_on_Z2": (
            "def predict(parameters, X):\n"
            "    A2, cache = forward_propagation(X, parameters)\n"
            "    return cache['Z2'] > 0.5\n"
        ),
        # Labels flipped.
        "inverted": (
            "def predict(parameters, X):\n"
            "    A2, cache = forward_propagation(X, parameters)\n"
            "    return A2 < 0.5\n"
        ),
        # Flattened to shape (m,).
        "flattened": (
            "def predict(parameters, X):\n"
            "    A2, cache = forward_propagation(X, parameters)\n"
            "    return (A2 > 0.5).ravel()\n"
        ),
        # Uses the trained parameters of the notebook (here fixed ones: the notebook trains them
        # in a demo cell, which the grader skips) instead of the argument.
        "global_parameters": (
            "_trained = {'W1': np.full((4, 2), 0.5), 'b1': np.zeros((4, 1)),\n"
            "            'W2': np.full((1, 4), -0.5), 'b2': np.zeros((1, 1))}\n"
            "def predict(parameters, X):\n"
            "    A2, cache = forward_propagation(X, _trained)\n"
            "    return A2 > 0.5\n"
        ),
        # Rounded the hidden activations too (a threshold in the wrong place).
        "threshold_hidden_layer": (
            "def predict(parameters, X):\n"
            "    A1 = (np.tanh(np.dot(parameters['W1'], X) + parameters['b1']) > 0.5) * 1.0\n"
            "    Z2 = np.dot(parameters['W2'], A1) + parameters['b2']\n"
            "    return (1 / (1 + np.exp(-Z2))) > 0.5\n"
        ),
    },
}

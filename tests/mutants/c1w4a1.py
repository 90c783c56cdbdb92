"""Planted wrong answers for c1w4a1 (deep neural network, step by step).

Each code string is executed in the namespace of the reference notebook after it ran; it
redefines one graded function the way a learner might get it wrong. The test cell
``test_<name>`` must fail on every one of them.
"""

_INIT2 = (
    "def initialize_parameters(n_x, n_h, n_y):\n"
    "    np.random.seed(1)\n"
    "{body}"
    "    return {{'W1': W1, 'b1': b1, 'W2': W2, 'b2': b2}}\n"
)

_DEEP = (
    "def initialize_parameters_deep(layer_dims):\n"
    "    np.random.seed(3)\n"
    "    parameters = {{}}\n"
    "    L = len(layer_dims)\n"
    "{body}"
    "    return parameters\n"
)

_FORWARD = (
    "def L_model_forward(X, parameters):\n"
    "    caches = []\n"
    "    A = X\n"
    "    L = len(parameters) // 2\n"
    "{body}"
    "    return AL, caches\n"
)

_BACKWARD = (
    "def L_model_backward(AL, Y, caches):\n"
    "    grads = {{}}\n"
    "    L = len(caches)\n"
    "    Y = Y.reshape(AL.shape)\n"
    "{body}"
    "    return grads\n"
)

_UPDATE = (
    "def update_parameters(params, grads, learning_rate):\n"
    "    L = len(params) // 2\n"
    "{body}"
    "    return parameters\n"
)

MUTANTS = {
    "initialize_parameters": {
        # Forgot to scale the random weights down.
        "weights_not_scaled": _INIT2.format(body=(
            "    W1 = np.random.randn(n_h, n_x)\n"
            "    b1 = np.zeros((n_h, 1))\n"
            "    W2 = np.random.randn(n_y, n_h)\n"
            "    b2 = np.zeros((n_y, 1))\n"
        )),
        # Rows and columns swapped: W1 of shape (n_x, n_h).
        "W_transposed": _INIT2.format(body=(
            "    W1 = np.random.randn(n_x, n_h) * 0.01\n"
            "    b1 = np.zeros((n_h, 1))\n"
            "    W2 = np.random.randn(n_h, n_y) * 0.01\n"
            "    b2 = np.zeros((n_y, 1))\n"
        )),
        # Draws W2 before W1: right shapes, numbers that do not match the stated calls.
        "draws_in_wrong_order": _INIT2.format(body=(
            "    W2 = np.random.randn(n_y, n_h) * 0.01\n"
            "    W1 = np.random.randn(n_h, n_x) * 0.01\n"
            "    b1 = np.zeros((n_h, 1))\n"
            "    b2 = np.zeros((n_y, 1))\n"
        )),
        # Biases as flat vectors.
        "b_one_dimensional": _INIT2.format(body=(
            "    W1 = np.random.randn(n_h, n_x) * 0.01\n"
            "    b1 = np.zeros(n_h)\n"
            "    W2 = np.random.randn(n_y, n_h) * 0.01\n"
            "    b2 = np.zeros(n_y)\n"
        )),
        # Uniform instead of normal random numbers.
        "rand_instead_of_randn": _INIT2.format(body=(
            "    W1 = np.random.rand(n_h, n_x) * 0.01\n"
            "    b1 = np.zeros((n_h, 1))\n"
            "    W2 = np.random.rand(n_y, n_h) * 0.01\n"
            "    b2 = np.zeros((n_y, 1))\n"
        )),
    },
    "initialize_parameters_deep": {
        # Keeps the 0.01 scaling of the two-layer function.
        "scaled_by_0_01": _DEEP.format(body=(
            "    for l in range(1, L):\n"
            "        parameters['W' + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) "
            "* 0.01\n"
            "        parameters['b' + str(l)] = np.zeros((layer_dims[l], 1))\n"
        )),
        # Divides by the square root of the layer's own size instead of its fan-in.
        "sqrt_of_wrong_layer": _DEEP.format(body=(
            "    for l in range(1, L):\n"
            "        n_prev = layer_dims[l - 1]\n"
            "        parameters['W' + str(l)] = np.random.randn(layer_dims[l], n_prev) / "
            "np.sqrt(layer_dims[l])\n"
            "        parameters['b' + str(l)] = np.zeros((layer_dims[l], 1))\n"
        )),
        # Off by one: the last layer is never created.
        "loop_stops_early": _DEEP.format(body=(
            "    for l in range(1, L - 1):\n"
            "        n_prev = layer_dims[l - 1]\n"
            "        parameters['W' + str(l)] = np.random.randn(layer_dims[l], n_prev) / "
            "np.sqrt(n_prev)\n"
            "        parameters['b' + str(l)] = np.zeros((layer_dims[l], 1))\n"
        )),
        # Shapes transposed.
        "W_transposed": _DEEP.format(body=(
            "    for l in range(1, L):\n"
            "        n_prev = layer_dims[l - 1]\n"
            "        parameters['W' + str(l)] = np.random.randn(n_prev, layer_dims[l]) / "
            "np.sqrt(n_prev)\n"
            "        parameters['b' + str(l)] = np.zeros((layer_dims[l], 1))\n"
        )),
        # Divides by the fan-in instead of its square root.
        "divides_by_fan_in": _DEEP.format(body=(
            "    for l in range(1, L):\n"
            "        n_prev = layer_dims[l - 1]\n"
            "        parameters['W' + str(l)] = np.random.randn(layer_dims[l], n_prev) / n_prev\n"
            "        parameters['b' + str(l)] = np.zeros((layer_dims[l], 1))\n"
        )),
        # Random biases too.
        "random_biases": _DEEP.format(body=(
            "    for l in range(1, L):\n"
            "        n_prev = layer_dims[l - 1]\n"
            "        parameters['W' + str(l)] = np.random.randn(layer_dims[l], n_prev) / "
            "np.sqrt(n_prev)\n"
            "        parameters['b' + str(l)] = np.random.randn(layer_dims[l], 1) * 0.01\n"
        )),
    },
    "linear_forward": {
        "forgot_bias": (
            "def linear_forward(A, W, b):\n"
            "    Z = np.dot(W, A)\n"
            "    return Z, (A, W, b)\n"
        ),
        # Wrong order of the matrix product (fails with a shape error).
        "A_times_W": (
            "def linear_forward(A, W, b):\n"
            "    Z = np.dot(A, W) + b\n"
            "    return Z, (A, W, b)\n"
        ),
        # Elementwise product instead of a matrix product.
        "elementwise_product": (
            "def linear_forward(A, W, b):\n"
            "    Z = np.sum(W * A.T) + b\n"
            "    return Z, (A, W, b)\n"
        ),
        # Transposed bias: (1, n) broadcast along the wrong axis.
        "bias_transposed": (
            "def linear_forward(A, W, b):\n"
            "    Z = np.dot(W, A) + b.T\n"
            "    return Z, (A, W, b)\n"
        ),
        # Cache in a different order than the backward pass expects.
        "cache_in_wrong_order": (
            "def linear_forward(A, W, b):\n"
            "    Z = np.dot(W, A) + b\n"
            "    return Z, (W, A, b)\n"
        ),
    },
    "linear_activation_forward": {
        # The two activations swapped.
        "activations_swapped": (
            "def linear_activation_forward(A_prev, W, b, activation):\n"
            "    Z, linear_cache = linear_forward(A_prev, W, b)\n"
            "    if activation == 'sigmoid':\n"
            "        A, activation_cache = relu(Z)\n"
            "    else:\n"
            "        A, activation_cache = sigmoid(Z)\n"
            "    return A, (linear_cache, activation_cache)\n"
        ),
        # Caches packed in the wrong order.
        "caches_swapped": (
            "def linear_activation_forward(A_prev, W, b, activation):\n"
            "    Z, linear_cache = linear_forward(A_prev, W, b)\n"
            "    A, activation_cache = sigmoid(Z) if activation == 'sigmoid' else relu(Z)\n"
            "    return A, (activation_cache, linear_cache)\n"
        ),
        # Returns Z instead of the activation.
        "returns_Z": (
            "def linear_activation_forward(A_prev, W, b, activation):\n"
            "    Z, linear_cache = linear_forward(A_prev, W, b)\n"
            "    A, activation_cache = sigmoid(Z) if activation == 'sigmoid' else relu(Z)\n"
            "    return Z, (linear_cache, activation_cache)\n"
        ),
        # Stores A instead of Z as the activation cache.
        "caches_A_instead_of_Z": (
            "def linear_activation_forward(A_prev, W, b, activation):\n"
            "    Z, linear_cache = linear_forward(A_prev, W, b)\n"
            "    A, _ = sigmoid(Z) if activation == 'sigmoid' else relu(Z)\n"
            "    return A, (linear_cache, A)\n"
        ),
        # The ReLU branch uses tanh.
        "tanh_for_relu": (
            "def linear_activation_forward(A_prev, W, b, activation):\n"
            "    Z, linear_cache = linear_forward(A_prev, W, b)\n"
            "    if activation == 'sigmoid':\n"
            "        A, activation_cache = sigmoid(Z)\n"
            "    else:\n"
            "        A, activation_cache = np.tanh(Z), Z\n"
            "    return A, (linear_cache, activation_cache)\n"
        ),
    },
    "L_model_forward": {
        # ReLU on the output layer too.
        "relu_on_last_layer": _FORWARD.format(body=(
            "    for l in range(1, L + 1):\n"
            "        A, cache = linear_activation_forward(A, parameters['W' + str(l)],\n"
            "                                             parameters['b' + str(l)], 'relu')\n"
            "        caches.append(cache)\n"
            "    AL = A\n"
        )),
        # Sigmoid in every layer.
        "sigmoid_everywhere": _FORWARD.format(body=(
            "    for l in range(1, L + 1):\n"
            "        A, cache = linear_activation_forward(A, parameters['W' + str(l)],\n"
            "                                             parameters['b' + str(l)], 'sigmoid')\n"
            "        caches.append(cache)\n"
            "    AL = A\n"
        )),
        # Off by one: one hidden layer is skipped (works only when shapes happen to agree).
        "loop_off_by_one": _FORWARD.format(body=(
            "    for l in range(1, L - 1):\n"
            "        A, cache = linear_activation_forward(A, parameters['W' + str(l)],\n"
            "                                             parameters['b' + str(l)], 'relu')\n"
            "        caches.append(cache)\n"
            "    AL, cache = linear_activation_forward(A, parameters['W' + str(L)],\n"
            "                                          parameters['b' + str(L)], 'sigmoid')\n"
            "    caches.append(cache)\n"
        )),
        # The output layer's cache is never stored.
        "last_cache_missing": _FORWARD.format(body=(
            "    for l in range(1, L):\n"
            "        A, cache = linear_activation_forward(A, parameters['W' + str(l)],\n"
            "                                             parameters['b' + str(l)], 'relu')\n"
            "        caches.append(cache)\n"
            "    AL, cache = linear_activation_forward(A, parameters['W' + str(L)],\n"
            "                                          parameters['b' + str(L)], 'sigmoid')\n"
        )),
        # Caches stored last layer first.
        "caches_reversed": _FORWARD.format(body=(
            "    for l in range(1, L):\n"
            "        A, cache = linear_activation_forward(A, parameters['W' + str(l)],\n"
            "                                             parameters['b' + str(l)], 'relu')\n"
            "        caches.insert(0, cache)\n"
            "    AL, cache = linear_activation_forward(A, parameters['W' + str(L)],\n"
            "                                          parameters['b' + str(L)], 'sigmoid')\n"
            "    caches.insert(0, cache)\n"
        )),
        # Every hidden layer reads X instead of the previous layer's output (only the
        # last hidden layer counts; works when the hidden layers have the size of X).
        "always_feeds_X": _FORWARD.format(body=(
            "    for l in range(1, L):\n"
            "        A, cache = linear_activation_forward(X, parameters['W' + str(l)],\n"
            "                                             parameters['b' + str(l)], 'relu')\n"
            "        caches.append(cache)\n"
            "    AL, cache = linear_activation_forward(A, parameters['W' + str(L)],\n"
            "                                          parameters['b' + str(L)], 'sigmoid')\n"
            "    caches.append(cache)\n"
        )),
    },
    "compute_cost": {
        "missing_minus_sign": (
            "def compute_cost(AL, Y):\n"
            "    m = Y.shape[1]\n"
            "    cost = np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m\n"
            "    return np.squeeze(cost)\n"
        ),
        "missing_1_over_m": (
            "def compute_cost(AL, Y):\n"
            "    cost = -np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))\n"
            "    return np.squeeze(cost)\n"
        ),
        # Only the y = 1 term.
        "missing_second_term": (
            "def compute_cost(AL, Y):\n"
            "    m = Y.shape[1]\n"
            "    cost = -np.sum(Y * np.log(AL)) / m\n"
            "    return np.squeeze(cost)\n"
        ),
        # log(AL) in the second term instead of log(1 - AL).
        "wrong_log_in_second_term": (
            "def compute_cost(AL, Y):\n"
            "    m = Y.shape[1]\n"
            "    cost = -np.sum(Y * np.log(AL) + (1 - Y) * np.log(AL)) / m\n"
            "    return np.squeeze(cost)\n"
        ),
        # Matrix-product version without the squeeze: a (1, 1) array.
        "cost_1x1_array": (
            "def compute_cost(AL, Y):\n"
            "    m = Y.shape[1]\n"
            "    return -(np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T)) / m\n"
        ),
    },
    "linear_backward": {
        "dW_missing_1_over_m": (
            "def linear_backward(dZ, cache):\n"
            "    A_prev, W, b = cache\n"
            "    m = A_prev.shape[1]\n"
            "    dW = np.dot(dZ, A_prev.T)\n"
            "    db = np.sum(dZ, axis=1, keepdims=True) / m\n"
            "    return np.dot(W.T, dZ), dW, db\n"
        ),
        "db_without_keepdims": (
            "def linear_backward(dZ, cache):\n"
            "    A_prev, W, b = cache\n"
            "    m = A_prev.shape[1]\n"
            "    dW = np.dot(dZ, A_prev.T) / m\n"
            "    db = np.sum(dZ, axis=1) / m\n"
            "    return np.dot(W.T, dZ), dW, db\n"
        ),
        # W instead of W.T (fails unless W is square, then gives wrong values).
        "W_instead_of_W_T": (
            "def linear_backward(dZ, cache):\n"
            "    A_prev, W, b = cache\n"
            "    m = A_prev.shape[1]\n"
            "    dW = np.dot(dZ, A_prev.T) / m\n"
            "    db = np.sum(dZ, axis=1, keepdims=True) / m\n"
            "    return np.dot(W, dZ), dW, db\n"
        ),
        # The 1/m applied to dA_prev as well.
        "dA_prev_divided_by_m": (
            "def linear_backward(dZ, cache):\n"
            "    A_prev, W, b = cache\n"
            "    m = A_prev.shape[1]\n"
            "    dW = np.dot(dZ, A_prev.T) / m\n"
            "    db = np.sum(dZ, axis=1, keepdims=True) / m\n"
            "    return np.dot(W.T, dZ) / m, dW, db\n"
        ),
        # db summed over all entries: a single number.
        "db_summed_over_everything": (
            "def linear_backward(dZ, cache):\n"
            "    A_prev, W, b = cache\n"
            "    m = A_prev.shape[1]\n"
            "    dW = np.dot(dZ, A_prev.T) / m\n"
            "    db = np.sum(dZ) / m\n"
            "    return np.dot(W.T, dZ), dW, db\n"
        ),
        # dW the wrong way round: A_prev dZ^T, the transpose of the right product.
        "dW_transposed": (
            "def linear_backward(dZ, cache):\n"
            "    A_prev, W, b = cache\n"
            "    m = A_prev.shape[1]\n"
            "    dW = np.dot(A_prev, dZ.T) / m\n"
            "    db = np.sum(dZ, axis=1, keepdims=True) / m\n"
            "    return np.dot(W.T, dZ), dW, db\n"
        ),
        # db summed over the units (axis 0) instead of the examples.
        "db_sum_over_wrong_axis": (
            "def linear_backward(dZ, cache):\n"
            "    A_prev, W, b = cache\n"
            "    m = A_prev.shape[1]\n"
            "    dW = np.dot(dZ, A_prev.T) / m\n"
            "    db = np.sum(dZ, axis=0, keepdims=True) / m\n"
            "    return np.dot(W.T, dZ), dW, db\n"
        ),
        # The 1/m forgotten in db only.
        "db_missing_1_over_m": (
            "def linear_backward(dZ, cache):\n"
            "    A_prev, W, b = cache\n"
            "    m = A_prev.shape[1]\n"
            "    dW = np.dot(dZ, A_prev.T) / m\n"
            "    db = np.sum(dZ, axis=1, keepdims=True)\n"
            "    return np.dot(W.T, dZ), dW, db\n"
        ),
        # dA_prev as dZ^T W: the transpose of the right product.
        "dA_prev_transposed": (
            "def linear_backward(dZ, cache):\n"
            "    A_prev, W, b = cache\n"
            "    m = A_prev.shape[1]\n"
            "    dW = np.dot(dZ, A_prev.T) / m\n"
            "    db = np.sum(dZ, axis=1, keepdims=True) / m\n"
            "    return np.dot(dZ.T, W), dW, db\n"
        ),
        # dW divided by the number of units, dZ.shape[0], instead of m.
        "dW_mean_over_units": (
            "def linear_backward(dZ, cache):\n"
            "    A_prev, W, b = cache\n"
            "    m = A_prev.shape[1]\n"
            "    dW = np.dot(dZ, A_prev.T) / dZ.shape[0]\n"
            "    db = np.sum(dZ, axis=1, keepdims=True) / m\n"
            "    return np.dot(W.T, dZ), dW, db\n"
        ),
        # m read from the wrong axis.
        "m_from_rows": (
            "def linear_backward(dZ, cache):\n"
            "    A_prev, W, b = cache\n"
            "    m = A_prev.shape[0]\n"
            "    dW = np.dot(dZ, A_prev.T) / m\n"
            "    db = np.sum(dZ, axis=1, keepdims=True) / m\n"
            "    return np.dot(W.T, dZ), dW, db\n"
        ),
    },
    "linear_activation_backward": {
        "backward_functions_swapped": (
            "def linear_activation_backward(dA, cache, activation):\n"
            "    linear_cache, activation_cache = cache\n"
            "    if activation == 'relu':\n"
            "        dZ = sigmoid_backward(dA, activation_cache)\n"
            "    else:\n"
            "        dZ = relu_backward(dA, activation_cache)\n"
            "    return linear_backward(dZ, linear_cache)\n"
        ),
        # Skips the activation: passes dA straight to the linear part.
        "activation_skipped": (
            "def linear_activation_backward(dA, cache, activation):\n"
            "    linear_cache, activation_cache = cache\n"
            "    return linear_backward(dA, linear_cache)\n"
        ),
        # Sigmoid derivative computed from Z as if Z were the activation.
        "sigmoid_derivative_of_Z": (
            "def linear_activation_backward(dA, cache, activation):\n"
            "    linear_cache, Z = cache\n"
            "    if activation == 'relu':\n"
            "        dZ = relu_backward(dA, Z)\n"
            "    else:\n"
            "        dZ = dA * Z * (1 - Z)\n"
            "    return linear_backward(dZ, linear_cache)\n"
        ),
        # ReLU derivative that lets negative inputs through.
        "relu_derivative_wrong": (
            "def linear_activation_backward(dA, cache, activation):\n"
            "    linear_cache, Z = cache\n"
            "    if activation == 'relu':\n"
            "        dZ = dA * (Z >= -1)\n"
            "    else:\n"
            "        dZ = sigmoid_backward(dA, Z)\n"
            "    return linear_backward(dZ, linear_cache)\n"
        ),
    },
    "L_model_backward": {
        # dAL with the wrong sign: gradient ascent in disguise.
        "dAL_sign_flipped": _BACKWARD.format(body=(
            "    dA = Y / AL - (1 - Y) / (1 - AL)\n"
            "    for l in range(L, 0, -1):\n"
            "        act = 'sigmoid' if l == L else 'relu'\n"
            "        dA, dW, db = linear_activation_backward(dA, caches[l - 1], act)\n"
            "        grads['dA' + str(l - 1)], grads['dW' + str(l)], grads['db' + str(l)] = "
            "dA, dW, db\n"
        )),
        # ReLU backward on the output layer.
        "relu_on_last_layer": _BACKWARD.format(body=(
            "    dA = -(Y / AL - (1 - Y) / (1 - AL))\n"
            "    for l in range(L, 0, -1):\n"
            "        dA, dW, db = linear_activation_backward(dA, caches[l - 1], 'relu')\n"
            "        grads['dA' + str(l - 1)], grads['dW' + str(l)], grads['db' + str(l)] = "
            "dA, dW, db\n"
        )),
        # Off by one in the loop: the first layer never gets its gradients.
        "loop_stops_before_layer_1": _BACKWARD.format(body=(
            "    dAL = -(Y / AL - (1 - Y) / (1 - AL))\n"
            "    dA, dW, db = linear_activation_backward(dAL, caches[L - 1], 'sigmoid')\n"
            "    grads['dA' + str(L - 1)], grads['dW' + str(L)], grads['db' + str(L)] = "
            "dA, dW, db\n"
            "    for l in reversed(range(1, L - 1)):\n"
            "        dA, dW, db = linear_activation_backward(grads['dA' + str(l + 1)], caches[l],\n"
            "                                                'relu')\n"
            "        grads['dA' + str(l)], grads['dW' + str(l + 1)], grads['db' + str(l + 1)] = "
            "dA, dW, db\n"
        )),
        # Reads the caches front to back while going backward.
        "caches_in_wrong_order": _BACKWARD.format(body=(
            "    dA = -(Y / AL - (1 - Y) / (1 - AL))\n"
            "    for l in range(L, 0, -1):\n"
            "        act = 'sigmoid' if l == L else 'relu'\n"
            "        dA, dW, db = linear_activation_backward(dA, caches[L - l], act)\n"
            "        grads['dA' + str(l - 1)], grads['dW' + str(l)], grads['db' + str(l)] = "
            "dA, dW, db\n"
        )),
        # Feeds dAL to every layer instead of the dA of the layer above.
        "dAL_for_every_layer": _BACKWARD.format(body=(
            "    dAL = -(Y / AL - (1 - Y) / (1 - AL))\n"
            "    dA, dW, db = linear_activation_backward(dAL, caches[L - 1], 'sigmoid')\n"
            "    grads['dA' + str(L - 1)], grads['dW' + str(L)], grads['db' + str(L)] = "
            "dA, dW, db\n"
            "    for l in reversed(range(L - 1)):\n"
            "        dA, dW, db = linear_activation_backward(dAL * np.ones((caches[l][1].shape[0], "
            "1)),\n"
            "                                                caches[l], 'relu')\n"
            "        grads['dA' + str(l)], grads['dW' + str(l + 1)], grads['db' + str(l + 1)] = "
            "dA, dW, db\n"
        )),
        # Keys off by one: dA stored under the layer's own index.
        "dA_keys_off_by_one": _BACKWARD.format(body=(
            "    dA = -(Y / AL - (1 - Y) / (1 - AL))\n"
            "    for l in range(L, 0, -1):\n"
            "        act = 'sigmoid' if l == L else 'relu'\n"
            "        dA, dW, db = linear_activation_backward(dA, caches[l - 1], act)\n"
            "        grads['dA' + str(l)], grads['dW' + str(l)], grads['db' + str(l)] = "
            "dA, dW, db\n"
        )),
        # Divides dAL by m as well (the 1/m is then applied twice).
        "dAL_divided_by_m": _BACKWARD.format(body=(
            "    dA = -(Y / AL - (1 - Y) / (1 - AL)) / AL.shape[1]\n"
            "    for l in range(L, 0, -1):\n"
            "        act = 'sigmoid' if l == L else 'relu'\n"
            "        dA, dW, db = linear_activation_backward(dA, caches[l - 1], act)\n"
            "        grads['dA' + str(l - 1)], grads['dW' + str(l)], grads['db' + str(l)] = "
            "dA, dW, db\n"
        )),
    },
    "update_parameters": {
        # -= on the caller's arrays: the input changes.
        "updates_in_place": _UPDATE.format(body=(
            "    parameters = dict(params)\n"
            "    for l in range(1, L + 1):\n"
            "        parameters['W' + str(l)] -= learning_rate * grads['dW' + str(l)]\n"
            "        parameters['b' + str(l)] -= learning_rate * grads['db' + str(l)]\n"
        )),
        "gradient_ascent": _UPDATE.format(body=(
            "    parameters = copy.deepcopy(params)\n"
            "    for l in range(1, L + 1):\n"
            "        parameters['W' + str(l)] += learning_rate * grads['dW' + str(l)]\n"
            "        parameters['b' + str(l)] += learning_rate * grads['db' + str(l)]\n"
        )),
        # Off by one: the last layer is not updated.
        "last_layer_not_updated": _UPDATE.format(body=(
            "    parameters = copy.deepcopy(params)\n"
            "    for l in range(1, L):\n"
            "        parameters['W' + str(l)] -= learning_rate * grads['dW' + str(l)]\n"
            "        parameters['b' + str(l)] -= learning_rate * grads['db' + str(l)]\n"
        )),
        "learning_rate_forgotten": _UPDATE.format(body=(
            "    parameters = copy.deepcopy(params)\n"
            "    for l in range(1, L + 1):\n"
            "        parameters['W' + str(l)] -= grads['dW' + str(l)]\n"
            "        parameters['b' + str(l)] -= grads['db' + str(l)]\n"
        )),
        # Biases are left alone.
        "biases_not_updated": _UPDATE.format(body=(
            "    parameters = copy.deepcopy(params)\n"
            "    for l in range(1, L + 1):\n"
            "        parameters['W' + str(l)] -= learning_rate * grads['dW' + str(l)]\n"
        )),
        # Uses len(grads) (which also counts the dA entries) to find L.
        "L_from_grads": (
            "def update_parameters(params, grads, learning_rate):\n"
            "    L = len(grads) // 2\n"
            "    parameters = copy.deepcopy(params)\n"
            "    for l in range(1, L + 1):\n"
            "        parameters['W' + str(l)] = parameters['W' + str(l)] - learning_rate * "
            "grads['dW' + str(l)]\n"
            "        parameters['b' + str(l)] = parameters['b' + str(l)] - learning_rate * "
            "grads['db' + str(l)]\n"
            "    return parameters\n"
        ),
    },
}

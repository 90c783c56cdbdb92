"""Planted wrong answers for c1w2a2 (logistic regression as a neural network).

Each code string is executed in the namespace of the reference notebook after it ran; it
redefines one graded function (or graded value) the way a learner might get it wrong. The
test cell ``test_<name>`` must fail on every one of them.
"""

MUTANTS = {
    "dataset_dims": {
        # Reads the image height as the number of examples.
        "m_train_from_rows": (
            "m_train = train_set_x_orig.shape[1]\n"
            "m_test = test_set_x_orig.shape[0]\n"
            "num_px = train_set_x_orig.shape[1]\n"
        ),
        # Copy-paste: the test count is taken from the training set.
        "m_test_copy_paste": (
            "m_train = train_set_x_orig.shape[0]\n"
            "m_test = train_set_x_orig.shape[0]\n"
            "num_px = train_set_x_orig.shape[1]\n"
        ),
        # num_px read as the number of pixels of an image instead of its side.
        "num_px_as_pixel_count": (
            "m_train = train_set_x_orig.shape[0]\n"
            "m_test = test_set_x_orig.shape[0]\n"
            "num_px = train_set_x_orig.shape[1] * train_set_x_orig.shape[2]\n"
        ),
        # num_px taken from the channel axis.
        "num_px_from_channels": (
            "m_train = train_set_x_orig.shape[0]\n"
            "m_test = test_set_x_orig.shape[0]\n"
            "num_px = train_set_x_orig.shape[3]\n"
        ),
    },
    "flatten": {
        # One example per row: forgot the transpose.
        "no_transpose": (
            "train_set_x_flatten = train_set_x_orig.reshape(train_set_x_orig.shape[0], -1)\n"
            "test_set_x_flatten = test_set_x_orig.reshape(test_set_x_orig.shape[0], -1)\n"
            "train_set_x = train_set_x_flatten / 255\n"
            "test_set_x = test_set_x_flatten / 255\n"
        ),
        # Right shape, but each column mixes pieces of different images.
        "reshape_mixes_examples": (
            "train_set_x_flatten = train_set_x_orig.reshape(-1, train_set_x_orig.shape[0])\n"
            "test_set_x_flatten = test_set_x_orig.reshape(-1, test_set_x_orig.shape[0])\n"
            "train_set_x = train_set_x_flatten / 255\n"
            "test_set_x = test_set_x_flatten / 255\n"
        ),
        # Divides by 256 instead of 255.
        "divide_by_256": (
            "train_set_x_flatten = train_set_x_orig.reshape(train_set_x_orig.shape[0], -1).T\n"
            "test_set_x_flatten = test_set_x_orig.reshape(test_set_x_orig.shape[0], -1).T\n"
            "train_set_x = train_set_x_flatten / 256\n"
            "test_set_x = test_set_x_flatten / 256\n"
        ),
        # Integer division: every value becomes 0 or 1.
        "floor_division": (
            "train_set_x_flatten = train_set_x_orig.reshape(train_set_x_orig.shape[0], -1).T\n"
            "test_set_x_flatten = test_set_x_orig.reshape(test_set_x_orig.shape[0], -1).T\n"
            "train_set_x = train_set_x_flatten // 255\n"
            "test_set_x = test_set_x_flatten // 255\n"
        ),
        # Forgot to standardize at all.
        "not_standardized": (
            "train_set_x_flatten = train_set_x_orig.reshape(train_set_x_orig.shape[0], -1).T\n"
            "test_set_x_flatten = test_set_x_orig.reshape(test_set_x_orig.shape[0], -1).T\n"
            "train_set_x = train_set_x_flatten.astype(float)\n"
            "test_set_x = test_set_x_flatten.astype(float)\n"
        ),
        # Copy-paste: the test set is standardized from the training matrix.
        "test_from_train": (
            "train_set_x_flatten = train_set_x_orig.reshape(train_set_x_orig.shape[0], -1).T\n"
            "test_set_x_flatten = test_set_x_orig.reshape(test_set_x_orig.shape[0], -1).T\n"
            "train_set_x = train_set_x_flatten / 255\n"
            "test_set_x = train_set_x_flatten / 255\n"
        ),
    },
    "sigmoid": {
        "wrong_sign_in_exponent": "def sigmoid(z):\n    return 1 / (1 + np.exp(z))\n",
        # Operator precedence: 1 / 1 + exp(-z).
        "missing_parentheses": "def sigmoid(z):\n    return 1 / 1 + np.exp(-z)\n",
        # math.exp only works on single numbers.
        "math_exp": (
            "import math\n"
            "def sigmoid(z):\n"
            "    return 1 / (1 + math.exp(-z))\n"
        ),
        "tanh_instead": "def sigmoid(z):\n    return np.tanh(z)\n",
        # Clips z "to avoid overflow", which changes the result for |z| > 10.
        "clipped_input": (
            "def sigmoid(z):\n"
            "    z = np.clip(z, -10, 10)\n"
            "    return 1 / (1 + np.exp(-z))\n"
        ),
    },
    "initialize_with_zeros": {
        "w_one_dimensional": (
            "def initialize_with_zeros(dim):\n"
            "    return np.zeros(dim), 0.0\n"
        ),
        "w_row_vector": (
            "def initialize_with_zeros(dim):\n"
            "    return np.zeros((1, dim)), 0.0\n"
        ),
        "b_integer": (
            "def initialize_with_zeros(dim):\n"
            "    return np.zeros((dim, 1)), 0\n"
        ),
        "w_integer_dtype": (
            "def initialize_with_zeros(dim):\n"
            "    return np.zeros((dim, 1), dtype=int), 0.0\n"
        ),
        "b_array": (
            "def initialize_with_zeros(dim):\n"
            "    return np.zeros((dim, 1)), np.zeros((1, 1))\n"
        ),
    },
    "propagate": {
        # A derivation that keeps sigma'(z) = a(1 - a) after dL/da: dL/dz = (a - y) a (1 - a).
        "extra_sigmoid_derivative": (
            "def propagate(w, b, X, Y):\n"
            "    m = X.shape[1]\n"
            "    A = sigmoid(np.dot(w.T, X) + b)\n"
            "    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m\n"
            "    dZ = (A - Y) * A * (1 - A)\n"
            "    dw = np.dot(X, dZ.T) / m\n"
            "    db = np.sum(dZ) / m\n"
            "    return {'dw': dw, 'db': db}, cost\n"
        ),
        # A derivation that stops at dL/da and uses it as dL/dz.
        "dL_da_as_dz": (
            "def propagate(w, b, X, Y):\n"
            "    m = X.shape[1]\n"
            "    A = sigmoid(np.dot(w.T, X) + b)\n"
            "    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m\n"
            "    dA = -(Y / A - (1 - Y) / (1 - A))\n"
            "    dw = np.dot(X, dA.T) / m\n"
            "    db = np.sum(dA) / m\n"
            "    return {'dw': dw, 'db': db}, cost\n"
        ),
        "cost_wrong_sign": (
            "def propagate(w, b, X, Y):\n"
            "    m = X.shape[1]\n"
            "    A = sigmoid(np.dot(w.T, X) + b)\n"
            "    cost = np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m\n"
            "    dw = np.dot(X, (A - Y).T) / m\n"
            "    db = np.sum(A - Y) / m\n"
            "    return {'dw': dw, 'db': db}, cost\n"
        ),
        "dw_missing_1_over_m": (
            "def propagate(w, b, X, Y):\n"
            "    m = X.shape[1]\n"
            "    A = sigmoid(np.dot(w.T, X) + b)\n"
            "    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m\n"
            "    dw = np.dot(X, (A - Y).T)\n"
            "    db = np.sum(A - Y) / m\n"
            "    return {'dw': dw, 'db': db}, cost\n"
        ),
        "db_vector": (
            "def propagate(w, b, X, Y):\n"
            "    m = X.shape[1]\n"
            "    A = sigmoid(np.dot(w.T, X) + b)\n"
            "    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m\n"
            "    dw = np.dot(X, (A - Y).T) / m\n"
            "    db = np.sum(A - Y, axis=0) / m\n"
            "    return {'dw': dw, 'db': db}, cost\n"
        ),
        "forgot_bias": (
            "def propagate(w, b, X, Y):\n"
            "    m = X.shape[1]\n"
            "    A = sigmoid(np.dot(w.T, X))\n"
            "    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m\n"
            "    dw = np.dot(X, (A - Y).T) / m\n"
            "    db = np.sum(A - Y) / m\n"
            "    return {'dw': dw, 'db': db}, cost\n"
        ),
        # A matrix-product cost left as a (1, 1) array.
        "cost_1x1_array": (
            "def propagate(w, b, X, Y):\n"
            "    m = X.shape[1]\n"
            "    A = sigmoid(np.dot(w.T, X) + b)\n"
            "    cost = -(np.dot(Y, np.log(A).T) + np.dot(1 - Y, np.log(1 - A).T)) / m\n"
            "    dw = np.dot(X, (A - Y).T) / m\n"
            "    db = np.sum(A - Y) / m\n"
            "    return {'dw': dw, 'db': db}, cost\n"
        ),
        "dw_transposed": (
            "def propagate(w, b, X, Y):\n"
            "    m = X.shape[1]\n"
            "    A = sigmoid(np.dot(w.T, X) + b)\n"
            "    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m\n"
            "    dw = np.dot(A - Y, X.T) / m\n"
            "    db = np.sum(A - Y) / m\n"
            "    return {'dw': dw, 'db': db}, cost\n"
        ),
        "gradient_sign_flipped": (
            "def propagate(w, b, X, Y):\n"
            "    m = X.shape[1]\n"
            "    A = sigmoid(np.dot(w.T, X) + b)\n"
            "    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m\n"
            "    dw = np.dot(X, (Y - A).T) / m\n"
            "    db = np.sum(Y - A) / m\n"
            "    return {'dw': dw, 'db': db}, cost\n"
        ),
        # Only the y = 1 term of the loss.
        "cost_missing_second_term": (
            "def propagate(w, b, X, Y):\n"
            "    m = X.shape[1]\n"
            "    A = sigmoid(np.dot(w.T, X) + b)\n"
            "    cost = -np.sum(Y * np.log(A)) / m\n"
            "    dw = np.dot(X, (A - Y).T) / m\n"
            "    db = np.sum(A - Y) / m\n"
            "    return {'dw': dw, 'db': db}, cost\n"
        ),
        # Standardizes X again, in place: wrong values, and the caller's X changes.
        "rescales_X_in_place": (
            "def propagate(w, b, X, Y):\n"
            "    m = X.shape[1]\n"
            "    X /= np.max(np.abs(X))\n"
            "    A = sigmoid(np.dot(w.T, X) + b)\n"
            "    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m\n"
            "    dw = np.dot(X, (A - Y).T) / m\n"
            "    db = np.sum(A - Y) / m\n"
            "    return {'dw': dw, 'db': db}, cost\n"
        ),
    },
    "optimize": {
        "b_not_updated": (
            "def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, "
            "print_cost=False):\n"
            "    costs = []\n"
            "    for i in range(num_iterations):\n"
            "        grads, cost = propagate(w, b, X, Y)\n"
            "        dw, db = grads['dw'], grads['db']\n"
            "        w = w - learning_rate * dw\n"
            "        if i % 100 == 0:\n"
            "            costs.append(cost)\n"
            "    return {'w': w, 'b': b}, {'dw': dw, 'db': db}, costs\n"
        ),
        "learning_rate_forgotten": (
            "def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, "
            "print_cost=False):\n"
            "    costs = []\n"
            "    for i in range(num_iterations):\n"
            "        grads, cost = propagate(w, b, X, Y)\n"
            "        dw, db = grads['dw'], grads['db']\n"
            "        w = w - dw\n"
            "        b = b - db\n"
            "        if i % 100 == 0:\n"
            "            costs.append(cost)\n"
            "    return {'w': w, 'b': b}, {'dw': dw, 'db': db}, costs\n"
        ),
        "one_iteration_short": (
            "def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, "
            "print_cost=False):\n"
            "    costs = []\n"
            "    dw, db = np.zeros_like(w), 0.0\n"
            "    for i in range(num_iterations - 1):\n"
            "        grads, cost = propagate(w, b, X, Y)\n"
            "        dw, db = grads['dw'], grads['db']\n"
            "        w = w - learning_rate * dw\n"
            "        b = b - learning_rate * db\n"
            "        if i % 100 == 0:\n"
            "            costs.append(cost)\n"
            "    return {'w': w, 'b': b}, {'dw': dw, 'db': db}, costs\n"
        ),
        "gradient_ascent": (
            "def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, "
            "print_cost=False):\n"
            "    costs = []\n"
            "    for i in range(num_iterations):\n"
            "        grads, cost = propagate(w, b, X, Y)\n"
            "        dw, db = grads['dw'], grads['db']\n"
            "        w = w + learning_rate * dw\n"
            "        b = b + learning_rate * db\n"
            "        if i % 100 == 0:\n"
            "            costs.append(cost)\n"
            "    return {'w': w, 'b': b}, {'dw': dw, 'db': db}, costs\n"
        ),
        "cost_every_iteration": (
            "def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, "
            "print_cost=False):\n"
            "    costs = []\n"
            "    for i in range(num_iterations):\n"
            "        grads, cost = propagate(w, b, X, Y)\n"
            "        dw, db = grads['dw'], grads['db']\n"
            "        w = w - learning_rate * dw\n"
            "        b = b - learning_rate * db\n"
            "        costs.append(cost)\n"
            "    return {'w': w, 'b': b}, {'dw': dw, 'db': db}, costs\n"
        ),
        # Records at iterations 99, 199, ... instead of 0, 100, 200, ...
        "costs_recorded_late": (
            "def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, "
            "print_cost=False):\n"
            "    costs = []\n"
            "    for i in range(num_iterations):\n"
            "        grads, cost = propagate(w, b, X, Y)\n"
            "        dw, db = grads['dw'], grads['db']\n"
            "        w = w - learning_rate * dw\n"
            "        b = b - learning_rate * db\n"
            "        if (i + 1) % 100 == 0:\n"
            "            costs.append(cost)\n"
            "    return {'w': w, 'b': b}, {'dw': dw, 'db': db}, costs\n"
        ),
        # In-place update: the caller's w changes.
        "updates_w_in_place": (
            "def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, "
            "print_cost=False):\n"
            "    costs = []\n"
            "    for i in range(num_iterations):\n"
            "        grads, cost = propagate(w, b, X, Y)\n"
            "        dw, db = grads['dw'], grads['db']\n"
            "        w -= learning_rate * dw\n"
            "        b -= learning_rate * db\n"
            "        if i % 100 == 0:\n"
            "            costs.append(cost)\n"
            "    return {'w': w, 'b': b}, {'dw': dw, 'db': db}, costs\n"
        ),
        # Returns the gradients of the updated parameters (one propagate too many).
        "grads_after_last_update": (
            "def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, "
            "print_cost=False):\n"
            "    costs = []\n"
            "    for i in range(num_iterations):\n"
            "        grads, cost = propagate(w, b, X, Y)\n"
            "        w = w - learning_rate * grads['dw']\n"
            "        b = b - learning_rate * grads['db']\n"
            "        if i % 100 == 0:\n"
            "            costs.append(cost)\n"
            "    grads, _ = propagate(w, b, X, Y)\n"
            "    return {'w': w, 'b': b}, grads, costs\n"
        ),
    },
    "predict": {
        "returns_probabilities": (
            "def predict(w, b, X):\n"
            "    return sigmoid(np.dot(w.T, X) + b)\n"
        ),
        # Thresholds z instead of a = sigmoid(z) at 0.5.
        "threshold_on_z": (
            "def predict(w, b, X):\n"
            "    Z = np.dot(w.T, X) + b\n"
            "    return (Z > 0.5).astype(float)\n"
        ),
        "forgot_bias": (
            "def predict(w, b, X):\n"
            "    A = sigmoid(np.dot(w.T, X))\n"
            "    return (A > 0.5).astype(float)\n"
        ),
        "labels_inverted": (
            "def predict(w, b, X):\n"
            "    A = sigmoid(np.dot(w.T, X) + b)\n"
            "    return (A < 0.5).astype(float)\n"
        ),
        "flat_shape": (
            "def predict(w, b, X):\n"
            "    A = sigmoid(np.dot(w.T, X) + b)\n"
            "    return (A > 0.5).astype(float).ravel()\n"
        ),
        "boolean_labels": (
            "def predict(w, b, X):\n"
            "    return sigmoid(np.dot(w.T, X) + b) > 0.5\n"
        ),
        # Rounds the probabilities to a few decimals instead of thresholding.
        "rounded_probabilities": (
            "def predict(w, b, X):\n"
            "    return np.round(sigmoid(np.dot(w.T, X) + b), 1)\n"
        ),
    },
    "model": {
        # Forgets to pass num_iterations and learning_rate on to optimize.
        "optimize_defaults": (
            "def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, "
            "learning_rate=0.5, print_cost=False):\n"
            "    w, b = initialize_with_zeros(X_train.shape[0])\n"
            "    params, grads, costs = optimize(w, b, X_train, Y_train)\n"
            "    w, b = params['w'], params['b']\n"
            "    return {'costs': costs, 'Y_prediction_test': predict(w, b, X_test),\n"
            "            'Y_prediction_train': predict(w, b, X_train), 'w': w, 'b': b,\n"
            "            'learning_rate': learning_rate, 'num_iterations': num_iterations}\n"
        ),
        "predictions_swapped": (
            "def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, "
            "learning_rate=0.5, print_cost=False):\n"
            "    w, b = initialize_with_zeros(X_train.shape[0])\n"
            "    params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations,\n"
            "                                    learning_rate, print_cost)\n"
            "    w, b = params['w'], params['b']\n"
            "    return {'costs': costs, 'Y_prediction_test': predict(w, b, X_train),\n"
            "            'Y_prediction_train': predict(w, b, X_test), 'w': w, 'b': b,\n"
            "            'learning_rate': learning_rate, 'num_iterations': num_iterations}\n"
        ),
        # Predicts with the initial zeros instead of the learned parameters.
        "initial_parameters_used": (
            "def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, "
            "learning_rate=0.5, print_cost=False):\n"
            "    w, b = initialize_with_zeros(X_train.shape[0])\n"
            "    params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations,\n"
            "                                    learning_rate, print_cost)\n"
            "    return {'costs': costs, 'Y_prediction_test': predict(w, b, X_test),\n"
            "            'Y_prediction_train': predict(w, b, X_train), 'w': w, 'b': b,\n"
            "            'learning_rate': learning_rate, 'num_iterations': num_iterations}\n"
        ),
        "trained_on_test_set": (
            "def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, "
            "learning_rate=0.5, print_cost=False):\n"
            "    w, b = initialize_with_zeros(X_test.shape[0])\n"
            "    params, grads, costs = optimize(w, b, X_test, Y_test, num_iterations,\n"
            "                                    learning_rate, print_cost)\n"
            "    w, b = params['w'], params['b']\n"
            "    return {'costs': costs, 'Y_prediction_test': predict(w, b, X_test),\n"
            "            'Y_prediction_train': predict(w, b, X_train), 'w': w, 'b': b,\n"
            "            'learning_rate': learning_rate, 'num_iterations': num_iterations}\n"
        ),
        # Uses the notebook's global training set instead of the arguments.
        "uses_global_data": (
            "def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, "
            "learning_rate=0.5, print_cost=False):\n"
            "    w, b = initialize_with_zeros(train_set_x.shape[0])\n"
            "    params, grads, costs = optimize(w, b, train_set_x, train_set_y,\n"
            "                                    num_iterations, learning_rate, print_cost)\n"
            "    w, b = params['w'], params['b']\n"
            "    return {'costs': costs, 'Y_prediction_test': predict(w, b, X_test),\n"
            "            'Y_prediction_train': predict(w, b, X_train), 'w': w, 'b': b,\n"
            "            'learning_rate': learning_rate, 'num_iterations': num_iterations}\n"
        ),
        # Hard-codes the default hyperparameters in the returned dictionary.
        "reports_default_hyperparameters": (
            "def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, "
            "learning_rate=0.5, print_cost=False):\n"
            "    w, b = initialize_with_zeros(X_train.shape[0])\n"
            "    params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations,\n"
            "                                    learning_rate, print_cost)\n"
            "    w, b = params['w'], params['b']\n"
            "    return {'costs': costs, 'Y_prediction_test': predict(w, b, X_test),\n"
            "            'Y_prediction_train': predict(w, b, X_train), 'w': w, 'b': b,\n"
            "            'learning_rate': 0.5, 'num_iterations': 2000}\n"
        ),
    },
    "learning_rate_predictions": {
        # "Larger steps get there faster": the largest rate picked as the lowest final cost.
        "largest_is_fastest": (
            "rate_cost_rises = 0.01\n"
            "rate_lowest_cost = 0.01\n"
            "iterations_to_match = 50\n"
        ),
        # The smallest steps taken for the unstable ones.
        "smallest_rises": (
            "rate_cost_rises = 0.0001\n"
            "rate_lowest_cost = 0.001\n"
            "iterations_to_match = 50\n"
        ),
        # "Same number of steps, same cost": the step size ignored.
        "same_iterations": (
            "rate_cost_rises = 0.01\n"
            "rate_lowest_cost = 0.001\n"
            "iterations_to_match = 500\n"
        ),
        # Larger steps thought to need more iterations.
        "scaling_inverted": (
            "rate_cost_rises = 0.01\n"
            "rate_lowest_cost = 0.001\n"
            "iterations_to_match = 5000\n"
        ),
        # The smallest rate picked as the lowest final cost (safe, so best?).
        "smallest_is_best": (
            "rate_cost_rises = 0.01\n"
            "rate_lowest_cost = 0.0001\n"
            "iterations_to_match = 50\n"
        ),
    },
}

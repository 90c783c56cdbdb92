"""Planted wrong answers for c2w3a1 (introduction to TensorFlow).

Each code string is executed in the namespace of the reference notebook after it ran; it
redefines one graded function the way a learner might get it wrong. The test cell
``test_<name>`` must fail on every one of them.
"""

_LINEAR = (
    "def linear_function():\n"
    "    np.random.seed(1)\n"
    "{body}"
    "    return Y\n"
)

_INIT = (
    "def initialize_parameters():\n"
    "    initializer = tf.keras.initializers.GlorotNormal(seed=1)\n"
    "{body}"
    "    return {{'W1': W1, 'b1': b1, 'W2': W2, 'b2': b2, 'W3': W3, 'b3': b3}}\n"
)

_FORWARD = (
    "def forward_propagation(X, parameters):\n"
    "    W1, b1 = parameters['W1'], parameters['b1']\n"
    "    W2, b2 = parameters['W2'], parameters['b2']\n"
    "    W3, b3 = parameters['W3'], parameters['b3']\n"
    "{body}"
    "    return Z3\n"
)

_LOSS = (
    "def compute_total_loss(logits, labels):\n"
    "{body}"
    "    return total_loss\n"
)

_DTYPES = ("dtype_predictions = {{1: {0!r}, 2: {1!r}, 3: {2!r}, 4: {3!r}, 5: {4!r}, "
           "6: {5!r}}}\n")
_RIGHT_DTYPES = ("int32", "int64", "float64", "float32", "error", "int32")


def _dtypes(**changes):
    answers = list(_RIGHT_DTYPES)
    for key, value in changes.items():
        answers[int(key[1:]) - 1] = value
    return _DTYPES.format(*answers)


_LRS = ("lr_predictions = {{0.01: {0!r}, 0.5: {1!r}, 0.9: {2!r}, 1.0: {3!r}, "
        "1.1: {4!r}}}\n")
_RIGHT_LRS = ("too slow", "converges", "converges", "oscillates", "diverges")


def _lrs(*answers):
    return _LRS.format(*answers)


MUTANTS = {
    "dtype_predictions": {
        # NumPy's rules: Python integers become int64, and int32 + float64 gives float64.
        "numpy_rules": _dtypes(k1="int64", k4="float64", k6="float64"),
        # The old claim of this notebook: a float32 tensor plus a float64 array is an error.
        "tensor_plus_array_fails": _dtypes(k4="error", k6="error"),
        # tf.constant makes float32 of everything.
        "constant_is_always_float32": _dtypes(k3="float32"),
        # Two tensors of different dtypes are upcast, as in NumPy.
        "tensors_upcast": _dtypes(k5="float64"),
        # np.arange seen as Python integers.
        "arange_is_int32": _dtypes(k2="int32"),
    },
    "lr_predictions": {
        # "Overshooting the minimum means diverging."
        "overshoot_diverges": _lrs("too slow", "converges", "diverges", "diverges", "diverges"),
        # "A larger learning rate is always faster."
        "larger_is_faster": _lrs("too slow", "converges", "converges", "converges", "converges"),
        # "Smaller is safer, so it converges."
        "small_converges": _lrs("converges", "converges", "converges", "oscillates",
                                "diverges"),
        # alpha = 0.5 lands on the minimum in one step, not a bounce.
        "half_oscillates": _lrs("too slow", "oscillates", "converges", "oscillates",
                                "diverges"),
        # |1 - 2 alpha| = 1.2: growing, not a steady bounce.
        "growth_seen_as_bounce": _lrs("too slow", "converges", "converges", "oscillates",
                                      "oscillates"),
    },
    "linear_function": {
        # Draws W before X: right shapes, numbers that do not match the stated calls.
        "draws_in_wrong_order": _LINEAR.format(body=(
            "    W = tf.constant(np.random.randn(4, 3))\n"
            "    X = tf.constant(np.random.randn(3, 1))\n"
            "    b = tf.constant(np.random.randn(4, 1))\n"
            "    Y = tf.matmul(W, X) + b\n"
        )),
        # Computes with NumPy and returns an array, not a tensor.
        "returns_numpy_array": _LINEAR.format(body=(
            "    X = np.random.randn(3, 1)\n"
            "    W = np.random.randn(4, 3)\n"
            "    b = np.random.randn(4, 1)\n"
            "    Y = np.dot(W, X) + b\n"
        )),
        # Subtracts the bias.
        "minus_b": _LINEAR.format(body=(
            "    X = tf.constant(np.random.randn(3, 1))\n"
            "    W = tf.constant(np.random.randn(4, 3))\n"
            "    b = tf.constant(np.random.randn(4, 1))\n"
            "    Y = tf.subtract(tf.matmul(W, X), b)\n"
        )),
        # Elementwise product with broadcasting instead of a matrix product, then a sum.
        "elementwise_product": _LINEAR.format(body=(
            "    X = tf.constant(np.random.randn(3, 1))\n"
            "    W = tf.constant(np.random.randn(4, 3))\n"
            "    b = tf.constant(np.random.randn(4, 1))\n"
            "    Y = tf.reduce_sum(W * tf.transpose(X), axis=1) + b\n"
        )),
        # Draws uniform numbers (rand) instead of normal ones (randn).
        "rand_instead_of_randn": _LINEAR.format(body=(
            "    X = tf.constant(np.random.rand(3, 1))\n"
            "    W = tf.constant(np.random.rand(4, 3))\n"
            "    b = tf.constant(np.random.rand(4, 1))\n"
            "    Y = tf.matmul(W, X) + b\n"
        )),
    },
    "sigmoid": {
        # Forgets the cast: integers are refused and float64 stays float64.
        "no_cast": (
            "def sigmoid(z):\n"
            "    a = tf.keras.activations.sigmoid(tf.convert_to_tensor(z))\n"
            "    return a\n"
        ),
        # Casts to float64 instead of float32.
        "cast_to_float64": (
            "def sigmoid(z):\n"
            "    a = tf.keras.activations.sigmoid(tf.cast(z, tf.float64))\n"
            "    return a\n"
        ),
        # Sign error in the exponent.
        "exp_plus_z": (
            "def sigmoid(z):\n"
            "    z = tf.cast(z, tf.float32)\n"
            "    a = 1 / (1 + tf.exp(z))\n"
            "    return a\n"
        ),
        # Uses ReLU instead of the sigmoid.
        "relu_instead": (
            "def sigmoid(z):\n"
            "    z = tf.cast(z, tf.float32)\n"
            "    a = tf.keras.activations.relu(z)\n"
            "    return a\n"
        ),
        # Returns a NumPy value instead of a tensor.
        "returns_numpy": (
            "def sigmoid(z):\n"
            "    z = tf.cast(z, tf.float32)\n"
            "    a = tf.keras.activations.sigmoid(z).numpy()\n"
            "    return a\n"
        ),
        # Flattens the result: right for numbers and vectors, wrong shape for matrices.
        "flattens_result": (
            "def sigmoid(z):\n"
            "    a = tf.keras.activations.sigmoid(tf.cast(z, tf.float32))\n"
            "    return tf.reshape(a, [-1])\n"
        ),
        # The hyperbolic tangent instead of the sigmoid.
        "tanh_instead": (
            "def sigmoid(z):\n"
            "    z = tf.cast(z, tf.float32)\n"
            "    a = tf.keras.activations.tanh(z)\n"
            "    return a\n"
        ),
    },
    "one_hot_matrix": {
        # Keeps an extra dimension: shape (1, C).
        "shape_1_by_C": (
            "def one_hot_matrix(label, C=6):\n"
            "    one_hot = tf.reshape(tf.one_hot(label, C, axis=0), [1, C])\n"
            "    return one_hot\n"
        ),
        # Hard-codes six classes instead of using C.
        "depth_fixed_at_6": (
            "def one_hot_matrix(label, C=6):\n"
            "    one_hot = tf.reshape(tf.one_hot(label, 6, axis=0), [6])\n"
            "    return one_hot\n"
        ),
        # Treats labels as 1-based.
        "label_minus_one": (
            "def one_hot_matrix(label, C=6):\n"
            "    one_hot = tf.reshape(tf.one_hot(label - 1, C, axis=0), [C])\n"
            "    return one_hot\n"
        ),
        # Integer one-hot vector.
        "int_dtype": (
            "def one_hot_matrix(label, C=6):\n"
            "    one_hot = tf.reshape(tf.one_hot(label, C, axis=0, dtype=tf.int32), [C])\n"
            "    return one_hot\n"
        ),
        # NumPy's identity matrix: right values for Python ints, not a tensor, and it fails
        # inside Dataset.map.
        "numpy_eye": (
            "def one_hot_matrix(label, C=6):\n"
            "    one_hot = np.eye(C, dtype=np.float32)[int(label)]\n"
            "    return one_hot\n"
        ),
        # Arguments of tf.one_hot swapped: the depth is taken from the label.
        "arguments_swapped": (
            "def one_hot_matrix(label, C=6):\n"
            "    one_hot = tf.reshape(tf.one_hot(C, label, axis=0), [C])\n"
            "    return one_hot\n"
        ),
    },
    "initialize_parameters": {
        # Zeros everywhere: every unit computes the same thing.
        "zeros": _INIT.format(body=(
            "    zeros = tf.keras.initializers.Zeros()\n"
            "    W1 = tf.Variable(zeros(shape=(25, 12288)))\n"
            "    b1 = tf.Variable(zeros(shape=(25, 1)))\n"
            "    W2 = tf.Variable(zeros(shape=(12, 25)))\n"
            "    b2 = tf.Variable(zeros(shape=(12, 1)))\n"
            "    W3 = tf.Variable(zeros(shape=(6, 12)))\n"
            "    b3 = tf.Variable(zeros(shape=(6, 1)))\n"
        )),
        # The biases drawn with the initializer too (the original assignment's choice).
        "biases_from_initializer": _INIT.format(body=(
            "    W1 = tf.Variable(initializer(shape=(25, 12288)))\n"
            "    b1 = tf.Variable(initializer(shape=(25, 1)))\n"
            "    W2 = tf.Variable(initializer(shape=(12, 25)))\n"
            "    b2 = tf.Variable(initializer(shape=(12, 1)))\n"
            "    W3 = tf.Variable(initializer(shape=(6, 12)))\n"
            "    b3 = tf.Variable(initializer(shape=(6, 1)))\n"
        )),
        # Biases of ones.
        "biases_ones": _INIT.format(body=(
            "    W1 = tf.Variable(initializer(shape=(25, 12288)))\n"
            "    b1 = tf.Variable(tf.ones((25, 1)))\n"
            "    W2 = tf.Variable(initializer(shape=(12, 25)))\n"
            "    b2 = tf.Variable(tf.ones((12, 1)))\n"
            "    W3 = tf.Variable(initializer(shape=(6, 12)))\n"
            "    b3 = tf.Variable(tf.ones((6, 1)))\n"
        )),
        # Biases as row vectors (1, n): they broadcast the wrong way in W X + b.
        "biases_as_rows": _INIT.format(body=(
            "    W1 = tf.Variable(initializer(shape=(25, 12288)))\n"
            "    b1 = tf.Variable(tf.zeros((1, 25)))\n"
            "    W2 = tf.Variable(initializer(shape=(12, 25)))\n"
            "    b2 = tf.Variable(tf.zeros((1, 12)))\n"
            "    W3 = tf.Variable(initializer(shape=(6, 12)))\n"
            "    b3 = tf.Variable(tf.zeros((1, 6)))\n"
        )),
        # Rows and columns swapped.
        "W_transposed": _INIT.format(body=(
            "    W1 = tf.Variable(initializer(shape=(12288, 25)))\n"
            "    b1 = tf.Variable(initializer(shape=(25, 1)))\n"
            "    W2 = tf.Variable(initializer(shape=(25, 12)))\n"
            "    b2 = tf.Variable(initializer(shape=(12, 1)))\n"
            "    W3 = tf.Variable(initializer(shape=(12, 6)))\n"
            "    b3 = tf.Variable(initializer(shape=(6, 1)))\n"
        )),
        # Plain tensors: the tape would not track them and Adam could not update them.
        "not_variables": _INIT.format(body=(
            "    W1 = initializer(shape=(25, 12288))\n"
            "    b1 = initializer(shape=(25, 1))\n"
            "    W2 = initializer(shape=(12, 25))\n"
            "    b2 = initializer(shape=(12, 1))\n"
            "    W3 = initializer(shape=(6, 12))\n"
            "    b3 = initializer(shape=(6, 1))\n"
        )),
        # Glorot uniform instead of Glorot normal.
        "glorot_uniform": _INIT.format(body=(
            "    uniform = tf.keras.initializers.GlorotUniform(seed=1)\n"
            "    W1 = tf.Variable(uniform(shape=(25, 12288)))\n"
            "    b1 = tf.Variable(uniform(shape=(25, 1)))\n"
            "    W2 = tf.Variable(uniform(shape=(12, 25)))\n"
            "    b2 = tf.Variable(uniform(shape=(12, 1)))\n"
            "    W3 = tf.Variable(uniform(shape=(6, 12)))\n"
            "    b3 = tf.Variable(uniform(shape=(6, 1)))\n"
        )),
        # Plain standard normal numbers (np.random.randn) cast to float32: far too large.
        "randn_not_scaled": _INIT.format(body=(
            "    np.random.seed(1)\n"
            "    W1 = tf.Variable(np.random.randn(25, 12288).astype(np.float32))\n"
            "    b1 = tf.Variable(np.random.randn(25, 1).astype(np.float32))\n"
            "    W2 = tf.Variable(np.random.randn(12, 25).astype(np.float32))\n"
            "    b2 = tf.Variable(np.random.randn(12, 1).astype(np.float32))\n"
            "    W3 = tf.Variable(np.random.randn(6, 12).astype(np.float32))\n"
            "    b3 = tf.Variable(np.random.randn(6, 1).astype(np.float32))\n"
        )),
        # Layer sizes mixed up: the second hidden layer gets 25 units.
        "wrong_layer_sizes": _INIT.format(body=(
            "    W1 = tf.Variable(initializer(shape=(25, 12288)))\n"
            "    b1 = tf.Variable(initializer(shape=(25, 1)))\n"
            "    W2 = tf.Variable(initializer(shape=(25, 25)))\n"
            "    b2 = tf.Variable(initializer(shape=(25, 1)))\n"
            "    W3 = tf.Variable(initializer(shape=(6, 25)))\n"
            "    b3 = tf.Variable(initializer(shape=(6, 1)))\n"
        )),
    },
    "forward_propagation": {
        # Applies ReLU to the output layer too.
        "relu_on_output": _FORWARD.format(body=(
            "    A1 = tf.keras.activations.relu(tf.matmul(W1, X) + b1)\n"
            "    A2 = tf.keras.activations.relu(tf.matmul(W2, A1) + b2)\n"
            "    Z3 = tf.keras.activations.relu(tf.matmul(W3, A2) + b3)\n"
        )),
        # Applies the softmax already (the loss applies it again).
        "softmax_on_output": _FORWARD.format(body=(
            "    A1 = tf.keras.activations.relu(tf.matmul(W1, X) + b1)\n"
            "    A2 = tf.keras.activations.relu(tf.matmul(W2, A1) + b2)\n"
            "    Z3 = tf.nn.softmax(tf.matmul(W3, A2) + b3, axis=0)\n"
        )),
        # Sigmoid hidden units instead of ReLU.
        "sigmoid_hidden": _FORWARD.format(body=(
            "    A1 = tf.keras.activations.sigmoid(tf.matmul(W1, X) + b1)\n"
            "    A2 = tf.keras.activations.sigmoid(tf.matmul(W2, A1) + b2)\n"
            "    Z3 = tf.matmul(W3, A2) + b3\n"
        )),
        # Forgets the biases of the hidden layers.
        "no_hidden_bias": _FORWARD.format(body=(
            "    A1 = tf.keras.activations.relu(tf.matmul(W1, X))\n"
            "    A2 = tf.keras.activations.relu(tf.matmul(W2, A1))\n"
            "    Z3 = tf.matmul(W3, A2) + b3\n"
        )),
        # Feeds Z1 (before the ReLU) to the second layer.
        "uses_Z_not_A": _FORWARD.format(body=(
            "    Z1 = tf.matmul(W1, X) + b1\n"
            "    A1 = tf.keras.activations.relu(Z1)\n"
            "    Z2 = tf.matmul(W2, Z1) + b2\n"
            "    A2 = tf.keras.activations.relu(Z2)\n"
            "    Z3 = tf.matmul(W3, A2) + b3\n"
        )),
        # Goes through NumPy: right values, but the gradient tape loses track of them.
        "through_numpy": _FORWARD.format(body=(
            "    A1 = np.maximum(np.dot(W1.numpy(), np.asarray(X)) + b1.numpy(), 0)\n"
            "    A2 = np.maximum(np.dot(W2.numpy(), A1) + b2.numpy(), 0)\n"
            "    Z3 = tf.constant(np.dot(W3.numpy(), A2) + b3.numpy(), dtype=tf.float32)\n"
        )),
    },
    "compute_total_loss": {
        # The mean over the examples instead of the sum.
        "mean_not_sum": _LOSS.format(body=(
            "    total_loss = tf.reduce_mean(tf.keras.losses.categorical_crossentropy(\n"
            "        tf.transpose(labels), tf.transpose(logits), from_logits=True))\n"
        )),
        # Forgets from_logits=True: the logits are read as probabilities.
        "from_logits_missing": _LOSS.format(body=(
            "    total_loss = tf.reduce_sum(tf.keras.losses.categorical_crossentropy(\n"
            "        tf.transpose(labels), tf.transpose(logits)))\n"
        )),
        # Applies the sigmoid first and then tells Keras these are logits (squashed twice).
        "sigmoid_then_from_logits": _LOSS.format(body=(
            "    total_loss = tf.reduce_sum(tf.keras.losses.categorical_crossentropy(\n"
            "        tf.transpose(labels), tf.transpose(tf.sigmoid(logits)), from_logits=True))\n"
        )),
        # Does not transpose: the softmax runs over the examples instead of the classes.
        "no_transpose": _LOSS.format(body=(
            "    total_loss = tf.reduce_sum(tf.keras.losses.categorical_crossentropy(\n"
            "        labels, logits, from_logits=True))\n"
        )),
        # Softmax first, then the log: right for moderate logits, log(0) = -inf when the correct
        # class is far behind.
        "log_of_softmax": _LOSS.format(body=(
            "    probabilities = tf.nn.softmax(logits, axis=0)\n"
            "    total_loss = -tf.reduce_sum(labels * tf.math.log(probabilities))\n"
        )),
        # Binary cross-entropy on every entry instead of the categorical one.
        "binary_crossentropy": _LOSS.format(body=(
            "    total_loss = tf.reduce_sum(tf.keras.losses.binary_crossentropy(\n"
            "        tf.transpose(labels), tf.transpose(logits), from_logits=True))\n"
        )),
        # Arguments of the Keras loss in the wrong order (predictions first).
        "arguments_swapped": _LOSS.format(body=(
            "    total_loss = tf.reduce_sum(tf.keras.losses.categorical_crossentropy(\n"
            "        tf.transpose(logits), tf.transpose(labels), from_logits=True))\n"
        )),
    },
}

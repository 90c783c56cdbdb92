"""Planted wrong answers for c2w1a1 (initialization).

Each code string is executed in the namespace of the reference notebook after it ran; it
redefines one graded function the way a learner might get it wrong. The test cell
``test_<name>`` must fail on every one of them.
"""


def _init(body: str, name: str, seed: bool = True) -> str:
    """A complete initialization function whose loop body is ``body`` (8 spaces indented)."""
    head = f"def {name}(layers_dims):\n"
    if seed:
        head += "    np.random.seed(3)\n"
    return (
        head
        + "    parameters = {}\n"
        + "    L = len(layers_dims)\n"
        + "    for l in range(1, L):\n"
        + body
        + "    return parameters\n"
    )


_ZEROS_B = "        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))\n"


def _rms(variance: str, sqrt: bool = True) -> str:
    """A predicted_rms that computes ``variance`` and returns its square root (or not)."""
    result = "float(np.sqrt(variance))" if sqrt else "float(variance)"
    return (
        "def predicted_rms(scale, layer, width=200):\n"
        f"    variance = {variance}\n"
        f"    return {result}\n"
    )


MUTANTS = {
    "initialize_parameters_zeros": {
        # W with the shape (n_{l-1}, n_l): rows and columns swapped.
        "transposed_W": _init(
            "        parameters['W' + str(l)] = np.zeros((layers_dims[l - 1], layers_dims[l]))\n"
            + _ZEROS_B,
            "initialize_parameters_zeros", seed=False),
        # b as a row vector.
        "b_row_vector": _init(
            "        parameters['W' + str(l)] = np.zeros((layers_dims[l], layers_dims[l - 1]))\n"
            "        parameters['b' + str(l)] = np.zeros((1, layers_dims[l]))\n",
            "initialize_parameters_zeros", seed=False),
        # Off by one: the loop stops before the output layer.
        "misses_last_layer": (
            "def initialize_parameters_zeros(layers_dims):\n"
            "    parameters = {}\n"
            "    L = len(layers_dims)\n"
            "    for l in range(1, L - 1):\n"
            "        parameters['W' + str(l)] = np.zeros((layers_dims[l], layers_dims[l - 1]))\n"
            "        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))\n"
            "    return parameters\n"
        ),
        # Integer zeros (np.zeros(..., dtype=int)): the updates would be truncated.
        "integer_dtype": _init(
            "        parameters['W' + str(l)] = np.zeros((layers_dims[l], layers_dims[l - 1]),"
            " dtype=int)\n"
            "        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1), dtype=int)\n",
            "initialize_parameters_zeros", seed=False),
        # Hard-coded for the 3-layer network of the notebook.
        "hardcoded_three_layers": (
            "def initialize_parameters_zeros(layers_dims):\n"
            "    parameters = {}\n"
            "    for l in range(1, 4):\n"
            "        parameters['W' + str(l)] = np.zeros((layers_dims[l], layers_dims[l - 1]))\n"
            "        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))\n"
            "    return parameters\n"
        ),
        # The keys numbered from 0: W0, b0, ... instead of W1, b1, ...
        "keys_from_zero": (
            "def initialize_parameters_zeros(layers_dims):\n"
            "    parameters = {}\n"
            "    for l in range(len(layers_dims) - 1):\n"
            "        parameters['W' + str(l)] = np.zeros((layers_dims[l + 1], layers_dims[l]))\n"
            "        parameters['b' + str(l)] = np.zeros((layers_dims[l + 1], 1))\n"
            "    return parameters\n"
        ),
    },
    "initialize_parameters_random": {
        # The small scale of course 1 instead of 10.
        "scale_001": _init(
            "        parameters['W' + str(l)] = np.random.randn(layers_dims[l],"
            " layers_dims[l - 1]) * 0.01\n" + _ZEROS_B,
            "initialize_parameters_random"),
        # No seed: different numbers at every call.
        "no_seed": _init(
            "        parameters['W' + str(l)] = np.random.randn(layers_dims[l],"
            " layers_dims[l - 1]) * 10\n" + _ZEROS_B,
            "initialize_parameters_random", seed=False),
        # The seed set again in every layer: all layers start with the same numbers.
        "seed_in_loop": (
            "def initialize_parameters_random(layers_dims):\n"
            "    parameters = {}\n"
            "    L = len(layers_dims)\n"
            "    for l in range(1, L):\n"
            "        np.random.seed(3)\n"
            "        parameters['W' + str(l)] = np.random.randn(layers_dims[l],"
            " layers_dims[l - 1]) * 10\n"
            "        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))\n"
            "    return parameters\n"
        ),
        # Uniform numbers in [0, 10) instead of normal ones.
        "uniform_rand": _init(
            "        parameters['W' + str(l)] = np.random.rand(layers_dims[l],"
            " layers_dims[l - 1]) * 10\n" + _ZEROS_B,
            "initialize_parameters_random"),
        # Random biases too: the extra draws also shift the weights of the later layers.
        "random_biases": _init(
            "        parameters['W' + str(l)] = np.random.randn(layers_dims[l],"
            " layers_dims[l - 1]) * 10\n"
            "        parameters['b' + str(l)] = np.random.randn(layers_dims[l], 1) * 10\n",
            "initialize_parameters_random"),
        # Drawn with the shape (n_{l-1}, n_l), then transposed: right shape, other numbers.
        "drawn_transposed": _init(
            "        parameters['W' + str(l)] = np.random.randn(layers_dims[l - 1],"
            " layers_dims[l]).T * 10\n" + _ZEROS_B,
            "initialize_parameters_random"),
    },
    "predicted_rms": {
        # The ReLU's factor 1/2 forgotten: every layer multiplies the variance by n sigma^2.
        "no_half": _rms("width * scale ** 2 * (width * scale ** 2) ** (layer - 1)"),
        # The input treated as a ReLU output too: a factor 1/2 in layer 1 as well.
        "relu_on_input": _rms("(width * scale ** 2 / 2) ** layer"),
        # The variance returned instead of the rms.
        "variance_not_rms": _rms("width * scale ** 2 * (width * scale ** 2 / 2) ** (layer - 1)",
                                 sqrt=False),
        # One factor too many: the exponent is the layer number.
        "exponent_off_by_one": _rms("width * scale ** 2 * (width * scale ** 2 / 2) ** layer"),
        # The scale used as a variance (sigma instead of sigma^2).
        "scale_not_squared": _rms("width * scale * (width * scale / 2) ** (layer - 1)"),
        # The width of the notebook's experiment hard-coded.
        "hardcoded_width": _rms("200 * scale ** 2 * (200 * scale ** 2 / 2) ** (layer - 1)"),
    },
    "initialize_parameters_he": {
        # The size of the current layer under the square root instead of the previous one.
        "wrong_layer_in_sqrt": _init(
            "        parameters['W' + str(l)] = np.random.randn(layers_dims[l],"
            " layers_dims[l - 1]) * np.sqrt(2 / layers_dims[l])\n" + _ZEROS_B,
            "initialize_parameters_he"),
        # Xavier scaling sqrt(1 / n) instead of sqrt(2 / n).
        "xavier_scale": _init(
            "        parameters['W' + str(l)] = np.random.randn(layers_dims[l],"
            " layers_dims[l - 1]) * np.sqrt(1 / layers_dims[l - 1])\n" + _ZEROS_B,
            "initialize_parameters_he"),
        # The variance used as the scale: 2 / n without the square root.
        "no_sqrt": _init(
            "        parameters['W' + str(l)] = np.random.randn(layers_dims[l],"
            " layers_dims[l - 1]) * (2 / layers_dims[l - 1])\n" + _ZEROS_B,
            "initialize_parameters_he"),
        # Copied from the large random version and the factor 10 left in.
        "leftover_factor_10": _init(
            "        parameters['W' + str(l)] = np.random.randn(layers_dims[l],"
            " layers_dims[l - 1]) * 10 * np.sqrt(2 / layers_dims[l - 1])\n" + _ZEROS_B,
            "initialize_parameters_he"),
        # Operator precedence: sqrt(2) / n instead of sqrt(2 / n).
        "sqrt2_over_n": _init(
            "        parameters['W' + str(l)] = np.random.randn(layers_dims[l],"
            " layers_dims[l - 1]) * np.sqrt(2) / layers_dims[l - 1]\n" + _ZEROS_B,
            "initialize_parameters_he"),
        # The seed forgotten.
        "no_seed": _init(
            "        parameters['W' + str(l)] = np.random.randn(layers_dims[l],"
            " layers_dims[l - 1]) * np.sqrt(2 / layers_dims[l - 1])\n" + _ZEROS_B,
            "initialize_parameters_he", seed=False),
    },
}

"""Planted wrong answers for c1w4a2 (deep neural network application).

Each code string is executed in the namespace of the reference notebook after it ran; it
redefines one graded function the way a learner might get it wrong. The test cell
``test_<name>`` must fail on every one of them.
"""

_TWO = (
    "def two_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000,\n"
    "                    print_cost=False):\n"
    "    grads = {{}}\n"
    "    costs = []\n"
    "    (n_x, n_h, n_y) = layers_dims\n"
    "{init}"
    "    for i in range(num_iterations):\n"
    "{body}"
    "        if i % 100 == 0:\n"
    "            costs.append(cost)\n"
    "    return parameters, costs\n"
)
_TWO_INIT = "    parameters = initialize_parameters(n_x, n_h, n_y)\n"
_TWO_UNPACK = (
    "        W1, b1 = parameters['W1'], parameters['b1']\n"
    "        W2, b2 = parameters['W2'], parameters['b2']\n"
)
_TWO_FORWARD = (
    "        A1, cache1 = linear_activation_forward(X, W1, b1, 'relu')\n"
    "        A2, cache2 = linear_activation_forward(A1, W2, b2, 'sigmoid')\n"
    "        cost = compute_cost(A2, Y)\n"
)
_TWO_BACKWARD = (
    "        dA2 = -(Y / A2 - (1 - Y) / (1 - A2))\n"
    "        dA1, dW2, db2 = linear_activation_backward(dA2, cache2, 'sigmoid')\n"
    "        dA0, dW1, db1 = linear_activation_backward(dA1, cache1, 'relu')\n"
)
_TWO_UPDATE = (
    "        grads = {'dW1': dW1, 'db1': db1, 'dW2': dW2, 'db2': db2}\n"
    "        parameters = update_parameters(parameters, grads, learning_rate)\n"
)

_DEEP = (
    "def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000,\n"
    "                  print_cost=False):\n"
    "    costs = []\n"
    "{init}"
    "    for i in range(num_iterations):\n"
    "{body}"
    "{record}"
    "    return parameters, costs\n"
)
_DEEP_INIT = "    parameters = initialize_parameters_deep(layers_dims)\n"
_DEEP_BODY = (
    "        AL, caches = L_model_forward(X, parameters)\n"
    "        cost = compute_cost(AL, Y)\n"
    "        grads = L_model_backward(AL, Y, caches)\n"
    "        parameters = update_parameters(parameters, grads, learning_rate)\n"
)
_RECORD = (
    "        if i % 100 == 0:\n"
    "            costs.append(cost)\n"
)

MUTANTS = {
    "two_layer_model": {
        # The classic: W1, b1, W2, b2 are read once before the loop and never refreshed,
        # so every iteration computes the gradients of the initial parameters.
        "parameters_not_refreshed": _TWO.format(
            init=_TWO_INIT + _TWO_UNPACK.replace("        ", "    "),
            body=_TWO_FORWARD + _TWO_BACKWARD + _TWO_UPDATE,
        ),
        # Uses the deep initialization (different scale and seed).
        "deep_initialization": _TWO.format(
            init="    parameters = initialize_parameters_deep([n_x, n_h, n_y])\n",
            body=_TWO_UNPACK + _TWO_FORWARD + _TWO_BACKWARD + _TWO_UPDATE,
        ),
        # dA2 with the wrong sign: the cost goes up.
        "dA2_sign_flipped": _TWO.format(
            init=_TWO_INIT,
            body=_TWO_UNPACK + _TWO_FORWARD + _TWO_BACKWARD.replace(
                "-(Y / A2 - (1 - Y) / (1 - A2))", "Y / A2 - (1 - Y) / (1 - A2)") + _TWO_UPDATE,
        ),
        # Output layer with ReLU backward.
        "relu_backward_on_output": _TWO.format(
            init=_TWO_INIT,
            body=_TWO_UNPACK + _TWO_FORWARD + _TWO_BACKWARD.replace(
                "cache2, 'sigmoid'", "cache2, 'relu'") + _TWO_UPDATE,
        ),
        # Hard-coded learning rate: ignores the argument.
        "learning_rate_hard_coded": _TWO.format(
            init=_TWO_INIT,
            body=_TWO_UNPACK + _TWO_FORWARD + _TWO_BACKWARD + _TWO_UPDATE.replace(
                "grads, learning_rate)", "grads, 0.0075)"),
        ),
        # Records the cost after the update (of the next parameters) at i = 99, 199, ...
        "costs_recorded_late": (
            "def two_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000,\n"
            "                    print_cost=False):\n"
            "    costs = []\n"
            "    (n_x, n_h, n_y) = layers_dims\n"
            + _TWO_INIT
            + "    for i in range(num_iterations):\n"
            + _TWO_UNPACK + _TWO_FORWARD + _TWO_BACKWARD + _TWO_UPDATE
            + "        if (i + 1) % 100 == 0:\n"
            "            costs.append(cost)\n"
            "    return parameters, costs\n"
        ),
        # Copy-paste: the hidden layer is also taken back through the sigmoid.
        "hidden_layer_backward_with_sigmoid": _TWO.format(
            init=_TWO_INIT,
            body=_TWO_UNPACK + _TWO_FORWARD + _TWO_BACKWARD.replace(
                "cache1, 'relu'", "cache1, 'sigmoid'") + _TWO_UPDATE,
        ),
    },
    "L_layer_model": {
        # update_parameters returns a new dict, but the result is thrown away.
        "update_result_ignored": _DEEP.format(
            init=_DEEP_INIT,
            body=_DEEP_BODY.replace("        parameters = update_parameters(",
                                    "        update_parameters("),
            record=_RECORD,
        ),
        # Re-initializes inside the loop: every step starts again from the initial weights.
        "initializes_inside_loop": _DEEP.format(
            init="",
            body=_DEEP_INIT.replace("    ", "        ", 1) + _DEEP_BODY,
            record=_RECORD,
        ),
        # The two-layer initialization stretched to L layers (0.01 scale, first layers only).
        "small_random_initialization": _DEEP.format(
            init=(
                "    np.random.seed(3)\n"
                "    parameters = {}\n"
                "    for l in range(1, len(layers_dims)):\n"
                "        parameters['W' + str(l)] = np.random.randn(layers_dims[l], "
                "layers_dims[l - 1]) * 0.01\n"
                "        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))\n"
            ),
            body=_DEEP_BODY,
            record=_RECORD,
        ),
        "learning_rate_hard_coded": _DEEP.format(
            init=_DEEP_INIT,
            body=_DEEP_BODY.replace("grads, learning_rate)", "grads, 0.0075)"),
            record=_RECORD,
        ),
        # Records the cost at every iteration.
        "cost_every_iteration": _DEEP.format(
            init=_DEEP_INIT,
            body=_DEEP_BODY,
            record="        costs.append(cost)\n",
        ),
        # One iteration short.
        "one_iteration_short": _DEEP.format(
            init=_DEEP_INIT,
            body=_DEEP_BODY,
            record=_RECORD,
        ).replace("for i in range(num_iterations):", "for i in range(num_iterations - 1):"),
        # Uses the notebook's training data instead of the arguments.
        "uses_global_data": _DEEP.format(
            init=_DEEP_INIT,
            body=_DEEP_BODY.replace("L_model_forward(X, parameters)",
                                    "L_model_forward(X_small, parameters)")
            .replace("compute_cost(AL, Y)", "compute_cost(AL, Y_small)")
            .replace("L_model_backward(AL, Y, caches)", "L_model_backward(AL, Y_small, caches)"),
            record=_RECORD,
        ),
    },
    "count_parameters": {
        # Counts the weights and forgets the biases.
        "weights_only": (
            "def count_parameters(layers_dims):\n"
            "    return sum(layers_dims[l] * layers_dims[l - 1]\n"
            "               for l in range(1, len(layers_dims)))\n"
        ),
        # Gives the input layer a bias vector too.
        "input_layer_bias": (
            "def count_parameters(layers_dims):\n"
            "    n = sum(layers_dims[l] * layers_dims[l - 1]\n"
            "            for l in range(1, len(layers_dims)))\n"
            "    return n + sum(layers_dims)\n"
        ),
        # Stops the loop one layer early (range(1, L) with L = len(layers_dims) - 1).
        "output_layer_left_out": (
            "def count_parameters(layers_dims):\n"
            "    L = len(layers_dims) - 1\n"
            "    return sum(layers_dims[l] * layers_dims[l - 1] + layers_dims[l]\n"
            "               for l in range(1, L))\n"
        ),
        # Adds the sizes where they should be multiplied.
        "sizes_added": (
            "def count_parameters(layers_dims):\n"
            "    return sum(layers_dims[l] + layers_dims[l - 1] + layers_dims[l]\n"
            "               for l in range(1, len(layers_dims)))\n"
        ),
        # Returns a float (np.prod of floats, or a division somewhere).
        "returns_float": (
            "def count_parameters(layers_dims):\n"
            "    return float(sum(layers_dims[l] * layers_dims[l - 1] + layers_dims[l]\n"
            "                     for l in range(1, len(layers_dims))))\n"
        ),
    },
}

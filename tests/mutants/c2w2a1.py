"""Planted wrong answers for c2w2a1 (optimization methods).

Each code string is executed in the namespace of the reference notebook after it ran; it
redefines one graded function the way a learner might get it wrong. The test cell
``test_<name>`` must fail on every one of them.
"""

# ---------------------------------------------------------------------------------------------
# Templates: the reference code with named holes; each mutant fills one hole wrongly.

_GD = """\
def update_parameters_with_gd(parameters, grads, learning_rate):
    L = len(parameters) // 2
    for l in range({first}, {last}):
        parameters[f"W{{l}}"] = {W}
        parameters[f"b{{l}}"] = {b}
    return parameters
"""
_GD_RIGHT = dict(
    first="1",
    last="L + 1",
    W='parameters[f"W{l}"] - learning_rate * grads[f"dW{l}"]',
    b='parameters[f"b{l}"] - learning_rate * grads[f"db{l}"]',
)

_MB = """\
def random_mini_batches(X, Y, mini_batch_size=64, seed=0):
    np.random.seed({seed})
    m = X.shape[1]
    mini_batches = []
    permutation = list(np.random.permutation(m))
    shuffled_X = {shuffled_X}
    shuffled_Y = {shuffled_Y}
    size = {size}
    num_complete_minibatches = math.floor(m / size)
    for k in range(num_complete_minibatches):
        mini_batch_X = shuffled_X[:, {start}:{end}]
        mini_batch_Y = shuffled_Y[:, {start}:{end}]
        mini_batches.append((mini_batch_X, mini_batch_Y))
    if {last_condition}:
        mini_batch_X = shuffled_X[:, {last_start}:{last_end}]
        mini_batch_Y = shuffled_Y[:, {last_start}:{last_end}]
        mini_batches.append((mini_batch_X, mini_batch_Y))
    return mini_batches
"""
_MB_RIGHT = dict(
    seed="seed",
    shuffled_X="X[:, permutation]",
    shuffled_Y="Y[:, permutation].reshape((1, m))",
    size="mini_batch_size",
    start="k * size",
    end="(k + 1) * size",
    last_condition="m % size != 0",
    last_start="num_complete_minibatches * size",
    last_end="",
)

_INIT_V = """\
def initialize_velocity(parameters):
    L = len(parameters) // 2
    v = {{}}
    for l in range(1, {last}):
        v[{kW}] = {W}
        v[{kb}] = {b}
    return v
"""
_INIT_V_RIGHT = dict(
    last="L + 1",
    kW='f"dW{l}"',
    kb='f"db{l}"',
    W='np.zeros(parameters[f"W{l}"].shape)',
    b='np.zeros(parameters[f"b{l}"].shape)',
)

_MOM = """\
def update_parameters_with_momentum(parameters, grads, v, beta, learning_rate):
    L = len(parameters) // 2
    for l in range(1, L + 1):
        for p in {which}:
            key = f"d{{p}}{{l}}"
            {body}
    return parameters, v
"""
_MOM_RIGHT_BODY = (
    "v[key] = beta * v[key] + (1 - beta) * grads[key]\n"
    "            parameters[f'{p}{l}'] = parameters[f'{p}{l}'] - learning_rate * v[key]"
)

_INIT_ADAM = """\
def initialize_adam(parameters):
    L = len(parameters) // 2
    v = {{}}
    s = {{}}
    for l in range(1, {last}):
        for p in ("W", "b"):
            v[f"d{{p}}{{l}}"] = np.zeros(parameters[f"{{p}}{{l}}"].shape)
            s[f"d{{p}}{{l}}"] = {s_entry}
    return {returned}
"""
_INIT_ADAM_RIGHT = dict(
    last="L + 1",
    s_entry='np.zeros(parameters[f"{p}{l}"].shape)',
    returned="v, s",
)

_ADAM = """\
def update_parameters_with_adam(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9,
                                beta2=0.999, epsilon=1e-8):
    L = len(parameters) // 2
    v_corrected = {{}}
    s_corrected = {{}}
    for l in range(1, L + 1):
        for p in ("W", "b"):
            key = f"d{{p}}{{l}}"
            v[key] = {v_new}
            v_corrected[key] = {vc}
            s[key] = {s_new}
            s_corrected[key] = {sc}
            {store}
            parameters[f"{{p}}{{l}}"] = parameters[f"{{p}}{{l}}"] - learning_rate * {step}
    return parameters, v, s, v_corrected, s_corrected
"""
_ADAM_RIGHT = dict(
    v_new="beta1 * v[key] + (1 - beta1) * grads[key]",
    vc="v[key] / (1 - beta1 ** t)",
    s_new="beta2 * s[key] + (1 - beta2) * grads[key] ** 2",
    sc="s[key] / (1 - beta2 ** t)",
    store="pass",
    step="v_corrected[key] / (np.sqrt(s_corrected[key]) + epsilon)",
)


def _fill(template, right, **changes):
    return template.format(**{**right, **changes})


def _mom(body=_MOM_RIGHT_BODY, which='("W", "b")'):
    return _MOM.format(body=body, which=which)


_BC = """\
def bias_correction(beta, t):
    return {expr}
"""

_LR = """\
def update_lr(learning_rate0, epoch_num, decay_rate):
    return {expr}
"""
_SLR = """\
def schedule_lr_decay(learning_rate0, epoch_num, decay_rate, time_interval=1000):
    return {expr}
"""


MUTANTS = {
    "update_parameters_with_gd": {
        "plus_instead_of_minus": _fill(
            _GD, _GD_RIGHT,
            W='parameters[f"W{l}"] + learning_rate * grads[f"dW{l}"]',
            b='parameters[f"b{l}"] + learning_rate * grads[f"db{l}"]',
        ),
        "forgets_the_learning_rate": _fill(
            _GD, _GD_RIGHT,
            W='parameters[f"W{l}"] - grads[f"dW{l}"]',
            b='parameters[f"b{l}"] - grads[f"db{l}"]',
        ),
        "skips_the_last_layer": _fill(_GD, _GD_RIGHT, last="L"),
        "forgets_b": _fill(_GD, _GD_RIGHT, b='parameters[f"b{l}"]'),
        # Copy-paste: the weights move with the gradient of the bias (it broadcasts).
        "W_with_db": _fill(
            _GD, _GD_RIGHT, W='parameters[f"W{l}"] - learning_rate * grads[f"db{l}"]'
        ),
    },
    "random_mini_batches": {
        "no_shuffle": _fill(_MB, _MB_RIGHT, shuffled_X="X", shuffled_Y="Y"),
        "labels_not_shuffled": _fill(_MB, _MB_RIGHT, shuffled_Y="Y"),
        # A second permutation for Y: examples and labels no longer match.
        "separate_permutation_for_Y": _fill(
            _MB, _MB_RIGHT, shuffled_Y="Y[:, np.random.permutation(m)]"
        ),
        "drops_the_last_partial_batch": _fill(_MB, _MB_RIGHT, last_condition="False"),
        # Always appends a last mini-batch, an empty one when mini_batch_size divides m.
        "always_appends_a_last_batch": _fill(_MB, _MB_RIGHT, last_condition="True"),
        # The last mini-batch loses the last example.
        "last_batch_stops_one_early": _fill(_MB, _MB_RIGHT, last_end="m - 1"),
        # Mini-batches of mini_batch_size - 1 examples.
        "off_by_one_batch_end": _fill(_MB, _MB_RIGHT, end="(k + 1) * size - 1"),
        # Consecutive mini-batches start one size apart but overlap by one example.
        "overlapping_batches": _fill(
            _MB, _MB_RIGHT, start="k * (size - 1)", end="k * (size - 1) + size"
        ),
        "hard_coded_size_64": _fill(_MB, _MB_RIGHT, size="64"),
        "ignores_the_seed": _fill(_MB, _MB_RIGHT, seed="0"),
    },
    "initialize_velocity": {
        "keys_without_d": _fill(_INIT_V, _INIT_V_RIGHT, kW='f"W{l}"', kb='f"b{l}"'),
        "copies_the_parameters": _fill(
            _INIT_V, _INIT_V_RIGHT, W='parameters[f"W{l}"].copy()',
            b='parameters[f"b{l}"].copy()',
        ),
        "skips_the_last_layer": _fill(_INIT_V, _INIT_V_RIGHT, last="L"),
        "bias_velocity_is_a_number": _fill(_INIT_V, _INIT_V_RIGHT, b="0.0"),
        "transposed_shape": _fill(
            _INIT_V, _INIT_V_RIGHT, W='np.zeros(parameters[f"W{l}"].T.shape)'
        ),
        # One zero per unit instead of one per weight.
        "one_column_of_zeros": _fill(
            _INIT_V, _INIT_V_RIGHT, W='np.zeros((parameters[f"W{l}"].shape[0], 1))'
        ),
    },
    "update_parameters_with_momentum": {
        "forgets_one_minus_beta": _mom(
            "v[key] = beta * v[key] + grads[key]\n"
            "            parameters[f'{p}{l}'] = parameters[f'{p}{l}'] - learning_rate * v[key]"
        ),
        "beta_on_the_wrong_term": _mom(
            "v[key] = (1 - beta) * v[key] + beta * grads[key]\n"
            "            parameters[f'{p}{l}'] = parameters[f'{p}{l}'] - learning_rate * v[key]"
        ),
        "updates_with_the_gradient": _mom(
            "v[key] = beta * v[key] + (1 - beta) * grads[key]\n"
            "            parameters[f'{p}{l}'] = parameters[f'{p}{l}'] - learning_rate * "
            "grads[key]"
        ),
        # Moves the parameters with the old velocity, then updates it.
        "uses_the_old_velocity": _mom(
            "parameters[f'{p}{l}'] = parameters[f'{p}{l}'] - learning_rate * v[key]\n"
            "            v[key] = beta * v[key] + (1 - beta) * grads[key]"
        ),
        "forgets_b": _mom(which='("W",)'),
        # Computes the new velocity but returns the old one.
        "velocity_not_stored": _mom(
            "velocity = beta * v[key] + (1 - beta) * grads[key]\n"
            "            parameters[f'{p}{l}'] = parameters[f'{p}{l}'] - learning_rate * velocity"
        ),
    },
    "bias_correction": {
        # The power on 1 - beta instead of on beta.
        "power_on_one_minus_beta": _BC.format(expr="(1 - beta) ** t"),
        # Off by one in the power (counting the steps from 0).
        "power_t_minus_one": _BC.format(expr="1 - beta ** (t - 1)"),
        "power_t_plus_one": _BC.format(expr="1 - beta ** (t + 1)"),
        # The share of the starting value v_0 instead of that of the gradients.
        "beta_to_the_t": _BC.format(expr="beta ** t"),
        # The geometric sum of the powers of beta, without the factor (1 - beta).
        "sum_without_one_minus_beta": _BC.format(expr="(1 - beta ** t) / (1 - beta)"),
        # A loop that adds the weights with the power counted the wrong way round.
        "loop_wrong_weights": (
            "def bias_correction(beta, t):\n"
            "    return sum((1 - beta) * beta ** k for k in range(1, t + 1))\n"
        ),
    },
    "valley_max_learning_rate": {
        # 1 - 20 alpha > 0 instead of > -1: no overshoot at all.
        "no_overshoot_allowed": "valley_max_learning_rate = 1 / 20\n",
        # The limit of the gentle direction W1.
        "gentle_direction": "valley_max_learning_rate = 2 / 0.5\n",
        # The coefficient 10 of J (0.5 * 20) taken for the steepness.
        "coefficient_of_J": "valley_max_learning_rate = 2 / 10\n",
        # The learning rate of the demo.
        "demo_learning_rate": "valley_max_learning_rate = 0.09\n",
        # "Learning rates above 1 are too large."
        "one": "valley_max_learning_rate = 1.0\n",
    },
    "initialize_adam": {
        # v and s are the same dictionary.
        "s_is_v": _fill(_INIT_ADAM, _INIT_ADAM_RIGHT, returned="v, v"),
        # s holds the very same arrays as v.
        "s_shares_arrays_with_v": _fill(
            _INIT_ADAM, _INIT_ADAM_RIGHT, s_entry='v[f"d{p}{l}"]'
        ),
        "skips_the_last_layer": _fill(_INIT_ADAM, _INIT_ADAM_RIGHT, last="L"),
        "s_starts_at_one": _fill(
            _INIT_ADAM, _INIT_ADAM_RIGHT, s_entry='np.ones(parameters[f"{p}{l}"].shape)'
        ),
        "returns_one_dictionary": _fill(_INIT_ADAM, _INIT_ADAM_RIGHT, returned="{**v}"),
    },
    "update_parameters_with_adam": {
        "no_bias_correction": _fill(_ADAM, _ADAM_RIGHT, vc="v[key]", sc="s[key]"),
        "epsilon_inside_the_sqrt": _fill(
            _ADAM, _ADAM_RIGHT, step="v_corrected[key] / np.sqrt(s_corrected[key] + epsilon)"
        ),
        "gradient_not_squared": _fill(
            _ADAM, _ADAM_RIGHT, s_new="beta2 * s[key] + (1 - beta2) * grads[key]"
        ),
        # (1 - beta1) ** t instead of 1 - beta1 ** t.
        "power_on_one_minus_beta": _fill(
            _ADAM, _ADAM_RIGHT, vc="v[key] / (1 - beta1) ** t", sc="s[key] / (1 - beta2) ** t"
        ),
        "s_corrected_with_beta1": _fill(_ADAM, _ADAM_RIGHT, sc="s[key] / (1 - beta1 ** t)"),
        "step_with_uncorrected_averages": _fill(
            _ADAM, _ADAM_RIGHT, step="v[key] / (np.sqrt(s[key]) + epsilon)"
        ),
        "bias_correction_ignores_t": _fill(
            _ADAM, _ADAM_RIGHT, vc="v[key] / (1 - beta1)", sc="s[key] / (1 - beta2)"
        ),
        "forgets_the_sqrt": _fill(
            _ADAM, _ADAM_RIGHT, step="v_corrected[key] / (s_corrected[key] + epsilon)"
        ),
        # Stores the corrected averages back into v and s.
        "stores_the_corrected_averages": _fill(
            _ADAM, _ADAM_RIGHT, store="v[key] = v_corrected[key]; s[key] = s_corrected[key]"
        ),
        # Both averages with beta1.
        "s_with_beta1": _fill(
            _ADAM, _ADAM_RIGHT, s_new="beta1 * s[key] + (1 - beta1) * grads[key] ** 2"
        ),
    },
    "update_lr": {
        "multiplies": _LR.format(expr="learning_rate0 * (1 + decay_rate * epoch_num)"),
        "forgets_the_one": _LR.format(expr="learning_rate0 / (decay_rate * epoch_num)"),
        "precedence": _LR.format(expr="learning_rate0 / 1 + decay_rate * epoch_num"),
        "exponential_decay": _LR.format(expr="learning_rate0 * decay_rate ** epoch_num"),
        "counts_from_one": _LR.format(expr="learning_rate0 / (1 + decay_rate * (epoch_num + 1))"),
    },
    "schedule_lr_decay": {
        "no_floor": _SLR.format(
            expr="learning_rate0 / (1 + decay_rate * (epoch_num / time_interval))"
        ),
        "rounds_instead_of_floor": _SLR.format(
            expr="learning_rate0 / (1 + decay_rate * round(epoch_num / time_interval))"
        ),
        "ceil_instead_of_floor": _SLR.format(
            expr="learning_rate0 / (1 + decay_rate * math.ceil(epoch_num / time_interval))"
        ),
        "ignores_time_interval": _SLR.format(
            expr="learning_rate0 / (1 + decay_rate * (epoch_num // 1000))"
        ),
        # Decays at every epoch (the formula of update_lr).
        "decays_every_epoch": _SLR.format(expr="learning_rate0 / (1 + decay_rate * epoch_num)"),
    },
}

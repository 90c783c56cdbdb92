"""Planted wrong answers for c2w1a3 (gradient checking).

Each code string is executed in the namespace of the reference notebook after it ran; it
redefines one graded function the way a learner might get it wrong. The test cell
``test_<name>`` must fail on every one of them.
"""

# ---------------------------------------------------------------------------------------------
# gradient_check: the reference body, with one piece swapped for a mistake.

_GC = """\
def gradient_check(x, theta, epsilon=1e-7, print_msg=False):
    theta_plus = {theta_plus}
    theta_minus = {theta_minus}
    J_plus = forward_propagation(x, theta_plus)
    J_minus = {J_minus}
    gradapprox = {gradapprox}
    grad = {grad}
    numerator = {numerator}
    denominator = {denominator}
    difference = {difference}
    return difference
"""

_GC_RIGHT = dict(
    theta_plus="theta + epsilon",
    theta_minus="theta - epsilon",
    J_minus="forward_propagation(x, theta_minus)",
    gradapprox="(J_plus - J_minus) / (2 * epsilon)",
    grad="backward_propagation(x, theta)",
    numerator="np.linalg.norm(grad - gradapprox)",
    denominator="np.linalg.norm(grad) + np.linalg.norm(gradapprox)",
    difference="numerator / denominator",
)


def _gc(**changes):
    return _GC.format(**{**_GC_RIGHT, **changes})


# ---------------------------------------------------------------------------------------------
# gradient_check_n: the reference body, with one piece swapped for a mistake.

_GCN = """\
def gradient_check_n(parameters, gradients, X, Y, epsilon=1e-7, print_msg=False):
    parameters_values, layout = dictionary_to_vector(parameters)
    grad = gradients_to_vector(gradients, layout)
    num_parameters = parameters_values.shape[0]
    J_plus = np.zeros((num_parameters, 1))
    J_minus = np.zeros((num_parameters, 1))
    gradapprox = np.zeros((num_parameters, 1))
{before_loop}
    for i in range({n_range}):
        theta_plus = {copy_plus}
        theta_plus[i] = theta_plus[i] + {eps}
        J_plus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(theta_plus, layout))
        theta_minus = {copy_minus}
        theta_minus[i] = theta_minus[i] - {eps}
        J_minus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(theta_minus, layout))
        gradapprox[i] = {gradapprox}
    numerator = {numerator}
    denominator = {denominator}
    difference = numerator / denominator
    return difference
"""

_GCN_RIGHT = dict(
    before_loop="",
    n_range="num_parameters",
    copy_plus="np.copy(parameters_values)",
    copy_minus="np.copy(parameters_values)",
    eps="epsilon",
    gradapprox="(J_plus[i] - J_minus[i]) / (2 * epsilon)",
    numerator="np.linalg.norm(grad - gradapprox)",
    denominator="np.linalg.norm(grad) + np.linalg.norm(gradapprox)",
)


def _gcn(**changes):
    return _GCN.format(**{**_GCN_RIGHT, **changes})


# ---------------------------------------------------------------------------------------------
# backward_propagation_n_fixed: the reference body, with one or both of the colleague's lines
# left in, or a wrong correction.

_BPN = """\
def backward_propagation_n_fixed(X, Y, cache):
    m = X.shape[1]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache
    dZ3 = A3 - Y
    dW3 = np.dot(dZ3, A2.T) / m
    db3 = np.sum(dZ3, axis=1, keepdims=True) / m
    dA2 = np.dot(W3.T, dZ3)
    dZ2 = dA2 * (A2 > 0)
    dW2 = np.dot(dZ2, A1.T) / m
    db2 = {db2}
    dA1 = np.dot(W2.T, dZ2)
    dZ1 = {dZ1}
    dW1 = np.dot(dZ1, X.T) / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {{"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2, "dZ2": dZ2, "dW2": dW2,
            "db2": db2, "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}}
"""

_BPN_RIGHT = dict(db2="np.sum(dZ2, axis=1, keepdims=True) / m", dZ1="dA1 * (A1 > 0)")


def _bpn(**changes):
    return _BPN.format(**{**_BPN_RIGHT, **changes})


MUTANTS = {
    "forward_propagation": {
        "adds_instead_of_multiplying": (
            "def forward_propagation(x, theta):\n"
            "    return theta + x\n"
        ),
        "forgets_theta": (
            "def forward_propagation(x, theta):\n"
            "    return x\n"
        ),
        "theta_to_the_power_x": (
            "def forward_propagation(x, theta):\n"
            "    return theta ** x\n"
        ),
        "squares_theta": (
            "def forward_propagation(x, theta):\n"
            "    return theta * theta * x\n"
        ),
    },
    "backward_propagation": {
        # Differentiates with respect to x instead of theta.
        "derivative_wrt_x": (
            "def backward_propagation(x, theta):\n"
            "    return theta\n"
        ),
        # Returns the cost instead of its derivative.
        "returns_the_cost": (
            "def backward_propagation(x, theta):\n"
            "    return theta * x\n"
        ),
        # "The derivative of theta is 1."
        "derivative_one": (
            "def backward_propagation(x, theta):\n"
            "    return 1.0\n"
        ),
        "wrong_sign": (
            "def backward_propagation(x, theta):\n"
            "    return -x\n"
        ),
    },
    "gradient_check": {
        "one_sided_difference": _gc(
            J_minus="forward_propagation(x, theta)",
            gradapprox="(J_plus - J_minus) / epsilon",
        ),
        # Two-sided, but divided by epsilon instead of 2 epsilon.
        "missing_the_2": _gc(gradapprox="(J_plus - J_minus) / epsilon"),
        # Precedence: (J_plus - J_minus) / 2 * epsilon.
        "divides_by_2_times_epsilon_precedence": _gc(
            gradapprox="(J_plus - J_minus) / 2 * epsilon"
        ),
        "no_denominator": _gc(difference="numerator"),
        "norm_of_the_sum_in_denominator": _gc(denominator="np.linalg.norm(grad + gradapprox)"),
        "signed_numerator": _gc(numerator="grad - gradapprox"),
        # Copy-paste: theta_minus also adds epsilon.
        "theta_minus_adds_epsilon": _gc(theta_minus="theta + epsilon"),
        # The backward pass evaluated at the shifted theta.
        "grad_at_theta_plus": _gc(grad="backward_propagation(x, theta_plus)"),
        # Ignores the epsilon argument.
        "hard_coded_epsilon": _gc(
            theta_plus="theta + 1e-7",
            theta_minus="theta - 1e-7",
            gradapprox="(J_plus - J_minus) / (2 * 1e-7)",
        ),
        # Retypes the formulas instead of calling forward_propagation / backward_propagation.
        "retyped_formulas": (
            "def gradient_check(x, theta, epsilon=1e-7, print_msg=False):\n"
            "    gradapprox = ((theta + epsilon) * x - (theta - epsilon) * x) / (2 * epsilon)\n"
            "    grad = x\n"
            "    numerator = np.linalg.norm(grad - gradapprox)\n"
            "    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)\n"
            "    return numerator / denominator\n"
        ),
    },
    "gradient_check_n": {
        "one_sided_difference": _gcn(
            copy_minus="np.copy(parameters_values); theta_minus[i] += epsilon",
            gradapprox="(J_plus[i] - J_minus[i]) / epsilon",
        ),
        "missing_the_2": _gcn(gradapprox="(J_plus[i] - J_minus[i]) / epsilon"),
        "reversed_difference": _gcn(gradapprox="(J_minus[i] - J_plus[i]) / (2 * epsilon)"),
        "norm_of_the_sum_in_denominator": _gcn(
            denominator="np.linalg.norm(grad + gradapprox)"
        ),
        "difference_of_norms": _gcn(
            numerator="np.linalg.norm(grad) - np.linalg.norm(gradapprox)"
        ),
        # No copy: theta_plus and theta_minus are the same array as parameters_values.
        "no_copy": _gcn(copy_plus="parameters_values", copy_minus="parameters_values"),
        # One copy before the loop: the shifts of earlier entries are never undone.
        "copies_once_before_the_loop": _gcn(
            before_loop=(
                "    shifted_up = np.copy(parameters_values)\n"
                "    shifted_down = np.copy(parameters_values)"
            ),
            copy_plus="shifted_up",
            copy_minus="shifted_down",
        ),
        "off_by_one_last_entry_skipped": _gcn(n_range="num_parameters - 1"),
        "hard_coded_epsilon": _gcn(
            eps="1e-7", gradapprox="(J_plus[i] - J_minus[i]) / (2 * 1e-7)"
        ),
        # Forgets the norms: sums the differences instead.
        "sum_instead_of_norm": _gcn(
            numerator="np.abs(np.sum(grad - gradapprox))",
            denominator="np.abs(np.sum(grad)) + np.abs(np.sum(gradapprox))",
        ),
    },
    "relative_difference_if_scaled": {
        # The norms forgotten: a signed difference, negative for c < 1.
        "no_absolute_values": (
            "def relative_difference_if_scaled(c):\n"
            "    return (c - 1) / (c + 1)\n"
        ),
        # |c g| + |g| simplified to (c + 1)|g|: wrong for negative c.
        "c_without_absolute_value": (
            "def relative_difference_if_scaled(c):\n"
            "    return abs(c - 1) / (c + 1)\n"
        ),
        # The norm of the sum in the denominator.
        "norm_of_the_sum": (
            "def relative_difference_if_scaled(c):\n"
            "    return abs(c - 1) / abs(c + 1)\n"
        ),
        # The numerator alone: not relative.
        "numerator_only": (
            "def relative_difference_if_scaled(c):\n"
            "    return abs(c - 1)\n"
        ),
        # Relative to grad alone.
        "divided_by_grad_only": (
            "def relative_difference_if_scaled(c):\n"
            "    return abs(c - 1) / abs(c)\n"
        ),
        # Relative to gradapprox alone (|g| with g = 1).
        "divided_by_gradapprox_only": (
            "def relative_difference_if_scaled(c):\n"
            "    return abs(c - 1) / 1.0\n"
        ),
    },
    "backward_propagation_n_fixed": {
        # The colleague's version, unchanged.
        "unchanged": _bpn(db2="np.sum(dZ2, axis=1, keepdims=True)", dZ1="dA1"),
        # Only the 1/m of db2 fixed.
        "only_db2_fixed": _bpn(dZ1="dA1"),
        # Only dZ1 fixed.
        "only_dZ1_fixed": _bpn(db2="np.sum(dZ2, axis=1, keepdims=True)"),
        # A mask that is always 1: A1 >= 0 holds everywhere after a ReLU.
        "relu_mask_always_true": _bpn(dZ1="dA1 * (A1 >= 0)"),
        # The activation instead of its derivative.
        "times_A1": _bpn(dZ1="dA1 * A1"),
        # The sigmoid's derivative instead of the ReLU's.
        "sigmoid_derivative": _bpn(dZ1="dA1 * A1 * (1 - A1)"),
        # db2 averaged over the units instead of the examples.
        "db2_mean_over_wrong_axis": _bpn(db2="np.mean(dZ2, axis=0, keepdims=True)"),
    },
}

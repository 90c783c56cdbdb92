"""Planted wrong implementations for c1w2a1 (Python basics with NumPy).

Each code string redefines one graded function the way a learner might get it wrong. It is
executed in the reference notebook's namespace (``np`` and ``math`` are available); the full
test cell of that function must then fail.
"""

_RIGHT_PREDICTIONS = {
    "A + row": (2, 3),
    "row + col": (2, 3),
    "col * v": (2, 3),
    "A + v": (2, 3),
    "A + w": "error",
    "A.T + w": (3, 2),
    "np.sum(A, axis=0)": (3,),
    "A / np.sum(A, axis=1)": "error",
    "A / np.sum(A, axis=1, keepdims=True)": (2, 3),
}


def _predictions(wrong):
    """The code of a broadcast_predictions cell with the entries of `wrong` replaced."""
    entries = {**_RIGHT_PREDICTIONS, **wrong}
    lines = [f"    {key!r}: {value!r}," for key, value in entries.items()]
    return "broadcast_predictions = {\n" + "\n".join(lines) + "\n}\n"


MUTANTS = {
    "basic_sigmoid": {
        "exp_sign_flipped": """
def basic_sigmoid(x):
    s = 1 / (1 + math.exp(x))
    return s
""",
        "operator_precedence": """
def basic_sigmoid(x):
    s = 1 / 1 + math.exp(-x)
    return s
""",
        "minus_in_denominator": """
def basic_sigmoid(x):
    s = 1 / (1 - math.exp(-x))
    return s
""",
        "tanh_instead_of_sigmoid": """
def basic_sigmoid(x):
    s = math.tanh(x)
    return s
""",
    },
    "sigmoid": {
        "exp_sign_flipped": """
def sigmoid(x):
    s = 1 / (1 + np.exp(x))
    return s
""",
        "math_exp_on_array": """
def sigmoid(x):
    s = 1 / (1 + math.exp(-x))
    return s
""",
        "loop_over_first_axis": """
def sigmoid(x):
    s = np.array([1 / (1 + math.exp(-v)) for v in x])
    return s
""",
        "negates_input_in_place": """
def sigmoid(x):
    x *= -1
    s = 1 / (1 + np.exp(x))
    return s
""",
        "floor_division": """
def sigmoid(x):
    s = 1 // (1 + np.exp(-x))
    return s
""",
    },
    "sigmoid_derivative": {
        "sigmoid_not_applied": """
def sigmoid_derivative(x):
    ds = x * (1 - x)
    return ds
""",
        "returns_sigmoid": """
def sigmoid_derivative(x):
    s = sigmoid(x)
    ds = s
    return ds
""",
        "plus_instead_of_minus": """
def sigmoid_derivative(x):
    s = sigmoid(x)
    ds = s * (1 + s)
    return ds
""",
        # The derivative of tanh (1 - tanh^2) carried over to the sigmoid.
        "tanh_derivative_form": """
def sigmoid_derivative(x):
    s = sigmoid(x)
    ds = 1 - s ** 2
    return ds
""",
        # A sign lost in the chain rule: d/dx e^(-x) taken as +e^(-x).
        "chain_rule_sign": """
def sigmoid_derivative(x):
    s = sigmoid(x)
    ds = -s * (1 - s)
    return ds
""",
        "denominator_not_squared": """
def sigmoid_derivative(x):
    ds = np.exp(-x) / (1 + np.exp(-x))
    return ds
""",
    },
    "image2vector": {
        "hard_coded_example_shape": """
def image2vector(image):
    v = image.reshape(3 * 3 * 2, 1)
    return v
""",
        "transposed_before_reshape": """
def image2vector(image):
    v = image.T.reshape(-1, 1)
    return v
""",
        "channels_first": """
def image2vector(image):
    v = np.transpose(image, (2, 0, 1)).reshape(-1, 1)
    return v
""",
        "depth_not_unrolled": """
def image2vector(image):
    v = image.reshape(image.shape[0] * image.shape[1], image.shape[2])
    return v
""",
        "row_vector": """
def image2vector(image):
    v = image.reshape(1, -1)
    return v
""",
        "rank_one_array": """
def image2vector(image):
    v = image.reshape(-1)
    return v
""",
    },
    "broadcast_predictions": {
        # Only one array stretched: the size-1 axis of the other one is forgotten.
        "one_side_stretched": _predictions({"row + col": (1, 3), "col * v": (2, 1)}),
        # Shapes lined up from the left.
        "lined_up_from_the_left": _predictions({"A + v": "error", "A + w": (2, 3),
                                                "A.T + w": "error"}),
        # A reduction keeps its axis without keepdims=True.
        "reduction_keeps_axis": _predictions({"np.sum(A, axis=0)": (1, 3),
                                              "A / np.sum(A, axis=1)": (2, 3)}),
        # axis=0 read as "the axis that remains".
        "axis_confusion": _predictions({"np.sum(A, axis=0)": (2,)}),
        # A one-entry tuple written without its comma: (3) is the number 3.
        "missing_comma": _predictions({"np.sum(A, axis=0)": 3}),
        # The exception's name instead of the agreed "error".
        "exception_name": _predictions({"A + w": "ValueError"}),
    },
    "normalize_rows": {
        "column_norms": """
def normalize_rows(x):
    x_norm = np.linalg.norm(x, axis=0, keepdims=True)
    x = x / x_norm
    return x
""",
        "keepdims_forgotten": """
def normalize_rows(x):
    x_norm = np.linalg.norm(x, axis=1)
    x = x / x_norm
    return x
""",
        "whole_matrix_norm": """
def normalize_rows(x):
    x_norm = np.linalg.norm(x)
    x = x / x_norm
    return x
""",
        "square_root_forgotten": """
def normalize_rows(x):
    x_norm = np.sum(x ** 2, axis=1, keepdims=True)
    x = x / x_norm
    return x
""",
        "divides_in_place": """
def normalize_rows(x):
    x_norm = np.linalg.norm(x, axis=1, keepdims=True)
    x /= x_norm
    return x
""",
    },
    "softmax": {
        "column_wise": """
def softmax(x):
    x_exp = np.exp(x - np.max(x, axis=0, keepdims=True))
    x_sum = np.sum(x_exp, axis=0, keepdims=True)
    s = x_exp / x_sum
    return s
""",
        "sum_over_whole_matrix": """
def softmax(x):
    x_exp = np.exp(x - np.max(x, axis=1, keepdims=True))
    x_sum = np.sum(x_exp)
    s = x_exp / x_sum
    return s
""",
        "sum_keepdims_forgotten": """
def softmax(x):
    x_exp = np.exp(x - np.max(x, axis=1, keepdims=True))
    x_sum = np.sum(x_exp, axis=1)
    s = x_exp / x_sum
    return s
""",
        "max_keepdims_forgotten": """
def softmax(x):
    x_exp = np.exp(x - np.max(x, axis=1))
    x_sum = np.sum(x_exp, axis=1, keepdims=True)
    s = x_exp / x_sum
    return s
""",
        "no_max_subtracted": """
def softmax(x):
    x_exp = np.exp(x)
    x_sum = np.sum(x_exp, axis=1, keepdims=True)
    s = x_exp / x_sum
    return s
""",
        "global_max_subtracted": """
def softmax(x):
    x_exp = np.exp(x - np.max(x))
    x_sum = np.sum(x_exp, axis=1, keepdims=True)
    s = x_exp / x_sum
    return s
""",
        "shifts_input_in_place": """
def softmax(x):
    x -= np.max(x, axis=1, keepdims=True)
    x_exp = np.exp(x)
    x_sum = np.sum(x_exp, axis=1, keepdims=True)
    s = x_exp / x_sum
    return s
""",
    },
    "L1": {
        "abs_forgotten": """
def L1(yhat, y):
    loss = np.sum(y - yhat)
    return loss
""",
        "sum_forgotten": """
def L1(yhat, y):
    loss = np.abs(y - yhat)
    return loss
""",
        "mean_instead_of_sum": """
def L1(yhat, y):
    loss = np.mean(np.abs(y - yhat))
    return loss
""",
        "squared_instead_of_abs": """
def L1(yhat, y):
    loss = np.sum((y - yhat) ** 2)
    return loss
""",
    },
    "L2": {
        "not_squared": """
def L2(yhat, y):
    loss = np.sum(np.abs(y - yhat))
    return loss
""",
        "square_root_taken": """
def L2(yhat, y):
    loss = np.sqrt(np.sum((y - yhat) ** 2))
    return loss
""",
        "square_of_the_sum": """
def L2(yhat, y):
    loss = np.sum(y - yhat) ** 2
    return loss
""",
        "mean_instead_of_sum": """
def L2(yhat, y):
    loss = np.mean((y - yhat) ** 2)
    return loss
""",
        "sum_forgotten": """
def L2(yhat, y):
    loss = (y - yhat) ** 2
    return loss
""",
    },
}

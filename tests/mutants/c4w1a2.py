"""Planted wrong answers for c4w1a2 (CNNs with the Keras Sequential and Functional APIs).

Each code string is executed in the namespace of the reference notebook after it ran; it
redefines one graded function the way a learner might get it wrong. The test cell
``test_<name>`` must fail on every one of them (and no other test cell).
"""

_SHAPES = (
    "def happy_model_shapes(input_shape=(64, 64, 3), pad=3, filters=32, f=7):\n"
    "    n_H, n_W, n_C = input_shape\n"
    "    n_H1, n_W1 = {padded}\n"
    "    n_H2, n_W2 = {conv}\n"
    "    n_H3, n_W3 = {pool}\n"
    "    n_flat = n_H3 * n_W3 * filters\n"
    "    return [\n"
    "        ('ZeroPadding2D', (None, n_H1, n_W1, n_C), 0),\n"
    "        ('Conv2D', (None, n_H2, n_W2, filters), {conv_params}),\n"
    "        ('BatchNormalization', (None, n_H2, n_W2, filters), {bn_params}),\n"
    "        ('ReLU', (None, n_H2, n_W2, filters), 0),\n"
    "        ('MaxPooling2D', (None, n_H3, n_W3, filters), 0),\n"
    "        ('Flatten', (None, n_flat), 0),\n"
    "        ('Dense', (None, 1), {dense_params}),\n"
    "    ]\n"
)
_SHAPES_OK = dict(
    padded="n_H + 2 * pad, n_W + 2 * pad",
    conv="n_H1 - f + 1, n_W1 - f + 1",
    pool="n_H2 // 2, n_W2 // 2",
    conv_params="f * f * n_C * filters + filters",
    bn_params="4 * filters",
    dense_params="n_flat + 1",
)


def _shapes(**changes):
    return _SHAPES.format(**{**_SHAPES_OK, **changes})


_HAPPY_LAYERS = [
    "tf.keras.Input(shape=(64, 64, 3))",
    "tfl.ZeroPadding2D(padding=3)",
    "tfl.Conv2D(32, 7, strides=1)",
    "tfl.BatchNormalization(axis=3)",
    "tfl.ReLU()",
    "tfl.MaxPooling2D()",
    "tfl.Flatten()",
    "tfl.Dense(1, activation='sigmoid')",
]


def _happy(replace=None, drop=None, insert=None):
    layers = list(_HAPPY_LAYERS)
    for index, text in (replace or {}).items():
        layers[index] = text
    if insert is not None:
        layers.insert(insert[0], insert[1])
    if drop is not None:
        del layers[drop]
    body = "".join(f"        {layer},\n" for layer in layers)
    return f"def happyModel():\n    return tf.keras.Sequential([\n{body}    ])\n"


_CONV = (
    "def convolutional_model(input_shape):\n"
    "    input_img = tf.keras.Input(shape={input})\n"
    "    Z1 = tfl.Conv2D(8, 4, strides=1, padding={pad1})(input_img)\n"
    "    A1 = tfl.ReLU()(Z1)\n"
    "    P1 = tfl.MaxPooling2D(pool_size=8, strides={s1}, padding={ppad1})(A1)\n"
    "    Z2 = tfl.Conv2D(16, {f2}, strides=1, padding='same')(P1)\n"
    "    A2 = {relu2}\n"
    "    P2 = tfl.MaxPooling2D(pool_size=4, strides=4, padding='same')(A2)\n"
    "    F = tfl.Flatten()(P2)\n"
    "{extra}"
    "    outputs = tfl.Dense(6{act})(F)\n"
    "    return tf.keras.Model(inputs=input_img, outputs=outputs)\n"
)
_CONV_OK = dict(input="input_shape", pad1="'same'", s1="8", ppad1="'same'", f2="2",
                relu2="tfl.ReLU()(Z2)", extra="", act=", activation='softmax'")


def _conv(**changes):
    return _CONV.format(**{**_CONV_OK, **changes})


MUTANTS = {
    "happy_model_shapes": {
        # n_H + 2p - f without the + 1: every size after the convolution is one too small.
        "conv_off_by_one": _shapes(conv="n_H1 - f, n_W1 - f"),
        # Counts the convolution's weights and forgets its biases.
        "conv_params_without_biases": _shapes(conv_params="f * f * n_C * filters"),
        # Forgets that a filter spans all input channels.
        "conv_params_without_input_channels": _shapes(conv_params="f * f * filters + filters"),
        # Counts only batch normalization's trainable gamma and beta.
        "batchnorm_trainable_only": _shapes(bn_params="2 * filters"),
        # True division in the pooling: 32.0 instead of 32.
        "pool_true_division": _shapes(pool="n_H2 / 2, n_W2 / 2"),
        # Rounds the pooled size up (only odd sizes tell).
        "pool_rounds_up": _shapes(pool="(n_H2 + 1) // 2, (n_W2 + 1) // 2"),
        # Pads one side only.
        "padding_counted_once": _shapes(padded="n_H + pad, n_W + pad"),
        # The Dense layer's bias forgotten.
        "dense_params_without_bias": _shapes(dense_params="n_flat"),
        # Copies the numbers of model.summary() for the default network.
        "hard_coded_default_network": (
            "def happy_model_shapes(input_shape=(64, 64, 3), pad=3, filters=32, f=7):\n"
            "    return [('ZeroPadding2D', (None, 70, 70, 3), 0),\n"
            "            ('Conv2D', (None, 64, 64, 32), 4736),\n"
            "            ('BatchNormalization', (None, 64, 64, 32), 128),\n"
            "            ('ReLU', (None, 64, 64, 32), 0),\n"
            "            ('MaxPooling2D', (None, 32, 32, 32), 0),\n"
            "            ('Flatten', (None, 32768), 0),\n"
            "            ('Dense', (None, 1), 32769)]\n"
        ),
    },
    "happyModel": {
        "missing_batchnorm": _happy(drop=3),
        "kernel_size_3": _happy(replace={2: "tfl.Conv2D(32, 3, strides=1)"}),
        "dense_without_sigmoid": _happy(replace={7: "tfl.Dense(1)"}),
        "output_relu_instead_of_sigmoid": _happy(replace={7: "tfl.Dense(1, activation='relu')"}),
        "batchnorm_on_axis_1": _happy(replace={3: "tfl.BatchNormalization(axis=1)"}),
        "extra_dense_layer": _happy(insert=(7, "tfl.Dense(16, activation='relu')")),
        "conv_padding_same": _happy(replace={2: "tfl.Conv2D(32, 7, strides=1, padding='same')"}),
        "pool_stride_1": _happy(replace={5: "tfl.MaxPooling2D(pool_size=2, strides=1)"}),
        "zero_padding_1": _happy(replace={1: "tfl.ZeroPadding2D(padding=1)"}),
        "missing_relu": _happy(drop=4),
        # A Functional model with the right layers: not what the exercise asks.
        "functional_not_sequential": (
            "def happyModel():\n"
            "    x = inp = tf.keras.Input(shape=(64, 64, 3))\n"
            "    for layer in [tfl.ZeroPadding2D(3), tfl.Conv2D(32, 7),\n"
            "                  tfl.BatchNormalization(3), tfl.ReLU(), tfl.MaxPooling2D(),\n"
            "                  tfl.Flatten(),\n"
            "                  tfl.Dense(1, activation='sigmoid')]:\n"
            "        x = layer(x)\n"
            "    return tf.keras.Model(inp, x)\n"
        ),
    },
    "convolutional_model": {
        # "valid" pooling: the same shapes for a 64 x 64 input, not for others.
        "first_pool_padding_valid": _conv(ppad1="'valid'"),
        "conv_padding_valid": _conv(pad1="'valid'"),
        "first_pool_stride_4": _conv(s1="4"),
        "dense_without_softmax": _conv(act=""),
        "output_sigmoid": _conv(act=", activation='sigmoid'"),
        "missing_second_relu": _conv(relu2="Z2"),
        "second_conv_kernel_4": _conv(f2="4"),
        "extra_dense_layer": _conv(extra="    F = tfl.Dense(32, activation='relu')(F)\n"),
        # Ignores the argument: right for (64, 64, 3) only.
        "hard_coded_input_shape": _conv(input="(64, 64, 3)"),
        # Builds a Sequential model with the right layers.
        "sequential_not_functional": (
            "def convolutional_model(input_shape):\n"
            "    return tf.keras.Sequential([\n"
            "        tf.keras.Input(shape=input_shape),\n"
            "        tfl.Conv2D(8, 4, padding='same'), tfl.ReLU(),\n"
            "        tfl.MaxPooling2D(8, strides=8, padding='same'),\n"
            "        tfl.Conv2D(16, 2, padding='same'), tfl.ReLU(),\n"
            "        tfl.MaxPooling2D(4, strides=4, padding='same'),\n"
            "        tfl.Flatten(), tfl.Dense(6, activation='softmax')])\n"
        ),
    },
}

_SIX_SHAPES = (
    "def conv_model_shapes(input_shape=(64, 64, 3)):\n"
    "    n_H, n_W, n_C = input_shape\n"
    "    n_H1, n_W1 = {conv1}\n"
    "    n_H2, n_W2 = {pool1}\n"
    "    n_H3, n_W3 = {conv2}\n"
    "    n_H5, n_W5 = {pool2}\n"
    "    n_flat = n_H5 * n_W5 * 16\n"
    "    return [\n"
    "        ('Conv2D', (None, n_H1, n_W1, 8), {conv1_params}),\n"
    "        ('ReLU', (None, n_H1, n_W1, 8), 0),\n"
    "        ('MaxPooling2D', (None, n_H2, n_W2, 8), 0),\n"
    "        ('Conv2D', (None, n_H3, n_W3, 16), {conv2_params}),\n"
    "        ('ReLU', (None, n_H3, n_W3, 16), 0),\n"
    "        ('MaxPooling2D', (None, n_H5, n_W5, 16), 0),\n"
    "        ('Flatten', (None, n_flat), 0),\n"
    "        ('Dense', (None, 6), n_flat * 6 + 6),\n"
    "    ]\n"
)
_SIX_SHAPES_OK = dict(
    conv1="n_H, n_W",
    pool1="math.ceil(n_H1 / 8), math.ceil(n_W1 / 8)",
    conv2="n_H2, n_W2",
    pool2="math.ceil(n_H3 / 4), math.ceil(n_W3 / 4)",
    conv1_params="4 * 4 * n_C * 8 + 8",
    conv2_params="2 * 2 * 8 * 16 + 16",
)


def _six_shapes(**changes):
    return "import math\n" + _SIX_SHAPES.format(**{**_SIX_SHAPES_OK, **changes})


MUTANTS["conv_model_shapes"] = {
    # Counts the convolutions' weights and forgets their biases.
    "conv_params_without_biases": _six_shapes(conv1_params="4 * 4 * n_C * 8",
                                              conv2_params="2 * 2 * 8 * 16"),
    # The lectures' formula with p = 0 ("valid") for every layer, although all pad with "same".
    "valid_padding_sizes": _six_shapes(
        conv1="n_H - 4 + 1, n_W - 4 + 1",
        pool1="(n_H1 - 8) // 8 + 1, (n_W1 - 8) // 8 + 1",
        conv2="n_H2 - 2 + 1, n_W2 - 2 + 1",
        pool2="(n_H3 - 4) // 4 + 1, (n_W3 - 4) // 4 + 1"),
    # "same" pooling taken to keep the size, as it does with stride 1: the strides forgotten.
    "pool_stride_1": _six_shapes(pool1="n_H1, n_W1", pool2="n_H3, n_W3"),
}

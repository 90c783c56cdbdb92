"""Planted wrong answers for c4w1a1 (convolution, step by step).

Each code string is executed in the namespace of the reference notebook after it ran; it
redefines one graded function (or graded answer) the way a learner might get it wrong. The test
cell ``test_<name>`` must fail on every one of them.

Most mutants are the reference code with one or two lines changed: ``_m(base, (old, new), ...)``
applies the replacements and insists that each ``old`` occurs in ``base``, so a mutant cannot
silently stop being one when the reference changes.
"""


def _m(base: str, *changes: tuple[str, str]) -> str:
    for old, new in changes:
        if old not in base:
            raise ValueError(f"mutant replacement not found: {old!r}")
        base = base.replace(old, new)
    return base


_ZERO_PAD = (
    "def zero_pad(X, pad):\n"
    "    X_pad = np.pad(X, ((0, 0), (pad, pad), (pad, pad), (0, 0)), mode='constant',\n"
    "                   constant_values=0)\n"
    "    return X_pad\n"
)

_SINGLE = (
    "def conv_single_step(a_slice_prev, W, b):\n"
    "    s = a_slice_prev * W\n"
    "    Z = np.sum(s)\n"
    "    Z = Z + b.item()\n"
    "    return Z\n"
)

_CONV = (
    "def conv_forward(A_prev, W, b, hparameters):\n"
    "    (m, n_H_prev, n_W_prev, n_C_prev) = A_prev.shape\n"
    "    (f, f, n_C_prev, n_C) = W.shape\n"
    "    stride = hparameters['stride']\n"
    "    pad = hparameters['pad']\n"
    "    n_H = (n_H_prev + 2 * pad - f) // stride + 1\n"
    "    n_W = (n_W_prev + 2 * pad - f) // stride + 1\n"
    "    Z = np.zeros((m, n_H, n_W, n_C))\n"
    "    A_prev_pad = zero_pad(A_prev, pad)\n"
    "    for i in range(m):\n"
    "        a_prev_pad = A_prev_pad[i]\n"
    "        for h in range(n_H):\n"
    "            vert_start = h * stride\n"
    "            vert_end = vert_start + f\n"
    "            for w in range(n_W):\n"
    "                horiz_start = w * stride\n"
    "                horiz_end = horiz_start + f\n"
    "                a_slice_prev = a_prev_pad[vert_start:vert_end, horiz_start:horiz_end, :]\n"
    "                for c in range(n_C):\n"
    "                    Z[i, h, w, c] = conv_single_step(a_slice_prev, W[:, :, :, c],\n"
    "                                                     b[:, :, :, c])\n"
    "    cache = (A_prev, W, b, hparameters)\n"
    "    return Z, cache\n"
)

_POOL = (
    "def pool_forward(A_prev, hparameters, mode='max'):\n"
    "    (m, n_H_prev, n_W_prev, n_C_prev) = A_prev.shape\n"
    "    f = hparameters['f']\n"
    "    stride = hparameters['stride']\n"
    "    n_H = (n_H_prev - f) // stride + 1\n"
    "    n_W = (n_W_prev - f) // stride + 1\n"
    "    n_C = n_C_prev\n"
    "    A = np.zeros((m, n_H, n_W, n_C))\n"
    "    for i in range(m):\n"
    "        for h in range(n_H):\n"
    "            vert_start = h * stride\n"
    "            vert_end = vert_start + f\n"
    "            for w in range(n_W):\n"
    "                horiz_start = w * stride\n"
    "                horiz_end = horiz_start + f\n"
    "                for c in range(n_C):\n"
    "                    a_prev_slice = A_prev[i, vert_start:vert_end, horiz_start:horiz_end, c]\n"
    "                    if mode == 'max':\n"
    "                        A[i, h, w, c] = np.max(a_prev_slice)\n"
    "                    elif mode == 'average':\n"
    "                        A[i, h, w, c] = np.mean(a_prev_slice)\n"
    "    cache = (A_prev, hparameters)\n"
    "    return A, cache\n"
)

_PREDICTIONS = (
    "pad_same = 2\n"
    "shape_conv1 = (64, 48, 8)\n"
    "shape_pool1 = (31, 23, 8)\n"
    "shape_conv2 = (16, 12, 16)\n"
    "params_conv2 = 3 * 3 * 8 * 16 + 16\n"
    "n_single_steps = 10 * 16 * 12 * 16\n"
)

_CONV_BACK = (
    "def conv_backward(dZ, cache):\n"
    "    (A_prev, W, b, hparameters) = cache\n"
    "    (m, n_H_prev, n_W_prev, n_C_prev) = A_prev.shape\n"
    "    (f, f, n_C_prev, n_C) = W.shape\n"
    "    stride = hparameters['stride']\n"
    "    pad = hparameters['pad']\n"
    "    (m, n_H, n_W, n_C) = dZ.shape\n"
    "    dA_prev = np.zeros(A_prev.shape)\n"
    "    dW = np.zeros(W.shape)\n"
    "    db = np.zeros(b.shape)\n"
    "    A_prev_pad = zero_pad(A_prev, pad)\n"
    "    dA_prev_pad = zero_pad(dA_prev, pad)\n"
    "    for i in range(m):\n"
    "        a_prev_pad = A_prev_pad[i]\n"
    "        da_prev_pad = dA_prev_pad[i]\n"
    "        for h in range(n_H):\n"
    "            vert_start = h * stride\n"
    "            vert_end = vert_start + f\n"
    "            for w in range(n_W):\n"
    "                horiz_start = w * stride\n"
    "                horiz_end = horiz_start + f\n"
    "                a_slice = a_prev_pad[vert_start:vert_end, horiz_start:horiz_end, :]\n"
    "                for c in range(n_C):\n"
    "                    da_prev_pad[vert_start:vert_end, horiz_start:horiz_end, :] += (\n"
    "                        W[:, :, :, c] * dZ[i, h, w, c])\n"
    "                    dW[:, :, :, c] += a_slice * dZ[i, h, w, c]\n"
    "                    db[:, :, :, c] += dZ[i, h, w, c]\n"
    "        dA_prev[i] = da_prev_pad[pad:pad + n_H_prev, pad:pad + n_W_prev, :]\n"
    "    return dA_prev, dW, db\n"
)

_MASK = (
    "def create_mask_from_window(x):\n"
    "    mask = np.zeros(x.shape, dtype=bool)\n"
    "    mask[np.unravel_index(np.argmax(x), x.shape)] = True\n"
    "    return mask\n"
)

_DISTRIBUTE = (
    "def distribute_value(dz, shape):\n"
    "    (n_H, n_W) = shape\n"
    "    average = dz / (n_H * n_W)\n"
    "    a = np.ones(shape) * average\n"
    "    return a\n"
)

_POOL_BACK = (
    "def pool_backward(dA, cache, mode='max'):\n"
    "    (A_prev, hparameters) = cache\n"
    "    stride = hparameters['stride']\n"
    "    f = hparameters['f']\n"
    "    (m, n_H, n_W, n_C) = dA.shape\n"
    "    dA_prev = np.zeros(A_prev.shape)\n"
    "    for i in range(m):\n"
    "        a_prev = A_prev[i]\n"
    "        for h in range(n_H):\n"
    "            vert_start = h * stride\n"
    "            vert_end = vert_start + f\n"
    "            for w in range(n_W):\n"
    "                horiz_start = w * stride\n"
    "                horiz_end = horiz_start + f\n"
    "                for c in range(n_C):\n"
    "                    da = dA[i, h, w, c]\n"
    "                    if mode == 'max':\n"
    "                        a_prev_slice = a_prev[vert_start:vert_end, horiz_start:horiz_end, c]\n"
    "                        mask = create_mask_from_window(a_prev_slice)\n"
    "                        dA_prev[i, vert_start:vert_end, horiz_start:horiz_end, c] += (\n"
    "                            mask * da)\n"
    "                    elif mode == 'average':\n"
    "                        dA_prev[i, vert_start:vert_end, horiz_start:horiz_end, c] += (\n"
    "                            distribute_value(da, (f, f)))\n"
    "    return dA_prev\n"
)

# The loop over the output positions that the notebook suggests (the reference loops over the
# positions inside the filter instead): the mutants of im2col start from the learner's version.
_IM2COL = (
    "def im2col(A_prev_pad, f, stride):\n"
    "    (m, n_H_pad, n_W_pad, n_C_prev) = A_prev_pad.shape\n"
    "    n_H = (n_H_pad - f) // stride + 1\n"
    "    n_W = (n_W_pad - f) // stride + 1\n"
    "    cols = np.zeros((m, n_H, n_W, f * f * n_C_prev))\n"
    "    for h in range(n_H):\n"
    "        for w in range(n_W):\n"
    "            vert_start = h * stride\n"
    "            horiz_start = w * stride\n"
    "            window = A_prev_pad[:, vert_start:vert_start + f,\n"
    "                                horiz_start:horiz_start + f, :]\n"
    "            cols[:, h, w, :] = window.reshape(m, -1)\n"
    "    return cols.reshape(m * n_H * n_W, f * f * n_C_prev)\n"
)

_FAST = (
    "def conv_forward_im2col(A_prev, W, b, hparameters):\n"
    "    (m, n_H_prev, n_W_prev, n_C_prev) = A_prev.shape\n"
    "    (f, f, n_C_prev, n_C) = W.shape\n"
    "    stride = hparameters['stride']\n"
    "    pad = hparameters['pad']\n"
    "    n_H = (n_H_prev + 2 * pad - f) // stride + 1\n"
    "    n_W = (n_W_prev + 2 * pad - f) // stride + 1\n"
    "    cols = im2col(zero_pad(A_prev, pad), f, stride)\n"
    "    W_col = W.reshape(f * f * n_C_prev, n_C)\n"
    "    Z = (cols @ W_col + b.reshape(1, n_C)).reshape(m, n_H, n_W, n_C)\n"
    "    cache = (A_prev, W, b, hparameters)\n"
    "    return Z, cache\n"
)

_PAD_LINE = "np.pad(X, ((0, 0), (pad, pad), (pad, pad), (0, 0)), mode='constant',"
_N_H = "    n_H = (n_H_prev + 2 * pad - f) // stride + 1\n"
_N_W = "    n_W = (n_W_prev + 2 * pad - f) // stride + 1\n"
_DA_UPDATE = ("                    da_prev_pad[vert_start:vert_end, horiz_start:horiz_end, :]"
              " += (\n"
              "                        W[:, :, :, c] * dZ[i, h, w, c])\n")

MUTANTS = {
    "zero_pad": {
        # np.pad with one number pads every axis: fake examples and fake channels.
        "all_four_axes": _m(_ZERO_PAD, (_PAD_LINE, "np.pad(X, pad, mode='constant',")),
        "batch_axis_padded": _m(_ZERO_PAD, (_PAD_LINE, "np.pad(X, ((pad, pad), (pad, pad), "
                                                       "(pad, pad), (0, 0)), mode='constant',")),
        "channel_axis_padded": _m(_ZERO_PAD, (_PAD_LINE, "np.pad(X, ((0, 0), (pad, pad), "
                                                         "(pad, pad), (pad, pad)), "
                                                         "mode='constant',")),
        "one_side_only": _m(_ZERO_PAD, (_PAD_LINE, "np.pad(X, ((0, 0), (pad, 0), (0, pad), "
                                                   "(0, 0)), mode='constant',")),
        "height_only": _m(_ZERO_PAD, (_PAD_LINE, "np.pad(X, ((0, 0), (pad, pad), (0, 0), "
                                                 "(0, 0)), mode='constant',")),
        # Repeats the border pixels instead of adding zeros.
        "edge_values": (
            "def zero_pad(X, pad):\n"
            "    return np.pad(X, ((0, 0), (pad, pad), (pad, pad), (0, 0)), mode='edge')\n"
        ),
    },
    "conv_single_step": {
        "bias_missing": _m(_SINGLE, ("    Z = Z + b.item()\n", "")),
        # Convolution in the mathematicians' sense: the filter flipped.
        "filter_flipped": _m(_SINGLE, ("a_slice_prev * W", "a_slice_prev * W[::-1, ::-1]")),
        "bias_added_to_every_product": _m(_SINGLE, ("a_slice_prev * W", "a_slice_prev * W + b"),
                                          ("    Z = Z + b.item()\n", "")),
        "mean_instead_of_sum": _m(_SINGLE, ("np.sum(s)", "np.mean(s)")),
        # Adds b as an array: the result has shape (1, 1, 1), not a number.
        "returns_an_array": _m(_SINGLE, ("Z + b.item()", "Z + b")),
        "sum_over_channels_only": _m(_SINGLE, ("np.sum(s)", "np.sum(s, axis=2)"),
                                     ("Z + b.item()", "Z + b")),
    },
    "conv_forward": {
        "filter_flipped": _m(_CONV, ("W[:, :, :, c],\n", "W[::-1, ::-1, :, c],\n")),
        "bias_missing": _m(_CONV, ("b[:, :, :, c])", "np.zeros((1, 1, 1)))")),
        "bias_of_first_filter": _m(_CONV, ("b[:, :, :, c])", "b[:, :, :, 0])")),
        # The output size rounded up instead of down: the last window runs off the picture.
        "no_floor_ceil": _m(_CONV, (_N_H, "    n_H = int(np.ceil((n_H_prev + 2 * pad - f) "
                                          "/ stride)) + 1\n"),
                            (_N_W, "    n_W = int(np.ceil((n_W_prev + 2 * pad - f) "
                                   "/ stride)) + 1\n")),
        "no_floor_float": _m(_CONV, (_N_H, "    n_H = (n_H_prev + 2 * pad - f) / stride + 1\n"),
                             (_N_W, "    n_W = (n_W_prev + 2 * pad - f) / stride + 1\n")),
        "pad_all_axes": _m(_CONV, ("zero_pad(A_prev, pad)", "np.pad(A_prev, pad)")),
        "pad_batch_axis": _m(_CONV, ("zero_pad(A_prev, pad)", "np.pad(A_prev, ((pad, pad), "
                                                              "(pad, pad), (pad, pad), (0, 0)))")),
        "no_padding": _m(_CONV, ("zero_pad(A_prev, pad)", "A_prev")),
        "stride_ignored": _m(_CONV, ("vert_start = h * stride", "vert_start = h"),
                             ("horiz_start = w * stride", "horiz_start = w")),
        "window_as_wide_as_stride": _m(_CONV, ("vert_end = vert_start + f",
                                               "vert_end = vert_start + stride"),
                                       ("horiz_end = horiz_start + f",
                                        "horiz_end = horiz_start + stride")),
        "n_W_from_height": _m(_CONV, (_N_W, "    n_W = (n_H_prev + 2 * pad - f) // stride + 1\n")),
    },
    "pool_forward": {
        "mode_ignored_max": _m(_POOL, ("if mode == 'max':", "if True:")),
        "mode_ignored_average": _m(_POOL, ("if mode == 'max':", "if False:"),
                                   ("elif mode == 'average':", "else:")),
        "window_across_channels": _m(_POOL, ("horiz_start:horiz_end, c]",
                                             "horiz_start:horiz_end, :]")),
        "no_floor_ceil": _m(_POOL, ("n_H = (n_H_prev - f) // stride + 1",
                                    "n_H = int(np.ceil((n_H_prev - f) / stride)) + 1"),
                            ("n_W = (n_W_prev - f) // stride + 1",
                             "n_W = int(np.ceil((n_W_prev - f) / stride)) + 1")),
        "stride_ignored": _m(_POOL, ("vert_start = h * stride", "vert_start = h"),
                             ("horiz_start = w * stride", "horiz_start = w")),
        "sum_instead_of_mean": _m(_POOL, ("np.mean(a_prev_slice)", "np.sum(a_prev_slice)")),
        "height_window_only": _m(_POOL, ("horiz_end = horiz_start + f",
                                         "horiz_end = horiz_start + 1")),
    },
    "shape_predictions": {
        "total_padding": _m(_PREDICTIONS, ("pad_same = 2", "pad_same = 4")),
        # Rounded up where the formula takes the floor (and the error carried on to CONV2).
        "rounded_up": _m(_PREDICTIONS, ("(31, 23, 8)", "(32, 24, 8)"),
                         ("(16, 12, 16)", "(17, 13, 16)")),
        "conv1_channels_of_input": _m(_PREDICTIONS, ("(64, 48, 8)", "(64, 48, 3)")),
        "conv2_no_padding": _m(_PREDICTIONS, ("(16, 12, 16)", "(15, 11, 16)")),
        "biases_forgotten": _m(_PREDICTIONS, ("3 * 3 * 8 * 16 + 16", "3 * 3 * 8 * 16")),
        "filter_depth_forgotten": _m(_PREDICTIONS, ("3 * 3 * 8 * 16 + 16", "3 * 3 * 16 + 16")),
        "one_example_only": _m(_PREDICTIONS, ("10 * 16 * 12 * 16", "16 * 12 * 16")),
        "shape_as_float": _m(_PREDICTIONS, ("(31, 23, 8)", "(30.5, 22.5, 8)")),
    },
    "conv_backward": {
        # = instead of +=: overlapping windows (and the filters) overwrite each other.
        "dA_prev_overwritten": _m(_CONV_BACK, (_DA_UPDATE, _DA_UPDATE.replace("+= (", "= ("))),
        "filter_flipped": _m(_CONV_BACK, ("                        W[:, :, :, c] * dZ",
                                          "                        W[::-1, ::-1, :, c] * dZ")),
        "dW_overwritten": _m(_CONV_BACK, ("dW[:, :, :, c] += a_slice", "dW[:, :, :, c] = a_slice")),
        "db_overwritten": _m(_CONV_BACK, ("db[:, :, :, c] += dZ", "db[:, :, :, c] = dZ")),
        # The slice pad:-pad is empty when pad = 0.
        "unpad_with_negative_index": _m(_CONV_BACK, (
            "da_prev_pad[pad:pad + n_H_prev, pad:pad + n_W_prev, :]",
            "da_prev_pad[pad:-pad, pad:-pad, :]")),
        "padding_not_removed": _m(_CONV_BACK, (
            "        dA_prev[i] = da_prev_pad[pad:pad + n_H_prev, pad:pad + n_W_prev, :]\n"
            "    return dA_prev, dW, db\n",
            "    return dA_prev_pad, dW, db\n")),
        "divided_by_m": _m(_CONV_BACK, ("    return dA_prev, dW, db\n",
                                        "    return dA_prev, dW / m, db / m\n")),
        "stride_ignored": _m(_CONV_BACK, ("vert_start = h * stride", "vert_start = h"),
                             ("horiz_start = w * stride", "horiz_start = w")),
    },
    "create_mask_from_window": {
        # Marks every tied maximum.
        "all_tied_maxima": (
            "def create_mask_from_window(x):\n"
            "    mask = x == np.max(x)\n"
            "    return mask\n"
        ),
        "last_maximum": _m(_MASK, ("np.unravel_index(np.argmax(x), x.shape)",
                                   "np.unravel_index(x.size - 1 - np.argmax(x.ravel()[::-1]), "
                                   "x.shape)")),
        "column_major_first": _m(_MASK, ("np.unravel_index(np.argmax(x), x.shape)",
                                         "np.unravel_index(np.argmax(x.T), x.shape, order='F')")),
        "argmin": _m(_MASK, ("np.argmax(x)", "np.argmin(x)")),
        "returns_the_index": (
            "def create_mask_from_window(x):\n"
            "    return np.argmax(x)\n"
        ),
    },
    "distribute_value": {
        "not_divided": _m(_DISTRIBUTE, ("dz / (n_H * n_W)", "dz")),
        "divided_by_n_H_only": _m(_DISTRIBUTE, ("dz / (n_H * n_W)", "dz / n_H")),
        "divided_by_n_H_plus_n_W": _m(_DISTRIBUTE, ("dz / (n_H * n_W)", "dz / (n_H + n_W)")),
        "square_window": _m(_DISTRIBUTE, ("np.ones(shape)", "np.ones((n_H, n_H))"),
                            ("dz / (n_H * n_W)", "dz / (n_H * n_H)")),
    },
    "pool_backward": {
        # = instead of +=: overlapping windows overwrite each other.
        "dA_prev_overwritten": _m(_POOL_BACK, ("horiz_start:horiz_end, c] += (",
                                               "horiz_start:horiz_end, c] = (")),
        "mode_ignored": _m(_POOL_BACK, ("if mode == 'max':", "if True:")),
        "average_not_shared_out": _m(_POOL_BACK, ("distribute_value(da, (f, f))", "da")),
        "mask_not_scaled": _m(_POOL_BACK, ("mask * da)", "mask)")),
        "stride_ignored": _m(_POOL_BACK, ("vert_start = h * stride", "vert_start = h"),
                             ("horiz_start = w * stride", "horiz_start = w")),
        "gradient_to_window_corner": _m(_POOL_BACK, (
            "dA_prev[i, vert_start:vert_end, horiz_start:horiz_end, c] += (\n"
            "                            mask * da)",
            "dA_prev[i, vert_start, horiz_start, c] += da")),
    },
    "im2col": {
        # Each window flattened channel by channel: no longer the order of W.reshape(-1, n_C).
        "channels_first_in_row": _m(_IM2COL, ("window.reshape(m, -1)",
                                              "window.transpose(0, 3, 1, 2).reshape(m, -1)")),
        "rows_column_by_column": _m(_IM2COL, (
            "cols = np.zeros((m, n_H, n_W, f * f * n_C_prev))",
            "cols = np.zeros((m, n_W, n_H, f * f * n_C_prev))"),
            ("cols[:, h, w, :]", "cols[:, w, h, :]")),
        "rows_grouped_by_position": _m(_IM2COL, (
            "cols = np.zeros((m, n_H, n_W, f * f * n_C_prev))",
            "cols = np.zeros((n_H, n_W, m, f * f * n_C_prev))"),
            ("cols[:, h, w, :]", "cols[h, w, :, :]")),
        "stride_ignored": _m(_IM2COL, ("vert_start = h * stride", "vert_start = h"),
                             ("horiz_start = w * stride", "horiz_start = w")),
        "no_floor_ceil": _m(_IM2COL, ("n_H = (n_H_pad - f) // stride + 1",
                                      "n_H = int(np.ceil((n_H_pad - f) / stride)) + 1"),
                            ("n_W = (n_W_pad - f) // stride + 1",
                             "n_W = int(np.ceil((n_W_pad - f) / stride)) + 1")),
        "transposed_result": _m(_IM2COL, ("return cols.reshape(m * n_H * n_W, f * f * n_C_prev)",
                                          "return cols.reshape(m * n_H * n_W, -1).T")),
    },
    "conv_forward_im2col": {
        # Reshaping W with the filters first scrambles which weight meets which input.
        "W_reshaped_wrongly": _m(_FAST, ("W.reshape(f * f * n_C_prev, n_C)",
                                         "W.reshape(n_C, f * f * n_C_prev).T")),
        "bias_missing": _m(_FAST, (" + b.reshape(1, n_C)", "")),
        "filter_flipped": _m(_FAST, ("W.reshape(f * f * n_C_prev, n_C)",
                                     "W[::-1, ::-1].reshape(f * f * n_C_prev, n_C)")),
        "no_padding": _m(_FAST, ("im2col(zero_pad(A_prev, pad), f, stride)",
                                 "im2col(A_prev, f, stride)")),
        "output_reshaped_width_first": _m(_FAST, (
            ".reshape(m, n_H, n_W, n_C)",
            ".reshape(m, n_W, n_H, n_C).transpose(0, 2, 1, 3)")),
    },
}

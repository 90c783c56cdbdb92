"""Planted wrong answers for c4w2a1 (Residual networks).

Each code string is executed in the namespace of the reference notebook after it ran; it
redefines one graded function the way a learner might get it wrong. The test cell
``test_<name>`` must fail on every one of them.
"""

_CONV = "Conv2D({n}, {k}, strides={s}, padding='{p}', kernel_initializer=initializer(seed=0))"
_BN = "BatchNormalization(axis={axis})(X, training=training)"


def _block(kind="identity", s1="1", s2="1", pad2="same", axis="3", after_relu=False,
           shortcut_bn=True, shortcut_stride="s", relu1=True, f2="f"):
    sig = ("def identity_block(X, f, filters, training=False, initializer=random_uniform):\n"
           if kind == "identity" else
           "def convolutional_block(X, f, filters, s=2, training=False, "
           "initializer=glorot_uniform):\n")
    bn = _BN.format(axis=axis)
    lines = [sig, "    F1, F2, F3 = filters\n", "    X_shortcut = X\n",
             f"    X = {_CONV.format(n='F1', k=1, s=s1, p='valid')}(X)\n", f"    X = {bn}\n"]
    if relu1:
        lines.append("    X = Activation('relu')(X)\n")
    lines += [f"    X = {_CONV.format(n='F2', k=f2, s=s2, p=pad2)}(X)\n", f"    X = {bn}\n",
              "    X = Activation('relu')(X)\n",
              f"    X = {_CONV.format(n='F3', k=1, s=1, p='valid')}(X)\n", f"    X = {bn}\n"]
    if kind == "conv":
        lines.append(f"    X_shortcut = {_CONV.format(n='F3', k=1, s=shortcut_stride, p='valid')}"
                     "(X_shortcut)\n")
        if shortcut_bn:
            lines.append(f"    X_shortcut = BatchNormalization(axis={axis})(X_shortcut, "
                         "training=training)\n")
    if after_relu:
        lines += ["    X = Activation('relu')(X)\n", "    X = Add()([X, X_shortcut])\n"]
    else:
        lines += ["    X = Add()([X, X_shortcut])\n", "    X = Activation('relu')(X)\n"]
    lines.append("    return X\n")
    return "".join(lines)


_COUNTS = (
    "def conv_block_counts(input_shape, f, filters, s):\n"
    "    n_H, n_W, n_C = input_shape\n"
    "    F1, F2, F3 = filters\n"
    "    out_H, out_W = {out}\n"
    "    main_path = {main}\n"
    "    shortcut = {short}\n"
    "    return {{'output_shape': (out_H, out_W, F3), 'main_path': main_path,\n"
    "            'shortcut': shortcut, 'total': main_path + shortcut}}\n"
)
_RIGHT = {
    "out": "(n_H - 1) // s + 1, (n_W - 1) // s + 1",
    "main": "(n_C * F1 + F1) + (f * f * F1 * F2 + F2) + (F2 * F3 + F3) + 4 * (F1 + F2 + F3)",
    "short": "n_C * F3 + F3 + 4 * F3",
}


def _counts(**wrong):
    return _COUNTS.format(**{**_RIGHT, **wrong})


_STAGES = (([64, 64, 256], 3, 1), ([128, 128, 512], 4, 2), ([256, 256, 1024], 6, 2),
           ([512, 512, 2048], 3, 2))


def _resnet(stages=_STAGES, axis="3", pool="    X = AveragePooling2D((2, 2))(X)\n",
            dense_act="softmax", maxpool="    X = MaxPooling2D((3, 3), strides=(2, 2))(X)\n",
            conv1_stride="(2, 2)", id_f="3"):
    body = (
        "def ResNet50(input_shape=(64, 64, 3), classes=6, training=False):\n"
        "    X_input = Input(input_shape)\n"
        "    X = ZeroPadding2D((3, 3))(X_input)\n"
        f"    X = Conv2D(64, (7, 7), strides={conv1_stride}, "
        "kernel_initializer=glorot_uniform(seed=0))(X)\n"
        f"    X = BatchNormalization(axis={axis})(X, training=training)\n"
        "    X = Activation('relu')(X)\n"
        f"{maxpool}"
    )
    for filters, n, s in stages:
        body += (f"    X = convolutional_block(X, 3, {filters}, s={s}, training=training)\n"
                 f"    for _ in range({n - 1}):\n"
                 f"        X = identity_block(X, {id_f}, {filters}, training=training)\n")
    body += (
        f"{pool}"
        "    X = Flatten()(X)\n"
        f"    X = Dense(classes, activation='{dense_act}', "
        "kernel_initializer=glorot_uniform(seed=0))(X)\n"
        "    return Model(inputs=X_input, outputs=X)\n"
    )
    return body


MUTANTS = {
    "identity_block": {
        # The shortcut joins after the last ReLU.
        "shortcut_after_relu": _block(after_relu=True),
        # The f x f convolution with padding "valid": the shapes no longer match.
        "valid_padding": _block(pad2="valid"),
        # Batch normalization over the rows (axis 1) instead of the channels.
        "bn_wrong_axis": _block(axis="1"),
        # The ReLU after the first convolution forgotten.
        "missing_first_relu": _block(relu1=False),
        # The middle window is 1 x 1 instead of f x f.
        "middle_kernel_1": _block(f2="1"),
    },
    "convolutional_block": {
        # The shortcut's convolution without its batch normalization.
        "missing_shortcut_bn": _block("conv", s1="s", shortcut_bn=False),
        # The stride on the f x f convolution instead of the first 1 x 1.
        "stride_on_middle_conv": _block("conv", s1="1", s2="s"),
        # The shortcut joins after the last ReLU.
        "shortcut_after_relu": _block("conv", s1="s", after_relu=True),
        # The f x f convolution with padding "valid".
        "valid_padding": _block("conv", s1="s", pad2="valid"),
        # Batch normalization over the rows (axis 1) instead of the channels.
        "bn_wrong_axis": _block("conv", s1="s", axis="1"),
    },
    "conv_block_counts": {
        # Batch normalization counted with 2 numbers per channel (gamma and beta only).
        "bn_two_per_channel": _counts(
            main="(n_C * F1 + F1) + (f * f * F1 * F2 + F2) + (F2 * F3 + F3) + 2 * (F1 + F2 + F3)",
            short="n_C * F3 + F3 + 2 * F3"),
        # The biases forgotten.
        "no_biases": _counts(main="n_C * F1 + f * f * F1 * F2 + F2 * F3 + 4 * (F1 + F2 + F3)",
                             short="n_C * F3 + 4 * F3"),
        # The shortcut's batch normalization forgotten.
        "shortcut_without_bn": _counts(short="n_C * F3 + F3"),
        # The output size rounded down.
        "floor_division": _counts(out="n_H // s, n_W // s"),
        # The middle convolution's kernel counted as f x F1 x F2 (one f).
        "one_f": _counts(
            main="(n_C * F1 + F1) + (f * F1 * F2 + F2) + (F2 * F3 + F3) + 4 * (F1 + F2 + F3)"),
    },
    "ResNet50": {
        # Stage 4 with 4 identity blocks instead of 5.
        "stage4_one_block_short": _resnet(stages=(_STAGES[0], _STAGES[1],
                                                  ([256, 256, 1024], 5, 2), _STAGES[3])),
        # No average pooling before Flatten.
        "missing_avg_pool": _resnet(pool=""),
        # The Dense layer without its softmax.
        "no_softmax": _resnet(dense_act="linear"),
        # Batch normalization of stage 1 over the wrong axis.
        "bn_wrong_axis": _resnet(axis="1"),
        # Stage 2 with stride 2 (as the later stages).
        "stage2_stride_2": _resnet(stages=(([64, 64, 256], 3, 2),) + _STAGES[1:]),
        # The max pooling of stage 1 forgotten.
        "missing_max_pool": _resnet(maxpool=""),
    },
}

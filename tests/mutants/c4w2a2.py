"""Planted wrong answers for c4w2a2 (transfer learning).

Each code string is executed in the namespace of the reference notebook after it ran; it
redefines one graded function the way a learner might get it wrong. The test cell
``test_<name>`` must fail on every one of them.
"""

_AUG = (
    "def data_augmenter():\n"
    "    data_augmentation = keras.Sequential()\n"
    "{body}"
    "    return data_augmentation\n"
)

_FTA = (
    "def choose_fine_tune_at(base_model, max_trainable):\n"
    "{body}"
    "    return fine_tune_at\n"
)

_FTA_REF = (
    "    fine_tune_at = len(base_model.layers)\n"
    "    total = 0\n"
    "    for k in range(len(base_model.layers) - 1, -1, -1):\n"
    "        layer = base_model.layers[k]\n"
    "{count}"
    "        if total > max_trainable:\n"
    "            break\n"
    "        fine_tune_at = k\n"
)
_COUNT = (
    "        if not isinstance(layer, layers.BatchNormalization):\n"
    "            total += layer.count_params()\n"
)

_BIRD = (
    "def bird_model(image_shape=IMG_SIZE + (3,), data_augmentation=None):\n"
    "    if data_augmentation is None:\n"
    "        data_augmentation = data_augmenter()\n"
    "    base_model = efficientnet_lite0(weights=True, include_top=False, "
    "input_shape=image_shape)\n"
    "{freeze}"
    "    inputs = keras.Input(shape=image_shape)\n"
    "    x = data_augmentation(inputs)\n"
    "{pre}"
    "{call}"
    "{head}"
    "    model = keras.Model(inputs, outputs)\n"
    "    return model\n"
)
_FREEZE = "    base_model.trainable = False\n"
_PRE = "    x = preprocess(x)\n"
_CALL = "    x = base_model(x, training=False)\n"
_HEAD = (
    "    x = layers.GlobalAveragePooling2D()(x)\n"
    "    x = layers.Dropout(0.2)(x)\n"
    "    outputs = layers.Dense(1)(x)\n"
)


def _bird(freeze=_FREEZE, pre=_PRE, call=_CALL, head=_HEAD):
    return _BIRD.format(freeze=freeze, pre=pre, call=call, head=head)


MUTANTS = {
    "data_augmenter": {
        "vertical_flip": _AUG.format(body=(
            "    data_augmentation.add(layers.RandomFlip('vertical'))\n"
            "    data_augmentation.add(layers.RandomRotation(0.2))\n")),
        "both_flips": _AUG.format(body=(
            "    data_augmentation.add(layers.RandomFlip())\n"
            "    data_augmentation.add(layers.RandomRotation(0.2))\n")),
        "rotation_in_degrees": _AUG.format(body=(
            "    data_augmentation.add(layers.RandomFlip('horizontal'))\n"
            "    data_augmentation.add(layers.RandomRotation(20))\n")),
        "wrong_rotation_factor": _AUG.format(body=(
            "    data_augmentation.add(layers.RandomFlip('horizontal'))\n"
            "    data_augmentation.add(layers.RandomRotation(0.1))\n")),
        "extra_zoom_layer": _AUG.format(body=(
            "    data_augmentation.add(layers.RandomFlip('horizontal'))\n"
            "    data_augmentation.add(layers.RandomRotation(0.2))\n"
            "    data_augmentation.add(layers.RandomZoom(0.1))\n")),
        "rotation_only": _AUG.format(body=(
            "    data_augmentation.add(layers.RandomRotation(0.2))\n")),
    },
    "choose_fine_tune_at": {
        "counts_batchnorm": _FTA.format(body=_FTA_REF.format(
            count="        total += layer.count_params()\n")),
        "first_index_over_budget": _FTA.format(body=(
            "    total = 0\n"
            "    fine_tune_at = 0\n"
            "    for k in range(len(base_model.layers) - 1, -1, -1):\n"
            "        layer = base_model.layers[k]\n"
            + _COUNT +
            "        if total > max_trainable:\n"
            "            fine_tune_at = k\n"
            "            break\n")),
        "counts_from_the_front": _FTA.format(body=(
            "    total = 0\n"
            "    fine_tune_at = len(base_model.layers)\n"
            "    for k, layer in enumerate(base_model.layers):\n"
            + _COUNT +
            "        if total > max_trainable:\n"
            "            fine_tune_at = k\n"
            "            break\n")),
        "counts_trainable_weights_only": _FTA.format(body=_FTA_REF.format(
            count="        total += sum(int(np.prod(w.shape)) "
                  "for w in layer.trainable_weights)\n")),
        "unfreezes_the_base": _FTA.format(body=(
            "    base_model.trainable = True\n"
            "    fine_tune_at = len(base_model.layers)\n"
            "    total = 0\n"
            "    for k in range(len(base_model.layers) - 1, -1, -1):\n"
            "        layer = base_model.layers[k]\n"
            "        if not isinstance(layer, layers.BatchNormalization):\n"
            "            total += sum(int(np.prod(w.shape)) for w in layer.trainable_weights)\n"
            "        if total > max_trainable:\n"
            "            break\n"
            "        fine_tune_at = k\n")),
    },
    "bird_model": {
        "base_not_frozen": _bird(freeze=""),
        "base_training_true": _bird(call="    x = base_model(x, training=True)\n"),
        "base_without_training_flag": _bird(call="    x = base_model(x)\n"),
        "missing_preprocessing": _bird(pre=""),
        "sigmoid_output": _bird(head=_HEAD.replace("Dense(1)", "Dense(1, activation='sigmoid')")),
        "softmax_output": _bird(head=_HEAD.replace("Dense(1)", "Dense(1, activation='softmax')")),
        "dense_2": _bird(head=_HEAD.replace("Dense(1)", "Dense(2)")),
        "missing_pooling": _bird(head=(
            "    x = layers.Flatten()(x)\n"
            "    x = layers.Dropout(0.2)(x)\n"
            "    outputs = layers.Dense(1)(x)\n")),
        "no_pooling_at_all": _bird(head=(
            "    x = layers.Dropout(0.2)(x)\n"
            "    outputs = layers.Dense(1)(x)\n")),
        "extra_dense_layer": _bird(head=(
            "    x = layers.GlobalAveragePooling2D()(x)\n"
            "    x = layers.Dense(128, activation='relu')(x)\n"
            "    x = layers.Dropout(0.2)(x)\n"
            "    outputs = layers.Dense(1)(x)\n")),
        "dropout_0_5": _bird(head=_HEAD.replace("Dropout(0.2)", "Dropout(0.5)")),
        "random_weights": _bird().replace("weights=True", "weights=False"),
        "ignores_augmenter_argument": _bird().replace(
            "    x = data_augmentation(inputs)\n", "    x = data_augmenter()(inputs)\n"),
    },
}

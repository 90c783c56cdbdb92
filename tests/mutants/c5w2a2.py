"""Planted wrong answers for c5w2a2 (Emojify).

Each code string is executed in the namespace of the reference notebook after it ran; it
redefines one graded function the way a learner might get it wrong. The test cell
``test_<name>`` must fail on every one of them.
"""

_AVG = (
    "def sentence_to_avg(sentence, word_to_vec_map):\n"
    "    shape = next(iter(word_to_vec_map.values())).shape\n"
    "{body}"
    "    return avg\n"
)

_MODEL = (
    "def model(X, Y, word_to_vec_map, learning_rate=0.01, num_iterations=400):\n"
    "    np.random.seed(1)\n"
    "    m = Y.shape[0]\n"
    "    n_y = len(np.unique(Y))\n"
    "    n_h = 50\n"
    "{init}"
    "    Y_oh = np.eye(n_y)[Y]\n"
    "    for t in range(num_iterations):\n"
    "{loop}"
    "    pred = predict_avg(X, W, b, word_to_vec_map)\n"
    "    return pred, W, b\n"
)
_INIT = (
    "    W = np.random.randn(n_y, n_h) / np.sqrt(n_h)\n"
    "    b = np.zeros((n_y,))\n"
)
_STEP = (
    "        for i in range(m):\n"
    "            avg = sentence_to_avg(X[i], word_to_vec_map)\n"
    "            z = W @ avg + b\n"
    "            a = np.exp(z - np.max(z)) / np.sum(np.exp(z - np.max(z)))\n"
    "            dz = a - Y_oh[i]\n"
    "{update}"
)
_SGD = (
    "            W = W - learning_rate * np.outer(dz, avg)\n"
    "            b = b - learning_rate * dz\n"
)

_INDICES = (
    "def sentences_to_indices(X, word_to_index, max_len):\n"
    "    m = X.shape[0]\n"
    "    X_indices = np.zeros((m, max_len), dtype=int)\n"
    "    for i in range(m):\n"
    "{body}"
    "    return X_indices\n"
)

_EMB = (
    "def pretrained_embedding_layer(word_to_vec_map, word_to_index):\n"
    "    emb_dim = next(iter(word_to_vec_map.values())).shape[0]\n"
    "{body}"
    "    return embedding_layer\n"
)

_COUNTS = (
    "def emojify_v2_param_counts(vocab_size, emb_dim, n_a, n_y):\n"
    "    embedding = {embedding}\n"
    "    lstm_1 = {lstm_1}\n"
    "    lstm_2 = {lstm_2}\n"
    "    dense = n_a * n_y + n_y\n"
    "    return {{'embedding': embedding, 'lstm_1': lstm_1, 'lstm_2': lstm_2, 'dense': dense,\n"
    "            'trainable': {trainable}, 'non_trainable': embedding}}\n"
)
_RIGHT = {
    "embedding": "(vocab_size + 1) * emb_dim",
    "lstm_1": "4 * (n_a * (n_a + emb_dim) + n_a)",
    "lstm_2": "4 * (n_a * (2 * n_a) + n_a)",
    "trainable": "lstm_1 + lstm_2 + dense",
}


def _counts(**wrong):
    return _COUNTS.format(**{**_RIGHT, **wrong})


_V2 = (
    "def Emojify_V2(input_shape, word_to_vec_map, word_to_index):\n"
    "    sentence_indices = Input(shape={shape}, dtype='int32')\n"
    "    embeddings = {embedding}(sentence_indices)\n"
    "{body}"
    "    return Model(inputs=sentence_indices, outputs=X)\n"
)
_PRETRAINED = "pretrained_embedding_layer(word_to_vec_map, word_to_index)"


def _v2(body, shape="input_shape", embedding=_PRETRAINED):
    return _V2.format(shape=shape, embedding=embedding, body=body)


_V2_BODY = (
    "    X = LSTM(128, return_sequences=True)(embeddings)\n"
    "    X = Dropout(0.5)(X)\n"
    "    X = LSTM(128, return_sequences=False)(X)\n"
    "    X = Dropout(0.5)(X)\n"
    "    X = Dense(5)(X)\n"
    "    X = Activation('softmax')(X)\n"
)

MUTANTS = {
    "sentence_to_avg": {
        # Adds the vectors up and forgets to divide by their number.
        "sum_not_divided": _AVG.format(body=(
            "    avg = np.zeros(shape)\n"
            "    for w in sentence.lower().split():\n"
            "        if w in word_to_vec_map:\n"
            "            avg += word_to_vec_map[w]\n"
        )),
        # Forgets to lower-case: "Love" is unknown.
        "no_lowercase": _AVG.format(body=(
            "    avg, count = np.zeros(shape), 0\n"
            "    for w in sentence.split():\n"
            "        if w in word_to_vec_map:\n"
            "            avg += word_to_vec_map[w]\n"
            "            count += 1\n"
            "    if count > 0:\n"
            "        avg = avg / count\n"
        )),
        # Looks every word up without checking: an unknown word raises a KeyError.
        "unknown_words_crash": _AVG.format(body=(
            "    words = sentence.lower().split()\n"
            "    avg = np.zeros(shape)\n"
            "    for w in words:\n"
            "        avg += word_to_vec_map[w]\n"
            "    if words:\n"
            "        avg = avg / len(words)\n"
        )),
        # Skips unknown words in the sum but divides by the number of all words (unknown words
        # count as zero vectors).
        "unknown_words_as_zeros": _AVG.format(body=(
            "    words = sentence.lower().split()\n"
            "    avg = np.zeros(shape)\n"
            "    for w in words:\n"
            "        if w in word_to_vec_map:\n"
            "            avg += word_to_vec_map[w]\n"
            "    if words:\n"
            "        avg = avg / len(words)\n"
        )),
        # Divides without checking for zero: a sentence without a known word gives NaN.
        "nan_without_known_words": _AVG.format(body=(
            "    avg, count = np.zeros(shape), 0\n"
            "    for w in sentence.lower().split():\n"
            "        if w in word_to_vec_map:\n"
            "            avg += word_to_vec_map[w]\n"
            "            count += 1\n"
            "    with np.errstate(invalid='ignore'):\n"
            "        avg = avg / count\n"
        )),
        # Hard-codes the GloVe size: right for GloVe, breaks on other vectors.
        "hardcoded_50": _AVG.format(body=(
            "    avg, count = np.zeros((50,)), 0\n"
            "    for w in sentence.lower().split():\n"
            "        if w in word_to_vec_map:\n"
            "            avg += word_to_vec_map[w]\n"
            "            count += 1\n"
            "    if count > 0:\n"
            "        avg = avg / count\n"
        )),
    },
    "model": {
        # The bias is never updated.
        "missing_bias_update": _MODEL.format(init=_INIT, loop=_STEP.format(update=(
            "            W = W - learning_rate * np.outer(dz, avg)\n"
        ))),
        # z as a column, softmax summed along the wrong axis: every a_k is 1.
        "softmax_wrong_axis": _MODEL.format(init=_INIT, loop=(
            "        for i in range(m):\n"
            "            avg = sentence_to_avg(X[i], word_to_vec_map)\n"
            "            z = (W @ avg + b).reshape(n_y, 1)\n"
            "            a = np.exp(z) / np.sum(np.exp(z), axis=1, keepdims=True)\n"
            "            dz = a.ravel() - Y_oh[i]\n"
            "            W = W - learning_rate * np.outer(dz, avg)\n"
            "            b = b - learning_rate * dz\n"
        )),
        # Batch gradient descent: sums the gradients and updates once per pass.
        "batch_update_instead_of_sgd": _MODEL.format(init=_INIT, loop=(
            "        dW, db = np.zeros_like(W), np.zeros_like(b)\n"
            "        for i in range(m):\n"
            "            avg = sentence_to_avg(X[i], word_to_vec_map)\n"
            "            z = W @ avg + b\n"
            "            a = np.exp(z - np.max(z)) / np.sum(np.exp(z - np.max(z)))\n"
            "            dz = a - Y_oh[i]\n"
            "            dW += np.outer(dz, avg)\n"
            "            db += dz\n"
            "        W = W - learning_rate * dW\n"
            "        b = b - learning_rate * db\n"
        )),
        # Forgets the 1/sqrt(n_h) of the initialization.
        "init_not_scaled": _MODEL.format(init=(
            "    W = np.random.randn(n_y, n_h)\n"
            "    b = np.zeros((n_y,))\n"
        ), loop=_STEP.format(update=_SGD)),
        # Gradient ascent: the sign of the update is flipped.
        "update_sign_flipped": _MODEL.format(init=_INIT, loop=_STEP.format(update=(
            "            W = W + learning_rate * np.outer(dz, avg)\n"
            "            b = b + learning_rate * dz\n"
        ))),
        # Shuffles the sentences at every pass: not the order the instructions fix.
        "shuffled_order": _MODEL.format(init=_INIT, loop=(
            "        for i in np.random.permutation(m):\n"
            "            avg = sentence_to_avg(X[i], word_to_vec_map)\n"
            "            z = W @ avg + b\n"
            "            a = np.exp(z - np.max(z)) / np.sum(np.exp(z - np.max(z)))\n"
            "            dz = a - Y_oh[i]\n"
            + _SGD
        )),
        # Ignores the learning_rate argument.
        "learning_rate_hardcoded": _MODEL.format(init=_INIT, loop=_STEP.format(update=(
            "            W = W - 0.01 * np.outer(dz, avg)\n"
            "            b = b - 0.01 * dz\n"
        ))),
    },
    "sentences_to_indices": {
        # Treats word_to_index as if it counted from 0.
        "index_minus_one": _INDICES.format(body=(
            "        for j, w in enumerate(X[i].lower().split()[:max_len]):\n"
            "            X_indices[i, j] = word_to_index[w] - 1 if w in word_to_index else 0\n"
        )),
        # Pads at the start of the row instead of the end.
        "padding_at_the_start": _INDICES.format(body=(
            "        words = X[i].lower().split()[:max_len]\n"
            "        for j, w in enumerate(words):\n"
            "            X_indices[i, max_len - len(words) + j] = word_to_index.get(w, 0)\n"
        )),
        # Forgets to lower-case: capitalised words become unknown.
        "no_lowercase": _INDICES.format(body=(
            "        for j, w in enumerate(X[i].split()[:max_len]):\n"
            "            X_indices[i, j] = word_to_index.get(w, 0)\n"
        )),
        # Unknown words raise a KeyError.
        "unknown_words_crash": _INDICES.format(body=(
            "        for j, w in enumerate(X[i].lower().split()[:max_len]):\n"
            "            X_indices[i, j] = word_to_index[w]\n"
        )),
        # Skips unknown words instead of giving them index 0 (the next words move left).
        "unknown_words_skipped": _INDICES.format(body=(
            "        known = [w for w in X[i].lower().split() if w in word_to_index][:max_len]\n"
            "        for j, w in enumerate(known):\n"
            "            X_indices[i, j] = word_to_index[w]\n"
        )),
        # Does not cut long sentences: IndexError.
        "no_truncation": _INDICES.format(body=(
            "        for j, w in enumerate(X[i].lower().split()):\n"
            "            X_indices[i, j] = word_to_index.get(w, 0)\n"
        )),
    },
    "pretrained_embedding_layer": {
        # Leaves the layer trainable.
        "trainable": _EMB.format(body=(
            "    emb_matrix = np.zeros((len(word_to_index) + 1, emb_dim))\n"
            "    for word, index in word_to_index.items():\n"
            "        emb_matrix[index] = word_to_vec_map[word]\n"
            "    embedding_layer = Embedding(len(word_to_index) + 1, emb_dim)\n"
            "    embedding_layer.build((None,))\n"
            "    embedding_layer.set_weights([emb_matrix])\n"
        )),
        # Builds the matrix but never puts it into the layer: random weights.
        "weights_not_set": _EMB.format(body=(
            "    emb_matrix = np.zeros((len(word_to_index) + 1, emb_dim))\n"
            "    for word, index in word_to_index.items():\n"
            "        emb_matrix[index] = word_to_vec_map[word]\n"
            "    embedding_layer = Embedding(len(word_to_index) + 1, emb_dim, trainable=False)\n"
            "    embedding_layer.build((None,))\n"
        )),
        # Treats the indices as 0-based: row index - 1, no padding row.
        "index_minus_one": _EMB.format(body=(
            "    emb_matrix = np.zeros((len(word_to_index), emb_dim))\n"
            "    for word, index in word_to_index.items():\n"
            "        emb_matrix[index - 1] = word_to_vec_map[word]\n"
            "    embedding_layer = Embedding(len(word_to_index), emb_dim, trainable=False)\n"
            "    embedding_layer.build((None,))\n"
            "    embedding_layer.set_weights([emb_matrix])\n"
        )),
        # Fills the rows in the order of word_to_vec_map, ignoring word_to_index.
        "rows_in_dict_order": _EMB.format(body=(
            "    emb_matrix = np.zeros((len(word_to_index) + 1, emb_dim))\n"
            "    for k, word in enumerate(word_to_vec_map):\n"
            "        if k < len(word_to_index):\n"
            "            emb_matrix[k + 1] = word_to_vec_map[word]\n"
            "    embedding_layer = Embedding(len(word_to_index) + 1, emb_dim, trainable=False)\n"
            "    embedding_layer.build((None,))\n"
            "    embedding_layer.set_weights([emb_matrix])\n"
        )),
        # Forgets the padding row: the last word's index is out of range.
        "no_padding_row": _EMB.format(body=(
            "    emb_matrix = np.zeros((len(word_to_index), emb_dim))\n"
            "    for word, index in word_to_index.items():\n"
            "        emb_matrix[index] = word_to_vec_map[word]\n"
            "    embedding_layer = Embedding(len(word_to_index), emb_dim, trainable=False)\n"
            "    embedding_layer.build((None,))\n"
            "    embedding_layer.set_weights([emb_matrix])\n"
        )),
    },
    "emojify_v2_param_counts": {
        # Counts one weight matrix and bias per LSTM, as for a basic RNN.
        "one_gate": _counts(lstm_1="n_a * (n_a + emb_dim) + n_a",
                            lstm_2="n_a * (2 * n_a) + n_a"),
        # Forgets the biases of the LSTM layers.
        "no_lstm_biases": _counts(lstm_1="4 * n_a * (n_a + emb_dim)",
                                  lstm_2="4 * n_a * (2 * n_a)"),
        # Forgets the weights that multiply a<t-1>.
        "no_recurrent_weights": _counts(lstm_1="4 * (n_a * emb_dim + n_a)",
                                        lstm_2="4 * (n_a * n_a + n_a)"),
        # The second LSTM read the word vectors, like the first.
        "lstm_2_reads_embeddings": _counts(lstm_2="4 * (n_a * (n_a + emb_dim) + n_a)"),
        # Forgets the padding row of the embedding.
        "no_padding_row": _counts(embedding="vocab_size * emb_dim"),
        # Counts the frozen embedding as trainable.
        "embedding_counted_trainable": _counts(trainable="embedding + lstm_1 + lstm_2 + dense"),
    },
    "Emojify_V2": {
        # The first LSTM returns only its last output: the second has no sequence to read.
        "first_lstm_no_sequences": _v2(_V2_BODY.replace("return_sequences=True",
                                                        "return_sequences=False", 1)),
        # The second LSTM returns the whole sequence.
        "second_lstm_returns_sequences": _v2(_V2_BODY.replace("return_sequences=False",
                                                              "return_sequences=True")),
        # No Dropout layers.
        "missing_dropout": _v2(_V2_BODY.replace("    X = Dropout(0.5)(X)\n", "")),
        # The softmax inside Dense, no Activation layer.
        "softmax_in_dense": _v2(_V2_BODY.replace(
            "    X = Dense(5)(X)\n    X = Activation('softmax')(X)\n",
            "    X = Dense(5, activation='softmax')(X)\n")),
        # The softmax twice: in Dense and in the Activation layer.
        "softmax_twice": _v2(_V2_BODY.replace("Dense(5)", "Dense(5, activation='softmax')")),
        # A new, trainable, randomly initialized Embedding instead of the GloVe one.
        "own_embedding": _v2(_V2_BODY, embedding="Embedding(len(word_to_index) + 1, 50)"),
        # Ignores input_shape: always 10 words.
        "input_shape_hardcoded": _v2(_V2_BODY, shape="(10,)"),
        # Dropout rate 0.2.
        "dropout_rate_wrong": _v2(_V2_BODY.replace("Dropout(0.5)", "Dropout(0.2)")),
        # 64 units per LSTM.
        "lstm_64_units": _v2(_V2_BODY.replace("LSTM(128", "LSTM(64")),
    },
}

"""Planted wrong answers for c5w2a1 (operations on word vectors).

Each code string is executed in the namespace of the reference notebook after it ran; it
redefines one graded function the way a learner might get it wrong. The test cell
``test_<name>`` must fail on every one of them.
"""

_COSINE = (
    "def cosine_similarity(u, v):\n"
    "{body}"
    "    return cosine_similarity\n"
)

_ANALOGY = (
    "def complete_analogy(word_a, word_b, word_c, word_to_vec_map):\n"
    "    word_a, word_b, word_c = word_a.lower(), word_b.lower(), word_c.lower()\n"
    "    e_a, e_b, e_c = (word_to_vec_map[w] for w in (word_a, word_b, word_c))\n"
    "    vocabulary = list(word_to_vec_map)\n"
    "    E = np.array([word_to_vec_map[w] for w in vocabulary], dtype=np.float64)\n"
    "{body}"
    "    return best_word\n"
)

_EXCLUDE = (
    "    for w in (word_a, word_b, word_c):\n"
    "        similarities[vocabulary.index(w)] = -np.inf\n"
)

_DIRECTION = (
    "def bias_direction(pairs, word_to_vec_map):\n"
    "    differences = np.array([word_to_vec_map[w2] - word_to_vec_map[w1] for w1, w2 in pairs],\n"
    "                           dtype=np.float64)\n"
    "{body}"
    "    return g\n"
)

_NEUTRALIZE = (
    "def neutralize(word, g, word_to_vec_map):\n"
    "    e = word_to_vec_map[word]\n"
    "{body}"
    "    return e_debiased\n"
)

_EQUALIZE = (
    "def equalize(pair, bias_axis, word_to_vec_map):\n"
    "    w1, w2 = pair\n"
    "    e_w1, e_w2 = word_to_vec_map[w1], word_to_vec_map[w2]\n"
    "    g_norm2 = np.sum(bias_axis * bias_axis)\n"
    "    mu = (e_w1 + e_w2) / 2\n"
    "    mu_B = np.dot(mu, bias_axis) / g_norm2 * bias_axis\n"
    "    mu_orth = mu - mu_B\n"
    "    e_w1B = np.dot(e_w1, bias_axis) / g_norm2 * bias_axis\n"
    "    e_w2B = np.dot(e_w2, bias_axis) / g_norm2 * bias_axis\n"
    "{body}"
    "    return e1, e2\n"
)

_EQ_TAIL = (
    "    e1 = corrected_e_w1B + mu_orth\n"
    "    e2 = corrected_e_w2B + mu_orth\n"
)

MUTANTS = {
    "cosine_similarity": {
        # The dot product alone: no division by the norms.
        "no_normalization": _COSINE.format(body=(
            "    cosine_similarity = np.dot(u, v)\n"
        )),
        # Divides by the norm of u only.
        "norm_of_u_only": _COSINE.format(body=(
            "    cosine_similarity = np.dot(u, v) / np.linalg.norm(u)\n"
        )),
        # Squared norms (forgot the square roots).
        "squared_norms": _COSINE.format(body=(
            "    cosine_similarity = np.dot(u, v) / (np.sum(u * u) * np.sum(v * v))\n"
        )),
        # Normalizes the inputs in place: right value, but the caller's arrays change.
        "normalizes_in_place": _COSINE.format(body=(
            "    u /= np.linalg.norm(u)\n"
            "    v /= np.linalg.norm(v)\n"
            "    cosine_similarity = np.dot(u, v)\n"
        )),
        # Sum of the norms instead of their product.
        "sum_of_norms": _COSINE.format(body=(
            "    cosine_similarity = np.dot(u, v) / (np.linalg.norm(u) + np.linalg.norm(v))\n"
        )),
    },
    "complete_analogy": {
        # The question words stay in the search (the answer is then usually word_c).
        "inputs_not_excluded": _ANALOGY.format(body=(
            "    target = e_b - e_a + e_c\n"
            "    similarities = E @ target / (np.linalg.norm(E, axis=1) * np.linalg.norm(target))\n"
            "    best_word = vocabulary[int(np.argmax(similarities))]\n"
        )),
        # a - b + c instead of b - a + c.
        "a_minus_b_plus_c": _ANALOGY.format(body=(
            "    target = e_a - e_b + e_c\n"
            "    similarities = E @ target / (np.linalg.norm(E, axis=1) * np.linalg.norm(target))\n"
            + _EXCLUDE +
            "    best_word = vocabulary[int(np.argmax(similarities))]\n"
        )),
        # argmin instead of argmax (the excluded words get +inf so they are not picked).
        "argmin": _ANALOGY.format(body=(
            "    target = e_b - e_a + e_c\n"
            "    similarities = E @ target / (np.linalg.norm(E, axis=1) * np.linalg.norm(target))\n"
            "    for w in (word_a, word_b, word_c):\n"
            "        similarities[vocabulary.index(w)] = np.inf\n"
            "    best_word = vocabulary[int(np.argmin(similarities))]\n"
        )),
        # Largest dot product: the long vectors win.
        "dot_instead_of_cosine": _ANALOGY.format(body=(
            "    target = e_b - e_a + e_c\n"
            "    similarities = E @ target\n"
            + _EXCLUDE +
            "    best_word = vocabulary[int(np.argmax(similarities))]\n"
        )),
        # The other textbook variant: cosine of e_b - e_a with e_w - e_c.
        "offset_cosine_variant": _ANALOGY.format(body=(
            "    X = E - e_c\n"
            "    d = e_b - e_a\n"
            "    with np.errstate(invalid='ignore', divide='ignore'):\n"
            "        similarities = X @ d / (np.linalg.norm(X, axis=1) * np.linalg.norm(d))\n"
            "    similarities = np.nan_to_num(similarities, nan=-np.inf)\n"
            + _EXCLUDE +
            "    best_word = vocabulary[int(np.argmax(similarities))]\n"
        )),
        # Loops over the notebook's global vocabulary `words` instead of the argument's words.
        "uses_global_vocabulary": (
            "def complete_analogy(word_a, word_b, word_c, word_to_vec_map):\n"
            "    word_a, word_b, word_c = word_a.lower(), word_b.lower(), word_c.lower()\n"
            "    e_a, e_b, e_c = (word_to_vec_map[w] for w in (word_a, word_b, word_c))\n"
            "    target = e_b - e_a + e_c\n"
            "    best_word, best = None, -2.0\n"
            "    for w in words:\n"
            "        if w in (word_a, word_b, word_c) or w not in word_to_vec_map:\n"
            "            continue\n"
            "        s = cosine_similarity(word_to_vec_map[w], target)\n"
            "        if s > best:\n"
            "            best_word, best = w, s\n"
            "    return best_word\n"
        ),
    },
    "bias_direction": {
        # One pair only.
        "first_pair_only": _DIRECTION.format(body=(
            "    g = differences[0] / np.linalg.norm(differences[0])\n"
        )),
        # The mean difference, not scaled to length 1.
        "not_unit_length": _DIRECTION.format(body=(
            "    g = differences.mean(axis=0)\n"
        )),
        # Oriented the wrong way (first word minus second word).
        "wrong_orientation": _DIRECTION.format(body=(
            "    g = -differences.mean(axis=0)\n"
            "    g = g / np.linalg.norm(g)\n"
        )),
        # PCA of the centered differences: the common direction is subtracted away.
        "pca_of_centered_differences": _DIRECTION.format(body=(
            "    centered = differences - differences.mean(axis=0)\n"
            "    g = np.linalg.svd(centered, full_matrices=False)[2][0]\n"
            "    g = g * np.sign(g @ differences.mean(axis=0))\n"
        )),
        # Averages the word vectors themselves instead of their differences.
        "mean_of_the_words": (
            "def bias_direction(pairs, word_to_vec_map):\n"
            "    vectors = np.array([word_to_vec_map[w] for pair in pairs for w in pair],\n"
            "                       dtype=np.float64)\n"
            "    g = vectors.mean(axis=0)\n"
            "    g = g / np.linalg.norm(g)\n"
            "    return g\n"
        ),
    },
    "neutralize": {
        # Projection on g without dividing by ||g||^2 (right only for a unit g).
        "g_not_normalized": _NEUTRALIZE.format(body=(
            "    e_debiased = e - np.dot(e, g) * g\n"
        )),
        # Divides by ||g|| instead of ||g||^2.
        "norm_instead_of_squared_norm": _NEUTRALIZE.format(body=(
            "    e_debiased = e - np.dot(e, g) / np.linalg.norm(g) * g\n"
        )),
        # Adds the bias component.
        "adds_projection": _NEUTRALIZE.format(body=(
            "    e_debiased = e + np.dot(e, g) / np.sum(g * g) * g\n"
        )),
        # Returns the bias component itself.
        "returns_bias_component": _NEUTRALIZE.format(body=(
            "    e_debiased = np.dot(e, g) / np.sum(g * g) * g\n"
        )),
        # Right value, but the vector stored in the dictionary is changed in place.
        "modifies_the_map_in_place": _NEUTRALIZE.format(body=(
            "    e -= np.dot(e, g) / np.sum(g * g) * g\n"
            "    e_debiased = e\n"
        )),
        # Projects g on e instead of e on g.
        "projects_on_e": _NEUTRALIZE.format(body=(
            "    e_debiased = e - np.dot(e, g) / np.sum(e * e) * e\n"
        )),
    },
    "equalize": {
        # Wrong sign of the corrected bias components: the two words swap sides.
        "wrong_sign": _EQUALIZE.format(body=(
            "    scale = np.sqrt(np.abs(1 - np.sum(mu_orth * mu_orth)))\n"
            "    corrected_e_w1B = scale * (mu_B - e_w1B) / np.linalg.norm(e_w1 - mu_orth - mu_B)\n"
            "    corrected_e_w2B = scale * (mu_B - e_w2B) / np.linalg.norm(e_w2 - mu_orth - mu_B)\n"
            + _EQ_TAIL
        )),
        # The square-root factor is missing.
        "missing_sqrt_term": _EQUALIZE.format(body=(
            "    corrected_e_w1B = (e_w1B - mu_B) / np.linalg.norm(e_w1 - mu_orth - mu_B)\n"
            "    corrected_e_w2B = (e_w2B - mu_B) / np.linalg.norm(e_w2 - mu_orth - mu_B)\n"
            + _EQ_TAIL
        )),
        # Each word keeps its own perpendicular part: not symmetric about the neutral axis.
        "keeps_own_orthogonal_part": _EQUALIZE.format(body=(
            "    scale = np.sqrt(np.abs(1 - np.sum(mu_orth * mu_orth)))\n"
            "    corrected_e_w1B = scale * (e_w1B - mu_B) / np.linalg.norm(e_w1 - mu_orth - mu_B)\n"
            "    corrected_e_w2B = scale * (e_w2B - mu_B) / np.linalg.norm(e_w2 - mu_orth - mu_B)\n"
            "    e1 = corrected_e_w1B + (e_w1 - e_w1B)\n"
            "    e2 = corrected_e_w2B + (e_w2 - e_w2B)\n"
        )),
        # Forgets to subtract mu_B: the pair is not symmetric about the neutral axis.
        "mu_B_not_subtracted": _EQUALIZE.format(body=(
            "    scale = np.sqrt(np.abs(1 - np.sum(mu_orth * mu_orth)))\n"
            "    corrected_e_w1B = scale * e_w1B / np.linalg.norm(e_w1 - mu_orth - mu_B)\n"
            "    corrected_e_w2B = scale * e_w2B / np.linalg.norm(e_w2 - mu_orth - mu_B)\n"
            + _EQ_TAIL
        )),
        # Divides by ||e_w1B - mu_B|| instead of the stated ||(e_w1 - mu_orth) - mu_B||.
        "paper_denominator": _EQUALIZE.format(body=(
            "    scale = np.sqrt(np.abs(1 - np.sum(mu_orth * mu_orth)))\n"
            "    corrected_e_w1B = scale * (e_w1B - mu_B) / np.linalg.norm(e_w1B - mu_B)\n"
            "    corrected_e_w2B = scale * (e_w2B - mu_B) / np.linalg.norm(e_w2B - mu_B)\n"
            + _EQ_TAIL
        )),
        # 1 - ||mu_orth|| instead of 1 - ||mu_orth||^2.
        "norm_not_squared_in_sqrt": _EQUALIZE.format(body=(
            "    scale = np.sqrt(np.abs(1 - np.linalg.norm(mu_orth)))\n"
            "    corrected_e_w1B = scale * (e_w1B - mu_B) / np.linalg.norm(e_w1 - mu_orth - mu_B)\n"
            "    corrected_e_w2B = scale * (e_w2B - mu_B) / np.linalg.norm(e_w2 - mu_orth - mu_B)\n"
            + _EQ_TAIL
        )),
    },
}

"""Word lists and helpers for Course 5 week 2 (word vectors, Emojify) and the names corpus.

The word lists below are guaranteed to be in the trimmed GloVe vocabulary of
:func:`dlcourse.data.load_glove` (its builder adds them, and the tests check it):

* :data:`SIMILARITY_WORDS` -- words for the first cosine-similarity examples;
* :data:`ANALOGIES` -- ``(a, b, c, d)``: "a is to b as c is to d" (all solved by the
  nearest-cosine rule), :data:`HARD_ANALOGIES` -- three that it gets wrong;
* :data:`GENDER_PAIRS` -- ``(male, female)`` word pairs to equalize;
* :data:`NEUTRAL_WORDS` -- words that should not carry gender (to neutralize);
* :data:`FIRST_NAMES` -- first names whose similarity to the gender axis is shown.

The preview functions draw one figure each and return it (Agg-safe, nothing is shown).
"""

from __future__ import annotations

import numpy as np

__all__ = [
    "SIMILARITY_WORDS", "ANALOGIES", "HARD_ANALOGIES", "GENDER_PAIRS", "NEUTRAL_WORDS",
    "FIRST_NAMES",
    "EMOJI", "label_to_emoji", "preview_names", "preview_glove", "preview_emojify",
]

SIMILARITY_WORDS = ["father", "mother", "ball", "crocodile", "france", "paris", "rome", "italy"]

ANALOGIES = [
    ("italy", "italian", "spain", "spanish"),
    ("india", "delhi", "japan", "tokyo"),
    ("man", "woman", "boy", "girl"),
    ("small", "smaller", "large", "larger"),
    ("man", "woman", "king", "queen"),
    ("france", "paris", "germany", "berlin"),
    ("good", "better", "bad", "worse"),
    ("brother", "sister", "uncle", "aunt"),
    ("walk", "walking", "swim", "swimming"),
    ("go", "went", "take", "took"),
    ("slow", "slower", "fast", "faster"),
    ("dog", "dogs", "cat", "cats"),
]

#: Analogies the 50-d vectors get wrong with the nearest-cosine rule (the three input words
#: excluded): big:bigger::small gives "larger", china:yuan::japan gives "trillion",
#: tall:tallest::short gives "longest". Good for a discussion of the method's limits.
HARD_ANALOGIES = [
    ("big", "bigger", "small", "smaller"),
    ("china", "yuan", "japan", "yen"),
    ("tall", "tallest", "short", "shortest"),
]

GENDER_PAIRS = [
    ("man", "woman"), ("men", "women"), ("boy", "girl"), ("boys", "girls"),
    ("father", "mother"), ("fathers", "mothers"), ("son", "daughter"), ("sons", "daughters"),
    ("brother", "sister"), ("brothers", "sisters"), ("uncle", "aunt"), ("nephew", "niece"),
    ("husband", "wife"), ("king", "queen"), ("kings", "queens"), ("prince", "princess"),
    ("he", "she"), ("him", "her"), ("his", "hers"), ("himself", "herself"),
    ("male", "female"), ("males", "females"), ("actor", "actress"), ("actors", "actresses"),
    ("grandfather", "grandmother"), ("grandson", "granddaughter"), ("dad", "mom"),
    ("gentleman", "lady"), ("boyfriend", "girlfriend"), ("waiter", "waitress"),
    ("chairman", "chairwoman"), ("spokesman", "spokeswoman"), ("businessman", "businesswoman"),
    ("monk", "nun"), ("schoolboy", "schoolgirl"), ("stepfather", "stepmother"),
    ("fraternity", "sorority"), ("mr", "mrs"), ("councilman", "councilwoman"),
]

NEUTRAL_WORDS = [
    "receptionist", "engineer", "doctor", "nurse", "teacher", "pilot", "scientist",
    "programmer", "homemaker", "architect", "babysitter", "hairdresser", "secretary",
    "surgeon", "lawyer", "librarian", "manager", "singer", "warrior", "lipstick", "guns",
    "science", "arts", "literature", "tree", "technology", "fashion", "computer",
]

FIRST_NAMES = ["john", "marie", "sophie", "ronaldo", "priya", "rahul", "danielle", "reza",
               "katy", "yasmin"]

#: Emoji of the five Emojify classes: 0 heart, 1 baseball, 2 smile, 3 disappointed, 4 food.
EMOJI = ["\u2764\ufe0f", "\u26be", "\U0001f604", "\U0001f61e", "\U0001f374"]
_CLASS_NAMES = ["heart (love)", "baseball (sport)", "smile (happy)", "disappointed (sad)",
                "fork and knife (food)"]


def label_to_emoji(label) -> str:
    """Return the emoji of an Emojify label (an int 0-4, or a 0-d/1-element array)."""
    return EMOJI[int(np.asarray(label).reshape(-1)[0])]


def preview_names(names=None):
    """Histogram of name lengths and letter frequencies of the census first names."""
    import matplotlib.pyplot as plt

    from .data import load_names

    names = load_names() if names is None else names
    lengths = np.array([len(n) for n in names])
    letters = np.frombuffer("".join(names).encode("ascii"), dtype=np.uint8) - ord("a")
    counts = np.bincount(letters, minlength=26)
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(10, 3.2))
    ax1.hist(lengths, bins=np.arange(1.5, lengths.max() + 1.5), color="tab:blue")
    ax1.set(title=f"{len(names)} first names: length", xlabel="characters", ylabel="names")
    ax2.bar([chr(ord("a") + i) for i in range(26)], counts / counts.sum(), color="tab:orange")
    ax2.set(title="letter frequency", ylabel="share")
    sample = ", ".join(names[:: max(1, len(names) // 8)][:8])
    fig.suptitle(f"e.g. {sample}", fontsize=9)
    fig.tight_layout()
    return fig


def preview_glove(glove=None):
    """2-D projection (PCA) of a few gendered word pairs and country/capital pairs."""
    import matplotlib.pyplot as plt

    from .data import load_glove

    _, _, _, word_to_vec_map = load_glove() if glove is None else glove
    groups = {
        "gender": ["man", "woman", "king", "queen", "boy", "girl", "actor", "actress",
                   "father", "mother"],
        "capitals": ["france", "paris", "italy", "rome", "japan", "tokyo", "germany",
                     "berlin", "spain", "madrid"],
    }
    fig, axes = plt.subplots(1, 2, figsize=(10, 4))
    for ax, (title, words) in zip(axes, groups.items()):
        e = np.stack([word_to_vec_map[w] for w in words]).astype(np.float64)
        e -= e.mean(0)
        _, _, vt = np.linalg.svd(e, full_matrices=False)
        xy = e @ vt[:2].T
        ax.scatter(xy[:, 0], xy[:, 1], s=12)
        for (x, y), w in zip(xy, words):
            ax.annotate(w, (x, y), fontsize=9, xytext=(3, 3), textcoords="offset points")
        for k in range(0, len(words), 2):
            ax.plot(xy[k:k + 2, 0], xy[k:k + 2, 1], color="grey", lw=0.8)
        ax.set(title=f"GloVe 50d, PCA of {title} pairs", xticks=[], yticks=[])
    fig.tight_layout()
    return fig


def preview_emojify(data=None):
    """Class counts of the Emojify train and test sets and two sentences per class."""
    import matplotlib.pyplot as plt

    from .data import load_emojify

    x_train, y_train, x_test, y_test = load_emojify() if data is None else data
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(12, 3.8),
                                   gridspec_kw={"width_ratios": [1, 1.6]})
    k = np.arange(5)
    ax1.bar(k - 0.2, np.bincount(y_train, minlength=5), 0.4, label="train")
    ax1.bar(k + 0.2, np.bincount(y_test, minlength=5), 0.4, label="test")
    ax1.set_xticks(k, [c.split(" (")[1].rstrip(")") for c in _CLASS_NAMES])
    ax1.set(title="sentences per class", ylabel="sentences",
            ylim=(0, 1.3 * np.bincount(y_train).max()))
    ax1.legend(loc="upper center", ncol=2)
    ax2.axis("off")
    lines = []
    for label in range(5):
        examples = x_train[y_train == label][:2]
        lines += [f"{label} {_CLASS_NAMES[label]:<22} {s}" for s in examples]
    ax2.text(0, 1, "\n".join(lines), family="monospace", fontsize=8, va="top")
    ax2.set_title("examples (label, class, sentence)")
    fig.tight_layout()
    return fig

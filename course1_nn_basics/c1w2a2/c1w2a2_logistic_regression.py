# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Logistic regression as a neural network
#
# In this assignment you build, from nothing but NumPy, a classifier that looks at a small colour
# picture and answers one question: **does it show an animal?** The model is logistic
# regression, which is also the smallest possible neural network: a single neuron with a sigmoid
# activation. Everything a deep network does (a forward pass, a cost, a backward pass that
# computes gradients, gradient descent) already appears here, in a form small enough to
# check by hand.
#
# **By the end you will have written**
#
# - the preprocessing that turns a batch of images into a matrix $X$ of shape $(n_x, m)$;
# - `sigmoid`, `initialize_with_zeros`, `propagate` (the cost, and the gradients you derive
#   yourself), `optimize` (gradient descent), `predict` and `model`, which puts them together;
#
# and you will have trained the model, measured its accuracy, looked at what it learned and at
# the images it gets wrong, and predicted, then seen, what the learning rate does.
#
# **How this notebook works**
#
# - Write your code between `# YOUR CODE HERE` and the `return` line of each exercise, and delete
#   the `raise NotImplementedError()` line. Do not rename the functions or change their arguments.
# - Each exercise is followed by a test cell. Run it: a line ending in "all public tests passed"
#   means the visible checks agree with your code. The grader runs more tests (other shapes,
#   other values), so a passing public test is necessary, not sufficient.
# - Use vectorized NumPy: no `for` loop over the examples is needed anywhere, and the only loop
#   you will write is the loop over gradient-descent iterations.
# - Run the cells in order. If something behaves strangely, use *Kernel → Restart and run all*.
# - Only the exercise cells are graded: the grader runs the released notebook with your
#   exercise cells put in, so cells you add yourself do not run there. Keep every helper
#   function or import that your answer needs inside its exercise cell.

# %% [markdown]
# ## 1 - Packages
#
# - [NumPy](https://numpy.org) for all the computations;
# - [Matplotlib](https://matplotlib.org) for the plots;
# - `dlcourse`, this course's own package: `dlcourse.data` loads the dataset, `dlcourse.plots` and
#   `dlcourse.curves` draw pictures and cost curves, `dlcourse.testing` holds the helpers the test
#   cells use.

# %%
import matplotlib.pyplot as plt
import numpy as np

from dlcourse.curves import plot_costs
from dlcourse.data import load_animals
from dlcourse.plots import montage, show_image
from dlcourse.testing import (
    CheckFailed,
    check_array,
    check_between,
    check_close,
    check_equal,
    check_keys,
    check_label_dtype,
    check_scalar,
    check_shape,
    check_type,
    check_unchanged,
    run_checks,
    substituted,
)

# %% [markdown]
# ## 2 - The dataset
#
# The "animals" dataset holds small colour pictures, 64 × 64 pixels each: drawings (public-domain
# clip art) and emoji, pasted at random sizes and angles onto varied backgrounds. Each is labelled
#
# - $y = 1$: the picture shows an **animal**;
# - $y = 0$: it shows something else (a **non-animal**: food, a vehicle, a plant, a building, a
#   person, an everyday object, ...).
#
# It comes already split into a **training set**, from which the model learns, and a **test set**,
# which the model never sees during training and which tells us how well it does on new
# pictures.
#
# `load_animals()` returns five things:
#
# | name | what it is | shape |
# |---|---|---|
# | `train_set_x_orig` | training images, integers 0-255 (`uint8`) | (number of images, 64, 64, 3) |
# | `train_set_y` | training labels, 0 or 1 | (1, number of images) |
# | `test_set_x_orig` | test images | (number of images, 64, 64, 3) |
# | `test_set_y` | test labels | (1, number of images) |
# | `classes` | the class names: `classes[0]` is `"non-animal"`, `classes[1]` is `"animal"` | (2,) |
#
# The last axis of an image holds its three colour channels, red, green and blue: `image[i, j]`
# is the pixel in row `i`, column `j`, and `image[i, j, 0]` its amount of red. The suffix `_orig`
# marks the images as loaded; you will preprocess them into `train_set_x` and `test_set_x`.

# %%
train_set_x_orig, train_set_y, test_set_x_orig, test_set_y, classes = load_animals()

# %% [markdown]
# Here are the first 24 training pictures with their labels. Change the slice to look at
# others.

# %% tags=["demo"]
montage(train_set_x_orig[:24], labels=train_set_y[0, :24], classes=classes,
        title="The first 24 training examples")
plt.show()

# %% [markdown]
# One picture at full size. `classes[y]` turns a label into its name.

# %% tags=["demo"]
index = 3
label = int(train_set_y[0, index])
show_image(train_set_x_orig[index], title=f"y = {label}: {classes[label]}")
plt.show()

# %% [markdown]
# Most bugs in deep learning code are shape bugs, and the first habit to build is knowing the
# shape of every array you touch.
#
# ### Exercise 1 - `dataset_dims`
#
# Find the values of
#
# - `m_train`, the number of training examples;
# - `m_test`, the number of test examples;
# - `num_px`, the height of a training image, which is also its width (the images are square).
#
# Read them off the arrays' shapes: `train_set_x_orig.shape` is a tuple, and
# `train_set_x_orig.shape[0]` its first entry. Do not type numbers in: your code should still
# be right if the dataset grew.

# %% nbgrader={"grade_id": "dataset_dims", "solution": true}
### BEGIN SOLUTION
m_train = train_set_x_orig.shape[0]
m_test = test_set_x_orig.shape[0]
num_px = train_set_x_orig.shape[1]
### END SOLUTION

print("Number of training examples: m_train =", m_train)
print("Number of test examples:     m_test  =", m_test)
print("Height and width of an image: num_px =", num_px)
print("train_set_x_orig shape:", train_set_x_orig.shape)
print("train_set_y shape:     ", train_set_y.shape)
print("test_set_x_orig shape: ", test_set_x_orig.shape)
print("test_set_y shape:      ", test_set_y.shape)

# %% nbgrader={"grade_id": "test_dataset_dims", "points": 1}
run_checks(
    "dataset_dims",
    # One label per image: the label arrays tell how many examples each set holds.
    lambda: check_scalar(m_train, train_set_y.shape[1], "m_train",
                         hints=[(64, "the side of an image: the examples run along the first "
                                     "axis?")]),
    lambda: check_scalar(m_test, test_set_y.shape[1], "m_test",
                         hints=[(train_set_y.shape[1], "the number of training examples: "
                                                       "read from the test images?")]),
    lambda: check_scalar(num_px, 64, "num_px",
                         hints=[(64 * 64, "the number of pixels: num_px is the side?"),
                                (3, "the number of colour channels: num_px is the side?")]),
)
### BEGIN HIDDEN TESTS
def _hidden_dataset_dims():
    for _name, _got, _want in (
        ("m_train", m_train, train_set_x_orig.shape[0]),
        ("m_test", m_test, test_set_x_orig.shape[0]),
        ("num_px", num_px, train_set_x_orig.shape[1]),
    ):
        check_type(_got, (int, np.integer), _name)
        check_equal(int(_got), int(_want), _name)
    check_equal(int(num_px), int(train_set_x_orig.shape[2]), "num_px (the image width)")


_hidden_dataset_dims()
### END HIDDEN TESTS

# %% [markdown]
# ## 3 - From images to vectors
#
# Logistic regression takes a vector of numbers as input, not a 3-D picture. So each image
# becomes one long column: its $64 \times 64 \times 3 = 12288$ numbers are listed one after the
# other. In the lectures' notation, an example is a column vector $x^{(i)}$ of length $n_x$
# (in code, `num_px * num_px * 3`), and the $m$ examples side by side form the matrix
#
# $$X = \begin{bmatrix} | & | & & | \\ x^{(1)} & x^{(2)} & \cdots & x^{(m)} \\ | & | & & |
# \end{bmatrix}, \qquad X \text{ of shape } (n_x, m).$$
#
# The labels sit side by side in the same order: $Y = [y^{(1)}, y^{(2)}, \dots, y^{(m)}]$ of
# shape $(1, m)$, which is already the shape of `train_set_y`.
#
# **Flattening with `reshape`.** An array `arr` of shape `(a, b, c, d)` can be viewed as a matrix
# of shape `(a, b*c*d)` with `arr.reshape(a, -1)`: the `-1` asks NumPy to work out the remaining
# length. Row `i` of that matrix is image `i` flattened in NumPy's default order (row by row,
# and within a pixel red, green, blue). A transpose `.T` then turns the rows into columns.
#
# Beware of a tempting shortcut: `arr.reshape(-1, a)` also has the right shape `(b*c*d, a)`, but it
# fills each column with pieces of *different* images. The shapes agree, the data is garbage,
# and no error is raised. Always ask: which axis holds the examples?
#
# **Standardizing.** Pixel values run from 0 to 255. Gradient descent behaves much better on
# inputs of a moderate size, so we divide every value by 255, which maps them to $[0, 1]$. (For
# other data one usually subtracts the mean and divides by the standard deviation; for images,
# dividing by the largest possible value is simple and works as well.)
#
# ### Exercise 2 - `flatten`
#
# 1. Set `train_set_x_flatten` and `test_set_x_flatten`: the training and test images as
#    matrices of shape $(n_x, m_{train})$ and $(n_x, m_{test})$. Column $j$ must be image $j$
#    flattened with `reshape` in NumPy's default order.
# 2. Set `train_set_x` and `test_set_x`: the same matrices divided by 255 (floats between 0 and 1).
#
# <details><summary>Hint</summary>
#
# `train_set_x_orig.reshape(train_set_x_orig.shape[0], -1)` has one image per **row**. You need
# one image per **column**. Dividing a `uint8` array by `255` with `/` gives floats; `//` would
# round everything down to 0 or 1.
# </details>

# %% nbgrader={"grade_id": "flatten", "solution": true}
### BEGIN SOLUTION
train_set_x_flatten = train_set_x_orig.reshape(train_set_x_orig.shape[0], -1).T
test_set_x_flatten = test_set_x_orig.reshape(test_set_x_orig.shape[0], -1).T

train_set_x = train_set_x_flatten / 255.0
test_set_x = test_set_x_flatten / 255.0
### END SOLUTION

print("train_set_x_flatten shape:", train_set_x_flatten.shape)
print("test_set_x_flatten shape: ", test_set_x_flatten.shape)
print("train_set_x: min", train_set_x.min(), " max", train_set_x.max(), " dtype", train_set_x.dtype)

# %% nbgrader={"grade_id": "test_flatten", "points": 2}
# The sizes are read off the image arrays here, so that this test does not depend on
# exercise 1.
n_x = train_set_x_orig.shape[1] * train_set_x_orig.shape[2] * train_set_x_orig.shape[3]
run_checks(
    "flatten",
    lambda: check_shape(train_set_x_flatten, (n_x, train_set_x_orig.shape[0]),
                        "train_set_x_flatten"),
    lambda: check_shape(test_set_x_flatten, (n_x, test_set_x_orig.shape[0]),
                        "test_set_x_flatten"),
    # Each column holds one whole image, so column sums are the images' pixel sums.
    lambda: check_close(train_set_x_flatten.sum(axis=0), train_set_x_orig.sum(axis=(1, 2, 3)),
                        "column sums of train_set_x_flatten (one column = one image)",
                        hints=[(train_set_x_orig.reshape(-1, train_set_x_orig.shape[0]).sum(
                            axis=0), "each column mixes pieces of several images: which axis "
                                     "holds the examples before the reshape?")]),
    # The first three entries of column j are the red, green, blue values of the top-left pixel
    # of image j; the next three are those of the pixel to its right.
    lambda: check_equal(train_set_x_flatten[0:3, :], train_set_x_orig[:, 0, 0, :].T,
                        "train_set_x_flatten[0:3, :] (top-left pixel of each image)"),
    lambda: check_equal(test_set_x_flatten[3:6, :], test_set_x_orig[:, 0, 1, :].T,
                        "test_set_x_flatten[3:6, :] (second pixel of each image)"),
    lambda: check_array(train_set_x, train_set_x_flatten / 255, "train_set_x",
                        hints=[(train_set_x_flatten / 256, "divided by 256: the largest pixel "
                                                           "value is 255?")]),
    lambda: check_array(test_set_x, test_set_x_flatten / 255, "test_set_x"),
)
### BEGIN HIDDEN TESTS
def _hidden_flatten():
    _n_x = train_set_x_orig.shape[1] * train_set_x_orig.shape[2] * train_set_x_orig.shape[3]
    for _name, _orig, _flat, _std in (
        ("train", train_set_x_orig, train_set_x_flatten, train_set_x),
        ("test", test_set_x_orig, test_set_x_flatten, test_set_x),
    ):
        _m = _orig.shape[0]
        _want = np.stack([_orig[_j].ravel() for _j in range(_m)], axis=1)
        check_type(_flat, np.ndarray, f"{_name}_set_x_flatten")
        check_shape(_flat, (_n_x, _m), f"{_name}_set_x_flatten")
        check_equal(np.asarray(_flat), _want, f"{_name}_set_x_flatten")
        check_array(_std, _want / 255.0, f"{_name}_set_x", rtol=1e-6, atol=1e-7)


_hidden_flatten()
### END HIDDEN TESTS

# %% [markdown]
# ## 4 - The model: one neuron
#
# Logistic regression computes, for one example $x^{(i)}$ (a column of $X$),
#
# $$z^{(i)} = w^T x^{(i)} + b, \qquad \hat{y}^{(i)} = a^{(i)} = \sigma(z^{(i)}),$$
#
# where $w$ is a column vector of $n_x$ weights, $b$ a single number (the bias), and
# $\sigma(z) = \frac{1}{1 + e^{-z}}$ the **sigmoid**, which squeezes any real number into the
# interval $(0, 1)$. The output $a^{(i)}$ is read as the model's estimate of the probability that
# the picture shows an animal; the prediction is 1 ("animal") when $a^{(i)} > 0.5$.
#
# How wrong an output is for one example is measured by the **loss**
#
# $$\mathcal{L}(a^{(i)}, y^{(i)}) = -y^{(i)} \log a^{(i)} - (1 - y^{(i)}) \log(1 - a^{(i)}).$$
#
# If $y^{(i)} = 1$ only the first term remains, $-\log a^{(i)}$, which is small when $a^{(i)}$
# is close to 1 and grows without bound as $a^{(i)}$ goes to 0; the case $y^{(i)} = 0$ is the
# mirror image. The **cost** is the average loss over the training set,
#
# $$J(w, b) = \frac{1}{m} \sum_{i=1}^{m} \mathcal{L}(a^{(i)}, y^{(i)}).$$
#
# Learning means finding the $w$ and $b$ that make $J$ small. The plan, one function each:
#
# 1. `sigmoid`: the activation;
# 2. `initialize_with_zeros`: the starting point, $w = 0$ and $b = 0$;
# 3. `propagate`: the cost $J$ (forward propagation) and its gradients
#    $\frac{\partial J}{\partial w}, \frac{\partial J}{\partial b}$ (backward propagation);
# 4. `optimize`: gradient descent, repeating "propagate, then step downhill";
# 5. `predict`: labels from the learned parameters;
# 6. `model`: everything in order.

# %% [markdown]
# ### Exercise 3 - `sigmoid`
#
# Implement $\sigma(z) = \frac{1}{1 + e^{-z}}$. It must work on a number and on a NumPy array of
# any shape (applied to each element), so use `np.exp`, not `math.exp`.

# %% nbgrader={"grade_id": "sigmoid", "solution": true}
# GRADED FUNCTION: sigmoid
def sigmoid(z):
    """Compute the sigmoid of z, element by element.

    Arguments:
    z -- a number or a numpy array of any shape

    Returns:
    s -- sigmoid(z), of the same shape as z
    """
    ### BEGIN SOLUTION
    s = 1 / (1 + np.exp(-z))
    ### END SOLUTION
    return s


# %% nbgrader={"grade_id": "test_sigmoid", "points": 1}
# sigmoid(log 3) = 1 / (1 + 1/3) = 3/4, sigmoid(-log 3) = 1/4, sigmoid(log 9) = 9/10.
z = np.array([[0.0, np.log(3.0)], [-np.log(3.0), np.log(9.0)]])
run_checks(
    "sigmoid",
    lambda: check_array(sigmoid(z), [[0.5, 0.75], [0.25, 0.9]], "sigmoid(z) for a 2x2 z",
                        hints=[([[2.0, 4 / 3], [4.0, 10 / 9]], "1 / 1 + exp(-z): parentheses "
                                                               "around the denominator?"),
                               ([[0.0, 0.8], [-0.8, 80 / 82]], "tanh(z), not the sigmoid?")]),
    lambda: check_scalar(sigmoid(0.0), 0.5, "sigmoid(0.0)"),
)
### BEGIN HIDDEN TESTS
def _hidden_sigmoid():
    for _seed, _shape in ((0, (3, 4)), (1, (1, 7)), (2, (2, 3, 2)), (3, (5,))):
        _z = np.random.default_rng(_seed).uniform(-12.0, 12.0, size=_shape)
        _z_copy = _z.copy()
        _got = sigmoid(_z)
        _want = 1.0 / (1.0 + np.exp(-_z_copy))
        # the relation "right for small |z|, wrong only for the largest |z|" (a clipped z)
        _bad = ~np.isclose(np.asarray(_got, dtype=float), _want, rtol=1e-10, atol=1e-14) \
            if np.shape(_got) == _shape else np.zeros(_shape, bool)
        _large_only = _bad.any() and (~_bad).any() and \
            np.abs(_z_copy[_bad]).min() > np.abs(_z_copy[~_bad]).max()
        check_array(_got, _want, f"sigmoid(z) for z of shape {_shape}", rtol=1e-10, atol=1e-14,
                    hints=[(_got if _large_only else None,
                            "wrong only where |z| is largest: z clipped, or an approximation?")])
        check_equal(_z, _z_copy, "z after calling sigmoid(z) (the input must not change)")
    for _v in (-4.0, -0.5, 1.5, 6.0):
        check_scalar(sigmoid(_v), 1.0 / (1.0 + np.exp(-_v)), "sigmoid of a number", rtol=1e-10)


_hidden_sigmoid()
### END HIDDEN TESTS

# %% [markdown]
# The sigmoid of large negative numbers is close to 0, of large positive numbers close to 1:

# %% tags=["demo"]
print("sigmoid([-5, -1, 0, 1, 5]) =", sigmoid(np.array([-5.0, -1.0, 0.0, 1.0, 5.0])))

# %% [markdown]
# ### Exercise 4 - `initialize_with_zeros`
#
# Create the starting parameters: `w`, a column vector of zeros of shape `(dim, 1)` with a float
# dtype, and `b = 0.0`, a Python float. (`np.zeros` takes the shape as one tuple:
# `np.zeros((dim, 1))`.)
#
# Starting from zeros is fine for logistic regression: its cost is *convex* (bowl-shaped), so
# gradient descent heads for the same minimum from any starting point. In week 3 you will see
# why zeros do *not* work for a network with hidden layers: all hidden units would stay
# identical.

# %% nbgrader={"grade_id": "initialize_with_zeros", "solution": true}
# GRADED FUNCTION: initialize_with_zeros
def initialize_with_zeros(dim):
    """Create a vector of zeros of shape (dim, 1) for w and set b to 0.0.

    Arguments:
    dim -- the number of weights (n_x), a positive integer

    Returns:
    w -- numpy array of zeros, shape (dim, 1), float dtype
    b -- 0.0 (a float)
    """
    ### BEGIN SOLUTION
    w = np.zeros((dim, 1))
    b = 0.0
    ### END SOLUTION
    return w, b


# %% nbgrader={"grade_id": "test_initialize_with_zeros", "points": 1}
w, b = initialize_with_zeros(3)
run_checks(
    "initialize_with_zeros",
    lambda: check_array(w, np.zeros((3, 1)), "w from initialize_with_zeros(3)"),
    lambda: check_type(b, float, "b"),
    lambda: check_scalar(b, 0.0, "b"),
)
### BEGIN HIDDEN TESTS
def _hidden_initialize_with_zeros():
    for _dim in (1, 2, 7, 12288):
        _w, _b = initialize_with_zeros(_dim)
        check_array(_w, np.zeros((_dim, 1)), f"w from initialize_with_zeros({_dim})", atol=0)
        check_type(_b, float, f"b from initialize_with_zeros({_dim})")
        check_scalar(_b, 0.0, f"b from initialize_with_zeros({_dim})", atol=0)


_hidden_initialize_with_zeros()
### END HIDDEN TESTS

# %% [markdown]
# ### Exercise 5 - `propagate`: forward and backward propagation
#
# `propagate` computes the cost and its gradients for all $m$ examples at once.
#
# **Forward propagation.** Stacking the $z^{(i)}$ side by side gives one matrix product for the
# whole set:
#
# $$Z = w^T X + b \;\; \text{(shape } (1, m)\text{)}, \qquad A = \sigma(Z) = [a^{(1)}, \dots,
# a^{(m)}],$$
#
# $$J = -\frac{1}{m} \sum_{i=1}^{m} \left( y^{(i)} \log a^{(i)} + (1 - y^{(i)}) \log(1 - a^{(i)})
# \right).$$
#
# (`b` is a number; adding it to the `(1, m)` array `np.dot(w.T, X)` adds it to every entry. This
# is NumPy *broadcasting*.)
#
# **Backward propagation: derive it.** Gradient descent needs
# $\frac{\partial J}{\partial w}$ (called `dw` in code, of shape $(n_x, 1)$ like $w$) and
# $\frac{\partial J}{\partial b}$ (`db`, a number like $b$). This page does not give them:
# derive them on paper from what you know, one link of the chain at a time.
#
# - For one example: $z = w^T x + b = \sum_j w_j x_j + b$, then $a = \sigma(z)$, then the loss
#   $\mathcal{L}(a, y) = -y \log a - (1 - y) \log(1 - a)$.
# - The derivative of the sigmoid (the previous notebook): $\sigma'(z) = \sigma(z)(1 -
#   \sigma(z)) = a(1 - a)$.
# - The cost is the mean of the losses: $J = \frac{1}{m} \sum_{i=1}^{m} \mathcal{L}(a^{(i)},
#   y^{(i)})$, so its derivative is the mean of the losses' derivatives.
#
# The steps:
#
# 1. $\frac{\partial \mathcal{L}}{\partial a}$;
# 2. $\frac{\partial \mathcal{L}}{\partial z} = \frac{\partial \mathcal{L}}{\partial a} \cdot
#    \frac{da}{dz}$: simplify it, it becomes very short;
# 3. $\frac{\partial \mathcal{L}}{\partial w_j}$ and $\frac{\partial \mathcal{L}}{\partial b}$,
#    with $\frac{\partial z}{\partial w_j} = x_j$ and $\frac{\partial z}{\partial b} = 1$;
# 4. the mean over the $m$ examples, written for all $n_x$ weights and all examples at once:
#    $X$ holds one example per column and $A$, $Y$ one entry per example, so a single matrix
#    product does the sum over $i$. Check the shapes: `dw` must come out as $(n_x, 1)$.
#
# The grader compares your gradients with the numerical derivative of *your* cost, so any
# correct way of writing them is accepted.
#
# <details><summary>Check step 2 (open it after you tried)</summary>
#
# $\frac{\partial \mathcal{L}}{\partial z} = a - y$: the gradient is just the error of the
# prediction. If an $a(1 - a)$ is left in your result, it should have cancelled against the
# denominators of step 1.
# </details>
#
# **Your task.** Implement `propagate(w, b, X, Y)`: compute `A`, then `cost`, then `dw` and `db`.
#
# - `cost` must be a single number, not an array of shape `(1, 1)`.
# - `db` must be a single number too.
# - Do not change the arrays you are given (no `X -= ...` or `w += ...`).
#
# <details><summary>Hints</summary>
#
# - `np.dot(w.T, X)` (or `w.T @ X`) has shape `(1, m)`; `np.log` works element by element, and
#   `np.sum` of an array returns a number.
# - `Y * np.log(A)` multiplies element by element, which is what the sum over $i$ needs.
# - If you compute the cost with a matrix product, e.g. `np.dot(Y, np.log(A).T)`, you get a
#   `(1, 1)` array: turn it into a number with `np.squeeze` or `.item()`.
# - A product of an $(n_x, m)$ matrix with an $(m, 1)$ matrix has shape $(n_x, 1)$.
# </details>

# %% nbgrader={"grade_id": "propagate", "solution": true}
# GRADED FUNCTION: propagate
def propagate(w, b, X, Y):
    """Compute the cost of logistic regression and its gradients.

    Arguments:
    w -- weights, numpy array of shape (n_x, 1)
    b -- bias, a number
    X -- data, numpy array of shape (n_x, m)
    Y -- true labels (0 or 1), numpy array of shape (1, m)

    Returns:
    grads -- dictionary with
             "dw": gradient of the cost with respect to w, shape (n_x, 1)
             "db": gradient of the cost with respect to b, a number
    cost -- the cross-entropy cost J, a number (float)
    """
    m = X.shape[1]

    # Forward propagation (from X to the cost)
    ### BEGIN SOLUTION
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    ### END SOLUTION

    # Backward propagation (the gradients)
    ### BEGIN SOLUTION
    dw = np.dot(X, (A - Y).T) / m
    db = np.sum(A - Y) / m
    ### END SOLUTION

    grads = {"dw": dw, "db": db}
    return grads, cost


# %% nbgrader={"grade_id": "test_propagate", "points": 3}
# A small problem: n_x = 3 features, m = 4 examples. The expected values were computed
# separately, one example at a time, with plain Python floats.
w = np.array([[0.5], [-1.0], [2.0]])
b = -0.5
X = np.array([[1.0, -2.0, 0.0, 3.0],
              [0.5, 1.0, -1.5, 2.0],
              [-1.0, 0.5, 1.0, 0.0]])
Y = np.array([[1, 0, 1, 0]])
X_copy, w_copy = X.copy(), w.copy()
# While propagate runs, sigmoid is a correct stand-in, sigma(z) = (1 + tanh(z / 2)) / 2, so that
# this test checks propagate alone (a mistake in exercise 3 fails only exercise 3's test).
with substituted(globals(), sigmoid=lambda z: 0.5 * (1.0 + np.tanh(0.5 * np.asarray(z)))):
    grads, cost = propagate(w, b, X, Y)
run_checks(
    "propagate",
    lambda: check_unchanged(X_copy, X, "X after calling propagate"),
    lambda: check_unchanged(w_copy, w, "w after calling propagate"),
    lambda: check_keys(grads, {"dw", "db"}, "grads"),
    lambda: check_array(grads["dw"], [[-0.1205421509], [0.0823440666], [0.2419821772]],
                        "grads['dw']", rtol=1e-8, factors={"m": 4},
                        hints=[([[-0.0715144786], [0.1568981415], [0.2464888895]],
                                "the gradient without b: z = w^T X + b forgot the bias?")]),
    lambda: check_shape(grads["db"], (), "grads['db'] (a number)"),
    lambda: check_scalar(grads["db"], -0.1300501870, "grads['db']", rtol=1e-8),
    lambda: check_shape(cost, (), "cost (a number)"),
    lambda: check_scalar(cost, 0.7855380128, "cost", rtol=1e-8, factors={"m": 4},
                         hints=[(0.6568692715, "only the y log(a) term: the (1 - y) log(1 - a) "
                                               "term is missing?")]),
)
### BEGIN HIDDEN TESTS
def _hidden_propagate():
    def _oracle(_w, _b, _X, _Y):
        _m = _X.shape[1]
        _A = 1.0 / (1.0 + np.exp(-(_w[:, 0] @ _X + _b)))
        _y = _Y[0].astype(float)
        _cost = -np.mean(_y * np.log(_A) + (1.0 - _y) * np.log(1.0 - _A))
        _dw = (_X @ (_A - _y)) / _m
        return _dw.reshape(-1, 1), float(np.mean(_A - _y)), float(_cost)

    def _hints(_w, _b, _X, _Y, _i):
        # the results of known mistakes: no bias, only the y = 1 term of the loss
        _nob = _oracle(_w, 0.0, _X, _Y)[_i]
        _A = 1.0 / (1.0 + np.exp(-(_w[:, 0] @ _X + _b)))
        _one = -np.mean(_Y[0] * np.log(_A))
        _out = [(_nob, "the result without b: z = w^T X + b forgot the bias?"),
                (_one, "only the y log(a) term: the (1 - y) log(1 - a) term is missing?")]
        if _i < 2:  # the gradients of two wrong derivations of dL/dz
            for _dz, _msg in (((_A - _Y[0]) * _A * (1.0 - _A), "dL/dz with an extra a(1 - a): "
                               "sigma' should cancel against the denominators of dL/da?"),
                              (-(_Y[0] / _A - (1.0 - _Y[0]) / (1.0 - _A)), "dL/da used as "
                               "dL/dz: multiply by da/dz = a(1 - a), which simplifies?")):
                _g = (_X @ _dz) / _X.shape[1] if _i == 0 else float(np.mean(_dz))
                _out.append((_g.reshape(-1, 1) if _i == 0 else _g, _msg))
        return _out

    for _seed, (_n, _m) in enumerate(((5, 7), (1, 3), (12, 2), (4, 30))):
        _rng = np.random.default_rng(100 + _seed)
        _w = _rng.normal(0.0, 0.5, size=(_n, 1))
        _b = float(_rng.normal())
        _X = _rng.normal(0.0, 1.0, size=(_n, _m))
        _Y = _rng.integers(0, 2, size=(1, _m))
        if _seed % 2:
            _Y = _Y.astype(float)
        _copies = (_w.copy(), _X.copy(), _Y.copy())
        _dw, _db, _cost = _oracle(_w, _b, _X, _Y)
        _what = f"for X of shape {(_n, _m)}"
        _grads, _c = propagate(_w, _b, _X, _Y)
        for _name, _before, _after in zip(("w", "X", "Y"), _copies, (_w, _X, _Y)):
            check_unchanged(_before, _after, f"{_name} after calling propagate")
        _f = {"m": _m}
        check_keys(_grads, {"dw", "db"}, "grads")
        check_array(_grads["dw"], _dw, f"grads['dw'] {_what}", rtol=1e-7, atol=1e-10,
                    factors=_f, hints=_hints(_w, _b, _X, _Y, 0))
        check_shape(_grads["db"], (), f"grads['db'] {_what} (a number)")
        check_scalar(_grads["db"], _db, f"grads['db'] {_what}", rtol=1e-7, atol=1e-10,
                     factors=_f, hints=_hints(_w, _b, _X, _Y, 1))
        check_shape(_c, (), f"cost {_what} (a number)")
        check_scalar(_c, _cost, f"cost {_what}", rtol=1e-7, atol=1e-10, factors=_f,
                     hints=_hints(_w, _b, _X, _Y, 2))

    # The gradients must be the derivatives of the returned cost: central differences.
    _rng = np.random.default_rng(7)
    _n, _m, _eps = 4, 6, 1e-6
    _w = _rng.normal(0.0, 0.7, size=(_n, 1))
    _b = 0.3
    _X = _rng.normal(size=(_n, _m))
    _Y = _rng.integers(0, 2, size=(1, _m))
    _grads, _ = propagate(_w, _b, _X, _Y)
    _num_dw = np.zeros((_n, 1))
    for _k in range(_n):
        _e = np.zeros((_n, 1))
        _e[_k, 0] = _eps
        _num_dw[_k, 0] = (float(np.squeeze(propagate(_w + _e, _b, _X, _Y)[1]))
                          - float(np.squeeze(propagate(_w - _e, _b, _X, _Y)[1]))) / (2 * _eps)
    _num_db = (float(np.squeeze(propagate(_w, _b + _eps, _X, _Y)[1]))
               - float(np.squeeze(propagate(_w, _b - _eps, _X, _Y)[1]))) / (2 * _eps)
    check_close(_grads["dw"], _num_dw,
                "grads['dw'] compared with the numerical derivative of your cost", rtol=1e-5,
                atol=1e-7)
    check_close(_grads["db"], _num_db,
                "grads['db'] compared with the numerical derivative of your cost", rtol=1e-5,
                atol=1e-7)


def _sigmoid(z):  # the name of the original course's signature
    return 1.0 / (1.0 + np.exp(-z))


with substituted(globals(), sigmoid=_sigmoid):
    _hidden_propagate()
### END HIDDEN TESTS

# %% [markdown]
# ### Exercise 6 - `optimize`: gradient descent
#
# Gradient descent repeats two steps `num_iterations` times:
#
# 1. compute the cost and the gradients for the current parameters with `propagate`;
# 2. take a step against the gradient, of a size set by the learning rate $\alpha$
#    (`learning_rate`):
#    $$w := w - \alpha \, dw, \qquad b := b - \alpha \, db.$$
#
# To watch the training, record the cost every 100 iterations: at iterations
# $i = 0, 100, 200, \dots$ (counting from 0), append the cost computed in step 1 of that
# iteration to the list `costs`. With `print_cost=True`, also print it. After 250 iterations,
# `costs` therefore holds 3 values, from iterations 0, 100 and 200.
#
# Return the final parameters, the gradients of the **last** iteration (computed before its
# update), and `costs`.
#
# <details><summary>Hints</summary>
#
# - `for i in range(num_iterations):` runs exactly `num_iterations` times, with `i` from 0.
# - Write `w = w - learning_rate * dw`, which makes a new array. `w -= learning_rate * dw` would
#   change, in place, the array the caller passed in.
# - `i % 100 == 0` is true for `i = 0, 100, 200, ...`.
# </details>

# %% nbgrader={"grade_id": "optimize", "solution": true}
# GRADED FUNCTION: optimize
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    """Learn w and b by running gradient descent.

    Arguments:
    w -- initial weights, numpy array of shape (n_x, 1)
    b -- initial bias, a number
    X -- data, numpy array of shape (n_x, m)
    Y -- true labels (0 or 1), numpy array of shape (1, m)
    num_iterations -- number of gradient-descent steps
    learning_rate -- the step size alpha
    print_cost -- if True, print the cost every 100 iterations

    Returns:
    params -- dictionary with the learned weights "w" and bias "b"
    grads -- dictionary with the gradients "dw" and "db" computed in the last iteration
    costs -- list of the costs recorded at iterations 0, 100, 200, ...
    """
    costs = []

    for i in range(num_iterations):
        # Cost and gradients for the current parameters
        ### BEGIN SOLUTION
        grads, cost = propagate(w, b, X, Y)
        ### END SOLUTION

        dw = grads["dw"]
        db = grads["db"]

        # Update the parameters
        ### BEGIN SOLUTION
        w = w - learning_rate * dw
        b = b - learning_rate * db
        ### END SOLUTION

        # Record (and print) the cost every 100 iterations
        ### BEGIN SOLUTION
        if i % 100 == 0:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost:f}")
        ### END SOLUTION

    params = {"w": w, "b": b}
    grads = {"dw": dw, "db": db}
    return params, grads, costs


# %% nbgrader={"grade_id": "test_optimize", "points": 2}
# While optimize runs, propagate is replaced by a stand-in for a simpler cost,
#     J(w, b) = (sum of (w - 1)^2 + (b - 2)^2) / 2,   so  dw = w - 1,  db = b - 2:
# each step moves every weight a fraction learning_rate of the way to 1, and b to 2, so after
# k steps w - 1 = (1 - learning_rate)^k (w0 - 1). This tests optimize alone: a mistake in
# propagate fails only propagate's test. 201 steps with learning rate 0.01; the costs are
# recorded at iterations 0, 100 and 200 (the first is J(w0, b0) = (0.25 + 4 + 1 + 6.25) / 2).
def propagate_stand_in(w, b, X, Y):
    return {"dw": w - 1.0, "db": b - 2.0}, float(np.sum((w - 1.0) ** 2) + (b - 2.0) ** 2) / 2


w = np.array([[0.5], [-1.0], [2.0]])
b = -0.5
X = np.array([[1.0, -2.0, 0.0, 3.0],
              [0.5, 1.0, -1.5, 2.0],
              [-1.0, 0.5, 1.0, 0.0]])
Y = np.array([[1, 0, 1, 0]])
with substituted(globals(), propagate=propagate_stand_in):
    params, grads, costs = optimize(w, b, X, Y, num_iterations=201, learning_rate=0.01)
run_checks(
    "optimize",
    lambda: check_keys(params, {"w", "b"}, "params"),
    lambda: check_unchanged(np.array([[0.5], [-1.0], [2.0]]), w, "w after calling optimize"),
    lambda: check_array(params["w"], [[0.933680060945], [0.734720243781], [1.132639878109]],
                        "params['w']", rtol=1e-10,
                        hints=[([[1.0], [1.0], [1.0]], "learning_rate forgotten: w - dw "
                                                       "instead of w - learning_rate * dw?"),
                               ([[0.933010162571], [0.732040650284], [1.133979674858]],
                                "one iteration too few: range(num_iterations - 1)?"),
                               ([[-2.694589015174], [-13.778356060696], [8.389178030348]],
                                "a step uphill: w + learning_rate * dw?")]),
    lambda: check_scalar(params["b"], 1.6684003047265, "params['b']", rtol=1e-10,
                         hints=[(-0.5, "b is never updated?")]),
    lambda: check_array(grads["dw"], [[-0.066989837429], [-0.267959349716], [0.133979674858]],
                        "grads['dw'] (last iteration, before its update)", rtol=1e-9,
                        hints=[([[-0.066319939055], [-0.265279756219], [0.132639878109]],
                                "the gradients of the updated parameters: return those of "
                                "the last iteration, computed before its update?")]),
    lambda: check_scalar(grads["db"], -0.3349491871449, "grads['db'] (last iteration)",
                         rtol=1e-10),
    lambda: check_type(costs, list, "costs"),
    lambda: check_close(costs, [5.75, 0.7703831304333, 0.1032156813315], "costs", rtol=1e-10),
)
### BEGIN HIDDEN TESTS
def _hidden_optimize():
    import contextlib
    import io

    def _oracle(_w, _b, _X, _Y, _iters, _lr):
        _w = _w[:, 0].astype(float)
        _y = _Y[0].astype(float)
        _m = _X.shape[1]
        _costs = []
        _dw, _db = np.zeros_like(_w), 0.0
        for _i in range(_iters):
            _A = 1.0 / (1.0 + np.exp(-(_w @ _X + _b)))
            _dw = (_X @ (_A - _y)) / _m
            _db = float(np.mean(_A - _y))
            if _i % 100 == 0:
                _costs.append(-np.mean(_y * np.log(_A) + (1.0 - _y) * np.log(1.0 - _A)))
            _w = _w - _lr * _dw
            _b = _b - _lr * _db
        return _w.reshape(-1, 1), _b, _dw.reshape(-1, 1), _db, np.array(_costs)

    for _seed, (_n, _m, _iters, _lr) in enumerate(
        ((3, 5, 1, 0.1), (4, 9, 100, 0.05), (2, 6, 101, 0.2), (6, 20, 350, 0.01), (1, 4, 260, 1.0))
    ):
        _rng = np.random.default_rng(200 + _seed)
        _w = _rng.normal(0.0, 0.3, size=(_n, 1))
        _b = float(_rng.normal(0.0, 0.3))
        _X = _rng.normal(size=(_n, _m))
        _Y = _rng.integers(0, 2, size=(1, _m))
        _copies = (_w.copy(), _X.copy(), _Y.copy())
        _ow, _ob, _odw, _odb, _ocosts = _oracle(_w, _b, _X, _Y, _iters, _lr)
        _what = f"after {_iters} iteration(s) with learning_rate={_lr}"
        # the results of known mistakes, for the messages' likely causes (a step uphill may
        # saturate the sigmoid: log(0) is harmless here)
        with np.errstate(all="ignore"):
            _mistakes = [(_oracle(_w, _b, _X, _Y, _iters, 1.0),
                          "learning_rate forgotten: w - dw instead of w - learning_rate * dw?"),
                         (_oracle(_w, _b, _X, _Y, _iters, -_lr),
                          "a step uphill: w + learning_rate * dw instead of "
                          "w - learning_rate * dw?"),
                         (_oracle(_w, _b, _X, _Y, _iters - 1, _lr),
                          "one iteration too few: range(num_iterations - 1)?")]
            _after = _oracle(_ow, _ob, _X, _Y, 1, 0.0)
        _mistakes.append((_after, "the gradients of the updated parameters: return those "
                                  "computed in the last iteration, before its update?"))

        def _h(_i, _extra=()):
            return [(_r[_i], _msg) for _r, _msg in _mistakes] + list(_extra)

        with contextlib.redirect_stdout(io.StringIO()):
            _params, _grads, _costs = optimize(_w, _b, _X, _Y, num_iterations=_iters,
                                               learning_rate=_lr, print_cost=bool(_seed % 2))
        check_keys(_params, {"w", "b"}, "params")
        check_keys(_grads, {"dw", "db"}, "grads")
        for _name, _before, _now in zip(("w", "X", "Y"), _copies, (_w, _X, _Y)):
            check_unchanged(_before, _now, f"{_name} after calling optimize")
        check_array(_params["w"], _ow, f"params['w'] {_what}", rtol=1e-6, atol=1e-9,
                    hints=_h(0))
        check_scalar(_params["b"], _ob, f"params['b'] {_what}", rtol=1e-6, atol=1e-9,
                     hints=_h(1, [(_b, "b is never updated?")]))
        check_array(_grads["dw"], _odw, f"grads['dw'] of the last iteration {_what}",
                    rtol=1e-6, atol=1e-9, hints=_h(2))
        check_scalar(_grads["db"], _odb, f"grads['db'] of the last iteration {_what}",
                     rtol=1e-6, atol=1e-9, hints=_h(3))
        check_type(_costs, list, "costs")
        check_scalar(len(_costs), len(_ocosts),
                     f"len(costs) {_what} (one cost per 100 iterations, from iteration 0)",
                     hints=[(_iters, "a cost recorded at every iteration, not every 100?"),
                            (len(range(99, _iters, 100)), "costs recorded at i = 99, 199, ...: "
                             "record when i % 100 == 0, from i = 0?")])
        check_close(np.array([float(np.squeeze(_c)) for _c in _costs]), _ocosts,
                    f"costs {_what}", rtol=1e-6, atol=1e-9)

    # The default arguments: 100 iterations with learning rate 0.009.
    _rng = np.random.default_rng(250)
    _w = np.zeros((3, 1))
    _X = _rng.normal(size=(3, 8))
    _Y = _rng.integers(0, 2, size=(1, 8))
    _ow, _ob, _, _, _ = _oracle(_w, 0.0, _X, _Y, 100, 0.009)
    _params, _, _costs = optimize(_w, 0.0, _X, _Y)
    check_array(_params["w"], _ow, "params['w'] with the default arguments", rtol=1e-6, atol=1e-9)
    check_equal(len(_costs), 1, "len(costs) with the default arguments")


def _propagate(w, b, X, Y):  # the names of the original course's signature
    _A = 1.0 / (1.0 + np.exp(-(w.T @ X + b)))
    _cost = -float(np.mean(Y * np.log(_A) + (1.0 - Y) * np.log(1.0 - _A)))
    return {"dw": X @ (_A - Y).T / X.shape[1], "db": float(np.mean(_A - Y))}, _cost


with substituted(globals(), propagate=_propagate):
    _hidden_optimize()
### END HIDDEN TESTS

# %% [markdown]
# ### Exercise 7 - `predict`
#
# With learned $w$ and $b$, predicting is forward propagation followed by a threshold:
#
# 1. compute $A = \sigma(w^T X + b)$;
# 2. turn each probability into a label: $1$ if $a^{(i)} > 0.5$, else $0$.
#
# Return `Y_prediction`, a NumPy array of shape `(1, m)` holding `0.0`/`1.0` (float or int
# dtype, not `True`/`False`). Whether exactly $0.5$ counts as 1 or 0 does not matter.
#
# <details><summary>Hint</summary>
#
# `A > 0.5` is a boolean array of the same shape as `A`; `.astype(float)` turns `True`/`False`
# into `1.0`/`0.0`. A loop over the columns works too, but is slower.
# </details>

# %% nbgrader={"grade_id": "predict", "solution": true}
# GRADED FUNCTION: predict
def predict(w, b, X):
    """Predict the labels (0 or 1) of examples with learned logistic-regression parameters.

    Arguments:
    w -- weights, numpy array of shape (n_x, 1)
    b -- bias, a number
    X -- data, numpy array of shape (n_x, m)

    Returns:
    Y_prediction -- numpy array of shape (1, m) with the predictions, 0 or 1 (float or int)
    """
    ### BEGIN SOLUTION
    A = sigmoid(np.dot(w.T, X) + b)
    Y_prediction = (A > 0.5).astype(float)
    ### END SOLUTION

    return Y_prediction


# %% nbgrader={"grade_id": "test_predict", "points": 2}
# Here z = w^T x + b = [0.15, -0.75, -0.5, 2.25, -0.25] for the five columns of X.
w = np.array([[1.0], [-2.0]])
b = 0.25
X = np.array([[0.5, -1.0, 0.25, 2.0, 0.0],
              [0.3, 0.0, 0.5, 0.0, 0.25]])
# sigmoid is a correct stand-in while predict runs (see the test of propagate).
with substituted(globals(), sigmoid=lambda z: 0.5 * (1.0 + np.tanh(0.5 * np.asarray(z)))):
    Y_prediction = predict(w, b, X)

run_checks(
    "predict",
    lambda: check_array(Y_prediction, [[1, 0, 0, 1, 0]], "predict(w, b, X)", dtype=None,
                        hints=[([[0.5374298453, 0.3208213008, 0.3775406688, 0.9046505351,
                                  0.4378234991]], "probabilities, not labels: threshold A at "
                                                  "0.5?"),
                               ([[0.5, 0.3, 0.4, 0.9, 0.4]], "rounded probabilities, not "
                                                             "labels: threshold A at 0.5?"),
                               ([[0, 0, 0, 1, 0]], "z compared with 0.5, or b forgotten: "
                                                   "threshold A = sigmoid(w^T X + b) at 0.5?")]),
    lambda: check_label_dtype(Y_prediction, "predict(w, b, X)"),
)
### BEGIN HIDDEN TESTS
def _hidden_predict():
    def _check_labels(_got, _want, _name, _hints=()):
        check_type(_got, np.ndarray, _name)
        check_shape(_got, _want.shape, _name)
        check_label_dtype(_got, _name)
        check_equal(np.asarray(_got, dtype=float), _want.astype(float), _name, hints=_hints)

    for _seed, (_n, _m) in enumerate(((4, 10), (1, 3), (7, 25))):
        _rng = np.random.default_rng(300 + _seed)
        _w = _rng.normal(size=(_n, 1))
        _b = float(_rng.normal())
        _X = _rng.normal(size=(_n, _m))
        _copies = (_w.copy(), _X.copy())
        _z = (_w[:, 0] @ _X + _b).reshape(1, _m)
        _want = (_z > 0).astype(float)
        _hints = [(1.0 / (1.0 + np.exp(-_z)), "probabilities, not labels: threshold A at 0.5?"),
                  ((_z > 0.5).astype(float), "z compared with 0.5: threshold A = sigmoid(z), "
                                             "not z?"),
                  ((_z - _b > 0).astype(float), "the labels without b: forgot the bias?")]
        _got = predict(_w, _b, _X)
        for _name, _before, _after in zip(("w", "X"), _copies, (_w, _X)):
            check_unchanged(_before, _after, f"{_name} after calling predict")
        _check_labels(_got, _want, f"predict(w, b, X) for X of shape {(_n, _m)}", _hints)

    # Probabilities just above and just below 0.5 (z = w^T x + b = +-1e-7 and +-1e-3), and
    # z = 0 exactly, where either label is accepted.
    _z = np.array([1e-7, -1e-7, 1e-3, -1e-3, 0.4, -0.4, 0.0])
    _w = np.array([[2.0], [0.0]])
    _b = 0.5
    _X = np.vstack([(_z - _b) / 2.0, np.ones_like(_z)])
    _got = predict(_w, _b, _X)
    _name = "predict for probabilities close to 0.5"
    check_type(_got, np.ndarray, _name)
    check_shape(_got, (1, 7), _name)
    _at_half = float(_got[0, 6]) if float(_got[0, 6]) in (0.0, 1.0) else 0.0
    _check_labels(_got, np.array([[1.0, 0.0, 1.0, 0.0, 1.0, 0.0, _at_half]]), _name)


with substituted(globals(), sigmoid=lambda z: 1.0 / (1.0 + np.exp(-z))):
    _hidden_predict()
### END HIDDEN TESTS

# %% [markdown]
# ## 5 - Putting it together: `model`
#
# ### Exercise 8 - `model`
#
# Build the whole classifier from the functions above:
#
# 1. initialize `w` and `b` with `initialize_with_zeros` (how many weights? one per row of
#    `X_train`);
# 2. learn them with `optimize` on the **training** set, passing on `num_iterations`,
#    `learning_rate` and `print_cost`;
# 3. take the learned `w` and `b` out of `params` and predict the labels of the training set
#    and of the test set;
# 4. return the dictionary `d` below.
#
# When `print_cost` is True, also print the training and test accuracy (the code for that is
# already there).

# %% nbgrader={"grade_id": "model", "solution": true}
# GRADED FUNCTION: model
def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5,
          print_cost=False):
    """Train logistic regression on the training set and predict both sets.

    Arguments:
    X_train -- training data, numpy array of shape (n_x, m_train)
    Y_train -- training labels, numpy array of shape (1, m_train)
    X_test -- test data, numpy array of shape (n_x, m_test)
    Y_test -- test labels, numpy array of shape (1, m_test)
    num_iterations -- number of gradient-descent steps
    learning_rate -- the step size alpha
    print_cost -- if True, print the cost every 100 iterations and the accuracies

    Returns:
    d -- dictionary with the learned parameters "w", "b", the recorded "costs", the predictions
         "Y_prediction_train" (1, m_train) and "Y_prediction_test" (1, m_test), and the
         "learning_rate" and "num_iterations" used
    """
    ### BEGIN SOLUTION
    w, b = initialize_with_zeros(X_train.shape[0])
    params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations=num_iterations,
                                    learning_rate=learning_rate, print_cost=print_cost)
    w = params["w"]
    b = params["b"]
    Y_prediction_test = predict(w, b, X_test)
    Y_prediction_train = predict(w, b, X_train)
    ### END SOLUTION

    if print_cost:
        print(f"train accuracy: {100 * np.mean(Y_prediction_train == Y_train):.1f} %")
        print(f"test accuracy:  {100 * np.mean(Y_prediction_test == Y_test):.1f} %")

    d = {"costs": costs,
         "Y_prediction_test": Y_prediction_test,
         "Y_prediction_train": Y_prediction_train,
         "w": w,
         "b": b,
         "learning_rate": learning_rate,
         "num_iterations": num_iterations}
    return d


# %% nbgrader={"grade_id": "test_model", "points": 3}
# A tiny problem: n_x = 4, 6 training and 3 test examples, 150 steps with learning rate 0.1.
# While model runs, optimize and predict are simple stand-ins, so that this test checks model's
# own logic (which data and which settings it passes on, what it returns), and a mistake in
# exercise 6 or 7 fails only that exercise's test:
# - optimize returns w = learning_rate * X Y^T (here 0.1 times the sum of the columns of X with
#   y = 1), b = num_iterations / 100 and costs = [0.5, 0.25];
# - predict returns the scores w^T X + b instead of labels, so the test sees which parameters
#   and which data each prediction used;
# - initialize_with_zeros returns NaN placeholders of the right shape (the stand-in optimize
#   does not read them).
def optimize_stand_in(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    return ({"w": learning_rate * X @ Y.T, "b": num_iterations / 100},
            {"dw": np.zeros_like(w), "db": 0.0}, [0.5, 0.25])


def predict_stand_in(w, b, X):
    return w.T @ X + b


X_small = np.array([[0.2, -1.0, 1.5, 0.3, -0.7, 2.0],
                    [1.0, 0.4, -0.5, -1.2, 0.8, 0.1],
                    [-0.3, 0.9, 0.6, -0.4, 1.1, -1.5],
                    [0.5, -0.2, 0.0, 1.3, -0.6, 0.7]])
Y_small = np.array([[1, 0, 1, 0, 0, 1]])
X_small_test = np.array([[1.0, -0.5, 0.1],
                         [-0.2, 0.7, 0.3],
                         [0.4, 0.2, -1.0],
                         [0.0, 1.0, 0.6]])
Y_small_test = np.array([[1, 0, 1]])
with substituted(globals(), initialize_with_zeros=lambda dim: (np.full((dim, 1), np.nan), np.nan),
                 optimize=optimize_stand_in, predict=predict_stand_in):
    d_small = model(X_small, Y_small, X_small_test, Y_small_test, num_iterations=150,
                    learning_rate=0.1)
run_checks(
    "model",
    lambda: check_keys(d_small, {"costs", "Y_prediction_test", "Y_prediction_train", "w", "b",
                                 "learning_rate", "num_iterations"}, "d"),
    lambda: check_array(d_small["w"], [[0.37], [0.06], [-0.12], [0.12]], "d['w']",
                        hints=[([[0.0333], [0.0054], [-0.0108], [0.0108]], "num_iterations and "
                                "learning_rate not passed on to optimize (its defaults used)?"),
                               ([[0.11], [0.01], [-0.06], [0.06]], "trained on X_test, Y_test "
                                "instead of X_train, Y_train?"),
                               (np.zeros((4, 1)), "the initial w: take the learned w and b out "
                                                  "of params?")]),
    lambda: check_scalar(d_small["b"], 1.5, "d['b']"),
    lambda: check_close(d_small["costs"], [0.5, 0.25], "d['costs']"),
    lambda: check_array(d_small["Y_prediction_train"],
                        [[1.73, 1.022, 1.953, 1.743, 1.085, 2.51]],
                        "d['Y_prediction_train'] (here the scores of the stand-in predict)"),
    lambda: check_array(d_small["Y_prediction_test"], [[1.81, 1.453, 1.747]],
                        "d['Y_prediction_test'] (here the scores of the stand-in predict)"),
    lambda: check_scalar(d_small["num_iterations"], 150, "d['num_iterations']",
                         hints=[(2000, "the default value, not the argument?")]),
    lambda: check_scalar(d_small["learning_rate"], 0.1, "d['learning_rate']",
                         hints=[(0.5, "the default value, not the argument?")]),
)
### BEGIN HIDDEN TESTS
def _hidden_model():
    def _oracle(_Xtr, _Ytr, _iters, _lr):
        _w = np.zeros(_Xtr.shape[0])
        _b = 0.0
        _y = _Ytr[0].astype(float)
        _costs = []
        for _i in range(_iters):
            _A = 1.0 / (1.0 + np.exp(-(_w @ _Xtr + _b)))
            if _i % 100 == 0:
                _costs.append(-np.mean(_y * np.log(_A) + (1.0 - _y) * np.log(1.0 - _A)))
            _w = _w - _lr * (_Xtr @ (_A - _y)) / _Xtr.shape[1]
            _b = _b - _lr * float(np.mean(_A - _y))
        return _w.reshape(-1, 1), _b, np.array(_costs)

    def _labels(_w, _b, _X):
        _z = _w[:, 0] @ _X + _b
        return (_z > 0).astype(float).reshape(1, -1), np.abs(_z) > 1e-9

    def _check_preds(_got, _want, _sure, _name):
        check_type(_got, np.ndarray, _name)
        check_shape(_got, _want.shape, _name)
        _got = np.asarray(_got, dtype=float)
        check_equal(np.where(_sure, _got, _want), _want, _name,
                    hints=[(np.zeros_like(_want), "the labels of the initial w = 0, b = 0: "
                                                  "predict with the learned parameters?")])

    _keys = {"costs", "Y_prediction_test", "Y_prediction_train", "w", "b", "learning_rate",
             "num_iterations"}
    for _seed, (_n, _mtr, _mte, _iters, _lr) in enumerate(
        ((6, 20, 9, 250, 0.3), (3, 11, 4, 100, 0.05), (10, 15, 7, 301, 0.02))
    ):
        _rng = np.random.default_rng(400 + _seed)
        _Xtr = _rng.normal(size=(_n, _mtr))
        _Ytr = _rng.integers(0, 2, size=(1, _mtr))
        _Xte = _rng.normal(size=(_n, _mte))
        _Yte = _rng.integers(0, 2, size=(1, _mte))
        _copies = (_Xtr.copy(), _Ytr.copy(), _Xte.copy(), _Yte.copy())
        _ow, _ob, _ocosts = _oracle(_Xtr, _Ytr, _iters, _lr)
        _what = f"for {_mtr} training examples with {_n} features, {_iters} iterations"
        _hw = [(_oracle(_Xtr, _Ytr, 100, 0.009)[0], "num_iterations and learning_rate not "
                "passed on to optimize (its defaults used)?"),
               (_oracle(_Xte, _Yte, _iters, _lr)[0], "trained on X_test, Y_test instead of "
                "X_train, Y_train?")]
        _d = model(_Xtr, _Ytr, _Xte, _Yte, num_iterations=_iters, learning_rate=_lr)
        check_keys(_d, _keys, "d")
        check_array(_d["w"], _ow, f"d['w'] {_what}", rtol=1e-6, atol=1e-9, hints=_hw)
        check_scalar(_d["b"], _ob, f"d['b'] {_what}", rtol=1e-6, atol=1e-9)
        check_equal(len(_d["costs"]), len(_ocosts), f"len(d['costs']) {_what}")
        check_close(np.array([float(np.squeeze(_c)) for _c in _d["costs"]]), _ocosts,
                    f"d['costs'] {_what}", rtol=1e-6, atol=1e-9)
        _check_preds(_d["Y_prediction_train"], *_labels(_ow, _ob, _Xtr),
                     f"d['Y_prediction_train'] {_what}")
        _check_preds(_d["Y_prediction_test"], *_labels(_ow, _ob, _Xte),
                     f"d['Y_prediction_test'] {_what}")
        # The predictions must be those of the returned parameters.
        check_equal(np.asarray(_d["Y_prediction_test"], dtype=float),
                    np.asarray(_predict(_d["w"], _d["b"], _Xte), dtype=float),
                    "d['Y_prediction_test'] compared with predict(d['w'], d['b'], X_test)")
        check_equal(_d["num_iterations"], _iters, "d['num_iterations']")
        check_equal(_d["learning_rate"], _lr, "d['learning_rate']")
        for _name, _before, _after in zip(("X_train", "Y_train", "X_test", "Y_test"), _copies,
                                          (_Xtr, _Ytr, _Xte, _Yte)):
            check_equal(_after, _before, f"{_name} after calling model (inputs must not change)")

    # The default arguments: 2000 iterations with learning rate 0.5.
    _rng = np.random.default_rng(450)
    _Xtr = _rng.normal(size=(2, 6))
    _Ytr = _rng.integers(0, 2, size=(1, 6))
    _d = model(_Xtr, _Ytr, _Xtr[:, :2], _Ytr[:, :2])
    _ow, _ob, _ = _oracle(_Xtr, _Ytr, 2000, 0.5)
    check_equal(_d["num_iterations"], 2000, "d['num_iterations'] with the default arguments")
    check_equal(_d["learning_rate"], 0.5, "d['learning_rate'] with the default arguments")
    check_array(_d["w"], _ow, "d['w'] with the default arguments", rtol=1e-6, atol=1e-9)


def _propagate(w, b, X, Y):  # the names of the original course's signature
    _A = 1.0 / (1.0 + np.exp(-(w.T @ X + b)))
    _cost = -float(np.mean(Y * np.log(_A) + (1.0 - Y) * np.log(1.0 - _A)))
    return {"dw": X @ (_A - Y).T / X.shape[1], "db": float(np.mean(_A - Y))}, _cost


def _optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    _costs = []
    for _i in range(num_iterations):
        _g, _c = _propagate(w, b, X, Y)
        if _i % 100 == 0:
            _costs.append(_c)
        w, b = w - learning_rate * _g["dw"], b - learning_rate * _g["db"]
    return {"w": w, "b": b}, _g, _costs


def _predict(w, b, X):
    return ((w.T @ X + b) > 0).astype(float)


with substituted(globals(), initialize_with_zeros=lambda dim: (np.zeros((dim, 1)), 0.0),
                 optimize=_optimize, predict=_predict, propagate=_propagate):
    _hidden_model()
### END HIDDEN TESTS

# %% [markdown]
# ## 6 - Training on the animals
#
# Time to learn from the real pictures: 1000 iterations of gradient descent with learning rate
# 0.002 on all $m_{train}$ training images, with $n_x = 12288$ weights. The cost is printed every
# 100 iterations. This cell takes several seconds: each iteration reads the whole training
# matrix twice, once for $w^T X$ and once for the product of `dw`.
#
# (Why 0.002 and not the default 0.5 of `model`? Section 7 shows what the learning rate does.)

# %% tags=["demo"]
logistic_regression_model = model(train_set_x, train_set_y, test_set_x, test_set_y,
                                  num_iterations=1000, learning_rate=0.002, print_cost=True)

# %% [markdown]
# The **accuracy** is the fraction of examples whose predicted label equals the true label. The
# next cell computes it for both sets and checks it against what a correct implementation
# reaches on this data: about 80 % on the training set and 71 % on the test set. Training
# starts from $w = 0$ and uses no randomness, so every correct implementation learns the same
# parameters, up to rounding.

# %% tags=["demo"]
train_accuracy = np.mean(logistic_regression_model["Y_prediction_train"] == train_set_y)
test_accuracy = np.mean(logistic_regression_model["Y_prediction_test"] == test_set_y)
print(f"train accuracy: {100 * train_accuracy:.1f} %")
print(f"test accuracy:  {100 * test_accuracy:.1f} %")
check_between(train_accuracy, 0.77, 0.83, "train accuracy", "the reference reaches 0.80")
check_between(test_accuracy, 0.67, 0.76, "test accuracy", "the reference reaches 0.71")
check_between(train_accuracy - test_accuracy, 0.03, 0.15, "train minus test accuracy",
              "the reference's gap is 0.09")

# %% [markdown]
# Your first model works: it recognizes about 71 % of pictures it has never seen, where guessing
# gets 50 % (the two classes are equally frequent in both sets). It does better on the
# training pictures, about 80 %: part of what it learned are details of those 900 pictures
# that do not carry over to new ones. Only the test accuracy tells how well a classifier
# works.
#
# ### The cost during training
#
# The recorded costs fall quickly at first, then more and more slowly. They are still falling
# at iteration 900, though: training has **not** reached the minimum of the cost, and more
# iterations would lower the training cost further (the cell checks that the last 100
# iterations still lowered it by more than 0.003). Whether they would help on the test
# pictures is another question, which course 2 takes up.

# %% tags=["demo"]
plot_costs(logistic_regression_model["costs"],
           title=f"Learning rate = {logistic_regression_model['learning_rate']}")
plt.show()
lr_model_costs = [float(np.squeeze(c)) for c in logistic_regression_model["costs"]]
check_between(lr_model_costs[-2] - lr_model_costs[-1], 0.003, 0.05,
              "the drop of the cost between iterations 800 and 900", "the reference: 0.005")

# %% [markdown]
# ### What did it learn?
#
# The model has one weight per pixel and colour channel, so its weights $w$ can be shown as a
# picture. Below, for each pixel, the weight of its red value minus the weight of its blue
# value: red where more red than blue counts for "animal", blue where it counts against.

# %% tags=["demo"]
w_picture = logistic_regression_model["w"].reshape(num_px, num_px, 3)
red_minus_blue = w_picture[:, :, 0] - w_picture[:, :, 2]
limit = np.abs(red_minus_blue).max()
plt.imshow(red_minus_blue, cmap="coolwarm", vmin=-limit, vmax=limit)
plt.colorbar(label="weight of red − weight of blue")
plt.title("Learned weights: red minus blue, per pixel")
plt.axis("off")
plt.show()
centre = red_minus_blue[16:48, 16:48].mean()
border = np.concatenate([red_minus_blue[:8].ravel(), red_minus_blue[-8:].ravel()]).mean()
print(f"mean in the middle of the picture: {centre:.5f}, in the top and bottom rows: {border:.5f}")
check_between(centre - abs(border), 1e-5, 1.0, "middle minus |top and bottom| (red − blue)",
              "the middle counts red for the animals")

# %% [markdown]
# A warm patch in the middle: where the drawing usually is, reddish colours count for "animal"
# and bluish ones against. Look at the training pictures again: many animals are drawn in fur
# colours (brown, orange, tan), many of the other things in cool colours (teal, blue, violet).
# That is a cue one weighted sum of pixels can read, and the model found it by itself. It is
# not a perfect one: about a third of the drawings keep their own colours.
#
# ### Which pictures does it get wrong?
#
# Looking at the mistakes is one of the most useful habits in machine learning. Below are test
# pictures the model misclassified, each with the predicted label ("said") and the true one
# ("is"). Can you guess why they fooled a model that weighs each pixel on its own?

# %% tags=["demo"]
predictions = logistic_regression_model["Y_prediction_test"][0].astype(int)
wrong = np.flatnonzero(predictions != test_set_y[0])
print(f"{wrong.size} of {m_test} test pictures are misclassified")
shown = wrong[:24]
montage(test_set_x_orig[shown],
        labels=[f"said {classes[p]}\nis {classes[t]}"
                for p, t in zip(predictions[shown], test_set_y[0, shown])],
        title="Misclassified test pictures")
plt.show()

# %% [markdown]
# ## 7 - The learning rate
#
# The learning rate $\alpha$ sets the size of each gradient-descent step. Too small, and the
# cost goes down slowly; too large, and the steps overshoot the bottom of the valley, so the
# cost goes *up* and bounces around instead of decreasing steadily.
#
# The next cells train the model for 500 iterations with three learning rates, a factor 10
# apart: $\alpha = 0.01$, $0.001$ and $0.0001$, each from $w = 0$, $b = 0$. **Before you run
# them, predict what will happen.**
#
# ### Exercise 9 - `learning_rate_predictions`
#
# Set three variables (the grader checks them; there is no code to write):
#
# 1. `rate_cost_rises`: the learning rate, of the three, with which the cost rises above its
#    starting value $\log 2 \approx 0.693$ after the first steps;
# 2. `rate_lowest_cost`: the learning rate that ends the 500 iterations with the lowest cost;
# 3. `iterations_to_match`: with $\alpha = 0.001$, about how many iterations does it take to
#    bring the cost down to where $\alpha = 0.0001$ brings it in 500 iterations? One of
#    `5`, `50`, `500`, `5000`. Think of what a very small step does: for small learning rates,
#    what matters is how far the steps take $w$ altogether.
#
# Write numbers, e.g. `rate_cost_rises = 0.1`, not code that runs the training.

# %% nbgrader={"grade_id": "learning_rate_predictions", "solution": true}
### BEGIN SOLUTION
rate_cost_rises = 0.01
rate_lowest_cost = 0.001
iterations_to_match = 50
### END SOLUTION

print("rate_cost_rises =", rate_cost_rises)
print("rate_lowest_cost =", rate_lowest_cost)
print("iterations_to_match =", iterations_to_match)

# %% nbgrader={"grade_id": "test_learning_rate_predictions", "points": 2}
# The public test checks only that each answer is one of the choices; the grader checks the
# answers themselves, and the cells below show what the training does.
def check_one_of(value, choices, name):
    """Fail unless value is a number equal to one of choices."""
    check_type(value, (int, float, np.integer, np.floating), name)
    if not any(np.isclose(float(value), c, rtol=1e-9, atol=0) for c in choices):
        raise CheckFailed(f"{name} is {value!r}; expected one of {list(choices)}")


run_checks(
    "learning_rate_predictions",
    lambda: check_one_of(rate_cost_rises, (0.01, 0.001, 0.0001), "rate_cost_rises"),
    lambda: check_one_of(rate_lowest_cost, (0.01, 0.001, 0.0001), "rate_lowest_cost"),
    lambda: check_one_of(iterations_to_match, (5, 50, 500, 5000), "iterations_to_match"),
)
### BEGIN HIDDEN TESTS
check_scalar(float(rate_cost_rises), 0.01, "rate_cost_rises", rtol=1e-9,
             hints=[(0.0001, "the smallest steps are the safest ones: which step overshoots?"),
                    (0.001, "0.001 decreases at every step here: which larger step overshoots?")])
check_scalar(float(rate_lowest_cost), 0.001, "rate_lowest_cost", rtol=1e-9,
             hints=[(0.01, "the cost with 0.01 rises first and is still above log 2 after 500 "
                           "iterations: is the largest step the fastest here?"),
                    (0.0001, "the smallest steps are safe but slow: after 500 of them the cost "
                             "has hardly moved?")])
# (assigned: a number as a test cell's last value would be read by nbgrader as partial credit)
_ = check_scalar(float(iterations_to_match), 50, "iterations_to_match", rtol=1e-9,
                 hints=[(500, "the same number of steps, but steps ten times larger go about ten "
                              "times as far?"),
                        (5000, "larger steps need fewer iterations, not more?"),
                        (5, "ten times larger steps, so ten times fewer iterations: 500 / 10?")])
### END HIDDEN TESTS

# %% [markdown]
# Now the run. The cell records the cost every **10** iterations, not every 100 as `model`
# does: it calls your `optimize` for 10 iterations at a time, each time starting from the
# parameters the last call returned, and keeps the first cost of each call. (The steps are
# the same as in one call of 500 iterations.) It takes a while: three trainings.

# %% tags=["demo"]
def train_recording_every(X, Y, learning_rate, num_iterations, every=10):
    """Gradient descent from zeros; returns (costs of iterations 0, every, ...), w, b."""
    w, b = initialize_with_zeros(X.shape[0])
    costs = []
    for _ in range(num_iterations // every):
        params, _, chunk_costs = optimize(w, b, X, Y, num_iterations=every,
                                          learning_rate=learning_rate)
        costs.append(float(np.squeeze(chunk_costs[0])))
        w, b = params["w"], params["b"]
    return costs, w, b


learning_rates = [0.01, 0.001, 0.0001]
lr_runs = {lr: train_recording_every(train_set_x, train_set_y, lr, 500)
           for lr in learning_rates}
for lr in learning_rates:
    costs, w_lr, b_lr = lr_runs[lr]
    train_acc = np.mean(predict(w_lr, b_lr, train_set_x) == train_set_y)
    test_acc = np.mean(predict(w_lr, b_lr, test_set_x) == test_set_y)
    print(f"learning rate {lr}: final cost {costs[-1]:.3f}, "
          f"train accuracy {100 * train_acc:.1f} %, test accuracy {100 * test_acc:.1f} %")

plot_costs({f"learning rate {lr}": lr_runs[lr][0] for lr in learning_rates}, every=10,
           log_scale=True, title="The same model trained with three learning rates")
plt.axhline(np.log(2), color="k", linestyle=":", linewidth=0.8)
plt.show()

# %% [markdown]
# The cost axis is logarithmic, so that the large costs of $\alpha = 0.01$ and the small
# differences between the other two fit in one picture; the dotted line is the starting cost
# $\log 2$. What the curves show, checked by the next cell:
#
# - With $\alpha = 0.01$ the cost jumps far above $\log 2$ within the first 10 iterations and
#   then goes up and down: the steps are too large. It is still above $\log 2$ after 500
#   iterations.
# - With $\alpha = 0.0001$ the cost decreases at every record, but slowly.
# - $\alpha = 0.001$ ends with the lowest cost of the three. It gets to the final cost of
#   $\alpha = 0.0001$ after about 50 iterations: with small steps, ten times larger steps go
#   about ten times as far.
#
# In practice one tries a few learning rates spread over powers of ten, like here, then refines
# around the best one; the model of section 6 uses such a refinement, $\alpha = 0.002$.

# %% tags=["demo"]
costs_large, costs_middle, costs_small = (np.array(lr_runs[lr][0]) for lr in learning_rates)
check_between(costs_large[1], np.log(2) + 0.5, 100.0, "the cost after 10 iterations with 0.01",
              "it jumps above log 2")
check_between(int(np.sum(np.diff(costs_large) > 0)), 1, 49,
              "the number of rises of the cost with 0.01 (after a record)", "it bounces")
check_between(costs_large[-1], np.log(2), 100.0, "the last cost with 0.01", "above log 2")
check_between(int(np.sum(np.diff(costs_small) >= 0)), 0, 0,
              "the number of rises of the cost with 0.0001", "it never rises")
final_costs = {lr: lr_runs[lr][0][-1] for lr in learning_rates}
check_equal(min(final_costs, key=final_costs.get), 0.001, "the rate with the lowest final cost")
match = int(np.argmax(costs_middle <= costs_small[-1])) * 10
check_between(match, 30, 80, "iterations 0.001 needs to reach the final cost of 0.0001",
              "about 50")
print(f"0.001 reaches the final cost of 0.0001 ({costs_small[-1]:.4f}) at iteration {match}.")
print("Your predictions:", {"rate_cost_rises": rate_cost_rises,
                            "rate_lowest_cost": rate_lowest_cost,
                            "iterations_to_match": iterations_to_match})

# %% [markdown]
# ## 8 - What next
#
# Logistic regression draws a single flat boundary (a hyperplane) through the 12288-dimensional
# space of pictures: it adds up evidence pixel by pixel, with one weight per pixel. A colour
# in the middle of the picture is such evidence, and you saw the model use it. Whether a
# picture shows an animal, though, depends mostly on shapes (legs, eyes, ears, fur) that are
# combinations of many pixels, at varying positions.
#
# Even the scene behind the animal is such a combination. Look again at the pictures: most
# animals are outdoors, under a blue sky over grass or a warm evening sky over brown earth;
# most objects are indoors, in front of a blue wall over a wooden floor or a cream wall over a
# green carpet. Every one of these colours is as common behind animals as behind objects: only
# *which colour is above which* tells the scene, and "blue above green, or warm above brown"
# cannot be written as one weighted sum of pixels (a bluer top would have to count for the
# animal class and against it at the same time). A network with hidden layers can learn such
# combinations: each hidden unit is itself a small logistic regression, and the next layer
# combines their outputs.
#
# - In week 3 you add one hidden layer and watch it draw curved decision boundaries that
#   logistic regression cannot.
# - In week 4 you build networks of any depth, train them on this very dataset and compare
#   them with logistic regression: they read the scene as well as the colours.
#
# **What you built:** the preprocessing of an image dataset; the sigmoid; zero initialization;
# forward propagation for one neuron and the gradients you derived; gradient descent;
# prediction; and a model that ties them together. Along the way: checking shapes, watching
# the cost curve, looking at what the model learned and at its mistakes, and predicting what
# the learning rate does.

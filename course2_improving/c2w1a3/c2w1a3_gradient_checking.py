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
# # Gradient checking
#
# Backpropagation is the part of a network that is easiest to get subtly wrong. A wrong
# gradient rarely crashes anything: the shapes are right, the cost still goes down for a
# while, and the model simply trains worse than it should. You can stare at such a bug for
# days. This notebook builds the tool that finds it in seconds: compare the gradients that
# backpropagation computes with gradients estimated **numerically**, from nothing but the
# cost function.
#
# **By the end you will have written**
#
# - `forward_propagation` and `backward_propagation` for a one-parameter "network";
# - `gradient_check`, which compares the derivative backpropagation gives with a numerical
#   estimate;
# - `relative_difference_if_scaled`, your own derivation of what the check reports when a
#   derivative is off by a factor;
# - `gradient_check_n`, the same check for a 3-layer network with 35 parameters;
# - `backward_propagation_n_fixed`: a backward pass that someone else wrote, with the mistakes
#   your checker points at found and corrected,
#
# and you will have confirmed with your checker that the corrected version passes.
#
# **How this notebook works**
#
# - Write your code between `# YOUR CODE HERE` and the lines after it, and delete the
#   `raise NotImplementedError()` line. Do not rename the functions or change their arguments.
# - Each exercise is followed by a test cell; "all public tests passed" means the visible
#   checks agree with your code. The grader runs more tests, so a passing public test is
#   necessary, not sufficient.
# - Run the cells in order. If something behaves strangely, use *Kernel → Restart and run all*.
# - Only the exercise cells are graded: the grader runs the released notebook with your
#   exercise cells put in, so cells you add yourself do not run there. Keep every helper
#   function or import that your answer needs inside its exercise cell.

# %% [markdown]
# ## 1 - Packages
#
# - [NumPy](https://numpy.org) for the computations and [Matplotlib](https://matplotlib.org)
#   for the plots;
# - `dlcourse.activations` for the ready-made `relu` and `sigmoid` (each returns the
#   activation and a cache; here only the activation is used);
# - `dlcourse.gradcheck` for the bookkeeping that turns a dictionary of parameters into one
#   long vector and back (section 4 shows how it works);
# - `dlcourse.testing` for the helpers the test cells use.

# %%
import contextlib
import io

import matplotlib.pyplot as plt
import numpy as np

from dlcourse.activations import relu, sigmoid
from dlcourse.gradcheck import (
    dictionary_to_vector,
    gradients_to_vector,
    report_difference,
    vector_to_dictionary,
)
from dlcourse.testing import (
    CheckFailed,
    check_array,
    check_between,
    check_equal,
    check_scalar,
    check_type,
    check_unchanged,
    run_checks,
    substituted,
)

# %% [markdown]
# ## 2 - How gradient checking works
#
# Backpropagation computes $\frac{\partial J}{\partial \theta}$, the derivative of the cost
# $J$ with respect to a parameter $\theta$. Forward propagation, on the other hand, is easy
# to get right: it is the formula of the model, written down. Gradient checking uses the
# forward pass alone to *estimate* the derivative, and compares.
#
# The derivative is the slope of $J$ at $\theta$:
#
# $$\frac{\partial J}{\partial \theta} = \lim_{\varepsilon \to 0}
# \frac{J(\theta + \varepsilon) - J(\theta - \varepsilon)}{2 \varepsilon}.$$
#
# For a small but finite $\varepsilon$ (say $10^{-7}$) the fraction is an excellent
# approximation. It is the slope of the line through the two points
# $(\theta - \varepsilon, J(\theta - \varepsilon))$ and $(\theta + \varepsilon,
# J(\theta + \varepsilon))$, one on each side of $\theta$; this **two-sided** (or *centred*)
# difference is much more accurate than the **one-sided** difference
# $\frac{J(\theta + \varepsilon) - J(\theta)}{\varepsilon}$:
#
# - the error of the one-sided difference shrinks like $\varepsilon$,
# - the error of the two-sided difference shrinks like $\varepsilon^2$ (the terms of order
#   $\varepsilon$ on the two sides cancel).
#
# The plot below measures both errors for $J(\theta) = \theta^3$ at $\theta = 1.3$, whose
# exact derivative is $3 \theta^2 = 5.07$. On log-log axes an error proportional to
# $\varepsilon$ is a line of slope 1, one proportional to $\varepsilon^2$ a line of slope 2.

# %% tags=["demo"]
def cube(theta):
    return theta ** 3


theta0 = 1.3
exact_slope = 3 * theta0 ** 2  # 5.07
epsilons = np.logspace(-13, -1, 49)
error_one_sided = np.abs((cube(theta0 + epsilons) - cube(theta0)) / epsilons - exact_slope)
error_two_sided = np.abs(
    (cube(theta0 + epsilons) - cube(theta0 - epsilons)) / (2 * epsilons) - exact_slope
)

fig, ax = plt.subplots(figsize=(6.4, 4.2))
ax.loglog(epsilons, error_one_sided, "o-", markersize=3, label="one-sided difference")
ax.loglog(epsilons, error_two_sided, "s-", markersize=3, label="two-sided difference")
ax.set_xlabel(r"$\varepsilon$")
ax.set_ylabel("|estimate - exact derivative|")
ax.set_title(r"Estimating the derivative of $\theta^3$ at $\theta = 1.3$")
ax.grid(alpha=0.3)
ax.legend(frameon=False)
plt.show()

# %% [markdown]
# Read the plot from right to left, as $\varepsilon$ shrinks:
#
# - For large $\varepsilon$ both errors fall, the two-sided one much faster (slope 2): at
#   $\varepsilon = 10^{-4}$ it is more than 1000 times smaller than the one-sided error.
# - For very small $\varepsilon$ both errors grow again. $J(\theta + \varepsilon)$ and
#   $J(\theta - \varepsilon)$ become so close that their difference is dominated by the
#   rounding errors of floating-point numbers (about $10^{-16}$ relative), and dividing by a
#   tiny $2\varepsilon$ magnifies them. At $\varepsilon = 10^{-12}$ the estimate is worse than
#   at $\varepsilon = 10^{-5}$.
#
# A value of $\varepsilon$ around $10^{-7}$ keeps both effects small, and that is the
# default in the exercises. The next cell checks these statements.

# %% tags=["demo"]
at = {e: int(np.argmin(np.abs(np.log10(epsilons) - np.log10(e)))) for e in (1e-4, 1e-5, 1e-12)}
print(f"epsilon = 1e-4:  one-sided error {error_one_sided[at[1e-4]]:.2e}, "
      f"two-sided error {error_two_sided[at[1e-4]]:.2e}")
print(f"epsilon = 1e-12: two-sided error {error_two_sided[at[1e-12]]:.2e}")
assert abs(exact_slope - 5.07) < 1e-9
assert error_one_sided[at[1e-4]] > 1000 * error_two_sided[at[1e-4]]
assert error_two_sided[at[1e-12]] > error_two_sided[at[1e-5]]

# %% [markdown]
# ## 3 - Gradient checking in one dimension
#
# Start with the smallest possible "network": one input $x$, one parameter $\theta$ and a
# linear cost
#
# $$J(\theta) = \theta x.$$
#
# Forward propagation computes $J$; backward propagation computes
# $\frac{\partial J}{\partial \theta}$. Then you will check the second against the first.
#
# ### Exercise 1 - `forward_propagation`
#
# Compute $J = \theta x$ and return it.

# %% nbgrader={"grade_id": "forward_propagation", "solution": true}
# GRADED FUNCTION: forward_propagation
def forward_propagation(x, theta):
    """Forward propagation of the one-parameter model: the cost J(theta) = theta x.

    Arguments:
    x -- a real number, the input
    theta -- a real number, the parameter

    Returns:
    J -- the cost J(theta) = theta times x, a real number
    """
    ### BEGIN SOLUTION
    J = theta * x
    ### END SOLUTION
    return J


# %% nbgrader={"grade_id": "test_forward_propagation", "points": 1}
x, theta = 2.5, -3.0
J = forward_propagation(x, theta)
print("J =", J)
run_checks(
    "forward_propagation",
    lambda: check_scalar(J, -7.5, "forward_propagation(2.5, -3.0)",
                         hints=[(-0.5, "theta + x instead of theta times x?"),
                                (2.5, "x alone: theta forgotten?"),
                                (22.5, "theta squared: J = theta x is linear in theta?")]),
    lambda: check_scalar(forward_propagation(-0.5, 4.0), -2.0, "forward_propagation(-0.5, 4.0)"),
)
### BEGIN HIDDEN TESTS
def _hidden_forward_propagation():
    _rng = np.random.default_rng(11)
    for _x, _theta in [(1.0, 0.25), (-3.5, -2.0), (0.0, 9.0)] + [
        tuple(_rng.uniform(-10.0, 10.0, size=2)) for _ in range(4)
    ]:
        check_scalar(forward_propagation(_x, _theta), _x * _theta,
                     f"forward_propagation(x={_x:.4g}, theta={_theta:.4g})", rtol=1e-12,
                     atol=1e-12, hints=[(_theta + _x, "theta + x instead of theta times x?"),
                                        (_x, "x alone: theta forgotten?")])
    # The order of the arguments: x first, then theta.
    check_scalar(forward_propagation(x=3.0, theta=0.5), 1.5,
                 "forward_propagation(x=3.0, theta=0.5)", rtol=1e-12)


_hidden_forward_propagation()
### END HIDDEN TESTS

# %% [markdown]
# ### Exercise 2 - `backward_propagation`
#
# Compute the derivative of $J(\theta) = \theta x$ with respect to $\theta$,
#
# $$d\theta = \frac{\partial J}{\partial \theta},$$
#
# and return it. (Work it out on paper first: $\theta$ is the variable, $x$ a constant.)

# %% nbgrader={"grade_id": "backward_propagation", "solution": true}
# GRADED FUNCTION: backward_propagation
def backward_propagation(x, theta):
    """Backward propagation of the one-parameter model: the derivative of J with respect to
    theta.

    Arguments:
    x -- a real number, the input
    theta -- a real number, the parameter

    Returns:
    dtheta -- the derivative of the cost with respect to theta, a real number
    """
    ### BEGIN SOLUTION
    dtheta = x
    ### END SOLUTION
    return dtheta


# %% nbgrader={"grade_id": "test_backward_propagation", "points": 1}
x, theta = 2.5, -3.0
dtheta = backward_propagation(x, theta)
print("dtheta =", dtheta)
run_checks(
    "backward_propagation",
    lambda: check_scalar(dtheta, 2.5, "backward_propagation(2.5, -3.0)",
                         hints=[(-3.0, "theta: the derivative with respect to x, not theta?"),
                                (-7.5, "the cost J itself, not its derivative?"),
                                (1.0, "1: the derivative of theta x with respect to theta is x?")]),
)
### BEGIN HIDDEN TESTS
def _hidden_backward_propagation():
    _rng = np.random.default_rng(12)
    for _x, _theta in [(1.0, 0.25), (-3.5, -2.0), (4.0, 0.0)] + [
        tuple(_rng.uniform(-10.0, 10.0, size=2)) for _ in range(4)
    ]:
        # The slope of theta -> x * theta, measured between theta - 1 and theta + 1.
        _slope = (_x * (_theta + 1.0) - _x * (_theta - 1.0)) / 2.0
        check_scalar(backward_propagation(_x, _theta), _slope,
                     f"backward_propagation(x={_x:.4g}, theta={_theta:.4g})", rtol=1e-9,
                     atol=1e-12, hints=[(_theta, "theta: the derivative with respect to x?"),
                                        (_x * _theta, "the cost J, not its derivative?")])
    check_scalar(backward_propagation(x=-2.0, theta=7.0), -2.0,
                 "backward_propagation(x=-2.0, theta=7.0)", rtol=1e-12)


_hidden_backward_propagation()
### END HIDDEN TESTS

# %% [markdown]
# ### Exercise 3 - `gradient_check`
#
# `backward_propagation` returns the derivative it *claims* is right. Check it:
#
# 1. Estimate the derivative numerically with the two-sided difference:
#    - $\theta^{+} = \theta + \varepsilon$ and $\theta^{-} = \theta - \varepsilon$;
#    - $J^{+} = J(\theta^{+})$ and $J^{-} = J(\theta^{-})$, both computed with
#      `forward_propagation`;
#    - $gradapprox = \dfrac{J^{+} - J^{-}}{2 \varepsilon}$.
# 2. Get the derivative of backpropagation, `grad`, by calling `backward_propagation`
#    at $\theta$.
# 3. Compare the two with the **relative difference**
#
# $$difference = \frac{\lVert grad - gradapprox \rVert_2}{\lVert grad \rVert_2 +
# \lVert gradapprox \rVert_2}.$$
#
# Why relative? A gradient of $10^{-6}$ that is off by $10^{-7}$ is badly wrong, while a
# gradient of $100$ off by $10^{-7}$ is fine: dividing by the sizes of the two gradients
# makes the number meaningful whatever their scale. It is always between 0 and 1. As a rule
# of thumb, with $\varepsilon = 10^{-7}$:
#
# | difference | verdict |
# |---|---|
# | below about $10^{-7}$ | backpropagation is correct |
# | around $10^{-5}$ | suspicious: look again |
# | above $10^{-3}$ | there is almost surely a bug |
#
# The message printed with `print_msg=True` is already written: it turns red above
# $2 \cdot 10^{-7}$.
#
# **Use the functions** `forward_propagation` and `backward_propagation` from exercises 1
# and 2 (do not retype the formulas), and the `epsilon` you are given: the grader also runs
# your checker on other costs and other values of `epsilon`.
#
# <details><summary>Hints</summary>
#
# - `np.linalg.norm(v)` computes $\lVert v \rVert_2$, the square root of the sum of the
#   squared entries. It works on single numbers too (it returns the absolute value).
# - Compute the numerator and the denominator separately, then divide.
# - Mind the parentheses around `2 * epsilon`.
# </details>

# %% nbgrader={"grade_id": "gradient_check", "solution": true}
# GRADED FUNCTION: gradient_check
def gradient_check(x, theta, epsilon=1e-7, print_msg=False):
    """Check backward_propagation against a two-sided numerical estimate of the derivative.

    Arguments:
    x -- a real number, the input
    theta -- a real number, the parameter
    epsilon -- the small shift of theta in the two-sided difference
    print_msg -- if True, print whether the check passed

    Returns:
    difference -- the relative difference between the derivative from backward_propagation
                  and its numerical estimate, a real number in [0, 1]
    """
    # Step 1: the numerical estimate gradapprox.
    ### BEGIN SOLUTION
    theta_plus = theta + epsilon
    theta_minus = theta - epsilon
    J_plus = forward_propagation(x, theta_plus)
    J_minus = forward_propagation(x, theta_minus)
    gradapprox = (J_plus - J_minus) / (2 * epsilon)
    ### END SOLUTION

    # Steps 2 and 3: the derivative of backward_propagation, and the relative difference.
    ### BEGIN SOLUTION
    grad = backward_propagation(x, theta)
    numerator = np.linalg.norm(grad - gradapprox)
    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)
    difference = numerator / denominator
    ### END SOLUTION

    if print_msg:
        report_difference(difference)
    return difference


# %% nbgrader={"grade_id": "test_gradient_check", "points": 3}
# gradient_check calls forward_propagation and backward_propagation. So that it is graded on
# its own, this test puts in another cost for them: J(theta) = x theta^3, whose derivative is
# 3 x theta^2. Its two-sided estimate is 3 x theta^2 + x epsilon^2: with epsilon = 1e-2 the
# relative difference is not 0 but 4.1666e-6 (the estimate's own error).
def cubic_cost(x, theta):
    return x * theta ** 3


def cubic_slope(x, theta):
    return 3 * x * theta ** 2


with substituted(globals(), forward_propagation=cubic_cost, backward_propagation=cubic_slope):
    difference = gradient_check(3.0, -1.5, print_msg=True)
    difference_eps = gradient_check(-0.4, 2.0, epsilon=1e-2)
# A backward pass of the wrong sign: the relative difference is 1.
with substituted(globals(), forward_propagation=cubic_cost,
                 backward_propagation=lambda x, theta: -3 * x * theta ** 2):
    difference_sign = gradient_check(1.2, -0.7, epsilon=1e-3)
# What some common slips give for difference_eps, so that the message can name the cause:
gc_slips = [(0.0024979115, "a one-sided difference? (J(θ + ε) − J(θ − ε)) / (2ε)"),
            (0.333337037, "divided by ε instead of 2ε?"),
            (0.9998000183, "/ 2 * epsilon multiplies by ε: parentheses around (2 * epsilon)?"),
            (3.99999999e-05, "the numerator alone: divided by ‖grad‖ + ‖gradapprox‖?"),
            (1.0, "gradapprox = 0: theta_minus = theta − epsilon?"),
            (0.0049833336, "backward_propagation at theta_plus? grad is taken at theta"),
            (0.0, "about 0: the epsilon argument ignored, or forward_propagation / "
                  "backward_propagation not called (formulas retyped)?")]
run_checks(
    "gradient_check",
    lambda: check_scalar(difference_eps, 4.166649299e-06,
                         "gradient_check(-0.4, 2.0, epsilon=1e-2) for J = x theta^3", rtol=1e-5,
                         atol=1e-9, hints=gc_slips),
    lambda: check_scalar(difference_sign, 1.0,
                         "gradient_check(1.2, -0.7, epsilon=1e-3) when the derivative has the "
                         "wrong sign", rtol=1e-6,
                         hints=[(-1.0, "a negative difference: the norm of grad − gradapprox?"),
                                (3.5280012, "the numerator alone: divided by the sum of norms?"),
                                (2940000.99, "‖grad + gradapprox‖ in the denominator: "
                                             "‖grad‖ + ‖gradapprox‖?")]),
    lambda: check_scalar(difference, 0.0,
                         "gradient_check(3.0, -1.5) for J = x theta^3 (should be below 1e-7)",
                         rtol=0, atol=1e-7),
)
### BEGIN HIDDEN TESTS
def _hidden_gradient_check():
    _quiet = contextlib.redirect_stdout(io.StringIO())
    # The cost of exercises 1 and 2 (the reference versions put in for this test).
    def _cost(x, theta):
        return x * theta

    def _slope(x, theta):
        return x

    for _x, _theta in ((-1.5, 0.8), (7.0, -3.25), (0.3, 12.0)):
        with _quiet, substituted(globals(), forward_propagation=_cost,
                                 backward_propagation=_slope):
            _d = gradient_check(_x, _theta)
        check_scalar(_d, 0.0, f"gradient_check(x={_x}, theta={_theta}) (should be below 1e-7)",
                     rtol=0.0, atol=1e-7)

    def _relative(_g, _ga):
        return abs(_g - _ga) / (abs(_g) + abs(_ga))

    # A non-linear cost J = x * theta**3 with its correct derivative: the difference is the
    # error of the two-sided estimate for this epsilon.
    with substituted(globals(), forward_propagation=lambda x, theta: x * theta ** 3,
                     backward_propagation=lambda x, theta: 3.0 * x * theta ** 2):
        for _x, _theta, _eps in ((1.5, 0.7, 1e-2), (-2.0, 1.9, 1e-3), (0.6, -1.1, 5e-2)):
            _ga = (_x * (_theta + _eps) ** 3 - _x * (_theta - _eps) ** 3) / (2 * _eps)
            with _quiet:
                _d = gradient_check(_x, _theta, epsilon=_eps)
            check_scalar(_d, _relative(3.0 * _x * _theta ** 2, _ga),
                         f"gradient_check for a non-linear cost with epsilon={_eps:g}",
                         rtol=1e-4, atol=0)
    # The linear cost with a wrong derivative (twice the right one): difference 1/3.
    with substituted(globals(), forward_propagation=_cost,
                     backward_propagation=lambda x, theta: 2.0 * x):
        with _quiet:
            _d = gradient_check(1.7, -0.6)
    check_scalar(_d, 1.0 / 3.0, "gradient_check when the backward pass returns 2x "
                 "(should be 1/3)", rtol=1e-6)
    # A derivative of the wrong sign: difference 1.
    with substituted(globals(), forward_propagation=_cost,
                     backward_propagation=lambda x, theta: -x):
        with _quiet:
            _d = gradient_check(-2.2, 0.9, epsilon=1e-4)
    check_scalar(_d, 1.0, "gradient_check when the backward pass returns -x "
                 "(should be 1)", rtol=1e-6)


_hidden_gradient_check()
### END HIDDEN TESTS

# %% [markdown]
# Your checker agrees with `backward_propagation`. That was expected: the derivative of
# $\theta x$ is easy. Before you use the checker on a network, work out what its number says
# when the backward pass is wrong.
#
# ### 3.1 - Reading the difference
#
# Many backpropagation bugs multiply the right derivative by some number $c$: a forgotten
# $\frac{1}{m}$ gives $c = m$, a sign error $c = -1$, a factor 2 too many $c = 2$, a gradient
# that is never filled in $c = 0$. So suppose that `backward_propagation` returns
# $grad = c \, g$, where $g \neq 0$ is the true derivative, and that the numerical estimate is
# exact, $gradapprox = g$.
#
# ### Exercise 4 - `relative_difference_if_scaled`
#
# Derive the relative difference of exercise 3 in this case, as a function of $c$ alone, and
# return it. Start from its definition with $grad = c \, g$ and $gradapprox = g$ (for a single
# number, $\lVert v \rVert_2 = |v|$) and see what becomes of $g$. The function must hold for
# every real $c$: positive, negative or zero.
#
# Work it out on paper first. The test cell checks three values of $c$, the grader many more,
# and the cell after the test compares your formula with what your `gradient_check` measures.

# %% nbgrader={"grade_id": "relative_difference_if_scaled", "solution": true}
# GRADED FUNCTION: relative_difference_if_scaled
def relative_difference_if_scaled(c):
    """The relative difference gradient_check reports when backpropagation returns c times the
    true derivative and the numerical estimate is exact.

    Arguments:
    c -- a real number: the backward pass returns c times the true derivative

    Returns:
    difference -- the relative difference, a real number in [0, 1]
    """
    ### BEGIN SOLUTION
    difference = abs(c - 1) / (abs(c) + 1)
    ### END SOLUTION
    return difference


# %% nbgrader={"grade_id": "test_relative_difference_if_scaled", "points": 2}
# c = 1: a correct backward pass. c = 3: a gradient three times too large. c = -3: three times
# too large and of the wrong sign (the difference is 1, as in the test of gradient_check).
rd_slips = {3.0: [(2.0, "|c − 1| alone: divided by ‖grad‖ + ‖gradapprox‖ = (|c| + 1) |g|?"),
                  (2 / 3, "divided by ‖grad‖ = |c| |g| alone? The denominator is ‖grad‖ + "
                          "‖gradapprox‖")],
            -3.0: [(4.0, "|c − 1| alone: divided by ‖grad‖ + ‖gradapprox‖ = (|c| + 1) |g|?"),
                   (4 / 3, "divided by ‖grad‖ = |c| |g| alone? The denominator is ‖grad‖ + "
                           "‖gradapprox‖"),
                   (2.0, "c + 1 or |c + 1| in the denominator? ‖grad‖ + ‖gradapprox‖ = "
                         "(|c| + 1) |g|, not ‖grad + gradapprox‖ = |c + 1| |g|"),
                   (-2.0, "c + 1 in the denominator: ‖c g‖ = |c| ‖g‖, also for a negative c?")]}
run_checks(
    "relative_difference_if_scaled",
    lambda: check_scalar(relative_difference_if_scaled(1.0), 0.0,
                         "relative_difference_if_scaled(1.0)", atol=1e-12),
    lambda: check_scalar(relative_difference_if_scaled(3.0), 0.5,
                         "relative_difference_if_scaled(3.0)", hints=rd_slips[3.0]),
    lambda: check_scalar(relative_difference_if_scaled(-3.0), 1.0,
                         "relative_difference_if_scaled(-3.0)", hints=rd_slips[-3.0]),
)
### BEGIN HIDDEN TESTS
def _hidden_relative_difference_if_scaled():
    def _slips(_c):
        _out = [(abs(_c - 1), "|c − 1| alone: divided by ‖grad‖ + ‖gradapprox‖ = (|c| + 1) |g|?")]
        if _c != 0:
            _out.append((abs(_c - 1) / abs(_c), "divided by ‖grad‖ = |c| |g| alone? The "
                                                "denominator is ‖grad‖ + ‖gradapprox‖"))
        if _c != -1:
            _out += [((_c - 1) / (_c + 1), "c + 1 in the denominator: ‖c g‖ = |c| ‖g‖, and a "
                                           "norm is never negative?"),
                     (abs(_c - 1) / (_c + 1), "c + 1 in the denominator: ‖c g‖ = |c| ‖g‖ (for "
                                              "a negative c too)?"),
                     (abs(_c - 1) / abs(_c + 1), "‖grad + gradapprox‖ in the denominator: "
                                                 "‖grad‖ + ‖gradapprox‖?")]
        return _out

    for _c in (2.0, 0.5, -3.0, 0.0, -1.0, 10.0, 1 / 3, -0.25, 1.0 + 2e-7, 1e6, -1e-3, 7.5, 5, -2):
        for _g in (1.7, -0.3):  # the definition, for two true derivatives g
            _want = abs(_c * _g - _g) / (abs(_c * _g) + abs(_g))
            check_scalar(relative_difference_if_scaled(_c), _want,
                         f"relative_difference_if_scaled({_c:.10g})", rtol=1e-6, atol=1e-13,
                         hints=_slips(_c))


_hidden_relative_difference_if_scaled()
### END HIDDEN TESTS

# %% [markdown]
# Now compare your formula with your checker. The next cell puts in backward passes that
# return $c$ times the right derivative $x$, for several $c$, runs your `gradient_check` on
# each, and plots the measured differences on the curve of your formula.

# %% tags=["demo"]
c_values = np.array([-3.0, -1.0, 0.0, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0])
measured_diffs = []
for c_value in c_values:
    with substituted(globals(), backward_propagation=lambda x, theta, c=c_value: c * x):
        measured_diffs.append(gradient_check(2.5, -3.0))
measured_diffs = np.array(measured_diffs, dtype=float)
predicted_diffs = np.array([relative_difference_if_scaled(c) for c in c_values], dtype=float)
with substituted(globals(), backward_propagation=lambda x, theta: (1 + 2e-7) * x):
    measured_close = gradient_check(2.5, -3.0)

c_grid = np.linspace(-4.0, 11.0, 301)
fig, ax = plt.subplots(figsize=(6.4, 3.8))
ax.plot(c_grid, [relative_difference_if_scaled(c) for c in c_grid], label="your formula")
ax.plot(c_values, measured_diffs, "o", label="your gradient_check")
ax.set_xlabel("c (the backward pass returns c times the right derivative)")
ax.set_ylabel("relative difference")
ax.set_title("What the check reports for a derivative off by a factor c")
ax.grid(alpha=0.3)
ax.legend(frameon=False)
plt.show()
for c_value, p_value, q_value in zip(c_values, predicted_diffs, measured_diffs):
    print(f"c = {c_value:5g}: your formula {p_value:.6f}, your gradient_check {q_value:.6f}")
print(f"c = 1 + 2e-7: your gradient_check {measured_close:.3g}")
check_array(predicted_diffs, measured_diffs, "relative_difference_if_scaled(c) for the c above "
            "(compared with what gradient_check measures)", rtol=1e-6, atol=1e-7)
check_between(measured_diffs[c_values == 2.0][0], 0.3333, 0.3334, "the difference for c = 2")
check_between(measured_diffs[c_values == 0.5][0], 0.3333, 0.3334, "the difference for c = 0.5")
check_between(measured_diffs[c_values <= 0].min(), 0.99999, 1.0, "the difference for c <= 0")
check_between(measured_diffs[c_values == 5.0][0], 0.6666, 0.6667, "the difference for c = 5")
check_between(measured_diffs[c_values == 0.2][0], 0.6666, 0.6667, "the difference for c = 0.2")
check_between(measured_close, 0.9e-7, 1.1e-7, "the difference for c = 1 + 2e-7")

# %% [markdown]
# What the plot shows (the cell checks each statement):
#
# - $c$ and $1/c$ give the same difference: 2 and 0.5 both give $\frac{1}{3}$. The check does
#   not tell a gradient that is too large from one that is too small.
# - A gradient that is zero, or of the wrong sign (any $c \le 0$), gives exactly 1, the
#   largest possible value.
# - Close to $c = 1$ the difference is about $|c - 1| / 2$: $c = 1 + 2 \cdot 10^{-7}$ gives
#   $10^{-7}$. "Below $10^{-7}$" therefore means the two derivatives agree to about
#   $2 \cdot 10^{-7}$ of their size.
# - A missing $\frac{1}{m}$ with $m = 5$ ($c = 5$) gives $\frac{2}{3}$, and so does
#   $c = \frac{1}{5}$. Remember that number.
#
# The real use of gradient checking is on networks, where the derivatives are long chains of
# products that are easy to get wrong.
#
# ## 4 - Gradient checking a 3-layer network
#
# ### The network
#
# The network below is a binary classifier
# LINEAR → RELU → LINEAR → RELU → LINEAR → SIGMOID with $n_x = 3$ inputs, 4 and 3 hidden
# units and one output unit, trained with the cross-entropy cost
#
# $$J = -\frac{1}{m} \sum_{i=1}^{m} \left( y^{(i)} \log a^{[3](i)} + (1 - y^{(i)})
# \log\left(1 - a^{[3](i)}\right) \right).$$
#
# It has $4 \cdot 3 + 4 + 3 \cdot 4 + 3 + 1 \cdot 3 + 1 = 35$ parameters. Its forward pass
# is ready-made: `forward_propagation_n(X, Y, parameters)` returns the cost and a cache.

# %%
def forward_propagation_n(X, Y, parameters):
    """Forward pass of the 3-layer network and its cross-entropy cost.

    Arguments:
    X -- input data, shape (n_x, m)
    Y -- true labels 0/1, shape (1, m)
    parameters -- dictionary with W1 (n_1, n_x), b1 (n_1, 1), W2 (n_2, n_1), b2 (n_2, 1),
                  W3 (1, n_2), b3 (1, 1)

    Returns:
    cost -- the cross-entropy cost J, a float
    cache -- (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3), for the backward pass
    """
    m = X.shape[1]
    W1, b1 = parameters["W1"], parameters["b1"]
    W2, b2 = parameters["W2"], parameters["b2"]
    W3, b3 = parameters["W3"], parameters["b3"]

    Z1 = np.dot(W1, X) + b1
    A1, _ = relu(Z1)
    Z2 = np.dot(W2, A1) + b2
    A2, _ = relu(Z2)
    Z3 = np.dot(W3, A2) + b3
    A3, _ = sigmoid(Z3)

    cost = float(-np.sum(Y * np.log(A3) + (1 - Y) * np.log(1 - A3)) / m)
    cache = (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3)
    return cost, cache


# %% [markdown]
# The backward pass below was written by a colleague in a hurry. **It has mistakes.** Do not
# hunt for them by reading the code: the point of this section is that your checker finds
# them for you. (It was meant to follow the lectures' formulas: $dZ^{[3]} = A^{[3]} - Y$,
# $dW^{[l]} = \frac{1}{m} dZ^{[l]} A^{[l-1]T}$,
# $db^{[l]} = \frac{1}{m} \sum_i dZ^{[l](i)}$,
# $dA^{[l-1]} = W^{[l]T} dZ^{[l]}$ and $dZ^{[l]} = dA^{[l]} * g'(Z^{[l]})$, where the
# derivative of the ReLU $g'$ is 1 where $Z > 0$ and 0 elsewhere.)

# %%
def backward_propagation_n(X, Y, cache):
    """Backward pass of the 3-layer network (as handed over by a colleague).

    Arguments:
    X -- input data, shape (n_x, m)
    Y -- true labels 0/1, shape (1, m)
    cache -- the cache of forward_propagation_n

    Returns:
    gradients -- dictionary with dW1, db1, dW2, db2, dW3, db3 (each of the shape of its
                 parameter) and the intermediate dZ3, dA2, dZ2, dA1, dZ1
    """
    m = X.shape[1]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache

    dZ3 = A3 - Y
    dW3 = np.dot(dZ3, A2.T) / m
    db3 = np.sum(dZ3, axis=1, keepdims=True) / m

    dA2 = np.dot(W3.T, dZ3)
    dZ2 = dA2 * (A2 > 0)
    dW2 = np.dot(dZ2, A1.T) / m
    db2 = np.sum(dZ2, axis=1, keepdims=True)

    dA1 = np.dot(W2.T, dZ2)
    dZ1 = dA1
    dW1 = np.dot(dZ1, X.T) / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m

    gradients = {"dZ3": dZ3, "dW3": dW3, "db3": db3,
                 "dA2": dA2, "dZ2": dZ2, "dW2": dW2, "db2": db2,
                 "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}
    return gradients


# %% [markdown]
# A small problem to check it on: $m = 5$ examples with random inputs and labels, and
# random parameters (the values do not matter, as long as nothing sits exactly on a kink
# of the ReLU).

# %%
rng = np.random.default_rng(7)
X = rng.normal(size=(3, 5))
Y = (rng.random((1, 5)) > 0.5).astype(float)
parameters = {
    "W1": rng.normal(size=(4, 3)), "b1": 0.5 * rng.normal(size=(4, 1)),
    "W2": rng.normal(size=(3, 4)), "b2": 0.5 * rng.normal(size=(3, 1)),
    "W3": rng.normal(size=(1, 3)), "b3": 0.5 * rng.normal(size=(1, 1)),
}
cost, cache = forward_propagation_n(X, Y, parameters)
gradients = backward_propagation_n(X, Y, cache)
print(f"X: {X.shape}, Y: {Y.shape}, cost = {cost:.4f}")
for name, value in parameters.items():
    print(f"{name}: shape {value.shape}   d{name}: shape {gradients['d' + name].shape}")

# %% [markdown]
# ### From a dictionary to one vector
#
# In one dimension you shifted $\theta$ by $\pm\varepsilon$. Now $\theta$ is all 35
# parameters, and the check shifts **one entry at a time**: for entry $i$,
#
# $$gradapprox_i = \frac{J(\theta_1, \dots, \theta_i + \varepsilon, \dots, \theta_{35}) -
# J(\theta_1, \dots, \theta_i - \varepsilon, \dots, \theta_{35})}{2 \varepsilon}
# \approx \frac{\partial J}{\partial \theta_i},$$
#
# the other 34 entries staying as they are. That is easiest with all parameters in one
# column vector. `dlcourse.gradcheck` does the bookkeeping:
#
# - `theta, layout = dictionary_to_vector(parameters)` stacks `W1`, `b1`, `W2`, ... into
#   `theta` of shape $(35, 1)$. `layout` records each parameter's name and shape.
# - `vector_to_dictionary(theta, layout)` cuts a vector back into a `parameters`
#   dictionary, which `forward_propagation_n` accepts.
# - `gradients_to_vector(gradients, layout)` stacks `dW1`, `db1`, `dW2`, ... **in the same
#   order**, so that entry $i$ of both vectors is about the same parameter.

# %% tags=["demo"]
theta_vector, layout = dictionary_to_vector(parameters)
grad_vector = gradients_to_vector(gradients, layout)
print("theta_vector:", theta_vector.shape, " grad_vector:", grad_vector.shape)
print("layout:", layout)
# W1 fills entries 0 to 11, row by row: W1[1, 2] is entry 1 * 3 + 2 = 5.
print("W1[1, 2] =", parameters["W1"][1, 2], "  theta_vector[5, 0] =", theta_vector[5, 0])
back = vector_to_dictionary(theta_vector, layout)
print("round trip gives back the parameters:",
      all(np.array_equal(back[k], parameters[k]) for k in parameters))
assert theta_vector.shape == grad_vector.shape == (35, 1)
assert theta_vector[5, 0] == parameters["W1"][1, 2]

# %% [markdown]
# ### Exercise 5 - `gradient_check_n`
#
# Implement the check for any number of parameters. The set-up is written for you:
# `parameters_values` is $\theta$ as a column vector, `grad` the gradient from
# backpropagation as a vector of the same shape, and `J_plus`, `J_minus`, `gradapprox` are
# vectors of zeros to fill in.
#
# For each `i` in `range(num_parameters)`:
#
# 1. `theta_plus`: a **copy** of `parameters_values` with $\varepsilon$ added to entry `i`
#    (and to no other entry); `J_plus[i]`: the cost at `theta_plus`, computed with
#    `forward_propagation_n` on `vector_to_dictionary(theta_plus, layout)`.
# 2. `theta_minus` and `J_minus[i]` in the same way, with $\varepsilon$ subtracted.
# 3. `gradapprox[i]` $= \dfrac{J^{+}_i - J^{-}_i}{2 \varepsilon}$.
#
# Then compare `grad` and `gradapprox` with the relative difference of exercise 3, now with
# vectors:
#
# $$difference = \frac{\lVert grad - gradapprox \rVert_2}{\lVert grad \rVert_2 +
# \lVert gradapprox \rVert_2}.$$
#
# Write code for any number of parameters (the grader uses networks of other sizes) and
# use the `epsilon` you are given.
#
# <details><summary>Hints</summary>
#
# - `np.copy(a)` returns a new array. Writing `theta_plus = parameters_values` does **not**
#   copy: both names then refer to the same array, and adding $\varepsilon$ to one changes
#   the other.
# - `forward_propagation_n` returns two values, the cost and the cache; you need the cost.
# - `np.linalg.norm` of a vector of shape $(n, 1)$ is its Euclidean length.
# - With the denominator, take the norm of each vector and add the two numbers; the norm of
#   the sum is something else.
# </details>

# %% nbgrader={"grade_id": "gradient_check_n", "solution": true}
# GRADED FUNCTION: gradient_check_n
def gradient_check_n(parameters, gradients, X, Y, epsilon=1e-7, print_msg=False):
    """Check the gradients of backpropagation against two-sided numerical estimates, one
    parameter entry at a time.

    Arguments:
    parameters -- dictionary of parameters "W1", "b1", "W2", "b2", "W3", "b3"
    gradients -- output of the backward pass: "dW1", "db1", ... (each of the shape of its
                 parameter); other entries are ignored
    X -- input data, shape (n_x, m)
    Y -- true labels 0/1, shape (1, m)
    epsilon -- the small shift of each entry in the two-sided difference
    print_msg -- if True, print whether the check passed

    Returns:
    difference -- the relative difference between grad and gradapprox, a real number in
                  [0, 1]
    """
    # Set up: the parameters and the gradients as column vectors of the same layout.
    parameters_values, layout = dictionary_to_vector(parameters)
    grad = gradients_to_vector(gradients, layout)
    num_parameters = parameters_values.shape[0]
    J_plus = np.zeros((num_parameters, 1))
    J_minus = np.zeros((num_parameters, 1))
    gradapprox = np.zeros((num_parameters, 1))

    # The numerical estimate, one entry at a time.
    for i in range(num_parameters):
        ### BEGIN SOLUTION
        theta_plus = np.copy(parameters_values)
        theta_plus[i] = theta_plus[i] + epsilon
        J_plus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(theta_plus, layout))

        theta_minus = np.copy(parameters_values)
        theta_minus[i] = theta_minus[i] - epsilon
        J_minus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(theta_minus, layout))

        gradapprox[i] = (J_plus[i] - J_minus[i]) / (2 * epsilon)
        ### END SOLUTION

    # The relative difference.
    ### BEGIN SOLUTION
    numerator = np.linalg.norm(grad - gradapprox)
    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)
    difference = numerator / denominator
    ### END SOLUTION

    if print_msg:
        report_difference(difference)
    return difference


# %% nbgrader={"grade_id": "test_gradient_check_n", "points": 5}
# The colleague's gradients on the problem above, and gradients that are all zero (then
# the difference is exactly 1, whatever the numerical estimate).
difference = gradient_check_n(parameters, gradients, X, Y, print_msg=True)
zero_gradients = {"d" + name: np.zeros_like(value) for name, value in parameters.items()}
# What some common slips give on this problem, so that the message can name the cause:
gcn_slips = [(0.3709344255, "divided by ε instead of 2ε?"),
             (0.936829458, "J_minus − J_plus: the difference the wrong way round?"),
             (0.5153860377, "‖grad + gradapprox‖ in the denominator: ‖grad‖ + ‖gradapprox‖?"),
             (0.3328259381, "‖grad‖ − ‖gradapprox‖ in the numerator: ‖grad − gradapprox‖?"),
             (0.6690896234, "theta_plus and theta_minus not copies: shifts left in the vector "
                            "(np.copy(parameters_values) at each step)?"),
             (0.5053483164, "copied once before the loop: earlier shifts left in the vector "
                            "(np.copy at each step)?"),
             (0.5484307026, "the last entry skipped: range(num_parameters)?"),
             (0.2462177024, "sums instead of norms: np.linalg.norm?")]
run_checks(
    "gradient_check_n",
    lambda: check_scalar(difference, 0.4828288224,
                         "gradient_check_n(parameters, gradients, X, Y)", rtol=1e-5,
                         hints=gcn_slips),
    lambda: check_scalar(gradient_check_n(parameters, zero_gradients, X, Y), 1.0,
                         "gradient_check_n with gradients that are all zero", rtol=1e-9),
)
### BEGIN HIDDEN TESTS
def _hidden_gradient_check_n():
    _quiet = contextlib.redirect_stdout(io.StringIO())

    def _problem(_seed, _n_x, _n_1, _n_2, _m):
        _r = np.random.default_rng(_seed)
        _X = _r.normal(size=(_n_x, _m))
        _Y = (_r.random((1, _m)) > 0.5).astype(float)
        _P = {"W1": _r.normal(size=(_n_1, _n_x)), "b1": 0.5 * _r.normal(size=(_n_1, 1)),
              "W2": _r.normal(size=(_n_2, _n_1)), "b2": 0.5 * _r.normal(size=(_n_2, 1)),
              "W3": _r.normal(size=(1, _n_2)), "b3": 0.5 * _r.normal(size=(1, 1))}
        return _P, _X, _Y

    def _cost(_P, _X, _Y):
        _a1 = np.maximum(_P["W1"] @ _X + _P["b1"], 0.0)
        _a2 = np.maximum(_P["W2"] @ _a1 + _P["b2"], 0.0)
        _z3 = _P["W3"] @ _a2 + _P["b3"]
        # -log(sigmoid(z)) = log(1 + exp(-z)), -log(1 - sigmoid(z)) = log(1 + exp(z))
        return float(np.mean(_Y * np.logaddexp(0.0, -_z3) + (1 - _Y) * np.logaddexp(0.0, _z3)))

    def _true_gradients(_P, _X, _Y):
        _m = _X.shape[1]
        _z1 = _P["W1"] @ _X + _P["b1"]
        _a1 = np.maximum(_z1, 0.0)
        _z2 = _P["W2"] @ _a1 + _P["b2"]
        _a2 = np.maximum(_z2, 0.0)
        _a3 = 1.0 / (1.0 + np.exp(-(_P["W3"] @ _a2 + _P["b3"])))
        _e3 = (_a3 - _Y) / _m
        _e2 = (_P["W3"].T @ _e3) * (_z2 > 0)
        _e1 = (_P["W2"].T @ _e2) * (_z1 > 0)
        return {"dW3": _e3 @ _a2.T, "db3": _e3.sum(axis=1, keepdims=True),
                "dW2": _e2 @ _a1.T, "db2": _e2.sum(axis=1, keepdims=True),
                "dW1": _e1 @ _X.T, "db1": _e1.sum(axis=1, keepdims=True)}

    def _oracle(_P, _G, _X, _Y, _eps, _one_sided=False):
        _names = list(_P)
        _g = np.concatenate([_G["d" + _k].ravel() for _k in _names])
        _ga = []
        for _k in _names:
            for _j in range(_P[_k].size):
                _up = {_q: _v.copy() for _q, _v in _P.items()}
                _down = {_q: _v.copy() for _q, _v in _P.items()}
                _up[_k].flat[_j] += _eps
                _down[_k].flat[_j] -= _eps
                if _one_sided:
                    _ga.append((_cost(_up, _X, _Y) - _cost(_P, _X, _Y)) / _eps)
                else:
                    _ga.append((_cost(_up, _X, _Y) - _cost(_down, _X, _Y)) / (2 * _eps))
        _ga = np.array(_ga)
        return np.linalg.norm(_g - _ga) / (np.linalg.norm(_g) + np.linalg.norm(_ga))

    def _run(_P, _G, _X, _Y, **_kw):
        _copies = ({_k: _v.copy() for _k, _v in _P.items()},
                   {_k: _v.copy() for _k, _v in _G.items()})
        with _quiet:
            _d = gradient_check_n(_P, _G, _X, _Y, **_kw)
        for _what, _before, _after in (("parameters", _copies[0], _P),
                                       ("gradients", _copies[1], _G)):
            for _k in _before:
                check_unchanged(_before[_k], _after[_k], f"{_what}[{_k!r}] (an input)")
        return _d

    _sizes = ((104, 3, 4, 3, 5), (102, 2, 5, 4, 7), (103, 4, 3, 2, 6))
    for _seed, _n_x, _n_1, _n_2, _m in _sizes:
        _P, _X, _Y = _problem(_seed, _n_x, _n_1, _n_2, _m)
        _G = _true_gradients(_P, _X, _Y)
        _n = sum(_v.size for _v in _P.values())
        _what = f"for a network with {_n} parameters"
        # Correct gradients, the default epsilon: a tiny difference.
        check_scalar(_run(_P, _G, _X, _Y), 0.0,
                     f"gradient_check_n with correct gradients {_what} (should be below 1e-7)",
                     rtol=0.0, atol=1e-7)
        # Correct gradients, a larger epsilon: the difference is the estimate's own error.
        check_scalar(_run(_P, _G, _X, _Y, epsilon=1e-3), _oracle(_P, _G, _X, _Y, 1e-3),
                     f"gradient_check_n with correct gradients {_what}, epsilon=1e-3",
                     rtol=1e-3, atol=0,
                     hints=[(_oracle(_P, _G, _X, _Y, 1e-3, True),
                             "a one-sided difference? (J(θ + ε) − J(θ − ε)) / (2ε)")])
        # One entry of dW2 (the largest) twice too large.
        _W = {_k: _v.copy() for _k, _v in _G.items()}
        _W["dW2"].flat[int(np.argmax(np.abs(_W["dW2"])))] *= 2.0
        check_scalar(_run(_P, _W, _X, _Y), _oracle(_P, _W, _X, _Y, 1e-7),
                     f"gradient_check_n with one entry of dW2 twice too large {_what}",
                     rtol=1e-5, atol=0)
        # db1 three times too large and dW3 of the wrong sign, with epsilon=1e-5.
        _W = {_k: _v.copy() for _k, _v in _G.items()}
        _W["db1"] = 3.0 * _W["db1"]
        _W["dW3"] = -_W["dW3"]
        check_scalar(_run(_P, _W, _X, _Y, epsilon=1e-5), _oracle(_P, _W, _X, _Y, 1e-5),
                     f"gradient_check_n with wrong db1 and dW3 {_what}, epsilon=1e-5",
                     rtol=1e-5, atol=0)


_hidden_gradient_check_n()
### END HIDDEN TESTS

# %% [markdown]
# ### Checking the colleague's backward pass
#
# Run your checker on the gradients of `backward_propagation_n`:

# %% tags=["demo"]
difference = gradient_check_n(parameters, gradients, X, Y, print_msg=True)
assert difference > 1e-3, "this backward pass has bugs; the difference should be large"

# %% [markdown]
# The difference is far above $10^{-3}$: backpropagation and the cost disagree, so the
# backward pass is wrong (the forward pass is the definition of the cost, so we trust it).
#
# ### Where is the bug?
#
# The check says *that* something is wrong, not *where*. To narrow it down, check one
# parameter matrix at a time. A cheap way: move a whole parameter, say $W^{[2]}$, a tiny
# step $\varepsilon$ along a random direction $D$ of the same shape. By the chain rule the
# cost changes at the rate
#
# $$\frac{d}{dt} J(W^{[2]} + t D) \Big|_{t = 0} = \sum_{j, k}
# \frac{\partial J}{\partial W^{[2]}_{jk}} D_{jk},$$
#
# which backpropagation predicts as `np.sum(dW2 * D)`, and which two forward passes measure.
# Unlike your entry-by-entry check, this takes two forward passes per parameter *matrix*,
# not per entry, which is also why it cannot say which entry is wrong.

# %% tags=["demo"]
def directional_difference(parameters, gradients, X, Y, name, epsilon=1e-6, seed=0):
    """Relative difference between the slope of the cost along a random direction of one
    parameter, as backpropagation predicts it and as two forward passes measure it."""
    D = np.random.default_rng(seed).normal(size=parameters[name].shape)
    moved_up = dict(parameters, **{name: parameters[name] + epsilon * D})
    moved_down = dict(parameters, **{name: parameters[name] - epsilon * D})
    measured = (forward_propagation_n(X, Y, moved_up)[0]
                - forward_propagation_n(X, Y, moved_down)[0]) / (2 * epsilon)
    predicted = np.sum(gradients["d" + name] * D)
    return abs(predicted - measured) / (abs(predicted) + abs(measured))


def differences_by_parameter(gradients):
    return {name: directional_difference(parameters, gradients, X, Y, name)
            for name in parameters}


colleague = differences_by_parameter(gradients)
for name, value in colleague.items():
    print(f"d{name}: relative difference {value:.4g}{'   <-- wrong' if value > 1e-5 else ''}")

# %% [markdown]
# Three gradients are flagged. Now the check has done its part, and you do the rest: find the
# lines behind them and fix them. Reason from the pattern before you read the code:
#
# - Each layer computes its $dW$ and its $db$ from the same $dZ$. If one of the two is wrong
#   and the other right, that $dZ$ is fine, and the mistake is in the wrong one's own line.
# - If both are wrong, look at what they share: the line that computes their $dZ$, or the
#   lines before it. The gradients of the layer above tell you how far back to look.
# - The size of a difference is a clue too. Compare it with your `relative_difference_if_scaled`
#   of exercise 4: which factor $c$ gives that value, and what in this problem equals it?
#
# The backward pass was meant to follow the lectures' formulas, recalled above its code; the
# derivative of the ReLU is 1 where $Z > 0$ and 0 elsewhere.
#
# ### Exercise 6 - `backward_propagation_n_fixed`
#
# Copy the colleague's `backward_propagation_n` into the cell below and correct it. Change
# only the lines the check points at, and keep the returned dictionary as it is. The test
# compares your gradients with numerical estimates on this problem and on networks of other
# sizes, so they must be right in general, not only here. The cells after the test run the
# per-parameter check and your `gradient_check_n` on your version.

# %% nbgrader={"grade_id": "backward_propagation_n_fixed", "solution": true}
# GRADED FUNCTION: backward_propagation_n_fixed
def backward_propagation_n_fixed(X, Y, cache):
    """Backward pass of the 3-layer network, with the colleague's mistakes corrected.

    Arguments:
    X -- input data, shape (n_x, m)
    Y -- true labels 0/1, shape (1, m)
    cache -- the cache of forward_propagation_n

    Returns:
    gradients -- dictionary with dW1, db1, dW2, db2, dW3, db3 (each of the shape of its
                 parameter) and the intermediate dZ3, dA2, dZ2, dA1, dZ1
    """
    ### BEGIN SOLUTION
    m = X.shape[1]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache

    dZ3 = A3 - Y
    dW3 = np.dot(dZ3, A2.T) / m
    db3 = np.sum(dZ3, axis=1, keepdims=True) / m

    dA2 = np.dot(W3.T, dZ3)
    dZ2 = dA2 * (A2 > 0)
    dW2 = np.dot(dZ2, A1.T) / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m

    dA1 = np.dot(W2.T, dZ2)
    dZ1 = dA1 * (A1 > 0)
    dW1 = np.dot(dZ1, X.T) / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m

    gradients = {"dZ3": dZ3, "dW3": dW3, "db3": db3,
                 "dA2": dA2, "dZ2": dZ2, "dW2": dW2, "db2": db2,
                 "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}
    ### END SOLUTION
    return gradients


# %% nbgrader={"grade_id": "test_backward_propagation_n_fixed", "points": 3}
# The expected gradients on the problem above are its numerical gradients (two-sided
# differences of forward_propagation_n's cost, accurate to about 1e-10).
fixed_expected = {
    "dW1": [[0.0158926939, 0.0187243162, 0.0046012721], [0.0, 0.0, 0.0],
            [0.0189101332, 0.0009430915, -0.0166194387], [0.0013903375, 0.0061734203,
                                                          -0.0018328984]],
    "db1": [[-0.0310246871], [0.0], [-0.0849672807], [-0.0072919887]],
    "dW2": [[0.0, 0.0, 0.0, 0.0], [0.0, 0.0, -0.00295151, 0.0],
            [-0.0179013648, 0.0, -0.1116857961, -0.0458190941]],
    "db2": [[0.0], [-0.0126922347], [-0.1593221068]],
    "dW3": [[0.0, -0.1218407556, -0.323391897]],
    "db3": [[-0.2762701309]],
}
gradients_fixed = backward_propagation_n_fixed(X, Y, cache)
# What dW1 and db1 are with some wrong derivatives of the ReLU in dZ1 (dA1 is right):
A1_in, dA1_in = cache[1], gradients["dA1"]
relu_slips = {"dZ1 = dA1 * A1: the derivative of the ReLU, not the ReLU itself?": dA1_in * A1_in,
              "the sigmoid's derivative A (1 − A): layer 1 uses the ReLU?":
                  dA1_in * A1_in * (1 - A1_in)}
fixed_slips = {"dW1": [(dZ @ X.T / X.shape[1], why) for why, dZ in relu_slips.items()],
               "db1": [(dZ.mean(axis=1, keepdims=True), why) for why, dZ in relu_slips.items()]}


def check_fixed_gradient(key):
    check_array(gradients_fixed[key], fixed_expected[key], f"gradients['{key}']", rtol=1e-6,
                atol=1e-9, factors={"m": X.shape[1]},
                hints=[(gradients[key], f"{key} is still the colleague's: which line does it "
                                        "come from, and what do the flagged gradients share?")]
                + fixed_slips.get(key, []))


run_checks(
    "backward_propagation_n_fixed",
    lambda: check_type(gradients_fixed, dict, "backward_propagation_n_fixed(X, Y, cache)"),
    *[lambda key=key: check_fixed_gradient(key) for key in ("dW3", "db3", "dW2", "db2", "dW1",
                                                             "db1")],
)
### BEGIN HIDDEN TESTS
def _hidden_backward_propagation_n_fixed():
    def _forward(_P, _X, _Y):
        _z1 = _P["W1"] @ _X + _P["b1"]
        _a1 = np.maximum(_z1, 0.0)
        _z2 = _P["W2"] @ _a1 + _P["b2"]
        _a2 = np.maximum(_z2, 0.0)
        _z3 = _P["W3"] @ _a2 + _P["b3"]
        _a3 = 1.0 / (1.0 + np.exp(-_z3))
        _cost = float(np.mean(_Y * np.logaddexp(0.0, -_z3) + (1 - _Y) * np.logaddexp(0.0, _z3)))
        return _cost, (_z1, _a1, _P["W1"], _P["b1"], _z2, _a2, _P["W2"], _P["b2"], _z3, _a3,
                       _P["W3"], _P["b3"])

    def _numerical(_P, _X, _Y, _key, _eps=1e-6):
        _g = np.zeros_like(_P[_key])
        for _idx in np.ndindex(_g.shape):
            _up = {_k: _v.copy() for _k, _v in _P.items()}
            _down = {_k: _v.copy() for _k, _v in _P.items()}
            _up[_key][_idx] += _eps
            _down[_key][_idx] -= _eps
            _g[_idx] = (_forward(_up, _X, _Y)[0] - _forward(_down, _X, _Y)[0]) / (2 * _eps)
        return _g

    def _slips(_P, _X, _Y, _cache):  # dW1 and db1 for wrong derivatives of the ReLU
        _z1, _a1, _, _, _z2, _a2, _, _, _, _a3, _, _ = _cache
        _m = _X.shape[1]
        _dA1 = _P["W2"].T @ ((_P["W3"].T @ (_a3 - _Y)) * (_z2 > 0))
        _out = {"dW1": [], "db1": []}
        for _dZ1, _why in ((_dA1, "as in the colleague's version: dZ1 without the derivative "
                                  "of the ReLU?"),
                           (_dA1 * _a1, "dZ1 = dA1 * A1: the derivative of the ReLU, not the "
                                        "ReLU itself?"),
                           (_dA1 * _a1 * (1 - _a1), "the sigmoid's derivative A (1 − A): "
                                                    "layer 1 uses the ReLU?")):
            _out["dW1"].append((_dZ1 @ _X.T / _m, _why))
            _out["db1"].append((_dZ1.sum(axis=1, keepdims=True) / _m, _why))
        return _out

    for _seed, (_n_x, _n_1, _n_2, _m) in enumerate(((2, 5, 4, 7), (4, 3, 2, 6), (3, 6, 5, 9))):
        _r = np.random.default_rng(900 + _seed)
        _X = _r.normal(size=(_n_x, _m))
        _Y = (_r.random((1, _m)) > 0.5).astype(float)
        _Y[0, :2] = (0.0, 1.0)
        _P = {"W1": _r.normal(size=(_n_1, _n_x)), "b1": 0.5 * _r.normal(size=(_n_1, 1)),
              "W2": _r.normal(size=(_n_2, _n_1)), "b2": 0.5 * _r.normal(size=(_n_2, 1)),
              "W3": _r.normal(size=(1, _n_2)), "b3": 0.5 * _r.normal(size=(1, 1))}
        _, _cache = _forward(_P, _X, _Y)
        _copies = [_v.copy() for _v in _cache] + [_X.copy(), _Y.copy()]
        _what = f"for a network with layer sizes {[_n_x, _n_1, _n_2, 1]} and m = {_m}"
        _got = backward_propagation_n_fixed(_X, _Y, _cache)
        check_type(_got, dict, f"backward_propagation_n_fixed(X, Y, cache) {_what}")
        _missing = sorted(_k for _k in ("dW1", "db1", "dW2", "db2", "dW3", "db3")
                          if _k not in _got)
        if _missing:
            raise CheckFailed(f"the gradients {_what} have no entries {_missing}")
        _hints = _slips(_P, _X, _Y, _cache)
        for _key in ("dW3", "db3", "dW2", "db2", "dW1", "db1"):
            _num = _numerical(_P, _X, _Y, _key[1:])
            check_array(_got[_key], _num, f"gradients['{_key}'] {_what}", rtol=1e-5, atol=1e-8,
                        factors={"m": _m}, hints=_hints.get(_key, []))
        for _before, _after in zip(_copies, list(_cache) + [_X, _Y]):
            check_unchanged(_before, _after, "the inputs (X, Y and the cache) of "
                            "backward_propagation_n_fixed")


_hidden_backward_propagation_n_fixed()
### END HIDDEN TESTS

# %% [markdown]
# The plot shows the per-parameter differences of both versions on a log scale: the
# colleague's version (red) and yours (green), with a dashed line at $10^{-7}$.

# %% tags=["demo"]
fixed_gradients = backward_propagation_n_fixed(X, Y, cache)
fixed = differences_by_parameter(fixed_gradients)

names = list(parameters)
positions = np.arange(len(names))
fig, ax = plt.subplots(figsize=(7.0, 3.8))
ax.bar(positions - 0.2, [colleague[n] for n in names], width=0.4, color="tab:red",
       label="colleague's backward pass")
ax.bar(positions + 0.2, [fixed[n] for n in names], width=0.4, color="tab:green",
       label="your backward_propagation_n_fixed")
ax.axhline(1e-7, color="black", linestyle="--", linewidth=1)
ax.text(len(names) - 0.5, 1.5e-7, "1e-7", ha="right")
ax.set_yscale("log")
ax.set_xticks(positions, ["d" + n for n in names])
ax.set_ylabel("relative difference")
ax.set_title("Directional check, one parameter at a time")
ax.legend(frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=2)
plt.show()

check_equal(sorted(n for n in names if colleague[n] > 1e-5), ["W1", "b1", "b2"],
            "the parameters whose gradient the colleague got wrong")
check_between(colleague["b2"], 0.66666, 0.66667, "the difference of db2 in the colleague's "
              "version", "2/3")
check_between(max(fixed.values()), 0.0, 1e-7, "the largest difference of your fixed version")

# %% [markdown]
# And the verdict of your own checker on your corrected gradients:

# %% tags=["demo"]
difference_fixed = gradient_check_n(parameters, fixed_gradients, X, Y, print_msg=True)
check_between(difference_fixed, 0.0, 1e-7, "gradient_check_n on your fixed gradients")

# %% [markdown]
# Below $10^{-7}$: the corrected backward pass agrees with the cost.
#
# <details><summary>The two mistakes (open once your version passes)</summary>
#
# - `db2` was wrong while `dW2` was right, so `dZ2` was fine and the mistake was in the line
#   of `db2`: the sum over the examples was not divided by $m$. Every entry of `db2` was $m = 5$
#   times too large, and $c = 5$ gives the difference $\frac{2}{3}$ of exercise 4.
# - `dW1` and `db1` were both wrong and `dA1` (from the right `dZ2`) was fine, so the line of
#   `dZ1` was: it forgot the derivative of the ReLU, $dZ^{[1]} = dA^{[1]} * g'(Z^{[1]})$. Where
#   $Z^{[1]} > 0$ the factor is 1, so that bug only mattered for the units that were off.
# </details>
#
# ## 5 - Using gradient checking in practice
#
# - **Only to debug.** Your check costs two forward passes per parameter; a real network
#   has millions of parameters. Run it once on a small problem (few examples, maybe a
#   smaller network), then switch it off and train with backpropagation alone.
# - **When it fails, look at the parts** (as above) to find which gradients are wrong.
# - **Include everything in the cost.** With L2 regularization, the cost includes
#   $\frac{\lambda}{2m} \sum \lVert W \rVert^2$ and the gradients its derivative: check
#   both together.
# - **Not with dropout.** Dropout makes the cost random, so $J(\theta + \varepsilon)$ and
#   $J(\theta - \varepsilon)$ would be two different functions. Check with `keep_prob = 1`,
#   then turn dropout on.
# - **Check at a random point, and again after some training.** Some bugs only show once
#   the weights have grown away from their initial values.
#
# **What you built:** forward and backward propagation for a one-parameter model, a
# two-sided numerical estimate of the derivative, the relative difference that turns two
# gradients into one verdict (and what its value says about a wrong gradient), and a checker
# for a whole network, which told you that a backward pass was wrong and, one parameter at a
# time, where: you only had to read the lines it pointed at.

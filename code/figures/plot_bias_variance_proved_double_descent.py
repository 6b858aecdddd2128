"""Double descent: minimum-norm least squares on random ReLU features
=====================================================================

The three terms of the bias-variance decomposition, stacked, against the
number of random ReLU features M, from 1 to 160, for minimum-norm least
squares on n = 40 training examples with five inputs, each term estimated
from 1,000 training sets; logarithmic axes. The noise (grey, 0.09) is the
floor, the squared bias (red) is small once M passes about 15, and the
variance (blue) grows as M approaches n, peaks near the dashed vertical
line at M = n = 40, where the model first interpolates its training set,
and falls again after it. Open black circles, the test error measured
directly, follow the top of the stack: a first U, a peak about ninety
times the bottom of the U at the threshold, and a second descent.
"""

# %%
import numpy as np

from skratch.figures import COLORS, MARKERS, new_figure, save_cli

N_TRAIN = 40  # n, training examples
N_INPUTS = 5  # inputs per example
N_TEST = 500
NOISE = 0.3  # sigma
WIDTHS = np.array(
    [1, 2, 4, 6, 8, 12, 16, 20, 25, 30, 34, 37, 39, 40, 41, 43, 46]
    + [50, 60, 80, 100, 120, 160]
)
N_SETS = 1000


def true_function(X):
    """The truth f*(x): the sum of the five inputs over sqrt(5)."""
    return X.sum(axis=1) / np.sqrt(X.shape[1])


def random_features_data():
    """Training and test inputs and the weights of all 4n features."""
    rng = np.random.default_rng(0)
    X = rng.normal(size=(N_TRAIN, N_INPUTS))
    X_test = rng.normal(size=(N_TEST, N_INPUTS))
    weights = rng.normal(size=(N_INPUTS, 4 * N_TRAIN)) / np.sqrt(N_INPUTS)
    return X, X_test, weights


def relu_features(X, weights, M):
    """phi_j(x) = max(0, xi_j . x) for the first M features.

    Column j of `weights` is the random weight vector xi_j.
    """
    return np.maximum(0.0, X @ weights[:, :M])


def double_descent(n_sets=N_SETS, random_state=1):
    """Squared bias, variance and measured test error for every width.

    One minimum-norm least-squares fit per width: the pseudo-inverse of
    the training features times all n_sets target columns at once.
    """
    rng = np.random.default_rng(random_state)
    X, X_test, weights = random_features_data()
    truth = true_function(X_test)
    y_sets = true_function(X)[:, None] + rng.normal(
        0, NOISE, (N_TRAIN, n_sets)
    )
    y_test = truth[:, None] + rng.normal(0, NOISE, (N_TEST, n_sets))
    bias2, variance, measured = [], [], []
    for width in WIDTHS:
        Phi = relu_features(X, weights, width)  # (n, width)
        coefs = np.linalg.pinv(Phi) @ y_sets  # (width, n_sets)
        predictions = relu_features(X_test, weights, width) @ coefs
        bias2.append(np.mean((predictions.mean(axis=1) - truth) ** 2))
        variance.append(np.mean(predictions.var(axis=1)))
        measured.append(np.mean((y_test - predictions) ** 2))
    return np.array(bias2), np.array(variance), np.array(measured)


def draw():
    bias2, variance, measured = double_descent()
    noise = np.full(len(WIDTHS), NOISE**2)

    fig, ax = new_figure(figsize=(6.4, 4.6))
    ax.fill_between(
        WIDTHS, 1e-3, noise, color=COLORS["grey"], label="noise $\\sigma^2$"
    )
    ax.fill_between(
        WIDTHS,
        noise,
        noise + bias2,
        color=COLORS["red"],
        label="bias$^2$",
    )
    ax.fill_between(
        WIDTHS,
        noise + bias2,
        noise + bias2 + variance,
        color=COLORS["blue"],
        label="variance",
    )
    ax.plot(
        WIDTHS,
        measured,
        linestyle="none",
        marker=MARKERS[0],
        markersize=8,
        markerfacecolor="white",
        markeredgecolor="black",
        markeredgewidth=1.5,
        label="measured test error",
    )
    ax.axvline(N_TRAIN, color="black", linestyle="--", linewidth=1.2)
    ax.annotate(
        "$M = n$",
        xy=(N_TRAIN, 60),
        xytext=(N_TRAIN * 1.15, 60),
    )
    ax.set(
        xlabel="number of random features $M$ (log)",
        ylabel="expected squared error (log)",
        xscale="log",
        yscale="log",
        xlim=(1, WIDTHS[-1]),
        ylim=(0.05, 200),
    )
    ax.legend(loc="upper left")
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)

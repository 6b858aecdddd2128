"""The decomposition for k-nearest neighbours, stacked and measured
=================================================================

A stacked bar chart of the three terms of the bias-variance decomposition
for k-nearest-neighbours regression against the number of neighbours k,
from 1 to 25, on the 25 training inputs of the Advanced unit, each term
estimated from 2,000 training sets: the noise (grey, 0.09 for every k) at
the bottom, the squared bias (red, hatched) in the middle, growing with k,
and the variance (blue) on top, shrinking like 0.09 / k. Open black
circles mark the test error measured directly on fresh noisy test
targets; each sits on the top of its bar. A black line is the exact
expected error from the formula of Hastie, Tibshirani and Friedman
(section 7.3), which passes through the circles. The total is lowest at
k = 4.
"""

# %%
import numpy as np

from skratch.figures import COLORS, MARKERS, new_figure, save_cli
from skratch.figures.plot_bias_variance_pick_the_model import (
    NOISE,
    noisy_targets,
    pick_the_model_data,
    true_function,
)
from skratch.neighbors import KNeighborsRegressor

KS = np.array([1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25])
N_SETS = 2000  # training sets drawn from the generating process
N_TEST = 200  # test inputs, spread evenly over [0, 1]


def knn_decomposition(n_sets=N_SETS, random_state=1):
    """Squared bias, variance, measured error and exact error for each k.

    The training inputs are fixed and each training set redraws the noise,
    so one fit with n_sets target columns makes n_sets refits.
    """
    rng = np.random.default_rng(random_state)
    x = pick_the_model_data()[0]
    x_test = np.linspace(0, 1, N_TEST)
    truth = true_function(x_test)
    y_sets = noisy_targets(x, rng, n_sets)  # (n, n_sets)
    y_test = noisy_targets(x_test, rng, n_sets)  # (N_TEST, n_sets)
    bias2, variance, measured, exact = [], [], [], []
    for k in KS:
        model = KNeighborsRegressor(n_neighbors=k).fit(x[:, None], y_sets)
        predictions = model.predict(x_test[:, None])  # (N_TEST, n_sets)
        average = predictions.mean(axis=1)
        bias2.append(np.mean((average - truth) ** 2))
        variance.append(np.mean(predictions.var(axis=1)))
        measured.append(np.mean((y_test - predictions) ** 2))
        # ESL (7.10): sigma^2 + (f*(x0) - mean of f* at the k nearest)^2
        # + sigma^2 / k, averaged over the test inputs
        neighbours = model.kneighbors(
            x_test[:, None], return_distance=False
        )
        f_bar = true_function(x[neighbours]).mean(axis=1)
        exact.append(
            NOISE**2 + np.mean((truth - f_bar) ** 2) + NOISE**2 / k
        )
    return tuple(map(np.array, (bias2, variance, measured, exact)))


def draw():
    bias2, variance, measured, exact = knn_decomposition()
    noise = NOISE**2
    positions = np.arange(len(KS))

    fig, ax = new_figure(figsize=(6.4, 4.6))
    ax.bar(
        positions, noise, color=COLORS["grey"], label="noise $\\sigma^2$"
    )
    ax.bar(
        positions,
        bias2,
        bottom=noise,
        color=COLORS["red"],
        hatch="//",
        edgecolor="white",
        label="bias$^2$",
    )
    ax.bar(
        positions,
        variance,
        bottom=noise + bias2,
        color=COLORS["blue"],
        label="variance",
    )
    ax.plot(positions, exact, "-", color="black", label="exact (ESL 7.3)")
    ax.plot(
        positions,
        measured,
        linestyle="none",
        marker=MARKERS[0],
        markersize=10,
        markerfacecolor="white",
        markeredgecolor="black",
        markeredgewidth=1.6,
        label="measured test error",
    )
    ax.set(
        xlabel="number of neighbours $k$ (more: smoother, more bias)",
        ylabel="expected squared error",
        xticks=positions,
        xticklabels=[str(k) for k in KS],
        ylim=(0, 0.75),
    )
    ax.legend(loc="upper left", ncols=2)
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)

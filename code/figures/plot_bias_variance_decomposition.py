"""Bias squared, variance and noise add up to the test error
============================================================

A plot of the three terms of the bias-variance decomposition against the
degree of the polynomial, from 1 to 12, on a logarithmic vertical axis,
each estimated from 2,000 training sets drawn from the unit's known
generating process. The squared bias (red circles) is large for a straight
line and falls below the bottom of the plot, 0.001, by degree 4; the
variance (blue triangles) is small for a straight line and grows with
every degree, steeply after degree 6; the noise (a grey dashed line at
0.09) stays the same. Their sum (a black line) is U-shaped, lowest at
degree 3, and the test error measured directly on fresh test points (open
green squares) sits on the sum at every degree.
"""

# %%
import numpy as np

from skratch.figures import COLORS, MARKERS, new_figure, save_cli
from skratch.figures.plot_bias_variance_pick_the_model import (
    DEGREES,
    NOISE,
    noisy_targets,
    pick_the_model_data,
    polynomial_model,
    true_function,
)

N_SETS = 2000  # training sets drawn from the generating process
N_TEST = 200  # test inputs, spread evenly over [0, 1]


def decompose(n_sets=N_SETS, random_state=1):
    """Squared bias, variance and measured test error at every degree.

    The training inputs stay those of the unit; each training set redraws
    the noise, so one fit with n_sets target columns makes n_sets refits.
    """
    rng = np.random.default_rng(random_state)
    x = pick_the_model_data()[0]
    x_test = np.linspace(0, 1, N_TEST)
    y_sets = noisy_targets(x, rng, n_sets)  # (n, n_sets)
    y_test = noisy_targets(x_test, rng, n_sets)  # (N_TEST, n_sets)
    bias2, variance, measured = [], [], []
    for degree in DEGREES:
        model = polynomial_model(degree).fit(x[:, None], y_sets)
        predictions = model.predict(x_test[:, None])  # (N_TEST, n_sets)
        average = predictions.mean(axis=1)  # the average model
        bias2.append(np.mean((average - true_function(x_test)) ** 2))
        variance.append(np.mean(predictions.var(axis=1)))
        measured.append(np.mean((y_test - predictions) ** 2))
    return np.array(bias2), np.array(variance), np.array(measured)


def draw():
    bias2, variance, measured = decompose()
    total = bias2 + variance + NOISE**2

    fig, ax = new_figure(figsize=(6.4, 4.6))
    ax.plot(
        DEGREES,
        bias2,
        "-",
        marker=MARKERS[0],
        color=COLORS["red"],
        label="bias$^2$",
    )
    ax.plot(
        DEGREES,
        variance,
        "-",
        marker=MARKERS[1],
        color=COLORS["blue"],
        label="variance",
    )
    ax.axhline(
        NOISE**2,
        linestyle="--",
        color=COLORS["grey"],
        label="noise $\\sigma^2$",
    )
    ax.plot(
        DEGREES,
        total,
        "-",
        color="black",
        linewidth=2.2,
        label="sum of the three",
    )
    ax.plot(
        DEGREES,
        measured,
        linestyle="none",
        marker=MARKERS[2],
        markersize=11,
        markerfacecolor="none",
        markeredgecolor=COLORS["green"],
        markeredgewidth=1.8,
        label="measured test error",
    )
    best = DEGREES[total.argmin()]
    ax.annotate(
        f"lowest: degree {best}",
        xy=(best, total.min()),
        xytext=(best - 1.8, 1.2),
        arrowprops={"arrowstyle": "->", "color": "black"},
    )
    ax.set(
        xlabel="degree of the polynomial",
        ylabel="mean squared error (log)",
        xticks=DEGREES,
        xlim=(0.5, DEGREES[-1] + 0.5),
        ylim=(1e-3, 4),
        yscale="log",
    )
    ax.legend(loc="lower right")
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)

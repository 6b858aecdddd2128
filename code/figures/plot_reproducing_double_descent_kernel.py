"""Random Fourier features approximate the RBF kernel
====================================================

Two panels. Top: for 400 random pairs of the 400 training digits, the
dot product of their random Fourier features (vertical axis) against
their RBF kernel value (horizontal axis, from about 0.15 to 0.93), with
40 features (blue circles, widely scattered around the diagonal) and
with 4,000 features (orange triangles, almost on the black diagonal line
of equality). Bottom: on logarithmic axes, the root-mean-square gap
between the two over all 79,800 pairs against the number of features M,
from 10 to 4,000: open circles for five draws of the features, and a
black line for the exact value the lemma gives, falling like one over
the square root of M, from about 0.3 to about 0.015. The circles sit on
the line.
"""

# %%
from functools import lru_cache

import numpy as np

from skratch.figures import COLORS, MARKERS, new_figure, save_cli
from skratch.figures.plot_reproducing_double_descent_test_error import (
    N_SEEDS,
    bandwidth,
    digits_split,
    draw_features,
    rff,
)
from skratch.metrics.pairwise import rbf_kernel

KERNEL_WIDTHS = np.array([10, 20, 40, 100, 200, 400, 1000, 2000, 4000])
N_SHOWN = 400  # pairs of images in the scatter


@lru_cache(maxsize=1)
def kernel_error():
    """RMS error of Phi Phi^T against K over the pairs, and its formula.

    Returns the measured root-mean-square error per seed and width, shape
    (N_SEEDS, len(KERNEL_WIDTHS)), the exact one from the variance
    (1 - k^2 + k^4 / 2) / M of each entry, and the pairs' kernel values.
    """
    X = digits_split()[0]  # the n training images
    gamma = bandwidth(X)
    K = rbf_kernel(X, gamma=gamma)
    pairs = np.triu_indices(len(X), k=1)  # i < j
    k = K[pairs]
    measured = np.zeros((N_SEEDS, len(KERNEL_WIDTHS)))
    for seed in range(N_SEEDS):
        xi, phase = draw_features(
            X.shape[1], KERNEL_WIDTHS[-1], gamma, seed
        )
        for i, M in enumerate(KERNEL_WIDTHS):
            Phi = rff(X, xi[:, :M], phase[:M])
            gap = (Phi @ Phi.T)[pairs] - k
            measured[seed, i] = np.sqrt(np.mean(gap**2))
    exact = np.sqrt(np.mean(1 - k**2 + k**4 / 2) / KERNEL_WIDTHS)
    return measured, exact, k


@lru_cache(maxsize=1)
def scatter_pairs(widths=(40, 4000)):
    """Kernel values and their approximations for N_SHOWN pairs (seed 0)."""
    X = digits_split()[0]
    gamma = bandwidth(X)
    K = rbf_kernel(X, gamma=gamma)
    rng = np.random.default_rng(0)
    i, j = np.triu_indices(len(X), k=1)
    chosen = rng.choice(len(i), N_SHOWN, replace=False)
    i, j = i[chosen], j[chosen]
    xi, phase = draw_features(X.shape[1], max(widths), gamma, 0)
    approx = []
    for M in widths:
        Phi = rff(X, xi[:, :M], phase[:M])
        approx.append(np.sum(Phi[i] * Phi[j], axis=1))
    return K[i, j], approx


def draw():
    measured, exact, _ = kernel_error()
    k, approx = scatter_pairs()
    fig, axes = new_figure(2, 1, figsize=(6.4, 7.4))

    ax = axes[0]
    styles = [(COLORS["blue"], MARKERS[0]), (COLORS["orange"], MARKERS[1])]
    for M, values, (color, marker) in zip((40, 4000), approx, styles):
        ax.scatter(
            k,
            values,
            s=14,
            color=color,
            marker=marker,
            alpha=0.7,
            label=f"$M = {M}$",
        )
    ax.plot(
        [0, 1],
        [0, 1],
        color="black",
        linewidth=1.2,
        label="exact: $\\hat{K}_{ij} = K_{ij}$",
    )
    ax.set(
        xlabel="RBF kernel $K_{ij}$ of two training images",
        ylabel="$\\hat{K}_{ij} = \\phi(\\mathbf{x}_i)^\\top"
        "\\phi(\\mathbf{x}_j)$",
        xlim=(0.1, 1.0),
        ylim=(-0.25, 1.25),
    )
    ax.legend(loc="upper left")

    ax = axes[1]
    for seed in range(measured.shape[0]):
        ax.plot(
            KERNEL_WIDTHS,
            measured[seed],
            linestyle="none",
            marker=MARKERS[0],
            markersize=7,
            markerfacecolor="none",
            color=COLORS["blue"],
            label="measured, 5 draws" if seed == 0 else None,
        )
    ax.plot(
        KERNEL_WIDTHS,
        exact,
        color="black",
        linewidth=1.5,
        label="exact: $\\sqrt{\\mathrm{mean}(1 - K_{ij}^2 + K_{ij}^4/2)"
        "\\,/\\,M}$",
    )
    ax.set(
        xscale="log",
        yscale="log",
        xlabel="number of random Fourier features $M$, log",
        ylabel="RMS error of $\\hat{K}_{ij}$, log",
    )
    ticks = [0.02, 0.05, 0.1, 0.2]
    ax.set_yticks(ticks, [str(t) for t in ticks])
    ax.set_yticks([], minor=True)
    ax.legend(loc="lower left")
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)

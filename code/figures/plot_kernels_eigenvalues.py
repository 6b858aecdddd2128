"""Gram-matrix eigenvalues against the bound zero
=================================================

The forty eigenvalues of the Gram matrix of each of four kernels on forty
random points of the plane, sorted from largest to smallest (horizontal
axis: rank, vertical axis: eigenvalue divided by the largest, on a scale
that is linear between -0.001 and 0.001 and logarithmic outside). The
theorem says a kernel's eigenvalues never go below zero (the dashed line;
the shaded band below it is forbidden). Linear, polynomial and RBF stay on
or above it: beyond rank 2 and rank 6 the linear and polynomial values are
zeros up to rounding, and the smallest RBF value, 2e-8 of the largest, is
drawn on the zero line but is positive. The sigmoid kernel tanh(x.z + 1)
crosses it, its smallest eigenvalue about -0.23 times the largest: it is
not a kernel in the sense of the theorem.
"""

# %%
import numpy as np

from skratch.figures import COLORS, MARKERS, new_figure, save_cli
from skratch.metrics.pairwise import (
    linear_kernel,
    polynomial_kernel,
    rbf_kernel,
    sigmoid_kernel,
)


def draw():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(40, 2))
    kernels = [
        ("linear", linear_kernel(X)),
        ("poly, degree 2", polynomial_kernel(X, degree=2, gamma=1.0)),
        ("rbf, gamma = 1", rbf_kernel(X, gamma=1.0)),
        ("sigmoid, gamma = 1", sigmoid_kernel(X, gamma=1.0)),
    ]
    colours = [COLORS["blue"], COLORS["green"], COLORS["orange"]]
    colours.append(COLORS["red"])
    rank = np.arange(1, 41)

    # %%
    fig, ax = new_figure(figsize=(6.4, 4.4))
    ax.axhspan(-2, 0, color=COLORS["grey"], alpha=0.15, linewidth=0)
    ax.axhline(0, color=COLORS["black"], linestyle="--", linewidth=1.2)
    ax.text(40, -0.0004, "forbidden: below 0", ha="right", va="top")
    for k, (name, K) in enumerate(kernels):
        eigenvalues = np.linalg.eigvalsh(K)[::-1]
        ax.plot(
            rank,
            eigenvalues / eigenvalues[0],
            marker=MARKERS[k],
            markersize=5,
            color=colours[k],
            linewidth=1.2,
            label=name,
        )
    ax.set_yscale("symlog", linthresh=1e-3)
    ax.set(
        xlabel="rank of the eigenvalue",
        ylabel="eigenvalue / largest",
        xlim=(0, 41),
        ylim=(-1.5, 3),
        title="Eigenvalues of four Gram matrices",
    )
    # The band below zero is empty up to rank 24: room for the legend.
    ax.legend(loc="lower left", fontsize="medium")
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)

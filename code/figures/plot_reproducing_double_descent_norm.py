"""The norm of the weights, and the training error, against M
=============================================================

Two panels stacked, sharing a logarithmic horizontal axis, the number of
random Fourier features M from 10 to 4,000, for the minimum-norm fit to
400 training digits. Top, on a logarithmic scale: the Frobenius norm of
the weights, five draws as thin lines and their median as circles; it
grows from about 2 to a peak of about 850 at the dashed line M = n = 400,
then falls towards the dotted horizontal line at about 20, the norm of
the kernel interpolant. Bottom: the training squared loss, which falls
from about 0.7 to exactly 0 at M = n and stays at 0 for every larger M,
since from there on the fit interpolates its training set.
"""

# %%
import numpy as np

from skratch.figures import COLORS, MARKERS, new_figure, save_cli
from skratch.figures.plot_reproducing_double_descent_test_error import (
    N_SEEDS,
    N_TRAIN,
    WIDTHS,
    kernel_limit,
    sweep,
)


def draw():
    out = sweep()
    kernel_norm = kernel_limit()[2]
    fig, axes = new_figure(2, 1, figsize=(6.4, 6.4), sharex=True)

    ax = axes[0]
    for seed in range(N_SEEDS):
        ax.plot(
            WIDTHS,
            out["norm"][seed],
            color=COLORS["blue"],
            alpha=0.35,
            linewidth=1,
        )
    ax.plot(
        WIDTHS,
        np.median(out["norm"], axis=0),
        color=COLORS["blue"],
        marker=MARKERS[0],
        markersize=5,
        label="$\\|\\hat{\\mathbf{W}}\\|_F$, median of 5",
    )
    ax.axhline(
        kernel_norm,
        color=COLORS["orange"],
        linestyle=":",
        linewidth=2,
        label="kernel limit $M \\to \\infty$",
    )
    ax.set(yscale="log", ylabel="norm of the weights, log")
    ax.legend(loc="upper left")

    ax = axes[1]
    for seed in range(N_SEEDS):
        ax.plot(
            WIDTHS,
            out["train"][seed],
            color=COLORS["blue"],
            alpha=0.35,
            linewidth=1,
        )
    ax.plot(
        WIDTHS,
        np.median(out["train"], axis=0),
        color=COLORS["blue"],
        marker=MARKERS[0],
        markersize=5,
    )
    ax.set(
        xscale="log",
        ylabel="training squared loss",
        xlabel="number of random Fourier features $M$, log",
    )
    for ax, y in zip(axes, (2000, 0.6)):
        ax.axvline(N_TRAIN, color="black", linestyle="--", linewidth=1.2)
        ax.annotate("$M = n$", xy=(N_TRAIN, y), xytext=(N_TRAIN * 1.12, y))
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)

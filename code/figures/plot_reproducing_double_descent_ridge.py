"""Ridge tuned at every width against the minimum-norm fit
=========================================================

Two panels stacked, sharing a logarithmic horizontal axis, the number of
random Fourier features M from 10 to 4,000, with the median over five
draws of the features of two fits to 400 training digits. Top: the test
zero-one loss in percent; bottom: the test squared loss, both on
logarithmic scales. Blue circles, the minimum-norm fit (lambda = 0),
trace the double descent, with its peak at the dashed line M = n = 400.
Red triangles, ridge with the penalty chosen on 400 validation digits at
every width, fall from left to right with no peak (the zero-one loss
wobbles by a test image or two just past M = n): about 2.5% error at
M = n instead of about 85%, and slightly below the minimum-norm curve at
the largest widths.
"""

# %%
import numpy as np

from skratch.figures import COLORS, MARKERS, new_figure, save_cli
from skratch.figures.plot_reproducing_double_descent_test_error import (
    N_TRAIN,
    WIDTHS,
    sweep,
)


def draw():
    out = sweep()
    fig, axes = new_figure(2, 1, figsize=(6.4, 6.8), sharex=True)
    panels = [
        (axes[0], 100, "zero_one", "test zero-one loss (%), log"),
        (axes[1], 1, "squared", "test squared loss, log"),
    ]
    for ax, factor, key, label in panels:
        ax.plot(
            WIDTHS,
            factor * np.median(out[key], axis=0),
            color=COLORS["blue"],
            marker=MARKERS[0],
            markersize=5,
            label="minimum norm ($\\lambda = 0$)",
        )
        ax.plot(
            WIDTHS,
            factor * np.median(out["ridge_" + key], axis=0),
            color=COLORS["red"],
            marker=MARKERS[1],
            markersize=6,
            label="ridge, $\\lambda$ tuned per width",
        )
        ax.axvline(N_TRAIN, color="black", linestyle="--", linewidth=1.2)
        ax.set(yscale="log", xscale="log", ylabel=label)
    axes[0].set_yticks(
        [2, 5, 10, 20, 50, 100], ["2", "5", "10", "20", "50", "100"]
    )
    axes[0].annotate(
        "$M = n$", xy=(N_TRAIN, 50), xytext=(N_TRAIN * 1.12, 50)
    )
    axes[1].set(xlabel="number of random Fourier features $M$, log")
    axes[0].legend(loc="upper left")
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)

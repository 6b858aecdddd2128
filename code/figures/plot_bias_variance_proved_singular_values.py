"""Why the variance explodes at M = n: the smallest singular value
================================================================

Two panels stacked, sharing a logarithmic horizontal axis, the number of
random ReLU features M from 1 to 160, on the 40 training examples of the
double-descent simulation. Top: the smallest nonzero singular value of
the n-by-M feature matrix (blue circles), which falls from about 3.4 to
about 0.004 as M approaches n = 40 (dashed line) and rises again after it.
Bottom: the variance of the minimum-norm fit, computed exactly from the
pseudo-inverse (black line) and estimated from 1,000 training sets (open
orange squares), which peaks where the singular value dips: the fit
divides the noise by the singular values, so the smallest one decides.
"""

# %%
import numpy as np

from skratch.figures import COLORS, MARKERS, new_figure, save_cli
from skratch.figures.plot_bias_variance_proved_double_descent import (
    N_TRAIN,
    NOISE,
    WIDTHS,
    double_descent,
    random_features_data,
    relu_features,
)


def spectrum():
    """Smallest nonzero singular value and exact variance per width."""
    X, X_test, weights = random_features_data()
    smallest, exact_variance = [], []
    for width in WIDTHS:
        Phi = relu_features(X, weights, width)
        s = np.linalg.svd(Phi, compute_uv=False)
        smallest.append(s[s > s[0] * 1e-12].min())
        # prediction = H y with H = phi(X_test) Phi^+, so the variance
        # at a test input is sigma^2 times the squared norm of its row
        H = relu_features(X_test, weights, width) @ np.linalg.pinv(Phi)
        exact_variance.append(NOISE**2 * np.mean((H**2).sum(axis=1)))
    return np.array(smallest), np.array(exact_variance)


def draw():
    smallest, exact_variance = spectrum()
    simulated = double_descent()[1]

    fig, (top, bottom) = new_figure(2, 1, figsize=(6.4, 6.4), sharex=True)
    top.plot(
        WIDTHS,
        smallest,
        "-",
        marker=MARKERS[0],
        color=COLORS["blue"],
    )
    top.set(
        ylabel="smallest singular\nvalue of $\\Phi$ (log)",
        yscale="log",
    )
    bottom.plot(WIDTHS, exact_variance, "-", color="black", label="exact")
    bottom.plot(
        WIDTHS,
        simulated,
        linestyle="none",
        marker=MARKERS[2],
        markersize=8,
        markerfacecolor="none",
        markeredgecolor=COLORS["orange"],
        markeredgewidth=1.6,
        label="simulated",
    )
    bottom.set(
        xlabel="number of random features $M$ (log)",
        ylabel="variance (log)",
        xscale="log",
        yscale="log",
        xlim=(1, WIDTHS[-1]),
    )
    bottom.legend(loc="upper left")
    for ax in (top, bottom):
        ax.axvline(N_TRAIN, color="black", linestyle="--", linewidth=1.2)
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)

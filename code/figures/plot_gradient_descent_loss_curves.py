"""The loss after each step, for four learning rates
===================================================

A line chart of the mean squared error (vertical axis, logarithmic) against
the step of gradient descent (horizontal axis, 0 to 60) on the restaurant-
tips data, for four learning rates. With 0.02 the loss falls slowly and
steadily. With 0.2 it drops to the minimum within about ten steps. With 0.4
it also reaches the minimum, but more slowly, because each step overshoots
and the error in the slope flips sign at every step. With 0.425 it first
falls, then climbs again: the overshoots grow and the loss rises without
limit. A dashed line marks the smallest possible loss. A legend to the right
of the chart names the four rates; each curve also carries its own marker
every ten steps (circles 0.02, triangles 0.2, squares 0.4, diamonds 0.425).
"""

# %%
import warnings

import numpy as np

from skratch.exceptions import ConvergenceWarning
from skratch.figures import COLORS, MARKERS, new_figure, save_cli
from skratch.figures.plot_gradient_descent_surface import tips_centred
from skratch.linear_model import LinearRegression

RATES = {
    0.02: COLORS["blue"],
    0.2: COLORS["green"],
    0.4: COLORS["orange"],
    0.425: COLORS["red"],
}
N_STEPS = 60


def draw():
    x, y = tips_centred()
    X = x[:, None]
    best = np.mean((y - LinearRegression().fit(X, y).predict(X)) ** 2)

    fig, ax = new_figure(figsize=(6.4, 3.6))
    for k, (rate, colour) in enumerate(RATES.items()):
        with warnings.catch_warnings():  # we stop after N_STEPS on purpose
            warnings.simplefilter("ignore", ConvergenceWarning)
            gd = LinearRegression(
                solver="gd", learning_rate=rate, max_iter=N_STEPS, tol=0.0
            ).fit(X, y)
        # The loss at step 0 (w = 0, b = 0) is the mean of y^2; loss_curve_
        # holds steps 1, 2, ...
        curve = np.r_[np.mean(y**2), gd.loss_curve_]
        # A marker every tenth step (staggered) tells the curves apart where
        # they run together.
        ax.plot(
            np.arange(len(curve)),
            curve,
            color=colour,
            linewidth=2.2,
            marker=MARKERS[k],
            markersize=6,
            markevery=(2 * k + 3, 10),
            label=f"{rate}",
        )
    ax.axhline(
        best,
        color=COLORS["grey"],
        linestyle="--",
        linewidth=1.2,
        label=f"minimum\n({best:.3f})",
    )
    ax.set_yscale("log")
    ax.set(
        xlabel="step",
        ylabel="MSE (log scale)",
        xlim=(0, N_STEPS),
        ylim=(0.4, 60),
        title="Too small crawls, too big diverges",
    )
    ax.legend(
        loc="upper left", bbox_to_anchor=(1.02, 1.0), title="learning rate"
    )
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)

"""Least-squares boosting: the training error for five learning rates
======================================================================

A log-scale plot of the training mean squared error (vertical axis)
against the boosting round, 0 to 30 (horizontal axis), for gradient
boosting with the squared loss and depth-3 trees on the diabetes data (442
patients), with learning rates 0.1, 0.5, 1, 1.9 and 2.05. Round 0 is the
constant model, the mean of the targets, whose error is about 5,930.
Every rate below 2 brings the error down at every round: 1 fastest, then
0.5, then 1.9 and 0.1, which make the same first step (2 eta - eta^2 is
0.19 for both). The rate 2.05, just above 2, makes the error rise at
every round, from 5,930 to 58,609 after 30 rounds (off the plot from
round 23).
"""

# %%
import numpy as np
from sklearn.datasets import load_diabetes

from skratch.ensemble import GradientBoostingRegressor
from skratch.figures import COLORS, new_figure, save_cli

RATES = [0.1, 0.5, 1.0, 1.9, 2.05]
N_ROUNDS = 30


def training_errors(X, y, eta):
    """MSE of the constant start, then after each of N_ROUNDS rounds."""
    model = GradientBoostingRegressor(
        n_estimators=N_ROUNDS, learning_rate=eta, random_state=0
    ).fit(X, y)
    return np.concatenate(
        [[np.mean((y - y.mean()) ** 2)], model.train_score_]
    )


def draw():
    X, y = load_diabetes(return_X_y=True)
    rounds = np.arange(N_ROUNDS + 1)
    styles = ["-", "--", "-", ":", "-."]
    colours = [
        COLORS["blue"],
        COLORS["orange"],
        COLORS["green"],
        COLORS["purple"],
        COLORS["red"],
    ]

    # %%
    fig, ax = new_figure()
    for eta, style, colour in zip(RATES, styles, colours):
        ax.plot(
            rounds,
            training_errors(X, y, eta),
            linestyle=style,
            color=colour,
            linewidth=2.5,
            label=f"$\\eta$ = {eta:g}",
        )
    ax.set_yscale("log")
    ax.set(
        xlabel="round t",
        ylabel="training mean squared error",
        xlim=(0, N_ROUNDS),
        ylim=(150, 3e4),
        title="Below 2 every round helps; above 2 every round hurts",
    )
    ax.legend(loc="lower left", ncols=3)
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)

"""The sigmoid turns a score into a probability
==============================================

Two panels. On the left, the sigmoid function: the score z on the horizontal
axis from -6 to 6, the probability sigma(z) on the vertical axis from 0 to
1, an S-shaped curve that passes through 0.5 at z = 0, approaches 1 for
large positive scores and 0 for large negative ones; a marked point at z =
1.1 reads off a probability of 0.75. On the right, eighty students by hours
studied (horizontal axis), drawn at height 1 if they passed (blue circles)
and 0 if they failed (orange triangles), and the S-shaped probability of
passing fitted by logistic regression, which rises from near 0 for little
study to near 1 for a lot, crossing 0.5 (the dashed line) at about 4.3
hours.
"""

# %%
import numpy as np

from skratch.figures import COLORS, new_figure, save_cli
from skratch.figures.plot_regression_vs_classification_two_jobs import (
    make_exam,
)
from skratch.linear_model import LogisticRegression


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def draw():
    fig, (left, right) = new_figure(1, 2, figsize=(6.4, 3.6))
    z = np.linspace(-6, 6, 200)
    left.plot(z, sigmoid(z), color=COLORS["blue"], linewidth=2.5)
    left.axhline(0.5, color=COLORS["grey"], linestyle="--", linewidth=1)
    left.plot(
        [1.1], [sigmoid(1.1)], "o", color=COLORS["orange"], markersize=8
    )
    left.annotate(
        f"z = 1.1, p = {sigmoid(1.1):.2f}",
        (1.1, sigmoid(1.1)),
        xytext=(-8, 8),
        textcoords="offset points",
        ha="right",
        va="bottom",
    )
    left.set(
        xlabel="score z",
        ylabel=r"probability $\sigma(z)$",
        ylim=(-0.05, 1.05),
        title="the sigmoid\n" + r"$\sigma(z) = 1 / (1 + e^{-z})$",
    )

    # %%
    # One feature: hours studied. Fit the unpenalised model (maximum
    # likelihood).
    X, y = make_exam()
    hours = X[:, :1]
    model = LogisticRegression(penalty=None).fit(hours, y)
    grid = np.linspace(0, 10, 200)[:, None]
    jitter = np.random.default_rng(0).uniform(-0.03, 0.03, size=len(y))
    # As in the unit's other exam figures: passed are blue circles, failed
    # orange triangles.
    passed = y == 1
    right.scatter(
        hours[passed, 0],
        (y + jitter)[passed],
        s=22,
        marker="o",
        color=COLORS["blue"],
        edgecolor="white",
        linewidth=0.4,
        label="passed",
    )
    right.scatter(
        hours[~passed, 0],
        (y + jitter)[~passed],
        s=28,
        marker="^",
        color=COLORS["orange"],
        edgecolor="white",
        linewidth=0.4,
        label="failed",
    )
    right.plot(
        grid[:, 0],
        model.predict_proba(grid)[:, 1],
        color=COLORS["black"],
        linewidth=2.2,
    )
    crossing = -model.intercept_[0] / model.coef_[0, 0]
    right.axhline(0.5, color=COLORS["grey"], linestyle="--", linewidth=1)
    right.axvline(
        crossing, color=COLORS["grey"], linestyle=":", linewidth=1
    )
    right.set(
        xlabel="hours studied",
        ylabel="P(pass)",
        xlim=(0, 10),
        ylim=(-0.08, 1.08),
        title=f"fitted: P(pass) = 0.5\nat {crossing:.1f} hours",
    )
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)

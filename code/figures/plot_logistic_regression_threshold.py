"""Moving the threshold trades one mistake for another
=====================================================

Two panels about logistic regression on the eighty students, one above the
other and sharing the horizontal axis from 0 to 1. On top, each student's
predicted probability of passing in two rows, the students who really failed
(orange triangles, lower row) and those who passed (blue circles, upper
row), with three dashed vertical lines at the thresholds 0.2, 0.5 and 0.8: a
student is predicted to pass when the probability is at or above the
threshold. Below, as the threshold goes from 0 to 1, the number of failing
students wrongly predicted to pass (false positives, orange) falls, the
number of passing students wrongly predicted to fail (false negatives, blue)
rises, and their sum, the total number of mistakes (black), is smallest in
the middle; a legend at the top of the lower panel names the three curves.
"""

# %%
import numpy as np

from skratch.figures import COLORS, new_figure, save_cli
from skratch.figures.plot_regression_vs_classification_two_jobs import (
    make_exam,
)
from skratch.linear_model import LogisticRegression


def draw():
    X, y = make_exam()
    proba = LogisticRegression().fit(X, y).predict_proba(X)[:, 1]

    # Stacked, sharing the horizontal axis: a threshold on top is the same
    # number below.
    fig, (left, right) = new_figure(
        2, 1, figsize=(6.4, 5.8), sharex=True, height_ratios=[1, 1.6]
    )
    jitter = np.random.default_rng(0).uniform(-0.12, 0.12, size=len(y))
    for label, colour, marker in (
        (0, COLORS["orange"], "^"),
        (1, COLORS["blue"], "o"),
    ):
        mask = y == label
        left.scatter(
            proba[mask],
            label + jitter[mask],
            s=26,
            marker=marker,
            color=colour,
            edgecolor="white",
            linewidth=0.4,
        )
    for threshold in (0.2, 0.5, 0.8):
        left.axvline(
            threshold, color=COLORS["grey"], linestyle="--", linewidth=1
        )
    left.set_yticks([0, 1], ["failed", "passed"])
    left.set(
        xlim=(-0.02, 1.02),
        ylim=(-0.5, 1.5),
        title="predicted probability of passing, thresholds 0.2, 0.5, 0.8",
    )
    left.tick_params(labelbottom=True)

    # %%
    thresholds = np.linspace(0, 1, 201)
    predicted = proba[None, :] >= thresholds[:, None]  # (201, 80)
    false_pos = np.sum(predicted & (y == 0), axis=1)
    false_neg = np.sum(~predicted & (y == 1), axis=1)
    right.plot(
        thresholds,
        false_pos,
        color=COLORS["orange"],
        linewidth=2,
        label="false positives (failed, predicted pass)",
    )
    right.plot(
        thresholds,
        false_neg,
        color=COLORS["blue"],
        linewidth=2,
        label="false negatives (passed, predicted fail)",
    )
    # The total is drawn wider and underneath: where it equals one kind of
    # mistake, both stay visible.
    right.plot(
        thresholds,
        false_pos + false_neg,
        color=COLORS["black"],
        linewidth=3.5,
        zorder=1.5,
        label="all mistakes",
    )
    right.set(
        xlabel="threshold",
        ylabel="number of students",
        ylim=(0, 42),
        title="mistakes against the threshold",
    )
    right.legend(
        loc="upper center"
    )  # between the arms of the U, where no curve runs
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)

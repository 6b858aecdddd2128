"""Moving the threshold trades one mistake for another
=====================================================

Two panels about logistic regression on the eighty students. On the left, each student's
predicted probability of passing (horizontal axis) in two rows, the students who really
failed (orange, lower row) and those who passed (blue, upper row), with three dashed vertical
lines at the thresholds 0.2, 0.5 and 0.8: a student is predicted to pass when the
probability is at or above the threshold. On the right, as the threshold goes from 0 to 1
(horizontal axis), the number of failing students wrongly predicted to pass (false
positives) falls, the number of passing students wrongly predicted to fail (false
negatives) rises, and their sum, the total number of mistakes, is smallest in the middle.
"""

# %%
import numpy as np

from skratch.figures import COLORS, new_figure, save_cli
from skratch.figures.plot_regression_vs_classification_two_jobs import make_exam
from skratch.linear_model import LogisticRegression


def draw():
    X, y = make_exam()
    proba = LogisticRegression().fit(X, y).predict_proba(X)[:, 1]

    fig, (left, right) = new_figure(1, 2, figsize=(8.6, 3.4))
    jitter = np.random.default_rng(0).uniform(-0.12, 0.12, size=len(y))
    for label, colour, marker in ((0, COLORS["orange"], "^"), (1, COLORS["blue"], "o")):
        mask = y == label
        left.scatter(proba[mask], label + jitter[mask], s=20, marker=marker, color=colour, edgecolor="white", linewidth=0.4)
    for threshold in (0.2, 0.5, 0.8):
        left.axvline(threshold, color=COLORS["grey"], linestyle="--", linewidth=1)
    left.set_yticks([0, 1], ["failed", "passed"])
    left.set(xlabel="predicted probability of passing", xlim=(-0.02, 1.02), ylim=(-0.5, 1.5),
             title="thresholds 0.2, 0.5, 0.8")

    # %%
    thresholds = np.linspace(0, 1, 201)
    predicted = proba[None, :] >= thresholds[:, None]  # (201, 80)
    false_pos = np.sum(predicted & (y == 0), axis=1)
    false_neg = np.sum(~predicted & (y == 1), axis=1)
    right.plot(thresholds, false_pos, color=COLORS["orange"], linewidth=2, label="false positives (failed, predicted pass)")
    right.plot(thresholds, false_neg, color=COLORS["blue"], linewidth=2, label="false negatives (passed, predicted fail)")
    right.plot(thresholds, false_pos + false_neg, color=COLORS["black"], linewidth=2, label="all mistakes")
    right.set(xlabel="threshold", ylabel="number of students", ylim=(0, 42), title="mistakes against the threshold")
    right.legend(loc="upper center", fontsize=8)
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)

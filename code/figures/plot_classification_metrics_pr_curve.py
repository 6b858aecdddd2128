"""The precision-recall curve of the screening model
==================================================

Precision (vertical, 0 to 1) against recall (horizontal, 0 to 1) for the
logistic regression on the 300 test patients, one step of the curve per
threshold, drawn as a blue staircase from the top left down to the right.
A dashed grey horizontal line at the share of ill patients, about 0.19,
marks what a model that guesses at random achieves. Three circles mark the
thresholds 0.3, 0.5 and 0.7, each labelled: lowering the threshold moves
right (more recall) and down (less precision). The title gives the average
precision, the area under the staircase.
"""

# %%
import numpy as np

from skratch.figures import COLORS, new_figure, save_cli
from skratch.figures.plot_classification_metrics_threshold import (
    screening_scores,
)
from skratch.metrics import (
    average_precision_score,
    precision_recall_curve,
    precision_score,
    recall_score,
)


def draw():
    y, proba = screening_scores()
    precision, recall, _ = precision_recall_curve(y, proba)
    ap = average_precision_score(y, proba)

    fig, ax = new_figure(figsize=(6.4, 4.4))
    ax.step(
        recall, precision, where="post", color=COLORS["blue"], linewidth=2
    )
    ax.axhline(
        y.mean(), color=COLORS["grey"], linestyle="--", linewidth=1.5
    )
    ax.text(0.02, y.mean() + 0.03, "random guessing", color="dimgrey")
    for threshold, dx, dy in (
        (0.3, -0.3, -0.08),
        (0.5, 0.03, 0.05),
        (0.7, 0.03, 0.04),
    ):
        y_pred = (proba >= threshold).astype(int)
        r, p = recall_score(y, y_pred), precision_score(y, y_pred)
        ax.plot(r, p, "o", mfc="none", mec="black", mew=2, markersize=10)
        ax.text(r + dx, p + dy, f"threshold {threshold}")
    ax.set(
        xlabel="recall",
        ylabel="precision",
        xlim=(0, 1.02),
        ylim=(0, 1.05),
        title=f"average precision = {ap:.2f}",
    )
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)

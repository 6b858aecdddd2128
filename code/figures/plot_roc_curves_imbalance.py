"""When positives are rare, ROC stays calm and precision collapses
=================================================================

Two panels, one above the other, about one and the same classifier (the
positives score 2 higher than the negatives on average) tested on two
datasets: a balanced one (5,000 positives and 5,000 negatives, blue, solid)
and one where only 1% of the examples are positive (500 positives and
49,500 negatives, red, dashed). On top, the two ROC curves, false positive
rate across and true positive rate up: they lie on top of each other, both
with an area of about 0.92. Below, the two precision-recall curves, recall
across and precision up: the balanced one stays above 0.8 until recall is
about 0.9, the rare one starts high but falls below 0.2 by a recall of 0.5
and ends near 0.01. A grey dotted vertical line marks recall 0.8, and a
marker on each curve (a circle, a triangle) shows the precision there:
about 0.87 balanced, about 0.06 rare. The legends sit where no curve runs:
below the diagonal on top, between the two curves below.
"""

# %%
import numpy as np

from skratch.figures import COLORS, MARKERS, new_figure, save_cli
from skratch.figures.plot_roc_curves_overlap import gaussian_scores
from skratch.metrics import roc_auc_score, roc_curve

SEPARATION = 2.0
DATASETS = {
    "balanced": (5_000, 5_000),  # (positives, negatives)
    "1% positive": (500, 49_500),
}
RECALL = 0.8  # where the two precisions are compared


def precision_recall(y, scores):
    """Precision and recall at every cut of the scores, highest first."""
    order = np.argsort(-scores, kind="stable")
    tp = np.cumsum(y[order])  # true positives among the top k + 1
    predicted = np.arange(1, len(y) + 1)  # predicted positive: k + 1
    return tp / predicted, tp / tp[-1]


def draw():
    fig, (top, bottom) = new_figure(
        2, 1, figsize=(6.4, 8.4), height_ratios=[1, 1]
    )
    styles = {
        "balanced": dict(color=COLORS["blue"], linestyle="-"),
        "1% positive": dict(color=COLORS["red"], linestyle="--"),
    }
    for k, (name, (n_positive, n_negative)) in enumerate(DATASETS.items()):
        y, scores = gaussian_scores(n_positive, n_negative, SEPARATION)
        fpr, tpr, _ = roc_curve(y, scores)
        area = roc_auc_score(y, scores)
        top.plot(
            fpr,
            tpr,
            linewidth=2.5,
            label=f"{name}, AUC {area:.2f}",
            **styles[name],
        )

        # %%
        # Precision and recall from the sorted scores (as in the unit).
        precision, recall = precision_recall(y, scores)
        bottom.plot(recall, precision, linewidth=2.5, **styles[name])
        at = np.argmax(recall >= RECALL)  # first cut reaching the recall
        bottom.plot(
            [recall[at]],
            [precision[at]],
            MARKERS[k],
            color=styles[name]["color"],
            markersize=10,
            label=f"{name}: {precision[at]:.2f}",
        )
    top.plot([0, 1], [0, 1], ":", color=COLORS["grey"], linewidth=1.5)
    top.set(
        xlim=(-0.02, 1.02),
        ylim=(-0.02, 1.02),
        xlabel="false positive rate",
        ylabel="true positive rate",
        title="ROC: the two curves coincide",
    )
    top.legend(loc="lower right")  # below the diagonal, where no curve runs
    bottom.axvline(
        RECALL, color=COLORS["grey"], linestyle=":", linewidth=1.5
    )
    bottom.set(
        xlim=(-0.02, 1.02),
        ylim=(-0.02, 1.05),
        xlabel="recall (= true positive rate)",
        ylabel="precision",
        title=f"precision-recall, compared at recall {RECALL}",
    )
    # Between the two curves, left of the dotted line: empty.
    bottom.legend(
        loc="center",
        bbox_to_anchor=(0.5, 0.55),
        title=f"precision at recall {RECALL}",
    )
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)

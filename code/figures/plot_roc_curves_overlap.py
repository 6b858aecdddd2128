"""More overlap pulls the ROC curve toward the diagonal
=====================================================

Three panels, one above the other. The first two show the scores of two
classifiers as histograms of 500 positives (blue, solid outline, hatched
with forward slashes) and 500 negatives (orange, dashed outline, hatched
with back slashes) over the same score axis: in the easy case the
positives score 2 higher than the negatives on average and the two humps
overlap only in their tails; in the hard case they differ by 0.8 and
overlap almost everywhere. The third panel is the ROC square, false
positive rate across and true positive rate up, with the ROC curve of each
case drawn from those scores: the easy curve (blue, solid) hugs the top
left corner with an area under it of about 0.93, the hard curve (purple,
dashed) sags toward the grey dotted diagonal of a random guess with an area
of about 0.73. A legend in the empty lower right corner names the
curves.
"""

# %%
import numpy as np

from skratch.figures import COLORS, new_figure, save_cli
from skratch.metrics import roc_auc_score, roc_curve

N_PER_CLASS = 500
CASES = {"easy": 2.0, "hard": 0.8}  # the positives' mean score


def gaussian_scores(n_positive, n_negative, separation, random_state=0):
    """Scores: positives ~ N(separation, 1), negatives ~ N(0, 1).

    Returns ``(y, scores)``, the positives first (label 1), then the
    negatives (label 0).
    """
    rng = np.random.default_rng(random_state)
    positives = rng.normal(separation, 1.0, size=n_positive)
    negatives = rng.normal(0.0, 1.0, size=n_negative)
    y = np.concatenate([np.ones(n_positive), np.zeros(n_negative)])
    return y.astype(int), np.concatenate([positives, negatives])


def draw():
    fig, axes = new_figure(
        3, 1, figsize=(6.4, 8.6), height_ratios=[1, 1, 2.3]
    )
    bins = np.linspace(-4, 6, 41)
    styles = {
        "easy": dict(color=COLORS["blue"], linestyle="-"),
        "hard": dict(color=COLORS["purple"], linestyle="--"),
    }
    roc_ax = axes[2]
    for ax, (case, separation) in zip(axes[:2], CASES.items()):
        y, scores = gaussian_scores(N_PER_CLASS, N_PER_CLASS, separation)
        for label, colour, hatch, line in (
            (0, COLORS["orange"], "\\\\", "--"),
            (1, COLORS["blue"], "//", "-"),
        ):
            ax.hist(
                scores[y == label],
                bins=bins,
                histtype="stepfilled",
                facecolor="none",
                edgecolor=colour,
                hatch=hatch,
                linestyle=line,
                linewidth=2,
            )
        ax.set(
            xlim=(-4, 6),
            ylim=(0, 95),
            ylabel="count",
            title=f"{case}: positives score {separation:g} higher",
        )
        ax.text(-3.8, 70, "negatives", color=COLORS["orange"])
        ax.text(5.8, 70, "positives", color=COLORS["blue"], ha="right")

        # %%
        # The ROC curve and its area, from the same scores.
        fpr, tpr, _ = roc_curve(y, scores)
        area = roc_auc_score(y, scores)
        roc_ax.plot(
            fpr,
            tpr,
            linewidth=2.5,
            label=f"{case}, AUC {area:.2f}",
            **styles[case],
        )
    axes[1].set_xlabel("score")
    roc_ax.plot(
        [0, 1],
        [0, 1],
        ":",
        color=COLORS["grey"],
        linewidth=1.5,
        label="random guess, AUC 0.5",
    )
    roc_ax.set(
        xlim=(-0.02, 1.02),
        ylim=(-0.02, 1.02),
        xlabel="false positive rate",
        ylabel="true positive rate",
        aspect="equal",
    )
    # Below the diagonal, where no curve runs.
    roc_ax.legend(loc="lower right")
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)

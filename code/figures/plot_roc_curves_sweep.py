"""Sweeping the threshold draws the ROC curve
============================================

An animation in two panels, one above the other. On top, the scores of a
classifier as two bell curves over a horizontal score axis: the negatives
(orange, dashed outline) centred at 0 and the positives (blue, solid
outline) centred at 2, overlapping between about 0 and 2. A black vertical
line, the threshold, slides from the right edge (a threshold of plus
infinity) to the left edge (minus infinity);
everything to its right is predicted positive, and that part of each curve
is hatched, blue with forward slashes for the positives (the true positive
rate is its area) and orange with back slashes for the negatives (the false
positive rate). The title gives the threshold and both rates. Below, the
ROC square: false positive rate across, true positive rate up, with the
grey dotted diagonal of a random guess. Each frame adds the current
(false positive rate, true positive rate) point as a blue dot, joined to
the previous ones, and the green area under the curve grows; the title
keeps the running area, which ends near 0.92 at the top right corner.
"""

# %%
from math import erf, sqrt

import numpy as np

from skratch.figures import COLORS, Animation, new_figure, save_cli

SEPARATION = 2.0  # the positives' mean score; the negatives' is 0
# One frame per threshold: from +inf (nothing predicted positive, the point
# (0, 0)) down to -inf (everything predicted positive, the point (1, 1)).
THRESHOLDS = np.concatenate(
    [[np.inf], np.linspace(4.0, -2.0, 21), [-np.inf]]
)
XLIM = (-3.5, 5.5)


def density(s, mean):
    """The standard normal bell curve, moved to ``mean``."""
    return np.exp(-0.5 * (s - mean) ** 2) / sqrt(2 * np.pi)


def share_above(threshold, mean):
    """The fraction of a normal(mean, 1) population above ``threshold``."""
    return 0.5 * (1 - erf((threshold - mean) / sqrt(2)))


def name(threshold):
    """A threshold as the title shows it: two decimals, or +inf and -inf."""
    return (
        f"{threshold:+.2f}" if np.isfinite(threshold) else f"{threshold:+}"
    )


def draw():
    # %%
    # The two rates at every threshold: the areas of the two curves to the
    # right of the threshold.
    tpr = np.array([share_above(t, SEPARATION) for t in THRESHOLDS])
    fpr = np.array([share_above(t, 0.0) for t in THRESHOLDS])

    fig, (top, bottom) = new_figure(
        2, 1, figsize=(6.4, 7.6), height_ratios=[1, 1.5]
    )
    s = np.linspace(*XLIM, 400)
    negative, positive = density(s, 0.0), density(s, SEPARATION)
    top.plot(s, negative, "--", color=COLORS["orange"], linewidth=2)
    top.plot(s, positive, "-", color=COLORS["blue"], linewidth=2)
    top.text(-0.3, 0.43, "negatives", color=COLORS["orange"], ha="right")
    top.text(2.3, 0.43, "positives", color=COLORS["blue"], ha="left")
    top.set(
        xlim=XLIM,
        ylim=(0, 0.52),
        xlabel="score",
        ylabel="density",
        yticks=[0, 0.2, 0.4],
    )
    (threshold_line,) = top.plot(
        [0, 0], [0, 0.48], color=COLORS["black"], linewidth=2
    )
    top_title = top.set_title("")

    bottom.plot([0, 1], [0, 1], ":", color=COLORS["grey"], linewidth=1.5)
    bottom.text(
        0.62,
        0.5,
        "random guess",
        color=COLORS["grey"],
        rotation=0,
        ha="left",
    )
    (curve,) = bottom.plot(
        [], [], "-o", color=COLORS["blue"], markersize=5, linewidth=2
    )
    (here,) = bottom.plot(
        [],
        [],
        "o",
        mfc="none",
        mec=COLORS["black"],
        mew=2,
        markersize=11,
    )
    bottom.set(
        xlim=(-0.02, 1.02),
        ylim=(-0.02, 1.02),
        xlabel="false positive rate (negatives let through)",
        ylabel="true positive rate\n(positives caught)",
        aspect="equal",
    )
    bottom_title = bottom.set_title("")
    fills = []

    def update(frame):
        t = THRESHOLDS[frame]
        for artist in fills:
            artist.remove()
        fills.clear()
        right = s >= t
        fills.append(
            top.fill_between(
                s,
                0,
                negative,
                where=right,
                facecolor="none",
                edgecolor=COLORS["orange"],
                hatch="\\\\",
                linewidth=0,
            )
        )
        fills.append(
            top.fill_between(
                s,
                0,
                positive,
                where=right,
                facecolor="none",
                edgecolor=COLORS["blue"],
                hatch="//",
                linewidth=0,
            )
        )
        # An infinite threshold is drawn at the edge of the axes.
        edge = np.clip(t, *XLIM)
        threshold_line.set_xdata([edge, edge])
        top_title.set_text(
            f"threshold {name(t)}:  TPR = {tpr[frame]:.2f},"
            f"  FPR = {fpr[frame]:.2f}"
        )
        curve.set_data(fpr[: frame + 1], tpr[: frame + 1])
        here.set_data([fpr[frame]], [tpr[frame]])
        fills.append(
            bottom.fill_between(
                fpr[: frame + 1],
                0,
                tpr[: frame + 1],
                color=COLORS["green"],
                alpha=0.3,
                linewidth=0,
            )
        )
        area = np.trapezoid(tpr[: frame + 1], fpr[: frame + 1])
        bottom_title.set_text(f"area under the curve so far: {area:.2f}")

    update(len(THRESHOLDS) - 1)
    # Lay the figure out once, on the last frame, and keep that layout:
    # the frames differ only in their curves, fills and titles.
    fig.canvas.draw()
    fig.set_layout_engine("none")
    labels = [f"threshold {name(t)}" for t in THRESHOLDS]
    return Animation(
        fig, update, n_frames=len(THRESHOLDS), interval=250, labels=labels
    )


if __name__ == "__main__":
    save_cli(draw, __file__)

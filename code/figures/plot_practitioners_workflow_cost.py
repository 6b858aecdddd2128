"""Expected cost against the threshold
====================================

The average cost per penguin (vertical axis) of flagging every penguin
whose predicted probability of being a Chinstrap is at least a threshold
(horizontal axis, from 0 to 1), on the out-of-fold predictions for the 258
training penguins, with a missed Chinstrap costing 5 and a needless check
costing 1. The blue curve uses the calibrated probabilities (Platt's
sigmoid), the orange dashed curve the raw class-weighted ones. Both rise
steeply on the far left, where nearly every penguin is checked, and are
high on the right, where Chinstraps are missed; in between each has a wide
flat bottom near 0.15. A vertical line marks the threshold
τ* = 1 / (1 + 5), about 0.17, that decision theory gives for calibrated
probabilities: the blue curve is near its lowest there, while it has
climbed well above it by 0.5. The orange curve stays low up to about 0.75,
because the class weights inflated its probabilities.
"""

# %%
import numpy as np

from skratch.figures import COLORS, new_figure, save_cli
from skratch.figures.plot_practitioners_workflow_missing import (
    COST_FN,
    COST_FP,
)
from skratch.figures.plot_practitioners_workflow_reliability import (
    probabilities,
)


def expected_cost(y, p, t):
    """Average cost per penguin when those with p >= t are flagged."""
    flagged = p >= t
    false_pos = np.sum(flagged & (y == 0))
    false_neg = np.sum(~flagged & (y == 1))
    return (COST_FP * false_pos + COST_FN * false_neg) / len(y)


def draw():
    y, probas = probabilities()
    thresholds = np.linspace(0.0, 1.0, 201)
    t_star = COST_FP / (COST_FP + COST_FN)

    # %%
    fig, ax = new_figure(figsize=(6.4, 4.4))
    curves = [
        ("class-weighted, raw", "--", COLORS["orange"]),
        ("Platt's sigmoid", "-", COLORS["blue"]),
    ]
    for name, style, color in curves:
        cost = [expected_cost(y, probas[name], t) for t in thresholds]
        ax.plot(
            thresholds,
            cost,
            linestyle=style,
            color=color,
            linewidth=2.2,
            label=name,
        )
    ax.axvline(t_star, color=COLORS["black"], linewidth=1.2)
    ax.text(t_star + 0.02, 0.86, "τ* = 1/6", va="top")
    ax.set(
        xlim=(0, 1),
        ylim=(0, 1.05),
        xlabel="threshold τ (flag if p ≥ τ)",
        ylabel="average cost per penguin",
    )
    ax.legend(loc="upper left", bbox_to_anchor=(0.25, 1.0), frameon=False)
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)

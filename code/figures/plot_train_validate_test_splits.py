"""Three piles of data, and four folds
=====================================

Two diagrams of one data set of twenty examples, each drawn as a square. On top, a single
three-way split: twelve squares for training (blue, "fit the weights"), four for
validation (orange, "choose the model") and four for testing (green, "report once, at the
end"). Below, four-fold cross-validation of the sixteen training and validation examples:
four rows, in each of which a different block of four squares is the
validation fold (orange) and the other twelve train (blue), while the same four test squares
(green) stay locked away in every row.
"""

# %%
import numpy as np
from matplotlib.patches import Rectangle

from skratch.figures import COLORS, new_figure, save_cli

N = 20
ROLES = {"train": COLORS["blue"], "validation": COLORS["orange"], "test": COLORS["green"]}


def row(ax, y, roles, label):
    for i, role in enumerate(roles):
        ax.add_patch(Rectangle((i, y), 0.9, 0.8, color=ROLES[role]))
    ax.text(-0.4, y + 0.4, label, ha="right", va="center", fontsize=10)


def draw():
    fig, ax = new_figure(figsize=(8.0, 3.8))
    row(ax, 7.0, ["train"] * 12 + ["validation"] * 4 + ["test"] * 4, "one split")
    for name, start, stop in (("fit the weights", 0, 12), ("choose the model", 12, 16), ("report once", 16, 20)):
        ax.text((start + stop - 0.1) / 2, 8.05, name, ha="center", va="bottom", fontsize=9.5)
    # %%
    # Four folds over the first sixteen examples: fold k validates on examples 4k .. 4k + 3.
    for k in range(4):
        roles = ["train"] * 16 + ["test"] * 4
        roles[4 * k:4 * k + 4] = ["validation"] * 4
        row(ax, 5.2 - 1.1 * k, roles, f"fold {k + 1}")
    ax.text(8, 0.2, "cross-validation: every example validates once; the test set is never touched",
            ha="center", fontsize=9.5)
    for role, colour in ROLES.items():
        ax.plot([], [], "s", color=colour, markersize=10, label=role)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.02), ncols=3)
    ax.set(xlim=(-3.2, N), ylim=(0, 9))
    ax.axis("off")
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)

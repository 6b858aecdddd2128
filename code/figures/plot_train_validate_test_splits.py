"""Three piles of data, and four folds
=====================================

Two diagrams of one data set of twenty examples, each drawn as a square. On
top, a single three-way split: twelve squares for training (plain blue, "fit
the weights"), four for validation (orange with diagonal stripes, "choose
the model") and four for testing (green with dots, "report once"). Below,
four-fold cross-validation of the sixteen training and validation examples:
four rows, in each of which a different block of four squares is the
validation fold (orange) and the other twelve train (blue), while the same
four test squares (green) stay locked away in every row. A note under the
rows says that every example validates once and the test set is never
touched, and a legend below names the three colours.
"""

# %%
from matplotlib.patches import Patch, Rectangle

from skratch.figures import COLORS, new_figure, save_cli

N = 20
# Each role has a colour and a hatch, so the piles differ in greyscale too.
ROLES = {
    "train": (COLORS["blue"], None),
    "validation": (COLORS["orange"], "///"),
    "test": (COLORS["green"], ".."),
}


def row(ax, y, roles, label):
    for i, role in enumerate(roles):
        colour, hatch = ROLES[role]
        ax.add_patch(
            Rectangle(
                (i, y),
                0.9,
                0.8,
                facecolor=colour,
                hatch=hatch,
                edgecolor="white",
                linewidth=0,
            )
        )
    ax.text(-0.4, y + 0.4, label, ha="right", va="center", fontsize=11)


def draw():
    fig, ax = new_figure(figsize=(6.4, 3.8))
    row(
        ax,
        7.0,
        ["train"] * 12 + ["validation"] * 4 + ["test"] * 4,
        "one split",
    )
    for name, start, stop in (
        ("fit the weights", 0, 12),
        ("choose\nthe model", 12, 16),
        ("report\nonce", 16, 20),
    ):
        ax.text(
            (start + stop - 0.1) / 2,
            8.05,
            name,
            ha="center",
            va="bottom",
            fontsize=11,
        )
    # %%
    # Four folds over the first sixteen examples: fold k validates on
    # examples 4k .. 4k + 3.
    for k in range(4):
        roles = ["train"] * 16 + ["test"] * 4
        roles[4 * k : 4 * k + 4] = ["validation"] * 4
        row(ax, 5.2 - 1.1 * k, roles, f"fold {k + 1}")
    ax.text(
        9.95,
        1.5,
        "cross-validation: every example validates once;\n"
        "the test set is never touched",
        ha="center",
        va="top",
        fontsize=11,
    )
    # Legend keys are patches, drawn like the squares themselves.
    handles = [
        Patch(
            facecolor=colour,
            hatch=hatch,
            edgecolor="white",
            linewidth=0,
            label=role,
        )
        for role, (colour, hatch) in ROLES.items()
    ]
    ax.legend(
        handles=handles,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.02),
        ncols=3,
        handleheight=1.2,
    )
    ax.set(xlim=(-3.2, N), ylim=(0.45, 9.25))
    ax.axis("off")
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)

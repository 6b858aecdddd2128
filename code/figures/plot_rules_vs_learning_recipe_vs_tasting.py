"""Two ways to get answers from a computer: write the rules, or learn them
=======================================================================

Two diagrams side by side, separated by a thin vertical line, each made of
labelled boxes joined by arrows. On the left, "Rules (a recipe)": a person
writes the rules; the rules and the data go into the computer, and answers
come out. On the right, "Learning (tasting)": examples and their right
answers go into the computer, and the rules come out; those learned rules
then give answers for new data. The only difference is what goes in and what
comes out: with learning, the rules are the output.
"""

# %%
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from skratch.figures import COLORS, new_figure, save_cli


def box(ax, x, y, text, color, width=0.4, height=0.15):
    """A rounded, filled box centred on (x, y) with bold text (black on the
    light orange)."""
    ax.add_patch(
        FancyBboxPatch(
            (x - width / 2, y - height / 2),
            width,
            height,
            boxstyle="round,pad=0.02,rounding_size=0.03",
            facecolor=color,
            edgecolor="none",
        )
    )
    ax.text(
        x,
        y,
        text,
        ha="center",
        va="center",
        color="black" if color == COLORS["orange"] else "white",
        fontsize=11.5,
        fontweight="bold",
    )


def arrow(ax, start, end):
    ax.add_patch(
        FancyArrowPatch(
            start,
            end,
            arrowstyle="-|>",
            mutation_scale=22,
            linewidth=2.2,
            color=COLORS["black"],
        )
    )


def draw():
    fig, (left, right) = new_figure(1, 2, figsize=(6.4, 4.0))
    for ax in (left, right):
        ax.set(xlim=(0, 1), ylim=(0, 1), xticks=[], yticks=[])
        ax.grid(False)
        for spine in ax.spines.values():
            spine.set_visible(False)

    # A thin rule between the two diagrams, so no box seems to belong to the
    # other one.
    fig.add_artist(
        Line2D(
            [0.5, 0.5],
            [0.04, 0.9],
            color=COLORS["grey"],
            linewidth=0.8,
            alpha=0.5,
        )
    )

    # %%
    # Rules: a person writes the recipe; the computer only follows it.
    left.set_title(
        "Rules (a recipe)",
        fontsize=13.5,
        fontweight="bold",
        color=COLORS["blue"],
    )
    box(left, 0.24, 0.84, "rules\n(written\nby you)", COLORS["blue"])
    box(left, 0.76, 0.84, "data", COLORS["grey"])
    box(left, 0.5, 0.5, "computer", COLORS["black"], width=0.42)
    box(left, 0.5, 0.14, "answers", COLORS["green"], width=0.42)
    arrow(left, (0.24, 0.75), (0.42, 0.58))
    arrow(left, (0.76, 0.75), (0.58, 0.58))
    arrow(left, (0.5, 0.43), (0.5, 0.22))

    # %%
    # Learning: examples with their answers go in, and the recipe comes out.
    right.set_title(
        "Learning (tasting)",
        fontsize=13.5,
        fontweight="bold",
        color=COLORS["orange"],
    )
    box(right, 0.24, 0.84, "examples", COLORS["grey"])
    box(right, 0.76, 0.84, "right\nanswers", COLORS["green"])
    box(right, 0.5, 0.5, "computer", COLORS["black"], width=0.42)
    box(right, 0.5, 0.14, "rules\n(learned)", COLORS["orange"], width=0.42)
    arrow(right, (0.24, 0.75), (0.42, 0.58))
    arrow(right, (0.76, 0.75), (0.58, 0.58))
    arrow(right, (0.5, 0.43), (0.5, 0.22))
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)

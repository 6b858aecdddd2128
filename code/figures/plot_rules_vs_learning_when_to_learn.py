"""When rules win and when learning wins
=======================================

A map with two arrows for axes. Horizontally: how hard it is to write the
rule down, from "easy to write down" on the left to "nobody can write it
down" on the right. Vertically: how many examples with right answers you
have, from "few" at the bottom to "many" at the top. Eight everyday tasks
are placed on the map as labelled markers, one colour and shape per region.
The left half, shaded blue and labelled "write the rules", holds four blue
circles: adding up a shopping bill, converting Celsius to Fahrenheit,
sorting names alphabetically and working out the tax owed. The upper right,
shaded orange and labelled "learn from data", holds three orange triangles:
recognising a cat in a photo, predicting a house's price and turning speech
into text. The lower right, shaded grey and labelled "collect data first (or
ask an expert)", holds one grey square: diagnosing a disease seen only five
times.
"""

# %%
from matplotlib.patches import Rectangle

from skratch.figures import COLORS, MARKERS, new_figure, save_cli

TASKS = [
    # (x: how hard to write the rule, y: how many answered examples, label,
    # ha)
    (0.14, 0.82, "add up a\nshopping bill", "left"),
    (0.26, 0.60, "Celsius to\nFahrenheit", "left"),
    (0.10, 0.36, "sort names\nA to Z", "left"),
    (0.12, 0.16, "tax owed\n(the law is the rule)", "left"),
    (0.66, 0.86, "is there a cat\nin this photo?", "left"),
    (0.86, 0.68, "speech\nto text", "right"),
    (0.62, 0.60, "price of\na house", "left"),
    (0.80, 0.16, "a disease seen\nonly 5 times", "right"),
]


def draw():
    fig, ax = new_figure(figsize=(6.4, 5.0))
    ax.set(xlim=(0, 1), ylim=(0, 1), xticks=[], yticks=[])
    ax.grid(False)
    for spine in ax.spines.values():
        spine.set_visible(False)

    # %%
    # Three regions: rules on the left, learning top right, "get more data"
    # bottom right.
    ax.add_patch(
        Rectangle(
            (0, 0),
            0.5,
            1,
            facecolor=COLORS["blue"],
            alpha=0.12,
            edgecolor="none",
        )
    )
    ax.add_patch(
        Rectangle(
            (0.5, 0.35),
            0.5,
            0.65,
            facecolor=COLORS["orange"],
            alpha=0.18,
            edgecolor="none",
        )
    )
    ax.add_patch(
        Rectangle(
            (0.5, 0),
            0.5,
            0.35,
            facecolor=COLORS["grey"],
            alpha=0.15,
            edgecolor="none",
        )
    )
    ax.text(
        0.25,
        0.97,
        "write the rules",
        ha="center",
        va="top",
        fontsize=14,
        fontweight="bold",
        color=COLORS["blue"],
    )
    ax.text(
        0.75,
        0.97,
        "learn from data",
        ha="center",
        va="top",
        fontsize=14,
        fontweight="bold",
        color="#8a5a00",
    )
    ax.text(
        0.75,
        0.33,
        "collect data first\n(or ask an expert)",
        ha="center",
        va="top",
        fontsize=12,
        fontweight="bold",
        color="#444444",
    )

    # %%
    # The tasks.
    for x, y, label, ha in TASKS:
        # Each region's tasks share a colour and a marker: circles,
        # triangles, squares.
        region = 0 if x < 0.5 else (1 if y > 0.35 else 2)
        color = [COLORS["blue"], COLORS["orange"], COLORS["grey"]][region]
        ax.plot(
            x,
            y,
            MARKERS[region],
            markersize=11,
            color=color,
            markeredgecolor="black",
        )
        dx = 0.025 if ha == "left" else -0.025
        ax.text(x + dx, y, label, ha=ha, va="center", fontsize=11)

    # %%
    # The two axes, drawn as arrows so they read as "more of this".
    ax.annotate(
        "",
        xy=(1.0, -0.04),
        xytext=(0.0, -0.04),
        xycoords="axes fraction",
        arrowprops=dict(arrowstyle="-|>", linewidth=2, color="black"),
        annotation_clip=False,
    )
    ax.annotate(
        "",
        xy=(-0.03, 1.0),
        xytext=(-0.03, 0.0),
        xycoords="axes fraction",
        arrowprops=dict(arrowstyle="-|>", linewidth=2, color="black"),
        annotation_clip=False,
    )
    ax.set_xlabel(
        "how hard is the rule to write down?  (easy  \u2192  nobody can)",
        fontsize=12,
        labelpad=24,
    )
    ax.set_ylabel(
        "examples with right answers  (few  \u2192  many)",
        fontsize=12,
        labelpad=24,
    )
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)

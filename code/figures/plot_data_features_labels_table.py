"""A dataset is a table: examples, features and a label
========================================================

The first six houses of the course's small house dataset drawn as a table.
Each row is one example (one house). The first four columns, with blue
headings, are the features: floor area in square metres, number of bedrooms,
distance to the city centre in kilometres, and the owner's shoe size. The
last column, with an orange heading, is the label: the price the house sold
for, in thousands of dollars. Labels on the right point out one row ("one
example") and arrows at the top mark the features and the label.
"""

# %%
import numpy as np
from matplotlib.patches import FancyArrowPatch, Rectangle

from skratch.figures import COLORS, new_figure, save_cli

FEATURES = [
    "area\n(m²)",
    "bedrooms",
    "distance to\ncentre (km)",
    "owner's\nshoe size",
]
LABEL = "price in\n$ thousands"


def make_houses(n_samples=60, random_state=3):
    """The unit's houses: price depends on area and distance, not on the
    owner's shoe size."""
    rng = np.random.default_rng(random_state)
    area = np.round(rng.uniform(40, 200, n_samples))
    bedrooms = np.clip(
        np.round(area / 35 + rng.normal(0, 0.6, n_samples)), 1, 6
    )
    distance = np.round(rng.uniform(1, 25, n_samples), 1)
    shoe_size = rng.integers(36, 47, n_samples).astype(float)
    price = np.round(
        100 + 2.0 * area - 4.0 * distance + rng.normal(0, 20, n_samples)
    )
    return np.column_stack([area, bedrooms, distance, shoe_size]), price


def draw():
    X, y = make_houses()
    rows = 6
    fig, ax = new_figure(figsize=(6.4, 4.2))
    # Data coordinates are inches of the figure, so boxes and text are laid
    # out to size.
    fig.set_layout_engine("none")
    ax.set_position([0, 0, 1, 1])
    ax.set(xlim=(0, 6.4), ylim=(0, 4.2), xticks=[], yticks=[])
    ax.grid(False)
    for spine in ax.spines.values():
        spine.set_visible(False)
    width = [0.98, 0.98, 0.98, 0.98, 1.1]
    left = [0.03, 1.04, 2.05, 3.06, 4.2]  # a wider gap before the label
    centre = [x + w / 2 for x, w in zip(left, width)]

    # %%
    # Headings: blue for the features, orange for the label.
    for j, name in enumerate(FEATURES + [LABEL]):
        color = COLORS["orange"] if j == 4 else COLORS["blue"]
        ax.add_patch(
            Rectangle(
                (left[j], 3.02),
                width[j],
                0.62,
                facecolor=color,
                edgecolor="white",
            )
        )
        ax.text(
            centre[j],
            3.33,
            name,
            ha="center",
            va="center",
            fontsize=10,
            color="black" if j == 4 else "white",
            fontweight="bold",
        )

    # %%
    # The rows; the third one is highlighted as "one example".
    for i in range(rows):
        yy = 2.68 - 0.42 * i
        if i == 2:
            ax.add_patch(
                Rectangle(
                    (0.0, yy - 0.19),
                    5.34,
                    0.38,
                    facecolor=COLORS["yellow"],
                    alpha=0.35,
                    edgecolor="none",
                )
            )
            ax.add_patch(
                FancyArrowPatch(
                    (5.5, yy),
                    (5.36, yy),
                    arrowstyle="-|>",
                    mutation_scale=14,
                    color="black",
                )
            )
            ax.text(
                5.54,
                yy,
                "one\nexample",
                ha="left",
                va="center",
                fontsize=11,
            )
        values = [
            f"{X[i, 0]:.0f}",
            f"{X[i, 1]:.0f}",
            f"{X[i, 2]:.1f}",
            f"{X[i, 3]:.0f}",
            f"{y[i]:.0f}",
        ]
        for j, value in enumerate(values):
            ax.text(
                centre[j],
                yy,
                value,
                ha="center",
                va="center",
                fontsize=12,
                fontweight="bold" if j == 4 else "normal",
            )
    ax.text(
        centre[0] + (centre[3] - centre[0]) / 2,
        0.2,
        "... and 54 more houses",
        ha="center",
        va="center",
        fontsize=11,
        color=COLORS["grey"],
    )

    # %%
    # Braces above: what we know (features) and what we want to predict
    # (label).
    ax.annotate(
        "",
        xy=(left[0], 3.8),
        xytext=(left[3] + width[3], 3.8),
        arrowprops=dict(
            arrowstyle="<->", color=COLORS["blue"], linewidth=2
        ),
    )
    ax.text(
        centre[0] + (centre[3] - centre[0]) / 2,
        3.88,
        "features: what we know about each house",
        ha="center",
        va="bottom",
        fontsize=11,
        color=COLORS["blue"],
        fontweight="bold",
    )
    ax.text(
        centre[4],
        3.72,
        "label: what we\nwant to predict",
        ha="center",
        fontsize=11.5,
        color="#8a5a00",
        fontweight="bold",
        va="bottom",
    )
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)

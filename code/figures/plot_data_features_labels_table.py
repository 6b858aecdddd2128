"""A dataset is a table: examples, features and a label
========================================================

The first six houses of the course's small house dataset drawn as a table. Each row is one
example (one house). The first four columns, with blue headings, are the features: floor area
in square metres, number of bedrooms, distance to the city centre in kilometres, and the
owner's shoe size. The last column, with an orange heading, is the label: the price the house
sold for, in thousands of dollars. Labels on the right point out one row ("one example") and
arrows at the top mark the features and the label.
"""

# %%
import numpy as np
from matplotlib.patches import FancyArrowPatch, Rectangle

from skratch.figures import COLORS, new_figure, save_cli

FEATURES = ["area\n(m²)", "bedrooms", "distance to\ncentre (km)", "owner's\nshoe size"]
LABEL = "price\n($ thousands)"


def make_houses(n_samples=60, random_state=3):
    """The unit's houses: price depends on area and distance, not on the owner's shoe size."""
    rng = np.random.default_rng(random_state)
    area = np.round(rng.uniform(40, 200, n_samples))
    bedrooms = np.clip(np.round(area / 35 + rng.normal(0, 0.6, n_samples)), 1, 6)
    distance = np.round(rng.uniform(1, 25, n_samples), 1)
    shoe_size = rng.integers(36, 47, n_samples).astype(float)
    price = np.round(100 + 2.0 * area - 4.0 * distance + rng.normal(0, 20, n_samples))
    return np.column_stack([area, bedrooms, distance, shoe_size]), price


def draw():
    X, y = make_houses()
    rows = 6
    fig, ax = new_figure(figsize=(8.4, 4.6))
    ax.set(xlim=(-0.2, 8.0), ylim=(-0.9, rows + 2.3), xticks=[], yticks=[])
    ax.grid(False)
    for spine in ax.spines.values():
        spine.set_visible(False)

    # %%
    # Headings: blue for the features, orange for the label.
    top = rows + 0.5
    for j, name in enumerate(FEATURES + [LABEL]):
        x = j * 1.25 + (0.25 if j == 4 else 0)
        color = COLORS["orange"] if j == 4 else COLORS["blue"]
        ax.add_patch(Rectangle((x, top - 0.5), 1.15, 1.0, facecolor=color, edgecolor="white"))
        ax.text(x + 0.575, top, name, ha="center", va="center", fontsize=11,
                color="black" if j == 4 else "white", fontweight="bold")

    # %%
    # The rows; the third one is highlighted as "one example".
    for i in range(rows):
        yy = rows - 1 - i
        if i == 2:
            ax.add_patch(Rectangle((-0.05, yy - 0.45), 6.55, 0.9, facecolor=COLORS["yellow"], alpha=0.35, edgecolor="none"))
        values = [f"{X[i, 0]:.0f}", f"{X[i, 1]:.0f}", f"{X[i, 2]:.1f}", f"{X[i, 3]:.0f}", f"{y[i]:.0f}"]
        for j, value in enumerate(values):
            x = j * 1.25 + (0.25 if j == 4 else 0) + 0.575
            ax.text(x, yy, value, ha="center", va="center", fontsize=13, fontweight="bold" if j == 4 else "normal")
    ax.text(6.6, rows - 3, "one example\n(one house)", ha="left", va="center", fontsize=11.5)
    ax.add_patch(FancyArrowPatch((6.58, rows - 3), (6.45, rows - 3), arrowstyle="-|>", mutation_scale=16, color="black"))
    ax.text(2.45, -0.7, "... and 54 more houses", ha="center", va="center", fontsize=11, color=COLORS["grey"])

    # %%
    # Braces above: what we know (features) and what we want to predict (label).
    ax.annotate("", xy=(0.0, rows + 1.25), xytext=(4.9, rows + 1.25),
                arrowprops=dict(arrowstyle="<->", color=COLORS["blue"], linewidth=2))
    ax.text(2.45, rows + 1.55, "features: what we know about each house", ha="center", fontsize=12,
            color=COLORS["blue"], fontweight="bold")
    ax.text(5.825, rows + 1.2, "label: what we\nwant to predict", ha="center", fontsize=12, color="#8a5a00",
            fontweight="bold", va="bottom")
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)

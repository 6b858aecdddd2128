"""The data table as arrays: X, y and w
======================================

Four houses stored as NumPy arrays. A grid of 4 rows and 3 columns is titled
"X, shape (4, 3) = (n_samples, n_features)": each row is one house (one
example), labelled X[0] to X[3], and each column one feature, headed area in
square metres, bedrooms, and distance to the centre in kilometres. An arrow
on the left says the 4 rows are the examples and run along axis 0; an arrow
below says the 3 columns are the features and run along axis 1. To the
right, the prices in thousands of dollars (190, 270, 400, 480) form a
separate orange column labelled "y, shape (4,): one label per example".
Under the grid, a row of three weights (2, 10, -4) lines up with the three
columns, labelled "w, shape (3,): one weight per feature". The third row is
shaded yellow and the first column blue; two coloured lines at the bottom
explain that the yellow row, X[2], is one example of shape (3,) and the blue
column, X[:, 0], is one feature for every house, of shape (4,).
"""

# %%
import numpy as np
from matplotlib.patches import Rectangle

from skratch.figures import COLORS, new_figure, save_cli

# The unit's four houses: area (m²), bedrooms, distance to the centre (km).
X = np.array(
    [
        [50.0, 2.0, 9.0],
        [110.0, 2.0, 15.0],
        [130.0, 4.0, 1.0],
        [190.0, 4.0, 7.0],
    ]
)
y = np.array([190.0, 270.0, 400.0, 480.0])  # price, $ thousands
w = np.array([2.0, 10.0, -4.0])  # $ thousands per m², per bedroom, per km
FEATURES = ["area\n(m²)", "bedrooms", "distance\n(km)"]
LIGHT_BLUE = "#cfe6f5"
LIGHT_YELLOW = "#fbf4b0"
LIGHT_ORANGE = "#fbe3b3"


def fmt(value):
    """Whole numbers without a decimal point, the rest with one decimal."""
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"


def draw_cells(
    ax, x0, top, values, faces=None, ghost=False, fontsize=14, width=1.0
):
    """Draw a 2-D array as a grid of cells; cell (i, j) spans x0 + j*width..
    and top - i - 1..top - i."""
    values = np.atleast_2d(values)
    for i in range(values.shape[0]):
        for j in range(values.shape[1]):
            face = faces[i][j] if faces is not None else "white"
            ax.add_patch(
                Rectangle(
                    (x0 + j * width, top - i - 1),
                    width,
                    1,
                    facecolor=face,
                    edgecolor=COLORS["grey"] if ghost else "black",
                    linestyle="--" if ghost else "-",
                    linewidth=1.0 if ghost else 1.4,
                )
            )
            ax.text(
                x0 + (j + 0.5) * width,
                top - i - 0.5,
                fmt(values[i, j]),
                ha="center",
                va="center",
                fontsize=fontsize,
                color=COLORS["grey"] if ghost else "black",
            )


def blank_axes(ax, xlim, ylim):
    """An empty canvas with equal units on both sides, for drawing arrays as
    grids."""
    ax.set(xlim=xlim, ylim=ylim, xticks=[], yticks=[], aspect="equal")
    ax.grid(False)
    for spine in ax.spines.values():
        spine.set_visible(False)


def draw():
    fig, ax = new_figure(figsize=(6.4, 5.7))
    blank_axes(ax, (-2.3, 9.8), (-4.8, 6.2))
    cw = 1.55  # cell width: room for the numbers

    # %%
    # X: row 2 (one house) in yellow, column 0 (one feature) in blue.
    faces = [
        [
            LIGHT_BLUE if j == 0 else (LIGHT_YELLOW if i == 2 else "white")
            for j in range(3)
        ]
        for i in range(4)
    ]
    faces[2][0] = "#d9ecc8"  # where the row and the column cross
    draw_cells(ax, 0, 4, X, faces, width=cw, fontsize=13)
    for j, name in enumerate(FEATURES):
        ax.text(
            (j + 0.5) * cw,
            4.12,
            name,
            ha="center",
            va="bottom",
            fontsize=11,
        )
    ax.text(
        3.75,
        5.7,
        "X, shape (4, 3) = (n_samples, n_features)",
        ha="center",
        fontsize=13,
        fontweight="bold",
    )
    for i in range(4):
        ax.text(
            -0.12,
            3.5 - i,
            f"X[{i}]",
            ha="right",
            va="center",
            fontsize=11,
            family="monospace",
            color="#6b6200" if i == 2 else "black",
            fontweight="bold" if i == 2 else "normal",
        )

    # %%
    # Brackets: rows are axis 0, columns are axis 1.
    ax.annotate(
        "",
        xy=(-1.3, 0),
        xytext=(-1.3, 4),
        arrowprops=dict(arrowstyle="<->", linewidth=1.8),
    )
    ax.text(
        -1.85,
        2,
        "4 rows = examples\n(axis 0)",
        ha="center",
        va="center",
        rotation=90,
        fontsize=11,
    )
    ax.annotate(
        "",
        xy=(0, -0.3),
        xytext=(3 * cw, -0.3),
        arrowprops=dict(arrowstyle="<->", linewidth=1.8),
    )
    ax.text(
        1.5 * cw,
        -0.45,
        "3 columns = features\n(axis 1)",
        ha="center",
        va="top",
        fontsize=11,
    )

    # %%
    # y beside X: one label per row.
    yx = 3 * cw + 0.6
    draw_cells(
        ax, yx, 4, y[:, None], [[LIGHT_ORANGE]] * 4, width=cw, fontsize=13
    )
    ax.text(
        yx + cw / 2,
        4.12,
        "price\n($k)",
        ha="center",
        va="bottom",
        fontsize=11,
    )
    ax.text(
        yx + cw + 0.2,
        2.0,
        "y, shape (4,):\none label\nper example",
        ha="left",
        va="center",
        fontsize=11.5,
        color="#8a5a00",
        fontweight="bold",
    )

    # %%
    # w under X, one weight per column.
    draw_cells(
        ax, 0, -1.75, w[None, :], [["#e4e4e4"] * 3], width=cw, fontsize=13
    )
    ax.text(
        3 * cw + 0.2,
        -2.25,
        "w, shape (3,):\none weight per feature",
        ha="left",
        va="center",
        fontsize=11.5,
    )

    # %%
    # What the highlighted row and column are.
    ax.text(
        -2.2,
        -3.45,
        "yellow row, X[2]: one example (one house), shape (3,)",
        ha="left",
        va="center",
        fontsize=11,
        color="#6b6200",
        fontweight="bold",
    )
    ax.text(
        -2.2,
        -4.25,
        "blue column, X[:, 0]: one feature for every house, shape (4,)",
        ha="left",
        va="center",
        fontsize=11,
        color=COLORS["blue"],
        fontweight="bold",
    )
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)

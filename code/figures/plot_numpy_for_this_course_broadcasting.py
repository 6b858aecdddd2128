"""Broadcasting: stretching the smaller array to fit
===================================================

Two sums of arrays drawn as grids, one above the other. Top: the four
houses' table X, shape (4, 3), minus the row of column averages (120, 3, 8),
shape (3,). The row is drawn once in solid lines and then three more times
in grey dashed lines below it, "stretched down" to 4 rows so it matches X;
the result, shape (4, 3), is every house's distance from the average house:
-70, -1, 1 in the first row, for example. Bottom: a 4-by-3 array holding 1
to 12 plus a column of shape (4, 1) holding 10, 20, 30, 40. The column is
drawn once in solid lines and twice more in grey dashed lines to its right,
"stretched across" to 3 columns; in the result each row has its own number
added: 11, 12, 13 in the first row and 50, 51, 52 in the last. The dashed
copies are never stored: NumPy only behaves as if they were there.
"""

# %%
import numpy as np
from matplotlib.patches import FancyArrowPatch

from skratch.figures import COLORS, new_figure, save_cli
from skratch.figures.plot_numpy_for_this_course_table import (
    LIGHT_BLUE,
    LIGHT_ORANGE,
    X,
    blank_axes,
    draw_cells,
)

A = np.arange(1.0, 13.0).reshape(4, 3)
COLUMN = np.array([[10.0], [20.0], [30.0], [40.0]])


def panel(
    ax, left, left_shape, small, small_shape, op, result, down, title
):
    """Draw `left op small = result`, with the small array's stretched
    copies dashed."""
    blank_axes(ax, (-0.3, 14.6), (-1.75, 5.4))
    cw = 1.15
    ax.text(
        7.0,
        5.0,
        title,
        ha="center",
        va="center",
        fontsize=13.5,
        fontweight="bold",
    )
    draw_cells(ax, 0, 4, left, width=cw, fontsize=13)
    ax.text(
        1.5 * cw, -0.45, left_shape, ha="center", va="center", fontsize=12.5
    )
    ax.text(3 * cw + 0.4, 2, op, ha="center", va="center", fontsize=22)

    x1 = 3 * cw + 0.8
    if down:  # a (3,) row: one real row, three ghost rows under it
        draw_cells(
            ax,
            x1,
            4,
            small[None, :],
            [[LIGHT_ORANGE] * 3],
            width=cw,
            fontsize=13,
        )
        draw_cells(
            ax,
            x1,
            3,
            np.tile(small, (3, 1)),
            ghost=True,
            width=cw,
            fontsize=13,
        )
        ax.add_patch(
            FancyArrowPatch(
                (x1 + 3 * cw + 0.25, 3.5),
                (x1 + 3 * cw + 0.25, 0.2),
                arrowstyle="-|>",
                mutation_scale=18,
                color=COLORS["orange"],
                linewidth=2,
            )
        )
        ax.text(
            x1 + 3 * cw + 0.45,
            1.9,
            "stretched\ndown",
            ha="left",
            va="center",
            fontsize=12.5,
            color="#8a5a00",
            fontweight="bold",
        )
        width = 3
    else:  # a (4, 1) column: one real column, two ghost columns beside it
        draw_cells(
            ax, x1, 4, small, [[LIGHT_BLUE]] * 4, width=cw, fontsize=13
        )
        draw_cells(
            ax,
            x1 + cw,
            4,
            np.tile(small, (1, 2)),
            ghost=True,
            width=cw,
            fontsize=13,
        )
        ax.add_patch(
            FancyArrowPatch(
                (x1 + 0.6 * cw, 4.3),
                (x1 + 3 * cw, 4.3),
                arrowstyle="-|>",
                mutation_scale=18,
                color=COLORS["blue"],
                linewidth=2,
            )
        )
        ax.text(
            x1 + 3 * cw + 0.15,
            4.3,
            "stretched\nacross",
            ha="left",
            va="center",
            fontsize=12.5,
            color=COLORS["blue"],
            fontweight="bold",
        )
        width = 3
    ax.text(
        x1 + 0.5 * cw * (3 if down else 1),
        -0.45,
        small_shape,
        ha="center",
        va="center",
        fontsize=12.5,
    )

    x2 = x1 + width * cw + 3.2
    ax.text(x2 - 0.45, 2, "=", ha="center", va="center", fontsize=22)
    draw_cells(ax, x2, 4, result, width=cw, fontsize=13)
    ax.text(
        x2 + 1.5 * cw,
        -0.45,
        "shape (4, 3)",
        ha="center",
        va="center",
        fontsize=12.5,
    )


def draw():
    fig, (top, bottom) = new_figure(2, 1, figsize=(8.0, 7.4))
    means = X.mean(axis=0)  # (3,)
    panel(
        top,
        X,
        "X, shape (4, 3)",
        means,
        "means, shape (3,)",
        "−",
        X - means,
        True,
        "A row of shape (3,) is stretched down the 4 rows",
    )
    panel(
        bottom,
        A,
        "shape (4, 3)",
        COLUMN,
        "shape (4, 1)",
        "+",
        A + COLUMN,
        False,
        "A column of shape (4, 1) is stretched across the 3 columns",
    )
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)

"""axis=0 squashes the rows, axis=1 squashes the columns
=======================================================

Two reductions of the four houses' table, side by side. Left, titled
"X.mean(axis=0)": the 4-by-3 table X (area, bedrooms, distance), with an
orange arrow pointing down each column to a single row of three averages,
120, 3 and 8: one number per feature, shape (3,). Right, titled "(X *
w).sum(axis=1)": the same table with each column multiplied by its weight
(2, 10 and -4), so the first row reads 100, 20, -36; a blue arrow points
across each row to a single column of four totals, 84, 180, 296 and 392: one
number per house, shape (4,), which is exactly what X @ w computes. Going
along axis 0 removes the rows; going along axis 1 removes the columns.
"""

# %%
from matplotlib.patches import FancyArrowPatch

from skratch.figures import COLORS, new_figure, save_cli
from skratch.figures.plot_numpy_for_this_course_table import (
    LIGHT_BLUE,
    LIGHT_ORANGE,
    X,
    blank_axes,
    draw_cells,
    w,
)


def draw():
    fig, ax = new_figure(figsize=(6.4, 5.3))
    blank_axes(ax, (-0.7, 10.0), (-3.45, 5.95))
    cw = 1.0

    # %%
    # Left: the mean of each column (down the rows, axis 0) -> one number
    # per feature.
    ax.text(
        1.5 * cw,
        5.45,
        "X.mean(axis=0)",
        ha="center",
        fontsize=13,
        fontweight="bold",
        family="monospace",
    )
    ax.text(
        1.5 * cw,
        4.3,
        "down each column",
        ha="center",
        va="bottom",
        fontsize=11,
    )
    draw_cells(ax, 0, 4, X, width=cw, fontsize=12)
    for j in range(3):
        ax.add_patch(
            FancyArrowPatch(
                ((j + 0.5) * cw, -0.1),
                ((j + 0.5) * cw, -1.0),
                arrowstyle="-|>",
                mutation_scale=16,
                color=COLORS["orange"],
                linewidth=2,
            )
        )
    draw_cells(
        ax,
        0,
        -1.1,
        X.mean(axis=0)[None, :],
        [[LIGHT_ORANGE] * 3],
        width=cw,
        fontsize=12,
    )
    ax.text(
        1.5 * cw,
        -2.4,
        "one number per feature\nshape (3,)",
        ha="center",
        va="top",
        fontsize=11.5,
        color="#8a5a00",
        fontweight="bold",
    )

    # %%
    # Right: each row's weighted features added up (across the columns, axis
    # 1) -> one number per house.
    x0 = 4.6
    ax.text(
        x0 + 2.5,
        5.45,
        "(X * w).sum(axis=1)",
        ha="center",
        fontsize=13,
        fontweight="bold",
        family="monospace",
    )
    ax.text(
        x0 + 2.5,
        4.3,
        "each feature times its weight,\nthen across each row",
        ha="center",
        va="bottom",
        fontsize=11,
    )
    draw_cells(
        ax, x0, 4, X * w, width=cw, fontsize=12
    )  # (4, 3): each feature times its weight
    right = x0 + 3 * cw
    for i in range(4):
        ax.add_patch(
            FancyArrowPatch(
                (right + 0.1, 3.5 - i),
                (right + 0.95, 3.5 - i),
                arrowstyle="-|>",
                mutation_scale=16,
                color=COLORS["blue"],
                linewidth=2,
            )
        )
    draw_cells(
        ax,
        right + 1.05,
        4,
        (X @ w)[:, None],
        [[LIGHT_BLUE]] * 4,
        width=cw,
        fontsize=12,
    )
    ax.text(
        x0 + 2.5,
        -0.4,
        "one number per house\nshape (4,): the same as X @ w",
        ha="center",
        va="top",
        fontsize=11.5,
        color=COLORS["blue"],
        fontweight="bold",
    )
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)

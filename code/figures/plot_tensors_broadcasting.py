"""Broadcasting forward, and its gradient summed back
=====================================================

Two rows of small arrays drawn as grids of numbered cells. Top row, the
forward pass: a 3 by 2 array X plus a bias b of shape (2,) gives a 3 by 2
array Y; b is drawn as one solid row with two dashed ghost copies under it,
because broadcasting uses the same two numbers in every row of X. Bottom
row, the backward pass: the gradient G arriving at Y (3 by 2) passes to X
unchanged; for b the three rows of G, drawn as dashed ghost copies, are
summed down each column into one row of shape (2,), since each entry of b
was used three times, once per row.
With G = [[1, 2], [0, 1], [3, -1]] the gradient of b is [4, 2].
"""

# %%
import numpy as np
from matplotlib.patches import Rectangle

from skratch.figures import COLORS, new_figure, save_cli

X = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
B = np.array([10.0, 20.0])
G = np.array([[1.0, 2.0], [0.0, 1.0], [3.0, -1.0]])


def grid(ax, left, top, values, color, ghost=False):
    """Draw `values` (2-D) as cells, the top-left corner at (left, top)."""
    for (i, j), value in np.ndenumerate(values):
        ax.add_patch(
            Rectangle(
                (left + j, top - i - 1),
                1,
                1,
                facecolor=color,
                edgecolor=COLORS["grey"] if ghost else COLORS["black"],
                linestyle="--" if ghost else "-",
                linewidth=1.2,
                alpha=0.35 if ghost else 1.0,
            )
        )
        ax.text(
            left + j + 0.5,
            top - i - 0.5,
            f"{value:g}",
            ha="center",
            va="center",
            fontsize=13,
            color=COLORS["grey"] if ghost else COLORS["black"],
        )


def label(ax, x, y, text):
    ax.text(x, y, text, ha="center", va="bottom", fontsize=12)


def draw():
    fig, ax = new_figure(figsize=(6.0, 7.0))
    ax.set_axis_off()
    ax.set_aspect("equal")
    ax.set(xlim=(-0.3, 8.6), ylim=(-10.3, 1.6))
    pale = {"x": "#CFE3F2", "b": "#F8E0A8", "y": "#D3EEE2"}

    # %%
    # Forward: Y = X + b, b stretched over the rows.
    ax.text(-0.2, 1.3, "forward:  Y = X + b", fontsize=13, weight="bold")
    grid(ax, 0, 0, X, pale["x"])
    label(ax, 1, 0.1, "X  (3, 2)")
    ax.text(2.5, -1.5, "+", ha="center", va="center", fontsize=18)
    grid(ax, 3, 0, B[None, :], pale["b"])
    grid(ax, 3, -1, np.tile(B, (2, 1)), pale["b"], ghost=True)
    label(ax, 4, 0.1, "b  (2,)")
    ax.text(5.5, -1.5, "=", ha="center", va="center", fontsize=18)
    grid(ax, 6, 0, X + B, pale["y"])
    label(ax, 7, 0.1, "Y  (3, 2)")

    # %%
    # Backward: G reaches X as it is, and b as the sum of each column.
    ax.text(-0.2, -4.1, "backward:  G = dL/dY", fontsize=13, weight="bold")
    grid(ax, 0, -5, G, pale["y"])
    label(ax, 1, -4.9, "G  (3, 2)")
    grid(ax, 3, -5, G, pale["x"])
    label(ax, 4, -4.9, "dL/dX = G")
    grid(ax, 6, -5, G, pale["y"], ghost=True)
    label(ax, 7, -4.9, "dL/db")
    ax.plot([6, 8], [-8.15, -8.15], color=COLORS["black"], linewidth=2)
    ax.text(5.5, -8.95, "sum", ha="center", va="center", fontsize=12)
    grid(ax, 6, -8.45, G.sum(axis=0)[None, :], pale["b"])
    ax.text(7, -9.65, "(2,), as b", ha="center", va="top", fontsize=12)
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)

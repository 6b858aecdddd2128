"""The matrix-product gradient, read off the shapes
===================================================

Three rows of rectangles drawn to scale, one per product, with n = 4,
k = 3 and m = 2, each side labelled with its length. Top, the forward
pass: A (n by k, blue) times B (k by m, orange) gives C (n by m, green).
Middle: the gradient of A must have A's shape, n by k, and the only
product of G (the gradient of C, n by m, green) and B that has it is G
times B transposed (m by k): dL/dA = G B^T, a blue n by k result. Bottom:
the gradient of B, k by m, is A transposed (k by n) times G (n by m):
dL/dB = A^T G, an orange k by m result. In each product the inner sides
match, the outer sides give the result's shape.
"""

# %%
from matplotlib.patches import Rectangle

from skratch.figures import COLORS, new_figure, save_cli

N, K, M = 4, 3, 2  # A is (n, k), B is (k, m), C = A B is (n, m)
PALE = {"A": "#CFE3F2", "B": "#F8E0A8", "C": "#D3EEE2"}


def block(ax, left, top, rows, cols, kind, name, sides):
    """A rows-by-cols rectangle, top-left at (left, top), named inside."""
    ax.add_patch(
        Rectangle(
            (left, top - rows),
            cols,
            rows,
            facecolor=PALE[kind],
            edgecolor=COLORS["black"],
            linewidth=1.5,
        )
    )
    ax.text(
        left + cols / 2,
        top - rows / 2,
        name,
        ha="center",
        va="center",
        fontsize=14,
    )
    row_side, col_side = sides
    ax.text(left - 0.15, top - rows / 2, row_side, ha="right", va="center")
    ax.text(left + cols / 2, top + 0.1, col_side, ha="center", va="bottom")
    return left + cols


def sign(ax, x, y, text):
    ax.text(x, y, text, ha="center", va="center", fontsize=18)


def product(ax, top, title, left_factor, right_factor, result):
    """One row, left @ right = result: (rows, cols, kind, name, sides)."""
    ax.text(-0.3, top + 1.1, title, fontsize=14)
    x = block(ax, 0.5, top, *left_factor)
    sign(ax, x + 0.6, top - 1.5, "@")
    x = block(ax, x + 1.6, top, *right_factor)
    sign(ax, x + 0.6, top - 1.5, "=")
    block(ax, x + 1.6, top, *result)


def draw():
    fig, ax = new_figure(figsize=(6.4, 8.2))
    ax.set_axis_off()
    ax.set_aspect("equal")
    ax.set(xlim=(-0.4, 12.2), ylim=(-16.6, 2.0))

    # %%
    product(
        ax,
        0,
        r"forward:  $C = A\,B$",
        (N, K, "A", "A", ("n", "k")),
        (K, M, "B", "B", ("k", "m")),
        (N, M, "C", "C", ("n", "m")),
    )
    product(
        ax,
        -6.0,
        r"$\partial L / \partial A = G\,B^\top$  (the shape of A)",
        (N, M, "C", "G", ("n", "m")),
        (M, K, "B", r"$B^\top$", ("m", "k")),
        (N, K, "A", r"$\partial L/\partial A$", ("n", "k")),
    )
    product(
        ax,
        -12.0,
        r"$\partial L / \partial B = A^\top G$  (the shape of B)",
        (K, N, "A", r"$A^\top$", ("k", "n")),
        (N, M, "C", "G", ("n", "m")),
        (K, M, "B", r"$\partial L/\partial B$", ("k", "m")),
    )
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)

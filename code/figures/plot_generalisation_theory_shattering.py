"""Lines shatter three points, but not four
============================================

Ten small panels of points in the plane, in two classes (blue circles and
orange triangles). The top eight show the same three points with each of
their eight possible labellings, and in each a straight line (found by a
linear program) with all the circles on one side and all the triangles on
the other; for the two labellings of a single class the line lies off to
the side. The bottom two show four points that no line can label as
drawn: on the left four corners of a square labelled like XOR, the two
circles on one diagonal and the two triangles on the other, diagonals
crossing; on the right three circles at the corners of a shaded triangle
with one triangle inside it.
"""

# %%
import itertools

import numpy as np
from scipy.optimize import linprog

from skratch.figures import COLORS, MARKERS, new_figure, save_cli

THREE = np.array([[0.0, 0.0], [1.0, 0.0], [0.4, 0.9]])
SQUARE = np.array([[0.0, 0.0], [1.0, 1.0], [1.0, 0.0], [0.0, 1.0]])
INSIDE = np.array([[0.0, 0.0], [1.0, 0.0], [0.5, 0.9], [0.5, 0.35]])


def separating_line(X, y):
    """(w, b) with y_i (w . x_i + b) >= 1 and the smallest |w|_1, or None.

    Variables [w+, w-, b] with w = w+ - w-, w+ and w- >= 0.
    """
    s = np.where(y == 1, 1.0, -1.0)
    d = X.shape[1]
    cost = np.r_[np.ones(2 * d), 0.0]
    A = -s[:, None] * np.c_[X, -X, np.ones(len(X))]
    bounds = [(0, None)] * (2 * d) + [(None, None)]
    res = linprog(cost, A_ub=A, b_ub=-np.ones(len(X)), bounds=bounds)
    if res.status != 0:
        return None
    return res.x[:d] - res.x[d : 2 * d], res.x[-1]


def scatter(ax, X, y):
    for k in (0, 1):
        ax.scatter(
            *X[y == k].T,
            s=70,
            marker=MARKERS[k],
            color=COLORS["blue"] if k == 0 else COLORS["orange"],
            edgecolor="black",
            linewidth=0.6,
            zorder=3,
        )
    ax.set(xlim=(-0.45, 1.45), ylim=(-0.45, 1.35), xticks=[], yticks=[])
    ax.set_aspect("equal")
    ax.grid(False)


def draw_line(ax, w, b):
    if np.abs(w).max() < 1e-9:  # one class: any line beside the points
        ax.axvline(-0.3, color=COLORS["black"], linewidth=1.5)
        return
    t = np.linspace(-2, 2, 2)
    if abs(w[1]) > abs(w[0]):
        ax.plot(t, -(b + w[0] * t) / w[1], color="black", linewidth=1.5)
    else:
        ax.plot(-(b + w[1] * t) / w[0], t, color="black", linewidth=1.5)


def draw():
    fig, axes = new_figure(3, 4, figsize=(6.4, 6.2))
    for ax, labels in zip(
        axes[:2].ravel(), itertools.product((0, 1), repeat=3)
    ):
        y = np.array(labels)
        w, b = separating_line(THREE, y)
        draw_line(ax, w, b)
        scatter(ax, THREE, y)
    # %%
    # The bottom row: two panels, each two columns wide.
    grid = axes[2, 0].get_gridspec()
    for ax in axes[2]:
        ax.remove()
    left = fig.add_subplot(grid[2, 0:2])
    right = fig.add_subplot(grid[2, 2:4])
    y_xor = np.array([0, 0, 1, 1])
    for pair in ((0, 1), (2, 3)):
        left.plot(*SQUARE[list(pair)].T, ":", color=COLORS["grey"])
    scatter(left, SQUARE, y_xor)
    left.set_title("XOR: no line")
    y_in = np.array([0, 0, 0, 1])
    right.fill(*INSIDE[:3].T, color=COLORS["sky"], alpha=0.3)
    scatter(right, INSIDE, y_in)
    right.set_title("inside: no line")
    fig.suptitle("Top: 3 points, all 8 labellings split by a line")
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)

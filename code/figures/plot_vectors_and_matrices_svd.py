"""The SVD: rotate, stretch, rotate
==================================

Four panels, read left to right and top to bottom, follow the unit circle
and two marked arrows through the matrix A = [[3, 0], [4, 5]] written as its
singular value decomposition, U times diag(s) times V transposed. First,
the circle with two perpendicular arrows (the right singular vectors, the
columns of V). Second, after V transposed: the circle is only turned, and
the arrows now lie along the axes. Third, after diag(s): the circle is
stretched into an axis-aligned ellipse whose half-axes, 6.7 and 2.2, are
the singular values (the bottom panels are drawn at a smaller scale).
Fourth, after U: the ellipse is turned into place; it is exactly where A
sends the circle.
"""

# %%
import numpy as np

from skratch.figures import COLORS, new_figure, save_cli


def draw():
    A = np.array([[3.0, 0.0], [4.0, 5.0]])
    U, s, Vt = np.linalg.svd(A)
    # NumPy returns U and V^T with determinant -1 here (a rotation and a
    # reflection). Flipping the first column of U and the first row of V^T
    # keeps U diag(s) V^T = A and makes both of them plain rotations.
    U[:, 0] *= -1
    Vt[0] *= -1
    angle = np.linspace(0, 2 * np.pi, 400)
    circle = np.vstack([np.cos(angle), np.sin(angle)])  # (2, 400)
    arrows = Vt.T  # the columns of V: (2, 2)

    steps = [
        (np.eye(2), "start: the unit circle"),
        (Vt, "1. rotate: $V^T$"),
        (np.diag(s) @ Vt, "2. stretch: diag(s)"),
        (U @ np.diag(s) @ Vt, "3. rotate: $U$ (= A)"),
    ]
    fig, axes = new_figure(2, 2, figsize=(6.4, 6.4))
    quiver = {
        "angles": "xy",
        "scale_units": "xy",
        "scale": 1,
        "width": 0.02,
        "zorder": 3,
    }
    # The top row zooms in on the circle; the bottom row holds the ellipse.
    limits = [1.6, 1.6, 7, 7]
    for ax, (M, title), limit in zip(axes.ravel(), steps, limits):
        shape = M @ circle
        ax.fill(shape[0], shape[1], color=COLORS["sky"], alpha=0.3)
        ax.plot(shape[0], shape[1], color=COLORS["blue"], linewidth=1.5)
        tips = M @ arrows
        ax.quiver(0, 0, *tips[:, 0], color=COLORS["orange"], **quiver)
        ax.quiver(0, 0, *tips[:, 1], color=COLORS["green"], **quiver)
        ax.set(
            xlim=(-limit, limit),
            ylim=(-limit, limit),
            aspect="equal",
            title=title,
        )
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)

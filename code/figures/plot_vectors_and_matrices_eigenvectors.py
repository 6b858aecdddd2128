"""A matrix turns the unit circle into an ellipse
===============================================

Left, the unit circle with twelve dots on it, and two highlighted
directions: the eigenvectors of the matrix A = [[2, 1], [1, 2]], along the
diagonals (1, 1) and (1, -1), in blue and orange. Right, the same dots after
multiplying each by A: the circle has become an ellipse tilted at 45
degrees. Most dots have changed direction, but the two eigenvectors still
point along their diagonals: the blue one is three times as long (its
eigenvalue is 3), the orange one unchanged (eigenvalue 1).
"""

# %%
import numpy as np

from skratch.figures import COLORS, new_figure, save_cli


def draw():
    A = np.array([[2.0, 1.0], [1.0, 2.0]])
    values, vectors = np.linalg.eigh(A)  # ascending: 1, then 3
    angle = np.linspace(0, 2 * np.pi, 400)
    circle = np.vstack([np.cos(angle), np.sin(angle)])  # (2, 400)
    dots = np.linspace(0, 2 * np.pi, 12, endpoint=False)
    points = np.vstack([np.cos(dots), np.sin(dots)])  # (2, 12)

    fig, (before, after) = new_figure(1, 2, figsize=(6.4, 3.5))
    arrow = {
        "angles": "xy",
        "scale_units": "xy",
        "scale": 1,
        "width": 0.02,
        "zorder": 3,
    }
    colors = [COLORS["orange"], COLORS["blue"]]
    for ax, M, title in (
        (before, np.eye(2), "before"),
        (after, A, "after A"),
    ):
        shape = M @ circle
        ax.plot(shape[0], shape[1], color=COLORS["grey"], linewidth=1.5)
        moved = M @ points
        ax.plot(moved[0], moved[1], "o", color=COLORS["grey"], markersize=4)
        for k in range(2):
            tip = M @ vectors[:, k] * np.sign(vectors[0, k])
            ax.quiver(0, 0, *tip, color=colors[k], **arrow)
        ax.set(
            xlim=(-3.3, 3.3),
            ylim=(-3.3, 3.3),
            aspect="equal",
            title=title,
        )
    after.text(1.0, 2.55, f"× {values[1]:.0f}", color=COLORS["blue"])
    after.text(0.85, -1.3, f"× {values[0]:.0f}", color=COLORS["orange"])
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)

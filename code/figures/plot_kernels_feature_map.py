"""A feature map makes a curved boundary straight
==================================================

Left: twenty points on a line (the horizontal axis is x), blue circles
between -1 and 1 and orange triangles outside; no single threshold on x
separates them, because the blue class sits in the middle. Right: the same
points lifted by the feature map x -> (x, x^2), with x across and x^2 up;
they lie on a parabola, the blue circles at the bottom and the orange
triangles higher, and the horizontal line x^2 = 1 now separates the two
classes: a straight boundary in the new features is the pair of points
x = -1 and x = 1 on the line.
"""

# %%
import numpy as np

from skratch.figures import COLORS, MARKERS, new_figure, save_cli


def draw():
    # Ten points of each class: inside (-1, 1) and outside it.
    rng = np.random.default_rng(0)
    inner = rng.uniform(-0.9, 0.9, size=10)
    outer = rng.uniform(1.1, 2.0, size=10) * rng.choice([-1, 1], size=10)
    classes = [(inner, "|x| < 1"), (outer, "|x| > 1")]
    colours = [COLORS["blue"], COLORS["orange"]]

    # %%
    fig, (left, right) = new_figure(1, 2, figsize=(6.4, 3.4))
    for k, (x, label) in enumerate(classes):
        style = dict(
            s=40,
            marker=MARKERS[k],
            color=colours[k],
            edgecolor="white",
            linewidth=0.5,
            zorder=3,
            label=label,
        )
        left.scatter(x, np.zeros_like(x), **style)
        right.scatter(x, x**2, **style)
    left.set(
        xlabel="x",
        yticks=[],
        xlim=(-2.2, 2.2),
        ylim=(-1, 1),
        title="On the line",
    )
    left.axhline(0, color=COLORS["grey"], linewidth=0.8, zorder=1)
    left.legend(loc="upper center", ncols=2, handletextpad=0.1)

    # %%
    # The parabola the points sit on, and the straight boundary.
    grid = np.linspace(-2.1, 2.1, 200)
    right.plot(grid, grid**2, color=COLORS["grey"], linewidth=0.8)
    right.axhline(1.0, color=COLORS["black"], linewidth=1.5, linestyle="--")
    right.text(-2.1, 1.15, "$x^2 = 1$")
    right.set(
        xlabel="x",
        ylabel="$x^2$",
        xlim=(-2.2, 2.2),
        ylim=(-0.2, 4.6),
        title="Lifted: x -> (x, x²)",
    )
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)

"""Unit balls of the L1 and L2 norms
====================================

The points at distance 1 from the origin, for two ways of measuring
distance. The L2 (Euclidean) unit ball is a blue circle of radius 1; the L1
unit ball, where the absolute values of the two coordinates add up to 1, is
an orange diamond with its corners on the axes at plus and minus 1. The
point (0.6, 0.8) is marked on the circle: its L2 norm is 1, its L1 norm 1.4,
so it lies outside the diamond.
"""

# %%
import numpy as np

from skratch.figures import COLORS, new_figure, save_cli


def draw():
    fig, ax = new_figure(figsize=(6.4, 4.4))
    angle = np.linspace(0, 2 * np.pi, 400)
    ax.plot(
        np.cos(angle),
        np.sin(angle),
        color=COLORS["blue"],
        linewidth=2.5,
        label="L2: $x_1^2 + x_2^2 = 1$",
    )
    ax.plot(
        [1, 0, -1, 0, 1],
        [0, 1, 0, -1, 0],
        color=COLORS["orange"],
        linewidth=2.5,
        linestyle="--",
        label="L1: $|x_1| + |x_2| = 1$",
    )
    point = np.array([0.6, 0.8])
    ax.plot(*point, "o", color=COLORS["black"], markersize=7)
    ax.annotate(
        "(0.6, 0.8)\nL2 norm 1, L1 norm 1.4",
        point,
        xytext=(12, 4),
        textcoords="offset points",
    )
    ax.axhline(0, color=COLORS["grey"], linewidth=0.8)
    ax.axvline(0, color=COLORS["grey"], linewidth=0.8)
    ax.set(
        xlim=(-1.3, 2.9),
        ylim=(-1.25, 1.25),
        aspect="equal",
        xlabel="$x_1$",
        ylabel="$x_2$",
        title="Every point at norm 1",
    )
    ax.legend(loc="lower right")
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)

"""Four optimisers at a saddle point
====================================

One panel: the contour lines of the saddle f(x, y) = (x^2 - y^2) / 2, x
horizontal from -4.5 to 1.5 and y vertical from -0.5 to 3, with the saddle
point at the origin marked by a black plus. The loss falls along y in both
directions and rises along x. Four optimisers start at (-4, 0.01), almost
exactly on the ridge line y = 0, and take 40 steps with the settings of
the valley race: plain gradient descent (blue circles) slides to the
saddle and is still next to it after 40 steps, at (-0.18, 0.18), because
the gradient along y is tiny; momentum
(orange triangles) also stalls near the saddle, then begins to leave it;
RMSprop (green squares) and Adam (purple diamonds) divide the tiny y
gradient by its own size, so they step away from the saddle at full
speed and leave the panel at the top.
"""

# %%
import numpy as np

from skratch.figures import COLORS, new_figure, save_cli
from skratch.figures.plot_optimisers_valley import STYLE, race

START = (-4.0, 0.01)
N_STEPS = 40


def saddle(p):
    """The loss (x^2 - y^2) / 2 and its gradient at p = (x, y)."""
    h = np.array([1.0, -1.0])
    return 0.5 * np.sum(h * p**2), h * p


def draw():
    paths = race(saddle, START, N_STEPS)
    xs, ys = np.meshgrid(
        np.linspace(-4.5, 1.5, 200), np.linspace(-0.5, 3, 200)
    )
    zs = (xs**2 - ys**2) / 2

    # %%
    fig, ax = new_figure(figsize=(6.4, 4.4))
    ax.contour(
        xs,
        ys,
        zs,
        levels=np.linspace(-4, 9, 14),
        cmap="viridis",
        linewidths=0.8,
    )
    ax.plot(0, 0, "+", color=COLORS["black"], markersize=16, mew=2.5)
    for name, path in paths.items():
        colour, marker = STYLE[name]
        ax.plot(
            path[:, 0],
            path[:, 1],
            "-",
            color=colour,
            marker=marker,
            markersize=5,
            linewidth=1.4,
            label=name,
        )
    ax.set(xlabel="x", ylabel="y", xlim=(-4.5, 1.5), ylim=(-0.5, 3))
    ax.set_title("saddle (x² - y²) / 2: 40 steps from (-4, 0.01)")
    ax.grid(False)
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)

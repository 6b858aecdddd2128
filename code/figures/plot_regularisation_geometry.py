"""Why L1 zeroes and L2 only shrinks: the circle and the diamond
==============================================================

Two panels over the same plane of two weights, w1 (horizontal) and w2
(vertical). In both, grey ellipses are the contours of the squared error,
centred on the least-squares weights (a black cross at about w1 = 2,
w2 = 0.8), tilted because the two features are correlated. On the left the
L2 budget is a blue circle around the origin; the smallest ellipse that
touches it meets it at a point (orange dot) where both weights are still
non-zero: ridge shrinks both. On the right the L1 budget of the same size is
a blue diamond with corners on the axes; the smallest ellipse touching it
meets it at the corner on the w1 axis, so w2 is exactly zero: the lasso
selects a feature.
"""

# %%
import numpy as np
from skratch.figures import COLORS, new_figure, save_cli

W_OLS = np.array([2.0, 0.8])  # the least-squares weights
GRAM = np.array([[1.0, 0.55], [0.55, 1.0]])  # correlated features
BUDGET = 1.2  # the size of the circle and of the diamond


def loss(w1, w2):
    """The squared error above its minimum: (w - w_ols)^T G (w - w_ols)."""
    d1, d2 = w1 - W_OLS[0], w2 - W_OLS[1]
    return (
        GRAM[0, 0] * d1**2 + 2 * GRAM[0, 1] * d1 * d2 + GRAM[1, 1] * d2**2
    )


def constrained_minimum(boundary):
    """The point of the boundary (2, m) with the smallest loss: the
    constrained solution, since the loss grows away from w_ols."""
    values = loss(*boundary)
    return boundary[:, np.argmin(values)], values.min()


def draw():
    angle = np.linspace(0, 2 * np.pi, 8001)
    circle = BUDGET * np.array([np.cos(angle), np.sin(angle)])
    # |w1| + |w2| = BUDGET: unit-circle points divided by their L1 norm
    unit = np.array([np.cos(angle), np.sin(angle)])
    diamond = BUDGET * unit / np.abs(unit).sum(axis=0)

    w1, w2 = np.meshgrid(
        np.linspace(-1.6, 3.2, 200), np.linspace(-1.6, 2.4, 200)
    )
    surface = loss(w1, w2)

    fig, axes = new_figure(1, 2, figsize=(6.4, 3.6), sharey=True)
    for ax, shape, name in zip(axes, (circle, diamond), ("L2", "L1")):
        point, level = constrained_minimum(shape)
        levels = sorted({level * f for f in (0.25, 1.0, 2.2, 4.0)})
        levels = [v for v in levels if v > 0.02]
        ax.contour(
            w1,
            w2,
            surface,
            levels=levels,
            colors=COLORS["grey"],
            linewidths=1.0,
        )
        ax.contour(
            w1,
            w2,
            surface,
            levels=[level],
            colors=COLORS["black"],
            linewidths=1.6,
        )
        ax.fill(*shape, color=COLORS["sky"], alpha=0.35, linewidth=0)
        ax.plot(*shape, color=COLORS["blue"], linewidth=2)
        ax.plot(*W_OLS, "x", color=COLORS["black"], markersize=9, mew=2.2)
        ax.plot(
            *point,
            "o",
            color=COLORS["orange"],
            markersize=9,
            markeredgecolor=COLORS["black"],
            zorder=5,
        )
        ax.axhline(0, color=COLORS["grey"], linewidth=0.8)
        ax.axvline(0, color=COLORS["grey"], linewidth=0.8)
        ax.set(
            xlim=(-1.6, 3.2),
            ylim=(-1.6, 2.4),
            aspect="equal",
            xlabel="weight w1",
            xticks=[-1, 0, 1, 2, 3],
        )
        ax.set_title(f"{name}: w = ({point[0]:.2f}, {abs(point[1]):.2f})")
    axes[0].set_ylabel("weight w2")
    for ax in axes:
        ax.text(
            W_OLS[0],
            W_OLS[1] + 0.18,
            "least squares",
            ha="center",
            va="bottom",
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.0},
        )
    axes[1].annotate(
        "w2 = 0",
        (BUDGET, 0),
        xytext=(0.9, -1.25),
        arrowprops={"arrowstyle": "->", "color": COLORS["black"]},
    )
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)

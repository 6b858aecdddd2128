"""The gradient points uphill, across the contours
=================================================

Contour lines of the mean squared error of a straight line through three
points, (1, 2), (2, 3) and (3, 5), over the slope w (horizontal axis, from
-1 to 4) and the intercept b (vertical axis, from -2.5 to 3). The contours
are tilted ellipses around the minimum, marked with a star at w = 1.5,
b = 0.33. Black arrows of equal length at a grid of points show the
direction of the gradient, the direction of steepest ascent: each crosses
the contours at a right angle and points away from the bottom of the bowl.
An orange arrow at w = 1, b = 0 shows the gradient worked out by hand on the
page, (-6, -2.67), scaled down, and a dashed orange arrow its opposite, the
downhill step.
"""

# %%
import numpy as np

from skratch.figures import COLORS, new_figure, save_cli

x = np.array([1.0, 2.0, 3.0])
y = np.array([2.0, 3.0, 5.0])


def loss_and_gradient(w, b):
    # Arrays of w and b work too: broadcast over a trailing axis of points.
    residual = y - (w[..., None] * x + b[..., None])
    loss = np.mean(residual**2, axis=-1)
    grad_w = -2 * np.mean(residual * x, axis=-1)
    grad_b = -2 * np.mean(residual, axis=-1)
    return loss, grad_w, grad_b


def draw():
    w_grid, b_grid = np.meshgrid(
        np.linspace(-1, 4, 200), np.linspace(-2.5, 3.0, 200)
    )
    loss, _, _ = loss_and_gradient(w_grid, b_grid)
    fig, ax = new_figure(figsize=(6.4, 5.2))
    levels = [0.25, 1, 2, 4, 8, 16]
    contours = ax.contour(
        w_grid, b_grid, loss, levels=levels, colors=COLORS["blue"]
    )
    ax.clabel(contours, fmt="%g")

    # %%
    # Gradient directions on a coarse grid, all drawn at the same length.
    w_arrows, b_arrows = np.meshgrid(
        np.linspace(-0.5, 3.5, 5), np.linspace(-2, 2.5, 4)
    )
    _, gw, gb = loss_and_gradient(w_arrows, b_arrows)
    length = 0.45 / np.hypot(gw, gb)
    ax.quiver(
        w_arrows,
        b_arrows,
        length * gw,
        length * gb,
        angles="xy",
        scale_units="xy",
        scale=1,
        width=0.006,
        color=COLORS["black"],
    )
    _, gw, gb = loss_and_gradient(np.array(1.0), np.array(0.0))
    for sign, style in ((1, "-"), (-1, "--")):
        ax.annotate(
            "",
            xy=(1 + sign * 0.1 * gw, sign * 0.1 * gb),
            xytext=(1, 0),
            arrowprops={
                "arrowstyle": "-|>",
                "color": COLORS["orange"],
                "linewidth": 2.5,
                "linestyle": style,
            },
        )
    ax.plot(1.5, 1 / 3, "*", color=COLORS["black"], markersize=14)
    ax.set(
        xlim=(-1, 4),
        ylim=(-2.5, 3.0),
        aspect="equal",
        xlabel="slope w",
        ylabel="intercept b",
        title="Gradients cross the contours at right angles",
    )
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)

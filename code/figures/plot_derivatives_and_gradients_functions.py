"""The four functions of the course and their derivatives
=======================================================

Four panels, each with a function as a solid blue curve and its derivative
as a dashed orange curve. Top left, the square x squared and its derivative
2x, a straight line through the origin. Top right, the exponential e to the
x, which is its own derivative, so the two curves coincide. Bottom left, the
logarithm log x for positive x and its derivative 1 over x, large near 0 and
fading towards 0. Bottom right, the sigmoid, an S-shaped curve from 0 to 1,
and its derivative sigma times one minus sigma, a bump that peaks at 0.25
at z = 0.
"""

# %%
import numpy as np

from skratch.figures import COLORS, new_figure, save_cli


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def draw():
    fig, axes = new_figure(2, 2, figsize=(6.4, 5.6))
    x = np.linspace(-2, 2, 200)
    positive = np.linspace(0.2, 4, 200)
    z = np.linspace(-6, 6, 200)
    panels = [
        (x, x**2, 2 * x, "$x^2$ and $2x$"),
        (x, np.exp(x), np.exp(x), "$e^x$ and $e^x$"),
        (positive, np.log(positive), 1 / positive, r"$\log x$ and $1/x$"),
        (
            z,
            sigmoid(z),
            sigmoid(z) * (1 - sigmoid(z)),
            r"$\sigma(z)$ and $\sigma(1 - \sigma)$",
        ),
    ]
    for ax, (grid, f, df, title) in zip(axes.ravel(), panels):
        ax.plot(grid, f, color=COLORS["blue"], linewidth=2.5)
        ax.plot(
            grid, df, color=COLORS["orange"], linewidth=2.5, linestyle="--"
        )
        ax.set_title(title)
    axes[1, 0].set_ylim(-1.6, 5.2)
    fig.suptitle("solid: the function, dashed: its derivative")
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)

"""The loss surface of a line, and the way downhill
=================================================

Two panels about the mean squared error of the line tip = w x + b on sixty
restaurant bills, where x is the bill minus the average bill, in tens of
dollars. On the left, the error drawn as a 3D surface over the slope w and
the intercept b: a smooth bowl with a single lowest point. On the right, the
same bowl seen from above as contour lines (ellipses, narrower along w than
along b), with small arrows showing the negative gradient, the steepest way
downhill, at a grid of points: every arrow points down the slope across the
contours, and they all lead towards the minimum, marked with a red cross.
"""

# %%
import numpy as np

from skratch.datasets import make_tips
from skratch.figures import COLORS, new_figure, save_cli
from skratch.linear_model import LinearRegression


def tips_centred():
    """The unit's data: bills minus their average, in tens of dollars, and
    the tips."""
    X, y = make_tips(n_samples=60, random_state=0)
    x = (X[:, 0] - X[:, 0].mean()) / 10
    return x, y


def mse_grid(x, y, w_grid, b_grid):
    # MSE(w, b) = mean_i (y_i - w x_i - b)^2 for every grid point at once.
    residuals = y[None, None, :] - (
        w_grid[..., None] * x[None, None, :] + b_grid[..., None]
    )
    return np.mean(residuals**2, axis=-1)


def draw():
    x, y = tips_centred()
    exact = LinearRegression().fit(x[:, None], y)
    w_grid, b_grid = np.meshgrid(
        np.linspace(-2.5, 5.5, 80), np.linspace(-0.5, 12.5, 80)
    )
    loss = mse_grid(x, y, w_grid, b_grid)

    fig = new_figure(figsize=(6.4, 3.6))[0]
    fig.clear()
    left = fig.add_subplot(1, 2, 1, projection="3d")
    left.plot_surface(
        w_grid,
        b_grid,
        loss,
        cmap="viridis",
        linewidth=0,
        antialiased=True,
        alpha=0.9,
    )
    # The title names the vertical axis: a z label would fall off the
    # figure's left edge.
    left.set(
        xlabel="slope w",
        ylabel="intercept b",
        title="the loss surface:\nMSE is a bowl",
    )
    left.view_init(elev=28, azim=-125)
    # Few ticks: in a half-width panel, the 3D axes' default ticks run into
    # each other.
    left.set(xticks=[-2, 2, 6], yticks=[0, 6, 12], zticks=[0, 40, 80])
    left.tick_params(pad=0)

    # %%
    # The negative gradient, -dL/dw = (2/n) sum r_i x_i and -db = (2/n) sum
    # r_i, on a coarse grid.
    right = fig.add_subplot(1, 2, 2)
    right.contour(
        w_grid,
        b_grid,
        loss,
        levels=np.geomspace(0.7, 60, 12),
        cmap="viridis",
        linewidths=0.9,
    )
    wq, bq = np.meshgrid(np.linspace(-2, 5, 8), np.linspace(0.5, 11.5, 8))
    residuals = y[None, None, :] - (
        wq[..., None] * x[None, None, :] + bq[..., None]
    )
    down_w = 2 * np.mean(residuals * x, axis=-1)
    down_b = 2 * np.mean(residuals, axis=-1)
    length = np.hypot(down_w, down_b)
    right.quiver(
        wq,
        bq,
        down_w / length,
        down_b / length,
        color=COLORS["grey"],
        width=0.006,
        scale=14,
    )
    right.plot(
        exact.coef_[0],
        exact.intercept_,
        marker="x",
        color=COLORS["red"],
        markersize=11,
        mew=2.5,
    )
    right.set(
        xlabel="slope w",
        ylabel="intercept b",
        title="from above: arrows\npoint downhill",
    )
    right.grid(False)
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)

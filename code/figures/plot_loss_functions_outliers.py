"""Least squares against Huber on data with outliers
=================================================

Forty points scattered around the line y = 2x + 1 (x from 0 to 10), four of
them outliers far below the others at the right (marked by crosses). The
least-squares line (linear regression, squared error) is dragged down
towards the outliers: it is too flat and misses the clean points on the
right. The Huber line follows the clean points, almost on top of the true
line, drawn thin and grey.
"""

# %%
import numpy as np

from skratch.figures import COLORS, MARKERS, new_figure, save_cli
from skratch.linear_model import HuberRegressor, LinearRegression


def make_outlier_data(random_state=0):
    """Points around y = 2x + 1, the four largest x pushed 25 below."""
    rng = np.random.default_rng(random_state)
    x = np.sort(rng.uniform(0, 10, size=40))
    y = 2 * x + 1 + rng.normal(0, 1, size=40)
    y[-4:] -= 25  # four outliers, all on one side
    return x[:, None], y


def draw():
    X, y = make_outlier_data()
    ols = LinearRegression().fit(X, y)
    huber = HuberRegressor().fit(X, y)
    fig, ax = new_figure(figsize=(6.4, 4.2))
    clean = np.ones(len(y), dtype=bool)
    clean[-4:] = False
    ax.scatter(
        X[clean, 0],
        y[clean],
        marker=MARKERS[0],
        color=COLORS["blue"],
        label="clean points",
    )
    ax.scatter(
        X[~clean, 0],
        y[~clean],
        marker="X",
        s=70,
        color=COLORS["red"],
        label="outliers",
    )
    xs = np.array([0, 10])
    ax.plot(xs, 2 * xs + 1, color=COLORS["grey"], lw=1, label="true line")
    ax.plot(
        xs,
        ols.predict(xs[:, None]),
        color=COLORS["orange"],
        lw=2.5,
        ls="--",
        label="least squares",
    )
    ax.plot(
        xs,
        huber.predict(xs[:, None]),
        color=COLORS["green"],
        lw=2.5,
        label="Huber",
    )
    ax.set(xlabel="x", ylabel="y", ylim=(-12, 26))
    ax.legend(loc="upper left", frameon=False)
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)

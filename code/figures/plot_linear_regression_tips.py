"""The best straight line through sixty restaurant bills
=========================================================

A scatter plot of sixty restaurant bills (horizontal axis, in dollars)
against the tip left on each (vertical axis, in dollars). The points rise
from about $2 to about $10 as the bill grows. A straight line, fitted by
least squares, runs through the middle of the cloud, and a thin vertical
segment joins each point to the line: that segment is the point's residual,
the error the line makes on it.
"""

# %%
from skratch.datasets import make_tips
from skratch.figures import COLORS, new_figure, save_cli
from skratch.linear_model import LinearRegression


def draw():
    # Sixty bills and tips from the course's generator: the same data as the
    # unit.
    X, y = make_tips(n_samples=60, random_state=0)
    model = LinearRegression().fit(X, y)
    y_hat = model.predict(X)

    # %%
    # The residuals first, so the points sit on top of them.
    fig, ax = new_figure()
    ax.vlines(
        X[:, 0],
        y,
        y_hat,
        color=COLORS["grey"],
        linewidth=0.8,
        label="residual",
    )
    ax.scatter(
        X[:, 0],
        y,
        s=22,
        color=COLORS["orange"],
        edgecolor="white",
        linewidth=0.5,
        zorder=3,
        label="a bill and its tip",
    )
    grid = [[5.0], [62.0]]
    ax.plot(
        [g[0] for g in grid],
        model.predict(grid),
        color=COLORS["blue"],
        linewidth=2.5,
        label=f"tip = {model.coef_[0]:.3f} x bill + {model.intercept_:.2f}",
    )
    ax.set(
        xlabel="bill ($)",
        ylabel="tip ($)",
        xlim=(5, 62),
        title="Least squares: the line with the smallest squared residuals",
    )
    ax.legend(loc="upper left")
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)

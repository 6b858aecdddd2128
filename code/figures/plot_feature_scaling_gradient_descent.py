"""Gradient descent on raw and on standardised features
=======================================================

Two contour plots of the mean squared error of a linear model of flat rents
with two features, floor area (square metres) and distance to the centre
(kilometres), as a
function of the two weights (horizontal axis: the weight of the first
feature, vertical axis: the weight of the second). The orange line with dots
is the path of 40 gradient-descent steps from zero, each with the largest
safe learning rate halved; a cross marks the minimum. On the left, with the
raw features, the contours are long thin ellipses: the path drops into the
valley in one step, then crawls down it in tiny steps and after 40 of them
still stops well short of the minimum. On the right, with standardised
features, the contours are close to circles and the path reaches the
minimum in two or three steps.
"""

# %%
import numpy as np

from skratch.figures import COLORS, new_figure, save_cli
from skratch.linear_model import LinearRegression
from skratch.preprocessing import StandardScaler

N_STEPS = 40


def make_flats(n_samples=200, seed=0):
    """Floor area, distance and rent of n flats, centred on their means."""
    rng = np.random.default_rng(seed)
    area = np.clip(rng.normal(70, 25, n_samples), 20, 180)
    distance = rng.uniform(0.5, 15, n_samples)
    rent = 300 + 9 * area - 25 * distance + rng.normal(0, 60, n_samples)
    X = np.column_stack([area, distance])
    return X - X.mean(axis=0), rent - rent.mean()


def descend(X, y):
    """The weights after each of N_STEPS steps, at half the safe rate."""
    # The loss (1/n)||Xw - y||^2 has curvatures 2 * eig(X^T X / n); steps
    # converge when learning_rate < 2 / h_max.
    h_max = 2 * np.linalg.eigvalsh(X.T @ X / len(X)).max()
    model = LinearRegression(
        solver="gd",
        fit_intercept=False,
        learning_rate=1 / h_max,
        max_iter=N_STEPS,
        tol=0.0,
    )
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # 40 steps are not convergence
        model.fit(X, y)
    return model.coef_path_, np.linalg.lstsq(X, y, rcond=None)[0]


def draw():
    X, y = make_flats()
    Z = StandardScaler().fit_transform(X)
    fig, axes = new_figure(1, 2, figsize=(6.4, 3.6))
    for ax, data, title, names in [
        (axes[0], X, "raw features", ("area", "distance")),
        (axes[1], Z, "standardised", ("area (std)", "distance (std)")),
    ]:
        path, best = descend(data, y)
        low = np.minimum(best, 0) * 1.3 - 0.15 * np.abs(best).max()
        high = np.maximum(best, 0) * 1.3 + 0.15 * np.abs(best).max()
        w1, w2 = np.meshgrid(
            np.linspace(low[0], high[0], 200),
            np.linspace(low[1], high[1], 200),
        )
        W = np.stack([w1.ravel(), w2.ravel()])  # (2, 40000)
        loss = np.mean((data @ W - y[:, None]) ** 2, axis=0)
        lowest = np.mean((data @ best - y) ** 2)
        ax.contour(
            w1,
            w2,
            loss.reshape(w1.shape),
            levels=lowest * np.geomspace(1.05, 60, 9),
            colors=COLORS["grey"],
            linewidths=0.8,
        )
        ax.plot(
            *path.T,
            "-o",
            color=COLORS["orange"],
            markersize=3,
            linewidth=1.4,
        )
        ax.plot(*best, "X", color=COLORS["black"], markersize=10)
        ax.set(
            title=f"{title}: {N_STEPS} steps",
            xlabel=f"weight of {names[0]}",
            ylabel=f"weight of {names[1]}",
        )
        ax.grid(False)
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)

"""Final loss against learning rate, for four optimisers
=======================================================

One panel, with the learning rate on a log scale from 0.0001 to 10
(horizontal) and the log-loss after 100 full-batch steps of a logistic
regression (vertical, log scale) on 200 seeded points whose two features
differ in scale by a factor of 10. One curve per optimiser: plain gradient
descent (blue circles), momentum 0.9 (orange triangles), RMSprop (green
squares) and Adam (purple diamonds). Each curve is a valley: too small a
rate leaves the loss high (the dotted line is the starting loss log 2),
too large a rate makes the
loss jump up. The best rate of each optimiser is marked by a large star
of its colour (RMSprop's and Adam's coincide, at 0.18). All four reach
about the same lowest loss, near 0.09, but at best rates that differ by a
factor of more than 10: about 0.1 for momentum, 0.18 for RMSprop and Adam,
1.8 for plain gradient descent. Adam's curve has the widest flat bottom.
"""

# %%
import numpy as np

from skratch.figures import COLORS, new_figure, save_cli
from skratch.figures.plot_optimisers_valley import STYLE, trajectory
from skratch.optim import SGD, Adam, RMSprop

RATES = np.geomspace(1e-4, 10, 21)
N_STEPS = 100
MAKERS = {
    "SGD": (SGD, {}),
    "momentum": (SGD, {"momentum": 0.9}),
    "RMSprop": (RMSprop, {}),
    "Adam": (Adam, {}),
}


def two_scales(n=200, seed=0):
    """Two classes in 2-d; feature 2 is ten times larger than feature 1."""
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 2, n)
    X = rng.normal(size=(n, 2)) + 1.2 * (2 * y[:, None] - 1)
    X[:, 1] *= 10.0
    return np.column_stack([X, np.ones(n)]), y


def log_loss(X, y):
    """A function of the weights giving the mean log-loss and gradient."""

    def loss(w):
        z = X @ w
        # log(1 + e^z) - y z, computed without overflow
        value = np.mean(np.logaddexp(0.0, z) - y * z)
        p = 0.5 * (1 + np.tanh(z / 2))  # the sigmoid, stable
        return value, X.T @ (p - y) / len(y)

    return loss


def sweep(rates=RATES, n_steps=N_STEPS):
    """The final loss of each optimiser at each rate (dict of arrays)."""
    X, y = two_scales()
    loss = log_loss(X, y)
    finals = {}
    for name, (make, options) in MAKERS.items():
        values = []
        for rate in rates:
            path = trajectory(
                make, {"lr": rate, **options}, loss, np.zeros(3), n_steps
            )
            values.append(loss(path[-1])[0])
        finals[name] = np.array(values)
    return finals


def draw():
    finals = sweep()

    # %%
    fig, ax = new_figure(figsize=(6.4, 4.4))
    for name, values in finals.items():
        colour, marker = STYLE[name]
        ax.plot(
            RATES,
            values,
            "-",
            color=colour,
            marker=marker,
            markersize=6,
            linewidth=1.6,
            label=name,
        )
        best = np.argmin(values)
        ax.plot(
            RATES[best],
            values[best],
            "*",
            color=colour,
            markersize=20,
            markeredgecolor=COLORS["black"],
            zorder=5,
        )
    ax.axhline(np.log(2), color=COLORS["grey"], linewidth=1, linestyle=":")
    ax.set(
        xscale="log",
        yscale="log",
        xlabel="learning rate",
        ylabel="log-loss after 100 steps",
    )
    ax.set_title("logistic regression: the rate sweep (stars: best)")
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)

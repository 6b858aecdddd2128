"""Gaussian class densities and the posterior they give
========================================================

Two panels stacked. Top: two bell curves over one feature, the density of
class 0 (blue, centred near 0) and of class 1 (orange, centred near 1.5),
each already multiplied by its prior. Bottom: the posterior probability of
class 1, an S-shaped curve rising from near 0 on the left to near 1 on the
right, crossing one half where the two weighted curves above cross.
"""

# %%
import numpy as np

from skratch.figures import COLORS, new_figure, save_cli
from skratch.naive_bayes import GaussianNB


def draw():
    # The same seeded blobs as the unit, first feature only.
    rng = np.random.default_rng(0)
    y = rng.integers(0, 2, size=200)
    X = rng.normal(size=(200, 2)) + np.where(y[:, None] == 1, 1.5, 0.0)
    model = GaussianNB().fit(X[:, :1], y)
    grid = np.linspace(-3.5, 5.0, 400)[:, None]
    fig, (top, bottom) = new_figure(
        nrows=2, sharex=True, figsize=(6.4, 5.2)
    )
    for c, colour in zip([0, 1], [COLORS["blue"], COLORS["orange"]]):
        mu, var = model.theta_[c, 0], model.var_[c, 0]
        density = np.exp(-((grid[:, 0] - mu) ** 2) / (2 * var))
        density /= np.sqrt(2 * np.pi * var)
        top.plot(
            grid[:, 0],
            model.class_prior_[c] * density,
            color=colour,
            linewidth=2.5,
            linestyle="-" if c == 0 else "--",
            label=f"class {c}",
        )
    top.set(ylabel="P(c) p(x | c)", title="Weighted class densities")
    top.legend(loc="upper right")
    bottom.plot(
        grid[:, 0],
        model.predict_proba(grid)[:, 1],
        color=COLORS["orange"],
        linewidth=2.5,
    )
    bottom.axhline(0.5, color=COLORS["grey"], linewidth=0.8)
    bottom.set(
        xlabel="feature x", ylabel="P(class 1 | x)", ylim=(-0.05, 1.05)
    )
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)

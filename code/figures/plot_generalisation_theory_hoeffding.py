"""Hoeffding's bound against simulated coin flips
==================================================

A log-scale plot of a probability (vertical axis) against the number of
coin flips n, from 1 to 200 (horizontal axis), for a fair coin and a
deviation of 0.1. The blue line is Hoeffding's bound 2 exp(-2 n 0.1^2); it
starts above 1, where it says nothing, and falls in a straight line on the
log scale. The orange dots are the measured fraction of 20,000 simulated
samples whose share of heads lies at least 0.1 from one half; they fall
faster than the line and stay under it at every n. The grey line, the exact
binomial probability, runs through the dots.
"""

# %%
import numpy as np
from scipy.stats import binom

from skratch.figures import COLORS, new_figure, save_cli

THETA, EPSILON, N_MAX, N_REPEATS = 0.5, 0.1, 200, 20_000


def simulate(random_state=0):
    """Tail frequency P(|mean - theta| >= epsilon) for n = 1..N_MAX."""
    rng = np.random.default_rng(random_state)
    # All repetitions in one array; the first n columns are a sample of n.
    flips = rng.random((N_REPEATS, N_MAX)) < THETA  # (repeats, N_MAX)
    n = np.arange(1, N_MAX + 1)
    means = np.cumsum(flips, axis=1) / n  # (repeats, N_MAX)
    # 1e-9 keeps 0.6 - 0.5 (0.09999...) on the right side of epsilon.
    far = np.abs(means - THETA) >= EPSILON - 1e-9
    return n, far.mean(axis=0)


def exact_tail(n):
    """The binomial probability of at least epsilon from theta."""
    low = np.floor(n * (THETA - EPSILON) + 1e-9)
    high = np.ceil(n * (THETA + EPSILON) - 1e-9)
    return binom.cdf(low, n, THETA) + binom.sf(high - 1, n, THETA)


def draw():
    n, measured = simulate()
    bound = 2 * np.exp(-2 * n * EPSILON**2)

    # %%
    fig, ax = new_figure()
    ax.plot(
        n,
        bound,
        color=COLORS["blue"],
        linewidth=2.5,
        label="Hoeffding: $2e^{-2n\\epsilon^2}$",
    )
    ax.plot(
        n,
        exact_tail(n),
        color=COLORS["grey"],
        linewidth=1,
        label="exact binomial",
    )
    ax.plot(
        n,
        measured,
        "o",
        markersize=3,
        color=COLORS["orange"],
        label="measured, 20,000 samples",
    )
    ax.set_yscale("log")
    ax.set(
        xlabel="number of flips n",
        ylabel=r"$P(|\bar{Z} - \theta| \geq 0.1)$",
        xlim=(0, N_MAX),
        ylim=(1e-3, 3),
        title="A fair coin: the bound sits above the measurement",
    )
    ax.legend(loc="lower left")
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)

"""The worst gap over a finite class against its bound
========================================================

A log-log plot of the gap between true and training error (vertical axis)
against the training-set size n, from 10 to 2,000 (horizontal axis), for
21 threshold classifiers on one-dimensional data whose true errors are
known exactly. For each of 2,000 simulated training sets the largest gap
over the 21 classifiers is measured; the orange dots are the 95th
percentile of that worst gap and the green squares its average. The blue
line is the bound sqrt(log(2 x 21 / 0.05) / (2n)), which the theory says
the worst gap stays under on 95% of training sets. All three fall like one
over the square root of n, the bound about one and a half times
above the measured percentile.
"""

# %%
import numpy as np

from skratch.figures import COLORS, new_figure, save_cli

THRESHOLDS = np.linspace(0, 1, 21)  # the class H: f_tau(x) = 1[x >= tau]
TARGET, NOISE, DELTA, N_REPEATS = 0.3, 0.1, 0.05, 2000
SIZES = np.array([10, 20, 50, 100, 200, 500, 1000, 2000])


def true_risk(tau):
    """R(f_tau) for x ~ U(0, 1), y = 1[x >= 0.3] flipped with prob. 0.1."""
    # Wrong with probability 0.9 between tau and the target, 0.1 elsewhere.
    return NOISE + (1 - 2 * NOISE) * np.abs(tau - TARGET)


def worst_gaps(n, rng):
    """max over H of |R(f) - R_hat(f)| on N_REPEATS training sets of n."""
    x = rng.random((N_REPEATS, n))
    y = (x >= TARGET) ^ (rng.random((N_REPEATS, n)) < NOISE)
    predictions = x[:, :, None] >= THRESHOLDS  # (repeats, n, |H|)
    train_risk = (predictions != y[:, :, None]).mean(axis=1)
    return np.abs(train_risk - true_risk(THRESHOLDS)).max(axis=1)


def simulate(random_state=0):
    rng = np.random.default_rng(random_state)
    return np.array([worst_gaps(n, rng) for n in SIZES])  # (sizes, reps)


def bound(n):
    return np.sqrt(np.log(2 * len(THRESHOLDS) / DELTA) / (2 * n))


def draw():
    gaps = simulate()

    # %%
    fig, ax = new_figure()
    grid = np.geomspace(SIZES[0], SIZES[-1], 100)
    ax.plot(
        grid,
        bound(grid),
        color=COLORS["blue"],
        linewidth=2.5,
        label="bound, $\\delta = 0.05$",
    )
    ax.plot(
        SIZES,
        np.quantile(gaps, 1 - DELTA, axis=1),
        "o-",
        color=COLORS["orange"],
        label="worst gap, 95th percentile",
    )
    ax.plot(
        SIZES,
        gaps.mean(axis=1),
        "s--",
        color=COLORS["green"],
        label="worst gap, average",
    )
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set(
        xlabel="training-set size n",
        ylabel=r"$\max_f\ |R(f) - \widehat{R}_n(f)|$",
        ylim=(0.008, 1),
        title="21 thresholds: the uniform bound holds",
    )
    ax.legend(loc="upper right")
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)

"""Restarts: the final inertia of 100 runs from each kind of start
=================================================================

A strip plot of the inertia k-means ends with, for 100 seeds and three
ways of starting, on 450 points in nine round blobs on a three-by-three
grid, with nine centroids. Each dot is one run, jittered up and down
within its row. Top row (blue circles): one run from nine data points
drawn at random; 39 dots sit at or within two of the best value, about
837, 54 between 1285 and 1415 and seven above 1800: local optima where
some blobs have two centroids and some pairs of blobs share one. Middle
row (orange triangles): one run from k-means++ seeding; 95 dots at or
within two of the best value, five near 1300 to 1400. Bottom row (green
squares): the best of ten random starts, scikit-learn's default for
init="random"; every dot is at or within two of the best value. The
dashed vertical line marks the lowest inertia found.
"""

# %%
import numpy as np

from skratch.cluster import KMeans
from skratch.figures import COLORS, MARKERS, new_figure, save_cli

N_SEEDS = 100


def make_data():
    # Nine round blobs of 50 points on a 3 x 3 grid: the data of the unit.
    rng = np.random.default_rng(1)
    grid = np.array([[x, y] for x in (0, 5, 10) for y in (0, 5, 10)])
    return np.concatenate([m + rng.standard_normal((50, 2)) for m in grid])


def final_inertias(X):
    """{start: inertia of N_SEEDS runs}: random, k-means++, best of 10."""
    runs = {
        "random": dict(init="random", n_init=1),
        "k-means++": dict(init="k-means++", n_init=1),
        "best of 10 random": dict(init="random", n_init=10),
    }
    return {
        name: np.array(
            [
                KMeans(9, random_state=seed, **kw).fit(X).inertia_
                for seed in range(N_SEEDS)
            ]
        )
        for name, kw in runs.items()
    }


def draw():
    X = make_data()
    results = final_inertias(X)
    best = min(r.min() for r in results.values())
    jitter = np.random.default_rng(0).uniform(-0.25, 0.25, N_SEEDS)

    # %%
    fig, ax = new_figure(figsize=(6.4, 3.8))
    colors = [COLORS[c] for c in ("blue", "orange", "green")]
    names = list(results)
    for row, name in enumerate(names):
        ax.plot(
            results[name],
            -row + jitter,
            MARKERS[row],
            color=colors[row],
            markersize=6,
            alpha=0.6,
            linestyle="none",
        )
    ax.axvline(best, color=COLORS["black"], linestyle="--", linewidth=1)
    ax.set_yticks([0, -1, -2], names)
    ax.set(xlabel="final inertia J (lower is better)", ylim=(-2.6, 0.6))
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)

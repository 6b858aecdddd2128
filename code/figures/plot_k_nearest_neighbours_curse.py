"""The curse of dimensionality, measured
========================================

The ratio of the distance from a query point to its nearest neighbour
over the distance to its farthest one (vertical axis, from 0 to 1),
against the number of features d (horizontal axis, logarithmic, from 1 to
1,000). For each d, 1,000 points and 100 query points are drawn, either
uniformly in the unit cube (blue circles) or from a standard Gaussian
(orange triangles); the markers give the ratio averaged over the queries.
In one or two dimensions the nearest point is far closer than the
farthest (ratio near 0); as d grows the ratio climbs towards 1 along both
curves: in a thousand dimensions every point is almost equally far from
the query, so "nearest" means little.
"""

# %%
import numpy as np

from skratch.figures import COLORS, MARKERS, new_figure, save_cli

DIMENSIONS = np.array([1, 2, 3, 5, 10, 20, 50, 100, 200, 500, 1000])


def distance_ratio(d, sampler, n_points=1000, n_queries=100):
    """Mean over queries of (nearest distance) / (farthest distance), for
    points and queries drawn by sampler(size) in d dimensions."""
    X = sampler(size=(n_points, d))
    Q = sampler(size=(n_queries, d))
    sq = (Q**2).sum(1)[:, None] - 2 * Q @ X.T + (X**2).sum(1)
    dist = np.sqrt(np.maximum(sq, 0))  # (n_queries, n_points)
    return np.mean(dist.min(axis=1) / dist.max(axis=1))


def ratios(random_state=0):
    """The ratio for each of DIMENSIONS: (uniform cube, Gaussian)."""
    rng = np.random.default_rng(random_state)
    uniform = [distance_ratio(d, rng.uniform) for d in DIMENSIONS]
    gauss = [distance_ratio(d, rng.standard_normal) for d in DIMENSIONS]
    return np.array(uniform), np.array(gauss)


def draw():
    uniform, gauss = ratios()
    fig, ax = new_figure(figsize=(6.4, 3.8))
    ax.plot(
        DIMENSIONS,
        uniform,
        "-" + MARKERS[0],
        color=COLORS["blue"],
        label="uniform in a cube",
    )
    ax.plot(
        DIMENSIONS,
        gauss,
        "--" + MARKERS[1],
        color=COLORS["orange"],
        label="Gaussian",
    )
    ax.set_xscale("log")
    ax.set(
        xlabel="number of features d",
        ylabel="nearest / farthest distance",
        ylim=(0, 1),
    )
    ax.legend(loc="upper left")
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)

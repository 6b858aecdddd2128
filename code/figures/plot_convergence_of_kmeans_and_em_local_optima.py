"""Where 200 random starts end
==============================

Two histograms, stacked. Top: the final k-means inertia (horizontal axis)
of 200 runs on 300 points in six blobs, each from its own start: six random
data points (blue) or k-means++ seeding (orange, hatched). There are two
groups of bars: the best inertia, about 204, which half of the random
starts and almost all k-means++ starts reach, and worse local optima from
about 544 to 960, most below 620, where two centres share a blob and one
centre covers two. Bottom: the final mean log-likelihood of EM for a mixture of
three Gaussians on 300 numbers, from 100 random starts: most runs end at
the highest value, a few end lower, at other local optima.
"""

# %%
import numpy as np
from scipy.special import logsumexp

from skratch.cluster import KMeans
from skratch.figures import COLORS, new_figure, save_cli


def kmeans_data():
    rng = np.random.default_rng(0)
    centres = np.array([[0, 0], [4, 0], [8, 0], [0, 4], [4, 4], [8, 4]])
    return np.concatenate(
        [c + 0.6 * rng.standard_normal((50, 2)) for c in centres]
    )


def em_data():
    rng = np.random.default_rng(0)
    return np.concatenate([rng.normal(m, 1.0, 100) for m in (-4, 0, 4)])


def em_many(x, n_starts=100, n_iter=80, K=3, seed=1):
    """EM from n_starts random starts at once; final mean log-lik."""
    rng = np.random.default_rng(seed)
    mu = x[
        np.array(
            [rng.choice(x.size, K, replace=False) for _ in range(n_starts)]
        )
    ]  # (S, K)
    var = np.full((n_starts, K), x.var())
    pi = np.full((n_starts, K), 1 / K)
    d = x[None, :, None]  # (1, n, 1)
    for _ in range(n_iter):
        joint = (
            np.log(pi)[:, None]
            - 0.5 * np.log(2 * np.pi * var)[:, None]
            - (d - mu[:, None]) ** 2 / (2 * var[:, None])
        )  # (S, n, K)
        log_px = logsumexp(joint, axis=2)  # (S, n)
        r = np.exp(joint - log_px[..., None])
        nk = r.sum(axis=1)  # (S, K)
        pi, mu = nk / x.size, (r * d).sum(axis=1) / nk
        var = (r * (d - mu[:, None]) ** 2).sum(axis=1) / nk
    return log_px.mean(axis=1)


def draw():
    X = kmeans_data()
    runs = {}
    for init in ("random", "k-means++"):
        runs[init] = np.array(
            [
                KMeans(6, init=init, n_init=1, random_state=s)
                .fit(X)
                .inertia_
                for s in range(200)
            ]
        )
    final = em_many(em_data())

    # %%
    fig, (top, bottom) = new_figure(2, 1, figsize=(6.4, 6.8))
    bins = np.linspace(190, 970, 53)
    top.hist(
        runs["random"],
        bins=bins,
        color=COLORS["blue"],
        alpha=0.8,
        label="random starts",
    )
    top.hist(
        runs["k-means++"],
        bins=bins,
        histtype="step",
        hatch="//",
        color=COLORS["orange"],
        linewidth=2,
        label="k-means++",
    )
    top.set(
        xlabel="final inertia J (lower is better)",
        ylabel="runs out of 200",
        title="k-means: local optima",
    )
    top.legend(loc="upper center")

    bottom.hist(final, bins=30, color=COLORS["green"])
    bottom.set(
        xlabel="final mean log-likelihood (higher is better)",
        ylabel="runs out of 100",
        title="EM: local optima",
    )
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)

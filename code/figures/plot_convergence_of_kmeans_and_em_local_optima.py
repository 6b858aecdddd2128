"""Where 200 random starts end
==============================

Two histograms, stacked. Top: the final k-means inertia (horizontal axis)
of 200 runs on 300 points in six blobs, each from its own start: six random
data points (blue) or k-means++ seeding (orange, hatched). There are two
groups of bars: the best inertia, about 204, which half of the random
starts and almost all k-means++ starts reach, and worse local optima from
about 544 to 960, all but one below 610, where two centres share a blob
and one centre covers two. Bottom: the final mean log-likelihood of EM for
a mixture of three Gaussians on 300 numbers, from 100 random starts, each
run until it stops improving. With narrow starting components (green) 85
runs reach the highest value, about -2.448, and 15 stop at two lower local
optima, about -2.53 and -2.51, where two components split one bump and a
wide one covers the other two. With components as wide as the data
(reddish purple, hatched) the same 100 starts all reach the highest value.
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
        [m + 0.6 * rng.standard_normal((50, 2)) for m in centres]
    )


def em_data():
    rng = np.random.default_rng(0)
    return np.concatenate([rng.normal(m, 1.0, 100) for m in (-4, 0, 4)])


def em_many(x, var0, n_starts=100, K=3, seed=1, tol=1e-8, max_iter=2000):
    """EM from n_starts random means at once, each run until an iteration
    raises its mean log-likelihood by less than tol; the final values."""
    rng = np.random.default_rng(seed)
    mu = x[
        np.array(
            [rng.choice(x.size, K, replace=False) for _ in range(n_starts)]
        )
    ]  # (S, K): the same starts as the unit's
    var = np.full((n_starts, K), var0)
    pi = np.full((n_starts, K), 1 / K)
    final = np.full(n_starts, -np.inf)
    run = np.arange(n_starts)  # the starts still improving
    d = x[None, :, None]  # (1, n, 1)
    for _ in range(max_iter):
        joint = (
            np.log(pi[run])[:, None]
            - 0.5 * np.log(2 * np.pi * var[run])[:, None]
            - (d - mu[run][:, None]) ** 2 / (2 * var[run][:, None])
        )  # (S, n, K)
        log_px = logsumexp(joint, axis=2)  # (S, n)
        log_lik = log_px.mean(axis=1)
        going = log_lik - final[run] >= tol
        final[run] = log_lik
        run, joint, log_px = run[going], joint[going], log_px[going]
        if run.size == 0:
            break
        r = np.exp(joint - log_px[..., None])
        nk = r.sum(axis=1)  # (S, K)
        pi[run], mu[run] = nk / x.size, (r * d).sum(axis=1) / nk
        var[run] = (r * (d - mu[run][:, None]) ** 2).sum(axis=1) / nk
    return final


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
    x = em_data()
    final = {
        "narrow": em_many(x, x.var() / 9),  # a third of the data's std
        "wide": em_many(x, x.var()),
    }

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

    bins = np.linspace(-2.535, -2.445, 31)
    bottom.hist(
        final["narrow"],
        bins=bins,
        color=COLORS["green"],
        alpha=0.8,
        label="narrow start",
    )
    bottom.hist(
        final["wide"],
        bins=bins,
        histtype="step",
        hatch="\\\\",
        color=COLORS["purple"],
        linewidth=2,
        label="wide start",
    )
    bottom.set(
        xlabel="final mean log-likelihood (higher is better)",
        ylabel="runs out of 100",
        title="EM: local optima",
    )
    bottom.legend(loc="upper center")
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)

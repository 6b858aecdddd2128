"""Choosing k: the elbow of the inertia and the peak of the silhouette
======================================================================

Two stacked panels for k-means on 400 points in four round blobs of
different spreads, fitted with K = 1 to 8 centroids (k-means++, ten starts
each). Top: the inertia J of the best run against K, circles joined by a
line. It falls steeply up to K = 4 and then flattens into a gentle slope:
the elbow at K = 4. Bottom: the mean silhouette against K (from K = 2; it
is undefined for one cluster), squares joined by a line. It peaks at
K = 4, marked by a dashed vertical line in both panels, and is lower for
more clusters, which split blobs in two (0.55 to 0.63).
"""

# %%
import numpy as np

from skratch.cluster import KMeans
from skratch.figures import COLORS, MARKERS, new_figure, save_cli
from skratch.metrics import silhouette_score

KS = np.arange(1, 9)


def make_data():
    # Four round blobs of 100 points with spreads 0.6 to 1.2.
    rng = np.random.default_rng(2)
    centres = np.array([[0.0, 0.0], [6.0, 1.0], [1.0, 6.0], [7.0, 7.0]])
    spreads = [0.6, 1.0, 0.8, 1.2]
    return np.concatenate(
        [
            m + s * rng.standard_normal((100, 2))
            for m, s in zip(centres, spreads)
        ]
    )


def scores(X):
    """Inertia for each k in KS, silhouette for each k >= 2 (nan at 1)."""
    inertias, silhouettes = [], []
    for k in KS:
        km = KMeans(k, n_init=10, random_state=0).fit(X)
        inertias.append(km.inertia_)
        silhouettes.append(
            silhouette_score(X, km.labels_) if k > 1 else np.nan
        )
    return np.array(inertias), np.array(silhouettes)


def draw():
    X = make_data()
    inertias, silhouettes = scores(X)
    best = KS[np.nanargmax(silhouettes)]

    # %%
    fig, (top, bottom) = new_figure(2, 1, figsize=(6.4, 5.6), sharex=True)
    top.plot(KS, inertias, MARKERS[0] + "-", color=COLORS["blue"])
    top.set(ylabel="inertia J")
    bottom.plot(
        KS[1:], silhouettes[1:], MARKERS[2] + "-", color=COLORS["orange"]
    )
    bottom.set(xlabel="number of clusters K", ylabel="mean silhouette")
    for ax in (top, bottom):
        ax.axvline(best, color=COLORS["black"], linestyle="--", linewidth=1)
    bottom.set_xticks(KS)
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)

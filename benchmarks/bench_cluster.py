"""Clustering: skratch.cluster vs sklearn.cluster (fit times).

KMeans: 10 features, 8 well-separated blobs, both sides start from the same 8 centres
(n_init=1), so they run the same Lloyd iterations. DBSCAN: 2 features, 5 blobs.
"""

import numpy as np
from sklearn import cluster as sk

from cases import Case
from skratch import cluster as sc


def blobs(n_samples, n_features=10, n_centres=8, seed=0):
    rng = np.random.default_rng(seed)
    centres = rng.normal(scale=3.0, size=(n_centres, n_features))
    return centres[rng.integers(n_centres, size=n_samples)] + rng.normal(size=(n_samples, n_features))


def kmeans_setup(n_samples):
    X = blobs(n_samples)
    init = X[np.random.default_rng(1).choice(n_samples, 8, replace=False)]
    ours = sc.KMeans(8, init=init, n_init=1)
    theirs = sk.KMeans(8, init=init, n_init=1)
    return (lambda: ours.fit(X)), (lambda: theirs.fit(X))


def dbscan_setup(n_samples):
    X = blobs(n_samples, n_features=2, n_centres=5)
    ours, theirs = sc.DBSCAN(eps=0.3, min_samples=10), sk.DBSCAN(eps=0.3, min_samples=10)
    return (lambda: ours.fit(X)), (lambda: theirs.fit(X))


CASES = [
    Case("KMeans fit", kmeans_setup, sizes=(10_000, 100_000), target=2.0,
         notes="10 features, 8 clusters, same init, n_init=1"),
    Case("DBSCAN fit", dbscan_setup, sizes=(2_000, 10_000), repeat=3,
         notes="2 features, eps=0.3, min_samples=10; kd-tree both sides"),
]

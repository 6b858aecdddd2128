"""Nearest neighbours: skratch.neighbors vs sklearn.neighbors (predict and query times)."""

import numpy as np
from sklearn import neighbors as sk

from cases import Case, classification_data, predict_pair
from skratch import neighbors as sc


def _kd_tree_query(n_samples):
    # A k-d tree pays off in low dimensions: 3 features, build on n, query n points.
    rng = np.random.default_rng(0)
    X, Q = rng.normal(size=(n_samples, 3)), rng.normal(size=(n_samples, 3))
    ours, theirs = sc.KDTree(X, leaf_size=30), sk.KDTree(X, leaf_size=30)
    return (lambda: ours.query(Q, k=5)), (lambda: theirs.query(Q, k=5))


CASES = [
    Case("KNeighborsClassifier predict",
         predict_pair(sc.KNeighborsClassifier(algorithm="brute"),
                      sk.KNeighborsClassifier(algorithm="brute"), classification_data),
         sizes=(1_000, 10_000), target=2.0,
         notes="brute force, k=5, fit and predict n x 20"),
    Case("KNeighborsRegressor predict",
         predict_pair(sc.KNeighborsRegressor(algorithm="brute", weights="distance"),
                      sk.KNeighborsRegressor(algorithm="brute", weights="distance"),
                      classification_data),
         sizes=(1_000, 10_000), notes="brute force, k=5, distance weights, n x 20"),
    Case("KDTree query", _kd_tree_query, sizes=(1_000, 10_000),
         notes="k=5, leaf_size=30, build and query n x 3"),
]

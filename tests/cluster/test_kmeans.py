"""Tests for KMeans, compared against sklearn.cluster.KMeans."""

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal
from sklearn.cluster import KMeans as SklearnKMeans
from sklearn.datasets import load_digits, load_iris, load_wine, make_blobs

from skratch.cluster import KMeans, kmeans_plusplus, kmeans_steps
from skratch.exceptions import ConvergenceWarning, NotFittedError

# Same initial centres, same Lloyd iterations: the only differences are the order of
# floating-point sums (NumPy here, Cython there), far below 1e-8.
RTOL = 1e-8
ATOL = 1e-8


def _datasets():
    blobs, _ = make_blobs(n_samples=300, centers=5, n_features=4, random_state=0)
    return {
        "iris": load_iris().data,
        "wine": load_wine().data,
        "digits": load_digits().data[:500],
        "blobs": blobs,
    }


DATASETS = _datasets()


@pytest.mark.parametrize("name", DATASETS)
@pytest.mark.parametrize("n_clusters", [3, 8])
def test_kmeans_same_init_matches_sklearn(name, n_clusters):
    """Check that from the same initial centres we reach sklearn's labels, centres and inertia."""
    X = DATASETS[name]
    rng = np.random.default_rng(n_clusters)
    init = X[rng.choice(len(X), n_clusters, replace=False)]
    ours = KMeans(n_clusters, init=init).fit(X)
    theirs = SklearnKMeans(n_clusters, init=init, n_init=1).fit(X)
    assert_array_equal(ours.labels_, theirs.labels_)
    assert_allclose(ours.cluster_centers_, theirs.cluster_centers_, rtol=RTOL, atol=ATOL)
    assert_allclose(ours.inertia_, theirs.inertia_, rtol=RTOL)
    assert ours.n_iter_ == theirs.n_iter_
    assert_allclose(ours.transform(X), theirs.transform(X), rtol=RTOL, atol=ATOL)
    assert_array_equal(ours.predict(X), theirs.predict(X))
    assert_allclose(ours.score(X), theirs.score(X), rtol=RTOL)


def test_kmeans_same_init_with_tol_zero_and_weights_matches_sklearn():
    """Check parity with sample weights and tol=0 (runs to strict convergence)."""
    X = DATASETS["wine"]
    weights = np.random.default_rng(0).uniform(0.5, 2.0, size=len(X))
    init = X[:4]
    ours = KMeans(4, init=init, tol=0).fit(X, sample_weight=weights)
    theirs = SklearnKMeans(4, init=init, n_init=1, tol=0).fit(X, sample_weight=weights)
    assert_array_equal(ours.labels_, theirs.labels_)
    assert_allclose(ours.cluster_centers_, theirs.cluster_centers_, rtol=RTOL, atol=ATOL)
    assert_allclose(ours.inertia_, theirs.inertia_, rtol=RTOL)


@pytest.mark.parametrize(
    "name, n_clusters", [("iris", 3), ("wine", 3), ("digits", 10), ("blobs", 5)]
)
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_kmeans_plusplus_inertia_close_to_sklearn(name, n_clusters, seed):
    """Check that k-means++ with n_init=10 reaches sklearn's inertia within 1%."""
    X = DATASETS[name]
    ours = KMeans(n_clusters, n_init=10, random_state=seed).fit(X)
    theirs = SklearnKMeans(n_clusters, n_init=10, random_state=seed).fit(X)
    assert ours.inertia_ <= 1.01 * theirs.inertia_


@pytest.mark.parametrize("seed", [0, 1])
def test_kmeans_random_init_inertia_close_to_sklearn(seed):
    """Check that init='random' (10 runs by default) reaches sklearn's inertia within 1%."""
    X = DATASETS["blobs"]
    ours = KMeans(5, init="random", random_state=seed).fit(X)
    theirs = SklearnKMeans(5, init="random", random_state=seed).fit(X)
    assert ours.inertia_ <= 1.01 * theirs.inertia_


def test_kmeans_labels_match_final_centres():
    """Check that labels_ are the nearest-centre labels of cluster_centers_ and inertia_ their cost."""
    X = DATASETS["digits"]
    km = KMeans(10, random_state=0, max_iter=3).fit(X)
    assert_array_equal(km.labels_, km.predict(X))
    assert_allclose(km.inertia_, -km.score(X), rtol=1e-10)


def test_kmeans_plusplus_picks_distinct_far_apart_samples():
    """Check that kmeans_plusplus returns rows of X, one per well-separated blob."""
    X, y = make_blobs(n_samples=200, centers=4, cluster_std=0.1, random_state=0)
    centers, indices = kmeans_plusplus(X, 4, random_state=0)
    assert_allclose(centers, X[indices])
    assert sorted(y[indices]) == [0, 1, 2, 3]


def test_kmeans_steps_replays_fit():
    """Check that kmeans_steps ends at fit's centres and that inertia never increases."""
    X = DATASETS["iris"]
    init = X[[0, 50, 100]]
    steps = kmeans_steps(X, init)
    km = KMeans(3, init=init, tol=0).fit(X)
    assert_allclose(steps[-1][0], km.cluster_centers_, rtol=1e-10)
    assert_array_equal(steps[-1][1], km.labels_)
    inertias = [np.sum((X - c[lab]) ** 2) for c, lab in steps]
    assert np.all(np.diff(inertias) <= 1e-9)


def test_kmeans_empty_cluster_relocated_like_sklearn():
    """Check that a centre with no sample moves to the farthest sample, as in sklearn."""
    X = np.array([[0.0], [1.0], [2.0], [10.0], [11.0], [30.0]])
    init = np.array([[0.0], [10.0], [100.0]])  # the third centre gets no sample
    ours = KMeans(3, init=init).fit(X)
    theirs = SklearnKMeans(3, init=init, n_init=1).fit(X)
    assert_allclose(ours.cluster_centers_, theirs.cluster_centers_, rtol=RTOL)
    assert_array_equal(ours.labels_, theirs.labels_)


def test_kmeans_duplicate_points_warn():
    """Check that fewer distinct points than clusters raises a ConvergenceWarning."""
    X = np.array([[0.0, 0.0]] * 4 + [[1.0, 1.0]] * 4)
    with pytest.warns(ConvergenceWarning, match=r"distinct clusters \(2\).*n_clusters \(3\)"):
        KMeans(3, random_state=0).fit(X)


def test_kmeans_explicit_init_with_n_init_warns():
    """Check that an init array with n_init > 1 warns and runs once."""
    X = DATASETS["iris"]
    with pytest.warns(RuntimeWarning, match="performing only one init"):
        KMeans(3, init=X[:3], n_init=5).fit(X)


def test_kmeans_fit_is_reproducible():
    """Check that the same random_state gives the same clustering."""
    X = DATASETS["wine"]
    a = KMeans(4, random_state=3).fit(X)
    b = KMeans(4, random_state=3).fit(X)
    assert_array_equal(a.labels_, b.labels_)


# Errors -------------------------------------------------------------------------


def test_kmeans_more_clusters_than_samples_raises():
    """Check that n_clusters greater than n_samples raises a ValueError naming both."""
    with pytest.raises(ValueError, match="n_samples=5 should be >= n_clusters=8"):
        KMeans(8).fit(np.zeros((5, 2)))


@pytest.mark.parametrize(
    "params, match",
    [
        ({"n_clusters": 0}, r"'n_clusters' parameter of KMeans must be an int in the range \[1, inf\). Got 0"),
        ({"init": "kmeans"}, r"'init' parameter of KMeans must be .* Got 'kmeans' instead"),
        ({"n_init": 0}, r"'n_init' parameter .* Got 0 instead"),
        ({"max_iter": 0}, r"'max_iter' parameter .* Got 0 instead"),
        ({"tol": -1.0}, r"'tol' parameter .* Got -1.0 instead"),
        ({"random_state": "seed"}, r"'random_state' parameter .* Got 'seed' instead"),
    ],
)
def test_kmeans_rejects_invalid_params(params, match):
    """Check that fit rejects invalid parameters with a message quoting the value."""
    with pytest.raises(ValueError, match=match):
        KMeans(**params).fit(DATASETS["iris"])


def test_kmeans_rejects_init_of_wrong_shape():
    """Check that an init array of the wrong shape raises a ValueError giving both shapes."""
    X = DATASETS["iris"]
    with pytest.raises(ValueError, match=r"initial centers \(2, 4\).*expected \(3, 4\)"):
        KMeans(3, init=X[:2]).fit(X)


@pytest.mark.parametrize(
    "X, match",
    [
        ([[1.0, np.nan], [2.0, 3.0]], "Input X contains NaN"),
        ([1.0, 2.0, 3.0], "Expected 2D array"),
    ],
)
def test_kmeans_rejects_invalid_data(X, match):
    """Check that fit rejects NaN and 1-D data."""
    with pytest.raises(ValueError, match=match):
        KMeans(1).fit(X)


def test_kmeans_rejects_bad_sample_weight():
    """Check that sample_weight of the wrong length raises a ValueError giving the shapes."""
    with pytest.raises(ValueError, match=r"sample_weight.shape == \(3,\), expected \(150,\)"):
        KMeans(3).fit(DATASETS["iris"], sample_weight=[1.0, 2.0, 3.0])


def test_kmeans_predict_before_fit_raises():
    """Check that predict before fit raises NotFittedError."""
    with pytest.raises(NotFittedError, match="KMeans instance is not fitted"):
        KMeans().predict([[0.0, 1.0]])


def test_kmeans_predict_rejects_wrong_feature_count():
    """Check that predict rejects X with a different number of features."""
    km = KMeans(3, random_state=0).fit(DATASETS["iris"])
    with pytest.raises(ValueError, match="X has 2 features, but KMeans is expecting 4"):
        km.predict(np.zeros((3, 2)))

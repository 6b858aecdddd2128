"""Tests for KDTree, compared against brute force and sklearn.neighbors.KDTree."""

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal
from sklearn.neighbors import KDTree as SklearnKDTree

from skratch.neighbors import KDTree
from skratch.neighbors._base import kneighbors_brute


def _data(n_samples=500, n_features=3, seed=0):
    return np.random.default_rng(seed).normal(size=(n_samples, n_features))


@pytest.mark.parametrize("p", [1, 2, 3, np.inf])
@pytest.mark.parametrize("leaf_size", [1, 7, 40])
@pytest.mark.parametrize("k", [1, 5])
def test_kd_tree_matches_brute_force_and_sklearn(p, leaf_size, k):
    """Check that the tree finds the same neighbours as brute force and scikit-learn."""
    X, Q = _data(), _data(200, seed=1)
    dist, ind = KDTree(X, leaf_size=leaf_size, p=p).query(Q, k=k)
    dist_brute, ind_brute = kneighbors_brute(X, Q, k, p)
    assert_array_equal(ind, ind_brute)
    assert_allclose(dist, dist_brute, rtol=1e-12)
    metric = "chebyshev" if np.isinf(p) else "minkowski"
    kwargs = {} if np.isinf(p) else {"p": p}
    dist_sk, ind_sk = SklearnKDTree(X, leaf_size=leaf_size, metric=metric, **kwargs).query(
        Q, k=k
    )
    assert_array_equal(ind, ind_sk)
    assert_allclose(dist, dist_sk, rtol=1e-12)


def test_kd_tree_structure():
    """Check that nodes split at the median of their widest coordinate."""
    X = _data(300, 4) * [1.0, 10.0, 0.1, 1.0]  # feature 1 is the widest
    tree = KDTree(X, leaf_size=10)
    assert tree.node_split_dim[0] == 1
    left, right = tree.node_children[0]
    left_points = X[tree.idx_array[tree.node_start[left] : tree.node_end[left]]]
    right_points = X[tree.idx_array[tree.node_start[right] : tree.node_end[right]]]
    assert len(left_points) == len(right_points) == 150
    assert left_points[:, 1].max() <= right_points[:, 1].min()
    leaves = tree.node_children[:, 0] == -1
    assert (tree.node_end[leaves] - tree.node_start[leaves]).max() <= 10
    assert_array_equal(np.sort(tree.idx_array), np.arange(300))


def test_kd_tree_return_distance_false_and_duplicates():
    """Check return_distance=False and that duplicate points are found at distance 0."""
    X = np.repeat(_data(50), 2, axis=0)  # every point twice
    tree = KDTree(X, leaf_size=3)
    ind = tree.query(X[:10], k=2, return_distance=False)
    assert_array_equal(ind, np.arange(10).reshape(5, 2).repeat(2, axis=0))
    dist, _ = tree.query(X[:10], k=2)
    assert_array_equal(dist, 0.0)


@pytest.mark.parametrize(
    "kwargs, match",
    [
        ({"leaf_size": 0}, r"'leaf_size' parameter of KDTree .* Got 0 instead"),
        ({"p": 0.5}, r"'p' parameter of KDTree .* Got 0.5 instead"),
    ],
)
def test_kd_tree_rejects_invalid_params(kwargs, match):
    """Check that a bad leaf_size or p is refused with the value quoted."""
    with pytest.raises(ValueError, match=match):
        KDTree(_data(), **kwargs)


def test_kd_tree_query_errors():
    """Check that bad queries (shape, k, NaN) are refused with a clear message."""
    tree = KDTree(_data(20))
    with pytest.raises(ValueError, match="X has 2 features, but KDTree is expecting 3"):
        tree.query(np.zeros((1, 2)))
    with pytest.raises(ValueError, match="got k=21 for 20 points"):
        tree.query(np.zeros((1, 3)), k=21)
    with pytest.raises(ValueError, match=r"'k' parameter of KDTree.query .* Got 0"):
        tree.query(np.zeros((1, 3)), k=0)
    with pytest.raises(ValueError, match="Input X contains NaN"):
        tree.query(np.full((1, 3), np.nan))


@pytest.mark.parametrize("p", [1, 2, np.inf])
@pytest.mark.parametrize("leaf_size", [1, 7, 40])
def test_kd_tree_query_radius_matches_sklearn(p, leaf_size):
    """Check that query_radius finds the same neighbours as scikit-learn."""
    X, Q = _data(), _data(200, seed=1)
    metric = "chebyshev" if np.isinf(p) else "minkowski"
    kwargs = {} if np.isinf(p) else {"p": p}
    ind, dist = KDTree(X, leaf_size=leaf_size, p=p).query_radius(
        Q, r=0.8, return_distance=True
    )
    ind_sk, dist_sk = SklearnKDTree(
        X, leaf_size=leaf_size, metric=metric, **kwargs
    ).query_radius(Q, r=0.8, return_distance=True)
    assert sum(len(i) for i in ind) > 0
    for i, d, i_sk, d_sk in zip(ind, dist, ind_sk, dist_sk):
        order = np.argsort(i_sk)
        assert_array_equal(i, i_sk[order])
        assert_allclose(d, d_sk[order], rtol=1e-12)

"""Tests for DBSCAN, compared against sklearn.cluster.DBSCAN."""

import numpy as np
import pytest
from numpy.testing import assert_array_equal
from sklearn.cluster import DBSCAN as SklearnDBSCAN
from sklearn.datasets import load_iris, load_wine, make_blobs, make_moons
from sklearn.preprocessing import StandardScaler

from skratch.cluster import DBSCAN
from skratch.cluster import _dbscan

CASES = {
    "moons": (make_moons(300, noise=0.08, random_state=0)[0], 0.15, 5),
    "iris": (load_iris().data, 0.5, 5),
    "iris_scaled": (StandardScaler().fit_transform(load_iris().data), 0.5, 4),
    "wine_scaled": (StandardScaler().fit_transform(load_wine().data), 2.0, 3),
    "blobs": (make_blobs(1000, random_state=0)[0], 0.3, 3),
    "grid_ties": (np.array([[i, j] for i in range(6) for j in range(6)], float), 1.0, 5),
}


@pytest.mark.parametrize("name", CASES)
def test_dbscan_matches_sklearn(name):
    """Check that labels (same numbering), core samples and components equal sklearn's."""
    X, eps, min_samples = CASES[name]
    ours = DBSCAN(eps, min_samples=min_samples).fit(X)
    theirs = SklearnDBSCAN(eps=eps, min_samples=min_samples).fit(X)
    assert_array_equal(ours.labels_, theirs.labels_)
    assert_array_equal(ours.core_sample_indices_, theirs.core_sample_indices_)
    assert_array_equal(ours.components_, theirs.components_)
    assert_array_equal(ours.fit_predict(X), theirs.fit_predict(X))


def test_dbscan_sample_weight_matches_sklearn():
    """Check that weighted neighbourhood counts give sklearn's core samples and labels."""
    X, eps, min_samples = CASES["moons"]
    weights = np.random.default_rng(0).integers(0, 4, size=len(X))
    ours = DBSCAN(eps, min_samples=min_samples).fit(X, sample_weight=weights)
    theirs = SklearnDBSCAN(eps=eps, min_samples=min_samples).fit(X, sample_weight=weights)
    assert_array_equal(ours.labels_, theirs.labels_)
    assert_array_equal(ours.core_sample_indices_, theirs.core_sample_indices_)


def test_dbscan_small_blocks_give_same_result(monkeypatch):
    """Check that the blocked neighbourhood search does not depend on the block size."""
    X, eps, min_samples = CASES["blobs"]
    monkeypatch.setattr(_dbscan, "_TREE_MAX_FEATURES", 0)  # brute force always
    expected = DBSCAN(eps, min_samples=min_samples).fit(X).labels_
    monkeypatch.setattr(_dbscan, "_BLOCK_BYTES", 8 * len(X) * 7)  # 7 rows at a time
    assert_array_equal(DBSCAN(eps, min_samples=min_samples).fit(X).labels_, expected)


@pytest.mark.parametrize("name", ["moons", "iris", "blobs", "grid_ties"])
def test_dbscan_tree_and_brute_force_agree(name, monkeypatch):
    """Check that the k-d tree and brute-force neighbourhoods give the same fit."""
    X, eps, min_samples = CASES[name]
    tree = DBSCAN(eps, min_samples=min_samples).fit(X)
    monkeypatch.setattr(_dbscan, "_TREE_MAX_FEATURES", 0)  # brute force always
    brute = DBSCAN(eps, min_samples=min_samples).fit(X)
    assert_array_equal(tree.labels_, brute.labels_)
    assert_array_equal(tree.core_sample_indices_, brute.core_sample_indices_)


def test_dbscan_border_sample_joins_first_cluster():
    """Check that a border sample reachable from two clusters joins the lower-numbered one."""
    # Two dense groups, and one sample exactly between them within eps of both.
    X = np.array([[0.0], [0.1], [0.2], [1.0], [1.8], [1.9], [2.0]])
    ours = DBSCAN(eps=0.85, min_samples=3).fit(X)
    theirs = SklearnDBSCAN(eps=0.85, min_samples=3).fit(X)
    assert_array_equal(ours.labels_, theirs.labels_)
    assert ours.labels_[3] == 0


def test_dbscan_all_noise():
    """Check that with a tiny eps every sample is noise and there are no core samples."""
    X = CASES["iris_scaled"][0]
    db = DBSCAN(eps=1e-3, min_samples=3).fit(np.unique(X, axis=0))
    assert np.all(db.labels_ == -1)
    assert db.core_sample_indices_.size == 0
    assert db.components_.shape == (0, 4)


@pytest.mark.parametrize(
    "params, match",
    [
        ({"eps": 0.0}, r"'eps' parameter of DBSCAN must be a float in the range \(0, inf\). Got 0.0 instead"),
        ({"min_samples": 0}, r"'min_samples' parameter .* Got 0 instead"),
        ({"metric": "cosine"}, r"'metric' parameter .* Got 'cosine' instead"),
    ],
)
def test_dbscan_rejects_invalid_params(params, match):
    """Check that fit rejects invalid parameters with a message quoting the value."""
    with pytest.raises(ValueError, match=match):
        DBSCAN(**params).fit(CASES["iris"][0])


def test_dbscan_rejects_invalid_data():
    """Check that fit rejects NaN and weights of the wrong length."""
    with pytest.raises(ValueError, match="Input X contains NaN"):
        DBSCAN().fit([[0.0, np.nan], [1.0, 1.0]])
    with pytest.raises(ValueError, match=r"sample_weight.shape == \(2,\), expected \(150,\)"):
        DBSCAN().fit(CASES["iris"][0], sample_weight=[1.0, 2.0])

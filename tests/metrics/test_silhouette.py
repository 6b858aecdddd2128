"""Tests for silhouette_samples and silhouette_score, compared against sklearn.metrics."""

import numpy as np
import pytest
import sklearn.metrics as skm
from numpy.testing import assert_allclose
from sklearn.datasets import load_iris, make_blobs, make_moons

from skratch.metrics import _cluster, silhouette_samples, silhouette_score

TOL = 1e-12  # the same distances, summed per cluster in a different order


def _datasets():
    rng = np.random.default_rng(0)
    iris = load_iris()
    X_blobs, y_blobs = make_blobs(n_samples=200, centers=4, random_state=0)
    X_moons, y_moons = make_moons(n_samples=150, noise=0.1, random_state=0)
    X_rand = rng.normal(size=(120, 5))
    return {
        "iris": (iris.data, iris.target),
        "blobs": (X_blobs, y_blobs),
        "moons": (X_moons, y_moons),
        "random labels": (X_rand, rng.integers(3, size=120)),
        "string labels": (X_blobs[:60], np.array(["a", "b", "c"])[y_blobs[:60] % 3]),
    }


DATASETS = _datasets()
METRICS = ["euclidean", "l2", "sqeuclidean", "manhattan", "cityblock", "l1", "cosine"]


@pytest.mark.parametrize("name", DATASETS)
@pytest.mark.parametrize("metric", METRICS)
def test_silhouette_samples_matches_sklearn(name, metric):
    """Check that silhouette_samples gives scikit-learn's values to 1e-12."""
    X, labels = DATASETS[name]
    ours = silhouette_samples(X, labels, metric=metric)
    theirs = skm.silhouette_samples(X, labels, metric=metric)
    assert_allclose(ours, theirs, rtol=TOL, atol=TOL)


@pytest.mark.parametrize("name", DATASETS)
def test_silhouette_score_matches_sklearn(name):
    """Check that silhouette_score gives scikit-learn's mean to 1e-12."""
    X, labels = DATASETS[name]
    ours = silhouette_score(X, labels)
    assert isinstance(ours, float)
    assert_allclose(ours, skm.silhouette_score(X, labels), rtol=TOL)


def test_silhouette_precomputed_matches_sklearn():
    """Check that metric="precomputed" reads X as distances, as scikit-learn does."""
    X, labels = DATASETS["iris"]
    D = skm.pairwise_distances(X, metric="manhattan")
    assert_allclose(silhouette_samples(D, labels, metric="precomputed"),
                    skm.silhouette_samples(D, labels, metric="precomputed"),
                    rtol=TOL, atol=TOL)
    assert_allclose(silhouette_samples(D, labels, metric="precomputed"),
                    silhouette_samples(X, labels, metric="manhattan"),
                    rtol=TOL, atol=TOL)


def test_silhouette_blocks_match_one_block(monkeypatch):
    """Check that computing the distances in blocks of rows changes nothing."""
    X, labels = DATASETS["blobs"]
    whole = silhouette_samples(X, labels)
    # 8 * 200 * 7 bytes: blocks of 7 rows, the last one shorter.
    monkeypatch.setattr(_cluster, "_BLOCK_BYTES", 8 * X.shape[0] * 7)
    for metric in ("euclidean", "cosine", "manhattan"):
        assert_allclose(silhouette_samples(X, labels, metric=metric),
                        skm.silhouette_samples(X, labels, metric=metric),
                        rtol=TOL, atol=TOL)
    assert_allclose(silhouette_samples(X, labels), whole, rtol=TOL, atol=TOL)


def test_silhouette_worked_example():
    """Check the book's example by hand: a = 1.5, b = 9 give 0.8333 for sample 1."""
    X = [[1.0], [2.0], [3.0], [9.0], [10.0], [11.0]]
    s = silhouette_samples(X, [0, 0, 0, 1, 1, 1])
    assert_allclose(s[0], (9 - 1.5) / 9, rtol=TOL)
    assert_allclose(s[1], (8 - 1) / 8, rtol=TOL)


def test_silhouette_size_one_cluster_is_zero():
    """Check that a sample alone in its cluster gets 0, as in scikit-learn."""
    X = np.array([[0.0], [1.0], [2.0], [10.0], [30.0]])
    labels = [0, 0, 0, 1, 2]
    ours = silhouette_samples(X, labels)
    assert ours[3] == 0.0 and ours[4] == 0.0
    assert_allclose(ours, skm.silhouette_samples(X, labels), rtol=TOL, atol=TOL)
    assert_allclose(silhouette_score(X, labels), skm.silhouette_score(X, labels),
                    rtol=TOL)


def test_silhouette_duplicate_points_give_zero_not_nan():
    """Check that a = b = 0 (identical samples in two clusters) gives 0, not NaN."""
    X = np.zeros((4, 2))
    labels = [0, 0, 1, 1]
    ours = silhouette_samples(X, labels)
    assert_allclose(ours, skm.silhouette_samples(X, labels))
    assert not np.isnan(ours).any()


def test_silhouette_score_sample_size():
    """Check that sample_size scores a seeded subset, and all rows give the full score."""
    X, labels = DATASETS["blobs"]
    full = silhouette_score(X, labels)
    assert_allclose(silhouette_score(X, labels, sample_size=200, random_state=0),
                    full, rtol=TOL)
    first = silhouette_score(X, labels, sample_size=50, random_state=3)
    again = silhouette_score(X, labels, sample_size=50, random_state=3)
    assert first == again
    indices = np.random.default_rng(3).permutation(200)[:50]
    assert_allclose(first, skm.silhouette_score(X[indices], labels[indices]), rtol=TOL)


def test_silhouette_score_sample_size_precomputed():
    """Check that sample_size takes the rows and the columns of a distance matrix."""
    X, labels = DATASETS["blobs"]
    D = skm.pairwise_distances(X)
    ours = silhouette_score(D, labels, metric="precomputed", sample_size=40,
                            random_state=1)
    assert_allclose(ours, silhouette_score(X, labels, sample_size=40, random_state=1),
                    rtol=1e-10)


@pytest.mark.parametrize("labels", [[0, 0, 0, 0, 0, 0], [0, 1, 2, 3, 4, 5]])
def test_silhouette_wrong_number_of_labels(labels):
    """Check that 1 or n_samples labels raise scikit-learn's message, naming the count."""
    X = np.arange(6.0).reshape(-1, 1)
    n_labels = len(set(labels))
    message = f"Number of labels is {n_labels}. Valid values are 2 to n_samples - 1"
    with pytest.raises(ValueError, match=message):
        silhouette_samples(X, labels)
    with pytest.raises(ValueError, match=message):
        silhouette_score(X, labels)
    with pytest.raises(ValueError) as theirs:
        skm.silhouette_score(X, labels)
    assert str(theirs.value).startswith(message)


def test_silhouette_nan_raises():
    """Check that a NaN in X is refused, with a message naming it."""
    X = np.array([[0.0], [1.0], [np.nan], [3.0]])
    with pytest.raises(ValueError, match="NaN"):
        silhouette_samples(X, [0, 0, 1, 1])
    with pytest.raises(ValueError, match="NaN"):
        silhouette_score(X, [0, 0, 1, 1])


def test_silhouette_length_mismatch_raises():
    """Check that labels of another length than X are refused."""
    with pytest.raises(ValueError, match="inconsistent numbers of samples"):
        silhouette_samples(np.zeros((4, 1)), [0, 1, 0])


def test_silhouette_bad_metric_raises():
    """Check that an unknown metric is refused, naming the parameter and the value."""
    with pytest.raises(ValueError, match="'metric' parameter.*'minkowsky'"):
        silhouette_samples(np.arange(4.0).reshape(-1, 1), [0, 0, 1, 1],
                           metric="minkowsky")


def test_silhouette_bad_sample_size_raises():
    """Check that sample_size=0 is refused, naming the parameter."""
    with pytest.raises(ValueError, match="sample_size"):
        silhouette_score(np.arange(4.0).reshape(-1, 1), [0, 0, 1, 1], sample_size=0)


def test_silhouette_precomputed_nonzero_diagonal_raises():
    """Check that a distance matrix with a non-zero diagonal is refused."""
    D = np.ones((4, 4))
    with pytest.raises(ValueError, match="non-zero elements on the diagonal"):
        silhouette_samples(D, [0, 0, 1, 1], metric="precomputed")

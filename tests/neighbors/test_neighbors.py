"""Tests for KNeighborsClassifier and KNeighborsRegressor, compared against
sklearn.neighbors.KNeighborsClassifier and sklearn.neighbors.KNeighborsRegressor."""

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal
from sklearn import neighbors as sk
from sklearn.datasets import load_breast_cancer, load_diabetes, load_iris, load_wine
from sklearn.preprocessing import StandardScaler

from skratch.exceptions import NotFittedError
from skratch.neighbors import KNeighborsClassifier, KNeighborsRegressor
from skratch.neighbors._base import kneighbors_brute

# Distances: ours are recomputed exactly from the differences for the k winners,
# scikit-learn's (p=2) come from the ||a||^2 - 2ab + ||b||^2 expansion; they agree to
# about 1e-12 relative here. Probabilities and predictions are built from the same
# neighbours, so they agree to rounding.
RTOL = 1e-8
ATOL = 1e-10

# The data sets are standardised and jittered with tiny seeded noise: exact distance
# ties (duplicate rows, integer-valued features) are broken by each library in its own
# order, so without the jitter the k-th neighbour may legitimately differ. With it,
# neighbours and predictions must be identical.


def _jitter(X, seed=0):
    X = StandardScaler().fit_transform(X)
    return X + 1e-6 * np.random.default_rng(seed).normal(size=X.shape)


def _split(X, y):
    # Even rows train, odd rows query: the query points are not in the training set.
    return X[::2], y[::2], X[1::2]


def _generated(n_classes=3):
    rng = np.random.default_rng(0)
    y = rng.integers(n_classes, size=300)
    X = rng.normal(size=(300, 4)) + y[:, None] * 0.7
    return X, y


CLASSIFICATION = {
    "iris": lambda: load_iris(return_X_y=True),
    "wine": lambda: load_wine(return_X_y=True),
    "breast_cancer": lambda: load_breast_cancer(return_X_y=True),
    "generated": _generated,
}


@pytest.mark.parametrize("dataset", CLASSIFICATION)
@pytest.mark.parametrize(
    "params",
    [
        {},
        {"n_neighbors": 1},
        {"n_neighbors": 8, "weights": "distance"},
        {"p": 1},
        {"p": 3, "n_neighbors": 4},
        {"metric": "chebyshev"},
        {"algorithm": "kd_tree", "n_neighbors": 6, "weights": "distance"},
        {"algorithm": "kd_tree", "p": 1, "leaf_size": 5},
    ],
)
def test_kneighbors_classifier_matches_sklearn(dataset, params):
    """Check that neighbours, probabilities and predictions equal scikit-learn's."""
    X, y = CLASSIFICATION[dataset]()
    X_train, y_train, X_test = _split(_jitter(X), y)
    ours = KNeighborsClassifier(**params).fit(X_train, y_train)
    theirs = sk.KNeighborsClassifier(**params).fit(X_train, y_train)
    dist, ind = ours.kneighbors(X_test)
    dist_sk, ind_sk = theirs.kneighbors(X_test)
    assert_array_equal(ind, ind_sk)
    assert_allclose(dist, dist_sk, rtol=1e-7)
    assert_allclose(
        ours.predict_proba(X_test), theirs.predict_proba(X_test), rtol=RTOL, atol=ATOL
    )
    assert_array_equal(ours.predict(X_test), theirs.predict(X_test))


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"weights": "distance", "n_neighbors": 7},
        {"p": 1, "n_neighbors": 3},
        {"algorithm": "kd_tree", "p": 1.5},
    ],
)
def test_kneighbors_regressor_matches_sklearn(params):
    """Check that regression predictions on diabetes equal scikit-learn's."""
    X, y = load_diabetes(return_X_y=True)
    X_train, y_train, X_test = _split(_jitter(X), y)
    ours = KNeighborsRegressor(**params).fit(X_train, y_train)
    theirs = sk.KNeighborsRegressor(**params).fit(X_train, y_train)
    assert_allclose(ours.predict(X_test), theirs.predict(X_test), rtol=RTOL)


def test_kneighbors_regressor_multi_output_matches_sklearn():
    """Check that a 2-D target is averaged column by column as in scikit-learn."""
    X, y = load_diabetes(return_X_y=True)
    X = _jitter(X)
    Y = np.column_stack([y, np.sqrt(y)])
    for weights in ["uniform", "distance"]:
        ours = KNeighborsRegressor(weights=weights).fit(X[::2], Y[::2])
        theirs = sk.KNeighborsRegressor(weights=weights).fit(X[::2], Y[::2])
        assert_allclose(ours.predict(X[1::2]), theirs.predict(X[1::2]), rtol=RTOL)


def test_kneighbors_without_x_excludes_each_point():
    """Check that kneighbors() with no X leaves each sample out of its own list."""
    X, y = _generated()
    ours = KNeighborsClassifier(n_neighbors=4).fit(X, y)
    theirs = sk.KNeighborsClassifier(n_neighbors=4).fit(X, y)
    dist, ind = ours.kneighbors()
    dist_sk, ind_sk = theirs.kneighbors()
    assert_array_equal(ind, ind_sk)
    assert_allclose(dist, dist_sk, rtol=1e-7)
    assert not (ind == np.arange(len(X))[:, None]).any()


def test_kneighbors_distance_weights_exact_match_takes_all_weight():
    """Check that a query equal to a training point gets that point's label alone."""
    X, y = _generated()
    ours = KNeighborsClassifier(n_neighbors=10, weights="distance").fit(X, y)
    theirs = sk.KNeighborsClassifier(n_neighbors=10, weights="distance").fit(X, y)
    proba = ours.predict_proba(X)
    assert_array_equal(proba, np.eye(3)[y])
    assert_array_equal(ours.predict(X), theirs.predict(X))
    reg = KNeighborsRegressor(weights="distance").fit(X, y.astype(float))
    assert_array_equal(reg.predict(X), y)


def test_kneighbors_callable_weights_match_sklearn():
    """Check that a weights function is applied to the distances as in scikit-learn."""
    X, y = load_iris(return_X_y=True)
    X_train, y_train, X_test = _split(_jitter(X), y)

    def gaussian(dist):
        return np.exp(-(dist**2))

    ours = KNeighborsClassifier(weights=gaussian).fit(X_train, y_train)
    theirs = sk.KNeighborsClassifier(weights=gaussian).fit(X_train, y_train)
    assert_allclose(
        ours.predict_proba(X_test), theirs.predict_proba(X_test), rtol=RTOL, atol=ATOL
    )


def test_kneighbors_classifier_string_labels():
    """Check that string labels come back as strings, in scikit-learn's order."""
    X, y = load_iris(return_X_y=True)
    labels = np.array(["setosa", "versicolor", "virginica"])[y]
    X_train, y_train, X_test = _split(_jitter(X), labels)
    ours = KNeighborsClassifier().fit(X_train, y_train)
    theirs = sk.KNeighborsClassifier().fit(X_train, y_train)
    assert_array_equal(ours.classes_, theirs.classes_)
    assert_array_equal(ours.predict(X_test), theirs.predict(X_test))


@pytest.mark.parametrize("p", [1, 2, 3.5, np.inf])
def test_kneighbors_brute_blocks_give_the_same_neighbours(p):
    """Check that a tiny memory budget (many blocks) finds the same neighbours."""
    X, _ = _generated()
    whole = kneighbors_brute(X[:200], X[200:], 5, p)
    blocked = kneighbors_brute(X[:200], X[200:], 5, p, block_bytes=8 * 200 * 7)
    assert_array_equal(whole[1], blocked[1])
    assert_allclose(whole[0], blocked[0])


def test_kneighbors_all_algorithms_agree():
    """Check that algorithm auto, brute and kd_tree give the same predictions."""
    X, y = _generated()
    predictions = [
        KNeighborsClassifier(algorithm=a, weights="distance").fit(X[:200], y[:200])
        .predict_proba(X[200:])
        for a in ["auto", "brute", "kd_tree"]
    ]
    assert_allclose(predictions[0], predictions[1])
    assert_allclose(predictions[0], predictions[2])


# --- errors ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "params, match",
    [
        ({"n_neighbors": 0}, r"'n_neighbors' parameter .* \[1, inf\). Got 0 instead"),
        ({"n_neighbors": 2.5}, r"'n_neighbors' parameter .* Got 2.5 instead"),
        ({"weights": "inverse"}, r"'weights' parameter .* Got 'inverse' instead"),
        ({"algorithm": "ball_tree"}, r"'algorithm' parameter .* Got 'ball_tree'"),
        ({"p": 0.5}, r"'p' parameter .* \[1, inf\). Got 0.5 instead"),
        ({"metric": "cosine"}, r"'metric' parameter .* Got 'cosine' instead"),
        ({"leaf_size": 0}, r"'leaf_size' parameter .* Got 0 instead"),
    ],
)
@pytest.mark.parametrize("Estimator", [KNeighborsClassifier, KNeighborsRegressor])
def test_kneighbors_rejects_invalid_params(Estimator, params, match):
    """Check that invalid parameters are refused in fit with the value quoted."""
    X, y = _generated()
    with pytest.raises(ValueError, match=match):
        Estimator(**params).fit(X, y)


def test_kneighbors_too_many_neighbours():
    """Check that asking for more neighbours than training points is refused."""
    X, y = _generated()
    clf = KNeighborsClassifier(n_neighbors=6).fit(X[:5], y[:5])
    with pytest.raises(ValueError, match="n_neighbors = 6, n_samples_fit = 5"):
        clf.predict(X[5:8])
    with pytest.raises(ValueError, match=r"Expected n_neighbors > 0 \(an int\), got 0"):
        clf.kneighbors(X[5:8], n_neighbors=0)


def test_kneighbors_classifier_rejects_continuous_target():
    """Check that a regression target is refused with scikit-learn's message."""
    X, _ = _generated()
    with pytest.raises(ValueError, match="Unknown label type: continuous"):
        KNeighborsClassifier().fit(X, np.linspace(0, 1, len(X)))


@pytest.mark.parametrize("Estimator", [KNeighborsClassifier, KNeighborsRegressor])
def test_kneighbors_predict_errors(Estimator):
    """Check that predict refuses unfitted use, wrong feature counts and NaN."""
    X, y = _generated()
    with pytest.raises(NotFittedError, match=f"This {Estimator.__name__} instance"):
        Estimator().predict(X)
    est = Estimator().fit(X, y)
    with pytest.raises(ValueError, match="X has 3 features, but .* expecting 4"):
        est.predict(X[:, :3])
    X_nan = X.copy()
    X_nan[0, 0] = np.nan
    with pytest.raises(ValueError, match="Input X contains NaN"):
        est.predict(X_nan)


@pytest.mark.parametrize("n_train", [2000, 2503])  # 2503: chunks do not divide it
@pytest.mark.parametrize("k", [1, 5, 11])
def test_kneighbors_chunk_filter_matches_sklearn(n_train, k):
    """Check that the chunk-minimum filter of large searches keeps the true neighbours."""
    rng = np.random.default_rng(0)
    X, Q = rng.normal(size=(n_train, 6)), rng.normal(size=(300, 6))
    ours = KNeighborsRegressor(n_neighbors=k).fit(X, X[:, 0])
    theirs = sk.KNeighborsRegressor(n_neighbors=k, algorithm="brute").fit(X, X[:, 0])
    dist, ind = ours.kneighbors(Q)
    dist_sk, ind_sk = theirs.kneighbors(Q)
    assert_array_equal(ind, ind_sk)
    assert_allclose(dist, dist_sk, rtol=1e-7)

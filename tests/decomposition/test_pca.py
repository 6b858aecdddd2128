"""Tests for PCA, compared against sklearn.decomposition.PCA."""

import numpy as np
import pytest
from numpy.testing import assert_allclose
from sklearn.datasets import load_diabetes, load_digits, load_iris, load_wine
from sklearn.decomposition import PCA as SklearnPCA

from skratch.decomposition import PCA
from skratch.exceptions import NotFittedError

# Both compute the same SVD (or eigendecomposition) with LAPACK, and fix the signs the
# same way; differences are rounding, around 1e-13. Transforms are compared relative
# to their largest entry (ATOL scaled), since single entries can be 0 up to rounding.
RTOL = 1e-8


def _digits():
    # Pixels that are always 0 make the trailing singular values exactly 0, and the
    # directions of a repeated (zero) singular value are arbitrary: drop those pixels.
    X = load_digits().data[:400]
    return X[:, X.var(axis=0) > 0]


DATASETS = {
    "iris": load_iris().data,
    "wine": load_wine().data,
    "digits": _digits(),
    "diabetes": load_diabetes().data,
}


def _assert_same(ours, theirs, X):
    assert ours.n_components_ == theirs.n_components_
    for name in ["components_", "explained_variance_", "explained_variance_ratio_",
                 "singular_values_", "mean_"]:
        expected = getattr(theirs, name)
        assert_allclose(getattr(ours, name), expected, rtol=RTOL,
                        atol=RTOL * np.abs(expected).max(), err_msg=name)
    assert_allclose(ours.noise_variance_, theirs.noise_variance_, rtol=RTOL, atol=1e-12)
    Z = theirs.transform(X)
    assert_allclose(ours.transform(X), Z, rtol=RTOL, atol=RTOL * np.abs(Z).max())
    assert_allclose(ours.fit_transform(X), Z, rtol=RTOL, atol=RTOL * np.abs(Z).max())
    X_back = theirs.inverse_transform(Z)
    assert_allclose(ours.inverse_transform(Z), X_back, rtol=RTOL,
                    atol=RTOL * np.abs(X_back).max())


@pytest.mark.parametrize("name", DATASETS)
@pytest.mark.parametrize("n_components", [None, 2, 0.8])
@pytest.mark.parametrize("whiten", [False, True])
def test_pca_full_matches_sklearn(name, n_components, whiten):
    """Check that the SVD solver gives sklearn's components (signs included), variances and transforms."""
    X = DATASETS[name]
    ours = PCA(n_components, whiten=whiten, svd_solver="full").fit(X)
    theirs = SklearnPCA(n_components, whiten=whiten, svd_solver="full").fit(X)
    _assert_same(ours, theirs, X)


@pytest.mark.parametrize("name", ["iris", "wine", "diabetes"])
@pytest.mark.parametrize("whiten", [False, True])
def test_pca_covariance_eigh_matches_sklearn(name, whiten):
    """Check that the covariance solver (sklearn's default on tall data) matches sklearn's."""
    X = DATASETS[name]
    ours = PCA(whiten=whiten, svd_solver="covariance_eigh").fit(X)
    theirs = SklearnPCA(whiten=whiten, svd_solver="covariance_eigh").fit(X)
    _assert_same(ours, theirs, X)


def test_pca_auto_matches_sklearn_auto_on_tall_data():
    """Check that svd_solver='auto' agrees with sklearn's default on tall data."""
    X = np.random.default_rng(0).normal(size=(500, 6)) @ np.diag([5, 4, 3, 2, 1, 0.5])
    _assert_same(PCA(3).fit(X), SklearnPCA(3).fit(X), X)


def test_pca_solvers_agree():
    """Check that the SVD and covariance solvers give the same components and variances."""
    X = DATASETS["wine"]
    full = PCA(svd_solver="full").fit(X)
    eigh = PCA(svd_solver="covariance_eigh").fit(X)
    assert_allclose(full.components_, eigh.components_, atol=1e-7)
    assert_allclose(full.explained_variance_, eigh.explained_variance_, rtol=1e-7)


def test_pca_largest_loading_is_positive():
    """Check the sign convention: the largest-magnitude entry of each component is positive."""
    pca = PCA().fit(DATASETS["diabetes"])
    rows = np.arange(pca.n_components_)
    largest = pca.components_[rows, np.argmax(np.abs(pca.components_), axis=1)]
    assert np.all(largest > 0)


def test_pca_whitened_output_has_unit_variance():
    """Check that whiten=True gives uncorrelated projections of unit variance."""
    Z = PCA(3, whiten=True).fit_transform(DATASETS["wine"])
    assert_allclose(np.cov(Z, rowvar=False), np.eye(3), atol=1e-10)


def test_pca_all_components_round_trip():
    """Check that with all components inverse_transform(transform(X)) gives X back."""
    X = DATASETS["iris"]
    pca = PCA().fit(X)
    assert_allclose(pca.inverse_transform(pca.transform(X)), X, atol=1e-10)


def test_pca_variance_fraction_picks_smallest_sufficient_k():
    """Check that a float n_components keeps the fewest components exceeding the fraction."""
    X = DATASETS["wine"]
    pca = PCA(0.999).fit(X)
    ratios = PCA().fit(X).explained_variance_ratio_
    k = pca.n_components_
    assert ratios[:k].sum() > 0.999 >= ratios[: k - 1].sum()


# Errors -------------------------------------------------------------------------


def test_pca_too_many_components_raises():
    """Check that n_components above min(n_samples, n_features) raises a ValueError."""
    with pytest.raises(ValueError, match=r"n_components=5 must be between 0 and min\(n_samples, n_features\)=4"):
        PCA(5).fit(DATASETS["iris"])


@pytest.mark.parametrize(
    "params, match",
    [
        ({"n_components": -1}, r"'n_components' parameter of PCA must be .* Got -1 instead"),
        ({"n_components": 1.5}, r"'n_components' parameter of PCA must be .* Got 1.5 instead"),
        ({"n_components": "mle"}, r"'n_components' parameter .* Got 'mle' instead"),
        ({"svd_solver": "arpack"}, r"'svd_solver' parameter .* Got 'arpack' instead"),
        ({"whiten": 1}, r"'whiten' parameter .* Got 1 instead"),
    ],
)
def test_pca_rejects_invalid_params(params, match):
    """Check that fit rejects invalid parameters with a message quoting the value."""
    with pytest.raises(ValueError, match=match):
        PCA(**params).fit(DATASETS["iris"])


def test_pca_rejects_nan_and_single_sample():
    """Check that fit rejects NaN and a single sample."""
    with pytest.raises(ValueError, match="Input X contains NaN"):
        PCA().fit([[1.0, np.nan], [2.0, 3.0]])
    with pytest.raises(ValueError, match=r"1 sample\(s\).*minimum of 2"):
        PCA().fit([[1.0, 2.0]])


def test_pca_transform_errors():
    """Check NotFittedError before fit and feature-count errors after it."""
    with pytest.raises(NotFittedError, match="PCA instance is not fitted"):
        PCA().transform([[1.0, 2.0]])
    pca = PCA(2).fit(DATASETS["iris"])
    with pytest.raises(ValueError, match="X has 3 features, but PCA is expecting 4"):
        pca.transform(np.zeros((2, 3)))
    with pytest.raises(ValueError, match="expects n_components_=2"):
        pca.inverse_transform(np.zeros((2, 3)))

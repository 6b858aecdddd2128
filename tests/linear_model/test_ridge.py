"""Tests for Ridge, compared against sklearn.linear_model.Ridge."""

import numpy as np
import pytest
from numpy.testing import assert_allclose
from sklearn.datasets import load_diabetes
from sklearn.linear_model import Ridge as SklearnRidge

from skratch.exceptions import NotFittedError
from skratch.linear_model import LinearRegression, Ridge

# A closed form on both sides (scikit-learn's "auto" is also a Cholesky solve): they
# agree to about 1e-12; 1e-8 leaves room for other LAPACK builds. With collinear
# columns and alpha=1e-3 the system's condition number is about 1e10, so a small
# coefficient can move by 1e-8 of the largest one: ATOL is relative to the largest.
RTOL = 1e-8
ATOL = 1e-10


def _assert_close(actual, desired):
    scale = np.max(np.abs(desired)) if np.size(desired) else 1.0
    assert_allclose(actual, desired, rtol=RTOL, atol=max(ATOL, RTOL * scale))


def _generated():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(80, 6)) * [1.0, 10.0, 0.1, 1.0, 5.0, 1.0] + 3.0
    y = X @ rng.normal(size=6) + 2.0 + rng.normal(size=80)
    return X, y


def _collinear():
    X, y = _generated()
    return np.column_stack([X, X[:, 0], X[:, 1] - X[:, 2]]), y


def _wide():
    rng = np.random.default_rng(2)
    return rng.normal(size=(15, 40)), rng.normal(size=15)


def _multi_target():
    X, y = _generated()
    return X, np.column_stack([y, -y + X[:, 0], np.random.default_rng(1).normal(size=80)])


DATASETS = {
    "diabetes": lambda: load_diabetes(return_X_y=True),
    "generated": _generated,
    "collinear": _collinear,
    "wide": _wide,
    "multi_target": _multi_target,
}


@pytest.mark.parametrize("solver", ["auto", "cholesky", "svd"])
@pytest.mark.parametrize("fit_intercept", [True, False])
@pytest.mark.parametrize("alpha", [1e-3, 1.0, 100.0])
@pytest.mark.parametrize("dataset", DATASETS)
def test_ridge_matches_sklearn(dataset, alpha, fit_intercept, solver):
    """Check that coef_, intercept_ and predictions equal scikit-learn's."""
    X, y = DATASETS[dataset]()
    ours = Ridge(alpha=alpha, fit_intercept=fit_intercept, solver=solver).fit(X, y)
    theirs = SklearnRidge(alpha=alpha, fit_intercept=fit_intercept).fit(X, y)

    assert ours.coef_.shape == theirs.coef_.shape
    assert np.shape(ours.intercept_) == np.shape(theirs.intercept_)
    _assert_close(ours.coef_, theirs.coef_)
    _assert_close(ours.intercept_, theirs.intercept_)
    _assert_close(ours.predict(X), theirs.predict(X))


@pytest.mark.parametrize("fit_intercept", [True, False])
def test_ridge_alpha_per_target_matches_sklearn(fit_intercept):
    """Check that an array alpha gives each target its own penalty, as in scikit-learn."""
    X, Y = _multi_target()
    alpha = np.array([0.1, 10.0, 0.1])
    ours = Ridge(alpha=alpha, fit_intercept=fit_intercept).fit(X, Y)
    theirs = SklearnRidge(alpha=alpha, fit_intercept=fit_intercept).fit(X, Y)
    assert_allclose(ours.coef_, theirs.coef_, rtol=RTOL, atol=ATOL)
    assert_allclose(ours.intercept_, theirs.intercept_, rtol=RTOL, atol=ATOL)
    for target in range(3):
        one = Ridge(alpha=alpha[target], fit_intercept=fit_intercept).fit(X, Y[:, target])
        assert_allclose(ours.coef_[target], one.coef_, rtol=RTOL)


def test_ridge_solves_the_penalised_normal_equations():
    """Check that the gradient of the objective is zero at the solution."""
    X, y = _generated()
    reg = Ridge(alpha=3.0).fit(X, y)
    residual = y - reg.predict(X)
    assert_allclose(X.T @ residual, 3.0 * reg.coef_, rtol=1e-8, atol=1e-8)
    assert_allclose(residual.sum(), 0.0, atol=1e-8)


def test_ridge_zero_alpha_is_least_squares():
    """Check that alpha=0 gives LinearRegression's (minimum-norm) solution, through the svd fallback."""
    X, y = _collinear()
    reg = Ridge(alpha=0.0).fit(X, y)
    lstsq = LinearRegression().fit(X, y)
    assert reg.solver_ == "svd"
    assert_allclose(reg.coef_, lstsq.coef_, rtol=1e-6, atol=1e-8)
    assert_allclose(reg.intercept_, lstsq.intercept_, rtol=1e-6)


def test_ridge_larger_alpha_shrinks_coefficients():
    """Check that the coefficient norm decreases as alpha grows."""
    X, y = load_diabetes(return_X_y=True)
    norms = [np.linalg.norm(Ridge(alpha=a).fit(X, y).coef_) for a in [0.01, 0.1, 1, 10]]
    assert np.all(np.diff(norms) < 0)


# Errors -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "X, y, match",
    [
        ([[1.0, np.nan], [2.0, 3.0]], [1.0, 2.0], "Input X contains NaN"),
        ([[1.0, np.inf], [2.0, 3.0]], [1.0, 2.0], "Input X contains infinity"),
        ([1.0, 2.0], [1.0, 2.0], "Expected 2D array, got 1D array instead"),
        ([["a", "b"], ["c", "d"]], [1.0, 2.0], "could not convert string to float: 'a'"),
        ([[1.0], [2.0], [3.0]], [1.0, 2.0], r"inconsistent numbers of samples: \[3, 2\]"),
    ],
    ids=["nan", "inf", "1d_X", "strings", "lengths"],
)
def test_ridge_fit_rejects_invalid_data(X, y, match):
    """Check that fit rejects invalid data with a message naming the problem."""
    with pytest.raises(ValueError, match=match):
        Ridge().fit(X, y)


@pytest.mark.parametrize(
    "params, match",
    [
        ({"alpha": -1.0}, r"The 'alpha' parameter of Ridge must be a float in the range "
         r"\[0, inf\) or an instance of 'numpy.ndarray'. Got -1.0 instead."),
        ({"alpha": np.array([1.0, -2.0, 1.0])}, r"'alpha' parameter of Ridge must be "
         r"non-negative and finite; got alpha=array\(\[ 1., -2.,  1.\]\)"),
        ({"alpha": np.array([1.0, 2.0])}, "number of penalties do not correspond: 2 != 3"),
        ({"solver": "lsqr"}, r"'solver' parameter .* Got 'lsqr' instead"),
    ],
)
def test_ridge_fit_rejects_invalid_params(params, match):
    """Check that fit rejects invalid parameters with a message naming the parameter."""
    X, Y = _multi_target()
    with pytest.raises(ValueError, match=match):
        Ridge(**params).fit(X, Y)


def test_ridge_predict_rejects_wrong_feature_count():
    """Check that predict rejects X with a different number of features than fit."""
    X, y = _generated()
    reg = Ridge().fit(X, y)
    with pytest.raises(ValueError, match="X has 3 features, but Ridge is expecting 6"):
        reg.predict(X[:, :3])


def test_ridge_predict_before_fit_raises_not_fitted():
    """Check that predict before fit raises NotFittedError."""
    with pytest.raises(NotFittedError, match="Ridge instance is not fitted"):
        Ridge().predict([[1.0]])

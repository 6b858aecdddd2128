"""Tests for sample_weight in LinearRegression, Ridge, Lasso and ElasticNet.

Each weighted fit is compared with scikit-learn's, and with the unweighted fit on
the data with zero-weight rows dropped and integer-weight rows repeated.
(LogisticRegression's weights are tested in test_logistic.py.)
"""

import numpy as np
import pytest
from numpy.testing import assert_allclose
from sklearn import linear_model as sk
from sklearn.datasets import load_diabetes

from skratch.linear_model import ElasticNet, Lasso, LinearRegression, Ridge

# Closed forms (LinearRegression, Ridge): the same SVD / Cholesky solve of the
# rescaled problem, so coefficients agree to rounding: 1e-10 relative to the
# largest one. Coordinate descent (Lasso, ElasticNet) run to a duality gap of
# tol=1e-10: the tolerances of test_coordinate_descent.py.
CLOSED_RTOL = 1e-10
CD_RTOL = 1e-4
CD_TIGHT = dict(tol=1e-10, max_iter=100_000)


def _diabetes():
    return load_diabetes(return_X_y=True)


def _generated():
    # features on different scales, an offset, two targets
    rng = np.random.default_rng(0)
    X = rng.normal(size=(80, 5)) * [1.0, 10.0, 0.1, 3.0, 1.0] + 2.0
    W = rng.normal(size=(5, 2))
    return X, X @ W + 1.5 + 0.3 * rng.normal(size=(80, 2))


def _collinear():
    rng = np.random.default_rng(1)
    X = rng.normal(size=(60, 3))
    X = np.column_stack([X, X[:, 0] + X[:, 1]])  # rank 3
    return X, X @ [1.0, -2.0, 0.5, 0.0] + 0.1 * rng.normal(size=60)


def _sparse_problem():
    rng = np.random.default_rng(2)
    X = rng.normal(size=(120, 30))
    w = np.zeros(30)
    w[[1, 4, 9, 17, 25]] = [3.0, -2.0, 1.5, 1.0, -0.5]
    return X, X @ w + 0.5 + 0.3 * rng.normal(size=120)


DATASETS = {
    "diabetes": _diabetes,
    "generated": _generated,
    "collinear": _collinear,
    "sparse": _sparse_problem,
}


def _estimators(kind):
    # (ours, scikit-learn's, rtol) for each estimator family
    if kind == "linear":
        return LinearRegression(), sk.LinearRegression(), CLOSED_RTOL
    if kind == "ridge":
        return Ridge(alpha=0.7), sk.Ridge(alpha=0.7), CLOSED_RTOL
    if kind == "lasso":
        return (Lasso(alpha=0.05, **CD_TIGHT), sk.Lasso(alpha=0.05, **CD_TIGHT),
                CD_RTOL)
    return (
        ElasticNet(alpha=0.05, l1_ratio=0.3, **CD_TIGHT),
        sk.ElasticNet(alpha=0.05, l1_ratio=0.3, **CD_TIGHT),
        CD_RTOL,
    )


KINDS = ["linear", "ridge", "lasso", "enet"]


def _weights(n, seed=0):
    return np.random.default_rng(seed).uniform(0.1, 3.0, size=n)


def _assert_same_fit(ours, theirs, rtol):
    scale = np.max(np.abs(theirs.coef_))
    assert_allclose(ours.coef_, theirs.coef_, rtol=rtol, atol=rtol * scale)
    intercept_scale = max(np.max(np.abs(theirs.intercept_)), scale)
    assert_allclose(
        ours.intercept_, theirs.intercept_, rtol=rtol, atol=rtol * intercept_scale
    )


@pytest.mark.parametrize("fit_intercept", [True, False])
@pytest.mark.parametrize("dataset", DATASETS)
@pytest.mark.parametrize("kind", KINDS)
def test_weighted_fit_matches_sklearn(kind, dataset, fit_intercept):
    """Check that a weighted fit gives scikit-learn's coef_ and intercept_."""
    X, y = DATASETS[dataset]()
    ours, theirs, rtol = _estimators(kind)
    ours.set_params(fit_intercept=fit_intercept)
    theirs.set_params(fit_intercept=fit_intercept)
    sw = _weights(len(X))
    ours.fit(X, y, sample_weight=sw)
    theirs.fit(X, y, sample_weight=sw)
    _assert_same_fit(ours, theirs, rtol)
    if kind == "linear":
        assert ours.rank_ == theirs.rank_
        assert_allclose(ours.singular_, theirs.singular_, rtol=CLOSED_RTOL)


@pytest.mark.parametrize("fit_intercept", [True, False])
@pytest.mark.parametrize("kind", KINDS)
def test_zero_weights_drop_rows(kind, fit_intercept):
    """Check that zero weights give the fit on the other rows alone."""
    X, y = _diabetes()
    ours, _, rtol = _estimators(kind)
    ours.set_params(fit_intercept=fit_intercept)
    sw = _weights(len(X))
    sw[::4] = 0.0
    kept = sw > 0
    weighted = ours.fit(X, y, sample_weight=sw)
    coef, intercept = weighted.coef_.copy(), weighted.intercept_
    dropped = ours.fit(X[kept], y[kept], sample_weight=sw[kept])
    scale = np.max(np.abs(coef))
    assert_allclose(dropped.coef_, coef, rtol=rtol, atol=rtol * scale)
    assert_allclose(dropped.intercept_, intercept, rtol=rtol, atol=rtol * scale)


@pytest.mark.parametrize("fit_intercept", [True, False])
@pytest.mark.parametrize("kind", KINDS)
def test_integer_weights_repeat_rows(kind, fit_intercept):
    """Check that an integer weight k gives the fit on the row repeated k times."""
    X, y = _sparse_problem()
    ours, _, rtol = _estimators(kind)
    ours.set_params(fit_intercept=fit_intercept)
    sw = np.random.default_rng(3).integers(0, 4, size=len(X))
    weighted = ours.fit(X, y, sample_weight=sw)
    coef, intercept = weighted.coef_.copy(), weighted.intercept_
    repeated = ours.fit(np.repeat(X, sw, axis=0), np.repeat(y, sw))
    scale = np.max(np.abs(coef))
    assert_allclose(repeated.coef_, coef, rtol=rtol, atol=rtol * scale)
    assert_allclose(repeated.intercept_, intercept, rtol=rtol, atol=rtol * scale)


@pytest.mark.parametrize("kind", KINDS)
def test_unit_weights_equal_no_weights(kind):
    """Check that weights all equal to one (or any constant) change nothing."""
    X, y = _generated()
    ours, _, rtol = _estimators(kind)
    plain = ours.fit(X, y)
    coef = plain.coef_.copy()
    # Ridge's weights are not normalised: weights of 2.5 act as alpha / 2.5
    constants = [1.0] if kind == "ridge" else [1.0, 2.5]
    for value in constants:
        weighted = ours.fit(X, y, sample_weight=np.full(len(X), value))
        assert_allclose(weighted.coef_, coef, rtol=rtol, atol=rtol * np.abs(coef).max())


def test_weighted_gradient_descent_matches_weighted_svd():
    """Check that LinearRegression(solver="gd") descends the weighted squared error."""
    X, y = _collinear()
    X = (X - X.mean(axis=0)) / X.std(axis=0)
    sw = _weights(len(X))
    svd = LinearRegression().fit(X, y, sample_weight=sw)
    gd = LinearRegression(solver="gd", learning_rate=0.05, max_iter=100_000,
                          tol=1e-15).fit(X, y, sample_weight=sw)
    assert_allclose(gd.predict(X), svd.predict(X), rtol=1e-5, atol=1e-5)


# Errors -------------------------------------------------------------------------


BAD_WEIGHTS = [
    (np.ones(441), r"sample_weight.shape == \(441,\), expected \(442,\)!"),
    (np.ones((442, 1)), "Sample weights must be 1D array or scalar, got 2D array"),
    (np.r_[np.nan, np.ones(441)], "Input sample_weight contains NaN"),
    (np.r_[np.inf, np.ones(441)], "Input sample_weight contains infinity"),
    (np.zeros(442), "Sample weights must contain at least one non-zero number"),
]


@pytest.mark.parametrize(
    "sample_weight, match", BAD_WEIGHTS, ids=["length", "2d", "nan", "inf", "zero"]
)
@pytest.mark.parametrize("kind", KINDS)
def test_fit_rejects_invalid_sample_weight(kind, sample_weight, match):
    """Check that fit rejects invalid sample weights with scikit-learn's message."""
    X, y = _diabetes()
    ours, theirs, _ = _estimators(kind)
    with pytest.raises(ValueError, match=match):
        theirs.fit(X, y, sample_weight=sample_weight)
    with pytest.raises(ValueError, match=match):
        ours.fit(X, y, sample_weight=sample_weight)


@pytest.mark.parametrize("kind", KINDS)
def test_fit_rejects_negative_sample_weight(kind):
    """Check that a negative weight is refused, naming the smallest weight.

    scikit-learn's LinearRegression raises the same message; its Ridge fails
    later ("array must not contain infs or NaNs") and its Lasso and ElasticNet
    take the square root of the weight (a RuntimeWarning, then NaN rows).
    """
    X, y = _diabetes()
    sw = np.ones(len(X))
    sw[3] = -0.5
    ours, _, _ = _estimators(kind)
    match = (r"Negative values in data passed to `sample_weight`: weights must be "
             r">= 0, got a minimum of -0.5")
    with pytest.raises(ValueError, match=match):
        ours.fit(X, y, sample_weight=sw)
    if kind == "linear":
        with pytest.raises(ValueError, match="Negative values in data passed to"):
            sk.LinearRegression().fit(X, y, sample_weight=sw)

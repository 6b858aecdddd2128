"""Tests for Lasso and ElasticNet, compared against sklearn.linear_model.Lasso and ElasticNet."""

import numpy as np
import pytest
from numpy.testing import assert_allclose
from sklearn.datasets import load_diabetes
from sklearn.linear_model import ElasticNet as SklearnElasticNet
from sklearn.linear_model import Lasso as SklearnLasso

from skratch.exceptions import ConvergenceWarning, NotFittedError
from skratch.linear_model import ElasticNet, Lasso, Ridge

# Both run the same cyclic coordinate descent to a duality gap of tol * ||y||^2 with
# tol=1e-10, which bounds the objective's distance to the optimum; the coefficients
# then agree to about 1e-12 relative, far inside the tolerances the issue asks for.
COEF_RTOL = 1e-4  # relative to the largest coefficient
OBJECTIVE_RTOL = 1e-6
TIGHT = dict(tol=1e-10, max_iter=100_000)


def _diabetes():
    return load_diabetes(return_X_y=True)


def _sparse_problem():
    # 30 features, 5 of them useful, correlated design.
    rng = np.random.default_rng(0)
    base = rng.normal(size=(120, 30))
    X = base + 0.5 * base[:, [0]]
    w = np.zeros(30)
    w[[1, 4, 9, 17, 25]] = [3.0, -2.0, 1.5, 1.0, -0.5]
    return X, X @ w + 0.5 + 0.3 * rng.normal(size=120)


def _wide_sparse():
    rng = np.random.default_rng(1)
    X = rng.normal(size=(40, 80))
    return X, 2 * X[:, 3] - X[:, 50] + 0.1 * rng.normal(size=40)


DATASETS = {"diabetes": _diabetes, "sparse": _sparse_problem, "wide": _wide_sparse}


def _objective(reg, X, y, alpha, l1_ratio):
    residual = y - reg.predict(X)
    w = reg.coef_
    return (
        residual @ residual / (2 * len(y))
        + alpha * l1_ratio * np.abs(w).sum()
        + 0.5 * alpha * (1 - l1_ratio) * w @ w
    )


def _assert_same_fit(ours, theirs, X, y, alpha, l1_ratio):
    scale = np.max(np.abs(theirs.coef_))
    assert_allclose(ours.coef_, theirs.coef_, rtol=COEF_RTOL, atol=COEF_RTOL * scale)
    assert_allclose(ours.intercept_, theirs.intercept_, rtol=COEF_RTOL, atol=1e-8)
    assert_allclose(
        _objective(ours, X, y, alpha, l1_ratio),
        _objective(theirs, X, y, alpha, l1_ratio),
        rtol=OBJECTIVE_RTOL,
    )


@pytest.mark.parametrize("precompute", [False, True])
@pytest.mark.parametrize("fit_intercept", [True, False])
@pytest.mark.parametrize("l1_ratio", [0.1, 0.5, 0.9])
@pytest.mark.parametrize("alpha", [1e-2, 0.3])
@pytest.mark.parametrize("dataset", DATASETS)
def test_elastic_net_matches_sklearn(dataset, alpha, l1_ratio, fit_intercept, precompute):
    """Check that coef_, intercept_ and the objective equal scikit-learn's optimum."""
    X, y = DATASETS[dataset]()
    params = dict(alpha=alpha, l1_ratio=l1_ratio, fit_intercept=fit_intercept, **TIGHT)
    ours = ElasticNet(precompute=precompute, **params).fit(X, y)
    theirs = SklearnElasticNet(**params).fit(X, y)
    _assert_same_fit(ours, theirs, X, y, alpha, l1_ratio)
    assert ours.dual_gap_ <= 1e-10 * np.sum((y - y.mean() * fit_intercept) ** 2) / len(y)


@pytest.mark.parametrize("precompute", [False, True])
@pytest.mark.parametrize("alpha", [1e-2, 0.1, 1.0])
@pytest.mark.parametrize("dataset", DATASETS)
def test_lasso_matches_sklearn(dataset, alpha, precompute):
    """Check that the lasso's coef_, intercept_ and objective equal scikit-learn's."""
    X, y = DATASETS[dataset]()
    ours = Lasso(alpha=alpha, precompute=precompute, **TIGHT).fit(X, y)
    theirs = SklearnLasso(alpha=alpha, **TIGHT).fit(X, y)
    _assert_same_fit(ours, theirs, X, y, alpha, 1.0)
    np.testing.assert_array_equal(ours.coef_ == 0, theirs.coef_ == 0)


@pytest.mark.parametrize("dataset", ["diabetes", "sparse"])
def test_lasso_iterations_match_sklearn_default_tol(dataset):
    """Check that with the default tol we stop after scikit-learn's number of passes (within 10%)."""
    X, y = DATASETS[dataset]()
    ours = Lasso(alpha=0.01).fit(X, y)
    theirs = SklearnLasso(alpha=0.01).fit(X, y)
    assert abs(ours.n_iter_ - theirs.n_iter_) <= max(2, 0.1 * theirs.n_iter_)
    assert_allclose(ours.coef_, theirs.coef_, atol=1e-2 * np.max(np.abs(theirs.coef_)))


def test_lasso_zero_weights_satisfy_optimality():
    """Check the lasso's optimality conditions: |X_j.R|/n <= alpha for zeros, = alpha sign(w_j) otherwise."""
    X, y = _sparse_problem()
    alpha = 0.1
    reg = Lasso(alpha=alpha, **TIGHT).fit(X, y)
    correlation = X.T @ (y - reg.predict(X)) / len(y)
    zero = reg.coef_ == 0
    assert zero.sum() >= 10
    assert np.all(np.abs(correlation[zero]) <= alpha + 1e-8)
    assert_allclose(correlation[~zero], alpha * np.sign(reg.coef_[~zero]), atol=1e-6)


def test_lasso_is_elastic_net_with_l1_ratio_one():
    """Check that Lasso(alpha) is ElasticNet(alpha, l1_ratio=1)."""
    X, y = _diabetes()
    assert_allclose(
        Lasso(alpha=0.05).fit(X, y).coef_,
        ElasticNet(alpha=0.05, l1_ratio=1.0).fit(X, y).coef_,
        rtol=0,
    )
    assert "l1_ratio" not in Lasso().get_params()


def test_elastic_net_l1_ratio_zero_is_ridge():
    """Check that l1_ratio=0 gives Ridge with alpha * n_samples."""
    X, y = _diabetes()
    enet = ElasticNet(alpha=0.01, l1_ratio=0.0, **TIGHT).fit(X, y)
    ridge = Ridge(alpha=0.01 * len(X)).fit(X, y)
    assert_allclose(enet.coef_, ridge.coef_, rtol=1e-6)


def test_elastic_net_multi_target_fits_each_target():
    """Check that a 2-D y gives each target's own fit, with scikit-learn's shapes."""
    X, y = _sparse_problem()
    Y = np.column_stack([y, -2 * y + X[:, 0]])
    many = ElasticNet(alpha=0.05, **TIGHT).fit(X, Y)
    theirs = SklearnElasticNet(alpha=0.05, **TIGHT).fit(X, Y)
    assert many.coef_.shape == theirs.coef_.shape == (2, 30)
    assert many.intercept_.shape == (2,)
    assert_allclose(many.coef_, theirs.coef_, atol=1e-8)
    for k in range(2):
        one = ElasticNet(alpha=0.05, **TIGHT).fit(X, Y[:, k])
        assert_allclose(many.coef_[k], one.coef_, rtol=1e-12, atol=1e-14)


def test_elastic_net_warns_at_max_iter():
    """Check that stopping at max_iter raises a ConvergenceWarning naming max_iter and the gap."""
    X, y = _diabetes()
    with pytest.warns(ConvergenceWarning, match=r"max_iter=3.*Duality gap"):
        reg = Lasso(alpha=1e-4, max_iter=3).fit(X, y)
    assert reg.n_iter_ == 3


# Errors -------------------------------------------------------------------------


@pytest.mark.parametrize("Estimator", [Lasso, ElasticNet])
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
def test_coordinate_descent_fit_rejects_invalid_data(Estimator, X, y, match):
    """Check that fit rejects invalid data with a message naming the problem."""
    with pytest.raises(ValueError, match=match):
        Estimator().fit(X, y)


@pytest.mark.parametrize(
    "Estimator, params, match",
    [
        (Lasso, {"alpha": -1.0}, r"The 'alpha' parameter of Lasso must be a float in "
         r"the range \[0, inf\). Got -1.0 instead."),
        (ElasticNet, {"alpha": -0.5}, r"'alpha' parameter of ElasticNet .* Got -0.5"),
        (ElasticNet, {"l1_ratio": 1.2}, r"'l1_ratio' parameter .* \[0, 1\]. Got 1.2"),
        (Lasso, {"max_iter": 0}, r"'max_iter' parameter .* Got 0 instead"),
        (Lasso, {"tol": -1e-4}, r"'tol' parameter .* Got -0.0001 instead"),
    ],
)
def test_coordinate_descent_fit_rejects_invalid_params(Estimator, params, match):
    """Check that fit rejects invalid parameters with a message naming the parameter."""
    X, y = _diabetes()
    with pytest.raises(ValueError, match=match):
        Estimator(**params).fit(X, y)


@pytest.mark.parametrize("Estimator", [Lasso, ElasticNet])
def test_coordinate_descent_predict_rejects_wrong_feature_count(Estimator):
    """Check that predict rejects X with a different number of features than fit."""
    X, y = _diabetes()
    reg = Estimator(alpha=0.1).fit(X, y)
    with pytest.raises(ValueError, match=f"X has 3 features, but {Estimator.__name__}"):
        reg.predict(X[:, :3])


@pytest.mark.parametrize("Estimator", [Lasso, ElasticNet])
def test_coordinate_descent_predict_before_fit_raises_not_fitted(Estimator):
    """Check that predict before fit raises NotFittedError."""
    with pytest.raises(NotFittedError, match="instance is not fitted"):
        Estimator().predict([[1.0]])

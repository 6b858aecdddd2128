"""Tests for HuberRegressor, compared against sklearn.linear_model.HuberRegressor."""

import numpy as np
import pytest
from numpy.testing import assert_allclose
from sklearn.datasets import load_diabetes, make_regression
from sklearn.linear_model import HuberRegressor as SklearnHuberRegressor
from sklearn.linear_model import LinearRegression as SklearnLinearRegression

from skratch.exceptions import ConvergenceWarning, NotFittedError
from skratch.linear_model import HuberRegressor
from skratch.linear_model._huber import _huber_objective

# Both run L-BFGS-B from the same start on the same objective: they reach the same
# optimum (in practice to rounding); the issue asks for 1e-4.
TOL = 1e-4


def _diabetes():
    X, y = load_diabetes(return_X_y=True)
    return (X - X.mean(axis=0)) / X.std(axis=0), (y - y.mean()) / y.std()


def _line_with_outliers():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(300, 4))
    y = X @ np.array([1.0, -2.0, 0.5, 3.0]) + 0.3 * rng.normal(size=300)
    y[:20] += 30.0  # 20 gross outliers, all on one side
    return X, y


def _regression_flipped():
    X, y = make_regression(n_samples=200, n_features=5, noise=5.0, random_state=0)
    y[:10] *= -5.0
    return X, y


def _one_feature():
    rng = np.random.default_rng(1)
    X = rng.uniform(0, 10, size=(60, 1))
    y = 2.0 * X[:, 0] + 1.0 + rng.normal(size=60)
    y[-5:] = 40.0
    return X, y


DATASETS = {
    "diabetes": _diabetes,
    "outliers": _line_with_outliers,
    "flipped": _regression_flipped,
    "one_feature": _one_feature,
}
PARAMS = [
    {},
    {"fit_intercept": False},
    {"epsilon": 1.1, "alpha": 1.0},
    {"epsilon": 3.0, "alpha": 0.0},
]


@pytest.mark.parametrize("params", PARAMS)
@pytest.mark.parametrize("dataset", DATASETS)
def test_huber_matches_sklearn(dataset, params):
    """Check that coef_, intercept_, scale_ and outliers_ equal scikit-learn's to 1e-4."""
    X, y = DATASETS[dataset]()
    ours = HuberRegressor(**params).fit(X, y)
    theirs = SklearnHuberRegressor(**params).fit(X, y)
    assert_allclose(ours.coef_, theirs.coef_, atol=TOL, rtol=0)
    assert_allclose(ours.intercept_, theirs.intercept_, atol=TOL, rtol=0)
    assert_allclose(ours.scale_, theirs.scale_, atol=TOL, rtol=0)
    assert np.array_equal(ours.outliers_, theirs.outliers_)
    assert abs(ours.n_iter_ - theirs.n_iter_) <= 2


def test_huber_matches_sklearn_with_sample_weight():
    """Check that weighted fits equal scikit-learn's to 1e-4."""
    X, y = _line_with_outliers()
    weights = np.random.default_rng(2).uniform(0.1, 3.0, size=len(y))
    ours = HuberRegressor().fit(X, y, sample_weight=weights)
    theirs = SklearnHuberRegressor().fit(X, y, sample_weight=weights)
    assert_allclose(ours.coef_, theirs.coef_, atol=TOL, rtol=0)
    assert_allclose(ours.scale_, theirs.scale_, atol=TOL, rtol=0)


def test_huber_objective_gradient_matches_finite_differences():
    """Check that the analytic gradient equals central differences to 1e-6."""
    X, y = _line_with_outliers()
    params = np.array([0.5, -1.0, 0.2, 2.0, 0.3, 1.7])
    args = (X, y, 1.35, 0.1, np.ones(len(y)), True)
    _, grad = _huber_objective(params, *args)
    h = 1e-6
    numeric = [
        (_huber_objective(params + h * e, *args)[0]
         - _huber_objective(params - h * e, *args)[0]) / (2 * h)
        for e in np.eye(len(params))
    ]
    assert_allclose(grad, numeric, rtol=1e-6, atol=1e-4)


def test_huber_objective_equals_sklearn_formula():
    """Check that the objective equals scikit-learn's loss at a random point to 1e-12."""
    from sklearn.linear_model._huber import _huber_loss_and_gradient

    X, y = _regression_flipped()
    params = np.random.default_rng(3).normal(size=X.shape[1] + 2)
    params[-1] = 4.0
    weights = np.ones(len(y))
    ours, our_grad = _huber_objective(params, X, y, 1.35, 0.5, weights, True)
    theirs, their_grad = _huber_loss_and_gradient(params, X, y, 1.35, 0.5, weights)
    assert_allclose(ours, theirs, rtol=1e-12)
    assert_allclose(our_grad, their_grad, rtol=1e-10, atol=1e-10)


def test_huber_resists_outliers_better_than_least_squares():
    """Check that on data with outliers Huber's slope is closer to the true one."""
    X, y = _one_feature()
    huber = HuberRegressor().fit(X, y)
    ols = SklearnLinearRegression().fit(X, y)
    assert abs(huber.coef_[0] - 2.0) < 0.1 < abs(ols.coef_[0] - 2.0)
    assert huber.outliers_[-5:].all()


def test_huber_scale_follows_the_unit_of_y():
    """Check that multiplying y by 10 multiplies coef_ and scale_ by 10 (alpha=0)."""
    X, y = _line_with_outliers()
    small = HuberRegressor(alpha=0.0).fit(X, y)
    large = HuberRegressor(alpha=0.0).fit(X, 10 * y)
    assert_allclose(large.coef_, 10 * small.coef_, rtol=1e-4)
    assert_allclose(large.scale_, 10 * small.scale_, rtol=1e-4)


def test_huber_warm_start_starts_from_previous_fit():
    """Check that a warm start from the optimum needs (almost) no iteration."""
    X, y = _line_with_outliers()
    huber = HuberRegressor(warm_start=True).fit(X, y)
    first = huber.n_iter_
    coef = huber.coef_.copy()
    huber.fit(X, y)
    assert huber.n_iter_ < first
    assert_allclose(huber.coef_, coef, atol=TOL)


def test_huber_max_iter_warns():
    """Check that stopping at max_iter raises a ConvergenceWarning."""
    X, y = _line_with_outliers()
    with pytest.warns(ConvergenceWarning, match="lbfgs failed to converge"):
        HuberRegressor(max_iter=2).fit(X, y)


@pytest.mark.parametrize(
    "params, match",
    [
        ({"epsilon": 0.5}, "epsilon"),
        ({"alpha": -1.0}, "alpha"),
        ({"max_iter": -1}, "max_iter"),
        ({"tol": -1.0}, "tol"),
    ],
)
def test_huber_rejects_bad_parameters(params, match):
    """Check that invalid parameters raise a ValueError naming the parameter."""
    X, y = _one_feature()
    with pytest.raises(ValueError, match=match):
        HuberRegressor(**params).fit(X, y)


def test_huber_rejects_bad_input():
    """Check that NaN, inconsistent lengths and unfitted predict are refused."""
    X, y = _one_feature()
    X_nan = X.copy()
    X_nan[0, 0] = np.nan
    with pytest.raises(ValueError, match="NaN"):
        HuberRegressor().fit(X_nan, y)
    with pytest.raises(ValueError, match="inconsistent numbers of samples"):
        HuberRegressor().fit(X, y[:-1])
    with pytest.raises(NotFittedError):
        HuberRegressor().predict(X)
    with pytest.raises(ValueError, match="features"):
        HuberRegressor().fit(X, y).predict(np.ones((2, 3)))

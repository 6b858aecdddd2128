"""Tests for SGDRegressor, compared against sklearn.linear_model.SGDRegressor."""

import numpy as np
import pytest
from numpy.testing import assert_allclose
from sklearn.datasets import load_diabetes
from sklearn.linear_model import LinearRegression as SklearnLinearRegression
from sklearn.linear_model import Ridge as SklearnRidge
from sklearn.linear_model import SGDRegressor as SklearnSGDRegressor

from skratch.exceptions import ConvergenceWarning, NotFittedError
from skratch.linear_model import LinearRegression, SGDRegressor
from skratch.linear_model._sgd import _learning_rate

stops_early = pytest.mark.filterwarnings(
    "ignore::skratch.exceptions.ConvergenceWarning",
    "ignore::sklearn.exceptions.ConvergenceWarning",
)

# Without shuffling our updates are scikit-learn's, in the same order: only rounding
# differs (scikit-learn stores w as a scale times a vector).
EXACT_RTOL = 1e-8
EXACT_ATOL = 1e-10


def _diabetes():
    X, y = load_diabetes(return_X_y=True)
    return (X - X.mean(axis=0)) / X.std(axis=0), (y - y.mean()) / y.std()


def _generated(n_samples=400):
    rng = np.random.default_rng(0)
    X = rng.normal(size=(n_samples, 5))
    y = X @ np.array([1.5, -2.0, 0.0, 0.3, 0.0]) + 1.0 + 0.3 * rng.normal(size=n_samples)
    return X, y


DATASETS = {"diabetes": _diabetes, "generated": _generated}


@stops_early
@pytest.mark.parametrize("learning_rate", ["constant", "invscaling", "optimal", "adaptive"])
@pytest.mark.parametrize("penalty", ["l2", "l1", "elasticnet", None])
@pytest.mark.parametrize("dataset", DATASETS)
def test_sgd_regressor_matches_sklearn_without_shuffling(dataset, penalty, learning_rate):
    """Check that with shuffle=False every update, hence the result, equals scikit-learn's."""
    X, y = DATASETS[dataset]()
    params = dict(
        penalty=penalty, learning_rate=learning_rate, alpha=0.1, shuffle=False, max_iter=30
    )
    ours = SGDRegressor(**params).fit(X, y)
    theirs = SklearnSGDRegressor(**params).fit(X, y)

    assert ours.n_iter_ == theirs.n_iter_
    assert ours.t_ == theirs.t_
    assert_allclose(ours.coef_, theirs.coef_, rtol=EXACT_RTOL, atol=EXACT_ATOL)
    assert_allclose(ours.intercept_, theirs.intercept_, rtol=EXACT_RTOL, atol=EXACT_ATOL)


@pytest.mark.parametrize("batch_size", [1, 16])
def test_sgd_regressor_converges_to_least_squares(batch_size):
    """Check that without penalty SGD ends within 0.02 of the least-squares coefficients."""
    X, y = _generated()
    reg = SGDRegressor(
        penalty=None, batch_size=batch_size, tol=1e-6, max_iter=2000, random_state=0
    ).fit(X, y)
    exact = SklearnLinearRegression().fit(X, y)
    assert_allclose(reg.coef_, exact.coef_, atol=0.02)
    assert_allclose(reg.intercept_[0], exact.intercept_, atol=0.02)


@pytest.mark.parametrize("batch_size", [1, 16])
@pytest.mark.parametrize("dataset", DATASETS)
def test_sgd_regressor_reaches_least_squares_error(dataset, batch_size):
    """Check that without penalty the training MSE ends within 1% of the least-squares MSE."""
    X, y = DATASETS[dataset]()
    reg = SGDRegressor(
        penalty=None, batch_size=batch_size, tol=1e-6, max_iter=2000, random_state=0
    ).fit(X, y)
    # Not the coefficients on diabetes: s1 to s4 are strongly correlated, and along
    # those directions the MSE is so flat that SGD's end point wanders far from the
    # least-squares coefficients at almost no cost in error.
    exact = SklearnLinearRegression().fit(X, y)
    mse_exact = np.mean((y - exact.predict(X)) ** 2)
    assert np.mean((y - reg.predict(X)) ** 2) < 1.01 * mse_exact


@pytest.mark.parametrize("alpha", [0.01, 0.1])
def test_sgd_regressor_l2_converges_to_ridge(alpha):
    """Check that the L2-penalised SGD ends within 0.01 of Ridge(alpha * n_samples)."""
    X, y = _generated()
    reg = SGDRegressor(
        alpha=alpha, eta0=0.01, tol=1e-7, max_iter=3000, random_state=0, batch_size=8
    ).fit(X, y)
    # (1/2n) ||y - Xw||^2 + (alpha/2) ||w||^2, times 2n, is Ridge's objective.
    ridge = SklearnRidge(alpha=alpha * len(X)).fit(X, y)
    assert_allclose(reg.coef_, ridge.coef_, atol=0.01)
    assert_allclose(reg.intercept_[0], ridge.intercept_, atol=0.01)


@pytest.mark.parametrize("dataset", DATASETS)
def test_sgd_regressor_held_out_r2_close_to_sklearn(dataset):
    """Check that with shuffling the held-out R^2 is within 0.02 of scikit-learn's."""
    X, y = DATASETS[dataset]()
    rng = np.random.default_rng(1)
    test = rng.permutation(len(X))[: len(X) // 4]
    train = np.setdiff1d(np.arange(len(X)), test)
    ours = SGDRegressor(random_state=0).fit(X[train], y[train])
    theirs = SklearnSGDRegressor(random_state=0).fit(X[train], y[train])
    assert abs(ours.score(X[test], y[test]) - theirs.score(X[test], y[test])) < 0.02


def test_sgd_regressor_invscaling_schedule_exact():
    """Check that invscaling gives eta_t = eta0 / t^power_t, exactly."""
    for t in [1.0, 2.0, 10.0, 12345.0]:
        assert _learning_rate("invscaling", 0.05, 0.3, 1e-4, t) == 0.05 / t**0.3
        assert _learning_rate("constant", 0.05, 0.3, 1e-4, t) == 0.05
        assert _learning_rate("optimal", 0.05, 0.3, 0.1, t, 7.0) == 1 / (0.1 * (6 + t))


@stops_early
@pytest.mark.parametrize("batch_size", [1, 7, 50])
def test_sgd_regressor_mini_batch_updates_follow_the_rule(batch_size):
    """Check that fit replays the mini-batch rule w -= eta_t mean(residual x) step by step."""
    X, y = _generated(n_samples=50)
    eta0, power_t = 0.05, 0.4
    reg = SGDRegressor(
        penalty=None, shuffle=False, batch_size=batch_size, eta0=eta0, power_t=power_t,
        max_iter=3, tol=None,
    ).fit(X, y)

    w, b, t = np.zeros(X.shape[1]), 0.0, 1
    for _ in range(3):
        for start in range(0, len(X), batch_size):
            X_batch, y_batch = X[start : start + batch_size], y[start : start + batch_size]
            eta = eta0 / t**power_t
            residual = X_batch @ w + b - y_batch
            w = w - eta * X_batch.T @ residual / len(y_batch)
            b = b - eta * residual.mean()
            t += 1
    assert reg.t_ == t
    assert_allclose(reg.coef_, w, rtol=1e-12)
    assert_allclose(reg.intercept_[0], b, rtol=1e-12)


def test_sgd_regressor_full_batch_is_gradient_descent():
    """Check that batch_size=n_samples with a constant rate is LinearRegression(solver="gd")."""
    X, y = _generated(n_samples=60)
    steps = 25
    reg = SGDRegressor(
        penalty=None, learning_rate="constant", eta0=0.1, batch_size=len(X),
        shuffle=False, max_iter=steps, tol=None,
    ).fit(X, y)
    # LinearRegression's loss is the MSE, twice ours: the same step needs half the rate.
    with pytest.warns(ConvergenceWarning):
        gd = LinearRegression(solver="gd", learning_rate=0.05, max_iter=steps, tol=0).fit(
            X, y
        )
    assert_allclose(reg.coef_, gd.coef_, rtol=1e-10)
    assert_allclose(reg.intercept_[0], gd.intercept_, rtol=1e-10)


def test_sgd_regressor_random_state_reproducible():
    """Check that a fixed random_state gives identical fits and another seed a different one."""
    X, y = _diabetes()
    first = SGDRegressor(random_state=3).fit(X, y)
    again = SGDRegressor(random_state=3).fit(X, y)
    other = SGDRegressor(random_state=4).fit(X, y)
    assert_allclose(first.coef_, again.coef_, rtol=0)
    assert first.loss_curve_ == again.loss_curve_
    assert not np.allclose(first.coef_, other.coef_, rtol=1e-8)


def test_sgd_regressor_loss_curve_and_stopping_rule():
    """Check that loss_curve_ has one value per epoch and fit stops as the tol rule says."""
    X, y = _diabetes()
    reg = SGDRegressor(tol=1e-3, n_iter_no_change=3, random_state=0).fit(X, y)
    curve = np.array(reg.loss_curve_)
    assert len(curve) == reg.n_iter_
    best_before = np.min(curve[: -3])
    assert np.all(curve[-3:] > best_before - 1e-3)
    assert reg.t_ == 1 + reg.n_iter_ * len(X)


def test_sgd_regressor_loss_curve_is_half_mse_when_constant():
    """Check that with a negligible learning rate loss_curve_ is the objective at w = 0."""
    X, y = _generated(n_samples=40)
    reg = SGDRegressor(
        penalty="l2", alpha=0.5, learning_rate="constant", eta0=1e-300, max_iter=2, tol=None
    ).fit(X, y)
    # The weights hardly move from 0: the objective is (1/2) mean(y^2).
    assert_allclose(reg.loss_curve_, 0.5 * np.mean(y**2), rtol=1e-10)


def test_sgd_regressor_early_stopping():
    """Check that early stopping ends earlier than the training-loss rule and is reproducible."""
    X, y = _diabetes()
    params = dict(early_stopping=True, random_state=0, tol=1e-4)
    reg = SGDRegressor(**params).fit(X, y)
    assert reg.n_iter_ < 1000
    assert_allclose(SGDRegressor(**params).fit(X, y).coef_, reg.coef_, rtol=0)
    assert reg.score(X, y) > 0.4


def test_sgd_regressor_l1_gives_exact_zeros():
    """Check that a strong L1 penalty sets the useless coefficients exactly to zero."""
    X, y = _generated()
    reg = SGDRegressor(penalty="l1", alpha=0.05, random_state=0, max_iter=200).fit(X, y)
    assert reg.coef_[2] == 0.0 and reg.coef_[4] == 0.0
    assert abs(reg.coef_[0]) > 1.0


def test_sgd_regressor_warns_at_max_iter():
    """Check that stopping at max_iter raises a ConvergenceWarning naming max_iter."""
    X, y = _diabetes()
    with pytest.warns(ConvergenceWarning, match="max_iter=2"):
        SGDRegressor(max_iter=2, random_state=0).fit(X, y)


def test_sgd_regressor_divergence_raises():
    """Check that a learning rate that makes the weights overflow raises a ValueError."""
    X, y = _generated()
    with pytest.raises(ValueError, match=r"overflow occurred at epoch #\d+"):
        SGDRegressor(learning_rate="constant", eta0=1e10, random_state=0).fit(X * 1e150, y)


# Errors -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "X, y, match",
    [
        ([[1.0, np.nan], [2.0, 3.0]], [1.0, 2.0], "Input X contains NaN"),
        ([[1.0, np.inf], [2.0, 3.0]], [1.0, 2.0], "Input X contains infinity"),
        ([[1.0, 2.0], [2.0, 3.0]], [1.0, np.inf], "Input y contains infinity"),
        ([1.0, 2.0], [1.0, 2.0], "Expected 2D array, got 1D array instead"),
        ([["a", "b"], ["c", "d"]], [1.0, 2.0], "could not convert string to float: 'a'"),
        ([[1.0], [2.0], [3.0]], [1.0, 2.0], r"inconsistent numbers of samples: \[3, 2\]"),
    ],
    ids=["nan", "inf", "inf_in_y", "1d_X", "strings", "lengths"],
)
def test_sgd_regressor_fit_rejects_invalid_data(X, y, match):
    """Check that fit rejects invalid data with a message naming the problem."""
    with pytest.raises(ValueError, match=match):
        SGDRegressor().fit(X, y)


@pytest.mark.parametrize(
    "params, match",
    [
        ({"loss": "huber"}, r"The 'loss' parameter of SGDRegressor must be a str among "
         r"\{'squared_error'\}. Got 'huber' instead."),
        ({"alpha": -1.0}, r"'alpha' parameter .* \[0, inf\). Got -1.0 instead"),
        ({"eta0": 0.0}, r"'eta0' parameter .* \(0, inf\). Got 0.0 instead"),
        ({"l1_ratio": 1.5}, r"'l1_ratio' parameter .* Got 1.5 instead"),
        ({"penalty": "l3"}, r"'penalty' parameter .* Got 'l3' instead"),
        ({"learning_rate": "fast"}, r"'learning_rate' parameter .* Got 'fast'"),
        ({"batch_size": 0}, r"'batch_size' parameter .* Got 0 instead"),
        ({"learning_rate": "optimal", "alpha": 0.0}, "alpha must be > 0 since"),
    ],
)
def test_sgd_regressor_fit_rejects_invalid_params(params, match):
    """Check that fit rejects invalid parameters with a message naming the parameter."""
    X, y = _generated()
    with pytest.raises(ValueError, match=match):
        SGDRegressor(**params).fit(X, y)


def test_sgd_regressor_predict_rejects_wrong_feature_count():
    """Check that predict rejects X with a different number of features than fit."""
    X, y = _generated()
    reg = SGDRegressor(random_state=0).fit(X, y)
    with pytest.raises(ValueError, match="X has 3 features, but SGDRegressor is expecting 5"):
        reg.predict(X[:, :3])


def test_sgd_regressor_predict_before_fit_raises_not_fitted():
    """Check that predict before fit raises NotFittedError."""
    with pytest.raises(NotFittedError, match="SGDRegressor instance is not fitted"):
        SGDRegressor().predict([[1.0]])

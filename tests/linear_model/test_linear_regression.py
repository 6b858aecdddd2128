"""Tests for LinearRegression, compared against sklearn.linear_model.LinearRegression."""

import numpy as np
import pytest
from numpy.testing import assert_allclose
from sklearn.datasets import load_diabetes
from sklearn.linear_model import LinearRegression as SklearnLinearRegression
from sklearn.metrics import r2_score

from skratch.exceptions import ConvergenceWarning, NotFittedError
from skratch.linear_model import LinearRegression

# Both solve the same least-squares problem through an SVD (scikit-learn calls LAPACK's
# gelsd, we call numpy.linalg.svd): they agree to about 1e-12, and 1e-8 leaves room
# for other BLAS builds. ATOL covers values that are 0 up to rounding.
RTOL = 1e-8
ATOL = 1e-10

# Gradient descent stops on the change of the loss (tol=1e-14 below). Near the optimum
# the loss grows only with the square of the distance to it, so the parameters are then
# still about 1e-6 away (coefficients here are of order 1 to 30).
GD_RTOL = 1e-6
GD_ATOL = 1e-5

# For tests that stop gradient descent early on purpose (few iterations, or tol=0 to
# run all of them).
stops_early = pytest.mark.filterwarnings(
    "ignore::skratch.exceptions.ConvergenceWarning"
)


def _generated():
    # Features on very different scales and offsets, a known line plus noise.
    rng = np.random.default_rng(0)
    X = rng.normal(size=(60, 4)) * [1.0, 10.0, 100.0, 0.1] + [0.0, 5.0, -3.0, 100.0]
    y = X @ np.array([1.5, -2.0, 0.3, 4.0]) + 3.0 + rng.normal(size=60)
    return X, y


def _collinear():
    # Column 4 duplicates column 0 and column 5 is the sum of columns 1 and 2: X^T X is
    # singular, and only the minimum-norm solution is unique.
    X, y = _generated()
    return np.column_stack([X, X[:, 0], X[:, 1] + X[:, 2]]), y


def _multi_target():
    X, y = _generated()
    rng = np.random.default_rng(1)
    return X, np.column_stack([y, 2 * y - X[:, 0], rng.normal(size=len(y))])


def _wide():
    # More features than samples: infinitely many exact fits, one of minimum norm.
    rng = np.random.default_rng(2)
    return rng.normal(size=(8, 12)), rng.normal(size=8)


def _standardised():
    X, y = _generated()
    return (X - X.mean(axis=0)) / X.std(axis=0), y


DATASETS = {
    "diabetes": lambda: load_diabetes(return_X_y=True),
    "generated": _generated,
    "collinear": _collinear,
    "multi_target": _multi_target,
    "wide": _wide,
}


@pytest.mark.parametrize("fit_intercept", [True, False])
@pytest.mark.parametrize("dataset", DATASETS)
def test_linear_regression_matches_sklearn(dataset, fit_intercept):
    """Check that coef_, intercept_ and predictions equal scikit-learn's."""
    X, y = DATASETS[dataset]()
    ours = LinearRegression(fit_intercept=fit_intercept).fit(X, y)
    theirs = SklearnLinearRegression(fit_intercept=fit_intercept).fit(X, y)

    assert ours.coef_.shape == theirs.coef_.shape
    assert_allclose(ours.coef_, theirs.coef_, rtol=RTOL, atol=ATOL)
    assert_allclose(ours.intercept_, theirs.intercept_, rtol=RTOL, atol=ATOL)
    assert_allclose(ours.predict(X), theirs.predict(X), rtol=RTOL, atol=ATOL)


@pytest.mark.parametrize("fit_intercept", [True, False])
@pytest.mark.parametrize("dataset", DATASETS)
def test_linear_regression_rank_and_singular_values_match_sklearn(
    dataset, fit_intercept
):
    """Check that rank_ and singular_ equal scikit-learn's rank_ and singular_."""
    X, y = DATASETS[dataset]()
    ours = LinearRegression(fit_intercept=fit_intercept).fit(X, y)
    theirs = SklearnLinearRegression(fit_intercept=fit_intercept).fit(X, y)

    assert ours.rank_ == theirs.rank_
    assert_allclose(ours.singular_, theirs.singular_, rtol=RTOL, atol=ATOL)


def test_linear_regression_collinear_columns_share_weight():
    """Check that a duplicated column gets its twin's weight (the minimum norm)."""
    X, y = _collinear()
    reg = LinearRegression().fit(X, y)

    assert reg.rank_ == X.shape[1] - 2
    assert_allclose(reg.coef_[0], reg.coef_[4], rtol=RTOL)
    # Any other split of the weight between the twins fits equally well but is longer.
    other = reg.coef_.copy()
    other[0], other[4] = 2 * reg.coef_[0], 0.0
    assert_allclose(X @ other, X @ reg.coef_, rtol=RTOL)
    assert np.linalg.norm(other) > np.linalg.norm(reg.coef_)


@stops_early
@pytest.mark.parametrize("solver", ["svd", "gd"])
def test_linear_regression_attribute_shapes(solver):
    """Check that coef_ and intercept_ have scikit-learn's shapes for 1-D and 2-D y."""
    X, Y = _multi_target()
    X = (X - X.mean(axis=0)) / X.std(axis=0)
    params = dict(solver=solver, learning_rate=0.1)

    one = LinearRegression(**params).fit(X, Y[:, 0])
    assert one.coef_.shape == (4,)
    assert isinstance(one.intercept_, float)
    assert one.n_features_in_ == 4

    column = LinearRegression(**params).fit(X, Y[:, :1])
    assert column.coef_.shape == (1, 4)
    assert column.intercept_.shape == (1,)
    assert column.predict(X).shape == (len(X), 1)

    many = LinearRegression(**params).fit(X, Y)
    assert many.coef_.shape == (3, 4)
    assert many.intercept_.shape == (3,)
    assert many.predict(X).shape == Y.shape

    no_intercept = LinearRegression(fit_intercept=False, **params).fit(X, Y)
    assert no_intercept.intercept_ == 0.0


def test_linear_regression_svd_reports_one_iteration():
    """Check that the svd solver reports n_iter_ = 1 and no gradient-descent path."""
    X, y = _generated()
    reg = LinearRegression().fit(X, y)
    assert reg.n_iter_ == 1
    assert not hasattr(reg, "loss_curve_")
    assert not hasattr(reg, "coef_path_")


@pytest.mark.parametrize("dataset", ["generated", "multi_target"])
def test_linear_regression_score_matches_sklearn_r2(dataset):
    """Check that score equals sklearn.metrics.r2_score, with and without weights."""
    X, y = DATASETS[dataset]()
    reg = LinearRegression().fit(X[:40], y[:40])
    X_test, y_test = X[40:], y[40:]
    weights = np.random.default_rng(0).uniform(size=len(X_test))

    assert_allclose(reg.score(X_test, y_test), r2_score(y_test, reg.predict(X_test)))
    assert_allclose(
        reg.score(X_test, y_test, sample_weight=weights),
        r2_score(y_test, reg.predict(X_test), sample_weight=weights),
    )


@stops_early
def test_linear_regression_does_not_modify_input():
    """Check that fit leaves X and y untouched."""
    X, y = _generated()
    X_before, y_before = X.copy(), y.copy()
    LinearRegression().fit(X, y)
    LinearRegression(solver="gd", learning_rate=1e-6, max_iter=10).fit(X, y)
    assert_allclose(X, X_before, rtol=0)
    assert_allclose(y, y_before, rtol=0)


# Gradient descent ---------------------------------------------------------------


@pytest.mark.parametrize("fit_intercept", [True, False])
def test_linear_regression_gd_converges_to_svd_solution(fit_intercept):
    """Check that gradient descent on standardised data reaches the svd solution."""
    X, y = _standardised()
    gd = LinearRegression(
        solver="gd",
        fit_intercept=fit_intercept,
        learning_rate=0.1,
        max_iter=10_000,
        tol=1e-14,
    ).fit(X, y)
    svd = LinearRegression(fit_intercept=fit_intercept).fit(X, y)

    assert gd.n_iter_ < 10_000
    assert_allclose(gd.coef_, svd.coef_, rtol=GD_RTOL, atol=GD_ATOL)
    assert_allclose(gd.intercept_, svd.intercept_, rtol=GD_RTOL, atol=GD_ATOL)


@stops_early
def test_linear_regression_gd_multi_target_matches_single_target_fits():
    """Check that a 2-D y gives, for each target, the fit of that target alone."""
    X, Y = _multi_target()
    X = (X - X.mean(axis=0)) / X.std(axis=0)
    params = dict(solver="gd", learning_rate=0.05, max_iter=300, tol=0.0)
    many = LinearRegression(**params).fit(X, Y)

    for target in range(Y.shape[1]):
        one = LinearRegression(**params).fit(X, Y[:, target])
        assert_allclose(many.coef_[target], one.coef_, rtol=1e-10)
        assert_allclose(many.intercept_[target], one.intercept_, rtol=1e-10)
        assert_allclose(
            many.coef_path_[:, target], one.coef_path_, rtol=1e-10, atol=1e-12
        )


@stops_early
def test_linear_regression_gd_loss_curve_non_increasing():
    """Check that the loss never increases with a small learning rate."""
    X, y = _standardised()
    reg = LinearRegression(solver="gd", learning_rate=0.01, max_iter=500, tol=0.0).fit(
        X, y
    )
    assert len(reg.loss_curve_) == reg.n_iter_ == 500
    assert all(isinstance(loss, float) for loss in reg.loss_curve_)
    assert np.all(np.diff(reg.loss_curve_) <= 0)


@stops_early
def test_linear_regression_gd_loss_curve_is_mse_along_path():
    """Check that loss_curve_[k] is the MSE of the parameters after iteration k + 1."""
    X, y = _standardised()
    reg = LinearRegression(solver="gd", learning_rate=0.05, max_iter=50, tol=0.0).fit(
        X, y
    )
    # (n_iter_, n_samples): the predictions of every step at once.
    predictions = reg.coef_path_[1:] @ X.T + reg.intercept_path_[1:, None]
    mse = np.mean((y - predictions) ** 2, axis=1)
    assert_allclose(reg.loss_curve_, mse, rtol=1e-12)


@stops_early
@pytest.mark.parametrize("fit_intercept", [True, False])
def test_linear_regression_gd_path_starts_at_zero_and_ends_at_coef(fit_intercept):
    """Check that coef_path_ and intercept_path_ go from zeros to the fitted values."""
    X, y = _standardised()
    reg = LinearRegression(
        solver="gd", fit_intercept=fit_intercept, learning_rate=0.1, max_iter=20
    ).fit(X, y)

    assert reg.coef_path_.shape == (reg.n_iter_ + 1, X.shape[1])
    assert reg.intercept_path_.shape == (reg.n_iter_ + 1,)
    assert_allclose(reg.coef_path_[0], 0.0)
    assert_allclose(reg.coef_path_[-1], reg.coef_)
    assert_allclose(reg.intercept_path_[-1], reg.intercept_)
    if not fit_intercept:
        assert_allclose(reg.intercept_path_, 0.0)


@stops_early
def test_linear_regression_gd_multi_target_path_shape():
    """Check that with a 2-D y the path is (n_iter_ + 1, n_targets, n_features)."""
    X, Y = _multi_target()
    X = (X - X.mean(axis=0)) / X.std(axis=0)
    reg = LinearRegression(solver="gd", learning_rate=0.1, max_iter=15).fit(X, Y)
    assert reg.coef_path_.shape == (16, 3, 4)
    assert reg.intercept_path_.shape == (16, 3)


def test_linear_regression_gd_stops_when_loss_change_below_tol():
    """Check that gradient descent stops at the first loss change below tol."""
    X, y = _standardised()
    tol = 1e-3
    reg = LinearRegression(
        solver="gd", learning_rate=0.01, max_iter=10_000, tol=tol
    ).fit(X, y)
    changes = np.abs(np.diff(reg.loss_curve_))
    assert changes[-1] < tol
    assert np.all(changes[:-1] >= tol)


def test_linear_regression_gd_warns_at_max_iter():
    """Check that stopping at max_iter raises a ConvergenceWarning naming max_iter."""
    X, y = _standardised()
    reg = LinearRegression(solver="gd", learning_rate=0.01, max_iter=5)
    with pytest.warns(ConvergenceWarning, match="max_iter=5 iterations"):
        reg.fit(X, y)
    assert reg.n_iter_ == 5


def test_linear_regression_gd_diverging_learning_rate_raises():
    """Check that a learning rate too large for the data raises a ValueError."""
    X, y = _generated()  # unscaled: a feature with standard deviation 100
    reg = LinearRegression(solver="gd", learning_rate=0.1)
    with pytest.raises(
        ValueError, match=r"diverged at iteration \d+.*learning_rate=0.1"
    ):
        reg.fit(X, y)


# Errors -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "X, y, match",
    [
        ([[1.0, np.nan], [2.0, 3.0]], [1.0, 2.0], "Input X contains NaN"),
        ([[1.0, np.inf], [2.0, 3.0]], [1.0, 2.0], "Input X contains infinity"),
        ([[1.0, 2.0], [2.0, 3.0]], [1.0, np.nan], "Input y contains NaN"),
        ([1.0, 2.0, 3.0], [1.0, 2.0, 3.0], "Expected 2D array, got 1D array instead"),
        (
            [["1", "b"], ["c", "d"]],
            [1.0, 2.0],
            "could not convert string to float: 'b'",
        ),
        (
            [[1.0], [2.0], [3.0]],
            [1.0, 2.0, 3.0, 4.0],
            r"inconsistent numbers of samples: \[3, 4\]",
        ),
        (np.empty((0, 3)), [], r"0 sample\(s\) \(shape=\(0, 3\)\).*LinearRegression"),
    ],
    ids=["nan", "inf", "nan_in_y", "1d_X", "strings", "lengths", "empty"],
)
def test_linear_regression_fit_rejects_invalid_data(X, y, match):
    """Check that fit rejects invalid data with a message naming the problem."""
    with pytest.raises(ValueError, match=match):
        LinearRegression().fit(X, y)


@pytest.mark.parametrize(
    "params, match",
    [
        (
            {"solver": "normal"},
            r"The 'solver' parameter of LinearRegression must be a str among "
            r"\{'gd', 'svd'\}. Got 'normal' instead.",
        ),
        (
            {"learning_rate": -0.1},
            r"The 'learning_rate' parameter of LinearRegression must be a float in the "
            r"range \(0, inf\). Got -0.1 instead.",
        ),
        ({"learning_rate": 0}, r"'learning_rate' parameter .* Got 0 instead"),
        (
            {"max_iter": 0},
            r"'max_iter' parameter .* an int in the range \[1, inf\). Got 0",
        ),
        ({"max_iter": 10.5}, r"'max_iter' parameter .* Got 10.5 instead"),
        (
            {"tol": -1e-3},
            r"'tol' parameter .* a float in the range \[0, inf\). Got -0.001",
        ),
        ({"fit_intercept": "yes"}, r"'fit_intercept' parameter .* Got 'yes' instead"),
    ],
)
def test_linear_regression_fit_rejects_invalid_params(params, match):
    """Check that fit rejects invalid parameters with scikit-learn's message."""
    X, y = _generated()
    with pytest.raises(ValueError, match=match):
        LinearRegression(**params).fit(X, y)


def test_linear_regression_init_does_not_validate():
    """Check that invalid parameters are stored by __init__ and only rejected by fit."""
    reg = LinearRegression(learning_rate=-1)
    assert reg.learning_rate == -1


def test_linear_regression_predict_rejects_wrong_feature_count():
    """Check that predict rejects X with a different number of features than fit."""
    X, y = _generated()
    reg = LinearRegression().fit(X, y)
    with pytest.raises(
        ValueError,
        match="X has 3 features, but LinearRegression is expecting 4 features",
    ):
        reg.predict(X[:, :3])


def test_linear_regression_predict_before_fit_raises_not_fitted():
    """Check that predict before fit raises NotFittedError."""
    with pytest.raises(
        NotFittedError, match="This LinearRegression instance is not fitted"
    ):
        LinearRegression().predict([[1.0, 2.0]])


def test_linear_regression_predict_rejects_nan():
    """Check that predict rejects NaN like fit does."""
    X, y = _generated()
    reg = LinearRegression().fit(X, y)
    X[0, 0] = np.nan
    with pytest.raises(ValueError, match="Input X contains NaN"):
        reg.predict(X)

"""Tests for the regression metrics, compared against sklearn.metrics."""

import numpy as np
import pytest
import sklearn.metrics as skm
from numpy.testing import assert_allclose
from sklearn.datasets import load_diabetes
from sklearn.linear_model import LinearRegression

import skratch.metrics as scm
from skratch.exceptions import UndefinedMetricWarning

TOL = 1e-12
NAMES = ["mean_squared_error", "mean_absolute_error", "r2_score"]


def _diabetes():
    X, y = load_diabetes(return_X_y=True)
    return y, LinearRegression().fit(X[:, :3], y).predict(X[:, :3])


def _multi_output():
    rng = np.random.default_rng(0)
    Y = rng.normal(size=(50, 3)) * [1.0, 10.0, 0.1]
    return Y, Y + rng.normal(size=(50, 3))


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("data", [_diabetes, _multi_output], ids=["diabetes", "multi"])
def test_regression_metric_matches_sklearn(name, data):
    """Check each regression metric against scikit-learn, weighted and per output."""
    y_true, y_pred = data()
    w = np.random.default_rng(1).random(len(y_true))
    options = ["raw_values", "uniform_average"]
    if name == "r2_score":
        options.append("variance_weighted")
    if y_true.ndim == 2:
        options.append(np.array([0.2, 0.3, 0.5]))
    for multioutput in options:
        for kwargs in ({}, {"sample_weight": w}):
            assert_allclose(
                getattr(scm, name)(y_true, y_pred, multioutput=multioutput, **kwargs),
                getattr(skm, name)(y_true, y_pred, multioutput=multioutput, **kwargs),
                rtol=TOL,
            )


@pytest.mark.parametrize("force_finite", [True, False])
@pytest.mark.parametrize(
    "y_true, y_pred",
    [([2.0, 2.0, 2.0], [2.0, 2.0, 2.0]), ([2.0, 2.0, 2.0], [1.0, 2.0, 3.0]),
     ([[1.0, 2.0], [1.0, 3.0]], [[1.0, 2.0], [2.0, 3.0]])],
    ids=["constant_exact", "constant_wrong", "one_constant_output"],
)
def test_r2_score_constant_target_matches_sklearn(y_true, y_pred, force_finite):
    """Check R^2 on constant targets (zero denominator) with and without force_finite."""
    for multioutput in ("raw_values", "uniform_average", "variance_weighted"):
        with np.errstate(all="ignore"):
            expected = skm.r2_score(y_true, y_pred, force_finite=force_finite,
                                    multioutput=multioutput)
        assert_allclose(
            scm.r2_score(y_true, y_pred, force_finite=force_finite,
                         multioutput=multioutput),
            expected, rtol=TOL,
        )


def test_r2_score_single_sample_warns_and_returns_nan():
    """Check that R^2 of one sample is NaN with an UndefinedMetricWarning."""
    with pytest.warns(UndefinedMetricWarning, match="less than two samples"):
        assert np.isnan(scm.r2_score([1.0], [2.0]))


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize(
    "y_true, y_pred, kwargs, match",
    [
        ([1.0, 2.0], [1.0], {}, r"inconsistent numbers of samples: \[2, 1\]"),
        ([1.0, np.nan], [1.0, 2.0], {}, "Input y_true contains NaN"),
        ([1.0, 2.0], [1.0, np.inf], {}, "Input y_pred contains infinity"),
        (["a", "b"], [1.0, 2.0], {}, "could not convert string to float: 'a'"),
        ([[1.0, 2.0]] * 2, [1.0, 2.0], {}, r"different number of output \(2!=1\)"),
        ([1.0, 2.0], [1.0, 2.0], {"multioutput": "mean"}, "'multioutput' parameter of"),
        ([1.0, 2.0], [1.0, 2.0], {"multioutput": [0.5, 0.5]}, "only in multi-output"),
        ([[1.0, 2.0]] * 2, [[1.0, 2.0]] * 2, {"multioutput": [1.0]},
         r"equally many custom weights \(1\) as outputs \(2\)"),
    ],
)
def test_regression_metric_rejects_invalid_input(name, y_true, y_pred, kwargs, match):
    """Check that invalid targets or options raise a ValueError naming the problem."""
    with pytest.raises(ValueError, match=match):
        getattr(scm, name)(y_true, y_pred, **kwargs)

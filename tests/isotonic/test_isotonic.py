"""Tests for IsotonicRegression and isotonic_regression, compared against sklearn.isotonic."""

import pickle

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal
from sklearn import isotonic as sk

from skratch.exceptions import NotFittedError
from skratch.isotonic import IsotonicRegression, check_increasing, isotonic_regression

# The same pooled means, summed in another order (scikit-learn's PAV is SciPy's C++
# code): measured differences are below 1e-13.
TOL = 1e-10


def _continuous(seed=0):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=150)
    return X, X + rng.normal(size=150), None


def _ties(seed=1):
    # Integer X: every value appears several times, so ties are pooled first.
    rng = np.random.default_rng(seed)
    X = rng.integers(0, 20, size=200).astype(float)
    return X, 0.3 * X + rng.normal(size=200), None


def _weighted_ties(seed=2):
    rng = np.random.default_rng(seed)
    X = rng.integers(0, 30, size=250).astype(float)
    w = rng.uniform(0, 3, size=250)
    w[rng.random(250) < 0.1] = 0.0  # zero weights: those samples are dropped
    return X, np.sin(X / 5) + rng.normal(scale=0.5, size=250), w


def _decreasing(seed=3):
    rng = np.random.default_rng(seed)
    X = rng.uniform(-3, 3, size=120)
    return X, -(X**3) + rng.normal(scale=3, size=120), rng.uniform(0.5, 2, size=120)


def _near_ties(seed=4):
    # X values 1e-16 apart count as one value (closer than float64's resolution, 1e-15).
    rng = np.random.default_rng(seed)
    X = np.repeat(np.arange(40.0) / 40, 3) + np.tile([0.0, 1e-16, 3e-16], 40)
    return X, X + rng.normal(scale=0.3, size=120), None


def _single_sample():
    return np.array([2.0]), np.array([5.0]), None


DATASETS = {
    "continuous": _continuous,
    "ties": _ties,
    "weighted_ties": _weighted_ties,
    "decreasing": _decreasing,
    "near_ties": _near_ties,
    "single_sample": _single_sample,
}
PARAMS = [
    {},
    {"increasing": False},
    {"increasing": "auto"},
    {"y_min": -0.5, "y_max": 1.0},
    {"out_of_bounds": "clip"},
    {"increasing": "auto", "y_min": 0.0, "out_of_bounds": "clip"},
]


@pytest.mark.filterwarnings("ignore:Confidence interval")
@pytest.mark.parametrize("dataset", DATASETS)
@pytest.mark.parametrize("params", PARAMS)
def test_isotonic_regression_matches_sklearn(dataset, params):
    """Check that the fitted thresholds and the predictions equal scikit-learn's."""
    X, y, w = DATASETS[dataset]()
    ours = IsotonicRegression(**params).fit(X, y, sample_weight=w)
    theirs = sk.IsotonicRegression(**params).fit(X, y, sample_weight=w)
    assert_allclose(ours.X_thresholds_, theirs.X_thresholds_, rtol=TOL, atol=TOL)
    assert_allclose(ours.y_thresholds_, theirs.y_thresholds_, rtol=TOL, atol=TOL)
    assert ours.X_min_ == theirs.X_min_ and ours.X_max_ == theirs.X_max_
    assert ours.increasing_ == theirs.increasing_
    T = np.linspace(X.min() - 1, X.max() + 1, 101)  # inside and outside the range
    assert_allclose(ours.predict(T), theirs.predict(T), rtol=TOL, atol=TOL)
    assert_allclose(ours.transform(T[:, None]), theirs.transform(T[:, None]),
                    rtol=TOL, atol=TOL)
    assert_allclose(ours.f_(T), theirs.f_(T), rtol=TOL, atol=TOL)


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("increasing", [True, False])
@pytest.mark.parametrize("bounds", [(None, None), (-0.5, None), (None, 0.5), (-1.0, 1.0)])
def test_isotonic_regression_function_matches_sklearn(seed, increasing, bounds):
    """Check that isotonic_regression equals scikit-learn's, weights and bounds too."""
    rng = np.random.default_rng(seed)
    y = np.cumsum(rng.normal(size=300)) / 10 * (1 if increasing else -1)
    y += rng.normal(size=300)
    w = rng.uniform(0.1, 2.0, size=300) if seed % 2 else None
    kwargs = {"sample_weight": w, "y_min": bounds[0], "y_max": bounds[1],
              "increasing": increasing}
    assert_allclose(isotonic_regression(y, **kwargs), sk.isotonic_regression(y, **kwargs),
                    rtol=TOL, atol=TOL)


def test_isotonic_regression_solution_is_monotonic_and_pools_means():
    """Check that the fit is non-decreasing and each block holds its weighted mean."""
    rng = np.random.default_rng(0)
    y, w = rng.normal(size=500), rng.uniform(0.1, 1.0, size=500)
    fit = isotonic_regression(y, sample_weight=w)
    assert np.all(np.diff(fit) >= 0)
    for value in np.unique(fit):
        block = fit == value
        assert_allclose(value, np.average(y[block], weights=w[block]), rtol=1e-12)
    assert_array_equal(isotonic_regression([1.0, 2.0, 3.0]), [1.0, 2.0, 3.0])
    assert_allclose(isotonic_regression([3.0, 2.0, 1.0]), [2.0, 2.0, 2.0])


def test_isotonic_regression_pools_ties_as_weighted_means():
    """Check that samples at the same X are replaced by their weighted mean first."""
    X = [1, 1, 2, 3, 3, 3]
    y = [0.0, 1.0, 5.0, 6.0, 7.0, 9.0]
    w = [1.0, 3.0, 1.0, 1.0, 1.0, 2.0]
    iso = IsotonicRegression().fit(X, y, sample_weight=w)
    assert_allclose(iso.X_thresholds_, [1, 2, 3])
    assert_allclose(iso.y_thresholds_, [0.75, 5.0, 7.75])


def test_isotonic_regression_out_of_bounds():
    """Check NaN, clipping and scikit-learn's errors outside the training range."""
    X, y = [1.0, 2.0, 3.0], [1.0, 3.0, 2.0]
    assert np.isnan(IsotonicRegression().fit(X, y).predict([0.0, 4.0])).all()
    assert_allclose(IsotonicRegression(out_of_bounds="clip").fit(X, y).predict([0.0, 4.0]),
                    [1.0, 2.5])
    ours = IsotonicRegression(out_of_bounds="raise").fit(X, y)
    theirs = sk.IsotonicRegression(out_of_bounds="raise").fit(X, y)
    for T, word in [([2.0, 0.5], "below"), ([5.0], "above")]:
        with pytest.raises(ValueError) as expected:
            theirs.predict(T)
        with pytest.raises(ValueError, match=word) as got:
            ours.predict(T)
        assert str(got.value) == str(expected.value)


def test_isotonic_regression_pickles_and_names_its_output():
    """Check that a fitted model pickles (f_ included) and names its output feature."""
    X, y, _ = _continuous()
    iso = IsotonicRegression().fit(X, y)
    again = pickle.loads(pickle.dumps(iso))
    assert_array_equal(again.predict(X), iso.predict(X))
    assert_array_equal(iso.get_feature_names_out(), ["isotonicregression0"])
    assert_allclose(iso.score(X, y), sk.IsotonicRegression().fit(X, y).score(X, y),
                    rtol=TOL)


def test_check_increasing_matches_sklearn():
    """Check the direction found, and the warning when the correlation is unclear."""
    rng = np.random.default_rng(0)
    x = rng.normal(size=100)
    assert check_increasing(x, x + 0.1 * rng.normal(size=100)) is True
    assert check_increasing(x, -x) is False
    noise = rng.normal(size=100)
    with pytest.warns(UserWarning, match="spans zero"):
        ours = check_increasing(x, noise)
    with pytest.warns(UserWarning, match="spans zero"):
        assert ours == sk.check_increasing(x, noise)


@pytest.mark.parametrize(
    "params, match",
    [
        ({"increasing": "up"}, r"'increasing' parameter of IsotonicRegression.*Got 'up'"),
        ({"out_of_bounds": "wrap"}, r"'out_of_bounds' parameter.*Got 'wrap'"),
        ({"y_min": "low"}, r"'y_min' parameter.*Got 'low'"),
    ],
)
def test_isotonic_regression_invalid_parameters(params, match):
    """Check that invalid parameters raise in fit with a message naming them."""
    with pytest.raises(ValueError, match=match):
        IsotonicRegression(**params).fit([1, 2, 3], [1, 2, 3])


@pytest.mark.parametrize(
    "X, y, match",
    [
        ([1.0, np.nan, 3.0], [1, 2, 3], "Input X contains NaN"),
        ([1.0, 2.0, 3.0], [1, np.inf, 3], "Input y contains infinity"),
        ([[1, 2], [3, 4], [5, 6]], [1, 2, 3], r"1 feature; got shape \(3, 2\)"),
        ([1.0, 2.0, 3.0], [1, 2], r"inconsistent numbers of samples: \[3, 2\]"),
    ],
)
def test_isotonic_regression_bad_input(X, y, match):
    """Check that NaN, infinity, wide X and mismatched lengths are refused."""
    with pytest.raises(ValueError, match=match):
        IsotonicRegression().fit(X, y)


def test_isotonic_regression_bad_input_at_predict():
    """Check the unfitted, NaN and wrong-shape errors of predict."""
    with pytest.raises(NotFittedError, match="IsotonicRegression instance is not fitted"):
        IsotonicRegression().predict([1.0])
    iso = IsotonicRegression().fit([1, 2, 3], [1, 2, 3])
    with pytest.raises(ValueError, match="Input X contains NaN"):
        iso.predict([np.nan])
    with pytest.raises(ValueError, match=r"1 feature; got shape \(2, 2\)"):
        iso.predict([[1, 2], [3, 4]])


def test_isotonic_regression_function_bad_input():
    """Check the weights, shape and parameter errors of isotonic_regression."""
    with pytest.raises(ValueError, match="strictly positive; got a minimum of 0.0"):
        isotonic_regression([3.0, 1.0, 2.0], sample_weight=[1.0, 0.0, 1.0])
    with pytest.raises(ValueError, match=r"1d array, got an array of shape \(1, 3\)"):
        isotonic_regression([[3.0, 1.0, 2.0]])
    with pytest.raises(ValueError, match=r"sample_weight.shape == \(2,\), expected \(3,\)"):
        isotonic_regression([3.0, 1.0, 2.0], sample_weight=[1.0, 1.0])
    with pytest.raises(ValueError, match="Input y contains NaN"):
        isotonic_regression([3.0, np.nan])
    with pytest.raises(ValueError, match=r"'increasing' parameter of isotonic_regression.*"
                                         "Got 'auto'"):
        isotonic_regression([1.0, 2.0], increasing="auto")

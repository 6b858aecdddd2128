"""Tests for SimpleImputer, compared against sklearn.impute.SimpleImputer."""

import numpy as np
import pytest
import sklearn.impute as ski
from numpy.testing import assert_allclose, assert_array_equal
from sklearn.datasets import load_diabetes

from skratch.impute import SimpleImputer

RTOL = 1e-12


def _with_nan(seed=0):
    X = load_diabetes().data[:60, :5].copy()
    rng = np.random.default_rng(seed)
    X[rng.random(X.shape) < 0.2] = np.nan
    X[:, 2] = np.round(X[:, 2] * 100)  # repeated values: a real most-frequent
    return X


@pytest.mark.parametrize("strategy", ["mean", "median", "most_frequent", "constant"])
@pytest.mark.parametrize("keep_empty_features", [False, True])
def test_simple_imputer_matches_sklearn(strategy, keep_empty_features):
    """Check statistics_ and the imputed data, with a column that is all missing."""
    X = _with_nan()
    X[:, 4] = np.nan  # no observed value
    kwargs = {"strategy": strategy, "keep_empty_features": keep_empty_features}
    if strategy == "constant":
        kwargs["fill_value"] = -1.0
    ours = SimpleImputer(**kwargs).fit(X)
    theirs = ski.SimpleImputer(**kwargs).fit(X)
    assert_allclose(np.asarray(ours.statistics_, dtype=float),
                    np.asarray(theirs.statistics_, dtype=float), rtol=RTOL,
                    equal_nan=True)
    X_new = _with_nan(seed=1)
    with _maybe_warns(strategy != "constant" and not keep_empty_features):
        ours_out = ours.transform(X_new)
    with _maybe_warns(strategy != "constant" and not keep_empty_features):
        theirs_out = theirs.transform(X_new)
    assert_allclose(ours_out, theirs_out, rtol=RTOL)
    assert list(ours.get_feature_names_out()) == list(theirs.get_feature_names_out())


def _maybe_warns(expected):
    import contextlib

    if expected:
        return pytest.warns(UserWarning, match="Skipping features without any observed")
    return contextlib.nullcontext()


@pytest.mark.parametrize("strategy", ["most_frequent", "constant"])
def test_simple_imputer_strings_match_sklearn(strategy):
    """Check most_frequent (ties: smallest) and constant on string data."""
    X = np.array([["a", "x"], ["b", None], [None, "y"], ["b", "y"], ["a", None]],
                 dtype=object)
    kwargs = {"strategy": strategy, "missing_values": None}
    ours = SimpleImputer(**kwargs).fit(X)
    theirs = ski.SimpleImputer(**kwargs).fit(X)
    assert_array_equal(ours.statistics_, theirs.statistics_)
    assert_array_equal(ours.transform(X), theirs.transform(X))


@pytest.mark.parametrize("strategy", ["mean", "median", "most_frequent"])
def test_simple_imputer_numeric_missing_marker(strategy):
    """Check a numeric marker (-1) instead of NaN."""
    X = np.array([[1.0, -1.0], [-1.0, 4.0], [3.0, 4.0], [3.0, 6.0]])
    ours = SimpleImputer(missing_values=-1, strategy=strategy).fit_transform(X)
    theirs = ski.SimpleImputer(missing_values=-1, strategy=strategy).fit_transform(X)
    assert_allclose(ours, theirs, rtol=RTOL)


@pytest.mark.parametrize(
    "params, X, match",
    [
        ({}, [[1.0, np.inf]], "Input X contains infinity"),
        ({"missing_values": -1}, [[1.0, np.nan]], "Input X contains NaN"),
        ({}, [["a", "b"]], "Cannot use mean strategy with non-numeric data"),
        ({"strategy": "mode"}, [[1.0]], "'strategy' parameter of SimpleImputer"),
        ({"strategy": "constant", "fill_value": "x"}, [[1.0, np.nan]],
         "fill_value='x' .* cannot be cast"),
        ({}, [1.0, 2.0], "Expected 2D array"),
    ],
)
def test_simple_imputer_rejects_invalid_input(params, X, match):
    """Check the errors for inf, NaN with another marker, strings, bad parameters."""
    with pytest.raises(ValueError, match=match):
        SimpleImputer(**params).fit(X)


def test_simple_imputer_transform_checks_feature_count():
    """Check that transform rejects a different number of features."""
    imp = SimpleImputer().fit(_with_nan())
    with pytest.raises(ValueError, match="X has 2 features, but SimpleImputer is "
                                         "expecting 5 features"):
        imp.transform(np.ones((3, 2)))


@pytest.mark.parametrize("dtype", [np.float32, np.float64, np.int64])
@pytest.mark.parametrize("strategy", ["mean", "median", "most_frequent", "constant"])
def test_simple_imputer_output_dtype_matches_sklearn(dtype, strategy):
    """Check the output dtype: floats keep theirs, integers stay integers unless averaged."""
    marker = np.nan if np.dtype(dtype).kind == "f" else -1
    X = np.array([[1, marker], [2, 3], [2, 5]], dtype=dtype)
    kwargs = dict(strategy=strategy, missing_values=marker, fill_value=0)
    ours = SimpleImputer(**kwargs).fit_transform(X)
    theirs = ski.SimpleImputer(**kwargs).fit_transform(X)
    assert ours.dtype == theirs.dtype
    assert_allclose(ours, theirs, rtol=RTOL)


@pytest.mark.parametrize(
    "params, X",
    [
        ({"missing_values": "x"}, np.array([[1.0, 2.0], [2.0, 3.0]])),
        ({"missing_values": "x", "strategy": "most_frequent"}, np.array([[1, 2], [2, 3]])),
        ({"strategy": "constant", "fill_value": 1.5, "missing_values": -1},
         np.array([[1, -1], [2, 3]])),
        ({"strategy": "constant", "fill_value": "x"}, np.array([[1.0, np.nan]])),
    ],
)
def test_simple_imputer_incompatible_marker_or_fill_says_what_sklearn_says(params, X):
    """Check that a marker or fill value of the wrong kind fails with scikit-learn's message."""
    with pytest.raises(ValueError) as theirs:
        ski.SimpleImputer(**params).fit_transform(X)
    with pytest.raises(ValueError) as ours:
        SimpleImputer(**params).fit_transform(X)
    assert str(ours.value) == str(theirs.value)


def test_simple_imputer_drops_an_empty_integer_column():
    """Check that an all-missing integer column is dropped, not filled with NaN."""
    X = np.array([[1, -1], [2, -1], [2, -1]])
    with pytest.warns(UserWarning, match="Skipping features"):
        ours = SimpleImputer(strategy="most_frequent", missing_values=-1).fit_transform(X)
    assert_array_equal(ours, [[1], [2], [2]])

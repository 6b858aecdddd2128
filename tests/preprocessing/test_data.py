"""Tests for StandardScaler and MinMaxScaler, compared against
sklearn.preprocessing.StandardScaler and MinMaxScaler."""

import numpy as np
import pytest
import sklearn.preprocessing as skp
from numpy.testing import assert_allclose
from sklearn.datasets import load_diabetes, load_iris, load_wine

import skratch.preprocessing as scp
from skratch.exceptions import NotFittedError

RTOL, ATOL = 1e-8, 1e-10  # closed-form statistics: the tolerance


def _generated():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(50, 4)) * [1.0, 1e3, 1e-3, 5.0] + [0.0, -7.0, 1e4, 2.0]
    X[:, 3] = 2.0  # a constant feature: scale 1
    return X


DATA = [lambda: load_iris().data, lambda: load_wine().data,
        lambda: load_diabetes().data, _generated]
IDS = ["iris", "wine", "diabetes", "generated"]


@pytest.mark.parametrize("data", DATA, ids=IDS)
@pytest.mark.parametrize("with_mean, with_std", [(True, True), (False, True),
                                                 (True, False), (False, False)])
def test_standard_scaler_matches_sklearn(data, with_mean, with_std):
    """Check attributes, transform and inverse_transform against scikit-learn."""
    X = data()
    ours = scp.StandardScaler(with_mean=with_mean, with_std=with_std).fit(X)
    theirs = skp.StandardScaler(with_mean=with_mean, with_std=with_std).fit(X)
    for name in ("mean_", "var_", "scale_"):
        a, b = getattr(ours, name), getattr(theirs, name)
        assert (a is None) == (b is None), name
        if a is not None:
            assert_allclose(a, b, rtol=RTOL, atol=ATOL)
    assert ours.n_samples_seen_ == theirs.n_samples_seen_
    X_new = X[::-1] + 0.5
    assert_allclose(ours.transform(X_new), theirs.transform(X_new), rtol=RTOL,
                    atol=ATOL)
    assert_allclose(ours.inverse_transform(ours.transform(X_new)), X_new, rtol=RTOL,
                    atol=ATOL)


@pytest.mark.parametrize("data", DATA, ids=IDS)
@pytest.mark.parametrize("feature_range", [(0, 1), (-1, 1), (-3.5, 10.0)])
@pytest.mark.parametrize("clip", [False, True])
def test_min_max_scaler_matches_sklearn(data, feature_range, clip):
    """Check attributes, transform (outside the range too) and the inverse."""
    X = data()
    ours = scp.MinMaxScaler(feature_range=feature_range, clip=clip).fit(X)
    theirs = skp.MinMaxScaler(feature_range=feature_range, clip=clip).fit(X)
    for name in ("data_min_", "data_max_", "data_range_", "scale_", "min_"):
        assert_allclose(getattr(ours, name), getattr(theirs, name), rtol=RTOL,
                        atol=ATOL)
    X_new = X * 1.5 - 0.3  # partly outside the training range
    assert_allclose(ours.transform(X_new), theirs.transform(X_new), rtol=RTOL,
                    atol=ATOL)
    if not clip:
        assert_allclose(ours.inverse_transform(ours.transform(X_new)), X_new,
                        rtol=RTOL, atol=1e-8)


def test_standard_scaler_copy_false_scales_in_place():
    """Check that copy=False scales a float64 array in place and copy=True does not."""
    X = _generated()
    original = X.copy()
    scp.StandardScaler().fit(X).transform(X)
    assert_allclose(X, original)
    result = scp.StandardScaler(copy=False).fit(X).transform(X)
    assert result is X or np.shares_memory(result, X)


def test_scalers_feature_names_out():
    """Check that one-to-one transformers keep the input names."""
    X = _generated()
    scaler = scp.StandardScaler().fit(X)
    assert list(scaler.get_feature_names_out()) == ["x0", "x1", "x2", "x3"]
    assert list(scp.MinMaxScaler().fit(X).get_feature_names_out(list("abcd"))) == \
        list("abcd")
    with pytest.raises(ValueError, match="input_features should have length"):
        scaler.get_feature_names_out(["a"])


@pytest.mark.parametrize("Scaler", [scp.StandardScaler, scp.MinMaxScaler])
@pytest.mark.parametrize(
    "X, match",
    [
        ([[1.0, np.nan], [2.0, 3.0]], "Input X contains NaN"),
        ([[1.0, np.inf], [2.0, 3.0]], "Input X contains infinity"),
        ([["a", "b"], ["c", "d"]], "could not convert string to float: 'a'"),
        ([1.0, 2.0, 3.0], "Expected 2D array, got 1D array"),
    ],
)
def test_scaler_fit_rejects_invalid_data(Scaler, X, match):
    """Check that NaN, inf, strings and 1-D data raise a clear ValueError."""
    with pytest.raises(ValueError, match=match):
        Scaler().fit(X)


@pytest.mark.parametrize("Scaler", [scp.StandardScaler, scp.MinMaxScaler])
def test_scaler_transform_checks_fitted_and_feature_count(Scaler):
    """Check NotFittedError before fit and the feature-count error after."""
    X = _generated()
    with pytest.raises(NotFittedError):
        Scaler().transform(X)
    with pytest.raises(ValueError, match=f"X has 3 features, but {Scaler.__name__} "
                                         "is expecting 4 features"):
        Scaler().fit(X).transform(X[:, :3])


@pytest.mark.parametrize(
    "params, match",
    [({"feature_range": (1, 0)}, "Minimum of desired feature range must be smaller"),
     ({"feature_range": (0, 1, 2)}, "feature_range must be a tuple of two numbers"),
     ({"feature_range": [0, 1]}, "'feature_range' parameter of MinMaxScaler must be"),
     ({"clip": "yes"}, "'clip' parameter of MinMaxScaler must be")],
)
def test_min_max_scaler_rejects_invalid_params(params, match):
    """Check that a bad feature_range or clip raises a ValueError quoting it."""
    with pytest.raises(ValueError, match=match):
        scp.MinMaxScaler(**params).fit(_generated())

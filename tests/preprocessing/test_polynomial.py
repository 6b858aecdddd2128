"""Tests for PolynomialFeatures, compared against sklearn.preprocessing.PolynomialFeatures."""

import re

import numpy as np
import pytest
import sklearn.preprocessing as skp
from numpy.testing import assert_allclose, assert_array_equal
from sklearn.datasets import load_diabetes

import skratch.preprocessing as scp

RTOL = 1e-8


@pytest.mark.parametrize("degree", [0, 1, 2, 3, 4, (2, 3), (0, 2), (3, 3), (4, 5)])
@pytest.mark.parametrize("interaction_only", [False, True])
@pytest.mark.parametrize("include_bias", [True, False])
def test_polynomial_features_matches_sklearn(degree, interaction_only, include_bias):
    """Check powers_, the columns (same order) and the names against scikit-learn."""
    if degree == 0 and not include_bias:
        pytest.skip("empty output: tested in test_polynomial_features_rejects_...")
    X = load_diabetes().data[:40, :4]
    kwargs = {"interaction_only": interaction_only, "include_bias": include_bias}
    ours = scp.PolynomialFeatures(degree, **kwargs).fit(X)
    theirs = skp.PolynomialFeatures(degree, **kwargs).fit(X)
    assert_array_equal(ours.powers_, theirs.powers_)
    assert ours.n_output_features_ == theirs.n_output_features_
    assert_allclose(ours.transform(X), theirs.transform(X), rtol=RTOL, atol=1e-15)
    assert list(ours.get_feature_names_out(list("abcd"))) == \
        list(theirs.get_feature_names_out(list("abcd")))


def test_polynomial_features_fortran_order():
    """Check that order='F' returns a Fortran-ordered array with the same values."""
    X = np.random.default_rng(0).normal(size=(10, 3))
    out = scp.PolynomialFeatures(3, order="F").fit_transform(X)
    assert out.flags["F_CONTIGUOUS"]
    assert_allclose(out, skp.PolynomialFeatures(3).fit_transform(X), rtol=RTOL)


@pytest.mark.parametrize(
    "params",
    [{"degree": -1}, {"degree": (3, 2)}, {"degree": (-1, 2)}, {"degree": (1.0, 2)},
     {"degree": (1,)}, {"degree": (1, 2, 3)}, {"degree": 2.5}, {"degree": "2"},
     {"degree": 0, "include_bias": False},
     {"degree": (0, 0), "include_bias": False}],
    ids=["negative", "reversed", "negative-min", "float-min", "one", "three",
         "float", "str", "zero-no-bias", "zero-pair-no-bias"],
)
def test_polynomial_features_rejects_invalid_params_as_sklearn(params):
    """Check that bad degrees and orders raise scikit-learn's message, word for word."""
    X = np.ones((3, 2))
    with pytest.raises(ValueError) as theirs:
        skp.PolynomialFeatures(**params).fit(X)
    with pytest.raises(ValueError, match=f"^{re.escape(str(theirs.value))}$"):
        scp.PolynomialFeatures(**params).fit(X)


def test_polynomial_features_rejects_invalid_order():
    """Check that a bad order is named (scikit-learn lists the options unsorted)."""
    with pytest.raises(ValueError, match=r"^The 'order' parameter of "
                       r"PolynomialFeatures must be a str among \{'C', 'F'\}. "
                       r"Got 'K' instead.$"):
        scp.PolynomialFeatures(order="K").fit(np.ones((3, 2)))


@pytest.mark.parametrize("degree", [[1, 3], np.array([0, 2]), (True, 2)])
def test_polynomial_features_accepts_degree_pairs_as_sklearn(degree):
    """Check that any pair of ints is a (min_degree, max_degree), as there."""
    X = load_diabetes().data[:10, :3]
    assert_allclose(scp.PolynomialFeatures(degree).fit_transform(X),
                    skp.PolynomialFeatures(degree).fit_transform(X), rtol=RTOL)


def test_polynomial_features_rejects_invalid_data():
    """Check NaN in X and a wrong feature count raise clear errors."""
    with pytest.raises(ValueError, match="Input X contains NaN"):
        scp.PolynomialFeatures().fit([[1.0, np.nan]])
    poly = scp.PolynomialFeatures().fit(np.ones((3, 2)))
    with pytest.raises(ValueError, match="X has 3 features, but PolynomialFeatures"):
        poly.transform(np.ones((3, 3)))

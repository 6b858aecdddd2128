"""Tests for skratch.metrics.pairwise: kernels and distances against scikit-learn's."""

import numpy as np
import pytest
import sklearn.metrics.pairwise as skpw
from numpy.testing import assert_allclose

import skratch.metrics.pairwise as pw

# The kernels are a few NumPy operations; 1e-8 relative (and 1e-10 absolute, for
# distances of identical rows) leaves room only for summation order.
RTOL, ATOL = 1e-8, 1e-10


def _data(n_X=30, n_Y=20, n_features=5, seed=0):
    rng = np.random.default_rng(seed)
    return rng.normal(size=(n_X, n_features)), rng.normal(size=(n_Y, n_features))


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize(
    "name, params",
    [
        ("linear_kernel", {}),
        ("polynomial_kernel", {}),
        ("polynomial_kernel", {"degree": 2, "gamma": 0.5, "coef0": 0.0}),
        ("rbf_kernel", {}),
        ("rbf_kernel", {"gamma": 2.0}),
        ("sigmoid_kernel", {}),
        ("sigmoid_kernel", {"gamma": 0.05, "coef0": -1.0}),
        ("euclidean_distances", {}),
        ("euclidean_distances", {"squared": True}),
    ],
)
def test_kernels_match_sklearn(name, params, seed):
    """Check every kernel and distance, X against Y and X against itself, to 1e-8."""
    X, Y = _data(seed=seed)
    ours, theirs = getattr(pw, name), getattr(skpw, name)
    assert_allclose(ours(X, Y, **params), theirs(X, Y, **params), rtol=RTOL, atol=ATOL)
    assert_allclose(ours(X, **params), theirs(X, **params), rtol=RTOL, atol=ATOL)


def test_euclidean_distances_of_identical_rows_are_exactly_zero():
    """Check the clipping: no tiny negative or NaN distance for duplicated rows."""
    X = np.full((4, 3), 1e8) + np.arange(3)
    D = pw.euclidean_distances(X, X.copy())
    assert np.all(D >= 0) and np.all(np.isfinite(D))
    assert np.all(np.diag(pw.euclidean_distances(X)) == 0)


@pytest.mark.parametrize("metric", ["linear", "poly", "polynomial", "rbf", "sigmoid"])
def test_pairwise_kernels_by_name_match_sklearn(metric):
    """Check pairwise_kernels by name, with parameters filtered as scikit-learn does."""
    X, Y = _data()
    params = {"gamma": 0.3, "degree": 2, "coef0": 0.5}
    assert_allclose(
        pw.pairwise_kernels(X, Y, metric=metric, filter_params=True, **params),
        skpw.pairwise_kernels(X, Y, metric=metric, filter_params=True, **params),
        rtol=RTOL,
    )


def test_pairwise_kernels_callable_and_precomputed():
    """Check a callable kernel (called on each pair) and a precomputed one (returned)."""
    X, Y = _data(6, 4)

    def laplace(x, z, scale=1.0):
        return np.exp(-np.abs(x - z).sum() / scale)

    assert_allclose(
        pw.pairwise_kernels(X, Y, metric=laplace, scale=2.0),
        skpw.pairwise_kernels(X, Y, metric=laplace, scale=2.0),
        rtol=RTOL,
    )
    K = pw.rbf_kernel(X)
    assert_allclose(pw.pairwise_kernels(K, metric="precomputed"), K)


@pytest.mark.parametrize(
    "call, match",
    [
        (lambda: pw.rbf_kernel(np.ones((3, 2)), np.ones((3, 3))),
         r"Incompatible dimension for X and Y matrices: X.shape\[1\] == 2 while "
         r"Y.shape\[1\] == 3"),
        (lambda: pw.linear_kernel([[1.0, np.nan]]), "Input X contains NaN"),
        (lambda: pw.linear_kernel([[1.0]], [[np.inf]]), "Input Y contains infinity"),
        (lambda: pw.rbf_kernel([1.0, 2.0]), "Expected 2D array"),
        (lambda: pw.pairwise_kernels(np.ones((2, 2)), metric="laplacian"),
         "Unknown kernel 'laplacian'"),
        (lambda: pw.pairwise_kernels(np.ones((2, 2)), np.ones((2, 2)),
                                     metric="precomputed"),
         "Y must be None when metric='precomputed'"),
    ],
)
def test_pairwise_bad_input_is_named(call, match):
    """Check that wrong shapes, NaN/inf and unknown kernels fail with a clear message."""
    with pytest.raises(ValueError, match=match):
        call()

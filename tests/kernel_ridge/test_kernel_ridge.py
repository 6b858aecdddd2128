"""Tests for skratch.kernel_ridge.KernelRidge against scikit-learn's twin."""

import warnings

import numpy as np
import pytest
import sklearn.kernel_ridge as skkr
from numpy.testing import assert_allclose
from sklearn.datasets import load_diabetes, make_regression

from skratch.kernel_ridge import KernelRidge
from skratch.linear_model import Ridge
from skratch.metrics.pairwise import rbf_kernel

# Both solve the same positive-definite n x n system with LAPACK: 1e-8 relative.
RTOL = 1e-8


def _datasets():
    X, y = load_diabetes(return_X_y=True)
    X2, y2 = make_regression(n_samples=60, n_features=4, n_targets=2, noise=5.0,
                             random_state=0)
    rng = np.random.default_rng(0)
    X3 = rng.uniform(-3, 3, size=(80, 1))
    y3 = np.sin(X3[:, 0]) + 0.1 * rng.normal(size=80)
    return [(X[:150], y[:150] - y[:150].mean()), (X2, y2), (X3, y3)]


@pytest.mark.parametrize("data", range(3))
@pytest.mark.parametrize(
    "params",
    [
        {},
        {"kernel": "rbf", "alpha": 0.1},
        {"kernel": "rbf", "gamma": 2.0, "alpha": 1e-3},
        {"kernel": "poly", "degree": 2, "alpha": 0.5},
        {"kernel": "polynomial", "gamma": 0.1, "coef0": 0.0},
        {"kernel": "sigmoid", "gamma": 0.01, "alpha": 2.0},
    ],
)
def test_kernel_ridge_matches_sklearn(params, data):
    """Check dual coefficients and predictions on three datasets and five kernels."""
    X, y = _datasets()[data]
    ours = KernelRidge(**params).fit(X, y)
    theirs = skkr.KernelRidge(**params).fit(X, y)
    assert ours.dual_coef_.shape == theirs.dual_coef_.shape
    assert_allclose(ours.dual_coef_, theirs.dual_coef_, rtol=RTOL, atol=1e-10)
    assert_allclose(ours.predict(X[:20]), theirs.predict(X[:20]), rtol=RTOL, atol=1e-8)


def test_kernel_ridge_sample_weight_and_alpha_per_target_match_sklearn():
    """Check weighted fits and one alpha per target."""
    X, Y = _datasets()[1]
    w = np.random.default_rng(1).uniform(0.1, 3.0, size=len(X))
    for params in ({"kernel": "rbf", "gamma": 0.2}, {"alpha": np.array([0.1, 10.0])}):
        ours = KernelRidge(**params).fit(X, Y, sample_weight=w)
        theirs = skkr.KernelRidge(**params).fit(X, Y, sample_weight=w)
        assert_allclose(ours.dual_coef_, theirs.dual_coef_, rtol=RTOL)
        assert_allclose(ours.predict(X), theirs.predict(X), rtol=RTOL)


def test_kernel_ridge_precomputed_equals_named_kernel():
    """Check kernel='precomputed': fit on K(X, X), predict on K(X_new, X)."""
    X, y = _datasets()[2]
    named = KernelRidge(kernel="rbf", gamma=0.5).fit(X[:60], y[:60])
    pre = KernelRidge(kernel="precomputed").fit(rbf_kernel(X[:60], gamma=0.5), y[:60])
    K_new = rbf_kernel(X[60:], X[:60], gamma=0.5)
    assert_allclose(pre.predict(K_new), named.predict(X[60:]), rtol=1e-12)
    assert pre.__sklearn_tags__().input_tags.pairwise
    assert not named.__sklearn_tags__().input_tags.pairwise


def test_kernel_ridge_linear_kernel_is_ridge_without_intercept():
    """Check the dual solution against the primal one: w = X^T a."""
    X, y = _datasets()[0]
    model = KernelRidge(alpha=0.3).fit(X, y)
    primal = Ridge(alpha=0.3, fit_intercept=False).fit(X, y)
    assert_allclose(X.T @ model.dual_coef_, primal.coef_, rtol=1e-8)


def test_kernel_ridge_callable_kernel_matches_sklearn():
    """Check a callable kernel with kernel_params."""
    X, y = _datasets()[2]

    def laplace(x, z, scale=1.0):
        return np.exp(-np.abs(x - z).sum() / scale)

    params = dict(kernel=laplace, kernel_params={"scale": 0.7}, alpha=0.2)
    ours = KernelRidge(**params).fit(X[:40], y[:40])
    theirs = skkr.KernelRidge(**params).fit(X[:40], y[:40])
    assert_allclose(ours.predict(X[40:]), theirs.predict(X[40:]), rtol=RTOL)


def test_kernel_ridge_singular_system_falls_back_with_a_warning():
    """Check alpha=0 on duplicated rows: least squares, with scikit-learn's warning."""
    X = np.repeat(np.arange(4.0).reshape(-1, 1), 2, axis=0)
    y = X[:, 0] ** 2
    with pytest.warns(Warning, match="Singular matrix in solving dual problem"):
        pred = KernelRidge(alpha=0.0, kernel="rbf").fit(X, y).predict(X)
    assert_allclose(pred, y, atol=1e-6)


@pytest.mark.parametrize(
    "make, match",
    [
        (lambda: KernelRidge().fit([[1.0, np.nan], [2.0, 1.0]], [1, 2]),
         "Input X contains NaN"),
        (lambda: KernelRidge().fit([[1.0], [2.0]], [1.0]), "inconsistent numbers"),
        (lambda: KernelRidge(kernel="laplacian").fit([[1.0]], [1.0]),
         "'kernel' parameter of KernelRidge"),
        (lambda: KernelRidge(alpha=-1.0).fit([[1.0]], [1.0]),
         "'alpha' parameter of KernelRidge"),
        (lambda: KernelRidge(alpha=[1.0, 2.0, 3.0]).fit([[1.0], [2.0]], [1.0, 2.0]),
         "Number of targets and number of penalties do not correspond: 3 != 1"),
        (lambda: KernelRidge(kernel="precomputed").fit(np.ones((3, 2)), [1, 2, 3]),
         r"square kernel matrix; got shape \(3, 2\)"),
        (lambda: KernelRidge().fit(np.ones((3, 2)), [1, 2, 3]).predict(np.ones((1, 3))),
         "X has 3 features, but KernelRidge is expecting 2 features"),
    ],
)
def test_kernel_ridge_bad_input_is_named(make, match):
    """Check NaN, mismatched lengths, unknown kernels, bad alpha and wrong feature counts."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(ValueError, match=match):
            make()


def test_kernel_ridge_unfitted_predict_raises():
    """Check that predict before fit raises NotFittedError."""
    from skratch.exceptions import NotFittedError

    with pytest.raises(NotFittedError, match="not fitted yet"):
        KernelRidge().predict([[1.0]])

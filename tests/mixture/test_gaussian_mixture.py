"""Tests for GaussianMixture, compared against sklearn.mixture.GaussianMixture."""

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal
from scipy.stats import multivariate_normal
from sklearn.datasets import load_iris, load_wine, make_blobs
from sklearn.mixture import GaussianMixture as SklearnGaussianMixture
from sklearn.preprocessing import StandardScaler

from skratch.exceptions import ConvergenceWarning, NotFittedError
from skratch.mixture import GaussianMixture

COVARIANCE_TYPES = ["full", "tied", "diag", "spherical"]
# From the same initial parameters both run the same EM iterations; they differ only
# in rounding (about 1e-13 here). The tolerance is 1e-5.
RTOL = 1e-5
ATOL = 1e-7

DATASETS = {
    "iris": load_iris().data,
    "wine": StandardScaler().fit_transform(load_wine().data),
    "blobs": make_blobs(n_samples=300, centers=3, n_features=3, random_state=0)[0],
}

not_converged = pytest.mark.filterwarnings("ignore::sklearn.exceptions.ConvergenceWarning")


def _initial_parameters(X, covariance_type):
    # A rough start: two EM steps of scikit-learn's from its own k-means start.
    ref = SklearnGaussianMixture(3, covariance_type=covariance_type, max_iter=2,
                                 random_state=0).fit(X)
    return dict(weights_init=ref.weights_, means_init=ref.means_,
                precisions_init=ref.precisions_)


@not_converged
@pytest.mark.parametrize("name", DATASETS)
@pytest.mark.parametrize("covariance_type", COVARIANCE_TYPES)
def test_gaussian_mixture_same_init_matches_sklearn(name, covariance_type):
    """Check that from the same initial parameters EM reaches sklearn's parameters and lower bound."""
    X = DATASETS[name]
    params = dict(covariance_type=covariance_type, tol=1e-6, max_iter=300,
                  **_initial_parameters(X, covariance_type))
    ours = GaussianMixture(3, **params).fit(X)
    theirs = SklearnGaussianMixture(3, **params).fit(X)
    assert ours.n_iter_ == theirs.n_iter_
    assert ours.converged_ == theirs.converged_
    for attribute in ["weights_", "means_", "covariances_", "precisions_",
                      "precisions_cholesky_"]:
        assert_allclose(getattr(ours, attribute), getattr(theirs, attribute),
                        rtol=RTOL, atol=ATOL, err_msg=attribute)
    assert_allclose(ours.lower_bound_, theirs.lower_bound_, rtol=1e-10)
    assert_allclose(ours.lower_bounds_, theirs.lower_bounds_, rtol=1e-10)
    assert_allclose(ours.score_samples(X), theirs.score_samples(X), rtol=1e-8)
    assert_allclose(ours.predict_proba(X), theirs.predict_proba(X), atol=1e-8)
    assert_array_equal(ours.predict(X), theirs.predict(X))
    assert_allclose(ours.bic(X), theirs.bic(X), rtol=1e-8)
    assert_allclose(ours.aic(X), theirs.aic(X), rtol=1e-8)


@pytest.mark.parametrize("covariance_type", COVARIANCE_TYPES)
@pytest.mark.parametrize("init_params", ["kmeans", "k-means++", "random_from_data"])
def test_gaussian_mixture_from_scratch_likelihood_close_to_sklearn(covariance_type, init_params):
    """Check that on well-separated blobs our fit reaches sklearn's log-likelihood within 1e-3 per sample."""
    X, _ = make_blobs(n_samples=400, centers=3, n_features=2, cluster_std=0.6, random_state=1)
    ours = GaussianMixture(3, covariance_type=covariance_type, init_params=init_params,
                           n_init=3, random_state=0).fit(X)
    theirs = SklearnGaussianMixture(3, covariance_type=covariance_type,
                                    init_params=init_params, n_init=3,
                                    random_state=0).fit(X)
    assert abs(ours.score(X) - theirs.score(X)) < 1e-3


@pytest.mark.parametrize("covariance_type", COVARIANCE_TYPES)
def test_gaussian_mixture_densities_match_scipy(covariance_type):
    """Check that score_samples is the log of the weighted sum of scipy's Gaussian densities."""
    X = DATASETS["iris"]
    gm = GaussianMixture(2, covariance_type=covariance_type, random_state=0).fit(X)
    d = X.shape[1]
    covariances = {
        "full": lambda k: gm.covariances_[k],
        "tied": lambda k: gm.covariances_,
        "diag": lambda k: np.diag(gm.covariances_[k]),
        "spherical": lambda k: gm.covariances_[k] * np.eye(d),
    }[covariance_type]
    density = sum(gm.weights_[k] * multivariate_normal(gm.means_[k], covariances(k)).pdf(X)
                  for k in range(2))
    assert_allclose(gm.score_samples(X), np.log(density), rtol=1e-10)


def test_gaussian_mixture_likelihood_never_decreases():
    """Check EM's monotonicity: the lower bound increases at every iteration."""
    X = DATASETS["wine"]
    gm = GaussianMixture(3, random_state=0, tol=1e-8, max_iter=200).fit(X)
    assert np.all(np.diff(gm.lower_bounds_) >= -1e-10)


def test_gaussian_mixture_stays_finite_far_from_data():
    """Check that log-space computation gives finite log-densities and probabilities far away."""
    X = DATASETS["blobs"]
    gm = GaussianMixture(3, random_state=0).fit(X)
    far = np.full((1, 3), 1e4)
    assert np.isfinite(gm.score_samples(far)).all()
    assert_allclose(gm.predict_proba(far).sum(), 1.0)


def test_gaussian_mixture_warm_start_continues():
    """Check that warm_start resumes from the previous fit instead of restarting."""
    X = DATASETS["iris"]
    with pytest.warns(ConvergenceWarning, match="max_iter=2"):
        gm = GaussianMixture(3, max_iter=2, warm_start=True, random_state=0).fit(X)
    first = gm.lower_bound_
    with pytest.warns(ConvergenceWarning):
        gm.fit(X)
    assert gm.lower_bound_ >= first


# Errors -------------------------------------------------------------------------


def test_gaussian_mixture_more_components_than_samples_raises():
    """Check that n_components greater than n_samples raises a ValueError naming both."""
    with pytest.raises(ValueError, match="n_components = 5, n_samples = 3"):
        GaussianMixture(5).fit(np.random.default_rng(0).normal(size=(3, 2)))


@pytest.mark.parametrize(
    "params, match",
    [
        ({"covariance_type": "diagonal"}, r"'covariance_type' parameter of GaussianMixture .* Got 'diagonal'"),
        ({"reg_covar": -1.0}, r"'reg_covar' parameter .* Got -1.0 instead"),
        ({"init_params": "kmeans+"}, r"'init_params' parameter .* Got 'kmeans\+' instead"),
        ({"n_init": 0}, r"'n_init' parameter .* Got 0 instead"),
        ({"weights_init": [0.5, 0.6]}, r"'weights_init' should be non-negative and sum to 1"),
        ({"means_init": np.zeros((3, 4))}, r"'means_init' should have the shape of \(2, 4\), but got \(3, 4\)"),
        ({"precisions_init": -np.ones((2, 4)), "covariance_type": "diag"}, "'diag precision' should be positive"),
        ({"precisions_init": -np.stack([np.eye(4)] * 2)}, "'full precision' should be symmetric, positive-definite"),
    ],
)
def test_gaussian_mixture_rejects_invalid_params(params, match):
    """Check that fit rejects invalid parameters with a message naming the problem."""
    with pytest.raises(ValueError, match=match):
        GaussianMixture(2, **params).fit(DATASETS["iris"])


def test_gaussian_mixture_collapsed_component_raises():
    """Check that a singular covariance with reg_covar=0 raises the ill-defined covariance error."""
    X = np.repeat([[0.0, 0.0], [1.0, 1.0]], 5, axis=0)
    with pytest.raises(ValueError, match="ill-defined empirical covariance"):
        GaussianMixture(2, reg_covar=0, random_state=0).fit(X)


def test_gaussian_mixture_predict_errors():
    """Check NotFittedError before fit and the feature-count error after it."""
    with pytest.raises(NotFittedError, match="GaussianMixture instance is not fitted"):
        GaussianMixture().predict([[0.0, 1.0]])
    gm = GaussianMixture(2, random_state=0).fit(DATASETS["iris"])
    with pytest.raises(ValueError, match="X has 2 features, but GaussianMixture is expecting 4"):
        gm.score_samples(np.zeros((3, 2)))

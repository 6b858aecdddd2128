"""Tests for GaussianAnomalyDetector (the course's own model), compared against
scipy.stats.multivariate_normal and sklearn.covariance.EllipticEnvelope."""

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal
from scipy.stats import multivariate_normal
from sklearn.covariance import EllipticEnvelope
from sklearn.datasets import load_breast_cancer, load_wine
from sklearn.metrics import f1_score
from sklearn.preprocessing import StandardScaler

from skratch.anomaly import GaussianAnomalyDetector
from skratch.exceptions import NotFittedError

DATASETS = {
    "wine": load_wine().data,
    # Standardised: the raw features span six orders of magnitude, which makes the
    # covariance too ill-conditioned for scipy's positive-definiteness check.
    "breast_cancer": StandardScaler().fit_transform(load_breast_cancer().data[:, :10]),
}


def _planted(seed=0, n_normal=500, n_outliers=25):
    # Correlated Gaussian inliers; outliers uniform in a box around them, kept only
    # if they are far (Mahalanobis distance > 4) from the inliers' distribution.
    rng = np.random.default_rng(seed)
    cov = np.array([[2.0, 1.2, 0.0], [1.2, 1.0, 0.3], [0.0, 0.3, 0.5]])
    X_normal = rng.multivariate_normal([1.0, -2.0, 0.5], cov, size=n_normal)
    candidates = rng.uniform(-8, 8, size=(20 * n_outliers, 3)) + [1.0, -2.0, 0.5]
    diff = candidates - [1.0, -2.0, 0.5]
    far = np.einsum("ij,jk,ik->i", diff, np.linalg.inv(cov), diff) > 16
    X_outliers = candidates[far][:n_outliers]
    X = np.vstack([X_normal, X_outliers])
    y = np.r_[np.ones(n_normal, dtype=int), -np.ones(n_outliers, dtype=int)]
    return X, y


@pytest.mark.parametrize("name", DATASETS)
def test_gaussian_anomaly_full_density_matches_scipy(name):
    """Check that the multivariate log-density equals scipy's logpdf to 1e-10."""
    X = DATASETS[name]
    det = GaussianAnomalyDetector(covariance_type="full").fit(X)
    cov = np.cov(X, rowvar=False, bias=True) + 1e-6 * np.eye(X.shape[1])
    expected = multivariate_normal(X.mean(axis=0), cov).logpdf(X)
    assert_allclose(det.covariance_, cov, rtol=1e-12)
    assert_allclose(det.score_samples(X), expected, rtol=1e-10)


@pytest.mark.parametrize("name", DATASETS)
def test_gaussian_anomaly_diag_density_matches_scipy(name):
    """Check that the per-feature log-density equals scipy's logpdf with a diagonal covariance."""
    X = DATASETS[name]
    det = GaussianAnomalyDetector().fit(X)
    expected = multivariate_normal(X.mean(axis=0), np.diag(X.var(axis=0) + 1e-6)).logpdf(X)
    assert_allclose(det.score_samples(X), expected, rtol=1e-10)


def _brute_force_best_f1(scores, y):
    # Every threshold that changes the prediction: just above each score. F1 written
    # out by hand (sklearn's f1_score is too slow to call hundreds of times).
    best = -1.0
    for t in np.unique(scores):
        flagged = scores < np.nextafter(t, np.inf)
        true_positives = np.sum(flagged & (y == -1))
        precision = true_positives / flagged.sum()
        recall = true_positives / np.sum(y == -1)
        if true_positives:
            best = max(best, 2 * precision * recall / (precision + recall))
    return best


@pytest.mark.parametrize("covariance_type", ["diag", "full"])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_gaussian_anomaly_threshold_maximises_validation_f1(covariance_type, seed):
    """Check that the chosen threshold reaches the best F1 over all thresholds (brute force)."""
    X, y = _planted(seed, n_outliers=40)
    # Overlapping validation set: some outliers pulled in, so F1 < 1 and the choice matters.
    rng = np.random.default_rng(seed)
    X_val, y_val = X.copy(), y.copy()
    X_val[y == -1] = X_val[y == -1] * rng.uniform(0.2, 1.0, size=(40, 1))
    det = GaussianAnomalyDetector(covariance_type=covariance_type).fit(
        X[y == 1], X_val=X_val, y_val=y_val)
    best = _brute_force_best_f1(det.score_samples(X_val), y_val)
    achieved = f1_score(y_val, det.predict(X_val), pos_label=-1)
    assert det.threshold_source_ == "validation"
    assert_allclose(achieved, best, rtol=1e-12)
    assert_allclose(det.validation_f1_, best, rtol=1e-12)


def test_gaussian_anomaly_threshold_with_ties():
    """Check that tied validation scores are flagged together and F1 is still maximal."""
    X = np.array([[0.0], [1.0], [-1.0], [2.0], [-2.0]])
    X_val = np.array([[3.0], [-3.0], [3.0], [0.0], [0.5]])  # 3 and -3 tie
    y_val = np.array([-1, 1, -1, 1, 1])
    det = GaussianAnomalyDetector().fit(X, X_val=X_val, y_val=y_val)
    achieved = f1_score(y_val, det.predict(X_val), pos_label=-1)
    assert_allclose(achieved, _brute_force_best_f1(det.score_samples(X_val), y_val))


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_gaussian_anomaly_flags_planted_outliers_like_elliptic_envelope(seed):
    """Check that with contamination only we flag planted outliers with F1 within 0.1 of EllipticEnvelope's."""
    X, y = _planted(seed)
    contamination = 25 / len(X)
    ours = GaussianAnomalyDetector(covariance_type="full", contamination=contamination).fit(X)
    theirs = EllipticEnvelope(contamination=contamination, random_state=0).fit(X)
    f1_ours = f1_score(y, ours.predict(X), pos_label=-1)
    f1_theirs = f1_score(y, theirs.predict(X), pos_label=-1)
    # Our covariance is not robust (the outliers inflate it); MCD's is: a small gap.
    assert f1_ours >= f1_theirs - 0.1
    assert np.sum(ours.predict(X) == -1) == 25


def test_gaussian_anomaly_contamination_flags_that_fraction():
    """Check that without validation data the threshold is the contamination quantile of the training scores."""
    X = DATASETS["wine"]
    det = GaussianAnomalyDetector(contamination=0.2).fit(X)
    assert det.threshold_source_ == "contamination"
    assert_allclose(det.threshold_, np.percentile(det.score_samples(X), 20))
    assert abs(np.mean(det.predict(X) == -1) - 0.2) < 1 / len(X) + 1e-12


def test_gaussian_anomaly_given_threshold_and_decision_function():
    """Check that a given threshold is used and decision_function is score minus threshold."""
    X = DATASETS["wine"]
    det = GaussianAnomalyDetector(threshold=-40.0).fit(X)
    assert det.threshold_ == det.offset_ == -40.0
    assert_allclose(det.decision_function(X), det.score_samples(X) + 40.0)
    assert_array_equal(det.predict(X), np.where(det.score_samples(X) < -40.0, -1, 1))


# Errors -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "fit_params, match",
    [
        ({"X_val": np.zeros((3, 13))}, "X_val and y_val must be given together.*only X_val"),
        ({"X_val": np.zeros((3, 13)), "y_val": [0, 1, 0]},
         r"y_val must contain 1 \(normal\) and -1 \(anomaly\).*got labels \[0, 1\]"),
        ({"X_val": np.zeros((3, 13)), "y_val": [1, 1, 1]}, "y_val contains no anomaly"),
        ({"X_val": np.zeros((3, 12)), "y_val": [1, -1, 1]}, "X has 12 features, but GaussianAnomalyDetector is expecting 13"),
        ({"X_val": np.zeros((3, 13)), "y_val": [1, -1]}, r"inconsistent numbers of samples: \[3, 2\]"),
    ],
)
def test_gaussian_anomaly_rejects_bad_validation_set(fit_params, match):
    """Check that a malformed validation set raises a ValueError naming the problem."""
    with pytest.raises(ValueError, match=match):
        GaussianAnomalyDetector().fit(DATASETS["wine"], **fit_params)


@pytest.mark.parametrize(
    "params, match",
    [
        ({"covariance_type": "tied"}, r"'covariance_type' parameter of GaussianAnomalyDetector .* Got 'tied'"),
        ({"contamination": 0.7}, r"'contamination' parameter .* \(0, 0.5\]. Got 0.7 instead"),
        ({"threshold": "low"}, r"'threshold' parameter .* Got 'low' instead"),
    ],
)
def test_gaussian_anomaly_rejects_invalid_params(params, match):
    """Check that fit rejects invalid parameters with a message quoting the value."""
    with pytest.raises(ValueError, match=match):
        GaussianAnomalyDetector(**params).fit(DATASETS["wine"])


def test_gaussian_anomaly_predict_errors():
    """Check NotFittedError before fit and the feature-count error after it."""
    with pytest.raises(NotFittedError, match="GaussianAnomalyDetector instance is not fitted"):
        GaussianAnomalyDetector().predict([[0.0]])
    det = GaussianAnomalyDetector().fit(DATASETS["wine"])
    with pytest.raises(ValueError, match="X has 2 features"):
        det.predict(np.zeros((1, 2)))
